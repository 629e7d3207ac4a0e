"""`extractor run` for a researcher's CSV (issue 10 items 1, 2, 4): every key option, corrections applied
and re-applied after an edit without extracting again, and the four tables beside events.jsonl."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from extractor.running.fullrun import run_all
from extractor.reading import KeyMap

from conftest import read_articles

KEYS = KeyMap(id="uid", text="body", title="headline", published="date", url="link", outlet="source")


def write_csv(path: Path, n: int = 6) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["uid", "headline", "body", "date", "source", "link"])
        for a in read_articles()[:n]:
            w.writerow([a.id, a.title or "", a.text, a.published_raw or "", a.outlet or "", a.url or ""])
    return path


def events(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "events.jsonl").read_text().splitlines()]


def test_run_maps_every_column_and_writes_the_tables(tmp_path, extractor):
    source = write_csv(tmp_path / "news.csv")
    out = tmp_path / "out"
    run_all([source], output_dir=out, keys=KEYS, extractor=extractor)
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    records = [c for c in claims if c["type"] != "article"]
    assert records and all(r["outlet"] and r["url"] and r["title"] for r in records)
    published = {a.id: a.published_raw for a in read_articles()[:6]}
    assert all(r.get("published") == published[r["doc_id"]] for r in records)
    assert sum(1 for e in events(out) if e["date"]) > len(events(out)) // 2
    for table in ("events", "flows", "sources", "claims"):
        assert (out / f"{table}.csv").stat().st_size > 0
    sources = list(csv.DictReader((out / "sources.csv").open(newline="", encoding="utf-8")))
    assert all(r["url"].startswith("https://example.org/") and r["headline"] for r in sources)


def test_corrections_hold_on_a_re_run_and_an_edit_reconciles_again(tmp_path, extractor):
    source = write_csv(tmp_path / "news.csv")
    out = tmp_path / "out"
    run_all([source], output_dir=out, keys=KEYS, extractor=extractor)
    target = next(e for e in events(out) if e["kind"] == "exchange")
    fixes = tmp_path / "fix.jsonl"
    fixes.write_text(json.dumps({"action": "edit_event", "event": target["event_id"], "field": "location",
                                 "value": {"name": "Border post 7", "country": None}, "who": "T. Tester",
                                 "why": "the agency's statement names the post", "when": "2026-12-06"}) + "\n")
    summary = run_all([source], output_dir=out, keys=KEYS, extractor=extractor, corrections=fixes)
    assert summary.resumed_from == "reconcile" and len(summary.corrections) == 1 and summary.corrections[0].applied
    assert "corrections: 1 applied, 0 not applied" in summary.format()
    fixed = next(e for e in events(out) if e["event_id"] == target["event_id"])
    assert fixed["location"]["name"] == "Border post 7" and fixed["corrections"][0]["who"] == "T. Tester"
    rows = list(csv.DictReader((out / "events.csv").open(newline="", encoding="utf-8")))
    assert next(r for r in rows if r["event_id"] == target["event_id"])["n_corrections"] == "1"
    # another correction added: the run is reconciled again, the first correction still holds
    with fixes.open("a") as fh:
        fh.write(json.dumps({"action": "reject_claim", "claim": "no-such-claim", "who": "T. Tester",
                             "why": "duplicate", "when": "2026-12-06"}) + "\n")
    summary = run_all([source], output_dir=out, keys=KEYS, extractor=extractor, corrections=fixes)
    assert [a.applied for a in summary.corrections] == [True, False]
    assert next(e for e in events(out) if e["event_id"] == target["event_id"])["location"]["name"] == "Border post 7"
