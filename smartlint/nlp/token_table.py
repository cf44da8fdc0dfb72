"""A doc's tokens as plain Python lists, built once per doc and shared by the components.

`doc[i]` builds a new spaCy Token object on every call (about a microsecond each), and the
components look at each token several times; reading lists of ints and strings instead costs a
list index. The table is read from one `doc.to_array` call (each call costs about 5 µs, so every
column any component needs is read in the same one) and slices of the doc's text.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from operator import add

from spacy.attrs import IS_PUNCT, LENGTH, LIKE_NUM, ORTH, SENT_START, SPACY

from smartlint.nlp.doc_mentions import doc_text

TABLE = "smartlint.token_table"
# The flags spaCy computes with a plain str method (is_alpha is str.isalpha, is_digit isdigit,
# is_space isspace, is_title istitle) are not copied: the components call the method on the text.
_COLUMNS = [ORTH, LENGTH, SPACY, LIKE_NUM, IS_PUNCT, SENT_START]
# The lexeme attributes of those columns that spaCy computes with a lexeme attribute getter (ORTH
# and LENGTH it sets itself): the pipeline keeps these getters (pipeline.attributes_read).
LEXEME_ATTRS_READ = ("LIKE_NUM", "IS_PUNCT")


class TokenTable:
    """Per token i: orth[i] (the ORTH id), text[i], lower[i] (Token.lower_), idx[i] (character
    offset), ws[i] (1 when a space follows: Token.whitespace_), like_num[i] and is_punct[i]
    (spaCy's flags, 1/0) and sent_start[i] (1 where Token.is_sent_start is True; the tokenizer does
    not always set it on the first token). The doc has n tokens; source is its text."""

    __slots__ = ("source", "n", "orth", "text", "lower", "idx", "ws", "like_num", "is_punct", "sent_start")

    def __init__(self, doc, text: str):
        self.source = text
        columns = doc.to_array(_COLUMNS).T.tolist() if len(doc) else [[]] * len(_COLUMNS)
        self.orth, lengths, self.ws, self.like_num, self.is_punct, self.sent_start = columns
        self.n = len(lengths)
        # tokens and their trailing spaces tile the text, so offsets are running sums
        idx = self.idx = list(accumulate(map(add, lengths, self.ws), initial=0))
        idx.pop()
        self.text = [text[start:start + length] for start, length in zip(idx, lengths)]
        # spaCy's LOWER is str.lower() of the token; lowering ASCII maps each character on its own
        if text.isascii():
            lowered = text.lower()
            self.lower = [lowered[start:start + length] for start, length in zip(idx, lengths)]
        else:
            self.lower = [token.lower() for token in self.text]

    def end_char(self, i: int) -> int:
        """The character offset just past token i."""
        return self.idx[i] + len(self.text[i])

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens start..end-1 (Span.text)."""
        return self.source[self.idx[start]:self.end_char(end - 1)]

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens doc.char_span(start, end, alignment_mode="expand") would cover, as (first,
        end), or None where it gives None; without making a Span."""
        starts = self.idx
        length = len(self.source)  # the tokens tile the text: each runs to the next one's offset

        def token_at(char: int) -> int:
            return bisect_right(starts, char) - 1 if 0 <= char < length else -1

        first, last = token_at(start), token_at(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.end_char(first):  # in the whitespace after a token
            first += 1
        if first > last + 1:
            raise IndexError(f"no tokens between characters {start} and {end}")  # as Span would
        return first, last + 1


def token_table(doc) -> TokenTable:
    table = doc.user_data.get(TABLE)
    if table is None:
        table = doc.user_data[TABLE] = TokenTable(doc, doc_text(doc))
    return table
