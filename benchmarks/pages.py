"""What `analyze` codes on web pages that are mostly not political news.

Reads the article-extraction benchmark's pages (``../shared/data/html_extraction/dev.jsonl``:
tech, shopping, sports, blogs, recipes, several languages) through the HTML path, as `analyze`
does, and prints per page the events and quotes coded. Most of these pages hold no political
event: every event there is a candidate false positive. Pages are split into tune and check as
every eval is (``thucydides.evaluate.partition``); the events and quotes are listed for tune
pages only, check pages are counted.

    .venv/bin/python benchmarks/pages.py [../shared/data/html_extraction/dev.jsonl] [--list]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from thucydides.config import Settings
from thucydides.evaluate.partition import PARTS, part_of
from thucydides.ingest.html import read_html
from thucydides.pipeline import analyze
from thucydides.records import Actor


def _actor(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.text!r}={actor.code}"


def main(argv: list[str]) -> None:
    listing = "--list" in argv
    paths = [a for a in argv if not a.startswith("--")]
    path = Path(paths[0] if paths else "../shared/data/html_extraction/dev.jsonl")
    pages = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    articles = [read_html(p["html"], origin=p["id"], url=p["url"]) for p in pages]
    parts = [part_of(p["id"]) for p in pages]
    totals: dict[str, Counter[str]] = {part: Counter() for part in PARTS}
    rules: Counter[str] = Counter()
    for (article, analysis), page, part in zip(analyze(articles, Settings()), pages, parts, strict=True):
        total = totals[part]
        total["pages"] += 1
        if analysis.rejection is not None:
            total["rejected"] += 1
        total["events"] += len(analysis.events)
        total["quotes"] += len(analysis.quotes)
        total["pages with events"] += bool(analysis.events)
        total["pages with quotes"] += bool(analysis.quotes)
        if part != "tune":
            continue
        for event in analysis.events:
            rules[event.rule] += 1
        if not listing:
            continue
        why = f" REJECTED {analysis.rejection.reason}" if analysis.rejection else ""
        print(f"\n== {page['id'][:8]} {page['url'][:80]} events={len(analysis.events)} quotes={len(analysis.quotes)}{why}")
        for event in analysis.events:
            print(f"  E {event.cameo} {event.rule}: {_actor(event.source)} -> {_actor(event.target)} | {event.sentence[:140]!r}")
        for quote in analysis.quotes:
            print(f"  Q {_actor(quote.speaker)} {quote.cue!r}: {quote.content[:100]!r}")
    print(f"\n{'part':6} {'pages':>5} {'rejected':>8} {'events':>6} {'ev/page':>7} {'quotes':>6} {'q/page':>6} {'p.w.ev':>6} {'p.w.q':>6}")
    for part in PARTS:
        t = totals[part]
        n = max(1, t["pages"])
        print(
            f"{part:6} {t['pages']:>5} {t['rejected']:>8} {t['events']:>6} {t['events'] / n:>7.2f} {t['quotes']:>6} "
            f"{t['quotes'] / n:>6.2f} {t['pages with events']:>6} {t['pages with quotes']:>6}"
        )
    if listing:
        print("\ntune events by rule:", ", ".join(f"{r} {c}" for r, c in rules.most_common(20)))


if __name__ == "__main__":
    main(sys.argv[1:])
