"""citecheck: audit an article's citations against its reference list and the registries.

The library's front door::

    from citecheck import AuditSettings, check_paths
    report = check_paths(["article.md"], AuditSettings())
    for diagnostic in report.diagnostics:
        print(diagnostic.code, diagnostic.message)
"""

from __future__ import annotations

__version__ = "0.1.0"

from citecheck.audit import AuditSettings, FileAudit, Report, audit_document, check_paths
from citecheck.diagnostics import Diagnostic, Severity

__all__ = [
    "AuditSettings",
    "Diagnostic",
    "FileAudit",
    "Report",
    "Severity",
    "__version__",
    "audit_document",
    "check_paths",
]
