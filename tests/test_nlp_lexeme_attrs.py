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


def test_the_pipeline_computes_the_attributes_it_reads_as_spacy_does(getters):
    """New words get only the attributes the pipeline reads, with spaCy's values."""
    import spacy
    from spacy.attrs import IDS, NAMES

    from smartlint.nlp.pipeline import attributes_read, build_pipeline

    nlp = build_pipeline()
    read = attributes_read(nlp)
    assert {"LOWER", "SHAPE", "LIKE_NUM", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA"} <= read
    kept = {NAMES[attr] for attr in nlp.vocab.lex_attr_getters}
    assert kept == {name for name in read if IDS[name] in getters[0]}
    assert "IS_STOP" not in kept and "NORM" not in kept
    reference = spacy.blank("en").vocab
    for word in sample_words()[:3000] + ["Q3-2027", "$3.2M", "Nordics", "twenty-five", "2,000"]:
        ours, spacys = nlp.vocab[word], reference[word]
        for name in kept:
            assert getattr(ours, name.lower()) == getattr(spacys, name.lower()), (name, word)


def test_a_pattern_on_an_attribute_the_pipeline_does_not_compute_is_refused():
    from smartlint.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    ruler = nlp.get_pipe("lexicon_ruler")
    ruler.add_patterns([{"label": "STOPWORD", "pattern": [{"IS_STOP": True}]}])
    with pytest.raises(ValueError, match="lexicon_ruler: patterns compare IS_STOP, which this "
                                         "vocabulary does not compute"):
        nlp("We will grow revenue.")
