"""OpenAlex through pyalex, with citecheck's own HTTP layer underneath.

pyalex builds and quotes the query (``Works("https://doi.org/…").url``,
``Works().filter_or(doi=[…]).url``, ``Works().search(…).url``), but pyalex 0.21
hard-codes the host ``api.openalex.org`` in every URL and opens a new session per
request without retries.  So this adapter takes the URL pyalex builds, swaps in the
configured base URL, and sends it through `HttpClient` (pacing, retries, cache,
typed failures).  pyalex's global ``config`` is never touched: nothing here needs it.

The API key travels in an ``Authorization: Bearer`` header (as pyalex sends it), never
in the URL, so it cannot reach a log line, a cache file or a finding.  A 429 that
says the daily budget is spent stops OpenAlex for the rest of the run, unretried.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Final

from pyalex import Works

from citecheck.cache import Cache
from citecheck.http import Failure, HttpClient, Reply
from citecheck.netsettings import OPENALEX_URL
from citecheck.records import Record, from_openalex
from citecheck.sources.base import (
    Lookup,
    RecordSource,
    Search,
    cached_lookup,
    offline_miss,
    peek_cache,
    remember_found,
    remember_not_found,
    scoped,
)
from citecheck.sources.crossref import normalize_query

log = logging.getLogger(__name__)

PYALEX_BASE: Final = "https://api.openalex.org"
BATCH: Final = 50
WORKS: Final = "openalex/works"
SEARCHES: Final = "openalex/search"


def pyalex_url(works: Any, base: str) -> str:
    """The URL pyalex built for ``works``, re-rooted at ``base``."""
    url = str(works.url)
    if not url.startswith(PYALEX_BASE):
        raise ValueError(f"pyalex built an unexpected URL: {url}")
    return base.rstrip("/") + url[len(PYALEX_BASE) :]


def single_work_url(doi: str, base: str) -> str:
    return pyalex_url(Works(f"https://doi.org/{doi}"), base)


def batch_url(dois: Sequence[str], base: str) -> str:
    url = pyalex_url(Works().filter_or(doi=list(dois)), base)
    # per-page must cover the batch: the default page holds 25 results.
    return f"{url}&per-page={max(len(dois), 1)}"


def search_url(query: str, base: str, rows: int) -> str:
    return f"{pyalex_url(Works().search(query), base)}&per-page={rows}"


def is_budget_exhausted(reply: Reply) -> bool:
    """A 2026 budget 429 (JSON naming the budget), as opposed to a per-second 429."""
    data = reply.data
    if not isinstance(data, Mapping):
        return False
    message = str(data.get("message", "")).lower()
    return "budget" in message or "dailyRemainingUsd" in data or "creditsRequired" in data


# Fields no comparison reads; dropping them keeps cache entries small and fast to load.
# The abstract stays: quotations are checked against it, and a record read back from
# the cache must be the record a fresh look-up gives.
_HEAVY = (
    "referenced_works",
    "related_works",
    "abstract_inverted_index_v3",
    "counts_by_year",
    "locations",
    "concepts",
    "topics",
    "keywords",
    "mesh",
    "grants",
    "awards",
    "funders",
    "institutions",
    "sustainable_development_goals",
    "content_urls",
)


def slim(work: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in work.items() if k not in _HEAVY}


def _parse_work(body: Any) -> Record | None:
    return from_openalex(body) if isinstance(body, Mapping) else None


class OpenAlexSource(RecordSource):
    name: ClassVar[str] = "openalex"
    batch_size: ClassVar[int] = BATCH

    def __init__(self, client: HttpClient, cache: Cache) -> None:
        self._client = client
        self._cache = cache
        self._base = client.settings.openalex_url
        self._works = scoped(WORKS, self._base, OPENALEX_URL)
        self._searches = scoped(SEARCHES, self._base, OPENALEX_URL)
        self._stopped: Failure | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"OpenAlexSource(base={self._base!r})"

    @property
    def available(self) -> bool:
        return self._stopped is None

    def _get(self, url: str) -> Reply | Failure:
        if self._stopped is not None:
            return self._stopped
        reply = self._client.get(
            url,
            lane="openalex",
            auth="openalex",
            expect_json=False,
            is_budget_exhausted=is_budget_exhausted,
        )
        if isinstance(reply, Failure) and reply.kind == "budget-exhausted":
            with self._lock:
                first = self._stopped is None
                self._stopped = reply
            if first:
                log.warning(
                    "OpenAlex's daily budget is spent: OpenAlex is not asked again in this "
                    "run; retraction status comes from Crossref only"
                )
        return reply

    # ----------------------------------------------------------------- DOIs

    def lookup(self, doi: str) -> Lookup:
        return self.lookup_many([doi])[doi]

    def peek(self, dois: Sequence[str]) -> dict[str, Lookup]:
        offline = self._client.settings.offline
        return peek_cache(self._cache, self._works, self.name, dois, _parse_work, offline=offline)

    def lookup_many(self, dois: Sequence[str]) -> dict[str, Lookup]:
        offline = self._client.settings.offline
        results: dict[str, Lookup] = {}
        fallbacks: dict[str, Lookup] = {}
        wanted: list[str] = []
        for doi in dict.fromkeys(dois):
            answer, fallback = cached_lookup(
                self._cache, self._works, self.name, doi, _parse_work, offline=offline
            )
            if answer is not None:
                results[doi] = answer
            elif offline:
                results[doi] = offline_miss(self.name, doi, single_work_url(doi, self._base))
            else:
                wanted.append(doi)
                if fallback is not None:
                    fallbacks[doi] = fallback
        if len(wanted) == 1:
            # Singletons by DOI are free; a one-DOI list would cost budget.
            results[wanted[0]] = self._fetch_single(wanted[0])
        else:
            for start in range(0, len(wanted), BATCH):
                results.update(self._fetch_batch(wanted[start : start + BATCH]))
        for doi, fallback in fallbacks.items():
            if results[doi].status == "failed":
                results[doi] = fallback
        return results

    def _fetch_single(self, doi: str) -> Lookup:
        reply = self._get(single_work_url(doi, self._base))
        if isinstance(reply, Failure):
            return Lookup("failed", self.name, doi, failure=reply)
        if reply.status == 404:
            return remember_not_found(self._cache, self._works, self.name, doi, reply.url)
        if reply.status != 200 or not isinstance(reply.data, Mapping):
            return Lookup("failed", self.name, doi, failure=_unexpected(reply))
        body = slim(reply.data)
        return remember_found(
            self._cache, self._works, self.name, doi, reply.url, body, from_openalex(body)
        )

    def _fetch_batch(self, chunk: Sequence[str]) -> dict[str, Lookup]:
        reply = self._get(batch_url(chunk, self._base))
        if isinstance(reply, Failure):
            return {d: Lookup("failed", self.name, d, failure=reply) for d in chunk}
        results = reply.data.get("results") if isinstance(reply.data, Mapping) else None
        if reply.status != 200 or not isinstance(results, list):
            failure = _unexpected(reply)
            return {d: Lookup("failed", self.name, d, failure=failure) for d in chunk}
        wanted = set(chunk)
        found: dict[str, Lookup] = {}
        # Merged or deleted works come back fewer than asked: match by DOI, not position.
        for work in results:
            if not isinstance(work, Mapping):
                continue
            body = slim(work)
            record = from_openalex(body)
            if record.doi in wanted and record.doi not in found:
                found[record.doi] = remember_found(
                    self._cache, self._works, self.name, record.doi,
                    single_work_url(record.doi, self._base), body, record,
                )  # fmt: skip
        for doi in chunk:
            if doi not in found:
                found[doi] = Lookup("not-found", self.name, doi)
        return found

    # ----------------------------------------------------------------- search

    def search(self, query: str, rows: int = 5) -> Search:
        key = f"rows={rows}|{normalize_query(query)}"
        entry = self._cache.get(self._searches, key)
        if entry is not None and isinstance(entry.body, list):
            records = tuple(from_openalex(w) for w in entry.body if isinstance(w, Mapping))
            return Search("ok", self.name, query, records, cached=True)
        url = search_url(query, self._base, rows)
        if self._client.settings.offline:
            failure = Failure("offline", "offline and not in the cache", url)
            return Search("failed", self.name, query, failure=failure)
        reply = self._get(url)
        if isinstance(reply, Failure):
            return Search("failed", self.name, query, failure=reply)
        results = reply.data.get("results") if isinstance(reply.data, Mapping) else None
        if reply.status != 200 or not isinstance(results, list):
            return Search("failed", self.name, query, failure=_unexpected(reply))
        works = [slim(w) for w in results if isinstance(w, Mapping)]
        self._cache.put(
            self._searches, key, source=self.name, url=reply.url, kind="search", body=works
        )
        return Search("ok", self.name, query, tuple(from_openalex(w) for w in works))


def _unexpected(reply: Reply) -> Failure:
    return Failure(
        "http-status",
        f"unexpected HTTP {reply.status} answer",
        reply.url,
        status=reply.status,
        attempts=reply.attempts,
    )
