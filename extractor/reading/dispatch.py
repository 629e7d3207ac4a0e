"""Pick a reader per input path and chain them in the order given."""

from __future__ import annotations

import heapq
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from .csvfile import read_csv
from .html import SUFFIXES as HTML_SUFFIXES
from .html import read_html_file, read_html_folder
from .items import ReadItem, SkippedItem, error_item
from ..errors import CodedError, coded, coded_error, path_text, short
from .jsonl import read_jsonl
from .newsapi import read_newsapi
from .options import Format, ReadOptions
from .textdir import read_text_folder
from .walk import file_kind, folder_files
from .warc import read_warc

_JSONL = (".jsonl", ".ndjson", ".jsonlines")
_WARC = (".warc", ".arc", ".warc.gz", ".arc.gz")
FOLDER_FORMATS = ("txt", "html")
FILE_FORMATS = ("jsonl", "csv", "newsapi", "warc", "html")


_NEWSAPI = re.compile(rb'^\s*\{.*"(?:status|totalResults|articles)"\s*:', re.DOTALL)


def _looks_like_newsapi(path: Path) -> bool:
    """A .json file is read as a NewsAPI response only if it starts like one (other JSON documents
    are not articles: give --format newsapi to read one anyway)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # never open a pipe or a device to peek at it: the peek would eat its data
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return bool(_NEWSAPI.match(head.lstrip(b"\xef\xbb\xbf")))


def detect_format(path: Path) -> tuple[str, bool]:
    """(kind, gzipped) from the path: 'jsonl' | 'csv' | 'newsapi' (.json that starts like a NewsAPI response) | 'warc' (.warc, .warc.gz;
    warcio handles the compression) | 'html' (one page) | 'folder' (every input file in it); raises
    CodedError E008 if unknown."""
    if path.is_dir():
        return "folder", False
    name = path.name.lower()
    if name.endswith(_WARC):
        return "warc", False
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    if name.endswith(_JSONL):
        return "jsonl", gz
    if name.endswith(".csv"):
        return "csv", gz
    if name.endswith(".json") and not gz and _looks_like_newsapi(path):
        return "newsapi", False
    if name.endswith(HTML_SUFFIXES) and not gz:
        return "html", False
    raise coded_error("E008", path=path_text(path))


STDIN = "-"


def is_stream(path: Path) -> bool:
    """Standard input, a pipe or a FIFO: read once, in order, never hashed or reopened."""
    if str(path) == STDIN:
        return True
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


def resolve_inputs(paths: Sequence[str | Path], *, fmt: Format = "auto") -> list[tuple[Path, str, bool]]:
    """Check every input before anything is read: (path, format, gzipped) or CodedError E008/E017.

    Inputs come back sorted by path, so the same files give the same output in whatever order they
    are named (a repeated path is read once). `-` is standard input: JSON Lines unless --format
    says csv (gzip is recognised by its first bytes, as for every line-based input)."""
    resolved: list[tuple[Path, str, bool]] = []
    for given in sorted({str(p) for p in paths}, key=lambda p: PurePosixPath(*Path(p).parts).as_posix()):
        path = Path(given)
        if given == STDIN:
            kind = "jsonl" if fmt == "auto" else fmt
            if kind not in ("jsonl", "csv"):
                raise coded_error("E017", path=given, fmt=kind, hint="jsonl or csv (standard input)")
            resolved.append((path, kind, False))
            continue
        if not path.exists():
            raise coded_error("E008", path=path_text(path))
        if fmt == "auto":
            kind, gz = detect_format(path)
        else:
            kind, gz = fmt, path.name.lower().endswith(".gz") and fmt != "warc"
            allowed = FOLDER_FORMATS if path.is_dir() else FILE_FORMATS
            if kind not in allowed:
                hint = "txt (or html)" if path.is_dir() else "jsonl or csv (or newsapi, warc, html)"
                raise coded_error("E017", path=path_text(path), fmt=kind, hint=hint)
        resolved.append((path, kind, gz))
    return resolved


def read_inputs(
    paths: Sequence[str | Path], *, options: ReadOptions | None = None, fmt: Format = "auto"
) -> Iterator[ReadItem]:
    """Stream items from every input, files sorted by path, folder contents sorted.

    Inputs are all checked first (a missing one raises CodedError E008 before any item is yielded).
    """
    options = options or ReadOptions()
    resolved = resolve_inputs(paths, fmt=fmt)
    return _chain(resolved, options)


def read_resolved(resolved: Sequence[tuple[Path, str, bool]], *, options: ReadOptions) -> Iterator[ReadItem]:
    """`read_inputs` on inputs already resolved by `resolve_inputs` (they are not checked again)."""
    return _chain(list(resolved), options)


def is_excluded(path: Path, exclude: frozenset[str]) -> bool:
    """`path` is one of the real paths in `exclude`, or inside one of them (a run's own outputs)."""
    if not exclude:
        return False
    real = os.path.realpath(path)
    return any(real == x or real.startswith(x.rstrip(os.sep) + os.sep) for x in exclude)


def _archive_files(root: Path, exclude: frozenset[str] = frozenset()) -> list[tuple[str, Path, str, bool, str]]:
    """(path text, path, kind, gz, detail) of the archive files in a folder (not .txt/.html), sorted;
    links leading out of the folder come back with kind 'link-out', entries that are not regular
    files with kind 'special'; the run's own outputs (`exclude`) are left out."""
    found = []
    for entry in folder_files(root, exclude=(".txt",) + HTML_SUFFIXES):
        if is_excluded(entry.path, exclude):
            continue
        try:
            kind, gz = detect_format(entry.path)
        except CodedError:
            continue  # not an input kind: README.md, images, ...
        if kind == "folder":
            continue
        if entry.kind != "file":
            kind = entry.kind
        found.append((path_text(PurePosixPath(*entry.path.parts).as_posix()), entry.path, kind, gz, entry.target))
    found.sort(key=lambda entry: entry[0])
    return found


def _keyed_files(root: Path, options: ReadOptions) -> Iterator[tuple[str, ReadItem]]:
    for key, path, kind, gz, detail in _archive_files(root, options.exclude):
        src = path_text(path)
        if kind == "link-out":
            yield key, SkippedItem(source=src, doc_id=path_text(path.name), note=coded(
                "E015", source=src, target=detail, root=path_text(root)))
            continue
        if kind == "special":
            yield key, SkippedItem(source=src, doc_id=path_text(path.name), note=coded("E018", source=src, kind=detail))
            continue
        for item in _chain([(path, kind, gz)], options):
            yield key, item


def _folder(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Every input file of a folder, in one order of their paths: .txt and .html files one article
    each, JSON Lines, CSV, NewsAPI and WARC files through their readers."""
    articles = ((item.source, item) for item in heapq.merge(
        read_text_folder(path, options=options), read_html_folder(path, options=options),
        key=lambda item: item.source))
    for _key, item in heapq.merge(articles, _keyed_files(path, options), key=lambda pair: pair[0]):
        yield item


def _special(path: Path) -> str | None:
    """What a named input is when it is neither a regular file, a folder nor a pipe (a device, a
    socket, a link to one), or None."""
    if str(path) == STDIN:
        return None
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISFIFO(mode):
        return None
    return file_kind(mode)


def _chain(resolved: list[tuple[Path, str, bool]], options: ReadOptions) -> Iterator[ReadItem]:
    for path, kind, gz in resolved:
        special = _special(path)
        if special is not None:
            src = path_text(path)
            yield SkippedItem(source=src, doc_id=path_text(path.name), note=coded("E018", source=src, kind=special))
            continue
        yield from guarded(_one(path, kind, gz, options), source=path_text(path))


def guarded(items: Iterator[ReadItem], *, source: str) -> Iterator[ReadItem]:
    """The items of one input; an exception from its reader (a bug, or a library refusing a file in
    some unforeseen way) ends that input with one E021 error item instead of the whole run."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - one bad input never stops a batch
        detail = short(f"{type(exc).__name__}: {exc}", 300)
        yield error_item("E021", source=source, detail=detail)


def _one(path: Path, kind: str, gz: bool, options: ReadOptions) -> Iterator[ReadItem]:
    if kind == "folder":
        yield from _folder(path, options)
    elif kind == "txt":
        yield from read_text_folder(path, options=options)
    elif kind == "html":
        if path.is_dir():
            yield from read_html_folder(path, options=options)
        else:
            yield read_html_file(path, doc_id=path_text(path.stem), options=options)
    elif kind == "csv":
        yield from read_csv(path, options=options, gz=gz)
    elif kind == "newsapi":
        yield from read_newsapi(path, options=options)
    elif kind == "warc":
        yield from read_warc(path, options=options)
    else:
        yield from read_jsonl(path, options=options, gz=gz)
