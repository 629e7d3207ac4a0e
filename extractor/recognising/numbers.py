"""Quantity recogniser: figures in news text as contract COUNT values.

Pure Python, no spaCy. `find_quantities(text)` returns `QuantityMatch` objects,
sorted and non-overlapping, each carrying the COUNT semantics of the record
contract: "over 4,800" is min 4801 / qualifier "over", "between 80 and 90" is a
range, "84 for 84" and "84 each" are per-side figures. Numbers that are not
counts (ages, dates, years, clock times, money, percentages, ordinals, model
names such as "Su-25") are left out. `parse_number` reads one figure alone.

Rule ids on matches: "qty.digits" (1,000 / 1 245 / 6.000 / 1.2 thousand),
"qty.words" (Two hundred and seven, a dozen), "qty.x_for_x" (1,000-for-1,000)
and "qty.range" (between 80 and 90, 80-90).

Number words, qualifier phrases and the context words that rule a number out
are data: `extractor/data/quantity_cues.jsonl`, validated when first used.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources

from extractor.errors import RuleDataError, coded

from .scanning import ASCII_CASE_TWINS, found, matches_at

__all__ = ["QuantityMatch", "QuantityCues", "QuantityCuesError", "find_quantities",
           "parse_number", "parse_cues", "load_cues"]

QUALIFIERS = ("exact", "about", "over", "at_least", "under", "up_to", "range")
NUMBER_CLASSES = ("unit", "teen", "tens", "hundred", "dozen", "scale")
CUE_FILE = "quantity_cues.jsonl"
CUE_PACKAGE = "extractor.data"

_MAX_DIGITS = 15  # longer digit runs are identifiers, not counts (and int() of huge strings is slow)


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    start: int          # char offset of the whole match (qualifier included)
    end: int
    text: str
    value: int | None
    min: int | None
    max: int | None
    qualifier: str      # one of QUALIFIERS
    number_start: int   # char span of the figure itself, without qualifier
    number_end: int
    per_side: bool      # the figure is per side ("84 for 84", "84 each")
    rule: str           # id of the rule that fired


class QuantityCuesError(RuleDataError):
    """A line of the quantity cue file is malformed."""


# --------------------------------------------------------------------------- cue data

_FIELDS: dict[str, dict[str, type]] = {
    "number_word": {"word": str, "value": int, "class": str},
    "qualifier": {"phrase": str, "qualifier": str, "position": str},
    "not_qualifier": {"phrase": str},
    "per_side": {"phrase": str, "position": str},
    "skip_before": {"phrase": str, "reason": str},
    "skip_after": {"phrase": str, "reason": str},
    "month": {"word": str},
    "count_noun": {"word": str},
    "change_word": {"word": str},
    "weekday": {"word": str},
}
_CHOICES: dict[str, tuple[str, ...]] = {
    "class": NUMBER_CLASSES, "qualifier": QUALIFIERS, "position": ("before", "after"),
}


def _norm(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


def _check_entry(obj: object) -> str | None:
    """Return what is wrong with one parsed cue line, or None."""
    if not isinstance(obj, dict):
        return f"expected a JSON object, got {type(obj).__name__}"
    kind = obj.get("kind")
    if kind not in _FIELDS:
        return f"'kind' is {kind!r}; use one of {', '.join(sorted(_FIELDS))}"
    fields = _FIELDS[kind]
    missing = [f for f in fields if f not in obj]
    if missing:
        return f"a {kind!r} entry needs the field(s) {', '.join(missing)}"
    extra = sorted(set(obj) - set(fields) - {"kind"})
    if extra:
        return f"unknown field(s) {', '.join(extra)} for kind {kind!r}; expected {', '.join(fields)}"
    for name, typ in fields.items():
        val = obj[name]
        if typ is int and (isinstance(val, bool) or not isinstance(val, int) or val < 0):
            return f"field {name!r} must be a non-negative integer, got {val!r}"
        if typ is str and (not isinstance(val, str) or not val.strip()):
            return f"field {name!r} must be a non-empty string, got {val!r}"
        if name in _CHOICES and val not in _CHOICES[name]:
            return f"field {name!r} is {val!r}; use one of {', '.join(_CHOICES[name])}"
    if kind == "number_word":
        return _check_number_word(obj["word"], obj["value"], obj["class"])
    if kind == "qualifier" and obj["qualifier"] == "range" and obj["position"] != "before":
        return "a 'range' qualifier opens a range ('between 80 and 90'); give it position 'before'"
    return None


def _check_number_word(word: str, value: int, cls: str) -> str | None:
    # the word grammar in _words_value relies on each class holding values of one size
    if not re.fullmatch(r"[^\W\d_]+", word):
        return f"number word {word!r} must be a single word of letters"
    ok = {
        "unit": value <= 9,
        "teen": 10 <= value <= 19,
        "tens": value in range(20, 100, 10),
        "hundred": value == 100,
        "dozen": value == 12,
        "scale": value >= 1000 and str(value).rstrip("0") == "1",
    }[cls]
    if not ok:
        return (f"value {value} does not fit class {cls!r} (unit 0-9, teen 10-19, tens 20-90 by ten, "
                "hundred 100, dozen 12, scale a power of ten from 1000)")
    return None


def _phrase_re(phrase: str) -> str:
    return r"\s+".join(re.escape(part) for part in phrase.split())


def _alternation(phrases: Iterable[str], build) -> str:
    # longest first, so that at one position "on each side" is tried before "each"
    return "|".join(build(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))


_END = ""  # trie key marking the end of a phrase


def _trie_re(units_list: Iterable[tuple[str, ...]]) -> str:
    """One regex for many phrases, as a trie: Python's re tries an alternation branch by
    branch at every position, a trie rejects a position at its first character."""
    root: dict = {}
    for units in units_list:
        node = root
        for unit in units:
            node = node.setdefault(unit, {})
        node[_END] = {}

    def emit(node: dict) -> str:
        branches = [unit + emit(child) for unit, child in sorted(node.items()) if unit != _END]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if _END in node:
            return "(?:" + body + ")?"  # greedy: the longer phrase is tried first
        return body

    return emit(root)


def _units(phrase: str) -> tuple[str, ...]:
    return tuple(r"\s+" if part == " " else re.escape(part) for part in _norm(phrase))


def _before_alt(phrases: Iterable[str]) -> str:
    """Pattern for phrases that must end right before a number ("more than 300", "$2")."""
    groups = []
    for word_start in (True, False):
        units = [_units(p) + ((r"\s+",) if p[-1].isalnum() else (r"\s*",))
                 for p in phrases if p[0].isalnum() == word_start]
        if units:
            groups.append((r"(?<!\w)" if word_start else "") + _trie_re(units))
    return "|".join(groups)


def _after_alt(phrases: Iterable[str]) -> str:
    """Pattern for phrases that must start right after a number ("300 or more", "11%")."""
    units = [((r"\s+",) if p[0].isalnum() else (r"\s*",)) + _units(p) + ((r"(?!\w)",) if p[-1].isalnum() else ())
             for p in phrases]
    return _trie_re(units) if units else ""


_NEVER = re.compile(r"(?!)")
_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
# Words that end a noun phrase: the gap in "84 prisoners each" may not contain them.
_GAP_STOP = ("and|or|but|nor|for|to|with|who|whom|which|that|of|in|at|by|while|than|from|on|as|"
             "each|both|either|per|were|was|is|are|be|been|have|has|had|will|would|said|the|a|an|"
             "after|before|into|apiece")
# A one-word per-side phrase ("each", "apiece") counts only before punctuation or one of these
# words: in "the two sides each freed 84", "each" belongs to the verb, not to "two".
_EACH_FOLLOW = ("in|on|at|to|from|and|or|but|as|with|under|during|after|before|since|this|last|by|"
                "for|into|via|through|across|while|when|near|earlier|yesterday|today|so|then|"
                "was|were|had|have|has|is|are|will|would|could")


class PhrasesBefore:
    """Phrases that end right before a figure ("more than", "aged", "$"): `search(text, lo, end)` is
    `pattern.search(text, lo, end)` for the pattern `(?P<p>...)\\Z`, which re tries at every position
    of the window. A phrase's last word ends at the window's last non-blank character, so the pattern
    is tried only where the word there ends with the last word of one of the phrases."""

    __slots__ = ("pattern", "_tails", "_lengths")

    def __init__(self, pattern: re.Pattern[str], phrases: Iterable[str]) -> None:
        self.pattern = pattern
        tails = {_norm(p).split(" ")[-1] for p in phrases}
        # an ASCII word can match only an ASCII last word, unless one holds a letter that
        # re.IGNORECASE matches to an ASCII one ("ı" to "i"): then every window is searched
        self._tails: frozenset[str] | None = (
            None if any(ch in tail for tail in tails for ch in ASCII_CASE_TWINS)
            else frozenset(t for t in tails if t.isascii()))
        self._lengths = sorted({len(t) for t in self._tails or ()})

    def search(self, text: str, lo: int, end: int) -> re.Match[str] | None:
        tails = self._tails
        if tails is not None:
            head = text[lo:end].rstrip()
            if not head:
                return None
            word = head.rsplit(None, 1)[-1]
            if word.isascii():
                word = word.lower()
                if not any(word[-n:] in tails for n in self._lengths):
                    return None
        return self.pattern.search(text, lo, end)


@dataclass(frozen=True, slots=True)
class QuantityCues:
    """Compiled cue data; build with `parse_cues` or `load_cues`."""

    words: dict[str, tuple[int, str]]
    qualifier_before: dict[str, str | None]   # phrase -> qualifier (None: not a qualifier)
    qualifier_after: dict[str, str]
    skip_reasons: dict[str, str]              # skip_before/skip_after phrase -> reason
    word_seq_re: re.Pattern[str]
    word_heads: tuple[str, ...] | None        # the number words no other begins with (None: not all ASCII)
    digits_re: re.Pattern[str]
    qual_before_re: PhrasesBefore
    qual_after_re: re.Pattern[str]
    side_after_re: re.Pattern[str]
    side_before_re: re.Pattern[str]
    skip_before_re: PhrasesBefore
    skip_after_re: re.Pattern[str]
    month_before_re: re.Pattern[str]
    weekday_before_re: re.Pattern[str]
    month_after_re: re.Pattern[str]
    count_noun_re: re.Pattern[str]
    change_before_re: re.Pattern[str]


def parse_cues(lines: Iterable[str], *, source: str) -> QuantityCues:
    """Validate cue lines and compile them. Raises QuantityCuesError naming source and line."""
    entries: dict[str, list[dict]] = {k: [] for k in _FIELDS}
    seen: dict[tuple, int] = {}
    for lineno, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("//"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _cue_error(source, lineno, f"not valid JSON ({exc.msg}); write one JSON object per "
                                             "line, or start a comment line with //") from None
        problem = _check_entry(obj)
        if problem:
            raise _cue_error(source, lineno, problem)
        key = tuple(sorted((k, _norm(v) if isinstance(v, str) else v) for k, v in obj.items()
                           if k in ("kind", "word", "phrase", "position")))
        if key in seen:
            raise _cue_error(source, lineno, f"duplicate of line {seen[key]}; remove one of them")
        seen[key] = lineno
        entries[obj["kind"]].append(obj)
    return _compile(entries, source=source)


def _cue_error(source: str, line: int, detail: str) -> QuantityCuesError:
    return QuantityCuesError("E101", coded("E101", path=source, line=line, detail=detail))


def _compile(entries: dict[str, list[dict]], *, source: str) -> QuantityCues:
    words = {_norm(e["word"]): (e["value"], e["class"]) for e in entries["number_word"]}
    if not words:
        raise _cue_error(source, 0, "no 'number_word' entries; the recogniser needs number words")
    scales = [w for w, (_, cls) in words.items() if cls in ("hundred", "dozen", "scale")]
    word_alt = _trie_re(_units(w) for w in words)
    sep = r"(?:[ \t\u00a0]+and[ \t\u00a0]+|[ \t\u00a0]*[-\u2010\u2011][ \t\u00a0]*|[ \t\u00a0]+)"
    word_seq_re = re.compile(rf"(?<!\w)(?:a[ \t\u00a0]+)?(?:{word_alt})(?:{sep}(?:{word_alt}))*(?!\w)",
                             re.IGNORECASE)
    scale_alt = _alternation(scales, re.escape) or "(?!)"
    digits_re = re.compile(rf"""
        (?<![\w.,:/])                 # not the tail of 'A320', '3.14', '5:30', '24/7'
        (?P<num>(?>
            [0-9]{{1,3}}(?:,[0-9]{{3}})+(?![0-9])
          | [0-9]{{1,3}}(?:\.[0-9]{{3}})+(?![0-9])
          | [0-9]{{1,3}}(?:[ \u00a0\u202f\u2009][0-9]{{3}})+(?![0-9])
          | [0-9]+(?:\.[0-9]+)?
        ))
        (?!\w|[.,:/][0-9])
        (?:[ \u00a0\u202f\u2009]+(?P<mult>{scale_alt})(?!\w))?
        """, re.IGNORECASE | re.VERBOSE)

    qualifier_before: dict[str, str | None] = {}
    qualifier_after: dict[str, str] = {}
    for e in entries["qualifier"]:
        target = qualifier_before if e["position"] == "before" else qualifier_after
        target[_norm(e["phrase"])] = e["qualifier"]
    for e in entries["not_qualifier"]:
        qualifier_before[_norm(e["phrase"])] = None

    def before_re(phrases: Iterable[str]) -> PhrasesBefore:
        phrases = list(phrases)
        alt = _before_alt(phrases)
        return PhrasesBefore(re.compile(rf"(?P<p>{alt})\Z", re.IGNORECASE) if alt else _NEVER, phrases)

    def after_re(phrases: Iterable[str]) -> re.Pattern[str]:
        alt = _after_alt(list(phrases))
        return re.compile(rf"(?P<p>{alt})", re.IGNORECASE) if alt else _NEVER

    side_after = [e["phrase"] for e in entries["per_side"] if e["position"] == "after"]
    side_before = [e["phrase"] for e in entries["per_side"] if e["position"] == "before"]
    multi_word = [p for p in side_after if len(p.split()) > 1]
    one_word = [p for p in side_after if len(p.split()) == 1]
    side_after_alt = "|".join(
        ([f"(?:{_alternation(multi_word, _phrase_re)})(?!\\w)"] if multi_word else [])
        + ([f"(?:{_alternation(one_word, _phrase_re)})"
            rf"(?=\s*(?:[^\w\s]|\Z)|\s+(?:{_EACH_FOLLOW})(?!\w))"] if one_word else []))
    side_after_re = re.compile(
        rf"(?:\s+(?!(?:{_GAP_STOP})(?!\w)){_WORD}){{0,3}}?\s+(?:{side_after_alt})",
        re.IGNORECASE) if side_after else _NEVER
    side_before_alt = _alternation(side_before, _phrase_re)
    # the gap is lower-case words only ("each side freed 84"), case-sensitive on purpose
    side_before_re = re.compile(
        rf"(?<!\w)(?i:{side_before_alt})(?:\s+(?!(?:and|or|but|while|whereas|than|then|of)(?!\w))"
        rf"[a-z]+(?:-[a-z]+)*){{0,3}}\s+\Z") if side_before else _NEVER

    months = _alternation((e["word"] for e in entries["month"]), re.escape) or "(?!)"
    weekdays = _alternation((e["word"] for e in entries["weekday"]), re.escape) or "(?!)"
    changes = _trie_re(_units(e["word"]) for e in entries["change_word"]) or "(?!)"
    nouns = _trie_re(_units(e["word"]) for e in entries["count_noun"]) or "(?!)"
    return QuantityCues(
        words=words,
        qualifier_before=qualifier_before,
        qualifier_after=qualifier_after,
        skip_reasons={_norm(e["phrase"]): e["reason"] for e in entries["skip_before"] + entries["skip_after"]},
        word_seq_re=word_seq_re,
        word_heads=(tuple(w for w in sorted(words) if not any(o != w and w.startswith(o) for o in words))
                    if all(w.isascii() for w in words) else None),
        digits_re=digits_re,
        qual_before_re=before_re(qualifier_before),
        qual_after_re=after_re(qualifier_after),
        side_after_re=side_after_re,
        side_before_re=side_before_re,
        skip_before_re=before_re(e["phrase"] for e in entries["skip_before"]),
        skip_after_re=after_re(e["phrase"] for e in entries["skip_after"]),
        month_before_re=re.compile(rf"(?<!\w)(?:{months})(?:\.\s*|\s+)\Z"),
        weekday_before_re=re.compile(rf"(?<!\w)(?:{weekdays})\s*\(\s*\Z"),
        month_after_re=re.compile(rf"\s+(?:of\s+)?(?:{months})(?!\w)"),
        change_before_re=re.compile(rf"(?<!\w)(?:{changes})\s+from\s+\Z", re.IGNORECASE),
        count_noun_re=re.compile(rf"(?:\s+{_WORD}){{0,2}}?\s+(?:{nouns})(?!\w)", re.IGNORECASE),
    )


def load_cues() -> QuantityCues:
    """Read and compile the packaged cue file (cached)."""
    return _default_cues()


def package_cue_text() -> str:
    """The packaged cue file's text, as the quantity component keeps and saves it."""
    return resources.files(CUE_PACKAGE).joinpath(CUE_FILE).read_text(encoding="utf-8")


@functools.cache
def _default_cues() -> QuantityCues:
    return parse_cues(package_cue_text().splitlines(), source=f"extractor/data/{CUE_FILE}")


# --------------------------------------------------------------------------- reading figures

_NOT_DIGIT = re.compile(r"[^0-9]")
_DOT_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_SPACES = frozenset(", \u00a0\u202f\u2009")


def _digits_value(num: str, mult: str | None, cues: QuantityCues) -> int | None:
    digits = num if num.isdigit() else _NOT_DIGIT.sub("", num)
    if len(digits) > _MAX_DIGITS or (len(digits) > 1 and digits[0] == "0" and "." not in num):
        return None
    spaced = not _SPACES.isdisjoint(num)
    grouped = spaced or ("." in num and _DOT_GROUPED.fullmatch(num) is not None)
    if mult is not None:
        factor = cues.words[_norm(mult)][0]
        # "1.2 thousand", "1.245 million": with a multiplier a single dot is a decimal point
        if num.count(".") == 1 and not spaced:
            try:
                amount = Decimal(num) * factor
            except InvalidOperation:
                return None
            return int(amount) if amount == amount.to_integral_value() else None
        return int(digits) * factor if (grouped or "." not in num) else None
    if grouped:
        return int(digits)
    return None if "." in num else int(digits)


_TOKEN_RE = re.compile(r"[^\W\d_]+")


def _words_number(tokens: list[str], cues: QuantityCues) -> int | None:
    """Number words: the grammar below decides whether the words form one number. word2number reads
    the plain ones; it misreads dozens and numbers with two scale words ('one million two hundred
    thousand' comes out as 1,000,200), so those keep the grammar's own value."""
    value = _words_value(tokens, cues)
    if value is None or len(tokens) == 1:
        return value
    words = [t.casefold() for t in tokens]
    if "dozen" in words or "a" in words or sum(w in ("thousand", "million", "billion") for w in words) > 1:
        return value
    from word2number import w2n

    try:
        # the casefolded words, as the grammar read them: word2number only lowercases, so a long s
        # ('ſix') was no number word to it and was dropped or made it fail
        return w2n.word_to_num(" ".join(words))
    except ValueError:
        return value


def _words_value(tokens: list[str], cues: QuantityCues) -> int | None:
    """Value of a well-formed English number ('two hundred and seven'), else None."""
    total = group_h = sub = 0
    state = "empty"
    last_scale: int | None = None
    for i, tok in enumerate(tokens):
        key = tok.casefold()
        if key == "a":
            if i != 0:
                return None
            sub, state = 1, "a"
            continue
        if key == "and":
            if state == "hundred" or (state == "empty" and last_scale is not None):
                state = "and"
                continue
            return None
        entry = cues.words.get(key)
        if entry is None:
            return None
        value, cls = entry
        if value == 0 and cls in ("unit", "teen", "tens"):
            if len(tokens) != 1:
                return None
            return 0
        if cls in ("unit", "teen", "tens"):
            if state in ("empty", "hundred", "and"):
                sub, state = value, cls
            elif state == "tens" and cls == "unit":
                sub, state = sub + value, "tens_unit"
            else:
                return None
        elif cls == "hundred":
            if state not in ("a", "unit", "teen", "tens", "tens_unit") or group_h:
                return None
            group_h, sub, state = sub * value, 0, "hundred"
        elif cls == "dozen":
            if state not in ("a", "unit") or group_h:
                return None
            sub, state = sub * value, "dozen"
        else:  # scale
            group = group_h + sub
            if state in ("empty", "and", "dozen") or group == 0:
                return None
            if last_scale is not None and value >= last_scale:
                return None
            total += group * value
            group_h = sub = 0
            last_scale, state = value, "empty"
    if state in ("a", "and") or (state == "empty" and last_scale is None):
        return None
    return total + group_h + sub


def parse_number(text: str) -> int | None:
    """The integer a figure stands for: '1,000', '1.2 thousand', 'Two hundred and seven'."""
    cues = _default_cues()
    s = text.strip()
    m = cues.digits_re.fullmatch(s)
    if m:
        return _digits_value(m.group("num"), m.group("mult"), cues)
    if cues.word_seq_re.fullmatch(s):
        return _words_number(_TOKEN_RE.findall(s), cues)
    return None


# --------------------------------------------------------------------------- finding quantities

@dataclass(frozen=True, slots=True)
class _Atom:
    start: int
    end: int
    value: int | None
    digits: bool        # written in digits
    year_like: bool     # bare 4-digit 1900-2100
    day_like: bool      # bare 1-2 digits, 1-31: a day next to a month name
    lone_one: bool      # the word "one" alone


_DIGIT_RUN = re.compile(r"[0-9]+")
# the most tokens a well-formed number in words can have: per scale group "nine hundred and
# ninety - nine" (6 with a hyphen token) plus its scale word, for up to four scales, plus "a"
_MAX_NUMBER_TOKENS = 40


_BLANKS = " \t\u00a0"


def _number_word_runs(text: str, cues: QuantityCues) -> list[re.Match[str]]:
    """`cues.word_seq_re.finditer(text)`, with the pattern tried only where a run can begin.

    The pattern has no literal start, so re tries it at every character of the text. A run begins
    with a number word at a word's start, or with "a" and blanks before one ("a dozen"), and each
    number word begins with one of `word_heads`: the heads are found as substrings of the
    lower-case text, and the pattern is matched at those places only, in order, each after the end
    of the last run, which gives the runs finditer gives."""
    if cues.word_heads is None or any(ch in text for ch in ASCII_CASE_TWINS):
        return list(cues.word_seq_re.finditer(text))
    lower = text.lower()
    if len(lower) != len(text):
        return list(cues.word_seq_re.finditer(text))
    starts = []
    for i in found(lower, cues.word_heads):
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):
            j = i
            while j > 0 and text[j - 1] in _BLANKS:
                j -= 1
            if j < i and j > 0 and text[j - 1] in "aA":
                starts.append(j - 1)
            starts.append(i)
    return list(matches_at(cues.word_seq_re, text, starts))


def _atoms(text: str, cues: QuantityCues) -> list[_Atom]:
    found: list[_Atom] = []
    pos = 0
    for run in _DIGIT_RUN.finditer(text):
        # a plain digit scan is much faster than searching with the full pattern
        if run.start() < pos or (m := cues.digits_re.match(text, run.start())) is None:
            continue
        num, mult = m.group("num"), m.group("mult")
        start, end = m.start(), m.end()
        head = _DIGIT_RUN.match(num).group()
        if len(head) < len(num) and num[len(head)] in " \u00a0\u202f\u2009" and int(head) <= 31 \
                and cues.month_before_re.search(text, max(0, start - 12), start):
            # "May 16 100 prisoners": the day is not the first group of "16 100"
            end, num, mult = start + len(head), head, None
        value = _digits_value(num, mult, cues)
        plain = mult is None and num.isdigit()
        year_like = plain and len(num) == 4 and 1900 <= int(num) <= 2100
        day_like = plain and len(num) <= 2 and 1 <= int(num) <= 31
        found.append(_Atom(start, end, value, True, year_like, day_like, False))
        pos = end
    for m in _number_word_runs(text, cues):
        toks = [(t.start() + m.start(), t.end() + m.start(), t.group())
                for t in _TOKEN_RE.finditer(m.group())]
        i = 0
        while i < len(toks):
            # longest number first, within the longest a well-formed one can be: without the bound a
            # run of n number words costs n^3 ("twenty twenty twenty ...")
            for j in range(min(len(toks), i + _MAX_NUMBER_TOKENS), i, -1):
                value = _words_number([t[2] for t in toks[i:j]], cues)
                if value is not None:
                    lone = j == i + 1 and toks[i][2].casefold() == "one"
                    found.append(_Atom(toks[i][0], toks[j - 1][1], value, False, False, False, lone))
                    i = j
                    break
            else:
                i += 1
    found.sort(key=lambda a: a.start)
    atoms: list[_Atom] = []
    for a in found:  # a scale word after digits ("2 million") is part of the digits atom
        if not atoms or a.start >= atoms[-1].end:
            atoms.append(a)
    return atoms


_FOR_SEP = re.compile(r"(?:\s+for\s+|[-\u2010\u2011]for[-\u2010\u2011])", re.IGNORECASE)
_TO_SEP = re.compile(r"\s+to\s+|\s*[-\u2010\u2011\u2013]\s*", re.IGNORECASE)
_AND_SEP = re.compile(r"\s+(?:and|to)\s+|\s*[-\u2013]\s*", re.IGNORECASE)
_CHAIN_SEP = re.compile(r"\s+(?:and|to|or)\s+|\s*[-\u2013]\s*", re.IGNORECASE)
_HYPHENS = "-\u2010\u2011\u2013"


_FOR_GLUE_AFTER = re.compile(r"[-\u2010\u2011]for[-\u2010\u2011][0-9]")  # "120-for-95": two figures
_FOR_GLUE_BEFORE = re.compile(r"[0-9][-\u2010\u2011]for[-\u2010\u2011]\Z")
_OF_TOTAL = re.compile(r"\s+of\s+")
_APPOSITION_BEFORE = re.compile(r"(?<!\w)[A-Z][\w'’.\-]*,\s*\Z")
_APPOSITION_AFTER = re.compile(r"\s*[,;]|\.(?![0-9])")
_MAX_AGE = 120


def _not_a_count(text: str, first: _Atom, last: _Atom, cues: QuantityCues, *,
                 start: int | None = None, glued_suffix: bool = False) -> str | None:
    """Why the figure(s) from `first` to `last` are not a count (age, date, money...), or None.

    `start`: where the match begins if a qualifier comes before the figure.
    `glued_suffix`: a qualifier such as "-plus" or "-odd" is glued to the figure.
    """
    start = first.start if start is None else start
    end = last.end
    if start >= 2 and text[start - 1] in _HYPHENS and text[start - 2].isalpha() \
            and not _FOR_GLUE_BEFORE.search(text, max(0, start - 12), start):
        return "label"  # "under-25", "Su-25", "COVID-19" (not the 95 of "120-for-95")
    if not glued_suffix and end + 1 < len(text) and text[end] in _HYPHENS and text[end + 1].isalpha() \
            and not _FOR_GLUE_AFTER.match(text, end):
        return "compound"  # "25-year-old", "three-day", "1,000-strong" (not the 120 of "120-for-95")
    lo = max(0, start - 30)
    if first.day_like and (cues.month_before_re.search(text, lo, start)
                           or (cues.weekday_before_re.search(text, lo, start)
                               and text.startswith(")", end))):
        return "date"  # "June 11", "Wednesday (31)"
    if last.day_like and cues.month_after_re.match(text, end):
        return "date"  # "11 June"
    age_like = first is last and first.digits and first.value is not None and first.value <= _MAX_AGE
    if age_like and _APPOSITION_BEFORE.search(text, lo, start) and _APPOSITION_AFTER.match(text, end):
        return "age"  # "Ahmed Haddad, 40, said"
    if m := cues.skip_before_re.search(text, lo, start):
        reason = cues.skip_reasons.get(_norm(m.group("p")), "skip")
        if reason != "age" or (first.value is not None and first.value <= _MAX_AGE):
            return reason
    if m := cues.skip_after_re.match(text, end):
        return cues.skip_reasons.get(_norm(m.group("p")), "skip")
    return None


def _count_fields(qualifier: str, n: int, hi: int | None) -> tuple[int | None, int | None, int | None] | None:
    match qualifier:
        case "exact":
            return n, n, n
        case "about":
            return n, None, None
        case "over":
            return None, n + 1, None
        case "at_least":
            return None, n, None
        case "up_to":
            return None, None, n
        case "under":
            return (None, None, n - 1) if n > 0 else None
        case "range":
            return None, n, hi
    return None


def _pair_form(text: str, a: _Atom, b: _Atom, cues: QuantityCues, *, between: bool) -> str | None:
    """How two neighbouring figures combine: "x_for_x", "range", "score" (neither is a count)
    or None (two separate figures). `between`: "between" stands before the first."""
    if a.value is None or b.value is None:
        return None
    gap = text[a.end:b.start]
    if _FOR_SEP.fullmatch(gap):
        # "three for 90" is two figures; "one-for-one" is a ratio, not a count
        return "x_for_x" if a.value == b.value and a.value > 1 else None
    if not (_AND_SEP if between else _TO_SEP).fullmatch(gap):
        return None
    if a.digits != b.digits and not between:
        return None  # "March 3 - Six hostages": a date and a count in words, never one range
    if not between and cues.change_before_re.search(text, max(0, a.start - 30), a.start):
        return None  # "rose from 80 to 90": two counts, not a range
    if a.value < b.value:
        return "range"
    if len(gap) == 1 and gap in _HYPHENS:
        return "score"  # "3-1", "2022-21": a score or a code
    return None


def find_quantities(text: str, *, cues: QuantityCues | None = None) -> list[QuantityMatch]:
    """All count figures in `text`, sorted by start, non-overlapping, longest match first.

    `cues`: the compiled cue data to read with (the quantity component passes its own); None reads
    with the packaged file."""
    cues = cues or _default_cues()
    atoms = _atoms(text, cues)
    out: list[QuantityMatch] = []
    floor = 0   # nothing may start before this: end of the last consumed stretch
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if a.start < floor:
            i += 1
            continue
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        lo = max(floor, a.start - 40)
        qm = cues.qual_before_re.search(text, lo, a.start)
        qual = cues.qualifier_before.get(_norm(qm.group("p"))) if qm else None
        q_start = qm.start() if qm and qual is not None else a.start

        # --- two-number forms: "84 for 84", "between 80 and 90", "80-90"
        core_end, high, per_side, rule, used = a.end, None, False, "", 1
        pair = _pair_form(text, a, b, cues, between=qual == "range") if b is not None else None
        if pair == "score":
            floor, i = b.end, i + 2
            continue
        if pair == "x_for_x":
            core_end, per_side, rule, used = b.end, True, "qty.x_for_x", 2
        elif pair == "range":
            core_end, high, rule, used = b.end, b.value, "qty.range", 2
        if qual == "range" and rule != "qty.range":
            qual, q_start = None, a.start    # "between" without a second figure
        elif rule == "qty.range" and qual != "range":
            qual, q_start = None, a.start    # "about 80-90": the range wins
        last = atoms[i + used - 1]

        # --- qualifier written after the figure: "300 or more", "50-odd"
        qa = None
        if (qual is None or qual == "about") and rule != "qty.range":
            qa = cues.qual_after_re.match(text, core_end)  # "some ten or more": the bound after the figure governs
        glued = qa is not None and text[core_end] in _HYPHENS + "+"

        # --- things that are not counts
        reason = (_not_a_count(text, a, last, cues, glued_suffix=glued)
                  or (_not_a_count(text, a, last, cues, start=q_start, glued_suffix=glued)
                      if q_start < a.start else None))
        skip = (a.value is None or (used == 1 and a.lone_one) or reason is not None
                or (a.year_like and (used == 1 or last.year_like)
                    and not cues.count_noun_re.match(text, core_end))
                # "11 and 12 June": the first day of a pair of dates
                or (used == 1 and a.day_like and b is not None and b.day_like
                    and _CHAIN_SEP.fullmatch(text, a.end, b.start) is not None
                    and cues.month_after_re.match(text, b.end) is not None))
        if skip:
            floor, i = core_end, i + used
            # "Photo 1 of 6 ...": gallery chrome; the total goes with it
            if reason == "label" and i < len(atoms) and _OF_TOTAL.fullmatch(text, core_end, atoms[i].start):
                floor, i = atoms[i].end, i + 1
            # "the ages of 18 and 60", "June 11 and 12": the partner figure goes with it
            # ("March 25 - Four soldiers ...": a timeline's date, then a count in words, no second day)
            if reason in ("age", "date") and i < len(atoms) \
                    and _CHAIN_SEP.fullmatch(text, core_end, atoms[i].start) \
                    and (reason == "age" or atoms[i].day_like):
                floor, i = atoms[i].end, i + 1
            continue

        # --- qualifier after the number, per-side phrases
        end = core_end
        if qa is not None:
            qual, end = cues.qualifier_after[_norm(qa.group("p"))], qa.end()
        sm = cues.side_after_re.match(text, end)
        if sm:
            per_side, end = True, sm.end()
        start = q_start
        sb = cues.side_before_re.search(text, max(floor, start - 60), start)
        if sb:
            per_side, start = True, sb.start()

        if rule == "qty.range":
            qual = "range"
        qual = qual or "exact"
        fields = _count_fields(qual, a.value, high)
        if fields is None:
            floor, i = core_end, i + used
            continue
        if not rule:
            rule = "qty.digits" if a.digits else "qty.words"
        value, vmin, vmax = fields
        out.append(QuantityMatch(start, end, text[start:end], value, vmin, vmax, qual,
                                 a.start, core_end, per_side, rule))
        floor, i = end, i + used
    return out
