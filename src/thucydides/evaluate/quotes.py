"""Quote attribution against PolNeAR (../shared/data/polnear_quotes): content, and content with speaker.

PolNeAR marks every attribution in an article with three roles: source (the speaker), cue and
content, each a list of character spans (content may be discontinuous: “…,” he said, “…”).

Scoring is by characters, so a quote split where the gold set joins it, or joined where it splits
it, is judged by how much of it is right:

- **recall**: a gold attribution is found when the contents we found cover at least half of its
  content characters (for ``content``), counting only quotes whose speaker matches its source
  (for ``attribution``);
- **precision**: a quote we found is right when at least half of its content characters lie in
  the content of gold attributions (for ``attribution``: of attributions whose source its speaker
  matches).

A speaker matches a gold source when its span overlaps the source span, or when it names the
same actor (a word of the resolved name, such as "Clinton", is a word of the source text).
A gold attribution without a source is matched by a quote without a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thucydides.config import Settings
from thucydides.evaluate.events import read_gold
from thucydides.evaluate.scores import Counts, Error, Report, Scoring
from thucydides.pipeline import analyze
from thucydides.records import Actor, Article, Quote, Span

_WORD = re.compile(r"[^\W\d_]{3,}")
_NOT_NAMES = frozenset({"the", "and", "for", "who", "his", "her", "their", "said", "spokesman", "spokeswoman"})


@dataclass(frozen=True)
class GoldAttribution:
    id: str
    source: tuple[Span, ...] | None
    source_text: str
    content: tuple[Span, ...]
    content_text: str


def gold_attributions(record: dict[str, Any]) -> list[GoldAttribution]:
    """The attributions of one PolNeAR record that have a content span."""
    found = []
    for item in record.get("attributions", []):
        content = item.get("content")
        if not content or not content.get("spans"):
            continue
        source = item.get("source")
        found.append(
            GoldAttribution(
                id=str(item.get("id", "")),
                source=tuple((int(a), int(b)) for a, b in source["spans"]) if source else None,
                source_text=source["text"] if source else "",
                content=tuple((int(a), int(b)) for a, b in content["spans"]),
                content_text=content["text"],
            )
        )
    return found


def _chars(spans: Iterable[Span], text: str) -> set[int]:
    """Offsets of the non-space characters in the spans."""
    return {i for start, end in spans for i in range(start, min(end, len(text))) if not text[i].isspace()}


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def speaker_matches(speaker: Actor | None, gold: GoldAttribution) -> bool:
    """Whether a quote's speaker is the gold source (see the module docstring)."""
    if gold.source is None:
        return speaker is None
    if speaker is None:
        return False
    if any(_overlaps(speaker.span, span) for span in gold.source):
        return True
    source_words = {w.casefold() for w in _WORD.findall(gold.source_text)}
    name_words = {w.casefold() for w in _WORD.findall(speaker.name)} - _NOT_NAMES
    return bool(name_words & source_words)


def score_article(
    text: str, quotes: Sequence[Quote], gold: Sequence[GoldAttribution], with_speaker: bool
) -> tuple[Counts, list[GoldAttribution], list[Quote]]:
    """Counts for one article; the gold attributions missed and the quotes judged wrong."""
    counts = Counts()
    missed: list[GoldAttribution] = []
    wrong: list[Quote] = []
    found_chars = [_chars([q.span], text) for q in quotes]
    gold_chars = [_chars(g.content, text) for g in gold]
    for g, chars in zip(gold, gold_chars):
        covered: set[int] = set()
        for q, q_chars in zip(quotes, found_chars):
            if not with_speaker or speaker_matches(q.speaker, g):
                covered |= q_chars & chars
        if chars and 2 * len(covered) >= len(chars):
            counts.tp += 1
        else:
            counts.fn += 1
            missed.append(g)
    for q, q_chars in zip(quotes, found_chars):
        inside: set[int] = set()
        for g, chars in zip(gold, gold_chars):
            if not with_speaker or speaker_matches(q.speaker, g):
                inside |= q_chars & chars
        if not (q_chars and 2 * len(inside) >= len(q_chars)):
            counts.fp += 1
            wrong.append(q)
    return counts, missed, wrong


@dataclass
class AttributionCounts(Counts):
    """Recall over gold attributions (tp found, fn missed), precision over the quotes we found
    (fp wrong): the two count different things, so precision is kept from its own tally."""

    quotes_right: int = 0
    quotes_total: int = 0

    def add(self, counts: Counts, quotes: int) -> None:
        self.tp += counts.tp
        self.fn += counts.fn
        self.fp += counts.fp
        self.quotes_total += quotes
        self.quotes_right += quotes - counts.fp

    @property
    def precision(self) -> float:
        return self.quotes_right / self.quotes_total if self.quotes_total else 0.0


def evaluate_quotes(path: str | Path, settings: Settings, limit: int | None = None) -> Report:
    """Score quotes and speakers on a PolNeAR-format file (the first ``limit`` articles if given)."""
    records = read_gold(path)
    if limit is not None:
        records = records[:limit]
    scoring = Scoring("quotes")
    articles = (
        Article(id=str(r["id"]), text=r["text"], date=r.get("publication_date"), origin=str(r["id"]), input_format="jsonl")
        for r in records
    )
    for record, (_, analysis) in zip(records, analyze(articles, settings)):
        report = scoring.of(str(record["id"]))
        report.records += 1
        content = report.count("content", AttributionCounts)
        attribution = report.count("attribution", AttributionCounts)
        assert isinstance(content, AttributionCounts) and isinstance(attribution, AttributionCounts)
        text = record["text"]
        gold = gold_attributions(record)
        quotes = analysis.quotes
        counts, _, _ = score_article(text, quotes, gold, with_speaker=False)
        content.add(counts, len(quotes))
        counts, missed, wrong = score_article(text, quotes, gold, with_speaker=True)
        attribution.add(counts, len(quotes))
        for g in missed:
            source = g.source_text or "-"
            report.add_error(Error("miss", record["id"], source, g.content_text[:200], _context(text, g.content)))
        for q in wrong:
            speaker = q.speaker.name if q.speaker else "-"
            report.add_error(Error("false positive", record["id"], speaker, f"cue {q.cue!r}", q.content[:300]))
    return scoring.finish(score_quotes)


def score_quotes(report: Report) -> None:
    report.score_counts()
    content = report.count("content", AttributionCounts)
    assert isinstance(content, AttributionCounts)
    report.scores["gold_attributions"] = content.tp + content.fn
    report.scores["quotes_found"] = content.quotes_total


def _context(text: str, spans: Sequence[Span]) -> str:
    start = max(0, min(s for s, _ in spans) - 80)
    end = min(len(text), max(e for _, e in spans) + 40)
    return text[start:end].replace("\n", " ")
