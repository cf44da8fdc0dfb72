"""The last component: settle overlaps between mentions and mark what lies inside a reason clause."""
from __future__ import annotations

from spacy.language import Language

from smartlint.nlp.doc_mentions import MENTIONS

# A number or time inside a longer number or time is part of it ("2026" in "Q3 2026", "15" in
# "15 people a month"), except inside a CHANGE, whose parts ("20%" in "by 20%") stay targets.
NUMERIC_TIME = {"QUANTITY", "PERCENT", "MONEY", "DATE", "DATE_RANGE", "DURATION", "FREQUENCY",
                "START_TIME", "VAGUE_TIME"}


def _contains(outer: dict, inner: dict) -> bool:
    return (outer is not inner and outer["start"] <= inner["start"] and inner["end"] <= outer["end"]
            and (outer["end"] - outer["start"]) > (inner["end"] - inner["start"]))


class MentionMerger:
    def __call__(self, doc):
        found = doc.user_data.get(MENTIONS, [])
        if not found:
            return doc
        timed = [m for m in found if m["label"] in NUMERIC_TIME]
        kept = []
        seen = set()
        for m in found:
            key = (m["label"], m["start"], m["end"])
            if key in seen:
                continue
            if m["label"] in NUMERIC_TIME and any(_contains(o, m) for o in timed):
                continue
            seen.add(key)
            kept.append(m)
        reasons = [m for m in kept if m["label"] == "RATIONALE"]
        for m in kept:
            if m["label"] != "RATIONALE" and any(r["start"] <= m["start"] and m["end"] <= r["end"] for r in reasons):
                m["in_rationale"] = True
        doc.user_data[MENTIONS] = kept
        return doc


@Language.factory("smartlint_merge")
def make_merge(nlp: Language, name: str) -> MentionMerger:
    return MentionMerger()
