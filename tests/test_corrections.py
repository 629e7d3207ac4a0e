"""Hand corrections (issue 10 item 2): reject, edit, merge, split, add; applied on every run, recorded in
the event's provenance; re-extracting an article replaces (or retracts) its claims in the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.correcting import corrections_schema, read_corrections, reconcile_corrected
from extractor.errors import CodedError
from extractor.reconciling import parse_claim
from extractor.storing import EventStore

_register()
WHO = {"who": "A. Coder", "why": "checked against the ministry statement", "when": "2026-05-02"}


def ex(claim_id, pairs, date=None, status="completed"):
    flows = [{"from": a, "to": b, "category": cat, "count": None if n is None else
              {"value": n, "min": n, "max": n, "qualifier": "exact"}} for a, b, cat, n in pairs]
    d = None if date is None else {"start": date, "end": date, "precision": "day"}
    return {"type": "exchange", "doc_id": claim_id.split("#")[0], "claim_id": claim_id, "status": status,
            "date": d, "flows": flows, "location": None, "mediators": []}


def status(doc, records=1, state="ok"):
    return {"type": "article", "doc_id": doc, "status": state, "records": records}


def swap(n, m=None):
    return [("ARM", "AZE", "pows", n), ("AZE", "ARM", "pows", n if m is None else m)]


CLAIMS = [ex("a#0", swap(40), "2026-03-03"), ex("b#0", swap(40), "2026-03-03"),
          ex("c#0", [("ARM", "AZE", "bodies", 12)], "2026-04-10"), ex("d#0", swap(7), "2026-05-20")]


def write_lines(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def corrections(tmp_path: Path, rows: list[dict]) -> list:
    return read_corrections(write_lines(tmp_path / "corrections.jsonl", [{**WHO, **r} for r in rows]))


def batch(tmp_path, rows):
    return reconcile_corrected([parse_claim(r) for r in CLAIMS], corrections=corrections(tmp_path, rows))


def event_with(result, claim_id):
    return next(e for e in result.events if claim_id in e.claims)


def test_no_corrections_change_nothing(tmp_path):
    plain = reconcile_corrected([parse_claim(r) for r in CLAIMS])
    assert [e.claims for e in plain.result.events] == [("a#0", "b#0"), ("c#0",), ("d#0",)] or \
        sorted(e.claims for e in plain.result.events) == [("a#0", "b#0"), ("c#0",), ("d#0",)]
    assert all(not e.corrections for e in plain.result.events)


def test_reject_claim(tmp_path):
    out = batch(tmp_path, [{"action": "reject_claim", "claim": "b#0"}])
    assert all("b#0" not in e.claims for e in out.result.events)
    assert out.rejected == {"b#0"} and out.applied[0].applied


def test_edit_claim_changes_the_figure_before_grouping(tmp_path):
    out = batch(tmp_path, [{"action": "edit_claim", "claim": "c#0", "field": "flows.0.count",
                            "value": {"value": 14, "min": 14, "max": 14, "qualifier": "exact"}}])
    ev = event_with(out.result, "c#0")
    assert ev.flows[0].count.value == 14
    (note,) = ev.corrections
    assert (note.action, note.who, note.when) == ("edit_claim", "A. Coder", "2026-05-02")


def test_edit_event_sets_a_field_and_records_who(tmp_path):
    plain = reconcile_corrected([parse_claim(r) for r in CLAIMS]).result
    target = event_with(plain, "d#0").event_id
    out = batch(tmp_path, [{"action": "edit_event", "event": target, "field": "location",
                            "value": {"name": "Gyumri", "country": "ARM"}}])
    ev = event_with(out.result, "d#0")
    assert ev.event_id == target and ev.location.name == "Gyumri"
    assert ev.corrections[0].why == WHO["why"] and ev.corrections[0].detail == "location set"


def test_merge_and_split(tmp_path):
    plain = reconcile_corrected([parse_claim(r) for r in CLAIMS]).result
    a, d = event_with(plain, "a#0").event_id, event_with(plain, "d#0").event_id
    merged = batch(tmp_path, [{"action": "merge_events", "events": [a, d]}])
    ev = event_with(merged.result, "d#0")
    assert ev.event_id == a and set(ev.claims) == {"a#0", "b#0", "d#0"}
    assert merged.result.aliases[d] == a and merged.result.event_of["d#0"] == a
    split = batch(tmp_path, [{"action": "split_event", "event": a, "claims": ["b#0"]}])
    assert event_with(split.result, "a#0").claims == ("a#0",)
    assert event_with(split.result, "b#0").claims == ("b#0",)
    assert event_with(split.result, "b#0").corrections[0].action == "split_event"


def test_add_event_by_hand(tmp_path):
    out = batch(tmp_path, [{"action": "add_event", "id": "hand-1", "event": {
        "status": "completed", "date": {"start": "2026-06-01", "end": "2026-06-01"},
        "flows": [{"from": "AZE", "to": "ARM", "category": "civilians", "count": {"value": 3, "min": 3, "max": 3}}],
        "url": "https://example.org/x"}}])
    ev = event_with(out.result, "correction:hand-1")
    assert ev.sources[0].url == "https://example.org/x" and ev.corrections[0].action == "add_event"


@pytest.mark.parametrize("row, fragment", [
    ({"action": "reject_claim", "claim": "zz#9"}, "no claim 'zz#9'"),
    ({"action": "edit_event", "event": "ev-0000000000000000", "field": "status", "value": "planned"}, "no event"),
    ({"action": "edit_claim", "claim": "a#0", "field": "status", "value": "maybe"}, "status"),
    ({"action": "edit_claim", "claim": "a#0", "field": "claim_id", "value": "x"}, "cannot be edited"),
    ({"action": "edit_claim", "claim": "a#0", "field": "flows.5.count", "value": None}, "no field"),
])
def test_a_correction_that_cannot_apply_is_reported_not_fatal(tmp_path, row, fragment):
    out = batch(tmp_path, [row])
    (applied,) = out.applied
    assert not applied.applied and fragment in applied.detail
    assert len(out.result.events) == 3


@pytest.mark.parametrize("line, fragment", [
    ('{"action": "reject_claim", "claim": "a#0"}', "who"),
    ('{"action": "delete", "claim": "a#0", "who": "x", "why": "y", "when": "2026-01-01"}', "action"),
    ('not json', "not JSON"),
    ('{"action": "merge_events", "events": ["ev-1"], "who": "x", "why": "y", "when": "2026-01-01"}', "events"),
])
def test_a_bad_line_is_refused_with_its_place(tmp_path, line, fragment):
    path = tmp_path / "c.jsonl"
    path.write_text("# comment\n" + line + "\n")
    with pytest.raises(CodedError) as err:
        read_corrections(path)
    assert err.value.code == "E602" and f"{path}:2" in str(err.value) and fragment in str(err.value)


def test_schema_names_every_action():
    text = json.dumps(corrections_schema())
    for action in ("reject_claim", "edit_claim", "edit_event", "merge_events", "split_event", "add_event"):
        assert action in text


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_reconcile_command_applies_corrections_on_every_run_through_the_store(tmp_path):
    claims = write_lines(tmp_path / "claims.jsonl", CLAIMS + [status(d) for d in "abcd"])
    store, out = tmp_path / "s.db", tmp_path / "events.jsonl"
    assert invoke("reconcile", claims, "--store", store, "-o", out).exit_code == 0
    first = {e["claims"][0]: e["event_id"] for e in map(json.loads, out.read_text().splitlines())}
    fixes = write_lines(tmp_path / "fix.jsonl", [
        {**WHO, "action": "merge_events", "events": [first["a#0"], first["d#0"]]},
        {**WHO, "action": "reject_claim", "claim": "c#0"},
        {**WHO, "action": "reject_claim", "claim": "gone#1"}])
    for _ in range(3):  # the same result every time
        result = invoke("reconcile", claims, "--store", store, "-o", out, "--corrections", fixes, "--force")
        assert result.exit_code == 0, result.output
        assert "corrections: 2 applied, 1 not applied" in result.output and "gone#1" in result.output
        events = [json.loads(l) for l in out.read_text().splitlines()]
        assert [sorted(e["claims"]) for e in events] == [["a#0", "b#0", "d#0"]]
        assert events[0]["event_id"] == first["a#0"]
        assert {c["action"] for c in events[0]["corrections"]} == {"merge_events"}
        with EventStore(store) as st:
            assert st.check() == [] and st.resolve(first["d#0"]) == first["a#0"]
    # without the corrections file, the store shows the claims as extracted again
    assert invoke("reconcile", claims, "--store", store, "-o", out, "--force").exit_code == 0
    assert len(out.read_text().splitlines()) == 3


def test_re_extracted_article_replaces_its_claims_and_an_empty_one_retracts_them(tmp_path):
    store, out = tmp_path / "s.db", tmp_path / "events.jsonl"
    first = write_lines(tmp_path / "one.jsonl", CLAIMS + [status(d) for d in "abcd"])
    assert invoke("reconcile", first, "--store", store, "-o", out).exit_code == 0
    # a later extraction: article c now has no record, article d a corrected figure under a new claim id,
    # article b failed (its claims are kept), article a is not in this file (kept)
    again = write_lines(tmp_path / "two.jsonl", [status("c", 0, "no_events"), ex("d#1", swap(8), "2026-05-20"),
                                                 status("d"), {**status("b", 0, "error"), "error": {
                                                     "code": "E102", "message": "x"}}])
    result = invoke("reconcile", again, "--store", store, "-o", out, "--force")
    assert result.exit_code == 0, result.output
    assert "2 retracted" in result.output
    claims = sorted(c for e in map(json.loads, out.read_text().splitlines()) for c in e["claims"])
    assert claims == ["a#0", "b#0", "d#1"]
    with EventStore(store) as st:
        assert st.check() == [] and st.counts()["claims"] == 3


def test_a_version_1_store_is_upgraded(tmp_path):
    path = tmp_path / "s.db"
    with EventStore(path) as st:
        st.reconcile([parse_claim(r) for r in CLAIMS])
        st.db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        st.db.execute("DROP TABLE raw_links")
    with EventStore(path) as st:
        _, changes = st.reconcile([parse_claim(r) for r in CLAIMS])
        assert changes.total == 0 and st.check() == []


@pytest.mark.parametrize("line, kept", [
    ({"type": "article", "doc_id": "d", "status": "skipped", "records": 0, "note": "[E009] too long"}, True),
    ({"type": "article", "doc_id": "d", "status": "skipped", "records": 0, "note": "prefilter: no exchange words"}, False),
    ({"type": "article", "doc_id": "d", "status": "no_events", "records": 0}, False),
])
def test_which_status_lines_retract(tmp_path, line, kept):
    store, out = tmp_path / "s.db", tmp_path / "events.jsonl"
    first = write_lines(tmp_path / "one.jsonl", CLAIMS + [status(d) for d in "abcd"])
    assert invoke("reconcile", first, "--store", store, "-o", out).exit_code == 0
    again = write_lines(tmp_path / "two.jsonl", [line])
    assert invoke("reconcile", again, "--store", store, "-o", out, "--force").exit_code == 0
    claims = {c for e in map(json.loads, out.read_text().splitlines()) for c in e["claims"]}
    assert ("d#0" in claims) is kept
