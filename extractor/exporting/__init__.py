"""Exporting events: JSON Lines, CSV with ACLED-like columns, Parquet when pyarrow is installed."""

from .atomic import atomic_writer, check_output
from .export import FORMATS, ExportSummary, export_store, parquet_available
from .tables import COLUMNS, event_row

__all__ = ["COLUMNS", "FORMATS", "ExportSummary", "atomic_writer", "check_output", "event_row", "export_store",
           "parquet_available"]
