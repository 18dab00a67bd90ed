"""DOI syntax: normalising DOIs as written, SICI DOIs, invisible characters."""

from __future__ import annotations

import pytest

from citecheck.doi import DOI_RE, normalize_doi, trim_doi

SICI = "10.1002/(SICI)1097-4636(199706)35:4<455::AID-JBM7>3.0.CO;2-C"


def test_sici_doi_is_well_formed() -> None:
    assert normalize_doi(SICI) == SICI.lower()


def test_sici_doi_behind_a_resolver_url_percent_encoded() -> None:
    url = "https://doi.org/10.1002/(SICI)1097-4636(199706)35:4%3C455::AID-JBM7%3E3.0.CO;2-C"
    assert normalize_doi(url) == SICI.lower()


def test_sici_doi_is_found_whole_in_running_text() -> None:
    text = f"J Biomed Mater Res 35(4):455-62. {SICI}. Epub."
    assert [trim_doi(m.group(0)) for m in DOI_RE.finditer(text)] == [SICI]


def test_unbalanced_trailing_angle_bracket_is_trimmed() -> None:
    assert normalize_doi(f"{SICI}>") == SICI.lower()


def test_angle_bracket_after_a_plain_doi_is_not_part_of_it() -> None:
    assert [m.group(0) for m in DOI_RE.finditer("<10.1000/xyz>")] == ["10.1000/xyz"]


@pytest.mark.parametrize("written", ["10.1000/a<b", "10.1000/a>b", "10.1000/a>b<c"])
def test_unbalanced_angle_brackets_inside_are_malformed(written: str) -> None:
    assert normalize_doi(written) is None


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_zero_width_characters_are_stripped(invisible: str) -> None:
    assert normalize_doi(f"10.1038/nm{invisible}.4050") == "10.1038/nm.4050"


def test_zero_width_character_before_trailing_punctuation() -> None:
    assert normalize_doi("doi:10.1038/nm.4050.\u200b") == "10.1038/nm.4050"


def test_zero_width_characters_alone_do_not_make_a_doi() -> None:
    assert normalize_doi("10.1038/\u200b\u200b") is None


def test_parentheses_are_kept_when_balanced() -> None:
    assert normalize_doi("https://doi.org/10.1016/S0140-6736(20)31180-6).") == (
        "10.1016/s0140-6736(20)31180-6"
    )
