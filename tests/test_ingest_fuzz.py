"""Property-based fuzzing of the readers (text, HTML, JSON Lines) and the cleaners: whatever the
bytes, no exception, one article or rejection per document, and no good document lost."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thucydides.config import Settings
from thucydides.ingest import read_inputs
from thucydides.pipeline import prepare
from thucydides.records import Article, Rejection

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200).filter(
    lambda t: bool(t.strip())
)
"""Any text a JSON string can carry, line and paragraph separators included."""

GOOD_LINE = st.builds(
    lambda text, id, ascii: (text, id, json.dumps({"id": id, "text": text}, ensure_ascii=ascii)),
    TEXT, st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True), st.booleans(),
)
HOSTILE_LINE = st.one_of(
    st.binary(max_size=300).map(lambda b: b.replace(b"\n", b"")),
    st.sampled_from([p.read_bytes().split(b"\n")[1] for p in sorted(HOSTILE.glob("*.jsonl")) if p.stat().st_size < 300_000
                     and len(p.read_bytes().split(b"\n")) > 2]),
    st.just(b"[" * 5000 + b"]" * 5000),
    st.integers(min_value=1, max_value=20_000).map(lambda n: b'{"id": ' + b"9" * n + b', "text": "x"}'),
)
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def read_file(name: str, data: bytes, **options: object) -> list[Article]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_inputs([str(path)], **options))  # type: ignore[arg-type]


@SLOW
@given(st.lists(st.one_of(GOOD_LINE.map(lambda g: ("good", g)), HOSTILE_LINE.map(lambda h: ("bad", h))), max_size=12),
       st.sampled_from([b"\n", b"\r\n"]))
def test_jsonl_keeps_every_good_line_whatever_the_lines_around_it(lines: list[tuple[str, object]], end: bytes) -> None:
    raw = []
    for kind, value in lines:
        raw.append(value[2].encode("utf-8") if kind == "good" else value)  # type: ignore[index,union-attr]
    articles = read_file("feed.jsonl", end.join(raw) + end)
    by_line = {a.origin.rsplit(":", 1)[1]: a for a in articles if ":" in a.origin}
    for number, (kind, value) in enumerate(lines, start=1):
        if kind != "good":
            continue
        text, id, _ = value  # type: ignore[misc]
        article = by_line[str(number)]
        assert article.rejection is None, article.rejection
        assert (article.id, article.text) == (id, text)
    for article in articles:
        assert article.rejection is None or (article.rejection.reason and article.rejection.detail)
        for field in (article.id, article.text, article.title, article.source, article.origin):
            (field or "").encode("utf-8")  # everything read can be stored


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000), st.integers(min_value=1, max_value=4000))
def test_any_bytes_as_a_text_file_are_one_article_or_one_rejection(data: bytes, max_bytes: int) -> None:
    [article] = read_file("story.txt", data, max_bytes=max_bytes)
    if article.rejection is None:
        assert article.text and len(article.text.encode("utf-8")) <= max_bytes
        assert article.text in {data.decode(e, "ignore") for e in ("utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be")}
    else:
        assert article.rejection.reason in {"empty", "binary", "undecodable", "too_large"}


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_text_as_a_text_file_is_read_exactly(text: str) -> None:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return
    [article] = read_file("story.txt", data, max_bytes=10_000)
    if article.rejection is None:
        assert article.text == text.removeprefix("\ufeff")


MARKUP = st.lists(
    st.one_of(
        st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<article>", "<script>", "</script>", "<!--", "-->",
                         "<![CDATA[", "]]>", "<html>", "<body>", "<h1>", "</h1>", "&amp;", "&#0;", "&#xD800;", "<meta charset='x'>"]),
        st.text(max_size=60),
    ),
    max_size=30,
).map("".join)


@SLOW
@given(st.one_of(MARKUP.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=1000)))
def test_any_page_is_one_article_or_one_rejection(data: bytes) -> None:
    [article] = read_file("page.html", data)
    assert (article.rejection is None) == bool(article.text)
    (article.text + (article.title or "")).encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600), st.one_of(st.none(), st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True)))
def test_cleaning_any_text_gives_a_cleaned_article_or_a_rejection(text: str, date: str | None) -> None:
    outcome = prepare(Article(id="fuzz", text=text, date=date), Settings())
    if isinstance(outcome, Rejection):
        assert outcome.stage == "clean" and outcome.reason and outcome.detail
        return
    assert outcome.text.strip() and len(outcome.text) == len(text)  # regions masked, offsets kept
    if outcome.dateline is not None:
        start, end = outcome.dateline.span
        assert 0 <= start <= end <= len(text)
