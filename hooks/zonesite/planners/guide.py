"""The editors' field reference, generated from the models so that it never falls behind them."""

from __future__ import annotations

from .. import urls
from ..guide import field_tables
from ..siteplan import Part
from .view import View


def plan(view: View) -> Part:
    return Part([view.page("field_reference.html", urls.FIELD_REFERENCE, "Alle velden",
                           description="Alle velden van plannen, fiches en nieuws.", tables=field_tables())])
