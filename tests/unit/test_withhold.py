"""What the bulk publication (nobody reads it) leaves out of a profile: what the learned gate flags."""
from types import SimpleNamespace

from models.catalogue.publishing.hints import withhold


def _profile(description, **lists):
    return SimpleNamespace(description=description, occupations=lists.get("occupations", ["orderpicker"]),
                           skills=lists.get("skills", ["heftruck rijden"]), certificates=lists.get("certificates", []))


def test_a_flagged_sentence_and_wording_are_left_out_and_the_rest_is_kept_as_written():
    kept = withhold(_profile("Werkte drie jaar als orderpicker. Ik ben sinds kort weer nuchter. Heeft een rijbewijs B.",
                             skills=["heftruck rijden", "Ik ben sinds kort weer nuchter"]))
    assert kept.description == "Werkte drie jaar als orderpicker. Heeft een rijbewijs B."
    assert kept.lists == {"occupations": ["orderpicker"], "skills": ["heftruck rijden"], "certificates": []}
    assert kept.count == 2


def test_plain_job_content_is_left_as_it_is():
    text = "Werkte drie jaar als orderpicker in een koelcel. Rijdt heftruck en reachtruck."
    kept = withhold(_profile(text))
    assert (kept.description, kept.count) == (text, 0)
    assert kept.lists["skills"] == ["heftruck rijden"]


def test_a_text_of_flagged_sentences_only_leaves_nothing_to_publish():
    assert withhold(_profile("Ik ben sinds kort weer nuchter.")).description == ""
