"""The embedded event store: SQLite (standard library), WAL journal, one transaction per update.

`EventStore.reconcile(items)` adds the new claims and re-reconciles every claim in the store
inside one IMMEDIATE transaction: a process killed at any point leaves the store as it was
before the call or as it is after it, never in between. Existing event ids are kept (see
`reconciling.ids.assign_ids`), unchanged rows are not rewritten, so re-running on the same
input changes nothing.
"""

from __future__ import annotations

import itertools
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
from ..reconciling.claimset import ClaimSet, events_of_blocks
from ..reconciling.engines import BlockEngine, EngineName, block_engine
from ..reconciling.ids import retired_aliases
from ..reconciling.partition import partition_pairs, work
from ..reconciling.claims import Claim, ClaimInput, ClaimRecord, compact_json, from_compact_json, parse_claim, to_claim
from .blockindex import chunks, reached, spans_json, spans_of, write_keys
from .schema import COLUMNS, DDL, INDEXES, SCHEMA_VERSION, UPGRADABLE

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


class _TakenIds:
    """Every event id of the last run and every retired one (raw, before corrections), looked up in the
    store one id at a time (a new event's id is checked against them) rather than read whole."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __contains__(self, event_id: object) -> bool:
        return (self.db.execute("SELECT 1 FROM raw_links WHERE event_id = ? LIMIT 1", (event_id,)).fetchone() is not None
                or self.db.execute("SELECT 1 FROM raw_aliases WHERE old_id = ?", (event_id,)).fetchone() is not None)


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
            for table, column, kind in COLUMNS:
                if column not in {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            for stmt in INDEXES:
                self.db.execute(stmt)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None:
                self.db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            elif row[0] in UPGRADABLE:
                self._upgrade()
                self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise coded_error("E308", path=str(self.path), found=row[0], expected=SCHEMA_VERSION)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _upgrade(self) -> None:
        """An older store gets its claims' compact forms and keys, its events' spans, and no blocks (its
        next run re-reconciles every block)."""
        db = self.db
        db.execute("DELETE FROM claim_keys")
        db.execute("DELETE FROM blocks")
        for claim_id, body in db.execute("SELECT claim_id, body FROM claims ORDER BY claim_id").fetchall():
            item = parse_claim(json.loads(body), where=f"{self.path}:claims/{claim_id}")
            if item is not None:
                claim = to_claim(item)
                db.execute("UPDATE claims SET compact = ? WHERE claim_id = ?", (compact_json(claim), claim_id))
                write_keys(db, [claim])
        for event_id, body in db.execute("SELECT event_id, body FROM events").fetchall():
            db.execute("UPDATE events SET spans = ? WHERE event_id = ?",
                       (spans_json(EventRecord.model_validate_json(body)), event_id))

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

    def conflicted(self) -> int:
        """The number of events with conflicts."""
        return self.db.execute("SELECT count(*) FROM events WHERE json_array_length(body, '$.conflicts') > 0"
                               ).fetchone()[0]

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
        """Add `items` and re-reconcile the store, in one transaction; returns every event and the changes.

        `replace_docs`: articles whose claims in `items` are all they now have (re-extracted): their
        other stored claims are retracted (it is read after `items`, which are read one by one). `corrections`: applied on top (see `extractor.correcting`);
        the claims of events added by hand are replaced by those of `corrections` on every call.
        Without corrections, only the closed sets of claims that the added, changed or retracted claims
        can reach (see `blockindex`) are read and partitioned again, and only their blocks (see
        `reconciling.partition`) whose claims changed are re-reconciled; the others keep their stored
        events, which are what re-reconciling them would give (`incremental=False` re-reconciles every
        block, for checking)."""
        return self._run(items, sources=sources, replace_docs=replace_docs, corrections=corrections, engine=engine,
                         incremental=incremental, read_back=True)  # type: ignore[return-value]

    def update(self, items: Iterable[ClaimInput | ClaimRecord], *,
               sources: Mapping[str, SourceMeta] | None = None, replace_docs: Iterable[str] = (),
               corrections: Sequence[CorrectionLine] = (), engine: EngineName | BlockEngine = "local",
               incremental: bool = True) -> StoreChanges:
        """`reconcile` without reading every event back: the changes only (the events are `event_bodies()`)."""
        return self._run(items, sources=sources, replace_docs=replace_docs, corrections=corrections, engine=engine,
                         incremental=incremental, read_back=False)[1]

    def _run(self, items, *, sources, replace_docs, corrections, engine, incremental, read_back
             ) -> tuple[Reconciliation | None, StoreChanges]:
        hand = hand_claims(corrections)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            indexed = (incremental and not corrections
                       and db.execute("SELECT 1 FROM blocks LIMIT 1").fetchone() is not None)
            given: set[str] = set()
            written: list[Claim] = []  # the new versions of changed claims, kept only for an indexed update
            olds: list[Claim] = []  # and their old versions
            changed: set[str] = set()  # and their ids
            added = updated = 0
            for item, row in self._rows(items, hand, sources):  # read one by one: the input is never held whole
                given.add(row["claim_id"])
                body = _dumps(row)
                old = db.execute("SELECT body, compact FROM claims WHERE claim_id = ?", (row["claim_id"],)).fetchone()
                if old is not None and old[0] == body:
                    continue
                if item is None:  # the line took metadata from `sources`: read as stored
                    item = parse_claim(row, where=f"{self.path}:claims/{row['claim_id']}")
                claim = to_claim(item)  # type: ignore[arg-type]
                if old is None:
                    db.execute("INSERT INTO claims (claim_id, doc_id, kind, body, compact) VALUES (?, ?, ?, ?, ?)",
                               (row["claim_id"], row["doc_id"], row["type"], body, compact_json(claim)))
                    added += 1
                else:
                    db.execute("UPDATE claims SET doc_id = ?, kind = ?, body = ?, compact = ? WHERE claim_id = ?",
                               (row["doc_id"], row["type"], body, compact_json(claim), row["claim_id"]))
                    db.execute("DELETE FROM claim_keys WHERE claim_id = ?", (row["claim_id"],))
                    if old[1] is not None and indexed:
                        olds.append(from_compact_json(old[1]))
                    updated += 1
                write_keys(db, [claim])
                if indexed:
                    written.append(claim)
                    changed.add(row["claim_id"])
            gone, retracted, stale, left = self._retract(given, set(replace_docs))
            del given
            touched = retracted + olds + written
            del olds, written
            changed.update(gone)
            result: Reconciliation | None = None
            applied: tuple = ()
            if corrections:
                previous, reserved = self._raw_previous()
                corrected = reconcile_corrected(self.claim_inputs(), corrections=corrections, previous=previous,
                                                reserved=reserved, with_hand_claims=False)
                db.execute("DELETE FROM blocks")  # stored events are corrected ones: the next run rebuilds
                changes = self._write(corrected.result, added, updated)
                self._write_raw(corrected)
                result, applied = corrected.result, corrected.applied
            elif indexed:
                changes, aliases = self._reconcile_touched(touched, changed, stale, left, added, updated,
                                                           engine=engine)
                if read_back:
                    result = Reconciliation(events=tuple(self.events()), event_of=self.assignments(), aliases=aliases)
            else:
                del touched
                changes, aliases = self._reconcile_all(added, updated, engine=engine)
                if read_back:
                    result = Reconciliation(events=tuple(self.events()), event_of=self.assignments(), aliases=aliases)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return result, replace(changes, claims_retracted=len(gone), corrections=applied)

    def _claims(self, ids: Iterable[str] | None = None, *, known: Mapping[str, Claim]) -> list[Claim]:
        """Stored claims in their compact form (all, or those of `ids` that are stored), sorted by claim id;
        those in `known` (claim id -> claim: the ones this run wrote) are taken from it, not read again."""
        if ids is None:
            rows = self.db.execute("SELECT claim_id, compact FROM claims")
        else:
            rows = (r for batch in chunks(ids) for r in self.db.execute(
                f"SELECT claim_id, compact FROM claims WHERE claim_id IN ({','.join('?' * len(batch))})", batch))
        return as_claims(known[cid] if cid in known else from_compact_json(text) for cid, text in rows)

    def _write_blocks(self, claims: Sequence[Claim], blocks: Sequence[Sequence[int]], groups: Sequence[int],
                      which: Iterable[int]) -> None:
        self.db.executemany(
            "INSERT INTO blocks (claim_id, block, grp) VALUES (?, ?, ?) ON CONFLICT (claim_id) "
            "DO UPDATE SET block = excluded.block, grp = excluded.grp "
            "WHERE block != excluded.block OR grp IS NOT excluded.grp",
            [(claims[i].claim_id, claims[blocks[n][0]].claim_id, claims[groups[n]].claim_id)
             for n in which for i in blocks[n]])

    @staticmethod
    def _rows(items, hand, sources) -> Iterator[tuple[ClaimInput | None, dict]]:
        """(claim, the JSON object stored for it) per item; the claim is None where `sources` added to the
        line's metadata (it is then read from the object)."""
        for item in itertools.chain(items, hand):
            if not isinstance(item, ClaimInput):
                item = ClaimInput(record=item)
            row = claim_line(item)
            meta = sources.get(row["doc_id"]) if sources else None
            if meta is not None:
                for k, v in meta.model_dump(exclude_none=True).items():
                    if k not in row:
                        row[k] = v
                        item = None
            yield item, row

    def _reconcile_all(self, added: int, updated: int, *, engine: EngineName | BlockEngine
                       ) -> tuple[StoreChanges, dict[str, str]]:
        """Every claim reconciled block by block, each block's events written as it is done (see
        `reconciling.claimset`: the claims are read back one block at a time past IN_MEMORY claims); the
        tally check runs last, over every event. Returns the changes and the retired ids' aliases."""
        db = self.db
        previous, reserved = self._raw_previous()
        state = IdState.of(previous, reserved)
        tallies = TallyIndex()
        made: set[str] = set()
        ev_added = ev_changed = blocks = 0
        db.execute("DELETE FROM blocks")
        with no_cyclic_gc():
            claims = ClaimSet(self.path.parent)
            try:
                for claim_id, text in db.execute("SELECT claim_id, compact FROM claims"):
                    claims.add(from_compact_json(text), compact=text)
                for block, events in events_of_blocks(claims.blocks(), state, engine=engine,
                                                      near_misses_per_event=NEAR_MISSES_PER_EVENT):
                    blocks += 1
                    first = block.claims[0].claim_id
                    db.executemany("INSERT INTO blocks (claim_id, block, grp) VALUES (?, ?, ?)",
                                   [(c.claim_id, first, block.group) for c in block.claims])
                    for ev in events:
                        tallies.add(ev)
                        if ev.kind != "tally":  # tally events are written once checked
                            a, c = self._put_if_changed(ev)
                            ev_added += a
                            ev_changed += c
                            made.add(ev.event_id)
            finally:
                claims.close()
            for ev in tallies.checked().values():
                a, c = self._put_if_changed(ev)
                ev_added += a
                ev_changed += c
                made.add(ev.event_id)
        removed = [e for (e,) in db.execute("SELECT event_id FROM events").fetchall() if e not in made]
        for e in removed:
            db.execute("DELETE FROM events WHERE event_id = ?", (e,))
        del made
        db.execute("DELETE FROM links WHERE claim_id NOT IN (SELECT claim_id FROM claims)")
        db.execute("DELETE FROM raw_links WHERE claim_id NOT IN (SELECT claim_id FROM claims)")
        retiring = {c: old for c, old in previous.items() if old not in state.used}
        where = {}
        for batch in chunks(sorted(retiring)):
            where.update(db.execute(f"SELECT claim_id, event_id FROM links WHERE claim_id IN "
                                    f"({','.join('?' * len(batch))})", batch))
        aliases = retired_aliases(retiring, where, state.used)
        for old_id, event_id in aliases.items():
            for table in ("aliases", "raw_aliases"):
                db.execute(f"INSERT INTO {table} (old_id, event_id) VALUES (?, ?) ON CONFLICT (old_id) "
                           "DO UPDATE SET event_id = excluded.event_id WHERE event_id != excluded.event_id",
                           (old_id, event_id))
        db.execute("INSERT INTO meta (key, value) VALUES ('rejected', '[]') "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        return StoreChanges(added, updated, ev_added, ev_changed, len(removed), blocks_rebuilt=blocks), aliases

    def _put_if_changed(self, ev: EventRecord) -> tuple[int, int]:
        """Write an event where it is new or changed, and link its claims to it: (1, 0) added, (0, 1) changed."""
        body = ev.model_dump_json(by_alias=True)
        found = self.db.execute("SELECT body FROM events WHERE event_id = ?", (ev.event_id,)).fetchone()
        if found is None:
            self._put_event(ev, body, insert=True)
        elif found[0] != body:
            self._put_event(ev, body, insert=False)
        for table in ("links", "raw_links"):
            self.db.executemany(f"INSERT INTO {table} (claim_id, event_id) VALUES (?, ?) ON CONFLICT (claim_id) "
                                "DO UPDATE SET event_id = excluded.event_id WHERE event_id != excluded.event_id",
                                [(cid, ev.event_id) for cid in ev.claims])
        return (1, 0) if found is None else (0, int(found[0] != body))

    def _reconcile_touched(self, touched: Sequence[Claim], changed: set[str], stale: set[str], left: set[str],
                           added: int, updated: int, *, engine: EngineName | BlockEngine
                           ) -> tuple[StoreChanges, dict[str, str]]:
        """Only the closed sets the `touched` claims can reach (see `blockindex`) read and partitioned again;
        their blocks whose claims are those of a block of the last run, none of them `changed`, keep their
        stored events; the others are re-reconciled and written, with the tally checks run again over
        every event (`stale`: ids of stored events whose claims were retracted; `left`: the blocks they were
        in). Returns the changes and the retired ids' aliases."""
        db = self.db
        with no_cyclic_gc():
            near = reached(db, touched) | {c.claim_id for c in touched}
            sets: set[str] = set()
            for batch in chunks(sorted(near)):
                sets.update(r[0] for r in db.execute(
                    f"SELECT DISTINCT grp FROM blocks WHERE claim_id IN ({','.join('?' * len(batch))})", batch))
            for batch in chunks(sorted(sets)):
                near.update(r[0] for r in db.execute(
                    f"SELECT claim_id FROM blocks WHERE grp IN ({','.join('?' * len(batch))})", batch))
            claims = self._claims(sorted(near), known={c.claim_id: c for c in touched})
            blocks, pairs, groups = partition_pairs(claims)
            before: dict[str, str] = {}
            for batch in chunks(c.claim_id for c in claims):
                before.update(db.execute(
                    f"SELECT claim_id, block FROM blocks WHERE claim_id IN ({','.join('?' * len(batch))})", batch))
            sizes = Counter(before.values())
            dirty_keys = {before[c] for c in changed if c in before} | left

            def untouched(block: Sequence[int]) -> bool:
                key = claims[block[0]].claim_id
                return key not in dirty_keys and sizes.get(key) == len(block) and all(
                    before.get(claims[i].claim_id) == key and claims[i].claim_id not in changed for i in block)

            dirty = [n for n, b in enumerate(blocks) if not untouched(b)]
            redone = [c for n in dirty for c in (claims[i].claim_id for i in blocks[n])]
            previous: dict[str, str] = {}
            for batch in chunks(redone):
                qs = ",".join("?" * len(batch))
                previous.update(db.execute(f"SELECT claim_id, event_id FROM raw_links WHERE claim_id IN ({qs})", batch))
                stale.update(r[0] for r in db.execute(f"SELECT event_id FROM links WHERE claim_id IN ({qs})", batch))
            state = IdState(previous=previous, taken=_TakenIds(db))  # type: ignore[arg-type]
            some = [blocks[n] for n in dirty]
            clusterings = block_engine(engine).cluster(work(claims, some, [pairs[n] for n in dirty]))
            events: list[EventRecord] = []
            for _, found, _ in events_by_block(claims, some, clusterings, state,
                                               near_misses_per_event=NEAR_MISSES_PER_EVENT):
                events.extend(found)
            new_ids = {ev.event_id for ev in events}
            tallies = TallyIndex()
            for ev in events:
                tallies.add(ev)
            for event_id, kind, spans, body in db.execute("SELECT event_id, kind, spans, "
                                                          "CASE WHEN kind = 'tally' THEN body END FROM events"):
                if event_id in stale or event_id in new_ids:  # replaced by this run's events
                    continue
                if kind == "tally":
                    tallies.add(EventRecord.model_validate_json(body))
                elif spans and spans != "[]":
                    for key, span in spans_of(spans):
                        tallies.spans[key].append(span)
            checked = tallies.checked()
            events = [checked.get(ev.event_id, ev) for ev in events]
            kept_tallies = [ev for event_id, ev in checked.items() if event_id not in new_ids]
            changes = self._write_some(events + kept_tallies, stale - new_ids, added, updated)
            event_of = {cid: ev.event_id for ev in events for cid in ev.claims}
            for claim_id, event_id in sorted(event_of.items()):
                for table in ("links", "raw_links"):
                    db.execute(f"INSERT INTO {table} (claim_id, event_id) VALUES (?, ?) ON CONFLICT (claim_id) "
                               "DO UPDATE SET event_id = excluded.event_id WHERE event_id != excluded.event_id",
                               (claim_id, event_id))
            aliases = retired_aliases(previous, event_of, state.used)
            for old_id, event_id in aliases.items():
                for table in ("aliases", "raw_aliases"):
                    db.execute(f"INSERT INTO {table} (old_id, event_id) VALUES (?, ?) ON CONFLICT (old_id) "
                               "DO UPDATE SET event_id = excluded.event_id", (old_id, event_id))
            db.execute("INSERT INTO meta (key, value) VALUES ('rejected', '[]') "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            self._write_blocks(claims, blocks, groups, range(len(blocks)))
        total = db.execute("SELECT count(DISTINCT block) FROM blocks").fetchone()[0]
        return replace(changes, blocks_rebuilt=len(dirty), blocks_kept=total - len(dirty)), aliases

    def _write_some(self, events: Sequence[EventRecord], removed: set[str], added: int, updated: int) -> StoreChanges:
        """Write `events` where they changed and delete the `removed` ids."""
        db = self.db
        for e in sorted(removed):
            db.execute("DELETE FROM events WHERE event_id = ?", (e,))
        ev_added = ev_changed = 0
        for ev in events:
            body = ev.model_dump_json(by_alias=True)
            found = db.execute("SELECT body FROM events WHERE event_id = ?", (ev.event_id,)).fetchone()
            if found is None:
                self._put_event(ev, body, insert=True)
                ev_added += 1
            elif found[0] != body:
                self._put_event(ev, body, insert=False)
                ev_changed += 1
        return StoreChanges(added, updated, ev_added, ev_changed, len(removed))

    def _put_event(self, ev: EventRecord, body: str, *, insert: bool) -> None:
        day = ev.date.start.isoformat() if ev.date and ev.date.start else None
        if insert:
            self.db.execute("INSERT INTO events (event_id, kind, date_start, body, spans) VALUES (?, ?, ?, ?, ?)",
                            (ev.event_id, ev.kind, day, body, spans_json(ev)))
        else:
            self.db.execute("UPDATE events SET kind = ?, date_start = ?, body = ?, spans = ? WHERE event_id = ?",
                            (ev.kind, day, body, spans_json(ev), ev.event_id))

    def _retract(self, keep: set[str], docs: set[str]) -> tuple[list[str], list[Claim], set[str], set[str]]:
        """Delete the stored claims of `docs` and of events added by hand that are not in `keep`; returns
        their ids, their compact forms, the events that held them and the blocks they were in."""
        db = self.db
        found: set[str] = set()
        for doc in sorted(docs):  # through the doc_id index: the other claims are not read
            found.update(r[0] for r in db.execute("SELECT claim_id FROM claims WHERE doc_id = ?", (doc,)))
        above = HAND_PREFIX[:-1] + chr(ord(HAND_PREFIX[-1]) + 1)  # doc ids starting with HAND_PREFIX sort below it
        found.update(r[0] for r in db.execute("SELECT claim_id FROM claims WHERE doc_id >= ? AND doc_id < ?",
                                              (HAND_PREFIX, above)))
        gone = sorted(found - keep)
        claims: list[Claim] = []
        held: set[str] = set()
        blocks: set[str] = set()
        for cid in gone:
            row = db.execute("SELECT compact FROM claims WHERE claim_id = ?", (cid,)).fetchone()
            if row is not None and row[0] is not None:
                claims.append(from_compact_json(row[0]))
            held.update(r[0] for r in db.execute("SELECT event_id FROM links WHERE claim_id = ?", (cid,)))
            blocks.update(r[0] for r in db.execute("SELECT block FROM blocks WHERE claim_id = ?", (cid,)))
            for table in ("links", "raw_links", "blocks", "claim_keys", "claims"):
                db.execute(f"DELETE FROM {table} WHERE claim_id = ?", (cid,))
        return gone, claims, held, blocks

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
                self._put_event(ev, body, insert=True)
                ev_added += 1
            elif old[event_id] != body:
                self._put_event(ev, body, insert=False)
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
