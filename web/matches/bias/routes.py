"""The bias monitor page: flags per open vacancy and the overall table of the own organisation."""
from __future__ import annotations

from datetime import date

from flask import Blueprint, render_template, request
from flask_babel import gettext as _

from matching.bias import MIN_GROUP, THRESHOLD
from models.matches import bias
from web.access import org_id, requires
from web.extensions import db
from web.params import page_arg

from .forms import BiasSettingsForm

bp = Blueprint("bias", __name__, url_prefix="/beheer/bias-monitor", template_folder="templates")
PER_PAGE = 25
DIMENSIONS = {"age_band": "Leeftijd", "target_group": "Doelgroep"}
GROUPS = {"geen": "geen doelgroep", "participatiewet": "Participatiewet", "banenafspraak": "banenafspraak",
          "statushouder": "statushouder", "ww": "WW", "wia": "WIA", "wajong": "Wajong", "nug": "nug", "wsw": "Wsw"}


@bp.route("/")
@requires("reports")
def index():
    """Per open vacancy: which age bands or target groups are over- or under-represented in the top 10."""
    form = BiasSettingsForm(request.args)
    valid = form.validate()
    threshold = (form.threshold.data if valid and form.threshold.data else round(THRESHOLD * 100)) / 100
    min_group = form.min_group.data if valid and form.min_group.data else MIN_GROUP
    result = bias.organisation_bias(db.session, org_id(), date.today(), threshold, min_group)
    page = page_arg()
    shown = result.vacancies[(page - 1) * PER_PAGE: page * PER_PAGE]
    pages = max(1, -(-len(result.vacancies) // PER_PAGE))
    return render_template("bias/index.html", form=form, result=result, shown=shown, page=page, pages=pages,
                           dimensions=DIMENSIONS, groups=GROUPS, threshold=threshold, min_group=min_group,
                           title=_("Bias-monitor")), 422 if form.errors else 200
