"""Problems found in content, reported all at once as `path:line: field: problem — fix`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised once, after every file has been checked, with every problem found."""

    def __init__(self, problems: list[Problem]):
        # Plans before news: a news item's reference can only be judged once its plan is right.
        self.problems = sorted(set(problems), key=lambda p: (not p.path.startswith("plans/"), p))
        super().__init__(self.report())

    def report(self, outcome: str = "Er is niets gebouwd.") -> str:
        """Every problem, after a first line with their number and `outcome`: what happened because of them."""
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        lines = [f"De inhoud heeft {count} {noun}. {outcome}"]
        lines += [str(problem) for problem in self.problems]
        return "\n".join(lines)


@dataclass
class Problems:
    """Collects problems across the whole pipeline so that editors see all of them in one run."""

    items: list[Problem] = field(default_factory=list)
    # Worth telling, never a reason to stop: scaffold text that was not replaced yet (`make verify`
    # keeps it from going online).
    warnings: list[Problem] = field(default_factory=list)
    # What looks like a slip but may be meant (a topic written almost like another): `make check`
    # asks the editor to look; nothing else stops for it.
    doubts: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, field_: str, message: str) -> None:
        self.items.append(Problem(path, line, field_, message))

    def warn(self, path: str, line: int, field_: str, message: str) -> None:
        self.warnings.append(Problem(path, line, field_, message))

    def doubt(self, path: str, line: int, field_: str, message: str) -> None:
        self.doubts.append(Problem(path, line, field_, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise ContentError(self.items)


def shown(value: Any, limit: int = 60) -> str:
    """A value quoted in a message: short, and with invisible characters made visible."""
    text = escape_invisible(str(value))
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def escape_invisible(text: str) -> str:
    """Control characters (terminal escape sequences) shown as \\x1b instead of acting on the terminal."""
    return "".join(char if char.isprintable() or char == " " else repr(char)[1:-1] for char in text)
