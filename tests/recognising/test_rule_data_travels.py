"""All rule data travels with the pipeline: each component saves its own vocabulary with `to_disk`,
reads it back with `from_disk` (validated, with a coded error naming file and line), and every
vocabulary is covered by the data_version."""

from __future__ import annotations

import shutil

import pytest
import spacy
from conftest import MODEL_DIR

from extractor.pipeline import Extractor

FILES = [
    ("exchange_actors", "entries.jsonl"),
    ("exchange_cues", "entries.jsonl"),
    ("exchange_places", "entries.jsonl"),
    ("exchange_quantities", "quantity_cues.jsonl"),
    ("exchange_records", "dyads.jsonl"),
    ("exchange_records", "person_nouns.jsonl"),
]


@pytest.mark.parametrize(("component", "name"), FILES)
def test_committed_folder_carries_each_vocabulary(component, name):
    assert (MODEL_DIR / component / name).is_file()


@pytest.fixture()
def folder(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(MODEL_DIR, copy)
    return copy


def test_edited_quantity_cues_are_read_and_change_the_data_version(folder, extractor):
    cues = folder / "exchange_quantities" / "quantity_cues.jsonl"
    cues.write_text(cues.read_text(encoding="utf-8") + '{"kind": "count_noun", "word": "wayfarers"}\n', encoding="utf-8")
    edited = Extractor(spacy.load(folder))
    assert edited.data_version != extractor.data_version


def test_edited_dyads_are_read_and_change_the_data_version(folder, extractor):
    dyads = folder / "exchange_records" / "dyads.jsonl"
    dyads.write_text(dyads.read_text(encoding="utf-8") + '{"parties": ["CHL", "PER"], "default_category": "pows"}\n',
                     encoding="utf-8")
    edited = Extractor(spacy.load(folder))
    assert edited.data_version != extractor.data_version
    assert any(d.parties == ("CHL", "PER") for d in edited.nlp.get_pipe("exchange_records").dyads)


def test_edited_person_nouns_are_read_and_change_the_data_version(folder, extractor):
    """A trade added to a folder's person nouns counts people for that pipeline (group.captive_object)."""
    text = "Al-Shabaab freed three Kenyan glaziers on Monday in exchange for 12 fighters held by Somalia."
    nouns = folder / "exchange_records" / "person_nouns.jsonl"
    nouns.write_text(nouns.read_text(encoding="utf-8") + '{"singular": "glazier", "plural": "glaziers"}\n',
                     encoding="utf-8")
    edited = Extractor(spacy.load(folder))
    assert edited.data_version != extractor.data_version
    assert "glaziers" in edited.nlp.get_pipe("exchange_records").person_nouns.plural

    def counted(pipeline):
        doc = pipeline.nlp(text)
        return sorted(f.count.value for r in doc._.records for f in getattr(r, "flows", []) if f.count is not None)

    assert counted(edited) == [3, 12] and counted(extractor) == [12]


def test_state_ids_are_the_folders_own(folder, monkeypatch):
    """A state added to a folder's actor gazetteer is a state for that pipeline's normaliser (not only the
    package lexicon's states): the folder is self-contained."""
    from extractor.normalising import component
    from extractor.normalising.context import STATES_KEY, package_state_ids

    entries = folder / "exchange_actors" / "entries.jsonl"
    entries.write_text(entries.read_text(encoding="utf-8") + '{"label": "STATE", "id": "ZMB2", "patterns": ["Zembla"]}\n',
                       encoding="utf-8")
    edited = Extractor(spacy.load(folder))
    seen = []
    real = component.build_records

    def spy(doc, **kwargs):
        seen.append(doc.user_data[STATES_KEY])
        return real(doc, **kwargs)

    monkeypatch.setattr(component, "build_records", spy)
    edited.nlp("Zembla and Chile swapped 40 prisoners of war on Monday.")
    assert "ZMB2" in seen[0] and "ZMB2" not in package_state_ids() and "CHL" in seen[0]


BAD_LINES = [
    ("exchange_quantities", "quantity_cues.jsonl", '{"kind": "count_noun"}', "word"),
    ("exchange_quantities", "quantity_cues.jsonl", '{"kind": "count_noun", "word": "x"', "not valid JSON"),
    ("exchange_records", "dyads.jsonl", '{"parties": ["CHL"]}', "parties"),
    ("exchange_records", "dyads.jsonl", '{"parties": ["CHL", "PER"], "colour": 1}', "colour"),
    ("exchange_records", "person_nouns.jsonl", '{"singular": "glazier"}', "plural"),
    ("exchange_records", "person_nouns.jsonl", '{"singular": "sheep", "plural": "sheep"}', "both 'sheep'"),
    ("exchange_records", "person_nouns.jsonl", '{"singular": "Glazier", "plural": "glaziers"}', "singular"),
    ("exchange_actors", "entries.jsonl", '{"label": "state", "id": "CHL", "patterns": ["Chile"]}', "label"),
]


@pytest.mark.parametrize(("component", "name", "line", "field"), BAD_LINES, ids=[f"{c}-{f}" for c, _, _, f in BAD_LINES])
def test_bad_line_in_a_folder_is_a_coded_error(folder, component, name, line, field):
    file = folder / component / name
    lines = file.read_text(encoding="utf-8").splitlines()
    lines.insert(1, line)
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        spacy.load(folder)
    message = str(info.value)
    assert "[E101]" in message and str(file) in message and "line 2" in message and field in message
