"""Shared test helpers: build real sites with a real `mkdocs build`, read them, drive Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BROKEN_BASE = Path(__file__).resolve().parent / "broken" / "base" / "plans"  # a small valid plan set
CHROMIUM = "/usr/bin/chromium"
# A fixed build moment: after every example item's date, so nothing in the examples is embargoed.
BUILD_EPOCH = "1795000000"  # 18 November 2026
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "docs")


def squash(text: str) -> str:
    """Text as a reader sees it: typographic quotes and dashes made plain, white space folded."""
    for fancy, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"),
                         ("…", "..."), ("\u00a0", " ")):
        text = text.replace(fancy, plain)
    text = " ".join(text.split())
    # get_text(" ") puts a space between every piece of inline markup: "<b>a</b>: b" → "a : b".
    return re.sub(r"\s+([,.;:!?)%])", r"\1", re.sub(r"([(])\s+", r"\1", text))


def markdown_words(text: str) -> str:
    """The words of a Markdown field, without its markup, for finding it in a rendered page."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    text = re.sub(r"^\s*(?:[-+*]|\d+\.)\s+", "", text, flags=re.M)
    text = re.sub(r"^\s*#+\s*", "", text, flags=re.M)
    text = re.sub(r"[*_`>]", "", text)
    text = text.replace("--", "-")
    return squash(text)


@dataclass
class Site:
    path: Path
    build: subprocess.CompletedProcess

    def html(self, url: str) -> BeautifulSoup:
        file = self.path / url / "index.html" if not url.endswith(".html") else self.path / url
        assert file.is_file(), f"{url} was not built"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def text(self, url: str) -> str:
        article = self.html(url).find("article") or self.html(url)
        return squash(article.get_text(" "))


def make_project(dest: Path, plans: Path | None = None, news: Path | None = None) -> Path:
    """A copy of the project's build parts with the given content (or none)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    for name, source in (("plans", plans), ("news", news)):
        if source is not None:
            shutil.copytree(source, dest / name)
        else:
            (dest / name).mkdir()
    return dest


def mkdocs_build(project: Path, site_dir: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH, **env}
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=environment, timeout=300)


def build_site(project: Path, site_dir: Path, **env: str) -> Site:
    result = mkdocs_build(project, site_dir, **env)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return Site(site_dir, result)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Site:
    """The repository's own example content (Dender Zuid), built as editors build it."""
    return build_site(ROOT, tmp_path_factory.mktemp("example") / "site")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """Build one of tests/fixtures/<name> as a site of its own (cached per session)."""

    @functools.cache
    def build(name: str) -> Site:
        base = tmp_path_factory.mktemp(name)
        source = FIXTURES / name
        project = make_project(base / "project", source / "plans",
                               source / "news" if (source / "news").is_dir() else None)
        return build_site(project, base / "site")

    return build


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def serve():
    """Serve a built site on loopback: `serve(site_path)` → base URL."""
    servers = []

    def start(path: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(path))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a browser Playwright downloads itself)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium ontbreekt: apt-get install chromium (make test doet dit als root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-BE")
    tab = context.new_page()
    yield tab
    context.close()
