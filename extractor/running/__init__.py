"""Running the pipeline over input files: one path, sharded, resumable, parallel.

    summary = extract_archive(["articles.jsonl"], output="out.jsonl", options=RunOptions(max_chars=200_000))
    summary = extract_archive(paths, output="out.jsonl", workers=4, extractor=Extractor.load())

`archive.extract_archive` reads and screens the input in order (`articles.Screener`), runs the
pipeline on each shard (`articles.ArticleRunner`, in this process or in workers) and assembles the
output; `fullrun.run_all` is `extractor run` (extract, reconcile into a store, export).
"""

from .archive import extract_archive
from .articles import OnOversize, Pipeline, RunOptions
from .files import load_extractor
from .summary import RunSummary

__all__ = [
    "OnOversize",
    "Pipeline",
    "RunOptions",
    "RunSummary",
    "extract_archive",
    "load_extractor",
]
