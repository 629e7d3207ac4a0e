"""Stage table: the early gate read from the text (`text_gate.TextGate`, rule gate.cue_lines), which
`Extractor.extract` asks before spaCy tokenises an article.

It must never cost a record: wherever the normaliser finds that an article speaks of exchanges
(`about_exchanges`, which every record needs), the text gate passes its text, and the records of
every corpus article are the same with and without it. Every text here is invented.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import UNSEALED_CORPORA, read_articles
from test_prefilter import BYTEWISE_TEXTS, random_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.contract import Article, PartialDate
from extractor.normalising.gate import about_exchanges, drop_false_cues, handover_sentences
from extractor.normalising.sentences import DocIndex, sentence_views
from extractor.normalising import text_gate
from extractor.normalising.text_gate import TextGate
from extractor.running.prefilter import words_of

PUBLISHED = PartialDate.parse("2024-03-15")

# (case, text, the text gate passes it)
CASES = [
    ("market_news", "Shares rose 3% on the stock exchange in Oslo on Tuesday as oil prices climbed.", False),
    ("sport_trade", "The club traded its captain to a rival.\nFans were angry.", False),
    ("casualties_only", "Nine soldiers were killed and 14 wounded in the shelling of the town overnight.", False),
    ("transfer_and_people_in_other_sentences",
     "The ministry released a statement on Monday. Nine soldiers were killed in the shelling.", False),
    ("transfer_and_people_on_other_lines", "Officials released the figures\nSoldiers died in the attack", False),
    ("headline_without_stop", "Peru hands 31 prisoners of war to Ecuador\nThe handover took place at dawn.", True),
    ("cue_and_number_sentences_apart",
     "Chile and Bolivia carried out a swap on Friday. It was the largest in years. "
     "In all, 41 soldiers went home.", True),
    ("person_swap_without_number",
     "Iran freed a French teacher in exchange for an Iranian engineer held in Paris.", True),
    ("n_for_n_deal", "The 500-for-500 exchange of prisoners was agreed in Doha.", True),
    ("tally", "Since 2022, 2,540 servicemen have been returned home in 48 exchanges.", True),
    ("abbreviation_inside_the_sentence",
     "Gen. Okafor said the captives were handed over at the border.", True),
    ("title_abbreviation_before_the_people",
     "Mr. Varga said 12 civilians held by the militia were freed on Sunday.", True),
    ("special_case_cut_in_the_word", "Officials said the rebels cannot free the hostages yet.", True),
    ("demonyms_swapped", "Kenya swapped 7 Ugandans for 9 Kenyans at the border.", True),
    ("people_swapped_without_a_figure", "Analysts said the people of both towns would swap stories.", False),
    ("people_swapped_with_a_figure_in_the_sentence", "The two towns swapped 14 people on Monday.", True),
    ("figure_in_another_sentence", "The towns swapped people.\nThe 14 buses left at noon.", False),
    ("each_side_released_prisoners", "Both sides released 20 prisoners each on Monday.", True),
    ("each_side_released_no_people_word", "Both sides released 20 each on Monday.", False),
    ("nationals_handed", "Azerbaijan handed 64 Armenians to Armenia on Friday.", True),
    ("members_of_a_force_freed", "The rebels freed 48 members of the Malian armed forces in Gao on Monday.", True),
    ("members_without_a_transfer", "The 48 members of the Malian armed forces met in Gao on Monday.", False),
    # cue senses `drop_false_cues` takes away, read from the tokens next to the cue
    ("fire_exchanged_near_counted_people",
     "The two armies exchanged heavy fire near 3 villages where 40 soldiers are held.", False),
    ("hyphenated_fire_exchanged", "Troops on both sides exchanged cross-border fire as 9 soldiers were killed.", False),
    ("exchange_fund_of_prisoners", "Officials spoke of an exchange fund of 200 captured soldiers.", False),
    ("released_a_statement", "The army released a statement on the 12 hostages.", False),
    ("released_people", "The army released the 12 hostages on Sunday.", True),
    ("freed_in_exchange_for_sanctions_relief",
     "In 2021, 14 prisoners were freed in exchange for the lifting of sanctions.", False),
    ("freed_in_exchange_for_people", "In 2021, 14 prisoners were freed in exchange for 9 soldiers.", True),
    ("a_house_called_home", "Police found 4 soldiers hiding in a Lisbon home.", False),
    ("coming_home", "Officials said the bodies of 4 soldiers came home on Friday.", True),
    ("fire_swapped_in_a_name", "The sides exchanged Red Cross lists and 30 prisoners.", True),
    # sentences gate.recovery refuses, read from the tokens of a piece
    ("bodies_recovered_by_rescuers", "Rescuers recovered the bodies of 4 soldiers from the rubble on Monday.", False),
    ("troops_rescued_hostages", "Mr. Okafor said 3 hostages were rescued by troops.", False),
    ("recovered_then_handed_over", "Troops recovered 4 bodies, which were handed over to Peru.", True),
    ("recovery_beside_a_handover", "Divers recovered 2 bodies. Peru handed 4 soldiers to Chile.", True),
    # sentences gate.clemency and gate.hypothetical refuse
    ("pardoned_prisoners", "The president pardoned 12 prisoners held by the army.", False),
    ("freed_for_a_ransom", "The rebels freed 3 hostages after a ransom was paid.", False),
    ("no_ransom_paid", "No ransom was paid when the rebels freed 3 hostages.", True),
    ("freed_after_a_fine_was_paid", "The 4 Thai fishermen were freed after a fine was paid.", False),
    ("a_fine_with_no_payment", "On a fine morning Laos freed 4 Thai soldiers to Thailand.", True),
    ("swap_that_may_come", "Officials discussed a potential prisoner swap involving 40 soldiers.", False),
    ("swap_hoped_for_with_its_terms", "Peru and Chile hope for a prisoner exchange of 40 soldiers.", True),
    # gate.person_handover: a person handed over with no figure (the text gate reads no sides: any soldier noun)
    ("ranks_after_a_swap_word", "Georgia and Russia swapped prisoners on Friday. Sergeant Levan Kapanadze "
                                "returned to Tbilisi.", True),
    ("lone_pilot_handed_back", "India handed back a captured Pakistani pilot at the Wagah crossing on Tuesday.", True),
    ("footballer_transferred", "Barcelona transferred midfielder Pedro Alves to Porto on Friday.", False),
    ("tourist_freed_for_ransom", "Kidnappers freed a German tourist, Hans Weber, after a ransom was paid.", False),
    ("reporter_freed_with_no_swap_word", "Belarus freed reporter Anna Kovel on Monday after a court ruling.", False),
]


@pytest.fixture(scope="module")
def gate(extractor) -> TextGate:
    return TextGate(extractor.nlp)


def _about(doc) -> bool:
    views = sentence_views(doc, DocIndex.build(doc))
    drop_false_cues(views)
    return about_exchanges(views)


def _about_exchanges(extractor, text: str) -> bool:
    nlp = extractor.nlp
    with nlp.select_pipes(disable=["exchange_gate"]):
        return _about(nlp(extractor._doc(Article(id="gate", text=text, published=PUBLISHED))))


@pytest.mark.parametrize(("case", "text", "passes"), CASES, ids=[c for c, _, _ in CASES])
def test_text_gate(extractor, gate, case, text, passes):
    assert gate.admits(text) is passes
    if _about_exchanges(extractor, text):
        assert gate.admits(text), "the text gate turned away a text that speaks of exchanges"


def test_pieces_hold_whole_sentences(extractor, gate):
    """No sure sentence end the text gate cuts at falls inside a sentence of the pipeline (only the
    closing marks of a sentence may fall after it), on every corpus article."""
    nlp = extractor.nlp
    for path in UNSEALED_CORPORA:
        for article in read_articles(path):
            text = article.full_text
            cuts = sorted(set(gate._stops(text)) | {i + 1 for i, ch in enumerate(text) if ch == "\n"})
            doc = nlp.make_doc(text)
            doc = nlp.get_pipe("exchange_sentences")(doc)
            for sent in doc.sents:
                letters = [t for t in sent if any(ch.isalpha() for ch in t.text)]
                if not letters:
                    continue
                lo, hi = letters[0].idx, letters[-1].idx + len(letters[-1].text)
                assert not [c for c in cuts if lo < c < hi], (article.id, sent.text)


def test_pieces_are_tokenised_as_in_the_whole_text(extractor, gate):
    """The text gate reads the tokens of a piece's whole chunks tokenised alone (`token_range`): they
    are the tokens of the whole text there, on every corpus article."""
    nlp = extractor.nlp
    for path in UNSEALED_CORPORA:
        for article in read_articles(path):
            text = article.full_text
            doc = nlp.make_doc(text)
            for _, lo, hi in gate.pieces(text):
                start, end = gate.token_range(text, lo, hi)
                alone = [(t.idx + start, t.text) for t in gate.tokenizer(text[start:end])]
                whole = [(t.idx, t.text) for t in doc if start <= t.idx < end]
                assert alone == whole, (article.id, text[start:end])


def test_pieces_are_cut_into_sentences_as_the_splitter_cuts_them(extractor, gate):
    """The sentences the text gate reads in a piece (`sentences`) begin where `exchange_sentences` begins
    them in the whole text, on every corpus article."""
    nlp = extractor.nlp
    for path in UNSEALED_CORPORA:
        for article in read_articles(path):
            text = article.full_text
            doc = nlp.get_pipe("exchange_sentences")(nlp.make_doc(text))
            starts = {sent[0].idx for sent in doc.sents}
            for _, lo, hi in gate.pieces(text):
                tokens = gate.read_tokens(text, lo, hi)
                sentences = gate.sentences(tokens)
                if sentences is None:
                    continue
                ends = tokens.offsets[-1][1] if tokens.offsets else lo
                read = {tokens.offsets[a][0] for a, _ in sentences}
                assert read == {s for s in starts if tokens.offsets and tokens.offsets[tokens.first:] and
                                tokens.offsets[tokens.first][0] <= s < ends}, (article.id, text[lo:hi])


def test_cut_words_are_read_as_the_tokenizer_cuts_them(gate):
    """A special case of the tokenizer that cuts a run of letters ("cannot" is "can" "not") is read
    as its tokens: a phrase over one of its tokens is still found."""
    assert gate.splits, "the English tokenizer has such special cases"
    words = [b"officials", b"cannot", b"free", b"them"]
    assert gate._cut(words) == [b"officials", b"can", b"not", b"free", b"them"]


@pytest.mark.parametrize("path", UNSEALED_CORPORA, ids=[p.parent.name for p in UNSEALED_CORPORA])
def test_text_gate_costs_no_record(extractor, gate, path: Path):
    """On every article of the corpora: `about_exchanges` implies the text gate, and `Extractor.extract`
    gives the same records as the whole pipeline with no gate at all."""
    nlp = extractor.nlp
    for article in read_articles(path):
        with nlp.select_pipes(disable=["exchange_gate"]):
            doc = nlp(extractor._doc(article))
            without = [r.model_dump(mode="json") for r in extractor.extract(article)]
        if _about(doc):
            assert gate.admits(article.full_text), article.id
        assert [r.model_dump(mode="json") for r in extractor.extract(article)] == without, article.id


def test_extract_skips_the_pipeline_for_a_text_turned_away(extractor, monkeypatch):
    calls = []
    real = extractor.nlp.__class__.__call__
    monkeypatch.setattr(extractor.nlp.__class__, "__call__", lambda self, *a, **k: calls.append(1) or real(self, *a, **k))
    assert extractor.extract(Article(id="m", text="Shares rose 3% on the stock exchange in Oslo.")) == []
    assert calls == []
    extractor.extract(Article(id="x", text="Peru handed over 31 prisoners of war to Ecuador on Friday."))
    assert calls == [1]


@pytest.mark.parametrize("path", UNSEALED_CORPORA, ids=[p.parent.name for p in UNSEALED_CORPORA])
def test_every_handover_sentence_lies_in_a_passing_piece(extractor, gate, path: Path):
    """The text gate mirrors `about_exchanges` sentence by sentence: on every corpus article, each
    sentence `handover_sentences` gives (one of `about_exchanges`'s tests holds there) lies in a piece
    of the text that passes one of the text gate's tests."""
    nlp = extractor.nlp
    for article in read_articles(path):
        text = article.full_text
        with nlp.select_pipes(disable=["exchange_gate"]):
            doc = nlp(extractor._doc(article))
        views = sentence_views(doc, DocIndex.build(doc))
        drop_false_cues(views)
        passing = list(gate.passing(text))
        for view in handover_sentences(views):
            letters = [t for t in view.sent if any(ch.isalpha() for ch in t.text)]
            lo, hi = letters[0].idx, letters[-1].idx + len(letters[-1].text)
            assert any(a <= lo and hi <= b for a, b in passing), (article.id, view.sent.text)


# (case, text, `_Reading.one_sided`: gate.one_sided_article read from the text, so no record)
ONE_SIDED_TEXTS = [
    ("amnesty", "Uzbekistan freed 900 prisoners in an amnesty for Independence Day.", True),
    ("pardon_in_the_headline", "President pardons 41 inmates\nThe 41 prisoners walked out of jail on Monday.", True),
    ("bail", "A court in Lagos released 12 protesters on bail after a week in custody.", True),
    ("parole", "Eight detainees were released on parole, the prison service said.", True),
    ("possessive_pardon", "The pardon's first 30 beneficiaries, all prisoners, went home on Friday.", True),
    ("sentences_handed_down", "The court handed down sentences to 14 soldiers held since March.", True),
    ("sentences_served", "The 14 prisoners who had served their sentences were released to Peru.", False),
    ("sentences_completed_far_before", "They completed, in all, their sentences. 9 prisoners were freed.", True),
    ("amnesty_beside_a_swap", "Under the amnesty, Peru freed 30 prisoners in exchange for 20 soldiers.", False),
    ("swap_elsewhere", "Chile pardoned 5 soldiers.\nA prisoner swap with Bolivia followed.", False),
    ("no_clemency_word", "Chile freed 5 soldiers on Monday.", False),
    ("pardon_inside_a_word", "Officials said the unpardonable release of 12 prisoners angered families.", False),
]


@pytest.mark.parametrize(("case", "text", "one_sided"), ONE_SIDED_TEXTS, ids=[c for c, _, _ in ONE_SIDED_TEXTS])
def test_one_sided_article_read_from_the_text(extractor, gate, case, text, one_sided):
    assert gate.reading(text).one_sided is one_sided
    if one_sided:
        assert not _about_exchanges(extractor, text)
        assert extractor.extract(Article(id="o-" + case, text=text, published=PUBLISHED)) == []


@pytest.mark.parametrize("path", UNSEALED_CORPORA, ids=[p.parent.name for p in UNSEALED_CORPORA])
def test_one_sided_text_is_no_exchange_talk(extractor, gate, path: Path):
    """On every corpus article the text reads as a one-sided story, `about_exchanges` turns it down."""
    nlp = extractor.nlp
    for article in read_articles(path):
        if not gate.reading(article.full_text).one_sided:
            continue
        with nlp.select_pipes(disable=["exchange_gate"]):
            assert not _about(nlp(extractor._doc(article))), article.id


# Invented exchange reports in many phrasings (other wars, numbers and wordings than the corpora):
# whatever the gates read, each gets the records of the whole pipeline with no gate at all.
PHRASINGS = [
    ("counted_swap_active", "Peru and Ecuador exchanged 38 prisoners of war at the border on Thursday."),
    ("counted_swap_passive", "A total of 112 captured soldiers were swapped between Chile and Bolivia on 4 May."),
    ("each_side_handed", "Under the deal each side handed over 75 servicemen, the Red Cross said."),
    ("words_not_digits", "Ghana freed twenty-three Togolese fishermen and Togo released nineteen Ghanaians."),
    ("reciprocal_in_two_sentences",
     "Mali released 14 Nigerien soldiers on Monday. Niger freed 11 Malian soldiers the same day."),
    ("reciprocal_on_two_lines", "Sudan released 40 prisoners.\nThe rebels freed 25 prisoners in return."),
    ("reciprocal_in_one_sentence",
     "India freed 14 Pakistani prisoners on Thursday, and Pakistan freed 22 Indian prisoners."),
    ("reciprocal_while_clause", "The Houthis released 48 detainees while Saudi Arabia freed 120 Houthi prisoners."),
    ("two_releases_of_one_side", "Chad released 40 prisoners on Monday, and it freed 12 more on Tuesday."),
    ("one_release_only", "Chad released 40 prisoners on Monday."),
    ("one_release_and_a_plan", "Chad released 40 prisoners on Monday. Libya is expected to follow."),
    ("bodies_repatriated", "The remains of 212 fallen soldiers were repatriated to Armenia on Saturday."),
    ("bodies_for_bodies", "Kyiv received the bodies of 500 soldiers; Moscow received 45 in exchange."),
    ("hostages_for_prisoners",
     "The militia freed 6 hostages in exchange for 90 prisoners held by Colombia."),
    ("person_for_person", "Belarus freed a Polish reporter in return for a Belarusian officer jailed in Warsaw."),
    ("named_person_freed", "Venezuela released Tom Harlan on Friday in exchange for 10 Venezuelans."),
    ("one_for_one", "The sides carried out a one-for-one swap of pilots near the frontier."),
    ("one_national", "Tehran released one Austrian in exchange for an Iranian diplomat."),
    ("uncounted_dated_swap", "Armenia and Azerbaijan swapped detainees at the border on Tuesday."),
    ("uncounted_planned_swap", "A prisoner exchange between Ethiopia and Eritrea is planned for next week."),
    ("deal_with_terms", "At talks in Geneva, Serbia and Kosovo agreed to exchange all remaining detainees."),
    ("deal_with_figures", "The accord signed in Doha provides for the release of 1,500 prisoners by each side."),
    ("tally_so_far", "Since the war began, 3,210 Ukrainian defenders have been brought home from captivity."),
    ("tally_in_words", "In all, some two thousand captives have been returned in forty exchanges."),
    ("headline_only", "Yemen: 887 detainees freed in swap brokered by UN"),
    ("headline_and_body",
     "Swap of captives at Kenyan border\nKenyan and Somali officials said 17 men were handed over."),
    ("quoted_announcement", '"We have returned 95 of our boys home," the ombudsman said on Sunday.'),
    ("apostrophe_stop", "Officials said the 12 detainees' release was completed."),
    ("abbreviations", "Lt. Col. Haddad said 44 POWs were handed to the ICRC in Jan. and flown home."),
    ("semicolon_list", "Georgia freed 8 Abkhaz; Abkhazia freed 6 Georgians; both sides hailed the deal."),
    ("ratio_deal", "The 300-for-300 swap was completed in two stages."),
    ("range_figure", "Between 60 and 80 prisoners are due to be released by each side."),
    ("over_figure", "More than 1,000 detainees were released by both parties in October."),
    ("civilians_returned", "Forty-two civilians deported during the war were returned to their families."),
    ("children_reunited", "Russia returned 11 Ukrainian children to Kyiv with Qatari mediation."),
    ("hostages_released", "Hamas released 13 Israeli hostages and Israel freed 39 Palestinian prisoners."),
    ("crew_released", "The Houthis released the 25 crew members of the seized ship to Oman."),
    ("ex_pow_figures", "The ministry said 1,850 POWs remain in captivity, and 300 were freed last year."),
    ("uncounted_bodies_handed", "The bodies of the pilots were handed over to the Turkish side at dawn."),
    ("dual_national", "Iran freed a British-Iranian aid worker as part of a swap with London."),
    ("diaspora_exchange", "In a rare swap, Cuba and the United States exchanged three prisoners each."),
    ("long_sentence",
     "After months of talks mediated by Turkey and the United Nations in Istanbul, which both sides "
     "described as difficult, the two countries finally agreed on Friday to exchange 240 prisoners of war, "
     "including 12 wounded, at a crossing point on the northern border."),
]


@pytest.mark.parametrize(("case", "text"), PHRASINGS, ids=[c for c, _ in PHRASINGS])
def test_exchange_phrasings_lose_no_record_to_the_gates(extractor, gate, case, text):
    nlp = extractor.nlp
    article = Article(id="p-" + case, text=text, published=PUBLISHED)
    with nlp.select_pipes(disable=["exchange_gate"]):
        without = [r.model_dump(mode="json") for r in extractor.extract(article)]
    if without or _about_exchanges(extractor, text):
        assert gate.admits(text), "the text gate turned away a text with records or about exchanges"
    assert [r.model_dump(mode="json") for r in extractor.extract(article)] == without


# The definition `_stops` reads faster: the chunk ending at a stop, searched for within CHUNK_REACH
# characters before it (a lookbehind sees the text before the search window).
_CHUNK_END = re.compile(r"""(?<!\S)["'“‘(\[«]*([A-Za-z]*[a-z][.!?])\Z""")


def _stops_by_search(gate: TextGate, text: str) -> list[int]:
    cuts = []
    for stop in text_gate._STOP.finditer(text):
        end = stop.end()
        chunk = _CHUNK_END.search(text, max(0, end - text_gate.CHUNK_REACH), end)
        if chunk is not None and chunk.group(1) not in gate.specials:
            cuts.append(end)
    return cuts


STOP_TEXTS = ["The talks ended. Both sides left!", "He said: (\"they went home.\") Then", "Mr. Varga and Gen. Okafor met.",
              "e.g. this. U.S. troops left.", "  lead spaces. x", "\u00a0nbsp before. After", "a" * 63 + ". Next",
              "x " + "a" * 63 + ". Next", "x " + "a" * 64 + ". Next", "x (" + "b" * 62 + "! y", "x  " + "b" * 62 + "! y",
              "x«" + "c" * 62 + "? z", "done.\n\nNext line", "no stop here", ""]
_STOP_CHARS = list("aAbzq. !?\n\t\"'“‘(«[)]”’»") + ["\u00a0", "\u2009", "é", "Mr.", "e.g.", "x" * 30]


@pytest.mark.parametrize("text", STOP_TEXTS)
def test_sure_stops_table(gate, text):
    assert gate._stops(text) == _stops_by_search(gate, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_STOP_CHARS), max_size=40).map("".join))
def test_sure_stops_are_those_of_the_chunk_search(gate, text):
    assert gate._stops(text) == _stops_by_search(gate, text)


NUMBER_TEXTS = ["Peru freed 31 soldiers.", "About\n500 prisoners were freed.", "Up to\n\nfive hundred detainees went home.",
                "The talks ended. Some forty-two captives were swapped.", "No figure here.\nNone here either.",
                "A dozen\n\n\nhostages.", "Released: 1,200.\n\nThe rest stayed.", "ſix soldiers were freed.",
                "Up to\nsome\n500 were freed.", "nearly\n\n1,000\n\neach", "a total of\nmore than\n400",
                "five\nhundred\nprisoners"]


@pytest.mark.parametrize("text", NUMBER_TEXTS)
def test_pieces_far_from_numbers_hold_no_figure_table(gate, text):
    _assert_figures_near_numbers(gate, text)


@pytest.mark.parametrize("path", UNSEALED_CORPORA, ids=[p.parent.name for p in UNSEALED_CORPORA])
def test_pieces_far_from_numbers_hold_no_figure(gate, path: Path):
    """`_Reading.counted` reads the text's figures only for a piece near a digit or a number word: every piece
    a figure overlaps is one, on every corpus article."""
    for article in read_articles(path):
        _assert_figures_near_numbers(gate, article.full_text)


def _assert_figures_near_numbers(gate, text: str) -> None:
    reading = gate.reading(text)
    figures = [(q.start, q.end) for q in gate.find_quantities(text)]
    for _, lo, hi in reading.every_piece:
        if any(start < hi and end > lo for start, end in figures):
            assert reading.near_a_number(lo), (text[lo:hi], figures)


@pytest.mark.parametrize("text", BYTEWISE_TEXTS + random_texts(300))
def test_pieces_read_bytewise_are_those_of_the_lower_cased_text(gate, text):
    """The pieces' words are read from the text's bytes lowered one by one where that gives the words of
    `text.lower()`, and from `text.lower()` where it would not (İ, the kelvin sign)."""
    assert gate.pieces(text) == [(words_of(text[lo:hi].lower()), lo, hi) for _, lo, hi in gate.pieces(text)]
