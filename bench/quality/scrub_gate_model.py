"""The model of the learned-sentence-gate experiment (bench/quality/scrub_gate.py; shipped as the preview's hint, not as a remover, see
docs/scrubbing-corpora.md, "A learned sentence gate"): does a sentence resemble the sentences that carry a
special category or an AWGB ground? Logistic regression over TF-IDF weighted character n-grams, words
and word pairs; training needs scikit-learn, scoring only the standard library (the shipped scorer,
models/catalogue/scrubbing/sentence_gate.py, from a stored table of idf and weight per feature).
"""

from __future__ import annotations

from models.catalogue.scrubbing.sentence_gate import features

KINDS = ("origin", "religion", "health", "orientation", "political", "union", "criminal", "pregnancy", "family")
# The form shipped as the preview's hint (models/catalogue/scrubbing/data/sentence_gate.tsv): near-miss
# lines weighted three times, the features of |weight| < 0.2 left out (about half of them).
PRUNED = {"char": (3, 5), "words": True, "C": 4.0, "near_miss_weight": 3.0, "min_weight": 0.2, "threshold": 0.9}


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
