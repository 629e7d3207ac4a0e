"""The Ray engine gives the same bytes as the local one (skipped where Ray is not installed)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from extractor.reading import CodedError
from extractor.running.archive import extract_archive

from test_parallel import make_archive

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")


@pytest.fixture(scope="module")
def cluster():
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    if started:
        ray.shutdown()


def test_ray_output_equals_the_local_output(tmp_path: Path, cluster) -> None:
    archive = make_archive(tmp_path / "in.jsonl", n=240, seed=5)
    local, distributed = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    extract_archive([archive], output=local, shard_size=20, workers=1)
    summary = extract_archive([archive], output=distributed, shard_size=20, workers=2, engine="ray")
    assert distributed.read_bytes() == local.read_bytes()
    assert summary.items == 240
    assert not (tmp_path / "ray.jsonl.parts").exists()


def test_ray_loads_the_pipeline_once_per_actor(tmp_path: Path, cluster, caplog: pytest.LogCaptureFixture) -> None:
    archive = make_archive(tmp_path / "in.jsonl", n=200, seed=11)
    local, distributed = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    extract_archive([archive], output=local, shard_size=10, workers=1)
    with caplog.at_level(logging.INFO, logger="extractor.running.ray_engine"):
        extract_archive([archive], output=distributed, shard_size=10, workers=2, engine="ray")  # 20 shards
    assert distributed.read_bytes() == local.read_bytes()
    loads = [r.getMessage() for r in caplog.records if "loaded the pipeline" in r.getMessage()]
    assert loads and int(loads[0].split()[1]) <= 2


def test_ray_run_resumes_from_parts(tmp_path: Path, cluster) -> None:
    archive = make_archive(tmp_path / "in.jsonl", n=60, seed=9)
    out = tmp_path / "out.jsonl"
    extract_archive([archive], output=out, shard_size=20, engine="ray", workers=2, keep_parts=True)
    first = out.read_bytes()
    out.unlink()
    extract_archive([archive], output=out, shard_size=20, engine="ray", workers=2)
    assert out.read_bytes() == first


def test_ray_actors_keep_the_time_budget(tmp_path: Path, cluster) -> None:
    """A Ray actor runs its shards outside the main thread: the budget stops a long article there too."""
    import json

    from extractor.running.articles import RunOptions

    swap = "Chile and Peru swapped 40 prisoners of war on Monday, officials in Lima said. "
    rows = [{"id": "short-1", "text": swap, "published": "2025-06-09"},
            {"id": "long", "text": swap * 12000, "published": "2025-06-09"},  # about 10x the budget's work, under 1M chars
            {"id": "short-2", "text": swap, "published": "2025-06-09"}]
    archive = tmp_path / "in.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "ray.jsonl"
    extract_archive([archive], output=out, shard_size=1, workers=1, engine="ray", options=RunOptions(time_budget=2.0))  # real time: a loaded machine slows the short ones too
    statuses = {r["doc_id"]: (r["status"], (r["error"] or {}).get("code"))
                for r in map(json.loads, out.read_text(encoding="utf-8").splitlines()) if r["type"] == "article"}
    assert statuses == {"short-1": ("ok", None), "long": ("error", "E020"), "short-2": ("ok", None)}


def test_ray_missing_is_a_coded_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.running import ray_engine

    monkeypatch.setattr(ray_engine, "ray_available", lambda: False)
    archive = make_archive(tmp_path / "in.jsonl", n=5)
    with pytest.raises(CodedError) as err:
        extract_archive([archive], output=tmp_path / "out.jsonl", engine="ray")
    assert err.value.code == "E403" and "extractor[ray]" in str(err.value)
    assert not (tmp_path / "out.jsonl.parts").exists()
