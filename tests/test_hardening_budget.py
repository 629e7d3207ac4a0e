"""Issue 14 row 5 and the budgets: super-linear text made linear, and a time and size budget per
article. The once slow inputs are run here for their output only; their time at n and 2n is
measured by bench/linear_paths.py (no timed tests)."""

from __future__ import annotations

import pytest
from slow_inputs import SLOW_INPUTS, make_doc

from extractor.contract import Article
from extractor.running.articles import HARD_MAX_CHARS, RunOptions, _truncate
from extractor.running.budget import OverBudget, within_budget


@pytest.mark.parametrize("case", list(SLOW_INPUTS))
def test_row5_long_runs_complete(case: str) -> None:
    """The once slow inputs at twice their benchmark size (bench/linear_paths.py times them; no timed tests)."""
    work, make, n = SLOW_INPUTS[case]
    text = make(2 * n, "w")
    result = work(text)
    if hasattr(result, "text"):
        assert result.text == text


def test_long_runs_keep_every_character_and_offset() -> None:
    text = "Talks ended. " + "!?" * 400 + " then " + "\U0001F600" * 300 + "x 12 prisoners"
    doc = make_doc(text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert [t.text for t in doc][-3:] == ["x", "12", "prisoners"]


def test_ordinary_text_is_tokenised_as_before() -> None:
    from spacy.lang.en import English

    text = "On 3 May, Chile's envoy said 1,200-for-1,200 was agreed... (see https://a.example/x?y=1!)"
    plain = English().tokenizer(text)
    assert [t.text for t in make_doc(text)][:6] == [t.text for t in plain][:6]


def test_time_budget_stops_one_article() -> None:
    def slow() -> None:
        while True:
            sum(range(1000))

    with pytest.raises(OverBudget):
        within_budget(0.2, slow)
    assert within_budget(0.2, lambda: 7) == 7


def test_time_budget_stops_work_in_any_thread() -> None:
    """Not only the main thread (where SIGALRM would arrive): a Ray actor runs its shards in a thread pool."""
    import threading

    def slow() -> None:
        while True:
            sum(range(1000))

    outcome: list[str] = []

    def worker() -> None:
        try:
            within_budget(0.2, slow)
        except OverBudget:
            outcome.append("stopped")
        outcome.append(str(within_budget(0.2, lambda: 7)))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=60)
    assert outcome == ["stopped", "7"]


def test_a_budget_never_fires_after_its_work() -> None:
    """Budgets that run out around the moment their work ends: OverBudget is raised inside the call
    or not at all, never later in the caller's code."""
    stopped = 0
    for _ in range(300):
        try:
            within_budget(0.0005, lambda: sum(range(3000)))
        except OverBudget:
            stopped += 1
    total = 0
    for _ in range(200):
        total += sum(range(3000))  # a stray OverBudget would surface here
    assert total == 200 * sum(range(3000)) and stopped <= 300


def test_time_budget_is_a_coded_status(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from extractor.pipeline import Extractor
    from extractor.running import extract_archive
    from fakes import patch_pipeline

    def extract(self, article):
        if "SLOW" in article.text:
            while True:
                sum(range(1000))
        return []

    patch_pipeline(monkeypatch, extract)
    src = tmp_path / "a.jsonl"
    src.write_text('{"id":"s","text":"SLOW"}\n{"id":"f","text":"fast"}\n')
    out = tmp_path / "o.jsonl"
    summary = extract_archive([src], output=out, options=RunOptions(time_budget=0.3, prefilter=False),
                            extractor=Extractor.load(None))
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["doc_id"], r["status"], (r["error"] or {}).get("code")) for r in rows] == [
        ("s", "error", "E020"), ("f", "no_events", None)]
    assert summary.errors == 1


def test_size_budget_cuts_the_title_too() -> None:
    article = Article(id="t", title="T" * 500, text="body " * 100)
    cut = _truncate(article, 100)
    assert len(cut.full_text) <= 100 and cut.text == ""
    short = _truncate(Article(id="u", title="Swap", text="x" * 500), 100)
    assert len(short.full_text) == 100 and short.title == "Swap"


def test_over_a_million_characters_is_cut_with_a_note_not_a_bug(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from extractor.pipeline import Extractor
    from extractor.running import extract_archive
    from fakes import patch_pipeline

    seen: list[int] = []

    def extract(self, article):
        seen.append(len(article.full_text))
        return []

    patch_pipeline(monkeypatch, extract)
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "big", "title": "Long", "text": "word " * 250_000}) + "\n")
    out = tmp_path / "o.jsonl"
    extract_archive([src], output=out, options=RunOptions(prefilter=False), extractor=Extractor.load(None))
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["status"] == "no_events" and "W002" in row["note"]
    assert seen == [HARD_MAX_CHARS]
