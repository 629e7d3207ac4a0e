"""Where blocks are clustered: `local` (this process), or `ray` (tasks on the cluster of `ray.init()`).

An engine maps `clustering.cluster_claims` over blocks and gives the results back in block order;
the driver builds the events, so the output does not depend on the engine. The Ray engine keeps at
most IN_FLIGHT_PER_CPU x the cluster's CPUs blocks in flight, so the driver's memory stays bounded.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, Protocol

from ..errors import coded_error
from .claims import Claim
from .clustering import Clustering, cluster_claims

EngineName = Literal["local", "ray"]
IN_FLIGHT_PER_CPU = 4


# A block's claims and its candidate pairs (see `partition.partition_pairs`; None: looked up on the block)
BlockWork = tuple[Sequence[Claim], "array | None"]


class BlockEngine(Protocol):
    def cluster(self, blocks: Iterable[BlockWork]) -> Iterator[Clustering]: ...


class LocalEngine:
    def cluster(self, blocks: Iterable[BlockWork]) -> Iterator[Clustering]:
        for claims, pairs in blocks:
            yield cluster_claims(claims, pairs)


def _cluster_remote(claims: Sequence[Claim], pairs: array | None) -> Clustering:
    import gc

    gc.disable()  # see `extractor.memory.no_cyclic_gc`
    try:
        return cluster_claims(claims, pairs)
    finally:
        gc.enable()


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
        for claims, pairs in blocks:
            pending.append(self._task.remote(list(claims), pairs))
            if len(pending) >= self._in_flight:
                yield self._ray.get(pending.popleft())
        while pending:
            yield self._ray.get(pending.popleft())


def block_engine(name: EngineName | BlockEngine | None) -> BlockEngine:
    if name is None or name == "local":
        return LocalEngine()
    if name == "ray":
        return RayEngine()
    if isinstance(name, str):
        raise ValueError(f"unknown engine {name!r}: local or ray")
    return name


__all__ = ["BlockEngine", "BlockWork", "EngineName", "LocalEngine", "RayEngine", "block_engine"]
