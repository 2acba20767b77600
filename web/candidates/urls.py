"""The candidates blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.lazy import LazyViews

bp = Blueprint("candidates", __name__, url_prefix="/beheer/kandidaten", template_folder="templates")
views = LazyViews(bp, "web.candidates")
views.add("/", "routes.index")
views.add("/<int:candidate_id>", "routes.show")
views.add("/<int:candidate_id>/toestemming", "routes.consent", methods=["POST"])
views.add("/publiceren", "bulk_routes.publish_selected", methods=["POST"])
views.add("/intrekken", "bulk_routes.withdraw_selected", methods=["POST"])
views.add("/<int:candidate_id>/bewerken", "edit_routes.edit", methods=["GET", "POST"])
views.add("/<int:candidate_id>/trede", "edit_routes.ladder", methods=["POST"])
views.add("/<int:candidate_id>/plan", "edit_routes.plan", methods=["POST"])
views.add("/<int:candidate_id>/screening", "edit_routes.screening", methods=["POST"])
views.add("/caseload", "caseload_routes.my_caseload")
views.add("/caseload/<int:user_id>", "caseload_routes.caseload")
views.add("/caseloads", "caseload_routes.caseloads_overview")
views.add("/herverdelen", "caseload_routes.reassign", methods=["POST"])
views.add("/outreach", "outreach_routes.outreach")
views.add("/outreach/selecteren", "outreach_routes.outreach_select", methods=["POST"])
views.add("/outreach/<int:item_id>/stap", "outreach_routes.outreach_step", methods=["POST"])
views.add("/<int:candidate_id>/profiel", "profile_routes.profile")
views.add("/<int:candidate_id>/profiel", "profile_routes.publish", methods=["POST"])
views.add("/<int:candidate_id>/profiel/intrekken", "profile_routes.unpublish", methods=["POST"])
views.add("/<int:candidate_id>/trajecten", "programme_routes.add_trajectory", methods=["POST"])
views.add("/<int:candidate_id>/participatiebaan", "programme_routes.start_participatiebaan", methods=["POST"])
views.add("/trajecten/<int:item_id>/afronden", "programme_routes.end_trajectory", methods=["GET", "POST"])
views.add("/participatiebanen/<int:item_id>/beeindigen", "programme_routes.end_participatiebaan", methods=["GET", "POST"])
views.add("/trajecten-en-participatiebanen", "programme_routes.programmes", methods=["GET"])
views.add("/trajecten/budget", "programme_routes.set_budget", methods=["POST"])
views.add("/trajecten/aanbieder", "programme_routes.mark_provider", methods=["POST"])
views.add("/screeningsroutes", "programme_routes.screening_routes", methods=["GET", "POST"])
