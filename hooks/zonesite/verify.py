"""`make verify`: the gate a zone's own content passes before it is published.

It builds the site as `make site` does, into a temporary folder, and checks what visitors get:
every internal link and asset resolves, no draft or embargoed item left a trace anywhere, and
axe-core finds no WCAG 2.1 A/AA problem on the zone's pages. It knows nothing of the engine's
tests, so it works for any zone; the tests reuse its link and accessibility checks."""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import html
import http.server
import json
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from . import urls
from .content import Post, load_content
from .publish import hidden as not_public
from .settings import PLACEHOLDER_URL, read_config

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Path("node_modules") / "axe-core" / "axe.min.js"
# The editors' guide is the engine's own documentation, checked by the engine's tests.
NOT_THE_ZONES = (urls.MANUAL, "404.html")
_TEXT_FILES = {".html", ".xml", ".json", ".ics", ".txt", ".gz"}


def broken_links(site: Path) -> tuple[list[str], set[str]]:
    """Internal links and assets that lead nowhere ("page → target"), and the external links seen."""
    broken, external = [], set()
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids = None
        for element in soup.find_all(["a", "img", "link", "script", "source"]):
            target = element.get("href") or element.get("src")
            if not target or target.startswith(("mailto:", "tel:", "data:", "*|")):
                continue
            parts = urlsplit(target)
            if parts.scheme in ("http", "https", "webcal"):
                external.add(target)
                continue
            # 404.html uses root-relative addresses (site_url's path is "/").
            relative = "" if parts.path.startswith("/") else page.relative_to(site).parent.as_posix()
            path = posixpath.normpath(posixpath.join(relative, unquote(parts.path).lstrip("/"))) if parts.path \
                else page.relative_to(site).as_posix()
            file = site / path
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{page.relative_to(site)} → {target}")
            elif parts.fragment and file == page:
                ids = ids or {tag.get("id") for tag in soup.find_all(id=True)}
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(site)} → #{parts.fragment}")
    return broken, external


def unpublished_traces(site: Path, hidden: list[Post], published: list[Post]) -> list[str]:
    """Where a draft's or an embargoed item's address, title, summary or text shows up in the site.

    A title or sentence that a published item also uses is no trace: only what is the hidden
    item's own is looked for."""
    shown = {text for post in published for text in _telltales(post)}
    wanted = {text: post.source for post in hidden for text in _telltales(post) if text not in shown}
    found = []
    for file in sorted(site.rglob("*")):
        if not file.is_file() or file.suffix not in _TEXT_FILES:
            continue
        data = file.read_bytes()
        text = (gzip.decompress(data) if file.suffix == ".gz" else data).decode("utf-8", "replace")
        if file.suffix == ".json":  # the search index writes "é" as "\u00e9"
            text = json.dumps(json.loads(text), ensure_ascii=False)
        text = html.unescape(text)
        for telltale, source in wanted.items():
            if telltale in text:
                found.append(f"{file.relative_to(site).as_posix()}: bevat '{telltale[:60]}' uit {source}")
    return found


def _telltales(post: Post) -> set[str]:
    address = urls.post(post.year, post.month, post.slug)
    longest = max((line.strip() for line in post.body.splitlines()), key=len, default="")
    return {text for text in (address, post.item.title, post.item.description, longest) if len(text) >= 12}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """The built site on a loopback address (pages use directory addresses: file:// will not do)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def axe_violations(tab, axe_source: str) -> list[str]:
    """axe-core's WCAG 2.1 A/AA findings on the page open in a Playwright tab, one line each."""
    tab.add_script_tag(content=axe_source)
    result = tab.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {json.dumps([n['target'] for n in v['nodes']][:5])}"
            for v in result["violations"]]


def zone_pages(site: Path) -> list[str]:
    """Every page of the zone's own site, as addresses relative to the site root."""
    pages = []
    for file in sorted(site.rglob("*.html")):
        address = file.relative_to(site).as_posix()
        address = address.removesuffix("index.html")
        if not address.startswith(NOT_THE_ZONES):
            pages.append(address)
    return pages


def chromium() -> str | None:
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)


def accessibility(site: Path, axe_source: str, browser_path: str) -> dict[str, list[str]]:
    from playwright.sync_api import sync_playwright  # only verify needs a browser

    base, server = serve(site)
    found: dict[str, list[str]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=browser_path, args=[
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"])
            tab = browser.new_page(locale="nl-BE")
            for address in zone_pages(site):
                tab.goto(base + address)
                if problems := axe_violations(tab, axe_source):
                    found[address] = problems
            browser.close()
    finally:
        server.shutdown()
    return found


def build(root: Path, site: Path, epoch: int) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=root, capture_output=True, text=True, env=environment)


def verify(root: Path) -> int:
    axe_file, browser_path = root / AXE, chromium()
    if not axe_file.is_file() or browser_path is None:
        print("De toegankelijkheidscontrole heeft Chromium en axe-core nodig: `make verify` installeert ze "
              "(of: apt-get install chromium en npm ci).", file=sys.stderr)
        return 1
    # One moment for the build and for this check: an item that goes live meanwhile is no leak.
    epoch = int(time.time())
    now = dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc)
    with tempfile.TemporaryDirectory(prefix="zonesite-verify-") as folder:
        site = Path(folder) / "site"
        result = build(root, site, epoch)
        if result.returncode != 0:
            print(result.stderr.strip() or result.stdout.strip(), file=sys.stderr)
            print("De site kon niet gebouwd worden; verder is niets gecontroleerd.", file=sys.stderr)
            return 1
        failures = 0
        pages = zone_pages(site)
        print(f"Gebouwd: {len(pages)} pagina's van de zone.")
        broken, external = broken_links(site)
        failures += _report("Links die nergens heen gaan", broken)
        if not broken:
            print(f"Links: alle interne links werken ({len(external)} externe links niet gecontroleerd).")
        content, checked = load_content(root, now)
        failures += _report("Nog niet ingevuld (voorbeeldtekst komt zo op de site)", unfilled(root, checked))
        hidden, published = not_public(content)
        traces = unpublished_traces(site, hidden, published)
        failures += _report("Tekst van concepten of berichten onder embargo op de site", traces)
        if not traces:
            print(f"Concepten en embargo: niets te zien ({len(hidden)} "
                  f"{'bericht' if len(hidden) == 1 else 'berichten'} nog niet gepubliceerd).")
        problems = accessibility(site, axe_file.read_text(encoding="utf-8"), browser_path)
        failures += _report("Toegankelijkheid (WCAG 2.1 AA)",
                            [f"{page or '/'}: {problem}" for page, found in problems.items() for problem in found])
        if not problems:
            print(f"Toegankelijkheid: geen problemen op {len(pages)} pagina's.")
    if failures:
        print(f"Niet in orde: {failures} {'probleem' if failures == 1 else 'problemen'}. Los ze op voor je publiceert.",
              file=sys.stderr)
        return 1
    print("Alles in orde: de site mag online.")
    return 0


def unfilled(root: Path, checked) -> list[str]:
    """What `make check` only points out may not go online: a scaffold's text, or no address of its own."""
    lines = [str(warning) for warning in sorted(set(checked.warnings))]
    address = urlsplit(str(read_config(root).get("site_url") or "")).hostname
    if address in (None, urlsplit(PLACEHOLDER_URL).hostname):
        lines.insert(0, "mkdocs.yml: site_url: het adres van de site is nog niet ingevuld — zet het adres "
                        "waarop de site komt, bv. https://www.elz-voorbeeld.be/")
    return lines


def _report(title: str, lines: list[str]) -> int:
    if lines:
        print(f"{title}:", file=sys.stderr)
        for line in lines:
            print(f"  {line}", file=sys.stderr)
    return len(lines)
