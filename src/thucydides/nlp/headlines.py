"""Headlines parsed as sentences: a title-case or all-caps line ("Gondor Expels Arnor's Envoys",
"GONDOR EXPELS ENVOYS") defeats a parser trained on running text, which reads every capitalised
word as a name. The parser is given a view of the text in which such a line is in sentence case:
the lexicon's verbs and nouns and the function words lower-cased, the names left as they are (and,
in an all-caps line, capitalised). Only letters change case, so every offset stays the same; the
text a user sees and every span still come from the original.

Headline English also drops the auxiliary and tells a past event in the present tense ("Gondor
Attacks Arnor"), and its verbs are the very words that are nouns too ("attacks", "bombs", "aids"):
a parser trained on running text reads "Gondor attacks Arnor" as a noun phrase. The component
:class:`HeadlineParser` reads such a line again the way running text would tell it, with the
verb in the past tense ("Gondor attacked Arnor"), and keeps that parse: only the analysis changes,
never a character of the text.

(No ``from __future__ import annotations`` here: spaCy validates a factory's arguments against
its annotations, which must be real types.)
"""

import csv
import re
from functools import lru_cache
from importlib import resources

from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span

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


HEADLINES = "thucydides.headlines"
"""``doc.user_data`` key: the (start, end) characters of the text's headline lines."""


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Where the headline lines of ``text`` are (start and end characters)."""
    return [line.span() for line in _LINE.finditer(text) if _is_headline(line.group())]


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



@lru_cache(maxsize=2)
def present_verbs(plural: bool = False) -> dict[str, str]:
    """The present tense of every one-word verb of the event lexicon, third person singular (or,
    with ``plural``, the plain form: "Gondor And Rohan Attack …"), with its past tense ("attacks":
    "attacked")."""
    found: dict[str, str] = {}
    for entry in load_lexicon().entries:
        for verb in entry.verbs:
            if " " not in verb.lemma:
                forms = verb_forms(verb.lemma)
                found.setdefault(forms.base if plural else forms.third, forms.past)
    return found


_REPARSED_BY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
"""The spaCy components whose analysis of a headline is taken from its re-reading."""


class HeadlineParser:
    """Re-parses headline lines told in the present tense as running text would tell them."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        lines = doc.user_data.get(HEADLINES)
        if lines is None:
            lines = headline_lines(doc.text)
        if not lines:
            return doc
        heads = None
        for start, end in lines:
            line = doc.char_span(start, end, alignment_mode="contract")
            if line is None or len(line) < 3 or line.start == line.end:
                continue
            sentence = line.doc[line.start : line.end]
            if not _a_line_of_its_own(sentence):
                continue
            verb = _headline_verb(sentence)
            if verb is None:
                continue
            reading = self._reread(sentence, verb)
            if reading is None:
                continue
            if heads is None:
                heads = doc.to_array([HEAD, DEP])
            for offset, token in enumerate(reading):
                original = doc[sentence.start + offset]
                original.tag_, original.pos_, original.lemma_ = token.tag_, token.pos_, token.lemma_
                original.set_morph(str(token.morph) or None)
                heads[original.i, 0] = (token.head.i - token.i) % 2**64
                heads[original.i, 1] = token.dep
        if heads is not None:
            doc.from_array([HEAD, DEP], heads)
        return doc

    def _reread(self, sentence: Span, verb: int) -> Doc | None:
        """The sentence parsed with its present-tense verb in the past tense, when the parser then
        reads that word as the verb of one clause."""
        words = [t.text for t in sentence]
        lower = words[verb].lower()
        words[verb] = present_verbs().get(lower) or present_verbs(plural=True)[lower]
        spaces = [bool(t.whitespace_) for t in sentence]
        spaces[-1] = False
        reading = Doc(self.nlp.vocab, words=words, spaces=spaces)
        for token in reading:
            token.is_sent_start = token.i == 0
        for name, component in self.nlp.pipeline:
            if name in _REPARSED_BY:
                reading = component(reading)
        new = reading[verb]
        if new.pos_ != "VERB" or sum(t.dep_ == "ROOT" for t in reading) != 1:
            return None
        if not any(c.dep_ == "nsubj" and c.i < new.i for c in new.children):
            return None
        return reading


def _a_line_of_its_own(span: Span) -> bool:
    """The line starts a sentence and no sentence runs on past its end."""
    doc = span.doc
    return span[0].is_sent_start and (span.end == len(doc) or doc[span.end].is_sent_start or doc[span.end].is_space)


def _headline_verb(sentence: Span) -> int | None:
    """The index in ``sentence`` of its verb told in the present ("Gondor Attacks Arnor"): the first
    present-tense lexicon verb after a noun (in its plain form after two names joined by "and" or
    a comma: "Gondor, Rohan Attack Mordor"), unless the parser already read the line as one clause
    with that verb and a subject before it."""
    one_tree = sum(t.dep_ == "ROOT" for t in sentence) == 1
    coordinated = False
    for token in sentence[1:]:
        coordinated = coordinated or token.lower_ in ("and", ",", "&")
        verbs = present_verbs() if token.lower_ in present_verbs() or not coordinated else present_verbs(plural=True)
        before = token.doc[token.i - 1]  # a noun, or a name the tagger took for an adjective
        if token.lower_ not in verbs or not (before.pos_ in ("PROPN", "NOUN") or before.text[:1].isupper()):
            continue
        if one_tree and token.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children):
            return None
        return token.i - sentence.start
    return None


@Language.factory("thucydides_headlines_v1", assigns=["token.dep", "token.head", "token.tag", "token.pos", "token.lemma"])
def make_headline_parser(nlp: Language, name: str) -> HeadlineParser:
    return HeadlineParser(nlp, name)
