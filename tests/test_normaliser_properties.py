"""Property tests of the whole pipeline: any text in, valid records out, evidence that points into the text.

Two input strategies: arbitrary unicode text, and text assembled from the pieces the rules look for
(numbers, category words, actor names, dates, "exchange", "each", ...), which reaches much deeper
into the normaliser. The number of examples is EXTRACTOR_FUZZ_EXAMPLES (default 150); for a long
local fuzz run, e.g.:

    EXTRACTOR_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_normaliser_properties.py \\
        --hypothesis-show-statistics -p no:cacheprovider
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from extractor.contract import Article, PartialDate, Record

MAX_EXAMPLES = int(os.environ.get("EXTRACTOR_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    print_blob=True)
RECORD = TypeAdapter(Record)

NUMBERS = ["84", "1,000", "1.000", "4,800", "0", "1", "2", "three", "twelve", "a dozen", "dozens of", "hundreds of",
           "over 4,800", "more than 5,100", "at least 19", "up to 6,000", "about 300", "nearly 50", "fewer than 10",
           "between 80 and 90", "80 to 90", "80-90", "1,000-for-1,000", "84-for-84", "84 for 84", "-5", "10^9",
           "99999999999999999999", "1,00,000", "3.5", "½", "٣", "１２", "1st", "25th", "No. 7", "2022", "6000"]
CATEGORIES = ["prisoners of war", "POWs", "PoW", "prisoners", "bodies", "remains", "hostages", "civilians",
              "children", "political prisoners", "soldiers", "servicemen", "detainees", "people", "the dead",
              "wounded", "defenders", "captives"]
ACTORS = ["Russia", "Ukraine", "Kyiv", "Kiev", "Moscow", "the Kremlin", "Hamas", "Israel", "Gaza", "the Houthis",
          "Saudi Arabia", "the US", "U.S.", "us", "the ICRC", "the Red Cross", "Ukrainian", "Russian", "Palestinian",
          "Israeli", "the United Arab Emirates", "the UAE", "Turkey", "Qatar", "Belarus", "Iran", "Venezuela",
          "Vladimir Medinsky", "Zelensky", "Ukraine's Coordination Headquarters", "Russia and Belarus",
          "both sides", "the two sides", "each side"]
DATES = ["on Friday", "on Thursday", "today", "yesterday", "last week", "last month", "June 9", "9 June 2025",
         "June 9, 2025", "2025-06-09", "2025-02-30", "February 30", "early June", "mid-2024", "late 2025",
         "in January", "since February 2022", "by June 15", "on June 31", "in 2024", "this spring",
         "between June 1 and June 3", "day three", "on 29 February 2023", "0001-01-01", "9999-12-31"]
VERBS = ["exchanged", "swapped", "returned", "released", "freed", "handed over", "repatriated", "received",
         "will exchange", "is expected to swap", "agreed to return", "agreed to exchange", "was postponed",
         "brought home", "traded", "have been returned", "pardoned"]
LINKS = ["exchange", "exchanges", "swap", "prisoner exchange", "each", "apiece", "in exchange for", "in return",
         "for", "and", "to", "from", "of", "with", "in Istanbul", "at the Belarus-Ukraine border", "said",
         "mediated by", "brokered by", "a total of", "in total", "since the start", "the stock exchange",
         "an exchange of fire", "plus", "including", "of them", "the", "a", "not", "no"]
PUNCT = [".", ",", ";", ":", "\n", "\n\n", "(", ")", '"', "'", "-", "—", "–", "?", "!", "…", "\u2028", "\u00a0",
         "\t", "\x85", "\ufeff", "\u200b"]
PIECES = NUMBERS + CATEGORIES + ACTORS + DATES + VERBS + LINKS + PUNCT
SEPARATORS = [" ", " ", " ", "", ", ", ". ", "\n\n", "-", " \u00a0"]

published_dates = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)).map(
        lambda d: PartialDate(year=d.year, month=d.month, day=d.day)),
    st.builds(PartialDate, year=st.integers(1, 9999), month=st.none() | st.integers(1, 12)),
    st.dates().map(lambda d: PartialDate(year=d.year, month=d.month, day=d.day)),
)


@st.composite
def word_soup(draw) -> str:
    words = draw(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=60))
    out = []
    for word in words:
        out.append(word)
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


SENTENCE_SLOTS = (ACTORS, ACTORS[:8] + ["and"], VERBS, NUMBERS, CATEGORIES, LINKS, ACTORS, NUMBERS, CATEGORIES,
                  DATES, LINKS)


@st.composite
def sentence(draw) -> str:
    """Pieces in the order of a news sentence ('Russia and Ukraine exchanged 84 POWs each on Friday'),
    each slot kept or dropped, so that most sentences reach the record builder."""
    words = [draw(st.sampled_from(slot)) for slot in SENTENCE_SLOTS if draw(st.integers(0, 3))]
    return " ".join(words) + draw(st.sampled_from([".", ".", "", "!", ";", "\n"]))


def assembled_text() -> st.SearchStrategy[str]:
    sentences = st.lists(sentence(), min_size=1, max_size=6).map(lambda xs: " ".join(xs))
    return st.one_of(word_soup(), sentences, st.lists(st.one_of(word_soup(), sentences), max_size=4).map("\n\n".join))


@st.composite
def articles(draw, body) -> Article:
    text = draw(body)
    title = draw(st.none() | body)
    return Article(id=draw(st.sampled_from(["a", "doc-1", "ü/ß 1"])), text=text, title=title,
                   published=draw(published_dates))


def check_records(extractor, article: Article) -> list:
    records = extractor.extract(article)
    text = article.full_text
    claim_ids = [r.claim_id for r in records]
    assert len(set(claim_ids)) == len(claim_ids), claim_ids
    for record in records:
        assert record.doc_id == article.id
        dumped = record.model_dump_json(by_alias=True)
        assert RECORD.validate_json(dumped) == record
        for ev in record.evidence:
            assert 0 <= ev.start <= ev.end <= len(text), (ev, len(text))
            assert text[ev.start:ev.end] == ev.text, (ev, text[ev.start:ev.end])
        for start, end in record.sentences:
            assert 0 <= start <= end <= len(text), ((start, end), len(text))
    event("kinds: " + (",".join(sorted({r.type for r in records})) or "none"))
    return records


@SETTINGS
@given(article=articles(st.text(max_size=300)))
@example(article=Article(id="a", text=""))
@example(article=Article(id="a", text="\x00\x85\u2028\ufeff"))
@example(article=Article(id="a", text="Russia and Ukraine exchanged 84 prisoners of war each on Friday."))
def test_arbitrary_text_gives_valid_records(extractor, article):
    check_records(extractor, article)


@SETTINGS
@given(article=articles(assembled_text()))
@example(article=Article(id="a", text="Russia returned 1,000 bodies to Ukraine on 2025-02-30 and received 99999999999999999999 each."))
@example(article=Article(id="a", text="Hamas freed 3 hostages in exchange for 90 Palestinian prisoners",
                         published=PartialDate(year=9999, month=12, day=31)))
@example(article=Article(id="a", text="over 4,800 bodies each since the start", published=PartialDate(year=1)))
@example(article=Article(id="a", text="Armenia and Azerbaijan swapped 5 soldiers each today.",
                         title="on 29 February 2023"))  # a dateline that is no day
def test_assembled_text_gives_valid_records(extractor, article):
    check_records(extractor, article)


@settings(max_examples=max(10, MAX_EXAMPLES // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles(assembled_text()))
def test_assembled_text_is_deterministic(extractor, article):
    first = [r.model_dump(mode="json", by_alias=True) for r in check_records(extractor, article)]
    assert [r.model_dump(mode="json", by_alias=True) for r in extractor.extract(article)] == first
