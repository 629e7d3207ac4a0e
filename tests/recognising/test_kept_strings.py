"""Two output-neutral speed-ups that keep strings spaCy would otherwise make again and again: the recognisers'
`KeptSpan`s hold the strings of their label and KB id (spaCy's `Span.label_` looks the id up on every read),
and the vocab's lexical attribute getters answer plain words directly (`lexeme_attrs`). Each must give what
spaCy gives. Every text here is invented."""

from __future__ import annotations

import random
import string

import pytest
import spacy
from spacy import attrs
from spacy.lang import lex_attrs as spacy_attrs
from spacy.lang.en import lex_attrs as english_attrs
from spacy.tokens import Span

from extractor.pipeline import load_pipeline
from extractor.recognising import lexeme_attrs
from extractor.recognising.extensions import KeptSpan, kept_span, spans_of

STRINGS = ["", "Seven", "THIRD", "twenty", "Hundredth", "sevens", "one-third", "4th", "+5", "1/2", "a", "A", "Ab", "aB", "ABC", "abc", "Abcdefgh", "ABCDEFGH", "abcdefghij", "1", "12345", "1,000",
           "1.5", "²", "٣٣", "ſ", "\u212a", "é", "Émile", "x" * 99, "x" * 100, "X" * 120, "9" * 100, ".", "x.", ".x",
           "a.b", "a@b.org", "a.org", "a.b/", "http://x", "https://example", "www.", "www.a", "localhost:80",
           "don't", "U.S.", "well-known", "3rd", "(AFP)", "—", "’s", "Kyiv", "KYIV", "kyiv", "mid-March", "24/7"]


def _random_strings(n: int) -> list[str]:
    rng = random.Random(12)
    alphabet = string.ascii_letters + string.digits + ".:/@-_'’éÉ²٣ſ"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(n)]


@pytest.mark.parametrize("name", ["word_shape", "is_ascii", "like_url", "like_num"])
def test_lexeme_getters_give_spacys_values(name):
    ours = getattr(lexeme_attrs, name)
    theirs = english_attrs.like_num if name == "like_num" else getattr(spacy_attrs, name)
    for text in STRINGS + _random_strings(20_000):
        if name == "like_url" and not text:
            continue  # spaCy's like_url fails on an empty string; the vocab never asks it of one
        assert ours(text) == theirs(text), (name, text)


def test_pipeline_vocab_uses_the_short_ways():
    getters = load_pipeline().vocab.lex_attr_getters
    assert getters[attrs.SHAPE] is lexeme_attrs.word_shape
    assert getters[attrs.IS_ASCII] is lexeme_attrs.is_ascii
    assert getters[attrs.LIKE_URL] is lexeme_attrs.like_url
    assert getters[attrs.LIKE_NUM] is lexeme_attrs.like_num


def test_lexemes_as_spacy_makes_them():
    ours, blank = load_pipeline().vocab, spacy.blank("en").vocab
    for text in STRINGS[1:]:
        assert ours[text].shape_ == blank[text].shape_ and ours[text].is_ascii == blank[text].is_ascii \
            and ours[text].like_url == blank[text].like_url and ours[text].like_num == blank[text].like_num, text


def test_kept_span_reads_and_sets_as_spacy():
    nlp = spacy.blank("en")
    doc = nlp("The Red Cross said Peru freed 12 soldiers.")
    kept = kept_span(doc, 4, 5, "STATE", "PER")
    plain = Span(doc, 4, 5, label="STATE", kb_id="PER")
    assert isinstance(kept, KeptSpan) and kept == plain
    assert (kept.label_, kept.kb_id_, kept.label, kept.kb_id) == (plain.label_, plain.kb_id_, plain.label, plain.kb_id)
    kept.kb_id_ = "ECU"  # an actor recast: spaCy's id changes with the kept string
    kept.label_ = "DEMONYM"
    assert (kept.kb_id_, kept.label_) == ("ECU", "DEMONYM")
    assert (kept.kb_id, kept.label) == (nlp.vocab.strings["ECU"], nlp.vocab.strings["DEMONYM"])
    ids = kept_span(doc, 1, 3, "ORG", "ICRC", label_id=nlp.vocab.strings.add("ORG"), kb_id_id=nlp.vocab.strings.add("ICRC"))
    assert (ids.label_, ids.kb_id_, ids.text) == ("ORG", "ICRC", "Red Cross")


def test_recognised_spans_keep_spacys_strings():
    nlp = load_pipeline()
    doc = nlp.make_doc("Ukraine and Russia swapped 90 prisoners of war on Friday, the Ukrainian ombudsman said.")
    for name, component in nlp.pipeline:  # the recognisers (the record builder lets their kept spans go)
        if name == "exchange_gate":
            break
        doc = component(doc)
    for key in ("actors", "cues"):
        spans = spans_of(doc, key)
        assert spans and all(isinstance(s, KeptSpan) for s in spans)
        for span in spans:
            assert span.label_ == nlp.vocab.strings[span.label] and span.kb_id_ == nlp.vocab.strings[span.kb_id]
