"""Web addresses as compared (`urls.page_key`), and what that decides: an entry whose
address the text links to is cited."""

from __future__ import annotations

from citecheck.audit import audit_document
from citecheck.document import Document
from citecheck.urls import page_key

_NEWS = """Noise at night raised the risk of waking (the council's own survey,
https://www.noise.example.org/survey-2021/).

References

Easthaven City Council. (2021). Household noise survey 2021. http://noise.example.org/survey-2021
"""


def test_a_page_is_the_same_over_http_and_https_and_with_www() -> None:
    assert page_key("https://www.Noise.example.org/survey-2021/") == page_key(
        "http://noise.example.org/survey-2021"
    )


def test_a_pages_path_keeps_its_case() -> None:
    assert page_key("https://example.org/Report.pdf") != page_key("https://example.org/report.pdf")


def test_the_sentences_full_stop_after_an_address_is_no_part_of_it() -> None:
    assert page_key("https://example.org/a.") == "example.org/a"


def test_an_entry_linked_with_another_scheme_and_www_is_cited() -> None:
    audit = audit_document(Document.plain("news.txt", _NEWS))
    assert [d.code for d in audit.diagnostics if d.code == "CIT102"] == []
