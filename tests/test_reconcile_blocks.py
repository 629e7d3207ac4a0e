"""Reconciling by blocks: each block alone gives what the whole gives, and no block outgrows its bound."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from extractor.reconciling import as_claims, cluster_blocks, parse_claim
from extractor.reconciling.clustering import cluster_claims
from extractor.reconciling.partition import partition

SIDES = ["NOR", "SWE", "FIN", "EST", "LVA", "LTU", "ISL", "DNK"]
CATS = ["pows", "bodies", "civilians"]


def _count(n):
    return {"value": n, "min": n, "max": n, "qualifier": "exact"}


def _date(day):
    d = dt.date.fromordinal(day).isoformat()
    return {"start": d, "end": d, "precision": "day"}


def invented_claims(n: int, *, seed: int, days: int = 120, pairs: int = 3) -> list[dict]:
    """Invented claim lines: a few pairs of sides reporting swaps in a short span (so the capped lookups
    are crowded), with undated reports, reports naming one side or none, articles holding several
    claims, agreements named by the exchanges that execute them, and running totals."""
    rng = random.Random(seed)
    day0 = dt.date(2031, 3, 1).toordinal()
    dyads = [tuple(rng.sample(SIDES, 2)) for _ in range(pairs)]
    rows: list[dict] = []
    doc = 0
    while len(rows) < n:
        a, b = rng.choice(dyads)
        day = day0 + rng.randrange(days)
        cat = rng.choice(CATS)
        size = rng.choice([1, 2, 5, 40, 90, 200, 300])
        kind = rng.random()
        if kind < 0.08:
            doc += 1
            rows.append({"type": "agreement", "doc_id": f"a{doc}", "claim_id": f"a{doc}#0", "date": _date(day),
                         "parties": [a, b], "location": None,
                         "terms": [{"from": a, "to": b, "category": cat, "count": _count(size)}]})
            continue
        if kind < 0.12:
            doc += 1
            rows.append({"type": "tally", "doc_id": f"t{doc}", "claim_id": f"t{doc}#0", "as_of": _date(day),
                         "scope": "since the start of the war",
                         "flow": {"from": a, "to": b, "category": cat, "count": _count(size * 10)}})
            continue
        for _ in range(rng.randrange(1, 7)):
            doc += 1
            for k in range(1 if rng.random() < 0.8 else 2):
                r = rng.random()
                src, dst = (a, b) if r > 0.15 else (a, None) if r > 0.05 else (None, None)
                value = size if rng.random() < 0.8 else size + rng.randrange(1, 4)
                published = day + rng.randrange(3)
                q = rng.random()
                date = None if q < 0.3 else _date(published) if q < 0.4 else _date(day + k)
                row = {"type": "exchange", "doc_id": f"d{doc}", "claim_id": f"d{doc}#{k}",
                       "status": "completed" if rng.random() < 0.85 else "planned", "date": date,
                       "flows": [{"from": src, "to": dst, "category": cat,
                                  "count": None if rng.random() < 0.1 else _count(value)}],
                       "location": None, "mediators": []}
                if rng.random() < 0.7:
                    row["published"] = dt.date.fromordinal(published).isoformat()
                if rng.random() < 0.05 and doc > 1:
                    row["agreement"] = f"a{rng.randrange(1, doc)}#0"
                rows.append(row)
    return rows[:n]


def _claims(rows):
    return as_claims(parse_claim(r) for r in rows)


def _same(a, b, claims):
    ids = lambda groups: sorted(tuple(claims[i].claim_id for i in g) for g in groups)  # noqa: E731
    assert ids(a.groups) == ids(b.groups)
    key = lambda m: (claims[m.a].claim_id, claims[m.b].claim_id, m.score, m.reasons, m.stage)  # noqa: E731
    assert sorted(map(key, a.merges)) == sorted(map(key, b.merges))
    key = lambda m: (claims[m.a].claim_id, claims[m.b].claim_id, m.score, m.reasons, m.blocked_by)  # noqa: E731
    assert sorted(map(key, a.misses)) == sorted(map(key, b.misses))
    assert sorted(a.stage_links) == sorted(b.stage_links)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("n,days", [(300, 60), (900, 40)])
def test_blocks_alone_give_what_the_whole_gives(seed, n, days):
    claims = _claims(invented_claims(n, seed=seed, days=days))
    blocks = partition(claims)
    assert sorted(i for b in blocks for i in b) == list(range(len(claims)))
    _same(cluster_blocks(claims, blocks), cluster_claims(claims), claims)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("n,days", [(300, 60), (700, 200)])
def test_parts_alone_give_what_the_block_gives(seed, n, days):
    """A block's parts (`Clustering.parts`), each clustered alone on the block's pairs with its claims,
    the claims paired with them given as they are (`fixed`: their clusters' fifth pairs) to rank the
    near misses, give the block's groups, merges, near misses and stage links: the event store re-clusters
    only the parts an update reaches."""
    from array import array

    from extractor.reconciling.blocking import candidate_pairs
    from extractor.reconciling.clustering import Clustering, Merge, Miss

    claims = _claims(invented_claims(n, seed=seed, days=days))
    whole = cluster_claims(claims)
    members: dict[int, list[int]] = {}
    for i, first in enumerate(whole.parts):
        members.setdefault(first, []).append(i)
    assert all(first == part[0] for first, part in members.items())
    assert 1 < len(members) < len(claims)
    cluster = {i: g for g, group in enumerate(whole.groups) for i in group}
    pairs = list(candidate_pairs(claims))
    partners: dict[int, set[int]] = {}
    for i, j in pairs:
        partners.setdefault(i, set()).add(j)
        partners.setdefault(j, set()).add(i)
    groups, merges, misses, stages = [], [], set(), []
    for part in members.values():
        inside = set(part)
        ring = {j for i in part for j in partners.get(i, ()) if j not in inside}
        sub = sorted(inside | ring)
        local = {i: k for k, i in enumerate(sub)}
        found = array("q", (local[i] * len(sub) + local[j] for i, j in pairs if i in inside or j in inside))
        fixed = [None if i in inside else whole.fifth[i] for i in sub]
        alone = cluster_claims([claims[i] for i in sub], found, fixed)
        assert {sub[k] for k, first in enumerate(alone.parts) if fixed[k] is None and sub[first] != part[0]} == set()
        assert [alone.fifth[k] for k, i in enumerate(sub) if i in inside] == [whole.fifth[i] for i in sub if i in inside]
        groups += [[sub[k] for k in g] for g in alone.groups]
        merges += [Merge(sub[m.a], sub[m.b], m.score, m.reasons, m.stage) for m in alone.merges]
        misses |= {Miss(sub[m.a], sub[m.b], m.score, m.reasons, m.blocked_by) for m in alone.misses}
        stages += [(sub[a], sub[b]) for a, b in alone.stage_links]
    assert len(whole.misses) > len(members) // 4  # near misses across parts are ranked too
    _same(Clustering(groups=groups, merges=merges, misses=list(misses), stage_links=stages), whole, claims)


@pytest.mark.parametrize("max_block", [25, 60])
def test_no_block_outgrows_its_bound(max_block):
    rows = invented_claims(800, seed=3, days=30, pairs=1)  # one very common pair of sides
    rows += [dict(r, claim_id=f"u{k}#0", doc_id=f"u{k}", date=None, published=None)  # a pile of undated claims
             for k, r in enumerate(r for r in invented_claims(300, seed=4) if r["type"] == "exchange")]
    claims = _claims(rows)
    blocks = partition(claims, max_block=max_block)
    assert max(len(b) for b in blocks) <= max_block
    assert sorted(i for b in blocks for i in b) == list(range(len(claims)))
    assert partition(claims, max_block=max_block) == blocks
    result = cluster_blocks(claims, blocks)
    assert sorted(i for g in result.groups for i in g) == list(range(len(claims)))


def _store_state(st) -> tuple:
    tables = ("events", "links", "aliases", "raw_links", "raw_aliases", "blocks")
    return tuple(sorted(st.db.execute(f"SELECT * FROM {t}").fetchall()) for t in tables)


def test_incremental_store_updates_equal_a_full_rebuild(tmp_path):
    from extractor.storing import EventStore

    rows = invented_claims(700, seed=8, days=400, pairs=5)
    first, later = rows[:600], rows[600:]
    rebuilt = dict(rows[3], flows=[dict(rows[3]["flows"][0], count=_count(77))]) if rows[3]["type"] == "exchange" \
        else dict(rows[3], date=None)
    retracted_doc = next(r["doc_id"] for r in rows[10:] if r["type"] == "exchange")
    two = next(r for r in rows[:600] if r["claim_id"].endswith("#1") and r["doc_id"] != retracted_doc)
    first_of_two = next(r for r in rows if r["claim_id"] == two["doc_id"] + "#0")
    replaced = dict(first_of_two, status="planned", date=None)
    steps = [
        (first, ()),
        (later[:40], ()),  # new claims
        (later[40:] + [rebuilt], ()),  # new claims and a claim given again with new content
        ([], (retracted_doc,)),  # an article re-extracted with no claims left: its claims retracted
        ([replaced], (replaced["doc_id"],)),  # an article re-extracted: one claim changed, the other retracted
    ]
    with EventStore(tmp_path / "inc.db") as inc, EventStore(tmp_path / "full.db") as full:
        for batch, replaced in steps:
            _, a = inc.reconcile([parse_claim(r) for r in batch], replace_docs=replaced)
            _, b = full.reconcile([parse_claim(r) for r in batch], replace_docs=replaced, incremental=False)
            assert _store_state(inc) == _store_state(full)
            assert list(inc.event_bodies()) == list(full.event_bodies())
            assert inc.check() == [] and full.check() == []
            assert (a.events_added, a.events_changed, a.events_removed) == (b.events_added, b.events_changed,
                                                                            b.events_removed)
        assert (a.claims_updated, a.claims_retracted) == (1, 1)  # the last step: the article re-extracted
        assert 0 < a.blocks_rebuilt < a.blocks_rebuilt + a.blocks_kept == b.blocks_rebuilt
        assert b.blocks_kept == 0
        _, again = inc.reconcile([])
        assert again.total == 0 and again.blocks_rebuilt == 0


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("max_block", [None, 40])
def test_updates_touching_few_blocks_equal_a_rebuild(tmp_path, monkeypatch, seed, max_block):
    """Many small updates (new claims, claims given again changed, articles retracted), each through the
    claims the update can reach only, give the store a rebuild gives, also where closed sets are cut."""
    from extractor.reconciling import partition as partition_module
    from extractor.storing import EventStore

    if max_block is not None:
        monkeypatch.setattr(partition_module, "MAX_BLOCK", max_block)
    rng = random.Random(seed)
    rows = invented_claims(520, seed=20 + seed, days=200, pairs=4)
    steps = [(rows[:400], ())]
    for k in range(400, 520, 30):
        batch = rows[k:k + 30]
        old = rng.choice(rows[:k])
        if old["type"] == "exchange":
            batch = batch + [dict(old, date=None, status="planned")]
        gone = rng.choice(rows[:k])["doc_id"]
        steps.append((batch, (gone,) if all(r["doc_id"] != gone for r in batch) else ()))
    fewer = 0
    with EventStore(tmp_path / "inc.db") as inc, EventStore(tmp_path / "full.db") as full:
        for batch, replaced in steps:
            a = inc.update([parse_claim(r) for r in batch], replace_docs=replaced)
            b = full.update([parse_claim(r) for r in batch], replace_docs=replaced, incremental=False)
            assert _store_state(inc) == _store_state(full)
            assert list(inc.event_bodies()) == list(full.event_bodies())
            assert (a.events_added, a.events_changed, a.events_removed) == (b.events_added, b.events_changed,
                                                                            b.events_removed)
            fewer += a.claims_reclustered < b.claims_reclustered
        assert inc.check() == []
        assert fewer == len(steps) - 1  # every update but the first re-clustered only the parts it reaches


@pytest.mark.parametrize("seed", range(3))
def test_blocks_keep_the_pairs_their_lookups_give(seed):
    from extractor.reconciling.blocking import candidate_pairs
    from extractor.reconciling.partition import partition_pairs

    claims = _claims(invented_claims(900, seed=seed, days=40))
    blocks, pairs, groups = partition_pairs(claims, max_block=80)
    assert any(p is None for p in pairs) and any(p is not None for p in pairs)
    for block, found, group in zip(blocks, pairs, groups):
        if found is None:
            assert group < block[0] or len(block) <= 80
            continue
        assert group == block[0]
        part = [claims[i] for i in block]
        assert sorted(divmod(k, len(block)) for k in found) == sorted(candidate_pairs(part))


@pytest.mark.parametrize("seed", range(2))
def test_no_pair_apart_in_time_is_scored(seed):
    from dates_apart import apart
    from extractor.reconciling.blocking import candidate_pairs

    claims = _claims(invented_claims(600, seed=seed, days=40))
    found = list(candidate_pairs(claims))
    assert len(found) > 1000
    assert not [(i, j) for i, j in found if apart(claims[i], claims[j])]


def test_incremental_store_equals_the_batch_grouping(tmp_path):
    from extractor.reconciling import reconcile
    from extractor.storing import EventStore

    rows = invented_claims(500, seed=9, days=300, pairs=4)
    with EventStore(tmp_path / "s.db") as st:
        for k in range(0, len(rows), 125):
            result, _ = st.reconcile([parse_claim(r) for r in rows[k:k + 125]])
    batch = reconcile([parse_claim(r) for r in rows])
    assert {frozenset(e.claims) for e in result.events} == {frozenset(e.claims) for e in batch.events}


def test_ray_engine_gives_the_local_bytes(tmp_path):
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    import json

    from extractor.storing.reconcile import reconcile_files

    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(r) + "\n" for r in invented_claims(600, seed=12, days=200, pairs=4)))
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        for store in (None, "s.db"):
            local, remote = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
            reconcile_files([claims], output=local, force=True, store=tmp_path / f"l-{store}" if store else None)
            reconcile_files([claims], output=remote, force=True, engine="ray",
                            store=tmp_path / f"r-{store}" if store else None)
            assert remote.read_bytes() == local.read_bytes()
    finally:
        if started:
            ray.shutdown()


@pytest.mark.parametrize("seed", range(3))
def test_reach_group_by_group_is_the_whole_reach(seed):
    from extractor.reconciling.blocking import group_members, reach

    claims = _claims(invented_claims(700, seed=seed, days=50))
    grouped = {pair for g in sorted(group_members(claims)) for pair in reach(claims, group=g)}
    assert grouped == set(reach(claims))


def test_ray_engine_missing_is_a_coded_error(monkeypatch):
    import sys

    from extractor.errors import CodedError
    from extractor.reconciling.engines import block_engine

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(CodedError) as err:
        block_engine("ray")
    assert err.value.code == "E403"


def test_worker_processes_give_the_one_process_bytes(tmp_path, monkeypatch):
    import json

    from extractor.reconciling import engines
    from extractor.storing.reconcile import reconcile_files

    monkeypatch.setattr(engines, "BATCH_CLAIMS", 40)  # many tasks in flight, finished out of order

    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(r) + "\n" for r in invented_claims(600, seed=12, days=200, pairs=4)))
    for store in (None, "s.db"):
        one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
        reconcile_files([claims], output=one, force=True, store=tmp_path / f"1-{store}" if store else None)
        reconcile_files([claims], output=two, force=True, workers=2, store=tmp_path / f"2-{store}" if store else None)
        assert two.read_bytes() == one.read_bytes()


def test_a_version_4_store_gets_its_flow_keys_and_updates_as_a_rebuild(tmp_path):
    """A store of version 4 (no flow keys, no parts) is upgraded on opening: its flow keys are filled in,
    and its next update re-clusters the blocks it touches whole (their parts are unknown), giving the
    events a rebuild gives."""
    from extractor.storing import EventStore

    rows = invented_claims(500, seed=12, days=300, pairs=4)
    for name in ("old.db", "full.db"):
        with EventStore(tmp_path / name) as st:
            st.update([parse_claim(r) for r in rows[:450]])
    with EventStore(tmp_path / "old.db") as st:
        keys = sorted(st.db.execute("SELECT key, event_id FROM flow_keys"))
        assert keys
        st.db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        st.db.execute("DELETE FROM flow_keys")
        st.db.execute("UPDATE blocks SET part = NULL, partners = NULL")
    with EventStore(tmp_path / "old.db") as old, EventStore(tmp_path / "full.db") as full:
        assert sorted(old.db.execute("SELECT key, event_id FROM flow_keys")) == keys
        old.update([parse_claim(r) for r in rows[450:]])
        full.update([parse_claim(r) for r in rows[450:]], incremental=False)
        assert list(old.event_bodies()) == list(full.event_bodies())
        assert _store_state(old)[:-1] == _store_state(full)[:-1]
        blocks = "SELECT claim_id, block, grp FROM blocks ORDER BY claim_id"  # the parts of untouched blocks stay unknown
        assert old.db.execute(blocks).fetchall() == full.db.execute(blocks).fetchall()


@pytest.mark.parametrize("stored", ["1", None])
def test_blocks_of_another_scoring_version_are_not_kept(tmp_path, stored):
    """A store whose blocks were clustered by another scoring version (or by a store that recorded none) drops
    them on opening: its next update re-reconciles every block and gives the events a rebuild gives."""
    from extractor.reconciling.scoring import SCORING_VERSION
    from extractor.storing import EventStore

    rows = invented_claims(300, seed=29, days=200, pairs=3)
    for name in ("old.db", "full.db"):
        with EventStore(tmp_path / name) as st:
            st.update([parse_claim(r) for r in rows[:270]])
    with EventStore(tmp_path / "old.db") as st:
        assert st.db.execute("SELECT value FROM meta WHERE key = 'scoring_version'").fetchone()[0] == SCORING_VERSION
        if stored is None:
            st.db.execute("DELETE FROM meta WHERE key = 'scoring_version'")
        else:
            st.db.execute("UPDATE meta SET value = ? WHERE key = 'scoring_version'", (stored,))
    with EventStore(tmp_path / "old.db") as old, EventStore(tmp_path / "full.db") as full:
        assert old.db.execute("SELECT count(*) FROM blocks").fetchone()[0] == 0
        assert old.db.execute("SELECT value FROM meta WHERE key = 'scoring_version'").fetchone()[0] == SCORING_VERSION
        assert full.db.execute("SELECT count(*) FROM blocks").fetchone()[0] > 0  # the same version keeps its blocks
        old.update([parse_claim(r) for r in rows[270:]])
        full.update([parse_claim(r) for r in rows[270:]], incremental=False)
        assert list(old.event_bodies()) == list(full.event_bodies())
        assert old.db.execute("SELECT count(*) FROM blocks").fetchone()[0] > 0


def test_a_version_6_store_updates_as_a_rebuild_and_gets_the_finer_parts(tmp_path):
    """A store of version 6 (parts joined by every pair a near miss can show, no near hash) is opened as
    it is: a block its next update touches is re-clustered whole, giving the events a rebuild gives, and
    gets the finer parts; the blocks it does not touch keep theirs until an update reaches them."""
    from extractor.storing import EventStore

    rows = invented_claims(500, seed=13, days=300, pairs=4)
    for name in ("old.db", "full.db"):
        with EventStore(tmp_path / name) as st:
            st.update([parse_claim(r) for r in rows[:450]])
    with EventStore(tmp_path / "old.db") as st:
        st.db.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
        st.db.execute("UPDATE blocks SET near = NULL, anchored = NULL, fifth = NULL")
    with EventStore(tmp_path / "old.db") as old, EventStore(tmp_path / "full.db") as full:
        assert old.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "7"
        a = old.update([parse_claim(r) for r in rows[450:]])
        b = full.update([parse_claim(r) for r in rows[450:]])
        assert list(old.event_bodies()) == list(full.event_bodies())
        assert _store_state(old)[:-1] == _store_state(full)[:-1]
        assert a.claims_reclustered > b.claims_reclustered  # touched blocks whole, once
        assert old.db.execute("SELECT count(*) FROM blocks WHERE near IS NULL").fetchone()[0] > 0
        a = old.update([parse_claim(r) for r in rows[:450]])
        assert a.total == 0


@pytest.mark.parametrize(("seed", "per_day", "lo", "hi"), [
    (0, 1, 100, 100), (1, 6, 100, 100), (2, 12, 98, 104), (3, 3, 90, 130), (4, 40, 101, 101), (5, 0, 100, 100),
])
def test_nearest_dated_claims_are_the_cap_nearest_of_their_weeks(seed, per_day, lo, hi):
    """`blocking._nearest_dated` looks at a few claims of each week only; it gives what ranking every claim
    of the weeks looked up by (days away, index) gives, ties of one day included."""
    from array import array

    from extractor.reconciling.blocking import CAP, WEEK, _nearest_dated

    rng = random.Random(seed)
    times: list[int] = []
    weeks: dict[tuple, array] = {}
    for day in range(70, 140):
        for _ in range(rng.randint(0, 2 * per_day)):
            end = day + (rng.choice([0, 0, 0, 3, 9]))
            j = len(times)
            times.append(day)
            for w in range(day // WEEK, end // WEEK + 1):  # filed under every week of its span, as `scan` does
                weeks.setdefault(("k", w), array("q")).append(j)
    looked = list(range((lo - 7) // WEEK, (hi + 7) // WEEK + 1))
    found = {j for w in looked for j in weeks.get(("k", w), ())}
    scale = len(times) + 1
    expected = sorted(found, key=lambda j: (max(lo - times[j], times[j] - hi, 0), j))[:CAP]
    assert _nearest_dated(weeks, {}, times, "k", looked, lo, hi, scale) == expected
