"""Main-text extraction against the article-extraction benchmark (``../shared/data/html_extraction``).

The benchmark's own measure: both texts are split into ``\\w+`` tokens and counted as joined
4-grams (a multiset; a text of fewer than four tokens is one n-gram of them all). Per page,
precision is the shared count over the predicted count and recall the shared count over the gold
count (a page where both are empty scores 1, one with nothing shared 0); precision is averaged
over the pages that predicted something, recall over the pages whose gold has something, and F1
is taken of the two averages.

What is scored is the text events are read from: the page's extracted main text below its
headline (the benchmark's ``articleBody`` has no headline), with the regions cleaning excludes
left out. The tune part lists its worst pages, with what leaked in and what was missed.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thucydides.clean import clean
from thucydides.errors import InputError
from thucydides.evaluate.scores import Error, Report, Scoring
from thucydides.ingest.html import read_html

_TOKEN = re.compile(r"\w+")
_N = 4


def shingles(text: str, n: int = _N) -> Counter[tuple[str, ...]]:
    """The joined n-grams of a text's ``\\w+`` tokens, counted."""
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


@dataclass(frozen=True)
class PageScore:
    precision: float
    recall: float
    predicted: bool
    """Whether anything was predicted (the page counts towards precision)."""
    expected: bool
    """Whether the gold text has anything (the page counts towards recall)."""

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(gold: str, predicted: str) -> PageScore:
    """The benchmark's precision and recall of one page."""
    truth, found = shingles(gold), shingles(predicted)
    tp = sum((truth & found).values())
    fp = sum((found - truth).values())
    fn = sum((truth - found).values())
    precision = 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)
    recall = 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)
    return PageScore(precision, recall, tp + fp > 0, tp + fn > 0)


def scored_text(html: str, url: str | None) -> str:
    """The text that is scored: the extracted main text below the headline, cleaning's regions
    left out (blank lines keep the paragraphs apart)."""
    article = read_html(html, "page", url=url)
    if article.rejection is not None:
        return ""
    cleaned = clean(article)
    start = cleaned.title_span[1] if cleaned.title_span else 0
    return cleaned.text[start:]


def evaluate_html(path: str | Path, worst: int = 10_000) -> Report:
    """Scores of our extraction on the pages of ``path``; the tune part lists its worst pages
    first, each with the start of what leaked in and of what was missed."""
    scoring = Scoring("html")
    pages: list[tuple[str, PageScore, str, str]] = []
    for record in _records(path):
        record_id = str(record["id"])
        report = scoring.of(record_id)
        report.records += 1
        gold = str(record.get("articleBody") or "")
        predicted = scored_text(str(record.get("html") or ""), record.get("url"))
        page = score_page(gold, predicted)
        if page.predicted:
            report.values["precision"].append(page.precision)
        if page.expected:
            report.values["recall"].append(page.recall)
        pages.append((record_id, page, gold, predicted))
    for record_id, page, gold, predicted in sorted(pages, key=lambda p: p[1].f1)[:worst]:
        if page.f1 >= 1.0:
            continue
        scoring.of(record_id).add_error(
            Error(
                "worst page",
                record_id,
                f"F1 {page.f1:.3f} P {page.precision:.3f} R {page.recall:.3f}",
                f"leaked: {_outside(predicted, gold)!r}",
                f"missed: {_outside(gold, predicted)!r}",
            )
        )
    return scoring.finish(_score)


def _score(report: Report) -> None:
    precisions, recalls = report.values.get("precision", []), report.values.get("recall", [])
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    report.scores["f1"] = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    report.scores["precision"] = round(precision, 4)
    report.scores["recall"] = round(recall, 4)


def _outside(text: str, other: str, limit: int = 240) -> str:
    """The paragraphs of ``text`` that share no 4-gram with ``other``, joined, cut at ``limit``."""
    known = shingles(other)
    words = " " + " ".join(_TOKEN.findall(other)) + " "
    kept = []
    for line in (line.strip() for line in text.splitlines()):
        tokens = _TOKEN.findall(line)
        shared = shingles(line) & known if len(tokens) >= _N else f" {' '.join(tokens)} " in words
        if tokens and not shared:
            kept.append(line)
    joined = " | ".join(kept)
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


def _records(path: str | Path) -> list[dict[str, Any]]:
    """The pages of a gold file. Lines are split at newlines only: page text holds U+2028 and
    other characters that ``str.splitlines`` would split at."""
    records = []
    try:
        with open(path, encoding="utf-8", newline="\n") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise InputError(f"{path}:{number}: not JSON ({error.msg})") from error
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from error
    return records
