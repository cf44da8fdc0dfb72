"""OWNER, VAGUE_TERM, RATIONALE and ACTION mentions from lexicon_ruler + smartlint_lexicon."""
from __future__ import annotations

import datetime as dt

import pytest

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def analyzer():
    from smartlint.nlp import Analyzer

    return Analyzer()


def found(analyzer, text: str, label: str) -> list:
    mentions = analyzer.analyze(text, TODAY).of(label)
    for m in mentions:
        assert text[m.start:m.end] == m.text, m
    return mentions


def owners(analyzer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.kind) for m in found(analyzer, text, "OWNER")]


def test_lexicon_ruler_is_initialized_with_patterns(analyzer):
    ruler = analyzer.nlp.get_pipe("lexicon_ruler")
    labels = set(ruler.labels)
    assert len(ruler) > 100
    assert {"OWNER_PRONOUN", "ROLE_WORD", "TEAM_NAME", "VAGUE", "REASON_MARKER", "ACTION_VERB"} <= labels


# -- owners ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("We will double the newsletter list by June.", [("We", "we", "pronoun")]),
    ("I want to read 12 books this year.", [("I", "I", "pronoun")]),
    ("We'll open a second store in Leeds.", [("We", "we", "pronoun")]),
    ("Our goal is 40 new members by March.", [("Our goal", "we", "pronoun")]),
    ("My goal is to run a 10k in under an hour.", [("My goal", "I", "pronoun")]),
    ("Our team will answer tickets within 4 hours.", [("Our team", "we", "pronoun")]),
    ("Let's cut cloud spend by 15%.", [("Let's", "we", "pronoun")]),
])
def test_pronoun_owners(analyzer, text, expected):
    assert owners(analyzer, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Priya will migrate the billing service by Q2.", [("Priya", "Priya", "person")]),
    ("Dr. Chen's team will enrol 60 patients.", [("Dr. Chen's team", "Dr. Chen", "person")]),
    ("Maria to draft the grant proposal by May 1.", [("Maria", "Maria", "person")]),
    ("Tomasz Nowak is responsible for the audit.", [("Tomasz Nowak", "Tomasz Nowak", "person")]),
    ("Priya and Tom will run the spring fair.",
     [("Priya", "Priya", "person"), ("Tom", "Tom", "person")]),
    ("By June, Grace will publish the handbook.", [("Grace", "Grace", "person")]),
])
def test_person_owners(analyzer, text, expected):
    assert owners(analyzer, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The CFO will cut vendor costs by 8%.", [("The CFO", "the CFO", "role")]),
    ("Our head of sales will sign 5 resellers.", [("Our head of sales", "the head of sales", "role")]),
    ("The support lead wants to halve the backlog.", [("The support lead", "the support lead", "role")]),
    ("The product manager is responsible for the beta.",
     [("The product manager", "the product manager", "role")]),
    ("The chief revenue officer will renew 90% of contracts.",
     [("The chief revenue officer", "the chief revenue officer", "role")]),
])
def test_role_owners(analyzer, text, expected):
    assert owners(analyzer, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The marketing team will run four campaigns.", [("The marketing team", "marketing team", "team")]),
    ("HR will hire two recruiters.", [("HR", "HR", "team")]),
    ("The finance department must close the books in 5 days.",
     [("The finance department", "finance department", "team")]),
    ("Customer success will cut churn to 3%.", [("Customer success", "customer success", "team")]),
    ("The sales org should book 120 meetings.", [("The sales org", "sales org", "team")]),
    ("In Q3 the data team will retire 10 dashboards.", [("the data team", "data team", "team")]),
])
def test_team_owners(analyzer, text, expected):
    assert owners(analyzer, text) == expected


@pytest.mark.parametrize("text, expected", [
    # An unknown noun phrase after "our"/"the" is a subject when a modal follows.
    ("Our soup kitchen will serve 300 meals a week.", [("Our soup kitchen", "soup kitchen", "team")]),
    ("The Tier-3 squad will close 40 tickets a day.", [("The Tier-3 squad", "tier-3 squad", "team")]),
    ("The accounts receivable lead will chase 50 invoices.",
     [("The accounts receivable lead", "the accounts receivable lead", "role")]),
    # An appositive name between the role and its verb.
    ("Our plant manager, Ingrid, will cut scrap to 2%.",
     [("Our plant manager", "the plant manager", "role")]),
    # People who do the work themselves.
    ("Nurses will screen 200 patients a week.", [("Nurses", "the nurses", "role")]),
])
def test_owner_noun_phrases(analyzer, text, expected):
    assert owners(analyzer, text) == expected


def test_people_as_objects_are_not_owners(analyzer):
    assert owners(analyzer, "Hire 4 nurses and train our soup kitchen volunteers.") == []
    assert owners(analyzer, "Grow the soup kitchen to 300 meals.") == []


@pytest.mark.parametrize("text, expected", [
    ("Publish two posts a week, owned by the support lead.",
     [("the support lead", "the support lead", "role")]),
    ("Refresh the pricing page (owner: Priya Sharma).", [("Priya Sharma", "Priya Sharma", "person")]),
    ("Owner: Mark. Cut onboarding time to 2 days.", [("Mark", "Mark", "person")]),
    ("Led by us, the pilot covers 3 clinics.", [("us", "we", "pronoun")]),
])
def test_owners_after_cues(analyzer, text, expected):
    assert owners(analyzer, text) == expected


@pytest.mark.parametrize("text", [
    "Increase the number of people asking for our legal guidance by 15 a month.",  # possessive
    "Grow my website traffic to 1,000 visitors a month.",
    "Grow our revenue by 10% by Q4.",
    "Hire 3 sales reps before March.",  # a role as the object
    "Hire a product manager to lead the roadmap.",
    "Send the CEO a weekly report.",
    "Ask us for feedback twice a month.",  # "us" as an object
    "Generate 50 sales leads a month.",
    "Revenue will grow 20% by Q4.",  # a capitalised common noun is not a person
    "Project Phoenix will ship in May.",
    "Complete Phase I by June.",
    "Sales to grow 10% by Q3.",
    "IT spend will fall; it will be reviewed.",
])
def test_not_owners(analyzer, text):
    assert owners(analyzer, text) == []


def test_it_lowercase_is_not_the_it_department(analyzer):
    assert owners(analyzer, "Back up the servers because it will save money.") == []


def test_we_inside_a_reason_is_not_the_owner(analyzer):
    assert owners(analyzer, "Raise prices 5% by May because we need cash.") == []
    assert owners(analyzer, "Because we need cash, we will raise prices 5%.") == [
        ("we", "we", "pronoun")]


# -- reason clauses ----------------------------------------------------------------------------

def reasons(analyzer, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in found(analyzer, text, "RATIONALE")]


@pytest.mark.parametrize("text, expected", [
    ("Cut waiting times to 10 minutes because patients are leaving.",
     [("because patients are leaving", "because")]),
    ("Hire 2 designers so that the launch stays on schedule.",
     [("so that the launch stays on schedule", "so that")]),
    ("Train 20 volunteers in order to staff the new shelter; review in May.",
     [("in order to staff the new shelter", "in order to")]),
    ("Add live chat to support the enterprise push.", [("to support the enterprise push", "to support")]),
    ("Launch the API in May, which will unlock partner sales.",
     [("which will unlock partner sales", "which will")]),
    ("Move hosting to Europe since most clients are there.",
     [("since most clients are there", "since")]),
    ("Grow the list to 5k, aligned with the 2026 brand plan.",
     [("aligned with the 2026 brand plan", "aligned with")]),
    ("Automate invoicing so we can close the books faster.",
     [("so we can close the books faster", "so we can")]),
    ("To support the Berlin launch, hire two translators.",
     [("To support the Berlin launch", "to support")]),
    ("Halve refund time by May, to support the new loyalty scheme.",
     [("to support the new loyalty scheme", "to support")]),
    ("Open a second clinic by June — to reduce waiting lists in the north.",
     [("to reduce waiting lists in the north", "to reduce")]),
    ("Extend opening hours since early closing costs us sales.",
     [("since early closing costs us sales", "since")]),
])
def test_reason_clauses(analyzer, text, expected):
    assert reasons(analyzer, text) == expected


@pytest.mark.parametrize("text", [
    "We want to grow revenue by 10%.",  # "to" + verb after "want" is the goal itself
    "We aim to reduce churn by 5% this year.",
    "Our goal is to support 300 families.",
    "To reduce churn by 5% by Q3.",  # a headline, not a fronted purpose
    "Priya to help onboard 4 hires.",
    "Grow revenue 10% over sales since 2020.",  # "since" + a year is a time
    "Keep churn under 3% since the launch.",
    "Keep churn under 3% since early 2025.",
    "Goal: to reduce churn by 5% by Q3.",
    "Increase revenue to $2M by December.",
])
def test_false_reason_markers(analyzer, text):
    assert reasons(analyzer, text) == []


def test_reason_stops_before_a_trailing_deadline(analyzer):
    assert reasons(analyzer, "Raise $50k so we can hire, by Q3 2026.") == [("so we can hire", "so we can")]


def test_mentions_inside_a_reason_are_marked(analyzer):
    facts = analyzer.analyze("Post on LinkedIn weekly because we want to improve things.", TODAY)
    vague = facts.of("VAGUE_TERM")
    assert vague and all(m.in_rationale for m in vague)
    assert not facts.of("PLATFORM")[0].in_rationale


# -- vague terms -------------------------------------------------------------------------------

def vague(analyzer, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.kind) for m in found(analyzer, text, "VAGUE_TERM")]


@pytest.mark.parametrize("text, expected", [
    ("Improve things.", [("Improve", "improve", "verb"), ("things", "things", "filler")]),
    ("We are optimizing the funnel.", [("optimizing", "optimize", "verb")]),
    ("Do better at marketing.", [("Do better", "do better", "verb")]),
    ("Grow the business.", [("Grow the business", "grow the business", "verb")]),
    ("Build a world-class, best-in-class team.",
     [("world-class", "world-class", "superlative"), ("best-in-class", "best-in-class", "superlative")]),
    ("Sell more stuff, etc.", [("more", "more", "comparative"), ("stuff", "stuff", "filler"),
                               ("etc.", "etc.", "filler")]),
    ("Get as many signups as possible.",
     [("as many signups as possible", "as many as possible", "filler")]),
    ("Reply as fast as possible.", [("as fast as possible", "as fast as possible", "filler")]),
    ("Leverage synergy to significantly lift NPS.",
     [("Leverage", "leverage", "verb"), ("synergy", "synergy", "superlative"),
      ("significantly", "significantly", "filler")]),
])
def test_vague_terms(analyzer, text, expected):
    assert vague(analyzer, text) == expected


@pytest.mark.parametrize("text", [
    "Get 20% more leads by June.",
    "Sign 500 more users this quarter.",
    "Reach more than 300 signups.",
    "Lower costs by 10% this year.",
])
def test_comparatives_tied_to_numbers_or_verbs_are_not_vague(analyzer, text):
    assert vague(analyzer, text) == []


def test_bare_comparative_is_vague(analyzer):
    assert vague(analyzer, "Get higher NPS than last year.") == [("higher", "higher", "comparative")]


# -- action verbs ------------------------------------------------------------------------------

def actions(analyzer, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in found(analyzer, text, "ACTION")]


@pytest.mark.parametrize("text, expected", [
    ("Increase trial conversions to 12%.", [("Increase", "increase")]),
    ("Increasing sales by 10% in 2026.", [("Increasing", "increase")]),
    ("We launched 3 pilots and will ship 2 more.", [("launched", "launch"), ("ship", "ship")]),
    ("Our goal is to publish two posts a week.", [("publish", "publish")]),
    ("The team is hiring 4 engineers.", [("hiring", "hire")]),
    ("Priya launches the shop in May.", [("launches", "launch")]),
    ("Roll out the new rota to 3 wards.", [("Roll out", "roll out")]),
    ("We grew revenue and cut costs.", [("grew", "grow"), ("cut", "cut")]),
])
def test_action_verbs(analyzer, text, expected):
    assert actions(analyzer, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A 10% increase in sales.", []),  # a noun after a number
    ("Write 3 blog posts about the launch.", ["write"]),  # "posts", "launch": nouns
    ("Our reach will double.", ["double"]),
    ("The new hires are in May.", []),  # "hires" after an adjective is a noun
])
def test_nouns_are_not_action_verbs(analyzer, text, expected):
    assert [v for _t, v in actions(analyzer, text)] == expected


def test_lemmas_helper():
    from smartlint.nlp.lemmas import is_known_word, lemma

    assert lemma("increasing") == "increase"
    assert lemma("launched") == "launch"
    assert lemma("grew") == "grow"
    assert is_known_word("revenue") and not is_known_word("Linkdin")


def test_a_reason_clause_keeps_a_closing_percent_sign(analyzer):
    text = "We will cut wait times by 20% by June 30, 2026, so that on-time care reaches 100%."
    [reason] = found(analyzer, text, "RATIONALE")
    assert reason.text == "so that on-time care reaches 100%"


# -- the rulers' word conditions ---------------------------------------------------------------

def test_word_conditions_agree_with_the_matcher(analyzer):
    """The rulers answer word-level token specs without spaCy's Matcher; the answers must be the
    Matcher's, for every ruler's specs, on words of every shape."""
    from smartlint.nlp.word_conditions import WordConditions

    class MatcherOnly(WordConditions):
        def _compile(self, spec, bit):
            return False

    import random

    words = ("We will grow 12 123 1234 2026 Q3 q3 $5 $1,000 5k 1.5 ½ ten Ten TEN 3rd 31st jan jan. "
             "Jan. March 3/31 2027-03 - / . , $ € 100% 10x fy26 FY2026 H1 as so possible the On "
             "'ll won't LinkedIn e-mail ASAP").split()
    # generated words of the kinds a batch brings new: numbers of every length, amounts, dates
    rng = random.Random(3)
    pieces = list("0123456789") * 4 + list("$€%.,/-kKmMqQhHxXaz") + ["jan", "Q", "FY", "th", "st", "bn"]
    words += [str(rng.randrange(10 ** rng.randint(0, 6))) for _ in range(500)]
    words += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))) for _ in range(3000)]
    vocab = analyzer.nlp.vocab
    orths = [vocab[w].orth for w in words]
    for name in ("quantity_ruler", "time_ruler", "lexicon_ruler"):
        ruler = analyzer.nlp.get_pipe(name)
        compiled, reference = WordConditions(vocab), MatcherOnly(vocab)
        for _key, body in ruler._token_patterns:
            for spec in body:
                if isinstance(spec, dict) and "OP" not in spec:
                    assert compiled.add(spec) == reference.add(spec)
        assert compiled.masks(orths) == reference.masks(orths), name


def test_a_ruler_running_for_others_matches_as_they_would_alone(analyzer):
    """quantity_ruler matches the time and lexicon patterns in its pass (runs_for); the others then
    leave the doc as it is, and what each finds is what it finds on its own."""
    from smartlint.nlp.doc_mentions import ruler_matches

    names = ("quantity_ruler", "time_ruler", "lexicon_ruler")
    rulers = [analyzer.nlp.get_pipe(name) for name in names]
    assert set(rulers[0].runs_for) == set(names[1:])
    for text in ("Our CFO will grow revenue by 20% to $1.2 million by Q3 2026 because cash is short.",
                 "We'll answer as many tickets as possible on the 3rd, so our team can rest.",
                 "Run 5k every week until 2027-03 so the kids will see it."):
        together = analyzer.nlp.make_doc(text)
        for ruler in rulers:
            together = ruler(together)
        for ruler in rulers:
            alone = analyzer.nlp.make_doc(text)
            ruler.runs_for, before = (), ruler.runs_for
            try:
                ruler(alone)
            finally:
                ruler.runs_for = before
            assert ruler_matches(together, ruler.spans_key) == ruler_matches(alone, ruler.spans_key)


def test_a_ruler_without_patterns_says_so(analyzer):
    """A ruler that was never initialized is not silently empty: spaCy's Matcher warns (W036)."""
    from smartlint.nlp.components.ruler import PatternRuler

    ruler = PatternRuler(analyzer.nlp, "bare_ruler", "sl_bare", "LOWER", set_spans=False)
    with pytest.warns(UserWarning, match="W036"):
        ruler(analyzer.nlp.make_doc("Grow revenue by 20% by Q3."))


def test_ruler_matches_read_spans_and_tuples_alike(analyzer):
    """A ruler leaves its matches as Spans or (set_spans off) as tuples; ruler_matches reads both."""
    from smartlint.nlp.doc_mentions import ruler_matches

    text = "Our CFO will grow revenue by 20% to $1.2 million by Q3 2026 because cash is short."
    for name in ("quantity_ruler", "time_ruler", "lexicon_ruler"):
        ruler = analyzer.nlp.get_pipe(name)
        found = []
        for set_spans in (True, False):
            doc = analyzer.nlp.make_doc(text)
            ruler.set_spans, before = set_spans, ruler.set_spans
            try:
                ruler(doc)
            finally:
                ruler.set_spans = before
            found.append(ruler_matches(doc, ruler.spans_key))
        assert found[0] == found[1] and found[0], name


def test_sentence_ends_are_the_same_with_and_without_line_breaks(analyzer):
    # Words finds sentence ends with map/compress when the text has no line break, else token by
    # token; both must agree with the rule (a sentence mark, or a token holding a line break).
    import random

    from smartlint.nlp.components.lexicon import SENTENCE_ENDS, Words

    rng = random.Random(5)
    pieces = ["Grow", "sales", "by", "10%", ".", "!", "?", ";", ",", "Priya", "will", "-", "\n", "\n\n"]
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        doc = analyzer.nlp.make_doc(text)
        words = Words(doc)
        assert words.ends == [i for i, token in enumerate(doc)
                              if token.text in SENTENCE_ENDS or "\n" in token.text], text
