"""The `reconcile` command as a plain function: claims files in, one line per event out, optionally through a store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..outputs import atomic_writer, check_output
from ..correcting import read_corrections, reconcile_corrected
from ..reconciling.claims import read_claim_files, read_sources, replaced_docs
from ..reconciling.engines import BlockEngine, EngineName, block_engine
from ..reconciling.streaming import reconcile_to
from .store import EventStore, StoreChanges


def _streamed(inputs: Sequence[Path], *, output: Path, sources, engine: EngineName | BlockEngine) -> ReconcileSummary:
    read = [0]

    def counted():
        for item in read_claim_files(inputs):
            read[0] += 1
            yield item

    with atomic_writer(output) as fh:
        written, conflicts = reconcile_to(fh, counted(), sources=sources, engine=engine, spill_dir=output.parent)
    return ReconcileSummary(claims_read=read[0], events_written=written, conflicts=conflicts)


class _Replaced:
    """The articles whose stored claims the input replaces (`replaced_docs`), known once every input line
    has been read: the store reads them after the claims."""

    def __init__(self, statuses: dict[str, str]) -> None:
        self.statuses = statuses

    def __iter__(self):
        return iter(replaced_docs(self.statuses))


@dataclass(frozen=True)
class ReconcileSummary:
    claims_read: int
    events_written: int
    conflicts: int
    store_changes: StoreChanges | None = None
    corrections: tuple = ()  # `correcting.Applied`, one per correction given

    def format(self) -> str:
        text = f"{self.claims_read} claim(s) read, {self.events_written} event(s) written, {self.conflicts} with conflicts"
        if self.store_changes is not None:
            s = self.store_changes
            text += (f"; store: {s.claims_added} claim(s) added, {s.claims_updated} updated, {s.claims_retracted} "
                     f"retracted, {s.events_added} event(s) added, {s.events_changed} changed, {s.events_removed} "
                     "merged away or gone")
            if s.blocks_rebuilt or s.blocks_kept:
                text += (f"; {s.blocks_rebuilt} block(s) re-reconciled ({s.claims_reclustered} claim(s) clustered "
                         f"again), {s.blocks_kept} unchanged")
        return "\n".join([text, *corrections_text(self.corrections)])


def corrections_text(applied: Sequence) -> list[str]:
    """The summary lines about corrections: how many applied, and each one that was not, with the reason."""
    if not applied:
        return []
    missed = [a for a in applied if not a.applied]
    lines = [f"corrections: {len(applied) - len(missed)} applied, {len(missed)} not applied"]
    lines += [f"  not applied: {a.correction_id} ({a.action}, {a.source}): {a.detail}" for a in missed]
    return lines


def reconcile_files(inputs: Sequence[Path], *, output: Path, store: Path | None = None,
                    sources: Path | None = None, corrections: Path | None = None,
                    force: bool = False, engine: EngineName = "local", workers: int = 1) -> ReconcileSummary:
    """Read claims (extract output; other line types skipped), reconcile them (into `store` when given:
    with every claim already there, keeping event ids; an article with a status line in the input
    replaces its stored claims), apply `corrections`, and write every event to `output` atomically.
    Without a store or corrections, claims are kept in their compact form and events are written to a
    spill file block by block (see `streaming`), so memory is bounded by the claims and the largest block.
    `workers` > 1 (local engine): blocks are clustered in that many processes; the events are the same."""
    check_output(output, force=force, inputs=tuple(inputs) + ((store,) if store else ()))
    meta = read_sources(sources) if sources else None
    fixes = read_corrections(corrections) if corrections else []
    if workers > 1:
        engine = block_engine(engine, workers=workers)  # type: ignore[assignment]
    if store is None and not fixes:
        return _streamed(inputs, output=output, sources=meta, engine=engine)
    statuses: dict[str, str] = {}
    if store is not None:
        read = [0]

        def counted():  # read one by one: the input is never held whole
            for item in read_claim_files(inputs, statuses=statuses):
                read[0] += 1
                yield item

        with EventStore(store) as st:
            changes = st.update(counted(), sources=meta, replace_docs=_Replaced(statuses), corrections=fixes,
                                engine=engine)
            with atomic_writer(output) as fh:  # the stored events are the run's, in event-id order
                written = 0
                for body in st.event_bodies():
                    fh.write(body)
                    fh.write("\n")
                    written += 1
            return ReconcileSummary(claims_read=read[0], events_written=written, conflicts=st.conflicted(),
                                    store_changes=changes, corrections=changes.corrections)
    items = list(read_claim_files(inputs, statuses=statuses))
    corrected = reconcile_corrected(items, corrections=fixes, sources=meta)
    result, applied = corrected.result, corrected.applied
    with atomic_writer(output) as fh:
        for ev in result.events:
            fh.write(ev.model_dump_json(by_alias=True))
            fh.write("\n")
    return ReconcileSummary(claims_read=len(items), events_written=len(result.events),
                            conflicts=sum(1 for e in result.events if e.conflicts), corrections=applied)
