"""Event coding against gold data: PLOVER GSR sentences, PETRARCH records, the reference article.

An event is right when its type matches and its source and target match the gold actors by
country (or organisation). Only events told as happening or about to happen are scored:
negated and hypothetical ones are not claims that the event took place.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.evaluate.scores import Error, Report, Scoring
from thucydides.pipeline import analyze
from thucydides.records import Actor, Analysis, Article, Event

PLOVER_05_TO_20 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
SCORED_MODALITIES = frozenset({"asserted", "future", "intent", "reported"})


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Records of a gold JSON Lines file; a clear error when it is missing or malformed."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from error
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: not JSON ({error.msg})") from error
    return records


def _iso(date: str | None) -> str | None:
    if not date:
        return None
    digits = date.replace("-", "")
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if len(digits) == 8 and digits.isdigit() else None


def gold_article(record: dict[str, Any], date_key: str = "date") -> Article:
    """The article a gold sentence or document is analysed as."""
    return Article(id=str(record["id"]), text=record["text"], date=_iso(record.get(date_key)), origin=str(record["id"]), input_format="jsonl")


def analyses(records: list[dict[str, Any]], settings: Settings, date_key: str = "date") -> Iterator[tuple[dict[str, Any], Analysis]]:
    articles = (gold_article(r, date_key) for r in records)
    for record, (_, analysis) in zip(records, analyze(articles, settings)):
        yield record, analysis


def actor_key(actor: Actor | None) -> str | None:
    """The country of an actor, or its organisation code's first three letters (IGO, NGO)."""
    if actor is None:
        return None
    if actor.country:
        return actor.country[:3]
    return actor.code[:3] if actor.code and not actor.code.startswith("---") else None  # "---REF": nobody's


def scored(events: tuple[Event, ...]) -> list[Event]:
    return [e for e in events if e.modality in SCORED_MODALITIES and e.plover.type]


_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
_CONFLICTIVE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})


def gold_convention_type(event: Event) -> str:
    """The type the CAMEO-manual gold gives an announced event: we code "will visit" as CONSULT
    with future modality; CAMEO (03x, 13x) and PLOVER 0.5 code it as intent: AGREE to cooperate,
    THREATEN to use force or sanctions."""
    if event.modality in ("future", "intent"):
        if event.plover.type in _COOPERATIVE:
            return "AGREE"
        if event.plover.type in _CONFLICTIVE:
            return "THREATEN"
    return event.plover.type


# -- PLOVER GSR --------------------------------------------------------------------------------


def evaluate_plover(path: str | Path, settings: Settings) -> Report:
    scoring = Scoring("plover")
    for record, analysis in analyses(read_gold(path), settings):
        report = scoring.of(str(record["id"]))
        report.records += 1
        types, full = report.count("type"), report.count("type_source_target")
        gold_type = PLOVER_05_TO_20.get(record["event"], record["event"])
        sources = {a["code"][:3] for a in record.get("source", [])}
        targets = {a["code"][:3] for a in record.get("target", [])}
        events = scored(analysis.events)
        predicted_types = {gold_convention_type(e) for e in events}
        label = report.per_label[gold_type]
        if gold_type in predicted_types:
            types.tp += 1
            label.tp += 1
        else:
            types.fn += 1
            label.fn += 1
            found = ", ".join(sorted(predicted_types)) or "nothing"
            report.add_error(Error("miss", record["id"], gold_type, f"coded {found}", record["text"]))
        for wrong in predicted_types - {gold_type}:
            types.fp += 1
            report.per_label[wrong].fp += 1
            report.add_error(Error("false positive", record["id"], wrong, f"gold is {gold_type}", record["text"]))
        right = [gold_convention_type(e) == gold_type and _dyad_matches(e, sources, targets) for e in events]
        for event, is_right in zip(events, right):
            report.judge(event, is_right)
        _count_as_written(report, gold_type, events, sources, targets)
        if any(right):
            full.tp += 1
        else:
            full.fn += 1
            dyads = [f"{gold_convention_type(e)} {actor_key(e.source)}->{actor_key(e.target)}" for e in events]
            gold = f"{gold_type} {'/'.join(sorted(sources))}->{'/'.join(sorted(targets)) or '-'}"
            report.add_error(Error("miss", record["id"], gold_type, f"dyad: gold {gold}, coded {dyads}", record["text"]))
    return scoring.finish()


def _count_as_written(report: Report, gold_type: str, events: list[Event], sources: set[str], targets: set[str]) -> None:
    """The stricter reading of an outside scorer of the output: one gold event per sentence, each
    event's PLOVER type taken as written (no intent convention for announced events), and every
    predicted event beyond the one that matches counted as a false positive."""
    for name, is_match in (
        ("as_written_type", lambda e: e.plover.type == gold_type),
        ("as_written_type_source_target", lambda e: e.plover.type == gold_type and _dyad_matches(e, sources, targets)),
    ):
        counts = report.count(name)
        matched = any(is_match(e) for e in events)
        counts.tp += matched
        counts.fn += not matched
        counts.fp += len(events) - matched


def _dyad_matches(event: Event, sources: set[str], targets: set[str]) -> bool:
    source, target = actor_key(event.source), actor_key(event.target)
    if source not in sources:
        return False
    if targets and target is None:
        # the gold gives an untargeted domestic event (a protest, a curfew) its own country
        return targets <= sources
    if targets:
        return target in targets
    # compound or reciprocal actors are all listed as sources; the target is one of them or none
    return target is None or target in sources


# -- PETRARCH ----------------------------------------------------------------------------------


def is_real_news(record: dict[str, Any]) -> bool:
    return record.get("set") == "petr2_gsr" or record.get("kind") == "real_news"


def evaluate_cameo(path: str | Path, settings: Settings, subset: str = "real_news") -> Report:
    """CAMEO root + country-level source and target, as a multiset per record; and the dyads
    alone, which scores actor coding where a set uses its own test-only event codes."""
    scoring = Scoring("cameo")
    records = [r for r in read_gold(path) if r.get("evaluate", True)]
    if subset == "real_news":
        records = [r for r in records if is_real_news(r)]
    elif subset != "all":
        records = [r for r in records if r.get("set") == subset]
    for record, analysis in analyses(records, settings):
        report = scoring.of(str(record["id"]))
        report.records += 1
        counts, dyads = report.count("event"), report.count("dyad")
        gold = Counter((e["code"][:2], e["source"][:3], e["target"][:3]) for e in record.get("expected", []))
        events = scored(analysis.events)
        keys = [(e.cameo[:2], actor_key(e.source) or "---", actor_key(e.target) or "---") for e in events]
        found = Counter(keys)
        unclaimed = Counter(gold)
        for event, key in zip(events, keys):
            report.judge(event, unclaimed[key] > 0)
            unclaimed[key] -= 1
        gold_dyads = Counter((src, tgt) for _, src, tgt in gold.elements())
        found_dyads = Counter((src, tgt) for _, src, tgt in found.elements())
        dyads.tp += sum((gold_dyads & found_dyads).values())
        dyads.fp += sum((found_dyads - gold_dyads).values())
        dyads.fn += sum((gold_dyads - found_dyads).values())
        hits = gold & found
        counts.tp += sum(hits.values())
        counts.fp += sum((found - gold).values())
        counts.fn += sum((gold - found).values())
        for root, _, _ in hits.elements():
            report.per_label[root].tp += 1
        for key in (gold - found).elements():
            report.per_label[key[0]].fn += 1
            report.add_error(Error("miss", record["id"], key[0], f"{key[1]}->{key[2]}", record["text"]))
        for key in (found - gold).elements():
            report.per_label[key[0]].fp += 1
            report.add_error(Error("false positive", record["id"], key[0], f"{key[1]}->{key[2]}", record["text"]))
    # the dyads: source and target right, whatever the code: actor coding alone
    return scoring.finish()
