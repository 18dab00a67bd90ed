"""95 % intervals for the page's ratios, by resampling whole articles.

The call-outs, variants and findings of one article are not independent draws: its
house style makes many of them right or wrong together (one eLife article's decision
letter holds most of the author-year false alarms).  A binomial interval over the
pooled counts would be too narrow, so the interval is a percentile bootstrap over
articles (a cluster bootstrap): draw as many articles as there are, with replacement,
pool their counts, compute the ratio, and repeat.  The generator is seeded from the
row's name, so the page is reproducible.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from typing import TypeVar

REPLICATES = 2000
"""Bootstrap replicates per interval: the 2.5th and 97.5th percentiles of 2,000 move
by well under the third decimal the page prints between seeds."""

Part = TypeVar("Part")


def article_interval(
    parts: Sequence[Part],
    statistic: Callable[[Sequence[Part]], float | None],
    *,
    seed: str,
    replicates: int = REPLICATES,
) -> tuple[float, float] | None:
    """The 95 % percentile interval of ``statistic`` over article resamples.

    ``parts`` holds one score per article; ``statistic`` pools a sample of them into
    the ratio, or None where the sample has nothing to measure (a precision with no
    findings), which drops the replicate.  None when there are no articles or no
    replicate could be measured.
    """
    if not parts:
        return None
    rng = random.Random(seed)
    values = []
    for _ in range(replicates):
        sample = [parts[rng.randrange(len(parts))] for _ in parts]
        value = statistic(sample)
        if value is not None:
            values.append(value)
    if not values:
        return None
    values.sort()
    # As many replicates cut off below as above: 50 each of 2,000.
    low = values[math.floor(0.025 * len(values))]
    high = values[math.ceil(0.975 * len(values)) - 1]
    return low, high


def fmt_interval(bounds: tuple[float, float] | None) -> str:
    """ "0.912–0.981", or "–" when there is no interval."""
    if bounds is None:
        return "–"
    return f"{bounds[0]:.3f}–{bounds[1]:.3f}"
