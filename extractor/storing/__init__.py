"""The embedded event store (SQLite, standard library): claims, events and the links between them."""

from .schema import SCHEMA_VERSION
from .store import EventStore, StoreChanges, claim_line

__all__ = ["SCHEMA_VERSION", "EventStore", "StoreChanges", "claim_line"]
