"""Which near misses a clustering shows is decided cluster by cluster, one step away.

`cluster_claims` walks the pairs scoring at least NEAR_MISS between different clusters, best first,
and shows a pair unless both its clusters have shown MISSES_PER_CLUSTER already. While a cluster has
shown fewer, every pair of it is shown; so a pair is shown exactly when it is among the first
MISSES_PER_CLUSTER pairs of one of its two clusters (in that order). What a cluster shows then depends
on its own pairs and on its neighbours' first pairs only, not on a chain of clusters: an update could
re-cluster the claims joined by pairs that can merge and only re-rank the near misses of the clusters
next to them (see `storing.parts`). This test holds that rule to the clustering.
"""

from __future__ import annotations

import pytest
from test_reconcile_blocks import _claims, invented_claims

from extractor.reconciling.blocking import candidate_pairs
from extractor.reconciling.clustering import MISSES_PER_CLUSTER, _Pairs, cluster_claims
from extractor.reconciling.quick import quick_score
from extractor.reconciling.scoring import NEAR_MISS, STAGE


def _shown_by_the_local_rule(claims, clustering) -> tuple[list[tuple[int, int]], int]:
    """The pairs the rule shows, and how many pairs it weighed."""
    cluster = {i: g for g, members in enumerate(clustering.groups) for i in members}
    pairs = _Pairs(len(claims))
    for i, j in candidate_pairs(claims):
        score, blocked, _ = quick_score(claims[i], claims[j])
        if blocked != STAGE and score >= NEAR_MISS and cluster[i] != cluster[j]:
            pairs.add(score, i, j, blocked)
    seen: dict[int, int] = {}
    shown = []
    for key in pairs.sorted():
        _, i, j, _ = pairs.unpack(key)
        if seen.get(cluster[i], 0) < MISSES_PER_CLUSTER or seen.get(cluster[j], 0) < MISSES_PER_CLUSTER:
            shown.append((i, j))
        for g in (cluster[i], cluster[j]):
            seen[g] = seen.get(g, 0) + 1
    return sorted(shown), len(pairs.keys)


@pytest.mark.parametrize(("seed", "n", "days"), [(1, 300, 30), (2, 500, 90), (3, 400, 20), (4, 600, 200)])
def test_a_near_miss_is_shown_where_it_is_among_the_first_of_either_cluster(seed, n, days):
    claims = _claims(invented_claims(n, seed=seed, days=days))
    clustering = cluster_claims(claims)
    shown = sorted((m.a, m.b) for m in clustering.misses)
    by_rule, weighed = _shown_by_the_local_rule(claims, clustering)
    assert weighed > len(shown)  # some pairs are left unshown, so the rule is put to the test
    assert shown == by_rule
