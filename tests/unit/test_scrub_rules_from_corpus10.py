"""General rules the scrubber learned from corpus 10's tune half (tune10), the re-integration field's reports,
plans, hand-overs and messages: job content that was removed for a general reason (a compound of work's
vocabulary opening a sentence read as a name, a company named after a family, an English "-ities" read as
"activist", a marketing campaign, leave schemes and laws known as a professional, others' births and
relatives in care work, a prison job with its role after it, a CV line's party office, "Berbers" as a
language), and the mentions that were missed (months of a pregnancy, the midwife, leave named after a
pregnancy, a protest or a council seat, body parts and blood values, gender dysphoria, temporary
protection, covering as a practice of faith, an own childminder, spaced e-mail, a site with the own name).
The sentences are new, not copied from a corpus."""
from __future__ import annotations

import pytest

from models.catalogue.scrubbing.public import check_term, review
from models.catalogue.scrubbing.scrub import detect
from tests.scrub_helpers import assert_gone, assert_kept


@pytest.mark.parametrize("sentence", [
    # a compound with a head of work's vocabulary opening a sentence is a noun, not a name
    "Avonddienst is geen bezwaar.",
    "Rekenniveau is voldoende voor de functie.",
    # a company named after a family, also with its type in lower case
    "Reed zes jaar voor transportbedrijf De Boer in Emmen.",
    # English "-ities" is no mistyped "activist"
    "I planned the daily activities in the warehouse.",
    # a marketing campaign for a shop or on an ad platform
    "Heeft de campagne voor deze fietsenwinkel gemaakt.",
    "Zet campagnes op in Google Ads en meet de resultaten.",
    # schemes and laws known as a professional
    "Kent de Ziektewet, de WIA en de Wajong door het werk bij een arbodienst.",
    "Kennis van regelingen: bevallingsverlof, ouderschapsverlof en kinderopvangtoeslag.",
    "Beantwoordde vragen over vergoedingen voor logopedie en fysiotherapie.",
    "Beoordeelde declaraties van logopedie en ergotherapie.",
    # leave after which one is available in a month may be a holiday
    "Na mijn verlof in augustus ben ik er weer.",
    # others' births and relatives are maternity and hospice work
    "Als kraamverzorgende veel moeders ondersteund na de bevalling.",
    "In het verpleeghuis ontving ik ook de familie van de bewoners.",
    # a prison job with its role after it
    "Heeft in een jeugdinrichting gewerkt als groepsleider.",
    # Berbers is a language too
    "Berbers en Frans (lezen en spreken).",
])
def test_job_content_stays(sentence):
    assert_kept(sentence)


@pytest.mark.parametrize("term", [
    "ouderschapsverlof registreren in de salarisadministratie",
    "beveiliging gevangenis (bewaker)",
    "Berbers (spreken)",
])
def test_list_wordings_stay(term):
    assert check_term(term) == (term, ())


@pytest.mark.parametrize("sentence", [
    # a pregnancy said by its months, its nausea, its expected child, its shower, class and midwife
    "Ik ben nu zes maanden, dus tillen gaat niet meer.",
    "Ben steeds misselijk, de eerste 3 maanden zijn zwaar.",
    "Het kindje wordt in het voorjaar verwacht.",
    "Zaterdag is mijn babyshower, dan kan ik niet.",
    "Dinsdagavond heb ik pufles.",
    "De verloskundige ziet haar elke maand.",
    "I'm expecting in June, so a contract until May suits me.",
    "Kan werken tot aan haar verlof in maart.",
    # one's own reimbursed care still counts
    "Krijgt een vergoeding voor de psycholoog.",
    # political: a protest, speaking out against a policy, anti-government views, a council seat
    "Zaterdag loop ik mee in de demonstratie tegen het klimaatbeleid.",
    "Hij heeft zich op de radio uitgesproken tegen het asielbeleid.",
    "Cliënt heeft uitgesproken anti-overheidsideeën.",
    "Ze zat acht jaar voor een lokale partij in de gemeenteraad.",
    # health: a part of the body or a blood value, an English complaint, RSI
    "Mijn knieën zijn al jaren niet meer zo goed.",
    "Haar bloeddruk is te hoog, dus rustig aan.",
    "I have problems with my back, so no lifting.",
    # criminal, religion, family, orientation, origin
    "I had trouble with the police when I was young.",
    "Sinds vorig jaar ben ik gaan bedekken.",
    "Eerst moet de oppas geregeld worden.",
    "Bijzonderheden: genderdysforie, in behandeling.",
    "Verblijft hier op grond van de richtlijn tijdelijke bescherming.",
])
def test_sensitive_sentence_goes(sentence):
    assert_gone(sentence)


def test_cv_line_of_a_party_office_stays_and_of_a_faction_goes():
    # the occupation a few words before the party on a CV line makes it the workplace ...
    assert review("2015–2019 | receptionist | secretariaat van een grote politieke partij.").removals == ()
    # ... but a faction's staff is political work
    removed = review("2020–2022 | fractiemedewerker | VVD Amersfoort").removals
    assert [r.text for r in removed if r.kind == "political"] == ["fractiemedewerker", "VVD Amersfoort"]


def test_leave_after_a_pregnancy_is_that_pregnancy():
    text = "Zij is zwanger van de tweede. Na het verlof wil ze 20 uur werken. Heeft een heftruckcertificaat."
    assert review(text).text == "Heeft een heftruckcertificaat."


def test_leave_without_a_pregnancy_stays():
    text = "Werkt graag in de logistiek. Na het verlof van de teamleider neemt hij de planning over."
    assert review(text).text == "Werkt graag in de logistiek. Na het verlof van de teamleider neemt de kandidaat de planning over."


def test_a_person_of_a_company_is_a_name():
    assert_gone("Contactpersoon is mevr. Smits van Schilderwerken Oost.")


def test_spaced_email_and_own_site_are_identifiers():
    assert [f.kind for f in detect("mail naar lisa1990 @ hotmail . com graag", [])] == ["email"]
    assert [f.text for f in detect("Portfolio op www.lisa-verbeek.nl staat online.", ["Lisa Verbeek"])] \
        == ["www.lisa-verbeek.nl"]
    assert detect("Bestelde via www.bol.com de onderdelen.", ["Lisa Verbeek"]) == []
