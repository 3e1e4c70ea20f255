"""iCalendar (RFC 5545) feeds of events, written with the icalendar library. No MkDocs here.

Named ical, not calendar: a module called calendar would shadow the standard library."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from .content import Post
from .dates import moment_start
from .settings import SiteSettings

_STATUS = {"geannuleerd": "CANCELLED", "uitgesteld": "TENTATIVE"}


def event_uid(url: str, site_url: str) -> str:
    """Stable across rebuilds and edits: built from the item's address (date + file name)."""
    host = site_url.split("//", 1)[-1].strip("/").split("/", 1)[0] or "zonesite"
    return f"{url.strip('/').replace('/', '-')}@{host}"


def _event(url: str, post: Post, site: SiteSettings) -> Event:
    info = post.item.event
    link = site.absolute(url)
    event = Event()
    event.add("uid", event_uid(url, site.site_url))
    # DTSTAMP must be a UTC moment; the publication moment keeps two builds byte-identical.
    event.add("dtstamp", moment_start(post.item.date).astimezone(dt.timezone.utc))
    # A cancelled or postponed event keeps its UID: subscribers' calendars update the entry they
    # have instead of keeping it beside a new one. Calendars show CANCELLED as struck through;
    # postponed has no status of its own in RFC 5545, so it is TENTATIVE and says so in words.
    label = f"{info.status_label}: " if info.status else ""
    event.add("summary", label + post.item.title)
    event.add("status", _STATUS.get(info.status, "CONFIRMED"))
    if info.status:  # a revision of the announced event: programs that compare SEQUENCE take it over
        event.add("sequence", 1)
    lines = [label + post.item.description]
    if info.online:
        lines.append(f"Online meedoen: {info.link}")
    if info.registration and info.status != "geannuleerd":  # what a subscriber wants next: sign up
        lines.append(f"Inschrijven: {info.registration}")
    lines.append(f"Meer info: {link}")
    event.add("description", "\n\n".join(lines))
    event.add("location", info.where)
    # An online event's URL is where one takes part; the item's page is in the description.
    event.add("url", info.link if info.online else link)
    if isinstance(info.start, dt.datetime):
        event.add("dtstart", info.start)
        if info.end is not None:
            event.add("dtend", info.end)
    else:
        # Whole days: DTEND is the day after the last day (RFC 5545 3.6.1).
        event.add("dtstart", info.start)
        event.add("dtend", (info.end or info.start) + dt.timedelta(days=1))
    return event


def _brussels() -> Timezone:
    """Europe/Brussels as yearly rules (last Sunday of March and October), valid past 2038 and
    far shorter than a list of every transition."""
    zone = Timezone()
    zone.add("tzid", "Europe/Brussels")
    for kind, name, start, before, after, month in (
        (TimezoneDaylight, "CEST", dt.datetime(1970, 3, 29, 2), 1, 2, 3),
        (TimezoneStandard, "CET", dt.datetime(1970, 10, 25, 3), 2, 1, 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def build_calendar(events: list[tuple[str, Post]], site: SiteSettings, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Zonesite//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Brussels")
    calendar.add_component(_brussels())
    for url, post in sorted(events, key=lambda item: (moment_start(item[1].item.event.start), item[0])):
        calendar.add_component(_event(url, post, site))
    return calendar.to_ical()
