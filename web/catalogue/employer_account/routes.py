"""Employer accounts: register, then favourites, saved searches with new matches, own requests."""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from models.catalogue import browse, employer_accounts
from models.catalogue.profile import SavedSearch
from models.common import audit
from models.common.errors import InvalidInput
from web.access import requires
from web.catalogue.forms import filter_form
from web.catalogue.labels import SORT_CHOICES
from web.extensions import db
from web.forms import form_status, messages, save

from .forms import RegisterForm, SaveSearchForm

REQUEST_STATUS_LABELS = {
    "new": "ontvangen", "candidate_asked": "werkzoekende gevraagd", "candidate_agreed": "werkzoekende wil kennismaken",
    "candidate_declined": "werkzoekende heeft bedankt", "introduced": "kennismaking geregeld", "closed": "afgesloten",
}


def filters_for(query_string: str):
    return filter_form(MultiDict(parse_qsl(query_string)), db.session)[1]


def register():
    """Create an employer account and sign in with it."""
    if current_user.is_authenticated:
        return redirect(url_for("start.home"))
    form = RegisterForm()
    if form.validate_on_submit() and (saved := save(
            form, employer_accounts.register, db.session, email=form.email.data or "",
            password=form.password.data or "", name=form.name.data or "", company_name=form.company_name.data or "",
            fallback="email")):
        if (user := saved.value) is not None:
                audit.record(db.session, "employer_registered", actor=user, obj=user, origin=request.remote_addr)
        # One answer whether or not the address already had an account (no way to probe addresses).
        flash(_("Bedankt. Wij hebben u een e-mail gestuurd. Was er met dit adres nog geen account, dan "
                "is het nu aangemaakt en kunt u inloggen met uw wachtwoord."), "success")
        flash(_("Log hieronder in met uw e-mailadres en wachtwoord. Daarna bewaart u favorieten en "
                "zoekopdrachten, krijgt u een e-mail bij nieuwe profielen die passen en ziet u hoe het met "
                "uw verzoeken staat."), "info")
        return redirect(url_for("auth.login"))
    return render_template("employer_account/register.html", form=form), form_status(form)


@requires("employer_account")
def index():
    """The employer's own page: new matches of saved searches, searches, favourites, requests."""
    alerts = employer_accounts.new_matches(db.session, current_user, filters_for)
    return render_template(
        "employer_account/index.html", alerts=alerts,
        searches=employer_accounts.saved_searches(db.session, current_user),
        favourites=employer_accounts.favourites(db.session, current_user),
        requests=employer_accounts.own_requests(db.session, current_user),
        status_labels=REQUEST_STATUS_LABELS, sort_labels=dict(SORT_CHOICES),
    )


@requires("employer_account")
def favourite(code: str):
    """Star or unstar a profile."""
    profile = browse.profile_by_code(db.session, code)
    if profile is None:
        abort(404)
    try:
        starred = employer_accounts.toggle_favourite(db.session, current_user, profile)
    except InvalidInput:
        abort(410)
    flash(_("Bewaard bij uw favorieten.") if starred else _("Uit uw favorieten gehaald."), "success")
    return redirect(url_for("catalogue.profile", code=profile.code))


@requires("employer_account")
def save_search():
    """Keep the current catalogue search under a name."""
    form = SaveSearchForm()
    # Keep only the catalogue's own filters, in a stable order, without the page number.
    pairs = [(k, v) for k, v in parse_qsl(form.query_string.data or "") if v and k != "pagina"]
    query_string = urlencode(sorted(pairs))
    try:
        page = browse.search(db.session, filters_for(query_string), per_page=1)
        employer_accounts.save_search(db.session, current_user, form.name.data or "", query_string, page.total)
    except InvalidInput as exc:
        flash(messages(exc)[0], "error")
        return redirect(url_for("catalogue.index") + ("?" + query_string if query_string else ""))
    flash(_("Zoekopdracht bewaard. Op uw accountpagina ziet u nieuwe kandidaten die erbij passen."), "success")
    return redirect(url_for(".index"))


@requires("employer_account")
def delete_search(search_id: int):
    """Forget a saved search (only the user's own: 404 for anyone else's)."""
    saved = db.session.get(SavedSearch, search_id)
    if saved is None or saved.user_id != current_user.id:
        abort(404)
    db.session.delete(saved)
    flash(_("Zoekopdracht verwijderd."), "success")
    return redirect(url_for(".index"))
