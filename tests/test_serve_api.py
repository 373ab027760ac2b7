"""`thucydides serve`'s JSON API, through httpx against the real server on 127.0.0.1 over a real
database built from the samples (and one hostile article): filters as `thucydides events` reads
them, cursor pagination, 422 JSON errors, size limits, security headers, read-only access."""

from __future__ import annotations

import hashlib
import json
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from thucydides.serve.app import CONTENT_SECURITY_POLICY
from thucydides.serve.params import MAX_LIMIT
from thucydides.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(server: str):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=server, timeout=60) as http:
        yield http


def _all_events(client: httpx.Client, **params: object) -> list[dict]:
    """Every page of /api/events, following next_cursor."""
    events: list[dict] = []
    cursor = None
    for _ in range(100):
        answer = client.get("/api/events", params={**params, **({"cursor": cursor} if cursor else {})})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        events += body["events"]
        cursor = body["next_cursor"]
        if cursor is None:
            return events
    raise AssertionError("pagination did not end")


def test_events_filtered_by_country_are_that_countrys_in_the_nested_shape(client: httpx.Client) -> None:
    body = client.get("/api/events", params={"country": "JPN"}).json()
    assert body["events"] and body["total"] == len(body["events"])
    for event in body["events"]:
        assert "JPN" in {(event[side] or {}).get("country") for side in ("source", "target")}
        assert set(event["plover"]) >= {"type", "mode"} and event["modality"] == "asserted"
        assert event["article_id"] and event["span"][0] < event["span"][1]


def test_the_api_selects_what_thucydides_events_selects(client: httpx.Client, served_db: Path) -> None:
    args = ["--country", "RUS", "--modality", "all", "--since", "2024-01-01"]
    cli = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "events", "--db", str(served_db), *args,
         "--format", "json"], capture_output=True, text=True, timeout=300,
    )
    assert cli.returncode == 0, cli.stderr
    expected = [(r["article_id"], r["id"]) for r in map(json.loads, cli.stdout.splitlines())]
    got = _all_events(client, country="RUS", modality="all", since="2024-01-01", limit=2)
    assert expected and [(e["article_id"], e["id"]) for e in got] == expected


def test_cursor_pages_cover_every_event_once_in_every_order(client: httpx.Client) -> None:
    whole = client.get("/api/events", params={"modality": "all", "limit": MAX_LIMIT}).json()
    assert whole["next_cursor"] is None and whole["total"] == len(whole["events"]) > 20
    for order in ("date", "-date", "goldstein", "-goldstein"):
        paged = _all_events(client, modality="all", limit=7, order=order)
        ids = [(e["article_id"], e["id"]) for e in paged]
        assert len(ids) == len(set(ids)) == whole["total"], order
        if order.endswith("goldstein"):
            values = [e["goldstein"] for e in paged]
            assert values == sorted(values, reverse=order.startswith("-")), order
    dated = [e["date"] for e in _all_events(client, limit=9, order="-date") if e["date"]]
    assert dated[0] >= dated[-1]


def test_next_is_a_link_to_the_next_page_keeping_the_filters(client: httpx.Client) -> None:
    first = client.get("/api/events", params={"modality": "all", "limit": 3, "code": "04"}).json()
    assert first["next"] and "code=04" in first["next"] and "cursor=" in first["next"]
    second = client.get(first["next"]).json()
    assert second["events"] and all(e["cameo"].startswith("04") for e in second["events"])
    assert not {e["id"] for e in first["events"]} & {e["id"] for e in second["events"]}


def test_text_search_and_min_confidence(client: httpx.Client) -> None:
    found = client.get("/api/events", params={"q": "SANCTIONS", "modality": "all"}).json()["events"]
    assert found and all("sanction" in e["sentence"].lower() for e in found)
    everything = client.get("/api/events", params={"modality": "all", "limit": MAX_LIMIT}).json()["total"]
    confident = client.get("/api/events", params={"modality": "all", "min_confidence": 0.99}).json()["total"]
    assert client.get("/api/events", params={"modality": "all", "min_confidence": 0}).json()["total"] == everything
    assert confident < everything


@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"country": "Japan"}, "country"),
        ({"since": "2024-02-30"}, "since"),
        ({"since": "2025-01-02", "until": "2025-01-01"}, "since"),
        ({"limit": MAX_LIMIT + 1}, "limit"),
        ({"limit": 0}, "limit"),
        ({"modality": "perhaps"}, "modality"),
        ({"dyad": "RUS"}, "dyad"),
        ({"order": "sentence"}, "order"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"min_confidence": "high"}, "min_confidence"),
        ({"context": "astrology"}, "context"),
    ],
    ids=lambda value: json.dumps(value) if isinstance(value, dict) else value,
)
def test_bad_parameters_are_422_json_naming_the_parameter(client: httpx.Client, params: dict, parameter: str) -> None:
    answer = client.get("/api/events", params=params)
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/json")
    error = answer.json()["error"]
    assert error["status"] == 422 and error["parameter"] == parameter and error["message"]


def test_a_cursor_to_an_event_that_is_not_there_is_422(client: httpx.Client) -> None:
    from thucydides.serve.params import make_cursor

    answer = client.get("/api/events", params={"cursor": make_cursor("nope", "nope-e000")})
    assert answer.status_code == 422 and "continue after" in answer.json()["error"]["message"]


def test_unknown_ids_are_404_json(client: httpx.Client) -> None:
    for url in ("/api/events/ev-nothing", "/api/articles/nothing", "/api/nothing"):
        answer = client.get(url)
        assert answer.status_code == 404 and answer.json()["error"]["status"] == 404, url


def test_an_event_with_every_mention_and_its_article(client: httpx.Client) -> None:
    report = client.get("/api/events", params={"code": "SANCTION"}).json()["events"][0]
    for asked in (report["merged_id"], report["id"]):  # the merged event's id, or one report's
        event = client.get(f"/api/events/{asked}").json()
        assert event["id"] == report["merged_id"] and event["plover_type"] == "SANCTION"
        assert event["num_mentions"] == len(event["mentions"]) >= 1
        assert report["article_id"] in {m["article_id"] for m in event["mentions"]}
        assert all(m["sentence"] and "published" in m for m in event["mentions"])


def test_an_article_has_its_text_and_every_span_points_into_it(client: httpx.Client) -> None:
    report = client.get("/api/events", params={"country": "JPN", "code": "SANCTION"}).json()["events"][0]
    article = client.get(f"/api/articles/{report['article_id']}").json()
    text = article["text"]
    assert text and article["events"] and article["actors"]
    event = next(e for e in article["events"] if e["id"] == report["id"])
    assert text[event["span"][0] : event["span"][1]] and event["sentence"].find(text[event["span"][0] : event["span"][1]]) >= 0
    for actor in article["actors"]:
        assert text[actor["span"][0] : actor["span"][1]] == actor["text"]
    for quote in article["quotes"]:
        assert text[quote["span"][0] : quote["span"][1]] == quote["content"]
    assert article["merged_ids"][report["id"]] == report["merged_id"]


def test_an_actor_has_its_events_either_side_quotes_and_monthly_counts(client: httpx.Client) -> None:
    actor = client.get("/api/actors/JPN").json()
    assert actor["as_source"] and all(e["source"]["code"].startswith("JPN") for e in actor["as_source"])
    assert all(e["target"]["code"].startswith("JPN") for e in actor["as_target"])
    assert actor["counts"] and all(len(c["period"]) == 7 for c in actor["counts"])
    assert sum(c["events"] for c in actor["counts"]) == sum(sum(c["quad_classes"].values()) for c in actor["counts"])
    quoted = client.get("/api/actors/KEN").json()
    assert quoted["quotes"] and all(q["speaker_country"] == "KEN" for q in quoted["quotes"])


def test_quotes_stances_stories_and_counts(client: httpx.Client) -> None:
    quotes = client.get("/api/quotes", params={"country": "KEN", "limit": 2}).json()
    assert quotes["count"] == len(quotes["quotes"]) == 2
    stances = client.get("/api/stances", params={"polarity": "oppose"}).json()["stances"]
    assert stances and {s["polarity"] for s in stances} == {"oppose"}
    assert client.get("/api/stances", params={"polarity": "maybe"}).status_code == 422
    stories = client.get("/api/stories").json()["stories"]
    assert len(stories) >= 20 and all(s["size"] >= 1 for s in stories)
    counts = client.get("/api/counts", params={"by": "dyad", "per": "month", "quad_class": "true"}).json()
    assert counts["columns"][:3] == ["period", "source", "target"] and "material_conflict" in counts["columns"]
    assert counts["rows"] and all(r["events"] >= 1 for r in counts["rows"])
    assert client.get("/api/counts", params={"per": "fortnight"}).json()["error"]["parameter"] == "per"
    assert client.get("/api/counts", params={"by": "colour"}).json()["error"]["parameter"] == "by"


def test_every_answer_carries_a_csp_without_inline_scripts(client: httpx.Client) -> None:
    for url in ("/api/events", "/events", "/", "/docs", "/map", "/api/nothing", "/static/style.css"):
        answer = client.get(url)
        policy = answer.headers["content-security-policy"]
        assert policy == CONTENT_SECURITY_POLICY, url
        scripts = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
        assert "'self'" in scripts and "unsafe-inline" not in scripts and "unsafe-eval" not in scripts
        assert answer.headers["x-content-type-options"] == "nosniff"


def test_the_api_is_described_by_openapi_and_on_a_page(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors/{actor_code}",
                 "/api/quotes", "/api/stances", "/api/stories", "/api/counts"):
        assert path in schema["paths"], path
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert names >= {"actor", "source", "target", "dyad", "country", "code", "modality", "since", "until",
                     "min_confidence", "q", "limit", "cursor", "order"}
    page = client.get("/docs").text
    assert "/api/events" in page and "min_confidence" in page and "cdn" not in page.lower()


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_the_server_never_writes_the_database(client: httpx.Client, served_db: Path) -> None:
    before = _files(served_db.parent)
    mtime = served_db.stat().st_mtime_ns
    for url in ("/", "/events", "/api/events?limit=500&modality=all", "/api/actors/RUS", "/map", "/network",
                "/api/counts?by=type", "/api/stories"):
        assert client.get(url).status_code == 200, url
    assert client.post("/api/events").status_code == 405
    assert _files(served_db.parent) == before and served_db.stat().st_mtime_ns == mtime
    with Store.open(served_db, read_only=True) as store:  # how every request opens it
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store._connection.execute("DELETE FROM events")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "serve", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
    )


def test_the_command_prints_its_address_and_serves(served_db: Path) -> None:
    port = _free_port()
    process = _serve("--db", str(served_db), "--port", str(port))
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert f"http://127.0.0.1:{port}/" in line, line
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/stories?limit=1", timeout=10)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.2)
        assert answer.status_code == 200 and answer.json()["count"] == 1
        busy = _serve("--db", str(served_db), "--port", str(port))
        _out, err = busy.communicate(timeout=120)
        assert busy.returncode == 1 and err.strip() == f"error: port {port} on 127.0.0.1 is already in use; choose another with --port"
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_a_missing_database_is_one_line(tmp_path: Path) -> None:
    process = _serve("--db", str(tmp_path / "none.db"), "--port", str(_free_port()))
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1 and "Traceback" not in err
    assert err.strip().splitlines() == [f"error: {tmp_path / 'none.db'}: no such database; create it with `thucydides ingest PATH --db {tmp_path / 'none.db'}`"]
    assert not (tmp_path / "none.db").exists()


def test_pages_cap_their_size_and_say_what_is_wrong_in_html(client: httpx.Client) -> None:
    for url, parameter in (("/events?limit=501", "limit"), ("/map?country=12", "country"), ("/dyads?one=RUS", "two")):
        answer = client.get(url)
        assert answer.status_code == 422 and answer.headers["content-type"].startswith("text/html"), url
        assert "Error 422" in answer.text and parameter in answer.text, url
    shown = client.get("/events", params={"limit": 5, "modality": "all"}).text
    assert shown.count('<tr class="quad-') == 5 and 'rel="next"' in shown
    assert client.get("/articles/nothing").status_code == 404
