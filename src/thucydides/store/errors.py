"""The store's exception, kept importable as ``thucydides.store.StoreError``.

It is the project's ``StoreError`` (``ThucydidesError`` -> ``StoreError``), not a second class.
"""

from __future__ import annotations

from thucydides.errors import StoreError

__all__ = ["StoreError"]
