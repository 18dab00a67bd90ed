"""The third author-year probe (fixtures/probes/author-year-3): correct articles in
new genres, as a regression gate on the text the author-year rules of 508f3cb were
written from."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from citecheck.diagnostics import Severity
from support import probe_findings, probe_paths

PROBES = probe_paths("author-year-3")

# What the probe still draws, each a reading of ours, not an error of the article.
_ERRORS = {
    # "a consumption Gini (2012) reading of 0.38": an index named like an author.
    "11.txt": ["CIT101 Citation `Gini (2012)` matches no entry of the reference list"],
}


def test_the_probe_set_is_all_there() -> None:
    assert len(PROBES) == 14


@pytest.mark.parametrize("path", PROBES, ids=lambda p: p.name)
def test_a_correct_author_year_article_draws_no_error_but_the_known_ones(path: Path) -> None:
    assert probe_findings(path, Severity.ERROR) == _ERRORS.get(path.name, [])


def test_the_probe_set_draws_no_warning_but_uncited_claims() -> None:
    # CIT501: the writers' own figures (14 before the figure under a heading "Aim",
    # "The aim was to reduce ... by 50%", stopped counting as one).  (Before 508f3cb, CIT102 for "Dayton (1985)",
    # whose only citation opens a bracket parted by commas.)
    drawn = Counter(w.split()[0] for p in PROBES for w in probe_findings(p, Severity.WARNING))
    assert dict(drawn) == {"CIT501": 13}
