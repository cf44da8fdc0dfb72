"""A pattern ruler for marking candidate spans: SpanRuler's JSONL pattern format, without its
per-document bookkeeping (filtering, ent handling), which cost more than the matching itself.

Patterns are loaded at initialize (from models/patterns/*.jsonl through the config); a ruler that
was never initialized has no patterns and says so when asked to label a document.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Span


class PatternRuler:
    def __init__(self, nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str):
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.phrase_matcher_attr = phrase_matcher_attr
        self.patterns: list[dict] = []
        self._label_and_id: dict[int, tuple[int, int]] = {}
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr=phrase_matcher_attr, validate=True)

    def __len__(self) -> int:
        return len(self.patterns)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({pattern["label"] for pattern in self.patterns}))

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   patterns: Iterable[dict] | None = None) -> None:
        self.patterns = []
        self._label_and_id = {}
        self.matcher = Matcher(self.nlp.vocab, validate=True)
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr=self.phrase_matcher_attr, validate=True)
        self.add_patterns(patterns or [])

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        phrases: dict[str, list[str]] = {}
        strings = self.nlp.vocab.strings
        for pattern in patterns:
            label, body, pattern_id = pattern["label"], pattern["pattern"], pattern.get("id", "")
            # the matcher knows one key per pattern group; label and id are recovered from it
            key = f"{label}\x1f{pattern_id}"
            self._label_and_id[strings.add(key)] = (strings.add(label), strings.add(pattern_id))
            if isinstance(body, str):
                phrases.setdefault(key, []).append(body)
            else:
                self.matcher.add(key, [body])
            self.patterns.append(pattern)
        for key, texts in phrases.items():
            self.phrase_matcher.add(key, list(self.nlp.tokenizer.pipe(texts)))

    def __call__(self, doc):
        matches = self.matcher(doc)
        matches.extend(self.phrase_matcher(doc))
        matches.sort(key=lambda match: (match[1], match[2]))
        label_and_id = self._label_and_id
        doc.spans[self.spans_key] = [
            Span(doc, start, end, label=label_and_id[key][0], span_id=label_and_id[key][1])
            for key, start, end in matches
        ]
        return doc


@Language.factory("smartlint_ruler", default_config={"phrase_matcher_attr": "LOWER"})
def make_ruler(nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str) -> PatternRuler:
    return PatternRuler(nlp, name, spans_key, phrase_matcher_attr)
