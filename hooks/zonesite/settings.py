"""mkdocs.yml read without MkDocs, for the commands that run outside a build (check, verify, new-zone)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# `make new-zone` writes this address until the zone fills in its own: `make verify` refuses to publish it.
PLACEHOLDER_URL = "https://nog-in-te-vullen.invalid/"


def read_config(root: Path, name: str = "mkdocs.yml", depth: int = 0, inherit: bool = True) -> dict[str, Any]:
    """mkdocs.yml's own keys, read without MkDocs (tags like !ENV are not needed here).

    `INHERIT: other.yml` is followed as MkDocs follows it (the file's own keys win, blocks merge),
    so that `make check` sees the same menu as the build."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    file = root / name
    try:
        config = yaml.load(file.read_text(encoding="utf-8"), Loader=Loader) if file.is_file() else {}
    except (yaml.YAMLError, UnicodeDecodeError):
        config = {}  # MkDocs itself explains a broken mkdocs.yml; the content check goes on
    config = config if isinstance(config, dict) else {}
    parent = config.pop("INHERIT", None)
    if inherit and isinstance(parent, str) and depth < 5:
        return _merge(read_config((file.parent / parent).parent, Path(parent).name, depth + 1), config)
    return config


def site_settings(config: dict[str, Any]) -> dict[str, Any]:
    """The settings the pipeline reads: the site's name, description and address, and the `extra` block."""
    return {"site_name": config.get("site_name") or "", "site_description": config.get("site_description") or "",
            "site_url": config.get("site_url") or "", **(config.get("extra") or {})}


def _merge(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in own.items():
        result[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) \
            else value
    return result
