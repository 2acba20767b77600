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
