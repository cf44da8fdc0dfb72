"""The pipeline's tokenizer (smartlint.nlp.tokenizer) splits as spaCy's default English one."""
from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parent.parent


def sample_words() -> list[str]:
    """Words made of the pieces suffix patterns look for: digits before units and currencies,
    letters of both cases before dots, quotes, ellipses, newlines, symbols."""
    rng = random.Random(11)
    pieces = (list("aZé9170.,;:!?'\"`’‘”“()[]{}<>$€£¥+-–—%°FfCc²µ#@/\\…*&_~\n\t ©™☺")
              + ["km", "kg", "m²", "mph", "US$", "C$", "'s", "'S", "’s", "...", "..", "''", "``", "°F",
                 "°c", "Inc", "U.S", "www", "ft", "lb", "in", "ha", "€", "₹", "K", "bn"])
    words = ["", "a", "\n", "2026.", "U.S.", "5km", "x's", "a...", "10°F.", "3+", "5$", "A.B."]
    for _ in range(30000):
        words.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))))
    return words


def test_the_suffix_search_finds_what_spacys_regex_finds():
    from spacy.lang.en import English
    from spacy.util import compile_suffix_regex

    from smartlint.nlp.tokenizer import SuffixSearch, suffix_widths

    spacys = compile_suffix_regex(English.Defaults.suffixes).search
    search = SuffixSearch(English.Defaults.suffixes, suffix_widths()).search
    for _round in range(2):  # the second time the endings are remembered
        for word in sample_words():
            expected, found = spacys(word), search(word)
            assert (found and found.span()) == (expected and expected.span()), word


def test_patterns_without_a_known_width_are_searched_as_spacy_would():
    from smartlint.nlp.tokenizer import SuffixSearch

    search = SuffixSearch([r"\.\.+", "b", "(?<=a)c", "xy", " ", "(?<=[0-9])q"],
                          {"b": [["b", 1, 0, "b"]], "xy": [["xy", 2, 0, None]],
                           "(?<=[0-9])q": [["(?<=[0-9])q", 1, 1, "q"]]}).search
    assert search("a...").span() == (1, 4)
    assert search("ab").span() == (1, 2)
    assert search("ac").span() == (1, 2)
    assert search("axy").span() == (1, 3)
    assert search("bc") is None
    assert search("q") is None and search("7q").span() == (1, 2) and search("xq") is None
    assert search("x7q").span() == (2, 3)
    assert search("b\n").span() == (0, 1)  # $ before a final newline, as in the joined regex


def test_the_width_table_is_up_to_date():
    spec = importlib.util.spec_from_file_location("build_suffix_widths", ROOT / "scripts" / "build_suffix_widths.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    stored = json.loads((ROOT / "models" / "suffix_widths.json").read_text(encoding="utf-8"))
    entries = builder.entries
    assert all(entries(pattern) == listed for pattern, listed in stored["entries"].items())
    if stored["spacy"] == spacy.__version__:  # another spaCy may add patterns: they are searched as it would
        assert stored["entries"] == builder.table()["entries"]
    assert entries("(?<=[0-9])km") == [["(?<=[0-9])km", 2, 1, "m"]] and entries("km") == [["km", 2, 0, "m"]]
    assert entries("a|bc") is None and entries("[ab]") == [["[ab]", 1, 0, "ab"]]
    assert entries("(?<=a)(?:b|cd|[)|])") == [["(?<=a)b", 1, 1, "b"], ["(?<=a)cd", 2, 1, "d"],
                                               ["(?<=a)[)|]", 1, 1, ")|"]]
    assert entries("(?:a|b)c") is None  # not one length (the group is not the whole pattern)
    assert entries("(?<=a|bc)d") is None and entries("(?<=a)(?=b)c") is None
    assert entries("(?<=[(?:)])[$^]") == [["(?<=[(?:)])[$^]", 1, 1, "$^"]]  # in a class: characters
    assert entries(r"\$") == [[r"\$", 1, 0, "$"]] and entries(r"\\$") is None
    assert entries(r"x\.") == [[r"x\.", 2, 0, "."]] and entries("x[ab]") == [["x[ab]", 2, 0, None]]
    assert entries(r"x\d") == [[r"x\d", 2, 0, None]]  # an escape of a letter is a class
    assert entries(r"\bx") is None and entries("x$") is None and entries(r"(a)\1") is None


@pytest.fixture(scope="module")
def tokenizers():
    import spacy

    from smartlint.nlp.pipeline import build_pipeline

    return spacy.blank("en").tokenizer, build_pipeline().tokenizer


def test_the_pipeline_tokenizes_as_spacys_default_tokenizer(tokenizers):
    from smartlint.nlp.tokenizer import SuffixSearch

    spacys, ours = tokenizers
    assert isinstance(ours.suffix_search.__self__, SuffixSearch)
    assert ours.suffix_search.__self__.pattern == spacys.suffix_search.__self__.pattern
    texts = [line for line in (ROOT / "corpus" / "goals.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    texts = [json.loads(line)["text"] for line in texts] + sample_words()[:3000]
    for text in texts:
        assert [t.text for t in ours(text)] == [t.text for t in spacys(text)], text
    assert ours.explain("(U.S.!)") == spacys.explain("(U.S.!)")


def words_of_letters_and_digits() -> list[str]:
    """Every ASCII letter and digit, all pairs and triples of them, and random longer words."""
    from itertools import product
    from string import ascii_letters, digits

    alphabet = ascii_letters + digits
    words = [a + b for a, b in product(alphabet, repeat=2)] + list(alphabet)
    words += ["".join(triple) for triple in product(alphabet, repeat=3)]
    rng = random.Random(5)
    words += ["".join(rng.choice(alphabet) for _ in range(rng.randint(4, 16))) for _ in range(20000)]
    return words


def test_english_prefixes_infixes_and_urls_find_nothing_in_words_of_letters_and_digits():
    """What lets the pipeline's tokenizer skip those searches for such words (skipping_words)."""
    from spacy.lang.en import English
    from spacy.util import compile_infix_regex, compile_prefix_regex

    prefix_search = compile_prefix_regex(English.Defaults.prefixes).search
    infix_finditer = compile_infix_regex(English.Defaults.infixes).finditer
    url_match = English.Defaults.url_match
    for word in words_of_letters_and_digits():
        assert prefix_search(word) is None, word
        assert not list(infix_finditer(word)), word
        assert url_match(word) is None, word


def test_the_searches_skip_words_where_told_to():
    from spacy.lang.en import English
    from spacy.util import compile_infix_regex

    from smartlint.nlp.tokenizer import skipping_words

    infixes = English.Defaults.infixes
    finditer = compile_infix_regex(infixes).finditer
    skipping = skipping_words(finditer, True, ())
    assert skipping is not finditer
    assert skipping("Nordics2026") == ()
    assert [m.span() for m in skipping("mid-market")] == [(3, 4)]
    assert skipping_words(finditer, False, ()) is finditer
    url_match = English.Defaults.url_match
    assert skipping_words(url_match, True, None)("example.com").span() == (0, 11)


def test_the_searches_are_skipped_for_englishs_patterns_only():
    import re

    from spacy.lang.de import German
    from spacy.lang.en import English

    from smartlint.nlp.tokenizer import create_tokenizer

    english = create_tokenizer()(English())
    assert not isinstance(getattr(english.infix_finditer, "__self__", None), re.Pattern)
    german = create_tokenizer()(German())  # German infixes of its own: searched as spaCy would
    assert isinstance(german.infix_finditer.__self__, re.Pattern)
    assert [t.text for t in german("3-4 Wochen")] == [t.text for t in spacy.blank("de")("3-4 Wochen")]
