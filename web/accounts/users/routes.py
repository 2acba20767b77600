"""List, create, disable and enable staff accounts."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from models import Organisation, User
from models.accounts import two_factor
from models.accounts import users as accounts
from models.common import audit
from models.common.errors import InvalidInput
from models.enums import Role
from web.access import requires
from web.extensions import db
from web.forms import choices

from .forms import ROLE_CHOICES, UserForm

bp = Blueprint("users", __name__, url_prefix="/beheer/gebruikers", template_folder="templates")


def _is_admin() -> bool:
    return current_user.role == Role.ADMIN


def _visible_organisations() -> list[Organisation]:
    query = select(Organisation).order_by(Organisation.name)
    if not _is_admin():
        query = query.where(Organisation.id == current_user.organisation_id)
    return list(db.session.scalars(query))


@bp.route("/")
@requires("users")
def index():
    """Staff accounts of the own organisation (administrators: of all organisations)."""
    query = select(User).where(User.role != Role.EMPLOYER).order_by(User.name)
    if not _is_admin():
        query = query.where(User.organisation_id == current_user.organisation_id)
    users = db.session.scalars(query.options(joinedload(User.organisation))).all()
    return render_template("users/index.html", users=users, role_labels=dict(ROLE_CHOICES))


@bp.route("/nieuw", methods=["GET", "POST"])
@requires("users")
def create():
    """Create a staff account; coordinators cannot create administrators."""
    form = UserForm()
    form.organisation.choices = choices((o.id, o.name) for o in _visible_organisations())
    if not _is_admin():
        form.role.choices = choices(c for c in ROLE_CHOICES if c[0] != "admin")
    if form.validate_on_submit():
        organisation = db.session.get(Organisation, form.organisation.data)
        try:
            user = accounts.create_user(
                db.session, email=form.email.data, name=form.name.data, role=form.role.data,
                password=form.password.data, organisation=organisation,
            )
        except InvalidInput as exc:
            for field, message in exc.errors.items():
                getattr(form, field, form.name).errors.append(message)
        else:
            audit.record(db.session, "user_created", actor=current_user, obj=user, origin=request.remote_addr)
            flash(_("Account aangemaakt voor %(name)s.", name=user.name), "success")
            return redirect(url_for(".index"))
    return render_template("users/form.html", form=form), 422 if form.errors else 200


def _manageable_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None or user.role == Role.EMPLOYER or (
        not _is_admin() and user.organisation_id != current_user.organisation_id
    ):
        abort(404)
    return user


@bp.route("/<int:user_id>/tweede-factor", methods=["POST"])
@requires("users")
def reset_second_factor(user_id: int):
    """Remove a staff member's authenticator (lost phone); they link a new one at next sign-in."""
    user = _manageable_or_404(user_id)
    two_factor.reset(user)
    audit.record(db.session, "2fa_reset", actor=current_user, obj=user, origin=request.remote_addr)
    flash(_("De tweede factor van %(name)s is gewist; bij de volgende aanmelding koppelt hij of zij opnieuw.",
            name=user.name), "success")
    return redirect(url_for(".index"))


@bp.route("/<int:user_id>/actief", methods=["POST"])
@requires("users")
def toggle_active(user_id: int):
    """Disable or enable an account; disabling ends its sessions at once."""
    user = _manageable_or_404(user_id)
    if user.id == current_user.id:
        flash(_("U kunt uw eigen account niet uitschakelen."), "error")
        return redirect(url_for(".index"))
    user.active = not user.active
    user.session_version += 1
    audit.record(
        db.session, "user_enabled" if user.active else "user_disabled", actor=current_user,
        obj=user, origin=request.remote_addr,
    )
    flash(_("Account van %(name)s is %(state)s.", name=user.name,
            state=_("ingeschakeld") if user.active else _("uitgeschakeld")), "success")
    return redirect(url_for(".index"))
