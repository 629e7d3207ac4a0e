"""Readers: JSON Lines (.gz), CSV (.gz), .txt folders, strict dates, guards. Files are written here."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.contract import PartialDate
from extractor.reading import (
    ArticleItem,
    CodedError,
    ErrorItem,
    KeyMap,
    ReadOptions,
    SkippedItem,
    detect_format,
    read_inputs,
)
from extractor.reading.dates import parse_published

ARTICLES = [
    {"id": "a1", "text": "Body one.", "published": "2025-06-09", "url": "https://x.test/1", "outlet": "X",
     "title": "Title one"},
    {"id": "a2", "text": "Body two.", "published": None, "url": None, "outlet": None, "title": None},
    {"id": 3, "text": "Body three.", "published": "2024-02"},
]


def write_jsonl(path: Path, rows: list[object], *, gz: bool = False) -> Path:
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def items(*paths: Path, **kwargs) -> list:
    return list(read_inputs(list(paths), **kwargs))


# --- JSON Lines -------------------------------------------------------------------------------

@pytest.mark.parametrize("name,gz", [("a.jsonl", False), ("a.ndjson", False), ("a.jsonl.gz", True)])
def test_jsonl_reads_every_field_with_its_line(tmp_path: Path, name: str, gz: bool) -> None:
    path = write_jsonl(tmp_path / name, ARTICLES, gz=gz)
    got = items(path)
    assert [type(i) for i in got] == [ArticleItem] * 3
    first, second, third = (i.article for i in got)
    assert (first.id, first.text, first.title, first.url, first.outlet) == (
        "a1", "Body one.", "Title one", "https://x.test/1", "X")
    assert first.published == PartialDate(year=2025, month=6, day=9)
    assert first.published_raw == "2025-06-09"
    assert second.published is None and second.published_raw is None and second.title is None
    assert third.id == "3" and third.published == PartialDate(year=2024, month=2)
    assert [str(i.article.source) for i in got] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert all(i.notes == () for i in got)


def test_jsonl_blank_lines_are_not_items_and_lines_keep_counting(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('\n{"id": "x", "text": "t"}\n   \n\r\n{"id": "y", "text": "u"}\r\n', encoding="utf-8")
    got = items(path)
    assert [i.article.id for i in got] == ["x", "y"]
    assert [i.article.source.line for i in got] == [2, 5]


def test_jsonl_utf8_bom_on_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "x", "text": "t"}\n')
    (item,) = items(path)
    assert isinstance(item, ArticleItem) and item.article.id == "x" and item.notes == ()


@pytest.mark.parametrize("keys,row", [
    (KeyMap(id="doc", text="body", published="date", title="headline", url="link", outlet="source"),
     {"doc": "k1", "body": "B", "date": "2025-01-02", "headline": "H", "link": "L", "source": "S"}),
    (KeyMap(text="content"), {"id": "k1", "content": "B", "published": "2025-01-02", "title": "H",
                              "url": "L", "outlet": "S"}),
])
def test_other_key_names(tmp_path: Path, keys: KeyMap, row: dict) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [row])
    (item,) = items(path, options=ReadOptions(keys=keys))
    art = item.article
    assert (art.id, art.text, art.title, art.url, art.outlet, art.published_raw) == (
        "k1", "B", "H", "L", "S", "2025-01-02")


def test_extra_keys_are_ignored(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "t", "lang": "uk", "authors": ["a"]}])
    (item,) = items(path)
    assert isinstance(item, ArticleItem) and item.notes == ()


@pytest.mark.parametrize("field,value", [("title", 5), ("url", ["u"]), ("outlet", {"n": 1})])
def test_bad_optional_metadata_is_dropped_with_a_note(tmp_path: Path, field: str, value: object) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "t", field: value}])
    (item,) = items(path)
    assert getattr(item.article, field) is None
    assert len(item.notes) == 1 and item.notes[0].startswith(f"[W005] {path}:1: field {field!r} ignored")


@pytest.mark.parametrize("row,code,fragment", [
    ({"text": "t"}, "E003", "missing field 'id'. Name the field with --id-key"),
    ({"id": "x"}, "E003", "missing field 'text'. Name the field with --text-key"),
    ({"id": "x", "text": None}, "E003", "missing field 'text'"),
    ({"id": "", "text": "t"}, "E004", "field 'id' is invalid: the id is empty"),
    ({"id": True, "text": "t"}, "E004", "expected a string, got a boolean"),
    ({"id": "x", "text": 5}, "E004", "field 'text' is invalid: expected a string, got a number"),
    ({"id": "x", "text": ["a"]}, "E004", "expected a string, got a list"),
])
def test_unusable_id_or_text_is_an_error_item(tmp_path: Path, row: dict, code: str, fragment: str) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [row, {"id": "ok", "text": "fine"}])
    bad, good = items(path)
    assert isinstance(bad, ErrorItem) and bad.code == code
    assert bad.message.startswith(f"[{code}] {path}:1: ") and fragment in bad.message
    assert isinstance(good, ArticleItem) and good.article.id == "ok"


# --- CSV ---------------------------------------------------------------------------------------

CSV_TEXT = (
    "id,title,text,published,url,outlet,extra\n"
    'c1,Title one,"Body, with comma",2025-06-09,https://x.test/1,X,zz\n'
    'c2,,"Body with ""quotes""\nand a line break",,,,\n'
    "\n"
    "c3,T3,Body three,2024,,,\n"
)


@pytest.mark.parametrize("name,gz,bom", [("a.csv", False, False), ("a.csv", False, True), ("a.csv.gz", True, False)])
def test_csv_reads_records_with_their_first_line(tmp_path: Path, name: str, gz: bool, bom: bool) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + CSV_TEXT.encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if gz else data)
    got = items(path)
    assert [type(i) for i in got] == [ArticleItem] * 3
    c1, c2, c3 = (i.article for i in got)
    assert (c1.id, c1.title, c1.text, c1.url, c1.outlet) == ("c1", "Title one", "Body, with comma", "https://x.test/1", "X")
    assert c1.published == PartialDate(year=2025, month=6, day=9)
    assert c2.title is None and c2.text == 'Body with "quotes"\nand a line break' and c2.published is None
    assert c3.published == PartialDate(year=2024)
    assert [i.article.source.line for i in got] == [2, 3, 6]


def test_csv_other_column_names(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("doc,body\nd1,hello\n", encoding="utf-8")
    (item,) = items(path, options=ReadOptions(keys=KeyMap(id="doc", text="body")))
    assert (item.article.id, item.article.text) == ("d1", "hello")


def test_csv_header_without_the_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,body\nd1,hello\nd2,there\n", encoding="utf-8")
    (item,) = items(path)
    assert isinstance(item, ErrorItem) and item.code == "E003"
    assert f"{path}:1: missing field 'text'. Name the field with --text-key" in item.message


# --- folders of .txt files ---------------------------------------------------------------------

def test_text_folder_ids_are_sorted_relative_paths(tmp_path: Path) -> None:
    root = tmp_path / "news"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "z.txt").write_text("Zed text", encoding="utf-8")
    (root / "a.txt").write_text("Headline\n\nBody", encoding="utf-8")
    (root / "b" / "deep" / "c.TXT").write_text("Deep", encoding="utf-8")
    (root / "b" / "notes.md").write_text("ignored", encoding="utf-8")
    got = items(root)
    assert [i.article.id for i in got] == ["a", "b/deep/c", "z"]
    first = got[0].article
    assert first.text == "Headline\n\nBody" and first.title is None and first.published is None
    assert str(first.source) == str(root / "a.txt")


def test_text_folder_symlinks(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    root = tmp_path / "news"
    root.mkdir()
    (root / "real.txt").write_text("real", encoding="utf-8")
    (root / "inside.txt").symlink_to(root / "real.txt")
    (root / "outside.txt").symlink_to(outside)
    (root / "outdir").symlink_to(tmp_path, target_is_directory=True)
    got = items(root)
    by_id = {i.doc_id: i for i in got}
    assert sorted(by_id) == ["inside", "outdir", "outside", "real"]
    assert isinstance(by_id["inside"], ArticleItem) and by_id["inside"].article.text == "real"
    for name in ("outside", "outdir"):
        skipped = by_id[name]
        assert isinstance(skipped, SkippedItem) and skipped.note.startswith("[E015]")
        assert "outside the input folder" in skipped.note and "not followed" in skipped.note
    assert all("secret" not in getattr(getattr(i, "article", None), "text", "") for i in got)


# --- strict publication dates ------------------------------------------------------------------

@pytest.mark.parametrize("raw,expected,problem", [
    ("2025-06-09", PartialDate(year=2025, month=6, day=9), None),
    ("2025-06-09T10:00:00Z", PartialDate(year=2025, month=6, day=9), None),
    ("2025-06-09T10:00:00+03:00", PartialDate(year=2025, month=6, day=9), None),
    ("2025-06-09 10:00", PartialDate(year=2025, month=6, day=9), None),
    (" 2024-02 ", PartialDate(year=2024, month=2), None),
    ("2024", PartialDate(year=2024), None),
    (None, None, None),
    ("", None, None),
    ("2025-02-30", None, "day is out of range for month"),
    ("2025-13-01", None, "month"),
    ("yesterday", None, "not an ISO 8601 calendar date"),
    ("09/06/2025", None, "day and month order is unknown"),  # read with --dayfirst/--monthfirst
    ("2025-6-9", None, "not an ISO 8601 calendar date"),
    ("2025-06-09garbage", None, "not an ISO 8601 calendar date"),
    ("1717891200", None, "Unix timestamp"),
    (1717891200, None, "Unix timestamp"),
    (1717891200.5, None, "Unix timestamp"),
    (True, None, "expected a date string"),
    (["2025-06-09"], None, "expected a date string"),
])
def test_parse_published(raw: object, expected: PartialDate | None, problem: str | None) -> None:
    parsed, raw_text, found = parse_published(raw)
    assert parsed == expected
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found
        assert raw_text == str(raw)


# --- formats, laziness, guards -----------------------------------------------------------------

@pytest.mark.parametrize("name,expected", [
    ("a.jsonl", ("jsonl", False)), ("a.JSONL.GZ", ("jsonl", True)), ("a.ndjson", ("jsonl", False)),
    ("a.csv", ("csv", False)), ("a.csv.gz", ("csv", True)),
])
def test_detect_format(tmp_path: Path, name: str, expected: tuple[str, bool]) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert detect_format(path) == expected


@pytest.mark.parametrize("name", ["a.txt", "a.json", "a.parquet"])
def test_unknown_format_is_a_coded_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(CodedError) as info:
        read_inputs([path])
    assert info.value.code == "E008" and name in str(info.value)


def test_forced_format_reads_any_extension(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "dump.data", [{"id": "x", "text": "t"}])
    (item,) = items(path, fmt="jsonl")
    assert item.article.id == "x"
    with pytest.raises(CodedError) as info:
        read_inputs([path], fmt="txt")
    assert info.value.code == "E017" and "--format jsonl or csv" in str(info.value)


def test_missing_input_fails_before_anything_is_read(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "a.jsonl", ARTICLES)
    with pytest.raises(CodedError) as info:
        read_inputs([good, tmp_path / "missing.jsonl"])
    assert info.value.code == "E008" and "missing.jsonl" in info.value.message


def test_readers_stream(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": f"x{i}", "text": "t"} for i in range(1000)])
    stream = read_inputs([path])
    assert isinstance(stream, Iterator)
    assert next(stream).article.id == "x0"


def test_overlong_line_is_reported_and_the_next_one_read(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "big", "text": "x" * 5000}, {"id": "ok", "text": "t"}])
    bad, good = items(path, options=ReadOptions(max_record_bytes=1000))
    assert isinstance(bad, ErrorItem) and bad.code == "E013" and bad.source == f"{path}:1"
    assert "over 1000 bytes" in bad.message
    assert good.article.id == "ok" and good.article.source.line == 2


def test_gzip_ratio_guard_stops_a_bomb(tmp_path: Path) -> None:
    rows = [{"id": f"x{i}", "text": "a" * 1000} for i in range(200)]
    path = write_jsonl(tmp_path / "bomb.jsonl.gz", rows, gz=True)
    got = items(path, options=ReadOptions(max_gzip_ratio=20, gzip_ratio_floor=10_000))
    assert isinstance(got[-1], ErrorItem) and got[-1].code == "E012"
    assert "decompression bomb" in got[-1].message and got[-1].source.startswith(f"{path}:")
    assert 0 < len(got) - 1 < 200 and all(isinstance(i, ArticleItem) for i in got[:-1])
