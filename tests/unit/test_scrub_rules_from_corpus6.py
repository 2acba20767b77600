"""General rules the scrubber learned from corpus 6's tune half (tune6): "de bond" in any wording, unions
abroad, "ex-" before a detention word, complaints written apart, seeing or hearing badly, waiting for a
child, parties by their full names, one's own country unnamed, English country names, and job content
that shares those words (medication as a task, an employee's sick leave, a prison or a union on a CV
line, hair). The sentences are new, not copied from a corpus."""
from __future__ import annotations

import pytest

from models.catalogue.scrubbing.public import check_term, review
from tests.scrub_helpers import assert_gone, public


@pytest.mark.parametrize("sentence", [
    "Volgens de bond had ik recht op een hogere schaal.",            # union: "de bond" in any wording
    "Mijn bond heeft het ontslag aangevochten.",
    "Ik bel morgen eerst de bond.",
    "In Spanje was ik afgevaardigde van het sindicato in de fabriek.",  # unions abroad
    "Als délégué syndical heb ik collega's bijgestaan.",
    "Was shop steward in een autofabriek.",
    "Hij is ex-gevangene en zoekt een nieuwe start.",                # criminal: "ex-" before the word
    "Heeft een tijd achter de tralies gezeten.",
    "Zat vast in 2019, sindsdien werkt hij weer.",                   # a year after "zat vast"
    "Heeft knie klachten bij lang staan.",                           # health: a complaint written apart
    "Hoort erg slecht aan één kant.",                                # hearing or seeing badly
    "We zijn in afwachting van onze eerste baby.",                   # pregnancy: waiting for the child
    "Ze is in gezegende verwachting.",
    "We are planning for a baby next year.",
    "Ik merk dat ik op mannen val, dat zeg ik niet op het werk.",    # orientation: the inverted order
    "Contactpersoon: haar echtgenoot.",                              # family: a spouse anywhere
    "Partner: mevrouw B. Smit.",
    "Mag geen varkensvlees eten, dus liever niet bij de slager.",    # religion: a faith's food rule
    "Rond Meskel ben ik een week weg.",                              # festivals of other faiths
    "Hij is actief voor de Partij voor de Dieren.",                  # political: a party by its full name
    "Stond vorig jaar op de kandidatenlijst voor de gemeenteraad.",  # a place on a list
    "Ze ziet zichzelf als radicaal links.",
    "Terug in mijn land was ik bakker.",                             # origin: one's own country unnamed
    "Mijn geboorteland mis ik soms.",
    "I was a nurse in Ethiopia before I came here.",                 # English country names
])
def test_more_wordings_of_the_categories_are_found(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Zat vast in de file en kwam te laat.",                          # stuck in traffic
    "Ziet slecht verlichte plekken in het magazijn meteen.",         # a safety eye, not eyesight
    "Handelt klantklachten af aan de telefoon.",                     # complaints at work
    "Zorgt voor het aanreiken van medicatie aan bewoners.",          # medication as a task
    "Bij ziekte van een medewerker regelt de planner de vervanging.",  # an employee's sick leave
    "Ritten naar Duitsland en Frankrijk, ook nachtritten.",          # destinations stay
])
def test_near_misses_of_those_wordings_stay(sentence):
    assert sentence in public(sentence)


@pytest.mark.parametrize("line", [
    "2012–2018 | penitentiair inrichtingswerker | PI Zwolle",        # a prison as the workplace
    "2019–2021 | begeleider dagbesteding | Justitiële Jeugdinrichting, keuken",
    "2015–2017 | medewerker facilitair | kantoor van een vakbond in Amsterdam",
    "Opleiding: mbo 2 Logistiek, ROC Friese Poort, 2012–2014",        # a Dutch school's name
])
def test_an_institution_on_a_cv_line_after_an_occupation_of_several_words_stays(line):
    assert review(line).text.replace(". ", " | ").lower() == line.lower()


@pytest.mark.parametrize("line", [
    "2015–2017 | gedetineerde | PI Zwolle",                          # an inmate: the category
    "2019 | lid | kantoor van een vakbond",                          # a member
])
def test_the_same_cv_line_for_an_inmate_or_member_still_goes(line):
    assert line.split(" | ")[-1] not in review(line).text


def test_forensic_care_as_the_workplace_stays_and_as_the_persons_treatment_goes():
    assert "forensische zorg" in public("Wil graag werken in de forensische zorg als begeleider.")
    assert_gone("Is opgenomen geweest in de forensische zorg.")


def test_hair_after_a_hair_verb_is_no_pronoun():
    text = "Ervaring met het wassen en kleuren van haar in een salon."
    assert review(text).text == text
    assert "van haar" not in review("De auto van haar staat voor de deur.").text  # hers: rewritten


def test_a_certificate_is_no_name():
    assert check_term("Groot Vaarbewijs")[0] == "Groot Vaarbewijs"
    assert check_term("Groot Vaarbewijs", ["Sanne Groot"])[0] == "Groot Vaarbewijs"  # the certificate


def test_apenstaartje_in_brackets_is_an_e_mail():
    assert "ziggo" not in review("Mail: kees.jansen(apenstaartje)ziggo.nl", ["Kees Jansen"]).text


def test_an_english_country_name_after_in_from_or_of_tells_origin():
    assert_gone("I am from Chad and worked in a bakery.")
    assert_gone("Worked as a cook in Lebanon.")


@pytest.mark.parametrize("sentence", [
    "Ik zit nu in mijn laatste trimester.",                          # pregnancy: the stage, the child
    "Wij verwachten in het najaar ons eerste kindje.",
    "Zij draagt haar tweede kind.",
    "Is sinds kort weer single.",                                    # family: status, the little ones
    "Moet om half vier de jongste van school halen.",
    "Moet zich elke week melden bij de politie.",                    # criminal: a duty to report
    "Heeft daarvoor een jaar gezeten.",                              # time served, named by "daarvoor"
    "Flyerde vorige maand voor de partij in de wijk.",               # political: "de partij" as a party
])
def test_wordings_written_for_the_tune6_classes_are_found(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Ontving een partij dozen voor de winkel en telde die na.",      # a batch, not a party
    "Was verantwoordelijk voor de partij tomaten van die dag.",
    "Melden bij de receptie bij aankomst.",
    "Het eerste trimester van het schooljaar gaf ik bijles.",
    "Heeft daarvoor gezeten met de teamleider om het rooster te maken.",  # sat down with someone
])
def test_near_misses_of_the_tune6_classes_stay(sentence):
    assert sentence in public(sentence)


@pytest.mark.parametrize("sentence", [
    "Deelde de medicijnen rond op de afdeling.",                     # medication handed out, any verb
    "Schreef persberichten voor een politieke partij als communicatiemedewerker.",
    "Installeerde zonnepanelen op het dak van een moskee.",          # a trade's work at an institution
    "Schilderde het kantoor van de vakbond in Den Haag.",
])
def test_trade_work_and_tasks_at_a_sensitive_institution_stay(sentence):
    assert sentence in public(sentence)


@pytest.mark.parametrize("sentence", [
    "Hielp bij de verbouwing van de moskee als vrijwilliger.",       # a volunteer: the category
    "Deed campagne voor een politieke partij als vrijwilliger.",
    "Schilderde als lid van de moskee de gebedsruimte.",
])
def test_the_same_work_as_a_volunteer_or_member_still_goes(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Thuis spreken we Tigrinya, want daar komen we vandaan.",        # origin named by "vandaan"
    "Woonde drie jaar in een vluchtelingenkamp.",
    "Heeft samen met collega's actie gevoerd voor meer loon.",       # union: action in two words
])
def test_origin_and_action_in_other_words_are_found(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Weet precies waar de producten vandaan komen.",                 # goods, not the person
    "Voerde de actie van de week uit in de winkel.",                 # a shop's promotion
])
def test_goods_and_promotions_stay(sentence):
    assert sentence in public(sentence)
