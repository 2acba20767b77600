"""One language at a time: every page each role can open, shown in English, holds no Dutch interface text.

The Dutch texts are what `pybabel extract` finds in the templates and the code (the msgids); a page in
English that still shows one, untranslated, fails. Data (employer names, vacancy texts) is not interface
text; a Dutch source text shown as written is marked lang="nl" and left out. Only fragments long enough to be unambiguous Dutch sentences are looked for.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo

from tests.helpers import visible_text

from .test_route_matrix import POLICY, PUBLIC, ROLES, rules, url_for_rule

ROOT = Path(__file__).resolve().parents[2]
MIN_FRAGMENT = 18
# Source texts shown as written (a bouwblokken table's note from the municipality) are marked lang="nl".
_DUTCH_DATA = re.compile(r'<(\w+)[^>]*\blang="nl"[^>]*>.*?</\1>', re.S)  # shorter texts ("Status", "Open", "Contact") are often the same in both languages
# A developers' document shown as written (docs/indicators.md on the definitions page: English, quoting the
# Dutch names of the figures it defines) is marked data-document and left out; the page around it is checked.
_DOCUMENT = re.compile(r'<div[^>]*\bdata-document="[^"]+"[^>]*>.*?</div>', re.S)
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>")


def _method_map():
    methods, options = [], {}
    section = None
    for line in (ROOT / "babel.cfg").read_text().splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            if ":" in section:
                kind, pattern = section.split(":", 1)
                methods.append((pattern.strip(), kind.strip()))
                options[pattern.strip()] = {}
        elif "=" in line and section and ":" in section:
            key, value = (part.strip() for part in line.split("=", 1))
            options[section.split(":", 1)[1].strip()][key] = value
    return methods, options


@pytest.fixture(scope="module")
def dutch_fragments() -> set[str]:
    """Long literal fragments of every extracted msgid whose English translation differs from it (or is missing)."""
    with open(ROOT / "web/translations/en/LC_MESSAGES/messages.mo", "rb") as handle:
        english = read_mo(handle)
    methods, options = _method_map()
    fragments: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), methods, options, keywords={"_": None, "_l": None, "gettext": None, "lazy_gettext": None,
                                                    "ngettext": (1, 2), "N_": None}):
        for msgid in (message if isinstance(message, tuple) else (message,)):
            if not msgid:
                continue
            entry = english.get(msgid)
            translated = entry.string if entry is not None else None
            if isinstance(translated, tuple):
                translated = translated[0]
            if translated and translated != msgid:
                pass  # translated: the Dutch text must not show on an English page
            elif translated == msgid:
                continue  # the same word in both languages
            for part in _PLACEHOLDER.split(msgid):
                part = " ".join(part.split())
                if len(part) >= MIN_FRAGMENT and " " in part:
                    fragments.add(part)
    return fragments


def test_every_page_in_english_holds_no_dutch_interface_text(world, dutch_fragments):
    assert len(dutch_fragments) > 500  # the extraction really ran
    failures: dict[str, set[str]] = {}
    for role in ("anonymous", *ROLES):
        client = world.client(role)
        for rule in rules(world.app):
            policy = POLICY.get(rule.endpoint)
            allowed = policy == PUBLIC if role == "anonymous" else isinstance(policy, set) and role in policy
            if not allowed or "GET" not in rule.methods or rule.endpoint.startswith(("api.", "calendar.", "health")):
                continue
            response = client.get(url_for_rule(rule, world.ids["own"]), query_string={"lang": "en"})
            if response.status_code != 200 or response.mimetype != "text/html":
                continue
            html = _DOCUMENT.sub(" ", _DUTCH_DATA.sub(" ", response.get_data(as_text=True).split("<body", 1)[-1]))
            text = " ".join(visible_text(html).split())
            found = {fragment for fragment in dutch_fragments if fragment in text}
            if found:
                failures.setdefault(f"{role} {rule.endpoint}", set()).update(found)
    report = "\n".join(f"{page}: {sorted(found)[:5]}" for page, found in sorted(failures.items()))
    assert not failures, f"{len(failures)} pages show Dutch interface text in English:\n{report}"
