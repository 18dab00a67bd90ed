"""Resolved settings: built-in defaults, then a configuration file, then inline
``--config "KEY = VALUE"`` overrides, then command-line options (or their environment
variables), each layer overriding the one before.  Every value remembers where it
came from, for ``citecheck config``.

List-valued "extend" keys (``extend-select``, ``ignore``, ``extend-exclude``,
``per-file-ignores``, severity overrides) accumulate across layers instead: a
``--ignore CIT102`` on the command line adds to the file's ``ignore``, as in ruff.

`Project` finds the configuration of each audited file (the closest one walking up
from the file, or the one named with ``--config``), and caches it per directory.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from citecheck.claims import ClaimSettings
from citecheck.config import ConfigError, ConfigFile, check_inline, find_config, load
from citecheck.globs import PathPattern
from citecheck.linking import MatchSettings
from citecheck.netsettings import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, NetworkSettings, host_of
from citecheck.selection import PerFileIgnore, RulePolicy, parse_severity
from citecheck.verify import DEFAULT_THRESHOLDS, Thresholds

ACCUMULATE = frozenset(
    {"extend_select", "ignore", "per_file_ignores", "severity", "exclude", "extend_exclude"}
)
"""Fields whose values from every layer add up rather than replace each other."""
_PATTERN_FIELDS = ("include", "exclude", "extend_exclude")
DEFAULT_ORIGIN = "default"


@dataclass(frozen=True)
class Settings:
    """Every setting, resolved (the fields mirror the configuration keys)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[PerFileIgnore, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    include: tuple[PathPattern, ...] = ()
    exclude: tuple[PathPattern, ...] = ()
    extend_exclude: tuple[PathPattern, ...] = ()
    bibliography: tuple[str, ...] = ()
    fail_on: str = "error"
    min_severity: str = "suggestion"
    output_format: str = "full"
    strict: bool = False
    max_file_size: float = 64.0
    author_similarity: float = MatchSettings.author_similarity
    et_al_min_authors: int = MatchSettings.et_al_min_authors
    duplicate_title_similarity: float = MatchSettings.duplicate_title_similarity
    claims_adjacent: int = ClaimSettings.adjacent
    title_similarity: float = DEFAULT_THRESHOLDS.title
    year_tolerance: int = DEFAULT_THRESHOLDS.year_tolerance
    offline: bool = False
    sources: tuple[str, ...] = ("crossref", "openalex")
    mailto: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    max_concurrency: int | None = None
    crossref_url: str | None = None
    openalex_url: str | None = None
    doi_url: str | None = None
    cache_dir: str | None = None
    cache_enabled: bool = True

    def policy(self) -> RulePolicy:
        return RulePolicy(
            select=self.select,
            extend_select=self.extend_select,
            ignore=self.ignore,
            per_file_ignores=self.per_file_ignores,
            severity=tuple((s, parse_severity(level)) for s, level in self.severity),
        )

    def match(self) -> MatchSettings:
        return MatchSettings(
            author_similarity=self.author_similarity,
            et_al_min_authors=self.et_al_min_authors,
            duplicate_title_similarity=self.duplicate_title_similarity,
        )

    def claims(self) -> ClaimSettings:
        return ClaimSettings(adjacent=self.claims_adjacent)

    def thresholds(self) -> Thresholds:
        return Thresholds(title=self.title_similarity, year_tolerance=self.year_tolerance)

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_size * 2**20)

    def network(
        self, base: NetworkSettings | None = None, *, trusted: Collection[str] = ()
    ) -> NetworkSettings | None:
        """Registry settings on top of the environment's (which alone holds secrets);
        None when ``sources = []`` turns the registry checks off.  ``trusted`` names the
        URL fields the user set directly (options, environment): only their hosts, and
        the official ones, may receive API keys."""
        if not self.sources:
            return None
        env = base or NetworkSettings.from_env()
        named = {host_of(url) for name in trusted if (url := getattr(self, name))}
        return replace(
            env,
            credential_hosts=env.credential_hosts | named,
            crossref_url=(self.crossref_url or env.crossref_url).rstrip("/"),
            openalex_url=(self.openalex_url or env.openalex_url).rstrip("/"),
            doi_url=(self.doi_url or env.doi_url).rstrip("/"),
            mailto=self.mailto or env.mailto,
            timeout=self.timeout,
            max_retries=self.max_retries,
            max_concurrency=self.max_concurrency,
            cache_dir=Path(self.cache_dir) if self.cache_dir else env.cache_dir,
            no_cache=env.no_cache or not self.cache_enabled,
            offline=self.offline or env.offline,
            strict=self.strict,
            openalex_api_key=env.openalex_api_key if "openalex" in self.sources else None,
        )

    def excluded(self, path: str | os.PathLike[str]) -> bool:
        return any(p.applies_to(path) for p in (*self.exclude, *self.extend_exclude))

    def included(self, path: str | os.PathLike[str]) -> bool:
        return not self.include or any(p.applies_to(path) for p in self.include)


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Settings))
URL_FIELDS: tuple[str, ...] = ("crossref_url", "openalex_url", "doi_url")
RUN_WIDE: frozenset[str] = frozenset(
    {
        "output_format", "fail_on", "min_severity", "strict", "offline", "sources", "mailto",
        "timeout", "max_retries", "max_concurrency", "crossref_url", "openalex_url", "doi_url",
        "cache_dir", "cache_enabled", "title_similarity", "year_tolerance",
    }
)  # fmt: skip
"""Settings of the whole run, not of each file: the report, the exit code, the registry
look-ups (one resolver for every file) and the comparison with registry records. They
come from the configuration of the current directory, as ruff's do."""


@dataclass(frozen=True)
class Layer:
    """Values set by one source of settings, relative paths based at ``base``."""

    values: Mapping[str, Any]
    origins: Mapping[str, str]
    base: Path

    @classmethod
    def of(cls, config: ConfigFile) -> Layer:
        return cls(config.values, {f: config.origin(f) for f in config.values}, config.directory)


@dataclass(frozen=True)
class Resolved:
    """Settings and, for each field, where its value came from."""

    settings: Settings
    origins: Mapping[str, str] = field(default_factory=dict)
    config: ConfigFile | None = None
    """The configuration file in force (None: defaults and options only)."""

    def origin(self, name: str) -> str:
        return self.origins.get(name, DEFAULT_ORIGIN)

    def network(self, base: NetworkSettings | None = None) -> NetworkSettings | None:
        """`Settings.network`, trusting only the registry URLs set by an option or an
        environment variable, never those a configuration file sets."""
        trusted = [name for name in URL_FIELDS if self.origin(name).startswith(("--", "env "))]
        return self.settings.network(base, trusted=trusted)


def _based(name: str, value: Any, base: Path) -> Any:
    if name in _PATTERN_FIELDS:
        return tuple(PathPattern(p, base) for p in value)
    if name == "per_file_ignores":
        return tuple(PerFileIgnore(PathPattern(p, base), tuple(s)) for p, s in value)
    if name == "severity" and isinstance(value, Mapping):
        return tuple(value.items())
    return value


def merge(layers: Sequence[Layer]) -> Resolved:
    """Settings from ``layers``, lowest precedence first."""
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for layer in layers:
        for name, raw in layer.values.items():
            value = _based(name, raw, layer.base)
            if name in ACCUMULATE and name in values:
                values[name] = (*values[name], *value)
                origins[name] = f"{origins[name]} + {layer.origins[name]}"
            else:
                values[name] = value
                origins[name] = layer.origins[name]
    return Resolved(Settings(**values), origins)


class InlineConfigError(ConfigError):
    """A ``--config "KEY = VALUE"`` override that cannot be used.  The message names
    the override by its key (``--config "fail-on = ..."``), not a file, and never
    repeats the value: it may be a secret someone put in the wrong place."""

    def __init__(self, key: str | None, problem: str) -> None:
        super().__init__(Path("--config"), key, problem)
        where = f'--config "{key} = ..."' if key else "an inline --config override"
        self.args = (f"invalid configuration in {where}: {problem}",)


def _inline(text: str) -> ConfigFile:
    try:
        return check_inline(text)
    except ConfigError as exc:
        raise InlineConfigError(exc.key, exc.problem) from None


class Project:
    """The settings of every file of a run: configuration files found by walking up
    from each file (or the one named), under the command line's options."""

    def __init__(
        self,
        options: Layer | None = None,
        *,
        config: Path | None = None,
        inline: Sequence[str] = (),
        isolated: bool = False,
        cwd: Path | None = None,
    ) -> None:
        self.cwd = (cwd or Path.cwd()).resolve()
        self._options = options or Layer({}, {}, self.cwd)
        self._named = load(config) if config is not None and not isolated else None
        self._inline = tuple(Layer.of(_inline(text)) for text in inline)
        self._isolated = isolated
        self._by_directory: dict[Path, ConfigFile | None] = {}
        self._resolved: dict[Path | None, Resolved] = {}

    def config_for(self, path: str | os.PathLike[str]) -> ConfigFile | None:
        """The configuration governing ``path`` (a file or a directory)."""
        if self._isolated:
            return None
        if self._named is not None:
            return self._named
        target = Path(os.path.abspath(path))
        directory = target if target.is_dir() else target.parent
        if directory not in self._by_directory:
            found = find_config(directory)
            self._by_directory[directory] = load(found) if found is not None else None
        return self._by_directory[directory]

    def resolve(self, config: ConfigFile | None) -> Resolved:
        key = config.path if config is not None else None
        if key not in self._resolved:
            layers = [*([Layer.of(config)] if config is not None else []), *self._inline]
            merged = merge([*layers, self._options])
            self._resolved[key] = replace(merged, config=config)
        return self._resolved[key]

    def settings_for(self, path: str | os.PathLike[str]) -> Resolved:
        """The settings of the file at ``path``."""
        return self.resolve(self.config_for(path))

    def run_settings(self) -> Resolved:
        """Run-wide settings (output, exit code, network): the current directory's."""
        return self.settings_for(self.cwd)
