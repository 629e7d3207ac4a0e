"""What the recognisers keep for the normaliser (`keep_spans` / `spans_of`, `keep_texts` / `texts_of`) stands
for exactly what the doc holds: the same spans in the same order, another reading once the group is replaced or
changed, nothing written out with the doc, and nothing left on a doc the record builder has seen."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extractor.normalising.sentences import DocIndex
from extractor.recognising.extensions import (
    RECOGNISER_CACHE_KEY,
    RecogniserCache,
    keep_spans,
    keep_texts,
    spans_of,
    texts_of,
)

TEXTS = [
    "Armenia and Azerbaijan exchanged 14 prisoners of war on Tuesday, officials in Yerevan said.",
    "Peru freed 3 Chilean fishermen in Lima on 4 May; Chile is to return 2 Peruvians next week.",
    "No figures here, and no exchange either.",
]
KEYS = ("actors", "cues", "places", "quantities", "dates", "missing")


def _key(span) -> tuple:
    return span.start, span.end, span.label_, span.kb_id_


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def _recognised(nlp, text: str) -> Doc:
    """The doc after every component but the record builder (which drops the kept spans)."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name != "exchange_records":
            doc = proc(doc)
    return doc


@pytest.mark.parametrize("text", TEXTS)
def test_kept_spans_are_the_groups_spans(nlp, text):
    doc = _recognised(nlp, text)
    assert isinstance(doc.user_data.get(RECOGNISER_CACHE_KEY), RecogniserCache)
    for key in KEYS:
        expected = [_key(s) for s in doc.spans[key]] if key in doc.spans else []
        assert [_key(s) for s in spans_of(doc, key)] == expected


@pytest.mark.parametrize("change", ["replaced", "appended", "emptied"])
def test_a_changed_group_is_read_again(nlp, change):
    doc = _recognised(nlp, TEXTS[1])
    before = spans_of(doc, "cues")
    extra = doc[0:1]
    if change == "replaced":
        doc.spans["cues"] = [extra]
    elif change == "appended":
        doc.spans["cues"].append(extra)
    else:
        doc.spans["cues"] = []
    assert [_key(s) for s in spans_of(doc, "cues")] == [_key(s) for s in doc.spans["cues"]]
    assert [_key(s) for s in spans_of(doc, "cues")] != [_key(s) for s in before]


def test_the_callers_list_is_its_own(nlp):
    doc = _recognised(nlp, TEXTS[0])
    spans_of(doc, "actors").clear()
    assert spans_of(doc, "actors") and len(spans_of(doc, "actors")) == len(doc.spans["actors"])


def test_kept_spans_are_neither_written_out_nor_copied(nlp):
    doc = _recognised(nlp, TEXTS[0])
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert isinstance(back.user_data[RECOGNISER_CACHE_KEY], RecogniserCache) and not back.user_data[RECOGNISER_CACHE_KEY].spans
    assert [_key(s) for s in spans_of(back, "cues")] == [_key(s) for s in doc.spans["cues"]]
    copied = doc.copy()
    assert not copied.user_data[RECOGNISER_CACHE_KEY].spans
    assert [_key(s) for s in spans_of(copied, "cues")] == [_key(s) for s in doc.spans["cues"]]


def test_keep_spans_sets_the_group(nlp):
    doc = nlp.make_doc(TEXTS[2])
    keep_spans(doc, "test", [doc[0:2], doc[3:4]])
    assert [s.text for s in doc.spans["test"]] == ["No figures", ","]
    assert spans_of(doc, "test")[1].text == ","


@pytest.mark.parametrize("text", TEXTS)
def test_the_record_builder_drops_them(nlp, text):
    assert RECOGNISER_CACHE_KEY not in nlp(text).user_data


ODD_TEXTS = TEXTS + ["İSTANBUL — Ölüm ΣΟΦΊΑ ﬁnal ǅemal STRASSE straße 12 DETAINEES freed.", "\n\n  \t", ""]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_kept_texts_and_their_lower_case_are_the_tokens_own(nlp, text):
    doc = _recognised(nlp, text)
    assert texts_of(doc) == [t.text for t in doc]
    index = DocIndex.build(doc)
    assert index.lower == [t.lower_ for t in doc]
    assert index.texts == [t.text for t in doc]


def test_kept_texts_for_another_number_of_tokens_are_not_used(nlp):
    doc = _recognised(nlp, TEXTS[0])
    keep_texts(doc, ["stale"])
    assert texts_of(doc) == [t.text for t in doc]
