"""A cheap keyword test in front of spaCy: skip articles that cannot hold an exchange.

An exchange record needs someone handed over (prisoners, hostages, bodies, soldiers, civilians...)
and a handover (a swap, an exchange, a release, a return, a repatriation...). The test is two
regular expressions over the lower-cased text:

- a *strong* term alone lets the article through: words that are about captives whatever the
  sentence (swap, prisoner, POW, hostage, captive/captivity, detainee, abductee, repatriation);
- otherwise the article needs a *handover* term (exchange, release, return, free, hand over,
  transfer, bring home...) and a *who* term (bodies, remains, soldiers, servicemen, civilians,
  citizens...) somewhere in its text.

An article failing both is given a `skipped` status line saying so, and spaCy never sees it. The
terms are deliberately broad: the prefilter is measured to skip no article that holds a gold
record on the dev set (see `bench/` and the tests), and trades precision for that recall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFILTER_VERSION = "pf1"

_STRONG = (
    r"swap", r"prisoner", r"pows?\b", r"p\.o\.w", r"hostage", r"captiv", r"detainee", r"abductee",
    r"repatriat", r"exchanged for", r"in exchange for", r"all[- ]for[- ]all",
)
_HANDOVER = (
    r"exchang", r"releas", r"return", r"free", r"handed", r"hand(?:s|ing)? (?:over|back)", r"handover",
    r"hand-over", r"transfer", r"brought (?:home|back)", r"bring(?:s|ing)? (?:home|back)", r"liberat",
    r"sent (?:home|back)", r"came home", r"come home", r"home", r"traded", r"trade", r"receiv",
    r"recover", r"deliver", r"gave back", r"give back", r"got back", r"took back",
)
_WHO = (
    r"bod(?:y|ies)", r"remains", r"corpse", r"fallen", r"dead\b", r"deceased", r"killed",
    r"soldier", r"servicem", r"service ?members?", r"service personnel", r"military personnel", r"troops",
    r"fighters?\b", r"defenders?\b", r"combatant", r"marines", r"officers?\b", r"guardsm", r"border guard",
    r"militi?a", r"militant", r"sailors", r"airmen", r"paratrooper", r"warriors", r"heroes",
    r"civilian", r"children", r"citizens", r"nationals", r"residents", r"journalist", r"dissident",
    r"spies", r"\bspy\b", r"inmates?\b", r"convict", r"detain", r"jail", r"prison", r"custody", r"captur",
    r"abduct", r"kidnap", r"held\b", r"seized",
)


def _union(terms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{t})" for t in terms))


@dataclass(frozen=True, slots=True)
class Verdict:
    """`keep`: send the article to the pipeline; `reason`: why not, for the status line."""

    keep: bool
    reason: str = ""


class Prefilter:
    """`check(text)` -> Verdict. Stateless and cheap (two or three regex scans of the lower-cased text)."""

    version = PREFILTER_VERSION

    def __init__(self) -> None:
        self._strong = _union(_STRONG)
        self._handover = _union(_HANDOVER)
        self._who = _union(_WHO)

    def check(self, text: str) -> Verdict:
        low = text.lower()
        if self._strong.search(low):
            return Verdict(True)
        handover = self._handover.search(low)
        if handover is None:
            return Verdict(False, "prefilter: no word of swap, exchange, release, return or captivity")
        if self._who.search(low) is None:
            return Verdict(False, f"prefilter: {handover.group(0)!r} but no word of prisoners, hostages, "
                                  "bodies, soldiers or civilians")
        return Verdict(True)

    def keeps(self, text: str) -> bool:
        return self.check(text).keep
