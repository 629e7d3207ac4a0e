"""The generated state lexicon: regeneration from the source libraries gives the committed file,
curated rules are validated with coded errors, no pattern names two actors, and the layering
(source data, curated overrides, generated file) works as documented in `lexicon.py`."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources

import pytest

from extractor.recognising.gazetteer import package_entries
from extractor.recognising.group_names import HELPER_LABELS
from extractor.recognising.lexicon import (
    GENERATED_FILE, Country, CuratedRule, build_entries, package_curated, plural, read_curated,
)


def test_regeneration_matches_committed_file():
    pytest.importorskip("pycountry")
    pytest.importorskip("countryinfo")
    from extractor.recognising.lexicon import generate

    committed = resources.files("extractor.data").joinpath(GENERATED_FILE).read_text(encoding="utf-8")
    assert generate() == committed, "states.jsonl is stale: run `python -m extractor.recognising.lexicon`"


def test_no_pattern_names_two_actors():
    """Entries with a context may share a pattern (the context decides); no other entry may."""
    owners = defaultdict(set)
    for entry in package_entries("states.jsonl", "actors.jsonl", "groups.jsonl"):
        if entry.label == "BLOCK" or entry.label in HELPER_LABELS or entry.context:
            continue
        for pattern in entry.patterns:
            owners[pattern.casefold()].add(entry.id)
    assert {p: ids for p, ids in owners.items() if len(ids) > 1} == {}


def test_every_un_member_has_a_name_capital_and_demonym():
    entries = package_entries("states.jsonl")
    labels = defaultdict(set)
    for entry in entries:
        labels[entry.id].add(entry.label)
    states = [i for i, found in labels.items() if "STATE" in found]
    assert len(states) >= 250  # every ISO 3166-1 entry, and Kosovo
    full = [i for i, found in labels.items() if {"STATE", "CAPITAL", "DEMONYM"} <= found]
    assert len(full) >= 180


def test_curated_file_validates():
    rules = package_curated()
    assert any(r.rule == "add" for r in rules) and any(r.rule == "block" for r in rules)


BAD_CURATED = [
    ('{"rule": "add", "label": "STATE", "id": "UKR"}', "patterns"),
    ('{"rule": "add", "label": "STATE", "id": "Ukraine", "patterns": ["Ukraine"]}', "'id'"),
    ('{"rule": "rename", "patterns": ["x"]}', "'rule'"),
    ('{"rule": "drop", "patterns": ["x"], "colour": "red"}', "'colour'"),
    ('{"rule": "drop", "patterns": ["x"]', "not valid JSON"),
]


@pytest.mark.parametrize(("line", "named"), BAD_CURATED, ids=[n for _, n in BAD_CURATED])
def test_bad_curated_line_is_a_coded_error(line, named):
    with pytest.raises(ValueError) as info:
        read_curated(["// header", line], origin="states_curated.jsonl")
    message = str(info.value)
    assert message.startswith("[E101]") and "states_curated.jsonl line 2" in message and named in message


SOURCE = [
    Country("AAA", ("Alphaland", "Republic of Alphaland", "Alpha, Republic of"), True, "Alphaville", ("Alphan",)),
    Country("BBB", ("Betania",), True, "Alphaville", ("Betanese",)),
    Country("CCC", ("Gammaland",), False, "Gammatown", ("Gamman",)),
    Country("DDD", ("Deltia",), True, "Deltia", ("Deltian",)),
]


def _built(rules: list[CuratedRule]) -> dict[tuple[str, str], set[str]]:
    found = defaultdict(set)
    for entry in build_entries(SOURCE, rules):
        found[(entry.label, entry.id)].update(entry.patterns)
    return dict(found)


def test_layering_of_source_and_curated_rules():
    built = _built([
        CuratedRule(rule="add", label="DEMONYM", id="AAA", patterns=("Alphans",)),
        CuratedRule(rule="add", label="STATE", id="BBB", patterns=("Alphaland",)),
        CuratedRule(rule="drop", patterns=("Betanese",)),
        CuratedRule(rule="sovereign", ids=("CCC",)),
        CuratedRule(rule="block", patterns=("New Alphaland",)),
    ])
    # index forms with commas are left out; the curated file moves "Alphaland" to BBB
    assert built[("STATE", "AAA")] == {"Republic of Alphaland"}
    assert built[("STATE", "BBB")] == {"Betania", "Alphaland"}
    # a capital two ids claim names neither; a capital equal to the state name stays a STATE
    assert ("CAPITAL", "AAA") not in built and ("CAPITAL", "BBB") not in built
    assert ("CAPITAL", "DDD") not in built and built[("STATE", "DDD")] == {"Deltia"}
    assert built[("DEMONYM", "AAA")] == {"Alphan", "Alphans"}
    assert ("DEMONYM", "BBB") not in built
    # not a UN member, but curated as sovereign
    assert built[("CAPITAL", "CCC")] == {"Gammatown"}
    assert built[("BLOCK", "not_a_state")] == {"New Alphaland"}


def test_exact_rule_gives_a_case_sensitive_entry():
    entries = build_entries(SOURCE, [CuratedRule(rule="exact", patterns=("Betania",))])
    cases = {(e.id, e.case) for e in entries if "Betania" in e.patterns}
    assert cases == {("BBB", "exact")}


@pytest.mark.parametrize(("demonym", "expected"), [
    ("Ukrainian", "Ukrainians"), ("Thai", "Thais"), ("Filipino", "Filipinos"), ("Chinese", None),
    ("French", None), ("Swiss", None), ("Dutch", None), ("South Sudanese", None), ("North Korean", "North Koreans"),
    ("Czech", "Czechs"), ("Bengali", "Bengalis"), ("Turk", "Turks"), ("British", None), ("Welsh", None),
])
def test_plural_of_demonyms(demonym, expected):
    assert plural(demonym) == expected


def test_curated_demonyms_get_their_plural():
    """A curated demonym's plural is generated as the source's are: 'Betanian' -> 'Betanians'."""
    entries = build_entries(SOURCE, [CuratedRule(rule="add", label="DEMONYM", id="BBB", patterns=("Betanian",))])
    patterns = {p for e in entries if e.id == "BBB" and e.label == "DEMONYM" for p in e.patterns}
    assert {"Betanian", "Betanians"} <= patterns
