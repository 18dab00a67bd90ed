"""No input crashes the offline audit: arbitrary bytes, text, Markdown and HTML."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.audit import Report, audit_document
from citecheck.document import Document
from citecheck.ingest import from_bytes
from citecheck.render.jsonreport import render
from citecheck.render.text import render_full

# Pieces that look like the things the extractors hunt for, so that random
# combinations reach deep into the reference-list, citation and link code.
_PIECES = st.sampled_from(
    [
        "(Duman et al., 2012)", "(Duman, 2012, 2016)", "Duman et al. (2012)", "[1]", "[2-4]",
        "(1)", "References\n", "## References\n", "\n\n", "\n", "- ", "1. ", "• ",
        "Duman, R. S., Li, N., & Aghajanian, G. (2012). Signaling pathways. Neuro, 62(1), 35-41. ",
        "doi:10.1016/j.neuropharm.2011.08.044 ", "https://doi.org/10.1038/", "(n.d.)", "et al.",
        "<p>", "</p>", "<sup>1,2</sup>", "<ol><li>", "</li></ol>", "<h2>References</h2>",
        "&amp;", "**", "_", "`", "[a](http://x)", "((", "))", ";", ",", " ", "Müller", "2019a",
        "Zarate CA Jr, Singh JB. A trial. Arch Gen Psychiatry. 2006;63(8):856-64.",
    ]
)  # fmt: skip
_DOCS = st.lists(_PIECES, max_size=40).map("".join)


def audit_as(name: str, data: bytes) -> None:
    doc = from_bytes(name, data)
    if not isinstance(doc, Document):
        return
    result = audit_document(doc)
    for d in result.diagnostics:
        assert d.start.line >= 1
        assert d.start.column >= 1
    # Rendering must not fail either; output determinism is checked elsewhere.
    report = Report((result,))
    render(report)
    render_full(report)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_no_citation_like_document_crashes_the_audit(text: str, name: str) -> None:
    audit_as(name, text.encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["a.txt", "a.md", "a.html", "a"]))
def test_no_bytes_crash_the_audit(data: bytes, name: str) -> None:
    audit_as(name, data)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_no_unicode_text_crashes_the_audit(text: str, name: str) -> None:
    audit_as(name, text.encode("utf-8", errors="surrogatepass"))
