"""List, create (shown once) and revoke the organisation's API tokens."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from models import ApiToken
from models.accounts import api_tokens
from web.access import get_own_or_404, org_id, requires
from web.extensions import db
from web.forms import form_status, save
from web.links import site_base

from .forms import TokenForm


@requires("users")
def index():
    """The organisation's tokens; POST creates one and shows its secret on this response only."""
    form = TokenForm()
    plaintext = None
    if form.validate_on_submit() and (saved := save(form, api_tokens.create_token, db.session, org_id(),
                                                    form.name.data, actor=current_user)):
        _token, plaintext = saved.value
        form = TokenForm(formdata=None)
    return render_template("tokens/index.html", form=form, plaintext=plaintext,
                           tokens=api_tokens.tokens_of(db.session, org_id()),
                           api_base=site_base() + "/api/v1"), form_status(form)


@requires("users")
def revoke(token_id: int):
    """Revoke one of the organisation's tokens at once."""
    token = get_own_or_404(db.session, ApiToken, token_id)
    if request.form.get("confirm") != "1":
        abort(400)
    api_tokens.revoke(db.session, token, actor=current_user)
    flash(_("Token %(prefix)s… is ingetrokken.", prefix=token.prefix), "success")
    return redirect(url_for(".index"))
