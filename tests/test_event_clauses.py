"""One event per clause and dyad, one date per clause (issue 13, item 3), through the real
pipeline on sentences written here, and on the bundled Sudan sample as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import SAMPLES

FRIDAY = "2024-05-10"


def coded(analysis) -> list[tuple[str, str | None, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [
        (e.plover.type, e.source.country if e.source else None, e.target.country if e.target else None, e.date)
        for e in analysis.events
    ]


def test_a_participle_telling_the_same_act_is_one_event_with_the_clause_date(analyze_text) -> None:  # type: ignore[no-untyped-def]
    aid = analyze_text("Norway sent aid to Sweden this week, delivering food to Stockholm by air.", date=FRIDAY)
    assert coded(aid) == [("AID", "NOR", "SWE", "2024-W19")]
    fire = analyze_text("Norwegian troops fired on Swedish posts on Tuesday, killing a Swedish soldier.", date=FRIDAY)
    assert coded(fire) == [("ASSAULT", "NOR", "SWE", "2024-05-07")]


def test_different_actors_of_one_clause_stay_different_events(analyze_text) -> None:  # type: ignore[no-untyped-def]
    arrests = analyze_text("Norwegian police arrested an opposition activist and two journalists in Oslo on Monday.", date=FRIDAY)
    # an opposition activist is of the opposition (PLOVER OPP), a journalist of the media
    assert sorted(e.target.code for e in arrests.events if e.target) == ["NORMED", "NOROPP"]
    condemned = analyze_text("Norway condemned Sweden and Finland on Monday.", date=FRIDAY)
    assert sorted(coded(condemned)) == [("ACCUSE", "NOR", "FIN", "2024-05-06"), ("ACCUSE", "NOR", "SWE", "2024-05-06")]
    # a country and its army, both named as objects of one verb, are two actors
    army = analyze_text("Norway condemned Sweden and the Swedish army on Monday.", date=FRIDAY)
    assert sorted(e.target.code for e in army.events if e.target) == ["SWE", "SWEMIL"]


def test_every_clause_of_a_sentence_with_one_date_takes_it(analyze_text) -> None:  # type: ignore[no-untyped-def]
    truce = analyze_text(
        "Cross-border firing has been rare since Norway and Sweden agreed to stop shooting in February 2021.", date=FRIDAY
    )
    assert {e.date for e in truce.events} == {"2021-02"}
    assert {e.plover.type for e in truce.events} >= {"AGREE"}
    # the parser hangs "Wednesday" on "Norway"; the sentence's one day still dates the expulsion
    expelled = analyze_text("On Wednesday Norway expelled two Swedish diplomats and Sweden said it would respond.", date=FRIDAY)
    assert [(e.plover.type, e.date, e.date_text) for e in expelled.events] == [("SANCTION", "2024-05-08", "Wednesday")]


def test_a_clause_told_at_another_time_does_not_take_the_sentence_date(analyze_text) -> None:  # type: ignore[no-untyped-def]
    before = analyze_text("Norway attacked Sweden on Monday after Swedish forces had attacked Finland.", date=FRIDAY)
    assert sorted(coded(before)) == [("ASSAULT", "NOR", "SWE", "2024-05-06"), ("ASSAULT", "SWE", "FIN", FRIDAY)]
    background = analyze_text("Norway criticised Sweden, which invaded Finland in 2014.", date=FRIDAY)
    assert sorted(coded(background)) == [("ACCUSE", "NOR", "SWE", FRIDAY), ("ASSAULT", "SWE", "FIN", "2014")]
    # a done act is never dated in the week to come
    ahead = analyze_text("Finland criticised Denmark as Norway prepared to host Swedish leaders next week.", date=FRIDAY)
    assert sorted(coded(ahead)) == [("ACCUSE", "FIN", "DNK", FRIDAY), ("CONSULT", "NOR", "SWE", "2024-W20")]


def test_the_sudan_sample_gives_one_aid_event_from_egypt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "analyze", str(SAMPLES / "un-aid-convoys-reach-sudan.html")],
        capture_output=True, text=True, check=True, timeout=300,
    )
    events = json.loads(result.stdout)["events"]
    egypt = [e for e in events if e["source"] and e["source"]["country"] == "EGY"]
    assert [(e["plover"]["type"], e["target"]["country"], e["date"], e["date_text"]) for e in egypt] == [
        ("AID", "SDN", "2025-W15", "this week")
    ]


def test_explain_says_why_the_second_coding_of_a_clause_is_not_an_event() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from thucydides.cli import main; main()", "explain",
         "Norwegian troops fired on Swedish posts on Tuesday, killing a Swedish soldier.", "--date", FRIDAY],
        capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "250"},
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("- '")]
    assert any(line.startswith("- 'fired'") and line.endswith(": coded") for line in lines)
    assert any(line.startswith("- 'killing'") and "the same event as an earlier coding of its clause" in line for line in lines)
