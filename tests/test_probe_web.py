"""The web-page probe (fixtures/probes/web, HTML and Markdown): call-out detection and
false alarms, as a regression gate on the pages the rules of 1abce0f and 696225c were
written from."""

from __future__ import annotations

from support import probe_detection, probe_error_codes, probe_paths

PROBES = probe_paths("web")


def test_the_probe_set_is_all_there() -> None:
    assert [p.suffix for p in PROBES] == [".html"] * 8 + [".md"] * 6


def test_false_errors_on_the_probe_set() -> None:
    # 05: a press release cites five works listed under "Related publications from the
    # research team", a second list after its one-entry "Reference"; citecheck reads
    # one list per article, so those five citations match nothing.
    assert probe_error_codes(PROBES) == [("05.html", "CIT101")] * 6


def test_call_out_detection_on_the_probe_set() -> None:
    d = probe_detection(PROBES)
    # Session 33: 199 of 199 detections right, 199 of 207 call-outs found; the misses
    # are 04's seven hyperlinked phrases ("a 2021 study"), which cite by neither name
    # nor number, and 14's "children under 6^9^", a superscript after a number.
    assert (d.marked, d.right == d.predicted, d.found / d.marked >= 0.96) == (207, True, True)
