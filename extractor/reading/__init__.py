"""Streaming readers: JSON Lines (.gz), CSV (.gz) and folders of .txt files, to articles or coded error items.

    for item in read_inputs(["a.jsonl", "b.csv"], options=ReadOptions(keys=KeyMap(text="body"))):
        ...  # ArticleItem | ErrorItem | SkippedItem, in input order, each with its source position
"""

from .csvfile import read_csv
from .dispatch import detect_format, read_inputs, resolve_inputs
from .items import ArticleItem, CodedError, ErrorItem, ReadItem, SkippedItem
from .jsonl import read_jsonl
from .options import Format, KeyMap, ReadOptions
from .textdir import read_text_folder

__all__ = [
    "ArticleItem",
    "CodedError",
    "ErrorItem",
    "Format",
    "KeyMap",
    "ReadItem",
    "ReadOptions",
    "SkippedItem",
    "detect_format",
    "read_csv",
    "read_inputs",
    "read_jsonl",
    "read_text_folder",
    "resolve_inputs",
]
