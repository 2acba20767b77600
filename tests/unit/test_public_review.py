"""What a public profile may say: whole sentences with a special category go, names and gendered
words become neutral, languages stay, and every list wording is checked the same way."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.catalogue.scrubbing.public import check_term, review

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"


def kinds(text: str, names=()) -> set[str]:
    return {r.kind for r in review(text, names).removals}


@pytest.mark.parametrize("sentence, kind", [
    ("In Marokko werkte hij in een bakkerij.", "origin"),
    ("Spreekt Frans en is van Berberse afkomst.", "origin"),
    ("Doet vrijwilligerswerk bij de moskee.", "religion"),
    ("Zingt in het koor van de kerk.", "religion"),
    ("Heeft last van rugklachten en slikt medicatie.", "health"),
    ("Is homo en zoekt een open team.", "orientation"),
    ("Is lid van de SP.", "political"),
    ("Is kaderlid bij de FNV.", "union"),
    ("Heeft een taakstraf gehad.", "criminal"),
    ("Is 20 weken zwanger.", "pregnancy"),
    ("Heeft kinderen op de basisschool en is alleenstaand.", "family"),
])
def test_a_sentence_with_a_special_category_is_left_out_whole(sentence, kind):
    result = review(f"Werkt graag in de logistiek. {sentence} Heeft een heftruckcertificaat.")
    assert result.text == "Werkt graag in de logistiek. Heeft een heftruckcertificaat."
    assert kind in {r.kind for r in result.removals}
    assert any(r.text == sentence and "hele zin" in r.reason for r in result.removals)


@pytest.mark.parametrize("text", [
    "Kandidaat werkte in de zorg als huishoudelijk medewerker.", "Kan goed tillen.",
    "Ik spreek Turks, Arabisch en Nederlands.", "Werkte in een Turkse bakkerij.",
    "Rijdt ritten naar Polen en Roemenië.", "Heeft een geldige VOG.", "Kan goed met kinderen omgaan.",
    "Helpt bij het gescheiden inzamelen van afval.",
])
def test_job_content_that_looks_like_a_category_stays(text):
    assert review(text).text == text and review(text).removals == ()


def test_names_and_gendered_words_become_neutral_and_no_marker_is_left():
    result = review("[naam]: Gemotiveerde werkzoekende. Mevrouw Yilmaz is een doorzetster; zij heeft haar "
                    "VCA-diploma behaald.", ["Ayşe Yılmaz"])
    assert result.text == ("Gemotiveerde werkzoekende. De kandidaat is een doorzetter. De kandidaat heeft diens "
                           "VCA-diploma behaald.")
    assert {"name", "gender"} <= {r.kind for r in result.removals}


def test_a_language_stays_without_mother_tongue():
    assert review("Talen: Pools (moedertaal), Nederlands (B1)").text == "Talen: Pools, Nederlands (B1)"


@pytest.mark.parametrize("text, names", [
    ("AYSE YILMAZ werkt graag buiten.", ["Ayşe Yılmaz"]),
    ("Zie https://pietersmit.nl voor foto's.", ["Piet Smit"]),
    ("Naam: V e r m e u l e n.", ["Priscilla Vermeulen"]),
    ("Mail p r i s c i l l a (at) gmail dot com.", ["Priscilla Vermeulen"]),
])
def test_identifier_variants_are_found(text, names):
    public = review(text, names).text
    for part in ("AYSE", "pietersmit", "V e r", "p r i s"):
        assert part not in public


@pytest.mark.parametrize("term, left_out", [
    ("Priscilla Vermeulen", True), ("+31 6 87654321", True), ("bakhuizen@hotmail.com", True),
    ("Lid van de FNV", True), ("Koranles", True), ("heftruck", False), ("HACCP", False),
])
def test_a_list_wording_is_left_out_when_the_check_flags_it(term, left_out):
    public, removals = check_term(term, ["Priscilla Vermeulen"])
    assert (public is None) == left_out and bool(removals) == left_out


def test_a_gendered_occupation_is_made_neutral():
    assert check_term("verkoopster")[0] == "verkoper"


def test_the_public_text_passes_its_own_check_on_the_tune_half():
    """Idempotent: what review publishes, review leaves alone (the matcher can publish it as is)."""
    for line in (DATA / "scrub_independent.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["half"] != "tune":
            continue
        once = review(record["text"], record["known_names"]).text
        assert review(once, record["known_names"]).removals == (), (record["text"], once)


def test_no_annotated_span_of_the_existing_set_reaches_the_public_text():
    for line in (DATA / "scrub_sentences.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        public = review(record["text"], record["known_names"]).text
        for span in record["spans"]:
            assert span["text"] not in public, (span, public)
