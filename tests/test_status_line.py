"""`status_line` builds a status line without the model: the same dict as `ArticleStatus`'s dump, or None
where only the model may judge the arguments (it then builds the line)."""

import pytest

from extractor.contract import ArticleStatus
from extractor.running.articles import status_line

STAMP = {"extractor_version": "1.2.3", "data_version": "d-0123456789ab"}

CASES = [
    # (doc_id, status, records, source, note)
    ("a-1", "skipped", 0, "in.jsonl:1", "prefilter: no word of swap, exchange, release, return or captivity"),
    ("a-2", "no_events", 0, "in.jsonl:2", None),
    ("a-3", "ok", 4, None, None),
    ("é-4", "ok", 1, "dossier/ünï.jsonl:40", "W001 a note\u2028with a line separator"),
    ("a-5", "skipped", 0, "in.jsonl.gz:5@812", "E010 duplicate id; E016 empty"),
]


@pytest.mark.parametrize("doc_id, status, records, source, note", CASES)
def test_same_as_the_model(doc_id, status, records, source, note):
    model = ArticleStatus(doc_id=doc_id, status=status, records=records, source=source, note=note, **STAMP)
    built = status_line(doc_id=doc_id, status=status, records=records, source=source, note=note, stamp=STAMP)
    assert built == model.model_dump(mode="json", by_alias=True, exclude_none=False)
    assert list(built) == list(model.model_dump(mode="json", by_alias=True, exclude_none=False))  # key order


REFUSED = [
    # arguments the model judges (an error line, a bad count, an unknown status, an odd stamp)
    ("a-1", "error", 0, None, None, STAMP),
    ("a-1", "ok", -1, None, None, STAMP),
    ("a-1", "ok", True, None, None, STAMP),
    ("a-1", "done", 0, None, None, STAMP),
    ("a-1", "ok", 0, None, None, {"extractor_version": "1"}),
    ("a-1", "ok", 0, None, None, {**STAMP, "run_id": "r-1"}),
    ("a-1", "ok", 0, 12, None, STAMP),
]


@pytest.mark.parametrize("doc_id, status, records, source, note, stamp", REFUSED)
def test_left_to_the_model(doc_id, status, records, source, note, stamp):
    assert status_line(doc_id=doc_id, status=status, records=records, source=source, note=note, stamp=stamp) is None
