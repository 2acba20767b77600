"""General rules the scrubber learned from corpus 5's tune half (tune5): euphemisms of detention,
relapse and special needs, arrival as a minor, activity in "de bond", phone numbers with dots,
link-in-bio pages, and job content that shares the sensitive words (a place of worship as a
workplace, a scheme's clients, food rules). The sentences are new, not copied from a corpus."""
from __future__ import annotations

import pytest

from models.catalogue.scrubbing.public import check_term, review
from tests.scrub_helpers import assert_gone, public


@pytest.mark.parametrize("sentence", [
    "Kon niet komen, had een controle bij de cardioloog.",          # health: a specialist
    "Morgen heb ik een afspraak bij de huidarts.",
    "Volgens school heeft hij een flink rugzakje.",                 # special needs, said of the person
    "Sorry, ik gebruik weer, ik meld me volgende week.",            # a relapse without the drug
    "Na een terugval in de drugs is ze opgenomen.",
    "Woonde twee jaar als bewoonster van het azc in Budel.",        # origin: a resident, not a worker
    "Ik kwam hier als tiener zonder papieren.",                     # arrival as a minor, no papers
    "Is als kind alleen naar Nederland gekomen.",
    "Elke avond in de ramadan help ik bij de iftar.",               # religion: practice
    "Vrijwilliger bij de Mevlana Camii, elke zaterdag.",
    "Helpt als vrijwilliger in de kerk met de koffie.",             # volunteering at a place of worship
    "Ze heeft vier tienjarige kinderen.",                           # family: the children, any age word
    "Ik ben al jaren vertegenwoordiger bij de bond.",               # union: a post in "de bond"
    "Donderdag is er een bijeenkomst van de bond, dan kan ik niet.",
    "Ons kindje komt rond de kerst, dus tijdelijk werk graag.",     # pregnancy: the arrival named
    "Begin maart krijgen we ons tweede kindje.",
    "Hij heeft drie jaar in Zwolle gezeten.",                       # criminal: euphemisms
    "Heeft een poos binnen gezeten en wil opnieuw beginnen.",
    "Ik ben een tijdje weg geweest, nu wil ik werken.",
    "Schrijft stukken voor een rechtse actiegroep.",                # political: a side's organisation
])
def test_more_wordings_of_the_categories_are_found(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Heeft de hele dag binnen gezeten met de inventarisatie.",     # indoors, not detained
    "Ik heb mijn VOG binnen en kan beginnen.",
    "We kunnen weer gebruik maken van de heftruck.",                # "gebruik maken" is no relapse
    "Neemt een rugzakje mee met brood.",                            # a bag
    "Stond links en rechts op de lijn bij het inpakken.",           # directions
    "Heeft ervaring met bewoners van het azc als beveiliger.",      # a workplace stays
])
def test_near_misses_of_those_wordings_stay(sentence):
    assert sentence in public(sentence)


@pytest.mark.parametrize("text, found", [
    ("Bel me op 06.12.34.56.78 na vijven.", "06.12.34.56.78"),      # a mobile number written with dots
    ("Al mijn werk staat op linktr.ee/noorvandijk", "linktr.ee"),   # a link-in-bio page
])
def test_identifiers_in_those_notations_are_found(text, found):
    assert found not in review(text, ["Noor van Dijk"]).text


def test_a_version_or_an_amount_with_dots_is_no_phone_number():
    assert "versie 0.12.3" in review("Werkte met versie 0.12.3 van het pakket.").text


def test_a_lower_case_word_one_letter_off_an_ordinary_surname_is_the_word():
    # "bakken" is one letter off Bakker; the name counts only with its capital, and so does its typo
    assert review("Hielp vroeg mee met bakken.", ["Fenna Bakker"]).text == "Hielp vroeg mee met bakken."
    assert "Bakkr" not in review("Bakkr heeft ervaring.", ["Fenna Bakker"]).text


@pytest.mark.parametrize("term, neutral", [("Receptioniste", "Receptionist"), ("Huishoudster", "Huishoudelijk medewerker"),
                                           ("Telefoniste", "Telefonist")])
def test_more_female_job_nouns_become_neutral(term, neutral):
    assert check_term(term)[0] == neutral


def test_ze_after_a_shared_verb_is_them_not_her():
    text = "Het servicepunt verzamelt de cv's en stuurt ze door naar werkgevers."
    assert review(text).text == text
    # the person, with the verb first after an opening word, is still made neutral
    assert "ze" not in review("Sinds mei werkt ze bij AH en volgt ze een opleiding.").text.split()


def test_a_word_that_starts_like_a_mistyped_stem_is_no_typing_error():
    # "activit-eitenbegeleider" is one letter off the stem "activist" only in its first seven letters
    text = "Werkte als activiteitenbegeleider in een verpleeghuis."
    assert review(text).text == text
    assert review("Hij is een bekende activst.").text == ""  # a typo with an ending still counts


@pytest.mark.parametrize("sentence", [
    "Werkte drie jaar als receptionist bij het partijbureau van het CDA.",   # an institution as the workplace
    "Administratief medewerker bij de FNV in Utrecht (2015-2019).",
    "Was beveiliger bij een GGZ-instelling in Arnhem.",
    "Werkte als kok in de keuken van GGZ Centraal.",
    "Heeft in de moskee de cv-ketel vervangen als installateur.",
    "Bij de vakbond werkte ik als ICT-beheerder.",
    "Beveiliger bij het partijcongres van D66 in Utrecht.",
    "De synagoge in de binnenstad zoekt een huismeester.",                  # a vacancy there
    "Als jobcoach begeleidde ik Wajongers naar werk.",                       # a scheme's clients
    "Leerde de Wajong-regels kennen als medewerker bij het UWV.",
    "De Wajong is een uitkering voor mensen die al jong een beperking hebben.",  # the scheme explained
])
def test_an_institution_where_the_person_worked_is_job_content(sentence):
    assert sentence in public(sentence)


def test_an_employer_on_a_cv_line_after_the_occupation_is_job_content():
    assert review("2016–2020 | schoonmaker | FNV, Amsterdam").text == "2016–2020. Schoonmaker. FNV, Amsterdam"
    assert "Moskee" not in review("2019 | vrijwilliger | Moskee Al Noor").text   # a volunteer: the category
    assert "PI Vught" not in review("2015–2017 | gedetineerde | PI Vught").text
    assert review("2015–2017 | gedetineerde").text == "2015–2017"


@pytest.mark.parametrize("sentence", [
    "Zat in PI Vught en werkte daar als schoonmaker.",                        # detained there
    "In de gevangenis werkte ik in de keuken.",                               # may be an inmate's work
    "Vrijwilliger in de moskee als klusjesman.",                              # a volunteer
    "Werkte als kok in de moskee en is daar ook lid.",                       # a member
    "Werkt als kaderlid bij de FNV.",
    "Werkte als campagnemedewerker voor de SP.",
    "De Wajong is een uitkering die ik sinds 2015 krijg.",                  # the person's own scheme
    "Na mijn opname in de kliniek werkte ik als schoonmaker.",
])
def test_an_institution_where_the_person_was_member_client_or_inmate_still_goes(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Kookte voor de gasten van het hotel, ook halal.",                        # cooking for others
    "De supermarkt blijft tijdens de ramadan tot middernacht open.",         # a business's hours
    "Via een cateraar heb ik Diwali-feesten van grote bedrijven verzorgd.",  # an event company's work
    "Adres van de werkplaats: Naast de Kerk, achter het plein.",           # a street named so
])
def test_religious_words_in_work_are_job_content(sentence):
    assert sentence in public(sentence)


@pytest.mark.parametrize("sentence", [
    "Ik kook thuis alleen halal.",
    "Tijdens de ramadan ben ik 's middags moe.",
    "Ik vier Diwali met de familie en wil die dag vrij.",
    "Ik ga naar de kerk op zondag.",
])
def test_the_persons_own_practice_still_goes(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Kwam hier via Ter Apel.",                      # the registration centre
    "Heeft nog geen status.",
    "Is gezinshereniger.",
    "Volgt nu NT2-les op het ROC.",                 # learning Dutch as a newcomer
    "Zit in de WSW.",                               # sheltered employment
    "Ging gisteren naar de AA.",
    "Haar kleine is net geboren.",                  # a child just born
])
def test_wordings_from_corpus_5s_brief_are_found(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Werkte als beveiliger in Ter Apel.",
    "Docent NT2 bij het ROC.",
    "Gaf NT2-les aan statushouders.",
    "Heeft het NT2-examen niveau B1 gehaald.",      # a qualification
    "Kent de regels van de AOW en de Wajong als uitkeringsspecialist.",
    "Vervangt AA-batterijen in de scanners.",
])
def test_the_same_words_as_work_stay(sentence):
    assert sentence in public(sentence)


@pytest.mark.parametrize("sentence", [
    "Wajong: een uitkering voor jonggehandicapten.",
    "Uitleg voor de werkgever: de Wajong is een regeling van het UWV.",   # "regeling" is no mistyped "regering"
    "Met de Wajong krijgt een werkgever loonkostensubsidie.",
    "Nachtdienst als beveiliger in een tbs-kliniek.",
    "Via het uitzendbureau bij de FNV op de administratie.",
])
def test_schemes_explained_and_more_workplaces_stay(sentence):
    assert sentence in public(sentence)


@pytest.mark.parametrize("sentence", [
    "Met mijn Wajong krijgt een werkgever loonkostensubsidie.",
    "Mijn inkomen: Wajong (een uitkering).",
    "Wajong: een uitkering voor jonggehandicapten, die heb ik.",
])
def test_the_persons_own_scheme_still_goes(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Kwam via Lampedusa.",                          # the route of arrival
    "Is via Istanbul en Athene hierheen gereisd, gevlucht via Griekenland.",
    "Zat maanden in kamp Moria.",
    "Wil vrij met Keti Koti.",                      # festivals that tell origin or faith
    "Viert Newroz met de familie.",
])
def test_routes_of_arrival_and_festivals_tell_origin(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", ["Reed ritten via Duitsland naar Polen.", "Kwam via Randstad bij PostNL.",
                                      "Kwam via via aan deze baan."])
def test_a_route_of_work_or_via_an_agency_stays(sentence):
    assert sentence in public(sentence)
