"""The agenda page and the calendars: the whole agenda, and each event on its own."""

from __future__ import annotations

from .. import crawlers, urls
from ..dates import moment_start
from ..ical import build_calendar
from ..relations import post_url, upcoming_events
from ..siteplan import Part
from .view import View


def plan(view: View) -> Part:
    content, site = view.content, view.site
    events = [p for p in content.posts if p.item.event]
    upcoming = upcoming_events(content)
    past = sorted((p for p in events if p not in upcoming),
                  key=lambda p: (moment_start(p.item.event.start), p.slug), reverse=True)
    page = view.page("agenda.html", urls.AGENDA, "Agenda",
                     description="Activiteiten, vormingen en netwerkmomenten van de eerstelijnszone.",
                     updated=crawlers.posts_date(events), upcoming=upcoming, past=past,
                     calendar_url=site.absolute(urls.CALENDAR))
    name = f"{site.site_name or 'Zonesite'}: agenda"
    files = {}
    for address, shown in [(urls.CALENDAR, events), *[(urls.event_calendar(post_url(p)), [p]) for p in events]]:
        files[address] = view.memory.remember(address, (shown, site, name), lambda: build_calendar(
            [(post_url(p), p) for p in shown], site, name))
    return Part([page], [{"Agenda": urls.src_uri(urls.AGENDA)}], files)
