"""Social-return obligations: list with progress, register, edit, and the obligation page."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from models import BuildingBlockTable, Placement, SroiObligation
from models.common import clock, paging
from models.common.money import format_percentage, plain_euro
from models.sroi import authority as sroi_authority
from models.sroi import contractor as sroi_contractor
from models.sroi import obligations as sroi
from models.sroi.progress import ACTIVITY_LABELS, STATUS_LABELS, progress, progress_many
from web import employer_choice
from web.access import get_own_or_404, org_id, requires
from web.extensions import db
from web.forms import choices, form_status, save

from .forms import AccessForm, ActivityForm, LinkPlacementForm, ObligationForm

PER_PAGE = 25


def percentage(value):
    """A Decimal percentage in Dutch notation: 5,5%."""
    return format_percentage(value)


@requires("register")
def index():
    """Obligations of the own organisation with realised value, forecast and status."""
    query = select(SroiObligation).where(SroiObligation.organisation_id == org_id())
    page = paging.paginate(db.session, query.options(joinedload(SroiObligation.contractor))
                           .order_by(SroiObligation.period_end.desc(), SroiObligation.id.desc()),
                           paging.page_number(request.args.get("pagina")), PER_PAGE)
    obligations = page.items
    return render_template("sroi/index.html", obligations=obligations, total=page.total, page=page,
                           progress=progress_many(db.session, obligations, clock.today()),
                           waiting=sroi_contractor.waiting_counts(db.session, [o.id for o in obligations]),
                           status_labels=STATUS_LABELS)


def _fill(form: ObligationForm, contractor_id: int | None = None) -> None:
    form.large_register = employer_choice.fill(form.contractor, _("Kies de opdrachtnemer"),
                                               form.contractor_search.data, also=[contractor_id])
    tables = db.session.scalars(select(BuildingBlockTable).order_by(BuildingBlockTable.region)).all()
    form.table.choices = choices([(0, _("De tabel van de regio van de opdrachtgever"))] + [
        (t.id, f"{t.region}: {t.name}" + (" " + _("(voorbeeld, geen bron)") if t.example else "")) for t in tables])


def _data(form: ObligationForm) -> dict:
    return {"contract_name": form.contract_name.data, "contract_number": form.contract_number.data,
            "contracting_authority": form.contracting_authority.data, "contractor_id": form.contractor.data,
            "contract_sum": form.contract_sum.data, "percentage": form.percentage.data,
            "period_start": form.period_start.data, "period_end": form.period_end.data,
            "table_id": form.table.data, "pso_rung": form.pso_rung.data}


@requires("register")
def create():
    """Register an obligation; the contracting authority's region chooses the table unless one is picked."""
    form = ObligationForm()
    _fill(form)
    if "zoek_werkgever" not in request.form and form.validate_on_submit() and (saved := save(
            form, sroi.create_obligation, db.session, org_id(), _data(form), actor=current_user,
            once=lambda o: url_for(".show", obligation_id=o.id))):
        obligation = saved.value
        flash(_("Verplichting vastgelegd: %(what)s.", what=sroi.obligation_summary(obligation)), "success")
        return redirect(url_for(".show", obligation_id=obligation.id))
    return render_template("sroi/form.html", form=form, obligation=None), form_status(form)


@requires("register")
def edit(obligation_id: int):
    """Edit an obligation (optimistic locking: 409 when someone else saved it first)."""
    obligation = get_own_or_404(db.session, SroiObligation, obligation_id)
    form = ObligationForm()
    _fill(form, obligation.contractor_id)
    if request.method == "GET":
        form.process(data={
            "version": obligation.version, "contract_name": obligation.contract_name,
            "contract_number": obligation.contract_number, "contracting_authority": obligation.contracting_authority,
            "contractor": obligation.contractor_id, "contract_sum": plain_euro(obligation.contract_sum_cents),
            "percentage": format_percentage(obligation.percentage).removesuffix("%"),
            "period_start": obligation.period_start, "period_end": obligation.period_end,
            "table": obligation.table_id, "pso_rung": str(obligation.pso_rung or "")})
    elif "zoek_werkgever" not in request.form and form.validate_on_submit() and save(form, sroi.update_obligation, db.session, obligation, _data(form),
                                            locked=obligation, actor=current_user):
        flash(_("Verplichting opgeslagen."), "success")
        return redirect(url_for(".show", obligation_id=obligation.id))
    return render_template("sroi/form.html", form=form, obligation=obligation), form_status(form)


@requires("register")
def show(obligation_id: int, link_form=None, activity_form=None, access_form=None, review_errors=None,
         status: int = 200, authority_form=None):
    """The obligation: amount, realised, remaining, forecast, status, every contribution, the contractor's
    proposals waiting for review and who has access as the contractor's contact person."""
    obligation = get_own_or_404(db.session, SroiObligation, obligation_id)
    link_form = link_form or LinkPlacementForm(prefix="link")
    candidates = db.session.execute(
        select(Placement.id, Placement.start_date, Placement.hours_per_week)
        .where(Placement.organisation_id == org_id(), Placement.employer_id == obligation.contractor_id,
               Placement.sroi_obligation_id.is_(None)).order_by(Placement.start_date)).all()
    link_form.placement.choices = choices(
        (p.id, _("Plaatsing %(id)s, gestart %(start)s, %(hours)s u/week", id=p.id,
                 start=p.start_date.strftime("%d-%m-%Y"), hours=p.hours_per_week)) for p in candidates)
    return render_template("sroi/show.html", obligation=obligation, progress=progress(db.session, obligation,
                           clock.today()), status_labels=STATUS_LABELS, link_form=link_form,
                           activity_form=activity_form or ActivityForm(prefix="activity"), today=clock.today(),
                           proposals=sroi_contractor.proposals(db.session, obligation, waiting_only=True),
                           activity_labels=ACTIVITY_LABELS, rates=sroi.activity_rates(db.session, obligation, clock.today()),
                           review_errors=review_errors or {}, access_form=access_form or AccessForm(prefix="access"),
                           contacts=sroi_contractor.contacts(db.session, obligation.contractor),
                           authority_form=authority_form or AccessForm(prefix="authority"),
                           managers=sroi_authority.managers(db.session, obligation.organisation_id,
                                                            obligation.contracting_authority)), status
