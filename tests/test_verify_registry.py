"""Acceptance (issue 4): whole runs of `verify_references` against the local registries."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

import pytest

from citecheck.diagnostics import Finding, Severity
from citecheck.model import ReferenceFields
from citecheck.netsettings import NetworkSettings, Secret
from citecheck.verify import Verification, finding_severity, verify_references
from registry_fixtures import (  # noqa: F401
    COLLO_2019,
    DUMAN_2012,
    SEED_004,
    authors,
    registry_fixture,
    settings_fixture,
)
from registry_server import RegistryServer, closed_port, recorded

KEY = "oa-key-7Hd93kLq"

WAKEFIELD_1998 = ReferenceFields(
    authors=authors("Wakefield, A. J.", "Murch, S. H.", "Anthony, A."),
    authors_truncated=True,
    year="1998",
    title="Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive "
    "developmental disorder in children",
    container="The Lancet",
    volume="351",
    issue="9103",
    pages="637-641",
    doi="10.1016/s0140-6736(97)11096-0",
)
UNKNOWN_DOI = replace(DUMAN_2012, doi="10.1371/notarealdoi")
ARXIV_DOI = ReferenceFields(
    authors=authors("Somebody, A."),
    year="2023",
    title="A preprint",
    doi="10.48550/arxiv.2312.07559",
)
# Duman 2012's reference with the DOI of an unrelated Scientific Reports paper.
WRONG_DOI = replace(DUMAN_2012, doi="10.1038/srep16696")


def rules(verdict: Verification) -> list[str]:
    return [f.rule for f in verdict.findings]


# --------------------------------------------------------------------------- acceptance


def test_seed_004_all_six_references_verified(settings: NetworkSettings) -> None:
    verdicts = verify_references(SEED_004, settings)
    assert [(v.status, v.findings) for v in verdicts] == [("verified", ())] * 6


def test_seed_004_is_checked_against_crossref(settings: NetworkSettings) -> None:
    verdicts = verify_references(SEED_004, settings)
    assert [v.source for v in verdicts] == ["crossref"] * 6


def test_seed_003_duman_2012_doi_verified(settings: NetworkSettings) -> None:
    (verdict,) = verify_references([DUMAN_2012], settings)
    assert (verdict.status, verdict.doi, verdict.findings) == (
        "verified",
        "10.1016/j.neuropharm.2011.08.044",
        (),
    )


def test_seed_003_collo_pich_versus_merlo_pich_is_not_an_error(settings: NetworkSettings) -> None:
    (verdict,) = verify_references([COLLO_2019], settings)
    assert (verdict.status, rules(verdict), verdict.scores["authors"]) == (
        "verified",
        ["missing-doi"],
        1.0,
    )


def test_seed_003_collo_gets_its_doi_suggested(settings: NetworkSettings) -> None:
    (verdict,) = verify_references([COLLO_2019], settings)
    assert verdict.findings[0].message == (
        "No DOI given; the registry has a confident match: `10.1177/2470547019842545`"
    )


def test_doi_unknown_to_crossref_and_doiorg_is_not_found(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    (verdict,) = verify_references([UNKNOWN_DOI], settings)
    assert (verdict.status, rules(verdict), registry.doiorg.count()) == (
        "not-found",
        ["doi-not-found"],
        1,
    )


def test_doi_unknown_to_crossref_but_registered_elsewhere_is_not_not_found(
    settings: NetworkSettings,
) -> None:
    (verdict,) = verify_references([ARXIV_DOI], settings)
    assert (verdict.status, rules(verdict), verdict.source) == ("unverified", [], "doi.org")


def test_arxiv_doi_with_a_version_is_not_found_and_the_help_names_the_registered_one(
    settings: NetworkSettings,
) -> None:
    (verdict,) = verify_references(
        [replace(ARXIV_DOI, doi="10.48550/arxiv.2312.07559v2")], settings
    )
    [finding] = verdict.findings
    assert (verdict.status, finding.rule, finding.help) == (
        "not-found",
        "doi-not-found",
        "arXiv's DOIs carry no version: if the preprint exists, its DOI is "
        "`10.48550/arxiv.2312.07559`",
    )


def test_versioned_doi_not_of_arxivs_shape_gets_the_usual_help(settings: NetworkSettings) -> None:
    (verdict,) = verify_references(
        [replace(ARXIV_DOI, doi="10.48550/arxiv.2699.99999v1")], settings
    )
    [finding] = verdict.findings
    assert finding.help == (
        "Check the DOI for typos; a fabricated reference often has one that resolves nowhere"
    )


def test_doi_of_another_paper_resolves_to_a_different_work(settings: NetworkSettings) -> None:
    (verdict,) = verify_references([WRONG_DOI], settings)
    assert (verdict.status, rules(verdict)) == ("mismatch", ["doi-resolves-to-different-work"])


def test_retracted_record_is_reported(settings: NetworkSettings) -> None:
    (verdict,) = verify_references([WAKEFIELD_1998], settings)
    assert (verdict.status, rules(verdict)) == (
        "verified",
        ["retracted-work", "work-has-correction"],
    )


def test_registry_down_leaves_every_reference_unverified(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    down = f"http://127.0.0.1:{closed_port()}"
    refs = [*SEED_004, COLLO_2019, DUMAN_2012, UNKNOWN_DOI]
    verdicts = verify_references(refs, replace(settings, crossref_url=down, doi_url=down))
    assert {(v.status, tuple(rules(v))) for v in verdicts} == {("unverified", ("lookup-failed",))}


def test_registry_down_is_a_warning_and_an_error_when_strict(
    settings: NetworkSettings,
) -> None:
    down = f"http://127.0.0.1:{closed_port()}"
    (verdict,) = verify_references([DUMAN_2012], replace(settings, crossref_url=down))
    finding = verdict.findings[0]
    assert (finding_severity(finding), finding_severity(finding, strict=True)) == (
        Severity.WARNING,
        Severity.ERROR,
    )


# The seeds' reference strings, as written (shared/seeds/004_…txt lines 60-65, 003_…txt 13, 15).
SEED_004_TEXT = [
    "Moda-Sava, R. N., Murdock, M. H., Parekh, P. K., et al. (2019). Sustained rescue of "
    "prefrontal circuit dysfunction by antidepressant-induced spine formation. Science, "
    "364(6436), eaat8078. https://doi.org/10.1126/science.aat8078",
    "Li, N., Lee, B., Liu, R. J., Banasr, M., Dwyer, J. M., Iwata, M., ... & Duman, R. S. "
    "(2010). mTOR-dependent synapse formation underlies the rapid antidepressant effects of "
    "NMDA antagonists. Science, 329(5994), 959-964. https://doi.org/10.1126/science.1190287",
    "Zanos, P., Moaddel, R., Morris, P. J., Georgiou, P., Fischell, J., Elmer, G. I., ... & "
    "Gould, T. D. (2016). NMDAR inhibition-independent antidepressant actions of ketamine "
    "metabolites. Nature, 533(7604), 481-486. https://doi.org/10.1038/nature17998",
    "Abdallah, C. G., Sanacora, G., Duman, R. S., & Krystal, J. H. (2018). The neurobiology of "
    "depression, ketamine and rapid-acting antidepressants: Is it glutamate inhibition or "
    "activation? Pharmacology & Therapeutics, 190, 148-158. "
    "https://doi.org/10.1016/j.pharmthera.2018.05.006",
    "Duman, R. S., Aghajanian, G. K., Sanacora, G., & Krystal, J. H. (2016). Synaptic "
    "plasticity and depression: new insights from stress and rapid-acting antidepressants. "
    "Nature Medicine, 22(3), 238-249. https://doi.org/10.1038/nm.4050",
    "Nosyreva, E., Szabla, K., Autry, A. E., Ryazanov, A. G., Monteggia, L. M., & Kavalali, "
    "E. T. (2013). Acute Suppression of Spontaneous Neurotransmission Drives Synaptic "
    "Potentiation. Journal of Neuroscience, 33(16), 6990–7002. "
    "https://doi.org/10.1523/JNEUROSCI.4991-12.2013",
]
SEED_003_TEXT = [
    "Collo, G., Cavalleri, L., & Pich, E. M. (2019). Structural plasticity induced by ketamine "
    "in human dopaminergic neurons as mechanism relevant for treatment-resistant depression. "
    "Chronic Stress, 3, 1-6.",
    "Duman, R. S., Li, N., Liu, R. J., Duric, V., & Aghajanian, G. (2012). Signaling pathways "
    "underlying the rapid antidepressant actions of ketamine. Neuropharmacology. 62(1): 35–41. "
    "doi:10.1016/j.neuropharm.2011.08.044",
]


def test_seed_004_parsed_by_the_reference_parser_all_verified(settings: NetworkSettings) -> None:
    refparse = pytest.importorskip("citecheck.refparse")
    refs = [refparse.parse_reference(text) for text in SEED_004_TEXT]
    verdicts = verify_references(refs, settings)
    assert [(v.status, v.findings) for v in verdicts] == [("verified", ())] * 6


def test_seed_003_parsed_by_the_reference_parser(settings: NetworkSettings) -> None:
    refparse = pytest.importorskip("citecheck.refparse")
    refs = [refparse.parse_reference(text) for text in SEED_003_TEXT]
    verdicts = verify_references(refs, settings)
    assert [(v.status, rules(v)) for v in verdicts] == [
        ("verified", ["missing-doi"]),
        ("verified", []),
    ]


def test_verification_to_dict_is_the_json_report_view(settings: NetworkSettings) -> None:
    (verdict,) = verify_references([DUMAN_2012], settings)
    data = json.loads(json.dumps(verdict.to_dict()))
    assert (data["status"], data["source"], data["matched"]["year"], data["scores"]["match"]) == (
        "verified",
        "crossref",
        2012,
        1.0,
    )


def test_missing_mailto_and_key_are_each_warned_about(
    settings: NetworkSettings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="citecheck.resolve"):
        verify_references([DUMAN_2012], replace(settings, mailto=None))
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        "no contact address (--mailto / CITECHECK_MAILTO)",
        "OPENALEX_API_KEY is not set",
    ]


# --------------------------------------------------------------------------- failures are never "not found"


def test_crossref_503_is_lookup_failed(registry: RegistryServer, settings: NetworkSettings) -> None:
    registry.crossref.inject("status", status=503)
    (verdict,) = verify_references([DUMAN_2012], settings)
    assert (verdict.status, rules(verdict)) == ("unverified", ["lookup-failed"])


def test_lookup_failed_message_names_host_and_attempts(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("status", status=503)
    (verdict,) = verify_references([DUMAN_2012], settings)
    host = registry.crossref.url.removeprefix("http://")
    assert verdict.findings[0].message == (
        f"Registry lookup for `10.1016/j.neuropharm.2011.08.044` failed: `{host}` answered "
        "HTTP `503` after `3` attempts"
    )


def test_doiorg_down_after_a_crossref_404_is_lookup_failed(
    settings: NetworkSettings,
) -> None:
    down = replace(settings, doi_url=f"http://127.0.0.1:{closed_port()}")
    (verdict,) = verify_references([UNKNOWN_DOI], down)
    assert (verdict.status, rules(verdict)) == ("unverified", ["lookup-failed"])


def test_timeouts_are_lookup_failed(registry: RegistryServer, settings: NetworkSettings) -> None:
    registry.crossref.inject("stall", seconds=1.0)
    (verdict,) = verify_references([DUMAN_2012], replace(settings, timeout=0.2, max_retries=0))
    assert (verdict.status, verdict.findings[0].data["failures"][0]["kind"]) == (
        "unverified",
        "timeout",
    )


def test_truncated_answers_are_lookup_failed(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("truncate")
    (verdict,) = verify_references([DUMAN_2012], settings)
    assert (verdict.status, verdict.findings[0].data["failures"][0]["kind"]) == (
        "unverified",
        "truncated",
    )


def test_one_429_is_retried_and_the_reference_verified(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("status", status=429, retry_after="0", times=1)
    (verdict,) = verify_references([DUMAN_2012], settings)
    assert (verdict.status, registry.crossref.count()) == ("verified", 2)


def test_search_failure_is_lookup_failed_not_unresolvable(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("status", status=500)
    (verdict,) = verify_references([COLLO_2019], settings)
    assert (verdict.status, rules(verdict)) == ("unverified", ["lookup-failed"])


def test_reference_no_registry_knows_is_unresolvable(settings: NetworkSettings) -> None:
    made_up = ReferenceFields(
        authors=authors("Quillfeather, Z."), year="2021", title="Zyxwvut qqqq lorem ipsum dolorem"
    )
    (verdict,) = verify_references([made_up], settings)
    assert (verdict.status, rules(verdict)) == ("unresolvable", ["unresolvable-reference"])


def test_reference_without_doi_or_title_is_skipped(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    (verdict,) = verify_references([ReferenceFields(authors=authors("Smith, J."))], settings)
    assert (verdict.status, registry.total_requests()) == ("skipped", 0)


# --------------------------------------------------------------------------- run shape


def test_duplicate_dois_across_files_are_looked_up_once(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    verdicts = verify_references([DUMAN_2012, *SEED_004, DUMAN_2012, DUMAN_2012], settings)
    assert (len(verdicts), registry.crossref.count()) == (9, 1)


def test_results_keep_the_order_of_the_references(settings: NetworkSettings) -> None:
    refs = [UNKNOWN_DOI, DUMAN_2012, WRONG_DOI, COLLO_2019]
    verdicts = verify_references(refs, settings)
    assert [v.status for v in verdicts] == ["not-found", "verified", "mismatch", "verified"]


def test_only_references_without_doi_are_searched(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    verify_references([*SEED_004, COLLO_2019], settings)
    searches = registry.crossref.count(lambda r: "query.bibliographic" in r.query)
    assert searches == 1


def test_doiorg_is_asked_only_about_dois_crossref_lacks(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    verify_references([*SEED_004, UNKNOWN_DOI], settings)
    assert [r.path for r in registry.doiorg.requests] == ["/api/handles/10.1371/notarealdoi"]


def test_second_run_is_answered_from_the_cache(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    refs = [*SEED_004, COLLO_2019, DUMAN_2012, UNKNOWN_DOI]
    first = verify_references(refs, settings)
    before = registry.total_requests()
    second = verify_references(refs, settings)
    assert (registry.total_requests() - before, [v.status for v in second]) == (
        0,
        [v.status for v in first],
    )


def test_second_run_says_it_was_cached(settings: NetworkSettings) -> None:
    verify_references([DUMAN_2012], settings)
    (verdict,) = verify_references([DUMAN_2012], settings)
    assert verdict.cached is True


def test_no_cache_asks_again(registry: RegistryServer, settings: NetworkSettings) -> None:
    verify_references([DUMAN_2012], settings)
    verify_references([DUMAN_2012], replace(settings, no_cache=True))
    assert registry.crossref.count() == 2


def test_refresh_asks_again(registry: RegistryServer, settings: NetworkSettings) -> None:
    verify_references([DUMAN_2012], settings)
    verify_references([DUMAN_2012], replace(settings, refresh=True))
    assert registry.crossref.count() == 2


def test_offline_uses_the_cache(registry: RegistryServer, settings: NetworkSettings) -> None:
    verify_references([DUMAN_2012, COLLO_2019], settings)
    before = registry.total_requests()
    verdicts = verify_references([DUMAN_2012, COLLO_2019], replace(settings, offline=True))
    assert ([v.status for v in verdicts], registry.total_requests() - before) == (
        ["verified", "verified"],
        0,
    )


def test_offline_without_cache_skips_and_says_why(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    verdicts = verify_references([DUMAN_2012, COLLO_2019], replace(settings, offline=True))
    assert [(v.status, v.reason, v.findings) for v in verdicts] == [
        ("skipped", "offline: not in the cache", ())
    ] * 2
    assert registry.total_requests() == 0


class Progress:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def on_start(self, total: int) -> None:
        self.events.append(("start", total))

    def on_item(self, message: str) -> None:
        self.events.append(("item", message))

    def on_finish(self) -> None:
        self.events.append(("finish", None))


def test_progress_observer_sees_every_reference(settings: NetworkSettings) -> None:
    progress = Progress()
    refs = [DUMAN_2012, DUMAN_2012, COLLO_2019, ReferenceFields()]
    verify_references(refs, settings, observer=progress)
    events = progress.events
    assert (events[0], events[-1], sorted(str(m) for k, m in events if k == "item")) == (
        ("start", 4),
        ("finish", None),
        [
            "10.1016/j.neuropharm.2011.08.044",
            "10.1016/j.neuropharm.2011.08.044",
            "search: Collo 2019",
            "skipped: nothing to look up",
        ],
    )


# --------------------------------------------------------------------------- OpenAlex


def keyed(settings: NetworkSettings) -> NetworkSettings:
    return replace(settings, openalex_api_key=Secret(KEY))


ELIFE = ReferenceFields(
    authors=authors("Sankar, M.", "Nieminen, K."),
    authors_truncated=True,
    year="2014",
    title="Automated quantitative histology reveals vascular morphodynamics during Arabidopsis "
    "hypocotyl secondary growth",
    container="eLife",
    volume="3",
    pages="e01567",
    doi="10.7554/elife.01567",
)


def test_openalex_is_not_asked_without_a_key(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    verify_references([ELIFE], settings)
    assert registry.openalex.count() == 0


def test_openalex_is_asked_with_a_key(registry: RegistryServer, settings: NetworkSettings) -> None:
    registry.openalex.required_key = KEY
    (verdict,) = verify_references([ELIFE], keyed(settings))
    assert (verdict.status, registry.openalex.count()) == ("verified", 1)


def test_openalex_retraction_is_reported(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    # No real OpenAlex body says is_retracted: true; flip a recorded one here, in sight.
    doi = "10.7554/elife.01567"
    registry.corpus.openalex[doi] = {**registry.corpus.openalex[doi], "is_retracted": True}
    del registry.corpus.openalex_files[doi]
    (verdict,) = verify_references([ELIFE], keyed(settings))
    assert rules(verdict) == ["retracted-work"]


def test_openalex_stands_in_when_crossref_fails(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("status", status=503)
    (verdict,) = verify_references([ELIFE], keyed(settings))
    assert (verdict.status, verdict.source) == ("verified", "openalex")


PAPERQA = ReferenceFields(
    authors=authors(
        "Lála, J.",
        "O'Donoghue, O.",
        "Shtedritski, A.",
        "Cox, S.",
        "Rodriques, S. G.",
        "White, A. D.",
    ),
    year="2023",
    title="PaperQA: Retrieval-Augmented Generative Agent for Scientific Research",
    container="arXiv",
    doi="10.48550/arXiv.2312.07559",
)


def test_datacite_doi_is_verified_through_openalex(settings: NetworkSettings) -> None:
    (verdict,) = verify_references([PAPERQA], keyed(settings))
    assert (verdict.status, verdict.source, verdict.findings) == ("verified", "openalex", ())


def test_openalex_spent_budget_does_not_stop_crossref(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    body = recorded("openalex/errors/429_insufficient_budget_2026.json")
    registry.openalex.inject("status", status=429, body=body)
    verdicts = verify_references([ELIFE, *SEED_004], keyed(settings))
    assert ({v.status for v in verdicts}, registry.openalex.count()) == ({"verified"}, 1)


# --------------------------------------------------------------------------- secrets


def test_key_never_reaches_logs_cache_or_findings(
    registry: RegistryServer, settings: NetworkSettings, caplog: pytest.LogCaptureFixture
) -> None:
    registry.openalex.required_key = KEY
    registry.crossref.inject("status", status=503, times=3)
    caplog.set_level(logging.DEBUG)
    verdicts = verify_references([ELIFE, UNKNOWN_DOI, COLLO_2019], keyed(settings))
    assert settings.cache_dir is not None
    cached = b"".join(p.read_bytes() for p in Path(settings.cache_dir).rglob("*") if p.is_file())
    findings = [f for v in verdicts for f in v.findings]
    assert KEY not in caplog.text
    assert KEY.encode() not in cached
    assert KEY not in repr(verdicts) + json.dumps([_finding_dict(f) for f in findings])


def test_key_never_reaches_failure_findings(settings: NetworkSettings) -> None:
    down = f"http://127.0.0.1:{closed_port()}"
    broken = replace(keyed(settings), crossref_url=down, openalex_url=down)
    (verdict,) = verify_references([ELIFE], broken)
    assert (rules(verdict), KEY in json.dumps(_finding_dict(verdict.findings[0]))) == (
        ["lookup-failed"],
        False,
    )


def _finding_dict(finding: Finding) -> dict[str, object]:
    return {
        "rule": finding.rule,
        "message": finding.message,
        "help": finding.help,
        "data": finding.data,
    }


def test_openalex_failure_is_said_in_the_verdict(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.openalex.inject("status", status=500)
    (verdict,) = verify_references([ELIFE], replace(keyed(settings), max_retries=0))
    assert verdict.status == "verified"
    assert verdict.reason is not None
    assert verdict.reason.startswith("retraction status from Crossref only: OpenAlex ")


def test_spent_openalex_budget_is_said_once(
    registry: RegistryServer, settings: NetworkSettings, caplog: pytest.LogCaptureFixture
) -> None:
    registry.openalex.inject(
        "status", status=429, body=recorded("openalex/errors/429_insufficient_budget_2026.json")
    )
    with caplog.at_level(logging.WARNING, logger="citecheck"):
        verify_references([ELIFE, SEED_004[0]], keyed(settings))
    spent = [r for r in caplog.records if "daily budget is spent" in r.getMessage()]
    assert len(spent) == 1
