"""The command line: parse options, call the library, render, choose the exit code.

Exit codes (guides/conventions.md §2.6): 0 when nothing reaches ``--fail-on``,
1 when something does, 2 for usage errors, unreadable input and internal errors.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import NoReturn, TypeVar

import click

from citecheck import __version__
from citecheck.audit import AuditSettings, Report, check_paths, extract
from citecheck.diagnostics import Severity
from citecheck.ingest import DEFAULT_MAX_BYTES, InputProblem, discover, load
from citecheck.linking import MatchSettings, link
from citecheck.render import RENDERERS
from citecheck.render.jsonreport import SCHEMA_VERSION, extraction_dict
from citecheck.render.text import file_notes, summary

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
T = TypeVar("T")
FAIL_ON = ("error", "warning", "suggestion", "never")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="citecheck")
def main() -> None:
    """Audit the citations of articles: in-text citations against the reference list."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--offline",
    is_flag=True,
    envvar="CITECHECK_OFFLINE",
    help="Run only the checks that need no network.",
)
@click.option(
    "-f",
    "--output-format",
    type=click.Choice(sorted(RENDERERS)),
    default="full",
    envvar="CITECHECK_OUTPUT_FORMAT",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False),
    envvar="CITECHECK_OUTPUT_FILE",
    help="Write the report to this file instead of stdout.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="error",
    show_default=True,
    help="Exit 1 when a finding of this severity or worse is reported.",
)
@click.option(
    "--max-file-size",
    type=click.FloatRange(min=0.001),
    default=DEFAULT_MAX_BYTES / 2**20,
    show_default=True,
    metavar="MB",
    help="Refuse larger files.",
)
@click.option(
    "--author-similarity",
    type=click.FloatRange(0, 100),
    default=MatchSettings.author_similarity,
    show_default=True,
    help="Surname similarity (0-100) that makes a near miss a misspelling.",
)
@click.option(
    "--et-al-min-authors",
    type=click.IntRange(2, 99),
    default=MatchSettings.et_al_min_authors,
    show_default=True,
    help="Author count from which `et al.` is required.",
)
@click.option(
    "--duplicate-title-similarity",
    type=click.FloatRange(0, 100),
    default=MatchSettings.duplicate_title_similarity,
    show_default=True,
    help="Title similarity (0-100) that makes two entries duplicates.",
)
@click.option(
    "--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True
)
def check(
    paths: tuple[str, ...],
    offline: bool,
    output_format: str,
    output_file: str | None,
    fail_on: str,
    max_file_size: float,
    author_similarity: float,
    et_al_min_authors: int,
    duplicate_title_similarity: float,
    color: str,
) -> None:
    """Audit the articles at PATHS (files, directories, or - for stdin)."""
    settings = AuditSettings(
        match=MatchSettings(
            author_similarity=author_similarity,
            et_al_min_authors=et_al_min_authors,
            duplicate_title_similarity=duplicate_title_similarity,
        ),
        max_bytes=int(max_file_size * 2**20),
    )
    report = _guarded(lambda: check_paths(paths, settings))
    use_color = _use_color(color, output_file)
    text = RENDERERS[output_format](report, use_color)
    _emit(text, output_file, color=use_color)
    for note in file_notes(report.files):
        click.echo(note, err=True)
    for problem in report.input_problems:
        click.echo(f"error: {problem}", err=True)
    click.echo(summary(report), err=True)
    sys.exit(exit_code(report, fail_on))


def exit_code(report: Report, fail_on: str) -> int:
    if report.input_problems:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    worst = report.worst()
    return EXIT_FINDINGS if worst is not None and worst >= Severity.parse(fail_on) else EXIT_OK


@main.command(name="extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), help="Write to this file.")
def extract_command(paths: tuple[str, ...], output_file: str | None) -> None:
    """Print the references and in-text citations found in PATHS as JSON (no checks)."""
    sources, problems = discover(paths)
    files = []
    for source in sources:
        loaded = load(source)
        if isinstance(loaded, InputProblem):
            problems.append(loaded)
            continue
        ex = _guarded(partial(extract, loaded))
        files.append(extraction_dict(ex, link(ex.citations, ex.references)))
    payload = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "citecheck", "version": __version__},
        "errors": [{"path": p.path, "message": p.message} for p in problems],
        "files": files,
    }
    _emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output_file)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    sys.exit(EXIT_ERROR if problems else EXIT_OK)


def _guarded(fn: Callable[[], T]) -> T:
    """Run ``fn``; an unexpected exception is an internal error (exit 2), reported in one
    line unless CITECHECK_DEBUG asks for the traceback."""
    try:
        return fn()
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("CITECHECK_DEBUG"):
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc} (set CITECHECK_DEBUG=1 for the traceback)"
        )


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _emit(text: str, output_file: str | None, *, color: bool = False) -> None:
    if output_file is None or output_file == "-":
        # click would strip the colour codes when stdout is not a terminal; FORCE_COLOR
        # and --color always have already decided.
        click.echo(text, nl=False, color=color)
        return
    try:
        with open(output_file, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        _fail(f"cannot write {output_file}: {(exc.strerror or str(exc)).lower()}")


def _use_color(choice: str, output_file: str | None) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return output_file in (None, "-") and sys.stdout.isatty()


def run(argv: Sequence[str]) -> int:
    """Run the CLI in-process and return its exit code (for embedding and tests)."""
    try:
        main.main(args=list(argv), prog_name="citecheck", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
