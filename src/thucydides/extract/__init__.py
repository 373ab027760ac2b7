"""Extraction over a parsed Doc: events, quotes (and, later, times, places, stances)."""

from thucydides.extract.candidate import Candidate
from thucydides.extract.events import find_candidates
from thucydides.extract.quotes import QuoteMatch, find_quotes

__all__ = ["Candidate", "QuoteMatch", "find_candidates", "find_quotes"]
