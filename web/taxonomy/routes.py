"""Browse and edit skills and occupations, their wordings, and link unmatched wordings."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from matching.text import normalise
from models.common import paging
from models.common.errors import InvalidInput
from models.enums import ConceptKind
from models.taxonomy import admin as admin
from models.taxonomy import worklist as worklist
from models.taxonomy.concept import Concept, UnmatchedWording
from web.access import requires
from web.extensions import db
from web.forms import form_status, messages, save
from web.params import whole_number
from web.queue import enqueue_quietly

from .forms import AliasForm, ConceptForm, LinkWordingForm, SearchForm, SkillLinkForm

PER_PAGE = 25


def _concept_or_404(concept_id: int) -> Concept:
    concept = db.session.get(Concept, concept_id)
    if concept is None:
        abort(404)
    return concept


def _page() -> int:
    return paging.page_number(request.args.get("pagina"))


def _args() -> dict:
    return {k: v for k, v in request.args.items() if k != "pagina"}


@requires("taxonomy")
def index():
    """Search skills and occupations by name or wording; shared by every organisation."""
    form = SearchForm(request.args)
    form.validate()
    kind = ConceptKind(form.kind.data) if form.kind.data in ("skill", "occupation") else None
    page = admin.search(db.session, form.q.data or "", kind, _page(), PER_PAGE)
    open_count = worklist.worklist(db.session, 1, 1).total
    return render_template("taxonomy/index.html", form=form, concepts=page.items, total=page.total, page=page,
                           open_count=open_count, args=_args())


@requires("taxonomy")
def create():
    """Add a skill or occupation of our own."""
    form = ConceptForm()
    if form.validate_on_submit() and (saved := save(form, admin.create_concept, db.session, ConceptKind(form.kind.data),
                                                    form.label.data, form.sector.data, actor=current_user)):
        flash(_("%(label)s is toegevoegd.", label=saved.value.label), "success")
        return redirect(url_for(".show", concept_id=saved.value.id))
    return render_template("taxonomy/create.html", form=form), form_status(form)


def _render_show(concept: Concept, form=None, alias_form=None, skill_form=None, status: int = 200):
    form = form or ConceptForm(obj=concept, formdata=None)
    form.version.data = form.version.data or concept.version
    skills = admin.skills_of(db.session, concept) if concept.kind == ConceptKind.OCCUPATION else []
    used_by = admin.occupations_using(db.session, concept) if concept.kind == ConceptKind.SKILL else []
    return render_template("taxonomy/show.html", concept=concept, form=form, alias_form=alias_form or AliasForm(
        formdata=None), skill_form=skill_form or SkillLinkForm(formdata=None), skills=skills, used_by=used_by), status


@requires("taxonomy")
def show(concept_id: int):
    """A concept with its wordings and skills; the form renames it or changes its sector."""
    concept = _concept_or_404(concept_id)
    if request.method == "GET":
        return _render_show(concept)
    form = ConceptForm()
    form.kind.data = concept.kind.value  # the kind of a concept does not change
    if not (form.validate_on_submit() and save(form, admin.update_concept, db.session, concept, form.label.data,
                                               form.sector.data, locked=concept, actor=current_user)):
        return _render_show(concept, form=form, status=form_status(form))
    flash(_("Wijzigingen opgeslagen."), "success")
    return redirect(url_for(".show", concept_id=concept.id))


@requires("taxonomy")
def add_alias(concept_id: int):
    """Add a synonym or spelling variant (normalised; never one of another concept)."""
    concept = _concept_or_404(concept_id)
    form = AliasForm()
    if form.validate_on_submit() and save(form, admin.add_alias, db.session, concept, form.wording.data,
                                          actor=current_user):
        flash(_("Schrijfwijze ‘%(w)s’ toegevoegd.", w=form.wording.data.strip()), "success")
        return redirect(url_for(".show", concept_id=concept.id))
    return _render_show(concept, alias_form=form, status=422)


@requires("taxonomy")
def remove_alias(concept_id: int, alias_id: int):
    """Remove a wording of a concept."""
    concept = _concept_or_404(concept_id)
    try:
        admin.remove_alias(db.session, concept, alias_id, actor=current_user)
    except InvalidInput as exc:
        flash(" ".join(messages(exc)), "error")
    else:
        flash(_("Schrijfwijze verwijderd."), "success")
    return redirect(url_for(".show", concept_id=concept.id))


@requires("taxonomy")
def link_skill(concept_id: int):
    """Link a skill to an occupation."""
    concept = _concept_or_404(concept_id)
    form = SkillLinkForm()
    if form.validate_on_submit() and (saved := save(form, admin.link_skill, db.session, concept, form.skill.data,
                                                    form.essential.data, actor=current_user)):
        flash(_("%(skill)s gekoppeld aan %(occ)s.", skill=saved.value.label, occ=concept.label), "success")
        return redirect(url_for(".show", concept_id=concept.id))
    return _render_show(concept, skill_form=form, status=422)


@requires("taxonomy")
def unlink_skill(concept_id: int, skill_id: int):
    """Remove a skill from an occupation."""
    concept = _concept_or_404(concept_id)
    try:
        admin.unlink_skill(db.session, concept, skill_id, actor=current_user)
    except InvalidInput as exc:
        flash(" ".join(messages(exc)), "error")
    else:
        flash(_("Vaardigheid ontkoppeld."), "success")
    return redirect(url_for(".show", concept_id=concept.id))


@requires("taxonomy")
def unmatched():
    """Wordings from imports and vacancies that matched no concept, most seen first, with proposals."""
    page = worklist.worklist(db.session, _page(), PER_PAGE)
    proposals, due = worklist.page_proposals(db.session, page.items)
    if due:
        enqueue_quietly("propose_wordings", once_key=worklist.JOB_KEY)
    return render_template("taxonomy/unmatched.html", items=list(zip(page.items, proposals)), total=page.total,
                           page=page, args=_args(), form=LinkWordingForm(formdata=None))


@requires("taxonomy")
def link_wording(item_id: int):
    """Add an unmatched wording to a concept (proposed, or named) and re-link the terms written that way."""
    item = db.session.get(UnmatchedWording, item_id)
    if item is None:
        abort(404)
    form = LinkWordingForm()
    concept = None
    if concept_id := whole_number(form.concept_id.data, None, low=1):
        concept = db.session.get(Concept, concept_id)
    elif form.concept.data:
        concept = admin.owner_of(db.session, normalise(form.concept.data)) or db.session.scalar(
            select(Concept).where(Concept.label == form.concept.data.strip()).limit(1))
    if concept is None:
        flash(_("Geen begrip gevonden om ‘%(w)s’ aan te koppelen.", w=item.wording), "error")
        return redirect(url_for(".unmatched"))
    try:
        count = worklist.link_wording(db.session, item, concept, actor=current_user)
    except InvalidInput as exc:
        flash(" ".join(messages(exc)), "error")
    else:
        flash(_("‘%(w)s’ is gekoppeld aan %(label)s; %(n)s bestaande vermeldingen bijgewerkt.",
                w=item.wording, label=concept.label, n=count), "success")
    return redirect(url_for(".unmatched"))
