"""Candidate list, candidate record (audit-logged) and consent."""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import String, and_, cast, func, or_, select
from sqlalchemy.orm import contains_eager, joinedload

from models import Candidate, PublicProfile
from models.candidates import ownership, records
from models.catalogue.publishing import profiles
from models.common import audit, clock, paging
from models.enums import ProfileStatus, TermKind
from web.access import get_own_or_404, requires
from web.extensions import db
from web.forms import choices, form_status, save
from web.params import whole_number

from .forms import CandidateFilterForm, ConsentForm

PER_PAGE = 25


def profile_filter(value: str):
    """The WHERE clause for the list's "Openbaar profiel" filter (None: no filter)."""
    if value == "none":
        return PublicProfile.id.is_(None)
    if value == "waiting":
        return and_(PublicProfile.status == ProfileStatus.DRAFT, PublicProfile.reviewed_at.is_not(None))
    if value == "draft":
        return and_(PublicProfile.status == ProfileStatus.DRAFT, PublicProfile.reviewed_at.is_(None))
    if value in ("published", "withdrawn"):
        return PublicProfile.status == ProfileStatus(value)
    if value == "check":  # published in bulk with sentences the learned gate asks a person to read
        return and_(PublicProfile.sentences_to_check > 0, PublicProfile.status != ProfileStatus.WITHDRAWN)
    return None


def load_candidate(candidate_id: int) -> Candidate:
    """The candidate of the own organisation with everything the pages show; 404 otherwise."""
    candidate = get_own_or_404(db.session, Candidate, candidate_id)
    db.session.refresh(candidate, ["personal", "terms", "profile", "owner"])
    return candidate


def view_personal(candidate: Candidate, page: str) -> None:
    """Log that the current user saw this candidate's personal data."""
    audit.record(db.session, "view_personal", actor=current_user, obj=candidate, origin=request.remote_addr,
                 details={"page": page})


@requires("candidates")
def index():
    """Candidates of the own organisation, by client number, place and occupation; no names."""
    form = CandidateFilterForm(request.args)
    routes = records.routes(db.session, current_user.organisation_id, active_only=False)
    form.route.choices = choices([("", _("Alle")), ("none", _("Niet gescreend"))] + [(str(r.id), r.label) for r in routes])
    form.validate()
    query = (select(Candidate).outerjoin(PublicProfile, PublicProfile.candidate_id == Candidate.id)
             .where(Candidate.organisation_id == current_user.organisation_id))
    q = (form.q.data or "").strip()
    if q:
        like = f"%{q.lower()}%"
        query = query.where(or_(func.lower(Candidate.external_id).like(like), func.lower(Candidate.place).like(like),
                                func.lower(cast(Candidate.desired_occupations, String)).like(like)))
    if form.owner.data == "mine":
        query = query.where(Candidate.owner_id == current_user.id)
    if form.route.data == "none":
        query = query.where(Candidate.screening_route_id.is_(None))
    elif (route_id := whole_number(form.route.data, None, low=1)) is not None:
        query = query.where(Candidate.screening_route_id == route_id)
    clause = profile_filter(form.profile.data or "")
    if clause is not None:
        query = query.where(clause)
    page = paging.paginate(db.session, query.options(contains_eager(Candidate.profile), joinedload(Candidate.owner))
                           .order_by(Candidate.external_id), paging.page_number(request.args.get("pagina")), PER_PAGE)
    args = {k: v for k, v in request.args.items() if k != "pagina"}
    return render_template("candidates/index.html", form=form, candidates=page.items, total=page.total, page=page,
                           args=args, today=clock.today())


@requires("candidates")
def show(candidate_id: int):
    """The full record with personal data (audit-logged), terms, ladder and consent."""
    candidate = load_candidate(candidate_id)
    view_personal(candidate, "record")
    return _render_show(candidate)


def _render_show(candidate: Candidate, form: ConsentForm | None = None, status: int = 200, **forms):
    """The candidate page; ``forms`` replaces a default form of the file (one that failed validation)."""
    from .edit_routes import default_forms
    from .file_view import file_context

    if form is None:
        form = ConsentForm(data={"version": candidate.version, "given": candidate.publish_consent,
                                 "given_on": candidate.consent_given_on, "until": candidate.consent_until})
    terms = {kind: [t for t in candidate.terms if t.kind == kind] for kind in TermKind}
    today = clock.today()
    return render_template("candidates/show.html", candidate=candidate, form=form, terms=terms,
                           today=today, forms={**default_forms(candidate), **forms},
                           **file_context(candidate, today)), status


@requires("candidates")
def consent(candidate_id: int):
    """Record consent to publish; withdrawing it takes the profile off the catalogue at once."""
    candidate = load_candidate(candidate_id)
    form = ConsentForm()
    if not form.validate():
        return _render_show(candidate, form, 422)

    def record() -> None:
        profiles.record_consent(
            db.session, candidate, given=form.given.data, given_on=form.given_on.data, until=form.until.data,
            actor=current_user, today=clock.today(), k=current_app.config["PROFILE_K_ANONYMITY"],
        )
        ownership.mark_edited(candidate, ["publish_consent", "consent_until"], clock.utcnow())

    if not save(form, record, locked=candidate):
        return _render_show(candidate, form, form_status(form))
    flash(_("Toestemming opgeslagen.") if form.given.data else
          _("Toestemming ingetrokken; een openbaar profiel is direct offline gehaald."), "success")
    return redirect(url_for(".show", candidate_id=candidate.id))
