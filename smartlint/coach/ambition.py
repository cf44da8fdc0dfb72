"""Realistic targets that keep the ambition: the fact behind an A red flag moves into the reason.

A goal flagged for realism ("zero defects", "10x", "by 2040", five channels at once) gets a
placeholder target or deadline in its place, and the flagged fact itself goes into the reason
clause ("..., so that <reason>, on the way to zero"), where the rubric does not count numbers as
targets, dates as deadlines or platforms as channels. Nothing the user wrote is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from smartlint.coach.anatomy import DOWN_VERBS, OBJECT_BOUNDARY, Anatomy, Word
from smartlint.coach.edits import Edit, base_form, inflections
from smartlint.engine.rubric import EXTREME_FACTOR, EXTREME_GROWTH_PER_MONTH, MAX_CHANNELS, MAX_YEARS
from smartlint.engine.rubric import STRETCH_GROWTH_PERCENT
from smartlint.engine.lexicon import ABSOLUTE
from smartlint.engine.view import GoalView, growth_percent
from smartlint.nlp import lemmas

HUNDRED = re.compile(r"^(?:100\s?%|one\s+hundred\s+per\s?cent)$", re.I)
# between two items of one list of channels: ", ", " and ", ", or ", " & ", "/"
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)"
# between two channels of one list, maybe with plain items between (", chat, ") and a determiner
# before the second (" and our blog": the platform component counts it as listed too)
LIST_GAP = re.compile(rf"{_SEPARATOR}(?:[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){{0,2}}{_SEPARATOR})*"
                      r"(?:(?:the|a|an|our|my|their|your|his|her|its)\s+)?", re.I)
SEPARATOR = re.compile(_SEPARATOR, re.I)
# one more item after the last channel of a list (", direct mail and local radio")
LIST_TAIL = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)([A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,2})")
LEADING_BY = re.compile(r"^by\s+", re.I)
KEPT_CHANNELS = 2  # a focused start: the rule allows three, the coach proposes two


@dataclass
class Realism:
    edits: list[Edit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # phrases for the reason clause
    gives_target: bool = False  # a <target> went into the goal
    gives_deadline: bool = False  # a <deadline> went into the goal


def may_be_flagged(anatomy: Anatomy) -> bool:
    """A cheap look for what a realism flag needs (most goals have none of it), before the
    engine's view of the goal is built."""
    if len(anatomy.of("PLATFORM")) > MAX_CHANNELS:
        return True
    # growth of 100% or less is neither a stretch nor extreme, however soon it is due
    if any((growth_percent(m) or 0) > STRETCH_GROWTH_PERCENT or _downward_to_zero(m) for m in anatomy.of("CHANGE")):
        return True
    if any(m.value == 0 for m in anatomy.of("QUANTITY")):
        return True
    today = anatomy.facts.reference_date
    if any(m.deadline is not None and (m.deadline - today).days > 365 * MAX_YEARS
           for label in ("DATE", "DATE_RANGE", "DURATION") for m in anatomy.of(label)):
        return True
    return ABSOLUTE.search(anatomy.facts.text) is not None


def _downward_to_zero(change) -> bool:
    """A cut of 100% or a change "to 0": the engine counts it as an absolute."""
    value = change.value if isinstance(change.value, dict) else {}
    return value.get("direction") == "down" and value.get("percent") == 100 or value.get("to") == 0


def plan(anatomy: Anatomy, target: str, deadline: str) -> Realism:
    """Edits and reason-clause notes that lift every realism flag of the goal."""
    if not may_be_flagged(anatomy):
        return Realism()
    view = anatomy.view
    out = Realism()
    _absolutes(anatomy, view, target, out)
    _growth(anatomy, view, target, deadline, out)
    _channels(anatomy, view, out)
    return out


# -- absolutes: "zero", "100%", "never", "no customer" -------------------------------------------

def _absolutes(anatomy: Anatomy, view: GoalView, target: str, out: Realism) -> None:
    for piece in view.absolutes:
        lower = piece.text.lower()
        if lower.startswith(("every", "each")):
            continue  # every_single_edits turns it into "<target> of ..."
        if HUNDRED.match(lower):
            out.edits.append(Edit(piece.start, piece.end, target, "A", 1))
            out.notes.append(f"on the way to {piece.text}")
        elif lower in ("never", "always"):
            _never(anatomy, piece, target, out)
        elif lower.startswith("no "):
            _no_noun(anatomy, piece, target, out)
        elif lower == "zero" or lower.replace(".", "").strip("0") == "":
            _zero(anatomy, piece, target, out)
        else:
            continue
        out.gives_target = True


def _zero(anatomy: Anatomy, piece, target: str, out: Realism) -> None:
    previous = anatomy.word_before(piece.start)
    if previous is not None and previous.lower == "to":
        # "reduce bugs to zero" -> "reduce bugs by <target>"; "bring X to zero" -> "bring X down by"
        verb = base_form(anatomy.predicate.text) if anatomy.predicate is not None else ""
        phrase = f"by {target}" if verb in DOWN_VERBS else f"down by {target}"
        out.edits.append(Edit(previous.start, piece.end, phrase, "A", 1))
    else:
        # "zero defects" -> "<target> fewer defects"; "zero error" -> "<target> less error"
        noun = ""  # the head: the last word before a preposition ("zero safety incidents on ...")
        for w in anatomy.words_after(piece.end)[:4]:
            if w.lower in OBJECT_BOUNDARY or not w.text[0].isalpha():
                break
            noun = w.lower
        plural = noun.endswith("s") and lemmas.lemma(noun, "NOUN") != noun
        out.edits.append(Edit(piece.start, piece.end, f"{target} {'fewer' if plural else 'less'}", "A", 1))
    out.notes.append(f"on the way to {piece.text}")


def _never(anatomy: Anatomy, piece, target: str, out: Realism) -> None:
    """"never miss a workout" -> "miss a workout <target> less often": the same habit, measured."""
    following = anatomy.words_after(piece.end)
    if not following:
        return
    out.edits.append(Edit(piece.start, following[0].start, "", "A", 1))
    end = _phrase_end(anatomy, following[0])
    if piece.text.lower() == "never":
        out.edits.append(Edit(end, end, f" {target} less often", "A", 1))
        out.notes.append("aiming for a perfect record")
    else:
        out.edits.append(Edit(end, end, f" in at least {target} of cases", "A", 1))
        out.notes.append("aiming for every time")


def _phrase_end(anatomy: Anatomy, verb: Word) -> int:
    """End of the verb's own words: up to a preposition, a fact, punctuation or the reason."""
    stoppers = [m.start for m in anatomy.facts.mentions
                if m.start > verb.start and m.label not in ("ACTION", "VAGUE_TERM")]
    limit = min([anatomy.main_end] + stoppers)
    end = verb.end
    for w in anatomy.words_after(verb.end):
        if w.start >= limit or w.lower in OBJECT_BOUNDARY or not w.text[0].isalnum():
            break
        end = w.end
    return end


def _no_noun(anatomy: Anatomy, piece, target: str, out: Realism) -> None:
    """"no customer ever waits" -> "<target> fewer customers wait"."""
    no_end = piece.start + 2
    out.edits.append(Edit(piece.start, no_end, f"{target} fewer", "A", 1))
    following = anatomy.words_after(no_end)
    if not following:
        return
    noun = following[0]
    plural = inflections(noun.lower, "NNS")
    if plural and plural[0] != noun.lower:
        out.edits.append(Edit(noun.start, noun.end, plural[0], "A", 1))
    rest = following[1:3]
    if rest and rest[0].lower == "ever":
        next_word = following[2] if len(following) > 2 else None
        out.edits.append(Edit(rest[0].start, next_word.start if next_word else rest[0].end, "", "A", 1))
        rest = rest[1:]
    if rest and rest[0].lower.endswith("s") and lemmas.lemma(rest[0].lower, "VERB") != rest[0].lower:
        out.edits.append(Edit(rest[0].start, rest[0].end, base_form(rest[0].text), "A", 1))
    out.notes.append("on the way to none")


# -- growth: too much (10x) moves the target; too fast moves the deadline ---------------------------

def _growth(anatomy: Anatomy, view: GoalView, target: str, deadline: str, out: Realism) -> None:
    if view.growth is not None and view.growth_factor is not None and view.growth_factor >= EXTREME_FACTOR:
        _move_target(anatomy, view.growth[1], target, out)
        return
    too_fast = (view.growth_per_month is not None and view.growth_per_month >= EXTREME_GROWTH_PER_MONTH) or (
        view.short_term_growth is not None and view.short_term_growth > STRETCH_GROWTH_PERCENT)
    far = view.years_to_deadline is not None and view.years_to_deadline > MAX_YEARS
    if not (too_fast or far) or view.deadline is None:
        return
    when = view.deadline
    out.edits.append(Edit(when.start, when.end, f"by {deadline}", "A", 1))
    # the original expression word for word, so its date stays among the facts
    out.notes.append(f"with a first checkpoint {when.text}" if too_fast
                     else f"as a first milestone toward the goal {when.text}")
    out.gives_deadline = True


def _move_target(anatomy: Anatomy, change, target: str, out: Realism) -> None:
    """"grow traffic 10x" -> "grow traffic by <target>"; "from 4 to 40 researchers" goes whole."""
    end = change.end
    for m in anatomy.facts.mentions:  # a count that runs past the change ("2,500 units a month")
        if m.label in ("QUANTITY", "FREQUENCY", "MONEY") and change.start <= m.start < change.end:
            end = max(end, m.end)
            unit = (m.unit or "").lower()
            after = anatomy.facts.text[end:]
            if unit and after.lower().lstrip().startswith(unit):
                end += len(after) - len(after.lstrip()) + len(unit)
    moved = anatomy.facts.text[change.start:end]
    out.edits.append(Edit(change.start, end, f"by {target}", "A", 1))
    if moved.lower().startswith("from "):
        out.notes.append(f"a first step on the way {moved}")
    else:
        out.notes.append(f"a first step on the way to {LEADING_BY.sub('', moved)}")
    out.gives_target = True


# -- channels: keep two, add the rest later -----------------------------------------------------------

def _channels(anatomy: Anatomy, view: GoalView, out: Realism) -> None:
    total = len(view.channels)
    if total <= MAX_CHANNELS:
        return
    text = anatomy.facts.text
    platforms = sorted(view.platforms, key=lambda m: m.start)
    runs: list[list] = [[platforms[0]]]
    for previous, m in zip(platforms, platforms[1:]):
        if LIST_GAP.fullmatch(text[previous.end:m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in sorted(runs, key=len, reverse=True):
        if total <= MAX_CHANNELS or len(run) < 2:
            break
        items = _list_items(anatomy, run)
        keep = max(1, min(KEPT_CHANNELS, len(items) - (total - MAX_CHANNELS)))
        if keep >= len(items):
            continue
        kept, later = items[:keep], items[keep:]
        out.edits.append(Edit(items[0][0], items[-1][1], _join([text[s:e] for s, e in kept]) + " first", "A", 1))
        out.notes.append(f"adding {_join([text[s:e] for s, e in later])} later")
        total -= len({str(m.value or m.text).lower() for m in run}) - len(
            {str(m.value or m.text).lower() for m in run if m.start < kept[-1][1]})


def _list_items(anatomy: Anatomy, run: list) -> list[tuple[int, int]]:
    """(start, end) of each item of a list of channels, plus plain items after the last one."""
    text = anatomy.facts.text
    items, cursor = [], run[0].start
    for gap in SEPARATOR.finditer(text, run[0].start, run[-1].end):
        items.append((cursor, gap.start()))
        cursor = gap.end()
    items.append((cursor, run[-1].end))
    taken = [(m.start, m.end) for m in anatomy.facts.mentions if m.label not in ("ACTION", "VAGUE_TERM")]
    while True:
        found = LIST_TAIL.match(text, items[-1][1])
        if not found:
            return items
        end = None
        for word in re.finditer(r"[A-Za-z][\w-]*", found.group(1)):
            if word.group().lower() in OBJECT_BOUNDARY:
                break
            end = found.start(1) + word.end()
        if end is None or end > anatomy.main_end or any(s < end and found.start(1) < e for s, e in taken):
            return items
        items.append((found.start(1), end))


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
