"""Gold and predictions as a flows spreadsheet (CSV): one row per flow, for coding or correcting by hand.

Rows with the same `doc_id` and `record` number form one record; a row with an empty `type` lists
an article that has no record (a negative). Counts: `value`, `min`, `max` as in the record contract
("over 4,800" is min 4801); a bare `value` with no `min`/`max` is an exact figure. `parties`
(agreements) is a `;`-separated list. `event` is a key shared by the records of one real-world
occasion (scored by reconciliation). A date is `date_start` and `date_end` (ISO); an empty
`date_end` is `date_start`, and `..` marks an open end ("before 15 June": `..` to `2026-06-15`). `claim_id`, `headline` and `evidence` are there to help the
coder and are not read back.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from ..errors import coded_error

SHEET_COLUMNS = ("doc_id", "record", "type", "status", "date_start", "date_end", "date_precision", "from", "to",
                 "category", "value", "min", "max", "qualifier", "parties", "scope", "event", "claim_id", "evidence")
OPEN = ".."  # an open end of a date interval ("before 15 June": date_start ..)


def _open_text(path: Path) -> IO[str]:
    try:
        if path.suffix == ".gz":
            return gzip.open(path, "rt", encoding="utf-8", newline="")
        return path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise coded_error("E501", path=str(path), detail=err.strerror or str(err)) from None


def read_jsonl_rows(path: Path) -> Iterator[dict]:
    """JSON objects, one a line (blank lines skipped); `.gz` read as gzip."""
    with _open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise coded_error("E502", source=f"{path}:{n}", detail=f"not JSON ({err.msg})") from None
            if not isinstance(row, dict):
                raise coded_error("E502", source=f"{path}:{n}", detail="a line must be a JSON object")
            yield row


def read_gold(path: Path) -> list[dict]:
    """Gold as `{"doc_id", "records"}` rows, from JSON Lines or from a flows sheet (.csv, .csv.gz)."""
    name = path.name.lower()
    if name.endswith(".csv") or name.endswith(".csv.gz"):
        return read_sheet(path)
    rows = list(read_jsonl_rows(path))
    for n, row in enumerate(rows, 1):
        if "doc_id" not in row:
            raise coded_error("E502", source=f"{path}:{n}", detail="every gold line needs doc_id")
    return rows


def _int(cell: str, *, where: str, column: str) -> int | None:
    cell = cell.strip().replace(",", "").replace("_", "")
    if not cell:
        return None
    try:
        return int(float(cell)) if cell.endswith(".0") else int(cell)
    except ValueError:
        raise coded_error("E503", source=where, column=column, value=cell, expected="a whole number") from None


def _flow(row: Mapping[str, str], *, where: str) -> dict | None:
    if not (row.get("category") or "").strip():
        return None
    value, lo, hi = (_int(row.get(k) or "", where=where, column=k) for k in ("value", "min", "max"))
    qualifier = (row.get("qualifier") or "").strip() or None
    flow: dict = {"from": (row.get("from") or "").strip().upper() or None,
                  "to": (row.get("to") or "").strip().upper() or None,
                  "category": row["category"].strip().lower()}
    if value is not None or lo is not None or hi is not None:
        if value is not None and lo is None and hi is None and qualifier in (None, "exact"):
            lo = hi = value
        flow["count"] = {"value": value, "min": lo, "max": hi, "qualifier": qualifier or "exact"}
    return flow


def read_sheet(path: Path) -> list[dict]:
    """Gold rows from a flows sheet; unknown columns are ignored, `doc_id` and `type` are required."""
    docs: dict[str, dict[str, dict]] = {}
    with _open_text(path) as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        missing = [c for c in ("doc_id", "type") if c not in header]
        if missing:
            raise coded_error("E504", path=str(path), missing=", ".join(missing), found=", ".join(header) or "none")
        for n, row in enumerate(reader, 2):
            where = f"{path}:{n}"
            doc = (row.get("doc_id") or "").strip()
            if not doc:
                continue
            records = docs.setdefault(doc, {})
            kind = (row.get("type") or "").strip().lower()
            if not kind:
                continue
            if kind not in ("exchange", "agreement", "tally"):
                raise coded_error("E503", source=where, column="type", value=kind,
                                  expected="exchange, agreement, tally or empty")
            key = (row.get("record") or "").strip() or f"row{n}"
            rec = records.get(key)
            if rec is None:
                rec = records[key] = _record_head(row, kind)
            flow = _flow(row, where=where)
            if flow is None:
                continue
            if kind == "tally":
                rec["flow"] = flow
            else:
                rec["terms" if kind == "agreement" else "flows"].append(flow)
    return [{"doc_id": doc, "records": list(recs.values())} for doc, recs in docs.items()]


def _record_head(row: Mapping[str, str], kind: str) -> dict:
    start = (row.get("date_start") or "").strip() or None
    end = (row.get("date_end") or "").strip() or start
    start, end = (None if start == OPEN else start), (None if end == OPEN else end)
    date = {"start": start, "end": end, "precision": (row.get("date_precision") or "").strip() or "day"} \
        if start or end else None
    rec: dict = {"type": kind}
    if kind == "exchange":
        rec.update(status=(row.get("status") or "").strip().lower() or "completed", date=date, flows=[])
    elif kind == "agreement":
        parties = [p.strip().upper() for p in (row.get("parties") or "").split(";") if p.strip()]
        rec.update(date=date, parties=parties, terms=[])
    else:
        rec.update(as_of=date, scope=(row.get("scope") or "").strip())
    event = (row.get("event") or "").strip()
    if event:
        rec["event"] = event
    return rec


def _evidence(record: Mapping) -> str:
    return " | ".join(str(e.get("text", "")) for e in record.get("evidence") or () if isinstance(e, dict))[:300]


def records_to_sheet_rows(lines: Iterable[Mapping], *, event_of: Mapping[str, str] | None = None) -> Iterator[dict]:
    """Sheet rows from extract output lines: one per flow, one per record without flows, and one per
    article that produced no record (so the coder sees every article)."""
    event_of = event_of or {}
    numbered: dict[str, int] = {}
    for line in lines:
        kind = line.get("type")
        doc = str(line.get("doc_id", ""))
        if kind == "article":
            if not line.get("records"):
                yield {"doc_id": doc}
            continue
        if kind not in ("exchange", "agreement", "tally"):
            continue
        numbered[doc] = numbered.get(doc, 0) + 1
        date = line.get("as_of") if kind == "tally" else line.get("date")
        date = date if isinstance(date, dict) else {}
        start, end = date.get("start"), date.get("end")
        head = {"doc_id": doc, "record": numbered[doc], "type": kind, "status": line.get("status") or "",
                "date_start": start or (OPEN if end else ""), "date_end": end or (OPEN if start else ""),
                "date_precision": date.get("precision") or "" if date else "",
                "parties": ";".join(line.get("parties") or ()), "scope": line.get("scope") or "",
                "event": event_of.get(str(line.get("claim_id")), line.get("event") or ""), "claim_id": line.get("claim_id") or "",
                "evidence": _evidence(line)}
        flows = [line["flow"]] if kind == "tally" and line.get("flow") else \
            list(line.get("terms" if kind == "agreement" else "flows") or ())
        if not flows:
            yield head
        for f in flows:
            count = f.get("count") or {}
            yield {**head, "from": f.get("from") or "", "to": f.get("to") or "", "category": f.get("category") or "",
                   "value": count.get("value", ""), "min": count.get("min", ""), "max": count.get("max", ""),
                   "qualifier": count.get("qualifier", "") if count else ""}


def write_sheet(rows: Iterable[Mapping], fh: IO[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=SHEET_COLUMNS, lineterminator="\n", restval="")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: ("" if row.get(k) is None else row.get(k)) for k in SHEET_COLUMNS})
        n += 1
    return n
