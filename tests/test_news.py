"""News pages, archives, tags and feeds from a real build, checked against the Markdown files."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import yaml
from conftest import BROKEN_BASE, BUILD_EPOCH, EXAMPLE, build_site, make_project, squash
from slugify import slugify

NEWS = EXAMPLE / "news"
BRUSSELS = ZoneInfo("Europe/Brussels")


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def expired_at_build(meta: dict) -> bool:
    """Whether an item's `expires` (Brussels time; a bare date from its midnight) lies before BUILD_EPOCH."""
    if "expires" not in meta:
        return False
    moment = dt.datetime.fromisoformat(str(meta["expires"]))
    return moment.replace(tzinfo=BRUSSELS) <= dt.datetime.fromtimestamp(int(BUILD_EPOCH), dt.timezone.utc)


def all_example_items():
    """(url, front matter) of every example item, newest first; all are published at BUILD_EPOCH."""
    items = []
    for path in NEWS.glob("[0-9]*/*.md"):
        meta = front_matter(path)
        year, month = path.name[:4], path.name[5:7]
        items.append((f"nieuws/{year}/{month}/{path.name[11:-3]}/", meta))
    return sorted(items, key=lambda item: str(item[1]["date"]), reverse=True)


def example_items():
    """The example items that are current at BUILD_EPOCH: what lists, feeds and newsletters hold."""
    return [(url, meta) for url, meta in all_example_items() if not expired_at_build(meta)]


def expired_items():
    """The example items past their `expires` at BUILD_EPOCH: only their own page is left."""
    return [(url, meta) for url, meta in all_example_items() if expired_at_build(meta)]


def news_index_links(site) -> list[str]:
    links, url = [], "nieuws/"
    while url:
        html = site.html(url)
        links += [re.sub(r"^(\.\./)+", "", a["href"]).removeprefix("nieuws/") for a in html.select(".zs-post__title a")]
        older = html.select_one("a[rel=next]")
        url = "nieuws/" + older["href"].removeprefix("../") if older else None
        url = url.replace("nieuws/nieuws/", "nieuws/") if url else None
    return links


def test_every_item_is_on_the_index_in_order(example_site):
    items = example_items()
    assert len(items) >= 12
    links = news_index_links(example_site)
    assert [l.rstrip("/") for l in links] == [url.removeprefix("nieuws/").rstrip("/") for url, _ in items]


def test_every_item_has_its_page_archives_and_tags(example_site):
    for url, meta in example_items():
        text = example_site.text(url)
        assert squash(meta["title"]) in text
        assert squash(meta["description"]) in text
        year, month = url.split("/")[1:3]
        for archive in (f"nieuws/{year}/", f"nieuws/{year}/{month}/"):
            assert squash(meta["title"]) in example_site.text(archive), f"{url} missing from {archive}"
        for tag in meta.get("tags", []):
            assert squash(meta["title"]) in example_site.text(f"nieuws/onderwerp/{slugify(tag)}/")
        if meta.get("image"):
            img = example_site.html(url).select_one("article figure img")
            assert img["alt"] == meta["image"]["alt"]
            assert (example_site.path / url / img["src"]).is_file()


def test_feeds_hold_every_item_newest_first(example_site):
    items = example_items()
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((example_site.path / name).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.title == "Eerstelijnszone Dender Zuid"
        assert feed.feed.get("language", "nl-BE") == "nl-BE"
        assert [e.title for e in feed.entries] == [meta["title"] for _, meta in items][:len(feed.entries)]
        assert len(feed.entries) == min(len(items), 30) and len(feed.entries) >= 12
        for entry, (url, meta) in zip(feed.entries, items):
            assert entry.link == "https://denderzuid.zonesite.example/" + url
            assert entry.summary == meta["description"] or squash(meta["description"]) in squash(entry.summary)
            assert {t.term for t in entry.get("tags", [])} == set(meta.get("tags", []))
            content = entry.content[0].value
            assert 'src="/' not in content and 'href="/' not in content
            assert not re.search(r'(href|src)="(?!https?://|mailto:)', content), "every address is absolute"
        published = (example_site.path / name).read_text(encoding="utf-8")
        assert "+0100" in published or "+01:00" in published  # Brussels winter time, not UTC
        assert "+0200" in published or "+02:00" in published  # and summer time


def test_pages_announce_the_feeds(example_site):
    for url in ("", "nieuws/", "actieplan-2024/"):
        html = example_site.html(url)
        types = {link["type"] for link in html.select('head link[rel=alternate]')}
        assert {"application/rss+xml", "application/atom+xml"} <= types
    assert "Volg via RSS" in example_site.text("nieuws/")


def test_fiche_and_news_link_both_ways(example_site):
    for url, meta in example_items():
        for reference in meta.get("actions", []):
            plan_id, fiche_id = reference.split("/")
            fiche_url = f"{plan_id}/actie-{slugify(fiche_id)}/"
            item_links = {re.sub(r"^(\.\./)+", "", a["href"]) for a in example_site.html(url).select("article a")}
            assert fiche_url in item_links
            fiche_links = {re.sub(r"^(\.\./)+", "", a["href"]) for a in example_site.html(fiche_url).select("article a")}
            assert url in fiche_links, f"{fiche_url} does not list {url}"


def test_home_shows_the_latest_items(example_site):
    text = example_site.text("")
    for _, meta in example_items()[:3]:
        assert squash(meta["title"]) in text


DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                "oktober", "november", "december")


def test_expired_items_keep_only_their_own_page_marked(example_site):
    expired = expired_items()
    assert expired, "the example no longer has an expired item"
    lists = ["", "nieuws/", "agenda/", "nieuwsbrief/"] + [
        f"nieuws/onderwerp/{slugify(tag)}/" for _, meta in example_items() for tag in meta.get("tags", [])]
    feeds = [(example_site.path / name).read_text(encoding="utf-8") for name in ("feed.xml", "atom.xml", "agenda.ics")]
    for url, meta in expired:
        day = dt.date.fromisoformat(str(meta["expires"])[:10])
        note = example_site.html(url).select_one("article [role=note]")
        assert squash(note.get_text(" ")) == \
            f"Niet meer actueel. Dit bericht is verlopen op {day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}."
        assert squash(meta["description"]) in example_site.text(url)
        year, month = url.split("/")[1:3]
        for listing in lists + [f"nieuws/{year}/", f"nieuws/{year}/{month}/"]:
            if (example_site.path / listing / "index.html").exists():
                assert squash(meta["title"]) not in example_site.text(listing), f"{url} listed on {listing}"
        for issue in (example_site.path / "nieuwsbrief").glob("*/email.txt"):
            assert squash(meta["title"]) not in squash(issue.read_text(encoding="utf-8"))
        assert not [text for text in feeds if url in text]


ITEM = """---
title: {title}
date: {date}
description: {description}
tags: [proef]
{extra}
---

{body}
"""


def add_item(project: Path, name: str, **fields) -> Path:
    fields.setdefault("extra", "")
    fields.setdefault("body", "Tekst.")
    path = project / "news" / name[:4] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ITEM.format(**fields), encoding="utf-8")
    return path


def every_file_text(site: Path):
    for file in site.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            yield file, (gzip.decompress(data) if file.suffix == ".gz" else data).decode("utf-8", "replace")


def test_drafts_and_embargoed_items_appear_nowhere(tmp_path):
    project = make_project(tmp_path / "project", EXAMPLE / "plans", NEWS)
    add_item(project, "2026-01-05-concept.md", title="Conceptbericht ZZDRAFTQX", date="2026-01-05",
             description="ZZDRAFTQX", extra="draft: true\nactions: [actieplan-2024/2]\n"
             "event: {start: 2026-12-01, location: Ninove}",
             body="ZZDRAFTQX in de tekst.")
    add_item(project, "2030-01-05-embargo.md", title="Embargo ZZEMBARGOQX", date="2030-01-05 09:00",
             description="ZZEMBARGOQX", extra="actions: [actieplan-2024/2]\nevent: {start: 2030-02-01, "
             "location: Ninove}", body="ZZEMBARGOQX in de tekst.")
    add_item(project, "2026-01-06-controle.md", title="Controle ZZCONTROLQX", date="2026-01-06",
             description="ZZCONTROLQX", extra="actions: [actieplan-2024/2]", body="ZZCONTROLQX in de tekst.")
    # Expired before the build (18 November 2026), with an event still to come: only its own page.
    add_item(project, "2026-01-07-verlopen.md", title="Verlopen ZZEXPIREDQX", date="2026-01-07",
             description="ZZEXPIREDQX", extra="expires: 2026-11-18 00:30\nactions: [actieplan-2024/2]\n"
             "event: {start: 2026-12-01, location: Ninove}", body="ZZEXPIREDQX in de tekst.")
    # Progress entries: one dated after the build (embargoed like news), one before it (control).
    fiche = project / "plans" / "actieplan-2024" / "fiches" / "2-valpreventie-be-empowered.yml"
    with fiche.open("a", encoding="utf-8") as out:  # `voortgang` is the file's last list
        out.write("  - datum: 2030-01-01\n    tekst: ZZPROGRESSQX later.\n"
                  "  - datum: 2026-01-06\n    tekst: ZZPROGCONTROLQX nu.\n")
    site = build_site(project, tmp_path / "site")
    found = {"ZZDRAFTQX": [], "ZZEMBARGOQX": [], "ZZCONTROLQX": [], "ZZEXPIREDQX": [], "ZZPROGRESSQX": [],
             "ZZPROGCONTROLQX": []}
    for file, text in every_file_text(site.path):
        for marker in found:
            if marker in text:
                found[marker].append(file.relative_to(site.path).as_posix())
    assert found["ZZDRAFTQX"] == [] and found["ZZEMBARGOQX"] == [] and found["ZZPROGRESSQX"] == []
    assert sorted(found["ZZEXPIREDQX"]) == ["nieuws/2026/01/verlopen/index.html", "search/search_index.json"]
    assert "nieuws/2026/01/verlopen/" in (site.path / "sitemap.xml").read_text()
    assert "verlopen op 18 november 2026" in site.text("nieuws/2026/01/verlopen/")
    for expected in ("feed.xml", "atom.xml", "search/search_index.json", "nieuws/index.html",
                     "nieuws/onderwerp/proef/index.html", "actieplan-2024/actie-2/index.html",
                     "data/nieuws.json", "feed.json", "nieuws/onderwerp/proef/feed.xml",
                     "nieuws/onderwerp/proef/atom.xml", "nieuws/onderwerp/proef/feed.json",
                     "actieplan-2024/actie-2/feed.xml", "actieplan-2024/actie-2/atom.xml",
                     "actieplan-2024/actie-2/feed.json"):
        assert expected in found["ZZCONTROLQX"], f"control item missing from {expected}"
    for expected in ("actieplan-2024/actie-2/index.html", "actieplan-2024/actie-2/feed.xml",
                     "actieplan-2024/actie-2/feed.json"):
        assert expected in found["ZZPROGCONTROLQX"], f"control progress entry missing from {expected}"
    # The topic's calendar is there, without the draft's, embargoed or expired item's event.
    assert (site.path / "nieuws/onderwerp/proef/agenda.ics").is_file()
    sitemap = (site.path / "sitemap.xml").read_text()
    assert "controle" in sitemap and "concept" not in sitemap and "embargo" not in sitemap


def guids(site: Path) -> dict[str, str]:
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    return {entry.link: entry.id for entry in feed.entries}


def test_guids_survive_rebuilds_and_edits(tmp_path):
    project = make_project(tmp_path / "project")
    shutil.copytree(EXAMPLE / "plans", project / "plans", dirs_exist_ok=True)
    first = add_item(project, "2025-03-10-eerste.md", title="Eerste", date="2025-03-10", description="Een.")
    add_item(project, "2025-04-10-tweede.md", title="Tweede", date="2025-04-10 10:00", description="Twee.")
    before = guids(build_site(project, tmp_path / "a").path)
    again = guids(build_site(project, tmp_path / "b").path)
    assert before == again
    assert len(set(before.values())) == 2
    first.write_text(first.read_text().replace("title: Eerste", "title: Eerste, nu met een andere titel")
                     .replace("Tekst.", "Andere tekst."), encoding="utf-8")
    add_item(project, "2025-05-10-derde.md", title="Derde", date="2025-05-10", description="Drie.")
    after = guids(build_site(project, tmp_path / "c").path)
    assert len(after) == 3
    for link, guid in before.items():
        assert after[link] == guid


def test_brussels_time_in_feed(tmp_path):
    project = make_project(tmp_path / "project", EXAMPLE / "plans")
    add_item(project, "2025-03-29-winter.md", title="Winter", date="2025-03-29 09:30", description="W.")
    add_item(project, "2025-03-31-zomer.md", title="Zomer", date="2025-03-31 09:30", description="Z.")
    feed = feedparser.parse((build_site(project, tmp_path / "site").path / "atom.xml").read_bytes())
    published = {entry.title: entry.published for entry in feed.entries}
    assert published["Winter"].startswith("2025-03-29T09:30:00+01:00")
    assert published["Zomer"].startswith("2025-03-31T09:30:00+02:00")


def test_pagination_and_tags_in_the_browser(example_site, serve, page):
    items = example_items()
    base = serve(example_site.path)
    page.goto(base + "nieuws/")
    first_page = page.locator(".zs-post__title a").all_inner_texts()
    assert first_page == [meta["title"] for _, meta in items[:10]]
    page.get_by_role("link", name="Ouder →").click()
    page.wait_for_url("**/nieuws/pagina-2/")
    assert page.locator(".zs-post__title a").all_inner_texts() == [meta["title"] for _, meta in items[10:20]]
    page.get_by_role("link", name="← Nieuwer").click()
    page.wait_for_url(re.compile(r".*/nieuws/$"))
    tag = items[0][1]["tags"][0]
    page.locator(".zs-archive").get_by_role("link", name=tag, exact=True).click()
    page.wait_for_url(f"**/nieuws/onderwerp/{slugify(tag)}/")
    expected = [meta["title"] for _, meta in items if tag in meta.get("tags", [])]
    assert page.locator(".zs-post__title a").all_inner_texts() == expected


def test_a_topic_written_almost_like_another_is_pointed_out(tmp_path, capsys):
    """`vormingen` beside `vorming` would split one topic's readers in two: `make check` asks; a
    narrower topic (`valpreventie` beside `preventie`) is meant and passes without a word."""
    from zonesite.cli import main

    project = make_project(tmp_path / "project", BROKEN_BASE)
    for name, tags in (("2025-03-10-eerste.md", "[vorming, preventie]"),
                       ("2025-03-11-tweede.md", "[vormingen, valpreventie, vorming]")):
        path = project / "news" / "2025" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: Bericht\ndate: {name[:10]}\ndescription: Kort.\ntags: {tags}\n---\n\nTekst.\n",
                        encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 0  # a doubt, not an error: the site is built
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("news/")]
    assert lines == ["news/2025/2025-03-11-tweede.md:5: tags[1]: 'vormingen' lijkt op het onderwerp 'vorming' "
                     "(in news/2025/2025-03-10-eerste.md) — schrijf 'vorming' als het hetzelfde onderwerp is; "
                     "anders is er niets aan de hand"]
