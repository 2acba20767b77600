"""Choosing the vacancy's employer by name or KvK number: a server-side lookup instead of a select
of every employer of the organisation (tens of thousands in a large register). Works without JS.

The form has a text field ``employer`` and an ``employer_id`` that is a hidden field once an
employer is known, or a select of at most MAX_CHOICES matches when the text names several.
"""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from models.common import identifiers
from models.register.employer import Employer
from models.register.queries import EmployerFilters, filtered
from web.access import org_id
from web.extensions import db
from web.forms import choices

MAX_CHOICES = 20


def error_fields(form) -> dict[str, str]:
    """Where an operation's ``employer_id`` message goes: the select only while it offers a choice."""
    return {} if form.employer_id.choices else {"employer_id": "employer"}


def show_employer(form, employer: Employer | None) -> None:
    """Put a known employer in the form (editing, ?employer_id=, or after a lookup)."""
    form.employer_id.choices = choices([])
    if employer is not None:
        form.employer.data, form.employer_id.data = employer.name, employer.id


def resolve_employer(form) -> None:
    """Set ``form.employer_id.data`` from what was posted, or offer choices / an error on the form.

    A posted id counts when the text is empty (the service checks the id's organisation) or the
    employer matches the text, as the register's search does; otherwise the text is looked up: an
    exact name or KvK number, else a search, which must find exactly one employer.
    """
    form.employer_id.choices = choices([])
    text = (form.employer.data or "").strip()
    posted = form.employer_id.data
    if posted and (not text or db.session.scalar(
            filtered(org_id(), EmployerFilters(q=text)).where(Employer.id == posted))):
        if text:
            show_employer(form, db.session.get(Employer, posted))
        return
    form.employer_id.data = None
    if not text:
        return  # the service says an employer is required
    own = Employer.organisation_id == org_id()
    same = (func.lower(Employer.name) == text.lower()) | (Employer.kvk == identifiers.compact_kvk(text))
    exact = db.session.scalars(select(Employer).where(own, same).limit(2)).all()
    matches = exact or db.session.scalars(
        select(Employer).where(Employer.id.in_(filtered(org_id(), EmployerFilters(q=text)).limit(MAX_CHOICES + 1)))
        .order_by(func.lower(Employer.name), Employer.id)).all()
    if len(matches) == 1:
        show_employer(form, matches[0])
    elif not matches:
        form.employer.errors = [_("Geen werkgever gevonden met deze naam of dit KvK-nummer.")]
    else:
        form.employer_id.choices = choices(
            [("", _("Kies een werkgever"))]
            + [(e.id, f"{e.name} ({e.city or '-'}, KvK {e.kvk or '-'})") for e in matches[:MAX_CHOICES]])
        form.employer_id.errors = [_("Er zijn meerdere werkgevers gevonden. Kies de juiste.")]
