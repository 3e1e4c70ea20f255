"""`make export`: the whole public site as plain files that any MkDocs-compatible engine builds
without running our code (no `hooks:`). Knows nothing of MkDocs.

The folder holds a `mkdocs.yml` (the project's settings, without hooks, with the full menu), the
generated pages as Markdown files whose content is our HTML, the hand-written pages, and every
other output (feeds, calendars, newsletters, Word files, images) as files the engine copies.
A zone that moves to an engine without hooks runs `make export` and builds the folder; what it
loses is listed in the README."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from . import build as pipeline
from . import urls
from .errors import ContentError
from .publicsite import public_nav
from .render import Dialect
from .settings import read_config, site_settings


def export(root: Path, out: Path) -> int:
    config = read_config(root)
    docs = root / str(config.get("docs_dir") or "docs")
    try:
        result = pipeline.run(root, site_settings(config), nav=config.get("nav"), docs_dir=docs,
                              dialect=Dialect.from_config(config.get("markdown_extensions")))
    except ContentError as error:
        print(error.report())
        return 1
    if out.exists():
        shutil.rmtree(out)
    pages = out / "docs"
    shutil.copytree(docs, pages)
    if (root / "overrides").is_dir():
        shutil.copytree(root / "overrides", out / "overrides",
                        ignore=shutil.ignore_patterns("zonesite", "__pycache__"))
    for page in result.plan.pages:
        _write(pages / page.src_uri, page.front_matter() + _raw(page.html))
    for path, data in result.plan.files.items():
        _write(pages / path, data)
    for path, source in result.plan.assets.items():
        (pages / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, pages / path)
    _write(out / "mkdocs.yml", _settings(config, result.plan.nav + public_nav(config.get("nav"))))
    print(f"Geschreven: {out} ({len(result.plan.pages)} pagina's, "
          f"{len(result.plan.files) + len(result.plan.assets)} andere bestanden). "
          f"Bouw de site met: cd {out} && mkdocs build")
    return 0


def _raw(html: str) -> str:
    # One block of raw HTML: Markdown passes it through as it is (md_in_html, when a zone turns it
    # on, reads inside a block only when it says markdown="1").
    return f'\n<div class="zs-page">\n{html}\n</div>\n'


def _settings(config: dict[str, Any], nav: list) -> str:
    settings = {key: value for key, value in config.items() if key not in ("hooks", "watch", "docs_dir", "site_dir")}
    settings["nav"] = nav
    settings["extra"] = {**(settings.get("extra") or {}), "addresses": urls.THEME}
    # The public site: no repository link or edit pencil (see publicsite.py).
    settings.pop("repo_url", None)
    settings.pop("edit_uri", None)
    return yaml.safe_dump(settings, allow_unicode=True, sort_keys=False, width=1000)


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
