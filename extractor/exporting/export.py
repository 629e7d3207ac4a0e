"""`extractor export`: the events of a store as JSON Lines, or one of its tidy tables (events, flows,
sources, claims) as CSV or typed Parquet, written atomically."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from ..errors import coded_error
from ..storing import EventStore
from ..outputs import atomic_writer, check_output
from .cells import write_csv as write_cells
from .tables import TABLES, Column, claim_row, csv_cell, event_row, flow_rows, source_rows

FORMATS = ("jsonl", "csv", "parquet")


@dataclass(frozen=True)
class ExportSummary:
    events: int
    path: Path
    fmt: str
    table: str = "events"
    rows: int | None = None

    def format(self) -> str:
        if self.table != "events" and self.rows is not None:
            return f"{self.rows} {self.table} row(s) of {self.events} event(s) written to {self.path} ({self.fmt})"
        return f"{self.events} event(s) written to {self.path} ({self.fmt})"


def parquet_available() -> bool:
    return importlib.util.find_spec("pyarrow") is not None


def table_rows(st: EventStore, table: str) -> tuple[int, list[dict[str, object]]]:
    """(number of events, rows of `table`) of a store, ordered by event id (claims: by claim id)."""
    events = list(st.events())
    if table == "events":
        return len(events), [event_row(ev) for ev in events]
    if table == "flows":
        return len(events), [row for ev in events for row in flow_rows(ev)]
    claims = dict(st.claim_bodies())
    if table == "sources":
        return len(events), [row for ev in events for row in source_rows(ev, claims)]
    links = st.assignments()
    return len(events), [claim_row(body, links.get(cid)) for cid, body in claims.items()]


def export_store(store: Path, *, fmt: str, output: Path, force: bool = False, table: str = "events") -> ExportSummary:
    """Write every event of `store` to `output` in `fmt` (jsonl, csv or parquet), ordered by event id;
    csv and parquet write `table` (events, flows, sources or claims)."""
    if fmt not in FORMATS:
        raise coded_error("E307", fmt=fmt, choices=", ".join(FORMATS))
    if table not in TABLES:
        raise coded_error("E307", fmt=f"table {table}", choices="tables " + ", ".join(TABLES))
    if fmt == "parquet" and not parquet_available():
        raise coded_error("E306")
    check_output(output, force=force, inputs=(store,))
    with EventStore(store, create=False) as st:
        if fmt == "jsonl":
            n = 0
            with atomic_writer(output) as fh:
                for body in st.event_bodies():
                    fh.write(body)
                    fh.write("\n")
                    n += 1
            return ExportSummary(n, output, fmt)
        n_events, rows = table_rows(st, table)
    columns = TABLES[table]
    if fmt == "csv":
        with atomic_writer(output) as fh:
            write_csv(rows, columns, fh)
    else:
        write_parquet(rows, columns, output)
    return ExportSummary(n_events, output, fmt, table, len(rows))


def write_csv(rows: list[dict[str, object]], columns: tuple[Column, ...], fh) -> None:
    """Typed values as cells (lists '; '-joined, dates ISO), then neutralised and quoted by `cells`."""
    names = [c.name for c in columns]
    write_cells(fh, names, ({name: csv_cell(row.get(name)) for name in names} for row in rows))


def arrow_schema(columns: tuple[Column, ...]):
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32(),
             "list": pa.list_(pa.string()), "category": pa.dictionary(pa.int32(), pa.string())}
    return pa.schema([pa.field(c.name, types[c.kind], metadata={"description": c.doc}) for c in columns])


def write_parquet(rows: list[dict[str, object]], columns: tuple[Column, ...], output: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(columns)
    data = {c.name: [row.get(c.name) for row in rows] for c in columns}
    table = pa.Table.from_pydict(data, schema=schema)
    with atomic_writer(output, binary=True) as fh:
        pq.write_table(table, fh)
