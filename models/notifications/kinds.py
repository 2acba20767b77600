"""The kinds of notice, who receives them, and the channels a person can choose (pure data)."""
from __future__ import annotations

from dataclasses import dataclass

from models.common.errors import N_
from models.enums import Role

APP, MAIL, DIGEST = "app", "mail", "digest"
CHANNELS = {
    APP: N_("Alleen in Werkbrug"),
    MAIL: N_("Ook meteen per e-mail"),
    DIGEST: N_("Ook in een dagelijkse e-mail"),
}


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    roles: frozenset[Role]  # who may receive it (and choose a channel for it)
    default: str = DIGEST


KINDS: dict[str, Kind] = {k.code: k for k in (
    Kind("request_new", N_("Nieuw verzoek van een werkgever"), frozenset({Role.ACCOUNT_MANAGER, Role.COORDINATOR}), MAIL),
    Kind("sroi_proposal", N_("Voorstel van een opdrachtnemer wacht op goedkeuring"),
         frozenset({Role.ACCOUNT_MANAGER, Role.COORDINATOR})),
    Kind("follow_up_due", N_("Follow-up staat vandaag op de planning"), frozenset({Role.ACCOUNT_MANAGER, Role.COORDINATOR})),
    Kind("suggestions_new", N_("Nieuwe suggesties voor een vacature"), frozenset({Role.MATCHER, Role.COORDINATOR})),
    Kind("candidate_question", N_("Een werkgever wil kennismaken: vraag het uw kandidaat"),
         frozenset({Role.MATCHER, Role.COORDINATOR}), MAIL),
    Kind("consent_ending", N_("Toestemming van een kandidaat loopt binnenkort af"), frozenset({Role.MATCHER, Role.COORDINATOR})),
)}

CONSENT_NOTICE_DAYS = 30


def kinds_for(role: Role) -> list[Kind]:
    """The kinds of notice a person in ``role`` receives, in a fixed order."""
    return [kind for kind in KINDS.values() if role in kind.roles]
