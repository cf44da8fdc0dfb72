"""The last component: settle overlaps between mentions and mark what lies inside a reason clause."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from spacy.language import Language

from smartlint.nlp.doc_mentions import MENTIONS, by_start_longest_first

# A number or time inside a longer number or time is part of it ("2026" in "Q3 2026", "15" in
# "15 people a month"), except inside a CHANGE, whose parts ("20%" in "by 20%") stay targets.
NUMERIC_TIME = {"QUANTITY", "PERCENT", "MONEY", "DATE", "DATE_RANGE", "DURATION", "FREQUENCY",
                "START_TIME", "VAGUE_TIME"}


def _contained_ids(timed: list[dict]) -> set[int]:
    """ids of mentions lying inside a strictly longer one, in one sorted sweep (texts can be long)."""
    contained: set[int] = set()
    furthest_end = -1  # over all earlier spans, which start at or before the current one
    previous = None
    inside = False
    for m in by_start_longest_first(timed):
        span = (m["start"], m["end"])
        if span != previous:  # the first of the mentions with this span decides for all of them
            inside = furthest_end >= span[1]
            furthest_end = max(furthest_end, span[1])
            previous = span
        if inside:
            contained.add(id(m))
    return contained


class MentionMerger:
    def __call__(self, doc):
        found = doc.user_data.get(MENTIONS)
        if not found:
            return doc
        timed = [m for m in found if m["label"] in NUMERIC_TIME]
        contained = _contained_ids(timed) if len(timed) > 1 else ()  # one mention lies inside no other
        kept = []
        seen = set()
        reasons = []
        for m in found:
            key = (m["label"], m["start"], m["end"])
            if key in seen or id(m) in contained:
                continue
            seen.add(key)
            kept.append(m)
            if key[0] == "RATIONALE":
                reasons.append(key[1:])
        if reasons:
            reasons.sort()
            starts = [start for start, _ in reasons]
            furthest = list(accumulate((end for _, end in reasons), max))  # over clauses starting earlier
            for m in kept:
                if m["label"] == "RATIONALE":
                    continue
                i = bisect_right(starts, m["start"]) - 1
                if i >= 0 and m["end"] <= furthest[i]:
                    m["in_rationale"] = True
        doc.user_data[MENTIONS] = kept
        return doc


@Language.factory("smartlint_merge")
def make_merge(nlp: Language, name: str) -> MentionMerger:
    return MentionMerger()
