"""Deliver an export (at once, or through the worker) and the page and download of a made one."""
from __future__ import annotations

import json

from flask import Response, abort, current_app, redirect, render_template, request, send_file, url_for
from flask_babel import get_locale
from flask_login import current_user, login_required

from models.common import audit, exports
from models.jobs import exports as export_jobs
from web.access import org_id
from web.extensions import db
from web.queue import triggers

from .kinds import KINDS, content_of

REFRESH_SECONDS = 3


def export_dir() -> str:
    """EXPORT_DIR, or instance/exports (one host; with several hosts a directory they share)."""
    from pathlib import Path

    return current_app.config.get("EXPORT_DIR") or str(Path(current_app.instance_path) / "exports")


def deliver(what: str, fmt: str):
    """The list ``what`` as CSV or XLSX with the request's filters: the file itself when it has at most
    EXPORT_INLINE_MAX_ROWS rows, otherwise a job and a redirect to its page. Audit-logged either way."""
    if fmt not in exports.MIMETYPES:
        abort(404)
    kind = KINDS[what]
    args = {key: value for key, value in request.args.items()}
    if kind.count(db.session, org_id(), args) > int(current_app.config["EXPORT_INLINE_MAX_ROWS"]):
        record = export_jobs.request_export(db.session, org_id(), current_user.id, what, fmt, args,
                                            request.remote_addr, str(get_locale() or "nl"))
        triggers.job_submitted(db.session, "make_export", record.id)
        return redirect(url_for("exports.show", public_id=record.public_id))
    made = kind.make(db.session, org_id(), args, fmt)
    content, mimetype = content_of(made, fmt)
    audit.record(db.session, "export", actor=current_user, origin=request.remote_addr, details=made.details)
    return Response(content, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{made.filename}"'})


def _own_or_404(public_id: str):
    record = export_jobs.find_for_user(db.session, current_user.id, public_id)
    if record is None:
        abort(404)
    return record


@login_required
def show(public_id: str):
    """"Uw export wordt gemaakt": reloads itself until the file is there, then offers it (only to the asker)."""
    record = _own_or_404(public_id)
    waiting = record.status in ("queued", "running")
    # No Refresh header: like every page being computed it offers a reload link, which werkbrug.js
    # follows after REFRESH_SECONDS (web/templates/_refresh.html).
    return render_template("exports/show.html", record=record, waiting=waiting, refresh=REFRESH_SECONDS,
                           params=json.loads(record.params or "{}"))


@login_required
def download(public_id: str):
    """The made file, to the person who asked for it; 404 once it has been deleted."""
    record = _own_or_404(public_id)
    path = export_jobs.path_of(export_dir(), record)
    if record.status != "done" or not path.is_file():
        abort(404)
    return send_file(path, mimetype=exports.MIMETYPES[record.fmt], as_attachment=True,
                     download_name=record.filename or path.name, max_age=0)
