"""Ray engine (`--engine ray`, extra `extractor[ray]`): shards run by Ray Data on an actor pool.

The driver reads and screens shards exactly as the local engines do; a window of screened shards
(up to `WINDOW_BYTES` of pickled shards or `WINDOW_SHARDS` shards) becomes one Ray Dataset,
`map_batches` runs them on a pool of `workers` actors (a callable class that loads the pipeline
once when the actor starts), and the driver writes the returned lines as parts and done-markers
in its own work folder, so the cluster needs no shared file system and the
output is the same bytes as a local run. `ray.init()` is called when Ray is not yet initialised
(it joins the cluster named by RAY_ADDRESS, or starts a local one).

Each window starts a fresh actor pool, so the pipeline is loaded once per actor per window (about a
second each). The windows are sized in bytes so that this stays rare: the prefilter leaves few
articles in a shard of a mixed archive, so a window of 64 MB holds the maximum of 1,024 shards
(204,800 articles at the default shard size); a window of exchange articles only holds about 100
shards (20,000 articles). A Dataset fed while it runs, so that one actor pool serves the whole run,
was tried and dropped: Ray Data may run a read task more than once (to look at its first blocks,
or to retry it), and shards taken from a queue by such a run are lost.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from ..reading.items import coded_error
from .shards import ShardCounts, WorkDir
from .tasks import RunContext, ShardTask, run_shard

WINDOW_BYTES = 64 * 1024 * 1024
WINDOW_SHARDS = 1024


def ray_available() -> bool:
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


class ShardActor:
    """A Ray Data callable class: loads the pipeline once, then runs the shards of each batch."""

    def __init__(self, model: str | None, context: bytes) -> None:
        from .files import load_extractor

        self.context: RunContext = pickle.loads(context)
        self.extractor = load_extractor(model)
        wanted = self.context.stamp.get("data_version", "")
        found = getattr(self.extractor, "data_version", "")
        if wanted and found != wanted:
            raise RuntimeError(f"this Ray worker's pipeline has data version {found}, the driver's {wanted}: "
                               "install the same extractor version on every node")

    def __call__(self, batch: dict) -> dict:
        import numpy as np

        indexes, lines, counts = [], [], []
        for index, payload in zip(batch["index"], batch["task"]):
            task: ShardTask = pickle.loads(payload)
            out, shard_counts = run_shard(task, extractor=self.extractor, context=self.context)
            indexes.append(int(index))
            lines.append(pickle.dumps(out))
            counts.append(shard_counts.to_json())
        return {"index": np.array(indexes, dtype=np.int64), "lines": np.array(lines, dtype=object),
                "counts": np.array(counts, dtype=object)}


class RayEngine:
    """Collects screened shards into windows and runs each window as one Ray Dataset."""

    def __init__(self, *, workers: int, extractor, model: str | Path | None, work: WorkDir,
                 context: RunContext, window_bytes: int | None = None, window_shards: int | None = None) -> None:
        if not ray_available():
            raise coded_error("E403")
        import ray

        self._ray = ray
        self._started = False
        if not ray.is_initialized():
            ray.init(ignore_reinit_error=True, include_dashboard=False, log_to_driver=False)
            self._started = True
        self.workers = workers
        self.model = None if model is None else str(model)
        self.work = work
        self.context = context
        self.capacity = max(window_shards or WINDOW_SHARDS, 1)
        self.window_bytes = window_bytes or WINDOW_BYTES
        self._pending: list[tuple[int, bytes]] = []  # (shard index, pickled shard)
        self._pending_bytes = 0
        self._done: list[tuple[int, ShardCounts]] = []
        self._payload = pickle.dumps(context)

    def submit(self, task: ShardTask) -> None:
        payload = pickle.dumps(task)
        self._pending.append((task.index, payload))
        self._pending_bytes += len(payload)

    def _run_window(self) -> None:
        import ray.data

        tasks, self._pending, self._pending_bytes = self._pending, [], 0
        if not tasks:
            return
        rows = [{"index": index, "task": payload} for index, payload in tasks]
        ds = ray.data.from_items(rows, override_num_blocks=len(rows))
        pool = ray.data.ActorPoolStrategy(size=min(self.workers, len(rows)))
        ds = ds.map_batches(ShardActor, fn_constructor_kwargs={"model": self.model, "context": self._payload},
                            batch_size=1, compute=pool, num_cpus=1)
        results = sorted(ds.take_all(), key=lambda row: int(row["index"]))
        for row in results:
            index = int(row["index"])
            counts = ShardCounts.from_json(str(row["counts"]))
            lines = pickle.loads(row["lines"])
            self._done.append((index, self.work.write_shard(index, lines, counts)))

    def poll(self, *, block: bool) -> list[tuple[int, ShardCounts]]:
        if block or len(self._pending) >= self.capacity or self._pending_bytes >= self.window_bytes:
            self._run_window()
        done, self._done = self._done, []
        return done

    @property
    def outstanding(self) -> int:
        return len(self._pending)

    def close(self) -> None:
        self._pending, self._pending_bytes = [], 0
        if self._started:
            self._ray.shutdown()


__all__ = ["RayEngine", "ShardActor", "ray_available"]
