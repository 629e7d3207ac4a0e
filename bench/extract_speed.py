"""Benchmark: extraction speed next to a bare spaCy tokenizer pass over the same texts.

    .venv/bin/python bench/extract_speed.py                          # corpus/examples + corpus/sample
    .venv/bin/python bench/extract_speed.py ARTICLES.jsonl... --repeats 7

In one run, over the same articles (title + text, as the pipeline reads them): `Extractor.extract`
on each article (no prefilter: the cost of the pipeline itself) and `spacy.blank("en")` making a
Doc of each text (the cheapest thing spaCy can do). Each is timed `--repeats` times; the medians
give articles/s and tokens/s (tokens counted by the blank tokenizer), and the ratio says how many
times a bare tokenization the extraction costs. Not a test: figures only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "corpus" / "examples" / "articles.jsonl", ROOT / "corpus" / "sample" / "articles.jsonl"]


def load_articles(paths: list[Path]) -> list:
    from extractor.reading import ArticleItem, read_inputs

    return [item.article for item in read_inputs(paths) if isinstance(item, ArticleItem)]


def time_it(fn, repeats: int) -> list[float]:
    fn()  # warm-up: lazy loading, caches
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, default=DEFAULT, help="article files (any input kind)")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats of each pass (median reported)")
    args = parser.parse_args(argv)

    import spacy

    from extractor.pipeline import Extractor

    articles = load_articles(args.inputs)
    texts = [a.full_text for a in articles]
    blank = spacy.blank("en")
    tokens = sum(len(blank.make_doc(t)) for t in texts)
    extractor = Extractor.load()

    def extract_all() -> None:
        for article in articles:
            extractor.extract(article)

    def tokenize_all() -> None:
        for text in texts:
            blank.make_doc(text)

    ext = statistics.median(time_it(extract_all, args.repeats))
    tok = statistics.median(time_it(tokenize_all, args.repeats))
    print(f"{len(articles)} articles, {tokens} tokens ({tokens / max(len(articles), 1):.0f} per article), "
          f"median of {args.repeats} repeats")
    print(f"extract (pipeline)       {len(articles) / ext:10.1f} articles/s {tokens / ext:12.0f} tokens/s")
    print(f"spacy.blank('en') tokens {len(articles) / tok:10.1f} articles/s {tokens / tok:12.0f} tokens/s")
    print(f"ratio: extraction takes {ext / tok:.1f}x the time of a bare tokenizer pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
