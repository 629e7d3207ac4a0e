"""Write the packaged default pipeline as a pipeline folder that `spacy.load` reads back.

The folder (config.cfg, meta.json, one folder per gazetteer component with its entries.jsonl and
cfg, tokenizer, vocab) is the data layer a user can edit and load with `extractor extract --model`.
Its `__init__.py` makes it the Python package `exchange_en` as well: `pip install ./models` (the
pyproject.toml beside the folder) installs it, and `spacy.load("exchange_en")` then loads it from
any folder, as it loads any installed spaCy pipeline package.
The bytes depend only on the rule data, the tool version and the installed spaCy, never on the
time, the machine or the output path, so that a regenerated folder can be compared with the
committed one file by file.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import srsly

from .about import __version__
from .errors import CodedError, coded_error

MODEL_NAME = "exchange_en"
# The spaCy versions the folder is meant for; keep in line with the spacy pin in pyproject.toml.
SPACY_VERSION_RANGE = ">=3.8.2,<3.9.0"
# Meta keys spaCy fills from the build environment that say nothing about the pipeline.
VOLATILE_META_KEYS = ("spacy_git_version",)


def pipeline_meta(nlp) -> dict:
    """The fixed meta fields of the folder, set on `nlp.meta` before it is written."""
    builder = nlp.get_pipe("exchange_records")
    return {
        "name": MODEL_NAME,
        "version": __version__,
        "description": "Rule-based extraction of exchange events (POW swaps, body repatriations, "
                       "hostage and prisoner exchanges); no statistical model.",
        "license": "MIT",
        "spacy_version": SPACY_VERSION_RANGE,
        "requirements": [f"extractor=={__version__}"],
        "extractor": {"version": __version__, "data_version": builder.versions["data_version"]},
    }


PACKAGE_INIT = '''"""The exchange-event pipeline as an installed spaCy package: `spacy.load("exchange_en")`.

Written by `extractor build-model`. Install extractor first (its components and tokenizer are spaCy
entry points), then this folder with `pip install ./models`.
"""

from pathlib import Path

from spacy.util import load_model_from_path


def load(**overrides):
    """The pipeline in this folder; `overrides`: spacy.load's vocab, disable, enable, exclude, config."""
    return load_model_from_path(Path(__file__).parent, **overrides)
'''


def write_pipeline(nlp, folder: Path) -> None:
    """`nlp.to_disk(folder)` with the meta made independent of the build environment, and the
    `__init__.py` that makes the folder an installable package."""
    nlp.meta.update(pipeline_meta(nlp))
    nlp.to_disk(folder)
    meta_path = folder / "meta.json"
    meta = srsly.read_json(meta_path)
    for key in VOLATILE_META_KEYS:
        meta.pop(key, None)
    srsly.write_json(meta_path, meta)
    (folder / "__init__.py").write_text(PACKAGE_INIT, encoding="utf-8")


def _check_target(output: Path, *, force: bool) -> bool:
    """Whether `output` holds something to replace; raises CodedError when it must not be touched."""
    if not output.exists() and not output.is_symlink():
        return False
    if output.is_symlink() or not output.is_dir():
        raise coded_error("E105", path=str(output), detail="not a folder")
    if not any(output.iterdir()):
        return True
    if not (output / "config.cfg").is_file():
        raise coded_error("E105", path=str(output), detail="no config.cfg in it")
    if not force:
        raise coded_error("E104", path=str(output))
    return True


def build_model(output: Path, *, force: bool = False) -> Path:
    """Write the packaged default pipeline to `output` and return it.

    An existing pipeline folder is replaced only with `force` (CodedError E104 otherwise); a file
    or a non-empty folder without config.cfg is never replaced (E105). The folder is written next
    to `output` first and moved into place at the end, so a failed build leaves `output` as it was.
    """
    from .pipeline import load_pipeline

    output = Path(output)
    replace = _check_target(output, force=force)
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise coded_error("E106", path=str(output), detail=f"folder {str(parent)!r} does not exist")
    nlp = load_pipeline(None)
    try:
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{output.name}.", suffix=".tmp"))
    except OSError as exc:
        raise coded_error("E106", path=str(output), detail=exc.strerror or str(exc)) from exc
    try:
        folder = staging / MODEL_NAME
        write_pipeline(nlp, folder)
        if replace:
            shutil.rmtree(output)
        folder.replace(output)
    except OSError as exc:
        raise coded_error("E106", path=str(output), detail=exc.strerror or str(exc)) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return output


__all__ = ["MODEL_NAME", "SPACY_VERSION_RANGE", "CodedError", "build_model", "pipeline_meta", "write_pipeline"]
