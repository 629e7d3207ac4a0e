"""Stage table: the exchange gate (extractor/normalising/gate.py) on news that reports no exchange.

A record needs a transfer between two sides that governs the counted group. Casualty counts,
bodies recovered by troops or rescuers, people held or captured, pardons, amnesties, releases for
money or sanctions relief, studies of former prisoners, states exchanging lists, student
exchanges, markets and sport make no record. Every text here is invented.
"""

from __future__ import annotations

import json

import pytest
from _stage import flow_row, normalised_and_records
from conftest import ROOT, read_articles

from extractor.contract import PartialDate
from extractor.normalising import gate, sides

PUBLISHED = PartialDate.parse("2024-03-15")

HARD_NEGATIVES = [
    # near misses of the one-way handovers to the other side (gate.handed_to_own_side, gate.freed_home,
    # gate.respective_releases, gate.released_between_sides): a state's own people, bail, a pardon, a fine, a term
    # served, an acquittal, migrants, deportation, extradition, people arrested by the other side
    ("own_citizens_on_bail_go_home", "Egypt released 30 Egyptian activists on bail on Monday, and they returned home "
                                     "to Cairo."),
    ("pardoned_fishermen_handed_to_their_officials",
     "The president pardoned 400 prisoners on Monday, among them 20 Indian fishermen who were handed over to Indian "
     "officials."),
    ("freed_for_a_fine", "A Karachi court freed 36 Indian fishermen after each paid a fine of 500 rupees."),
    ("term_served", "Tom Reyes walked free from a Texas prison on Tuesday after serving his 10-year term."),
    ("acquittal", "A court in Baku acquitted 14 Armenian men on Monday and ordered their release."),
    ("coastguard_returns_migrants", "The Greek coastguard returned 80 Turkish migrants to Turkey on Sunday."),
    ("deported_to_their_state", "Russia deported 28 Ukrainian citizens to Ukraine on Friday."),
    ("extradition", "Spain extradited two Russian hackers to the United States on Friday."),
    ("fishermen_arrested_by_the_other_side",
     "Pakistan arrested 36 Indian fishermen and handed them over to the police in Karachi."),
    ("fishermen_seized_by_the_other_side",
     "Pakistan's navy seized 36 Indian fishermen and their boats, and took them to Karachi, officials in India said."),
    ("plane_of_deportees", "A plane carrying 150 Venezuelan migrants returned by the United States landed in Caracas."),
    ("plane_after_a_court_release",
     "A plane carrying 150 Iraqi prisoners landed in Baghdad on Wednesday after a court in Kuwait freed them."),
    ("migrants_repatriated_between_no_dyad", "Libya repatriated 150 Nigerian migrants to Nigeria on Tuesday."),
    ("two_states_free_their_own_respectively",
     "Egypt and Jordan released 300 and 250 prisoners respectively to mark the holiday."),
    ("refugees_received_from_no_dyad", "Ukraine received 12 Ukrainian refugees from Poland on Friday."),
    ("moved_between_prisons", "The authorities moved 40 detainees between prisons in Sanaa and Aden on Monday."),
    # gate.members_handed near misses: members of no armed force or group; gate.bodies_for_nothing near miss: living
    # people freed for nothing are still a one-sided release
    # gate.recovery: remains recovered from a place where they lay, even by aid workers, were handed over by nobody
    ("red_crescent_recovers_bodies_from_the_streets",
     "Red Crescent volunteers recovered the bodies of 28 civilians and 9 soldiers from the streets of Kadugli on "
     "Monday after clashes between the army and the SPLM-N."),
    ("icrc_recovers_remains_from_the_rubble",
     "ICRC teams recovered the remains of 14 fighters from under the rubble in Marib on Tuesday after an air strike."),
    # gate.released_thing: "gave" with a thing given
    ("gave_assurances_about_captives",
     "The army gave assurances on Monday that 30 captured rebels held in Goma were safe and would be freed soon."),
    ("members_of_a_choir", "The festival released 14 members of the national choir from rehearsals in Lyon on Monday."),
    ("members_of_a_club_freed_from_fees", "The club freed 230 members from their fees after the vote on Monday."),
    ("living_soldiers_freed_for_nothing",
     "The rebels freed 14 Malian soldiers near Kidal on Sunday and asked nothing in return, a spokesman said."),
    # gate.studied: the people of a study, told by the swaps that freed them
    ("interviews_with_released_soldiers",
     "A study based on interviews with 64 Armenian soldiers released from Azerbaijani captivity in prisoner swaps "
     "found that most still suffer from nightmares, researchers in Yerevan said on Monday."),
    ("surveyed_former_hostages",
     "Psychologists in Bangkok surveyed 37 Thai farm workers freed by Hamas in exchange deals and found lasting "
     "anxiety in two of three, the university said."),
    ("testimonies_of_returned_pows",
     "The report draws on testimonies of 120 Ukrainian prisoners of war returned by Russia in exchanges since 2022, "
     "the UN monitoring mission said on Tuesday."),
    # gate.requested: a demand in a that-clause, with no 'to'
    ("demand_that_a_state_free",
     "Hamas released a video of two hostages on Monday and repeated its demand that Israel free 800 Palestinian "
     "prisoners before any of them are let go."),
    ("insisted_that_the_army_release",
     "The RSF insisted on Sunday that Sudan's army release 300 of its fighters before it hands over any soldiers."),
    ("demands_that_captives_be_exchanged",
     "The Houthis renewed their demands that the government free 500 detainees in exchange for the 40 soldiers "
     "they hold."),
    # gate.requested: a demand whose object is the handover noun ("demanded the release of"), with no 'to' or 'that'
    ("demanded_release_of",
     "The Taliban have demanded the release of 400 of their fighters held in Kabul; the government called the "
     "demand unacceptable."),
    ("demands_immediate_return",
     "In a statement on Monday, the ELN demands the immediate return of 35 guerrillas jailed in Bogota, but the army "
     "has refused any talks."),
    ("demanding_swift_release",
     "Al-Shabaab is demanding the swift release of 25 of its fighters held in Mogadishu, the group said in a video "
     "on Saturday."),
    # gate.requested: a handover verb refused with a negated modal right before it
    ("would_not_trade_counted",
     "Kenya said on Monday it would not trade the 20 militants it holds for the three abducted police officers."),
    ("will_never_free_counted",
     "Mali will never free 50 jailed jihadists in exchange for the two Italian hostages, its prime minister said on "
     "Friday."),
    ("would_not_swap_counted",
     "The Philippine army would not swap 15 captured rebels for the four kidnapped soldiers, a spokesman said."),
    # gate.only_on_terms: a handover a side would make only on the other side's terms is a bargaining position
    ("would_hand_back_only_if",
     "The Malian army said it would hand back 12 captured rebels only if the group first freed the two pilots it "
     "holds."),
    ("will_return_bodies_only_in_exchange_for",
     "Baku will return the bodies of 30 Armenian soldiers only in exchange for 4 Azerbaijani soldiers, a minister "
     "said on Monday."),
    ("would_release_only_once",
     "The militia would release eight border guards only once the government frees 40 of its fighters, its "
     "commander told a radio station in Benghazi."),
    ("demand_met_by_a_position",
     "Tajikistan demanded the release of 60 of its citizens held in Batken, while Kyrgyz officials said they would "
     "free 20 Tajiks only if Dushanbe returned 9 Kyrgyz border guards."),
    # a swap that talks are about is no occasion of its own (loose._hoped_for)
    ("talks_on_an_exchange",
     "Talks on a new exchange of hostages for prisoners remain stalled, Egyptian mediators said on Thursday."),
    ("negotiations_over_a_new_swap",
     "Negotiations over a new swap of hostages for prisoners are stalled, Qatar said on Wednesday."),
    ("negotiations_on_another_exchange",
     "Negotiations on another prisoner exchange between Russia and Ukraine are deadlocked, Turkish officials said."),
    # gate.one_sided_article: a ransom story whose only swap was demanded and refused
    ("ransom_with_a_refused_swap",
     "Eight Filipino sailors kidnapped off Cameroon last month were freed on Tuesday after their shipowner paid a "
     "ransom, the company said. The sailors, six Filipinos and two Ukrainians, were handed over to the navy in "
     "Douala. The gunmen had demanded the release of 40 jailed separatists in exchange for the crew, a demand the "
     "government rejected."),
    # gate.nothing_in_return: a clause that denies anything given in return
    ("no_prisoners_freed_in_return",
     "New People's Army guerrillas released three soldiers to a church mission on Friday; the army said no rebel "
     "prisoners were freed in return."),
    # gate.paid_for: a bare 'in return' after a clause that gives a thing; the headline's figure is that release
    ("sanctions_lifted_in_return",
     "Minsk frees 16 prisoners as EU eases sanctions\n\nBelarus freed 16 political prisoners on Friday after a visit "
     "by an EU envoy, and Brussels lifted sanctions on the national airline in return, officials said."),
    # gate.hypothetical: a handover that might happen at no stated time
    ("could_one_day_be_swapped",
     "A military court sentenced five captured foreign fighters to 15 years on Monday; their lawyer said the men "
     "could one day be included in a prisoner exchange."),
    ("could_be_traded_later",
     "Tribunal jails four captured foreign fighters; officials say they could be swapped later"),
    # gate.to_families: the dead carried home by their own side
    ("dead_flown_to_home_villages",
     "Two Armenian soldiers were killed in an exchange of fire on the border with Azerbaijan on Sunday, the "
     "defence ministry said. The bodies of the soldiers were flown to their home villages in Syunik on Monday, "
     "where they were buried with military honours."),
    # gate.to_families past the people's own demonym, a war named to date them and the dateline's city
    ("remains_identified_and_returned_to_families",
     "LIMA - The remains of 9 Peruvian soldiers missing since the 1995 border war with Ecuador have been identified "
     "and returned to their families, the army said on Tuesday."),
    # gate.fiction_review: the swaps and captives of a plot
    ("film_review_plot_swap",
     "Review: 'Salt Road' is a border drama with one great scene. The film opens as a young officer trades "
     "a captured smuggler for two kidnapped nurses at a mountain pass; in the second act four prisoners are freed "
     "and the rest is rain. Three stars."),
    ("game_review_rating",
     "'Ash Coast' opens with a hostage swap on a pier, and the game never tops it: you escort 9 freed captives "
     "past enemy patrols while the clock runs. Rating: 6/10"),
    # direction.lone_party_dyad: a state's one known war does not make its citizens brought home from a camp in a
    # third state captives of that war
    ("citizens_home_from_a_camp_in_a_third_state",
     "Somalia transferred 210 more of its citizens, most of them women and children, from a camp in northern Kenya "
     "to a reception centre in Baidoa on Tuesday, the migration ministry said. Somalia has repatriated about 6,000 "
     "people from the camp in Kenya since 2019, the ministry said."),
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
    # gate.no_sides: moved one way with no side at either end, in an article with no swap word
    ("morgue_releases_bodies_to_relatives",
     "The city mortuary released the bodies of 12 flood victims to their families on Tuesday, Kenyan police said. "
     "Nine of the bodies have been collected so far."),
    ("state_frees_its_own_officers",
     "Chad's government freed 19 army officers held over an alleged coup plot on Wednesday, a spokesman said."),
    ("inmates_moved_between_prisons",
     "Honduras moved 1,800 inmates from two jails to a new island prison escorted by soldiers on Sunday. The "
     "transfer brings the number of inmates in the island prison to about 9,000."),
    # gate.recovery: recovered with no side named, or dug out of graves
    ("volunteers_recover_bodies_from_river",
     "Volunteers recovered 16 bodies from the river after the ferry sank near Mopti, Malian officials said."),
    ("forensic_teams_exhume_mass_grave",
     "Ukrainian forensic teams exhumed 48 bodies from a mass grave near the village of Hrakove on Monday."),
    ("searchers_unearth_remains",
     "Searchers unearthed the remains of 23 people in clandestine graves in Sonora, Mexican prosecutors said."),
    # gate.ransom: a release bought with money, and its figures elsewhere in the article
    ("freed_after_ransom",
     "Twenty-three passengers abducted from a bus in northern Nigeria were freed after their families paid a "
     "ransom, relatives said on Thursday. The freed passengers, among them five women and a child, were taken to a "
     "military hospital."),
    # gate.released_thing: a release verb whose object is a thing
    ("rebels_release_video_of_captives",
     "The M23 released a video on Friday showing 85 Congolese soldiers captured near Goma, and said it was ready "
     "to talk."),
    # gate.released_thing in the passive: the thing is the subject ("whose names have not been released")
    ("names_not_released_passive",
     "The ICRC has registered 9,000 Eritrean and 4,000 Ethiopian prisoners of war, but both armies are believed to "
     "hold many more whose names have not been released."),
    ("statement_was_released",
     "Ukraine and Russia hold about 8,000 prisoners of war, and a joint statement was released on Monday by the "
     "mediators."),
    # gate.still_held past an apposition; gate.hypothetical for a wish
    ("hostages_held_apposition",
     "Four hostages - an engineer, a nurse and two drivers - are held by militants who demand to swap them for "
     "jailed comrades."),
    ("kidnappers_want_to_trade",
     "The kidnappers say they want to trade the 6 hostages for jailed gang members, police in Haiti said."),
    # gate.acted_on: intercepted and sent back
    ("intercepted_and_returned",
     "Fishermen recovered 11 bodies after a boat carrying migrants from Sudan sank off Sfax on Monday. The Tunisian "
     "coast guard, which receives funding from the European Union, has intercepted and returned about 12,000 "
     "people to Tunisia so far this year."),
    # gate.outside_conflict: one-way repatriations, deportations and releases with no swap anywhere
    ("repatriation_from_camps",
     "Tajikistan repatriated 42 women and children from detention camps in Iraq on Thursday, the foreign ministry "
     "said."),
    ("deportees_received",
     "Honduras received 120 migrants deported from Mexico on a charter flight on Tuesday."),
    ("own_political_prisoners_freed_before_sanctions_move",
     "Iran freed 50 political prisoners on Monday, hours before Washington announced it would ease some sanctions."),
    # gate.paid_for: the consideration is a thing, read past its adjectives
    ("released_for_unspecified_concessions",
     "Minsk released 25 political prisoners in return for unspecified concessions from Washington, officials said."),
    # gate.peacetime_remains: remains with no war about them
    ("ancestral_remains_returned_from_museum",
     "The remains of 11 Maori ancestors were returned from a museum in Vienna to New Zealand on Tuesday."),
    ("migrant_workers_bodies_flown_home",
     "The bodies of 9 Sri Lankan workers killed in a factory fire in Qatar were flown home to Sri Lanka on Monday."),
    # direction.lone_party_dyad: remains of non-combatants imply no war of the one party named
    ("builders_bodies_flown_home",
     "The bodies of 14 Georgian construction workers killed in a landslide in Turkey were flown home to Tbilisi on "
     "Friday."),
    ("tourists_bodies_returned",
     "The remains of 6 Libyan tourists who died in a bus crash abroad were returned to Benghazi on Wednesday."),
    # gate.nothing_in_return: a release the article says bought nothing
    ("crew_freed_with_nothing_in_return",
     "Yemen's Houthis released the 19 crew members of a tanker they seized in the Gulf of Aden last year, and the "
     "sailors were flown to Oman on Friday, the Omani foreign ministry said. The Houthis said they had freed the "
     "crew as a goodwill gesture and that nothing had been asked in return."),
    # gate.requested: a handover asked for by a request verb is no plan
    ("envoy_urges_a_swap",
     "The UN envoy urged Russia and Ukraine to exchange 500 prisoners before winter."),
    ("state_urges_return_of_children",
     "Ukraine urged Russia to return 40 Ukrainian children held in occupied Crimea."),
    ("called_on_to_release_and_grant_access",
     "India and Pakistan exchanged lists of prisoners held in each other's jails on Thursday. New Delhi called on "
     "Pakistan to expedite the release and repatriation of Indian fishermen who had completed their sentences, "
     "and to grant consular access to 31 prisoners."),
    # a counted object of a swap verb that is things, and an exchange scheme's sites
    ("needles_swapped_and_people_referred",
     "The clinics swapped 95,000 used syringes for clean ones last year and referred 800 people to treatment, "
     "officials in Dundee said. The city will open two more needle exchange sites in the spring."),
    # gate.requested also for a refusal
    ("group_refused_to_free",
     "Talks between Colombia's government and an ELN front collapsed on Monday after the rebels refused to free 9 "
     "police officers they have held since March."),
    # gate.reciprocal_releases needs two sides of a known dyad, and no pardon
    ("releases_by_two_states_of_no_dyad",
     "Kenya released 200 prisoners on Monday to ease overcrowding. Separately, Uganda released 40 detainees held at "
     "a border post."),
    ("releases_in_one_sentence_by_two_states_of_no_dyad",
     "Kenya released 200 prisoners on Monday to ease overcrowding, and Uganda released 40 detainees held at a "
     "border post."),
    ("two_releases_in_one_sentence_by_one_side",
     "Sudan's army released 30 detainees on Monday, and Sudan freed 45 more detainees on Tuesday."),
    ("release_beside_a_pardon_of_the_other_side",
     "The Houthis released 30 detainees on Monday, the group said. On Tuesday, the Yemeni government released 45 "
     "detainees as part of a pardon for the Eid holiday."),
    # a sentence naming a player's position or the transfer market speaks of players (SPORT cues, gate._names_players)
    ("defenders_for_a_striker",
     "Porto sent their Colombian striker to Benfica on Friday in exchange for two Portuguese defenders, the clubs "
     "said."),
    ("goalkeepers_traded_in_the_window",
     "Ajax and PSV traded goalkeepers on deadline day, with 3 Dutch defenders also handed over in the deal."),
    # a thing received is no handover, and "next week" is a date, not "the next" handover
    ("assurances_received_for_a_convoy_next_week",
     "A convoy of 25 UN trucks crossed from Chad into Darfur on Friday, where the RSF holds most towns, the WFP "
     "said. The UN said it had received assurances of safe passage from both sides for a second convoy of 35 "
     "trucks next week."),
]


def _records(extractor, text: str) -> tuple:
    return normalised_and_records(extractor, text, doc_id="stage-negatives", published=PUBLISHED)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in HARD_NEGATIVES])
def test_no_exchange_news_makes_no_record(extractor, text):
    parts, records = _records(extractor, text)
    assert not parts.occasions and not parts.terms and not parts.tallies
    assert records == []


# occasion.nobody_named: a swap spoken of in a story that names no party (a fraud, a memoir): no record
NOBODY_NAMED = [
    ("posing_as_a_freed_hostage",
     "A court in the port city fined a woman who had told a charity she was a former hostage freed in an exchange "
     "and needed money for rent."),
    ("memoir_of_a_swap",
     "The singer says in his new memoir that his grandfather came home in a prisoner swap after the war and never "
     "spoke of it."),
    ("claiming_to_be_a_released_soldier",
     "Police arrested a man who collected 40,000 euros online while claiming to be a soldier released in a "
     "prisoner exchange."),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NOBODY_NAMED])
def test_a_swap_spoken_of_with_nobody_named_makes_no_record(extractor, text):
    _, records = _records(extractor, text)
    assert records == []


def test_a_named_swap_with_no_figure_still_makes_a_record(extractor):
    _, records = _records(extractor, "Armenia and Azerbaijan swapped prisoners of war on Monday, officials said.")
    assert [r["type"] for r in records] == ["exchange"]


# figures in articles about a real swap that are no handover: (id, text, figure (value, min, max))
NOT_HANDED_OVER = [
    ("on_board",
     "Armenia and Azerbaijan swapped 12 prisoners each on Monday. Baku said 31 Armenian prisoners of war were "
     "on board the helicopter that crashed last week.", (31, 31, 31)),
    # gate.registered: people counted on the books where they are held, and the groups coordinated after them
    ("registered_held",
     "Ethiopia freed 300 Eritrean soldiers on Monday. The Red Cross, which has registered about 8,000 Eritreans held "
     "in Ethiopia, said the next group would be repatriated soon.", (8000, None, None)),
    ("registered_coordinated",
     "Ethiopia freed 300 Eritrean soldiers on Monday. The Red Cross, which has registered about 8,000 Eritreans held "
     "in Ethiopia and some 3,000 Ethiopians held in Eritrea, said the next group would be repatriated soon.",
     (3000, None, None)),
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
    ("still_held_past_an_apposition",
     "Hamas freed 4 hostages on Saturday in exchange for 120 Palestinian prisoners. Another 6 hostages - two "
     "women and four soldiers - are held in Rafah, the army said.", (6, 6, 6)),
    ("still_held_past_a_reporter",
     "The ELN freed 3 soldiers on Monday. The army wants to bring home the 20 soldiers it says are still held by "
     "the rebels, and the 6 police officers the ELN claims are being held in Arauca.", (20, 20, 20)),
    ("listed_as_missing",
     "Russia and Ukraine swapped 150 soldiers each on Monday, the ombudsman said. Her office continues to receive "
     "requests from relatives regarding more than 1,300 servicemen listed as missing.", (None, 1301, None)),
    ("intercepted_and_returned",
     "Sudan and the RSF swapped 40 prisoners each on Monday. The army said it had intercepted and returned 300 "
     "RSF fighters who tried to cross the Nile.", (300, 300, 300)),
    # gate.denied: a handover denied, and the hearsay the denial answers
    ("denied_release_and_the_reports_of_it",
     "The rebels freed 21 soldiers in exchange for rebels on Sunday. The army denied that any rebels were freed, "
     "though some reports said six fighters were released.", (6, 6, 6)),
    ("denies_handing_over",
     "Sudan swapped 30 RSF fighters for 21 soldiers on Sunday. The RSF denies releasing 12 more soldiers, although it "
     "was reported that 12 soldiers were freed in Nyala.", (12, 12, 12)),
    ("denied_reports_that",
     "The ELN freed 6 soldiers on Monday in exchange for 3 rebels. The army denied reports that 10 more rebels were "
     "freed.", (10, 10, 10)),
    ("released_a_video",
     "Sudan and the RSF swapped 40 prisoners each on Monday. The RSF also released a video showing 470 army "
     "soldiers captured in Kordofan.", (470, 470, 470)),
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
    # gate.registered near miss: a handover word between the counting verb and the figure ends its reach
    ("registered_then_freed",
     "The ICRC listed 40 soldiers and freed 20 Armenian soldiers to Armenia in exchange for 20 Azerbaijani soldiers "
     "on Monday."),
    # gate.released_thing near miss: people, not a thing, are the subject of the passive
    ("soldiers_were_released_passive",
     "The 40 Ukrainian soldiers were released on Monday by Russia in exchange for 40 Russian servicemen."),
    # one-way handovers the article frames as handed to the other side (gate.handed_to_own_side, gate.freed_home,
    # gate.respective_releases, gate.released_between_sides)
    ("fishermen_handed_to_their_officials",
     "India handed over 36 Pakistani fishermen to Pakistani officials at the Wagah border on Monday."),
    ("freed_and_handed_to_their_authorities",
     "Pakistan released 220 Indian fishermen and handed them over to the Indian authorities at the Wagah crossing."),
    ("prisoners_freed_by_the_other_side_fly_home",
     "A plane carrying 150 Iraqi prisoners freed by Iran landed in Baghdad on Wednesday."),
    ("prisoners_home_after_the_other_side_freed_them",
     "Sixty Indian prisoners returned home across the Attari crossing on Friday after Pakistan released them from "
     "jails in Karachi."),
    ("received_from_the_other_side", "Georgia received 12 Georgian detainees from Russia at the Ergneti checkpoint."),
    ("released_respectively", "Armenia and Azerbaijan released 32 and two prisoners respectively on Tuesday."),
    ("released_between_the_sides",
     "The ICRC oversaw the release and transfer of 887 detainees between the Yemeni government and the Houthis."),
    # gate.recovery near misses: remains recovered from the field and then received or repatriated were handed over
    ("received_remains_recovered_from_the_battlefield",
     "Ukraine received the bodies of 412 soldiers on Friday, most of them recovered from the battlefield near Vuhledar, "
     "the coordination headquarters said."),
    ("repatriated_remains_recovered_from_the_rubble",
     "Azerbaijan repatriated the remains of 16 Armenian soldiers recovered from the rubble of a border post on Friday."),
    # a refusal or a demand told beside a swap that was done leaves the swap its record
    ("done_after_a_refusal",
     "Kenya, which had said it would not trade prisoners, freed 20 militants on Monday in exchange for three police "
     "officers held by al-Shabaab."),
    ("done_after_a_demand",
     "After months in which the group demanded the release of its fighters, Somalia freed 12 al-Shabaab prisoners "
     "on Sunday in exchange for five hostages."),
    ("deal_after_talks_on_an_exchange",
     "Talks on a new exchange ended on Monday with a deal: Russia will hand over 90 Ukrainian soldiers on Friday and "
     "receive 90 of its own."),
    ("rebels_freed_in_return",
     "The Arakan Army released 12 soldiers on Friday, and the junta freed 9 rebels in return, officials said."),
    ("people_given_in_return",
     "Belarus freed 6 Lithuanians on Friday, and Lithuania released 4 Belarusians in return, officials said."),
    ("could_be_exchanged_later_that_day",
     "The 40 prisoners could be exchanged later on Friday, the ICRC said, under the deal between Sudan and the RSF."),
    ("returned_by_a_side_to_families",
     "Quito returned the remains of 9 Peruvian soldiers to their families in Peru on Tuesday."),
    ("handed_to_a_side_then_to_families",
     "Azerbaijan handed the bodies of 12 Armenian soldiers to Armenia on Monday, and Yerevan flew them to their "
     "home villages."),
    # news of a real swap that mentions a film, or a review of lists, is no review of fiction
    ("swap_news_mentioning_a_film",
     "Hamas freed 3 hostages on Saturday in exchange for 90 Palestinian prisoners; one of the hostages was the "
     "subject of a film shown in Tel Aviv last year."),
    ("review_of_lists_before_a_swap",
     "Armenia and Azerbaijan swapped 14 prisoners each on Friday after a review of the lists by both sides."),
    # a lone party with a third state named still has its one known war where the article speaks of captives
    ("lone_party_soldiers_from_captivity",
     "Somalia received 35 of its soldiers freed from captivity on Friday at a border post with Kenya in an exchange, "
     "the army said."),
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
    # near-misses of the rules above: each is a handover between two sides
    ("swap_total_with_no_sides",
     "A total of 120 prisoners were freed on Friday in the swap between Sudan and the RSF."),
    ("one_side_named_of_a_known_war",
     "Ukraine received the bodies of 757 fallen soldiers on Thursday, the coordination headquarters said."),
    ("recovered_from_the_other_side",
     "Armenia recovered the remains of 12 soldiers from Azerbaijan on Monday at the border."),
    ("exhumed_then_handed_over",
     "Azerbaijan handed over 14 bodies exhumed in Karabakh to Armenia on Monday."),
    ("ransom_denied_in_a_swap",
     "The ELN freed 8 hostages on Tuesday in exchange for 3 jailed rebels; officials said no ransom was paid."),
    ("released_soldiers_and_a_video",
     "Russia released 90 Ukrainian soldiers to Ukraine on Friday and released a video of the handover."),
    ("apposition_then_released",
     "Four hostages - two nurses and two engineers - were released by Hamas to Israel on Monday."),
    ("civilians_swapped_outside_the_dyad_table",
     "Thailand and Cambodia exchanged 18 detained civilians at the border crossing on Friday."),
    ("soldiers_returned_outside_the_dyad_table",
     "Thailand returned 18 Cambodian soldiers to Cambodia on Friday after a ceasefire took hold."),
    ("civilians_handed_to_their_state_in_a_known_war",
     "Russia handed 20 Ukrainian civilians over to Ukraine at the Belarus border on Friday."),
    ("released_in_return_for_people",
     "Belarus released 14 prisoners in return for the release of 2 Belarusians held in Poland."),
    ("one_side_of_a_known_war",
     "Russia returned 300 soldiers on Friday."),
    ("one_side_and_a_sideless_total_of_a_known_war",
     "The Houthis freed 95 detainees on Sunday. The total number of captives released stood at 418, since "
     "Thursday, the ICRC said."),
    ("handover_after_a_request_in_another_clause",
     "After Qatar urged both sides to act, Russia handed 20 Ukrainian children over to Ukraine on Friday."),
    ("releases_both_ways_outside_the_dyad_table",
     "Ghana freed 12 Togolese fishermen on Monday and handed them over at the border. Togo in turn repatriated 9 "
     "Ghanaian civilian detainees on Tuesday."),
    ("swap_beside_nothing_in_return",
     "Hamas freed 3 hostages to Israel on Sunday in exchange for 90 Palestinian prisoners; Israel said nothing was "
     "given in return for the bodies it received."),
    # gate.reciprocal_releases: two sides of a known war each release people, told in sentences of their own
    ("reciprocal_releases_told_apart",
     "The Red Cross said it had completed a two-day operation on Friday. The RSF released 64 detainees, who were "
     "flown to Port Sudan. Sudan's army released 80 detainees, who were taken to Nyala."),
    # ... or in clauses of their own of one sentence
    ("reciprocal_releases_in_one_sentence",
     "India freed 14 Pakistani prisoners on Thursday, and Pakistan freed 22 Indian prisoners."),
    ("reciprocal_releases_while_clause",
     "The Houthi-run authorities freed 48 detainees on Sunday, while Saudi Arabia released 120 Houthi prisoners."),
    ("released_for_a_named_agent",
     "Russia freed the jailed American teacher in exchange for a convicted Russian spy, officials said."),
    # gate.denied near misses: a denial of something else leaves the handover of the sentence or of the next
    ("denied_mistreatment_and_said_it_released",
     "The army denied that the freed soldiers had been mistreated, and said it released 3 ELN rebels in exchange for "
     "6 soldiers on Sunday."),
    # a player held in captivity is a captive; a position named in another sentence changes nothing
    ("goalkeeper_held_in_captivity",
     "Russia freed a Ukrainian goalkeeper held in captivity since 2022 and 40 soldiers on Friday in exchange for 40 "
     "Russian servicemen."),
    ("position_named_in_another_sentence",
     "Armenia and Azerbaijan swapped 14 defenders each on Monday. Among the Armenians was a former club striker."),
    # gate.two_peoples_freed: each side's own people freed in one sentence, with no swap word
    ("two_peoples_freed_under_a_deal",
     "Eritrea freed 40 Ethiopians on Monday under a deal that saw 25 Eritreans held in Ethiopia released."),
    ("two_peoples_to_be_freed_gapped",
     "Under the accord, Armenia is to free 12 Azerbaijanis and Azerbaijan 30 Armenians."),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in STILL_HANDOVERS])
def test_handover_still_makes_a_record(extractor, text):
    _, records = _records(extractor, text)
    assert any(r["type"] == "exchange" for r in records)


@pytest.mark.xfail(strict=True, reason="gate._names_players: a player's position named in a sentence with no captivity word makes "
                                       "every soldier word of that sentence a player, the soldiers swapped beside him too")
def test_player_freed_with_soldiers_and_no_captivity_word(extractor):
    _, records = _records(extractor, "Russia freed a Ukrainian goalkeeper and 40 soldiers on Friday in exchange for 40 "
                                      "Russian servicemen.")
    assert any(r["type"] == "exchange" for r in records)


NEGATIVES = ROOT / "corpus" / "negatives"
NEGATIVE_GOLD = [json.loads(line) for line in (NEGATIVES / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
# invented articles that still give a record (known gaps, each with its mechanism)
NEGATIVE_GAPS = {
    "h12-036": "a swap 'agreed in principle in August' that 'has never taken place' is read as a planned swap of 15 each "
               "(the kit's rule for cancelled swaps supports it; the set's gold, written blind, keeps the article empty)",
    "h3-032": "the headline's demand ('ELN demands prisoner swap for six kidnapped soldiers') is read as a planned swap "
              "(the body's 'would free six soldiers only in exchange for 20' is gate.only_on_terms now)",
    "h3-029": "an appeal ('if there must be a trade, then make the trade') reads as a planned swap, and a past one-sided "
              "return of five after a summit as a completed one",
    "h8-030": "a football club's 'exchange of two defenders' beside a central bank's currency swap line reads as a swap of "
              "two captives",
}
HELDOUT3 = ROOT / "corpus" / "heldout3"
# heldout3's hard negatives (empty gold) are held to the same standard
HELDOUT3_NEGATIVES = [g["doc_id"] for g in map(json.loads, (HELDOUT3 / "gold.jsonl").read_text(encoding="utf-8").splitlines())
                      if not g["records"]]
HELDOUT4 = ROOT / "corpus" / "heldout4"
# heldout4's hard negatives likewise
HELDOUT4_NEGATIVES = [g["doc_id"] for g in map(json.loads, (HELDOUT4 / "gold.jsonl").read_text(encoding="utf-8").splitlines())
                      if not g["records"]]


HELDOUT6 = ROOT / "corpus" / "heldout6"
# heldout6's hard negatives likewise
HELDOUT6_NEGATIVES = [g["doc_id"] for g in map(json.loads, (HELDOUT6 / "gold.jsonl").read_text(encoding="utf-8").splitlines())
                      if not g["records"]]


HELDOUT8 = ROOT / "corpus" / "heldout8"
# heldout8's hard negatives likewise
HELDOUT8_NEGATIVES = [g["doc_id"] for g in map(json.loads, (HELDOUT8 / "gold.jsonl").read_text(encoding="utf-8").splitlines())
                      if not g["records"]]


HELDOUT9 = ROOT / "corpus" / "heldout9"
# heldout9's hard negatives likewise
HELDOUT9_NEGATIVES = [g["doc_id"] for g in map(json.loads, (HELDOUT9 / "gold.jsonl").read_text(encoding="utf-8").splitlines())
                      if not g["records"]]


HELDOUT10 = ROOT / "corpus" / "heldout10"
# heldout10's hard negatives likewise
HELDOUT10_NEGATIVES = [g["doc_id"] for g in map(json.loads, (HELDOUT10 / "gold.jsonl").read_text(encoding="utf-8").splitlines())
                       if not g["records"]]
HELDOUT12 = ROOT / "corpus" / "heldout12"
# heldout12's hard negatives likewise
HELDOUT12_NEGATIVES = [g["doc_id"] for g in map(json.loads, (HELDOUT12 / "gold.jsonl").read_text(encoding="utf-8").splitlines())
                       if not g["records"]]


def test_invented_negative_corpus_is_all_empty_gold():
    articles = read_articles(NEGATIVES / "articles.jsonl")
    assert [a.id for a in articles] == [g["doc_id"] for g in NEGATIVE_GOLD]
    assert not any(g["records"] for g in NEGATIVE_GOLD)
    assert set(NEGATIVE_GAPS) <= ({g["doc_id"] for g in NEGATIVE_GOLD} | set(HELDOUT3_NEGATIVES) | set(HELDOUT4_NEGATIVES)
                                  | set(HELDOUT6_NEGATIVES) | set(HELDOUT8_NEGATIVES) | set(HELDOUT9_NEGATIVES)
                                  | set(HELDOUT10_NEGATIVES) | set(HELDOUT12_NEGATIVES))


@pytest.fixture(scope="module")
def negative_articles():
    return {a.id: a for folder in (NEGATIVES, HELDOUT3, HELDOUT4, HELDOUT6, HELDOUT8, HELDOUT9, HELDOUT10, HELDOUT12)
            for a in read_articles(folder / "articles.jsonl")}


@pytest.mark.parametrize("doc_id", [
    pytest.param(doc_id, id=doc_id, marks=[pytest.mark.xfail(reason=NEGATIVE_GAPS[doc_id], strict=False)]
                 if doc_id in NEGATIVE_GAPS else [])
    for doc_id in [g["doc_id"] for g in NEGATIVE_GOLD] + HELDOUT3_NEGATIVES + HELDOUT4_NEGATIVES + HELDOUT6_NEGATIVES
                   + HELDOUT8_NEGATIVES + HELDOUT9_NEGATIVES + HELDOUT10_NEGATIVES + HELDOUT12_NEGATIVES])
def test_invented_negative_news_makes_no_record(extractor, negative_articles, doc_id):
    """corpus/negatives and heldout3's, heldout4's, heldout6's, heldout8's, heldout9's, heldout10's and heldout12's hard negatives:
    invented non-exchange news, each with empty gold, read
    without the prefilter."""
    assert extractor.extract(negative_articles[doc_id]) == []


@pytest.mark.parametrize("rule, name", sorted(gate.NO_HANDOVER_RULES.items()))
def test_no_handover_rules_name_their_test(rule, name):
    module, _, function = name.rpartition(".")
    assert callable(getattr({"": gate, "sides": sides}[module], function)), rule
