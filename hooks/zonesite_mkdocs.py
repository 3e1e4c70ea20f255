"""MkDocs glue: the only module that imports MkDocs. The pipeline lives in the `zonesite` package.

Imported at the top on purpose: the hook's folder is on sys.path only while this file loads."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import clean_directory

from zonesite import build as pipeline
from zonesite import sitedir, urls
from zonesite.errors import ContentError
from zonesite.memory import Later, templates_stamp
from zonesite.preview import Preview
from zonesite.publicsite import nav_uris, public_nav, searchable
from zonesite.render import Dialect, Renderer
from zonesite.settings import site_settings

# The command comes from on_startup; without it (MkDocs used as a library) on_shutdown may not run
# either, so the site is then written in place as MkDocs does.
_state: dict[str, object] = {"command": None}
CONTENT_FOLDERS = ("plans", "news")
log = logging.getLogger("mkdocs.plugins.zonesite")


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    if command == "serve":
        # Kept for the whole `make serve`: each rebuild reuses what did not change, and MkDocs
        # rewrites only the pages and files that did (`--dirty`, see _Generated).
        _state["preview"] = Preview()
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_dirty)


def _quiet_dirty(record: logging.LogRecord) -> bool:
    # MkDocs warns in English on every `--dirty` rebuild that the nav may be stale; editors cannot
    # act on it, and the next start of `make serve` builds everything anew.
    return not record.getMessage().startswith("A 'dirty' build")


class _Generated(File):
    """A pipeline page or file that tells a `--dirty` rebuild whether it differs from the last build."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    site = site_settings({"site_name": config.site_name, "site_description": config.site_description,
                          "site_url": config.site_url, "extra": dict(config.extra)})
    serving, preview = _preview(), _preview_state()
    config.extra["addresses"] = urls.THEME  # the theme's templates link the feeds and newsletters
    _state["error"] = None
    try:
        result = pipeline.run(root, site, preview=serving, nav=config.nav,
                              docs_dir=Path(config.docs_dir),
                              dialect=Dialect(tuple(config.markdown_extensions), dict(config.mdx_configs)),
                              memory=preview.memory if preview else None)
    except ContentError as error:
        if not serving:
            raise PluginError(error.report()) from None
        # Editors watch the browser, not the terminal: the preview becomes the list of problems.
        print(error.report(), flush=True)
        _state["error"] = error
        config.nav = []
        return config
    _state["build"] = result
    nav = list(config.nav or [])
    if not _preview():
        # The public site is the zone's, not a documentation tool: no repository link, no edit
        # pencils, no manual in the menu. The preview keeps them; editors need them there.
        config.repo_url = config.edit_uri = None
        nav = public_nav(nav)
    config.nav = result.plan.nav + nav
    if _state["command"] in ("build", "gh-deploy"):
        # MkDocs empties and fills site_dir as it goes; build beside it and swap at the very end.
        _state["final"] = Path(config.site_dir)
        _state["fresh"] = sitedir.fresh(_state["final"])
        config.site_dir = str(_state["fresh"])
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


def on_build_error(error: Exception) -> None:
    # Also after on_post_build: strict mode turns warnings into an error only then.
    fresh = _state.pop("fresh", None)
    if fresh is not None:
        sitedir.discard(fresh)


def on_shutdown() -> None:
    fresh = _state.pop("fresh", None)
    if fresh is not None:
        if _state.pop("complete", False):
            sitedir.replace(_state["final"], fresh)
        else:
            sitedir.discard(fresh)


def _preview() -> bool:
    return _state["command"] == "serve"


def _preview_state() -> Preview | None:
    return _state.get("preview")  # type: ignore[return-value]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _state["error"] is not None:
        return Files([])  # nothing but the error page, written in on_post_build
    result: pipeline.Build = _state["build"]
    in_nav = set(nav_uris(config.nav))
    preview = _preview_state()
    for page in result.plan.pages:
        # News pages stay out of the nav on purpose: a nav entry is copied into every page.
        inclusion = InclusionLevel.UNDEFINED if page.src_uri in in_nav else InclusionLevel.NOT_IN_NAV
        # Empty: the page's content comes as HTML and its metadata as a dict (on_page_markdown), so
        # neither Markdown nor YAML has anything to read for the 1,000s of generated pages.
        file = _Generated.generated(config, page.src_uri, content="", inclusion=inclusion)
        file.changed = preview is None or preview.changed(page.src_uri, page)
        files.append(file)
    for path, source in result.plan.assets.items():
        files.append(File.generated(config, path, abs_src_path=source))
    for path, data in result.plan.files.items():
        if isinstance(data, Later):
            continue  # written after the build (on_post_build); until then the last one stays
        file = _Generated.generated(config, path, content=data)
        file.changed = preview is None or preview.changed(path, data)
        files.append(file)
    if preview is not None:
        preview.wrote(result.plan)
    # overrides/zonesite/ holds the pipeline's templates; MkDocs would publish the non-HTML ones
    # (the email's text template) as theme files.
    templates = (Path(config.config_file_path).parent / "overrides" / "zonesite").resolve()
    for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(templates)]:
        files.remove(file)
    return files


def _generated(page):
    """The pipeline's page at this page's address, or None (a page in docs/, or a content error)."""
    return _state["build"].plan.page(page.url) if _state["error"] is None else None


def on_env(env, config: MkDocsConfig, files: Files):
    # MkDocs compiles the theme's templates anew for every build (half a second); the preview keeps
    # the compiled ones until a template in overrides/ changes.
    preview = _preview_state()
    if preview is None or not config.theme.custom_dir:
        return env
    inputs = (tuple(config.theme.dirs), str(config.theme.locale), templates_stamp(Path(config.theme.custom_dir)))
    return preview.memory.remember("theme", inputs, lambda: env)


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files: Files) -> str:
    generated = _generated(page)
    if generated is not None:
        page.meta = generated.theme_meta()
    if not _preview() and not searchable(page.file.src_uri):
        page.meta["search"] = {"exclude": True}  # Material's search plugin skips the page
    return markdown


def on_pre_page(page, config: MkDocsConfig, files: Files):
    generated = _generated(page)
    if generated is None:
        return page  # a hand-written page in docs/: MkDocs' own dates and edit link
    # The sitemap's lastmod: the content's own date.
    if generated.updated:
        page.update_date = generated.updated.isoformat()
    # A generated page's "edit this page" opens the YAML or Markdown file it came from.
    source = generated.source
    if source and config.repo_url and config.edit_uri:
        # edit_uri points into docs/; content lives beside it, one level up.
        base = config.edit_uri.rstrip("/").removesuffix(Path(config.docs_dir).name).rstrip("/")
        # Quoted: a file name is content too, and Material prints this address unescaped.
        page.edit_url = f"{config.repo_url.rstrip('/')}/{base}/{quote(source)}"
    return page


def on_page_context(context, page, config: MkDocsConfig, nav):
    # The hand-written pages in docs/ share as the site: their title, the site's description and image.
    result: pipeline.Build | None = _state.get("build")
    if result is not None and _state["error"] is None and not isinstance(page.meta.get("share"), dict):
        description = page.meta.get("description") or config.site_description or ""
        page.meta["share"] = result.metadata.share(page.url, page.title or config.site_name, str(description))
    return context


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    # A generated page arrives empty (nothing for Markdown to do): its content is the pipeline's
    # HTML, and its outline comes from that HTML's headings.
    generated = _generated(page)
    if generated is None:
        return html
    page.toc = get_toc(generated.toc())
    return generated.html


def on_post_build(config: MkDocsConfig) -> None:
    preview = _preview_state()
    if _state["error"] is not None:
        # A `--dirty` rebuild leaves the last pages in place: remove them, or the browser would keep
        # showing them instead of the problems; the next good build writes every page again.
        clean_directory(config.site_dir)
        if preview is not None:
            preview.forget()
        _write_error_page(_state["error"], Path(config.config_file_path).parent, Path(config.site_dir))
        return
    _state["complete"] = True
    if preview is not None:
        preview.write_later(Path(config.site_dir), _state["build"].plan, _report_later)


def _report_later(address: str, error: Exception) -> None:
    log.error("%s kon niet gemaakt worden (%s); `make site` toont de volledige fout.", address, error)


def _write_error_page(error: ContentError, root: Path, site_dir: Path) -> None:
    """Under `mkdocs serve`: every address answers with the problems (the server's 404 page).

    MkDocs injects its reload script only into pages it finds, so the error page polls the same
    endpoint itself. The server's build counter is this process's monotonic clock in ms: a build
    after this moment has a higher number, and the page reloads when that build is done."""
    renderer = Renderer(root / "overrides" / "zonesite")
    page = renderer.render_detached("error_page.html", problems=error.problems,
                                    epoch=round(time.monotonic() * 1000))
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / "404.html").write_text(page, encoding="utf-8")
