"""General rules from the demo walk-through (2026-12-03), which found on published profiles: having
children and school-hours availability, debts and debt counselling, an uncle's business, "no work
experience in NL" after the origin sentence went, and "De kandidaat: ..." left of a name used as a
header's label. The sentences are new, not copied from the demo or a corpus."""
from __future__ import annotations

import pytest

from models.catalogue.scrubbing.public import review
from tests.scrub_helpers import assert_gone, assert_kept


@pytest.mark.parametrize("sentence", [
    "Heeft kinderen op de basisschool, werkt daarom het liefst 's ochtends.",   # family: having children
    "Heeft jonge kinderen.",
    "Ze heeft een dochtertje van vier.",
    "De kinderen zitten nog op de basisschool.",
    "Kan alleen onder schooltijd werken.",                                      # school hours: the children's day
    "Is beschikbaar tijdens schooltijden, niet in de vakanties.",
    "Zoekt werk binnen schooltijd, liefst dichtbij.",
    "Werkte drie jaar in de garage van een oom.",                               # a relative named as such
    "Heeft in de zomer geholpen in de winkel van haar tante.",
    "Werkte samen met zijn zwager in de bouw.",
    "Woont tijdelijk bij een neef in Almere.",
    "Werkte in het familiebedrijf van mijn oom.",
])
def test_family_said_plainly_is_found(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Heeft kinderen op de basisschool begeleid bij het lezen.",                  # children one worked with
    "Heeft ervaring met kinderen van vier tot twaalf.",
    "Werkte als overblijfkracht op een basisschool.",
    "Kan goed met kinderen omgaan.",
    # a parent's business goes since corpus 12, as an uncle's does (test_scrub_rules_from_corpus12.py)
])
def test_work_with_children_stays(sentence):
    assert_kept(sentence)


@pytest.mark.parametrize("sentence", [
    "Schulden zijn in beeld bij de schuldhulpverlening.",                        # finances: the person's debts
    "Heeft flinke schulden, een regeling loopt.",
    "Zit in de schuldsanering tot 2027.",
    "Staat onder bewind sinds vorig jaar.",
    "Heeft een budgetcoach via de gemeente.",
    "Er ligt beslag op zijn loon.",
    "Loonbeslag, daarom liever geen uitzendwerk.",
    "Is aangemeld bij de kredietbank.",
    "Heeft een huurachterstand.",
])
def test_the_persons_finances_are_found(sentence):
    text = review(f"Werkt graag in de logistiek. {sentence}").text
    assert text == "Werkt graag in de logistiek.", text


def test_finances_have_their_own_kind_and_reason():
    removal, = review("Schulden zijn in beeld bij schuldhulpverlening.").removals
    assert removal.kind == "finances"
    assert removal.label == "financiële situatie"
    assert "schulden" in removal.reason and "weggelaten" in removal.reason


@pytest.mark.parametrize("sentence", [
    "Werkte als administratief medewerker bij de schuldhulpverlening.",          # work in debt counselling
    "Kennis van beslagregels (loonadministratie).",
    "Verwerkte loonbeslagen in de salarisadministratie.",
    "Geschikt voor functies in de schuldhulpverlening.",
    "Begeleidde als vrijwilliger gezinnen met schulden bij hun administratie.",
    "Werkte als budgetcoach bij een welzijnsorganisatie.",
    "Deed de inning van openstaande schulden bij een incassobureau.",
])
def test_work_in_debt_counselling_and_payroll_stays(sentence):
    assert_kept(sentence)


@pytest.mark.parametrize("sentence", [
    "Geen recente werkervaring in NL.",                                          # origin: a stay set against NL
    "Heeft nog weinig werkervaring in Nederland.",
    "Woont sinds 2021 in NL.",
    "Is nog niet zo lang in Nederland.",
    "Pas twee jaar in NL, leert snel.",
    "Heeft geen Nederlandse werkervaring.",
    "Diploma is nog niet erkend in Nederland.",
    "Heeft alleen werkervaring in het buitenland.",
])
def test_a_stay_in_the_netherlands_said_against_experience_is_origin(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Spreekt Tigrinya en Amhaars.",                                              # languages stay
    "Werkte in heel Nederland als monteur op locatie.",
    "Kent de regels voor werken in Nederland als uitzendkracht.",
    "Reed ritten door heel NL.",
])
def test_the_netherlands_as_a_place_of_work_stays(sentence):
    assert_kept(sentence)


@pytest.mark.parametrize("text, public", [
    ("Jan de Vries: Gemotiveerde werkzoekende.", "Gemotiveerde werkzoekende."),
    ("Jan de Vries: Jan wil graag aan het werk.", "De kandidaat wil graag aan het werk."),
    ("Jan de Vries: 5 jaar gewerkt als inpakker via payroll.", "5 jaar gewerkt als inpakker via payroll."),
    ("Meneer De Vries: zoekt werk in de buurt.", "Zoekt werk in de buurt."),
    ("Jan de Vries wil graag aan het werk.", "De kandidaat wil graag aan het werk."),   # no label: rewritten
    ("Gesprek met Jan: hij wil graag aan het werk.", "Gesprek met de kandidaat: de kandidaat wil graag aan het werk."),
])
def test_a_name_used_as_a_label_goes_with_its_colon(text, public):
    assert review(text, ("Jan", "de Vries")).text == public
