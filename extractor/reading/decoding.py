"""Bytes to text: UTF-8 first, Windows-1252 as a noted fallback, NUL bytes removed."""

from __future__ import annotations

from ..contract import SourceRef
from ..errors import coded, short


def decode(data: bytes, *, source: SourceRef | str, notes: list[str], first: bool = False) -> str:
    """Decode one line or file; appends coded warnings to `notes`. `first`: strip a UTF-8 BOM."""
    nuls = data.count(b"\x00")
    if nuls:
        data = data.replace(b"\x00", b"")
        notes.append(coded("W004", source=source, count=nuls))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        detail = f"byte 0x{data[exc.start]:02x} at position {exc.start}"
        notes.append(coded("W003", source=source, detail=detail))
        text = data.decode("cp1252", errors="replace")
    if first and text.startswith("\ufeff"):
        text = text[1:]
    return text


def clean_surrogates(value: str, *, source: str, field: str, notes: list[str]) -> str:
    """Replace lone surrogates (from JSON escapes like '\\ud800') that cannot be written as UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        notes.append(coded("W006", source=source, field=short(field)))
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value
