"""The event coder's rules, one behaviour each, on sentences we wrote (real countries, invented events)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from thucydides.records import Analysis, Event

Analyze = Callable[..., Analysis]


def _events(analyze_text: Analyze, text: str) -> list[tuple[str, str | None, str | None, str]]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return [(e.plover.type, key(e.source), key(e.target), e.modality) for e in analyze_text(text).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway attacked Sweden on Monday.", ("ASSAULT", "NOR", "SWE", "asserted")),
        ("Sweden was attacked by Norway on Monday.", ("ASSAULT", "NOR", "SWE", "asserted")),
        ("Norway did not attack Sweden.", ("ASSAULT", "NOR", "SWE", "negated")),
        ("Norway will meet Sweden next week.", ("CONSULT", "NOR", "SWE", "future")),
        ("Norway plans to visit Sweden next month.", ("CONSULT", "NOR", "SWE", "future")),
        ("Norway wants to sanction Sweden.", ("SANCTION", "NOR", "SWE", "intent")),
        ("Norway could attack Sweden if talks fail.", ("ASSAULT", "NOR", "SWE", "hypothetical")),
        ("French lawmakers called for Sergei Lavrov to resign on Monday.", ("REQUEST", "FRA", "RUS", "asserted")),
        ("It is unclear whether Norway will meet Sweden.", ("CONSULT", "NOR", "SWE", "hypothetical")),
        ("Analysts asked whether Norway would attack Sweden again.", ("ASSAULT", "NOR", "SWE", "hypothetical")),
        ("Norway attacked Sweden, whether or not Finland objected.", ("ASSAULT", "NOR", "SWE", "asserted")),
        ("Finland said Norway attacked Sweden.", ("ASSAULT", "NOR", "SWE", "reported")),
        ("Norway Meets With Sweden Over Fishing Rights", ("CONSULT", "NOR", "SWE", "asserted")),
        ("Thousands of Norwegian farmers protested in Oslo on Friday.", ("PROTEST", "NOR", None, "asserted")),
    ],
)
def test_rules(analyze_text: Analyze, text: str, expected: tuple[str, str, str | None, str]) -> None:
    assert expected in _events(analyze_text, text)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Norway will not agree to a ceasefire with Sweden.", True),
        ("Norway refused to meet Sweden.", True),
        ("Norway has not committed to any ceasefire with Sweden.", False),
        ("Norway has not yet agreed to a ceasefire with Sweden.", False),
        ("Norway had not signed the treaty with Sweden when the talks ended.", False),
        ("Norway denied sending weapons to Sweden.", False),
    ],
)
def test_an_act_not_done_yet_is_not_a_refusal(analyze_text: Analyze, text: str, refused: bool) -> None:
    assert any(kind == "REJECT" for kind, _, _, _ in _events(analyze_text, text)) is refused


def test_what_one_official_does_to_another_of_the_same_government_is_coded(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "President Vladimir Putin praised Sergei Lavrov on Monday.")
    assert ("SUPPORT", "RUS", "RUS", "asserted") in events
    assert not _events(analyze_text, "Norway praised Oslo on Monday.")  # a state and its own capital: no event


def test_the_two_armies_are_the_forces_of_the_last_two_states_named(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway and Sweden disputed the islands for years. The two armies agreed to a truce in May.")
    assert ("AGREE", "NOR", "SWE", "asserted") in events and ("AGREE", "SWE", "NOR", "asserted") in events
    sources = [e.source for e in analyze_text("Norway and Sweden met. The two armies agreed to a truce.").events if e.source]
    assert {a.code for a in sources} >= {"NORMIL", "SWEMIL"}


@pytest.mark.parametrize("text", ["Norway and Sweden accused each other of spying.", "Norway and Sweden threatened one another."])
def test_subjects_that_act_on_each_other_are_each_the_others_target(analyze_text: Analyze, text: str) -> None:
    pairs = {(source, target) for _, source, target, _ in _events(analyze_text, text)}
    assert pairs == {("NOR", "SWE"), ("SWE", "NOR")}


def test_refusal_to_cooperate_is_a_rejection_and_not_an_agreement(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway refused to sign the agreement with Sweden.")
    assert not any(kind == "AGREE" and modality == "asserted" for kind, _, _, modality in events)


def test_a_refused_condemnation_is_never_an_asserted_accusation(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway has refused to condemn Sweden's aggression.")
    assert not any(kind == "ACCUSE" and modality == "asserted" for kind, _, _, modality in events)


def test_a_demand_that_another_must_act(analyze_text: Analyze) -> None:
    assert ("REQUEST", "FIN", "NOR", "asserted") in _events(analyze_text, "Finland said Norway must withdraw its troops.")


def test_they_after_two_people_is_the_pair(analyze_text: Analyze) -> None:
    text = "Norwegian Prime Minister Ola Berg thanked Swedish President Eva Lind, whom he first met in June, when they met in Oslo."
    events = _events(analyze_text, text)
    assert ("CONSULT", "NOR", "SWE", "asserted") in events or ("CONSULT", "SWE", "NOR", "asserted") in events


def test_metaphors_and_showing_are_not_events(analyze_text: Analyze) -> None:
    assert _events(analyze_text, "You should not fight a bear when the river is high.") == []
    events = _events(analyze_text, "Norway demonstrated its commitment to the treaty.")
    assert not any(kind == "PROTEST" for kind, _, _, _ in events)


def test_american_places_are_not_foreign_capitals(analyze_text: Analyze) -> None:
    analysis = analyze_text("Officials held a meeting in San Jose, Calif., and in Athens, Georgia, on Monday.")
    assert not any(a.country in ("CRI", "GEO", "GRC") for a in analysis.actors)


def test_every_event_carries_its_rule_sentence_and_codes(analyze_text: Analyze) -> None:
    analysis = analyze_text("Norway imposed sanctions on Sweden on Monday.")
    event: Event = analysis.events[0]
    assert event.rule and event.sentence.startswith("Norway imposed")
    assert event.cameo.startswith("16") and event.quad_class == 4 and event.goldstein < 0


def test_help_and_permission_are_coded_and_refused_permission_is_a_rejection(analyze_text: Analyze) -> None:
    assert ("AID", "NOR", "KEN", "asserted") in _events(analyze_text, "Norway helped Kenya build a new port.")
    events = _events(analyze_text, "The Norwegian premier said he would not give permission to Sweden to fish there.")
    assert ("REJECT", "NOR", "SWE", "asserted") in events
    assert _events(analyze_text, "Norway helped build the bridge.") == []


def test_building_a_port_is_not_a_blockade(analyze_text: Analyze) -> None:
    assert not any(kind == "PROTEST" for kind, *_ in _events(analyze_text, "Kenyan engineers built a new port in Mombasa."))


def test_a_noun_with_a_participle_before_a_passive_is_what_was_done_to(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "The fishermen detained for crossing into Norway were freed on Monday by Swedish police.")
    assert ("RETREAT", "SWE", "NOR", "asserted") not in events
    assert not any(kind == "COERCE" and source is not None for kind, source, _, _ in events)


def test_who_after_an_organisation_stands_for_the_person_above_it(analyze_text: Analyze) -> None:
    text = "A Chilean man thought to be linked to Hezbollah who shot at Peruvian soldiers was arrested on Monday."
    events = _events(analyze_text, text)
    assert any(kind == "ASSAULT" and source == "CHL" and target == "PER" for kind, source, target, _ in events)


def test_a_weapons_user_is_the_author_of_what_the_weapon_did(analyze_text: Analyze) -> None:
    text = "The Chilean cargo plane was shot down by a missile fired by Peruvian troops."
    assert any(kind == "ASSAULT" and source == "PER" and target == "CHL" for kind, source, target, _ in _events(analyze_text, text))


def test_sympathisers_are_not_the_country_they_side_with(analyze_text: Analyze) -> None:
    analysis = analyze_text("Pro-Russia militants and Hamas-linked fighters attacked a checkpoint.")
    assert not any(a.country == "RUS" or a.code.startswith("PSE") for e in analysis.events for a in (e.source, e.target) if a)


def test_unplaced_actors_take_the_place_of_their_clause_or_are_not_coded(analyze_text: Analyze) -> None:
    assert ("PROTEST", "IRQ", None, "asserted") in _events(analyze_text, "Demonstrators in Basra blocked a highway on Sunday.")
    assert _events(analyze_text, "A protester demolished the shed.") == []


def test_a_blast_from_a_military_weapon_is_military_force(analyze_text: Analyze) -> None:
    analysis = analyze_text("The Chilean patrol boat was blown up by a missile fired by Peruvian troops.")
    assert [e.cameo for e in analysis.events if e.plover.type == "ASSAULT"] == ["195"]


def test_they_in_reported_speech_is_every_speaker_and_each_tells_its_own_deed(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway and Sweden said they had signed a fishing deal with Chile.")
    assert ("AGREE", "NOR", "CHL", "asserted") in events and ("AGREE", "SWE", "CHL", "asserted") in events


def test_an_event_noun_counted_in_a_measure_or_listed_after_another_noun(analyze_text: Analyze) -> None:
    assert ("AID", "JPN", "TCD", "asserted") in _events(analyze_text, "Japan gave Chad four million dollars of aid on Friday.")
    text = "Norway is supplying maps and other intelligence to Chile, officials said."
    assert any(source == "NOR" and target == "CHL" for _, source, target, _ in _events(analyze_text, text))


def test_a_protest_is_aimed_at_whom_it_defies(analyze_text: Analyze) -> None:
    text = "Thousands of students blocked roads in Santiago in defiance of the Chilean government."
    assert ("PROTEST", "CHL", "CHL", "asserted") in _events(analyze_text, text) or any(
        kind == "PROTEST" and target == "CHL" for kind, _, target, _ in _events(analyze_text, text)
    )
    text = "Farmers in Marseille blocked a highway to show their anger at Spain's fishing quotas."
    assert ("PROTEST", "FRA", "ESP", "asserted") in _events(analyze_text, text)


def test_a_mission_undertaken_and_an_embassy_opened(analyze_text: Analyze) -> None:
    text = "African Union Secretary General Ana Bento undertook a mediation mission between Chad and Sudan."
    events = _events(analyze_text, text)
    assert any(kind == "CONSULT" and target == "TCD" for kind, _, target, _ in events)
    assert ("SUPPORT", "NOR", "CHL", "asserted") in _events(analyze_text, "Norway opened an embassy in Santiago on Monday.")


def test_a_secretary_general_is_not_a_soldier(analyze_text: Analyze) -> None:
    analysis = analyze_text("NATO Secretary General Ana Bento met Chilean officials in Brussels.")
    assert not any(a.sector == "MIL" for a in analysis.actors)


def test_what_a_demand_asks_for_has_not_happened(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "The World Health Organization (WHO) repeated its demand that Chile lift its ban on Peruvian fruit.")
    assert ("REQUEST", "IGO", "CHL", "asserted") in [(k, (s or "")[:3], t, m) for k, s, t, m in events]
    assert not any(kind == "CONCEDE" and modality == "asserted" for kind, _, _, modality in events)
    events = _events(analyze_text, "Bolivia insisted that Chile withdraw its troops.")
    assert not any(kind == "RETREAT" and modality == "asserted" for kind, _, _, modality in events)


def test_coordinated_nationalities_make_one_actor_each(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Chilean and Peruvian warships attacked Bolivian boats on Friday.")
    assert ("ASSAULT", "CHL", "BOL", "asserted") in events and ("ASSAULT", "PER", "BOL", "asserted") in events


def test_a_city_visited_or_sent_aid_stands_for_its_country(analyze_text: Analyze) -> None:
    assert ("CONSULT", "CHL", "PER", "asserted") in _events(analyze_text, "The Chilean president visited Arequipa on Monday.")
    assert ("AID", "NOR", "SYR", "asserted") in _events(analyze_text, "Norway sent food aid to Aleppo.")


def test_insisting_on_a_view_is_not_a_demand(analyze_text: Analyze) -> None:
    assert not any(kind == "REQUEST" for kind, *_ in _events(analyze_text, "Chile insisted that the talks with Peru had failed."))
    assert ("REQUEST", "CHL", "PER", "asserted") in _events(analyze_text, "Chile insisted that Peru withdraw its troops.")


def test_mobilizing_supporters_is_not_a_military_mobilization(analyze_text: Analyze) -> None:
    assert not any(kind == "MOBILIZE" for kind, *_ in _events(analyze_text, "Chile mobilized lobby groups in Peru."))
    assert any(kind == "MOBILIZE" for kind, *_ in _events(analyze_text, "Chile mobilized its reservists on Monday."))


def test_a_purpose_is_told_as_its_verb_is_and_done_by_its_subject(analyze_text: Analyze) -> None:
    text = "Norway is willing to send equipment to help defend Chile, the Norwegian premier said."
    assert ("AID", "NOR", "CHL", "intent") in _events(analyze_text, text)
    events = _events(analyze_text, "The Chilean president is being pressured by parliament to help Peru.")
    assert not any(kind == "AID" and modality == "asserted" for kind, _, _, modality in events)


def test_a_wish_denied_by_another_is_not_a_refusal(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Bolivia doesn't just want Chile to withdraw from the border.")
    assert not any(kind == "REJECT" for kind, *_ in events)
    assert ("REJECT", "CHL", "BOL", "asserted") in _events(analyze_text, "Chile will not withdraw from Bolivia.")


def test_attacking_a_plan_is_criticism_not_violence(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "The Chilean president attacked Peru's fishing plan on Monday.")
    assert ("ACCUSE", "CHL", "PER", "asserted") in events and not any(kind == "ASSAULT" for kind, *_ in events)
    assert any(kind == "ASSAULT" for kind, *_ in _events(analyze_text, "Chilean troops attacked Peruvian soldiers on Monday."))


def test_unarmed_people_fighting_are_arguing(analyze_text: Analyze) -> None:
    text = "Chilean President Ana Bento attacked Senator Luis Rojas over the pension law."
    events = _events(analyze_text, text)
    assert not any(kind == "ASSAULT" for kind, *_ in events)
    assert any(kind == "ACCUSE" for kind, *_ in events)
    assert not any(kind == "ASSAULT" for kind, *_ in _events(analyze_text, "Chilean President Ana Bento vowed to fight for the miners."))
    assert any(kind == "ASSAULT" for kind, *_ in _events(analyze_text, "Chilean troops fought Bolivian rebels near the border."))


def test_a_particle_changes_the_verb_and_a_bare_charge_is_not_an_arrest(analyze_text: Analyze) -> None:
    assert not any(kind == "SANCTION" for kind, *_ in _events(analyze_text, "Chile appeared to break down barriers with Peru."))
    assert not any(kind == "COERCE" for kind, *_ in _events(analyze_text, "Chilean officials charged that Peru had lied."))
    assert any(kind == "COERCE" for kind, *_ in _events(analyze_text, "Chilean police charged two Peruvian fishermen with smuggling."))


def test_campaign_figures_are_not_force(analyze_text: Analyze) -> None:
    for text in (
        "The Chilean government fought hard to defend the mining tax.",
        "The Peruvian health ministry fought the virus with new clinics.",
        "The Chilean president locked up endorsements from the unions.",
        "Chilean officials warned that copper prices would fall.",
    ):
        assert not any(kind in ("ASSAULT", "COERCE", "THREATEN") for kind, *_ in _events(analyze_text, text)), text
    assert ("THREATEN", "CHL", "PER", "asserted") in _events(analyze_text, "Chile warned Peru against moving troops to the border.")
    events = _events(analyze_text, "Democrats attacked Republicans over the budget.")
    assert not any(kind == "ASSAULT" for kind, *_ in events)


def test_a_politicians_battle_with_no_adversary_resolved_is_not_combat(analyze_text: Analyze) -> None:
    text = "Chilean President Ana Bento's long battle with her critics hurt her in the polls."
    assert not any(kind == "ASSAULT" for kind, *_ in _events(analyze_text, text))


def test_violence_named_by_a_thing_has_a_victim_and_no_author(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "A roadside bomb killed two Chilean soldiers on Sunday.")
    assert ("ASSAULT", None, "CHL", "asserted") in events
    assert ("ASSAULT", "USA", "IMG", "asserted") in [
        (k, s, (t or "")[:3] or None, m) for k, s, t, m in _events(analyze_text, "US Reaper drone strikes killed three al-Qaeda commanders.")
    ]


def test_what_a_claim_or_demanded_admission_says_is_not_told_as_fact(analyze_text: Analyze) -> None:
    text = "Bolivia demanded an admission by Chile that Chilean troops had shot Bolivian farmers."
    assert not any(kind == "ASSAULT" and modality == "asserted" for kind, _, _, modality in _events(analyze_text, text))
    text = "Chile repeated the allegation that Peruvian troops had shot Bolivian farmers."
    assert not any(kind == "ASSAULT" and modality == "asserted" for kind, _, _, modality in _events(analyze_text, text))


def test_habits_and_generalisations_are_not_dated_events(analyze_text: Analyze) -> None:
    for text in ("Chilean police routinely detain Peruvian fishermen.", "Chile used to raid Peruvian villages."):
        assert _events(analyze_text, text) == [], text
    assert ("ASSAULT", "CHL", "PER", "asserted") in _events(analyze_text, "Chile repeatedly attacked Peru last week.")


def test_seas_named_after_countries_and_ones_own_troops_are_not_targets(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "North Korea fired two missiles into the Sea of Japan on Sunday.")
    assert events and not any(target == "JPN" for _, _, target, _ in events)
    assert ("MOBILIZE", "MEX", None, "asserted") in _events(analyze_text, "Mexico sent troops to the border on Monday.")


def test_a_not_inside_a_request_is_asked_for_not_refused(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Peru urged Chile not to withdraw from the fishing treaty.")
    assert not any(kind == "REJECT" and modality == "asserted" for kind, _, _, modality in events)


def test_cooperation_offered_to_someone_and_words_offered(analyze_text: Analyze) -> None:
    assert ("AGREE", "IRN", "SAU", "asserted") in _events(analyze_text, "Iran offered talks to Saudi Arabia on Monday.")
    assert ("CONSULT", "USA", "CUB", "asserted") in _events(analyze_text, "The American president travelled to Cuba in March.")
    assert _events(analyze_text, "Chilean lawyers offered counterarguments to the court.") == []


def test_a_day_is_not_whom_a_verb_is_aimed_at_and_a_question_is_not_an_appeal(analyze_text: Analyze) -> None:
    assert _events(analyze_text, "The Chilean senate on Wednesday called an emergency session.") == []
    assert _events(analyze_text, "\u201cWhat now?\u201d the Chilean president asked.") == []
    assert ("REQUEST", "CHL", "PER", "asserted") in _events(analyze_text, "Chile called on Peru to withdraw its boats.")


def test_a_publication_released_is_not_a_prisoner_freed(analyze_text: Analyze) -> None:
    for text in ("The Chilean president released ten years of tax returns.", "A Chilean judge ordered the release of internal documents."):
        assert not any(kind == "RETREAT" for kind, *_ in _events(analyze_text, text)), text
    assert ("RETREAT", "CHL", "PER", "asserted") in _events(analyze_text, "Chile released 40 Peruvian prisoners on Monday.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The four Norwegian diplomats expelled by Sweden left on Tuesday.", ("COERCE", "SWE", "NOR")),
        ("The Finnish reporter arrested by Norwegian police was freed.", ("COERCE", "NOR", "FIN")),
        ("The Danish soldiers killed by Swedish troops were buried on Friday.", ("ASSAULT", "SWE", "DNK")),
    ],
)
def test_a_participle_modifying_a_noun_is_a_passive(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    """ "the diplomats expelled by Sweden" = "the diplomats who were expelled by Sweden"."""
    assert (*expected, "asserted") in _events(analyze_text, text)


NOMINAL_FRAMES = (
    "Sweden's {noun} of Norwegian {object} was condemned in Finland.",
    "The {noun} of Norwegian {object} by Sweden was condemned in Finland.",
)
NOMINAL_CASES = [  # (the verb in the past, its noun, an object it takes, the PLOVER type of the verb's entry)
    ("expelled", "expulsion", "journalists", "COERCE"),
    ("arrested", "arrest", "journalists", "COERCE"),
    ("detained", "detention", "fishermen", "COERCE"),
    ("killed", "killing", "soldiers", "ASSAULT"),
    ("deported", "deportation", "workers", "COERCE"),
    ("seized", "seizure", "fishing boats", "COERCE"),
]


@pytest.mark.parametrize("frame", NOMINAL_FRAMES)
@pytest.mark.parametrize(("verb", "noun", "thing", "kind"), NOMINAL_CASES)
def test_the_noun_of_a_verb_entry_codes_as_the_verb(
    analyze_text: Analyze, frame: str, verb: str, noun: str, thing: str, kind: str
) -> None:
    """Every line of codes/data/nominalizations.tsv makes the verb's noun an event of its entry,
    with the possessor or the "by" phrase as the actor and the "of" object as the target."""
    text = frame.format(noun=noun, object=thing)
    assert (kind, "SWE", "NOR", "asserted") in _events(analyze_text, text), text
    verbal = _events(analyze_text, f"Sweden {verb} Norwegian {thing} on Monday.")
    assert any(k == kind for k, *_ in verbal)


def test_a_noun_with_no_actor_or_light_verb_is_not_an_event(analyze_text: Analyze) -> None:
    assert _events(analyze_text, "He praised the expulsion of corruption from politics.") == []


def test_every_nominalization_is_the_noun_of_a_verb_in_the_lexicon() -> None:
    from importlib import resources

    from thucydides.codes.lexicon import load_lexicon

    lexicon = load_lexicon()
    table = resources.files("thucydides.codes").joinpath("data/nominalizations.tsv").read_text(encoding="utf-8")
    verbs = {line.split("\t")[0] for line in table.splitlines() if line.strip() and not line.startswith("#")}
    bare = {v.lemma for e in lexicon.entries for v in e.verbs if not v.particles and v.prep is None}
    assert verbs and verbs <= bare, sorted(verbs - bare)
    nominal = {e.id for e in lexicon.entries if e.id.endswith(".nominal")}
    assert "coerce.deport.nominal" in nominal and "fight.kill.nominal" in nominal


@pytest.mark.parametrize(
    "text",
    [
        "The only two neighbours to have signed the pact - Norway and Finland - also sharply criticised Sweden.",
        "The two countries, Norway and Finland, condemned Sweden.",
        "The mediators (Norway and Finland) condemned Sweden.",
    ],
)
def test_names_set_off_in_apposition_are_the_actors(analyze_text: Analyze, text: str) -> None:
    events = _events(analyze_text, text)
    assert ("ACCUSE", "NOR", "SWE", "asserted") in events and ("ACCUSE", "FIN", "SWE", "asserted") in events, events


@pytest.mark.parametrize(
    "text",
    [
        "Its allies, including Norway and Finland, condemned Sweden on Tuesday.",
        "Several neighbours such as Norway and Finland condemned Sweden.",
        "Nordic powers, among them Norway and Finland, condemned Sweden.",
    ],
)
def test_members_an_inclusive_apposition_names_act_for_the_group(analyze_text: Analyze, text: str) -> None:
    events = _events(analyze_text, text)
    assert ("ACCUSE", "NOR", "SWE", "asserted") in events and ("ACCUSE", "FIN", "SWE", "asserted") in events, events


def test_members_an_inclusive_apposition_names_are_each_a_target(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway criticised several neighbours, including Sweden and Finland.")
    assert ("ACCUSE", "NOR", "SWE", "asserted") in events and ("ACCUSE", "NOR", "FIN", "asserted") in events, events


def test_armed_men_attacking_positions_is_force_and_politicians_attacking_positions_is_criticism(analyze_text: Analyze) -> None:
    assert ("ASSAULT", "NOR", "SWE", "asserted") in _events(analyze_text, "Norwegian troops attacked Swedish army positions.")
    assert ("ACCUSE", "NOR", "NOR", "asserted") not in _events(analyze_text, "Norwegian troops attacked Swedish army positions.")
    verbal = _events(analyze_text, "The Norwegian opposition attacked the Swedish government's position on fishing.")
    assert not any(kind == "ASSAULT" for kind, *_ in verbal), verbal


def test_his_foreign_counterpart_is_that_countrys_government(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "The Norwegian foreign minister met his Swedish counterpart in Oslo.")
    assert ("CONSULT", "NOR", "SWE", "asserted") in events, events


def test_telling_with_a_clause_reports_and_with_an_infinitive_asks(analyze_text: Analyze) -> None:
    """ "told the envoy that Norway would expel …" is an announcement (would = backshifted will)."""
    told = _events(analyze_text, "The Norwegian foreign ministry told the Swedish ambassador that Norway would expel 60 Swedish journalists.")
    assert ("COERCE", "NOR", "SWE", "future") in told, told
    asked = _events(analyze_text, "Finland told Norway to expel the Swedish journalists.")
    assert not any(kind == "COERCE" and modality in ("asserted", "future") for kind, _, _, modality in asked), asked


@pytest.mark.parametrize(
    "text",
    [
        "The Norwegian spokesman asked why Sweden had gone to the committee.",
        "Norway asked whether Sweden would attend the talks.",
        "\"Will you withdraw?\" Norway asked Sweden.",
    ],
)
def test_a_question_asked_is_not_a_request(analyze_text: Analyze, text: str) -> None:
    assert not any(kind == "REQUEST" for kind, *_ in _events(analyze_text, text))


def test_asking_someone_to_act_or_for_something_is_a_request(analyze_text: Analyze) -> None:
    assert ("REQUEST", "NOR", "SWE", "asserted") in _events(analyze_text, "Norway asked Sweden to withdraw its troops.")
    assert ("REQUEST", "NOR", "SWE", "asserted") in _events(analyze_text, "Norway asked Sweden for help.")


def test_a_hard_wrapped_line_does_not_end_its_sentence(analyze_text: Analyze) -> None:
    text = "Norway said on Monday that its navy had seized a\n        Swedish fishing boat and that it would\n        expel the crew."
    events = _events(analyze_text, text)
    assert any(kind == "COERCE" and source == "NOR" for kind, source, *_ in events), events


def test_a_line_break_after_a_headline_still_ends_it(analyze_text: Analyze) -> None:
    analysis = analyze_text("Norway and Sweden sign fishing pact\nOSLO (AP) — Norway and Sweden signed a fishing pact on Monday.")
    assert all(not e.sentence.startswith("Norway and Sweden sign fishing pact\n") for e in analysis.events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway Expels Swedish Diplomats", ("SANCTION", "NOR", "SWE")),
        ("NORWAY IMPOSES SANCTIONS ON SWEDEN", ("SANCTION", "NOR", "SWE")),
        ("Norway Accuses Sweden Of Spying", ("ACCUSE", "NOR", "SWE")),
    ],
)
def test_a_title_case_or_all_caps_headline_is_parsed_as_a_sentence(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    analysis = analyze_text(text)
    assert (*expected, "asserted") in _events(analyze_text, text)
    for event in analysis.events:  # what a user sees is the text as written
        assert event.source is not None and event.source.text in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile Bombs Peru", ("ASSAULT", "CHL", "PER", "asserted")),  # "bombs", "attacks", "aids": nouns too
        ("Ghana Aids Togo After Floods", ("AID", "GHA", "TGO", "asserted")),
        ("Norway Attacks Sweden\nOSLO (AP) — Fighting went on for a second day.", ("ASSAULT", "NOR", "SWE", "asserted")),
        ("Norway And Sweden Attack Finland", ("ASSAULT", "SWE", "FIN", "asserted")),  # plural subject, plain form
        ("Norway To Visit Sweden", ("CONSULT", "NOR", "SWE", "future")),  # "is to": arranged, not done
        ("NORWAY TO IMPOSE SANCTIONS ON SWEDEN", ("SANCTION", "NOR", "SWE", "future")),
    ],
)
def test_headline_english_present_tense_and_dropped_auxiliaries(analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]) -> None:
    """A headline tells a past event in the present ("Attacks") and drops "is" before "to"."""
    events = _events(analyze_text, text)
    assert expected in events, events


def test_a_present_tense_verb_in_running_text_is_read_as_before(analyze_text: Analyze) -> None:
    """Only headline lines are re-read: in a sentence the noun "attacks" stays a noun."""
    events = _events(analyze_text, "Chile attacks on Peru's border posts have stopped, officials said.")
    assert not any(modality == "asserted" and source == "CHL" for _, source, _, modality in events), events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile massed troops against Peru on Tuesday.", ("MOBILIZE", "CHL", "PER", "asserted")),
        ("Chile mobilised its reservists against Peru.", ("MOBILIZE", "CHL", "PER", "asserted")),
        ("Chile mobilised soldiers toward Peru.", ("MOBILIZE", "CHL", "PER", "asserted")),
        ("Chile deployed troops along the border.", ("MOBILIZE", "CHL", None, "asserted")),  # its own troops
        ("Chile did not conscript forces against Peru on Monday.", ("MOBILIZE", "CHL", "PER", "negated")),
        ("Chile will flex troops against Peru next week.", ("MOBILIZE", "CHL", "PER", "future")),
    ],
)
def test_forces_mobilised_are_the_actors_own_and_against_names_the_recipient(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str | None, str]
) -> None:
    """PLOVER's MOBILIZE recipient is whom the forces are mobilised against; the forces themselves,
    of the actor's country or of none stated, are no target ("did not conscript", "will flex": a
    verb the tagger took for an adjective or a noun is still a verb after an auxiliary)."""
    events = _events(analyze_text, text)
    assert expected in events, events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway criticised the decision, with the Norwegian foreign minister accusing Sweden of bad faith.", ("ACCUSE", "NOR", "SWE")),
        ("The Norwegian spokesman, accusing Sweden of bad faith, left the talks.", ("ACCUSE", "NOR", "SWE")),
    ],
)
def test_an_absolute_or_set_off_participle_is_done_by_its_noun(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    events = _events(analyze_text, text)
    assert any((kind, source, target) == expected for kind, source, target, _ in events), events


def test_a_restrictive_participle_tells_no_event(analyze_text: Analyze) -> None:
    """ "jihadists fighting in Norway" says which ones are meant; it does not tell a fight."""
    assert not any(kind == "ASSAULT" for kind, *_ in _events(analyze_text, "Swedish jihadists fighting in Norway were arrested."))


@pytest.mark.parametrize(
    "text",
    [
        "The only two neighbours to have signed the treaty - Norway and Finland - also sharply criticised Sweden.",
        "The two countries that border it (Norway and Finland) criticised Sweden on Monday.",
    ],
)
def test_names_between_dashes_before_the_verb_are_its_subject(analyze_text: Analyze, text: str) -> None:
    """An interpolated apposition closing the subject names who acted, wherever the parser hung it."""
    events = _events(analyze_text, text)
    assert {("NOR", "SWE"), ("FIN", "SWE")} <= {(s, t) for kind, s, t, _ in events if kind == "ACCUSE"}, events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway condemned Sweden's decision to expel Finnish diplomats.", ("SANCTION", "SWE", "FIN", "asserted")),
        ("Sweden announced plans to expel Finnish diplomats.", ("SANCTION", "SWE", "FIN", "intent")),
        ("Norway welcomed Sweden's offer to aid Finland.", ("AID", "SWE", "FIN", "intent")),
        ("Norway criticised Sweden's refusal to meet Finland.", ("CONSULT", "SWE", "FIN", "negated")),
    ],
)
def test_the_infinitive_of_a_noun_of_deciding_is_done_by_who_decides(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "Sweden's decision to expel": the possessor (or the subject of "announced plans") acts, as
    decided (told as done), planned or offered (intent), or refused (negated)."""
    events = [(kind, source, (target or "")[:3], modality) for kind, source, target, modality in _events(analyze_text, text)]
    assert expected in events, events


def test_a_refusal_inside_a_prepositional_phrase_is_a_motive_not_news(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Farmers protested in Oslo over Sweden's refusal to meet Finland.")
    assert not any(source == "SWE" for _, source, _, _ in events), events


def test_a_reporting_participle_reports_what_its_subject_says(analyze_text: Analyze) -> None:
    """ "…, saying Swedish troops had attacked Finland": Norway's report, not a condition."""
    analysis = analyze_text("Norway condemned the raid, saying Swedish troops had attacked Finland.")
    reported = [e for e in analysis.events if e.plover.type == "ASSAULT"]
    assert reported and all(e.modality == "reported" for e in reported), reported
    assert reported[0].speaker is not None and reported[0].speaker.country == "NOR"
    assert ("ASSAULT", "SWE", "FIN", "hypothetical") in _events(analyze_text, "If Norway says Sweden attacked Finland, the talks will end.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway criticised Sweden and imposed sanctions on it.", ("SANCTION", "NOR", "SWE")),
        ("Norway criticised Sweden and later attacked it.", ("ASSAULT", "NOR", "SWE")),
        ("Sweden, which Norway accused of spying last year, expelled three diplomats.", ("ACCUSE", "NOR", "SWE")),
        ("Sweden, with which Norway signed a pact, protested.", ("AGREE", "NOR", "SWE")),
    ],
)
def test_an_object_it_or_relative_pronoun_stands_for_an_earlier_actor(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    """An object "it" is not its clause's subject (that is "itself"): the latest other country of
    the sentence; an object relative pronoun is the noun its clause modifies."""
    events = _events(analyze_text, text)
    assert any((kind, source, target) == expected for kind, source, target, _ in events), events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sweden's decision drew criticism from Norway.", ("ACCUSE", "NOR", "SWE")),
        ("Sweden received a warning from Norway.", ("THREATEN", "NOR", "SWE")),
        ("Sweden received aid from Norway.", ("AID", "NOR", "SWE")),  # given, not asked for
        ("Sweden won praise from Norway for the deal.", ("SUPPORT", "NOR", "SWE")),
        ("Sweden faced pressure from Norway.", ("COERCE", "NOR", "SWE")),
        ("Sweden faced condemnation from Norway.", ("ACCUSE", "NOR", "SWE")),  # "Sweden" parsed as the verb's modifier
    ],
)
def test_an_event_received_from_someone_is_done_by_them(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    """ "drew criticism from Norway" is the converse of "Norway criticised": the "from" phrase acts,
    the receiving verb's subject (or whose thing it is) undergoes it."""
    events = _events(analyze_text, text)
    assert any((kind, source, target) == expected for kind, source, target, _ in events), events


def test_a_received_event_with_an_unknown_side_is_not_coded(analyze_text: Analyze) -> None:
    assert not any(kind == "ACCUSE" for kind, *_ in _events(analyze_text, "The plan drew a sharp rebuke from Norway."))


def test_the_main_verb_hung_on_its_subject_after_an_apposition(analyze_text: Analyze) -> None:
    """ "Norway, a neighbour of Finland, acceded to …": the parser made the verb modify Norway."""
    assert ("CONCEDE", "NOR", "SWE", "asserted") in _events(analyze_text, "Norway, a neighbour of Finland, acceded to Sweden on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "After visiting Sweden in May, the Norwegian prime minister criticised Finland.",
        "Since meeting the Swedish foreign minister in Oslo, the Norwegian prime minister has criticised Finland.",
    ],
)
def test_a_participle_clause_is_done_by_the_main_clauses_subject(analyze_text: Analyze, text: str) -> None:
    events = _events(analyze_text, text)
    assert any(kind == "CONSULT" and source == "NOR" and target == "SWE" for kind, source, target, _ in events), events


def test_before_doing_is_not_told_as_done(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norway demanded a truce with Sweden before allowing aid convoys into the region.")
    assert not any(kind == "CONCEDE" for kind, *_ in events), events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway pulled out of Sweden on Monday.", ("RETREAT", "NOR", "SWE")),
        ("Norway walked out of the talks with Sweden.", ("SANCTION", "NOR", "SWE")),
    ],
)
def test_a_particle_the_parser_calls_a_preposition_still_makes_the_phrasal_verb(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    assert (*expected, "asserted") in _events(analyze_text, text)


def test_an_organisation_forced_out_is_expelled_and_a_person_deported(analyze_text: Analyze) -> None:
    assert _events(analyze_text, "Norway forced the UN refugee agency out of the country.")[0][:2] == ("SANCTION", "NOR")
    assert ("COERCE", "NOR", "SWE", "asserted") in _events(analyze_text, "Norway expelled four Swedish journalists.")


@pytest.mark.parametrize(
    "text",
    [
        "Norway's prime minister Ola Berg met Sweden's prime minister Eva Lind in Oslo. The two leaders agreed to restore ties.",
        "Norway and Sweden ended a long dispute on Monday. These two countries agreed to renew their diplomatic relations.",
    ],
)
def test_the_two_leaders_or_countries_are_the_last_two_named(analyze_text: Analyze, text: str) -> None:
    agreed = {(s, t) for kind, s, t, _ in _events(analyze_text, text) if kind == "AGREE"}
    assert agreed >= {("NOR", "SWE"), ("SWE", "NOR")}, agreed


def test_the_two_with_no_pair_named_before_is_no_one(analyze_text: Analyze) -> None:
    assert _events(analyze_text, "The two leaders agreed to restore ties.") == []


@pytest.mark.parametrize(
    "text",
    [
        "A Swedish helicopter was shot down in Varmland province on Sunday.",
        "A Swedish helicopter was shot down in the Oslo region on Sunday.",
        "A Swedish drone was shot down in Norwegian airspace on Sunday.",
        "Two Swedish soldiers were killed in Oslo on Sunday.",
    ],
)
def test_an_agentless_passive_of_violence_never_makes_the_place_or_the_victim_its_author(analyze_text: Analyze, text: str) -> None:
    """The place under "in" says where, never who; the victim is never the attacker."""
    events = _events(analyze_text, text)
    assert not any(source in ("SWE", "NOR") for _, source, _, _ in events), events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some of the 40 Swedish diplomats being expelled from Norway left on Saturday.", ("NOR", "SWE")),
        ("Forty Swedish diplomats were expelled from Norway on Friday.", ("NOR", "SWE")),
        ("Forty Swedish diplomats were expelled by Norway on Friday.", ("NOR", "SWE")),
        ("Sweden was expelled from the Arab League in March.", ("IGOARL", "SWE")),
        ("The expulsion of Swedish diplomats from Norway angered Stockholm.", ("NOR", "SWE")),
    ],
)
def test_who_is_expelled_from_a_state_is_expelled_by_it(analyze_text: Analyze, text: str, expected: tuple[str, str]) -> None:
    """An expulsion sends someone away from the expelling state's ground: with no "by" phrase,
    the "from" phrase names who expels (the lexicon's ``from: source``), never whom."""
    pairs = {(s, t) for kind, s, t, modality in _events(analyze_text, text) if kind in ("COERCE", "SANCTION")}
    assert expected in pairs and expected[::-1] not in pairs, pairs


def test_a_killing_in_a_nationality_s_shelling_is_that_nation_s(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Two Swedish farmers were killed in Norwegian artillery shelling.")
    assert ("ASSAULT", "NOR", "SWE", "asserted") in events, events


def test_a_lexicon_entry_states_what_its_from_phrase_names_and_nothing_unknown(tmp_path: Path) -> None:
    from thucydides.codes.lexicon import load_lexicon
    from thucydides.errors import ResourceError

    entry = "- id: coerce.exile\n  cameo: \"174\"\n  verbs: [exile]\n  from: {role}\n"
    good = tmp_path / "good.yaml"
    good.write_text(entry.format(role="source"), encoding="utf-8")
    exiled = [e for e in load_lexicon(str(good)).entries if e.id.startswith("coerce.exile")]
    assert exiled and all(e.from_role == "source" for e in exiled)
    bad = tmp_path / "bad.yaml"
    bad.write_text(entry.format(role="target"), encoding="utf-8")
    with pytest.raises(ResourceError, match="'from' must be"):
        load_lexicon(str(bad))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Finland's foreign ministry summoned the Swedish ambassador on Monday. Sweden had seized a Swedish-flagged"
            " trawler. The ministry condemned Sweden on Tuesday.",
            ("ACCUSE", "FIN", "SWE", "asserted"),
        ),
        (
            "A court in Oslo jailed two Swedish fishermen. Sweden protested. The court also fined Sweden.",
            ("ACCUSE", "NOR", "SWE", "asserted"),
        ),
        (
            "The Norwegian army shelled Swedish positions. Sweden answered. Later the army attacked Sweden again.",
            ("ASSAULT", "NOR", "SWE", "asserted"),
        ),
    ],
)
def test_a_definite_role_noun_is_the_one_named_before_with_its_owner(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "The ministry", "the court", "the army" refer back to the last ministry, court or army the
    article named with its country, even where another country is named more often."""
    events = _events(analyze_text, text)
    assert expected in events, events
    assert not any(s == t == "SWE" for _, s, t, _ in events), events


@pytest.mark.parametrize(
    "text",
    [
        "The Arab League condemned the move announced on Monday by the Swedish foreign minister.",
        "Norway criticised the decision taken by Sweden last week.",
    ],
)
def test_a_deed_with_an_agent_phrase_is_the_agent_s(analyze_text: Analyze, text: str) -> None:
    """Condemning "the move announced by X" condemns X."""
    assert any(kind == "ACCUSE" and target == "SWE" for kind, _, target, _ in _events(analyze_text, text))


def test_a_person_wanted_by_an_agency_is_not_the_agency(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norwegian police arrested a Swedish man wanted by Interpol.")
    assert not any(target == "IGOITP" or (target or "").startswith("IGO") for _, _, target, _ in events), events


def test_wounding_is_force_and_its_passive_keeps_the_victim_as_target(analyze_text: Analyze) -> None:
    assert ("ASSAULT", "NOR", "SWE", "asserted") in _events(analyze_text, "Two Swedish soldiers were wounded by Norwegian troops.")
    events = _events(analyze_text, "Two Swedish soldiers were wounded in Oslo on Friday.")
    assert not any(s in ("NOR", "SWE") for _, s, _, _ in events), events


def test_the_two_men_are_the_last_two_people_named(analyze_text: Analyze) -> None:
    text = "Norwegian Prime Minister Ola Berg met Swedish Prime Minister Nils Lind on Monday. The two men signed a fishing treaty."
    agreed = {(s, t) for kind, s, t, _ in _events(analyze_text, text) if kind == "AGREE"}
    assert agreed >= {("NOR", "SWE"), ("SWE", "NOR")}, agreed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway held elections on Sunday. The country also condemned Sweden on Monday.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway held elections on Sunday. The government condemned Sweden on Monday.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Norway held elections on Sunday. The country's foreign minister condemned Sweden.", ("ACCUSE", "NOR", "SWE", "asserted")),
        ("Sweden's army shelled the town. Norway accused the regime of war crimes.", ("ACCUSE", "NOR", "SWE", "asserted")),
    ],
)
def test_a_definite_description_of_a_state_is_the_one_named_just_before(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "The country", "the government", "the regime" refer back to the one state named in the
    nearest stretch before them, never to their own clause's subject."""
    assert expected in _events(analyze_text, text)


def test_a_definite_description_after_two_states_is_left_unresolved(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Finland and Norway signed the deal. The country also condemned Sweden.")
    assert not any(source in ("FIN", "NOR") for _, source, _, _ in events), events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A report by the United Nations accused Sweden of torturing prisoners.", ("ACCUSE", "IGOUNO", "SWE")),
        ("The Norwegian report accused Sweden of spying.", ("ACCUSE", "NOR", "SWE")),
        ("A statement from the Norwegian foreign ministry condemned Sweden.", ("ACCUSE", "NOR", "SWE")),
        ("Norway's statement criticised Sweden on Tuesday.", ("ACCUSE", "NOR", "SWE")),
        (
            "Norway's foreign ministry issued a statement on Monday. The statement condemned Sweden.",
            ("ACCUSE", "NOR", "SWE"),
        ),
        (
            "A Norwegian court issued an arrest warrant for the Swedish king on Friday. The warrant accused Sweden of fraud.",
            ("ACCUSE", "NOR", "SWE"),
        ),
        ("The UN Security Council adopted a resolution on Friday. The resolution condemned Sweden.", ("ACCUSE", "IGOUNOSC", "SWE")),
    ],
)
def test_a_document_acts_for_whoever_issued_it(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    """Metonymy: a report, statement or resolution as the agent stands for its issuer (its owner,
    its "by/from" phrase, its nationality, or who issued it just before)."""
    assert (*expected, "asserted") in _events(analyze_text, text)


def test_a_document_whose_issuer_is_not_named_codes_nothing(analyze_text: Analyze) -> None:
    """ "the weather report accused …" with no issuer named: no source, so no event (not a guess)."""
    assert _events(analyze_text, "The weather report accused Sweden of spying.") == []


def test_the_two_leaders_are_the_governments_of_the_two_states_named(analyze_text: Analyze) -> None:
    """ "the two leaders" with no two people named before it: the leaders of the last two states
    named, so their governments, one each."""
    events = _events(
        analyze_text,
        "Norway's prime minister met Sweden's president in Oslo on Monday. The two leaders criticised Russia.",
    )
    assert {("ACCUSE", "NOR", "RUS", "asserted"), ("ACCUSE", "SWE", "RUS", "asserted")} <= set(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Organizers of a rally in London accused Russia of poisoning the spy.", ("ACCUSE", "GBRCVL", "RUS")),
        ("Organisers of the Kenyan march accused the police of brutality.", ("ACCUSE", "KENCVL", "KENCOP")),
    ],
)
def test_who_holds_a_protest_are_protesters_of_its_country(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    def codes(actor: object) -> str | None:
        return None if actor is None else actor.code  # type: ignore[attr-defined]

    assert expected in [(e.plover.type, codes(e.source), codes(e.target)) for e in analyze_text(text).events]


def test_organisers_of_something_else_are_not_protesters(analyze_text: Analyze) -> None:
    assert analyze_text("Organizers of the Olympic Games praised Norway.").events == ()
