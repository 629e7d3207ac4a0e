"""token_strings and the DocIndex arrays read the same strings and offsets as spaCy's Token objects."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LOWER, ORTH

from extractor.normalising.sentences import DocIndex
from extractor.recognising import extensions
from extractor.recognising.extensions import token_strings

TEXTS = [
    "Chile and Peru swapped 41 DETAINEES on Tuesday, the ICRC said.",
    "Ólafur Ragnarsson returned home\n\nafter 3 years —  in a  Norwegian jail.",
    "U.S. officials: \"We got 2 of OUR people back\" (no others).",
    "",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("en")


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("cleared", [False, True])
def test_token_strings_are_the_tokens_own(nlp, text, cleared):
    doc = nlp(text)
    if cleared:
        extensions._STRINGS.clear()  # looked up in the vocab again
    assert token_strings(doc, ORTH) == [t.text for t in doc]
    assert token_strings(doc, LOWER) == [t.lower_ for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_doc_index_texts_and_offsets(nlp, text):
    doc = nlp(text)
    index = DocIndex.build(doc)
    assert index.lower == [t.lower_ for t in doc]
    assert index.texts == [t.text for t in doc]
    assert index.idx == [t.idx for t in doc]


@pytest.mark.parametrize("text", [t for t in TEXTS if t] + ["One.", "Two lines\nof text. And a third!"])
def test_sentence_starts_are_those_of_doc_sents(extractor, text):
    doc = extractor.nlp.make_doc(text)
    with extractor.nlp.select_pipes(enable=["exchange_sentences"]):
        doc = extractor.nlp(doc)
    assert extensions.sentence_starts(doc) == [sent.start for sent in doc.sents]
