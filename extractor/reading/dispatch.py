"""Pick a reader per input path and chain them in the order given."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from .csvfile import read_csv
from .items import ReadItem, coded_error
from .jsonl import read_jsonl
from .options import Format, ReadOptions
from .textdir import read_text_folder

_JSONL = (".jsonl", ".ndjson", ".jsonlines")


def detect_format(path: Path) -> tuple[str, bool]:
    """('jsonl' | 'csv' | 'txt', gzipped) from the path; raises CodedError E008 if unknown."""
    if path.is_dir():
        return "txt", False
    name = path.name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    if name.endswith(_JSONL):
        return "jsonl", gz
    if name.endswith(".csv"):
        return "csv", gz
    raise coded_error("E008", path=str(path))


def resolve_inputs(paths: Sequence[str | Path], *, fmt: Format = "auto") -> list[tuple[Path, str, bool]]:
    """Check every input before anything is read: (path, format, gzipped) or CodedError E008/E017."""
    resolved: list[tuple[Path, str, bool]] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise coded_error("E008", path=str(path))
        if fmt == "auto":
            kind, gz = detect_format(path)
        else:
            kind, gz = fmt, path.name.lower().endswith(".gz")
            if (kind == "txt") != path.is_dir():
                hint = "txt" if path.is_dir() else "jsonl or csv"
                raise coded_error("E017", path=str(path), fmt=kind, hint=hint)
        resolved.append((path, kind, gz))
    return resolved


def read_inputs(
    paths: Sequence[str | Path], *, options: ReadOptions | None = None, fmt: Format = "auto"
) -> Iterator[ReadItem]:
    """Stream items from every input, files in the order given, folder contents sorted.

    Inputs are all checked first (a missing one raises CodedError E008 before any item is yielded).
    """
    options = options or ReadOptions()
    resolved = resolve_inputs(paths, fmt=fmt)
    return _chain(resolved, options)


def _chain(resolved: list[tuple[Path, str, bool]], options: ReadOptions) -> Iterator[ReadItem]:
    for path, kind, gz in resolved:
        if kind == "txt":
            yield from read_text_folder(path, options=options)
        elif kind == "csv":
            yield from read_csv(path, options=options, gz=gz)
        else:
            yield from read_jsonl(path, options=options, gz=gz)
