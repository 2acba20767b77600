"""The free-text scrubber finds personal data of every kind and leaves ordinary text readable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.catalogue.scrubbing.scrub import PLACEHOLDERS, Finding, detect, scrub

DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "scrub_sentences.jsonl"


def found(text: str, kind: str, known_names: tuple[str, ...] = ()) -> list[str]:
    return [f.text for f in detect(text, known_names) if f.kind == kind]


@pytest.mark.parametrize("number", [
    "06-12345678", "06 1234 5678", "0612345678", "06 12 34 56 78", "+31 6 12345678",
    "+31(0)6-12345678", "+31 (0)6 12345678", "0031 6 12345678", "+316 12345678", "020-1234567",
    "020 123 4567", "0320 123456", "0320-123456", "(0320) 12 34 56", "+48 512 345 678",
])
def test_phone_numbers_in_every_dutch_notation(number: str) -> None:
    assert found(f"Bel hem op {number}, liefst 's ochtends.", "phone") == [number]


@pytest.mark.parametrize("text", ["Hij werkte 2019-2021 bij Jumbo.", "Postcodegebied 8251, 32 uur.",
                                  "Werkt 36 uur per week voor 12,50 per uur."])
def test_numbers_that_are_no_phone_number(text: str) -> None:
    assert detect(text) == []


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "1234.56.782", "123 456 782", "12345672"])
def test_bsn_that_passes_the_eleven_proof(bsn: str) -> None:
    assert found(f"Nummer {bsn} staat op de pas.", "bsn") == [bsn]


def test_number_failing_eleven_proof_is_only_bsn_when_labelled() -> None:
    assert found("Ordernummer 123456789 is verzonden.", "bsn") == []
    assert found("Haar BSN is 123456789.", "bsn") == ["123456789"]


def test_kvk_number_is_no_bsn() -> None:
    assert found("KvK-nummer 12345672 van de werkgever.", "bsn") == []


@pytest.mark.parametrize("iban", ["NL91 ABNA 0417 1643 00", "NL91ABNA0417164300", "nl91abna0417164300",
                                  "DE89 3704 0044 0532 0130 00", "BE71096123456769",
                                  "PL61 1090 1014 0000 0712 1981 2874", "GB82WEST12345698765432"])
def test_iban_spaced_compact_and_foreign(iban: str) -> None:
    assert found(f"Rekening {iban} graag gebruiken.", "iban") == [iban]


def test_iban_with_wrong_checksum_is_ignored() -> None:
    assert found("Rekening NL92 ABNA 0417 1643 00.", "iban") == []


@pytest.mark.parametrize("email", ["fatima.ouali84@gmail.com", "j.de-vries+werk@ziggo.nl",
                                   "iryna.melnyk[at]ukr.net", "jan (at) hotmail.com"])
def test_email_addresses(email: str) -> None:
    assert found(f"Mail naar {email} voor een afspraak.", "email") == [email]


@pytest.mark.parametrize("link", ["linkedin.com/in/kevin-pinas-123", "https://www.facebook.com/fatima.b",
                                  "https://instagram.com/dilek_hair", "tiktok.com/@marvinlont", "@dilek_hair"])
def test_social_media_profile_links(link: str) -> None:
    assert found(f"Zie {link} voor haar werk.", "url") == [link]


def test_company_website_is_kept() -> None:
    assert found("Werkte bij www.bakkerijdevries.nl in Almere.", "url") == []


@pytest.mark.parametrize("address", ["Kerkstraat 12a", "Dorpsweg 3-5", "Hoofdstraat 12 bis",
                                     "Van Goghstraat 51", "Burgemeester de Withstraat 7",
                                     "Zuiderzeestraat 14 hs", "Wilhelminastraat 4B", "Stationsplein 9"])
def test_street_and_house_number(address: str) -> None:
    assert found(f"Zij woont op de {address} met haar kinderen.", "address") == [address]


def test_street_without_number_and_town_with_number_are_no_address() -> None:
    assert found("Werkte aan de Kerkstraat, woonde in Amsterdam 3 jaar.", "address") == []


@pytest.mark.parametrize("postcode", ["8251 AB", "8251AB", "8251ab"])
def test_full_postcode(postcode: str) -> None:
    assert found(f"Adres: {postcode} Dronten.", "postcode") == [postcode]


def test_bare_pc4_and_year_with_words_are_no_postcode() -> None:
    assert found("Woont in 8251 Dronten, in 2019 en 2020 gewerkt.", "postcode") == []


@pytest.mark.parametrize("date", ["12-03-1984", "12/3/84", "12.03.1984", "12 maart 1984", "1984-03-12",
                                  "1 september", "3 jun. 2024", "23 februari 1993"])
def test_dates_in_every_notation(date: str) -> None:
    assert found(f"Op {date} is zij gestart.", "date") == [date]


def test_birth_year_is_a_date_but_other_years_are_not() -> None:
    assert found("Geboren in 1984, sinds 2016 in Nederland, van 2015 tot 2020 gewerkt.", "date") == ["1984"]


def test_known_names_in_any_case_with_possessive_and_initials() -> None:
    text = "MOHAMED heeft werk; mohamed's broer belt. M. el Amrani en Amrani's auto."
    assert found(text, "name", ("Mohamed el Amrani",)) == [
        "MOHAMED", "mohamed's", "M. el Amrani", "Amrani's"]


def test_known_surname_that_is_an_ordinary_word_needs_a_capital() -> None:
    text = "Bakker werkte als bakker bij een groot bedrijf."
    assert found(text, "name", ("Piet Bakker",)) == ["Bakker"]
    assert found("Werkte bij een groot bedrijf.", "name", ("Kees Groot",)) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Ik ben Fatima en zoek werk.", "Fatima"),
    ("Mijn naam is Berihu Tsehaye.", "Berihu Tsehaye"),
    ("Gesprek met mevrouw De Vries over haar rooster.", "De Vries"),
    ("Dhr. Okbazghi kwam niet.", "Okbazghi"),
    ("Jan-Willem heeft een heftruckcertificaat.", "Jan-Willem"),
    ("A.B. Jansen is zijn leidinggevende.", "A.B. Jansen"),
    ("Zijn collega Tesfalem werkt ook in de ploeg.", "Tesfalem"),
    ("Hier werkt Agnieszka Kowalczyk als inpakker.", "Agnieszka Kowalczyk"),
    ("Samen met Ayşe Yılmaz gaat zij schoonmaken.", "Ayşe Yılmaz"),
    ("Hij belt Ghassan Khoury morgen.", "Ghassan Khoury"),
    ("Later komt Tewelde Negash erbij.", "Tewelde Negash"),
    ("Daarna sprak ik Xiomara Cijntje.", "Xiomara Cijntje"),
    ("Soenita Ramautar heeft administratie gedaan.", "Soenita Ramautar"),
])
def test_names_recognised_from_context_of_many_origins(text: str, name: str) -> None:
    assert found(text, "name") == [name]


@pytest.mark.parametrize("text", [
    "Werkt graag met de heftruck in Dronten.",
    "Heeft als bakker gewerkt en wil weer in een bakkerij werken.",
    "Van maandag tot vrijdag beschikbaar, in het weekend niet.",
    "Werkte eerder bij Albert Heijn, bij Dirk en bij Jumbo als vakkenvuller.",
    "Spreekt Nederlands op niveau B1 en Engels op niveau A2.",
    "Heeft een VCA-certificaat en rijbewijs B. Nederlands gaat goed.",
    "Heeft de opleiding Helpende Zorg en Welzijn op niveau 2 gevolgd.",
    "Woont in Lelystad en reist met de bus naar Almere Buiten en Den Haag.",
    "Taal is een aandachtspunt; volgt lessen bij het Taalhuis.",
    "Heeft gewerkt bij Tata Steel in IJmuiden en bij PostNL in Swifterbant.",
    "Is Eritrees, spreekt Tigrinya en Arabisch, en woont sinds 2017 in Nederland.",
])
def test_no_finding_in_ordinary_sentences(text: str) -> None:
    assert detect(text) == []


def test_scrub_replaces_with_dutch_placeholders() -> None:
    text = ("Fatima (BSN 111222333) woont op de Kerkstraat 12a, 8251 AB Dronten, tel. 06-12345678, "
            "fatima@gmail.com, geboren op 12-03-1984, IBAN NL91 ABNA 0417 1643 00, linkedin.com/in/fatima.")
    result = scrub(text, ["Fatima Ouali"])
    assert result.text == ("[naam] (BSN [BSN]) woont op de [adres], [postcode] Dronten, tel. [telefoon], "
                           "[e-mail], geboren op [datum], IBAN [IBAN], [link].")
    assert {f.kind for f in result.findings} == set(PLACEHOLDERS)


def test_findings_carry_offsets_into_the_original() -> None:
    text = "Bel Fatima op 06-12345678."
    for finding in detect(text, ["Fatima"]):
        assert isinstance(finding, Finding)
        assert text[finding.start:finding.end] == finding.text
    assert [(f.kind, f.text) for f in detect(text, ["Fatima"])] == [("name", "Fatima"), ("phone", "06-12345678")]


def test_empty_text_and_empty_known_names() -> None:
    assert detect("") == []
    assert scrub("", ["", "  "]).text == ""
    assert detect("Werkt graag buiten.", ["", " "]) == []


def _records() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


def test_scrubbing_is_idempotent_and_leaves_nothing_to_find() -> None:
    for record in _records():
        once = scrub(record["text"], record["known_names"]).text
        assert detect(once, record["known_names"]) == [], once
        assert scrub(once, record["known_names"]).text == once


IDENTIFIER_KINDS = {"name", "phone", "email", "bsn", "iban", "address", "postcode", "date", "url"}


def test_no_annotated_span_survives_scrubbing() -> None:
    """Identifiers go with `scrub`; the special categories of the relabelled lines need `review`."""
    for record in _records():
        once = scrub(record["text"], record["known_names"]).text
        for span in record["spans"]:
            if span["kind"] in IDENTIFIER_KINDS:
                assert span["text"] not in once, (span, once)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_gives_consistent_findings(text: str) -> None:
    findings = detect(text, ["Fatima Ouali"])
    assert all(text[f.start:f.end] == f.text and f.start < f.end for f in findings)
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:]))
    assert detect(scrub(text, ["Fatima Ouali"]).text, ["Fatima Ouali"]) == []
