"""Atomic JSON Lines output: a temp file in the same folder, renamed over the target at the end."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import TextIO

from ..reading.items import CodedError, coded_error


def check_output(path: Path, *, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """Raise CodedError E201 (exists, no force), E203 (is an input) or E204 (folder missing)."""
    resolved = path.resolve()
    for given in inputs:
        if given.resolve() == resolved:
            raise coded_error("E203", path=str(path))
    if path.is_dir():
        raise coded_error("E204", path=str(path), detail="it is a folder")
    if path.exists() and not force:
        raise coded_error("E201", path=str(path))
    if not path.parent.is_dir():
        raise coded_error("E204", path=str(path), detail=f"folder {str(path.parent)!r} does not exist")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps_line(obj: dict) -> str:
    """Compact JSON, model field order kept, non-ASCII written as is, except the characters that
    line-splitting readers (Python's str.splitlines, JavaScript) take for line breaks: U+0085,
    U+2028 and U+2029 are escaped, so one output line is always one physical line."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).translate(_LINE_BREAKS)


class AtomicLines:
    """Context manager: `write(dict)` appends a line; on success the temp file replaces `path`,
    on any exception it is removed and `path` is left untouched."""

    def __init__(self, path: Path, *, force: bool) -> None:
        self.path = path
        self.force = force
        self._file: TextIO | None = None
        self._tmp: str | None = None
        self.lines = 0

    def __enter__(self) -> "AtomicLines":
        check_output(self.path, force=self.force)
        try:
            fd, self._tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        except OSError as exc:
            raise coded_error("E204", path=str(self.path), detail=exc.strerror or str(exc)) from exc
        self._file = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
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

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._file is None or self._tmp is None:
            return
        try:
            if exc_type is None:
                self._file.flush()
                os.fsync(self._file.fileno())
            self._file.close()
            if exc_type is None:
                if self.path.exists() and not self.force:
                    raise coded_error("E201", path=str(self.path))
                os.chmod(self._tmp, 0o666 & ~_umask())
                os.replace(self._tmp, self.path)
                self._tmp = None
        finally:
            if self._tmp is not None and os.path.exists(self._tmp):
                os.unlink(self._tmp)


__all__ = ["AtomicLines", "CodedError", "check_output", "dumps_line"]
