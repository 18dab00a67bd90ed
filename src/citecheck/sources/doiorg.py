"""The DOI proxy's handle API: is a DOI registered with *any* agency?

``GET {doi_url}/api/handles/{doi}`` answers ``{"responseCode": 1, ...}`` (HTTP 200)
when the handle exists, ``{"responseCode": 100, ...}`` (HTTP 404) when it does not,
``200`` when it exists without values, ``2`` on a server error (DOI Handbook, "REST
API Request/Response Format").  Only a parsed ``100`` counts as "not registered": a
404 page from a proxy in between says nothing.  The DOI's own slash stays a slash
in the path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Final
from urllib.parse import quote

from citecheck.cache import Cache
from citecheck.http import Failure, HttpClient
from citecheck.netsettings import DOI_URL
from citecheck.sources.base import (
    ExistenceSource,
    Lookup,
    lookup_from_entry,
    remember_found,
    remember_not_found,
    scoped,
)

HANDLES: Final = "doiorg/handles"
EXISTS: Final = frozenset({1, 200})
NOT_FOUND: Final = 100


class DoiOrgSource(ExistenceSource):
    name: ClassVar[str] = "doi.org"

    def __init__(self, client: HttpClient, cache: Cache) -> None:
        self._client = client
        self._cache = cache
        self._base = client.settings.doi_url
        self._handles = scoped(HANDLES, self._base, DOI_URL)

    def __repr__(self) -> str:
        return f"DoiOrgSource(base={self._base!r})"

    def url(self, doi: str) -> str:
        return f"{self._base}/api/handles/{quote(doi, safe='/')}"

    def exists(self, doi: str) -> Lookup:
        entry = self._cache.get(self._handles, doi)
        if entry is not None:
            cached = lookup_from_entry(entry, self.name, doi, lambda _body: None)
            if cached is not None:
                return cached
            if entry.kind == "found":
                return Lookup("found", self.name, doi, cached=True)
        url = self.url(doi)
        reply = self._client.get(url, lane="doiorg", params={"type": "URL"}, expect_json=False)
        if isinstance(reply, Failure):
            return Lookup("failed", self.name, doi, failure=reply)
        code = reply.data.get("responseCode") if isinstance(reply.data, Mapping) else None
        if code in EXISTS and reply.status == 200:
            return remember_found(
                self._cache, self._handles, self.name, doi, reply.url, {"responseCode": code}
            )
        if code == NOT_FOUND:
            return remember_not_found(
                self._cache, self._handles, self.name, doi, reply.url,
                body={"responseCode": code}, status=reply.status,
            )  # fmt: skip
        failure = Failure(
            "http-status",
            f"HTTP {reply.status} without a handle response code",
            reply.url,
            status=reply.status,
            attempts=reply.attempts,
        )
        return Lookup("failed", self.name, doi, failure=failure)
