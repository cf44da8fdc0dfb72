"""One plain question per letter under 2, worded from what the goal already says."""
from __future__ import annotations

from smartlint.coach import edits as ed
from smartlint.coach.anatomy import Anatomy

# The order a coach asks in: who, how much, by when, why, how (an owner often settles "how" too).
ASK_ORDER = ("A", "M", "T", "R", "S")


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def _predicate_phrase(anatomy: Anatomy) -> str:
    """The goal's own words for what is to be done ("get more visitors"), or "" if there is no verb."""
    if anatomy.predicate is None:
        return ""
    phrase = _quote(anatomy.facts.text[anatomy.predicate_start:anatomy.tail], limit=50)
    return ed.lower_first(phrase) if len(phrase.split()) > 1 else ""


def specific_question(anatomy: Anatomy, points: int) -> str:
    vague = [m.text for m in anatomy.in_main("VAGUE_TERM")]
    if points == 0:
        if vague:
            return (f'What exactly will change? "{vague[0]}" does not say: name the number, '
                    "deliverable or result you mean.")
        return "What exactly will change: which number, deliverable or result?"
    platforms = [m.text for m in anatomy.in_main("PLATFORM")]
    if platforms:
        return f"What should {platforms[0]} bring: which number or deliverable will show it worked?"
    phrase = _predicate_phrase(anatomy)
    if phrase:
        return f'How will you {phrase}: through which channel, method or platform?'
    return "How will this be done: through which channel, method or platform?"


def measurable_question(anatomy: Anatomy) -> str:
    comparative = ed.comparative_word(anatomy)
    if comparative is not None:
        following = [w.text for w in anatomy.words_after(comparative.start)[:3]]
        return f'"{_quote(" ".join(following))}" — how many {comparative.lower}, and from what baseline?'
    baseline = ed.baseline_without_target(anatomy)
    if baseline is not None:
        return f"From {baseline.text} to what: which number is the target?"
    phrase = _predicate_phrase(anatomy)
    if ed.is_change_predicate(anatomy) and phrase:
        return f'"{phrase}" — by how much, and from what baseline?'
    return "How many or how much: which number will show this is done, and from what baseline?"


def achievable_question(anatomy: Anatomy) -> str:
    if not anatomy.has_owner:
        return "Who owns this: which person, role or team answers for it?"
    facts = anatomy.facts
    today = facts.reference_date
    if "past_deadline" in anatomy.flags:
        past = next(m for m in facts.of("DATE", "DATE_RANGE", "DURATION", "START_TIME")
                    if m.deadline and m.deadline < today and not m.in_rationale)
        return f'"{past.text}" has already passed: what is the new deadline?'
    if "too_many_channels" in anatomy.flags:
        names = list(dict.fromkeys(m.value or m.text for m in facts.of("PLATFORM") if not m.in_rationale))
        return (f"{len(names)} channels at once ({', '.join(map(str, names))}): "
                "which two or three matter most?")
    if "absolute" in anatomy.flags:
        absolute = next((m for m in facts.of("PERCENT", "QUANTITY") if not m.in_rationale
                         and m.value is not None and (float(m.value) >= 100 if m.label == "PERCENT" else m.value == 0)), None)
        said = absolute.text if absolute else "this target"
        return f'"{said}" leaves no room for a single miss: what level is realistic?'
    if "far_deadline" in anatomy.flags:
        far = max((m for m in facts.of("DATE", "DATE_RANGE", "DURATION") if m.deadline), key=lambda m: m.deadline)
        return f'"{far.text}" is more than five years away: what can be done by an earlier date?'
    return "Is this realistic for the team: what would they commit to?"


def relevant_question(anatomy: Anatomy) -> str:
    if anatomy.trailing_reason:
        return "What result will this bring: which larger goal does it serve (revenue, clients, retention)?"
    phrase = _predicate_phrase(anatomy)
    if phrase:
        return f'Why does "{phrase}" matter: what larger goal does it serve?'
    return "Why does this matter: what larger goal does it serve?"


def time_question(anatomy: Anatomy) -> str:
    vague = anatomy.in_main("VAGUE_TIME")
    if vague:
        return f'"{vague[0].text}" — by which date exactly?'
    rates = anatomy.in_main("FREQUENCY")
    if rates:
        return f"{_quote(rates[0].text)} — by when?"
    starts = anatomy.in_main("START_TIME")
    if starts:
        return f'"{starts[0].text}" — and finished by when?'
    return "By when: which date or period (for example, by June 30 or within 3 months)?"


def questions(anatomy: Anatomy, points: dict[str, int]) -> list[tuple[str, str]]:
    """(dimension, question) for each letter under 2, in the order a coach would ask them."""
    asked = []
    for dimension in ed.weak_letters(points, ASK_ORDER):
        if dimension == "S":
            asked.append(("S", specific_question(anatomy, points["S"])))
        elif dimension == "M":
            asked.append(("M", measurable_question(anatomy)))
        elif dimension == "A":
            asked.append(("A", achievable_question(anatomy)))
        elif dimension == "R":
            asked.append(("R", relevant_question(anatomy)))
        else:
            asked.append(("T", time_question(anatomy)))
    return asked
