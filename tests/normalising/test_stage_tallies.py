"""Stage table: running totals (extractor/normalising/tallies.py).

A cumulative figure framed by a period ("since then", "between April and September"), a total
phrase ("puts the total ... at", "stood at", "brings the total number of ... to"), a count of swaps
("through 11 previous swaps") or an agreement or a mediator with a perfect-tense verb is a tally,
never an occasion's flow. False cues ("held since May", "already", "the 41st since the start",
"in two days") make no tally. Every sentence here is invented.
"""

from __future__ import annotations

import pytest

from _stage import flow_row, normalised_and_records

from extractor.contract import PartialDate

PUBLISHED = PartialDate.parse("2024-03-15")


_flow = flow_row


def _run(extractor, text: str):
    return normalised_and_records(extractor, text, doc_id="stage-tallies", published=PUBLISHED)


def _tally_flows(records: list[dict]) -> list[tuple]:
    return [_flow(r["flow"]) for r in records if r["type"] == "tally"]


def _exchange_figures(records: list[dict]) -> set[tuple]:
    return {_flow(f)[3:] for r in records if r["type"] == "exchange" for f in r["flows"]}


# (id, text, expected tally flow (from, to, category, value, min, max))
TALLIES = [
    ("a_total_of_told_twice",
     "Azerbaijan has handed over to Armenia 1,730 bodies of servicemen under the Vienna accords, its envoy said. "
     "\"A total of 1,730 bodies of Armenian soldiers have been delivered to the Armenian side,\" he wrote. "
     "Armenia handed back 52 bodies on Monday.",
     ("AZE", "ARM", "bodies", 1730, 1730, 1730)),
    ("since_then",
     "Armenia and Azerbaijan signed a repatriation protocol in March. Since then, Yerevan has received "
     "the remains of 212 servicemen from Baku, an official said on Monday.",
     ("AZE", "ARM", "bodies", 212, 212, 212)),
    ("in_total_has_received",
     "Sudan's army and the RSF swapped 40 prisoners each on Sunday. In total, the army has received "
     "640 of its soldiers from the RSF under the Jeddah arrangement.",
     ("RSF", "SDN", "pows", 640, 640, 640)),
    ("puts_the_total_at",
     "Yemen's government and the Houthis swapped 60 detainees on Tuesday. The handover puts the total "
     "number of prisoners exchanged through Omani mediation at 2,310.",
     (None, None, "pows", 2310, 2310, 2310)),
    ("stood_at",
     "The Houthis freed 95 detainees on Sunday. The total number of captives released stood at 418, "
     "since Thursday, the ICRC said.",
     (None, None, "pows", 418, 418, 418)),
    ("through_previous_swaps",
     "Armenia received 15 soldiers from Azerbaijan on Friday. Yerevan said it had freed 377 servicemen "
     "from Azerbaijani captivity through 11 previous swaps.",
     ("AZE", "ARM", "pows", 377, 377, 377)),
    ("brings_total_long_gap",
     "Azerbaijan handed 12 Armenian soldiers to Armenia on Monday. The handover brings the total number of "
     "Armenian soldiers returned from Azerbaijan with the help of Western diplomats over the past two years "
     "to 155.",
     ("AZE", "ARM", "pows", 155, 155, 155)),
    ("between_months",
     "Azerbaijan returned 20 bodies to Armenia on Thursday. Between April and September, Azerbaijan handed "
     "over more than 90 bodies to Armenia, the ministry said.",
     ("AZE", "ARM", "bodies", None, 91, None)),
    ("from_month_to_month",
     "Azerbaijan freed 6 Armenian soldiers on Monday. From January to the end of March, Armenia got back "
     "over 300 of its soldiers from Azerbaijan.",
     ("AZE", "ARM", "pows", None, 301, None)),
    ("agreement_perfect_tense",
     "Armenia and Azerbaijan each freed 30 prisoners on Monday. Under the Geneva accords, Baku has handed "
     "Yerevan upwards of 1,500 bodies.",
     ("AZE", "ARM", "bodies", None, 1501, None)),
    ("mediator_perfect_tense",
     "Sudan and the RSF exchanged 40 prisoners each on Saturday in a deal mediated by Qatar. Qatar said "
     "1,130 captives have been exchanged through its mediation.",
     (None, None, "pows", 1130, 1130, 1130)),
    ("as_of_month",
     "Azerbaijan returned 9 bodies to Armenia on Friday. As of May, Azerbaijan had returned more than 300 "
     "bodies to Armenia.",
     ("AZE", "ARM", "bodies", None, 301, None)),
    ("so_far_agreement",
     "The Houthis and Yemen's government swapped 25 prisoners each on Monday. So far, 1,210 Yemeni "
     "prisoners have been freed under the Stockholm agreement.",
     ("HOUTHIS", "YEM", "pows", 1210, 1210, 1210)),
    ("since_war_began_after_attribution",
     "Azerbaijan freed 5 Armenian soldiers on Monday. According to the Armenian ombudsman, since the war "
     "began, Azerbaijan has released 94 Armenian soldiers.",
     ("AZE", "ARM", "pows", 94, 94, 94)),
    ("following_months_and_received",
     "Azerbaijan returned 50 bodies to Armenia on Friday. Azerbaijan returned over 2,000 bodies to Armenia "
     "in the following months and received 41 of its own soldiers' remains.",
     ("AZE", "ARM", "bodies", None, 2001, None)),
    ("brought_the_number_to",
     "Hezbollah and Israel swapped prisoners on Monday. The trade brought the number of captives exchanged "
     "through German mediation this year to nearly 300.",
     (None, None, "pows", 300, None, None)),
    ("a_total_of_perfect_passive",
     "Azerbaijan handed 40 bodies to Armenia on Tuesday. A total of 3,020 bodies of Armenian soldiers have "
     "been delivered to the Armenian side, the Azerbaijani negotiator wrote.",
     ("AZE", "ARM", "bodies", 3020, 3020, 3020)),
    ("as_part_of_agreement_as_of",
     "Azerbaijan returned 30 bodies to Armenia on Monday. As part of the Geneva accords, Azerbaijan returned "
     "to Armenia more than 1,900 bodies as of October.",
     ("AZE", "ARM", "bodies", None, 1901, None)),
    ("takes_the_number_of_demonyms_to",
     "Israel and Hamas swapped 3 hostages for 90 prisoners on Sunday. Israel freed 30 Palestinian prisoners "
     "on Monday. That takes the number of Palestinians released during the truce to 210.",
     ("ISR", "PSE", "prisoners", 210, 210, 210)),
    ("both_sides_have_exchanged_since",
     "The Houthis freed 15 Saudi prisoners on Monday. Since April 2022, the two sides have exchanged about "
     "1,400 detainees.",
     (None, None, "pows", 1400, None, None)),
    ("since_year_a_total_of",
     "Since 2021, a total of 310 Armenians have been freed from Azerbaijani captivity through official "
     "exchanges, while a further 41 were released outside the framework of the agreements.",
     ("AZE", "ARM", "pows", 310, 310, 310)),
    # tally.continued: a perfect-tense figure with "also", right after a sentence opened by the period
    ("continued_after_a_fronted_period",
     "Since the ceasefire took effect in May, Hezbollah has released 14 Israeli captives. The remains of six Israeli "
     "soldiers have also been handed back. The largest single swap took place on June 2, when four captives "
     "were freed for 120 Lebanese prisoners.",
     ("HEZBOLLAH", "ISR", "bodies", 6, 6, 6)),
    # group.shared_noun: two running totals told as figures of two nationalities sharing one noun; each
    # figure keeps the qualifier written before it (the figures as the article states them)
    ("shared_noun_first_figure",
     "Some 4,100 Iraqi and 2,300 Iranian prisoners of war have been repatriated since the ceasefire, the ICRC said.",
     ("IRN", "IRQ", "pows", 4100, None, None)),
    ("shared_noun_second_figure",
     "About 3,400 Armenian and 1,900 Azerbaijani soldiers have been sent home since the war ended, an envoy said.",
     ("ARM", "AZE", "pows", 1900, 1900, 1900)),
    # a period of the swaps themselves: "since the exchanges started", "since the repatriation began"
    ("since_the_exchanges_started",
     "Iran handed 640 Iraqi prisoners of war to Iraq on Monday and got back 410 of its own. Iraqi radio said "
     "7,215 Iraqi prisoners had come home since the exchanges started on 3 September.",
     ("IRN", "IRQ", "pows", 7215, 7215, 7215)),
    ("since_the_repatriation_began",
     "Azerbaijan freed 14 Armenian soldiers on Friday and Armenia freed 6 Azerbaijanis. Officials in Yerevan "
     "said 388 Armenian soldiers have returned home since the repatriation began in May.",
     ("AZE", "ARM", "pows", 388, 388, 388)),
    ("since_these_swaps_resumed",
     "The RSF freed 30 soldiers to the army on Sunday. The army says the RSF has released 452 of its soldiers "
     "since the swaps resumed in January.",
     ("RSF", "SDN", "pows", 452, 452, 452)),
    # "in the same period", "over that period": the period of the running total told just before
    ("in_the_same_period",
     "The RSF handed 52 soldiers to the ICRC on Monday, bringing to 610 the number of soldiers the RSF has "
     "handed over since March. The army has freed 233 RSF fighters in the same period.",
     ("SDN", "RSF", "pows", 233, 233, 233)),
    ("over_that_period",
     "Armenia received 9 soldiers from Azerbaijan on Tuesday. Since the spring, Azerbaijan has returned 164 "
     "Armenian soldiers; over that period Armenia has handed back 71 Azerbaijani servicemen.",
     ("ARM", "AZE", "pows", 71, 71, 71)),
    ("during_the_same_period",
     "The RSF freed 20 soldiers to the army on Saturday. Since 2024 the RSF has freed 880 soldiers, and "
     "Sudan's army has released 1,120 RSF fighters during the same period.",
     ("SDN", "RSF", "pows", 1120, 1120, 1120)),
    # tally.has_now: "X has now sent home N", a figure more than twice the article's handovers, no day
    ("has_now_sent_home",
     "Azerbaijan handed 310 Armenian soldiers to Armenia on Saturday. With 90 freed on Friday and earlier "
     "releases, Azerbaijan has now sent home 2,460 Armenian soldiers.",
     ("AZE", "ARM", "pows", 2460, 2460, 2460)),
    ("have_now_been_returned",
     "Iraq returned the remains of 35 Iranian soldiers on Tuesday. The remains of 1,905 Iranian soldiers "
     "have now been returned by Iraq, the committee said.",
     ("IRQ", "IRN", "bodies", 1905, 1905, 1905)),
    # tally.has_now_beside_total: a running total told earlier is no handover figure to outgrow; group.state_forces
    # for a people noun opened by a state word ("government personnel")
    ("has_now_beside_an_earlier_total",
     "Ethiopia freed 60 TPLF fighters on Thursday, raising the number released since January to 1,400. The TPLF "
     "handed over 35 soldiers the same day. The rebels say they have now freed about 410 government personnel.",
     ("TPLF", "ETH", "pows", 410, None, None)),
    ("had_now_freed",
     "Hamas freed 4 hostages on Sunday in exchange for 120 Palestinian prisoners. By the evening Israel had now "
     "freed 1,260 Palestinian prisoners.",
     ("ISR", "PSE", "prisoners", 1260, 1260, 1260)),
    # tally.home_of_lead: a total told as a return home, beside a swap both ways: the lead handover's way
    ("home_of_lead_bodies",
     "The bodies of 600 soldiers were returned to Armenia on Friday, and Azerbaijan received the bodies of 40 "
     "of its own. Overall, 5,210 bodies have been repatriated since 2021.",
     ("AZE", "ARM", "bodies", 5210, 5210, 5210)),
    ("home_of_lead_brought_home",
     "Iraq handed over the remains of 92 Iranian soldiers on Monday and received 18 in return. Since 1995 the "
     "remains of more than 39,000 soldiers have been brought home, the committee said.",
     ("IRQ", "IRN", "bodies", None, 39001, None)),
    ("home_of_lead_repatriated_remains",
     "The remains of 250 fallen defenders came back to Ukraine on Thursday; Russia got back 16. In total, "
     "8,830 bodies have been repatriated since 2022.",
     ("RUS", "UKR", "bodies", 8830, 8830, 8830)),
    # tally.answered_question: an explainer's "how many ... freed?" answered in the perfect tense, no day
    ("answered_how_many_question",
     "Armenia and Azerbaijan swapped 12 soldiers each on Monday.\nHOW MANY ARMENIANS HAVE BEEN RETURNED?\n"
     "Azerbaijan has handed back about 310 Armenian soldiers, according to the ombudsman.",
     ("AZE", "ARM", "pows", 310, None, None)),
    # tally.number_reached: "the number of ... has reached N" sums up what was handed over so far
    ("number_of_remains_reached",
     "Peru handed the remains of 12 soldiers to Ecuador on Monday. With this handover, the number of Ecuadorian "
     "soldiers whose remains were returned since 2019 has reached 310.",
     ("PER", "ECU", "bodies", 310, 310, 310)),
    ("number_handed_reached",
     "Armenia received 9 bodies from Azerbaijan on Tuesday. The number of remains handed to Yerevan by the "
     "commission reached 412, officials said.",
     ("AZE", "ARM", "bodies", 412, 412, 412)),
    ("number_since_the_year_reached",
     "Ethiopia handed the bodies of 15 Eritrean soldiers to Eritrea on Monday. The ministry said that with this "
     "handover the number of Eritrean soldiers whose remains were given back to Eritrea since the year 2018 has "
     "reached 260 soldiers.",
     ("ETH", "ERI", "bodies", 260, 260, 260)),
    # a total of remains outgrows the remains handed over elsewhere in the article, not the living freed in
    # another year
    ("remains_total_beside_an_older_release_of_the_living",
     "Iraq returned the remains of 30 Iranian soldiers to Iran in May. In 1990, Iraq freed 2,000 Iranian prisoners "
     "of war. The remains of 410 Iranian soldiers have now been handed to Iran by Iraq, Tehran said.",
     ("IRQ", "IRN", "bodies", 410, 410, 410)),
    ("bodies_total_beside_an_older_release_of_prisoners",
     "Kenya handed the bodies of 6 Somali fighters to Somalia on Monday. In 2011, Kenya freed 1,500 Somali "
     "prisoners. The bodies of 95 Somali fighters have now been returned to Somalia by Kenya.",
     ("KEN", "SOM", "bodies", 95, 95, 95)),
    ("remains_total_beside_a_coalition_release",
     "Iraq delivered the remains of 41 Kuwaitis on Wednesday. In March 1991, some 5,000 Iraqi prisoners of war were "
     "sent home. With the latest handover, the remains of 236 have now been returned to Kuwait.",
     ("IRQ", "KWT", "bodies", 236, 236, 236)),
    # group.total_named_after: the figure right after "brings to" / "raising to", its people in "the number of ..."
    ("brings_to_figure_the_number_of",
     "Colombia freed 40 ELN rebels on Monday in exchange for 12 soldiers held by the guerrillas. The release brings "
     "to 310 the number of ELN prisoners freed by Bogota since January.",
     ("COL", "ELN", "prisoners", 310, 310, 310)),
    ("raising_to_figure_the_total_of",
     "Azerbaijan handed 12 Armenian soldiers to Armenia on Friday, raising to 154 the total of Armenian captives "
     "returned to Yerevan under the accord.",
     ("AZE", "ARM", "pows", 154, 154, 154)),
    ("brought_to_figure_beside_a_figure_still_held",
     "Iraq returned 80 Iranian prisoners of war to Iran on Sunday. The handover brought to 2,240 the number of "
     "Iranian prisoners released by Baghdad this year, out of the 6,000 Tehran says are still held.",
     ("IRQ", "IRN", "pows", 2240, 2240, 2240)),
    # the total of a group's members a state has freed, in a dyad that is no war between forces, are its
    # prisoners like the day's flow (category.jailed_by_state)
    ("number_of_jailed_militants_freed",
     "The Turkish government freed 45 PKK militants on Monday in exchange for the bodies of six soldiers. That "
     "brings to 1,200 the number of militants freed since the truce began.",
     ("TUR", "PKK", "prisoners", 1200, 1200, 1200)),
    # tally.since_deal: a period opened by a deal ("since the signing of the peace deal") with a perfect tense
    ("since_the_signing_of_the_deal",
     "Armenia and Azerbaijan exchanged 20 prisoners each last week. With this group, Azerbaijan has released 640 "
     "Armenian prisoners since the signing of the peace deal, the ministry said.",
     ("AZE", "ARM", "pows", 640, 640, 640)),
    ("since_the_armistice",
     "Eritrea freed 45 Ethiopian soldiers on Monday in a swap. Ethiopia has handed back 380 Eritrean soldiers since "
     "the armistice, its envoy said.",
     ("ETH", "ERI", "pows", 380, 380, 380)),
    # ... or by the talks that made it, however the talks are named and dated ("since the Jeddah talks on May 11")
    ("since_the_named_talks_on_a_day",
     "Sudan freed 35 RSF fighters on Monday. The RSF has released more than 900 soldiers since the Jeddah talks on "
     "May 11, the army said.",
     ("RSF", "SDN", "pows", None, 901, None)),
    ("since_the_negotiations",
     "Eritrea freed 45 Ethiopian soldiers on Monday. Ethiopia has returned 210 Eritrean soldiers since the Algiers "
     "negotiations, its envoy said.",
     ("ETH", "ERI", "pows", 210, 210, 210)),
    # tally.since_turning_point: a period opened by a turning point ("since the fall of the former regime"), its
    # date too ("in April 2003") is the period's start, no day
    ("since_the_fall_of_a_regime_with_its_month",
     "Libya handed over the remains of 12 Chadian soldiers on Monday. Libya has returned the remains of 230 Chadian "
     "soldiers since the fall of the former regime in October 2011, the ministry said.",
     ("LBY", "TCD", "bodies", 230, 230, 230)),
    ("since_the_liberation_of",
     "Eritrea freed 45 Ethiopian soldiers on Monday in a swap. Ethiopia has handed back 310 Eritrean soldiers since "
     "the liberation of Badme, its envoy said.",
     ("ETH", "ERI", "pows", 310, 310, 310)),
    # tally.counterpart_total: the other side's total of the same period, told right after
    ("counterpart_total_after_a_total",
     "The RSF freed 50 Sudanese soldiers on Sunday and the army freed 60 RSF fighters. Since the truce, the army has "
     "released 540 RSF fighters, officials said. The RSF has freed 400 soldiers, a spokesman said.",
     ("RSF", "SDN", "pows", 400, 400, 400)),
    ("counterpart_total_after_so_far",
     "Ethiopia freed 70 TPLF fighters on Monday in a swap. Ethiopia says it has freed 610 TPLF fighters so far. The "
     "TPLF say they have released 230 Ethiopian soldiers.",
     ("TPLF", "ETH", "pows", 230, 230, 230)),
    # tally.total_phrase_sides: "to X" / "from X" inside the total phrase
    ("total_phrase_to_receiver",
     "Ukraine and Russia swapped bodies on Friday. That brought the number of bodies repatriated to Ukraine since the "
     "start of the war to more than 4,100.",
     ("RUS", "UKR", "bodies", None, 4101, None)),
    ("total_phrase_from_giver",
     "Azerbaijan and Armenia swapped soldiers on Monday. That took the total number of soldiers returned from "
     "Azerbaijan since the war to 410.",
     ("AZE", "ARM", "pows", 410, 410, 410)),
    ("total_named_after_group_members",
     "Colombia freed about 200 ELN prisoners on Friday in a swap with the rebels. The release brings to about 900 the "
     "number of ELN inmates freed since early May.",
     ("COL", "ELN", "prisoners", 900, None, None)),
    # tally.forward_total: a total phrase names its figure however far the sentence's handover verb
    ("bringing_the_total_to_after_a_day",
     "Sudan freed 45 RSF fighters on Tuesday, bringing the total to 610.",
     ("SDN", "RSF", "pows", 610, 610, 610)),
    ("raising_the_total_to_after_a_long_clause",
     "Kyrgyzstan handed 12 Tajik border guards back at the Batken crossing late on Thursday evening, raising the "
     "total to 87.",
     ("KGZ", "TJK", "pows", 87, 87, 87)),
    # tally.told_day: a weak total whose sentence's only day is the telling's, or another figure's clause's
    ("in_total_said_on_a_day",
     "Armenia and Azerbaijan swapped 40 prisoners each on Monday. In total, 612 Armenians have been released from "
     "captivity, Yerevan said on Tuesday.",
     ("AZE", "ARM", "pows", 612, 612, 612)),
    ("altogether_told_in_an_address_on_a_day",
     "Georgia got six detainees back from Abkhazia on Friday in a swap. Altogether 187 Georgians have been freed, the "
     "president said in an address on Saturday.",
     ("ABKHAZIA", "GEO", "pows", 187, 187, 187)),
    # an opening period does not frame a later clause with its own day and figure
    ("opening_period_beside_a_dated_clause",
     "Since the war, 1,640 Armenians have been released from Azerbaijani captivity, Yerevan said after Baku freed 9 "
     "soldiers on Monday.",
     ("AZE", "ARM", "pows", 1640, 1640, 1640)),
    ("bringing_to_jailed_fighters_freed",
     "Al-Shabaab handed over the remains of four soldiers on Sunday in exchange for 16 of its fighters held by "
     "Somalia, bringing to 310 the number of fighters freed since 2022.",
     ("SOM", "AL_SHABAAB", "prisoners", 310, 310, 310)),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for i, t, e in TALLIES])
def test_running_total_is_a_tally_not_a_flow(extractor, text, expected):
    parts, records = _run(extractor, text)
    figures = {(t.group.count.value, t.group.count.min, t.group.count.max) for t in parts.tallies}
    assert expected[3:] in figures
    assert expected[3:] not in _exchange_figures(records)


# the sides and category of a tally come from the group's direction and category (groups.py)
REMAINS_OF_SOLDIERS = "category: 'soldiers whose remains were returned' read as pows, not bodies (groups.py)"
CAPTIVES_AS_HOSTAGES = "category: 'captives' between two states read as hostages (cause K1, groups.py)"
SIDES_OF_TALLY = {
    "stood_at": CAPTIVES_AS_HOSTAGES,
    "brought_the_number_to": CAPTIVES_AS_HOSTAGES,
    "number_of_remains_reached": REMAINS_OF_SOLDIERS,
    "number_since_the_year_reached": REMAINS_OF_SOLDIERS,
}


@pytest.mark.parametrize("text, expected", [
    pytest.param(t, e, id=i, marks=[pytest.mark.xfail(reason=SIDES_OF_TALLY[i], strict=False)] if i in SIDES_OF_TALLY
                 else []) for i, t, e in TALLIES])
def test_tally_flow(extractor, text, expected):
    _, records = _run(extractor, text)
    assert expected in _tally_flows(records)


# (id, text, figure that must not be a tally, figure that must be an exchange flow or None)
FALSE_CUES = [
    ("held_since",
     "Azerbaijan freed four Armenian soldiers held since May in exchange for two Azerbaijani servicemen on "
     "Tuesday.",
     (4, 4, 4), (4, 4, 4)),
    # a handover of a day beside a turning point is that day's, no total (no perfect tense)
    ("freed_on_a_day_since_the_fall_of",
     "Libya freed 40 Chadian soldiers on Monday, the first handover since the fall of the former regime.",
     (40, 40, 40), (40, 40, 40)),
    ("already_back_home",
     "Nine hostages are already back home, the army said on Friday, after Hamas freed them in exchange for "
     "27 prisoners.",
     (9, 9, 9), (9, 9, 9)),
    ("nth_since_the_start",
     "Armenia and Azerbaijan exchanged 250 prisoners each on Saturday. The swap was the fourth this year and "
     "the 41st since the start of the conflict.",
     (250, 250, 250), (250, 250, 250)),
    ("second_swap_in_two_days",
     "Armenia received 88 soldiers from Azerbaijan on Sunday in the second swap in two days.",
     (88, 88, 88), (88, 88, 88)),
    ("first_swap_since",
     "Sudan and the RSF swapped 30 prisoners each on Monday. It was the first swap since the start of the war.",
     (30, 30, 30), (30, 30, 30)),
    ("swap_after_a_total",
     "The ICRC has facilitated the release of more than 1,100 detainees in Yemen since 2020, it said after "
     "Monday's swap of 20 prisoners.",
     (20, 20, 20), (20, 20, 20)),
    ("count_of_swaps",
     "Armenia and Azerbaijan have already carried out two body exchanges this year.",
     (2, 2, 2), None),
    ("has_now_on_a_day",
     "Azerbaijan has now freed 12 Armenian soldiers on Friday, in exchange for 4 Azerbaijani servicemen.",
     (12, 12, 12), (12, 12, 12)),
    ("has_now_a_figure_like_the_others",
     "Iraq handed 300 Iranian prisoners to Iran on Monday. Iran has now freed 250 Iraqi prisoners in return.",
     (250, 250, 250), (250, 250, 250)),
    ("has_now_beside_an_earlier_total_like_the_day_figures",
     "Ethiopia freed 60 TPLF fighters on Thursday, raising the number released since January to 1,400. The TPLF "
     "handed over 350 soldiers the same day. The rebels say they have now freed about 410 government personnel.",
     (410, None, None), None),
    ("outside_the_framework",
     "Since 2021, a total of 310 Armenians have been freed from Azerbaijani captivity through official "
     "exchanges, while a further 41 were released outside the framework of the agreements.",
     (41, 41, 41), None),
    # tally.captured_in_period: the period after the group tells when they were captured
    ("captured_over_the_past_years",
     "Colombia freed 26 ELN rebels captured in ambushes across Arauca over the last three years, and the ELN "
     "released 9 soldiers in return on Sunday.",
     (26, 26, 26), (26, 26, 26)),
    ("seized_during_offensives_since",
     "The Houthis handed 120 government fighters seized during offensives on Marib since 2021 to the Yemeni army on "
     "Thursday.",
     (120, 120, 120), (120, 120, 120)),
    # a period after another figure is that figure's, and frames no figure after it
    ("period_after_a_total_frames_no_later_figure",
     "Sudan freed 60 RSF fighters on Monday. The release brings to about 450 the number of RSF fighters freed since "
     "early May, out of the 1,200 prisoners the group has demanded.",
     (1200, 1200, 1200), None),
    # a deal's period with no perfect tense, or ranked, frames one handover (tally.since_deal)
    ("first_swap_since_the_treaty",
     "Armenia and Azerbaijan exchanged 15 soldiers each on Monday, the first swap since the signing of the peace "
     "treaty.",
     (15, 15, 15), (15, 15, 15)),
    ("first_swap_since_the_talks",
     "Armenia and Azerbaijan exchanged 11 soldiers each on Monday, the first swap since the Washington talks.",
     (11, 11, 11), (11, 11, 11)),
    ("since_the_talks_simple_past_on_a_day",
     "The RSF freed 25 soldiers on Monday since the Jeddah talks required it, the army said.",
     (25, 25, 25), (25, 25, 25)),
    ("since_the_deal_simple_past_on_a_day",
     "Sudan freed 20 RSF fighters on Monday since the peace deal, and the RSF released 15 soldiers.",
     (20, 20, 20), (20, 20, 20)),
    # a figure after a total with a day of its own is that day's handover, not the other side's total
    ("counterpart_with_a_day_is_a_handover",
     "The RSF freed 50 Sudanese soldiers on Sunday and the army freed 60 RSF fighters. Since the truce, the army has "
     "released 540 RSF fighters, officials said. The RSF said it had freed 45 soldiers on Monday.",
     (45, 45, 45), (45, 45, 45)),
    ("same_way_after_a_total_is_no_counterpart",
     "The RSF freed 50 Sudanese soldiers on Sunday and the army freed 60 RSF fighters. The army says it has released "
     "540 RSF fighters so far. The army has handed over 60 fighters, a spokesman said.",
     (60, 60, 60), (60, 60, 60)),
    # a figure another source "put the number at" is that handover's figure told again, no total
    ("put_the_number_at_is_no_total",
     "Israel freed 120 Palestinian prisoners on Sunday in exchange for four hostages, according to the prison "
     "service, though a Palestinian group put the number at 124.",
     (124, 124, 124), None),
    # a weak total dated in its own clause stays that day's figure
    ("in_total_with_its_own_day",
     "Armenia and Azerbaijan swapped 40 prisoners each last week. In total, 612 Armenians have been released from "
     "captivity on Tuesday, Yerevan said.",
     (612, 612, 612), (612, 612, 612)),
    ("opening_period_does_not_frame_the_dated_clause",
     "Since the war, 1,640 Armenians have been released from Azerbaijani captivity, Yerevan said after Baku freed 9 "
     "soldiers on Monday.",
     (9, 9, 9), (9, 9, 9)),
    # date.days_of_operation: a period from one day to another is the days one operation ran (the near misses
    # between_months / from_month_to_month above stay tallies)
    ("between_two_days_is_an_operation",
     "Between March 2 and March 15, 1965, Iran handed over 3,200 sick and wounded Iraqi prisoners. In return Iraq "
     "released 410 sick Iranian soldiers.",
     (3200, 3200, 3200), (3200, 3200, 3200)),
    ("from_day_to_day_across_months_is_an_operation",
     "From 28 May to 3 June, Eritrea handed 640 Ethiopian soldiers to Ethiopia at the Zalambessa crossing.",
     (640, 640, 640), (640, 640, 640)),
    ("detained_in_skirmishes_over_months",
     "Kyrgyzstan returned 14 Tajik border guards detained in skirmishes over the past 18 months to Tajikistan on "
     "Friday.",
     (14, 14, 14), (14, 14, 14)),
]


@pytest.mark.parametrize("text, not_tally, flow", [pytest.param(t, n, f, id=i) for i, t, n, f in FALSE_CUES])
def test_false_tally_cue_makes_no_tally(extractor, text, not_tally, flow):
    parts, records = _run(extractor, text)
    figures = {(t.group.count.value, t.group.count.min, t.group.count.max) for t in parts.tallies}
    assert not_tally not in figures
    if flow is not None:
        assert flow in _exchange_figures(records)


# tally.dated_stage: a part of a running total told with a day of its own is that day's handover (the total stays
# a tally); a part with no day of its own is no handover
DATED_STAGES = [
    ("including_a_day_after_a_since_total",
     "Since 2021, Armenia has received the remains of 410 soldiers from Azerbaijan, including 26 on Wednesday.",
     410, [("AZE", "ARM", "bodies", 26, 26, 26)]),
    ("of_them_on_a_day",
     "Sudan has freed 730 RSF fighters since the war began, 45 of them on Tuesday.",
     730, [("SDN", "RSF", "pows", 45, 45, 45)]),
    ("a_part_with_no_day_is_no_handover",
     "Since 2021, Armenia has received the remains of 410 soldiers from Azerbaijan, including 26 officers.",
     410, []),
]


@pytest.mark.parametrize("text, total, flows", [pytest.param(t, n, f, id=i) for i, t, n, f in DATED_STAGES])
def test_dated_part_of_a_total_is_that_days_handover(extractor, text, total, flows):
    parts, records = _run(extractor, text)
    assert total in {t.group.count.value for t in parts.tallies}
    assert [_flow(f) for r in records if r["type"] == "exchange" for f in r["flows"]] == flows


def test_total_stands_as_of_no_day_to_come(extractor):
    """A plan's day in another clause ('a further handover was planned for next month') is no day a total stands
    as of: the publication day."""
    _, records = _run(extractor, "Libya handed over the remains of 12 Chadian soldiers on Monday. Libya has returned "
                                 "the remains of 230 Chadian soldiers since the fall of the former regime, the ministry "
                                 "said, adding that a further handover was planned for next month.")
    tallies = [r for r in records if r["type"] == "tally"]
    assert [(t["as_of"]["start"], t["as_of"]["end"]) for t in tallies] == [("2024-03-15", "2024-03-15")]
