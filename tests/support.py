"""Paths to the test data and checks shared by several test modules."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema

if TYPE_CHECKING:
    from citecheck.audit import FileAudit
    from citecheck.model import Reference

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
ARTICLES = ROOT / "fixtures" / "articles"
CONTENT_REPO = ROOT / "fixtures" / "content-repo"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
REPORT_SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def seed_path(prefix: str) -> Path:
    """The seed article whose name starts with ``prefix`` ("003")."""
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path


def validate_report(report: Any) -> None:
    """Every JSON report a test sees must satisfy the published schema."""
    jsonschema.validate(report, REPORT_SCHEMA)


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


RunCli = Callable[..., Run]
Snapshot = Callable[[str, str], None]


def validate_sarif(log: Any) -> None:
    """SARIF output must satisfy the official OASIS schema (draft-04, validated offline)."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    validator.validate(log)


def probe_paths(name: str) -> list[Path]:
    """The articles of the probe set ``name`` (fixtures/probes/<name>), in order: plain
    text, Markdown or HTML."""
    return sorted(
        p
        for p in (ROOT / "fixtures" / "probes" / name).glob("[0-9][0-9].*")
        if p.suffix in (".txt", ".md", ".html")
    )


def marked_probe(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """A probe article (fixtures/probes) without its `⟦ ⟧` marks, and the marked
    call-outs' spans in it."""
    return unmarked(path.read_text(encoding="utf-8"))


def unmarked(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without its `⟦ ⟧` marks, and the spans they marked in it."""
    out: list[str] = []
    gold: list[tuple[int, int]] = []
    start = 0
    for ch in text:
        if ch == "⟦":
            start = len(out)
        elif ch == "⟧":
            gold.append((start, len(out)))
        else:
            out.append(ch)
    return "".join(out), gold


def marked_document(path: Path) -> tuple[Any, list[tuple[int, int]]]:
    """A probe article as citecheck reads it (a `Document`), without its marks, and the
    marked call-outs' spans in its text.  Plain text is read as it stands; Markdown and
    HTML through their readers, the marks found in the text read with them."""
    from citecheck.document import Document
    from citecheck.ingest import from_bytes

    if path.suffix == ".txt":
        text, gold = marked_probe(path)
        return Document.plain(path.name, text), gold
    raw = path.read_bytes()
    doc = from_bytes(path.name, raw.replace("⟦".encode(), b"").replace("⟧".encode(), b""))
    shown = from_bytes(path.name, raw)
    assert isinstance(doc, Document), path.name
    assert isinstance(shown, Document), path.name
    text, gold = unmarked(shown.text)
    assert text == doc.text, f"{path.name}: the marks change the text around them"
    return doc, gold


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class Detection:
    """Call-out detection over marked probe articles: how many call-outs are marked,
    how many of them a citation overlaps, how many citation groups were read, and how
    many of those overlap a marked call-out."""

    marked: int
    found: int
    predicted: int
    right: int


def probe_detection(paths: list[Path]) -> Detection:
    from citecheck.audit import audit_document

    marked = found = predicted = right = 0
    for path in paths:
        doc, gold = marked_document(path)
        extraction = audit_document(doc).extraction
        assert extraction is not None
        groups: dict[int, list[tuple[int, int]]] = {}
        for c in extraction.citations:
            groups.setdefault(c.group, []).append((c.span.start, c.span.end))
        spans = [s for group in groups.values() for s in group]
        marked += len(gold)
        found += sum(any(spans_overlap(s, g) for s in spans) for g in gold)
        predicted += len(groups)
        right += sum(
            any(spans_overlap(s, g) for s in group for g in gold) for group in groups.values()
        )
    return Detection(marked, found, predicted, right)


def marked_probe_audit(path: Path) -> Any:
    """The audit (a `FileAudit`) of a marked probe article without its marks."""
    from citecheck.audit import audit_document

    doc, _ = marked_document(path)
    return audit_document(doc)


def probe_error_codes(paths: list[Path]) -> list[tuple[str, str]]:
    """(file name, code) of every error-severity finding on marked probe articles."""
    from citecheck.diagnostics import Severity

    return [
        (path.name, d.code)
        for path in paths
        for d in marked_probe_audit(path).diagnostics
        if d.severity >= Severity.ERROR
    ]


def probe_findings(path: Path, severity: Any) -> list[str]:
    """ "CODE message" of every finding of ``severity`` the audit of a probe article
    (plain text) raises."""
    from citecheck.audit import audit_document
    from citecheck.document import Document

    audit = audit_document(Document.plain(path.name, path.read_text(encoding="utf-8")))
    return [f"{d.code} {d.message}" for d in audit.diagnostics if d.severity == severity]


def audit_with_list(body: str, *entries: str) -> FileAudit:
    """The audit of ``body`` followed by a "References" list of ``entries``."""
    from citecheck.audit import audit_document
    from citecheck.document import Document

    text = body + "\n\nReferences\n\n" + "\n".join(entries)
    return audit_document(Document.plain("a.txt", text))


def references_of(audit: FileAudit) -> tuple[Reference, ...]:
    assert audit.extraction is not None
    return audit.extraction.references
