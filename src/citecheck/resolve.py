"""Resolve the references of a whole run against the registries, politely and fast.

Given every reference of every file, the resolver

1. de-duplicates DOIs (and search queries) across the run;
2. answers what it can from the cache without a request;
3. looks the remaining DOIs up in Crossref, 50 per ``filter=doi:…`` call, in parallel
   tasks that the HTTP layer paces per host and per lane;
4. asks doi.org only for DOIs Crossref does not know, so that "not found" is only ever
   said when no agency has the DOI;
5. asks OpenAlex (only with an API key) for the same DOIs, for works Crossref lacks and
   for ``is_retracted``;
6. searches (Crossref ``query.bibliographic``, then OpenAlex) only for references
   without a usable DOI;

and returns one `Resolution` per reference, in the order given.  Progress goes to an
optional observer (``on_start``/``on_item``/``on_finish``); nothing is printed.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from functools import partial
from typing import Literal, Protocol

from citecheck.cache import Cache
from citecheck.doi import normalize_doi
from citecheck.http import Failure, HttpClient, default_lanes
from citecheck.model import ReferenceFields
from citecheck.netsettings import NetworkSettings
from citecheck.records import Record
from citecheck.sources.base import Lookup
from citecheck.sources.crossref import CrossrefSource
from citecheck.sources.doiorg import DoiOrgSource
from citecheck.sources.openalex import OpenAlexSource

ResolutionStatus = Literal["found", "not-found", "elsewhere", "candidates", "failed", "skipped"]
Matcher = Callable[[ReferenceFields, Sequence[Record]], "Record | None"]

log = logging.getLogger(__name__)

MAX_WORKERS = 16
SEARCH_ROWS = 5
_SPACES = re.compile(r"\s+")


class ProgressObserver(Protocol):
    """Receives progress; the CLI draws it on stderr, the library never prints."""

    def on_start(self, total: int) -> None: ...

    def on_item(self, message: str) -> None: ...

    def on_finish(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the registries said about one reference."""

    kind: Literal["doi", "search", "none"]
    status: ResolutionStatus
    doi: str | None = None
    query: str | None = None
    record: Record | None = None
    """The record for the DOI: Crossref's, or OpenAlex's when Crossref lacks it."""
    extra: tuple[Record, ...] = ()
    """Other registries' records for the same DOI (OpenAlex's, for ``is_retracted``)."""
    candidates: tuple[Record, ...] = ()
    """Search results, Crossref's first."""
    sources: tuple[str, ...] = ()
    """The registries that answered or were asked."""
    failures: tuple[Failure, ...] = ()
    cached: bool = False
    reason: str | None = None


def usable_doi(fields: ReferenceFields) -> str | None:
    return normalize_doi(fields.doi) if fields.doi else None


def search_query(fields: ReferenceFields) -> str | None:
    """A ``query.bibliographic`` string: authors, year, title, container, locators.

    A reference without a title is searched by its raw text when it has one (a
    `citecheck.model.Reference`), else not at all.
    """
    if fields.title:
        parts = [a.family for a in fields.authors[:3]]
        parts += [fields.year or "", fields.title, fields.container or ""]
        parts += [fields.volume or "", fields.pages or ""]
        text = " ".join(p for p in parts if p)
    else:
        raw = getattr(fields, "raw", None)
        if not isinstance(raw, str) or len(raw.split()) < 4:
            return None
        text = raw
    text = _SPACES.sub(" ", text).strip()
    return text[:400] or None


def _label(fields: ReferenceFields) -> str:
    who = fields.authors[0].family if fields.authors else (fields.title or "reference")[:30]
    return f"search: {who} {fields.year or ''}".rstrip()


class Resolver:
    """Looks references up; one per run, closed when done (or used as a context manager)."""

    def __init__(
        self,
        settings: NetworkSettings,
        *,
        client: HttpClient | None = None,
        cache: Cache | None = None,
        matcher: Matcher | None = None,
    ) -> None:
        self.settings = settings
        self._own_client = client is None
        self.client = client or HttpClient(settings)
        self.cache = cache or Cache(
            settings.cache_dir, enabled=not settings.no_cache, refresh=settings.refresh
        )
        self.crossref = CrossrefSource(self.client, self.cache)
        self.doiorg = DoiOrgSource(self.client, self.cache)
        self.openalex = (
            OpenAlexSource(self.client, self.cache) if settings.openalex_enabled else None
        )
        if not settings.offline:
            if settings.mailto is None and settings.crossref_plus_token is None:
                log.warning(
                    "no contact address (--mailto / CITECHECK_MAILTO): using Crossref's "
                    "public-pool limits, which are slower"
                )
            if self.openalex is None:
                log.warning(
                    "OPENALEX_API_KEY is not set: OpenAlex is skipped; retractions come from "
                    "Crossref only"
                )
        if matcher is None:
            # Imported here: citecheck.verify builds on this module.
            from citecheck.verify import confident_match

            matcher = confident_match
        self._matcher = matcher

    def __repr__(self) -> str:
        return f"Resolver(openalex={self.openalex is not None}, cache={self.cache!r})"

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> Resolver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- the run

    def resolve(
        self, refs: Sequence[ReferenceFields], observer: ProgressObserver | None = None
    ) -> list[Resolution]:
        plan: list[tuple[str, str] | None] = []
        by_doi: dict[str, list[int]] = defaultdict(list)
        by_query: dict[str, list[int]] = defaultdict(list)
        for index, fields in enumerate(refs):
            doi = usable_doi(fields)
            if doi:
                plan.append(("doi", doi))
                by_doi[doi].append(index)
                continue
            query = search_query(fields)
            if query:
                plan.append(("search", query))
                by_query[query].append(index)
            else:
                plan.append(None)
        if observer:
            observer.on_start(len(refs))
        results: dict[tuple[str, str], Resolution] = {}

        def done(key: tuple[str, str], resolution: Resolution) -> None:
            results[key] = resolution
            if observer:
                indices = by_doi[key[1]] if key[0] == "doi" else by_query[key[1]]
                message = key[1] if key[0] == "doi" else _label(refs[indices[0]])
                for _ in indices:
                    observer.on_item(message)

        if observer:
            for entry in plan:
                if entry is None:
                    observer.on_item("skipped: nothing to look up")
        pending = self._from_cache(list(by_doi), done)
        tasks: list[Callable[[], dict[tuple[str, str], Resolution]]] = []
        size = self.crossref.batch_size
        for start in range(0, len(pending), size):
            tasks.append(partial(self._doi_task, pending[start : start + size]))
        for query, indices in by_query.items():
            tasks.append(partial(self._search_task, query, refs[indices[0]]))
        if tasks:
            workers = min(MAX_WORKERS, len(tasks), self._worker_count())
            pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="citecheck")
            try:
                futures: list[Future[dict[tuple[str, str], Resolution]]] = [
                    pool.submit(task) for task in tasks
                ]
                for future in as_completed(futures):
                    for key, resolution in future.result().items():
                        done(key, resolution)
            except BaseException:
                # Ctrl-C (or a bug) must not wait for every queued look-up to run.
                pool.shutdown(wait=False, cancel_futures=True)
                raise
            pool.shutdown(wait=True)
        if observer:
            observer.on_finish()
        out: list[Resolution] = []
        for entry in plan:
            if entry is None:
                out.append(Resolution("none", "skipped", reason="no DOI and nothing to search for"))
            else:
                out.append(results[entry])
        return out

    def _worker_count(self) -> int:
        return sum(p.concurrency for p in default_lanes(self.settings).values())

    def _from_cache(
        self, dois: Sequence[str], done: Callable[[tuple[str, str], Resolution], None]
    ) -> list[str]:
        """Resolve fully cached DOIs at once; return the DOIs that need the network."""
        if self.settings.no_cache or self.settings.refresh:
            return list(dois)
        crossref = self.crossref.peek(dois)
        openalex = self.openalex.peek(dois) if self.openalex else {}
        pending: list[str] = []
        for doi in dois:
            cr = crossref.get(doi)
            if cr is None or cr.status != "found":
                pending.append(doi)
                continue
            oa = openalex.get(doi)
            if self.openalex is not None and oa is None:
                pending.append(doi)
                continue
            done(("doi", doi), self._combine(doi, cr, oa))
        return pending

    # ----------------------------------------------------------------- DOIs

    def resolve_doi(self, doi: str) -> Resolution:
        return self._doi_task([doi])[("doi", doi)]

    def _doi_task(self, chunk: Sequence[str]) -> dict[tuple[str, str], Resolution]:
        crossref = self.crossref.lookup_many(chunk)
        openalex: dict[str, Lookup] = {}
        if self.openalex is not None and self.openalex.available:
            openalex = self.openalex.lookup_many(chunk)
        return {("doi", doi): self._combine(doi, crossref[doi], openalex.get(doi)) for doi in chunk}

    def _combine(self, doi: str, cr: Lookup, oa: Lookup | None) -> Resolution:
        sources = ("crossref",) + (("openalex",) if oa is not None else ())
        extra = (oa.record,) if oa is not None and oa.record is not None else ()
        stale = "retraction status from a cache entry over 7 days old" if cr.status_stale else None
        if cr.status == "found" and cr.record is not None:
            cached = cr.cached and (oa is None or oa.cached)
            partial = None
            if oa is not None and oa.failure is not None:
                # Never a silent pass: the verdict says OpenAlex's retraction flag is missing.
                partial = f"retraction status from Crossref only: OpenAlex {oa.failure.message}"
            return Resolution(
                "doi",
                "found",
                doi=doi,
                record=cr.record,
                extra=extra,
                sources=sources,
                failures=(oa.failure,) if oa is not None and oa.failure is not None else (),
                cached=cached,
                reason="; ".join(r for r in (stale, partial) if r) or None,
            )
        failures = tuple(x.failure for x in (cr, oa) if x is not None and x.failure)
        if oa is not None and oa.status == "found" and oa.record is not None:
            # Crossref lacks (or could not be asked about) a DOI OpenAlex knows.
            return Resolution(
                "doi",
                "found",
                doi=doi,
                record=oa.record,
                sources=sources,
                failures=failures,
                cached=oa.cached,
            )
        if cr.status == "failed":
            return Resolution("doi", "failed", doi=doi, sources=sources, failures=failures)
        handle = self.doiorg.exists(doi)
        sources += ("doi.org",)
        if handle.status == "not-found":
            return Resolution(
                "doi", "not-found", doi=doi, sources=sources, cached=cr.cached and handle.cached
            )
        if handle.status == "found":
            return Resolution(
                "doi",
                "elsewhere",
                doi=doi,
                sources=sources,
                cached=handle.cached,
                reason="registered with another agency; no metadata to compare",
            )
        assert handle.failure is not None
        return Resolution(
            "doi",
            "failed",
            doi=doi,
            sources=sources,
            failures=(*failures, handle.failure),
            reason="Crossref does not know the DOI and doi.org could not be asked",
        )

    # ----------------------------------------------------------------- searches

    def resolve_query(self, query: str, fields: ReferenceFields) -> Resolution:
        return self._search_task(query, fields)[("search", query)]

    def _search_task(
        self, query: str, fields: ReferenceFields
    ) -> dict[tuple[str, str], Resolution]:
        found = self.crossref.search(query, SEARCH_ROWS)
        candidates = list(found.records)
        failures = [found.failure] if found.failure else []
        sources = ["crossref"]
        cached = found.cached
        confident = self._matcher(fields, candidates) if candidates else None
        if confident is None and self.openalex is not None and self.openalex.available:
            more = self.openalex.search(query, SEARCH_ROWS)
            sources.append("openalex")
            candidates.extend(more.records)
            cached = cached and more.cached
            if more.failure:
                failures.append(more.failure)
            confident = self._matcher(fields, candidates) if candidates else None
        key = ("search", query)
        if confident is None and failures:
            return {
                key: Resolution(
                    "search",
                    "failed",
                    query=query,
                    candidates=tuple(candidates),
                    sources=tuple(sources),
                    failures=tuple(failures),
                )
            }
        return {
            key: Resolution(
                "search",
                "candidates",
                query=query,
                candidates=tuple(candidates),
                sources=tuple(sources),
                failures=tuple(failures),
                cached=cached,
            )
        }


def resolve_references(
    refs: Sequence[ReferenceFields],
    settings: NetworkSettings,
    observer: ProgressObserver | None = None,
) -> list[Resolution]:
    """Resolve every reference of a run (see `Resolver`)."""
    with Resolver(settings) as resolver:
        return resolver.resolve(refs, observer)
