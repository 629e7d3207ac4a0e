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
