import pytest

from extractor.reconciling.disjoint import DisjointSets


@pytest.mark.parametrize(("n", "unions", "roots"), [
    (3, [], [0, 1, 2]),
    (4, [(3, 1)], [0, 1, 2, 1]),
    (5, [(4, 3), (3, 2), (1, 0)], [0, 0, 2, 2, 2]),
    (5, [(4, 2), (2, 0), (3, 4)], [0, 1, 0, 0, 0]),
])
def test_roots_are_the_smallest_members_whatever_the_order(n, unions, roots):
    sets = DisjointSets(n)
    for i, j in unions:
        sets.union(i, j)
    assert [sets.find(i) for i in range(n)] == roots


@pytest.mark.parametrize(("n", "joins", "roots", "sizes"), [
    (4, [(2, [3, 1])], [0, 1, 1, 1], {0: 1, 1: 3}),
    (6, [(5, [4]), (1, [5, 0])], [0, 0, 2, 3, 0, 0], {0: 4, 2: 1, 3: 1}),
    (3, [(0, [0, 1, 1])], [0, 0, 2], {0: 2, 2: 1}),
])
def test_union_all_joins_each_and_counts_sizes(n, joins, roots, sizes):
    sets = DisjointSets(n)
    for i, js in joins:
        sets.union_all(i, js)
    assert [sets.find(i) for i in range(n)] == roots
    assert {r: sets.size[r] for r in set(roots)} == sizes


def _claim(doc: str, k: int, kind: str = "exchange", ref: str | None = None):
    from extractor.reconciling import parse_claim, to_claim

    row = {"doc_id": doc, "claim_id": f"{doc}#{k}", "type": kind}
    if kind == "exchange":
        row.update(status="completed", flows=[{"from": "NOR", "to": "FIN", "category": "pows",
                                                "count": {"value": 12, "min": 12, "max": 12, "qualifier": "exact"}}])
        if ref is not None:
            row["agreement"] = ref
    else:
        row.update(parties=["NOR", "FIN"], terms=[])
    return to_claim(parse_claim(row))


def test_article_links_join_an_article_and_its_named_agreement():
    from extractor.reconciling.disjoint import article_links

    claims = [_claim("a", 0), _claim("b", 0, "agreement"), _claim("a", 1), _claim("c", 0, ref="b#0"),
              _claim("c", 1, ref="z#9"), _claim("d", 0)]
    assert sorted(article_links(claims)) == [(0, 2), (3, 1), (3, 4)]
