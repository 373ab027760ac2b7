"""English verb forms for generated test sentences: past, past participle, third person singular.

Regular spelling rules plus the irregular verbs of the event lexicon (facts of English, typed in).
"""

from __future__ import annotations

from dataclasses import dataclass

_IRREGULAR = {
    # lemma: (past, past participle)
    "break": ("broke", "broken"),
    "fight": ("fought", "fought"),
    "fly": ("flew", "flown"),
    "forgive": ("forgave", "forgiven"),
    "let": ("let", "let"),
    "lend": ("lent", "lent"),
    "meet": ("met", "met"),
    "quit": ("quit", "quit"),
    "shoot": ("shot", "shot"),
    "slay": ("slew", "slain"),
    "speak": ("spoke", "spoken"),
    "stand": ("stood", "stood"),
    "strike": ("struck", "struck"),
    "sit": ("sat", "sat"),
    "withdraw": ("withdrew", "withdrawn"),
    "seek": ("sought", "sought"),
    "hold": ("held", "held"),
    "lead": ("led", "led"),
    "send": ("sent", "sent"),
    "give": ("gave", "given"),
    "take": ("took", "taken"),
    "make": ("made", "made"),
    "tell": ("told", "told"),
    "sell": ("sold", "sold"),
    "buy": ("bought", "bought"),
    "bring": ("brought", "brought"),
    "beat": ("beat", "beaten"),
    "bind": ("bound", "bound"),
    "cut": ("cut", "cut"),
    "hit": ("hit", "hit"),
    "put": ("put", "put"),
    "set": ("set", "set"),
    "shut": ("shut", "shut"),
    "spread": ("spread", "spread"),
    "stick": ("stuck", "stuck"),
    "swear": ("swore", "sworn"),
    "throw": ("threw", "thrown"),
    "win": ("won", "won"),
    "overrun": ("overran", "overrun"),
    "undertake": ("undertook", "undertaken"),
    "rebuild": ("rebuilt", "rebuilt"),
    "arise": ("arose", "arisen"),
    "feel": ("felt", "felt"),
    "keep": ("kept", "kept"),
    "leave": ("left", "left"),
    "lose": ("lost", "lost"),
    "pay": ("paid", "paid"),
    "say": ("said", "said"),
    "see": ("saw", "seen"),
    "tear": ("tore", "torn"),
}

_DOUBLING = frozenset(
    """expel rebel commit compel repel patrol control refer confer prefer deter abet admit acquit
    propel extol annul regret transfer equip kidnap worship occur outgun unban quit overrun""".split()
)
"""Verbs of more than one syllable, stressed on the last, that double their final consonant."""

_VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class VerbForms:
    base: str
    past: str
    participle: str
    third: str
    """Third person singular present ("expels")."""
    ing: str = ""
    """Present participle ("expelling")."""


def verb_forms(lemma: str) -> VerbForms:
    """The forms of a verb given by its lemma (one word)."""
    past, participle = _IRREGULAR.get(lemma) or (_regular_past(lemma),) * 2
    return VerbForms(lemma, past, participle, _third(lemma), _ing(lemma))


def _doubles(lemma: str) -> bool:
    if lemma in _DOUBLING:
        return True
    vowels = sum(1 for i, c in enumerate(lemma) if c in _VOWELS and (i == 0 or lemma[i - 1] not in _VOWELS))
    return (
        vowels == 1 and len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"}
        and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS
    )


def _regular_past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ied"
    if _doubles(lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _third(lemma: str) -> str:
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def _ing(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"  # "tying"
    if lemma.endswith(("ee", "ye", "oe")):
        return lemma + "ing"  # "agreeing"
    if lemma.endswith("e"):
        return lemma[:-1] + "ing"  # "seizing"
    if _doubles(lemma):
        return lemma + lemma[-1] + "ing"  # "expelling"
    return lemma + "ing"
