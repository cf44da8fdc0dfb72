"""Platforms and channels from a catalogue with aliases, matched exactly or (for typos) fuzzily.

Each catalogue line (models/patterns/platforms.jsonl) is one platform or channel:
  {"name": canonical name, "category": "social"|"search"|"email"|"ads"|..., "aliases": [...],
   "cased": [...], "cued": [...]}
- `aliases` match whatever the case ("insta", "Linked In").
- `cased` match only as written, for short or ambiguous forms ("IG", "Slack", "Zoom").
- `cued` are common nouns that name a channel only when introduced as one: after a preposition
  such as on / via / through ("through our website", "by email"), or listed next to another
  platform ("on X, LinkedIn and TikTok"). Alone they are usually the deliverable ("launch the
  website"), which the rubric counts as the *what*, not the *how*. A cued form with a capital
  letter is matched as written ("X", "Medium").

A mention's value is the canonical name and its kind the category. Typos ("Linkdin") are caught
with rapidfuzz, but only for tokens that are not English words, so the fuzzy step runs on a handful
of tokens per goal at most.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from smartlint.nlp.components.ruler import phrase_patterns
from smartlint.nlp.doc_mentions import add_mention
from smartlint.nlp.lemmas import is_known_word

# Words that introduce a channel ("post on X", "reach them by email", "sell through Etsy"); not
# "to", which usually names the destination ("drive traffic to our website").
CHANNEL_CUES = frozenset({"on", "via", "through", "thru", "using", "across", "over", "by", "from",
                          "with", "onto", "in", "at"})
# Words allowed between the cue and the channel ("through our website", "on the blog").
CUE_FILLERS = frozenset({"the", "a", "an", "our", "my", "their", "your", "his", "her", "its",
                         "company", "company's", "own", "new", "official", "weekly", "monthly"})
# Separators of a list of platforms ("LinkedIn, X and TikTok").
LIST_JOINERS = frozenset({",", "/", "and", "or", "&", "+"})
SENTENCE_STARTERS = frozenset({".", "!", "?", ";", ":", "-", "•", "*", "(", '"', "“"})
# Shortest token worth a fuzzy look: shorter typos are too close to ordinary words.
MIN_FUZZY_LENGTH = 5
CUED = "cued:"  # matcher key prefix of forms that need a channel cue


class PlatformMatcher:
    def __init__(self, nlp: Language, min_similarity: int):
        self.nlp = nlp
        self.min_similarity = min_similarity
        self.catalogue: list[dict] = []
        self.entries: dict[str, dict] = {}
        self.any_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.as_written = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.fuzzy_aliases: list[str] = []
        self.fuzzy_names: list[str] = []

    def initialize(self, get_examples=None, *, nlp=None, catalogue=None):
        """Build the matchers and the typo lookup once from the catalogue lines."""
        self.catalogue = list(catalogue or [])
        self.entries = {}
        self.any_case = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.as_written = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        fuzzy: dict[str, str] = {}
        for number, entry in enumerate(self.catalogue, start=1):
            name = entry.get("name") if isinstance(entry, dict) else None
            if not name or not entry.get("category"):
                raise ValueError(f"platform catalogue line {number}: needs a 'name' and a 'category'")
            self.entries[name] = entry
            aliases = list(entry.get("aliases", []))
            cased = list(entry.get("cased", []))
            cued = list(entry.get("cued", []))
            self._add(self.any_case, "LOWER", name, aliases)
            self._add(self.as_written, "ORTH", name, cased)
            self._add(self.any_case, "LOWER", CUED + name, [c for c in cued if c == c.lower()])
            self._add(self.as_written, "ORTH", CUED + name, [c for c in cued if c != c.lower()])
            # Typos are looked up among names that are not English words; cued forms are plain
            # English nouns ("website"), so they are left out.
            for alias in [*aliases, *(c.lower() for c in cased)]:
                if alias.isalpha() and len(alias) >= MIN_FUZZY_LENGTH:
                    fuzzy.setdefault(alias, name)
        self.fuzzy_aliases = list(fuzzy)
        self.fuzzy_names = list(fuzzy.values())

    def _add(self, matcher: PhraseMatcher, attr: str, key: str, phrases: list[str]) -> None:
        if phrases:
            matcher.add(key, phrase_patterns(self.nlp, attr, phrases))

    def __call__(self, doc):
        if not self.entries:
            return doc
        texts = [token.text for token in doc]
        lowers = [t.lower() for t in texts]
        firm: list[Span] = []
        cued: list[Span] = []
        strings = doc.vocab.strings
        for matcher in (self.any_case, self.as_written):
            for key, start, end in matcher(doc):
                name = strings[key]
                if name.startswith(CUED):
                    cued.append(Span(doc, start, end, label=name[len(CUED):]))
                elif matcher is self.any_case or not _capital_by_position(texts, start, end):
                    firm.append(Span(doc, start, end, label=name))
        firm = filter_spans(firm)
        for span in cued:
            if _is_cued(lowers, span, firm):
                firm.append(span)
        covered: set[int] = set()
        for span in filter_spans(firm):
            covered.update(range(span.start, span.end))
            self._record(doc, span.start_char, span.end_char, span.label_)
        if self.fuzzy_aliases:
            self._fuzzy(doc, texts, covered)
        return doc

    def _fuzzy(self, doc, texts: list[str], covered: set[int]) -> None:
        from rapidfuzz import fuzz, process

        for i, text in enumerate(texts):
            if (i in covered or len(text) < MIN_FUZZY_LENGTH or not text.isalpha()
                    or is_known_word(text)):
                continue
            best = process.extractOne(text.lower(), self.fuzzy_aliases, scorer=fuzz.ratio,
                                      score_cutoff=self.min_similarity)
            if best is not None:
                start = doc[i].idx
                self._record(doc, start, start + len(text), self.fuzzy_names[best[2]])

    def _record(self, doc, start: int, end: int, name: str) -> None:
        entry = self.entries[name]
        add_mention(doc, "PLATFORM", start, end, value=name, kind=entry.get("category"))


def _is_cued(lowers: list[str], span: Span, platforms: list[Span]) -> bool:
    """A cued channel word counts after a channel preposition or next to another platform."""
    i = span.start - 1
    while i >= 0 and lowers[i] in CUE_FILLERS:
        i -= 1
    if i >= 0 and lowers[i] in CHANNEL_CUES:
        return True
    for other in platforms:
        gap = range(other.end, span.start) if other.end <= span.start else range(span.end, other.start)
        if 0 < len(gap) <= 2 and all(lowers[k] in LIST_JOINERS for k in gap):
            return True
    return False


def _capital_by_position(texts: list[str], start: int, end: int) -> bool:
    """ "Slack off", "Zoom in": an English word whose capital only marks the start of a sentence."""
    first = start == 0 or texts[start - 1] in SENTENCE_STARTERS or texts[start - 1].isspace()
    return first and end - start == 1 and is_known_word(texts[start])


@Language.factory("smartlint_platforms")
def make_platforms(nlp: Language, name: str, min_similarity: int) -> PlatformMatcher:
    return PlatformMatcher(nlp, min_similarity)
