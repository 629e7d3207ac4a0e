"""A folder of .txt files, one article each: id = relative path without extension, text = content.

Files are read in sorted order of their relative paths. Symbolic links whose target lies outside
the folder are not followed (a skipped item says so); linked folders are never descended into.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..contract import SourceRef
from .decoding import decode
from .fields import article_from_mapping
from .items import ReadItem, SkippedItem, error_item
from ..errors import coded, path_text
from .options import KeyMap, ReadOptions
from .walk import folder_files

_SUFFIXES = (".txt",)


def read_text_folder(root: Path, *, options: ReadOptions) -> Iterator[ReadItem]:
    """One item per .txt file (one skipped item per link leading out of the folder, and per entry
    that is not a regular file: E018)."""
    for entry in folder_files(root, suffixes=_SUFFIXES, dir_links=True):
        rel, path = entry.rel, entry.path
        doc_id = rel.rsplit(".", 1)[0] if entry.kind != "dir-link" and not entry.path.is_dir() else rel
        source = SourceRef(path=path_text(path))
        src = str(source)
        if entry.kind == "link-out":
            yield SkippedItem(source=src, doc_id=doc_id,
                              note=coded("E015", source=src, target=entry.target, root=path_text(root)))
            continue
        if entry.kind == "dir-link":
            continue  # its files are read through their real path
        if entry.kind == "special":
            yield SkippedItem(source=src, doc_id=doc_id, note=coded("E018", source=src, kind=entry.target))
            continue
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
