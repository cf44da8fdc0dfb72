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
import re
from collections.abc import Callable
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
        # (m, b) -> look-behind B or None -> the alternatives A that look behind at B
        by_widths: dict[tuple[int, int], dict[str | None, list[str]]] = {}
        last_characters: dict[tuple[int, int], set[str] | None] = {}
        searched: list[str] = []
        for piece in self.suffixes:
            entries = widths.get(piece)
            if entries is None:
                searched.append(piece)
            for alternative, width, behind, last in entries or ():
                look_behind, matched = split_look_behind(alternative)
                by_widths.setdefault((width, behind), {}).setdefault(look_behind, []).append(matched)
                known = last_characters.setdefault((width, behind), set())
                last_characters[width, behind] = None if known is None or last is None else known | set(last)
        self._searched = compile_suffix_regex(searched) if searched else None
        # (m, regex, last characters or None), widest m first: of two matches at the end, the wider
        # starts further left
        self._fixed = [(width, _one_width_regex(by_widths[width, behind]),
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


def skipping_words(search: Callable, verified: bool, nothing):
    """`search` (the prefix search, infix finditer or URL match) answering `nothing` at once for a
    word of ASCII letters and digits alone, where it cannot find anything: every English prefix
    and infix pattern takes a character that is neither (punctuation, a symbol, a sign), and a URL
    has a dot, which test_nlp_tokenizer checks against spaCy's. Where the patterns are not
    English's (not `verified`), `search` itself. Most new words are such ("2952", "Nordics"), and
    the searches try classes of thousands of ranges at every position: about 2 µs a word for the
    infixes."""
    if not verified:
        return search

    def search_skipping_words(string: str):
        if string.isascii() and string.isalnum():
            return nothing
        return search(string)
    return search_skipping_words


def _one_width_regex(alternatives: dict[str | None, list[str]]) -> re.Pattern:
    """`(?:(?<=B1)(?:A1|A2|...)|...)$` of alternatives A of one length m grouped by look-behind B.

    Matched at the one place they can match, m characters before the end, every alternative that
    matches gives the same span, so their order does not matter, and each look-behind is tried
    once instead of once per alternative (the units after a digit are some fifty alternatives
    behind one [0-9]): a third of the cost of the search."""
    groups = [("" if behind is None else f"(?<={behind})") + "(?:" + "|".join(matched) + ")"
              for behind, matched in alternatives.items()]
    return re.compile("(?:" + "|".join(groups) + ")$")


def structure(pattern: str):
    """(index, token) of the pattern's text outside character classes: each character, each escape
    (two characters) and "[]" for each class."""
    in_class, i = False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if not in_class:
                yield i, pattern[i:i + 2]
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            yield i, "[]"
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":
                i += 1  # a "]" first in a class is literal
        else:
            yield i, char
        i += 1


def split_look_behind(pattern: str) -> tuple[str | None, str]:
    """(B, M) of a pattern `(?<=B)M`, or (None, pattern)."""
    if pattern.startswith("(?<="):
        depth = 0
        for i, char in structure(pattern):
            depth += (char == "(") - (char == ")")
            if depth == 0:
                return pattern[4:i], pattern[i + 1:]
    return None, pattern


@registry.tokenizers("smartlint.Tokenizer.v1")
def create_tokenizer():
    """spacy.Tokenizer.v1 with SuffixSearch. The search is given to the Tokenizer when it is made:
    setting tokenizer.suffix_search later re-tokenizes every special case (about 0.1 s)."""

    def tokenizer_factory(nlp) -> Tokenizer:
        from spacy.lang.en import English

        defaults = nlp.Defaults
        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        english = English.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=skipping_words(compile_prefix_regex(prefixes).search,
                                         list(prefixes) == list(english.prefixes), None) if prefixes else None,
            suffix_search=SuffixSearch(suffixes, suffix_widths()).search if suffixes else None,
            infix_finditer=skipping_words(compile_infix_regex(infixes).finditer,
                                          list(infixes) == list(english.infixes), ()) if infixes else None,
            token_match=defaults.token_match,
            url_match=skipping_words(defaults.url_match, defaults.url_match is english.url_match,
                                     None) if defaults.url_match else None,
        )

    return tokenizer_factory
