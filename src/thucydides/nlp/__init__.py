"""spaCy: building the pipeline once per process, and our components."""

from thucydides.nlp.pipeline import load_pipeline

__all__ = ["load_pipeline"]
