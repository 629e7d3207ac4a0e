"""Coded error and warning catalogue, in the manner of spaCy's errors.py.

Every message says what was found, where, and how to fix it. Codes are stable:
add new ones at the end, never renumber.

    raise coded_error("E201", path="out.jsonl")      # a CodedError: .code 'E201', str() the message
    log.warning("%s", coded("W002", ...))            # the message text alone
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
    W003 = ("{source}: bytes that are not valid UTF-8 ({detail}); the line was decoded as "
            "Windows-1252 instead. Re-encode the file as UTF-8 to be sure of the text.")
    W004 = ("{source}: {count} NUL byte(s) removed from the input. Check the export that wrote the file.")
    W005 = ("{source}: field {field!r} ignored: {detail}. Give it as a string or leave it out.")
    W006 = ("{source}: lone surrogate code point(s) in field {field!r} replaced with U+FFFD. Check the "
            "JSON escapes (\\uD800-\\uDFFF must come in pairs).")
    W007 = ("{path}: the part of a finished shard is missing or damaged; the shard is extracted again.")
    W008 = ("{source}: no column {key!r} (--{option}) in the input; every article is read without its {what}. "
            "The columns are: {found}. Name the right one with --{option}.")


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
    E008 = ("Input {path!r} does not exist or is not a supported kind (.jsonl, .jsonl.gz, .csv, a NewsAPI "
            ".json response, .warc/.warc.gz, .html, or a folder of .txt/.html files).")
    E009 = ("{source}: article is {size} characters long, over the limit of {limit}, and was "
            "skipped. Raise --max-chars or split the article.")
    E010 = ("{source}: duplicate article id {doc_id!r} (first seen at {first}). Give each article a "
            "unique id.")
    E011 = ("{source}: the compressed file ends early ({detail}); the {count} record(s) before this "
            "point were read, the rest of the file is lost. Re-download or re-compress the file.")
    E012 = ("{source}: decompressed data is over {ratio}x the size of the compressed data; reading "
            "stopped as a guard against a decompression bomb. If the file is genuine, decompress it "
            "yourself and pass the plain file.")
    E013 = ("{source}: record is over {limit} bytes long and was not read. Split the record or check "
            "that the file is really {kind}.")
    E014 = ("{source}: CSV record has {found} field(s) where the header has {expected} ({detail}). "
            "A stray double quote may have joined lines; quote fields that hold quotes, commas or "
            "line breaks and double the quotes inside them (\"\").")
    E015 = ("{source}: symbolic link to {target!r}, outside the input folder {root!r}; not followed. "
            "Copy the file into the folder if it should be read.")
    E016 = ("{source}: article {doc_id!r} has no text; it was skipped. Check the --text-key option "
            "or the source of the file.")
    E017 = ("Input {path!r}: cannot read it as {fmt}. Give --format {hint} or rename the file with "
            "the matching extension.")
    E018 = ("{source}: {kind}, not a regular file; it was not read (a pipe, a device or a link to "
            "one can hang or flood a run). Copy the data into a file, or name a pipe itself as an input.")
    E019 = ("{source}: the CSV header has one column ({header!r}) but no {field!r}: the file looks "
            "delimited by {delimiter!r}, not by commas. Save it as comma-separated CSV.")
    E020 = ("{source}: article {doc_id!r} was stopped after {seconds} s of extraction, over the "
            "time budget; no record was written for it. Raise --time-budget, or cut the article.")
    E021 = ("{source}: the input could not be read ({detail}); the items before this point were read. "
            "Check the file, or report it with the file if it looks sound.")
    # pipeline and data
    E101 = ("Rule data file {path} line {line}: {detail}. Fix the entry; see the file's header for "
            "the expected fields.")
    E102 = ("Component {name!r} could not process article {doc_id!r}: {detail}. This is a bug; "
            "please report it with the article.")
    E103 = ("Pipeline folder {path!r} has no config.cfg. Build one with `extractor build-model` or "
            "pass a folder written by nlp.to_disk.")
    E104 = ("Pipeline folder {path!r} exists. Pass --force to replace it, or choose another --output.")
    E105 = ("{path!r} exists and is not a pipeline folder ({detail}); it was left untouched. Choose "
            "another --output, or remove it yourself.")
    E106 = ("Cannot write the pipeline folder {path!r}: {detail}. Check that its parent folder exists "
            "and is writable.")
    E107 = ("Pipeline folder {path!r} could not be loaded: {detail}. Rebuild it with `extractor build-model`, "
            "or fix the file the message names.")
    E108 = ("Actor gazetteer entry {label} {id!r} names {field} {value!r}, which {expected}. Fix the id in its "
            "rule data file (extractor/data/, or {component}/entries.jsonl in a pipeline folder).")
    E109 = ("Gate reader {reader} has no method for the handover test need(s) {missing}, or a test names a need "
            "NEEDS does not list (extractor/normalising/handover_tests.py). Give the reader a method of that name "
            "reading the need as its gate can (True where it cannot read it), or add the need to NEEDS.")
    # output
    E201 = ("Output file {path!r} exists. Pass --force to overwrite it.")
    E202 = ("Record for article {doc_id!r} failed validation against the contract: {detail}. "
            "This is a bug; the record was not written.")
    E203 = ("Output file {path!r} is also an input. Write the output to another file.")
    E204 = ("Cannot write the output file {path!r}: {detail}. Check that its folder exists and is "
            "writable.")
    E209 = ("Output {path!r} is {kind}; only regular files are written (a device node, FIFO or "
            "symbolic link is never replaced). Choose a plain file path as --output.")
    E210 = ("Output {path!r} is in use by another run (lock file {lock!r}, {detail}). Wait for that "
            "run to finish; if none is running, remove the lock file.")
    # reconciling, storing, exporting
    E301 = ("{source}: not a JSON object ({detail}). A claims file holds one JSON object per line, as "
            "written by `extractor extract`; fix or remove the line.")
    E302 = ("{source}: {kind} claim does not follow the record contract: {detail}. Check that the file "
            "was written by `extractor extract` (claim lines need doc_id and claim_id).")
    E303 = ("Cannot read the claims file {path!r}: {detail}.")
    E304 = ("{path!r} is not an extractor event store ({detail}). Pass the file written by "
            "`extractor reconcile --store`, or a path that does not exist yet to start a new store.")
    E305 = ("Event store {path!r} does not exist. Build it with `extractor reconcile CLAIMS.jsonl "
            "--store {path} --output EVENTS.jsonl`.")
    E306 = ("Parquet export needs pyarrow, which is not installed. Install it with "
            "`pip install extractor[parquet]`, or export --format jsonl or csv.")
    E307 = ("Unknown export format {fmt!r}. Use one of: {choices}.")
    E308 = ("Event store {path!r} is at schema version {found}, this tool writes version {expected}. "
            "Rebuild the store from the claims files with `extractor reconcile --store`.")
    # sharded, parallel and distributed runs; more readers
    E401 = ("Work folder {path!r} holds files that no run of this tool wrote ({detail}); it was left "
            "untouched. Remove them, or choose another --output.")
    E402 = ("A worker process stopped while extracting ({detail}). The shards finished so far are kept "
            "in {path!r}: run the same command again to resume.")
    E403 = ("The Ray engine needs ray, which is not installed. Install it with "
            "`pip install extractor[ray]`, or use --engine local.")
    E404 = ("{source}: WARC input needs warcio, which is not installed. Install it with "
            "`pip install extractor[warc]`.")
    E405 = ("{source}: WARC record at offset {offset} could not be read ({detail}); the records before it "
            "were read, the rest of the file is lost. Re-download the file or check that it is a WARC.")
    E406 = ("{source}: not a NewsAPI response ({detail}). Expected a JSON object with an 'articles' list, "
            "as returned by the /v2/everything or /v2/top-headlines endpoints.")
    E407 = ("{source}: no text could be extracted from the HTML ({detail}); the page was skipped. Check that "
            "it is an article page rather than an index or a script.")
    # evaluating
    E501 = ("Cannot read {path!r}: {detail}. Check the path; gold is JSON Lines or a flows sheet (.csv).")
    E502 = ("{source}: {detail}. A gold file holds one JSON object per line: {{\"doc_id\": ..., \"records\": [...]}}.")
    E503 = ("{source}: column {column!r} holds {value!r}, expected {expected}. Fix the cell.")
    E504 = ("Flows sheet {path!r} has no column(s) {missing} (found: {found}). Start from a sheet written by "
            "`extractor flows-sheet`, which has every column.")
    # corrections
    E601 = ("Cannot read the corrections file {path!r}: {detail}.")
    E602 = ("{source}: not a valid correction: {detail}. Each line is one JSON object with an 'action' "
            "(reject_claim, edit_claim, edit_event, merge_events, split_event, add_event), its target, and "
            "'who', 'why', 'when'; see `extractor schema --corrections`.")
    # review report
    E701 = ("Cannot make a report from {path!r}: {detail}. Pass an event store (events.sqlite, written by "
            "`extractor run` or `reconcile --store`), an events file (events.jsonl) with its claims file "
            "beside it or given with --claims, or a run folder.")


class CodedError(Exception):
    """An error from the coded catalogue: `code` is 'E008', `str(err)` the full '[E008] ...' message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def coded(code: str, **fields: object) -> str:
    """The catalogue message for `code` ('E001', 'W003', ...) filled in with `fields`."""
    table = Warnings if code.startswith("W") else Errors
    return getattr(table, code).format(**fields)


def coded_error(code: str, **fields: object) -> CodedError:
    return CodedError(code, coded(code, **fields))


class RuleDataError(CodedError, ValueError):
    """E101: a bad line in a rule-data file (packaged or in a user's pipeline folder)."""


def rule_data_error(*, path: str, line: int, detail: str) -> RuleDataError:
    return RuleDataError("E101", coded("E101", path=path, line=line, detail=detail))


def visible(text: str) -> str:
    """`text` as writable UTF-8: the bytes of a file name that is not UTF-8 (which Python keeps as
    lone surrogates) are shown as `\\xe9` escapes, so one odd name never stops the output."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def path_text(path: object) -> str:
    """A path as it appears in sources, ids and messages (see `visible`)."""
    return visible(str(path))


def short(value: object, limit: int = 80) -> str:
    """A value cut down for a message, so a 5 MB field never ends up in a status line."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} chars)"
