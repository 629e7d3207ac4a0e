"""Ray engine (`--engine ray`, extra `extractor[ray]`): shards run by Ray Data on an actor pool.

The driver reads and screens shards exactly as the local engines do and posts each screened shard
on a board (a small Ray actor) under the next sequence number. One Ray Dataset serves the whole
run: its source is a read task that asks the board for shard 0, 1, 2, ... in turn, waiting for
each to be posted, until the end marker that `close` posts; `map_batches` runs the shards on a
pool of `workers` actors, each a callable class that loads the pipeline once, when it starts. A
thread in the driver drains the dataset's rows; the driver writes the returned lines as parts and
done-markers in its own work folder, so the cluster needs no shared file system and the output is
the same bytes as a local run. `ray.init()` is called when Ray is not yet initialised (it joins
the cluster named by RAY_ADDRESS, or starts a local one).

Ray retries a read task whose worker dies. The read task is a pure function of the board, which
keeps a shard until its result is back, so a retry yields the same shards again, never fewer: the
driver keeps the first result of each shard and drops the repeats (the same bytes). A shard whose
result is back is not sent again.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import threading
import uuid
from pathlib import Path

from ..errors import coded_error
from .shards import ShardCounts, WorkDir
from .tasks import RunContext, ShardTask, run_shard

log = logging.getLogger(__name__)

SHARDS_PER_WORKER = 4  # shards posted ahead per actor
END = "end"  # what the board gives for the sequence number after the last shard
FINISHED = "finished"  # what it gives for a shard whose result is already back


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
        self.load_id = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"  # names this loaded pipeline
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
                "counts": np.array(counts, dtype=object),
                "load_id": np.array([self.load_id] * len(indexes), dtype=object)}


def _board_class():
    import asyncio

    import ray

    @ray.remote(num_cpus=0)
    class ShardBoard:
        """Sequence number -> (shard index, pickled shard), kept until the driver has the result."""

        def __init__(self) -> None:
            self.posted: dict[int, object] = {}
            self.finished: set[int] = set()
            self.changed = asyncio.Condition()

        async def post(self, seq: int, item: object) -> None:
            async with self.changed:
                self.posted[seq] = item
                self.changed.notify_all()

        async def take(self, seq: int) -> object:
            async with self.changed:
                await self.changed.wait_for(lambda: seq in self.posted or seq in self.finished)
                return self.posted.get(seq, FINISHED)

        async def finish(self, seq: int) -> None:
            async with self.changed:
                self.posted.pop(seq, None)
                self.finished.add(seq)
                self.changed.notify_all()

    return ShardBoard


def _shard_source(board):
    """A Ray Data source of one read task that yields the board's shards in sequence, one block each."""
    from ray.data import Datasource, ReadTask
    from ray.data.block import BlockMetadata

    class BoardSource(Datasource):
        def estimate_inmemory_data_size(self) -> None:
            return None

        def get_read_tasks(self, parallelism: int, per_task_row_limit=None, data_context=None) -> list:
            def read():
                import pyarrow as pa
                import ray

                seq = 0
                while True:
                    item = ray.get(board.take.remote(seq))
                    if item == END:
                        return
                    if item != FINISHED:
                        index, payload = item
                        yield pa.table({"seq": pa.array([seq], pa.int64()), "index": pa.array([index], pa.int64()),
                                        "task": pa.array([payload], pa.binary())})
                    seq += 1

            meta = BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None, input_files=None)
            return [ReadTask(read, meta)]

    return BoardSource()


class RayEngine:
    """Streams screened shards through one Ray Dataset whose actors each load the pipeline once."""

    def __init__(self, *, workers: int, extractor, model: str | Path | None, work: WorkDir,
                 context: RunContext) -> None:
        if not ray_available():
            raise coded_error("E403")
        import ray
        import ray.data

        self._ray = ray
        self._started = False
        if not ray.is_initialized():
            ray.init(ignore_reinit_error=True, include_dashboard=False, log_to_driver=False)
            self._started = True
        self.work = work
        self.capacity = max(SHARDS_PER_WORKER * workers, 1)
        self.load_ids: set[str] = set()
        self._seq_of: dict[int, int] = {}  # shard index -> sequence number, while outstanding
        self._next_seq = 0
        self._closed = False
        self._rows: queue.Queue = queue.Queue()
        self._board = _board_class().remote()
        ds = ray.data.read_datasource(_shard_source(self._board), override_num_blocks=1,
                                      num_cpus=0)  # the read task only waits: it takes no CPU from the actors
        ds.context.target_max_block_size = 1  # hand on each shard at once, not when a block is full
        ds.context.enable_progress_bars = False  # the run's own progress (bar or log lines) covers it
        ds = ds.map_batches(ShardActor, fn_constructor_kwargs={"model": None if model is None else str(model),
                                                               "context": pickle.dumps(context)},
                            batch_size=1, compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1)
        self._drain = threading.Thread(target=self._drain_rows, args=(ds,), name="extractor-ray-rows", daemon=True)
        self._drain.start()

    def _drain_rows(self, ds) -> None:
        try:
            # whole blocks, none held back: prefetching would keep the last shard until another comes
            for batch in ds.iter_batches(batch_size=None, prefetch_batches=0, batch_format="numpy"):
                for i in range(len(batch["index"])):
                    self._rows.put({key: values[i] for key, values in batch.items()})
        except BaseException as exc:  # noqa: BLE001 - handed over to the driver's thread in `poll`
            self._rows.put(exc)
        self._rows.put(END)

    def submit(self, task: ShardTask) -> None:
        seq, self._next_seq = self._next_seq, self._next_seq + 1
        self._seq_of[task.index] = seq
        self._ray.get(self._board.post.remote(seq, (task.index, pickle.dumps(task))))

    def poll(self, *, block: bool) -> list[tuple[int, ShardCounts]]:
        done: list[tuple[int, ShardCounts]] = []
        while self._seq_of:
            try:
                row = self._rows.get(block=block and not done)
            except queue.Empty:
                break
            if isinstance(row, BaseException) or row == END:
                detail = f"the Ray run failed: {row}" if isinstance(row, BaseException) else "the Ray run ended early"
                raise coded_error("E402", detail=detail, path=str(self.work.path))
            index = int(row["index"])
            seq = self._seq_of.pop(index, None)
            if seq is None:
                continue  # a repeat of a shard already written
            self._ray.get(self._board.finish.remote(seq))
            self.load_ids.add(str(row["load_id"]))
            counts = ShardCounts.from_json(str(row["counts"]))
            done.append((index, self.work.write_shard(index, pickle.loads(row["lines"]), counts)))
        return done

    @property
    def outstanding(self) -> int:
        return len(self._seq_of)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._ray.get(self._board.post.remote(self._next_seq, END))
            self._drain.join(timeout=120)
            log.info("Ray: %d actors loaded the pipeline, once each", len(self.load_ids))
        finally:
            if self._started:
                self._ray.shutdown()


__all__ = ["RayEngine", "ShardActor", "ray_available"]
