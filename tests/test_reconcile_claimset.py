"""Claims kept on disk (`reconciling.claimset`): the same blocks, pairs and events as in memory."""

from __future__ import annotations

import io

import pytest

from extractor.reconciling import parse_claim, to_claim
from extractor.reconciling.blocking import candidate_pairs
from extractor.reconciling.claimset import ClaimSet
from extractor.reconciling.streaming import reconcile_to

from test_reconcile_blocks import invented_claims


def _blocks(rows, tmp_path, *, in_memory, max_block):
    claims = ClaimSet(tmp_path, in_memory=in_memory, max_block=max_block)
    for row in rows:
        claims.add(to_claim(parse_claim(row)))
    out = []
    for b in claims.blocks():
        n = len(b.claims)
        pairs = sorted(divmod(k, n) for k in b.pairs) if b.pairs is not None else None
        out.append(([c.claim_id for c in b.claims], pairs, b.group))
    claims.close()
    return out


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("max_block", [30, 5000])
def test_blocks_on_disk_are_the_blocks_in_memory(tmp_path, seed, max_block):
    rows = invented_claims(700, seed=seed, days=50)
    rows += [dict(r, claim_id=r["claim_id"], status="planned") for r in rows[:40] if r["type"] == "exchange"]
    held = _blocks(rows, tmp_path, in_memory=10**9, max_block=max_block)
    spilled = _blocks(rows, tmp_path, in_memory=50, max_block=max_block)
    assert [(ids, group) for ids, _, group in held] == [(ids, group) for ids, _, group in spilled]
    if max_block == 30:
        assert any(len(ids) > 1 and group != ids[0] for ids, _, group in held)  # some closed sets were cut
    by_id = {}
    for row in rows:
        c = to_claim(parse_claim(row))
        by_id[c.claim_id] = c
    for ids, pairs, _ in held:  # where the pairs were kept, they are those looked up on the block alone
        if pairs is not None:
            assert pairs == sorted(candidate_pairs([by_id[i] for i in ids]))


@pytest.mark.parametrize("seed", range(2))
def test_events_from_disk_are_byte_identical(tmp_path, seed):
    rows = invented_claims(600, seed=seed + 10, days=40)
    items = [parse_claim(r) for r in rows]
    held, spilled = io.StringIO(), io.StringIO()
    assert reconcile_to(held, items) == reconcile_to(spilled, items, in_memory=20, spill_dir=tmp_path)
    assert held.getvalue() == spilled.getvalue() and held.getvalue()


def test_a_store_built_from_disk_is_the_store_built_in_memory(tmp_path, monkeypatch):
    """The store's full run reads its claims back block by block past IN_MEMORY claims: same tables, and
    the events file of the run without a store."""
    from extractor.reconciling import claimset
    from extractor.storing import EventStore

    rows = invented_claims(500, seed=31, days=60)
    tables = ("events", "links", "aliases", "raw_links", "raw_aliases", "blocks")
    states = []
    for in_memory in (10**9, 25):
        monkeypatch.setattr(claimset, "IN_MEMORY", in_memory)
        with EventStore(tmp_path / f"{in_memory}.db") as st:
            st.update(parse_claim(r) for r in rows[:400])
            st.update((parse_claim(r) for r in rows[380:]), incremental=False)
            states.append(tuple(sorted(st.db.execute(f"SELECT * FROM {t}").fetchall()) for t in tables))
        with EventStore(tmp_path / f"once-{in_memory}.db") as st:
            st.update(parse_claim(r) for r in rows)
            bodies = "".join(b + "\n" for b in st.event_bodies())
    assert states[0] == states[1]
    plain = io.StringIO()
    reconcile_to(plain, [parse_claim(r) for r in rows])
    assert plain.getvalue() == bodies
