"""Stage table: the early gate (`exchange_gate`, extractor/normalising/component.py), which turns a
doc away after the fast recognisers unless a sentence holds a transfer or swap cue with people
beside it.

The gate must never cost a record: it holds wherever `gate.about_exchanges` holds, and a pipeline
with it gives the same records as one without it. Every text here is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import UNSEALED_CORPORA, read_articles

from extractor.contract import Article, PartialDate
from extractor.normalising.gate import about_exchanges, drop_false_cues, may_be_about_exchanges
from extractor.normalising.sentences import DocIndex, sentence_views

PUBLISHED = PartialDate.parse("2024-03-15")

# (case, text, passes the gate)
GATE = [
    ("market_news", "Shares rose 3% on the stock exchange in Oslo on Tuesday as oil prices climbed.", False),
    ("sport_injury", "The striker returned from injury and scored twice as Porto beat Braga 3-1.", False),
    ("company_release", "The carmaker released its quarterly figures on Monday, showing sales up 12%.", False),
    ("casualties_only", "Nine soldiers were killed and 14 wounded in the shelling of the town overnight.", False),
    ("people_without_transfer", "About 200 prisoners of war are held in camps in the north, officials said.",
     False),
    ("bare_for", "The minister thanked voters for their support and promised 40 new schools.", False),
    ("student_exchange_no_people_cue", "The university will exchange ideas with partners in Chile.", False),
    ("transfer_with_pows", "Peru handed over 31 prisoners of war to Ecuador at the border on Friday.", True),
    ("returned_bodies", "Chad returned the bodies of 12 soldiers to Sudan on Sunday.", True),
    ("prisoner_swap_compound", "Officials said a prisoner swap could come as early as next month.", True),
    ("people_in_exchange_for_people",
     "Nicaragua freed 6 Hondurans in exchange for 4 Nicaraguans held in Tegucigalpa.", True),
    ("person_for_person",
     "Iran released a French teacher in exchange for a jailed Iranian engineer on Thursday.", True),
    ("hostages_released", "The militia released 11 hostages to the Red Cross in Goma on Monday.", True),
    ("civilians_brought_home", "Georgia brought home 5 civilians held in South Ossetia.", True),
    ("exchanged_detainees", "Armenia and Azerbaijan exchanged 12 detainees on Tuesday.", True),
    # gate.mutual_release: two sides releasing with 'each', whatever the people word
    ("mutual_release_each", "Ethiopia and the TPLF released 35 prisoners each on Saturday.", True),
    # gate.handed_to_own_side: counted nationals handed to their own state or its officials, no people word
    ("nationals_handed_home", "Azerbaijan handed 64 Armenians to Armenia on Friday.", True),
    ("nationals_handed_to_their_officials", "Kyrgyzstan handed 14 Tajik border guards to Tajik officials on "
                                            "Friday.", True),
    ("nationals_handed_over_to_a_third_state", "Greece handed 64 Syrians to the Turkish coast guard.", False),
    # gate.freed_home: counted nationals freed by the other side and coming home, whatever the people word
    ("freed_home", "A plane carrying 150 Iraqi prisoners freed by Iran landed in Baghdad on Wednesday.", True),
    # gate.received_from_other_side: counted nationals received from the other side, whatever the people word
    ("received_from_other_side", "Ukraine received 12 Ukrainian detainees from Russia on Friday.", True),
    # gate.respective_releases, gate.released_between_sides: two sides of a known dyad, whatever the people word
    ("respective_releases", "Armenia and Azerbaijan released 32 and two prisoners respectively on Tuesday.", True),
    ("released_between_sides", "The ICRC oversaw the release of 887 detainees between the Yemeni government and "
                               "the Houthis.", True),
    # gate.members_handed: counted members of an armed force or group, no other people word
    ("members_of_a_force_released", "The militia released 48 members of the Malian armed forces in Gao on Monday.", True),
    ("group_members_handed", "The Colombian army handed 9 FARC members to a church commission on Friday.", True),
    # gate.bodies_for_nothing: remains handed over with nothing in return are still a handover
    ("bodies_for_nothing", "The rebels handed the bodies of 14 Malian soldiers to Mali on Sunday and asked nothing in "
                           "return.", True),
    # gate.no_handover_sentence: recovered by troops or received by a hospital, no swap cue
    ("recovered_by_troops", "Troops recovered the bodies of three hostages from a tunnel in Gaza.", False),
    ("received_by_a_hospital", "The hospital in Kherson received 12 bodies after the strike.", False),
    ("recovered_then_swapped", "Troops recovered the bodies of three soldiers.\n"
                               "Chad returned the bodies of 12 soldiers to Sudan on Sunday.", True),
    ("recovered_in_a_swap_sentence", "Troops recovered 12 soldiers in a prisoner swap with Sudan.", True),
    # gate.one_sided_article: a pardon story with no swap anywhere
    ("pardon_story", "Belarus pardoned 30 prisoners and released them on Monday.", False),
    ("pardon_beside_a_swap", "Belarus pardoned 30 prisoners. They were swapped for 5 Poles on Monday.", True),
    # gate.no_side: no state, group or official, nothing swapped for anyone and no captive word
    ("no_side_named", "Volunteers returned the bodies to the families on Sunday.", False),
    ("side_named", "Volunteers from Chad returned the bodies to the families on Sunday.", True),
    # gate.release_in_swap: a swap word in the article, then a counted release in a sentence of its own
    ("release_after_a_swap_word", "Chile and Peru swapped prisoners on Monday.\nPeru freed 38 Chileans.", True),
    ("generic_people_after_a_swap_word", "Nepal and Bhutan exchanged captives on Friday.\n"
                                         "Bhutan returned 17 prisoners, its army said.", True),
    ("release_without_a_swap_word", "Peru freed 38 Chileans on Monday after a court ruling.", False),
    ("home_is_no_release", "Chile and Peru swapped stages in a cultural exchange.\n"
                           "Peru is home to 40 thousand people of Chilean descent.", False),
    ("purpose_for_is_no_swap_word", "Families waited for the release of their sons.\n"
                                    "Peru freed 38 prisoners on Monday.", False),
    # gate.person_handover: people told only by rank, name or person noun, with no figure
    ("ranks_after_a_swap_word", "Georgia and Russia swapped prisoners on Friday.\n"
                                "Sergeant Levan Kapanadze returned to Tbilisi, and Moscow got back Private Oleg Zimin.",
     True),
    ("named_person_received_after_a_swap_word", "Serbia and Kosovo exchanged detainees on Monday.\n"
                                                "Pristina received Lieutenant Arben Hoxha at the Jarinje crossing.", True),
    ("lone_pilot_between_a_dyad", "India handed back a captured Pakistani pilot at the Wagah crossing on Tuesday.",
     True),
    ("lone_officer_between_a_dyad", "Eritrea handed over an Ethiopian officer to Ethiopian officials on Sunday.", True),
    ("footballer_transferred", "Barcelona transferred midfielder Pedro Alves to Porto on Friday.", False),
    ("pardoned_activist_released", "The president pardoned activist Maria Lopes, who was released from prison on "
                                   "Monday.", False),
    ("tourist_freed_for_ransom", "Kidnappers freed a German tourist, Hans Weber, after a ransom was paid on Tuesday.",
     False),
    ("pilot_with_no_dyad", "The airline returned pilot Tom Reyes to the Lisbon route on Monday.", False),
    ("person_freed_with_no_swap_word", "Russia freed Sergeant Oleg Zimin on Monday after a court ruling.", False),
]


def _doc_without_gate(extractor, text: str):
    nlp = extractor.nlp
    with nlp.select_pipes(disable=["exchange_gate"]):
        return nlp(extractor._doc(Article(id="gate", text=text, published=PUBLISHED)))


def _about_exchanges(doc) -> bool:
    views = sentence_views(doc, DocIndex.build(doc))
    drop_false_cues(views)
    return about_exchanges(views)


@pytest.mark.parametrize(("case", "text", "passes"), GATE, ids=[c for c, _, _ in GATE])
def test_early_gate(extractor, case, text, passes):
    doc = _doc_without_gate(extractor, text)
    assert may_be_about_exchanges(doc) is passes
    gated = extractor.nlp(extractor._doc(Article(id="gate", text=text, published=PUBLISHED)))
    assert gated._.rejected is (not passes)
    if not passes:
        assert list(gated.spans["quantities"]) == [] and list(gated.spans["dates"]) == []
        assert gated._.records == []


@pytest.mark.parametrize("path", UNSEALED_CORPORA, ids=[p.parent.name for p in UNSEALED_CORPORA])
def test_gate_holds_wherever_the_article_speaks_of_exchanges(extractor, path: Path):
    """On every article of the corpora: `about_exchanges` implies the gate, and the records with the
    gate are the records without it."""
    nlp = extractor.nlp
    for article in read_articles(path):
        with nlp.select_pipes(disable=["exchange_gate"]):
            doc = nlp(extractor._doc(article))
            without = [r.model_dump(mode="json") for r in doc._.records]
        if _about_exchanges(doc):
            assert may_be_about_exchanges(doc), article.id
        assert [r.model_dump(mode="json") for r in nlp(extractor._doc(article))._.records] == without, article.id


@pytest.mark.parametrize("path", UNSEALED_CORPORA, ids=[p.parent.name for p in UNSEALED_CORPORA])
def test_no_part_of_a_record_where_the_article_speaks_of_no_exchange(extractor, path: Path):
    """`build_records` stops where `about_exchanges` is false (`normalise(..., talk_only=True)` gives
    None): on every article of the corpora, the whole normaliser finds no occasion, term or tally there."""
    from extractor.normalising.build import normalise

    nlp = extractor.nlp
    for article in read_articles(path):
        with nlp.select_pipes(disable=["exchange_gate", "exchange_records"]):
            doc = nlp(extractor._doc(article))
        if normalise(doc, published=article.published, talk_only=True) is not None:
            continue
        parts = normalise(doc, published=article.published)
        assert (parts.occasions, parts.terms, parts.tallies) == ([], [], []), article.id
