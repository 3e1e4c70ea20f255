"""Shared test helpers: build real sites with a real `mkdocs build`, read them, drive Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The example zone as the project ships it; tests build it from here, never from the root.
EXAMPLE = FIXTURES / "dender-zuid"
# mkdocs.yml of every test build: the project's settings with a fixed identity (see the file).
TEST_CONFIG = FIXTURES / "mkdocs.yml"
BROKEN_BASE = Path(__file__).resolve().parent / "broken" / "base" / "plans"  # a small valid plan set
CHROMIUM = "/usr/bin/chromium"
# A fixed build moment: after every example item's date, so nothing in the examples is embargoed.
BUILD_EPOCH = "1795000000"  # 18 November 2026
# The editors' preview as `make serve` starts it (read from the Makefile, so the tests follow it).
SERVE = re.search(r"^\t\$\(BIN\)/mkdocs (serve\b.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)[1].split()
PROJECT_PARTS = ("hooks", "overrides", "docs")
# The zone's own content. Tests test the engine: they must pass whatever a zone keeps here.
ZONE_CONTENT = tuple(os.path.join(str(ROOT), name) for name in ("plans", "news"))


class ZoneContentRead(AssertionError):
    pass


def _is_zone_content(path, relative_too: bool = True) -> bool:
    try:
        path = os.fsdecode(path)
    except TypeError:
        return False  # a file descriptor
    if not relative_too and not os.path.isabs(path):
        return False
    path = os.path.abspath(path)
    return any(path == root or path.startswith(root + os.sep) for root in ZONE_CONTENT)


def _guard_zone_content(event: str, args: tuple) -> None:
    """Fail any test, fixture or helper that reads the root's plans/ or news/, or builds the root.

    An audit hook (PEP 578) sees every open and every directory listing in the test process, and
    every command it starts; a test that slips through here would break a real zone's `make test`."""
    if event in ("open", "os.scandir", "os.listdir") and args and args[0] is not None:
        # os.open's audit event leaves out dir_fd: a relative name may sit in any folder (rmtree).
        if _is_zone_content(args[0], relative_too=event != "open"):
            raise ZoneContentRead(f"a test read the zone's own content ({os.fsdecode(args[0])}): "
                                  "use tests/fixtures/ (EXAMPLE, make_project) instead")
    elif event == "subprocess.Popen":
        _, command, cwd, _ = args
        words = [os.fsdecode(word) for word in command] if isinstance(command, (list, tuple)) else [str(command)]
        in_root = cwd is not None and os.path.abspath(os.fsdecode(cwd)) == str(ROOT)
        # A relative word is relative to the command's own folder: only an absolute one can be told.
        if any(_is_zone_content(word, relative_too=False) for word in words) or in_root and any(
                tool in word for word in words for tool in ("mkdocs", "zonesite", "make")):
            raise ZoneContentRead(f"a test ran {' '.join(words)} on the zone's own content: "
                                  "build a copy with make_project instead")


sys.addaudithook(_guard_zone_content)
sys.path.insert(0, str(ROOT / "hooks"))  # the engine's own checks (zonesite.verify) serve the tests too


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
    project: Path | None = None  # what was built, to build it again

    def html(self, url: str) -> BeautifulSoup:
        file = self.path / url / "index.html" if not url.endswith(".html") else self.path / url
        assert file.is_file(), f"{url} was not built"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def text(self, url: str) -> str:
        article = self.html(url).find("article") or self.html(url)
        return squash(article.get_text(" "))


def make_project(dest: Path, plans: Path | None = None, news: Path | None = None) -> Path:
    """A copy of the project's build parts with the given content (or none), and the test identity."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.project.yml")
    shutil.copy2(TEST_CONFIG, dest / "mkdocs.yml")
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
    return Site(site_dir, result, project)


@pytest.fixture(scope="session")
def example_site(fixture_site) -> Site:
    """The example zone (Dender Zuid, tests/fixtures/dender-zuid), built as editors build it."""
    return fixture_site("dender-zuid")


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


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that drops a connection (a page left before it loaded) is no test failure.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def serve():
    """Serve a built site on loopback: `serve(site_path)` → base URL."""
    servers = []

    def start(path: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(path))
        server = _QuietServer(("127.0.0.1", 0), handler)
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


# --- the editors' preview ------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextlib.contextmanager
def preview_server(project: Path, log: Path, **env: str):
    """`make serve`'s own command on `project`, answering; yields its address and stops it after."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", *SERVE, "-a", f"127.0.0.1:{port}"], cwd=project,
                                  stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
        try:
            base = f"http://127.0.0.1:{port}/"
            wait_for(base, 120)
            yield base
        finally:
            os.killpg(server.pid, signal.SIGINT)  # lets mkdocs remove its folder
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)

