"""One goal refined step by step, as a person would with the coach beside them."""
from __future__ import annotations

import datetime as dt

import pytest

from smartlint.api import Linter

TODAY = dt.date(2026, 1, 15)
STEPS = [
    # a vague aim
    "Get more people to ask for our legal guidance",
    # a number per month: measurable, but a rate says how often, not by when
    "Get 15 more people a month to ask for our legal guidance",
    # five channels at once: effort spread too thin
    "Get 15 more people a month to ask for our legal guidance through Instagram, LinkedIn, Facebook, "
    "TikTok and our newsletter",
    # one strategy instead
    "Get 15 more people a month to ask for our legal guidance through an inbound marketing strategy",
    # the reason, and who does it
    "We will get 15 more people a month to ask for our legal guidance through an inbound marketing "
    "strategy, because every enquiry is a chance to win a new client",
    # the deadline
    "Within the coming 4 months, we will get 15 more people a month to ask for our legal guidance "
    "through an inbound marketing strategy, because every enquiry is a chance to win a new client",
]


@pytest.fixture(scope="module")
def reports():
    linter = Linter()
    return list(linter.score_many((str(i), text, TODAY) for i, text in enumerate(STEPS)))


def channel_findings(report):
    return [f for f in report.findings if f.dimension == "A" and "channel" in f.message.lower()]


def test_the_score_never_drops(reports):
    scores = [r.score for r in reports]
    assert scores == sorted(scores), scores
    assert scores[0] < scores[-1]


def test_a_rate_alone_keeps_time_at_one(reports):
    assert reports[0].dimensions["T"].points == 0
    for report in reports[1:5]:
        assert report.dimensions["T"].points == 1, report.text
    assert reports[1].dimensions["M"].points == 2


def test_channel_overload_appears_then_goes(reports):
    assert not channel_findings(reports[1])
    assert channel_findings(reports[2])
    assert reports[2].dimensions["A"].points == 1
    assert not channel_findings(reports[3])


def test_the_reason_earns_relevance(reports):
    assert reports[3].dimensions["R"].points < 2
    assert reports[4].dimensions["R"].points == 2


def test_it_ends_smart(reports):
    final = reports[-1]
    assert final.smart and final.score == 100, {k: (v.points, v.reason) for k, v in final.dimensions.items()}
