"""`flask profiles ...`: bulk publication of anonymised profiles and the daily withdrawal."""
from __future__ import annotations

import sys

import click
from flask import current_app
from sqlalchemy import select

from models import Organisation
from models.catalogue.publishing.bulk import publish_all_consented
from models.catalogue.publishing.profiles import withdraw_expired
from models.common import clock
from web.extensions import db

profiles_group = click.Group("profiles", help="Publish and withdraw anonymised public profiles.")


@profiles_group.command("publish")
@click.option("--all-consented", is_flag=True, required=True,
              help="Publish every candidate whose consent is valid today (required).")
@click.option("--org", "org_key", metavar="ORG_KEY", help="Only the candidates of this organisation.")
def publish(all_consented: bool, org_key: str | None) -> None:
    """Scrub and publish the profile of every active candidate with valid consent.

    Prints how many were published and how many were skipped, and why. Profiles that cannot
    yet be shown k-anonymously wait and are published when enough similar ones are.
    """
    organisation_id = None
    if org_key:
        organisation_id = db.session.scalar(select(Organisation.id).where(Organisation.key == org_key))
        if organisation_id is None:
            click.echo(f"--org: unknown organisation {org_key!r}", err=True)
            sys.exit(2)
    result = publish_all_consented(db.session, clock.today(), k=current_app.config["PROFILE_K_ANONYMITY"],
                                   organisation_id=organisation_id)
    db.session.commit()
    for line in result.lines():
        click.echo(line)


@profiles_group.command("withdraw-expired")
def withdraw_expired_command() -> None:
    """Withdraw profiles whose consent ended or whose candidate was placed or is no longer active.

    Run daily from a scheduler (cron, systemd timer); safe to run more often.
    """
    reasons = withdraw_expired(db.session, clock.today(), k=current_app.config["PROFILE_K_ANONYMITY"])
    db.session.commit()
    click.echo(f"Withdrawn: {sum(reasons.values())}")
    for reason, n in reasons.most_common():
        click.echo(f"  {n} {reason}")
