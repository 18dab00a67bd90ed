"""Bracketed numbers of computational and statistical writing that cite nothing:
indexes, defaults, intervals, grids, equation numbers, model orders; and the citations
beside them that must still be read.  Our own sentences, in the forms of the
computational probe articles (session 30)."""

from __future__ import annotations

import pytest

from citecheck.citations import find_citations


def numbers(text: str, last: int, *, numbered: bool = True) -> list[int | None]:
    return [c.number for c in find_citations(text, numbered_list=numbered, last_number=last)]


@pytest.mark.parametrize(
    "text",
    [
        "Each study has a known variance s[1], s[2] and so on.",
        "Clearance scales with θ[1] and the weight exponent.",
        "The residual has Var[ε[1]] = σ[1]².",
        "We also estimated the covariance Ω[1, 2].",
    ],
)
def test_an_index_run_into_a_small_or_greek_letter_cites_nothing(text: str) -> None:
    assert numbers(text, 30) == []


def test_a_capital_indexed_twice_is_a_vector() -> None:
    assert numbers("The state holds S[1] to S[5] for the five age groups.", 30) == []


def test_a_capital_glued_once_to_its_citation_still_cites() -> None:
    assert numbers("Vaccination against hepatitis B[5] is routine.", 30) == [5]


def test_a_greek_letter_of_a_molecule_glued_to_its_citation_still_cites() -> None:
    assert numbers("Levels of TNF-α[3] rose after surgery.", 30) == [3]


def test_a_citation_after_an_indexed_parameter_is_read() -> None:
    assert numbers("Here θ[4] is the Hill coefficient [17].", 30) == [17]


def test_a_square_after_an_indexed_variable_is_a_power() -> None:
    assert numbers("The within-study variance s[i]² is taken as known (3).", 30) == [3]


def test_a_default_in_a_programs_help_text_cites_nothing() -> None:
    text = "The help reads:\n\n    --threads INT   worker threads [8]\n    --block INT  [4096]\n"
    assert numbers(text, 29) == []


def test_an_interval_with_thousands_separators_around_its_value_cites_nothing() -> None:
    assert numbers("It averted 2,310 [1,720–2,980] admissions.", 24) == []


def test_an_interval_whose_low_end_has_no_separator_cites_nothing() -> None:
    assert numbers("Adults gained 1,380 [990–1,820] days.", 24) == []


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("MS1 scans covered m/z [380, 980] at high resolution.", 28),
        ("The number of leaves was chosen from [16, 32, 64].", 30),
        ("Feature maps per level were [32, 64, 128, 256, 320].", 26),
    ],
)
def test_numbers_far_past_the_list_cite_nothing(text: str, last: int) -> None:
    assert numbers(text, last) == []


def test_numbers_just_past_the_list_stay_citations_to_report() -> None:
    assert numbers("Two trials reported it [31, 32].", 30) == [31, 32]


def test_one_number_far_past_the_list_stays_a_citation_to_report() -> None:
    assert numbers("It was reported before [4, 96].", 30) == [4, 96]


def test_an_interquartile_range_named_before_it_cites_nothing() -> None:
    assert numbers("There were 3 lesions per scan (median, IQR [2, 6]).", 26) == []


def test_a_distributions_display_is_numbered_as_an_equation() -> None:
    text = "The model is\n\n    y | θ ~ N(θ, s²),          (1)\n\nas before (4).\n"
    assert numbers(text, 23) == [4]


def test_round_brackets_that_cite_many_times_outweigh_ranks_in_square_ones() -> None:
    prose = " ".join(f"Finding {n} holds ({n})." for n in range(1, 13))
    table = "\n| APP | 21.4 [3] |\n| BIN1 | 2.9 [7] |\n| APOE | 1.7 [9] |\n"
    assert numbers(prose + table, 29) == list(range(1, 13))


def test_square_brackets_that_cite_keep_round_ones_for_other_things() -> None:
    prose = " ".join(f"Finding {n} holds [{n}]." for n in range(1, 6))
    assert numbers(prose + " Answers were coded yes (1) or no (2).", 29) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("name", ["PHQ-9", "COVID-19", "GRCh38"])
def test_a_name_that_ends_in_a_number_keeps_its_round_citation(name: str) -> None:
    assert numbers(f"We used the {name} (21).", 28) == [21]


def test_a_count_before_a_round_bracket_still_reads_as_a_value() -> None:
    assert numbers("Women numbered 20 (4).", 28) == []


@pytest.mark.parametrize("text", ["an AR(1) process", "the ICC(2,1) for agreement"])
def test_capitals_run_into_a_round_bracket_give_a_models_orders(text: str) -> None:
    assert numbers(f"We fitted {text} (3).", 28) == [3]


@pytest.mark.parametrize(("cue", "cited"), [("see 27", [27]), ("e.g., 4, 5", [4, 5])])
def test_a_round_bracket_with_a_citing_word_cites(cue: str, cited: list[int]) -> None:
    assert numbers(f"Modes could not be separated ({cue}).", 28) == cited


def test_a_round_bracket_with_a_citing_word_and_a_number_past_the_list_cites_nothing() -> None:
    assert numbers("Small values of k (e.g., 3, 40) are common.", 30) == []


def test_a_round_bracket_with_a_citing_word_needs_a_numbered_list() -> None:
    assert numbers("Modes could not be separated (see 27).", 28, numbered=False) == []
