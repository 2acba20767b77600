"""Form helpers shared by every area: select options, and the one way to save a form.

A view validates the form, calls :func:`save` with the operation, and answers with
:func:`form_status`: 200, 422 (a field is wrong: the message is on the field) or 409 (someone else
saved the record first: the message says who, above the form).

    if form.validate_on_submit() and save(form, editing.update_vacancy, db.session, vacancy, data,
                                          locked=vacancy, actor=current_user):
        return redirect(...)
    return render_template(..., form=form), form_status(form)

Create forms mix in :class:`OnceForm` and pass ``once=`` (the URL of the result, or a function of what
the operation returned that gives it): a double click, a retry or a resubmit after Back then stores one
record and shows the first result (:class:`AlreadySubmitted`).
"""
from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from flask import current_app, flash, redirect, session
from flask_babel import gettext
from flask_login import current_user
from flask_wtf import FlaskForm
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from wtforms import DateField, Form, HiddenField, IntegerField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import NumberRange, ValidationError

from models.base import utcnow
from models.common import idempotency, locking
from models.common.errors import N_, Conflict, Duplicate, InvalidInput
from web.extensions import db
from web.i18n import translated


def choices(pairs: Iterable[tuple[object, str]]) -> list[SelectChoice]:
    """Select options from (value, label) pairs, in the form WTForms 3.3+ expects."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]


MAX_LISTED_CHOICES = 12  # a longer list of options is not spelled out in a message


def choice_message(field: SelectField) -> str:
    """"Openbaar profiel: kies een van: Alle, Concept, …": the field's label and what it allows."""
    labels = [str(option.label.text) for option in field]
    if not labels or len(labels) > MAX_LISTED_CHOICES:
        return gettext("%(field)s: kies een waarde uit de lijst.", field=field.label.text)
    return gettext("%(field)s: kies een van: %(allowed)s.", field=field.label.text, allowed=", ".join(labels))


def typed_message(field) -> str:
    """"Object-id: vul een heel getal in van 1 tot en met 2147483647." for a number or date field whose
    value could not be read (``?object_id=abc``, ``?since=gisteren``): the label and what it allows."""
    if isinstance(field, DateField):
        return gettext("%(field)s: vul een datum in als jjjj-mm-dd, bijvoorbeeld 2026-05-01.", field=field.label.text)
    limits = next((v for v in field.validators if isinstance(v, NumberRange)), None)
    if limits is not None and limits.min is not None and limits.max is not None:
        return gettext("%(field)s: vul een heel getal in van %(min)s tot en met %(max)s.", field=field.label.text,
                       min=limits.min, max=limits.max)
    return gettext("%(field)s: vul een heel getal in.", field=field.label.text)


class QueryForm(FlaskForm):
    """A form read from the query string (a list's filters, a report's settings): no CSRF token, so a
    filtered page is a plain link. A select's value outside its options gets :func:`choice_message`
    instead of WTForms' bare "Ongeldige keuze.", and a number or date that cannot be read gets
    :func:`typed_message` instead of "Ongeldig getal.", so every list names the field and what it allows."""

    class Meta:
        csrf = False

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in self:
            if isinstance(field, SelectField) and field.validate_choice and field.choices is not None \
                    and field.errors and _not_a_choice(field, self):
                field.errors = [choice_message(field)]
            elif isinstance(field, (IntegerField, DateField)) and field.process_errors:
                field.errors = [typed_message(field)]
        return valid


def _not_a_choice(field: SelectField, form: Form) -> bool:
    if field.process_errors:  # the value could not be coerced (an id that is no number)
        return True
    try:
        type(field).pre_validate(field, form)
    except ValidationError:
        return True
    return False


class Saved:
    """What :func:`save` gives back: true when the operation ran; ``value`` is what it returned."""

    def __init__(self, ok: bool, value: Any = None):
        self.ok, self.value = ok, value

    def __bool__(self) -> bool:
        return self.ok


def save(form: Form, operation: Callable[..., Any], *args, locked: Any = None,
         fields: Mapping[str, str] | None = None, fallback: str | None = None,
         once: str | Callable[[Any], str] | None = None, **kwargs) -> Saved:
    """Run ``operation(*args, **kwargs)`` and flush; put a refusal on the form instead of raising.

    ``once``: the form is an :class:`OnceForm`; its token is claimed in this transaction and the
    result URL (``once``, or ``once(value)``) kept with it. A token used before raises
    :class:`AlreadySubmitted` (the first result is shown) before the operation runs.

    ``locked``: a versioned object the form edits; the form's hidden ``version`` must still be its
    version (optimistic locking). InvalidInput: each message goes on the field it names (``fields``
    renames an operation's name to the form's; a name the form lacks goes on the ``fallback`` field, or
    above the form).
    Conflict, or a concurrent save that won the race: a sentence saying who changed it goes above
    the form and the session is rolled back. :func:`form_status` then gives 422 or 409.
    """
    claimed = None
    try:
        if locked is not None:
            locking.check_version(db.session, locked, form.version.data)
        claimed = claim_once(form) if once is not None else None
        value = operation(*args, **kwargs)
        locking.flush_or_conflict(db.session)
        if claimed is not None:
            claimed.result_url = once(value) if callable(once) else once
            db.session.flush()
    except InvalidInput as exc:
        _unclaim(claimed)
        show_errors(form, exc, fields, fallback)
        if isinstance(exc, Duplicate) and callable(once):  # the existing record is one click away
            form.form_errors.append(Markup('<a href="{}">{}</a>').format(
                once(exc.existing), gettext("Bekijk wat al is vastgelegd")))
        return Saved(False)
    except Conflict as exc:
        show_conflict(form, exc)
        return Saved(False)
    except StaleDataError:
        show_conflict(form, Conflict(None, None))
        return Saved(False)
    except Exception:
        _unclaim(claimed)  # a view may catch it and answer 200 (e.g. "possible duplicate: confirm")
        raise
    return Saved(True, value)


class OnceField(HiddenField):
    """A create form's one-time token: issued when the form is shown, claimed when it is saved."""

    def __init__(self, **kwargs):
        super().__init__(default=new_form_token, **kwargs)


class OnceForm:
    """Mixin for a create form (``class PlacementForm(OnceForm, FlaskForm)``): with ``save(..., once=url)``
    the form stores at most one record however often it is sent. ``hidden_tag()`` renders the token."""

    once = OnceField()


class AlreadySubmitted(Exception):  # noqa: N818 - an outcome, not a failure: the first result is shown
    """This form was sent before; ``url`` is the page its first submission led to."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


def show_first_result(exc: AlreadySubmitted):
    """The answer to a form sent again: the first result, with a sentence saying why (registered in web.errors)."""
    db.session.rollback()
    flash(gettext("Dit formulier was al verstuurd; u ziet het resultaat van de eerste keer."), "info")
    return redirect(exc.url, 303)


def _identity() -> str:
    """Whom a form token belongs to: the signed-in user, else the visitor's session."""
    if current_user.is_authenticated:
        return f"user:{current_user.get_id()}"
    if "form_owner" not in session:
        session["form_owner"] = secrets.token_urlsafe(12)
    return f"session:{session['form_owner']}"


def new_form_token() -> str:
    return idempotency.form_token(current_app.config["SECRET_KEY"], _identity(), utcnow())


def claim_once(form: Form):
    """Claim the token the form came with, in the current transaction; None when none was sent.

    Raises AlreadySubmitted when it was used before (also when a parallel submission of it just
    committed), InvalidInput when it belongs to another user or session or is older than a day.
    """
    field = form._fields["once"]
    token = (field.raw_data or [""])[0]
    if not token:  # a script that posts without the form: the natural keys of the operations still hold
        return None
    problem = idempotency.token_problem(current_app.config["SECRET_KEY"], _identity(), token, utcnow())
    if problem:
        field.raw_data, field.data = None, new_form_token()  # the form shown again can be sent
        raise InvalidInput([N_("Dit formulier is verlopen of hoort bij een andere sessie. Controleer de "
                               "gegevens en verstuur het opnieuw.")])
    earlier = idempotency.earlier_form(db.session, token)
    if earlier is None:
        try:
            return idempotency.claim_form(db.session, token)
        except IntegrityError:  # a parallel submission of this form committed first
            db.session.rollback()
            earlier = idempotency.earlier_form(db.session, token)
            if earlier is None:
                raise
    raise AlreadySubmitted(earlier.result_url)


def _unclaim(claimed) -> None:
    """Give the token back when nothing was stored, so the corrected form can be sent with it."""
    if claimed is None:
        return
    try:
        db.session.delete(claimed)
        db.session.flush()
    except Exception:  # noqa: BLE001 - a failed flush left the transaction unusable: drop it all
        db.session.rollback()


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
