"""Consultations, visits, invitations and appeals to consult in their English forms (CAMEO 020, 036, 040-046; PLOVER
CONSULT, and AGREE for invitations), on sentences we wrote (real countries, invented events)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.records import Analysis

Analyze = Callable[..., Analysis]


def _events(analysis: Analysis) -> list[tuple[str, str | None, str | None, str]]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return [(e.plover.type, key(e.source), key(e.target), e.modality) for e in analysis.events]


def _between(events: list[tuple[str, str | None, str | None, str]], kind: str, a: str, b: str) -> list[str]:
    """The modalities of the events of a kind between two countries, either way round."""
    return [m for t, s, o, m in events if t == kind and {s, o} == {a, b}]


@pytest.mark.parametrize(
    "text",
    [
        "Norway issued a statement on Monday, speaking with Sweden about fishing rights.",
        "“We agreed on the next steps,” Norway wrote on Monday, meeting with Sweden in Oslo.",
    ],
)
def test_a_participle_after_the_main_clause_is_done_by_its_subject(analyze_text: Analyze, text: str) -> None:
    # "…, X wrote, speaking with Y": the participle's understood subject is the main clause's;
    # "with Y" after the participle is its own argument, not a word that introduces it
    assert _between(_events(analyze_text(text)), "CONSULT", "NOR", "SWE") == ["asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "Norway invited Sweden to visit Oslo.",
        "Sweden was invited by Norway to attend the summit in Oslo.",
        "Norway extended an invitation to Sweden for talks on fishing rights.",
    ],
)
def test_an_invitation_is_an_offer_to_meet_by_the_inviter(analyze_text: Analyze, text: str) -> None:
    # CAMEO 036 (express intent to meet); PLOVER codes invitations for visits as AGREE
    events = _events(analyze_text(text))
    assert ("AGREE", "NOR", "SWE", "asserted") in events
    assert not any(t == "CONSULT" and m == "asserted" for t, _, _, m in events)  # not yet a visit


def test_inviting_bids_or_criticism_is_no_event(analyze_text: Analyze) -> None:
    assert _events(analyze_text("The decision invited criticism from Sweden.")) == []


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        ("There was a phone call between Norway and Sweden on Tuesday.", "CONSULT", "asserted"),
        ("The video conference between Norway and Sweden lasted two hours.", "CONSULT", "asserted"),
        ("Talks between Norway and Sweden ended without an agreement on Friday.", "CONSULT", "asserted"),
        ("Finland had success in brokering talks between Norway and Sweden.", "CONSULT", "asserted"),
        ("Talks between Norway and Sweden are scheduled for next week.", "AGREE", "asserted"),
    ],
)
def test_a_consultation_between_two_parties_is_theirs(analyze_text: Analyze, text: str, kind: str, modality: str) -> None:
    # "a call between X and Y" names both parties, as "X's call" names one
    assert _between(_events(analyze_text(text)), kind, "NOR", "SWE") == [modality]


def test_a_phone_call_between_two_parties_is_a_consultation_by_phone(analyze_text: Analyze) -> None:
    (event,) = analyze_text("There was a phone call between Norway and Sweden on Tuesday.").events
    assert (event.cameo, event.plover.mode) == ("041", "phone")


@pytest.mark.parametrize(
    "text",
    [
        "Finland called for talks between Norway and Sweden.",
        "Finland urged a meeting between Norway and Sweden.",
        "Finland wants a phone call between Norway and Sweden.",
    ],
)
def test_talks_asked_for_between_two_parties_are_not_held(analyze_text: Analyze, text: str) -> None:
    assert _between(_events(analyze_text(text)), "CONSULT", "NOR", "SWE") == []


def test_the_same_day_across_paragraphs_and_quotes_is_the_day_of_the_story(analyze_text: Analyze) -> None:
    text = (
        "On Thursday, Norway's foreign minister met his Danish counterpart in Oslo.\n\n"
        "“We talked about fishing,” he said.\n\n“The talks were useful.”\n\n"
        "“We will meet again.”\n\n"
        "Sweden's foreign minister spoke with Finland's foreign minister the same day."
    )
    analysis = analyze_text(text, date="2024-05-06")  # a Monday: Thursday is 2 May
    (event,) = [e for e in analysis.events if e.source is not None and e.source.country in ("SWE", "FIN")][:1]
    assert event.date == "2024-05-02"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Norway and Sweden settled the dispute. Officials from both countries met in Oslo on Friday.", "CONSULT"),
        ("Norway and Sweden settled the dispute. Talks with officials from both countries are scheduled for May.", "AGREE"),
    ],
)
def test_officials_from_both_countries_are_the_pair(analyze_text: Analyze, text: str, kind: str) -> None:
    # as "the two countries" are the last two named, so are the people "from both countries"
    assert _between(_events(analyze_text(text)), kind, "NOR", "SWE")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Norway and Sweden spoke by phone on Wednesday.", "CONSULT"),
        ("Norway and Sweden talked about fishing rights on Wednesday.", "CONSULT"),
        ("Norway and Sweden cooperated on border security last year.", "COOPERATE"),
    ],
)
def test_partners_named_together_act_with_each_other(analyze_text: Analyze, text: str, kind: str) -> None:
    # the simple reciprocal alternation: "X spoke with Y" = "X and Y spoke"
    assert sorted(_between(_events(analyze_text(text)), kind, "NOR", "SWE")) == ["asserted", "asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "Norway and Sweden spoke at the summit in Geneva.",
        "Norway and Sweden spoke to reporters on Wednesday.",
        "Norway and Sweden traded accusations on Wednesday.",
    ],
)
def test_partners_that_each_speak_to_others_do_not_consult_each_other(analyze_text: Analyze, text: str) -> None:
    assert _between(_events(analyze_text(text)), "CONSULT", "NOR", "SWE") == []
    assert _between(_events(analyze_text(text)), "COOPERATE", "NOR", "SWE") == []


@pytest.mark.parametrize(
    "text",
    [
        "Norway spoke with Sweden by phone on Wednesday.",
        "Norway met with Sweden by video link on Tuesday.",
        "Norway and Sweden talked on the phone on Tuesday.",
    ],
)
def test_a_consultation_by_phone_or_video_is_in_the_phone_mode(analyze_text: Analyze, text: str) -> None:
    events = [e for e in analyze_text(text).events if e.plover.type == "CONSULT"]
    assert events and all((e.cameo, e.plover.mode) == ("041", "phone") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Finland brokered a ceasefire between Norway and Sweden on Sunday.",
        "Talks between Norway and Sweden were brokered by Finland.",
    ],
)
def test_who_brokers_talks_between_two_parties_mediates_between_them(analyze_text: Analyze, text: str) -> None:
    events = [(e.cameo, k[1], k[2]) for e, k in zip(analyze_text(text).events, _events(analyze_text(text)), strict=True)]
    assert ("045", "FIN", "NOR") in events and ("045", "FIN", "SWE") in events


def test_an_apposition_closed_by_the_sentence_end_names_its_party(analyze_text: Analyze) -> None:
    text = "There were talks between Norway and its old rival, Sweden."
    assert _between(_events(analyze_text(text)), "CONSULT", "NOR", "SWE") == ["asserted"]


@pytest.mark.parametrize(
    ("text", "appeal"),
    [
        ("Norway encouraged Sweden to reach out to Finland.", True),
        ("Sweden was encouraged by Norway to join the alliance.", True),
        ("Norway encouraged investment in the north.", False),
        ("Sweden was encouraged by the talks.", False),
    ],
)
def test_encouraging_someone_to_act_is_an_appeal(analyze_text: Analyze, text: str, appeal: bool) -> None:
    # CAMEO 020: urging or encouraging another to act (here to consult); encouraging a thing, or
    # being encouraged by it, is no appeal
    assert (("REQUEST", "NOR", "SWE", "asserted") in _events(analyze_text(text))) is appeal
    assert appeal or not any(kind == "REQUEST" for kind, _, _, _ in _events(analyze_text(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Finland called for a ceasefire and peace talks between Norway and Sweden.",
        "Finland urged talks between Norway and Sweden.",
        "Finland demanded a truce between Norway and Sweden.",
    ],
)
def test_an_appeal_for_talks_between_two_parties_is_made_to_both(analyze_text: Analyze, text: str) -> None:
    # CAMEO 026 / 106: those asked to meet or to stop are the appeal's targets
    events = _events(analyze_text(text))
    assert ("REQUEST", "FIN", "NOR", "asserted") in events and ("REQUEST", "FIN", "SWE", "asserted") in events
    assert _between(events, "CONSULT", "NOR", "SWE") == []
