"""Counts stage (extractor/normalising/counts.py): which figures are flows and how they add up.

Each case is an invented text (other states, figures and wording than any article the rules were
tuned on) with the exchange flows it must give, as (from, to, category, count) where count is the
value, or the lower bound of an "over" figure. The patterns are those of the error analysis:
C1 extra groups summed, C2 breakdowns replacing their total, C3 totals against per-side figures,
O4 subsets that are no flows, X2 the choice among several figures for one flow.
"""

from __future__ import annotations

from collections import Counter

import pytest

from extractor.contract import Article, PartialDate

PUBLISHED = PartialDate(year=2025, month=3, day=5)

CASES = [
    # --- C1: groups introduced as extra are summed into the flow of their direction
    ("c1_in_addition_onto_each",
     "Sudan and the RSF released 120 fighters each on Monday. In addition, the army handed over 14 seriously ill "
     "RSF detainees.",
     [("SDN", "RSF", "pows", 134), ("RSF", "SDN", "pows", 120)]),
    ("c1_separately_another_same_sentence",
     "On Monday Yerevan freed 40 Azerbaijani servicemen and, separately, another 6 wounded Azerbaijani soldiers, "
     "while Baku freed 40 Armenian soldiers.",
     [("ARM", "AZE", "pows", 46), ("AZE", "ARM", "pows", 40)]),
    ("c1_also_goodwill",
     "Ethiopia and the TPLF each freed 30 soldiers on Monday, the Red Cross said, and Ethiopia also freed 7 "
     "severely wounded fighters as a gesture of goodwill.",
     [("ETH", "TPLF", "pows", 37), ("TPLF", "ETH", "pows", 30)]),
    ("c1_also_handed_over_named_again",
     "India and Pakistan exchanged 65 prisoners of war each on Tuesday. Pakistan also handed over 9 wounded "
     "Indian soldiers. The 9 soldiers were taken to a military hospital.",
     [("IND", "PAK", "pows", 65), ("PAK", "IND", "pows", 74)]),
    ("c1_an_additional_across_sentences",
     "Armenia and Azerbaijan swapped 52 prisoners of war each on Friday. An additional 5 injured Armenian "
     "soldiers were freed by Azerbaijan as a humanitarian gesture.",
     [("ARM", "AZE", "pows", 52), ("AZE", "ARM", "pows", 57)]),
    ("c1_plus",
     "On Thursday Azerbaijan handed over 80 Armenian prisoners of war plus 12 wounded Armenian servicemen.",
     [("AZE", "ARM", "pows", 92)]),
    ("c1_as_well_as",
     "Ethiopia released 44 TPLF fighters as well as 6 wounded TPLF fighters on Sunday in a prisoner exchange.",
     [("ETH", "TPLF", "pows", 50)]),
    ("c1_extra_onto_a_hedged_figure_from_its_own_source",
     "Sudan and the RSF exchanged more than 200 prisoners of war each on Monday. The RSF said it had released "
     "212 soldiers plus 15 wounded soldiers.",
     [("SDN", "RSF", "pows", 201), ("RSF", "SDN", "pows", 227)]),
    ("c1_wounded_group_in_a_while_clause",
     "On Sunday Armenia received 64 of its soldiers, while 9 seriously wounded Armenian servicemen were "
     "transferred from Azerbaijan for treatment.",
     [("AZE", "ARM", "pows", 73)]),
    ("c1_wounded_group_in_the_next_sentence",
     "Sudan and the RSF exchanged 140 prisoners of war each on Tuesday. The RSF said it released 12 injured "
     "Sudanese soldiers.",
     [("SDN", "RSF", "pows", 140), ("RSF", "SDN", "pows", 152)]),
    ("c1_wounded_extra_on_a_formula_told_just_before",
     "Armenia and Azerbaijan will carry out a 60-for-60 prisoner swap on Friday. In addition, Azerbaijan "
     "pledged to hand over 4 badly wounded Armenian soldiers.",
     [("AZE", "ARM", "pows", 64), ("ARM", "AZE", "pows", 60)]),
    ("c1_wounded_already_in_the_total",
     "Ethiopia said 120 soldiers came home from TPLF captivity on Monday: 105 in the agreed swap and an "
     "additional 15 under a separate deal. The TPLF said the 15 wounded Ethiopian soldiers were flown out "
     "first.",
     [("TPLF", "ETH", "pows", 120)]),
    ("c1_not_summed_when_included",
     "Azerbaijan handed 77 soldiers to Armenia on Monday, including 12 wounded.",
     [("AZE", "ARM", "pows", 77)]),
    ("c1_not_summed_of_whom",
     "Azerbaijan freed 90 Armenian prisoners of war on Monday, of whom 15 were wounded.",
     [("AZE", "ARM", "pows", 90)]),
    # --- C2: a breakdown replaces its total; civilians are a flow of their own, in the total's direction
    ("c2_dash_list",
     "Armenia and Azerbaijan completed a swap on Monday: 70 people returned to Yerevan - 62 soldiers and "
     "8 civilians.",
     [("AZE", "ARM", "pows", 62), ("AZE", "ARM", "civilians", 8)]),
    ("c2_part_of_another_category_held_by_a_group",
     "Sudan and the RSF completed a swap on Monday: 70 people returned to Khartoum - 62 soldiers and 8 civilians.",
     [("RSF", "SDN", "pows", 62), ("RSF", "SDN", "hostages", 8)]),
    ("c2_dash_list_from_phrase",
     "On Monday Armenia said 64 of its people had come home from Azerbaijan - 58 soldiers and 6 civilians.",
     [("AZE", "ARM", "pows", 58), ("AZE", "ARM", "civilians", 6)]),
    ("c2_colon_list_after_the_verb",
     "On Tuesday 140 Armenians were released by Azerbaijan in a prisoner exchange: 125 servicemen and "
     "15 civilians.",
     [("AZE", "ARM", "pows", 125), ("AZE", "ARM", "civilians", 15)]),
    ("c2_em_dash_glued_to_a_word",
     "On Monday 80 Armenians were released by Azerbaijan—70 soldiers and 10 civilians.",
     [("AZE", "ARM", "pows", 70), ("AZE", "ARM", "civilians", 10)]),
    ("c2_of_them_civilians",
     "A total of 75 Armenians, nine of them civilians, were released by Azerbaijan on Monday.",
     [("AZE", "ARM", "pows", 66), ("AZE", "ARM", "civilians", 9)]),
    ("c2_among_them_in_a_sentence_with_no_transfer_word",
     "Azerbaijan handed 64 Armenian soldiers to Armenia on Monday. Among them were 9 civilians.",
     [("AZE", "ARM", "pows", 55), ("AZE", "ARM", "civilians", 9)]),
    ("c2_of_those_n_were_civilians",
     "Sudan freed 80 RSF detainees on Monday in a swap. Of those, 12 were civilians.",
     [("SDN", "RSF", "pows", 68), ("SDN", "RSF", "civilians", 12)]),
    ("c2_pool_category_names_the_count",
     "Armenia brought home 64 people from Azerbaijan on Monday. Among the freed civilians were six people, the "
     "ministry said.",
     [("AZE", "ARM", "pows", 58), ("AZE", "ARM", "civilians", 6)]),
    ("c2_civilians_of_an_occasion_told_with_no_figure",
     "Armenia brought home soldiers and civilians from Azerbaijani captivity on Monday in a prisoner exchange. The "
     "Armenian government said among those freed were five civilians.",
     [("AZE", "ARM", "civilians", 5), ("ARM", "AZE", "pows", None), ("AZE", "ARM", "pows", None),
      ("ARM", "AZE", "civilians", None)]),
    ("c2_civilians_among_a_counted_whole_stay_a_part",
     "Azerbaijan freed 40 Armenian soldiers on Monday in a swap. Among the Armenians released were two civilians.",
     [("AZE", "ARM", "pows", 38), ("AZE", "ARM", "civilians", 2)]),
    ("c2_wounded_of_them_refine_nothing",
     "Azerbaijan handed 64 Armenian soldiers to Armenia on Monday. Of them, 40 were wounded.",
     [("AZE", "ARM", "pows", 64)]),
    ("c2_among_an_unrelated_pool_is_no_part",
     "Azerbaijan handed 64 Armenian soldiers to Armenia on Monday. Among the issues discussed were 3 border "
     "crossings.",
     [("AZE", "ARM", "pows", 64)]),
    ("c2_included_in_a_later_sentence",
     "Azerbaijan freed 112 Armenian soldiers on Monday. The 112 freed detainees included 12 civilians, the "
     "ministry said.",
     [("AZE", "ARM", "pows", 100), ("AZE", "ARM", "civilians", 12)]),
    ("c2_military_subgroups_summed_across_sentences",
     "Armenia said 96 of its people had been freed by Azerbaijan in the swap. 80 soldiers and sergeants, "
     "10 officers and 6 civilians returned home, the Armenian ministry said.",
     [("AZE", "ARM", "pows", 90), ("AZE", "ARM", "civilians", 6)]),
    ("c2_among_them_in_a_sentence_without_a_verb",
     "Azerbaijan released 60 Armenians on Monday in a prisoner swap. Among them were eight civilians, the "
     "Armenian ombudsman said.",
     [("AZE", "ARM", "pows", 52), ("AZE", "ARM", "civilians", 8)]),
    ("c3_reworded_every_is_each",
     "Sudan and the RSF said on Monday they had swapped 64 prisoners of conflict every, days after talks in "
     "Jeddah.",
     [("SDN", "RSF", "pows", 64), ("RSF", "SDN", "pows", 64)]),
    ("c3_every_week_is_no_each",
     "The RSF freed 40 prisoners every week during the truce, while Sudan swapped 20 RSF fighters on Monday.",
     [("RSF", "SDN", "pows", 40), ("SDN", "RSF", "pows", 20)]),
    ("c3_half_of_the_total_told_without_each",
     "Armenia and Azerbaijan swapped 64 prisoners on Monday. Azerbaijan said it had exchanged 32 prisoners of war "
     "with Armenia. Yerevan received 32 soldiers, the prime minister said.",
     [("ARM", "AZE", "pows", 32), ("AZE", "ARM", "pows", 32)]),
    ("c1_along_with_completes_a_list_of_names",
     "Iran freed five Americans in the swap on Monday: Emad Shargi, Morad Tahbaz and Siamak Namazi, along with two "
     "Americans who were not named, landed in Doha the next day.",
     [("IRN", "USA", "prisoners", 5)]),
    ("c1_along_with_after_no_names_adds",
     "Iran freed five Americans in the swap on Monday, along with two Americans held for spying.",
     [("IRN", "USA", "prisoners", 7)]),
    # --- C3: totals against per-side figures
    ("c3_total_beside_each_side",
     "On Monday Sudan and the RSF carried out a large swap, freeing 300 detainees, with each side handing over "
     "150 prisoners.",
     [("SDN", "RSF", "pows", 150), ("RSF", "SDN", "pows", 150)]),
    ("c3_in_total_has_no_sides",
     "On Monday Sudan and the RSF swapped 88 prisoners in total.",
     [(None, None, "pows", 88)]),
    ("c3_exchange_of_n_has_no_sides",
     "India and Pakistan carried out an exchange of 240 prisoners of war on Thursday.",
     [(None, None, "pows", 240)]),
    ("c3_the_same_number",
     "In a prisoner swap on Monday, the Taliban freed 10 American prisoners and the United States released the "
     "same number of Afghans.",
     # published after the Taliban took power: the group stands for its state (direction.governing_group)
     [("AFG", "USA", "prisoners", 10), ("USA", "AFG", "prisoners", 10)]),
    ("c3_both_rivals_released_a_total",
     "It was the largest swap since the Sudanese army and its rivals, the RSF paramilitaries, released 400 "
     "detainees in March.",
     [(None, None, "pows", 400)]),
    ("c3_the_same_number_goes_the_other_way",
     "Baku said on Monday that Armenia brought back 35 of its soldiers, and that Azerbaijan got the same number "
     "of Armenian soldiers in return.",
     [("AZE", "ARM", "pows", 35), ("ARM", "AZE", "pows", 35)]),
    ("c3_each_does_not_spread_to_the_next_group",
     "On Monday Armenia and Azerbaijan traded 40 prisoners, handing over 20 each, and 3 wounded Armenians were "
     "also returned.",
     [("ARM", "AZE", "pows", 20), ("AZE", "ARM", "pows", 23)]),
    ("c3_each_over_a_bare_and",
     "Ethiopia and the TPLF each returned 35 prisoners of war and 4 civilians on Saturday.",
     [("ETH", "TPLF", "pows", 35), ("TPLF", "ETH", "pows", 35), ("ETH", "TPLF", "civilians", 4),
      ("TPLF", "ETH", "civilians", 4)]),
    ("c3_headline_total_is_no_flow",
     "Ethiopia, TPLF swap 60 soldiers. Ethiopia and the TPLF each freed 30 soldiers on Wednesday, the Red Cross "
     "said.",
     [("ETH", "TPLF", "pows", 30), ("TPLF", "ETH", "pows", 30)]),
    ("c3_each_governs_the_whole_before_its_parts",
     "Sudan and the RSF swapped prisoners on Friday: 200 people, including 40 civilians, were released by each "
     "side.",
     [("SDN", "RSF", "pows", 160), ("RSF", "SDN", "pows", 160), ("SDN", "RSF", "civilians", 40),
      ("RSF", "SDN", "civilians", 40)]),
    ("c3_both_nationalities_make_a_total",
     "Close to 300 Armenian and Azerbaijani prisoners were exchanged at the border on Monday.",
     [(None, None, "pows", 300)]),
    ("c3_one_for_one_names_the_kind_of_swap",
     "Armenia and Azerbaijan each freed 48 soldiers on Monday in what officials called a one-for-one swap.",
     [("ARM", "AZE", "pows", 48), ("AZE", "ARM", "pows", 48)]),
    # --- O4: subsets are neither flows nor occasions, and never replace the whole
    ("o4_n_of_the_m_released",
     "Sudan and the RSF swapped 70 prisoners of war each on Monday. Officials said 2 of the 70 released soldiers "
     "were women.",
     [("SDN", "RSF", "pows", 70), ("RSF", "SDN", "pows", 70)]),
    ("o4_among_those_released",
     "Azerbaijan freed 30 Armenian soldiers on Monday. Among the Armenians released were two journalists.",
     [("AZE", "ARM", "pows", 30)]),
    ("o4_of_the_n_freed",
     "Of the 48 fighters freed by Sudan on Monday, 11 were commanders.",
     [("SDN", "RSF", "pows", 48)]),
    ("o4_two_of_the_five_already_given",
     "Iran freed five American prisoners on Monday in exchange for five Iranians. Two of the five Iranians had "
     "landed in Doha by Tuesday.",
     [("IRN", "USA", "prisoners", 5), ("USA", "IRN", "prisoners", 5)]),
    ("o4_n_of_those_released",
     "Israel released 600 Palestinian prisoners in exchange for 4 Israeli hostages on Saturday. Some 210 of "
     "those released were serving life sentences.",
     [("ISR", "PSE", "prisoners", 600), ("HAMAS", "ISR", "hostages", 4)]),
    ("o4_first_batch_out_of_the_whole",
     "Hamas freed the first batch of 13 out of 20 hostages on Friday in exchange for 39 Palestinian prisoners.",
     [("HAMAS", "ISR", "hostages", 20), ("ISR", "PSE", "prisoners", 39)]),
    ("o4_among_the_n_released_were",
     "Armenia said 85 of its soldiers were freed by Azerbaijan on Monday. Among the 85 soldiers released on "
     "Monday were 9 officers.",
     [("AZE", "ARM", "pows", 85)]),
    ("o4_a_part_named_again",
     "Azerbaijan freed 90 Armenian prisoners of war on Monday; of the 90 returned, 12 were officers. Yerevan "
     "had insisted that the 12 officers be handed over first.",
     [("AZE", "ARM", "pows", 90)]),
    # people named by who they are (not as civilians) inside a figure of prisoners or hostages are held as it is
    ("o4_children_among_prisoners_are_prisoners",
     "Israel freed 64 Palestinian prisoners on Tuesday, including 11 children, under the truce deal.",
     [("ISR", "PSE", "prisoners", 64)]),
    ("o4_children_among_hostages_told_next",
     "Al-Shabaab freed 12 Kenyan hostages on Sunday. Among them were four children.",
     [("AL_SHABAAB", "KEN", "hostages", 12)]),
    ("o4_civilians_among_prisoners_are_still_their_own_flow",
     "The RSF released 70 prisoners on Monday, including 12 civilians.",
     [("RSF", "SDN", "pows", 58), ("RSF", "SDN", "civilians", 12)]),
    # "N of those ..." after people already counted: a share of them, whatever befalls it
    ("o4_n_of_those_is_a_share",
     "Azerbaijan handed over 30 Armenian soldiers on Friday. Nine of those wounded will be flown to Yerevan.",
     [("AZE", "ARM", "pows", 30)]),
    ("o4_n_of_those_held_is_no_share",
     "On Monday Armenia freed 12 Azerbaijani soldiers, and 5 of those held in Baku were returned to Armenia.",
     [("ARM", "AZE", "pows", 12), ("AZE", "ARM", "pows", 5)]),
    # --- X2: one figure per flow
    ("x2_precise_beats_rounded",
     "Azerbaijan and Armenia exchanged about 100 prisoners of war each on Monday. The Armenian ministry said 104 "
     "Armenian servicemen came home from Azerbaijan.",
     [("ARM", "AZE", "pows", 100), ("AZE", "ARM", "pows", 104)]),
    ("x2_own_voice_beats_a_quote",
     'Sudan and the RSF swapped 75 prisoners of war each on Monday. "We brought home 78 of our soldiers," an '
     "army spokesman said.",
     [("SDN", "RSF", "pows", 75), ("RSF", "SDN", "pows", 75)]),
    ("x2_precise_beats_a_round_figure",
     "Azerbaijan freed 300 Armenian prisoners in a swap on Monday. The ministry said 296 Armenian soldiers "
     "were handed to Armenia on Monday.",
     [("AZE", "ARM", "pows", 296)]),
    # a mutual release with 'each' and no swap word; a nationals' handover with no people word
    ("mutual_release_each_without_a_swap_word",
     "Ethiopia and the TPLF released 35 prisoners each on Saturday.",
     [("ETH", "TPLF", "pows", 35), ("TPLF", "ETH", "pows", 35)]),
    ("demonym_plural_handed_to_its_state",
     "Azerbaijan handed 64 Armenians to Armenia.",
     [("AZE", "ARM", "pows", 64)]),
    # K1: the military noun of another figure does not make "citizens" soldiers
    ("citizens_across_a_pivot_from_soldiers",
     "In exchange for 40 Armenian citizens held in Baku, Armenia freed 38 Azerbaijani soldiers on Monday.",
     [("AZE", "ARM", "civilians", 40), ("ARM", "AZE", "pows", 38)]),
    ("citizens_coordinated_with_soldiers_are_mixed",
     "On Monday Armenia freed 50 soldiers and six Azerbaijani citizens held in Yerevan in a prisoner swap with "
     "Azerbaijan.",
     [("ARM", "AZE", "pows", 56)]),
    ("x2_else_the_first_given",
     "Azerbaijan handed 48 Armenian soldiers to Armenia on Monday, the ministry said. Armenia's ombudsman said "
     "50 soldiers had come home from Azerbaijan.",
     [("AZE", "ARM", "pows", 48)]),
    # a rate of a deal ("15 bodies for the remains of each hostage") is no count of a handover
    ("ratio_for_the_remains_of_each",
     "Hezbollah handed over the remains of two soldiers on Thursday and Israel returned the bodies of 24 fighters. "
     "Under the deal, Israel returns the bodies of 12 fighters for the remains of each soldier.",
     [("HEZBOLLAH", "ISR", "bodies", 2), ("ISR", "HEZBOLLAH", "bodies", 24)]),
    # count.exchange_size: the operation's size named by a swap noun and a link word is a total with no sides
    ("c3_operation_to_transfer",
     "The ICRC began an operation to transfer about 600 detainees between Sudan's army and the RSF on Monday, in a "
     "swap agreed last month.",
     [(None, None, "pows", 600)]),
    # L4: the names of those to be freed in the coming handover count it; members named after their group
    ("l4_names_of_those_to_be_freed",
     "Hezbollah on Monday handed Egyptian mediators the names of four Israeli captives it will release on Wednesday, "
     "and Israel said it would free 60 Lebanese prisoners in return.",
     [("HEZBOLLAH", "ISR", "hostages", 4), ("ISR", "LBN", "prisoners", 60)]),
    ("l4_members_of_the_group",
     "The ELN freed four kidnapped soldiers on Tuesday in a swap, and the Colombian government released five jailed "
     "ELN members in return.",
     [("COL", "ELN", "prisoners", 5), ("ELN", "COL", "hostages", 4)]),
    # C1 contrast: "a further N" with a time of its own is another release, not an extra group
    ("c1_further_group_with_its_own_time",
     "The Polisario Front freed 150 Moroccan soldiers in March 2003 and a further 200 in the same year.",
     [("POLISARIO", "MAR", "pows", 150)]),
    ("c1_another_group_same_day_still_added",
     "Azerbaijan freed 40 Armenian soldiers on Monday, and another 6 wounded Armenian soldiers were also handed over.",
     [("AZE", "ARM", "pows", 46)]),
    ("l4_members_of_the_rebel_alliance",
     "The ICRC said it had flown 30 Congolese soldiers freed by the M23 to Kinshasa on Friday, and 25 members of the "
     "rebel alliance freed by Kinshasa in the opposite direction.",
     [("COD", "M23", "pows", 25), ("M23", "COD", "pows", 30)]),
    # G5: figures coordinated by nationality adjective share the one person noun after the last of them
    ("g5_shared_noun_two_figures",
     "On Saturday the Red Cross oversaw the return of 140 Armenian and 95 Azerbaijani prisoners of war across the "
     "border.",
     [("AZE", "ARM", "pows", 140), ("ARM", "AZE", "pows", 95)]),
    ("g5_shared_noun_after_a_colon",
     "Georgia and Russia swapped detainees on Monday: 12 Georgian and 9 Russian soldiers were handed over at the "
     "checkpoint.",
     [("RUS", "GEO", "pows", 12), ("GEO", "RUS", "pows", 9)]),
    ("g5_shared_noun_equal_figures",
     "Ukraine and Russia exchanged 150 Ukrainian and 150 Russian soldiers on Friday.",
     [("RUS", "UKR", "pows", 150), ("UKR", "RUS", "pows", 150)]),
    ("g5_shared_noun_and_its_about",
     "Roughly 900 Indian and 610 Pakistani prisoners of war were sent home on Monday, the Red Cross said.",
     [("PAK", "IND", "pows", 900), ("IND", "PAK", "pows", 610)]),
    # G6: members (elements, personnel) of a state's armed force are its soldiers; fighters of a group are its own
    # (the fighters a state frees in a dyad that is no war between forces are its prisoners: category.jailed_by_state)
    ("g6_members_of_the_demonym_army",
     "In a prisoner swap, the M23 freed 40 members of the Congolese army on Monday, and Kinshasa released 25 members "
     "of the M23 in return.",
     [("M23", "COD", "pows", 40), ("COD", "M23", "pows", 25)]),
    ("g6_members_of_the_demonym_armed_forces",
     "The Houthis handed over 18 members of the Saudi armed forces on Sunday in exchange for 60 Houthi prisoners.",
     [("HOUTHIS", "SAU", "pows", 18), ("SAU", "HOUTHIS", "pows", 60)]),
    ("g6_personnel_of_a_force_acronym",
     "In a prisoner exchange on Friday, the TPLF released 70 personnel of the ENDF and Addis Ababa freed 35 TPLF "
     "fighters.",
     [("TPLF", "ETH", "pows", 70), ("ETH", "TPLF", "pows", 35)]),
    ("g6_elements_of_a_force_acronym",
     "Mali and the JNIM swapped prisoners on Monday: 31 elements of the FAMa were released by the group in exchange "
     "for 12 fighters detained in Bamako.",
     [("JNIM", "MLI", "pows", 31), ("MLI", "JNIM", "prisoners", 12)]),
    ("g6_members_of_a_states_armed_forces",
     "The Kachin Independence Army freed 14 members of Myanmar's armed forces in exchange for 9 KIA fighters held by "
     "the junta on Saturday.",
     [("KIA", "MMR", "pows", 14), ("MMR", "KIA", "pows", 9)]),
    ("g6_fighters_of_the_group_held_by_the_state",
     "Sudan and the RSF swapped prisoners on Sunday, when the army freed 30 fighters of the RSF held in Port Sudan "
     "and the RSF released 44 Sudanese soldiers.",
     [("SDN", "RSF", "pows", 30), ("RSF", "SDN", "pows", 44)]),
    # G7: coffins and caskets count the dead inside them; boxes only when the remains are named after them and
    # have no figure of their own
    ("g7_coffins_holding_the_remains",
     "At the crossing, the Houthis handed over two black coffins holding the remains of Saudi soldiers captured in "
     "2019, and Saudi Arabia freed six Houthi prisoners in exchange.",
     [("HOUTHIS", "SAU", "bodies", 2), ("SAU", "HOUTHIS", "pows", 6)]),
    ("g7_caskets_with_the_bodies",
     "Under the swap, Armenia received 14 caskets with the bodies of its soldiers from Azerbaijan on Friday, and "
     "returned the remains of 3 Azerbaijani servicemen.",
     [("AZE", "ARM", "bodies", 14), ("ARM", "AZE", "bodies", 3)]),
    ("g7_bare_coffins",
     "Russia handed 300 coffins to Ukraine on Friday and received 45 bodies of Russian soldiers in return.",
     [("RUS", "UKR", "bodies", 300), ("UKR", "RUS", "bodies", 45)]),
    ("g7_boxes_whose_remains_have_a_figure",
     "North Korea handed over 55 boxes thought to contain the remains of about 60 American servicemen on Wednesday.",
     [("PRK", "USA", "bodies", 60)]),
    # group.state_forces: "junta soldiers" are the state side of a state-versus-group war
    ("g8_junta_soldiers_with_a_held_in_place",
     "The Arakan Army freed 23 junta soldiers captured in Rakhine in exchange for 17 of its fighters held in Sittwe "
     "prison, the group said on Tuesday.",
     [("AA", "MMR", "pows", 23), ("MMR", "AA", "pows", 17)]),
    ("g8_junta_troops_and_the_military",
     "The TNLA released 31 junta troops in a prisoner swap on Monday and the military freed 12 TNLA fighters.",
     [("TNLA", "MMR", "pows", 31), ("MMR", "TNLA", "pows", 12)]),
    # count.per_occasion: "each night", "each round" after a figure: a figure for every occasion, not per side
    ("per_occasion_each_night",
     "The PKK released 6 Turkish soldiers on Thursday and Turkey freed 20 prisoners each night of the ceasefire.",
     [("PKK", "TUR", "pows", 6), ("TUR", "PKK", "prisoners", 20)]),
    ("per_occasion_each_day",
     "The ELN handed 7 hostages to a church commission on Saturday, and Colombia freed 15 ELN prisoners each day "
     "of the truce.",
     [("ELN", "COL", "hostages", 7), ("COL", "ELN", "prisoners", 15)]),
    ("per_occasion_each_week",
     "Under the truce M23 hands 9 Congolese soldiers to the ICRC each week; on Friday Congo freed 14 M23 fighters.",
     [("M23", "COD", "pows", 9), ("COD", "M23", "pows", 14)]),
    ("per_occasion_each_day_of_the_swap",
     "On Sunday the Houthis freed 16 Saudi soldiers and Saudi Arabia released 48 prisoners each day of the swap.",
     [("HOUTHIS", "SAU", "pows", 16), ("SAU", "HOUTHIS", "pows", 48)]),
    ("c3_exchange_involving",
     "Ethiopia and the TPLF carried out a swap on Monday, part of an exchange involving some 340 prisoners.",
     [(None, None, "pows", 340)]),
    # --- C4: "as many" / "an equal number" / "the same number" (no "of"): the whole figure told just before
    ("c4_as_many_with_a_demonym",
     "On Friday Armenia freed 40 Azerbaijani soldiers, and Azerbaijan handed back as many Armenian servicemen.",
     [("ARM", "AZE", "pows", 40), ("AZE", "ARM", "pows", 40)]),
    ("c4_an_equal_number_in_return",
     "Ethiopia freed 60 Eritrean soldiers on Monday and received an equal number in return.",
     [("ETH", "ERI", "pows", 60), ("ERI", "ETH", "pows", 60)]),
    ("c4_as_many_of_its_own",
     "Sudan freed 48 RSF fighters on Saturday, and the RSF released as many of its prisoners in return.",
     [("SDN", "RSF", "pows", 48), ("RSF", "SDN", "pows", 48)]),
    ("c4_as_many_repeats_the_whole_not_its_last_part",
     "Today, 64 Armenians came home from Azerbaijan: 58 soldiers of the army, the border troops and the police, "
     "and six civilians. In return, Azerbaijan received as many of its servicemen.",
     [("AZE", "ARM", "pows", 58), ("AZE", "ARM", "civilians", 6), ("ARM", "AZE", "pows", 64)]),
    ("c4_the_same_number_past_a_breakdown_and_a_remark",
     "Mediated by Qatar, 58 Armenian soldiers were returned to Armenia from Azerbaijan on Monday. Among them were "
     "50 conscripts and 8 officers. Several had been held for two years. Azerbaijan received the same number of "
     "its servicemen.",
     [("AZE", "ARM", "pows", 58), ("ARM", "AZE", "pows", 58)]),
    ("c4_the_same_number_too_far_back_is_no_repeat",
     "Sudan freed 40 RSF fighters on Monday. The talks had lasted weeks. Mediators met in Jeddah. Aid convoys "
     "reached Darfur. The RSF said it had released the same number of soldiers.",
     [("SDN", "RSF", "pows", 40)]),
    ("c4_twice_as_many_is_no_repeat",
     "Azerbaijan freed 30 Armenian soldiers on Monday, twice as many as Armenia freed.",
     [("AZE", "ARM", "pows", 30)]),
    ("c4_as_many_as_possible_is_no_repeat",
     "Ukraine received 90 soldiers from Russia on Sunday and hopes to bring home as many prisoners as possible.",
     [("RUS", "UKR", "pows", 90)]),
    ("c4_as_many_of_them_as_it_can_is_no_repeat",
     "Armenia freed 14 Azerbaijani soldiers on Friday and said it would free as many of the others as it could.",
     [("ARM", "AZE", "pows", 14)]),
    ("c4_remains_then_a_clause_of_living_people",
     "Ukraine received the bodies of 50 soldiers, and 22 Ukrainians were freed from Russian captivity on Monday.",
     [("RUS", "UKR", "bodies", 50), ("RUS", "UKR", "pows", 22)]),
    ("c4_things_of_a_state_counted_beside_its_soldiers",
     "Russia handed over 12 Ukrainian helicopters and 30 Ukrainian soldiers to Ukraine on Monday in a swap for 30 "
     "Russian servicemen.",
     [("RUS", "UKR", "pows", 30), ("UKR", "RUS", "pows", 30)]),
    # --- C5: an appositive list after a comma that adds up to the figure is its breakdown
    ("c5_appositive_remains_by_nationality_stay_one_flow",
     "On Monday Sudan handed over the bodies of 30 people, 24 Eritreans and six Ethiopians, to the RSF.",
     [("SDN", "RSF", "bodies", 30)]),
    ("c5_appositive_remains_parts_of_any_kind_are_remains",
     "On Thursday the RSF handed back the bodies of 26 people, 19 Sudanese soldiers and seven Chadians, to the "
     "army.",
     [("RSF", "SDN", "bodies", 26)]),
    ("c5_appositive_hostages_by_nationality",
     "The ELN freed 31 hostages, 20 Colombians and 11 Venezuelans, on Monday.",
     [("ELN", "COL", "hostages", 20), ("ELN", "VEN", "hostages", 11)]),
    ("c5_appositive_people_by_kind",
     "On Monday Ukraine returned 100 people, 60 soldiers and 40 civilians, to Russia in a swap.",
     [("UKR", "RUS", "pows", 60), ("UKR", "RUS", "civilians", 40)]),
    ("c5_a_list_of_kinds_that_happens_to_add_up_is_no_breakdown",
     "On Monday Armenia handed 50 soldiers, 30 civilians and 20 bodies to Azerbaijan.",
     [("ARM", "AZE", "pows", 50), ("ARM", "AZE", "civilians", 30), ("ARM", "AZE", "bodies", 20)]),
    # --- C6: "the remains of A and B": both figures are remains, handed to the same side, one flow
    ("c6_remains_of_two_nationalities_one_flow",
     "Armenia handed over the bodies of 12 Azerbaijani soldiers and three Iranian citizens on Friday.",
     [("ARM", "AZE", "bodies", 15)]),
    ("c6_remains_of_border_guards_and_nationals",
     "On Tuesday Kyrgyzstan returned the remains of 7 Tajik border guards and 2 Uzbek nationals to Tajikistan.",
     [("KGZ", "TJK", "bodies", 9)]),
    # --- C7: a list of nationals after a colon, closed by lone nationals ("a Pole and a Czech"), breaks the figure
    # down by state, also when the whole has no receiver of its own
    ("c7_agents_by_nationality_with_two_lone_nationals",
     "In return Belgium freed four agents it had convicted of spying: two Russians, a Belarusian and a Kazakh.",
     [("BEL", "RUS", "prisoners", 2), ("BEL", "BLR", "prisoners", 1), ("BEL", "KAZ", "prisoners", 1)]),
    ("c7_hostages_by_nationality_two_lone_nationals",
     "The ELN freed seven hostages on Monday: five Colombians, a Spaniard and an Italian.",
     [("ELN", "COL", "hostages", 5), ("ELN", "ESP", "hostages", 1), ("ELN", "ITA", "hostages", 1)]),
    # --- C8: a live report told in timestamped entries, then the day's total: the total that is exactly the sum of
    # the flow's earlier figures is its count (count.sum_of_increments), never a total marked as extra ("4 more")
    ("c8_live_entries_then_the_day_total",
     "Live updates: Armenia and Azerbaijan exchange prisoners\n\n10:05 Azerbaijan has handed 14 Armenian soldiers "
     "to Armenia at the border, the ICRC said.\n\n11:40 Armenia has handed 9 Azerbaijani soldiers to Azerbaijan."
     "\n\n13:10 Azerbaijan has handed 16 more Armenian soldiers to Armenia.\n\n18:00 The swap is complete: "
     "Azerbaijan handed 30 Armenian soldiers to Armenia and Armenia handed 9 Azerbaijani soldiers to Azerbaijan.",
     [("AZE", "ARM", "pows", 30), ("ARM", "AZE", "pows", 9)]),
    ("c8_live_entries_both_ways",
     "Live: Ethiopia and TPLF swap prisoners\n\n09:00 The TPLF has freed 12 Ethiopian soldiers at Mekelle, the "
     "ICRC said.\n\n10:30 Ethiopia has freed 20 TPLF fighters at Alamata.\n\n12:15 The TPLF has freed 18 more "
     "Ethiopian soldiers.\n\n14:00 Ethiopia has freed 15 more TPLF fighters, a spokesman said.\n\n17:30 The "
     "exchange is complete: the TPLF freed 30 Ethiopian soldiers and Ethiopia freed 35 TPLF fighters.",
     [("TPLF", "ETH", "pows", 30), ("ETH", "TPLF", "pows", 35)]),
    ("c8_a_later_figure_marked_more_is_no_total",
     "Hamas handed over the remains of three hostages to the Red Cross on Tuesday, the army said. Israel later "
     "returned the bodies of 45 Palestinians to Gaza. The three hostages were named by their families. The army said "
     "the remains of six more hostages were still believed to be in Gaza and that it would not stop until they were "
     "returned.",
     [("HAMAS", "ISR", "bodies", 3), ("ISR", "PSE", "bodies", 45)]),
    # --- C9: a breakdown by giver ("41 from Azerbaijan and 2 from Georgia"): a part from another side than the
    # whole's giver is a flow of its own to the whole's receiver, the rest stays with the whole's giver
    ("c9_breakdown_by_giver_after_a_colon",
     "Armenia received 43 sets of remains on Friday: 41 from Azerbaijan and 2 from Georgia.",
     [("AZE", "ARM", "bodies", 41), ("GEO", "ARM", "bodies", 2)]),
    ("c9_breakdown_by_giver_groups",
     "Sudan got back 75 soldiers on Monday: 60 from the RSF and 15 from Chad.",
     [("RSF", "SDN", "pows", 60), ("TCD", "SDN", "pows", 15)]),
    ("c9_breakdown_by_giver_after_a_dash",
     "Ukraine received 120 bodies on Thursday - 100 from Russia and 20 from Belarus.",
     [("RUS", "UKR", "bodies", 100), ("BLR", "UKR", "bodies", 20)]),
    ("c9_places_are_no_givers",
     "Ukraine received 120 bodies on Thursday, 70 from the Donetsk region and 50 from Kharkiv.",
     [("RUS", "UKR", "bodies", 120)]),
    # --- C10: a breakdown told after the figure's date, and an "of them" list that goes on after its first part
    ("c10_appositive_after_the_date",
     "The RSF freed 64 people on Monday, 50 soldiers and 14 civilians, the army said.",
     [("RSF", "SDN", "pows", 50), ("RSF", "SDN", "civilians", 14)]),
    ("c10_of_them_list_goes_on",
     "Azerbaijan handed over 30 prisoners on Monday, 25 of them soldiers and five civilians.",
     [("AZE", "ARM", "pows", 25), ("AZE", "ARM", "civilians", 5)]),
    ("c10_of_them_list_stops_at_a_new_clause",
     "Azerbaijan handed over 30 Armenians on Monday, 25 of them soldiers, and Armenia freed 12 Azerbaijanis.",
     [("AZE", "ARM", "pows", 30), ("ARM", "AZE", "pows", 12)]),
    ("c10_of_whom_list_of_three",
     "Ethiopia freed 40 Eritreans on Sunday, 30 of whom soldiers, 6 civilians and 4 farmers.",
     [("ETH", "ERI", "pows", 30), ("ETH", "ERI", "civilians", 10)]),
    # --- C11: people of a state named by their trade ("three Kenyan teachers", "a Chadian trader") in an appositive
    # list after a hostage figure: a breakdown by nationality (group.captive_object, group.one_national), and the
    # headline's figure of the same giver, told again as the list's sum, is no flow of its own
    ("c11_hostages_by_nationality_named_by_trade",
     "Boko Haram freed six hostages on Sunday, four Nigerian farmers, a Chadian trader and a Cameroonian teacher, "
     "in exchange for 9 of its fighters.",
     [("BOKO_HARAM", "NGA", "hostages", 4), ("BOKO_HARAM", "TCD", "hostages", 1), ("BOKO_HARAM", "CMR", "hostages", 1),
      ("CMR", None, "pows", 9)]),
    ("c11_hostages_by_nationality_mixed_trades",
     "The ELN freed seven hostages on Monday, four Colombian nurses, two Spanish engineers and a Peruvian doctor, in "
     "exchange for 15 rebels.",
     [("ELN", "COL", "hostages", 4), ("ELN", "ESP", "hostages", 2), ("ELN", "PER", "hostages", 1),
      ("PER", None, "pows", 15)]),
    ("c11_headline_total_of_the_list_is_told_twice",
     "Al-Shabaab frees four hostages\n\nAl-Shabaab freed four hostages, two Ethiopian technicians, a Kenyan "
     "driver and a Ugandan teacher, on Tuesday.",
     [("AL_SHABAAB", "ETH", "hostages", 2), ("AL_SHABAAB", "KEN", "hostages", 1), ("AL_SHABAAB", "UGA", "hostages", 1)]),
    ("c11_trade_noun_after_a_demonym_freed",
     "Hamas freed 12 Thai farmhands and 3 Israeli hostages on Friday.",
     [("HAMAS", "THA", "hostages", 12), ("HAMAS", "ISR", "hostages", 3)]),
    # group.captive_object reads its nouns from the person-noun lexicon (person_nouns.jsonl), not from word
    # endings: "tankers", "trawlers" and "containers" end like "drivers" and count no one
    ("c11_lexicon_trade_counted",
     "JNIM freed three Algerian drivers and two Nigerien electricians on Sunday in exchange for 14 fighters held "
     "by Mali.",
     [("JNIM", "DZA", "hostages", 3), ("JNIM", "NER", "hostages", 2), ("MLI", "JNIM", "prisoners", 14)]),
    ("c11_lexicon_machines_ending_like_trades_are_no_people",
     "Ukraine handed over 6 Russian tankers and 20 Russian soldiers to Russia on Friday in exchange for 20 "
     "Ukrainian servicemen.",
     [("UKR", "RUS", "pows", 20), ("RUS", "UKR", "pows", 20)]),
    ("c11_lexicon_vessels_ending_like_trades_are_no_people",
     "Armenia handed over 3 Azerbaijani containers and 9 Azerbaijani soldiers on Monday in a swap for 9 "
     "Armenian servicemen.",
     [("ARM", "AZE", "pows", 9), ("AZE", "ARM", "pows", 9)]),
    ("c11_things_after_a_demonym_are_no_people",
     "Russia handed over 40 Ukrainian tanks and 12 Ukrainian soldiers to Ukraine on Monday.",
     [("RUS", "UKR", "pows", 12)]),
    # --- C12: the whole of a breakdown told again (a headline) stands for what is left once the parts are told
    ("c12_headline_whole_of_a_breakdown",
     "75 Armenians return home\n\nOn Tuesday 75 Armenians came home from Azerbaijan: 68 soldiers of the army and the "
     "border guard, and 7 civilians. In return, Azerbaijan received as many of its servicemen.",
     [("AZE", "ARM", "pows", 68), ("AZE", "ARM", "civilians", 7), ("ARM", "AZE", "pows", 75)]),
    ("c12_whole_told_again_in_a_later_sentence",
     "Sudan got back 50 people from the RSF on Monday: 41 soldiers and 9 civilians. The 50 Sudanese were flown to "
     "Port Sudan after their release by the RSF.",
     [("RSF", "SDN", "pows", 41), ("RSF", "SDN", "civilians", 9)]),
    ("c12_whole_told_again_with_its_direction",
     "Eritrea frees 60 Ethiopians\n\nOn Friday Eritrea freed 60 Ethiopians, 52 soldiers and 8 civilians, in a "
     "swap with Ethiopia.",
     [("ERI", "ETH", "pows", 52), ("ERI", "ETH", "civilians", 8)]),
]

# --- C13: a total the text says splits evenly ("one-for-one", "1-for-1", "evenly split", "divided equally") is
# half for each side (count.even_split); beside a per-side or directed figure the cue names only the kind of swap;
# an odd total, or "both sides" naming who speaks, stays a total with no sides
CASES += [
    ("c13_one_for_one_swap_of_a_total",
     "Peru and Ecuador carried out a one-for-one swap of 36 detained fishermen on Tuesday.",
     [("PER", "ECU", "prisoners", 18), ("ECU", "PER", "prisoners", 18)]),
    ("c13_one_for_one_in_another_clause",
     "The two navies traded captured sailors one for one at the maritime border on Tuesday: Peru and Ecuador "
     "exchanged 22 sailors in all.",
     [("PER", "ECU", "pows", 11), ("ECU", "PER", "pows", 11)]),
    ("c13_evenly_split",
     "Georgia and Russia completed a prisoner swap on Sunday. The 58 soldiers freed were evenly split between the "
     "two sides.",
     [("GEO", "RUS", "pows", 29), ("RUS", "GEO", "pows", 29)]),
    ("c13_divided_equally_in_the_next_sentence",
     "Georgia and Russia swapped 30 prisoners on Friday. The detainees were divided equally between the two sides, "
     "the ICRC said.",
     [("RUS", "GEO", "pows", 15), ("GEO", "RUS", "pows", 15)]),
    ("c13_one_for_one_with_an_extra_group",
     "Armenia and Azerbaijan carried out a 1-for-1 prisoner swap of 40 soldiers on Friday, and 3 wounded Armenians "
     "were also handed over.",
     [("ARM", "AZE", "pows", 20), ("AZE", "ARM", "pows", 23)]),
    ("c13_one_for_one_beside_each_names_the_swap",
     "Cambodia and Thailand exchanged 18 soldiers each on Thursday in what both called a one-for-one swap.",
     [("THA", "KHM", "pows", 18), ("KHM", "THA", "pows", 18)]),
    ("c13_one_for_one_beside_directed_figures",
     "Cambodia freed 12 Thai soldiers and Thailand freed 12 Cambodian soldiers on Thursday in a one-for-one swap.",
     [("KHM", "THA", "pows", 12), ("THA", "KHM", "pows", 12)]),
    ("c13_odd_total_stays_a_total",
     "Peru and Ecuador carried out a one-for-one swap of 35 prisoners on Tuesday.",
     [(None, None, "prisoners", 35)]),
    ("c13_officials_on_both_sides_said_is_no_each",
     "Chad and Sudan exchanged 60 prisoners of war on Wednesday, officials on both sides said.",
     [(None, None, "pows", 60)]),
    ("c13_according_to_both_sides_is_no_each",
     "Chad and Sudan exchanged 60 prisoners of war on Wednesday, according to officials on both sides.",
     [(None, None, "pows", 60)]),
    # --- C14: "another N" / "a further N" / "N more" handed over in a sentence of its own adds to the figure of its
    # flow told in that sentence or the one before (count.additional_across); told as a stage it stands alone
    ("c14_another_in_the_next_sentence",
     "Eritrea and Ethiopia swapped prisoners on Monday. Eritrea freed 40 Ethiopian soldiers at the border crossing. "
     "Another 9 Ethiopian soldiers were handed over at the same crossing that afternoon.",
     [("ERI", "ETH", "pows", 49), ("ETH", "ERI", "pows", None)]),
    ("c14_a_further_then_the_other_way",
     "Eritrea and Ethiopia swapped prisoners on Monday. Eritrea freed 40 Ethiopian soldiers at the border crossing. "
     "A further 9 Ethiopian soldiers were handed over at the same crossing that afternoon. Ethiopia released 30 "
     "Eritrean soldiers.",
     [("ERI", "ETH", "pows", 49), ("ETH", "ERI", "pows", 30)]),
    ("c14_live_entries_another_and_a_further",
     "Timeline: Eritrea and Ethiopia swap prisoners\n\n08:30 Eritrea has handed 20 Ethiopian soldiers to Ethiopia at "
     "the border.\n\n10:15 Eritrea has handed another 11 Ethiopian soldiers to Ethiopia.\n\n12:40 Eritrea has handed "
     "a further 4 Ethiopian soldiers to Ethiopia, the ICRC said.",
     [("ERI", "ETH", "pows", 35), ("ETH", "ERI", "pows", None)]),
    ("c14_live_entries_another_then_the_day_total",
     "Timeline: Eritrea and Ethiopia swap prisoners\n\n08:30 Eritrea has handed 20 Ethiopian soldiers to Ethiopia at "
     "the border.\n\n10:15 Eritrea has handed another 11 Ethiopian soldiers to Ethiopia.\n\n13:00 Eritrea has handed "
     "another 9 Ethiopian soldiers to Ethiopia.\n\n17:00 The handover is over: Eritrea handed 40 Ethiopian soldiers "
     "to Ethiopia, the ICRC said.",
     [("ERI", "ETH", "pows", 40), ("ETH", "ERI", "pows", None)]),
    ("c14_more_still_held_is_no_extra",
     "The ELN freed 6 soldiers on Monday in a swap for 10 rebels. The army said 3 more soldiers were still believed "
     "to be held in the mountains and it would not rest until they were returned.",
     [("ELN", "COL", "pows", 6), ("COL", "ELN", "prisoners", 10)]),
    ("c14_another_on_a_later_day_is_a_stage",
     "Ukraine and Russia swapped prisoners in a prisoner swap on Friday, when Russia freed 95 Ukrainian soldiers. On "
     "Saturday another 80 Ukrainian soldiers came home in the second stage of the swap.",
     [("RUS", "UKR", "pows", 95), ("RUS", "UKR", "pows", 80)]),
]

# --- C15: persons named in a list after a handover verb or as its subjects ("Sergeant A and Corporal B returned")
# count one each, per direction, when the text gives no figure (count.named_persons); a name after the list that
# starts a clause of its own, or a source, is no person handed over
CASES += [
    ("c15_named_subjects_of_a_homecoming",
     "In a prisoner swap on Wednesday, Sergeant Levan Beridze and Corporal Giorgi Kapanadze returned to Georgia from "
     "Russia.",
     [("RUS", "GEO", "pows", 2)]),
    ("c15_three_named_objects_of_receive",
     "In a prisoner swap on Wednesday, Georgia received Sergeant Levan Beridze, Corporal Giorgi Kapanadze and "
     "Corporal Nika Lomidze from Russia.",
     [("RUS", "GEO", "pows", 3)]),
    ("c15_named_by_trade_after_a_release_verb",
     "In a prisoner swap with Poland on Monday, Belarus freed journalist Jan Nowak and activist Piotr Zielinski.",
     [("BLR", "POL", "prisoners", 2)]),
    ("c15_one_name_per_side",
     "In a prisoner swap on Wednesday, Georgia received Sergeant Levan Beridze and Russia received Corporal Ivan "
     "Sokolov.",
     [("RUS", "GEO", "pows", 1), ("GEO", "RUS", "pows", 1)]),
    ("c15_a_source_after_the_name_is_no_person",
     "In a prisoner swap on Wednesday, Georgia received Sergeant Levan Beridze, Reuters reported.",
     [("RUS", "GEO", "pows", 1)]),
    ("c15_a_clause_after_the_name_is_no_person",
     "In a prisoner swap on Wednesday, Georgia received Sergeant Levan Beridze and Tbilisi thanked the ICRC.",
     [("RUS", "GEO", "pows", 1)]),
    # C11 with the whole told again in the headline: the receiver's own nationals, not the whole
    ("c11_headline_whole_of_own_nationals_and_foreigners",
     "The ELN frees five hostages in exchange for 12 rebels\n\nThe ELN freed five hostages, three Colombian nurses, a "
     "Peruvian engineer and a Colombian driver, on Monday in exchange for 12 of the group's fighters released from a "
     "prison in Cali.",
     [("ELN", "COL", "hostages", 4), ("ELN", "PER", "hostages", 1), ("COL", "ELN", "prisoners", 12)]),
]

# --- C16: breakdowns in parentheses or in the next sentence ("They were ...", a verbless list that adds up), and
# "a soldier each" (group.one_each)
CASES += [
    ("c16_breakdown_in_parentheses",
     "Chile and Peru swapped prisoners on Tuesday. Peru handed over 9 citizens of Chile (7 soldiers and 2 "
     "civilians), and Chile handed over 11 Peruvian soldiers.",
     [("PER", "CHL", "pows", 7), ("PER", "CHL", "civilians", 2), ("CHL", "PER", "pows", 11),
      ("CHL", "PER", "prisoners", None), ("PER", "CHL", "prisoners", None)]),
    ("c16_parentheses_that_do_not_add_up_are_no_breakdown",
     "Kenya and Somalia swapped prisoners on Monday: Somalia freed 30 Kenyan soldiers (12 of them officers) and "
     "Kenya freed 25 Somali soldiers.",
     [("SOM", "KEN", "pows", 30), ("KEN", "SOM", "pows", 25)]),
    ("c16_verbless_list_in_the_next_sentence_adds_up",
     "Georgia and Russia swapped prisoners on Tuesday, when Russia freed 95 Georgians. 80 soldiers and 15 "
     "civilians, the ministry said.",
     [("RUS", "GEO", "pows", 80), ("RUS", "GEO", "civilians", 15)]),
    ("c16_verbless_list_that_does_not_add_up_is_no_breakdown",
     "Georgia and Russia swapped prisoners on Tuesday, when Russia freed 95 Georgians. 80 soldiers and 14 "
     "civilians, the ministry said.",
     [("RUS", "GEO", "pows", 95)]),
    ("c16_they_were_opens_a_breakdown",
     "Georgia and Russia swapped prisoners on Tuesday, when Russia freed 95 Georgians. They were 80 soldiers and 15 "
     "civilians.",
     [("RUS", "GEO", "pows", 80), ("RUS", "GEO", "civilians", 15)]),
    ("c16_drawn_from_both_sides_is_a_total",
     "Some 75 prisoners of war from both sides were freed on Monday in a swap between Chad and Sudan.",
     [(None, None, "pows", 75)]),
    ("c16_from_each_side_is_per_side",
     "Chad and Sudan freed 75 prisoners of war from each side on Monday.",
     [("TCD", "SDN", "pows", 75), ("SDN", "TCD", "pows", 75)]),
    ("c16_each_side_freed_a_bare_figure",
     "Peru and Ecuador traded 14 detainees on Monday. Each side freed seven.",
     [("PER", "ECU", "prisoners", 7), ("ECU", "PER", "prisoners", 7)]),
    ("c16_each_governs_its_bare_figure_not_the_total",
     "Peru and Ecuador traded 14 detainees on Monday, and each side handed over seven at the bridge.",
     [("PER", "ECU", "prisoners", 7), ("ECU", "PER", "prisoners", 7)]),
    ("c16_each_other_is_no_per_side_figure",
     "Peru and Ecuador traded 14 detainees on Monday. Each side accused the other of holding seven.",
     [(None, None, "prisoners", 14)]),
    ("c16_a_soldier_each",
     "Chile and Peru today handed back a soldier each at the border crossing, an army spokesman said.",
     [("CHL", "PER", "pows", 1), ("PER", "CHL", "pows", 1)]),
    ("c16_a_soldier_each_day_is_no_each",
     "Chile and Peru swapped prisoners on Tuesday, when Peru freed 12 Chilean soldiers. During the truce Peru had "
     "released a soldier each day.",
     [("PER", "CHL", "pows", 12)]),
]

# --- C17: a total of both ways broken down by the nationals of its two sides (count.two_way_breakdown), and
# demonyms whose plural is the same word used as nouns (group.invariant_demonym)
CASES += [
    ("c17_two_way_total_broken_down_after_a_colon",
     "Chad and Sudan exchanged 520 prisoners of war on Monday: 300 Sudanese and 220 Chadians.",
     [("TCD", "SDN", "pows", 300), ("SDN", "TCD", "pows", 220)]),
    ("c17_two_way_total_broken_down_after_a_comma",
     "Peru and Ecuador swapped 61 detainees at the border on Friday, 40 Ecuadorians and 21 Peruvians.",
     [("PER", "ECU", "prisoners", 40), ("ECU", "PER", "prisoners", 21)]),
    ("c17_two_way_parts_joined_by_for",
     "Uzbekistan and Tajikistan exchanged 23 border guards on Sunday: 11 Uzbeks for 12 Tajiks.",
     [("TJK", "UZB", "pows", 11), ("UZB", "TJK", "pows", 12)]),
    # the two sides of a state-versus-group war break a two-way total down too: the group's members and the
    # state's soldiers
    ("c17_two_way_total_of_a_group_and_a_state",
     "The army and the M23 exchanged 95 prisoners on Sunday: 52 M23 fighters and 43 Congolese soldiers.",
     [("COD", "M23", "pows", 52), ("M23", "COD", "pows", 43)]),
    ("c17_two_way_total_of_group_members_and_government_soldiers",
     "The Houthis and the Yemeni government swapped 130 prisoners on Friday, 75 Houthis and 55 government soldiers.",
     [("YEM", "HOUTHIS", "pows", 75), ("HOUTHIS", "YEM", "pows", 55)]),
    ("c17_one_giver_with_parts_of_two_other_states_is_no_two_way_total",
     "The RSF freed 52 hostages on Monday: 30 Kenyans and 22 Ugandans.",
     [("RSF", "KEN", "hostages", 30), ("RSF", "UGA", "hostages", 22)]),
    ("c17_members_of_an_unnamed_force",
     "The ELN freed 23 members of the security forces on Friday in exchange for 11 jailed guerrillas.",
     [("ELN", "COL", "pows", 23), ("COL", "ELN", "prisoners", 11)]),
    ("c17_members_of_an_unnamed_force_killed_is_no_group",
     "The ELN said 23 members of the security forces were killed on Friday.",
     []),
    ("c17_the_first_figure_of_a_deal_told_before",
     "Armenia and Azerbaijan agreed to return 300 bodies each. The first 44 were handed over to Armenia on Friday.",
     [("AZE", "ARM", "bodies", 44), ("ARM", "AZE", "bodies", 300), ("AZE", "ARM", "bodies", 300)]),
    ("c17_the_first_figure_with_no_transfer_is_no_group",
     "Armenia and Azerbaijan agreed to return 300 bodies each. The first 44 of them lie in a cemetery near Agdam.",
     [("ARM", "AZE", "bodies", 300), ("AZE", "ARM", "bodies", 300)]),
    ("c17_figures_going_the_other_way_are_no_breakdown",
     "In the swap, 40 Tajik border guards returned home, the ministry said. Kyrgyzstan received 36 of its soldiers and "
     "4 civilians.",
     [("KGZ", "TJK", "pows", 40), ("TJK", "KGZ", "pows", 36), ("TJK", "KGZ", "civilians", 4)]),
    ("c17_invariant_demonym_as_a_noun",
     "Israel freed seven Lebanese on Monday in exchange for the bodies of two soldiers held by Hezbollah.",
     [("ISR", "LBN", "prisoners", 7), ("HEZBOLLAH", "ISR", "bodies", 2)]),
    # count.batches: "<ordinal> of N" after a word of batches, adding up to the figure before them, are its parts
    ("c18_batches_add_up_to_the_whole",
     "On Monday Hamas handed over 12 Israeli hostages to the Red Cross in two batches, the first of five in Rafah and "
     "the second of seven in Gaza City. Israel freed 600 Palestinian prisoners in return.",
     [("HAMAS", "ISR", "hostages", 12), ("ISR", "PSE", "prisoners", 600)]),
    ("c17_invariant_demonym_as_an_adjective",
     "Sudan released 14 Chinese workers and 9 Sudanese soldiers held by the RSF were freed in return on Monday.",
     [("SDN", "CHN", "civilians", 14), ("RSF", "SDN", "pows", 9)]),
    # --- C19: two counted groups joined by 'and' under one 'each' are both per side, summed in one category
    # (count.joined_under_each)
    ("c19_pair_under_each_of_one_category",
     "Ethiopia and Eritrea freed 30 soldiers and 10 officers each on Monday.",
     [("ETH", "ERI", "pows", 40), ("ERI", "ETH", "pows", 40)]),
    ("c19_pair_under_each_past_a_two_word_noun",
     "India and Pakistan exchanged prisoners on Tuesday, handing over 14 civilian prisoners and 36 fishermen each.",
     [("IND", "PAK", "prisoners", 50), ("PAK", "IND", "prisoners", 50)]),
    ("c19_pair_under_each_of_two_categories_stays_apart",
     "Armenia and Azerbaijan freed 12 soldiers and 5 civilians each on Monday.",
     [("ARM", "AZE", "pows", 12), ("AZE", "ARM", "pows", 12), ("ARM", "AZE", "civilians", 5),
      ("AZE", "ARM", "civilians", 5)]),
    ("c19_a_group_with_its_own_verb_is_not_under_the_each",
     "Ethiopia and Eritrea freed 30 soldiers each on Monday. Ethiopia also handed 10 officers to Eritrea.",
     [("ETH", "ERI", "pows", 40), ("ERI", "ETH", "pows", 30)]),
    # --- C20: a figure with no side twice a per-side figure is their total (count.total_of_per_side)
    ("c20_total_and_per_side_with_no_side_named",
     "A total of 270 detainees were exchanged on Monday, 135 from each side, the Red Cross said.",
     [(None, None, "prisoners", 135), (None, None, "prisoners", 135)]),
    ("c20_total_and_per_side_of_pows",
     "The two sides exchanged 180 prisoners of war on Saturday, 90 from each side.",
     [(None, None, "pows", 90), (None, None, "pows", 90)]),
    ("c20_a_figure_not_twice_the_per_side_one_stays",
     "A total of 280 detainees were exchanged on Monday, 135 from each side, the Red Cross said.",
     [(None, None, "prisoners", 280), (None, None, "prisoners", 135)]),
    ("c20_a_figure_of_another_category_stays",
     "Armenia and Azerbaijan exchanged 25 soldiers each on Monday, and 36 civilians were freed on Monday.",
     [("ARM", "AZE", "pows", 25), ("AZE", "ARM", "pows", 25), (None, None, "civilians", 36)]),
    # --- C21: a per-side figure one side's share of which the sentence tells in figures that add up to it
    # (count.per_side_broken_down)
    ("c21_one_side_breaks_its_share_down",
     "Sudan's army and the RSF exchanged 26 prisoners each on Sunday, with the RSF freeing 19 soldiers and 7 "
     "civilians.",
     [("SDN", "RSF", "pows", 26), ("RSF", "SDN", "pows", 19), ("RSF", "SDN", "hostages", 7)]),
    ("c21_one_side_breaks_its_share_down_after_a_semicolon",
     "Armenia and Azerbaijan swapped 31 prisoners each on Monday; Baku freed 25 soldiers and 6 civilians.",
     [("ARM", "AZE", "pows", 31), ("AZE", "ARM", "pows", 25), ("AZE", "ARM", "civilians", 6)]),
    ("c21_one_figure_of_the_side_is_no_breakdown",
     "Armenia and Azerbaijan swapped 31 prisoners each on Monday, with Baku freeing 31 soldiers.",
     [("ARM", "AZE", "pows", 31), ("AZE", "ARM", "pows", 31)]),
    ("c21_figures_that_do_not_add_up_are_no_breakdown",
     "Armenia and Azerbaijan swapped 31 prisoners each on Monday, with Baku freeing 25 soldiers and 9 civilians.",
     [("ARM", "AZE", "pows", 31), ("AZE", "ARM", "pows", 31), ("AZE", "ARM", "civilians", 9)]),
    # --- C22: a bare per-side figure set off by a comma after an uncounted swap of people (group.appended_per_side)
    ("c22_appended_per_side_figure",
     "Ethiopia and Eritrea exchanged prisoners of war on Friday, 64 on each side.",
     [("ETH", "ERI", "pows", 64), ("ERI", "ETH", "pows", 64)]),
    ("c22_appended_per_side_figure_of_remains",
     "Armenia and Azerbaijan swapped the remains of fallen soldiers on Tuesday, 18 from each side.",
     [("ARM", "AZE", "bodies", 18), ("AZE", "ARM", "bodies", 18)]),
    ("c22_an_appended_figure_of_years_is_no_people",
     "Ethiopia and Eritrea exchanged prisoners of war on Friday, 64 years after their first war.",
     [("ETH", "ERI", "pows", None), ("ERI", "ETH", "pows", None)]),
    # --- C18: plural demonyms of any ending count people (groups.plural_demonym_word); a release bought with a fine
    # is no handover (gate.ransom)
    ("c18_plural_demonyms_in_bs_and_rs",
     "Kosovo released 11 Serbs on Wednesday in exchange for eight Kosovars held by Serbia.",
     [("XKX", "SRB", "prisoners", 11), ("SRB", "XKX", "prisoners", 8)]),
    ("c18_plural_demonym_in_hs",
     "The Taliban freed three Czechs on Sunday in exchange for six Afghans held by the Czech Republic.",
     [("AFG", "CZE", "prisoners", 3), ("CZE", "AFG", "prisoners", 6)]),
    ("c18_plural_demonym_in_os_beside_one_in_ans",
     "The Abu Sayyaf group freed four Filipinos and two Malaysians on Friday in exchange for 9 of its fighters "
     "held by the Philippines.",
     [("ABU_SAYYAF", "PHL", "prisoners", 4), ("ABU_SAYYAF", "MYS", "prisoners", 2),
      ("PHL", "ABU_SAYYAF", "pows", 9)]),
    ("c18_released_after_a_fine_was_paid",
     "Indonesia and Malaysia exchanged 20 detainees each on Monday. Three Filipinos were released after their "
     "employer paid a fine.",
     [("IDN", "MYS", "prisoners", 20), ("MYS", "IDN", "prisoners", 20)]),
    ("c18_released_after_paying_fines_alone",
     "Nine Filipinos were released by Malaysia on Monday after paying fines for overstaying their visas.",
     []),
    ("c18_fine_with_no_payment_is_no_money",
     "Croatia freed 14 Serbs on a fine spring morning in exchange for 9 Croats held by Serbia.",
     [("HRV", "SRB", "prisoners", 14), ("SRB", "HRV", "prisoners", 9)]),
]

# --- C18: a figure with a demonym and 'ones' counts the noun told before it (group.demonym_ones)
CASES += [
    ("c18_demonym_ones_in_the_second_clause",
     "Eritrea handed over 45 Ethiopian soldiers on Tuesday, and Ethiopia released 60 Eritrean ones.",
     [("ERI", "ETH", "pows", 45), ("ETH", "ERI", "pows", 60)]),
    ("c18_demonym_ones_of_civilians",
     "Kyrgyzstan sent home 12 Tajik civilians on Monday, and Tajikistan returned 9 Kyrgyz ones.",
     [("KGZ", "TJK", "civilians", 12), ("TJK", "KGZ", "civilians", 9)]),
    # near miss: a figure of ones with no noun told before it counts no one
    ("c18_ones_with_no_noun_before_is_no_group",
     "Ethiopia said it had destroyed 60 Eritrean ones on Tuesday.",
     []),
]

XFAIL: dict[str, str] = {}


def _flows(records) -> Counter:
    out: Counter = Counter()
    for record in records:
        if record.type != "exchange":
            continue
        for flow in record.flows:
            count = flow.count
            value = None if count is None else (count.value if count.value is not None else count.min)
            out[(flow.from_, flow.to, flow.category, value)] += 1
    return out


def _params():
    for name, text, flows in CASES:
        marks = [pytest.mark.xfail(reason=XFAIL[name], strict=True)] if name in XFAIL else []
        yield pytest.param(text, flows, id=name, marks=marks)


def test_at_least_25_cases():
    assert len(CASES) >= 25
    assert len({name for name, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("text", "flows"), list(_params()))
def test_counts(extractor, text, flows):
    article = Article(id="counts-case", title="", text=text, published=PUBLISHED)
    assert _flows(extractor.extract(article)) == Counter(flows)


def test_spread_copies_have_lists_of_their_own(extractor):
    """count.per_occasion_spread: each day's copy of a figure per night owns its `people` and `rules` (a name
    added to one day's group must not appear on the others)."""
    from extractor.normalising.build import build_context, drop_false_cues, find_groups
    from extractor.normalising.sentences import DocIndex, sentence_views

    text = ("Hamas freed 11 hostages on Monday, 12 on Tuesday and 10 on Wednesday, and Israel freed 33 prisoners each "
            "night.")
    doc = extractor.nlp(extractor._doc(Article(id="spread", text=text, published=PUBLISHED)))
    views = sentence_views(doc, DocIndex.build(doc))
    drop_false_cues(views)
    spread = [g for g in find_groups(views, build_context(views)) if "count.per_occasion_spread" in g.rules]
    assert len(spread) == 3
    assert len({id(g.people) for g in spread}) == 3
    assert len({id(g.rules) for g in spread}) == 3
