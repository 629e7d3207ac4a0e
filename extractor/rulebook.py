"""The rule catalogue: every rule id the extractor writes into a record's `rules`, with its meaning.

The catalogue is data, `extractor/data/rule_catalogue.jsonl`, one `{"id", "meaning"}` a line. A
record's rule string may join several ids with "+"; `explain` reads each part.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

from .errors import rule_data_error
from .datalines import read_model_lines

CATALOGUE_FILE = "rule_catalogue.jsonl"


class RuleEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z]+\.[a-z_0-9]+$")
    meaning: str = Field(min_length=1)


def read_catalogue(text: str, *, origin: str) -> dict[str, str]:
    """Rule id -> meaning; a bad or repeated line raises RuleDataError E101 naming the file and line."""
    rules: dict[str, str] = {}
    for number, entry in read_model_lines(text.splitlines(), RuleEntry, origin=origin):
        if entry.id in rules:
            raise rule_data_error(path=origin, line=number, detail=f"rule {entry.id!r} is listed twice")
        rules[entry.id] = entry.meaning
    return rules


@lru_cache(maxsize=1)
def rule_catalogue() -> dict[str, str]:
    source = resources.files("extractor.data").joinpath(CATALOGUE_FILE)
    return read_catalogue(source.read_text(encoding="utf-8"), origin=f"extractor/data/{CATALOGUE_FILE}")


def explain(rule: str) -> list[tuple[str, str | None]]:
    """Each id of a record's rule string with its meaning (None for an id not in the catalogue)."""
    catalogue = rule_catalogue()
    return [(part, catalogue.get(part)) for part in rule.split("+") if part]
