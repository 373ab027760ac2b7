"""Event codes: the CAMEO table (Goldstein, quad class, PLOVER crosswalk) and our verb lexicon."""

from thucydides.codes.cameo import CameoCode, cameo_table, quad_class
from thucydides.codes.lexicon import Lexicon, LexiconEntry, NounPattern, VerbPattern, load_lexicon

__all__ = [
    "CameoCode",
    "Lexicon",
    "LexiconEntry",
    "NounPattern",
    "VerbPattern",
    "cameo_table",
    "load_lexicon",
    "quad_class",
]
