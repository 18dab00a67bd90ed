"""Entries that open with a body's name, read as the text cites them
(`citecheck.cited_bodies`)."""

from __future__ import annotations

from citecheck.refparse import parse_with_body
from support import audit_with_list, references_of

_TFL = "Transport for London. 2017. Travel in London: Report 10. London: TfL.\n"


def test_a_head_the_text_cites_as_an_author_is_the_entrys_author() -> None:
    audit = audit_with_list("Cycling grew fast in the capital (Transport for London 2017).", _TFL)
    [ref] = references_of(audit)
    assert ([a.family for a in ref.authors], ref.title) == (
        ["Transport for London"],
        "Travel in London: Report 10",
    )
    assert audit.diagnostics == ()


def test_a_head_before_a_bracketed_date_is_read_the_same_way() -> None:
    entry = "Save the Children (2020). Stop the war on children. London: Save the Children.\n"
    audit = audit_with_list("Children suffer most in conflicts (Save the Children 2020).", entry)
    [ref] = references_of(audit)
    assert ([a.family for a in ref.authors], ref.title) == (
        ["Save the Children"],
        "Stop the war on children",
    )
    assert audit.diagnostics == ()


def test_an_uncited_head_stays_as_the_parser_read_it() -> None:
    audit = audit_with_list(
        "Cycling grew fast in the capital (Greater London Authority 2018).", _TFL
    )
    [ref] = references_of(audit)
    assert ref.authors == ()
    assert [d.code for d in audit.diagnostics] == ["CIT101", "CIT102", "CIT110"]


def test_a_head_cited_with_another_year_stays_as_read() -> None:
    audit = audit_with_list("Cycling grew fast in the capital (Transport for London 2016).", _TFL)
    assert references_of(audit)[0].authors == ()


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
    audit = audit_with_list(
        'Advance choices were proposed ("Modernising the Mental Health Act," 2018).', entry
    )
    [ref] = references_of(audit)
    assert (ref.authors, ref.year) == ((), "2018")
    assert audit.diagnostics == ()


def test_a_law_cited_by_its_short_title_stays_a_law() -> None:
    audit = audit_with_list(
        "Councils must promote wellbeing (Care Act 2014).", "Care Act 2014, c. 23.\n"
    )
    [ref] = references_of(audit)
    assert (ref.authors, ref.title) == ((), "Care Act 2014")
