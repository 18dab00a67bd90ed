"""Crossref REST API: single works, batched DOI look-ups and bibliographic search.

- ``GET /works/{doi}`` (single-record lane, 10/s polite): one record; a 404 body is the
  plain text ``Resource not found.`` and is never JSON-decoded blindly.
- ``GET /works?filter=doi:A,doi:B,…&rows=N`` (list lane, 3/s polite): filters of the
  same name are ORed, so one call answers up to `BATCH` DOIs.  A DOI the list does not
  return is asked for singly before it is called unknown, since odd characters can
  defeat the filter.
- ``GET /works?query.bibliographic=…&rows=5`` (list lane): candidates for a reference
  without a DOI.

``mailto=`` is sent with every request when configured (the polite pool).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Final
from urllib.parse import quote

from citecheck.cache import Cache
from citecheck.http import Failure, HttpClient, Reply
from citecheck.netsettings import CROSSREF_URL
from citecheck.records import Record, from_crossref
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

BATCH: Final = 50
WORKS: Final = "crossref/works"
SEARCHES: Final = "crossref/search"
# A comma would end the filter value; such DOIs are asked for one by one.
_UNBATCHABLE = re.compile(r"[,\s]")
_SPACES = re.compile(r"\s+")


def _message(data: Any) -> Mapping[str, Any] | None:
    message = data.get("message") if isinstance(data, Mapping) else None
    return message if isinstance(message, Mapping) else None


def _parse_work(body: Any) -> Record | None:
    return from_crossref(body) if isinstance(body, Mapping) else None


# Fields no comparison reads; dropping them keeps cache entries small and fast to load.
# The abstract stays: quotations are checked against it, and a record read back from
# the cache must be the record a fresh look-up gives.
_HEAVY = ("reference", "license", "link", "assertion", "funder", "content-domain")


def slim(message: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in message.items() if k not in _HEAVY}


def normalize_query(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


class CrossrefSource(RecordSource):
    name: ClassVar[str] = "crossref"
    batch_size: ClassVar[int] = BATCH

    def __init__(self, client: HttpClient, cache: Cache) -> None:
        self._client = client
        self._cache = cache
        self._base = client.settings.crossref_url
        self._works = scoped(WORKS, self._base, CROSSREF_URL)
        self._searches = scoped(SEARCHES, self._base, CROSSREF_URL)

    def __repr__(self) -> str:
        return f"CrossrefSource(base={self._base!r})"

    @property
    def _params(self) -> dict[str, str]:
        mailto = self._client.settings.mailto
        return {"mailto": mailto} if mailto else {}

    # ----------------------------------------------------------------- DOIs

    def lookup(self, doi: str) -> Lookup:
        return self.lookup_many([doi])[doi]

    def peek(self, dois: Sequence[str]) -> dict[str, Lookup]:
        offline = self._client.settings.offline
        return peek_cache(self._cache, self._works, self.name, dois, _parse_work, offline=offline)

    def lookup_many(self, dois: Sequence[str]) -> dict[str, Lookup]:
        settings = self._client.settings
        results: dict[str, Lookup] = {}
        fallbacks: dict[str, Lookup] = {}
        wanted: list[str] = []
        for doi in dict.fromkeys(dois):
            answer, fallback = cached_lookup(
                self._cache, self._works, self.name, doi, _parse_work, offline=settings.offline
            )
            if answer is not None:
                results[doi] = answer
            elif settings.offline:
                results[doi] = offline_miss(self.name, doi, self._work_url(doi))
            else:
                wanted.append(doi)
                if fallback is not None:
                    fallbacks[doi] = fallback
        batchable = [d for d in wanted if not _UNBATCHABLE.search(d)]
        singles = [d for d in wanted if _UNBATCHABLE.search(d)]
        if len(batchable) == 1:
            singles.extend(batchable)
            batchable = []
        for start in range(0, len(batchable), BATCH):
            chunk = batchable[start : start + BATCH]
            found, retry_singly, failure = self._fetch_batch(chunk)
            results.update(found)
            singles.extend(retry_singly)
            if failure is not None:
                for doi in chunk:
                    if doi not in found and doi not in retry_singly:
                        results[doi] = Lookup("failed", self.name, doi, failure=failure)
        for doi in singles:
            results[doi] = self._fetch_single(doi)
        for doi, fallback in fallbacks.items():
            if results[doi].status == "failed":
                results[doi] = fallback
        return results

    def _work_url(self, doi: str) -> str:
        return f"{self._base}/works/{quote(doi, safe='/')}"

    def _fetch_single(self, doi: str) -> Lookup:
        reply = self._client.get(
            self._work_url(doi),
            lane="crossref-single",
            params=self._params,
            auth="crossref",
            expect_json=False,
        )
        if isinstance(reply, Failure):
            return Lookup("failed", self.name, doi, failure=reply)
        if reply.status == 404:
            if not _says_not_found(reply):
                # A 404 page from a proxy or a wrong base URL says nothing about the DOI.
                return Lookup("failed", self.name, doi, failure=_unexpected(reply))
            return remember_not_found(self._cache, self._works, self.name, doi, reply.url)
        message = _message(reply.data) if reply.status == 200 else None
        if message is None:
            return Lookup("failed", self.name, doi, failure=_unexpected(reply))
        body = slim(message)
        return remember_found(
            self._cache, self._works, self.name, doi, reply.url, body, from_crossref(body)
        )

    def _fetch_batch(
        self, chunk: Sequence[str]
    ) -> tuple[dict[str, Lookup], list[str], Failure | None]:
        """Found records, DOIs to ask singly, and the failure that hit the batch."""
        params = dict(self._params)
        params["filter"] = ",".join(f"doi:{doi}" for doi in chunk)
        params["rows"] = str(len(chunk))
        reply = self._client.get(
            f"{self._base}/works", lane="crossref-list", params=params, auth="crossref"
        )
        if isinstance(reply, Failure):
            return {}, [], reply
        message = _message(reply.data) if reply.status == 200 else None
        if message is None:
            if 400 <= reply.status < 500:
                # The filter itself was refused: ask each DOI on its own.
                return {}, list(chunk), None
            return {}, [], _unexpected(reply)
        wanted = set(chunk)
        found: dict[str, Lookup] = {}
        for item in message.get("items") or []:
            if not isinstance(item, Mapping):
                continue
            body = slim(item)
            record = from_crossref(body)
            if record.doi in wanted and record.doi not in found:
                found[record.doi] = remember_found(
                    self._cache, self._works, self.name, record.doi, self._work_url(record.doi),
                    body, record,
                )  # fmt: skip
        missing = [doi for doi in chunk if doi not in found]
        return found, missing, None

    # ----------------------------------------------------------------- search

    def search(self, query: str, rows: int = 5) -> Search:
        key = f"rows={rows}|{normalize_query(query)}"
        entry = self._cache.get(self._searches, key)
        if entry is not None and isinstance(entry.body, list):
            records = tuple(from_crossref(i) for i in entry.body if isinstance(i, Mapping))
            return Search("ok", self.name, query, records, cached=True)
        url = f"{self._base}/works"
        if self._client.settings.offline:
            failure = Failure("offline", "offline and not in the cache", url)
            return Search("failed", self.name, query, failure=failure)
        params = dict(self._params)
        params["query.bibliographic"] = query
        params["rows"] = str(rows)
        reply = self._client.get(url, lane="crossref-list", params=params, auth="crossref")
        if isinstance(reply, Failure):
            return Search("failed", self.name, query, failure=reply)
        message = _message(reply.data) if reply.status == 200 else None
        if message is None:
            return Search("failed", self.name, query, failure=_unexpected(reply))
        items = [slim(i) for i in message.get("items") or [] if isinstance(i, Mapping)]
        self._cache.put(
            self._searches, key, source=self.name, url=reply.url, kind="search", body=items
        )
        return Search("ok", self.name, query, tuple(from_crossref(i) for i in items))


def _says_not_found(reply: Reply) -> bool:
    """Whether a 404 is Crossref's own "Resource not found." for an unknown DOI."""
    return reply.text.strip().rstrip(".").lower() == "resource not found"


def _unexpected(reply: Reply) -> Failure:
    return Failure(
        "http-status",
        f"unexpected HTTP {reply.status} answer",
        reply.url,
        status=reply.status,
        attempts=reply.attempts,
    )
