"""Citations by key against a list labelled by keys, as LaTeX's alpha styles print them
("[Knu98]" in the text, "[Knu98] D. E. Knuth. ..." in the list)."""

from __future__ import annotations

import re

import pytest

from citecheck.audit import audit_document
from citecheck.document import Document
from citecheck.ingest import from_bytes
from citecheck.keycites import find_key_citations
from citecheck.refsection import WIDE_KEY

_LIST = (
    "References\n\n"
    "[ECW92] V. Estivill-Castro and D. Wood. A survey of adaptive sorting algorithms. "
    "ACM Computing Surveys, 24(4):441–476, 1992.\n\n"
    "[KBC+18] T. Kraska, A. Beutel, E. H. Chi, J. Dean, and N. Polyzotis. The case for "
    "learned index structures. In SIGMOD, pages 489–504, 2018.\n\n"
    "[Knu98] D. E. Knuth. The Art of Computer Programming, Volume 3: Sorting and "
    "Searching. Addison-Wesley, 2nd edition, 1998.\n\n"
    "[Sed78] R. Sedgewick. Implementing Quicksort programs. Communications of the ACM, "
    "21(10):847–857, 1978.\n"
)
_LABELS = frozenset({"ECW92", "KBC+18", "Knu98", "Sed78"})


def _keys(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (text[k.span.start : k.span.end], k.label, k.prefix, k.locator)
        for k in find_key_citations(text, 0, len(text), _LABELS)
    ]


def _audit(body: str, path: str = "notes.txt") -> tuple[list[str], list[str]]:
    audit = audit_document(Document.plain(path, body + "\n\n" + _LIST))
    assert audit.extraction is not None
    cited = [
        f"{c.label}->{','.join(r.label or '' for r in lk.references)}"
        for c, lk in zip(audit.extraction.citations, audit.links, strict=True)
    ]
    return cited, [f"{d.code} {d.message}" for d in audit.diagnostics]


def test_a_bracket_of_keys_cites_each_key() -> None:
    assert _keys("adaptive sorts [ECW92, Sed78; KBC+18].") == [
        ("ECW92", "ECW92", None, None),
        ("Sed78", "Sed78", None, None),
        ("KBC+18", "KBC+18", None, None),
    ]


def test_a_key_keeps_its_prefix_and_locator() -> None:
    assert _keys("[see Knu98, p. 114] and [e.g., Sed78, Theorem 2]") == [
        ("Knu98", "Knu98", "see", "p. 114"),
        ("Sed78", "Sed78", "e.g.", "Theorem 2"),
    ]


def test_a_remark_longer_than_a_locator_makes_the_bracket_no_citation() -> None:
    assert (
        _keys("[Knu98 is followed here by a remark that runs on past what a locator holds]") == []
    )


def test_words_before_the_first_key_make_the_bracket_no_citation() -> None:
    assert _keys("see [the appendix, Sed78]") == []


def test_an_unlisted_key_of_the_alpha_shape_is_read() -> None:
    assert _keys("[Tar72]") == [("Tar72", "Tar72", None, None)]


def test_an_unlisted_one_letter_key_is_not_read() -> None:
    assert _keys("cell [A12] of the grid") == []


def test_a_pdf_space_after_the_plus_is_no_part_of_the_key() -> None:
    assert _keys("[KBC+ 18]") == [("KBC+ 18", "KBC+18", None, None)]


def test_key_citations_link_to_their_entries() -> None:
    cited, findings = _audit(
        "Knuth [Knu98, p. 114] treats merging; adaptive sorts follow [ECW92, Sed78] and "
        "learned indexes [KBC+18] change the picture."
    )
    assert cited == ["Knu98->Knu98", "ECW92->ECW92", "Sed78->Sed78", "KBC+18->KBC+18"]
    assert findings == []


def test_a_key_no_entry_carries_is_a_citation_without_reference() -> None:
    cited, findings = _audit(
        "Merging [Knu98], adaptive sorts [ECW92], learned indexes [KBC+18] and Quicksort [Sed79]."
    )
    assert cited[-1] == "Sed79->"
    assert findings == [
        "CIT101 Citation `[Sed79]` matches no key of the reference list",
        "CIT102 Reference `Sedgewick (1978)` is never cited in the text",
    ]


def test_an_unlisted_key_names_the_nearest_key_in_its_help() -> None:
    audit = audit_document(
        Document.plain("notes.txt", "[Knu98] [ECW92] [KBC+18] [Sed79]\n\n" + _LIST)
    )
    (missing,) = [d for d in audit.diagnostics if d.code == "CIT101"]
    assert (
        missing.help == "No entry carries this key; the nearest is `[Sed78]` (`Sedgewick (1978)`)"
    )
    assert missing.data["closest_reference_id"] == "ref-4"


def test_an_uncited_keyed_entry_is_reported() -> None:
    _, findings = _audit("Merging [Knu98] and adaptive sorts [ECW92, Sed78].")
    assert findings == ["CIT102 Reference `Kraska et al. (2018)` is never cited in the text"]


def test_a_bracketed_number_cites_nothing_beside_a_keyed_list() -> None:
    cited, findings = _audit(
        "By equation [3] and [Knu98], merging is stable; see [ECW92, Sed78] and [KBC+18]."
    )
    assert cited == ["Knu98->Knu98", "ECW92->ECW92", "Sed78->Sed78", "KBC+18->KBC+18"]
    assert findings == []


def test_keys_are_read_after_a_bullet_in_markdown() -> None:
    text = (
        "# Notes\n\nMerging [Knu98] and adaptive sorts [ECW92; Sed78, §2].\n\n## References\n\n"
        "- [ECW92] V. Estivill-Castro and D. Wood. A survey of adaptive sorting algorithms. "
        "ACM Computing Surveys, 24(4):441–476, 1992.\n"
        "- [Knu98] D. E. Knuth. The Art of Computer Programming, Volume 3. Addison-Wesley, 1998.\n"
        "- [Sed78] R. Sedgewick. Implementing Quicksort programs. Communications of the "
        "ACM, 21(10):847–857, 1978.\n"
    )
    doc = from_bytes("notes.md", text.encode())
    assert isinstance(doc, Document)
    audit = audit_document(doc)
    assert audit.extraction is not None
    assert [r.label for r in audit.extraction.references] == ["ECW92", "Knu98", "Sed78"]
    assert [r.raw[:16] for r in audit.extraction.references] == [
        "V. Estivill-Cast",
        "D. E. Knuth. The",
        "R. Sedgewick. Im",
    ]
    assert [c.locator for c in audit.extraction.citations] == [None, None, "§2"]
    assert audit.diagnostics == ()


def test_keys_in_an_html_definition_list_label_the_entries_below_them() -> None:
    html = (
        "<html><body><p>Merging [<a href='#k'>Knu98</a>] and Quicksort [Sed78].</p>"
        "<h2>References</h2><dl>"
        "<dt id='k'>[Knu98]</dt><dd>D. E. Knuth. <i>The Art of Computer Programming, "
        "Volume 3</i>. Addison-Wesley, 1998.</dd>"
        "<dt>[Sed78]</dt><dd>R. Sedgewick. Implementing Quicksort programs. "
        "<i>Communications of the ACM</i>, 21(10):847–857, 1978.</dd>"
        "</dl></body></html>"
    )
    doc = from_bytes("notes.html", html.encode())
    assert isinstance(doc, Document)
    audit = audit_document(doc)
    assert audit.extraction is not None
    assert [(r.label, r.first_family) for r in audit.extraction.references] == [
        ("Knu98", "Knuth"),
        ("Sed78", "Sedgewick"),
    ]
    assert [c.label for c in audit.extraction.citations] == ["Knu98", "Sed78"]
    assert audit.diagnostics == ()


def test_one_keyed_entry_does_not_make_a_keyed_list() -> None:
    text = (
        "Merging is stable (Knuth, 1998) and cell [AB12] holds the total.\n\n"
        "References\n\n"
        "[Knu98] Knuth, D. E. (1998). The art of computer programming. Addison-Wesley.\n\n"
        "Sedgewick, R. (1978). Implementing Quicksort programs. Communications of the "
        "ACM, 21(10), 847–857.\n"
    )
    audit = audit_document(Document.plain("a.txt", text))
    assert audit.extraction is not None
    assert [c.kind for c in audit.extraction.citations] == ["author-year"]


def test_keys_of_particles_apostrophes_and_accented_initials_label_entries() -> None:
    text = (
        "Lattices [L'E99] and the PCG family [O'N14] extend [vzGG13] and [Łuc90].\n\n"
        "References\n\n"
        "[L'E99] P. L'Ecuyer. Tables of linear congruential generators. Mathematics of "
        "Computation, 68(225):249–260, 1999.\n"
        "[Łuc90] T. Łuczak. Component behavior near the critical point of the random graph "
        "process. Random Structures & Algorithms, 1(3):287–310, 1990.\n"
        "[O'N14] M. E. O'Neill. PCG: a family of simple fast generators. Technical report, "
        "Harvey Mudd College, 2014.\n"
        "[vzGG13] J. von zur Gathen and J. Gerhard. Modern Computer Algebra. Cambridge "
        "University Press, 3rd edition, 2013.\n"
    )
    audit = audit_document(Document.plain("notes.txt", text))
    assert audit.extraction is not None
    assert [r.label for r in audit.extraction.references] == ["L'E99", "Łuc90", "O'N14", "vzGG13"]
    assert [c.label for c in audit.extraction.citations] == ["L'E99", "O'N14", "vzGG13", "Łuc90"]
    assert audit.diagnostics == ()


def test_a_bracket_of_keys_may_wrap_at_a_line_end() -> None:
    assert _keys("as shown before [ECW92,\nSed78].") == [
        ("ECW92", "ECW92", None, None),
        ("Sed78", "Sed78", None, None),
    ]


def test_a_bracket_does_not_reach_across_a_paragraph() -> None:
    assert _keys("an open bracket [ECW92,\n\nSed78] here") == []


def test_several_cue_words_before_the_first_key_are_its_prefix() -> None:
    assert _keys("[see, e.g., Knu98]") == [("Knu98", "Knu98", "see, e.g.", None)]


# --------------------------------------------------------------------------- RFCs, own keys

_RFC = (
    "1.  Introduction\n\n"
    "   The key words are to be interpreted as described in BCP 14 [RFC2119].  This\n"
    "   profile uses TLS 1.3 [RFC8446] and Encrypted Client Hello [I-D.ietf-tls-esni].\n\n"
    "2.  References\n\n"
    "2.1.  Normative References\n\n"
    '   [RFC2119]  Bradner, S., "Key words for use in RFCs to Indicate Requirement\n'
    '              Levels", BCP 14, RFC 2119, DOI 10.17487/RFC2119, March 1997.\n\n'
    '   [RFC8446]  Rescorla, E., "The Transport Layer Security (TLS) Protocol\n'
    '              Version 1.3", RFC 8446, DOI 10.17487/RFC8446, August 2018.\n\n'
    "2.2.  Informative References\n\n"
    "   [I-D.ietf-tls-esni]\n"
    '              Rescorla, E., Oku, K., Sullivan, N., and C. A. Wood, "TLS\n'
    '              Encrypted Client Hello", Work in Progress, Internet-Draft,\n'
    "              draft-ietf-tls-esni-22, 15 September 2024.\n"
)


def _labels_and_findings(doc: Document) -> tuple[list[str | None], list[str]]:
    audit = audit_document(doc)
    assert audit.extraction is not None
    labels = [r.label for r in audit.extraction.references]
    return labels, [f"{d.code} {d.message}" for d in audit.diagnostics]


def test_an_rfcs_normative_and_informative_lists_are_one_list() -> None:
    labels, findings = _labels_and_findings(Document.plain("rfc.txt", _RFC))
    assert (labels, findings) == (["RFC2119", "RFC8446", "I-D.ietf-tls-esni"], [])


def test_an_rfcs_informative_list_alone_is_a_list() -> None:
    text = _RFC.replace(
        "2.  References\n\n2.1.  Normative References", "2.  Informative References"
    )
    labels, _ = _labels_and_findings(Document.plain("rfc.txt", text))
    assert labels == ["RFC2119", "RFC8446", "I-D.ietf-tls-esni"]


def test_an_rfcs_html_parts_with_keys_in_their_own_lines_are_one_list() -> None:
    source = (
        "<p>Described in BCP 14 <a href='#RFC2119'>[RFC2119]</a>; keys by HKDF"
        " <a href='#RFC5869'>[RFC5869]</a>.</p>\n"
        "<h2>2. References</h2>\n<h3>2.1. Normative References</h3>\n<dl>\n"
        '<dt>[RFC2119]</dt><dd>Bradner, S., "Key words for use in RFCs to Indicate'
        ' Requirement Levels", BCP 14, RFC 2119, March 1997.</dd>\n</dl>\n'
        "<h3>2.2. Informative References</h3>\n<dl>\n"
        '<dt>[RFC5869]</dt><dd>Krawczyk, H. and P. Eronen, "HMAC-based Extract-and-Expand'
        ' Key Derivation Function (HKDF)", RFC 5869, May 2010.</dd>\n</dl>\n'
    )
    doc = from_bytes("rfc.html", source.encode())
    assert isinstance(doc, Document)
    assert _labels_and_findings(doc) == (["RFC2119", "RFC5869"], [])


_AUTHOR_KEYS = (
    "Clocks come from [Lamport:1978]; replication is surveyed in [Schneider1990]; TeX\n"
    "breaks paragraphs as in [Knuth:1981, p. 1120].\n\n"
    "## References\n\n"
    "- [Knuth:1981] Donald E. Knuth and Michael F. Plass. Breaking paragraphs into lines."
    " *Software: Practice and Experience*, 11(11):1119–1184, 1981.\n"
    "- [Lamport:1978] Leslie Lamport. Time, clocks, and the ordering of events in a"
    " distributed system. *Communications of the ACM*, 21(7):558–565, 1978.\n"
    "- [Schneider1990] Fred B. Schneider. Implementing fault-tolerant services using the"
    " state machine approach. *ACM Computing Surveys*, 22(4):299–319, 1990.\n"
)


def test_keys_an_author_chose_label_the_entries_and_are_cited() -> None:
    doc = from_bytes("notes.md", _AUTHOR_KEYS.encode())
    assert isinstance(doc, Document)
    assert _labels_and_findings(doc) == (["Knuth:1981", "Lamport:1978", "Schneider1990"], [])


def test_an_unlisted_key_dated_as_the_lists_own_is_a_citation_without_reference() -> None:
    doc = from_bytes(
        "notes.md", _AUTHOR_KEYS.replace("[Lamport:1978];", "[Lamport:1987];").encode()
    )
    assert isinstance(doc, Document)
    _, findings = _labels_and_findings(doc)
    assert findings == [
        "CIT101 Citation `[Lamport:1987]` matches no key of the reference list",
        "CIT102 Reference `Lamport (1978)` is never cited in the text",
    ]


@pytest.mark.parametrize(
    ("key", "shaped"),
    [
        ("Knuth:1981", True),
        ("Schneider1990", True),
        ("I-D.ietf-tls-esni", True),
        ("IANA", True),
        ("QUIC-TLS", True),
        ("Internet", False),  # Vancouver's "[Internet]" after a title
        ("Online", False),
        ("sic", False),
        ("Knuth:", False),
    ],
)
def test_a_key_an_author_chose_has_a_digit_a_stop_or_capitals(key: str, shaped: bool) -> None:
    assert (re.fullmatch(WIDE_KEY, key) is not None) == shaped
