"""Docs of the pipeline serialise (issue 10 item 6): doc.to_bytes, DocBin, nlp.pipe(n_process=2); the
publication date and doc id pass as context through nlp.pipe(as_tuples=True)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc, DocBin

TEXT = "Armenia and Azerbaijan exchanged 14 prisoners of war on Tuesday, officials in Yerevan said."


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def _same(a: Doc, b: Doc) -> None:
    assert list(a._.records) == list(b._.records) and a._.records
    for key in ("quantities", "dates"):
        if key in a.spans:
            assert [(s.text, s._.quantity, s._.date) for s in a.spans[key]] == \
                   [(s.text, s._.quantity, s._.date) for s in b.spans[key]]


def test_doc_to_bytes_round_trip(nlp):
    doc = nlp(TEXT)
    _same(doc, Doc(nlp.vocab).from_bytes(doc.to_bytes()))


def test_docbin_round_trip(nlp):
    doc = nlp(TEXT)
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    (back,) = DocBin(store_user_data=True).from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    _same(doc, back)


def test_publication_date_and_id_as_context(nlp):
    ((doc, context),) = nlp.pipe([(TEXT, {"published": "2026-03-12", "doc_id": "arm-1"})], as_tuples=True)
    (record,) = doc._.records
    assert context == {"published": "2026-03-12", "doc_id": "arm-1"}
    assert record.doc_id == "arm-1" and record.date.start == dt.date(2026, 3, 10)  # the Tuesday before
    (plain,) = nlp(TEXT)._.records
    assert plain.date is None


def test_pipe_with_two_processes_gives_the_same_records(nlp):
    texts = [TEXT, "Poland handed 3 bodies to Belarus.", TEXT]
    assert [list(d._.records) for d in nlp.pipe(texts, n_process=2, batch_size=1)] == \
           [list(d._.records) for d in nlp.pipe(texts)]
