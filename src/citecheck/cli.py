"""The command line: parse options, call the library, render, choose the exit code.

Exit codes (guides/conventions.md §2.6): 0 when nothing reaches ``--fail-on``,
1 when something does, 2 for usage and configuration errors, unreadable input and
internal errors.  Every option that has an environment variable names it explicitly
(click's automatic prefix would build names like ``CITECHECK_CHECK_OUTPUT_FORMAT``).

Options that are also configuration keys default to "not given": the value then
comes from the configuration file (``[tool.citecheck]``, ``citecheck.toml``) or the
built-in default, and ``citecheck config`` shows which.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from click.core import ParameterSource

from citecheck import __version__
from citecheck.audit import AuditSettings, Report, check_paths
from citecheck.cache import Cache
from citecheck.config import (
    KEYS,
    OUTPUT_FORMATS,
    SEVERITIES,
    SOURCES,
    ConfigError,
    check_mailto,
    check_url,
)
from citecheck.diagnostics import Severity
from citecheck.doi import meant_as_doi, normalize_doi
from citecheck.exitcode import ERROR as EXIT_ERROR
from citecheck.exitcode import FAIL_ON, decide
from citecheck.exitcode import OK as EXIT_OK
from citecheck.globs import PathPattern
from citecheck.globs import valid as valid_pattern
from citecheck.ingest import Source, decode, read_list
from citecheck.lookup import LookupReport, lookup
from citecheck.netsettings import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, NetworkSettings
from citecheck.progress import StderrProgress, wanted
from citecheck.render import HUMAN, RENDERERS, RenderOptions
from citecheck.render.jsonreport import SCHEMA_VERSION, extraction_dict
from citecheck.render.jsontext import indented
from citecheck.render.statistics import render_json as statistics_json
from citecheck.render.statistics import render_text as statistics_text
from citecheck.render.text import file_notes, render_lookup, summary
from citecheck.ruledocs import doc_for, explain, find_rule
from citecheck.rules import CATALOGUE
from citecheck.selection import PerFileIgnore, UnknownRule, parse_severity, resolve
from citecheck.settings import FIELDS, RUN_WIDE, Layer, Project, Resolved, Settings

EXIT_FINDINGS = 1
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
_LOG_LEVELS = {-2: logging.CRITICAL, -1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}
log = logging.getLogger("citecheck.cli")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="citecheck")
def main() -> None:
    """Audit the citations of articles: in-text citations against the reference list,
    and references against Crossref, OpenAlex and doi.org."""


# ------------------------------------------------------------------ option groups


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for v in values for part in v.split(",") if part.strip())


def _selectors(ctx: click.Context, param: click.Parameter, value: Sequence[str]) -> tuple[str, ...]:
    items = _split(value)
    for item in items:
        try:
            resolve(item)
        except UnknownRule as exc:
            raise click.BadParameter(str(exc)) from None
    return items


def _per_file(
    ctx: click.Context, param: click.Parameter, value: Sequence[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = []
    for item in value:
        pattern, sep, codes = item.rpartition(":")
        if not sep or not pattern or not valid_pattern(pattern.lstrip("!")):
            raise click.BadParameter(f"expected GLOB:CODES, got {item!r}")
        out.append((pattern, _selectors(ctx, param, [codes])))
    return tuple(out)


def _severities(
    ctx: click.Context, param: click.Parameter, value: Sequence[str]
) -> tuple[tuple[str, str], ...]:
    out = []
    for item in value:
        selector, sep, level = item.partition("=")
        if not sep or not selector.strip() or not level.strip():
            raise click.BadParameter(
                f"expected RULE=LEVEL (e.g. CIT103=warning; LEVEL is error, warning, "
                f"suggestion or off), got {item!r}"
            )
        try:
            resolve(selector)
        except UnknownRule as exc:
            raise click.BadParameter(f"{item!r}: {exc}") from None
        try:
            parse_severity(level)
        except ValueError as exc:
            raise click.BadParameter(
                f"{item!r}: {exc} (expected error, warning, suggestion or off)"
            ) from None
        out.append((selector.strip(), level.strip().lower()))
    return tuple(out)


def _patterns(ctx: click.Context, param: click.Parameter, value: Sequence[str]) -> tuple[str, ...]:
    items = _split(value)
    for item in items:
        if not valid_pattern(item):
            raise click.BadParameter(f"`{item}` is not a usable path pattern")
    return items


def _sources(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = _split([value])
    for item in items:
        if item not in SOURCES:
            raise click.BadParameter(f"unknown source {item!r} (known: {', '.join(SOURCES)})")
    if items and "crossref" not in items:
        raise click.BadParameter(
            "crossref cannot be left out; use --sources '' for no registry checks"
        )
    return items


def _absolute(ctx: click.Context, param: click.Parameter, value: Sequence[str]) -> tuple[str, ...]:
    return tuple(str(Path(v).resolve()) for v in value)


# Option name -> setting field, for options that are also configuration keys.
_SETTING_OPTIONS: Mapping[str, str] = {
    "select": "select", "extend_select": "extend_select", "ignore": "ignore",
    "per_file_ignores": "per_file_ignores", "severity": "severity", "exclude": "exclude",
    "bibliography": "bibliography", "output_format": "output_format", "fail_on": "fail_on",
    "min_severity": "min_severity", "strict": "strict", "max_file_size": "max_file_size",
    "author_similarity": "author_similarity", "et_al_min_authors": "et_al_min_authors",
    "duplicate_title_similarity": "duplicate_title_similarity",
    "title_similarity": "title_similarity", "year_tolerance": "year_tolerance",
    "offline": "offline", "sources": "sources", "mailto": "mailto", "timeout": "timeout",
    "max_retries": "max_retries", "max_concurrency": "max_concurrency",
    "crossref_url": "crossref_url", "openalex_url": "openalex_url", "doi_url": "doi_url",
    "cache_dir": "cache_dir", "no_cache": "cache_enabled",
}  # fmt: skip
assert set(_SETTING_OPTIONS.values()) <= set(FIELDS)


def _with_options(command: F, options: Sequence[Callable[[F], F]]) -> F:
    """``command`` decorated with ``options``, which then show in this order in --help."""
    for option in reversed(options):
        command = option(command)
    return command


def _checked(
    check: Callable[[str], str],
) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """A click callback applying a configuration validator: a bad value is a usage error
    (exit 2) naming the option, not a look-up that fails four times."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return check(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from None

    return callback


def network_options(command: F) -> F:
    """The options every command that may ask the registries shares."""
    options = [
        click.option("--offline", is_flag=True, default=None, envvar="CITECHECK_OFFLINE",
                     help="Send no request: registry verdicts come from the cache only."),
        click.option("--sources", callback=_sources, metavar="LIST",
                     help="Registries to ask: crossref,openalex (default both; '' = none)."),
        click.option("--mailto", envvar="CITECHECK_MAILTO", metavar="EMAIL",
                     callback=_checked(check_mailto),
                     help="Contact address for Crossref's polite pool."),
        click.option("--timeout", type=click.FloatRange(min=0.1), metavar="SECONDS",
                     help=f"Per-request timeout [default: {DEFAULT_TIMEOUT:g}]."),
        click.option("--max-retries", type=click.IntRange(0, 10),
                     help=f"Retries after a timeout, 429 or 5xx [default: {DEFAULT_MAX_RETRIES}]."),
        click.option("--max-concurrency", type=click.IntRange(1, 64),
                     help="Cap on requests in flight per registry (default: its polite limit)."),
        click.option("--crossref-url", envvar="CITECHECK_CROSSREF_URL", metavar="URL",
                     callback=_checked(check_url), help="Crossref REST API base URL."),
        click.option("--openalex-url", envvar="CITECHECK_OPENALEX_URL", metavar="URL",
                     callback=_checked(check_url),
                     help="OpenAlex API base URL (used only with OPENALEX_API_KEY)."),
        click.option("--doi-url", envvar="CITECHECK_DOI_URL", metavar="URL",
                     callback=_checked(check_url), help="DOI proxy base URL (handle API)."),
        click.option("--cache-dir", type=click.Path(file_okay=False), envvar="CITECHECK_CACHE_DIR",
                     callback=lambda c, p, v: str(Path(v).expanduser().resolve()) if v else None,
                     help="Cache directory (default: user cache)."),
        click.option("--no-cache", is_flag=True, default=None, envvar="CITECHECK_NO_CACHE",
                     callback=lambda c, p, v: None if v is None else not v,
                     help="Neither read nor write the cache."),
        click.option("--refresh", is_flag=True, help="Ignore cached answers (still write them)."),
    ]  # fmt: skip
    return _with_options(command, options)


def config_options(command: F) -> F:
    """``--config`` and ``--isolated``: which configuration applies."""
    options = [
        click.option("--config", "config", multiple=True, metavar="PATH|'KEY = VALUE'",
                     help="Use this configuration file for every file (no discovery; default: "
                     "$CITECHECK_CONFIG), or override one key inline (repeatable)."),
        click.option("--isolated", is_flag=True,
                     help="Ignore every configuration file (inline --config overrides still apply)."),
    ]  # fmt: skip
    return _with_options(command, options)


def settings_options(command: F) -> F:
    """Options that are also configuration keys (rules, inputs, output, matching)."""
    options = [
        click.option("--select", multiple=True, callback=_selectors, metavar="RULES",
                     help="Rules on: codes, prefixes (CIT1), names or ALL, comma-separated."),
        click.option("--extend-select", multiple=True, callback=_selectors, metavar="RULES",
                     help="Rules added to the selection (e.g. CIT902)."),
        click.option("--ignore", multiple=True, callback=_selectors, metavar="RULES",
                     help="Rules off."),
        click.option("--per-file-ignores", multiple=True, callback=_per_file, metavar="GLOB:RULES",
                     help="Rules off for files matching GLOB (!GLOB: not matching)."),
        click.option("--severity", multiple=True, callback=_severities, metavar="RULE=LEVEL",
                     help="Severity override: error, warning, suggestion or off."),
        click.option("--exclude", multiple=True, callback=_patterns, metavar="GLOB",
                     help="Never audit matching files or directories (repeatable)."),
        click.option("--bibliography", multiple=True, callback=_absolute, metavar="FILE",
                     help="BibTeX or CSL-JSON for Markdown articles that name none (repeatable)."),
        click.option("-f", "--output-format", type=click.Choice(OUTPUT_FORMATS),
                     envvar="CITECHECK_OUTPUT_FORMAT", help="Report format [default: full]."),
        click.option("--fail-on", type=click.Choice(FAIL_ON),
                     help="Exit 1 when a finding of this severity or worse is reported [default: error]."),
        click.option("--min-severity", type=click.Choice(SEVERITIES),
                     help="Show only findings of this severity or worse (the exit code still counts all)."),
        click.option("--strict", is_flag=True, default=None,
                     help="Registry look-ups that fail (lookup-failed) are errors, not warnings."),
        click.option("--max-file-size", type=click.FloatRange(min=0.001), metavar="MB",
                     help="Refuse larger files [default: 64]."),
        click.option("--author-similarity", type=click.FloatRange(0, 100),
                     help="Surname similarity (0-100) that makes a near miss a misspelling [default: 80]."),
        click.option("--et-al-min-authors", type=click.IntRange(2, 99),
                     help="Author count from which `et al.` is required [default: 3]."),
        click.option("--duplicate-title-similarity", type=click.FloatRange(0, 100),
                     help="Title similarity (0-100) that makes two entries duplicates [default: 90]."),
        click.option("--title-similarity", type=click.FloatRange(0, 1),
                     help="Title similarity (0-1) at which a reference agrees with its record [default: 0.85]."),
        click.option("--year-tolerance", type=click.IntRange(0, 10),
                     help="Years a reference may differ from its record [default: 1]."),
    ]  # fmt: skip
    return _with_options(command, options)


def _origin(ctx: click.Context, name: str) -> str | None:
    source = ctx.get_parameter_source(name)
    param = next(p for p in ctx.command.params if p.name == name)
    if source == ParameterSource.COMMANDLINE:
        return "/".join(o for o in param.opts if o.startswith("--")) or param.opts[0]
    if source == ParameterSource.ENVIRONMENT:
        envvar = param.envvar if isinstance(param.envvar, str) else None
        return f"env {envvar}" if envvar else "environment"
    return None


def options_layer(ctx: click.Context, params: Mapping[str, Any]) -> Layer:
    """The settings given on the command line (or by their environment variables)."""
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for name, field in _SETTING_OPTIONS.items():
        if name not in params:
            continue
        origin = _origin(ctx, name)
        value = params[name]
        if origin is None or value is None:
            continue
        values[field] = value
        origins[field] = origin
    return Layer(values, origins, Path.cwd())


def _project(ctx: click.Context, params: Mapping[str, Any]) -> Project:
    """Configuration discovery under the command line's options; a bad file exits 2."""
    configs: tuple[str, ...] = params.get("config", ())
    files = [c for c in configs if "=" not in c or Path(c).is_file()]
    named = os.environ.get("CITECHECK_CONFIG", "").strip()
    if not files and named:
        files = [named]
    inline = [c for c in configs if c not in files]
    if len(files) > 1:
        _fail("--config names more than one file; give one file and inline `KEY = VALUE` overrides")
    try:
        return Project(
            options_layer(ctx, params),
            config=Path(files[0]) if files else None,
            inline=inline,
            isolated=params.get("isolated", False),
        )
    except (ConfigError, ValueError) as exc:
        _fail(str(exc))


def _resolved(get: Callable[[], Resolved]) -> Resolved:
    try:
        return get()
    except ConfigError as exc:
        _fail(str(exc))


def audit_settings(resolved: Resolved, *, network: NetworkSettings | None = None) -> AuditSettings:
    s = resolved.settings
    return AuditSettings(
        match=s.match(),
        max_bytes=s.max_bytes,
        network=network,
        thresholds=s.thresholds(),
        policy=s.policy(),
        bibliography=s.bibliography,
        claims=s.claims(),
    )


def run_network(resolved: Resolved, *, refresh: bool) -> NetworkSettings | None:
    network = resolved.network()
    return replace(network, refresh=refresh) if network is not None else None


# ------------------------------------------------------------------ check


@dataclass(frozen=True)
class _ReportSpec:
    format: str
    path: str


def _reports(
    ctx: click.Context, param: click.Parameter, value: Sequence[str]
) -> tuple[_ReportSpec, ...]:
    out = []
    for item in value:
        fmt, sep, path = item.partition("=")
        if not sep or not path or fmt not in RENDERERS:
            raise click.BadParameter(
                f"expected FORMAT=PATH with FORMAT one of {', '.join(sorted(RENDERERS))}, got {item!r}"
            )
        out.append(_ReportSpec(fmt, path))
    return tuple(out)


@main.command()
@click.argument("paths", nargs=-1)
@config_options
@click.option("--files-from", type=click.Path(exists=True, dir_okay=False, allow_dash=True),
              metavar="FILE|-",
              help="Also audit the files listed in FILE (one per line; - for stdin), e.g. a pull "
              "request's changed files; non-article files in it are skipped.")  # fmt: skip
@click.option("--stdin-filename", metavar="PATH",
              help="The path findings from stdin (-) are reported at; also picks its format and "
              "configuration.")  # fmt: skip
@click.option("--force-exclude", is_flag=True,
              help="Apply exclude patterns to files named on the command line too.")  # fmt: skip
@settings_options
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), envvar="CITECHECK_OUTPUT_FILE",
              help="Write the report to this file instead of stdout.")  # fmt: skip
@click.option("--report", "reports", multiple=True, callback=_reports, metavar="FORMAT=PATH",
              help="Also write a report in FORMAT to PATH (repeatable), e.g. sarif=citecheck.sarif.")  # fmt: skip
@click.option("--statistics", is_flag=True,
              help="Show how often each rule fired instead of the findings: a table for the "
              "full and concise formats, JSON for json (an array) and json-lines (one object a "
              "line); a usage error with other formats (write those with --report).")  # fmt: skip
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings reach --fail-on (2 still means the run failed).")  # fmt: skip
@network_options
@click.option("--progress", type=click.Choice(("auto", "on", "off")), default="auto",
              envvar="CITECHECK_PROGRESS", show_default=True,
              help="Progress line on stderr (auto: on a terminal outside CI).")  # fmt: skip
@click.option("--no-progress", is_flag=True, help="Same as --progress off.")
@click.option(
    "--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True
)
@click.option("-q", "--quiet", count=True, help="Only the report (-qq: nothing, exit code only).")
@click.option(
    "-v",
    "--verbose",
    count=True,
    help="More detail on stderr (configuration files, skipped files).",
)
@click.pass_context
def check(ctx: click.Context, /, paths: tuple[str, ...], **params: Any) -> None:
    """Audit the articles at PATHS (files, directories, or - for stdin)."""  # fmt: skip
    files_from = params["files_from"]
    if not paths and files_from is None:
        raise click.UsageError("give PATHS to audit, or --files-from FILE")
    verbosity = params["verbose"] - params["quiet"]
    project = _project(ctx, params)
    run = _resolved(project.run_settings)
    settings = run.settings
    if params["statistics"] and settings.output_format not in _STATISTICS_FORMATS:
        raise click.UsageError(
            f"--statistics cannot be combined with the {settings.output_format} format "
            f"(use {', '.join(_STATISTICS_FORMATS)}; --report {settings.output_format}=PATH "
            "writes the findings alongside)"
        )
    listed = _files_from(files_from) if files_from is not None else []
    with _logging_to_stderr(verbosity):
        if run.config is not None:
            log.info("configuration: %s", run.config.path)
        run_audit = audit_settings(run, network=run_network(run, refresh=params["refresh"]))

        warned: set[Path] = set()

        def per_file(source: Source) -> AuditSettings:
            resolved = _resolved(lambda: project.settings_for(source.display))
            _warn_run_wide(resolved, run, warned)
            return audit_settings(resolved)

        show_progress = params["progress"] != "off" and not params["no_progress"] and verbosity >= 0
        observer = (
            StderrProgress(sys.stderr)
            if show_progress and wanted(params["progress"], sys.stderr)
            else None
        )
        report = _guarded(
            lambda: check_paths(
                paths,
                run_audit,
                observer=observer,
                files_from=listed,
                filter=_Filter(project),
                force_exclude=params["force_exclude"],
                stdin_name=params["stdin_filename"],
                settings_for=per_file,
            )
        )
    _write_reports(report, settings, params, verbosity)
    if verbosity >= 0:
        for note in file_notes(report.files):
            click.echo(note, err=True)
    if verbosity >= -1:
        for problem in report.input_problems:
            click.echo(f"error: {problem}", err=True)
    if verbosity >= 0:
        click.echo(summary(report), err=True)
    sys.exit(
        decide(
            report.diagnostics,
            fail_on=settings.fail_on,
            strict=settings.strict,
            exit_zero=params["exit_zero"],
            input_problems=bool(report.input_problems),
        )
    )


def _warn_run_wide(resolved: Resolved, run: Resolved, warned: set[Path]) -> None:
    """Say once per configuration file when it sets a run-wide key the run does not
    use (the current directory's configuration governs those)."""
    config = resolved.config
    if config is None or config.path in warned or (run.config and run.config.path == config.path):
        return
    warned.add(config.path)
    ignored = sorted(
        _KEY_NAMES[f]
        for f in RUN_WIDE
        if str(config.path) in resolved.origin(f)
        and getattr(resolved.settings, f) != getattr(run.settings, f)
    )
    if ignored:
        log.warning(
            "%s sets %s, but run-wide settings come from the configuration of the current "
            "directory, so its value is not used in this run; run citecheck from %s to use it",
            config.path, ", ".join(ignored), config.path.parent,
        )  # fmt: skip


def _files_from(path: str) -> list[str]:
    """The paths listed in ``path`` (``-``: stdin), decoded like an article: UTF-8,
    UTF-16/32, else Windows-1252 with a warning; a list that is not text exits 2."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        _fail(f"cannot read --files-from {path}: {(exc.strerror or str(exc)).lower()}")
    decoded = decode(data)
    if isinstance(decoded, str):
        _fail(f"cannot read --files-from {path}: {decoded.split(';')[0]}")
    text, _, warning = decoded
    if warning:
        click.echo(f"warning: --files-from {path}: {warning}", err=True)
    return read_list(text)


class _Filter:
    """`citecheck.ingest.InputFilter` backed by each path's configuration."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def excluded(self, path: str) -> bool:
        return _resolved(lambda: self._project.settings_for(path)).settings.excluded(path)

    def included(self, path: str) -> bool:
        return _resolved(lambda: self._project.settings_for(path)).settings.included(path)


def _render_options(fmt: str, settings: Settings, color: bool) -> RenderOptions:
    root = os.environ.get("CI_PROJECT_DIR") if fmt == "gitlab" else None
    return RenderOptions(
        color=color and fmt in HUMAN,
        min_severity=Severity.parse(settings.min_severity),
        root=Path(root) if root else None,
    )


def _write_reports(
    report: Report, settings: Settings, params: Mapping[str, Any], verbosity: int
) -> None:
    fmt = settings.output_format
    output_file = params["output_file"]
    color = _use_color(params["color"], output_file)
    options = _render_options(fmt, settings, color)
    if params["statistics"]:
        text = _statistics(fmt, report, options)
    else:
        text = RENDERERS[fmt](report, options)
    if verbosity >= -1:
        _emit(text, output_file, color=options.color)
    for spec in params["reports"]:
        extra = RENDERERS[spec.format](report, _render_options(spec.format, settings, False))
        _emit(extra, spec.path)


_STATISTICS_FORMATS = ("full", "concise", "json", "json-lines")
"""Formats ``--statistics`` replaces with its counts; the others are read by machines
that expect findings (SARIF, JUnit, annotations), so the two cannot be mixed."""


def _statistics(fmt: str, report: Report, options: RenderOptions) -> str:
    if fmt == "json":
        return statistics_json(report, options)
    if fmt == "json-lines":
        rows = json.loads(statistics_json(report, options))
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    return statistics_text(report, options)


# ------------------------------------------------------------------ config, rule


def _toml(value: Any) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(_plain(value), ensure_ascii=False)


def _plain(value: Any) -> Any:
    """Settings values as JSON/TOML data (patterns as the text written)."""
    if isinstance(value, tuple) and value and isinstance(value[0], PerFileIgnore):
        return {p.pattern.pattern: list(p.selectors) for p in value}
    if isinstance(value, tuple) and value and isinstance(value[0], PathPattern):
        return [p.pattern for p in value]
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        return dict(value)
    if isinstance(value, tuple):
        return list(value)
    return value


_KEY_NAMES: Mapping[str, str] = {k.field: k.dotted for k in KEYS}


@main.command(name="config")
@click.argument("path", required=False, default=".")
@config_options
@settings_options
@network_options
@click.option("--format", "as_format", type=click.Choice(("text", "json")), default="text",
              show_default=True, help="Print TOML-like text or JSON.")  # fmt: skip
@click.pass_context
def config_command(ctx: click.Context, /, path: str, as_format: str, **params: Any) -> None:
    """Print the settings in force for PATH (a file or directory; default: here), and
    where each comes from: a configuration file, an option, the environment, or the
    default."""
    project = _project(ctx, params)
    own = _resolved(lambda: project.settings_for(path))
    run = _resolved(project.run_settings)
    # Run-wide values are the run's (the current directory's configuration), whatever
    # the file's own configuration says: show what will actually be in force.
    resolved = replace(
        own,
        settings=replace(own.settings, **{f: getattr(run.settings, f) for f in RUN_WIDE}),
        origins={**own.origins, **{f: f"{run.origin(f)} (run-wide)" for f in RUN_WIDE}},
    )
    settings = resolved.settings
    source = str(resolved.config.path) if resolved.config is not None else None
    secrets = {
        name: ("set" if os.environ.get(name, "").strip() else "unset")
        for name in ("OPENALEX_API_KEY", "CROSSREF_PLUS_API_TOKEN")
    }
    if as_format == "json":
        payload = {
            "path": path,
            "config_file": source,
            "settings": {
                _KEY_NAMES[f]: {"value": _plain(getattr(settings, f)), "origin": resolved.origin(f)}
                for f in FIELDS
            },
            "environment": secrets,
        }
        click.echo(indented(payload), nl=False)
        return
    click.echo(f"# settings for {path}")
    click.echo(f"# configuration file: {source or 'none (defaults and options only)'}")
    width = max(len(_KEY_NAMES[f]) for f in FIELDS)
    for f in FIELDS:
        key = _KEY_NAMES[f]
        click.echo(f"{key:<{width}} = {_toml(getattr(settings, f))}  # {resolved.origin(f)}")
    for name, state in secrets.items():
        click.echo(f"# {name}: {state} (environment only)")


@main.command(name="rule")
@click.argument("code", required=False)
@click.option("--all", "all_rules", is_flag=True, help="Explain every rule.")
@click.option("-f", "--output-format", type=click.Choice(("text", "json")), default="text",
              show_default=True)  # fmt: skip
def rule_command(code: str | None, all_rules: bool, output_format: str) -> None:
    """Explain a rule: what it checks, why it matters, an example, how to fix it.

    CODE is a code (CIT103) or a name (citation-year-mismatch)."""
    if all_rules == (code is not None):
        raise click.UsageError("give one rule CODE, or --all")
    rules = list(CATALOGUE) if all_rules else []
    if code is not None:
        found = find_rule(code)
        if found is None:
            _fail(f"unknown rule `{code}` (see `citecheck rule --all`)")
        rules = [found]
    if output_format == "json":
        payload = [
            {
                "code": r.code, "name": r.name, "severity": r.severity.label,
                "network": r.network, "summary": r.summary, "explanation": explain(r),
                "what": doc_for(r).what, "why": doc_for(r).why, "example": doc_for(r).example,
                "fix": doc_for(r).fix,
            }
            for r in rules
        ]  # fmt: skip
        click.echo(indented(payload if all_rules else payload[0]), nl=False)
        return
    click.echo("\n".join(explain(r) for r in rules), nl=False)


# ------------------------------------------------------------------ extract, lookup


@main.command(name="extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--bibliography", multiple=True, callback=_absolute, metavar="FILE",
              help="BibTeX or CSL-JSON for Markdown articles that name none.")  # fmt: skip
def extract_command(
    paths: tuple[str, ...], output_file: str | None, bibliography: tuple[str, ...]
) -> None:
    """Print the references and in-text citations found in PATHS as JSON (no checks)."""
    report = _guarded(lambda: check_paths(paths, AuditSettings(bibliography=bibliography)))
    problems = report.input_problems
    files = [
        extraction_dict(f.extraction, f.links, (), f.pandoc)
        for f in report.files
        if f.extraction is not None
    ]
    payload = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "citecheck", "version": __version__},
        "errors": [{"path": p.path, "message": p.message} for p in problems],
        "files": files,
    }
    _emit(indented(payload), output_file)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    sys.exit(EXIT_ERROR if problems else EXIT_OK)


def _lookup_query(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """Refuse, before any request, a query that is empty or a DOI that is malformed
    (``10.1038/`` is not a search for "10.1038/")."""
    if not value.strip():
        raise click.BadParameter("the query is empty; give a DOI or the text of a reference")
    if normalize_doi(value) is None and meant_as_doi(value):
        raise click.BadParameter(
            f"`{value.strip()}` is not a well-formed DOI "
            "(expected 10.<registrant>/<suffix>, e.g. 10.1038/nm.4050)"
        )
    return value


@main.command(name="lookup")
@click.argument("query", callback=_lookup_query)
@click.option(
    "-f",
    "--output-format",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="Report format.",
)
@config_options
@network_options
@click.pass_context
def lookup_command(ctx: click.Context, /, query: str, output_format: str, **params: Any) -> None:
    """Look up a DOI, or the text of a reference, and print the registered record(s)
    with their similarity scores.

    Exit 0 when a record was found (a DOI's, or a confident match for the text), 1 when
    none was, 2 when the registries could not be asked."""  # fmt: skip
    project = _project(ctx, params)
    resolved = _resolved(project.run_settings)
    sources = resolved.settings.sources or ("crossref",)
    network = run_network(
        replace(resolved, settings=replace(resolved.settings, sources=sources)),
        refresh=params["refresh"],
    )
    assert network is not None
    with _logging_to_stderr(0):
        report = _guarded(lambda: lookup(query, network))
    if output_format == "json":
        _emit(indented(report.to_dict()), None)
    else:
        _emit(render_lookup(report), None)
    sys.exit(lookup_exit_code(report))


def lookup_exit_code(report: LookupReport) -> int:
    if report.status == "failed":
        return EXIT_ERROR
    if report.kind == "doi":
        return EXIT_OK if report.status in ("found", "elsewhere") else EXIT_FINDINGS
    return EXIT_OK if any(r.confident for r in report.records) else EXIT_FINDINGS


# ------------------------------------------------------------------ cache


@main.group(name="cache")
def cache_group() -> None:
    """Inspect or empty the registry cache."""


_cache_dir_option = click.option(
    "--cache-dir", type=click.Path(file_okay=False, path_type=Path), envvar="CITECHECK_CACHE_DIR",
    help="Cache directory (default: `[cache] dir` of the configuration that governs the "
    "current directory, else the user cache).",
)  # fmt: skip


def _cache(cache_dir: Path | None) -> Cache:
    """The cache ``--cache-dir`` or CITECHECK_CACHE_DIR names; else the one the
    configuration of the current directory (or $CITECHECK_CONFIG) names, as
    ``citecheck check`` would use; else the user cache."""
    if cache_dir is None:
        named = os.environ.get("CITECHECK_CONFIG", "").strip()
        resolved = _guarded(lambda: Project(config=Path(named) if named else None).run_settings())
        configured = resolved.settings.cache_dir
        cache_dir = Path(configured) if configured else None
    return Cache(cache_dir)


@cache_group.command(name="dir")
@_cache_dir_option
def cache_dir_command(cache_dir: Path | None) -> None:
    """Print where the cache lives."""
    click.echo(str(_cache(cache_dir).root))


@cache_group.command(name="info")
@_cache_dir_option
def cache_info_command(cache_dir: Path | None) -> None:
    """Print what the cache holds."""
    info = _cache(cache_dir).info()
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
    cache = _cache(cache_dir)
    result = cache.clean()
    click.echo(f"Removed {result.files} entries ({_size(result.bytes)}) from {cache.root}")


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


# ------------------------------------------------------------------ plumbing


class _EchoHandler(logging.Handler):
    """Library messages ("no contact address ...") as ``warning: ...`` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        label = record.levelname.lower() if record.levelno >= logging.WARNING else "info"
        click.echo(f"{label}: {record.getMessage()}", err=True)


@contextmanager
def _logging_to_stderr(verbosity: int) -> Iterator[None]:
    """citecheck's log on stderr: warnings by default, info with -v, debug with -vv,
    errors only with -q (``CITECHECK_LOG_LEVEL`` sets the level explicitly)."""
    logger = logging.getLogger("citecheck")
    named = os.environ.get("CITECHECK_LOG_LEVEL", "").strip().upper()
    level = logging.getLevelName(named) if named else None
    if not isinstance(level, int):
        level = _LOG_LEVELS.get(max(-2, min(verbosity, 1)), logging.DEBUG)
        if verbosity >= 2:
            level = logging.DEBUG
    handler = _EchoHandler(level)
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(level)
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
    except ConfigError as exc:
        _fail(str(exc))
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


__all__ = ["main", "run"]
