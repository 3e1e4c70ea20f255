"""What the preview keeps from one build to the next. MkDocs-free.

`make serve` rebuilds in one process after every save, and almost everything a rebuild would do
is work already done on content that did not change. A Memory hands the next build the renderer
(with its converted texts and the pages it rendered, each kept with the inputs it came from) and
the costly files (the Word document) with theirs: what has the same inputs is reused, the rest is
made again. Inputs are compared by value, so a reuse is never a guess. A one-off build starts
from an empty Memory and keeps nothing.

In the preview a slow file (the Word document) may also come `Later`: the build that changed it
does not wait for it; the preview writes it just after, while the editor looks at the page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from .render import Dialect, Renderer

T = TypeVar("T")


def templates_stamp(template_dir: Path) -> tuple:
    """Changes when a template is edited, added or removed (a developer at work on the theme)."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in template_dir.rglob("*") if p.is_file()))


@dataclass
class Later:
    """A file that is made after the build that needed it (the preview's slow files)."""

    key: str
    inputs: Any
    make: Callable[[], bytes]

    def made(self, memory: "Memory") -> bytes:
        data = self.make()
        memory._kept[self.key] = (self.inputs, data)
        return data


@dataclass
class Memory:
    defer_slow: bool = False  # the preview: a slow file that changed comes `Later`
    _renderer: Renderer | None = None
    _renderer_inputs: tuple = ()
    _kept: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def renderer(self, template_dir: Path, dialect: Dialect | None, *settings: Any) -> Renderer:
        """The last build's renderer when templates, Markdown dialect and `settings` (what the
        templates read besides their context) are unchanged; otherwise a fresh one."""
        inputs = (template_dir, dialect, templates_stamp(template_dir), *settings)
        if self._renderer is None or self._renderer_inputs != inputs:
            self._renderer, self._renderer_inputs = Renderer(template_dir, dialect), inputs
        return self._renderer

    def remember(self, key: str, inputs: Any, make: Callable[[], T], slow: bool = False) -> T | Later:
        """What `make()` makes from `inputs` (a file at address `key`): the last one when `inputs`
        are equal to the last build's. `inputs` must hold everything `make` reads. A `slow` file
        that has to be made again comes `Later` in the preview."""
        kept = self._kept.get(key)
        if kept is not None and kept[0] == inputs:
            return kept[1]
        later = Later(key, inputs, make)
        return later if slow and self.defer_slow else later.made(self)
