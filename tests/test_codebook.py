"""The codebook is generated from the models, tables, gazetteers and error catalogue; the committed file must match."""

from __future__ import annotations

from pathlib import Path

from extractor.codebook import render
from extractor.exporting import TABLES
from extractor.exporting.names import actor_names

ROOT = Path(__file__).resolve().parents[1]
CODEBOOK = ROOT / "docs" / "codebook.md"


def test_committed_codebook_matches_the_code():
    assert CODEBOOK.read_text(encoding="utf-8") == render(), (
        "docs/codebook.md is out of date: regenerate it with "
        "`python -m extractor codebook --output docs/codebook.md --force`")


def test_codebook_names_every_column_actor_and_code():
    text = render()
    for columns in TABLES.values():
        for c in columns:
            assert f"| `{c.name}` |" in text
    for ident, name in actor_names().items():
        assert f"| `{ident}` | {name} |" in text
    for code in ("E001", "E302", "E501", "E602", "W001", "W008"):
        assert f"| {code} |" in text
