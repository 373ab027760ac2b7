"""The event filters every command that lists, counts or exports events shares, declared once.

``events``, ``dyads``, ``counts`` and ``export`` take the same ``--actor``, ``--source``,
``--target``, ``--dyad``, ``--country``, ``--code``, ``--modality``, ``--since`` and ``--until``,
and read them the same way, so one window or one dyad selects the same events everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

import click

from thucydides.cli.options import validate_date
from thucydides.codes.contexts import all_contexts
from thucydides.records import MODALITIES
from thucydides.store import Filters

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_MODALITIES: tuple[str, ...] = ("asserted",)
"""What counts, lists and exports hold unless told otherwise: events told as having happened."""

ACTOR_HELP = (
    "a country (3 letters: RUS; IGO for international organisations), an actor code (RUSMIL), "
    "or words of a name (putin, 'north korea'); codes match exactly, names by whole word"
)
DATE_HELP = (
    "(YYYY-MM-DD). A partial date counts when the days it covers overlap the window: an event "
    "dated 2023 or 2023-W12 is in any window that shares a day with it."
)


def validate_countries(_ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for item in value:
        for code in (part.strip() for part in item.split(",")):
            if not re.fullmatch(r"[A-Za-z]{3}", code):
                raise click.BadParameter(f"{code!r} is not an ISO 3166 alpha-3 country code such as USA", param=param)
            out.append(code.upper())
    return tuple(dict.fromkeys(out))


def validate_dyad(_ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise click.BadParameter(f"{value!r} is not two actors separated by a comma, such as RUS,CHN", param=param)
    return parts[0], parts[1]


def validate_modalities(
    _ctx: click.Context, param: click.Parameter, value: tuple[str, ...]
) -> tuple[str, ...] | None:
    """``--modality`` given any number of times, each a name or a comma-separated list; ``all``
    keeps every modality (returned as None); not given, :data:`DEFAULT_MODALITIES`."""
    names = [part.strip().lower() for item in value for part in item.split(",") if part.strip()]
    if not names:
        return DEFAULT_MODALITIES
    if "all" in names:
        return None
    for name in names:
        if name not in MODALITIES:
            raise click.BadParameter(
                f"{name!r} is not a modality; choose from {', '.join(MODALITIES)} or all", param=param
            )
    return tuple(dict.fromkeys(names))


def event_filter_options(function: F) -> F:
    """``--actor --source --target --dyad --country --code --context --root --modality --since --until``."""
    for option in reversed(
        [
            click.option("--actor", help=f"Source or target is this actor: {ACTOR_HELP}."),
            click.option("--source", help=f"The source (who acts) is this actor: {ACTOR_HELP}."),
            click.option("--target", help="The target (who is acted on) is this actor, as for --source."),
            click.option("--dyad", callback=validate_dyad,
                         help="Two actors, comma-separated (RUS,CHN): events between them in either direction."),
            click.option("--country", "countries", multiple=True, callback=validate_countries,
                         help="ISO-3166 alpha-3 code of the source or target; repeatable (or comma-separated) "
                         "for any of several countries."),
            click.option("--code", help="CAMEO code prefix (04 = all consultations, 042 = visits) or a PLOVER type (CONSULT)."),
            click.option("--context", type=click.Choice(all_contexts()),
                         help="Only events of this PLOVER context (what they are about: diplomatic, economic, "
                         "military, legal, ...), from the official CAMEO-to-PLOVER table."),
            click.option("--root", is_flag=True, default=None,
                         help="Only root events: told in the title or the lead paragraph, not background."),
            click.option("--modality", "modalities", multiple=True, callback=validate_modalities,
                         help="Only events of these modalities (repeatable or comma-separated): "
                         f"{', '.join(MODALITIES)}, or all. Default: asserted, what happened as told; "
                         "add reported for what others say happened."),
            click.option("--since", callback=validate_date, help=f"Only events on or after this day {DATE_HELP}"),
            click.option("--until", callback=validate_date, help=f"Only events on or before this day {DATE_HELP}"),
        ]
    ):
        function = option(function)
    return function


def build_filters(
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    dyad: tuple[str, str] | None = None,
    countries: tuple[str, ...] = (),
    code: str | None = None,
    modalities: tuple[str, ...] | None = DEFAULT_MODALITIES,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    context: str | None = None,
    root: bool | None = None,
) -> Filters:
    """The :class:`Filters` of the options :func:`event_filter_options` declares."""
    return Filters(
        actor=actor, source=source, target=target, dyad=dyad, countries=countries, code=code,
        modalities=modalities, since=since, until=until, limit=limit, context=context, root=root or None,
    )


def hidden_note(shown: int, everything: int) -> str | None:
    """A line saying how many events of other modalities were left out, when there are any."""
    hidden = everything - shown
    if hidden <= 0:
        return None
    noun = "event" if hidden == 1 else "events"
    return f"{hidden} more {noun} of other modalities left out (negated, future, reported, ...); --modality all shows them"
