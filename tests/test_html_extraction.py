"""Main text of web pages: the benchmark's 4-gram measure, our promo filters on pages written
here, what `analyze --with-text` says was dropped, and the floors on the benchmark's dev pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from thucydides.cli import cli
from thucydides.clean import clean
from thucydides.evaluate.html import evaluate_html, score_page, shingles
from thucydides.ingest.html import read_html

from .conftest import DATA, need_data
from .floors import check_floors

ARTICLE = [
    "Arnor and Gondor signed a defence pact on Friday after two days of talks in the capital.",
    "The agreement commits both kingdoms to consult each other before any deployment near the river Anduin.",
    "Gondor's steward said the pact would be put before the council of elders next month for approval.",
    "Officials in Arnor said the treaty, whose newsletter of terms was reported by the palace, ends a decade of dispute.",
]
PROMO = {
    "SEE MORE: Rohan threatens to close the western border": "related",
    "DON'T MISS": "related",
    "More: Osgiliath bridge reopens after repairs": "related",
    "Follow the Tribune's full coverage of the river talks": "related",
    "Sign up for our newsletter to get the top stories in your inbox every morning.": "newsletter",
    "We use cookies to improve your experience on our site.": "cookies",
    "Photo: Gondor's steward greets Arnor's envoys at the river gate on Monday.": "caption",
    "Envoys of Arnor and Gondor shake hands in Osgiliath. (AP Photo/Hal Brandybuck)": "caption",
    "You may also like:": "related",
    "Harad envoy visits the southern ports": "related",
}


def _page(paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html><head><title>Arnor and Gondor sign pact | The Tribune</title></head>
    <body><nav><a href="/">Home</a></nav><article><h1>Arnor and Gondor sign pact</h1>{body}</article>
    <footer>Copyright The Tribune.</footer></body></html>"""


def test_the_measure_counts_joined_four_grams_per_page() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("one, two!") == {("one", "two"): 1}
    empty = score_page("", "")
    assert (empty.precision, empty.recall, empty.predicted, empty.expected) == (1.0, 1.0, False, False)
    exact = score_page("a b c d e", "a b c d e")
    assert (exact.precision, exact.recall) == (1.0, 1.0)
    leaked = score_page("a b c d e", "a b c d e x y z w")
    assert (leaked.precision, leaked.recall) == (2 / 6, 1.0)
    repeated = score_page("a b c d a b c d", "a b c d")
    assert (repeated.precision, repeated.recall) == (1.0, 1 / 5)
    nothing = score_page("a b c d", "")
    assert (nothing.precision, nothing.recall, nothing.predicted) == (0.0, 0.0, False)


def test_promo_blocks_are_excluded_with_their_kind_and_the_article_is_kept() -> None:
    paragraphs = ARTICLE[:2] + list(PROMO)[:3] + ARTICLE[2:] + list(PROMO)[3:]
    article = read_html(_page(paragraphs), "page.html")
    assert article.rejection is None
    cleaned = clean(article)
    for paragraph in ARTICLE:
        start = article.text.index(paragraph)
        assert cleaned.text[start : start + len(paragraph)] == paragraph
    kinds = {r.text: r.kind for r in cleaned.regions}
    for line, kind in PROMO.items():
        assert line in article.text, line
        assert line not in cleaned.text
        assert kinds[line] == kind
    for region in cleaned.regions:
        assert article.text[region.span[0] : region.span[1]] == region.text
    # paragraphs stay paragraphs
    assert all(f"\n\n{p}" in article.text for p in ARTICLE)


def test_a_sentence_that_mentions_links_or_newsletters_is_not_promo() -> None:
    text = (
        "Arnor Talks\n\n"
        "More than 200 delegates from Arnor met Gondor's envoys in Osgiliath on Monday.\n\n"
        "Related talks with Rohan were put off, the ministry said.\n\n"
        "Gondor refused to subscribe to the pact, the palace newsletter reported on Tuesday.\n\n"
        "The envoy showed reporters a photo of the burned bridge (taken on Sunday) in Osgiliath.\n"
    )
    from thucydides.records import Article

    cleaned = clean(Article(id="x", text=text, title="Arnor Talks"))
    assert cleaned.text == text


def test_analyze_with_text_lists_what_was_dropped_and_why(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(ARTICLE[:2] + ["SEE MORE: Rohan threatens to close the western border"] + ARTICLE[2:]), encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path), "--with-text"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.splitlines()[-1])
    [dropped] = [d for d in data["dropped"] if d["kind"] == "related"]
    assert data["text"][dropped["span"][0] : dropped["span"][1]] == dropped["text"]
    assert dropped["text"].startswith("SEE MORE")
    assert not any(e["sentence"].startswith("SEE MORE") for e in data["events"])
    assert "dropped" not in json.loads(CliRunner().invoke(cli, ["analyze", str(path)]).output.splitlines()[-1])


@pytest.mark.slow
def test_html_extraction_floors() -> None:
    report = evaluate_html(need_data(DATA / "html_extraction" / "dev.jsonl"))
    assert report.parts["check"].errors == []
    check_floors(report, "html", noise=0.002)


def test_the_publication_date_says_where_it_came_from() -> None:
    from thucydides.clean.pubdate import dated
    from thucydides.records import Article

    page = _page(ARTICLE).replace(
        "</title>", '</title><meta property="article:published_time" content="2024-02-03T10:00:00Z">'
    )
    article = read_html(page, "page.html", url="https://news.example/2023/05/06/pact")
    assert (article.date, article.date_source) == ("2024-02-03", "metadata")
    assert dated(article) == ("2024-02-03", "metadata")
    given = read_html(page, "page.html", date="2024-01-01")
    assert dated(given) == ("2024-01-01", "input")
    undated = read_html(_page(ARTICLE), "page.html", url="https://news.example/2023/05/06/pact")
    assert undated.date is None and dated(undated) == ("2023-05-06", "url")
    text = "Arnor Talks\n\nMINAS TIRITH, March 17, 2023 (Wire) - The council met.\n"
    assert dated(Article(id="t", text=text)) == ("2023-03-17", "text")
    # a related article's headline and date at the top of the text are not the article's date
    promo = "Arnor Talks\n\nSEE MORE: Gondor votes, March 3, 2023\n\nThe council met on Monday.\n"
    cleaned = clean(Article(id="p", text=promo, title="Arnor Talks"))
    spans = [r.span for r in cleaned.regions if r.kind == "related"]
    assert spans and dated(Article(id="p", text=promo), spans) == (None, None)
    assert dated(Article(id="p", text=promo)) == ("2023-03-03", "text")
