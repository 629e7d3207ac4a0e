"""Input mapping (issue 10 item 4): a missing mapped column is named with the columns found, numeric dates
need --dayfirst/--monthfirst, unreadable dates and W001 are counted in the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.contract import PartialDate
from extractor.reading import ArticleItem, KeyMap, ReadOptions, read_inputs
from extractor.reading.dates import parse_published

_register()
TEXT = "Poland and Belarus exchanged 12 prisoners on Tuesday at the border."


@pytest.mark.parametrize("raw, dayfirst, expected, problem", [
    ("19/01/2026", True, PartialDate(year=2026, month=1, day=19), None),
    ("01/19/2026", False, PartialDate(year=2026, month=1, day=19), None),
    ("19.01.2026", True, PartialDate(year=2026, month=1, day=19), None),
    ("19/01/2026", None, None, "--dayfirst"),
    ("19/01/2026", False, None, "no such day"),
    ("2026-01-19", True, PartialDate(year=2026, month=1, day=19), None),
])
def test_numeric_dates_need_an_order(raw, dayfirst, expected, problem):
    parsed, _, found = parse_published(raw, dayfirst=dayfirst)
    assert parsed == expected
    assert (found is None) if problem is None else (problem in found)


def write_csv(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_missing_mapped_column_is_named_with_the_columns_found(tmp_path):
    path = write_csv(tmp_path / "a.csv", "uid,body,date", [f'n1,"{TEXT}",19/01/2026'])
    keys = KeyMap(id="uid", text="body", published="published_at")
    (item,) = read_inputs([path], options=ReadOptions(keys=keys))
    assert isinstance(item, ArticleItem)
    note = next(n for n in item.notes if "published_at" in n)
    assert note.startswith("[W008]") and "uid, body, date" in note and "--published-key" in note


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_summary_counts_unreadable_dates_and_w001(tmp_path):
    path = write_csv(tmp_path / "a.csv", "uid,body,date,title,url,outlet",
                     [f'n1,"{TEXT}",19/01/2026,,,', f'n2,"{TEXT}",2026-01-20,,,'])
    out = tmp_path / "o.jsonl"
    result = invoke("extract", path, "-o", out, "--id-key", "uid", "--text-key", "body", "--published-key", "date")
    assert result.exit_code == 0, result.output
    assert "E005 on 1 article(s)" in result.output and "W001 on 1 article(s)" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    n1 = next(line for line in lines if line.get("type") == "article" and line["doc_id"] == "n1")
    assert "[E005]" in n1["note"] and "[W001]" in n1["note"]
    again = invoke("extract", path, "-o", out, "--force", "--id-key", "uid", "--text-key", "body",
                   "--published-key", "date", "--dayfirst")
    assert "E005" not in again.output and "W001" not in again.output
    records = [line for line in map(json.loads, out.read_text().splitlines()) if line.get("type") == "exchange"]
    assert {r["doc_id"]: r["published"] for r in records}["n1"] == "19/01/2026"
    assert all(r["date"] for r in records)
