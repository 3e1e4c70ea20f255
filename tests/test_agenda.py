"""Agenda page and iCalendar feeds, read back with a real iCalendar parser."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import EXAMPLE, build_site, make_project, squash
from icalendar import Calendar
from test_news import add_item, example_items, expired_items

BRUSSELS = ZoneInfo("Europe/Brussels")
UTC = dt.timezone.utc
SITE = "https://denderzuid.zonesite.example/"  # tests/fixtures/mkdocs.yml


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
    # Would be upcoming, but the item expired before the build: only its own page is left.
    add_item(project, "2026-08-01-verlopen.md", title="Verlopen uitnodiging", date="2026-08-01",
             description="Niet meer actueel.", extra="expires: 2026-11-01\n"
             "event: {start: 2026-12-01 10:00, location: Ninove}")
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
    before = events(build_site(project, tmp_path / "a").path)
    first = {name: str(e["UID"]) for name, e in before.items()}
    item = project / "news" / "2025" / "2025-06-05-zomer.md"
    item.write_text(item.read_text().replace("Zomertrefdag", "Zomertrefdag (nieuw uur)"))
    # Cancelling or postponing an event changes it in subscribers' calendars: same UID, new status.
    for name, status in (("2026-09-01-later.md", "geannuleerd"), ("2026-09-02-eerder.md", "uitgesteld")):
        item = project / "news" / "2026" / name
        item.write_text(item.read_text().replace("location: Ninove}", f"location: Ninove, status: {status}}}"))
    after = events(build_site(project, tmp_path / "b").path)
    second = {name: str(e["UID"]) for name, e in after.items()}
    assert len(set(first.values())) == len(first) == 5
    assert second["Zomertrefdag (nieuw uur)"] == first["Zomertrefdag"]
    assert second["Geannuleerd: Later dit jaar"] == first["Later dit jaar"]
    assert second["Uitgesteld: Eerst"] == first["Eerst"]
    assert {str(e["STATUS"]) for e in before.values()} == {"CONFIRMED"}
    assert str(after["Geannuleerd: Later dit jaar"]["STATUS"]) == "CANCELLED"
    assert str(after["Uitgesteld: Eerst"]["STATUS"]) == "TENTATIVE"
    assert str(after["Uitgesteld: Eerst"]["DESCRIPTION"]).startswith("Uitgesteld: Eerder te komen.")
    assert {k: v for k, v in second.items() if k.startswith(("Studiedag", "Winter"))} == \
        {k: v for k, v in first.items() if k.startswith(("Studiedag", "Winter"))}


# What an event's `status` becomes in a calendar (RFC 5545 3.8.1.11), and the word before its title.
ICAL_STATUS = {None: ("CONFIRMED", ""), "geannuleerd": ("CANCELLED", "Geannuleerd: "),
               "uitgesteld": ("TENTATIVE", "Uitgesteld: ")}


def test_example_calendar_has_every_current_event(example_site):
    """Every event of an item that is published and not expired, with its status; a cancelled one
    stays in the calendar. An online event's URL is where one takes part."""
    calendar = Calendar.from_ical((example_site.path / "agenda.ics").read_bytes())
    found = {re.search(r"Meer info: (\S+)", str(e["DESCRIPTION"]))[1]: e for e in calendar.walk("VEVENT")}
    expected = {SITE + url: meta for url, meta in example_items() if meta.get("event") and not meta.get("draft")}
    assert set(found) == set(expected) and len(expected) >= 3
    for page, meta in expected.items():
        event, spec = found[page], meta["event"]
        status, label = ICAL_STATUS[spec.get("status")]
        assert (str(event["STATUS"]), str(event["SUMMARY"])) == (status, label + meta["title"])
        if spec.get("vorm") == "online":
            assert str(event["URL"]) == spec["link"] and str(event["LOCATION"]).startswith("Online")
            assert f"Online meedoen: {spec['link']}" in str(event["DESCRIPTION"])
        else:
            assert str(event["URL"]) == page and str(event["LOCATION"]).startswith(spec["location"])
        # Where to sign up, unless there is nothing left to sign up for.
        signs_up = bool(spec.get("registration")) and spec.get("status") != "geannuleerd"
        assert (f"Inschrijven: {spec.get('registration')}" in str(event["DESCRIPTION"])) == signs_up, page
    assert any(meta["event"].get("registration") for meta in expected.values()), "no event to sign up for"
    statuses = {meta["event"].get("status") for meta in expected.values()}
    assert "geannuleerd" in statuses, "the example no longer has a cancelled event"
    assert any(meta["event"].get("vorm") == "online" for meta in expected.values()), "nor an online one"
    assert not [url for url, meta in expired_items() if SITE + url in found]


def test_example_event_pages_say_what_changed(example_site):
    """Cancelled and online events on their own page and in the agenda, in words."""
    agenda = example_site.html("agenda/")
    for url, meta in example_items():
        spec = meta.get("event") or {}
        if not spec.get("status") and not spec.get("vorm"):
            continue
        box = squash(example_site.html(url).select_one(".zs-event-box").get_text(" "))
        listed = next(li for li in agenda.select("li.zs-event") if li.h3.a["href"].endswith(url.removeprefix("nieuws/")))
        if spec.get("status") == "geannuleerd":
            assert "Geannuleerd. Deze activiteit gaat niet door." in box
            assert "Geannuleerd" in squash(listed.select_one(".zs-event__when").get_text(" "))
            assert listed.select_one(".zs-event__when s"), "the time of a cancelled event is struck through"
            assert not listed.select('a[href$="afspraak.ics"]') and "Zet in" not in box
        if spec.get("vorm") == "online":
            assert "Waar Online" in box
            assert example_site.html(url).select(f'.zs-event-box a[href="{spec["link"]}"]')
            assert listed.select(f'a[href="{spec["link"]}"]')


def test_agenda_page_orders_upcoming_and_past(tmp_path, serve, page):
    # Build moment 18 November 2026: two events lie ahead, three are past.
    site = build_site(agenda_project(tmp_path), tmp_path / "site").path
    page.goto(serve(site) + "agenda/")
    upcoming = page.locator("#binnenkort + ul .zs-event__title").all_inner_texts()
    past = page.locator("#voorbij + ul .zs-event__title").all_inner_texts()
    assert upcoming == ["Eerst", "Later dit jaar"]
    assert past == ["Studiedag", "Zomertrefdag", "Wintervorming"]  # not the expired item's event
    when = page.locator("#binnenkort + ul .zs-event__when").first.inner_text()
    assert when == "woensdag 25 november 2026 om 10.00 uur"
    subscribe = page.get_by_role("link", name="Abonneer u op de agenda")
    assert subscribe.get_attribute("href") == "webcal://denderzuid.zonesite.example/agenda.ics"
    add = page.get_by_role("link", name=re.compile(r"^Zet in uw agenda\W+Eerst$"))
    assert add.get_attribute("href").endswith("nieuws/2026/09/eerder/afspraak.ics")
    page.goto(serve(site))
    home = squash(page.locator("article").inner_text())
    assert "Eerst" in home and "Later dit jaar" in home and "Verlopen uitnodiging" not in home
    page.goto(serve(site) + "nieuws/2026/08/verlopen/")
    assert page.get_by_role("note").inner_text() == "Niet meer actueel. Dit bericht is verlopen op 1 november 2026."
    assert not page.locator('a[href$="afspraak.ics"]').count()
    assert not (site / "nieuws/2026/08/verlopen/afspraak.ics").exists()
