"""The store's tables. Bump SCHEMA_VERSION on any change; an older store is rebuilt from its claims files.

- `claims`: every claim line ever reconciled into the store (JSON as read, plus its source metadata),
  and its compact form (`reconciling.claims.compact_json`), read back without validating it again;
- `claim_keys`: the lookup keys each claim is filed under (`looks` 0), looks up (1), and its article and
  agreement (2) (see `storing.blockindex`): the claims an update can reach, found without reading the others;
- `events`: the current canonical events (JSON of `EventRecord`), and what the running-total check
  needs of each (`spans`, see `reconciling.checks.exchange_spans`);
- `links`: claim id -> event id, one row per claim, so a claim is in exactly one event;
- `aliases`: event ids retired when events merged -> the event that holds their claims now;
- `raw_links`, `raw_aliases`: the same before hand corrections (see `extractor.correcting`): the
  grouping's ids are kept from these, so a correction applies the same way on every run;
- `blocks`: claim id -> the block it was reconciled in (named by its first claim id; see
  `reconciling.partition`), the closed set the block was cut from (`grp`), the part of the block it
  was clustered with (`part`: its first claim id; see `clustering.parts_of`), a hash of the claims it was
  paired with (`partners`), of those it was linked to by a pair joining parts (`linked`) and of those
  a near miss can show it with (`near`), whether its strong set may anchor an undated claim
  (`anchored`), and the last pair its cluster shows near misses from its own side (`fifth`, JSON), so the next run re-clusters only the parts of blocks whose claims or links changed, and
  ranks again the near misses next to them (see `storing.parts`); empty after a run with corrections
  (the next run then re-reconciles every block);
- `flow_keys`: event id -> the flows (from, to, category) the running-total check reads it under
  (`reconciling.checks.exchange_spans`, and a tally's flow), so an update checks again only the
  flows its events touch;
- `meta`: schema version; scoring version (`reconciling.scoring.SCORING_VERSION`: blocks clustered by
  another are dropped on opening, and the next run re-reconciles every block); `rejected`: the claim ids hand
  corrections keep out of every event (JSON).

Version 1 stores (no raw tables) are upgraded in place: their links serve as the raw ones; version 1
to 3 stores get the compact claims, keys and spans filled in and an empty `blocks` table (their next
run re-reconciles every block); version 1 to 4 stores get their flow keys, and their blocks no parts
(a block an update touches is then re-reconciled whole); version 5 and 6 stores keep their blocks with
no near hash, anchoring and fifth pair (their parts were joined by every pair a near miss can show; a block an
update touches is then re-clustered whole, and gets version 7's finer parts).
"""

from __future__ import annotations

SCHEMA_VERSION = "7"
UPGRADABLE = ("1", "2", "3", "4", "5", "6")

DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS claims (
        claim_id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('exchange', 'agreement', 'tally')),
        body TEXT NOT NULL,
        compact TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        date_start TEXT,
        body TEXT NOT NULL,
        spans TEXT
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
    "CREATE TABLE IF NOT EXISTS blocks (claim_id TEXT PRIMARY KEY, block TEXT NOT NULL, grp TEXT) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS claim_keys (key TEXT NOT NULL, claim_id TEXT NOT NULL, looks INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS flow_keys (key TEXT NOT NULL, event_id TEXT NOT NULL)",
)
# Run after DDL: columns added since version 3 (skipped where the table has them), then the indexes.
COLUMNS = (("claims", "compact", "TEXT"), ("events", "spans", "TEXT"), ("blocks", "grp", "TEXT"),
           ("blocks", "part", "TEXT"), ("blocks", "partners", "INTEGER"), ("blocks", "linked", "INTEGER"),
           ("blocks", "near", "INTEGER"), ("blocks", "anchored", "INTEGER"), ("blocks", "fifth", "TEXT"))
INDEXES = (
    "CREATE INDEX IF NOT EXISTS claim_keys_key ON claim_keys (key, looks)",
    "CREATE INDEX IF NOT EXISTS claim_keys_claim ON claim_keys (claim_id)",
    "CREATE INDEX IF NOT EXISTS blocks_grp ON blocks (grp)",
    "CREATE INDEX IF NOT EXISTS blocks_first ON blocks (block) WHERE claim_id = block",  # counts the blocks
    "CREATE INDEX IF NOT EXISTS flow_keys_key ON flow_keys (key)",
    "CREATE INDEX IF NOT EXISTS flow_keys_event ON flow_keys (event_id)",
    "CREATE INDEX IF NOT EXISTS events_kind ON events (kind)",
    "CREATE INDEX IF NOT EXISTS raw_links_event ON raw_links (event_id)",
)
