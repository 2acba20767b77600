"""Inbox of employer requests for the own organisation's candidates: list, handle, link employer."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from werkzeug.routing import BuildError

from models import EmployerRequest, User
from models.catalogue import candidate_questions as questions
from models.catalogue import employer_requests as service
from models.common import audit, locking, paging
from models.common.errors import Conflict, InvalidInput
from models.enums import RequestStatus
from web.access import can, get_own_or_404, requires
from web.extensions import db
from web.forms import choices, conflict_message, form_status, messages, save
from web.i18n import translated

from .forms import STATUS_LABELS, AnswerForm, RequestEditForm, RequestFilterForm, StatusForm

PER_PAGE = 25


@requires("register")
def index():
    """Requests of the own organisation, newest first, by status and owner."""
    form = RequestFilterForm(request.args)
    form.validate()  # an unknown status or owner is reported on the form and filters nothing
    query = select(EmployerRequest).where(EmployerRequest.organisation_id == current_user.organisation_id)
    if form.status.data and not form.status.errors:
        query = query.where(EmployerRequest.status == RequestStatus(form.status.data))
    if form.owner.errors:
        pass
    elif form.owner.data == "mine":
        query = query.where(EmployerRequest.owner_id == current_user.id)
    elif form.owner.data == "none":
        query = query.where(EmployerRequest.owner_id.is_(None))
    page = paging.paginate(db.session, query.options(joinedload(EmployerRequest.profile))
                           .order_by(EmployerRequest.created_at.desc(), EmployerRequest.id.desc()),
                           paging.page_number(request.args.get("pagina")), PER_PAGE)
    rows = page.items
    owner_ids = {r.owner_id for r in rows if r.owner_id}
    owners = ({uid: name for uid, name in db.session.execute(select(User.id, User.name).where(User.id.in_(owner_ids)))}
              if owner_ids else {})
    args = {k: v for k, v in request.args.items() if k != "pagina"}
    return render_template("requests/index.html", form=form, requests=rows, total=page.total, page=page,
                           args=args, labels=STATUS_LABELS, owners=owners)


def _employer_url(employer) -> str | None:
    try:
        return url_for("employers.show", employer_id=employer.id)
    except BuildError:  # the register area is not installed, or names its parameter otherwise
        return None


def _render(req: EmployerRequest, form: RequestEditForm | None = None, status: int = 200, error: str | None = None):
    if form is None:
        form = RequestEditForm(data={"version": req.version, "owner_id": req.owner_id,
                                     "follow_up_on": req.follow_up_on})
    form.owner_id.choices = _owner_choices(req)
    candidate_link = None
    profile = req.profile
    if profile is not None and profile.candidate_id is not None and can("candidates") \
            and profile.organisation_id == current_user.organisation_id:
        candidate_link = url_for("candidates.profile", candidate_id=profile.candidate_id)
    return render_template(
        "requests/show.html", req=req, form=form, error=error, labels=STATUS_LABELS,
        next_statuses=service.next_by_hand(req), waiting_for=_waiting_for(req), status_form=StatusForm(),
        match=service.matching_employer(db.session, req) if req.employer_id is None else None,
        employer_url=_employer_url(req.employer) if req.employer else None, candidate_link=candidate_link,
        answers=questions.ANSWERS, people=_names(req.asked_user_id, req.answered_by_id),
        may_answer=can("candidates") and questions.may_answer(req, current_user),
    ), status


def _waiting_for(req: EmployerRequest) -> str | None:
    sentence = service.waiting_for(req)
    return translated(sentence) if sentence else None


def _owner_choices(req: EmployerRequest):
    """"Niemand" and who can own a request; a current owner who no longer can is shown as such."""
    staff = [(u.id, u.name) for u in service.staff_choices(db.session, current_user.organisation_id)]
    if req.owner_id and req.owner_id not in {uid for uid, _name in staff}:
        owner = db.session.get(User, req.owner_id)
        if owner is not None:
            staff.append((owner.id, _("%(name)s (kan verzoeken niet openen; kies een ander)", name=owner.name)))
    return choices([("", _("Niemand")), *staff])


def _names(*user_ids: int | None) -> dict[int, str]:
    ids = {u for u in user_ids if u}
    return dict(db.session.execute(select(User.id, User.name).where(User.id.in_(ids))).all()) if ids else {}


def _load(request_id: int) -> EmployerRequest:
    return get_own_or_404(db.session, EmployerRequest, request_id)


@requires("register")
def show(request_id: int):
    """One request: the employer's message, the profile by pseudonym, status steps, owner."""
    return _render(_load(request_id))


@requires("register")
def edit(request_id: int):
    """Change owner and follow-up date (optimistic locking)."""
    req = _load(request_id)
    form = RequestEditForm()
    form.owner_id.choices = _owner_choices(req)
    if not form.validate():
        return _render(req, form, 422)
    if not save(form, service.update, db.session, req, owner_id=form.owner_id.data,
                follow_up_on=form.follow_up_on.data, actor=current_user, locked=req, fallback="owner_id"):
        return _render(req, form, form_status(form))
    flash(_("Verzoek bijgewerkt."), "success")
    return redirect(url_for(".show", request_id=req.id))


@requires("register")
def change_status(request_id: int):
    """Move the request one step on by hand (agreed → introduced → closed, declined → closed); asking and
    the candidate's answer go through the question to the candidate's matcher instead."""
    req = _load(request_id)
    form = StatusForm()
    try:
        locking.check_version(db.session, req, form.version.data)
        service.step_by_hand(db.session, req, form.status.data, current_user)
    except Conflict as exc:
        return _render(req, status=409, error=conflict_message(exc))
    except InvalidInput as exc:
        return _render(req, status=422, error=" ".join(messages(exc)))
    flash(_("Status: %(status)s.", status=STATUS_LABELS[req.status.value]), "success")
    return redirect(url_for(".show", request_id=req.id))


@requires("register")
def link_employer(request_id: int):
    """Link the employer with the request's KvK number, or create it from the request."""
    req = _load(request_id)
    if req.employer_id is not None:
        flash(_("Dit verzoek is al gekoppeld aan een werkgever."), "error")
        return redirect(url_for(".show", request_id=req.id))
    employer, created = service.link_employer(db.session, req, current_user)
    flash(_("Werkgever %(name)s aangemaakt en gekoppeld.", name=employer.name) if created else
          _("Gekoppeld aan werkgever %(name)s.", name=employer.name), "success")
    return redirect(url_for(".show", request_id=req.id))


@requires("register")
def ask_candidate(request_id: int):
    """"Vraag de kandidaat": the question goes as a task to the candidate's own matcher."""
    req = _load(request_id)
    try:
        locking.check_version(db.session, req, request.form.get("version"))
        owner = questions.ask(db.session, req, current_user)
    except Conflict as exc:
        return _render(req, status=409, error=conflict_message(exc))
    except InvalidInput as exc:
        return _render(req, status=422, error=" ".join(messages(exc)))
    flash(_("De vraag staat bij %(name)s, de matcher van de kandidaat. Het antwoord verschijnt hier.",
            name=owner.name), "success")
    return redirect(url_for(".show", request_id=req.id))


def _answer_page(req: EmployerRequest, form: AnswerForm, status: int = 200):
    candidate = questions.candidate_of(db.session, req)
    if candidate is not None:  # the page shows the client number and full name, like the candidate's record
        audit.record(db.session, audit.VIEW_PERSONAL, actor=current_user, obj=candidate, origin=request.remote_addr,
                     details={"page": "request_answer", "request_id": req.id})
    return render_template("requests/answer.html", req=req, form=form, candidate=candidate,
                           answers=questions.ANSWERS, people=_names(req.asked_user_id, req.answered_by_id),
                           note_max=questions.NOTE_MAX), status


def _load_question(request_id: int) -> EmployerRequest:
    req = _load(request_id)
    if not questions.may_answer(req, current_user):
        abort(404)  # no question for this user: like another organisation's object, it does not exist
    return req


@requires("candidates")
def answer_form(request_id: int):
    """The asked matcher's task: which employer asks about which of their candidates; the answer form."""
    return _answer_page(_load_question(request_id), AnswerForm(formdata=None))


@requires("candidates")
def answer(request_id: int):
    """Record the candidate's answer (yes/no, a note without personal data) for the account manager."""
    req = _load_question(request_id)
    form = AnswerForm()
    if not form.validate():
        return _answer_page(req, form, 422)

    def answer() -> None:
        locking.check_version(db.session, req, request.form.get("version"))
        questions.record_answer(db.session, req, form.answer.data, form.note.data, current_user)

    if not save(form, answer, fallback="answer"):
        return _answer_page(req, form, form_status(form))
    flash(_("Antwoord vastgelegd; de accountmanager ziet het bij het verzoek."), "success")
    return redirect(url_for("candidates.my_caseload"))
