"""Combinations of benefit group and instrument that the law rules out, whatever the table says.

Beschut werk (sheltered work) is a Participatiewet provision (art. 10b Participatiewet): the
municipality offers it to people it is responsible for, so never to a client of UWV (WW, WIA/WAO,
Wajong) and not to someone already in a Wsw job. A participatiebaan is work while keeping the
Participatiewet benefit, so it needs that benefit (someone in the banenafspraak register may have it).
"""

from __future__ import annotations

GROUP_LABELS = {"participatiewet": "Participatiewet", "banenafspraak": "doelgroep banenafspraak", "ww": "WW",
                "wia": "WIA/WAO", "wajong": "Wajong", "nug": "niet-uitkeringsgerechtigd (NUG)", "wsw": "Wsw"}
INSTRUMENT_ALLOWS = {
    "sheltered": ("participatiewet", "banenafspraak", "nug"),
    "participatiebaan": ("participatiewet", "banenafspraak"),
}
WHY = {
    "sheltered": "Beschut werk is een voorziening van de Participatiewet voor mensen voor wie de gemeente "
                 "verantwoordelijk is",
    "participatiebaan": "Een participatiebaan is werken met behoud van een Participatiewet-uitkering",
}


def impossible_combination(target_group: str | None, instrument: str) -> str | None:
    """A Dutch message when instrument cannot go with target_group (e.g. beschut werk for a WW client), else None.

    An unknown target group is not refused: the placement is then valued without a block.
    """
    allowed = INSTRUMENT_ALLOWS.get(instrument)
    if allowed is None or not target_group or target_group in allowed:
        return None
    names = ", ".join(GROUP_LABELS[g] for g in allowed)
    return (f"{WHY[instrument]}; dat kan niet bij doelgroep {GROUP_LABELS.get(target_group, target_group)} "
            f"(wel bij: {names}). Kies een ander instrument of een andere doelgroep.")
