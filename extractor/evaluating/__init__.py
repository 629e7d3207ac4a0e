"""Measuring accuracy against a hand-coded sample: the scorer of the evaluation kit, shipped in the package.

`score(gold_rows, pred_rows, event_rows)` gives the same figures as the kit's `score.py`; gold is
read from JSON Lines (`{"doc_id", "records"}` per article) or from a flows spreadsheet (CSV, one
row per flow: `sheet.SHEET_COLUMNS`), which `extractor flows-sheet` writes from one's predictions
for hand correction.
"""

from .scoring import HEADLINE, lookup, score
from .sheet import SHEET_COLUMNS, read_gold, read_sheet, records_to_sheet_rows, write_sheet

__all__ = ["HEADLINE", "SHEET_COLUMNS", "lookup", "read_gold", "read_sheet", "records_to_sheet_rows", "score",
           "write_sheet"]
