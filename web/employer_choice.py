"""Employer selects that list every employer only while the register is small.

A select of every employer of the organisation takes seconds to build and megabytes to send once
the register holds tens of thousands (bench.staff_pages: 10.6 s for the placements list at 50,000
employers). Past FULL_LIST the select keeps its name and what it posts (an employer id; the services
check the organisation) but offers only the chosen employer and at most MATCHES found by the text
field ``search`` beside it (name or KvK number, as the register's search). Works without JS.
"""
from __future__ import annotations

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select
from wtforms import StringField
from wtforms.validators import Length

from models.register.employer import Employer
from models.register.queries import EmployerFilters, filtered
from web.access import org_id
from web.extensions import db
from web.forms import choices
from web.params import MAX_ID

FULL_LIST = 300
MATCHES = 20


def search_field() -> StringField:
    """The text field beside a large register's select."""
    return StringField(_l("Werkgever zoeken"), validators=[Length(max=200)],
                       description=_l("Naam of KvK-nummer; kies daarna in de lijst."))


def large_register() -> bool:
    """Whether the own organisation has more employers than a select should list."""
    count = db.session.scalar(select(func.count()).select_from(
        select(Employer.id).where(Employer.organisation_id == org_id()).limit(FULL_LIST + 1).subquery()))
    return count > FULL_LIST


def matching_ids(text: str):
    """A select of the own employers' ids that the search ``text`` finds (name or KvK)."""
    return filtered(org_id(), EmployerFilters(q=text))


def fill(field, placeholder: str, search: str | None = None, also: Iterable[int | None] = ()) -> bool:
    """Set the select's choices: every own employer (small register) or the chosen one, ``also`` and the
    matches of ``search`` (large register). Employers in ``also`` may be another organisation's
    (a shared vacancy's). Returns whether the register is large (the template then shows the search)."""
    extra = [i for i in (*also, field.data) if isinstance(i, int) and 0 < i <= MAX_ID]  # a typed id may be anything
    large = large_register()
    query = select(Employer.id, Employer.name).order_by(Employer.name, Employer.id)
    if not large:
        query = query.where(or_(Employer.organisation_id == org_id(), Employer.id.in_(extra)))
    else:
        found = (Employer.id.in_(matching_ids(search).limit(MATCHES)) if (search or "").strip()
                 else Employer.id.is_(None))
        query = query.where(or_(Employer.id.in_(extra), found))
    field.choices = choices([(0, placeholder)] + [(e.id, e.name) for e in db.session.execute(query)])
    return large
