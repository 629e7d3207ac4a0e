"""Sharded, resumable, parallel extraction of a whole archive: the `extract` command's engine.

    summary = extract_archive(["dump.jsonl.gz"], output="out.jsonl", workers=4)

The input items are cut into shards of `shard_size` consecutive items. The driver reads and
screens them in order (`tasks.screen_shard`, the prefilter included), an engine runs the pipeline on each shard
(`parallel.InProcessEngine`, `parallel.PoolEngine`, `ray_engine.RayEngine`), each shard lands in
the work folder `OUT.jsonl.parts/` with a done-marker (`shards.WorkDir`), and the output is
assembled from the parts in shard order at the end, atomically. A re-run of the same command
skips finished shards; `retry_failed` redoes the shards whose articles got a pipeline error.

Every line carries a run id: a digest of the inputs' contents, the tool and data versions and
the options that change the output, so the same inputs give the same bytes whatever the number
of workers or the engine.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from contextlib import ExitStack
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Literal

from ..errors import coded_error
from ..outputs import is_stdio, remove_temp_files
from ..reading import Format, KeyMap, ReadOptions
from .articles import Pipeline, RunOptions, mark_seen, prefilter_for, stamp_of
from .files import checked_run, load_extractor
from .lock import output_lock
from .parallel import Engine, InProcessEngine, PoolEngine
from .prefilter import Prefilter
from .progress import NoProgress, Progress
from .shards import ShardCounts, WorkDir, chunked
from .summary import RunSummary
from .plan import InputPlan
from .tasks import RunContext, screen_shard

EngineName = Literal["local", "ray"]
DEFAULT_SHARD_SIZE = 200


def run_id_for(plan: InputPlan, *, stamp: dict[str, str], options: RunOptions, prefilter: Prefilter | None) -> str:
    """'r-' + 16 hex digits: same input contents, versions and output-changing options, same id."""
    read_options, resolved = plan.read_options, plan.resolved
    spec = {
        "stamp": stamp,
        "inputs": [[kind, gz, digest] for (_, kind, gz), digest in zip(resolved, plan.digests)],
        "max_chars": options.max_chars,
        "on_oversize": options.on_oversize,
        "prefilter": f"{prefilter.version}-w{prefilter.window}" if prefilter is not None else None,
        "read": {"keys": asdict(read_options.keys), "max_record_bytes": read_options.max_record_bytes,
                 "max_gzip_ratio": read_options.max_gzip_ratio, "gzip_ratio_floor": read_options.gzip_ratio_floor},
    }
    if any(kind in ("folder", "html", "warc") for _, kind, _ in resolved):
        from ..reading.html import converter_name

        spec["html"] = converter_name()  # another converter gives other text
    text = json.dumps(spec, sort_keys=True, ensure_ascii=True)
    return "r-" + hashlib.sha256(text.encode("ascii")).hexdigest()[:16]


def _engine(name: EngineName, *, workers: int, extractor: Pipeline, model: str | Path | None, work: WorkDir,
            context: RunContext) -> Engine:
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(workers=workers, extractor=extractor, model=model, work=work, context=context)
    if workers <= 1:
        return InProcessEngine(extractor=extractor, work=work, context=context)
    return PoolEngine(workers=workers, extractor=extractor, model=model, work=work, context=context)


def extract_archive(
    inputs: Sequence[str | Path] | InputPlan,
    *,
    output: str | Path,
    model: str | Path | None = None,
    keys: KeyMap | None = None,
    fmt: Format = "auto",
    options: RunOptions | None = None,
    read_options: ReadOptions | None = None,
    workers: int = 1,
    engine: EngineName = "local",
    shard_size: int = DEFAULT_SHARD_SIZE,
    retry_failed: bool = False,
    keep_parts: bool = False,
    progress: Progress | None = None,
    extractor: Pipeline | None = None,
    prefilter: Prefilter | None | Literal["auto"] = "auto",
) -> RunSummary:
    """Read `inputs` (paths, or a plan made by `plan.plan_inputs`, whose `fmt` and read options then
    stand for `fmt`, `keys` and `read_options`), extract in shards with `workers` processes (or Ray
    actors), write `output`. `prefilter`: "auto" builds the one `options` asks for in front of `extractor`
    (`articles.prefilter_for`); a caller that has already built it passes it (or None: every article goes on).

    Bad usage raises CodedError (E008, E017, E103, E201, E203, E204, E401, E403) before anything is
    written; a worker that dies raises E402 with the finished shards kept for a resume. The work
    folder is removed after a successful run unless `keep_parts`.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if shard_size < 1:
        raise ValueError("shard_size must be at least 1")
    options, out, plan = checked_run(inputs, output=output, keys=keys, fmt=fmt, options=options,
                                     read_options=read_options)
    progress = progress or NoProgress()
    if engine == "ray":
        from .ray_engine import ray_available

        if not ray_available():
            raise coded_error("E403")
    if extractor is None:
        extractor = load_extractor(model)
    if prefilter == "auto":
        prefilter = prefilter_for(extractor, options)
    stamp = stamp_of(extractor)
    run_id = run_id_for(plan, stamp=stamp, options=options, prefilter=prefilter)
    context = RunContext(options=options, run_id=run_id, stamp=stamp)
    with ExitStack() as stack:
        stack.enter_context(output_lock(out))
        if is_stdio(out):  # nothing to resume into: the shards go to a private folder
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="extractor-")))
            work = WorkDir(out, folder=scratch / "parts")
        else:
            remove_temp_files(out.parent if str(out.parent) else Path("."), out.name)
            work = WorkDir(out)
            if plan.has_stream:
                work.remove()  # a stream's content is unknown until read: no shard of it can be trusted
        summary = _run_shards(plan, out=out, options=options, workers=workers, engine=engine, shard_size=shard_size,
                              retry_failed=retry_failed, progress=progress, extractor=extractor, model=model,
                              prefilter=prefilter, context=context, work=work, run_id=run_id)
        if not keep_parts or is_stdio(out):
            work.remove()
    return summary


def _run_shards(plan: InputPlan, *, out: Path, options: RunOptions, workers: int, engine: EngineName,
                shard_size: int, retry_failed: bool, progress: Progress, extractor: Pipeline,
                model: str | Path | None, prefilter: Prefilter | None, context: RunContext, work: WorkDir,
                run_id: str) -> RunSummary:
    """Read, screen and run the shards into `work`, then assemble `out` (the caller holds the lock)."""
    finished = work.open(run_id=run_id, shard_size=shard_size)
    summary = RunSummary(output=str(out))
    started = time.monotonic()
    seen: dict[str, str] = {}
    shards = 0
    runner = _engine(engine, workers=workers, extractor=extractor, model=model, work=work, context=context)
    done = 0

    def collect(block: bool) -> None:
        nonlocal done
        for _index, counts in runner.poll(block=block):
            counts.add_to(summary)
            done += 1
        progress.update(summary, shards_done=done, shards_running=runner.outstanding)

    try:
        for index, batch in enumerate(chunked(plan.items(), shard_size)):
            shards = index + 1
            previous: ShardCounts | None = finished.get(index)
            if previous is not None and not (retry_failed and previous.retryable):
                mark_seen(batch, seen)
                previous.add_to(summary)
                done += 1
                progress.update(summary, shards_done=done, shards_running=runner.outstanding)
                continue
            if previous is not None:
                work.unmark(index)  # redone: an engine skips a shard whose marker it finds
            task = screen_shard(index, batch, context=context, seen=seen, prefilter=prefilter)
            while getattr(runner, "full", runner.outstanding >= runner.capacity):
                collect(block=True)
            runner.submit(task)
            collect(block=False)
        while runner.outstanding:
            collect(block=True)
        collect(block=False)
    finally:
        runner.close()
        progress.close()
    work.assemble(shards=shards, force=options.force)
    summary.seconds = time.monotonic() - started
    return summary


__all__ = ["DEFAULT_SHARD_SIZE", "EngineName", "extract_archive", "run_id_for"]
