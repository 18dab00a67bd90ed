"""``citecheck lookup``'s library: a DOI or a reference's text in, records and scores out."""

from __future__ import annotations

import json
from dataclasses import replace

from citecheck.lookup import lookup
from citecheck.netsettings import NetworkSettings, Secret
from registry_fixtures import registry_fixture, settings_fixture  # noqa: F401
from registry_server import RegistryServer

COLLO_TEXT = (
    "Collo, G., Cavalleri, L., & Pich, E. M. (2019). Structural plasticity induced by ketamine "
    "in human dopaminergic neurons as mechanism relevant for treatment-resistant depression. "
    "Chronic Stress, 3, 1-6."
)


def test_doi_in_any_spelling_is_looked_up(settings: NetworkSettings) -> None:
    report = lookup("https://doi.org/10.1016/J.NEUROPHARM.2011.08.044", settings)
    assert (report.kind, report.status, report.doi) == (
        "doi",
        "found",
        "10.1016/j.neuropharm.2011.08.044",
    )


def test_doi_lookup_returns_the_normalised_record(settings: NetworkSettings) -> None:
    report = lookup("doi:10.1016/j.neuropharm.2011.08.044", settings)
    record = report.records[0].record
    assert (record.title, record.year, record.volume, record.pages) == (
        "Signaling pathways underlying the rapid antidepressant actions of ketamine",
        2012,
        "62",
        "35-41",
    )


def test_doi_lookup_adds_the_openalex_record_with_a_key(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    report = lookup("10.7554/elife.01567", replace(settings, openalex_api_key=Secret("k")))
    assert [s.record.source for s in report.records] == ["crossref", "openalex"]


def test_unknown_doi_lookup_says_not_found(settings: NetworkSettings) -> None:
    report = lookup("10.1371/notarealdoi", settings)
    assert (report.status, report.records) == ("not-found", ())


def test_text_lookup_scores_candidates(settings: NetworkSettings) -> None:
    report = lookup(COLLO_TEXT, settings)
    best = report.records[0]
    assert (report.kind, best.record.doi, best.confident, best.scores["title"]) == (
        "search",
        "10.1177/2470547019842545",
        True,
        1.0,
    )


def test_report_is_json_ready(settings: NetworkSettings) -> None:
    report = lookup("10.1016/j.neuropharm.2011.08.044", settings)
    data = json.loads(json.dumps(report.to_dict()))
    assert (data["status"], data["records"][0]["record"]["authors"][0]) == (
        "found",
        {"family": "Duman", "given": "Ronald S.", "suffix": None, "group": False},
    )
