"""Failed sign-ins slow an attacker down without letting a stranger lock the owner out.

Time is moved with ``clock.frozen`` (no sleeping, no timed assertions); client addresses are the
test client's REMOTE_ADDR, loopback only.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest

from models.common import clock
from models.enums import Role
from tests.conftest import PASSWORD
from tests.helpers import visible_text

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
STRANGER, OWNER = "127.0.0.2", "127.0.0.3"


@contextmanager
def at(seconds: float):
    with clock.frozen(T0 + timedelta(seconds=seconds)):
        yield


def attempt(client, email: str, password: str, address: str):
    return client.post("/inloggen", data={"email": email, "password": password},
                       environ_base={"REMOTE_ADDR": address})


@pytest.fixture
def owner(make_user):
    return make_user(Role.COORDINATOR)


def test_a_stranger_cannot_lock_the_owner_out(app, client, owner):
    """A stranger keeps failing as fast as allowed: the owner, elsewhere, waits seconds, not minutes,
    while the stranger's own delay keeps growing."""
    t, failures = 0.0, 0
    while failures < 10:
        with at(t):
            response = attempt(client, owner.email, "wrong-password-here", STRANGER)
        if response.status_code == 429:
            t += int(response.headers["Retry-After"])
        else:
            assert response.status_code == 401
            failures += 1
    cap = app.config["LOGIN_ACCOUNT_MAX_DELAY_SECONDS"]
    with at(t + cap):
        assert attempt(client, owner.email, PASSWORD, OWNER).status_code == 302  # signed in
    with at(t + cap + 1):
        refused = attempt(app.test_client(), owner.email, PASSWORD, STRANGER)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > cap


def test_the_delay_grows_with_each_failure_and_says_how_long(app, client, owner):
    free = app.config["LOGIN_MAX_FAILURES"]
    t = 0.0
    for _ in range(free):
        with at(t):
            assert attempt(client, owner.email, "wrong-password-here", STRANGER).status_code == 401
    waits = []
    for _ in range(3):
        with at(t):
            refused = attempt(client, owner.email, "wrong-password-here", STRANGER)
        assert refused.status_code == 429
        wait = int(refused.headers["Retry-After"])
        assert f"over {wait} seconden" in visible_text(refused.get_data(as_text=True))
        waits.append(wait)
        t += wait
        with at(t):  # waited it out: this attempt is checked (and fails, and counts)
            assert attempt(client, owner.email, "wrong-password-here", STRANGER).status_code == 401
    assert waits[0] < waits[1] < waits[2]


def test_a_refused_attempt_is_not_checked_and_waiting_it_out_works(app, client, owner):
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        with at(0):
            attempt(client, owner.email, "wrong-password-here", OWNER)
    with at(0):
        refused = attempt(client, owner.email, PASSWORD, OWNER)  # the right password, too soon
    assert refused.status_code == 429
    with at(int(refused.headers["Retry-After"])):
        assert attempt(client, owner.email, PASSWORD, OWNER).status_code == 302


def test_one_address_trying_many_accounts_is_stopped(app, client, make_user):
    accounts = [make_user(Role.MATCHER) for _ in range(3)]
    per_address = app.config["LOGIN_MAX_FAILURES_PER_ADDRESS"]
    for n in range(per_address):
        with at(n * 40):  # slow enough that no per-account delay applies, all within the window
            attempt(client, accounts[n % 3].email, "wrong-password-here", STRANGER)
    fresh = make_user(Role.MATCHER)
    with at(per_address * 40):
        assert attempt(client, fresh.email, PASSWORD, STRANGER).status_code == 429
        assert attempt(app.test_client(), fresh.email, PASSWORD, OWNER).status_code == 302
