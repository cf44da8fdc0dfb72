"""Numbers, percentages, money and changes: normalizes the spans quantity_ruler marks.

The ruler (patterns in models/patterns/quantities.jsonl) marks candidate number runs (NUM), currency
markers (CUR), percent words (PCT), multiplicative changes (FACTOR), and cue words that give a number
its role (CUE, STAFF, DIR). This component keeps the longest number run that parses at each place,
attaches currency and percent markers to it, decides its role, and adds CHANGE mentions.
"""
from __future__ import annotations

import re
from collections import defaultdict

from spacy.language import Language

from smartlint.nlp.doc_mentions import add_mention, doc_text
from smartlint.nlp.quantity_grammar import (
    IRREGULAR_PLURALS,
    TIME_AFTER,
    UNIT_SKIP,
    UNIT_STOP,
    YEAR_BEFORE,
    parse_cardinal,
    phone_spans,
    scale_value,
    split_glued_money,
)

SPANS_KEY = "sl_quantity"
_FIRST_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_FOUR_DIGITS = re.compile(r"^\d{4}$")
# Words allowed between a cue and its number ("currently at about 40", "by at least 20%").
_BASELINE_FILLERS = frozenset("at about around roughly approximately only just nearly almost is are has have sits "
                              "stands standing sitting of".split())
_BY_FILLERS = frozenset("another an additional at least over more than about around roughly approximately "
                        "almost nearly up to a further extra".split())
_FROM_FILLERS = frozenset("about around roughly approximately just only a an".split())
_TO_FILLERS = frozenset("about around roughly approximately at least over more than just nearly almost a an".split())
# "one" that is a pronoun, not a count: "one of our", "no one", "one-on-one".
_ONE_BEFORE = frozenset("no any every each some the this that which someone anyone everyone".split())
_ONE_AFTER = frozenset("of another day".split())
_ONE_COMPOUND = frozenset("on off stop time way sided size liner pager click shot to".split())
# "double-digit", "double-check": the factor word used as an adjective or another verb.
_FACTOR_NOT_AFTER = frozenset("digit digits down click check standard edged entry".split())
_TEAM_WORDS = frozenset("team crew squad department staff group company startup agency firm shop".split())
_TEAM_COUNT_NOUNS = frozenset("person member people strong man".split())
_STAFF_OWNERS = frozenset("with our my have has".split())
_TAIL_FOLLOWERS = frozenset("more less only each extra".split())
# Words that may sit inside a run of number words ("one hundred and twenty", "two point five").
_CONNECTORS = frozenset("and - point a an half quarter quarters k bn mn mm tn".split())
_GLUED_SCALES = frozenset("m b".split())  # "$1.2M": only when written onto the digits
_LEADING_WORDS = frozenset("a an half quarter".split())
_LEADING_NEXT = frozenset("hundred thousand million billion trillion dozen half quarter".split())
_TIMES_COMPARATIVES = frozenset("more larger bigger higher greater faster as over".split())
_GLUED_FACTOR = re.compile(r"^(?:(?P<a>\d+(?:\.\d+)?)[xX×]|[xX×](?P<b>\d+(?:\.\d+)?))$")
_GLUED_SPECIAL = re.compile(r"^(?:(?P<rank>(?:top|bottom)-\d+)|[vV]\d+(?:\.\d+)*|\d+\.\d+\.\d+)$", re.IGNORECASE)


class _Number:
    """One number found in the doc (token range) and what it turned out to be."""

    __slots__ = ("start", "end", "value", "label", "currency", "role", "unit", "suffix_currency")

    def __init__(self, start: int, end: int, value: float, role: str | None = None):
        self.start, self.end, self.value, self.role = start, end, value, role
        self.label = "QUANTITY"
        self.currency = None
        self.unit = None
        self.suffix_currency = False


def _longest_by(spans, key) -> dict[int, object]:
    found: dict[int, object] = {}
    for span in spans:
        at = key(span)
        if at not in found or len(span) > len(found[at]):
            found[at] = span
    return found


class QuantityNormalizer:
    def __init__(self, nlp: Language, ruler_name: str = "quantity_ruler"):
        self.nlp = nlp
        self.ruler_name = ruler_name
        self._markers: dict[str, str] | None = None

    def initialize(self, get_examples=None, *, nlp=None):
        self._markers = None

    def _currency_markers(self) -> tuple[dict[str, str], dict[str, str]]:
        """Currency markers from the ruler's patterns (any case, capitals only) for glued money."""
        if self._markers is None:
            any_case: dict[str, str] = {}
            capitals: dict[str, str] = {}
            for pattern in self.nlp.get_pipe(self.ruler_name).patterns:
                if pattern["label"] == "CUR" and isinstance(pattern["pattern"], str):
                    any_case[pattern["pattern"].lower()] = pattern["id"]
                elif pattern["label"] == "CUR_CAPS" and isinstance(pattern["pattern"], str):
                    capitals[pattern["pattern"]] = pattern["id"]
            self._markers = (any_case, capitals)
        return self._markers

    def _marker_code(self, marker: str) -> str | None:
        any_case, capitals = self._currency_markers()
        return any_case.get(marker.lower()) or capitals.get(marker)

    def __call__(self, doc):
        spans = doc.spans.get(SPANS_KEY)
        if not spans:
            return doc
        by_label = defaultdict(list)
        for span in spans:
            by_label[span.label_].append(span)
        if not (by_label["NUM"] or by_label["NUM_A"] or by_label["FACTOR"] or by_label["BY_FRACTION"]):
            return doc
        taken = bytearray(len(doc))
        changes: list[tuple[int, int, dict]] = []
        dirs = sorted((s.end, s.id_) for s in by_label["DIR"])

        number_tokens = {span.start for span in by_label["NUM"]}
        self._factors(doc, by_label["FACTOR"], number_tokens, taken, changes)
        numbers = self._numbers(doc, number_tokens, by_label, taken, changes)
        self._attach_markers(doc, numbers, by_label)
        cues_before = defaultdict(list)
        for span in by_label["CUE"]:
            cues_before[span.end].append((span.id_, span.start))
        staff_starts = {s.start for s in by_label["STAFF"]}
        for number in numbers:
            self._set_unit(doc, number)
            self._set_role(doc, number, cues_before, staff_starts)
        numbers = [n for n in numbers if n.role != "name"]
        self._by_changes(doc, numbers, by_label["BY_FRACTION"], dirs, changes)
        self._from_to_changes(doc, numbers, changes)
        self._percent_changes(doc, numbers, by_label["DIR"], changes)

        for number in numbers:
            value: object = number.value
            if number.label == "MONEY":
                value = {"amount": number.value, "currency": number.currency}
            start_char, end_char = _char_range(doc, number.start, number.end)
            add_mention(doc, number.label, start_char, end_char, value=value, role=number.role,
                        unit=number.unit if number.label == "QUANTITY" else None)
        for start, end, value in changes:
            start_char, end_char = _char_range(doc, start, end)
            add_mention(doc, "CHANGE", start_char, end_char, value=value, kind=value["kind"])
        return doc

    # ---- finding numbers ----

    def _factors(self, doc, spans, number_tokens, taken, changes):
        """ "double", "halve", "in half", "10x", "x3": changes by a factor."""
        for span in spans:
            after = doc[span.end] if span.end < len(doc) else None
            before = doc[span.start - 1].lower_ if span.start else ""
            if after is not None and (after.lower_ in _FACTOR_NOT_AFTER or
                                      (after.text == "-" and not span[-1].whitespace_)):
                continue
            if before in ("a", "the") and span[0].lower_.startswith(("double", "triple")):
                continue
            self._add_factor(span.start, span.end, float(span.id_), taken, changes)
        for i in number_tokens:
            match = _GLUED_FACTOR.match(doc[i].text)
            if match:
                self._add_factor(i, i + 1, float(match["a"] or match["b"]), taken, changes)

    @staticmethod
    def _add_factor(start, end, factor, taken, changes):
        if factor and not any(taken[start:end]):
            for i in range(start, end):
                taken[i] = 1
            changes.append((start, end, {"kind": "factor", "factor": factor}))

    def _numbers(self, doc, number_tokens, by_label, taken, changes) -> list[_Number]:
        """Runs of number tokens and connectors; at each start, the longest run that parses wins."""
        phones: list[tuple[int, int]] | None = None  # computed only next to "-", "(", ")" or "+"
        numbers: list[_Number] = []
        for span in by_label["NUM_A"]:  # "a dollar"
            if not taken[span.start]:
                numbers.append(_Number(span.start, span.start + 1, 1.0, role="needs_currency"))
                taken[span.start] = 1
        n_tokens = len(doc)
        starts = sorted(number_tokens | {span.start for span in by_label["NUM_LEAD"]})
        next_free = 0
        for i in starts:
            if i < next_free or taken[i]:
                continue
            number = self._glued_token(doc, i) if i in number_tokens else None
            if number is None:
                run_end = i + 1
                while run_end < n_tokens and not taken[run_end] and (
                        run_end in number_tokens or _is_connector(doc, run_end)):
                    run_end += 1
                number = self._longest_parse(doc, i, run_end)
            if number is None:
                continue
            next_free = number.end
            start_char = doc[number.start].idx
            end_char = doc[number.end - 1].idx + len(doc[number.end - 1])
            if phones is None and _maybe_phone(doc, number):
                phones = phone_spans(doc_text(doc))
            if any(s < end_char and start_char < e for s, e in phones or ()) or self._glued_into_name(doc, number):
                continue
            if self._multiplier_words(doc, number, taken, changes):
                continue
            for k in range(number.start, number.end):
                taken[k] = 1
            numbers.append(number)
        numbers.sort(key=lambda n: n.start)
        return numbers

    def _glued_token(self, doc, i: int) -> _Number | None:
        """One token that is a whole number by itself: "USD115", "10k$", "v2", "top-10", "3.12.1"."""
        token = doc[i].text
        if token.isdigit() or token.isalpha():
            return None
        special = _GLUED_SPECIAL.match(token)
        if special:
            role = "rank" if special["rank"] else "version"
            return _Number(i, i + 1, float(_FIRST_NUMBER.search(token).group()), role=role)
        parts = split_glued_money(token)
        if parts:
            code = self._marker_code(parts[0])
            if code is not None:
                number = _Number(i, i + 1, parts[1])
                _set_currency(number, code)
                return number
        return None

    @staticmethod
    def _longest_parse(doc, start: int, run_end: int) -> _Number | None:
        words = [t.lower_ for t in doc[start:run_end]]
        for end in range(run_end, start, -1):
            if words[end - start - 1] in ("and", "-", "a", "an", "point") or doc[end - 1].is_space:
                continue
            value = parse_cardinal(words[:end - start])
            if value is None:
                continue
            if end - start == 1 and words[0] == "one" and _pronoun_one(doc, start):
                return None
            return _Number(start, end, value)
        return None

    @staticmethod
    def _multiplier_words(doc, number: _Number, taken, changes) -> bool:
        """ "3-fold", "ten times more": the number is a factor, not a count."""
        at = number.end
        n_tokens = len(doc)
        if at < n_tokens and doc[at].text == "-":
            at += 1
        if at < n_tokens and doc[at].lower_ == "fold":
            end = at + 1
        elif number.end + 1 < n_tokens and doc[number.end].lower_ == "times" \
                and doc[number.end + 1].lower_ in _TIMES_COMPARATIVES:
            end = number.end + 2
        else:
            return False
        QuantityNormalizer._add_factor(number.start, end, number.value, taken, changes)
        return True

    @staticmethod
    def _glued_into_name(doc, number: _Number) -> bool:
        """ "4G", "5pm", "Covid-19": digits written onto a word are part of a name or a time."""
        first, last = doc[number.start], doc[number.end - 1]
        if not (first.text[:1].isdigit() or last.text[-1:].isdigit()):
            return False
        if number.end < len(doc) and not last.whitespace_ and doc[number.end].is_alpha \
                and number.label == "QUANTITY" and scale_value(doc[number.end].lower_) is None:
            return True
        if number.start >= 1:
            before = doc[number.start - 1]
            if not before.whitespace_ and before.is_alpha:
                return True
            if number.start >= 2 and before.text == "-" and not before.whitespace_ \
                    and not doc[number.start - 2].whitespace_ and doc[number.start - 2].is_alpha:
                return True
        return False

    # ---- money and percent markers ----

    def _attach_markers(self, doc, numbers: list[_Number], by_label):
        markers = by_label["CUR"] + [s for s in by_label["CUR_CAPS"] if s.text[1:].isupper()]
        cur_by_end = _longest_by(markers, lambda s: s.end)
        cur_by_start = _longest_by(markers, lambda s: s.start)
        pct_by_start = _longest_by(by_label["PCT"], lambda s: s.start)
        claimed: set[int] = set()
        n_tokens = len(doc)
        for number in numbers:
            if number.label == "MONEY":
                continue
            prefix = cur_by_end.get(number.start)
            if prefix is not None and prefix.start not in claimed and number.role != "needs_currency":
                claimed.add(prefix.start)
                number.start = prefix.start
                _set_currency(number, prefix.id_)
                continue
            at = number.end
            if at + 1 < n_tokens and doc[at].text == "-" and not doc[at - 1].whitespace_ \
                    and not doc[at].whitespace_:
                at += 1  # "one-yen"
            suffix = cur_by_start.get(at)
            if suffix is not None and suffix.start not in claimed:
                claimed.add(suffix.start)
                number.end = suffix.end
                number.suffix_currency = True
                _set_currency(number, suffix.id_)
                if number.end < n_tokens and doc[number.end].is_alpha:
                    scale = scale_value(doc[number.end].lower_)
                    if scale and len(doc[number.end]) > 1:  # "75 USD million"
                        number.value *= scale
                        number.end += 1
                continue
            if number.role == "needs_currency":
                number.role = "drop"
                continue
            pct = pct_by_start.get(number.end)
            if pct is not None:
                number.label = "PERCENT"
                number.end = pct.end
        numbers[:] = [n for n in numbers if n.role != "drop"]
        for number in numbers:
            if number.role == "needs_currency":
                number.role = None
        self._cents_tails(doc, numbers)

    @staticmethod
    def _cents_tails(doc, numbers: list[_Number]):
        """ "3 dollars 50 cents", "$ 100 and fifty", "15 USD 50": the minor unit after an amount."""
        starts = {n.start: n for n in numbers}
        absorbed = set()
        n_tokens = len(doc)
        for money in numbers:
            if money.label != "MONEY" or id(money) in absorbed:
                continue
            at = money.end
            with_and = at < n_tokens and doc[at].lower_ == "and"
            tail = starts.get(at + 1 if with_and else at)
            if tail is None or tail.label != "QUANTITY" or not (0 < tail.value < 100) \
                    or tail.value != int(tail.value):
                continue
            after = doc[tail.end] if tail.end < n_tokens else None
            if after is not None and after.lower_ in ("cent", "cents"):
                end = tail.end + 1
            elif (with_and or money.suffix_currency) and (
                    after is None or (after.is_punct and after.text not in "-%") or after.lower_ in _TAIL_FOLLOWERS):
                end = tail.end
            else:
                continue
            money.value = round(money.value + tail.value / 100, 6)
            money.end = end
            absorbed.add(id(tail))
        numbers[:] = [n for n in numbers if id(n) not in absorbed]

    # ---- what the number is for ----

    @staticmethod
    def _set_unit(doc, number: _Number):
        if number.label != "QUANTITY":
            return
        at = number.end
        n_tokens = len(doc)
        if at + 1 < n_tokens and doc[at].text == "-" and not doc[at].whitespace_ \
                and not doc[at - 1].whitespace_ and doc[at + 1].is_alpha:
            number.unit = doc[at + 1].lower_  # "10-person", "5-star"
            return
        while at < n_tokens and doc[at].lower_ in UNIT_SKIP:
            at += 1
        words = []
        while at < n_tokens and len(words) < 3:
            token = doc[at]
            word = token.lower_
            if not token.is_alpha or word in UNIT_STOP or (words and token.is_title and not token.is_sent_start
                                                           and word not in IRREGULAR_PLURALS):
                break
            words.append(word)
            if word in IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith("ss") and len(word) > 2):
                break
            at += 1
        if not words:
            return
        plural = next((i for i, w in enumerate(words) if w in IRREGULAR_PLURALS or
                       (w.endswith("s") and not w.endswith("ss") and len(w) > 2)), None)
        if plural is None:
            words = words[:2] if len(words) >= 2 and not words[1].endswith(("ing", "ed", "ly")) else words[:1]
        else:
            words = words[:plural + 1]
        number.unit = " ".join(words)

    @staticmethod
    def _set_role(doc, number: _Number, cues_before, staff_starts):
        if number.role is not None:
            return
        n_tokens = len(doc)
        direct = {role for role, _ in cues_before.get(number.start, ())}
        if "name" in direct:
            number.role = "name"
            return
        if "version" in direct and doc[number.start].text[:1].isdigit():
            number.role = "version"
            return
        if "rank" in direct:
            number.role = "rank"
            return
        if "team" in direct:
            number.role = "team_size"
            return
        if _is_baseline(doc, number.start, cues_before):
            number.role = "baseline"
            return
        after = doc[number.end].lower_ if number.end < n_tokens else ""
        unit_at = number.end
        while unit_at < n_tokens and doc[unit_at].lower_ in UNIT_SKIP:
            unit_at += 1
        if any(role == "rank_after" for role, _ in cues_before.get(unit_at + 1, ())) and \
                doc[unit_at].lower_ in {"largest", "biggest", "best", "most", "highest", "greatest", "leading",
                                        "fastest", "smallest", "worst", "strongest", "top", "richest",
                                        "busiest", "cheapest"}:
            number.role = "rank"
            return
        before = doc[number.start - 1].lower_ if number.start else ""
        if number.label == "QUANTITY" and (
                (unit_at in staff_starts and before in _STAFF_OWNERS) or _sizes_a_team(doc, number)):
            number.role = "team_size"
            return
        if number.label == "QUANTITY" and (_is_list_marker(doc, number) or _is_designation(doc, number)):
            number.role = "name"
            return
        if _describes_the_present(doc, number.start, cues_before):
            number.role = "baseline"
            return
        if number.label == "QUANTITY" and _FOUR_DIGITS.match(doc[number.start].text) and number.end - number.start == 1 \
                and 1900 <= number.value <= 2100 and (before in YEAR_BEFORE or not before
                                                      or doc[number.start - 1].is_punct) \
                and not (number.unit and number.unit.endswith("s")):
            number.role = "year"
            number.unit = None
            return
        number.role = "target"

    # ---- changes ----

    @staticmethod
    def _by_changes(doc, numbers, by_fractions, dirs, changes):
        for span in by_fractions:
            direction = _direction(dirs, span.start)
            changes.append((span.start, span.end, {"kind": "by", "percent": float(span.id_), "direction": direction}))
        for number in numbers:
            if number.role not in ("target", None):
                continue
            at = _skip_back(doc, number.start, _BY_FILLERS, 3)
            if at < 0 or doc[at].lower_ != "by":
                continue
            if number.label == "QUANTITY" and number.end < len(doc) and doc[number.end].lower_ in TIME_AFTER:
                continue
            value = {"kind": "by"}
            if number.label == "PERCENT":
                value["percent"] = number.value
            else:
                value["amount"] = number.value
                if number.currency:
                    value["currency"] = number.currency
            value["direction"] = _direction(dirs, at)
            changes.append((at, number.end, value))

    @staticmethod
    def _from_to_changes(doc, numbers, changes):
        n_tokens = len(doc)
        for i, first in enumerate(numbers[:-1]):
            second = numbers[i + 1]
            if first.role not in ("target", "baseline") or second.role not in ("target", "baseline"):
                continue
            if any(n < n_tokens and doc[n].lower_ in TIME_AFTER for n in (first.end, second.end)):
                continue
            first_cue = _skip_back(doc, first.start, _FROM_FILLERS, 2)
            second_cue = _skip_back(doc, second.start, _TO_FILLERS, 3)
            if first_cue < 0 or second_cue < first.end or second_cue - first.end > 4:
                continue
            pair = (doc[first_cue].lower_, doc[second_cue].lower_)
            if pair == ("from", "to"):
                baseline, target = first, second
            elif pair == ("to", "from"):
                baseline, target = second, first
            else:
                continue
            if any(not doc[k].is_alpha for k in range(first.end, second_cue)):
                continue
            baseline.role, target.role = "baseline", "target"
            changes.append((first_cue, second.end, {"kind": "from_to", "from": baseline.value, "to": target.value}))

    @staticmethod
    def _percent_changes(doc, numbers, dir_spans, changes):
        """ "a 20% increase", "15% fewer returns": a percent right before a direction word."""
        dir_by_start = {s.start: s for s in dir_spans}
        covered = {(s, e) for s, e, _ in changes}
        for number in numbers:
            if number.label != "PERCENT" or number.role != "target":
                continue
            word = dir_by_start.get(number.end)
            if word is None or any(s <= number.start and number.end <= e for s, e in covered):
                continue
            changes.append((number.start, word.end, {"kind": "by", "percent": number.value, "direction": word.id_}))


def _maybe_phone(doc, number: _Number) -> bool:
    """Digits written against a dash, bracket or plus sign may belong to a phone number."""
    before = doc[number.start - 1] if number.start else None
    after = doc[number.end] if number.end < len(doc) else None
    return (doc[number.start].text.startswith("+")
            or (before is not None and not before.whitespace_ and before.text in "-()+.")
            or (after is not None and not doc[number.end - 1].whitespace_ and after.text in "-()."))


def _is_connector(doc, i: int) -> bool:
    token = doc[i]
    word = token.lower_
    if word in _GLUED_SCALES:
        return not doc[i - 1].whitespace_
    return word in _CONNECTORS or token.is_space


def _set_currency(number: _Number, marker_id: str):
    code, _, multiplier = marker_id.partition("|")
    number.label = "MONEY"
    number.currency = code
    if multiplier:
        number.value *= float(multiplier)


def _pronoun_one(doc, at: int) -> bool:
    before = doc[at - 1].lower_ if at else ""
    after = doc[at + 1] if at + 1 < len(doc) else None
    if before in _ONE_BEFORE or (after is not None and after.lower_ in _ONE_AFTER):
        return True
    return (after is not None and after.text == "-" and at + 2 < len(doc)
            and doc[at + 2].lower_ in _ONE_COMPOUND)


def _skip_back(doc, start: int, fillers: frozenset, limit: int) -> int:
    """The index of the first token before `start` that is not a filler word (-1 if none)."""
    at = start - 1
    while at >= 0 and limit > 0 and doc[at].lower_ in fillers:
        at -= 1
        limit -= 1
    return at


def _sizes_a_team(doc, number: _Number) -> bool:
    """ "12-person team", "a 12-person HR team": the count hyphenated onto a team noun."""
    end = number.end
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end + 1].lower_ not in _TEAM_COUNT_NOUNS:
        return False
    # the team word may follow a short name of the team ("12-person HR team")
    return any(doc[k].lower_ in _TEAM_WORDS for k in range(end + 2, min(end + 5, len(doc))))


def _is_list_marker(doc, number: _Number) -> bool:
    """ "1. Objective: ...", "2) ...": a number that opens the text and is closed by . or )."""
    return (number.start == 0 and number.end < len(doc) and doc[number.end].text in (".", ")")
            and doc[number.start].text.isdigit())


def _is_designation(doc, number: _Number) -> bool:
    """ "Ward 7", "Plant 2", "SOC 2": a bare integer right after a capitalized word inside the
    sentence names a thing; it counts nothing (a sentence-initial verb, "Recruit 40", does not)."""
    if number.end - number.start != 1 or not doc[number.start].text.isdigit() or number.start < 2:
        return False
    name = doc[number.start - 1]
    if not name.is_alpha or not name.text[:1].isupper() or name.is_sent_start:
        return False
    previous = doc[number.start - 2]
    if previous.is_punct and previous.text not in ("-", "(", "'", "’", "\"", "“"):
        return False  # the capital may only open a clause or a list item
    return not (number.unit and number.unit[:1].islower() and number.unit.endswith("s"))


# Present-tense descriptions: "currently brings in around 40 requests", "which currently make up 55%".
_PRESENT_CUES = frozenset("currently presently today now".split())
_TARGET_WORDS = frozenset("to by from reach hit into under below above than least".split())


def _describes_the_present(doc, start: int, cues_before) -> bool:
    """A "currently" a few words back in the same clause, with no word of change in between."""
    for at in range(start - 1, max(-1, start - 7), -1):
        token = doc[at]
        if token.lower_ in _PRESENT_CUES:
            return True
        if token.is_punct or token.lower_ in _TARGET_WORDS or token.lower_ in ("and", "but", "so", "we", "i"):
            return False
    return False


def _is_baseline(doc, start: int, cues_before) -> bool:
    at = start
    for _ in range(3):
        if any(role == "baseline" for role, _ in cues_before.get(at, ())):
            return True
        if at == 0 or doc[at - 1].lower_ not in _BASELINE_FILLERS:
            return False
        at -= 1
    return False


def _direction(dirs: list[tuple[int, str]], before: int, window: int = 8) -> str:
    """The nearest direction word ending at or before token `before`; "up" when none is near."""
    direction = "up"
    for end, word_direction in dirs:
        if end > before:
            break
        if before - end <= window:
            direction = word_direction
    return direction


def _char_range(doc, start: int, end: int) -> tuple[int, int]:
    last = doc[end - 1]
    end_char = last.idx + len(last)
    if last.text.endswith(".") and len(last) > 1 and not last.text[-2].isalpha():
        end_char -= 1  # "10M." keeps its full stop out of the number
    return doc[start].idx, end_char


@Language.factory("smartlint_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityNormalizer:
    return QuantityNormalizer(nlp)
