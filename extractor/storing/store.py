"""The embedded event store: SQLite (standard library), WAL journal, one transaction per update.

`EventStore.reconcile(items)` adds the new claims and re-reconciles every claim in the store
inside one IMMEDIATE transaction: a process killed at any point leaves the store as it was
before the call or as it is after it, never in between. Existing event ids are kept (see
`reconciling.ids.assign_ids`), unchanged rows are not rewritten, so re-running on the same
input changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..contract.events import EventRecord, SourceMeta
from ..correcting.apply import HAND_PREFIX, CorrectedReconciliation, hand_claims, reconcile_corrected
from ..correcting.models import CorrectionLine
from ..errors import coded_error
from ..memory import no_cyclic_gc
from ..reconciling import NEAR_MISSES_PER_EVENT, Reconciliation, as_claims
from ..reconciling.blockrun import IdState, TallyIndex, events_by_block
from ..reconciling.engines import BlockEngine, EngineName, block_engine
from ..reconciling.ids import retired_aliases
from ..reconciling.partition import partition_pairs
from ..reconciling.claims import ClaimInput, ClaimRecord, parse_claim
from .schema import DDL, SCHEMA_VERSION, UPGRADABLE

BUSY_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class StoreChanges:
    claims_added: int
    claims_updated: int
    events_added: int
    events_changed: int
    events_removed: int
    claims_retracted: int = 0
    corrections: tuple = ()  # `correcting.Applied`, one per correction given
    blocks_rebuilt: int = 0  # blocks re-reconciled (see `reconciling.partition`)
    blocks_kept: int = 0  # blocks whose stored events were kept: none of their claims changed

    @property
    def total(self) -> int:
        return (self.claims_added + self.claims_updated + self.events_added + self.events_changed + self.events_removed
                + self.claims_retracted)


def claim_line(item: ClaimInput | ClaimRecord) -> dict:
    """The JSON object stored for a claim: the record, its source metadata and agreement reference."""
    if not isinstance(item, ClaimInput):
        item = ClaimInput(record=item)
    row = item.record.model_dump(mode="json", by_alias=True)
    if item.source is not None:
        row.update(item.source.model_dump(exclude_none=True))
    if item.agreement_ref:
        row["agreement"] = item.agreement_ref
    return row


def _dumps(obj: dict) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class EventStore:
    """Open with `EventStore(path)` (created when missing unless `create=False`); use as a context manager."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        """`create=False` opens an existing store read-only: it never takes the write lock (an export
        runs beside a long reconcile) and never writes a byte into the file."""
        self.path = Path(path)
        if not self.path.exists() and not create:
            raise coded_error("E305", path=str(self.path))
        self.read_only = not create
        mode = "wal"
        try:
            if self.read_only:
                self.db = self._reader()
                self._check_ours()
            else:
                self.db = sqlite3.connect(str(self.path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
                self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                self._check_ours()  # before anything is written: a foreign database is left as it was
                mode = self.db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                self.db.execute("PRAGMA synchronous = FULL")
                self.db.execute("PRAGMA foreign_keys = ON")
                self._init_schema()
        except sqlite3.DatabaseError as err:
            raise coded_error("E304", path=str(self.path), detail=str(err)) from None
        if str(mode).lower() != "wal":
            raise coded_error("E304", path=str(self.path), detail=f"journal mode {mode!r}, expected 'wal'")

    def _reader(self) -> sqlite3.Connection:
        """A connection that only reads: no schema set-up, no pragma that writes, no write lock, so it
        reads beside a running reconcile (WAL) and leaves a foreign file as it was. It is opened
        read-write when it can be, so that, closing last, it folds the WAL back and removes the
        -wal/-shm files as a writer would; read-only (mode=ro) where the folder is not writable."""
        uri = self.path.resolve().as_uri()
        for mode in ("rw", "ro"):
            try:
                db = sqlite3.connect(f"{uri}?mode={mode}", uri=True, isolation_level=None,
                                     timeout=BUSY_TIMEOUT_MS / 1000)
                db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                db.execute("PRAGMA query_only = ON")
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return db
            except sqlite3.OperationalError:
                if mode == "ro":
                    raise
        raise AssertionError("unreachable")

    def _check_ours(self) -> None:
        """E304 unless the file is empty (a new store) or holds our tables with a schema version."""
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            if self.read_only:
                raise coded_error("E304", path=str(self.path), detail="it holds no tables")
            return
        missing = {"meta", "claims", "events", "links", "aliases"} - tables
        if missing:
            raise coded_error("E304", path=str(self.path), detail=f"no {', '.join(sorted(missing))} table")
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            raise coded_error("E304", path=str(self.path), detail="no schema version in its 'meta' table")
        if row[0] != SCHEMA_VERSION and row[0] not in UPGRADABLE:  # an older version is upgraded on opening
            raise coded_error("E308", path=str(self.path), found=row[0], expected=SCHEMA_VERSION)

    def _init_schema(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for stmt in DDL:
                self.db.execute(stmt)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None:
                self.db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            elif row[0] in UPGRADABLE:
                self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise coded_error("E308", path=str(self.path), found=row[0], expected=SCHEMA_VERSION)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # reading

    def claim_inputs(self) -> Iterator[ClaimInput]:
        for claim_id, body in self.db.execute("SELECT claim_id, body FROM claims ORDER BY claim_id"):
            item = parse_claim(json.loads(body), where=f"{self.path}:claims/{claim_id}")
            if item is not None:
                yield item

    def claim_bodies(self) -> Iterator[tuple[str, dict]]:
        """(claim id, stored JSON) of every claim, ordered by claim id."""
        for claim_id, body in self.db.execute("SELECT claim_id, body FROM claims ORDER BY claim_id"):
            yield claim_id, json.loads(body)

    def assignments(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT claim_id, event_id FROM links"))

    def aliases(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT old_id, event_id FROM aliases"))

    def rejected(self) -> set[str]:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'rejected'").fetchone()
        return set(json.loads(row[0])) if row else set()

    def _raw_previous(self) -> tuple[dict[str, str], set[str]]:
        """Claim id -> event id before corrections, and the retired raw ids (a version 1 store: its links)."""
        raw = dict(self.db.execute("SELECT claim_id, event_id FROM raw_links"))
        if not raw:
            return self.assignments(), set(self.aliases())
        return raw, {r[0] for r in self.db.execute("SELECT old_id FROM raw_aliases")}

    def events(self) -> Iterator[EventRecord]:
        for (body,) in self.db.execute("SELECT body FROM events ORDER BY event_id"):
            yield EventRecord.model_validate_json(body)

    def event_bodies(self) -> Iterator[str]:
        """The stored JSON of every event, ordered by event id (as written to the events file)."""
        for (body,) in self.db.execute("SELECT body FROM events ORDER BY event_id"):
            yield body

    def resolve(self, event_id: str) -> str | None:
        """The current id of an event, following aliases of events that were merged away."""
        seen = set()
        while event_id not in seen:
            seen.add(event_id)
            if self.db.execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,)).fetchone():
                return event_id
            row = self.db.execute("SELECT event_id FROM aliases WHERE old_id = ?", (event_id,)).fetchone()
            if row is None:
                return None
            event_id = row[0]
        return None

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("claims", "events", "links", "aliases")}

    def check(self) -> list[str]:
        """Problems found: SQLite's integrity check, foreign keys, claims in no or several events."""
        problems = [r[0] for r in self.db.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in self.db.execute("PRAGMA foreign_key_check")]
        unlinked = {r[0] for r in self.db.execute("SELECT claim_id FROM claims WHERE claim_id NOT IN "
                                                  "(SELECT claim_id FROM links)")}
        n = len(unlinked - self.rejected())
        if n:
            problems.append(f"{n} claim(s) in no event")
        listed: dict[str, str] = {}
        for event_id, body in self.db.execute("SELECT event_id, body FROM events"):
            for c in json.loads(body)["claims"]:
                if c in listed:
                    problems.append(f"claim {c} in events {listed[c]} and {event_id}")
                listed[c] = event_id
        links = self.assignments()
        if listed != links:
            problems.append("events' claim lists and links differ")
        return problems

    # writing

    def reconcile(self, items: Iterable[ClaimInput | ClaimRecord], *,
                  sources: Mapping[str, SourceMeta] | None = None, replace_docs: Iterable[str] = (),
                  corrections: Sequence[CorrectionLine] = (), engine: EngineName | BlockEngine = "local",
                  incremental: bool = True) -> tuple[Reconciliation, StoreChanges]:
        """Add `items` and re-reconcile the store, in one transaction.

        `replace_docs`: articles whose claims in `items` are all they now have (re-extracted): their
        other stored claims are retracted. `corrections`: applied on top (see `extractor.correcting`);
        the claims of events added by hand are replaced by those of `corrections` on every call.
        Without corrections, only the blocks (see `reconciling.partition`) whose claims were added,
        changed or retracted are re-reconciled; the others keep their stored events, which are what
        re-reconciling them would give (`incremental=False` re-reconciles every block, for checking)."""
        hand = hand_claims(corrections)
        rows = [claim_line(i) for i in items] + [claim_line(i) for i in hand]
        if sources:
            for row in rows:
                meta = sources.get(row["doc_id"])
                if meta is not None:
                    for k, v in meta.model_dump(exclude_none=True).items():
                        row.setdefault(k, v)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            before = dict(db.execute("SELECT claim_id, block FROM blocks")) if incremental and not corrections else {}
            gone = self._retract({row["claim_id"] for row in rows}, set(replace_docs))
            changed = set(gone)
            added = updated = 0
            for row in rows:
                body = _dumps(row)
                old = db.execute("SELECT body FROM claims WHERE claim_id = ?", (row["claim_id"],)).fetchone()
                if old is None:
                    db.execute("INSERT INTO claims (claim_id, doc_id, kind, body) VALUES (?, ?, ?, ?)",
                               (row["claim_id"], row["doc_id"], row["type"], body))
                    added += 1
                    changed.add(row["claim_id"])
                elif old[0] != body:
                    db.execute("UPDATE claims SET doc_id = ?, kind = ?, body = ? WHERE claim_id = ?",
                               (row["doc_id"], row["type"], body, row["claim_id"]))
                    updated += 1
                    changed.add(row["claim_id"])
            previous, reserved = self._raw_previous()
            if corrections:
                corrected = reconcile_corrected(self.claim_inputs(), corrections=corrections, previous=previous,
                                                reserved=reserved, with_hand_claims=False)
                db.execute("DELETE FROM blocks")  # stored events are corrected ones: the next run rebuilds
                changes = self._write(corrected.result, added, updated)
            else:
                result, kept, counts = self._reconcile_blocks(previous, reserved, changed, before, engine=engine)
                corrected = CorrectedReconciliation(result=result, raw=result)
                changes = replace(self._write(result, added, updated, kept=kept), blocks_rebuilt=counts[0],
                                  blocks_kept=counts[1])
            self._write_raw(corrected)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return corrected.result, replace(changes, claims_retracted=len(gone), corrections=corrected.applied)

    def _reconcile_blocks(self, previous: dict[str, str], reserved: set[str], changed: set[str],
                          before: Mapping[str, str], *, engine: EngineName | BlockEngine
                          ) -> tuple[Reconciliation, set[str], tuple[int, int]]:
        """Every claim reconciled block by block; a block whose claims are those of a block of the last
        run (`before`: claim id -> block), none of them `changed` (added, updated or retracted), keeps
        its stored events. Returns the result, the ids of the events taken as stored, and the numbers of
        blocks re-reconciled and kept."""
        with no_cyclic_gc():
            claims = as_claims(self.claim_inputs())
            blocks, pairs = partition_pairs(claims)
            sizes = Counter(before.values())
            dirty = {before[c] for c in changed if c in before}

            def untouched(block: Sequence[int]) -> bool:
                key = claims[block[0]].claim_id
                return key not in dirty and sizes.get(key) == len(block) and all(
                    before.get(claims[i].claim_id) == key and claims[i].claim_id not in changed for i in block)

            keep = [bool(before) and untouched(b) for b in blocks]

            def stored(n: int) -> list[EventRecord] | None:
                if not keep[n]:
                    return None
                ids = sorted({previous[claims[i].claim_id] for i in blocks[n]})
                return [EventRecord.model_validate_json(self.db.execute(
                    "SELECT body FROM events WHERE event_id = ?", (e,)).fetchone()[0]) for e in ids]

            state = IdState.of(previous, reserved)
            clusterings = block_engine(engine).cluster(
                ([claims[i] for i in b], pairs[n]) for n, b in enumerate(blocks) if not keep[n])
            tallies = TallyIndex()
            events: list[EventRecord] = []
            kept: set[str] = set()
            for n, found, reused in events_by_block(claims, blocks, clusterings, state,
                                                    near_misses_per_event=NEAR_MISSES_PER_EVENT, skip=stored):
                for ev in found:
                    tallies.add(ev)
                events.extend(found)
                if reused:
                    kept.update(e.event_id for e in found)
                else:
                    key = claims[blocks[n][0]].claim_id
                    self.db.executemany("INSERT INTO blocks (claim_id, block) VALUES (?, ?) ON CONFLICT (claim_id) "
                                        "DO UPDATE SET block = excluded.block",
                                        [(claims[i].claim_id, key) for i in blocks[n]])
            checked = tallies.checked()
            events = [checked.get(ev.event_id, ev) for ev in events]
            kept -= set(checked)
            events.sort(key=lambda e: e.event_id)
            event_of = {cid: ev.event_id for ev in events for cid in ev.claims}
            aliases = retired_aliases(previous, event_of, state.used)
        return (Reconciliation(events=tuple(events), event_of=event_of, aliases=aliases), kept,
                (len(blocks) - sum(keep), sum(keep)))

    def _retract(self, keep: set[str], docs: set[str]) -> list[str]:
        """Delete the stored claims of `docs` and of events added by hand that are not in `keep`; returns their ids."""
        db = self.db
        gone = [cid for cid, doc in db.execute("SELECT claim_id, doc_id FROM claims")
                if cid not in keep and (doc in docs or doc.startswith(HAND_PREFIX))]
        for cid in gone:
            for table in ("links", "raw_links", "blocks", "claims"):
                db.execute(f"DELETE FROM {table} WHERE claim_id = ?", (cid,))
        return gone

    def _write_raw(self, corrected: CorrectedReconciliation) -> None:
        db = self.db
        raw = corrected.raw
        if dict(db.execute("SELECT claim_id, event_id FROM raw_links")) != raw.event_of:
            db.execute("DELETE FROM raw_links")
            db.executemany("INSERT INTO raw_links (claim_id, event_id) VALUES (?, ?)", sorted(raw.event_of.items()))
        known = dict(db.execute("SELECT old_id, event_id FROM raw_aliases"))
        for old_id, event_id in raw.aliases.items():
            if known.get(old_id) != event_id:
                db.execute("INSERT INTO raw_aliases (old_id, event_id) VALUES (?, ?) "
                           "ON CONFLICT (old_id) DO UPDATE SET event_id = excluded.event_id", (old_id, event_id))
        rejected = json.dumps(sorted(corrected.rejected))
        db.execute("INSERT INTO meta (key, value) VALUES ('rejected', ?) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (rejected,))

    def _write(self, result: Reconciliation, added: int, updated: int, *, kept: Container[str] = ()) -> StoreChanges:
        """Write the events that changed (`kept`: events taken as stored, not compared again)."""
        db = self.db
        new = {ev.event_id: ev for ev in result.events}
        removed = [e for (e,) in db.execute("SELECT event_id FROM events") if e not in new]
        ev_added = ev_changed = 0
        for e in removed:
            db.execute("DELETE FROM events WHERE event_id = ?", (e,))
        for event_id, ev in new.items():
            if event_id in kept:
                continue
            body = ev.model_dump_json(by_alias=True)
            found = db.execute("SELECT body FROM events WHERE event_id = ?", (event_id,)).fetchone()
            old = {event_id: found[0]} if found else {}
            if event_id not in old:
                db.execute("INSERT INTO events (event_id, kind, date_start, body) VALUES (?, ?, ?, ?)",
                           (event_id, ev.kind, ev.date.start.isoformat() if ev.date and ev.date.start else None, body))
                ev_added += 1
            elif old[event_id] != body:
                db.execute("UPDATE events SET kind = ?, date_start = ?, body = ? WHERE event_id = ?",
                           (ev.kind, ev.date.start.isoformat() if ev.date and ev.date.start else None, body, event_id))
                ev_changed += 1
        links = self.assignments()
        for claim_id in links.keys() - result.event_of.keys():  # rejected by a correction
            db.execute("DELETE FROM links WHERE claim_id = ?", (claim_id,))
        for claim_id, event_id in result.event_of.items():
            if links.get(claim_id) != event_id:
                db.execute("INSERT INTO links (claim_id, event_id) VALUES (?, ?) "
                           "ON CONFLICT (claim_id) DO UPDATE SET event_id = excluded.event_id", (claim_id, event_id))
        known = self.aliases()
        for old_id, event_id in result.aliases.items():
            if known.get(old_id) != event_id:
                db.execute("INSERT INTO aliases (old_id, event_id) VALUES (?, ?) "
                           "ON CONFLICT (old_id) DO UPDATE SET event_id = excluded.event_id", (old_id, event_id))
        return StoreChanges(added, updated, ev_added, ev_changed, len(removed))
