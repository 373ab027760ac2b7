"""JSON Lines: one article per line, ``{"id", "text", "date"?, "title"?, "url"?, "source"?}``.

Each line is read, parsed and checked on its own: a line that cannot be an article (not JSON, a
number too long for Python, nesting too deep, a lone surrogate, a field of the wrong type) becomes
a rejected Article naming its line number, and the lines around it are read as usual.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator

from thucydides.dates import ISO_DAY, day_of_stamp
from thucydides.ingest.checks import check_text
from thucydides.ingest.ids import article_id, bounded_id, origin_id
from thucydides.ingest.streams import Line
from thucydides.records import Article, Rejection

_OPTIONAL = ("title", "url", "source", "author")


def read_jsonl_lines(lines: Iterable[Line], origin: str, max_bytes: int, date: str | None = None) -> Iterator[Article]:
    """Articles from lines already read; a bad line becomes a rejected Article naming its number."""
    for line in lines:
        where = f"{origin}:{line.number}"
        if line.text is None:
            yield _rejected(where, line.rejection or Rejection("ingest", "unreadable", f"line {line.number}"))
            continue
        if line.text.endswith("\r"):
            line = Line(line.number, line.text[:-1])
        if not line.text.strip():
            continue
        yield _article(line.text.strip(), line.number, where, max_bytes, date)


def _article(line: str, number: int, where: str, max_bytes: int, date: str | None) -> Article:
    record, problem = _parse_line(line, number)
    if problem is not None or record is None:
        return _rejected(where, problem or Rejection("ingest", "malformed_jsonl", f"line {number}"))
    body = record["text"]
    assert isinstance(body, str)
    fields: dict[str, str] = {}
    for key in _OPTIONAL:
        value, problem = _string_field(record, key, number)
        if problem is not None:
            return _rejected(where, problem)
        if value:
            fields[key] = value
    given_id, problem = _id_field(record, number)
    if problem is not None:
        return _rejected(where, problem)
    rejection = check_text(body, max_bytes)
    if rejection is not None and rejection.reason == "undecodable":
        return _rejected(where, Rejection("ingest", "undecodable", f"line {number}: \"text\" holds {rejection.detail}"))
    line_date = record.get("date")
    return Article(
        id=given_id or article_id(body),
        text=body,
        date=line_date if isinstance(line_date, str) else date,
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
    except RecursionError:
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: arrays or objects nested too deeply to read")
    except ValueError as error:  # a number with more digits than Python converts (over 4,300)
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: {str(error).split(';')[0]}")
    if not isinstance(record, dict):
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: expected an object, got {_kind(record)}")
    if not isinstance(record.get("text"), str):
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: no \"text\" string")
    date = record.get("date")
    if date is not None and not (isinstance(date, str) and (ISO_DAY.match(date) or day_of_stamp(date))):
        shown = json.dumps(date)[:40] if isinstance(date, str) else _kind(date)
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: \"date\" must be YYYY-MM-DD, got {shown}")
    if isinstance(date, str) and not _real_date(date):
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: \"date\" {date} is not a day of the calendar")
    if isinstance(date, str):
        record["date"] = day_of_stamp(date)  # a date-time ("2024-01-02T10:00:00Z") gives its day
    return record, None


def _real_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


def _string_field(record: dict[str, object], key: str, number: int) -> tuple[str | None, Rejection | None]:
    """A metadata field as text: strings as given, numbers as written; anything else is refused."""
    value = record.get(key)
    if value is None:
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return json.dumps(value), None
    if not isinstance(value, str):
        return None, Rejection("ingest", "malformed_jsonl", f"line {number}: \"{key}\" must be a string, got {_kind(value)}")
    if not _valid_unicode(value):
        return None, Rejection("ingest", "undecodable", f"line {number}: \"{key}\" holds invalid Unicode (a lone surrogate)")
    return value.strip() or None, None


def _id_field(record: dict[str, object], number: int) -> tuple[str | None, Rejection | None]:
    """The id as given (a string or a whole number), hashed when too long; None when absent."""
    value = record.get("id")
    if value is None or value == "":
        return None, None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None, Rejection(
            "ingest", "malformed_jsonl", f"line {number}: \"id\" must be a string or a whole number, got {_kind(value)}"
        )
    if not _valid_unicode(value):
        return None, Rejection("ingest", "undecodable", f"line {number}: \"id\" holds invalid Unicode (a lone surrogate)")
    return bounded_id(value), None


def _valid_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _kind(value: object) -> str:
    """The JSON name of a value's type, for messages (never the value itself)."""
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "an array", dict: "an object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _rejected(origin: str, rejection: Rejection) -> Article:
    return Article(id=origin_id(origin), text="", origin=origin, input_format="jsonl", rejection=rejection)
