"""The English catalogue: ?lang=en shows the public pages in English, Dutch stays the default."""
import os

from tests.helpers import visible_text
from web.config import Defaults
from web.i18n import compile_catalogues


def test_home_page_in_english_on_request(client):
    response = client.get("/?lang=en")
    html = response.get_data(as_text=True)
    text = visible_text(html)
    assert "Looking for a colleague? Here you find people who are keen to start work." in text
    assert "Browse the profiles" in text and "Skip to content" in text
    assert '<html lang="en">' in html
    assert "Op zoek naar een collega?" not in text


def test_dutch_without_asking_and_for_unknown_languages(client):
    for path in ("/", "/?lang=fr"):
        html = client.get(path).get_data(as_text=True)
        assert "Op zoek naar een collega?" in visible_text(html) and '<html lang="nl">' in html


def test_login_page_and_catalogue_in_english(client):
    assert "Sign in" in visible_text(client.get("/inloggen?lang=en").get_data(as_text=True))
    text = visible_text(client.get("/kandidaten?lang=en").get_data(as_text=True))
    assert "Candidates from the region" in text and "Search by skill or occupation" in text


def test_a_changed_catalogue_is_compiled_again(tmp_path):
    po = tmp_path / "en" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Hallo"\nmsgstr "Hello"\n',
                  encoding="utf-8")
    assert compile_catalogues(str(tmp_path)) == [str(po.with_suffix(".mo"))]
    assert compile_catalogues(str(tmp_path)) == []  # up to date
    os.utime(po, (po.stat().st_atime, po.stat().st_mtime + 10))
    assert len(compile_catalogues(str(tmp_path))) == 1
    assert Defaults.BABEL_TRANSLATION_DIRECTORIES.endswith("web/translations")


def get(client, path: str) -> str:
    return client.get(path).get_data(as_text=True)


def test_the_chosen_language_is_remembered_and_can_be_switched_back(client):
    get(client, "/?lang=en")
    html = get(client, "/kandidaten")
    assert "Candidates from the region" in visible_text(html)
    assert '<a href="/kandidaten?lang=nl" lang="nl" hreflang="nl">Nederlands</a>' in html
    get(client, "/?lang=nl")
    html = get(client, "/")
    assert "Op zoek naar een collega?" in visible_text(html) and 'href="/?lang=en"' in html


def _domain_messages() -> list[str]:
    """Every text marked with N_ (domain messages, report labels), as pybabel extract (-k N_) finds it."""
    from pathlib import Path

    from babel.messages.extract import extract_from_dir

    root = Path(__file__).resolve().parents[1]
    return [message for folder in ("models", "web", "matching")
            for _file, _line, message, _comments, _context in extract_from_dir(
                str(root / folder), method_map=[("**.py", "python")], keywords={"N_": None}, comment_tags=())]


def test_every_domain_message_is_in_the_english_catalogue():
    from pathlib import Path

    from babel.messages.pofile import read_po

    messages = _domain_messages()
    assert len(messages) > 300  # the extraction found the marked texts
    po = Path(Defaults.BABEL_TRANSLATION_DIRECTORIES) / "en" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as source:
        catalogue = read_po(source, locale="en")
    missing = sorted({m for m in messages if not (catalogue.get(m) and catalogue.get(m).string)})
    assert not missing, f"add English for these domain messages to {po}: {missing}"


def test_a_domain_message_is_shown_in_the_visitors_language(app):
    from models.common.errors import N_
    from web.i18n import translated

    message = N_("Gebruik hoogstens %(max_reason)s tekens voor de reden.", max_reason=500)
    assert message == "Gebruik hoogstens 500 tekens voor de reden."  # Dutch where nobody translates it
    with app.app_context(), app.test_request_context("/?lang=en"):  # an own context: Babel caches the locale
        assert translated(message) == "Use at most 500 characters for the reason."
        assert translated(N_("Vul een naam in.")) == "Enter a name."
    with app.app_context(), app.test_request_context("/"):
        assert translated(message) == "Gebruik hoogstens 500 tekens voor de reden."


def test_a_refused_form_says_why_in_english(as_role, client, make_employer):
    from models.enums import Role

    as_role(Role.ACCOUNT_MANAGER)
    employer = make_employer()
    client.get("/?lang=en")
    response = client.post(f"/werkgevers/{employer.id}/afspraken/nieuw", data={
        "description": "Twee plaatsingen", "target_count": "2", "period_start": "2027-06-01",
        "period_end": "2027-01-01"})
    assert response.status_code == 422
    assert "The end date must be on or after the start date." in visible_text(response.get_data(as_text=True))


def test_one_word_per_thing_in_forms_lists_and_reports(app):
    """The register's channel labels are the reports' labels; requirement selects all say "Geen eis"."""
    from models.reports.contacts import CHANNEL_LABELS as REPORT_CHANNELS
    from web.register.labels import CHANNEL_LABELS
    from web.vacancies.forms import STATUS_LABELS, VacancyForm

    with app.test_request_context():
        assert {k: str(v) for k, v in CHANNEL_LABELS.items()} == REPORT_CHANNELS
        assert str(STATUS_LABELS["on_hold"]) == "Gepauzeerd"
        form = VacancyForm(meta={"csrf": False})
        for name in ("education_min", "driving_licence", "dutch_min"):
            assert str(list(form[name].iter_choices())[0][1]) == "Geen eis", name


def test_catalogue_headline_hours_follow_the_language(client, make_public_profile):
    make_public_profile(headline="Orderpicker · 32–40 uur · Dronten", hours_min=32, hours_max=40)
    dutch = visible_text(client.get("/kandidaten").get_data(as_text=True))
    assert "Orderpicker · 32–40 uur · Dronten" in dutch  # Dutch stays the default
    english = visible_text(client.get("/kandidaten?lang=en").get_data(as_text=True))
    assert "Orderpicker · 32–40 hours · Dronten" in english and "32–40 uur" not in english


def test_council_view_rows_in_english(as_role, client):
    from models.enums import Role

    as_role(Role.COORDINATOR)
    text = visible_text(client.get("/beheer/rapportages/raad?lang=en").get_data(as_text=True))
    assert "Back on benefit within 6 months" in text and "Terug in de uitkering" not in text
    assert "The same outflow, by hours" in text and "Dezelfde uitstroom" not in text
    assert "As of " in text and "Stand " not in text


def test_privacy_check_labels_in_english(as_role, client, db, make_candidate):
    from models.enums import Role

    candidate = make_candidate(first_name="Sanne", publish_consent=True)
    candidate.personal.experience = "Sanne werkte 3 jaar als orderpicker. Zij heeft reuma. Zij komt uit Marokko."
    db.session.commit()
    as_role(Role.MATCHER)
    text = visible_text(client.get(f"/beheer/kandidaten/{candidate.id}/profiel?lang=en").get_data(as_text=True))
    assert "special category of personal data: health" in text and "bijzonder persoonsgegeven" not in text
    assert "replaced by a neutral word" in text or "identifies the person" in text
    assert "vervangen door een neutrale aanduiding" not in text and "maakt de persoon herkenbaar" not in text


def test_the_sign_in_request_is_flashed_in_english(client):
    client.get("/?lang=en")  # the choice is remembered
    response = client.get("/beheer/kandidaten/", follow_redirects=True)
    text = visible_text(response.get_data(as_text=True))
    assert "Please sign in to view this page." in text
    assert "Meld u aan" not in text


def test_too_many_requests_pages_in_english(app, client, make_public_profile):
    profile = make_public_profile()
    client.get("/?lang=en")
    app.config["CATALOGUE_MAX_REQUESTS_PER_HOUR"] = 0
    meet = client.post(f"/kandidaten/{profile.code}/ontmoeten",
                       data={"name": "Anne de Wit", "company": "Bakkerij", "kvk": "12345678",
                             "email": "anne@bakkerij.example"})
    text = visible_text(meet.get_data(as_text=True))
    assert meet.status_code == 429 and "You have already sent many requests in the past hour." in text
    assert "you can send a request again" in text and "verzoeken" not in text
    app.config["CATALOGUE_MAX_PROFILE_VIEWS_PER_HOUR"] = 0
    page = client.get(f"/kandidaten/{profile.code}")
    text = visible_text(page.get_data(as_text=True))
    assert page.status_code == 429 and "Too many requests" in text
    assert "You are viewing a great many pages in a short time." in text and "U bekijkt" not in text
