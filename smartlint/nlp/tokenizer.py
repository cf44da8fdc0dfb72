"""The pipeline's tokenizer: spaCy's default one for the language, with a suffix search that finds
what spaCy's compiled suffix regex finds at a fraction of the cost.

spaCy joins the suffix patterns into one regex `p1$|p2$|...` and searches a new word with it, so
every position of the word is tried against every pattern, several of them classes of thousands
of characters: some 7 µs a word, a fifth of tokenizing a goal. Each pattern's match ends where the
word ends (`$`; a word with a final newline, where `$` also matches before it, and a match goes
to the joined regex), so the search finds the match that starts leftmost among all the patterns,
and a pattern `(?:A1|A2|...)` as its alternatives A1, A2, ... would. Most patterns (or
alternatives) are `A` or `(?<=B)A` where A matches strings of one length m, B of one length b, and
neither looks at anything else around it: such a pattern can only match the last m characters,
and only where the word ends in a character A's matches can end with. The patterns of each (m, b) are tried at that
one position, where the word's last character is one of theirs; the others are searched as spaCy
would, in a regex of their own (for English only the ellipsis, two dots or more, of no one length).

The lengths come from models/suffix_widths.json, written by scripts/build_suffix_widths.py (which
compiles each pattern a few times: 100 ms, too slow for start-up); a pattern the file does not
list, as other languages' would be, is searched as spaCy would.
"""
from __future__ import annotations

import json
from functools import cached_property
from importlib.resources import files

from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

def suffix_widths() -> dict[str, list[list] | None]:
    """Suffix pattern -> [[pattern or alternative, m, b, last characters or None], ...] (see
    above), or None for a pattern to search as spaCy would (models/suffix_widths.json)."""
    text = files("smartlint.models").joinpath("suffix_widths.json").read_text(encoding="utf-8")
    return json.loads(text)["entries"]


class SuffixSearch:
    """`search` gives the span spaCy's compile_suffix_regex(suffixes).search gives (as a match
    object with the same start and end), for suffix patterns whose widths are in `widths`."""

    def __init__(self, suffixes: list[str], widths: dict[str, list[list] | None]):
        # spaCy leaves blank patterns out of the joined regex
        self.suffixes = [piece for piece in suffixes if piece.strip()]
        self.pattern = "|".join(piece + "$" for piece in self.suffixes)  # the joined regex's
        by_widths: dict[tuple[int, int], list[str]] = {}
        last_characters: dict[tuple[int, int], set[str] | None] = {}
        searched: list[str] = []
        for piece in self.suffixes:
            entries = widths.get(piece)
            if entries is None:
                searched.append(piece)
            for alternative, width, behind, last in entries or ():
                by_widths.setdefault((width, behind), []).append(alternative)
                known = last_characters.setdefault((width, behind), set())
                last_characters[width, behind] = None if known is None or last is None else known | set(last)
        self._searched = compile_suffix_regex(searched) if searched else None
        # (m, regex, last characters or None), widest m first: of two matches at the end, the wider
        # starts further left
        self._fixed = [(width, compile_suffix_regex(by_widths[width, behind]),
                        None if last_characters[width, behind] is None else frozenset(last_characters[width, behind]))
                       for width, behind in sorted(by_widths, reverse=True)]

    def search(self, string: str):
        found = self._searched.search(string) if self._searched is not None else None
        if string.endswith("\n"):
            return self._search_before_newline(string, found)
        length, last = len(string), string[-1:]
        for width, regex, last_characters in self._fixed:
            start = length - width
            if start < 0 or (found is not None and found.start() <= start):
                continue
            if last_characters is not None and last not in last_characters:
                continue
            match = regex.match(string, start)
            if match is not None:
                return match
        return found

    def _search_before_newline(self, string: str, found):
        """search() of a string with a final newline, before which $ matches too."""
        for width, regex, last_characters in self._fixed:
            for end in (len(string), len(string) - 1):
                start = end - width
                if start < 0 or (found is not None and found.start() <= start):
                    continue
                if last_characters is not None and string[end - 1] not in last_characters:
                    continue
                found = regex.match(string, start) or found
        if found is None:
            return None
        # matches from one start may end at either end; the joined regex's order of patterns
        # picks one (its search has a match wherever this one has)
        return self._joined.search(string)

    @cached_property
    def _joined(self):
        return compile_suffix_regex(self.suffixes)


@registry.tokenizers("smartlint.Tokenizer.v1")
def create_tokenizer():
    """spacy.Tokenizer.v1 with SuffixSearch. The search is given to the Tokenizer when it is made:
    setting tokenizer.suffix_search later re-tokenizes every special case (about 0.1 s)."""

    def tokenizer_factory(nlp) -> Tokenizer:
        defaults = nlp.Defaults
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(prefixes).search if prefixes else None,
            suffix_search=SuffixSearch(suffixes, suffix_widths()).search if suffixes else None,
            infix_finditer=compile_infix_regex(infixes).finditer if infixes else None,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return tokenizer_factory
