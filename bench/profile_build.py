"""Profile one `mkdocs build` in-process with pyinstrument and summarise where the time goes.

    python bench/profile_build.py PROJECT SITE_DIR OUT_PREFIX

Writes OUT_PREFIX.txt (pyinstrument's call tree) and OUT_PREFIX.json (summary: time per
category of code, inclusive time of the build's phases, top functions by self time).
pyinstrument is not a project requirement: run.py calls this only when it is importable.
"""

from __future__ import annotations

import json
import os
import sys
import sysconfig
from collections import defaultdict
from pathlib import Path

from pyinstrument import Profiler

STDLIB = sysconfig.get_paths()["stdlib"]

# (category, substring of the file path); first match wins. Standard-library and built-in code
# counts towards whoever called it (e.g. `re` used by Markdown is Markdown time).
CATEGORIES = [
    ("zonesite hooks (Python, hooks/)", ("/hooks/zonesite/", "zonesite_mkdocs.py")),
    ("zonesite Jinja templates (overrides/zonesite/)", ("/overrides/zonesite/",)),
    ("Material templates (Jinja, incl. overrides/main.html)", ("/material/templates/", "/overrides/main.html",
                                                              "/overrides/")),
    ("Material search plugin (Python)", ("/material/plugins/search/",)),
    ("Material plugins/Python", ("/material/",)),
    ("Python-Markdown + extensions", ("/markdown/", "mdx_truly_sane_lists", "/pymdownx/")),
    ("Jinja2 engine (compile, runtime, filters)", ("/jinja2/", "/markupsafe/")),
    ("MkDocs search plugin", ("/mkdocs/contrib/search/",)),
    ("MkDocs core", ("/mkdocs/",)),
    ("pydantic", ("/pydantic/", "/pydantic_core/")),
    ("PyYAML", ("/yaml/",)),
    ("babel (dates)", ("/babel/",)),
    ("feedgen/lxml (feeds)", ("/feedgen/", "/lxml/")),
    ("nh3/css_inline/slugify", ("/nh3/", "/css_inline/", "/slugify/", "/text_unidecode/")),
    ("watchdog/click/other site-packages", ("/site-packages/",)),
]

# Inclusive time of the outermost call of these (function name, file path suffix): the build's phases.
PHASES = [
    ("on_config", "zonesite_mkdocs.py", "hook on_config: load + validate + generate all pages (zonesite)"),
    ("load_content", "zonesite/content.py", "  zonesite load_content (YAML, front matter, pydantic)"),
    ("generate_pages", "zonesite/pages.py", "  zonesite generate_pages (Jinja + Markdown fields)"),
    ("_generate_news", "zonesite/pages.py", "    _generate_news (post pages + list/archive pages)"),
    ("_generate_agenda", "zonesite/pages.py", "    _generate_agenda (agenda + iCalendar)"),
    ("_generate_newsletters", "zonesite/pages.py", "    _generate_newsletters (web + email + css_inline)"),
    ("_generate_action_plan", "zonesite/pages.py", "    _generate_action_plan (fiche pages, timeline)"),
    ("render_email", "zonesite/newsletter.py", "      render_email (email Jinja + css_inline)"),
    ("markdown", "zonesite/render.py", "  zonesite `md` filter (Markdown + nh3 in templates)"),
    ("on_files", "zonesite_mkdocs.py", "hook on_files (GeneratedPage.text: YAML front matter dump)"),
    ("on_pre_page", "zonesite_mkdocs.py", "hook on_pre_page"),
    ("on_page_content", "zonesite_mkdocs.py", "hook on_page_content"),
    ("on_post_build", "zonesite_mkdocs.py", "hook on_post_build (RSS + Atom feeds)"),
    ("get_files", "mkdocs/structure/files.py", "MkDocs get_files (scan docs/)"),
    ("get_navigation", "mkdocs/structure/nav.py", "MkDocs get_navigation"),
    ("_populate_page", "mkdocs/commands/build.py", "MkDocs _populate_page (read + Markdown → HTML, all pages)"),
    ("_build_page", "mkdocs/commands/build.py", "MkDocs _build_page (Material template per page)"),
    ("get_context", "mkdocs/commands/build.py", "  get_context"),
    ("on_page_context", "material/plugins/search/plugin.py", "  Material search on_page_context (index each page)"),
    ("render", "jinja2/environment.py", "  Jinja2 Template.render (anywhere)"),
    ("write_file", "mkdocs/utils/__init__.py", "  write_file"),
    ("on_post_build", "material/plugins/search/plugin.py", "Material search on_post_build (write index)"),
    ("_build_theme_template", "mkdocs/commands/build.py", "MkDocs theme templates (404, sitemap)"),
    ("convert", "markdown/core.py", "Python-Markdown convert (anywhere, inclusive)"),
]


def category(path: str | None) -> str | None:
    if not path:
        return None
    if path.startswith(STDLIB) and "/site-packages/" not in path or path.startswith("<"):
        return None  # the caller's category
    for name, needles in CATEGORIES:
        if any(needle in path for needle in needles):
            return name
    return "other"


def summarise(root) -> dict:
    by_category: dict[str, float] = defaultdict(float)
    by_function: dict[str, float] = defaultdict(float)
    phases: dict[str, float] = defaultdict(float)

    def walk(frame, inherited: str, active: frozenset) -> None:
        if frame.is_synthetic:
            return  # "[self]" frames: their time is already in the parent's total_self_time
        own = category(frame.file_path) or inherited
        self_time = frame.total_self_time
        by_category[own] += self_time
        where = (frame.file_path or "?").replace(str(Path.cwd()), ".")
        for marker in ("site-packages/", "python3.11/"):
            where = where.split(marker, 1)[-1]
        by_function[f"{frame.function}  ({where}:{frame.line_no})"] += self_time
        name = (frame.function or "").rsplit(".", 1)[-1]
        for function, suffix, label in PHASES:
            if name == function and (frame.file_path or "").endswith(suffix) and label not in active:
                phases[label] += frame.time
                active = active | {label}
        for child in frame.children:
            walk(child, own, active)

    walk(root, "other", frozenset())
    total = root.time
    return {
        "total_s": total,
        "categories": sorted(by_category.items(), key=lambda kv: -kv[1]),
        "phases": [(label, phases.get(label, 0.0)) for _, _, label in PHASES],
        "top_self": sorted(by_function.items(), key=lambda kv: -kv[1])[:25],
    }


def main() -> int:
    project, site_dir, prefix = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    os.chdir(project)
    from mkdocs.__main__ import cli

    profiler = Profiler(interval=0.001)
    profiler.start()
    try:
        cli.main(args=["build", "-q", "--site-dir", site_dir], standalone_mode=False)
    finally:
        session = profiler.stop()
    prefix.with_suffix(".txt").write_text(
        profiler.output_text(unicode=True, color=False, show_all=False, timeline=False), encoding="utf-8")
    summary = summarise(session.root_frame())
    prefix.with_suffix(".json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
