"""The tokenizer's chunk cache, filled by `LinearTokenizer._warm`: spaCy caches no chunk of a text after the
first that holds a special case, so each chunk met is tokenised alone once. The tokens must be those of a
tokenizer that caches nothing at all. Every invented text here is our own."""

from __future__ import annotations

import pytest
from conftest import UNSEALED_CORPORA, read_articles

from extractor.pipeline import load_pipeline
from extractor.recognising.tokenizer import WARM_CHUNK, WARM_TEXT, LinearTokenizer

TEXTS = [
    "Peru's army—its ombudsman said—freed 31 soldiers on Jan. 4 at 5 p.m.; they're home.",
    "\u2014 We can't say, \u201cwhen\u201d they'll be freed: 1,000-for-1,000 (not 500-for-500).",
    "Mr. Varga didn't come. U.S. and U.K. officials met in Oslo at 9 a.m. Sept. 12.",
    "'Twas said: \"the detainees' families won't wait\" \u2019cause it's late.",
    "Lt. Col. Haddad's men, the 44 POWs, were flown home on Dec. 3rd; it's over.",
    "x" * (WARM_CHUNK + 1) + " is a long chunk, and 'this' too.\n\nA new line\tand a tab.",
    "The Minister\u2019s aides \u2014 and Gen. Okafor \u2014 said: \u2018we\u2019ll see\u2019.",
]


@pytest.fixture(scope="module")
def tokenizers():
    """A tokenizer that caches no chunk (the reference), and one that warms its cache."""
    nlp = load_pipeline()
    cold = nlp.tokenizer
    assert isinstance(cold, LinearTokenizer)
    cold.max_cache_size = 0  # spaCy saves no chunk, and `_warm` tokenises none alone
    warm = load_pipeline().tokenizer
    return cold, warm


def _tokens(doc) -> list[tuple[str, str, int]]:
    return [(t.text, t.whitespace_, t.norm) for t in doc]


def test_warmed_cache_gives_the_tokens_of_no_cache(tokenizers):
    cold, warm = tokenizers
    for _ in range(2):  # the second time every chunk without a special case comes from the cache
        for text in TEXTS:
            assert _tokens(warm(text)) == _tokens(cold(text)), text


def test_chunks_are_met_once(tokenizers):
    _, warm = tokenizers
    text = "Chile freed 12 prisoners \u2014 and Peru's 9 went home. " * 4
    assert len(text) > WARM_TEXT
    warm(text)
    assert set(text.split()) <= warm.__dict__["_met"]
    short = "Zorvath's quibblers unmet"
    warm(short)
    assert warm.__dict__["_met"].isdisjoint(short.split()), "a short text is tokenised as it is"


@pytest.mark.parametrize("path", UNSEALED_CORPORA, ids=[p.parent.name for p in UNSEALED_CORPORA])
def test_corpus_tokens_are_those_of_no_cache(tokenizers, path):
    cold, warm = tokenizers
    for article in read_articles(path):
        text = article.full_text
        assert _tokens(warm(text)) == _tokens(cold(text)), article.id
