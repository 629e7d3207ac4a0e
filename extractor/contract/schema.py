"""JSON Schema of one output line (a record or an article status line), from the pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .records import OutputLine


def output_line_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every line written by `extractor extract` satisfies."""
    schema = TypeAdapter(OutputLine).json_schema(by_alias=True)
    schema.setdefault("$schema", "https://json-schema.org/draft/2020-12/schema")
    schema.setdefault("title", "extractor output line")
    return schema
