"""The translation layer: Dutch is the source language, other locales follow via catalogues."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import request, session
from flask_babel import get_locale

SUPPORTED_LOCALES = ("nl", "en")
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


def select_locale() -> str:
    """Dutch unless the visitor asked for another supported language (?lang=en); the choice is remembered."""
    asked = request.args.get("lang")
    if asked in SUPPORTED_LOCALES:
        if session.get("lang", "nl") != asked:
            session["lang"] = asked
        return asked
    remembered = session.get("lang")
    return remembered if remembered in SUPPORTED_LOCALES else "nl"


def other_languages() -> list[tuple[str, str, str]]:
    """(code, name, URL of this page in that language) for the language switch in the footer."""
    current = page_language()
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    return [(code, name, request.path + "?" + urlencode(args + [("lang", code)]))
            for code, name in LANGUAGE_NAMES.items() if code != current]


def page_language() -> str:
    """The language of the page for ``<html lang>`` (WCAG 3.1.1): the selected locale's language code."""
    locale = get_locale()
    return locale.language if locale else "nl"


def compile_catalogues(directory: str) -> list[str]:
    """Compile every ``*/LC_MESSAGES/messages.po`` under ``directory`` whose .mo is missing or older.

    What `make install` does with pybabel, for runs that skip make (the test suite); returns the written paths.
    """
    from pathlib import Path

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(Path(directory).glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as source:
            catalogue = read_po(source, locale=po.parent.parent.name)
        with mo.open("wb") as target:
            write_mo(target, catalogue, use_fuzzy=True)
        written.append(str(mo))
    return written


def translated(message: str) -> str:
    """A domain message (models.common.errors.N_) in the visitor's language, placeholders filled in."""
    from flask_babel import gettext

    from models.common.errors import Listing, Message

    if isinstance(message, Listing):
        return ", ".join(translated(item) for item in message.items)
    if isinstance(message, Message):  # values that are domain texts themselves are translated too
        values = {k: translated(v) if isinstance(v, Message | Listing) else v for k, v in message.values.items()}
        return gettext(message.msgid, **values)
    return gettext(message) if message else message
