"""The vacancy list, a vacancy's page, its history and the export; own and shared vacancies."""
from __future__ import annotations

from flask import abort, render_template, request
from flask_login import current_user
from sqlalchemy import func, select

from models import ChangeRecord, Concept, Employer, User, Vacancy
from models.common import audit, clock, paging
from models.vacancies import queries, sharing
from models.vacancies.sharing import own_proposals, partner_organisations, proposable_candidates
from web.access import can, org_id, requires
from web.exports.kinds import Made
from web.exports.routes import deliver
from web.extensions import db
from web.forms import choices
from web.params import whole_number
from web.queue import triggers

from .forms import EDUCATION_LABELS, STATUS_LABELS, ProposeForm, ShareForm

PER_PAGE = 25


def template_labels() -> dict:
    return {"education_labels": EDUCATION_LABELS}


def get_visible_or_404(vacancy_id: int) -> Vacancy:
    """A vacancy of the user's organisation or shared with it; 404 for anything else."""
    vacancy = queries.get_visible(db.session, org_id(), vacancy_id)
    if vacancy is None:
        abort(404)
    return vacancy


def get_own_vacancy_or_404(vacancy_id: int) -> Vacancy:
    """A vacancy of the user's own organisation; 404 for shared and others' vacancies."""
    vacancy = get_visible_or_404(vacancy_id)
    if vacancy.organisation_id != org_id():
        abort(404)
    return vacancy


def filters_from_request(args=None) -> queries.Filters:
    """The list filters from the query string (or ``args``); unknown values fall back to 'everything'."""
    args = request.args if args is None else args
    status = args.get("status", "")
    scope = args.get("scope", "all")
    employer = args.get("employer", "")
    return queries.Filters(
        q=args.get("q", "")[:200], status=status if status in STATUS_LABELS else "",
        employer_id=whole_number(employer, None, low=1),
        scope=scope if scope in queries.SCOPES else "all",
    )


@requires("vacancies")
def index():
    """Own vacancies and those partners shared with us, searchable and filtered, 25 per page."""
    filters = filters_from_request()
    page = queries.list_page(db.session, org_id(), filters, paging.page_number(request.args.get("page")), PER_PAGE)
    # The employer filter comes from the employer's page (?employer=ID); the search box finds
    # employers by name, so the list has no select of every employer of the register.
    employer = db.session.get(Employer, filters.employer_id) if filters.employer_id else None
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "vacancies/index.html", rows=page.items, total=page.total, page=page,
        filters=filters, status_labels=STATUS_LABELS,
        employer_filter=employer if employer is not None and employer.organisation_id == org_id() else None,
        without_employer={k: v for k, v in args.items() if k != "employer"},
        submitted=queries.submitted_count(db.session, org_id()) if can("register") else 0, args=args,
    )


def export_count(session, organisation_id: int, args) -> int:
    query = queries.filtered(organisation_id, filters_from_request(args))
    return min(session.scalar(select(func.count()).select_from(query.subquery())), queries.EXPORT_LIMIT)


def export_made(session, organisation_id: int, args, fmt: str) -> Made:
    """The filtered list (business data only) as export rows."""
    filters = filters_from_request(args)
    rows = queries.export_rows(session, organisation_id, filters)
    return Made(queries.EXPORT_HEADERS, rows, "Vacatures", f"vacatures-{clock.today().isoformat()}.{fmt}", {
        "what": "vacancies", "format": fmt, "rows": len(rows), "q": filters.q, "status": filters.status,
        "scope": filters.scope, "employer": filters.employer_id})


@requires("register")
def export(fmt: str):
    """The filtered list as CSV or XLSX (business data only); a big one is made by the worker; audit-logged."""
    return deliver("vacancies", fmt)


@requires("vacancies")
def show(vacancy_id: int):
    """A vacancy: its details and linked skills; for the owner sharing and partners' proposals,
    for a partner (read-only) who shared it and the form to propose their own candidates."""
    vacancy = get_visible_or_404(vacancy_id)
    own = vacancy.organisation_id == org_id()
    concept_ids = {t.concept_id for t in vacancy.terms if t.concept_id}
    if vacancy.occupation_concept_id:
        concept_ids.add(vacancy.occupation_concept_id)
    labels = dict(db.session.execute(select(Concept.id, Concept.label).where(Concept.id.in_(concept_ids))).all()) if concept_ids else {}
    context = dict(vacancy=vacancy, own=own, labels=labels, status_labels=STATUS_LABELS)
    if own:
        share_form = ShareForm()
        share_form.organisations.choices = choices(
            (o.id, o.name) for o in partner_organisations(db.session, org_id())
            if o.id not in {s.organisation_id for s in vacancy.shares})
        context.update(share_form=share_form, proposals=sharing.owner_proposals(db.session, vacancy))
    elif can("matching"):
        context.update(propose_form=propose_form(vacancy), my_proposals=own_proposals(db.session, vacancy, org_id()))
    return render_template("vacancies/show.html", **context)


def propose_form(vacancy=None) -> ProposeForm:
    """The propose form: the own organisation's active candidates by name, those who fit the vacancy
    first with their score (viewing them is audit-logged)."""
    form = ProposeForm()
    candidates = proposable_candidates(db.session, org_id())
    fit, computing = {}, False
    if vacancy is not None and candidates:
        from models.matches.index_cache import IndexNotReady
        from models.matches.suggestions import rank

        try:
            ranked, _tax = rank(db.session, vacancy, org_id(), top=len(candidates))
            fit = {r.candidate_id: r.score for r in ranked}
        except IndexNotReady as exc:  # no snapshot yet: names without scores; the worker builds it
            triggers.index_wanted(exc.organisation_id)
            computing = True

    def label(c) -> str:
        name = f"{c.personal.first_name} {c.personal.last_name}" if c.personal else c.external_id
        if computing:
            score = " · past-score wordt berekend"
        else:
            score = f" · past {fit[c.id] * 100:.0f}%" if c.id in fit else " · voldoet niet aan een harde eis of past niet"
        return f"{name} ({c.external_id}, {c.place or 'plaats onbekend'}){score}"

    ordered = sorted(candidates, key=lambda c: (-fit.get(c.id, -1.0), c.external_id))
    form.candidate_id.choices = choices([("", "Kies een kandidaat")] + [(c.id, label(c)) for c in ordered])
    audit.record(db.session, "view_personal", actor=current_user, origin=request.remote_addr,
                 details={"what": "candidate_names", "count": len(candidates), "endpoint": request.endpoint})
    return form


@requires("vacancies")
def history(vacancy_id: int):
    """Every recorded change of an own vacancy: who, when, field, old → new."""
    vacancy = get_own_vacancy_or_404(vacancy_id)
    changes = db.session.execute(
        select(ChangeRecord, User.name).outerjoin(User, User.id == ChangeRecord.actor_id)
        .where(ChangeRecord.object_type == "Vacancy", ChangeRecord.object_id == vacancy.id)
        .order_by(ChangeRecord.at.desc(), ChangeRecord.id.desc())
    ).all()
    return render_template("vacancies/history.html", vacancy=vacancy, changes=changes)
