"""The review report without a browser: figures in words, spans drawn on exactly the evidence's
characters, the page self-contained and deterministic, and the run's last step writing it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import spacy

from extractor.errors import CodedError
from extractor.reporting import write_report
from extractor.reporting.evidence import Mark, render, sentence_doc
from extractor.reporting.payload import count_range, count_text, date_text, plain_reason

SAMPLE = Path(__file__).resolve().parent.parent / "corpus" / "sample"


@pytest.mark.parametrize("count, text, rng", [
    ({"value": 1500, "min": 1500, "max": 1500, "qualifier": "exact"}, "1,500", (1500, 1500, 1500)),
    ({"value": 90, "min": 85, "max": 95, "qualifier": "about"}, "about 90", (90, 85, 95)),
    ({"value": None, "min": 4801, "max": None, "qualifier": "over"}, "over 4,800", (4801, 4801, 4801)),
    ({"value": None, "min": 80, "max": 90, "qualifier": "range"}, "80-90", (85, 80, 90)),
    ({"value": None, "min": None, "max": 19, "qualifier": "under"}, "under 20", (19, 19, 19)),
    (None, "unknown", (None, None, None)),
])
def test_counts_in_words_and_best_low_high(count, text, rng):
    assert count_text(count) == text
    assert count_range(count) == rng


@pytest.mark.parametrize("date, text", [
    ({"start": "2026-03-04", "end": "2026-03-04", "precision": "day"}, "2026-03-04"),
    ({"start": "2026-03-01", "end": "2026-03-31", "precision": "month"}, "2026-03"),
    ({"start": "2026-03-02", "end": "2026-03-08", "precision": "week"}, "2026-03-02 to 2026-03-08"),
    (None, "undated"),
])
def test_dates_in_words(date, text):
    assert date_text(date) == text


@pytest.mark.parametrize("reason, plain", [
    ("equal pows figure 390 (+2)", "equal pows figure 390"),
    ("close bodies figures 207 vs 195 (-1)", "close bodies figures 207 vs 195"),
    ("same day, 2026-02-03 (+3)", "same day, 2026-02-03"),
    ("KEN->TCD pows", "KEN to TCD pows"),
])
def test_merge_reasons_in_plain_words(reason, plain):
    assert plain_reason(reason) == plain


# Invented sentences; marks as (text to mark, label, occurrence).
SENTENCES = [
    ("Chad returned 1,500 bodies (of soldiers) to Niger.", [("1,500", "COUNT"), ("bodies", "WHO"), ("Niger", "ACTOR")]),
    ("The swap of 12 POWs, mediated in Doha, ended.", [("12", "COUNT"), ("POWs", "WHO"), ("Doha", "PLACE")]),
    ("On 3 May, Peru freed 40\nprisoners.", [("3 May", "DATE"), ("40\nprisoners", "WHO"), ("40", "COUNT")]),
    ("(Seven)hostages were freed.", [("Seven", "COUNT"), ("hostages", "WHO")]),
]


@pytest.mark.parametrize("text, marks", SENTENCES)
def test_drawn_spans_cover_exactly_the_marked_characters(text, marks):
    vocab = spacy.blank("en").vocab
    wanted = [Mark(text.index(t), text.index(t) + len(t), label) for t, label in marks]
    doc = sentence_doc(vocab, text, wanted)
    drawn = sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["report"])
    assert drawn == sorted((m.start, m.end, m.label) for m in wanted)
    html = render(doc)
    assert "<script" not in html and html.count('class="ev-start"') == len(wanted)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    from extractor.running.fullrun import run_all

    out = tmp_path_factory.mktemp("report-run") / "out"
    run_all([SAMPLE / "articles.jsonl"], output_dir=out)
    return out


def page_data(page: Path) -> dict:
    html = page.read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(raw)


def test_run_writes_the_report_with_one_card_per_event(sample_run):
    page = sample_run / "report.html"
    data = page_data(page)
    events = [json.loads(line) for line in (sample_run / "events.jsonl").read_text().splitlines()]
    assert [c["id"] for c in data["events"]] == sorted(e["event_id"] for e in events)
    claims = {r["claim_id"]: r for r in map(json.loads, (sample_run / "claims.jsonl").read_text().splitlines())
              if r["type"] != "article"}
    for card in data["events"]:
        for claim in card["claims"]:
            record = claims[claim["id"]]
            inside = [(display(e["label"]), e["text"]) for e in record["evidence"]
                      if any(a <= e["start"] and e["end"] <= b for a, b in record["sentences"])]
            drawn = [(s["label"], s["text"]) for sent in claim["sentences"] for s in sent["spans"]]
            for span in inside:
                assert span in drawn, (claim["id"], span)


def display(label: str) -> str:
    from extractor.reporting.evidence import display_label

    return display_label(label)


def test_the_page_fetches_nothing(sample_run):
    html = (sample_run / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+href=", html)
    assert "Plotly" in html  # the chart library is inside the page


def test_same_input_same_page(sample_run, tmp_path):
    a = write_report(sample_run, output=tmp_path / "a", articles=[SAMPLE / "articles.jsonl"])
    b = write_report(sample_run, output=tmp_path / "b", articles=[SAMPLE / "articles.jsonl"])
    assert a.events == b.events > 0
    assert (tmp_path / "a" / "index.html").read_bytes() == (tmp_path / "b" / "index.html").read_bytes()


def test_events_file_with_claims_beside_it(sample_run, tmp_path):
    summary = write_report(sample_run / "events.jsonl", output=tmp_path / "r")
    assert summary.events == len(page_data(tmp_path / "r" / "index.html")["events"])
    assert all(c["evidence"] for card in page_data(tmp_path / "r" / "index.html")["events"] for c in card["claims"])


@pytest.mark.parametrize("make", [
    lambda p: p / "nothing-here",
    lambda p: (p / "empty").mkdir() or p / "empty",
    lambda p: (p / "bad.jsonl").write_text('{"type": "exchange"}\n') and p / "bad.jsonl",
])
def test_what_is_not_a_report_source_is_named(tmp_path, make):
    with pytest.raises(CodedError, match=r"E701"):
        write_report(make(tmp_path), output=tmp_path / "r")


def test_an_existing_report_needs_force(sample_run, tmp_path):
    write_report(sample_run, output=tmp_path / "r")
    with pytest.raises(CodedError, match=r"E201"):
        write_report(sample_run, output=tmp_path / "r")
    write_report(sample_run, output=tmp_path / "r", force=True)


def test_a_large_run_reports_evidence_without_reading_the_articles_again(sample_run, monkeypatch):
    import extractor.reporting as reporting

    monkeypatch.setattr(reporting, "RUN_SENTENCES_UP_TO", 0)
    summary = reporting.report_of_run(sample_run, inputs=[SAMPLE / "articles.jsonl"], keys=None, fmt="auto",
                                      corrections=None)
    data = page_data(sample_run / "report.html")
    assert summary.with_text == 0 and not data["texts"]
    assert all(not c["sentences"] and c["evidence"] for card in data["events"] for c in card["claims"])
    monkeypatch.undo()
    reporting.report_of_run(sample_run, inputs=[SAMPLE / "articles.jsonl"], keys=None, fmt="auto", corrections=None)
    assert all(c["sentences"] for card in page_data(sample_run / "report.html")["events"] for c in card["claims"])
