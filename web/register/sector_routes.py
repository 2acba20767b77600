"""Sectoren toewijzen: employers whose sector text fits no sector of the fixed list, for a coordinator."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models.common.errors import InvalidInput
from models.register import employers
from models.taxonomy import sectors
from web.access import org_id, requires
from web.extensions import db
from web.i18n import translated
from web.params import whole_number


@requires("register_admin")
def sectors_to_assign():
    """Each unmapped sector text with its employers; choosing a sector per employer saves them in one go."""
    errors: dict[str, str] = {}
    chosen: dict[int, str] = {}
    if request.method == "POST":
        for key, value in request.form.items():
            if key.startswith("sector-") and (employer_id := whole_number(key[7:], None, low=1)) is not None:
                chosen[employer_id] = value.strip()
        try:
            done = employers.assign_sectors(db.session, org_id(), chosen, current_user)
        except InvalidInput as exc:
            db.session.rollback()
            errors = {name: translated(message) for name, message in exc.errors.items()}
        else:
            db.session.commit()
            flash(_("%(num)d werkgever(s) hebben nu een sector uit de lijst.", num=done), "success")
            return redirect(url_for(".sectors_to_assign"))
    waiting = employers.unmapped_sectors(db.session, org_id())
    return render_template("employers/sectors.html", waiting=waiting, choices=sectors.choices(), chosen=chosen,
                           errors=errors), 422 if errors else 200
