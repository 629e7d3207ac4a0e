"""Exporting a store: JSON Lines, CSV with ACLED-like columns, Parquet or a coded error without pyarrow."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.exporting import COLUMNS, export_store, parquet_available
from extractor.exporting.names import actor_name
from extractor.errors import CodedError
from extractor.reconciling import parse_claim
from extractor.storing import EventStore


def ex(claim_id, pairs, date=None, **extra):
    flows = [{"from": a, "to": b, "category": cat, "count": None if n is None else
              {"value": n, "min": n, "max": n, "qualifier": "exact"}} for a, b, cat, n in pairs]
    d = None if date is None else {"start": date, "end": date, "precision": "day"}
    row = {"type": "exchange", "doc_id": claim_id.split("#")[0], "claim_id": claim_id, "status": "completed",
           "date": d, "flows": flows, "location": None, "mediators": []}
    row.update(extra)
    return row


RU = actor_name("RUS")  # as the gazetteer names it ("Russia" or "Russian Federation")
ROWS = [
    ex("a#0", [("RUS", "UKR", "pows", 207), ("UKR", "RUS", "pows", 195)], "2024-01-31", outlet="Ukrinform",
       url="https://example.org/a", published="2024-01-31"),
    ex("b#0", [("RUS", "UKR", "pows", 195), ("UKR", "RUS", "pows", 195)], "2024-01-31", outlet="AP"),
    ex("c#0", [("HAMAS", "ISR", "hostages", 3), ("ISR", "PSE", "prisoners", 90)], "2025-01-19",
       location={"name": "Gaza", "country": "PSE"}),
]


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "events.db"
    with EventStore(path) as st:
        st.reconcile([parse_claim(r) for r in ROWS])
    return path


def test_jsonl_export_is_the_stored_events(store, tmp_path):
    out = tmp_path / "events.jsonl"
    summary = export_store(store, fmt="jsonl", output=out)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert summary.events == len(lines) == 2
    assert [line["event_id"] for line in lines] == sorted(line["event_id"] for line in lines)
    assert sorted(sorted(line["claims"]) for line in lines) == [["a#0", "b#0"], ["c#0"]]


def test_csv_export_has_acled_like_columns(store, tmp_path):
    out = tmp_path / "events.csv"
    export_store(store, fmt="csv", output=out)
    with out.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == COLUMNS
    swap = next(r for r in rows if r["parties"] == "RUS; UKR")
    cases = {
        "event_date": "2024-01-31", "year": "2024", "time_precision": "1", "date_precision": "day",
        "event_type": "exchange", "status": "completed", "actor1": "RUS", "actor1_name": actor_name("RUS"), "actor2": "UKR",
        "actor2_name": "Ukraine", "count_1_to_2": "207", "count_2_to_1": "195",
        "sources": "Ukrinform; AP", "source_urls": "https://example.org/a; ", "n_sources": "2", "n_claims": "2",
        "notes": f"{RU} handed 207 prisoners of war to Ukraine; Ukraine handed 195 to {RU} (2 reports)",
    }
    for column, expected in cases.items():
        assert swap[column] == expected, column
    assert "207" in swap["conflicts"] and "195" in swap["conflicts"] and "(disputed)" in swap["flows"]
    gaza = next(r for r in rows if "HAMAS" in r["parties"])
    assert (gaza["location"], gaza["country"], gaza["n_conflicts"]) == ("Gaza", "PSE", "0")
    # the prisoners Israel released to the Palestinians count for Israel, not dropped as a third party's
    assert (gaza["actor1"], gaza["count_1_to_2"], gaza["actor2"], gaza["count_2_to_1"]) == ("HAMAS", "3", "ISR", "90")


def test_parquet_export(store, tmp_path):
    if not parquet_available():
        pytest.skip("pyarrow is not installed")
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    export_store(store, fmt="parquet", output=out)
    table = pq.read_table(out)
    assert table.num_rows == 2 and tuple(table.column_names) == COLUMNS


def test_parquet_without_pyarrow_is_a_coded_error(store, tmp_path, monkeypatch):
    import extractor.exporting.export as export_module

    monkeypatch.setattr(export_module, "parquet_available", lambda: False)
    out = tmp_path / "events.parquet"
    with pytest.raises(CodedError) as err:
        export_store(store, fmt="parquet", output=out)
    assert err.value.code == "E306" and "pip install extractor[parquet]" in str(err.value)
    assert not out.exists()


@pytest.mark.parametrize("fmt,code", [("xml", "E307")])
def test_unknown_format(store, tmp_path, fmt, code):
    with pytest.raises(CodedError) as err:
        export_store(store, fmt=fmt, output=tmp_path / "out")
    assert err.value.code == code


def test_refuses_to_overwrite_and_leaves_the_old_file_on_error(store, tmp_path):
    out = tmp_path / "events.csv"
    out.write_text("keep me\n")
    with pytest.raises(CodedError) as err:
        export_store(store, fmt="csv", output=out)
    assert err.value.code == "E201" and out.read_text() == "keep me\n"
    with pytest.raises(CodedError) as err:
        export_store(tmp_path / "missing.db", fmt="csv", output=out, force=True)
    assert err.value.code == "E305" and out.read_text() == "keep me\n"
    assert not (tmp_path / "missing.db").exists()
    export_store(store, fmt="csv", output=out, force=True)
    assert out.read_text().startswith("event_id,")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_command(store, tmp_path):
    _register()
    out = tmp_path / "events.csv"
    res = CliRunner().invoke(app, ["export", str(store), "--format", "csv", "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert len(out.read_text().splitlines()) == 3
    res = CliRunner().invoke(app, ["export", str(tmp_path / "nope.db"), "--format", "jsonl", "--output",
                                   str(tmp_path / "x.jsonl")])
    assert res.exit_code == 2 and "E305" in res.output


def test_reconcile_with_store_then_export_round_trip(tmp_path):
    _register()
    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    events, db = tmp_path / "events.jsonl", tmp_path / "s.db"
    res = CliRunner().invoke(app, ["reconcile", str(claims), "--output", str(events), "--store", str(db)])
    assert res.exit_code == 0, res.output
    exported = tmp_path / "exported.jsonl"
    assert CliRunner().invoke(app, ["export", str(db), "--output", str(exported)]).exit_code == 0
    assert exported.read_bytes() == events.read_bytes()
