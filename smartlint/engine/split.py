"""Several goals in one statement: where to cut, so each part can be scored on its own.

Settled simply: cut at "; " or at " and " (", and ") when the words after it start a new clause
with a verb of its own (an ACTION fact, or a verb the lexicon knows) and the words before it hold
a verb too. Cuts never fall inside a reason clause or inside a mention ("between 10 and 20").
The statement is then scored on its weakest part (rubric: hard calls).
"""
from __future__ import annotations

import re

from smartlint.engine import lexicon
from smartlint.facts import Facts

# The lookahead names every separator's first character, which lets the regex engine skip the
# rest of the text quickly (the same matches as the bare alternation, about a third faster).
_SEPARATOR = re.compile(r"(?=[;,\s])(?:;\s+|,?\s+and\s+(?:then\s+|also\s+)?|,\s+)")
# A part that points back at the one before ("; we'd like that number higher") continues it.
_BACK_REFERENCE = re.compile(r"\b(?:it|them|that number|this number|that figure|those|these)\b", re.IGNORECASE)
_VERBS = lexicon.GENERIC_VERBS | lexicon.DELIVERABLE_VERBS


def _starts_with_verb(text: str, offset: int, actions: list[tuple[int, int]]) -> bool:
    match = lexicon.WORD.search(text)
    if not match or match.start() > 1:
        return False
    if match.group().lower().endswith("ing"):
        return False  # "by rerouting the runs and adding a dispatcher": one method, two steps
    start = offset + match.start()
    return match.group().lower() in _VERBS or any(a_start == start for a_start, _ in actions)


def _has_verb(text: str, offset: int, actions: list[tuple[int, int]]) -> bool:
    end = offset + len(text)
    return (any(offset <= a_start < end for a_start, _ in actions)
            or any(w.lower() in _VERBS for w in lexicon.WORD.findall(text)))


def _blocked_and_actions(facts: Facts) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) of the mentions a cut may not fall inside, and of the goal's own actions."""
    blocked, actions = [], []
    for m in facts.mentions:
        if m.label != "ACTION":
            blocked.append((m.start, m.end))
        elif not m.in_rationale:
            actions.append((m.start, m.end))
    return blocked, actions


def split_goals(facts: Facts) -> list[tuple[int, int]]:
    """(start, end) of each goal in the statement; one pair when it holds a single goal."""
    text = facts.text
    if ";" not in text and "," not in text and "and" not in text:
        return [(0, len(text))]  # no separator can match (most goals): skip the scan
    parts, cursor = [], 0
    blocked = actions = None  # the mentions' bounds, read at the first separator (one pass)
    for match in _SEPARATOR.finditer(text):
        if blocked is None:
            blocked, actions = _blocked_and_actions(facts)
        cut_start, cut_end = match.span()
        if any(start < cut_end and cut_start < end for start, end in blocked):
            continue
        before = text[cursor:match.start()]
        rest_end = len(text)
        after = text[match.end():rest_end]
        is_semicolon = match.group().startswith(";")
        if not is_semicolon and not _starts_with_verb(after, match.end(), actions):
            continue
        if _BACK_REFERENCE.search(after.split(";")[0]):
            continue
        if not _has_verb(before, cursor, actions) or not _has_verb(after, match.end(), actions):
            continue
        parts.append((cursor, match.start()))
        cursor = match.end()
    parts.append((cursor, len(text)))
    return parts
