"""The closed set of statement rule kinds. A rule file picks one and gives its parameters.

Each kind reads a GoalView and returns Hits: where the rule fires and the named fields its
message and suggestion templates may use ({match}, {count}, {value}, {rate}, {deadline}, ...).
"""
from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from pydantic import ConfigDict, Field, field_validator, model_validator

from smartlint.engine.rule_base import RuleBase
from smartlint.engine.vocabulary import FACTS, VALUE_NEEDS, VALUES, FactName, ValueName

if TYPE_CHECKING:  # the view (and what it imports) loads with the judge, not with `smartlint rules`
    from smartlint.engine.view import GoalView

# Fields every template may use; kinds add their own.
TEMPLATE_FIELDS = frozenset({
    "text", "match", "replacement", "count", "min", "max", "value", "fact",
    "rate", "deadline", "target", "owner", "platform", "channels", "unit",
})


class Hit(NamedTuple):
    """Where a rule fires and the template fields it adds (a tuple: every goal makes several)."""

    start: int
    end: int
    fields: Mapping[str, Any] = MappingProxyType({})  # read-only: the default is shared


def _first_text(items) -> str:
    return items[0].text if items else ""


def _deadline_text(view: GoalView) -> str:
    deadline = view.deadline
    if deadline is not None and deadline.deadline:
        return f"{deadline.text} ({deadline.deadline.isoformat()})"
    return _first_text(view.deadlines)


# The named fact fields of message templates, each read from the view only by the templates that
# name it (the judge looks up which once per rule).
DESCRIBED: dict[str, Callable[[GoalView], str]] = {
    "text": lambda view: view.facts.text[view.start:view.end].strip(),
    "rate": lambda view: _first_text(view.rates),
    "deadline": _deadline_text,
    "target": lambda view: _first_text(view.targets),
    "owner": lambda view: _first_text(view.owners),
    "platform": lambda view: _first_text(view.platforms),
    "channels": lambda view: ", ".join(view.channels),
}


def describe(view: GoalView) -> dict[str, Any]:
    """Named fact fields for message templates, read from the view."""
    return {name: read(view) for name, read in DESCRIBED.items()}


def _readers(names: list[str]) -> tuple[Callable[[GoalView], Any], ...]:
    return tuple(FACTS[name] for name in names)


def _check_template(template: str | None) -> str | None:
    if template is None:
        return None
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None and name not in TEMPLATE_FIELDS:
            known = ", ".join(sorted(TEMPLATE_FIELDS))
            raise ValueError(f"unknown template field {{{name}}} (known: {known})")
    return template


_LEADING_LETTERS = re.compile(r"[A-Za-z ]+")  # letters and plain spaces match themselves


def _first_letters(keys) -> str:
    """A lookahead naming the letter every match starts with, when each key plainly opens with
    one ("world[- ]class"): the regex engine then skips the other positions of the text at once,
    instead of trying every key there (the same matches, a few times faster). Empty otherwise."""
    letters = set()
    for key in keys:
        if not key[:1].isalpha() or key[1:2] in ("?", "*", "+", "{") or "|" in key:
            return ""
        letters.add(key[0].lower())
    return f"(?=[{''.join(sorted(letters))}])"


def _compile_tokens(tokens: list[str], where: str) -> re.Pattern:
    try:
        return re.compile(_first_letters(tokens) + r"\b(?:" + "|".join(f"(?:{t})" for t in tokens) + r")\b",
                          re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"{where} is not a valid pattern: {error}") from error


class StatementRule(RuleBase):
    """A rule about one goal statement. `unless`: facts whose presence silences the rule."""

    # Schemas are built once, for the loader's union of kinds, not once per class as well.
    model_config = ConfigDict(defer_build=True)

    unless: list[FactName] = Field(default_factory=list)

    @field_validator("message", "suggestion")
    @classmethod
    def _known_fields(cls, template: str | None) -> str | None:
        return _check_template(template)

    def _unless_text(self) -> str:
        return f" Silent when the goal has: {', '.join(self.unless)}." if self.unless else ""

    def silenced(self, view: GoalView) -> bool:
        return any(FACTS[name](view) for name in self.unless)

    def check(self, view: GoalView) -> list[Hit]:
        return self.checker(view)

    @cached_property
    def gate(self) -> tuple[frozenset[str], frozenset[str]]:
        """(facts that must all be there, facts none of which may be there) for the rule to fire
        at all: the judge tests these against the goal's facts in two set operations and runs the
        rule only when both hold (most rules on most goals do not)."""
        return frozenset(self._needs()), frozenset(self.unless) | frozenset(self._excludes())

    def _needs(self) -> tuple[str, ...]:
        return ()

    def _excludes(self) -> tuple[str, ...]:
        return ()

    @cached_property
    def checker(self) -> Callable[[GoalView], list[Hit]]:
        """check() as one function with the fact readers looked up once: it runs for every rule
        on every goal."""
        hits, silencers = self.hits, _readers(self.unless)
        if not silencers:
            return hits

        def check(view: GoalView) -> list[Hit]:
            for silencer in silencers:
                if silencer(view):
                    return []
            return hits(view)
        return check

    def fields(self, view: GoalView, hit: Hit) -> dict[str, Any]:
        return {**describe(view), **hit.fields}

    @staticmethod
    def whole(view: GoalView) -> Hit:
        text = view.facts.text[view.start:view.end]
        start = view.start + len(text) - len(text.lstrip())
        return Hit(start, max(start, view.start + len(text.rstrip())))


class Requires(StatementRule):
    """Fires when none of `facts` is present: "a goal needs an owner"."""

    kind: Literal["requires"]
    facts: list[FactName] = Field(min_length=1, description="any one of these satisfies the rule")

    def describe(self) -> str:
        return f"Fires when the goal has none of: {', '.join(self.facts)}." + self._unless_text()

    @cached_property
    def needed(self) -> tuple[Callable[[GoalView], list], ...]:
        return _readers(self.facts)

    def hits(self, view: GoalView) -> list[Hit]:
        for fact in self.needed:
            if fact(view):
                return []
        return [self.whole(view)]

    def _excludes(self) -> tuple[str, ...]:
        return tuple(self.facts)


class Conditional(StatementRule):
    """If every fact in `when` is present, one of `then` must be too: "a rate needs a deadline"."""

    kind: Literal["conditional"]
    when: list[FactName] = Field(min_length=1)
    then: list[FactName] = Field(min_length=1)

    def describe(self) -> str:
        return (f"Fires when the goal has {' and '.join(self.when)} but none of: {', '.join(self.then)}."
                + self._unless_text())

    @cached_property
    def readers(self) -> tuple[tuple[Callable[[GoalView], list], ...], tuple[Callable[[GoalView], list], ...]]:
        return _readers(self.when), _readers(self.then)

    def hits(self, view: GoalView) -> list[Hit]:
        when, then = self.readers
        for fact in when:
            if not fact(view):
                return []
        for fact in then:
            if fact(view):
                return []
        first = when[0](view)[0]
        return [Hit(first.start, first.end, {"match": first.text})]

    def _needs(self) -> tuple[str, ...]:
        return tuple(self.when)

    def _excludes(self) -> tuple[str, ...]:
        return tuple(self.then)


class Existence(StatementRule):
    """Terms that should not be there: `tokens` (regular expressions, matched as whole words,
    case-insensitive) in the goal's own words, or every item of a named `fact`."""

    kind: Literal["existence"]
    tokens: list[str] = Field(default_factory=list)
    fact: FactName | None = None
    when: list[FactName] = Field(default_factory=list, description="facts that must all be present")

    @model_validator(mode="after")
    def _one_source(self):
        if bool(self.tokens) == (self.fact is not None):
            raise ValueError("give either 'tokens' or 'fact'")
        if self.tokens:
            _compile_tokens(self.tokens, "tokens")
        return self

    def describe(self) -> str:
        found = f"each '{self.fact}' found" if self.fact else "each of: " + ", ".join(self.tokens)
        when = f" (only when the goal has {' and '.join(self.when)})" if self.when else ""
        return f"Fires on {found}{when}." + self._unless_text()

    @cached_property
    def pattern(self) -> re.Pattern | None:
        return _compile_tokens(self.tokens, "tokens") if self.tokens else None

    @cached_property
    def required(self) -> tuple[Callable[[GoalView], list], ...]:
        return _readers(self.when)

    def hits(self, view: GoalView) -> list[Hit]:
        for fact in self.required:
            if not fact(view):
                return []
        if self.pattern is not None:
            spans = view._regex_spans(self.pattern)
        else:
            spans = FACTS[self.fact](view)
        return [Hit(s.start, s.end, {"match": s.text}) for s in spans]

    def _needs(self) -> tuple[str, ...]:
        return (*self.when, self.fact) if self.fact is not None else tuple(self.when)


class Substitution(StatementRule):
    """This term -> that better form. Keys of `swap` are regular expressions (whole words)."""

    kind: Literal["substitution"]
    swap: dict[str, str] = Field(min_length=1)

    @field_validator("swap")
    @classmethod
    def _valid_patterns(cls, swap: dict[str, str]) -> dict[str, str]:
        for key in swap:
            _compile_tokens([key], f"swap key {key!r}")
        return swap

    def describe(self) -> str:
        swaps = "; ".join(f"{key} -> {better}" for key, better in self.swap.items())
        return f"Suggests a better form for: {swaps}." + self._unless_text()

    @cached_property
    def pattern(self) -> re.Pattern:
        """All keys in one alternation; the group that matched names the key (one pass, not one per key)."""
        groups = "|".join(f"(?P<k{i}>{key})" for i, key in enumerate(self.swap))
        return re.compile(rf"{_first_letters(self.swap)}\b(?:{groups})\b", re.IGNORECASE)

    @cached_property
    def replacements(self) -> list[str]:
        return list(self.swap.values())

    @cached_property
    def openings(self) -> tuple[str, ...] | None:
        """The letters and spaces each key plainly opens with, lower-cased ("world[- ]class":
        "world"); None when some key does not. On an ASCII text, a match needs one of them in the
        lower-cased text: substring tests, far cheaper than the scan, settle most goals."""
        found = []
        for key in self.swap:
            letters = _LEADING_LETTERS.match(key)
            opening = letters.group() if letters and "|" not in key else ""
            if key[len(opening):len(opening) + 1] in ("?", "*", "+", "{"):
                opening = opening[:-1]  # the quantifier makes the last letter optional
            if not opening:
                return None
            found.append(opening.lower())
        return tuple(found)

    def hits(self, view: GoalView) -> list[Hit]:
        text, openings = view.facts.text, self.openings
        if openings is not None and text.isascii():
            lowered = text.lower()
            if not any(map(lowered.__contains__, openings)):
                return []
        replacements, found = self.replacements, []
        for offset, text in view.goal_text_pieces:
            for match in self.pattern.finditer(text):
                better = replacements[int(match.lastgroup[1:])]
                found.append(Hit(offset + match.start(), offset + match.end(),
                                 {"match": match.group(), "replacement": better}))
        return found


class Limit(StatementRule):
    """The count of a fact within bounds: "at most three channels at once"."""

    kind: Literal["limit"]
    fact: FactName
    min: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)
    distinct: bool = True

    @model_validator(mode="after")
    def _bounds(self):
        if self.min is None and self.max is None:
            raise ValueError("give 'min', 'max' or both")
        return self

    def describe(self) -> str:
        bounds = _bounds_text(self.min, self.max, None)
        return f"Fires when the number of {'distinct ' if self.distinct else ''}'{self.fact}' is not {bounds}." \
            + self._unless_text()

    def hits(self, view: GoalView) -> list[Hit]:
        items = FACTS[self.fact](view)
        if self.min is None and len(items) <= self.max:
            return []  # no more items than allowed, so no more distinct ones either (most goals)
        keys = {str(getattr(i, "value", None) or i.text).lower() for i in items} if self.distinct else items
        count = len(keys)
        if (self.min is None or count >= self.min) and (self.max is None or count <= self.max):
            return []
        fields = {"count": count, "min": self.min, "max": self.max}
        if not items:
            hit = self.whole(view)
            return [Hit(hit.start, hit.end, fields)]
        return [Hit(items[0].start, items[-1].end, {**fields, "match": view.facts.text[items[0].start:items[-1].end]})]

    def _needs(self) -> tuple[str, ...]:
        return () if self.min else (self.fact,)  # with no minimum, only too many items fire


class Range(StatementRule):
    """A normalized value within bounds: `min` and `max` inclusive, `below` exclusive.
    Fires when the value is known and falls outside; silent when the value is unknown."""

    kind: Literal["range"]
    value: ValueName
    min: float | None = None
    max: float | None = None
    below: float | None = None

    @model_validator(mode="after")
    def _bounds(self):
        if self.min is None and self.max is None and self.below is None:
            raise ValueError("give 'min', 'max' or 'below'")
        return self

    def describe(self) -> str:
        return f"Fires when {self.value} is known and not {_bounds_text(self.min, self.max, self.below)}." \
            + self._unless_text()

    def hits(self, view: GoalView) -> list[Hit]:
        value = VALUES[self.value](view)
        if value is None:
            return []
        inside = ((self.min is None or value >= self.min) and (self.max is None or value <= self.max)
                  and (self.below is None or value < self.below))
        if inside:
            return []
        evidence = self._evidence(view)
        fields = {"value": _round(value), "min": self.min, "max": self.max if self.max is not None else self.below}
        if evidence is None:
            hit = self.whole(view)
            return [Hit(hit.start, hit.end, fields)]
        return [Hit(evidence.start, evidence.end, {**fields, "match": evidence.text})]

    def _needs(self) -> tuple[str, ...]:
        return VALUE_NEEDS[self.value]

    def _evidence(self, view: GoalView):
        if self.value.startswith("growth") or self.value == "short_term_growth":
            return view.growth[1] if view.growth else None
        if self.value == "channel_count":
            return view.platforms[0] if view.platforms else None
        if self.value == "days_to_deadline" and view.past_deadlines:
            return view.past_deadlines[0]
        return view.deadline


def _bounds_text(low, high, below) -> str:
    parts = ([f"at least {_round(low)}"] if low is not None else []) \
        + ([f"at most {_round(high)}"] if high is not None else []) \
        + ([f"below {_round(below)}"] if below is not None else [])
    return " and ".join(parts)


def _round(value: float) -> float | int:
    rounded = round(value, 1)
    return int(rounded) if rounded == int(rounded) else rounded


STATEMENT_KINDS: tuple[type[StatementRule], ...] = (Requires, Conditional, Existence, Substitution, Limit, Range)
