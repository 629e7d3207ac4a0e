"""Structural recognition of non-state sides the gazetteer does not list (rules in the catalogue):

- `actors.acronym_definition`: "the <Capitalised name> (<ACRONYM>)" or "the <ACRONYM> (<Capitalised
  name>)", the name holding a group word ("Front", "Army", "Movement", "Liberation", ...: NAME_WORD
  entries), gives a group whose id is the acronym ("-" as "_"), and every mention of the acronym in the
  article names it. A name the gazetteer lists lends its id and label to the acronym ("the Allied
  Democratic Forces (ADF)": ADF; "the Islamic Revolutionary Guard Corps (IRGC)": IRN). A name with only
  a weak group word ("Army", "Forces", "Council", ...) is a state's body, not a group, when it holds a
  state, capital or demonym ("the Armed Forces of the Philippines (AFP)") or a word of a NAME_STOP
  entry ("the World Health Organization (WHO)"); a strong one ("Liberation", "Front", "Resistance")
  makes a group even with a state inside ("the Movement for the Liberation of the Congo").
- `actors.homeland_rebels`: a HOMELAND phrase (a region or people a curated group fights for) before a
  fighters noun (FIGHTERS: "rebels", "separatists", "insurgents", "guerrillas", "militants") names that
  group: "Chechen separatists" -> ICHKERIA; with a context, only where the article names a context id.
- `actors.named_rebels`: one or two capitalised words that name no actor, not at a sentence's start nor a
  NAME_STOP word ("Islamist", "Former"), before a rebels noun (FIGHTERS "rebels": not "militants", which
  follow places too: "Gaza militants") give a group whose id is the words in
  capitals joined by "_" ("Ogoni militants" -> OGONI). A state's demonym before a fighters noun
  ("Congolese rebels") stays the demonym: the group is unknown and the state is not a side.

- `actors.place_named_like_state`: "the base of Puerto Rico", "the town of Lebanon": a state's name after "the
  <place noun> of" (PLACE_NOUN entries) names a place, not the state.
- `actors.name_head_anaphor`: "the Movement" after "the Amal Movement", "the militia" after "the Houthi militia":
  the last word of a group's name (a strong name word, a group noun or a fighters noun) after "the" names it.
- `actors.group_anaphor`: "the group's" ("the movement's", "the rebels'") names the armed group named last
  before it ("four of the group's commanders").

Vocabulary: the HOMELAND, FIGHTERS, NAME_WORD and NAME_STOP entries of the actor gazetteer
(extractor/data/groups.jsonl), matched apart from the actor entries and never written to doc.spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .extensions import kept_span

HOMELAND, FIGHTERS, NAME_WORD, NAME_STOP = "HOMELAND", "FIGHTERS", "NAME_WORD", "NAME_STOP"
GROUP_NOUN = "GROUP_NOUN"
PLACE_NOUN = "PLACE_NOUN"
HELPER_LABELS = frozenset({HOMELAND, FIGHTERS, NAME_WORD, NAME_STOP, GROUP_NOUN, PLACE_NOUN})
STRONG, WEAK = "strong", "weak"
REBELS = "rebels"  # the FIGHTERS id whose nouns also follow an unknown name (the other: "militants")

ACRONYM_RULE = "actors.acronym_definition"
HOMELAND_RULE = "actors.homeland_rebels"
NAMED_RULE = "actors.named_rebels"

GROUP_LABEL = "GROUP"
STATE_NAME_LABELS = frozenset({"STATE", "CAPITAL", "DEMONYM"})  # may stand inside a group's name
_ACRONYM = re.compile(r"[A-Z][A-Z0-9\-]{1,9}\Z")
_NAME_JOINERS = frozenset({"of", "for", "the", "a", "and", "de", "del", "la", "el", "al", "'s", "’s", "-", "in", "to"})
_LEADING_DROPS = _NAME_JOINERS - {"al"}
MAX_NAME = 12  # tokens of a defined name


@dataclass
class Helpers:
    """The helper phrases found in a doc, by label: (start, end, id) and their context ids."""

    homelands: list[tuple[int, int, str, frozenset[str]]] = field(default_factory=list)
    fighters: dict[int, tuple[int, str]] = field(default_factory=dict)  # start -> (end, "rebels" / "militants")
    name_words: dict[int, str] = field(default_factory=dict)    # token -> STRONG / WEAK
    stops: set[int] = field(default_factory=set)                # tokens of a NAME_STOP phrase
    group_nouns: set[int] = field(default_factory=set)          # tokens of a GROUP_NOUN ("group", "movement")
    place_nouns: set[int] = field(default_factory=set)          # tokens of a PLACE_NOUN ("town", "base")
    state_ids: frozenset[str] = frozenset()  # ids a made-up group id may not take ("(PRK)" is no North Korea)


def _taken(spans: list[Span], length: int) -> list[bool]:
    taken = [False] * length
    for span in spans:
        for k in range(span.start, span.end):
            taken[k] = True
    return taken


def _acronym_of(text: str) -> bool:
    return _ACRONYM.match(text) is not None and sum(ch.isupper() for ch in text) >= 2


def _name_before(doc: Doc, end: int, name_words: dict[int, str]) -> int | None:
    """The start of the capitalised name that ends at token `end` (exclusive), or None."""
    start = end
    while start > 0 and end - start < MAX_NAME:
        token = doc[start - 1]
        if token.text == "-" and token.whitespace_:
            break  # a dash, not a hyphen inside a name ("PORT MORESBY - The ...")
        if token.is_title or token.is_upper and token.is_alpha or token.lower_ in _NAME_JOINERS \
                or (token.text[:1].isupper() and "-" in token.text):
            start -= 1
            if token.is_sent_start:
                break
        else:
            break
    the = next((j for j in range(start + 1, end) if doc[j].lower_ == "the"), None)
    if the is not None and not any(j in name_words for j in range(start, the)):
        start = the + 1  # "Envoys of the Popular Front": after its first "the", if no group word is before it
    while start < end and doc[start].lower_ in _LEADING_DROPS:
        start += 1
    if end - start < 2 or not doc[start].text[:1].isupper() or not doc[end - 1].text[:1].isupper():
        return None
    return start


def _acronym_after(doc: Doc, k: int) -> int | None:
    """The end of "( ACRONYM )" opening at token k (the acronym may be split at hyphens: "PFFK-S"), or None."""
    for close in range(k + 2, min(k + 6, len(doc))):
        if doc[close].text == ")":
            inner = doc[k + 1:close]
            if all(not t.whitespace_ for t in inner[:-1]) and _acronym_of(inner.text):
                return close
            return None
    return None


def _name_inside(doc: Doc, start: int, close: int) -> bool:
    """Tokens start..close-1 are a capitalised name (capitalised words and joiners, a capitalised first and last word)."""
    if close - start < 2 or not doc[start].text[:1].isupper() or not doc[close - 1].text[:1].isupper():
        return False
    return all(t.is_title or (t.is_upper and t.is_alpha) or t.lower_ in _NAME_JOINERS or (t.text[:1].isupper() and "-" in t.text)
               for t in doc[start:close])


def _closing(doc: Doc, k: int, reach: int) -> int | None:
    return next((j for j in range(k + 1, min(k + reach, len(doc))) if doc[j].text == ")"), None)


def _group_name(spans: list[Span], helpers: Helpers, start: int, end: int) -> tuple[str, str] | None | bool:
    """What the name at start..end-1 is: (id, label) of the listed actor it is whole; True: a group's name (a group
    word, and a state inside it only with a strong group word: "Movement for the Liberation of the Congo", not "the
    Armed Forces of the Philippines"); False: no group's."""
    inside = [s for s in spans if start <= s.start and s.end <= end]
    whole = next((s for s in inside if s.start == start and s.end == end), None)
    if whole is not None:
        return whole.kb_id_, whole.label_
    if any(s.start < end and s.end > start and not (start <= s.start and s.end <= end) for s in spans):
        return False  # an actor across the name's edge
    kinds = {helpers.name_words[j] for j in range(start, end) if j in helpers.name_words}
    if not kinds:
        return False
    if STRONG not in kinds and (inside or any(j in helpers.stops for j in range(start, end))):
        return False
    if any(s.label_ not in STATE_NAME_LABELS for s in inside):
        return False  # a listed group, institution or organisation inside: its body, not a new group
    return True


_OPEN_PAREN = get_string_id("(")


def open_parens(doc: Doc) -> list[int]:
    """The positions of the doc's "(" tokens, read from its ORTH array (building `doc.text` or a Token per
    position to look for them cost most of the actor recogniser's time)."""
    return (doc.to_array(ORTH) == _OPEN_PAREN).nonzero()[0].tolist() if len(doc) else []


def define_acronyms(doc: Doc, spans: list[Span], helpers: Helpers, parens: list[int]) -> list[Span]:
    """actors.acronym_definition: new spans for defined names and every mention of their acronyms, in both
    orders: "the Name (ACRONYM)" and "the ACRONYM (Name)"; `parens`: the doc's "(" tokens (`open_parens`)."""
    if not parens:
        return []
    taken = _taken(spans, len(doc))
    defined: dict[tuple[str, ...], tuple[str, str]] = {}  # the acronym's token texts -> id and label
    found: list[Span] = []
    for k in parens:
        if not 1 <= k < len(doc) - 2:
            continue
        close = _acronym_after(doc, k)
        if close is not None:  # "the Name (ACRONYM)"
            acronym, name_start, name_end, acronym_start = tuple(t.text for t in doc[k + 1:close]), None, k, k + 1
            if not any(taken[j] for j in range(k + 1, close)):
                name_start = _name_before(doc, k, helpers.name_words)
        else:  # "the ACRONYM (Name)"
            close = _closing(doc, k, MAX_NAME + 2)
            if close is None or not _acronym_of(doc[k - 1].text) or taken[k - 1] or not _name_inside(doc, k + 1, close):
                continue
            acronym, name_start, name_end, acronym_start = (doc[k - 1].text,), k + 1, close, k - 1
        if name_start is None:
            continue
        kind = _group_name(spans, helpers, name_start, name_end)
        if kind is False:
            continue
        if kind is True:
            kind = ("".join(acronym).replace("-", "_").upper(), GROUP_LABEL)
            if kind[0] in helpers.state_ids:
                continue  # the acronym is a state's id: a group may not stand for that state
            found.append(kept_span(doc, name_start, name_end, GROUP_LABEL, kind[0], span_id=ACRONYM_RULE))
            for j in range(name_start, name_end):
                taken[j] = True
        defined[acronym] = kind
    if not defined:
        return found
    firsts = {acronym[0] for acronym in defined}
    k = 0
    while k < len(doc):
        if doc[k].text in firsts and not taken[k]:
            hit = next(((a, i) for a, i in defined.items() if tuple(t.text for t in doc[k:k + len(a)]) == a
                        and not any(taken[k:k + len(a)])), None)
            if hit is not None:
                acronym, (ident, label) = hit
                found.append(kept_span(doc, k, k + len(acronym), label, ident, span_id=ACRONYM_RULE))
                k += len(acronym)
                continue
        k += 1
    return found


def name_rebels(doc: Doc, spans: list[Span], helpers: Helpers, named: set[str]) -> list[Span]:
    """actors.homeland_rebels and actors.named_rebels: the spans with GROUP spans of "<homeland or name>
    <fighters noun>" added; a homeland's span takes the place of a gazetteer span of the fighters noun
    alone ("separatists" of the Donbas war, in "Chechen separatists")."""
    if not helpers.fighters:
        return spans
    alone = {(s.start, s.end): s for s in spans}
    dropped: set[tuple[int, int]] = set()
    taken = _taken(spans, len(doc))
    found: list[Span] = []
    homeland_at: dict[int, tuple[int, str]] = {}
    for start, end, ident, context in helpers.homelands:
        if context and not context & named:
            continue
        if any(taken[j] for j in range(start, end)):
            continue
        homeland_at.setdefault(end, (start, ident))
    for fighter_start, (fighter_end, kind) in sorted(helpers.fighters.items()):
        hit = homeland_at.get(fighter_start)
        if hit is not None and (not taken[fighter_start] or (fighter_start, fighter_end) in alone):
            start, ident = hit
            dropped.add((fighter_start, fighter_end))
            found.append(kept_span(doc, start, fighter_end, GROUP_LABEL, ident, span_id=HOMELAND_RULE))
            continue
        if taken[fighter_start]:
            continue
        if kind != REBELS:
            continue  # "Gaza militants": a place's militants are no group of that name
        words = []
        j = fighter_start - 1
        while j >= 0 and len(words) < 2 and not taken[j] and doc[j].is_title and doc[j].is_alpha \
                and j not in helpers.stops and j not in helpers.name_words:
            words.insert(0, j)
            if doc[j].is_sent_start:
                break
            j -= 1
        words = [w for w in words if not doc[w].is_sent_start]
        if not words or any(doc[w].is_sent_start for w in words) or (words[0] > 0 and doc[words[0] - 1].is_title
                                                                    and doc[words[0] - 1].is_alpha):
            continue
        ident = "_".join(doc[w].text.upper() for w in words)
        if ident in helpers.state_ids:
            continue
        found.append(kept_span(doc, words[0], fighter_end, GROUP_LABEL, ident, span_id=NAMED_RULE))
    if not found:
        return spans
    return sorted([s for s in spans if (s.start, s.end) not in dropped] + found, key=lambda s: s.start)


PLACE_RULE = "actors.place_named_like_state"


def places_named_like_states(doc: Doc, spans: list[Span], helpers: Helpers) -> list[Span]:
    """actors.place_named_like_state: a state's name after 'the <place noun> of' ('the base of Puerto Rico', 'the
    Colombian town of Puerto Rico') names a town, no state: the span is dropped."""
    if not helpers.place_nouns:
        return spans
    kept = [s for s in spans if not (s.label_ == "STATE" and s.start >= 2 and doc[s.start - 1].lower_ == "of"
                                     and s.start - 2 in helpers.place_nouns)]
    return spans if len(kept) == len(spans) else kept


HEAD_RULE = "actors.name_head_anaphor"
HEAD_BLOCKERS = frozenset({"of", "for", "'s", "’s", "'", "’", "-"})


def _head_word(doc: Doc, span: Span, helpers: Helpers) -> str | None:
    """The last word of a group's name of two words or more when it is a group word ('the Amal Movement',
    'the Polisario Front', 'the Houthi militia'); a weak one ('Army', 'Forces') is a state's too: none."""
    k = span.end - 1
    if span.end - span.start < 2 or not doc[k].is_alpha:
        return None
    if helpers.name_words.get(k) == STRONG or k in helpers.group_nouns or k in helpers.fighters:
        return doc[k].lower_
    return None


def name_head_anaphors(doc: Doc, spans: list[Span], helpers: Helpers) -> list[Span]:
    """actors.name_head_anaphor: 'the Movement' after 'the Amal Movement', 'the militia' after 'the Houthi
    militia': 'the' and the last word of a group's name met before it stand for the group named last with that
    word; not before 'of' or a name word ('the Front for ...', 'the Movement's': another reading)."""
    heads: list[tuple[int, str, str]] = []  # (end, head word, id) of each group named by a name of its own
    for span in spans:
        if span.label_ == GROUP_LABEL:
            head = _head_word(doc, span, helpers)
            if head is not None:
                heads.append((span.end, head, span.kb_id_))
    if not heads:
        return spans
    words = {head for _, head, _ in heads}
    taken = _taken(spans, len(doc))
    found = []
    for k in range(1, len(doc)):
        token = doc[k]
        if token.lower_ not in words or taken[k] or doc[k - 1].lower_ != "the":
            continue
        if k + 1 < len(doc) and (doc[k + 1].lower_ in HEAD_BLOCKERS or doc[k + 1].is_title):
            continue
        last = next((ident for end, head, ident in reversed(heads) if end <= k - 1 and head == token.lower_), None)
        if last is not None:
            found.append(kept_span(doc, k, k + 1, GROUP_LABEL, last, span_id=HEAD_RULE))
    if not found:
        return spans
    return sorted(spans + found, key=lambda s: s.start)


ANAPHOR_RULE = "actors.group_anaphor"


def possessive_anaphors(doc: Doc, spans: list[Span], helpers: Helpers) -> list[Span]:
    """actors.group_anaphor: "the group's" (or "the movement's", "the rebels'") names the armed group named last
    before it in the article: "four of the group's commanders" are that group's."""
    groups = [s for s in spans if s.label_ == GROUP_LABEL]
    if not groups:
        return spans
    taken = _taken(spans, len(doc))
    found = []
    for k in sorted(helpers.group_nouns | helpers.fighters.keys()):
        if not 1 <= k < len(doc) - 1:
            continue
        token = doc[k]
        if doc[k - 1].lower_ != "the" or taken[k]:
            continue
        if not (doc[k + 1].text in ("'s", "’s", "'", "’") or (token.text.endswith("s") and doc[k + 1].text in ("'", "’"))):
            continue
        last = next((g for g in reversed(groups) if g.end <= k - 1), None)
        if last is None:
            continue
        found.append(kept_span(doc, k, k + 1, GROUP_LABEL, last.kb_id_, span_id=ANAPHOR_RULE))
    if not found:
        return spans
    return sorted(spans + found, key=lambda s: s.start)
