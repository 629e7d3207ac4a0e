"""The same input files give byte-identical output whatever order they are named in."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import _register, app

ARTICLES = [
    [{"id": "b1", "title": "Swap", "published": "2025-06-09",
      "text": "Russia and Ukraine exchanged 84 prisoners of war each on Monday, officials said."}],
    [{"id": "a1", "title": "Bodies", "published": "2025-07-17",
      "text": "Russia handed over the bodies of 1,000 soldiers to Ukraine on Thursday and received 19."}],
]


def test_order_of_input_files_does_not_change_the_output(tmp_path: Path) -> None:
    _register()
    files = []
    for n, rows in enumerate(ARTICLES):
        path = tmp_path / f"part{n}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        files.append(str(path))
    runner = CliRunner()
    outputs = []
    for order, name in ((files, "one.jsonl"), (list(reversed(files)), "two.jsonl")):
        out = tmp_path / name
        result = runner.invoke(app, ["extract", *order, "--output", str(out), "--quiet"])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b'"type":"exchange"' in outputs[0]
