"""Fuzz targets (hypothesis) over the readers, the pipeline and the CSV writer.

In the normal suite each runs a modest number of examples. To grow the hostile-input corpus,
run them longer:

    EXTRACTOR_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py -p no:cacheprovider

Properties: a reader never raises and yields exactly one item per record it was given (or one
coded error ending the file); the pipeline never raises and keeps every offset inside the text;
a CSV cell never starts a formula and a CSV row always reads back as one row with the same cells.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.contract import Article, PartialDate
from extractor.exporting.cells import csv_line
from extractor.reading import ReadOptions, read_inputs
from extractor.reading.items import ArticleItem, ErrorItem, SkippedItem

EXAMPLES = int(os.environ.get("EXTRACTOR_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("EXTRACTOR_FUZZ_EXAMPLES"),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# text that tends to break things: number words, weekdays, punctuation and emoji runs, odd spaces
HOSTILE = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(["twenty", "one", "hundred", "and", "Monday,", "May", "3", "1,000", "!?", "\U0001F600",
                              "\r", "\u2028", "\x00", "-", "=", "prisoners", "exchanged", "bodies", "\ud800"]),
             max_size=120).map(" ".join),
    st.binary(max_size=300).map(lambda b: b.decode("utf-8", "replace")),
)


def _one_reader_item_per_line(path: Path, lines: int) -> list:
    items = list(read_inputs([path], options=ReadOptions()))
    assert all(isinstance(i, (ArticleItem, ErrorItem, SkippedItem)) for i in items)
    return items


@FUZZ
@given(st.lists(st.binary(max_size=200), max_size=12), st.booleans())
def test_fuzz_jsonl_reader(tmp_path_factory, lines: list[bytes], gz: bool) -> None:
    folder = tmp_path_factory.mktemp("jl")
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines)
    path = folder / ("a.jsonl.gz" if gz else "a.jsonl")
    path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
    items = _one_reader_item_per_line(path, len(lines))
    nonblank = sum(1 for line in data.split(b"\n") if line.replace(b"\x00", b"").strip())
    assert len(items) <= nonblank


@FUZZ
@given(st.lists(st.dictionaries(st.sampled_from(["id", "text", "title", "url", "outlet", "published", "n"]),
                                st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                                          st.text(max_size=40), st.lists(st.integers(), max_size=3))),
                max_size=8))
def test_fuzz_jsonl_objects(tmp_path_factory, rows: list[dict]) -> None:
    path = tmp_path_factory.mktemp("jo") / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    items = _one_reader_item_per_line(path, len(rows))
    assert len(items) == len(rows)


@FUZZ
@given(st.text(max_size=400))
def test_fuzz_csv_reader(tmp_path_factory, body: str) -> None:
    path = tmp_path_factory.mktemp("csv") / "a.csv"
    path.write_text("id,text,published\n" + body, encoding="utf-8", errors="surrogatepass")
    _one_reader_item_per_line(path, body.count("\n") + 1)


@FUZZ
@given(st.lists(st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=30)), min_size=3, max_size=3),
                max_size=10))
def test_fuzz_csv_writer(rows: list[list]) -> None:
    text = csv_line(["a", "b", "c"]) + "".join(csv_line(row) for row in rows)
    back = list(csv.reader(io.StringIO(text, newline="")))
    assert len(back) == len(rows) + 1
    for row, read in zip(rows, back[1:]):
        for cell, got in zip(row, read):
            assert not got.startswith(("=", "+", "-", "@", "\t", "\r")) or isinstance(cell, int)
            expected = "" if cell is None else str(cell)
            assert got == expected or got == "'" + expected


@pytest.fixture(scope="module")
def real_extractor():
    from extractor.pipeline import Extractor

    return Extractor.load(None)


@settings(max_examples=max(EXAMPLES // 3, 10), deadline=None, derandomize=not os.environ.get("EXTRACTOR_FUZZ_EXAMPLES"),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(HOSTILE, st.one_of(st.none(), HOSTILE))
def test_fuzz_pipeline(real_extractor, text: str, title: str | None) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    title = title.encode("utf-8", "replace").decode("utf-8").replace("\x00", "") if title else None
    article = Article(id="fuzz", text=text, title=title, published=PartialDate(year=2024, month=5, day=6))
    full = article.full_text
    for record in real_extractor.extract(article):
        for span in record.evidence:
            assert 0 <= span.start <= span.end <= len(full)
            assert full[span.start:span.end] == span.text
