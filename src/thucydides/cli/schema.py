"""`thucydides schema`: the JSON Schema of what the JSON outputs hold, generated from the records."""

from __future__ import annotations

import json

import click

from thucydides.contract import json_schema
from thucydides.records import Analysis
from thucydides.store.rows import StoredEvent

SCHEMAS: dict[str, tuple[type, str]] = {
    "analysis": (Analysis, "thucydides analysis: one object per article, as `thucydides analyze` prints it"),
    "event": (StoredEvent, "thucydides event: one stored event, as `thucydides events --format json` prints it"),
}


def schema_text(name: str) -> str:
    """The schema ``name`` as the file ``docs/schema/NAME.schema.json`` holds it."""
    record, title = SCHEMAS[name]
    return json.dumps(json_schema(record, title=title), indent=2, ensure_ascii=False) + "\n"


@click.command("schema")
@click.argument("record", type=click.Choice(list(SCHEMAS)), default="analysis")
def schema_command(record: str) -> None:
    """Print the JSON Schema (draft 2020-12) of RECORD: analysis (what `analyze` prints) or event
    (what `events --format json` prints). It is generated from the record classes."""
    click.echo(schema_text(record), nl=False)
