"""The reports' definitions page: docs/indicators.md, rendered for the staff who read the figures.

Every figure on the report pages and the council report follows a definition in that document
(source, formula, period rule, how breakdowns reconcile). Rendering it here lets a coordinator, or
a council member handed the printed report, trace a figure without access to the repository. The
Markdown is rendered with markdown-it-py in CommonMark mode with raw HTML off (the document's text
is escaped), tables on, and an id on every heading so that a page can link to one definition.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from flask import abort, render_template
from markupsafe import Markup

from web.access import requires

DOC = Path(__file__).resolve().parents[2] / "docs" / "indicators.md"


def slug(text: str) -> str:
    """A heading's anchor: lower case ASCII words joined by hyphens ("Started placements" -> "started-placements")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


@cache
def _rendered(source: str) -> tuple[str, tuple[tuple[int, str, str], ...]]:
    """The document as HTML, and its headings of level 2 and 3 as (level, anchor, text)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(source)
    headings, seen = [], set()
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        text = tokens[i + 1].content
        anchor = base = slug(re.sub(r"[*_`]", "", text))
        n = 2
        while anchor in seen:
            anchor, n = f"{base}-{n}", n + 1
        seen.add(anchor)
        token.attrSet("id", anchor)
        if token.tag in ("h2", "h3"):
            headings.append((int(token.tag[1]), anchor, re.sub(r"[*_`]", "", text)))
    return md.renderer.render(tokens, md.options, {}), tuple(headings)


@requires("reports")
def definitions():
    """docs/indicators.md as a page, with a table of contents."""
    try:
        source = DOC.read_text(encoding="utf-8")
    except OSError:
        abort(404)
    body, headings = _rendered(source)
    # Markup: markdown-it escaped the document's text itself (raw HTML off), see _rendered
    return render_template("reports/definitions.html", body=Markup(body), headings=headings)  # nosec B704
