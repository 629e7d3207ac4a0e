"""The person-noun lexicon: nouns for people by what they do ("teachers", "a Ugandan engineer").

A figure with a demonym is people of that state only when its noun names people: "three Kenyan
teachers" are three Kenyans, "12 Ukrainian helicopters" are no one (rule group.captive_object), and
"a Somali driver" closes a list of nationals where "a Somali convoy" does not (group.one_national).
The nouns are rule data (`person_nouns.jsonl`), not word endings: the record builder keeps its copy,
saves it with `to_disk` and counts it in the data_version, and puts it in `doc.user_data` for the
normaliser, as it does the dyad table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, model_validator
from spacy.tokens import Doc

from ..datalines import read_model_lines

PERSON_NOUNS_FILE = "person_nouns.jsonl"
PERSON_NOUNS_KEY = "extractor.person_nouns"  # doc.user_data: the person nouns of the pipeline that reads the doc
WORD = r"^[a-z][a-z-]*[a-z]$"


class PersonNoun(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    singular: str = Field(pattern=WORD)
    plural: str = Field(pattern=WORD)

    @model_validator(mode="after")
    def _two_forms(self) -> "PersonNoun":
        if self.singular == self.plural:  # "sheep": a noun that does not tell one from many reads neither way
            raise ValueError(f"singular and plural are both {self.singular!r}: give the two forms, or leave the "
                             f"noun out")
        return self


@dataclass(frozen=True)
class PersonNouns:
    singular: frozenset[str]
    plural: frozenset[str]


def read_person_nouns(text: str, *, origin: str) -> PersonNouns:
    """The validated lexicon; a bad line raises ValueError E101 naming the file, line and field."""
    nouns = [noun for _, noun in read_model_lines(text.splitlines(), PersonNoun, origin=origin)]
    return PersonNouns(singular=frozenset(n.singular for n in nouns), plural=frozenset(n.plural for n in nouns))


def package_person_nouns_text() -> str:
    return resources.files("extractor.data").joinpath(PERSON_NOUNS_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def known_person_nouns() -> PersonNouns:
    """The packaged lexicon (a pipeline folder carries its own copy: `RecordBuilder.person_nouns`)."""
    return read_person_nouns(package_person_nouns_text(), origin=f"extractor/data/{PERSON_NOUNS_FILE}")


def person_nouns_of(doc: Doc) -> PersonNouns:
    """The lexicon of the pipeline that reads the doc, or the packaged one for a doc read without it."""
    return doc.user_data.get(PERSON_NOUNS_KEY) or known_person_nouns()
