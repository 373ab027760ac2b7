"""Stories and mention counts over a corpus we build: the bundled samples, rewritten copies of each
(reworded sentences, a dropped paragraph, new titles, footers, truncation), unrelated articles on
the same topics, and one independent report of a sample's event. Real pipeline, real SQLite."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.ingest import read_inputs
from thucydides.pipeline import analyze
from thucydides.records import Article
from thucydides.resolve.stories import joins, signature
from thucydides.store import Store

from .conftest import SAMPLES, write
from .test_cli import dump

SYNONYMS = {
    "said": "stated", "announced": "declared", "officials": "authorities", "troops": "soldiers",
    "government": "administration", "talks": "discussions", "leaders": "heads of state",
    "country": "nation", "also": "additionally", "warned": "cautioned", "meeting": "session",
    "people": "residents", "statement": "communique", "capital": "capital city",
}
FOOTERS = (
    "Follow our world desk for more updates. Copyright 2025 Harbour Daily. All rights reserved.",
    "This story was republished from a partner wire service under licence. Share it with friends.",
    "Sign up for our morning newsletter to get the headlines before breakfast.",
)
TOPIC_TWINS = (
    # Unrelated articles on the topics of the samples: same actors and vocabulary, other events.
    "Japan and North Korea hold no talks as fishing dispute lingers\n\n"
    "TOKYO (Harbour Daily) - Japanese fishing crews complained on Friday that patrol boats had chased them"
    " from waters they have used for decades, and the Japanese fisheries agency said it would study the"
    " complaints. North Korean state media did not mention the incident. Fishing cooperatives in Niigata"
    " said catches of squid had fallen for a third year and asked the agency for compensation.",
    "Sudan's farmers plant late as rains arrive in Gezira\n\n"
    "WAD MADANI (Harbour Daily) - Farmers across Sudan's Gezira scheme began planting sorghum weeks late"
    " this season, agronomists said, after fuel shortages delayed the ploughing. Aid agencies said seed"
    " distributions had reached fewer villages than planned, and the African Union's agriculture office"
    " published a bulletin on expected harvests.",
)
INDEPENDENT = (
    "Tokyo widens North Korea measures after launches\n\n"
    "TOKYO (Lantern Press) - Japan imposed sanctions on North Korea on Tuesday after a series of missile"
    " launches, the chief cabinet secretary told reporters in Tokyo. The new measures freeze the assets of"
    " eleven organisations and nine individuals."
)


def reword(paragraph: str, rng: random.Random) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", paragraph)
    out = []
    for sentence in sentences:
        if rng.random() < 0.6:
            for word, other in SYNONYMS.items():
                sentence = re.sub(rf"\b{word}\b", other, sentence)
        out.append(sentence)
    return " ".join(out)


def rewrite(text: str, rng: random.Random, kind: str) -> str:
    """A copy as another site would publish it."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    title, body = paragraphs[0], paragraphs[1:]
    if kind == "truncated":
        body = body[: max(2, (len(body) * 3) // 5)]
    if kind in ("dropped", "everything") and len(body) > 3:
        body.pop(rng.randrange(2, len(body)))
    if kind in ("reworded", "everything"):
        body = [reword(p, rng) for p in body]
    title = {"truncated": title, "reworded": "WORLD: " + title}.get(kind, f"{title} - live updates")
    footer = [rng.choice(FOOTERS)] if kind != "reworded" else []
    return "\n\n".join([title, *body, *footer])


KINDS = ("reworded", "dropped", "truncated", "everything")


@pytest.fixture(scope="module")
def corpus() -> tuple[list[Article], dict[str, set[str]]]:
    """Articles in ingest order, and for each sample the ids of itself and its copies."""
    rng = random.Random(2025)
    samples = [a for a in read_inputs([str(SAMPLES)]) if a.rejection is None]
    expected = {p.name.split(".")[0]: json.loads(p.read_text(encoding="utf-8")) for p in SAMPLES.glob("*.expected.json")}
    articles: list[Article] = []
    families: dict[str, set[str]] = {}
    for number, sample in enumerate(samples):
        slug = Path(sample.origin.split(":")[0]).name.split(".")[0]
        day = sample.date or expected.get(slug, {}).get("date") or "2025-01-01"
        original = Article(id=f"s{number:02d}", text=sample.text, date=day, source="Origin Wire")
        copies = [
            Article(id=f"s{number:02d}-{kind}", text=rewrite(sample.text, rng, kind), date=day, source=f"Site {kind}")
            for kind in KINDS
        ]
        families[original.id] = {original.id, *(c.id for c in copies)}
        articles.extend([original, *copies])
    articles.extend(Article(id=f"twin{n}", text=t, date="2025-03-04", source="Harbour Daily") for n, t in enumerate(TOPIC_TWINS))
    articles.append(Article(id="independent", text=INDEPENDENT, date="2099-01-01", source="Lantern Press"))
    return articles, families


@pytest.fixture(scope="module")
def store_path(corpus: tuple[list[Article], dict[str, set[str]]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    articles, _ = corpus
    japan = next(a for a in articles if "Japan imposed sanctions on North Korea" in a.text and a.id.startswith("s"))
    # The independent report appears on the original's date, in a later ingest run.
    fixed = [a if a.id != "independent" else Article(id=a.id, text=a.text, date=japan.date, source=a.source) for a in articles]
    db = tmp_path_factory.mktemp("stories") / "stories.db"
    analyses = [analysis for _, analysis in analyze(fixed, Settings(batch_size=16))]
    with Store.open(db) as store:
        for start in range(0, len(analyses) - 1, 16):
            write(store, analyses[start : min(start + 16, len(analyses) - 1)])
    with Store.open(db) as store:  # a new run joins what is stored
        write(store, analyses[-1:])
    return db


@pytest.mark.slow
def test_each_original_and_its_copies_form_one_story(
    store_path: Path, corpus: tuple[list[Article], dict[str, set[str]]]
) -> None:
    _, families = corpus
    with Store.open(store_path) as store:
        stories = {frozenset(s.articles) for s in store.stories()}
        by_id = {s.id: s for s in store.stories()}
    for members in families.values():
        assert frozenset(members) in stories, sorted(members)
    original = by_id["s00"]
    assert original.first_article == "s00" and "Origin Wire" in original.sources and len(original.sources) == 5


@pytest.mark.slow
def test_unrelated_articles_on_the_same_topic_stay_apart(store_path: Path) -> None:
    with Store.open(store_path) as store:
        singles = {s.articles for s in store.stories() if s.size == 1}
    assert {("twin0",), ("twin1",), ("independent",)} <= singles


@pytest.mark.slow
def test_mention_counts_follow_copies_and_independent_reports(store_path: Path) -> None:
    with Store.open(store_path) as store:
        sanctions = [
            m for m in store.merged_events()
            if (m.source_country, m.target_country, m.plover_type) == ("JPN", "PRK", "SANCTION")
        ]
        rows = store.events()
    [event] = [m for m in sanctions if m.num_stories == 2]
    # The original and its four copies (one story, five sites) and the independent report.
    assert event.num_articles == 6 and event.num_sources == 6 and event.confidence == 0.75
    assert event.num_mentions >= event.num_articles
    mentions = [r for r in rows if r.merged_id == event.id]
    assert len(mentions) == event.num_mentions
    others = {r.article_id for r in mentions} - {"independent"}
    assert "independent" in {r.article_id for r in mentions} and len(others) == 5
    assert len({a.split("-")[0] for a in others}) == 1  # one sample and its own copies


@pytest.mark.slow
def test_writing_the_corpus_again_changes_nothing(store_path: Path, corpus: tuple[list[Article], dict[str, set[str]]]) -> None:
    before = dump(store_path)
    articles, _ = corpus
    subset = [a for a in articles if a.id.startswith("s01")]
    with Store.open(store_path) as store:
        summary = write(store, [analysis for _, analysis in analyze(subset, Settings())])
    assert summary.unchanged == len(subset)
    assert dump(store_path) == before


def test_signatures_are_deterministic_and_robust() -> None:
    text = " ".join(f"word{n} stands in sentence {n % 7}." for n in range(200))
    truncated = text[: len(text) // 2] + " Copyright Harbour Daily, all rights reserved."
    a, b = signature(text), signature(truncated)
    assert a is not None and b is not None
    assert a.to_blob() == signature(text).to_blob()  # type: ignore[union-attr]
    assert joins(a, b)
    other = signature(" ".join(f"token{n} sits in line {n % 5}." for n in range(200)))
    assert other is not None and not joins(a, other)
    assert signature("") is None


def test_the_band_index_is_what_finds_candidates(tmp_path: Path) -> None:
    db = tmp_path / "bands.db"
    with Store.open(db) as store:
        write(store, [])
    with sqlite3.connect(db) as connection:
        plan = " ".join(
            str(r) for r in connection.execute(
                "EXPLAIN QUERY PLAN SELECT article_id FROM story_bands WHERE (band = 1 AND hash = 2) OR (band = 3 AND hash = 4)"
            )
        )
    connection.close()
    assert "USING PRIMARY KEY" in plan or "USING INDEX" in plan, plan
