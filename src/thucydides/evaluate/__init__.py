"""Scoring against gold data (../shared/data): `thucydides eval TASK FILE`."""

from thucydides.evaluate.scores import Counts, Report

__all__ = ["Counts", "Report"]
