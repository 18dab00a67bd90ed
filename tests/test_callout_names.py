"""Names written before numeric call-outs, checked against the entries the numbers
name (`citecheck.callout_names`)."""

from __future__ import annotations

from citecheck.audit import FileAudit, audit_document
from citecheck.document import Document
from citecheck.markup import html_document

_LIST = (
    "\n\nReferences\n\n"
    "1. Smith JA, Brown K, Lee M. Heritability of height. Nat Genet. 2010;42(7):565-9.\n"
    "2. Manolio TA, Collins FS, Cox NJ. Finding the missing heritability of complex "
    "diseases. Nature. 2009;461(7265):747-53.\n"
    "3. Yang J, Benyamin B, McEvoy BP. Common SNPs explain a large proportion of the "
    "heritability for human height. Nat Genet. 2010;42(7):565-9.\n"
)


def _audit(body: str) -> FileAudit:
    return audit_document(Document.plain("a.txt", body + _LIST))


def _mismatches(audit: FileAudit) -> list[tuple[str, str | None]]:
    return [(d.message, d.help) for d in audit.diagnostics if d.code == "CIT104"]


def test_a_name_the_numbered_entry_lacks_is_an_author_mismatch() -> None:
    audit = _audit(
        "Smith et al. [1] and Manolio et al. [2] agree. Yang et al. [2] fitted all SNPs [3]."
    )
    assert _mismatches(audit) == [
        (
            "Author mismatch: `Yang et al.` before call-out [2] names Yang, but entry 2 is"
            " `Manolio et al. (2009)`",
            "Yang is the first author of entry 3 (`Yang et al. (2010)`): is the number wrong?",
        )
    ]


def test_a_name_the_entry_has_among_its_authors_is_no_finding() -> None:
    audit = _audit("Smith et al. [1], Collins and colleagues [2] and Yang et al. [3] agree.")
    assert _mismatches(audit) == []


def test_a_misspelt_name_is_told_apart_from_a_wrong_number() -> None:
    audit = _audit("Smith et al. [1] and Manollio et al. [2] agree; see also [3].")
    assert (
        _mismatches(audit)[0][1]
        == "Did you mean `Manolio`? (surname similarity 93.3/100 with entry 2)"
    )


def test_two_capitalised_words_are_names_only_if_the_list_has_one_as_an_author() -> None:
    audit = _audit("Cases rose in Europe and Asia [1], as Smith and Green [2] found; see [3].")
    assert [m for m, _ in _mismatches(audit)] == [
        "Author mismatch: `Smith and Green` before call-out [2] names Smith, but entry 2 is"
        " `Manolio et al. (2009)`"
    ]


def test_a_name_before_a_superscript_is_checked() -> None:
    source = (
        "<p>Smith et al.<sup>1</sup> agree; Yang et al.<sup>2</sup> fitted SNPs.<sup>3</sup></p>"
        "<h2>References</h2><ol>"
        "<li>Smith JA, Brown K, Lee M. Heritability of height. Nat Genet. 2010;42(7):565-9.</li>"
        "<li>Manolio TA, Collins FS, Cox NJ. Finding the missing heritability of complex"
        " diseases. Nature. 2009;461(7265):747-53.</li>"
        "<li>Yang J, Benyamin B, McEvoy BP. Common SNPs explain a large proportion of the"
        " heritability for human height. Nat Genet. 2010;42(7):565-9.</li></ol>"
    )
    audit = audit_document(html_document("a.html", source))
    assert [d.data["cited_author"] for d in audit.diagnostics if d.code == "CIT104"] == ["Yang"]


def test_a_call_out_after_a_line_break_alone_names_nobody() -> None:
    # "\n\n[1]Duman, ..." gave an IndexError (found by the robustness property test).
    audit = audit_document(
        Document.plain(
            "a.txt",
            "\n\n[1]Duman, R. S., Li, N., & Aghajanian, G. (2012). Signaling pathways. "
            "Neuro, 62(1), 35-41. ",
        )
    )
    assert audit.problem is None
