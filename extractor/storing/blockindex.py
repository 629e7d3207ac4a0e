"""What an update can reach, found in the store without reading the claims it cannot.

A claim meets others only through lookup keys (see `reconciling.blocking`: the keys it is filed under
and those it looks up), its article and its agreement. The `claim_keys` table holds them per claim, so
for the claims an update adds, changes or retracts (old and new versions: `touched`):

- the claims filed under a key a touched claim looks up may now be found, or no longer be;
- under a key a touched claim is filed under, every claim looking it up may find other claims now (the
  caps keep the nearest), and so every claim filed there too, when anything looks that key up;
- the other claims of its article and the claims naming the same agreement are in its block.

The closed sets (`blocks.grp`) holding these claims are the only ones the update can change: a
claim of any other set shares no key with a touched claim, so its lookups find what they found.
"""

from __future__ import annotations

import json
import sqlite3
from functools import lru_cache
from collections.abc import Iterable, Iterator, Sequence

from ..contract.events import EventRecord
from ..reconciling.blocking import filed_keys, lookup_keys
from ..reconciling.checks import exchange_spans
from ..reconciling.claims import Claim

FILED, LOOKS, LINKED = 0, 1, 2
CHUNK = 500  # ids per `IN (...)` query


@lru_cache(maxsize=1 << 16)  # keys recur across claims (a pair of sides, an article's claims)
def _key(parts: tuple) -> str:
    return json.dumps(list(parts), ensure_ascii=False, separators=(",", ":"))


def claim_keys(c: Claim) -> list[tuple[str, int]]:
    """(key, role) rows of one claim: FILED, LOOKS or LINKED (article, agreement)."""
    rows = [(_key(k), FILED) for k in filed_keys(c)] + [(_key(k), LOOKS) for k in lookup_keys(c)]
    rows.append((_key(("doc", c.doc_id)), LINKED))
    if c.kind == "agreement":
        rows.append((_key(("ref", c.claim_id)), LINKED))
    if c.agreement_ref is not None:
        rows.append((_key(("ref", c.agreement_ref)), LINKED))
    return sorted(set(rows))


def write_keys(db: sqlite3.Connection, claims: Iterable[Claim]) -> None:
    db.executemany("INSERT INTO claim_keys (key, claim_id, looks) VALUES (?, ?, ?)",
                   ((key, c.claim_id, role) for c in claims for key, role in claim_keys(c)))


def chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for i in ids:
        batch.append(i)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def placeholders(batch: Sequence) -> str:
    """The `?,?,…` of an SQL `IN (…)` over one batch of `chunks`."""
    return ",".join("?" * len(batch))


def reached_sets(db: sqlite3.Connection, touched: Sequence[Claim]) -> set[str]:
    """The closed sets (`blocks.grp`) holding a stored claim whose lookups, or whose being found, the
    `touched` claims can change, or a stored version of a touched claim: the keys are joined to the
    blocks in SQL, so the claims reached are never listed here."""
    looked: set[str] = set()
    filed: set[str] = set()
    linked: set[str] = set()
    for c in touched:
        for key, role in claim_keys(c):
            (filed, looked, linked)[role].add(key)
    out: set[str] = set()
    looked_up = set(looked)  # keys filed under that some stored or touched claim looks up
    for batch in chunks(sorted(filed - looked)):
        looked_up.update(r[0] for r in db.execute(
            f"SELECT DISTINCT key FROM claim_keys WHERE looks = {LOOKS} AND key IN ({placeholders(batch)})", batch))
    whole = filed & looked_up  # keys whose claims filed under them and looking them up are all read
    for keys, roles in ((whole, f"< {LINKED}"), (looked - whole, f"= {FILED}"), (linked, f"= {LINKED}")):
        for batch in chunks(sorted(keys)):
            out.update(r[0] for r in db.execute(
                "SELECT DISTINCT b.grp FROM claim_keys k JOIN blocks b ON b.claim_id = k.claim_id "
                f"WHERE k.key IN ({placeholders(batch)}) AND k.looks {roles}", batch))
    for batch in chunks(sorted({c.claim_id for c in touched})):
        out.update(r[0] for r in db.execute(f"SELECT grp FROM blocks WHERE claim_id IN ({placeholders(batch)})", batch))
    out.discard(None)  # type: ignore[arg-type]
    return out


def spans_json(ev: EventRecord) -> str:
    """What the running-total check needs of an event (`checks.exchange_spans`), as stored."""
    return json.dumps([[list(key), list(span)] for key, span in exchange_spans(ev)], ensure_ascii=False,
                      separators=(",", ":"))


def flow_keys_of(ev: EventRecord) -> list[str]:
    """The flows the running-total check reads an event under (`checks.tally_checks`): a completed
    exchange's counted flows (`checks.exchange_spans`), a tally's flow."""
    if ev.kind == "tally":
        return [_key((f.from_, f.to, f.category)) for f in ev.flows[:1]]
    return sorted({_key(key) for key, _ in exchange_spans(ev)})


def spans_of(text: str) -> list[tuple[tuple, tuple[int, int, int]]]:
    return [(tuple(key), tuple(span)) for key, span in json.loads(text)]  # type: ignore[misc]


__all__ = ["claim_keys", "chunks", "flow_keys_of", "reached_sets", "spans_json", "spans_of", "write_keys"]
