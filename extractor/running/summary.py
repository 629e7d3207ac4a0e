"""What a batch run did: counts per status and records per type, returned to the caller."""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("ok", "no_events", "skipped", "error")
RECORD_TYPES = ("exchange", "agreement", "tally")


def _zeros(names: tuple[str, ...]) -> dict[str, int]:
    return dict.fromkeys(names, 0)


@dataclass
class RunSummary:
    """`items`: input items seen (= status lines written); `statuses`/`records`: counts by kind."""

    output: str
    items: int = 0
    statuses: dict[str, int] = field(default_factory=lambda: _zeros(STATUSES))
    records: dict[str, int] = field(default_factory=lambda: _zeros(RECORD_TYPES))
    lines: int = 0
    seconds: float = 0.0
    first_errors: list[str] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return self.statuses.get("error", 0)

    @property
    def records_total(self) -> int:
        return sum(self.records.values())

    def format(self) -> str:
        """A few lines for a person, e.g. printed to stderr by the CLI."""
        status = ", ".join(f"{name} {self.statuses.get(name, 0)}" for name in STATUSES)
        records = ", ".join(f"{name} {self.records.get(name, 0)}" for name in RECORD_TYPES)
        text = [
            f"{self.items} article(s) read in {self.seconds:.1f}s: {status}",
            f"{self.records_total} record(s) written: {records}",
            f"{self.lines} line(s) in {self.output}",
        ]
        if self.first_errors:
            text.append("first errors:")
            text.extend(f"  {message}" for message in self.first_errors)
        return "\n".join(text)
