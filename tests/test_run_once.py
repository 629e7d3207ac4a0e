"""`extractor run` does each piece of work once: every input resolved and hashed once, the store
opened once, every event parsed once, and a resumed run's summary taken from the run state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.exporting import export
from extractor.running import fullrun, plan
from extractor.running.fullrun import run_all
from extractor.storing import store

ROWS = [
    {"id": "n1", "title": "Border swap", "text": "Chile and Peru exchanged 40 prisoners of war on Monday.",
     "published": "2025-03-04"},
    {"id": "n2", "title": "Harvest", "text": "Farmers expect a good harvest this year.", "published": "2025-03-04"},
]


@pytest.fixture()
def inputs(tmp_path: Path) -> list[Path]:
    first, folder = tmp_path / "a.jsonl", tmp_path / "more"
    first.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    folder.mkdir()
    (folder / "b.jsonl").write_text(json.dumps(ROWS[1]) + "\n", encoding="utf-8")
    return [first, folder]


def counting(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list:
    calls: list = []
    real = getattr(owner, name)

    def counted(*args, **kwargs):
        calls.append(args[:1])
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_each_input_is_resolved_and_hashed_once(tmp_path: Path, inputs: list[Path], extractor,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    hashed = counting(monkeypatch, plan, "input_digest")
    resolved = counting(monkeypatch, plan, "resolve_inputs")
    run_all(inputs, output_dir=tmp_path / "out", extractor=extractor)
    assert sorted(str(args[0]) for args in hashed) == sorted(str(p) for p in inputs)
    assert len(resolved) == 1


def test_the_store_is_opened_once_and_each_event_parsed_once(tmp_path: Path, inputs: list[Path], extractor,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    opened = counting(monkeypatch, store.EventStore, "__init__")
    parsed = counting(monkeypatch, export.EventRecord, "model_validate_json")
    summary = run_all(inputs, output_dir=tmp_path / "out", extractor=extractor)
    assert len(opened) == 1
    n_events = len((tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines())
    assert n_events == sum(summary.events.values()) >= 1
    assert len(parsed) == n_events


def test_a_resumed_run_takes_its_summary_from_the_run_state(tmp_path: Path, inputs: list[Path], extractor,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    first = run_all(inputs, output_dir=out, extractor=extractor)
    # as if stopped after the extract stage: the state says so, the later files are gone
    state = {"run_id": first.run_id, "done": ["extract"], "extract": json.loads(json.dumps(first.extract.__dict__))}
    (out / "run-state.json").write_text(json.dumps(state), encoding="utf-8")
    for name in ("run.json", "events.sqlite", "events.jsonl"):
        (out / name).unlink()
    rebuilt = counting(monkeypatch, fullrun, "_summary_from_claims")
    again = run_all(inputs, output_dir=out, extractor=extractor)
    assert again.resumed_from == "reconcile"
    assert again.extract.statuses == first.extract.statuses and again.extract.records == first.extract.records
    assert again.extract.notes == first.extract.notes
    assert rebuilt == []  # not rebuilt line by line from claims.jsonl
