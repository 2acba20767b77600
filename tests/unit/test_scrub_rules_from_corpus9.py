"""General rules the scrubber learned from corpus 9's tune half (tune9), the corpus of whole passages:
a job sentence beside a sensitive one must stay, so the causes that removed one were fixed (a Dutch noun
opening a sentence read as a name, a Dutch word "corrected" into a lexicon word, work at a religious
employer said in the perfect tense, care for detainees, someone else's illness, a simile with "familie"),
and the mentions the passages carried that were missed (dialysis, re-integration with one's employer, a
due date, one's lawyer and case, a gender field, a CV gap at home with the children, a country's army,
the route of flight in English). The sentences are new, not copied from a corpus."""
from __future__ import annotations

import pytest

from models.catalogue.scrubbing.public import check_term, review
from tests.scrub_helpers import assert_gone, assert_kept, public


@pytest.mark.parametrize("sentence", [
    # a Dutch noun opening a sentence is no name, also when "is" follows it
    "Veiligheidskleding is besteld.",
    "Begeleiding op de werkvloer is afgesproken.",
    "Planning: eerst een proefplaatsing van vier weken.",
    "Beschikbaarheid is vanaf maandag.",
    "Wensen: een vaste ploeg en werk dicht bij huis.",
    "Mensen vinden het prettig om samen te werken.",
    # a Dutch noun is no mistyped lexicon word ("activiteiten" is no "activist", a "partijleider" leads
    # a batch in the warehouse, "Humanitas" is no "humanist")
    "Organiseert activiteiten voor bewoners van het verzorgingshuis.",
    "Was partijleider in het magazijn van een groothandel.",
    # work at a religious employer said in the perfect, or as its vacancy
    "Ik heb bij de synagoge in de tuin gewerkt.",
    "De koranschool in de wijk zoekt een schoonmaker.",
    # care for detainees is the job, not detention
    "Werkte als verpleegkundige in de gevangeniszorg: zorg aan gedetineerden en medicatie uitgeven.",
    # someone else's illness, and the rule of a scheme for any employee
    "De les van dinsdag vervalt, de docent is ziek.",
    "Als een medewerker met een beperking ziek wordt, helpt de regeling de werkgever.",
    "In de sector gehandicaptenzorg geldt een eigen cao.",
    # a comparison, not one's relatives
    "Het team in de keuken voelde als een tweede familie.",
    # the dialysis ward as a workplace
    "Werkte drie jaar als verpleegkundige op de afdeling dialyse.",
])
def test_job_content_beside_it_stays(sentence):
    assert_kept(sentence)


@pytest.mark.parametrize("sentence", [
    # a name still goes: a lexicon name, or a capitalised word with a person's verb after it
    "Fatima is gemotiveerd.",
    "Keuning is gemotiveerd en komt dinsdag langs.",
    # a typing error of a lexicon word is still read
    "Hij is een fanatieke actvist.",
    # the perfect does not exempt a place of detention, nor a member's work
    "Ik heb in de gevangenis in de wasserij gewerkt.",
    "Als lid heb ik bij de moskee in de keuken gewerkt.",
    # detained oneself
    "Hij was zelf gedetineerd in een PI.",
    # one's own illness, one's relatives
    "De kandidaat is ziek en komt niet.",
    "Mijn moeder is ziek, ik zorg voor haar.",
])
def test_the_sensitive_side_still_goes(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Ik moet drie keer per week naar de dialyse.",
    "Na een lang re-integratietraject bij mijn eigen werkgever ben ik uit dienst gegaan.",
    "Ze zit in het tweede spoor.",
    "De uitgerekende datum is begin maart.",
    "Mijn advocaat heeft gebeld over mijn zaak.",
    "Geslacht: vrouw.",
    "Van 2015 tot 2019 was ik thuis bij de kinderen.",
    "Hij heeft zijn dienstplicht in het Syrische leger gedaan.",
    "I travelled via Turkey and Bulgaria to Europe.",
    "Is lid van een roze ouderensoos.",
])
def test_missed_mentions_now_go(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Heeft een eigen zaak gehad in bloemen.",
    "De advocaat van de werkgever stuurde het contract.",
    "Werkt thuis aan de administratie.",
    "Ervaring met Syrische klanten in de winkel.",
    "Ik spreek Engels, I worked in a warehouse.",
    "Gaat in het eerste jaar naar de vakschool.",
])
def test_near_misses_of_the_new_rules_stay(sentence):
    assert_kept(sentence)


def test_a_passage_keeps_its_job_sentences_around_a_removed_one():
    passage = ("Kandidaat heeft vandaag een proefdag gedaan. Ze is 30 weken zwanger. "
               "Veiligheidsschoenen zijn geregeld. Opleiding loopt via de werkgever.")
    assert review(passage).text == ("Kandidaat heeft vandaag een proefdag gedaan. Veiligheidsschoenen zijn "
                                    "geregeld. Opleiding loopt via de werkgever.")


def test_list_wordings():
    assert check_term("Kerkgangster")[0] is None
    assert check_term("Partijleider expeditie")[0] == "Partijleider expeditie"


@pytest.mark.parametrize("sentence", [
    "Het aanvraagformulier? Ik heb hem gisteren ingevuld.",
    "Stuur je de link nog een keer? Ik kreeg hem niet binnen.",
    "Mijn diploma heb ik als scan, ik heb hem als pdf.",
])
def test_hem_for_a_thing_stays(sentence):
    assert_kept(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("Ik heb hem binnen een week geplaatst.", "Ik heb deze persoon binnen een week geplaatst."),
    ("Ik heb hem gemaild over de vacature.", "Ik heb deze persoon gemaild over de vacature."),
])
def test_hem_for_a_person_is_still_neutral(sentence, expected):
    assert review(sentence).text == expected


def test_political_activity_said_as_such_still_goes():
    assert_gone("Hij moest weg vanwege zijn politieke activiteiten.")
    assert_kept("Begeleidt de activiteiten in het buurthuis.")


def test_a_sexton_at_a_congregation_on_a_cv_line_is_work():
    line = "2009–2013 | koster en conciërge | Hervormde Gemeente Elburg. Sleutelbeheer en onderhoud."
    assert review(line).removals == ()
    assert_kept("Werkt als beheerder bij de Remonstrantse Gemeente.")


@pytest.mark.parametrize("sentence", [
    "Zij is al jaren koster in haar eigen kerk.",
    "Als vrijwilliger bij de hervormde gemeente zet ik koffie.",
    "Ze is katholieke en gaat elke zondag.",
])
def test_a_member_of_the_congregation_still_goes(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Ik dialyseer drie ochtenden per week.",
    "Van 2010 tot 2018 was ik huisvrouw.",
    "Daarna een paar jaar fulltime moeder geweest.",
])
def test_variants_of_the_new_mentions_go(sentence):
    assert_gone(sentence)


def test_huisman_as_a_surname_is_no_family_situation():
    assert "Huisman" not in public("Werkte samen met Karel Huisman op de bouw.")  # a name: it goes as a name
    assert [r.kind for r in review("Werkte samen met Karel Huisman op de bouw.").removals] == ["name"]
