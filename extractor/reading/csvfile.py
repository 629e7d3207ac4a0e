"""CSV (and .csv.gz) with a header row naming the article fields.

Parsed with the csv module one record at a time. A record whose field count does not match the
header (typically a stray quote that swallowed the following lines) becomes an error item for its
first line, and parsing resumes on the next physical line, so the swallowed records are recovered.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from ..contract import SourceRef
from .decoding import decode
from .fields import article_from_mapping, missing_columns
from .items import ErrorItem, ReadItem, error_item
from ..errors import path_text, short
from .lines import iter_raw_lines
from .options import ReadOptions


class _Lines:
    """Decoded lines with push-back, recording which lines the current record consumed."""

    def __init__(self, raw_lines: Iterator, path: Path) -> None:
        self._raw = raw_lines
        self._path = path_text(path)
        self.pending: deque[tuple[int, str, list[str]]] = deque()
        self.consumed: list[tuple[int, str, list[str]]] = []
        self.errors: list[ErrorItem] = []

    def __iter__(self) -> Iterator[str]:
        while True:
            if self.pending:
                entry = self.pending.popleft()
            else:
                entry = self._next_raw()
                if entry is None:
                    return
            self.consumed.append(entry)
            yield entry[1]

    def _next_raw(self) -> tuple[int, str, list[str]] | None:
        for raw in self._raw:
            if isinstance(raw, ErrorItem):
                self.errors.append(raw)  # reported after the record being parsed
                continue
            notes: list[str] = []
            text = decode(raw.data, source=f"{self._path}:{raw.number}", notes=notes, first=raw.number == 1)
            return raw.number, text, notes
        return None


def _grow_field_limit(limit: int) -> None:
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


def _lenient(consumed: list, problem: str, header: list[str] | None) -> tuple[list[str], str | None]:
    """Re-read the lines of a record the strict parser refused (e.g. `"a"b`) the csv module's lenient
    way; accept the result when it fits the header. An unclosed quote is never accepted."""
    try:
        rows = list(csv.reader([text for _, text, _ in consumed]))
    except csv.Error as exc:
        return [], str(exc)
    row = rows[0] if rows else []
    if "unexpected end of data" in problem:
        return row, "a quoted field opened there is never closed"
    if len(rows) == 1 and header is not None and len(row) == len(header):
        return row, None
    return row, problem


def _other_delimiter(header: list[str]) -> str | None:
    """The delimiter a one-column header seems to use instead of commas (';', tab, '|'), or None."""
    if len(header) != 1:
        return None
    counts = {d: header[0].count(d) for d in (";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


def read_csv(path: Path, *, options: ReadOptions, gz: bool = False) -> Iterator[ReadItem]:
    """One item per CSV record after the header; blank lines are not records."""
    _grow_field_limit(options.max_record_bytes)
    keys = options.keys
    lines = _Lines(iter_raw_lines(path, options=options, gz=gz, kind="CSV"), path)
    header: list[str] | None = None
    file_notes: list[str] = []
    while True:
        lines.consumed = []
        try:
            row = next(csv.reader(iter(lines), strict=True), None)
            problem = None
        except csv.Error as exc:
            row, problem = _lenient(lines.consumed, str(exc), header)
        consumed = lines.consumed
        yield from lines.errors
        lines.errors.clear()
        if not consumed:
            break
        first, last = consumed[0][0], consumed[-1][0]
        source = SourceRef(path=path_text(path), line=first)
        src = str(source)
        notes = [n for entry in consumed for n in entry[2]]
        if problem is None and (not row or all(not cell.strip() for cell in row)) and len(consumed) == 1:
            continue  # blank line
        if header is None:
            if problem is not None:
                yield error_item("E007", source=src, detail=f"unreadable CSV header: {problem}")
                return
            header = [cell.strip().lstrip("\ufeff") for cell in row]
            for key, option in ((keys.id, "id-key"), (keys.text, "text-key")):
                if key not in header:
                    delimiter = _other_delimiter(header)
                    if delimiter is not None:
                        yield error_item("E019", source=src, header=short(header[0]), field=key, delimiter=delimiter)
                    else:
                        yield error_item("E003", source=src, field=key, option=option)
                    return
            file_notes = missing_columns(keys, header, source=path_text(path))
            continue
        if problem is not None or len(row) != len(header):
            span = f"lines {first}-{last}" if last > first else f"line {first}"
            detail = f"{span}: {problem}" if problem else span
            yield error_item("E014", source=src, found=len(row or ()), expected=len(header), detail=detail)
            if len(consumed) > 1:
                lines.pending.extendleft(reversed(consumed[1:]))
            continue
        record = {name: (cell if cell != "" else None) for name, cell in zip(header, row)}
        if record.get(keys.text) is None and keys.text in header:
            record[keys.text] = ""
        yield article_from_mapping(record, keys=keys, source=source, notes=file_notes + notes)

