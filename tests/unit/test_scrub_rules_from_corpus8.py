"""General rules the scrubber learned from corpus 8's tune half (tune8), the corpus weighted to pregnancy,
political and criminal wordings: pregnancy said through leave, weeks, a late period, a ready nursery or
the midwife's appointment; standing for or being elected, petitions and actions against a plan, opinions
on asylum or the government; time "binnen", a court case of one's own, the PI without its town; and the
job content that shares those words (pregnant clients, supervising community service, a marketing
campaign, a church cleaned, availability "vrij"). The sentences are new, not copied from a corpus."""
from __future__ import annotations

import pytest

from models.catalogue.scrubbing.public import check_term, review
from tests.scrub_helpers import assert_gone, public


@pytest.mark.parametrize("sentence", [
    # pregnancy through what happens around it
    "Mijn verlof gaat in per 1 maart, daarna wil ik weer beginnen.",
    "Het traject ligt stil tot na haar verlof.",
    "Ze gaat eerst met moederschapsverlof.",
    "Ik ben 28 weken, dus zwaar tillen gaat niet.",
    "Ze is inmiddels 31 weken.",
    "Ik ben een week overtijd en weet nog niet wat ik moet doen.",
    "De babykamer is bijna klaar.",
    "Ons wiegje staat al klaar bij het raam.",
    "Ik moet dinsdag naar de verloskundige.",
    "Donderdag heb ik een controle bij de verloskundige.",
    "Our baby is coming in June, so only short contracts please.",
    # criminal: time inside, a case of one's own, the PI, release, aftercare
    "Hij was anderhalf jaar binnen en heeft daar gelast.",
    "Van 2019 tot 2021 zat ik binnen.",
    "Ze heeft nog een zaak lopen.",
    "Mijn zaak dient in mei bij de rechtbank.",
    "Daarna kwam ik in de PI terecht.",
    "Ik kom net vrij en zoek meteen werk.",
    "Het casemanagement nazorg heeft hem aan een kamer geholpen.",
    # political: elections, petitions and actions, opinions on policy
    "Hij is lijsttrekker van een lokale partij.",
    "Vorig jaar ben ik gekozen in de gemeenteraad.",
    "Ze staat op plek 4 van de lijst.",
    "Was raadskandidaat in haar woonplaats.",
    "Ze heeft een petitie opgezet tegen de sluiting van de bibliotheek.",
    "We hebben actie gevoerd tegen de komst van de windmolens.",
    "Ik vind dat het kabinet veel te weinig doet.",
    "Hij zegt dat er te veel geld naar statushouders gaat.",
    "Vluchtelingen moeten terug naar hun land, vindt hij.",
    "Ik heb folders rondgebracht voor de huis-aan-huiscampagne.",
    "Populisme vind ik het grootste gevaar van deze tijd.",
    # health, orientation, family
    "Na darmkanker bouwt ze de uren rustig op.",
    "Graag haar nieuwe naam gebruiken in de mail.",
    "Ze heet officieel nog anders.",
    "Ik heb een vriendin, we wonen samen.",
    "Woont met zijn vaste vriend in Assen.",
])
def test_the_categories_are_found_in_indirect_wordings(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    # pregnancy words as job content or unrelated
    "Heeft als kraamverzorgende gewerkt en deed de intake bij nieuwe gezinnen.",
    "Heeft ervaring met zwangere cliënten op de poli.",
    "Verzorgde de pasgeboren baby's op de afdeling.",
    "Verkocht wiegen en kinderwagens in een babywinkel.",
    "Werkte bij de zorgverzekeraar op het team vergoedingen zwangerschapszorg.",
    "Ik ben 12 weken in dienst geweest bij een bakkerij.",
    "De opleiding is 20 weken.",
    "Heeft vakantieverlof in juli.",
    "De wedstrijd ging in de overtijd.",
    # criminal words as job content or unrelated
    "Ik ben vrij op woensdag en donderdag.",
    "Ik ben pas vrij na vijf uur.",
    "Kwam vrij snel aan de slag bij een hovenier.",
    "Was vijf jaar binnen en buiten aan het werk als schilder.",
    "Beveiliger bij de rechtbank in Zwolle.",
    "Ik geef leiding aan de mannen van de taakstraf in het park.",
    "Werkbegeleider bij een project voor werkgestraften.",
    "Heeft in de PI gewerkt als kok via een cateraar.",
    # political words as job content or unrelated
    "Maakte een reclamecampagne voor een webshop.",
    "Werkte mee aan de campagne van de gemeente over afval scheiden.",
    "Gekozen tot medewerker van de maand.",
    "Werd gekozen in de ondernemingsraad.",
    "Ik vind dat een goede planning belangrijk is.",
    "Ik vind het werk met vluchtelingen mooi.",
    "Graag de nieuwe naam van het bedrijf gebruiken op de factuur.",
    # other shared words
    "Ik kan goed tillen en ben zelden ziek.",
    "Heeft de kerk in het dorp geschilderd, ook de toren.",
    "Kan Surinaams en Turks koken voor grote groepen.",
    "De kandidaten zijn gemotiveerd en zijn allemaal bereid om in het weekend te werken.",
    "Begeleider dagbesteding dementie.",
])
def test_near_misses_of_those_wordings_stay(sentence):
    assert sentence in public(sentence)


def test_an_inmates_work_after_a_prison_still_goes():
    """A trade done to a building is job content, but not in a place of detention."""
    assert_gone("In de gevangenis heb ik de gangen schoongemaakt.")


def test_a_volunteer_at_a_place_of_worship_still_goes():
    assert_gone("Als vrijwilliger heeft ze de moskee schoongemaakt.")


@pytest.mark.parametrize("term", ["IT-support partijbureau", "Werkbegeleider taakstraffen",
                                  "Schoonmaker moskee"])
def test_an_occupation_right_before_an_institution_is_a_job(term):
    assert check_term(term)[0] == term


@pytest.mark.parametrize("term", ["Campagnemedewerker partijbureau", "Vrijwilliger moskee",
                                  "Moederschapsverlof", "Petitie tegen de sluiting van het zwembad"])
def test_list_wordings_with_a_category_are_left_out(term):
    assert check_term(term)[0] is None


def test_a_company_named_after_a_surname_is_the_employer():
    line = "2017–2021 | inpakker | Stichting Groen Herstel"
    assert "Groen Herstel" in review(line).text
    assert "Smit Verpakkingen" in review("2016–2020 | operator | familiebedrijf Smit Verpakkingen").text


def test_a_city_after_an_ordinary_capitalised_word_tells_origin():
    assert "Brno" not in public("Werkervaring Brno (12 jaar).")
    assert "Santiago" in public("Kandidaat Santiago werkt hard.")   # before a name: a person


def test_a_portfolio_domain_with_the_name_is_a_link():
    assert "noorzai" not in public("Portfolio: samirnoorzai.design", names=["Samir Noorzai"]).lower()
    assert "studio.design" in public("Werkte bij studio.design als ontwerper.")
