"""The matcher's pages: the review queue, a vacancy's suggestions, the best vacancies for a candidate."""
from __future__ import annotations

from flask import abort, current_app, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from models import Candidate, Vacancy
from models.common import audit, paging
from models.common.errors import N_
from models.enums import SuggestionStatus, VacancyStatus
from models.matches import index_cache, queries, refresh
from models.matches.documents import candidate_doc, vacancy_docs
from models.matches.index_cache import IndexNotReady
from models.matches.review import NOT_HIRED_REASONS, REJECT_REASONS, STATUS_LABELS, next_steps
from models.matches.suggestions import left_out
from models.placements.placement import Placement
from web.access import get_own_or_404, org_id, requires
from web.extensions import db
from web.queue import triggers

from .forms import ActionForm, BulkRejectForm, RejectForm, StatusForm, translated_choices
from .reasons import live_lines, page_lines

PROTO = "sPROTO"  # the prefix review fields are rendered with once per page, then replaced per card
VERSION = "sVERSION"  # likewise the version in their hidden fields


def min_score() -> float:
    """The configured minimum relevance of a suggestion (MATCH_MIN_SCORE)."""
    return float(current_app.config.get("MATCH_MIN_SCORE", 0.0))


def visible_vacancy_or_404(vacancy_id: int) -> Vacancy:
    """A vacancy of the user's organisation or shared with it; 404 for anything else."""
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None or not queries.is_visible(db.session, vacancy, org_id()):
        abort(404)
    return vacancy


@requires("matching")
def queue():
    """Open vacancies of my organisation and shared with it, newest suggestions to review first."""
    page = queries.queue(db.session, org_id(), paging.page_number(request.args.get("pagina")))
    return render_template("matches/queue.html", rows=page.items, page=page, total=page.total)


@requires("matching")
def vacancy(vacancy_id: int):
    """A vacancy's suggestions from my organisation's candidates, best first, a page at a time (``pagina``:
    past the last gives the last, anything but a positive whole number the first), with reasons and review."""
    vac = visible_vacancy_or_404(vacancy_id)
    counts = queries.own_counts(db.session, vac, org_id())
    computing, not_listed = "", 0  # computing: what the list waits for ("list", "index"), if anything
    if not counts and vac.status == VacancyStatus.OPEN and not queries.was_computed(db.session, vac.id, org_id()):
        triggers.suggestions_wanted(vac.id)  # the worker ranks it (a GET stores nothing): usually seconds
        computing = "list"
    try:
        not_listed = left_out(db.session, vac, org_id(), limit=0)[1] if vac.status == VacancyStatus.OPEN else 0
    except IndexNotReady as exc:  # the stored suggestions (if any) still show; new ones follow
        db.session.rollback()
        triggers.index_wanted(exc.organisation_id)
        computing = "index"
    # Candidates of an import that is arriving (or just arrived) are ranked once its last body is in.
    recomputing = bool(counts) and refresh.waits_for_import(db.session, vac, org_id(), current_app.config[
        "QUEUE_REFRESH_MAX_VACANCIES"], current_app.config["IMPORT_STALE_SECONDS"])
    page = queries.own_page(db.session, vac, org_id(), paging.page_number(request.args.get("pagina")),
                            sum(counts.values()))
    own = page.items
    placed = dict(db.session.execute(select(Placement.suggestion_id, Placement.id).where(
        Placement.suggestion_id.in_([s.id for s in own]))).all()) if own else {}
    partners = queries.partner_suggestions(db.session, vac) if vac.organisation_id == org_id() else []
    if own:
        audit.record(db.session, "view_personal", actor=current_user, obj=vac, origin=request.remote_addr,
                     details={"page": "suggestions", "candidates": [s.candidate_id for s in own]})
    labels = {status: _(label) for status, label in STATUS_LABELS.items()}
    return render_template(
        "matches/vacancy.html", vacancy=vac, own=own, page=page, partners=partners,
        counts=[(labels[s], counts[s]) for s in SuggestionStatus if counts.get(s)],
        forms=_review_forms(own, partners), labels=labels, words=card_words(), reason_lines=page_lines(db.session, [*own, *(p for p, _name in partners)]),
        reason_labels=_reason_labels(), recompute=ActionForm(),
        is_owner=vac.organisation_id == org_id(), not_listed=not_listed, placed=placed, computing=computing,
        recomputing=recomputing,
        bulk=BulkRejectForm(formdata=None), reviewable=[s for s in own if s.status.value == "new"],
    )


# The words every card repeats, translated once per page (the template looks them up by key).
CARD_WORDS = {
    "score": N_("Score"), "file": N_("Dossier"), "fitting": N_("Passende vacatures"), "since": N_("sinds"),
    "by": N_("door"), "reason": N_("Reden"), "tick": N_("Aanvinken om samen af te wijzen"),
    "placement": N_("Plaatsing bekijken"), "record": N_("Plaatsing vastleggen"), "propose": N_("Voordragen"),
    "suggestion": N_("suggestie"), "reject_open": N_("Afwijzen…"), "reject": N_("Afwijzen"),
    "advance": N_("Status bijwerken"), "partner_of": N_("Kandidaat van"),
}


def card_words() -> dict[str, str]:
    """``CARD_WORDS`` in the request's language."""
    return {key: _(text) for key, text in CARD_WORDS.items()}


def _reason_labels() -> dict[str, str]:
    """The labels of the reasons a card may name, translated: a reject reason's, else a not-hired one's."""
    return {**{k: _(v) for k, v in NOT_HIRED_REASONS.items()}, **{k: _(v) for k, v in REJECT_REASONS.items()}}


def _review_forms(own: list, partners: list) -> dict[int, dict]:
    """Per suggestion what its card shows: its forms' hidden fields (version, CSRF) and, while new (own ones),
    the reject form's fields, else the next-step form's fields when there is a next step.

    The visible fields are the same on every card but for the prefix, so each kind is rendered once
    per page with a placeholder prefix and copied: a vacancy with 450 suggestions spent most of its
    time building 1,350 forms and rendering their selects (issue 18)."""
    field = current_app.jinja_env.get_template("_forms.html").module.field
    reject_reasons = translated_choices(RejectForm.reason.kwargs["choices"])
    not_hired = translated_choices(StatusForm.reason.kwargs["choices"])
    rendered: dict[tuple, Markup] = {}

    def fields(steps: tuple, indent: str) -> Markup:
        if steps not in rendered:
            if steps:
                proto = StatusForm(prefix=PROTO, formdata=None)
                proto.set_steps(steps)
                proto.status.choices = translated_choices(proto.status.choices)
                proto.reason.choices = not_hired
                names = ("status", "reason", "note")
            else:
                proto = RejectForm(prefix=PROTO, formdata=None)
                proto.reason.choices = reject_reasons
                names = ("reason", "note")
            # the fields are rendered (escaped) by the macro; indent is one of the two whitespace literals below
            rendered[steps] = Markup(indent).join(field(proto[name]) for name in names)  # nosec B704
        return rendered[steps]

    hidden = ActionForm(prefix=PROTO, formdata=None, version=VERSION).hidden_tag()
    forms = {}
    for s in [*own, *(p for p, _name in partners)]:
        tag = hidden.replace(f"{PROTO}-", f"s{s.id}-").replace(VERSION, str(int(s.version)))
        mine = {"hidden": tag}
        if s.status == SuggestionStatus.NEW:
            mine["reject_fields"] = fields((), "\n        ").replace(f"{PROTO}-", f"s{s.id}-")
        elif steps := tuple(x for x in next_steps(s) if x.value not in ("proposed", "rejected")):
            mine["status_fields"] = fields(steps, "\n      ").replace(f"{PROTO}-", f"s{s.id}-")
        forms[s.id] = mine
    return forms


def index_not_ready(exc: IndexNotReady):
    """No snapshot of the organisation's index yet: say the suggestions are being computed (never build here)."""
    db.session.rollback()
    triggers.index_wanted(exc.organisation_id)
    response = current_app.make_response(render_template("matches/computing.html"))
    response.headers["Retry-After"] = "30"
    return response


@requires("matching")
def left_out_page(vacancy_id: int):
    """Candidates who meet the hard requirements but are not in the list (under the minimum relevance), best first."""
    vac = visible_vacancy_or_404(vacancy_id)
    ranked, count, tax = left_out(db.session, vac, org_id()) if vac.status == VacancyStatus.OPEN else ([], 0, None)
    people = {c.id: c for c in db.session.scalars(select(Candidate).where(
        Candidate.id.in_([r.candidate_id for r in ranked])).options(joinedload(Candidate.personal)))} if ranked else {}
    if ranked:
        audit.record(db.session, "view_personal", actor=current_user, obj=vac, origin=request.remote_addr,
                     details={"page": "suggestions_left_out", "candidates": [r.candidate_id for r in ranked]})
    rows = [(people[r.candidate_id], r.score, live_lines(r.reasons, tax)) for r in ranked if r.candidate_id in people]
    return render_template("matches/left_out.html", vacancy=vac, rows=rows, count=count, min_score=min_score())


@requires("matching")
def for_candidate(candidate_id: int):
    """The best open vacancies (own and shared) for one of my organisation's candidates."""
    candidate: Candidate = get_own_or_404(db.session, Candidate, candidate_id)
    audit.record(db.session, "view_personal", actor=current_user, obj=candidate, origin=request.remote_addr,
                 details={"page": "vacancies_for_candidate"})
    vacancies = queries.open_visible_vacancies(db.session, org_id())
    entry = index_cache.get_index(db.session, org_id())
    results = []
    if vacancies:
        by_id = {v.id: v for v in vacancies}
        with entry.lock:
            from matching.rank import VacancyIndex  # scikit-learn behind it: not at boot

            ranked = VacancyIndex(vacancy_docs(db.session, vacancies), entry.index.space,
                                  entry.index.taxonomy).suggest(candidate_doc(db.session, candidate), top=20)
        labels = entry.index.taxonomy
        results = [(by_id[r.candidate_id], r.score, live_lines(r.reasons, labels)) for r in ranked]
    return render_template("matches/candidate.html", candidate=candidate, results=results)
