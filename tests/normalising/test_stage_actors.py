"""Actors stage: who a name stands for in the article's war (recast.py; issue 9 item 4).

Invented sentences only (other countries, numbers and wording than any article). Each row: the text
and every flow the article should yield, as (from, to, category, figure)."""

from __future__ import annotations

import pytest

from _stage import flows_of
from extractor.contract import Article, ExchangeRecord, PartialDate

CASES = [
    # direction.held_capital: the capital the rebels hold stands for the rebels in their war with the government
    pytest.param("The Houthis and Yemen's government swapped prisoners on Monday: Sanaa freed 30 government soldiers, "
                 "and the government released 64 Houthi fighters who were flown to Sanaa.",
                 [("HOUTHIS", "YEM", "pows", 30), ("YEM", "HOUTHIS", "pows", 64)], id="held-capital-giver-and-destination"),
    pytest.param("Yemen's government handed 48 Houthi detainees to the Red Cross on Tuesday in a swap; they were flown "
                 "from Marib to Sana'a, while Sana'a released 21 soldiers.",
                 [("HOUTHIS", "YEM", "pows", 21), ("YEM", "HOUTHIS", "pows", 48)], id="held-capital-apostrophe"),
    pytest.param("The Houthi-run government in Sanaa freed 25 Saudi soldiers on Monday in exchange for 60 Houthi "
                 "fighters.",
                 [("HOUTHIS", "SAU", "pows", 25), ("SAU", "HOUTHIS", "pows", 60)], id="held-capital-against-third-state"),
    # direction.governing_group: a group that governs a state stands for it (published 2024, after it took power)
    pytest.param("The Taliban released a British engineer on Tuesday in exchange for an Afghan national jailed in "
                 "London.",
                 [("AFG", "GBR", "prisoners", 1), ("GBR", "AFG", "prisoners", 1)], id="governing-group-person-swap"),
    pytest.param("The Taliban freed two Australians on Friday in a swap for three Afghans held in Canberra.",
                 [("AFG", "AUS", "prisoners", 2), ("AUS", "AFG", "prisoners", 3)], id="governing-group-counted"),
    # direction.sponsor_named_group: "an X-linked group" is not X; the group the article names is the actor
    pytest.param("An al-Qaeda-linked group released three Somali soldiers on Sunday in exchange for 20 prisoners. The "
                 "soldiers had been held by al-Shabaab since March.",
                 [("AL_SHABAAB", "SOM", "pows", 3), ("SOM", "AL_SHABAAB", "prisoners", 20)], id="sponsor-linked-group"),
    # direction.partisan_state: the state side named by its enemies
    pytest.param("Houthi media said 80 fighters held by the forces of the ousted government of Yemen were freed on "
                 "Monday in a prisoner swap, and the Houthis released 35 soldiers.",
                 [("HOUTHIS", "YEM", "pows", 35), ("YEM", "HOUTHIS", "pows", 80)], id="partisan-ousted-government"),
    # "the government (side)" itself is the state side of a state-versus-group dyad
    pytest.param("The TPLF freed 140 soldiers on Sunday in a swap with Ethiopia, while the government side released 160 "
                 "Tigrayan fighters.",
                 [("ETH", "TPLF", "pows", 160), ("TPLF", "ETH", "pows", 140)], id="partisan-government-side"),
    # direction.restated_receiver: one figure told twice, once with its receiver only ("flown to Sanaa"), once
    # with its giver only ("held by the forces of the ousted government"), where third states' nationals keep
    # the dyad from filling sides in
    pytest.param("Eighty prisoners of the popular committees were flown to Sanaa on Tuesday, the Houthi prisoner "
                 "committee said. The 80 prisoners, held by the forces of the ousted government of Yemen, were "
                 "released under the deal, while Sanaa freed 12 Saudi soldiers and 5 Sudanese soldiers, officials in "
                 "Riyadh and Khartoum said.",
                 [("HOUTHIS", "SAU", "pows", 12), ("HOUTHIS", "SDN", "pows", 5), ("YEM", "HOUTHIS", "pows", 80)],
                 id="figure-told-twice-with-one-side-each"),
    # direction.remains_to_state_body: remains handed to a state's army go to that state (a state at war with a side)
    pytest.param("Hezbollah handed over the bodies of three Israeli soldiers on Tuesday, and Israel returned the bodies "
                 "of 45 fighters in exchange. The remains of the 45 were handed to the Lebanese army at the Naqoura "
                 "crossing.",
                 [("HEZBOLLAH", "ISR", "bodies", 3), ("ISR", "LBN", "bodies", 45)], id="remains-to-state-army"),
    # ... but officials of a state that is no party at war with a side are go-betweens
    pytest.param("Azerbaijan returned 40 bodies on Monday in a swap with Armenia; the remains were handed to Georgian "
                 "officials at the border.",
                 [("AZE", "ARM", "bodies", 40)], id="remains-to-go-between-officials"),
    pytest.param("Israel returned the bodies of 30 fighters to Hezbollah on Sunday in exchange for the remains of one "
                 "soldier.",
                 [("HEZBOLLAH", "ISR", "bodies", 1), ("ISR", "HEZBOLLAH", "bodies", 30)], id="remains-to-the-group"),
    # direction.sponsor_is_side: "X-backed fighters" where X is itself a side of the article's war are X's side,
    # not the other group the article names (that is their captor)
    pytest.param("The SDF handed 30 Turkish-backed fighters to Turkey on Monday in exchange for 45 Kurdish fighters.",
                 [("SDF", "TUR", "pows", 30), ("TUR", "SDF", "pows", 45)], id="sponsor-is-side-handed-to"),
    pytest.param("Turkey freed 45 SDF fighters on Monday in exchange for 30 Turkish-backed fighters.",
                 [("SDF", "TUR", "pows", 30), ("TUR", "SDF", "pows", 45)], id="sponsor-is-side-exchanged-for"),
    pytest.param("The Kurdish-led SDF freed 30 Turkish-backed fighters on Monday, and Turkey released 45 Kurdish "
                 "fighters.", [("SDF", "TUR", "pows", 30), ("TUR", "SDF", "pows", 45)], id="sponsor-is-side-two-clauses"),
    # near miss: a sponsor named only as a sponsor is no side (direction.sponsor_named_group)
    pytest.param("Rwanda-backed M23 rebels freed 20 Congolese soldiers on Monday in exchange for 35 of their fighters.",
                 [("COD", "M23", "pows", 35), ("M23", "COD", "pows", 20)], id="sponsor-only-a-sponsor"),
    # direction.several_givers reads a list of givers, not the object of a fronted phrase before the subject
    pytest.param("Under a deal brokered with Qatar, the Houthis freed 45 soldiers of the Aden government on Monday in "
                 "exchange for 60 fighters.",
                 [("HOUTHIS", "YEM", "pows", 45), ("YEM", "HOUTHIS", "pows", 60)], id="fronted-phrase-object-no-giver"),
    pytest.param("The United States, Germany and Norway freed eight Russians on Thursday in exchange for 16 people held "
                 "by Russia.", [(None, "RUS", "prisoners", 8), ("RUS", None, "prisoners", 16)], id="listed-givers-still-several"),
    # group.of_state: "of the <capital> administration" is the state, also after two coordinated nouns
    pytest.param("Under the deal signed with Oman, the Houthis freed 45 soldiers and policemen of the Aden "
                 "administration on Tuesday in a prisoner swap.",
                 [("HOUTHIS", "YEM", "pows", 45)], id="capital-administration-shared-noun"),
    pytest.param("The rebels freed 30 soldiers of the Damascus government on Monday in a swap.",
                 [(None, "SYR", "pows", 30)], id="capital-government"),
    # group.listed_national_person: "and a <Demonym> <people word>" after counted nationals is one of that state
    pytest.param("Al-Shabaab freed three Kenyan teachers and a Ugandan soldier on Tuesday in exchange for 12 militants "
                 "held by Somalia.",
                 [("AL_SHABAAB", "KEN", "hostages", 3), ("AL_SHABAAB", "UGA", "pows", 1), ("SOM", "AL_SHABAAB", "prisoners", 12)],
                 id="listed-national-person"),
    pytest.param("The Houthis freed 12 Saudi soldiers and a Sudanese soldier on Tuesday in exchange for 40 fighters.",
                 [("HOUTHIS", "SAU", "pows", 12), ("HOUTHIS", "SDN", "pows", 1), ("SAU", "HOUTHIS", "pows", 40)],
                 id="listed-national-soldier"),
    # direction.demonym_subject: "the Ukrainians" opening a clause before its verb stand for their state
    pytest.param("The Ukrainians handed over 60 Russian prisoners of war on Monday and received 60 of their own.",
                 [("RUS", "UKR", "pows", 60), ("UKR", "RUS", "pows", 60)], id="demonym-subject-receives-own"),
    pytest.param("The Armenians handed over 5 Azerbaijani soldiers on Monday and received 7 of their own.",
                 [("ARM", "AZE", "pows", 5), ("AZE", "ARM", "pows", 7)], id="demonym-subject-other-war"),
    # near miss: a plural demonym counted or after a verb is the people, not the side
    pytest.param("Russia freed 40 Ukrainians captured in Mariupol on Monday in a swap for 40 Russian soldiers.",
                 [("RUS", "UKR", "pows", 40), ("UKR", "RUS", "pows", 40)], id="demonym-object-not-subject"),
    # a group named by its acronym only in its war's articles (actors.context_name)
    pytest.param("Myanmar's junta freed 40 Arakan Army fighters on Monday, and the AA released 25 soldiers.",
                 [("AA", "MMR", "pows", 25), ("MMR", "AA", "pows", 40)], id="context-acronym-second-clause"),
    # counts: a figure after the swap's pivot is the other side's people, no part of the pool 'among them' opened
    pytest.param("Four hostages, among them a woman, were freed by Hamas on Saturday in exchange for 120 Palestinian "
                 "prisoners.", [("HAMAS", "ISR", "hostages", 4), ("ISR", "PSE", "prisoners", 120)],
                 id="among-them-before-pivot"),
    # direction.pivot_bounds_phrase: 'to Israel' before the pivot is the hostages' receiver, not the prisoners'
    pytest.param("Four hostages were freed by Hamas to Israel on Saturday in exchange for 120 Palestinian prisoners.",
                 [("HAMAS", "ISR", "hostages", 4), ("ISR", "PSE", "prisoners", 120)], id="to-phrase-before-pivot"),
    pytest.param("Two soldiers were handed by Armenia to Azerbaijan on Friday in exchange for 15 Armenian soldiers.",
                 [("ARM", "AZE", "pows", 2), ("AZE", "ARM", "pows", 15)], id="by-and-to-before-pivot"),
    # group.lone_captive: 'an American soldier', 'a hostage' swapped for a counted group is a flow of one
    pytest.param("The Taliban released an American soldier on Wednesday in exchange for five Taliban commanders.",
                 [("AFG", "USA", "pows", 1), ("USA", "AFG", "pows", 5)], id="lone-captive-soldier"),
    pytest.param("Russia freed a Ukrainian soldier on Friday in exchange for 12 Russian soldiers.",
                 [("RUS", "UKR", "pows", 1), ("UKR", "RUS", "pows", 12)], id="lone-captive-state-war"),
    pytest.param("Russia freed 12 Ukrainian soldiers on Friday in exchange for a Russian pilot held in Ukraine.",
                 [("RUS", "UKR", "pows", 12), ("UKR", "RUS", "pows", 1)], id="lone-captive-held-in"),
    pytest.param("The rebels freed a hostage on Friday in exchange for 4 jailed fighters.",
                 [(None, None, "hostages", 1), (None, None, "pows", 4)], id="lone-captive-hostage-category"),
    # direction.home_of_teller: people of no stated nationality coming home go to the side that tells it
    pytest.param("Kyiv's military intelligence said 90 defenders came home on Friday, while Moscow's side received 90 "
                 "of its soldiers.", [("RUS", "UKR", "pows", 90), ("UKR", "RUS", "pows", 90)], id="home-of-teller"),
    pytest.param("Azerbaijan said 12 servicemen returned home on Monday in an exchange with Armenia.",
                 [("ARM", "AZE", "pows", 12)], id="home-of-teller-other-war"),
    pytest.param("Ukraine's ombudsman said 40 civilians came home on Monday after a swap with Russia.",
                 [("RUS", "UKR", "civilians", 40)], id="home-of-teller-state-body"),
    # near miss: a side quoted between the people and the verb does not tell their homecoming
    pytest.param("Kyiv announced that 300 bodies, which the Russian side said were Ukrainian soldiers, had returned "
                 "home on Monday. Ukraine returned 19 bodies to Moscow.",
                 [("RUS", "UKR", "bodies", 300), ("UKR", "RUS", "bodies", 19)], id="quoted-side-inside-the-clause"),
    # direction.intransitive_return: 'returned' with no object, in a sentence that tells a release, is a homecoming
    pytest.param("Georgia's ombudsman said eight detainees returned on Monday after they were freed by Russia "
                 "in a swap.", [("RUS", "GEO", "pows", 8)], id="intransitive-return-teller"),
    pytest.param("Since the war 2,350 Armenians have been released from Azerbaijani captivity, Yerevan said after 14 "
                 "soldiers returned late on Monday.", [("AZE", "ARM", "pows", 14), ("AZE", "ARM", "pows", 2350)], id="intransitive-return-beside-total"),
    # direction.home_of_awaiting: the side that expects or hopes to see people come home receives them
    pytest.param("Yerevan expects 19 more soldiers to come home from Azerbaijan in the coming days.",
                 [("AZE", "ARM", "pows", 19)], id="home-of-awaiting-side"),
    pytest.param("Armenia hopes 19 soldiers held in Azerbaijan will come home before the new year.",
                 [("AZE", "ARM", "pows", 19)], id="home-of-hoping-side"),
    # direction.repatriated_home: fighters' remains "were repatriated", told by a side, went home to it
    pytest.param("Armenia's defence ministry said the remains of 28 servicemen were repatriated on Tuesday.",
                 [("AZE", "ARM", "bodies", 28)], id="repatriated-told-by-a-side"),
    pytest.param("Yerevan said 14 soldiers captured in the war had been repatriated on Tuesday.",
                 [("AZE", "ARM", "pows", 14)], id="repatriated-war-in-the-sentence"),
    # near miss: remains of people who died in peace are no handover between sides
    pytest.param("Israel said the bodies of 10 tourists killed in a bus crash in Egypt were repatriated on Friday.",
                 [], id="repatriated-crash-victims"),
    # near misses: back from the front or from leave, or an object after the verb
    pytest.param("Kyiv said 40 soldiers returned to their positions on Friday, hours after 12 prisoners were freed "
                 "by Russia.", [("RUS", "UKR", "pows", 12)], id="returned-to-positions"),
    pytest.param("Moscow said 30 soldiers returned on Friday from leave, hours after 15 prisoners were freed by Kyiv.",
                 [("UKR", "RUS", "pows", 15)], id="returned-from-leave-beside-release"),
    # near miss: the people's nationality decides before the teller (direction.home)
    pytest.param("Moscow said 60 Ukrainian soldiers went home on Monday in a swap.",
                 [("RUS", "UKR", "pows", 60)], id="home-nationality-before-teller"),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_actors(extractor, text: str, expected: list[tuple]) -> None:
    assert flows_of(extractor, text) == sorted(expected, key=repr)


def test_governing_group_only_since_it_took_power(extractor) -> None:
    """Before it governed the state, the group is its own side (direction.governing_group needs the date)."""
    text = "The Taliban freed two Australians on Friday in a swap for three Afghans held in Canberra."
    article = Article(id="stage", text=text, published=PartialDate(year=2019, month=5, day=3))
    sides = {(f.from_, f.to) for r in extractor.extract(article) if isinstance(r, ExchangeRecord) for f in r.flows}
    assert ("TALIBAN", "AUS") in sides


@pytest.mark.parametrize("text,rules", [
    pytest.param("The Tigers freed 12 Sri Lankan soldiers on Monday, and the army released 20 Tamil rebels in the swap.",
                 {"actors.context_name", "actors.homeland_rebels"}, id="nickname-and-homeland"),
    pytest.param("Indonesia freed 15 GAM members on Friday in a swap, and Acehnese rebels released 9 soldiers.",
                 {"actors.context_name", "actors.homeland_rebels"}, id="context-acronym-and-homeland"),
])
def test_every_rule_that_named_a_side_is_carried(extractor, text: str, rules: set[str]) -> None:
    """A side named by two recognising rules carries both in its record's rules, not the last one read."""
    article = Article(id="stage", text=text, published=PartialDate(year=2024, month=3, day=6))
    carried = {r for record in extractor.extract(article) if isinstance(record, ExchangeRecord) for r in record.rules}
    assert rules <= carried


@pytest.mark.parametrize("text", [
    pytest.param("The Houthis freed 12 soldiers and a Sudanese soldier on Tuesday in exchange for 40 fighters.",
                 id="no-counted-nationals-before"),
    pytest.param("Al-Shabaab freed three Kenyan teachers on Tuesday and a Ugandan soldier was wounded.",
                 id="national-of-another-clause"),
    # group.lone_captive near misses: no indefinite article, or a plural
    pytest.param("Russia freed the soldier on Friday in exchange for 12 Ukrainian soldiers.", id="definite-captive"),
    pytest.param("Russia freed soldiers on Friday in exchange for 12 Ukrainian soldiers.", id="bare-plural"),
])
def test_no_flow_of_one_without_its_person(extractor, text: str) -> None:
    """group.listed_national_person and group.lone_captive near misses: no list of counted nationals right before
    the national; no indefinite singular captive."""
    assert not any(row[3] == 1 for row in flows_of(extractor, text))
