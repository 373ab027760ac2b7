"""Thucydides: news in, political event data out.

    from thucydides import Settings, analyze_one, read_inputs
    for article in read_inputs(["article.txt"], date="2023-03-17"):
        analysis = analyze_one(article, Settings())
"""

__version__ = "0.1.0"

from thucydides.config import Settings  # noqa: E402
from thucydides.errors import ConfigError, InputError, ResourceError, StoreError, ThucydidesError  # noqa: E402
from thucydides.ingest import read_inputs  # noqa: E402
from thucydides.pipeline import analyze, analyze_one  # noqa: E402
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
    "Event",
    "InputError",
    "Place",
    "Plover",
    "Quote",
    "Rejection",
    "ResourceError",
    "Settings",
    "Stance",
    "StoreError",
    "ThucydidesError",
    "Time",
    "__version__",
    "analyze",
    "analyze_one",
    "read_inputs",
    "to_dict",
    "to_json",
]
