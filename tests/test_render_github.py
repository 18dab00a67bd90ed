"""GitHub workflow commands: escaping as the official toolkit does, grouping, columns."""

from __future__ import annotations

from pathlib import Path

from citecheck.audit import FileAudit, Report
from citecheck.diagnostics import Diagnostic, Severity
from citecheck.model import Position
from citecheck.render import RenderOptions
from citecheck.render.github import escape_data, escape_property, render


def report(*diagnostics: Diagnostic) -> Report:
    paths = sorted({d.path for d in diagnostics})
    return Report(
        tuple(
            FileAudit(p, None, diagnostics=tuple(d for d in diagnostics if d.path == p))
            for p in paths
        )
    )


def diagnostic(path: str, message: str, *, help: str | None = None, end_line: int = 12,
               severity: Severity = Severity.ERROR) -> Diagnostic:  # fmt: skip
    return Diagnostic(
        "CIT103", "citation-year-mismatch", severity, message, path,
        Position(12, 5), Position(end_line, 19), help=help,
    )  # fmt: skip


def lines(r: Report) -> list[str]:
    return render(r, RenderOptions(root=Path.cwd())).splitlines()


def test_escape_data() -> None:
    assert escape_data("100% sure\r\nnext: a,b") == "100%25 sure%0D%0Anext: a,b"


def test_escape_property() -> None:
    assert escape_property("content/a,b:c%.md\n") == "content/a%2Cb%3Ac%25.md%0A"


def test_comma_colon_percent_and_newline_in_path_and_message() -> None:
    d = diagnostic(
        "content/a,b.md",
        "Year mismatch: cited 2019, reference list has 2020\nsecond line 100%",
    )
    assert lines(report(d))[1] == (
        "::error title=citecheck (CIT103),file=content/a%2Cb.md,line=12,col=5,endLine=12,"
        "endColumn=19::content/a,b.md:12:5: CIT103 Year mismatch: cited 2019, reference list "
        "has 2020%0Asecond line 100%25"
    )


def test_colon_in_path_is_escaped_in_the_property_only() -> None:
    d = diagnostic("notes: draft.md", "m")
    assert lines(report(d))[1].startswith(
        "::error title=citecheck (CIT103),file=notes%3A draft.md,line=12,"
    )
    assert lines(report(d))[1].endswith("::notes: draft.md:12:5: CIT103 m")


def test_help_is_appended_after_an_escaped_newline() -> None:
    d = diagnostic("a.md", "m", help="Did you mean `Collo`?")
    assert lines(report(d))[1].endswith("::a.md:12:5: CIT103 m%0A  help: Did you mean `Collo`?")


def test_columns_are_left_out_when_the_finding_spans_lines() -> None:
    d = diagnostic("a.md", "m", end_line=13)
    assert (
        lines(report(d))[1]
        == "::error title=citecheck (CIT103),file=a.md,line=12,endLine=13::a.md:12:5: CIT103 m"
    )


def test_one_group_per_file() -> None:
    got = lines(report(diagnostic("b.md", "m"), diagnostic("a.md", "m")))
    assert [x for x in got if x.startswith("::group") or x == "::endgroup::"] == [
        "::group::a.md", "::endgroup::", "::group::b.md", "::endgroup::",
    ]  # fmt: skip


def test_severities_map_to_error_warning_notice() -> None:
    got = lines(
        report(
            diagnostic("a.md", "e"),
            diagnostic("b.md", "w", severity=Severity.WARNING),
            diagnostic("c.md", "s", severity=Severity.SUGGESTION),
        )
    )
    assert [x.split(" ", 1)[0] for x in got if not x.startswith("::group") and x != "::endgroup::"] == [
        "::error", "::warning", "::notice",
    ]  # fmt: skip
