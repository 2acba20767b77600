"""A stand-in sentence-embedding model for tests: it knows what a few Dutch words mean."""
from __future__ import annotations

import numpy as np

# texts containing one of these stems share that meaning's direction
MEANING = {"vlieg": 0, "pilo": 0, "kok": 1, "keuken": 1, "schoonma": 2, "poets": 2}


class MeaningEmbedder:
    """Deterministic, instant; records which texts it was asked to embed."""

    name = "test-meaning-v1"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts):
        self.calls.append(list(texts))
        rows = np.full((len(texts), 4), 0.05, dtype=np.float32)
        for row, text in enumerate(texts):
            for stem, axis in MEANING.items():
                if stem in text.casefold():
                    rows[row, axis] += 1.0
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)
