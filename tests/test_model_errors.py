"""A user's pipeline folder that does not load, and a component that fails on one article: coded
messages naming the file and line, or the component, never a traceback or a stopped run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.errors import CodedError
from extractor.running import extract_archive
from extractor.running.files import load_extractor

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "models" / "exchange_en"

_register()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "model"
    shutil.copytree(MODEL_DIR, copy)
    return copy


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    src = tmp_path / "in.jsonl"
    rows = [{"id": "one", "text": "Chile and Peru exchanged 40 prisoners of war on Monday."},
            {"id": "two", "text": "Chile and Peru exchanged 12 prisoners of war on Friday."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return src


def _insert(file: Path, line: str, *, at: int = 1) -> None:
    lines = file.read_text(encoding="utf-8").splitlines()
    lines.insert(at, line)
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")


BROKEN = [
    # (file in the folder, what is written into it, code, words the message holds)
    ("exchange_records/dyads.jsonl", '{"parties": ["CHL"]}', "E101", ("dyads.jsonl line 2", "parties")),
    ("exchange_records/dyads.jsonl", '{"parties": ["CHL", "PER"], "lone": ["BOL"]}', "E101",
     ("dyads.jsonl line 2", "lone names BOL", "CHL and PER")),
    ("exchange_actors/entries.jsonl", '{"label": "state", "id": "CHL"', "E101", ("entries.jsonl line 2", "not valid JSON")),
    ("exchange_quantities/quantity_cues.jsonl", '{"kind": "count_noun"}', "E101", ("quantity_cues.jsonl line 2", "word")),
    ("config.cfg", "lang = = ", "E107", ("could not be loaded", "build-model")),
    # an id that names nothing would silently switch its entry off
    ("exchange_actors/entries.jsonl", '{"label": "GROUP", "id": "CMA", "patterns": ["CMA"], "context": ["MLL"]}', "E108",
     ("GROUP 'CMA'", "context id 'MLL'", "exchange_actors/entries.jsonl")),
    ("exchange_actors/entries.jsonl", '{"label": "HOMELAND", "id": "NOWHERE_LF", "patterns": ["Nowherian"]}', "E108",
     ("HOMELAND 'NOWHERE_LF'", "no actor entry")),
    ("exchange_actors/entries.jsonl", '{"label": "NAME_WORD", "id": "strnog", "patterns": ["Vanguard"]}', "E108",
     ("'strnog'", "neither 'strong' nor 'weak'")),
]


@pytest.mark.parametrize(("name", "line", "code", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_folder_is_a_coded_error(folder: Path, name: str, line: str, code: str,
                                          words: tuple[str, ...]) -> None:
    _insert(folder / name, line)
    with pytest.raises(CodedError) as info:
        load_extractor(folder)
    assert info.value.code == code
    message = str(info.value)
    assert message.startswith(f"[{code}] ") and all(word in message for word in words), message


def test_the_command_says_it_in_one_line(folder: Path, articles: Path, tmp_path: Path) -> None:
    _insert(folder / "exchange_records" / "dyads.jsonl", '{"parties": ["CHL"]}')
    result = CliRunner().invoke(app, ["extract", str(articles), "-o", str(tmp_path / "out.jsonl"),
                                      "--model", str(folder)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: [E101] Rule data file ") and "Traceback" not in result.output
    assert not (tmp_path / "out.jsonl").exists()


# spaCy turns a KeyError in a component into its own ValueError E109 ("did you forget to call initialize()?")
FAILURES = [(RuntimeError, "RuntimeError: invented failure"), (KeyError, "KeyError: 'invented failure'")]


@pytest.mark.parametrize("component", ["exchange_places", "exchange_records"])
@pytest.mark.parametrize(("error", "detail"), FAILURES, ids=[e.__name__ for e, _ in FAILURES])
def test_e102_names_the_failing_component(extractor, articles: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, component: str, error: type,
                                          detail: str) -> None:
    pipe = type(extractor.nlp.get_pipe(component))
    real = pipe.__call__

    def fails_on_forty(self, doc):
        if "40" in doc.text and self is extractor.nlp.get_pipe(component):
            raise error("invented failure")
        return real(self, doc)

    monkeypatch.setattr(pipe, "__call__", fails_on_forty)
    out = tmp_path / "out.jsonl"
    summary = extract_archive([articles], output=out, extractor=extractor)
    statuses = {row["doc_id"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())
                if row["type"] == "article"}
    assert statuses["one"]["status"] == "error" and statuses["two"]["status"] == "ok"
    message = statuses["one"]["error"]["message"]
    assert message.startswith(f"[E102] Component {component!r} could not process article 'one'")
    assert detail in message and "E109" not in message and "initialize" not in message, message
    assert summary.errors == 1
