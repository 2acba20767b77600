"""The model of the learned-sentence-gate experiment (bench/quality/scrub_gate.py; not shipped, see
docs/scrubbing.md, "A learned sentence gate"): does a sentence resemble the sentences that carry a
special category or an AWGB ground? Logistic regression over TF-IDF weighted character n-grams, words
and word pairs; training needs scikit-learn, scoring only the standard library (as a publishing path
would score it, from a stored table of idf and weight per feature).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from models.catalogue.scrubbing.folding import fold

KINDS = ("origin", "religion", "health", "orientation", "political", "union", "criminal", "pregnancy", "family")
# The form that would have been shipped: near-miss lines weighted three times, the features of
# |weight| < 0.2 left out (13,825 of 27,265 kept: a 286 kB table instead of about 700 kB).
PRUNED = {"char": (3, 5), "words": True, "C": 4.0, "near_miss_weight": 3.0, "min_weight": 0.2}
_WORD = re.compile(r"\w+")


def features(text: str, char: tuple[int, int] = (3, 5), words: bool = True) -> list[str]:
    """Character n-grams of each folded, lower-cased word (with a space either side), then the words and
    word pairs; digits count alike ("28 weken" = "35 weken")."""
    tokens = _WORD.findall(re.sub(r"\d", "0", fold(text).lower()))
    out = []
    for token in tokens:
        padded = f" {token} "
        for n in range(char[0], char[1] + 1):
            out += [padded[i:i + n] for i in range(max(len(padded) - n + 1, 1))]
    if words:
        out += ["w:" + t for t in tokens]
        out += [f"b:{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    return out


def probability(model: dict, text: str) -> float:
    """P(``text`` carries a category) under ``model`` (idf and weight per feature, bias): TF-IDF with an
    l2 norm over the model's features, then the logistic function."""
    idf, weight = model["idf"], model["weight"]
    counts = Counter(f for f in features(text, model["char"], model["words"]) if f in idf)
    values = {f: c * idf[f] for f, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    z = model["bias"] + sum(weight[f] * v for f, v in values.items()) / norm
    return 1.0 / (1.0 + math.exp(-z))


def train(samples: list[tuple[str, int, bool]], setting: dict) -> dict:
    """Fit on (unit, 1 if it carries a category, whether its line is a near-miss); return the model the
    scorer reads, features with |weight| below ``setting["min_weight"]`` left out. Needs scikit-learn."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    def analyzer(text):
        return features(text, setting["char"], setting["words"])

    vectorizer = TfidfVectorizer(analyzer=analyzer, min_df=2)
    x = vectorizer.fit_transform([t for t, _y, _near in samples])
    y = [label for _t, label, _near in samples]
    weights = [setting.get("near_miss_weight", 1.0) if near else 1.0 for _t, _y, near in samples]
    fitted = LogisticRegression(C=setting["C"], class_weight="balanced", max_iter=2000, solver="liblinear",
                                random_state=0)
    fitted.fit(x, y, sample_weight=weights)
    keep = setting.get("min_weight", 0.0)
    idf, weight = {}, {}
    for feature, f_idf, f_weight in zip(vectorizer.get_feature_names_out(), vectorizer.idf_.tolist(),
                                        fitted.coef_[0].tolist(), strict=True):
        if abs(f_weight) >= keep:
            idf[str(feature)], weight[str(feature)] = round(f_idf, 4), round(f_weight, 4)
    return {"idf": idf, "weight": weight, "bias": round(float(fitted.intercept_[0]), 4),
            "threshold": setting.get("threshold", 0.5), "char": setting["char"], "words": setting["words"]}
