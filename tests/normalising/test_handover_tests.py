"""Stage table: the handover tests (extractor/normalising/handover_tests.py), the one table that
`about_exchanges`, the early gate on the doc and the text gate read, each in its own way.

For each test: invented sentences in which the sentence views pass that test (and then the two earlier
gates must pass the text too), and near misses in which that test does not hold. Every text here is
invented.
"""

from __future__ import annotations

import pytest

from extractor.contract import Article, PartialDate
from extractor.errors import CodedError
from extractor.normalising.gate import SentenceNeeds, _CueNeeds, drop_false_cues, may_be_about_exchanges
from extractor.normalising.handover_tests import HANDOVER_TESTS, NEEDS, compile_tests
from extractor.normalising.sentences import DocIndex, sentence_views
from extractor.normalising.text_gate import TextGate, _MarkNeeds

PUBLISHED = PartialDate.parse("2024-03-15")
TESTS = {test.name: test for test in HANDOVER_TESTS}

# (test, text, the test holds for some sentence of the text, read on the sentence views)
ROWS = [
    ("people_beside_transfer", "Peru handed over 31 prisoners of war to Ecuador at the border on Friday.", True),
    ("people_beside_transfer", "About 200 prisoners of war are held in camps in the north, officials said.", False),
    ("prisoner_swap_phrase", "Officials said a prisoner swap could come as early as next month.", True),
    ("prisoner_swap_phrase", "Officials said a currency swap could come as early as next month.", False),
    ("people_swapped", "Nicaragua freed 6 Hondurans in exchange for 4 Nicaraguans held in Tegucigalpa.", True),
    ("people_swapped", "Nicaragua freed Hondurans in exchange for Nicaraguans held in Tegucigalpa.", False),
    ("release_in_swap", "Chile and Peru swapped prisoners on Monday.\nPeru freed 38 Chileans.", True),
    ("release_in_swap", "Peru freed 38 Chileans on Monday after a court ruling.", False),
    ("name_for_name", "Iran released a French teacher in exchange for a jailed Iranian engineer on Thursday.", True),
    ("name_for_name", "Iran released a French teacher in exchange for sanctions relief on Thursday.", False),
    ("freed_for_a_person", "Russia has jailed dozens of foreigners.\n"
                           "Russia freed Tom Harlan in exchange for Igor Vasin on Friday.", True),
    ("freed_for_a_person", "Russia freed Tom Harlan in exchange for Igor Vasin on Friday.", False),
    ("received_in_exchange", "Moscow holds dozens of prisoners.\n"
                             "In exchange for them, the American side received its citizen Dan Roe.", True),
    ("received_in_exchange", "In exchange for them, the American side received its citizen Dan Roe.", False),
    ("person_in_a_swap", "Georgia and Russia swapped prisoners on Friday.\n"
                         "Sergeant Levan Kapanadze returned to Tbilisi.", True),
    ("person_in_a_swap", "Belarus freed reporter Anna Kovel on Monday after a court ruling.", False),
    ("soldier_between_sides", "India handed back a captured Pakistani pilot at the Wagah crossing on Tuesday.", True),
    ("soldier_between_sides", "The airline returned pilot Tom Reyes to the Lisbon route on Monday.", False),
    ("mutual_release", "Ethiopia and the TPLF released 35 prisoners each on Saturday.", True),
    ("mutual_release", "Ethiopia released 35 prisoners on Saturday, each of them a farmer.", False),
    ("handed_to_own_side", "Azerbaijan handed over 64 Armenians to Armenia on Friday.", True),
    ("handed_to_own_side", "India handed over 36 Pakistani fishermen to Pakistani officials at the Wagah border.",
     True),
    ("handed_to_own_side", "Pakistan freed 220 Indian fishermen and handed them over to the Indian authorities "
                           "at the Wagah crossing.", True),
    ("handed_to_own_side", "Eritrea transferred 45 Ethiopian detainees to Ethiopia's representatives at the "
                           "border on Sunday.", True),
    ("handed_to_own_side", "On Monday India handed over to Pakistani officials 36 Pakistani fishermen at Wagah.",
     True),
    ("handed_to_own_side", "Azerbaijan repatriated 15 Armenian detainees to Armenia on Tuesday.", True),
    ("handed_to_own_side", "Greece handed over 64 Syrians to the Turkish coast guard.", False),
    # the same side at both ends, no own side after 'to', no known dyad, no handover verb
    ("handed_to_own_side", "Indian police handed over 12 Indian suspects to Indian officials in Delhi.", False),
    ("handed_to_own_side", "India handed over 36 Pakistani fishermen to the coast guard after their arrest.", False),
    ("handed_to_own_side", "Germany handed over 28 Afghan migrants to Afghan authorities in Kabul.", False),
    ("handed_to_own_side", "Libya repatriated 150 Nigerian migrants to Nigeria on Tuesday.", False),
    ("handed_to_own_side", "Russia deported 28 Ukrainian citizens to Ukraine on Friday.", False),
    ("handed_to_own_side", "Pakistan arrested 36 Indian fishermen and took them to Indian officials' boats.", False),
    ("freed_home", "Sixty Indian prisoners returned home across the Attari crossing on Friday after Pakistan "
                   "released them from jails in Karachi.", True),
    ("freed_home", "A plane carrying 150 Iraqi prisoners freed by Iran landed in Baghdad on Wednesday.", True),
    ("freed_home", "Some 230 Eritrean detainees freed by Ethiopia crossed into Eritrea at the Mereb bridge.", True),
    ("freed_home", "Forty Armenian captives released by Azerbaijan arrived in Yerevan aboard a Red Cross plane.", True),
    # returned (deportees go home too), freed by their own state, no release, freed by a court, not coming home
    ("freed_home", "A plane carrying 150 Venezuelan migrants returned by the United States landed in Caracas.", False),
    ("freed_home", "Pakistan released 88 Pakistani prisoners on Friday and they returned home to Lahore.", False),
    ("freed_home", "Eighty-eight Pakistani fishermen returned home from India on Friday.", False),
    ("freed_home", "A plane carrying 150 Iraqi prisoners landed in Baghdad after a court in Kuwait freed them.", False),
    ("freed_home", "Iran freed 150 Iraqi prisoners on Wednesday, officials in Tehran said, and kept 40 others.", False),
    ("received_from_other_side", "Ukraine received 12 Ukrainian detainees from Russia on Friday.", True),
    ("received_from_other_side", "Georgian officials received 12 Georgian detainees from Russia at the Ergneti "
                                 "checkpoint.", True),
    ("received_from_other_side", "Armenia brought home 17 Armenian prisoners from Azerbaijan on a Red Cross plane.",
     True),
    # no known dyad, the people's own side, 'from' a prison, given not received
    ("received_from_other_side", "Ukraine received 12 Ukrainian refugees from Poland on Friday.", False),
    ("received_from_other_side", "Kazakhstan brought home 38 Kazakh citizens from Kazakhstan's embassy.", False),
    ("received_from_other_side", "Ukraine received 12 Ukrainian detainees from a prison in Kharkiv on Friday.",
     False),
    ("received_from_other_side", "Russia freed 12 Ukrainian detainees from jail on Friday.", False),
    ("two_peoples_freed", "Eritrea freed 40 Ethiopians on Monday under a deal that saw 25 Eritreans held in Ethiopia "
                          "released.", True),
    ("two_peoples_freed", "Under the accord, Armenia is to free 12 Azerbaijanis and Azerbaijan 30 Armenians.", True),
    # one people freed by both, a people of no known dyad, no release verb
    ("two_peoples_freed", "Armenia and Azerbaijan each freed 12 Armenians on Monday.", False),
    ("two_peoples_freed", "Portugal freed 12 Brazilians and 30 Angolans held for fraud on Monday.", False),
    ("two_peoples_freed", "Eritrea arrested 40 Ethiopians and 25 Eritreans near the border on Monday.", False),
    ("respective_releases", "Kyrgyzstan and Tajikistan handed back 14 and nine border guards respectively at the "
                            "Batken crossing.", True),
    ("respective_releases", "The Houthis and the Yemeni government freed 12 and 30 detainees respectively on "
                            "Friday.", True),
    ("respective_releases", "Ethiopia and Eritrea released 40 and 25 prisoners of war respectively.", True),
    # two states of no known dyad (each freeing its own), one side only, no 'respectively'
    ("respective_releases", "Egypt and Jordan released 300 and 250 prisoners respectively to mark the holiday.",
     False),
    ("respective_releases", "Armenia released 32 and 14 prisoners respectively in May and June.", False),
    ("respective_releases", "Armenia and Azerbaijan released 32 and two prisoners on Tuesday.", False),
    ("released_between_sides", "The ICRC oversaw the handover of 240 detainees between Ethiopia and Eritrea on "
                               "Monday.", True),
    ("released_between_sides", "The Red Cross supervised the release of 120 captives held between the Sudanese army "
                               "and the RSF.", True),
    # 'between' places of one side, 'between' before the people, sides of no known dyad
    ("released_between_sides", "The authorities moved 40 detainees between prisons in Sanaa and Aden on Monday.",
     False),
    ("released_between_sides", "Talks between Ethiopia and Eritrea ended after 20 detainees were released.", False),
    ("released_between_sides", "The ICRC oversaw the release of 240 detainees between Chile and Norway on "
                               "Monday.", False),
    ("members_handed", "The rebels released 64 members of the Sudanese Armed Forces on Monday.", True),
    ("members_handed", "The choir released 64 members after the last concert of the season.", False),
]


@pytest.fixture(scope="module")
def text_gate(extractor) -> TextGate:
    return TextGate(extractor.nlp)


def _doc(extractor, text: str):
    nlp = extractor.nlp
    with nlp.select_pipes(disable=["exchange_gate"]):
        return nlp(extractor._doc(Article(id="handover", text=text, published=PUBLISHED)))


def _holds(doc, name: str) -> bool:
    """The one test `name` holds for some sentence of the doc, read on its sentence views."""
    views = sentence_views(doc, DocIndex.build(doc))
    drop_false_cues(views)
    check = compile_tests(SentenceNeeds, (TESTS[name],))
    needs = SentenceNeeds.of(views)
    for view in views:
        needs.view = view
        if check(needs):
            return True
    return False


@pytest.mark.parametrize(("name", "text", "holds"), ROWS, ids=[f"{n}-{h}" for n, _, h in ROWS])
def test_handover_test(extractor, text_gate, name, text, holds):
    doc = _doc(extractor, text)
    assert _holds(doc, name) is holds
    if holds:  # the earlier gates' readings hold wherever the sentence views' do
        assert may_be_about_exchanges(doc)
        assert text_gate.admits(text)


def test_every_test_has_rows():
    assert {name for name, _, holds in ROWS if holds} == set(TESTS)
    assert {name for name, _, holds in ROWS if not holds} == set(TESTS)


@pytest.mark.parametrize("reader", [SentenceNeeds, _CueNeeds, _MarkNeeds], ids=lambda r: r.__name__)
def test_every_gate_reads_every_need(reader):
    present = getattr(reader, "PRESENT", frozenset())
    marks = getattr(reader, "MARKS", {})
    for need in NEEDS:
        assert need in present or need in marks or callable(getattr(reader, need, None)), need
    assert callable(compile_tests(reader))


def test_a_reader_without_a_need_is_a_coded_error():
    class Partial:
        def handover_cue(self) -> bool:
            return True

    with pytest.raises(CodedError, match=r"\[E109\].*Partial.*transfer"):
        compile_tests(Partial)
