"""The `reconcile` command as a plain function: claims files in, one line per event out, optionally through a store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..exporting.atomic import atomic_writer, check_output
from ..storing import EventStore, StoreChanges
from . import reconcile
from .claims import read_claim_files, read_sources


@dataclass(frozen=True)
class ReconcileSummary:
    claims_read: int
    events_written: int
    conflicts: int
    store_changes: StoreChanges | None = None

    def format(self) -> str:
        text = f"{self.claims_read} claim(s) read, {self.events_written} event(s) written, {self.conflicts} with conflicts"
        if self.store_changes is not None:
            s = self.store_changes
            text += (f"; store: {s.claims_added} claim(s) added, {s.claims_updated} updated, {s.events_added} event(s) "
                     f"added, {s.events_changed} changed, {s.events_removed} merged away")
        return text


def reconcile_files(inputs: Sequence[Path], *, output: Path, store: Path | None = None,
                    sources: Path | None = None, force: bool = False) -> ReconcileSummary:
    """Read claims (extract output; other line types skipped), reconcile them (into `store` when given:
    with every claim already there, keeping event ids), and write every event to `output` atomically."""
    check_output(output, force=force, inputs=tuple(inputs) + ((store,) if store else ()))
    meta = read_sources(sources) if sources else None
    items = list(read_claim_files(inputs))
    changes = None
    if store is not None:
        with EventStore(store) as st:
            result, changes = st.reconcile(items, sources=meta)
    else:
        result = reconcile(items, sources=meta)
    with atomic_writer(output) as fh:
        for ev in result.events:
            fh.write(ev.model_dump_json(by_alias=True))
            fh.write("\n")
    return ReconcileSummary(claims_read=len(items), events_written=len(result.events),
                            conflicts=sum(1 for e in result.events if e.conflicts), store_changes=changes)
