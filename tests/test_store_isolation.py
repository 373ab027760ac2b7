"""One document that cannot be written never costs the others in its batch."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from thucydides.records import Analysis
from thucydides.store import Store

from .test_store import ARNOR, GONDOR, analysis, event


def consult(id: str, text: str = "", date: str = "2024-03-01") -> Analysis:
    return analysis(id, date, event("e1", ARNOR, GONDOR, "040", "CONSULT"), text=text)


def test_a_repeated_id_in_a_batch_costs_no_other_article(tmp_path: Path) -> None:
    batch = [consult(f"good-{i}") for i in range(3)]
    batch += [consult("twice", text="The first telling."), consult("twice", text="The second telling.", date="2024-03-02")]
    batch += [consult(f"good-{i}") for i in range(3, 6)]
    with Store.open(tmp_path / "t.db") as store:
        summary = store.write(batch)
        assert store.stats().articles == 7
    assert summary.total == 8
    with sqlite3.connect(tmp_path / "t.db") as connection:
        [(text, date)] = connection.execute("SELECT text, date FROM articles WHERE id = 'twice'").fetchall()
    connection.close()
    assert (text, date) == ("The second telling.", "2024-03-02")  # as if written one after the other


def test_a_document_that_cannot_be_written_becomes_a_rejection(tmp_path: Path) -> None:
    bad = consult("bad", text="Arnor met \ud800 Gondor.")  # a lone surrogate cannot be stored as UTF-8
    batch = [consult("a"), consult("b"), bad, consult("c")]
    with Store.open(tmp_path / "t.db") as store:
        summary = store.write(batch, origins={"bad": "feed.jsonl:3"})
        assert store.stats().articles == 3
    assert summary.added == 3 and summary.rejected == 1
    [(article_id, detail)] = summary.unwritable
    assert article_id == "bad" and "UnicodeEncodeError" in detail
    assert "unwritable" not in summary.to_dict()
    with sqlite3.connect(tmp_path / "t.db") as connection:
        rows = connection.execute("SELECT article_id, origin, stage, reason FROM rejections").fetchall()
    connection.close()
    assert rows == [("bad", "feed.jsonl:3", "store", "unwritable")]
