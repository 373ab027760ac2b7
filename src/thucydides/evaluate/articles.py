"""Whole real articles coded by hand (../shared/data/articles, defined by its GUIDE.md).

Each article goes through the same path as ``thucydides analyze FILE.jsonl``: read as JSON Lines
(its title, url and date kept), cleaned, parsed and coded. Then, as GUIDE.md defines:

- a predicted event matches a gold event when its PLOVER type is one of the gold types or its
  CAMEO root one of the gold roots, its source and target match the gold actors (either way
  round when the gold event is symmetric), and its modality is none of ``modality_not``;
- a predicted actor matches a gold actor when its country is one of ``countries``, its code
  starts with one of ``codes``, or one of ``names`` occurs as whole words in its text or name
  (case-insensitive; whole words so that "US" is not found in "Russia"); a null gold actor
  accepts anyone or no one;
- each gold event matches at most one predicted event: core events are matched first (as many
  as can be), then acceptable ones;
- ``core_recall`` is over core events, ``precision`` counts a predicted event as right when it
  matched a core or acceptable event; ``forbidden_found`` counts predicted events that match a
  forbidden coding; ``quote_speaker_recall`` counts gold quotes found (a predicted quote whose
  content contains the gold content and whose speaker matches); ``date_accuracy`` counts the
  matched gold events with ``dates`` whose predicted date starts with one of them.

Every predicted event is scored, whatever its modality: a negated or hypothetical event that a
gold event excludes by ``modality_not`` is an error, as the guide says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from thucydides.config import Settings
from thucydides.evaluate.events import read_gold
from thucydides.evaluate.scores import Error, Report, Scoring
from thucydides.ingest import read_inputs
from thucydides.pipeline import analyze
from thucydides.records import Actor, Analysis, Article, Event, Quote


@lru_cache(maxsize=4096)
def _word_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class GoldActor:
    countries: tuple[str, ...]
    names: tuple[str, ...]
    codes: tuple[str, ...]

    @classmethod
    def of(cls, data: dict[str, Any] | None) -> GoldActor | None:
        if data is None:
            return None
        return cls(
            countries=tuple(data.get("countries") or ()),
            names=tuple(n for n in data.get("names") or () if n.strip()),
            codes=tuple(data.get("codes") or ()),
        )

    def matches(self, actor: Actor | None) -> bool:
        if actor is None:
            return False
        if actor.country and actor.country in self.countries:
            return True
        if actor.code and any(actor.code.startswith(code) for code in self.codes):
            return True
        return any(_word_pattern(n).search(actor.text) or _word_pattern(n).search(actor.name) for n in self.names)

    def describe(self) -> str:
        return "/".join(self.countries or self.codes or self.names[:2]) or "?"


def _accepts(gold: GoldActor | None, actor: Actor | None) -> bool:
    return gold is None or gold.matches(actor)


@dataclass(frozen=True)
class GoldEvent:
    id: str
    core: bool
    what: str
    plover: tuple[str, ...]
    cameo_roots: tuple[str, ...]
    source: GoldActor | None
    target: GoldActor | None
    symmetric: bool
    dates: tuple[str, ...]
    modality_not: tuple[str, ...]

    @classmethod
    def of(cls, data: dict[str, Any]) -> GoldEvent:
        return cls(
            id=str(data.get("id", "")),
            core=bool(data.get("core")),
            what=str(data.get("what", "")),
            plover=tuple(data.get("plover") or ()),
            cameo_roots=tuple(data.get("cameo_roots") or ()),
            source=GoldActor.of(data.get("source")),
            target=GoldActor.of(data.get("target")),
            symmetric=bool(data.get("symmetric")),
            dates=tuple(data.get("dates") or ()),
            modality_not=tuple(data.get("modality_not") or ()),
        )

    def type_matches(self, event: Event) -> bool:
        return (bool(event.plover.type) and event.plover.type in self.plover) or event.cameo[:2] in self.cameo_roots

    def matches(self, event: Event) -> bool:
        if event.modality in self.modality_not or not self.type_matches(event):
            return False
        if _accepts(self.source, event.source) and _accepts(self.target, event.target):
            return True
        return self.symmetric and _accepts(self.source, event.target) and _accepts(self.target, event.source)

    def dated_right(self, event: Event) -> bool:
        return bool(event.date) and any(str(event.date).startswith(prefix) for prefix in self.dates)

    def describe(self) -> str:
        return f"{'/'.join(self.plover)} {self.source.describe() if self.source else '*'}->{self.target.describe() if self.target else '*'}"


@dataclass(frozen=True)
class GoldQuote:
    content: str
    speaker: GoldActor | None

    def found_by(self, quote: Quote) -> bool:
        return self.content.casefold() in quote.content.casefold() and _accepts(self.speaker, quote.speaker)


@dataclass(frozen=True)
class GoldArticle:
    id: str
    events: tuple[GoldEvent, ...]
    forbidden: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...]

    @classmethod
    def of(cls, data: dict[str, Any]) -> GoldArticle:
        return cls(
            id=str(data["id"]),
            events=tuple(GoldEvent.of(e) for e in data.get("events", [])),
            forbidden=tuple(GoldEvent.of(e) for e in data.get("forbidden", [])),
            quotes=tuple(GoldQuote(str(q["content"]), GoldActor.of(q.get("speaker"))) for q in data.get("quotes", [])),
        )


def match_events(golds: Sequence[GoldEvent], events: Sequence[Event]) -> dict[int, int]:
    """Gold index -> predicted index, one to one: the most core events matched, then the most
    events overall (augmenting paths never unmatch a gold event already matched)."""
    options = [[j for j, event in enumerate(events) if gold.matches(event)] for gold in golds]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for core in (True, False):
        for i, gold in enumerate(golds):
            if gold.core == core:
                augment(i, set())
    return {i: j for j, i in owner.items()}


def articles_with_analyses(path: str | Path, settings: Settings) -> Iterator[tuple[GoldArticle, Article, Analysis]]:
    """Each gold article with the article ``thucydides analyze`` reads from the same file, and
    its analysis."""
    gold = {str(r["id"]): GoldArticle.of(r) for r in read_gold(path)}
    articles = read_inputs([str(path)], input_format="jsonl", max_bytes=settings.max_text_bytes)
    for article, analysis in analyze(articles, settings):
        if article.id in gold:
            yield gold[article.id], article, analysis


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def likely_sentence(text: str, gold: GoldEvent) -> str:
    """The first sentence that names both of a gold event's actors (else its source), to show
    with a miss: the gold data says what happened, not where."""

    def names(actor: GoldActor | None, sentence: str) -> bool:
        return actor is not None and any(_word_pattern(n).search(sentence) for n in actor.names)

    sentences = [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
    both = (s for s in sentences if names(gold.source, s) and names(gold.target, s))
    either = (s for s in sentences if names(gold.source, s) or names(gold.target, s))
    return next(both, None) or next(either, "")


def _event_text(event: Event) -> str:
    source = event.source.code if event.source else "-"
    target = event.target.code if event.target else "-"
    return f"{event.plover.type or event.cameo} {source}->{target} ({event.modality}, rule {event.rule})"


def evaluate_articles(path: str | Path, settings: Settings) -> Report:
    scoring = Scoring("articles")
    for gold, article, analysis in articles_with_analyses(path, settings):
        report = scoring.of(gold.id)
        report.records += 1
        events = analysis.events
        matched = match_events(gold.events, events)
        right = set(matched.values())
        for i, g in enumerate(gold.events):
            j = matched.get(i)
            if g.core:
                report.count("core").tp += j is not None
                report.count("core").fn += j is None
            if j is not None and g.dates:
                report.count("dates").tp += g.dated_right(events[j])
                report.count("dates").fn += not g.dated_right(events[j])
            if j is None and g.core:
                near = next((e for e in events if g.type_matches(e)), None)
                detail = f"{g.describe()}: {g.what}" + (f"; coded {_event_text(near)}" if near else "")
                report.add_error(Error("miss", gold.id, g.id, detail, near.sentence if near else likely_sentence(article.text, g)))
        for j, event in enumerate(events):
            report.count("predicted").tp += j in right
            report.count("predicted").fp += j not in right
            report.judge(event, j in right)
            if j not in right:
                report.add_error(Error("false positive", gold.id, event.plover.type or event.cameo, _event_text(event), event.sentence))
            for f in gold.forbidden:
                if f.matches(event):
                    report.tallies["forbidden_found"] += 1
                    report.add_error(Error("forbidden", gold.id, f.id, f"{_event_text(event)}: {f.what}", event.sentence))
        for q in gold.quotes:
            found = any(q.found_by(quote) for quote in analysis.quotes)
            report.count("quotes").tp += found
            report.count("quotes").fn += not found
            if not found:
                speakers = [x.speaker.code if x.speaker else "-" for x in analysis.quotes if q.content.casefold() in x.content.casefold()]
                detail = f"{q.content!r} by {q.speaker.describe() if q.speaker else '*'}"
                report.add_error(Error("miss", gold.id, "quote", detail + (f"; found with speaker {speakers}" if speakers else "; not found"), ""))
        report.tallies["events_predicted"] += len(events)
        report.tallies["forbidden_found"] += 0
    return scoring.finish(score_articles)


def score_articles(report: Report) -> None:
    core, predicted = report.count("core"), report.count("predicted")
    quotes, dates = report.count("quotes"), report.count("dates")
    precision, recall = predicted.precision, core.recall
    report.scores["core_recall"] = round(recall, 4)
    report.scores["precision"] = round(precision, 4)
    report.scores["f1"] = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    report.scores["quote_speaker_recall"] = round(quotes.recall, 4)
    report.scores["date_accuracy"] = round(dates.recall, 4)
    report.scores["core_events"] = core.tp + core.fn
    report.scores["core_found"] = core.tp
    report.scores["gold_quotes"] = quotes.tp + quotes.fn
    report.scores.update(report.tallies)
    report.add_calibration()
