"""Agenda page and iCalendar feeds, read back with a real iCalendar parser."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from conftest import EXAMPLE, build_site, make_project, squash
from icalendar import Calendar
from test_news import add_item

BRUSSELS = ZoneInfo("Europe/Brussels")
UTC = dt.timezone.utc


def events(site: Path, path: str = "agenda.ics") -> dict[str, object]:
    calendar = Calendar.from_ical((site / path).read_bytes())
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def agenda_project(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project", EXAMPLE / "plans")
    add_item(project, "2025-01-05-winter.md", title="Wintervorming", date="2025-01-05",
             description="In de winter.", extra="event: {start: 2025-01-20 19:00, end: 2025-01-20 21:30, "
             "location: 'Zaal De Kouter, Ninove', registration: 'https://forms.example.org/w'}")
    add_item(project, "2025-06-05-zomer.md", title="Zomertrefdag", date="2025-06-05",
             description="In de zomer.", extra="event: {start: 2025-07-03 09:30, end: 2025-07-03 16:00, "
             "location: 'Stadhuis, Geraardsbergen'}")
    add_item(project, "2025-09-01-hele-dag.md", title="Studiedag", date="2025-09-01",
             description="Een hele dag.", extra="event: {start: 2025-10-10, end: 2025-10-11, location: Ninove}")
    add_item(project, "2026-09-01-later.md", title="Later dit jaar", date="2026-09-01",
             description="Nog te komen.", extra="event: {start: 2026-12-03 14:00, location: Ninove}")
    add_item(project, "2026-09-02-eerder.md", title="Eerst", date="2026-09-02",
             description="Eerder te komen.", extra="event: {start: 2026-11-25 10:00, location: Ninove}")
    return project


def test_calendar_times_are_brussels_in_winter_and_summer(tmp_path):
    site = build_site(agenda_project(tmp_path), tmp_path / "site").path
    calendar = Calendar.from_ical((site / "agenda.ics").read_bytes())
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    found = events(site)
    winter, summer = found["Wintervorming"], found["Zomertrefdag"]
    assert winter["DTSTART"].dt == dt.datetime(2025, 1, 20, 19, 0, tzinfo=BRUSSELS)
    assert winter["DTSTART"].dt.astimezone(UTC) == dt.datetime(2025, 1, 20, 18, 0, tzinfo=UTC)
    assert winter["DTEND"].dt.astimezone(UTC) == dt.datetime(2025, 1, 20, 20, 30, tzinfo=UTC)
    assert summer["DTSTART"].dt.astimezone(UTC) == dt.datetime(2025, 7, 3, 7, 30, tzinfo=UTC)
    assert str(summer["LOCATION"]) == "Stadhuis, Geraardsbergen"
    assert "https://denderzuid.zonesite.example/nieuws/2025/06/zomer/" in str(summer["DESCRIPTION"])
    assert str(summer["URL"]) == "https://denderzuid.zonesite.example/nieuws/2025/06/zomer/"
    whole = found["Studiedag"]
    assert whole["DTSTART"].dt == dt.date(2025, 10, 10)
    assert whole["DTEND"].dt == dt.date(2025, 10, 12)  # exclusive: the day after the last day
    one = events(site, "nieuws/2025/06/zomer/afspraak.ics")
    assert list(one) == ["Zomertrefdag"]
    assert one["Zomertrefdag"]["UID"] == summer["UID"]


def test_uids_are_stable_and_unique(tmp_path):
    project = agenda_project(tmp_path)
    first = {name: str(e["UID"]) for name, e in events(build_site(project, tmp_path / "a").path).items()}
    item = project / "news" / "2025" / "2025-06-05-zomer.md"
    item.write_text(item.read_text().replace("Zomertrefdag", "Zomertrefdag (nieuw uur)"))
    second = {name: str(e["UID"]) for name, e in events(build_site(project, tmp_path / "b").path).items()}
    assert len(set(first.values())) == len(first) == 5
    assert second["Zomertrefdag (nieuw uur)"] == first["Zomertrefdag"]
    assert {k: v for k, v in second.items() if "Zomer" not in k} == {k: v for k, v in first.items() if "Zomer" not in k}


def test_example_calendar_has_every_published_event(example_site):
    expected = set()
    for path in (EXAMPLE / "news").glob("[0-9]*/*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if meta.get("event") and not meta.get("draft"):
            expected.add(meta["title"])
    assert set(events(example_site.path)) == expected and len(expected) >= 3


def test_agenda_page_orders_upcoming_and_past(tmp_path, serve, page):
    # Build moment 18 November 2026: two events lie ahead, three are past.
    site = build_site(agenda_project(tmp_path), tmp_path / "site").path
    page.goto(serve(site) + "agenda/")
    upcoming = page.locator("#binnenkort + ul .zs-event__title").all_inner_texts()
    past = page.locator("#voorbij + ul .zs-event__title").all_inner_texts()
    assert upcoming == ["Eerst", "Later dit jaar"]
    assert past == ["Studiedag", "Zomertrefdag", "Wintervorming"]
    when = page.locator("#binnenkort + ul .zs-event__when").first.inner_text()
    assert when == "woensdag 25 november 2026 om 10.00 uur"
    subscribe = page.get_by_role("link", name="Abonneer u op de agenda")
    assert subscribe.get_attribute("href") == "webcal://denderzuid.zonesite.example/agenda.ics"
    add = page.get_by_role("link", name=re.compile(r"^Zet in uw agenda\W+Eerst$"))
    assert add.get_attribute("href").endswith("nieuws/2026/09/eerder/afspraak.ics")
    page.goto(serve(site))
    home = squash(page.locator("article").inner_text())
    assert "Eerst" in home and "Later dit jaar" in home
