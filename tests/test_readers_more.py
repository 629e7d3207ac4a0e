"""HTML pages and folders, NewsAPI responses and WARC files, on files the tests write themselves."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from extractor.reading import ArticleItem, CodedError, ErrorItem, ReadOptions, SkippedItem, read_inputs
from extractor.reading.dispatch import detect_format
from extractor.reading.html import converter_name, html_to_text

PAGE = """<!doctype html><html><head><title>Russia and Ukraine swap POWs</title>
<meta property="article:published_time" content="2025-06-09T10:00:00Z">
<meta property="og:url" content="https://news.test/swap">
<script>document.write("SCRIPTTEXT")</script><style>p {{ color: red }} STYLETEXT</style></head>
<body><nav>Home | World | NAVTEXT</nav>
<article><h1>Russia and Ukraine swap POWs</h1>
<p>Russia and Ukraine exchanged 84 prisoners of war on Thursday, the defence ministry said in {where}.</p>
<p>The swap was mediated by the United Arab Emirates, officials said in a statement on Thursday evening,
adding that more exchanges were expected in the coming weeks as talks continued in Istanbul.</p>
<script>alert("SCRIPTTEXT")</script></article>
<footer>(c) 2025 FOOTERTEXT</footer></body></html>"""


def page(where: str = "Moscow") -> str:
    return PAGE.format(where=where)


def articles(items: list) -> list:
    return [item.article for item in items if isinstance(item, ArticleItem)]


@pytest.mark.parametrize("engine", ["stdlib", "trafilatura"])
def test_html_to_text_keeps_the_story_and_drops_scripts(engine: str) -> None:
    if engine == "trafilatura":
        pytest.importorskip("trafilatura")
    text, meta = html_to_text(page(), engine=engine)
    assert "exchanged 84 prisoners of war" in text and "United Arab Emirates" in text
    for noise in ("SCRIPTTEXT", "STYLETEXT", "alert(", "color: red"):
        assert noise not in text
    assert meta["title"] == "Russia and Ukraine swap POWs"
    assert (meta["published"] or "").startswith("2025-06-09")


def test_stdlib_converter_on_broken_markup_never_raises() -> None:
    for junk in ["<p>unclosed <b>bold", "<<<>>>", "<script>never closed", "", "<![CDATA[x", "&#xdeadbeef; text"]:
        text, _ = html_to_text(junk, engine="stdlib")
        assert isinstance(text, str)
    assert html_to_text("<script>never closed", engine="stdlib")[0] == ""


def test_converter_name_says_which_is_used() -> None:
    assert converter_name("stdlib") == "stdlib-1"
    assert converter_name("auto").startswith(("trafilatura-", "stdlib-"))


def test_folder_of_txt_and_html_in_one_sorted_order(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.html").write_text(page("Kyiv"), encoding="utf-8")
    (folder / "a.txt").write_text("Plain text article about a swap.", encoding="utf-8")
    (folder / "sub" / "c.htm").write_text(page("Minsk"), encoding="utf-8")
    (folder / "empty.html").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    (folder / "notes.md").write_text("not read", encoding="utf-8")
    items = list(read_inputs([folder]))
    assert [getattr(i, "doc_id", "") for i in items] == ["a", "b", "empty", "sub/c"]
    b = items[1].article
    assert "Kyiv" in b.text and b.title == "Russia and Ukraine swap POWs"
    assert b.published is not None and b.published.full is not None
    assert b.source is not None and b.source.path.endswith("b.html")
    assert isinstance(items[2], SkippedItem) and "[E407]" in items[2].note
    assert detect_format(folder) == ("folder", False)


def test_single_html_file_and_forced_html_folder(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(page(), encoding="utf-8")
    (item,) = read_inputs([path])
    assert item.article.id == "story" and "84 prisoners" in item.article.text
    (tmp_path / "x.txt").write_text("text", encoding="utf-8")
    assert [i.doc_id for i in read_inputs([tmp_path], fmt="html")] == ["story"]


def test_html_over_the_size_limit_is_an_error_item(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "big.html").write_text("<p>" + "x" * 5000 + "</p>", encoding="utf-8")
    (item,) = read_inputs([folder], options=ReadOptions(max_record_bytes=1000))
    assert isinstance(item, ErrorItem) and item.code == "E013"


def newsapi(articles: list) -> str:
    return json.dumps({"status": "ok", "totalResults": len(articles), "articles": articles})


NEWS = [
    {"source": {"id": None, "name": "Kyiv Independent"}, "author": "A. Writer",
     "title": "Ukraine brings home 84 defenders", "description": "Ukraine and Russia exchanged prisoners.",
     "url": "https://kyivindependent.test/84", "publishedAt": "2025-06-09T10:00:00Z",
     "content": "Ukraine and Russia exchanged prisoners. The swap took place on the Belarusian border\u2026 [+2345 chars]"},
    {"source": {"name": "Wire"}, "title": "No url here", "description": None, "url": None,
     "publishedAt": "yesterday", "content": "Body only."},
    "not an object",
]


def test_newsapi_response(tmp_path: Path) -> None:
    path = tmp_path / "everything.json"
    path.write_text(newsapi(NEWS), encoding="utf-8")
    assert detect_format(path) == ("newsapi", False)
    items = list(read_inputs([path]))
    first, second, third = items
    a = first.article
    assert a.id == "https://kyivindependent.test/84" and a.outlet == "Kyiv Independent"
    assert a.title == "Ukraine brings home 84 defenders" and a.published.full is not None
    assert a.text == "Ukraine and Russia exchanged prisoners. The swap took place on the Belarusian border"
    assert str(a.source) == f"{path}#/articles/0"
    b = second.article
    assert b.id == f"{path}#/articles/1" and b.text == "Body only." and b.published is None
    assert any("[E005]" in note for note in second.notes)
    assert isinstance(third, ErrorItem) and third.code == "E002" and third.source.endswith("#/articles/2")


@pytest.mark.parametrize("content,code", [
    ('{"status": "error", "code": "apiKeyInvalid", "message": "Your API key is invalid."}', "E406"),
    ('{"status": "ok", "articles": {"a": 1}}', "E406"),
    ('{"status": "ok", "articles": [', "E001"),
])
def test_bad_newsapi_files_are_one_error_item(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "page.json"
    path.write_text(content, encoding="utf-8")
    (item,) = read_inputs([path], fmt="newsapi")
    assert isinstance(item, ErrorItem) and item.code == code
    if code == "E406" and "apiKeyInvalid" in content:
        assert "Your API key is invalid." in item.message


def test_other_json_is_not_taken_for_newsapi(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"id": 1}]', encoding="utf-8")
    with pytest.raises(CodedError) as info:
        read_inputs([path])
    assert info.value.code == "E008"


def write_warc(path: Path, pages: list[tuple[str, str, str]], *, gz: bool) -> list[int]:
    """Write (url, content type, body) responses with a request record before each; the offsets
    of the response records."""
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        info = writer.create_warcinfo_record(path.name, {"software": "tests"})
        writer.write_record(info)
        for url, ctype, body in pages:
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                               http_headers=headers)
            offsets.append(fh.tell())
            writer.write_record(record)
    assert warcio is not None
    return offsets


@pytest.mark.parametrize("gz", [False, True])
def test_warc_pages_become_articles_with_their_offsets(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    pages = [("https://a.test/1", "text/html; charset=utf-8", page("Kyiv")),
             ("https://a.test/logo.png", "image/png", "PNGDATA"),
             ("https://a.test/2", "text/html", page("Abu Dhabi"))]
    offsets = write_warc(path, pages, gz=gz)
    assert detect_format(path) == ("warc", False)
    items = list(read_inputs([path]))
    found = articles(items)
    assert [a.id for a in found] == ["https://a.test/1", "https://a.test/2"]
    assert [a.source.offset for a in found] == [offsets[0], offsets[2]]
    assert "Kyiv" in found[0].text and "Abu Dhabi" in found[1].text
    assert found[0].url == "https://a.test/1"
    assert all("SCRIPTTEXT" not in a.text for a in found)


def test_truncated_warc_gz_reads_what_it_can_then_one_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(path, [(f"https://a.test/{n}", "text/html", page(f"City{n}")) for n in range(4)], gz=True)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_inputs([path]))
    assert 1 <= len(articles(items)) < 4
    assert isinstance(items[-1], ErrorItem) and items[-1].code == "E405"
    assert "offset" in items[-1].message


def test_extract_reads_a_warc_end_to_end(tmp_path: Path, extractor) -> None:
    from extractor.running.archive import extract_archive

    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://a.test/1", "text/html", page("Kyiv"))], gz=True)
    out = tmp_path / "out.jsonl"
    summary = extract_archive([path], output=out, extractor=extractor)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.items == 1 and lines[-1]["source"].startswith(f"{path}@")
    assert lines[-1]["status"] == "ok" and lines[0]["type"] == "exchange"


def test_folder_of_mixed_archive_files_in_path_order(tmp_path: Path) -> None:
    """A folder given as input: every input file in it, in one order of their relative paths."""
    import gzip

    folder = tmp_path / "archive"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "b1", "text": "one"}\n{"id": "b2", "text": "two"}\n'))
    (folder / "a.csv").write_text("id,text\nc1,three\n", encoding="utf-8")
    (folder / "c.txt").write_text("four", encoding="utf-8")
    (folder / "d.json").write_text(newsapi(NEWS[:1]), encoding="utf-8")
    (folder / "e.html").write_text(page(), encoding="utf-8")
    (folder / "README.md").write_text("ignored", encoding="utf-8")
    (folder / "list.json").write_text("[1, 2]", encoding="utf-8")  # not a NewsAPI response: ignored
    outside = tmp_path / "outside.jsonl"
    outside.write_text('{"id": "x", "text": "secret"}\n', encoding="utf-8")
    (folder / "z.jsonl").symlink_to(outside)
    items = list(read_inputs([folder]))
    ids = [getattr(item, "doc_id", "") for item in items]
    assert ids == ["b1", "b2", "c1", "c", "https://kyivindependent.test/84", "e", "z.jsonl"]
    assert isinstance(items[-1], SkippedItem) and "[E015]" in items[-1].note
    assert items[0].source.endswith("b.jsonl.gz:1")
