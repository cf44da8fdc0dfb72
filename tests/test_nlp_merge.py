"""smartlint_merge: repeated mentions and numbers or times inside longer ones dropped, mentions
inside a reason clause marked; checked against a plain reading of those rules on generated lists."""
from __future__ import annotations

import random

from smartlint.nlp.components.merge import NUMERIC_TIME, MentionMerger
from smartlint.nlp.doc_mentions import MENTIONS

LABELS = sorted(NUMERIC_TIME) + ["CHANGE", "OWNER", "ACTION", "RATIONALE", "RATIONALE"]


class FakeDoc:
    def __init__(self, found):
        self.user_data = {MENTIONS: found}


def merged_by_the_rules(found: list[dict]) -> list[tuple[int, bool]]:
    """(index in found, in_rationale) of the mentions kept, in order; quadratic and plain."""
    timed = [m for m in found if m["label"] in NUMERIC_TIME]
    reasons = [m for m in found if m["label"] == "RATIONALE"]
    kept, seen = [], set()
    for i, m in enumerate(found):
        key = (m["label"], m["start"], m["end"])
        inside_longer = m["label"] in NUMERIC_TIME and any(
            o["start"] <= m["start"] and m["end"] <= o["end"] and (o["start"], o["end"]) != (m["start"], m["end"])
            for o in timed)
        if key in seen or inside_longer:
            continue
        seen.add(key)
        in_reason = m["label"] != "RATIONALE" and any(
            r["start"] <= m["start"] and m["end"] <= r["end"] for r in reasons)
        kept.append((i, in_reason))
    return kept


def generated_mentions(rng: random.Random) -> list[dict]:
    found = []
    for _ in range(rng.randint(0, 9)):
        if found and rng.random() < 0.15:
            found.append(dict(rng.choice(found)))  # the same mention twice
            continue
        start = rng.randint(0, 30)
        found.append({"label": rng.choice(LABELS), "start": start, "end": start + rng.randint(1, 12)})
    return found


def test_merge_follows_its_rules_on_generated_mentions():
    rng = random.Random(11)
    merger = MentionMerger()
    for _ in range(3000):
        found = generated_mentions(rng)
        expected = merged_by_the_rules(found)
        ids = [id(m) for m in found]  # by identity: a repeated mention is an equal dict
        result = merger(FakeDoc(list(found))).user_data[MENTIONS]
        assert [(ids.index(id(m)), m.get("in_rationale", False)) for m in result] == expected, found
