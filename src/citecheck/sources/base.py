"""The interface every registry source implements, and the cache plumbing they share.

A *record source* (Crossref, OpenAlex) answers ``lookup(doi)`` with a `Lookup`, and
``search(query)`` with a `Search`; ``lookup_many`` may batch.  An *existence source*
(doi.org) only says whether a DOI is registered at all.  Nothing here raises for a
network problem: the answer's ``status`` is ``"failed"`` and it carries the
`citecheck.http.Failure`.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from citecheck.cache import Cache, Entry
from citecheck.http import Failure
from citecheck.records import Record

LookupStatus = Literal["found", "not-found", "failed"]


@dataclass(frozen=True, slots=True)
class Lookup:
    """One source's answer about one DOI."""

    status: LookupStatus
    source: str
    doi: str
    record: Record | None = None
    failure: Failure | None = None
    cached: bool = False
    status_stale: bool = False
    """The record came from a cache entry whose retraction status is over 7 days old
    and could not be refreshed."""


@dataclass(frozen=True, slots=True)
class Search:
    """One source's candidates for a reference without a DOI, best first."""

    status: Literal["ok", "failed"]
    source: str
    query: str
    records: tuple[Record, ...] = ()
    failure: Failure | None = None
    cached: bool = False


class RecordSource(ABC):
    """A registry that returns metadata records."""

    name: ClassVar[str]
    batch_size: ClassVar[int] = 1

    @abstractmethod
    def lookup(self, doi: str) -> Lookup:
        """The record registered for a normalised DOI."""

    def lookup_many(self, dois: Sequence[str]) -> dict[str, Lookup]:
        """Look up several DOIs; sources that can batch override this."""
        return {doi: self.lookup(doi) for doi in dict.fromkeys(dois)}

    def peek(self, dois: Sequence[str]) -> dict[str, Lookup]:
        """The answers the cache holds (fresh enough to use), without any request."""
        return {}

    @abstractmethod
    def search(self, query: str, rows: int = 5) -> Search:
        """Candidate records for a bibliographic query string."""

    @property
    def available(self) -> bool:
        """False once the source has stopped for the run (e.g. a spent budget)."""
        return True


class ExistenceSource(ABC):
    """A registry that only knows whether a DOI exists (the DOI proxy)."""

    name: ClassVar[str]

    @abstractmethod
    def exists(self, doi: str) -> Lookup:
        """``found`` when the DOI is registered with any agency, ``not-found`` when not."""


# --------------------------------------------------------------------------- cache helpers


def cached_lookup(
    cache: Cache,
    namespace: str,
    source: str,
    doi: str,
    parse: Callable[[Any], Record | None],
    *,
    offline: bool,
) -> tuple[Lookup | None, Lookup | None]:
    """Read a DOI from the cache.

    Returns ``(answer, fallback)``: ``answer`` when the entry can be used as is;
    ``fallback`` when only its retraction status is stale, to be used if the refresh
    fails.  Offline, a stale status is used as is.
    """
    entry = cache.get(namespace, doi)
    if entry is None:
        return None, None
    lookup = lookup_from_entry(entry, source, doi, parse)
    if lookup is None:
        return None, None
    if entry.status_stale(cache.now()):
        stale = Lookup(lookup.status, source, doi, lookup.record, cached=True, status_stale=True)
        return (stale, None) if offline else (None, stale)
    return lookup, None


def lookup_from_entry(
    entry: Entry, source: str, doi: str, parse: Callable[[Any], Record | None]
) -> Lookup | None:
    if entry.kind == "not-found":
        return Lookup("not-found", source, doi, cached=True)
    if entry.kind != "found" or not isinstance(entry.body, Mapping):
        return None
    record = parse(entry.body)
    if record is None:
        return None
    return Lookup("found", source, doi, record, cached=True)


def scoped(namespace: str, base: str, default: str) -> str:
    """The cache namespace for answers from the registry at ``base``.

    The public registry keeps the plain namespace; any other address (a proxy, a
    mirror, a test server, a mistyped URL) gets one of its own, so that answers from
    one server are never read back as another's.
    """
    if base.rstrip("/") == default.rstrip("/"):
        return namespace
    return f"{namespace}@{hashlib.sha256(base.encode()).hexdigest()[:12]}"


def remember_found(
    cache: Cache,
    namespace: str,
    source: str,
    doi: str,
    url: str,
    body: Any,
    record: Record | None = None,
) -> Lookup:
    """Cache that ``doi`` is registered (with ``body``, the slimmed answer) and say so."""
    cache.put(namespace, doi, source=source, url=url, kind="found", body=body)
    return Lookup("found", source, doi, record)


def remember_not_found(
    cache: Cache,
    namespace: str,
    source: str,
    doi: str,
    url: str,
    *,
    body: Any = None,
    status: int = 404,
) -> Lookup:
    """Cache that ``doi`` is unknown to ``source`` (kept for a day) and say so."""
    cache.put(namespace, doi, source=source, url=url, kind="not-found", body=body, status=status)
    return Lookup("not-found", source, doi)


def offline_miss(source: str, doi: str, url: str) -> Lookup:
    return Lookup(
        "failed",
        source,
        doi,
        failure=Failure("offline", "offline and not in the cache", url),
    )


def peek_cache(
    cache: Cache,
    namespace: str,
    source: str,
    dois: Sequence[str],
    parse: Callable[[Any], Record | None],
    *,
    offline: bool,
) -> dict[str, Lookup]:
    out: dict[str, Lookup] = {}
    for doi in dois:
        answer, _ = cached_lookup(cache, namespace, source, doi, parse, offline=offline)
        if answer is not None:
            out[doi] = answer
    return out
