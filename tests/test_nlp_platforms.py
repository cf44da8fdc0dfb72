"""PLATFORM mentions: catalogue aliases, cased and cued forms, and typos caught fuzzily."""
from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files

import pytest

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def analyzer():
    from smartlint.nlp import Analyzer

    return Analyzer()


def platforms(analyzer, text: str) -> list[tuple[str, str]]:
    facts = analyzer.analyze(text, TODAY)
    found = facts.of("PLATFORM")
    for m in found:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.value) for m in found]


def test_catalogue_is_packaged_and_well_formed():
    lines = (files("smartlint.models") / "patterns" / "platforms.jsonl").read_text().splitlines()
    entries = [json.loads(line) for line in lines if line.strip()]
    assert 80 <= len(entries) <= 150
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    for entry in entries:
        assert entry["category"]
        assert entry.get("aliases") or entry.get("cased") or entry.get("cued"), entry["name"]


def test_component_is_initialized_with_the_catalogue(analyzer):
    matcher = analyzer.nlp.get_pipe("smartlint_platforms")
    assert "LinkedIn" in matcher.entries
    assert "linkedin" in matcher.fuzzy_aliases


@pytest.mark.parametrize("text, expected", [
    ("Share three case studies a month on LinkedIn.", [("LinkedIn", "LinkedIn")]),
    ("Post reels on insta twice a week.", [("insta", "Instagram")]),
    ("Grow our FB page to 2,000 likes.", [("FB", "Facebook")]),
    ("Reach 5k followers on IG by June.", [("IG", "Instagram")]),
    ("Run Google Ads for the spring sale.", [("Google Ads", "Google Ads")]),
    ("Sell 200 mugs through Etsy and Amazon.", [("Etsy", "Etsy"), ("Amazon", "Amazon")]),
    ("Book 30 demos through cold calling.", [("cold calling", "cold calling")]),
    ("Launch a referral programme for existing clients.", [("referral programme", "referral programme")]),
    ("Get the app into the App Store by May.", [("App Store", "App Store")]),
    ("Answer every question in the Slack channel.", [("Slack channel", "Slack")]),
    ("Publish a tweet every weekday and grow our Twitter audience.", [("Twitter", "X (Twitter)")]),
])
def test_exact_aliases(analyzer, text, expected):
    assert platforms(analyzer, text) == expected


def test_longest_alias_wins(analyzer):
    assert platforms(analyzer, "Spend $2k on Facebook Ads.") == [("Facebook Ads", "Facebook Ads")]


@pytest.mark.parametrize("typo, canonical", [
    ("Linkdin", "LinkedIn"), ("Instagramm", "Instagram"), ("Facebok", "Facebook"),
    ("Youtub", "YouTube"), ("Pinterst", "Pinterest"), ("Shopfiy", "Shopify"),
])
def test_typos_resolve_to_the_canonical_name(analyzer, typo, canonical):
    assert platforms(analyzer, f"Post weekly on {typo} this quarter.") == [(typo, canonical)]


def test_plural_brand_name_is_read_as_the_brand(analyzer):
    # "Facebooks" is not an English word and is one letter from an alias: read as Facebook.
    assert platforms(analyzer, "Update our Facebooks pages.") == [("Facebooks", "Facebook")]


@pytest.mark.parametrize("text", [
    "Linking our docs will help.",
    "We want instant replies.",
    "Add a link to every page.",
    "We will grow revenue by 10%.",
    "Increase output 10x by June.",
    "Slack off less and ship more.",
    "Zoom in on enterprise clients.",
])
def test_ordinary_words_are_not_platforms(analyzer, text):
    assert platforms(analyzer, text) == []


def test_cued_channel_needs_a_channel_cue(analyzer):
    assert platforms(analyzer, "Launch the redesigned website by May.") == []
    assert platforms(analyzer, "Drive 500 visitors a month to our website.") == []
    assert platforms(analyzer, "Get 40 signups a week through our website and by email.") == [
        ("website", "website"), ("email", "email")]


def test_a_cued_channel_listed_after_platforms_counts_with_its_determiner(analyzer):
    listed = platforms(analyzer, "Reach clients through Instagram, LinkedIn, TikTok and our blog.")
    assert [value for _, value in listed] == ["Instagram", "LinkedIn", "TikTok", "blog"]
    assert platforms(analyzer, "Post on LinkedIn, then rewrite our blog by June.") == [("LinkedIn", "LinkedIn")]
    assert platforms(analyzer, "Our blog and LinkedIn will carry the launch.") == [
        ("blog", "blog"), ("LinkedIn", "LinkedIn")]


def test_x_is_twitter_only_as_a_channel(analyzer):
    assert platforms(analyzer, "Post daily on X, LinkedIn and TikTok.") == [
        ("X", "X (Twitter)"), ("LinkedIn", "LinkedIn"), ("TikTok", "TikTok")]
    assert platforms(analyzer, "Project X will ship in May.") == []


def test_category_is_the_kind(analyzer):
    facts = analyzer.analyze("Host two webinars and one trade show on LinkedIn.", TODAY)
    kinds = {m.value: m.kind for m in facts.of("PLATFORM")}
    assert kinds == {"webinars": "event", "trade shows": "event", "LinkedIn": "social"}


def test_a_catalogue_line_without_a_name_is_refused():
    import spacy

    from smartlint.nlp.components.platforms import PlatformMatcher

    matcher = PlatformMatcher(spacy.blank("en"), min_similarity=85)
    with pytest.raises(ValueError, match="line 2"):
        matcher.initialize(catalogue=[{"name": "Etsy", "category": "marketplace", "aliases": ["etsy"]},
                                      {"aliases": ["nameless"]}])


TYPO_TEXTS = [
    "Post on Linkdin twice, and Linkdin again on Friday.",
    "Grow Facebok and Facebook pages; Youtub videos weekly.",
    "Sell through Shopfiy, Etsy and Shopfiy's partner apps.",
    "Write weekly newsletters for subscribers.",
    "Linkdin",
]


def _typos_token_by_token(matcher, doc) -> list[tuple[int, str]]:
    """The typo lookup run on every token of the doc outside the exact matches, no memory."""
    from smartlint.nlp.doc_mentions import MENTIONS
    from smartlint.nlp.token_table import token_table

    exact = [m for m in doc.user_data.get(MENTIONS, ()) if m["label"] == "PLATFORM"]
    table = token_table(doc)
    found = []
    for start, text in zip(table.idx, table.text):
        inside = any(m["start"] <= start < m["end"] for m in exact)
        name = "" if inside else matcher._closest_name(text)
        if name:
            found.append((start, name))
    return found


def test_remembered_typo_lookups_agree_with_fresh_ones(analyzer, monkeypatch):
    from smartlint.nlp.components import platforms as module
    from smartlint.nlp.doc_mentions import MENTIONS

    matcher = analyzer.nlp.get_pipe("smartlint_platforms")
    nlp = analyzer.nlp
    for cache_size in (module.TYPO_CACHE_SIZE, 2):  # 2: the memory is emptied on nearly every doc
        monkeypatch.setattr(module, "TYPO_CACHE_SIZE", cache_size)
        for _ in range(2):  # cold, then remembered
            for text in TYPO_TEXTS:
                doc = nlp.make_doc(text)
                fuzzy_doc = nlp.make_doc(text)
                matcher(fuzzy_doc)
                with monkeypatch.context() as off:
                    off.setattr(matcher, "fuzzy_aliases", [])
                    matcher(doc)  # exact matches only
                exact = doc.user_data.get(MENTIONS, [])
                typos = [(m["start"], m["value"]) for m in fuzzy_doc.user_data.get(MENTIONS, [])
                         if m not in exact]
                assert typos == _typos_token_by_token(matcher, doc), text
                assert bool(typos) == ("Newsletters" not in text.title()), text
