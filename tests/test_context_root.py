"""Fields analysts filter on: the PLOVER context of each event (from the official CAMEO-to-PLOVER
table) and whether it is a root event, told in the title or the lead paragraph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thucydides.codes.contexts import all_contexts, plover_contexts
from thucydides.store.exports import GDELT_COLUMNS

from .test_cli import thucydides

ARTICLE = (
    "Japan Imposes Sanctions on North Korea\n\n"
    "TOKYO (AP) — Japan imposed sanctions on North Korea on Tuesday after a series of missile launches.\n\n"
    "Officials said the measures would take effect next month.\n\n"
    "Last year, South Korea accused North Korea of violating the armistice.\n"
)


@pytest.mark.parametrize(
    ("cameo", "contexts"),
    [
        ("0311", ("economic",)), ("0312", ("military",)), ("1121", ("crime", "corruption")),
        ("163", ("diplomatic",)), ("1711", ("human_security",)), ("1385", ("cbrn",)),
        ("040", ()), ("112", ()),
        ("0319", ("diplomatic",)),  # not in the table: its parent 031's
    ],
)
def test_contexts_come_from_the_official_table(cameo: str, contexts: tuple[str, ...]) -> None:
    assert plover_contexts(cameo) == contexts


def test_the_contexts_are_plover_words() -> None:
    assert {"diplomatic", "economic", "military", "legal", "human_rights", "cbrn"} <= set(all_contexts())
    assert all(c == c.lower() and " " not in c for c in all_contexts())


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], Path]:
    folder = tmp_path_factory.mktemp("root")
    path = folder / "japan.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = thucydides("analyze", str(path), "--date", "2025-03-05")
    assert result.returncode == 0, result.stderr
    db = folder / "root.db"
    assert thucydides("ingest", str(path), "--db", str(db), "--date", "2025-03-05").returncode == 0
    return json.loads(result.stdout), db


def test_events_in_the_title_and_lead_are_root(analysed: tuple[dict[str, object], Path]) -> None:
    analysis, _ = analysed
    events = analysis["events"]
    assert isinstance(events, list)
    by_sentence = {e["sentence"]: e for e in events}
    title = by_sentence["Japan Imposes Sanctions on North Korea"]
    lead = next(e for s, e in by_sentence.items() if s.startswith("Japan imposed sanctions"))
    later = next(e for s, e in by_sentence.items() if s.startswith("Last year"))
    assert title["root"] is True and lead["root"] is True and later["root"] is False
    assert lead["plover"]["context"] == list(plover_contexts(lead["cameo"]))


def test_root_and_context_filter_and_export(analysed: tuple[dict[str, object], Path]) -> None:
    _, db = analysed
    roots = thucydides("events", "--db", str(db), "--root", "--format", "json")
    rows = [json.loads(line) for line in roots.stdout.splitlines()]
    assert rows and all(r["root"] for r in rows)
    assert not any(r["sentence"].startswith("Last year") for r in rows)
    every = [json.loads(line) for line in thucydides("events", "--db", str(db), "--format", "json").stdout.splitlines()]
    assert any(r["sentence"].startswith("Last year") for r in every)

    context = plover_contexts(rows[0]["cameo"])[0]
    chosen = thucydides("events", "--db", str(db), "--context", context, "--format", "json")
    assert all(context in json.loads(line)["plover"]["context"] for line in chosen.stdout.splitlines())
    bad = thucydides("events", "--db", str(db), "--context", "gardening")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr

    tsv = thucydides("export", "--db", str(db), "--format", "gdelt-tsv", "--out", "-")
    flags = {r.split("\t")[GDELT_COLUMNS.index("IsRootEvent")] for r in tsv.stdout.splitlines()}
    assert flags == {"0", "1"}
    plover = thucydides("export", "--db", str(db), "--format", "plover-jsonl", "--out", "-", "--root")
    records = [json.loads(line) for line in plover.stdout.splitlines()]
    assert records and all(r["root"] is True and context in r["context"] for r in records)
