"""The zone's municipalities (gemeenten): listed once in mkdocs.yml, named by fiches and news items.

A name is looked up by its address (urls.slug), so `ninove` or `Sint Lievens Houtem` find the zone's
own spelling; the settings refuse two municipalities with one address, so the look-up is never
ambiguous. Items keep the zone's spelling: pages, filters and data then group them without doubt.
No `gemeenten` on an item means the whole zone. Knows nothing of MkDocs."""

from __future__ import annotations

import difflib
from typing import TypeVar

from pydantic import BaseModel

from . import urls
from .errors import Problems, shown
from .source import Document

M = TypeVar("M", bound=BaseModel)

FIELD = "gemeenten"


def same_name_twice(names: list[str]) -> str:
    """What is wrong with the zone's list when two of its names would share one address, or ""."""
    seen: dict[str, str] = {}
    for name in names:
        if (earlier := seen.get(urls.slug(name))) is not None:
            same = "staat twee keer in de lijst" if earlier == name else f"en '{earlier}' zijn dezelfde gemeente"
            return f"{shown(name)} {same} — schrijf elke gemeente één keer"
        seen[urls.slug(name)] = name
    return ""


class Places:
    def __init__(self, names: list[str] | None):
        # None: the zone block in mkdocs.yml is broken (reported there); nothing is checked against it.
        self.names = names
        self._by_address = {urls.slug(name): name for name in names or []}

    def named(self, item: M, doc: Document, problems: Problems) -> M:
        """`item` (a fiche or a news item) with its municipalities in the zone's spelling, after
        reporting the ones the zone does not have."""
        written = item.municipalities
        if not written or self.names is None:
            return item
        if not self.names:
            doc.report(problems, (FIELD,), "deze zone heeft geen lijst met gemeenten — zet ze in mkdocs.yml onder "
                       "`extra.zone.gemeenten`, of haal `gemeenten` hier weg (zonder gaat het over de hele zone)")
            return item
        found: list[str] = []
        for number, name in enumerate(written):
            known = self._by_address.get(urls.slug(name))
            if known is None:
                doc.report(problems, (FIELD, number), self._unknown(name))
            elif known in found:
                doc.report(problems, (FIELD, number), f"{known} staat twee keer in de lijst — schrijf elke "
                           "gemeente één keer")
            else:
                found.append(known)
        return item if found == written else item.model_copy(update={"municipalities": found})

    def _unknown(self, name: str) -> str:
        folded = {known.casefold(): known for known in self.names}
        close = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.6)
        choose = f"bedoel je '{folded[close[0]]}'? Kies uit" if close else "kies uit"
        return (f"{shown(name)} is geen gemeente van deze zone — {choose}: {', '.join(self.names)} "
                "(de lijst in mkdocs.yml, onder extra.zone.gemeenten)")
