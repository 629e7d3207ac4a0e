"""Before a run: the inputs resolved, the output checked, the pipeline loaded (once)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..reading import Format, KeyMap, ReadOptions
from ..errors import CodedError, coded_error, short
from ..memory import no_cyclic_gc
from ..outputs import check_output
from .articles import RunOptions
from .plan import InputPlan, own_outputs, plan_inputs

if TYPE_CHECKING:
    from ..pipeline import Extractor


def checked_run(inputs: Sequence[str | Path] | InputPlan, *, output: str | Path, keys: KeyMap | None, fmt: Format,
                options: RunOptions | None, read_options: ReadOptions | None,
                ) -> tuple[RunOptions, Path, InputPlan]:
    """The options with their defaults, the output path and the input plan (its readers passing over
    the output), checked before anything is loaded or written: CodedError E008, E017, E201, E203, E204."""
    options = options or RunOptions()
    if isinstance(inputs, InputPlan):
        if keys is not None or read_options is not None:
            raise ValueError("an input plan carries its own read options: give no `keys` or `read_options`")
        plan = inputs
    else:
        read_options = read_options or ReadOptions(keys=keys or KeyMap())
        if keys is not None and read_options.keys != keys:
            raise ValueError("give the keys either in `keys` or in `read_options`, not both")
        plan = plan_inputs(inputs, fmt=fmt, read_options=read_options)
    out = Path(output)
    check_output(out, force=options.force, inputs=tuple(plan.paths))
    return options, out, plan.excluding(own_outputs(out))


def load_extractor(model: str | Path | None) -> Extractor:
    """The pipeline at `model` (a folder with config.cfg), or the packaged default when None. A user's
    folder that does not load is a CodedError: E103 (no config.cfg), E101 (a bad rule-data line,
    naming the file and line), E107 (anything else, with the cause). The cyclic collector is paused
    while spaCy and the pipeline load: its passes over the many objects they make, none of them
    garbage, cost about a fifth of the start-up."""
    with no_cyclic_gc():
        return _load_extractor(model)


def _load_extractor(model: str | Path | None) -> Extractor:
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
