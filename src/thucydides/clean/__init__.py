"""Cleaning without rewriting: find what is not article text (boilerplate, dateline, credits).

Excluded regions are *masked* (replaced by spaces of the same length) in the text given to the
parser, so every offset still points into the input text and nothing excluded yields a record.
"""

from thucydides.clean.cleaned import Cleaned, clean

__all__ = ["Cleaned", "clean"]
