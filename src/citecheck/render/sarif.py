"""``sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` holds one rule per code that produced a result (as
ruff does), with its summary, documentation and default level.  Locations use
paths relative to the project root with ``uriBaseId: "%SRCROOT%"`` (code scanning
resolves it to the checkout), ``columnKind`` is ``unicodeCodePoints`` because
columns count code points, every result carries a line-independent
``partialFingerprints`` entry, and findings silenced by a comment are included with
``suppressions: [{"kind": "inSource", "justification": reason}]`` so the audit trail
survives.  Inputs that could not be read are tool execution notifications.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from citecheck import __version__
from citecheck.audit import Report, Result
from citecheck.diagnostics import Diagnostic, Severity
from citecheck.fingerprints import VERSION_KEY
from citecheck.model import Position
from citecheck.render.jsontext import indented
from citecheck.render.options import RenderOptions, shown, suppressed
from citecheck.ruledocs import doc_for, help_text
from citecheck.rules import BY_CODE, Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}
SRCROOT = "%SRCROOT%"


def _artifact(path: str) -> dict[str, str]:
    if path == "-":
        return {"uri": "stdin"}
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path), "uriBaseId": SRCROOT}


def _region(start: Position, end: Position) -> dict[str, int]:
    end_line = max(end.line, start.line)
    end_column = end.column if end.line > start.line else max(end.column, start.column)
    return {
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _location(path: str, start: Position, end: Position) -> dict[str, Any]:
    return {
        "physicalLocation": {"artifactLocation": _artifact(path), "region": _region(start, end)}
    }


def _rule(rule: Rule) -> dict[str, Any]:
    doc = doc_for(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": doc.what},
        "help": {"text": help_text(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["citations", "registry" if rule.network else "offline"]},
    }


def _message(d: Diagnostic) -> str:
    return d.message + (f"\nhelp: {d.help}" if d.help else "")


def _result(r: Result, index: int, options: RenderOptions) -> dict[str, Any]:
    d = r.diagnostic
    path = options.path(d.path)
    out: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": LEVELS[d.severity],
        "message": {"text": _message(d)},
        "locations": [_location(path, d.start, d.end)],
    }
    if d.related:
        out["relatedLocations"] = [
            {"id": k, "message": {"text": rel.message}, **_location(path, rel.start, rel.end)}
            for k, rel in enumerate(d.related)
        ]
    out["partialFingerprints"] = {VERSION_KEY: r.fingerprint}
    if r.suppression is not None:
        suppression: dict[str, Any] = {"kind": "inSource", "status": "accepted"}
        if r.suppression.reason:
            suppression["justification"] = r.suppression.reason
        out["suppressions"] = [suppression]
    return out


def sarif_dict(report: Report, options: RenderOptions) -> dict[str, Any]:
    results = sorted(
        [*shown(report, options), *suppressed(report, options)],
        key=lambda r: r.diagnostic.sort_key(),
    )
    codes = sorted({r.diagnostic.code for r in results})
    index = {code: k for k, code in enumerate(codes)}
    notifications = [
        {"level": "error", "message": {"text": str(p)}, **_notification_location(p.path, options)}
        for p in report.input_problems
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citecheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(BY_CODE[c]) for c in codes],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": [_result(r, index[r.diagnostic.code], options) for r in results],
            }
        ],
    }


def _notification_location(path: str, options: RenderOptions) -> dict[str, Any]:
    return {
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(options.path(path))}}]
    }


def render(report: Report, options: RenderOptions) -> str:
    return indented(sarif_dict(report, options))
