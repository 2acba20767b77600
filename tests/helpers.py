"""Small helpers for reading responses the way a person reads a page."""
from __future__ import annotations

import re


def visible_text(html: str) -> str:
    """The text a person would read on the page: tags and scripts removed, spaces collapsed."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
