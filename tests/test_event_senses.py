"""A verb codes an event only in its political sense: the kind of object each sense needs
(data/kinds.yaml, named by the lexicon entry), a visit is to another country, a plain flow of
trade is no event, and what a request asks for is not done. Each pair: the political sense
codes, the everyday sense of the same word does not (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from thucydides.codes.kinds import kind_table
from thucydides.codes.lexicon import load_lexicon
from thucydides.config import Settings
from thucydides.errors import ResourceError
from thucydides.explain import explain
from thucydides.records import Analysis

Analyze = Callable[..., Analysis]


def _coded(analyze_text: Analyze, text: str) -> set[tuple[str, str | None, str | None]]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return {(e.plover.type, key(e.source), key(e.target)) for e in analyze_text(text).events if e.modality != "negated"}


@pytest.mark.parametrize(
    ("political", "everyday", "kind"),
    [
        # CAMEO 0841 releases persons
        ("Norway released the Swedish prisoners on Monday.", "The Norwegian government released its election manifesto on Monday.", "RETREAT"),
        ("Norway freed three Swedish journalists on Monday.", "The Norwegian government released the new passport design on Monday.", "RETREAT"),
        # CAMEO 0873 demobilises armed forces
        ("Norway disbanded its militia on Monday.", "The Norwegian president disbanded the electoral commission on Monday.", "RETREAT"),
        # CAMEO 140: one rises against a power, not against a thing
        ("The Swedish people rebelled against the Norwegian government.", "The Norwegian president rebelled against the restrictions of his chief of staff.", "PROTEST"),
        # CAMEO 030: what is offered is an act or a resource of cooperation
        ("Norway promised Sweden support on Monday.", "The Norwegian president offered the job to Sweden's foreign minister.", "AGREE"),
        # CAMEO 043: one hosts or receives a visitor
        ("Norway received the Swedish foreign minister on Monday.", "The Norwegian foreign minister received a letter from the Swedish ambassador.", "CONSULT"),
        # CAMEO 054: one recognises a state or a government
        ("Norway recognized Kosovo on Monday.", "The Norwegian government recognized the importance of the Swedish market.", "SUPPORT"),
        # CAMEO 112: one blames someone who acts, or an event on someone
        ("Norway blamed Sweden for the explosion.", "The Norwegian minister blamed the weather for the delay.", "ACCUSE"),
        # CAMEO 192: one occupies territory
        ("Norwegian troops occupied the Swedish town of Kiruna on Monday.", "Norway occupied the top spot in the Swedish rankings.", "ASSAULT"),
        # CAMEO 144: one blocks a passage
        ("Swedish farmers blocked the road to the Norwegian border.", "Norway blocked the Swedish website on Monday.", "PROTEST"),
        # CAMEO 042: a visit is to another country's place or host
        ("The president of Norway arrived in Sweden on Monday.", "Norway's president arrived at the Norwegian supreme court for a hearing on Monday.", "CONSULT"),
        # CAMEO 061: to start, resume or expand an exchange, not a flow of goods
        ("Norway resumed trading with Sweden on Monday.", "Norway exported goods to Sweden on Monday.", "COOPERATE"),
        # CAMEO 120: one backs out of a deal, not out of a driveway
        ("Norway backed out of the deal with Sweden on Monday.", "The Norwegian ambassador backed out of the driveway on Monday.", "REJECT"),
        # CAMEO 0832: one reverses a decision, not a fall in share prices
        ("Norway reversed its decision to expel Swedish diplomats.", "The Norwegian state bank reversed some of its recent losses on Monday.", "CONCEDE"),
        # CAMEO 030: one accepts an offer, not a fact
        ("Norway accepted the Swedish proposal on Monday.", "Norway accepted that the talks with Sweden had failed.", "AGREE"),
        # CAMEO 042: officials make visits, not the people of a country
        ("The Swedish foreign minister arrived in Norway on Monday.", "Thousands of Swedes arrived in Norway on Monday.", "CONSULT"),
        # CAMEO 140: collective action out of office, not a judge's dissent or a minister's quarrel
        ("Swedish protesters rebelled against the Norwegian government.", "The Norwegian president rebelled against the Norwegian parliament.", "PROTEST"),
        ("Norwegian activists agitated against the Swedish government.", "Norway's foreign minister agitated for the removal of the Swedish ambassador.", "PROTEST"),
        # CAMEO 040: one meets or talks to a partner; a topic discussed is no partner
        ("The Norwegian minister discussed the crisis with the Swedish minister.", "The Norwegian minister will discuss the Swedish elections on Monday.", "CONSULT"),
        ("Norway and Sweden discussed the crisis on Monday.", "The Norwegian minister consulted the Swedish documents.", "CONSULT"),
        # CAMEO 0831: one resigns or quits an office, not a habit
        ("The Norwegian prime minister resigned her post on Monday.", "The Norwegian prime minister needs to quit dredging up the past.", "CONCEDE"),
        # CAMEO 0831: the leadership of a political body steps down, not a company chief or an editor
        ("The head of the Norwegian army stepped down on Monday.", "The chief executive of a Norwegian bank stepped down on Monday.", "CONCEDE"),
        ("The Swedish prime minister resigned on Friday.", "The editor of a Swedish newspaper resigned on Friday.", "CONCEDE"),
        # CAMEO 087: one withdraws from a place, a war or an alliance, not from a race
        ("Norway pulled out of NATO on Monday.", "The Norwegian prime minister withdrew from the race on Monday.", "RETREAT"),
        # CAMEO 141: a rally against something protests; rallying supporters gathers backing
        ("Norwegian farmers rallied against the new tax on Monday.", "The Norwegian prime minister rallied supporters in Oslo.", "PROTEST"),
        # CAMEO 144: a sit-in blocks a passage, not an airport lounge
        ("Norwegian activists sat in the entrance to the Swedish embassy.", "The Norwegian ambassador sat in the airport lounge.", "PROTEST"),
    ],
)
def test_a_word_codes_in_its_political_sense_and_not_in_its_everyday_one(
    analyze_text: Analyze, political: str, everyday: str, kind: str
) -> None:
    assert any(found == kind for found, _, _ in _coded(analyze_text, political)), political
    assert not any(found == kind for found, _, _ in _coded(analyze_text, everyday)), everyday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway released 20 Swedish fishermen on Monday.", ("RETREAT", "NOR", "SWE")),
        ("Norway called for the release of the Swedish prisoners.", ("REQUEST", "NOR", "SWE")),
        ("Norway pledged $5 million to Sweden on Monday.", ("AGREE", "NOR", "SWE")),
        ("Norway offered aid to Sweden on Monday.", ("AGREE", "NOR", "SWE")),
        ("Norway began exporting gas to Sweden on Monday.", ("COOPERATE", "NOR", "SWE")),
        ("Salisbury was the site of an attack that Britain has blamed on Russia.", ("ACCUSE", "GBR", "RUS")),
    ],
)
def test_objects_of_the_right_kind_still_code(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _coded(analyze_text, text)


@pytest.mark.parametrize(
    ("text", "appeal", "asked"),
    [
        ("Two Norwegian senators called for the Swedish prime minister to resign.", ("REQUEST", "NOR", "SWE"), "CONCEDE"),
        ("Norway urged Sweden to release the prisoners.", ("REQUEST", "NOR", "SWE"), "RETREAT"),
        ("Norway urged Sweden to withdraw its troops and release the prisoners.", ("REQUEST", "NOR", "SWE"), "RETREAT"),
    ],
)
def test_what_a_request_asks_for_is_not_coded_as_done(analyze_text: Analyze, text: str, appeal: tuple[str, str, str], asked: str) -> None:
    coded = _coded(analyze_text, text)
    assert appeal in coded
    assert not any(kind == asked for kind, _, _ in coded)


def test_an_act_done_after_an_appeal_is_still_coded(analyze_text: Analyze) -> None:
    coded = _coded(analyze_text, "Sweden released the prisoners after Norway urged it to act.")
    assert any(kind == "RETREAT" and source == "SWE" for kind, source, _ in coded)


def test_explain_gives_the_kind_the_sense_needs(settings: Settings) -> None:
    explained = explain("The Norwegian government released a report on Monday.", settings, "2024-05-06")
    reasons = [c.dropped or "" for c in explained.candidates if c.entry.code.code == "0841"]
    assert reasons and all(reason for reason in reasons)
    explained = explain("The Norwegian president disbanded the electoral commission on Monday.", settings, "2024-05-06")
    reasons = [c.dropped or "" for c in explained.candidates if c.entry.code.code == "0873"]
    assert reasons and "forces" in reasons[0]


def test_every_kind_a_lexicon_entry_names_exists_and_a_wrong_one_is_refused(tmp_path: Path) -> None:
    lexicon = load_lexicon()
    named = {e.object_kind for e in lexicon.entries if e.object_kind}
    assert named and named <= set(kind_table())
    assert any(e.object_kind == "persons" for e in lexicon.entries if e.id.startswith("retreat.release"))  # the nominal too
    bad = tmp_path / "lexicon.yaml"
    bad.write_text('- id: x.release\n  cameo: "0841"\n  verbs: [release]\n  object: documents\n', encoding="utf-8")
    with pytest.raises(ResourceError, match="object"):
        load_lexicon(str(bad))


def test_violence_with_no_author_that_a_clause_only_talks_about_is_not_an_event(analyze_text: Analyze) -> None:
    assert not any(kind == "ASSAULT" for kind, _, _ in _coded(analyze_text, "The Norwegian minister spoke at length about the killing of civilians."))
    assert not any(kind == "ASSAULT" for kind, _, _ in _coded(analyze_text, "The Norwegian minister was asked about the bombing of Swedish villages."))
    # an occasion is still told as having happened
    assert ("ASSAULT", None, "SWE") in _coded(analyze_text, "After the killing of two Swedish soldiers, Norway closed the border.")
