"""MkDocs glue: the only module that imports MkDocs. The pipeline lives in the `zonesite` package.

Imported at the top on purpose: the hook's folder is on sys.path only while this file loads."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from zonesite import build as pipeline
from zonesite.errors import ContentError
from zonesite.feeds import write_feeds
from zonesite.render import sanitize_page

_state: dict[str, object] = {"command": "build"}
CONTENT_FOLDERS = ("plans", "news")
log = logging.getLogger("mkdocs.plugins.zonesite")

# The editors' manual: in the preview's navigation and search, not in the public site's.
MANUAL = "handleiding/"


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    site = {"site_name": config.site_name, "site_description": config.site_description or "",
            "site_url": config.site_url or "", **config.extra}
    try:
        result = pipeline.run(root, site, include_drafts=_preview())
    except ContentError as error:
        raise PluginError(error.report()) from None
    _state["build"], _state["site"] = result, site
    nav = list(config.nav or [])
    if not _preview():
        # The public site is the zone's, not a documentation tool: no repository link, no edit
        # pencils, no manual in the menu. The preview keeps them; editors need them there.
        config.repo_url = config.edit_uri = None
        nav = [entry for entry in nav if not all(uri.startswith(MANUAL) for uri in _nav_uris(entry))]
    config.nav = result.pages.nav + nav
    return config


def on_serve(server, config: MkDocsConfig, builder):
    root = Path(config.config_file_path).parent
    for name in CONTENT_FOLDERS:
        if (root / name).is_dir():
            server.watch(str(root / name))
        else:
            log.info("De map %s/ bestaat nog niet. Maak je er nu een bestand in, herstart dan `make serve` "
                     "om het meteen te zien.", name)
    return server


def _preview() -> bool:
    return _state["command"] == "serve"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    result: pipeline.Build = _state["build"]
    in_nav = set(_nav_uris(config.nav))
    for page in result.pages.pages:
        # News pages stay out of the nav on purpose: a nav entry is copied into every page.
        inclusion = InclusionLevel.UNDEFINED if page.src_uri in in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, page.src_uri, content=page.text(), inclusion=inclusion))
    for path, source in result.pages.assets.items():
        files.append(File.generated(config, path, abs_src_path=source))
    for path, data in result.pages.files.items():
        files.append(File.generated(config, path, content=data))
    # overrides/zonesite/ holds the pipeline's templates; MkDocs would publish the non-HTML ones
    # (the email's text template) as theme files.
    templates = (Path(config.config_file_path).parent / "overrides" / "zonesite").resolve()
    for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(templates)]:
        files.remove(file)
    _state["html"] = {}
    _state["sources"] = {page.src_uri: page.source for page in result.pages.pages}
    return files


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    if not _preview() and page.file.src_uri.startswith(MANUAL):
        page.meta["search"] = {"exclude": True}  # Material's search plugin skips the page
    return markdown


def on_pre_page(page, config: MkDocsConfig, files: Files):
    # A generated page's "edit this page" opens the YAML or Markdown file it came from.
    source = _state["sources"].get(page.file.src_uri)
    if source and config.repo_url and config.edit_uri:
        # edit_uri points into docs/; content lives beside it, one level up.
        base = config.edit_uri.rstrip("/").removesuffix(Path(config.docs_dir).name).rstrip("/")
        page.edit_url = f"{config.repo_url.rstrip('/')}/{base}/{source}"
    return page


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    result: pipeline.Build = _state["build"]
    if page.url in result.pages.posts:
        # A news body may hold HTML; an editor's account must not be able to plant a script.
        html = sanitize_page(html)
        # Keep the rendered body once, for the feeds: no second Markdown pass.
        _state["html"][page.url] = html
    return html


def on_post_build(config: MkDocsConfig) -> None:
    result: pipeline.Build = _state["build"]
    posts = [(url, post) for url, post in result.pages.posts.items() if not post.item.draft]
    site = {**_state["site"], "site_url": config.site_url or "http://localhost/"}
    write_feeds(posts, _state["html"], site, Path(config.site_dir))


def _nav_uris(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [uri for value in nav.values() for uri in _nav_uris(value)]
    if isinstance(nav, list):
        return [uri for item in nav for uri in _nav_uris(item)]
    return []
