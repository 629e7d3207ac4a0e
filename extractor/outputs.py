"""Every output file goes through here: checked first, written whole or not at all, as a regular file.

    check_output(path, force=False, inputs=(...))      # CodedError E201/E203/E204/E209 before any work
    with atomic_writer(path, force=True) as fh: ...    # text handle; binary=True for bytes
    with AtomicLines(path, force=False) as out: out.write({...})   # checked, then JSON Lines

- A temporary file in the target's folder is written, synced and renamed over the target: a run
  stopped at any point leaves the old file or the new one, and no temporary file once it unwinds.
- Only regular files are ever replaced: a device node, FIFO, folder or symbolic link at the path
  is refused (E209), so `-o /dev/null --force` or a link to someone's file never replaces the node.
- The new file's mode follows the umask (0666 & ~umask), like any file a shell command creates.
- `PATH.gz` is written gzip-compressed (no name, no time stamp: the same bytes every run);
  `-` writes to standard output (not atomic: a pipe cannot be taken back).
- OS failures (disk full, read-only folder, permissions) become E204 naming the file and the cause.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, BinaryIO, TextIO

from .errors import coded_error
from .reading.walk import file_kind

STDIO = "-"
TEMP_SUFFIX = ".tmp"


def is_stdio(path: str | Path) -> bool:
    return str(path) == STDIO


def is_gzip_name(path: str | Path) -> bool:
    return str(path).lower().endswith(".gz")


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_output(path: Path, *, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """Raise CodedError E203 (it is an input), E209 (not a regular file), E204 (folder missing or not
    writable) or E201 (exists, no `force`). `-` (standard output) always passes."""
    if is_stdio(path):
        return
    resolved = path.resolve()
    for given in inputs:
        if is_stdio(given):
            continue
        if Path(given).resolve() == resolved or _same(path, Path(given)):
            raise coded_error("E203", path=str(path))
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise coded_error("E204", path=str(path), detail=exc.strerror or str(exc)) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise coded_error("E204", path=str(path), detail="it is a folder")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise coded_error("E209", path=str(path), kind=file_kind(st.st_mode))
    if st is not None and not force:
        raise coded_error("E201", path=str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise coded_error("E204", path=str(path), detail=f"folder {str(parent)!r} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise coded_error("E204", path=str(path), detail=f"folder {str(parent)!r} is not writable")


def os_detail(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


class _NoClose(io.RawIOBase):
    """Standard output's byte stream, left open when the writer closes."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        return self._raw.write(data)

    def flush(self) -> None:
        self._raw.flush()


def _wrap(raw: IO[bytes], *, path: Path, binary: bool) -> tuple[IO, IO[bytes]]:
    """(handle to write, its byte stream): gzip when the name ends with .gz, text unless `binary`."""
    data: IO[bytes] = raw
    if is_gzip_name(path):
        data = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)  # type: ignore[assignment]
    if binary:
        return data, data
    return io.TextIOWrapper(data, encoding="utf-8", newline="\n", write_through=False), data


def _finish(handle: IO, data: IO[bytes], raw: IO[bytes]) -> None:
    """Flush the layers down to `raw` (left open): text wrapper, then the gzip trailer."""
    handle.flush()
    if isinstance(handle, io.TextIOWrapper):
        handle.detach()
    if data is not raw:
        data.close()  # writes the gzip trailer; a GzipFile never closes the file it was given
    raw.flush()


@contextmanager
def atomic_writer(path: Path, *, force: bool = True, binary: bool = False) -> Iterator[IO]:
    """A handle on a temporary file that replaces `path` when the block ends without an exception;
    on an exception `path` is untouched and the temporary file removed. `force=False`: E201 if
    `path` appeared meanwhile."""
    path = Path(path)
    if is_stdio(path):
        raw = _NoClose(sys.stdout.buffer)
        handle, data = _wrap(raw, path=path, binary=binary)  # type: ignore[arg-type]
        yield handle
        _finish(handle, data, raw)  # type: ignore[arg-type]
        return
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise coded_error("E204", path=str(path), detail=os_detail(exc)) from None
    try:
        with os.fdopen(fd, "wb") as raw:
            handle, data = _wrap(raw, path=path, binary=binary)
            yield handle
            _finish(handle, data, raw)
            os.fsync(raw.fileno())
        _replace(tmp, path, force=force)
        tmp = ""
    except OSError as exc:
        raise coded_error("E204", path=str(path), detail=os_detail(exc)) from None
    finally:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _replace(tmp: str, path: Path, *, force: bool) -> None:
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise coded_error("E204", path=str(path), detail="it is a folder")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise coded_error("E209", path=str(path), kind=file_kind(st.st_mode))
    if st is not None and not force:
        raise coded_error("E201", path=str(path))
    os.chmod(tmp, 0o666 & ~umask())
    os.replace(tmp, path)


def remove_temp_files(folder: Path, name: str) -> int:
    """Delete the temporary files an interrupted writer of `folder/name` left (`.NAME.*.tmp`)."""
    removed = 0
    try:
        entries = list(folder.iterdir())
    except OSError:
        return 0
    prefix = f".{name}."
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            try:
                if entry.is_file() and not entry.is_symlink():
                    entry.unlink()
                    removed += 1
            except OSError:
                continue
    return removed


_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
# json.dumps(obj, ensure_ascii=False, separators=(",", ":")) makes this encoder anew on every call
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps_line(obj: dict) -> str:
    """Compact JSON, model field order kept, non-ASCII written as is, except the characters that
    line-splitting readers (Python's str.splitlines, JavaScript) take for line breaks: U+0085,
    U+2028 and U+2029 are escaped, so one output line is always one physical line. (Every article
    writes a line: the translation, a lookup per character, runs only on a line that holds one.)"""
    line = _ENCODER.encode(obj)
    if "\x85" in line or "\u2028" in line or "\u2029" in line:
        return line.translate(_LINE_BREAKS)
    return line


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


__all__ = ["AtomicLines", "STDIO", "atomic_writer", "check_output", "dumps_line", "is_gzip_name", "is_stdio",
           "remove_temp_files", "umask"]
