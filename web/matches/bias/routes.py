"""The bias monitor page: flags per open vacancy and the overall table of the own organisation."""
from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _

from matching.bias import MIN_GROUP, THRESHOLD
from models.common import clock, paging
from models.common.errors import N_
from models.matches import bias
from web.access import org_id, requires
from web.extensions import db
from web.forms import form_status
from web.queue import enqueue_quietly

from .forms import BiasSettingsForm

RETRY_SECONDS = 30  # the page refreshes itself while the job computes
PER_PAGE = 25
DIMENSIONS = {"age_band": N_("Leeftijd"), "target_group": N_("Doelgroep")}
GROUPS = {"geen": N_("geen doelgroep"), "participatiewet": N_("Participatiewet"), "banenafspraak": N_("banenafspraak"),
          "statushouder": N_("statushouder"), "ww": N_("WW"), "wia": N_("WIA"), "wajong": N_("Wajong"), "nug": N_("nug"), "wsw": N_("Wsw")}


@requires("reports")
def index():
    """Per open vacancy: which age bands or target groups are over- or under-represented in the top 10 (as the
    job last counted them; it is asked for new counts when the data changed since)."""
    form = BiasSettingsForm(request.args)
    valid = form.validate()
    threshold = (form.threshold.data if valid and form.threshold.data else round(THRESHOLD * 100)) / 100
    min_group = form.min_group.data if valid and form.min_group.data else MIN_GROUP
    result = bias.organisation_bias(db.session, org_id(), clock.today(), threshold, min_group)
    if result is None or not result.current:  # the job ranks and counts; the page never does
        enqueue_quietly("compute_bias", org_id(), once_key=f"bias:compute:{org_id()}")
    if result is None:
        response = render_template("bias/computing.html", title=_("Bias-monitor"), retry=RETRY_SECONDS)
        return response, 200, {"Retry-After": str(RETRY_SECONDS)}
    page = paging.of_list(result.vacancies, paging.page_number(request.args.get("pagina")), PER_PAGE)
    shown = page.items
    return render_template("bias/index.html", form=form, result=result, shown=shown, page=page,
                           dimensions=DIMENSIONS, groups=GROUPS, threshold=threshold, min_group=min_group,
                           title=_("Bias-monitor"), retry=RETRY_SECONDS), form_status(form), \
        {} if result.current else {"Retry-After": str(RETRY_SECONDS)}
