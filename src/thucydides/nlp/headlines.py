"""Headlines parsed as sentences: a title-case or all-caps line ("Gondor Expels Arnor's Envoys",
"GONDOR EXPELS ENVOYS") defeats a parser trained on running text, which reads every capitalised
word as a name. The parser is given a view of the text in which such a line is in sentence case:
the lexicon's verbs and nouns and the function words lower-cased, the names left as they are (and,
in an all-caps line, capitalised). Only letters change case, so every offset stays the same; the
text a user sees and every span still come from the original.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from thucydides.codes.lexicon import load_lexicon
from thucydides.codes.verb_forms import verb_forms

_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
_LINE = re.compile(r"[^\n]+")
_MAX_WORDS = 25

FUNCTION_WORDS = frozenset(
    """a an the of to in on at for with by from into onto over under after before amid amidst
    against among between about as and or but nor so than then that this these those its his her
    their our your my new old says said say will would could can may might must should not no
    more most less up down out off again still also just now back first last next despite during
    until via per""".split()
)


def parse_view(text: str) -> str:
    """The text with its headline lines in sentence case, offsets unchanged."""
    parts: list[str] = []
    last = 0
    for line in _LINE.finditer(text):
        if _is_headline(line.group()):
            parts.append(text[last : line.start()])
            parts.append(_sentence_case(line.group()))
            last = line.end()
    if not parts:
        return text
    parts.append(text[last:])
    view = "".join(parts)
    return view if len(view) == len(text) else text


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?:;,\"”’'" or len(stripped.split()) > _MAX_WORDS:
        return False
    words = [w for w in _WORD.findall(stripped) if w.lower() not in FUNCTION_WORDS or w.isupper()]
    if len(words) < 2:
        return False
    if all(w.isupper() for w in words if len(w) > 1):
        return True
    capitalised = sum(w[0].isupper() for w in words)
    title_case_function_word = any(
        w[0].isupper() and w.lower() in FUNCTION_WORDS for w in _WORD.findall(stripped)[1:]
    )
    return capitalised >= 2 and capitalised >= 0.8 * len(words) and (
        title_case_function_word or any(w.lower() in event_words() for w in words)
    )


def _sentence_case(line: str) -> str:
    shouting = all(w.isupper() for w in _WORD.findall(line) if len(w) > 1)
    names = place_names() if shouting else {}
    first = len(line) - len(line.lstrip())

    def recase(match: re.Match[str]) -> str:
        word = match.group()
        lower = word.lower()
        if match.start() == first and _before_a_surname(line, match):
            return word  # "Hope Hicks Rebukes …": a first name that is also a word
        if lower in FUNCTION_WORDS or lower in event_words():
            new = lower
        elif shouting:
            new = names.get(lower, word.capitalize())
        else:
            new = word
        return new if len(new) == len(word) else word

    return _WORD.sub(recase, line)


def _before_a_surname(line: str, match: re.Match[str]) -> bool:
    following = _WORD.search(line, match.end())
    return (
        following is not None and not line[match.end() : following.start()].strip()
        and following.group()[0].isupper() and not following.group().isupper()
        and following.group().lower() not in FUNCTION_WORDS and following.group().lower() not in event_words()
    )


@lru_cache(maxsize=1)
def event_words() -> frozenset[str]:
    """Every form of every verb in the event lexicon, and its event nouns with their plurals."""
    lexicon = load_lexicon()
    words: set[str] = set()
    for entry in lexicon.entries:
        for verb in entry.verbs:
            if " " in verb.lemma:
                continue
            forms = verb_forms(verb.lemma)
            words |= {forms.base, forms.past, forms.participle, forms.third, *verb.particles}
            if verb.prep:
                words.add(verb.prep)
        for governor in entry.governors:
            forms = verb_forms(governor)
            words |= {forms.base, forms.past, forms.participle, forms.third}
        for noun in entry.nouns:
            words |= {noun.head, noun.head + "s", *noun.modifiers}
    return frozenset(w for w in words if w.isalpha())


@lru_cache(maxsize=1)
def place_names() -> dict[str, str]:
    """Country names, adjectives and capitals by their lower-case words, in their own case."""
    source = resources.files("thucydides.resolve").joinpath("data/countries.tsv")
    names: dict[str, str] = {}
    with source.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            for field in ("name", "aliases", "adjectives", "capitals"):
                for name in (row.get(field) or "").split("|"):
                    for word in name.split():
                        if word[:1].isupper():
                            names.setdefault(word.lower(), word)
    return names

