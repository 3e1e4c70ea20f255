"""Timing as plans write it: the words stay, the months are only what the words say."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from zonesite.models.common import YearMonth  # noqa: E402
from zonesite.models.timing import Timing  # noqa: E402

PLAN_YEAR = 2025


@pytest.mark.parametrize("written, first, last, approximate", [
    ("2025-03", (2025, 3), (2025, 3), False),                      # the old month form stays valid
    ("begin 2025", (2025, 1), (2025, 3), True),
    ("voorjaar", (2025, 3), (2025, 5), True),                      # no year: the plan's year
    ("voor de zomer van 2025", (2025, 1), (2025, 6), True),
    ("najaar", (2025, 9), (2025, 11), True),
    ("eind 2024", (2024, 10), (2024, 12), True),                   # before the plan's year
    ("Q2", (2025, 4), (2025, 6), False),
    ("Kwartaal 2 en 3 2024", (2024, 4), (2024, 9), False),
    ("doorlopend", (2025, 1), (2025, 12), False),
    ("oktober '24 – februari '25", (2024, 10), (2025, 2), False),  # a month without a year takes the next
    ("jan – maart", (2025, 1), (2025, 3), False),
    ("vanaf januari 2025", (2025, 1), (2025, 12), False),
    ({"tekst": "op de laatste algemene vergadering", "van": "2025-11", "tot": "2025-12"},
     (2025, 11), (2025, 12), True),
])
def test_words_become_an_honest_span(written, first, last, approximate):
    timing = Timing.parse(written)
    assert timing.span(PLAN_YEAR) == (YearMonth(*first), YearMonth(*last))
    assert timing.approximate is approximate
    assert timing.text == ("" if written == "2025-03" else written if isinstance(written, str) else written["tekst"])


@pytest.mark.parametrize("written", ["op de laatste algemene vergadering van 2025", "zodra de zorgraad beslist"])
def test_words_without_a_month_are_never_placed(written):
    timing = Timing.parse(written)
    assert timing.span(PLAN_YEAR) is None and timing.text == written
