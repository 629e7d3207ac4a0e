"""`extractor export`: the events of a store as JSON Lines, or one of its tidy tables (events, flows,
sources, claims) as CSV or typed Parquet, written atomically."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal, get_args

from ..errors import coded_error
from ..contract.events import EventRecord
from ..storing import EventStore
from ..outputs import atomic_writer, check_output
from .cells import write_csv as write_cells
from .tables import TABLES, Column, claim_row, csv_cell, event_row, flow_rows, source_rows

ExportFormat = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)


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


class StoreView:
    """What the exports read from an open store, each part read and parsed once however many files
    are written from it (`extractor run` writes nine)."""

    def __init__(self, st: EventStore) -> None:
        self.st = st

    @cached_property
    def bodies(self) -> list[str]:
        """The stored JSON of every event, ordered by event id."""
        return list(self.st.event_bodies())

    @cached_property
    def events(self) -> list[EventRecord]:
        return [EventRecord.model_validate_json(body) for body in self.bodies]

    @cached_property
    def claims(self) -> dict[str, dict]:
        return dict(self.st.claim_bodies())

    @cached_property
    def links(self) -> dict[str, str]:
        return self.st.assignments()


def table_rows(view: StoreView, table: str) -> tuple[int, list[dict[str, object]]]:
    """(number of events, rows of `table`) of a store, ordered by event id (claims: by claim id)."""
    events = view.events
    if table == "events":
        return len(events), [event_row(ev) for ev in events]
    if table == "flows":
        return len(events), [row for ev in events for row in flow_rows(ev)]
    claims = view.claims
    if table == "sources":
        return len(events), [row for ev in events for row in source_rows(ev, claims)]
    links = view.links
    return len(events), [claim_row(body, links.get(cid)) for cid, body in claims.items()]


def check_export(*, fmt: str, table: str) -> None:
    """CodedError E307 (unknown format or table) or E306 (parquet without pyarrow)."""
    if fmt not in FORMATS:
        raise coded_error("E307", fmt=fmt, choices=", ".join(FORMATS))
    if table not in TABLES:
        raise coded_error("E307", fmt=f"table {table}", choices="tables " + ", ".join(TABLES))
    if fmt == "parquet" and not parquet_available():
        raise coded_error("E306")


def export_store(store: Path, *, fmt: str, output: Path, force: bool = False, table: str = "events") -> ExportSummary:
    """Write every event of `store` to `output` in `fmt` (jsonl, csv or parquet), ordered by event id;
    csv and parquet write `table` (events, flows, sources or claims)."""
    check_export(fmt=fmt, table=table)
    check_output(output, force=force, inputs=(store,))
    with EventStore(store, create=False) as st:
        return write_export(StoreView(st), fmt=fmt, output=output, table=table)


def write_export(view: StoreView, *, fmt: str, output: Path, table: str = "events") -> ExportSummary:
    """`export_store` on a store already open (the format and the output checked by the caller)."""
    if fmt == "jsonl":
        with atomic_writer(output) as fh:
            for body in view.bodies:
                fh.write(body)
                fh.write("\n")
        return ExportSummary(len(view.bodies), output, fmt)
    n_events, rows = table_rows(view, table)
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
