"""`extractor export`: the events of a store as JSON Lines, CSV or Parquet, written atomically."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from ..reading.items import coded_error
from ..storing import EventStore
from .atomic import atomic_writer, check_output
from .cells import write_csv
from .tables import COLUMNS, event_row

FORMATS = ("jsonl", "csv", "parquet")


@dataclass(frozen=True)
class ExportSummary:
    events: int
    path: Path
    fmt: str

    def format(self) -> str:
        return f"{self.events} event(s) written to {self.path} ({self.fmt})"


def parquet_available() -> bool:
    return importlib.util.find_spec("pyarrow") is not None


def export_store(store: Path, *, fmt: str, output: Path, force: bool = False) -> ExportSummary:
    """Write every event of `store` to `output` in `fmt` (jsonl, csv or parquet), ordered by event id."""
    if fmt not in FORMATS:
        raise coded_error("E307", fmt=fmt, choices=", ".join(FORMATS))
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
        rows = [event_row(ev) for ev in st.events()]
    if fmt == "csv":
        with atomic_writer(output) as fh:
            write_csv(fh, COLUMNS, rows)
    else:
        _write_parquet(rows, output)
    return ExportSummary(len(rows), output, fmt)


def _write_parquet(rows: list[dict[str, object]], output: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = {"count_1_to_2", "count_2_to_1", "n_sources", "n_claims", "n_conflicts"}
    schema = pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    with atomic_writer(output, binary=True) as fh:
        pq.write_table(table, fh)

