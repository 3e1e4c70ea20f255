"""Monthly newsletters: email-safe HTML, plain text and web archive, from a real build."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import EXAMPLE, ROOT, build_site, make_project, squash
from test_news import add_item, example_items

GMAIL_CLIP = 102_400
ARTIFACTS = ROOT / "test-artifacts"
UNSUBSCRIBE = "*|UNSUB|*"


def months_with_items() -> dict[str, list[tuple[str, dict]]]:
    """month → items, by the content model's rule for the `newsletter` key."""
    months = defaultdict(list)
    for url, meta in example_items():
        choice = meta.get("newsletter", True)
        if choice is False or meta.get("draft"):
            continue
        month = choice if isinstance(choice, str) else str(meta["date"])[:7]
        months[month].append((url, meta))
    return months


def check_email(html_file: Path, items: list[tuple[str, dict]]) -> BeautifulSoup:
    raw = html_file.read_bytes()
    assert len(raw) < GMAIL_CLIP, f"{html_file} is {len(raw)} bytes: Gmail would clip it"
    soup = BeautifulSoup(raw, "html.parser")
    assert soup.html["lang"].startswith("nl")
    assert not soup.find_all("script")
    assert not soup.find_all("link")
    assert all("@import" not in style.get_text() for style in soup.find_all("style"))
    for element in soup.find_all(href=True):
        assert re.match(r"^(https?://|mailto:)", element["href"]) or element["href"] == UNSUBSCRIBE, element["href"]
    for image in soup.find_all("img"):
        assert image["src"].startswith("https://")
        assert image.get("alt") and image.get("width")
    assert all(t.get("role") == "presentation" for t in soup.find_all("table"))
    hrefs = {a["href"] for a in soup.find_all("a")}
    assert UNSUBSCRIBE in hrefs
    assert any(a.get_text(strip=True) == "Bekijk in uw browser" for a in soup.find_all("a"))
    text = squash(soup.get_text(" "))
    for url, meta in items:
        assert squash(meta["title"]) in text
        assert "https://denderzuid.zonesite.example/" + url in hrefs
    # Styles are inlined: the layout survives clients that drop <style>.
    assert soup.select_one(".header")["style"]
    return soup


def test_every_example_month_has_a_valid_email_and_text(example_site):
    months = months_with_items()
    assert len(months) >= 4
    sizes = {}
    for month, items in months.items():
        folder = example_site.path / "nieuwsbrief" / month
        check_email(folder / "email.html", items)
        sizes[month] = (folder / "email.html").stat().st_size
        text = (folder / "email.txt").read_text(encoding="utf-8")
        for url, meta in items:
            assert meta["title"] in text
            assert "https://denderzuid.zonesite.example/" + url in text
        assert UNSUBSCRIBE in text
        web = example_site.text(f"nieuwsbrief/{month}/")
        for _, meta in items:
            assert squash(meta["title"]) in web
    print("newsletter sizes:", sizes)


def test_moved_and_excluded_items_follow_the_newsletter_key(example_site):
    for url, meta in example_items():
        own = example_site.path / "nieuwsbrief" / str(meta["date"])[:7] / "email.txt"
        if meta.get("newsletter") is False or isinstance(meta.get("newsletter"), str):
            assert not own.exists() or meta["title"] not in own.read_text(encoding="utf-8")
        if isinstance(meta.get("newsletter"), str):
            assert meta["title"] in (example_site.path / "nieuwsbrief" / meta["newsletter"] / "email.txt").read_text()


def test_archive_lists_every_month_newest_first(example_site):
    links = [a["href"] for a in example_site.html("nieuwsbrief/").select("article .zs-card a")]
    assert links == [f"{month}/" for month in sorted(months_with_items(), reverse=True)]
    nav = [a.get_text(strip=True) for a in example_site.html("").select(".md-tabs a")]
    assert "Nieuwsbrief" in nav


def test_intro_progress_and_events_are_in_the_month(example_site):
    intro = (EXAMPLE / "news" / "nieuwsbrief").glob("*.md")
    for file in intro:
        first_line = file.read_text(encoding="utf-8").strip().splitlines()[0]
        assert squash(first_line) in squash((example_site.path / "nieuwsbrief" / file.stem / "email.txt").read_text())
    for fiche_file in (EXAMPLE / "plans").glob("*/fiches/*.yml"):
        fiche = yaml.safe_load(fiche_file.read_text(encoding="utf-8"))
        for update in fiche.get("voortgang") or []:
            month = update["datum"].strftime("%Y-%m")
            email = example_site.path / "nieuwsbrief" / month / "email.txt"
            if email.exists():
                assert fiche["titel"] in email.read_text(encoding="utf-8")


def test_a_busy_month_stays_under_gmails_limit(tmp_path):
    project = make_project(tmp_path / "project", EXAMPLE / "plans")
    image = next((EXAMPLE / "news").glob("*/beelden/*.jpg"))
    (project / "news" / "2025" / "beelden").mkdir(parents=True)
    (project / "news" / "2025" / "beelden" / "foto.jpg").write_bytes(image.read_bytes())
    long = "Een lange samenvatting over zorg en welzijn in de zone, met veel details. " * 6
    for day in range(1, 21):
        add_item(project, f"2025-03-{day:02d}-bericht-{day}.md", title=f"Bericht {day} over de zone",
                 date=f"2025-03-{day:02d}", description=f"'{long.strip()}'",
                 extra="image: {src: beelden/foto.jpg, alt: 'Een tekening'}",
                 body="Een heel lange tekst. " * 400)
    site = build_site(project, tmp_path / "site").path
    email = site / "nieuwsbrief" / "2025-03" / "email.html"
    items = [(f"nieuws/2025/03/bericht-{d}/", {"title": f"Bericht {d} over de zone"}) for d in range(1, 21)]
    check_email(email, items)
    print("20-item newsletter:", email.stat().st_size, "bytes")


@pytest.mark.parametrize("width", [600, 375])
def test_email_fits_the_screen_without_sideways_scrolling(example_site, serve, browser, width):
    month = max(months_with_items())
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    # Offline, as many mail clients show it before images load: alt texts must not widen the layout.
    tab.goto(serve(example_site.path) + f"nieuwsbrief/{month}/email.html")
    scroll = tab.evaluate("document.documentElement.scrollWidth")
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"newsletter-{month}-{width}px.png"), full_page=True)
    context.close()
    assert scroll <= width
