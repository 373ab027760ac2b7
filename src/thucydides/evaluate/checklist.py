"""A behaviour suite in the CheckList style (Ribeiro et al., ACL 2020): sentences generated from
templates x every verb pattern of the event lexicon x pairs of countries drawn from the knowledge
base, in many frames (active, passive, nominal, reported, negated, future, conditional, question,
coordinated, relative clause, apposition, headline, predicative adjective; a passive whose "by" comes after other
complements, participles with and without an agent, nominals with "by" or a nationality
adjective, and victims told with no author; and clauses with no subject of their own: a
participle adjunct, a perfect participle, a statement's participle, a subordinate clause the
parser may misread, and "the first to").

Each frame states what a coder must do with its sentence: the verb's PLOVER type between the two
countries with the frame's modality (minimum functionality and directional tests: "not" makes it
negated, "will" future); an agentless passive must not make the victim the actor; swapping the
countries must swap the codes and change nothing else (invariance). Every sentence is generated
here, from data files of ours, so its failures may be read and fixed freely.
"""

from __future__ import annotations

import csv
import random
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from thucydides.codes.cameo import LASTING_CODES
from thucydides.codes.lexicon import Lexicon, VerbPattern, load_lexicon, read_adjectives, read_nominalizations
from thucydides.config import Settings
from thucydides.extract.pairs import DENIALS
from thucydides.codes.verb_forms import verb_forms
from thucydides.pipeline import analyze
from thucydides.records import Article, Event

Coded = tuple[str, str | None, str | None, str]
"""(PLOVER type, source country, target country, modality) of one coded event."""


@dataclass(frozen=True)
class Country:
    name: str
    code: str
    adjective: str = ""
    """Its first nationality adjective ("Norwegian"), for frames that name its people."""


@dataclass(frozen=True)
class Frame:
    name: str
    template: str
    """Fields: {S} {T} the countries, {R} a third one, {past} {participle} {base} {third} the verb
    phrase in that form with its particles (and {prep}, the pattern's preposition, before {T});
    {noun} and {adjective} the verb's noun or adjective with its preposition."""
    modalities: frozenset[str]
    """What the S -> T event must be told as; empty for a frame with its own test."""
    needs_object: bool = False
    """Only for patterns whose target is the direct object (passives)."""
    victim: bool = False
    """Only for patterns of roots whose victim is told without an author (CAMEO roots marked
    ``unattributed``: coerce, assault, fight, mass violence), and judged so: the event is coded
    with the victim as target, never as author."""
    verbal: bool = False
    """Only for patterns of acts a statement can do (accuse, request, threaten, reject, support):
    "issued a statement condemning X", not "a statement attacking X"."""
    both: bool = False
    """Two actors ({S} and {R}) do it together: each must be coded against {T}."""
    deed: bool = False
    """Only for patterns whose object may be a deed or decision ("criticised the move", "rejected
    the plan", "welcomed the decision"): the deed's author is the target."""


FRAMES = (
    Frame("active", "{S} {past} {T} on Monday.", frozenset({"asserted"})),
    Frame("passive", "{T} was {participle} by {S} on Monday.", frozenset({"asserted"}), needs_object=True),
    Frame("agentless passive", "{T} was {participle} on Monday.", frozenset(), needs_object=True),
    Frame("nominal", "{S}'s {noun} {T} was reported on Monday.", frozenset({"asserted"})),
    Frame("reported", "{R} said that {S} had {participle} {T}.", frozenset({"reported"})),
    Frame("negated", "{S} did not {base} {T} on Monday.", frozenset({"negated"})),
    Frame("future", "{S} will {base} {T} next week.", frozenset({"future"})),
    Frame("planned", "{S} plans to {base} {T} next week.", frozenset({"future", "intent"})),
    Frame("conditional", "{S} would {base} {T} if the talks failed.", frozenset({"hypothetical"})),
    Frame("question", "Will {S} {base} {T}?", frozenset()),
    Frame("coordinated", "{S} and {R} {past} {T} on Monday.", frozenset({"asserted"}), both=True),
    Frame("relative clause", "{S}, which {past} {T} on Monday, declined to comment.", frozenset({"asserted"})),
    Frame("apposition", "{S}, a neighbour of {R}, {past} {T} on Monday.", frozenset({"asserted"})),
    Frame("headline", "{S} {Third} {T}", frozenset({"asserted"})),
    Frame("passive, late agent", "{T} was {participle} for meddling in the election by {S}.",
          frozenset({"asserted"}), needs_object=True),
    Frame("participle with agent", "The {Tadj} officials {participle} by {S} left the capital on Monday.",
          frozenset({"asserted"}), needs_object=True),
    Frame("nominal, by", "The {noun} {T} by {S} was reported on Monday.", frozenset({"asserted"})),
    Frame("nominal, adjective", "The {Sadj} {noun} {T} was reported on Monday.", frozenset({"asserted"})),
    Frame("agentless victim", "Two {Tadj} soldiers were {participle} near the border on Monday.", frozenset(),
          needs_object=True, victim=True),
    Frame("participle, no agent", "The {participle} {Tadj} officials left the capital on Monday.", frozenset(),
          needs_object=True, victim=True),
    Frame("nominal, own pronoun", "{S} continued its {noun} {T} on Monday.", frozenset({"asserted"})),
    Frame("predicative adjective", "{S} was {adjective} {T} on Monday.", frozenset({"asserted"})),
    # clauses with no subject of their own: who acts is understood from the clause they hang on
    Frame("participle adjunct", "{S} ended the talks on Monday, {ing} {T}.", frozenset({"asserted"})),
    Frame("perfect participle", "Having {participle} {T} on Monday, {S} left the talks.", frozenset({"asserted"})),
    Frame("statement participle", "The {Sadj} government issued a statement on Monday {ing} {T}.",
          frozenset({"asserted"}), verbal=True),
    Frame("subordinate clause", "The truce collapsed on Monday, as {S} and monitors on the ground {past} {T}.",
          frozenset({"asserted"})),
    Frame("the first to", "{S} was the first to {base} {T}.", frozenset({"asserted"})),
    # the same events inside the constructions real news wraps around them
    Frame("dashed apposition", "The two neighbours - {S} and {R} - {past} {T} on Monday.", frozenset({"asserted"}), both=True),
    Frame("comma apposition", "Two countries, {S} and {R}, {past} {T} on Monday.", frozenset({"asserted"}), both=True),
    Frame("including", "Its rivals, including {S}, {past} {T} on Monday.", frozenset({"asserted"})),
    Frame("with absolute", "{R} left the talks on Monday, with the {Sadj} foreign minister {ing} {T}.", frozenset({"asserted"})),
    Frame("with, second event", "{R} rejected the plan on Monday, with {S} also {ing} {T}.", frozenset({"asserted"})),
    Frame("fronted adverbials", "On Monday, after weeks of tension, {S} {past} {T}.", frozenset({"asserted"})),
    Frame("fronted phrase", "After talks in Geneva, {S} {past} {T} on Monday.", frozenset({"asserted"})),
    Frame("fronted phrase, two subjects", "After talks in Geneva, {S} and {R} {past} {T} on Monday.", frozenset({"asserted"}),
          both=True),
    Frame("fronted despite", "Despite the pressure, {S} {past} {T} on Monday.", frozenset({"asserted"})),
    Frame("subject with relative", "The {Sadj} foreign ministry, which has long opposed the project, {past} {T} on Monday.",
          frozenset({"asserted"})),
    Frame("subject of two officials", "{S}'s president and his foreign minister {past} {T} on Monday.", frozenset({"asserted"})),
    Frame("second verb phrase", "{S} waited for a week and then {past} {T}.", frozenset({"asserted"})),
    Frame("first verb phrase", "{S} {past} {T} on Monday and recalled its ambassador.", frozenset({"asserted"})),
    Frame("contrast clause", "{R} stayed silent, but {S} {past} {T} on Monday.", frozenset({"asserted"})),
    Frame("shared object", "{S} {past} and {R} praised {T} on Monday.", frozenset({"asserted"}), needs_object=True),
    Frame("reporting insert", "{S}, the ministry said, {past} {T} on Monday.", frozenset({"asserted", "reported"})),
    Frame("according to", "{S}, according to state media, {past} {T} on Monday.", frozenset({"asserted", "reported"})),
    Frame("along with", "{S}, along with {R}, {past} {T} on Monday.", frozenset({"asserted"}), both=True),
    Frame("both and", "Both {S} and {R} {past} {T} on Monday.", frozenset({"asserted"}), both=True),
    Frame("as well as", "{S} as well as {R} {past} {T} on Monday.", frozenset({"asserted"}), both=True),
    Frame("neither nor", "Neither {S} nor {R} {past} {T} on Monday.", frozenset({"negated"}), both=True),
    Frame("deed announced by", "{S} {past} the move announced on Monday by {T}.", frozenset({"asserted"}), deed=True),
    Frame("object pronoun", "{R} praised the {Tadj} plan, but {S} {past} it on Monday.", frozenset({"asserted"}), deed=True),
    Frame("possessor's decision", "{S} {past} {T}'s decision to close the border.", frozenset({"asserted"}), deed=True),
)
VERBAL_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT"})
DEED_TYPES = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
"""Types whose verbs take a deed or a decision as their object ("condemned the move")."""


@dataclass(frozen=True)
class Case:
    frame: Frame
    pattern: VerbPattern
    types: frozenset[str]
    """The PLOVER types of the lexicon entries with this pattern: any of them passes."""
    source: Country
    target: Country
    other: Country
    text: str
    victim: bool = False
    """Whether the pattern's entries are of a root whose victim is told without an author."""


@dataclass(frozen=True)
class Outcome:
    case: Case
    passed: bool
    coded: tuple[Coded, ...]


@dataclass(frozen=True)
class Suite:
    outcomes: tuple[Outcome, ...]
    invariance: tuple[Outcome, ...]
    """Active sentences in both orders: passed when the codes of one are the other's, swapped."""

    def rates(self, key: Callable[[Outcome], str]) -> dict[str, tuple[int, int]]:
        """(passed, total) by the key of each outcome."""
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for outcome in self.outcomes:
            counts[key(outcome)][0] += outcome.passed
            counts[key(outcome)][1] += 1
        return {name: (passed, total) for name, (passed, total) in sorted(counts.items())}

    def by_frame(self) -> dict[str, tuple[int, int]]:
        rates = self.rates(lambda o: o.case.frame.name)
        rates["invariance (swap)"] = (sum(o.passed for o in self.invariance), len(self.invariance))
        return rates

    def by_type(self) -> dict[str, tuple[int, int]]:
        return self.rates(lambda o: "/".join(sorted(o.case.types)))

    def failures(self) -> list[Outcome]:
        return [o for o in (*self.outcomes, *self.invariance) if not o.passed]


@lru_cache(maxsize=1)
def knowledge_base_countries() -> tuple[Country, ...]:
    """Countries of the knowledge base with a one-word name: the actors the suite draws from."""
    source = resources.files("thucydides.resolve").joinpath("data/countries.tsv")
    with source.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return tuple(
        Country(row["name"], row["iso3"], row["adjectives"].split("|")[0]) for row in rows
        if row["name"].isalpha() and row["name"][0].isupper() and row["adjectives"] and row["capitals"]
    )


def country_pairs(count: int, seed: int = 7) -> list[tuple[Country, Country, Country]]:
    """``count`` (source, target, third) triples of distinct countries, drawn reproducibly."""
    pool = list(knowledge_base_countries())
    draw = random.Random(seed)
    return [tuple(draw.sample(pool, 3)) for _ in range(count)]  # type: ignore[misc]


def verb_patterns(lexicon: Lexicon, governed: bool = False) -> dict[VerbPattern, frozenset[str]]:
    """Every verb pattern of the lexicon with the PLOVER types of the entries that hold it; with
    ``governed`` false, not those of entries whose verbs code only under a governor ("resumed
    trading with", a frame the templates do not make)."""
    types: dict[VerbPattern, set[str]] = defaultdict(set)
    for entry in lexicon.entries:
        for pattern in entry.verbs:
            if entry.code.plover_type and " " not in pattern.lemma and (governed or not entry.verbs_governed) \
                    and entry.code.code not in DENIALS:  # one denies an accusation, not a country
                types[pattern].add(entry.code.plover_type)
    return {pattern: frozenset(found) for pattern, found in types.items()}


OWN_FORCES = "forces against "
"""What a mobilising verb without a preposition takes: the actor's own forces as its object, and
the recipient after "against" (PLOVER manual, MOBILIZE: the recipient is the entity "against whom
the actor mobilizes its military capabilities"); "Norway mobilised Sweden" is not English."""


def theme(pattern: VerbPattern, types: frozenset[str]) -> str:
    """The words before the target country: the mobilised forces, for a mobilising verb."""
    return OWN_FORCES if types == {"MOBILIZE"} and pattern.prep is None else ""


THING_BLAMED = "the attack"
"""The object of a pattern written "blame something on": "Norway blamed the attack on Sweden"."""


def _tail(pattern: VerbPattern) -> str:
    """The words after the verb and before the target: particles, an object, the preposition."""
    return " ".join([*pattern.particles, *([THING_BLAMED] if pattern.thing_first else []), *([pattern.prep] if pattern.prep else [])])


def victim_patterns(lexicon: Lexicon) -> frozenset[VerbPattern]:
    """The verb patterns whose every entry is of a root whose victim may be told without an author
    (data/cameo_roots.tsv), and whose participle names an act, not a lasting state."""
    kinds: dict[VerbPattern, set[bool]] = defaultdict(set)
    for entry in lexicon.entries:
        for pattern in entry.verbs:
            kinds[pattern].add(entry.code.facts.unattributed and entry.code.code not in LASTING_CODES)
    return frozenset(pattern for pattern, found in kinds.items() if found == {True})


def deed_patterns(lexicon: Lexicon) -> frozenset[VerbPattern]:
    """The direct-object verb patterns of criticism, rejection and support whose every entry takes
    any object (no object kind of data/kinds.yaml): "criticised the move", "rejected the plan";
    not "accused" (one accuses someone)."""
    kinds: dict[VerbPattern, set[bool]] = defaultdict(set)
    for entry in lexicon.entries:
        for pattern in entry.verbs:
            kinds[pattern].add(entry.code.plover_type in DEED_TYPES and entry.object_kind is None)
    return frozenset(
        pattern for pattern, found in kinds.items()
        if found == {True} and pattern.prep is None and not pattern.particles and not pattern.thing_first
    )


def build_cases(patterns: dict[VerbPattern, frozenset[str]], pairs: Iterable[tuple[Country, Country, Country]]) -> Iterator[Case]:
    nouns = read_nominalizations()
    adjectives = read_adjectives()
    lexicon = load_lexicon()
    victims = victim_patterns(lexicon)
    deeds = deed_patterns(lexicon)
    pairs = list(pairs)
    for pattern, types in sorted(patterns.items(), key=lambda p: (p[0].lemma, p[0].particles, p[0].prep or "")):
        forms = verb_forms(pattern.lemma)
        tail = _tail(pattern)

        def phrase(word: str) -> str:
            return f"{word} {tail}".strip()

        fields = {
            "past": phrase(forms.past), "participle": phrase(forms.participle), "base": phrase(forms.base),
            "Third": " ".join(w.capitalize() for w in phrase(forms.third).split()), "ing": phrase(forms.ing),
        }
        noun = next(iter(nouns.get(pattern.lemma, ())), None) if not pattern.particles and pattern.prep is None else None
        adjective = next(iter(adjectives.get(pattern.lemma, ())), None) if not pattern.particles else None
        before = theme(pattern, types)
        for source, target, other in pairs:
            for frame in FRAMES:
                if frame.needs_object and (pattern.prep or pattern.particles or before):
                    continue
                if frame.victim and pattern not in victims:
                    continue
                if frame.verbal and not types & VERBAL_TYPES:
                    continue
                if frame.deed and pattern not in deeds:
                    continue
                if frame.name.startswith("nominal"):
                    if noun is None:
                        continue
                    fields["noun"] = f"{noun.head} {noun.prep}" if noun.prep else noun.head
                if frame.name == "predicative adjective":
                    if adjective is None:
                        continue
                    fields["adjective"] = f"{adjective.word} {adjective.prep}"
                aimed = (before.title() if frame.name == "headline" else before) + target.name
                text = frame.template.format(S=source.name, T=aimed, R=other.name, Sadj=source.adjective,
                                             Tadj=target.adjective, **fields)
                yield Case(frame, pattern, types, source, target, other, text, pattern in victims)


def judge(case: Case, events: Iterable[Event]) -> Outcome:
    coded = tuple(_coded(e) for e in events)
    source, target = case.source.code, case.target.code
    between = [c for c in coded if c[0] in case.types and c[1] == source and c[2] == target]
    if case.frame.victim:  # done to the victim, by nobody it names; the victim is never the actor
        passed = any(c[0] in case.types and c[2] == target for c in coded) and not any(
            c[0] in case.types and c[1] == target for c in coded
        )
    elif case.frame.name == "agentless passive":  # the victim is never the actor
        passed = not any(c[0] in case.types and c[1] == target for c in coded)
    elif case.frame.name == "question":  # asked, not told as done
        passed = not any(c[3] in ("asserted", "reported") for c in between)
    elif case.frame.both:
        other = case.other.code
        passed = any(c[3] in case.frame.modalities for c in between) and any(
            c[0] in case.types and c[1] == other and c[2] == target and c[3] in case.frame.modalities for c in coded
        )
    else:
        passed = any(c[3] in case.frame.modalities for c in between)
    return Outcome(case, passed, coded)


def _coded(event: Event) -> Coded:
    return (
        event.plover.type,
        event.source.country if event.source else None,
        event.target.country if event.target else None,
        event.modality,
    )


def sampled(pattern: VerbPattern, every: int) -> bool:
    """Whether a verb pattern is in the 1-in-``every`` sample: chosen by a stable hash of the
    pattern itself, so adding or removing other patterns leaves the sample as it was."""
    key = " ".join([pattern.lemma, *pattern.particles, pattern.prep or ""]).strip()
    return every == 1 or zlib.crc32(key.encode("utf-8")) % every == 0


def run_suite(settings: Settings, pairs: int = 2, every: int = 1) -> Suite:
    """Generate the suite (1 in ``every`` verb patterns, by a stable hash, ``pairs`` country
    triples), code every sentence with the real pipeline, and judge it."""
    patterns = {p: t for p, t in verb_patterns(load_lexicon()).items() if sampled(p, every)}
    cases = list(build_cases(patterns, country_pairs(pairs)))
    swapped = [
        Case(c.frame, c.pattern, c.types, c.target, c.source, c.other, c.frame.template.format(
            S=c.target.name, T=theme(c.pattern, c.types) + c.source.name, R=c.other.name, **_fields_of(c)), c.victim)
        for c in cases if c.frame.name == "active"
    ]
    articles = [Article(id=f"checklist-{i}", text=case.text, date="2024-05-06") for i, case in enumerate([*cases, *swapped])]
    analyses = [analysis for _, analysis in analyze(articles, settings)]
    outcomes = tuple(judge(case, analysis.events) for case, analysis in zip(cases, analyses))
    mirrored = analyses[len(cases):]
    actives = [o for o in outcomes if o.case.frame.name == "active"]
    invariance = tuple(_invariant(a, b, m.events) for a, b, m in zip(actives, swapped, mirrored))
    return Suite(outcomes, invariance)


def _fields_of(case: Case) -> dict[str, str]:
    forms = verb_forms(case.pattern.lemma)
    return {"past": f"{forms.past} {_tail(case.pattern)}".strip()}


def _invariant(original: Outcome, swapped: Case, events: Iterable[Event]) -> Outcome:
    """Swapping the two countries swaps their codes and changes nothing else."""
    a, b = original.case.source.code, original.case.target.code
    swap = {a: b, b: a}
    mirror = {(t, swap.get(s, s) if s else s, swap.get(g, g) if g else g, m) for t, s, g, m in original.coded}
    coded = tuple(_coded(e) for e in events)
    return Outcome(swapped, set(coded) == mirror, coded)
