"""The public API: what `thucydides` exports is importable and listed in __all__."""

from __future__ import annotations

import thucydides


def test_all_names_are_exported_and_sorted() -> None:
    assert thucydides.__all__ == sorted(thucydides.__all__, key=str.casefold) or thucydides.__all__ == sorted(thucydides.__all__)
    for name in thucydides.__all__:
        assert hasattr(thucydides, name), name


def test_errors_form_one_tree() -> None:
    for error in (thucydides.InputError, thucydides.ConfigError, thucydides.ResourceError, thucydides.StoreError):
        assert issubclass(error, thucydides.ThucydidesError)
