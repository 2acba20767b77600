"""The matcher's pages: the review queue, a vacancy's suggestions, the best vacancies for a candidate."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import current_user

from matching.explain import render_reasons
from matching.rank import VacancyIndex
from models import Candidate, Vacancy
from models.common import audit
from models.enums import VacancyStatus
from models.matches import queries
from models.matches.documents import candidate_doc, vacancy_docs
from models.matches.index_cache import get_index
from models.matches.review import NOT_HIRED_REASONS, REJECT_REASONS, STATUS_LABELS, next_steps
from models.matches.suggestions import reason_lines, refresh_suggestions
from web.access import get_own_or_404, org_id, requires
from web.extensions import db
from web.params import page_arg

from .forms import ActionForm, RejectForm, StatusForm

bp = Blueprint("matches", __name__, url_prefix="/beheer/suggesties", template_folder="templates")


def visible_vacancy_or_404(vacancy_id: int) -> Vacancy:
    """A vacancy of the user's organisation or shared with it; 404 for anything else."""
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None or not queries.is_visible(db.session, vacancy, org_id()):
        abort(404)
    return vacancy


@bp.route("/")
@requires("matching")
def queue():
    """Open vacancies of my organisation and shared with it, newest suggestions to review first."""
    page = page_arg()
    rows, total = queries.queue(db.session, org_id(), page)
    pages = max(1, -(-total // queries.PAGE_SIZE))
    return render_template("matches/queue.html", rows=rows, page=min(page, pages), pages=pages, total=total)


@bp.route("/vacature/<int:vacancy_id>")
@requires("matching")
def vacancy(vacancy_id: int):
    """A vacancy's suggestions from my organisation's candidates, best first, with reasons and review."""
    vac = visible_vacancy_or_404(vacancy_id)
    own = queries.own_suggestions(db.session, vac, org_id())
    if not own and vac.status == VacancyStatus.OPEN:  # first visit: compute once, later on request
        refresh_suggestions(db.session, vac, current_user.organisation)
        own = queries.own_suggestions(db.session, vac, org_id())
    partners = queries.partner_suggestions(db.session, vac) if vac.organisation_id == org_id() else []
    if own:
        audit.record(db.session, "view_personal", actor=current_user, obj=vac, origin=request.remote_addr,
                     details={"page": "suggestions", "candidates": [s.candidate_id for s in own]})
    forms = {}
    for s in [*own, *(p for p, _name in partners)]:
        status_form = StatusForm(prefix=f"s{s.id}", formdata=None, version=s.version)
        status_form.set_steps([x for x in next_steps(s) if x.value not in ("proposed", "rejected")])
        status_form.has_steps = bool(status_form.status.choices)
        forms[s.id] = {"action": ActionForm(prefix=f"s{s.id}", formdata=None, version=s.version),
                       "reject": RejectForm(prefix=f"s{s.id}", formdata=None, version=s.version),
                       "status": status_form}
    return render_template(
        "matches/vacancy.html", vacancy=vac, own=own, partners=partners, forms=forms,
        labels=STATUS_LABELS, reason_lines=reason_lines, reject_labels=REJECT_REASONS,
        not_hired_labels=NOT_HIRED_REASONS, recompute=ActionForm(),
        is_owner=vac.organisation_id == org_id(),
    )


@bp.route("/kandidaat/<int:candidate_id>")
@requires("matching")
def for_candidate(candidate_id: int):
    """The best open vacancies (own and shared) for one of my organisation's candidates."""
    candidate: Candidate = get_own_or_404(db.session, Candidate, candidate_id)
    audit.record(db.session, "view_personal", actor=current_user, obj=candidate, origin=request.remote_addr,
                 details={"page": "vacancies_for_candidate"})
    vacancies = queries.open_visible_vacancies(db.session, org_id())
    entry = get_index(db.session, org_id())
    results = []
    if vacancies:
        by_id = {v.id: v for v in vacancies}
        with entry.lock:
            ranked = VacancyIndex(vacancy_docs(db.session, vacancies), entry.index.space,
                                  entry.index.taxonomy).suggest(candidate_doc(db.session, candidate), top=20)
        labels = entry.index.taxonomy
        results = [(by_id[r.candidate_id], r.score, render_reasons(r.reasons, labels)) for r in ranked]
    return render_template("matches/candidate.html", candidate=candidate, results=results)


from . import review_routes  # noqa: E402,F401  (registers the review actions on bp)
