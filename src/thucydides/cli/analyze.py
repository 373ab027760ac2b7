"""`thucydides analyze`: articles in, one JSON object per article out (JSON Lines on stdout)."""

from __future__ import annotations

from dataclasses import replace

import click

from thucydides.cli.config import read_config
from thucydides.cli.config import save_config as write_config
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
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
              help="Build the pipeline from this config (as `thucydides config` or --save-config wrote it); "
              "it takes the place of --pipeline, --kb, --actors-dict, --agents-dict and --country-bias.")
@click.option("--save-config", type=click.Path(dir_okay=False),
              help="Write the config of this run's pipeline to this file, to reproduce its output later.")
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
    if config_file is not None:
        settings = read_config(config_file, settings)
    if save_config is not None:
        write_config(save_config, settings)
    articles = read_inputs(paths, input_format=input_format, max_bytes=settings.max_text_bytes, date=date)
    for article, analysis in analyze(articles, settings):
        if analysis.rejection is not None:
            r = analysis.rejection
            click.echo(terminal_text(f"rejected {article.origin}: {r.reason} ({r.detail})"), err=True)
        if min_confidence > 0:
            analysis = replace(analysis, events=tuple(e for e in analysis.events if e.confidence >= min_confidence))
        click.echo(to_json(analysis, with_text=with_text))
