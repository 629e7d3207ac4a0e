"""Benchmark and screenshots of the review report in headless Chromium (Debian's `chromium`).

    .venv/bin/python bench/report_browser.py                       # 1,000 events, 3 loads, medians
    .venv/bin/python bench/report_browser.py --events 2000 --screenshots docs

The store: the claims of `extractor run corpus/sample`, copied under new article and claim ids
with dates moved by a week per copy and figures changed per copy (so no copy merges with
another), reconciled into one store by `reconcile --store` until it holds `--events` events or
more; the articles are copied too, so every card shows its sentences. `extractor report` writes
the page, which is opened `--repeats` times in a fresh tab over the DevTools protocol. Reported:

- the page's size, and the time `extractor report` took;
- load: navigation start to first contentful paint, to the end of the page's script (cards,
  charts and totals drawn: `data-ready`), and to the load event (performance.timing, ms);
- filter: from a dyad chosen in its select (a change event) to the next frame after the cards,
  the timeline and the totals were redrawn; the same for a word typed in the search box (after its
  150 ms pause), and for the reset button (all events back). Each as wall time and as the time the
  page's main thread was busy (DevTools Performance.getMetrics TaskDuration), which a loaded
  machine inflates less; and the page's own measures of its parts (filter, cards, timeline, totals);
Not a test: figures only; on a shared machine the load average printed with them matters.
`--screenshots DIR` also writes DIR/report-overview.png and DIR/report-card.png, of the report of
`extractor run --screenshots-of` (default corpus/examples: events with several sources, merges and
a conflict; the card is the exchange with the most sources, then the most conflicts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chromium import Chromium  # noqa: E402

SAMPLE = ROOT / "corpus" / "sample" / "articles.jsonl"


def cli(*args: str) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "extractor", *args], check=True, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                   capture_output=True)
    return time.monotonic() - started


def shift(date: dict | None, days: int) -> dict | None:
    if not date:
        return date
    out = dict(date)
    for key in ("start", "end"):
        if out.get(key):
            out[key] = (dt.date.fromisoformat(out[key]) + dt.timedelta(days=days)).isoformat()
    return out


def scaled(count: dict | None, k: int) -> dict | None:
    if not count:
        return count
    return {key: (v + k if isinstance(v, int) else v) for key, v in count.items()}


def copies(claims: list[dict], articles: list[dict], n: int) -> tuple[list[dict], list[dict]]:
    out_claims, out_articles = [], []
    for i in range(n):
        for art in articles:
            out_articles.append({**art, "id": f"{art['id']}-c{i}", "published": shift({"start": art["published"]}, 7 * i)["start"]
                                 if art.get("published") else None})
        for c in claims:
            row = dict(c, doc_id=f"{c['doc_id']}-c{i}", claim_id=f"{c['claim_id']}-c{i}")
            if row.get("published"):
                row["published"] = shift({"start": row["published"]}, 7 * i)["start"]
            for key in ("date", "as_of"):
                if row.get(key):
                    row[key] = shift(row[key], 7 * i)
            for key in ("flows", "terms"):
                if row.get(key):
                    row[key] = [dict(f, count=scaled(f.get("count"), i)) for f in row[key]]
            if row.get("flow"):
                row["flow"] = dict(row["flow"], count=scaled(row["flow"].get("count"), i))
            out_claims.append(row)
    return out_claims, out_articles


def timings(page) -> dict:
    return page.evaluate("""(() => { const t = performance.timing, p = performance.getEntriesByType('paint');
        const fcp = p.find((e) => e.name === 'first-contentful-paint');
        return {fcp: fcp ? fcp.startTime : null, ready: Number(document.body.dataset.readyAt) - t.navigationStart,
                load: t.loadEventEnd - t.navigationStart}; })()""")


FRAME = "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"


def busy(page) -> float:
    """Seconds the page's main thread has spent on tasks so far (DevTools Performance metrics)."""
    return next(m["value"] for m in page.send("Performance.getMetrics")["metrics"] if m["name"] == "TaskDuration")


def timed(page, action: str) -> tuple[float, float]:
    """(wall ms to the next frame after `action`, main-thread busy ms meanwhile): the second is what
    the page itself costs, the first also what a loaded machine adds."""
    before = busy(page)
    wall = page.evaluate(f"""(async () => {{ const t0 = performance.now(); {action}; await {FRAME};
        return performance.now() - t0; }})()""")
    return wall, (busy(page) - before) * 1000


def measure(browser: Chromium, page_path: Path, repeats: int) -> dict:
    runs = []
    for _ in range(repeats):
        page = browser.open(page_path.as_uri())
        page.wait_for("document.body.dataset.ready === '1'")
        t = timings(page)
        page.send("Performance.enable")
        dyad = page.evaluate("""(() => { const c = {}; JSON.parse(document.getElementById('report-data').textContent)
            .events.forEach((e) => { c[e.dyad] = (c[e.dyad] || 0) + 1; });
            return Object.keys(c).sort((a, b) => c[b] - c[a])[0]; })()""")
        t["filter_dyad"], t["filter_dyad_busy"] = timed(page, f"const s = document.getElementById('f-dyad'); s.value = {json.dumps(dyad)}; "
                                       "s.dispatchEvent(new Event('change'))")
        t["parts"] = page.evaluate("""(() => { const o = {}; performance.getEntriesByType('measure')
            .filter((m) => m.name.startsWith('report:')).forEach((m) => { o[m.name.slice(7)] = m.duration; }); return o; })()""")
        t["shown_after_filter"] = int(page.evaluate("document.body.dataset.shown"))
        t["reset"], t["reset_busy"] = timed(page, "document.getElementById('f-reset').click()")
        t["search"], t["search_busy"] = timed(page, "const q = document.getElementById('f-search'); q.value = 'istanbul'; "
                                  "q.dispatchEvent(new Event('input')); await new Promise((r) => setTimeout(r, 160))")
        t["search"] -= 160
        t["cards"] = page.evaluate("JSON.parse(document.getElementById('report-data').textContent).events.length")
        page.close()
        runs.append(t)
    keys = ("fcp", "ready", "load", "filter_dyad", "reset", "search", "filter_dyad_busy", "reset_busy", "search_busy")
    parts = {k: statistics.median(r["parts"][k] for r in runs) for k in runs[0]["parts"]}
    return {**{k: statistics.median(r[k] for r in runs) for k in keys}, "cards": runs[0]["cards"], "parts": parts,
            "shown_after_filter": runs[0]["shown_after_filter"], "runs": runs}


def screenshots(browser: Chromium, page_path: Path, folder: Path) -> None:
    page = browser.open(page_path.as_uri())
    page.wait_for("document.body.dataset.ready === '1'")
    page.screenshot(folder / "report-overview.png")  # the first screen: filters, timeline, totals
    # a card with more than one source, if any: the one with the most claims
    card = page.evaluate("""(() => { const d = JSON.parse(document.getElementById('report-data').textContent).events;
        const e = d.filter((x) => x.kind === 'exchange').sort((a, b) => b.claims.length - a.claims.length ||
            b.conflicts.length - a.conflicts.length || (a.id < b.id ? -1 : 1))[0];
        return e.id; })()""")
    # cards off screen are laid out when first seen (content-visibility): lay them all out for a steady clip
    page.evaluate("document.querySelectorAll('.card').forEach((c) => { c.style.contentVisibility = 'visible'; })")
    page.screenshot(folder / "report-card.png", selector=f"#card-{card}")
    page.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--screenshots", type=Path, default=None)
    ap.add_argument("--screenshots-of", type=Path, default=ROOT / "corpus" / "examples" / "articles.jsonl")
    ap.add_argument("--keep", type=Path, default=None, help="work folder (default: a temporary one)")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="report-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    run = work / "sample-run"
    cli("run", str(SAMPLE), "--output", str(run), "--force", "--quiet")
    claims = [json.loads(x) for x in (run / "claims.jsonl").read_text().splitlines()]
    claims = [c for c in claims if c["type"] != "article"]
    events_per_copy = sum(1 for _ in (run / "events.jsonl").read_text().splitlines())
    n = -(-args.events // events_per_copy)
    articles = [json.loads(x) for x in SAMPLE.read_text().splitlines()]
    used = {c["doc_id"] for c in claims}
    store = work / "events.sqlite"
    while True:  # copies of agreements and running totals may merge across copies: add copies until enough
        big_claims, big_articles = copies(claims, [a for a in articles if a["id"] in used], n)
        (work / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in big_claims))
        (work / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in big_articles))
        store.unlink(missing_ok=True)
        cli("reconcile", str(work / "claims.jsonl"), "--store", str(store), "--output", str(work / "events.jsonl"),
            "--force", "--quiet")
        events = sum(1 for _ in (work / "events.jsonl").read_text().splitlines())
        if events >= args.events:
            break
        n = -(-n * args.events // events)
    report_s = cli("report", str(store), "--output", str(work / "report"), "--articles", str(work / "articles.jsonl"),
                   "--force", "--quiet")
    page = work / "report" / "index.html"
    with Chromium.start(width=1400, height=1000) as browser:
        figures = measure(browser, page, args.repeats)
        if args.screenshots:
            args.screenshots.mkdir(parents=True, exist_ok=True)
            shots = work / "screenshots-run"
            cli("run", str(args.screenshots_of), "--output", str(shots), "--force", "--quiet")
            screenshots(browser, shots / "report.html", args.screenshots)
    print(f"events {events} (claims {len(big_claims)}), page {page.stat().st_size / 1e6:.1f} MB, "
          f"extractor report {report_s:.1f}s, load average {os.getloadavg()[0]:.2f}")
    print(f"load (ms from navigation start, median of {args.repeats}): first contentful paint {figures['fcp']:.0f}, "
          f"script done (cards, charts, totals) {figures['ready']:.0f}, load event {figures['load']:.0f}")
    parts = ", ".join(f"{k} {v:.0f}" for k, v in figures["parts"].items())
    print(f"filter by dyad: {figures['filter_dyad']:.0f} ms to the next frame, main thread busy "
          f"{figures['filter_dyad_busy']:.0f} ms ({figures['shown_after_filter']} of {figures['cards']} events left, "
          f"cards drawn 100 at a time; script parts in ms: {parts})")
    print(f"search one word: {figures['search']:.0f} ms after the 150 ms typing pause, busy {figures['search_busy']:.0f} "
          f"ms; reset (all events back): {figures['reset']:.0f} ms, busy {figures['reset_busy']:.0f} ms")


if __name__ == "__main__":
    main()
