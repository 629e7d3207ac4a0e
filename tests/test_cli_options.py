"""`extract` and `run` share their options: same names, defaults and help, the input formats and
defaults taken from the library (declared once)."""

from __future__ import annotations

from typing import get_args

import pytest
import typer.main

from extractor.cli import _register, app
from extractor.reading import FORMATS, KeyMap
from extractor.running import RunOptions

_register()

SHARED = ["model", "id_key", "text_key", "published_key", "title_key", "url_key", "outlet_key", "dayfirst", "fmt",
          "max_chars", "on_oversize", "prefilter", "time_budget", "workers", "engine", "shard_size", "strict", "quiet"]


def params(command: str) -> dict:
    group = typer.main.get_command(app)
    return {p.name: p for p in group.commands[command].params}  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", SHARED)
def test_run_and_extract_share_the_option(name: str) -> None:
    extract, run = params("extract")[name], params("run")[name]
    assert (extract.opts, extract.secondary_opts, extract.default, extract.help) == (
        run.opts, run.secondary_opts, run.default, run.help)


@pytest.mark.parametrize("command", ["extract", "run"])
def test_formats_and_defaults_come_from_the_library(command: str) -> None:
    found = params(command)
    assert get_args(found["fmt"].type_descriptor.annotation) == FORMATS
    keys, options = KeyMap(), RunOptions()
    assert [found[f"{field}_key"].default for field in ("id", "text", "published", "title", "url", "outlet")] == [
        keys.id, keys.text, keys.published, keys.title, keys.url, keys.outlet]
    assert (found["max_chars"].default, found["on_oversize"].default, found["prefilter"].default,
            found["time_budget"].default) == (options.max_chars, options.on_oversize, options.prefilter,
                                              options.time_budget)
