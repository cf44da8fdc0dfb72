"""The NLP pass: text in, Facts out. spaCy is imported only when a pipeline is built."""
from smartlint.nlp.pipeline import Analyzer

__all__ = ["Analyzer"]
