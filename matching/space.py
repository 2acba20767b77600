"""The shared feature space: text TF-IDF columns first, then skill and occupation concept columns."""
from __future__ import annotations

import multiprocessing
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix, hstack

from matching.documents import CandidateDoc, Taxonomy, VacancyDoc
from matching.tfidf import FittedTfidf

# Share of the score for each part; parts the vacancy gives no data for are left out and the rest
# scaled up, so every score stays in 0..1. The text part is a character n-gram similarity of
# everything both sides wrote about work (it survives typos, compounds and English); the concept
# parts add what the taxonomy knows. Tuned on the tune half of bench/data/matching_independent.
WEIGHTS = {"occupation": 0.075, "required": 0.15, "preferred": 0.015, "text": 0.745, "soft": 0.015}
# Trait words (soft skills: flexibel, nauwkeurig, communicatief) only break ties: together they carry
# this share of the score, and never count towards required-skill coverage.
TRAITS = 0.01
TEXT_ANALYZER = "char_wb"  # or "word": a word TF-IDF (a long vacancy queries its TEXT_TERMS best words)
TEXT_TERMS, TEXT_GRAMS = 25, 300
# The title's wording against the candidate's occupations as written, as a share of the occupation
# part (which the taxonomy's links carry too).
TITLE_SHARE = 1.0
# A word (or n-gram) in more than this share of the candidates' texts says nothing about fit: it
# does not score (n-grams: 20%; at 10% parts of craft words such as "machine" were lost too).
COMMON_WORDS, COMMON_GRAMS = 0.05, 0.2
STOP_WORDS = sorted(set(
    "de het een en van in op te voor met aan is zijn je jij u wij we ons onze bij als of om tot"
    " door over uit naar dat die dit deze er ook niet wel maar dan nog al wat wie waar hoe heb"
    " hebt heeft hebben ben bent was waren wordt worden word kan kunnen kun zal zullen moet moeten"
    " wil willen graag zo meer veel per jaar week uur uren ervaring werk werken functie".split()))
# Trait words (character, not craft) say nothing about whether someone can do the job: a kitchen
# help and a truck driver are both "communicatief". They are taken out of both sides' text before
# the text part is computed; the taxonomy's trait concepts still break ties (TRAITS above).
TRAIT_WORDS = frozenset(
    "flexibel flexibele flexibiliteit flexible nauwkeurig nauwkeurige accuraat accurate zorgvuldig"
    " zorgvuldige secuur precies precise communicatief communicatieve communicative stressbestendig"
    " stressbestendige punctueel punctuele stipt betrouwbaar betrouwbare reliable zelfstandig zelfstandige"
    " independent leergierig leergierige gemotiveerd gemotiveerde motivated enthousiast enthousiaste"
    " enthusiastic collegiaal collegiale sociaal sociale social representatief representatieve"
    " hardwerkend hardwerkende hardworking proactief proactieve oplossingsgericht oplossingsgerichte"
    " positief positieve positive vriendelijk vriendelijke friendly gastvrij gastvrije behulpzaam"
    " hulpvaardig geduldig geduldige patient vrolijk vrolijke energiek energieke teamspeler teamplayer"
    " klantvriendelijk klantvriendelijke klantgericht klantgerichte servicegericht loyaal loyale"
    " eerlijk eerlijke rustig rustige netjes verzorgd verzorgde".split())
_WORD = re.compile(r"\w+")


def without_traits(text: str) -> str:
    """``text`` without its trait words ("Ik ben flexibel en heb heftruck gereden" keeps the heftruck)."""
    return _WORD.sub(lambda m: "" if m.group().casefold() in TRAIT_WORDS else m.group(), text)


@dataclass(frozen=True, slots=True)
class Query:
    """A vacancy as a sparse query: columns, values, and the parts that carry weight."""

    cols: np.ndarray
    vals: np.ndarray
    parts: dict[str, float]
    # Columns of the required skills that are not traits, and how many such skills the vacancy
    # asks (a skill no candidate has has no column, so nobody can cover it).
    required_cols: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    n_required: int = 0


def _vectorizer(texts: list[str], analyzer: str) -> FittedTfidf | None:
    """A fitted TF-IDF over ``texts``: words ("word") or character 3-5-grams within words ("char_wb").

    scikit-learn fits it (in the worker that builds an index); what is kept is its transform half,
    ``FittedTfidf``, which maps texts the same way without scikit-learn (web workers never import it).
    """
    if not texts:
        return None
    from sklearn.feature_extraction.text import TfidfVectorizer  # here: only a build fits
    large = len(texts) >= 50  # in a handful of texts every word is "common"
    if analyzer == "char_wb":
        options = {"analyzer": "char_wb", "ngram_range": (3, 5), "max_df": COMMON_GRAMS if large else 1.0}
    else:
        options = {"stop_words": STOP_WORDS, "max_df": COMMON_WORDS if large else 0.5}
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2 if len(texts) > 50 else 1, dtype=np.float32,
                          strip_accents="unicode", **options)
    try:
        vec.fit(texts)
    except ValueError:  # only stop words or empty vocabulary
        return None
    return FittedTfidf.of(vec)


class FeatureSpace:
    """Maps documents to sparse rows: text columns, then title columns, then concept columns
    (added as new ids appear, never removed)."""

    def __init__(self, texts: Iterable[str] = (), titles: Iterable[str] = ()) -> None:
        self.vectorizer = _vectorizer([without_traits(t) for t in texts if t], TEXT_ANALYZER)
        self.title_vectorizer = _vectorizer([t for t in titles if t], "char_wb")
        self.n_text = len(self.vectorizer.vocabulary_) if self.vectorizer else 0
        self.n_title = len(self.title_vectorizer.vocabulary_) if self.title_vectorizer else 0
        self._cols: dict[tuple[str, int], int] = {}
        self._analyzers: dict[str, tuple] = {}

    def state(self) -> tuple[dict, list[tuple[str, int, int]]]:
        """What a saved snapshot needs to map documents the same way: the fitted vectorizers
        (vocabulary and idf, for pickling) and the concept columns as (kind, concept id, column)."""
        return ({"text": self.vectorizer, "title": self.title_vectorizer},
                [(kind, cid, col) for (kind, cid), col in self._cols.items()])

    @classmethod
    def restore(cls, vectorizers: dict, columns: list) -> FeatureSpace:
        """A space from ``state()``'s parts (the columns as saved, in any order)."""
        space = cls.__new__(cls)
        # FittedTfidf since the snapshots stopped pickling scikit-learn's vectorizers; older snapshots
        # hold those, and are taken over as they are read.
        space.vectorizer, space.title_vectorizer = (FittedTfidf.of(vectorizers[k]) if vectorizers[k] else None
                                                    for k in ("text", "title"))
        space.n_text = len(space.vectorizer.vocabulary_) if space.vectorizer else 0
        space.n_title = len(space.title_vectorizer.vocabulary_) if space.title_vectorizer else 0
        space._cols = {(str(kind), int(cid)): int(col) for kind, cid, col in sorted(columns, key=lambda c: c[2])}
        space._analyzers = {}
        return space

    @property
    def width(self) -> int:
        """Number of columns so far."""
        return self.n_text + self.n_title + len(self._cols)

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
        return self.vectorizer.transform([without_traits(t) for t in texts])

    def candidate_rows(self, docs: list[CandidateDoc]) -> csr_matrix:
        """Rows (CSR, float32) of candidates: text and title TF-IDF, skills (confidence 0..1), occupations (1)."""
        return self.join_rows(self.wording_rows([d.text for d in docs], [d.titles for d in docs]),
                              self.concept_rows(docs))

    def wording_rows(self, texts: list[str], titles: list[str]) -> tuple[csr_matrix, csr_matrix]:
        """The text and title TF-IDF rows: depends only on the fitted vectorizers (a build's worker
        processes compute these, ``WordingPool``)."""
        text = self.text_rows(texts)
        title = (self.title_vectorizer.transform(titles) if self.title_vectorizer
                 else csr_matrix((len(titles), 0), dtype=np.float32))
        return text, title

    def concept_rows(self, docs: list[CandidateDoc]) -> csr_matrix:
        """The concept part of the candidates' rows; assigns columns to concepts seen for the first time."""
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
        fixed = self.n_text + self.n_title
        return csr_matrix((np.asarray(vals, np.float32),
                           (np.asarray(rows, np.int64), np.asarray(cols, np.int64) - fixed)),
                          shape=(len(docs), self.width - fixed), dtype=np.float32)

    @staticmethod
    def join_rows(wording: tuple[csr_matrix, csr_matrix], concept: csr_matrix) -> csr_matrix:
        """``wording_rows`` and ``concept_rows`` of the same candidates as their full rows."""
        out = hstack([*wording, concept], format="csr", dtype=np.float32)
        out.sum_duplicates()
        return out

    def query(self, vac: VacancyDoc, taxonomy: Taxonomy | None = None) -> Query:
        """The vacancy as weights over columns; a candidate's score part is its row dotted with it."""
        traits = taxonomy.traits if taxonomy else frozenset()
        wanted = {c: min(1.0, max(0.0, float(w))) for c, w in vac.required.items()}
        pref = {c: min(1.0, max(0.0, float(w))) for c, w in vac.preferred.items() if c not in wanted}
        soft_skills = {c: w for c, w in (*wanted.items(), *pref.items()) if c in traits}
        req = {c: w for c, w in wanted.items() if c not in traits}
        pref = {c: w for c, w in pref.items() if c not in traits}
        occ = occupation_targets(vac, taxonomy)
        # The required skills' wording once more: what the job asks weighs more than the company's blurb.
        boosted = " ".join([vac.text, *(w for c, w in vac.wording.items() if c in req)])
        text_cols, text_vals = self._query_text(without_traits(boosted), "text")
        title_cols, title_vals = self._query_text(vac.title, "title")
        has = {"occupation": bool(occ) or len(title_cols) > 0, "required": bool(req), "preferred": bool(pref),
               "text": len(text_cols) > 0, "soft": bool(vac.education_min or vac.dutch_min)}
        total = sum(WEIGHTS[k] for k, v in has.items() if v) or 1.0
        room = 1.0 - TRAITS if soft_skills else 1.0  # the traits' share stays inside 0..1
        parts = {k: room * WEIGHTS[k] / total for k, v in has.items() if v}
        cols: list[int] = []
        vals: list[float] = []
        for part, skills in (("required", req), ("preferred", pref)):
            denom = sum(skills.values()) or 1.0
            for cid, w in skills.items():
                col = self.column("s", cid, False)
                if col is not None:
                    cols.append(col)
                    vals.append(parts[part] * w / denom)
        for cid, w in soft_skills.items():
            col = self.column("s", cid, False)
            if col is not None:
                cols.append(col)
                vals.append(TRAITS * w / len(soft_skills))
        for oid, w in occ.items():
            col = self.column("o", oid, False)
            if col is not None:
                cols.append(col)
                vals.append(parts["occupation"] * w)
        cols.extend(text_cols.tolist())
        vals.extend((text_vals * parts.get("text", 0.0)).tolist())
        # The title's wording against the candidate's desired and past occupations as written:
        # occupation fit that survives a wording the taxonomy does not know.
        cols.extend((title_cols + self.n_text).tolist())
        vals.extend((title_vals * parts.get("occupation", 0.0) * TITLE_SHARE).tolist())
        required_cols = [c for cid in req if (c := self.column("s", cid, False)) is not None]
        return Query(np.asarray(cols, dtype=np.int64), np.asarray(vals, dtype=np.float32), parts,
                     np.asarray(required_cols, dtype=np.int64), len(req))

    def _query_text(self, text: str, which: str) -> tuple[np.ndarray, np.ndarray]:
        """The TF-IDF of one text (vacancy text or title), without the vectorizer's per-call overhead."""
        vectorizer = self.vectorizer if which == "text" else self.title_vectorizer
        if not text or not vectorizer:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        if which not in self._analyzers:
            self._analyzers[which] = (vectorizer.build_analyzer(), vectorizer.idf_.astype(np.float32))
        analyze, idf = self._analyzers[which]
        vocab = vectorizer.vocabulary_
        counts: dict[int, int] = {}
        for token in analyze(text):
            col = vocab.get(token)
            if col is not None:
                counts[col] = counts.get(col, 0) + 1
        if not counts:
            return np.empty(0, np.int64), np.empty(0, np.float32)
        cols = np.fromiter(counts, dtype=np.int64, count=len(counts))
        vals = (1 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))) * idf[cols]
        limit = TEXT_TERMS if which == "text" and TEXT_ANALYZER == "word" else TEXT_GRAMS
        if len(cols) > limit:
            keep = np.argsort(-vals, kind="stable")[:limit]
            cols, vals = cols[keep], vals[keep]
        return cols, (vals / np.linalg.norm(vals)).astype(np.float32)


Wording = tuple[csr_matrix, csr_matrix]
_worker_space: FeatureSpace | None = None


def _start_worker(vectorizers: dict) -> None:
    global _worker_space
    _worker_space = FeatureSpace.restore(vectorizers, [])


def _worker_wording(texts: list[str], titles: list[str]) -> Wording:
    return _worker_space.wording_rows(texts, titles)


@contextmanager
def wording_pool(space: FeatureSpace, workers: int) -> Iterator[Callable[[list[str], list[str]], Callable[[], Wording]]]:
    """``start(texts, titles)``, which begins computing ``space.wording_rows`` and returns a function
    that gives the result: in ``workers`` processes (spawned: the caller may hold threads and database
    connections), or at once in this one when ``workers`` <= 1. The character n-grams of every text
    are most of a build's arithmetic; the results are the same matrices either way."""
    if workers <= 1:
        yield lambda texts, titles: (lambda done=space.wording_rows(texts, titles): done)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker,
                             initargs=(space.state()[0],)) as pool:
        yield lambda texts, titles: pool.submit(_worker_wording, texts, titles).result


def occupation_targets(vac: VacancyDoc, taxonomy: Taxonomy | None) -> dict[int, float]:
    """Occupation ids a vacancy rewards: its own at 1.0, related ones at their weight (max wins)."""
    out = {oid: 1.0 for oid in vac.occupation_ids}
    if taxonomy:
        for oid in vac.occupation_ids:
            for rel, w in taxonomy.related.get(oid, {}).items():
                if rel not in out or out[rel] < w:
                    out[rel] = min(1.0, max(0.0, float(w)))
    return out
