"""Crossref, OpenAlex (through pyalex) and doi.org sources against the local registries."""

from __future__ import annotations

import json
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest

from citecheck.cache import Cache
from citecheck.http import HttpClient
from citecheck.netsettings import CROSSREF_URL, NetworkSettings, Secret
from citecheck.sources.base import scoped
from citecheck.sources.crossref import CrossrefSource
from citecheck.sources.doiorg import DoiOrgSource
from citecheck.sources.openalex import OpenAlexSource, batch_url, single_work_url
from registry_fixtures import MAILTO, registry_fixture, settings_fixture  # noqa: F401
from registry_server import RegistryServer, recorded

KEY = "oa-key-7Hd93kLq"
KNOWN = ["10.1038/srep16696", "10.7554/elife.01567", "10.1016/s0140-6736(97)11096-0"]


def crossref(settings: NetworkSettings) -> CrossrefSource:
    return CrossrefSource(HttpClient(settings), Cache(settings.cache_dir))


def openalex(settings: NetworkSettings) -> OpenAlexSource:
    keyed = replace(settings, openalex_api_key=Secret(KEY))
    return OpenAlexSource(HttpClient(keyed), Cache(keyed.cache_dir))


# --------------------------------------------------------------------------- Crossref


def test_crossref_batches_dois_into_one_filter_request(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    results = crossref(settings).lookup_many(KNOWN)
    assert [results[d].status for d in KNOWN] == ["found", "found", "found"]
    assert registry.crossref.count() == 1


def test_crossref_batch_asks_for_enough_rows_and_sends_mailto(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).lookup_many(KNOWN)
    query = registry.crossref.requests[0].query
    assert (query["rows"], query["mailto"], query["filter"][0].count("doi:")) == (
        ["3"],
        [MAILTO],
        3,
    )


def test_crossref_batch_splits_at_fifty(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    dois = [f"10.5555/unknown.{i}" for i in range(120)]
    registry.crossref.inject("status", status=503)  # a failed batch asks nothing more
    crossref(replace(settings, max_retries=0)).lookup_many(dois)
    batches = [r for r in registry.crossref.requests if r.path == "/works"]
    assert [r.query["rows"][0] for r in batches] == ["50", "50", "20"]


def test_dois_missing_from_a_batch_are_asked_singly(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    results = crossref(settings).lookup_many([*KNOWN, "10.1371/notarealdoi"])
    singles = [r.path for r in registry.crossref.requests if r.path.startswith("/works/")]
    assert (results["10.1371/notarealdoi"].status, singles) == (
        "not-found",
        ["/works/10.1371/notarealdoi"],
    )


def test_a_lone_doi_uses_the_single_record_route(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    result = crossref(settings).lookup("10.1038/srep16696")
    assert (result.status, registry.crossref.requests[0].path) == (
        "found",
        "/works/10.1038/srep16696",
    )


def test_doi_with_a_comma_is_never_put_in_a_filter(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).lookup_many([*KNOWN, "10.5555/a,b"])
    filters = [r.query["filter"][0] for r in registry.crossref.requests if r.path == "/works"]
    singles = [r.path for r in registry.crossref.requests if r.path.startswith("/works/")]
    assert (len(filters), "a,b" in filters[0], singles) == (1, False, ["/works/10.5555/a,b"])


def test_crossref_404_is_not_found_and_cached(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).lookup("10.1371/notarealdoi")
    again = crossref(settings).lookup("10.1371/notarealdoi")
    assert (again.status, again.cached, registry.crossref.count()) == ("not-found", True, 1)


def test_found_record_is_served_from_cache_next_time(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).lookup_many(KNOWN)
    again = crossref(settings).lookup_many(KNOWN)
    assert ({r.cached for r in again.values()}, registry.crossref.count()) == ({True}, 1)


def test_cached_entries_drop_the_reference_list(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).lookup("10.1038/srep16696")
    entry = Cache(settings.cache_dir).get(works(settings), "10.1038/srep16696")
    assert entry is not None
    assert ("reference" in entry.body, entry.body["DOI"]) == (False, "10.1038/srep16696")


def test_batch_failure_fails_every_doi_of_the_batch(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("status", status=503)
    results = crossref(replace(settings, max_retries=1)).lookup_many(KNOWN)
    assert {r.status for r in results.values()} == {"failed"}


NOW = 4_000_000_000.0


def works(settings: NetworkSettings) -> str:
    """The cache namespace of Crossref works fetched from the stand-in registry."""
    return scoped("crossref/works", settings.crossref_url, CROSSREF_URL)


def age_entry(settings: NetworkSettings, doi: str, days: float) -> None:
    """Make a cached Crossref entry look ``days`` old at time `NOW`."""
    path = Cache(settings.cache_dir).path_for(works(settings), doi)
    data = json.loads(path.read_bytes())
    data["fetched_at"] = NOW - days * 86400
    path.write_text(json.dumps(data))


def test_stale_retraction_status_is_refreshed(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).lookup("10.1038/srep16696")
    age_entry(settings, "10.1038/srep16696", days=8)
    source = CrossrefSource(HttpClient(settings), Cache(settings.cache_dir, clock=lambda: NOW))
    result = source.lookup("10.1038/srep16696")
    assert (result.status, result.cached, registry.crossref.count()) == ("found", False, 2)


def test_fresh_retraction_status_is_not_refreshed(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).lookup("10.1038/srep16696")
    age_entry(settings, "10.1038/srep16696", days=6)
    source = CrossrefSource(HttpClient(settings), Cache(settings.cache_dir, clock=lambda: NOW))
    result = source.lookup("10.1038/srep16696")
    assert (result.status, result.cached, registry.crossref.count()) == ("found", True, 1)


def test_stale_status_is_kept_when_the_refresh_fails(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).lookup("10.1038/srep16696")
    age_entry(settings, "10.1038/srep16696", days=8)
    registry.crossref.inject("status", status=503)
    client = HttpClient(replace(settings, max_retries=0))
    source = CrossrefSource(client, Cache(settings.cache_dir, clock=lambda: NOW))
    result = source.lookup("10.1038/srep16696")
    assert (result.status, result.cached, result.status_stale) == ("found", True, True)


def test_offline_answers_from_cache_only(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).lookup("10.1038/srep16696")
    offline = crossref(replace(settings, offline=True))
    results = offline.lookup_many(["10.1038/srep16696", "10.7554/elife.01567"])
    assert (results["10.1038/srep16696"].status, results["10.7554/elife.01567"].status) == (
        "found",
        "failed",
    )
    assert registry.crossref.count() == 1


def test_crossref_search_sends_query_bibliographic_and_rows(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).search("Collo Cavalleri Pich 2019 Structural plasticity ketamine")
    query = registry.crossref.requests[0].query
    assert (query["rows"], query["query.bibliographic"]) == (
        ["5"],
        ["Collo Cavalleri Pich 2019 Structural plasticity ketamine"],
    )


def test_crossref_search_returns_scored_records(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    result = crossref(settings).search("Collo Cavalleri Pich Structural plasticity ketamine")
    assert result.status == "ok"
    assert result.records[0].doi == "10.1177/2470547019842545"


def test_crossref_search_without_hits_is_ok_and_empty(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    result = crossref(settings).search("askldjrq3rjaw938h zzqqxx")
    assert (result.status, result.records) == ("ok", ())


def test_crossref_search_is_cached(registry: RegistryServer, settings: NetworkSettings) -> None:
    crossref(settings).search("Collo Cavalleri Pich Structural plasticity ketamine")
    again = crossref(settings).search("collo  cavalleri pich structural plasticity ketamine")
    assert (again.cached, registry.crossref.count()) == (True, 1)


# --------------------------------------------------------------------------- doi.org


def test_doiorg_knows_a_datacite_doi(registry: RegistryServer, settings: NetworkSettings) -> None:
    source = DoiOrgSource(HttpClient(settings), Cache(settings.cache_dir))
    assert source.exists("10.48550/arxiv.2312.07559").status == "found"


def test_doiorg_not_found_needs_response_code_100(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    source = DoiOrgSource(HttpClient(settings), Cache(settings.cache_dir))
    assert source.exists("10.1371/notarealdoi").status == "not-found"


def test_doiorg_keeps_the_doi_slash_in_the_path(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    DoiOrgSource(HttpClient(settings), Cache(settings.cache_dir)).exists("10.1371/notarealdoi")
    assert registry.doiorg.requests[0].raw_path == "/api/handles/10.1371/notarealdoi?type=URL"


def test_doiorg_404_page_without_code_is_a_failure_not_a_verdict(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.doiorg.inject(
        "status", status=404, body=b"<html>Not Found</html>", content_type="text/html"
    )
    source = DoiOrgSource(HttpClient(settings), Cache(settings.cache_dir))
    assert source.exists("10.1371/notarealdoi").status == "failed"


# --------------------------------------------------------------------------- OpenAlex


def test_openalex_urls_come_from_pyalex_rerooted() -> None:
    assert single_work_url("10.7554/elife.01567", "http://127.0.0.1:9/oa") == (
        "http://127.0.0.1:9/oa/works/https%3A%2F%2Fdoi.org%2F10.7554%2Felife.01567"
    )


def test_openalex_batch_url_covers_the_batch_with_per_page() -> None:
    url = batch_url(["10.1/a", "10.1/b"], "http://127.0.0.1:9")
    query = parse_qs(urlsplit(url).query)
    assert (query["filter"], query["per-page"]) == (["doi:10.1/a|10.1/b"], ["2"])


def test_openalex_single_lookup_hits_the_local_server(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    result = openalex(settings).lookup("10.7554/elife.01567")
    assert (result.status, result.record and result.record.source) == ("found", "openalex")
    assert registry.openalex.requests[0].path == "/works/https://doi.org/10.7554/elife.01567"


def test_openalex_batch_matches_results_by_doi(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    results = openalex(settings).lookup_many(["10.7554/elife.01567", "10.1101/097196", "10.1/x"])
    assert {d: r.status for d, r in results.items()} == {
        "10.7554/elife.01567": "found",
        "10.1101/097196": "found",
        "10.1/x": "not-found",
    }
    assert registry.openalex.count() == 1


def test_openalex_404_html_is_not_found(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    assert openalex(settings).lookup("10.1/nothing").status == "not-found"


def test_openalex_sends_the_key_as_bearer(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.openalex.required_key = KEY
    assert openalex(settings).lookup("10.7554/elife.01567").status == "found"


def test_openalex_spent_budget_stops_the_source(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    body = recorded("openalex/errors/429_insufficient_budget_2026.json")
    registry.openalex.inject("status", status=429, body=body)
    source = openalex(settings)
    first = source.lookup("10.7554/elife.01567")
    second = source.lookup("10.1101/097196")
    assert (first.status, second.status, source.available, registry.openalex.count()) == (
        "failed",
        "failed",
        False,
        1,
    )


def test_openalex_per_second_429_is_retried(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    body = recorded("openalex/errors/429_too_many_requests_2025.html")
    registry.openalex.inject(
        "status", status=429, body=body, retry_after="0", times=1, content_type="text/html"
    )
    source = openalex(settings)
    assert (source.lookup("10.7554/elife.01567").status, source.available) == ("found", True)


@pytest.mark.parametrize("query", ["Piwowar state of open access", "nothing matches zzqqxx"])
def test_openalex_search_returns_ok(
    registry: RegistryServer, settings: NetworkSettings, query: str
) -> None:
    assert openalex(settings).search(query).status == "ok"


def test_answers_of_one_registry_address_are_not_read_for_another(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    crossref(settings).lookup("10.1038/srep16696")
    elsewhere = replace(settings, crossref_url=settings.crossref_url + "/mirror")
    again = crossref(elsewhere).lookup("10.1038/srep16696")
    assert again.cached is False


def test_cached_record_keeps_its_abstract(settings: NetworkSettings) -> None:
    fresh = crossref(settings).lookup("10.7554/elife.01567")
    cached = crossref(settings).lookup("10.7554/elife.01567")
    assert (cached.cached, cached.record) == (True, fresh.record)
    assert cached.record is not None
    assert cached.record.abstract is not None


def test_a_404_page_that_is_not_crossrefs_says_nothing_about_the_doi(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject(
        "status", status=404, body=b"<html><h1>Not Found</h1></html>", content_type="text/html"
    )
    found = crossref(replace(settings, max_retries=0)).lookup("10.1371/notarealdoi")
    assert (found.status, found.failure is not None) == ("failed", True)


def test_crossrefs_own_404_means_not_found(settings: NetworkSettings) -> None:
    assert crossref(settings).lookup("10.1371/notarealdoi").status == "not-found"
