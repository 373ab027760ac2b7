"""Scoring whole articles as ../shared/data/articles/GUIDE.md defines it, on records we wrote
(invented countries), and the real dev articles against their floors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from thucydides.config import Settings
from thucydides.evaluate.articles import GoldActor, GoldArticle, GoldEvent, evaluate_articles, likely_sentence, match_events
from thucydides.records import Actor, Event, Plover, Quote

from .conftest import DATA, need_data
from .floors import check_floors


def _actor(text: str, country: str | None, code: str | None = None) -> Actor:
    return Actor(text=text, name=text, code=code or (country or "---") + "GOV", country=country, sector="GOV", span=(0, len(text)))


ARNOR, GONDOR, ROHAN = _actor("Arnor", "ARN"), _actor("Gondor", "GON"), _actor("the Rohirrim", None, "---REB")


def _event(type_: str, source: Actor | None, target: Actor | None, modality: str = "asserted", cameo: str = "000") -> Event:
    return Event(
        id="a-e000", sentence_index=0, sentence="…", span=(0, 1), source=source, target=target, cameo=cameo,
        plover=Plover(type_), quad_class=1, goldstein=0.0, modality=modality, date="2018-03-29", date_text=None,  # type: ignore[arg-type]
        location=None, speaker=None, rule="test",
    )


def _gold(**fields: Any) -> GoldEvent:
    data = {"id": "E1", "core": True, "plover": ["SANCTION"], "cameo_roots": ["16"],
            "source": {"countries": ["ARN"], "names": [], "codes": []},
            "target": {"countries": ["GON"], "names": [], "codes": []},
            "symmetric": False, "modality_not": ["negated", "hypothetical"]}
    return GoldEvent.of({**data, **fields})


def test_an_event_matches_by_type_or_root_actors_and_modality() -> None:
    gold = _gold()
    assert gold.matches(_event("SANCTION", ARNOR, GONDOR))
    assert gold.matches(_event("COERCE", ARNOR, GONDOR, cameo="163"))  # the CAMEO root is enough
    assert not gold.matches(_event("SANCTION", GONDOR, ARNOR))  # not symmetric
    assert not gold.matches(_event("SANCTION", ARNOR, GONDOR, modality="negated"))
    assert not gold.matches(_event("SANCTION", ARNOR, None))
    assert _gold(symmetric=True, plover=["CONSULT"]).matches(_event("CONSULT", GONDOR, ARNOR))
    assert _gold(target=None).matches(_event("SANCTION", ARNOR, None))


def test_an_actor_matches_by_country_code_prefix_or_a_whole_word_name() -> None:
    assert GoldActor(("ARN",), (), ()).matches(ARNOR)
    assert GoldActor((), (), ("---R",)).matches(ROHAN)
    assert GoldActor((), ("Rohirrim",), ()).matches(ROHAN)
    assert not GoldActor((), ("US",), ()).matches(_actor("Russia", None))  # "us" inside "Russia" is no name
    assert not GoldActor(("GON",), (), ()).matches(None)


def test_each_gold_event_takes_one_predicted_event_and_core_events_come_first() -> None:
    core = _gold(id="E1")
    optional = _gold(id="E2", core=False, plover=["SANCTION", "COERCE"], cameo_roots=["16", "17"])
    one = [_event("SANCTION", ARNOR, GONDOR)]
    assert match_events([optional, core], one) == {1: 0}
    two = [_event("SANCTION", ARNOR, GONDOR), _event("COERCE", ARNOR, GONDOR, cameo="170")]
    assert match_events([core, optional], two) == {0: 0, 1: 1}
    # a gold event that took the only event another can match gives it up for one it can also match
    either = _gold(id="E3", plover=["SANCTION", "COERCE"], cameo_roots=["16", "17"])
    only = _gold(id="E4", cameo_roots=[])
    assert match_events([either, only], [_event("SANCTION", ARNOR, GONDOR, cameo="160"), two[1]]) == {0: 1, 1: 0}


def test_a_quote_is_found_by_its_content_and_speaker() -> None:
    article = GoldArticle.of({"id": "x", "events": [], "forbidden": [],
                              "quotes": [{"content": "WE WILL NOT YIELD", "speaker": {"countries": ["GON"], "names": []}}]})
    said = Quote(speaker=GONDOR, cue="said", cue_span=None, content="Gondor said we will not yield, ever", span=(0, 1), direct=True)
    assert article.quotes[0].found_by(said)
    assert not article.quotes[0].found_by(Quote(speaker=ARNOR, cue="said", cue_span=None, content=said.content, span=(0, 1), direct=True))


@pytest.fixture(scope="module")
def articles_report(settings: Settings):  # type: ignore[no-untyped-def]
    return evaluate_articles(need_data(DATA / "articles" / "dev.jsonl"), settings)


def test_whole_articles_stay_above_their_floors(articles_report) -> None:  # type: ignore[no-untyped-def]
    check_floors(articles_report, "articles")
    assert articles_report.records == 30
    assert articles_report.scores["core_events"] == sum(
        e["core"] for line in (DATA / "articles" / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
        for e in json.loads(line)["events"]
    )


def test_whole_articles_list_errors_of_the_tune_part_only(articles_report) -> None:  # type: ignore[no-untyped-def]
    check_ids = {json.loads(line)["id"] for line in (DATA / "articles" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()} - {e.record for e in articles_report.parts["tune"].errors}
    assert articles_report.parts["tune"].errors
    assert not any(e.record in check_ids for e in articles_report.errors)
    assert all(j.event is None for j in articles_report.parts["check"].judgements)


def test_a_miss_is_shown_with_the_sentence_that_names_its_actors() -> None:
    gold = _gold(source={"countries": ["ARN"], "names": ["Arnor"], "codes": []},
                 target={"countries": ["GON"], "names": ["Gondor", "Minas Tirith"], "codes": []})
    text = "Rain fell in Arnor. Officials in Arnor said on Monday they had expelled envoys from Minas Tirith.\nGondor protested."
    assert likely_sentence(text, gold) == "Officials in Arnor said on Monday they had expelled envoys from Minas Tirith."
    assert likely_sentence("Nothing here. Gondor protested.", gold) == "Gondor protested."
    assert likely_sentence("Nothing here.", gold) == ""
