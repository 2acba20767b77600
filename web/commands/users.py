"""`flask users ...`: manage accounts from the command line."""
from __future__ import annotations

import sys

import click
from sqlalchemy import select

from models import Organisation
from models.accounts import two_factor
from models.accounts import users as accounts
from models.common import audit
from models.common.errors import InvalidInput
from models.enums import Role
from web.extensions import db

users_group = click.Group("users", help="Create and list user accounts.")


@users_group.command("create")
@click.option("--email", required=True, help="Sign-in e-mail address.")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]), help="The account's role.")
@click.option("--org", "org_key", help="Organisation key (required for staff roles).")
@click.option("--name", help="Display name (default: the part of the e-mail before @).")
@click.option("--password", help="Password; asked for (hidden, twice) when left out. Staff: at least 12 characters.")
def create(email: str, role: str, org_key: str | None, name: str | None, password: str | None) -> None:
    """Create an account, e.g. `flask users create --email a@b.nl --role matcher --org dronten`."""
    organisation = None
    if org_key:
        organisation = db.session.scalar(select(Organisation).where(Organisation.key == org_key))
        if organisation is None:
            known = ", ".join(db.session.scalars(select(Organisation.key))) or "none yet (run `flask seed demo` or import first)"
            click.echo(f"--org: unknown organisation {org_key!r} (known: {known})", err=True)
            sys.exit(2)
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = accounts.create_user(
            db.session, email=email, name=name or email.split("@")[0], role=role,
            password=password, organisation=organisation,
        )
    except InvalidInput as exc:
        for field, message in exc.errors.items():
            click.echo(f"--{field}: {message}", err=True)
        sys.exit(2)
    audit.record(db.session, "user_created", obj=user, origin="cli")
    code = two_factor.issue_enrolment_code(user) if user.is_staff else None
    db.session.commit()
    click.echo(f"Created {user.role.value} account {user.email}" + (f" in {org_key}" if org_key else ""))
    if code:
        click.echo(f"Enrolment code for linking an authenticator app (valid 24 hours, shown once): {code}")


@users_group.command("enrolment-code")
@click.option("--email", required=True, help="Sign-in e-mail address of a staff account without a linked app.")
def enrolment_code(email: str) -> None:
    """Print a fresh one-time enrolment code (24 hours) for a staff account that has no authenticator yet."""
    user = accounts.user_by_email(db.session, email)
    if user is None or not user.is_staff:
        click.echo(f"--email: no staff account {email!r}", err=True)
        sys.exit(2)
    if user.totp_secret is not None:
        click.echo("--email: this account already has an authenticator; reset it in the web interface first", err=True)
        sys.exit(2)
    code = two_factor.issue_enrolment_code(user)
    audit.record(db.session, "enrolment_code_issued", obj=user, origin="cli")
    db.session.commit()
    click.echo(f"Enrolment code for {user.email} (valid 24 hours, shown once): {code}")


@users_group.command("list")
def list_users() -> None:
    """List accounts: e-mail, role, organisation, active."""
    from models import User

    for user in db.session.scalars(select(User).order_by(User.email)):
        org = user.organisation.key if user.organisation else "-"
        click.echo(f"{user.email}\t{user.role.value}\t{org}\t{'active' if user.active else 'disabled'}")
