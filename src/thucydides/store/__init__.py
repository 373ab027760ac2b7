"""The SQLite store: analyses in, events, quotes and counts out.

    with Store.open("events.db") as store:
        summary = store.write(analyses)
        rows = store.events(Filters(country="ARN", code="04"))
"""

from thucydides.store.errors import StoreError
from thucydides.store.rows import EventRow, Filters, QuoteRow, Stats, StoredArticle, StoredEvent, WriteSummary
from thucydides.store.sqlite import ArticleRows, Store, Unbuildable, article_rows

__all__ = [
    "ArticleRows", "EventRow", "Filters", "QuoteRow", "Stats", "Store", "StoreError", "StoredArticle", "StoredEvent",
    "Unbuildable", "WriteSummary", "article_rows",
]
