"""Exporting events: JSON Lines, and tidy tables (events, flows, sources, claims) as CSV or typed Parquet."""

from .export import FORMATS, ExportSummary, export_store, parquet_available, table_rows
from .tables import COLUMNS, TABLES, event_row

__all__ = ["COLUMNS", "FORMATS", "TABLES", "ExportSummary", "event_row",
           "export_store", "parquet_available", "table_rows"]
