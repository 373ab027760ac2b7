"""Actor and agent dictionaries in the PETRARCH/TABARI text format (``--actors-dict FILE``).

Actors file: one record per actor, a primary phrase, optional ``+SYNONYM`` lines, and codes
either on the primary line or on following indented lines::

    GOLLUM                       # no code on the name line
    +SMEAGOL                     # synonym, shares the code block
        [HOB < 950601]           # before (or on) 1995-06-01
        [HOBGOV 19950601 - 19990815]
        [HOBREB > 990816]        # after (or on) 1999-08-16
    ARNOR_  [ARN]                # trailing "_": "arnor" must be the whole word
    ARGENTIN  [ARG]              # no "_": stem, matches "argentina", "argentine"

A code on the primary line is the default, used when no date-restricted code applies.
``[---]`` and ``[+++]`` mean "known, but no code" and become ``""``.

Agents file: ``WORD {PLURAL,...} [~SECTOR]`` records and ``!MARKER! = A, B`` substitution sets.
Without braces the regular plural is formed; ``{}`` means "form no plural" (POLICE, TROOPS),
as PETRARCH's reader does. ``[~GOV]`` appends the sector to the actor's code, ``[NGO~]``
prepends it.

Comments: ``<!-- ... -->`` (may span lines), lines starting with ``<!``, and ``#`` (and, in
actor files, the old KEDS ``;``) to the end of the line. A malformed line is skipped and
counted; a ``---STOP---`` line ends the file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from thucydides.dates import ISO_DAY
from thucydides.errors import InputError

__all__ = [
    "LegacyActor",
    "LegacyAgent",
    "LegacyCode",
    "LegacyDictionary",
    "match_actor",
    "read_actors",
    "read_agents",
    "read_dictionary",
]

_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.DOTALL)
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_WORD_SPLIT = re.compile(r"[\s_]+")
_CODE = re.compile(r"^(?:---|\+\+\+|[A-Za-z0-9/.]*[A-Za-z][A-Za-z0-9/.]*)$")
_DATE = re.compile(r"^\d{6}(?:\d{2})?$")
_MARKER_DEF = re.compile(r"^!([^!\s]+)!\s*=\s*(.*)$")
_MARKER_USE = re.compile(r"!([^!\s]+)!")
_NO_CODE = {"---", "+++"}
_STOP = "---STOP---"
_VOWELS = set("AEIOU")


@dataclass(frozen=True)
class LegacyCode:
    """One code of an actor, valid from ``start`` to ``end`` (ISO dates, both inclusive)."""

    code: str
    start: str | None
    end: str | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, date: str) -> bool:
        after_start = self.start is None or self.start <= date
        return after_start and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class LegacyActor:
    """An actor record: its phrases (lower-case words), which end in a stem, and its codes."""

    phrases: tuple[tuple[str, ...], ...]
    prefix: tuple[bool, ...]
    codes: tuple[LegacyCode, ...]

    def code_on(self, date: str | None) -> str | None:
        """The code valid on an ISO date: the first dated code that applies, else the first
        undated (default) code, else None. With no date, the first code."""
        if not self.codes:
            return None
        if date is None:
            return self.codes[0].code
        _check_iso(date)
        for code in self.codes:
            if code.dated and code.valid_on(date):
                return code.code
        for code in self.codes:
            if not code.dated:
                return code.code
        return None


@dataclass(frozen=True)
class LegacyAgent:
    """An agent record: singular and plural phrases and the sector code (without ``~``)."""

    phrases: tuple[tuple[str, ...], ...]
    sector: str
    prepend: bool = False  # "[NGO~]": the sector goes before the actor's code, not after


_Entry = tuple[int, int, tuple[str, ...], bool, int]  # actor, phrase, words, stem, characters


@dataclass(frozen=True)
class _ActorIndex:
    by_word: dict[str, list[_Entry]]
    by_stem3: dict[str, list[_Entry]]
    short_stems: list[_Entry]


@dataclass(frozen=True)
class LegacyDictionary:
    """Actors and agents read from legacy files, and how many malformed lines were skipped."""

    actors: tuple[LegacyActor, ...]
    agents: tuple[LegacyAgent, ...]
    skipped: int

    @cached_property
    def _actor_index(self) -> _ActorIndex:
        # cached_property writes the instance __dict__ directly, so it works on a frozen class.
        by_word: dict[str, list[_Entry]] = {}
        by_stem3: dict[str, list[_Entry]] = {}
        short_stems: list[_Entry] = []
        for a, actor in enumerate(self.actors):
            for p, (words, stem) in enumerate(zip(actor.phrases, actor.prefix, strict=True)):
                entry = (a, p, words, stem, sum(len(w) for w in words))
                first = words[0]
                if stem and len(words) == 1:
                    if len(first) >= 3:
                        by_stem3.setdefault(first[:3], []).append(entry)
                    else:
                        short_stems.append(entry)
                else:
                    by_word.setdefault(first, []).append(entry)
        return _ActorIndex(by_word, by_stem3, short_stems)


# ----------------------------------------------------------------------------- reading


def _read_lines(path: str | Path) -> list[str]:
    """The file's lines with comments removed (a comment-only line becomes empty)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise InputError(f"dictionary file not found: {p}") from None
    except OSError as exc:
        raise InputError(f"cannot read dictionary file {p}: {exc.strerror or exc}") from None
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = []
    for raw in text.splitlines():
        if raw.strip() == _STOP:
            break
        lines.append("" if raw.lstrip().startswith("<!") else raw)
    return lines


def _strip_comment(line: str, marks: str) -> str:
    for mark in marks:
        at = line.find(mark)
        if at >= 0:
            line = line[:at]
    return line


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD_SPLIT.split(phrase.strip(" \t_")) if w)


def _iso(stamp: str) -> str:
    """YYMMDD or YYYYMMDD -> ISO; two-digit years 00-30 are 20xx, else 19xx (as KEDS/TABARI)."""
    if not _DATE.match(stamp):
        raise ValueError(stamp)
    if len(stamp) == 6:
        yy = int(stamp[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), stamp[2:]
    else:
        year, rest = int(stamp[:4]), stamp[4:]
    return dt.date(year, int(rest[:2]), int(rest[2:])).isoformat()


def _parse_code(inside: str) -> LegacyCode:
    """The text inside one bracket: ``CODE``, ``CODE <D``, ``CODE >D`` or ``CODE D1-D2``."""
    inside = inside.strip()
    m = re.match(r"^(---|\+\+\+|[^\s<>]+?)\s*(?=[<>\s]|$)(.*)$", inside)
    if m is None:
        raise ValueError(inside)
    code, rest = m.group(1), m.group(2).strip()
    if not _CODE.match(code):
        raise ValueError(inside)
    code = "" if code in _NO_CODE else code.upper()
    if not rest:
        return LegacyCode(code, None, None)
    if rest[0] in "<>":
        date = _iso(rest[1:].strip())
        return LegacyCode(code, None, date) if rest[0] == "<" else LegacyCode(code, date, None)
    first, dash, second = rest.partition("-")
    if not dash:
        raise ValueError(inside)
    start, end = _iso(first.strip()), _iso(second.strip())
    if end < start:
        raise ValueError(inside)
    return LegacyCode(code, start, end)


def _parse_codes(text: str) -> list[LegacyCode]:
    """Every bracketed code in ``text``; ValueError when one is malformed or a bracket is open."""
    if text.count("[") != text.count("]"):
        raise ValueError(text)
    return [_parse_code(inside) for inside in _BRACKET.findall(text)]


class _ActorBuilder:
    def __init__(self, words: tuple[str, ...], stem: bool, codes: list[LegacyCode]) -> None:
        self.phrases = [words]
        self.prefix = [stem]
        self.codes = codes

    def add_phrase(self, words: tuple[str, ...], stem: bool) -> None:
        self.phrases.append(words)
        self.prefix.append(stem)

    def build(self) -> LegacyActor:
        return LegacyActor(tuple(self.phrases), tuple(self.prefix), tuple(self.codes))


def _phrase(text: str) -> tuple[tuple[str, ...], bool]:
    name = text.strip()
    return _words(name), not name.endswith("_")


def read_actors(path: str | Path) -> tuple[tuple[LegacyActor, ...], int]:
    """Read a TABARI/PETRARCH ``.actors`` file: the actors and the number of skipped lines."""
    actors: list[LegacyActor] = []
    skipped = 0
    current: _ActorBuilder | None = None  # None after a malformed primary line: its rest goes too

    def flush() -> None:
        nonlocal current
        if current is not None:
            actors.append(current.build())
        current = None

    for raw in _read_lines(path):
        line = _strip_comment(raw, "#;").rstrip()
        text = line.strip()
        if not text:
            continue
        try:
            if text.startswith("["):  # a code line (indented in the files, but don't insist)
                if current is None:
                    raise ValueError(text)
                current.codes.extend(_parse_codes(text))
            elif text.startswith("+"):  # a synonym
                if current is None:
                    raise ValueError(text)
                name, _, codes = text[1:].partition("[")
                words, stem = _phrase(name)
                parsed = _parse_codes("[" + codes) if codes else []
                if not words:
                    raise ValueError(text)
                current.add_phrase(words, stem)
                current.codes.extend(parsed)
            else:  # a primary phrase, maybe with its default code
                flush()
                name, _, codes = text.partition("[")
                words, stem = _phrase(name)
                parsed = _parse_codes("[" + codes) if codes else []
                if not words:
                    raise ValueError(text)
                current = _ActorBuilder(words, stem, parsed)
        except ValueError:
            skipped += 1
    flush()
    return tuple(actors), skipped


def _plural(phrase: str) -> str | None:
    """The regular plural of a phrase's last word (upper case, as in the files); None when the
    word already ends in a single S (SECURITY_OFFICIALS), which is taken as plural."""
    if phrase.endswith("Y") and len(phrase) > 1 and phrase[-2] not in _VOWELS:
        return phrase[:-1] + "IES"
    if phrase.endswith(("SS", "X", "Z", "CH", "SH")):
        return phrase + "ES"
    if phrase.endswith("S"):
        return None
    return phrase + "S"


def _expand(phrase: str, markers: dict[str, list[str]]) -> list[str]:
    """Substitute every ``!MARKER!`` in ``phrase``; KeyError for an undefined marker."""
    m = _MARKER_USE.search(phrase)
    if m is None:
        return [phrase]
    out: list[str] = []
    for item in markers[m.group(1).upper()]:
        out.extend(_expand(phrase[: m.start()] + item + phrase[m.end() :], markers))
    return out


def read_agents(path: str | Path) -> tuple[tuple[LegacyAgent, ...], int]:
    """Read a TABARI/PETRARCH ``.agents`` file: the agents and the number of skipped lines."""
    agents: list[LegacyAgent] = []
    markers: dict[str, list[str]] = {}
    skipped = 0
    for raw in _read_lines(path):
        text = _strip_comment(raw, "#").strip()
        if not text:
            continue
        definition = _MARKER_DEF.match(text)
        if definition is not None:
            items = [i.strip().upper() for i in definition.group(2).split(",") if i.strip()]
            if items:
                markers[definition.group(1).upper()] = items
            else:
                skipped += 1
            continue
        head, _, tail = text.partition("[")
        inside, close, _ = tail.partition("]")
        sector = inside.strip().upper()
        prepend = sector.endswith("~") and not sector.startswith("~")
        sector = sector.strip("~").strip()
        if not close or not _CODE.match(sector) or sector in _NO_CODE:
            skipped += 1
            continue
        name, brace, plural_text = head.partition("{")
        if brace and "}" not in plural_text:
            skipped += 1
            continue
        name = name.strip().upper()
        forms: list[str]
        try:
            if _MARKER_USE.search(name):
                forms = _expand(name, markers)  # substitutions only: no plurals formed
            elif brace:
                listed = plural_text[: plural_text.index("}")]
                forms = [name] + [p.strip() for p in listed.split(",") if p.strip()]
            else:
                plural = _plural(name.rstrip("_ "))
                forms = [name] if plural is None else [name, plural]
        except KeyError:
            skipped += 1
            continue
        phrases = tuple(dict.fromkeys(w for w in (_words(f) for f in forms) if w))
        if not phrases or any("!" in f for f in forms):  # an unclosed marker
            skipped += 1
            continue
        agents.append(LegacyAgent(phrases, sector, prepend))
    return tuple(agents), skipped


def read_dictionary(
    actors: str | Path | None = None, agents: str | Path | None = None
) -> LegacyDictionary:
    """Read an actors file and/or an agents file into one dictionary."""
    actor_records: tuple[LegacyActor, ...] = ()
    agent_records: tuple[LegacyAgent, ...] = ()
    skipped = 0
    if actors is not None:
        actor_records, n = read_actors(actors)
        skipped += n
    if agents is not None:
        agent_records, n = read_agents(agents)
        skipped += n
    return LegacyDictionary(actor_records, agent_records, skipped)


# ----------------------------------------------------------------------------- matching


def _check_iso(date: str) -> None:
    if not ISO_DAY.match(date):
        raise InputError(f"date must be YYYY-MM-DD, got {date!r}")


def _matches(words: Sequence[str], phrase: tuple[str, ...], stem: bool) -> bool:
    if len(words) < len(phrase):
        return False
    last = len(phrase) - 1
    for i, want in enumerate(phrase):
        if i == last and stem:
            if not words[i].startswith(want):
                return False
        elif words[i] != want:
            return False
    return True


def _rank(entry: _Entry) -> tuple[int, int, int]:
    """More words, then more characters (the more specific stem), then earlier in the file."""
    return len(entry[2]), entry[4], -entry[0]


def match_actor(
    words: Sequence[str], dictionary: LegacyDictionary, date: str | None = None
) -> tuple[int, str] | None:
    """Longest actor phrase at the start of `words` (lower-case tokens): (number of words
    matched, code valid on date). A stem matches any word that starts with it.

    Among phrases of equal length the one with more characters wins (the more specific stem),
    then the earlier in the file. A matched actor with no code on that date (``[---]``, or only
    date-restricted codes that do not apply) gives ``""``.
    """
    if not words:
        return None
    if date is not None:
        _check_iso(date)
    index = dictionary._actor_index
    first = words[0]
    candidates = (
        index.by_word.get(first, [])
        + index.by_stem3.get(first[:3], [])
        + [e for e in index.short_stems if first.startswith(e[2][0])]
    )
    best: _Entry | None = None
    for entry in candidates:
        if not _matches(words, entry[2], entry[3]):
            continue
        if best is None or _rank(entry) > _rank(best):
            best = entry
    if best is None:
        return None
    code = dictionary.actors[best[0]].code_on(date)
    return len(best[2]), code or ""
