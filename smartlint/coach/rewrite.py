"""The full rewrite: the user's goal with every missing SMART piece filled by a placeholder.

Shape aimed at: "<owner> will <verb> <object> by <target> through <method> by <deadline>, so that
<reason>." Each placeholder sits where its filled-in value reads as the rubric wants it: the target
after a change verb ("increase X by 25%") or before a comparative ("25% more visitors"), the deadline
after "by", the reason after "so that".
"""
from __future__ import annotations

from smartlint.coach import ambition
from smartlint.coach import edits as ed
from smartlint.coach.anatomy import Anatomy
from smartlint.coach.edits import Edit

OWNER, METRIC, TARGET, DEADLINE, METHOD, REASON = (
    "<owner>", "<metric>", "<target>", "<deadline>", "<method>", "<reason>"
)
PLACEHOLDERS = (OWNER, METRIC, TARGET, DEADLINE, METHOD, REASON)

# Edit order at one offset: who, what, how much, how, by when, why.
ORDER_OWNER, ORDER_CORE, ORDER_TARGET, ORDER_METRIC, ORDER_METHOD, ORDER_DEADLINE, ORDER_REASON = range(7)


def plan_edits(anatomy: Anatomy, points: dict[str, int]) -> list[Edit]:
    """The edits that lift each letter under 2, each tagged with the letter it serves."""
    get = points.get
    weak_s, weak_m, weak_a, weak_r, weak_t = (get(letter, 2) < 2 for letter in "SMART")

    planned: list[Edit] = []
    moved: list[Edit] = []
    # realism first: a flagged target or deadline is replaced and its fact moves to the reason
    realism = ambition.plan(anatomy, TARGET, DEADLINE) if weak_a else None
    if realism is not None:
        planned.extend(realism.edits)
    vague_core = get("S", 2) == 0
    needs_target = weak_m and not _has_target(anatomy) and not (realism is not None and realism.gives_target)

    if vague_core:
        planned.append(ed.core_replacement(anatomy, METRIC, TARGET if needs_target else None))
    elif weak_s:
        planned.extend(ed.vague_word_edits(anatomy, METRIC))

    if weak_a and not anatomy.has_owner:
        # only here is the predicate needed up front: a goal that lacks a deadline never finds it
        predicate = anatomy.predicate
        predicate_replaced = vague_core or (
            predicate is not None and any(e.start == predicate.start for e in planned)
        )
        planned.extend(ed.owner_edits(anatomy, OWNER, replaces_predicate=predicate_replaced))
    if weak_a:
        planned.extend(ed.every_single_edits(anatomy, TARGET))
        moved = ed.past_deadline_edits(anatomy, f"by {DEADLINE}")
        planned.extend(moved)

    if needs_target and not vague_core:
        planned.extend(target_edits(anatomy, TARGET, METRIC))

    if weak_s and not ed.has_method(anatomy):
        planned.append(Edit(anatomy.tail, anatomy.tail, f" through {METHOD}", "S", ORDER_METHOD))

    if weak_t and not moved and not (realism is not None and realism.gives_deadline):
        planned.extend(deadline_edits(anatomy, f"by {DEADLINE}"))

    if weak_r:
        planned.append(reason_edit(anatomy, f"so that {REASON}"))
    if realism is not None and realism.notes:
        planned.append(ambition_note(anatomy, realism.notes, reason_added=weak_r))
    return planned


def ambition_note(anatomy: Anatomy, notes: list[str], reason_added: bool) -> Edit:
    """The moved facts, at the end of the reason clause (so they count as reason, not target)."""
    note = ", " + ", ".join(notes)
    if not note[-1].isalnum():
        # a reason clause found by the NLP pass ends before closing symbols ("... to 100%"),
        # which would leave the moved number half outside it
        note += " in the long run"
    edit = reason_edit(anatomy, "")
    if not reason_added and not anatomy.trailing_reason:
        note = f", so that {REASON}" + note  # no reason clause at the end to hold the facts
    return Edit(edit.start, edit.end, note, "A", ORDER_REASON + 1)


def _has_target(anatomy: Anatomy) -> bool:
    """A target number in every part of the statement (a statement is scored on its weakest part,
    and "; " separates parts)."""
    targets = [m for m in anatomy.of("QUANTITY", "PERCENT", "MONEY", "CHANGE", "FREQUENCY")
               if m.role in (None, "target", "rate") and not m.in_rationale]
    text = anatomy.facts.text
    start = 0
    for part in text[: anatomy.main_end].split(";"):
        end = start + len(part)
        if not any(start <= m.start < end for m in targets):
            return False
        start = end + 1
    return True


def target_edits(anatomy: Anatomy, target: str, metric: str) -> list[Edit]:
    """Where a number goes: "from 40" -> "from 40 to N"; "more X" -> "N more X"; "increase X" ->
    "increase X by N"; otherwise the goal gains a measured outcome ", raising <metric> by N"."""
    baseline = ed.baseline_without_target(anatomy)
    if baseline is not None:
        return [Edit(baseline.end, baseline.end, f" to {target}", "M", ORDER_TARGET)]
    comparative = ed.comparative_word(anatomy)
    if comparative is not None:
        return [Edit(comparative.start, comparative.start, f"{target} ", "M", ORDER_TARGET)]
    if ed.is_change_predicate(anatomy) and anatomy.object_end > anatomy.predicate.end:
        return [Edit(anatomy.object_end, anatomy.object_end, f" by {target}", "M", ORDER_TARGET)]
    # a participle, not "and increase ...": an "and" + verb would read as a second goal
    return [Edit(anatomy.tail, anatomy.tail, f", raising {metric} by {target}", "M", ORDER_METRIC)]


def deadline_edits(anatomy: Anatomy, phrase: str) -> list[Edit]:
    """Replace a vague time ("soon") with the deadline phrase, or add it at the end of the main clause."""
    vague = anatomy.in_main("VAGUE_TIME")
    if vague:
        first, *rest = vague
        out = [Edit(first.start, first.end, phrase, "T", ORDER_DEADLINE)]
        out.extend(Edit(m.start, m.end, "", "T", ORDER_DEADLINE) for m in rest)
        return out
    return [Edit(anatomy.main_end, anatomy.main_end, f" {phrase}", "T", ORDER_DEADLINE)]


def reason_edit(anatomy: Anatomy, phrase: str) -> Edit:
    """A reason clause after the main clause, or after the reason already given."""
    if anatomy.trailing_reason:
        return Edit(anatomy.body_end, anatomy.body_end, f", {phrase}", "R", ORDER_REASON)
    return Edit(anatomy.main_end, anatomy.main_end, f", {phrase}", "R", ORDER_REASON)


def finish(text: str, original: str) -> str:
    """End the sentence the way the original ended ("." when it had no closing mark)."""
    return _end_with(text, _closing_mark(original))


def _closing_mark(original: str) -> str:
    """What a rewrite of `original` ends with: its "!" or "?", else "."."""
    ending = original.rstrip()[-1:] if original.strip() else ""
    return ending if ending in ("!", "?") else "."


def _end_with(text: str, mark: str) -> str:
    text = text.rstrip()
    while text and text[-1] in ".!?;:,":
        text = text[:-1]
    return text + mark


class Rewriter:
    """The goal with the planned edits applied: all of them (the rewrite), or only one letter's (a
    suggestion's replacement). The edits are sorted once, and the whole rewrite is made once even
    when a letter's edits are all there are."""

    def __init__(self, anatomy: Anatomy, planned: list[Edit]):
        self.text = anatomy.facts.text
        self.body = self.text[: anatomy.body_end]
        body_end = len(self.body)
        self.edits = sorted((e for e in planned if e.end <= body_end), key=ed.EDIT_ORDER)
        self._mark = _closing_mark(self.text)  # every version ends as the original does
        self._whole: str | None = None

    def whole(self) -> str:
        if self._whole is None:
            self._whole = _end_with(ed.apply_sorted(self.body, self.edits), self._mark)
        return self._whole

    def only(self, dimension: str) -> str:
        """The goal with the edits for `dimension` alone (the original text when it has none)."""
        chosen = [e for e in self.edits if e.dimension == dimension]
        if not chosen:
            return self.text
        if len(chosen) == len(self.edits):
            return self.whole()
        return _end_with(ed.apply_sorted(self.body, chosen), self._mark)
