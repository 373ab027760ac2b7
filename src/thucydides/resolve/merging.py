"""Event merging moved to the cross-document stage, :mod:`thucydides.crossdoc.merging`; the
merged-event record the store returns is :class:`thucydides.store.rows.MergedEvent`. The names
stay importable from here."""

from __future__ import annotations

from thucydides.crossdoc.merging import (
    DAY_TOLERANCE,
    KM_TOLERANCE,
    confidence,
    dates_agree,
    day_range,
    merged_id,
    places_agree,
    text_place,
)
from thucydides.store.rows import MergedEvent

__all__ = [
    "DAY_TOLERANCE",
    "KM_TOLERANCE",
    "MergedEvent",
    "confidence",
    "dates_agree",
    "day_range",
    "merged_id",
    "places_agree",
    "text_place",
]
