"""Exporting events: JSON Lines, and tidy tables (events, flows, sources, claims) as CSV or typed Parquet."""

from .export import FORMATS, ExportFormat, ExportSummary, StoreView, export_store, parquet_available, table_rows, write_export
from .tables import COLUMNS, TABLES, event_row

__all__ = ["COLUMNS", "FORMATS", "TABLES", "ExportFormat", "ExportSummary", "event_row",
           "StoreView", "export_store", "parquet_available", "table_rows", "write_export"]
