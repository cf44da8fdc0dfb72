"""The last component: settle overlaps between mentions and mark what lies inside a reason clause."""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, compress
from operator import itemgetter

from spacy.language import Language

from smartlint.nlp.doc_mentions import MENTIONS, by_start_longest_first

# A number or time inside a longer number or time is part of it ("2026" in "Q3 2026", "15" in
# "15 people a month"), except inside a CHANGE, whose parts ("20%" in "by 20%") stay targets.
NUMERIC_TIME = frozenset({"QUANTITY", "PERCENT", "MONEY", "DATE", "DATE_RANGE", "DURATION", "FREQUENCY",
                          "START_TIME", "VAGUE_TIME"})


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


# (label, start, end): mentions with the same are one
_KEY = itemgetter("label", "start", "end")
_LABEL = itemgetter("label")
_SPAN = itemgetter("start", "end")


class MentionMerger:
    def __call__(self, doc):
        found = everything = doc.user_data.get(MENTIONS)
        if not found:
            return doc
        labels = list(map(_LABEL, found))
        timed = list(compress(found, map(NUMERIC_TIME.__contains__, labels)))
        contained = _contained_ids(timed) if len(timed) > 1 else ()  # one mention lies inside no other
        keys = list(map(_KEY, found))
        if len(set(keys)) < len(keys):
            kept = []
            seen = set()
            for m, key in zip(found, keys):
                if key in seen or id(m) in contained:
                    continue
                seen.add(key)
                kept.append(m)
            doc.user_data[MENTIONS] = found = kept
        elif contained:  # the usual case: parts of a longer number or time, no repeated mention
            doc.user_data[MENTIONS] = found = [m for m in found if id(m) not in contained]
        # a reason clause dropped as a duplicate has the span of one kept
        reasons = (sorted(map(_SPAN, compress(everything, map("RATIONALE".__eq__, labels))))
                   if "RATIONALE" in labels else ())
        if reasons:
            starts = [start for start, _ in reasons]
            furthest = list(accumulate((end for _, end in reasons), max))  # over clauses starting earlier
            for m in found:
                if m["label"] == "RATIONALE":
                    continue
                i = bisect_right(starts, m["start"]) - 1
                if i >= 0 and m["end"] <= furthest[i]:
                    m["in_rationale"] = True
        return doc


@Language.factory("smartlint_merge")
def make_merge(nlp: Language, name: str) -> MentionMerger:
    return MentionMerger()
