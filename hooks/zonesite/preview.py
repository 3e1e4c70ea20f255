"""The editors' preview between two saves (`make serve`). MkDocs-free; the glue asks it.

A save rebuilds the site in the same process. The preview remembers what the last build wrote,
so that the engine writes again only the pages and files that differ (MkDocs' `--dirty`), keeps
the Memory that lets the pipeline reuse its own work, and writes the slow files (memory.Later)
just after the build, while the editor already sees the page they changed."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Callable

from .memory import Later, Memory
from .siteplan import SitePlan


class Preview:
    def __init__(self) -> None:
        self.memory = Memory(defer_slow=True)
        self._written: dict[str, Any] = {}  # address → the page or the bytes the last build wrote
        self._later: dict[str, Later] = {}  # address → the newest slow file asked for

    def changed(self, address: str, made: Any) -> bool:
        """Whether the page or file at `address` differs from what the last build wrote."""
        return self._written.get(address) != made

    def wrote(self, plan: SitePlan) -> None:
        self._written = {**{page.src_uri: page for page in plan.pages}, **plan.files}

    def forget(self) -> None:
        """The served folder was emptied (a content error): the next build writes everything."""
        self._written = {}

    def write_later(self, site_dir: Path, plan: SitePlan, report: Callable[[str, Exception], None]) -> None:
        """Make and write each slow file of `plan` in the background; `report` hears of a failure."""
        for address, made in plan.files.items():
            if isinstance(made, Later):
                self._later[address] = made  # the newest wins: an older one still being made is dropped
                threading.Thread(target=self._write, args=(site_dir, address, made, report), daemon=True).start()

    def _write(self, site_dir: Path, address: str, later: Later, report: Callable[[str, Exception], None]) -> None:
        try:
            data = later.made(self.memory)
        except Exception as error:  # an error in a thread would reach no one: the editor hears of it
            report(address, error)
            return
        if self._later.get(address) is not later:
            return  # a newer save asked for a newer one
        target = site_dir / address
        part = target.with_name(target.name + ".part")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            part.write_bytes(data)
            os.replace(part, target)  # the browser never gets half a file
        except OSError:
            return  # `make serve` stopped meanwhile and removed its folder
        self._written[address] = data
