"""The input plan of a run: every input resolved, checked and hashed once, before extraction.

    plan = plan_inputs(["dump.jsonl.gz", "pages/"], fmt="auto", read_options=ReadOptions())
    plan.digests      # sha256 of each input's contents, computed on first use and kept
    plan.items()      # the reader items, from the inputs as resolved (not resolved again)

`extract_archive` and `run_all` both take a plan: `extractor run` resolves and hashes each input
once for its run id, and the extract stage reads the same plan.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..reading import Format, ReadItem, ReadOptions, read_resolved, resolve_inputs
from ..reading.dispatch import is_excluded, is_stream
from ..reading.walk import folder_files

_CHUNK = 1024 * 1024
Resolved = tuple[Path, str, bool]  # (path, format, gzipped), as `reading.resolve_inputs` gives it


@dataclass(frozen=True)
class InputPlan:
    """Resolved inputs and the options they are read with; `digests` is computed once, when first asked."""

    resolved: tuple[Resolved, ...]
    fmt: Format
    read_options: ReadOptions
    _digests: list[tuple[str, ...]] = field(default_factory=list, compare=False, repr=False)

    @property
    def paths(self) -> list[Path]:
        return [path for path, _, _ in self.resolved]

    @property
    def has_stream(self) -> bool:
        """Some input is read as a stream: its content is unknown before it is read, so a run on it
        never resumes from shards of an earlier run."""
        return has_stream(self.resolved)

    @property
    def digests(self) -> tuple[str, ...]:
        if not self._digests:
            self._digests.append(tuple(input_digest(path, exclude=self.read_options.exclude)
                                       for path, _, _ in self.resolved))
        return self._digests[0]

    def excluding(self, paths: frozenset[str]) -> "InputPlan":
        """The same plan, its folder readers also passing over `paths` (a run's own outputs, which
        lie outside what was hashed or inside an excluded folder: the digests are kept)."""
        return replace(self, read_options=replace(self.read_options, exclude=self.read_options.exclude | paths),
                       _digests=self._digests)

    def items(self) -> Iterator[ReadItem]:
        return read_resolved(self.resolved, options=self.read_options)


def plan_inputs(inputs: Sequence[str | Path], *, fmt: Format = "auto", read_options: ReadOptions) -> InputPlan:
    """Resolve `inputs` (CodedError E008, E017 before anything is read); nothing is hashed yet."""
    return InputPlan(resolved=tuple(resolve_inputs(inputs, fmt=fmt)), fmt=fmt, read_options=read_options)


def own_outputs(*paths: Path) -> frozenset[str]:
    """Real paths of a run's outputs and their work folders (never read back from an input folder)."""
    found: set[str] = set()
    for path in paths:
        if str(path) == "-":
            continue
        found.add(os.path.realpath(path))
        found.add(os.path.realpath(path.with_name(path.name + ".parts")))
    return frozenset(found)


def _hash_file(path: Path, digest) -> None:
    with path.open("rb") as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                return
            digest.update(chunk)


def input_digest(path: Path, *, exclude: frozenset[str] = frozenset()) -> str:
    """sha256 of a file's bytes, or of a folder's files (relative path and bytes, sorted; links
    leading out of the folder and entries that are not regular files count by name only, as the
    readers do not open them; the run's own outputs (`exclude`) not at all). A stream (standard
    input, a pipe) is never read here: it counts as 'stream', to be read once by its reader."""
    digest = hashlib.sha256()
    if is_stream(path) or _special_input(path):
        digest.update(b"stream\0")
        return digest.hexdigest()
    if not path.is_dir():
        _hash_file(path, digest)
        return digest.hexdigest()
    for entry in folder_files(path):
        if exclude and is_excluded(entry.path, exclude):
            continue
        digest.update(entry.rel.encode("utf-8", "surrogateescape") + b"\0")
        if entry.kind != "file":
            digest.update(f"{entry.kind}\0".encode())
            continue
        try:
            _hash_file(entry.path, digest)
        except OSError as exc:
            digest.update(f"unreadable:{exc.errno}\0".encode())
    return digest.hexdigest()


def _special_input(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def has_stream(resolved: Sequence[Resolved]) -> bool:
    """Some input is read as a stream: its content is unknown before it is read, so a run on it
    never resumes from shards of an earlier run."""
    return any(is_stream(path) for path, _, _ in resolved)




__all__ = ["InputPlan", "Resolved", "has_stream", "input_digest", "own_outputs", "plan_inputs"]
