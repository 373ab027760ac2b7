"""WARC archives (``.warc``, ``.warc.gz``; Common Crawl's news crawl among them), read as a stream.

Each ``response`` record whose HTTP status is 200 and whose content is HTML is one page: its
``WARC-Target-URI`` is the article's URL and its ``WARC-Date`` the fetch time. Everything else a
crawl holds (requests, metadata, redirects, errors, PDFs and images) is not an article and is
passed over. Records are read one at a time and a page's body only up to the size limit, so an
archive of any size is never held in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from thucydides.ingest.html import decode_page, is_html, read_html
from thucydides.ingest.ids import origin_id
from thucydides.records import Article, Rejection


def read_warc(stream: BinaryIO, origin: str, max_bytes: int, date: str | None = None) -> Iterator[Article]:
    """The HTML pages fetched with status 200 in a WARC stream (gzipped or not), in archive
    order; a page that cannot be read carries a rejection, and so does an archive that breaks."""
    records = ArchiveIterator(stream)
    warc_records = 0
    try:
        for record in records:
            if record.format != "warc":
                continue
            warc_records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if record.http_headers.get_statuscode() != "200":
                continue
            content_type = record.http_headers.get_header("Content-Type")
            if not is_html(content_type):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            fetched = record.rec_headers.get_header("WARC-Date")
            body = record.content_stream().read(max_bytes + 1)
            # The record's offset is known once it is read (asking earlier skips its body).
            where = f"{origin}:{records.get_record_offset()}"
            if len(body) > max_bytes:
                yield _rejected(where, url, fetched, Rejection("ingest", "too_large", f"more than {max_bytes:,} bytes; the limit is {max_bytes:,} (--max-bytes)"))
                continue
            text, rejection = decode_page(body, content_type)
            if text is None:
                yield _rejected(where, url, fetched, rejection or Rejection("ingest", "undecodable", url or where))
                continue
            yield read_html(text, where, url=url, date=date, fetched_at=fetched)
    except ArchiveLoadFailed as error:
        yield _rejected(origin, None, None, Rejection("ingest", "bad_warc", str(error).strip().splitlines()[0][:200]))
        return
    if warc_records == 0:
        yield _rejected(origin, None, None, Rejection("ingest", "bad_warc", "no WARC records in the file"))


def _rejected(origin: str, url: str | None, fetched: str | None, rejection: Rejection) -> Article:
    return Article(
        id=origin_id(origin), text="", url=url, fetched_at=fetched, origin=origin, input_format="warc", rejection=rejection
    )
