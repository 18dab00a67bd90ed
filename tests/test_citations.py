"""In-text citation detection: what counts as a citation, and what its parts are."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.audit import audit_document
from citecheck.citations import find_citations, writes_surnames_in_capitals
from citecheck.document import Document
from citecheck.markup import html_document
from citecheck.model import Citation, Span


def cites(text: str, **kwargs: object) -> list[Citation]:
    return find_citations(text, **kwargs)  # type: ignore[arg-type]


def summary(text: str, **kwargs: object) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [(c.text, c.authors, c.year) for c in cites(text, **kwargs)]


def test_parenthetical_et_al() -> None:
    [c] = cites("Neurons shrink (Duman et al., 2012).")
    assert (c.text, c.authors, c.et_al, c.year, c.narrative) == (
        "Duman et al., 2012",
        ("Duman",),
        True,
        "2012",
        False,
    )


def test_parenthetical_span_excludes_the_brackets() -> None:
    text = "Neurons shrink (Duman et al., 2012)."
    [c] = cites(text)
    assert c.span == Span(text.index("Duman"), text.index(")"))


def test_several_works_in_one_bracket_share_a_group() -> None:
    found = cites("Fast effects (Li et al., 2010; Zanos et al., 2016).")
    assert [(c.text, c.group) for c in found] == [("Li et al., 2010", 1), ("Zanos et al., 2016", 1)]


def test_prefix_is_not_part_of_the_citation() -> None:
    [c] = cites("Spines return (e.g., Moda-Sava et al., 2019).")
    assert (c.text, c.prefix, c.authors) == ("Moda-Sava et al., 2019", "e.g.", ("Moda-Sava",))


def test_see_prefix() -> None:
    [c] = cites("For the mechanism (see Abdallah et al., 2018).")
    assert (c.text, c.prefix) == ("Abdallah et al., 2018", "see")


def test_page_locator_is_kept() -> None:
    [c] = cites("A quote (Duman et al., 2012, p. 37).")
    assert (c.text, c.locator, c.year) == ("Duman et al., 2012, p. 37", "p. 37", "2012")


def test_one_author_several_years() -> None:
    assert summary("Reviews (Duman, 2012, 2016) agree.") == [
        ("Duman, 2012", ("Duman",), "2012"),
        ("2016", ("Duman",), "2016"),
    ]


def test_year_letters_after_one_year() -> None:
    found = cites("Two papers (Duman, 2012a, b).")
    assert [(c.text, c.year, c.year_suffix) for c in found] == [
        ("Duman, 2012a", "2012", "a"),
        ("b", "2012", "b"),
    ]


def test_year_letter_is_read_in_lower_case() -> None:
    [c] = cites("As shown (Duman, 2012B).")
    assert (c.year, c.year_suffix) == ("2012", "b")


def test_two_authors_with_ampersand() -> None:
    [c] = cites("Synapses (Duman & Aghajanian, 2012).")
    assert (c.authors, c.et_al) == (("Duman", "Aghajanian"), False)


def test_three_authors_listed() -> None:
    [c] = cites("As shown (Collo, Cavalleri, & Merlo Pich, 2019).")
    assert c.authors == ("Collo", "Cavalleri", "Merlo Pich")


def test_harvard_without_comma() -> None:
    [c] = cites("Shown before (Zanos et al. 2016).")
    assert (c.authors, c.year) == (("Zanos",), "2016")


def test_group_author() -> None:
    [c] = cites("Depression is common (World Health Organization, 2017).")
    assert c.authors == ("World Health Organization",)


def test_group_author_with_connector() -> None:
    [c] = cites("Guidance exists (National Institute of Mental Health, 2023).")
    assert c.authors == ("National Institute of Mental Health",)


def test_group_author_declaring_its_abbreviation_apa_style() -> None:
    [c] = cites("Depression is common (National Institute of Mental Health [NIMH], 2020).")
    assert (c.text, c.authors, c.abbreviation, c.year) == (
        "National Institute of Mental Health [NIMH], 2020",
        ("National Institute of Mental Health",),
        "NIMH",
        "2020",
    )


def test_group_author_declaring_its_abbreviation_inside_its_name() -> None:
    [c] = cites(
        "Staging follows the guideline (Kidney Disease: Improving Global Outcomes [KDIGO] "
        "CKD Work Group, 2024)."
    )
    assert (c.text, c.authors, c.abbreviation, c.year) == (
        "Kidney Disease: Improving Global Outcomes [KDIGO] CKD Work Group, 2024",
        ("Kidney Disease: Improving Global Outcomes CKD Work Group",),
        "KDIGO CKD Work Group",
        "2024",
    )


def test_a_body_cited_with_its_abbreviation_inside_links_both_forms() -> None:
    text = (
        "Staging follows the guideline (Kidney Disease: Improving Global Outcomes [KDIGO] "
        "CKD Work Group, 2024). Tight control helped (see UK Prospective Diabetes Study "
        "[UKPDS] Group, 1998), as later reviews agree (KDIGO CKD Work Group, 2024; UKPDS "
        "Group, 1998).\n\nReferences\n\n"
        "Kidney Disease: Improving Global Outcomes (KDIGO) CKD Work Group. (2024). KDIGO "
        "2024 clinical practice guideline for the evaluation and management of chronic "
        "kidney disease. Kidney International, 105(4S), S117-S314.\n\n"
        "UK Prospective Diabetes Study Group. (1998). Intensive blood-glucose control with "
        "sulphonylureas or insulin compared with conventional treatment. The Lancet, "
        "352(9131), 837-853.\n"
    )
    assert audit_document(Document.plain("a.txt", text)).diagnostics == ()


def test_citation_without_a_bracketed_abbreviation_declares_none() -> None:
    [c] = cites("Guidance exists (National Institute of Mental Health, 2023).")
    assert c.abbreviation is None


def test_particle_surname() -> None:
    [c] = cites("Early work (van der Kolk, 2014) showed it.")
    assert c.authors == ("van der Kolk",)


def test_no_date() -> None:
    [c] = cites("A web page (Mayo Clinic, n.d.) says so.")
    assert (c.year, c.text) == ("n.d.", "Mayo Clinic, n.d.")


def test_in_press() -> None:
    [c] = cites("Forthcoming (Smith, in press).")
    assert c.year == "in press"


def test_narrative_et_al() -> None:
    text = "Duman et al. (2012) described the pathway."
    [c] = cites(text)
    assert (c.text, c.authors, c.narrative, c.et_al) == (
        "Duman et al. (2012)",
        ("Duman",),
        True,
        True,
    )


def test_narrative_two_authors_with_and() -> None:
    [c] = cites("As Duman and Aghajanian (2012) argued, synapses matter.")
    assert (c.text, c.authors) == ("Duman and Aghajanian (2012)", ("Duman", "Aghajanian"))


def test_narrative_two_authors_with_ampersand() -> None:
    [c] = cites("Duman & Aghajanian (2012) argued this.")
    assert c.authors == ("Duman", "Aghajanian")


def test_narrative_possessive() -> None:
    [c] = cites("In Duman's (2012) review the dose was low.")
    assert (c.text, c.authors) == ("Duman's (2012)", ("Duman",))


def test_narrative_three_authors() -> None:
    [c] = cites("Then Collo, Cavalleri, and Merlo Pich (2019) grew neurons.")
    assert c.authors == ("Collo", "Cavalleri", "Merlo Pich")


def test_narrative_with_locator() -> None:
    [c] = cites("Zanos et al. (2016, p. 483) reported it.")
    assert (c.year, c.locator) == ("2016", "p. 483")


def test_narrative_single_author_mid_sentence() -> None:
    [c] = cites("A later review by Krystal (2018) disagreed.")
    assert (c.text, c.authors) == ("Krystal (2018)", ("Krystal",))


def test_narrative_after_a_comma_takes_only_the_name() -> None:
    [c] = cites("In Canada, Smith (2019) found the same.")
    assert c.authors == ("Smith",)


def test_narrative_after_a_sentence_opener() -> None:
    [c] = cites("However, Zanos et al. (2016) disagreed.")
    assert c.authors == ("Zanos",)


@pytest.mark.parametrize(
    "text",
    [
        "Scans (MRI) show it.",
        "It was published (March 2024) online.",
        "The cohort (n = 20) improved.",
        "The effect was significant (p < 0.05).",
        "Effects last (1-2 hours) after dosing.",
        "In 2019 the drug was approved.",
        "New cells (brain cells) grow.",
        "Sales rose (since 2019) steadily.",
        "The trial (Phase 3, 2021) ended.",
        "A virus (COVID-19, 2020) spread.",
        "Recently (2019) the FDA acted.",
        "The Lancet (2019) printed it.",
        "It appeared in Nature Medicine (2016) first.",
        "We met in Spring (2018).",
        "Figure 2 (2019) shows it.",
    ],
)
def test_not_a_citation(text: str) -> None:
    assert cites(text) == []


def test_surname_that_is_also_a_word_with_et_al() -> None:
    [c] = cites("Shown in Korea (No et al., 1992).")
    assert c.authors == ("No",)


def test_numeric_bracket() -> None:
    [c] = cites("Ketamine works [1].")
    assert (c.kind, c.number, c.text) == ("numeric", 1, "1")


def test_numeric_list_in_brackets() -> None:
    assert [c.number for c in cites("Shown twice [1, 4].")] == [1, 4]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Kinases are reviewed widely [reviewed in 2].", [2]),
        ("As before [see also 3-5].", [3, 4, 5]),
        ("Many tools [e.g., 4, 6].", [4, 6]),
        ("In physics [Refs. 7, 8].", [7, 8]),
        ("Three groups [7, 8 and 9].", [7, 8, 9]),
        ("The older data [10, Fig 2].", [10]),
        ("Quoted there [11, p. 45].", [11]),
        ("Older work [9, and references therein].", [9]),
        ("Compare [cf. 17].", [17]),
        ("Transformed as in [9, Eq. 5].", [9]),
        ("The threshold scales as in [3, Eq. (11)].", [3]),
        ("The background is in [4, Ch. 6].", [4]),
    ],
)
def test_square_brackets_with_citing_words_cite_their_numbers(
    text: str, numbers: list[int]
) -> None:
    assert [c.number for c in cites(text, numbered_list=True)] == numbers


def test_an_author_year_citation_with_a_locator_in_square_brackets_is_no_number() -> None:
    text = "As Biastoch et al. [2009, Figure 3] and Lutjeharms [2006, p. 45] showed."
    assert [c.kind for c in cites(text, numbered_list=True)] == []


def test_citing_words_leave_the_bracket_out_of_the_citation_text() -> None:
    [c] = cites("Kinases are reviewed widely [reviewed in 2].", numbered_list=True)
    assert c.text == "2"


@pytest.mark.parametrize(
    "text",
    ["Shown [see Table 3].", "Quoted [p. 45].", "Set [see 0].", "Meant [i.e., 3].", "In [1 3]."],
)
def test_words_in_square_brackets_without_a_citation_number_cite_nothing(text: str) -> None:
    assert cites(text, numbered_list=True) == []


@pytest.mark.parametrize(
    "text",
    [
        "| Female sex, n [%] | 121 [43] | 58 [44] |",
        "| Length of stay, median [IQR] | 9 [5-16] | 7 [4-10] |",
        "Cells per cluster\t3,210 [27]\t2,118 [18]",
        "Ninety-day mortality was 18 [6] % against 31 [24] %.",
        # A table laid out in columns of spaces.
        "Girls                4,375 [51]       4,233 [50]       4,241 [51]",
        "Age, years, mean [SD]   66 [11]   65 [11]",
    ],
)
def test_counts_with_bracketed_shares_in_tables_are_no_citations(text: str) -> None:
    assert cites(text, numbered_list=True, last_number=60) == []


@pytest.mark.parametrize(
    "text",
    [
        # A share, then the number tested: "% resistant [number tested]".
        "Co-amoxiclav\t24.1 [498]\t27.5 [560]",
        "| Carbapenems | 0.1 [2,650] | 0.2 [2,822] |",
    ],
)
def test_a_count_past_the_lists_end_after_a_value_in_a_table_cell_is_no_citation(
    text: str,
) -> None:
    assert cites(text, numbered_list=True, last_number=5) == []


def test_a_number_within_the_list_after_a_value_in_a_table_cell_still_cites() -> None:
    assert [c.number for c in cites("Co-amoxiclav\t24.1 [4]\t27.5 [5]", last_number=5)] == [4, 5]


@pytest.mark.parametrize(
    "text",
    [
        # Values with their intervals in a run: no works cited twice in a row enclose
        # the number before them.
        "Median pain was 4 [3-6] with placebo, 3 [2-5] with 75 mg and 3 [1-4] with 150 mg.",
        "The median number of tablets was 3 [1-5], 2 [1-4] and 2 [0-3] in arms 1, 2 and 3.",
        # A spread between a value and its unit.
        "Their mean age was 66 [11] years.",
        # A scale's range, by its points or after "ranges are".
        "Items were answered on a five-point Likert scale [1-5].",
        "The subscale ranges are [7-15], [5-12] and [4-10].",
        # Teeth listed with an "and", past the list's end.
        "Plaque was recorded on six index teeth [16, 11, 26, 36, 31 and 46].",
    ],
)
def test_values_scales_and_teeth_in_running_text_are_no_citations(text: str) -> None:
    assert cites(text, numbered_list=True, last_number=32) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # A column of sources after a count's column, and a row opened by its source
        # after a row that ends in a count.
        ("Smith 2010       RCT      120    [12]", [12]),
        ("[12]   Brazil    1,200   54\n[13]   India     980     61", [12, 13]),
        # Justified text: spaces doubled between every word.
        ("In  the  largest  cohort,  480  [4]  cases  were  notified.", [4]),
        # Counts of studies with their citations, and numbers that name things.
        ("Of the 14 studies, 5 [3-7] were trials and 9 [8-16] were cohorts.", list(range(3, 17))),
        ("Levels of interleukins 1 [1-3], 6 [4-8] and 10 [9-12] rose.", list(range(1, 13))),
        ("Children aged 12 [8], 15 [9] and 18 [10] years were sampled.", [8, 9, 10]),
        # Ranges and points that are no scale's.
        ("Reference ranges [12-14] differ between laboratories.", [12, 13, 14]),
        ("Three-point bending tests [4-6] overestimate strength.", [4, 5, 6]),
        ("Answers used a five-point Likert scale, as in earlier surveys [3-7].", [3, 4, 5, 6, 7]),
        # Each run needs its own median or mean: one named before an earlier run does
        # not make counts of studies far after it intervals.
        (
            "Median pain was 4 [3-6] with placebo and 3 [2-5] with 75 mg. " + "Trials varied. " * 12
            + "Of 14 studies, 5 [3-7] were trials and 9 [8-16] were cohorts.",
            list(range(3, 17)),
        ),
    ],
)  # fmt: skip
def test_sources_beside_counts_values_and_ranges_stay_citations(
    text: str, numbers: list[int]
) -> None:
    assert [c.number for c in cites(text, numbered_list=True, last_number=32)] == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # One value with an interval may be a citation ("phase 3 [2-5]" and the like).
        ("The dose is 10 mg [8, 12] daily.", [8, 12]),
        ("Levels of interleukin 6 [4-9] and caspase 3 [1-6] rose.", [4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6]),
        ("Pain was scored on a visual scale [1-5].", [1, 2, 3, 4, 5]),
        ("A ten-point scale [1-5] was used.", [1, 2, 3, 4, 5]),
        ("Their mean age was 66 [11].", [11]),
    ],
)  # fmt: skip
def test_a_lone_value_interval_or_a_scale_s_sources_stay_citations(
    text: str, numbers: list[int]
) -> None:
    assert [c.number for c in cites(text, numbered_list=True, last_number=32)] == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Basic reproduction number\t1.4\t[2]", [2]),
        ("Smith et al.\t120\t[12]", [12]),
        ("| Transmission rate | 0.3 [12] |", [12]),
        ("| UKPDS 33 [8] |", [8]),
        ("\tThe threshold was at least 140 [2] or over 65 [4].", [2, 4]),
        ("An absolute correlation |r| above 50 [7] was kept.", [7]),
    ],
)
def test_a_citation_not_in_the_cell_a_count_opens_stays_a_citation(
    text: str, numbers: list[int]
) -> None:
    assert [c.number for c in cites(text, numbered_list=True, last_number=60)] == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("| RCTs | 3 [12–14] |", [12, 13, 14]),
        ("| Trials | 2 [7, 8] |", [7, 8]),
        ("| Europe | 4 [12, 15, 18, 21] |", [12, 15, 18, 21]),
        ("| Smith 2010 [12] | 45 |", [12]),
        ("| Trial | [12] |", [12]),
        ("It was seen in 25 studies [5].", [5]),
        ("Rates rose in 2010 [5] and fell.", [5]),
    ],
)
def test_citations_after_a_year_a_count_of_their_works_or_outside_a_table_stay_citations(
    text: str, numbers: list[int]
) -> None:
    assert [c.number for c in cites(text, numbered_list=True, last_number=60)] == numbers


@pytest.mark.parametrize("dash", ["-", "–", "—", "‐", "‑", "--"])
def test_numeric_range_is_expanded(dash: str) -> None:
    found = cites(f"Shown often [2{dash}4].")
    assert [(c.number, c.text) for c in found] == [
        (2, f"2{dash}4"),
        (3, f"2{dash}4"),
        (4, f"2{dash}4"),
    ]


def test_numeric_parentheses_need_a_numbered_list() -> None:
    assert cites("Shown before (3).") == []
    assert [c.number for c in cites("Shown before (3).", numbered_list=True)] == [3]


def test_html_superscript_with_numbered_list() -> None:
    text = "Ketamine acts fast1,2 and lasts."
    sup = Span(text.index("1,2"), text.index("1,2") + 3)
    found = cites(text, superscripts=[sup], numbered_list=True)
    assert [(c.number, c.text) for c in found] == [(1, "1"), (2, "2")]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Seen worldwide.¹ Next.", [1]),
        ("Bone loss,²⁻⁴ then", [2, 3, 4]),
        ("As shown previously.¹⁵⁻¹⁷ Then", [15, 16, 17]),
        ("In trials.³,¹⁴ Then", [3, 14]),
        ("Seen in tumours² too", [2]),
        ("First seen in 2010¹,² and since", []),
        ("A review (see above).³ Then", [3]),
    ],
)
def test_unicode_superscript_numbers_cite_after_a_word_or_punctuation(
    text: str, numbers: list[int]
) -> None:
    assert [c.number for c in cites(text, numbered_list=True)] == numbers


def test_unicode_power_signs_are_single_squares_and_cubes_only() -> None:
    assert [c.number for c in cites("Analyses were run in R²³ and Stata.", numbered_list=True)] == [
        23
    ]


@pytest.mark.parametrize("text", ["Degrees of freedom (3 − 1) × (4 − 1).", "Drop [12 − 5]."])
def test_a_minus_sign_makes_no_range(text: str) -> None:
    assert cites(text, numbered_list=True) == []


@pytest.mark.parametrize(
    "text",
    [
        "BMI in kg/m² rose.",
        "A lesion of 4 mm³ grew.",
        "With R² = 0.91 the fit held.",
        "Heterogeneity was low (I² = 12%).",
        "The χ² test was used.",
        "Free Ca²⁺ rose.",
        "PO₄³⁻ ions were added.",
        "Platelets were 150 × 10⁹/L.",
        "Heterogeneity was moderate (τ² = 0.04).",
        "The variance σ² was small.",
        "Effect sizes (η² = 0.06) were small.",
    ],
)
def test_unicode_powers_and_charges_are_no_citations(text: str) -> None:
    assert cites(text, numbered_list=True) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Levels of TNF-α² rose.", 2),
        ("Interferon IFN-γ³ was measured.", 3),
        ("Balance improved with tai chi² in older adults.", 2),
        ("Aggregates of tau³ spread.", 3),
    ],
)
def test_superscript_after_a_greek_letter_in_a_name_cites(text: str, number: int) -> None:
    assert [c.number for c in cites(text, numbered_list=True)] == [number]


def test_superscripts_parted_by_a_raised_comma_are_one_group() -> None:
    found = cites("Clocks follow feeding times.¹˒² Night work upsets them.", numbered_list=True)
    assert [(c.number, c.group) for c in found] == [(1, 1), (2, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Since Montgomery v Lanarkshire Health Board [2015] UKSC 11, risks are disclosed [1].",
        "Under Bolam v Friern Hospital Management Committee [1957] 1 WLR 582 it was not [1].",
    ],
)
def test_law_report_year_in_square_brackets_is_no_citation(text: str) -> None:
    assert [c.number for c in cites(text, numbered_list=True, last_number=5)] == [1]


@pytest.mark.parametrize(
    ("source", "numbers"),
    [
        ("<p>Platelets were 150 ×10<sup>9</sup>/L in all.<sup>1</sup></p>", [1]),
        ("<p>BMI over 30 kg/m<sup>2</sup>, R<sup>2</sup> = 0.9, as seen.<sup>2</sup></p>", [2]),
        ("<p>Cases rose in 2010<sup>5</sup> and after.</p>", [5]),
        ("<p>Cells were seeded (n = 10<sup>5</sup>).<sup>3</sup></p>", [3]),
    ],
)
def test_html_superscript_exponents_are_no_citations(source: str, numbers: list[int]) -> None:
    doc = html_document("article.html", source)
    found = cites(doc.text, superscripts=doc.superscripts, numbered_list=True)
    assert [c.number for c in found] == numbers


@pytest.mark.parametrize(
    ("source", "numbers"),
    [
        ("<p>In phase I<sup>3</sup> trials, as R<sup>3</sup> notes.</p>", [3, 3]),
        (
            "<p>One of 10<sup>3-5</sup>; Windows 10<sup>5</sup>; 0-10<sup>7</sup>.</p>",
            [3, 4, 5, 5, 7],
        ),
        ("<p>Adjusted R<sup>3</sup> of 0.3; the I<sup>3</sup> statistic.</p>", []),
        ("<p>The R<sup>2</sup> was 0.9, I<sup>2</sup> 45%, x<sup>2</sup> + x<sup>3</sup>.</p>", []),
        ("<p>At 5 x 10<sup>6</sup> cells and 10<sup>9</sup>/L.</p>", []),
        ("<p>Seeded at 10<sup>6</sup> per well, a 10<sup>3</sup>-fold rise.</p>", []),
        ("<p>Inocula of 10<sup>3</sup>&ndash;10<sup>5</sup> CFU.</p>", []),
        ("<p>Dilutions of 10<sup>2</sup>, 10<sup>3</sup> and 10<sup>4</sup>.</p>", []),
        ("<p>From 10<sup>2</sup> to 10<sup>8</sup>; counts ≥10<sup>5</sup> CFU.</p>", []),
        ("<p>A PHQ-9 score ≥10<sup>12</sup>.</p>", [12]),
        ("<p>Windows 10<sup>5</sup>, and the top 10<sup>3</sup>.</p>", [5, 3]),
        ("<p>In a phase I<sup>2</sup> trial, type I<sup>3</sup> errors.</p>", [2, 3]),
    ],
)
def test_html_superscripts_after_r_i_or_ten_cite_unless_they_are_powers(
    source: str, numbers: list[int]
) -> None:
    doc = html_document("article.html", source)
    found = cites(doc.text, superscripts=doc.superscripts, numbered_list=True)
    assert [c.number for c in found] == numbers


_SUPERSCRIPT_CITING = (
    "<p>Most variants are benign.<sup>1,2</sup> A few cause disease<sup>3</sup>, and"
    " modifiers matter.<sup>4</sup> Penetrance varies.<sup>5</sup>"
)


def test_superscripts_that_fit_the_list_beside_square_notation_cite() -> None:
    # Repeat counts in variant names are square brackets past the list's end.
    doc = html_document(
        "a.html", _SUPERSCRIPT_CITING + " The allele c.1210-34TG[11]T[5] and TG[12].</p>"
    )
    found = cites(doc.text, superscripts=doc.superscripts, numbered_list=True, last_number=10)
    assert [c.number for c in found] == [1, 2, 3, 4, 5]


def test_superscripts_and_square_brackets_in_a_table_both_cite() -> None:
    table = "<table><tr><td>Adam</td><td>[6]</td></tr><tr><td>SGD</td><td>[7]</td></tr><tr><td>Lion</td><td>[6]</td></tr></table>"
    doc = html_document("a.html", _SUPERSCRIPT_CITING + "</p>" + table)
    found = cites(doc.text, superscripts=doc.superscripts, numbered_list=True, last_number=8)
    assert sorted(c.number or 0 for c in found) == [1, 2, 3, 4, 5, 6, 6, 7]


def test_superscripts_are_exponents_beside_square_brackets_that_cite() -> None:
    source = (
        "<p>Yields rose [1], fell [2] and rose again [3]. Cells were grown to"
        " 10<sup>6</sup> and treated with 5 mg/m<sup>2</sup>.</p>"
    )
    doc = html_document("a.html", source)
    found = cites(doc.text, superscripts=doc.superscripts, numbered_list=True, last_number=8)
    assert [c.number for c in found] == [1, 2, 3]


def test_a_number_glued_to_its_superscript_is_not_read_whole() -> None:
    # The flattened text reads "(1, 102)": 102 is not a number of the source.
    doc = html_document("article.html", "<p>Doses were raised (1, 10<sup>2</sup>).</p>")
    found = cites(doc.text, superscripts=doc.superscripts, numbered_list=True)
    assert [c.number for c in found] == [1]


def test_a_bracket_read_across_a_glued_superscript_reads_none_of_it() -> None:
    # "(123,4)" flattened: the superscript's own reading, 3 and 4, is the only one.
    doc = html_document("article.html", "<p>Seen in (12<sup>3,4</sup>).</p>")
    found = cites(doc.text, superscripts=doc.superscripts, numbered_list=True)
    assert [c.number for c in found] == [3, 4]


def test_text_in_excluded_span_is_ignored() -> None:
    text = "Body (Duman et al., 2012).\n\nDuman, R. S. (2012). Title (2012)."
    ref_start = text.index("Duman, R.")
    found = cites(text, exclude=[Span(ref_start, len(text))])
    assert [c.text for c in found] == ["Duman et al., 2012"]


def test_citation_ids_follow_text_order() -> None:
    found = cites("A (Li et al., 2010). B [3]. C Zanos et al. (2016).")
    assert [c.id for c in found] == ["cit-1", "cit-2", "cit-3"]
    assert [c.text for c in found] == ["Li et al., 2010", "3", "Zanos et al. (2016)"]


def test_megabyte_of_nested_brackets_and_commas() -> None:
    text = "((a, b, (c, d, 2012; " * 50_000
    assert cites(text) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("()[], ;.&aA0129 etl\n")), max_size=400))
def test_no_text_crashes_extraction(text: str) -> None:
    for c in cites(text, numbered_list=True):
        assert 0 <= c.span.start <= c.span.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_no_unicode_text_crashes_extraction(text: str) -> None:
    cites(text, numbered_list=True)


def test_value_range_in_parentheses_is_not_a_citation() -> None:
    assert cites("Mean age was 77 (28-101) years.", numbered_list=True) == []


@pytest.mark.parametrize("bracket", ["[0, 1]", "(0-5)"])
def test_bracket_holding_a_zero_is_not_a_citation(bracket: str) -> None:
    assert cites(f"Scores were scaled to {bracket}.", numbered_list=True) == []


@pytest.mark.parametrize(
    "label",
    ["Eq.", "eqs.", "Equation", "Fig.", "Figures", "Table", "Step", "Sec.", "Propositions  "],
)
@pytest.mark.parametrize("bracket", ["(4)", "[2]"])
def test_number_after_the_name_of_a_part_of_the_article_is_not_a_citation(
    label: str, bracket: str
) -> None:
    assert cites(f"The rate follows from {label} {bracket}.", numbered_list=True) == []


@pytest.mark.parametrize(
    "series", ["Eqs. (2)–(4)", "Eqs. (2) and (4)", "Eq. (2), (3)", "Eqs. [2]–[4]"]
)
def test_every_bracket_of_a_labelled_series_is_a_label(series: str) -> None:
    assert cites(f"From {series} we get the rate.", numbered_list=True) == []


def test_bracket_after_a_zero_bracket_and_a_dash_is_no_citation() -> None:
    assert cites("Scores ran over [0]–[3].", numbered_list=True) == []


@pytest.mark.parametrize(
    "name",
    [
        "[1,2,4]triazolo[4,3-a]pyridine",
        "(1,3)dioxolane",
        "(1,3)-β-D-glucan",
        "β-(1,3)-glucan",
        "SAα(2,6)Gal",
        "[3,3]-Claisen",
        "(1,3)- and (1,6)-linked",
    ],
)
def test_locants_of_a_chemical_name_are_no_citation(name: str) -> None:
    assert cites(f"A {name} assay was run.", numbered_list=True) == []


@pytest.mark.parametrize(
    ("glued", "numbers"),
    [("risk[4]in", [4]), ("risk [4]and", [4]), ("risk [1, 4]and", [1, 4]), ("risk (4)in", [4])],
)
def test_citation_glued_to_the_next_word_is_a_citation(glued: str, numbers: list[int]) -> None:
    found = cites(f"The {glued} older adults rose.", numbered_list=True)
    assert [c.number for c in found] == numbers


@pytest.mark.parametrize(
    "karyotype",
    [
        "46,XY[20]",
        "45,X[5]/46,XX[15]",
        "46,XX,t(9;22)(q34;q11.2)[20]",
        "47,XY,+21[12]",
        "(46,XY[20])",
        "“49,XXXXY[20]”",
        "marrow:46,XX[20]",
        "46,XY,t(3;3)(q21.3;q26.2),-7,del(5)(q22q35),+8,add(17)(p13),-18,+mar[15]/46,XY[5]",
    ],
)
def test_cell_counts_of_a_karyotype_are_no_citation(karyotype: str) -> None:
    assert cites(f"The karyotype was {karyotype} at diagnosis.", numbered_list=True) == []


@pytest.mark.parametrize(
    "text",
    ["The karyotype was 46,XY.[5]", "It was 46,XX[20] and [5] saw it.", "Of 12,X-linked[5] cases."],
)
def test_citation_beside_a_karyotype_is_a_citation(text: str) -> None:
    assert [c.number for c in cites(text, numbered_list=True)] == [5]


def test_bracket_glued_after_a_word_is_a_citation() -> None:
    found = cites("As reported,[4] and as the XY[5] data show.", numbered_list=True)
    assert [c.number for c in found] == [4, 5]


def test_number_after_a_lower_case_common_noun_is_a_citation() -> None:
    found = cites("It follows the Hill equation [12] and each step (3).", numbered_list=True)
    assert [c.number for c in found] == [12, 3]


def test_number_after_ref_is_a_citation() -> None:
    assert [c.number for c in cites("As in Ref. [5].", numbered_list=True)] == [5]


def test_citation_right_after_a_labelled_bracket_is_a_citation() -> None:
    assert [c.number for c in cites("As in Eq. (2) [5].", numbered_list=True)] == [5]


def test_interval_of_a_value_reaching_past_the_list_is_not_a_citation() -> None:
    assert cites("Median age was 34 [28, 41] years.", last_number=10) == []


@pytest.mark.parametrize(
    "text",
    [
        "Median age was 68 years [61-74].",
        "Heterogeneity was low, 12% [3-41].",
        "Median age was 68 y [21-74].",
        "Blood pressure was 140 mm Hg [120-160].",
        "Clearance was 45 mL/min [30-60].",
    ],
)
def test_interval_of_a_value_with_its_unit_reaching_past_the_list_is_not_a_citation(
    text: str,
) -> None:
    assert cites(text, last_number=26) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Seen in 3 studies [2-4].", [2, 3, 4]),
        ("Figure 2 shows [1, 14].", [1, 14]),
        ("Type 2 diabetes [1, 14] is common.", [1, 14]),
        ("Chromosome 21 abnormalities [3, 40] are rare.", [3, 40]),
    ],
)
def test_bracket_after_a_counted_or_named_thing_stays_a_citation(
    text: str, numbers: list[int]
) -> None:
    assert [c.number for c in cites(text, last_number=13)] == numbers


def test_a_count_noun_between_a_number_and_a_range_past_the_list_keeps_the_citations() -> None:
    # The range runs past the list, which CIT108 must report: "trials" is no unit.
    found = cites("We included 12 trials [10-40].", last_number=26)
    assert (found[0].number, found[-1].number) == (10, 40)


def test_any_word_may_part_a_value_from_an_interval_wholly_past_the_list() -> None:
    assert cites("Median age of 68 adults [61-74].", last_number=26) == []


def test_bracket_after_a_number_within_the_list_is_a_citation() -> None:
    assert [c.number for c in cites("Two phase 3 [2-5] trials.", last_number=10)] == [2, 3, 4, 5]


def test_bracket_past_the_list_after_a_naming_number_is_a_citation() -> None:
    assert [c.number for c in cites("Type 2 [1, 14] diabetes.", last_number=13)] == [1, 14]


def test_bracket_past_the_list_separated_by_a_semicolon_is_a_citation() -> None:
    assert [c.number for c in cites("Median age 34 [28; 41].", last_number=10)] == [28, 41]


def test_bracket_after_a_number_ending_a_name_is_a_citation() -> None:
    found = cites("Infection with HIV-1 [1, 12] spreads.", last_number=10)
    assert [c.number for c in found] == [1, 12]


def test_interval_of_a_value_is_read_as_citations_when_there_is_no_list() -> None:
    assert [c.number for c in cites("Median age was 34 [28, 41].")] == [28, 41]


def test_range_written_as_two_bracketed_numbers() -> None:
    assert [c.number for c in cites("Shown often [5]–[8].")] == [5, 6, 7, 8]


def test_author_year_inside_square_brackets() -> None:
    [c] = cites("Shown before [Duman et al., 2012].")
    assert (c.kind, c.authors, c.year) == ("author-year", ("Duman",), "2012")


def test_second_year_with_letter_after_a_semicolon_keeps_the_authors() -> None:
    found = cites("Two papers (Smith, 1996a; 1996b).")
    assert [(c.text, c.authors, c.year_suffix) for c in found] == [
        ("Smith, 1996a", ("Smith",), "a"),
        ("1996b", ("Smith",), "b"),
    ]


def test_et_al_with_a_space_before_its_period() -> None:
    [c] = cites("Known (Zanos et al ., 2016).")
    assert (c.authors, c.et_al) == (("Zanos",), True)


def test_bracketed_numbers_in_an_author_year_article_are_not_citations() -> None:
    text = (
        "A (Li et al., 2010). B (Zanos et al., 2016). C (Duman, 2012). "
        "The permutations [4, 2, 3] were tried."
    )
    assert [c.kind for c in cites(text)] == ["author-year"] * 3


def test_round_bracketed_numbers_in_a_square_bracket_article_are_not_citations() -> None:
    text = "A [1]. B [2, 3]. C [4]. Pain was rated hardly ever (1) or often (2)."
    assert [c.number for c in cites(text, numbered_list=True)] == [1, 2, 3, 4]


def test_equation_numbers_outnumbering_square_bracket_citations_are_not_citations() -> None:
    text = (
        "Channels are estimated [1], [2] and equalised [3]-[5].\n"
        "The model is Y = HP + N, (1)\nthe estimate is P = GY, (2)\nthe error E = P - X. (3)\n"
        "Substituting (2) into (3) and (1) into (2) gives (4) and (5), then (6) and (7)."
    )
    assert [c.number for c in cites(text, numbered_list=True)] == [1, 2, 3, 4, 5]


def test_a_table_of_bracketed_counts_leaves_a_round_bracket_article_its_citations() -> None:
    text = (
        "Sepsis is common (1). It kills (2, 3). Lactate rises (4). Fluids help (5).\n"
        "Steroids are debated (6). Early antibiotics matter (7).\n\n"
        "| Female sex, n [%] | 121 [43] | 58 [44] |\n"
        "| Diabetes, n [%] | 12 [4] | 9 [7] |\n"
    )
    assert [c.number for c in cites(text, numbered_list=True)] == [1, 2, 3, 4, 5, 6, 7]


def test_journal_between_et_al_and_the_year_is_no_author() -> None:
    # Reviewers write "(He et al Nature 2010)": the journal is not a second name.
    assert summary("seen in tumours (He et al Nature 2010).") == [
        ("He et al Nature 2010", ("He",), "2010")
    ]


def test_capitalised_section_name_after_the_is_no_author() -> None:
    # "the Introduction" is part of the sentence; Calvez et al. (2011) is the citation.
    assert summary("(see the last paragraph of the Introduction and Calvez et al., 2011)") == [
        ("Calvez et al., 2011", ("Calvez",), "2011")
    ]


def test_et_al_and_year_without_brackets_is_a_citation() -> None:
    assert summary("We repeated the experiments of Besnard et al., 2014. They held.") == [
        ("Besnard et al., 2014", ("Besnard",), "2014")
    ]


def test_et_al_citation_after_an_aside_in_the_same_brackets_is_found() -> None:
    # The accession and identity figure keep the bracket from being a citation list.
    assert summary("modelled on (2hjr, 62% sequence identity, Vedadi et al., 2007).") == [
        ("Vedadi et al., 2007", ("Vedadi",), "2007")
    ]


def test_citation_after_a_long_comment_and_e_g_in_the_same_brackets_is_found() -> None:
    [c] = cites(
        "Growth stops (E is often regarded as an inhibitory energy emitted by primordium q, "
        "e.g. Douady and Couder, 1996b)."
    )
    assert (c.text, c.authors, c.year_suffix, c.prefix) == (
        "Douady and Couder, 1996b",
        ("Douady", "Couder"),
        "b",
        "e.g.",
    )


def test_long_comment_without_a_pointing_word_is_no_prefix() -> None:
    assert cites("(energy is often regarded as emitted by the primordium and Couder, 1996)") == []


def test_names_after_a_comment_and_its_comma_are_read_only_if_they_name_an_entry() -> None:
    [c] = cites("A domain moved (as in the Cbx transposition, Peifer and Karch, 1987).")
    assert (c.text, c.authors, c.prefix, c.tentative) == (
        "Peifer and Karch, 1987",
        ("Peifer", "Karch"),
        None,
        True,
    )


def test_et_al_after_a_comment_and_its_comma_is_read_outright() -> None:
    [c] = cites("A domain moved (as in the Cbx transposition, Peifer et al., 1987).")
    assert (c.authors, c.tentative) == (("Peifer",), False)


_PEIFER_ENTRY = (
    "Peifer M, Karch F, Bender W. 1987. The bithorax complex: control of segmental "
    "identity. Genes & Development 1:891-898."
)


def test_a_pair_after_a_comment_naming_a_team_work_is_an_et_al_misuse() -> None:
    text = (
        "A domain moved (as in the Cbx transposition, Peifer and Karch, 1987).\n\n"
        f"References\n\n{_PEIFER_ENTRY}\n"
    )
    codes = [d.code for d in audit_document(Document.plain("a.txt", text)).diagnostics]
    assert codes == ["CIT107"]


def test_names_after_a_comment_that_name_no_entry_are_no_citation() -> None:
    text = (
        "Flies were caught (as in the Cbx screen, Ohio and Utah, 1987); the complex "
        "was mapped before (Peifer et al., 1987).\n\n"
        f"References\n\n{_PEIFER_ENTRY}\n"
    )
    assert [d.code for d in audit_document(Document.plain("a.txt", text)).diagnostics] == []


def test_citation_after_brackets_inside_brackets_is_found() -> None:
    assert summary("Growth stops (E(q) falls with distance, e.g. Douady and Couder, 1996b).") == [
        ("Douady and Couder, 1996b", ("Douady", "Couder"), "1996")
    ]


def test_citation_after_a_semicolon_after_inner_brackets_is_found() -> None:
    assert summary("as modelled (see Smith (2001); Jones, 2004).") == [
        ("Smith (2001)", ("Smith",), "2001"),
        ("Jones, 2004", ("Jones",), "2004"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Recruitment took place in two cities (Leeds (n = 120) and Manchester, 2019).",
        "The ethics committee (REC (ref 19/NW/0123), North West, 2019) approved it.",
        "Strains were obtained (ATCC (Manassas), Virginia, 2018).",
    ],
)
def test_names_after_inner_brackets_without_a_pointing_word_are_no_citation(text: str) -> None:
    assert cites(text) == []


def test_figure_pointer_before_a_citation_in_the_same_brackets_is_a_prefix() -> None:
    [c] = cites("Spines shrink under stress (Figure 2A, Duman, 2012).")
    assert (c.text, c.prefix, c.authors) == ("Duman, 2012", "Figure 2A", ("Duman",))


def test_table_pointer_run_into_the_citation_is_a_prefix() -> None:
    # A missing separator in the source: the pair is still the citation.
    assert summary("volatiles (Table 1 Allmann and Baldwin, 2010) near leaves.") == [
        ("Allmann and Baldwin, 2010", ("Allmann", "Baldwin"), "2010")
    ]


def test_figure_supplement_pointer_before_a_citation_is_a_prefix() -> None:
    assert summary("as before (see Figure 3—figure supplement 1 and Li and Wu, 2012).") == [
        ("Li and Wu, 2012", ("Li", "Wu"), "2012")
    ]


def test_panel_letters_after_a_figure_pointer_are_no_authors() -> None:
    assert summary("reversed (Figure 2A and C, Jones, 2012) and (Figure 1B-D, Li, 2010).") == [
        ("Jones, 2012", ("Jones",), "2012"),
        ("Li, 2010", ("Li",), "2010"),
    ]


def test_words_and_a_year_after_a_figure_pointer_without_a_comma_are_no_citation() -> None:
    # A legend's own words: census areas, places, software.
    assert summary("rates (Table 2, England and Wales 2011) and (Figure 3, London 2012).") == []


def test_pointer_then_a_word_pointing_at_a_source_needs_no_comma_before_the_year() -> None:
    assert summary("as shown (Fig. 3 in Smith 2010) before.") == [
        ("Smith 2010", ("Smith",), "2010")
    ]


def test_source_data_pointer_before_a_citation_is_a_prefix() -> None:
    assert summary("as measured (Figure 2—source data 1, Li and Wu, 2012).") == [
        ("Li and Wu, 2012", ("Li", "Wu"), "2012")
    ]


def test_several_pointers_after_e_g_before_a_citation_are_a_prefix() -> None:
    [c] = cites("Spines shrink (e.g., Figure 1, Table 2, Duman, 2012).")
    assert (c.text, c.prefix) == ("Duman, 2012", "e.g., Figure 1, Table 2")


def test_et_al_citation_followed_by_words_in_a_citation_list_is_found() -> None:
    assert summary("seen in mutants (Besnard et al., 2014; Landrein et al., 2015 and here).") == [
        ("Besnard et al., 2014", ("Besnard",), "2014"),
        ("Landrein et al., 2015", ("Landrein",), "2015"),
    ]


def test_et_al_inside_a_word_is_not_read_as_et_al() -> None:
    # "Bennet al" holds the letters of "et al" but no "et al." after a name.
    assert summary("as Bennet al 2010 showed, and as Ruet al., 2011 did.") == []


def test_name_and_year_without_brackets_or_et_al_is_not_a_citation() -> None:
    assert summary("In Boston, 2010 was a wet year for Smith, 2011 a dry one.") == []


def test_group_author_that_opens_with_a_number_is_read_whole() -> None:
    assert summary("variant frequencies (1000 Genomes Project Consortium et al., 2010).") == [
        (
            "1000 Genomes Project Consortium et al., 2010",
            ("1000 Genomes Project Consortium",),
            "2010",
        )
    ]


def test_table_cell_before_a_narrative_citation_is_no_part_of_the_name() -> None:
    # A primer sequence and its source in adjacent cells of a table row.
    assert summary("ATCTGCATGTTCCACATTGC\tFragoso et al. (2011)") == [
        ("Fragoso et al. (2011)", ("Fragoso",), "2011")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The aims were: (1) to assess risk, (2) to compare arms, and (3) to model cost.",
        "Two themes emerge. (1) Signals repress the gene. (2) Signals pattern the axis.",
        "We conclude: (1) the pathway is active; and (2) it is not needed.",
        "Our aims were:\n(1) assess risk\n(2) compare arms",
        "Our aims were:\n        (1) assess risk\n        (2) compare arms",
        # The first mark may follow its verb when the second opens a clause.
        "The aims were (1) to assess risk, (2) to compare arms.",
        "We aimed to (1) describe clearance in older patients, (2) find its covariates.",
    ],
)
def test_numbered_clauses_of_an_enumeration_are_not_citations(text: str) -> None:
    assert cites(text, numbered_list=True) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Studies (1) have shown this, and others (2) found that.", [1, 2]),
        ("Studies (1), (2) and (3) have shown this effect.", [1, 2, 3]),
        ("Both (1) and (2) reported the effect.", [1, 2]),
        ("Work by Li (1) showed this.\nMa (2) found that.", [1, 2]),
        ("As reported, (2) found more. Earlier, (1) showed less.", [2, 1]),
        ("Risk rose in one trial (1) in 2010. (2) found no rise.", [1, 2]),
        ("Risk rose (1) in adults; in children the trials (2) disagree.", [1, 2]),
        ("Li et al. (3) found X. Wang et al. (4) showed Y.", [3, 4]),
        ("Earlier work (1) and (2) showed X, and (3) found Y.", [1, 2, 3]),
    ],
)
def test_citations_that_do_not_open_numbered_clauses_stay_citations(
    text: str, numbers: list[int]
) -> None:
    assert [c.number for c in cites(text, numbered_list=True)] == numbers


def test_a_lone_number_opening_a_clause_stays_a_citation() -> None:
    assert [c.number for c in cites("As reported, (3) found more.", numbered_list=True)] == [3]


@pytest.mark.parametrize("blank", ["\n\n", "\n \t\n"])
def test_enumeration_marks_in_different_paragraphs_stay_citations(blank: str) -> None:
    text = f"It was shown, (1) in mice.{blank}Then, (2) in rats."
    assert [c.number for c in cites(text, numbered_list=True)] == [1, 2]


def test_citation_after_an_enumeration_is_a_citation() -> None:
    text = "Our aims were: (1) assess risk; (2) compare arms (5)."
    assert [c.number for c in cites(text, numbered_list=True)] == [5]


def test_citation_repeating_a_number_of_an_enumeration_is_a_citation() -> None:
    text = "Aims: (1) to assess risk, (2) to compare arms, as Smith (2) did."
    assert [c.number for c in cites(text, numbered_list=True)] == [2]


@pytest.mark.parametrize("blank", ["\n\n", "\n   \n", "\n\t\n\n"])
def test_a_narrative_citation_does_not_take_names_across_a_blank_line(blank: str) -> None:
    assert summary(f"Smith and Jones{blank}(2010) found it.") == []


@pytest.mark.parametrize("blank", ["\n\n", "\n \n"])
def test_a_bracket_across_a_blank_line_is_no_citation(blank: str) -> None:
    assert summary(f"It was found (Brown,{blank}2011).") == []


def test_narrative_year_against_a_numbered_list_is_no_numeric_citation() -> None:
    # An APA list printed as "1. Ballering, A. V., ..." makes round-bracketed numbers
    # citations; the year of a narrative citation is not one of them.
    text = "Ballering et al. (2022) compared symptoms before and after infection."
    found = cites(text, numbered_list=True, last_number=2)
    assert [(c.kind, c.text) for c in found] == [("author-year", "Ballering et al. (2022)")]


def test_lone_year_in_round_brackets_past_the_list_is_no_citation() -> None:
    text = "The national survey (2019) found more cases (3)."
    assert [c.number for c in cites(text, numbered_list=True, last_number=3)] == [3]


def test_lone_year_like_number_within_a_long_list_is_a_citation() -> None:
    text = "A large review found more cases (1995)."
    assert [c.number for c in cites(text, numbered_list=True, last_number=2000)] == [1995]


def test_round_bracketed_number_past_the_list_that_is_no_year_is_a_citation() -> None:
    # CIT108's case: a citation number beyond the list's last entry.
    text = "A large review found more cases (45)."
    assert [c.number for c in cites(text, numbered_list=True, last_number=40)] == [45]


def test_et_al_misspelt_with_a_full_stop_after_et_is_read() -> None:
    # "et. al." is a common web misspelling of "et al.".
    text = "Fewer melanomas (Green et. al., 2011). Hughes et. al. (2013) found less ageing."
    assert summary(text) == [
        ("Green et. al., 2011", ("Green",), "2011"),
        ("Hughes et. al. (2013)", ("Hughes",), "2013"),
    ]


def test_link_targets_inside_a_citation_are_read_as_blanks() -> None:
    # The Markdown and HTML readers show a link's URL after its text:
    # "([Madigan, 2019](https://...))" reads "(Madigan, 2019 https://...)".
    text = (
        "Fewer (Madigan, 2019 https://doi.org/10.1001/x.5056). Hale (2015 https://e.org/h) agrees."
    )
    urls = [
        Span(text.index(url), text.index(url) + len(url))
        for url in ("https://doi.org/10.1001/x.5056", "https://e.org/h")
    ]
    assert summary(text, link_targets=urls) == [
        ("Madigan, 2019", ("Madigan",), "2019"),
        ("Hale (2015)", ("Hale",), "2015"),
    ]


def test_link_target_outside_a_citation_leaves_it_as_written() -> None:
    text = "Hale (2015) https://e.org/h agrees."
    url = Span(text.index("https"), text.index("https") + len("https://e.org/h"))
    assert summary(text, link_targets=[url]) == [("Hale (2015)", ("Hale",), "2015")]


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Salt raises pressure (He & MacGregor, 2018).", ("He", "MacGregor")),
        ("Trials agree (So and Lee, 2017).", ("So", "Lee")),
        ("Trials agree (An, 2015).", ("An",)),
    ],
)
def test_surname_that_is_also_a_short_word_is_read_in_a_bracket(
    text: str, authors: tuple[str, ...]
) -> None:
    [c] = cites(text)
    assert c.authors == authors


def test_short_word_before_a_year_without_a_comma_is_no_author() -> None:
    # "(So 2015 ...)" might be prose; "(An, 2015)" puts a citation's comma before its year.
    assert cites("The trend held (So 2015 was no exception).") == []


def test_other_stopwords_joined_to_a_name_stay_out_of_the_author_list() -> None:
    [c] = cites("Rates rose (Then and Lee, 2017).")
    assert c.authors == ("Lee",)


def test_body_whose_name_opens_with_a_countrys_initials_is_one_group() -> None:
    [c] = cites("SPF 50 blocks most UVB (U.S. Food and Drug Administration, 2019).")
    assert c.authors == ("U.S. Food", "Drug Administration")


def test_year_inside_a_group_name_after_its_acronym_stays_in_the_name() -> None:
    [c] = cites("Diet is the leading risk (GBD 2019 Risk Factors Collaborators, 2020).")
    assert (c.authors, c.year) == (("GBD 2019 Risk Factors Collaborators",), "2020")


@pytest.mark.parametrize(
    ("text", "locator"),
    [
        ("Efficacy was 95% (Graham 2020, 920).", "920"),
        ("Polack (2020, 2604-5) reported it.", "2604-5"),
        ("Efficacy was 95% (Lee, 2018, 44).", "44"),
    ],
)
def test_chicago_bare_page_after_the_year_is_a_locator(text: str, locator: str) -> None:
    [c] = cites(text)
    assert c.locator == locator


def test_number_with_a_word_after_the_year_is_no_locator() -> None:
    assert cites("Rates rose (Smith, 2019, 12 patients).") == []


def test_work_cited_through_another_is_tentative_and_the_other_is_not() -> None:
    found = cites("Hygiene helps less (Irish et al., 2015, as cited in Walker, 2017).")
    assert [(c.text, c.tentative) for c in found] == [
        ("Irish et al., 2015", True),
        ("Walker, 2017", False),
    ]


@pytest.mark.parametrize(
    ("text", "initials"),
    [("Smoke matters (J. Smith, 2019).", "J."), ("Smoke matters (Smith, J. K., 2019).", "J. K.")],
)
def test_initials_that_tell_two_authors_apart_are_kept(text: str, initials: str) -> None:
    [c] = cites(text)
    assert (c.authors, c.initials) == (("Smith",), initials)


def test_superscript_digit_is_no_part_of_a_name() -> None:
    # "Brown¹ (2020)": note 1 after the name, not an author "Brown¹".
    text = "A large trial by Brown¹ (2020) confirmed this."
    found = cites(text, numbered_list=True, last_number=2)
    assert [(c.kind, c.number) for c in found] == [("numeric", 1)]


@pytest.mark.parametrize(
    "text", ["Cases rose (England, 2019, 231).", "Uptake in Ohio (2018, 412) fell."]
)
def test_count_after_a_year_reads_as_a_tentative_citation(text: str) -> None:
    [c] = cites(text)
    assert c.tentative


def test_tentative_citation_takes_no_number_from_a_numeric_article() -> None:
    text = "Among children in Ohio (2018, 3), rates rose."
    found = cites(text, numbered_list=True, last_number=5)
    assert [c.number for c in found if c.kind == "numeric"] == [3]


def test_a_number_past_the_list_after_a_year_in_round_brackets_is_a_count() -> None:
    text = "Data from Israel (2021, 412) show it (1). Ohio (2018, 3) agrees."
    found = cites(text, numbered_list=True, last_number=5)
    assert [c.number for c in found if c.kind == "numeric"] == [1, 3]


def test_years_in_round_brackets_past_the_list_are_no_citations() -> None:
    text = "Rates (2017–2018) and (2012, 2016) fell (4)."
    assert [c.number for c in cites(text, numbered_list=True, last_number=40)] == [4]


@pytest.mark.parametrize(
    ("text", "authors", "tentative"),
    [
        ("As the American Heart Association (2021) notes.", ("American Heart Association",), False),
        ("Following the Food and Drug Administration (2017) rules.", ("Food", "Drug Administration"), False),
        ("Reports by Public Health England (2020) say so.", ("Public Health England",), True),
    ],
)  # fmt: skip
def test_body_named_in_prose_is_read_without_the_sentences_words(
    text: str, authors: tuple[str, ...], tentative: bool
) -> None:
    [c] = cites(text)
    assert (c.authors, c.tentative) == (authors, tentative)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Stanford University Professor Jane Smith (2019) agrees.", ("Jane Smith",)),
        ("Mayo Clinic Proceedings (2019) printed it.", ()),
    ],
)
def test_name_that_goes_on_to_a_person_or_a_journal_is_no_body(
    text: str, authors: tuple[str, ...]
) -> None:
    assert tuple(a for c in cites(text) for a in c.authors) == authors


def test_short_word_surname_joined_to_a_co_author_mid_sentence_is_read() -> None:
    [c] = cites("Work by He and MacGregor (2018) showed it.")
    assert c.authors == ("He", "MacGregor")


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Pyruvate is reduced (Winter and Cameron, 2003).", ("Winter", "Cameron")),
        ("Chaos appears (May & Oster, 1976).", ("May", "Oster")),
        ("Chaos appears (e.g., May and Oster, 1976).", ("May", "Oster")),
        ("as argued in detail, see Winter and Cameron (2003).", ("Winter", "Cameron")),
        ("Lakes froze. Winter and Cameron (2003) counted them.", ("Winter", "Cameron")),
    ],
)
def test_month_or_season_beside_a_co_author_is_a_surname(
    text: str, authors: tuple[str, ...]
) -> None:
    [c] = cites(text)
    assert c.authors == authors


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Counts peaked (May and June, 2003).", ()),
        ("Counts peaked (May, 2003).", ()),
        ("Birds were ringed in May and Smith (2003) counted them.", ("Smith",)),
        ("Cases had doubled by May and Smith (2020) traced them.", ("Smith",)),
        ("Cases rose in April and May, and Smith (2020) traced them.", ("Smith",)),
        ("Cases rose in April and May and Smith (2020) traced them.", ("Smith",)),
        ("Cases peaked (in May, Smith, 2020).", ("Smith",)),
        ("Cases peaked (January and February, Smith and Jones, 2020).", ("Smith", "Jones")),
    ],
)
def test_month_as_a_date_is_no_surname(text: str, authors: tuple[str, ...]) -> None:
    assert tuple(a for c in cites(text) for a in c.authors) == authors


def test_short_word_opening_a_sentence_before_a_co_author_stays_a_pronoun() -> None:
    [c] = cites("Jones led it. He and Smith (2018) extended it.")
    assert c.authors == ("Smith",)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("New Zealand Ministry of Health (2020) advises less salt.", "New Zealand Ministry of Health"),
        ("Save the Children Federation (2019) reports it.", "Save the Children Federation"),
        ("The American Academy of Neurology (2018) recommends it.", "American Academy of Neurology"),
        ("The National Science Foundation (2020) reports it.", "National Science Foundation"),
        ("After the National Health Service (1948) began, waits fell.", "National Health Service"),
        ("The Royal College of Physicians (2016) supports it.", "Royal College of Physicians"),
    ],
)  # fmt: skip
def test_body_name_keeps_its_own_first_words_and_topic(text: str, name: str) -> None:
    [c] = cites(text)
    assert c.authors == (name,)


@pytest.mark.parametrize(
    "text",
    [
        "Results were shown at the European Society of Cardiology Congress (2021).",
        "Data came from the American Heart Association Scientific Sessions (2019).",
    ],
)
def test_event_of_a_body_before_a_year_is_no_citation(text: str) -> None:
    assert cites(text) == []


@pytest.mark.parametrize(
    ("text", "name", "tentative"),
    [
        ("The Chief Medical Officer (2022) devoted a report to it.", "Chief Medical Officer", False),
        ("As the Children's Commissioner for England (2020) said.", "Children's Commissioner for England", False),
    ],
)  # fmt: skip
def test_office_that_signs_its_reports_is_read_whole(text: str, name: str, tentative: bool) -> None:
    [c] = cites(text)
    assert (c.authors, c.tentative) == ((name,), tentative)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rates rose, as the WHO (2020) said.", "WHO"),
        ("According to the CDC (2021), rates rose.", "CDC"),
        ("The UK NSC (2022) advises against it.", "UK NSC"),
    ],
)
def test_abbreviation_after_the_is_a_tentative_body(text: str, name: str) -> None:
    [c] = cites(text)
    assert (c.authors, c.tentative) == ((name,), True)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Public Health England's (2018) review agreed.", "Public Health England"),
        ("The American Cancer Society’s (2020) position is similar.", "American Cancer Society"),
    ],
)  # fmt: skip
def test_body_in_the_possessive_is_read(text: str, name: str) -> None:
    [c] = cites(text)
    assert c.authors == (name,)


@pytest.mark.parametrize("others", ["colleagues", "co-workers", "coauthors"])
def test_first_author_and_unnamed_others_in_prose_is_an_et_al_citation(others: str) -> None:
    [c] = cites(f"Glasser and {others} (2017) called for more research.")
    assert (c.authors, c.et_al, c.year) == (("Glasser",), True, "2017")


@pytest.mark.parametrize("quote", ["'", "’"])
def test_closing_quote_of_a_title_before_a_year_is_no_possessive(quote: str) -> None:
    opening = "‘" if quote == "’" else "'"
    text = (
        f"In its report {opening}Securing the Future of the Health Service{quote} (2019), it said."
    )
    assert cites(text) == []


def test_years_parted_by_semicolons_after_places_are_tentative() -> None:
    found = cites("Ebola struck Guinea and Liberia (2014; 2016) hardest.")
    assert [c.tentative for c in found] == [True, True]


def test_years_parted_by_a_semicolon_after_a_narrative_name_are_two_citations() -> None:
    found = cites("Goniewicz et al. (2014; 2018) measured toxicants.")
    assert [(c.authors, c.year) for c in found] == [
        (("Goniewicz",), "2014"),
        (("Goniewicz",), "2018"),
    ]


def test_body_declaring_its_abbreviation_in_round_brackets_before_the_year() -> None:
    [c] = cites("The Office for National Statistics (ONS) (2022) reported it.")
    assert (c.authors, c.abbreviation, c.tentative) == (
        ("Office for National Statistics",),
        "ONS",
        False,
    )


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("As Officer (2019) argued, ageism harms.", ("Officer",)),
        ("Unlike Officer and Smith (2018), we found none.", ("Officer", "Smith")),
        ("Both Commissioner (2015) and Elliott (2016) agree.", ("Commissioner", "Elliott")),
    ],
)
def test_office_word_after_a_sentence_opener_is_a_surname(
    text: str, authors: tuple[str, ...]
) -> None:
    assert tuple(a for c in cites(text) for a in c.authors) == authors


def test_office_word_before_a_persons_name_is_their_title() -> None:
    [c] = cites("EU Health Commissioner Stella Kyriakides (2021) set out the case.")
    assert c.authors == ("Stella Kyriakides",)


def test_place_where_a_study_ran_is_a_tentative_body() -> None:
    [c] = cites("Patients admitted to Massachusetts General Hospital (2015) were enrolled.")
    assert (c.authors, c.tentative) == (("Massachusetts General Hospital",), True)


def test_body_named_in_a_numbered_article_is_tentative() -> None:
    text = "The European Society of Cardiology (2018) kept 140/90 mmHg [2]."
    [body, number] = cites(text, numbered_list=True, last_number=3)
    assert (body.authors, body.tentative, number.number) == (
        ("European Society of Cardiology",),
        True,
        2,
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Data from UK Biobank (2019) show it [1].", "UK Biobank"),
        ("A survey in Ohio (2018) found the same [2].", "Ohio"),
    ],
)
def test_lone_name_in_prose_of_a_numbered_article_is_tentative(text: str, name: str) -> None:
    [named, number] = cites(text, numbered_list=True, last_number=3)
    assert (named.authors, named.tentative, number.kind) == ((name,), True, "numeric")


@pytest.mark.parametrize(
    "text", ["Smith et al. (2019) found it [1].", "Smith and Jones (2019) found it [1]."]
)
def test_authors_in_prose_of_a_numbered_article_are_a_citation(text: str) -> None:
    [named, _] = cites(text, numbered_list=True, last_number=3)
    assert named.tentative is False


def test_bare_page_after_et_al_is_no_count() -> None:
    [c] = cites("Polack et al. (2020, 2604) reported 95 percent efficacy.")
    assert (c.locator, c.tentative) == ("2604", False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Alcohol harms (Society for the Study of Addiction, 2019).", "Society for the Study of Addiction"),
        ("Land use rose (Department of the Interior, 2018).", "Department of the Interior"),
    ],
)  # fmt: skip
def test_group_name_keeps_two_connectors_between_its_words(text: str, name: str) -> None:
    [c] = cites(text)
    assert c.authors == (name,)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Statins lower LDL.[^1] The benefit is largest later.[^2]", [1, 2]),
        ("Asthma affects 1 in 11 children.^1^ It is worse at night.^2,3^", [1, 2, 3]),
        ("Asthma is common.^1–3^", [1, 2, 3]),
    ],
)
def test_markdown_footnote_marks_and_pandoc_superscripts_cite(
    text: str, numbers: list[int]
) -> None:
    assert [c.number for c in cites(text, numbered_list=True, last_number=5)] == numbers


def test_markdown_footnote_mark_needs_a_numbered_list() -> None:
    assert cites("Statins lower LDL.[^1]") == []


@pytest.mark.parametrize("mark", ["[1]", "(1)"])
def test_bracket_inside_a_superscript_is_one_citation(mark: str) -> None:
    doc = html_document("a.html", f"<p>Diabetes is common.<sup>{mark}</sup> It is.</p>")
    found = find_citations(doc.text, superscripts=doc.superscripts, numbered_list=True)
    assert [c.number for c in found] == [1]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Its management was reviewed in ref. 2.", [2]),
        ("As refs 3,4 found, it works.", [3, 4]),
        ("It is common (refs. 5–7).", [5, 6, 7]),
        ("See Ref. 2.5 mg.", []),
        ("As ref. 12 found.", []),
        ("The working curve (ref 7) converts it.", [7]),
        ("Guidelines are summarized in ref 9.", [9]),
        ("Sodium was 139 mmol/L (ref 3-5).", []),
    ],
)
def test_ref_nouns_cite_numbers_of_the_list(text: str, numbers: list[int]) -> None:
    assert [c.number for c in cites(text, numbered_list=True, last_number=9)] == numbers


def test_lone_name_stays_a_citation_where_a_numbered_list_is_cited_by_name() -> None:
    # An APA list shown as "1." items: the article cites by author and year.
    text = "Smith and Lee (2019) agree, as do Brown et al. (2020) and Jones (2021)."
    found = cites(text, numbered_list=True, last_number=3)
    assert [(c.authors, c.tentative) for c in found][-1] == (("Jones",), False)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Heterogeneity: Tau² = 0.02; Chi² = 12.34, df = 4.", []),
        ("A Chi² test was used.", []),
        ("BMI of 30 kg/m^2^ or more.^1^ The fit was good (R^2^ = 0.91).^2^", [1, 2]),
        ("Potassium was 7.2 mmol/L (ref 3-5).", []),
        ("As refs 2 and 3 found.", [2, 3]),
    ],
)
def test_statistics_units_and_ranges_are_no_citations(text: str, numbers: list[int]) -> None:
    assert [c.number for c in cites(text, numbered_list=True, last_number=9)] == numbers


def test_footnote_definition_mark_is_no_citation() -> None:
    text = "Statins lower LDL.[^2]\n\n[^1]: Endo A. Statins. Proc Jpn Acad. 2010;86:484-93.\n"
    assert [c.number for c in cites(text, numbered_list=True, last_number=2)] == [2]


# Forms from a probe of 12 research articles we wrote (session 22): what a methods- and
# results-heavy paper puts in square brackets besides its sources.


def numbers(text: str, last: int = 40) -> list[int | None]:
    return [c.number for c in cites(text, numbered_list=True, last_number=last)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The same holds for database studies [5-8; see also 27].", [5, 6, 7, 8, 27]),
        ("Use was low [24; see also 25].", [24, 25]),
        ("It matches that identity [see, e.g., 8, 19].", [8, 19]),
        ("They died alone [cited in 24].", [24]),
        ("In line with smaller studies [12~14].", [12, 13, 14]),
        ("In line with smaller studies [4‒6].", [4, 5, 6]),
    ],
)
def test_citing_words_and_dashes_around_bracketed_numbers(text: str, expected: list[int]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "codes from a menu: [1] took all tablets, [2] missed a dose, [3] side effects",
        "intensity codes [0] none, [1] low, [2] medium and [3] high",
        "  [1] Never   [2] Sometimes   [3] Often   [4] Always   [9] Don't know",
        "rated from [1] strongly disagree to [5] strongly agree",
        "Health states were: [1] undiagnosed, [2] diagnosed, [3] treated",
        "- [1] Never\n- [2] Rarely\n- [3] Often",
        "items were coded [1] never, [2] sometimes, [3] often",
        "Response options were [1] never, [2] rarely, [3] sometimes and [4] often.",
        "on a 5-point scale ([1] definitely residual tumour to [5] complete response)",
    ],
)
def test_answer_codes_in_square_brackets_are_no_citations(text: str) -> None:
    assert numbers(text) == []


def test_citations_standing_for_their_works_in_order_are_citations() -> None:
    assert numbers("As [1] showed, [2] found and [3] argued, salt matters.") == [1, 2, 3]


def test_citations_in_order_in_separate_sentences_are_citations() -> None:
    assert numbers("Salt [1] matters. Sugar [2] matters. Fat [3] matters.") == [1, 2, 3]


@pytest.mark.parametrize(
    "text",
    [
        "each item is rated on a [1–5] scale",
        "the [1, 99] percentile range",
        "grace periods in the range [30, 90]",
        "grace periods of [30, 90] days",
        "echo times [8, 16, 24, 32] ms",
        "kernels of size [3, 3, 3]",
        "a Dirichlet prior Dir[45, 30, 15, 10]",
        "| 14,830 | [11,120, 18,540] |",
    ],
)
def test_intervals_and_parameters_are_no_citations(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "scores improved (MD 6 points [2, 10])",
        "The IC50 was 18 μM [14–23] vs 9 μM [7–12]",
        "(%MPE 6 [2–11] vs 88 [79–95])",
        "Drugs, median [IQR]   2 [1–3]        2 [1–3]",
        "| Pain | 6 [4, 8] |",
        "Pain score (0-10)\n\n6 [4, 8]\n\nnext",
    ],
)
def test_a_values_interval_inside_the_lists_range_is_no_citation(text: str) -> None:
    assert numbers(text, last=400) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("interleukin 6 [4, 9] and caspase 3 [1-6]", [4, 9, 1, 2, 3, 4, 5, 6]),
        ("found in 5 trials [4, 6]", [4, 6]),
        ("Symptoms usually resolve by 6 months [3, 8].", [3, 8]),
        ("The recommended dose is 10 mg [8, 12].", [8, 12]),
        ("Most patients had recovered within\n12 months [10, 14], although", [10, 14]),
        ("| Falls | 4 | [3–6] |", [3, 4, 5, 6]),
        ("Falls\t4\t[3, 6]", [3, 6]),
        ("Anxiety was measured with the Hospital Anxiety and Depression Scale [12].", [12]),
        ("Pain was rated on a visual analogue scale [9].", [9]),
        ("INR was kept within the therapeutic range [8].", [8]),
        ("We used validated scales [14, 15].", [14, 15]),
        ("Prevalence estimates [3-5] range from 10% to 30%.", [3, 4, 5]),
        ("Several studies [4, 5] point to a benefit.", [4, 5]),
        ("using an [3] approach", [3]),
        (
            "Cardiovascular disease [1] remains the leading cause of death [2] and disability [3].",
            [1, 2, 3],
        ),
        ("Earlier studies [1] in Europe, [2] in Asia and [3] in Africa", [1, 2, 3]),
        ("Early detection [1] is linked to [3] better survival.", [1, 3]),
        ("Levels of TNF-α[4] and IL-1β[5] were raised.", [4, 5]),
        ("Chronic hepatitis B[1] and C[2] infection.", [1, 2]),
        ("Several reviews [8,11, 14] describe this.", [8, 11, 14]),
        ("as cited [23, 17, 5] here", [23, 17, 5]),
        ("as cited [3, 5, 3] here", [3, 5, 3]),
        ("ViDA      n = 5110      [1]\nNext      n = 20        [2]", [1, 2]),
        ("cohort studies (n = 12 [10–21])", list(range(10, 22))),
        ("Trials reporting falls: 4 [3–6]", [3, 4, 5, 6]),
        (
            "Stroke is a leading cause of death,[1] disability,[2] and dementia,[3] worldwide.",
            [1, 2, 3],
        ),
        (
            "Diabetes affects adults, [1] causes deaths, [2] and costs billions, [3] says the IDF.",
            [1, 2, 3],
        ),
        ("Three trials have tested this: [1] in Europe, [2] in Asia and [3] in Africa.", [1, 2, 3]),
        ("Sensitivity = 82% [12]\n\nSpecificity = 95% [13]\n\n", [12, 13]),
        ("vitamin A [1] and Type A [2]", [1, 2]),
        ("colleagues[22] and TRIPOD[35]", [22, 35]),
        ("as reported [3, 2]", [3, 2]),
    ],
)
def test_real_citations_near_numbers_scales_and_codes_stay_citations(
    text: str, expected: list[int]
) -> None:
    assert numbers(text) == expected


def test_formula_on_a_line_of_its_own_cites_its_source() -> None:
    assert numbers("sample size\n\nn = 2(za + zb)^2 s^2 / d^2 [14]\n\nwhere d is") == [14]


def test_a_number_set_off_after_a_formula_is_read_as_a_citation() -> None:
    # An equation's number and a formula's source look the same; the entry exists.
    assert numbers("Sensitivity = 82%        [12]\nCronbach's alpha = 0.89    [14]") == [12, 14]


def test_citation_ending_a_wrapped_line_with_an_equals_sign_stays() -> None:
    assert numbers("BMI was computed as weight/height = kg/m2 [1]\nand then we") == [1]


def test_group_author_with_its_abbreviation_in_round_brackets_is_found() -> None:
    [c] = cites("Adults should eat less salt (World Health Organization (WHO), 2012).")
    assert (c.authors, c.year, c.abbreviation) == (("World Health Organization",), "2012", "WHO")


def test_citation_after_a_narrative_citation_inside_brackets_is_found() -> None:
    assert summary("(e.g., Lee (2019) and Park, 2020)") == [
        ("Lee (2019)", ("Lee",), "2019"),
        ("Park, 2020", ("Park",), "2020"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "One in six children (“Mental Health of Children and Young People,” 2021) had one.",
        'One in six children ("Mental Health of Children and Young People," 2021) had one.',
    ],
)
def test_work_without_author_cited_by_its_quoted_title(text: str) -> None:
    [c] = find_citations(text)
    assert (c.authors, c.year, c.title, c.tentative) == (
        ("Mental Health of Children and Young People",),
        "2021",
        True,
        True,
    )
    assert c.text == text[text.index("(") + 1 : text.index(")")]


# Forms from a second probe of 14 numbered articles a helper wrote (session 29): physics,
# chemistry, genomics and round-bracket surveys and models.


@pytest.mark.parametrize(
    "text",
    [
        "The easy axis lies along [001] in these films.",
        "Loops were measured along [100], [110] and [001].",
        "The easy axes lie along [110] and [1-10], with a cubic term.",
        "The [110] direction is hard; the [-112] axis is easy.",
    ],
)
def test_crystal_directions_are_no_citations(text: str) -> None:
    assert numbers(text, last=25) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The HPA axis [110] governs it.", [110]),  # a long review's entry
        ("The gut-brain axis [1-10] is studied widely.", list(range(1, 11))),
        ("Results along these lines [12] agree.", [12]),
    ],
)
def test_numbers_near_direction_words_still_cite(text: str, expected: list[int]) -> None:
    assert numbers(text, last=150) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Calibration was linear over [2, 2000] ng/mL.",
        "Resistivity was recorded over [10, 300] K.",
        "Uptake was linear over [5, 50] µM.",
        "Median coverage was 31× [27–36] across samples.",
        "| RFC1 | AAGGG | 880 [612–1,420] |",
    ],
)
def test_values_and_intervals_with_their_units_are_no_citations(text: str) -> None:
    assert numbers(text, last=28) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strains were typed [4, 5] K. pneumoniae first.", [4, 5]),
        ("As shown [5–7,120] before.", [5, 6, 7, 120]),
    ],
)
def test_a_genus_initial_or_a_list_with_a_range_still_cites(text: str, expected: list[int]) -> None:
    assert numbers(text, last=150) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The hazard was modelled as\n\nh(t | x) = h0(t) exp(b'x)    (1)\n\nand checked.",
        "Clearance was\n\nCL = t * exp(n)\t(1)\n\nwith\n\nn = N(0, w)    (2)\n\nand V = 2  (3)",
    ],
)
def test_equation_numbers_at_a_line_end_are_no_citations(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clearance follows CL = 0.5 * W (2), as before.", [2]),
        # The first displayed formula numbered 12 breaks the count from 1: a source.
        ("The statistic was\n\nt = (x1 - x2) / SE    (12)\n\nas usual.", [12]),
        ("Current smoker\tsmoked = yes\t(1)", [1]),  # a table row's source
        ("| BMI | weight = 30 | (1) |", [1]),
        ("Agreement (kappa = 0.81) was good  (17)\nbetween raters.", [17]),
    ],
)
def test_a_formula_or_row_cited_by_number_cites(text: str, expected: list[int]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Frailty (1) affects older adults; (2) reported higher rates.", [1, 2]),
        ("The WHO (1) recommends screening; however, (2) found it rare.", [1, 2]),
        ("Obesity (1) increases the risk of disease\n(2) in both sexes.", [1, 2]),
        ("Anxiety levels (1) rise, depression scores (2) peak, and ratings (3) climb.", [1, 2, 3]),
    ],
)
def test_round_bracket_citations_that_merely_look_like_items_cite(
    text: str, expected: list[int]
) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crystals grow preferentially along [111], [4, 5] whereas films do not.", [4, 5]),
        ("Previous studies [1-10] oriented toward adults.", list(range(1, 11))),
        ("Grids were [2-10] axis-aligned.", list(range(2, 11))),
        ("In mice.[4, 5] T cells from patients differ.", [4, 5]),
        ("In the inflammasome.[3, 4] K+ efflux follows.", [3, 4]),
        ("Both were shown [12, 13] K+ channels too.", [12, 13]),
        ("As reported [3, 4] W. Smith showed.", [3, 4]),
    ],
)
def test_citations_beside_direction_words_and_capital_letters_cite(
    text: str, expected: list[int]
) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Films grow along [11-20] on sapphire.",
        "The [1-100] direction of sapphire is hard.",
        "Loops along the [110] axis differ.",
        "The [110] and [111] directions differ.",
    ],
)
def test_four_index_and_listed_directions_are_no_citations(text: str) -> None:
    assert numbers(text, last=25) == []


def test_answer_codes_in_round_brackets_are_no_citations() -> None:
    text = (
        "Answers were coded (1) definitely yes, (2) probably yes, (3) probably not, "
        "(4) definitely not and (9) don't know."
    )
    assert numbers(text) == []


# Forms from a helper's probe of 14 author-year articles in looser writing (session 29).


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Read Kingman (1982) first.", ("Kingman",)),
        ("Following Smith (2010), we fit it.", ("Smith",)),
        ("Compare Jones (2011) with it.", ("Jones",)),
        ("Alongside Atkinson's (2015) proposals, it is the place to start.", ("Atkinson",)),
        ("Read (2005) disagreed.", ("Read",)),  # a surname too
        (
            "In 2019, the Antimicrobial Resistance Collaborators (2022) estimated it.",
            ("Antimicrobial Resistance Collaborators",),
        ),
    ],
)
def test_narrative_names_after_sentence_openers_and_of_collaborations(
    text: str, authors: tuple[str, ...]
) -> None:
    [c] = cites(text)
    assert c.authors == authors


@pytest.mark.parametrize(
    "text",
    [
        "We followed the British Psychological Society Code of Human Research Ethics (2021).",
        "We followed the Code of Human Research Ethics (2021).",
    ],
)
def test_a_code_or_guideline_named_with_its_year_is_no_citation(text: str) -> None:
    assert cites(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sleep helps (see van der Helm & Walker, 2009, for the original argument).",
            [("van der Helm & Walker, 2009", "2009", None)],
        ),
        (
            "See the benchmark (compare Chen, 2023b, Fig. 4, for a similar one).",
            [("Chen, 2023b, Fig. 4", "2023", "Fig. 4")],
        ),
        (
            "It spread (Semmelweis 1861, quoted in Carter 1983, 31).",
            [("Semmelweis 1861", "1861", None), ("Carter 1983, 31", "1983", "31")],
        ),
        (
            "We used Conway and Gawronski (2013, Appendix A).",
            [("Conway and Gawronski (2013, Appendix A)", "2013", "Appendix A")],
        ),
        (
            "Memory fades (Ebbinghaus, 1885/1913).",
            [("Ebbinghaus, 1885/1913", "1913", None)],
        ),
    ],
)
def test_comments_secondary_sources_locators_and_reprints_in_author_year_citations(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert [(c.text, c.year, c.locator) for c in cites(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sleep helps (see, for a review, Li, 2009).", ["Li, 2009"]),
        ("Sleep helps (see, for reviews, Li, 2009; Wu, 2012).", ["Li, 2009", "Wu, 2012"]),
        ("(e.g., for the UK, Smith, 2010)", ["Smith, 2010"]),
        (
            "The Office of National Drug Control Policy (2019) reported it.",
            ["Office of National Drug Control Policy (2019)"],
        ),
        (
            "The Committee on Publication Ethics (2019) advised it.",
            ["Committee on Publication Ethics (2019)"],
        ),
    ],
)
def test_a_comment_before_the_citation_or_a_body_named_like_a_document_still_cites(
    text: str, expected: list[str]
) -> None:
    assert [c.text for c in cites(text)] == expected


def test_two_years_in_a_row_are_an_academic_year_listed_under_the_first() -> None:
    [c] = cites("Enrolment fell (Smith, 2019/2020).")
    assert (c.year, c.tentative) == ("2019", True)


def test_a_reprint_whose_entry_gives_both_years_links_by_its_first_year() -> None:
    # The list's "(1885/1913)" reads as 1885: the citation's first year names it.
    text = (
        "Memory fades (Ebbinghaus, 1885/1913).\n\nReferences\n\n"
        "Ebbinghaus, H. (1885/1913). Memory. Teachers College.\n"
    )
    assert audit_document(Document.plain("a.txt", text)).diagnostics == ()


def test_a_reprint_s_later_year_a_slip_off_its_entry_stays_a_year_mismatch() -> None:
    text = (
        "Memory fades (Ebbinghaus, 1885/1914).\n\nReferences\n\n"
        "Ebbinghaus, H. (1885). Über das Gedächtnis. Duncker & Humblot.\n"
        "Ebbinghaus, H. (1913). Memory. Teachers College.\n"
    )
    codes = [d.code for d in audit_document(Document.plain("a.txt", text)).diagnostics]
    assert codes == ["CIT103", "CIT102"]


_EBBINGHAUS_1913 = (
    "Ebbinghaus, H. (1913). Memory: A contribution to experimental psychology (H. A. "
    "Ruger & C. E. Bussenius, Trans.). Teachers College. (Original work published 1885)\n"
)


def _year_findings(cited: str) -> list[tuple[str, str, str]]:
    text = f"Memory fades ({cited}).\n\nReferences\n\n{_EBBINGHAUS_1913}"
    audit = audit_document(Document.plain("a.txt", text))
    return [(d.code, d.message, d.help or "") for d in audit.diagnostics]


def test_a_reprint_cited_by_the_first_year_its_entry_gives_links() -> None:
    assert _year_findings("Ebbinghaus, 1885/1913") == []


def test_a_reprint_cited_by_another_first_year_than_its_entry_gives_is_a_year_mismatch() -> None:
    assert _year_findings("Ebbinghaus, 1884/1913") == [
        (
            "CIT103",
            "Year mismatch: cited as `1884/1913`, reference list has `Ebbinghaus (1913)`,"
            " first published 1885",
            "The entry gives 1885 as the year the work first appeared, not 1884: correct one"
            " of them (`1885/1913`)",
        )
    ]


def test_a_reprint_cited_by_its_first_year_alone_is_a_year_mismatch_with_its_entry() -> None:
    assert _year_findings("Ebbinghaus, 1885") == [
        (
            "CIT103",
            "Year mismatch: cited as `1885`, reference list has `Ebbinghaus (1913)`, first"
            " published 1885",
            "The entry lists the 1913 edition of a work first published in 1885: cite it by"
            " both years, `1885/1913`, or list the edition cited",
        )
    ]


def test_a_reprint_cited_with_its_years_reversed_is_a_year_mismatch() -> None:
    [(code, _, help_text)] = _year_findings("Ebbinghaus, 1913/1885")
    assert (code, help_text) == (
        "CIT103",
        "The years are reversed: the first year comes first, `1885/1913`",
    )


@pytest.mark.parametrize(
    "text",
    ["Paradigms settle (Kuhn [1962] 2012, 35-42).", "As Kuhn ([1962] 2012) argued, they do."],
)
def test_a_chicago_reprint_links_to_an_entry_listed_under_either_year(text: str) -> None:
    for listed in ("(1962) 2012", "2012"):
        entry = f"Kuhn, Thomas S. {listed}. The Structure of Scientific Revolutions. Chicago."
        audit = audit_document(Document.plain("a.txt", f"{text}\n\nBibliography\n\n{entry}\n"))
        assert [d.code for d in audit.diagnostics] == [], listed


@pytest.mark.parametrize(
    "text",
    [
        "The study followed the Declaration of Helsinki (2013).",
        "It followed the Universal Declaration of Human Rights (1948).",
        "The Treaty of Lisbon (2007) changed it.",
    ],
)
def test_a_name_ending_a_titled_document_or_event_is_no_citation(text: str) -> None:
    assert cites(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As the work of Merlo Pich (2019) shows.", "Merlo Pich (2019)"),
        ("Findings of Smith (2010) suggest it.", "Smith (2010)"),
        ("We used the method of Smith (2010).", "Smith (2010)"),
        ("The Institute of Medicine (2001) said so.", "Institute of Medicine (2001)"),
        ("Background\nFindings of Smith (2010) suggest an effect.", "Smith (2010)"),
        ("We ran a Meta-analysis of Li (2019) again.", "Li (2019)"),
        ("Extending the Framework of Smith (2010), we fit it.", "Smith (2010)"),
    ],
)
def test_a_name_after_of_in_running_text_still_cites(text: str, expected: str) -> None:
    assert [c.text for c in cites(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sleep helps (Smith, 2019, for example).", "Smith, 2019"),
        ("Li (2009, for a review) agrees.", "Li (2009, for a review)"),
        ("Li (2009, for example) says so.", "Li (2009, for example)"),
        (
            "High sites buffer it (see Kerr and Pindar, 2015, for range shifts at the edges).",
            "Kerr and Pindar, 2015",
        ),
    ],
)
def test_a_comment_after_the_year_keeps_the_citation(text: str, expected: str) -> None:
    assert [c.text for c in cites(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "An Asian common toad, Duttaphrynus melanostictus (Schneider, 1799), ate it.",
        "from the swallowtail (Papilio machaon Linnaeus, 1758) to the blues.",
        "Modern humans, Homo sapiens (Linnaeus, 1758), arrived.",
    ],
)
def test_a_species_name_s_authority_is_read_only_if_it_names_an_entry(text: str) -> None:
    [c] = cites(text)
    assert c.tentative


@pytest.mark.parametrize(
    "text",
    [
        "Census data (Smith, 2010) show it.",
        "European countries (Smith, 2010) agree.",
        "Multiple sclerosis (Munger, 2006) is rarer near the equator.",
        "Plasmodium falciparum (Dondorp et al., 2009) resists artemisinin.",
        "(Data adapted from Smith, 2010).",
    ],
)
def test_a_citation_after_words_that_are_no_species_name_stands(text: str) -> None:
    [c] = cites(text)
    assert not c.tentative


def test_a_given_name_ending_in_ing_stays_part_of_the_name() -> None:
    [c] = cites("Sterling Johnson (2010) said so.")
    assert c.authors == ("Sterling Johnson",)


def test_an_opening_participle_is_no_part_of_the_name() -> None:
    [c] = cites("Omitting Novak (2013) lowered it to g = 0.19.")
    assert c.authors == ("Novak",)


@pytest.mark.parametrize(
    ("text", "authors", "tentative"),
    [
        (
            "The Committee on the Medical Effects of Air Pollutants (2018) has advised it.",
            ("Committee on the Medical Effects of Air Pollutants",),
            False,
        ),
        (
            "Costs rose (Committee on the Medical Effects of Air Pollutants, 2022).",
            ("Committee on the Medical Effects of Air Pollutants",),
            False,
        ),
        ("The Greater London Authority (2023) reported it.", ("Greater London Authority",), False),
        (
            "In England the Office for Standards in Education (2019) said so.",
            ("Office for Standards in Education",),
            False,
        ),
    ],
)
def test_a_body_of_many_words_is_read_whole(
    text: str, authors: tuple[str, ...], tentative: bool
) -> None:
    [c] = cites(text)
    assert (c.authors, c.tentative) == (authors, tentative)


def test_a_reprint_whose_later_year_is_a_slip_off_its_first_links_by_the_first() -> None:
    # 1916 is one digit off 1913: the entry under the first year is the reprint, no slip.
    text = (
        "Atoms exist (Perrin [1913] 1916, 206-7).\n\nBibliography\n\n"
        "Perrin, Jean. (1913) 1916. Atoms. London: Constable.\n"
    )
    assert audit_document(Document.plain("a.txt", text)).diagnostics == ()


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        (
            "using the procedure of Ó Murchú and Hoffmann-Aydın (2021), which",
            ("Ó Murchú", "Hoffmann-Aydın"),
        ),
        ("Later, Ní Bhriain (2021b) found fewer notices.", ("Ní Bhriain",)),
    ],
)
def test_an_irish_particle_opens_a_narrative_surname(text: str, authors: tuple[str, ...]) -> None:
    [c] = cites(text)
    assert c.authors == authors


@pytest.mark.parametrize(
    "text",
    [
        "The Strasbourg court agreed: in I v Finland (2008) it found a violation.",
        "The rule in Smith v. Jones (1999) still holds.",
        "As Brown vs Board of Education (1954) held, separate is unequal.",
    ],
)
def test_a_court_cases_second_party_is_read_tentatively(text: str) -> None:
    [c] = cites(text)
    assert c.tentative


@pytest.mark.parametrize(
    "text",
    [
        "We compared the Framingham versus Hippisley-Cox et al. (2017) scores.",
        "Estimates from Kaplan-Meier vs Fine and Gray (1999) differed.",
        "We compared Poisson vs. Cameron (2013) models.",
    ],
)
def test_a_citation_after_a_statisticians_vs_stands(text: str) -> None:
    [c] = cites(text)
    assert not c.tentative


def test_a_comma_before_and_ends_a_clause_not_a_pair_of_authors() -> None:
    text = (
        "They studied the town of Hemnesberget, and Gumperz (1982: 75–84) later listed "
        "the functions."
    )
    assert summary(text) == [("Gumperz (1982: 75–84)", ("Gumperz",), "1982")]


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("as described by Hosmer, and Lemeshow (2000).", ("Hosmer", "Lemeshow")),
        ("We followed Braun, and Clarke (2006) for thematic analysis.", ("Braun", "Clarke")),
        ("Cases rose in Ghana, and Smith (2010) found why.", ("Smith",)),
        # A place's name of several words ends the clause too.
        ("Migration grew in New York, and Snowden (1995) argued so.", ("Snowden",)),
        ("Rates fell in the United States, and Smith (2010) found why.", ("Smith",)),
    ],
)
def test_a_pair_written_with_a_comma_before_and_stays_a_pair_unless_a_place_ends_a_clause(
    text: str, authors: tuple[str, ...]
) -> None:
    [c] = cites(text)
    assert c.authors == authors


def test_three_names_with_a_serial_comma_stay_one_list() -> None:
    assert summary("as Smith, Jones, and Brown (2001) showed") == [
        ("Smith, Jones, and Brown (2001)", ("Smith", "Jones", "Brown"), "2001")
    ]


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("In Kenya and Peru, Fernández Gómez and Ruiz (2021) showed it.", ("Fernández Gómez", "Ruiz")),
        ("Tea and coffee, Smith, Brown and Jones (2021) said, help.", ("Smith", "Brown", "Jones")),
        ("on outcomes, and de Mel, McKenzie, and Woodruff (2008) showed it.", ("de Mel", "McKenzie", "Woodruff")),
        ("as Smith and Brown, and Jones (2001) showed.", ("Smith", "Brown", "Jones")),
    ],
)  # fmt: skip
def test_an_author_list_in_prose_joins_only_its_last_name_with_and(
    text: str, authors: tuple[str, ...]
) -> None:
    [c] = cites(text)
    assert c.authors == authors


def test_a_bracket_parted_by_commas_after_years_holds_each_citation() -> None:
    # Inter-Research's and several ecology journals' style.
    assert summary("and coastal protection (Dayton 1985, Steneck et al. 2002, Ling 2008b).") == [
        ("Dayton 1985", ("Dayton",), "1985"),
        ("Steneck et al. 2002", ("Steneck",), "2002"),
        ("Ling 2008b", ("Ling",), "2008"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What follows the year's comma has no year of its own: one citation.
        ("(Smith 1985, Table 2)", [("Smith 1985, Table 2", ("Smith",), "1985")]),
        # A second year of the same author stays with it.
        (
            "(Smith 1985, 1990, Jones 2002)",
            [
                ("Smith 1985", ("Smith",), "1985"),
                ("1990", ("Smith",), "1990"),
                ("Jones 2002", ("Jones",), "2002"),
            ],
        ),
    ],
)
def test_a_year_comma_parts_a_bracket_only_before_another_citation(
    text: str, expected: list[tuple[str, tuple[str, ...], str]]
) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Working hours were reported in question [14] of the background section.",
        "Kappas ranged from 0.71 (item [6]) to 0.92 (item [9]).",
        "Factor [1] comprised items 1, 2 and 7.",
        "Panel (b) factor [1] core mood; panel (c) factor [2] somatic.",
        "The 24 items were given in sections (1) to (5) as described.",
        "Erythema (grade (3)) was rare.",
    ],
)
def test_a_bare_noun_that_numbers_the_studys_parts_labels_its_bracket(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scores were adjusted for the propensity score in quintiles [27].", [27]),
        ("Certainty of evidence was graded with GRADE [17].", [17]),
        ("Pain was measured with a published scale [15].", [15]),
        ("The first item [3] was reworded.", [3]),
        ("The curve follows the Hill equation [12].", [12]),
        # After other words than "in" the noun ends a claim its source supports.
        ("Five-year survival depends strongly on stage [4].", [4]),
        ("Analyses were adjusted for age, sex and region [15].", [15]),
        ("The cost of a nurse consultation was £35 per visit [15].", [15]),
        ("Prognosis is determined mainly by grade (5).", [5]),
        ("Mortality was higher between regions [3] and [4] in earlier surveys.", [3, 4]),
    ],
)
def test_a_noun_its_source_describes_keeps_its_citation(text: str, expected: list[int]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("Sealants were recorded on the first permanent molars [16, 26, 36, 46] only.", 24),
        ("Partial recording on the Ramfjord teeth [16, 21, 24, 36, 41, 44] was used.", 31),
        ("Caries of the second premolars (teeth 15, 25, 35 and [45]) was uncommon.", 24),
        ("Probing depth was taken at the incisors (FDI) [11, 21, 31, 41].", 30),
        ("The milk molars [54, 64, 74, 84] had been lost.", 30),
        # Every kind of tooth named before the bracket.
        ("Brackets were bonded to the canines and first premolars (13, 14, 23, 24).", 6),
        ("The second primary molars and first premolars (55, 15) were lost.", 6),
    ],
)
def test_teeth_in_fdi_notation_past_the_list_are_no_citations(text: str, last: int) -> None:
    assert numbers(text, last) == []


def test_teeth_in_round_brackets_past_the_list_are_no_citations() -> None:
    text = "Caries was studied before (3). Sealants covered the molars (16, 26, 36, 46)."
    assert numbers(text, 24) == [3]


@pytest.mark.parametrize(
    ("text", "last", "expected"),
    [
        # Within the list the numbers may cite.
        ("Caries is most common in the first molars [16, 26].", 30, [16, 26]),
        # One number past the list after a word for teeth is a citation for CIT108.
        ("Caries is most common in the first molars [45].", 24, [45]),
        # A number that no tooth has: a citation past the list.
        ("Sealants protect the molars [16, 29].", 24, [16, 29]),
        # No word for teeth before the bracket.
        ("Sealants were studied in two trials [16, 26].", 24, [16, 26]),
        # Teeth of one quadrant are citation numbers as likely.
        ("Roots were shorter among mandibular premolars [27, 28].", 27, [27, 28]),
        ("Intrusion of the upper molars [32, 35] was slow.", 34, [32, 35]),
        # Bare teeth before the bracket count only when joined to it.
        ("Implants replaced teeth 36 and 46 [45].", 44, [45]),
        # No milk tooth has a number past 5.
        ("The primary molars [57, 67] were sealed.", 30, [57, 67]),
        # Teeth of another kind than the word names: 18 is no incisor, 16 no premolar.
        ("Wear was worst on the central incisors (18, 21).", 20, [18, 21]),
        ("The premolars [16, 26] were sealed.", 24, [16, 26]),
        # A number past the list only just, after a year, may be a citation past it.
        ("Guidance was revised (2019, 12) after new evidence.", 10, [12]),
    ],
)
def test_numbers_that_may_not_be_teeth_keep_their_citations(
    text: str, last: int, expected: list[int]
) -> None:
    assert numbers(text, last) == expected


def test_answer_codes_opening_the_rows_of_a_table_are_no_citations() -> None:
    rows = [
        "[1] Neck                312 (51.0)        58 (9.5)        221 (36.1)        96 (15.7)",
        "[2] Shoulders           238 (38.9)        41 (6.7)        160 (26.1)        77 (12.6)",
        "[3] Upper back          201 (32.8)        29 (4.7)        127 (20.8)        61 (10.0)",
    ]
    assert numbers("\n".join(rows) + "\n") == []


def test_an_enumeration_may_open_after_if() -> None:
    text = (
        "Patients were eligible if (1) they were aged 65 years or older, (2) they lived at "
        "home and (3) they used five or more medicines."
    )
    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("Age, years, mean (SD) [range]\t61.4 (12.7) [24-88]\n", 28),
        ("Prescribed medicines, mean (SD) [range]        8.9 (3.1) [5-19]\n", 25),
    ],
)
def test_a_range_after_a_mean_and_its_spread_is_no_citation(text: str, last: int) -> None:
    assert numbers(text, last) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A review service was introduced in 2005 (8), but little is known.", [8]),
        ("None was reported from the port since 1998 (11).", [11]),
        # A number before a bracket is still a value: a count and its share.
        ("Of these, 2005 (8) were men.", []),
        # "after", "before" and "during" count; a number past the list is a value.
        ("Most were published after 2015 (18) in high-income countries.", []),
        ("Deaths were highest in 2018 (44) and lowest in 2021 (3).", [3]),
    ],
)
def test_a_year_said_as_a_time_does_not_make_its_citation_a_value(
    text: str, expected: list[int]
) -> None:
    assert numbers(text) == expected


def test_capitals_with_a_year_before_any_writing_body_read_tentatively() -> None:
    [c] = cites("It was approved by the council (reference HS 1721) and the committee.")
    assert (c.authors, c.tentative) == (("HS",), True)


def test_a_surname_in_small_capitals_with_an_early_year_stands() -> None:
    [c] = cites("Citrus cured scurvy (LIND 1753).")
    assert (c.authors, c.tentative) == (("LIND",), False)


def test_an_enumeration_does_not_open_after_of() -> None:
    text = "Building on the work of (1) in adults, (2) showed similar effects in children."
    assert numbers(text) == [1, 2]


def test_rows_that_name_a_work_after_their_number_cite() -> None:
    rows = [
        "[1] Smith et al (2010)      RCT        120 adults      Hospital A, urban setting, 12 months",
        "[2] Jones et al (2012)      Cohort     450 adults      Community clinics, rural, 24 months",
        "[3] Brown et al (2015)      RCT         80 children    School-based programme, 6 months",
    ]
    cited = [n for n in numbers("\n".join(rows) + "\n") if n is not None]
    assert cited == [1, 2, 3]


def test_a_page_range_in_chicagos_bracket_is_no_count() -> None:
    [c] = cites("Wide intervals (Snow 1855, 38–55).")
    assert (c.authors, c.year, c.locator, c.tentative) == (("Snow",), "1855", "38–55", False)


@pytest.mark.parametrize(
    "text",
    [
        "Official figures for Haiti (2010, 220–316) are disputed.",
        "Cholera struck London (1849, 1853–54) and again in 1866.",
        "Cases rose (England, 2019, 231–40).",
    ],
)
def test_a_range_after_a_place_and_a_year_may_be_figures(text: str) -> None:
    [c] = cites(text)
    assert c.tentative


@pytest.mark.parametrize(
    "text",
    [
        "Harris (2000, 195–216) argued that labour exchange binds households.",
        "The turn came when Westin (1967, 7) defined privacy as a claim.",
        "The turn came when Westin (1967, 7–9), who defined privacy, wrote.",
        "Hamlin (1998, 157–87) has shown how the framing worked.",
        "Geertz (1973, 5) famously described culture as webs.",
        "Graeber (2011, 94–102) makes a related general argument.",
        "Mauss (1925, 12–30) discusses the gift at length.",
    ],
)
def test_a_name_a_year_and_a_page_before_what_a_writer_does_is_a_citation(text: str) -> None:
    [c] = cites(text)
    assert (c.narrative, c.tentative) == (True, False)


@pytest.mark.parametrize(
    "text",
    [
        "We follow the principles set out by Deaton (1997, 148–61) closely.",
        "Thick description, as argued by Geertz (1973, 5), reads culture.",
        "The index developed by Foster (1984, 761–66) weighs the gap.",
    ],
)
def test_a_name_a_year_and_a_page_as_the_agent_of_what_a_writer_did_is_a_citation(
    text: str,
) -> None:
    [c] = cites(text)
    assert (c.narrative, c.tentative) == (True, False)


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria had most cases, followed by Kenya (2019, 412).",
        "Most deaths were reported by Haiti (2010, 220–316) that year.",
    ],
)
def test_a_place_a_year_and_a_count_after_what_a_state_does_by_stays_tentative(text: str) -> None:
    [c] = cites(text)
    assert c.tentative


@pytest.mark.parametrize(
    "text",
    [
        "In Ohio (2018, 412) deaths rose.",
        "France (2015, 412) reported a rise in youth unemployment.",
        "Haiti (2010, 220–316) found itself short of doctors.",
        "Haiti (2010, 220–316) makes up most of the cases.",
        # A participle may be passive: "examined here", "made the largest contribution".
        "Denmark (2001, 120–145) examined here grew fastest.",
        "Brazil (2014, 120–180) made the largest contribution to cases.",
        # With a lone number, only what writers alone do: states show, insist, claim.
        "At the conference France (1919, 132) insisted on reparations.",
        "Germany (1913, 14) showed the fastest growth of any power.",
        "Victoria (1837, 18), who came to the throne, was young.",
        # After a word that introduces a place, whatever follows.
        "Surveillance data from Kenya (2019, 412–19) suggest a rise.",
    ],
)
def test_a_place_a_year_and_a_count_before_what_a_state_does_stays_tentative(text: str) -> None:
    [c] = cites(text)
    assert c.tentative


@pytest.mark.parametrize(
    "text", ["Refutation (Popper [1959] 2002, 57–73).", "Memory fades (Ebbinghaus, 1885/1913)."]
)
def test_a_reprints_two_years_are_a_citations_form(text: str) -> None:
    [c] = [c for c in cites(text) if c.kind == "author-year"]
    assert not c.tentative


def test_a_lone_bare_number_after_a_lettered_year_is_a_page() -> None:
    [c] = cites("Fairweather (2021a, 230) argues it.")
    assert (c.year, c.year_suffix, c.locator, c.tentative) == ("2021", "a", "230", False)


def test_an_article_that_cites_bare_page_ranges_cites_lone_pages_in_brackets_too() -> None:
    # Not in prose: "In Ohio (2018, 412)" is a place, a year and a count.
    text = (
        "Reciprocity binds (Mayer 2002, 105–41; Allen 1988, 72–90). Culture is a web "
        "(Geertz 1973, 5). In Ohio (2018, 412) deaths rose."
    )
    assert [(c.authors, c.tentative) for c in cites(text)] == [
        (("Mayer",), False),
        (("Allen",), False),
        (("Geertz",), False),
        (("Ohio",), True),
    ]


def test_counts_beside_a_source_in_one_bracket_stay_tentative() -> None:
    text = "Births rose (Nigeria 2006, 140; see also Tabutin and Schoumaker 2004)."
    assert [c.tentative for c in cites(text)] == [True, False]


def test_counts_beside_counts_in_one_bracket_stay_tentative() -> None:
    text = "Cases rose (England, 2019, 231; Wales, 2019, 198)."
    assert [c.tentative for c in cites(text)] == [True, True]


def test_one_bare_page_range_leaves_lone_numbers_tentative() -> None:
    text = "Reciprocity binds (Mayer 2002, 105–41). Culture is a web (Geertz 1973, 5)."
    assert [c.tentative for c in cites(text)] == [False, True]


@pytest.mark.parametrize(
    ("sentence", "authors"),
    [
        ("Later, Ruiz de la Torre et al. (2020) saw the same.", ("Ruiz de la Torre",)),
        (
            "See García Márquez and Ruiz de la Torre (2021).",
            ("García Márquez", "Ruiz de la Torre"),
        ),
        ("Work in Spain de la Torre (2020) did not repeat.", ("de la Torre",)),
    ],
)
def test_compound_surname_before_particles_in_prose(
    sentence: str, authors: tuple[str, ...]
) -> None:
    [c] = cites(sentence)
    assert c.authors == authors


@pytest.mark.parametrize(
    ("sentence", "authors"),
    [
        ("It holds (St. Pierre & Le Roux, 2022).", ("St. Pierre", "Le Roux")),
        ("Then Smith and St. John (2020) agreed.", ("Smith", "St. John")),
        ("They live on Main St. Pierre (2019) said so.", ("Pierre",)),
    ],
)
def test_saint_opening_a_surname_is_part_of_it(sentence: str, authors: tuple[str, ...]) -> None:
    [c] = cites(sentence)
    assert c.authors == authors


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Vaccination cut the risk by about 15% (5).", [5]),
        ("Intake fell between 2003 and 2011 (4); bread led the fall.", [4]),
        ("Most deaths were in people under 65 (2, 3).", [2, 3]),
        ("A vaccine came in October 2009 (4), too late.", [4]),
        ("It was declared on 11 June 2009 (1).", [1]),
        ("Of the patients, 12% (3) died within a year.", []),
        ("The mean was 4.1 ± 2 (1).", []),
        ("Intake fell between 2003 and 2011 (14).", []),
    ],
)
def test_a_figure_ending_a_sentence_may_be_followed_by_its_source(
    text: str, numbers: list[int]
) -> None:
    # In a text that cites in round brackets after words.
    cited = "Salt raises blood pressure (6). Bread is the main source (7). "
    found = cites(cited + text, numbered_list=True, last_number=9)
    assert [c.number for c in found][2:] == numbers


def test_a_figure_before_a_bracket_is_a_value_where_round_brackets_do_not_cite() -> None:
    text = "Salt raises blood pressure [6]. Vaccination cut the risk by about 15% (5)."
    assert [c.number for c in cites(text, numbered_list=True, last_number=9)] == [6]


def test_a_series_of_values_with_counts_is_no_citation() -> None:
    text = "Salt matters (6). Bread matters (7). Tumours were T1 (34) or T2 (4)."
    assert [c.number for c in cites(text, numbered_list=True, last_number=9)] == [6, 7]


@pytest.mark.parametrize(
    ("sentence", "authors"),
    [
        (
            "As Ní Bhriain and Mac Giolla Phádraig (2021) found.",
            ("Ní Bhriain", "Mac Giolla Phádraig"),
        ),
        ("Literacy rose (Mac an tSaoi, 2020).", ("Mac an tSaoi",)),
        ("Then Ó hAodha (2019) and others agreed.", ("Ó hAodha",)),
        ("Then Nic an tSaoir (2018) agreed.", ("Nic an tSaoir",)),
    ],
)
def test_irish_surnames_are_read_whole(sentence: str, authors: tuple[str, ...]) -> None:
    [c] = cites(sentence)
    assert c.authors == authors


@pytest.mark.parametrize(
    ("sentence", "authors"),
    [
        ("Reefs recover (de los Santos et al., 2019).", ("de los Santos",)),
        ("As te Velde and Brink (2016) showed.", ("te Velde", "Brink")),
        ("Tumours carry it (zur Hausen, 2009).", ("zur Hausen",)),
        ("Spores spread (dalla Costa and Ferri, 2018).", ("dalla Costa", "Ferri")),
        ("Cells divide (in 't Veld et al., 2021).", ("in 't Veld",)),
        ("In 't Veld et al. (2021) saw it.", ("In 't Veld",)),
        ("Heat rises (van 't Hoff, 1884).", ("van 't Hoff",)),
        ("Mucus thickens (al-Hakim et al., 2020).", ("al-Hakim",)),
        ("Sperm swim (d'Errico et al., 2018).", ("d'Errico",)),
        ("Sperm swim (dell'Acqua and Russo, 2017).", ("dell'Acqua", "Russo")),
    ],
)
def test_surnames_opening_with_small_words_are_read_whole(
    sentence: str, authors: tuple[str, ...]
) -> None:
    [c] = cites(sentence)
    assert c.authors == authors


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Resistance spread (MalariaGEN Plasmodium falciparum Community Project, 2016).",
            "MalariaGEN Plasmodium falciparum Community Project",
        ),
        (
            "The worm came first (C. elegans Sequencing Consortium, 1998).",
            "C. elegans Sequencing Consortium",
        ),
        (
            "Vectors differ (Anopheles gambiae 1000 Genomes Consortium, 2017).",
            "Anopheles gambiae 1000 Genomes Consortium",
        ),
    ],
)
def test_consortium_named_for_a_species_is_one_body(sentence: str, body: str) -> None:
    [c] = cites(sentence)
    assert c.authors == (body,)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Brown Jr. (2018) argued this.", ("Brown",)),
        ("Others agreed (Brown Jr., 2018).", ("Brown",)),
        ("Smith III (2019) argued this.", ("Smith",)),
        ("Others agreed (Smith III, 2019).", ("Smith",)),
        ("King Jr., Abernathy, and Young (1963) wrote it.", ("King", "Abernathy", "Young")),
    ],
)
def test_a_generation_after_a_surname_is_no_part_of_it(text: str, authors: tuple[str, ...]) -> None:
    [c] = cites(text)
    assert c.authors == authors


@pytest.mark.parametrize(
    "text",
    [
        "Phase III (2018) of the database supplies the series.",
        "The Wave IV (2016) survey asked again.",
        "Rationing lasted after World War II (1945).",
        "Banks met the Basel III (2010) ratios.",
        "Schools answered to Title IX (1972) in sport.",
        "Patients with Stage IV (2019) disease and a Phase I (2020) trial.",
    ],
)
def test_a_roman_numeral_that_numbers_a_thing_is_no_author(text: str) -> None:
    assert cites(text) == []


GARCES_ALESINA_LIST = (
    "\n\nReferences\n\n"
    "Garces, E., Thomas, D., & Currie, J. (2002). Longer-term effects of Head Start. "
    "American Economic Review, 92(4), 999-1012.\n\n"
    "Alesina, A., Harnoss, J., & Rapoport, H. (2016). Birthplace diversity and economic "
    "prosperity. Journal of Economic Growth, 21(2), 101-138.\n"
)


def test_a_programme_named_before_an_author_list_is_read_as_its_scene() -> None:
    text = (
        "Comparing siblings who did and did not attend Head Start, Garces, Thomas, and "
        "Currie (2002) found gains; Alesina et al. (2016) looked at migrants." + GARCES_ALESINA_LIST
    )
    audit = audit_document(Document.plain("a.txt", text))
    assert [d.code for d in audit.diagnostics if d.code in ("CIT101", "CIT102")] == []


def test_a_scene_with_its_article_before_an_author_list_is_left_out() -> None:
    [c] = cites("Within the European Union, Alesina, Harnoss, and Rapoport (2016) found more.")
    assert (c.text, c.authors) == (
        "Alesina, Harnoss, and Rapoport (2016)",
        ("Alesina", "Harnoss", "Rapoport"),
    )


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The Open Science Collaboration (2015) then replicated 100 studies.", "Open Science Collaboration"),
        ("The Nature Conservancy (2019) restored the reef.", "Nature Conservancy"),
        ("Guidance exists (Campaign to End Loneliness, n.d.).", "Campaign to End Loneliness"),
        ("The count rose (National Alliance to End Homelessness, 2021).", "National Alliance to End Homelessness"),
    ],
)  # fmt: skip
def test_bodies_with_a_journal_word_or_an_aim_in_their_names(text: str, body: str) -> None:
    [c] = cites(text)
    assert c.authors == (body,)


@pytest.mark.parametrize(
    "text",
    ["As shown in Nature Medicine (2016), it held.", "Nature Genetics (2017) printed it."],
)
def test_a_journal_named_before_a_year_is_no_body(text: str) -> None:
    assert cites(text) == []


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Results agreed (García y López, 2019).", ("García", "López")),
        ("Silva e Santos (2018) agreed.", ("Silva", "Santos")),
        ("Results agreed (de la Torre y García, 2017).", ("de la Torre", "García")),
        ("Malay data agree (bin Mohamad & binti Yusof, 2020).", ("bin Mohamad", "binti Yusof")),
    ],
)
def test_spanish_portuguese_and_malay_author_pairs(text: str, authors: tuple[str, ...]) -> None:
    [c] = cites(text)
    assert c.authors == authors


@pytest.mark.parametrize(
    "body",
    [
        "Comisión Económica para América Latina y el Caribe",
        "Instituto Brasileiro de Geografia e Estatística",
        "Ministerio de Salud y Protección Social",
    ],
)
def test_a_romance_bodys_name_keeps_its_y_or_e(body: str) -> None:
    [c] = cites(f"Poverty fell ({body}, 2022).")
    assert c.authors == (body,)


def test_la_opening_a_surname_stays_in_it() -> None:
    [c] = cites("La Fontaine (2017) wrote fables.")
    assert c.authors == ("La Fontaine",)


def test_a_site_cited_by_its_address() -> None:
    [c] = cites("Records came from the portal (GBIF.org, 2024).")
    assert (c.authors, c.year) == (("GBIF.org",), "2024")


@pytest.mark.parametrize(
    ("text", "crew"),
    [
        ("Tables were processed with pandas (The pandas development team, 2023).", "The pandas development team"),
        ("Base maps came from volunteered data (OpenStreetMap contributors, 2022).", "OpenStreetMap contributors"),
    ],
)  # fmt: skip
def test_a_project_crew_in_lower_case_is_cited(text: str, crew: str) -> None:
    [c] = cites(text)
    assert (c.authors, c.tentative) == ((crew,), False)


def test_a_crew_all_in_lower_case_is_read_only_if_it_names_an_entry() -> None:
    [c] = cites("Interviews included junior staff (junior developers, 2020).")
    assert (c.authors, c.tentative) == (("junior developers",), True)


def test_a_review_group_cited_with_no_entry_is_reported() -> None:
    text = (
        "The Independent Teacher Workload Review Group (2016) criticised deep marking.\n\n"
        "References\n\nEducation Endowment Foundation. (2021). Teacher feedback to improve "
        "pupil learning. EEF.\n"
    )
    codes = [d.code for d in audit_document(Document.plain("a.txt", text)).diagnostics]
    assert codes == ["CIT101", "CIT102"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Befunde (Rakoczy u. a., 2013) bestätigen das.", [(("Rakoczy",), "2013", True)]),
        ("Wie von Aufschnaiter und Rogge (2010) zeigten.", [(("von Aufschnaiter", "Rogge"), "2010", False)]),
        ("Zoals Jansen en De Vries (2018) lieten zien.", [(("Jansen", "De Vries"), "2018", False)]),
        ("Comme Dupont et Martin (2017) l'ont montré.", [(("Dupont", "Martin"), "2017", False)]),
        ("Segundo Pizo e Tonetti (2020), a dispersão cai.", [(("Pizo", "Tonetti"), "2020", False)]),
    ],
)  # fmt: skip
def test_et_al_and_and_in_german_dutch_french_and_portuguese(
    text: str, expected: list[tuple[tuple[str, ...], str, bool]]
) -> None:
    assert [(c.authors, c.year, c.et_al) for c in cites(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Korpi och Palme (1998) visade det.", [(("Korpi", "Palme"), "1998", False)]),
        ("Esping-Andersen og Korpi (1987) viste det.", [(("Esping-Andersen", "Korpi"), "1987", False)]),
        ("Kağıtçıbaşı ve Ataca (2010) gösterdi.", [(("Kağıtçıbaşı", "Ataca"), "2010", False)]),
        ("Duru-Bellat et van Zanten (2012) le montrent.", [(("Duru-Bellat", "van Zanten"), "2012", False)]),
        ("Das zeigen (Müller/Pollak 2004: 315).", [(("Müller", "Pollak"), "2004", False)]),
        ("Korpi m.fl. (1998) visade det.", [(("Korpi",), "1998", True)]),
        ("Tämä näkyy (Puska ym. 2009).", [(("Puska",), "2009", True)]),
        ("Bunu gösterdi (Sunar vd., 2005).", [(("Sunar",), "2005", True)]),
        ("Это показал (Леонтьев и др., 1975).", [(("Леонтьев",), "1975", True)]),
        ("Lo mostrano (Rossi e coll., 2015).", [(("Rossi",), "2015", True)]),
    ],
)  # fmt: skip
def test_and_and_et_al_in_nordic_turkish_russian_and_other_languages(
    text: str, expected: list[tuple[tuple[str, ...], str, bool]]
) -> None:
    assert [(c.authors, c.year, c.et_al) for c in cites(text)] == expected


def test_a_surname_that_is_a_month_alone_before_its_years_is_a_tentative_citation() -> None:
    found = cites("May (1972, 1973) challenged this view, as March (1991) argued.")
    assert [(c.authors, c.year, c.tentative) for c in found] == [
        (("May",), "1972", True),
        (("May",), "1973", True),
        (("March",), "1991", True),
    ]


def test_a_month_after_a_word_a_date_follows_is_no_citation() -> None:
    assert cites("Cases rose in March (2020) and fell by May (2021).") == []


@pytest.mark.parametrize(
    "text",
    [
        "The bound follows [2, Thm. 2.1.5].",
        "The bound follows [2, Lemma 3].",
        "The bound follows [2, Prop. 1].",
        "The bound follows [2, с. 45].",
        "The bound follows [2, S. 45–47].",
    ],
)
def test_a_numeric_citation_with_a_theorem_or_a_page_in_another_language(text: str) -> None:
    assert [c.number for c in cites(text, numbered_list=True, last_number=5)] == [2]


@pytest.mark.parametrize(
    "text",
    [
        "Risiken werden individualisiert (vgl. Beck 1986).",
        "Risiken werden individualisiert (Vgl. Beck 1986: 122).",
        "Risiken werden individualisiert (Beck 1986: 121 ff.).",
        "Risiken werden individualisiert (s. Beck 1986).",
        "Nach Beck (1986) werden Risiken individualisiert.",
    ],
)
def test_german_cues_and_locators_around_a_citation(text: str) -> None:
    assert [(c.authors, c.year) for c in cites(text)] == [(("Beck",), "1986")]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Sin fecha (Castro, s.f.).", "n.d."),
        ("Sans date (Bernard, s. d.).", "n.d."),
        ("Ohne Jahr (Klieme, o. J.).", "n.d."),
        ("In stampa (Marcora, in corso di stampa).", "in press"),
    ],
)
def test_no_date_and_in_press_in_other_languages_are_years(text: str, year: str) -> None:
    [c] = cites(text)
    assert c.year == year


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Uptake fell (Haute Autorité de santé [HAS], 2023).", ("Haute Autorité de santé",)),
        ("Stock grew (Centraal Bureau voor de Statistiek [CBS], 2023).", ("Centraal Bureau voor de Statistiek",)),
        ("Nurses agreed (HAS, 2023 ; Ordre national des infirmiers, s. d.).", ("HAS",)),
        ("Sales grew (Apple Inc., 2023).", ("Apple Inc",)),
        ("Apple Inc. (2023) reported growth.", ("Apple Inc",)),
        ("Data came from GBIF.org (2023).", ("GBIF.org",)),
        ("It matches the range of the Union of European Football Associations (2022).", ("Union of European Football Associations",)),
        ("We used the Hansen et al. (2013) forest-cover dataset.", ("Hansen",)),
    ],
)  # fmt: skip
def test_bodies_with_small_words_companies_sites_and_attributive_citations(
    text: str, authors: tuple[str, ...]
) -> None:
    assert cites(text)[0].authors == authors


def test_a_body_named_in_lower_case_without_its_abbreviation_is_read_whole() -> None:
    found = cites("Nurses agreed (HAS, 2023 ; Ordre national des infirmiers, s. d.).")
    assert [c.authors for c in found] == [("HAS",), ("Ordre national des infirmiers",)]


def test_a_title_with_an_article_before_a_lone_name_is_still_no_citation() -> None:
    assert cites("As the Lancet (2019) put it, care costs.") == []


@pytest.mark.parametrize(
    "text", ["The W3C (2023) recommends it.", "The H1N1 (2009) pandemic spread."]
)
def test_a_name_with_a_digit_cites_only_an_entry_it_names(text: str) -> None:
    [c] = cites(text)
    assert c.tentative


def test_a_german_page_locator() -> None:
    [c] = cites("Wie Harks u. a. (2014, S. 271) zeigen.")
    assert (c.authors, c.year, c.locator) == (("Harks",), "2014", "S. 271")


_ROUND = "Fatigue cracks start at welds (4). Grinding delays them (5). "


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("Gains are 40-80% (1-3, 7), depending on the steel.", [1, 2, 3, 7]),
        ("Adherence rose from 60.3% to 67.4% (8), whereas the control arm fell.", [8]),
        ("Rates exceed 0.1 cm s-1 (2, 3), but on carbon they are lower.", [2, 3]),
        ("Samples were tested to ASTM E1461-13 (1) and ISO 22007-2 (2), which agree.", [1, 2]),
        ("Group A had 40% (12), group B 35% (9), and group C was lower.", []),
    ],
)
def test_a_round_bracket_after_a_figure_cites_where_the_clause_goes_on(
    sentence: str, numbers: list[int]
) -> None:
    found = cites(_ROUND + sentence, numbered_list=True, last_number=12)
    assert [c.number for c in found][2:] == numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A dispersão cai (PIZO; TONETTI, 2020).", [("PIZO", "TONETTI")]),
        ("Aves (SILVA; SOUZA; COSTA, 2019).", [("SILVA", "SOUZA", "COSTA")]),
        ("Aves (GALETTI et al., 2013; PIZO; TONETTI, 2020).", [("GALETTI",), ("PIZO", "TONETTI")]),
        ("Aves (SILVA, 2019; SOUZA, 2020).", [("SILVA",), ("SOUZA",)]),
    ],
)  # fmt: skip
def test_abnt_parts_one_works_authors_by_semicolons(
    text: str, expected: list[tuple[str, ...]]
) -> None:
    assert [c.authors for c in cites(text, caps_authors=True)] == expected


def test_abnt_citations_keep_their_semicolons_as_written() -> None:
    [c] = cites("A dispersão cai (PIZO; TONETTI, 2020).", caps_authors=True)
    assert c.text == "PIZO; TONETTI, 2020"


def test_an_acronym_before_a_citation_is_no_author_outside_abnt() -> None:
    found = cites("The surveillance system (GLASS; WHO, 2022) reports it.")
    assert [c.authors for c in found] == [("WHO",)]


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (["PIZO, M. A.; TONETTI, V. R. Living in a fragmented world.", "GALETTI, M. Seeds."], True),
        (["Pizo, M. A., & Tonetti, V. R. (2020). Living.", "WHO. (2022). Report."], False),
        (["PIZO, M. A. Living.", "Galetti, M. Seeds.", "Jordano, P. Frugivores."], False),
    ],
)  # fmt: skip
def test_a_list_of_surnames_in_capitals_is_abnts(entries: list[str], expected: bool) -> None:
    assert writes_surnames_in_capitals(entries) is expected


def test_a_surname_broken_at_a_lines_end_with_a_hyphen_is_read_whole() -> None:
    text = "Scales work; Rus-\nsell (1996) agreed. Others did too (Wil-\nliams, 2001)."
    found = cites(text)
    assert [(c.authors, c.year) for c in found] == [(("Russell",), "1996"), (("Williams",), "2001")]
    assert [text[c.span.start : c.span.end] for c in found] == [
        "Rus-\nsell (1996)",
        "Wil-\nliams, 2001",
    ]


@pytest.mark.parametrize(
    "text", ["As Lloyd-\nJones (2010) showed.", "Shown (Lloyd-\nJones, 2010)."]
)
def test_a_double_barrelled_surname_broken_at_its_hyphen_keeps_it(text: str) -> None:
    [c] = cites(text)
    assert c.authors == ("Lloyd-Jones",)


_NOTED = (
    "Mexico taxed sugary drinks in 2014 (Colchero et al., 2016).[1] Purchases fell.[2]\n\n"
    "[1] The other seven areas included advertising and portion size.\n"
    "[2] Untaxed beverages rose over the same period.\n"
)


def test_bracketed_numbers_that_notes_take_up_are_no_citations_beside_an_unnumbered_list() -> None:
    assert [c.kind for c in cites(_NOTED)] == ["author-year"]


def test_bracketed_numbers_cite_a_numbered_list_though_notes_share_them() -> None:
    found = cites(_NOTED, numbered_list=True, last_number=2)
    assert [c.number for c in found if c.kind == "numeric"][:2] == [1, 2]


def test_the_index_r_prints_before_a_vector_is_no_citation() -> None:
    text = "    > p.adjust(p)\n    [1] 0.008 0.032 0.067\n    > mean(x)\n    [1] 63.77\n"
    assert cites(text, numbered_list=False) == []


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("  Adolescents (11–17)          81              (8)\n", [8]),
        ("Adults cut sugar (9).\n", [9]),  # a single number past the end still cites
        ("Adults cut sugar (2–4).\n", [2, 3, 4]),
    ],
)
def test_a_round_range_that_starts_past_the_list_is_no_citation(
    sentence: str, numbers: list[int]
) -> None:
    found = cites(sentence, numbered_list=True, last_number=8)
    assert [c.number for c in found] == numbers


def test_oecds_key_after_the_year_leaves_an_author_year_citation() -> None:
    found = cites("Obesity costs (OECD, 2019[1]). Cawley and Meyerhoefer (2012[4]) agree.")
    assert [(c.kind, c.authors, c.year) for c in found] == [
        ("author-year", ("OECD",), "2019"),
        ("author-year", ("Cawley", "Meyerhoefer"), "2012"),
    ]


def test_oecds_key_after_the_year_is_the_citations_number() -> None:
    found = cites("Costs rise (OECD, 2019[2]; WHO, 2020[3]) and fall (Smith, 2018).")
    assert [(c.authors, c.number) for c in found] == [
        (("OECD",), 2),
        (("WHO",), 3),
        (("Smith",), None),
    ]


def test_a_sentence_that_opens_with_a_citation_is_no_note() -> None:
    text = "Methods vary [3].\n[12] proposed a method that works [4].\n"
    assert [c.number for c in cites(text)] == [3, 12, 4]


def test_a_plain_text_tables_last_cell_is_no_part_of_the_name_in_the_next_row() -> None:
    text = (
        "  Study                   Country     Outcome\n"
        "  Paunesku et al. (2015)  USA         Core-course GPA\n"
        "  Rienzo et al. (2015)    England     Attainment\n"
    )
    assert [c.authors for c in cites(text)] == [("Paunesku",), ("Rienzo",)]


def test_a_name_wrapped_onto_the_next_line_of_prose_stays_whole() -> None:
    assert [c.authors for c in cites("As shown by Smith and\nJones (2019), it holds.")] == [
        ("Smith", "Jones")
    ]
