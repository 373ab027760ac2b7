"""JSON Lines: one article per line, ``{"id", "text", "date"?, "title"?, "url"?, "source"?}``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from thucydides.ingest.checks import check_text
from thucydides.ingest.ids import article_id, origin_id
from thucydides.records import Article, Rejection

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OPTIONAL = ("title", "url", "source", "author")


def read_jsonl(text: str, origin: str, max_bytes: int, date: str | None = None) -> Iterator[Article]:
    """Articles from JSON Lines text; a bad line becomes a rejected Article naming its line number."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        record, problem = _parse_line(line, number)
        if problem is not None or record is None:
            yield _rejected(where, problem or Rejection("ingest", "malformed_jsonl", f"line {number}"))
            continue
        body = record["text"]
        rejection = check_text(body, max_bytes)
        fields = {key: str(record[key]) for key in _OPTIONAL if record.get(key) not in (None, "")}
        yield Article(
            id=str(record.get("id") or article_id(body)),
            text=body,
            date=record.get("date") or date,
            origin=where,
            input_format="jsonl",
            rejection=rejection,
            **fields,
        )


def _parse_line(line: str, number: int) -> tuple[dict[str, object] | None, Rejection | None]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: expected an object, got {type(record).__name__}")
    if not isinstance(record.get("text"), str):
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: no \"text\" string")
    date = record.get("date")
    if date is not None and not (isinstance(date, str) and _DATE.match(date)):
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: \"date\" must be YYYY-MM-DD, got {date!r}")
    return record, None


def _rejected(origin: str, rejection: Rejection) -> Article:
    return Article(id=origin_id(origin), text="", origin=origin, input_format="jsonl", rejection=rejection)
