"""`thucydides analyze`: articles in, one JSON object per article out (JSON Lines on stdout)."""

from __future__ import annotations

from dataclasses import replace

import click

from thucydides.cli.config import config_options, with_config
from thucydides.cli.options import build_settings, reading_options
from thucydides.cli.render import terminal_text
from thucydides.ingest import read_inputs
from thucydides.pipeline import analyze
from thucydides.records import to_json


@click.command("analyze")
@reading_options
@click.option("--with-text", is_flag=True, help="Include the analysed text, which every span points into, and what cleaning dropped from it and why.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="Print only the events whose confidence is at least this (0-1).")
@config_options
def analyze_command(
    paths: tuple[str, ...],
    input_format: str | None,
    date: str | None,
    pipeline: str | None,
    max_bytes: int | None,
    kb: tuple[str, ...],
    actors_dict: tuple[str, ...],
    agents_dict: tuple[str, ...],
    batch_size: int | None,
    country_bias: str | None,
    with_text: bool,
    min_confidence: float,
    config_file: str | None,
    save_config: str | None,
) -> None:
    """Analyse articles and print one JSON object per article.

    PATHS are files, directories (searched for .txt, .html, .htm and .jsonl) or '-' for stdin.
    Rejected articles are printed too, with their "rejection", and named on stderr.
    """
    settings = build_settings(pipeline, max_bytes, batch_size, actors_dict, agents_dict, kb).with_overrides(
        country_bias=country_bias
    )
    settings = with_config(settings, config_file, save_config)
    articles = read_inputs(paths, input_format=input_format, max_bytes=settings.max_text_bytes, date=date)
    for article, analysis in analyze(articles, settings):
        if analysis.rejection is not None:
            r = analysis.rejection
            click.echo(terminal_text(f"rejected {article.origin}: {r.reason} ({r.detail})"), err=True)
        if min_confidence > 0:
            analysis = replace(analysis, events=tuple(e for e in analysis.events if e.confidence >= min_confidence))
        click.echo(to_json(analysis, with_text=with_text))
