"""Sharded runs: the same bytes whatever the workers and shard size, run ids, resuming, --retry-failed."""

from __future__ import annotations

import json
import os
import random
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.pipeline import Extractor
from extractor.reading import CodedError
from extractor.running import RunOptions
from extractor.running.archive import extract_archive

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "corpus" / "examples" / "articles.jsonl"
SAMPLE = ROOT / "corpus" / "sample" / "articles.jsonl"

_register()

FILLER = [
    "The city council approved a new budget for road repairs on {day}, after a long debate about bus lanes.",
    "Local farmers expect a good harvest this year; prices at the market have been stable since {day}.",
    "The museum opens a new wing on {day} with paintings lent by private collectors from three countries.",
    "Shares closed higher on {day} as investors weighed quarterly results from the largest retailers.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def make_archive(path: Path, *, n: int, seed: int = 7, bad: bool = True) -> Path:
    """`n` lines: corpus articles (renamed so ids stay unique), filler news, and, when `bad`, a
    broken JSON line, a duplicate id and an empty text every so often."""
    rng = random.Random(seed)
    corpus = _rows(EXAMPLES) + _rows(SAMPLE)
    lines = []
    for i in range(n):
        roll = rng.random()
        if bad and i % 97 == 13:
            lines.append('{"id": "cut-%d", "text": "unfinished' % i)
        elif bad and i % 89 == 21:
            lines.append(json.dumps({"id": "a-000001", "text": "a repeated id"}))
        elif bad and i % 83 == 5:
            lines.append(json.dumps({"id": f"e-{i:06d}", "text": "   "}))
        elif roll < 0.3:
            row = dict(corpus[rng.randrange(len(corpus))])
            row["id"] = f"a-{i:06d}"
            lines.append(json.dumps(row, ensure_ascii=False))
        else:
            text = " ".join(rng.choice(FILLER).format(day=rng.choice(DAYS)) for _ in range(3))
            lines.append(json.dumps({"id": f"a-{i:06d}", "title": f"Local news {i}", "text": text,
                                     "published": "2025-06-09"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_archive(tmp_path_factory.mktemp("archive") / "in.jsonl", n=150)


@pytest.fixture(scope="module")
def reference(archive: Path, extractor: Extractor, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("ref") / "out.jsonl"
    extract_archive([archive], output=out, extractor=extractor, shard_size=16)
    return out.read_bytes()


def test_every_item_has_one_status_line_stamped_with_the_run_id(reference: bytes, archive: Path) -> None:
    lines = [json.loads(line) for line in reference.decode("utf-8").splitlines()]
    statuses = [l for l in lines if l["type"] == "article"]
    assert len(statuses) == len(archive.read_text(encoding="utf-8").splitlines())
    run_ids = {l["run_id"] for l in lines}
    assert len(run_ids) == 1 and next(iter(run_ids)).startswith("r-")
    assert all(l["extractor_version"] and l["data_version"] for l in lines)
    kinds = {l["status"] for l in statuses}
    assert {"ok", "skipped", "error"} <= kinds
    assert any(l["note"] and "prefilter" in l["note"] for l in statuses)
    assert any(l["note"] and "E010" in l["note"] for l in statuses)


@pytest.mark.parametrize("workers,shard_size", [(1, 1), (1, 50), (2, 16), (2, 7), (3, 5)])
def test_same_bytes_whatever_the_workers_and_shards(tmp_path: Path, archive: Path, extractor: Extractor,
                                                   reference: bytes, workers: int, shard_size: int) -> None:
    out = tmp_path / "out.jsonl"
    summary = extract_archive([archive], output=out, extractor=extractor, workers=workers, shard_size=shard_size)
    assert out.read_bytes() == reference
    assert summary.items == len(archive.read_text(encoding="utf-8").splitlines())
    assert summary.lines == len(reference.splitlines())
    assert not (tmp_path / "out.jsonl.parts").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_records_match_a_run_in_one_shard(tmp_path: Path, archive: Path, extractor: Extractor,
                                          reference: bytes) -> None:
    extract_archive([archive], output=tmp_path / "plain.jsonl", extractor=extractor, shard_size=1_000_000)
    plain = read_lines(tmp_path / "plain.jsonl")
    sharded = [json.loads(line) for line in reference.decode("utf-8").splitlines()]
    assert plain == sharded


def test_the_run_id_follows_inputs_and_options(tmp_path: Path, archive: Path, extractor: Extractor,
                                               reference: bytes) -> None:
    run_id = json.loads(reference.splitlines()[0])["run_id"]
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(archive.read_bytes())
    extract_archive([copy], output=tmp_path / "a.jsonl", extractor=extractor)
    assert read_lines(tmp_path / "a.jsonl")[0]["run_id"] == run_id  # content, not path
    extract_archive([copy], output=tmp_path / "b.jsonl", extractor=extractor, options=RunOptions(max_chars=500))
    assert read_lines(tmp_path / "b.jsonl")[0]["run_id"] != run_id
    copy.write_bytes(archive.read_bytes() + b'{"id": "new", "text": "x"}\n')
    extract_archive([copy], output=tmp_path / "c.jsonl", extractor=extractor)
    assert read_lines(tmp_path / "c.jsonl")[0]["run_id"] != run_id


class Counting:
    """Wraps the real extractor; counts calls, and can fail or kill on chosen articles (kill: only in a
    pool process, never in the process that made it, which is the driver and runs shards too)."""

    def __init__(self, inner: Extractor, *, fail: set[str] = frozenset(), kill: set[str] = frozenset()) -> None:
        self.inner, self.nlp = inner, inner.nlp
        self.tool_version, self.data_version = inner.tool_version, inner.data_version
        self.fail, self.kill = set(fail), set(kill)
        self.calls = 0
        self.driver = os.getpid()

    def extract(self, article):
        self.calls += 1
        if article.id in self.kill and os.getpid() != self.driver:
            os.kill(os.getpid(), signal.SIGKILL)
        if article.id in self.fail:
            raise RuntimeError("transient failure")
        return self.inner.extract(article)


def _relevant_ids(reference: bytes) -> list[str]:
    return [l["doc_id"] for l in map(json.loads, reference.decode("utf-8").splitlines())
            if l["type"] == "article" and l["status"] == "ok"]


def test_a_rerun_skips_finished_shards(tmp_path: Path, archive: Path, extractor: Extractor, reference: bytes) -> None:
    out = tmp_path / "out.jsonl"
    extract_archive([archive], output=out, extractor=extractor, shard_size=16, keep_parts=True)
    assert (tmp_path / "out.jsonl.parts" / "part-000000.done").exists()
    out.unlink()
    idle = Counting(extractor)
    extract_archive([archive], output=out, extractor=idle, shard_size=16)
    assert idle.calls == 0
    assert out.read_bytes() == reference
    assert not (tmp_path / "out.jsonl.parts").exists()


def test_retry_failed_redoes_only_shards_with_pipeline_errors(tmp_path: Path, archive: Path, extractor: Extractor,
                                                             reference: bytes) -> None:
    out = tmp_path / "out.jsonl"
    victim = _relevant_ids(reference)[3]
    flaky = Counting(extractor, fail={victim})
    summary = extract_archive([archive], output=out, extractor=flaky, shard_size=16, keep_parts=True)
    lines = read_lines(out)
    failed = [l for l in lines if l["doc_id"] == victim and l["type"] == "article"]
    assert failed[0]["status"] == "error" and failed[0]["error"]["code"] == "E102"
    assert summary.errors >= 1
    again = Counting(extractor)
    extract_archive([archive], output=out, extractor=again, shard_size=16, retry_failed=True,
                    options=RunOptions(force=True))
    assert out.read_bytes() == reference
    assert 0 < again.calls <= 16


def test_a_work_folder_of_another_run_is_started_afresh(tmp_path: Path, archive: Path, extractor: Extractor,
                                                         reference: bytes) -> None:
    out = tmp_path / "out.jsonl"
    other = make_archive(tmp_path / "other.jsonl", n=40, seed=3)
    extract_archive([other], output=out, extractor=extractor, shard_size=16, keep_parts=True)
    out.unlink()
    extract_archive([archive], output=out, extractor=extractor, shard_size=16)
    assert out.read_bytes() == reference


def test_foreign_files_in_the_work_folder_are_left_alone(tmp_path: Path, archive: Path, extractor: Extractor) -> None:
    parts = tmp_path / "out.jsonl.parts"
    parts.mkdir()
    (parts / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(CodedError) as err:
        extract_archive([archive], output=tmp_path / "out.jsonl", extractor=extractor)
    assert err.value.code == "E401" and "notes.txt" in str(err.value)
    assert (parts / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_killed_worker_stops_the_run_and_the_rerun_resumes(tmp_path: Path, archive: Path, extractor: Extractor,
                                                             reference: bytes) -> None:
    out = tmp_path / "out.jsonl"
    # the pool process takes shards from the first, the driver takes back the last ones at the end:
    # every relevant article after the first two shards is deadly, so the pool process dies after
    # finishing shards 0 and 1, whichever shards the driver takes back
    order = [l["doc_id"] for l in map(json.loads, reference.decode("utf-8").splitlines()) if l["type"] == "article"]
    victims = {doc_id for doc_id in _relevant_ids(reference) if order.index(doc_id) >= 2 * 16}
    with pytest.raises(CodedError) as err:
        extract_archive([archive], output=out, extractor=Counting(extractor, kill=victims), workers=2, shard_size=16)
    assert err.value.code == "E402" and "resume" in str(err.value)
    assert not out.exists()
    assert any((tmp_path / "out.jsonl.parts").glob("*.done"))
    extract_archive([archive], output=out, extractor=extractor, workers=2, shard_size=16)
    assert out.read_bytes() == reference


def test_cli_workers_and_quiet(tmp_path: Path, archive: Path, reference: bytes) -> None:
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(archive), "-o", str(out), "--workers", "2", "--shard-size", "16",
                                      "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert out.read_bytes() == reference
    result = CliRunner().invoke(app, ["extract", str(archive), "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert "articles (" in result.stderr and "article(s) read" in result.stderr
    assert out.read_bytes() == reference


def test_empty_input_gives_an_empty_output(tmp_path: Path, extractor: Extractor) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("", encoding="utf-8")
    summary = extract_archive([src], output=tmp_path / "out.jsonl", extractor=extractor, workers=2)
    assert (tmp_path / "out.jsonl").read_bytes() == b"" and summary.items == 0


# --- extractor run: the whole path -------------------------------------------------------------

def _run_files() -> list[str]:
    from extractor.exporting import parquet_available

    tables = [f"{t}.{ext}" for t in ("events", "flows", "sources", "claims")
              for ext in (("csv", "parquet") if parquet_available() else ("csv",))]
    return sorted(["claims.jsonl", "events.jsonl", "events.sqlite", "report.html", "run.json", *tables])


RUN_FILES = _run_files()


def test_run_writes_claims_store_and_exports(tmp_path: Path, archive: Path, extractor: Extractor,
                                             reference: bytes) -> None:
    from extractor.running.fullrun import run_all

    folder = tmp_path / "out"
    summary = run_all([archive], output_dir=folder, extractor=extractor, shard_size=16, workers=2)
    assert sorted(p.name for p in folder.iterdir()) == RUN_FILES
    assert (folder / "claims.jsonl").read_bytes() == reference
    events = read_lines(folder / "events.jsonl")
    assert events and all(e["type"] == "event" for e in events)
    assert sum(summary.events.values()) == len(events)
    csv_lines = (folder / "events.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0].startswith("event_id,") and len(csv_lines) == len(events) + 1
    text = summary.format()
    assert "articles: 150" in text and "events: " in text and "records: " in text
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    finished = run_all([archive], output_dir=folder, extractor=extractor)  # the same run again: nothing redone
    assert finished.resumed_from == "finished" and finished.events == summary.events
    assert finished.extract.items == summary.extract.items
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    again = run_all([archive], output_dir=folder, extractor=extractor, force=True)
    assert again.events == summary.events
    assert read_lines(folder / "events.jsonl") == events


def test_run_refuses_a_folder_of_another_run_without_force(tmp_path: Path, archive: Path,
                                                           extractor: Extractor) -> None:
    from extractor.running.fullrun import run_all

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "claims.jsonl").write_text('{"type": "article", "run_id": "r-other"}\n', encoding="utf-8")
    (folder / "mine.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(CodedError) as err:
        run_all([archive], output_dir=folder, extractor=extractor)
    assert err.value.code == "E201"
    run_all([archive], output_dir=folder, extractor=extractor, force=True)
    assert (folder / "mine.txt").read_text(encoding="utf-8") == "kept"


def test_run_cli_on_the_shipped_sample(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(ROOT / "corpus" / "sample"), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "articles: 60" in result.stderr and "events: " in result.stderr
    assert sorted(p.name for p in out.iterdir()) == RUN_FILES
    result = CliRunner().invoke(app, ["run", str(ROOT / "corpus" / "sample"), "--output", str(out)])
    assert result.exit_code == 0 and "articles: 60" in result.stderr  # re-run after success: exit 0
