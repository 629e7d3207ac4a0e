"""A folder of .txt files, one article each: id = relative path without extension, text = content.

Files are read in sorted order of their relative paths. Symbolic links whose target lies outside
the folder are not followed (a skipped item says so); linked folders are never descended into.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ..contract import SourceRef
from .decoding import decode
from .fields import article_from_mapping
from .items import ReadItem, SkippedItem, coded, error_item
from .options import KeyMap, ReadOptions

_SUFFIXES = (".txt",)


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _entries(root: Path) -> list[tuple[str, Path, bool]]:
    """(relative posix path, path, is_dir_link) for .txt files and for linked folders, sorted."""
    found: list[tuple[str, Path, bool]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        for name in dirnames:
            if os.path.islink(here / name):
                found.append((PurePosixPath(*(here / name).relative_to(root).parts).as_posix(), here / name, True))
        for name in filenames:
            if name.lower().endswith(_SUFFIXES):
                path = here / name
                found.append((PurePosixPath(*path.relative_to(root).parts).as_posix(), path, False))
    found.sort(key=lambda entry: entry[0])
    return found


def read_text_folder(root: Path, *, options: ReadOptions) -> Iterator[ReadItem]:
    """One item per .txt file (and one skipped item per link leading out of the folder)."""
    real_root = os.path.realpath(root)
    for rel, path, is_dir_link in _entries(root):
        doc_id = rel.rsplit(".", 1)[0] if not is_dir_link else rel
        source = SourceRef(path=str(path))
        src = str(source)
        if os.path.islink(path):
            target = os.path.realpath(path)
            if not _inside(target, real_root):
                yield SkippedItem(source=src, doc_id=doc_id,
                                  note=coded("E015", source=src, target=target, root=str(root)))
                continue
            if is_dir_link:
                continue  # its files are read through their real path
        try:
            size = path.stat().st_size
            if size > options.max_record_bytes:
                yield error_item("E013", source=src, doc_id=doc_id, limit=options.max_record_bytes, kind="a text file")
                continue
            data = path.read_bytes()
        except OSError as exc:
            yield error_item("E007", source=src, doc_id=doc_id, detail=exc.strerror or str(exc))
            continue
        notes: list[str] = []
        text = decode(data, source=src, notes=notes, first=True)
        yield article_from_mapping({"id": doc_id, "text": text}, keys=KeyMap(), source=source, notes=notes)
