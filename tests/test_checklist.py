"""The behaviour suite (CheckList): its generated sentences, its judgements, and its pass-rate floors."""

from __future__ import annotations

import json

import pytest

from thucydides.codes.lexicon import VerbPattern
from thucydides.codes.verb_forms import verb_forms
from thucydides.config import Settings
from thucydides.codes.lexicon import parse_verb
from thucydides.evaluate.checklist import FRAMES, Country, build_cases, country_pairs, judge, run_suite, sampled
from thucydides.records import Actor, Event, Plover

from .conftest import ROOT

FLOORS = json.loads((ROOT / "tests" / "floors.json").read_text(encoding="utf-8"))["checklist_every5_pairs1"]


@pytest.mark.parametrize(
    ("lemma", "past", "participle", "third"),
    [
        ("expel", "expelled", "expelled", "expels"),
        ("seize", "seized", "seized", "seizes"),
        ("ban", "banned", "banned", "bans"),
        ("bully", "bullied", "bullied", "bullies"),
        ("meet", "met", "met", "meets"),
        ("withdraw", "withdrew", "withdrawn", "withdraws"),
        ("attack", "attacked", "attacked", "attacks"),
        ("visit", "visited", "visited", "visits"),
        ("accuse", "accused", "accused", "accuses"),
        ("kidnap", "kidnapped", "kidnapped", "kidnaps"),
        ("unban", "unbanned", "unbanned", "unbans"),
    ],
)
def test_verb_forms(lemma: str, past: str, participle: str, third: str) -> None:
    forms = verb_forms(lemma)
    assert (forms.past, forms.participle, forms.third) == (past, participle, third)


@pytest.mark.parametrize(
    ("lemma", "ing"),
    [("expel", "expelling"), ("seize", "seizing"), ("ban", "banning"), ("meet", "meeting"), ("agree", "agreeing"),
     ("tie", "tying"), ("visit", "visiting"), ("bully", "bullying"), ("quit", "quitting"), ("overrun", "overrunning")],
)
def test_present_participles(lemma: str, ing: str) -> None:
    assert verb_forms(lemma).ing == ing


def test_every_frame_makes_a_sentence_for_a_direct_object_verb() -> None:
    triple = (Country("Norway", "NOR", "Norwegian"), Country("Sweden", "SWE", "Swedish"), Country("Finland", "FIN", "Finnish"))
    cases = list(build_cases({VerbPattern("expel", (), None): frozenset({"COERCE"})}, [triple]))
    assert {c.frame.name for c in cases} == {
        f.name for f in FRAMES if not f.victim and not f.verbal and not f.deed and f.name != "predicative adjective"
    }
    texts = {c.frame.name: c.text for c in cases}
    assert texts["passive"] == "Sweden was expelled by Norway on Monday."
    assert texts["nominal"] == "Norway's expulsion of Sweden was reported on Monday."
    assert texts["headline"] == "Norway Expels Sweden"
    assert texts["passive, late agent"] == "Sweden was expelled for meddling in the election by Norway."
    assert texts["participle with agent"] == "The Swedish officials expelled by Norway left the capital on Monday."
    assert texts["nominal, by"] == "The expulsion of Sweden by Norway was reported on Monday."
    assert texts["nominal, adjective"] == "The Norwegian expulsion of Sweden was reported on Monday."
    assert texts["nominal, own pronoun"] == "Norway continued its expulsion of Sweden on Monday."
    assert texts["participle adjunct"] == "Norway ended the talks on Monday, expelling Sweden."
    assert texts["perfect participle"] == "Having expelled Sweden on Monday, Norway left the talks."
    assert texts["subordinate clause"] == "The truce collapsed on Monday, as Norway and monitors on the ground expelled Sweden."
    assert texts["the first to"] == "Norway was the first to expel Sweden."
    assert texts["dashed apposition"] == "The two neighbours - Norway and Finland - expelled Sweden on Monday."
    assert texts["with absolute"] == "Finland left the talks on Monday, with the Norwegian foreign minister expelling Sweden."
    assert texts["shared object"] == "Norway expelled and Finland praised Sweden on Monday."
    assert texts["neither nor"] == "Neither Norway nor Finland expelled Sweden on Monday."
    verbal = {c.frame.name: c.text for c in build_cases({VerbPattern("condemn", (), None): frozenset({"ACCUSE"})}, [triple])}
    assert verbal["statement participle"] == "The Norwegian government issued a statement on Monday condemning Sweden."
    violent = {c.frame.name: c.text for c in build_cases({VerbPattern("kill", (), None): frozenset({"ASSAULT"})}, [triple])}
    assert {f.name for f in FRAMES if not f.verbal and not f.deed} - {"predicative adjective"} <= set(violent)  # a victim told with no author: violence only
    assert "statement participle" not in violent  # "a statement killing …" is not English
    assert violent["agentless victim"] == "Two Swedish soldiers were killed near the border on Monday."
    assert violent["participle, no agent"] == "The killed Swedish officials left the capital on Monday."
    criticising = {c.frame.name: c.text for c in build_cases({VerbPattern("criticise", (), None): frozenset({"ACCUSE"})}, [triple])}
    assert criticising["predicative adjective"] == "Norway was critical of Sweden on Monday."  # data/adjectives.tsv
    # the target as the author of a deed: only for verbs whose object may be a deed ("accused the move" is not English)
    assert criticising["deed announced by"] == "Norway criticised the move announced on Monday by Sweden."
    assert criticising["possessor's decision"] == "Norway criticised Sweden's decision to close the border."
    accusing = {c.frame.name for c in build_cases({VerbPattern("accuse", (), None): frozenset({"ACCUSE"})}, [triple])}
    assert "deed announced by" not in accusing and "deed announced by" not in texts
    with_preposition = list(build_cases({VerbPattern("meet", (), "with"): frozenset({"CONSULT"})}, [triple]))
    assert not any(c.frame.needs_object for c in with_preposition)  # "was met with by" is not English
    mobilising = {c.frame.name: c.text for c in build_cases({VerbPattern("mobilize", (), None): frozenset({"MOBILIZE"})}, [triple])}
    assert mobilising["active"] == "Norway mobilized forces against Sweden on Monday."  # not "mobilized Sweden"
    assert mobilising["headline"] == "Norway Mobilizes Forces Against Sweden" and "passive" not in mobilising


def _event(kind: str, source: str | None, target: str | None, modality: str) -> Event:
    def actor(code: str | None) -> Actor | None:
        return None if code is None else Actor(text=code, name=code, code=code, country=code, sector=None, span=(0, 1), kb_id=None)

    return Event(
        id="e", sentence_index=0, sentence="", span=(0, 1), source=actor(source), target=actor(target), cameo="190",
        plover=Plover(kind, None), quad_class=4, goldstein=-10.0, modality=modality, date=None, date_text=None,  # type: ignore[arg-type]
        location=None, speaker=None, rule="r",
    )


def test_judgements_follow_each_frame() -> None:
    triple = (Country("Norway", "NOR", "Norwegian"), Country("Sweden", "SWE", "Swedish"), Country("Finland", "FIN", "Finnish"))
    cases = {c.frame.name: c for c in build_cases({VerbPattern("attack", (), None): frozenset({"ASSAULT"})}, [triple])}
    assert judge(cases["active"], [_event("ASSAULT", "NOR", "SWE", "asserted")]).passed
    assert not judge(cases["active"], [_event("ASSAULT", "SWE", "NOR", "asserted")]).passed
    assert not judge(cases["negated"], [_event("ASSAULT", "NOR", "SWE", "asserted")]).passed
    assert judge(cases["agentless passive"], []).passed
    assert not judge(cases["agentless passive"], [_event("ASSAULT", "SWE", None, "asserted")]).passed  # the victim as attacker
    assert judge(cases["question"], [_event("ASSAULT", "NOR", "SWE", "future")]).passed
    assert not judge(cases["question"], [_event("ASSAULT", "NOR", "SWE", "asserted")]).passed
    assert not judge(cases["coordinated"], [_event("ASSAULT", "NOR", "SWE", "asserted")]).passed  # Finland too
    both = [_event("ASSAULT", "NOR", "SWE", "asserted"), _event("ASSAULT", "FIN", "SWE", "asserted")]
    assert judge(cases["along with"], both).passed and judge(cases["dashed apposition"], both).passed
    assert not judge(cases["along with"], both[:1]).passed  # "X, along with Z": Z too
    assert not judge(cases["neither nor"], both).passed  # told as done, where neither did it
    assert judge(cases["neither nor"], [_event("ASSAULT", c, "SWE", "negated") for c in ("NOR", "FIN")]).passed
    victim = {c.frame.name: c for c in build_cases({VerbPattern("kill", (), None): frozenset({"ASSAULT"})}, [triple])}["agentless victim"]
    assert judge(victim, [_event("ASSAULT", None, "SWE", "asserted")]).passed
    assert not judge(victim, []).passed  # the killing happened
    assert not judge(victim, [_event("ASSAULT", "SWE", None, "asserted")]).passed  # the victim as attacker


def test_the_sample_of_patterns_does_not_move_when_patterns_are_added() -> None:
    """The floor test samples 1 pattern in 5 by a hash of the pattern, not by its position."""
    patterns = [VerbPattern(lemma, (), None) for lemma in ("expel", "attack", "meet", "accuse", "visit", "seize", "ban")]
    chosen = {p for p in patterns if sampled(p, 5)}
    more = [VerbPattern("abduct", (), None), *patterns, VerbPattern("bomb", (), "on")]
    assert {p for p in more if sampled(p, 5)} & set(patterns) == chosen
    assert all(sampled(p, 1) for p in more)


def test_actors_are_drawn_from_the_knowledge_base_reproducibly() -> None:
    assert country_pairs(3) == country_pairs(3)
    assert all(len({c.code for c in triple}) == 3 for triple in country_pairs(10))


def test_pass_rates_stay_above_their_floors() -> None:
    suite = run_suite(Settings(), pairs=1, every=5)
    rates = {name: passed / total for name, (passed, total) in suite.by_frame().items()}
    for frame, floor in FLOORS.items():
        assert rates[frame] >= floor - 0.01, (frame, rates[frame])


def test_a_pattern_with_its_object_before_the_preposition_is_generated_with_one() -> None:
    """ "blame something on": the suite says "Norway blamed the attack on Sweden", not "blamed on
    Sweden", and makes no passive of it."""
    triple = (Country("Norway", "NOR", "Norwegian"), Country("Sweden", "SWE", "Swedish"), Country("Chile", "CHL", "Chilean"))
    texts = {c.frame.name: c.text for c in build_cases({parse_verb("blame something on"): frozenset({"ACCUSE"})}, [triple])}
    assert texts["active"] == "Norway blamed the attack on Sweden on Monday."
    assert "passive" not in texts
