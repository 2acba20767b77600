"""A database error's text never carries the values of its statement (personal data in logs).

SQLAlchemy's ``hide_parameters`` drops the parameters; PostgreSQL also writes values into the error
itself (a unique violation's key, a not-null violation's whole row, the text a cast failed on), which
models.common.db_errors takes out. Each case runs on SQLite and, in CI, on PostgreSQL.
"""
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DataError, IntegrityError, StatementError

from models.common.db_errors import redact

PERSON = {"bsn": "123456782", "name": "Ayşe Yılmaz"}


@pytest.fixture()
def probe(db):
    db.session.execute(text("CREATE TABLE probe_person (bsn VARCHAR(9) PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                            " age INTEGER)"))
    db.session.execute(text("INSERT INTO probe_person (bsn, name) VALUES (:bsn, :name)"), PERSON)
    yield db.session
    db.session.rollback()


def _message_and_cause(failed) -> str:
    """What a log line or a traceback would print: the wrapper and the driver's exception."""
    return f"{failed.value}\n{failed.value.orig}"


def test_a_duplicate_key_names_the_statement_and_constraint_but_not_the_key(probe):
    with pytest.raises(IntegrityError) as failed:
        probe.execute(text("INSERT INTO probe_person (bsn, name) VALUES (:bsn, :name)"), PERSON)
    message = _message_and_cause(failed)
    assert "INSERT INTO probe_person" in message
    assert "123456782" not in message and "Yılmaz" not in message
    assert "probe_person" in str(failed.value.orig)  # the constraint (PostgreSQL) or column (SQLite)


def test_a_missing_value_does_not_print_the_rest_of_the_row(probe):
    with pytest.raises(IntegrityError) as failed:
        probe.execute(text("INSERT INTO probe_person (bsn, name) VALUES (:bsn, NULL)"), {"bsn": "111222333"})
    message = _message_and_cause(failed)
    assert "111222333" not in message  # PostgreSQL's DETAIL: "Failing row contains (111222333, null, …)"
    assert "name" in message


def test_a_failed_cast_does_not_quote_the_text(probe, db):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite does not cast: the check is PostgreSQL's message")
    with pytest.raises(DataError) as failed:
        probe.execute(text("UPDATE probe_person SET age = CAST(:age AS INTEGER)"), {"age": "Yılmaz"})
    message = _message_and_cause(failed)
    assert "Yılmaz" not in message and "invalid input syntax for type integer" in message
    assert isinstance(failed.value, StatementError)


@pytest.mark.parametrize(("primary", "kept"), [
    ('invalid input syntax for type integer: "Yılmaz"', 'invalid input syntax for type integer: "…"'),
    ('value "123456782123" is out of range for type integer', 'value "…" is out of range for type integer'),
    ('invalid input value for enum gender: "vrouw"', 'invalid input value for enum gender: "…"'),
    ('duplicate key value violates unique constraint "candidate_bsn_key"',
     'duplicate key value violates unique constraint "candidate_bsn_key"'),
    ('null value in column "name" of relation "candidate" violates not-null constraint',
     'null value in column "name" of relation "candidate" violates not-null constraint'),
])
def test_redact_replaces_quoted_values_and_keeps_identifiers(primary, kept):
    assert redact(primary) == kept
