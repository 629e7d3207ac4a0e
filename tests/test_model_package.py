"""models/ as an installable spaCy package (issue 10): `pip install ./models`, then
`spacy.load("exchange_en")` from any folder gives the pipeline of models/exchange_en.

The wheel is built and installed offline (no index, no build isolation: setuptools and wheel of
this environment) into a temporary folder; a fresh interpreter outside the repository loads it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.about import __version__

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"

LOAD = """
import json, sys, spacy
nlp = spacy.load("exchange_en")
doc = nlp("Chile and Peru exchanged 40 prisoners of war on Monday.")
print(json.dumps({"name": nlp.meta["name"], "pipes": nlp.pipe_names, "file": sys.modules["exchange_en"].__file__,
                  "records": [r.model_dump(mode="json", by_alias=True) for r in doc._.records]}))
"""


def _pip(*args: str, cwd: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", *args, "--no-index", "--no-deps", "--quiet",
                           "--disable-pip-version-check"], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("package")
    shutil.copytree(MODELS, work / "src", ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    _pip("wheel", "--no-build-isolation", "--wheel-dir", str(work / "dist"), str(work / "src"), cwd=work)
    (wheel,) = (work / "dist").glob("exchange_en-*.whl")
    _pip("install", "--target", str(work / "site"), str(wheel), cwd=work)
    return work / "site"


def test_spacy_load_by_name_from_any_folder(installed: Path, tmp_path: Path, extractor) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(installed), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", LOAD], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert found["name"] == "exchange_en" and Path(found["file"]).is_relative_to(installed)
    assert found["pipes"] == extractor.nlp.pipe_names
    doc = extractor.nlp("Chile and Peru exchanged 40 prisoners of war on Monday.")
    assert found["records"] == [r.model_dump(mode="json", by_alias=True) for r in doc._.records]
    assert found["records"], "the invented sentence gives a record"


def test_the_package_version_follows_the_tool() -> None:
    text = (MODELS / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^version = "([^"]+)"', text, re.M).group(1) == __version__  # type: ignore[union-attr]
    meta = json.loads((MODELS / "exchange_en" / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == __version__


def test_make_setup_installs_the_package_after_extractor() -> None:
    """The README's `spacy.load("exchange_en")` works in the environment `make setup` makes."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8")
    tool, model = recipe.find('pip install -q -e ".[test]"'), recipe.find("pip install -q -e ./models")
    assert 0 <= tool < model


def test_the_installed_package_is_this_folder(extractor) -> None:
    """Where `make setup` installed it (editable): the name loads models/exchange_en of this checkout."""
    exchange_en = pytest.importorskip("exchange_en")
    import spacy

    if not Path(exchange_en.__file__).resolve().is_relative_to(MODELS.resolve()):
        pytest.skip(f"exchange_en is installed from another checkout: {exchange_en.__file__}")
    nlp = spacy.load("exchange_en")
    assert nlp.pipe_names == extractor.nlp.pipe_names
