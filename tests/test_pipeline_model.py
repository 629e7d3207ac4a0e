"""The committed pipeline folder models/exchange_en: it loads through the entry points, behaves like
the packaged default, and regenerating it gives the same bytes (the data layering holds)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import spacy
from conftest import MODEL_DIR, ROOT
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.contract import Article, PartialDate
from extractor.modelbuild import MODEL_NAME, SPACY_VERSION_RANGE, build_model
from extractor.pipeline import Extractor
from extractor.reading import CodedError

_register()

SHORT_TEXTS = [
    "Russia and Ukraine exchanged 84 prisoners of war each on Friday, the defence ministry in Moscow said.",
    "Russia returned 1,000 bodies of fallen Ukrainian soldiers to Kyiv on Tuesday.",
    "Hamas released three Israeli hostages on Saturday in exchange for 90 Palestinian prisoners freed by Israel.",
    "The two sides agreed in Istanbul to return up to 6,000 bodies on each side.",
    "Over 4,800 Ukrainian bodies have been repatriated since the start of the year.",
    "Shares fell on the stock exchange as troops exchanged fire near the border.",
    "",
]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def folder_extractor() -> Extractor:
    return Extractor(spacy.load(MODEL_DIR))


def _dump(records) -> list[dict]:
    return [r.model_dump(mode="json", by_alias=True) for r in records]


def test_folder_is_committed():
    assert (MODEL_DIR / "config.cfg").is_file()
    assert (MODEL_DIR / "meta.json").is_file()
    for name in ("exchange_actors", "exchange_cues", "exchange_places"):
        assert (MODEL_DIR / name / "entries.jsonl").is_file()
        assert (MODEL_DIR / name / "cfg").is_file()


def test_spacy_load_through_entry_points_alone():
    """A fresh interpreter that never imports extractor finds the factories and the tokenizer."""
    code = "import sys, spacy; nlp = spacy.load(sys.argv[1]); print(','.join(nlp.pipe_names))"
    out = subprocess.run([sys.executable, "-c", code, str(MODEL_DIR)], capture_output=True, text=True,
                         check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": ""}).stdout.split("\n")
    assert out[0].split(",") == ["exchange_sentences", "exchange_actors", "exchange_cues", "exchange_places",
                                 "exchange_gate", "exchange_quantities", "exchange_dates", "exchange_records"]


STALE = "models/exchange_en is stale: run `extractor build-model --output models/exchange_en --force`"


def test_folder_pipeline_matches_default_pipeline(folder_extractor, extractor):
    assert folder_extractor.nlp.pipe_names == extractor.nlp.pipe_names
    assert folder_extractor.nlp.config["nlp"]["tokenizer"] == extractor.nlp.config["nlp"]["tokenizer"]
    assert folder_extractor.data_version == extractor.data_version, STALE


@pytest.mark.parametrize("text", SHORT_TEXTS, ids=[f"text{i}" for i in range(len(SHORT_TEXTS))])
def test_folder_gives_the_same_records(folder_extractor, extractor, text):
    article = Article(id="short", text=text, published=PartialDate.parse("2026-03-13"))
    assert _dump(folder_extractor.extract(article)) == _dump(extractor.extract(article)), STALE


def test_folder_gives_the_same_records_on_the_corpus(folder_extractor, corpus_articles, corpus_records):
    for article in corpus_articles:
        assert _dump(folder_extractor.extract(article)) == _dump(corpus_records[article.id]), f"{article.id}: {STALE}"


def test_regeneration_matches_committed_folder(tmp_path):
    """The 'regeneration matches' check of the data layering: rebuild and compare every file.

    On failure the rule data or the pipeline changed without the folder being rebuilt: run
    `extractor build-model --output models/exchange_en --force` and commit the result."""
    built = build_model(tmp_path / MODEL_NAME)
    fresh, committed = _files(built), _files(MODEL_DIR)
    assert sorted(fresh) == sorted(committed)
    differing = [name for name in fresh if fresh[name] != committed[name]]
    assert not differing, f"regenerated files differ: {differing}; {STALE}"


def test_meta_is_fixed(tmp_path):
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == MODEL_NAME
    assert meta["spacy_version"] == SPACY_VERSION_RANGE
    assert "spacy_git_version" not in meta
    text = (MODEL_DIR / "meta.json").read_text(encoding="utf-8") + (MODEL_DIR / "config.cfg").read_text(encoding="utf-8")
    assert str(ROOT) not in text and str(tmp_path) not in text


def test_spacy_range_follows_the_pin():
    from packaging.specifiers import SpecifierSet

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    pin = SpecifierSet(next(d for d in deps if d.startswith("spacy"))[len("spacy"):])
    ours = SpecifierSet(SPACY_VERSION_RANGE)
    for version in ("3.7.5", "3.8.1", "3.8.2", "3.8.18", "3.9.0", "4.0.0"):
        assert (version in pin) == (version in ours), version


def test_edited_folder_data_is_what_runs(tmp_path):
    """Data layering: the folder's entries, not the packaged ones, drive the loaded pipeline."""
    folder = tmp_path / "edited"
    shutil.copytree(MODEL_DIR, folder)
    entries = folder / "exchange_actors" / "entries.jsonl"
    with entries.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"label": "STATE", "id": "ZZZ", "patterns": ["Freedonia"]}) + "\n")
    nlp = spacy.load(folder)
    doc = nlp("Freedonia and Russia")
    assert [(s.text, s.kb_id_) for s in doc.spans["actors"]] == [("Freedonia", "ZZZ"), ("Russia", "RUS")]


@pytest.mark.parametrize("make", [lambda p: p.mkdir(), lambda p: None], ids=["empty-folder", "missing"])
def test_load_without_config_raises_e103(tmp_path, make):
    path = tmp_path / "no_config"
    make(path)
    with pytest.raises(FileNotFoundError, match=r"\[E103\]") as info:
        Extractor.load(path)
    assert str(path) in str(info.value)


def test_build_refuses_to_overwrite_without_force(tmp_path):
    out = build_model(tmp_path / "m")
    before = _files(out)
    with pytest.raises(CodedError, match=r"\[E104\]") as info:
        build_model(out)
    assert info.value.code == "E104"
    (out / "stale.txt").write_text("x", encoding="utf-8")
    assert build_model(out, force=True) == out
    assert _files(out) == before


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        (lambda p: p.write_text("not a folder", encoding="utf-8"), "E105"),
        (lambda p: (p.mkdir(), (p / "notes.txt").write_text("keep me", encoding="utf-8")), "E105"),
    ],
    ids=["file", "foreign-folder"],
)
def test_build_never_replaces_what_is_not_a_pipeline(tmp_path, setup, code):
    target = tmp_path / "target"
    setup(target)
    snapshot = target.read_bytes() if target.is_file() else _files(target)
    with pytest.raises(CodedError) as info:
        build_model(target, force=True)
    assert info.value.code == code
    assert (target.read_bytes() if target.is_file() else _files(target)) == snapshot
    assert [p.name for p in tmp_path.iterdir()] == ["target"]  # no staging folder left behind


def test_build_into_empty_folder_and_missing_parent(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert (build_model(empty) / "config.cfg").is_file()
    with pytest.raises(CodedError) as info:
        build_model(tmp_path / "no" / "such" / "m")
    assert info.value.code == "E106"


def test_cli_build_model(tmp_path):
    runner = CliRunner()
    out = tmp_path / "cli_model"
    first = runner.invoke(app, ["build-model", "--output", str(out)])
    assert first.exit_code == 0, first.output
    assert (out / "meta.json").is_file()
    again = runner.invoke(app, ["build-model", "--output", str(out)])
    assert again.exit_code == 2
    assert "[E104]" in again.output
    first_files = _files(out)
    forced = runner.invoke(app, ["build-model", "--output", str(out), "--force", "--quiet"])
    assert forced.exit_code == 0
    assert forced.output == ""
    assert _files(out) == first_files
