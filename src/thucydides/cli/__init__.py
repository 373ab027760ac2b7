"""The command line: one module per command, each thin (parse flags, build options, call the library).

Every error a user can cause is one line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import sys

import click

from thucydides import __version__
from thucydides.cli.actor import actor_command
from thucydides.cli.counts import counts_command
from thucydides.cli.crossdoc import crossdoc_command
from thucydides.cli.analyze import analyze_command
from thucydides.cli.config import config_command
from thucydides.cli.dyads import dyads_command
from thucydides.cli.event import event_command
from thucydides.cli.evaluate import eval_group
from thucydides.cli.explain import explain_command
from thucydides.cli.export import export_command
from thucydides.cli.ingest import ingest_command
from thucydides.cli.query import events_command, quotes_command
from thucydides.cli.schema import schema_command
from thucydides.cli.serve import serve_command
from thucydides.cli.stances import stances_command
from thucydides.cli.stats import stats_command
from thucydides.cli.stories import stories_command
from thucydides.cli.watch import watch_command
from thucydides.errors import ThucydidesError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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


cli.add_command(actor_command)
cli.add_command(analyze_command)
cli.add_command(ingest_command)
cli.add_command(eval_group)
cli.add_command(events_command)
cli.add_command(event_command)
cli.add_command(explain_command)
cli.add_command(quotes_command)
cli.add_command(stances_command)
cli.add_command(stats_command)
cli.add_command(dyads_command)
cli.add_command(counts_command)
cli.add_command(export_command)
cli.add_command(stories_command)
cli.add_command(crossdoc_command)
cli.add_command(watch_command)
cli.add_command(schema_command)
cli.add_command(serve_command)
cli.add_command(config_command)


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
