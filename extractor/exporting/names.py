"""Names of actor ids for the tables and the codebook: the first pattern of the id's first STATE, GROUP,
ORG or MULTI entry in the packaged gazetteers (states.jsonl, actors.jsonl, then groups.jsonl; any entry if it has none)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..recognising.group_names import HELPER_LABELS

_PREFERRED = ("STATE", "GROUP", "ORG", "MULTI")


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    preferred: dict[str, str] = {}
    fallback: dict[str, str] = {}
    data = resources.files("extractor").joinpath("data")
    files = [name for name in ("states.jsonl", "actors.jsonl", "groups.jsonl") if data.joinpath(name).is_file()]
    lines = [line for name in files for line in data.joinpath(name).read_text(encoding="utf-8").splitlines()]
    for line in lines:
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        entry = json.loads(line)
        ident, patterns = entry.get("id"), entry.get("patterns") or []
        if not ident or not patterns:
            continue
        if entry.get("label") in HELPER_LABELS:
            continue  # the actor recogniser's rule words, no actor's name
        target = preferred if entry.get("label") in _PREFERRED else fallback
        target.setdefault(ident, patterns[0])
    return {**fallback, **preferred}


def actor_name(ident: str | None) -> str | None:
    if ident is None:
        return None
    return actor_names().get(ident, ident)
