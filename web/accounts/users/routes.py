"""List, create, disable and enable staff accounts of the own organisation."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from models import Organisation, User
from models.accounts import administration, two_factor
from models.accounts import users as accounts
from models.common import audit
from models.enums import Role
from web.access import requires
from web.extensions import db
from web.forms import choices, form_status, save

from .forms import ROLE_CHOICES, UserForm


@requires("users")
def index():
    """Staff accounts of the own organisation; administrators too see only their own organisation's."""
    users = db.session.scalars(
        select(User).where(User.role != Role.EMPLOYER, User.organisation_id == current_user.organisation_id)
        .order_by(User.name)
    ).all()
    manageable = {u.id for u in users if administration.may_manage(current_user, u)}
    return render_template("users/index.html", users=users, role_labels=dict(ROLE_CHOICES),
                           manageable=manageable, organisation=current_user.organisation)


def _code_page(user: User, code: str, reason: str):
    """The one response that shows an enrolment code; never cached."""
    response = render_template("users/enrolment_code.html", user=user, code=code, reason=reason,
                               expires=format_datetime(user.enrolment_code_expires_at, "d MMMM y HH:mm"))
    return response, 200, {"Cache-Control": "no-store"}


@requires("users")
def create():
    """Create a staff account in the own organisation, with a role no higher than one's own."""
    form = UserForm()
    own = db.session.get(Organisation, current_user.organisation_id)
    form.organisation.choices = choices([(own.id, own.name)])
    form.role.choices = choices(c for c in ROLE_CHOICES if administration.may_grant(current_user, Role(c[0])))
    if form.validate_on_submit() and (saved := save(
            form, accounts.create_user, db.session, email=form.email.data, name=form.name.data, role=form.role.data,
            password=form.password.data, organisation=own, fallback="name")):
        user = saved.value
        code = two_factor.issue_enrolment_code(user)
        audit.record(db.session, "user_created", actor=current_user, obj=user, origin=request.remote_addr)
        audit.record(db.session, "enrolment_code_issued", actor=current_user, obj=user, origin=request.remote_addr)
        flash(_("Account aangemaakt voor %(name)s.", name=user.name), "success")
        return _code_page(user, code, "created")
    return render_template("users/form.html", form=form), form_status(form)


def _manageable_or_404(user_id: int) -> User:
    """A staff account of the own organisation (404 otherwise) that the user may manage (403 if higher)."""
    user = db.session.get(User, user_id)
    if not administration.same_organisation(current_user, user):
        abort(404)
    if not administration.may_manage(current_user, user):
        audit.record(db.session, "user_manage_denied", actor=current_user, obj=user, result="denied",
                     origin=request.remote_addr, details={"endpoint": request.endpoint})
        db.session.commit()  # the 403 response rolls back; the audit event must stay
        abort(403)
    return user


@requires("users")
def reset_second_factor(user_id: int):
    """Remove a staff member's authenticator (lost phone); shows the enrolment code they need once."""
    user = _manageable_or_404(user_id)
    code = two_factor.reset(user)
    audit.record(db.session, "2fa_reset", actor=current_user, obj=user, origin=request.remote_addr)
    flash(_("De tweede factor van %(name)s is gewist.", name=user.name), "success")
    return _code_page(user, code, "reset")


@requires("users")
def new_enrolment_code(user_id: int):
    """A fresh enrolment code for an account that has not linked an authenticator yet."""
    user = _manageable_or_404(user_id)
    if user.totp_secret is not None:
        flash(_("%(name)s heeft al een gekoppelde app; stel de tweede factor eerst opnieuw in.", name=user.name),
              "error")
        return redirect(url_for(".index"))
    code = two_factor.issue_enrolment_code(user)
    audit.record(db.session, "enrolment_code_issued", actor=current_user, obj=user, origin=request.remote_addr)
    return _code_page(user, code, "new")


@requires("users")
def toggle_active(user_id: int):
    """Disable or enable an account; disabling ends its sessions at once."""
    user = _manageable_or_404(user_id)
    try:
        administration.set_active(db.session, current_user, user, not user.active)
    except administration.NotAllowed as exc:
        flash(exc.message, "error")
        return redirect(url_for(".index"))
    audit.record(
        db.session, "user_enabled" if user.active else "user_disabled", actor=current_user,
        obj=user, origin=request.remote_addr,
    )
    flash(_("Account van %(name)s is %(state)s.", name=user.name,
            state=_("ingeschakeld") if user.active else _("uitgeschakeld")), "success")
    return redirect(url_for(".index"))
