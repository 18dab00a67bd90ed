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


def test_a_capital_glued_to_its_citation_still_cites() -> None:
    text = "Hepatitis B[5] is common, and hepatitis B[6] reactivation is feared."
    assert numbers(text, 30) == [5, 6]


@pytest.mark.parametrize("name", ["TNF-α", "IFNγ", "Aβ"])
def test_a_greek_letter_ending_a_molecules_name_glued_to_its_citation_still_cites(
    name: str,
) -> None:
    assert numbers(f"Levels of {name}[3] rose after surgery.", 30) == [3]


def test_a_citation_after_an_indexed_parameter_is_read() -> None:
    assert numbers("Here θ[4] is the Hill coefficient [17].", 30) == [17]


def test_a_square_after_an_indexed_variable_is_a_power() -> None:
    assert numbers("The within-study variance s[i]² is taken as known (3).", 30) == [3]


@pytest.mark.parametrize("unit", ["5 g²", "48 h²", "600 IU/d²"])
def test_a_superscript_citation_after_a_unit_still_cites(unit: str) -> None:
    assert numbers(f"Adults should take less than {unit} of it.", 30) == [2]


def test_a_default_in_a_programs_help_text_cites_nothing() -> None:
    text = "The help reads:\n\n    --threads INT   worker threads [8]\n    --block INT  [4096]\n"
    assert numbers(text, 29) == []


def test_a_bullet_written_with_a_dash_and_no_space_keeps_its_citation() -> None:
    assert numbers("Risk factors:\n-smoking [4]\n-obesity [5]\n", 29) == [4, 5]


def test_an_interval_with_thousands_separators_around_its_value_cites_nothing() -> None:
    assert numbers("It averted 2,310 [1,720–2,980] admissions.", 24) == []


def test_an_interval_whose_low_end_has_no_separator_cites_nothing() -> None:
    assert numbers("Adults gained 1,380 [990–1,820] days.", 24) == []


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("MS1 scans covered m/z [380, 980] at high resolution.", 28),
        ("The number of leaves was chosen from [16, 32, 64].", 20),
        ("Feature maps per level were [32, 64, 128, 256, 320].", 26),
    ],
)
def test_numbers_far_past_the_list_cite_nothing(text: str, last: int) -> None:
    assert numbers(text, last) == []


@pytest.mark.parametrize(
    ("text", "last", "cited"),
    [
        ("Two trials reported it [31, 32].", 30, [31, 32]),
        ("Two large trials found no effect [12, 13].", 5, [12, 13]),
        ("Reviews agree [25-27].", 12, [25, 26, 27]),
        ("Cohorts agree [8, 40, 41].", 15, [8, 40, 41]),
        ("Previous trials [25, 31] found no benefit.", 12, [25, 31]),
        ("Several cohorts [14, 22, 35] found no benefit.", 15, [14, 22, 35]),
    ],
)
def test_numbers_left_past_the_list_by_a_draft_stay_citations_to_report(
    text: str, last: int, cited: list[int]
) -> None:
    assert numbers(text, last) == cited


def test_one_number_far_past_the_list_stays_a_citation_to_report() -> None:
    assert numbers("It was reported before [4, 96].", 30) == [4, 96]


@pytest.mark.parametrize("name", ["IQR", "95% CI"])
def test_an_interval_named_before_it_cites_nothing(name: str) -> None:
    assert numbers(f"There were 3 lesions per scan ({name} [2, 6]).", 26) == []


@pytest.mark.parametrize("text", ["after a CI [12, 13]", "countries with a low HDI [4]"])
def test_a_cochlear_implant_or_an_index_keeps_its_citation(text: str) -> None:
    assert numbers(f"Outcomes improve {text}.", 26) != []


def test_a_distributions_display_is_numbered_as_an_equation() -> None:
    text = "The model is\n\n    y | θ ~ N(θ, s²),          (1)\n\nas before (4).\n"
    assert numbers(text, 23) == [4]


def test_round_brackets_that_cite_many_times_outweigh_ranks_in_square_ones() -> None:
    prose = " ".join(f"Finding {n} holds ({n})." for n in range(1, 13))
    table = "\n| APP | 21.4 [3] |\n| BIN1 | 2.9 [211] |\n| APOE | 1.7 [468] |\n"
    assert numbers(prose + table, 29) == list(range(1, 13))


def test_scale_points_in_round_brackets_do_not_outweigh_square_citations() -> None:
    prose = "Sleep was poor [1]. It is linked to stress [2, 3] and to work [4]. "
    scale = "Answers: never (1), rarely (2), sometimes (3), often (4), always (5). "
    bands = "Scores: low (3), moderate (4-6), high (7-9). " * 2
    assert numbers(prose + scale + bands, 7) == [1, 2, 3, 4]


def test_square_brackets_that_cite_keep_round_ones_for_other_things() -> None:
    prose = " ".join(f"Finding {n} holds [{n}]." for n in range(1, 6))
    assert numbers(prose + " Answers were coded yes (1) or no (2).", 29) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("text", ["Women numbered 20 (4).", "Tumours were T1 (34) or T2 (24)."])
def test_a_count_before_a_round_bracket_still_reads_as_a_value(text: str) -> None:
    assert numbers(text, 28) == []


@pytest.mark.parametrize(
    "text", ["an AR(1) process", "the ICC(2,1) for agreement", "a test, χ²(53) = 124.6,"]
)
def test_a_models_orders_run_into_a_round_bracket_cite_nothing(text: str) -> None:
    assert numbers(f"We fitted {text} (3).", 28) == [3]


def test_capitals_of_a_body_run_into_its_round_citation_still_cite() -> None:
    assert numbers("Guidance from the WHO(3) is followed.", 28) == [3]


@pytest.mark.parametrize(("cue", "cited"), [("see 27", [27]), ("see also 4, 5", [4, 5])])
def test_a_round_bracket_with_a_citing_word_cites(cue: str, cited: list[int]) -> None:
    assert numbers(f"Modes could not be separated ({cue}).", 28) == cited


@pytest.mark.parametrize(
    "text", ["Small values of k (e.g., 3, 4) are common.", "At days (7 and 14)."]
)
def test_a_round_bracket_of_example_values_cites_nothing(text: str) -> None:
    assert numbers(text, 30) == []


def test_a_round_bracket_with_a_citing_word_and_a_number_past_the_list_cites_nothing() -> None:
    assert numbers("Small values of k (see 3, 40) are common.", 30) == []


def test_a_round_bracket_with_a_citing_word_needs_a_numbered_list() -> None:
    assert numbers("Modes could not be separated (see 27).", 28, numbered=False) == []


@pytest.mark.parametrize(
    "text",
    [
        "Participants were adults (range [18–65]) with hernia [1].",
        "Parity was low (median 1, range [1–6]) in the cohort [1].",
        "We tuned the maximum tree depth in [2, 10] by cross-validation [1].",
        "The kernel width from [3, 15] was searched [1].",
        "The number of clusters was varied over [2, 12] as before [1].",
        'Data came from the "Malawi Demographic and Health Survey [2015–2016]" [1].',
        "The host [18]crown-6 binds potassium [1].",
        "Strain in [6]helicene and [60]fullerene differs ([10]CPP) [1].",
    ],
)
def test_values_in_square_brackets_beside_citations_cite_nothing(text: str) -> None:
    assert numbers(text, 12) == [1]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("The effect was reported in [2, 10] and later [11].", [2, 10, 11]),
        ("The therapeutic range [8, 9] is narrow.", [8, 9]),
    ],
)
def test_pairs_after_reporting_words_still_cite(text: str, cited: list[int]) -> None:
    assert numbers(text, 12) == cited
