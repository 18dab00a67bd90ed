"""The accuracy page's 95 % intervals: a percentile bootstrap over whole articles."""

from __future__ import annotations

from collections.abc import Sequence

from bench.accuracy.intervals import article_interval, fmt_interval


def _pooled(parts: Sequence[tuple[int, int]]) -> float | None:
    right, total = sum(p[0] for p in parts), sum(p[1] for p in parts)
    return right / total if total else None


def test_one_article_gives_its_own_ratio_at_both_ends() -> None:
    assert article_interval([(9, 12)], _pooled, seed="s") == (0.75, 0.75)


def test_articles_are_resampled_whole_not_their_counts() -> None:
    # Pooled, 20 of 40 is 0.5 with a binomial interval of about 0.35-0.65.  Resampled
    # by article, both draws are the wrong article (0.0) a quarter of the time and
    # both the right one (1.0) a quarter of the time: the percentiles are 0 and 1.
    assert article_interval([(20, 20), (0, 20)], _pooled, seed="s") == (0.0, 1.0)


def test_replicates_with_nothing_to_measure_are_dropped() -> None:
    # The article without findings has no precision: only samples holding the other
    # one count, and they all give its 3 of 4.
    assert article_interval([(3, 4), (0, 0)], _pooled, seed="s") == (0.75, 0.75)


def test_no_measurable_replicate_gives_no_interval() -> None:
    assert article_interval([(0, 0), (0, 0)], _pooled, seed="s") is None


def test_no_articles_give_no_interval() -> None:
    assert article_interval([], _pooled, seed="s") is None


def test_the_same_seed_gives_the_same_interval() -> None:
    parts = [(9, 10), (7, 10), (10, 10), (4, 10), (8, 10)]
    assert article_interval(parts, _pooled, seed="dev:x") == article_interval(
        parts, _pooled, seed="dev:x"
    )


def test_interval_is_printed_with_three_decimals_or_a_dash() -> None:
    assert (fmt_interval((0.9123, 0.98)), fmt_interval(None)) == ("0.912–0.980", "–")
