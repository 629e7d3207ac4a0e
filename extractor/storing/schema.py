"""The store's tables. Bump SCHEMA_VERSION on any change; an older store is rebuilt from its claims files.

- `claims`: every claim line ever reconciled into the store (JSON as read, plus its source metadata);
- `events`: the current canonical events (JSON of `EventRecord`);
- `links`: claim id -> event id, one row per claim, so a claim is in exactly one event;
- `aliases`: event ids retired when events merged -> the event that holds their claims now;
- `raw_links`, `raw_aliases`: the same before hand corrections (see `extractor.correcting`): the
  grouping's ids are kept from these, so a correction applies the same way on every run;
- `blocks`: claim id -> the block it was reconciled in (named by its first claim id; see
  `reconciling.partition`), so the next run re-reconciles only the blocks whose claims changed;
  empty after a run with corrections (the next run then re-reconciles every block);
- `meta`: schema version; `rejected`: the claim ids hand corrections keep out of every event (JSON).

Version 1 stores (no raw tables) are upgraded in place: their links serve as the raw ones; version 1
and 2 stores get an empty `blocks` table (their next run re-reconciles every block).
"""

from __future__ import annotations

SCHEMA_VERSION = "3"
UPGRADABLE = ("1", "2")

DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS claims (
        claim_id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('exchange', 'agreement', 'tally')),
        body TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        date_start TEXT,
        body TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS links (
        claim_id TEXT PRIMARY KEY REFERENCES claims (claim_id) DEFERRABLE INITIALLY DEFERRED,
        event_id TEXT NOT NULL REFERENCES events (event_id) DEFERRABLE INITIALLY DEFERRED
    )""",
    "CREATE INDEX IF NOT EXISTS links_event ON links (event_id)",
    "CREATE INDEX IF NOT EXISTS claims_doc ON claims (doc_id)",
    """CREATE TABLE IF NOT EXISTS aliases (
        old_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL
    )""",
    "CREATE TABLE IF NOT EXISTS raw_links (claim_id TEXT PRIMARY KEY, event_id TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS raw_aliases (old_id TEXT PRIMARY KEY, event_id TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS blocks (claim_id TEXT PRIMARY KEY, block TEXT NOT NULL) WITHOUT ROWID",
)
