"""No GET writes data (issue 17): every page each role may open leaves every table as it was.

Only the audit trail (who saw which personal data) and the rate-limit counters may grow on a GET;
docs/security.md says why. Every other table is compared before and after each role walks all its
GET routes (and anonymous visitors the public ones, a partner system the API): its row count and a
digest of all its rows, so an UPDATE is caught as well as an INSERT or DELETE.
"""
from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from models import Base
from tests.security.test_route_matrix import API, POLICY, PUBLIC, ROLES, rules, url_for_rule
from web.extensions import db

# Written on purpose by a GET (docs/security.md, "Which GETs write"): the audit trail and the counters
# of the rate limits; and when an API token was last used (shown to administrators, so that unused
# tokens get revoked).
MAY_GROW = {"audit_event", "throttle_counter", "throttle_event"}
MAY_CHANGE = {"api_token": {"last_used_at"}}


def row_counts() -> dict[str, tuple[int, str]]:
    """Per table: (rows, digest of the rows in primary-key order), from a fresh snapshot."""
    db.session.commit()  # what the requests committed
    state = {}
    for table in Base.metadata.sorted_tables:
        if table.name in MAY_GROW:
            continue
        columns = [c for c in table.columns if c.name not in MAY_CHANGE.get(table.name, ())]
        rows = db.session.execute(select(*columns).order_by(*table.primary_key.columns)).all()
        state[table.name] = (len(rows), hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()[:12])
    return state


def get_rules(app, who):
    for rule in rules(app):
        policy = POLICY[rule.endpoint]
        if "GET" in rule.methods and (policy == who or (isinstance(policy, set) and who in policy)):
            yield rule


def walk(app, client, who, ids, headers=None) -> list[tuple[str, int]]:
    answers = []
    for rule in get_rules(app, who):
        url = url_for_rule(rule, ids)
        answers.append((url, client.get(url, headers=headers or {}).status_code))
    return answers


@pytest.mark.parametrize("role", ROLES)
def test_the_get_routes_of_a_role_write_nothing(world, role):
    before = row_counts()
    answers = walk(world.app, world.clients[role], role, world.ids["own"])
    assert any(status == 200 for _, status in answers), answers  # the pages were really shown
    after = row_counts()
    assert {t: (before[t], after[t]) for t in before if before[t] != after[t]} == {}


def test_public_pages_and_the_api_write_nothing(world):
    before = row_counts()
    anonymous = world.app.test_client()
    answers = walk(world.app, anonymous, PUBLIC, world.ids["own"])
    answers += walk(world.app, world.app.test_client(), API, world.ids["own"],
                    headers={"Authorization": f"Bearer {world.tokens['own']}"})
    assert any(status == 200 for _, status in answers), answers
    after = row_counts()
    assert {t: (before[t], after[t]) for t in before if before[t] != after[t]} == {}
