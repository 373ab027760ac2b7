"""Loading a spaCy pipeline once per process, with our components added."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from thucydides.errors import ConfigError
from thucydides.nlp import components  # noqa: F401  (registers our factories)


@lru_cache(maxsize=2)
def load_pipeline(name: str) -> Language:
    """The named spaCy pipeline (an installed package or a path), with paragraph-aware sentences.

    Cached: one load per process and pipeline name.
    """
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed; install its package or pass --pipeline NAME"
        ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("thucydides_paragraphs_v1", before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe("thucydides_paragraphs_v1", before="senter")
    return nlp
