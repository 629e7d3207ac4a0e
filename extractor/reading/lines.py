"""Streaming byte lines from a plain or gzip file, with a line-length limit and a gzip ratio guard."""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .items import ErrorItem, error_item

from ..errors import path_text
from .options import ReadOptions


@dataclass(frozen=True, slots=True)
class RawLine:
    """Line `number` (1-based) of the (decompressed) file; `complete`: it ended with a line break."""

    number: int
    data: bytes
    complete: bool


class _Stop(Exception):
    def __init__(self, item: ErrorItem) -> None:
        super().__init__(item.message)
        self.item = item


class _Counted:
    """A byte stream that counts what was read from it (pipes cannot tell their position)."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self.count += len(data)
        return data


class _Source:
    """Reads lines, turning truncation, corruption and bomb-like ratios into `_Stop`."""

    def __init__(self, path: Path, raw: BinaryIO, *, options: ReadOptions, gz: bool) -> None:
        self.path = path_text(path)
        self.raw = _Counted(raw)
        self.stream: BinaryIO = gzip.GzipFile(fileobj=self.raw, mode="rb") if gz else raw  # type: ignore[assignment]
        self.gz = gz
        self.options = options
        self.decompressed = 0
        self.number = 0

    def readline(self, limit: int) -> bytes:
        try:
            data = self.stream.readline(limit)
        except EOFError as exc:
            raise _Stop(error_item("E011", source=f"{self.path}:{self.number + 1}", detail=str(exc) or "EOF",
                                   count=self.number)) from exc
        except (OSError, zlib.error) as exc:
            raise _Stop(error_item("E007", source=f"{self.path}:{self.number + 1}", detail=str(exc))) from exc
        self.decompressed += len(data)
        if self.gz and self.decompressed > self.options.gzip_ratio_floor:
            if self.decompressed > self.options.max_gzip_ratio * max(self.raw.count, 1):
                raise _Stop(error_item("E012", source=f"{self.path}:{self.number + 1}",
                                       ratio=self.options.max_gzip_ratio))
        return data


def open_input(path: Path) -> BinaryIO:
    """A buffered binary handle on `path`; `-` is standard input (left open when the handle closes)."""
    if str(path) == "-":
        return io.BufferedReader(_Unclosed(sys.stdin.buffer))  # type: ignore[arg-type]
    return open(path, "rb")


class _Unclosed(io.RawIOBase):
    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _is_stream(path: Path, raw: BinaryIO) -> bool:
    """Standard input or a pipe: no name tells whether it is gzip, its first bytes do. (A named
    file goes by its name: a .jsonl starting with the gzip magic is read as the text it claims to be.)"""
    if str(path) == "-":
        return True
    try:
        return not stat.S_ISREG(os.fstat(raw.fileno()).st_mode)
    except (OSError, ValueError):
        return False


def _gzip_magic(raw: BinaryIO) -> bool:
    """The stream starts with the gzip magic bytes (peeked, not consumed)."""
    peek = getattr(raw, "peek", None)
    return bool(peek) and peek(2)[:2] == b"\x1f\x8b"


def iter_raw_lines(path: Path, *, options: ReadOptions, gz: bool, kind: str) -> Iterator[RawLine | ErrorItem]:
    """Yield each line as bytes, or an error item; an over-long line is drained and reported (E013).

    A truncated or corrupt .gz ends the iteration with one error item for the rest of the file.
    """
    limit = options.max_record_bytes
    try:
        raw = open_input(path)
    except OSError as exc:
        yield error_item("E007", source=path_text(path), detail=exc.strerror or str(exc))
        return
    with raw:
        src = _Source(path, raw, options=options, gz=gz or (_is_stream(path, raw) and _gzip_magic(raw)))
        try:
            while True:
                data = src.readline(limit + 1)
                if not data:
                    return
                src.number += 1
                if len(data) > limit and not data.endswith(b"\n"):
                    while True:
                        chunk = src.readline(1024 * 1024)
                        if not chunk or chunk.endswith(b"\n"):
                            break
                    yield error_item("E013", source=f"{path}:{src.number}", limit=limit, kind=kind)
                    continue
                yield RawLine(src.number, data, data.endswith(b"\n"))
        except _Stop as stop:
            yield stop.item
