"""Coded error and warning catalogue, in the manner of spaCy's errors.py.

Every message says what was found, where, and how to fix it. Codes are stable:
add new ones at the end, never renumber.
"""

from __future__ import annotations


class ErrorsWithCodes(type):
    def __getattribute__(self, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Warnings(metaclass=ErrorsWithCodes):
    W001 = ("Article {doc_id!r} ({source}) has no usable publication date ({raw!r}); relative dates "
            "in its text are left unresolved. Give 'published' as YYYY-MM-DD to resolve them.")
    W002 = ("Article {doc_id!r} ({source}) is {size} characters long, over the limit of {limit}; "
            "only the first {limit} characters were read. Raise --max-chars to read all of it.")


class Errors(metaclass=ErrorsWithCodes):
    # input articles
    E001 = ("{source}: not valid JSON ({detail}). Each line of a JSON Lines file must be one JSON "
            "object; fix or remove the line.")
    E002 = ("{source}: expected a JSON object with the article fields, got {kind}. Write one object "
            "per line.")
    E003 = ("{source}: missing field {field!r}. Name the field with --{option} if the file uses "
            "another key.")
    E004 = ("{source}: field {field!r} is invalid: {detail}.")
    E005 = ("{source}: publication date {raw!r} is not a valid ISO date ({detail}). Use YYYY-MM-DD "
            "(or YYYY-MM); the article was read without it.")
    E006 = ("{source}: cannot decode the text as UTF-8 ({detail}). Re-encode the file as UTF-8.")
    E007 = ("{source}: cannot read the input: {detail}.")
    E008 = ("Input {path!r} does not exist or is not a supported kind (.jsonl, .jsonl.gz, .csv, or a "
            "folder of .txt files).")
    E009 = ("{source}: article is {size} characters long, over the limit of {limit}, and was "
            "skipped. Raise --max-chars or split the article.")
    E010 = ("{source}: duplicate article id {doc_id!r} (first seen at {first}). Give each article a "
            "unique id.")
    # pipeline and data
    E101 = ("Rule data file {path} line {line}: {detail}. Fix the entry; see the file's header for "
            "the expected fields.")
    E102 = ("Component {name!r} could not process article {doc_id!r}: {detail}. This is a bug; "
            "please report it with the article.")
    E103 = ("Pipeline folder {path!r} has no config.cfg. Build one with `extractor build-model` or "
            "pass a folder written by nlp.to_disk.")
    # output
    E201 = ("Output file {path!r} exists. Pass --force to overwrite it.")
    E202 = ("Record for article {doc_id!r} failed validation against the contract: {detail}. "
            "This is a bug; the record was not written.")
