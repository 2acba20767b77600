"""The employer list with search, filters, paging and exports; other views live beside it."""
from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from models.common import paging
from models.register.queries import PAGE_SIZE, count, rows
from models.taxonomy import sectors
from web.access import org_id, requires
from web.exports.kinds import Made
from web.exports.routes import deliver
from web.extensions import db

from .helpers import filter_args, filter_form, filters_from_args
from .labels import STATUS_LABELS


def sector_label(code: str | None) -> str:
    return _(sectors.label(code)) if code else ""

# Column names and values read as on the list, in the page's language (Dutch unless ?lang=en): the
# export is for people, not for scripts (no contract fixes codes for it; the import has its own format).
EXPORT_HEADERS = [_l("Naam"), _l("KvK-nummer"), _l("Sector"), _l("Grootte"), _l("Adres"), _l("Postcode"),
                  _l("Plaats"), _l("Status"), _l("Sociale onderneming"), _l("Accountmanager"),
                  _l("Laatste contact"), _l("Open vacatures")]


@requires("register")
def index():
    """The organisation's employers, searched, filtered, sorted and paginated by the URL."""
    form, filters = filter_form(db.session, org_id())
    total = count(db.session, org_id(), filters)
    number = paging.clamp(paging.page_number(request.args.get("pagina")), total, PAGE_SIZE)
    page = paging.Page(rows(db.session, org_id(), filters, number), number, PAGE_SIZE, total)
    return render_template(
        "employers/index.html", rows=page.items, paging=page, form=form, filters=filters,
        args=filter_args(filters), status_labels=STATUS_LABELS,
    )


def export_count(session, organisation_id: int, args) -> int:
    return count(session, organisation_id, filters_from_args(args))


def export_made(session, organisation_id: int, args, fmt: str) -> Made:
    """The filtered list (no contact persons) as export rows."""
    filters = filters_from_args(args)
    yes, no = _("ja"), _("nee")
    data = [[r.employer.name, r.employer.kvk, sector_label(r.employer.sector) or r.employer.sector_unmapped,
             r.employer.size, r.employer.address, r.employer.postcode, r.employer.city,
             str(STATUS_LABELS[r.employer.status.value]), yes if r.employer.social_enterprise else no,
             r.manager_name, r.last_contact, r.open_vacancies]
            for r in rows(session, organisation_id, filters, per_page=None)]
    return Made([str(h) for h in EXPORT_HEADERS], data, "Werkgevers", f"werkgevers.{fmt}",
                {"what": "employers", "format": fmt, "rows": len(data), **filter_args(filters)})


@requires("register")
def export(fmt: str):
    """The filtered list as CSV or XLSX (no contact persons); a big one is made by the worker; audit-logged."""
    return deliver("employers", fmt)
