"""The demo organisations, one demo account per staff role in each of them, and a contractor's
contact person (an employer account) who follows its social-return obligations."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ContractorAccess, Organisation, SroiActivity, SroiObligation, User
from models.accounts import users
from models.enums import OrganisationKind, Role

# Shown in the README and printed by `make run`; for demonstrations only.
DEMO_PASSWORD = "werkbrug-demo-2026"

DEMO_ORGANISATIONS = (
    dict(key="dronten", name="Gemeente Dronten", kind=OrganisationKind.MUNICIPALITY,
         region="Flevoland", building_block_table_key="flevoland-voorbeeld", is_default=True),
    dict(key="uwv-flevoland", name="UWV Werkbedrijf Flevoland", kind=OrganisationKind.UWV,
         region="Flevoland", building_block_table_key="flevoland-voorbeeld"),
)

DEMO_ROLES = (
    (Role.ACCOUNT_MANAGER, "accountmanager", "Accountmanager"),
    (Role.MATCHER, "matcher", "Matcher"),
    (Role.COORDINATOR, "coordinator", "Coördinator"),
    (Role.ADMIN, "beheerder", "Beheerder"),
)

PEOPLE = {
    "dronten": ("Sanne de Wit", "Youssef Amrani", "Petra Hoekstra", "Bram Kok"),
    "uwv-flevoland": ("Linda Mulder", "Kees Dijkstra", "Ayşe Yıldız", "Tom Veenstra"),
}


# An employer account with access to the obligations of a contractor in Dronten.
DEMO_CONTRACTOR_EMAIL = "opdrachtnemer@werkgever.example.org"


def demo_email(role_slug: str, org_key: str) -> str:
    """E-mail of a demo account, e.g. matcher@dronten.example.org."""
    return f"{role_slug}@{org_key}.example.org"


def create_demo_accounts(session: Session) -> list[tuple[str, str, str]]:
    """Create the demo organisations and accounts that do not exist yet; returns (email, role, org)."""
    created = []
    for spec in DEMO_ORGANISATIONS:
        org = session.scalar(select(Organisation).where(Organisation.key == spec["key"]))
        if org is None:
            org = Organisation(**spec)
            session.add(org)
            session.flush()
        for (role, slug, _title), person in zip(DEMO_ROLES, PEOPLE[org.key]):
            email = demo_email(slug, org.key)
            if session.scalar(select(User.id).where(User.email == email)) is None:
                users.create_user(session, email=email, name=person, role=role,
                                     password=DEMO_PASSWORD, organisation=org)
            created.append((email, role.value, org.key))
    return created


def create_demo_contractor(session: Session, org: Organisation) -> str | None:
    """Give the contractor of one of ``org``'s social-return obligations (the first with activities,
    so its table values the proposals the contact person makes) a contact person with an employer
    account, as staff would; returns a summary line (None when there is no obligation)."""
    with_activities = select(SroiActivity.id).where(SroiActivity.obligation_id == SroiObligation.id).exists()
    obligation = session.scalar(select(SroiObligation).where(SroiObligation.organisation_id == org.id)
                                .order_by(with_activities.desc(), SroiObligation.id).limit(1))
    if obligation is None or session.scalar(select(User.id).where(User.email == DEMO_CONTRACTOR_EMAIL)):
        return None
    employer = obligation.contractor
    user = users.create_user(session, email=DEMO_CONTRACTOR_EMAIL, name=f"Contactpersoon {employer.name}",
                                role=Role.EMPLOYER, password=DEMO_PASSWORD, company_name=employer.name)
    session.add(ContractorAccess(user_id=user.id, employer_id=employer.id))
    session.flush()
    return f"contractor contact {DEMO_CONTRACTOR_EMAIL} follows the obligations of {employer.name}"


def demo_accounts_text() -> str:
    """The table of demo accounts as printed by `make run`."""
    lines = [f"Demo accounts (password for all: {DEMO_PASSWORD}):"]
    for spec in DEMO_ORGANISATIONS:
        for role, slug, title in DEMO_ROLES:
            lines.append(f"  {title:<15} {demo_email(slug, spec['key'])}")
    lines.append(f"  {'Opdrachtnemer':<15} {DEMO_CONTRACTOR_EMAIL} (werkgeversaccount, social return)")
    return "\n".join(lines)
