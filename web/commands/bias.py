"""`flask match bias`: the bias report of the matcher's top 10 per open vacancy."""
from __future__ import annotations

import json
import sys

import click
from sqlalchemy import select

from matching.bias import MIN_GROUP, THRESHOLD
from models import Organisation
from models.common import clock
from models.matches import bias
from web.extensions import db


def _organisation(org_key: str | None) -> Organisation:
    query = select(Organisation).where(Organisation.key == org_key) if org_key else \
        select(Organisation).order_by(Organisation.is_default.desc(), Organisation.id).limit(1)
    organisation = db.session.scalar(query)
    if organisation is None:
        known = ", ".join(db.session.scalars(select(Organisation.key))) or "none"
        click.echo(f"--org: unknown organisation {org_key!r} (known: {known})", err=True)
        sys.exit(2)
    return organisation


def _share(s) -> dict:
    return {"dimension": s.dimension, "group": s.group, "top": s.top_count, "top_size": s.top_size,
            "eligible": s.eligible_count, "eligible_size": s.eligible_size,
            "difference_pp": round(s.difference * 100, 1), "flagged": s.flagged}


@click.command("bias")
@click.option("--org", "org_key", help="Organisation key (default: the default organisation).")
@click.option("--threshold", type=click.IntRange(1, 100), default=round(THRESHOLD * 100), show_default=True,
              help="Flag a group whose share differs by more than this many percentage points.")
@click.option("--min-group", type=click.IntRange(1), default=MIN_GROUP, show_default=True,
              help="Smallest number of eligible candidates in a group before it is compared.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def bias_command(org_key: str | None, threshold: int, min_group: int, as_json: bool) -> None:
    """Age bands and target groups in each open vacancy's top 10 versus everyone who meets its requirements."""
    organisation = _organisation(org_key)
    bias.store(db.session, organisation.id, clock.today())  # what the queue's compute_bias job keeps for the page
    db.session.commit()
    result = bias.organisation_bias(db.session, organisation.id, clock.today(), threshold / 100, min_group)
    if as_json:
        click.echo(json.dumps({
            "organisation": organisation.key, "threshold_pp": threshold, "min_group": min_group,
            "vacancies": [{"vacancy": v.vacancy.external_id or v.vacancy.id, "title": v.vacancy.title,
                           "eligible": v.report.eligible_size, "top": v.report.top_size,
                           "flags": [_share(s) for s in v.report.flags]} for v in result.vacancies],
            "overall": [_share(s) for s in result.overall.shares]}))
        return
    click.echo(f"{organisation.key}: {len(result.vacancies)} open vacancies, {len(result.flagged)} flagged "
               f"(threshold {threshold} pp, groups of at least {min_group})")
    for item in result.flagged:
        for s in item.report.flags:
            click.echo(f"  {item.vacancy.external_id or item.vacancy.id} {item.vacancy.title}: {s.dimension} "
                       f"{s.group} {s.top_share:.0%} in top vs {s.eligible_share:.0%} eligible "
                       f"({s.difference * 100:+.0f} pp)")
    click.echo("overall:")
    for s in result.overall.shares:
        mark = " FLAG" if s.flagged else ""
        click.echo(f"  {s.dimension:12} {s.group:16} top {s.top_share:5.0%}  eligible {s.eligible_share:5.0%}"
                   f"  {s.difference * 100:+4.0f} pp{mark}")
