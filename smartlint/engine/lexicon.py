"""Small word lists the scoring reads beside the Facts: what counts as a content word, a generic
object, a business result, a deliverable verb, a method or a scope phrase.

The NLP pass marks numbers, times, owners, platforms, vague terms and reason clauses; these lists
settle the questions the rubric asks about the words in between ("is there a concrete *what*?").
They are frozensets and precompiled patterns, built once at import.
"""
from __future__ import annotations

import re
from operator import methodcaller

# Digits inside a word stay in it ("HbA1c"); digits at its end do not ("COVID-19" -> "COVID-").
# Written as runs of letters joined by digit runs: the same words as a lookahead per digit, about
# twice as fast (every goal is tokenized with it several times).
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:\d+[A-Za-z][A-Za-z'’-]*)*")

# Function words, pronouns, auxiliaries and hedges: never the *what* of a goal.
STOPWORDS = frozenset("""
a an the and or but nor of to in on at by for with from into onto over under per via as than then
that this these those there here it its it's itself we us our ours ourselves i me my mine you your
he him his she her they them their theirs who whom whose which what when where why how all any
each every some many much most more less few fewer no not only just very also too so such own
same other another both either neither is am are was were be been being do does did done doing
have has had having will would shall should can could may might must ought let lets 'll 're 've
try trying tried aim aims aiming want wants need needs plan plans planning hope goal goals objective target
targets intend intends strive seek able way ways up down out off about again further once
across among between within without during before after until while since because if whether
least next last end start starting beginning current currently new next following coming
through throughout using toward towards like along around
really truly actually definitely significantly greatly substantially dramatically massively hugely
simply somehow below above beyond
""".split())

# Verbs that carry the change but not the object: "increase", "get", "make".
GENERIC_VERBS = frozenset("""
increase increases increasing grow grows growing reduce reduces reducing decrease decreases
decreasing improve improves improving enhance enhances enhancing optimize optimise optimizes
boost boosts boosting raise raises raising lower lowers lowering cut cuts cutting achieve achieves
achieving reach reaches reaching get gets getting make makes making keep keeps maintain
maintains drive drives expand expands double doubles triple triples halve halves minimize
minimise maximize maximise become becomes go goes going be do work works working focus focuses
ensure ensures hit hits attain attains deliver delivers see sees take takes continue continues
use uses utilize utilise leverage help helps feel feels
""".split())

# Objects too broad to say *what* ("grow the business", "do better at marketing").
GENERIC_OBJECTS = frozenset("""
business businesses company things thing stuff everything something marketing performance
results result work shape school life lives operations efficiency productivity quality success
outcomes progress strategy effort efforts overall general team organization organisation
presence impact level levels numbers metrics kpis kpi game situation processes process compliance control top
overall world-class best-in-class etc various better best good great more most lot lots
""".split())

# Words of time and measure that the NLP pass already accounts for.
MEASURE_WORDS = frozenset("""
percent percentage times time day days week weeks month months year years quarter quarters
daily weekly monthly yearly annually quarterly hour hours minute minutes annual fiscal
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday today tomorrow soon asap eventually future half q1 q2 q3 q4 h1 h2 fy
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred thousand million billion dozen k m bn usd eur gbp dollars euros pounds
""".split())

# Business and life results (rubric R1: the outcome is itself a result).
RESULT_WORDS = frozenset("""
revenue revenues sales profit profits profitability margin margins income earnings roi arr mrr
clients client customers customer satisfaction nps csat retention churn renewals renewal
savings saving costs cost spending expenses expense debt donations donation funding fundraising
grades grade gpa score scores exam exams readmissions readmission infections infection mortality
outcomes blood pressure weight cholesterol a1c hba1c recovery patients market share bookings
deals contracts cash turnover attrition loyalty lifetime value purchases charges fees fee money
conversions loan loans bill bills spend premiums insurance refunds refund risk donors
graduation homelessness poverty hunger motion mobility pain pass passes passing kg kilos ulcers
complications disease relapse relapses grant grants ebitda reserves dso burn worth mortgage
chargebacks write-offs fines penalties falls bmi dropout dropouts conversion
chiffre vendas ventas umsatz ingresos clientes fondos
""".split())

# After a result word, these keep it the head of the outcome ("revenue growth", "churn rate").
RESULT_TAILS = frozenset("growth rate rates figures numbers level levels per flow results".split())

# Activities and volumes, not results (rubric: traffic, followers, hires, volunteers, output).
ACTIVITY_WORDS = frozenset("""
traffic followers follower hires hire volunteers volunteer posts post visitors visits views
impressions downloads leads lead articles blog videos emails calls meetings applications
applicants likes subscribers clicks pageviews content
""".split())

# Verbs whose object is a verifiable deliverable even without a number (M1).
DELIVERABLE_VERBS = frozenset("""
launch launches launching publish publishes release releases complete completes finish finishes
ship ships deploy deploys implement implements introduce introduces open opens build builds
create creates develop develops write writes submit submits host hosts hold holds organize
organise organizes run runs roll migrate migrates obtain obtains earn earns pass passes redesign
redesigns establish establishes set document documents train trains deliver delivers rollout
install installs automate automates replace replaces adopt adopts hire hires recruit recruits
post posts produce produces send sends secure secures sign signs close closes finalize finalise
file files map maps stop stops quit quits regain regains done refactor refactors register registers
documented certified accredited registered
""".split())

# Nouns that name a verifiable deliverable on their own ("get ISO certification", "the ethics approval").
DELIVERABLE_NOUNS = frozenset("""
certification certificate accreditation approval licence license permit statements audit thesis
dissertation
""".split())

# Verbs that are as often adjectives or nouns ("open litigation matters", "close rate", "post-op
# infections", "secure payments"): a deliverable only where the NLP pass reads them as the verb.
DELIVERABLE_ONLY_AS_VERB = frozenset("open opens close closes post posts secure secures file files".split())

# The words that name a deliverable wherever they stand.
DELIVERABLES = (DELIVERABLE_VERBS - DELIVERABLE_ONLY_AS_VERB) | DELIVERABLE_NOUNS

# Words that turn a "because" clause into a stated aim (rather than only a need).
AIM_WORDS = frozenset("""
will can could help helps allow allows enable enables support supports grow grows increase
increases reduce reduces improve improves boost boosts drive drives raise raises lower lowers cut
save saves win wins retain retains keep attract attracts meet reach achieve achieves lead leads
bring brings generate generates ensure ensures contribute contributes make makes strengthen
protect protects prepare prepares qualify position free frees want wants build builds lift lifts
""".split())

# Words that describe only a present shortfall ("two grades behind"): a need, not an outcome.
NEED_WORDS = frozenset("""
behind lacking lack lacks struggling struggle struggles low poor need needs needed necessary
required requires missing short weak weaker slow slower below insufficient problem problems
under complaining complain complains complaints asking ask asks asked request requests requested demand
demands demanding lost losing flat stagnant declining falling fell dropped
""".split())

# Reason markers that already name an aim; "because"/"since" need an aim word inside the clause.
PURPOSE_MARKERS = ("so that", "in order to", "to support", "which will", "contributing to",
                   "contribute to", "aligned with", "as a result", "to help", "to enable")

# An item of an enumeration ("a, b, c and d") has at most this many words; a longer stretch is a clause.
MAX_ITEM_WORDS = 5

# The patterns below open with a lookahead naming the first letter of every alternative: the regex
# engine then skips other positions without trying each alternative there (the same matches).

# Absolutes (rubric A0): a target no team can promise.
ABSOLUTE = re.compile(
    r"(?=[aenoz1])\b(?:every\s+single|each\s+and\s+every|(?:never|always|zero)\b|100\s?%|one\s+hundred\s+per\s?cent"
    r"|no\s+(?!later\b|more\b|less\b|fewer\b|longer\b|sooner\b|than\b|one\s+else\b)[a-z]+"
    r"|(?:eliminate|eradicate)\s+(?:all\s+)?[a-z]+|(?<=\bto\s)end\s+(?!of\b|up\b|the\s+year\b)[a-z]+)",
    re.IGNORECASE,
)

# How: a method or channel phrase ("through an inbound strategy", "by running webinars"). The word
# lists are kept apart for GoalView, which runs the pattern only on goals that have its words.
METHOD_OPENERS = ("through", "via", "using")  # no word boundary after them
METHOD_BY_WORDS = ("means",)  # "by means of"; otherwise "by" + a word ending in "ing"
METHOD_WITH_DETERMINERS = ("a", "an", "our", "the", "new", "weekly", "monthly", "daily")
METHOD_NOUNS = ("campaign", "strategy", "program", "programme", "tool", "process", "series", "system", "plan",
                "course", "workshop", "workshops", "app", "platform", "training", "checklist", "playbook", "template",
                "templates", "scheme", "coaching", "sessions", "dashboard", "pilot", "help")
METHOD = re.compile(
    rf"(?=[btuvw])\b(?:{'|'.join(METHOD_OPENERS)}|by\s+means\s+of|by\s+[a-z]+ing\b"
    rf"|with\s+(?:{'|'.join(METHOD_WITH_DETERMINERS)})\s+(?:[a-z-]+\s+){{0,2}}(?:{'|'.join(METHOD_NOUNS)}))",
    re.IGNORECASE,
)

# Where: a scope (market, segment, region, product) after a preposition, or a capitalized place.
SCOPE_PREPOSITIONS = ("in", "on", "across", "among", "for", "throughout", "within", "at", "from")
SCOPE_DETERMINERS = ("the", "our", "all", "each")
SCOPE_MOST_WORDS_BEFORE_NOUN = 3
SCOPE_NOUNS = (
    "market", "markets", "region", "regions", "segment", "segments", "customers", "clients", "users", "accounts",
    "students", "patients", "stores", "store", "branches", "branch", "department", "division", "product",
    "products", "line", "city", "country", "countries", "schools", "school", "district", "clinic", "clinics",
    "hospital", "ward", "office", "offices", "warehouse", "plant", "site", "sites", "channel", "category",
    "categories", "territory", "sector", "line", "lines", "fleet", "ward", "wards", "residents", "floor", "dock",
    "unit", "units", "team", "teams", "community", "county", "state", "area", "program", "programme", "study",
    "project", "course", "initiative", "lab", "facility", "core", "businesses", "companies", "cell", "centre",
    "center", "hub", "depot", "bank", "shelter", "desk", "buyers", "shoppers", "members", "classroom",
    "classrooms", "kitchen", "page", "pages", "portal", "intranet", "shift", "shifts", "cohort")
_SCOPE_DETERMINED = "|".join(rf"{word}\s+" for word in SCOPE_DETERMINERS)
SCOPE = re.compile(
    rf"(?=[A-Zafiotw])\b(?:{'|'.join(SCOPE_PREPOSITIONS)})\s+(?:{_SCOPE_DETERMINED})?"
    rf"(?:(?:[A-Za-z0-9-]+\s+){{0,{SCOPE_MOST_WORDS_BEFORE_NOUN}}}(?:{'|'.join(SCOPE_NOUNS)})\b"
    r"|[A-Z][A-Za-z]+)",
)

# Cheap tests of the words WORD finds (lower-cased, and as written) that must pass for METHOD or
# SCOPE to match. They hold for a text that words_start_matches: in it a match starts where a word
# does (its first character is a letter after a non-word character, or the text's start, and no word
# runs on through a hyphen or apostrophe into it), and IGNORECASE matches no non-ASCII character as
# an ASCII letter (it does "ı", "ſ" and the Kelvin sign). Other texts run the patterns as they are.
_BY_OR_WITH = frozenset(("by", "with"))
_METHOD_BY_WORDS = frozenset(METHOD_BY_WORDS)
_METHOD_WITH_DETERMINERS = frozenset(METHOD_WITH_DETERMINERS)
_starts_method_opener = methodcaller("startswith", METHOD_OPENERS)
_SCOPE_PREPOSITIONS = frozenset(SCOPE_PREPOSITIONS)
_SCOPE_NOUNS = frozenset(SCOPE_NOUNS)


def words_start_matches(text: str) -> bool:
    return text.isascii() and "-" not in text and "'" not in text


def method_may_match(lowers: list[str]) -> bool:
    """False when METHOD cannot match a text (words_start_matches) with these lower-cased words."""
    if any(map(_starts_method_opener, lowers)):
        return True
    if _BY_OR_WITH.isdisjoint(lowers):
        return False
    following = lowers[1:] + [""]
    return any((word == "by" and (after in _METHOD_BY_WORDS or after.endswith("ing")))
               or (word == "with" and after in _METHOD_WITH_DETERMINERS)
               for word, after in zip(lowers, following))


def scope_may_match(lowers: list[str], words: list[str]) -> bool:
    """False when SCOPE cannot match a text (words_start_matches) with these words (lower-cased,
    and as written)."""
    if _SCOPE_PREPOSITIONS.isdisjoint(lowers):
        return False
    if not _SCOPE_NOUNS.isdisjoint(lowers):
        return True
    # Otherwise only a capitalized word right after the preposition (or its determiner) matches.
    return any(word in _SCOPE_PREPOSITIONS and any(after[:1].isupper() for after in words[index + 1:index + 3])
               for index, word in enumerate(lowers))


# Vague qualities that leave no outcome when they stand alone ("make the app better"); comparatives
# of amount or speed ("more", "faster") cost M ("how many more?"), not S.
VAGUE_QUALITIES = frozenset("""
better good great happier happy best nicer things stuff world-class best-in-class smarter tidier neater
smoother smoothly
""".split())

# A duration after these is the measured amount ("to 30 days", "under 20 minutes"), not a baseline.
TARGET_OPENERS = frozenset("to under below than within".split())
# A duration written with these opens a window ("within 48 hours", "in 2 days").
WINDOW_OPENERS = ("within", "in ", "under ", "inside ")

COMPARATIVES = frozenset("more higher better fewer less greater larger bigger faster lower stronger".split())

# A duration this short after "within" is a service window ("reply within 48 hours"), not a deadline.
SERVICE_VERBS = frozenset("""
reply replies respond responds answer answers resolve resolves fix fixes process processes
acknowledge acknowledges return returns ship ships dispatch turnaround triage callback call
handle handles close closes deliver delivers confirm confirms
""".split())


NOT_CONTENT = STOPWORDS | GENERIC_VERBS | GENERIC_OBJECTS | MEASURE_WORDS | COMPARATIVES
# Every lower-cased word WORD can match that is shorter than three characters, with NOT_CONTENT:
# one set lookup then settles a word with no trailing apostrophe.
_WORD_LETTERS = "abcdefghijklmnopqrstuvwxyz"
NOT_CONTENT_OR_SHORT = NOT_CONTENT | frozenset(_WORD_LETTERS) | frozenset(
    first + second for first in _WORD_LETTERS for second in _WORD_LETTERS + "'’-")


def is_content_word(lowered: str) -> bool:
    """Whether a lower-cased word may name a concrete thing."""
    word = lowered.rstrip("'’")
    return len(word) >= 3 and word not in NOT_CONTENT


def content_words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Lower-cased words of `text` that may name a concrete thing, with absolute offsets."""
    return [(match.group().lower().rstrip("'’"), offset + match.start(), offset + match.end())
            for match in WORD.finditer(text) if is_content_word(match.group().lower())]
