"""General rules the scrubber learned from corpus 11's tune half (tune11): employer-visit notes, matchers'
justifications, references, motivation letters, intake remarks and Flemish. Job content that was removed for a
general reason (a koster who also managed the building, a church or mosque's technical service, a CV header
"Stages:" before an institution, a union's office as the workplace, a salutation to an unknown reader, "ze" in a
subordinate clause with a plural verb at its end, a possessive after "iedereen", the pronoun "Men" and a
compound of "gesprek" opening a sentence read as names, no trouble with the weather, patients' operations as
care work, Pride as an event worked at, the civic-integration law known as a professional, a campaign
compound in a commercial context) and the mentions that were missed (the residence status after a
preposition, a scheme for status holders, faith movements, regional and Flemish parties, a council member,
a prison in a compound, months "gezeten" in any number word, the penitentiary programme, one's own drip, the
month of a pregnancy, a bare due month, returning after the leave, "een rustige jongen", a possessive after
a verb of judging, a post-office box, a phone number with its area code in brackets and dots, English digit
words). The sentences are new, not copied from a corpus."""
from __future__ import annotations

import pytest

from models.catalogue.scrubbing.public import check_term, review
from models.catalogue.scrubbing.scrub import detect
from tests.scrub_helpers import assert_gone, assert_kept


@pytest.mark.parametrize("sentence", [
    # a koster who also managed the building, or who worked as one, held a job
    "Werkte tien jaar als koster en conciërge van een kapel in Zwolle.",
    "Heeft vijf jaar gewerkt als koster in een dorpskerk.",
    # the technical or facility service of a house of worship is the workplace
    "Deed vier jaar de facilitaire dienst van een moskee in Almere.",
    # a CV header says that what follows is work
    "Stages: 2019 Reclassering Gelderland (dossierbeheer), 2020 Gemeente Zwolle (archief).",
    # a letter to an unknown reader
    "Geachte mevrouw, meneer, hierbij reageer ik op de vacature van monteur.",
    "Beste heer/mevrouw, graag kom ik op gesprek.",
    # "ze" with a plural verb at the end of its clause is "they"
    "Ik leg klanten uit hoe ze de zelfscankassa moeten gebruiken.",
    # a possessive after no one in particular
    "Als teamleider zorgde ik dat niemand zijn pauze oversloeg.",
    # "Men" and a compound of "gesprek" are no names
    "Men verwacht veel van de nieuwe kok.",
    "Kennismakingsgesprek staat gepland voor dinsdag.",
    # no trouble with the weather or the conditions of the work
    "Heeft geen last van hitte of lawaai in de fabriek.",
    # others' operations are the carer's work
    "Verzorgt bewoners na een heupoperatie op de revalidatieafdeling.",
    # Pride as an event worked at
    "Horecamedewerker tijdens Pride en Koningsdag.",
    "Bewaking bij Pride en de Uitmarkt.",
    # the civic-integration law known as a professional
    "Heeft kennis van de Wet inburgering uit het werk als klantmanager.",
    # a campaign compound in a commercial context
    "Campagneplanning voor een keten van schoenwinkels.",
    # working in a prison or a penitentiary programme named in a compound
    "Werkte als bewaarder in de Koepelbajes.",
    "Trajectbegeleider bij een penitentiair programma in Utrecht.",
    # teaching in a scheme for status holders is work
    "Gaf les in een taalcursus voor nieuwkomers in Ede.",
])
def test_job_content_stays(sentence):
    assert_kept(sentence)


@pytest.mark.parametrize("term", [
    "Evenementenbeveiliging (Koningsdag, Pride)",
    "Campagnemarketing (e-commerce)",
    "Verpleging van patiënten na een operatie (orthopedie)",
])
def test_list_wordings_stay(term):
    assert check_term(term) == (term, ())


def test_a_unions_office_on_a_cv_line_is_the_workplace():
    text = "2016–2021 | administratief medewerker | bondskantoor in Den Haag; post, archief"
    assert review(text).removals == ()


@pytest.mark.parametrize("sentence", [
    # origin: the residence status after a preposition, a scheme for status holders the person took
    "Na haar status is ze naar Drachten verhuisd.",
    "Volgde een werkervaringstraject voor vluchtelingen in Leiden.",
    "Heeft de status vorig jaar gekregen.",
    # religion: faith movements
    "Is lid van de Ahmadiyya-moslimgemeenschap in Almere.",
    "Bezoekt elke week een soefi-bijeenkomst.",
    "Komt uit een familie van Jezidi's.",
    # political: regional and Flemish parties, a council member
    "Zat vier jaar namens de FNP in de gemeenteraad.",
    "Is lid van Vlaams Belang.",
    "Stemt al jaren op de N-VA.",
    "Was vier jaar lid van de deelraad.",
    # criminal: a prison in a compound, months in a town, the penitentiary programme
    "Zat vroeger in de Koepelbajes.",
    "Heeft zeven maanden in Vught gezeten.",
    "Rondt nu een penitentiair programma af.",
    # health: one's own drip
    "Vrijdags krijg ik een infuus op de dagbehandeling.",
    "Ik lig elke maand een middag aan het infuus.",
    "Ik krijg om de drie weken een infuus.",
    # pregnancy: the month of it, a bare due month, returning after the leave
    "Ik ben nu in de vijfde maand.",
    "Verwacht rond de zomer.",
    "De werkgever vroeg of de kandidaat na het verlof terugkomt.",
    "Wil na het verlof weer parttime werken.",
    # gender: the person said to be a boy or a girl, with adjectives
    "Ik ben een stille, precieze jongen.",
    "Ik ben een harde werker en een vrolijke meid.",
])
def test_sensitive_sentence_goes(sentence):
    assert_gone(sentence)


def test_a_bare_due_month_is_left_out_as_a_list_wording_but_a_diplomas_is_not():
    assert check_term("Verwacht in oktober")[0] is None
    assert check_term("Diploma verwacht in oktober") == ("Diploma verwacht in oktober", ())


def test_surnames_and_words_that_look_like_faith_groups_stay():
    assert_kept("Kandidaat Ahmadi werkte als kok.")
    assert_kept("Kandidaat Gülen is kassamedewerker.")
    assert_kept("De spits kopt de bal in het doel.")
    assert_kept("Ik heb als verpleegkundige een infuus aangelegd en gecontroleerd.")
    assert_kept("Medewerker groen bij Groen & Co Hoveniers.")


def test_a_possessive_after_a_verb_of_judging_is_the_persons():
    assert review("De werkgever prees zijn inzet.").text == "De werkgever prees diens inzet."


def test_a_post_office_box_and_unusual_phone_notations_are_identifiers():
    assert [f.kind for f in detect("Post naar Postbus 1234, 8000 AB Zwolle.", [])] == ["address", "postcode"]
    assert [f.text for f in detect("Bel (020) 412.33.98 na vijf uur.", [])] == ["(020) 412.33.98"]
    # English digit words among digits; a trailing group that makes it too long is no part of it
    assert [f.text for f in detect("nummer is 06 three four 55 66 77 88", [])] == ["06 three four 55 66 77"]
    assert detect("Ik heb one or two vragen over versie 1.2.3.", []) == []
