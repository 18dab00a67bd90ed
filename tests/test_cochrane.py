"""A Cochrane review's reference list: parts under headings of their own, study IDs
above their sources, and citations by study ID (first author and year)."""

from __future__ import annotations

from citecheck.audit import audit_document
from citecheck.document import Document

_BODY = (
    "Bias was judged with a published tool (Moreno 2017). Two trials were included (Okafor "
    "2016; Lindgren 2019) and pooled (Dias 2004)."
)
_INCLUDED = (
    "Okafor AN, Eze CU, Bello T. Zinc for acute diarrhoea in children under five: a "
    "randomised trial. Trop Med Int Health 2016;21(4):455-63.\n\n"
    "Lindgren M, Hedlund K. Oral zinc in Swedish day-care centres: a cluster randomised "
    "trial. Acta Paediatr 2019;108(2):301-7."
)
_ADDITIONAL = (
    "Dias S, Welton NJ, Ades AE. Network meta-analysis of mixed treatment comparisons. "
    "Stat Med 2004;23(20):3105-24.\n\n"
    "Moreno SG, Sutton AJ, Thompson JR, Turner EH. Assessing risk of bias in trials of "
    "children. BMJ 2017;356:j101."
)


def _findings(text: str) -> list[str]:
    audit = audit_document(Document.plain("review.txt", text))
    return [f"{d.code} {d.message}" for d in audit.diagnostics]


def test_the_lists_parts_under_their_headings_are_one_list() -> None:
    text = (
        f"{_BODY}\n\nReferences\n\nReferences to studies included in this review\n\n"
        f"{_INCLUDED}\n\nAdditional references\n\n{_ADDITIONAL}\n"
    )
    audit = audit_document(Document.plain("review.txt", text))
    assert audit.extraction is not None
    assert [r.first_family for r in audit.extraction.references] == [
        "Okafor",
        "Lindgren",
        "Dias",
        "Moreno",
    ]


def test_citations_by_study_id_need_no_et_al() -> None:
    text = (
        f"{_BODY}\n\nReferences\n\nStudies included in this review\n\n"
        f"{_INCLUDED}\n\nAdditional references\n\n{_ADDITIONAL}\n"
    )
    assert _findings(text) == []


def test_a_study_id_above_its_sources_is_no_entry() -> None:
    text = (
        "Two trials were included (Okafor 2016; Lindgren 2019).\n\nReferences\n\n"
        "Okafor 2016 {published data only}\n"
        "Okafor AN, Eze CU, Bello T. Zinc for acute diarrhoea in children under five: a\n"
        "randomised trial. Trop Med Int Health 2016;21(4):455-63.\n\n"
        "Lindgren 2019 {unpublished data only}\n"
        "Lindgren M, Hedlund K. Oral zinc in Swedish day-care centres: a cluster randomised\n"
        "trial. Acta Paediatr 2019;108(2):301-7.\n"
    )
    audit = audit_document(Document.plain("review.txt", text))
    assert audit.extraction is not None
    assert [r.raw[:12] for r in audit.extraction.references] == ["Okafor AN, E", "Lindgren M, "]
    assert audit.diagnostics == ()


def test_outside_a_cochrane_review_a_missing_et_al_is_reported() -> None:
    text = f"{_BODY}\n\nReferences\n\n{_INCLUDED}\n\n{_ADDITIONAL}\n"
    assert "CIT107 `et al.` missing: `Moreno 2017` names 1 of the work's 4 authors" in _findings(
        text
    )
