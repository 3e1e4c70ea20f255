"""MkDocs glue: the only module that imports MkDocs. The pipeline lives in the `zonesite` package.

Imported at the top on purpose: the hook's folder is on sys.path only while this file loads."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from zonesite import build as pipeline
from zonesite.errors import ContentError

_state: dict[str, object] = {"command": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    site = {"site_name": config.site_name, "site_description": config.site_description or "",
            "site_url": config.site_url or "", **config.extra}
    try:
        result = pipeline.run(root, site, include_drafts=_state["command"] == "serve")
    except ContentError as error:
        raise PluginError(error.report()) from None
    _state["build"] = result
    config.nav = result.pages.nav + list(config.nav or [])
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    result: pipeline.Build = _state["build"]
    for page in result.pages.pages:
        files.append(File.generated(config, page.src_uri, content=page.text()))
    return files
