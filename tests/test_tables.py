"""Tidy typed tables (issue 10 item 1): events, flows, sources, claims; counts never add unlike figures."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from extractor.contract.records import Count
from extractor.exporting import TABLES, export_store, parquet_available
from extractor.exporting.names import actor_name
from extractor.exporting.tables import describe, event_row, figure_bounds
from extractor.reconciling import parse_claim, reconcile
from extractor.storing import EventStore


def ex(claim_id, flows, date="2026-02-10", status="completed", **extra):
    d = None if date is None else {"start": date, "end": date, "precision": "day"}
    row = {"type": "exchange", "doc_id": claim_id.split("#")[0], "claim_id": claim_id, "status": status,
           "date": d, "flows": [{"from": a, "to": b, "category": cat, "count": c} for a, b, cat, c in flows],
           "location": None, "mediators": []}
    row.update(extra)
    return row


def exact(n):
    return {"value": n, "min": n, "max": n, "qualifier": "exact"}


def one_event(*rows):
    (ev,) = reconcile([parse_claim(r) for r in rows]).events
    return ev


@pytest.mark.parametrize("count, bounds", [
    (exact(40), (40, 40, 40)),
    ({"value": 40, "qualifier": "about"}, (40, None, None)),
    ({"min": 4801, "qualifier": "over"}, (4801, 4801, None)),
    ({"min": 1200, "qualifier": "at_least"}, (1200, 1200, None)),
    ({"max": 4500, "qualifier": "up_to"}, (4500, None, 4500)),
    ({"min": 100, "max": 120, "qualifier": "range"}, (100, 100, 120)),
])
def test_best_low_high_as_ucdp(count, bounds):
    assert figure_bounds(Count.model_validate(count)) == bounds


@pytest.mark.parametrize("flows, expected", [
    # 1,000 bodies and 1 prisoner from one side are never 1001
    ([("POL", "BLR", "bodies", exact(1000)), ("POL", "BLR", "prisoners", exact(1)), ("BLR", "POL", "bodies", exact(19))],
     {"actor1": "BLR", "count_1_to_2": 19, "category_1_to_2": "bodies",
      "actor2": "POL", "count_2_to_1": None, "category_2_to_1": "bodies; prisoners"}),
    # unlike bounds are not added either
    ([("POL", "BLR", "pows", {"max": 4500, "qualifier": "up_to"}),
      ("POL", "BLR", "civilians", {"min": 1200, "qualifier": "at_least"})],
     {"actor1": "POL", "count_1_to_2": None, "actor2": "BLR", "count_2_to_1": None}),
    # a flow to a third party on the other side counts for its giver
    ([("HEZBOLLAH", "ISR", "bodies", exact(2)), ("ISR", "LBN", "prisoners", exact(5))],
     {"actor1": "HEZBOLLAH", "count_1_to_2": 2, "actor2": "ISR", "count_2_to_1": 5, "category_2_to_1": "prisoners"}),
    # one-way handover: giver and receiver
    ([("ARM", "AZE", "bodies", exact(12))],
     {"actor1": "ARM", "actor2": "AZE", "count_1_to_2": 12, "count_2_to_1": None, "actor2_name": "Azerbaijan"}),
])
def test_count_columns_never_add_unlike_figures(flows, expected):
    row = event_row(one_event(ex("a#0", flows)))
    for column, value in expected.items():
        assert row[column] == value, column


def test_notes_describe_the_event():
    ev = one_event(ex("a#0", [("RUS", "UKR", "bodies", exact(1000)), ("UKR", "RUS", "bodies", exact(19))]),
                   ex("b#0", [("RUS", "UKR", "bodies", exact(1000)), ("UKR", "RUS", "bodies", exact(19))]),
                   ex("c#0", [("RUS", "UKR", "bodies", exact(1000))]))
    ru = actor_name("RUS")
    assert describe(ev) == f"{ru} handed 1,000 bodies to Ukraine; Ukraine handed 19 to {ru} (3 reports)"
    planned = one_event(ex("a#0", [("ARM", "AZE", "pows", {"value": 30, "qualifier": "about"})], status="planned"))
    assert describe(planned) == "Armenia is to hand about 30 prisoners of war to Azerbaijan (1 report)"


def test_year_precision_and_aligned_urls():
    ev = one_event(ex("a#0", [("ARM", "AZE", "bodies", exact(12))], outlet="North Wire"),
                   ex("b#0", [("ARM", "AZE", "bodies", exact(12))], url="https://example.org/b"))
    row = event_row(ev)
    assert (row["year"], row["time_precision"], row["date_precision"]) == (2026, 1, "day")
    assert row["sources"] == ["North Wire", "b"] and row["source_urls"] == ["", "https://example.org/b"]
    assert len(row["sources"]) == len(row["source_urls"]) == row["n_sources"]


ROWS = [ex("a#0", [("RUS", "UKR", "pows", exact(207)), ("UKR", "RUS", "pows", exact(195))], outlet="Wire A",
           url="https://example.org/a", published="2026-02-10", title="Prisoners swapped"),
        ex("b#0", [("RUS", "UKR", "pows", exact(195)), ("UKR", "RUS", "pows", exact(195))], outlet="Wire B"),
        ex("c#0", [("HAMAS", "ISR", "hostages", exact(3)), ("ISR", "PSE", "prisoners", exact(90))], date="2025-01-19")]


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "s.db"
    with EventStore(path) as st:
        st.reconcile([parse_claim(r) for r in ROWS])
    return path


@pytest.mark.parametrize("table, n_rows", [("events", 2), ("flows", 4), ("sources", 3), ("claims", 3)])
def test_every_table_as_csv_with_its_columns(store, tmp_path, table, n_rows):
    out = tmp_path / f"{table}.csv"
    summary = export_store(store, fmt="csv", output=out, table=table)
    rows = list(csv.DictReader(out.open(newline="", encoding="utf-8")))
    assert len(rows) == summary.rows == n_rows
    assert tuple(rows[0]) == tuple(c.name for c in TABLES[table])


def test_flows_and_sources_content(store, tmp_path):
    export_store(store, fmt="csv", output=tmp_path / "f.csv", table="flows")
    flows = list(csv.DictReader((tmp_path / "f.csv").open(newline="")))
    ru = next(r for r in flows if r["from"] == "RUS")
    assert (ru["best"], ru["n_reports"], ru["agreed"], ru["from_name"]) == ("207", "2", "false", actor_name("RUS"))
    assert ru["figures"] == "207 (1 report), 195 (1 report)"
    export_store(store, fmt="csv", output=tmp_path / "s.csv", table="sources")
    sources = list(csv.DictReader((tmp_path / "s.csv").open(newline="")))
    a = next(r for r in sources if r["doc_id"] == "a")
    assert (a["outlet"], a["url"], a["headline"], a["published"], a["claim_id"]) == (
        "Wire A", "https://example.org/a", "Prisoners swapped", "2026-02-10", "a#0")


@pytest.mark.skipif(not parquet_available(), reason="pyarrow is not installed")
@pytest.mark.parametrize("table", list(TABLES))
def test_parquet_is_typed(store, tmp_path, table):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / f"{table}.parquet"
    export_store(store, fmt="parquet", output=out, table=table)
    t = pq.read_table(out)
    kinds = {c.name: c.kind for c in TABLES[table]}
    for field in t.schema:
        kind = kinds[field.name]
        check = {"date": pa.types.is_date32, "list": pa.types.is_list, "category": pa.types.is_dictionary,
                 "int": pa.types.is_int64, "bool": pa.types.is_boolean, "float": pa.types.is_float64,
                 "str": pa.types.is_string}[kind]
        assert check(field.type), (field.name, field.type)
    if table == "events":
        row = next(r for r in t.to_pylist() if r["actor1"] == "RUS")
        assert row["event_date"] == dt.date(2026, 2, 10) and row["sources"] == ["Wire A", "Wire B"]
        assert row["source_urls"] == ["https://example.org/a", ""]


def test_claims_table_lists_rejected_claims_without_event(tmp_path):
    from extractor.correcting import read_corrections

    fixes = tmp_path / "c.jsonl"
    fixes.write_text(json.dumps({"action": "reject_claim", "claim": "b#0", "who": "x", "why": "y",
                                 "when": "2026-01-01"}) + "\n")
    path = tmp_path / "s.db"
    with EventStore(path) as st:
        st.reconcile([parse_claim(r) for r in ROWS], corrections=read_corrections(fixes))
    export_store(path, fmt="csv", output=tmp_path / "c.csv", table="claims")
    claims = {r["claim_id"]: r for r in csv.DictReader((tmp_path / "c.csv").open(newline=""))}
    assert claims["b#0"]["event_id"] == "" and claims["a#0"]["event_id"].startswith("ev-")
