"""The "Openbaar profiel" page: preview as employers see it, edit the description, publish."""
from __future__ import annotations

from dataclasses import replace

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from models.catalogue.publishing import profiles
from models.catalogue.publishing.draft import find_personal, headline
from models.catalogue.publishing.groups import fine_record, preview_level
from models.catalogue.publishing.hints import profile_hints
from models.catalogue.publishing.kanon import Record, Shown, shown_at, was_coarsened
from models.catalogue.publishing.place import find_place
from models.common import audit, clock
from models.enums import ProfileStatus
from web.access import requires
from web.catalogue.profile_card import mark_findings
from web.extensions import db
from web.forms import form_status, save

from .forms import ProfileForm, UnpublishForm
from .routes import load_candidate, view_personal

FIELD_LABELS = {"description": _l("Beschrijving"), "occupations": _l("Beroepen"), "skills": _l("Vaardigheden"),
                "certificates": _l("Certificaten"), "licences": _l("Rijbewijzen")}


def _kind_labels() -> dict[str, str]:
    """The privacy check's words for what it found, in the page's language (the scrubber's are Dutch)."""
    return {kind: _(label) for kind, label in profiles.KIND_LABELS.items()}


def _k() -> int:
    return current_app.config["PROFILE_K_ANONYMITY"]


def _preview(candidate, profile, draft, text: str):
    """A profile-like object exactly as the catalogue would show it, and what k-anonymity did."""
    today = clock.today()
    # A profile the bulk publication published without what the gate flags shows the draft, with those,
    # so the matcher sees and can publish what was left out (hints.withhold).
    if profile.status == ProfileStatus.PUBLISHED and text == profile.description and not profile.sentences_to_check:
        record = fine_record(profile, candidate.place, candidate.personal.birth_date, today)
        shown = Shown(profile.age_band, profile.place, profile.region, profile.education)
        return profile, was_coarsened(record, shown), 0
    record = Record(profile.id, draft.age_band, draft.place, draft.region, draft.education)
    level = preview_level(db.session, profile, record, k=_k(), today=today)
    shown = shown_at(record, level if level is not None else 0)
    location = shown.place or shown.region
    card = replace(draft, code=profile.code, description=text, age_band=shown.age_band, place=shown.place,
                   checked_on=profile.checked_on, auto_checked=profile.auto_checked,
                   headline=headline(draft.occupations, draft.hours_min, draft.hours_max, location))
    return card, was_coarsened(record, shown), level


def _render(candidate, form, status=200, findings=None):
    profile, draft = profiles.ensure_profile(db.session, candidate, clock.today())
    text = form.description.data if form.description.data is not None else profile.description
    card, (band_coarse, place_coarse), level = _preview(candidate, profile, draft, text)
    if findings is None:
        findings = find_personal(text, candidate)
    return render_template(
        "candidates/profile.html", candidate=candidate, profile=profile, draft=draft, card=card, form=form,
        band_coarse=band_coarse, place_coarse=place_coarse, waits=level is None, k=_k(),
        findings=findings, hints=profile_hints(card, text, findings), marked=mark_findings(text, findings, _kind_labels()) if findings else None,
        field_labels=FIELD_LABELS, unpublish_form=UnpublishForm(),
        publication_block=profiles.publication_block(candidate, clock.today()),
        consent_missing=profiles.consent_problem(candidate, clock.today()) is not None,
        fine_place=find_place(candidate.place),
    ), status


@requires("candidates")
def profile(candidate_id: int):
    """Preview of the public profile beside the full record (audit-logged)."""
    candidate = load_candidate(candidate_id)
    view_personal(candidate, "profile")
    preview = db.session.begin_nested()  # a GET shows the draft and stores nothing (issue 17)
    try:
        current, draft = profiles.ensure_profile(db.session, candidate, clock.today())
        # What the bulk publication left out for a person to read (hints.withhold) is put before that person.
        text = draft.description if current.sentences_to_check else current.description
        form = ProfileForm(data={"version": current.version, "description": text})
        return _render(candidate, form)
    finally:
        preview.rollback()


@requires("candidates")
def publish(candidate_id: int):
    """Check the edited description ("Controleren") or publish it ("Publiceren")."""
    candidate = load_candidate(candidate_id)
    view_personal(candidate, "profile")
    form = ProfileForm()
    if not form.validate():
        return _render(candidate, form, 422)
    if request.form.get("action") != "publish":
        return _render(candidate, form)
    saved = save(form, profiles.publish, db.session, candidate, current_user, form.description.data or "",
                 today=clock.today(), k=_k(), locked=candidate.profile)
    if not saved:
        return _render(candidate, form, form_status(form))
    published = saved.value
    audit.record(db.session, "profile_published", actor=current_user, obj=published, origin=request.remote_addr)
    if published.status == ProfileStatus.PUBLISHED:
        flash(_("Profiel %(code)s is gepubliceerd in de catalogus.", code=published.code), "success")
    else:
        flash(_("Profiel %(code)s is goedgekeurd. Het wacht op publicatie: er zijn nog te weinig "
                "vergelijkbare profielen om het anoniem te tonen (k = %(k)s).", code=published.code, k=_k()),
              "success")
    return redirect(url_for(".profile", candidate_id=candidate.id))


@requires("candidates")
def unpublish(candidate_id: int):
    """Take the profile off the catalogue at once."""
    candidate = load_candidate(candidate_id)
    if candidate.profile is None or candidate.profile.status == ProfileStatus.WITHDRAWN:
        abort(404)
    form = UnpublishForm()
    reason = (form.reason.data or "").strip() or _("Ingetrokken door %(name)s", name=current_user.name)
    profiles.unpublish(db.session, candidate.profile, reason, today=clock.today(), k=_k())
    audit.record(db.session, "profile_withdrawn", actor=current_user, obj=candidate.profile,
                 origin=request.remote_addr)
    flash(_("Profiel %(code)s is ingetrokken en niet meer zichtbaar in de catalogus.", code=candidate.profile.code),
          "success")
    return redirect(url_for(".profile", candidate_id=candidate.id))
