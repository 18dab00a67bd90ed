"""``junit``: JUnit XML, for CI systems that show test reports (GitLab's
``reports: junit``, Jenkins, Azure).  One ``testsuite`` per audited file and one
failing ``testcase`` named ``citecheck.CODE`` per finding (ruff's layout); a file
without findings is one passing test case, so the report counts every file."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from citecheck.audit import Report
from citecheck.render.options import RenderOptions, shown

# Characters XML 1.0 cannot carry, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def render(report: Report, options: RenderOptions) -> str:
    results = shown(report, options)
    by_path = {
        path: list(group)
        for path, group in groupby(results, key=lambda r: options.path(r.diagnostic.path))
    }
    paths = sorted({options.path(f.path) for f in report.files} | set(by_path))
    root = ET.Element("testsuites", name="citecheck")
    total = failures = 0
    for path in paths:
        found = by_path.get(path, [])
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        if not found:
            ET.SubElement(suite, "testcase", name="citecheck", classname=_clean(path))
        for r in found:
            d = r.diagnostic
            case = ET.SubElement(
                suite, "testcase", name=f"citecheck.{d.code}", classname=_clean(path),
                file=_clean(path), line=str(d.start.line), column=str(d.start.column),
            )  # fmt: skip
            failure = ET.SubElement(
                case, "failure", message=_clean(d.message), type=d.severity.label
            )
            body = f"line {d.start.line}, col {d.start.column}, {d.message}"
            if d.help:
                body += f"\nhelp: {d.help}"
            failure.text = _clean(body)
        n, bad = max(len(found), 1), len(found)
        suite.set("tests", str(n))
        suite.set("failures", str(bad))
        suite.set("errors", "0")
        total += n
        failures += bad
    for problem in report.problems:
        suite = ET.SubElement(
            root, "testsuite", name=_clean(problem.path), tests="1", failures="0", errors="1"
        )
        case = ET.SubElement(
            suite, "testcase", name="citecheck.input", classname=_clean(problem.path)
        )
        ET.SubElement(case, "error", message=_clean(problem.message))
        total += 1
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(len(report.problems)))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
