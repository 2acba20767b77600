"""Who may use which route of placements, social return and bouwblokken; other organisations get 404."""
from datetime import date

import pytest

from models import ContractorAccess, Placement, SroiActivity
from models.enums import ActivityKind, ActivityStatus, ContractType, Instrument, Role

ALL_ROLES = (Role.MATCHER, Role.ACCOUNT_MANAGER, Role.COORDINATOR, Role.ADMIN, Role.EMPLOYER)
CAPABILITY_ROLES = {
    "placements": {Role.MATCHER, Role.ACCOUNT_MANAGER, Role.COORDINATOR},
    "register": {Role.ACCOUNT_MANAGER, Role.COORDINATOR},
    "reports": {Role.COORDINATOR},
}
# (method, url template, capability, scoped to the organisation)
ROUTES = [
    ("GET", "/beheer/plaatsingen/", "placements", False),
    ("GET", "/beheer/plaatsingen/nieuw", "placements", False),
    ("GET", "/beheer/plaatsingen/nieuw?suggestie={suggestion}", "placements", True),
    ("GET", "/beheer/plaatsingen/{placement}", "placements", True),
    ("POST", "/beheer/plaatsingen/{placement}/beeindigen", "placements", True),
    ("POST", "/beheer/plaatsingen/{placement}/verlengen", "placements", True),
    ("GET", "/beheer/plaatsingen/kandidaat/{candidate}", "placements", True),
    ("GET", "/beheer/social-return/", "register", False),
    ("GET", "/beheer/social-return/nieuw", "register", False),
    ("GET", "/beheer/social-return/{obligation}", "register", True),
    ("GET", "/beheer/social-return/{obligation}/bewerken", "register", True),
    ("POST", "/beheer/social-return/{obligation}/plaatsingen", "register", True),
    ("POST", "/beheer/social-return/{obligation}/plaatsingen/{placement}/ontkoppelen", "register", True),
    ("POST", "/beheer/social-return/{obligation}/activiteiten", "register", True),
    ("GET", "/beheer/social-return/export.csv", "register", False),
    ("POST", "/beheer/social-return/{obligation}/toegang", "register", True),
    ("POST", "/beheer/social-return/{obligation}/toegang/{user}/intrekken", "register", True),
    ("POST", "/beheer/social-return/{obligation}/opdrachtgever-toegang", "register", True),
    ("POST", "/beheer/social-return/{obligation}/opdrachtgever-toegang/{user}/intrekken", "register", True),
    ("POST", "/beheer/social-return/{obligation}/voorstellen/{activity}/goedkeuren", "register", True),
    ("POST", "/beheer/social-return/{obligation}/voorstellen/{activity}/afwijzen", "register", True),
    ("GET", "/beheer/bouwblokken/", "reports", False),
    ("GET", "/beheer/bouwblokken/versies/{version}", "reports", False),
    ("POST", "/beheer/bouwblokken/{table}/nieuwe-versie", "reports", False),
    ("GET", "/beheer/bouwblokken/versies/{version}/blokken/nieuw", "reports", False),
    ("GET", "/beheer/bouwblokken/versies/{version}/blokken/nug", "reports", False),
    ("POST", "/beheer/bouwblokken/versies/{version}/blokken/nug/verwijderen", "reports", False),
    ("GET", "/beheer/bouwblokken/versies/{version}/regels", "reports", False),
]


@pytest.fixture
def objects(db, org, tables, hired_suggestion, make_obligation, make_user):
    """One of everything, owned by ``org``: also a contractor's contact person and its proposal."""
    candidate = hired_suggestion.candidate
    employer = hired_suggestion.vacancy.employer
    obligation = make_obligation(employer)
    placement = Placement(organisation_id=org.id, candidate_id=candidate.id, employer_id=employer.id,
                          start_date=date(2025, 1, 1), hours_per_week=24, contract_type=ContractType.TEMPORARY,
                          instrument=Instrument.REGULAR, sroi_obligation_id=obligation.id)
    contact = make_user(Role.EMPLOYER)
    proposal = SroiActivity(obligation_id=obligation.id, kind=ActivityKind.PURCHASE, occurred_on=obligation.period_start,
                            amount=10_000, evidence="Factuur 1", status=ActivityStatus.PROPOSED, proposed_by_id=contact.id)
    db.session.add_all([placement, proposal, ContractorAccess(user_id=contact.id, employer_id=employer.id)])
    db.session.commit()
    table = tables["oost-nederland"]
    return {"suggestion": hired_suggestion.id, "placement": placement.id, "candidate": candidate.id,
            "obligation": obligation.id, "table": table.id, "version": table.versions[0].id,
            "user": contact.id, "activity": proposal.id}


def _call(client, method, url):
    return client.get(url) if method == "GET" else client.post(url, data={})


def test_every_route_of_these_areas_is_in_the_matrix(app):
    rules = {r.rule for r in app.url_map.iter_rules()
             if r.endpoint.split(".")[0] in ("placements", "sroi", "bouwblokken")}
    listed = {url.split("?")[0].replace("{placement}", "<int:placement_id>") for _, url, _, _ in ROUTES}
    normalised = {r.replace("<int:obligation_id>", "{obligation}").replace("<int:candidate_id>", "{candidate}")
                  .replace("<int:version_id>", "{version}").replace("<int:table_id>", "{table}")
                  .replace("<int:user_id>", "{user}").replace("<int:activity_id>", "{activity}")
                  .replace("<code>", "nug").replace("<fmt>", "csv") for r in rules}
    assert normalised == listed


@pytest.mark.parametrize("method, url, capability, scoped", ROUTES)
def test_anonymous_visitors_are_sent_to_login(client, objects, method, url, capability, scoped):
    response = _call(client, method, url.format(**objects))
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]


FORBIDDEN = [(role, method, url) for method, url, capability, _ in ROUTES for role in ALL_ROLES
             if role not in CAPABILITY_ROLES[capability]]


@pytest.mark.parametrize("role, method, url", FORBIDDEN)
def test_roles_without_the_capability_get_403(client, objects, as_role, role, method, url):
    as_role(role)
    assert _call(client, method, url.format(**objects)).status_code == 403


@pytest.mark.parametrize("method, url, capability, scoped", [r for r in ROUTES if r[3]])
def test_other_organisations_get_404(client, objects, as_role, other_org, method, url, capability, scoped):
    as_role(Role.COORDINATOR, other_org)
    assert _call(client, method, url.format(**objects)).status_code == 404


@pytest.mark.parametrize("method, url, capability, scoped", [r for r in ROUTES if r[0] == "GET"])
def test_allowed_roles_can_open_every_page(client, objects, as_role, method, url, capability, scoped):
    for role in sorted(CAPABILITY_ROLES[capability]):
        as_role(role)
        response = _call(client, method, url.format(**objects))
        assert response.status_code == 200, (role, response.status_code)
