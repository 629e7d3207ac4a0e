"""The work folder of a sharded run, next to the output: `OUT.jsonl.parts/`.

    manifest.json          run id, shard size, layout version (a mismatch starts the folder afresh)
    part-000000.jsonl      the output lines of shard 0 (input items 0 .. size-1), in input order
    part-000000.done       its done-marker: counts for the summary, size and digest of the part

A part is written to a temp file, synced and renamed; only then is its done-marker written the
same way. A shard is finished exactly when its marker exists and names a part of the right size,
so a run killed at any instant leaves either a finished shard or one that is redone from
scratch: no line is lost or written twice. The output is assembled from the parts in shard order,
so its bytes do not depend on which process finished which shard first.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import coded, coded_error
from ..outputs import AtomicLines
from .summary import RunSummary

log = logging.getLogger(__name__)

LAYOUT = 1
_OURS = re.compile(r"^(?:manifest\.json|part-\d{6,}\.(?:jsonl|done)|\..*\.tmp)$")


@dataclass
class ShardCounts:
    """What one shard wrote: enough to rebuild the run summary without reading the part."""

    items: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)
    lines: int = 0
    first_errors: list[str] = field(default_factory=list)
    retryable: int = 0
    notes: dict[str, int] = field(default_factory=dict)
    first_notes: dict[str, str] = field(default_factory=dict)
    size: int = 0
    sha256: str = ""

    @classmethod
    def of(cls, summary: RunSummary, *, retryable: int = 0) -> "ShardCounts":
        return cls(items=summary.items, statuses={k: v for k, v in summary.statuses.items() if v},
                   records={k: v for k, v in summary.records.items() if v}, lines=summary.lines,
                   first_errors=list(summary.first_errors), retryable=retryable, notes=dict(summary.notes),
                   first_notes=dict(summary.first_notes))

    def add_to(self, summary: RunSummary) -> None:
        summary.items += self.items
        summary.lines += self.lines
        for name, n in self.statuses.items():
            summary.statuses[name] = summary.statuses.get(name, 0) + n
        for name, n in self.records.items():
            summary.records[name] = summary.records.get(name, 0) + n
        summary.add_errors(self.first_errors)
        for code, n in self.notes.items():
            summary.notes[code] = summary.notes.get(code, 0) + n
            summary.first_notes.setdefault(code, self.first_notes.get(code, ""))

    def to_json(self) -> str:
        return json.dumps(self.__dict__, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "ShardCounts":
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


class WorkDir:
    """The parts folder of `output`. `open` keeps finished shards of the same run and clears the rest."""

    def __init__(self, output: Path, *, folder: Path | None = None) -> None:
        self.output = output
        self.path = folder if folder is not None else output.with_name(output.name + ".parts")

    def part(self, index: int) -> Path:
        return self.path / f"part-{index:06d}.jsonl"

    def marker(self, index: int) -> Path:
        return self.path / f"part-{index:06d}.done"

    def _manifest(self, run_id: str, shard_size: int) -> dict:
        return {"layout": LAYOUT, "run_id": run_id, "shard_size": shard_size}

    def open(self, *, run_id: str, shard_size: int) -> dict[int, ShardCounts]:
        """Finished shards of an earlier attempt at the same run (index -> counts); a folder from
        another run (other inputs, options or data) is emptied first. CodedError E401 when the
        folder holds files this tool did not write."""
        manifest = self._manifest(run_id, shard_size)
        if self.path.is_dir():
            strangers = sorted(p.name for p in self.path.iterdir() if not _OURS.match(p.name) or not p.is_file())
            if strangers:
                raise coded_error("E401", path=str(self.path), detail=", ".join(strangers[:3]))
            try:
                found = json.loads((self.path / "manifest.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                found = None
            if found == manifest:
                self._clear_temp()
                return self._finished()
            log.info("work folder %s is from another run; starting afresh", self.path)
            self.remove()
        elif self.path.exists():
            raise coded_error("E401", path=str(self.path), detail="it is not a folder")
        try:
            self.path.mkdir(parents=False, exist_ok=True)
        except OSError as exc:
            raise coded_error("E204", path=str(self.path), detail=exc.strerror or str(exc)) from exc
        with AtomicLines(self.path / "manifest.json", force=True) as out:
            out.write_text(json.dumps(manifest, sort_keys=True) + "\n")
        return {}

    def _clear_temp(self) -> None:
        """Temporary files of writes a kill interrupted (as large as a part: never left to pile up)."""
        for entry in self.path.iterdir():
            if entry.name.startswith(".") and entry.name.endswith(".tmp") and entry.is_file():
                entry.unlink(missing_ok=True)

    def _finished(self) -> dict[int, ShardCounts]:
        done: dict[int, ShardCounts] = {}
        for marker in sorted(self.path.glob("part-*.done")):
            index = int(marker.stem.split("-")[1])
            try:
                counts = ShardCounts.from_json(marker.read_text(encoding="utf-8"))
                intact = self.part(index).stat().st_size == counts.size and _sha256(self.part(index)) == counts.sha256
            except (OSError, ValueError, TypeError):
                intact = False
            if intact:
                done[index] = counts
            else:
                log.warning("%s", coded("W007", path=str(self.part(index))))
                marker.unlink(missing_ok=True)
        return done

    def is_done(self, index: int) -> bool:
        return self.marker(index).exists()

    def unmark(self, index: int) -> None:
        """Forget that shard `index` is finished (it is about to be redone)."""
        self.marker(index).unlink(missing_ok=True)

    def write_shard(self, index: int, lines: Iterable[str], counts: ShardCounts) -> ShardCounts:
        """Write part `index` (lines without their line breaks), then its done-marker, each atomically."""
        digest = hashlib.sha256()
        size = 0
        with AtomicLines(self.part(index), force=True) as out:
            for line in lines:
                data = line + "\n"
                out.write_text(data)
                raw = data.encode("utf-8")
                digest.update(raw)
                size += len(raw)
        counts.size, counts.sha256 = size, digest.hexdigest()
        with AtomicLines(self.marker(index), force=True) as out:
            out.write_text(counts.to_json() + "\n")
        return counts

    def assemble(self, *, shards: int, force: bool) -> int:
        """Concatenate parts 0..shards-1 into the output, atomically; returns the bytes written."""
        written = 0
        with AtomicLines(self.output, force=force) as out:
            for index in range(shards):
                with self.part(index).open("rb") as part:
                    written += out.write_bytes(part)
        return written

    def remove(self) -> None:
        """Delete the folder and the files this tool wrote in it (nothing else is ever deleted)."""
        if not self.path.is_dir():
            return
        for entry in self.path.iterdir():
            if _OURS.match(entry.name) and entry.is_file():
                entry.unlink()
        try:
            self.path.rmdir()
        except OSError as exc:
            log.warning("work folder %s not removed: %s", self.path, exc.strerror or exc)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def chunked(items: Iterable, size: int) -> Iterable[list]:
    """Consecutive lists of `size` items (the last may be shorter), read lazily."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


__all__ = ["LAYOUT", "ShardCounts", "WorkDir", "chunked"]
