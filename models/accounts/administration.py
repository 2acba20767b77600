"""What one staff member may do to another's account: same organisation, never a higher role,
and an organisation always keeps one active administrator."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.enums import Role

# Account managers and matchers are peers; a coordinator is above both, an administrator above all.
RANK = {Role.EMPLOYER: 0, Role.ACCOUNT_MANAGER: 1, Role.MATCHER: 1, Role.COORDINATOR: 2, Role.ADMIN: 3}


class NotAllowed(Exception):
    """The action is refused; ``message`` says why, in Dutch, for the person who tried."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def same_organisation(actor: User, target: User | None) -> bool:
    """True when ``target`` is a staff account of the actor's own organisation."""
    return bool(target is not None and target.is_staff and target.organisation_id == actor.organisation_id)


def may_manage(actor: User, target: User) -> bool:
    """True when ``actor`` may reset, switch off or edit ``target``: same organisation, not higher."""
    return same_organisation(actor, target) and RANK[target.role] <= RANK[actor.role]


def may_grant(actor: User, role: Role) -> bool:
    """True when ``actor`` may give an account ``role`` (never above their own)."""
    return RANK[role] <= RANK[actor.role]


def active_admins(session: Session, organisation_id: int) -> int:
    """How many active administrators ``organisation_id`` has."""
    return session.scalar(select(func.count()).select_from(User).where(
        User.organisation_id == organisation_id, User.role == Role.ADMIN, User.active.is_(True))) or 0


def check_manage(actor: User, target: User) -> None:
    """Raise NotAllowed unless ``actor`` may manage ``target`` (the caller has checked the organisation)."""
    if not may_manage(actor, target):
        raise NotAllowed("U kunt het account van iemand met een hogere rol niet wijzigen.")


def set_active(session: Session, actor: User, target: User, active: bool) -> None:
    """Switch ``target`` on or off; off ends its sessions at once. Raises NotAllowed for a higher
    role, for the actor's own account and for the organisation's last active administrator."""
    check_manage(actor, target)
    if target.id == actor.id:
        raise NotAllowed("U kunt uw eigen account niet uitschakelen.")
    if not active and target.active and target.role == Role.ADMIN and \
            active_admins(session, target.organisation_id) <= 1:
        raise NotAllowed("Dit is de laatste actieve beheerder van de organisatie; die blijft ingeschakeld.")
    target.active = active
    target.session_version += 1
    session.flush()
