"""The rule catalogue lists every rule id the normaliser can write into a record's `rules`, each
with a one-line meaning, and nothing the code no longer emits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, read_articles

from extractor.rulebook import explain, read_catalogue, rule_catalogue

NORMALISER = ROOT / "extractor" / "normalising"
# the recognisers of the actor rules a record lists for the sides they named
ACTOR_RULE_FILES = [ROOT / "extractor" / "recognising" / name for name in ("gazetteer.py", "group_names.py")]
LITERAL = re.compile(r"""["']\+?((?:group|category|direction|status|date|occasion|agreement|tally|count|gate|actors)\.[a-z_0-9]+)["']""")
# ids the code builds from a template: the template and the values it takes
TEMPLATES = {r'f"status.{status}_clause"': ("status.completed_clause", "status.planned_clause")}


def _code_ids() -> set[str]:
    found: set[str] = set()
    for path in sorted(NORMALISER.rglob("*.py")) + ACTOR_RULE_FILES:
        text = path.read_text(encoding="utf-8")
        found.update(LITERAL.findall(text))
        for template, ids in TEMPLATES.items():
            if template in text:
                found.update(ids)
    return found


def test_every_rule_the_code_emits_is_catalogued():
    missing = sorted(_code_ids() - set(rule_catalogue()))
    assert missing == [], f"add these rule ids with a one-line meaning to extractor/data/rule_catalogue.jsonl: {missing}"


def test_every_catalogued_rule_is_still_emitted():
    stale = sorted(set(rule_catalogue()) - _code_ids())
    assert stale == [], f"no code emits these any more; remove them from extractor/data/rule_catalogue.jsonl: {stale}"


def test_rules_on_the_example_corpus_are_all_explained(extractor):
    seen = set()
    for article in read_articles():
        for record in extractor.extract(article):
            for rule in record.rules:
                seen.update(part for part, meaning in explain(rule) if meaning is None)
    assert seen == set()


@pytest.mark.parametrize(("text", "named"), [
    ('{"id": "status.x"}', "meaning"),
    ('{"id": "Status", "meaning": "m"}', "id"),
    ('{"id": "status.x", "meaning": "m"}\n{"id": "status.x", "meaning": "n"}', "twice"),
])
def test_bad_catalogue_line_is_a_coded_error(text, named):
    with pytest.raises(ValueError, match=r"\[E101\]") as info:
        read_catalogue("// header\n" + text, origin="rule_catalogue.jsonl")
    assert named in str(info.value) and "rule_catalogue.jsonl line" in str(info.value)
