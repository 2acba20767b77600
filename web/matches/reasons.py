"""Suggestion reasons in the page's language.

A stored reason (models.matches.suggestions.reason_items) carries its kind, its facts and the labels
of its skills and occupations, so a page renders it in the reader's language from the same frames
as the Dutch "text" kept beside it. Reasons stored before the labels were kept (reviewed
suggestions are never ranked again) get their labels from the taxonomy, in one query per page.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from flask_babel import format_date, gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.taxonomy.concept import Concept

if TYPE_CHECKING:
    from matching.documents import Taxonomy
    from matching.explain import Reason

# matching.explain is imported on first use: scikit-learn is behind it (matching.space), not needed at boot.


@cache
def _reason_fields() -> frozenset[str]:
    from matching.explain import Reason

    return frozenset(f.name for f in fields(Reason))


def _long_date(day: date) -> str:
    return format_date(day, "d MMMM y")


def live_lines(reasons: list[Reason], labels: Taxonomy | None) -> list[str]:
    """Reasons of a ranking made for this page (not stored), as sentences in the page's language."""
    from matching.explain import render_reasons

    return render_reasons(reasons, labels, translate=gettext, long_date=_long_date)


def page_lines(session: Session, suggestions: list) -> Callable[[list], list[str]]:
    """``stored_lines`` for the suggestions of one page: the labels that older stored reasons lack
    are read once for the whole page."""
    wanted = {int(c) for s in suggestions for item in (s.reasons or [])
              if isinstance(item, dict) and "labels" not in item for c in item.get("concepts") or ()}
    found = ({cid: label for cid, label in session.execute(select(Concept.id, Concept.label)
                                                           .where(Concept.id.in_(sorted(wanted))))}
             if wanted else {})
    return lambda stored: stored_lines(stored, found)


def stored_lines(stored: list, fallback: dict[int, str] | None = None) -> list[str]:
    """The sentences of a suggestion's stored reasons in the page's language; ``fallback`` labels
    for reasons stored without theirs."""
    from matching.explain import Reason, render_reasons

    known = _reason_fields()
    lines = []
    for item in stored or []:
        if not isinstance(item, dict) or not item.get("kind"):
            lines.append(item.get("text", "") if isinstance(item, dict) else str(item))
            continue
        reason = Reason(**{k: tuple(v) if isinstance(v, list) else v for k, v in item.items() if k in known})
        labels = ({int(k): str(v) for k, v in item["labels"].items()} if "labels" in item
                  else {c: fallback[c] for c in reason.concepts if c in (fallback or {})})
        if len(labels) < len(set(reason.concepts)):  # a concept since removed: the sentence as stored
            lines.append(item.get("text", ""))
            continue
        lines += render_reasons([reason], labels, translate=gettext, long_date=_long_date)
    return lines
