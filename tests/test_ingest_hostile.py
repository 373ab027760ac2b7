"""Hostile input (tests/fixtures/hostile/): each bad document becomes a rejection with its reason,
the documents around it are read as if it were not there, and nothing raises."""

from __future__ import annotations

import io
import json
import os
import re
import threading
from pathlib import Path

import pytest

from thucydides.errors import InputError
from thucydides.ingest import read_inputs
from thucydides.ingest.ids import MAX_ID_LENGTH

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"


def by_id(path: Path, **options: object) -> dict[str, object]:
    return {a.id: a for a in read_inputs([str(path)], **options)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "good", "reason"),
    [
        ("huge-integer-id.jsonl", ["good-1", "good-2"], "malformed_jsonl"),
        ("deep-array.jsonl", ["good-3", "good-4"], "malformed_jsonl"),
    ],
)
def test_one_hostile_jsonl_line_is_rejected_and_the_others_are_read(name: str, good: list[str], reason: str) -> None:
    articles = list(read_inputs([str(HOSTILE / name)]))
    assert [a.id for a in articles if a.rejection is None] == good
    [bad] = [a for a in articles if a.rejection is not None]
    assert bad.rejection is not None and bad.rejection.reason == reason
    assert bad.origin.endswith(f"{name}:2") and bad.rejection.detail.startswith("line 2:")


def test_lone_surrogates_in_any_field_are_rejected_with_their_line() -> None:
    articles = list(read_inputs([str(HOSTILE / "lone-surrogates.jsonl")]))
    assert [a.id for a in articles if a.rejection is None] == ["good-5", "good-6"]
    rejected = [a for a in articles if a.rejection is not None]
    assert [a.origin.rsplit(":", 1)[1] for a in rejected] == ["2", "3", "4", "5"]
    assert all(a.rejection is not None and a.rejection.reason == "undecodable" for a in rejected)
    for article in articles:  # every field of every article can be written as UTF-8
        for value in (article.id, article.text, article.title, article.source, article.url, article.origin):
            (value or "").encode("utf-8")


def test_jsonl_lines_end_only_at_newline_and_keep_their_numbers() -> None:
    articles = list(read_inputs([str(HOSTILE / "line-separators.jsonl")]))
    assert [a.origin.rsplit(":", 1)[1] for a in articles] == ["1", "2", "3"]
    first = articles[0]
    assert first.rejection is None and first.id == "seps"
    assert first.text == "Arnor met Gondor.\u2028They agreed.\u2029Talks go on.\u0085Next week too."
    assert articles[1].rejection is not None and articles[1].rejection.detail.startswith("line 2:")
    assert articles[2].id == "good-7" and articles[2].rejection is None


def test_crlf_line_ends_are_read() -> None:
    assert [a.id for a in read_inputs([str(HOSTILE / "crlf.jsonl")]) if a.rejection is None] == ["good-12", "good-13"]


def test_non_string_fields_are_converted_or_rejected_never_stored_as_reprs() -> None:
    articles = list(read_inputs([str(HOSTILE / "non-string-fields.jsonl")]))
    first = articles[0]
    assert first.rejection is None and (first.id, first.title, first.source) == ("42", "2024", "7.5")
    for article in articles[1:5]:
        assert article.rejection is not None and article.rejection.reason == "malformed_jsonl"
        assert "must be" in article.rejection.detail
        assert "[" not in article.rejection.detail and "{" not in article.rejection.detail
    assert [a.id for a in articles[1:5]] != ["['a']"]
    assert articles[5].id == "good-8" and articles[5].rejection is None


def test_a_long_id_is_hashed_to_a_bounded_one() -> None:
    articles = list(read_inputs([str(HOSTILE / "long-id.jsonl")]))
    assert all(a.rejection is None for a in articles)
    assert len(articles[0].id) <= MAX_ID_LENGTH
    assert articles[0].id == next(iter(read_inputs([str(HOSTILE / "long-id.jsonl")]))).id  # stable
    assert articles[1].id == "good-9"


def test_a_short_id_is_kept_as_given() -> None:
    line = json.dumps({"id": "k" * MAX_ID_LENGTH, "text": "Arnor met Gondor."}).encode()
    [article] = read_inputs(["-"], input_format="jsonl", stdin=io.BytesIO(line))
    assert article.id == "k" * MAX_ID_LENGTH


def test_utf16_with_a_bom_is_decoded() -> None:
    [article] = read_inputs([str(HOSTILE / "utf16-bom.txt")])
    assert article.rejection is None and article.title == "Arnor Recalls Envoy"
    assert [a.id for a in read_inputs([str(HOSTILE / "utf16-bom.jsonl")])] == ["good-10", "good-11"]


def test_a_fifo_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as handle:
            handle.write(b"Arnor met Gondor on the bridge.")

    threading.Thread(target=write, daemon=True).start()
    [article] = read_inputs([str(fifo)], input_format="txt")
    assert article.rejection is None and article.text == "Arnor met Gondor on the bridge."


def test_a_device_without_a_format_is_a_clear_error_and_with_one_a_bounded_rejection() -> None:
    with pytest.raises(InputError) as error:
        list(read_inputs(["/dev/zero"]))
    assert "no such file" not in str(error.value) and "--input-format" in str(error.value)
    [article] = read_inputs(["/dev/zero"], input_format="txt", max_bytes=10_000)
    assert article.rejection is not None and article.rejection.reason == "too_large"
    [line] = read_inputs(["/dev/zero"], input_format="jsonl", max_bytes=10_000)
    assert line.rejection is not None and line.rejection.reason in {"too_large", "binary"}


def test_endless_stdin_is_read_only_up_to_the_limit() -> None:
    class Endless(io.RawIOBase):
        served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            if self.served > 50_000_000:
                raise AssertionError("read far past the limit")
            buffer[: len(buffer)] = b"a" * len(buffer)
            self.served += len(buffer)
            return len(buffer)

    [article] = read_inputs(["-"], input_format="txt", max_bytes=100_000, stdin=io.BufferedReader(Endless()))
    assert article.rejection is not None and article.rejection.reason == "too_large"
    assert "more than 100,000 bytes" in article.rejection.detail


def test_a_file_name_that_is_not_utf8_gives_an_origin_that_is(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("Arnor met Gondor.", encoding="utf-8")
    [article] = read_inputs([str(tmp_path)])
    article.origin.encode("utf-8")
    assert article.rejection is None


@pytest.mark.parametrize(
    "text",
    [
        "北京市政府今天宣布了新的经济政策。",
        "Путин встретился с Си Цзиньпином в Москве.",
        "التقى الرئيس بوزير الخارجية في القاهرة",
        "東京で首相が記者会見を開いた。",
        "Ο πρωθυπουργός συναντήθηκε με τον πρόεδρο.",
    ],
)
def test_short_texts_in_other_scripts_are_not_english(text: str) -> None:
    from thucydides.clean.language import looks_english

    english, detail = looks_english(text, 0.12)
    assert not english and detail


@pytest.mark.parametrize(
    "text",
    [
        "Xi Jinping (习近平) met Biden in Woodside.",
        "Zelensky thanks allies",
        "Медведев: Moscow warns Kyiv over drone strikes near the border.",
    ],
)
def test_short_english_texts_with_some_other_script_are_english(text: str) -> None:
    from thucydides.clean.language import looks_english

    assert looks_english(text, 0.12)[0]


def test_a_folder_without_articles_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    with pytest.raises(InputError, match="no .txt, .html, .htm, .jsonl, .warc or .warc.gz files"):
        read_inputs([str(tmp_path)])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_text(tmp_path: Path, encoding: str) -> None:
    text = "Gondor's envoy met Arnor's foreign minister on Monday, officials said.\n"
    (tmp_path / "note.txt").write_bytes(text.encode(encoding))
    (tmp_path / "lines.jsonl").write_bytes((json.dumps({"id": "j1", "text": text}) + "\n").encode(encoding))
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 8)  # zeros, but not every other byte
    read = {Path(a.origin).name.split(":")[0]: a for a in read_inputs([str(tmp_path)])}
    assert read["note.txt"].rejection is None and read["note.txt"].text == text
    assert read["lines.jsonl"].rejection is None and (read["lines.jsonl"].id, read["lines.jsonl"].text) == ("j1", text)
    assert read["noise.txt"].rejection is not None and read["noise.txt"].rejection.reason == "binary"


def _expected_good(path: Path) -> set[str]:
    data = path.read_bytes()
    for bom, encoding in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            data = data.decode(encoding).encode("utf-8")
            break
    return {m.decode() for m in re.findall(rb'"id": "(good-\d+)"', data)}


@pytest.mark.parametrize("path", sorted(HOSTILE.iterdir()), ids=lambda p: p.name)
def test_every_hostile_input_is_read_without_losing_a_good_document(path: Path) -> None:
    articles = list(read_inputs([str(path)], input_format=None))
    assert articles
    good = {a.id for a in articles if a.rejection is None and a.id.startswith("good-")}
    assert good == _expected_good(path)
    for article in articles:
        assert article.rejection is None or (article.rejection.reason and article.rejection.detail)
        for value in (article.id, article.text, article.title, article.source, article.url, article.origin):
            (value or "").encode("utf-8")


def test_binary_lines_and_a_binary_file_named_jsonl() -> None:
    lines = list(read_inputs([str(HOSTILE / "binary-line.jsonl")]))
    assert [(a.id, a.rejection.reason if a.rejection else None) for a in lines][0::3] == [("good-14", None), ("good-15", None)]
    assert [a.rejection.reason for a in lines[1:3] if a.rejection] == ["undecodable", "undecodable"]
    [png] = read_inputs([str(HOSTILE / "png-named.jsonl")])
    assert png.rejection is not None and png.rejection.reason == "binary"


def test_odd_but_legal_json_shapes() -> None:
    articles = {a.origin.rsplit(":", 1)[1]: a for a in read_inputs([str(HOSTILE / "odd-shapes.jsonl")])}
    assert articles["1"].rejection is None and articles["1"].id.isalnum()  # an empty id: the content's hash
    assert articles["2"].text == "Gondor met Arnor at the river."  # the last of repeated keys, as JSON parsers do
    assert articles["3"].rejection is None and articles["3"].title is None and articles["3"].date is None
    assert articles["4"].source == "1e+308" and articles["5"].title == "-0.0"
    assert "6" not in articles  # a blank line
    assert articles["7"].rejection is None and articles["8"].id == "good-16"


@pytest.mark.parametrize("name", ["story.txt", "feed.jsonl"])
def test_a_huge_limit_costs_only_what_the_input_holds(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(json.dumps({"id": "a", "text": "Arnor met Gondor."}) + "\n", encoding="utf-8")
    [article] = read_inputs([str(path)], max_bytes=2**62)
    assert article.rejection is None


@pytest.mark.parametrize("date", ["2024-02-30", "2025-13-45", "0000-01-01", "2023-02-29"])
def test_an_impossible_date_in_a_jsonl_line_is_rejected_with_its_line(date: str) -> None:
    lines = [json.dumps({"id": "bad", "text": "Arnor met Gondor.", "date": date}),
             json.dumps({"id": "leap", "text": "Gondor met Arnor.", "date": "2024-02-29"})]
    bad, leap = read_inputs(["-"], input_format="jsonl", stdin=io.BytesIO("\n".join(lines).encode()))
    assert bad.rejection is not None and bad.rejection.reason == "malformed_jsonl" and date in bad.rejection.detail
    assert leap.rejection is None and leap.date == "2024-02-29"


def test_a_reader_that_breaks_on_one_file_costs_only_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.ingest import html

    def broken(html: str, origin: str, url: str | None = None, date: str | None = None) -> object:
        raise RecursionError("maximum recursion depth exceeded in the HTML parser")

    monkeypatch.setattr(html, "read_html", broken)  # imported from there when a page is read
    (tmp_path / "a.txt").write_text("Arnor met Gondor.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Gondor met Arnor.</p>", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Gondor thanked Arnor.", encoding="utf-8")
    articles = list(read_inputs([str(tmp_path)]))
    assert [a.rejection.reason if a.rejection else None for a in articles] == [None, "failed", None]
    assert articles[1].rejection is not None and "RecursionError" in articles[1].rejection.detail
