"""Monthly newsletters: email-safe HTML, plain text and web archive, from a real build."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BUILD_EPOCH, EXAMPLE, ROOT, TEST_CONFIG, build_site, make_project, squash
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
        text = squash((folder / "email.txt").read_text(encoding="utf-8"))  # wrapped lines joined
        for url, meta in items:
            assert squash(meta["title"]) in text
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
            assert not own.exists() or squash(meta["title"]) not in squash(own.read_text(encoding="utf-8"))
        if isinstance(meta.get("newsletter"), str):
            assert squash(meta["title"]) in squash((example_site.path / "nieuwsbrief" / meta["newsletter"] / "email.txt").read_text())


def test_archive_lists_every_month_newest_first(example_site):
    links = [a["href"] for a in example_site.html("nieuwsbrief/").select("article .zs-card a")]
    assert links == [f"{month}/" for month in sorted(months_with_items(), reverse=True)]
    nav = [a.get_text(strip=True) for a in example_site.html("").select(".md-tabs a")]
    assert "Nieuwsbrief" in nav


def test_intro_progress_and_events_are_in_the_month(example_site):
    issues = {path.name for path in (example_site.path / "nieuwsbrief").iterdir() if re.fullmatch(r"\d{4}-\d{2}", path.name)}
    assert issues

    def email(month: str) -> str:
        return squash((example_site.path / "nieuwsbrief" / month / "email.txt").read_text(encoding="utf-8"))

    for file in (EXAMPLE / "news" / "nieuwsbrief").glob("*.md"):
        first_line = file.read_text(encoding="utf-8").strip().splitlines()[0]
        assert squash(first_line) in email(file.stem)
    progress = 0
    for fiche_file in (EXAMPLE / "plans").glob("*/fiches/*.yml"):
        fiche = yaml.safe_load(fiche_file.read_text(encoding="utf-8"))
        for update in fiche.get("voortgang") or []:
            month = update["datum"].strftime("%Y-%m")
            if month in issues:
                assert squash(fiche["titel"]) in email(month), (fiche_file.name, month)
                progress += 1
    # An issue goes out on the first day of the next month and announces what starts in the six
    # weeks after that (the newsletter's "Agenda: de komende zes weken").
    built = dt.datetime.fromtimestamp(int(BUILD_EPOCH), tz=dt.timezone.utc).date()
    events = 0
    for news_file in (EXAMPLE / "news").glob("[0-9]*/*.md"):
        front = yaml.safe_load(news_file.read_text(encoding="utf-8").split("---")[1])
        published = dt.date.fromisoformat(str(front["date"])[:10])
        if not front.get("event") or front.get("draft") or published > built:
            continue
        start = dt.date.fromisoformat(str(front["event"]["start"])[:10])
        for month in issues:
            year, number = map(int, month.split("-"))
            sent = dt.date(year + number // 12, number % 12 + 1, 1)
            if sent <= start < sent + dt.timedelta(weeks=6):
                assert squash(front["title"]) in email(month), (news_file.name, month)
                events += 1
    assert progress and events, "the example no longer has progress or events in a newsletter month"


# An editor's newsletter intro with every kind of Markdown the text email must read back.
INTRO = """# Welkom

Beste collega, dit is **belangrijk** en _dringend_: lees [het verslag van de Zorgraad](https://example.org/zorgraad/verslagen/2025/maart/verslag-van-de-vergadering.pdf)
of mail <info@example.org>.

- een eerste punt met een heel lange zin die zeker niet op één regel van achtenzeventig tekens past
- een tweede punt
  1. genest
"""


@pytest.fixture(scope="module")
def busy_site(tmp_path_factory):
    """A month with twenty items, each with an image, a long summary and a long body, and an intro."""
    base = tmp_path_factory.mktemp("busy")
    project = make_project(base / "project", EXAMPLE / "plans")
    image = next((EXAMPLE / "news").glob("*/beelden/*.jpg"))
    (project / "news" / "2025" / "beelden").mkdir(parents=True)
    (project / "news" / "2025" / "beelden" / "foto.jpg").write_bytes(image.read_bytes())
    (project / "news" / "nieuwsbrief").mkdir()
    (project / "news" / "nieuwsbrief" / "2025-03.md").write_text(INTRO, encoding="utf-8")
    long = "Een lange samenvatting over zorg en welzijn in de zone, met veel details. " * 6
    for day in range(1, 21):
        add_item(project, f"2025-03-{day:02d}-bericht-{day}.md", title=f"Bericht {day} over de zone",
                 date=f"2025-03-{day:02d}", description=f"'{long.strip()}'",
                 extra="image: {src: beelden/foto.jpg, alt: 'Een tekening'}",
                 body="Een heel lange tekst. " * 400)
    return build_site(project, base / "site")


def test_a_busy_month_stays_under_gmails_limit(busy_site):
    email = busy_site.path / "nieuwsbrief" / "2025-03" / "email.html"
    items = [(f"nieuws/2025/03/bericht-{d}/", {"title": f"Bericht {d} over de zone"}) for d in range(1, 21)]
    check_email(email, items)
    print("20-item newsletter:", email.stat().st_size, "bytes")


def check_text_email(file: Path) -> list[str]:
    """Plain text as a mail program shows it: no Markdown, lines of at most 78 characters but for
    an address that stands alone."""
    lines = file.read_text(encoding="utf-8").splitlines()
    long = [line for line in lines if len(line) > 78 and not re.fullmatch(r"https?://\S+", line)]
    assert not long, (file, long)
    text = "\n".join(lines)
    for marker in (r"\*\*", r"(?<!\w)_\w", r"\w_(?!\w)", r"\]\(", r"^#", r"<https?:"):
        assert not re.search(marker, text, flags=re.M), (file, marker)
    return lines


def test_text_email_is_plain_and_wrapped(example_site, busy_site):
    for file in sorted(example_site.path.glob("nieuwsbrief/*/email.txt")):
        check_text_email(file)
    lines = check_text_email(busy_site.path / "nieuwsbrief" / "2025-03" / "email.txt")
    text = "\n".join(lines)
    # The intro's words survive without their markup: a link as its text and address, list items
    # on lines of their own.
    assert "belangrijk en dringend" in text
    assert ("het verslag van de Zorgraad: https://example.org/zorgraad/verslagen/2025/maart/"
            "verslag-van-de-vergadering.pdf") in squash(text)
    assert "https://example.org/zorgraad/verslagen/2025/maart/verslag-van-de-vergadering.pdf" in lines
    assert "info@example.org" in text
    first = next(i for i, line in enumerate(lines) if line.startswith("- een eerste punt"))
    assert lines[first + 1].startswith("  ") and lines[first + 1].split()[0] != "-"  # under its text
    assert lines[first + 2:first + 4] == ["- een tweede punt", "  1. genest"]
    assert "Welkom" in lines
    for d in range(1, 21):
        assert f"https://denderzuid.zonesite.example/nieuws/2025/03/bericht-{d}/" in text


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


def example_emails(site) -> list[Path]:
    emails = sorted(site.path.glob("nieuwsbrief/*/email.html"))
    assert len(emails) == len(months_with_items())
    return emails


def test_every_link_name_says_where_it_goes(example_site):
    """Read aloud, a link's name tells it apart: one name never leads to two places (WCAG 2.4.4),
    and nothing is hidden with display:none (a screen reader skips that too)."""
    for email in example_emails(example_site):
        soup = BeautifulSoup(email.read_bytes(), "html.parser")
        assert not soup.select('[style*="display: none"], [style*="display:none"]'), email
        places = defaultdict(set)
        for link in soup.find_all("a", href=True):
            words = [link.get_text(" ")] + [image.get("alt", "") for image in link.find_all("img")]
            places[squash(link.get("aria-label") or " ".join(words))].add(link["href"])
        assert all(name for name in places), email
        assert {name: hrefs for name, hrefs in places.items() if len(hrefs) > 1} == {}, email
        month = email.parent.name
        read_more = [name for name in places if name.startswith("Lees meer")]
        assert len(read_more) == len(months_with_items()[month])


# caniemail.com's data on the clients most readers use; see the allow-list below for what may be missing.
CLIENTS = "gmail.*,apple-mail.*,outlook.*"
CANIEMAIL = ROOT / "tests" / "caniemail.mjs"
# Features some of those clients do not support, allowed because the email still reads well
# without them (test_email_holds_without_what_some_clients_drop renders it that way):
DEGRADES = {
    # Outlook for iOS and Android replace <body>: the outer table carries the background too.
    "<body> element",
    # The <style> block kept beside the inlined styles: phone padding and dark mode (@media) and
    # Outlook.com's dark mode (attribute selectors). Gmail's mobile web mail and Outlook for
    # Windows ignore it and show the inlined light design.
    "@media", "Type selector", "Class selector", "Attribute selector", "Chaining selectors",
    "Descendant combinator",
    # Outlook for Windows draws the button with square corners.
    "border-radius",
    # Windows Mail ignores ARIA: its screen reader reads the layout tables as tables and the
    # inbox preview text once more.
    "role attribute", "aria-hidden attribute",
}


def test_email_uses_only_what_mail_clients_support(example_site):
    emails = example_emails(example_site)
    if not (ROOT / "node_modules" / "doiuse-email").is_dir():
        pytest.fail("doiuse-email ontbreekt: npm ci (make test doet dit)")
    run = subprocess.run(["node", str(CANIEMAIL), CLIENTS, *map(str, emails)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert sorted(found) == sorted(map(str, emails))
    breaks = {f"{f['feature']} ({f['client']})" for findings in found.values() for f in findings
              if f["support"] == "n" and f["feature"] not in DEGRADES}
    assert not breaks, sorted(breaks)
    # The lint reads the style block: without it, it would find nothing to allow.
    assert {f["feature"] for findings in found.values() for f in findings} >= {"@media", "border-radius"}


# Per text element: the colours a reader sees, with the background of the nearest painted ancestor.
TEXT_COLOURS = """() => {
  const rgb = value => value.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(c => c / 255)
    .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const own = [...element.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const box = element.getBoundingClientRect();
    if (!own || box.width === 0 || box.height === 0 || parseFloat(getComputedStyle(element).fontSize) === 0) continue;
    let painted = element;
    while (painted && rgb(getComputedStyle(painted).backgroundColor)[3] === 0) painted = painted.parentElement;
    const fg = rgb(getComputedStyle(element).color), bg = painted ? rgb(getComputedStyle(painted).backgroundColor) : [255, 255, 255];
    const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    found.push({text: element.textContent.trim().slice(0, 40), ratio: (light + 0.05) / (dark + 0.05),
                colour: getComputedStyle(element).color, background: painted ? getComputedStyle(painted).backgroundColor : "white"});
  }
  return found;
}"""


BUTTON_COLOURS = """[...document.querySelectorAll('a.button')]
  .map(a => [getComputedStyle(a).color, getComputedStyle(a).backgroundColor])"""


def zone_colours() -> dict:
    return yaml.safe_load(TEST_CONFIG.read_text(encoding="utf-8"))["extra"]["zone"]["colours"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_of_the_email_is_readable_in_light_and_dark(example_site, serve, browser, scheme):
    base = serve(example_site.path)
    context = browser.new_context(color_scheme=scheme, viewport={"width": 600, "height": 900})
    tab = context.new_page()
    primary = "rgb({}, {}, {})".format(*bytes.fromhex(zone_colours()["primary"].lstrip("#")))
    low, seen_buttons = {}, 0
    for email in example_emails(example_site):
        month = email.parent.name
        tab.goto(base + f"nieuwsbrief/{month}/email.html")
        texts = tab.evaluate(TEXT_COLOURS)
        assert texts, month
        low.update({f"{month}: {t['text']}": (round(t["ratio"], 2), t["colour"], t["background"])
                    for t in texts if t["ratio"] < 4.5})
        # The registration button keeps the zone's colours, which are chosen for white text on them.
        buttons = tab.evaluate(BUTTON_COLOURS)
        assert all(button == ["rgb(255, 255, 255)", primary] for button in buttons), (month, buttons)
        seen_buttons += len(buttons)
    context.close()
    assert seen_buttons, "no registration button in any example email"
    assert not low, low


@pytest.mark.parametrize("width", [600, 375])
def test_email_holds_without_what_some_clients_drop(example_site, browser, width):
    """The email as Gmail's mobile web mail and Outlook for Windows show it: no <style> block (no
    @media, no dark mode), no rounded corners, no body styles. Nothing overlaps, nothing is wider
    than 600 px or than the screen, and every text stays readable."""
    email = example_site.path / "nieuwsbrief" / "2026-11" / "email.html"
    soup = BeautifulSoup(email.read_bytes(), "html.parser")
    for style in soup.find_all("style"):
        style.decompose()
    del soup.body["style"]
    for element in soup.find_all(style=True):
        element["style"] = re.sub(r"border-radius:[^;]*;?", "", element["style"])
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.set_content(str(soup))
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    assert tab.evaluate("document.querySelector('.container').getBoundingClientRect().width") <= 600
    blocks = tab.evaluate("""() => [...document.querySelectorAll("h1, h2, h3, p, li, img")]
      .map(e => { const b = e.getBoundingClientRect(); return [e.textContent.trim().slice(0, 30) || e.alt, b.left, b.top, b.right, b.bottom]; })""")
    overlaps = [(a[0], b[0]) for i, a in enumerate(blocks) for b in blocks[i + 1:]
                if a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5 and a[2] < b[4] - 0.5 and b[2] < a[4] - 0.5]
    texts = tab.evaluate(TEXT_COLOURS)
    context.close()
    assert len(blocks) > 10
    assert not overlaps, overlaps
    assert all(t["ratio"] >= 4.5 for t in texts), [t for t in texts if t["ratio"] < 4.5]
