"""Cue recogniser on invented sentences: handover verbs (L3), category nouns (L4), swap pivots."""

from __future__ import annotations

import pytest


def cues(extractor, text: str) -> list[tuple[str, str, str]]:
    doc = extractor.nlp(extractor.nlp.make_doc(text))
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans["cues"]]


PRESENT = [
    ("Forty Chilean sailors were handed over at the bridge.", ("handed over", "GIVE", "handover")),
    ("The rebels set free nine engineers.", ("set free", "GIVE", "release")),
    ("Two pilots were swapped at the airport.", ("swapped", "EXCHANGE", "exchange")),
    ("The reporter was traded for a convicted smuggler.", ("traded for", "FOR", "exchange_for")),
    ("She was freed in exchange for two fishermen.", ("in exchange for", "FOR", "exchange_for")),
    ("He was released in a swap for three students.", ("in a swap for", "FOR", "exchange_for")),
    ("The courier was freed in a trade for a Peruvian hacker.", ("in a trade for", "FOR", "exchange_for")),
    ("Fifteen Peruvian soldiers came home on Sunday.", ("came home", "HOME", "home")),
    ("The crew reunited with their families.", ("reunited with", "HOME", "home")),
    ("The families were finally reunited in Lima.", ("reunited", "HOME", "home")),
    ("Thirty detainees were repatriated by air.", ("repatriated", "RECEIVE", "bring_home")),
    ("The ministry said it got out 12 of its servicemen.", ("got out", "RECEIVE", "receive")),
    ("The two journalists walked free on Monday.", ("walked free", "GIVE", "release")),
    ("22 conscripts were exchanged.", ("conscripts", "CATEGORY", "pows")),
    ("the reservists captured in the north", ("reservists", "CATEGORY", "pows")),
    ("eleven servicewomen", ("servicewomen", "CATEGORY", "pows")),
    ("the defenders of the fortress", ("defenders", "CATEGORY", "pows")),
    ("the bodies of the dead were returned", ("bodies", "CATEGORY", "bodies")),
    ("the remains of the fallen", ("remains", "CATEGORY", "bodies")),
    ("four civilians and six children", ("children", "CATEGORY", "civilians")),
    ("detainees held in the camp", ("detainees", "CATEGORY", "generic")),
    ("captives taken by the militia", ("captives", "CATEGORY", "hostages")),
]


@pytest.mark.parametrize(("text", "span"), PRESENT, ids=[f"{t}|{s[0]}" for t, s in PRESENT])
def test_cue_table(extractor, text, span):
    assert span in cues(extractor, text)


GAPS = [
    ("The 14 freed sailors are now safe in Montevideo.", ("are now safe", "HOME", "home"),
     "'are (now) safe' is a coming-home phrase, but the lead date of such reports is read wrongly today; "
     "left out until the date stage dates the occasion (error analysis L3, Y1)"),
    ("A plane carrying the freed officers landed in Quito.", ("landed in", "HOME", "home"),
     "movement verbs (landed in, arrived in, left X bound for Y) would make records of troop movements "
     "in non-exchange news; they need an origin and destination reading first (error analysis L3)"),
    ("The remains will be rendered later on Monday.", ("rendered", "GIVE", "handover"),
     "'rendered' has too many other senses (rendered useless) for a plain cue"),
]


@pytest.mark.parametrize(("text", "span", "reason"), GAPS, ids=[t for t, _, _ in GAPS])
def test_cue_gaps(extractor, text, span, reason):
    if span not in cues(extractor, text):
        pytest.xfail(reason)
    assert span in cues(extractor, text)


# trades whose plural stays out of the counted nouns: exchanges of students, artists, scholars and players are
# everyday news with no captives in them ("an exchange of 60 musicians"), and a few persons are named only alone
NO_COUNTED_PLURAL = frozenset({
    "ally", "businessperson", "citizen", "student", "tourist", "teacher", "schoolteacher", "professor", "lecturer",
    "academic", "researcher", "scientist", "scholar", "historian", "economist", "geologist", "archaeologist",
    "anthropologist", "musician", "rapper", "writer", "filmmaker", "artist", "poet", "novelist", "athlete",
    "cyclist", "basketball star", "basketball player", "hockey player", "ice hockey player", "football player",
    "footballer", "soccer player", "tennis player", "chess player", "volleyball player", "wrestler", "boxer",
    "swimmer", "sportsman", "sportswoman", "entrepreneur", "investor", "financier", "tycoon", "businesswoman",
    "former marine", "former Marine", "Green Beret", "oligarch", "assassin", "smuggler", "arms dealer", "arms broker"})


def _plural(noun: str) -> str:
    head, _, last = noun.rpartition(" ")
    if last.endswith("woman") or last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "x")) or (last.endswith("ch") and not last.endswith("arch")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def test_person_nouns_count_in_the_plural() -> None:
    """Every PERSON noun ('nurse', 'engineer') has its plural among the counted CATEGORY nouns ('two German
    nurses'): a soldier's plural is pows, a mayor's civilians, most others' generic (the dyad decides)."""
    import json
    from pathlib import Path

    rows = [json.loads(line) for line in (Path(__file__).resolve().parents[2] / "extractor" / "data" / "cues.jsonl")
            .read_text(encoding="utf-8").splitlines() if line.startswith("{")]
    counted: dict[str, set[str]] = {}
    for row in rows:
        if row["label"] == "CATEGORY":
            counted.setdefault(row["id"], set()).update(p.lower() for p in row["patterns"])
    every = set().union(*counted.values()) - counted.get("foreigners", set())
    # (ranks written as titles, id "rank", name a person only before a name: 'Private Ahmed Khan', no plural)
    missing = [(row["id"], noun) for row in rows if row["label"] == "PERSON" and row["id"] != "rank"
               for noun in row["patterns"] if noun not in NO_COUNTED_PLURAL and _plural(noun).lower() not in every]
    assert missing == []
