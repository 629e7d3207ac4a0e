"""Extraction is a pure function of the article: same records and claim ids whatever the order or the
run, and claim ids unique across the corpus."""

from __future__ import annotations

from collections import Counter

import pytest

from extractor.pipeline import Extractor


def _dump(records) -> list[dict]:
    return [r.model_dump(mode="json", by_alias=True) for r in records]


def test_second_pass_gives_identical_records(extractor, corpus_articles, corpus_records):
    for article in corpus_articles:
        assert _dump(extractor.extract(article)) == _dump(corpus_records[article.id]), article.id


@pytest.mark.parametrize("order", ["reversed", "interleaved"])
def test_order_does_not_matter(extractor, corpus_articles, corpus_records, order):
    if order == "reversed":
        articles = corpus_articles[::-1]
    else:
        articles = corpus_articles[1::2] + corpus_articles[::2]
    for article, records in extractor.extract_many(articles):
        assert _dump(records) == _dump(corpus_records[article.id]), article.id


def test_fresh_pipeline_gives_identical_records(corpus_articles, corpus_records):
    fresh = Extractor.load(None)
    for article in corpus_articles[::-1]:
        assert _dump(fresh.extract(article)) == _dump(corpus_records[article.id]), article.id


def test_claim_ids_are_unique_across_the_corpus(corpus_records):
    ids = Counter(r.claim_id for records in corpus_records.values() for r in records)
    assert ids, "the corpus gave no records at all"
    assert [claim for claim, n in ids.items() if n > 1] == []


def test_records_belong_to_their_article(corpus_records):
    for doc_id, records in corpus_records.items():
        assert {r.doc_id for r in records} <= {doc_id}


def test_claim_ids_follow_the_article_not_the_batch(extractor, corpus_articles, corpus_records):
    """An article extracted alone, between others or after an unrelated one keeps its claim ids."""
    target = corpus_articles[0]
    alone = [r.claim_id for r in extractor.extract(target)]
    for other in corpus_articles[1:6]:
        extractor.extract(other)
        assert [r.claim_id for r in extractor.extract(target)] == alone
    assert alone == [r.claim_id for r in corpus_records[target.id]]
