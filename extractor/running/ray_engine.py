"""Ray engine (`--engine ray`, extra `extractor[ray]`): shards run by Ray Data on an actor pool.

The driver reads and screens shards exactly as the local engines do; every `window` screened shards
become one Ray Dataset, `map_batches` runs them on a pool of `workers` actors (a callable class that
loads the pipeline once when the actor starts), and the driver writes the returned lines as parts
and done-markers in its own work folder, so the cluster needs no shared file system and the
output is the same bytes as a local run. `ray.init()` is called when Ray is not yet initialised
(it joins the cluster named by RAY_ADDRESS, or starts a local one).

Each window starts a fresh actor pool, so the pipeline is loaded once per actor per window: with
the default window (16 shards per worker, 3,200 articles at the default shard size) that is
about a second of loading per few thousand articles.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from ..reading.items import coded_error
from .shards import ShardCounts, WorkDir
from .tasks import RunContext, ShardTask, run_shard

SHARDS_PER_WORKER = 16


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
                 context: RunContext, window: int | None = None) -> None:
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
        self.capacity = window or max(SHARDS_PER_WORKER * workers, 1)
        self._pending: list[ShardTask] = []
        self._done: list[tuple[int, ShardCounts]] = []
        self._payload = pickle.dumps(context)

    def submit(self, task: ShardTask) -> None:
        self._pending.append(task)

    def _run_window(self) -> None:
        import ray.data

        tasks, self._pending = self._pending, []
        if not tasks:
            return
        rows = [{"index": task.index, "task": pickle.dumps(task)} for task in tasks]
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
        if block or len(self._pending) >= self.capacity:
            self._run_window()
        done, self._done = self._done, []
        return done

    @property
    def outstanding(self) -> int:
        return len(self._pending)

    def close(self) -> None:
        self._pending = []
        if self._started:
            self._ray.shutdown()


__all__ = ["RayEngine", "ShardActor", "ray_available"]
