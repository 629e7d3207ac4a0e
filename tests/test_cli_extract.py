"""`extractor extract` end to end: CliRunner and `python -m extractor` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.contract import ExchangeRecord, Flow
from extractor.pipeline import Extractor
from fakes import patch_pipeline

MARK = "SWAPMARK"
ROOT = Path(__file__).resolve().parents[1]

_register()


def fake_extract(self: Extractor, article) -> list:
    if "CRASHMARK" in article.full_text:
        raise RuntimeError("kaboom")
    if MARK not in article.full_text:
        return []
    flow = Flow.model_validate({"from": "RUS", "to": "UKR", "category": "pows",
                                "count": {"value": 84, "min": 84, "max": 84, "qualifier": "exact"}})
    return [ExchangeRecord(doc_id=article.id, claim_id=f"{article.id}#1", status="completed", flows=(flow,))]


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    patch_pipeline(monkeypatch, fake_extract)


ROWS = [
    {"id": "a1", "title": "Swap", "text": f"Russia handed over 84 POWs. {MARK}", "published": "2025-06-09",
     "url": "https://x.test/1", "outlet": "X"},
    {"id": "a2", "title": "Weather", "text": "Sunny.", "published": "2025-06-10", "url": None, "outlet": None},
    {"id": "a3", "title": None, "text": f"Bodies returned. {MARK}", "published": "yesterday"},
]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_jsonl(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    out = tmp_path / "out.jsonl"
    result = invoke("extract", src, "--output", out)
    assert result.exit_code == 0, result.output
    lines = read_lines(out)
    assert [(l["type"], l["doc_id"]) for l in lines] == [
        ("exchange", "a1"), ("article", "a1"), ("article", "a2"), ("exchange", "a3"), ("article", "a3")]
    assert [l["status"] for l in lines if l["type"] == "article"] == ["ok", "no_events", "ok"]
    assert lines[0]["flows"][0]["from"] == "RUS" and "from_" not in lines[0]["flows"][0]
    assert lines[1]["source"] == f"{src}:1" and lines[1]["records"] == 1
    assert "[E005]" in lines[4]["note"] and "'yesterday'" in lines[4]["note"]
    assert "3 article(s) read" in result.stderr and "ok 2, no_events 1, skipped 0, error 0" in result.stderr
    assert "2 record(s) written: exchange 2" in result.stderr


def test_output_lines_are_compact_in_model_field_order(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS[:1])
    out = tmp_path / "out.jsonl"
    assert invoke("extract", src, "-o", out).exit_code == 0
    record, status = out.read_text(encoding="utf-8").splitlines()
    assert ", " not in record and ": " not in record
    assert list(json.loads(record)) == list(ExchangeRecord.model_fields)
    assert status.startswith('{"type":"article","doc_id":"a1","status":"ok","records":1,')


@pytest.mark.parametrize("fmt,name,content,options", [
    ("jsonl", "in.jsonl", None, []),
    ("csv", "in.csv", "doc,body,date\na1,SWAPMARK here,2025-06-09\na2,nothing,2025-06-10\n",
     ["--id-key", "doc", "--text-key", "body", "--published-key", "date"]),
    ("jsonl", "in.data", None, ["--format", "jsonl"]),
    ("csv", "export.tsvlike", "id,text\na1,SWAPMARK\na2,no\n", ["--format", "csv"]),
])
def test_formats_and_key_options(tmp_path: Path, fmt: str, name: str, content: str | None,
                                 options: list[str]) -> None:
    src = tmp_path / name
    if content is None:
        write_jsonl(src, ROWS[:2])
    else:
        src.write_text(content, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("extract", src, "--output", out, *options)
    assert result.exit_code == 0, result.output
    statuses = [l for l in read_lines(out) if l["type"] == "article"]
    assert [(s["doc_id"], s["status"]) for s in statuses] == [("a1", "ok"), ("a2", "no_events")]


def test_text_folder_input(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "b.txt").write_text("nothing", encoding="utf-8")
    (folder / "a.txt").write_text(f"Title\n\n{MARK}", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert invoke("extract", folder, "--output", out).exit_code == 0
    assert [(l["type"], l["doc_id"]) for l in read_lines(out)] == [
        ("exchange", "a"), ("article", "a"), ("article", "b")]


@pytest.mark.parametrize("args,code,fragment", [
    (["extract", "{tmp}/missing.jsonl", "--output", "{tmp}/out.jsonl"], "E008", "missing.jsonl"),
    (["extract", "{tmp}/in.txt", "--output", "{tmp}/out.jsonl"], "E008", "in.txt"),
    (["extract", "{tmp}/in.jsonl", "--output", "{tmp}/exists.jsonl"], "E201", "Pass --force"),
    (["extract", "{tmp}/in.jsonl", "--output", "{tmp}/in.jsonl", "--force"], "E203", "also an input"),
    (["extract", "{tmp}/in.jsonl", "--output", "{tmp}/nodir/out.jsonl"], "E204", "does not exist"),
    (["extract", "{tmp}/in.jsonl", "--output", "{tmp}/out.jsonl", "--model", "{tmp}"], "E103", "no config.cfg"),
    (["extract", "{tmp}/in.jsonl", "--output", "{tmp}/out.jsonl", "--format", "txt"], "E017", "--format"),
])
def test_bad_usage_exits_2_with_a_coded_message(tmp_path: Path, args: list[str], code: str, fragment: str) -> None:
    write_jsonl(tmp_path / "in.jsonl", ROWS)
    (tmp_path / "in.txt").write_text("x", encoding="utf-8")
    (tmp_path / "exists.jsonl").write_text("keep me\n", encoding="utf-8")
    result = invoke(*(a.format(tmp=tmp_path) for a in args))
    assert result.exit_code == 2
    assert f"[{code}]" in result.stderr and fragment in result.stderr
    assert (tmp_path / "exists.jsonl").read_text(encoding="utf-8") == "keep me\n"
    assert not (tmp_path / "out.jsonl").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_force_overwrites(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    assert invoke("extract", src, "--output", out, "--force").exit_code == 0
    assert "old" not in out.read_text(encoding="utf-8") and len(read_lines(out)) == 5


@pytest.mark.parametrize("strict,expected", [(False, 0), (True, 1)])
def test_strict_exit_code(tmp_path: Path, strict: bool, expected: int) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ROWS[0]) + "\n{broken\n" + json.dumps({"id": "c", "text": "CRASHMARK"}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("extract", src, "--output", out, *(["--strict"] if strict else []))
    assert result.exit_code == expected
    assert "error 2" in result.stderr and "[E001]" in result.stderr and "[E102]" in result.stderr
    assert len([l for l in read_lines(out) if l["type"] == "article"]) == 3


def test_strict_without_errors_exits_0(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    assert invoke("extract", src, "--output", tmp_path / "o.jsonl", "--strict").exit_code == 0


def test_quiet(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    result = invoke("extract", src, "--output", tmp_path / "o.jsonl", "--quiet")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""


@pytest.mark.parametrize("policy,status,code", [("skip", "skipped", "E009"), ("truncate", "ok", "W002")])
def test_max_chars(tmp_path: Path, policy: str, status: str, code: str) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "long", "text": MARK + "x" * 500}])
    out = tmp_path / "o.jsonl"
    result = invoke("extract", src, "--output", out, "--max-chars", 100, "--on-oversize", policy)
    assert result.exit_code == 0, result.output
    status_line = read_lines(out)[-1]
    assert status_line["status"] == status and f"[{code}]" in status_line["note"]
    assert "100" in status_line["note"] and "--max-chars" in status_line["note"]


def test_same_input_gives_byte_identical_output(tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", ROWS)
    b = tmp_path / "b.csv"
    b.write_text("id,text\nb1,SWAPMARK\nb2,\"unclosed\nb3,ok\n", encoding="utf-8")
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("z.txt", "m.txt", "a.txt"):
        (folder / name).write_text(f"{name} {MARK}", encoding="utf-8")
    outs = []
    for i in range(2):
        out = tmp_path / f"out{i}.jsonl"
        assert invoke("extract", a, b, folder, "--output", out, "--quiet").exit_code == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    ids = [l["doc_id"] for l in read_lines(tmp_path / "out0.jsonl") if l["type"] == "article"]
    assert ids == ["a1", "a2", "a3", "b1", "", "b3", "a", "m", "z"]


# --- python -m extractor in a subprocess ------------------------------------------------------

FAKE_SITECUSTOMIZE = textwrap.dedent(f"""
    from extractor.contract import ExchangeRecord, Flow
    from extractor.pipeline import Extractor

    def _extract(self, article):
        if {MARK!r} not in article.full_text:
            return []
        flow = Flow.model_validate({{"from": "RUS", "to": "UKR", "category": "pows"}})
        return [ExchangeRecord(doc_id=article.id, claim_id=article.id + "#1", status="planned", flows=(flow,))]

    def _load(cls, path=None):
        inst = object.__new__(cls)
        inst.nlp, inst.tool_version, inst.data_version = None, "0.1.0", "test"
        return inst

    Extractor.load = classmethod(_load)
    Extractor.extract = _extract
""")


def run_module(*args: object, cwd: Path, fake: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if fake:
        hooks = cwd / "hooks"
        hooks.mkdir(exist_ok=True)
        (hooks / "sitecustomize.py").write_text(FAKE_SITECUSTOMIZE, encoding="utf-8")
        env["PYTHONPATH"] = os.pathsep.join([str(hooks), str(ROOT)])
    else:
        env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "extractor", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def test_python_dash_m_extract(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", ROWS)
    proc = run_module("extract", "in.jsonl", "--output", "out.jsonl", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = read_lines(tmp_path / "out.jsonl")
    assert [(l["type"], l["doc_id"]) for l in lines] == [
        ("exchange", "a1"), ("article", "a1"), ("article", "a2"), ("exchange", "a3"), ("article", "a3")]
    assert lines[1]["source"] == "in.jsonl:1"
    assert "3 article(s) read" in proc.stderr


def test_python_dash_m_bad_usage(tmp_path: Path) -> None:
    proc = run_module("extract", "nope.jsonl", "--output", "out.jsonl", cwd=tmp_path)
    assert proc.returncode == 2
    assert "[E008] Input 'nope.jsonl' does not exist" in proc.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_python_dash_m_with_the_real_pipeline(tmp_path: Path) -> None:
    """The packaged pipeline, whatever it finds: one status line per article, nothing lost."""
    write_jsonl(tmp_path / "in.jsonl", ROWS + [{"id": "bad"}])
    (tmp_path / "in.jsonl").write_text((tmp_path / "in.jsonl").read_text() + "{cut", encoding="utf-8")
    proc = run_module("extract", "in.jsonl", "--output", "out.jsonl", cwd=tmp_path, fake=False)
    assert proc.returncode == 0, proc.stderr
    statuses = [l for l in read_lines(tmp_path / "out.jsonl") if l["type"] == "article"]
    assert [s["doc_id"] for s in statuses] == ["a1", "a2", "a3", "bad", ""]
    assert [s["status"] for s in statuses][3:] == ["error", "error"]
    assert all(s["status"] in ("ok", "no_events", "skipped") for s in statuses[:3])  # skipped: the prefilter
