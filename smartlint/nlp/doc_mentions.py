"""How components hand normalized mentions down the pipeline.

Each component appends plain dicts (the fields of smartlint.facts.Mention) to the doc's user_data,
so no global spaCy extension attributes are needed and nothing spaCy-specific leaves the pass.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import Any, NamedTuple

MENTIONS = "smartlint.mentions"
REFERENCE_DATE = "smartlint.reference_date"
FISCAL_YEAR_START = "smartlint.fiscal_year_start"
TEXT = "smartlint.text"
TOKEN_COLUMNS = "smartlint.token_columns"
WORDS = "smartlint.words"
RULER_MATCHES = "smartlint.ruler_matches"  # user_data key (RULER_MATCHES, spans_key)


def mentions(doc) -> list[dict[str, Any]]:
    return doc.user_data.setdefault(MENTIONS, [])


def doc_text(doc) -> str:
    """The doc's text. doc.text is rebuilt from every token on each access (quadratic when called
    per mention on a long text), so one copy is kept per doc."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def _token_columns(doc) -> list[list[int]]:
    """ORTH, IDX, LENGTH and SPACY of every token, as four lists, read by one to_array per doc
    (each to_array call costs about 5 µs, and spaCy makes a new Token object on every doc[i])."""
    columns = doc.user_data.get(TOKEN_COLUMNS)
    if columns is None:
        from spacy.attrs import IDX, LENGTH, ORTH, SPACY

        columns = doc.to_array([ORTH, IDX, LENGTH, SPACY]).T.tolist() if len(doc) else [[], [], [], []]
        doc.user_data[TOKEN_COLUMNS] = columns
    return columns


def doc_orths(doc) -> list[int]:
    """The ORTH ids of the doc's tokens (the tokens are not changed by any component)."""
    return _token_columns(doc)[0]


def doc_words(doc) -> tuple[list[str], list[int], list[int]]:
    """The tokens' texts, their character offsets and 1 where a space follows a token, 0 where not."""
    words = doc.user_data.get(WORDS)
    if words is None:
        _orths, starts, lengths, spaced = _token_columns(doc)
        text = doc_text(doc)
        # a token's text is the doc text at its offset: the tokenizer only splits the text
        texts = [text[start:start + length] for start, length in zip(starts, lengths)]
        words = doc.user_data[WORDS] = (texts, starts, spaced)
    return words


def token_range(doc, start: int, end: int) -> tuple[int, int] | None:
    """The tokens doc.char_span(start, end, alignment_mode="expand") would cover, as (first, end),
    or None where it gives None; read from doc_words, without making a Span."""
    texts, starts, _spaced = doc_words(doc)
    length = len(doc_text(doc))  # the tokens tile the text: each runs to the next one's offset

    def token_at(char: int) -> int:
        return bisect_right(starts, char) - 1 if 0 <= char < length else -1

    first, last = token_at(start), token_at(end - 1)
    if first < 0 or last < 0:
        return None
    if start == starts[first] + len(texts[first]):  # in the whitespace after a token
        first += 1
    if first > last + 1:
        raise IndexError(f"no tokens between characters {start} and {end}")  # as Span would
    return first, last + 1


class RulerMatch(NamedTuple):
    """A span a pattern ruler marked: tokens start..end, the pattern's label and id."""

    start: int
    end: int
    label: str
    id: str


def ruler_matches(doc, spans_key: str) -> list[RulerMatch]:
    """What the ruler with `spans_key` matched, ordered by span: the tuples it left with set_spans
    off, else its Spans read into tuples."""
    found = doc.user_data.get((RULER_MATCHES, spans_key))
    if found is None:
        found = [RulerMatch(span.start, span.end, span.label_, span.id_)
                 for span in doc.spans.get(spans_key, ())]
    return found


def add_mention(doc, label: str, start: int, end: int, **fields: Any) -> dict[str, Any]:
    """Record a mention covering doc.text[start:end] (character offsets)."""
    mention = {"label": label, "start": start, "end": end, "text": doc_text(doc)[start:end], **fields}
    mentions(doc).append(mention)
    return mention


def reference_date(doc) -> dt.date:
    return doc.user_data.get(REFERENCE_DATE) or dt.date.today()


def fiscal_year_start(doc, default: int = 1) -> int:
    return doc.user_data.get(FISCAL_YEAR_START) or default
