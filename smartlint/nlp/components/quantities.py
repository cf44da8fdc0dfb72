"""Numbers, percentages, money and changes: normalizes the spans quantity_ruler marks.

The ruler (patterns in models/patterns/quantities.jsonl) marks candidate number runs (NUM), currency
markers (CUR), percent words (PCT), multiplicative changes (FACTOR), and cue words that give a number
its role (CUE, STAFF, DIR). This component keeps the longest number run that parses at each place,
attaches currency and percent markers to it, decides its role, and adds CHANGE mentions.

It reads the doc through its TokenTable (plain lists) rather than spaCy Token objects, and each
marked span as a (start, end, id) tuple. Most docs have a number or two and few markers, so each
sub-pass first makes a cheap test (is there a currency or percent marker, a cue, a "by" or "from" in
the doc?) and is skipped when it could find nothing.
"""
from __future__ import annotations

import re

from spacy.language import Language

from smartlint.nlp.doc_mentions import doc_text, mentions, ruler_matches
from smartlint.nlp.quantity_grammar import (
    DIGITS_RE,
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
from smartlint.nlp.token_table import TokenTable, token_table

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
_MULTIPLIER_NEXT = frozenset(("-", "fold", "times"))  # the words _multiplier_words looks for next
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


# A marked span: (start token, end token, pattern id).
Marked = tuple[int, int, str]


def _longest_at(spans: list[Marked], side: int) -> dict[int, Marked]:
    """The longest span at each start (side 0) or end (side 1)."""
    found: dict[int, Marked] = {}
    for span in spans:
        at = span[side]
        if at not in found or span[1] - span[0] > found[at][1] - found[at][0]:
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
        spans = ruler_matches(doc, SPANS_KEY)
        if not spans:
            return doc
        by_label: dict[str, list[Marked]] = {}  # only the labels the doc has
        for start, end, label, ident in spans:
            marked = by_label.get(label)
            if marked is None:
                by_label[label] = [(start, end, ident)]
            else:
                marked.append((start, end, ident))
        number_spans = by_label.get("NUM", ())
        if not (number_spans or "NUM_A" in by_label or "FACTOR" in by_label or "BY_FRACTION" in by_label):
            return doc
        tokens = token_table(doc)
        taken = bytearray(tokens.n)
        changes: list[tuple[int, int, dict]] = []
        # Most sub-passes look for a word ("by", "from", "currently"); a set of the doc's words
        # lets each skip its loop when the word is absent.
        words = set(tokens.lower)

        number_tokens = {start for start, _, _ in number_spans}
        self._factors(tokens, by_label.get("FACTOR", ()), number_tokens, taken, changes)
        numbers = self._numbers(tokens, number_tokens, by_label, taken, changes)
        if numbers:
            self._attach_markers(tokens, numbers, by_label)
            self._set_units_and_roles(tokens, numbers, by_label, words)
            numbers = [n for n in numbers if n.role != "name"]
        dir_spans = by_label.get("DIR", ())
        if "BY_FRACTION" in by_label or "by" in words:
            self._by_changes(tokens, numbers, by_label.get("BY_FRACTION", ()), dir_spans, changes)
        if len(numbers) > 1 and "from" in words and "to" in words:
            self._from_to_changes(tokens, numbers, changes)
        if dir_spans:
            self._percent_changes(numbers, dir_spans, changes)
        _record(doc, tokens, numbers, changes)
        return doc

    # ---- finding numbers ----

    def _factors(self, tokens: TokenTable, spans: list[Marked], number_tokens, taken, changes):
        """ "double", "halve", "in half", "10x", "x3": changes by a factor."""
        lower, text = tokens.lower, tokens.text
        for start, end, factor in spans:
            if end < tokens.n and (lower[end] in _FACTOR_NOT_AFTER or (text[end] == "-" and not tokens.ws[end - 1])):
                continue
            before = lower[start - 1] if start else ""
            if before in ("a", "the") and lower[start].startswith(("double", "triple")):
                continue
            self._add_factor(start, end, float(factor), taken, changes)
        for i in number_tokens:
            match = None if text[i].isdigit() else _GLUED_FACTOR.match(text[i])
            if match:
                self._add_factor(i, i + 1, float(match["a"] or match["b"]), taken, changes)

    @staticmethod
    def _add_factor(start, end, factor, taken, changes):
        if factor and not any(taken[start:end]):
            for i in range(start, end):
                taken[i] = 1
            changes.append((start, end, {"kind": "factor", "factor": factor}))

    def _numbers(self, tokens: TokenTable, number_tokens, by_label, taken, changes) -> list[_Number]:
        """Runs of number tokens and connectors; at each start, the longest run that parses wins."""
        phones: list[tuple[int, int]] | None = None  # computed only next to "-", "(", ")" or "+"
        numbers: list[_Number] = []
        article_amounts = by_label.get("NUM_A", ())
        for start, _, _ in article_amounts:  # "a dollar"
            if not taken[start]:
                numbers.append(_Number(start, start + 1, 1.0, role="needs_currency"))
                taken[start] = 1
        n_tokens, text, lower, ws = tokens.n, tokens.text, tokens.lower, tokens.ws
        leads = by_label.get("NUM_LEAD")
        starts = sorted(number_tokens | {start for start, _, _ in leads} if leads else number_tokens)
        next_free = 0
        for i in starts:
            if i < next_free or taken[i]:
                continue
            token = text[i]
            number = None
            if i in number_tokens and not (token.isdigit() or token.isalpha()):
                number = self._glued_token(tokens, i)
            if number is None:
                run_end = i + 1
                while run_end < n_tokens and not taken[run_end] and (
                        run_end in number_tokens or _is_connector(tokens, run_end)):
                    run_end += 1
                if run_end == i + 1 and token.isascii() and token.isdigit():
                    number = _Number(i, run_end, float(token))  # as _longest_parse reads it
                else:
                    number = self._longest_parse(tokens, i, run_end)
            if number is None:
                continue
            next_free = end = number.end
            # with a space on each side the number is no part of a phone number, name or time
            apart = (not i or ws[i - 1]) and ws[end - 1] and token[:1] != "+"
            if phones is None and not apart and _maybe_phone(tokens, number):
                phones = phone_spans(tokens.source)
            if phones and _in_phone_number(tokens, number, phones):
                continue
            if not apart and self._glued_into_name(tokens, number):
                continue
            if end < n_tokens and lower[end] in _MULTIPLIER_NEXT and \
                    self._multiplier_words(tokens, number, taken, changes):
                continue
            for k in range(number.start, number.end):
                taken[k] = 1
            numbers.append(number)
        if article_amounts:  # the rest were found in token order
            numbers.sort(key=lambda n: n.start)
        return numbers

    def _glued_token(self, tokens: TokenTable, i: int) -> _Number | None:
        """One token, neither all digits nor all letters, that is a whole number by itself: "USD115",
        "10k$", "v2", "top-10", "3.12.1"."""
        token = tokens.text[i]
        if DIGITS_RE.match(token):
            return None  # plain digits ("2,000", "2.5") carry no marker, version or rank
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
    def _longest_parse(tokens: TokenTable, start: int, run_end: int) -> _Number | None:
        words = tokens.lower[start:run_end]
        for end in range(run_end, start, -1):
            if words[end - start - 1] in ("and", "-", "a", "an", "point") or tokens.text[end - 1].isspace():
                continue
            value = parse_cardinal(words[:end - start])
            if value is None:
                continue
            if end - start == 1 and words[0] == "one" and _pronoun_one(tokens, start):
                return None
            return _Number(start, end, value)
        return None

    @staticmethod
    def _multiplier_words(tokens: TokenTable, number: _Number, taken, changes) -> bool:
        """ "3-fold", "ten times more": the number is a factor, not a count."""
        lower = tokens.lower
        at = number.end
        n_tokens = tokens.n
        if at < n_tokens and tokens.text[at] == "-":
            at += 1
        if at < n_tokens and lower[at] == "fold":
            end = at + 1
        elif number.end + 1 < n_tokens and lower[number.end] == "times" \
                and lower[number.end + 1] in _TIMES_COMPARATIVES:
            end = number.end + 2
        else:
            return False
        QuantityNormalizer._add_factor(number.start, end, number.value, taken, changes)
        return True

    @staticmethod
    def _glued_into_name(tokens: TokenTable, number: _Number) -> bool:
        """ "4G", "5pm", "Covid-19": digits written onto a word are part of a name or a time."""
        text, ws = tokens.text, tokens.ws
        start, end = number.start, number.end
        if not (text[start][:1].isdigit() or text[end - 1][-1:].isdigit()):
            return False
        if end < tokens.n and not ws[end - 1] and text[end].isalpha() \
                and number.label == "QUANTITY" and scale_value(tokens.lower[end]) is None:
            return True
        if start >= 1:
            before = start - 1
            if not ws[before] and text[before].isalpha():
                return True
            if start >= 2 and text[before] == "-" and not ws[before] \
                    and not ws[start - 2] and text[start - 2].isalpha():
                return True
        return False

    # ---- money and percent markers ----

    def _attach_markers(self, tokens: TokenTable, numbers: list[_Number], by_label):
        markers = list(by_label.get("CUR", ()))
        markers += [s for s in by_label.get("CUR_CAPS", ()) if tokens.span_text(s[0], s[1])[1:].isupper()]
        if markers or "PCT" in by_label or "NUM_A" in by_label:
            self._attach_marked(tokens, numbers, markers, by_label.get("PCT", ()))
        if any(n.label == "MONEY" for n in numbers):
            self._cents_tails(tokens, numbers)

    @staticmethod
    def _attach_marked(tokens: TokenTable, numbers: list[_Number], markers: list[Marked], pct_spans: list[Marked]):
        cur_by_end = _longest_at(markers, 1)
        cur_by_start = _longest_at(markers, 0)
        pct_by_start = _longest_at(pct_spans, 0)
        claimed: set[int] = set()
        text, ws = tokens.text, tokens.ws
        n_tokens = tokens.n
        for number in numbers:
            if number.label == "MONEY":
                continue
            prefix = cur_by_end.get(number.start)
            if prefix is not None and prefix[0] not in claimed and number.role != "needs_currency":
                claimed.add(prefix[0])
                number.start = prefix[0]
                _set_currency(number, prefix[2])
                continue
            at = number.end
            if at + 1 < n_tokens and text[at] == "-" and not ws[at - 1] and not ws[at]:
                at += 1  # "one-yen"
            suffix = cur_by_start.get(at)
            if suffix is not None and suffix[0] not in claimed:
                claimed.add(suffix[0])
                number.end = suffix[1]
                number.suffix_currency = True
                _set_currency(number, suffix[2])
                if number.end < n_tokens and text[number.end].isalpha():
                    scale = scale_value(tokens.lower[number.end])
                    if scale and len(text[number.end]) > 1:  # "75 USD million"
                        number.value *= scale
                        number.end += 1
                continue
            if number.role == "needs_currency":
                number.role = "drop"
                continue
            pct = pct_by_start.get(number.end)
            if pct is not None:
                number.label = "PERCENT"
                number.end = pct[1]
        numbers[:] = [n for n in numbers if n.role != "drop"]
        for number in numbers:
            if number.role == "needs_currency":
                number.role = None

    @staticmethod
    def _cents_tails(tokens: TokenTable, numbers: list[_Number]):
        """ "3 dollars 50 cents", "$ 100 and fifty", "15 USD 50": the minor unit after an amount."""
        starts = {n.start: n for n in numbers}
        absorbed = set()
        lower = tokens.lower
        n_tokens = tokens.n
        for money in numbers:
            if money.label != "MONEY" or id(money) in absorbed:
                continue
            at = money.end
            with_and = at < n_tokens and lower[at] == "and"
            tail = starts.get(at + 1 if with_and else at)
            if tail is None or tail.label != "QUANTITY" or not (0 < tail.value < 100) \
                    or tail.value != int(tail.value):
                continue
            after = tail.end if tail.end < n_tokens else None
            if after is not None and lower[after] in ("cent", "cents"):
                end = tail.end + 1
            elif (with_and or money.suffix_currency) and (
                    after is None or (tokens.is_punct[after] and tokens.text[after] not in "-%")
                    or lower[after] in _TAIL_FOLLOWERS):
                end = tail.end
            else:
                continue
            money.value = round(money.value + tail.value / 100, 6)
            money.end = end
            absorbed.add(id(tail))
        numbers[:] = [n for n in numbers if id(n) not in absorbed]

    # ---- what the number is for ----

    def _set_units_and_roles(self, tokens: TokenTable, numbers: list[_Number], by_label, words: set[str]):
        cues_before: dict[int, set[str]] = {}
        for start, end, role in by_label.get("CUE", ()):
            cues_before.setdefault(end, set()).add(role)
        staff_starts = {start for start, _, _ in by_label.get("STAFF", ())}
        present = not _PRESENT_CUES.isdisjoint(words)
        for number in numbers:
            self._set_unit(tokens, number)
            if number.role is None:
                self._set_role(tokens, number, cues_before, staff_starts, present)

    @staticmethod
    def _set_unit(tokens: TokenTable, number: _Number):
        if number.label != "QUANTITY":
            return
        text, lower, ws = tokens.text, tokens.lower, tokens.ws
        at = number.end
        n_tokens = tokens.n
        if at + 1 < n_tokens and text[at] == "-" and not ws[at] and not ws[at - 1] and text[at + 1].isalpha():
            number.unit = lower[at + 1]  # "10-person", "5-star"
            return
        while at < n_tokens and lower[at] in UNIT_SKIP:
            at += 1
        words = []
        plural = False  # a plural noun ends the unit, so only the last word can be one
        while at < n_tokens and len(words) < 3:
            word = lower[at]
            if not text[at].isalpha() or word in UNIT_STOP or (
                    words and text[at].istitle() and tokens.sent_start[at] != 1 and word not in IRREGULAR_PLURALS):
                break
            words.append(word)
            if word in IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith("ss") and len(word) > 2):
                plural = True
                break
            at += 1
        if not words:
            return
        if not plural:
            words = words[:2] if len(words) >= 2 and not words[1].endswith(("ing", "ed", "ly")) else words[:1]
        number.unit = " ".join(words)

    @staticmethod
    def _set_role(tokens: TokenTable, number: _Number, cues_before: dict[int, set[str]], staff_starts,
                  present: bool):
        """The role of a number that has none yet. cues_before: the roles of the cue words ending at
        each token; present: whether the doc has a word that describes the present."""
        lower = tokens.lower
        n_tokens = tokens.n
        unit_at = number.end
        while unit_at < n_tokens and lower[unit_at] in UNIT_SKIP:
            unit_at += 1
        if cues_before:
            direct = cues_before.get(number.start, ())
            if "name" in direct:
                number.role = "name"
                return
            if "version" in direct and tokens.text[number.start][:1].isdigit():
                number.role = "version"
                return
            if "rank" in direct:
                number.role = "rank"
                return
            if "team" in direct:
                number.role = "team_size"
                return
            if _is_baseline(tokens, number.start, cues_before):
                number.role = "baseline"
                return
            if "rank_after" in cues_before.get(unit_at + 1, ()) and lower[unit_at] in _SUPERLATIVES:
                number.role = "rank"
                return
        before = lower[number.start - 1] if number.start else ""
        counts = number.label == "QUANTITY"
        if counts:
            if (unit_at in staff_starts and before in _STAFF_OWNERS) or _sizes_a_team(tokens, number):
                number.role = "team_size"
                return
            if _is_list_marker(tokens, number) or _is_designation(tokens, number):
                number.role = "name"
                return
        if present and _describes_the_present(tokens, number.start):
            number.role = "baseline"
            return
        if counts and number.end - number.start == 1 and 1900 <= number.value <= 2100 \
                and _FOUR_DIGITS.match(tokens.text[number.start]) and (before in YEAR_BEFORE or not before
                                                                       or tokens.is_punct[number.start - 1]) \
                and not (number.unit and number.unit.endswith("s")):
            number.role = "year"
            number.unit = None
            return
        number.role = "target"

    # ---- changes ----

    @staticmethod
    def _by_changes(tokens: TokenTable, numbers, by_fractions: list[Marked], dir_spans: list[Marked], changes):
        dirs = sorted((end, ident) for _, end, ident in dir_spans)
        for start, end, percent in by_fractions:
            direction = _direction(dirs, start)
            changes.append((start, end, {"kind": "by", "percent": float(percent), "direction": direction}))
        lower = tokens.lower
        for number in numbers:
            if number.role not in ("target", None):
                continue
            at = _skip_back(lower, number.start, _BY_FILLERS, 3)
            if at < 0 or lower[at] != "by":
                continue
            if number.label == "QUANTITY" and number.end < tokens.n and lower[number.end] in TIME_AFTER:
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
    def _from_to_changes(tokens: TokenTable, numbers, changes):
        lower = tokens.lower
        n_tokens = tokens.n
        for i, first in enumerate(numbers[:-1]):
            second = numbers[i + 1]
            if first.role not in ("target", "baseline") or second.role not in ("target", "baseline"):
                continue
            if any(n < n_tokens and lower[n] in TIME_AFTER for n in (first.end, second.end)):
                continue
            first_cue = _skip_back(lower, first.start, _FROM_FILLERS, 2)
            second_cue = _skip_back(lower, second.start, _TO_FILLERS, 3)
            if first_cue < 0 or second_cue < first.end or second_cue - first.end > 4:
                continue
            pair = (lower[first_cue], lower[second_cue])
            if pair == ("from", "to"):
                baseline, target = first, second
            elif pair == ("to", "from"):
                baseline, target = second, first
            else:
                continue
            if any(not tokens.text[k].isalpha() for k in range(first.end, second_cue)):
                continue
            baseline.role, target.role = "baseline", "target"
            changes.append((first_cue, second.end, {"kind": "from_to", "from": baseline.value, "to": target.value}))

    @staticmethod
    def _percent_changes(numbers, dir_spans: list[Marked], changes):
        """ "a 20% increase", "15% fewer returns": a percent right before a direction word."""
        targets = [n for n in numbers if n.label == "PERCENT" and n.role == "target"]
        if not targets:
            return
        dir_by_start = {span[0]: span for span in dir_spans}
        covered = {(s, e) for s, e, _ in changes}
        for number in targets:
            word = dir_by_start.get(number.end)
            if word is None or any(s <= number.start and number.end <= e for s, e in covered):
                continue
            changes.append((number.start, word[1], {"kind": "by", "percent": number.value, "direction": word[2]}))


_SUPERLATIVES = frozenset({"largest", "biggest", "best", "most", "highest", "greatest", "leading", "fastest",
                           "smallest", "worst", "strongest", "top", "richest", "busiest", "cheapest"})


def _maybe_phone(tokens: TokenTable, number: _Number) -> bool:
    """Digits written against a dash, bracket or plus sign may belong to a phone number."""
    text, ws = tokens.text, tokens.ws
    start, end = number.start, number.end
    return (text[start].startswith("+")
            or (start > 0 and not ws[start - 1] and text[start - 1] in "-()+.")
            or (end < tokens.n and not ws[end - 1] and text[end] in "-()."))


def _in_phone_number(tokens: TokenTable, number: _Number, phones: list[tuple[int, int]]) -> bool:
    start_char = tokens.idx[number.start]
    end_char = tokens.end_char(number.end - 1)
    return any(start < end_char and start_char < end for start, end in phones)


def _is_connector(tokens: TokenTable, i: int) -> bool:
    word = tokens.lower[i]
    if word in _GLUED_SCALES:
        return not tokens.ws[i - 1]
    return word in _CONNECTORS or tokens.text[i].isspace()


def _set_currency(number: _Number, marker_id: str):
    code, _, multiplier = marker_id.partition("|")
    number.label = "MONEY"
    number.currency = code
    if multiplier:
        number.value *= float(multiplier)


def _pronoun_one(tokens: TokenTable, at: int) -> bool:
    lower = tokens.lower
    before = lower[at - 1] if at else ""
    has_after = at + 1 < tokens.n
    if before in _ONE_BEFORE or (has_after and lower[at + 1] in _ONE_AFTER):
        return True
    return has_after and tokens.text[at + 1] == "-" and at + 2 < tokens.n and lower[at + 2] in _ONE_COMPOUND


def _skip_back(lower: list[str], start: int, fillers: frozenset, limit: int) -> int:
    """The index of the first token before `start` that is not a filler word (-1 if none)."""
    at = start - 1
    while at >= 0 and limit > 0 and lower[at] in fillers:
        at -= 1
        limit -= 1
    return at


def _sizes_a_team(tokens: TokenTable, number: _Number) -> bool:
    """ "12-person team", "a 12-person HR team": the count hyphenated onto a team noun."""
    end = number.end
    lower = tokens.lower
    if end + 1 >= tokens.n or tokens.text[end] != "-" or lower[end + 1] not in _TEAM_COUNT_NOUNS:
        return False
    # the team word may follow a short name of the team ("12-person HR team")
    return any(lower[k] in _TEAM_WORDS for k in range(end + 2, min(end + 5, tokens.n)))


def _is_list_marker(tokens: TokenTable, number: _Number) -> bool:
    """ "1. Objective: ...", "2) ...": a number that opens the text and is closed by . or )."""
    return (number.start == 0 and number.end < tokens.n and tokens.text[number.end] in (".", ")")
            and tokens.text[number.start].isdigit())


def _is_designation(tokens: TokenTable, number: _Number) -> bool:
    """ "Ward 7", "Plant 2", "SOC 2": a bare integer right after a capitalized word inside the
    sentence names a thing; it counts nothing (a sentence-initial verb, "Recruit 40", does not)."""
    text = tokens.text
    start = number.start
    if number.end - start != 1 or not text[start].isdigit() or start < 2:
        return False
    name = text[start - 1]
    if not name.isalpha() or not name[:1].isupper() or tokens.sent_start[start - 1] == 1:
        return False
    if tokens.is_punct[start - 2] and text[start - 2] not in ("-", "(", "'", "’", "\"", "“"):
        return False  # the capital may only open a clause or a list item
    return not (number.unit and number.unit[:1].islower() and number.unit.endswith("s"))


# Present-tense descriptions: "currently brings in around 40 requests", "which currently make up 55%".
_PRESENT_CUES = frozenset("currently presently today now".split())
_TARGET_WORDS = frozenset("to by from reach hit into under below above than least".split())
_CLAUSE_WORDS = frozenset(("and", "but", "so", "we", "i"))


def _describes_the_present(tokens: TokenTable, start: int) -> bool:
    """A "currently" a few words back in the same clause, with no word of change in between."""
    lower, is_punct = tokens.lower, tokens.is_punct
    for at in range(start - 1, max(-1, start - 7), -1):
        word = lower[at]
        if word in _PRESENT_CUES:
            return True
        if is_punct[at] or word in _TARGET_WORDS or word in _CLAUSE_WORDS:
            return False
    return False


def _is_baseline(tokens: TokenTable, start: int, cues_before) -> bool:
    at = start
    for _ in range(3):
        if "baseline" in cues_before.get(at, ()):
            return True
        if at == 0 or tokens.lower[at - 1] not in _BASELINE_FILLERS:
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


def _record(doc, tokens: TokenTable, numbers: list[_Number], changes: list[tuple[int, int, dict]]):
    """Add the numbers and changes to the doc's mentions (as doc_mentions.add_mention would)."""
    text = doc_text(doc)
    found = mentions(doc)
    for number in numbers:
        label = number.label
        value: object = number.value
        if label == "MONEY":
            value = {"amount": value, "currency": number.currency}
        start_char, end_char = _char_range(tokens, number.start, number.end)
        found.append({"label": label, "start": start_char, "end": end_char, "text": text[start_char:end_char],
                      "value": value, "role": number.role, "unit": number.unit if label == "QUANTITY" else None})
    for start, end, value in changes:
        start_char, end_char = _char_range(tokens, start, end)
        found.append({"label": "CHANGE", "start": start_char, "end": end_char, "text": text[start_char:end_char],
                      "value": value, "kind": value["kind"]})


def _char_range(tokens: TokenTable, start: int, end: int) -> tuple[int, int]:
    last = tokens.text[end - 1]
    end_char = tokens.idx[end - 1] + len(last)
    if last.endswith(".") and len(last) > 1 and not last[-2].isalpha():
        end_char -= 1  # "10M." keeps its full stop out of the number
    return tokens.idx[start], end_char


@Language.factory("smartlint_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityNormalizer:
    return QuantityNormalizer(nlp)
