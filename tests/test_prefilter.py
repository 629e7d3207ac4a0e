"""The keyword prefilter: what it keeps, what it skips, and that it loses no record of our corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.pipeline import Extractor
from extractor.reading import ArticleItem, ReadOptions, read_jsonl
from extractor.running import RunOptions, extract_archive
from extractor.recognising.gazetteer import GazetteerEntry
from extractor.running.prefilter import Prefilter, package_vocabulary, pipeline_vocabulary, vocabulary_of

from conftest import ARTICLES, ROOT

SAMPLE = ROOT / "corpus" / "sample" / "articles.jsonl"

KEEP = [
    "Russia and Ukraine swapped 84 POWs on Thursday.",
    "Hamas freed three hostages in exchange for 90 Palestinian prisoners.",
    "Kyiv said 909 bodies of fallen soldiers were returned to Ukraine.",
    "The remains of 6,000 servicemen will be repatriated under the Istanbul deal.",
    "Two detainees were released by the United States after talks in Abu Dhabi.",
    "Thirty civilians who had been held in Russia came home on Friday.",
    "The UAE mediated the return of 150 Ukrainian defenders from captivity.",
    "An all-for-all exchange was agreed in principle.",
    "Both sides handed over the dead under ICRC supervision.",
    "Journalists jailed in Belarus were freed and flown to Vilnius.",
    "TROOPS RETURNED HOME AFTER THE HANDOVER",
    # freed people named only by a counted plural demonym (rule gate.prefilter_lexicon)
    "Under a deal brokered by Oman, Tehran is to free four Britons held on spying charges.",
    "Caracas released 11 Colombians on Sunday and Bogota returned three Venezuelans.",
    "Moscow handed back twenty-two Georgians, the ombudsman said.",
    "Some 1,250 Eritreans were brought home overnight.",
]
SKIP = [
    "A novel about a lighthouse keeper won the national book prize on Tuesday.",
    "The central bank left its main rate unchanged; the exchange rate barely moved.",
    "Shares rose on the stock exchange after the company returned to profit.",
    "Rain is expected across the north, with sunny spells returning by the weekend.",
    "The team released its new kit ahead of the season opener.",
    # a demonym without a figure is everyday news, not a counted group of freed people
    "The Americans returned to the negotiating table on Monday after a week of silence.",
    "Many Brazilians received the news of the election result with relief.",
    "Returning Canadians face long queues at the border this summer.",
    "",
]


@pytest.mark.parametrize("text", KEEP)
def test_keeps_exchange_talk(text: str) -> None:
    assert Prefilter().check(text).keep


@pytest.mark.parametrize("text", SKIP)
def test_skips_articles_without_exchange_talk_and_says_why(text: str) -> None:
    verdict = Prefilter().check(text)
    assert not verdict.keep
    assert verdict.reason.startswith("prefilter: ")


def _articles(path: Path) -> list:
    return [item.article for item in read_jsonl(path, options=ReadOptions()) if isinstance(item, ArticleItem)]


def test_no_gold_record_of_the_examples_is_behind_a_skipped_article() -> None:
    gold = {}
    for line in (ARTICLES.parent / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["doc_id"]] = row.get("records") or []
    prefilter = Prefilter()
    skipped = {a.id for a in _articles(ARTICLES) if not prefilter.check(a.full_text).keep}
    assert not {doc for doc in skipped if gold.get(doc)}


def test_no_article_with_records_is_skipped(extractor: Extractor) -> None:
    """On the examples and the sample archive: whatever the pipeline finds, the prefilter lets through;
    and on the sample archive (mostly unrelated news) it does skip most articles."""
    prefilter = Prefilter()
    skipped_sample = 0
    for path in (ARTICLES, SAMPLE):
        for article in _articles(path):
            keep = prefilter.check(article.full_text).keep
            if not keep:
                assert extractor.extract(article) == [], article.id
                skipped_sample += path == SAMPLE
    assert skipped_sample >= len(_articles(SAMPLE)) // 2


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_writes_a_skipped_status_line_per_prefiltered_article(tmp_path: Path, extractor: Extractor) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": "w", "text": SKIP[0]}, {"id": "s", "text": KEEP[0]}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    on = extract_archive([src], extractor=extractor, output=tmp_path / "on.jsonl")
    status = {l["doc_id"]: l for l in _lines(tmp_path / "on.jsonl") if l["type"] == "article"}
    assert status["w"]["status"] == "skipped" and status["w"]["note"].startswith("prefilter: ")
    assert status["s"]["status"] in ("ok", "no_events")
    assert on.items == 2 and on.statuses["skipped"] == 1

    extract_archive([src], extractor=extractor, output=tmp_path / "off.jsonl",
                    options=RunOptions(prefilter=False))
    status = {l["doc_id"]: l for l in _lines(tmp_path / "off.jsonl") if l["type"] == "article"}
    assert status["w"]["status"] == "no_events" and status["w"]["note"] is None


def test_an_extractor_without_a_spacy_pipeline_sees_every_article(tmp_path: Path) -> None:
    class Plain:
        tool_version, data_version = "0.1.0", "test"

        def extract(self, article):
            return []

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "w", "text": SKIP[0]}) + "\n", encoding="utf-8")
    extract_archive([src], extractor=Plain(), output=tmp_path / "out.jsonl")
    assert _lines(tmp_path / "out.jsonl")[0]["status"] == "no_events"


def test_the_prefilter_reads_the_pipelines_own_lexicon() -> None:
    """A word given a prefilter part in the gazetteer is a prefilter word: added once, in the data."""
    extra = [GazetteerEntry(label="GIVE", id="release", patterns=("clemency granted to",)),
             GazetteerEntry(label="CATEGORY", id="generic", patterns=("stateless sailors",), prefilter="strong"),
             GazetteerEntry(label="DEMONYM", id="XKX", patterns=("Kosovar", "Kosovars"))]
    base = package_vocabulary()
    vocabulary = vocabulary_of([*extra], numbers=["seven"])
    assert b"kosovars" in vocabulary.counted and b"kosovar" not in vocabulary.counted  # plurals only
    assert vocabulary.handover_pairs == {b"granted": frozenset({b"to"})}  # its last two words
    assert vocabulary.terms == ("stateless sailors",)
    text = "Clemency granted to seven Kosovars ends a long wait."
    assert Prefilter(vocabulary=vocabulary).check(text).keep
    assert not Prefilter(vocabulary=base).check(text).keep
    assert Prefilter(vocabulary=vocabulary).check("A story of stateless sailors.").keep


def test_the_default_prefilter_is_the_packaged_pipelines(extractor: Extractor) -> None:
    assert pipeline_vocabulary(extractor.nlp) == package_vocabulary()


@pytest.mark.parametrize("role,words", [
    ("strong", ["prisoners", "hostages", "pows", "swap", "captivity", "repatriated"]),
    ("handover", ["released", "freed", "free", "returned", "exchanged", "handed"]),
    ("who", ["soldiers", "bodies", "civilians", "nationals", "citizens", "journalists"]),
    ("counted", ["americans", "iranians", "eritreans", "fishermen"]),
])
def test_the_packaged_lexicon_gives_each_part_its_words(role: str, words: list[str]) -> None:
    found = getattr(package_vocabulary(), role)
    assert {w.encode() for w in words} <= found


# invented texts with letters outside ASCII, among them the two whose lower case holds an ASCII letter
# ('İ' -> 'i̇', the kelvin sign -> 'k'), with which the text is read through `str.lower()` as before
BYTEWISE_TEXTS = [
    "ÉCHANGE: Russia and Ukraine SWAPPED 84 POWs “on Thursday”.",
    "İstanbul talks: 12 PRİSONERS were freed — and 3 hostages returned.",
    "The \u212aurdish side freed 40 soldiers; Ærø and Ωmega were named.",
    "Straße ß ǅ ﬁ: the ARMY handed over 9 bodies\u00a0to the Red Cross.",
    "",
]


def random_texts(count: int) -> list[str]:
    """Random texts of ASCII letters, figures, marks and letters outside ASCII (seeded)."""
    import random

    rng = random.Random(12)
    letters = "abcXYZ swapPRISONERS freed 12 İı\u212aſßǅﬁÉé—’\u00a0\n."
    return ["".join(rng.choice(letters) for _ in range(rng.randint(0, 120))) for _ in range(count)]


@pytest.mark.parametrize("text", BYTEWISE_TEXTS + random_texts(300))
def test_words_read_bytewise_are_those_of_the_lower_cased_text(text: str) -> None:
    from extractor.running.prefilter import LETTERS_AND_DIGITS, _LOWERED_LETTERS_AND_DIGITS, lowers_bytewise

    if lowers_bytewise(text):
        assert text.encode("utf-8", "surrogatepass").translate(_LOWERED_LETTERS_AND_DIGITS).split() == \
            text.lower().encode("utf-8", "surrogatepass").translate(LETTERS_AND_DIGITS).split()
    else:
        assert "\u0130" in text or "\u212a" in text


@pytest.mark.parametrize("text", BYTEWISE_TEXTS + random_texts(300))
def test_the_verdict_is_that_of_the_lower_cased_text(text: str) -> None:
    """`check` reads a text without İ or the kelvin sign from its bytes; the verdict is the one read from
    `text.lower()` (a vocabulary whose terms are not all ASCII reads every text that way)."""
    import dataclasses

    fast = Prefilter()
    slow = Prefilter(vocabulary=dataclasses.replace(fast.vocabulary, terms=fast.vocabulary.terms + ("é",)))
    assert slow.vocabulary.ascii_terms is None and fast.vocabulary.ascii_terms is not None
    if "é" not in text.lower():
        assert fast.check(text) == slow.check(text)
