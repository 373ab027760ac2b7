"""Throughput and peak memory: the whole Thucydides pipeline beside bare spaCy `nlp.pipe`.

    python benchmarks/throughput.py [--repeat N] [PATH ...]

By default it reads the bundled samples and the gold articles in ../shared/data (PolNeAR, the
reference article); both runs see exactly the same texts. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from thucydides.config import Settings
from thucydides.ingest import read_inputs
from thucydides.pipeline import analyze
from thucydides.records import Article

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def corpus(paths: list[str]) -> list[Article]:
    if paths:
        return [a for a in read_inputs(paths) if a.rejection is None]
    articles = [a for a in read_inputs([str(ROOT / "samples")]) if a.rejection is None]
    polnear = DATA / "polnear_quotes" / "dev.jsonl"
    if polnear.exists():
        for line in polnear.open(encoding="utf-8"):
            record = json.loads(line)
            articles.append(Article(id=str(record["id"]), text=record["text"], date=record.get("date")))
    seed = DATA / "seed" / "seed.jsonl"
    if seed.exists():
        articles.extend(a for a in read_inputs([str(seed)]) if a.rejection is None)
    return articles


def measure(label: str, run: Callable[[], int], articles: int, tokens: int) -> dict[str, float | str]:
    """Wall time of one run, and the process's peak resident memory once it is done."""
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    return {
        "run": label,
        "seconds": elapsed,
        "articles/s": articles / elapsed,
        "tokens/s": tokens / elapsed,
        "peak RSS MiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=1, help="Repeat the corpus this many times.")
    parser.add_argument("--limit", type=int, default=150, help="Use at most this many articles (default 150).")
    args = parser.parse_args()
    settings = Settings()
    articles = corpus(args.paths)[: args.limit] * args.repeat
    nlp = spacy.load(settings.pipeline)  # bare: spaCy's own components, none of ours
    texts = [a.text for a in articles]
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    list(analyze(articles[:2], settings))  # warm up: load the knowledge base and lexicon

    bare = measure("bare spaCy nlp.pipe", lambda: sum(1 for _ in nlp.pipe(texts, batch_size=settings.batch_size)), len(texts), tokens)
    ours = measure("thucydides analyze", lambda: sum(1 for _ in analyze(articles, settings)), len(texts), tokens)
    print(f"{len(texts)} articles, {tokens:,} tokens, pipeline {settings.pipeline}, batch size {settings.batch_size}")
    print(f"{'run':<24}{'seconds':>10}{'articles/s':>12}{'tokens/s':>12}{'peak RSS MiB':>14}")
    for row in (bare, ours):
        print(f"{row['run']:<24}{row['seconds']:>10.2f}{row['articles/s']:>12.1f}{row['tokens/s']:>12,.0f}{row['peak RSS MiB']:>14.0f}")
    overhead = float(ours["seconds"]) / float(bare["seconds"]) - 1
    print(f"overhead over bare spaCy: {overhead:+.0%}")
    print("peak RSS is the process's high-water mark after each run (the bare run goes first).")


if __name__ == "__main__":
    main()
