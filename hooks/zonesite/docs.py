"""Hand-written pages in docs/: readable, and reachable from the menu.

MkDocs publishes every Markdown file in docs/; one that is not in `nav` becomes a page nobody finds,
often a news item saved in the wrong folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import images
from .errors import Problems
from .source import display_path, read_text


def check_docs(root: Path, docs_dir: Path, nav: Any, problems: Problems) -> None:
    listed = set(_nav_files(nav))
    area = docs_dir.resolve().relative_to(root.resolve()).as_posix() if docs_dir.resolve().is_relative_to(
        root.resolve()) else "docs"
    # os.walk does not follow links to folders: a link loop cannot make this endless.
    for folder, subfolders, names in sorted(os.walk(docs_dir)):
        # MkDocs publishes everything in docs/ and follows symlinks: none may point out of it.
        for name in sorted(subfolders):
            if (Path(folder) / name).is_symlink():
                images.own_file(Path(folder) / name, root, area, problems)
        for name in sorted(names):
            file = Path(folder) / name
            if file.is_symlink() and not images.own_file(file, root, area, problems):
                continue
            if file.suffix.lower() not in (".md", ".markdown"):
                continue
            path = display_path(file, root)
            if read_text(file, path, problems) is None:
                continue
            if nav is not None and file.relative_to(docs_dir).as_posix() not in listed:
                problems.add(path, 1, "", "deze pagina staat niet in het menu (`nav` in mkdocs.yml), dus niemand "
                             "vindt ze — is het nieuws? Zet het dan in `news/JJJJ/` als `JJJJ-MM-DD-titel.md`; "
                             "anders: voeg de pagina toe aan `nav`")


def _nav_files(nav: Any) -> list[str]:
    """Every file named in MkDocs' `nav`, however it is nested (lists, sections, titled entries)."""
    if isinstance(nav, str):
        return [nav.strip().removeprefix("./")]
    if isinstance(nav, dict):
        return [uri for value in nav.values() for uri in _nav_files(value)]
    if isinstance(nav, list):
        return [uri for item in nav for uri in _nav_files(item)]
    return []
