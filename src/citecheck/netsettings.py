"""Network settings for registry look-ups: where to ask, who we are, how hard to try.

One frozen value, built from the environment (`NetworkSettings.from_env`) and then
overridden by CLI options with `dataclasses.replace`.  Secrets (the OpenAlex key and
the Crossref Metadata Plus token) are wrapped in `Secret`, whose ``repr`` and ``str``
never show the value, so that a settings object can be logged, printed in a
traceback or put in an exception message without leaking them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

CROSSREF_URL: Final = "https://api.crossref.org"
OPENALEX_URL: Final = "https://api.openalex.org"
DOI_URL: Final = "https://doi.org"

# Hosts that may receive the OpenAlex key and the Crossref Plus token without being
# named by the user: the registries' own public addresses.
OFFICIAL_HOSTS: Final = frozenset({"api.crossref.org", "api.openalex.org"})

DEFAULT_TIMEOUT: Final = 20.0
DEFAULT_MAX_RETRIES: Final = 3

_TRUE = frozenset({"1", "true", "yes", "on"})


@dataclass(frozen=True, slots=True)
class Secret:
    """A credential that refuses to be shown.

    ``repr``/``str``/``format`` all give ``'***'``; only `reveal` returns the value,
    and only the HTTP layer calls it, when it builds a request header.
    """

    _value: str = field(repr=False)

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    def __str__(self) -> str:
        return "***"

    def __format__(self, spec: str) -> str:
        return "***"

    def __bool__(self) -> bool:
        return bool(self._value)


def _flag(environ: Mapping[str, str], name: str) -> bool:
    return environ.get(name, "").strip().lower() in _TRUE


def _text(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name, "").strip()
    return value or None


def _url(environ: Mapping[str, str], name: str, default: str) -> str:
    # A trailing slash would double up with the paths the sources append.
    return (_text(environ, name) or default).rstrip("/")


def host_of(url: str) -> str:
    """The lower-case host (and port) of ``url``."""
    return urlsplit(url).netloc.lower()


@dataclass(frozen=True, slots=True, kw_only=True)
class NetworkSettings:
    """Everything the registry layer needs to know about the network and the cache."""

    crossref_url: str = CROSSREF_URL
    openalex_url: str = OPENALEX_URL
    doi_url: str = DOI_URL
    mailto: str | None = None
    """Contact address: Crossref's polite pool (``mailto=`` and the User-Agent)."""
    openalex_api_key: Secret | None = None
    """OpenAlex is used only when this is set (environment only, never an option)."""
    crossref_plus_token: Secret | None = None
    timeout: float = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    max_concurrency: int | None = None
    """Caps every host's concurrency; None keeps each registry's polite default."""
    backoff: float = 1.0
    """First wait before a retry, in seconds; doubled on each further attempt."""
    cache_dir: Path | None = None
    """None means the platform's user cache directory."""
    no_cache: bool = False
    refresh: bool = False
    """Skip cache reads (but still write), to re-check everything."""
    offline: bool = False
    """Use the cache only; send no request."""
    strict: bool = False
    """Lookup failures are errors rather than warnings (applied by the engine)."""
    credential_hosts: frozenset[str] = OFFICIAL_HOSTS
    """Hosts that may receive API keys: the official registries, and addresses the user
    named on the command line or in the environment. A base URL that only a
    configuration file names (a pull request can change that file) gets no key."""

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError("timeout must be positive")
        if self.max_retries < 0:
            raise ValueError("max_retries must be zero or more")
        if self.max_concurrency is not None and self.max_concurrency < 1:
            raise ValueError("max_concurrency must be at least 1")
        if self.backoff < 0:
            raise ValueError("backoff must be zero or more")

    @property
    def openalex_enabled(self) -> bool:
        return bool(self.openalex_api_key)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> NetworkSettings:
        """Settings from ``CITECHECK_*``, ``OPENALEX_API_KEY`` and ``CROSSREF_PLUS_API_TOKEN``."""
        env = os.environ if environ is None else environ
        key = _text(env, "OPENALEX_API_KEY")
        token = _text(env, "CROSSREF_PLUS_API_TOKEN")
        cache_dir = _text(env, "CITECHECK_CACHE_DIR")
        named = {
            host_of(url)
            for name in ("CITECHECK_CROSSREF_URL", "CITECHECK_OPENALEX_URL", "CITECHECK_DOI_URL")
            if (url := _text(env, name))
        }
        return cls(
            credential_hosts=OFFICIAL_HOSTS | named,
            crossref_url=_url(env, "CITECHECK_CROSSREF_URL", CROSSREF_URL),
            openalex_url=_url(env, "CITECHECK_OPENALEX_URL", OPENALEX_URL),
            doi_url=_url(env, "CITECHECK_DOI_URL", DOI_URL),
            mailto=_text(env, "CITECHECK_MAILTO"),
            openalex_api_key=Secret(key) if key else None,
            crossref_plus_token=Secret(token) if token else None,
            cache_dir=Path(cache_dir).expanduser() if cache_dir else None,
            no_cache=_flag(env, "CITECHECK_NO_CACHE"),
            offline=_flag(env, "CITECHECK_OFFLINE"),
        )

    def secrets(self) -> tuple[str, ...]:
        """The raw secret values, for redaction only."""
        return tuple(s.reveal() for s in (self.openalex_api_key, self.crossref_plus_token) if s)
