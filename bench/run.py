"""Performance benchmark of the Zonesite build (`make bench`). Writes bench/RESULTS.md.

For 100, 1,000 and 3,000 synthetic news items (50 fiches) and 1,000 items with 200 fiches, in a
temporary copy of the project: full `mkdocs build` wall time and peak memory, milliseconds per
page, `zonesite check` time, and beside each the same number of plain Markdown pages built with
plain MkDocs + Material (same theme and extensions, no hooks), so the hooks' cost is a ratio.
At 100, 1,000 and 3,000 items the same news items are also built as posts of Material's blog plugin
(the tool a zone would otherwise use for news), measured in the same rounds.
Then the rebuild time of `mkdocs serve` after editing one news item and after editing one fiche,
and, when pyinstrument is importable, a profile of one 1,000-item build.

    python bench/run.py [--runs 3] [--quick | --only-1000] [--no-serve] [--no-profile] [--keep]

Standard library and the project's own venv packages only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

PYTHON = sys.executable
BUILD_EPOCH = "1795000000"  # 18 November 2026, as in the tests: every synthetic item is older
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH, "PYTHONUNBUFFERED": "1"}
BUILD_TIMEOUT = 900
SIZES = [(100, 50), (1000, 50), (3000, 50), (1000, 200)]
# Where Material's blog plugin builds the same news items too (1,000 news with 200 fiches would
# repeat the 1,000 posts: the blog has no fiches).
BLOG_SIZES = {(100, 50), (1000, 50), (3000, 50)}
NEWSLETTER_LIMIT_KB = 50


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- measuring one process ----------------------------------------------------------------------

@dataclass
class Run:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str = ""
    stderr: str = ""


def measure(command: list[str], cwd: Path, timeout: float = BUILD_TIMEOUT, env: dict | None = None) -> Run:
    """Run `command`; wall time by perf_counter, peak RSS of that process from os.wait4's rusage."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env or ENV, stdout=out, stderr=err, text=True)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(seconds, usage.ru_maxrss / 1024, process.returncode, out.read(), err.read())


def require_ok(run: Run, what: str) -> Run:
    if run.returncode != 0:
        sys.stderr.write(f"{what} failed (exit {run.returncode}):\n{run.stdout}\n{run.stderr}\n")
        raise SystemExit(1)
    return run


def build_command(site_dir: Path) -> list[str]:
    return [PYTHON, "-m", "mkdocs", "build", "-q", "--site-dir", str(site_dir)]


def check_command(project: Path) -> list[str]:
    return [PYTHON, "-m", "zonesite", "--root", str(project), "check"]


def check_env(project: Path) -> dict:
    return {**ENV, "PYTHONPATH": str(project / "hooks")}


def count_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


def median(values: list[float]) -> float:
    return statistics.median(values)


# --- one size: Zonesite and plain MkDocs side by side --------------------------------------------

@dataclass
class SizeResult:
    news: int
    fiches: int
    pages: int = 0
    plain_pages: int = 0
    blog_pages: int = 0
    zonesite: list[Run] = field(default_factory=list)
    plain: list[Run] = field(default_factory=list)
    blog: list[Run] = field(default_factory=list)  # Material's blog plugin on the same news items
    check: list[Run] = field(default_factory=list)
    newsletters: list[tuple[str, int]] = field(default_factory=list)  # (month, bytes of email.html)

    @property
    def label(self) -> str:
        return f"{self.news} news / {self.fiches} fiches"

    def stats(self, runs: list[Run]) -> dict:
        return {"median_s": median([r.seconds for r in runs]), "min_s": min(r.seconds for r in runs),
                "max_s": max(r.seconds for r in runs), "peak_rss_mb": median([r.peak_rss_mb for r in runs]),
                "runs_s": [round(r.seconds, 3) for r in runs]}

    def to_json(self) -> dict:
        return {"news": self.news, "fiches": self.fiches, "pages": self.pages, "plain_pages": self.plain_pages,
                "zonesite": self.stats(self.zonesite), "plain": self.stats(self.plain),
                "check": self.stats(self.check), "ratio": self.ratio,
                **({"blog_pages": self.blog_pages, "blog": self.stats(self.blog), "blog_ratio": self.blog_ratio}
                   if self.blog else {}),
                "newsletters": {month: size for month, size in self.newsletters}}

    @property
    def ratio(self) -> float:
        return self.stats(self.zonesite)["median_s"] / self.stats(self.plain)["median_s"]

    @property
    def blog_ratio(self) -> float:
        return self.stats(self.zonesite)["median_s"] / self.stats(self.blog)["median_s"]


def bench_size(work: Path, source: Path, news: int, fiches: int, runs: int,
               blog: bool) -> tuple[SizeResult, Path]:
    result = SizeResult(news, fiches)
    project = work / f"zonesite-{news}-{fiches}"
    log(f"{result.label}: generating content in {project}")
    generate.make_zonesite_project(project, news=news, fiches=fiches, root=source)

    # Validate once (untimed), then time the check.
    first = require_ok(measure(check_command(project), project, env=check_env(project)), "zonesite check")
    expected = f"{fiches} fiches, {news} berichten: alles in orde"
    if expected not in first.stdout:
        raise SystemExit(f"generated content is not what was asked for: {first.stdout.strip()!r}")
    log(f"{result.label}: content valid ({first.stdout.strip()})")
    for i in range(runs):
        result.check.append(require_ok(measure(check_command(project), project, env=check_env(project)),
                                       "zonesite check"))
    log(f"{result.label}: check median {median([r.seconds for r in result.check]):.2f} s")

    # The plain project needs the page count, so the first Zonesite build comes first;
    # after that, Zonesite, plain and blog builds alternate so that machine noise hits all alike.
    site = work / f"site-{news}-{fiches}"
    plain_project = work / f"plain-{news}-{fiches}"
    plain_site = work / f"plain-site-{news}-{fiches}"
    blog_project = work / f"blog-{news}"
    blog_site = work / f"blog-site-{news}"
    if blog:
        generate.make_blog_project(blog_project, project / "news", root=source)
    for i in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        run = require_ok(measure(build_command(site), project), "zonesite build")
        result.zonesite.append(run)
        if i == 0:
            result.pages = count_pages(site)
            log(f"{result.label}: {result.pages} pages; generating the plain MkDocs baseline")
            generate.make_plain_project(plain_project, pages=result.pages, root=source)
        log(f"{result.label}: zonesite build {i + 1}/{runs}: {run.seconds:.2f} s, {run.peak_rss_mb:.0f} MB")
        shutil.rmtree(plain_site, ignore_errors=True)
        plain = require_ok(measure(build_command(plain_site), plain_project), "plain mkdocs build")
        result.plain.append(plain)
        if i == 0:
            result.plain_pages = count_pages(plain_site)
            if result.plain_pages != result.pages:
                raise SystemExit(f"plain baseline has {result.plain_pages} pages, Zonesite {result.pages}")
        log(f"{result.label}: plain  build {i + 1}/{runs}: {plain.seconds:.2f} s, {plain.peak_rss_mb:.0f} MB")
        if blog:
            shutil.rmtree(blog_site, ignore_errors=True)
            post = require_ok(measure(build_command(blog_site), blog_project), "blog mkdocs build")
            result.blog.append(post)
            if i == 0:
                result.blog_pages = count_pages(blog_site)
                posts = sum(1 for _ in (blog_site / "blog").glob("[0-9][0-9][0-9][0-9]/*/*/*/index.html"))
                if posts != news:
                    raise SystemExit(f"the blog built {posts} posts of {news} news items")
            log(f"{result.label}: blog   build {i + 1}/{runs}: {post.seconds:.2f} s, {post.peak_rss_mb:.0f} MB")
    result.newsletters = sorted((path.parent.name, path.stat().st_size)
                                for path in (site / "nieuwsbrief").glob("*/email.html"))
    for folder in (site, plain_site, plain_project, blog_site, blog_project):
        shutil.rmtree(folder, ignore_errors=True)
    log(f"{result.label}: zonesite {median([r.seconds for r in result.zonesite]):.2f} s vs plain "
        f"{median([r.seconds for r in result.plain]):.2f} s → ×{result.ratio:.2f}"
        + (f"; vs blog {median([r.seconds for r in result.blog]):.2f} s → ×{result.blog_ratio:.2f}"
           if blog else ""))
    return result, project


# --- mkdocs serve: rebuild after editing one news item ------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`mkdocs serve` on loopback with its log lines timestamped as they arrive."""

    def __init__(self, project: Path, port: int):
        # As `make serve` runs it.
        self.command = [PYTHON, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{port}"]
        self.url = f"http://127.0.0.1:{port}/"
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.transcript: list[str] = []
        self.process = subprocess.Popen(self.command, cwd=project, env=ENV, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True, start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.put((time.perf_counter(), line.rstrip()))

    def wait_for(self, pattern: str, timeout: float) -> tuple[float, str]:
        deadline = time.perf_counter() + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or self.process.poll() is not None and self.lines.empty():
                raise TimeoutError(f"mkdocs serve: no {pattern!r} within {timeout:.0f} s; log:\n"
                                   + "\n".join(self.transcript[-20:]))
            try:
                stamp, line = self.lines.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                continue
            self.transcript.append(line)
            if re.search(pattern, line):
                return stamp, line

    def drain(self) -> None:
        while not self.lines.empty():
            self.transcript.append(self.lines.get_nowait()[1])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # lets mkdocs remove its temporary site
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _append_line(target: Path, marker: str) -> None:
    """A news item: one more paragraph at the end of its body."""
    with target.open("a", encoding="utf-8") as handle:
        handle.write(f"\n{marker}.\n")


def _extend_summary(target: Path, marker: str) -> None:
    """A fiche: one more sentence in its summary (`samenvatting`, shown at the top of its page)."""
    text = target.read_text(encoding="utf-8")
    edited, count = re.subn(r"^(samenvatting: .*[^\s])\s*$", rf"\1 {marker}.", text, count=1, flags=re.M)
    if count != 1:
        raise SystemExit(f"serve: {target} has no one-line samenvatting to edit")
    target.write_text(edited, encoding="utf-8")


def _time_edits(server: Server, project: Path, target: Path, edit, page: str, edits: int, what: str) -> dict:
    """Edit `target` `edits` times; each time: from saving to 'Reloading browsers', then fetch `page`."""
    with urllib.request.urlopen(page, timeout=30) as response:
        if response.status != 200:
            raise SystemExit(f"serve: {page} answered {response.status}")
    result: dict = {"edited": str(target.relative_to(project)), "page": page.removeprefix(server.url),
                    "rebuild_wall_s": [], "rebuild_reported_s": []}
    for i in range(edits):
        marker = f"Bench-wijziging {i + 1} {time.time_ns()}"
        server.drain()
        edit(target, marker)
        edited = time.perf_counter()
        _, line = server.wait_for(r"Documentation built in", BUILD_TIMEOUT)
        reported = float(re.search(r"built in ([\d.]+)", line).group(1))
        done, _ = server.wait_for(r"Reloading browsers", 60)
        wall = done - edited
        with urllib.request.urlopen(page, timeout=30) as response:
            if marker not in response.read().decode("utf-8"):
                raise SystemExit(f"serve: the edit did not reach {page}")
        result["rebuild_wall_s"].append(wall)
        result["rebuild_reported_s"].append(reported)
        log(f"serve: {what} {i + 1}/{edits}: {wall:.2f} s from save to 'Reloading browsers' "
            f"(mkdocs: built in {reported:.2f} s)")
        time.sleep(1.5)
    return result


def bench_serve(project: Path, edits: int) -> dict:
    """`mkdocs serve`, then `edits` saves of one news item and `edits` saves of one fiche."""
    files = sorted((project / "news").glob("*/*.md"))
    news_item = files[len(files) // 2]
    year, month = news_item.name[:4], news_item.name[5:7]
    news_page = f"nieuws/{year}/{month}/{news_item.stem[11:]}/"
    # The first of the example's own fiches (the synthetic copies are named 9-…, after them).
    fiche = sorted((project / "plans" / generate.ACTION_PLAN / "fiches").glob("*.yml"))[0]
    fiche_id = re.search(r'^id: "?([^"\s]+)"?', fiche.read_text(encoding="utf-8"), flags=re.M).group(1)
    fiche_page = f"{generate.ACTION_PLAN}/actie-{fiche_id.replace('.', '-')}/"
    port = free_port()
    server = Server(project, port)
    log(f"serve: {' '.join(server.command[1:])} (in {project.name}), editing {news_item.relative_to(project)} "
        f"and {fiche.relative_to(project)}")
    result: dict = {"project": project.name.replace("zonesite-", "").replace("-", " news, ", 1) + " fiches",
                    "command": " ".join(["mkdocs"] + server.command[3:])}
    try:
        start = time.perf_counter()
        _, line = server.wait_for(r"Documentation built in", BUILD_TIMEOUT)
        result["initial_build_reported_s"] = float(re.search(r"built in ([\d.]+)", line).group(1))
        server.wait_for(r"Serving on", 60)
        result["startup_wall_s"] = time.perf_counter() - start
        time.sleep(2)  # let the polling observer take its first snapshot
        result["news"] = _time_edits(server, project, news_item, _append_line, server.url + news_page, edits,
                                     "news item")
        result["fiche"] = _time_edits(server, project, fiche, _extend_summary, server.url + fiche_page, edits,
                                      "fiche")
    finally:
        server.stop()
    return result


# --- profile ------------------------------------------------------------------------------------

def bench_profile(project: Path, work: Path) -> dict | None:
    if importlib.util.find_spec("pyinstrument") is None:
        log("profile: pyinstrument is not installed, skipped (.venv/bin/pip install pyinstrument to enable)")
        return None
    prefix = HERE / "profile-1000"
    log(f"profile: pyinstrument on one {project.name} build → {prefix.name}.txt/.json")
    run = measure([PYTHON, str(HERE / "profile_build.py"), str(project), str(work / "profile-site"), str(prefix)],
                  project)
    if run.returncode != 0:
        log(f"profile failed, skipped:\n{run.stderr[-2000:]}")
        return None
    return json.loads(prefix.with_suffix(".json").read_text(encoding="utf-8"))


# --- report -------------------------------------------------------------------------------------

def machine_info(source: Path) -> dict:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    from importlib.metadata import version

    return {**source_info(source), "nproc": os.cpu_count(), "affinity": len(os.sched_getaffinity(0)), "cpu": cpu, "memory": memory,
            "python": platform.python_version(), "platform": platform.platform(),
            "mkdocs": version("mkdocs"), "material": version("mkdocs-material"), "markdown": version("markdown"),
            "jinja2": version("jinja2")}


def source_info(source: Path) -> dict:
    """Which build code was measured: the commit, uncommitted changes, and a digest of the snapshot."""
    import hashlib

    digest = hashlib.sha256()
    for part in ("mkdocs.yml", "hooks", "overrides"):
        path = source / part
        for file in sorted([path] if path.is_file() else path.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(file.relative_to(source).as_posix().encode() + b"\0" + file.read_bytes())

    def git(*args: str) -> str:  # read-only queries, no lock taken
        try:
            return subprocess.run(["git", "--no-optional-locks", "-C", str(generate.ROOT), *args],
                                  capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    changed = git("diff", "--name-only", "HEAD", "--", "mkdocs.yml", "hooks", "overrides").split()
    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted": changed,
            "build_digest": digest.hexdigest()[:12]}


def verdict(ok: bool) -> str:
    return "**PASS**" if ok else "**FAIL**"


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def write_report(path: Path, results: list[SizeResult], serve: dict | None, profile: dict | None,
                 info: dict, runs: int, total_s: float) -> None:
    by = {(r.news, r.fiches): r for r in results}
    out: list[str] = []
    add = out.append
    add("# Zonesite build benchmark")
    add("")
    add(f"Generated by `{' '.join(['bench/run.py', *info['arguments']])}` on {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}; "
        f"total benchmark time {total_s / 60:.1f} min. Every number is the **median of {runs} runs** "
        "unless marked otherwise. Content is synthetic (`bench/generate.py`): news items of ~150–300 "
        "words with a heading and a (nested) list, 1–3 of 20 tags, ~20 % linked to a fiche, ~15 % events, "
        f"dated {generate.FIRST_DAY} … {generate.LAST_DAY}; extra fiches are copies of the 5 real ones "
        "(ids 9.N). The plain baseline is plain MkDocs + Material with the same mkdocs.yml minus `hooks:` "
        "(same theme, overrides, extensions, search plugin) and the same number of pages, the extra pages "
        "kept out of the nav with `not_in_nav`.")
    add("")
    add("## Machine")
    add("")
    add(f"- nproc: {info['nproc']} (usable: {info['affinity']}); CPU: {info['cpu'] or '?'}; memory: {info['memory'] or '?'}")
    # Other processes on the machine slow every build alike, but not evenly: a busy machine makes
    # the ratios noisy, and the reader should know.
    add(f"- load average (1 min) at the start: {info['load_start']:.2f}, at the end: {info['load_end']:.2f}"
        + (" — the machine was busy with other work: treat the numbers as rough"
           if info["load_start"] > 1.0 or info["load_end"] > 2.0 else ""))  # the bench itself keeps ~1 busy
    add(f"- Python {info['python']} ({info['platform']})")
    add(f"- Code measured: commit {info['commit'] or '?'}"
        + (f" plus uncommitted changes to {', '.join(info['uncommitted'])}" if info["uncommitted"] else "")
        + f"; sha256 of mkdocs.yml + hooks/ + overrides/ in the snapshot taken at the start: `{info['build_digest']}`")
    add(f"- MkDocs {info['mkdocs']}, Material {info['material']}, Python-Markdown {info['markdown']}, "
        f"Jinja2 {info['jinja2']}")
    add("")
    add("## Full build")
    add("")
    add("| content | pages | Zonesite build (s) | ms/page | peak RSS (MB) | plain MkDocs (s) | plain ms/page "
        "| plain RSS (MB) | ratio Zonesite/plain | `check` (s) |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        z, p, c = r.stats(r.zonesite), r.stats(r.plain), r.stats(r.check)
        add(f"| {r.news} news, {r.fiches} fiches | {r.pages} | {z['median_s']:.2f} "
            f"({z['min_s']:.2f}–{z['max_s']:.2f}) | {1000 * z['median_s'] / r.pages:.1f} | {z['peak_rss_mb']:.0f} "
            f"| {p['median_s']:.2f} ({p['min_s']:.2f}–{p['max_s']:.2f}) | {1000 * p['median_s'] / r.pages:.1f} "
            f"| {p['peak_rss_mb']:.0f} | **×{r.ratio:.2f}** | {c['median_s']:.2f} |")
    add("")
    add("Build time in brackets: fastest–slowest run. Pages = `index.html` files in the output "
        "(the same for both builds).")
    add("")
    blogs = [r for r in results if r.blog]
    if blogs:
        add("## Material's blog plugin on the same news items")
        add("")
        add("The news items of the Zonesite build as posts of Material's blog plugin (`bench/generate.py`, "
            "`make_blog_project`): plain MkDocs + Material with the same mkdocs.yml minus `hooks:`, plus "
            "`plugins: blog` (no authors), each post with the item's title, date, description and body, its "
            "tags as the blog's categories and its first paragraph as the excerpt (`<!-- more -->`). The blog "
            "makes its own index, archive, category and pagination pages; the example's plans are not in it. "
            "Measured in the same rounds as the Zonesite and plain builds above.")
        add("")
        add("| content | Zonesite pages | Zonesite (s) | blog pages | blog (s) | blog ms/page | blog RSS (MB) "
            "| ratio Zonesite/blog | ratio Zonesite/plain |")
        add("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in blogs:
            z, b = r.stats(r.zonesite), r.stats(r.blog)
            add(f"| {r.news} news, {r.fiches} fiches | {r.pages} | {z['median_s']:.2f} | {r.blog_pages} "
                f"| {b['median_s']:.2f} ({b['min_s']:.2f}–{b['max_s']:.2f}) | {1000 * b['median_s'] / r.blog_pages:.1f} "
                f"| {b['peak_rss_mb']:.0f} | **×{r.blog_ratio:.2f}** | **×{r.ratio:.2f}** |")
        add("")
    growth = []
    for label, small, large in (("3000 / 1000 news", (1000, 50), (3000, 50)),
                                ("1000 / 100 news", (100, 50), (1000, 50)),
                                ("200 / 50 fiches (1000 news)", (1000, 50), (1000, 200))):
        if small in by and large in by:
            a, b = by[small], by[large]
            za, zb = a.stats(a.zonesite)["median_s"], b.stats(b.zonesite)["median_s"]
            pa, pb = a.stats(a.plain)["median_s"], b.stats(b.plain)["median_s"]
            blog = (b.stats(b.blog)["median_s"] / a.stats(a.blog)["median_s"]) if a.blog and b.blog else None
            growth.append((label, zb / za, pb / pa, blog, b.pages / a.pages, (zb / b.pages) / (za / a.pages)))
    if growth:
        add("### How time grows with size")
        add("")
        add("| step | Zonesite time ratio | plain time ratio | blog time ratio | page ratio | Zonesite ms/page ratio |")
        add("|---|---:|---:|---:|---:|---:|")
        for name, z, p, blog, pages, per_page in growth:
            add(f"| {name} | ×{z:.2f} | ×{p:.2f} | {f'×{blog:.2f}' if blog else '–'} | ×{pages:.2f} | ×{per_page:.2f} |")
        add("")
        add("Linear growth means the time ratio follows the page ratio (ms/page ratio ≈ 1).")
        add("")
    if serve:
        add(f"## `mkdocs serve`: rebuild after editing one news item or one fiche ({serve['project']})")
        add("")
        add("| measure | median | runs |")
        add("|---|---:|---|")
        for what, label in (("news", "news item"), ("fiche", "fiche")):
            edits = serve[what]
            add(f"| {label}: save → \"Reloading browsers\" (wall, incl. 0.5 s polling + 0.1 s debounce) | "
                f"{median(edits['rebuild_wall_s']):.2f} s | {', '.join(f'{v:.2f}' for v in edits['rebuild_wall_s'])} |")
            add(f"| {label}: rebuild as reported by MkDocs (\"Documentation built in\") | "
                f"{median(edits['rebuild_reported_s']):.2f} s | "
                f"{', '.join(f'{v:.2f}' for v in edits['rebuild_reported_s'])} |")
        add(f"| initial build on start (reported, 1 run) | {serve['initial_build_reported_s']:.2f} s | |")
        add("")
        add(f"Each news run appends a line to `{serve['news']['edited']}`, each fiche run adds a sentence to the "
            f"`samenvatting` of `{serve['fiche']['edited']}`; every run waits for the rebuild and fetches the "
            f"page (`/{serve['news']['page']}`, `/{serve['fiche']['page']}`) over loopback to confirm the edit "
            f"is served. The preview runs as `make serve` runs it (`{serve['command']}`): a rebuild writes only the "
            "pages and files that differ from the last build, and a changed Word file is made just after the "
            "build, so it is not in these times.")
        add("")
    add("## Newsletters (`site/nieuwsbrief/*/email.html`)")
    add("")
    add(f"| content | issues | news per issue (median) | median KB | largest KB | issues > {NEWSLETTER_LIMIT_KB} KB |")
    add("|---|---:|---:|---:|---:|---:|")
    for r in results:
        sizes = [s for _, s in r.newsletters]
        if not sizes:
            add(f"| {r.label} | 0 | | | | |")
            continue
        largest = max(r.newsletters, key=lambda item: item[1])
        over = sum(1 for s in sizes if s > NEWSLETTER_LIMIT_KB * 1024)
        add(f"| {r.news} news, {r.fiches} fiches | {len(sizes)} | {r.news / len(sizes):.1f} | "
            f"{kb(int(median(sizes)))} | {kb(largest[1])} ({largest[0]}) | {over} |")
    add("")
    add("An issue holds the month's news items plus the progress updates (`voortgang`) of fiches dated that "
        "month; copied fiches keep their original updates, so the 2024 months with updates are the largest.")
    add("")
    add("## Targets")
    add("")
    add("| target | measured | result |")
    add("|---|---|---|")
    if (1000, 50) in by and by[(1000, 50)].blog:
        r = by[(1000, 50)]
        add(f"| Zonesite build at 1,000 news ≤ 0.25× Material's blog plugin (same news items) | ×{r.blog_ratio:.2f} "
            f"({r.stats(r.zonesite)['median_s']:.2f} s vs {r.stats(r.blog)['median_s']:.2f} s) "
            f"| {verdict(r.blog_ratio <= 0.25)} |")
    if (1000, 50) in by:
        r = by[(1000, 50)]
        add(f"| Zonesite build at 1,000 news ≤ 1.3× plain MkDocs (same page count) | ×{r.ratio:.2f} "
            f"({r.stats(r.zonesite)['median_s']:.2f} s vs {r.stats(r.plain)['median_s']:.2f} s, {r.pages} pages) "
            f"| {verdict(r.ratio <= 1.3)} |")
    if (1000, 200) in by:
        r = by[(1000, 200)]
        add(f"| (same, 1,000 news with 200 fiches) | ×{r.ratio:.2f} | {verdict(r.ratio <= 1.3)} |")
    if growth and growth[0][0].startswith("3000"):
        g = growth[0][1]
        add(f"| 3,000 news ≤ 3.3× 1,000 news | ×{g:.2f} | {verdict(g <= 3.3)} |")
    if (1000, 50) in by:
        c = by[(1000, 50)].stats(by[(1000, 50)].check)["median_s"]
        add(f"| `make check` < 2 s at 1,000 news | {c:.2f} s | {verdict(c < 2)} |")
    if (1000, 200) in by:
        c = by[(1000, 200)].stats(by[(1000, 200)].check)["median_s"]
        add(f"| (same, 1,000 news with 200 fiches) | {c:.2f} s | {verdict(c < 2)} |")
    for r in results:
        if r.newsletters and r.news == 1000 and r.fiches == 50:
            typical = median([s for _, s in r.newsletters])
            add(f"| typical newsletter < {NEWSLETTER_LIMIT_KB} KB (median issue, 1,000 news) | {kb(int(typical))} KB "
                f"(largest {kb(max(s for _, s in r.newsletters))} KB) | {verdict(typical < NEWSLETTER_LIMIT_KB * 1024)} |")
    add("")
    if profile:
        total = profile["total_s"]
        add("## Profile of one build (1,000 news, 50 fiches; pyinstrument, 1 ms sampling)")
        add("")
        add(f"Profiled wall time {total:.1f} s (the profiler slows the build down; compare shares, not "
            "seconds). Full call tree: `bench/profile-1000.txt`; data: `bench/profile-1000.json`.")
        add("")
        add("Self time by kind of code (standard-library and built-in calls count for their caller):")
        add("")
        add("| code | s | share |")
        add("|---|---:|---:|")
        for name, seconds in profile["categories"]:
            if seconds >= 0.005 * total:
                add(f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f} % |")
        add("")
        add("Inclusive time of the build's phases (outermost call):")
        add("")
        add("| phase | s | share |")
        add("|---|---:|---:|")
        for name, seconds in profile["phases"]:
            label = name.replace("  ", "&nbsp;&nbsp;")
            add(f"| {label} | {seconds:.2f} | {100 * seconds / total:.0f} % |")
        add("")
        add("Top functions by self time:")
        add("")
        add("| function | s |")
        add("|---|---:|")
        for name, seconds in profile["top_self"][:15]:
            add(f"| `{name}` | {seconds:.2f} |")
        add("")
    add("## Commands")
    add("")
    add("Run from a temporary copy of the project (`mkdocs.yml`, `hooks/`, `overrides/`, `docs/`, the example's `plans/` "
        "from `tests/fixtures/dender-zuid/`, plus generated `news/` and fiches), with "
        f"`NO_MKDOCS_2_WARNING=1 SOURCE_DATE_EPOCH={BUILD_EPOCH}`:")
    add("")
    add("```sh")
    add("make bench                                   # = .venv/bin/python bench/run.py")
    add(f"python -m mkdocs build -q --site-dir <tmp>/site            # Zonesite build, {runs}×, wall + os.wait4 ru_maxrss")
    add(f"python -m mkdocs build -q --site-dir <tmp>/plain-site      # plain baseline (cwd: plain project), {runs}×")
    if any(r.blog for r in results):
        add(f"python -m mkdocs build -q --site-dir <tmp>/blog-site       # Material's blog (cwd: blog project), {runs}×")
    add(f"PYTHONPATH=<tmp>/hooks python -m zonesite --root <tmp> check   # make check, {runs}× (+1 untimed validation)")
    if serve:
        add(f"{serve['command']}    # serve, then edit one news item and one fiche, "
            f"{len(serve['news']['rebuild_wall_s'])}× each")
    if profile:
        add("python bench/profile_build.py <tmp> <tmp>/profile-site bench/profile-1000   # pyinstrument, 1×")
    add("python bench/generate.py <dir> <news> <fiches>            # look at the generated content")
    add("```")
    add("")
    add(f"Raw numbers of every run: `{path.with_name('results.json').relative_to(HERE.parent) if path.is_relative_to(HERE.parent) else path.with_name('results.json')}`.")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median); at least 3")
    sizes_wanted = parser.add_mutually_exclusive_group()
    sizes_wanted.add_argument("--quick", action="store_true",
                              help="only 100 news and 1 run: a smoke test of the benchmark")
    sizes_wanted.add_argument("--only-1000", action="store_true",
                              help="only 1,000 news (50 fiches): Zonesite, plain MkDocs and the blog (~3 min)")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve rebuild")
    parser.add_argument("--no-profile", action="store_true", help="skip the pyinstrument profile")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    sizes = [(100, 50)] if args.quick else [(1000, 50)] if args.only_1000 else SIZES
    runs = 1 if args.quick else max(args.runs, 3)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="zonesite-bench-"))
    # One snapshot of the project at the start: every size measures the same code, even while it is edited.
    source = generate.copy_parts(work / "snapshot", generate.SNAPSHOT_PARTS)
    info = {**machine_info(source), "arguments": sys.argv[1:], "load_start": os.getloadavg()[0]}
    log(f"{info['nproc']} CPUs, Python {info['python']}, MkDocs {info['mkdocs']}, Material {info['material']}; "
        f"sizes {sizes}, {runs} runs each")
    results: list[SizeResult] = []
    serve = profile = None
    try:
        projects = {}
        for news, fiches in sizes:
            result, project = bench_size(work, source, news, fiches, runs, blog=(news, fiches) in BLOG_SIZES)
            results.append(result)
            projects[(news, fiches)] = project
        serve_project = projects.get((1000, 50)) or projects[sizes[0]]
        if not args.no_serve:
            serve = bench_serve(serve_project, runs)
        if not args.no_profile and not args.quick and not args.only_1000:
            profile = bench_profile(projects.get((1000, 50)) or serve_project, work)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - started
    info["load_end"] = os.getloadavg()[0]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_report(args.out, results, serve, profile, info, runs, total)
    args.out.with_name("results.json").write_text(json.dumps(
        {"machine": info, "runs": runs, "sizes": [r.to_json() for r in results], "serve": serve},
        indent=1), encoding="utf-8")
    log(f"done in {total / 60:.1f} min → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
