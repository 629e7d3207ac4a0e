"""The JSON Schema files of the contract: one output line of `extract` (a record or a status line),
one line of an events file, one line of a corrections file; from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from ..contract.schema import output_line_schema
from ..outputs import AtomicLines

SchemaKind = Literal["record", "event", "corrections"]


def schema_of(which: SchemaKind = "record") -> dict:
    """The JSON Schema (draft 2020-12) of one line of the `which` file."""
    if which == "corrections":
        from ..correcting import corrections_schema

        return corrections_schema()
    if which == "event":
        from ..contract.events import EventRecord

        schema = EventRecord.model_json_schema(by_alias=True)
        schema.setdefault("$schema", "https://json-schema.org/draft/2020-12/schema")
        return schema
    return output_line_schema()


def schema_text(which: SchemaKind = "record") -> str:
    """The schema as indented JSON (without the final line break)."""
    return json.dumps(schema_of(which), indent=2, ensure_ascii=False)


def write_schema(output: Path, *, force: bool = False, which: SchemaKind = "record") -> Path:
    """Write the schema as indented JSON, atomically; CodedError E201 if `output` exists without force."""
    with AtomicLines(output, force=force) as out:
        out.write_text(schema_text(which) + "\n")
    return output
