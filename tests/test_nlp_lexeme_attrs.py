"""The pipeline's lexeme attribute getters (smartlint.nlp.lexeme_attrs) give spaCy's values."""
from __future__ import annotations

import random

import pytest


def sample_words() -> list[str]:
    from spacy.lang.en.lex_attrs import _num_words, _ordinal_words

    rng = random.Random(7)
    ascii_chars = [chr(c) for c in range(32, 127)] + ["\n", "\t"]
    other = list("éÉßñü½²³٣①€£¥¢₹—–’“”«»‚‛„‟‹›❮❯¿¡§°×÷ΩπЖ中文") + ["\u00a0", "\u2009", "''", "``"]
    numbers = _num_words + _ordinal_words
    words = ascii_chars + other + [a + b for a in ascii_chars for b in ascii_chars[::3]]
    words += [w for n in numbers for w in (n, n.upper(), n.title(), n + "s", "+" + n)]
    # the last three: shapes with runs over four to cut (x, X, d) and without, for word_shape's
    # skip of the run regex where there is none
    words += ["a" * n for n in (3, 4, 5, 9, 99, 100, 101)] + ["Ab1" * 40, "12,000", "3/4", "31st",
              "2nd", "1.5k", "$5", "$$$$$$", "...", "--", "U.S.", "e-mail", "www.x.com", "",
              "http://x", "https:", "a@b.co", "x@y", "'s", "’S", "``", "--", "ca", "n't", "CA", "Nothing",
              "xxxxxxxxXXXXXXdddddd", "Xxxxxxxx", "aaaaa-bbbbb"]
    # letters and digits repeated so that random words also hold runs of one shape (cut at four)
    alphabet = "".join(ascii_chars) + "aaaaeeeXXX11119" + "".join(other)
    for _ in range(20000):
        words.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))))
    return words


@pytest.fixture(scope="module")
def getters():
    import spacy

    from smartlint.nlp.lexeme_attrs import faster_getters

    spacys = spacy.blank("en").vocab.lex_attr_getters
    return spacys, faster_getters(spacys)


def test_the_faster_getters_give_spacys_values(getters):
    spacys, faster = getters
    replaced = [attr for attr in spacys if faster[attr] is not spacys[attr]]
    assert len(replaced) >= 20  # all but a few
    for word in sample_words():
        for attr in replaced:
            try:
                expected = spacys[attr](word)
            except IndexError:  # the prefix of ""
                with pytest.raises(IndexError):
                    faster[attr](word)
                continue
            assert faster[attr](word) == expected, (attr, word)


def test_the_pipeline_uses_the_faster_getters(getters):
    from smartlint.nlp.pipeline import build_pipeline
    from spacy.attrs import SHAPE

    spacys, _faster = getters
    nlp = build_pipeline()
    assert nlp.vocab.lex_attr_getters[SHAPE] is not spacys[SHAPE]
    assert nlp.vocab["Q3-2027"].shape_ == "Xd-dddd"
