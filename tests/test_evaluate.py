"""`extractor evaluate` and `flows-sheet`: the package's scorer gives the kit's figures, gold as JSONL or a sheet."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.evaluating import read_gold, read_sheet, records_to_sheet_rows, score, write_sheet
from extractor.evaluating.sheet import read_jsonl_rows

DATA = Path(__file__).parent / "data" / "evaluate"
GOLD, PRED, EVENTS = DATA / "gold.jsonl", DATA / "pred.jsonl", DATA / "events.jsonl"

_register()


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("events, show, expected", [
    (EVENTS, 5, "expected.json"),
    (None, 0, "expected-no-events.json"),
])
def test_port_gives_the_kit_figures(events: Path | None, show: int, expected: str) -> None:
    rows = list(read_jsonl_rows(events)) if events else None
    result = score(list(read_jsonl_rows(GOLD)), read_jsonl_rows(PRED), rows, show=show)
    assert result == json.loads((DATA / expected).read_text())


def _gold_as_sheet(tmp_path: Path) -> Path:
    lines = []
    for row in read_jsonl_rows(GOLD):
        lines.append({"type": "article", "doc_id": row["doc_id"], "records": len(row["records"])})
        lines += [{**r, "doc_id": row["doc_id"]} for r in row["records"]]
    path = tmp_path / "gold.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        write_sheet(records_to_sheet_rows(lines), fh)
    return path


def test_gold_as_a_flows_sheet_scores_the_same(tmp_path: Path) -> None:
    sheet = _gold_as_sheet(tmp_path)
    events = list(read_jsonl_rows(EVENTS))
    from_sheet = score(read_gold(sheet), read_jsonl_rows(PRED), events)
    from_jsonl = score(list(read_jsonl_rows(GOLD)), read_jsonl_rows(PRED), events)
    assert from_sheet == from_jsonl
    assert from_sheet["articles"] == 40 and from_sheet["negatives"]["articles"] == 11


@pytest.mark.parametrize("cells, count", [
    ({"value": "12"}, {"value": 12, "min": 12, "max": 12, "qualifier": "exact"}),
    ({"value": "1,200"}, {"value": 1200, "min": 1200, "max": 1200, "qualifier": "exact"}),
    ({"min": "301", "qualifier": "over"}, {"value": None, "min": 301, "max": None, "qualifier": "over"}),
    ({"value": "40", "qualifier": "about"}, {"value": 40, "min": None, "max": None, "qualifier": "about"}),
    ({}, None),
])
def test_sheet_counts(tmp_path: Path, cells: dict, count: dict | None) -> None:
    path = tmp_path / "g.csv"
    row = {"doc_id": "d1", "record": "1", "type": "exchange", "status": "completed", "date_start": "2026-02-03",
           "from": "pol", "to": "blr", "category": "pows", **cells}
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(row))
        w.writeheader()
        w.writerow(row)
    (rec,) = read_sheet(path)[0]["records"]
    assert rec["date"] == {"start": "2026-02-03", "end": "2026-02-03", "precision": "day"}
    assert rec["flows"][0]["from"] == "POL" and rec["flows"][0].get("count") == count


@pytest.mark.parametrize("content, code", [
    ("doc_id,record\nd1,1\n", "E504"),
    ("doc_id,type,category,value\nd1,exchange,pows,many\n", "E503"),
    ("doc_id,type\nd1,swap\n", "E503"),
])
def test_bad_sheets_are_refused_with_the_place(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "g.csv"
    path.write_text(content)
    result = invoke("evaluate", PRED, "--gold", path)
    assert result.exit_code == 2
    assert f"[{code}]" in result.output and str(path) in result.output


def test_evaluate_command_on_a_run_folder_and_bars(tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    (run / "claims.jsonl").write_bytes(PRED.read_bytes())
    (run / "events.jsonl").write_bytes(EVENTS.read_bytes())
    result = invoke("evaluate", run, "--gold", GOLD)
    assert result.exit_code == 0, result.output
    expected = json.loads((DATA / "expected.json").read_text())
    expected.pop("errors")
    assert json.loads(result.output[: result.output.rindex("}") + 1]) == expected
    assert result.output.strip().splitlines()[-1].startswith("exchange_flows.f1=")
    failed = invoke("evaluate", run, "--gold", GOLD, "--min", "exchange_flows.f1=1.01")
    assert failed.exit_code == 1 and "short of the bar" in failed.output


def test_flows_sheet_command_round_trips_the_predictions(tmp_path: Path) -> None:
    sheet = tmp_path / "flows.csv"
    result = invoke("flows-sheet", PRED, "--events", EVENTS, "-o", sheet)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert {r["doc_id"] for r in rows} == {r["doc_id"] for r in read_jsonl_rows(GOLD)}  # every article, negatives too
    assert all(r["event"] for r in rows if r["type"] == "exchange")
    # the predictions scored against themselves (read back from the sheet) are perfect
    result = score(read_gold(sheet), read_jsonl_rows(PRED))
    assert result["exchange_flows"]["f1"] == 1.0 and result["tally_flows"]["f1"] == 1.0
    assert invoke("flows-sheet", PRED, "-o", sheet).exit_code == 2  # exists, no --force
