from __future__ import annotations

from citecheck.acronyms import body_acronyms


def test_initials_of_every_word_but_the_small_ones() -> None:
    assert body_acronyms("World Health Organization") == {"who"}


def test_department_is_cited_without_its_noun_or_country() -> None:
    assert "hhs" in body_acronyms("U.S. Department of Health and Human Services")


def test_words_in_capitals_are_kept_whole() -> None:
    assert "ukhsa" in body_acronyms("UK Health Security Agency")


def test_renamed_body_keeps_its_old_abbreviation() -> None:
    assert "nice" in body_acronyms("National Institute for Health and Care Excellence")


def test_new_readings_give_no_two_letter_abbreviation() -> None:
    # "Department of Veterans Affairs" would be "va": too near short surnames.
    assert body_acronyms("Department of Veterans Affairs") == {"dva", "dova"}
