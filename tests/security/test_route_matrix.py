"""Every route against a written policy: who may use it, who gets 403, and 404 for another organisation.

A route without an entry in POLICY fails the first test: decide who may use it and add it here.
"""
from __future__ import annotations

import re

import pytest

AM, MATCHER, COORD, ADMIN, EMPLOYER = "account_manager", "matcher", "coordinator", "admin", "employer"
STAFF_ROLES = (AM, MATCHER, COORD, ADMIN)
ROLES = (*STAFF_ROLES, EMPLOYER)
PUBLIC = "public"  # no sign-in needed (the login flow, the catalogue, public forms)
API = "api-token"  # a bearer token, never a session

REGISTER = {AM, COORD}
VACANCIES = {AM, MATCHER, COORD}
CANDIDATES = {MATCHER, COORD}
PLACEMENTS = {AM, MATCHER, COORD}
COORDINATOR = {COORD}
PEOPLE_ADMIN = {COORD, ADMIN}
ADMIN_ONLY = {ADMIN}
SIGNED_IN = {*ROLES}

POLICY: dict[str, object] = {
    "api.import_": API, "api.import_status": API, "api.openapi": PUBLIC, "api.suggestions": API, "api.vacancies": API, "api.vacancy": API,
    "auth.enrol": PUBLIC, "auth.login": PUBLIC, "auth.logout": PUBLIC, "auth.second_step": PUBLIC,
    "public.home": PUBLIC, "public.favicon": PUBLIC, "catalogue.index": PUBLIC, "catalogue.meet": PUBLIC, "catalogue.profile": PUBLIC,
    "catalogue.sent": PUBLIC, "vacancy_submission.submit": PUBLIC, "vacancy_submission.thanks": PUBLIC,
    "employer_account.register": PUBLIC,
    # Probes for load balancers and monitoring: no sign-in, no personal data (issue 17).
    "health.alive": PUBLIC, "health.ready": PUBLIC,
    "outbox.index": PEOPLE_ADMIN, "outbox.retry": PEOPLE_ADMIN,
    # A big export's page and file: only the person who asked (404 for everyone else).
    "exports.show": SIGNED_IN, "exports.download": SIGNED_IN,
    "calendar.feed": PUBLIC,  # a calendar program's subscription: the secret in the address is the key
    "employer_account.delete_search": {EMPLOYER}, "employer_account.favourite": {EMPLOYER},
    "employer_account.index": {EMPLOYER}, "employer_account.save_search": {EMPLOYER},
    "bias.index": COORDINATOR, "privacy.erase": COORDINATOR, "start.coordinator": COORDINATOR,
    **{f"reports.{e}": COORDINATOR for e in ("council_view", "definitions", "drill", "export", "family", "index", "targets",
                                             "set_target", "council_export")},
    **{f"bouwblokken.{e}": COORDINATOR for e in ("delete_block", "edit_block", "edit_rules", "index", "new_version",
                                                 "version")},
    **{f"candidates.{e}": CANDIDATES for e in ("consent", "index", "profile", "publish", "show", "unpublish",
                                                "publish_selected", "withdraw_selected")},
    # The candidate file (issue 19): matchers and coordinators; reassigning and settings: coordinators.
    **{f"candidates.{e}": CANDIDATES for e in (
        "add_trajectory", "caseload", "caseloads_overview", "edit", "end_participatiebaan", "end_trajectory",
        "ladder", "my_caseload", "outreach", "outreach_step", "plan", "programmes", "screening",
        "start_participatiebaan")},
    **{f"candidates.{e}": COORDINATOR for e in ("mark_provider", "outreach_select", "reassign", "screening_routes",
                                                "set_budget")},
    **{f"matches.{e}": CANDIDATES for e in ("advance", "for_candidate", "left_out_page", "propose", "queue",
                                             "recompute", "reject", "reject_many", "vacancy")},
    "start.matcher": CANDIDATES, "vacancies.propose": CANDIDATES,
    **{f"employers.{e}": REGISTER for e in (
        "agreement_create", "agreement_edit", "agreement_history", "create", "edit", "employer_history", "export",
        "calendar_settings", "follow_up_done", "follow_up_hand_over", "follow_up_postpone", "follow_ups",
        "follow_ups_done", "follow_ups_week", "index", "log_moment", "person_create", "person_delete", "person_edit",
        "person_history", "quick_moment", "show")},
    **{f"requests.{e}": REGISTER for e in ("ask_candidate", "change_status", "edit", "index", "link_employer", "show")},
    # The candidate's matcher answers a routed question (404 for a request not routed to them).
    **{f"requests.{e}": CANDIDATES for e in ("answer", "answer_form")},
    **{f"sroi.{e}": REGISTER for e in ("add_activity", "approve", "create", "edit", "export", "grant_access", "index",
                                       "link", "reject", "revoke_access", "show", "unlink")},
    # A contractor's contact person: 404 unless the account has access to that contractor.
    **{f"contractor.{e}": {EMPLOYER} for e in ("index", "propose", "show")},
    # The contracting authority's contract manager: 404 unless the account has access for that authority.
    **{f"authority.{e}": {EMPLOYER} for e in ("index", "show")},
    **{f"sroi.{e}": REGISTER for e in ("grant_authority_access", "revoke_authority_access")},
    **{f"vacancies.{e}": REGISTER for e in ("create", "edit", "export", "review", "review_queue", "share", "unshare")},
    "start.account_manager": REGISTER,
    "vacancies.history": VACANCIES, "vacancies.index": VACANCIES, "vacancies.show": VACANCIES,
    **{f"placements.{e}": PLACEMENTS for e in ("create", "end_early", "extend", "history", "index", "show")},
    "privacy.audit_log": PEOPLE_ADMIN,
    **{f"taxonomy.{e}": PEOPLE_ADMIN for e in ("add_alias", "create", "index", "link_skill", "link_wording",
                                                "remove_alias", "show", "unlink_skill", "unmatched")},
    **{f"tokens.{e}": PEOPLE_ADMIN for e in ("index", "revoke")},
    **{f"users.{e}": PEOPLE_ADMIN for e in ("create", "index", "new_enrolment_code", "reset_second_factor",
                                            "toggle_active")},
    "start.admin": ADMIN_ONLY, "start.home": SIGNED_IN, "employers.sectors_to_assign": COORDINATOR,
    **{f"notifications.{e}": set(STAFF_ROLES) for e in ("index", "mark_read", "settings")},
}

# Pages of one organisation's own object: another organisation's staff get 404, never 403 or the page.
OWN_OBJECT_PAGES = (
    ("employers.show", COORD), ("employers.edit", COORD), ("employers.employer_history", AM),
    ("vacancies.edit", COORD), ("vacancies.history", MATCHER), ("candidates.show", MATCHER),
    ("candidates.profile", COORD), ("placements.history", MATCHER), ("requests.show", AM),
    ("matches.vacancy", MATCHER), ("matches.for_candidate", MATCHER), ("matches.left_out_page", MATCHER), ("privacy.erase", COORD),
    ("employers.agreement_history", AM), ("employers.person_edit", AM),
    ("candidates.edit", MATCHER), ("candidates.caseload", COORD),
)


def rules(app):
    return [r for r in app.url_map.iter_rules() if r.endpoint != "static"]


def url_for_rule(rule, ids: dict) -> str:
    """Fill the rule's arguments with the ids of real objects (``code`` of the catalogue: a profile code)."""
    def value(match):
        name = match.group(2)
        if name == "code" and not rule.endpoint.startswith("bouwblokken"):
            return str(ids["profile_code"])
        return str(ids[name])
    return re.sub(r"<(?:(\w+):)?(\w+)>", value, rule.rule)


def test_every_route_has_a_policy(world):
    missing = sorted({r.endpoint for r in rules(world.app)} - POLICY.keys())
    assert not missing, f"Routes without an access policy: {missing}. Add them to POLICY in {__file__}."
    stale = sorted(POLICY.keys() - {r.endpoint for r in rules(world.app)})
    assert not stale, f"POLICY names routes that no longer exist: {stale}"


def staff_rules(app):
    return [r for r in rules(app) if isinstance(POLICY[r.endpoint], set)]


def test_anonymous_is_sent_to_login_on_every_staff_route(world):
    anonymous = world.app.test_client()
    failures = []
    for rule in staff_rules(world.app):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = anonymous.open(url_for_rule(rule, world.ids["own"]), method=method)
            if response.status_code != 302 or "/inloggen" not in response.headers.get("Location", ""):
                failures.append((rule.endpoint, method, response.status_code))
    assert not failures


@pytest.mark.parametrize("role", ROLES)
def test_forbidden_roles_get_403_and_allowed_roles_do_not(world, role):
    client, failures = world.clients[role], []
    for rule in staff_rules(world.app):
        allowed = role in POLICY[rule.endpoint]
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        if allowed:
            if "GET" in methods:
                status = client.get(url_for_rule(rule, world.ids["own"])).status_code
            elif "int:" in rule.rule:  # a POST on a missing object: refused as missing, never as forbidden
                status = client.post(url_for_rule(rule, {**world.ids["own"], **_MISSING})).status_code
                status = status if status != 404 else 200
            else:
                continue
            if status == 403 or status >= 500 or status == 401:
                failures.append((rule.endpoint, "allowed", status))
        else:
            for method in methods:
                status = client.open(url_for_rule(rule, world.ids["own"]), method=method).status_code
                if status != 403:
                    failures.append((rule.endpoint, method, status))
    assert not failures, f"{role}: {failures}"


_MISSING = {k: 999_999 for k in ("employer_id", "agreement_id", "person_id", "moment_id", "candidate_id",
                                 "vacancy_id", "suggestion_id", "request_id", "placement_id", "obligation_id",
                                 "version_id", "table_id", "user_id", "token_id", "organisation_id", "concept_id",
                                 "alias_id", "skill_id", "item_id", "search_id",
                                 "activity_id", "message_id")}


def test_objects_of_another_organisation_answer_404(world):
    by_endpoint = {r.endpoint: r for r in rules(world.app)}
    failures = []
    for endpoint, role in OWN_OBJECT_PAGES:
        rule = by_endpoint[endpoint]
        own = world.clients[role].get(url_for_rule(rule, world.ids["own"])).status_code
        other = world.clients[role].get(url_for_rule(rule, world.ids["other"])).status_code
        if own != 200 or other != 404:
            failures.append((endpoint, own, other))
    assert not failures


def test_api_wants_a_token_and_ignores_sessions(world):
    failures = []
    for rule in rules(world.app):
        if POLICY[rule.endpoint] != API:
            continue
        method = sorted(rule.methods - {"HEAD", "OPTIONS"})[0]
        url = url_for_rule(rule, world.ids["own"])
        for client in (world.app.test_client(), world.clients[COORD]):  # a staff cookie is not a token
            if (status := client.open(url, method=method).status_code) != 401:
                failures.append((rule.endpoint, status))
    assert not failures
    headers = {"Authorization": f"Bearer {world.tokens['own']}"}
    assert world.app.test_client().get(f"/api/v1/vacancies/{world.ids['other']['external_id']}",
                                       headers=headers).status_code == 404
    assert world.app.test_client().get(f"/api/v1/vacancies/{world.ids['own']['external_id']}",
                                       headers=headers).status_code == 200


def test_public_pages_answer_without_sign_in(world):
    anonymous, failures = world.app.test_client(), []
    for rule in rules(world.app):
        if POLICY[rule.endpoint] == PUBLIC and "GET" in rule.methods:
            status = anonymous.get(url_for_rule(rule, world.ids["own"])).status_code
            if status not in (200, 302, 404, 410):
                failures.append((rule.endpoint, status))
    assert not failures


def test_extra_form_fields_are_ignored(world):
    """No mass assignment: role, organisation and version sent along with a form change nothing."""
    from sqlalchemy import select

    from models import Candidate, Employer, User, Vacancy
    from web.extensions import db

    own, other = world.orgs["own"].id, world.orgs["other"].id
    extra = {"organisation_id": str(other), "organisation": str(other), "role": "admin", "version": "42",
             "id": "1", "created_at": "2000-01-01"}
    coordinator = world.clients[COORD]

    coordinator.post("/werkgevers/nieuw", data={**extra, "name": "Massa Toewijzing BV", "status": "prospect"})
    employer = db.session.scalar(select(Employer).where(Employer.name == "Massa Toewijzing BV"))
    assert employer.organisation_id == own and employer.id != 1 and employer.version != 42

    coordinator.post("/vacatures/nieuw", data={**extra, "employer_id": str(employer.id), "title": "Toewijzer",
                                              "education_min": "", "driving_licence": "", "dutch_min": "",
                                              "status": "open"})
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.title == "Toewijzer"))
    assert vacancy.organisation_id == own and vacancy.version != 42

    candidate = db.session.get(Candidate, world.ids["own"]["candidate_id"])
    coordinator.post(f"/beheer/kandidaten/{candidate.id}/toestemming",
                     data={**extra, "version": str(candidate.version), "given": "y", "given_on": "2026-01-05"})
    db.session.refresh(candidate)
    assert candidate.organisation_id == own

    # The account form has role and organisation fields: a coordinator cannot pick admin or another org.
    for data in ({"role": "admin", "organisation": str(own)}, {"role": "matcher", "organisation": str(other)}):
        email = f"nieuw-{data['role']}@example.org"
        response = coordinator.post("/beheer/gebruikers/nieuw", data={
            **extra, **data, "name": "Nieuw", "email": email, "password": "een-lang-wachtwoord-2026"})
        assert response.status_code == 422
        assert db.session.scalar(select(User).where(User.email == email)) is None
    coordinator.post("/beheer/gebruikers/nieuw", data={**extra, "role": "matcher", "organisation": str(own),
                                                       "name": "Nieuw", "email": "nieuw@example.org",
                                                       "password": "een-lang-wachtwoord-2026"})
    user = db.session.scalar(select(User).where(User.email == "nieuw@example.org"))
    assert user.role.value == "matcher" and user.organisation_id == own
