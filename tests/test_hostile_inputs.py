"""Hostile inputs: every bad record is one coded status line (code + position + fix), and every good
record and status line of the same file still comes out. Files are written by the tests."""

from __future__ import annotations

import base64
import gzip
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from extractor.contract import ExchangeRecord, Flow
from extractor.outputs import dumps_line
from extractor.pipeline import Extractor
from extractor.reading import ReadOptions
from extractor.running import RunOptions, RunSummary, extract_archive

MARK = "SWAPMARK"


def fake_record(doc_id: str, n: int = 1) -> ExchangeRecord:
    flow = Flow.model_validate({"from": "RUS", "to": "UKR", "category": "pows",
                                "count": {"value": 84, "min": 84, "max": 84, "qualifier": "exact"}})
    return ExchangeRecord(doc_id=doc_id, claim_id=f"{doc_id}#{n}", status="completed", flows=(flow,))


def fake_extract(self: Extractor, article) -> list:
    text = article.full_text
    if "CRASHMARK" in text:
        raise RuntimeError("kaboom in the normaliser")
    if "BADRECORD" in text:
        broken = ExchangeRecord.model_construct(doc_id=article.id, claim_id=f"{article.id}#bad",
                                                status="done", flows=())
        return [fake_record(article.id), broken]
    return [fake_record(article.id)] if MARK in text else []


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    patch_pipeline(monkeypatch, fake_extract)


def jl(*rows: object) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n"
                    for r in rows)


GOOD = {"id": "good", "text": f"Russia handed over 84 POWs. {MARK}", "published": "2025-06-09"}
GOOD2 = {"id": "good2", "text": "Nothing to see here.", "published": "2025-06-09"}


@dataclass
class Case:
    """A hostile input: files to write, then the status lines expected (in order) by doc_id or source."""

    files: dict[str, bytes]
    expect: list[tuple[str, str, str | None, tuple[str, ...]]]  # (doc_id, status, code, message fragments)
    inputs: tuple[str, ...] = ()
    options: RunOptions = field(default_factory=RunOptions)
    read_options: ReadOptions | None = None
    setup: Callable[[Path], None] | None = None


BLOB = base64.b64encode(os.urandom(3_750_000)).decode()  # 5 MB of base64

CASES: dict[str, Case] = {
    "json line cut in half": Case(
        {"a.jsonl": jl(GOOD, GOOD2) + b'{"id": "cut", "text": "Russia ret'},
        [("good", "ok", None, ()), ("good2", "no_events", None, ()),
         ("", "error", "E001", ("a.jsonl:3", "cut off", "fix or remove the line"))]),
    "invalid json mid-file": Case(
        {"a.jsonl": jl(GOOD, b"{'id': 'single quotes', text: nope}", GOOD2)},
        [("good", "ok", None, ()), ("", "error", "E001", ("a.jsonl:2", "not valid JSON", "fix or remove the line")),
         ("good2", "no_events", None, ())]),
    "non-object lines": Case(
        {"a.jsonl": jl([GOOD], "just a string", 42, None, GOOD)},
        [("", "error", "E002", ("a.jsonl:1", "got a list", "Write one object per line")),
         ("", "error", "E002", ("a.jsonl:2", "got a string")),
         ("", "error", "E002", ("a.jsonl:3", "got a number")),
         ("", "error", "E002", ("a.jsonl:4", "got null")),
         ("good", "ok", None, ())]),
    "deeply nested json": Case(
        {"a.jsonl": jl(b"[" * 100_000 + b"]" * 100_000, GOOD)},
        [("", "error", "E001", ("a.jsonl:1",)), ("good", "ok", None, ())]),
    "missing text": Case(
        {"a.jsonl": jl({"id": "notext", "body": "x"}, GOOD)},
        [("notext", "error", "E003", ("a.jsonl:1", "missing field 'text'", "--text-key")), ("good", "ok", None, ())]),
    "missing id": Case(
        {"a.jsonl": jl({"text": "x"}, GOOD)},
        [("", "error", "E003", ("a.jsonl:1", "missing field 'id'", "--id-key")), ("good", "ok", None, ())]),
    "empty text": Case(
        {"a.jsonl": jl({"id": "empty", "text": ""}, {"id": "blank", "text": " \n\t "}, GOOD)},
        [("empty", "skipped", "E016", ("a.jsonl:1", "has no text", "--text-key")),
         ("blank", "skipped", "E016", ("a.jsonl:2",)), ("good", "ok", None, ())]),
    "title only is read": Case(
        {"a.jsonl": jl({"id": "t", "text": "", "title": f"Swap done {MARK}"})},
        [("t", "ok", None, ())]),
    "csv stray quote": Case(
        {"a.csv": ("id,title,text\n"
                   'c1,"Stray quote,Body one\n'
                   f"c2,T2,Body two {MARK}\n"
                   "c3,T3,Body three\n").encode()},
        [("", "error", "E014", ("a.csv:2", "lines 2-4", "stray double quote", 'double the quotes')),
         ("c2", "ok", None, ()), ("c3", "no_events", None, ())]),
    "csv quote inside a field": Case(
        {"a.csv": f'id,title,text\nc1,He said "no" twice,Body {MARK}\nc2,T,"ok"\n'.encode()},
        [("c1", "ok", None, ()), ("c2", "no_events", None, ())]),
    "csv quote never closed": Case(
        {"a.csv": f'id,title,text\nc1,T1,"never closed\nc2,T2,Body {MARK}\n'.encode()},
        [("", "error", "E014", ("a.csv:2", "lines 2-3", "never closed", "double the quotes")), ("c2", "ok", None, ())]),
    "csv text after a closing quote": Case(
        {"a.csv": f'id,title,text\nc1,"a"b,Body {MARK}\nc2,T2,x\n'.encode()},
        [("c1", "ok", None, ()), ("c2", "no_events", None, ())]),
    "csv row with too many fields": Case(
        {"a.csv": f'id,title,text\nc1,T,Body,extra\nc2,T2,{MARK}\n'.encode()},
        [("", "error", "E014", ("a.csv:2", "has 4 field(s) where the header has 3", "line 2")), ("c2", "ok", None, ())]),
    "cp1252 labelled utf-8": Case(
        {"a.jsonl": jl(GOOD) + '{"id": "win", "text": "\u201cquoted\u201d caf\u00e9"}\n'.encode("cp1252")},
        [("good", "ok", None, ()), ("win", "no_events", "W003", ("a.jsonl:2", "Windows-1252", "Re-encode the file as UTF-8"))]),
    "5 MB base64 blob, skipped": Case(
        {"a.jsonl": jl(GOOD, {"id": "blob", "text": BLOB}, GOOD2)},
        [("good", "ok", None, ()), ("blob", "skipped", "E009", ("a.jsonl:2", "over the limit of 100000", "Raise --max-chars")),
         ("good2", "no_events", None, ())],
        options=RunOptions(max_chars=100_000, on_oversize="skip")),
    "5 MB base64 blob, truncated": Case(
        {"a.jsonl": jl(GOOD, {"id": "blob", "text": BLOB + MARK}, GOOD2)},
        [("good", "ok", None, ()), ("blob", "no_events", "W002", ("a.jsonl:2", "only the first 100000", "Raise --max-chars")),
         ("good2", "no_events", None, ())],
        options=RunOptions(max_chars=100_000, on_oversize="truncate")),
    "html with script": Case(
        {"a.jsonl": jl({"id": "html", "text": f"<html><script>alert(1); __import__('os').system('touch PWNED')"
                                              f"</script><p>{MARK}</p></html>"}, GOOD2)},
        [("html", "ok", None, ()), ("good2", "no_events", None, ())]),
    "nul bytes": Case(
        {"a.jsonl": b'{"id": "n\x00ul", "text": "a\x00b SWAPMARK"}\n' + jl(b'{"id": "esc", "text": "x\\u0000y"}', GOOD)},
        [("nul", "ok", "W004", ("a.jsonl:1", "NUL byte(s) removed")), ("esc", "no_events", "W004", ("a.jsonl:2",)),
         ("good", "ok", None, ())]),
    "right-to-left marks": Case(
        {"a.jsonl": jl({"id": "rtl\u200f", "text": f"\u202eتبادل الأسرى\u202c \u200f{MARK}"}, GOOD2)},
        [("rtl\u200f", "ok", None, ()), ("good2", "no_events", None, ())]),
    "unicode line separators": Case(
        {"a.jsonl": jl({"id": "ls\u2028", "text": f"a\u2028b\x85c\u2029 {MARK}"}, GOOD2)},
        [("ls\u2028", "ok", None, ()), ("good2", "no_events", None, ())]),
    "lone surrogate escape": Case(
        {"a.jsonl": jl(b'{"id": "sur", "text": "bad \\ud800 half"}', GOOD)},
        [("sur", "no_events", "W006", ("a.jsonl:1", "U+FFFD")), ("good", "ok", None, ())]),
    "impossible and relative dates": Case(
        {"a.jsonl": jl({"id": "feb30", "text": MARK, "published": "2025-02-30"},
                       {"id": "rel", "text": "x", "published": "yesterday"}, GOOD)},
        [("feb30", "ok", "E005", ("a.jsonl:1", "'2025-02-30'", "day is out of range", "Use YYYY-MM-DD")),
         ("rel", "no_events", "E005", ("a.jsonl:2", "'yesterday'", "Use YYYY-MM-DD")), ("good", "ok", None, ())]),
    "unix timestamp as published": Case(
        {"a.jsonl": jl({"id": "ts", "text": MARK, "published": 1717891200},
                       {"id": "tss", "text": "x", "published": "1717891200"})},
        [("ts", "ok", "E005", ("a.jsonl:1", "'1717891200'", "Unix timestamp", "Use YYYY-MM-DD")),
         ("tss", "no_events", "E005", ("a.jsonl:2", "Unix timestamp"))]),
    "ids repeated across files": Case(
        {"a.jsonl": jl(GOOD, GOOD2), "b.jsonl": jl(dict(GOOD, text="other text"), {"id": "new", "text": MARK})},
        [("good", "ok", None, ()), ("good2", "no_events", None, ()),
         ("good", "skipped", "E010", ("b.jsonl:1", "duplicate article id 'good'", "first seen at a.jsonl:1", "unique id")),
         ("new", "ok", None, ())],
        inputs=("a.jsonl", "b.jsonl")),
    "truncated gz": Case(
        {"a.jsonl.gz": gzip.compress(jl(*[dict(GOOD, id=f"g{i}") for i in range(300)]))[:-400]},
        [],  # checked separately below
    ),
    "not really gzip": Case(
        {"a.jsonl.gz": jl(GOOD)},
        [("", "error", "E007", ("a.jsonl.gz:1", "cannot read the input", "Not a gzipped file"))]),
    "extract raises": Case(
        {"a.jsonl": jl(GOOD, {"id": "crash", "text": "CRASHMARK"}, GOOD2)},
        [("good", "ok", None, ()), ("crash", "error", "E102", ("'crash'", "RuntimeError: kaboom in the normaliser")),
         ("good2", "no_events", None, ())]),
    "invalid record": Case(
        {"a.jsonl": jl({"id": "bad", "text": "BADRECORD"}, GOOD)},
        [("bad", "error", "E202", ("'bad'", "failed validation", "the record was not written")), ("good", "ok", None, ())]),
}


def run_case(tmp_path: Path, case: Case) -> tuple[RunSummary, list[dict]]:
    src = tmp_path / "in"
    src.mkdir()
    for name, data in case.files.items():
        (src / name).write_bytes(data)
    cwd = os.getcwd()
    os.chdir(src)  # relative input paths give sources like 'a.jsonl:3'
    try:
        inputs = case.inputs or tuple(case.files)
        summary = extract_archive(list(inputs), output=tmp_path / "out.jsonl", options=case.options,
                                read_options=case.read_options)
    finally:
        os.chdir(cwd)
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    return summary, lines


def check_totals(summary: RunSummary, lines: list[dict]) -> None:
    statuses = [line for line in lines if line["type"] == "article"]
    records = [line for line in lines if line["type"] != "article"]
    assert summary.items == len(statuses) == sum(summary.statuses.values())
    assert summary.records_total == len(records) == sum(s["records"] for s in statuses)
    assert summary.lines == len(lines)
    # every record comes right before its own status line, after the previous status line
    pending: list[str] = []
    for line in lines:
        if line["type"] == "article":
            assert pending == [line["doc_id"]] * line["records"]
            pending = []
        else:
            pending.append(line["doc_id"])
    assert pending == []


@pytest.mark.parametrize("name", [n for n in CASES if CASES[n].expect])
def test_hostile_input(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    summary, lines = run_case(tmp_path, case)
    check_totals(summary, lines)
    statuses = [line for line in lines if line["type"] == "article"]
    assert [(s["doc_id"], s["status"]) for s in statuses] == [(d, st) for d, st, _, _ in case.expect]
    for status, (doc_id, state, code, fragments) in zip(statuses, case.expect):
        if state == "error":
            message = status["error"]["message"]
            assert status["error"]["code"] == code and message.startswith(f"[{code}] ")
        else:
            assert status["error"] is None
            message = status["note"] or ""
            if code is not None:
                assert f"[{code}]" in message
            else:
                assert message == ""
        for fragment in fragments:
            assert fragment in message, (fragment, message)
        if state == "ok":
            assert status["records"] >= 1
    records = [line for line in lines if line["type"] != "article"]
    expected_ok = [d for d, st, _, _ in case.expect if st == "ok" or (st == "error" and d == "bad")]
    assert [r["doc_id"] for r in records] == expected_ok
    assert not (tmp_path / "in" / "PWNED").exists()


def test_truncated_gz_keeps_what_was_read(tmp_path: Path) -> None:
    summary, lines = run_case(tmp_path, CASES["truncated gz"])
    check_totals(summary, lines)
    statuses = [line for line in lines if line["type"] == "article"]
    *good, last = statuses
    assert 0 < len(good) < 300
    assert [s["doc_id"] for s in good] == [f"g{i}" for i in range(len(good))]
    assert all(s["status"] == "ok" for s in good)
    assert last["status"] == "error" and last["error"]["code"] == "E011"
    message = last["error"]["message"]
    assert f"a.jsonl.gz:{len(good) + 1}" in message and "ends early" in message
    assert f"the {len(good)} record(s) before this point were read" in message and "Re-download" in message


def test_symlink_out_of_the_input_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(f"secret {MARK}", encoding="utf-8")
    root = tmp_path / "news"
    root.mkdir()
    (root / "a.txt").write_text(f"Swap {MARK}", encoding="utf-8")
    (root / "b.txt").symlink_to(secret)
    (root / "c.txt").write_text("quiet", encoding="utf-8")
    summary = extract_archive([root], output=tmp_path / "out.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    check_totals(summary, lines)
    statuses = [line for line in lines if line["type"] == "article"]
    assert [(s["doc_id"], s["status"]) for s in statuses] == [("a", "ok"), ("b", "skipped"), ("c", "no_events")]
    note = statuses[1]["note"]
    assert note.startswith(f"[E015] {root / 'b.txt'}: symbolic link to {str(secret)!r}") and "not followed" in note
    assert "Copy the file into the folder" in note
    assert summary.records["exchange"] == 1


def test_read_error_item_source_and_doc_id_are_in_the_status_line(tmp_path: Path) -> None:
    summary, lines = run_case(tmp_path, CASES["missing text"])
    stamp = {"extractor_version": lines[0]["extractor_version"], "data_version": lines[0]["data_version"],
             "run_id": lines[0]["run_id"]}
    assert lines[0] == {
        "type": "article", "doc_id": "notext", "status": "error", "records": 0, "source": "a.jsonl:1",
        "error": {"code": "E003", "message": "[E003] a.jsonl:1: missing field 'text'. Name the field with "
                                             "--text-key if the file uses another key."},
        "note": None, **stamp,
    }
    assert stamp["extractor_version"] == "0.1.0" and stamp["data_version"] == "test"
    assert stamp["run_id"].startswith("r-")


@pytest.mark.parametrize("existing", [None, b"previous output\n"])
def test_interrupted_run_leaves_the_output_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     existing: bytes | None) -> None:
    def interrupted(self, article):
        if article.id == "stop":
            raise KeyboardInterrupt
        return fake_extract(self, article)

    monkeypatch.setattr(Extractor, "extract", interrupted)
    (tmp_path / "a.jsonl").write_bytes(jl(GOOD, {"id": "stop", "text": "x"}, GOOD2))
    out = tmp_path / "out.jsonl"
    if existing is not None:
        out.write_bytes(existing)
    with pytest.raises(KeyboardInterrupt):
        extract_archive([tmp_path / "a.jsonl"], output=out, options=RunOptions(force=True))
    assert (out.read_bytes() if out.exists() else None) == existing
    # the work folder stays for a resume; no temporary file is left, there or beside the output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.jsonl", "out.jsonl.parts"]
                                                                + (["out.jsonl"] if existing else []))
    assert not [p.name for p in (tmp_path / "out.jsonl.parts").iterdir() if p.name.endswith(".tmp")]


def test_everything_at_once_adds_up(tmp_path: Path) -> None:
    """All the JSON Lines cases in one run: one status line per input line, every good record out."""
    rows: list[bytes] = []
    for name, case in CASES.items():
        for fname, data in case.files.items():
            if fname.endswith(".jsonl") and case.options == RunOptions() and case.expect:
                rows.extend(line for line in data.split(b"\n")[:-1] if line.strip())
    data = b"\n".join(rows) + b"\n"
    (tmp_path / "all.jsonl").write_bytes(data)
    summary = extract_archive([tmp_path / "all.jsonl"], output=tmp_path / "out.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    check_totals(summary, lines)
    assert summary.items == len(rows)


# --- property-based: arbitrary bytes never raise, and every item gets one status line -------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extractor.reading import ErrorItem, read_inputs  # noqa: E402
from fakes import patch_pipeline

_JSONISH = st.lists(
    st.one_of(
        st.binary(max_size=60),
        st.builds(lambda d: json.dumps(d).encode(), st.dictionaries(
            st.sampled_from(["id", "text", "published", "title", "url", "outlet", "x"]),
            st.one_of(st.none(), st.text(max_size=20), st.integers(), st.booleans(), st.lists(st.integers(), max_size=2)),
            max_size=6)),
    ),
    max_size=12,
)


class _Fake:
    tool_version = "t"
    data_version = "d"

    def extract(self, article):
        return fake_extract(None, article)  # type: ignore[arg-type]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".jsonl.gz"])
@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=_JSONISH)
def test_arbitrary_lines_never_raise(tmp_path_factory: pytest.TempPathFactory, suffix: str, lines: list[bytes]) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    data = b"\n".join(lines)
    if suffix == ".csv":
        data = b"id,text,published\n" + data
    path = folder / f"in{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    items = list(read_inputs([path]))
    for item in items:
        if isinstance(item, ErrorItem):
            assert item.message.startswith(f"[{item.code}] ") and str(path) in item.message
    summary = extract_archive([path], extractor=_Fake(), output=folder / "out.jsonl")
    written = (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()
    statuses = [json.loads(x) for x in written if json.loads(x)["type"] == "article"]
    assert len(statuses) == len(items) == summary.items
    if suffix == ".jsonl":  # at most one item per line; every line that is not blank is one
        assert sum(1 for line in data.split(b"\n") if line.strip(b" \t\r\n\x00")) >= len(items)
        assert len(items) >= sum(1 for line in data.split(b"\n") if line.replace(b"\xef\xbb\xbf", b"").strip(b" \t\r\n\x00\x1c\x1d\x1e\x1f\x0b\x0c\x85\xa0"))


@pytest.mark.parametrize("obj", [
    {"doc_id": "a", "note": None, "records": 0, "n": 1.5, "flag": True},
    {"text": "line\u2028sep\u2029para\x85next", "nested": {"list": ["é", "\u2028", 3]}},
    {"quote": 'say "hi"\n\t\\', "control": "\x01\x1f", "cjk": "斛", "astral": "\U0001F600"},
    {},
])
def test_output_lines_are_compact_json_with_line_breaks_escaped(obj):
    line = dumps_line(obj)
    expected = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    assert line == expected.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    assert line.splitlines() == [line] and json.loads(line) == obj
