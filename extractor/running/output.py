"""Atomic JSON Lines output: a temp file in the same folder, renamed over the target at the end."""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, TextIO

from ..outputs import atomic_writer, check_output
from ..reading.items import CodedError


_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps_line(obj: dict) -> str:
    """Compact JSON, model field order kept, non-ASCII written as is, except the characters that
    line-splitting readers (Python's str.splitlines, JavaScript) take for line breaks: U+0085,
    U+2028 and U+2029 are escaped, so one output line is always one physical line."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).translate(_LINE_BREAKS)


class AtomicLines:
    """Context manager: `write(dict)` appends a line; on success the temp file replaces `path`,
    on any exception it is removed and `path` is left untouched (see `extractor.outputs`)."""

    def __init__(self, path: Path, *, force: bool) -> None:
        self.path = path
        self.force = force
        self._file: TextIO | None = None
        self._stack: ExitStack | None = None
        self.lines = 0

    def __enter__(self) -> "AtomicLines":
        check_output(self.path, force=self.force)
        stack = ExitStack()
        self._file = stack.enter_context(atomic_writer(self.path, force=self.force))
        self._stack = stack
        return self

    def write(self, obj: dict) -> None:
        if self._file is None:
            raise RuntimeError("AtomicLines.write() called outside its `with` block")
        self._file.write(dumps_line(obj))
        self._file.write("\n")
        self.lines += 1

    def write_text(self, text: str) -> None:
        """Write raw text (not counted as lines), e.g. a whole JSON document."""
        if self._file is None:
            raise RuntimeError("AtomicLines.write_text() called outside its `with` block")
        self._file.write(text)

    def write_bytes(self, source: BinaryIO) -> int:
        """Copy a binary stream of UTF-8 lines in as they are; returns the bytes copied."""
        if self._file is None:
            raise RuntimeError("AtomicLines.write_bytes() called outside its `with` block")
        self._file.flush()
        buffer = self._file.buffer
        copied = 0
        while True:
            chunk = source.read(1024 * 1024)
            if not chunk:
                return copied
            buffer.write(chunk)
            copied += len(chunk)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> bool | None:
        stack, self._stack, self._file = self._stack, None, None
        if stack is None:
            return None
        return stack.__exit__(exc_type, exc, tb)


__all__ = ["AtomicLines", "CodedError", "check_output", "dumps_line"]
