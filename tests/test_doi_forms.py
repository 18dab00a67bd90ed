"""CIT202: DOIs not written as `https://doi.org/10.…` links."""

from __future__ import annotations

from citecheck.doi import written_doi
from support import audit_with_list

_LINKED = (
    "Gross, J. B., & Wilkens, H. (2013). Albinism in cavefish arises through the same Oca2 "
    "allele. Heredity, 111(2), 122–130. https://doi.org/10.1038/hdy.2013.26",
    "Fenton, A., & Rands, S. A. (2006). The impact of parasite manipulation on "
    "predator–prey communities. Ecology, 87(11), 2832–2841. https://doi.org/10.1890/0012-9658",
)
_BODY = "Cave fish lost their eyes (Gross & Wilkens, 2013); parasites steer (Fenton & Rands, 2006)."


def _cit202(*entries: str) -> list[str]:
    audit = audit_with_list(_BODY, *entries)
    return [d.message for d in audit.diagnostics if d.code == "CIT202"]


def test_a_doi_linked_through_dx_doi_org_is_non_canonical() -> None:
    entry = _LINKED[0].replace("https://doi.org/", "http://dx.doi.org/")
    assert _cit202(entry, _LINKED[1]) == [
        "Entry 1 writes its DOI as `http://dx.doi.org/10.1038/hdy.2013.26`; the canonical form"
        " is `https://doi.org/10.1038/hdy.2013.26`"
    ]


def test_a_doi_label_in_a_list_of_links_is_non_canonical() -> None:
    entry = _LINKED[0].replace("https://doi.org/", "doi:")
    third = _LINKED[1].replace("Fenton, A.", "Fenton, B.").replace("0012-9658", "0012-9659")
    assert _cit202(entry, _LINKED[1], third) == [
        "Entry 1 writes its DOI as `doi:10.1038/hdy.2013.26`; the canonical form is"
        " `https://doi.org/10.1038/hdy.2013.26`"
    ]


def test_doi_labels_where_the_list_writes_them_so_are_its_style() -> None:
    labelled = [e.replace("https://doi.org/", "doi:") for e in _LINKED]
    assert _cit202(*labelled) == []


def test_links_to_https_doi_org_are_canonical() -> None:
    assert _cit202(*_LINKED) == []


def test_the_written_form_of_a_doi_is_read_with_its_prefix() -> None:
    raw = "Smith, J. (2020). Title. Journal, 1, 2. DOI: 10.1000/ABC.1"
    assert written_doi(raw, "10.1000/abc.1") == (40, 58, "label")
