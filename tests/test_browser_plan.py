"""The action plan's filters in a real browser (Playwright driving Debian's Chromium)."""

from __future__ import annotations

from collections import Counter

import yaml
from conftest import EXAMPLE


def fiches():
    folder = next((EXAMPLE / "plans").glob("*/fiches"))
    return folder.parent.name, [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.yml"))]


def visible_cards(page) -> int:
    return page.locator(".zs-fiches > li:visible").count()


def test_filters_narrow_the_list_and_reset(example_site, serve, page):
    plan_id, data = fiches()
    page.goto(serve(example_site.path) + f"{plan_id}/")
    assert visible_cards(page) == len(data)
    status = page.get_by_label("Status")
    for value, count in Counter(f["status"] for f in data).items():
        status.select_option(value)
        assert visible_cards(page) == count
        assert page.locator(".zs-filters__count").inner_text().startswith(f"{count} van {len(data)}")
    status.select_option("")
    theme = sorted({t for f in data for t in f.get("themas", [])})[0]
    page.get_by_label("Thema").select_option(theme)
    assert visible_cards(page) == sum(theme in f.get("themas", []) for f in data)
    page.get_by_role("button", name="Wis de filters").click()
    page.wait_for_function(f"document.querySelectorAll('.zs-fiches > li:not([hidden])').length === {len(data)}")


def test_combined_filters_can_show_nothing_and_say_so(example_site, serve, page):
    plan_id, data = fiches()
    page.goto(serve(example_site.path) + f"{plan_id}/")
    sd = str(data[0]["strategische_doelstelling"])
    other_status = next(s for s in ("gepland", "lopend", "afgerond", "uitgesteld", "stopgezet")
                        if not any(f["status"] == s and str(f["strategische_doelstelling"]) == sd for f in data))
    page.get_by_label("Strategische doelstelling").select_option(sd)
    page.get_by_label("Status").select_option(other_status)
    assert visible_cards(page) == 0
    assert page.locator(".zs-empty").is_visible()


def test_filters_work_with_the_keyboard_alone(example_site, serve, page):
    plan_id, data = fiches()
    page.goto(serve(example_site.path) + f"{plan_id}/")
    page.get_by_label("Status").focus()
    wanted = Counter(f["status"] for f in data)
    # ArrowDown on a focused <select> picks the next option without opening it.
    page.keyboard.press("ArrowDown")
    first = page.get_by_label("Status").input_value()
    assert visible_cards(page) == wanted[first]
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.name")
    assert focused == "sd"


def test_timeline_fits_a_phone_by_scrolling_inside_the_table(example_site, serve, browser):
    plan_id, _ = fiches()
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-BE")
    tab = context.new_page()
    tab.goto(serve(example_site.path) + f"{plan_id}/tijdlijn/")
    page_width = tab.evaluate("document.documentElement.scrollWidth")
    region = tab.locator(".zs-timeline")
    assert page_width <= 375
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    context.close()
