"""Thucydides: news in, political event data out.

    import thucydides
    analysis = thucydides.analyze("Japan imposed sanctions on North Korea.", date="2025-03-04")
    with thucydides.open("demo.db") as db:
        frame = db.events(country="RUS").to_pandas()

    from thucydides import Settings, analyze_articles, read_inputs
    for article, analysis in analyze_articles(read_inputs(["article.txt"], date="2023-03-17"), Settings()):
        ...
"""

__version__ = "0.1.0"

from thucydides.config import Settings  # noqa: E402
from thucydides.errors import ConfigError, InputError, ResourceError, StoreError, ThucydidesError  # noqa: E402
from thucydides.ingest import read_inputs  # noqa: E402
from thucydides.notebook import Database, Records, analyze, open  # noqa: E402
from thucydides.pipeline import analyze as analyze_articles  # noqa: E402
from thucydides.pipeline import analyze_one  # noqa: E402
from thucydides.records import (  # noqa: E402
    Actor,
    Analysis,
    Article,
    Event,
    Place,
    Plover,
    Quote,
    Rejection,
    Stance,
    Time,
    to_dict,
    to_json,
)

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "ConfigError",
    "Database",
    "Event",
    "InputError",
    "Place",
    "Plover",
    "Quote",
    "Records",
    "Rejection",
    "ResourceError",
    "Settings",
    "Stance",
    "StoreError",
    "ThucydidesError",
    "Time",
    "__version__",
    "analyze",
    "analyze_articles",
    "analyze_one",
    "open",
    "read_inputs",
    "to_dict",
    "to_json",
]
