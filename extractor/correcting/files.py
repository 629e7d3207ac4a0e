"""Reading a corrections file: every line validated; a bad line stops the command with its place and the fix."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from pydantic import ValidationError

from ..errors import coded_error
from .models import CORRECTION, CorrectionLine


def read_corrections(path: Path) -> list[CorrectionLine]:
    """The corrections of a JSON Lines file (blank lines and lines starting with `#` skipped), in file order."""
    path = Path(path)
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise coded_error("E601", path=str(path), detail=getattr(err, "strerror", None) or str(err)) from None
    out: list[CorrectionLine] = []
    seen: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise coded_error("E602", source=where, detail=f"not JSON ({err.msg})") from None
        try:
            item = CorrectionLine(CORRECTION.validate_python(row), source=where)
        except ValidationError as err:
            detail = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in err.errors()[:3])
            raise coded_error("E602", source=where, detail=detail) from None
        if item.id in seen:
            raise coded_error("E602", source=where, detail=f"correction id {item.id!r} already used at {seen[item.id]}")
        seen[item.id] = where
        out.append(item)
    return out
