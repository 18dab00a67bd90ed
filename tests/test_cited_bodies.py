"""Entries that open with a body's name, read as the text cites them
(`citecheck.cited_bodies`)."""

from __future__ import annotations

from citecheck.audit import FileAudit, audit_document
from citecheck.document import Document
from citecheck.model import Reference
from citecheck.refparse import parse_with_body

_TFL = "Transport for London. 2017. Travel in London: Report 10. London: TfL.\n"


def _audit(body: str, *entries: str) -> FileAudit:
    text = body + "\n\nReferences\n\n" + "\n".join(entries)
    return audit_document(Document.plain("a.txt", text))


def _references(audit: FileAudit) -> tuple[Reference, ...]:
    assert audit.extraction is not None
    return audit.extraction.references


def test_a_head_the_text_cites_as_an_author_is_the_entrys_author() -> None:
    audit = _audit("Cycling grew fast in the capital (Transport for London 2017).", _TFL)
    [ref] = _references(audit)
    assert ([a.family for a in ref.authors], ref.title) == (
        ["Transport for London"],
        "Travel in London: Report 10",
    )
    assert audit.diagnostics == ()


def test_a_head_before_a_bracketed_date_is_read_the_same_way() -> None:
    entry = "Save the Children (2020). Stop the war on children. London: Save the Children.\n"
    audit = _audit("Children suffer most in conflicts (Save the Children 2020).", entry)
    [ref] = _references(audit)
    assert ([a.family for a in ref.authors], ref.title) == (
        ["Save the Children"],
        "Stop the war on children",
    )
    assert audit.diagnostics == ()


def test_an_uncited_head_stays_as_the_parser_read_it() -> None:
    audit = _audit("Cycling grew fast in the capital (Greater London Authority 2018).", _TFL)
    [ref] = _references(audit)
    assert ref.authors == ()
    assert [d.code for d in audit.diagnostics] == ["CIT101", "CIT102", "CIT110"]


def test_a_head_cited_with_another_year_stays_as_read() -> None:
    audit = _audit("Cycling grew fast in the capital (Transport for London 2016).", _TFL)
    assert _references(audit)[0].authors == ()


def test_a_name_that_only_begins_the_head_is_no_author() -> None:
    # "Transport" is the first word of the head, not a name the entry opens with.
    assert parse_with_body(_TFL, "Transport") is None


def test_a_name_not_followed_by_a_date_is_no_author() -> None:
    entry = "Transport for London. Travel in London: Report 10. London: TfL, 2017."
    assert parse_with_body(entry, "Transport for London") is None


def test_a_title_cited_in_quotation_marks_is_no_body() -> None:
    entry = (
        "Modernising the Mental Health Act 1983. (2018). Department of Health and Social Care.\n"
    )
    audit = _audit(
        'Advance choices were proposed ("Modernising the Mental Health Act," 2018).', entry
    )
    [ref] = _references(audit)
    assert (ref.authors, ref.year) == ((), "2018")
    assert audit.diagnostics == ()


def test_a_law_cited_by_its_short_title_stays_a_law() -> None:
    audit = _audit("Councils must promote wellbeing (Care Act 2014).", "Care Act 2014, c. 23.\n")
    [ref] = _references(audit)
    assert (ref.authors, ref.title) == ((), "Care Act 2014")
