"""The batch runner: reader items in, contract records plus one status line per item out.

    summary = extract_files(["articles.jsonl"], output="out.jsonl", options=RunOptions(max_chars=200_000))
    summary = run_batch(read_inputs(paths), extractor=Extractor.load(), output="out.jsonl")
    summary = extract_archive(paths, output="out.jsonl", workers=4)  # sharded, resumable, parallel
"""

from .archive import extract_archive
from .batch import OnOversize, RunOptions, run_batch
from .files import extract_files, load_extractor
from ..outputs import AtomicLines, check_output, dumps_line
from .summary import RunSummary

__all__ = [
    "AtomicLines",
    "OnOversize",
    "RunOptions",
    "RunSummary",
    "check_output",
    "dumps_line",
    "extract_archive",
    "extract_files",
    "load_extractor",
    "run_batch",
]
