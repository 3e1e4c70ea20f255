"""Hostile and odd input: the build never crashes, content never becomes markup, feeds stay valid.

Property-based: hypothesis writes the content; a real `mkdocs build` reads it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import feedparser
import yaml
from bs4 import BeautifulSoup
from conftest import BROKEN_BASE, make_project, mkdocs_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

ATTACKS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<a href=\"javascript:alert(1)\">klik</a>",
    "[klik](javascript:alert(1))",
    "<svg onload=alert(1)>",
    "' onmouseover='alert(1)",
    "{{ config }} {% raw %}",
    "مرحبا بالعالم עברית",
    "‮gnp.exe‬",
    "👩🏽‍⚕️🩺💉 zorg",
    "Zorg & Welzijn <b>vet</b>",
    "*", "_", "`", "# kop", "- ", "> citaat", "|a|b|", "---", "]]>", "\x0b\x1f",
    "é" * 3000,
]

text = st.one_of(st.sampled_from(ATTACKS),
                 st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=80),
                 st.lists(st.sampled_from(ATTACKS), min_size=2, max_size=4).map(" ".join))
# A title must have some visible text, or the build rightly refuses it; that case is tested elsewhere.
title = text.filter(lambda t: t.strip() and t.strip().isprintable())


def write_news(project: Path, fields: dict, body: str) -> Path:
    path = project / "news" / "2025" / "2025-03-10-proef.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n\n" + body + "\n", encoding="utf-8")
    return path


def write_fiche(project: Path, values: dict) -> None:
    path = next((project / "plans").glob("*/fiches/1-*.yml"))
    fiche = yaml.safe_load(path.read_text(encoding="utf-8"))
    fiche.update(values)
    path.write_text(yaml.safe_dump(fiche, allow_unicode=True), encoding="utf-8")


def assert_safe_site(result: subprocess.CompletedProcess, site: Path) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    if result.returncode != 0:
        assert "De inhoud heeft" in output  # refused with the normal, clear message
        return
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            assert not any(name.lower().startswith("on") for name in element.attrs), (page, element)
            for name in ("href", "src"):
                assert not str(element.get(name, "")).strip().lower().startswith("javascript:"), (page, element)
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                # Data for search engines, never run: the title may be in it, but as one JSON text
                # that cannot end the element (no `<`), read back whole.
                assert "<" not in script.string and json.loads(script.string), page
                continue
            assert "alert" not in script.get_text(), page
        assert not soup.find_all(["svg"], attrs={"onload": True})
    for feed in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((site / feed).read_bytes())
        assert not parsed.bozo, parsed.bozo_exception
    Calendar.from_ical((site / "agenda.ics").read_bytes())
    for email in site.glob("nieuwsbrief/*/email.html"):
        soup = BeautifulSoup(email.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find_all("script")
        assert all(not any(n.startswith("on") for n in e.attrs) for e in soup.find_all(True))


SETTINGS = settings(max_examples=6, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(title=title, description=text, tag=title, body=text, location=title)
def test_hostile_news_item(tmp_path_factory, title, description, tag, body, location):
    base = tmp_path_factory.mktemp("hostile-news")
    project = make_project(base / "project", BROKEN_BASE)
    write_news(project, {"title": title, "date": "2025-03-10 09:00", "description": description, "tags": [tag],
                         "actions": ["actieplan-2025/1"],
                         "event": {"start": "2025-04-01 19:00", "end": "2025-04-01 21:00", "location": location}},
               body)
    result = mkdocs_build(project, base / "site")
    assert_safe_site(result, base / "site")
    if result.returncode == 0:
        page = (base / "site" / "nieuws" / "2025" / "03" / "proef" / "index.html").read_text(encoding="utf-8")
        heading = BeautifulSoup(page, "html.parser").select_one("article h1")
        assert heading is not None
        # The title is text in the heading: no element in it but the heading's own ¶ link.
        planted = [tag.name for tag in heading.find_all(True) if "headerlink" not in (tag.get("class") or [])]
        assert planted == [], planted
        for link in heading.select("a.headerlink"):
            link.decompose()
        assert " ".join(heading.get_text().split()) == " ".join(title.split())


@SETTINGS
@given(title=title, why=text, lead=title, step=text, indicator=title)
def test_hostile_fiche(tmp_path_factory, title, why, lead, step, indicator):
    base = tmp_path_factory.mktemp("hostile-fiche")
    project = make_project(base / "project", BROKEN_BASE)
    write_fiche(project, {"titel": title, "waarom": why, "met_wie": {"trekker": lead},
                          "hoe": {"stappen": [{"wanneer": lead, "wat": step}]},
                          "evaluatie": {"proces": {"gekozen": True, "indicatoren": [indicator]}},
                          "themas": [indicator]})
    result = mkdocs_build(project, base / "site")
    assert_safe_site(result, base / "site")


def test_html_in_bodies_is_kept_but_scripts_are_removed(tmp_path):
    project = make_project(tmp_path / "project", BROKEN_BASE)
    write_news(project, {"title": "Proef", "date": "2025-03-10", "description": "Proef."},
               "Tekst met <b>vet</b> en <script>alert('body')</script> en <img src=x onerror=\"alert('img')\"> "
               "en [link](https://example.org/).\n\n<details><summary>Meer</summary>Verborgen</details>\n\n"
               "<div onclick=\"alert('div')\">blok</div>\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert_safe_site(result, tmp_path / "site")
    page = BeautifulSoup((tmp_path / "site/nieuws/2025/03/proef/index.html").read_text(), "html.parser")
    article = page.select_one("article")
    assert article.find("b").get_text() == "vet" and article.find("details") is not None
    assert "alert" not in str(article)
    feed = feedparser.parse((tmp_path / "site" / "atom.xml").read_bytes())
    content = BeautifulSoup(feed.entries[0].content[0].value, "html.parser")
    assert content.find("b") is not None and "alert" not in str(content)
