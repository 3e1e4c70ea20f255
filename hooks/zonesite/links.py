"""Which addresses content may link to: the web, e-mail, phone, and pages of the site itself.

Any other scheme (javascript:, data:, file:, vbscript: …) would run or open something on a click;
it is a content error, not a link the sanitizer silently drops. Knows nothing of MkDocs."""

from __future__ import annotations

import bisect
import functools
import html
import re
from typing import Iterator

ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")

# Browsers ignore tabs, newlines and other control characters inside a scheme ("java\tscript:").
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")

# Where Markdown and HTML in a body or field put an address.
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")  # [text](url) and ![alt](url)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)  # [name]: url
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^\s<>]*)>")  # <https://…>
_ATTRIBUTE = re.compile(r"""\b(?:href|src|action|formaction|xlink:href|poster|srcset|data)\s*=\s*"""
                        r"""("[^"]*"|'[^']*'|[^\s>]+)""", re.I)

ADVICE = "schrijf een adres dat begint met https://, mailto: of tel:, of een pad binnen de site"


def problem(url: str) -> str | None:
    """Why `url` may not be a link in content, in Dutch, or None when it may."""
    bare = _IGNORED.sub("", html.unescape(url))
    if bare.startswith("//") or bare.startswith("\\\\") or bare.startswith("/\\"):
        return f"'{url}' mist het begin van het adres — {ADVICE}"
    scheme = _SCHEME.match(bare)
    if scheme and scheme[1].lower() not in ALLOWED_SCHEMES:
        return f"links met '{scheme[1].lower()}:' zijn niet toegelaten — {ADVICE}"
    return None


def in_text(text: str) -> tuple[tuple[int, str], ...]:
    """Every address in Markdown or HTML text, with its line (counted from 0 in `text`)."""
    return _addresses(text)


# Every body is searched in every check, also for each save under `make serve`: a text seen
# before gives the same addresses.
@functools.lru_cache(maxsize=4096)
def _addresses(text: str) -> tuple[tuple[int, str], ...]:
    return tuple(_find_addresses(text))


def _find_addresses(text: str) -> Iterator[tuple[int, str]]:
    line_starts = [match.end() for match in re.finditer("\n", text)]  # linear, even for a huge body
    for pattern in (_MARKDOWN_LINK, _REFERENCE, _AUTOLINK, _ATTRIBUTE):
        for match in pattern.finditer(text):
            value = match[1]
            if pattern is _ATTRIBUTE and value[:1] in "\"'":
                value = value[1:-1]
            yield bisect.bisect_right(line_starts, match.start(1)), value


def problems_in_text(text: str) -> Iterator[tuple[int, str]]:
    """(line in `text`, Dutch problem) for every address content may not link to."""
    for line, url in in_text(text):
        message = problem(url)
        if message:
            yield line, message
