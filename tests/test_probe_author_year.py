"""The author-year probe articles (fixtures/probes/author-year): correct articles in
loose writing, as a regression gate on the text the author-year rules were tuned on."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.diagnostics import Severity
from support import probe_findings, probe_paths

PROBES = probe_paths("author-year")


def test_the_probe_set_is_all_there() -> None:
    assert len(PROBES) == 14


@pytest.mark.parametrize("path", PROBES, ids=lambda p: p.name)
def test_a_correct_author_year_article_has_no_error(path: Path) -> None:
    assert probe_findings(path, Severity.ERROR) == []


@pytest.mark.parametrize("path", PROBES, ids=lambda p: p.name)
def test_every_entry_of_a_correct_article_is_found_cited(path: Path) -> None:
    assert [w for w in probe_findings(path, Severity.WARNING) if w.startswith("CIT102")] == []


def test_what_the_probe_set_still_draws() -> None:
    # The warnings left, by rule: CIT110 an APA newsletter entry without author, CIT501
    # the writers' own figures.
    drawn = sorted(w.split()[0] for p in PROBES for w in probe_findings(p, Severity.WARNING))
    assert {code: drawn.count(code) for code in sorted(set(drawn))} == {
        "CIT110": 1,
        "CIT501": 10,
    }
