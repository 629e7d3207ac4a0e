"""CSV cells that a spreadsheet shows as text and a CSV reader splits where the writer meant.

    write_csv(fh, columns, rows)        # every CSV file this tool writes goes through here

- Formula injection (OWASP): a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
  return is written with a leading `'`, so Excel and LibreOffice show it instead of evaluating it
  (`=HYPERLINK(...)` in an outlet name from the input stays text). Numbers are written as numbers.
- Quoting: a cell holding a comma, a double quote, a line feed or a carriage return (alone, too:
  the csv module leaves a bare CR unquoted when rows end with LF) is quoted, quotes doubled, so no
  field can split a row or start a forged one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import IO

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTES = (",", '"', "\n", "\r")


def safe_text(value: str) -> str:
    """The text as a spreadsheet must see it: a leading `'` where it could be read as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_cell(value: object) -> str:
    """One cell: empty for None, numbers as they are, text neutralised and quoted when needed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    text = safe_text(str(value))
    if any(ch in text for ch in _NEEDS_QUOTES):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_line(cells: Iterable[object]) -> str:
    return ",".join(csv_cell(cell) for cell in cells) + "\n"


def write_csv(fh: IO[str], columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> int:
    """A header line and one line per row (cells in `columns` order); returns the rows written."""
    fh.write(csv_line(columns))
    n = 0
    for row in rows:
        fh.write(csv_line(row.get(column) for column in columns))
        n += 1
    return n


__all__ = ["csv_cell", "csv_line", "safe_text", "write_csv"]
