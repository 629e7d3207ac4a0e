"""Before a run: the inputs resolved, the output checked, the pipeline loaded (once)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..reading import Format, KeyMap, ReadOptions, resolve_inputs
from ..errors import CodedError, coded_error, short
from ..outputs import check_output
from .articles import RunOptions

if TYPE_CHECKING:
    from ..pipeline import Extractor


def checked_run(inputs: Sequence[str | Path], *, output: str | Path, keys: KeyMap | None, fmt: Format,
                options: RunOptions | None, read_options: ReadOptions | None,
                ) -> tuple[RunOptions, ReadOptions, Path, list[tuple[Path, str, bool]]]:
    """The options with their defaults, the output path and the resolved inputs (path, kind, gzip),
    checked before anything is loaded or written: CodedError E008, E017, E201, E203, E204."""
    options = options or RunOptions()
    read_options = read_options or ReadOptions(keys=keys or KeyMap())
    if keys is not None and read_options.keys != keys:
        raise ValueError("give the keys either in `keys` or in `read_options`, not both")
    out = Path(output)
    resolved = resolve_inputs(inputs, fmt=fmt)
    check_output(out, force=options.force, inputs=tuple(path for path, _, _ in resolved))
    read_options = excluding(read_options, own_outputs(out))
    return options, read_options, out, resolved


def own_outputs(*paths: Path) -> frozenset[str]:
    """Real paths of a run's outputs and their work folders (never read back from an input folder)."""
    found: set[str] = set()
    for path in paths:
        if str(path) == "-":
            continue
        found.add(os.path.realpath(path))
        found.add(os.path.realpath(path.with_name(path.name + ".parts")))
    return frozenset(found)


def excluding(read_options: ReadOptions, paths: frozenset[str]) -> ReadOptions:
    return replace(read_options, exclude=read_options.exclude | paths)


def load_extractor(model: str | Path | None) -> Extractor:
    """The pipeline at `model` (a folder with config.cfg), or the packaged default when None. A user's
    folder that does not load is a CodedError: E103 (no config.cfg), E101 (a bad rule-data line,
    naming the file and line), E107 (anything else, with the cause)."""
    from ..pipeline import Extractor

    if model is None:
        return Extractor.load(None)
    if not (Path(model) / "config.cfg").is_file():
        raise coded_error("E103", path=str(model))
    try:
        return Extractor.load(model)
    except CodedError:
        raise
    except Exception as exc:  # noqa: BLE001 - a user's folder: say what failed instead of a traceback
        raise coded_error("E107", path=str(model), detail=short(f"{type(exc).__name__}: {exc}", 300)) from exc
