"""Coordinators manage bouwblokken tables: versions per region, and the blocks of unused versions."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from models import BuildingBlockTable, BuildingBlockTableVersion
from models.common import audit
from models.common.errors import N_, InvalidInput
from models.common.money import format_euro, parse_euro
from models.sroi import table_admin as admin
from models.sroi.tables import block_to_dataclass, version_to_dataclass
from models.sroi.valuation.tables import INSTRUMENT_NAMES, PSO_RUNGS, Block
from web.access import requires
from web.extensions import db
from web.forms import messages as texts_of
from web.forms import show_errors

from .forms import KIND_CHOICES, UNIT_CHOICES, BlockForm, NewVersionForm, RulesForm

CLASS_LABELS = {"paid": N_("telt als betaald werk"), "other": N_("telt apart (eigen blok)"), "none": N_("telt niet mee")}
LABELS = {"kind": dict(KIND_CHOICES), "unit": dict(UNIT_CHOICES)}
LISTS = ("target_groups", "instruments", "contract_types")
COUNTS = ("benefit_months_min", "benefit_months_max", "age_min")
FLAGS = ("work_disability", "statushouder")


@requires("reports")
def index():
    """Every regional table with its versions, and which versions are in use (read-only)."""
    tables = db.session.scalars(select(BuildingBlockTable).options(selectinload(BuildingBlockTable.versions))
                                .order_by(BuildingBlockTable.region)).all()
    used = admin.used_version_ids(db.session, [v.id for t in tables for v in t.versions])
    return render_template("bouwblokken/index.html", tables=tables, used=used)


def _version_or_404(version_id: int) -> BuildingBlockTableVersion:
    version = db.session.get(BuildingBlockTableVersion, version_id)
    if version is None:
        abort(404)
    return version


@requires("reports")
def version(version_id: int, form=None, status: int = 200):
    """A version's placement blocks, bonuses and activity rates, and the form for a new version."""
    row = _version_or_404(version_id)
    return render_template("bouwblokken/version.html", version=row, table=row.table,
                           in_use=admin.is_in_use(db.session, row), form=form or NewVersionForm(),
                           labels=LABELS, rules=version_to_dataclass(row), class_labels=CLASS_LABELS,
                           instrument_names=INSTRUMENT_NAMES), status


@requires("reports")
def new_version(table_id: int):
    """Copy the table's latest version into an editable one from a date; the latest ends the day before."""
    table = db.session.get(BuildingBlockTable, table_id) or abort(404)
    form = NewVersionForm()
    latest = max(table.versions, key=lambda v: v.valid_from, default=None)
    if form.validate_on_submit():
        try:
            created = admin.new_version_from(db.session, table, form.valid_from.data, actor=current_user)
        except InvalidInput as exc:
            form.valid_from.errors.extend(texts_of(exc))
        else:
            audit.record(db.session, "building_block_version_created", actor=current_user, obj=created,
                         details={"table": table.key, "valid_from": created.valid_from.isoformat()})
            flash(_("Nieuwe versie vanaf %(day)s gemaakt; u kunt de blokken nu aanpassen.",
                    day=created.valid_from.strftime("%d-%m-%Y")), "success")
            return redirect(url_for(".version", version_id=created.id))
    if latest is None:
        flash(" ".join(form.valid_from.errors), "error")
        return redirect(url_for(".index"))
    return version(latest.id, form=form, status=422)


def _fill(form: BlockForm, block: Block) -> None:
    form.code.data, form.label.data, form.kind.data, form.unit.data = block.code, block.label, block.kind, block.unit
    form.value.data = format_euro(block.value_cents).removeprefix("€ ")
    form.max_counted_months.data = block.max_counted_months
    cond = block.conditions
    for key in LISTS:
        getattr(form, key).data = list(cond.get(key) or [])
    for key in COUNTS:
        getattr(form, key).data = cond.get(key)
    for key in FLAGS:
        getattr(form, key).data = "" if cond.get(key) is None else ("yes" if cond[key] else "no")
    form.explicit_only.data = bool(cond.get("explicit_only"))


def _block(form: BlockForm) -> Block:
    """The Block the form describes; raises InvalidInput on an unreadable value."""
    try:
        value = parse_euro(form.value.data or "")
    except ValueError as exc:
        raise InvalidInput({"value": str(exc)}) from None
    cond: dict = {key: getattr(form, key).data for key in LISTS if getattr(form, key).data}
    cond.update({key: getattr(form, key).data for key in COUNTS if getattr(form, key).data is not None})
    cond.update({key: getattr(form, key).data == "yes" for key in FLAGS if getattr(form, key).data})
    if form.explicit_only.data:
        cond["explicit_only"] = True
    return Block(code=(form.code.data or "").strip(), label=(form.label.data or "").strip(), kind=form.kind.data,
                 value_cents=value, unit=form.unit.data, max_counted_months=form.max_counted_months.data,
                 conditions=cond)


def _show_errors(form, exc: InvalidInput) -> list[str]:
    """Put field messages on their fields; return the messages about the version as a whole (translated)."""
    if isinstance(exc.errors, dict):
        show_errors(form, exc)
        return []
    return texts_of(exc)


@requires("reports")
def edit_block(version_id: int, code: str | None):
    """Add or change a block of a version nobody's value depends on yet; the whole version is validated."""
    row = _version_or_404(version_id)
    current = next((b for b in row.blocks if b.code == code), None)
    if code is not None and current is None:
        abort(404)
    form = BlockForm()
    messages: list[str] = []
    if request.method == "GET" and current is not None:
        _fill(form, block_to_dataclass(current))
    if form.validate_on_submit():
        try:
            admin.save_block(db.session, row, code, _block(form))
        except InvalidInput as exc:
            messages = _show_errors(form, exc)
        else:
            audit.record(db.session, "building_block_saved", actor=current_user, obj=row,
                         details={"code": form.code.data})
            flash(_("Blok %(code)s opgeslagen.", code=form.code.data), "success")
            return redirect(url_for(".version", version_id=row.id))
    failed = bool(form.errors or messages)
    return render_template("bouwblokken/block.html", form=form, version=row, code=code, messages=messages,
                           in_use=admin.is_in_use(db.session, row)), 422 if failed else 200


@requires("reports")
def delete_block(version_id: int, code: str):
    """Remove a block from a version nobody's value depends on yet."""
    row = _version_or_404(version_id)
    try:
        admin.delete_block(db.session, row, code)
    except InvalidInput as exc:
        flash(" ".join(texts_of(exc)), "error")
        return redirect(url_for(".version", version_id=row.id))
    audit.record(db.session, "building_block_deleted", actor=current_user, obj=row, details={"code": code})
    flash(_("Blok %(code)s verwijderd.", code=code), "success")
    return redirect(url_for(".version", version_id=row.id))


@requires("reports")
def edit_rules(version_id: int):
    """Change how a version nobody's value depends on yet counts each instrument, and its PSO reductions."""
    row = _version_or_404(version_id)
    rules = version_to_dataclass(row)
    form = RulesForm()
    messages: list[str] = []
    if request.method == "GET":
        for instrument, how in rules.instrument_classes().items():
            if hasattr(form, f"instrument_{instrument}"):
                getattr(form, f"instrument_{instrument}").data = how
        for rung, percent in (rules.rules.get("pso_reduction_percent") or {}).items():
            if hasattr(form, f"pso_{rung}"):
                getattr(form, f"pso_{rung}").data = str(percent)
    if form.validate_on_submit():
        try:
            before = admin.save_rules(
                db.session, row, {i: getattr(form, f"instrument_{i}").data for i in INSTRUMENT_NAMES},
                {str(r): getattr(form, f"pso_{r}").data for r in PSO_RUNGS})
        except InvalidInput as exc:
            messages = _show_errors(form, exc)
        else:
            audit.record(db.session, "building_block_rules_saved", actor=current_user, obj=row,
                         details={"table": row.table.key, "valid_from": row.valid_from.isoformat(),
                                  "before": before, "after": dict(row.rules)})
            flash(_("Regels van deze versie opgeslagen."), "success")
            return redirect(url_for(".version", version_id=row.id))
    failed = bool(form.errors or messages)
    return render_template("bouwblokken/rules.html", form=form, version=row, messages=messages,
                           instruments=[getattr(form, f"instrument_{i}") for i in INSTRUMENT_NAMES],
                           pso=[getattr(form, f"pso_{r}") for r in PSO_RUNGS],
                           in_use=admin.is_in_use(db.session, row)), 422 if failed else 200
