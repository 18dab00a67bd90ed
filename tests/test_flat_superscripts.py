"""Superscript citations that a copy out of a PDF set as plain digits ("a third.1,2
The"): read where the list is numbered, nothing else cites by number and the runs bring
the list's numbers in in order of first citation.  Our own sentences."""

from __future__ import annotations

import pytest

from citecheck.audit import audit_document
from citecheck.citations import find_citations
from citecheck.document import Document
from citecheck.markup import html_document

LIST = """

References
1. Okafor A, Brandt B. Statins and LDL. Heart J. 2001;12:1-5.
2. Laine C. Lipid lowering in practice. Clin Lipids. 2003;8:10-12.
3. Moreau D. Statins after seventy-five. Geriatr Rev. 2005;4:100-105.
4. Ishikawa E. Adherence in the first year. Card Care. 2007;15:200-210.
5. Varga F. Persistence with lipid therapy. Heart J. 2008;19:300-305.
6. Quist G. Why patients stop statins. Prim Care Q. 2009;22:40-41.
"""
ARTICLE = (
    "Statins lower LDL cholesterol by about a third.1,2 The effect is larger in older"
    " adults,3 but adherence falls within a year.4-6\n"
)


def numbers(text: str, last: int = 6, *, flat: bool = True, **kwargs: object) -> list[int | None]:
    found = find_citations(text, numbered_list=True, last_number=last, flat=flat, **kwargs)  # type: ignore[arg-type]
    return [c.number for c in found]


def test_digits_after_a_stop_a_comma_and_a_word_cite_in_order() -> None:
    assert numbers(ARTICLE) == [1, 2, 3, 4, 5, 6]


def test_each_run_is_one_citation_group() -> None:
    found = find_citations(ARTICLE, numbered_list=True, last_number=6, flat=True)
    assert [(c.text, c.group) for c in found] == [
        ("1", 1),
        ("2", 1),
        ("3", 2),
        ("4-6", 3),
        ("4-6", 3),
        ("4-6", 3),
    ]


def test_a_run_glued_to_a_lower_case_word_cites() -> None:
    text = "Earlier trials1 were small, and later ones2,3 were larger.4 So are these.5"
    assert numbers(text) == [1, 2, 3, 4, 5]


def test_runs_glued_to_words_alone_are_no_evidence() -> None:
    text = "We hashed with sha1 and blake2, ran python3 on sqlite3, plotted log2 ratios."
    assert numbers(text) == []


def test_the_first_run_must_cite_entry_1() -> None:
    assert numbers("Seen in adults.2 Seen in children.3 Seen in teens.4") == []


def test_a_run_after_a_percentage_a_year_or_a_closing_bracket_cites() -> None:
    text = (
        "Rates were 10–20%.1 The gap has narrowed since 2018.2,3 It was larger"
        " in men (HR 1.4).4 Most agree.5"
    )
    assert numbers(text) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "text",
    [
        "Doses of 1.5 and 2.5 mg were given, then 3.5 mg.",
        "Carriers of BRCA1 and TP53 variants, CO2 and CD4 counts.",
        "Patients with type2 disease in phase3 of covid19, given omega3.",
        "As Fig.3 and pp.4-5 show.",
        "Variants BA.2 and BA.5 spread, BA.2, BA.4.",
        "Influenza A(H1N1)pdm09 and H3N2 returned.",
        "Models used lme4 1.1-27 and R 4.2.1.",
        "Lime, Ca(OH)2, reacts faster than Mg(OH)2, and (a + b)2 expands.",
        "See Tables S1,2 and Figs. S3,4.",
    ],
)
def test_digits_of_numbers_names_and_labels_do_not_cite(text: str) -> None:
    assert numbers(
        f"{text} It began in trials.1 Others followed,2 and later ones3 agreed.", 30
    ) == [
        1,
        2,
        3,
    ]


def test_a_run_that_jumps_far_past_the_numbers_so_far_is_not_read() -> None:
    text = "Seen in adults.1 Seen in children.2 Seen again in teens,25 then in elders.3"
    assert numbers(text, 30) == [1, 2, 3]


def test_a_number_past_the_list_is_not_read() -> None:
    assert numbers("Seen in adults.1 Seen in children.2 Seen in teens.9", 6) == [1, 2]


def test_one_run_alone_is_not_enough() -> None:
    assert numbers("Seen in adults.1 Nothing else is cited here.") == []


def test_without_a_numbered_list_glued_digits_cite_nothing() -> None:
    assert find_citations(ARTICLE) == []


@pytest.mark.parametrize("cite", ["[1]", "(1)"])
def test_an_article_citing_with_brackets_keeps_them_and_reads_no_glued_digits(cite: str) -> None:
    text = f"Hand2 rises {cite}. Tbx5 and lef1 mark the tip [2], and the fin regrows [3].4"
    assert numbers(text) == [1, 2, 3]


def test_markup_leaves_plain_digits_alone() -> None:
    doc = html_document("p.html", "<p>Seen in adults.1 Seen in children.2 Seen in teens.3</p>")
    assert numbers(doc.text, superscripts=doc.superscripts, flat=False) == []


def test_a_bylines_affiliation_markers_are_not_citations() -> None:
    text = (
        "Statin adherence\n\nAda Okonjo, MD,1 Bram Velde, PhD,2 and Ines Faria, FRCPath1\n\n"
        "1Department of Medicine, North Coast University, Lagos\n\n" + ARTICLE
    )
    assert numbers(text) == [1, 2, 3, 4, 5, 6]


def test_an_article_citing_by_flattened_superscripts_has_no_uncited_entries() -> None:
    audit = audit_document(Document.plain("a.txt", ARTICLE + LIST))
    assert [d.code for d in audit.diagnostics] == []


def test_a_run_after_a_name_ending_in_digits_and_a_comma_cites() -> None:
    text = "It is cleared by CYP3A4,1 inhibits WEE1;2 and acts at Tyr15,3 as shown.4,5"
    assert numbers(text) == [1, 2, 3, 4, 5]


def test_a_run_after_a_decimal_and_a_comma_does_not_cite() -> None:
    text = "Scores rose from 3 to 4.4,5 then fell. Seen in adults.1 Seen in children.2"
    assert numbers(text) == [1, 2]


def test_a_call_out_after_a_whole_number_that_ends_its_paragraph_cites() -> None:
    text = (
        "Rates fell by 87% in the vaccinated cohort.1 The effect was smaller later.\n\n"
        "In Sweden the risk was 88% lower.2 In Scotland the changes fell by age 20.3\n"
    )
    assert numbers(text, last=3) == [1, 2, 3]


def test_a_decimal_inside_a_paragraph_is_no_call_out() -> None:
    text = "Seen in adults.1 Seen in children.2 The mean age was 20.3 in the end group.\n"
    assert numbers(text, last=3) == [1, 2]
