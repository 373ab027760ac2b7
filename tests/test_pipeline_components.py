"""One pipeline from one config: actors, places and times are spaCy components that write the
Doc; explain shows exactly what analyze codes; a saved config runs the same pipeline again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.util import Config

from thucydides.config import Settings
from thucydides.explain import explain
from thucydides.nlp import load_pipeline
from thucydides.nlp.annotations import prepare_doc, span_at
from thucydides.nlp.pipeline import pipeline_config, settings_from_config
from thucydides.pipeline import analyze_one
from thucydides.records import Article, Rejection

from .conftest import DATA, need_data

SENTENCES = [
    "Japan imposed new sanctions on North Korea on Tuesday.",
    "The Chinese foreign minister met his Russian counterpart in Moscow last week.",
    "Kenyan police arrested dozens of protesters in Nairobi, officials said.",
    "Arnor accused Gondor of shelling its border posts near Minas Tirith.",
    "Ana Rivera will visit Lima next month, the Chilean government said.",
]

PEOPLE = "name\taliases\tcountry\tsector\trole\tstart\tend\nAna Rivera\tRivera\tCHL\tGOV\tforeign minister\t2024-03-11\t\n"
ACTORS = "ARNOR_ [ARN]\nGONDOR_ [GON]\n"
AGENTS = "BORDER_GUARD [~MIL]\n"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", *args],
        capture_output=True, text=True, timeout=300, check=False,
    )


@pytest.fixture(scope="module")
def user_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("user")
    files = {"kb": folder / "people.tsv", "actors": folder / "arnor.actors.txt", "agents": folder / "agents.txt"}
    files["kb"].write_text(PEOPLE, encoding="utf-8")
    files["actors"].write_text(ACTORS, encoding="utf-8")
    files["agents"].write_text(AGENTS, encoding="utf-8")
    return {k: str(v) for k, v in files.items()}


def _variants(user_files: dict[str, str]) -> list[Settings]:
    return [
        Settings(),
        Settings(kb_files=(user_files["kb"],)),
        Settings(actors_dicts=(user_files["actors"],), agents_dicts=(user_files["agents"],), country_bias="USA"),
    ]


@pytest.mark.parametrize("variant", range(3), ids=["defaults", "kb", "legacy-and-bias"])
def test_explain_shows_the_events_analyze_codes(variant: int, user_files: dict[str, str]) -> None:
    settings = _variants(user_files)[variant]
    for sentence in SENTENCES:
        analysis = analyze_one(Article(id="explain", text=sentence, date="2024-05-06"), settings)
        explained = explain(sentence, settings, "2024-05-06")
        assert explained.events == analysis.events, sentence
        assert set(explained.actors) == set(analysis.actors), sentence
        coded = [c for c in explained.candidates if c.dropped is None]
        assert {e.rule for e in analysis.events} <= {c.rule for c in coded}, sentence


def test_the_options_reach_explain_as_they_reach_analyze(user_files: dict[str, str]) -> None:
    """A legacy dictionary names Arnor and Gondor: without it there is no source or target."""
    sentence = SENTENCES[3]
    plain = explain(sentence, Settings(), "2024-05-06")
    legacy = explain(sentence, _variants(user_files)[2], "2024-05-06")
    assert not any(e.source and e.source.code == "ARN" for e in plain.events)
    assert any(e.source and e.source.code == "ARN" and e.target and e.target.code == "GON" for e in legacy.events)
    shown = _cli("explain", sentence, "--date", "2024-05-06", "--actors-dict", user_files["actors"])
    assert shown.returncode == 0, shown.stderr
    assert "Events (as analyze codes them)" in shown.stdout and "[ARN]" in shown.stdout


def test_the_components_write_actors_places_and_times_on_the_doc() -> None:
    nlp = load_pipeline(Settings())
    assert nlp.pipe_names[-3:] == ["thucydides_actors", "thucydides_places", "thucydides_times"]
    text = "Japan imposed sanctions on North Korea in Tokyo yesterday."
    doc = nlp(prepare_doc(nlp.make_doc(text), "2024-05-06"))
    assert {s._.actor.code for s in doc.spans["actors"]} >= {"JPN", "PRK"}
    assert all(s.text == s._.actor.text for s in doc.spans["actors"])
    assert "Tokyo" in [s._.place.name for s in doc.spans["places"]]
    assert [(s.text, s._.time.value) for s in doc.spans["times"]] == [("yesterday", "2024-05-05")]
    later = nlp(prepare_doc(nlp.make_doc(text), "2025-01-01"))  # the publication date reaches the times component
    assert [s._.time.value for s in later.spans["times"]] == ["2024-12-31"]


def test_the_knowledge_base_comes_from_the_config(user_files: dict[str, str]) -> None:
    """The look-up is named in the config: a pipeline with the user's file knows Ana Rivera."""
    text = "Ana Rivera arrived in Lima."
    for settings, code in ((Settings(), "---"), (Settings(kb_files=(user_files["kb"],)), "CHLGOV")):
        nlp = load_pipeline(settings)
        doc = nlp(prepare_doc(nlp.make_doc(text), "2024-05-06"))
        rivera = [s._.actor for s in doc.spans["actors"] if s.text == "Ana Rivera"]
        assert (rivera[0].code if rivera else "---") == code


def test_settings_map_onto_the_config_and_back(user_files: dict[str, str]) -> None:
    settings = Settings(kb_files=(user_files["kb"],), actors_dicts=(user_files["actors"],), country_bias="USA")
    config = pipeline_config(settings)
    assert config["components"]["thucydides_actors"]["factory"] == "thucydides_actors_v1"
    again = settings_from_config(Config().from_str(config.to_str()))
    assert again == settings


def test_a_saved_config_reproduces_the_run(tmp_path: Path, user_files: dict[str, str]) -> None:
    article = tmp_path / "arnor.jsonl"
    article.write_text(json.dumps({"id": "a", "text": SENTENCES[3], "date": "2024-05-06"}) + "\n", encoding="utf-8")
    saved = tmp_path / "run.cfg"
    first = _cli("analyze", str(article), "--actors-dict", user_files["actors"], "--save-config", str(saved))
    assert first.returncode == 0, first.stderr
    assert "[components.thucydides_actors.legacy]" in saved.read_text(encoding="utf-8")
    again = _cli("analyze", str(article), "--config", str(saved))
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["events"] == json.loads(first.stdout)["events"]
    assert any(e["source"]["code"] == "ARN" for e in json.loads(again.stdout)["events"])
    printed = _cli("config", "--actors-dict", user_files["actors"])
    assert printed.returncode == 0 and printed.stdout == saved.read_text(encoding="utf-8")
    broken = tmp_path / "broken.cfg"
    broken.write_text("[nlp]\nbase = \n[oops", encoding="utf-8")
    refused = _cli("analyze", str(article), "--config", str(broken))
    assert refused.returncode != 0 and "Traceback" not in refused.stderr and "broken.cfg" in refused.stderr


def test_a_record_whose_span_runs_backwards_is_kept_without_tokens() -> None:
    nlp = load_pipeline(Settings())
    doc = nlp.make_doc("Arnor met Gondor in Minas Tirith.")
    backwards = span_at(doc, 10, 5)
    assert len(backwards) == 0 and backwards.start == 2  # at "Gondor", the first token from offset 10
    assert span_at(doc, 0, 5).text == "Arnor" and span_at(doc, 1, 12).text == "Arnor met Gondor"


def test_an_article_with_such_an_actor_is_analysed_not_rejected() -> None:
    """A PolNeAR article whose actor resolver gives one mention a backwards span: the whole
    batch of 32 was rejected once (a parsed Doc cannot go through the pipeline again)."""
    wanted = "polnear:politico_2016-09-12_"  # the one Politico article of that day
    with need_data(DATA / "polnear_quotes" / "dev.jsonl").open(encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["id"].startswith(wanted))
    analysis = analyze_one(Article(id="polnear", text=record["text"]), Settings())
    assert analysis.rejection is None and analysis.actors and analysis.quotes


def test_the_headline_parser_runs_from_the_config_and_an_older_config_runs_without_it() -> None:
    """ "Chile Bombs Peru": re-read as "Chile bombed Peru" by thucydides_headlines_v1; a config
    saved before that component existed has no `headlines` key and builds the pipeline without it."""
    from thucydides.nlp.headlines import HEADLINES, headline_lines, parse_view
    from thucydides.nlp.pipeline import build_pipeline

    text = "Chile Bombs Peru"
    config = pipeline_config(Settings())
    assert config["nlp"]["headlines"] == "thucydides_headlines_v1"
    older = Config().from_str(config.to_str())
    del older["nlp"]["headlines"]
    for cfg, verb in ((config, "VERB"), (older, None)):
        nlp = build_pipeline(cfg)
        assert ("thucydides_headlines_v1" in nlp.pipe_names) is (verb is not None)
        doc = nlp.make_doc(parse_view(text))
        doc.user_data[HEADLINES] = headline_lines(text)
        doc = nlp(prepare_doc(doc, "2024-05-06"))
        assert doc.text.lower() == text.lower()  # only the analysis changes, never a character
        if verb is not None:
            assert doc[1].pos_ == verb and doc[0].dep_ == "nsubj" and doc[2].dep_ == "dobj"


def test_the_doc_keeps_the_parsers_view_and_the_records_the_articles_own_case() -> None:
    """The Doc is made from the parser's view of the text (a title-case headline in sentence case)
    and keeps that very text (``text_of`` does not join its tokens again); the records take their
    words from the article, in its own case."""
    from thucydides.nlp.sentences import text_of
    from thucydides.pipeline import prepare, to_doc

    article = Article(id="case", text="Norway Accuses Sweden Of Spying\n\nNorway accused Sweden of spying on Monday.", date="2024-05-06")
    settings = Settings()
    cleaned = prepare(article, settings)
    assert not isinstance(cleaned, Rejection)
    doc = to_doc(load_pipeline(settings), article, cleaned)
    assert text_of(doc) == doc.text and text_of(doc).startswith("Norway accuses Sweden of") and text_of(doc) != cleaned.text
    sentences = [e.sentence for e in analyze_one(article, settings).events]
    assert "Norway Accuses Sweden Of Spying" in sentences
