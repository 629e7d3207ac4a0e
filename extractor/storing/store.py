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
from array import array
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..contract.events import EventRecord, SourceMeta
from ..correcting.apply import HAND_PREFIX, CorrectedReconciliation, hand_claims, reconcile_corrected
from ..correcting.models import CorrectionLine
from ..errors import coded_error
from ..memory import no_cyclic_gc
from ..reconciling import NEAR_MISSES_PER_EVENT, Reconciliation
from ..reconciling.blockrun import IdState, TallyIndex, block_events, events_by_block
from ..reconciling.claimset import Block, ClaimSet, clustered_blocks
from ..reconciling.engines import BlockEngine, EngineName, block_engine
from ..reconciling.ids import retired_aliases
from ..reconciling.partition import partition_pairs, work
from ..reconciling.quick import remembered_scores
from ..reconciling.scoring import SCORING_VERSION
from ..reconciling.claims import Claim, ClaimInput, ClaimRecord, compact_json, from_compact_json, parse_claim, to_claim
from .blockindex import chunks, flow_keys_of, placeholders, reached_sets, spans_json, spans_of, write_keys
from .parts import block_pairs, linked_hashes, partner_hashes, region
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
    claims_reclustered: int = 0  # claims of the parts of blocks clustered again (see `storing.parts`)

    @property
    def total(self) -> int:
        return (self.claims_added + self.claims_updated + self.events_added + self.events_changed + self.events_removed
                + self.claims_retracted)


def claim_line(item: ClaimInput | ClaimRecord) -> dict:
    """The JSON object stored for a claim: the record, its source metadata and agreement reference."""
    return _line(item if isinstance(item, ClaimInput) else ClaimInput(record=item))


def _line(item: ClaimInput) -> dict:
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


def _block_pairs(block: Block) -> array:
    return block_pairs(block.claims, block.pairs)


def _fifth(last: tuple | None) -> str:
    """`Clustering.fifth` as stored (`blocks.fifth`)."""
    return json.dumps(list(last or ()), ensure_ascii=False, separators=(",", ":"))


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
                self._upgrade(row[0])
                self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise coded_error("E308", path=str(self.path), found=row[0], expected=SCHEMA_VERSION)
            self._check_scoring_version()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _check_scoring_version(self) -> None:
        """Blocks clustered by another SCORING_VERSION (or by a store that recorded none) are dropped, so the
        next run re-reconciles every block as a rebuild would, instead of keeping events scored the old way."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'scoring_version'").fetchone()
        if row is not None and row[0] == SCORING_VERSION:
            return
        self.db.execute("DELETE FROM blocks")
        self.db.execute("INSERT INTO meta (key, value) VALUES ('scoring_version', ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (SCORING_VERSION,))

    def _upgrade(self, version: str) -> None:
        """A store older than version 5 gets its events' flow keys; before version 4, also its claims' compact
        forms and keys, its events' spans, and no blocks (its next run re-reconciles every block). Versions 5
        and 6 need nothing: their blocks' near hashes are left empty, so a block an update touches is
        re-clustered whole once, and its parts are then the finer ones of version 7 (see `schema`)."""
        if version in ("5", "6"):
            return
        if version != "4":
            self._upgrade_to_4()
        db = self.db
        db.execute("DELETE FROM flow_keys")
        for event_id, body in db.execute("SELECT event_id, body FROM events").fetchall():
            db.executemany("INSERT INTO flow_keys (key, event_id) VALUES (?, ?)",
                           [(key, event_id) for key in flow_keys_of(EventRecord.model_validate_json(body))])

    def _upgrade_to_4(self) -> None:
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
            gone, retracted, stale, left, gone_parts = self._retract(given, set(replace_docs))
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
                changes, aliases = self._reconcile_touched(touched, changed, stale, left, gone_parts, added,
                                                           updated, engine=engine)
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

    def _write_blocks(self, rows: Iterable[tuple]) -> None:
        """(claim id, block, closed set, part, partners' hash, linked hash, near hash, anchored, fifth) rows,
        written where they changed: the one writer of the `blocks` table, for the full run and an update alike."""
        self.db.executemany(
            "INSERT INTO blocks (claim_id, block, grp, part, partners, linked, near, anchored, fifth) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (claim_id) DO UPDATE SET block = excluded.block, grp = excluded.grp, part = excluded.part, "
            "partners = excluded.partners, linked = excluded.linked, near = excluded.near, "
            "anchored = excluded.anchored, fifth = excluded.fifth WHERE block != excluded.block "
            "OR grp IS NOT excluded.grp OR part IS NOT excluded.part OR partners IS NOT excluded.partners "
            "OR linked IS NOT excluded.linked OR near IS NOT excluded.near OR anchored IS NOT excluded.anchored "
            "OR fifth IS NOT excluded.fifth", rows)

    def _events_of(self, ids: list[str]) -> dict[str, str]:
        """Claim id -> its stored event, for `ids`."""
        out: dict[str, str] = {}
        for batch in chunks(ids):
            out.update(self.db.execute(f"SELECT claim_id, event_id FROM links WHERE claim_id IN ({placeholders(batch)})",
                                       batch))
        return out



    @staticmethod
    def _rows(items, hand, sources) -> Iterator[tuple[ClaimInput | None, dict]]:
        """(claim, the JSON object stored for it) per item; the claim is None where `sources` added to the
        line's metadata (it is then read from the object)."""
        for item in itertools.chain(items, hand):
            if not isinstance(item, ClaimInput):
                item = ClaimInput(record=item)
            row = _line(item)
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
        ev_added = ev_changed = blocks = reclustered = 0
        db.execute("DELETE FROM blocks")
        with no_cyclic_gc():
            claims = ClaimSet(self.path.parent)
            try:
                for claim_id, text in db.execute("SELECT claim_id, compact FROM claims"):
                    claims.add(from_compact_json(text), compact=text)
                for block, found, clustering in clustered_blocks(claims.blocks(), engine=engine, pairs_of=_block_pairs):
                    partners = partner_hashes(block.claims, found)[0]
                    events = block_events(block.claims, clustering, state, near_misses_per_event=NEAR_MISSES_PER_EVENT)
                    blocks += 1
                    reclustered += len(block.claims)
                    first = block.claims[0].claim_id
                    linked = linked_hashes(block.claims, clustering.linked)
                    near = linked_hashes(block.claims, clustering.near)
                    self._write_blocks((c.claim_id, first, block.group, block.claims[clustering.parts[i]].claim_id,
                                        partners[i], linked[i], near[i], int(clustering.anchored[i]),
                                        _fifth(clustering.fifth[i])) for i, c in enumerate(block.claims))
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
            self._drop_event(e)
        del made
        db.execute("DELETE FROM links WHERE claim_id NOT IN (SELECT claim_id FROM claims)")
        db.execute("DELETE FROM raw_links WHERE claim_id NOT IN (SELECT claim_id FROM claims)")
        retiring = {c: old for c, old in previous.items() if old not in state.used}
        where = {}
        for batch in chunks(sorted(retiring)):
            where.update(db.execute(f"SELECT claim_id, event_id FROM links WHERE claim_id IN "
                                    f"({placeholders(batch)})", batch))
        aliases = retired_aliases(retiring, where, state.used)
        for old_id, event_id in aliases.items():
            for table in ("aliases", "raw_aliases"):
                db.execute(f"INSERT INTO {table} (old_id, event_id) VALUES (?, ?) ON CONFLICT (old_id) "
                           "DO UPDATE SET event_id = excluded.event_id WHERE event_id != excluded.event_id",
                           (old_id, event_id))
        db.execute("INSERT INTO meta (key, value) VALUES ('rejected', '[]') "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        return StoreChanges(added, updated, ev_added, ev_changed, len(removed), blocks_rebuilt=blocks,
                            claims_reclustered=reclustered), aliases

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
                           gone_parts: set[str], added: int, updated: int, *, engine: EngineName | BlockEngine
                           ) -> tuple[StoreChanges, dict[str, str]]:
        """Only the closed sets the `touched` claims can reach (see `blockindex`) read and partitioned again;
        their blocks whose claims are those of a block of the last run, none of them `changed`, keep their
        stored events; in the others, only the parts the update reaches (see `parts`) are clustered again
        and their events written, with the tally checks run again on the flows their events touch
        (`stale`: ids of stored events whose claims were retracted; `left`, `gone_parts`: the blocks and
        parts they were in). Returns the changes and the retired ids' aliases."""
        db = self.db
        with no_cyclic_gc(), remembered_scores():  # `region` and the clustering score mostly the same pairs
            known = {c.claim_id: c for c in touched}
            before: dict[str, str] = {}
            stored: dict[str, tuple] = {}  # claim id -> (part, partners, linked, near, anchored, fifth)
            found: dict[str, Claim] = {}
            rows: dict[str, tuple] = {}  # claim id -> its blocks row as stored
            for batch in chunks(sorted(reached_sets(db, touched))):  # each set's claims and blocks rows, in one read
                for row in db.execute(
                        "SELECT b.claim_id, b.block, b.grp, b.part, b.partners, b.linked, b.near, b.anchored, b.fifth, "
                        "c.compact "
                        f"FROM blocks b JOIN claims c ON c.claim_id = b.claim_id WHERE b.grp IN ({placeholders(batch)})",
                        batch):
                    claim_id, block, _, part, partners, linked, near, anchored, fifth, text = row
                    rows[claim_id] = row[:9]
                    before[claim_id] = block
                    stored[claim_id] = (part, partners, linked, near, anchored, fifth)
                    found[claim_id] = known[claim_id] if claim_id in known else from_compact_json(text)
            for batch in chunks(sorted(known.keys() - found.keys())):  # the new claims (stored, in no block yet)
                for (claim_id,) in db.execute(
                        f"SELECT claim_id FROM claims WHERE claim_id IN ({placeholders(batch)})", batch):
                    found[claim_id] = known[claim_id]
            claims = [found[k] for k in sorted(found)]
            del found, known
            blocks, pairs, groups = partition_pairs(claims)
            sizes = Counter(before.values())
            part_sizes = Counter(v[0] for v in stored.values() if v[0] is not None)
            dirty_keys = {before[c] for c in changed if c in before} | left

            def untouched(block: Sequence[int]) -> bool:
                key = claims[block[0]].claim_id
                return key not in dirty_keys and sizes.get(key) == len(block) and all(
                    before.get(claims[i].claim_id) == key and claims[i].claim_id not in changed for i in block)

            parts: dict[str, tuple] = {}  # claim id -> (part, linked, near, anchored, fifth), where known before clustering
            partners: dict[str, int] = {}
            some: list[list[int]] = []  # per block re-clustered, the indices (into `claims`) clustered again
            some_pairs: list[array] = []
            some_fixed: list[list[tuple | None]] = []  # and per index, None or its stored cluster's fifth pair
            outside: dict[str, str] = {}  # claim id -> stored event, of the claims ranking near misses only
            for n, block in enumerate(blocks):
                if untouched(block):
                    for i in block:
                        cid = claims[i].claim_id
                        part, partners[cid], *rest = stored[cid]
                        parts[cid] = (part, *rest)
                    continue
                members = [claims[i] for i in block]
                found = block_pairs(members, pairs[n])
                pairs[n] = None
                whole, less = partner_hashes(members, found, touched=changed)
                partners.update((c.claim_id, h) for c, h in zip(members, whole))
                reach = region(members, found, less, stored, part_sizes, changed, gone_parts,
                               events_of=self._events_of)
                for c in members:
                    part, _, *rest = stored.get(c.claim_id, (None,) * 6)
                    parts[c.claim_id] = (part, *rest)
                if not reach.again:
                    continue
                sub = sorted(set(reach.again) | reach.fixed.keys())
                fixed = []
                for i in sub:
                    event_id = reach.fixed.get(i)
                    if event_id is None:
                        fixed.append(None)
                        continue
                    fixed.append(tuple(json.loads(stored[members[i].claim_id][5])))
                    outside[members[i].claim_id] = event_id
                some.append([block[i] for i in sub])
                some_fixed.append(fixed)
                if len(sub) == len(block):
                    some_pairs.append(found)
                else:
                    local = {i: k for k, i in enumerate(sub)}
                    again = set(reach.again)
                    m, k = len(block), len(sub)
                    kept = array("q")
                    for key in found:
                        a, b = divmod(key, m)
                        if a in again or b in again:
                            kept.append(local[a] * k + local[b])
                    some_pairs.append(kept)
            redone = [claims[i].claim_id for part, fixed in zip(some, some_fixed) for i, f in zip(part, fixed) if f is None]
            previous: dict[str, str] = {}
            for batch in chunks(redone):
                qs = placeholders(batch)
                previous.update(db.execute(f"SELECT claim_id, event_id FROM raw_links WHERE claim_id IN ({qs})", batch))
                stale.update(r[0] for r in db.execute(f"SELECT event_id FROM links WHERE claim_id IN ({qs})", batch))
            state = IdState(previous=previous, taken=_TakenIds(db))  # type: ignore[arg-type]

            def parts_kept(clusterings):
                for part, fixed, clustering in zip(some, some_fixed, clusterings):
                    members = [claims[i] for i in part]
                    linked = linked_hashes(members, clustering.linked)
                    near = linked_hashes(members, clustering.near)
                    for k, c in enumerate(members):
                        if fixed[k] is None:
                            parts[c.claim_id] = (members[clustering.parts[k]].claim_id, linked[k], near[k],
                                                 int(clustering.anchored[k]), _fifth(clustering.fifth[k]))
                    yield clustering

            todo = ((*item, fixed) for item, fixed in zip(work(claims, some, some_pairs), some_fixed))
            clusterings = parts_kept(block_engine(engine).cluster(todo))
            events: list[EventRecord] = []
            for _, found, _ in events_by_block(claims, some, clusterings, state,
                                               near_misses_per_event=NEAR_MISSES_PER_EVENT, outside=outside):
                events.extend(found)
            new_ids = {ev.event_id for ev in events}
            checked = self._tally_checked(events, stale | new_ids)
            events = [checked.get(ev.event_id, ev) for ev in events]
            kept_tallies = [ev for event_id, ev in checked.items() if event_id not in new_ids]
            changes = self._write_some(events + kept_tallies, stale - new_ids, added, updated)
            event_of = {cid: ev.event_id for ev in events for cid in ev.claims}
            for table in ("links", "raw_links"):
                db.executemany(f"INSERT INTO {table} (claim_id, event_id) VALUES (?, ?) ON CONFLICT (claim_id) "
                               "DO UPDATE SET event_id = excluded.event_id WHERE event_id != excluded.event_id",
                               sorted(event_of.items()))
            aliases = retired_aliases(previous, event_of, state.used)
            for old_id, event_id in aliases.items():
                for table in ("aliases", "raw_aliases"):
                    db.execute(f"INSERT INTO {table} (old_id, event_id) VALUES (?, ?) ON CONFLICT (old_id) "
                               "DO UPDATE SET event_id = excluded.event_id", (old_id, event_id))
            db.execute("INSERT INTO meta (key, value) VALUES ('rejected', '[]') "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            self._write_blocks(row for row in (
                (c, claims[block[0]].claim_id, claims[groups[n]].claim_id, parts[c][0], partners[c], *parts[c][1:])
                for n, block in enumerate(blocks) for c in (claims[i].claim_id for i in block)) if rows.get(row[0]) != row)
            n_redone = len(redone)
            # freed while the cyclic collector is off: its first pass after it is on walks every object still held
            del claims, blocks, pairs, groups, before, stored, rows, parts, partners, some_pairs, redone, events
            del some_fixed, outside
            del previous, event_of, checked, kept_tallies, state, clusterings
        total = db.execute("SELECT count(*) FROM blocks WHERE claim_id = block").fetchone()[0]  # `blocks_first`
        return replace(changes, blocks_rebuilt=len(some), blocks_kept=total - len(some),
                       claims_reclustered=n_redone), aliases

    def _tally_checked(self, events: Sequence[EventRecord], replaced: set[str]) -> dict[str, EventRecord]:
        """The running-total check (`TallyIndex.checked`) over this run's `events` and the stored events
        not `replaced` by them, on the flows whose events changed only: the old and new versions' flow
        keys. A stored tally of any other flow keeps its conflicts, as its flow's events are unchanged."""
        db = self.db
        keys: set[str] = set()
        for batch in chunks(sorted(replaced)):
            keys.update(r[0] for r in db.execute(
                f"SELECT key FROM flow_keys WHERE event_id IN ({placeholders(batch)})", batch))
        for ev in events:
            keys.update(flow_keys_of(ev))
        tallies = TallyIndex()
        for ev in events:
            tallies.add(ev)
        found: set[str] = set()
        for batch in chunks(sorted(keys)):
            found.update(r[0] for r in db.execute(
                f"SELECT event_id FROM flow_keys WHERE key IN ({placeholders(batch)})", batch))
        for batch in chunks(sorted(found - replaced)):
            for kind, spans, body in db.execute(
                    "SELECT kind, spans, CASE WHEN kind = 'tally' THEN body END FROM events "
                    f"WHERE event_id IN ({placeholders(batch)}) ORDER BY event_id", batch):
                if kind == "tally":
                    tallies.add(EventRecord.model_validate_json(body))
                elif spans and spans != "[]":
                    for key, span in spans_of(spans):
                        tallies.spans[key].append(span)
        return tallies.checked()

    def _write_some(self, events: Sequence[EventRecord], removed: set[str], added: int, updated: int) -> StoreChanges:
        """Write `events` where they changed and delete the `removed` ids."""
        db = self.db
        for e in sorted(removed):
            self._drop_event(e)
        ev_added = ev_changed = 0
        old: dict[str, str] = {}
        for batch in chunks(sorted({ev.event_id for ev in events})):
            old.update(db.execute(f"SELECT event_id, body FROM events WHERE event_id IN ({placeholders(batch)})",
                                  batch))
        for ev in events:
            body = ev.model_dump_json(by_alias=True)
            found = old.get(ev.event_id)
            if found is None:
                self._put_event(ev, body, insert=True)
                ev_added += 1
            elif found != body:
                self._put_event(ev, body, insert=False)
                ev_changed += 1
            old[ev.event_id] = body
        return StoreChanges(added, updated, ev_added, ev_changed, len(removed))

    def _put_event(self, ev: EventRecord, body: str, *, insert: bool) -> None:
        day = ev.date.start.isoformat() if ev.date and ev.date.start else None
        if insert:
            self.db.execute("INSERT INTO events (event_id, kind, date_start, body, spans) VALUES (?, ?, ?, ?, ?)",
                            (ev.event_id, ev.kind, day, body, spans_json(ev)))
        else:
            self.db.execute("UPDATE events SET kind = ?, date_start = ?, body = ?, spans = ? WHERE event_id = ?",
                            (ev.kind, day, body, spans_json(ev), ev.event_id))
            self.db.execute("DELETE FROM flow_keys WHERE event_id = ?", (ev.event_id,))
        self.db.executemany("INSERT INTO flow_keys (key, event_id) VALUES (?, ?)",
                            [(key, ev.event_id) for key in flow_keys_of(ev)])

    def _drop_event(self, event_id: str) -> None:
        self.db.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        self.db.execute("DELETE FROM flow_keys WHERE event_id = ?", (event_id,))

    def _retract(self, keep: set[str], docs: set[str]) -> tuple[list[str], list[Claim], set[str], set[str], set[str]]:
        """Delete the stored claims of `docs` and of events added by hand that are not in `keep`; returns
        their ids, their compact forms, the events that held them, and the blocks and parts they were in."""
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
        parts: set[str] = set()
        for batch in chunks(gone):
            qs = placeholders(batch)
            compact = dict(db.execute(f"SELECT claim_id, compact FROM claims WHERE claim_id IN ({qs})", batch))
            claims.extend(from_compact_json(compact[cid]) for cid in batch if compact.get(cid) is not None)
            held.update(r[0] for r in db.execute(f"SELECT event_id FROM links WHERE claim_id IN ({qs})", batch))
            for block, part in db.execute(f"SELECT block, part FROM blocks WHERE claim_id IN ({qs})", batch):
                blocks.add(block)
                if part is not None:
                    parts.add(part)
            for table in ("links", "raw_links", "blocks", "claim_keys", "claims"):
                db.execute(f"DELETE FROM {table} WHERE claim_id IN ({qs})", batch)
        return gone, claims, held, blocks, parts

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
            self._drop_event(e)
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
