"""The SQLite event store: incremental runs, idempotence, stable ids, surviving a kill mid-write."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from extractor.errors import CodedError
from extractor.reconciling import parse_claim, reconcile
from extractor.storing import EventStore

ROOT = Path(__file__).resolve().parents[1]


def ex(claim_id, pairs, date=None, status="completed"):
    flows = [{"from": a, "to": b, "category": cat, "count": None if n is None else
              {"value": n, "min": n, "max": n, "qualifier": "exact"}} for a, b, cat, n in pairs]
    d = None if date is None else {"start": date, "end": date, "precision": "day"}
    return {"type": "exchange", "doc_id": claim_id.split("#")[0], "claim_id": claim_id, "status": status,
            "date": d, "flows": flows, "location": None, "mediators": []}


def swap(n, m=None):
    return [("RUS", "UKR", "pows", n), ("UKR", "RUS", "pows", n if m is None else m)]


def items(rows):
    return [parse_claim(r) for r in rows]


BATCH_A = [ex("a#0", swap(390), "2025-05-23"), ex("b#0", swap(390), "2025-05-23"),
           ex("a#1", swap(307), "2025-05-24"), ex("c#0", [("RUS", "UKR", "bodies", 1000), ("UKR", "RUS", "bodies", 19)], "2025-07-17")]
BATCH_B = [ex("d#0", swap(307), "2025-05-24"), ex("e#0", swap(390)),  # joins known events
           ex("f#0", [("RUS", "UKR", "bodies", 1000), ("UKR", "RUS", "bodies", 19)], "2025-08-19"),  # a new one
           ex("0#0", swap(390), "2025-05-23")]  # sorts before every known claim id


def events_json(store: EventStore) -> list[str]:
    return list(store.event_bodies())


def test_new_store_holds_claims_events_and_links(tmp_path):
    with EventStore(tmp_path / "s.db") as st:
        result, changes = st.reconcile(items(BATCH_A))
        assert (changes.claims_added, changes.events_added) == (4, len(result.events)) == (4, 3)
        assert st.counts() == {"claims": 4, "events": 3, "links": 4, "aliases": 0}
        assert st.check() == []
        assert st.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rerunning_the_same_input_changes_nothing(tmp_path):
    path = tmp_path / "s.db"
    with EventStore(path) as st:
        st.reconcile(items(BATCH_A))
        before = events_json(st)
        _, changes = st.reconcile(items(BATCH_A))
        assert changes.total == 0
        assert events_json(st) == before
        _, changes = st.reconcile([])
        assert changes.total == 0


def test_incremental_runs_keep_ids_duplicate_nothing_and_match_a_batch_run(tmp_path):
    with EventStore(tmp_path / "s.db") as st:
        first, _ = st.reconcile(items(BATCH_A))
        second, changes = st.reconcile(items(BATCH_B + BATCH_A[:2]))  # some claims given again
        assert changes.claims_added == 4 and changes.claims_updated == 0
        assert st.counts()["claims"] == 8 and st.check() == []
        for claim_id, event_id in first.event_of.items():
            assert second.event_of[claim_id] == event_id  # existing ids kept
        batch = reconcile(items(BATCH_A + BATCH_B))
        assert {frozenset(e.claims) for e in batch.events} == {frozenset(e.claims) for e in second.events}
        assert second.event_of["0#0"] == first.event_of["a#0"]  # not re-derived from the new earliest claim


def test_incremental_order_does_not_matter_for_the_grouping(tmp_path):
    with EventStore(tmp_path / "one.db") as one, EventStore(tmp_path / "two.db") as two:
        one.reconcile(items(BATCH_A))
        one.reconcile(items(BATCH_B))
        two.reconcile(items(BATCH_B))
        two.reconcile(items(BATCH_A))
        groups = lambda st: {frozenset(e.claims) for e in st.events()}  # noqa: E731
        assert groups(one) == groups(two)


def test_a_claim_given_again_with_new_content_is_updated_not_duplicated(tmp_path):
    with EventStore(tmp_path / "s.db") as st:
        st.reconcile(items(BATCH_A))
        changed = ex("c#0", [("RUS", "UKR", "bodies", 1000), ("UKR", "RUS", "bodies", 20)], "2025-07-17")
        _, changes = st.reconcile(items([changed]))
        assert (changes.claims_added, changes.claims_updated) == (0, 1)
        assert st.counts()["claims"] == 4 and st.check() == []


def test_events_merged_by_new_evidence_leave_an_alias(tmp_path):
    a = ex("a#0", [("RUS", "UKR", "bodies", 1212)], "2025-06-04")
    b = ex("b#0", [("UKR", "RUS", "bodies", 27)])  # no shared flow with a: too weak alone
    bridge = ex("c#0", [("RUS", "UKR", "bodies", 1212), ("UKR", "RUS", "bodies", 27)])
    with EventStore(tmp_path / "s.db") as st:
        first, _ = st.reconcile(items([a, b]))
        assert len(first.events) == 2
        second, changes = st.reconcile(items([bridge]))
        assert len(second.events) == 1 and changes.events_removed == 1
        (kept,) = second.events
        assert kept.event_id == first.event_of["a#0"]
        assert st.aliases() == {first.event_of["b#0"]: kept.event_id}
        assert st.resolve(first.event_of["b#0"]) == kept.event_id
        assert st.check() == []


def test_not_a_store_and_missing_store(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CodedError) as err:
        EventStore(junk)
    assert err.value.code == "E304"
    with pytest.raises(CodedError) as err:
        EventStore(tmp_path / "none.db", create=False)
    assert err.value.code == "E305"
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(CodedError) as err:
        EventStore(other)
    assert err.value.code == "E304"


def test_schema_version_mismatch(tmp_path):
    path = tmp_path / "s.db"
    EventStore(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(CodedError) as err:
        EventStore(path)
    assert err.value.code == "E308"


WRITER = textwrap.dedent("""
    import json, sys, time
    import extractor.storing.store as m
    from extractor.reconciling import parse_claim
    path, rows = sys.argv[1], [json.loads(l) for l in open(sys.argv[2])]
    def stalling(original):
        def stalled(self, *a, **k):
            out = original(self, *a, **k)
            print("WRITING", flush=True)   # inside the transaction, after the events are written
            time.sleep(60)
            return out
        return stalled
    m.EventStore._write = stalling(m.EventStore._write)   # a full run
    m.EventStore._write_some = stalling(m.EventStore._write_some)   # an update of the touched blocks
    with m.EventStore(path) as st:
        st.reconcile([parse_claim(r) for r in rows])
""")


def _spawn(tmp_path, path, rows, script):
    claims = tmp_path / "batch.jsonl"
    claims.write_text("".join(json.dumps(r) + "\n" for r in rows))
    code = tmp_path / "writer.py"
    code.write_text(script)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, str(code), str(path), str(claims)], stdout=subprocess.PIPE, text=True,
                            env=env)


def test_store_killed_mid_transaction_keeps_its_last_committed_state(tmp_path):
    path = tmp_path / "s.db"
    with EventStore(path) as st:
        st.reconcile(items(BATCH_A))
        before = (st.counts(), events_json(st))
    proc = _spawn(tmp_path, path, BATCH_B, WRITER)
    try:
        assert proc.stdout.readline().strip() == "WRITING"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with EventStore(path) as st:
        assert st.check() == []
        assert (st.counts(), events_json(st)) == before
        _, changes = st.reconcile(items(BATCH_B))  # the interrupted update goes through on a re-run
        assert changes.claims_added == 4 and st.check() == []


LOOPER = textwrap.dedent("""
    import json, sys
    from extractor.storing import EventStore
    from extractor.reconciling import parse_claim
    path, rows = sys.argv[1], [json.loads(l) for l in open(sys.argv[2])]
    print("READY", flush=True)
    with EventStore(path) as st:
        for k in range(0, len(rows), 3):
            st.reconcile([parse_claim(r) for r in rows[k:k + 3]])
""")


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.5])
def test_store_killed_at_a_random_point_stays_consistent(tmp_path, delay):
    path = tmp_path / "s.db"
    rows = [ex(f"d{k:03d}#0", swap(100 + k % 40), f"2025-0{1 + k % 9}-{10 + k % 17}") for k in range(300)]
    proc = _spawn(tmp_path, path, rows, LOOPER)
    try:
        assert proc.stdout.readline().strip() == "READY"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    with EventStore(path) as st:
        assert st.check() == []
        n = st.counts()["claims"]
        assert n % 3 == 0  # whole batches only
        stored = [json.loads(b) for b in st.event_bodies()]
        assert sum(len(e["claims"]) for e in stored) == n
