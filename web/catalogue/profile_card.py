"""Template helpers of the shared profile card (`_profile_card.html`), used by staff and catalogue."""
from __future__ import annotations

import re

from flask import Flask
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from models.catalogue.publishing.hours import hours_text

EDUCATION_LABELS = {
    "none": _l("Geen diploma"), "primary": _l("Basisonderwijs"), "vmbo": _l("Vmbo"),
    "mbo1": _l("Mbo 1 (entree)"), "mbo2": _l("Mbo 2"), "mbo3": _l("Mbo 3"), "mbo4": _l("Mbo 4"),
    "havo_vwo": _l("Havo/vwo"), "hbo": _l("Hbo"), "wo": _l("Wo"),
    "foreign_unrecognised": _l("Buitenlands diploma (niet gewaardeerd)"),
}
PLACEHOLDER = re.compile(r"\[(naam|e-mail|telefoon|BSN|IBAN|adres|postcode|datum|link|klantnummer)\]")


def education_label(value: str | None) -> str:
    """Dutch label of an education value; empty for None."""
    return str(EDUCATION_LABELS.get(value, value or ""))


def local_hours(hours_min: int | None, hours_max: int | None) -> str | None:
    """Hours per week (a profile's or a vacancy's) in the page's language: "24–32 uur" ("24–32 hours"),
    "32 uur", an open range "vanaf 24 uur" / "tot 32 uur" when only one end is known, or None."""
    if hours_min and hours_max:
        if hours_min == hours_max:
            return _("%(hours)s uur", hours=hours_min)
        return _("%(low)s–%(high)s uur", low=hours_min, high=hours_max)
    if hours_min:
        return _("vanaf %(hours)s uur", hours=hours_min)
    if hours_max:
        return _("tot %(hours)s uur", hours=hours_max)
    return None


def local_headline(profile) -> str:
    """The stored headline ("Productiemedewerker · 24–32 uur · Dronten", Dutch: it is searched and kept
    with the profile) with its hours and the fallback word in the page's language."""
    text = getattr(profile, "headline", None) or ""
    low, high = getattr(profile, "hours_min", None), getattr(profile, "hours_max", None)
    dutch = hours_text(low, high)
    if dutch and f" · {dutch}" in text:
        text = text.replace(f" · {dutch}", f" · {local_hours(low, high)}", 1)
    if text.startswith("Werkzoekende"):
        text = _("Werkzoekende") + text.removeprefix("Werkzoekende")
    return text


def mark_placeholders(text: str | None, hints=()) -> Markup:
    """Escape ``text`` and wrap every scrubber placeholder ("[naam]") in <mark>; each sentence of ``hints``
    (the sentence gate's, for the matcher to check) in <mark class="gate-hint"> with a visible label."""
    # Safe (bandit B704): the text is escaped first; only fixed tags go around known placeholders and
    # around the escaped hint sentences, whose label is escaped too.
    marked = str(escape(text or ""))
    label = str(escape(_("controleren")))
    for sentence in {str(escape(h)) for h in hints}:
        marked = marked.replace(sentence, f'<mark class="gate-hint">{sentence}<span class="hint-label"> ({label})</span></mark>')
    marked = PLACEHOLDER.sub(lambda m: f"<mark>{m.group()}</mark>", marked)
    return Markup(marked)  # nosec B704


def mark_findings(text: str, findings, labels: dict[str, str]) -> Markup:
    """Escape ``text`` and wrap each finding in <mark> with its kind spelled out for every reader."""
    parts, pos = [], 0
    for f in findings:
        parts.append(escape(text[pos:f.start]))
        kind = labels.get(f.kind, f.kind)
        parts.append(Markup('<mark class="finding">{}<span class="finding-kind"> ({})</span></mark>')
                     .format(text[f.start:f.end], kind))
        pos = f.end
    parts.append(escape(text[pos:]))
    return Markup("").join(parts)


def init_app(app: Flask) -> None:
    """Register the card's filters on ``app``."""
    app.add_template_filter(education_label)
    app.add_template_filter(mark_placeholders)
    app.add_template_filter(local_hours, "hours_text")
    app.add_template_filter(local_headline)
