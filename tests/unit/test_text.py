"""Dutch text normalisation: folding, tokens, stemming and compound splitting."""

from hypothesis import given
from hypothesis import strategies as st

from matching.text import expand_ellipsis, fold, joined, normalise, split_compound, stem, strip_brackets, tokens

VOCAB = {"heftruck": 3, "certificaat": 2, "truck": 1, "planten": 1, "kwekerij": 1, "bloemen": 1, "kok": 2, "basis": 1}


def test_fold_removes_accents_and_case() -> None:
    assert fold("SVH Sociale Hygiëne") == "svh sociale hygiene"
    assert fold("Conciërge café") == "concierge cafe"
    assert fold("HEFTRUCK Reach-Truck") == "heftruck reach-truck"  # the ASCII fast path


@given(st.text())
def test_fold_is_the_full_decomposition_for_any_text(text: str) -> None:
    import unicodedata

    full = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))
    assert fold(text) == full


def test_tokens_split_on_punctuation_and_hyphens() -> None:
    assert tokens("VCA-VOL, BHV/EHBO!") == ["vca", "vol", "bhv", "ehbo"]
    assert normalise("  Kok  (Zuid-Europees) ") == "kok zuid europees"


def test_joined_makes_apart_and_together_equal() -> None:
    assert joined("heftruck certificaat") == joined("Heftruckcertificaat") == "heftruckcertificaat"


def test_split_compound_finds_head_last() -> None:
    assert split_compound("heftruckcertificaat", VOCAB) == ["heftruck", "certificaat"]
    assert split_compound("basiskok", VOCAB) == ["basis", "kok"]


def test_split_compound_handles_linking_s_and_leaves_unknown_words() -> None:
    assert split_compound("bloemenskwekerij", VOCAB)[-1] == "kwekerij"
    assert split_compound("fietsenmaker", VOCAB) == ["fietsenmaker"]
    assert split_compound("heftruck", None) == ["heftruck"]


def test_stem_meets_singular_and_plural() -> None:
    assert stem("heftrucks") == stem("heftruck")
    assert stem("monteurs") == "monteur"
    assert stem("kok") == "kok"


def test_brackets_and_suspended_compounds() -> None:
    assert strip_brackets("Docent (1e graads)").strip() == "Docent"
    assert expand_ellipsis("bloemen- of plantenkwekerij", VOCAB) == "bloemenkwekerij of plantenkwekerij"


@given(st.text(max_size=40))
def test_normalise_is_idempotent_and_ascii(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert all(part.isalnum() for part in once.split())
