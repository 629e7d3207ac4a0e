"""Fault test: `extractor extract` killed (SIGKILL) at random points, resumed, byte-for-byte equal.

Each chain starts from nothing and re-runs the same command until one attempt finishes, killing
every attempt that is still running after a random delay. Kills land during start-up, while
shards are extracted (with one worker and with two), and, now and then, around the assembly of
the output. The output never exists half-written, and the finished one equals an uninterrupted
run. At least 20 kills in all.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from test_parallel import make_archive

ROOT = Path(__file__).resolve().parents[1]
MIN_KILLS = 20
SHARD = 25


def _start(archive: Path, out: Path, workers: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = [sys.executable, "-m", "extractor", "extract", str(archive), "--output", str(out), "--quiet",
            "--shard-size", str(SHARD), "--workers", str(workers)]
    return subprocess.Popen(args, cwd=out.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _run_id(data: bytes) -> str:
    return json.loads(data.split(b"\n", 1)[0])["run_id"] if data else ""


def _chain(start: Callable[[], subprocess.Popen], wait: Callable[[subprocess.Popen], None], *,
           on_kill: Callable[[], None], whole: Callable[[], bool]) -> None:
    """Start attempts until one finishes: an attempt still running when `wait` times out is killed
    (SIGKILL), and the chain also ends when a kill lands after the output is `whole`."""
    for _attempt in range(60):
        proc = start()
        try:
            wait(proc)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            on_kill()
            if whole():
                return
            continue
        stderr = proc.stderr.read().decode() if proc.stderr else ""
        assert proc.returncode == 0, stderr
        return
    pytest.fail("a chain never finished")


def test_killed_runs_resume_to_the_same_bytes(tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "in.jsonl", n=1000, seed=11)
    reference = tmp_path / "reference.jsonl"
    started = time.monotonic()
    proc = _start(archive, reference, 1)
    assert proc.wait(timeout=300) == 0
    work = time.monotonic() - started
    expected = reference.read_bytes()

    rng = random.Random(20261126)
    out = tmp_path / "out.jsonl"
    parts = tmp_path / "out.jsonl.parts"
    kills = chains = 0
    shards_seen_done = 0

    def killed() -> None:
        nonlocal kills, shards_seen_done
        kills += 1
        if parts.is_dir():
            shards_seen_done = max(shards_seen_done, len(list(parts.glob("*.done"))))

    while kills < MIN_KILLS:
        chains += 1
        workers = 1 + chains % 2
        # killed after the output was renamed into place: it is whole
        _chain(lambda: _start(archive, out, workers), lambda proc: proc.wait(timeout=rng.uniform(0.3, work)),
               on_kill=killed, whole=out.exists)
        got = out.read_bytes()
        if got != expected and _run_id(got) != _run_id(expected):
            # the rule data changed under a working tree being edited: compare with a fresh reference
            reference.unlink()
            assert _start(archive, reference, 1).wait(timeout=300) == 0
            expected = reference.read_bytes()
        assert got == expected, f"chain {chains} differs after {kills} kills"
        out.unlink()
        shutil.rmtree(parts, ignore_errors=True)
    assert kills >= MIN_KILLS
    assert shards_seen_done > 0, "no kill landed after a shard was finished"
    print(f"\n{kills} kills in {chains} chains, outputs equal")


RUN_FILES = ("claims.jsonl", "events.jsonl", "events.csv")


def _start_run(archive: Path, folder: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = [sys.executable, "-m", "extractor", "run", str(archive), "--output", str(folder), "--quiet",
            "--shard-size", str(SHARD)]
    return subprocess.Popen(args, cwd=folder.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in RUN_FILES}


def test_killed_full_runs_resume_to_the_same_files(tmp_path: Path) -> None:
    """`extractor run` killed at random points of extract, and right after it (in reconcile and export)."""
    archive = make_archive(tmp_path / "in.jsonl", n=1200, seed=13)
    reference = tmp_path / "reference"
    started = time.monotonic()
    assert _start_run(archive, reference).wait(timeout=300) == 0
    work = time.monotonic() - started
    expected = _files(reference)

    rng = random.Random(5)
    folder = tmp_path / "out"
    kills = late_kills = chains = 0
    late = False

    def wait(proc: subprocess.Popen) -> None:
        nonlocal late
        late = rng.random() < 0.5
        if late:  # wait for the claims file, then kill within reconcile or export
            deadline = time.monotonic() + 300
            while not (folder / "claims.jsonl").exists() and proc.poll() is None:
                if time.monotonic() > deadline:
                    pytest.fail("no claims file")
                time.sleep(0.005)
            proc.wait(timeout=rng.uniform(0.0, 0.4))
        else:
            proc.wait(timeout=rng.uniform(0.3, work))

    def killed() -> None:
        nonlocal kills, late_kills
        kills += 1
        late_kills += late

    while kills < 12 or late_kills < 6:
        chains += 1
        _chain(lambda: _start_run(archive, folder), wait, on_kill=killed, whole=(folder / "run.json").exists)
        got = _files(folder)
        if got["claims.jsonl"] != expected["claims.jsonl"] and \
                _run_id(got["claims.jsonl"]) != _run_id(expected["claims.jsonl"]):
            shutil.rmtree(reference)  # the rule data changed under a working tree being edited
            assert _start_run(archive, reference).wait(timeout=300) == 0
            expected = _files(reference)
        assert got == expected, f"chain {chains} differs after {kills} kills"
        shutil.rmtree(folder)
    print(f"\n{kills} kills ({late_kills} after extract) in {chains} chains, outputs equal")
