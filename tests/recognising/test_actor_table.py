"""Actor recogniser on invented sentences: generated states, demonyms and capitals, curated groups,
institutions and officials, and the ambiguity guards."""

from __future__ import annotations

import pytest


def actors(extractor, text: str) -> list[tuple[str, str, str]]:
    doc = extractor.nlp(extractor.nlp.make_doc(text))
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans["actors"]]


ACTORS = [
    # generated from the source libraries
    ("Thailand thanked Qatar.", [("Thailand", "STATE", "THA"), ("Qatar", "STATE", "QAT")]),
    ("Six Thai farm workers were freed.", [("Thai", "DEMONYM", "THA")]),
    ("Two Nepalis and three Filipinos came home.", [("Nepalis", "DEMONYM", "NPL"), ("Filipinos", "DEMONYM", "PHL")]),
    ("officials in Bangkok said", [("Bangkok", "CAPITAL", "THA")]),
    ("Kathmandu confirmed the names.", [("Kathmandu", "CAPITAL", "NPL")]),
    ("the Republic of Armenia and Azerbaijan", [("Republic of Armenia", "STATE", "ARM"), ("Azerbaijan", "STATE", "AZE")]),
    ("Sri Lankan nationals were among them", [("Sri Lankan", "DEMONYM", "LKA")]),
    ("a Tanzanian student", [("Tanzanian", "DEMONYM", "TZA")]),
    ("Burkina Faso and Mali", [("Burkina Faso", "STATE", "BFA"), ("Mali", "STATE", "MLI")]),
    ("Colombian soldiers held in Venezuela", [("Colombian", "DEMONYM", "COL"), ("Venezuela", "STATE", "VEN")]),
    ("Syrian Arab Republic", [("Syrian Arab Republic", "STATE", "SYR")]),
    ("the Kyrgyz border guards", [("Kyrgyz", "DEMONYM", "KGZ")]),
    # curated overrides
    ("Congolese soldiers held by the rebels", [("Congolese", "DEMONYM", "COD")]),
    ("the Democratic Republic of the Congo", [("Democratic Republic of the Congo", "STATE", "COD")]),
    ("Ivory Coast and Ghana", [("Ivory Coast", "STATE", "CIV"), ("Ghana", "STATE", "GHA")]),
    ("Kosovo freed two Serbs", [("Kosovo", "STATE", "XKX"), ("Serbs", "DEMONYM", "SRB")]),
    ("Kyiv and Moscow", [("Kyiv", "CAPITAL", "UKR"), ("Moscow", "CAPITAL", "RUS")]),
    ("Two Spaniards and a Dane", [("Spaniards", "DEMONYM", "ESP"), ("Dane", "DEMONYM", "DNK")]),
    # ambiguity guards
    ("a rally in Atlanta, Georgia", []),
    ("Georgia and Armenia", [("Georgia", "STATE", "GEO"), ("Armenia", "STATE", "ARM")]),
    ("the governor of New Jersey", []),
    ("Michael Jordan played", []),
    ("Jordan mediated", [("Jordan", "STATE", "JOR")]),
    ("a turkey for dinner and fine china", []),
    ("Turkey hosted the talks", [("Turkey", "STATE", "TUR")]),
    ("the Washington Post reported", []),
    ("Washington freed him", [("Washington", "CAPITAL", "USA")]),
    ("they polish the boots", []),
    ("Polish citizens", [("Polish", "DEMONYM", "POL")]),
    ("the Niger Delta militants", []),
    # non-state actors (hand list)
    ("Hezbollah and the Taliban", [("Hezbollah", "GROUP", "HEZBOLLAH"), ("Taliban", "GROUP", "TALIBAN")]),
    ("the Rapid Support Forces", [("Rapid Support Forces", "GROUP", "RSF")]),
    ("the ICRC facilitated", [("ICRC", "ORG", "ICRC")]),
]


@pytest.mark.parametrize(("text", "expected"), ACTORS, ids=[t for t, _ in ACTORS])
def test_actor_table(extractor, text, expected):
    assert actors(extractor, text) == expected
