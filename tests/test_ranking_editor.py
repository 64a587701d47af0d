"""Our ranking against an editor's on five fictional days (tests/fixtures/ranking/editor_days.yaml).

The targets are those the lead measures on kept-aside days: the editor's lead on
at least 3 of 5 days, top-three overlap of at least 0.73, rank correlation of at
least 0.5. `python benchmarks/ranking.py` prints the measures.
"""

from __future__ import annotations

import pytest

from tests.fixtures.ranking.editor_days import agreement, load_days, spearman


@pytest.fixture(scope="module")
def measured():
    return agreement(load_days())


def test_our_lead_is_the_editors_on_at_least_three_of_five_days(measured):
    assert measured.days == 5
    assert measured.leads >= 3, measured.line()


def test_our_top_three_overlaps_the_editors(measured):
    assert measured.top_three_overlap >= 0.73, measured.line()


def test_our_order_correlates_with_the_editors(measured):
    assert measured.correlation >= 0.5, measured.line()


def test_spearman_is_one_for_the_same_order_and_minus_one_for_the_reverse():
    order = ["a", "b", "c", "d"]
    assert spearman(order, order) == 1.0
    assert spearman(order[::-1], order) == -1.0
