"""The tests by which a sentence speaks of a handover of people: one table, read by the three gates.

`about_exchanges` (gate.py, on the normaliser's sentence views), the early gate on the doc
(`may_be_about_exchanges`, on the cue spans before figures are read) and the text gate (text_gate.py,
on the cue phrases of a piece of raw text) each ask whether some sentence passes one of these tests.
A test is a list of needs, all of which must hold; each gate reads every need in its own way, by a
method of the same name on its reader (`SentenceNeeds` in gate.py, `_CueNeeds` for the doc gate,
`_MarkNeeds` in text_gate.py), or as data the reader's class gives (see `compile_tests`). The earlier gates must pass every article `about_exchanges` passes, so
each of their readings of a need must hold wherever the sentence views' reading does (a need they
cannot read, such as a figure before figures are found, they read as True). A test changed here
changes all three gates at once; a new need is a method on all three readers (`compile_tests`
refuses a reader that lacks one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import coded_error


@dataclass(frozen=True, slots=True)
class HandoverTest:
    """A sentence passes when every need holds (they are read in this order: the cheapest first)."""

    name: str
    needs: tuple[str, ...]
    rule: str | None = None  # the rule id of the test where it has one (gate.GATE_RULES)


# need -> what it asks of a sentence (or of its article)
NEEDS: dict[str, str] = {
    "handover_cue": "a give, receive, homecoming or swap cue, or 'in exchange for' (every test needs one)",
    "transfer": "a give, receive, homecoming or swap cue",
    "specific_people": "a people word outside any actor, of a kind other than 'generic' ('prisoners' only in an "
                       "article with a swap cue)",
    "domain_swap": "a swap phrase of several words holding a prisoner word ('prisoner exchange')",
    "counted": "a figure",
    "swap": "a swap cue or 'in exchange for'",
    "people": "a people word or a plural demonym",
    "released_in_swap": "a give or receive cue, in an article whose swap cue has a people word beside it",
    "pivot": "'in exchange for', 'in return for' (not a bare 'for')",
    "two_persons": "two named persons",
    "give_receive_swap": "a give, receive or swap cue",
    "give": "a give cue",
    "held_anywhere": "the article speaks of people held (a captivity cue or a word of people jailed)",
    "person_for_person": "a person swapped for a person around the pivot",
    "person": "a named person",
    "give_or_receive": "a give or receive cue",
    "exchanging": "the article's swap cue has a people word beside it",
    "freed_held_or_at_war": "a release verb, or the article speaks of people held or of war",
    "soldier": "a rank, a soldier or a pilot",
    "names_a_dyad": "two of the sentence's actors are the two sides of a known dyad",
    "give_or_take": "a give, receive or homecoming cue",
    "each": "'each' (not 'each other')",
    "people_word": "a people word",
    "both_sides": "two sides named before the 'each', or 'both sides'",
    "handed_verb": "a 'handover' give cue or a repatriation (not 'returned': deportations send nationals home too)",
    "demonym": "a demonym ('Armenians', 'Pakistani')",
    "handed_home": "counted people of a state handed to that state or its officials, the other side of a known dyad "
                   "named in the sentence",
    "members": "a member noun ('members', 'elements', 'cadres')",
    "respectively": "'respectively'",
    "respective_sides": "two sides of a known dyad named before a give or receive verb that 'respectively' follows",
    "homecoming": "a homecoming cue, or a route cue of a destination ('landed in')",
    "freed_home": "counted people of a state freed and coming home or to their state's soil, the other side of a "
                  "known dyad named in the sentence",
    "received_from_other_side": "counted people of a state received or brought home from the other side of a known "
                                "dyad with that state",
    "between": "'between'",
    "between_sides": "counted people right before 'between' and two sides of a known dyad after it",
    "two_peoples": "counted people of each of the two states of a known dyad ('five Americans', '248 Ukrainians' and "
                   "'230 Russians'), a release verb among them",
    "counted_members": "counted members of a state's armed force or of an armed group ('64 members of the Sudanese "
                       "Armed Forces', '73 PUK members')",
}

ENTRY_NEED = "handover_cue"  # implied by every test: a sentence without it is passed over at once

HANDOVER_TESTS: tuple[HandoverTest, ...] = (
    # 'handed over 20 prisoners of war'
    HandoverTest("people_beside_transfer", ("transfer", "specific_people")),
    # 'a prisoner exchange is planned'
    HandoverTest("prisoner_swap_phrase", ("domain_swap",)),
    # 'Iran released five US citizens in exchange for five Iranians': people swapped for people
    HandoverTest("people_swapped", ("swap", "people", "counted")),
    # 'Ukraine and Russia swapped prisoners. Russia freed 230 Ukrainians'
    HandoverTest("release_in_swap", ("people", "released_in_swap", "counted"), rule="gate.release_in_swap"),
    # 'Russia freed the jailed American teacher in exchange for a Russian businessman'
    HandoverTest("name_for_name", ("pivot", "two_persons", "give_receive_swap")),
    # 'Tom Harlan was freed in exchange for Igor Vasin', in an article about people held
    HandoverTest("freed_for_a_person", ("pivot", "give", "held_anywhere", "person_for_person")),
    # 'in exchange, the American side received its citizen Dan Roe', in an article about people held
    HandoverTest("received_in_exchange", ("pivot", "person", "give_or_receive", "held_anywhere")),
    # 'Georgia and Russia swapped prisoners. Sergeant Giorgi Beridze returned to Tbilisi'
    HandoverTest("person_in_a_swap", ("person", "give_or_receive", "exchanging", "freed_held_or_at_war"),
                 rule="gate.person_handover"),
    # 'India handed back a captured Pakistani pilot'
    HandoverTest("soldier_between_sides", ("soldier", "give_or_receive", "names_a_dyad"), rule="gate.person_handover"),
    # 'Sudan and the RSF released 40 prisoners each'
    HandoverTest("mutual_release", ("give_or_take", "each", "people_word", "counted", "both_sides"),
                 rule="gate.mutual_release"),
    # 'Azerbaijan handed 64 Armenians to Armenia', 'India handed over 36 Pakistani fishermen to Pakistani officials'
    HandoverTest("handed_to_own_side", ("handed_verb", "demonym", "counted", "handed_home"),
                 rule="gate.handed_to_own_side"),
    # '88 Pakistani prisoners returned home after India released them', 'a plane carrying 150 Iraqi prisoners freed by
    # Iran landed in Baghdad'
    HandoverTest("freed_home", ("give", "demonym", "counted", "homecoming", "freed_home"), rule="gate.freed_home"),
    # 'Ukraine received 12 Ukrainian detainees from Russia'
    HandoverTest("received_from_other_side", ("give_or_take", "demonym", "counted", "received_from_other_side"),
                 rule="gate.received_from_other_side"),
    # 'Armenia and Azerbaijan released 32 and two prisoners respectively'
    HandoverTest("respective_releases", ("give_or_take", "respectively", "people", "counted", "respective_sides"),
                 rule="gate.respective_releases"),
    # 'the release and transfer of 887 detainees between the government and the Houthis'
    HandoverTest("released_between_sides", ("give_or_take", "between", "people", "counted", "between_sides"),
                 rule="gate.released_between_sides"),
    # 'Iran freed five Americans in a deal under which five Iranians held in the US were released': the two
    # sides' own people freed, with no swap word
    HandoverTest("two_peoples_freed", ("give", "demonym", "counted", "two_peoples"), rule="gate.two_peoples_freed"),
    # 'released 64 members of the Sudanese Armed Forces', 'freed 73 PUK members': fighters, whatever the people word
    HandoverTest("members_handed", ("give_or_take", "members", "counted", "counted_members"),
                 rule="gate.members_handed"),
)

def compile_tests(reader: type, tests: tuple[HandoverTest, ...] = HANDOVER_TESTS) -> Callable[[object], bool]:
    """The table as one function of a reader (once per reader class): `entry and (test or test ...)`, each
    test `need and need ...`, in the table's order. A need is read by the reader's method of that name,
    or, where the reader's class lists it, as always present (`PRESENT`: dropped from the tests) or as
    a mark in the reader's set `m` (`MARKS`: need -> a mark, or marks one of which it needs; read inline, with
    no call)."""
    present: frozenset[str] = getattr(reader, "PRESENT", frozenset())
    marks: dict[str, str | tuple[str, ...]] = getattr(reader, "MARKS", {})
    missing = sorted(need for need in NEEDS
                     if need not in present and need not in marks and not callable(getattr(reader, need, None)))
    unknown = sorted({need for test in tests for need in test.needs} - set(NEEDS))
    if missing or unknown or ENTRY_NEED in present:
        raise coded_error("E109", reader=reader.__name__, missing=", ".join(missing + unknown) or ENTRY_NEED)

    def read(need: str) -> str:
        if need not in marks:
            return f"r.{need}()"
        held = (marks[need],) if isinstance(marks[need], str) else marks[need]
        return "(" + " or ".join(f"{mark!r} in m" for mark in held) + ")"

    alternatives = []
    for test in tests:
        needs = [read(need) for need in test.needs if need not in present]
        alternatives.append(" and ".join(needs) if needs else "True")
    source = (f"def check(r):\n    m = r.m\n" if marks else "def check(r):\n") \
        + f"    return {read(ENTRY_NEED)} and ({' or '.join(f'({a})' for a in alternatives)})\n"
    scope: dict = {}
    exec(compile(source, f"<handover tests read by {reader.__name__}>", "exec"), scope)  # noqa: S102
    return scope["check"]


def rules_of_tests(tests: tuple[HandoverTest, ...] = HANDOVER_TESTS) -> dict[str, str]:
    """Rule id -> the names of the tests that carry it (for gate.GATE_RULES)."""
    out: dict[str, list[str]] = {}
    for test in tests:
        if test.rule is not None:
            out.setdefault(test.rule, []).append(test.name)
    return {rule: "handover_tests: " + ", ".join(names) for rule, names in out.items()}
