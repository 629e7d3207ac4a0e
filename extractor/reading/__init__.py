"""Streaming readers: JSON Lines (.gz), CSV (.gz), folders of .txt/.html files, NewsAPI responses and
WARC files, to articles or coded error items.

    for item in read_inputs(["a.jsonl", "b.csv"], options=ReadOptions(keys=KeyMap(text="body"))):
        ...  # ArticleItem | ErrorItem | SkippedItem, in input order, each with its source position
"""

from .csvfile import read_csv
from .dispatch import detect_format, read_inputs, read_resolved, resolve_inputs
from .html import html_to_text, read_html_folder
from .items import ArticleItem, ErrorItem, ReadItem, SkippedItem
from ..errors import CodedError
from .jsonl import read_jsonl
from .newsapi import read_newsapi
from .options import FORMATS, Format, KeyMap, ReadOptions
from .textdir import read_text_folder
from .warc import read_warc

__all__ = [
    "ArticleItem",
    "CodedError",
    "ErrorItem",
    "FORMATS",
    "Format",
    "KeyMap",
    "ReadItem",
    "ReadOptions",
    "SkippedItem",
    "detect_format",
    "html_to_text",
    "read_csv",
    "read_html_folder",
    "read_inputs",
    "read_jsonl",
    "read_newsapi",
    "read_text_folder",
    "read_resolved",
    "resolve_inputs",
    "read_warc",
]
