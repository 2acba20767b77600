"""The bias monitor page: flags per open vacancy and the overall table of the own organisation."""
from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from matching.bias import MIN_GROUP, THRESHOLD
from models.common import clock, paging
from models.common.errors import N_
from models.matches import bias
from models.matches.index_cache import IndexNotReady
from web.access import org_id, requires
from web.extensions import db
from web.forms import form_status
from web.matches.routes import index_not_ready

from .forms import BiasSettingsForm

bp = Blueprint("bias", __name__, url_prefix="/beheer/bias-monitor", template_folder="templates")
# No index snapshot yet: "being computed", as on the suggestions pages (the monitor never builds one either).
bp.register_error_handler(IndexNotReady, index_not_ready)
PER_PAGE = 25
DIMENSIONS = {"age_band": N_("Leeftijd"), "target_group": N_("Doelgroep")}
GROUPS = {"geen": N_("geen doelgroep"), "participatiewet": N_("Participatiewet"), "banenafspraak": N_("banenafspraak"),
          "statushouder": N_("statushouder"), "ww": N_("WW"), "wia": N_("WIA"), "wajong": N_("Wajong"), "nug": N_("nug"), "wsw": N_("Wsw")}


@bp.route("/")
@requires("reports")
def index():
    """Per open vacancy: which age bands or target groups are over- or under-represented in the top 10."""
    form = BiasSettingsForm(request.args)
    valid = form.validate()
    threshold = (form.threshold.data if valid and form.threshold.data else round(THRESHOLD * 100)) / 100
    min_group = form.min_group.data if valid and form.min_group.data else MIN_GROUP
    result = bias.organisation_bias(db.session, org_id(), clock.today(), threshold, min_group)
    page = paging.of_list(result.vacancies, paging.page_number(request.args.get("pagina")), PER_PAGE)
    shown = page.items
    return render_template("bias/index.html", form=form, result=result, shown=shown, page=page,
                           dimensions=DIMENSIONS, groups=GROUPS, threshold=threshold, min_group=min_group,
                           title=_("Bias-monitor")), form_status(form)
