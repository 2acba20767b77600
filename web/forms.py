"""Form helpers shared by every area."""
from __future__ import annotations

from collections.abc import Iterable

from wtforms import Form
from wtforms.fields.choices import SelectChoice


def choices(pairs: Iterable[tuple[object, str]]) -> list[SelectChoice]:
    """Select options from (value, label) pairs, in the form WTForms 3.3+ expects."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]


def show_errors(form: Form, errors: dict[str, str]) -> None:
    """Attach a service's InvalidInput messages to the form's fields (or the form itself)."""
    for name, message in errors.items():
        field = form._fields.get(name)
        if field is not None:
            field.errors = [*field.errors, message] if isinstance(field.errors, list) else [message]
        else:
            form.form_errors.append(message)
