"""A stand-in pipeline for tests of reading, running and the CLI: no spaCy load, `extract` patched."""

from __future__ import annotations

import pytest

from extractor.pipeline import Extractor


def bare_extractor(cls, path=None):
    """An Extractor without a loaded pipeline, whatever its __init__ needs: tests patch `extract`."""
    inst = object.__new__(cls)
    inst.nlp, inst.tool_version, inst.data_version = None, "0.1.0", "test"
    return inst


def patch_pipeline(monkeypatch: pytest.MonkeyPatch, extract) -> None:
    monkeypatch.setattr(Extractor, "load", classmethod(bare_extractor))
    monkeypatch.setattr(Extractor, "extract", extract)
