"""The employers blueprint's URLs; its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from flask import Blueprint

from web.exports.kinds import Kind, register_kind
from web.lazy import LazyViews

bp = Blueprint("employers", __name__, url_prefix="/werkgevers", template_folder="templates")
views = LazyViews(bp, "web.register")
views.add("/", "routes.index")
views.add("/export.<fmt>", "routes.export")
views.add("/<int:employer_id>/afspraken/nieuw", "agreements.agreement_create", methods=["GET", "POST"])
views.add("/<int:employer_id>/afspraken/<int:agreement_id>/bewerken", "agreements.agreement_edit", methods=["GET", "POST"])
views.add("/<int:employer_id>/afspraken/<int:agreement_id>/geschiedenis", "agreements.agreement_history")
views.add("/<int:employer_id>/contactpersonen/nieuw", "contacts.person_create", methods=["GET", "POST"])
views.add("/<int:employer_id>/contactpersonen/<int:person_id>/bewerken", "contacts.person_edit", methods=["GET", "POST"])
views.add("/<int:employer_id>/contactpersonen/<int:person_id>/verwijderen", "contacts.person_delete", methods=["POST"])
views.add("/<int:employer_id>/contactpersonen/<int:person_id>/geschiedenis", "contacts.person_history")
views.add("/nieuw", "employer_views.create", methods=["GET", "POST"])
views.add("/<int:employer_id>", "employer_views.show")
views.add("/<int:employer_id>/bewerken", "employer_views.edit", methods=["GET", "POST"])
views.add("/<int:employer_id>/geschiedenis", "employer_views.employer_history")
views.add("/follow-ups", "follow_ups.follow_ups")
views.add("/follow-ups/<int:moment_id>/afgerond", "follow_ups.follow_up_done", methods=["POST"])
views.add("/follow-ups/afronden", "follow_ups.follow_ups_done", methods=["POST"])
views.add("/follow-ups/<int:moment_id>/uitstellen", "follow_ups.follow_up_postpone", methods=["POST"])
views.add("/follow-ups/<int:moment_id>/overdragen", "follow_ups.follow_up_hand_over", methods=["POST"])
views.add("/follow-ups/week", "follow_ups.follow_ups_week")
views.add("/follow-ups/agenda", "follow_ups.calendar_settings", methods=["GET", "POST"])
views.add("/<int:employer_id>/contactmomenten", "moments.log_moment", methods=["POST"])
views.add("/contactmoment", "moments.quick_moment", methods=["GET", "POST"])
views.add("/sectoren", "sector_routes.sectors_to_assign", methods=["GET", "POST"])
views.template_filter("sector_label", "routes.sector_label")
register_kind("employers", Kind("register", views.lazy("routes.export_count"), views.lazy("routes.export_made")))
