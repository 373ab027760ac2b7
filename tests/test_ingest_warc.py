"""WARC input: a WARC written here with warcio holds an HTML page, a 404, a PDF, a redirect and
a second page; only the two HTML 200 pages become articles, each with its URL and fetch time."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from thucydides.cli import cli
from thucydides.ingest import read_inputs

PAGE = """<!doctype html><html><head><meta charset="{charset}"><title>{title} | The Tribune</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>{title}</h1>
<p>{lede}</p>
<p>The agreement commits both kingdoms to consult each other before any deployment near the river.</p>
<p>Officials in both capitals said the talks had been long and at times difficult, but fruitful.</p>
</article><footer>Copyright The Tribune.</footer></body></html>"""


def _response(writer: WARCWriter, url: str, status: str, content_type: str, body: bytes, date: str,
              extra: list[tuple[str, str]] | None = None) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def write_warc(path: Path, gzip: bool) -> None:
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "thucydides tests"}))
        first = PAGE.format(charset="utf-8", title="Japan imposes sanctions",
                            lede="Japan imposed sanctions on North Korea on Tuesday after a series of missile launches.")
        _response(writer, "https://news.example/world/pact", "200 OK", "text/html; charset=utf-8", first.encode(),
                  "2024-02-03T10:00:00Z")
        _response(writer, "https://news.example/missing", "404 Not Found", "text/html", b"<html><body><p>Not found</p></body></html>",
                  "2024-02-03T10:00:01Z")
        _response(writer, "https://news.example/report.pdf", "200 OK", "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
                  "2024-02-03T10:00:02Z")
        _response(writer, "https://news.example/old", "301 Moved Permanently", "text/html", b"",
                  "2024-02-03T10:00:03Z", [("Location", "https://news.example/world/pact")])
        second = PAGE.format(charset="iso-8859-1", title="Peru recalls envoy",
                             lede="Peru recalled its envoy from Mexico on Monday, the café owners' guild said in Lima.")
        _response(writer, "https://news.example/world/envoy", "200 OK", "text/html", second.encode("latin-1"),
                  "2024-02-04T08:30:00Z")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_only_html_200_responses_become_articles(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gzip=name.endswith(".gz"))
    articles = list(read_inputs([str(tmp_path)]))
    assert [(a.url, a.fetched_at) for a in articles] == [
        ("https://news.example/world/pact", "2024-02-03T10:00:00Z"),
        ("https://news.example/world/envoy", "2024-02-04T08:30:00Z"),
    ]
    assert all(a.rejection is None for a in articles)
    assert "imposed sanctions" in articles[0].text and "Home" not in articles[0].text
    assert "café owners" in articles[1].text
    assert articles[0].origin.startswith(str(path) + ":")


def test_a_page_over_the_size_limit_is_rejected_with_its_url(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzip=True)
    articles = list(read_inputs([str(path)], max_bytes=200))
    assert [a.rejection.reason if a.rejection else None for a in articles] == ["too_large", "too_large"]
    assert articles[0].url == "https://news.example/world/pact"


def test_a_file_that_is_not_a_warc_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not an archive\n" * 5)
    [article] = read_inputs([str(path)])
    assert article.rejection is not None and article.rejection.reason == "bad_warc"


def test_analyze_reads_a_warc_and_prints_each_page_with_its_url(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzip=True)
    result = CliRunner().invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [(d["url"], d["fetched_at"]) for d in lines] == [
        ("https://news.example/world/pact", "2024-02-03T10:00:00Z"),
        ("https://news.example/world/envoy", "2024-02-04T08:30:00Z"),
    ]
    assert {e["plover"]["type"] for e in lines[0]["events"]} >= {"SANCTION"}
