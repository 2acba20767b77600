"""The learned sentence gate as the matcher's hint (models/catalogue/scrubbing/sentence_gate.py): it flags
sentences that say something sensitive in wordings the rules keep, passes plain job content, reads its
shipped table without scikit-learn, and the table round-trips. The sentences are new, written for this
test, not copied from a corpus."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from models.catalogue.publishing.hints import profile_hints, sentence_hints
from models.catalogue.scrubbing import sentence_gate
from models.catalogue.scrubbing.categories import exempted
from models.catalogue.scrubbing.public import review
from models.catalogue.scrubbing.scrub import Finding

ROOT = Path(__file__).resolve().parents[2]
# Sensitive, but no rule removes them: the hint exists for these.
MISSED = [
    "Binnenkort krijgen we er een gezinslid bij, dus ik zoek iets voor na de zomer.",  # pregnancy
    # health (an addiction); "naar de prikpost" scores 0.85 since the model learned tune9 to tune11
    "Ik ben sinds kort weer nuchter.",
    "Ik moest een paar maanden zitten.",  # criminal
]
JOB_CONTENT = [
    "Heeft drie jaar als heftruckchauffeur gewerkt bij een distributiecentrum.",
    "Ervaring met kassawerk en klantcontact.",
    "Zoekt werk in de schoonmaak, 24 uur per week.",
    "Heeft rijbewijs B en een VCA-certificaat.",
    "Werkte vijf jaar als kok in een restaurant.",
    "Kan goed plannen en werkt nauwkeurig.",
]


@pytest.mark.parametrize("sentence", MISSED)
def test_flags_a_sensitive_sentence_the_rules_keep(sentence):
    assert review(sentence).text == sentence  # the rules keep it ...
    assert sentence_gate.flagged(sentence)  # ... the gate asks the matcher to look


@pytest.mark.parametrize("sentence", JOB_CONTENT)
def test_passes_plain_job_content(sentence):
    assert not sentence_gate.flagged(sentence)


def test_shipped_threshold_is_the_documented_one():
    assert sentence_gate.threshold() == 0.9


def test_hints_are_the_flagged_sentences_of_a_text_with_their_spans():
    text = f"{JOB_CONTENT[0]} {MISSED[1]}\n{JOB_CONTENT[1]}"
    hints = sentence_hints(text)
    assert [h.text for h in hints] == [MISSED[1]]
    assert text[hints[0].start:hints[0].end] == MISSED[1]


def test_a_sentence_the_rules_found_is_no_hint():
    text = f"{JOB_CONTENT[0]} {MISSED[1]}"
    start = text.index(MISSED[1])
    found = Finding("health", start + 23, start + 30, "nuchter")  # as if a rule had found it
    assert sentence_hints(text, [found]) == []


# Job content the rules found a category word in and exempted on purpose (a '!' line of the lexicon), which
# the gate alone would flag: the hint defers to the rules' decision.
EXEMPTED = [
    "Ik geef zwangerschapszwemmen op zaterdag.",  # pregnancy.txt: giving pregnancy classes is work
    "Instrueer de vrouwen van de werkstraf in de kringloop.",  # criminal.txt: supervising community service
]


@pytest.mark.parametrize("sentence", EXEMPTED)
def test_no_hint_where_the_rules_exempted_a_category_word(sentence):
    assert review(sentence).text == sentence and exempted(sentence)  # the rules decided: job content
    assert sentence_gate.flagged(sentence)  # the gate alone would have asked
    assert sentence_hints(f"{JOB_CONTENT[0]} {sentence}") == []


def test_a_sensitive_sentence_beside_exempted_job_content_is_still_a_hint():
    text = f"{EXEMPTED[0]} {MISSED[0]}\n{EXEMPTED[1]}"
    assert [h.text for h in sentence_hints(text)] == [MISSED[0]]


def test_no_hint_on_an_exempted_list_wording():
    term = "Zwangerschapsgym geven"
    assert sentence_gate.flagged(term) and exempted(term)
    profile = SimpleNamespace(description=MISSED[1], occupations=["Zweminstructeur"], skills=[term], certificates=[])
    assert [(h.field, h.text) for h in profile_hints(profile)] == [("description", MISSED[1])]


def test_table_round_trips():
    model = sentence_gate.model()
    again = sentence_gate.loads(sentence_gate.dumps(model, ["comment"]))
    assert again == model
    assert len(model["idf"]) > 10_000 and model["char"] == (3, 5) and model["words"] is True


def test_scoring_needs_no_scikit_learn():
    code = ("import sys; from models.catalogue.scrubbing import sentence_gate as g; "
            f"assert g.flagged({MISSED[1]!r}); print(sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn'))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
