"""A set of claims too large to hold: kept in memory up to IN_MEMORY claims, beyond that on disk (SQLite in
compact form), and handed out block by block.

`ClaimSet.blocks()` gives the blocks `partition.partition_pairs` gives on the whole set, in the same order
(by first claim id). Up to IN_MEMORY claims it is `partition_pairs` itself (each block's candidate pairs
kept from the lookups). Beyond, the closed sets are found on disk:

- the lookups (`blocking.reach`) run one (kind, category) group at a time on that group's claims alone,
  read back in claim-id order (so every tie breaks as on the whole), and join claims in a union-find
  over integer arrays;
- the claims of one article, and an exchange with the agreement it names, are joined from SQL;
- each block is read back when its turn comes, and its candidate pairs are looked up on the block alone
  (a closed set gives the pairs the whole gives; a set cut in time is looked up alone in any case).

So memory is bounded by the largest group's lookups and the largest block, not by the set.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..contract.events import EventRecord
from .blocking import scan
from .blockrun import IdState, block_events
from .claims import Claim, compact_json, from_compact_json
from .clustering import Clustering
from .engines import BlockEngine, EngineName, block_engine
from . import partition
from .disjoint import DisjointSets
from .partition import cut_in_time, partition_pairs

IN_MEMORY = 1_000_000
_BATCH = 10_000


@dataclass(frozen=True, slots=True)
class Block:
    """A block's claims (sorted by claim id), its candidate pairs when known (see `partition_pairs`), and
    the first claim id of the closed set it was cut from (its own first claim id when it was not cut)."""

    claims: list[Claim]
    pairs: array | None
    group: str


@dataclass(frozen=True, slots=True)
class _When:
    """What `partition.cut_in_time` reads of a claim."""

    start: int | None
    end: int | None
    published: int | None


def _groups_of(c: Claim) -> str:
    return "\n".join(f"{c.kind}\t{cat}" for cat in sorted(c.categories or ("*",)))


class ClaimSet:
    """Add claims with `add` (a claim id given twice keeps its last version), then read `blocks()` once.
    `folder`: where the spill folder is made (and removed by `close`) once more than `in_memory` (IN_MEMORY) claims were added; `max_block`: see
    `partition.MAX_BLOCK` (its value when the blocks are read, by default)."""

    def __init__(self, folder: Path, *, in_memory: int | None = None, max_block: int | None = None) -> None:
        self.folder = folder
        self.in_memory = IN_MEMORY if in_memory is None else in_memory
        self.max_block = max_block
        self.held: dict[str, Claim] | None = {}
        self.db: sqlite3.Connection | None = None
        self._rows: list[tuple] = []

    def __len__(self) -> int:
        if self.held is not None:
            return len(self.held)
        self._flush()
        return self.db.execute("SELECT count(*) FROM raw").fetchone()[0]  # type: ignore[union-attr]

    def add(self, c: Claim, *, compact: str | None = None) -> None:
        """`compact`: the claim's `compact_json`, when known."""
        if self.held is not None:
            self.held[c.claim_id] = c
            if len(self.held) > self.in_memory:
                self._spill()
            return
        self._rows.append((c.claim_id, compact if compact is not None else compact_json(c), c.doc_id, c.kind,
                           c.agreement_ref, _groups_of(c), c.start, c.end, c.published))
        if len(self._rows) >= _BATCH:
            self._flush()

    def _spill(self) -> None:
        self._tmp = Path(tempfile.mkdtemp(dir=self.folder, prefix=".claims-"))
        db = self.db = sqlite3.connect(str(self._tmp / "claims.db"), isolation_level=None)
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA temp_store = FILE")
        db.execute("CREATE TABLE raw (claim_id TEXT PRIMARY KEY, compact TEXT NOT NULL, doc_id TEXT NOT NULL, "
                   "kind TEXT NOT NULL, ref TEXT, groups TEXT NOT NULL, start INTEGER, end_ INTEGER, "
                   "published INTEGER) WITHOUT ROWID")
        db.execute("BEGIN")
        held, self.held = self.held, None
        for c in held.values():  # type: ignore[union-attr]
            self.add(c)
        del held

    def _flush(self) -> None:
        if self._rows:
            self.db.executemany(  # type: ignore[union-attr]
                "INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id) DO UPDATE SET "
                "compact = excluded.compact, doc_id = excluded.doc_id, kind = excluded.kind, ref = excluded.ref, "
                "groups = excluded.groups, start = excluded.start, end_ = excluded.end_, "
                "published = excluded.published", self._rows)
            self._rows = []

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
            shutil.rmtree(self._tmp, ignore_errors=True)

    def blocks(self) -> Iterator[Block]:
        """Every block, in order of its first claim id."""
        if self.max_block is None:
            self.max_block = partition.MAX_BLOCK
        if self.held is not None:
            claims = [self.held[k] for k in sorted(self.held)]
            self.held = {}
            blocks, pairs, groups = partition_pairs(claims, max_block=self.max_block)
            for n, block in enumerate(blocks):
                found, pairs[n] = pairs[n], None
                yield Block([claims[i] for i in block], found, claims[groups[n]].claim_id)
            return
        yield from self._external()

    def _external(self) -> Iterator[Block]:
        db = self.db
        assert db is not None
        self._flush()
        # claims in claim-id order: index = rowid - 1
        db.execute("CREATE TABLE cl (claim_id TEXT NOT NULL, compact TEXT NOT NULL, doc_id TEXT NOT NULL, "
                   "kind TEXT NOT NULL, ref TEXT, start INTEGER, end_ INTEGER, published INTEGER)")
        db.execute("INSERT INTO cl SELECT claim_id, compact, doc_id, kind, ref, start, end_, published "
                   "FROM raw ORDER BY claim_id")
        db.execute("CREATE TABLE cg (g TEXT NOT NULL, idx INTEGER NOT NULL, PRIMARY KEY (g, idx)) WITHOUT ROWID")
        rows = ((g, idx) for idx, (groups,) in enumerate(db.execute("SELECT groups FROM raw ORDER BY claim_id"))
                for g in groups.split("\n"))
        db.executemany("INSERT INTO cg VALUES (?, ?)", rows)
        db.execute("DROP TABLE raw")
        db.execute("COMMIT")
        n = db.execute("SELECT count(*) FROM cl").fetchone()[0]
        uf = DisjointSets(n)
        union, union_all = uf.union, uf.union_all
        for (g,) in db.execute("SELECT DISTINCT g FROM cg ORDER BY g").fetchall():
            index = array("l")
            claims = []
            for idx, compact in db.execute("SELECT cg.idx, cl.compact FROM cg JOIN cl ON cl.rowid = cg.idx + 1 "
                                           "WHERE cg.g = ? ORDER BY cg.idx", (g,)):
                index.append(idx)
                claims.append(from_compact_json(compact))
            kind, cat = g.split("\t")
            members = range(len(claims))  # every claim read is of the group
            for i, reached, _ in scan(claims, group=(kind, cat), members=members, pairs=False):
                union_all(index[i], {index[j] for j in reached})
            del claims, index
        last_doc, first = None, -1
        for idx, doc in db.execute("SELECT rowid - 1, doc_id FROM cl ORDER BY doc_id, rowid"):
            if doc != last_doc:
                last_doc, first = doc, idx
            else:
                union(first, idx)
        refs: dict[str, list[int]] = {}
        for idx, ref in db.execute("SELECT rowid - 1, ref FROM cl WHERE ref IS NOT NULL"):
            refs.setdefault(ref, []).append(idx)
        if refs:
            for idx, cid in db.execute("SELECT rowid - 1, claim_id FROM cl WHERE kind = 'agreement'"):
                for i in refs.get(cid, ()):
                    union(i, idx)
        del refs
        blk, grp = self._assign(uf, n)
        del uf
        db.execute("BEGIN")
        # appended in claim order, indexed once: kept in (blk, idx) order, each row went to a random place in a
        # tree far past SQLite's page cache (as the events spill did, see `streaming`)
        db.execute("CREATE TABLE member (blk INTEGER NOT NULL, idx INTEGER NOT NULL, grp INTEGER NOT NULL)")
        db.executemany("INSERT INTO member VALUES (?, ?, ?)", ((blk[i], i, grp[i]) for i in range(n)))
        db.execute("CREATE UNIQUE INDEX member_order ON member (blk, idx, grp)")
        db.execute("COMMIT")
        del blk, grp
        current, group, claims = -1, -1, []
        rows = db.execute("SELECT m.blk, m.grp, c.compact FROM member m JOIN cl c ON c.rowid = m.idx + 1 "
                          "ORDER BY m.blk, m.idx")
        for b, g, compact in rows:
            if b != current:
                if claims:
                    yield Block(claims, None, self._claim_id(group))
                current, group, claims = b, g, []
            claims.append(from_compact_json(compact))
        if claims:
            yield Block(claims, None, self._claim_id(group))

    def _claim_id(self, idx: int) -> str:
        return self.db.execute("SELECT claim_id FROM cl WHERE rowid = ?", (idx + 1,)).fetchone()[0]  # type: ignore[union-attr]

    def _assign(self, uf: DisjointSets, n: int) -> tuple[array, array]:
        """Per claim, the first claim of its block and of its closed set (indices)."""
        find = uf.find
        first = array("l", [-1]) * n  # root -> first claim of its closed set
        big: dict[int, list[int]] = {}
        for i in range(n):
            r = find(i)
            if first[r] < 0:
                first[r] = i
            if uf.size[r] > self.max_block:
                big.setdefault(r, []).append(i)
        blk = array("l", [0]) * n
        grp = array("l", [0]) * n
        for i in range(n):
            blk[i] = grp[i] = first[find(i)]
        del first
        for members in big.values():
            when = {}
            for i in members:
                start, end, published = self.db.execute(  # type: ignore[union-attr]
                    "SELECT start, end_, published FROM cl WHERE rowid = ?", (i + 1,)).fetchone()
                when[i] = _When(start, end, published)
            for run in cut_in_time(when, members, max_block=self.max_block):  # type: ignore[arg-type]
                for i in run:
                    blk[i] = run[0]
        return blk, grp


def clustered_blocks(blocks: Iterable[Block], *, engine: EngineName | BlockEngine = "local",
                     pairs_of: Callable[[Block], array | None] | None = None
                     ) -> Iterator[tuple[Block, array | None, Clustering]]:
    """Each block with the pairs handed to the engine and its clustering, in block order. `pairs_of`: the
    pairs to hand out for a block (the store looks up a cut block's pairs here, as it hashes them), by
    default its own (`Block.pairs`; None: looked up by the engine)."""
    pending: deque[tuple[Block, array | None]] = deque()

    def fed() -> Iterator[tuple[list[Claim], array | None]]:
        for b in blocks:
            found = b.pairs if pairs_of is None else pairs_of(b)
            pending.append((b, found))
            yield b.claims, found

    for clustering in block_engine(engine).cluster(fed()):
        b, found = pending.popleft()
        yield b, found, clustering


def events_of_blocks(blocks: Iterable[Block], ids: IdState, *, engine: EngineName | BlockEngine = "local",
                     near_misses_per_event: int) -> Iterator[tuple[Block, list[EventRecord]]]:
    """Each block with its events (see `blockrun.block_events`), in block order; blocks clustered on `engine`."""
    for b, _, clustering in clustered_blocks(blocks, engine=engine):
        yield b, block_events(b.claims, clustering, ids, near_misses_per_event=near_misses_per_event)


__all__ = ["IN_MEMORY", "Block", "ClaimSet", "clustered_blocks", "events_of_blocks"]
