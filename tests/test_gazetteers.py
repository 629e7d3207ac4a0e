"""Gazetteer recognisers: actors, cues and places on the packaged rule data; entry validation and
serialisation round trips on small spacy.blank pipelines."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

from extractor.recognising.gazetteer import GazetteerEntry, GazetteerRecogniser, package_entries, read_entries


def spans(extractor, text: str, key: str) -> list[tuple[str, str, str]]:
    doc = extractor.nlp(extractor.nlp.make_doc(text))
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[key]]


# --- actors: the whole list of actor spans -----------------------------------------------------

ACTORS = [
    ("Kyiv confirmed it.", [("Kyiv", "CAPITAL", "UKR")]),
    ("Kiev confirmed it.", [("Kiev", "CAPITAL", "UKR")]),
    ("Officials in Moscow said", [("Moscow", "CAPITAL", "RUS")]),
    ("the Kremlin said", [("the Kremlin", "SEAT", "RUS")]),
    ("The Kremlin's Dmitry Peskov", [("The Kremlin", "SEAT", "RUS"), ("Dmitry Peskov", "OFFICIAL", "RUS")]),
    ("Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said",
     [("Ukraine's", "DEMONYM", "UKR"),
      ("Coordination Headquarters for the Treatment of Prisoners of War", "INSTITUTION", "UKR")]),
    ("Vladimir Medinsky led the delegation", [("Vladimir Medinsky", "OFFICIAL", "RUS")]),
    ("Ukrainian soldiers came home", [("Ukrainian", "DEMONYM", "UKR")]),
    ("Russian servicemen were returned", [("Russian", "DEMONYM", "RUS")]),
    ("Russia and Ukraine", [("Russia", "STATE", "RUS"), ("Ukraine", "STATE", "UKR")]),
    ("the United Arab Emirates mediated", [("United Arab Emirates", "STATE", "ARE")]),
    ("Hamas released them", [("Hamas", "GROUP", "HAMAS")]),
    ("the Houthis freed them", [("Houthis", "GROUP", "HOUTHIS")]),
    ("the ICRC and the Red Cross", [("ICRC", "ORG", "ICRC"), ("Red Cross", "ORG", "ICRC")]),
    ("the International Committee of the Red Cross",
     [("International Committee of the Red Cross", "ORG", "ICRC")]),
    ("Israel freed Palestinian prisoners", [("Israel", "STATE", "ISR"), ("Palestinian", "DEMONYM", "PSE")]),
    ("the US and the U.S. agreed", [("US", "STATE", "USA"), ("U.S.", "STATE", "USA")]),
    ("a US-brokered deal", [("US", "STATE", "USA")]),
    ("Tell us more about it", []),
    ("They told us and US officials", [("US", "STATE", "USA")]),
    ("us and Us", []),
    ("the weather was mild", []),
]


@pytest.mark.parametrize(("text", "expected"), ACTORS, ids=[t for t, _ in ACTORS])
def test_actor_recogniser(extractor, text, expected):
    assert spans(extractor, text, "actors") == expected


# --- cues: spans that must be there, and spans that must not -------------------------------------

CUES_PRESENT = [
    ("84 prisoners of war were freed", ("prisoners of war", "CATEGORY", "pows")),
    ("84 POWs were swapped", ("POWs", "CATEGORY", "pows")),
    ("Ukrainian soldiers came home", ("soldiers", "CATEGORY", "pows")),
    ("1,000 bodies were returned", ("bodies", "CATEGORY", "bodies")),
    ("the remains of the fallen", ("remains", "CATEGORY", "bodies")),
    ("three hostages were released", ("hostages", "CATEGORY", "hostages")),
    ("40 civilians went home", ("civilians", "CATEGORY", "civilians")),
    ("two political prisoners", ("political prisoners", "CATEGORY", "prisoners")),
    ("84 POWs were swapped", ("swapped", "EXCHANGE", "exchange")),
    ("the prisoner exchange took place", ("prisoner exchange", "EXCHANGE", "exchange")),
    ("the sides exchanged prisoners", ("exchanged", "EXCHANGE", "exchange")),
    ("a swap was agreed", ("swap", "EXCHANGE", "exchange")),
    ("released in exchange for 90 prisoners", ("in exchange for", "FOR", "exchange_for")),
    ("84 prisoners each", ("each", "EACH", "each")),
    ("shares fell on the stock exchange", ("stock exchange", "NOT_EXCHANGE", "other_sense")),
    ("an exchange of fire near the border", ("exchange of fire", "NOT_EXCHANGE", "other_sense")),
    ("troops exchanged fire overnight", ("exchanged fire", "NOT_EXCHANGE", "other_sense")),
    ("the exchange rate fell", ("exchange rate", "NOT_EXCHANGE", "other_sense")),
]


@pytest.mark.parametrize(("text", "span"), CUES_PRESENT, ids=[f"{t}|{s[0]}" for t, s in CUES_PRESENT])
def test_cue_recogniser_marks(extractor, text, span):
    assert span in spans(extractor, text, "cues")


CUES_ABSENT = [
    ("shares fell on the stock exchange", "EXCHANGE"),
    ("an exchange of fire near the border", "EXCHANGE"),
    ("troops exchanged fire overnight", "EXCHANGE"),
    ("the exchange rate fell", "EXCHANGE"),
    ("the weather was mild", None),
]


@pytest.mark.parametrize(("text", "label"), CUES_ABSENT, ids=[t for t, _ in CUES_ABSENT])
def test_cue_recogniser_negative_senses(extractor, text, label):
    found = spans(extractor, text, "cues")
    if label is None:
        assert found == []
    else:
        assert label not in {lab for _, lab, _ in found}


PLACES = [
    ("talks in Istanbul", [("Istanbul", "PLACE", "TUR")]),
    ("the handover in Dubai", [("Dubai", "PLACE", "ARE")]),
    ("at the Belarus-Ukraine border", [("Belarus-Ukraine border", "BORDER", "UKR")]),
    ("near Gomel", [("Gomel", "PLACE", "BLR")]),
    ("the weather was mild", []),
]


@pytest.mark.parametrize(("text", "expected"), PLACES, ids=[t for t, _ in PLACES])
def test_place_recogniser(extractor, text, expected):
    assert spans(extractor, text, "places") == expected


# --- the recogniser itself on a blank pipeline ---------------------------------------------------

ENTRIES = [
    GazetteerEntry(label="STATE", id="RUS", patterns=("Russia", "Russian Federation")),
    GazetteerEntry(label="STATE", id="USA", patterns=("US", "United States")),
    GazetteerEntry(label="SEAT", id="RUS", patterns=("Kremlin", "the Kremlin")),
    GazetteerEntry(label="ORG", id="ICRC", patterns=("ICRC",), case="lower"),
    GazetteerEntry(label="GROUP", id="HAMAS", patterns=("Hamas",), case="exact"),
]


@pytest.fixture()
def blank():
    return spacy.blank("en")


def make(nlp, entries=ENTRIES, key="test") -> GazetteerRecogniser:
    return GazetteerRecogniser(nlp, "test_gazetteer", spans_key=key, entries=entries)


CASES = [
    ("Russia said", [("Russia", "STATE", "RUS")]),
    ("the russian federation said", [("russian federation", "STATE", "RUS")]),  # mixed-case pattern: any case
    ("US officials told us", [("US", "STATE", "USA")]),  # all-capitals pattern: exact
    ("the Kremlin and the United States", [("the Kremlin", "SEAT", "RUS"), ("United States", "STATE", "USA")]),
    ("icrc staff", [("icrc", "ORG", "ICRC")]),  # case "lower" overrides the capitals rule
    ("HAMAS and hamas and Hamas", [("Hamas", "GROUP", "HAMAS")]),  # case "exact"
    ("nothing here", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t for t, _ in CASES])
def test_recogniser_case_rules_and_longest_match(blank, text, expected):
    doc = make(blank)(blank(text))
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["test"]] == expected


BAD_LINES = [
    ('{"label": "STATE", "id": "RUS", "patterns": ["Russia"]', "not JSON"),
    ('{"label": "state", "id": "RUS", "patterns": ["Russia"]}', "lower-case label"),
    ('{"label": "STATE", "id": "", "patterns": ["Russia"]}', "empty id"),
    ('{"label": "STATE", "id": "RUS", "patterns": []}', "no patterns"),
    ('{"label": "STATE", "id": "RUS", "patterns": ["Russia"], "colour": "red"}', "unknown key"),
    ('{"label": "STATE", "id": "RUS", "patterns": ["Russia"], "case": "upper"}', "bad case"),
    ('["STATE", "RUS", "Russia"]', "not an object"),
]


@pytest.mark.parametrize(("bad", "why"), BAD_LINES, ids=[w for _, w in BAD_LINES])
def test_bad_line_raises_e101_with_file_and_line(bad, why):
    lines = ["// header comment", '{"label": "STATE", "id": "UKR", "patterns": ["Ukraine"]}', "", bad]
    with pytest.raises(ValueError) as info:
        read_entries(lines, origin="data/actors.jsonl")
    message = str(info.value)
    assert message.startswith("[E101]")
    assert "data/actors.jsonl" in message
    assert "line 4" in message


def test_bad_line_in_a_pipeline_folder_names_the_file(blank, tmp_path):
    make(blank).to_disk(tmp_path / "gaz")
    entries = tmp_path / "gaz" / "entries.jsonl"
    lines = entries.read_text(encoding="utf-8").splitlines()
    lines.insert(2, '{"label": "STATE", "patterns": ["Nowhere"]}')
    entries.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"\[E101\]") as info:
        make(spacy.blank("en"), entries=()).from_disk(tmp_path / "gaz")
    assert str(entries) in str(info.value)
    assert "line 3" in str(info.value)


@pytest.mark.parametrize("name", ["actors.jsonl", "cues.jsonl", "places.jsonl"])
def test_packaged_data_validates(name):
    entries = package_entries(name)
    assert entries
    assert all(isinstance(e, GazetteerEntry) for e in entries)


def _behaviour(nlp, recogniser, texts):
    found = []
    for text in texts:
        doc = recogniser(nlp(text))
        found.append([(s.text, s.label_, s.kb_id_) for s in doc.spans[recogniser.spans_key]])
    return found


ROUND_TRIP_TEXTS = [t for t, _ in CASES]


def test_to_disk_from_disk_round_trip(blank, tmp_path):
    original = make(blank, key="custom_key")
    original.to_disk(tmp_path / "gaz")
    lines = (tmp_path / "gaz" / "entries.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines][3] == {"label": "ORG", "id": "ICRC", "patterns": ["ICRC"],
                                                       "case": "lower"}
    other = spacy.blank("en")
    restored = make(other, entries=(), key="other").from_disk(tmp_path / "gaz")
    assert restored.entries == original.entries
    assert restored.spans_key == "custom_key"
    assert restored.labels == original.labels
    assert _behaviour(other, restored, ROUND_TRIP_TEXTS) == _behaviour(blank, original, ROUND_TRIP_TEXTS)


def test_to_bytes_from_bytes_round_trip(blank):
    original = make(blank, key="custom_key")
    other = spacy.blank("en")
    restored = make(other, entries=ENTRIES[:1], key="other").from_bytes(original.to_bytes())
    assert restored.entries == original.entries
    assert restored.spans_key == "custom_key"
    assert restored.to_bytes() == original.to_bytes()
    assert _behaviour(other, restored, ROUND_TRIP_TEXTS) == _behaviour(blank, original, ROUND_TRIP_TEXTS)


@pytest.mark.parametrize("name", ["exchange_actors", "exchange_cues", "exchange_places"])
def test_packaged_components_round_trip(extractor, tmp_path, name):
    component = extractor.nlp.get_pipe(name)
    component.to_disk(tmp_path / name)
    blank = spacy.blank("en")
    restored = make(blank, entries=(), key="x").from_disk(tmp_path / name)
    assert restored.entries == component.entries
    assert restored.spans_key == component.spans_key
    assert make(blank, entries=(), key="y").from_bytes(component.to_bytes()).entries == component.entries


# --- pattern docs: made without the tokenizer where it would not split them ------------------

PATTERN_WORDS = ["Ivory Coast", "cannot", "Cannot", "gonna", "U.A.E.", "Guinea-Bissau", "Côte d'Ivoire",
                 "Hamas", "prisoners of  war", "POWs", "1,000-for-1,000", "St. Petersburg"]


@pytest.mark.parametrize("lower", [False, True], ids=["ORTH", "LOWER"])
def test_pattern_keys_are_those_of_the_tokenizers_doc(extractor, lower):
    """Every packaged pattern, and a few that must go through the tokenizer (special cases,
    punctuation, non-ASCII, double spaces), gives PhraseMatcher the keys of the tokens
    `nlp.make_doc` gives (ORTH for exact patterns, LOWER for the others)."""
    nlp = extractor.nlp
    special = nlp.tokenizer.rules
    recogniser = nlp.get_pipe("exchange_cues")
    attr = LOWER if lower else ORTH
    patterns = [p for name in ("exchange_actors", "exchange_cues", "exchange_places")
                for e in nlp.get_pipe(name).entries for p in e.patterns] + PATTERN_WORDS

    def keys(made) -> list[int]:
        return made.to_array(attr).tolist() if isinstance(made, Doc) else list(made)

    made = {p: keys(recogniser._pattern_keys(p, special, lower=lower)) for p in patterns}
    assert made == {p: nlp.make_doc(p).to_array(attr).tolist() for p in patterns}


# (case, matches as (match_id, start, end)): overlaps _longest_first must settle as filter_spans does
OVERLAPS = [
    ("nested", [(1, 2, 3), (2, 1, 4), (3, 3, 4)]),
    ("same_length_earlier_start_wins", [(1, 3, 5), (2, 2, 4), (3, 4, 6)]),
    ("same_span_first_match_wins", [(7, 1, 3), (5, 1, 3), (9, 0, 1)]),
    ("chain", [(1, 0, 2), (2, 1, 3), (3, 2, 4), (4, 3, 5), (5, 4, 6)]),
    ("disjoint", [(1, 5, 6), (2, 0, 2), (3, 3, 4)]),
    ("longest_in_the_middle", [(1, 0, 2), (2, 1, 5), (3, 4, 6), (4, 5, 7)]),
]


def _random_overlaps(seed: int, n: int = 12, length: int = 15) -> list[tuple[int, int, int]]:
    import random

    rng = random.Random(seed)
    out = []
    for k in range(n):
        start = rng.randrange(length)
        out.append((rng.choice((11, 12, 13)) + k % 2, start, min(length, start + rng.randint(1, 4))))
    return out


OVERLAPS += [(f"random_{seed}", _random_overlaps(seed)) for seed in range(40)]


@pytest.mark.parametrize(("case", "matches"), OVERLAPS, ids=[c for c, _ in OVERLAPS])
def test_longest_first_chooses_as_filter_spans(blank, case, matches):
    """`_longest_first` settles overlapping matches before any Span is made; it must keep the same
    matches, in the same order, as spaCy's `filter_spans` over the Spans of those matches."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from extractor.recognising.gazetteer import _longest_first

    doc = blank.make_doc(" ".join(f"w{i}" for i in range(16)))
    spans = [Span(doc, start, end, label=str(mid)) for mid, start, end in matches]
    expected = [(int(s.label_), s.start, s.end) for s in filter_spans(spans)]
    assert _longest_first(list(matches)) == expected
