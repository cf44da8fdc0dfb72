"""The KPI catalogue (models/kpis.jsonl) and fuzzy matching of a goal's metric against it.

Each catalogue entry names one KPI with the words people use for it (aliases), its area, its unit,
the direction that counts as better, whether it is leading (moves first, predicts) or lagging
(reports the result), whether it is measured as a count or an opinion, where it sits in the chain
input -> process -> outcome, and `related` KPIs that pair well with it (drivers of a lagging KPI,
results of a leading one). Area "people" also covers individuals' own learning and health goals.

Matching is token-based: the words of a metric phrase are compared with the words of every alias
using rapidfuzz (so "webiste traffic" still finds "website traffic"), and the alias with the most
words found wins. The index is built once per process, lazily, from packaged data.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

Area = Literal["sales", "finance", "marketing", "customer", "people", "operations"]
Timing = Literal["leading", "lagging"]

CATALOGUE_FILE = "kpis.jsonl"
# words that say nothing about which metric is meant
STOPWORDS = frozenset("""
    a an the our my your their its his her of for to in on at by from with and or per each every
    we i you they it this that these those number amount total share level will be is are
    """.split())
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SHORT_TOKEN = 3  # abbreviations (NPS, CAC, OEE) must match exactly: fuzzy matching them is noise
TOKEN_SIMILARITY = 84
CLOSE_CACHE_SIZE = 50_000  # goal words seen; caps memory on a long batch


class Kpi(BaseModel):
    """One catalogue entry."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    area: Area
    unit: str
    direction: Literal["up", "down"]
    timing: Timing
    measure: Literal["quantitative", "qualitative"] = "quantitative"
    stage: Literal["input", "process", "outcome"]
    related: tuple[str, ...] = ()
    generic: bool = False  # a fallback that fits any goal ("progress to target")


class MetricMatch(BaseModel):
    """A catalogue KPI found in a piece of goal text."""

    kpi: Kpi
    alias: str  # the catalogue wording that matched
    phrase: str  # the goal's words it matched against
    similarity: float = Field(ge=0, le=100)


def normalize_tokens(text: str) -> tuple[str, ...]:
    """Lower-case content words with simple plurals folded ("leads" -> "lead", "stories" -> "story")."""
    words = []
    for word in TOKEN.findall(text.lower().replace("-", " ")):
        if word in STOPWORDS or word.isdigit():
            continue
        if len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        words.append(word)
    return tuple(words)


@dataclass(frozen=True)
class _Alias:
    kpi: Kpi
    text: str
    tokens: tuple[str, ...]


class Catalogue:
    """The KPIs by id, and a token index of their names and aliases for matching."""

    def __init__(self, kpis: Iterable[Kpi]):
        self.kpis: tuple[Kpi, ...] = tuple(kpis)
        self.by_id: dict[str, Kpi] = {kpi.id: kpi for kpi in self.kpis}
        self._aliases: list[_Alias] = []
        by_token: dict[str, list[int]] = {}
        for kpi in self.kpis:
            for text in dict.fromkeys((kpi.name, *kpi.aliases)):
                tokens = normalize_tokens(text)
                if not tokens:
                    continue
                for token in set(tokens):
                    by_token.setdefault(token, []).append(len(self._aliases))
                self._aliases.append(_Alias(kpi, text, tokens))
        self._by_token = by_token
        self._vocabulary = list(by_token)
        self._close_cache: dict[str, dict[str, float]] = {}  # per catalogue, bounded below

    def __len__(self) -> int:
        return len(self.kpis)

    def knows_word(self, word: str) -> bool:
        """Whether `word` (normalized) occurs in some KPI name or alias."""
        return word in self._by_token

    def get(self, kpi_id: str) -> Kpi:
        return self.by_id[kpi_id]

    def related(self, kpi: Kpi) -> list[Kpi]:
        return [self.by_id[r] for r in kpi.related if r in self.by_id]

    def generic(self, timing: Timing) -> Kpi:
        return next(k for k in self.kpis if k.generic and k.timing == timing)

    def _close_tokens(self, token: str) -> dict[str, float]:
        """Catalogue words that are `token` or a near spelling of it, with their similarity."""
        cached = self._close_cache.get(token)
        if cached is None:
            cached = self._find_close_tokens(token)
            if len(self._close_cache) < CLOSE_CACHE_SIZE:
                self._close_cache[token] = cached
        return cached

    def _find_close_tokens(self, token: str) -> dict[str, float]:
        if token in self._by_token and len(token) <= SHORT_TOKEN:
            return {token: 100.0}
        if len(token) <= SHORT_TOKEN:
            return {}
        found = process.extract(token, self._vocabulary, scorer=fuzz.ratio, score_cutoff=TOKEN_SIMILARITY,
                                limit=5)
        return {word: score for word, score, _ in found if len(word) > SHORT_TOKEN or word == token}

    def match(self, *phrases: str) -> MetricMatch | None:
        """The KPI whose alias is most fully present in one of `phrases`; None when no alias is whole."""
        found = [m for m in (self._match_one(p) for p in phrases) if m is not None]
        return max(found, key=lambda m: m[0])[1] if found else None

    def _match_one(self, phrase: str) -> tuple[tuple, MetricMatch] | None:
        tokens = normalize_tokens(phrase)
        if not tokens:
            return None
        close: dict[str, float] = {}
        for token in dict.fromkeys(tokens):
            for word, score in self._close_tokens(token).items():
                close[word] = max(close.get(word, 0.0), score)
        candidates = {index for word in close for index in self._by_token[word]}
        best: tuple[tuple[int, bool, float, int, int], _Alias] | None = None
        for index in sorted(candidates):
            alias = self._aliases[index]
            if not all(t in close for t in alias.tokens):
                continue
            similarity = sum(close[t] for t in alias.tokens) / len(alias.tokens)
            # more alias words found beats fewer; then the alias as one run of words; then closer
            # spelling; then the metric named earlier in the phrase; then catalogue order
            rank = (len(alias.tokens), _contiguous(alias.tokens, tokens, close), similarity,
                    -_first_position(alias.tokens, tokens, close), -index)
            if best is None or rank > best[0]:
                best = (rank, alias)
        if best is None:
            return None
        rank, alias = best
        return rank, MetricMatch(kpi=alias.kpi, alias=alias.text, phrase=phrase.strip(), similarity=rank[2])


def _contiguous(alias_tokens: tuple[str, ...], phrase_tokens: tuple[str, ...], close: dict[str, float]) -> bool:
    """Whether the alias words appear side by side in the phrase (allowing near spellings)."""
    width = len(alias_tokens)
    for start in range(len(phrase_tokens) - width + 1):
        window = phrase_tokens[start:start + width]
        if all(_near(p, a) for p, a in zip(window, alias_tokens)):
            return True
    return False


def _first_position(alias_tokens: tuple[str, ...], phrase_tokens: tuple[str, ...], close: dict[str, float]) -> int:
    return min((i for i, p in enumerate(phrase_tokens) if any(_near(p, a) for a in alias_tokens)),
               default=len(phrase_tokens))


def _near(word: str, other: str) -> bool:
    return word == other or (min(len(word), len(other)) > SHORT_TOKEN
                             and fuzz.ratio(word, other) >= TOKEN_SIMILARITY)


def parse_catalogue(lines: Iterable[str]) -> Catalogue:
    kpis = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            kpis.append(Kpi.model_validate(json.loads(line)))
        except ValueError as error:  # json and pydantic errors both derive from ValueError
            raise ValueError(f"{CATALOGUE_FILE}:{number}: {error}") from None
    return Catalogue(kpis)


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The packaged catalogue, read once."""
    text = files("smartlint.models").joinpath(CATALOGUE_FILE).read_text(encoding="utf-8")
    return parse_catalogue(text.splitlines())
