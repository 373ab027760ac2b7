"""Who does the act in a clause with no subject of its own: a document's participle is its
issuer's act, a subordinate clause the parser read as a preposition's object has that object for
its subject, and a pronoun told by a subjectless speech participle is the main clause's subject.
Sentences we wrote (real countries, invented events)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.records import Analysis

Analyze = Callable[..., Analysis]


def _events(analyze_text: Analyze, text: str) -> set[tuple[str, str | None, str | None]]:
    def key(actor: object) -> str | None:
        return None if actor is None else (actor.country or actor.code)  # type: ignore[attr-defined]

    return {(e.plover.type, key(e.source), key(e.target)) for e in analyze_text(text).events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document's present participle tells what its issuer does (the subject of "issue",
        # "release", "send", "write" … whose object the document is)
        ("The Norwegian ministry issued a statement condemning Sweden.", ("ACCUSE", "NOR", "SWE")),
        ("The Norwegian foreign ministry released a statement on Monday accusing Sweden of spying.", ("ACCUSE", "NOR", "SWE")),
        ("Finland published a report on Tuesday accusing Estonia of spying.", ("ACCUSE", "FIN", "EST")),
        # … and the speaker's, when the document is what the speaker said or answered in
        ("The Norwegian foreign ministry said in a statement on Monday accusing Sweden of spying.", ("ACCUSE", "NOR", "SWE")),
        ("Norway responded with a statement condemning Sweden.", ("ACCUSE", "NOR", "SWE")),
        # an appeal, demand or threat made in a letter is made to whom the letter is sent
        ("Norway sent a letter to Sweden demanding the release of the prisoners.", ("REQUEST", "NOR", "SWE")),
        ("Norway sent a letter to Sweden on Monday threatening sanctions.", ("THREATEN", "NOR", "SWE")),
        ("In a letter to Sweden, Norway demanded the release of the prisoners.", ("REQUEST", "NOR", "SWE")),
        # "as", "while", "because" read as a preposition: the clause's subject became its object
        ("The ceasefire collapsed, as Sweden and monitors on the ground accused Norway of shelling.", ("ACCUSE", "SWE", "NOR")),
        ("The truce collapsed, as Sweden and aid workers on the ground accused Norway of shelling.", ("ACCUSE", "SWE", "NOR")),
        # … or hung its verb on the phrase's last noun as if a participle ("the ground fired at")
        ("The truce collapsed on Monday, as Sweden and monitors on the ground fired at Norway.", ("ASSAULT", "SWE", "NOR")),
        # the main verb after a set-off relative clause, which the parser hung on the subject
        ("The Norwegian envoy, who later met the Swedish king, accused Sweden of spying.", ("ACCUSE", "NOR", "SWE")),
        # a pronoun in what a subjectless speech participle reports is the main clause's subject
        ("Norway spoke to reporters on Monday, saying it would expel Swedish diplomats.", ("SANCTION", "NOR", "SWE")),
        ("Norway said on Monday that talks had failed, adding that it would expel Swedish diplomats.", ("SANCTION", "NOR", "SWE")),
        # a perfect participle adjunct ("having met") is the main clause's subject's act, as
        # "meeting" is
        ("Having met the Swedish king, the Norwegian prime minister returned to Oslo.", ("CONSULT", "NOR", "SWE")),
        ("After having met the Swedish king, the Norwegian prime minister returned to Oslo.", ("CONSULT", "NOR", "SWE")),
        # "the first / the only one to": what the one ranked did, the copula's subject
        ("Norway was the first to recognise Kosovo.", ("SUPPORT", "NOR", "XKX")),
        ("Norway became the first country to recognise Kosovo.", ("SUPPORT", "NOR", "XKX")),
        ("Norway is the only country to have recognised Kosovo.", ("SUPPORT", "NOR", "XKX")),
        ("Norway, the first to recognise Kosovo, met Sweden.", ("SUPPORT", "NOR", "XKX")),
    ],
)
def test_the_understood_subject_acts(analyze_text: Analyze, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _events(analyze_text, text)


@pytest.mark.parametrize(
    "text",
    [
        # a document someone else received or rejected is not their act, and names no issuer
        "Norway received a letter demanding the release of the prisoners.",
        "Norway rejected a report accusing Sweden of spying.",
        "Norway appeared in a report accusing Sweden of spying.",
        # the object of a real preposition before a verb that has its own subject is no subject
        "After talks with Finland, Norway accused Sweden of spying.",
        # a participle followed by its clause's own verb is a participle: the missiles were fired
        "The truce collapsed, as the missiles fired at Finland hit the town.",
        # an infinitive with no object of its own on "the first": what is done to the noun
        "Sweden is the first country to visit in spring, Norway said.",
    ],
)
def test_no_one_else_is_made_the_actor(analyze_text: Analyze, text: str) -> None:
    found = _events(analyze_text, text)
    assert not any(source == "NOR" and kind in ("REQUEST", "ACCUSE") and target != "SWE" for kind, source, target in found)
    assert not any(kind in ("REQUEST", "ACCUSE", "CONSULT", "ASSAULT") and source in ("SWE", "FIN") for kind, source, target in found)
    assert not any(kind == "ASSAULT" and source is not None for kind, source, target in found)


def test_the_first_to_act_is_told_as_its_copula_is(analyze_text: Analyze) -> None:
    told = {(e.plover.type, e.modality) for e in analyze_text("Norway will be the first country to recognise Kosovo.").events}
    assert told == {("SUPPORT", "future")}
