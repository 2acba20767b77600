"""Errors that domain operations raise for bad input; views turn them into form messages.

The messages are Dutch and marked for translation without being translated here: operations run
outside a request too (commands, imports, bench scripts), so web translates them where it shows them
(web.i18n.translated). ``N_`` marks a text so that ``pybabel extract`` (``-k N_``) puts it in the
catalogue; values for its placeholders travel with it, so the catalogue holds one entry per sentence:

    raise InvalidInput({"email": N_("%(email)s heeft al toegang.", email=user.email)})
"""
from __future__ import annotations


class InvalidInput(Exception):
    """Input that breaks a rule; ``errors`` maps a field name (or path) to a readable message."""

    def __init__(self, errors: dict[str, str] | list[str]):
        self.errors = errors
        super().__init__("; ".join(errors.values() if isinstance(errors, dict) else errors))


class Duplicate(InvalidInput):
    """The record exists already (its natural key is taken); ``existing`` is that record, to link to."""

    def __init__(self, errors: dict[str, str] | list[str], existing):
        super().__init__(errors)
        self.existing = existing


class Conflict(Exception):
    """Someone else saved the record since it was loaded (optimistic locking)."""

    def __init__(self, changed_by: str | None, changed_at):
        self.changed_by = changed_by
        self.changed_at = changed_at
        super().__init__(f"changed by {changed_by} at {changed_at}")


class Message(str):
    """A Dutch sentence with its placeholders filled in, which still knows its msgid and values."""

    msgid: str
    values: dict[str, object]

    def __new__(cls, msgid: str, values: dict[str, object]) -> Message:
        text = super().__new__(cls, msgid % values)
        text.msgid, text.values = msgid, values
        return text


class Listing(str):
    """Domain texts joined by ", " ("telefoonnummer, naam (2×)"), each translated where shown."""

    items: tuple[str, ...]

    def __new__(cls, items) -> Listing:
        items = tuple(items)
        text = super().__new__(cls, ", ".join(items))
        text.items = items
        return text


def N_(msgid: str, **values: object) -> str:
    """``msgid`` for the catalogue, filled in with ``values`` (``%(name)s``); translated where shown."""
    return Message(msgid, values) if values else msgid
