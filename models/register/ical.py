"""A person's open follow-ups as an iCalendar feed (RFC 5545), for the calendar program they already use.

Pure: takes the follow-ups and the address of Werkbrug, returns bytes. The feed leaves Werkbrug (it is read
by a calendar service), so it carries only the employer's name and a link: never the action text or the
subject, which staff write freely and which may name a job seeker."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from models.register.contact import ContactMoment

PRODUCT = "-//Werkbrug//Follow-ups//NL"


def feed(moments: Iterable[ContactMoment], base_url: str, now: datetime, *, owner_name: str) -> bytes:
    """An all-day event per open follow-up on its date; UIDs are stable, so a postponed one moves."""
    from icalendar import Calendar, Event  # only when a feed is asked for, not at start-up

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Werkbrug follow-ups · {owner_name}")
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for moment in moments:
        event = Event()
        event.add("uid", f"follow-up-{moment.id}@werkbrug")
        event.add("dtstamp", now)
        event.add("dtstart", moment.follow_up_on)
        event.add("dtend", moment.follow_up_on + timedelta(days=1))
        event.add("summary", f"Follow-up: {moment.employer.name}")
        link = f"{base_url.rstrip('/')}/werkgevers/{moment.employer_id}#tijdlijn"
        event.add("description", f"Open de follow-up in Werkbrug: {link}")
        event.add("url", link)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
