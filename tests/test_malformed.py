"""Citations left broken (CIT109): what a reference manager, LaTeX or a writer leaves
where a citation should be."""

from __future__ import annotations

import pytest

from citecheck.audit import audit_document
from citecheck.document import Document
from citecheck.malformed import find_malformed
from citecheck.markup import markdown_document
from citecheck.model import Span


def forms(
    text: str, surnames: frozenset[str] = frozenset(), exclude: tuple[Span, ...] = ()
) -> list[tuple[str, str]]:
    return [(m.text, m.form) for m in find_malformed(text, surnames=surnames, exclude=exclude)]


@pytest.mark.parametrize(
    ("text", "written", "form"),
    [
        ("Ketamine acts within hours [?].", "[?]", "an undefined LaTeX citation"),
        ("as shown before [?, ?].", "[?, ?]", "an undefined LaTeX citation"),
        ("as ? (?) showed.", "? (?)", "an undefined LaTeX citation"),
        (
            "as shown in Error! Reference source not found. above.",
            "Error! Reference source not found.",
            "a broken Word cross-reference",
        ),
        (
            "Synapses grow {Duman, 2012 #45; Li, 2010 #7}.",
            "{Duman, 2012 #45; Li, 2010 #7}",
            "an unformatted reference-manager citation",
        ),
        (
            "Synapses grow ADDIN ZOTERO_ITEM CSL_CITATION.",
            "ADDIN ZOTERO_ITEM",
            "an unformatted reference-manager citation",
        ),
        (
            "as Li showed \\citep[p.~3]{li2010}.",
            "\\citep[p.~3]{li2010}",
            "a LaTeX citation command",
        ),
        ("It lasts a week (Zarate et al., ).", "(Zarate et al., )", "a citation without its year"),
        ("It lasts (Li, 2010; Zarate, ).", "Zarate, )", "a citation without its year"),
        ("Synapses grow (, 2016).", "(, 2016)", "a citation without its author"),
        ("Synapses grow (et al., 2016).", "(et al., 2016)", "a citation without its author"),
        ("See (Author, Year).", "(Author, Year)", "a placeholder for a citation"),
        ("See (Smith et al., 20XX).", "(Smith et al., 20XX)", "a placeholder for a citation"),
        ("It works [citation needed].", "[citation needed]", "a placeholder for a citation"),
        ("It works [REF].", "[REF]", "a placeholder for a citation"),
    ],
)
def test_a_broken_citation_is_found_with_its_form(text: str, written: str, form: str) -> None:
    assert forms(text) == [(written, form)]


def test_a_five_digit_year_after_a_listed_author_is_a_typed_year() -> None:
    assert forms("It grows (Duman et al., 20012).", surnames=frozenset({"duman"})) == [
        ("(Duman et al., 20012)", "a citation whose year has five digits")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The total was large (Total 20145).",  # a count after a word the list lacks
        "His doubt (?) stays.",  # a writer's doubt
        "A [citation](https://example.org/style) link.",  # a Markdown link's text
        "a {color: #123} rule",  # no author and comma before the number sign
        "It lasts (Smith, n.d.) and (Smith, in press).",  # complete citations
    ],
)
def test_text_that_only_looks_broken_is_not_reported(text: str) -> None:
    assert forms(text, surnames=frozenset({"duman", "smith"})) == []


def test_nothing_inside_the_excluded_reference_list_is_reported() -> None:
    text = "Body text.\n\nReferences\n\n[?] Smith, J. (2020). A title.\n"
    assert forms(text, exclude=(Span(text.index("References"), len(text)),)) == []


def test_a_latex_tutorials_cite_command_in_code_is_an_example() -> None:
    doc = markdown_document("a.md", "Write `\\cite{li2010}` to cite.\n")
    assert find_malformed(doc.text, code=doc.code) == []


def test_the_audit_reports_a_broken_citation_as_cit109_naming_its_form() -> None:
    text = (
        "Ketamine acts within hours (Zarate et al., ).\n\n"
        "References\n\n"
        "Zarate, C. A., Singh, J. B., & Carlson, P. J. (2006). A randomized trial of an "
        "NMDA antagonist. Archives of General Psychiatry, 63(8), 856-864.\n"
    )
    [found] = [
        d for d in audit_document(Document.plain("a.txt", text)).diagnostics if d.code == "CIT109"
    ]
    assert (found.message, found.start.line, found.start.column) == (
        "Malformed citation: `(Zarate et al., )` is a citation without its year",
        1,
        28,
    )
