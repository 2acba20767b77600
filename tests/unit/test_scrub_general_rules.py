"""General Dutch rules the scrubber learned from the corpus-2 confirmation run (heldout2): identifiers
in more notations, more wordings of the special categories, and job content that names a sensitive
word without saying anything about the person. The sentences are new, not copied from a corpus."""
from __future__ import annotations

import pytest

from models.catalogue.scrubbing.public import check_term, review
from models.catalogue.scrubbing.scrub import detect
from tests.scrub_helpers import assert_gone, assert_kept


@pytest.mark.parametrize("text, kind, value", [
    ("Het BSN is 111-222-333 volgens de intake.", "bsn", "111-222-333"),    # 11-proof, hyphens 3-3-3
    ("BSN-nr.: 123-456-789, nog na te gaan.", "bsn", "123-456-789"),         # labelled: any 9 digits
    # IBAN check digits right, the Belgian bank's own check wrong: still an account number
    ("Rekening BE63 8749 8916 0408 opgegeven.", "iban", "BE63 8749 8916 0408"),
])
def test_identifiers_in_other_notations_are_found(text, kind, value):
    found = [(f.kind, text[f.start:f.end]) for f in detect(text, [])]
    assert (kind, value) in found
    assert value not in review(text).text


def test_hyphenated_digits_that_fail_the_11_proof_and_carry_no_label_stay():
    assert review("Artikelnummer 123-456-780 besteld.").text == "Artikelnummer 123-456-780 besteld."


def test_a_personal_site_on_a_foreign_country_domain_is_left_out():
    assert check_term("anavieira.pt", ["Ana Vieira"])[0] is None
    assert_gone("Portfolio op anavieira.pt bekijken.", ["Ana Vieira"])


@pytest.mark.parametrize("sentence", [
    "Is onlangs lid geworden van de Algemene Onderwijsbond.",         # union by name
    "Hij heeft vorig jaar meegestaakt bij de bezorgdienst.",            # strike as one verb
    "Was in Gdańsk actief in Solidarność.",                             # inflected/accented union name
    "Was kandidaat voor Sluga Narodu in Kyiv.",                         # a party abroad
    "Verwacht in juni haar tweede en wil daarna minder uren.",         # expecting a child
    "Ze hopen volgend jaar op een kindje.",                             # wish for a child
    "De eerste echo was prima 🤰.",                                     # the scan, the emoji
    "Jan heeft een pleegdochter van negen.",                            # foster child
    "Ik ben mãe solteira van twee.",                                    # single mother, Portuguese
    "Is nog herstellende van een heupoperatie.",                        # recovery, named operation
    "Mijn PO'er zegt dat ik dat werk niet mag doen.",                   # own probation officer
    "Danst elk jaar mee met Roze Zaterdag.",                            # LGBT event named "Roze ..."
    "Mieszkałam w Polsce do 2019.",                                     # country in its own language
])
def test_more_wordings_of_a_special_category_take_their_sentence_out(sentence):
    assert_gone(sentence, ["Jan"])


def test_a_chat_line_about_the_parents_is_left_out():
    assert review("kan vandaag niet, mn pa is jarig").text == ""   # "mn pa", "me ma": my father, my mother


@pytest.mark.parametrize("sentence", [
    "Bedrijfsarts: geen beperkingen voor het werk in het magazijn.",
    "Werkte bij de Stichting voor Christelijk Onderwijs als administratief medewerker.",
    "Hing lampen op in de Grote Kerk als monteur van een installatiebedrijf.",
    "Geeft zwangerschapsyoga in een eigen studio.",
    "Werkte drie jaar als groepsleider in een justitiële jeugdinrichting.",
    "Begeleidde deelnemers met een werkstraf in de groenvoorziening.",
    "Reed als taxichauffeur met passagiers in een rolstoel.",
    "Plande de inburgeringslessen voor cursisten van een taalschool.",
    # a parent's business is the family's since corpus 12 (test_scrub_rules_from_corpus12.py)
    "De bouw werd gestaakt door de vorst.",
    "Verwacht de eerste levering in maart.",
    "Werkte bij de Bondgenoten als administratief medewerker.",
])
def test_job_content_with_a_sensitive_word_stays_unchanged(sentence):
    assert_kept(sentence)


def test_expecting_ones_first_working_day_is_no_pregnancy():
    # an ordinal before a noun is no child; only the possessive is made neutral
    assert review("Verwacht haar eerste werkdag op maandag.").text == "Verwacht diens eerste werkdag op maandag."


def test_a_pronoun_right_after_a_referees_colon_is_the_referee_not_the_candidate():
    text = "Referentie van de chef: hij prijst de inzet en de stiptheid."
    assert review(text).text == text


def test_spoken_ie_at_the_start_of_a_sentence_becomes_neutral():
    assert review("werkt hard. ie is altijd op tijd.").text == "werkt hard. de kandidaat is altijd op tijd."
