"""The generated state lexicon: every ISO 3166 state's names, capital and demonyms as actor entries.

Layered as dateparser layers its language data:

1. **source data** from maintained libraries: ISO 3166-1 names and official names from `pycountry`,
   common short names and UN membership from `country_converter`'s country table, capitals and
   demonyms from `countryinfo`;
2. **curated overrides**, `extractor/data/states_curated.jsonl` (ours, by hand): extra names and
   demonym forms, names taken from the source data, ambiguity guards;
3. the **generated file**, `extractor/data/states.jsonl`, which the actor recogniser reads. A test
   checks that regenerating it gives the committed bytes.

The libraries are needed only to regenerate (they are in the `test` extra), never at run time:

    python -m extractor.recognising.lexicon            # rewrite extractor/data/states.jsonl
    python -m extractor.recognising.lexicon --check    # exit 1 if the committed file is stale

Capitals and demonyms are generated for UN member states and for the curated `sovereign` ids
(observers and partly recognised states); names for every ISO 3166-1 entry. A curated pattern
wins over a generated one: a name or demonym the curated file gives to one id is taken from every
other id, so that no pattern names two actors.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import rule_data_error
from ..datalines import read_model_lines
from .gazetteer import GazetteerEntry

CURATED_FILE = "states_curated.jsonl"
GENERATED_FILE = "states.jsonl"
BLOCK_LABEL = "BLOCK"  # matched to shadow a shorter name inside it, never written to doc.spans
GENERATED_LABELS = ("STATE", "CAPITAL", "DEMONYM")
SOURCE_PACKAGES = ("pycountry", "country_converter", "countryinfo")
# adjectives of nationality that take no plural ("the French", "the Swiss", "the Chinese")
_NO_PLURAL_ENDINGS = ("ese", "ss", "sh", "nch", "tch", "x", "z")  # "Czech" takes one: "Czechs"


class CuratedRule(BaseModel):
    """One line of the curated overrides.

    - `add`: the patterns name `id` with `label` (they are taken from any other id);
    - `drop`: the patterns are not generated for any id (wrong or ambiguous source data);
    - `exact`: the patterns match only with the given capitals ("Turkey", not "turkey");
    - `block`: phrases that shadow a state name inside them ("New Jersey", "Michael Jordan");
    - `sovereign`: ids that get capitals and demonyms though not UN members.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: Literal["add", "drop", "exact", "block", "sovereign"]
    label: Literal["STATE", "CAPITAL", "DEMONYM"] | None = None
    id: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    ids: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    reason: str = ""


def read_curated(lines: Iterable[str], *, origin: str) -> list[CuratedRule]:
    """Validated curated rules; a bad line raises RuleDataError E101 naming the file, line and field."""
    rules = []
    for number, rule in read_model_lines(lines, CuratedRule, origin=origin):
        needs = {"add": ("label", "id", "patterns"), "drop": ("patterns",), "exact": ("patterns",),
                 "block": ("patterns",), "sovereign": ("ids",)}[rule.rule]
        missing = [name for name in needs if not getattr(rule, name)]
        if missing:
            raise rule_data_error(path=origin, line=number,
                                  detail=f"a {rule.rule!r} rule needs the field(s) {', '.join(missing)}")
        rules.append(rule)
    return rules


@dataclass(frozen=True)
class Country:
    """What the source libraries say about one ISO 3166-1 entry."""

    iso3: str
    names: tuple[str, ...]
    un_member: bool
    capital: str | None
    demonyms: tuple[str, ...]


@dataclass
class _Entry:
    label: str
    id: str
    patterns: list[str] = field(default_factory=list)


def _usable_name(name: str) -> str | None:
    """A source name as it is written in running text, or None ("Korea, Republic of" is an index form)."""
    name = " ".join(name.split())
    if not name or any(ch in name for ch in ",()/"):
        return None
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def plural(demonym: str) -> str | None:
    """'Ukrainian' -> 'Ukrainians'; adjectives that take no plural ('Chinese', 'French') -> None."""
    if demonym.endswith(_NO_PLURAL_ENDINGS) or " " in demonym and demonym.split()[-1][0].islower():
        return None
    return demonym + "s"


def build_entries(countries: Iterable[Country], rules: Iterable[CuratedRule]) -> list[GazetteerEntry]:
    """Source data and curated rules -> the generated gazetteer entries, in a fixed order."""
    rules = list(rules)
    countries = sorted(countries, key=lambda c: c.iso3)
    dropped = {p.casefold() for r in rules if r.rule == "drop" for p in r.patterns}
    exact = {p for r in rules if r.rule == "exact" for p in r.patterns}
    sovereign = {i for r in rules if r.rule == "sovereign" for i in r.ids}
    curated: dict[str, str] = {}  # casefolded pattern -> id it belongs to
    for rule in rules:
        if rule.rule == "add":
            for pattern in rule.patterns:
                curated[pattern.casefold()] = rule.id

    entries: dict[tuple[str, str], _Entry] = {}

    def put(label: str, iso3: str, pattern: str | None, *, source: bool) -> None:
        if not pattern:
            return
        key = pattern.casefold()
        if source and (key in dropped or curated.get(key, iso3) != iso3):
            return
        entry = entries.setdefault((iso3, label), _Entry(label, iso3))
        if pattern not in entry.patterns:
            entry.patterns.append(pattern)

    for country in countries:
        for name in country.names:
            put("STATE", country.iso3, _usable_name(name), source=True)
        if country.un_member or country.iso3 in sovereign:
            put("CAPITAL", country.iso3, country.capital, source=True)
            for demonym in country.demonyms:
                put("DEMONYM", country.iso3, demonym, source=True)
                put("DEMONYM", country.iso3, plural(demonym), source=True)
    for rule in rules:
        if rule.rule == "add":
            for pattern in rule.patterns:
                put(rule.label, rule.id, pattern, source=False)
                if rule.label == "DEMONYM" and not pattern.endswith("s") and "'" not in pattern \
                        and "’" not in pattern:
                    # a curated demonym's plural as the source's are made ("Bengali" -> "Bengalis")
                    put(rule.label, rule.id, plural(pattern), source=False)

    # a pattern two ids claim from the source data alone names neither (the curated file may settle it)
    owners: dict[str, set[str]] = {}
    for entry in entries.values():
        for pattern in entry.patterns:
            owners.setdefault(pattern.casefold(), set()).add(entry.id)
    shared = {p for p, ids in owners.items() if len(ids) > 1}
    # within one id, a pattern given as STATE is not also a CAPITAL ("Djibouti", "Singapore")
    ranked = sorted(entries.values(), key=lambda e: (e.id, GENERATED_LABELS.index(e.label)))
    out: list[GazetteerEntry] = []
    seen_in_id: dict[str, set[str]] = {}
    for entry in ranked:
        taken = seen_in_id.setdefault(entry.id, set())
        patterns = [p for p in entry.patterns if p.casefold() not in shared and p.casefold() not in taken]
        taken.update(p.casefold() for p in patterns)
        for case, group in (("auto", [p for p in patterns if p not in exact]),
                            ("exact", [p for p in patterns if p in exact])):
            if group:
                out.append(GazetteerEntry(label=entry.label, id=entry.id, patterns=tuple(group), case=case))
    blocks = [p for r in rules if r.rule == "block" for p in r.patterns]
    if blocks:
        out.append(GazetteerEntry(label=BLOCK_LABEL, id="not_a_state", patterns=tuple(blocks), case="exact"))
    return out


# --------------------------------------------------------------------------- source data

def source_versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in SOURCE_PACKAGES}


def _converter_rows() -> dict[str, dict[str, str]]:
    """country_converter's country table, read from its data file (the converter class needs pandas)."""
    import importlib.util

    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("country_converter")
    table = Path(list(spec.submodule_search_locations)[0]) / "country_data.tsv"
    with table.open(encoding="utf-8", newline="") as handle:
        return {row["ISO3"]: row for row in csv.DictReader(handle, delimiter="\t")}


def _countryinfo_records() -> dict[str, dict]:
    import importlib.util

    spec = importlib.util.find_spec("countryinfo")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("countryinfo")
    folder = Path(list(spec.submodule_search_locations)[0]) / "data"
    records = {}
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (record.get("ISO") or {}).get("alpha3")
        if iso3:
            records[iso3] = record
    return records


def source_countries() -> Iterator[Country]:
    """Every ISO 3166-1 entry with its names, UN membership, capital and demonyms."""
    import pycountry

    rows = _converter_rows()
    info = _countryinfo_records()
    for country in pycountry.countries:
        iso3 = country.alpha_3
        row = rows.get(iso3, {})
        record = info.get(iso3, {})
        names = [country.name, getattr(country, "official_name", None), getattr(country, "common_name", None),
                 row.get("name_short"), row.get("name_official")]
        demonyms = [d.strip() for d in (record.get("demonym") or "").split(",") if d.strip()]
        yield Country(iso3=iso3, names=tuple(n for n in names if n), un_member=bool(row.get("UNmember")),
                      capital=(record.get("capital") or "").strip() or None, demonyms=tuple(demonyms))


def package_curated() -> list[CuratedRule]:
    source = resources.files("extractor.data").joinpath(CURATED_FILE)
    return read_curated(source.read_text(encoding="utf-8").splitlines(), origin=f"extractor/data/{CURATED_FILE}")


def render(entries: Iterable[GazetteerEntry], versions: dict[str, str]) -> str:
    stamp = ", ".join(f"{name} {v}" for name, v in versions.items())
    lines = [f"// GENERATED by `python -m extractor.recognising.lexicon` from {stamp} and {CURATED_FILE}; "
             "do not edit: change the curated file and regenerate.",
             "// label STATE / CAPITAL / DEMONYM (BLOCK: a phrase that shadows a state name in it), id (ISO 3166-1 alpha-3), patterns."]
    lines += [json.dumps(e.model_dump(exclude_defaults=True), ensure_ascii=False) for e in entries]
    return "\n".join(lines) + "\n"


def generate() -> str:
    """The generated file's text from the installed source libraries and the curated file."""
    return render(build_entries(source_countries(), package_curated()), source_versions())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    target = Path(str(resources.files("extractor.data").joinpath(GENERATED_FILE)))
    text = generate()
    if "--check" in argv:
        stale = not target.exists() or target.read_text(encoding="utf-8") != text
        if stale:
            sys.stderr.write(f"{target} is stale: run `python -m extractor.recognising.lexicon`\n")
        return 1 if stale else 0
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
