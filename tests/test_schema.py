"""The exported JSON Schema of an output line, and every line `extract` writes validates against it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import _register, app
from extractor.contract import (
    AgreementRecord,
    Count,
    DateInterval,
    EvidenceSpan,
    ExchangeRecord,
    Flow,
    Location,
    TallyRecord,
)
from extractor.contract.schema import output_line_schema
from extractor.pipeline import Extractor
from fakes import patch_pipeline

jsonschema = pytest.importorskip("jsonschema")

_register()


def flow(src: str | None, dst: str | None, category: str = "pows", count: Count | None = None,
         people: tuple[str, ...] = ()) -> Flow:
    return Flow.model_validate({"from": src, "to": dst, "category": category, "count": count, "people": people})


def all_kinds(self: Extractor, article) -> list:
    if "ALLKINDS" not in article.full_text:
        return []
    day = DateInterval(start=dt.date(2025, 6, 9), end=dt.date(2025, 6, 9), precision="day")
    ev = (EvidenceSpan(start=0, end=8, label="CUE", text=article.full_text[:8]),)
    return [
        ExchangeRecord(doc_id=article.id, claim_id=f"{article.id}#x", status="completed", date=day,
                       flows=(flow("RUS", "UKR", count=Count.exact(84)), flow("UKR", "RUS", count=Count.exact(84))),
                       location=Location(name="Belarus–Ukraine border", country="BLR"), mediators=("ARE",),
                       evidence=ev, sentences=((0, 8),), rules=("r1",), confidence=0.9),
        AgreementRecord(doc_id=article.id, claim_id=f"{article.id}#a", parties=("RUS", "UKR"),
                        terms=(flow("RUS", "UKR", "bodies", Count(max=6000, qualifier="up_to")),)),
        TallyRecord(doc_id=article.id, claim_id=f"{article.id}#t",
                    flow=flow("RUS", "UKR", "bodies", Count(min=4801, qualifier="over")),
                    as_of=DateInterval(end=dt.date(2025, 6, 9), precision="day"), scope="since the start"),
        ExchangeRecord(doc_id=article.id, claim_id=f"{article.id}#p", status="planned",
                       flows=(flow(None, None, "prisoners", Count(min=80, max=90, qualifier="range")),)),
        ExchangeRecord(doc_id=article.id, claim_id=f"{article.id}#n", status="completed",
                       flows=(flow("USA", "RUS", "prisoners", Count.exact(1), people=("Ivan Sorel",)),
                              flow("RUS", "USA", "prisoners", Count.exact(1), people=("Mara Quint",)))),
    ]


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    patch_pipeline(monkeypatch, all_kinds)


@pytest.fixture(scope="module")
def validator():
    schema = output_line_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_covers_the_four_line_types() -> None:
    schema = output_line_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(schema["discriminator"]["mapping"]) == {"exchange", "agreement", "tally", "article"}
    flow_props = schema["$defs"]["Flow"]["properties"]
    assert "from" in flow_props and "from_" not in flow_props
    assert flow_props["people"]["type"] == "array" and "people" not in schema["$defs"]["Flow"].get("required", [])


def test_every_extract_line_validates(tmp_path: Path, validator) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "all", "text": "ALLKINDS: Russia and Ukraine swapped 84 for 84."},
        {"id": "none", "text": "Nothing."},
        {"id": "none", "text": "duplicate id"},
        {"id": "empty", "text": ""},
        {"id": "date", "text": "ALLKINDS", "published": "2025-02-30"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows) + "[1]\n{cut", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(src), "--output", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kinds = {line["type"] for line in lines}
    statuses = {line["status"] for line in lines if line["type"] == "article"}
    assert kinds == {"exchange", "agreement", "tally", "article"}
    assert statuses == {"ok", "no_events", "skipped", "error"}
    for line in lines:
        errors = sorted(validator.iter_errors(line), key=str)
        assert not errors, (line, [e.message for e in errors])


@pytest.mark.parametrize("line,why", [
    ({"type": "article", "doc_id": "x", "status": "done"}, "unknown status"),
    ({"type": "nope", "doc_id": "x"}, "unknown type"),
    ({"type": "exchange", "doc_id": "x", "claim_id": "c", "status": "completed",
      "flows": [{"from_": "RUS", "to": "UKR", "category": "pows"}]}, "python field name instead of 'from'"),
    ({"type": "exchange", "doc_id": "x", "claim_id": "c", "status": "completed", "flows": []}, "no flows"),
    ({"type": "tally", "doc_id": "x", "claim_id": "c"}, "no flow"),
    ({"type": "exchange", "doc_id": "x", "claim_id": "c", "status": "completed",
      "flows": [{"from": "RUS", "to": "USA", "category": "prisoners", "people": [""]}]}, "empty person name"),
])
def test_schema_rejects_bad_lines(validator, line: dict, why: str) -> None:
    assert not validator.is_valid(line), why


def test_schema_command_writes_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    result = CliRunner().invoke(app, ["schema", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == output_line_schema()
    again = CliRunner().invoke(app, ["schema", "--output", str(out)])
    assert again.exit_code == 2 and "[E201]" in again.stderr and "--force" in again.stderr
    assert CliRunner().invoke(app, ["schema", "--output", str(out), "--force"]).exit_code == 0


def test_schema_to_stdout() -> None:
    result = CliRunner().invoke(app, ["schema", "--output", "-"])
    assert result.exit_code == 0 and json.loads(result.stdout) == output_line_schema()


@pytest.mark.parametrize("which", ["record", "event", "corrections"])
def test_write_schema_is_library_code(tmp_path: Path, which: str) -> None:
    """The library writes each schema without the command line; the command is a thin wrapper of it."""
    from extractor.errors import CodedError
    from extractor.exporting.schema import schema_of, write_schema

    out = write_schema(tmp_path / f"{which}.json", which=which)
    assert json.loads(out.read_text(encoding="utf-8")) == schema_of(which)
    with pytest.raises(CodedError) as err:
        write_schema(out, which=which)
    assert err.value.code == "E201"
    command = ["schema", "--output", "-"] + ({"event": ["--event"], "corrections": ["--corrections"]}.get(which, []))
    assert json.loads(CliRunner().invoke(app, command).stdout) == schema_of(which)
