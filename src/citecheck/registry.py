"""Registry verdicts in documents: findings placed at the reference entries they
concern, and the per-status counts of a run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import get_args

from citecheck.consistency import entry_related
from citecheck.diagnostics import Diagnostic, Finding
from citecheck.document import Document
from citecheck.model import Reference
from citecheck.rules import BY_NAME
from citecheck.verify import Status, Verification, finding_severity

STATUSES: tuple[Status, ...] = get_args(Status)


def place(doc: Document, ref: Reference, finding: Finding) -> Diagnostic:
    """A registry finding as a diagnostic on the first line of its reference entry
    (``--strict`` is applied later, after the configured severities)."""
    where = entry_related(doc, ref)
    rule = BY_NAME[finding.rule]
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        severity=finding_severity(finding),
        message=finding.message,
        path=doc.path,
        start=where.start,
        end=where.end,
        help=finding.help,
        data={"reference_id": ref.id, **finding.data},
    )


def status_counts(verifications: Sequence[Verification]) -> dict[str, int]:
    """How many references ended in each status, every status present (for stable JSON)."""
    counts = Counter(v.status for v in verifications)
    return {status: counts[status] for status in STATUSES}
