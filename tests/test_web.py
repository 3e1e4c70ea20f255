"""What readers see in Chromium at 1280 and 375 px: the timeline, tables, the public chrome, keyboard.

Measured in the browser (bounding boxes, elementFromPoint, screenshots), not read from the HTML:
a milestone that is in the markup but drawn outside the table counts as missing."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys

import pytest
import yaml
from conftest import BROKEN_BASE, BUILD_EPOCH, EXAMPLE, FIXTURES, ROOT, TEST_CONFIG, build_site, make_project, squash
from test_accessibility import PAGE_TYPES
from test_news import expired_at_build
from test_plan_site import plan_files

ALL_PAGES = PAGE_TYPES
ARTIFACTS = ROOT / "test-artifacts" / "screens"
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def open_page(browser, base: str, url: str, width: int, scheme: str = "light", height: int = 800):
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, locale="nl-BE")
    tab = context.new_page()
    tab.goto(base + url)
    return context, tab


def milestones(plan_id: str) -> list[tuple[str, dict]]:
    _, action = plan_files(EXAMPLE)
    return [(str(f["id"]), m) for f in action[plan_id][1] for m in f.get("mijlpalen") or []]


# --- Timeline -----------------------------------------------------------------------------------

BOX = "el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
HIT = """el => { const r = el.getBoundingClientRect(); const hit = document.elementFromPoint(
  (r.left + r.right) / 2, (r.top + r.bottom) / 2); return !!hit && (hit === el || el.contains(hit)); }"""


def test_timeline_shows_the_whole_year_at_1280(example_site, serve, browser):
    plan_id = "actieplan-2024"
    context, tab = open_page(browser, serve(example_site.path), f"{plan_id}/tijdlijn/", 1280, height=1400)
    region = tab.locator(".zs-timeline")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth"), "the year needs a sideways scroll"
    left, top, right, bottom = region.evaluate(BOX)
    headers = tab.locator(".zs-timeline thead th")
    assert [h.strip() for h in headers.all_inner_texts()[1:]] == MONTHS
    for i in range(13):
        l, t, r, b = headers.nth(i).evaluate(BOX)
        assert left - 0.5 <= l and r <= right + 0.5, f"column {i} is outside the visible table"
        assert headers.nth(i).evaluate(HIT), f"column {i} is not drawn"
    markers = tab.locator(".zs-timeline td .zs-mark")
    expected = milestones(plan_id)
    # Dated steps of "Hoe?" are on the timeline too: at least the plan's milestones, and the list
    # under the table numbers exactly the markers in the cells.
    assert markers.count() >= len(expected)
    assert markers.count() == tab.locator(".zs-milestone-list li li").count()
    for i in range(markers.count()):
        l, t, r, b = markers.nth(i).evaluate(BOX)
        assert left <= l and r <= right and top <= t and b <= bottom, f"milestone {i} outside the table"
        assert markers.nth(i).evaluate(HIT), f"milestone {i} is covered"
    # Each milestone's text is in its cell (read aloud, shown on hover) and in the list below.
    listed = squash(tab.locator(".zs-milestone-list").inner_text())
    for fiche_id, milestone in expected:
        assert squash(milestone["wat"]) in listed
        assert tab.locator(".zs-timeline td .zs-mark__text", has_text=squash(milestone["wat"])).count() >= 1
    # Running months are a fill with at least 3:1 contrast against the page (WCAG 1.4.11).
    ratio = tab.evaluate("""() => {
      const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => v / 255).map(
        v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const bar = getComputedStyle(document.querySelector('td.zs-on'), '::before').backgroundColor;
      const page = getComputedStyle(document.querySelector('.md-main')).backgroundColor;
      const page_ = page === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : page;
      const [a, b] = [lum(bar), lum(page_)].sort((x, y) => y - x); return (a + 0.05) / (b + 0.05); }""")
    assert ratio >= 3, ratio
    assert tab.locator(".zs-legend").is_visible()
    context.close()


@pytest.mark.parametrize("zone", ["zuidoost-hageland", "noord-limburg"])
def test_real_plans_timelines_fit_1280_with_numbered_markers(fixture_site, serve, browser, zone):
    """Sub-actions, other actions and dated steps add rows and markers: the year still fits, every
    marker is drawn, numbered 1, 2, 3 … per row as in the list under the table."""
    plan_id = "actieplan-2025"
    _, action = plan_files(FIXTURES / zone)
    plan, fiches = action[plan_id]
    rows = len(fiches) + sum(len(f.get("deelacties") or []) for f in fiches) + sum(
        1 for other in plan.get("overige_acties") or [] if other.get("wanneer") or other.get("mijlpalen"))
    context, tab = open_page(browser, serve(fixture_site(zone).path), f"{plan_id}/tijdlijn/", 1280, height=1000)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"timeline-{zone}-1280.png"), full_page=True)
    region = tab.locator(".zs-timeline")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth"), "the year needs a sideways scroll"
    assert tab.locator(".zs-timeline tbody tr").count() == rows
    left, _, right, _ = region.evaluate(BOX)
    for row in tab.locator(".zs-timeline tbody tr").all():
        markers = row.locator("td .zs-mark")
        assert [m.inner_text().split()[0] for m in markers.all()] == [str(n) for n in range(1, markers.count() + 1)]
        for marker in markers.all():
            marker.evaluate("el => el.scrollIntoView({block: 'center'})")
            l, _, r, _ = marker.evaluate(BOX)
            assert left <= l and r <= right and marker.evaluate(HIT), marker.get_attribute("title")
    assert tab.locator(".zs-timeline td .zs-mark").count() == tab.locator(".zs-milestone-list li li").count()
    legend = squash(tab.locator(".zs-legend").inner_text())
    assert "ongeveer" in legend
    context.close()


def test_timeline_scrolls_on_a_phone_with_the_actions_in_view(example_site, serve, browser):
    plan_id = "actieplan-2024"
    context, tab = open_page(browser, serve(example_site.path), f"{plan_id}/tijdlijn/", 375)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 375
    region = tab.locator(".zs-timeline")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    first_action = tab.locator(".zs-timeline tbody th").first
    start = first_action.evaluate(BOX)
    targets = [tab.locator(".zs-timeline thead th").nth(i) for i in range(1, 13)]
    markers = tab.locator(".zs-timeline td .zs-mark")
    targets += [markers.nth(i) for i in range(markers.count())]
    assert markers.count() >= len(milestones(plan_id))
    for target in targets:
        target.evaluate("el => el.scrollIntoView({block: 'center', inline: 'center'})")
        assert target.evaluate(HIT), "a month or milestone cannot be scrolled into view"
    region.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert region.evaluate("el => el.scrollLeft") > 0
    assert first_action.evaluate(BOX)[0] == pytest.approx(start[0], abs=1), "the action column scrolled away"
    # Back up the page to the first row (its notes make it tall); the months stay scrolled.
    first_action.evaluate("el => el.scrollIntoView({block: 'center', inline: 'nearest'})")
    assert region.evaluate("el => el.scrollLeft") > 0
    assert first_action.evaluate(HIT)
    context.close()


def test_timeline_marks_this_month_only_while_the_plan_is_current(tmp_path, example_site):
    plan = yaml.safe_load(next(BROKEN_BASE.glob("*/actieplan.yml")).read_text(encoding="utf-8"))
    moment = dt.datetime(plan["jaar"], 3, 15, 12, tzinfo=dt.timezone.utc)
    site = build_site(make_project(tmp_path / "project", BROKEN_BASE), tmp_path / "site",
                      SOURCE_DATE_EPOCH=str(int(moment.timestamp())))
    html = site.html(f"{plan['id']}/tijdlijn/")
    marked = html.select("thead th.zs-now")
    assert [th.abbr.get_text() for th in marked] == ["mrt"]
    assert all(len(row.select("td.zs-now")) == 1 for row in html.select("tbody tr"))
    assert "deze maand (maart)" in squash(html.select_one(".zs-legend").get_text(" "))
    # The example's plan is for 2024, built in 2026: no month is "now".
    assert not example_site.html("actieplan-2024/tijdlijn/").select(".zs-now")


# --- Tables ----------------------------------------------------------------------------------------

TABLE_LOOK = """table => {
  const head = table.querySelector('thead th'), cell = table.querySelector('tbody td');
  const style = el => getComputedStyle(el);
  const box = table.closest('.zs-table-scroll');
  return {ruled: style(cell).borderTopStyle !== 'none' && style(cell).borderTopWidth !== '0px',
          header: style(head).backgroundColor !== style(cell).backgroundColor || style(head).fontWeight >= 700,
          padded: parseFloat(style(cell).paddingLeft) >= 6,
          fits: !!box && box.scrollWidth <= box.clientWidth};
}"""


def test_tables_look_like_tables_and_the_status_table_fits_a_laptop(example_site, serve, browser):
    base = serve(example_site.path)
    for url, selector in (("actieplan-2024/", "table.zs-chart"), ("actieplan-2024/actie-2/", "table.zs-milestones"),
                          ("actieplan-2024/actie-2/", "table.zs-indicator-table"),
                          ("actieplan-2024/over-dit-plan/", "table.zs-table")):
        context, tab = open_page(browser, base, url, 1280)
        tables = tab.locator(selector)
        assert tables.count(), (url, selector)
        for i in range(tables.count()):
            look = tables.nth(i).evaluate(TABLE_LOOK)
            assert look["ruled"] and look["header"] and look["padded"], (url, selector, look)
            if selector == "table.zs-chart":
                assert look["fits"], "the 'Stand van zaken' table needs a sideways scroll at 1280 px"
        context.close()


# --- A public-service site, not a documentation tool ---------------------------------------------

def test_public_chrome_is_the_zones(example_site):
    zone = yaml.safe_load(TEST_CONFIG.read_text(encoding="utf-8"))["extra"]["zone"]
    for name, url in ALL_PAGES.items():
        html = example_site.html(url)
        raw = str(html)
        assert not html.select(".md-source, .md-content__button, .md-footer__link"), name
        assert "Made with" not in raw and "fonts.googleapis" not in raw and "github.com" not in raw, name
        footer = squash(html.select_one("footer").get_text(" "))
        for key in ("name", "address", "email", "phone"):
            assert squash(zone[key]) in footer, (name, key)
        links = {a.get_text(strip=True): a["href"] for a in html.select("footer a")}
        assert {"Toegankelijkheid", "Privacy", "Nieuwsbrief", "Nieuws via RSS"} <= links.keys(), name
        assert links[zone["phone"]].startswith("tel:") and links[zone["email"]] == f"mailto:{zone['email']}"
        tabs = [a.get_text(strip=True) for a in html.select(".md-tabs__link")]
        assert "Handleiding" not in tabs and not html.select('nav a[href*="handleiding/"]'), name
    # The editors' manual is still built, but not found by the public search.
    assert (example_site.path / "handleiding" / "index.html").is_file()
    assert (example_site.path / "handleiding" / "velden" / "index.html").is_file()
    index = (example_site.path / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"handleiding/' not in index.replace(" ", "")
    # No template source published, no theme text in English on the 404 page.
    assert not list(example_site.path.rglob("zonesite/email.txt"))
    not_found = example_site.html("404.html")
    assert "Not found" not in str(not_found)
    form = not_found.select_one("form[role=search]")
    assert form.select_one("input[name=q]") and form.select_one("label")
    sections = {a.get_text(strip=True) for a in not_found.select("article a")}
    assert {"Start", "Nieuws", "Agenda"} <= sections


def test_preview_keeps_the_editors_tools(tmp_path):
    """`mkdocs serve` builds with edit links and the manual in the menu: editors need them."""
    # What `mkdocs serve` does before it serves: tell the plugins the command, then build.
    script = ("import sys, mkdocs.commands.build as b, mkdocs.config as c;"
              "cfg = c.load_config('mkdocs.yml', site_dir=sys.argv[1]);"
              "cfg.plugins.on_startup(command='serve', dirty=False); b.build(cfg)")
    project = make_project(tmp_path / "project", EXAMPLE / "plans", EXAMPLE / "news")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "site")], cwd=project,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH})
    assert result.returncode == 0, result.stderr[-2000:]
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Handleiding" in home
    fiche = (tmp_path / "site" / "actieplan-2024" / "actie-1" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-content__button' in fiche and "plans/actieplan-2024/fiches/" in fiche


def test_home_starts_with_the_action_plan_and_h1_is_readable(example_site, serve, browser):
    _, action = plan_files(EXAMPLE)
    plan_id, (plan, fiches) = max(action.items(), key=lambda item: item[1][0]["jaar"])
    for width in (1280, 375):
        context, tab = open_page(browser, serve(example_site.path), "", width)
        headings = tab.locator("article h2").all_inner_texts()
        assert headings[0].strip() == plan["titel"]
        assert headings.index("Binnenkort") < headings.index("Laatste nieuws")
        counts = squash(tab.locator(".zs-home-counts").inner_text())
        for status in {f["status"] for f in fiches}:
            assert f"{sum(f['status'] == status for f in fiches)} {status}" in counts
        h1, body = tab.evaluate("""() => [getComputedStyle(document.querySelector('article h1')).color,
                                          getComputedStyle(document.querySelector('article')).color]""")
        assert h1 == body, (h1, body)
        context.close()


# --- One voice, one time format, honest links ----------------------------------------------------

TEMPLATES = ROOT / "overrides"
# The editors' field guide talks to editors, not to readers: it is part of the manual.
EDITORS_ONLY = {"field_reference.html"}


def test_interface_texts_use_the_voice_setting():
    pronouns = re.compile(r"\b(je|jij|jou|jouw|u|uw)\b", re.IGNORECASE)
    found = []
    for template in sorted(TEMPLATES.rglob("*.html")) + [TEMPLATES / "zonesite" / "email.txt"]:
        if template.name in EDITORS_ONLY:
            continue
        text = re.sub(r'voice\("[^"]*", "[^"]*"\)', "", template.read_text(encoding="utf-8"))
        text = re.sub(r"\{[{%#].*?[}%#]\}", "", text, flags=re.S)  # Jinja code, not words
        text = re.sub(r"<[^>]+>", " ", text)
        found += [f"{template.name}: {m.group(0)}" for m in pronouns.finditer(text)]
    assert not found, found


def test_times_links_and_past_events(example_site):
    clock = re.compile(r"\b\d{1,2}:\d{2}\b")
    agenda = example_site.html("agenda/")
    for when in agenda.select(".zs-event__when"):
        assert not clock.search(when.get_text()), when.get_text()
        if re.search(r"\d{1,2}\.\d{2}", when.get_text()):
            assert "uur" in when.get_text()
    for event in agenda.select("#voorbij + ul li.zs-event"):
        assert not event.select('a[href$="afspraak.ics"]'), "a past event offers 'add to calendar'"
    for path in (EXAMPLE / "news").glob("[0-9]*/*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if not meta.get("event") or meta.get("draft"):
            continue
        year, month, *_ = path.stem.split("-")
        url = f"nieuws/{year}/{month}/{path.stem[11:]}/"
        page = example_site.html(url)
        box = page.select_one(".zs-event-box")
        assert not clock.search(box.get_text())
        for link in box.select("a[href^=http]"):
            assert link.get_text(strip=True) != link["href"], "a raw address as link text"
        past = any(url.endswith(a["href"].split("../")[-1]) for a in agenda.select("#voorbij + ul h3 a"))
        # Nothing to add to a calendar once it is over, cancelled or no longer current.
        closed = past or meta["event"].get("status") == "geannuleerd" or expired_at_build(meta)
        assert bool(box.select('a[href="afspraak.ics"]')) != closed, url


def test_lists_are_numbered_once_and_progress_is_newest_first(example_site, serve, browser):
    context, tab = open_page(browser, serve(example_site.path), "beleidsplan-2024-2026/", 1280)
    styles = tab.evaluate("() => [...document.querySelectorAll('ol.zs-tree li')].map(li => getComputedStyle(li).listStyleType)")
    assert styles and set(styles) == {"none"}
    tab.goto(serve(example_site.path) + "beleidsplan-2024-2026/od-1-1/")
    numbered = tab.evaluate("""() => [...document.querySelectorAll('ol.zs-plan-actions > li')]
      .filter(li => li.querySelector('.zs-tree__nr')).map(li => getComputedStyle(li).listStyleType)""")
    assert numbered and set(numbered) == {"none"}
    context.close()
    _, action = plan_files(EXAMPLE)
    for plan_id, (plan, fiches) in action.items():
        for fiche in fiches:
            if len(fiche.get("voortgang") or []) < 2:
                continue
            html = example_site.html(f"{plan_id}/actie-{fiche['id']}/")
            progress = html.select_one("ol.zs-progress")
            assert not progress.has_attr("reversed")
            dates = [t["datetime"] for t in progress.select("li > time")]
            assert dates == sorted((str(u["datum"]) for u in fiche["voortgang"]), reverse=True)


def test_field_guide_ids_are_unique(example_site):
    ids = [tag["id"] for tag in example_site.html("handleiding/velden/").find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


# --- Keyboard: visible focus on every stop, nothing focusable out of sight ----------------------

FOCUSED = """async () => {
  // Judge the settled screen: let opening and closing transitions (menus, search) finish first.
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  let r = el.getBoundingClientRect();
  // Material's palette switch is a hidden radio button drawn by the label after it.
  if ((r.width === 0 || r.height === 0) && el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL') {
    el = el.nextElementSibling; r = el.getBoundingClientRect();
  }
  const x = Math.min(Math.max((r.left + r.right) / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max((r.top + r.bottom) / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {name: (el.getAttribute('aria-label') || el.innerText || el.id || el.tagName).trim().slice(0, 50),
          box: [r.left, r.top, r.width, r.height],
          inView: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
          viewport: [innerWidth, innerHeight],
          shown: !!hit && (hit === el || el.contains(hit) || hit.contains(el))};
}"""


def tab_through(tab, limit: int = 120) -> list[dict]:
    """Press Tab until focus leaves the page; per stop: is it in view, on top, drawn differently?"""
    stops = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUSED)
        if stop is None:
            break
        (x, y, w, h), (width, height) = stop["box"], stop["viewport"]
        left, top = max(x - 6, 0), max(y - 6, 0)  # the focus ring and what shows in the viewport
        clip = {"x": left, "y": top, "width": max(min(x + w + 6, width) - left, 1),
                "height": max(min(y + h + 6, height) - top, 1)}
        shot = {"clip": clip, "animations": "disabled"}
        focused = tab.screenshot(**shot) if stop["inView"] else b""
        tab.evaluate("() => { window.__zsStop = document.activeElement; document.activeElement.blur(); }")
        plain = tab.screenshot(**shot) if stop["inView"] else b""
        tab.evaluate("() => window.__zsStop.focus()")
        stop["indicator"] = focused != plain
        stops.append(stop)
    return stops


@pytest.mark.parametrize("width", [1280, 375])
def test_every_keyboard_stop_is_visible_and_shows_focus(example_site, serve, browser, width):
    problems = {}
    for url in ("", "actieplan-2024/tijdlijn/"):
        context, tab = open_page(browser, serve(example_site.path), url, width)
        stops = tab_through(tab)
        assert len(stops) > 10, url
        bad = [s["name"] + (" (out of sight)" if not s["inView"] else " (covered)" if not s["shown"] else " (no focus)")
               for s in stops if not (s["inView"] and s["shown"] and s["indicator"])]
        if bad:
            problems[url or "home"] = bad
        if width == 375:
            menu = [s for s in stops if s["name"] == "Menu"]
            assert menu, "the menu button cannot be reached with Tab"
        context.close()
    assert not problems, problems


def test_menu_opens_and_closes_with_the_keyboard_on_a_phone(example_site, serve, browser):
    context, tab = open_page(browser, serve(example_site.path), "actieplan-2024/", 375)
    button = tab.get_by_role("button", name="Menu")
    button.focus()
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    link = tab.locator(".md-sidebar--primary a.md-nav__link").first
    link.wait_for(state="visible")
    tab.keyboard.press("Escape")
    assert not tab.evaluate("document.getElementById('__drawer').checked")
    assert tab.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"
    context.close()
