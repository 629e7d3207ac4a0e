"""Reader options: which keys hold the article fields, and the guards against hostile files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

# The input formats, declared here once (the readers, `resolve_inputs` and every command's --format
# take them from this line); auto: from each input's name (and, for .json, its first bytes).
Format = Literal["auto", "jsonl", "csv", "txt", "html", "newsapi", "warc"]


FORMATS: tuple[str, ...] = get_args(Format)


@dataclass(frozen=True, slots=True)
class KeyMap:
    """Names of the input keys (JSON Lines) or columns (CSV) holding each article field, and how to
    read an all-numbers publication date: `dayfirst` True reads 19/01/2026 as 19 January, False reads
    01/19/2026 as 19 January, None refuses such dates (the order is unknown)."""

    id: str = "id"
    text: str = "text"
    published: str = "published"
    title: str = "title"
    url: str = "url"
    outlet: str = "outlet"
    dayfirst: bool | None = None


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """`max_record_bytes`: longest line / CSV record / .txt file read (longer ones become an error item);
    `max_gzip_ratio`: decompressed/compressed size over which a .gz is abandoned, checked once
    `gzip_ratio_floor` bytes have been decompressed; `exclude`: real paths of files and folders
    that folder readers pass over (the run's own output, so it is never read back as input)."""

    keys: KeyMap = KeyMap()
    max_record_bytes: int = 64 * 1024 * 1024
    max_gzip_ratio: int = 200
    gzip_ratio_floor: int = 16 * 1024 * 1024
    exclude: frozenset[str] = frozenset()
