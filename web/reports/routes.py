"""Report pages per family, CSV/XLSX per figure, the list behind each bar, and the council view."""
from __future__ import annotations

from datetime import date

from flask import Response, abort, current_app, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from models.common import audit, clock, exports, paging
from models.common.errors import InvalidInput
from models.common.money import format_euro
from models.reports import SMALL, Period, drilldown, parse_period, scope_org_ids
from models.reports.disclosure import Shown, disclose
from web.access import can, org_id, requires
from web.extensions import db
from web.forms import show_errors
from web.i18n import translated

from . import stored
from .data import FAMILIES, SCOPED, family_data
from .forms import PeriodForm

# Pages whose figures read only what the REPORTS stamp follows (web/reports/stored.py): kept per worker and
# version of the data. The dossier page's ladder query took 140-330 ms at the benchmark scale (issue 18); the
# funnel counts suggestions, whose review does not move that stamp, so it is computed each time.
STORED = ("dossier",)
PERIOD_ARGS = ("periode", "jaar", "kwartaal", "maand", "van", "tot", "bereik")


def report_value(value, unit: str = "aantal") -> str:
    """A figure's value as a person reads it: euros, a percentage or a count."""
    if unit == "euro":
        return format_euro(int(value))
    if isinstance(value, float) or hasattr(value, "as_tuple"):  # job equivalents, targets (Decimal)
        value = int(value) if value == int(value) else float(value)
        if isinstance(value, float):
            text = f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
            return f"{text}%" if unit == "procent" else text
    if unit == "procent":
        return f"{value}%"
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def council(value, people: bool = True) -> str:
    """A count of people shown outside the team: 0 stays 0, 1 up to the threshold (REPORT_SMALL_NUMBERS,
    default 5) becomes "<5" so that nobody can be recognised in a small cell."""
    threshold = small_threshold()
    if people and isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < threshold:
        return f"<{threshold}"
    return report_value(value)


def council_cells(figure) -> Shown:
    """A figure as the council view shows it: small counts "<5", and the cells hidden ("×") so that no small
    count follows from the total (models/reports/disclosure.py)."""
    return disclose(figure, small_threshold(), report_value)


def bar_extra(bar, suppress: bool = False) -> str:
    """The explanation of a bar, with the people behind a percentage ("3 van 40"; outside the team small
    counts as "<5")."""
    extra = translated(bar.extra) if bar.extra else bar.extra
    if not bar.counts:
        return extra
    part, whole = (council(n) if suppress else report_value(n) for n in bar.counts)
    counted = _("%(part)s van %(whole)s", part=part, whole=whole)
    return f"{counted}; {extra}" if extra else counted


def small_threshold() -> int:
    """Counts of people under this many are hidden outside the team (REPORT_SMALL_NUMBERS, default 5)."""
    return current_app.config.get("REPORT_SMALL_NUMBERS") or SMALL


def _settings() -> tuple[PeriodForm, Period | None, str]:
    form = PeriodForm(request.args)
    today = clock.today()
    if not form.jaar.data:
        form.jaar.data = str(today.year)
    try:
        period = parse_period(request.args, today)
    except InvalidInput as exc:
        show_errors(form, exc)
        period = None
    scope = form.bereik.data if form.bereik.data in ("own", "region") else "own"
    return form, period, scope


def _args() -> dict:
    return {k: request.args[k] for k in PERIOD_ARGS if request.args.get(k)}


def _family_or_404(family: str, period: Period, scope: str):
    if family not in FAMILIES:
        abort(404)
    return family_data(db.session, family, org_id(), scope, period, clock.today(), current_app.config)


@requires("reports")
def index():
    """The first report page (placements); the others are one tab away."""
    return family("plaatsingen")


@requires("reports")
def family(family: str):
    """One family of figures for the chosen period and scope, as charts with their data tables."""
    if family not in FAMILIES:
        abort(404)
    form, period, scope = _settings()
    data = None
    if period and family in STORED:
        data = stored.cached(("family", family, org_id(), scope, period.kind, period.start, period.end, period.label,
                              clock.today()), lambda: _family_or_404(family, period, scope))
    elif period:
        data = _family_or_404(family, period, scope)
    return render_template("reports/family.html", form=form, period=period, data=data, family=family,
                           families=FAMILIES, scoped=family in SCOPED, scope=scope, args=_args(),
                           title=_(FAMILIES[family])), 422 if period is None else 200


@requires("reports")
def export(family: str, figure: str, fmt: str):
    """One figure as CSV or XLSX (label, value, explanation); audit-logged."""
    form, period, scope = _settings()
    if fmt not in exports.MIMETYPES or period is None:
        abort(404)
    chosen = next((f for f in _family_or_404(family, period, scope).figures if f.key == figure), None)
    if chosen is None:
        abort(404)
    unit = {"euro": "bedrag (cent)", "procent": "procent"}.get(chosen.unit, "aantal")
    rows = [[b.label, b.value, bar_extra(b)] for b in chosen.bars]
    content, mimetype = exports.export(fmt, ["onderdeel", unit, "toelichting"], rows, title=chosen.title)
    audit.record(db.session, "export", actor=current_user, origin=request.remote_addr, details={
        "what": f"report:{family}:{figure}", "format": fmt, "from": period.start.isoformat(),
        "to": period.end.isoformat(), "scope": scope})
    name = f"rapportage-{family}-{figure}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.{fmt}"
    return Response(content, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@requires("reports")
def drill(family: str, figure: str, code: str):
    """The rows behind one bar: placements, suggestions, contact moments or candidates; audit-logged."""
    form, period, scope = _settings()
    if period is None or family not in FAMILIES:
        abort(404)
    page = paging.page_number(request.args.get("pagina"))
    org_ids = scope_org_ids(db.session, org_id(), scope if family in SCOPED else "own")
    today = clock.today()
    if family == "social-return" and figure == "contractor":
        return _contractor_obligations(code, period, today)
    try:
        if family == "plaatsingen":
            result = drilldown.placements(db.session, figure, code, org_ids, period, page)
        elif family == "social-return" and figure == "sroi_jobs":
            result = drilldown.placements(db.session, figure, code, [org_id()], period, page)
        elif family == "funnel":
            result = drilldown.suggestions(db.session, figure, code, org_ids, period, page)
        elif family == "werkgevers":
            result = drilldown.contacts(db.session, figure, code, org_id(), period, today, page)
        elif family == "kandidaten":
            result = drilldown.candidates(db.session, figure, code, org_id(), today, page)
        else:
            abort(404)
    except drilldown.UnknownFigure:
        abort(404)
    if any(result.candidate_ids):
        audit.record(db.session, "view_personal", actor=current_user, origin=request.remote_addr, details={
            "what": f"report:{family}:{figure}:{code}", "count": len(result.rows)})
    return render_template("reports/drill.html", result=result, family=family, figure=figure, code=code,
                           period=period, args=_args(), families=FAMILIES,
                           page=paging.Page(result.rows, result.page, drilldown.PER_PAGE, result.total),
                           link_candidates=can("candidates") and "candidates.show" in current_app.view_functions,
                           title=_("Lijst achter het cijfer"))


def _contractor_obligations(code: str, period, today: date):
    """The obligations behind one contractor's bar: no personal data, so nothing to audit."""
    from models.reports.sroi import obligations_in
    from models.sroi.progress import STATUS_LABELS, progress_many

    if not code.isdigit():
        abort(404)
    obligations = [o for o in obligations_in(db.session, org_id(), period) if o.contractor_id == int(code)]
    if not obligations:
        abort(404)
    return render_template("reports/drill_obligations.html", obligations=obligations, period=period,
                           progress=progress_many(db.session, obligations, today), status_labels=STATUS_LABELS,
                           contractor=obligations[0].contractor, args=_args(), families=FAMILIES,
                           title=_("Verplichtingen van %(name)s", name=obligations[0].contractor.name))
