"""Following news feeds: fetch politely (``fetch``), read feeds and key pages by URL (``feeds``),
and run rounds that analyse and store each new or changed page (``follow``)."""

from thucydides.watch.fetch import FetchOptions
from thucydides.watch.follow import RoundSummary, watch_round

__all__ = ["FetchOptions", "RoundSummary", "watch_round"]
