"""The command line: parse options, call the library, render, choose the exit code.

Exit codes (guides/conventions.md §2.6): 0 when nothing reaches ``--fail-on``,
1 when something does, 2 for usage errors, unreadable input and internal errors.
Every option that has an environment variable names it explicitly (click's
automatic prefix would build names like ``CITECHECK_CHECK_OUTPUT_FORMAT``).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from citecheck import __version__
from citecheck.audit import AuditSettings, Report, check_paths, extract
from citecheck.cache import Cache
from citecheck.diagnostics import Severity
from citecheck.ingest import DEFAULT_MAX_BYTES, InputProblem, discover, load
from citecheck.linking import MatchSettings, link
from citecheck.lookup import LookupReport, lookup
from citecheck.netsettings import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, NetworkSettings
from citecheck.progress import StderrProgress, wanted
from citecheck.render import RENDERERS
from citecheck.render.jsonreport import SCHEMA_VERSION, extraction_dict
from citecheck.render.text import file_notes, render_lookup, summary
from citecheck.verify import DEFAULT_THRESHOLDS, Thresholds

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "suggestion", "never")
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="citecheck")
def main() -> None:
    """Audit the citations of articles: in-text citations against the reference list,
    and references against Crossref, OpenAlex and doi.org."""


def network_options(command: F) -> F:
    """The options every command that may ask the registries shares."""
    options = [
        click.option("--offline", is_flag=True, envvar="CITECHECK_OFFLINE",
                     help="Send no request: registry verdicts come from the cache only."),
        click.option("--mailto", envvar="CITECHECK_MAILTO", metavar="EMAIL",
                     help="Contact address for Crossref's polite pool."),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT,
                     show_default=True, metavar="SECONDS", help="Per-request timeout."),
        click.option("--max-retries", type=click.IntRange(0, 10), default=DEFAULT_MAX_RETRIES,
                     show_default=True, help="Retries after a timeout, 429 or 5xx."),
        click.option("--max-concurrency", type=click.IntRange(1, 64),
                     help="Cap on requests in flight per registry (default: its polite limit)."),
        click.option("--crossref-url", envvar="CITECHECK_CROSSREF_URL", metavar="URL",
                     help="Crossref REST API base URL."),
        click.option("--openalex-url", envvar="CITECHECK_OPENALEX_URL", metavar="URL",
                     help="OpenAlex API base URL (used only with OPENALEX_API_KEY)."),
        click.option("--doi-url", envvar="CITECHECK_DOI_URL", metavar="URL",
                     help="DOI proxy base URL (handle API)."),
        click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                     envvar="CITECHECK_CACHE_DIR", help="Cache directory (default: user cache)."),
        click.option("--no-cache", is_flag=True, envvar="CITECHECK_NO_CACHE",
                     help="Neither read nor write the cache."),
        click.option("--refresh", is_flag=True, help="Ignore cached answers (still write them)."),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def network_settings(
    *,
    offline: bool,
    mailto: str | None,
    timeout: float,
    max_retries: int,
    max_concurrency: int | None,
    crossref_url: str | None,
    openalex_url: str | None,
    doi_url: str | None,
    cache_dir: Path | None,
    no_cache: bool,
    refresh: bool,
    strict: bool = False,
) -> NetworkSettings:
    """The environment's settings (secrets come only from there), overridden by options."""
    base = NetworkSettings.from_env()
    return replace(
        base,
        crossref_url=(crossref_url or base.crossref_url).rstrip("/"),
        openalex_url=(openalex_url or base.openalex_url).rstrip("/"),
        doi_url=(doi_url or base.doi_url).rstrip("/"),
        mailto=mailto or base.mailto,
        timeout=timeout,
        max_retries=max_retries,
        max_concurrency=max_concurrency,
        cache_dir=cache_dir or base.cache_dir,
        no_cache=no_cache or base.no_cache,
        refresh=refresh,
        offline=offline or base.offline,
        strict=strict,
    )


@main.command()
@click.argument("paths", nargs=-1, required=True)
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
    "--strict",
    is_flag=True,
    help="Registry look-ups that fail (lookup-failed) are errors, not warnings.",
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
    "--title-similarity",
    type=click.FloatRange(0, 1),
    default=DEFAULT_THRESHOLDS.title,
    show_default=True,
    help="Title similarity (0-1) at which a reference agrees with its record.",
)
@click.option(
    "--year-tolerance",
    type=click.IntRange(0, 10),
    default=DEFAULT_THRESHOLDS.year_tolerance,
    show_default=True,
    help="Years a reference may differ from its record (online-first vs print).",
)
@network_options
@click.option(
    "--progress",
    type=click.Choice(("auto", "on", "off")),
    default="auto",
    envvar="CITECHECK_PROGRESS",
    show_default=True,
    help="Progress line on stderr (auto: on a terminal outside CI).",
)
@click.option(
    "--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True
)
def check(
    paths: tuple[str, ...],
    output_format: str,
    output_file: str | None,
    fail_on: str,
    strict: bool,
    max_file_size: float,
    author_similarity: float,
    et_al_min_authors: int,
    duplicate_title_similarity: float,
    title_similarity: float,
    year_tolerance: int,
    progress: str,
    color: str,
    **network: Any,
) -> None:
    """Audit the articles at PATHS (files, directories, or - for stdin)."""  # fmt: skip
    settings = AuditSettings(
        match=MatchSettings(
            author_similarity=author_similarity,
            et_al_min_authors=et_al_min_authors,
            duplicate_title_similarity=duplicate_title_similarity,
        ),
        max_bytes=int(max_file_size * 2**20),
        network=network_settings(**network, strict=strict),
        thresholds=Thresholds(title=title_similarity, year_tolerance=year_tolerance),
    )
    observer = StderrProgress(sys.stderr) if wanted(progress, sys.stderr) else None
    with _warnings_to_stderr():
        report = _guarded(lambda: check_paths(paths, settings, observer=observer))
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


@main.command(name="lookup")
@click.argument("query")
@click.option(
    "-f",
    "--output-format",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="Report format.",
)
@network_options
def lookup_command(query: str, output_format: str, **network: Any) -> None:
    """Look up a DOI, or the text of a reference, and print the registered record(s)
    with their similarity scores.

    Exit 0 when a record was found (a DOI's, or a confident match for the text), 1 when
    none was, 2 when the registries could not be asked."""  # fmt: skip
    settings = network_settings(**network)
    with _warnings_to_stderr():
        report = _guarded(lambda: lookup(query, settings))
    if output_format == "json":
        _emit(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", None)
    else:
        _emit(render_lookup(report), None)
    sys.exit(lookup_exit_code(report))


def lookup_exit_code(report: LookupReport) -> int:
    if report.status == "failed":
        return EXIT_ERROR
    if report.kind == "doi":
        return EXIT_OK if report.status in ("found", "elsewhere") else EXIT_FINDINGS
    return EXIT_OK if any(r.confident for r in report.records) else EXIT_FINDINGS


@main.group(name="cache")
def cache_group() -> None:
    """Inspect or empty the registry cache."""


_cache_dir_option = click.option(
    "--cache-dir", type=click.Path(file_okay=False, path_type=Path), envvar="CITECHECK_CACHE_DIR",
    help="Cache directory (default: user cache).",
)  # fmt: skip


@cache_group.command(name="dir")
@_cache_dir_option
def cache_dir_command(cache_dir: Path | None) -> None:
    """Print where the cache lives."""
    click.echo(str(Cache(cache_dir).root))


@cache_group.command(name="info")
@_cache_dir_option
def cache_info_command(cache_dir: Path | None) -> None:
    """Print what the cache holds."""
    info = Cache(cache_dir).info()
    click.echo(f"cache: {info.path}")
    click.echo(f"version: {info.version}")
    for space in info.namespaces:
        click.echo(f"  {space.name}: {space.entries} entries, {_size(space.bytes)}")
    click.echo(f"total: {info.entries} entries, {_size(info.bytes)}")
    if info.other_versions:
        click.echo(
            f"older versions (removed by `citecheck cache clean`): {', '.join(info.other_versions)}"
        )


@cache_group.command(name="clean")
@_cache_dir_option
def cache_clean_command(cache_dir: Path | None) -> None:
    """Remove every cached answer."""
    cache = Cache(cache_dir)
    result = cache.clean()
    click.echo(f"Removed {result.files} entries ({_size(result.bytes)}) from {cache.root}")


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


class _EchoHandler(logging.Handler):
    """Library warnings ("no contact address ...") as ``warning: ...`` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"warning: {record.getMessage()}", err=True)


@contextmanager
def _warnings_to_stderr() -> Iterator[None]:
    logger = logging.getLogger("citecheck")
    handler = _EchoHandler(logging.WARNING)
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


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
