"""Build the spaCy pipeline from models/config.cfg once, and run it over many texts."""
from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from importlib.resources import as_file, files

from smartlint.facts import Facts
from smartlint.nlp.doc_mentions import FISCAL_YEAR_START, MENTIONS, REFERENCE_DATE, TEXT, by_start_longest_first


def build_pipeline():
    """Assemble and initialize the pipeline from the packaged config and patterns.

    Importing spaCy and building the pipeline allocate a few hundred thousand objects that live as
    long as the process, so the cyclic garbage collector's full passes over them (two or three,
    50-70 ms each) find nothing to free. The collector is paused during the build and what exists
    afterwards is moved to its permanent generation (gc.freeze), which later full passes skip: in
    a batch these then cost about a quarter as much. Cyclic garbage left from before the build is
    frozen with it and never freed; it is little, as the build happens once at start-up.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build_pipeline()
    finally:
        if collecting:
            gc.freeze()
            gc.enable()


def _build_pipeline():
    """The pipeline of models/config.cfg, its vocabulary's lexeme attribute getters swapped for
    the faster ones of lexeme_attrs (same values) before any word is added, and once the patterns
    are loaded, cut down to the attributes the pipeline reads (attributes_read)."""
    import spacy  # noqa: F401  (lazy: importing spaCy costs about a second)
    from spacy.util import load_config, load_model_from_config

    import smartlint.nlp.components  # noqa: F401  (registers the @Language.factory components)
    import smartlint.nlp.tokenizer  # noqa: F401  (registers the tokenizer of the config)
    from smartlint.nlp.lexeme_attrs import faster_getters, getters_of

    models = files("smartlint.models")
    with as_file(models / "config.cfg") as config_path, as_file(models / "patterns") as patterns:
        config = load_config(config_path, overrides={"paths.patterns": str(patterns)}, interpolate=False)
        nlp = load_model_from_config(config, auto_fill=True, validate=True)
        nlp.vocab.lex_attr_getters = faster_getters(nlp.vocab.lex_attr_getters)
        nlp.initialize()
    # words already in the vocabulary keep every attribute; only the kept ones are ever read
    nlp.vocab.lex_attr_getters = getters_of(nlp.vocab.lex_attr_getters, attributes_read(nlp))
    return nlp


def attributes_read(nlp) -> set[str]:
    """The lexeme attributes computed by a getter that something in the pipeline reads: those the
    rulers' patterns compare, LOWER (Token.lower_ and the PhraseMatchers of the rulers and of
    smartlint_platforms), and the token table's flags. The components read a doc through its
    TokenTable, never a Token's other flags (is_stop, like_url, norm_, ...), which new words
    leave at 0; a ruler given a pattern on one of those says so (PatternRuler._check_attrs_computed)."""
    from smartlint.nlp.token_table import LEXEME_ATTRS_READ

    read = {"LOWER", *LEXEME_ATTRS_READ}
    for _name, component in nlp.pipeline:
        read |= getattr(component, "lexeme_attrs", set())
    return read


class Analyzer:
    """Owns one initialized pipeline; turns texts into Facts."""

    def __init__(self, fiscal_year_start: int = 1, batch_size: int = 256):
        self.nlp = build_pipeline()
        self.fiscal_year_start = fiscal_year_start
        self.batch_size = batch_size

    def analyze(self, text: str, reference_date: dt.date) -> Facts:
        return next(self.analyze_many([(text, reference_date)]))

    def analyze_many(self, items: Iterable[tuple[str, dt.date]]) -> Iterator[Facts]:
        """Analyze (text, reference_date) pairs in order, batched through nlp.pipe."""

        def docs():
            for text, reference_date in items:
                doc = self.nlp.make_doc(text)
                doc.user_data[REFERENCE_DATE] = reference_date
                doc.user_data[FISCAL_YEAR_START] = self.fiscal_year_start
                doc.user_data[TEXT] = text
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=self.batch_size):
            yield facts_of(doc)


def facts_of(doc) -> Facts:
    """The Facts of an analyzed doc. The mention dicts are validated with the Facts in one call,
    which costs a third less than making each Mention first."""
    found = by_start_longest_first(doc.user_data.get(MENTIONS, ()))
    return Facts(text=doc.user_data[TEXT], reference_date=doc.user_data[REFERENCE_DATE], mentions=found)
