"""Unit tests: the pipeline's steps in this process, in milliseconds, without a build.

What they need is made here or read from the small valid plan set in tests/broken/base; the
expected values come from the calendar, the time zone rules and the editors' guide, not from
running the code."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from conftest import BROKEN_BASE, ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from zonesite import claims, dates, urls  # noqa: E402
from zonesite.content import Content, Post, load_content  # noqa: E402
from zonesite.errors import ContentError  # noqa: E402
from zonesite.models.fiche import ProgressUpdate  # noqa: E402
from zonesite.models.news import NewsItem  # noqa: E402
from zonesite.publish import hidden, publish  # noqa: E402
from zonesite.render import Renderer, toc  # noqa: E402

UTC = dt.timezone.utc
NOW = dt.datetime(2025, 6, 1, 10, 0, tzinfo=UTC)  # 12:00 in Brussels (summer time)


def post(slug: str, date: str, **front) -> Post:
    item = NewsItem.model_validate({"title": slug, "date": date, "description": f"Over {slug}.", **front})
    return Post(item, date[:4], date[5:7], slug, body="Tekst.", source=f"news/{date[:4]}/{slug}.md",
                folder=Path("news"))


# --- the publish gate ---------------------------------------------------------------------------

def test_the_public_site_sees_neither_drafts_nor_items_under_embargo():
    content = Content(now=NOW, posts=[post("gepland", "2025-06-01 14:00"), post("concept", "2025-05-01", draft=True),
                                      post("gisteren", "2025-05-31"), post("vanmorgen", "2025-06-01 11:30")])
    shown = publish(content)
    # 11.30 in Brussels is 09.30 UTC, before NOW; 14.00 in Brussels is after it.
    assert sorted(p.slug for p in shown.posts) == ["gisteren", "vanmorgen"]
    assert len(content.posts) == 4  # the loaded content is left as it was


def test_the_preview_shows_drafts_but_not_what_is_under_embargo():
    content = Content(now=NOW, posts=[post("gepland", "2025-06-02"), post("concept", "2025-05-01", draft=True)])
    assert [p.slug for p in publish(content, preview=True).posts] == ["concept"]


def test_progress_dated_after_the_build_waits_like_news():
    loaded, problems = load_content(BROKEN_BASE.parent, NOW)
    assert not problems.items, problems.items
    plan_id, fiches = next((plan, found) for plan, found in loaded.fiches.items() if found)
    entries = [ProgressUpdate(datum="2025-05-31", tekst="Gestart."), ProgressUpdate(datum="2025-06-02", tekst="Later.")]
    fiche = fiches[0].model_copy(update={"progress": entries})
    loaded.fiches[plan_id] = [fiche]
    loaded.sources[id(fiche)] = "plans/x.yml"
    view = publish(loaded)
    shown = view.fiches[plan_id][0]
    assert [entry.text for entry in shown.progress] == ["Gestart."]
    assert fiche.progress == entries  # the loaded fiche is not changed
    assert view.source_of(shown) == "plans/x.yml"  # "edit this page" still finds the file


def test_verify_gets_the_split_the_gate_makes():
    content = Content(now=NOW, posts=[post("gepland", "2025-06-02"), post("concept", "2025-05-01", draft=True),
                                      post("oud", "2025-01-01")])
    secret, public = hidden(content)
    assert sorted(p.slug for p in secret) == ["concept", "gepland"]
    assert [p.slug for p in public] == ["oud"]


def test_expired_items_keep_their_page_but_leave_every_list():
    content = Content(now=NOW, posts=[
        post("vandaag-om-twaalf", "2025-05-01", expires="2025-06-01 12:00"),  # 10.00 UTC: exactly NOW
        post("vandaag", "2025-05-01", expires="2025-06-01"),  # from midnight in Brussels
        post("morgen", "2025-05-01", expires="2025-06-02"),
        post("vanavond", "2025-05-01", expires="2025-06-01 18:00"),
        post("nooit", "2025-05-01"),
        post("concept", "2025-05-01", draft=True, expires="2025-05-20")])
    shown = publish(content)
    assert [p.slug for p in shown.posts] == ["morgen", "vanavond", "nooit"]
    assert [p.slug for p in shown.expired] == ["vandaag-om-twaalf", "vandaag"]  # a draft stays out
    # The preview shows expiry as the public site does: it is about time, not about drafts.
    preview = publish(content, preview=True)
    assert [p.slug for p in preview.posts] == ["morgen", "vanavond", "nooit"]
    assert [p.slug for p in preview.expired] == ["vandaag-om-twaalf", "vandaag", "concept"]


@pytest.mark.parametrize("date, expires", [("2025-03-10", "2025-03-10"), ("2025-03-10", "2025-03-09"),
                                           ("2025-03-10 14:00", "2025-03-10")])
def test_an_item_cannot_expire_before_it_appears(date, expires):
    with pytest.raises(ValueError, match="verloopt al voor het verschijnt"):
        NewsItem.model_validate({"title": "t", "date": date, "description": "d.", "expires": expires})


@pytest.mark.parametrize("event, problem", [
    ({"vorm": "online", "link": "mailto:webinar@example.org"}, "is geen webadres"),
    ({"vorm": "hybride", "link": "https://meet.example.org/x"}, "zeg waar de activiteit plaatsvindt"),
    ({"vorm": "online"}, "heeft een link nodig"),
])
def test_taking_part_online_needs_a_web_address_and_hybrid_a_place(event, problem):
    with pytest.raises(ValueError, match=problem):
        NewsItem.model_validate({"title": "t", "date": "2025-03-10", "description": "d.",
                                 "event": {"start": "2025-04-01 12:30", **event}})


# --- dates and the Brussels time zone -----------------------------------------------------------

@pytest.mark.parametrize("day, offset_hours", [(dt.date(2025, 1, 15), 1), (dt.date(2025, 7, 15), 2),
                                               (dt.date(2025, 3, 30), 1), (dt.date(2025, 10, 26), 2)])
def test_a_bare_date_starts_at_midnight_in_brussels(day, offset_hours):
    # Summer time starts on the last Sunday of March (at 02.00) and ends on the last Sunday of
    # October (at 03.00): at midnight of those days the old offset still holds.
    start = dates.moment_start(day)
    assert (start.hour, start.minute) == (0, 0)
    assert start.utcoffset() == dt.timedelta(hours=offset_hours)


def test_the_timeline_marks_the_brussels_month_not_the_utc_month():
    new_year = dt.datetime(2025, 12, 31, 23, 30, tzinfo=UTC)  # already 1 January 2026 in Brussels
    assert dates.current_month(2025, new_year) is None
    assert dates.current_month(2026, new_year) == 1
    assert dates.current_month(2025, dt.datetime(2025, 5, 31, 21, 59, tzinfo=UTC)) == 5


def test_the_build_moment_comes_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    assert dates.build_time() == dt.datetime(1970, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=1_795_000_000)


def test_a_garbled_source_date_epoch_says_what_to_write(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    with pytest.raises(ContentError) as refused:
        dates.build_time()
    problem, = refused.value.problems
    assert str(problem).startswith("SOURCE_DATE_EPOCH: 'gisteren' is geen bouwmoment — geef seconden sinds 1970")


def test_dates_are_written_the_flemish_way():
    evening = dt.datetime(2026, 12, 10, 18, 30, tzinfo=dates.BRUSSELS)
    assert dates.long_date(dt.date(2025, 5, 17)) == "17 mei 2025"
    assert dates.time_of_day(evening) == "18.30 uur"
    assert dates.event_when(evening, evening.replace(hour=21)) == "donderdag 10 december 2026 van 18.30 tot 21.30 uur"
    assert dates.event_when(dt.date(2026, 3, 2), None) == "maandag 2 maart 2026 (hele dag)"
    assert dates.month_abbr(9) == "sep"


# --- addresses ----------------------------------------------------------------------------------

def test_links_between_pages_work_under_any_base_path():
    assert urls.relative("actieplan-2025/actie-2-1/", "nieuws/2025/03/proef/") == "../../../../actieplan-2025/actie-2-1/"
    assert urls.relative("", "agenda/") == "../"
    assert urls.relative("agenda/", "agenda/") == "./"
    assert urls.relative("nieuws/#archief", "") == "nieuws/#archief"


def test_addresses_are_built_from_stable_keys():
    assert urls.fiche("actieplan-2025", "2.1") == "actieplan-2025/actie-2-1/"
    assert urls.tag("Geestelijke gezondheid") == "nieuws/onderwerp/geestelijke-gezondheid/"
    assert urls.tag("Zórg") == urls.tag("zorg")
    assert len(urls.slug("woord " * 1000)) <= 80  # a file name the file system accepts


def test_full_addresses_have_one_fallback():
    assert urls.absolute(urls.RSS, "https://zone.example/site/") == "https://zone.example/site/feed.xml"
    assert urls.absolute(urls.RSS, "https://zone.example/site") == "https://zone.example/site/feed.xml"
    assert urls.absolute("agenda/", "") == "http://localhost/agenda/"


def test_an_address_taken_twice_names_the_first_owner():
    taken = claims.Claims({"nieuws/": "de nieuwspagina"})
    assert taken.claim("actieplan-2025/actie-2-1/", "plans/actieplan-2025/fiches/2-1.yml") is None
    # A web server on a case-insensitive disk, or a reader, takes these for the same address.
    assert taken.claim("actieplan-2025/Actie-2-1/", "plans/b.yml") == "plans/actieplan-2025/fiches/2-1.yml"
    assert taken.claim("Nieuws/", "plans/nieuws.yml") == "de nieuwspagina"


# --- rendering ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def renderer():
    return Renderer(ROOT / "overrides" / "zonesite")


def test_each_text_is_converted_once(renderer, monkeypatch):
    calls = []
    original = renderer._fields.convert
    monkeypatch.setattr(renderer._fields, "convert", lambda text: calls.append(text) or original(text))
    first = renderer.markdown("Een **vette** tekst.")
    assert renderer.markdown("Een **vette** tekst.") is first
    assert calls == ["Een **vette** tekst."]
    assert "<strong>vette</strong>" in first


def test_an_editors_script_does_not_survive_conversion(renderer):
    html = renderer.markdown('Hallo <script>alert(1)</script><a href="javascript:alert(2)">x</a>')
    assert "<script" not in html and "javascript:" not in html
    body = renderer.body('## Kop\n\n<img src=x onerror="alert(3)">')
    assert "onerror" not in body and 'id="kop"' in body


def test_headings_carry_an_anchor_and_form_the_outline():
    page = ('<h1 id="titel">Titel</h1><p>x</p><h2 id="a">A &amp; b<a class="headerlink" href="#a">¶</a></h2>'
            '<h3 id="a1">A1</h3><h2 id="b">B</h2><h2>zonder id</h2>')
    outline = toc(page)
    assert [(t["id"], t["name"]) for t in outline] == [("titel", "Titel")]
    assert [(t["id"], t["name"], t["level"]) for t in outline[0]["children"]] == [("a", "A &amp; b", 2), ("b", "B", 2)]
    assert [t["id"] for t in outline[0]["children"][0]["children"]] == ["a1"]
