"""Quotations attributed to citations (issue 6): finding, matching, checking, findings.

Registry records come from the recorded samples in ``fixtures/api/`` through the local
stand-in registries of ``registry_server`` (or are read from those files directly for
the pure checks); nothing reaches the internet.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from citecheck.audit import FileAudit, audit_document
from citecheck.diagnostics import Severity
from citecheck.document import Document
from citecheck.ingest import Source, from_bytes, load
from citecheck.model import Position
from citecheck.netsettings import NetworkSettings
from citecheck.quotes import (
    QuoteCheck,
    QuoteSettings,
    check_quotes,
    find_quotes,
    match_quote,
    quote_findings,
    quote_records,
)
from citecheck.records import Record, from_crossref, from_openalex
from citecheck.verify import verify_references
from registry_fixtures import registry_fixture, settings_fixture  # noqa: F401
from support import ROOT, seed_path

SEED_003 = seed_path("003")
API = ROOT / "fixtures" / "api"

# An article of our own quoting the recorded eLife abstract (10.7554/elife.01567).
SANKAR = (
    "Sankar, M., Nieminen, K., Ragni, L., Xenarios, I., & Hardtke, C. S. (2014). Automated "
    "quantitative histology reveals vascular morphodynamics during Arabidopsis hypocotyl "
    "secondary growth. eLife, 3, e01567. https://doi.org/10.7554/eLife.01567"
)


def article(body: str) -> Document:
    text = f"Plant anatomy\n\n{body}\n\nReferences\n\n{SANKAR}\n"
    doc = from_bytes("plants.txt", text.encode())
    assert isinstance(doc, Document)
    return doc


def crossref_record(name: str) -> Record:
    data = json.loads((API / "crossref" / name).read_bytes())
    return from_crossref(data["message"])


def elife() -> Record:
    return crossref_record("works/10.7554_elife.01567.json")


def checks_for(audit: FileAudit, records: dict[str, Record | None]) -> list[QuoteCheck]:
    ex = audit.extraction
    assert ex is not None
    exclude = [ex.section.span] if ex.section is not None else []
    quotes = find_quotes(ex.document, ex.citations, exclude=exclude)
    return check_quotes(quotes, audit.links, records)


def statuses(checks: list[QuoteCheck]) -> list[tuple[str, str]]:
    return [(c.citation_id, c.status) for c in checks]


# --------------------------------------------------------------------------- finding quotes


def test_seed_003_quotes_are_attributed_to_the_citations_after_them() -> None:
    doc = load(Source(str(SEED_003)))
    assert isinstance(doc, Document)
    ex = audit_document(doc).extraction
    assert ex is not None
    assert ex.section is not None
    quotes = find_quotes(doc, ex.citations, exclude=[ex.section.span])
    assert [(q.citations, q.text[:40]) for q in quotes] == [
        (("cit-1",), "atrophy of neurons in limbic brain regio"),
        (("cit-2",), "ketamine rapidly increases synaptogenesi"),
        (("cit-3",), "Together these studies indicate that ket"),
    ]


def test_scare_quotes_of_one_or_two_words_are_not_quotations() -> None:
    doc = Document.plain("a.txt", 'Ketamine gives a "mental reset." (Duman et al., 2012).\n')
    assert find_quotes(doc, audit_document(doc).extraction.citations) == []  # type: ignore[union-attr]


def test_a_quotation_without_a_citation_is_attributed_to_none() -> None:
    doc = Document.plain("a.txt", "She said “this changes everything for us” and left.\n")
    (quote,) = find_quotes(doc, [])
    assert (quote.text, quote.citations) == ("this changes everything for us", ())


def test_a_narrative_citation_before_the_quotation_counts() -> None:
    doc = article(
        "Sankar et al. (2014) wrote that “their small size makes model organisms preferred”."
    )
    ex = audit_document(doc).extraction
    assert ex is not None
    (quote,) = find_quotes(doc, ex.citations, exclude=[ex.section.span])  # type: ignore[union-attr]
    assert quote.citations == ("cit-1",)


def test_straight_double_quotes_are_quotations() -> None:
    doc = article('It is "severely hampered by their scale" (Sankar et al., 2014).')
    ex = audit_document(doc).extraction
    assert ex is not None
    (quote,) = find_quotes(doc, ex.citations, exclude=[ex.section.span])  # type: ignore[union-attr]
    assert (quote.text, quote.citations) == ("severely hampered by their scale", ("cit-1",))


def test_guillemets_are_quotations() -> None:
    doc = Document.plain(
        "a.txt", "Elle écrit « la taille des organismes compte » (Sankar, 2014).\n"
    )
    ex = audit_document(doc).extraction
    assert ex is not None
    (quote,) = find_quotes(doc, ex.citations)
    assert (quote.text, quote.citations) == ("la taille des organismes compte", ("cit-1",))


def test_a_plain_text_block_quote_takes_the_citation_on_the_next_line() -> None:
    doc = article(
        "> Detailed analysis of numerous developmental processes at cellular level is "
        "severely hampered by their scale.\n\n(Sankar et al., 2014)"
    )
    ex = audit_document(doc).extraction
    assert ex is not None
    (quote,) = find_quotes(doc, ex.citations, exclude=[ex.section.span])  # type: ignore[union-attr]
    assert (quote.block, quote.citations) == (True, ("cit-1",))


@pytest.mark.parametrize(
    "line",
    [
        "> p <- c(0.001, 0.008, 0.039, 0.041, 0.042, 0.060, 0.074)",
        "> psych::alpha(anx)$total$raw_alpha",
        '> p.adjust(p, method = "BH")',
    ],
)
def test_a_console_prompt_is_no_block_quote(line: str) -> None:
    doc = article(f"{line}\n\nThe scale was reliable (Sankar et al., 2014).")
    ex = audit_document(doc).extraction
    assert ex is not None
    assert find_quotes(doc, ex.citations) == []


def test_a_block_quote_that_mentions_a_plural_in_brackets_is_still_one() -> None:
    doc = article(
        "> The patient(s) in each ward were followed for as long as the study ran, and "
        "none was lost.\n\n(Sankar et al., 2014)"
    )
    ex = audit_document(doc).extraction
    assert ex is not None
    (quote,) = find_quotes(doc, ex.citations)
    assert quote.block


def test_a_markdown_block_quote_is_a_quotation() -> None:
    source = (
        "# Plants\n\n> Detailed analysis of numerous developmental processes is severely "
        "hampered by their scale (Sankar et al., 2014).\n"
    )
    doc = from_bytes("a.md", source.encode())
    assert isinstance(doc, Document)
    ex = audit_document(doc).extraction
    assert ex is not None
    (quote,) = find_quotes(doc, ex.citations)
    assert (quote.block, quote.text, quote.citations) == (
        True,
        "Detailed analysis of numerous developmental processes is severely hampered by their scale",
        ("cit-1",),
    )


def test_an_html_blockquote_is_a_quotation() -> None:
    source = (
        "<p>Plants.</p><blockquote><p>Detailed analysis of numerous developmental processes "
        "is hampered by their scale (Sankar et al., 2014).</p></blockquote>"
    )
    doc = from_bytes("a.html", source.encode())
    assert isinstance(doc, Document)
    ex = audit_document(doc).extraction
    assert ex is not None
    (quote,) = find_quotes(doc, ex.citations)
    assert (quote.block, quote.citations) == (True, ("cit-1",))


# --------------------------------------------------------------------------- matching


def test_case_and_punctuation_do_not_matter() -> None:
    text = "Yet, even in model systems detailed analysis is severely hampered by their scale."
    assert match_quote("EVEN IN MODEL SYSTEMS; detailed analysis, is severely", text).exact


def test_british_spelling_matches_american() -> None:
    text = "Signaling pathways underlying the rapid antidepressant behavior of ketamine."
    assert match_quote(
        "signalling pathways underlying the rapid antidepressant behaviour", text
    ).exact


def test_an_ellipsis_omits_words() -> None:
    abstract = elife().abstract or ""
    quote = "detailed analysis of numerous developmental processes … is severely hampered"
    assert match_quote(quote, abstract).exact


def test_a_bracketed_ellipsis_omits_words() -> None:
    abstract = elife().abstract or ""
    quote = "their small size makes model organisms [...] subjects of investigation"
    assert match_quote(quote, abstract).exact


def test_a_bracketed_insertion_stands_for_the_original_words() -> None:
    abstract = elife().abstract or ""
    quote = "their small size makes [plants] preferred subjects of investigation"
    assert match_quote(quote, abstract).exact


def test_a_letter_fitted_in_brackets_costs_nothing() -> None:
    abstract = elife().abstract or ""
    assert match_quote("[T]heir small size makes model organisms preferred", abstract).exact


def test_a_typo_still_matches_approximately() -> None:
    abstract = elife().abstract or ""
    hit = match_quote(
        "detailed analysis of numerous developmental proceses at cellular level", abstract
    )
    assert (hit.found, hit.exact, hit.score) == (True, False, 98.6)


def test_a_changed_word_is_not_found_and_the_closest_passage_is_given() -> None:
    abstract = elife().abstract or ""
    hit = match_quote("their small size makes model organisms favourite subjects", abstract)
    assert (hit.found, hit.passage) == (
        False,
        "their small size makes model organisms preferred subjects",
    )


def test_omitted_segments_must_keep_their_order() -> None:
    abstract = elife().abstract or ""
    quote = "is severely hampered by their scale … their small size makes model organisms"
    assert match_quote(quote, abstract).found is False


# --------------------------------------------------------------------------- checking


def test_seed_003_duman_quotes_against_the_recorded_record(settings: NetworkSettings) -> None:
    """The recorded Duman 2012 record (fact-built, fixtures/api/PROVENANCE.md) carries no
    abstract: both quotations are "abstract-unavailable", never guessed at; the Duman
    2021 quotation has no reference."""
    doc = load(Source(str(SEED_003)))
    assert isinstance(doc, Document)
    audit = audit_document(doc)
    assert audit.extraction is not None
    refs = audit.extraction.references
    verdicts = verify_references(refs, settings)
    records = {r.id: v.matched for r, v in zip(refs, verdicts, strict=True)}
    checks = checks_for(audit, records)
    assert [(c.citation_id, c.status, c.reference_id, c.near_reference_id) for c in checks] == [
        ("cit-1", "abstract-unavailable", "ref-2", None),
        ("cit-2", "missing-reference", None, "ref-2"),
        ("cit-3", "abstract-unavailable", "ref-2", None),
    ]


def test_seed_003_duman_2021_quote_is_attributed_to_a_missing_reference() -> None:
    doc = load(Source(str(SEED_003)))
    assert isinstance(doc, Document)
    audit = audit_document(doc)
    ex = audit.extraction
    assert ex is not None
    checks = checks_for(audit, {})
    (finding,) = quote_findings(doc, checks, ex.citations, ex.references)
    assert (finding.code, finding.severity, finding.start, finding.message, finding.help) == (
        "CIT503",
        Severity.WARNING,
        Position(5, 562),
        "Quotation `ketamine rapidly increases synaptogenesis` is attributed to "
        "`Duman et al., 2021`, which matches no entry of the reference list; the nearest, "
        "`Duman et al. (2012)`, has another year",
        "Add the work the quotation comes from to the references, or correct the citation",
    )


def test_a_quotation_from_the_abstract_is_verified(settings: NetworkSettings) -> None:
    doc = article(
        "Scale is the problem: “detailed analysis of numerous developmental processes at "
        "cellular level is severely hampered by their scale” (Sankar et al., 2014)."
    )
    audit = audit_document(doc)
    assert audit.extraction is not None
    refs = audit.extraction.references
    (verdict,) = verify_references(refs, settings)
    (check,) = checks_for(audit, {"ref-1": verdict.matched})
    assert (check.status, check.found_in, check.doi, check.source) == (
        "verified",
        "abstract",
        "10.7554/elife.01567",
        "crossref",
    )


def test_a_verified_quotation_is_no_finding() -> None:
    doc = article("It is “severely hampered by their scale” (Sankar et al., 2014).")
    audit = audit_document(doc)
    checks = checks_for(audit, {"ref-1": elife()})
    assert (statuses(checks), quote_findings(doc, checks)) == ([("cit-1", "verified")], [])


def test_a_misquotation_is_not_in_the_abstract() -> None:
    doc = article("It is “severely limited by its size” (Sankar et al., 2014).")
    checks = checks_for(audit_document(doc), {"ref-1": elife()})
    assert statuses(checks) == [("cit-1", "not-in-abstract")]


def test_not_in_abstract_is_a_suggestion_naming_the_work() -> None:
    doc = article("It is “severely limited by its size” (Sankar et al., 2014).")
    audit = audit_document(doc)
    (finding,) = quote_findings(doc, checks_for(audit, {"ref-1": elife()}))
    assert (finding.code, finding.severity, finding.message) == (
        "CIT502",
        Severity.SUGGESTION,
        "Quotation `severely limited by its size` is not in the abstract or title of "
        "`10.7554/elife.01567`",
    )


def test_a_quotation_of_the_title_is_verified_from_the_title() -> None:
    doc = article(
        "They showed that “automated quantitative histology reveals vascular "
        "morphodynamics” (Sankar et al., 2014)."
    )
    (check,) = checks_for(audit_document(doc), {"ref-1": elife()})
    assert (check.status, check.found_in) == ("verified", "title")


def test_the_openalex_abstract_serves_when_it_is_the_record() -> None:
    work = json.loads((API / "openalex" / "works" / "10.7554_elife.01567.json").read_bytes())
    doc = article("It is “severely hampered by their scale” (Sankar et al., 2014).")
    (check,) = checks_for(audit_document(doc), {"ref-1": from_openalex(work)})
    assert (check.status, check.source) == ("verified", "openalex")


def test_a_record_without_an_abstract_leaves_the_quotation_unchecked() -> None:
    doc = article("It is “severely hampered by their scale” (Sankar et al., 2014).")
    checks = checks_for(audit_document(doc), {"ref-1": replace(elife(), abstract=None)})
    assert (statuses(checks), quote_findings(doc, checks)) == (
        [("cit-1", "abstract-unavailable")],
        [],
    )


def test_a_reference_without_a_record_is_not_checked() -> None:
    doc = article("It is “severely hampered by their scale” (Sankar et al., 2014).")
    checks = checks_for(audit_document(doc), {})
    assert (statuses(checks), quote_findings(doc, checks)) == ([("cit-1", "not-checked")], [])


def test_a_stricter_similarity_rejects_a_typo() -> None:
    doc = article("It is “severely hampered by ther scale” (Sankar et al., 2014).")
    audit = audit_document(doc)
    ex = audit.extraction
    assert ex is not None
    assert ex.section is not None
    quotes = find_quotes(doc, ex.citations, exclude=[ex.section.span])
    lax = check_quotes(quotes, audit.links, {"ref-1": elife()})
    strict = check_quotes(
        quotes, audit.links, {"ref-1": elife()}, settings=QuoteSettings(similarity=100.0)
    )
    assert (lax[0].status, strict[0].status) == ("verified", "not-in-abstract")


def test_quote_records_are_keyed_by_citation_for_the_json_report() -> None:
    doc = article("It is “severely hampered by their scale” (Sankar et al., 2014).")
    checks = checks_for(audit_document(doc), {"ref-1": elife()})
    assert json.loads(json.dumps(quote_records(checks))) == {
        "cit-1": [
            {
                "quote": "severely hampered by their scale",
                "citation_id": "cit-1",
                "status": "verified",
                "reference_id": "ref-1",
                "doi": "10.7554/elife.01567",
                "source": "crossref",
                "found_in": "abstract",
                "score": 100.0,
                "passage": "severely hampered by their scale",
                "near_reference_id": None,
            }
        ]
    }


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("rapid antidepressant actions of ketamine", True),
        ("rapid antidepressant effects of ketamine", False),
    ],
)
def test_the_fact_built_duman_record_can_only_confirm_its_title(quote: str, found: bool) -> None:
    record = crossref_record("factbuilt/10.1016_j.neuropharm.2011.08.044.json")
    assert (record.abstract, match_quote(quote, record.full_title or "").found) == (None, found)


_OKONKWO = "Okonkwo, Ada. 2023. Weather Writing. Oxford: Clarendon Press."


def _missing_citations(text: str) -> list[tuple[str, Severity, str]]:
    audit = audit_document(Document.plain("review.txt", text))
    return [(d.code, d.severity, d.message) for d in audit.diagnostics if d.code == "CIT101"]


def test_a_citation_inside_a_quotation_without_entry_is_a_warning() -> None:
    # APA 7 (8.31): the works a quotation cites are listed only if the article cites them.
    text = (
        'Critics, she writes, "read the weather in the journals as mood music for the '
        'poems (Darbishire 1958), when it was their most public language" (Okonkwo 2023, 6).'
        f"\n\nWorks Cited\n\n{_OKONKWO}\n"
    )
    assert _missing_citations(text) == [
        (
            "CIT101",
            Severity.WARNING,
            "Citation `Darbishire 1958` matches no entry of the reference list; "
            "it stands inside a quotation",
        )
    ]


def test_the_same_citation_outside_the_quotation_is_an_error() -> None:
    text = (
        'Critics (Darbishire 1958) "read the weather in the journals as mood music for the '
        'poems, when it was their most public language" (Okonkwo 2023, 6).'
        f"\n\nWorks Cited\n\n{_OKONKWO}\n"
    )
    assert [(c, s) for c, s, _ in _missing_citations(text)] == [("CIT101", Severity.ERROR)]


def test_a_citation_that_ends_the_quoted_words_is_the_writer_s_own() -> None:
    text = (
        'Trust was "eroding steadily across rural communities (Smith, 2010)." '
        "It was not (Okonkwo 2023, 6)."
        f"\n\nWorks Cited\n\n{_OKONKWO}\n"
    )
    assert [(c, s) for c, s, _ in _missing_citations(text)] == [("CIT101", Severity.ERROR)]
