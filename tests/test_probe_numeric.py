"""The numbered-citation probe articles (fixtures/probes/numeric): call-out detection
and false alarms, as a regression gate on the text the numeric finder was tuned on."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.diagnostics import Severity
from support import marked_probe_audit, probe_detection, probe_paths

PROBES = probe_paths("numeric")


def test_the_probe_set_is_all_there() -> None:
    assert len(PROBES) == 14


@pytest.mark.parametrize("path", PROBES, ids=lambda p: p.name)
def test_a_correct_probe_article_has_no_error(path: Path) -> None:
    audit = marked_probe_audit(path)
    assert [d.message for d in audit.diagnostics if d.severity >= Severity.ERROR] == []


def test_call_out_detection_on_the_probe_set() -> None:
    d = probe_detection(PROBES)
    # At cb29073: 292 of 298 detections right, 292 of 297 call-outs found.  Session
    # 41: 295 of 301 and 295 of 297, a source after a figure that ends a sentence.
    assert (d.marked, d.right / d.predicted >= 0.975, d.found / d.marked >= 0.99) == (
        297,
        True,
        True,
    )
