"""Stage table: the exchange gate (extractor/normalising/gate.py) on news that reports no exchange.

A record needs a transfer between two sides that governs the counted group. Casualty counts,
bodies recovered by troops or rescuers, people held or captured, pardons, amnesties, releases for
money or sanctions relief, studies of former prisoners, states exchanging lists, student
exchanges, markets and sport make no record. Every text here is invented.
"""

from __future__ import annotations

import pytest

from _stage import flow_row, normalised_and_records

from extractor.contract import PartialDate

PUBLISHED = PartialDate.parse("2024-03-15")

HARD_NEGATIVES = [
    ("swap_hoped_for_as_the_outcome_of_talks",
     "Armenia said it expected the Geneva talks to lead to a new exchange of prisoners soon."),
    ("talks_due_to_continue",
     "The round of talks between Sudan and the RSF that is due to continue on Friday follows a week of shelling "
     "in Darfur."),
    ("idea_of_a_swap_floated",
     "Sudan floated the idea of an all-for-all prisoner exchange with the RSF back in 2023, but the RSF refused."),
    ("joint_statement_released",
     "Armenia and Azerbaijan last week released a joint statement on a possible exchange of prisoners of war."),
    ("swap_called_for",
     "The Red Cross called for an all-for-all prisoner swap between Ethiopia and the TPLF on Monday."),
    ("ambush_and_exchanged_fire",
     "Rebels killed 37 soldiers in an ambush on Monday, the army said, days after the two sides exchanged "
     "heavy fire across the river."),
    ("killed_beside_near_daily_fire",
     "Four Lebanese farmers were killed in a strike on Tuesday in the border area where the two armies have "
     "exchanged near-daily fire since January."),
    ("casualty_toll",
     "More than 55,000 soldiers have been killed since the war began, the ministry said on Sunday."),
    ("rescuers_recover_from_rubble",
     "Rescuers recovered the bodies of 14 miners from the rubble of the collapsed shaft on Tuesday."),
    ("troops_recover_remains",
     "Colombian troops recovered the remains of 9 soldiers from a jungle camp after a raid on the ELN."),
    ("army_retrieves_bodies_from_tunnel",
     "Army commandos retrieved the bodies of two kidnapped aid workers from a tunnel in the Sahel, the "
     "defence ministry said on Friday."),
    ("own_army_returns_named_remains",
     "The Colombian army said on Monday that it had returned the bodies of Sergeant Ruiz and Corporal Peña to "
     "Colombia after a search in the jungle."),
    ("special_forces_rescue",
     "Special forces rescued four kidnapped engineers from a compound in the Niger delta in an overnight "
     "operation."),
    ("hospital_received_bodies",
     "The hospital received 23 bodies and dozens of wounded after the shelling, a doctor said."),
    ("holding_troops",
     "The rebels say they are holding 400 government troops."),
    ("captured_fighters",
     "The army said it had captured at least 600 enemy fighters during the offensive."),
    ("hostages_remain",
     "About 130 hostages remain in captivity in Gaza, the army said on Monday."),
    ("pardon_and_tally_of_pardons",
     "The president pardoned 42 political prisoners on Independence Day; rights groups say 150 have been "
     "pardoned this year."),
    ("amnesty_with_total",
     "An amnesty announced on Sunday freed 2,300 inmates from overcrowded jails. With this release, the "
     "government has granted amnesty to a total of 19,400 people since 2010."),
    ("released_for_sanctions_relief",
     "Minsk freed 40 jailed political prisoners on Monday in exchange for the lifting of sanctions on its "
     "potash exports."),
    ("released_for_embargo_easing",
     "The junta released 12 detained journalists in return for the easing of an oil embargo."),
    ("released_for_ransom",
     "The gunmen released 11 abducted pupils in exchange for a ransom of $50,000, police said."),
    ("state_frees_own_prisoners",
     "Belarus released 18 political prisoners on Tuesday, the opposition said, as Minsk seeks to mend ties with "
     "the West."),
    ("bail",
     "The court released 17 protesters on bail on Wednesday."),
    ("study_of_released_soldiers",
     "A study based on interviews with 50 released soldiers found high rates of trauma."),
    ("lists_of_prisoners",
     "Greece and Turkey exchanged lists of 230 detained fishermen on Monday, as they do twice a year."),
    ("student_exchange",
     "Two hundred students from Kenya will take part in an exchange programme with Japanese universities."),
    ("stock_exchange",
     "Shares of the mining group fell 4% on the Johannesburg stock exchange after it swapped 300 million "
     "shares with a rival."),
    ("football_swap",
     "The two clubs agreed to swap strikers in a deal worth 40 million euros."),
    ("currency_swap",
     "The central bank agreed a currency swap of 5 billion yuan with Beijing."),
    ("police_shootout",
     "Police exchanged gunfire with three suspects, killing one, before arresting two others in a house in "
     "Lagos."),
    ("barricaded_home",
     "A man suspected of shooting two police officers died after he barricaded himself in a farm home on "
     "Thursday."),
    ("exchange_fund",
     "The commander said the offensive aimed to fill an exchange fund of enemy prisoners of war."),
    ("migrants_found",
     "Border guards found the remains of 11 migrants in a truck near the frontier."),
    ("football_trade",
     "The club traded two defenders to a rival in a swap deal worth 12 million pounds."),
    ("police_raid",
     "Police freed 12 kidnapped children in a raid on a farm near the capital."),
    ("sentences_served",
     "The prison released 400 inmates who had completed their sentences."),
    ("jailbreak",
     "Some 120 prisoners escaped from a jail in the north after an attack by gunmen on Saturday."),
    # no swap: a deportation flight sends nationals home, an amnesty frees prisoners on both sides of a border
    ("deportation_flight",
     "Germany handed 28 Afghans to Afghanistan on a charter flight from Leipzig on Tuesday."),
    ("nationals_returned_home_by_a_non_party",
     "Italy returned 45 Tunisians to Tunisia on Monday after their boat was stopped at sea."),
    ("amnesties_in_two_states",
     "Both countries released 40 prisoners each on Monday under holiday amnesties."),
    ("losses_each",
     "Sudan and the RSF each lost 40 fighters in the clashes on Monday, the monitors said."),
    ("talks_may_lead_to_a_swap",
     "Colombia's peace envoy met ELN negotiators in Havana on Tuesday. He said Bogota expected the talks to lead "
     "to a new prisoner exchange with the rebels soon."),
    ("workers_seized_for_a_demand",
     "Gunmen seize 11 workers at a copper mine; the group demands the release of its jailed fighters."),
    # bodies recovered by troops and "handed to their families": relatives are no side
    ("recovered_and_handed_to_families",
     "SRINAGAR, Sept 3 \u2014 Two Indian soldiers were killed and three wounded when enemy troops opened fire on forward posts in the Poonch sector on Thursday, prompting Indian troops to retaliate, army officials said.\n\nThe exchange of fire lasted about three hours. Pakistan's military said one of its soldiers had been killed and accused India of an unprovoked attack.\n\nSeparately, security forces recovered the bodies of three insurgents after a gunfight in Baramulla district, police said, and handed them to their families for burial under local arrangements.\n\nThe two armies agreed in 2021 to observe a ceasefire along the de facto border in Kashmir, but violations have increased since May."),
]


def _records(extractor, text: str) -> tuple:
    return normalised_and_records(extractor, text, doc_id="stage-negatives", published=PUBLISHED)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in HARD_NEGATIVES])
def test_no_exchange_news_makes_no_record(extractor, text):
    parts, records = _records(extractor, text)
    assert not parts.occasions and not parts.terms and not parts.tallies
    assert records == []


# figures in articles about a real swap that are no handover: (id, text, figure (value, min, max))
NOT_HANDED_OVER = [
    ("on_board",
     "Armenia and Azerbaijan swapped 12 prisoners each on Monday. Baku said 31 Armenian prisoners of war were "
     "on board the helicopter that crashed last week.", (31, 31, 31)),
    ("capturing",
     "Sudan and the RSF swapped 40 prisoners each on Monday. The army reported capturing at least 300 RSF "
     "fighters during the offensive.", (None, 300, None)),
    ("killed_by_attackers",
     "Hamas freed 6 hostages on Sunday. The hostages were among 200 taken on the day when 900 gunmen killed "
     "700 civilians.", (700, 700, 700)),
    ("attackers_acting",
     "Hamas freed 6 hostages on Sunday. The hostages were among 200 taken on the day when 900 gunmen stormed "
     "the border.", (900, 900, 900)),
    ("potential_swap",
     "The Houthis freed 20 Saudi prisoners on Friday. The sides have also been discussing a potential swap "
     "involving 900 Houthi prisoners and 500 government prisoners.", (900, 900, 900)),
    ("unilateral_initiative",
     "The Houthis and the government swapped 30 prisoners each in May. On Friday the coalition flew 70 Houthi "
     "prisoners to Sanaa as part of a unilateral initiative.", (70, 70, 70)),
    ("age_bound_after_the_noun",
     "Armenia and Azerbaijan swapped 25 prisoners each on Monday; under the deal, soldiers under 21 were to "
     "be handed over first.", (None, None, 20)),
    ("children_over_an_age",
     "Ukraine received 40 civilians from Russia on Friday in the swap; children over 14 travelled with their "
     "mothers.", (None, 15, None)),
    ("speaking_officer_is_no_person_freed",
     "Sudan released 80 RSF fighters in a prisoner exchange on Monday, a statement from Major General Idris "
     "Kamal, a spokesman for the army, said.", (1, 1, 1)),
    ("same_figure_as_a_release_outside_the_deal",
     "Ethiopia freed 65 TPLF fighters on Friday. Officials said the release of the 65 took place outside the "
     "deal under which the sides had swapped 30 prisoners each in May.", (65, 65, 65)),
    ("same_figure_as_a_unilateral_initiative",
     "Sudan hands 70 RSF prisoners to the Red Cross. The army flew the 70 RSF prisoners to Nyala on Friday as "
     "part of a humanitarian initiative, the ministry said.", (70, 70, 70)),
    ("still_held",
     "Hamas freed 4 hostages on Saturday in exchange for 120 Palestinian prisoners. About 90 hostages remain "
     "in Gaza.", (90, 90, 90)),
]


def _figures(records: list[dict]) -> set:
    """(value, min, max) of every flow, term and tally flow."""
    flows = [f for r in records for f in (r.get("flows") or r.get("terms") or [r.get("flow")]) if f]
    return {flow_row(f)[3:] for f in flows}


@pytest.mark.parametrize("text, figure", [pytest.param(t, f, id=i) for i, t, f in NOT_HANDED_OVER])
def test_figure_that_is_no_handover_makes_no_flow(extractor, text, figure):
    _, records = _records(extractor, text)
    assert figure not in _figures(records)


# the gate must not close on real handovers worded like the negatives above
STILL_HANDOVERS = [
    ("handed_to_commission",
     "The ELN freed six hostages on Tuesday and handed them to a humanitarian commission that included the ICRC."),
    ("exchanged_through_icrc",
     "The Ethiopian army and the TPLF exchanged 300 prisoners of war through the ICRC on Monday."),
    ("swapped_in_an_operation",
     "Syrian rebels and the government swapped 25 detainees in an operation overseen by the ICRC on Sunday."),
    ("recovered_in_repatriation",
     "Ukraine recovered the bodies of 500 soldiers in a repatriation operation on Friday."),
    ("remains_found_then_handed_over",
     "Azerbaijan handed over the remains of 14 Armenian soldiers found in Karabakh to Armenia on Monday."),
    ("troops_hand_over_bodies",
     "Russian troops handed over 50 bodies of Ukrainian soldiers to Ukraine."),
    ("armed_forces_return_counted_soldiers",
     "The Armed Forces of Ukraine returned 95 soldiers to Ukraine on Friday after the swap with Russia."),
    ("people_for_people_unknown_group",
     "Militants released 82 schoolgirls in exchange for five jailed commanders, the government said."),
    ("released_and_received",
     "The RSF said it released 120 army prisoners as a humanitarian initiative and received 88 of its fighters."),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in STILL_HANDOVERS])
def test_handover_still_makes_a_record(extractor, text):
    _, records = _records(extractor, text)
    assert any(r["type"] == "exchange" for r in records)
