"""Actors: office holders by date, what an article teaches, user knowledge-base files, the gold floor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from thucydides.config import Settings
from thucydides.evaluate.actors import evaluate_actors
from thucydides.ingest import read_inputs
from thucydides.nlp import load_pipeline
from thucydides.pipeline import analyze
from thucydides.resolve.phrases import resolve_phrase

from .conftest import DATA, need_data
from .floors import check_floors


def _resolve(phrase: str, date: str | None = None, kb: tuple[str, ...] = ()) -> dict[str, str]:
    return resolve_phrase(phrase, load_pipeline(Settings(kb_files=kb)), None, date).to_dict()


def test_a_role_names_its_holder_on_the_date() -> None:
    assert _resolve("the Chinese foreign minister", "2023-03-17")["name"] == "Qin Gang"
    assert _resolve("the Chinese foreign minister", "2024-06-01")["name"] == "Wang Yi"
    found = _resolve("the Chinese foreign minister", "2023-03-17")
    assert (found["country"], found["sector"], found["code"]) == ("CHN", "GOV", "CHNGOV")
    assert "Qin Gang" in found["why"]


def test_office_holders_of_the_1980s_and_1990s_are_known() -> None:
    # News archives reach back before 2000: "President Bush" in 1990 is the elder Bush, in 2003
    # the younger; Rabin was Israel's prime minister until November 1995.
    assert _resolve("President Bush", "1990-03-17")["name"] == "George H. W. Bush"
    assert _resolve("President Bush", "2003-03-17")["name"] == "George W. Bush"
    found = _resolve("Rabin", "1994-05-04")
    assert (found["name"], found["code"]) == ("Yitzhak Rabin", "ISRGOV")


def test_federal_agencies_are_their_government() -> None:
    # The US federal agencies are in the knowledge base (facts): their heads and staff are the
    # US government, their police the police.
    assert _resolve("Food and Drug Administration head Ann Vale", "2018-04-01")["code"] == "USAGOV"
    assert _resolve("the FDA", "2018-04-01")["country"] == "USA"
    assert _resolve("the ATF", "2018-04-01")["code"].startswith("USACOP")


def test_an_international_official_speaks_for_the_organisation_of_the_office() -> None:
    # A UN secretary-general's code is the UN's, a NATO secretary-general's NATO's: an
    # IGO person is not a country-less "---IGO".
    assert _resolve("Kofi Annan", "1998-01-01")["code"].startswith("IGOUNO")
    assert _resolve("Javier Solana", "1997-01-01")["code"] == "IGONAT"
    assert _resolve("Ursula von der Leyen", "2021-01-01")["code"].startswith("IGOEU")
    assert _resolve("Ban Ki-moon", "2020-01-01")["sector"] == "ELI"  # out of office: an elite, not the UN


def test_a_dateline_year_picks_the_office_holder_of_that_year(analyze_text) -> None:  # type: ignore[no-untyped-def]
    # Issue 14: with no date given, the dateline's date is the publication date actors use.
    analysis = analyze_text("WASHINGTON, March 17, 1990 (Reuters) - President Bush accused Iraq of lying on Friday.", None)
    sources = {(e.source.name, e.source.code) for e in analysis.events if e.source}
    assert ("George H. W. Bush", "USAGOV") in sources


def test_roles_and_nationalities_without_names() -> None:
    assert _resolve("Russian troops")["code"] == "RUSMIL"
    assert _resolve("Kenyan police")["code"] == "KENCOP"
    nothing = _resolve("a cat named Frank")
    assert nothing["country"] == "" and nothing["code"] == ""


def test_a_users_knowledge_base_file_adds_and_wins(tmp_path: Path) -> None:
    people = tmp_path / "people.tsv"
    people.write_text(
        "name\taliases\tcountry\tsector\trole\tstart\tend\n"
        "Ana Rivera Solis\tRivera Solis\tCHL\tGOV\tforeign minister\t2030-03-11\t\n",
        encoding="utf-8",
    )
    found = _resolve("Ana Rivera Solis", "2031-01-01", (str(people),))
    assert (found["country"], found["sector"]) == ("CHL", "GOV")
    assert _resolve("the Chilean foreign minister", "2031-01-01", (str(people),))["name"] == "Ana Rivera Solis"


def test_a_bad_knowledge_base_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("who\twhat\nx\ty\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "actor", "Arnor", "--kb", str(bad)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1 and "unknown knowledge-base header" in result.stderr and "Traceback" not in result.stderr


def test_the_article_teaches_who_someone_is(tmp_path: Path) -> None:
    text = (
        "Scholars Weigh In\n\n"
        "Arwen Evenstar, a Ukrainian political scientist, said the talks would fail. "
        "Evenstar said the plan ignored the front line. "
        "The Kyiv-based Rivendell Policy Research Network published a report on Monday.\n"
    )
    path = tmp_path / "scholars.txt"
    path.write_text(text, encoding="utf-8")
    [(_, analysis)] = list(analyze(read_inputs([str(path)], date="2024-05-06"), Settings()))
    by_text = {a.text: a for a in analysis.actors}
    assert by_text["Arwen Evenstar"].code == "UKREDU"
    assert by_text["Evenstar"].code == "UKREDU"
    network = next(a for a in analysis.actors if "Research Network" in a.text)
    assert network.country == "UKR" and network.sector == "NGO"


def test_command_line_actor_and_batch(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "1", "actor": "the Chinese foreign minister", "date": "2023-03-17"}) + "\n"
        + json.dumps({"id": "2", "actor": "Kremlin spokesman", "context": ""}) + "\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "actor", "--batch", str(batch)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["name"] == "Qin Gang" and rows[1]["code"] == "RUSGOV"
    assert set(rows[0]) == {"id", "name", "code", "country", "sector", "kb_id", "why"}


def test_reference_article_actors_and_roles(settings: Settings) -> None:
    path = need_data(DATA / "seed" / "seed.jsonl")
    [(_, analysis)] = list(analyze(read_inputs([str(path)]), settings))
    codes = {a.text: a.code for a in analysis.actors}
    assert codes["Dmitry Peskov"] == "RUSGOV"
    assert codes["Qin Gang"] == "CHNGOV"
    assert codes["Nataliia Butyrska"] == "UKREDU"
    for event in analysis.events:
        for actor in (event.source, event.target):
            if actor is not None:
                assert actor.country or actor.code.startswith("IGO"), (event.sentence, actor)


def test_ngec_floors(settings: Settings) -> None:
    report = evaluate_actors(need_data(DATA / "ngec_actors" / "dev.jsonl"), settings)
    check_floors(report, "actors", noise=0.01)


def test_a_common_surname_alone_is_not_a_known_office_holder(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Senator Smith criticised the budget on Monday.")
    assert not any(a.kb_id and "Smith" in a.kb_id for a in analysis.actors)


@pytest.mark.parametrize(
    "text",
    [
        "Jordanian King Abdullah met President Sisi of Egypt.",
        "Jordan's King Abdullah met President Sisi of Egypt.",
        "King Abdullah of Jordan met President Sisi of Egypt in Cairo.",
    ],
)
def test_a_nationality_in_a_persons_phrase_beats_a_namesake_of_another_country(analyze_text, text: str) -> None:  # type: ignore[no-untyped-def]
    [event] = analyze_text(text).events
    assert event.source is not None and event.source.country == "JOR"  # not the late Saudi King Abdullah


def test_a_nationality_before_a_party_name_owns_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Chilean Conservatives criticised the budget on Monday.")
    assert any(a.code == "CHLPTY" for a in analysis.actors)


def test_a_country_name_inside_a_us_state_name_is_not_the_country(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("New Mexico's two senators met the Norwegian ambassador in Santa Fe on Monday.")
    assert not any(a.country == "MEX" for a in analysis.actors), analysis.actors
    assert any(a.country == "MEX" for a in analyze_text("Norway's ambassador met Mexico's foreign minister.").actors)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kandahar police arrested two Pakistani journalists.", "AFG"),
        ("Aleppo Mayor Brita Hasan met the French president in Paris.", "SYR"),
    ],
)
def test_a_city_before_a_role_gives_its_country(analyze_text, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    event = analyze_text(text).events[0]
    assert event.source is not None and event.source.country == country, event.source


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A Taliban spokesman denounced the American attack.", "AFGREBTLB"),
        ("Taliban spokesman Zabihullah Mujahid denounced the American attack.", "AFGREBTLB"),
        ("A Kremlin spokesman criticised Britain.", "RUSGOV"),
        ("A former Taliban spokesman criticised Pakistan.", "AFGELI"),
    ],
)
def test_a_groups_spokesman_speaks_for_the_group_not_the_state(analyze_text, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    event = analyze_text(text).events[0]
    assert event.source is not None and event.source.code == code, event.source


def test_an_envoys_post_is_not_his_country(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("China's ambassador to Britain Liu Xiaoming said the new visa rules were unfair.")
    liu = next(a for a in analysis.actors if a.text == "Liu Xiaoming")
    assert liu.country == "CHN" and liu.sector == "GOV", liu
    analysis = analyze_text("Norway's envoy to Kenya met farmers near Nakuru on Tuesday.")
    envoy = next(a for a in analysis.actors if "envoy" in a.text)
    assert envoy.country == "NOR", envoy


def test_a_former_leaders_surname_alone_needs_the_article_to_support_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    alone = analyze_text("Ms Persson said the case against the two men would go to trial in the autumn.")
    assert not any(a.kb_id and "Persson" in a.kb_id for a in alone.actors), alone.actors
    bare = analyze_text("Persson said the case against the two men would go to trial in the autumn.")
    assert not any(a.kb_id and "Persson" in a.kb_id for a in bare.actors), bare.actors
    supported = analyze_text("Persson said Sweden would not change its asylum rules before the election.")
    assert any(a.kb_id and "Persson" in a.kb_id and a.country == "SWE" for a in supported.actors), supported.actors


def test_a_role_word_in_front_of_a_name_gives_its_sector(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Prosecutor Ann Vale said the two men would stand trial in Bree.")
    vale = next(a for a in analysis.actors if "Vale" in a.text)
    assert vale.sector == "JUD", vale
    analysis = analyze_text("Lieutenant General Bert Hale of Uganda said the army would stay in the north.")
    hale = next(a for a in analysis.actors if "Hale" in a.text)
    assert hale.sector == "MIL" and hale.country == "UGA", hale


def test_a_bare_institution_noun_is_the_articles_own(analyze_text) -> None:  # type: ignore[no-untyped-def]
    text = "Kenya's president met farmers in Nakuru on Monday. The attorney general said parliament would vote on the plan."
    parliament = next(a for a in analyze_text(text).actors if a.text == "parliament")
    assert parliament.code == "KENLEG", parliament


def test_a_month_is_not_a_namesake(analyze_text) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze_text("Britain's foreign secretary said the talks would resume in May.")
    assert not any(a.kb_id and "Theresa May" in a.kb_id for a in analysis.actors), analysis.actors
    analysis = analyze_text("Theresa May met the Irish prime minister in Dublin on 5 May.")
    assert [a.text for a in analysis.actors if a.kb_id and "Theresa May" in a.kb_id] == ["Theresa May"], analysis.actors


def test_people_named_by_what_they_use_or_watch_are_no_group_of_their_nation(analyze_text) -> None:  # type: ignore[no-untyped-def]
    # a product review, a sports report: users, fans and players are not political actors
    text = "Phone Review\n\nGerman users criticized the update. Belgian fans boycotted the tournament. Brazilian players accused the referee of bias."
    assert analyze_text(text).events == ()
    # a group named by its nationality that acts politically stays that nation's
    [event] = analyze_text("Hunger Strike\n\nPalestinian prisoners launched a hunger strike against Israel.").events
    assert event.source is not None and event.source.country == "PSE"
