"""The review report of corpus/sample in a real headless Chromium, after its scripts ran.

Chromium comes from Debian (`make browser`, run by `make test` and so by CI); without it these
tests skip with the reason, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from chromium import Chromium, chromium_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample" / "articles.jsonl"

if chromium_path() is None:
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed: CI must install it (make browser)", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install -y chromium, or make browser)", allow_module_level=True)

# The highlighted spans of a card as drawn: each span starts at an .ev-start and runs over the
# tokens that carry a bar of its colour at its height; its text is the tokens' text.
DRAWN_SPANS = """((id) => {
  const card = document.getElementById("card-" + id), out = [];
  card.querySelectorAll(".sentence").forEach((sent) => {
    const open = {};
    const close = (k) => { out.push({claim: sent.dataset.claim, label: open[k].label, text: open[k].text.trim()}); delete open[k]; };
    sent.querySelectorAll(".ev-tok").forEach((tok) => {
      const text = tok.firstChild.nodeValue, here = new Set();
      tok.querySelectorAll(":scope > .ev-bar").forEach((b) => here.add(b.dataset.bg + "|" + b.style.top));
      Object.keys(open).forEach((k) => { if (!here.has(k)) close(k); });
      tok.querySelectorAll(":scope > .ev-start").forEach((s) => {
        const k = s.dataset.bg + "|" + s.style.top;
        if (open[k]) close(k);
        open[k] = {label: s.textContent.trim(), text: ""};
      });
      here.forEach((k) => { if (open[k]) open[k].text += text; });
    });
    Object.keys(open).forEach(close);
  });
  return out;
})"""


def cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True, env=env,
                          timeout=300)


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser") / "run"
    done = cli("run", str(SAMPLE), "--output", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def browser():
    with Chromium.start(width=1400, height=1000) as b:
        yield b


def open_report(browser, run_dir, downloads=None):
    page = browser.open((run_dir / "report.html").as_uri(), downloads=downloads)
    page.wait_for("document.body.dataset.ready === '1'")
    return page


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_timeline_has_one_mark_per_event(browser, run_dir):
    page = open_report(browser, run_dir)
    events = read_lines(run_dir / "events.jsonl")
    dated = [e for e in events if e["date"]]
    marks = page.evaluate("document.querySelectorAll('#timeline .scatterlayer path.point').length")
    ids = page.evaluate("[].concat(...document.getElementById('timeline').data.map((t) => t.customdata))")
    assert marks == len(dated) == len(ids)
    assert sorted(ids) == sorted(e["event_id"] for e in dated)
    assert page.evaluate("document.querySelectorAll('.card:not([hidden])').length") == len(events)
    page.click("#f-log")  # on the log scale too, events without a figure included
    page.wait_for("document.getElementById('timeline').layout.yaxis.type === 'log'")
    assert page.evaluate("document.querySelectorAll('#timeline .scatterlayer path.point').length") == len(dated)


def test_filters_reduce_the_visible_cards(browser, run_dir):
    page = open_report(browser, run_dir)
    events = read_lines(run_dir / "events.jsonl")
    visible = "document.querySelectorAll('.card:not([hidden])').length"
    total = page.evaluate(visible)
    # a dyad chosen in the select (a change event, as a choice in the list makes)
    dyads = Counter(page.evaluate("JSON.parse(document.getElementById('report-data').textContent).events.map(e => e.dyad)"))
    dyad, n = dyads.most_common(1)[0]
    page.evaluate(f"(() => {{ const s = document.getElementById('f-dyad'); s.value = {json.dumps(dyad)};"
                  " s.dispatchEvent(new Event('change')); })()")
    assert page.evaluate(visible) == n < total
    assert page.evaluate("document.querySelectorAll('#timeline .scatterlayer path.point').length") <= n
    page.click("#f-reset")
    assert page.evaluate(visible) == total
    # typed into the search box: an outlet's name
    outlet = sorted({s["outlet"] for e in events for s in e["sources"] if s["outlet"]})[0]
    page.type("#f-search", outlet)
    want = sum(1 for e in events if any(outlet.lower() in (s["outlet"] or "").lower() for s in e["sources"]))
    page.wait_for(f"document.body.dataset.shown === '{want}'")  # the search waits for a pause in typing
    assert 0 < page.evaluate(visible) == want < total
    page.click("#f-reset")


def test_cards_highlight_the_records_evidence(browser, run_dir):
    page = open_report(browser, run_dir)
    claims = {r["claim_id"]: r for r in read_lines(run_dir / "claims.jsonl") if r["type"] != "article"}
    from extractor.reporting.evidence import display_label

    checked = 0
    for event in read_lines(run_dir / "events.jsonl"):
        drawn = page.evaluate(f"{DRAWN_SPANS}({json.dumps(event['event_id'])})")
        for cid in event["claims"]:
            record = claims[cid]
            want = Counter((display_label(e["label"]), " ".join(e["text"].split())) for e in record["evidence"]
                           if any(a <= e["start"] and e["end"] <= b for a, b in record["sentences"]))
            got = Counter((d["label"], " ".join(d["text"].split())) for d in drawn if d["claim"] == cid)
            assert want and not (want - got), (cid, want - got)
            checked += 1
    assert checked == len(claims)


def test_wrong_action_downloads_corrections_that_reconcile_applies(browser, run_dir, tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    page = open_report(browser, run_dir, downloads=downloads)
    events = read_lines(run_dir / "events.jsonl")
    target = next(e for e in events if e["kind"] == "exchange")
    page.type("#reviewer", "T. Tester")
    page.click(f"#card-{target['event_id']} .act-wrong")
    page.click("#download")
    deadline = time.monotonic() + 30
    while not (downloads / "corrections.jsonl").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    fixes = downloads / "corrections.jsonl"
    lines = read_lines(fixes)
    assert {(c["action"], c["claim"], c["who"]) for c in lines} == {("reject_claim", c, "T. Tester")
                                                                   for c in target["claims"]}
    done = cli("reconcile", str(run_dir / "claims.jsonl"), "--output", str(tmp_path / "events.jsonl"),
               "--corrections", str(fixes))
    assert done.returncode == 0, done.stderr
    assert f"corrections: {len(lines)} applied, 0 not applied" in done.stderr
    after = read_lines(tmp_path / "events.jsonl")
    assert not {c for e in after for c in e["claims"]} & set(target["claims"])
    assert len(after) == len(events) - 1

    # re-run with the file: the reloaded report shows the corrections and who made them
    done = cli("run", str(SAMPLE), "--output", str(run_dir), "--corrections", str(fixes), "--quiet")
    assert done.returncode == 0, done.stderr
    page = open_report(browser, run_dir)
    assert page.evaluate(f"document.getElementById('card-{target['event_id']}')") is None
    assert page.evaluate("document.querySelectorAll('.card').length") == len(events) - 1
    applied = page.evaluate("document.getElementById('applied').textContent")
    assert "T. Tester" in applied and "reject_claim" in applied
    assert page.evaluate("document.getElementById('pending').children.length") == 0


@pytest.fixture(scope="module")
def examples_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser-examples") / "run"
    done = cli("run", str(ROOT / "corpus" / "examples" / "articles.jsonl"), "--output", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    return out


def test_every_review_action_writes_a_correction_reconcile_applies(browser, examples_dir, tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    page = open_report(browser, examples_dir, downloads=downloads)
    events = read_lines(examples_dir / "events.jsonl")
    exchanges = sorted((e for e in events if e["kind"] == "exchange"), key=lambda e: (-len(e["claims"]), e["event_id"]))
    big, a, b, c = exchanges[0], exchanges[1], exchanges[2], exchanges[3]
    assert len(big["claims"]) > 1
    page.type("#reviewer", "R. Viewer")

    def card(event: dict) -> str:
        return f"#card-{event['event_id']}"

    # split: the last claim of the event with the most sources
    page.click(f"{card(big)} .act-split")
    page.click(f"{card(big)} .split-claim[value='{big['claims'][-1]}']")
    page.click(f"{card(big)} .act-split-save")
    # merge with: the event a with the event b, chosen in the list
    page.click(f"{card(a)} .act-merge")
    page.evaluate(f"document.querySelector('{card(a)} .merge-target').value = {json.dumps(b['event_id'])}")
    page.click(f"{card(a)} .act-merge-save")
    # fix field on an event: its status
    page.click(f"{card(c)} .act-fix")
    page.type(f"{card(c)} .form-fix .fix-field", "status")
    page.type(f"{card(c)} .form-fix .fix-value", '"planned"')
    page.click(f"{card(c)} .act-fix-save")
    # fix field on one report (claim) of the event c: its date
    claim = c["claims"][0]
    page.click(f"{card(c)} .act-claim-fix[data-claim='{claim}']")
    page.type(f"{card(c)} .claim-fix[data-claim='{claim}'] .fix-field", "date")
    page.type(f"{card(c)} .claim-fix[data-claim='{claim}'] .fix-value",
              '{"start": "2026-01-05", "end": "2026-01-05", "precision": "day"}')
    page.click(f"{card(c)} .act-claim-fix-save[data-claim='{claim}']")
    assert page.evaluate("document.getElementById('pending').children.length") == 4
    page.click("#download")
    fixes = downloads / "corrections.jsonl"
    deadline = time.monotonic() + 30
    while not fixes.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    lines = read_lines(fixes)
    assert [line["action"] for line in lines] == ["split_event", "merge_events", "edit_event", "edit_claim"]
    assert all(line["who"] == "R. Viewer" and line["why"] and line["when"] for line in lines)
    done = cli("reconcile", str(examples_dir / "claims.jsonl"), "--output", str(tmp_path / "events.jsonl"),
               "--corrections", str(fixes))
    assert done.returncode == 0, done.stderr
    assert "corrections: 4 applied, 0 not applied" in done.stderr
    after = {e["event_id"]: e for e in read_lines(tmp_path / "events.jsonl")}
    assert set(b["claims"]) <= set(after[a["event_id"]]["claims"])
    assert big["claims"][-1] not in after[big["event_id"]]["claims"]
    assert after[c["event_id"]]["status"] == "planned"
    assert all(n["who"] == "R. Viewer" for n in after[a["event_id"]]["corrections"])
