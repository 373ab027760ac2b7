"""The verb and event-noun lexicon (data/lexicon.yaml), parsed into patterns the coder matches.

A verb pattern is ``LEMMA [PARTICLE…] [PREPOSITION]``: the trailing preposition names where the
target is ("meet with" -> object of "with"); without one the target is the direct object.
A noun pattern is ``[MODIFIER…] NOUN [PREPOSITION]`` ("peace talks with", "attack on").
An adjective pattern is ``ADJECTIVE PREPOSITION`` ("critical of"): the preposition's object is the
target, the subject of the copula the source ("Arnor is critical of Gondor").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml

from thucydides.codes.cameo import CameoCode, cameo_table
from thucydides.codes.kinds import kind_table
from thucydides.codes.verb_forms import verb_forms
from thucydides.errors import ResourceError

PREPOSITIONS = frozenset(
    "about against at between by for from in into of on over to toward towards upon with within".split()
)

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""yaml.safe_load's loader, in C where PyYAML was built with libyaml (the lexicon reads in a
fraction of the time); the same documents, the same Python values."""


@dataclass(frozen=True)
class VerbPattern:
    lemma: str
    particles: tuple[str, ...]
    prep: str | None
    thing_first: bool = False
    """Written "blame something on": the verb's object (a thing: the attack blamed, the shells
    fired) comes before the preposition whose object is the target ("blamed the attack on Y")."""

    @property
    def specificity(self) -> int:
        return len(self.particles) + (self.prep is not None) + self.thing_first


@dataclass(frozen=True)
class NounPattern:
    head: str
    modifiers: tuple[str, ...]
    prep: str | None

    @property
    def specificity(self) -> int:
        return len(self.modifiers) + (self.prep is not None)


@dataclass(frozen=True)
class AdjectivePattern:
    word: str
    prep: str


@dataclass(frozen=True)
class LexiconEntry:
    id: str
    code: CameoCode
    verbs: tuple[VerbPattern, ...]
    nouns: tuple[NounPattern, ...]
    governors: frozenset[str]
    mode: str | None
    from_role: str | None = None
    """What the "from" phrase of every form names, when it names an actor: ``source`` for
    sending away ("diplomats expelled from the United States", "expulsions from Russia": the state
    that expels). None: a "from" phrase is an origin or a place, no argument."""
    object_kind: str | None = None
    """What the object of every form must be (a kind of data/kinds.yaml: ``persons``, ``forces``…)
    for the match to be this sense: "released the prisoners", not "released a report"."""
    subject_kind: str | None = None
    """What the source actor must be (a kind of data/kinds.yaml with ``sectors_not``): a visit is
    made by officials, a protest by people out of office."""
    foreign_target: bool = False
    """Whether the target must be of another country than the source, where both are known
    ("arrived in Beijing" is a visit; "arrived at the court" at home is not)."""
    verbs_governed: bool = False
    """Whether a verb form codes only as the complement of one of ``governors`` ("resumed
    trading with" starts an exchange; "exported goods to" tells a flow)."""
    adjectives: tuple[AdjectivePattern, ...] = ()
    """Predicative adjectives that tell this entry's event ("critical of", data/adjectives.tsv)."""

    @property
    def plover_mode(self) -> str | None:
        return self.mode or self.code.plover_mode


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[LexiconEntry, ...]
    by_verb: dict[str, tuple[tuple[VerbPattern, LexiconEntry], ...]]
    by_noun: dict[str, tuple[tuple[NounPattern, LexiconEntry], ...]]
    by_adjective: dict[str, tuple[tuple[AdjectivePattern, LexiconEntry], ...]] = field(default_factory=dict)
    by_participle: dict[str, str] = field(default_factory=dict)
    """Past participle -> verb lemma, for every verb of the lexicon ("abducted" -> "abduct"): the
    tagger often takes a participle before its noun for an adjective, whose lemma is itself."""
    by_past: dict[str, str] = field(default_factory=dict)
    """Simple past -> verb lemma ("forgave" -> "forgive"), for the past tenses the lemmatiser misses."""


THING = "something"
"""The word that stands for the verb's object in a pattern whose target follows it ("blame
something on")."""


def parse_verb(phrase: str) -> VerbPattern:
    words = phrase.lower().split()
    thing_first = THING in words[1:]
    words = [words[0], *(w for w in words[1:] if w != THING)]
    prep = words[-1] if len(words) > 1 and words[-1] in PREPOSITIONS else None
    middle = words[1:-1] if prep else words[1:]
    return VerbPattern(words[0], tuple(middle), prep, thing_first)


def parse_noun(phrase: str) -> NounPattern:
    words = phrase.lower().split()
    prep = words[-1] if len(words) > 1 and words[-1] in PREPOSITIONS else None
    body = words[:-1] if prep else words
    return NounPattern(body[-1], tuple(body[:-1]), prep)


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The bundled lexicon, or one at ``path`` in the same format."""
    source = Path(path) if path else resources.files("thucydides.codes").joinpath("data/lexicon.yaml")
    try:
        raw = yaml.load(source.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as error:
        raise ResourceError(f"cannot read lexicon {source}: {error}") from error
    table = cameo_table()
    entries: list[LexiconEntry] = []
    for item in raw or []:
        code = str(item.get("cameo", ""))
        if code not in table:
            raise ResourceError(f"lexicon entry {item.get('id')!r}: unknown CAMEO code {code!r}")
        entries.append(
            LexiconEntry(
                id=str(item["id"]),
                code=table[code],
                verbs=tuple(parse_verb(v) for v in item.get("verbs") or ()),
                nouns=tuple(parse_noun(n) for n in item.get("nouns") or ()),
                governors=expressed(frozenset(g.lower() for g in item.get("governors") or ())),
                mode=item.get("mode"),
                from_role=_from_role(item),
                object_kind=_object_kind(item),
                subject_kind=_object_kind(item, "subject"),
                foreign_target=_foreign_target(item),
                verbs_governed=bool(item.get("governed", False)),
            )
        )
    entries.extend([*nominal_entries(entries, read_nominalizations()), *adjective_entries(entries, read_adjectives())])
    by_verb: dict[str, list[tuple[VerbPattern, LexiconEntry]]] = defaultdict(list)
    by_noun: dict[str, list[tuple[NounPattern, LexiconEntry]]] = defaultdict(list)
    by_adjective: dict[str, list[tuple[AdjectivePattern, LexiconEntry]]] = defaultdict(list)
    for entry in entries:
        for adjective in entry.adjectives:
            by_adjective[adjective.word].append((adjective, entry))
        for verb in entry.verbs:
            by_verb[verb.lemma].append((verb, entry))
        for noun in entry.nouns:
            by_noun[noun.head].append((noun, entry))
    return Lexicon(
        entries=tuple(entries),
        by_verb={k: tuple(sorted(v, key=lambda p: -p[0].specificity)) for k, v in by_verb.items()},
        by_noun={k: tuple(sorted(v, key=lambda p: -p[0].specificity)) for k, v in by_noun.items()},
        by_adjective={k: tuple(v) for k, v in by_adjective.items()},
        by_participle={verb_forms(lemma).participle: lemma for lemma in sorted(by_verb) if lemma.isalpha()},
        by_past={verb_forms(lemma).past: lemma for lemma in sorted(by_verb) if lemma.isalpha()},
    )


EXPRESSING = frozenset("express voice reiterate repeat renew reaffirm restate convey register".split())
"""The support verbs of a stated position ("expressed / voiced / repeated / renewed its support
for", "restated its opposition to"): English uses them alike with every noun of saying where one
of them fits."""


def expressed(governors: frozenset[str]) -> frozenset[str]:
    """An entry's governors, with every verb of expressing where it names "express" or "voice":
    the class is one, and an entry that lists two of its verbs takes them all."""
    return governors | EXPRESSING if governors & {"express", "voice"} else governors


_FROM_ROLES = frozenset({"source"})


def _object_kind(item: dict[str, object], key: str = "object") -> str | None:
    kind = item.get(key)
    if kind is not None and kind not in kind_table():
        raise ResourceError(f"lexicon entry {item.get('id')!r}: {key!r} must be a kind of kinds.yaml {sorted(kind_table())}, not {kind!r}")
    return None if kind is None else str(kind)


def _foreign_target(item: dict[str, object]) -> bool:
    target = item.get("target")
    if target is not None and target != "foreign":
        raise ResourceError(f"lexicon entry {item.get('id')!r}: 'target' can only be 'foreign', not {target!r}")
    return target == "foreign"


def _from_role(item: dict[str, object]) -> str | None:
    role = item.get("from")
    if role is not None and role not in _FROM_ROLES:
        raise ResourceError(f"lexicon entry {item.get('id')!r}: 'from' must be one of {sorted(_FROM_ROLES)}, not {role!r}")
    return None if role is None else str(role)


def nominal_entries(entries: list[LexiconEntry], nouns: dict[str, tuple[NounPattern, ...]]) -> list[LexiconEntry]:
    """The nominal forms of verb entries: "expel Y" gives "X's expulsion of Y", "the expulsion
    of Y by X" and "X ordered the expulsion of Y", coded as the verb is (rule id
    ``ENTRY.nominal``). A verb in several entries lends its nouns to the first entry that has it
    with a direct object (no preposition); these entries ask for no governing verb, because the
    noun names the event itself, so the noun's own possessor or agent is enough."""
    derived: dict[str, list[NounPattern]] = {}
    owners: dict[str, LexiconEntry] = {}
    for entry in entries:
        for verb in entry.verbs:
            if verb.lemma in nouns and not verb.particles and verb.prep is None and verb.lemma not in owners:
                owners[verb.lemma] = entry
                derived.setdefault(entry.id, []).extend(nouns[verb.lemma])
    by_id = {entry.id: entry for entry in entries}
    return [
        LexiconEntry(
            f"{entry_id}.nominal", by_id[entry_id].code, (), tuple(patterns), frozenset(), by_id[entry_id].mode,
            by_id[entry_id].from_role, by_id[entry_id].object_kind, by_id[entry_id].subject_kind,
            by_id[entry_id].foreign_target, by_id[entry_id].verbs_governed,
        )
        for entry_id, patterns in derived.items()
    ]


def adjective_entries(entries: list[LexiconEntry], adjectives: dict[str, tuple[AdjectivePattern, ...]]) -> list[LexiconEntry]:
    """The predicative adjective forms of verb entries: "criticise Y" gives "X is critical of Y",
    coded as the verb is (rule id ``ENTRY.adjective``). English derives adjectives from verbs
    ("critical" from "criticise", "supportive" from "support", the participle "opposed") whose
    prepositional complement is the verb's object and whose copula's subject is the verb's
    subject: "Arnor is critical of Gondor" says what "Arnor criticises Gondor" does, told as a
    standing position (CAMEO 110-111 disapprove and criticise, 051 praise or endorse, 120
    reject). A verb lends its adjectives to the first entry that has it with no particle,
    a direct object before a prepositional one."""
    owners: dict[str, LexiconEntry] = {}
    for plain in (True, False):
        for entry in entries:
            for verb in entry.verbs:
                if verb.lemma in adjectives and not verb.particles and (verb.prep is None or not plain) and verb.lemma not in owners:
                    owners[verb.lemma] = entry
    derived: dict[str, list[AdjectivePattern]] = {}
    for lemma, entry in owners.items():
        derived.setdefault(entry.id, []).extend(a for a in adjectives[lemma] if a not in derived.get(entry.id, ()))
    by_id = {entry.id: entry for entry in entries}
    return [
        replace(by_id[entry_id], id=f"{entry_id}.adjective", verbs=(), nouns=(), governors=frozenset(), adjectives=tuple(patterns))
        for entry_id, patterns in derived.items()
    ]


def read_adjectives() -> dict[str, tuple[AdjectivePattern, ...]]:
    """verb lemma -> its predicative adjective patterns, from data/adjectives.tsv
    ("criticise<TAB>critical:of")."""

    def adjective(word: str, prep: str) -> AdjectivePattern | None:
        return AdjectivePattern(word.lower(), prep) if prep in PREPOSITIONS else None

    return _forms_of_verbs("adjectives.tsv", adjective, "ADJECTIVE:PREPOSITION")


def read_nominalizations() -> dict[str, tuple[NounPattern, ...]]:
    """verb lemma -> its noun patterns, from data/nominalizations.tsv ("expel<TAB>expulsion:of")."""

    def noun(word: str, prep: str) -> NounPattern | None:
        return parse_noun(f"{word} {prep}".strip()) if not prep or prep in PREPOSITIONS else None

    return _forms_of_verbs("nominalizations.tsv", noun, "NOUN[:PREPOSITION]")


_P = TypeVar("_P")


def _forms_of_verbs(name: str, make: Callable[[str, str], _P | None], shape: str) -> dict[str, tuple[_P, ...]]:
    """A table of the forms of verbs: each line a verb lemma, a tab, and its forms WORD:PREP."""
    source = resources.files("thucydides.codes").joinpath(f"data/{name}")
    table: dict[str, tuple[_P, ...]] = {}
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        verb, _, forms = line.partition("\t")
        patterns = []
        for form in forms.split():
            word, _, prep = form.partition(":")
            pattern = make(word, prep) if word else None
            if pattern is None:
                raise ResourceError(f"{name} line {number}: bad form {form!r} ({shape})")
            patterns.append(pattern)
        table[verb.strip().lower()] = tuple(patterns)
    return table
