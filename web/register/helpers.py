"""Shared pieces of the register's views: list filters from the URL, history rows."""
from __future__ import annotations

from flask import abort, render_template, request
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import ChangeRecord, User
from models.register.employers import managers
from models.register.queries import SORTS, EmployerFilters
from web.forms import choices
from web.params import whole_number

from .forms import EmployerFilterForm

FIELD_LABELS = {
    "name": "Naam", "kvk": "KvK-nummer", "sector": "Sector", "size": "Grootte", "address": "Adres",
    "postcode": "Postcode", "city": "Plaats", "status": "Status", "social_enterprise": "Sociale onderneming",
    "account_manager": "Accountmanager", "notes": "Notities", "contact_person": "Contactpersoon verwijderd",
    "position": "Functie", "email": "E-mailadres", "phone": "Telefoon", "description": "Afspraak",
    "target_count": "Aantal plaatsingen", "period_start": "Van", "period_end": "Tot en met",
    "target_group": "Doelgroep",
}


def child_or_404(session: Session, model, employer, child_id: int):
    """A record of ``model`` (contact person, agreement) that belongs to ``employer``; 404 otherwise."""
    child = session.get(model, child_id)
    if child is None or child.employer_id != employer.id:
        abort(404)
    return child


def filters_from_args(args=None) -> EmployerFilters:
    """The filters of an export (``args``: the list's own links); unknown values are ignored, never an error."""
    args = request.args if args is None else args
    manager = args.get("accountmanager", "")
    sort = args.get("sortering", "name")
    return EmployerFilters(
        q=args.get("q", "")[:200], status=args.get("status", ""),
        manager=whole_number(manager, None, low=1),
        open_vacancies=args.get("open_vacatures") == "1", sroi=args.get("social_return") == "1",
        sort=sort if sort in SORTS else "name",
    )


def filter_form(session: Session, organisation_id: int, args=None) -> tuple[EmployerFilterForm, EmployerFilters]:
    """The list's filter form read from the query string, and the filters it gives.

    A value outside a select's options puts a message naming the field and its options on the form
    (web.forms.QueryForm), and the list shows every employer: no filter half applied.
    """
    form = EmployerFilterForm(request.args if args is None else args)
    form.accountmanager.choices = choices(
        [("", _("Iedereen"))] + [(str(user.id), user.name) for user in managers(session, organisation_id)])
    if not form.validate():
        return form, EmployerFilters()
    return form, EmployerFilters(
        q=form.q.data or "", status=form.status.data or "",
        manager=whole_number(form.accountmanager.data, None, low=1),
        open_vacancies=form.open_vacatures.data, sroi=form.social_return.data, sort=form.sortering.data or "name",
    )


def filter_args(filters: EmployerFilters) -> dict:
    """The query-string form of ``filters`` (only what is set), for links that keep them."""
    args = {"q": filters.q, "status": filters.status, "accountmanager": filters.manager or "",
            "open_vacatures": "1" if filters.open_vacancies else "",
            "social_return": "1" if filters.sroi else "",
            "sortering": filters.sort if filters.sort != "name" else ""}
    return {key: value for key, value in args.items() if value}


def history(session: Session, object_type: str, object_id: int) -> list[tuple[ChangeRecord, str | None]]:
    """The change records of one object, newest first, with the name of who made them."""
    return list(session.execute(
        select(ChangeRecord, User.name).outerjoin(User, User.id == ChangeRecord.actor_id)
        .where(ChangeRecord.object_type == object_type, ChangeRecord.object_id == object_id)
        .order_by(ChangeRecord.at.desc(), ChangeRecord.id.desc())
    ).all())


def render_history(employer, subject: str, obj) -> str:
    """The history page of ``obj`` (an employer, contact person or agreement)."""
    from web.extensions import db

    return render_template("employers/history.html", employer=employer, subject=subject,
                           changes=history(db.session, type(obj).__name__, obj.id), field_labels=FIELD_LABELS)
