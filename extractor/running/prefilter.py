"""A cheap keyword test in front of spaCy: skip articles that cannot hold an exchange.

An exchange record needs someone handed over (prisoners, hostages, bodies, soldiers, civilians...)
and a handover (a swap, an exchange, a release, a return, a repatriation...). The test, on the
lower-cased text:

1. a *strong* term anywhere lets the article through: words that are about captives whatever the
   sentence (swap, prisoner, POW, hostage, captive/captivity, detainee, abductee, repatriation, and
   the phrases 'in exchange for', 'all-for-all');
2. otherwise the article needs a *handover* word (exchange, release, return, free, hand over,
   transfer, bring home...) within `WINDOW` words of a *who* word (bodies, remains, soldiers,
   servicemen, civilians, citizens...).

The text is split into words once; most articles are decided by set operations on its vocabulary,
and only those holding both kinds of word are walked for the distance between them.

An article failing both gets a `skipped` status line saying so, and spaCy never sees it. The terms
are broad and the window is wide (a long sentence): the prefilter is measured to skip no article
holding a gold record on the dev set, and no article of the project's corpora on which the
pipeline finds a record (tests/test_prefilter.py); it trades precision for that recall.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFILTER_VERSION = "pf3"
WINDOW = 20

_STRONG = ("p.o.w", "in exchange for", "exchanged for", "all-for-all", "all for all")
_STRONG_WORDS = frozenset("""
swap swaps swapped swapping prisoner prisoners pow pows hostage hostages captive captives captivity captor captors
detainee detainees abductee abductees repatriate repatriated repatriates repatriating repatriation repatriations
""".split())
_HANDOVER = frozenset("""
exchange exchanges exchanged exchanging release releases released releasing return returns returned returning
free freed frees freeing liberate liberated liberates liberating liberation handed handover handovers transfer
transfers transferred transferring deliver delivers delivered delivering traded trade trades receive received
receives receiving recover recovered recovers recovering
""".split())
_HANDOVER_PAIRS = {  # a word only counts when followed by one of these
    "hand": {"over", "back"}, "hands": {"over", "back"}, "handing": {"over", "back"},
    "brought": {"home", "back"}, "bring": {"home", "back"}, "brings": {"home", "back"},
    "bringing": {"home", "back"}, "sent": {"home", "back"}, "send": {"home", "back"},
    "came": {"home"}, "come": {"home"}, "comes": {"home"}, "coming": {"home"}, "gave": {"back"},
    "give": {"back"}, "got": {"back"}, "took": {"back"}, "take": {"back"}, "welcomed": {"home", "back"},
}
_PAIR_FIRST = frozenset(_HANDOVER_PAIRS)
_WHO = frozenset("""
body bodies remains corpse corpses fallen dead deceased soldier soldiers serviceman servicemen servicewoman
servicewomen servicemember servicemembers troops fighter fighters defender defenders combatant combatants
marine marines guardsman guardsmen militiamen militant militants sailor sailors airman airmen paratrooper
paratroopers warrior warriors hero heroes civilian civilians children citizen citizens nationals journalist
journalists dissident dissidents spy spies inmate inmates convict convicts detained detention jailed
imprisoned custody captured abducted abduction kidnapped
""".split())
# Words are runs of a-z in the lower-cased text, as with re.findall("[a-z]+"), found faster on its
# UTF-8 bytes: every byte but a-z becomes a space (non-ASCII bytes are all >= 0x80), then split. The
# text gate (normalising/text_gate.py) reads its words with the same table.
LETTERS_ONLY = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))
_B = "ascii"
_STRONG_B = frozenset(w.encode(_B) for w in _STRONG_WORDS)
_HANDOVER_B = frozenset(w.encode(_B) for w in _HANDOVER)
_HANDOVER_PAIRS_B = {k.encode(_B): {v.encode(_B) for v in vs} for k, vs in _HANDOVER_PAIRS.items()}
_PAIR_FIRST_B = frozenset(_HANDOVER_PAIRS_B)
_WHO_B = frozenset(w.encode(_B) for w in _WHO)
_ANY_B = _STRONG_B | _HANDOVER_B | _PAIR_FIRST_B  # an article with none of these is skipped at once


def words_of(low: str) -> list[bytes]:
    """The a-z words of lower-cased text, in order (ASCII bytes)."""
    return low.encode("utf-8", "surrogatepass").translate(LETTERS_ONLY).split()


@dataclass(frozen=True, slots=True)
class Verdict:
    """`keep`: send the article to the pipeline; `reason`: why not, for the status line."""

    keep: bool
    reason: str = ""


_NO_WORDS = Verdict(False, "prefilter: no word of swap, exchange, release, return or captivity")


class Prefilter:
    """`check(text)` -> Verdict. Stateless and cheap: substring searches, then one pass over the words."""

    version = PREFILTER_VERSION

    def __init__(self, *, window: int = WINDOW) -> None:
        self.window = window

    def check(self, text: str) -> Verdict:
        low = text.lower()
        for term in _STRONG:
            if term in low:
                return Verdict(True)
        words = words_of(low)
        if _ANY_B.isdisjoint(words):
            return _NO_WORDS  # the common case, decided without a loop in Python
        if not _STRONG_B.isdisjoint(words):
            return Verdict(True)
        handover: list[int] = []
        who: list[int] = []
        for i, word in enumerate(words):
            if word in _HANDOVER_B:
                handover.append(i)
            elif word in _HANDOVER_PAIRS_B:
                if i + 1 < len(words) and words[i + 1] in _HANDOVER_PAIRS_B[word]:
                    handover.append(i)
            if word in _WHO_B:
                who.append(i)
        if not handover:
            return _NO_WORDS
        first = words[handover[0]].decode(_B)
        if not who:
            return Verdict(False, f"prefilter: {first!r} but no word of prisoners, hostages, "
                                  "bodies, soldiers or civilians")
        j = 0
        for i in handover:  # both lists are sorted: a merge walk finds the nearest pair
            while j < len(who) and who[j] < i - self.window:
                j += 1
            if j < len(who) and who[j] <= i + self.window:
                return Verdict(True)
        return Verdict(False, f"prefilter: {first!r} but no word of prisoners, hostages, bodies, "
                              f"soldiers or civilians within {self.window} words of it")

    def keeps(self, text: str) -> bool:
        return self.check(text).keep
