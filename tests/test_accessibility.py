"""Accessibility: axe-core in Chromium finds no WCAG 2.2 A/AA violation, light and dark."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from zonesite.verify import axe_violations as violations  # the gate's own check

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

PAGE_TYPES = {
    "home": "",
    "policy plan": "beleidsplan-2024-2026/",
    "strategic objective": "beleidsplan-2024-2026/sd-1/",
    "operational objective": "beleidsplan-2024-2026/od-1-1/",
    "action plan overview": "actieplan-2024/",
    "timeline": "actieplan-2024/tijdlijn/",
    "about the action plan": "actieplan-2024/over-dit-plan/",
    "fiche": "actieplan-2024/actie-2/",
    "fiche with results": "actieplan-2024/actie-4/",
    "news index": "nieuws/",
    "news item": "nieuws/2026/11/terugblik-studiedag-geestelijke-gezondheid/",
    "event": "nieuws/2026/11/netwerkavond-10-december/",
    "tag page": "nieuws/onderwerp/vorming/",
    "agenda": "agenda/",
    "municipalities": "gemeente/",
    "municipality": "gemeente/ninove/",
    "newsletter archive": "nieuwsbrief/",
    "newsletter web version": "nieuwsbrief/2026-11/",
    "guide": "handleiding/",
    "field guide": "handleiding/velden/",
    "accessibility statement": "toegankelijkheid/",
    "print view": "actieplan-2024/afdrukken/",
    "policy plan print view": "beleidsplan-2024-2026/afdrukken/",
    "progress report": "actieplan-2024/voortgangsrapport/",
    "privacy statement": "privacy/",
    "open data": "data/",
    "not found": "404.html",
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.skip("axe-core ontbreekt: npm ci (make test doet dit)")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_wcag_violations_on_any_page_type(example_site, serve, browser, axe_source, scheme):
    base = serve(example_site.path)
    context = browser.new_context(color_scheme=scheme, locale="nl-BE")
    tab = context.new_page()
    found = {}
    for name, url in PAGE_TYPES.items():
        assert (example_site.path / url).is_file() or (example_site.path / url / "index.html").is_file(), url
        tab.goto(base + url)
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
            ("slate" if scheme == "dark" else "default")
        if problems := violations(tab, axe_source):
            found[name] = problems
    context.close()
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_newsletter_email_has_no_wcag_violations(example_site, serve, browser, axe_source):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(serve(example_site.path) + "nieuwsbrief/2026-11/email.html")
    problems = violations(tab, axe_source)
    context.close()
    assert not problems, problems


# Pages that only real plans produce: hatched "roughly" months, notes beside timeline rows,
# sub-actions, appendices, fiches without number or status.
REAL_PLAN_PAGES = {
    "zuidoost-hageland": ["actieplan-2025/tijdlijn/", "actieplan-2025/actie-it-workflow/",
                          "actieplan-2025/over-dit-plan/", "actieplan-2025/", "beleidsplan/"],
    "noord-limburg": ["actieplan-2025/actie-4-1-1/", "actieplan-2025/tijdlijn/"],
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_real_plan_pages_have_no_wcag_violations(fixture_site, serve, browser, axe_source, scheme):
    context = browser.new_context(color_scheme=scheme, locale="nl-BE")
    tab = context.new_page()
    found = {}
    for name, urls in REAL_PLAN_PAGES.items():
        site = fixture_site(name)
        base = serve(site.path)
        for url in urls:
            assert (site.path / url / "index.html").is_file(), url
            tab.goto(base + url)
            if problems := violations(tab, axe_source):
                found[f"{name}/{url}"] = problems
    context.close()
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)
