"""Pick a reader per input path and chain them in the order given."""

from __future__ import annotations

import heapq
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from .csvfile import read_csv
from .html import SUFFIXES as HTML_SUFFIXES
from .html import read_html_file, read_html_folder
from .items import CodedError, ReadItem, SkippedItem, coded, coded_error
from .jsonl import read_jsonl
from .newsapi import read_newsapi
from .options import Format, ReadOptions
from .textdir import read_text_folder
from .warc import read_warc

_JSONL = (".jsonl", ".ndjson", ".jsonlines")
_WARC = (".warc", ".arc", ".warc.gz", ".arc.gz")
FOLDER_FORMATS = ("txt", "html")
FILE_FORMATS = ("jsonl", "csv", "newsapi", "warc", "html")
FORMATS = ("auto", "jsonl", "csv", "txt", "html", "newsapi", "warc")


_NEWSAPI = re.compile(rb'^\s*\{.*"(?:status|totalResults|articles)"\s*:', re.DOTALL)


def _looks_like_newsapi(path: Path) -> bool:
    """A .json file is read as a NewsAPI response only if it starts like one (other JSON documents
    are not articles: give --format newsapi to read one anyway)."""
    try:
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
    raise coded_error("E008", path=str(path))


def resolve_inputs(paths: Sequence[str | Path], *, fmt: Format = "auto") -> list[tuple[Path, str, bool]]:
    """Check every input before anything is read: (path, format, gzipped) or CodedError E008/E017.

    Inputs come back sorted by path, so the same files give the same output in whatever order they
    are named (a repeated path is read once)."""
    resolved: list[tuple[Path, str, bool]] = []
    for given in sorted({str(p) for p in paths}, key=lambda p: PurePosixPath(*Path(p).parts).as_posix()):
        path = Path(given)
        if not path.exists():
            raise coded_error("E008", path=str(path))
        if fmt == "auto":
            kind, gz = detect_format(path)
        else:
            kind, gz = fmt, path.name.lower().endswith(".gz") and fmt != "warc"
            allowed = FOLDER_FORMATS if path.is_dir() else FILE_FORMATS
            if kind not in allowed:
                hint = "txt (or html)" if path.is_dir() else "jsonl or csv (or newsapi, warc, html)"
                raise coded_error("E017", path=str(path), fmt=kind, hint=hint)
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


def _archive_files(root: Path) -> list[tuple[str, Path, str, bool]]:
    """(path text, path, kind, gz) of the archive files in a folder (not .txt/.html), sorted;
    links leading out of the folder come back with kind 'link-out'."""
    real_root = os.path.realpath(root)
    found = []
    for dirpath, _dirnames, filenames in os.walk(root, followlinks=False):
        for name in filenames:
            path = Path(dirpath) / name
            if name.lower().endswith((".txt",) + HTML_SUFFIXES):
                continue
            try:
                kind, gz = detect_format(path)
            except CodedError:
                continue  # not an input kind: README.md, images, ...
            target = os.path.realpath(path)
            if path.is_symlink() and not (target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)):
                kind = "link-out"
            found.append((str(path), path, kind, gz))
    found.sort(key=lambda entry: PurePosixPath(*Path(entry[0]).parts).as_posix())
    return found


def _keyed_files(root: Path, options: ReadOptions) -> Iterator[tuple[str, ReadItem]]:
    for key, path, kind, gz in _archive_files(root):
        if kind == "link-out":
            src = str(path)
            yield key, SkippedItem(source=src, doc_id=path.name, note=coded(
                "E015", source=src, target=os.path.realpath(path), root=str(root)))
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


def _chain(resolved: list[tuple[Path, str, bool]], options: ReadOptions) -> Iterator[ReadItem]:
    for path, kind, gz in resolved:
        if kind == "folder":
            yield from _folder(path, options)
        elif kind == "txt":
            yield from read_text_folder(path, options=options)
        elif kind == "html":
            if path.is_dir():
                yield from read_html_folder(path, options=options)
            else:
                yield read_html_file(path, doc_id=path.stem, options=options)
        elif kind == "csv":
            yield from read_csv(path, options=options, gz=gz)
        elif kind == "newsapi":
            yield from read_newsapi(path, options=options)
        elif kind == "warc":
            yield from read_warc(path, options=options)
        else:
            yield from read_jsonl(path, options=options, gz=gz)
