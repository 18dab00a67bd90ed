"""Affiliation markers and labels set in superscript are not citations."""

from __future__ import annotations

from citecheck.citations import find_citations
from citecheck.markup import html_document
from citecheck.model import Span

_BODY = "<p>Depression is common.<sup>4</sup> Treatment helps.<sup>5</sup></p>"


def numbers(source: str) -> list[int | None]:
    doc = html_document("article.html", source)
    found = find_citations(doc.text, superscripts=doc.superscripts, numbered_list=True)
    return [c.number for c in found]


def test_affiliation_markers_after_the_authors_names_are_no_citations() -> None:
    source = (
        "<h1>A trial of a thing</h1><p>Ann Lee<sup>1,2</sup>, Bo Chan<sup>3</sup>"
        " and Carl Diaz<sup>1</sup></p>" + _BODY
    )
    assert numbers(source) == [4, 5]


def test_labels_opening_a_paragraph_of_affiliations_are_no_citations() -> None:
    source = (
        "<p><sup>1</sup> Department of Medicine, Alpha University. <sup>2</sup> Beta"
        " Institute. <sup>3</sup> Gamma Clinic.</p>" + _BODY
    )
    assert numbers(source) == [4, 5]


_PAGE_HEAD = "".join(f"<p>Menu item {k}</p>" for k in range(7))


def test_markers_of_authors_below_the_page_head_are_read_with_their_labels() -> None:
    source = (
        _PAGE_HEAD + "<p>Ann Lee<sup>1</sup>, Bo Chan MD, PhD<sup>2</sup></p>"
        "<p><sup>1</sup> Alpha University</p><p><sup>2</sup> Beta Institute</p>" + _BODY
    )
    assert numbers(source) == [4, 5]


def test_a_list_of_names_below_the_page_head_without_labels_cites() -> None:
    assert numbers(_PAGE_HEAD + "<p>Ann Lee, Bo Chan<sup>4</sup></p>") == [4]


def test_names_in_a_sentence_at_the_head_cite() -> None:
    assert numbers("<p>Trials by Ann Lee and Bo Chan<sup>4</sup> agree.</p>") == [4]


def test_a_paragraph_opening_with_citations_in_order_cites() -> None:
    source = "<p><sup>3</sup>Lee and colleagues found a drop.<sup>4</sup> Others did not.<sup>5</sup></p>"
    assert numbers(source) == [3, 4, 5]


def test_a_table_row_opening_with_a_citation_cites() -> None:
    source = (
        "<table><tr><td><sup>6</sup></td><td>Canada</td></tr>"
        "<tr><td><sup>7</sup></td><td>Japan</td></tr></table>"
    )
    assert numbers(source) == [6, 7]


def test_markers_mixed_with_symbols_do_not_hide_the_names() -> None:
    source = (
        "<h1>A trial of a thing</h1><p>Ann Lee<sup>1,*</sup>, Bo Chan<sup>2</sup>"
        " and Carl Diaz<sup>1</sup></p>" + _BODY
    )
    assert numbers(source) == [4, 5]


def test_names_in_table_cells_are_not_an_author_line() -> None:
    source = (
        "<h1>T</h1><p>Ann Lee<sup>1</sup>, Bo Chan<sup>2</sup></p>"
        "<p><sup>1</sup> Alpha University</p><p><sup>2</sup> Beta Institute</p>"
        "<p>Intro.</p><table><tr><td>Eve Gray and Hal Ito<sup>2</sup></td><td>Japan</td></tr></table>"
    )
    assert numbers(source) == [2]


def test_unicode_affiliation_markers_are_no_citations() -> None:
    text = "A trial of a thing\n\nAnn Lee¹,², Bo Chan³\n\nDepression is common.⁴"
    assert [c.number for c in find_citations(text, numbered_list=True)] == [4]


def test_markers_of_authors_with_affiliations_in_a_numbered_list_are_no_citations() -> None:
    source = (
        _PAGE_HEAD + "<p>Ann Lee<sup>1</sup>, Bo Chan<sup>2</sup></p>"
        "<ol><li>Department of Medicine, Alpha University</li><li>Beta Institute</li></ol>" + _BODY
    )
    assert numbers(source) == [4, 5]


def test_a_numbered_list_of_works_is_no_list_of_affiliations() -> None:
    source = (
        _PAGE_HEAD + "<p>Intro.</p><ol><li>Smith J. Oxford University Press; 2001.</li></ol>"
        "<p>Ann Lee, Bo Chan<sup>1</sup></p>"
    )
    assert numbers(source) == [1]


def test_a_label_run_into_its_institution_is_no_citation() -> None:
    source = (
        "<p>Ann Lee<sup>1</sup>, Bo Chan<sup>2</sup></p>"
        "<p><sup>1</sup>Institute of Psychiatry</p><p><sup>2</sup>Beta Hospital</p>" + _BODY
    )
    assert numbers(_PAGE_HEAD + source) == [4, 5]


def test_names_with_apostrophes_and_hyphens_are_names() -> None:
    source = "<h1>T</h1><p>Ann O'Brien<sup>1</sup>, Mary Smith-Jones<sup>2</sup></p>" + _BODY
    assert numbers(source) == [4, 5]


def test_bracketed_markers_are_no_citations() -> None:
    source = "<h1>T</h1><p>Ann Lee<sup>[1]</sup>, Bo Chan<sup>[2]</sup></p>" + _BODY
    assert numbers(source) == [4, 5]


def test_a_work_in_the_reference_list_is_no_listed_affiliation() -> None:
    text = "\n\n".join(
        ["Menu"] * 7 + ["Ann Lee, Bo Chan¹", "References", "1. Institute of Medicine. Report."]
    )
    found = find_citations(
        text, exclude=[Span(text.index("References"), len(text))], numbered_list=True
    )
    assert [c.number for c in found] == [1]


def test_a_number_that_does_not_continue_the_labels_cites() -> None:
    source = "<p><sup>1</sup> Department of Medicine, where it ran.<sup>7</sup> Hospital staff agreed.</p>"
    assert numbers(source) == [7]


def test_a_superscript_inside_a_line_labels_nothing() -> None:
    assert numbers("<p>Staff of the unit agreed.<sup>1</sup> University staff did not.</p>") == [1]


def test_a_label_names_its_institution_before_the_next_superscript() -> None:
    source = "<p><sup>1</sup> Smith found it.<sup>2</sup> Department of Health data agree.</p>"
    assert numbers(source) == [1, 2]


def test_a_single_authors_marker_in_the_page_head_is_no_citation() -> None:
    assert numbers("<h1>A trial of a thing</h1><p>Ann Lee<sup>1</sup></p>" + _BODY) == [4, 5]


def test_a_lone_name_below_the_page_head_cites() -> None:
    source = (
        "<p><sup>1</sup> Alpha University</p>"
        + _PAGE_HEAD
        + "<p>Motivational Interviewing<sup>1</sup></p>"
    )
    assert numbers(source) == [1]


def test_a_byline_label_is_no_name() -> None:
    source = "<h1>T</h1><p>Authors: Ann Lee<sup>1</sup>, Bo Chan<sup>2</sup></p>" + _BODY
    assert numbers(source) == [4, 5]


def test_a_plain_text_bylines_bracketed_markers_are_no_citations() -> None:
    text = (
        "A SERVICE EVALUATION\n\n"
        "R. Osei(1), K. Lindqvist(1), M. Farrant(2)\n"
        "(1) Medicines Optimisation Team, Calderbrook ICB; (2) School of Pharmacy\n\n"
        "Deprescribing is a planned process of stopping medicines (3). It helps (4).\n"
    )
    found = find_citations(text, numbered_list=True, last_number=4)
    assert [c.number for c in found] == [3, 4]
