"""The packaged word table (models/word_classes.json) must agree with the installed lemminflect.

smartlint answers "which parts of speech can this word be" and "what is this verb's base form" from
that table instead of lemminflect's slow-loading lexicon, so an upgraded lemminflect would go
unnoticed without this check. scripts/build_word_table.py --check compares the two; rebuild the
table with the same script (without --check) when it fails.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build_word_table.py"


@pytest.mark.skipif(not BUILD_SCRIPT.is_file(), reason="scripts/build_word_table.py is not in this checkout")
def test_the_packaged_word_table_matches_lemminflect():
    result = subprocess.run([sys.executable, str(BUILD_SCRIPT), "--check"], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (
        "models/word_classes.json is stale; run scripts/build_word_table.py to rebuild it\n"
        + result.stdout[-2000:] + result.stderr[-2000:])


SAMPLE_WORDS = ["go", "run", "cut", "grow", "goose", "criterion", "analysis", "datum", "child", "sheep",
                "increase", "reduce", "publish", "travel", "blorf", "zzyzx", "lead", "write", "be",
                "geese", "children", "analyses", "sign-up", "follower", "buses", "news", "series"]


@pytest.mark.parametrize("word", SAMPLE_WORDS)
def test_inflections_and_noun_lemmas_agree_with_lemminflect(word):
    """The coach inflects from the shipped exceptions plus lemminflect's rules, never from its slow
    lexicon; the answers must be lemminflect's own, for listed, irregular and unknown words alike."""
    import lemminflect

    from smartlint.nlp import lemmas

    for tag in ("NNS", "VBG", "VBZ", "VBD", "VBN"):
        assert lemmas.inflection(word, tag) == tuple(lemminflect.getInflection(word, tag) or ()), tag
    expected = lemminflect.getLemma(word, upos="NOUN", lemmatize_oov=True)
    assert lemmas.lemma(word, "NOUN") == (expected[0] if expected else word)


def test_scoring_goals_does_not_decode_lemminflects_lexicon():
    """Decoding lemminflect's lemma and inflection tables costs about half a second per process; the
    shipped tables answer everything a goal needs (run in a fresh interpreter to see first use)."""
    script = (
        "import datetime as dt, json, sys\n"
        "from smartlint.api import Linter\n"
        "from lemminflect import Lemmatizer, Inflections\n"
        "linter = Linter()\n"
        "for line in sys.stdin:\n"
        "    linter.score(json.loads(line)['text'], dt.date(2026, 1, 15), plan=True)\n"
        "print('lemma_dict' in vars(Lemmatizer()), hasattr(Inflections(), 'infl_dict'))\n")
    goals = (REPO_ROOT / "corpus" / "goals.jsonl").read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", script], input=goals, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["False", "False"]
