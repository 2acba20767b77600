"""Who may do what: capabilities per role, the decorator every staff route uses, org scoping."""
from __future__ import annotations

from functools import wraps

from flask import abort, request
from flask_login import current_user, login_required

from models.enums import Role

# A coordinator can do everything an account manager and a matcher can, in their own organisation.
CAPABILITIES: dict[str, frozenset[Role]] = {
    "register": frozenset({Role.ACCOUNT_MANAGER, Role.COORDINATOR}),
    # Cleaning up the register's data (assigning sectors that fit no entry of the fixed list).
    "register_admin": frozenset({Role.COORDINATOR}),
    # Reading vacancies (own and shared with the organisation): matchers need them too.
    "vacancies": frozenset({Role.ACCOUNT_MANAGER, Role.MATCHER, Role.COORDINATOR}),
    "candidates": frozenset({Role.MATCHER, Role.COORDINATOR}),
    # Reassigning caseloads, screening routes, trajectory budgets and outreach selection.
    "caseload_admin": frozenset({Role.COORDINATOR}),
    "matching": frozenset({Role.MATCHER, Role.COORDINATOR}),
    "placements": frozenset({Role.MATCHER, Role.ACCOUNT_MANAGER, Role.COORDINATOR}),
    "reports": frozenset({Role.COORDINATOR}),
    "users": frozenset({Role.COORDINATOR, Role.ADMIN}),
    "audit": frozenset({Role.COORDINATOR, Role.ADMIN}),
    # The taxonomy is shared by the whole installation: coordinators and administrators keep it.
    "taxonomy": frozenset({Role.COORDINATOR, Role.ADMIN}),
    "system": frozenset({Role.ADMIN}),
    "staff": frozenset({Role.ACCOUNT_MANAGER, Role.MATCHER, Role.COORDINATOR, Role.ADMIN}),
    "employer_account": frozenset({Role.EMPLOYER}),
}


def can(capability: str, user=None) -> bool:
    """True when ``user`` (default: the current user) holds ``capability``."""
    user = user or current_user
    return bool(user.is_authenticated and user.role in CAPABILITIES[capability])


def requires(capability: str):
    """Route decorator: anonymous visitors go to the login page, other roles get 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not can(capability):
                from models.common import audit
                from web.extensions import db

                audit.record(
                    db.session, "access_denied", actor=current_user, result="denied",
                    origin=request.remote_addr, details={"endpoint": request.endpoint},
                )
                db.session.commit()  # the 403 response rolls back; the audit event must stay
                abort(403)
            return view(*args, **kwargs)

        wrapped.capability = capability
        return wrapped

    return decorator


def org_id() -> int:
    """The organisation of the signed-in staff member."""
    return current_user.organisation_id


def get_own_or_404(session, model, object_id: int):
    """Fetch a row of ``model`` belonging to the user's organisation; 404 for anything else."""
    obj = session.get(model, object_id)
    if obj is None or obj.organisation_id != current_user.organisation_id:
        abort(404)
    return obj
