"""Stories and event merging (the cross-document stage): seconds per 1,000 articles as the store grows.

    python benchmarks/stories.py [--sizes 1000 5000 10000] [--copies 0.3]

Generates articles from templates of our own (real country names, invented events), a share of
them rewritten copies of earlier ones, each with two coded events, and writes them into a fresh
SQLite store in batches of 32, each followed by the cross-document stage (as ``thucydides ingest``
does), so the time measured is the writer and the stage: tone, MinHash signature, LSH band lookup,
story links and groups, event merging and counts. No spaCy. Prints a table; asserts nothing. Linear growth shows as a flat
"s / 1k articles" column.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from thucydides import crossdoc
from thucydides.records import Actor, Analysis, Event, Plover
from thucydides.store import Store

COUNTRIES = [
    ("France", "FRA"), ("Germany", "DEU"), ("Japan", "JPN"), ("Brazil", "BRA"), ("Kenya", "KEN"),
    ("India", "IND"), ("Egypt", "EGY"), ("Chile", "CHL"), ("Poland", "POL"), ("Vietnam", "VNM"),
    ("Nigeria", "NGA"), ("Canada", "CAN"), ("Turkey", "TUR"), ("Peru", "PER"), ("Ghana", "GHA"),
    ("Norway", "NOR"), ("Mexico", "MEX"), ("Jordan", "JOR"), ("Spain", "ESP"), ("Malaysia", "MYS"),
]
ACTIONS = [("met officials from", "CONSULT", "040", 1.0, 1), ("signed a trade deal with", "AGREE", "057", 8.0, 1),
           ("sent aid to", "AID", "070", 7.0, 2), ("accused", "ACCUSE", "112", -2.0, 3),
           ("imposed sanctions on", "SANCTION", "163", -8.0, 4), ("threatened", "THREATEN", "130", -4.4, 3)]
NOUNS = ("ports budget harvest railway fisheries election pipeline vaccine border mining tariffs drought"
         " refinery bridge grain university satellite coastline currency hospital reservoir ferry customs"
         " wages pension airport dam court schools power grid textile coffee cocoa copper lithium wheat"
         " housing tourism shipyard telecoms bonds inflation census police navy parliament senate clinic"
         " highway water forest wildfire flood locust tender contract loan subsidy levy quota visa").split()
ADJECTIVES = ("northern costly delayed regional annual disputed new larger emergency rural coastal private"
              " fragile national modest ambitious southern eastern western urban temporary overdue secret"
              " revised interim joint local federal provincial historic cheaper faster").split()
VERBS = ("reviewed expanded questioned funded postponed inspected defended criticised approved studied"
         " announced reduced cancelled audited doubled halted relaunched priced tendered blocked backed"
         " delayed challenged renewed drafted leaked debated mapped rebuilt insured").split()
PEOPLE = ("engineers farmers teachers nurses traders miners students drivers judges mayors economists"
          " auditors fishermen pilots lawyers unions investors residents contractors diplomats").split()
TEMPLATES = (
    "{Adj} {noun} figures {verb} by {people} in {place} surprised {people2}.",
    "In {place}, {num} {people} {verb} the {noun} {noun2} after a {adj} review.",
    "The {noun} ministry of {place} {verb} a {adj} {noun2} worth {num} million.",
    "{People} said the {adj} {noun} had {verb} {noun2} prices since {month}.",
    "A {adj} report on {noun} and {noun2} in {place} was {verb} on {month} {num}.",
    "{place} {verb} {num} {noun} permits, while {people} {verb2} the {adj} {noun2}.",
    "Critics of the {noun} deal, mostly {people}, {verb} its {adj} terms.",
    "Data from {place} show {noun} output {verb} as {people} left the {noun2} sector.",
)
MONTHS = "January February March April May June July August September October November December".split()
FOOTER = "Copyright 2025 Harbour Daily. Follow our world desk for more."


def sentence(rng: random.Random) -> str:
    place = rng.choice(COUNTRIES)[0]
    people, people2 = rng.sample(PEOPLE, 2)
    adj = rng.choice(ADJECTIVES)
    return rng.choice(TEMPLATES).format(
        place=place, people=people, people2=people2, People=people.capitalize(), adj=adj, Adj=adj.capitalize(),
        noun=rng.choice(NOUNS), noun2=rng.choice(NOUNS), verb=rng.choice(VERBS), verb2=rng.choice(VERBS),
        num=rng.randrange(2, 900), month=rng.choice(MONTHS),
    )


def make_article(number: int, rng: random.Random, earlier: list[Analysis], copies: float) -> Analysis:
    day = f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}"
    if earlier and rng.random() < copies:
        original = rng.choice(earlier)
        paragraphs = (original.text or "").split("\n\n")
        kept = paragraphs[: max(3, len(paragraphs) - rng.randrange(0, 3))]
        text = "\n\n".join([f"UPDATE {number}: " + kept[0], *kept[1:], FOOTER])
        return Analysis(id=f"a{number:06d}", title=None, date=original.date, url=None, source=f"site{number % 97}",
                        dateline=None, byline=None, language="en", events=original.events, text=text)
    (a_name, a_code), (b_name, b_code) = rng.sample(COUNTRIES, 2)
    verb, plover, cameo, goldstein, quad = rng.choice(ACTIONS)
    lead = f"{a_name} {verb} {b_name} on day {rng.randrange(1, 28)}, officials said."
    paragraphs = [lead] + [" ".join(sentence(rng) for _ in range(3)) for _ in range(rng.randrange(4, 8))]
    source = Actor(text=a_name, name=a_name, code=a_code, country=a_code, sector=None, span=(0, len(a_name)))
    target = Actor(text=b_name, name=b_name, code=b_code, country=b_code, sector=None, span=(0, len(b_name)))
    events = tuple(
        Event(id=f"a{number:06d}-e{i:03d}", sentence_index=i, sentence=lead, span=(0, 5), source=source,
              target=target, cameo=cameo, plover=Plover(plover, None), quad_class=quad, goldstein=goldstein,
              modality="asserted", date=day, date_text=None, location=None, speaker=None, rule="bench")
        for i in range(2)
    )
    return Analysis(id=f"a{number:06d}", title=lead, date=day, url=None, source=f"site{number % 97}",
                    dateline=None, byline=None, language="en", events=events, text="\n\n".join(paragraphs))


def run(size: int, copies: float, folder: Path) -> dict[str, float]:
    rng = random.Random(size)
    articles: list[Analysis] = []
    for number in range(size):
        articles.append(make_article(number, rng, articles[-2000:], copies))
    db = folder / f"stories-{size}.db"
    start = time.perf_counter()
    with Store.open(db) as store:
        for offset in range(0, size, 32):
            store.write(articles[offset : offset + 32])
            crossdoc.update(store)
        elapsed = time.perf_counter() - start
        stories = store.stories()
        merged = store.merged_events()
    return {
        "articles": size,
        "seconds": elapsed,
        "s / 1k articles": elapsed / size * 1000,
        "stories": len(stories),
        "multi-article stories": sum(1 for s in stories if s.size > 1),
        "merged events": len(merged),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--copies", type=float, default=0.3, help="Share of articles that copy an earlier one.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows = [run(size, args.copies, Path(folder)) for size in args.sizes]
    header = list(rows[0])
    print(" | ".join(f"{h:>21}" for h in header))
    for row in rows:
        print(" | ".join(f"{row[h]:>21.3f}" if isinstance(row[h], float) else f"{row[h]:>21}" for h in header))


if __name__ == "__main__":
    main()
