"""One event shape everywhere: `analyze` and `events --format json` print the nested records of
the output contract, and both validate against the JSON Schema generated from the record classes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from thucydides.cli.schema import SCHEMAS, schema_text
from thucydides.contract import from_dict, json_schema
from thucydides.records import Actor, Analysis, Event, Place, Plover, to_dict
from thucydides.store import Store

from .conftest import ROOT, SAMPLES, write
from .test_cli import thucydides

ARNOR = Actor(text="Arnor", name="Arnor", code="ARNGOV", country="ARN", sector="GOV", span=(0, 5), kb_id="country:ARN")
GONDOR = Actor(text="Gondor", name="Gondor", code="GON", country="GON", sector=None, span=(10, 16))
BREE = Place(text="Bree", name="Bree", country="ARN", lat=50.0, lon=10.0, geonameid=7, feature="city", span=(20, 24))


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_text(name))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_published_schema_is_the_generated_one(name: str) -> None:
    published = ROOT / "docs" / "schema" / f"{name}.schema.json"
    assert published.read_text(encoding="utf-8") == schema_text(name), (
        f"regenerate it: thucydides schema {name} > docs/schema/{name}.schema.json"
    )
    result = thucydides("schema", name)
    assert result.returncode == 0 and result.stdout == schema_text(name)


def test_the_schema_follows_the_record_fields() -> None:
    schema = json_schema(Event)
    assert schema["required"] == [f for f in schema["properties"]]
    assert schema["properties"]["modality"]["enum"] == ["asserted", "future", "intent", "hypothetical", "negated", "reported"]
    assert schema["properties"]["span"]["minItems"] == 2
    assert schema["properties"]["source"]["anyOf"] == [{"$ref": "#/$defs/Actor"}, {"type": "null"}]
    assert set(schema["$defs"]) == {"Actor", "Place", "Plover"}
    bad = to_dict(Event(
        id="e", sentence_index=0, sentence="s", span=(0, 1), source=ARNOR, target=None, cameo="040",
        plover=Plover("CONSULT"), quad_class=1, goldstein=1.0, modality="asserted", date=None, date_text=None,
        location=None, speaker=None, rule="r",
    ))
    validate = jsonschema.Draft202012Validator(schema)
    assert not list(validate.iter_errors(bad))
    assert list(validate.iter_errors({**bad, "modality": "rumoured"}))
    assert list(validate.iter_errors({**bad, "source_country": "ARN"})), "no flat fields beside the nested ones"


def test_records_read_back_from_their_json() -> None:
    event = Event(
        id="e", sentence_index=2, sentence="Arnor met Gondor in Bree.", span=(6, 9), source=ARNOR, target=GONDOR,
        cameo="040", plover=Plover("CONSULT", "visit"), quad_class=1, goldstein=1.0, modality="asserted",
        date="2024-W19", date_text="last week", location=BREE, speaker=ARNOR, rule="consult.meet",
    )
    analysis = Analysis(id="a", title="t", date="2024-05-13", url=None, source=None, dateline=None, byline=None,
                        language="en", events=(event,), actors=(ARNOR, GONDOR), places=(BREE,))
    assert from_dict(Analysis, json.loads(json.dumps(to_dict(analysis)))) == analysis


def test_analyze_and_events_print_one_event_shape(tmp_path: Path) -> None:
    sample = SAMPLES / "japan-sanctions-north-korea.txt"
    analyzed = thucydides("analyze", str(sample))
    assert analyzed.returncode == 0, analyzed.stderr
    [analysis] = [json.loads(line) for line in analyzed.stdout.splitlines()]
    errors = list(validator("analysis").iter_errors(analysis))
    assert not errors, errors[0].message

    db = tmp_path / "one.db"
    assert thucydides("ingest", str(sample), "--db", str(db)).returncode == 0
    listed = thucydides("events", "--db", str(db), "--format", "json", "--modality", "all")
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    assert events and len(events) == len(analysis["events"])
    check = validator("event")
    for event in events:
        errors = list(check.iter_errors(event))
        assert not errors, errors[0].message
        assert event["merged_id"] and event["num_mentions"] >= 1 and event["date_precision"] in ("day", "week", "month", "year")
    by_id = {e["id"]: e for e in analysis["events"]}
    for event in events:
        nested = {k: v for k, v in event.items() if k in by_id[event["id"]]}
        assert nested == by_id[event["id"]], "the stored event is the analysed event, field for field"


def test_the_store_hands_back_stored_events(tmp_path: Path) -> None:
    event = Event(
        id="e0", sentence_index=0, sentence="Arnor met Gondor in Bree.", span=(6, 9), source=ARNOR, target=GONDOR,
        cameo="040", plover=Plover("CONSULT"), quad_class=1, goldstein=1.0, modality="asserted",
        date="2024-05", date_text="in May", location=BREE, speaker=None, rule="consult.meet",
    )
    with Store.open(tmp_path / "s.db") as store:
        write(store, [Analysis(id="a", title=None, date="2024-05-20", url=None, source=None, dateline=None,
                              byline=None, language="en", events=(event,), text="Arnor met Gondor in Bree.")])
        [stored] = store.stored_events()
    assert stored.location == BREE and stored.source == ARNOR and stored.date_precision == "month"
    assert stored.article_id == "a" and stored.num_mentions == 1
    assert not list(validator("event").iter_errors(stored.to_dict()))
