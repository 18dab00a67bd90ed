"""Notes that cite the list by name and year, cited by number in the text (Wikipedia's
short citations, Chicago's short notes)."""

from __future__ import annotations

from citecheck.audit import audit_document
from citecheck.document import Document
from citecheck.shortnotes import rewrite

_PAGE = (
    "Snow compared two water companies.[1] Employment did not fall.[2] Studies have "
    "shown that trends differ.[3]\n\n"
    "Notes\n\n"
    "1. ^ Snow 1855.\n"
    "2. ^ Card & Krueger 1994, p. 780.\n"
    "3. ^ Roth et al. 2023; Snow 1855.\n\n"
    "Sources\n\n"
    '• Card, David; Krueger, Alan B. (1994). "Minimum wages and employment". American '
    "Economic Review. 84 (4): 772–793.\n"
    "• Roth, Jonathan; Sant'Anna, Pedro H. C.; Bilinski, Alyssa; Poe, John (2023). "
    '"What\'s trending in difference-in-differences?". Journal of Econometrics. 235 (2): '
    "2218–2244.\n"
    "• Snow, John (1855). On the Mode of Communication of Cholera. London: John Churchill.\n\n"
    "Further reading\n\n"
    '• Lechner, Michael (2011). "The estimation of causal effects". Foundations and '
    "Trends in Econometrics. 4 (3): 165–224.\n"
)


def test_each_short_note_is_bracketed_in_place() -> None:
    short = rewrite(_PAGE, _PAGE.index("Sources"))
    assert short is not None
    assert len(short.text) == len(_PAGE)
    assert "1. ^(Snow 1855)" in short.text
    assert "3. ^(Roth et al. 2023; Snow 1855)" in short.text
    assert [_PAGE[m.start : m.end] for m in short.marks] == ["[1]", "[2]", "[3]"]


def test_a_notes_list_of_remarks_is_no_short_citation_list() -> None:
    text = "It held.[1]\n\nNotes\n\n1. The figure is rounded.\n2. See the appendix.\n\nSources\n"
    assert rewrite(text, text.index("Sources")) is None


def test_short_notes_cite_the_list_and_their_marks_support_claims() -> None:
    audit = audit_document(Document.plain("page.txt", _PAGE))
    assert audit.extraction is not None
    assert [(c.authors, c.year) for c in audit.extraction.citations] == [
        (("Snow",), "1855"),
        (("Card", "Krueger"), "1994"),
        (("Roth",), "2023"),
        (("Snow",), "1855"),
    ]
    assert audit.diagnostics == ()
