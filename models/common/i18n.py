"""Marking user-facing messages of domain operations for translation, without translating them.

Operations run outside a request too (commands, imports, bench scripts), so they raise Dutch text
and web translates it when it shows it (web.i18n.translated). ``N_`` marks the text so that
``pybabel extract`` (babel.cfg, ``-k N_``) puts it in the catalogue; values for its placeholders
travel with it, so the catalogue holds one entry per sentence, not one per value.

    raise InvalidInput({"email": N_("%(email)s heeft al toegang.", email=user.email)})
"""
from __future__ import annotations


class Message(str):
    """A Dutch sentence with its placeholders filled in, which still knows its msgid and values."""

    msgid: str
    values: dict[str, object]

    def __new__(cls, msgid: str, values: dict[str, object]) -> Message:
        text = super().__new__(cls, msgid % values)
        text.msgid, text.values = msgid, values
        return text


def N_(msgid: str, **values: object) -> str:
    """``msgid`` for the catalogue, filled in with ``values`` (``%(name)s``); translated where shown."""
    return Message(msgid, values) if values else msgid
