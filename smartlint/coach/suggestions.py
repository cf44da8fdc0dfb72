"""One to three concrete edits per weak letter, built from the facts of the goal: each letter's
builder words them, and the first carries the goal with that letter's edits applied."""
from __future__ import annotations

from smartlint.coach import edits as ed
from smartlint.coach.anatomy import DOWN_VERBS, VAGUE_VERBS, Anatomy
from smartlint.coach.edits import VAGUE_OBJECTS
from smartlint.coach.rewrite import DEADLINE, METHOD, METRIC, OWNER, REASON, TARGET, Rewriter
from smartlint.report import Suggestion

MAX_PER_LETTER = 3


def _object_text(anatomy: Anatomy) -> str:
    start = anatomy.predicate.end if anatomy.predicate else anatomy.predicate_start
    return " ".join(anatomy.facts.text[start:anatomy.object_end].split())


def _specific(anatomy: Anatomy, points: int) -> list[str]:
    out = []
    vague = anatomy.in_main("VAGUE_TERM")
    if points == 0:
        said = f'"{vague[0].text}"' if vague else "the aim"
        out.append(f'Replace {said} with the thing that will change: "increase {METRIC} by {TARGET}".')
    for m in ([] if points == 0 else vague[:2]):
        lemma = str(m.value or m.text).lower()
        if lemma in VAGUE_VERBS:
            verb = ed.direction_verb(anatomy)
            out.append(f'Say which way and how far: "{m.text}" becomes '
                       f'"{verb} {_object_text(anatomy) or METRIC} from <baseline> to {TARGET}".')
        elif lemma in VAGUE_OBJECTS or m.text.lower() in VAGUE_OBJECTS:
            out.append(f'Name what "{m.text}" stands for: a metric or a deliverable ({METRIC}).')
        elif lemma not in ("more", "less", "fewer"):
            out.append(f'Drop or replace "{m.text}": it sounds good but says nothing checkable.')
    if not ed.has_method(anatomy):
        out.append(f'Say how: add "through {METHOD}" (a channel, platform or method).')
    return out


def _measurable(anatomy: Anatomy, vague_core: bool) -> list[str]:
    if vague_core:
        return [f'Give the number: "increase {METRIC} from <baseline> to {TARGET}".']
    comparative = ed.comparative_word(anatomy)
    if comparative is not None:
        return [f'Put a number on "{comparative.text}": '
                f'"{TARGET} {comparative.lower} {_after(anatomy, comparative.end)}".']
    baseline = ed.baseline_without_target(anatomy)
    if baseline is not None:
        return [f'Say where it should end: "from {baseline.text} to {TARGET}".']
    if ed.is_change_predicate(anatomy) and _object_text(anatomy):
        lemma = ed.base_form(anatomy.predicate.text)
        verb = lemma if lemma in DOWN_VERBS or lemma not in VAGUE_VERBS else ed.direction_verb(anatomy)
        return [f'"{anatomy.predicate.text} {_object_text(anatomy)}" becomes '
                f'"{verb} {_object_text(anatomy)} from <baseline> to {TARGET}".']
    return [f'Add the number that shows it is done: ", raising {METRIC} by {TARGET}", or a count of '
            "deliverables."]


def _after(anatomy: Anatomy, offset: int) -> str:
    return " ".join(anatomy.facts.text[offset:anatomy.object_end].split()) or METRIC


def _achievable(anatomy: Anatomy) -> list[str]:
    out = []
    facts = anatomy.facts
    if not anatomy.has_owner:
        verb = ed.base_form(anatomy.predicate.text) if anatomy.predicate else "deliver"
        out.append(f'Name who answers for it: "{OWNER} will {verb} ...".')
    if "too_many_channels" in anatomy.flags:
        names = list(dict.fromkeys(str(m.value or m.text) for m in facts.of("PLATFORM") if not m.in_rationale))
        out.append(f"Pick the two or three channels that matter most instead of all {len(names)} "
                   f"({', '.join(names)}).")
    if "past_deadline" in anatomy.flags:
        out.append(f"The deadline has already passed on {facts.reference_date.isoformat()}: choose a "
                   "date after it.")
    if "absolute" in anatomy.flags:
        out.append("Replace the all-or-nothing target with a level the team can reach (for example 95% "
                   "instead of 100%).")
    if "far_deadline" in anatomy.flags:
        out.append("The deadline is more than five years out: set a nearer one, or a milestone within "
                   "the year.")
    return out


def _relevant(anatomy: Anatomy) -> list[str]:
    if anatomy.trailing_reason:
        return [f'Tie the reason to a result: add "so that {REASON}" (revenue, retention, savings, grades).']
    return [f'Say why it matters: add ", so that {REASON}" with the larger result it serves.']


def _time(anatomy: Anatomy) -> list[str]:
    vague = anatomy.in_main("VAGUE_TIME")
    if vague:
        return [f'Replace "{vague[0].text}" with a date: "by {DEADLINE}".']
    rates = anatomy.in_main("FREQUENCY")
    if rates:
        return [f'"{rates[0].text}" says how often, not by when: add "by {DEADLINE}".']
    return [f'Add a deadline: "by {DEADLINE}" (a date) or "within 3 months" (a period).']


def suggestions(anatomy: Anatomy, points: dict[str, int], rewriter: Rewriter) -> list[Suggestion]:
    out: list[Suggestion] = []
    for dimension in ed.weak_letters(points, "SMART"):
        if dimension == "S":
            made = _specific(anatomy, points["S"])
        elif dimension == "M":
            made = _measurable(anatomy, points.get("S", 2) == 0)
        elif dimension == "A":
            made = _achievable(anatomy)
        elif dimension == "R":
            made = _relevant(anatomy)
        else:
            made = _time(anatomy)
        if not made:
            continue
        replacement = rewriter.only(dimension)
        if replacement != anatomy.facts.text:  # the first suggestion carries the edit applied
            out.append(Suggestion(dimension=dimension, text=made[0], replacement=replacement))
        else:
            out.append(Suggestion(dimension=dimension, text=made[0]))
        if len(made) > 1:  # most letters have one
            out.extend(Suggestion(dimension=dimension, text=text) for text in made[1:MAX_PER_LETTER])
    return out
