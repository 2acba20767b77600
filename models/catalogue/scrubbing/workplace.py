"""Institutions as the person's workplace: "kok in de keuken van GGZ Centraal", "receptionist bij
het partijbureau van het CDA", "Bij de vakbond werkte ik als ICT-beheerder", a CV line
"schoonmaker | FNV, Amsterdam". A category hit that names an institution (``[institution]`` in
data/workplaces.txt) says nothing about the person when the clause shows the person worked there: a
work verb or an occupation (``[work]``) before it, joined by bij/voor/in/op/van or a CV separator,
or "als <occupation>" (a vacancy: "zoekt een <occupation>") after it, or a trade's past participle
(``[trade after]``: "heeft de kerk schoongemaakt") after a building that is no place of detention; never in a clause that makes the person a member,
volunteer, candidate or client (``[not work]``). Pure, no Flask.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from models.catalogue.scrubbing.folding import fold

DATA = Path(__file__).parent / "data" / "workplaces.txt"
_CLAUSE_END = re.compile(r"[.;!?\n]")
# A CV's header says that what follows it is work ("Stages: 2022 Reclassering Nederland (administratie)").
_WORK_HEADER = re.compile(r"^\s*(?:werkervaring|stages?|stageplaatsen|loopbaan|arbeidsverleden|werkgevers?|banen)\s*:",
                          re.IGNORECASE)
_DETENTION = re.compile(r"gevangenis|bajes|\bpi\b|jeugdinrichting|jeugdgevangenis|tbs|forensisch|reclassering|justitie",
                        re.IGNORECASE)


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(institution, work before the hit, work after the hit, a trade after the hit, not work) from the data file."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in DATA.read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(fold(line))

    def alternatives(name: str) -> str:
        return "|".join(f"(?:{a})" for a in sections[name])

    work = rf"(?<![\w\-])(?:{alternatives('work')})(?![\w\-])"
    institution = re.compile(rf"(?:(?:in|bij|op|voor|van) )?(?:de |het |een )?(?:{alternatives('institution')})",
                             re.IGNORECASE)
    before = re.compile(rf"{work}(?:[^.;!?|]{{0,60}}?(?<![\w\-])(?:bij|voor|in|op|van|via|binnen)\s+"
                        rf"(?:de |het |een )?(?:[\w\-]+\s+){{0,3}}|(?:\s+[\w\-]+){{0,2}}\s*[|·•]\s*(?:[\w\-]+\s+){{0,4}}"
                        # a list wording: the occupation right before it ("IT-support partijbureau")
                        rf"|\s+(?:de |het )?)$",
                        re.IGNORECASE)
    # "... als ICT-beheerder", "De moskee in de wijk zoekt een schoonmaker": a work verb alone after the
    # institution is not enough ("In de gevangenis werkte ik in de keuken" may be an inmate's work)
    after = re.compile(rf"^[^.;!?|]{{0,40}}?(?<![\w\-])(?:als|zoekt|zoeken|zocht|vraagt)\s+(?:een\s+|nog\s+)?(?:\w+\s+)?{work}",
                       re.IGNORECASE)
    trade = re.compile(rf"^[^.;!?|]{{0,40}}?(?<![\w\-])(?:{alternatives('trade after')})(?![\w\-])", re.IGNORECASE)
    not_work = re.compile(rf"(?<![\w\-])(?:{alternatives('not work')})(?![\w\-])", re.IGNORECASE)
    return institution, before, after, trade, not_work


def at_work(folded: str, start: int, end: int, context: str = "") -> bool:
    """Whether the hit ``folded[start:end]`` names an institution where the person worked.
    ``context`` is what came before ``folded`` on the same CV line ("2016-2020 | schoonmaker | ")."""
    institution, before, after, trade, not_work = _patterns()
    if not institution.fullmatch(folded[start:end]):
        return False
    # a hit that carries its preposition ("bij de IND"): the preposition belongs to the clause before it
    if lead := re.match(r"(?:in|bij|op|voor|van)\s+", folded[start:end], re.IGNORECASE):
        start += lead.end()
    ends = [m.start() for m in _CLAUSE_END.finditer(folded)]
    clause_start = max((e + 1 for e in ends if e < start), default=0)
    clause_end = min((e for e in ends if e >= end), default=len(folded))
    head = (fold(context) if clause_start == 0 else "") + folded[clause_start:start]
    clause = head + folded[start:clause_end]
    if not_work.search(clause):
        return False
    rest = folded[end:clause_end]
    return bool(before.search(head) or after.search(rest) or _WORK_HEADER.match(head) and not re.search(r"[.!?]\s", head)
                or trade.search(rest) and not _DETENTION.search(folded[start:end]))
