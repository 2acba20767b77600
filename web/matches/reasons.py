"""Suggestion reasons in the page's language.

A stored reason (models.matches.suggestions.reason_items) carries its kind, its facts and the labels
of its skills and occupations, so a page renders it in the reader's language from the same frames
as the Dutch "text" kept beside it. Reasons stored before the labels were kept show that text.
"""
from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import TYPE_CHECKING

from flask_babel import format_date, gettext

if TYPE_CHECKING:
    from matching.documents import Taxonomy
    from matching.explain import Reason

# matching.explain is imported on first use: scikit-learn is behind it (matching.space), not needed at boot.


def _long_date(day: date) -> str:
    return format_date(day, "d MMMM y")


def live_lines(reasons: list[Reason], labels: Taxonomy | None) -> list[str]:
    """Reasons of a ranking made for this page (not stored), as sentences in the page's language."""
    from matching.explain import render_reasons

    return render_reasons(reasons, labels, translate=gettext, long_date=_long_date)


def stored_lines(stored: list) -> list[str]:
    """The sentences of a suggestion's stored reasons, in the page's language where they allow it."""
    from matching.explain import Reason, render_reasons

    known = frozenset(f.name for f in fields(Reason))
    lines = []
    for item in stored or []:
        if not isinstance(item, dict):
            lines.append(str(item))
        elif "labels" in item and item.get("kind"):
            reason = Reason(**{k: tuple(v) if isinstance(v, list) else v for k, v in item.items() if k in known})
            labels = {int(k): str(v) for k, v in item["labels"].items()}
            lines += render_reasons([reason], labels, translate=gettext, long_date=_long_date)
        else:
            lines.append(item.get("text", ""))
    return lines
