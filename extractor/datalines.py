"""Rule-data files as JSON Lines: each line validated against a pydantic model.

Comment lines start with '//'; blank lines are skipped. A bad line raises RuleDataError E101 naming
the file, the line and the field, so a user's model folder gives a coded message, not a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .errors import rule_data_error

M = TypeVar("M", bound=BaseModel)


def read_model_lines(lines: Iterable[str], model: type[M], *, origin: str) -> Iterator[tuple[int, M]]:
    """(line number, validated model) for every data line."""
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            yield number, model.model_validate(json.loads(line))
        except json.JSONDecodeError as err:
            raise rule_data_error(path=origin, line=number, detail=f"not valid JSON ({err.msg})") from err
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "line"
            raise rule_data_error(path=origin, line=number, detail=f"field {where!r}: {first['msg']}") from err
