"""Reconciling claims into events: the traps of cross-source matching, ids, determinism, checks, the command."""

from __future__ import annotations

import json
import random

import pytest
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.contract.events import EventRecord
from extractor.errors import CodedError
from extractor.reconciling import parse_claim, read_claim_files, reconcile
from extractor.reconciling.ids import event_id_for


def day(d: str | None, end: str | None = None, precision: str = "day") -> dict | None:
    if d is None and end is None:
        return None
    return {"start": d, "end": end if end is not None else d, "precision": precision}


def flow(src, dst, cat, n=None, q="exact"):
    if n is None:
        count = None
    elif q == "exact":
        count = {"value": n, "min": n, "max": n, "qualifier": "exact"}
    elif q == "over":
        count = {"value": None, "min": n + 1, "max": None, "qualifier": "over"}
    else:
        raise ValueError(q)
    return {"from": src, "to": dst, "category": cat, "count": count}


def ex(claim_id, *flows, status="completed", date=None, published=None, doc=None, location=None, **extra):
    row = {"type": "exchange", "doc_id": doc or claim_id.split("#")[0], "claim_id": claim_id, "status": status,
           "date": date, "flows": list(flows), "location": location, "mediators": []}
    if published:
        row["published"] = published
    row.update(extra)
    return row


def run(rows, **kw):
    return reconcile([parse_claim(r) for r in rows], **kw)


def partition(result) -> set[frozenset[str]]:
    return {frozenset(e.claims) for e in result.events}


def swap(a, b, cat, n, m=None):
    return [flow(a, b, cat, n), flow(b, a, cat, n if m is None else m)]


BODIES_JUL = [flow("RUS", "UKR", "bodies", 1000), flow("UKR", "RUS", "bodies", 19)]

CASES = {
    "same figures on different dates stay apart": (
        [ex("a#0", *BODIES_JUL, date=day("2025-07-17"), published="2025-07-17"),
         ex("b#0", *BODIES_JUL, date=day("2025-07-17"), published="2025-07-18"),
         ex("c#0", *BODIES_JUL, date=day("2025-08-19"), published="2025-08-19"),
         ex("d#0", *BODIES_JUL, date=day("2025-08-19"), published="2025-08-20")],
        [{"a#0", "b#0"}, {"c#0", "d#0"}]),
    "an undated report of figures given on two dates joins neither": (
        [ex("a#0", *BODIES_JUL, date=day("2025-07-17")), ex("b#0", *BODIES_JUL, date=day("2025-08-19")),
         ex("c#0", *BODIES_JUL, published="2025-09-30")],
        [{"a#0"}, {"b#0"}, {"c#0"}]),
    "an undated report published the day after one of them joins it": (
        [ex("a#0", *BODIES_JUL, date=day("2025-07-17")), ex("b#0", *BODIES_JUL, date=day("2025-08-19")),
         ex("c#0", *BODIES_JUL, published="2025-08-20")],
        [{"a#0"}, {"b#0", "c#0"}]),
    "conflicting figures for one swap (207 vs 195) merge": (
        [ex("a#0", *swap("RUS", "UKR", "pows", 207, 195), date=day("2024-01-31")),
         ex("b#0", *swap("RUS", "UKR", "pows", 195), date=day("2024-01-31")),
         ex("c#0", *swap("RUS", "UKR", "pows", 195), date=day("2024-01-31")),
         ex("d#0", flow("RUS", "UKR", "pows", 207), flow("UKR", "RUS", "pows"), date=None)],
        [{"a#0", "b#0", "c#0", "d#0"}]),
    "publication-day dates join the event-day date": (
        [ex("a#0", flow("RUS", "UKR", "civilians", 1), flow("UKR", "RUS", "pows", 9), date=day("2022-03-16"),
            published="2022-03-17"),
         ex("b#0", flow("RUS", "UKR", "civilians", 1), flow("UKR", "RUS", "pows", 9), date=day("2022-03-17"),
            published="2022-03-17"),
         ex("c#0", flow("RUS", "UKR", "civilians", 1), flow("UKR", "RUS", "pows", 9), date=day("2022-03-22"),
            published="2022-03-22")],
        [{"a#0", "b#0", "c#0"}]),
    "weekly releases with the same figures stay apart, reported on the day": (
        [ex("a#0", flow("HAMAS", "ISR", "hostages", 3), flow("ISR", "PSE", "prisoners", 183), date=day("2025-02-01"),
            published="2025-02-01"),
         ex("b#0", flow("HAMAS", "ISR", "hostages", 3), flow("ISR", "PSE", "prisoners", 183), date=day("2025-02-01"),
            published="2025-02-02"),
         ex("c#0", flow("HAMAS", "ISR", "hostages", 3), flow("ISR", "PSE", "prisoners", 183), date=day("2025-02-08"),
            published="2025-02-08"),
         ex("d#0", flow("HAMAS", "ISR", "hostages", 3), flow("ISR", "PSE", "prisoners", 183), date=day("2025-02-08"),
            published="2025-02-08")],
        [{"a#0", "b#0"}, {"c#0", "d#0"}]),
    "stages of a multi-day swap and its summary stay separate": (
        [ex("a#0", *swap("RUS", "UKR", "pows", 390), date=day("2025-05-23")),
         ex("b#0", *swap("RUS", "UKR", "pows", 390), date=day("2025-05-23")),
         ex("a#1", *swap("RUS", "UKR", "pows", 307), date=day("2025-05-24")),
         ex("b#1", *swap("RUS", "UKR", "pows", 307), date=day("2025-05-24")),
         ex("a#2", *swap("RUS", "UKR", "pows", 303), date=day("2025-05-25")),
         ex("c#0", *swap("RUS", "UKR", "pows", 303), date=day("2025-05-25")),
         ex("c#1", *swap("RUS", "UKR", "pows", 1000), date=day("2025-05-23", "2025-05-25"))],
        [{"a#0", "b#0"}, {"a#1", "b#1"}, {"a#2", "c#0"}, {"c#1"}]),
    "stages without figures on days two apart stay separate": (
        [ex("a#0", *swap("RUS", "UKR", "pows", None), date=day("2025-06-09")),
         ex("b#0", *swap("RUS", "UKR", "pows", None), date=day("2025-06-11"))],
        [{"a#0"}, {"b#0"}]),
    "a partial report (one of the flows) a day off joins the swap on its figure": (
        [ex("a#0", flow("HAMAS", "ISR", "hostages", 3), flow("ISR", "PSE", "prisoners", 90), date=day("2025-01-19")),
         ex("b#0", flow("HAMAS", "ISR", "hostages", 3), flow("ISR", "PSE", "prisoners", 90), date=day("2025-01-19")),
         ex("c#0", flow("ISR", "PSE", "prisoners", 90), date=day("2025-01-20"))],
        [{"a#0", "b#0", "c#0"}]),
    "a report a day off without a figure stays apart: nothing tells it from the next day's stage": (
        [ex("a#0", flow("HAMAS", "ISR", "hostages", 3), flow("ISR", "PSE", "prisoners", 90), date=day("2025-01-19")),
         ex("b#0", flow("HAMAS", "ISR", "hostages", 3), flow("ISR", "PSE", "prisoners", 90), date=day("2025-01-19")),
         ex("c#0", flow("ISR", "PSE", "prisoners"), date=day("2025-01-20"))],
        [{"a#0", "b#0"}, {"c#0"}]),
    "split by category sums to the same total (270 POWs + 120 civilians = 390)": (
        [ex("a#0", *swap("RUS", "UKR", "pows", 390), date=day("2025-05-23")),
         ex("b#0", *swap("RUS", "UKR", "pows", 270), *swap("RUS", "UKR", "civilians", 120), date=day("2025-05-23"))],
        [{"a#0", "b#0"}]),
    "copies of one wire story (no date, no figure) merge": (
        [ex(f"{d}#0", *swap("RUS", "UKR", "pows", None), published="2025-06-10") for d in "abc"],
        [{"a#0", "b#0", "c#0"}]),
    "no date, no figure, no publication date: too little to merge on": (
        [ex(f"{d}#0", *swap("RUS", "UKR", "pows", None)) for d in "ab"],
        [{"a#0"}, {"b#0"}]),
    "a planned swap dated to the publication day gets no slack": (
        [ex("a#0", *swap("RUS", "UKR", "pows", 1000), status="planned", date=day("2025-05-26", "2025-06-01", "week")),
         ex("b#0", *swap("RUS", "UKR", "pows", 1000), status="planned", date=day("2025-06-07"), published="2025-06-07")],
        [{"a#0"}, {"b#0"}]),
    "undated reports join the occasion their article's other reports were placed near": (
        [ex("a#0", *swap("RUS", "UKR", "pows", 390), date=day("2025-05-23")),
         ex("x#0", *swap("RUS", "UKR", "pows", 390)),
         ex("x#1", *swap("RUS", "UKR", "pows", None), status="planned"),
         ex("b#0", *swap("RUS", "UKR", "pows", None), status="planned", date=day("2025-05-25")),
         ex("c#0", *swap("RUS", "UKR", "pows", None), status="planned", date=day("2024-01-24"))],
        [{"a#0", "x#0"}, {"x#1", "b#0"}, {"c#0"}]),
    "a null-date claim merges with a dated one on figures; 'more than 1,200' fits 1,212": (
        [ex("a#0", flow("RUS", "UKR", "bodies", 1212), flow("UKR", "RUS", "bodies", 27), date=day("2025-06-04")),
         ex("b#0", flow("RUS", "UKR", "bodies", 1212), flow("UKR", "RUS", "bodies", 27)),
         ex("c#0", flow("RUS", "UKR", "bodies", 1200, q="over"))],
        [{"a#0", "b#0", "c#0"}]),
    "a null-date claim with a different figure stays apart": (
        [ex("a#0", flow("RUS", "UKR", "bodies", 1212), date=day("2025-06-04")),
         ex("b#0", flow("RUS", "UKR", "bodies", 909))],
        [{"a#0"}, {"b#0"}]),
    "planned and completed reports of one occasion merge on equal figures": (
        [ex("a#0", *swap("RUS", "UKR", "pows", 1000), status="planned"),
         ex("b#0", *swap("RUS", "UKR", "pows", 1000), status="planned", date=day("2025-05-23", "2025-05-25")),
         ex("c#0", *swap("RUS", "UKR", "pows", 1000), date=day("2025-05-01", "2025-05-31", "month"))],
        [{"a#0", "b#0", "c#0"}]),
    "planned and completed without an equal figure or the same dates stay apart": (
        [ex("a#0", *swap("RUS", "UKR", "pows", None), status="planned", date=day("2024-01-24")),
         ex("b#0", *swap("RUS", "UKR", "pows", 195), date=day("2024-01-22", "2024-01-28", "week"))],
        [{"a#0"}, {"b#0"}]),
    "two claims of one article never merge": (
        [ex("a#0", *swap("RUS", "UKR", "pows", None), published="2025-06-10"),
         ex("a#1", *swap("RUS", "UKR", "pows", None), published="2025-06-10"),
         ex("b#0", *swap("RUS", "UKR", "pows", None), published="2025-06-11")],
        [{"a#0", "b#0"}, {"a#1"}]),
    "the same article read by two extractor versions may merge": (
        [ex("a#0", *swap("RUS", "UKR", "pows", 390), date=day("2025-05-23"), extractor_version="0.1.0"),
         ex("a#9", *swap("RUS", "UKR", "pows", 390), date=day("2025-05-23"), extractor_version="0.2.0")],
        [{"a#0", "a#9"}]),
    "different parties stay apart": (
        [ex("a#0", flow("HAMAS", "ISR", "hostages", 3), date=day("2025-01-19")),
         ex("b#0", flow("HOUTHIS", "YEM", "hostages", 3), date=day("2025-01-19"))],
        [{"a#0"}, {"b#0"}]),
    "a multi-country swap: sides partly unknown, total of sideless figure": (
        [ex("a#0", flow(None, "RUS", "prisoners", 8), flow("RUS", None, "prisoners", 16), date=day("2024-08-01"),
            location={"name": "Ankara", "country": "TUR"}),
         ex("b#0", flow(None, None, "prisoners", 24), date=day("2024-08-01"), location={"name": "Ankara", "country": "TUR"}),
         ex("c#0", flow("RUS", "USA", "prisoners"), flow("USA", "RUS", "prisoners"), location={"name": "Ankara", "country": "TUR"})],
        [{"a#0", "b#0", "c#0"}]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_matching_traps(name):
    rows, expected = CASES[name]
    result = run(rows)
    assert partition(result) == {frozenset(g) for g in expected}
    claims = [c for e in result.events for c in e.claims]
    assert sorted(claims) == sorted(r["claim_id"] for r in rows)  # every claim in exactly one event


def test_places_in_different_countries_weigh_against_but_do_not_forbid():
    ankara, abu_dhabi = {"name": "Ankara", "country": "TUR"}, {"name": "Abu Dhabi", "country": "ARE"}
    rows = [ex("a#0", *swap("RUS", "USA", "prisoners", 1), date=day("2022-12-08"), location=abu_dhabi),
            ex("b#0", *swap("RUS", "USA", "prisoners", 1), date=day("2022-12-08"), location=ankara),
            ex("c#0", *swap("RUS", "USA", "prisoners", 1), location=ankara)]
    by_claim = {c: e for e in run(rows).events for c in e.claims}
    assert by_claim["a#0"] is by_claim["b#0"]  # same day, same figures: one occasion, place disputed
    assert any(c.kind == "location" for c in by_claim["a#0"].conflicts)
    only_place = run([rows[0], rows[2]])  # undated, small figures, another country: kept apart
    assert len(only_place.events) == 2


def test_conflicting_figures_are_kept_and_flagged():
    rows, _ = CASES["conflicting figures for one swap (207 vs 195) merge"]
    (ev,) = run(rows).events
    to_ukr = next(f for f in ev.flows if f.from_ == "RUS" and f.to == "UKR")
    assert to_ukr.count.value == 207 and not to_ukr.agreed  # 2 sources each: the earliest claim's figure
    assert sorted(f.count.value for f in to_ukr.figures if f.count) == [195, 195, 207, 207]
    assert any(c.kind == "count" and "207" in c.detail for c in ev.conflicts)
    assert len(ev.merges) == len(ev.claims) - 1 and all(m.reasons for m in ev.merges)


def test_publication_day_dates_narrow_to_the_event_day():
    rows, _ = CASES["publication-day dates join the event-day date"]
    (ev,) = run(rows).events
    assert (str(ev.date.start), str(ev.date.end), ev.date.precision) == ("2022-03-16", "2022-03-16", "day")
    assert any(c.kind == "date" for c in ev.conflicts)


def test_planned_and_completed_event_is_completed_with_a_status_conflict():
    rows, _ = CASES["planned and completed reports of one occasion merge on equal figures"]
    (ev,) = run(rows).events
    assert ev.status == "completed"
    assert any(c.kind == "status" for c in ev.conflicts)


def test_sources_and_seen_dates():
    rows = [ex("a#0", *BODIES_JUL, date=day("2025-07-17"), published="2025-07-17", outlet="Reuters", url="https://r/1"),
            ex("b#0", *BODIES_JUL, date=day("2025-07-17"), published="2025-07-19", outlet="AP")]
    (ev,) = run(rows).events
    assert [(s.doc_id, s.outlet, s.url) for s in ev.sources] == [("a", "Reuters", "https://r/1"), ("b", "AP", None)]
    assert (str(ev.first_seen), str(ev.last_seen)) == ("2025-07-17", "2025-07-19")


def test_sources_mapping_fills_missing_metadata():
    from extractor.contract.events import SourceMeta

    rows = [ex("a#0", *BODIES_JUL, date=day("2025-07-17"))]
    (ev,) = run(rows, sources={"a": SourceMeta(outlet="Kyiv Independent", published="2025-07-17")}).events
    assert ev.sources[0].outlet == "Kyiv Independent" and str(ev.first_seen) == "2025-07-17"


def test_near_misses_are_listed():
    rows = [ex("a#0", *swap("RUS", "UKR", "pows", 307), date=day("2025-05-24")),
            ex("b#0", *swap("RUS", "UKR", "pows", None))]
    result = run(rows)
    assert len(result.events) == 2
    misses = [n for e in result.events for n in e.near_misses]
    assert {(n.claim_id, n.other_claim_id) for n in misses} == {("a#0", "b#0"), ("b#0", "a#0")}
    assert all(n.reasons and n.other_event_id == result.event_of[n.other_claim_id] for n in misses)


def test_output_does_not_depend_on_input_order():
    rows = [r for rows, _ in CASES.values() for r in rows]
    rows = [r for r in {r["claim_id"]: r for r in rows}.values()]
    first = [e.model_dump_json(by_alias=True) for e in run(rows).events]
    for seed in range(3):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        assert [e.model_dump_json(by_alias=True) for e in run(shuffled).events] == first


def test_event_ids_come_from_the_earliest_claim_and_stay_under_additions():
    rows, _ = CASES["same figures on different dates stay apart"]
    first = run(rows)
    for ev in first.events:
        assert ev.event_id == event_id_for(min(ev.claims))
    earlier = ex("0#0", *BODIES_JUL, date=day("2025-07-17"))  # sorts before every claim id so far
    second = run(rows + [earlier], previous=first.event_of)
    assert {e.event_id for e in second.events} == {e.event_id for e in first.events}
    assert second.event_of["0#0"] == first.event_of["a#0"]


def test_merging_two_known_events_keeps_one_id_and_aliases_the_other():
    rows = [ex("a#0", flow("RUS", "UKR", "bodies", 1212), date=day("2025-06-04")),
            ex("b#0", flow("UKR", "RUS", "bodies", 27))]  # no shared flow: too weak alone
    first = run(rows)
    assert len(first.events) == 2
    bridge = ex("c#0", flow("RUS", "UKR", "bodies", 1212), flow("UKR", "RUS", "bodies", 27))
    second = run(rows + [bridge], previous=first.event_of)
    (ev,) = second.events
    assert ev.event_id == first.event_of["a#0"]
    assert second.aliases == {first.event_of["b#0"]: ev.event_id}


def test_agreements_merge_and_exchanges_link_to_them():
    agreement = {"type": "agreement", "date": day("2025-06-02"), "parties": ["RUS", "UKR"],
                 "location": {"name": "Istanbul", "country": "TUR"},
                 "terms": [flow("RUS", "UKR", "bodies", 6000), flow("RUS", "UKR", "pows")]}
    rows = [dict(agreement, doc_id="a", claim_id="a#0"), dict(agreement, doc_id="b", claim_id="b#0"),
            ex("a#1", flow("RUS", "UKR", "bodies", 1212), date=day("2025-06-11")),
            ex("c#0", flow("RUS", "UKR", "bodies", 1000), date=day("2025-07-17"), agreement="b#0")]
    result = run(rows)
    ag = next(e for e in result.events if e.kind == "agreement")
    assert set(ag.claims) == {"a#0", "b#0"}
    linked = {e.event_id for e in result.events if e.agreement == ag.event_id}
    assert linked == {result.event_of["a#1"], result.event_of["c#0"]}
    assert set(ag.executed_by) == linked


def tally(claim_id, n, as_of, scope="since the start of the war", q="exact"):
    return {"type": "tally", "doc_id": claim_id.split("#")[0], "claim_id": claim_id,
            "flow": flow("RUS", "UKR", "pows", n, q), "as_of": day(as_of), "scope": scope}


def test_tallies_merge_and_are_checked():
    rows = [tally("a#0", 3035, "2024-01-31"), tally("b#0", 3035, "2024-01-31"),
            tally("c#0", 2900, "2024-03-01"),  # lower than an earlier total
            tally("d#0", 400, "2024-02-10", scope="since the start of the war"),
            ex("e#0", flow("RUS", "UKR", "pows", 207), date=day("2024-01-31")),
            ex("f#0", flow("RUS", "UKR", "pows", 230), date=day("2024-02-08"))]
    result = run(rows)
    by_claim = {c: e for e in result.events for c in e.claims}
    assert by_claim["a#0"] is by_claim["b#0"]
    assert [c.kind for c in by_claim["c#0"].conflicts] == ["tally_decrease"]
    assert "tally_exceeded" in [c.kind for c in by_claim["d#0"].conflicts]  # 207 + 230 > 400
    assert not by_claim["a#0"].conflicts


def test_events_validate_against_the_contract():
    rows = [r for rows, _ in CASES.values() for r in rows]
    rows = list({r["claim_id"]: r for r in rows}.values())
    for ev in run(rows).events:
        EventRecord.model_validate_json(ev.model_dump_json(by_alias=True))


def test_reading_skips_status_lines_and_rejects_bad_claims(tmp_path):
    good = tmp_path / "claims.jsonl"
    good.write_text("\n".join(json.dumps(r) for r in [
        {"type": "article", "doc_id": "a", "status": "ok"},
        ex("a#0", *BODIES_JUL, date=day("2025-07-17"), extra_field="ignored"),
    ]) + "\n")
    assert [i.record.claim_id for i in read_claim_files([good])] == ["a#0"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"type": "exchange", "doc_id": "a", "status": "completed", "flows": []}) + "\n")
    with pytest.raises(CodedError) as err:
        list(read_claim_files([bad]))
    assert err.value.code == "E302" and "bad.jsonl:1" in str(err.value)


def test_reconcile_command(tmp_path):
    _register()
    rows, _ = CASES["same figures on different dates stay apart"]
    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(r) + "\n" for r in rows + [{"type": "article", "doc_id": "a"}]))
    out = tmp_path / "events.jsonl"
    runner = CliRunner()
    res = runner.invoke(app, ["reconcile", str(claims), "--output", str(out)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [sorted(e["claims"]) for e in lines] in ([["a#0", "b#0"], ["c#0", "d#0"]], [["c#0", "d#0"], ["a#0", "b#0"]])
    assert all(e["type"] == "event" for e in lines)
    before = out.read_bytes()
    res = runner.invoke(app, ["reconcile", str(claims), "--output", str(out)])
    assert res.exit_code == 2 and "E201" in res.output
    res = runner.invoke(app, ["reconcile", str(claims), "--output", str(out), "--force"])
    assert res.exit_code == 0 and out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("enabled", [True, False])
def test_no_cyclic_gc_pauses_and_restores_the_collector(enabled: bool) -> None:
    import gc

    from extractor.memory import no_cyclic_gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with no_cyclic_gc():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
