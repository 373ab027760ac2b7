"""Ingest: every input format, ids from content, and bad input as rejections, never exceptions."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from thucydides.errors import InputError
from thucydides.ingest import article_id, read_inputs

STORY = "Arnor Recalls Envoy\n\nMINAS TIRITH (Reuters) - Arnor recalled its ambassador from Gondor on Monday, the foreign ministry said.\n"


def test_plain_text_keeps_the_text_exactly_and_finds_the_headline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    [article] = read_inputs([str(path)], date="2024-03-04")
    assert article.text == STORY
    assert article.title == "Arnor Recalls Envoy"
    assert article.date == "2024-03-04"
    assert article.id == article_id(STORY)
    assert article.rejection is None


def test_id_ignores_whitespace_and_case_differences() -> None:
    assert article_id("Arnor  met\nGondor.") == article_id("arnor met gondor.")
    assert article_id("Arnor met Gondor.") != article_id("Gondor met Arnor.")


def test_directories_are_read_recursively_by_extension(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Arnor met Gondor on Monday in the capital city.", encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(json.dumps({"id": "two", "text": "Gondor met Arnor."}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "x.expected.json").write_text("{}", encoding="utf-8")
    ids = [a.id for a in read_inputs([str(tmp_path)])]
    assert len(ids) == 2 and "two" in ids


def test_jsonl_fields_and_malformed_lines_with_their_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok", "text": "Arnor met Gondor.", "date": "2024-01-02", "title": "T", "source": "Wire"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"text": "Dated badly.", "date": "yesterday"}),
        "",
        json.dumps({"text": "No id given."}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(read_inputs([str(path)]))
    assert [a.rejection is None for a in articles] == [True, False, False, False, True]
    ok = articles[0]
    assert (ok.id, ok.date, ok.title, ok.source) == ("ok", "2024-01-02", "T", "Wire")
    assert articles[1].rejection is not None and articles[1].rejection.detail.startswith("line 2:")
    assert articles[1].origin.endswith("feed.jsonl:2")
    assert "line 3" in articles[2].rejection.detail and "text" in articles[2].rejection.detail
    assert "YYYY-MM-DD" in articles[3].rejection.detail
    assert articles[4].id == article_id("No id given.")


def test_a_jsonl_date_given_as_a_date_time_is_its_day(tmp_path: Path) -> None:
    # feeds and archives stamp articles with a date-time; the publication date is its day
    lines = [
        json.dumps({"id": "stamp", "text": "Arnor met Gondor on Friday.", "date": "1998-03-01T14:11:00"}),
        json.dumps({"id": "zoned", "text": "Arnor met Gondor on Friday.", "date": "2024-01-02T23:30:00+02:00"}),
        json.dumps({"id": "impossible", "text": "Arnor met Gondor.", "date": "2024-02-30T10:00"}),
    ]
    path = tmp_path / "stamped.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stamp, zoned, impossible = read_inputs([str(path)])
    assert (stamp.rejection, stamp.date) == (None, "1998-03-01")
    assert (zoned.rejection, zoned.date) == (None, "2024-01-02")
    assert impossible.rejection is not None and "YYYY-MM-DD" in impossible.rejection.detail


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = """<!doctype html><html><head><title>Arnor and Gondor sign pact | The Tribune</title>
    <meta name="author" content="Ioreth Healer"><meta property="og:site_name" content="The Tribune">
    <meta property="article:published_time" content="2024-02-03T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Arnor and Gondor sign pact</h1>
    <p>MINAS TIRITH — Arnor and Gondor signed a defence pact on Friday after two days of talks in the capital.</p>
    <p>The agreement commits both kingdoms to consult each other before any deployment near the river.</p>
    </article><footer>Copyright The Tribune. All rights reserved.</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert article.rejection is None
    assert "signed a defence pact" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.date == "2024-02-03"
    assert article.author == "Ioreth Healer"
    assert article.source == "The Tribune"


def test_stdin_needs_a_format_and_is_read() -> None:
    with pytest.raises(InputError, match="--input-format"):
        list(read_inputs(["-"]))
    [article] = read_inputs(["-"], input_format="txt", stdin=io.BytesIO(b"Arnor met Gondor."))
    assert article.text == "Arnor met Gondor." and article.origin == "-"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("Arnor met Gondor in Osgiliath.".encode("latin-1") + b"\xff\xfe caf\xe9", "undecodable"),
        (b"word " * 300, "too_large"),
    ],
)
def test_bad_files_become_rejections_and_the_batch_goes_on(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Arnor met Gondor.", encoding="utf-8")
    articles = list(read_inputs([str(bad), str(good)], max_bytes=1000))
    assert articles[0].rejection is not None and articles[0].rejection.reason == reason
    assert articles[0].rejection.stage == "ingest"
    assert articles[1].rejection is None


def test_missing_path_and_unknown_extension_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([str(tmp_path / "nope.txt")]))
    odd = tmp_path / "story.docx"
    odd.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="--input-format"):
        list(read_inputs([str(odd)]))


def test_a_short_headline_without_function_words_is_english_and_short_foreign_text_is_not() -> None:
    from thucydides.clean.language import looks_english

    assert looks_english("Chilean drone strikes killed three Peruvian smugglers near Los Angeles port.", 0.12)[0]
    assert not looks_english("Der Minister hat mit dem Botschafter über die Grenze gesprochen und ist abgereist.", 0.12)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Le président a rencontré un diplomate à Paris lundi.",
        "Un soldat a été tué lors d'une attaque au nord du Mali.",
        "La France a condamné un attentat à Paris.",
        "El presidente se reunió con un enviado de la ONU en Madrid.",
    ],
)
def test_a_short_french_or_spanish_text_is_not_analysed_as_english(analyze_text, text: str) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text(text)
    assert analysis.rejection is not None and analysis.rejection.reason == "not_english"
    assert not analysis.places and not analysis.events  # "un" is no town in India


@pytest.mark.parametrize(
    "text",
    [
        "Le Pen wins first round",
        "Le Drian met de Klerk and Van Rompuy in La Paz on Monday.",
        "President Lula da Silva visited São Paulo.",
        "The café in Paris was a target of the coup d'état plotters, police said.",
        "Erdoğan meets Ramaphosa in Ankara",
    ],
)
def test_short_english_texts_with_foreign_names_stay_english(text: str) -> None:
    from thucydides.clean.language import looks_english

    assert looks_english(text, 0.12)[0]


def test_an_organisations_initials_are_no_town(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("The UN said aid convoys reached Darfur on Monday, and US and UK envoys arrived in Khartoum.")
    places = {p.text: (p.name, p.feature) for p in analysis.places}
    assert "UN" not in places  # not Un, a town in Gujarat
    assert places["US"] == ("United States", "country") and places["UK"] == ("United Kingdom", "country")


def test_a_score_sheet_is_rejected_as_no_prose_not_as_another_language(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Harbour League Results\n\nBOYS SOCCER\n\nBree Town 3, Arnor Valley 1\n\nBree Town (4-1): Halden 2 goals. "
        "Morwen 1 goal. Tarric 6 saves.\n\nArnor Valley (2-3): Esmund 1 goal. Corwin 9 saves.\n\n"
        "GIRLS VOLLEYBALL\n\nRohan West d. Gondor North 25-19, 25-22, 25-17\n\nRohan West (5-0): Ilse 12 kills. Marta 20 assists."
    )
    analysis = analyze_text(text)
    assert analysis.rejection is not None and analysis.rejection.reason == "no_prose"
    assert "not running text" in analysis.rejection.detail
    german = analyze_text("Die Regierung hat am Montag mit den Nachbarn über die Grenze gesprochen, und der Minister ist danach nach Hause abgereist, weil es nicht weiterging.")
    assert german.rejection is not None and german.rejection.reason == "not_english"
