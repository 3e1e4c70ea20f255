"""mkdocs.yml read without MkDocs, for the commands that run outside a build (check, verify, new-zone)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import urls

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


@dataclass(frozen=True)
class SiteSettings:
    """What the pipeline reads from mkdocs.yml, typed: the site's name, description and address,
    the zone block (`extra.zone`, as written: the checks validate it into an Identity) and `extra`."""

    site_name: str = ""
    site_description: str = ""
    site_url: str = ""  # empty when mkdocs.yml names none
    zone: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    def absolute(self, address: str) -> str:
        """The full address of a page or file, for what is read outside the site."""
        return urls.absolute(address, self.site_url)

    @property
    def zone_fields(self) -> dict[str, Any]:
        """The zone block when it is one (a broken one is reported by the checks)."""
        return self.zone if isinstance(self.zone, dict) else {}


def site_settings(config: dict[str, Any]) -> SiteSettings:
    """The settings from mkdocs.yml's own keys (read_config, or the glue's MkDocs config)."""
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    return SiteSettings(str(config.get("site_name") or ""), str(config.get("site_description") or ""),
                        str(config.get("site_url") or ""), extra.get("zone"), extra)


def _merge(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in own.items():
        result[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) \
            else value
    return result
