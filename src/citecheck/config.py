"""Configuration files: finding them, reading them, refusing what is wrong in them.

citecheck reads ``[tool.citecheck]`` in ``pyproject.toml``, or the same keys at the
top level of ``citecheck.toml`` / ``.citecheck.toml`` (guides/conventions.md §2.7).
Like ruff, the closest file walking up from an audited file governs it; in one
directory ``.citecheck.toml`` wins over ``citecheck.toml``, which wins over a
``pyproject.toml`` that has a ``[tool.citecheck]`` table (one without is skipped).

Keys are kebab-case.  An unknown key, a value of the wrong type or out of range, or
anything that looks like a secret is a `ConfigError` naming the file and the key;
secrets (API keys, tokens) are read from the environment only.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citecheck import globs
from citecheck.exitcode import FAIL_ON
from citecheck.selection import UnknownRule, parse_severity, resolve

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = (".citecheck.toml", "citecheck.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "suggestion")
SOURCES = ("crossref", "openalex")
OUTPUT_FORMATS = (
    "full", "concise", "json", "json-lines", "github", "sarif", "junit", "gitlab", "markdown",
)  # fmt: skip
_SECRET = re.compile(r"(?:api[-_]?key|token|secret|password|passwd|credential)", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names file and key."""

    def __init__(self, path: Path, key: str | None, problem: str) -> None:
        where = f"{path}: `{key}`" if key else str(path)
        super().__init__(f"invalid configuration in {where}: {problem}")
        self.path = path
        self.key = key
        self.problem = problem


class _Bad(ValueError):
    """A value a checker refuses; `ConfigError` adds the file and key."""


Checker = Callable[[Any, Path], Any]


def _strings(value: Any, _: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad("expected a list of strings")
    return tuple(value)


def _selectors(value: Any, base: Path) -> tuple[str, ...]:
    items = _strings(value, base)
    for item in items:
        try:
            resolve(item)
        except UnknownRule as exc:
            raise _Bad(str(exc)) from None
    return items


def _patterns(value: Any, base: Path) -> tuple[str, ...]:
    items = _strings(value, base)
    for item in items:
        if not globs.valid(item):
            raise _Bad(f"`{item}` is not a usable path pattern")
    return items


def _paths(value: Any, base: Path) -> tuple[str, ...]:
    items = (value,) if isinstance(value, str) else _strings(value, base)
    return tuple(str((base / item).resolve()) for item in items)


def _choice(*choices: str) -> Checker:
    def check(value: Any, _: Path) -> str:
        if not isinstance(value, str) or value not in choices:
            raise _Bad(f"expected one of {', '.join(repr(c) for c in choices)}, got {value!r}")
        return value

    return check


def _number(low: float, high: float, *, integer: bool = False) -> Checker:
    def check(value: Any, _: Path) -> float | int:
        ok = isinstance(value, int) or (not integer and isinstance(value, float))
        if isinstance(value, bool) or not ok:
            raise _Bad(f"expected {'an integer' if integer else 'a number'}, got {value!r}")
        number = float(value)
        if not low <= number <= high:
            raise _Bad(f"expected a value from {low:g} to {high:g}, got {value!r}")
        return int(value) if integer else number

    return check


def _flag(value: Any, _: Path) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"expected true or false, got {value!r}")
    return value


def check_url(value: Any) -> str:
    """A registry base URL (http or https, a host, no white space), without its trailing
    slash; ValueError otherwise.  Shared by configuration files and options."""
    if not isinstance(value, str) or not re.fullmatch(r"https?://[^\s/]+(?:/\S*)?", value):
        raise ValueError(f"expected an http(s) URL, got {value!r}")
    return value.rstrip("/")


def check_mailto(value: Any) -> str:
    """A contact address for the User-Agent; ValueError otherwise (a line break in it
    would corrupt every request header)."""
    if not isinstance(value, str) or not _EMAIL.fullmatch(value):
        raise ValueError(f"expected an e-mail address, got {value!r}")
    return value


def _url(value: Any, _: Path) -> str:
    try:
        return check_url(value)
    except ValueError as exc:
        raise _Bad(str(exc)) from None


def _mailto(value: Any, _: Path) -> str:
    try:
        return check_mailto(value)
    except ValueError as exc:
        raise _Bad(str(exc)) from None


def _directory(value: Any, base: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad("expected a directory path")
    return str((base / Path(value).expanduser()).resolve())


def _sources(value: Any, base: Path) -> tuple[str, ...]:
    items = _strings(value, base)
    for item in items:
        if item not in SOURCES:
            raise _Bad(f"unknown source {item!r} (known: {', '.join(SOURCES)})")
    if len(set(items)) != len(items):
        raise _Bad("a source is named twice")
    if items and "crossref" not in items:
        raise _Bad(
            "crossref cannot be left out (it is the registry every check starts with); use [] to turn registry checks off"
        )
    return items


def _per_file_ignores(value: Any, base: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise _Bad("expected a table of `pattern = [rules]`")
    out = []
    for pattern, selectors in value.items():
        body = pattern[1:] if pattern.startswith("!") else pattern
        if not globs.valid(body):
            raise _Bad(f"`{pattern}` is not a usable path pattern")
        try:
            out.append((pattern, _selectors(selectors, base)))
        except _Bad as exc:
            raise _Bad(f"`{pattern}`: {exc}") from None
    return tuple(out)


def _severity_table(value: Any, base: Path) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise _Bad('expected a table of `rule = "error|warning|suggestion|off"`')
    out = []
    for selector, level in value.items():
        try:
            resolve(selector)
        except UnknownRule as exc:
            raise _Bad(str(exc)) from None
        if not isinstance(level, str):
            raise _Bad(f"`{selector}`: expected a severity string, got {level!r}")
        try:
            parse_severity(level)
        except ValueError:
            raise _Bad(
                f'`{selector}`: expected "error", "warning", "suggestion" or "off", got {level!r}'
            ) from None
        out.append((selector, level.strip().lower()))
    return tuple(out)


@dataclass(frozen=True)
class Key:
    """One configuration key: where it sits, the setting it feeds, how it is checked."""

    section: str | None
    name: str
    field: str
    check: Checker
    help: str

    @property
    def dotted(self) -> str:
        return f"{self.section}.{self.name}" if self.section else self.name


KEYS: tuple[Key, ...] = (
    Key(None, "select", "select", _selectors, "rules on (codes, prefixes, names, ALL)"),
    Key(None, "extend-select", "extend_select", _selectors, "rules added to select"),
    Key(None, "ignore", "ignore", _selectors, "rules off"),
    Key(None, "per-file-ignores", "per_file_ignores", _per_file_ignores, "glob -> rules off for matching files (!glob: for files that do not match)"),
    Key(None, "severity", "severity", _severity_table, "rule -> error|warning|suggestion|off"),
    Key(None, "include", "include", _patterns, "globs a directory walk keeps (default: every article extension)"),
    Key(None, "exclude", "exclude", _patterns, "globs never audited (hidden directories, node_modules and virtual environments are always skipped)"),
    Key(None, "extend-exclude", "extend_exclude", _patterns, "more globs never audited, added to exclude"),
    Key(None, "bibliography", "bibliography", _paths, "BibTeX/CSL-JSON files for Markdown that names none"),
    Key(None, "fail-on", "fail_on", _choice(*FAIL_ON), "lowest severity that fails the run"),
    Key(None, "min-severity", "min_severity", _choice(*SEVERITIES), "lowest severity shown"),
    Key(None, "output-format", "output_format", _choice(*OUTPUT_FORMATS), "report format"),
    Key(None, "strict", "strict", _flag, "lookup failures are errors"),
    Key(None, "max-file-size", "max_file_size", _number(0.001, 1e6), "largest article in MB"),
    Key("matching", "author-similarity", "author_similarity", _number(0, 100), "surname similarity (0-100) for a misspelling"),
    Key("matching", "et-al-min-authors", "et_al_min_authors", _number(2, 99, integer=True), "author count from which et al. is required"),
    Key("matching", "duplicate-title-similarity", "duplicate_title_similarity", _number(0, 100), "title similarity (0-100) of duplicates"),
    Key("matching", "title-similarity", "title_similarity", _number(0, 1), "title similarity (0-1) agreeing with the record"),
    Key("matching", "year-tolerance", "year_tolerance", _number(0, 10, integer=True), "years a reference may differ from its record"),
    Key("claims", "adjacent-sentences", "claims_adjacent", _number(0, 10, integer=True), "sentences before or after a claim whose citation supports it (0: its own only)"),
    Key("network", "offline", "offline", _flag, "send no request"),
    Key("network", "sources", "sources", _sources, "registries to ask: crossref, openalex ([] = none)"),
    Key("network", "mailto", "mailto", _mailto, "contact address for Crossref's polite pool"),
    Key("network", "timeout", "timeout", _number(0.1, 600), "seconds per request"),
    Key("network", "max-retries", "max_retries", _number(0, 10, integer=True), "retries after a timeout, 429 or 5xx"),
    Key("network", "max-concurrency", "max_concurrency", _number(1, 64, integer=True), "requests in flight per registry"),
    Key("network", "crossref-url", "crossref_url", _url, "Crossref REST API base URL"),
    Key("network", "openalex-url", "openalex_url", _url, "OpenAlex API base URL"),
    Key("network", "doi-url", "doi_url", _url, "DOI proxy base URL"),
    Key("cache", "dir", "cache_dir", _directory, "cache directory"),
    Key("cache", "enabled", "cache_enabled", _flag, "read and write the cache"),
)  # fmt: skip
SECTIONS = frozenset(k.section for k in KEYS if k.section)


@dataclass(frozen=True)
class ConfigFile:
    """The checked settings of one configuration file."""

    path: Path
    values: Mapping[str, Any]
    """Setting field -> checked value (relative paths already made absolute)."""
    keys: Mapping[str, str]
    """Setting field -> the key as written (``matching.title-similarity``)."""
    table: str
    """``[tool.citecheck]`` for pyproject.toml, else the empty string."""
    inline: bool = False
    """An override given as ``--config "KEY = VALUE"`` rather than a file."""

    @property
    def directory(self) -> Path:
        return self.path.parent

    def origin(self, field: str) -> str:
        if self.inline:
            return f'--config "{self.keys[field]} = ..."'
        prefix = f"{self.table[1:-1]}." if self.table else ""
        return f"{self.path} ({prefix}{self.keys[field]})"


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(path, None, (exc.strerror or str(exc)).lower()) from None
    except UnicodeDecodeError:
        raise ConfigError(path, None, "not valid UTF-8") from None
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, None, f"not valid TOML: {exc}") from None
    return data


def _table(path: Path, data: Mapping[str, Any]) -> tuple[Mapping[str, Any], str] | None:
    if path.name != "pyproject.toml":
        return data, ""
    tool = data.get("tool")
    if not isinstance(tool, dict) or "citecheck" not in tool:
        return None
    section = tool["citecheck"]
    if not isinstance(section, dict):
        raise ConfigError(path, "tool.citecheck", "expected a table")
    return section, "[tool.citecheck]"


def has_settings(path: Path) -> bool:
    """Whether ``path`` is a config file citecheck reads (a pyproject.toml only with
    ``[tool.citecheck]``).  An unreadable file counts, so that its error is shown."""
    if path.name != "pyproject.toml":
        return path.is_file()
    try:
        return _table(path, _read(path)) is not None
    except ConfigError:
        return True


def find_config(start: Path) -> Path | None:
    """The closest configuration file at or above the directory ``start``."""
    directory = start.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and has_settings(candidate):
                return candidate
    return None


def load(path: Path) -> ConfigFile:
    """Read and check one configuration file (named by the user or found)."""
    path = path.resolve()
    data = _read(path)
    found = _table(path, data)
    if found is None:
        if path.name == "pyproject.toml":
            return ConfigFile(path, {}, {}, "[tool.citecheck]")
        raise AssertionError("unreachable")  # pragma: no cover
    table, label = found
    return _check(path, table, label)


def _check(path: Path, table: Mapping[str, Any], label: str) -> ConfigFile:
    prefix = f"{label[1:-1]}." if label else ""
    by_place = {(k.section, k.name): k for k in KEYS}
    values: dict[str, Any] = {}
    keys: dict[str, str] = {}
    _refuse_secrets(path, table, prefix)
    for name, value in table.items():
        if name in SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(path, prefix + name, "expected a table")
            for sub, sub_value in value.items():
                key = by_place.get((name, sub))
                if key is None:
                    known = [k.name for k in KEYS if k.section == name]
                    raise ConfigError(path, f"{prefix}{name}.{sub}", _unknown(sub, known))
                _store(path, prefix, key, sub_value, values, keys)
            continue
        key = by_place.get((None, name))
        if key is None:
            known = [k.name for k in KEYS if k.section is None] + sorted(SECTIONS)
            raise ConfigError(path, prefix + name, _unknown(name, known))
        _store(path, prefix, key, value, values, keys)
    return ConfigFile(path, values, keys, label)


def _store(
    path: Path, prefix: str, key: Key, value: Any, values: dict[str, Any], keys: dict[str, str]
) -> None:
    try:
        values[key.field] = key.check(value, path.parent)
    except _Bad as exc:
        raise ConfigError(path, prefix + key.dotted, str(exc)) from None
    keys[key.field] = key.dotted


def _unknown(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return "unknown key" + (f" (did you mean `{close[0]}`?)" if close else "")


def _refuse_secrets(path: Path, table: Mapping[str, Any], prefix: str) -> None:
    for name, value in table.items():
        if _SECRET.search(name):
            raise ConfigError(
                path,
                prefix + name,
                "secrets do not belong in configuration files; set OPENALEX_API_KEY or "
                "CROSSREF_PLUS_API_TOKEN in the environment instead",
            )
        if isinstance(value, dict):
            _refuse_secrets(path, value, f"{prefix}{name}.")


def parse_inline(text: str) -> Mapping[str, Any]:
    """``--config "KEY = VALUE"``: one TOML assignment (ruff's inline override)."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # The text is not repeated: a misplaced secret must not end up in the message.
        raise ValueError(
            f"a --config value is neither a file nor a `KEY = VALUE` assignment: {exc}"
        ) from None
    return data


def check_inline(text: str) -> ConfigFile:
    """An inline ``KEY = VALUE`` override, checked like a file's keys (relative paths
    resolve against the current directory)."""
    checked = _check(Path.cwd() / "--config", parse_inline(text), "")
    return ConfigFile(checked.path, checked.values, checked.keys, "", inline=True)
