"""The resolver: what it asks of which registry, and the `Resolution`s it returns."""

from __future__ import annotations

from dataclasses import replace

from citecheck.model import Reference, ReferenceFields, Span
from citecheck.netsettings import NetworkSettings
from citecheck.resolve import Resolver, resolve_references, search_query, usable_doi
from registry_fixtures import (  # noqa: F401
    COLLO_2019,
    DUMAN_2012,
    authors,
    registry_fixture,
    settings_fixture,
)
from registry_server import RegistryServer


def test_usable_doi_is_normalised() -> None:
    fields = ReferenceFields(doi="https://doi.org/10.1016/J.Neuropharm.2011.08.044.")
    assert usable_doi(fields) == "10.1016/j.neuropharm.2011.08.044"


def test_malformed_doi_is_not_usable() -> None:
    assert usable_doi(ReferenceFields(malformed_doi="10.1016/")) is None


def test_search_query_is_built_from_fields() -> None:
    assert search_query(COLLO_2019) == (
        "Collo Cavalleri Pich 2019 Structural plasticity induced by ketamine in human "
        "dopaminergic neurons as mechanism relevant for treatment-resistant depression "
        "Chronic Stress 3 1-6"
    )


def test_search_query_falls_back_to_the_raw_reference() -> None:
    raw = "Smith J (2020) Something about ketamine, Journal of Things 4:1-2"
    reference = Reference(
        authors=authors("Smith, J."), id="r1", index=1, number=None, span=Span(0, len(raw)), raw=raw
    )
    assert search_query(reference) == raw


def test_nothing_to_search_without_title_or_raw_text() -> None:
    assert search_query(ReferenceFields(authors=authors("Smith, J."), year="2020")) is None


def test_found_doi_resolution(settings: NetworkSettings) -> None:
    (resolution,) = resolve_references([DUMAN_2012], settings)
    assert (resolution.kind, resolution.status, resolution.sources) == (
        "doi",
        "found",
        ("crossref",),
    )
    assert resolution.record is not None
    assert resolution.record.doi == "10.1016/j.neuropharm.2011.08.044"


def test_unknown_doi_resolution_asks_doiorg(settings: NetworkSettings) -> None:
    (resolution,) = resolve_references([replace(DUMAN_2012, doi="10.1371/notarealdoi")], settings)
    assert (resolution.status, resolution.sources) == ("not-found", ("crossref", "doi.org"))


def test_datacite_doi_resolution_is_elsewhere(settings: NetworkSettings) -> None:
    (resolution,) = resolve_references(
        [ReferenceFields(title="x", doi="10.48550/arxiv.2312.07559")], settings
    )
    assert resolution.status == "elsewhere"


def test_search_resolution_carries_candidates(settings: NetworkSettings) -> None:
    (resolution,) = resolve_references([COLLO_2019], settings)
    assert (resolution.kind, resolution.status, resolution.candidates[0].doi) == (
        "search",
        "candidates",
        "10.1177/2470547019842545",
    )


def test_identical_searches_across_files_are_sent_once(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    resolve_references([COLLO_2019, COLLO_2019, COLLO_2019], settings)
    assert registry.crossref.count() == 1


def test_a_run_batches_all_its_dois(registry: RegistryServer, settings: NetworkSettings) -> None:
    dois = sorted(registry.corpus.crossref)[:40]
    refs = [ReferenceFields(title="t", doi=doi) for doi in dois]
    resolve_references(refs, settings)
    assert registry.crossref.count(lambda r: r.path == "/works") == 1


def test_resolver_can_be_reused_for_single_lookups(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    with Resolver(settings) as resolver:
        first = resolver.resolve_doi("10.1038/srep16696")
        second = resolver.resolve_doi("10.1038/srep16696")
    assert (first.status, second.cached, registry.crossref.count()) == ("found", True, 1)
