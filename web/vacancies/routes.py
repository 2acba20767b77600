"""The vacancy list, a vacancy's page, its history and the export; own and shared vacancies."""
from __future__ import annotations

from flask import abort, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
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

from .forms import EDUCATION_LABELS, STATUS_LABELS, ProposeForm, ShareForm, VacancyFilterForm

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
    """The filters of an export (the list's own links, or ``args``); unknown values fall back to 'everything'."""
    args = request.args if args is None else args
    status = args.get("status", "")
    scope = args.get("scope", "all")
    employer = args.get("employer", "")
    return queries.Filters(
        q=args.get("q", "")[:200], status=status if status in STATUS_LABELS else "",
        employer_id=whole_number(employer, None, low=1),
        scope=scope if scope in queries.SCOPES else "all",
    )


def filter_form() -> tuple[VacancyFilterForm, queries.Filters, Employer | None]:
    """The list's filter form from the query string, the filters it gives and the employer filtered on.

    A value outside a select's options, or an employer that is not in the own register, puts a message
    naming the field on the form (web.forms.QueryForm) and the list shows everything: no filter half applied.
    """
    form = VacancyFilterForm(request.args)
    valid = form.validate()
    employer = None
    if form.employer.data:
        # The employer filter comes from the employer's page (?employer=ID); the search box finds
        # employers by name, so the list has no select of every employer of the register.
        employer_id = whole_number(form.employer.data, None, low=1)
        employer = db.session.get(Employer, employer_id) if employer_id else None
        if employer is None or employer.organisation_id != org_id():
            form.employer.errors = [_("Werkgever: deze werkgever staat niet in het register van uw organisatie.")]
            employer, valid = None, False
    if not valid:
        return form, queries.Filters(), None
    return form, queries.Filters(q=form.q.data or "", status=form.status.data or "", scope=form.scope.data or "all",
                                 employer_id=employer.id if employer else None), employer


@requires("vacancies")
def index():
    """Own vacancies and those partners shared with us, searchable and filtered, 25 per page."""
    form, filters, employer = filter_form()
    page = queries.list_page(db.session, org_id(), filters, paging.page_number(request.args.get("page")), PER_PAGE)
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render_template(
        "vacancies/index.html", rows=page.items, total=page.total, page=page,
        form=form, filters=filters, status_labels=STATUS_LABELS, employer_filter=employer,
        without_employer={k: v for k, v in args.items() if k != "employer"},
        submitted=queries.submitted_count(db.session, org_id()) if can("register") else 0, args=args,
    )


def export_count(session, organisation_id: int, args) -> int:
    query = queries.filtered(organisation_id, filters_from_request(args))
    return min(session.scalar(select(func.count()).select_from(query.subquery())), queries.EXPORT_LIMIT)


# queries.EXPORT_HEADERS in the page's language (Dutch unless ?lang=en), same columns in the same order.
EXPORT_HEADERS = (
    _l("Kenmerk"), _l("Functietitel"), _l("Werkgever"), _l("Beroep"), _l("Plaats"), _l("Uren min"), _l("Uren max"),
    _l("Status"), _l("Startdatum"), _l("Sluitingsdatum"), _l("Organisatie"), _l("Gedeeld met"), _l("Bijgewerkt"),
)


def export_made(session, organisation_id: int, args, fmt: str) -> Made:
    """The filtered list (business data only) as export rows, status and column names as on the page."""
    filters = filters_from_request(args)
    rows = queries.export_rows(session, organisation_id, filters)
    status = queries.EXPORT_HEADERS.index("Status")
    for row in rows:  # the status as the list shows it, in the page's language, not its code
        row[status] = str(STATUS_LABELS[row[status]])
    return Made([str(h) for h in EXPORT_HEADERS], rows, "Vacatures", f"vacatures-{clock.today().isoformat()}.{fmt}", {
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
    return render_template("vacancies/show.html", **show_context(get_visible_or_404(vacancy_id)))


def show_context(vacancy: Vacancy, propose: ProposeForm | None = None) -> dict:
    """What the vacancy page shows (its linked skills' labels, sharing or the propose form); a POST that
    is refused renders the page again from this, with its own ``propose`` form and that form's errors."""
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
        context.update(propose_form=propose or propose_form(vacancy),
                       my_proposals=own_proposals(db.session, vacancy, org_id()))
    return context


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
