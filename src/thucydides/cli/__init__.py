"""The command line: one module per command, each thin (parse flags, build options, call the library).

Every error a user can cause is one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import importlib
import sys

import click

from thucydides import __version__
from thucydides.errors import ThucydidesError

COMMANDS: dict[str, str] = {
    "actor": "thucydides.cli.actor:actor_command",
    "analyze": "thucydides.cli.analyze:analyze_command",
    "ingest": "thucydides.cli.ingest:ingest_command",
    "eval": "thucydides.cli.evaluate:eval_group",
    "events": "thucydides.cli.query:events_command",
    "event": "thucydides.cli.event:event_command",
    "explain": "thucydides.cli.explain:explain_command",
    "quotes": "thucydides.cli.query:quotes_command",
    "stances": "thucydides.cli.stances:stances_command",
    "stats": "thucydides.cli.stats:stats_command",
    "dyads": "thucydides.cli.dyads:dyads_command",
    "counts": "thucydides.cli.counts:counts_command",
    "export": "thucydides.cli.export:export_command",
    "stories": "thucydides.cli.stories:stories_command",
    "watch": "thucydides.cli.watch:watch_command",
    "schema": "thucydides.cli.schema:schema_command",
    "crossdoc": "thucydides.cli.crossdoc:crossdoc_command",
    "serve": "thucydides.cli.serve:serve_command",
    "config": "thucydides.cli.config:config_command",
}
"""Each command's name and where it lives. A command's module (and what it imports: the store,
trafilatura, httpx, rich) is imported only when that command runs or help lists it, so
``thucydides analyze`` does not pay for ``watch``."""


class CommandGroup(click.Group):
    """A group whose commands are imported when first asked for (click's lazy-group pattern)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, name = COMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(module), name)
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def all_commands(self) -> dict[str, click.Command]:
        """Every command by name, each imported."""
        context = click.Context(self)
        return {name: command for name in self.list_commands(context) if (command := self.get_command(context, name))}


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="thucydides")
def cli() -> None:
    """Thucydides: news in, political event data out.

    Who did what to whom (CAMEO and PLOVER codes), who said what, with every event linked to
    its sentence and the lexicon rule that coded it.

    \b
    Start with:
      thucydides analyze article.txt          events as JSON Lines
      thucydides ingest samples/               into ./thucydides.db
      thucydides events --country RUS          query what was stored
    """


def main(argv: list[str] | None = None) -> None:
    """Entry point: runs the CLI, turning our errors into one line and exit code 1."""
    try:
        cli.main(args=argv, prog_name="thucydides", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except ThucydidesError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as error:  # a full disk, a device that fails while the output is written
        where = f"{error.filename}: " if error.filename else ""
        try:
            click.echo(f"error: {where}{error.strerror or error}", err=True)
        except OSError:
            pass
        sys.exit(1)
