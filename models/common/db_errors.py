"""Database errors that say what failed without the values it failed on.

``hide_parameters`` keeps a statement's parameters out of SQLAlchemy's message, but PostgreSQL writes
values into the error itself: a unique violation's DETAIL holds the key (``Key (bsn)=(123456782)``),
a not-null violation's the whole row (``Failing row contains (…, Ayşe Yılmaz, …)``), a bad cast the
text that did not parse (``invalid input syntax for type date: "…"``). The queue logs a failed
job's traceback and the error log its message, so an import's failure would put a person there.

``without_values`` is an engine ``handle_error`` listener: it rewrites the driver's exception and
SQLAlchemy's wrapper in place to the primary message with its quoted values replaced by ``…``,
keeping the exception classes and ``diag`` (constraint, table and column names) for code that
inspects them. SQLite's messages name constraints and columns only and are left as they are.
"""
from __future__ import annotations

import re

# A quoted value in a primary message: after ": " (invalid input syntax, enum, malformed literal,
# out of range) or after "value " / "invalid value " (numeric range, to_date). Identifiers in
# messages ("constraint \"x\"", "relation \"x\"") are quoted after a noun and are kept.
_QUOTED_VALUE = re.compile(r'(: |\bvalue )"(?:[^"]|"")*"')
REDACTED = '"…"'


def redact(primary: str) -> str:
    """A primary message with the values it quotes replaced: the constraint and table names stay."""
    return _QUOTED_VALUE.sub(lambda found: found.group(1) + REDACTED, primary)


def without_values(context) -> None:
    """Engine ``handle_error``: drop DETAIL, HINT and quoted values from a PostgreSQL error."""
    original = context.original_exception
    diag = getattr(original, "diag", None)
    primary = getattr(diag, "message_primary", None)
    if not primary:
        return
    message = redact(primary)
    original.args = (message,)
    wrapped = context.sqlalchemy_exception
    if wrapped is not None:
        kind = type(original)
        wrapped.args = (f"({kind.__module__}.{kind.__name__}) {message}",)
