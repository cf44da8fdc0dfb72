"""A pattern ruler for marking candidate spans: SpanRuler's JSONL pattern format, without its
per-document bookkeeping (filtering, ent handling), which cost more than the matching itself.

Patterns are loaded at initialize (from models/patterns/*.jsonl through the config); a ruler that
was never initialized has no patterns and says so when asked to label a document.

spaCy's Matcher re-evaluates every pattern's predicates on every token of every document (a REGEX
predicate runs a Python regex each time). Most token patterns here are fixed sequences of
conditions on the word itself (LOWER, SHAPE, LIKE_NUM, IS_DIGIT, LENGTH, ...), which hold for a
word wherever it occurs; for those the ruler asks a Matcher once per distinct word which conditions
the word meets, remembers the answer as a bit mask, and matches the sequences on the masks. Other
patterns (operators, context attributes) stay with spaCy's Matcher, which then runs only on
documents where one of them can start.

A ruler whose runs_for names later rulers matches their patterns in its own pass (the pipeline's
quantity_ruler runs for the time and lexicon rulers): all of their word conditions go into one
WordConditions, so a doc's word masks are read once and a new word is looked up once, and the
rulers it ran for find their matches made and leave the doc as it is. Their phrases go into one
PhraseMatcher under each ruler's own keys, whose matches are dealt out to the rulers by key.

The matches go to doc.spans[spans_key] as Spans or, with set_spans off, to the doc's user_data as
RulerMatch tuples; doc_mentions.ruler_matches reads either. A Span costs about half a microsecond to
make and about a microsecond again each time its SpanGroup is iterated, which the tuples avoid.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import reduce
from operator import itemgetter, or_
from typing import NamedTuple

from spacy.attrs import IDS, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Span

from smartlint.nlp.doc_mentions import RULER_MATCHES, RulerMatch
from smartlint.nlp.token_table import token_table
from smartlint.nlp.word_conditions import LEXEME_ATTRS, WordConditions, is_word_level

# Token attributes spaCy computes for a new word with one of the vocabulary's lexeme attribute
# getters (not ORTH and LENGTH, which it sets itself, nor the token's own annotations)
GETTER_ATTRS = frozenset(LEXEME_ATTRS) - {"ORTH", "TEXT", "LENGTH"} | {"NORM", "LANG"}
BY_SPAN = itemgetter(1, 2)  # (key, start, end) by (start, end)
MATCHED_IN_PASS = "smartlint.rulers_matched"  # user_data: names of the rulers a pass has matched


class TokenSequences:
    """A ruler's token patterns compiled against word conditions, which may be shared with other
    rulers (each pattern's specs get the shared conditions' bits), matched on a doc's word masks.

    Matches come out as spaCy's Matcher alone would give them: the ruler sorts them by span, and
    spans found by both kinds could only tie if they began on the same token, so a document where
    one token can start both kinds goes through a Matcher holding everything.
    """

    def __init__(self, vocab, token_patterns: list[tuple[str, list]], conditions: WordConditions):
        self.full_matcher = Matcher(vocab, validate=True)
        for key, body in token_patterns:
            self.full_matcher.add(key, [body])
        fixed = [(key, body) for key, body in token_patterns if all(map(is_word_level, body))]
        other = [(key, body) for key, body in token_patterns if not all(map(is_word_level, body))]
        if not all(is_word_level(body[0]) for _key, body in other):
            fixed, other = [], token_patterns  # no telling where those can start: Matcher only
        # (key, bit of the first token's condition, bits of the others), in added order
        self.sequences: list[tuple[int, int, list[int]]] = []
        self.sequence_starts = 0  # bits of conditions a fixed sequence starts with
        self._sequences_starting: dict[int, list[tuple[int, list[int]]]] = {}  # by a word's mask
        for key, body in fixed:
            bits = [conditions.add(spec) for spec in body]
            self.sequences.append((vocab.strings.add(key), bits[0], bits[1:]))
            self.sequence_starts |= bits[0]
        self.matcher = Matcher(vocab, validate=True)
        for key, body in other:
            self.matcher.add(key, [body])
        self.matcher_starts = 0  # bits of first conditions of the Matcher's patterns, when known
        if fixed and other:
            for _key, body in other:
                self.matcher_starts |= conditions.add(body[0])

    def matches(self, doc, masks: list[int], any_mask: int) -> list[tuple[int, int, int]]:
        """(key, start, end) of the doc whose words have `masks` (`any_mask` is their OR)."""
        if not self.sequences:
            return self.matcher(doc)  # (if it is empty, it warns (W036) and finds nothing)
        matches = []
        sequence_starts, matcher_starts = self.sequence_starts, self.matcher_starts
        if any_mask & matcher_starts:
            if any(m & matcher_starts and m & sequence_starts for m in masks):
                return self.full_matcher(doc)
            matches = self.matcher(doc)
        if not any_mask & sequence_starts:
            return matches
        n = len(masks)
        seen = set()
        starting = self._sequences_starting
        for i in [i for i, mask in enumerate(masks) if mask & sequence_starts]:
            mask = masks[i]
            candidates = starting.get(mask)
            if candidates is None:
                # in added order: the order ties come out in
                candidates = starting[mask] = [(key, rest) for key, first, rest in self.sequences
                                               if mask & first]
            for key, rest in candidates:
                if i + len(rest) >= n:
                    continue
                k = i
                for bit in rest:
                    k += 1
                    if not masks[k] & bit:
                        break
                else:
                    if (key, i, k + 1) not in seen:  # the Matcher reports a span once per key
                        seen.add((key, i, k + 1))
                        matches.append((key, i, k + 1))
        return matches


class RulersPass(NamedTuple):
    """What a ruler matches a doc with: its own and the compiled patterns of the rulers it runs for
    (`matched`: their names), on word conditions shared by all of them, and PhraseMatchers holding
    all of their phrases under the rulers' own keys."""

    runs_for: tuple[str, ...]
    matched: frozenset[str]
    revisions: list[int]  # of the rulers' patterns when compiled
    conditions: WordConditions
    compiled: list[tuple[PatternRuler, TokenSequences]]
    # (matcher, its key -> the place in `compiled` of the ruler with that key)
    phrase_matchers: list[tuple[PhraseMatcher, dict[int, int]]]


def phrase_matchers(vocab, rulers: Sequence[PatternRuler]) -> list[tuple[PhraseMatcher, dict]]:
    """The rulers' phrases in one PhraseMatcher per attribute compared, under the rulers' own keys.

    The matches on one span come out in the order of the keys in the trie node where the phrase
    ends, which follows the keys' hashes and what else the node holds. A ruler's matches keep
    the order of its own PhraseMatcher as long as a phrase of several rulers has one key in each;
    a ruler that would break that, or that shares a key with one before it, gets a PhraseMatcher
    of its own.
    """
    # (attribute, matcher, its key -> the place of the ruler with that key,
    #  its phrases -> the most keys one ruler has for the phrase)
    matchers: list[tuple[str, PhraseMatcher, dict[int, int], dict[tuple[int, ...], int]]] = []
    for place, ruler in enumerate(rulers):
        attr = ruler.phrase_matcher_attr
        keys_of: dict[tuple[int, ...], set[int]] = {}
        for key, patterns in ruler._phrases:
            for pattern in patterns:
                keys_of.setdefault(phrase_ids(pattern, attr), set()).add(vocab.strings.add(key))
        keys = set().union(*keys_of.values())
        shared = [(matcher, owner, most) for each_attr, matcher, owner, most in matchers
                  if each_attr == attr and not keys & owner.keys() and all(
                      len(phrase_keys) == 1 and most[phrase] == 1
                      for phrase, phrase_keys in keys_of.items() if phrase in most)]
        if shared:
            matcher, owner, most = shared[0]
        else:
            matcher, owner, most = PhraseMatcher(vocab, attr=attr, validate=True), {}, {}
            matchers.append((attr, matcher, owner, most))
        for phrase, phrase_keys in keys_of.items():
            most[phrase] = max(most.get(phrase, 0), len(phrase_keys))
        for key, patterns in ruler._phrases:
            owner[vocab.strings.add(key)] = place
            matcher.add(key, patterns)
    return [(matcher, owner) for _attr, matcher, owner, _most in matchers if len(matcher)]


def phrase_ids(pattern, attr: str) -> tuple[int, ...]:
    """A PhraseMatcher pattern (a Doc, or the words' attribute hashes) as the hashes it matches."""
    if isinstance(pattern, list):
        return tuple(pattern)
    return tuple(pattern.to_array(attr.upper()).tolist())


class PatternRuler:
    """A ruler; with `runs_for` naming later rulers of the pipeline, it matches their patterns too
    in its own pass over a doc (one word-mask computation for all of them), and those rulers
    then find their matches already made."""

    def __init__(self, nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str,
                 set_spans: bool = True, runs_for: Sequence[str] = ()):
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.phrase_matcher_attr = phrase_matcher_attr
        self.set_spans = set_spans
        self.runs_for = tuple(runs_for)
        self.patterns: list[dict] = []
        self._label_and_id: dict[int, tuple[int, int]] = {}
        self._names_of_key: dict[int, tuple[str, str]] = {}
        self._phrases: list[tuple[str, list]] = []  # (key, PhraseMatcher patterns), in added order
        self._revision = 0
        self._pass: RulersPass | None = None
        self._set_token_patterns([])

    def __len__(self) -> int:
        return len(self.patterns)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted({pattern["label"] for pattern in self.patterns}))

    @property
    def lexeme_attrs(self) -> set[str]:
        """The token attributes (LOWER, SHAPE, IS_DIGIT, ...) the patterns compare."""
        names = {self.phrase_matcher_attr.upper()} if self._phrases else set()
        for _key, body in self._token_patterns:
            for spec in body:
                names.update(name.upper() for name in spec if name.upper() != "OP")
        return {"ORTH" if name == "TEXT" else name for name in names}

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   patterns: Iterable[dict] | None = None) -> None:
        self.patterns = []
        self._label_and_id = {}
        self._names_of_key = {}
        self._phrases = []
        self._set_token_patterns([])
        self.add_patterns(patterns or [])

    def add_patterns(self, patterns: Iterable[dict]) -> None:
        phrases: dict[str, list[str]] = {}
        token_patterns = list(self._token_patterns)
        strings = self.nlp.vocab.strings
        for pattern in patterns:
            label, body, pattern_id = pattern["label"], pattern["pattern"], pattern.get("id", "")
            # the matcher knows one key per pattern group; label and id are recovered from it
            key = f"{label}\x1f{pattern_id}"
            self._label_and_id[strings.add(key)] = (strings.add(label), strings.add(pattern_id))
            self._names_of_key[strings.add(key)] = (label, pattern_id)
            if isinstance(body, str):
                phrases.setdefault(key, []).append(body)
            else:
                Matcher(self.nlp.vocab, validate=True).add(key, [body])  # a bad pattern fails here
                token_patterns.append((key, body))
            self.patterns.append(pattern)
        for key, texts in phrases.items():
            self._phrases.append((key, phrase_patterns(self.nlp, self.phrase_matcher_attr, texts)))
        self._set_token_patterns(token_patterns)

    def _set_token_patterns(self, token_patterns: list[tuple[str, list]]) -> None:
        self._token_patterns = token_patterns
        self._revision += 1

    def _rulers_pass(self) -> RulersPass:
        """The conditions and compiled patterns of this ruler and those it runs for, rebuilt when
        runs_for changes or any of them has new patterns."""
        current = self._pass
        if (current is None or current.runs_for != self.runs_for
                or current.revisions != [ruler._revision for ruler, _sequences in current.compiled]):
            rulers = [self] + [self.nlp.get_pipe(name) for name in self.runs_for]
            for ruler in rulers:
                ruler._check_attrs_computed()
            conditions = WordConditions(self.nlp.vocab)
            compiled = [(ruler, TokenSequences(self.nlp.vocab, ruler._token_patterns, conditions))
                        for ruler in rulers]
            current = self._pass = RulersPass(
                self.runs_for, frozenset(self.runs_for), [ruler._revision for ruler in rulers],
                conditions, compiled, phrase_matchers(self.nlp.vocab, rulers))
        return current

    def _check_attrs_computed(self) -> None:
        """A pattern on an attribute the vocabulary has no getter for would never match (the
        pipeline keeps only the getters of attributes read when it is built): say so instead."""
        getters = self.nlp.vocab.lex_attr_getters
        missing = sorted(name for name in self.lexeme_attrs
                         if name in GETTER_ATTRS and IDS[name] not in getters)
        if missing:
            raise ValueError(f"{self.name}: patterns compare {', '.join(missing)}, which this "
                             "vocabulary does not compute")

    def __call__(self, doc):
        if self.name in doc.user_data.get(MATCHED_IN_PASS, ()):
            return doc  # an earlier ruler matched these patterns in its pass
        rulers_pass = self._rulers_pass()
        masks = rulers_pass.conditions.masks(token_table(doc).orth)
        any_mask = reduce(or_, masks, 0)
        found = [sequences.matches(doc, masks, any_mask) for _ruler, sequences in rulers_pass.compiled]
        for matcher, owner in rulers_pass.phrase_matchers:
            for match in matcher(doc):
                found[owner[match[0]]].append(match)
        for (ruler, _sequences), matches in zip(rulers_pass.compiled, found):
            matches.sort(key=BY_SPAN)
            ruler._keep(doc, matches)
        if rulers_pass.matched:
            doc.user_data[MATCHED_IN_PASS] = rulers_pass.matched
        return doc

    def _keep(self, doc, matches: list[tuple[int, int, int]]) -> None:
        if not self.set_spans:
            new, named = tuple.__new__, self._names_of_key
            doc.user_data[(RULER_MATCHES, self.spans_key)] = [
                new(RulerMatch, (start, end) + named[key]) for key, start, end in matches]
            return
        label_and_id = self._label_and_id
        # positional arguments: Span's keyword parsing costs as much as the rest of it
        doc.spans[self.spans_key] = [
            Span(doc, start, end, label_and_id[key][0], None, None, 0, label_and_id[key][1])
            for key, start, end in matches
        ]


# The attribute values a PhraseMatcher compares, computed from a word without a Doc: spaCy's
# lexeme getters for these are plain str methods (LOWER is str.lower; ORTH is the text itself).
_WORD_ATTR = {"LOWER": str.lower, "ORTH": lambda word: word}


def phrase_patterns(nlp: Language, attr: str, phrases: Sequence[str]) -> list:
    """PhraseMatcher patterns for `phrases` as `PhraseMatcher.add` takes them.

    Tokenizing thousands of phrases and building a Doc for each is most of the start-up cost of
    the pipeline. A phrase whose space-separated words are each sure to stay one token -- only
    letters, or a single character, and not a tokenizer special case unless that case keeps the
    word whole ("'ll") -- is given as the words' attribute hashes, which PhraseMatcher accepts in
    place of a Doc. Anything else goes through the tokenizer as before.
    """
    special_cases = getattr(nlp.tokenizer, "rules", None)
    # Without the tokenizer's special cases there is no telling how it splits a word.
    word_attr = _WORD_ATTR.get(attr.upper()) if special_cases is not None else None
    strings = nlp.vocab.strings

    def one_token(word: str) -> bool:
        if not word or word.isspace():
            return False
        case = special_cases.get(word)
        if case is not None:
            return len(case) == 1 and case[0].get(ORTH) == word
        return word.isalpha() or len(word) == 1

    patterns: list = []
    tokenized: list[str] = []
    for phrase in phrases:
        words = phrase.split(" ")
        if word_attr is not None and all(one_token(w) for w in words):
            patterns.append([strings.add(word_attr(w)) for w in words])
        else:
            tokenized.append(phrase)
    patterns.extend(nlp.tokenizer.pipe(tokenized))
    return patterns


@Language.factory("smartlint_ruler",
                  default_config={"phrase_matcher_attr": "LOWER", "set_spans": True, "runs_for": []})
def make_ruler(nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str,
               set_spans: bool, runs_for: list[str]) -> PatternRuler:
    return PatternRuler(nlp, name, spans_key, phrase_matcher_attr, set_spans, runs_for)
