"""Dates at event level (Y1 of the error analysis): invented sentences, the date each occasion gets.

Articles are published on Thursday 14 March 2024 unless the case says `None` (no publication date).
Each case names the occasion by its count values and gives (status, start, end).
"""

from __future__ import annotations

import pytest

from occasion_cases import dated, exchanges

C, P = "completed", "planned"

LIVE_BLOG = ("Our live coverage of the handovers.\n\nWEDNESDAY 13 MARCH\n\n14:10 - The ELN freed 14 Colombian soldiers "
             "this morning, the ombudsman says.\n\n15:30 - Colombia has freed 30 ELN fighters in return, the ministry "
             "says.\n\nThursday 14 March\n\n10:20 - The ELN freed 9 more Colombian soldiers today.\n\n11:00 - "
             "Colombia freed 20 ELN fighters on Tuesday night, officials say.")

CASES = [
    ("year_from_the_swap_not_the_war",
     "Sudan and the RSF completed their biggest swap since the conflict began in March 2021, with each side "
     "releasing 400 prisoners over a three-day period from June 3-5, 2024. The swap concluded on Wednesday, "
     "June 5, with both sides releasing their final 90 prisoners.", None, (90, 90), (C, "2024-06-05", "2024-06-05")),
    ("unrelated_last_month_is_not_the_date",
     "The army released 40 RSF prisoners on Tuesday in a swap. Last month, rebels seized two towns in the north.",
     "2024-03-14", (40,), (C, "2024-03-12", "2024-03-12")),
    ("quoted_today_is_the_statement_day",
     '"Today 25 of our soldiers came home," the Armenian minister said on Monday after the swap with Azerbaijan.',
     "2024-03-14", (25,), (C, "2024-03-11", "2024-03-11")),
    # "convicted" is an adjective of the person noun after it, not the verb of the date
    ("convicted_person_noun_before_the_date",
     "Tehran freed a French teacher in exchange for a convicted smuggler in May 2022.", "2024-03-14", (1, 1),
     (C, "2022-05-01", "2022-05-31")),
    # "31 detained border guards on Sunday": the participle is an adjective of the counted people (after a figure,
    # an article or a transfer verb), so the date is the handover's (rule date.attributive_participle)
    ("detained_counted_group_before_the_date",
     "Kyrgyzstan and Tajikistan exchanged 31 detained border guards on Sunday.", "2024-03-14", (31,),
     (C, "2024-03-10", "2024-03-10")),
    ("captured_demonyms_before_the_date",
     "Azerbaijan freed 12 captured Armenians on Monday in exchange for two Azerbaijani soldiers.", "2024-03-14",
     (2, 12), (C, "2024-03-11", "2024-03-11")),
    ("swapped_captured_soldiers_before_the_date",
     "Armenia and Azerbaijan swapped captured soldiers on Monday.", "2024-03-14", (),
     (C, "2024-03-11", "2024-03-11")),
    ("captured_as_a_verb_keeps_its_date_out",
     "Georgia captured 14 soldiers in May. On Monday it handed them back to Russia for 14 Georgian soldiers.",
     "2024-03-14", (14,), (C, "2024-03-11", "2024-03-11")),
    # the day after "would <transfer verb>" is the next release's, not the day of the handover told before it
    ("would_release_more_next_week_dates_the_plan_only",
     "Georgia said on Thursday it had handed back 11 Russian soldiers and would free four more next week.",
     "2024-03-14", (11,), (C, "2024-03-14", "2024-03-14")),
    ("detained_in_a_month_is_not_the_handover",
     "Tehran freed a French teacher detained in May 2022 in exchange for an Iranian engineer on Monday.",
     "2024-03-14", (1, 1), (C, "2024-03-11", "2024-03-11")),
    ("weekday_past",
     "Armenia and Azerbaijan exchanged 16 prisoners each on Monday.", "2024-03-14", (16, 16),
     (C, "2024-03-11", "2024-03-11")),
    ("weekday_future",
     "Armenia and Azerbaijan will exchange 16 prisoners each on Monday.", "2024-03-14", (16, 16),
     (P, "2024-03-18", "2024-03-18")),
    ("today",
     "Sudan and the RSF swapped 30 prisoners each today.", "2024-03-14", (30, 30),
     (C, "2024-03-14", "2024-03-14")),
    ("lead_without_a_date_is_the_day_of_the_news",
     "Sudan and the RSF swapped 30 prisoners each, the Red Cross said.", "2024-03-14", (30, 30),
     (C, "2024-03-14", "2024-03-14")),
    ("day_month",
     "On 2 March, Armenia handed 7 Azerbaijani soldiers to Baku in a swap.", "2024-03-14", (7,),
     (C, "2024-03-02", "2024-03-02")),
    ("previous_sentence_date_of_no_handover",
     "Ukraine last month sent troops into the border region. Russia handed over 60 Ukrainian prisoners in a "
     "swap.", "2024-03-14", (60,), (C, "2024-03-14", "2024-03-14")),
    ("statement_day_versus_event_day",
     "Sudan said on Wednesday that it had freed 15 RSF fighters in a swap on Monday.", "2024-03-14", (15,),
     (C, "2024-03-11", "2024-03-11")),
    ("earlier_year_from_publication",
     "The previous exchange, on 23 October, saw 10 prisoners freed by each side in a swap between Armenia and "
     "Azerbaijan.", "2024-03-14", (10, 10), (C, "2023-10-23", "2023-10-23")),
    ("early_month",
     "Armenia and Azerbaijan exchanged 16 prisoners each in early February.", "2024-03-14", (16, 16),
     (C, "2024-02-01", "2024-02-10")),
    ("agreed_on_a_day_to_exchange_gives_the_plan_no_day",
     "Armenia and Azerbaijan agreed in Abu Dhabi on Monday to exchange 40 prisoners each.", "2024-03-14", (40, 40),
     (P, None, None)),
    ("agreed_to_exchange_on_a_day_is_the_plans_day",
     "Armenia and Azerbaijan agreed to exchange 40 prisoners each on Monday.", "2024-03-14", (40, 40),
     (P, "2024-03-18", "2024-03-18")),
    ("deal_date_is_not_the_swap_date",
     "Sudan and the RSF exchanged 20 prisoners each on Friday. The swap had been agreed in Jeddah on 1 March.",
     "2024-03-14", (20, 20), (C, "2024-03-08", "2024-03-08")),
    ("year_hint_ignores_unrelated_year",
     "Armenia and Azerbaijan exchanged 16 prisoners each on 4 May 2023. Sanctions on Baku were toughened in "
     "2019. On 6 May, 3 more Azerbaijani soldiers were handed over by Armenia in a swap.", None, (3,),
     (C, "2023-05-06", "2023-05-06")),
    ("such_transfer_this_year_is_no_date",
     "Sudan and the RSF exchanged a total of 80 prisoners on Tuesday, the fourth such transfer this year.",
     "2024-03-14", (80,), (C, "2024-03-12", "2024-03-12")),
    ("plan_in_another_clause_does_not_date_the_stage",
     "Sudan and the RSF swapped 50 prisoners each, with further releases expected over the weekend.",
     "2024-03-14", (50, 50), (C, "2024-03-14", "2024-03-14")),
    ("weekday_near_a_full_date_without_publication",
     "The swap began on Friday, June 7, 2024, when Sudan and the RSF freed 40 prisoners each. Saturday saw the "
     "exchange of 35 prisoners from each side.", None, (35, 35), (C, "2024-06-08", "2024-06-08")),
    ("earlier_in_the_day_is_that_day",
     "Armenia and Azerbaijan exchanged 16 prisoners each at the border on Monday. Earlier in the day, Azerbaijan "
     "said it had handed over 16 Armenian soldiers.", "2024-03-14", (16, 16), (C, "2024-03-11", "2024-03-11")),
    ("planned_whole_of_a_truce_runs_its_days",
     "Hamas freed 13 hostages today, the first day of a four-day truce. In return, Israel freed 39 Palestinian "
     "prisoners today. Israel is to release 150 Palestinian prisoners under the truce.", "2024-03-14", (150,),
     (P, "2024-03-14", "2024-03-17")),
    ("statement_day_yields_to_the_quoted_day_of_the_same_figure",
     'Russia said on Wednesday that 48 of its soldiers had been returned by Ukraine in a swap. "On 4 March, 48 '
     'Russian servicemen were returned by Ukraine," the ministry said.', "2024-03-14", (48,),
     (C, "2024-03-04", "2024-03-04")),
    ("history_date_in_the_previous_sentence_is_not_the_swap_day",
     "Armenia and Azerbaijan carried out their largest swap since the war broke out in September 2020. The swap "
     "saw 42 Armenian prisoners freed by Baku.", "2024-03-14", (42,), (C, "2024-03-14", "2024-03-14")),
    ("previously_held_is_captivity_not_an_earlier_handover",
     "Photo: the Armenian defence ministry\n\nArmenia has brought back the remains of 64 soldiers previously "
     "held by Azerbaijan.\n\nOn 2 March, Azerbaijan handed over 30 bodies to Armenia.", "2024-03-14", (64,),
     (C, "2024-03-14", "2024-03-14")),
    ("dateline_stands_for_a_missing_publication_date",
     "08:40 21.11.2023\n\nThe remains of 45 Armenian soldiers were handed over by Azerbaijan on Tuesday, the "
     "commission said.", None, (45,), (C, "2023-11-21", "2023-11-21")),
    ("glued_time_stamp_line",
     "Armenia, Azerbaijan swap detainees\n\n3 MIN READNov 9, 2023 | 10:15 GMT\n\nAzerbaijan freed 12 Armenian "
     "detainees on Wednesday in return for 3 soldiers.", None, (3, 12), (C, "2023-11-08", "2023-11-08")),
    # date.broadcast_day: a monitoring transcript's header dates the broadcast its "today" and "yesterday" speak of
    ("transcript_header_dates_today",
     "Text of report by Azerbaijani radio on 12 March\n\nAzerbaijan today handed over 14 Armenian soldiers to "
     "Armenia in exchange for 3 Azerbaijani servicemen, the radio said.", "2024-03-14", (3, 14),
     (C, "2024-03-12", "2024-03-12")),
    ("transcript_header_with_a_year_dates_yesterday",
     "Excerpt from report by Kyrgyz state television on 11 March 2024\n\nKyrgyzstan yesterday received 9 border "
     "guards from Tajikistan and handed back 6 Tajik servicemen, the presenter said.", "2024-03-14", (6, 9),
     (C, "2024-03-10", "2024-03-10")),
    # near misses: a header more than a week before publication, and a sentence that opens with "Text of"
    ("transcript_header_long_before_publication",
     "Text of report by Iranian radio on 2 February\n\nIran today handed over 40 Iraqi prisoners of war to Iraq in "
     "exchange for 12 Iranians.", "2024-03-14", (12, 40), (C, "2024-03-14", "2024-03-14")),
    ("text_of_a_sentence_is_no_header",
     "Text of the agreement signed on 12 March was not published. Azerbaijan today handed over 14 Armenian soldiers "
     "to Armenia in exchange for 3 Azerbaijani servicemen.", "2024-03-14", (3, 14), (C, "2024-03-14", "2024-03-14")),
    ("a_date_inside_a_sentence_is_no_dateline",
     "Azerbaijan freed 12 Armenian detainees on Wednesday in return for 3 soldiers, a year after the talks of "
     "November 9, 2022.", None, (3, 12), (C, None, None)),
    ("whole_of_a_three_day_swap_runs_back_from_its_last_stage",
     "Armenia got back 85 soldiers from Azerbaijan on Sunday. The three-day exchange ended with this stage; "
     "over its days 600 Armenian soldiers came home.", "2024-03-14", (600,), (C, "2024-03-08", "2024-03-10")),
    ("weekday_placed_by_a_caption_day_without_publication",
     "Armenia and Azerbaijan carried out a prisoner exchange on Thursday, with 9 Armenian soldiers freed by Baku "
     "in return for 4 Azerbaijani soldiers.\nA convoy crosses the border near Ijevan on March 7, 2024, as the "
     "Armenian ministry announced the exchange. (Photo by a news agency)", None, (4, 9),
     (C, "2024-03-07", "2024-03-07")),
    ("month_as_subject_dates_the_swap_told_next",
     "Sudan and the RSF swapped 60 prisoners each on Tuesday. February saw the first swap of the war. Then the "
     "army freed 15 RSF fighters and the RSF released 12 soldiers.", "2024-03-14", (12, 15),
     (C, "2024-02-01", "2024-02-29")),
    ("month_as_subject_keeps_the_main_swap_apart",
     "Sudan and the RSF swapped 60 prisoners each on Tuesday. February saw the first swap of the war. Then the "
     "army freed 15 RSF fighters and the RSF released 12 soldiers.", "2024-03-14", (60, 60),
     (C, "2024-03-12", "2024-03-12")),
    ("whole_told_with_its_days_runs_back_from_the_day_it_ended",
     "Sudan and the RSF said their prisoner exchange, which ended on Tuesday, had freed 310 detainees in all. "
     "The four-day operation was run by the Red Cross.", "2024-03-14", (310,), (C, "2024-03-09", "2024-03-12")),
    ("whole_told_with_its_days_runs_on_from_the_day_it_began",
     "Ethiopia and Eritrea completed a two-day exchange of 140 prisoners each.\nThe two-day swap, which began on "
     "Tuesday, was overseen by the Red Cross.", "2024-03-14", (140, 140), (C, "2024-03-12", "2024-03-13")),
    ("first_day_stage_of_a_truce_that_began_keeps_its_day",
     "The four-day truce between the army and the rebels began on Monday. On Monday the rebels freed 12 "
     "soldiers in exchange for 30 prisoners held by the army.", "2024-03-14", (12, 30),
     (C, "2024-03-11", "2024-03-11")),
    ("weekday_placed_by_a_caption_day_with_a_credit_glued_to_its_year",
     "Armenia and Azerbaijan carried out a prisoner exchange on Thursday, with 9 Armenian soldiers freed by Baku "
     "in return for 4 Azerbaijani soldiers.\nA convoy crosses the border near Ijevan. Photo: 7 March 2024AFP/Getty "
     "Images", None, (4, 9), (C, "2024-03-07", "2024-03-07")),
    ("multi_day_span",
     "The three-day swap which started on Monday concluded on Wednesday, with 300 prisoners freed by Sudan and "
     "the RSF each in total.", "2024-03-14", (300, 300), (C, "2024-03-11", "2024-03-13")),
    # date.relative_clause: an aside set off by commas after the people, told with its own date
    ("comma_aside_after_the_people_keeps_its_date_apart",
     "Eritrea handed over 40 Ethiopian soldiers, who were jailed in May, on Tuesday in exchange for 35 "
     "Eritrean soldiers.", "2024-03-14", (35, 40), (C, "2024-03-12", "2024-03-12")),
    # date.last_stage_day: the last day's own figure keeps that day, the whole's days go to a figure of the whole
    ("when_clause_after_the_end_is_the_last_days_stage",
     "The four-day swap between Sudan and the RSF ended on Tuesday, when the army freed 45 RSF fighters and the "
     "RSF released 38 soldiers.", "2024-03-14", (38, 45), (C, "2024-03-12", "2024-03-12")),
    ("final_day_figure_keeps_its_day",
     "Ethiopia and Eritrea freed 70 prisoners each on Wednesday, the final day of their three-day exchange, which "
     "ended on Wednesday.", "2024-03-14", (70, 70), (C, "2024-03-13", "2024-03-13")),
    # a date in a relative clause about the people ('who had strayed ... last October') is not the handover's
    ("relative_clause_date_is_the_peoples_not_the_handover",
     "Georgia handed over 12 Armenian soldiers on Tuesday. Yerevan said that three Georgian hikers who had "
     "crossed into Armenia after losing their way last October had been handed over to the Georgian side.",
     "2024-03-14", (3, 12), (C, "2024-03-12", "2024-03-12")),
    # date.year_attributive: "the 2019 swap under which ..." dates that earlier swap, apart from the day's
    ("the_year_of_an_earlier_arrangement",
     "Tehran freed two Swedes on Monday in return for three Iranians. Unlike the 2019 arrangement under which four "
     "Swedes were freed in exchange for four Iranians, no money changed hands.", "2024-03-14", (4, 4),
     (C, "2019-01-01", "2019-12-31")),
    # occasion.own_day_over_told_day: the day the ministry reported yields to the day the swap took place
    # date.occasion_sentence: a sentence of its own tells the day the handover happened ("The handover took place
    # on Tuesday"), with no people of its own; it dates the handover told beside it instead of the day it was said
    ("handover_day_told_in_the_next_sentence",
     "The Kachin Independence Army freed 12 army soldiers in exchange for 9 of its fighters held in Myitkyina, the "
     "group said on Thursday. The handover took place on Tuesday near the Chinese border.", "2024-03-14", (9, 12),
     (C, "2024-03-12", "2024-03-12")),
    ("swap_happened_day_in_the_next_sentence",
     "Armenia and Azerbaijan exchanged 20 prisoners of war each, the Armenian foreign ministry said on Friday. The "
     "swap happened on Wednesday at the border.", "2024-03-14", (20, 20), (C, "2024-03-13", "2024-03-13")),
    ("handover_day_told_in_the_sentence_before",
     "The handover took place on Monday at a river crossing. The rebels freed 14 soldiers and the army released 9 "
     "rebel prisoners in a swap, officials said on Wednesday.", "2024-03-14", (9, 14),
     (C, "2024-03-11", "2024-03-11")),
    ("the_swap_day_over_the_report_day",
     "Kazakh citizen Arman Seitov, jailed in Tbilisi, has returned to Kazakhstan as a result of an exchange, the ministry reported on "
     "Wednesday. The exchange took place on March 11 in Baku. In exchange the Georgian side received its citizen "
     "Levan Beridze.", "2024-03-14", (1, 1), (C, "2024-03-11", "2024-03-11")),
    # date.place_adverbial: a clause of its own made of a place phrase and the date, cut off from the handover by a
    # relative clause, dates the handover (not the publication day)
    ("place_phrase_after_a_relative_clause",
     "Peru handed over the remains of 17 Ecuadorian soldiers, who died in the 1995 border war, at the Tiwinza "
     "crossing on Monday, in a ceremony led by the Red Cross.", "2024-03-14", (17,), (C, "2024-03-11", "2024-03-11")),
    ("place_phrase_near_a_town_after_an_aside",
     "Chad freed 26 Sudanese fighters, most of them captured last year, near the town of Adre on Tuesday, a "
     "ministry statement said.", "2024-03-14", (26,), (C, "2024-03-12", "2024-03-12")),
    ("place_phrase_with_a_day_month",
     "Ecuador freed 9 Peruvian soldiers, who had strayed across the river during a storm, at the Huaquillas bridge "
     "on 2 March, in return for 4 Ecuadorian sailors.", "2024-03-14", (4, 9), (C, "2024-03-02", "2024-03-02")),
    # date.where_clause: a where-clause of a handover hangs on the clause that gives the date
    ("where_clause_of_a_swap",
     "Officials recall a muddy airstrip outside Goma in June 2019, where 44 soldiers were swapped for 51 rebels.",
     "2024-03-14", (44,), (C, "2019-06-01", "2019-06-30")),
    ("where_clause_of_a_handover",
     "It began at a border post near Batken in October 2021, where Kyrgyzstan handed back 12 Tajik border guards "
     "to Tajikistan.", "2024-03-14", (12,), (C, "2021-10-01", "2021-10-31")),
    ("where_clause_of_an_exchange_in_a_season",
     "Veterans remember the docks of Mocha in spring 1994, where 230 prisoners were exchanged under Red Cross "
     "flags.", "2024-03-14", (230,), (C, "1994-03-01", "1994-05-31")),
    # date.previous_sentence: a figure of the previous sentence that counts no one handed over ('their two
    # presidents') does not keep its handover date from the figures of the next sentence
    ("previous_sentence_with_a_figure_of_leaders",
     "Twenty years after the war, Chad and Libya exchanged prisoners of war at the airport of Faya on March 3, "
     "2007, under the accord their two presidents had signed in Sirte that January. Chad handed over 412 Libyan "
     "soldiers and Libya freed 96 Chadians.", "2024-03-14", (96, 412), (C, "2007-03-03", "2007-03-03")),
    ("previous_sentence_with_a_figure_of_armies",
     "Years later, Peru and Bolivia swapped prisoners of war at the Desaguadero bridge on 5 May 2013, under a plan "
     "the two armies had drawn up. Bolivia handed over 21 Peruvian soldiers and Peru freed 16 Bolivians.",
     "2024-03-14", (16, 21), (C, "2013-05-05", "2013-05-05")),
    ("previous_sentence_with_a_figure_of_presidents",
     "Kenya and Uganda exchanged prisoners of war at the Busia border post on 19 August 2012, in a ceremony their "
     "two presidents attended. Uganda handed over 27 Kenyan soldiers and Kenya freed 11 Ugandans.", "2024-03-14",
     (11, 27), (C, "2012-08-19", "2012-08-19")),
    ("previous_sentence_date_of_a_stalled_process",
     "The two armies have carried out dozens of exchanges since the war began in 2021, but the talks stalled in "
     "the second half of last year. Chad handed over 40 Sudanese fighters and Sudan freed 38 Chadians.",
     "2024-03-14", (38, 40), (C, "2024-03-14", "2024-03-14")),
    # date.previous_handover_clause: of the previous sentence's two dates, the one of its handover clause
    ("previous_sentence_handover_day_not_the_war_month",
     "Chad and Sudan exchanged prisoners of war Monday at the border post where they fought in January. Chad handed "
     "over 40 Sudanese soldiers and Sudan freed 38 Chadians.", "2024-03-14", (38, 40),
     (C, "2024-03-11", "2024-03-11")),
    # dating.since_when: an insertion right after "when" is passed over, the handover after it is the earlier swap's
    ("since_when_with_an_insertion_dates_the_earlier_swap",
     "Chad and Sudan exchanged prisoners on Monday: Chad handed over 14 Sudanese soldiers and Sudan freed 9 Chadians. "
     "It was the first exchange since May 2019, when, after a border war, Chad returned 60 Sudanese soldiers and "
     "Sudan handed back 22 Chadians.", "2024-03-14", (22, 60), (C, "2019-05-01", "2019-05-31")),
    ("since_when_of_a_capture_dates_no_handover",
     "The 14 Sudanese soldiers, held since May 2019, when, after a border clash, they were captured near Tine, were "
     "handed over by Chad on Monday in exchange for 9 Chadians.", "2024-03-14", (9, 14),
     (C, "2024-03-11", "2024-03-11")),
    # the recogniser's date.weekday_of_week: "Wednesday last week" is that week's Wednesday, not the whole week
    ("weekday_of_last_week",
     "On Wednesday last week, at the Tiwinza post, Peru delivered the remains of 17 Ecuadorian soldiers.",
     "2024-03-14", (17,), (C, "2024-03-06", "2024-03-06")),
    ("weekday_of_next_week",
     "Sudan will free 12 RSF fighters on Friday of next week, a mediator said.", "2024-03-14", (12,),
     (P, "2024-03-22", "2024-03-22")),
    ("monday_of_last_week",
     "Chad said 26 Sudanese fighters were freed on Monday last week in a swap with Sudan.", "2024-03-14", (26,),
     (C, "2024-03-04", "2024-03-04")),
    ("statement_on_a_weekday_of_last_week",
     "Ukraine said on Friday last week that 95 soldiers were back home after a swap with Russia.", "2024-03-14",
     (95,), (C, "2024-03-08", "2024-03-08")),
    # date.timeline_entry: in a timeline (paragraphs that open with a date and a dash) the entry's date dates the
    # handovers of its paragraph
    ("timeline_entry_of_a_truce",
     "Timeline of the swaps\n\nMarch 2 - The truce begins. Sudan frees 40 RSF fighters.\n\nMarch 9 - The RSF hands "
     "over 35 soldiers to the army.\n\nMarch 12 - Talks stall.", "2024-03-14", (40,), (C, "2024-03-02", "2024-03-02")),
    ("timeline_entry_of_bodies",
     "How the deal unfolded\n\nJanuary 5 - Armenia and Azerbaijan agree to a swap.\n\nJanuary 11 - Azerbaijan "
     "returns 12 Armenian soldiers to Armenia.\n\nFebruary 2 - Armenia receives 9 bodies from Azerbaijan.",
     "2024-03-14", (9,), (C, "2024-02-02", "2024-02-02")),
    ("timeline_entry_of_last_year",
     "The year in swaps\n\nFebruary 14 - Colombia releases 18 ELN rebels.\n\nJune 3 - The ELN frees 7 Colombian "
     "soldiers in Arauca.\n\nOctober 21 - Colombia and the ELN swap 5 prisoners each.", "2024-03-14", (7,),
     (C, "2023-06-03", "2023-06-03")),
    # date.timeline_year: an entry without a year stands under the year the last entry stated, one more when the
    # months turn back; with no year stated in any entry, the publication's year as before
    ("timeline_year_of_an_earlier_entry",
     "Thirty years on\n\nJanuary 26, 1995 - Fighting breaks out in the Cenepa valley.\n\nMarch 10 - Ecuador hands 11 "
     "Peruvian soldiers to Peru.\n\nOctober 26, 1998 - The peace treaty is signed.", "2024-03-14", (11,),
     (C, "1995-03-10", "1995-03-10")),
    ("timeline_year_turns_with_the_months",
     "After the ceasefire\n\nOctober 3, 1990 - The guns fall silent.\n\nDecember 12 - Iraq frees 25 Iranian soldiers "
     "to Iran.\n\nFebruary 9 - Iran hands 31 Iraqi soldiers to Iraq.", "2024-03-14", (31,),
     (C, "1991-02-09", "1991-02-09")),
    ("timeline_year_only_from_entries",
     "Swaps since the 1994 truce\n\nMarch 2 - Armenia frees 12 Azerbaijani soldiers to Azerbaijan.\n\nMarch 9 - "
     "Azerbaijan hands 8 Armenian soldiers to Armenia.", "2024-03-14", (12,), (C, "2024-03-02", "2024-03-02")),
    # date.occasion_after_war: a war noun ending the occasion's own subject does not make its day history
    ("occasion_after_the_war_took_place_on_a_day",
     "Yerevan recalled that the first exchange after the war took place on 9 May 2021, when 15 Armenians and 4 "
     "Azerbaijanis were swapped.", "2024-03-14", (4, 15), (C, "2021-05-09", "2021-05-09")),
    ("war_broke_out_in_a_month_is_still_history",
     "The swap came three years after the war broke out in May 2021: Armenia and Azerbaijan exchanged 6 soldiers "
     "each on Monday.", "2024-03-14", (6, 6), (C, "2024-03-11", "2024-03-11")),
    # what befell the people and a statement's own day are no day of the handover
    ("capture_day_of_the_people_is_not_the_handover",
     "On Wednesday Hezbollah handed over the bodies of two Israeli soldiers whose capture in July 2022 set off a war, "
     "and Israel freed 5 Lebanese prisoners to Lebanon.", "2024-03-14", (2, 5), (C, "2024-03-13", "2024-03-13")),
    ("relations_broken_off_in_a_year",
     "Washington and Havana on Wednesday restored relations broken off in 1961 with a swap: Cuba freed 2 American "
     "prisoners to the US and the US freed 3 Cuban prisoners to Cuba.", "2024-03-14", (2, 3),
     (C, "2024-03-13", "2024-03-13")),
    ("statement_published_on_a_day",
     "Azerbaijan returned 28 Armenian soldiers to Armenia today, as the joint statement published on 7 March had "
     "promised.", "2024-03-14", (28,), (C, "2024-03-14", "2024-03-14")),
    ("one_dated_paragraph_is_no_timeline",
     "March 2 - Sudan and the RSF met in Jeddah. The RSF freed 40 soldiers to the army, officials said.",
     "2024-03-14", (40,), (C, "2024-03-14", "2024-03-14")),
    # date.inside_a_name: a date inside a recognised name is part of the name, not the occasion's day
    ("name_with_a_date_is_no_date",
     "Last Friday, fighters of the March 23 Movement handed 36 Congolese soldiers to the Red Cross near Bunagana.",
     "2024-03-14", (36,), (C, "2024-03-08", "2024-03-08")),
    ("name_with_a_date_in_the_other_order",
     "The 23 March Movement freed 11 Burundian troops to their army on 2 February, a spokesman said.",
     "2024-03-14", (11,), (C, "2024-02-02", "2024-02-02")),
    # date.that_fronted: a date fronted in a that-clause, an aside after it, dates the clause's handover
    ("date_fronted_in_a_that_clause",
     "Kyiv recalled that in February, after weeks of talks, Russia returned 212 Ukrainian soldiers in a swap for 212 "
     "Russian troops.", "2024-03-14", (212, 212), (C, "2024-02-01", "2024-02-29")),
    ("day_fronted_in_a_that_clause",
     "Khartoum noted that on 3 June, despite heavy shelling, the RSF freed 55 soldiers to the army in exchange for 70 "
     "RSF fighters.", "2024-03-14", (55, 70), (C, "2023-06-03", "2023-06-03")),
    ("year_fronted_in_a_that_clause",
     "The commission recalled that in December 2020, after the end of the war, Azerbaijan handed 44 Armenian "
     "captives to Armenia and received 14 of its soldiers.", "2024-03-14", (14, 44), (C, "2020-12-01", "2020-12-31")),
    ("name_with_a_date_beside_a_plan",
     "A spokesman for the March 23 Movement said the rebels would release 58 prisoners to Kinshasa next Tuesday.",
     "2024-03-14", (58,), (P, "2024-03-19", "2024-03-19")),
    # a figure between two dates as near takes the one after it: "after 90 in January and 60 in February"
    ("figure_takes_the_date_after_it_in_a_list",
     "Azerbaijan handed 120 Armenian soldiers to Armenia on Monday, the third swap this year, after 90 soldiers were "
     "returned in January and 60 in February.", "2024-03-14", (60,), (C, "2024-02-01", "2024-02-29")),
    ("first_figure_of_the_list_keeps_its_month",
     "Azerbaijan handed 120 Armenian soldiers to Armenia on Monday, the third swap this year, after 90 soldiers were "
     "returned in January and 60 in February.", "2024-03-14", (90,), (C, "2024-01-01", "2024-01-31")),
    ("rounds_listed_with_their_months",
     "Chad freed 35 Sudanese soldiers in April, 50 in June and 20 in August, the Red Cross said.", "2024-09-14",
     (50,), (C, "2024-06-01", "2024-06-30")),
    # near miss: dates told before their figures keep them
    ("dates_before_their_figures",
     "In January Chad freed 35 Sudanese soldiers and in June 50 more, the Red Cross said.", "2024-09-14",
     (35,), (C, "2024-01-01", "2024-01-31")),
    # date.day_header: a live blog that heads its days with a line of their own dates each entry by its day, and
    # its "this morning" or "on Tuesday" counts from that day, not from the publication's
    ("live_blog_entry_under_the_first_day", LIVE_BLOG, "2024-03-14", (14, 30), (C, "2024-03-13", "2024-03-13")),
    ("live_blog_today_under_the_second_day", LIVE_BLOG.rsplit("\n\n11:00", 1)[0], "2024-03-14", (9,),
     (C, "2024-03-14", "2024-03-14")),
    ("live_blog_weekday_counts_from_the_header",
     LIVE_BLOG.replace("Thursday 14 March", "Saturday 16 March").replace("today", "this morning"), "2024-03-17",
     (20,), (C, "2024-03-12", "2024-03-12")),
    ("live_blog_header_in_capitals_and_a_comma",
     "Live: the swap at the border.\n\nMONDAY, 11 MARCH\n\n09:00 - Azerbaijan handed 6 Armenian soldiers to Armenia "
     "this morning.\n\nTUESDAY, 12 MARCH\n\n10:00 - Azerbaijan handed 4 more Armenian soldiers to Armenia.",
     "2024-03-14", (4,), (C, "2024-03-12", "2024-03-12")),
    ("live_blog_first_day_of_two_in_capitals",
     "Live: the swap at the border.\n\nMONDAY, 11 MARCH\n\n09:00 - Azerbaijan handed 6 Armenian soldiers to Armenia "
     "this morning.\n\nTUESDAY, 12 MARCH\n\n10:00 - Azerbaijan handed 4 more Armenian soldiers to Armenia.",
     "2024-03-14", (6,), (C, "2024-03-11", "2024-03-11")),
    # "on 5 and 6 March" (recogniser rule date.two_days_on): the whole swap told beside its stages spans both days
    ("whole_on_two_days_spans_them",
     "The Red Cross on 5 and 6 March helped free 75 detainees in Sudan. On 5 March, the RSF released 41 Sudanese "
     "soldiers. On 6 March, Sudan released 34 RSF fighters.", "2024-03-14", (75,), (C, "2024-03-05", "2024-03-06")),
    # date.stage_day: "On the second day" of a swap told day by day is the day after the one given its first day
    ("second_day_counted_from_the_first",
     "The swap ran over two days. On the first day, 11 March, Chad freed 40 Sudanese soldiers and Sudan freed 35 "
     "Chadian soldiers. On the second day, Chad freed 22 Sudanese soldiers and Sudan freed 18 Chadian soldiers.",
     "2024-03-14", (18, 22), (C, "2024-03-12", "2024-03-12")),
    # near miss: the second day of talks is no day of the swap
    ("second_day_of_talks_is_no_stage_day",
     "Talks in Vienna opened on 11 March. On the second day of talks, Chad freed 22 Sudanese soldiers and Sudan freed "
     "18 Chadian soldiers.", "2024-03-14", (18, 22), (C, "2024-03-14", "2024-03-14")),
    # "in about two months" after a verb of the future (recogniser rule date.time_ahead): the later stage's month
    ("later_stage_in_about_two_months",
     "Kenya freed 300 Al-Shabaab prisoners on Tuesday in exchange for two soldiers. The remaining 400 prisoners are "
     "to be freed in a second stage in about two months.", "2024-03-14", (400,), (P, "2024-05-01", "2024-05-31")),
    # near misses: one day on a line of its own is a dateline, not a blog's days; a line with more than a day
    # ("Live updates, Wednesday 13 March.") heads nothing
    ("one_day_line_heads_nothing",
     "Wednesday 13 March\n\nThe ELN freed 14 Colombian soldiers today, the ombudsman says.", "2024-03-14", (14,),
     (C, "2024-03-14", "2024-03-14")),
    ("line_with_words_beside_the_day_heads_nothing",
     "Live updates, Wednesday 13 March.\n\nThe ELN freed 14 Colombian soldiers today.\n\nLive updates, Tuesday 12 "
     "March.\n\nColombia freed 30 ELN fighters today.", "2024-03-14", (14, 30), (C, "2024-03-14", "2024-03-14")),
    ("planned_entry_is_not_dated_by_its_header",
     "Our live coverage.\n\nWEDNESDAY 13 MARCH\n\n14:10 - The ELN freed 14 Colombian soldiers.\n\nThursday 14 "
     "March\n\n10:20 - Colombia will free 30 ELN fighters next week, the ministry says.", "2024-03-14", (30,),
     (P, "2024-03-18", "2024-03-24")),
]

XFAIL: dict[str, str] = {}


@pytest.mark.parametrize(
    ("text", "published", "counts", "expected"),
    [pytest.param(text, published, counts, expected, id=name,
                  marks=[pytest.mark.xfail(reason=XFAIL[name], strict=True)] if name in XFAIL else [])
     for name, text, published, counts, expected in CASES])
def test_date_of_the_occasion(extractor, text, published, counts, expected):
    records = dated(exchanges(extractor, text, published=published))
    found = [(status, start, end) for status, values, start, end in records if values == counts]
    assert found == [expected]


def test_capture_month_of_the_previous_sentence_dates_no_handover(extractor):
    """date.previous_sentence: a date that ends a clause telling of a capture ('captured during a patrol near the
    border in July') is no day for the handover told in the next sentence."""
    text = ("The ELN freed nine soldiers on Wednesday and the government released three jailed rebels in return. "
            "The soldiers, captured during a patrol near the Venezuelan border in July, were received by the Red "
            "Cross. The three rebels, who had served long sentences in a prison in Cali, were released into the "
            "custody of the church commission.")
    assert [d for d in dated(exchanges(extractor, text)) if d[2] and d[2][5:7] == "07"] == []


def test_transcript_header_under_a_title(extractor):
    """date.broadcast_day: the header is read under the article's title too."""
    records = exchanges(extractor, "Text of report by Azerbaijani radio on 12 March\n\nAzerbaijan today handed over 14 "
                                   "Armenian soldiers to Armenia in exchange for 3 Azerbaijani servicemen.",
                        title="Azerbaijan frees 14 Armenian soldiers - radio")
    assert dated(records) == [(C, (3, 14), "2024-03-12", "2024-03-12")]
