"""The second author-year probe (fixtures/probes/author-year-2): correct articles in
new genres, as a regression gate on the text the rules of bd81322 were written from."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from citecheck.diagnostics import Severity
from support import probe_findings, probe_paths

PROBES = probe_paths("author-year-2")

# What the probe still draws, each a reading of ours, not an error of the articles.
# (Until session 46, "deWaard, J.R." stopped the author parser in 11.txt, which then
# took the issue number 1512 for the year: a CIT101, a CIT102 and a CIT107.)
_ERRORS: dict[str, list[str]] = {}


def test_the_probe_set_is_all_there() -> None:
    assert len(PROBES) == 14


@pytest.mark.parametrize("path", PROBES, ids=lambda p: p.name)
def test_a_correct_author_year_article_draws_no_error_but_the_known_ones(path: Path) -> None:
    assert probe_findings(path, Severity.ERROR) == _ERRORS.get(path.name, [])


def test_what_the_probe_set_still_draws_as_warnings() -> None:
    # CIT101 the two citations inside a quotation (02); CIT102 "Levins's reply (1993)"
    # (10) and an entry by a brand in lower case, iNaturalist (04); CIT107 authors
    # after a fully written given name the parser stops at (07) and three authors
    # named in full where APA 7 shortens
    # (14: Harvard names them); CIT110 two entries read without author or title (04,
    # 08); CIT501 the writers' own figures (16 before the "95% CI" level stopped
    # counting as one, 10 before a sentence of what "will be added" did).
    drawn = Counter(w.split()[0] for p in PROBES for w in probe_findings(p, Severity.WARNING))
    assert dict(sorted(drawn.items())) == {
        "CIT101": 2,
        "CIT102": 2,
        "CIT107": 5,
        "CIT110": 2,
        "CIT501": 9,
    }
