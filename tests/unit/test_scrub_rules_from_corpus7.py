"""General rules the scrubber learned from corpus 7's tune half (tune7): a pregnancy said through what
surrounds it (the baby named before the verb, a scan by its name, leave from a month on, a week count),
a criminal past through the court, the OM, a record of any kind and a ban from the victim, health
through a restricting advice, an accident behind the work, a named body condition or English words,
a party's office and the provincial council, the union's meetings and cao talks for the employees, a
visa and the IND, phone digits spaced out with dashes; and job content that shares those words (care
tasks, a scan of goods, leave of a colleague, a court as a workplace, first aid after an accident, a
party office's post). The sentences are new, not copied from a corpus."""
from __future__ import annotations

import pytest

from tests.scrub_helpers import assert_gone, public


@pytest.mark.parametrize("sentence", [
    "Zij zegt dat ze in het voorjaar een baby verwacht.",            # pregnancy: the baby before the verb
    "Ze heeft volgende week de twintigwekenecho.",                   # a scan by its name
    "Ze vroeg vrij voor de nekplooimeting en de groeiecho.",
    "Vanaf maart gaat ze met verlof, daarna wil ze 16 uur.",         # leave from a month on
    "Ze gaat met verlof per juli.",
    "32 weken inmiddels, ik kan nog tot de zomer werken.",           # a week count
    "Hij heeft een jeugdstrafblad uit zijn tienertijd.",             # criminal: a record of any kind
    "Haar VOG voor het werk met ouderen in het verpleeghuis is afgewezen.",  # a refusal after a long clause
    "Volgende week moet ik voor de politierechter verschijnen.",     # the court through its officers
    "Hij is gehoord door de rechter-commissaris.",
    "Kreeg een werkstraf van de kantonrechter.",
    "Ze heeft een transactie van het OM betaald.",
    "Mijn advocaat zegt dat het in maart voorkomt.",
    "Hij mag van de rechter niet bij het slachtoffer in de buurt wonen.",  # a ban from the victim
    "Volgens het arbo-advies mag hij niet tillen.",                  # health: an advice that restricts
    "Kan geen nachtdiensten meer doen van de dokter.",
    "Doet sinds 2021 aangepast werk na een bedrijfsongeval.",  # an accident behind the work
    "Na de amputatie loopt ze met een prothese.",                    # a named body condition
    "Hij heeft een stoma en wil een toilet dichtbij.",
    "I have knee problems, so no ladders please.",                   # English
    "Ze zit op het partijkantoor tot zes uur.",                      # political: a party's office
    "Sinds de verkiezingen zit hij in Provinciale Staten.",          # the provincial council
    "Deelt folders uit voor de SP op de markt.",                     # leaflets for a party
    "Ze heeft morgenavond bondsvergadering.",                        # union: the union's meetings
    "Als onderhandelaar deed ze mee aan de cao-onderhandelingen namens de werknemers.",
    "Zijn werkvisum loopt in mei af.",                               # origin: the person's visa
    "Ik heb een afspraak bij IND in Den Bosch.",                     # the IND without "de"
    "Mijn vader werkte in de haven van Jerevan.",                    # Dutch names of foreign cities
    "My girlfriend works in Utrecht, so I moved here.",              # a partner in English
    "Elke week gaat ze naar de cemevi.",                             # religion: an Alevi house of worship
])
def test_more_wordings_of_the_categories_are_found(sentence):
    assert_gone(sentence)


@pytest.mark.parametrize("sentence", [
    "Maakte echo's van pakketten met de scanner in het depot.",       # "echo" as no scan of a pregnancy
    "Regelde het verlof van collega's in het rooster.",              # leave of colleagues, a holiday
    "Is in juli met verlof, daarna weer beschikbaar.",
    "Werkte als bode bij de rechtbank in Arnhem.",                   # the court as a workplace
    "Verleende eerste hulp na een ongeval op de bouwplaats.",        # first aid after an accident
    "Medicatie aftekenen op de toedienlijst",                        # care tasks
    "Kan rolstoelen duwen en helpt bij het uitstappen.",
    "Heeft op het partijkantoor de post en de receptie gedaan.",     # a party office's post as a task
    "Cleaned hotel rooms and made the beds.",                        # "rooms" in English
    "Regelde visa voor expats bij een relocatiebureau.",             # visas as work
    "Was bondscoach van het jeugdteam van de voetbalclub.",          # a coach, not a union
])
def test_near_misses_of_those_wordings_stay(sentence):
    assert sentence in public(sentence)


def test_phone_digits_spaced_out_with_dashes_are_removed():
    text = public("Bel me op 06 – 1 2 – 3 4 – 5 6 – 7 8.")
    assert "1 2 – 3 4" not in text and "5 6 – 7 8" not in text
