"""The shared feature space: text TF-IDF columns first, then skill and occupation concept columns."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer

from matching.documents import CandidateDoc, Taxonomy, VacancyDoc

# Share of the score for each part; parts the vacancy gives no data for are left out and the rest
# scaled up, so every score stays in 0..1.
WEIGHTS = {"skills": 0.55, "occupation": 0.20, "text": 0.15, "soft": 0.10}
REQUIRED, PREFERRED = 2.0, 1.0  # a required skill counts twice a preferred one
TEXT_TERMS = 25  # a long vacancy text queries only its most telling words
STOP_WORDS = sorted(set(
    "de het een en van in op te voor met aan is zijn je jij u wij we ons onze bij als of om tot"
    " door over uit naar dat die dit deze er ook niet wel maar dan nog al wat wie waar hoe heb"
    " hebt heeft hebben ben bent was waren wordt worden word kan kunnen kun zal zullen moet moeten"
    " wil willen graag zo meer veel per jaar week uur uren ervaring werk werken functie".split()))


@dataclass(frozen=True, slots=True)
class Query:
    """A vacancy as a sparse query: columns, values, and the parts that carry weight."""

    cols: np.ndarray
    vals: np.ndarray
    parts: dict[str, float]


class FeatureSpace:
    """Maps documents to sparse rows; concept columns are added as new ids appear (never removed)."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        texts = [t for t in texts if t]
        self.vectorizer: TfidfVectorizer | None = None
        if texts:
            vec = TfidfVectorizer(sublinear_tf=True, max_df=0.5, min_df=2 if len(texts) > 50 else 1,
                                  stop_words=STOP_WORDS, dtype=np.float32, strip_accents="unicode")
            try:
                vec.fit(texts)
                self.vectorizer = vec
            except ValueError:  # only stop words or empty vocabulary
                pass
        self.n_text = len(self.vectorizer.vocabulary_) if self.vectorizer else 0
        self._cols: dict[tuple[str, int], int] = {}
        self._analyze = None
        self._idf = np.empty(0, np.float32)

    @property
    def width(self) -> int:
        """Number of columns so far."""
        return self.n_text + len(self._cols)

    def column(self, kind: str, concept_id: int, add: bool) -> int | None:
        """Column of a skill ("s") or occupation ("o") concept; a new one only when `add`."""
        key = (kind, concept_id)
        col = self._cols.get(key)
        if col is None and add:
            col = self._cols[key] = self.width
        return col

    def text_rows(self, texts: list[str]) -> csr_matrix:
        """TF-IDF rows (CSR, L2-normalised) over the fitted vocabulary; new words are ignored."""
        if not self.vectorizer:
            return csr_matrix((len(texts), 0), dtype=np.float32)
        return self.vectorizer.transform(texts)

    def candidate_rows(self, docs: list[CandidateDoc]) -> csr_matrix:
        """Rows (CSR, float32) of candidates: text TF-IDF, skills (confidence 0..1), occupations (1)."""
        text = self.text_rows([d.text for d in docs])
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for i, doc in enumerate(docs):
            for cid, w in doc.concepts.items():
                rows.append(i)
                cols.append(self.column("s", cid, True))
                vals.append(min(1.0, max(0.0, float(w))))
            for oid in doc.occupation_ids:
                rows.append(i)
                cols.append(self.column("o", oid, True))
                vals.append(1.0)
        concept = csr_matrix((np.asarray(vals, np.float32),
                              (np.asarray(rows, np.int64), np.asarray(cols, np.int64) - self.n_text)),
                             shape=(len(docs), self.width - self.n_text), dtype=np.float32)
        out = hstack([text, concept], format="csr", dtype=np.float32)
        out.sum_duplicates()
        return out

    def query(self, vac: VacancyDoc, taxonomy: Taxonomy | None = None) -> Query:
        """The vacancy as weights over columns; a candidate's score part is its row dotted with it."""
        req = {c: min(1.0, max(0.0, float(w))) for c, w in vac.required.items()}
        pref = {c: min(1.0, max(0.0, float(w))) for c, w in vac.preferred.items() if c not in req}
        occ = occupation_targets(vac, taxonomy)
        text_cols, text_vals = self._query_text(vac.text)
        has = {"skills": bool(req or pref), "occupation": bool(occ), "text": len(text_cols) > 0,
               "soft": bool(vac.education_min or vac.dutch_min)}
        total = sum(WEIGHTS[k] for k, v in has.items() if v) or 1.0
        parts = {k: WEIGHTS[k] / total for k, v in has.items() if v}
        cols: list[int] = []
        vals: list[float] = []
        if has["skills"]:
            denom = REQUIRED * sum(req.values()) + PREFERRED * sum(pref.values()) or 1.0
            for src, mult in ((req, REQUIRED), (pref, PREFERRED)):
                for cid, w in src.items():
                    col = self.column("s", cid, False)
                    if col is not None:
                        cols.append(col)
                        vals.append(parts["skills"] * mult * w / denom)
        for oid, w in occ.items():
            col = self.column("o", oid, False)
            if col is not None:
                cols.append(col)
                vals.append(parts["occupation"] * w)
        cols.extend(text_cols.tolist())
        vals.extend((text_vals * parts.get("text", 0.0)).tolist())
        return Query(np.asarray(cols, dtype=np.int64), np.asarray(vals, dtype=np.float32), parts)

    def _query_text(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The vectorizer's TF-IDF for one text, without its per-call matrix overhead."""
        if not text or not self.vectorizer:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        if self._analyze is None:
            self._analyze = self.vectorizer.build_analyzer()
            self._idf = self.vectorizer.idf_.astype(np.float32)
        vocab = self.vectorizer.vocabulary_
        counts: dict[int, int] = {}
        for token in self._analyze(text):
            col = vocab.get(token)
            if col is not None:
                counts[col] = counts.get(col, 0) + 1
        if not counts:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
        vals = (1 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * self._idf[cols]
        if len(cols) > TEXT_TERMS:
            keep = np.argsort(-vals, kind="stable")[:TEXT_TERMS]
            cols, vals = cols[keep], vals[keep]
        return cols, (vals / np.linalg.norm(vals)).astype(np.float32)


def occupation_targets(vac: VacancyDoc, taxonomy: Taxonomy | None) -> dict[int, float]:
    """Occupation ids a vacancy rewards: its own at 1.0, related ones at their weight (max wins)."""
    out = {oid: 1.0 for oid in vac.occupation_ids}
    if taxonomy:
        for oid in vac.occupation_ids:
            for rel, w in taxonomy.related.get(oid, {}).items():
                if rel not in out or out[rel] < w:
                    out[rel] = min(1.0, max(0.0, float(w)))
    return out
