"""A deal's name is not a stage's count (O1).

"the third stage of the 1,000-for-1,000 swap", "under the 500-for-500 format", "as part of a
larger '300 for 300' agreement": the N-for-N names the whole deal. It never gives the figures of
the stage reported in the sentence. While the swap is under way it stands for the whole swap, a
planned record of its own (README: an occasion under way); once the article shows the whole swap
finished (a final or last stage, or stages adding up to the whole), it makes no record; a sentence
that sums up the whole ("completed the 1,000-for-1,000 exchange") is read as any other figure.
"""

from __future__ import annotations

from .groups import Group

QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "«", "»"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
# words that make the figure the object of a preposition: "stage of the", "under the", "part of a"
NAME_PREPOSITIONS = frozenset({"under", "within", "per", "following"})
# "of" names the deal only after a part of it: "the third stage of the", "as part of a"
PART_WORDS = frozenset({"stage", "phase", "part", "round", "day", "batch", "leg", "stages", "phases", "parts",
                        "rounds", "framework", "terms", "implementation"})
FORMULA_WORDS = frozenset({"format", "formula", "deal", "agreement", "agreements", "arrangement", "framework"})
FINAL_WORDS = frozenset({"final", "last", "concluding", "closing"})
STAGE_WORDS = frozenset({"stage", "phase", "part", "round", "day", "batch", "leg", "group"})


def deal_name(group: Group) -> bool:
    """The N-for-N is the object of a preposition or followed by 'format', 'deal', 'agreement'."""
    if group.quantity is None or "group.x_for_x" not in group.rules:
        return False
    view = group.view
    after = [view.lower[k] for k in range(group.end, min(view.end, group.end + 3)) if view.lower[k] not in QUOTES]
    if after and after[0] in FORMULA_WORDS:
        return True
    k = group.quantity.start - 1
    skipped = 0
    while k >= view.start and skipped < 5:
        word = view.lower[k]
        if word in NAME_PREPOSITIONS:
            return True
        if word == "of":
            j = k - 1
            while j >= view.start and view.lower[j] in DETERMINERS | QUOTES:
                j -= 1
            return j >= view.start and view.lower[j] in PART_WORDS
        if word in QUOTES or word in DETERMINERS or word in ("-", "large", "scale", "larger", "agreed", "so-called",
                                                              "called", "planned", "major", "big", "historic"):
            k -= 1
            skipped += 1
            continue
        return False
    return False


def whole_finished(name: Group, done: list[Group]) -> bool:
    """The article shows the whole swap finished: a final or last stage, or done figures of one
    direction adding up to the deal's figure."""
    for view in {id(g.view): g.view for g in done + [name]}.values():
        words = view.lower[view.start:view.end]
        if any(w in FINAL_WORDS and any(x in STAGE_WORDS for x in words[k + 1:k + 3]) for k, w in enumerate(words)):
            return True
    value = name.count.value if name.count is not None else None
    if not value:
        return False
    by_side: dict[str, set[int]] = {}
    for g in done:
        if g.count is None or g.count.value is None or "group.x_for_x" in g.rules or g.category != name.category:
            continue
        for side in ([g.receiver] if not g.per_side else ["each"]):
            by_side.setdefault(str(side), set()).add(g.count.value)
    return any(len(values) >= 2 and sum(values) >= value for values in by_side.values())
