"""A database error's text never carries the values of its statement (personal data in logs)."""
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError


def test_a_failed_insert_names_the_statement_but_not_the_persons_data(app, db):
    db.session.execute(text("CREATE TABLE probe_person (bsn VARCHAR(9) PRIMARY KEY, name VARCHAR(40))"))
    db.session.execute(text("INSERT INTO probe_person VALUES (:bsn, :name)"), {"bsn": "123456782", "name": "Ayşe Yılmaz"})
    with pytest.raises(IntegrityError) as failed:
        db.session.execute(text("INSERT INTO probe_person VALUES (:bsn, :name)"),
                           {"bsn": "123456782", "name": "Ayşe Yılmaz"})
    message = str(failed.value)
    assert "INSERT INTO probe_person" in message
    assert "123456782" not in message and "Yılmaz" not in message
    db.session.rollback()
