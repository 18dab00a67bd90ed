from __future__ import annotations

import pytest

from citecheck.acronyms import body_abbreviations, body_initials, in_capitals


def test_initials_of_every_word_but_the_small_ones() -> None:
    assert body_initials("World Health Organization") == {"who"}


def test_initials_of_the_part_before_and() -> None:
    assert "cdc" in body_initials("Centers for Disease Control and Prevention")


def test_department_is_cited_without_its_noun_or_country() -> None:
    assert "hhs" in body_abbreviations("U.S. Department of Health and Human Services")


def test_words_in_capitals_are_kept_whole() -> None:
    assert "ukhsa" in body_abbreviations("UK Health Security Agency")


def test_a_uk_body_keeps_its_country() -> None:
    assert "hsa" not in body_abbreviations("UK Health Security Agency")


def test_small_words_of_for_on_may_give_their_letter() -> None:
    assert "cope" in body_abbreviations("Committee on Publication Ethics")


def test_renamed_body_keeps_its_old_abbreviation() -> None:
    assert "nice" in body_abbreviations("National Institute for Health and Care Excellence")


def test_further_abbreviations_have_three_letters_or_more() -> None:
    # "U.S. Department of Veterans Affairs" would be "va": too near short surnames.
    assert "va" not in body_abbreviations("U.S. Department of Veterans Affairs")


def test_a_uk_department_keeps_its_noun() -> None:
    assert "hsc" not in body_abbreviations("Department of Health and Social Care")


def test_a_comma_ends_a_word_of_the_initials() -> None:
    assert "defra" in body_initials("Department for Environment, Food and Rural Affairs")


@pytest.mark.parametrize(("name", "capitals"), [("NICE", True), ("DfE", True), ("UK NSC", True), ("Nice", False), ("Doh", False), ("Defra", False)])  # fmt: skip
def test_a_name_in_capitals_is_an_abbreviation(name: str, capitals: bool) -> None:
    assert in_capitals(name) is capitals
