"""Reference beyond pronouns: a definite description ("the commission", "the president", "the two
countries") refers to the latest compatible mention before it, else to the article's own country.
Sentences we wrote (real countries, invented events)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.records import Analysis

Analyze = Callable[..., Analysis]


def _events(analyze_text: Analyze, text: str) -> list[tuple[str, str | None, str | None, str]]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return [(e.plover.type, key(e.source), key(e.target), e.modality) for e in analyze_text(text).events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's electoral commission met opposition leaders on Monday. The commission later accused Uganda of interference.",
            ("ACCUSE", "KEN", "UGA", "asserted"),
        ),
        (
            "Norway's energy agency published its yearly review. The agency criticised Sweden on Tuesday.",
            ("ACCUSE", "NOR", "SWE", "asserted"),
        ),
        (
            "The Norwegian parliament's ethics committee met on Monday.\n\nAfter a long session, the committee condemned Sweden.",
            ("ACCUSE", "NOR", "SWE", "asserted"),
        ),
        (
            "A Finnish council of elders met in Helsinki. Sweden sent a letter. This council then accused Sweden of lying.",
            ("ACCUSE", "FIN", "SWE", "asserted"),
        ),
    ],
)
def test_a_definite_body_is_the_last_one_named_with_the_same_head_noun(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "The commission" names again the commission the article introduced with its country."""
    events = _events(analyze_text, text)
    assert expected in events, events


def test_a_definite_body_whose_words_differ_from_the_earlier_one_is_not_it(analyze_text: Analyze) -> None:
    """ "the trade commission" is not "Kenya's electoral commission": a repeated description
    keeps the earlier one's words."""
    events = _events(
        analyze_text,
        "Kenya's electoral commission met opposition leaders on Monday. The trade commission later accused Uganda of dumping.",
    )
    assert not any(kind == "ACCUSE" and source == "KEN" for kind, source, _, _ in events), events


def test_a_definite_body_with_nothing_named_before_is_no_one(analyze_text: Analyze) -> None:
    assert _events(analyze_text, "The commission later accused Uganda of interference.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Emmanuel Macron arrived in Berlin on Monday. The president criticised Russia.", ("ACCUSE", "FRA", "RUS", "asserted")),
        ("Emmanuel Macron arrived in Berlin on Monday. The president met Olaf Scholz.", ("CONSULT", "FRA", "DEU", "asserted")),
        ("Sergei Lavrov arrived in Ankara on Monday. The minister criticised Ukraine.", ("ACCUSE", "RUS", "UKR", "asserted")),
        (
            "Sergei Lavrov met Mevlut Cavusoglu in Ankara on Monday. The minister criticised Ukraine.",
            ("ACCUSE", "RUS", "UKR", "asserted"),
        ),
    ],
)
def test_a_definite_office_is_the_last_person_named_who_holds_it(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "The president" after the knowledge base's president of France is Macron, not the host
    country the article names (Berlin); "the minister" is the foreign minister named before, not
    a former one (Cavusoglu left office in 2023)."""
    events = _events(analyze_text, text)
    assert expected in events, events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway held elections on Sunday. The president condemned Sweden on Monday.", ("ACCUSE", "NOR", "SWE", "asserted")),
        (
            "Norway held elections on Sunday. The prime minister met Sweden's foreign minister on Monday.",
            ("CONSULT", "NOR", "SWE", "asserted"),
        ),
    ],
)
def test_a_definite_office_with_no_holder_named_is_the_last_state_s(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    """ "The president" with no owner, no holder named and no country the article is mostly
    about: the office of the one state named just before."""
    events = _events(analyze_text, text)
    assert expected in events, events


def test_a_definite_office_after_two_states_stays_unresolved(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Finland and Norway signed the deal. The president also condemned Sweden.")
    assert not any(source in ("FIN", "NOR") for _, source, _, _ in events), events


def test_these_two_countries_reach_back_over_a_paragraph_break(analyze_text: Analyze) -> None:
    text = "Norway and Sweden held talks in Bergen.\n\nAnalysts were surprised.\n\nThese two countries agreed to restore ties."
    agreed = {(s, t) for kind, s, t, _ in _events(analyze_text, text) if kind == "AGREE"}
    assert agreed >= {("NOR", "SWE"), ("SWE", "NOR")}, agreed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas fired rockets at Israel on Monday. The group later accused Israel of killing civilians.", ("ACCUSE", "PSEREBHMS", "ISR")),
        ("The Taliban seized Kunduz on Monday. The group later threatened Pakistan.", ("THREATEN", "AFGREBTLB", "PAK")),
        ("NATO held a summit in Vilnius. The alliance condemned Russia.", ("ACCUSE", "IGONAT", "RUS")),
        ("The European Union met on Monday. The bloc condemned Russia.", ("ACCUSE", "IGOEUREEC", "RUS")),
        ("Amnesty International published a report. The rights group accused Egypt of torture.", ("ACCUSE", "NGOAMN", "EGY")),
    ],
)
def test_a_definite_kind_of_organisation_is_the_last_one_named(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    """ "The group", "the alliance", "the rights group": the latest organisation named just before
    whose kind and sector fit the description."""

    def code(actor: object) -> str | None:
        return None if actor is None else actor.code  # type: ignore[attr-defined]

    events = [(e.plover.type, code(e.source), code(e.target)) for e in analyze_text(text).events]
    assert expected in events, events


def test_an_alliance_is_never_an_armed_group(analyze_text: Analyze) -> None:
    """ "The alliance" is one of states: Hamas named before it is not it."""
    events = _events(analyze_text, "Hamas fired rockets at Israel on Monday. The alliance later condemned Iran.")
    assert not any(kind == "ACCUSE" and source == "PSE" for kind, source, _, _ in events), events




def test_the_charge_after_accused_the_group_of_is_no_member_of_it(analyze_text: Analyze) -> None:
    """ "accused the group of spying": the -ing form is the charge, the group the accused (not
    "a group of refugees", whose members the quantifier counts)."""
    events = _events(analyze_text, "Hamas fired rockets on Monday. Israel accused the group of spying.")
    assert ("ACCUSE", "ISR", "PSE", "asserted") in events, events


@pytest.mark.parametrize(
    "text",
    [
        "Many Republican voters backed Sanders in Ohio. The movement later condemned Russia.",
        "Hamas fired rockets at Israel on Monday. The anti-war movement later condemned Iran.",
    ],
)
def test_a_description_with_words_of_its_own_or_after_a_mere_modifier_is_not_the_organisation(
    analyze_text: Analyze, text: str
) -> None:
    """A name that only describes other people ("Republican voters") is not an organisation named;
    "the anti-war movement" says which movement it is."""
    events = _events(analyze_text, text)
    assert not any(kind == "ACCUSE" and source in ("USA", "PSE") for kind, source, _, _ in events), events


def test_the_former_holder_named_again_is_one_of_the_elites(analyze_text: Analyze) -> None:
    """ "the former president" after Bill Clinton: him, out of office (PLOVER's ELI), not the
    government of the day."""
    events = analyze_text("Bill Clinton spoke in Ohio. Two senators accused the former president of lying.", date=None).events
    assert [e.target.code for e in events if e.plover.type == "ACCUSE" and e.target is not None] == ["USAELI"], events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway held elections on Sunday. Its foreign ministry condemned Sweden on Monday.", ("ACCUSE", "NOR", "SWE", "asserted")),
        (
            "Norway's foreign ministry summoned the Swedish envoy. The ministry's spokesman accused Sweden of spying.",
            ("ACCUSE", "NOR", "SWE", "asserted"),
        ),
    ],
)
def test_a_role_owned_by_its_or_by_a_body_named_again_is_that_owner_s(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]
) -> None:
    events = _events(analyze_text, text)
    assert expected in events, events


def test_its_after_two_states_is_unresolved(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Finland and Norway signed the deal. Its foreign ministry condemned Sweden.")
    assert not any(source in ("FIN", "NOR") for _, source, _, _ in events), events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russian side accused Ukraine of shelling the plant.", ("ACCUSE", "RUS", "UKR", "asserted")),
        ("Norway and Sweden held talks in Bergen. The Swedish side rejected Norway's demands.", ("REJECT", "SWE", "NOR", "asserted")),
    ],
)
def test_a_nation_s_side_is_its_government(analyze_text: Analyze, text: str, expected: tuple[str, str, str, str]) -> None:
    events = _events(analyze_text, text)
    assert expected in events, events


def test_a_nation_s_side_of_a_border_is_a_place(analyze_text: Analyze) -> None:
    events = _events(analyze_text, "Norwegian troops shelled the Swedish side of the border on Monday.")
    assert not any(source == "SWE" for _, source, _, _ in events), events


def test_its_after_an_organisation_is_no_state_s(analyze_text: Analyze) -> None:
    """ "NATO met in Vilnius. Its secretary general …": NATO's, not Lithuania's."""
    events = analyze_text("NATO leaders met in Vilnius on Monday. Its secretary general condemned Russia.").events
    assert [e.source.code[:6] for e in events if e.plover.type == "ACCUSE" and e.source] == ["IGONAT"], events


def test_the_two_sides_are_a_pair_named_together_not_two_names_apart(analyze_text: Analyze) -> None:
    """The last two states named in different sentences ("about Finland" … "in Denmark") are no
    pair the story set up: "the two sides" stays unresolved."""
    text = "Norway never told us about Finland.\n\nIt gave those who trusted Denmark a reason to leave.\n\nThe two sides have talked since."
    assert _events(analyze_text, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protest organisers in Nairobi accused the police of brutality.", ("ACCUSE", "KENCVL", "KENCOP")),
        (
            "Hundreds rallied in Oslo on Sunday. Rally organizers thanked Sweden for its help.",
            ("SUPPORT", "NORCVL", "SWE"),
        ),
    ],
)
def test_rally_organisers_in_a_compound_are_protesters(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    """ "Rally organizers" says what "organizers of a rally" does: protesters of where they are."""

    def code(actor: object) -> str | None:
        return None if actor is None else actor.code  # type: ignore[attr-defined]

    events = [(e.plover.type, code(e.source), code(e.target)) for e in analyze_text(text).events]
    assert expected in events, events


def test_organisers_of_a_compound_that_is_no_protest_are_no_one(analyze_text: Analyze) -> None:
    assert analyze_text("Festival organizers praised Norway.").events == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "his"/"her" is the person the clause is about: their own official is of their country
        ("Erna Solberg criticised her foreign minister on Monday.", ("ACCUSE", "NOR", "NOR")),
        ("The Finnish president met Erna Solberg on Monday. Her spokesman later praised the Finnish president.",
         ("SUPPORT", "NOR", "FIN")),
    ],
)
def test_his_or_her_official_is_of_that_persons_country(
    analyze_text: Analyze, text: str, expected: tuple[str, str, str]
) -> None:
    assert (*expected, "asserted") in _events(analyze_text, text)
