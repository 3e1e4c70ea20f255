"""Problem messages for the mistakes editors make most, asserted word for word where it matters."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT
from pydantic import ValidationError

sys.path.insert(0, str(ROOT / "hooks"))
from zonesite.models.fiche import ProgressUpdate  # noqa: E402
from zonesite.models.news import parse_moment  # noqa: E402
from zonesite.validation import explain  # noqa: E402


def test_a_belgian_date_in_a_news_item_gets_the_date_it_means():
    with pytest.raises(ValueError) as refused:
        parse_moment("31/05/2025")
    assert "'31/05/2025' is geen geldige datum of tijd — bedoel je 2025-05-31?" in str(refused.value)


def test_a_belgian_date_in_a_plan_gets_the_date_it_means():
    with pytest.raises(ValidationError) as refused:
        ProgressUpdate.model_validate({"datum": "31/05/2025", "tekst": "Gestart."})
    detail, = refused.value.errors(include_url=False)
    assert explain(ProgressUpdate, detail) == ("hier staat '31/05/2025', maar er hoort een datum als JJJJ-MM-DD "
                                               "— bedoel je 2025-05-31?")


def test_an_impossible_date_gets_no_guess():
    with pytest.raises(ValidationError) as refused:
        ProgressUpdate.model_validate({"datum": "30/02/2025", "tekst": "Gestart."})
    detail, = refused.value.errors(include_url=False)
    assert "bedoel je" not in explain(ProgressUpdate, detail) and "pas de waarde aan" in explain(ProgressUpdate, detail)
