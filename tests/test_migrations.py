"""`flask db upgrade` builds the schema the models describe; no model change without a migration."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from app import create_app
from models import Base


# SQLite cannot reflect expression indexes (lower(name)); alembic says so and skips comparing them.
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_upgrade_builds_every_table_and_matches_the_models(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path}/fresh.sqlite"
    monkeypatch.setenv("WERKBRUG_ENV", "testing")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    engine = create_engine(url)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        # compare_metadata skips expression indexes on SQLite, and a batch migration (SQLite copies the
        # table) silently drops them: check by name that every index of the models is there
        built = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
    engine.dispose()
    assert diff == [], f"models and migrations differ; run `flask db migrate`: {diff}"
    wanted = {index.name for table in Base.metadata.tables.values() for index in table.indexes}
    assert wanted - built == set(), "indexes of the models that the migrations do not leave in place"


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_upgrade_counts_the_sentences_to_check_of_profiles_approved_before_it(tmp_path, monkeypatch):
    """0019 scores the approved profiles already there, so a bulk publication from before is listed too."""
    url = f"sqlite:///{tmp_path}/old.sqlite"
    monkeypatch.setenv("WERKBRUG_ENV", "testing")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0018_bias_result"]).exit_code == 0
    engine = create_engine(url)
    rows = [(1, "K-AAA1", "published", "2026-11-01", "Werkte als orderpicker. Ik ben sinds kort weer nuchter."),
            (2, "K-AAA2", "published", "2026-11-01", "Werkte als orderpicker."),
            (3, "K-AAA3", "withdrawn", "2026-11-01", "Ik ben sinds kort weer nuchter."),
            (4, "K-AAA4", "draft", None, "Ik ben sinds kort weer nuchter.")]
    with engine.begin() as conn:
        conn.exec_driver_sql("insert into organisation (id, key, name, kind, is_default) values (1, 'gemeente', 'Gemeente', 'municipality', 1)")
        for row in rows:
            conn.exec_driver_sql(
                "insert into public_profile (id, organisation_id, code, status, reviewed_at, description, headline,"
                " occupations, skills, licences, certificates, search_text)"
                " values (?, 1, ?, ?, ?, ?, '', '[]', '[]', '[]', '[]', '')", row)
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    with engine.connect() as conn:
        counts = dict(conn.exec_driver_sql("select code, sentences_to_check from public_profile").all())
    engine.dispose()
    assert counts == {"K-AAA1": 1, "K-AAA2": 0, "K-AAA3": 0, "K-AAA4": 0}


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_upgrade_marks_the_profiles_the_bulk_publication_approved(tmp_path, monkeypatch):
    """0020: an approved profile without a reviewer (the command line's bulk run) or with sentences still to
    check (only the bulk publication leaves those) says it was checked automatically; one a person published
    does not."""
    url = f"sqlite:///{tmp_path}/old.sqlite"
    monkeypatch.setenv("WERKBRUG_ENV", "testing")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0019_sentences_to_check"]).exit_code == 0
    engine = create_engine(url)
    rows = [(1, "K-AAA1", "2026-11-01", None, 0), (2, "K-AAA2", "2026-11-01", 7, 2),
            (3, "K-AAA3", "2026-11-01", 7, 0), (4, "K-AAA4", None, None, 0)]
    with engine.begin() as conn:
        conn.exec_driver_sql("insert into organisation (id, key, name, kind, is_default) values (1, 'gemeente', 'Gemeente', 'municipality', 1)")
        for row in rows:
            conn.exec_driver_sql(
                "insert into public_profile (id, organisation_id, code, status, reviewed_at, reviewed_by_id,"
                " sentences_to_check, description, headline, occupations, skills, licences, certificates, search_text)"
                " values (?, 1, ?, 'published', ?, ?, ?, '', '', '[]', '[]', '[]', '[]', '')", row)
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    with engine.connect() as conn:
        marked = dict(conn.exec_driver_sql("select code, auto_checked from public_profile").all())
    engine.dispose()
    assert marked == {"K-AAA1": 1, "K-AAA2": 1, "K-AAA3": 0, "K-AAA4": 0}


def test_upgrade_puts_existing_outbox_mail_in_the_organisation_it_belongs_to(tmp_path, monkeypatch):
    """0022: mail to a staff member is that member's organisation's, mail about a profile the profile's,
    other mail to a meet request's address that request's; the rest belongs to no organisation."""
    url = f"sqlite:///{tmp_path}/old.sqlite"
    monkeypatch.setenv("WERKBRUG_ENV", "testing")
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True})
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade", "0021_sqlite_name_indexes"]).exit_code == 0
    engine = create_engine(url)
    with engine.begin() as conn:
        run = conn.exec_driver_sql
        run("insert into organisation (id, key, name, kind, is_default) values (1, 'dronten', 'Dronten', 'municipality', 1)")
        run("insert into organisation (id, key, name, kind, is_default) values (2, 'uwv', 'UWV', 'uwv', 0)")
        run("insert into user_account (id, email, name, password_hash, role, active, session_version, organisation_id)"
            " values (1, 'adviseur@uwv.example', 'A', 'x', 'matcher', 1, 1, 2)")
        run("insert into public_profile (id, organisation_id, code, status, description, headline, occupations, skills,"
            " licences, certificates, search_text) values (1, 2, 'K-0F00', 'published', '', '', '[]', '[]', '[]', '[]', '')")
        run("insert into employer_request (id, organisation_id, requester_name, company, email, status)"
            " values (1, 1, 'P', 'Bakkerij', 'inkoop@bakkerij.example', 'new')")
        for n, (to, subject) in enumerate([("Adviseur@uwv.example", "Werkbrug: nieuwe melding"),
                                           ("hr@transport.example", "Uw verzoek over profiel K-0F00"),
                                           ("inkoop@bakkerij.example", "Werkbrug: uw verzoek"),
                                           ("nieuw@bedrijf.example", "Welkom bij Werkbrug")], start=1):
            run("insert into outbox_message (id, created_at, to_address, subject, body, attempts)"
                " values (?, '2026-11-01 10:00:00', ?, ?, '', 0)", (n, to, subject))
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    with engine.connect() as conn:
        owners = dict(conn.exec_driver_sql("select id, organisation_id from outbox_message").all())
    engine.dispose()
    assert owners == {1: 2, 2: 2, 3: 1, 4: None}
