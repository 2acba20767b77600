"""Feature extraction for the linker: the text variants and word analyzer that the TF-IDF spaces use."""

from __future__ import annotations

from collections.abc import Mapping

from matching.text import expand_ellipsis, split_compound, stem, tokens


class WordAnalyzer:
    """Callable sklearn analyzer: stemmed words, compound parts, the head word and word bigrams.

    A module-level class (not a closure) so that a fitted vectorizer stays picklable.
    """

    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        self.vocabulary = dict(vocabulary)
        self._cache: dict[str, list[str]] = {}

    def parts(self, word: str) -> list[str]:
        """Stemmed compound parts of one word, head last; cached because titles repeat words."""
        cached = self._cache.get(word)
        if cached is None:
            pieces = split_compound(word, self.vocabulary)
            if len(pieces) == 1 and stem(word) != word:
                pieces = split_compound(stem(word), self.vocabulary)
            cached = [stem(p) for p in pieces]
            if len(self._cache) < 200_000:
                self._cache[word] = cached
        return cached

    def __call__(self, text: str) -> list[str]:
        """Features of one prepared text (see :func:`prepare`)."""
        words = tokens(text)
        feats: list[str] = []
        stems = [stem(w) for w in words]
        feats.extend(stems)
        for word in words:
            pieces = self.parts(word)
            if len(pieces) > 1:
                feats.extend(pieces)
        feats.extend(f"{a}_{b}" for a, b in zip(stems, stems[1:]))
        return feats


def prepare(text: str, vocabulary: Mapping[str, int] | None = None) -> str:
    """The text every space sees: suspended compounds completed, folded and tokenised.

    Bracketed qualifiers ("(1e graads)", "(wetenschappelijk)") are kept: on MELO dropping them
    cost 0.005 MRR, as they sometimes name the very distinction between two concepts.
    """
    return " ".join(tokens(expand_ellipsis(text, vocabulary)))


def joined_chars(text: str) -> str:
    """A prepared text with its spaces removed, so compounds written apart and together share n-grams."""
    return text.replace(" ", "")
