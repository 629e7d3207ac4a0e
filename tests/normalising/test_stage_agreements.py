"""Stage table: agreement terms (extractor/normalising/agreements.py).

A figure a deal sets for future handovers is a term of an agreement, not a planned exchange:
"up to N on each side", hedged or very large figures under a deal, figures of a deal's phase. A
figure handed over on a stated day under a deal, or a staged swap under way ("over the next four
days"), is an exchange occasion. Every sentence here is invented.
"""

from __future__ import annotations

import pytest

from _stage import flow_row, normalised_and_records

from extractor.contract import PartialDate

PUBLISHED = PartialDate.parse("2024-03-15")


_flow = flow_row


def _run(extractor, text: str):
    return normalised_and_records(extractor, text, doc_id="stage-agreements", published=PUBLISHED)


def _terms(records: list[dict]) -> set[tuple]:
    return {_flow(f) for r in records if r["type"] == "agreement" for f in r["terms"]}


def _exchange_figures(records: list[dict]) -> set[tuple]:
    return {_flow(f)[3:] for r in records if r["type"] == "exchange" for f in r["flows"]}


A1 = ("cause A1: a weekday in the sentence that dates the deal itself ('signed in Muscat on Tuesday provides for') is "
      "read as the day of a handover, so the exact figures stay an exchange (agreement.deal_commits steps aside for "
      "a weekday)")

# (id, text, expected term figures (value, min, max), xfail reason or None)
TERMS = [
    ("up_to_each_side",
     "At talks in Geneva, Armenia and Azerbaijan agreed to return up to 800 bodies on each side.",
     [(None, None, 800)], None),
    ("up_to_from_each_side",
     "The agreement between Armenia and Azerbaijan foresees the exchange of up to 3,000 prisoners from each side.",
     [(None, None, 3000)], None),
    ("hedged_under_deal",
     "According to the deal agreed by Kyiv and Moscow, about 1,500 prisoners of war are to be freed in stages.",
     [(1500, None, None)], None),
    ("large_figure_agreed",
     "Yerevan and Baku agreed in Vienna to repatriate the bodies of some 9,000 soldiers.",
     [(9000, None, None)], None),
    ("deal_seeks_to",
     "The accord between Sudan and the RSF seeks to repatriate the bodies of some 7,500 dead fighters killed in the war.",
     [(7500, None, None)], None),
    ("agreed_at_least",
     "Sudan and the RSF agreed in Jeddah to free at least 400 detainees held by each side.",
     [(None, 400, None)], None),
    ("phase_of_the_deal",
     "The accord was signed on Monday. Hamas is to free 28 hostages in the first phase of the deal.",
     [(28, 28, 28)], None),
    ("phase_of_the_ceasefire",
     "Israel and Hamas swapped hostages for prisoners last year. Under the ceasefire, 600 Palestinian "
     "prisoners will be freed in the second phase of the truce.",
     [(600, 600, 600)], None),
    ("planned_over_thousand_agreed",
     "Kyiv and Moscow agreed to swap more than 5,000 prisoners under the new accord.",
     [(None, 5001, None)], None),
    ("calls_for_exact",
     "The truce text calls for Hezbollah to release 25 captives while Israel frees 75 detainees.",
     [(25, 25, 25), (75, 75, 75)], None),
    ("obliges_exact",
     "The accord obliges the ELN to hand back the remains of 6 soldiers.",
     [(6, 6, 6)], None),
    ("mediated_calls_for",
     "The ceasefire, brokered by Egypt, calls for 40 hostages to be freed by Hamas in return for 120 Palestinian "
     "prisoners.",
     [(40, 40, 40), (120, 120, 120)], None),
    ("requires_exact",
     "Egypt's mediators say the truce requires Hamas to free 40 hostages, with 120 Palestinian detainees "
     "released in return.",
     [(40, 40, 40), (120, 120, 120)], None),
    ("provides_for_dated_deal",
     "The deal reached by Israel and Hamas in Doha on 4 May provides for the release of 40 hostages in its "
     "first phase.",
     [(40, 40, 40)], None),
    ("stipulates_exact",
     "The accord stipulates that 60 Armenian detainees will be released in exchange for 20 Azerbaijani "
     "soldiers.",
     [(60, 60, 60), (20, 20, 20)], None),
    ("framework_provides",
     "The framework signed in Muscat on Tuesday provides for the Houthis to free 700 detainees and the "
     "Saudi-led coalition to release 180.",
     [(700, 700, 700), (180, 180, 180)], A1),
    # agreement.deal_commits: the deal itself binds the sides, or the sentence opens on its terms
    ("accord_committed_the_sides",
     "Sudan and South Sudan met in Addis Ababa in January. The accord they signed committed the two sides to "
     "release 640 prisoners of war.",
     [(640, 640, 640)], None),
    ("which_committed_them",
     "Peru and Ecuador signed a protocol in Brasilia on 2 March, which committed both governments to free 95 "
     "soldiers.",
     [(95, 95, 95)], None),
    ("deal_provides_for_release",
     "The deal reached by Colombia and the ELN in Havana provides for the release of 320 detainees.",
     [(320, 320, 320)], None),
    ("it_stipulates",
     "Ethiopia and the TPLF signed an accord in Nairobi. It stipulates that the TPLF frees 540 soldiers and "
     "Ethiopia releases 200 fighters.",
     [(540, 540, 540), (200, 200, 200)], None),
    # the deal as the antecedent of "under which"; agreement.swap_finished: the swap it led to told finished
    ("under_which_the_parties_committed_after_a_finished_swap",
     "The UN envoy welcomed the completion on Friday of the exchange of 940 detainees between the Houthis and the "
     "Yemeni government. The operation implements the accord signed by the two sides in Geneva in May, under which "
     "the parties committed to release 960 detainees.",
     [(960, 960, 960)], None),
    ("under_the_terms_each_side",
     "Peru and Ecuador signed a protocol in Brasilia. Under the terms, each side will free 75 soldiers "
     "captured in the Cenepa valley.",
     [(75, 75, 75)], None),
]


@pytest.mark.parametrize("text, figures", [
    pytest.param(t, f, id=i, marks=[pytest.mark.xfail(reason=x, strict=False)] if x else [])
    for i, t, f, x in TERMS])
def test_deal_figure_is_an_agreement_term(extractor, text, figures):
    parts, records = _run(extractor, text)
    staged = {(g.count.value, g.count.min, g.count.max) for g in parts.terms if g.count is not None}
    terms = {t[3:] for t in _terms(records)}
    for figure in figures:
        assert figure in staged and figure in terms
        assert figure not in _exchange_figures(records)


# (id, text, figure that is an exchange flow, not a term)
OCCASIONS = [
    ("handed_over_on_a_day_under_deal",
     "Hamas released 12 hostages on Friday under the terms of the truce.", (12, 12, 12)),
    ("freed_under_deal_past",
     "Under the deal, 45 prisoners of war were freed by Azerbaijan on Monday.", (45, 45, 45)),
    ("staged_over_next_days",
     "Under the four-day pause mediated by Qatar, Hamas has agreed to free some 40 hostages over the next "
     "four days.", (40, None, None)),
    ("over_the_course_of_truce",
     "Over the course of the truce, it is expected that Hamas will free at least 30 hostages.", (None, 30, None)),
    # near misses of agreement.deal_commits: a side commits, a handover done as the terms required, a weekday
    ("side_committed_to_release",
     "Hamas committed to release 30 hostages on Sunday in return for 90 Palestinian prisoners.", (30, 30, 30)),
    ("freed_as_the_terms_required",
     "The ELN freed 18 soldiers on Monday, as the accord signed in Havana required.", (18, 18, 18)),
    ("deal_figures_of_a_swap_under_way",
     "The ELN freed 12 soldiers on Friday, the first day of the pause. The pause agreement, brokered by Cuba, calls "
     "for the ELN to free 40 soldiers and for Colombia to release 90 rebels.", (40, 40, 40)),
    ("under_which_the_parties_committed_while_the_swap_goes_on",
     "The Houthis and the Yemeni government began a prisoner exchange on Friday, freeing 300 detainees. The operation "
     "implements the accord signed by the two sides in Geneva in May, under which the parties committed to release "
     "960 detainees.", (960, 960, 960)),
    # agreement.subject_past_verb: a past verb after its subject and a day, under a deal's phase; count.batches: the
    # batches of a handover told under a deal's phase are parts of it, no deal's figures
    ("subject_and_day_before_the_verb_under_a_phase",
     "The ELN on Monday freed 14 soldiers in Arauca under the first phase of the peace deal. Colombia released 30 "
     "rebels in return.", (14, 14, 14)),
    ("batches_under_a_phase",
     "Hamas yesterday handed over 12 Israeli hostages to the Red Cross in two batches, the first of five in Rafah and "
     "the second of seven in Gaza City, in implementation of the first phase of the agreement. Israel freed 600 "
     "Palestinian prisoners in return.", (12, 12, 12)),
    ("deal_provides_for_a_weekday",
     "The deal provides for the release of 33 hostages on Saturday in exchange for 150 prisoners.", (33, 33, 33)),
]


# near misses of agreement.deal_commits with no captives: a trade deal, a data accord, a ceasefire's other terms
NOT_CAPTIVES = [
    ("trade_accord_committed",
     "Kenya and Tanzania signed a trade agreement in Arusha. The accord committed the two sides to release 400 "
     "tonnes of maize from their reserves."),
    ("committed_to_release_the_data",
     "The two ministries signed a data-sharing accord on Monday. The accord committed both agencies to release "
     "the data on 300 hospitals."),
    ("ceasefire_without_captives",
     "Russia and Ukraine agreed a ceasefire on Tuesday. Among its terms: the withdrawal of heavy weapons 15 "
     "kilometres from the line and the opening of 4 crossings for civilians."),
    ("terms_heading_all_weapons",
     "Armenia and Azerbaijan signed a ceasefire accord in Moscow.\n\nAmong its terms:\n\nthe withdrawal of all heavy "
     "weapons from the line of contact."),
    ("accord_requires_all_records",
     "The two ministries signed an accord on Monday, which requires both agencies to release all records on "
     "hospitals."),
]


# agreement.uncounted_terms: a deal binding the sides to free all captives of a kind, no figure: uncounted terms,
# and no count-less handover read from that sentence
BOUND_WITHOUT_FIGURES = [
    ("among_its_terms_heading",
     "March 3 - Armenian and Azerbaijani generals sign a ceasefire accord in Sochi.\n\nAmong its terms:\n\nthe "
     "exchange of all prisoners of war once observers reach the valley.",
     {("ARM", "AZE", "pows"), ("AZE", "ARM", "pows")}),
    ("which_requires_all",
     "Ethiopia and the TPLF signed an accord in Nairobi last year, which requires both parties to release all "
     "prisoners of war without delay.",
     {("ETH", "TPLF", "pows"), ("TPLF", "ETH", "pows")}),
]


@pytest.mark.parametrize("text, terms", [pytest.param(t, k, id=i) for i, t, k in BOUND_WITHOUT_FIGURES])
def test_deal_binding_all_captives_has_uncounted_terms(extractor, text, terms):
    _, records = _run(extractor, text)
    agreements = [r for r in records if r["type"] == "agreement"]
    assert len(agreements) == 1 and "agreement.uncounted_terms" in agreements[0]["rules"]
    assert {t[:3] for t in _terms(records)} == terms
    assert not [r for r in records if r["type"] == "exchange" and all(f["count"] is None for f in r["flows"])]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NOT_CAPTIVES])
def test_deal_binding_no_captives_makes_no_record(extractor, text):
    _, records = _run(extractor, text)
    assert not [r for r in records if r["type"] in ("agreement", "exchange")]


@pytest.mark.parametrize("text, figure", [pytest.param(t, f, id=i) for i, t, f in OCCASIONS])
def test_handover_under_a_deal_is_an_exchange(extractor, text, figure):
    parts, records = _run(extractor, text)
    assert figure not in {t[3:] for t in _terms(records)}
    assert figure in _exchange_figures(records)


def test_agreement_terms_take_their_sides(extractor):
    _, records = _run(extractor, "At talks in Geneva, Armenia and Azerbaijan agreed to return up to 800 bodies "
                                 "on each side.")
    assert _terms(records) == {("ARM", "AZE", "bodies", None, None, 800), ("AZE", "ARM", "bodies", None, None, 800)}


# A2: a deal placed by talks, a place or a date, with no figure, is an agreement with uncounted terms
# per category; a deal referred to by a handover ("under the deal reached in Geneva") or one named
# swap ("agreed on a fresh prisoner swap") is not.
# (id, text, expected uncounted (from, to, category) terms, expected date (start, end) or None)
DEALS = [
    ("wounded_prisoners_agreed_at_talks",
     "At talks in Geneva last month, Armenia and Azerbaijan agreed to exchange all wounded prisoners of war.",
     {("ARM", "AZE", "pows"), ("AZE", "ARM", "pows")}, ("2024-02-01", "2024-02-29")),
    ("remains_agreed_on_a_day",
     "During talks in Jeddah on 2 March, Sudan and the RSF agreed to exchange the remains of fallen fighters.",
     {("SDN", "RSF", "bodies"), ("RSF", "SDN", "bodies")}, ("2024-03-02", "2024-03-02")),
    ("agreement_reached_on_corpses",
     "Yerevan and Baku reached agreement at their latest round of talks on a large-scale exchange of corpses.",
     {("ARM", "AZE", "bodies"), ("AZE", "ARM", "bodies")}, None),
    ("humanitarian_agreement_provides_for_the_young",
     "Ethiopia and the TPLF reached a humanitarian agreement during talks in Pretoria on 5 March, which provides "
     "for an exchange of seriously ill prisoners of war and soldiers under 20.",
     {("ETH", "TPLF", "pows"), ("TPLF", "ETH", "pows")}, ("2024-03-05", "2024-03-05")),
    ("new_exchanges_agreed",
     "The two sides met twice in Muscat and agreed on new exchanges of prisoners between Sudan and the RSF.",
     {("SDN", "RSF", "pows"), ("RSF", "SDN", "pows")}, None),
]
NO_DEALS = [
    ("handover_under_a_deal_reached",
     "Armenia received the remains of 12 soldiers from Azerbaijan under a deal reached at talks in Geneva."),
    ("in_the_frame_of_agreements",
     "On 2 March, in the frame of agreements reached in Geneva, Azerbaijan handed over bodies of fallen soldiers "
     "to Armenia."),
    ("one_named_swap_agreed",
     "Sudan and the RSF agreed on a fresh prisoner swap at talks in Jeddah, the US envoy said on Thursday."),
    ("failed_to_agree",
     "Sudan and the RSF failed to agree on an exchange of the wounded at talks in Jeddah on Monday."),
]


@pytest.mark.parametrize("text, terms, date", [pytest.param(t, k, d, id=i) for i, t, k, d in DEALS])
def test_deal_without_figures_is_an_agreement(extractor, text, terms, date):
    _, records = _run(extractor, text)
    agreements = [r for r in records if r["type"] == "agreement"]
    assert len(agreements) == 1
    assert {t[:3] for t in _terms(records)} == terms
    assert all(t[3:] == (None, None, None) for t in _terms(records))
    got = agreements[0]["date"]
    assert (None if got is None else (got["start"], got["end"])) == date
    assert "agreement.uncounted_deal" in agreements[0]["rules"]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NO_DEALS])
def test_deal_referred_to_or_one_swap_makes_no_agreement(extractor, text):
    _, records = _run(extractor, text)
    assert not [r for r in records if r["type"] == "agreement"]


# The day a deal was made: not the deadline of its terms (agreement.deal_day_not_deadline; "since the sides
# agreed in February" dates the deal), and one deal told twice (a headline and the body) is one agreement,
# dated where a date sits by 'agreed' (agreement.told_twice).
# (id, text, expected date (start, end) of the one agreement)
DEAL_DAYS = [
    ("deadline_after_the_month_agreed",
     "Armenia and Azerbaijan agreed in Vienna in January to return up to 900 bodies each by the end of the year.",
     ("2024-01-01", "2024-01-31")),
    ("deadline_before_a_day",
     "Sudan and the RSF agreed at talks in Jeddah last month to free up to 500 detainees each before 30 April.",
     ("2024-02-01", "2024-02-29")),
    ("since_the_sides_agreed",
     "Armenia received 40 bodies from Azerbaijan on Monday. It was the third handover since the sides agreed in "
     "Geneva in February to return up to 2,000 bodies each by the summer.",
     ("2024-02-01", "2024-02-29")),
    ("headline_with_a_phase_day",
     "Houthis and Yemen agree to free up to 1,500 detainees each; first phase on 2 April\n\nThe Houthis and "
     "Yemen's government agreed on Tuesday to free up to 1,500 detainees on each side, the UN said.",
     ("2024-03-12", "2024-03-12")),
    ("body_then_first_handover_day",
     "Sudan and the RSF agreed on Monday to swap up to 400 prisoners on each side. The deal for up to 400 "
     "prisoners on each side foresees a first handover on 28 March.",
     ("2024-03-11", "2024-03-11")),
    ("headline_with_a_start_day",
     "Armenia, Azerbaijan to return up to 650 bodies each from 1 April\n\nArmenia and Azerbaijan agreed in "
     "Geneva on 11 March to return up to 650 bodies on each side.",
     ("2024-03-11", "2024-03-11")),
    # agreement.made_in_an_earlier_sentence: terms of a deal named again take the day the deal was made, told before
    ("accord_signed_last_month",
     "Angola and UNITA freed the first prisoners on Tuesday under the peace accord signed in Lusaka last month. The "
     "Lusaka accord provides for the release of up to 800 prisoners on each side.", ("2024-02-01", "2024-02-29")),
    ("agreement_reached_in_january",
     "Colombia and the ELN released 12 prisoners on Sunday under the agreement reached in Havana in January. The "
     "Havana agreement provides for the release of up to 300 detainees on each side.", ("2024-01-01", "2024-01-31")),
    ("deal_struck_in_december",
     "Sudan and the RSF began a swap on Monday under a deal struck in Jeddah in December. The Jeddah deal provides "
     "for the release of up to 1,000 prisoners on each side.", ("2023-12-01", "2023-12-31")),
]


@pytest.mark.parametrize("text, date", [pytest.param(t, d, id=i) for i, t, d in DEAL_DAYS])
def test_deal_is_dated_the_day_it_was_made(extractor, text, date):
    _, records = _run(extractor, text)
    agreements = [r for r in records if r["type"] == "agreement"]
    assert len(agreements) == 1
    got = agreements[0]["date"]
    assert (None if got is None else (got["start"], got["end"])) == date


# agreement.day_of_the_handover: a hedged figure beside a deal, where the report names this very day as the
# handover's, is that day's occasion, not a term of the deal
# (id, text)
DAY_OF_THE_HANDOVER = [
    ("today_is_the_day_set_for",
     "Today is the day set for the prisoner swap agreed between Sudan and the RSF at talks in Jeddah last "
     "month. Around 200 detainees are expected to go home. The first plane carried 40 soldiers freed by "
     "the RSF to Port Sudan."),
    ("todays_swap_agreed_last_week",
     "Armenia and Azerbaijan agreed last week on today's prisoner swap. About 70 servicemen are expected "
     "to return home. The first group of 20 Armenian soldiers crossed at Ijevan at noon."),
    ("later_today_under_the_deal",
     "Under the deal agreed in Muscat, the Houthis and the government will swap prisoners later today. "
     "Some 150 detainees are expected to be flown out. The first ICRC plane left Sanaa with 35 government "
     "soldiers freed by the Houthis."),
    ("due_today_under_the_deal",
     "The exchange agreed by Ethiopia and the TPLF in Nairobi is due today. Roughly 120 prisoners are "
     "expected to be freed. By noon the TPLF had handed 45 federal soldiers to the ICRC."),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in DAY_OF_THE_HANDOVER])
def test_figure_of_the_day_of_the_handover_is_no_term(extractor, text):
    parts, records = _run(extractor, text)
    assert not parts.terms
    assert not [r for r in records if r["type"] == "agreement"]
