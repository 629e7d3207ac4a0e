"""Where blocks are clustered: `local` (this process, or `workers` processes of this machine), or `ray`
(tasks on the cluster of `ray.init()`).

An engine maps `clustering.cluster_claims` over blocks and gives the results back in block order;
the driver builds the events, so the output does not depend on the engine. The process and Ray engines
keep at most IN_FLIGHT_PER_CPU x their CPUs tasks in flight, so the driver's memory stays bounded; the
process engine sends small blocks in batches of about BATCH_CLAIMS claims, so a task costs more than
its messages.
"""

from __future__ import annotations

import multiprocessing
from array import array
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, Protocol

from ..errors import coded_error
from .claims import Claim
from .clustering import Clustering, cluster_claims

EngineName = Literal["local", "ray"]
IN_FLIGHT_PER_CPU = 4
BATCH_CLAIMS = 2000


# A block's claims and its candidate pairs (see `partition.partition_pairs`; None: looked up on the block),
# and optionally the labels of claims not clustered again (`clustering.cluster_claims`'s `fixed`)
BlockWork = tuple  # (claims, pairs) or (claims, pairs, fixed)


class BlockEngine(Protocol):
    def cluster(self, blocks: Iterable[BlockWork]) -> Iterator[Clustering]: ...


class LocalEngine:
    def cluster(self, blocks: Iterable[BlockWork]) -> Iterator[Clustering]:
        for claims, pairs, *fixed in blocks:
            yield cluster_claims(claims, pairs, *fixed)


def _cluster_remote(claims: Sequence[Claim], pairs: array | None, fixed: Sequence[int] | None = None) -> Clustering:
    import gc

    gc.disable()  # see `extractor.memory.no_cyclic_gc`
    try:
        return cluster_claims(claims, pairs, fixed)
    finally:
        gc.enable()


def _cluster_batch(batch: list[tuple]) -> list[Clustering]:
    import gc

    gc.disable()  # see `extractor.memory.no_cyclic_gc`; a worker process runs nothing else
    return [cluster_claims(*work) for work in batch]


class ProcessEngine:
    """Blocks clustered in `workers` processes of this machine, while this process builds the events of
    the blocks already done. The workers are forked where the system can (they share this process's
    pages and touch only the blocks they are sent), else started afresh."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers

    def cluster(self, blocks: Iterable[BlockWork]) -> Iterator[Clustering]:
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        in_flight = IN_FLIGHT_PER_CPU * self.workers
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx) as pool:
            pending: deque = deque()
            batch: list[tuple] = []
            size = 0
            for claims, pairs, *fixed in blocks:
                batch.append((list(claims), pairs, *fixed))
                size += len(claims)
                if size >= BATCH_CLAIMS:
                    pending.append(pool.submit(_cluster_batch, batch))
                    batch, size = [], 0
                    if len(pending) >= in_flight:
                        yield from pending.popleft().result()
            if batch:
                pending.append(pool.submit(_cluster_batch, batch))
            while pending:
                yield from pending.popleft().result()


class RayEngine:
    """Blocks as Ray tasks. `ray.init()` is called when Ray is not yet initialised (it joins the cluster
    named by RAY_ADDRESS, or starts a local one)."""

    def __init__(self) -> None:
        try:
            import ray
        except ImportError:
            raise coded_error("E403") from None

        if not ray.is_initialized():
            ray.init(ignore_reinit_error=True, include_dashboard=False, log_to_driver=False)
        self._ray = ray
        self._task = ray.remote(num_cpus=1)(_cluster_remote)
        self._in_flight = max(2, IN_FLIGHT_PER_CPU * int(ray.cluster_resources().get("CPU", 1)))

    def cluster(self, blocks: Iterable[BlockWork]) -> Iterator[Clustering]:
        pending: deque = deque()
        for claims, pairs, *fixed in blocks:
            pending.append(self._task.remote(list(claims), pairs, *fixed))
            if len(pending) >= self._in_flight:
                yield self._ray.get(pending.popleft())
        while pending:
            yield self._ray.get(pending.popleft())


def block_engine(name: EngineName | BlockEngine | None, *, workers: int = 1) -> BlockEngine:
    """The engine `name`; `workers` > 1 with `local`: that many worker processes."""
    if name is None or name == "local":
        return ProcessEngine(workers) if workers > 1 else LocalEngine()
    if name == "ray":
        return RayEngine()
    if isinstance(name, str):
        raise ValueError(f"unknown engine {name!r}: local or ray")
    return name


__all__ = ["BlockEngine", "BlockWork", "EngineName", "LocalEngine", "ProcessEngine", "RayEngine", "block_engine"]
