"""Subscriptions per topic: RSS, Atom and JSON Feed per tag and per fiche, an iCalendar file per tag,
and the "volg" links on their pages, in every fixture zone's session build.

What each feed must hold is read here from the fixture YAML and front matter, not from the code:
a tag's feeds its current news; a fiche's its progress entries and the news naming it in `actions`."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from icalendar import Calendar
from lxml import etree
from slugify import slugify

from conftest import BUILD_EPOCH, FIXTURES
from test_feeds import ATOM, SITE_URL, check_atom, check_rss

BRUSSELS = ZoneInfo("Europe/Brussels")
BUILT = dt.datetime.fromtimestamp(int(BUILD_EPOCH), dt.timezone.utc)
ZONES = sorted(path.name for path in FIXTURES.iterdir() if (path / "plans").is_dir())
FEED_ITEMS = 30  # "the last 30" of the README: more than the fixtures hold per topic

# JSON Feed 1.1 as https://www.jsonfeed.org/version/1.1/ defines it: what a feed and an item must
# and may hold, and of which type. Dates are RFC 3339 (the spec's words), checked by pattern so that
# the check does not depend on an optional format library.
RFC3339 = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
URL = r"^https?://"
AUTHOR = {"type": "object", "minProperties": 1,  # "must include at least one" of name, url, avatar
          "properties": {"name": {"type": "string"}, "url": {"type": "string", "pattern": URL},
                         "avatar": {"type": "string", "pattern": URL}}}
JSON_FEED_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string", "minLength": 1},
        "home_page_url": {"type": "string", "pattern": URL},
        "feed_url": {"type": "string", "pattern": URL},
        "description": {"type": "string"},
        "language": {"type": "string", "pattern": r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$"},
        "authors": {"type": "array", "items": AUTHOR},
        "expired": {"type": "boolean"},
        "items": {"type": "array", "items": {
            "type": "object",
            "required": ["id"],
            # "content_html and content_text are each optional strings — but one must be present."
            "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "url": {"type": "string", "pattern": URL},
                "title": {"type": "string"},
                "content_html": {"type": "string"},
                "content_text": {"type": "string"},
                "summary": {"type": "string"},
                "date_published": {"type": "string", "pattern": RFC3339},
                "date_modified": {"type": "string", "pattern": RFC3339},
                "authors": {"type": "array", "items": AUTHOR},
                "tags": {"type": "array", "items": {"type": "string"}},
            },
        }},
    },
}


def moment(value) -> dt.datetime:
    """A front matter or YAML date (Brussels; a bare date from its midnight) as an aware moment."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.fromisoformat(str(value))
    return value.replace(tzinfo=BRUSSELS) if value.tzinfo is None else value


def news(zone: str) -> list[tuple[str, dict]]:
    """(address, front matter) of the zone's items that the public sees listed at BUILD_EPOCH."""
    items = []
    for path in sorted((FIXTURES / zone / "news").glob("[0-9]*/*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        gone = "expires" in meta and moment(meta["expires"]) <= BUILT
        if not meta.get("draft") and moment(meta["date"]) <= BUILT and not gone:
            items.append((f"nieuws/{path.name[:4]}/{path.name[5:7]}/{path.name[11:-3]}/", meta))
    return items


def fiches(zone: str) -> list[tuple[str, str, dict]]:
    """(plan id, address, fiche YAML) of every fiche of the zone."""
    found = []
    for plan_file in sorted((FIXTURES / zone / "plans").glob("*/actieplan.yml")):
        plan_id = yaml.safe_load(plan_file.read_text(encoding="utf-8"))["id"]
        for path in sorted((plan_file.parent / "fiches").glob("*.yml")):
            fiche = yaml.safe_load(path.read_text(encoding="utf-8"))
            key = str(fiche.get("id") or path.stem)
            found.append((f"{plan_id}/{key}", f"{plan_id}/actie-{slugify(key)}/", fiche))
    return found


def tag_items(zone: str) -> dict[str, list[tuple[dt.datetime, str, dict]]]:
    """Tag page address → (moment, item address, front matter) of its items."""
    tags: dict[str, list] = {}
    for url, meta in news(zone):
        for tag in meta.get("tags", []):
            tags.setdefault(f"nieuws/onderwerp/{slugify(tag)}/", []).append((moment(meta["date"]), url, meta))
    return tags


def fiche_items(zone: str) -> dict[str, list[tuple[dt.datetime, str]]]:
    """Fiche page address → (moment, entry address) of its progress entries and its news."""
    expected = {}
    posts = news(zone)
    for reference, address, fiche in fiches(zone):
        entries, days = [], {}
        for update in fiche.get("voortgang") or []:
            day = dt.date.fromisoformat(str(update["datum"]))
            if moment(day) > BUILT:
                continue  # under embargo, like news
            days[day] = days.get(day, 0) + 1  # a second entry on one day: "-2"
            anchor = f"voortgang-{day.isoformat()}" + (f"-{days[day]}" if days[day] > 1 else "")
            entries.append((moment(day), f"{address}#{anchor}"))
        entries += [(moment(meta["date"]), url) for url, meta in posts if reference in meta.get("actions", [])]
        expected[address] = entries
    return expected


def newest(entries: list[tuple]) -> list[str]:
    """The addresses a feed must hold, newest first."""
    chosen = sorted(entries, key=lambda entry: (entry[0], entry[1]), reverse=True)[:FEED_ITEMS]
    return [SITE_URL + entry[1] for entry in chosen]


def read_feeds(site: Path, page: str) -> dict[str, list[str]]:
    """The entry addresses of a page's RSS, Atom and JSON Feed, in the order they hold them."""
    rss = etree.fromstring((site / page / "feed.xml").read_bytes())
    atom = etree.fromstring((site / page / "atom.xml").read_bytes())
    data = json.loads((site / page / "feed.json").read_text(encoding="utf-8"))
    return {"rss": [item.findtext("guid") for item in rss.findall("channel/item")],
            "atom": [entry.findtext(ATOM + "id") for entry in atom.findall(ATOM + "entry")],
            "json": [item["id"] for item in data["items"]]}


def topics(zone: str) -> dict[str, list[str]]:
    """Every topic and fiche page of a zone with the addresses its feeds must hold."""
    pages = {page: newest([(when, url) for when, url, _ in items]) for page, items in tag_items(zone).items()}
    pages.update({page: newest(entries) for page, entries in fiche_items(zone).items()})
    return pages


@pytest.mark.parametrize("zone", ZONES)
def test_each_topic_and_fiche_feed_holds_exactly_its_items(fixture_site, zone):
    site = fixture_site(zone).path
    expected = topics(zone)
    for page, addresses in expected.items():
        found = read_feeds(site, page)
        assert found == {"rss": addresses, "atom": addresses, "json": addresses}, page
    if zone == "dender-zuid":  # the example has news and progress in one fiche, and topics
        assert sum(1 for page in expected if page.startswith("nieuws/onderwerp/")) >= 8
        mixed = [page for page, addresses in expected.items() if any("#voortgang-" in a for a in addresses)
                 and any("/nieuws/" in a for a in addresses)]
        assert mixed, "no fiche of the example has both progress and news"


@pytest.mark.parametrize("zone", ZONES)
def test_every_topic_feed_passes_the_validator_rules(fixture_site, zone):
    site = fixture_site(zone).path
    for page in topics(zone):
        rss = check_rss((site / page / "feed.xml").read_bytes(), SITE_URL + page + "feed.xml")
        atom = check_atom((site / page / "atom.xml").read_bytes(), SITE_URL + page + "atom.xml")
        assert (rss.errors, rss.warnings, atom.errors, atom.warnings) == ([], [], [], []), page


@pytest.mark.parametrize("zone", ZONES)
def test_json_feeds_follow_the_1_1_spec_and_match_the_rss(fixture_site, zone):
    site = fixture_site(zone).path
    jsonschema.Draft202012Validator.check_schema(JSON_FEED_SCHEMA)
    validator = jsonschema.Draft202012Validator(JSON_FEED_SCHEMA)
    for page in ["", *topics(zone)]:
        data = json.loads((site / page / "feed.json").read_text(encoding="utf-8"))
        errors = [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(data)]
        assert errors == [], (page, errors)
        assert data["feed_url"] == SITE_URL + page + "feed.json" and data["home_page_url"] == SITE_URL + page
        rss = etree.fromstring((site / page / "feed.xml").read_bytes())
        assert [(i["title"], i["url"], i["summary"]) for i in data["items"]] == [
            (item.findtext("title"), item.findtext("link"), html.unescape(item.findtext("description")))
            for item in rss.findall("channel/item")], page
        for item in data["items"]:
            published = dt.datetime.fromisoformat(item["date_published"])
            assert published.utcoffset() is not None and published <= BUILT
    # The schema can fail: a feed without the version, an item without content.
    broken = {"title": "x", "items": [{"id": "a", "date_published": "2024-01-01"}]}
    assert len(list(validator.iter_errors(broken))) == 3


def test_json_feed_items_carry_the_news_items_content(example_site):
    for page, items in tag_items("dender-zuid").items():
        data = json.loads((example_site.path / page / "feed.json").read_text(encoding="utf-8"))
        by_url = {url: meta for _, url, meta in items}
        for item in data["items"]:
            meta = by_url[item["url"].removeprefix(SITE_URL)]
            assert item["title"] == meta["title"] and sorted(item["tags"]) == sorted(meta["tags"])
            assert "<p>" in item["content_html"] or "<figure>" in item["content_html"]
            assert not re.search(r'(href|src)="(?!https?://|mailto:|tel:)', item["content_html"])


def ical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b""), "RFC 5545 3.1: CRLF"
    return data.split(b"\r\n")[:-1]


@pytest.mark.parametrize("zone", ZONES)
def test_each_tag_calendar_holds_its_events_as_the_site_calendar_does(fixture_site, zone):
    site = fixture_site(zone).path
    agenda = Calendar.from_ical((site / "agenda.ics").read_bytes())
    site_events = {str(event["UID"]): event for event in agenda.walk("VEVENT")}
    by_page = {re.search(r"Meer info: (\S+)", str(e["DESCRIPTION"]))[1]: uid for uid, e in site_events.items()}
    tags = tag_items(zone)
    for page, items in tags.items():
        data = (site / page / "agenda.ics").read_bytes()
        for line in ical_lines(data):
            assert len(line) <= 75, "RFC 5545 3.1: lines are folded at 75 octets"
        calendar = Calendar.from_ical(data)
        assert (str(calendar["VERSION"]), bool(calendar.get("PRODID"))) == ("2.0", True)
        events = calendar.walk("VEVENT")
        expected = {by_page[SITE_URL + url] for _, url, meta in items if meta.get("event")}
        assert {str(event["UID"]) for event in events} == expected and len(events) == len(expected), page
        for event in events:
            assert all(event.get(name) for name in ("UID", "DTSTAMP", "DTSTART", "STATUS")), page
            # Same UID, STATUS, times and text as in agenda.ics: a subscriber's calendar matches them.
            assert event.to_ical() == site_events[str(event["UID"])].to_ical(), page
    if zone == "dender-zuid":
        statuses = {str(site_events[uid]["STATUS"]) for page in tags
                    for uid in {str(e["UID"]) for e in Calendar.from_ical(
                        (site / page / "agenda.ics").read_bytes()).walk("VEVENT")}}
        assert "CANCELLED" in statuses, "a cancelled event stays in its topics' calendars"


def follow_targets(site: Path, page: str) -> list[Path]:
    """The files a page's "volg" box and its head's feed links point to, as paths in the built site."""
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    box = soup.select_one("article .zs-follow")
    assert box is not None, f"{page} has no volg links"
    hrefs = [a["href"] for a in box.select("a[href]")]
    hrefs += [link["href"] for link in soup.select("head link[rel=alternate]")]
    targets = []
    for href in hrefs:
        if href.startswith("webcal://"):
            href = SITE_URL + href.removeprefix("webcal://").split("/", 1)[1]
        address = urljoin(SITE_URL + page, href)
        assert address.startswith(SITE_URL), href
        targets.append(site / urlsplit(address).path.lstrip("/"))
    return targets


@pytest.mark.parametrize("zone", ZONES)
def test_volg_links_on_topic_and_fiche_pages_reach_their_files(fixture_site, zone):
    site = fixture_site(zone).path
    for page in topics(zone):
        targets = follow_targets(site, page)
        own = {site / page / name for name in ("feed.xml", "atom.xml", "feed.json")}
        if page.startswith("nieuws/onderwerp/"):
            own.add(site / page / "agenda.ics")
        assert own <= set(targets), page
        assert all(target.is_file() for target in targets), page
    text = (site / "nieuws" / "index.html").read_text(encoding="utf-8")
    assert "Volg via RSS" in text and 'href="../feed.json"' in text


def test_the_explanation_is_the_news_index_one(example_site):
    """One macro: the tag and fiche pages explain feeds in the words of the news index."""
    def explanation(page: str) -> str:
        soup = BeautifulSoup((example_site.path / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        return soup.select("article .zs-follow p")[1].get_text(" ", strip=True)

    index = explanation("nieuws/")
    assert "RSS-lezer" in index
    pages = list(topics("dender-zuid"))
    assert all(explanation(page) == index for page in pages)


def test_volg_links_are_seen_and_can_be_clicked(example_site, serve, page):
    """In Chromium at phone width: every "volg" link lies inside the page and nothing covers it."""
    base = serve(example_site.path)
    page.set_viewport_size({"width": 375, "height": 800})
    for url in ("nieuws/onderwerp/vorming/", "actieplan-2024/actie-2/"):
        page.goto(base + url)
        links = page.locator("article .zs-follow a")
        assert links.count() >= 3, url
        for number in range(links.count()):
            link = links.nth(number)
            link.scroll_into_view_if_needed()
            box = link.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375 and box["height"] > 0, url
            # The middle of its first line: a link that wraps has a bounding box wider than its text.
            hit = link.evaluate("""a => { const r = a.getClientRects()[0];
                return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2).closest('a') === a; }""")
            assert hit, (url, number)
