"""Cleaning: boilerplate, credits and datelines are recognised and masked, offsets unchanged."""

from __future__ import annotations

import pytest

from thucydides.clean import clean
from thucydides.clean.language import looks_english
from thucydides.records import Article

BODY = (
    "Arnor Recalls Envoy\n\n"
    "MINAS TIRITH, Gondor (Reuters) — Arnor recalled its ambassador from Gondor on Monday.\n\n"
    "The foreign ministry said the move was temporary.\n\n"
    "Ioreth Healer in Osgiliath contributed to this story.\n\n"
    "Share this article\n\n"
    "Follow us on Twitter for more news\n\n"
    "(Visited 42 times, 3 visits today)\n\n"
    "Leave a comment\n\n"
    "Your email address will not be published. Fields marked * must be filled in.\n\n"
    "Arnor attacked Gondor.\n"
)


def test_boilerplate_is_masked_without_moving_offsets() -> None:
    article = Article(id="x", text=BODY, title="Arnor Recalls Envoy")
    cleaned = clean(article)
    assert len(cleaned.text) == len(BODY)
    assert "Visited" not in cleaned.text and "Leave a comment" not in cleaned.text
    assert "Share this" not in cleaned.text and "Follow us" not in cleaned.text
    # everything after the comment form is gone, even text that looks like news
    assert "attacked" not in cleaned.text
    start = BODY.index("The foreign ministry")
    assert cleaned.text[start : start + 20] == BODY[start : start + 20]
    assert cleaned.byline == "Ioreth Healer in Osgiliath"
    assert "contributed" not in cleaned.text


@pytest.mark.parametrize(
    ("opening", "place", "agency"),
    [
        ("KIEV, Ukraine — Officials said", "KIEV, Ukraine", None),
        ("MOSCOW (Reuters) - The Kremlin said", "MOSCOW", "Reuters"),
        ("GAZA CITY, Palestinian Territories: Four people", "GAZA CITY, Palestinian Territories", None),
        ("NEW DELHI (AP) — India said", "NEW DELHI", "AP"),
    ],
)
def test_datelines(opening: str, place: str, agency: str | None) -> None:
    text = "Headline Here\n\n" + opening + " more text follows here.\n"
    cleaned = clean(Article(id="x", text=text, title="Headline Here"))
    assert cleaned.dateline is not None
    assert (cleaned.dateline.place, cleaned.dateline.agency) == (place, agency)
    assert text[cleaned.dateline.span[0] : cleaned.dateline.span[1]].startswith(place.split(",")[0])
    assert place.split(",")[0] not in cleaned.text


def test_no_dateline_in_an_ordinary_first_sentence() -> None:
    cleaned = clean(Article(id="x", text="Arnor recalled its ambassador - officials said so.\n"))
    assert cleaned.dateline is None


def test_language_check() -> None:
    assert looks_english("The minister said that the talks with the delegation would resume on Monday in the capital.", 0.12)[0]
    assert not looks_english("Der Minister sagte, dass die Gespräche mit der Delegation am Montag in der Hauptstadt fortgesetzt werden.", 0.12)[0]
    assert not looks_english("El ministro dijo que las conversaciones con la delegación se reanudarán el lunes en la capital del país.", 0.12)[0]
