"""The resolved publication date reaches actor resolution: an undated article whose dateline
carries a date has its actors resolved at that date."""

from __future__ import annotations

import pytest

from thucydides.config import Settings
from thucydides.pipeline import analyze_one
from thucydides.records import Article

# Invented text; "President Bush" is George H. W. Bush in 1989-1993 and George W. Bush in 2001-2009.
TEXT = (
    "Trade talks in Washington\n\n"
    "WASHINGTON, March 17, 1990 (Reuters) - President Bush met the Arnorian trade minister on "
    "Friday and said the talks had gone well.\n"
)


@pytest.mark.slow
def test_actors_are_resolved_at_the_dateline_date_when_the_input_gives_none(settings: Settings) -> None:
    undated = analyze_one(Article(id="t", text=TEXT), settings)
    assert undated.date == "1990-03-17" and undated.date_source == "text"
    bush = next(a for a in undated.actors if a.text == "Bush")
    assert bush.name == "George H. W. Bush", bush
    # The same text given a date inside his term resolves to him: the date is what decides.
    dated = analyze_one(Article(id="t", text=TEXT, date="2005-03-17"), settings)
    assert next(a for a in dated.actors if a.text == "Bush").name == "George W. Bush"
