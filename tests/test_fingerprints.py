"""Fingerprints survive edits elsewhere in the file and tell repeated findings apart."""

from __future__ import annotations

from pathlib import Path

from citecheck.audit import Report, audit_document
from citecheck.document import Document
from citecheck.ingest import from_bytes
from support import seed_path

TEXT = seed_path("003").read_text(encoding="utf-8")


def prints(text: str) -> dict[str, str]:
    doc = from_bytes("content/a.txt", text.encode("utf-8"))
    assert isinstance(doc, Document)
    report = Report((audit_document(doc),))
    return {r.diagnostic.code: r.fingerprint for r in report.results(Path.cwd())}


def test_inserting_lines_above_keeps_the_fingerprints() -> None:
    assert prints("A new opening paragraph.\n\nAnd another.\n\n" + TEXT) == prints(TEXT)


def test_the_path_is_part_of_the_fingerprint() -> None:
    doc = from_bytes("content/b.txt", TEXT.encode("utf-8"))
    assert isinstance(doc, Document)
    other = {r.diagnostic.code: r.fingerprint for r in Report((audit_document(doc),)).results()}
    assert other["CIT103"] != prints(TEXT)["CIT103"]


def test_the_same_citation_twice_gets_two_fingerprints() -> None:
    doubled = TEXT.replace(
        "(Colo et al., 2019).", "(Colo et al., 2019). Again (Colo et al., 2019)."
    )
    doc = from_bytes("content/a.txt", doubled.encode("utf-8"))
    assert isinstance(doc, Document)
    found = [
        r.fingerprint
        for r in Report((audit_document(doc),)).results()
        if r.diagnostic.code == "CIT104"
    ]
    assert len(found) == len(set(found)) == 2
