"""Coordinators set the yearly targets of the report indicators here (never in configuration)."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.reports import targets as report_targets
from web.access import org_id, requires
from web.extensions import db
from web.forms import save

from .forms import TargetForm


def _page(form: TargetForm, status: int = 200):
    form.indicator.choices = [("", _("Kies een indicator"))] + [
        (key, _(label)) for key, (label, _unit, _example) in report_targets.INDICATORS.items()]
    return render_template("reports/targets.html", form=form, indicators=report_targets.INDICATORS,
                           targets=report_targets.all_targets(db.session, org_id()),
                           title=_("Doelen per jaar")), status


@requires("reports")
def targets():
    """Every indicator with its targets per year, and the form to set one."""
    return _page(TargetForm(indicator=request.args.get("indicator", ""), year=request.args.get("jaar", "")))


@requires("reports")
def set_target():
    """Set, change or (with an empty value) remove one indicator's target for one year; audited."""
    form = TargetForm()
    if not form.validate_on_submit():
        return _page(form, 422)
    if not save(form, report_targets.set_target, db.session, org_id(), form.indicator.data, form.year.data or "",
                form.value.data or "", actor=current_user):
        return _page(form, 422)
    label = report_targets.INDICATORS[form.indicator.data][0]
    flash(_("Doel voor %(what)s in %(year)s opgeslagen.", what=_(label), year=form.year.data.strip()), "success")
    return redirect(url_for(".targets"))
