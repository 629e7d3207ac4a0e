"""Names of actor ids for the tables and the codebook: the first pattern of the id's STATE, GROUP or
ORG entry in the packaged actor gazetteer (any entry if it has none of these)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

_PREFERRED = ("STATE", "GROUP", "ORG", "MULTI")


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    preferred: dict[str, str] = {}
    fallback: dict[str, str] = {}
    text = resources.files("extractor").joinpath("data", "actors.jsonl").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        entry = json.loads(line)
        ident, patterns = entry.get("id"), entry.get("patterns") or []
        if not ident or not patterns:
            continue
        target = preferred if entry.get("label") in _PREFERRED else fallback
        target.setdefault(ident, patterns[0])
    return {**fallback, **preferred}


def actor_name(ident: str | None) -> str | None:
    if ident is None:
        return None
    return actor_names().get(ident, ident)
