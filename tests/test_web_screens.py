"""Every page type in Chromium: no sideways scrolling at 320 px, nothing loaded from another site,
and screenshots at 1280 and 375 px in light and dark for people to look at (test-artifacts/screens/).

A file of its own so that `make test` can run it beside test_web.py on the second worker."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import ROOT
from test_accessibility import PAGE_TYPES

ARTIFACTS = ROOT / "test-artifacts" / "screens"
ALL_PAGES = PAGE_TYPES

OVERFLOW = """width => {
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1) continue;
    let box = el.parentElement, scrolls = false;
    for (; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && box.scrollWidth > box.clientWidth) { scrolls = true; break; }
    }
    if (!scrolls && getComputedStyle(el).visibility !== 'hidden') bad.push(el.tagName + '.' + el.className);
  }
  return bad.slice(0, 5);
}"""


def test_no_page_scrolls_sideways_at_320_px(example_site, serve, browser):
    base = serve(example_site.path)
    context = browser.new_context(viewport={"width": 320, "height": 700}, locale="nl-BE")
    tab = context.new_page()
    wide = {}
    for name, url in ALL_PAGES.items():
        tab.goto(base + url)
        if tab.evaluate("document.documentElement.scrollWidth") > 320 or (found := tab.evaluate(OVERFLOW, 320)):
            wide[name] = tab.evaluate(OVERFLOW, 320)
    context.close()
    assert not wide, wide


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_type_loads_only_from_the_site_and_is_photographed(example_site, serve, browser, scheme):
    base = serve(example_site.path)
    host = urlsplit(base).netloc
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    outside = set()
    for width in (1280, 375):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme, locale="nl-BE")
        context.on("request", lambda request: urlsplit(request.url).netloc != host
                   and not request.url.startswith("data:") and outside.add(request.url))
        tab = context.new_page()
        for name, url in ALL_PAGES.items():
            tab.goto(base + url)
            tab.screenshot(path=str(ARTIFACTS / f"{name.replace(' ', '-')}-{width}-{scheme}.png"), full_page=True)
        context.close()
    assert not outside, sorted(outside)


