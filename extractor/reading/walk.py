"""The files of an input folder, as the folder readers see them: sorted, links leading out of the
folder and anything that is not a regular file (FIFO, device, socket, a link to one) marked, so
that no reader ever opens one (a FIFO blocks forever, /dev/zero never ends)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import path_text


@dataclass(frozen=True, slots=True)
class Entry:
    """`rel`: path inside the folder (posix, shown as text); `kind`: 'file', 'link-out' (a link
    leading out of the folder: `target`), 'special' (not a regular file: `target` says what)."""

    rel: str
    path: Path
    kind: str
    target: str = ""


def file_kind(mode: int) -> str:
    """'a folder', 'a symbolic link', 'a character device', ... for messages."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symbolic link"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def classify(path: Path, real_root: str) -> tuple[str, str]:
    """('file' | 'link-out' | 'special', detail) for one entry of a folder."""
    if os.path.islink(path):
        target = os.path.realpath(path)
        if not inside(target, real_root):
            return "link-out", path_text(target)
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return "file", exc.strerror or ""  # the reader reports it as unreadable
    if not stat.S_ISREG(mode):
        return "special", file_kind(mode)
    return "file", ""


def folder_files(root: Path, *, suffixes: tuple[str, ...] | None = None, exclude: tuple[str, ...] = (),
                 dir_links: bool = False) -> list[Entry]:
    """Entries of `root` (recursively, links to folders not descended into) whose lower-cased name
    ends with one of `suffixes` (every name when None) and with none of `exclude`, sorted by `rel`.
    `dir_links`: also an entry per link to a folder ('link-out' or 'dir-link')."""
    real_root = os.path.realpath(root)
    found: list[Entry] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        for name in dirnames if dir_links else ():
            path = here / name
            if os.path.islink(path):
                target = os.path.realpath(path)
                kind = "dir-link" if inside(target, real_root) else "link-out"
                rel = path_text(PurePosixPath(*path.relative_to(root).parts).as_posix())
                found.append(Entry(rel=rel, path=path, kind=kind, target=path_text(target)))
        for name in filenames:
            lower = name.lower()
            if suffixes is not None and not lower.endswith(suffixes):
                continue
            if exclude and lower.endswith(exclude):
                continue
            path = here / name
            kind, detail = classify(path, real_root)
            rel = path_text(PurePosixPath(*path.relative_to(root).parts).as_posix())
            found.append(Entry(rel=rel, path=path, kind=kind, target=detail))
    found.sort(key=lambda entry: entry.rel)
    return found


__all__ = ["Entry", "classify", "file_kind", "folder_files", "inside"]
