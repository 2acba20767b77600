"""The translation layer: Dutch is the source language, other locales follow via catalogues."""
from __future__ import annotations

from flask import request

SUPPORTED_LOCALES = ("nl", "en")


def select_locale() -> str:
    """Dutch unless the visitor explicitly asked for another supported language (?lang=en)."""
    asked = request.args.get("lang")
    return asked if asked in SUPPORTED_LOCALES else "nl"
