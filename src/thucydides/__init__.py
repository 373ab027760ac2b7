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

from typing import TYPE_CHECKING  # noqa: E402

from thucydides.config import Settings  # noqa: E402
from thucydides.errors import ConfigError, InputError, ResourceError, StoreError, ThucydidesError  # noqa: E402
from thucydides.ingest import read_inputs  # noqa: E402
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

if TYPE_CHECKING:
    from thucydides.notebook import Database, Records, analyze, open
    from thucydides.pipeline import analyze as analyze_articles
    from thucydides.pipeline import analyze_one

_LAZY = {
    "Database": ("thucydides.notebook", "Database"),
    "Records": ("thucydides.notebook", "Records"),
    "analyze": ("thucydides.notebook", "analyze"),
    "open": ("thucydides.notebook", "open"),
    "analyze_articles": ("thucydides.pipeline", "analyze"),
    "analyze_one": ("thucydides.pipeline", "analyze_one"),
}
"""Names imported when first used: the pipeline brings spaCy, the notebook API the store and
pandas' friends, and a command that needs neither (``thucydides events``) should not wait for them."""


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'thucydides' has no attribute {name!r}")
    import importlib

    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
