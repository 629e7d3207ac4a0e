"""The whole path in one call: read, extract, reconcile into a store, export (`extractor run`).

    summary = run_all(["corpus/sample"], output_dir=Path("out"), workers=2)

Writes into `output_dir`:

    claims.jsonl     the extract output (records and one status line per article)
    events.sqlite    the event store the claims were reconciled into
    events.jsonl     one line per event (`extractor export --format jsonl`)
    events.csv       the same events as ACLED-like columns; flows.csv, sources.csv, claims.csv: the
                     other tidy tables (see `extractor.exporting.tables`); the four tables also as
                     .parquet when pyarrow is installed
    report.html      the review report (`extractor report`): open it in a browser, no network needed
    run.json         written last: the run id and the summary; its presence marks a finished run

Each stage is recorded in `run-state.json` when it finishes. Run the same command again after an
interruption and it goes on from the first unfinished stage (extract itself resumes from its
shards). `corrections` (a corrections file, see `extractor.correcting`) are applied when reconciling;
a finished run whose corrections file has changed since is reconciled and exported again (the
articles are not extracted again); the store is rebuilt from the claims whenever reconciling did not finish, so the events
never depend on where a run was stopped. A folder holding a finished run, or the state of another
run (other inputs, data or options), is only replaced with `force`.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ..reading import Format, KeyMap, ReadOptions
from ..errors import coded_error
from ..outputs import AtomicLines, remove_temp_files
from .archive import DEFAULT_SHARD_SIZE, EngineName, extract_archive, run_id_for
from .articles import Pipeline, RunOptions, prefilter_for, stamp_of
from .files import load_extractor
from .plan import plan_inputs
from .lock import folder_lock
from .progress import NoProgress, Progress
from .shards import WorkDir
from .summary import RunSummary
from ..storing.reconcile import corrections_text

CLAIMS, STORE, EVENTS_JSONL, EVENTS_CSV = "claims.jsonl", "events.sqlite", "events.jsonl", "events.csv"
STATE, DONE = "run-state.json", "run.json"
TABLE_NAMES = ("events", "flows", "sources", "claims")
TABLE_FILES = tuple(f"{t}.{ext}" for ext in ("csv", "parquet") for t in TABLE_NAMES)
REPORT_PAGE = "report.html"
_OURS = (CLAIMS, STORE, f"{STORE}-wal", f"{STORE}-shm", f"{STORE}-journal", EVENTS_JSONL, *TABLE_FILES, REPORT_PAGE, STATE,
         DONE)


@dataclass
class FullRunSummary:
    """What `run_all` did: the extract summary, the events by kind, and the files written."""

    output_dir: str
    run_id: str
    extract: RunSummary
    events: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    resumed_from: str | None = None
    seconds: float = 0.0
    corrections: tuple = ()  # `correcting.Applied`, one per correction given

    def format(self) -> str:
        ex = self.extract
        statuses, records = ex.counts_text()
        events = ", ".join(f"{k} {v}" for k, v in sorted(self.events.items())) or "none"
        lines = [
            f"run {self.run_id} in {self.seconds:.1f}s" + (f" (resumed at {self.resumed_from})" if self.resumed_from else ""),
            f"articles: {ex.items} ({statuses})",
            f"records: {ex.records_total} ({records})",
            f"events: {sum(self.events.values())} ({events}), {self.conflicts} with conflicts",
            f"files: {self.output_dir}/{{{CLAIMS}, {STORE}, {EVENTS_JSONL}, {{events,flows,sources,claims}}.csv, "
            f"{REPORT_PAGE}}}",
            *ex.errors_text(),
            *ex.notes_text(),
            *corrections_text(self.corrections),
        ]
        return "\n".join(lines)


def _write_json(path: Path, data: dict) -> None:
    with AtomicLines(path, force=True) as out:
        out.write_text(json.dumps(data, sort_keys=True, indent=1) + "\n")


def _read_json(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _digest(path: Path | None) -> str | None:
    """The corrections file's content digest (None: no file given)."""
    if path is None:
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    except OSError:
        return None  # read_corrections reports it


def _clear(folder: Path) -> None:
    """Remove the files a run writes (never anything else in the folder)."""
    for name in _OURS:
        (folder / name).unlink(missing_ok=True)
    WorkDir(folder / CLAIMS).remove()


def _claims_run_id(path: Path) -> str | None:
    """The run id on the first line of a claims file, or None (missing, empty, unreadable)."""
    try:
        with path.open(encoding="utf-8") as fh:
            first = fh.readline()
        return json.loads(first).get("run_id") if first.strip() else None
    except (OSError, ValueError, AttributeError):
        return None


def _summary_of(claims: Path, state: dict | None) -> RunSummary:
    """The extract summary of a run resumed after extract: as recorded in `state` when the extract
    stage finished, else (stopped right after the claims were assembled) rebuilt from the claims."""
    recorded = (state or {}).get("extract")
    if isinstance(recorded, dict):
        try:
            return RunSummary(**recorded)
        except TypeError:
            pass
    return _summary_from_claims(claims)


def _summary_from_claims(claims: Path) -> RunSummary:
    summary = RunSummary(output=str(claims))
    with claims.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            summary.lines += 1
            if row.get("type") != "article":
                summary.count_record(row["type"])
                continue
            summary.count_status(row["status"], error=row["error"]["message"] if row["status"] == "error" else None,
                                 note=row.get("note"))
    return summary


def _finished(folder: Path, run_id: str, done: dict, started: float) -> FullRunSummary:
    """The summary of a run finished earlier in `folder`, from its run.json (nothing is redone)."""
    from ..storing import EventStore

    summary = RunSummary(output=str(folder / CLAIMS))
    summary.items = int(done.get("articles", 0))
    summary.statuses.update(done.get("statuses", {}))
    summary.records.update(done.get("records", {}))
    conflicts = 0
    if (folder / STORE).exists():
        with EventStore(folder / STORE, create=False) as st:
            conflicts = sum(1 for ev in st.events() if ev.conflicts)
    return FullRunSummary(output_dir=str(folder), run_id=run_id, extract=summary, events=dict(done.get("events", {})),
                          conflicts=conflicts, resumed_from="finished", seconds=time.monotonic() - started)


def run_all(
    inputs: Sequence[str | Path],
    *,
    output_dir: str | Path,
    model: str | Path | None = None,
    keys: KeyMap | None = None,
    fmt: Format = "auto",
    options: RunOptions | None = None,
    workers: int = 1,
    engine: EngineName = "local",
    shard_size: int = DEFAULT_SHARD_SIZE,
    force: bool = False,
    retry_failed: bool = False,
    progress: Progress | None = None,
    extractor: Pipeline | None = None,
    corrections: str | Path | None = None,
) -> FullRunSummary:
    """Read, extract, reconcile and export into `output_dir` (created if missing, its parent must
    exist). CodedError E201 when it holds another run's files and not `force`; a finished run of
    the same inputs and options is reported as it is (nothing is redone) unless `retry_failed`,
    which extracts again the articles that got an error and reconciles and exports afresh."""
    from ..correcting import read_corrections
    from ..exporting import StoreView, parquet_available, write_export
    from ..reconciling.claims import read_claim_files
    from ..reporting import ReportInput, report_of_run
    from ..storing import EventStore

    started = time.monotonic()
    options = options or RunOptions()
    folder = Path(output_dir)
    read_options = ReadOptions(keys=keys or KeyMap(), exclude=frozenset({os.path.realpath(folder)}))
    plan = plan_inputs(inputs, fmt=fmt, read_options=read_options)  # resolved and (below) hashed once
    if folder.exists() and not folder.is_dir():
        raise coded_error("E204", path=str(folder), detail="it is not a folder")
    if not folder.parent.is_dir():
        raise coded_error("E204", path=str(folder), detail=f"folder {str(folder.parent)!r} does not exist")
    if extractor is None:
        extractor = load_extractor(model)
    prefilter = prefilter_for(extractor, options)  # built once: extract_archive is given it
    run_id = run_id_for(plan, stamp=stamp_of(extractor), options=options, prefilter=prefilter)
    fixes = read_corrections(Path(corrections)) if corrections is not None else []
    fix_digest = _digest(Path(corrections) if corrections is not None else None)
    folder.mkdir(exist_ok=True)
    with folder_lock(folder):  # one run in a folder at a time (E210)
        claims = folder / CLAIMS
        if force:
            _clear(folder)
        for name in _OURS:  # temporary files of writes a kill interrupted
            remove_temp_files(folder, name)
        finished = _read_json(folder / DONE)
        if (finished and finished.get("run_id") == run_id and finished.get("corrections") != fix_digest
                and _claims_run_id(claims) == run_id):  # corrections changed: reconcile and export again
            _write_json(folder / STATE, {"run_id": run_id, "done": ["extract"]})
            (folder / DONE).unlink()
            finished = None
        state = _read_json(folder / STATE)
        ours = (state or {}).get("run_id") == run_id or _claims_run_id(claims) == run_id
        present = [name for name in (DONE, CLAIMS, STORE, EVENTS_JSONL, EVENTS_CSV) if (folder / name).exists()]
        if present and present[0] == DONE and (finished or {}).get("run_id") == run_id and not plan.has_stream:
            if not retry_failed:
                return _finished(folder, run_id, finished or {}, started)
            ours = True
        if present and (not ours or plan.has_stream):  # a stream's content is unknown: never resumed
            raise coded_error("E201", path=str(folder / present[0]))
        done: list[str] = list(state.get("done", [])) if state and state.get("run_id") == run_id else []
        if retry_failed:
            done = []
        resumed = None
        if _claims_run_id(claims) == run_id and not retry_failed:
            resumed = "reconcile" if "reconcile" not in done else "export"
            summary = _summary_of(claims, state if (state or {}).get("run_id") == run_id else None)
            WorkDir(claims).remove()  # left behind when a run was stopped right after assembling the claims
        else:
            done = []
            summary = extract_archive(plan, output=claims, options=replace(options, force=True), workers=workers,
                                      engine=engine, shard_size=shard_size, retry_failed=retry_failed,
                                      progress=progress or NoProgress(), extractor=extractor, prefilter=prefilter)

        def finish(stage: str) -> None:
            if stage not in done:
                done.append(stage)
            _write_json(folder / STATE, {"run_id": run_id, "done": done, "extract": asdict(summary)})

        finish("extract")
        store = folder / STORE
        reconcile = "reconcile" not in done
        if reconcile:
            for name in (STORE, f"{STORE}-wal", f"{STORE}-shm", f"{STORE}-journal"):
                (folder / name).unlink(missing_ok=True)
        applied: tuple = ()
        with EventStore(store, create=reconcile) as st:  # opened once: reconciled into, then exported from
            if reconcile:
                items = list(read_claim_files([claims]))  # records carry their article's outlet, url and date
                changes = st.update(items, corrections=fixes)
                applied = changes.corrections
                finish("reconcile")
            view = StoreView(st)  # each event parsed once, for the counts and every table
            events = view.events
            if "export" not in done:
                write_export(view, fmt="jsonl", output=folder / EVENTS_JSONL)
                for table in TABLE_NAMES:
                    write_export(view, fmt="csv", output=folder / f"{table}.csv", table=table)
                    if parquet_available():
                        write_export(view, fmt="parquet", output=folder / f"{table}.parquet", table=table)
                finish("export")
            loaded = ReportInput(events=events, claims=view.claims, rejected=st.rejected(), source=str(store))
        if "report" not in done:
            report_of_run(folder, inputs=[] if plan.has_stream else plan.paths, keys=plan.read_options.keys, fmt=fmt,
                          corrections=Path(corrections) if corrections is not None else None,
                          nlp=getattr(extractor, "nlp", None), loaded=loaded)
            finish("report")
        result = FullRunSummary(output_dir=str(folder), run_id=run_id, extract=summary,
                                events=dict(Counter(ev.kind for ev in events)),
                                conflicts=sum(1 for ev in events if ev.conflicts), resumed_from=resumed,
                                seconds=time.monotonic() - started, corrections=tuple(applied))
        _write_json(folder / DONE, {"run_id": run_id, "articles": summary.items, "statuses": summary.statuses,
                                    "records": summary.records, "events": result.events,
                                    "corrections": fix_digest})
        (folder / STATE).unlink(missing_ok=True)
        return result


__all__ = ["FullRunSummary", "run_all"]
