"""werkbrug-import/1 records -> CandidateDoc/VacancyDoc, linked with the seed taxonomy (for evaluation)."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from matching.documents import OCCUPATION_MIN_CONFIDENCE, CandidateDoc, Taxonomy, VacancyDoc
from matching.geo import locate
from matching.linker import Linker
from matching.mentions import Mention, mentions_many
from seed.taxonomy import TaxonomyConcept, load_all

# Two occupations are related when they share this share of their typical skills (Jaccard).
RELATED_MIN = 0.15


@lru_cache(maxsize=1)
def taxonomy_linker() -> tuple[Linker, tuple[TaxonomyConcept, ...]]:
    """The linker over every seed concept (built once per process; a few seconds)."""
    concepts = tuple(load_all())
    return Linker(concepts), concepts


def related_occupations(concepts: tuple[TaxonomyConcept, ...]) -> dict[str, dict[str, float]]:
    """Occupation -> {occupation: weight}: curated occupations that share typical skills."""
    skills = {c.id: set(c.related) for c in concepts if c.kind == "occupation" and c.related}
    out: dict[str, dict[str, float]] = {}
    for a, sa in skills.items():
        for b, sb in skills.items():
            if a != b and (j := len(sa & sb) / len(sa | sb)) >= RELATED_MIN:
                out.setdefault(a, {})[b] = round(min(1.0, 2 * j), 3)
    return out


class Mapper:
    """Links wordings and hands out integer concept ids (the documents' id space)."""

    def __init__(self) -> None:
        self.linker, concepts = taxonomy_linker()
        self._ids: dict[str, int] = {c.id: i for i, c in enumerate(concepts, start=1)}
        self._labels = {self._ids[c.id]: c.label for c in concepts}
        self._related = {self._ids[a]: {self._ids[b]: w for b, w in rel.items()}
                         for a, rel in related_occupations(concepts).items()}
        # Soft skills (the taxonomy's "algemeen" sector: flexibel, nauwkeurig, ...) only break ties.
        self._traits = frozenset(self._ids[c.id] for c in concepts
                                 if c.kind == "skill" and tuple(c.sectors) == ("algemeen",))
        self.unlinked = 0
        self._cache: dict[tuple[str, str], list] = {}

    def prefetch(self, wordings: list[str], kind: str) -> None:
        """Link every new wording of `kind` in one batched call (each wording is linked once)."""
        new = list(dict.fromkeys(w for w in wordings if (kind, w) not in self._cache))
        for wording, links in zip(new, self.linker.link_many(new, kind=kind) if new else []):
            self._cache[(kind, wording)] = links

    def taxonomy(self) -> Taxonomy:
        """Labels and related occupations in integer ids."""
        return Taxonomy(self._labels, self._related, self._traits)

    def link(self, wordings: list[str], kind: str) -> dict[int, tuple[float, str]]:
        """{concept id: (confidence, wording)} for the wordings that link (best per concept)."""
        out: dict[int, tuple[float, str]] = {}
        self.prefetch(wordings, kind)
        for wording in wordings:
            links = self._cache[(kind, wording)]
            if not links:
                self.unlinked += 1
                continue
            cid = self._ids[links[0].concept_id]
            if cid not in out or out[cid][0] < links[0].confidence:
                out[cid] = (links[0].confidence, wording)
        return out

    def candidate_docs(self, records: list[dict]) -> list[CandidateDoc]:
        """One CandidateDoc per record; ids are positions (1-based). No age or target group is read."""
        self.prefetch([w for r in records for w in (*r.get("skills", []), *r.get("certificates", []))], "skill")
        self.prefetch([w for r in records for w in r.get("desired_occupations", [])], "occupation")
        texts = [r.get("experience", "") for r in records]
        found = zip(mentions_many(texts, self.linker, "skill"), mentions_many(texts, self.linker, "occupation"))
        return [self.candidate_doc(i, r, m) for i, (r, m) in enumerate(zip(records, found), start=1)]

    def candidate_doc(self, doc_id: int, r: dict,
                      in_text: tuple[list[Mention], list[Mention]] = ([], [])) -> CandidateDoc:
        skills = self.link([*r.get("skills", []), *r.get("certificates", [])], "skill")
        licences = r.get("driving_licences")
        for cat in licences or ():
            cid = self._ids.get(f"rijbewijs-{cat.lower()}")
            if cid is not None and cid not in skills:
                skills[cid] = (1.0, f"rijbewijs {cat}")
        occupations = {c: v for c, v in self.link(list(r.get("desired_occupations", [])), "occupation").items()
                       if v[0] >= OCCUPATION_MIN_CONFIDENCE}
        # Skills and jobs named only in the free text ("Ik heb op de heftruk gereden") count, weaker.
        for found, named in ((skills, in_text[0]), (occupations, in_text[1])):
            for m in named:
                found.setdefault(self._ids[m.concept_id], (m.confidence, m.words))
        text = " ".join([*r.get("desired_occupations", []), *r.get("skills", []), *r.get("certificates", []),
                         r.get("experience", "")])
        return CandidateDoc(
            doc_id, {c: w for c, (w, _) in skills.items()}, frozenset(occupations),
            frozenset(licences) if licences is not None else None,
            locate(r.get("postcode"), r.get("city")), r.get("max_travel_km"), r.get("hours_min"),
            r.get("hours_max"), _date(r.get("available_from")), r.get("education"), r.get("dutch_level"),
            text, {c: w for c, (_, w) in skills.items()},
            " ; ".join([*r.get("desired_occupations", []), *(m.words for m in in_text[1])]))

    def vacancy_docs(self, records: list[dict]) -> list[VacancyDoc]:
        """One VacancyDoc per record; ids are positions (1-based)."""
        return [self.vacancy_doc(i, r) for i, r in enumerate(records, start=1)]

    def vacancy_doc(self, doc_id: int, r: dict) -> VacancyDoc:
        required = self.link(list(r.get("required_skills", [])), "skill")
        preferred = self.link(list(r.get("preferred_skills", [])), "skill")
        if r.get("driving_licence"):
            cid = self._ids.get(f"rijbewijs-{r['driving_licence'].lower()}")
            if cid is not None:
                required.setdefault(cid, (1.0, f"rijbewijs {r['driving_licence']}"))
        # The surer of the title's and the occupation's link, when it is sure enough.
        linked = self.link([x for x in (r.get("occupation"), r["title"]) if x], "occupation")
        best = max(linked.items(), key=lambda kv: kv[1][0], default=None)
        occupation = dict([best]) if best and best[1][0] >= OCCUPATION_MIN_CONFIDENCE else {}
        # As the app builds it (models/matches/documents.py): title, occupation, text, skill wordings.
        text = " ".join([r["title"], r.get("occupation", ""), r.get("description", ""),
                         *r.get("required_skills", []), *r.get("preferred_skills", [])])
        return VacancyDoc(
            doc_id, {c: w for c, (w, _) in required.items()},
            {c: w for c, (w, _) in preferred.items() if c not in required}, frozenset(occupation),
            r.get("driving_licence"), locate(r.get("postcode"), r.get("city")), r.get("hours_min"),
            r.get("hours_max"), _date(r.get("start_date")), r.get("education_min"), r.get("dutch_min"),
            text, {c: w for c, (_, w) in {**preferred, **required}.items()},
            " ; ".join(x for x in (r["title"], r.get("occupation", "")) if x))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
