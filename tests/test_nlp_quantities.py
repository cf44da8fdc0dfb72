"""Numbers, percentages, money and changes found by the NLP pass."""
import datetime as dt

import pytest

from smartlint.nlp.quantity_grammar import parse_cardinal, phone_spans, split_glued_money

REFERENCE = dt.date(2026, 1, 15)
NUMERIC = ("QUANTITY", "PERCENT", "MONEY")


@pytest.fixture(scope="module")
def analyzer():
    from smartlint.nlp.pipeline import Analyzer

    return Analyzer()


def found(analyzer, text, *labels):
    facts = analyzer.analyze(text, REFERENCE)
    for m in facts.mentions:
        assert text[m.start:m.end] == m.text
    return [m for m in facts.mentions if m.label in (labels or NUMERIC)]


def only(analyzer, text, label):
    hits = found(analyzer, text, label)
    assert len(hits) == 1, hits
    return hits[0]


def test_ruler_has_patterns_after_initialize(analyzer):
    ruler = analyzer.nlp.get_pipe("quantity_ruler")
    labels = {p["label"] for p in ruler.patterns}
    assert {"NUM", "CUR", "PCT", "FACTOR", "CUE"} <= labels


@pytest.mark.parametrize("text, written, value, unit", [
    ("Sign up 1,000 members this spring.", "1,000", 1000, "members"),
    ("Recruit fifteen mentors for the program.", "fifteen", 15, "mentors"),
    ("Bake a dozen pies for the fair.", "a dozen", 12, "pies"),
    ("Collect 2.5k survey answers.", "2.5k", 2500, "survey answers"),
    ("Pass 1.2 million downloads.", "1.2 million", 1_200_000, "downloads"),
    ("Plant one hundred and twenty trees.", "one hundred and twenty", 120, "trees"),
    ("Write 3 case studies for the sales team.", "3", 3, "case studies"),
    ("Train 12 new nurses.", "12", 12, "new nurses"),
    ("Serve 40 people at the clinic.", "40", 40, "people"),
    ("Host twenty-five workshops.", "twenty-five", 25, "workshops"),
])
def test_plain_numbers(analyzer, text, written, value, unit):
    m = only(analyzer, text, "QUANTITY")
    assert (m.text, m.value, m.unit, m.role) == (written, value, unit, "target")


@pytest.mark.parametrize("text, written", [
    ("Lift the open rate to 15% soon.", "15%"),
    ("Lift the open rate to 15 % soon.", "15 %"),
    ("Lift the open rate to 15 percent soon.", "15 percent"),
    ("Lift the open rate to fifteen per cent soon.", "fifteen per cent"),
    ("Lift the open rate to 15 pct soon.", "15 pct"),
])
def test_percent_forms(analyzer, text, written):
    m = only(analyzer, text, "PERCENT")
    assert (m.text, m.value) == (written, 15.0)


@pytest.mark.parametrize("text, written, amount, currency", [
    ("Raise $50k in pledges.", "$50k", 50_000, "USD"),
    ("Close a $1.2M round.", "$1.2M", 1_200_000, "USD"),
    ("Save £300 on travel.", "£300", 300, "GBP"),
    ("Spend under €2,000 on ads.", "€2,000", 2000, "EUR"),
    ("Invoice 50,000 USD to partners.", "50,000 USD", 50_000, "USD"),
    ("Secure EUR 3m in grants.", "EUR 3m", 3_000_000, "EUR"),
    ("Earn 3 million dollars in sales.", "3 million dollars", 3_000_000, "USD"),
    ("Reach $5bn in bookings.", "$5bn", 5_000_000_000, "USD"),
    ("Charge 20 euros per seat.", "20 euros", 20, "EUR"),
    ("Win £1.5 million of contracts.", "£1.5 million", 1_500_000, "GBP"),
    ("Price the kit at 12 dollars 50 cents.", "12 dollars 50 cents", 12.5, "USD"),
    ("Pay USD250 per licence.", "USD250", 250, "USD"),
])
def test_money_forms(analyzer, text, written, amount, currency):
    m = only(analyzer, text, "MONEY")
    assert (m.text, m.value) == (written, {"amount": amount, "currency": currency})


def test_pounds_without_the_sign_are_not_money(analyzer):
    assert found(analyzer, "Lose 10 pounds by summer.", "MONEY") == []


def test_change_by_percent_goes_down_after_a_cutting_verb(analyzer):
    change = only(analyzer, "Cut onboarding time by 30% for new hires.", "CHANGE")
    assert change.text == "by 30%" and change.kind == "by"
    assert change.value == {"kind": "by", "percent": 30.0, "direction": "down"}
    assert only(analyzer, "Cut onboarding time by 30% for new hires.", "PERCENT").role == "target"


def test_change_by_amount_and_money(analyzer):
    change = only(analyzer, "Grow the mailing list by 300 subscribers.", "CHANGE")
    assert change.value == {"kind": "by", "amount": 300.0, "direction": "up"}
    change = only(analyzer, "Boost donations by $10k.", "CHANGE")
    assert change.value["amount"] == 10_000 and change.value["direction"] == "up"


def test_by_a_date_is_not_a_change(analyzer):
    assert found(analyzer, "Ship the app by 2027.", "CHANGE") == []


def test_from_to_change_marks_baseline_and_target(analyzer):
    text = "Move the pass rate from 40% to 60%."
    change = only(analyzer, text, "CHANGE")
    assert change.value == {"kind": "from_to", "from": 40.0, "to": 60.0}
    roles = [(m.text, m.role) for m in found(analyzer, text, "PERCENT")]
    assert roles == [("40%", "baseline"), ("60%", "target")]


@pytest.mark.parametrize("text, factor", [
    ("Double the number of volunteers.", 2.0),
    ("We want doubling of repeat orders.", 2.0),
    ("Triple our reach on campus.", 3.0),
    ("Halve the support backlog.", 0.5),
    ("Grow signups 10x.", 10.0),
    ("Aim for 3x the pipeline.", 3.0),
    ("Seek a twofold rise in bookings.", 2.0),
])
def test_factor_changes(analyzer, text, factor):
    change = only(analyzer, text, "CHANGE")
    assert change.value == {"kind": "factor", "factor": factor}
    assert found(analyzer, text) == []


def test_double_digit_is_not_a_factor(analyzer):
    assert found(analyzer, "Keep double-digit growth.", "CHANGE") == []


@pytest.mark.parametrize("text, written, role", [
    ("We have 40 clients currently and want more.", "40", "target"),
    ("Currently 40 clients use the portal.", "40", "baseline"),
    ("Reach 90 sales, up from 70.", "70", "baseline"),
    ("Beat last year's 80 signups.", "80", "baseline"),
    ("Get into the top 10 search results.", "10", "rank"),
    ("Be #1 in the region.", "1", "rank"),
    ("Become the number one bakery in town.", "one", "rank"),
    ("Upgrade every laptop to Windows 11.", "11", "version"),
    ("Move the services to Python 3.12.", "3.12", "version"),
    ("Release the v2 of the app.", "v2", "version"),
    ("Our team of 5 will answer tickets.", "5", "team_size"),
    ("With 3 engineers we will rebuild the site.", "3", "team_size"),
])
def test_roles(analyzer, text, written, role):
    hits = [m for m in found(analyzer, text) if m.text == written]
    assert len(hits) == 1 and hits[0].role == role, found(analyzer, text)


@pytest.mark.parametrize("text", [
    "Stop the spread of COVID-19 in schools.",
    "Roll out 4G coverage in villages.",
    "Launch a Web3 pilot.",
    "Finish phase 2 of the plan.",
    "Be the second choice of buyers.",
    "Make it one of our priorities.",
    "Get a mentor.",
    "We want happier clients.",
    "Call 555-123-4567 for help.",
    "Run support 24/7.",
    "Meet on the 3rd.",
])
def test_no_false_positives(analyzer, text):
    assert found(analyzer, text) == []


def test_offsets_cover_the_mention_text(analyzer):
    text = "  Raise  $ 12,000 and   twenty-two percent  more leads."
    for m in found(analyzer, text, *NUMERIC, "CHANGE"):
        assert text[m.start:m.end] == m.text


def test_cardinal_grammar_is_strict():
    assert parse_cardinal("two hundred and two thousand".split()) == 202_000
    assert parse_cardinal("five and a half million".split()) == 5_500_000
    assert parse_cardinal("two point five".split()) == 2.5
    assert parse_cardinal("2 and 3".split()) is None
    assert parse_cardinal("one two".split()) is None
    assert parse_cardinal(["thousands"]) is None


def test_glued_money_and_phone_helpers():
    assert split_glued_money("115.5USD") == ("USD", 115.5)
    assert split_glued_money("10k$") == ("$", 10_000)
    assert phone_spans("dial 020-7946-0958 today") == [(5, 18)]
    assert phone_spans("grow 1.5 and 40-60") == []
