"""JSON Lines (.jsonl, .ndjson, and their .gz): one article object a line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..contract import SourceRef
from .decoding import decode
from .fields import article_from_mapping, kind_of
from .items import ErrorItem, ReadItem, error_item
from ..errors import path_text, short
from .lines import iter_raw_lines
from .options import ReadOptions


def read_jsonl(path: Path, *, options: ReadOptions, gz: bool = False) -> Iterator[ReadItem]:
    """One item per non-blank line: an article, or an error item (E001 bad JSON, E002 not an object, ...)."""
    for raw in iter_raw_lines(path, options=options, gz=gz, kind="JSON Lines"):
        if isinstance(raw, ErrorItem):
            yield raw
            continue
        source = SourceRef(path=path_text(path), line=raw.number)
        src = str(source)
        notes: list[str] = []
        text = decode(raw.data, source=src, notes=notes, first=raw.number == 1).strip()
        if not text:
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            detail = f"{exc.msg} at column {exc.colno}"
            if not raw.complete:
                detail += "; the last line has no line break, so the file may have been cut off"
            yield error_item("E001", source=src, detail=detail)
            continue
        except RecursionError:
            yield error_item("E001", source=src, detail="nested too deeply")
            continue
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits (Python's int-string limit)
            yield error_item("E001", source=src, detail=short(str(exc).splitlines()[0] if str(exc) else "bad value", 200))
            continue
        if not isinstance(obj, dict):
            yield error_item("E002", source=src, kind=kind_of(obj))
            continue
        yield article_from_mapping(obj, keys=options.keys, source=source, notes=notes)
