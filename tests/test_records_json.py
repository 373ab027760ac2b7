"""The output contract: records serialize to exactly the documented JSON fields."""

from __future__ import annotations

import json

from thucydides.records import Actor, Analysis, Event, Plover, Quote, Rejection, rejected, to_json, Article

ANALYSIS_FIELDS = {
    "id", "title", "date", "url", "source", "dateline", "byline", "language",
    "events", "quotes", "actors", "places", "times", "stances", "rejection", "fetched_at", "date_source",
}
EVENT_FIELDS = {
    "id", "sentence_index", "sentence", "span", "source", "target", "cameo", "plover", "quad_class",
    "goldstein", "modality", "date", "date_text", "location", "speaker", "rule", "confidence", "root",
    "location_basis",
}
ACTOR_FIELDS = {"text", "name", "code", "country", "sector", "span", "kb_id"}


def _actor(text: str, country: str) -> Actor:
    return Actor(text=text, name=text, code=country + "GOV", country=country, sector="GOV", span=(0, len(text)))


def test_analysis_serializes_to_the_documented_fields() -> None:
    event = Event(
        id="a-e000", sentence_index=0, sentence="Arnor met Gondor.", span=(6, 9),
        source=_actor("Arnor", "ARN"), target=_actor("Gondor", "GON"), cameo="040",
        plover=Plover("CONSULT", None), quad_class=1, goldstein=1.0, modality="asserted",
        date="2024-01-02", date_text=None, location=None, speaker=None, rule="consult.meet",
    )
    quote = Quote(speaker=None, cue="said", cue_span=(0, 4), content="We will talk", span=(5, 17), direct=True)
    analysis = Analysis(
        id="a", title=None, date="2024-01-02", url=None, source=None, dateline=None, byline=None,
        language="en", events=(event,), quotes=(quote,), text="Arnor met Gondor.",
    )
    data = json.loads(to_json(analysis))
    assert set(data) == ANALYSIS_FIELDS
    assert set(data["events"][0]) == EVENT_FIELDS
    assert set(data["events"][0]["source"]) == ACTOR_FIELDS
    assert data["events"][0]["span"] == [6, 9]
    assert data["events"][0]["plover"] == {"type": "CONSULT", "mode": None, "context": []}
    assert set(data["quotes"][0]) == {"speaker", "cue", "cue_span", "content", "span", "direct"}
    assert "text" in json.loads(to_json(analysis, with_text=True))
    assert "dropped" not in data and json.loads(to_json(analysis, with_text=True))["dropped"] == []


def test_rejected_article_serializes_its_rejection() -> None:
    article = Article(id="x", text="", origin="bad.txt")
    data = json.loads(to_json(rejected(article, Rejection("ingest", "empty", "the file has no text"))))
    assert data["rejection"] == {"stage": "ingest", "reason": "empty", "detail": "the file has no text"}
    assert data["events"] == []
