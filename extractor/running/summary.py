"""What a batch run did: counts per status and records per type, returned to the caller."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

STATUSES = ("ok", "no_events", "skipped", "error")
RECORD_TYPES = ("exchange", "agreement", "tally")
MAX_FIRST_ERRORS = 5
_CODE = re.compile(r"\[([EW]\d{3})\]")
NOTE_LABELS = {"E005": "unreadable publication date", "W001": "no usable publication date for relative dates",
               "W008": "a mapped column is missing", "W002": "cut to --max-chars"}


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
    notes: dict[str, int] = field(default_factory=dict)  # articles whose status line carries each coded note
    first_notes: dict[str, str] = field(default_factory=dict)  # the first such note of each code

    def count_status(self, status: str, *, error: str | None = None, note: str | None = None) -> None:
        """One status line written; `error`: its message, kept among the first errors; `note`: its
        coded notes, counted by code."""
        self.items += 1
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if error is not None:
            self.add_errors([error])
        if note:
            self.count_notes(note)

    def count_notes(self, note: str) -> None:
        marks = list(_CODE.finditer(note))
        for code in {mark.group(1) for mark in marks}:
            self.notes[code] = self.notes.get(code, 0) + 1
        for n, mark in enumerate(marks):
            code = mark.group(1)
            if code not in self.first_notes:
                end = marks[n + 1].start() if n + 1 < len(marks) else len(note)
                self.first_notes[code] = note[mark.start():end].strip()

    def notes_text(self) -> list[str]:
        """'notes:' and one line per code: how many articles, what it means, the first message."""
        if not self.notes:
            return []
        lines = ["notes:"]
        for code in sorted(self.notes):
            label = NOTE_LABELS.get(code, "")
            lines.append(f"  {code} on {self.notes[code]} article(s){': ' + label if label else ''}; first: "
                         f"{self.first_notes.get(code, '')}")
        return lines

    def count_record(self, kind: str) -> None:
        self.records[kind] = self.records.get(kind, 0) + 1

    def add_errors(self, messages: list[str]) -> None:
        """Keep the messages while fewer than MAX_FIRST_ERRORS are kept."""
        room = MAX_FIRST_ERRORS - len(self.first_errors)
        self.first_errors.extend(messages[:max(room, 0)])

    def counts_text(self) -> tuple[str, str]:
        """('ok 12, no_events 0, ...', 'exchange 25, agreement 5, ...'): the counts in their fixed order."""
        return (", ".join(f"{name} {self.statuses.get(name, 0)}" for name in STATUSES),
                ", ".join(f"{name} {self.records.get(name, 0)}" for name in RECORD_TYPES))

    def errors_text(self) -> list[str]:
        """'first errors:' and one indented line per kept message; nothing when there is none."""
        return ["first errors:", *(f"  {message}" for message in self.first_errors)] if self.first_errors else []

    @property
    def errors(self) -> int:
        return self.statuses.get("error", 0)

    @property
    def records_total(self) -> int:
        return sum(self.records.values())

    def format(self) -> str:
        """A few lines for a person, e.g. printed to stderr by the CLI."""
        status, records = self.counts_text()
        return "\n".join([
            f"{self.items} article(s) read in {self.seconds:.1f}s: {status}",
            f"{self.records_total} record(s) written: {records}",
            f"{self.lines} line(s) in {self.output}",
            *self.errors_text(),
            *self.notes_text(),
        ])
