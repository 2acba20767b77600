"""The council report (raadsrapportage): per quarter or year, each indicator with its target, a
short Dutch text, its chart and its table (CSV/XLSX), small counts of people shown as "<5"."""
from __future__ import annotations

from flask import Response, abort, current_app, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from models.common import audit, clock, exports
from models.reports import SMALL, Figure
from web.access import org_id, requires
from web.extensions import db
from web.i18n import translated

from . import stored
from .data import FAMILIES, family_data
from .routes import _args, _settings, bar_extra, council_cells, report_value

COUNCIL_FAMILIES = ("plaatsingen", "social-return", "kandidaten", "dossier")
# Figures about single staff members or single contractors stay inside the team.
# "indicator" is the team's file-freshness view over all candidates; the council reads the official
# ladder and plan indicators (family "dossier").
INTERNAL = ("caseload", "contractor", "indicator")
INTERNAL_HEADLINES = ("Trede beoordeeld < 12 maanden", "Actueel plan")


def figure_text(figure: Figure, period_label: str) -> str:
    """One or two Dutch sentences on what the figure shows, with the target where one is set."""
    threshold = current_app.config.get("REPORT_SMALL_NUMBERS") or SMALL
    people = any(b.people for b in figure.bars)
    cells = council_cells(figure)
    if figure.unit == "euro":
        total = report_value(int(figure.total), "euro")
    elif figure.unit == "procent":
        total = None
    else:
        total = cells.total
    parts = []
    if figure.unit == "procent" and figure.bars:
        picked = list(enumerate(figure.bars))
        picked = picked if len(picked) <= 3 else picked[-1:]
        parts.append(_("%(title)s: %(values)s.", title=translated(figure.title), values="; ".join(
            _("%(label)s niet te berekenen (niemand om te tellen)", label=translated(b.label)) if b.counts and not b.counts[1]
            else f"{translated(b.label)} {cells.values[i]}" + (f" ({bar_extra(b, True)})" if b.counts else "")
            for i, b in picked)))
    if total is not None and figure.total_label:
        parts.append(_("%(label)s in %(period)s: %(total)s.", label=_(figure.total_label), period=period_label,
                       total=total))
    elif total is not None:
        parts.append(_("%(title)s in %(period)s: %(total)s.", title=translated(figure.title), period=period_label,
                       total=total))
    if figure.target:
        last = figure.bars[-1].value if figure.bars else 0
        reached = _("gehaald") if last >= figure.target else _("nog niet gehaald")
        parts.append(_("Doel voor het jaar: %(target)s; %(reached)s.", target=report_value(figure.target, figure.unit),
                       reached=reached))
    if people and 0 < figure.total < threshold:
        parts.append(_("Kleine aantallen staan als “<%(n)s”, zodat niemand herkenbaar is.", n=threshold))
    return " ".join(parts)


def _sections(period, scope):
    today = clock.today()
    out = []
    for key in COUNCIL_FAMILIES:
        data = family_data(db.session, key, org_id(), scope, period, today, current_app.config, skip=INTERNAL)
        figures = [f for f in data.figures if f.key not in INTERNAL]
        data.headlines = [h for h in data.headlines if h.label not in INTERNAL_HEADLINES]
        out.append((key, FAMILIES[key], data, [(f, figure_text(f, period.label)) for f in figures]))
    return out


@requires("reports")
def council_view():
    """The council report for a quarter or a year: headlines, per indicator a text, chart and table."""
    form, period, scope = _settings()
    if period is None:
        return render_template("reports/family.html", form=form, period=None, data=None, family="raad",
                               families=FAMILIES, scoped=False, scope=scope, args=_args(),
                               title=_("Raadsrapportage")), 422
    sections = stored.cached(("council", org_id(), scope, period.kind, period.start, period.end, period.label,
                              clock.today()),
                             lambda: _sections(period, scope))
    return render_template("reports/council.html", sections=sections, period=period, scope=scope,
                           args=_args(), form=form, title=_("Raadsrapportage"))


@requires("reports")
def council_export(family: str, figure: str, fmt: str):
    """One council table as CSV or XLSX, small counts of people as "<5" like on the page; audit-logged."""
    form, period, scope = _settings()
    if fmt not in exports.MIMETYPES or period is None or family not in COUNCIL_FAMILIES or figure in INTERNAL:
        abort(404)
    data = family_data(db.session, family, org_id(), scope, period, clock.today(), current_app.config)
    chosen = next((f for f in data.figures if f.key == figure), None)
    if chosen is None:
        abort(404)
    cells = council_cells(chosen)
    rows = [[b.label, shown if b.people or cells.hidden[i] else b.value, bar_extra(b, True)]
            for i, (b, shown) in enumerate(zip(chosen.bars, cells.values))]
    if chosen.total_label:
        rows.append([chosen.total_label, cells.total, "som van de rijen zonder 'waarvan'"])
    if cells.secondary:
        threshold = current_app.config.get("REPORT_SMALL_NUMBERS") or SMALL
        rows.append(["×", "", "niet getoond, zodat een klein aantal niet uit het totaal en de andere rijen te "
                              f"berekenen is; de getoonde rijen tellen samen met '<{threshold}' en '×' op tot het totaal"])
    content, mimetype = exports.export(fmt, ["onderdeel", "waarde", "toelichting"], rows, title=chosen.title)
    audit.record(db.session, "export", actor=current_user, origin=request.remote_addr, details={
        "what": f"council:{family}:{figure}", "format": fmt, "from": period.start.isoformat(),
        "to": period.end.isoformat()})
    name = f"raadsrapportage-{figure}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.{fmt}"
    return Response(content, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})
