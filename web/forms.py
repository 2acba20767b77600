"""Form helpers shared by every area: select options, and the one way to save a form.

A view validates the form, calls :func:`save` with the operation, and answers with
:func:`form_status`: 200, 422 (a field is wrong: the message is on the field) or 409 (someone else
saved the record first: the message says who, above the form).

    if form.validate_on_submit() and save(form, editing.update_vacancy, db.session, vacancy, data,
                                          locked=vacancy, actor=current_user):
        return redirect(...)
    return render_template(..., form=form), form_status(form)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from flask_babel import gettext
from sqlalchemy.orm.exc import StaleDataError
from wtforms import Form
from wtforms.fields.choices import SelectChoice

from models.common import locking
from models.common.errors import Conflict, InvalidInput
from web.extensions import db
from web.i18n import translated


def choices(pairs: Iterable[tuple[object, str]]) -> list[SelectChoice]:
    """Select options from (value, label) pairs, in the form WTForms 3.3+ expects."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]


class Saved:
    """What :func:`save` gives back: true when the operation ran; ``value`` is what it returned."""

    def __init__(self, ok: bool, value: Any = None):
        self.ok, self.value = ok, value

    def __bool__(self) -> bool:
        return self.ok


def save(form: Form, operation: Callable[..., Any], *args, locked: Any = None,
         fields: Mapping[str, str] | None = None, fallback: str | None = None, **kwargs) -> Saved:
    """Run ``operation(*args, **kwargs)`` and flush; put a refusal on the form instead of raising.

    ``locked``: a versioned object the form edits; the form's hidden ``version`` must still be its
    version (optimistic locking). InvalidInput: each message goes on the field it names (``fields``
    renames an operation's name to the form's; a name the form lacks goes on the ``fallback`` field, or
    above the form).
    Conflict, or a concurrent save that won the race: a sentence saying who changed it goes above
    the form and the session is rolled back. :func:`form_status` then gives 422 or 409.
    """
    try:
        if locked is not None:
            locking.check_version(db.session, locked, form.version.data)
        value = operation(*args, **kwargs)
        locking.flush_or_conflict(db.session)
    except InvalidInput as exc:
        show_errors(form, exc, fields, fallback)
        return Saved(False)
    except Conflict as exc:
        show_conflict(form, exc)
        return Saved(False)
    except StaleDataError:
        show_conflict(form, Conflict(None, None))
        return Saved(False)
    return Saved(True, value)


def show_errors(form: Form, exc: InvalidInput, fields: Mapping[str, str] | None = None,
                fallback: str | None = None) -> None:
    """Put the messages of ``exc`` on the fields they name, translated; the rest on ``fallback`` or above."""
    named = exc.errors.items() if isinstance(exc.errors, dict) else ((None, m) for m in exc.errors)
    for name, message in named:
        name = (fields or {}).get(name, name)
        field = form._fields.get(name) if name else None
        if field is None and fallback:
            field = form._fields[fallback]
        if field is not None:
            field.errors = [*field.errors, translated(message)] if isinstance(field.errors, list) \
                else [translated(message)]
        else:
            form.form_errors.append(translated(message))


def messages(exc: InvalidInput) -> list[str]:
    """The messages of ``exc`` in the visitor's language, for a flash or an error page."""
    return [translated(m) for m in (exc.errors.values() if isinstance(exc.errors, dict) else exc.errors)]


def show_conflict(form: Form, exc: Conflict) -> None:
    """Refuse a save made on a stale copy: say who changed it, above the form; nothing is kept."""
    db.session.rollback()
    form.conflict = conflict_message(exc)
    form.form_errors.append(form.conflict)


def conflict_message(conflict: Conflict) -> str:
    """The sentence shown above the form: who changed it, when, and what to do."""
    who = conflict.changed_by or gettext("iemand anders")
    when = conflict.changed_at.strftime("%d-%m-%Y %H:%M") if conflict.changed_at else gettext("zojuist")
    return gettext("Dit is intussen gewijzigd door %(who)s (%(when)s). Laad de pagina opnieuw en voer uw "
                   "wijziging opnieuw in.", who=who, when=when)


def form_status(form: Form) -> int:
    """The status to answer a form with: 409 after a conflict, 422 with errors, else 200."""
    if getattr(form, "conflict", None):
        return 409
    return 422 if form.errors or form.form_errors else 200
