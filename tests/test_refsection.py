"""Reference-list detection: where the list is, where it ends, how it splits into entries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck import refsection
from citecheck.audit import audit_document
from citecheck.document import Document
from citecheck.markup import html_document, markdown_document
from citecheck.refsection import ReferenceSection, find_reference_section, heading_key

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

COLLO = (
    "Collo, G., Cavalleri, L., & Merlo Pich, E. (2019). Structural plasticity induced by "
    "ketamine in human dopaminergic neurons as mechanism relevant for treatment-resistant "
    "depression. Chronic Stress, 3, 1-6."
)
DUMAN = (
    "Duman, R. S., Aghajanian, G. K., Sanacora, G., & Krystal, J. H. (2016). Synaptic plasticity "
    "and depression: new insights from stress and rapid-acting antidepressants. Nature Medicine, "
    "22(3), 238-249. https://doi.org/10.1038/nm.4050"
)
ZARATE = (
    "Zarate CA Jr, Singh JB, Carlson PJ, Brutsche NE, Ameli R, Luckenbaugh DA, et al. A "
    "randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major "
    "depression. Arch Gen Psychiatry. 2006;63(8):856-64."
)
BODY = (
    "Ketamine works within hours for many patients, which is why clinics now offer it to "
    "people whose depression did not respond to other drugs (Duman et al., 2016)."
)


def section(text: str) -> ReferenceSection | None:
    return find_reference_section(Document.plain("a.txt", text))


def entries(text: str) -> list[str]:
    sec = section(text)
    return [e.text for e in sec.entries] if sec else []


def seed(name: str) -> str:
    [path] = SEEDS.glob(f"{name}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "line",
    [
        "References",
        "REFERENCES",
        "References:",
        "References  ",
        "## References",
        "Reference list",
        "Bibliography",
        "Works Cited",
        "Literature cited",
        "Sources",
        "Citations",
        "Notes and references",
        "7. References",
        "**References**",
        "References {.unnumbered}",
        "## Referências",
        "Referencias bibliográficas",
        "Bibliographie",
        "Literaturverzeichnis",
    ],
)
def test_heading_words(line: str) -> None:
    assert heading_key(line) != ""
    assert section(f"{BODY}\n\n{line}\n\n{COLLO}\n") is not None


@pytest.mark.parametrize(
    "line",
    [
        "Referenser", "Litteraturliste", "Lähteet", "Kaynakça", "Список литературы",
        "Piśmiennictwo", "Irodalom", "Βιβλιογραφία", "参考文献", "참고문헌",
        "Tài liệu tham khảo", "Daftar Pustaka",
    ],
)  # fmt: skip
def test_reference_headings_in_nordic_eastern_european_and_asian_languages(line: str) -> None:
    found = section(f"{BODY}\n\n{line}\n\n{COLLO}\n")
    assert found is not None
    assert found.heading is not None


def test_entries_under_a_heading_separated_by_blank_lines() -> None:
    assert entries(f"{BODY}\n\nReferences\n\n{COLLO}\n\n{DUMAN}\n") == [COLLO, DUMAN]


def test_entries_one_per_line() -> None:
    assert entries(f"{BODY}\n\nReferences\n{COLLO}\n{DUMAN}\n") == [COLLO, DUMAN]


def test_bulleted_entries() -> None:
    assert entries(f"{BODY}\n\nReferences\n  • {COLLO}\n  • {DUMAN}\n") == [COLLO, DUMAN]


@pytest.mark.parametrize("marker", ["- ", "* ", "· ", "– "])
def test_other_bullets(marker: str) -> None:
    assert entries(f"{BODY}\n\nReferences\n{marker}{COLLO}\n{marker}{DUMAN}\n") == [COLLO, DUMAN]


@pytest.mark.parametrize("fmt", ["{n}. ", "[{n}] ", "({n}) ", "{n}) "])
def test_numbered_entries_keep_their_numbers(fmt: str) -> None:
    text = f"{BODY}\n\nReferences\n{fmt.format(n=1)}{ZARATE}\n{fmt.format(n=2)}{DUMAN}\n"
    sec = section(text)
    assert sec is not None
    assert [(e.number, e.text) for e in sec.entries] == [(1, ZARATE), (2, DUMAN)]
    assert sec.numbered


def test_last_number_of_a_numbered_list_is_its_highest_number() -> None:
    sec = section(f"{BODY}\n\nReferences\n4. {ZARATE}\n7. {DUMAN}\n")
    assert sec is not None
    assert sec.last_number == 7


def test_last_number_of_a_list_without_numbers_is_its_count() -> None:
    sec = section(f"{BODY}\n\nReferences\n\n{ZARATE}\n\n{DUMAN}\n\n{COLLO}\n")
    assert sec is not None
    assert sec.last_number == 3


def test_markdown_lazy_numbering_counts_by_position() -> None:
    sec = section(f"{BODY}\n\nReferences\n1. {ZARATE}\n1. {DUMAN}\n")
    assert sec is not None
    assert [e.number for e in sec.entries] == [1, 2]


def wrap(entry: str, at: int, indent: str = "") -> str:
    """Break ``entry`` at the first space from ``at`` on."""
    cut = entry.index(" ", at)
    return entry[:cut] + "\n" + indent + entry[cut + 1 :]


def test_wrapped_entry_is_joined() -> None:
    wrapped = wrap(COLLO, 60, indent="   ")
    assert entries(f"{BODY}\n\nReferences\n\n{wrapped}\n\n{DUMAN}\n") == [COLLO, DUMAN]


def test_wrapped_entries_one_per_line() -> None:
    wrapped = wrap(COLLO, 60)
    assert entries(f"{BODY}\n\nReferences\n{wrapped}\n{DUMAN}\n") == [COLLO, DUMAN]


# Derry, Ochs and Francke, Cell 79 (1994), as a list without pages gives it, with a
# space before the first comma: it reads weakly as an entry, but it still opens one.
_DERRY_SPACED = (
    "Derry JM , Ochs HD, Francke U. 1994. Isolation of a novel gene mutated in "
    "Wiskott-Aldrich syndrome. Cell 79."
)


def test_a_space_before_the_first_comma_does_not_end_a_list_one_entry_per_line() -> None:
    text = f"{BODY}\n\nReferences\n{COLLO}\n{_DERRY_SPACED}\n{DUMAN}\n"
    assert entries(text) == [COLLO, _DERRY_SPACED, DUMAN]


# Karban and Baldwin, "Induced responses to herbivory" (University of Chicago Press,
# 1997), with the names separated by semicolons: a short entry with no locator.
_KARBAN_SEMICOLONS = (
    "Karban R; Baldwin IT. 1997. Induced responses to herbivory. Chicago: University of "
    "Chicago Press."
)
# The Royal Society's 2009 report, with a stray space before the period.
_ROYAL_SOCIETY_SPACED = (
    "Royal Society . 2009. Reaping the benefits: science and the sustainable "
    "intensification of global agriculture. London: Royal Society."
)


@pytest.mark.parametrize("entry", [_KARBAN_SEMICOLONS, _ROYAL_SOCIETY_SPACED])
def test_a_short_entry_in_a_variant_punctuation_does_not_end_the_list(entry: str) -> None:
    text = f"{BODY}\n\nReferences\n{COLLO}\n{entry}\n{DUMAN}\n"
    assert entries(text) == [COLLO, entry, DUMAN]


# Spain's statistics office, a body named in Spanish: no author pattern knows it, and
# the line reads only its year.
_INE = "Instituto Nacional de Estadística. 2020. Encuesta de morbilidad hospitalaria. Madrid."


def test_a_weak_line_between_entries_one_per_line_is_an_entry() -> None:
    text = f"{BODY}\n\nReferences\n{COLLO}\n{_INE}\n{DUMAN}\n"
    assert entries(text) == [COLLO, _INE, DUMAN]


def test_a_dated_line_before_a_how_to_cite_line_ends_the_list() -> None:
    # Only a name followed by its year opens a weak entry: not a page's history.
    history = "Received 3 March 2020; accepted 5 May 2020."
    text = f"{BODY}\n\nReferences\n{COLLO}\n{history}\n{DUMAN}\n"
    assert entries(text) == [COLLO]


def test_a_weak_line_after_the_last_entry_ends_the_list() -> None:
    text = f"{BODY}\n\nReferences\n{COLLO}\n{_INE}\nReceived 3 March 2015.\n"
    assert entries(text) == [COLLO]


def test_a_caption_with_a_space_before_its_comma_is_no_entry() -> None:
    caption = "Table S1 , Primer sequences used in this study."
    assert entries(f"{BODY}\n\nReferences\n\n{COLLO}\n\n{caption}\n") == [COLLO]


def test_doi_broken_after_a_slash_is_joined_without_space() -> None:
    broken = DUMAN.replace("10.1038/nm.4050", "10.1038/\nnm.4050")
    assert entries(f"{BODY}\n\nReferences\n\n{broken}\n") == [DUMAN]


def test_list_stops_at_byline_after_a_complete_entry() -> None:
    text = (
        f"{BODY}\n\nReferences\n  • {DUMAN}\nUnderstanding Ketamine\nMarch 15, 2024\nWill Ratliff\n"
    )
    assert entries(text) == [DUMAN]


def test_list_stops_at_disclaimer() -> None:
    text = f"{BODY}\n\nReferences\n\n{COLLO}\n\nDisclaimer: this page is not medical advice.\n"
    assert entries(text) == [COLLO]


def test_list_stops_at_a_body_paragraph() -> None:
    text = f"References\n\n{COLLO}\n\n{BODY} It is not a reference at all, just prose.\n"
    assert entries(text) == [COLLO]


def test_lead_in_line_under_the_heading_is_skipped() -> None:
    assert entries(f"{BODY}\n\nSources\nWe consulted these works:\n{COLLO}\n") == [COLLO]


def test_last_heading_wins() -> None:
    text = f"Contents\nIntroduction\nReferences\n\n{BODY}\n\nReferences\n\n{DUMAN}\n"
    assert entries(text) == [DUMAN]


def test_trailing_run_without_heading() -> None:
    assert entries(f"{BODY}\n\n{COLLO}\n\n{DUMAN}") == [COLLO, DUMAN]


def test_trailing_run_without_heading_vancouver() -> None:
    assert entries(f"{BODY}\n\n{ZARATE}\n") == [ZARATE]


def test_no_list_in_plain_prose() -> None:
    assert section(f"{BODY}\n\n{BODY}\n") is None


def test_body_paragraph_citing_sources_is_not_a_reference() -> None:
    assert section(f"Intro.\n\n{BODY}\n") is None


def test_section_span_covers_heading_to_last_entry() -> None:
    text = f"{BODY}\n\nReferences\n\n{COLLO}\n"
    sec = section(text)
    assert sec is not None
    assert sec.heading is not None
    assert text[sec.span.start : sec.span.end] == f"References\n\n{COLLO}"


def test_seed_003_has_two_entries_without_a_heading() -> None:
    sec = section(seed("003"))
    assert sec is not None
    assert sec.heading is None
    assert [e.text[:20] for e in sec.entries] == ["Collo, G., Cavalleri", "Duman, R. S., Li, N."]


def test_seed_004_has_six_entries_and_stops_before_the_byline() -> None:
    sec = section(seed("004"))
    assert sec is not None
    assert len(sec.entries) == 6
    assert sec.entries[-1].text.endswith("https://doi.org/10.1523/JNEUROSCI.4991-12.2013")


@pytest.mark.parametrize("name", ["000", "001", "002"])
def test_seeds_without_reference_lists(name: str) -> None:
    assert section(seed(name)) is None


def test_megabyte_line_is_not_a_list() -> None:
    assert section("((a, b, (c, d, 2012; " * 50_000) is None


def test_alphanumeric_keys_are_list_markers() -> None:
    text = (
        f"{BODY}\n\nReferences\n\n"
        "[BAD10] Bader, D. A. 2010. Graph partitioning. Journal of Algorithms, 12(3), 1-20.\n"
        "[XZZ+11] Xu, Z. 2011. Streams. Theory of Computing, 4, 10-22.\n"
    )
    assert [e[:12] for e in entries(text)] == ["Bader, D. A.", "Xu, Z. 2011."]


def test_page_number_between_entries_is_skipped() -> None:
    text = (
        f"{BODY}\n\nReferences\n\n"
        "Bader, D. A. (2010). Graph partitioning. Journal of\nAlgorithms, 12(3), 1-20.\n\n"
        "69\n\n"
        "Xu, Z. (2011). Streams. Theory of Computing, 4, 10-22.\n"
    )
    assert entries(text) == [
        "Bader, D. A. (2010). Graph partitioning. Journal of Algorithms, 12(3), 1-20.",
        "Xu, Z. (2011). Streams. Theory of Computing, 4, 10-22.",
    ]


def test_hanging_indent_continues_an_entry() -> None:
    text = (
        f"{BODY}\n\nREFERENCES\n"
        "Bader, D. A. (2010). Graph partitioning in\n"
        "    practice. Journal of Algorithms, 12(3), 1-20.\n"
        "Xu, Z. (2011). Streams of data and\n"
        "    their limits. Theory of Computing, 4, 10-22.\n"
    )
    assert entries(text) == [
        "Bader, D. A. (2010). Graph partitioning in practice. Journal of Algorithms, 12(3), 1-20.",
        "Xu, Z. (2011). Streams of data and their limits. Theory of Computing, 4, 10-22.",
    ]


# A consortium paper's entry: the International Human Genome Sequencing Consortium's
# "Initial sequencing and analysis of the human genome" (Nature 409:860-921, 2001),
# here with 195 names built from its first authors' surnames, on one line.
_GENOME_SURNAMES = (
    "Lander Linton Birren Nusbaum Zody Baldwin Devon Dewar Doyle FitzHugh Funke Gage Harris "
    "Heaford Howland Kann Lehoczky LeVine McEwan McKernan Meldrim Mesirov Miranda Morris "
    "Naylor Raymond Rosetti Santos Sheridan Sougnez"
).split()


def _genome_entry(n: int = 195) -> str:
    names = [
        f"{_GENOME_SURNAMES[k % 30]}{'' if k < 30 else 'abcdefg'[k // 30]} "
        f"{chr(65 + k % 26)}{chr(65 + (k * 7) % 26)}"
        for k in range(n)
    ]
    return (
        ", ".join(names) + ". 2001. Initial sequencing and analysis of the human genome. "
        "Nature 409:860–921."
    )


def test_first_entry_with_195_authors_over_2000_characters_is_read() -> None:
    genome = _genome_entry()
    assert len(genome) > 2000
    text = f"{BODY}\n\nReferences\n\n{genome}\n\n{COLLO}\n\n{DUMAN}\n"
    assert entries(text) == [genome, COLLO, DUMAN]


def test_long_paragraph_without_a_name_list_still_ends_the_list() -> None:
    paragraph = " ".join([BODY] * 14)
    assert len(paragraph) > 2000
    text = f"References\n\n{COLLO}\n\n{paragraph}\n"
    assert entries(text) == [COLLO]


def test_short_list_of_an_author_response_gives_way_to_the_article_list() -> None:
    article_list = "\n\n".join(
        f"Bader{c}, D. A. (201{k}). Graph partitioning {k}. Journal of Algorithms, 1{k}, 1-20."
        for k, c in enumerate("abcdefghijkl")
    )
    response = (
        "Author response\n\nWe thank the reviewers (Duman et al., 2016).\n\n"
        f"References\n\n{DUMAN}\n\n{COLLO}\n"
    )
    text = f"{BODY}\n\nReferences\n\n{article_list}\n\n{response}"
    found = entries(text)
    assert len(found) == 12
    assert found[0].startswith("Badera, D. A. (2010).")


def test_later_list_of_comparable_length_still_wins() -> None:
    first = "\n\n".join([COLLO, DUMAN])
    text = f"References\n\n{first}\n\nSupplement\n\n{BODY}\n\nReferences\n\n{ZARATE}\n"
    assert entries(text) == [ZARATE]


def test_initial_i_in_a_vancouver_entry_is_no_pronoun() -> None:
    # Andrews et al. 1999 (Nature Genetics 23:147), its first comma pushed off by a space.
    andrews = (
        "Andrews RM, Kubacka I, Chinnery PF, Lightowlers RN, Turnbull DM, Howell N. 1999. "
        "Reanalysis and revision of the Cambridge reference sequence for human mitochondrial "
        "DNA. Nature Genetics 23:147. doi: 10.1038/13779."
    )
    spaced = andrews.replace("Andrews RM,", "Andrews RM ,")
    gray = (
        "Gray MW, Burger G, Lang BF. 1999. Mitochondrial evolution. Science 283:1476–1481. "
        "doi: 10.1126/science.283.5407.1476."
    )
    text = f"{BODY}\n\nReferences\n{andrews}\n{spaced}\n{gray}\n"
    assert entries(text) == [andrews, spaced, gray]


# -- the entry features, against the single patterns they were written as ------------------

# What `looks_like_reference` asks of an entry, as one regular expression each; the
# module splits them into patterns that the regex engine can search faster.
_PLAIN_FEATURES = {
    "_YEAR": re.compile(r"(?<!\d)(?:1[6-9]\d\d|20\d\d)[a-z]?(?!\d)|\bn\.\s?d\.|\bin press\b", re.I),
    "_IDENT": re.compile(r"\b10\.\d{4,9}/\S|https?://\S|\bPMID:?\s*\d|\bPMC\d{4,}|\barXiv:", re.I),
    "_LOCATOR": re.compile(
        r"\d+\s*\(\s*\d[^)]{0,10}\)|\d+\s*[-–—]\s*\d+|\bpp?\.\s*\d|;\s*\d+\s*[(:]"
        r"|\bvol\.\s*\d|\b[eE]\d{4,}|\bed(?:s|ition)?\."
    ),
    "_PROSE": re.compile(r"\bI\s+[a-z]|\b(?:we|you|our|your|my|us)\b|[!?]\s*$"),
}
# Pieces of entries and prose, alone and glued to a letter or a digit before them, and
# characters at their edges: word characters that IGNORECASE folds ("ſ", "İ", "ı", the
# Kelvin sign), "_", digits, dashes, line breaks.
_WORDS = (
    "10. 10.1038/nm 1994 2012a 16000 20199 1599 n.d. N. d. in press IN PRESS İn press "
    "https:// HTTP://x hTtpſ://x PMID: pmid 1 PMC12345 pmc1234 arXiv: ARXIV: arxıv: "
    "pp. p. 3 vol. 2 Vol. e1002 E12345 eds. edition. ed. we We you your our my us I I "
    "Iwe ( ) (1) 3(2) 35-41 35–41 3 — 4 ; 12: ;3( _ é ſ İ ı \u212a x9 a A ! ? \n \t".split(" ")
)
_PIECES = st.sampled_from([*_WORDS, *(f"x{w}" for w in _WORDS), *(f"9{w}" for w in _WORDS)])
_ENTRY_TEXT = st.lists(
    st.one_of(_PIECES, st.text(alphabet="0123456789 .:;/()-–Ia_\n!?edpvwsuy", max_size=6)),
    max_size=12,
).map("".join)


@settings(max_examples=2000, deadline=None)
@given(_ENTRY_TEXT, st.sampled_from(sorted(_PLAIN_FEATURES)))
def test_entry_features_are_found_where_their_single_patterns_are(text: str, name: str) -> None:
    feature: refsection._AnyOf = getattr(refsection, name)
    assert feature.found(text) == (_PLAIN_FEATURES[name].search(text) is not None)


@pytest.mark.parametrize("name", sorted(_PLAIN_FEATURES))
def test_entry_features_on_the_sample_entries(name: str) -> None:
    feature: refsection._AnyOf = getattr(refsection, name)
    for text in (COLLO, DUMAN, ZARATE, BODY, f"{BODY} We?", "see pmid:123, e20245"):
        assert feature.found(text) == (_PLAIN_FEATURES[name].search(text) is not None)


def _first_words(text: str) -> list[str]:
    found = section(text)
    assert found is not None
    return [e.text.split(",")[0] for e in found.entries]


def test_hard_wrapped_entries_parted_by_blank_lines_keep_a_line_that_opens_like_an_author() -> None:
    # The wrap put "Loria, C. M.," at the start of a line inside Harnack et al.'s entry.
    text = (
        f"{BODY}\n\nReferences\n\n"
        "Bertino, M., Beauchamp, G. K., & Engelman, K. (1982). Long-term reduction in\n"
        "dietary sodium alters the taste of salt. American Journal of Clinical Nutrition,\n"
        "36(6), 1134-1144.\n\n"
        "Harnack, L. J., Cogswell, M. E., Shikany, J. M., Gardner, C. D., Gillespie, C.,\n"
        "Loria, C. M., Zhou, X., Yuan, K., & Steffen, L. M. (2017). Sources of sodium in US\n"
        "adults from 3 geographic regions. Circulation, 135(19), 1775-1783.\n"
    )
    assert _first_words(text) == ["Bertino", "Harnack"]


def test_hard_wrapped_first_entry_keeps_its_journal_line_when_the_list_goes_on() -> None:
    text = (
        f"{BODY}\n\nReferences\n\n"
        "Juraschek, S. P., Miller, E. R., Weaver, C. M., & Appel, L. J. (2017). Effects of\n"
        "sodium reduction and the DASH diet in relation to baseline blood pressure.\n"
        "Journal of the American College of Cardiology, 70(23), 2841-2848.\n\n"
        f"{DUMAN}\n"
    )
    assert _first_words(text) == ["Juraschek", "Duman"]


def test_one_entry_per_line_without_a_final_full_stop_still_parts_at_each_author() -> None:
    text = (
        f"{BODY}\n\nReferences\n\n"
        "Collo, G., Cavalleri, L., & Merlo Pich, E. (2019). Structural plasticity. Chronic "
        "Stress, 3, 1-6\n"
        f"{DUMAN}\n"
    )
    assert _first_words(text) == ["Collo", "Duman"]


def test_wrapped_year_that_opens_a_line_is_no_list_marker() -> None:
    text = (
        f"{BODY}\n\nReferences\n\n"
        "Mente, A., O'Donnell, M., Rangarajan, S., Dagenais, G., Lear, S., McQueen, M.,\n"
        "Diaz, R., Avezum, A., Lopez-Jaramillo, P., Lanas, F., Li, W., & Yusuf, S.\n"
        "(2016). Associations of urinary sodium excretion with cardiovascular events.\n"
        "The Lancet, 388(10043), 465-475.\n\n"
        f"{DUMAN}\n"
    )
    assert _first_words(text) == ["Mente", "Duman"]


def _entries(text: str) -> list[tuple[int | None, str]]:
    found = section(text)
    assert found is not None
    return [(e.number, e.text) for e in found.entries]


def test_wrapped_year_after_a_number_marker_goes_on_the_entry() -> None:
    text = (
        "Malaria fell [1].\n\nReferences\n\n"
        "1. Bhatt S, Weiss DJ, Cameron E. The effect of malaria control in Africa between 2000 and\n"
        "2015. Nature. 2015;526:207-11.\n"
        "2. Marmot M. Social determinants of health inequalities. Lancet. 2005;365:1099-104.\n"
    )
    [(first, bhatt), (second, _)] = _entries(text)
    assert (first, second) == (1, 2)
    assert bhatt.endswith("between 2000 and 2015. Nature. 2015;526:207-11.")


def test_number_alone_on_its_line_opens_the_entry_below() -> None:
    text = (
        "Bias was assessed [1] and certainty graded [2].\n\nReferences\n\n"
        "1.\nSterne JA, Hernan MA. ROBINS-I: a tool for assessing bias. BMJ 2016;355:i4919.\n\n"
        "2.\nGuyatt GH, Oxman AD. GRADE: an emerging consensus. BMJ 2008;336:924-6.\n"
    )
    assert [(n, t.split(",")[0]) for n, t in _entries(text)] == [(1, "Sterne JA"), (2, "Guyatt GH")]


def test_entry_under_a_number_alone_starts_at_its_text() -> None:
    text = "See [1].\n\nReferences\n\n1.\nSterne JA. ROBINS-I. BMJ 2016;355:i4919.\n"
    found = section(text)
    assert found is not None
    assert text[found.entries[0].span.start :].startswith("Sterne JA")


def test_numbers_without_a_stop_are_markers_in_sequence() -> None:
    text = (
        "Bias was assessed (1) and certainty graded (2).\n\nReferences\n\n"
        "1 Sterne JA, Hernan MA. ROBINS-I: a tool for assessing bias. BMJ 2016;355:i4919.\n\n"
        "2 Guyatt GH, Oxman AD. GRADE: an emerging consensus. BMJ 2008;336:924-6.\n"
    )
    assert [(n, t.split(",")[0]) for n, t in _entries(text)] == [(1, "Sterne JA"), (2, "Guyatt GH")]


def test_number_without_a_stop_out_of_sequence_is_no_marker() -> None:
    text = (
        "Bias was assessed [1].\n\nReferences\n\n"
        "1 Sterne JA, Hernan MA. ROBINS-I: a tool for assessing bias in trials of\n"
        "3 Guyatt GH. BMJ 2016;355:i4919.\n"
    )
    assert [n for n, _ in _entries(text)] == [1]


@pytest.mark.parametrize(
    ("wrapped", "doi"),
    [
        ("https://doi.org/10.1056/\nNEJMoa2035389", "10.1056/NEJMoa2035389"),
        ("doi:10.1016/S0140-\n6736(20)30183-5", "10.1016/S0140-6736(20)30183-5"),
        ("https://doi.org/\n10.1186/1471-2288-13-117", "10.1186/1471-2288-13-117"),
    ],
)
def test_identifier_broken_at_the_line_end_goes_on_the_next_line(wrapped: str, doi: str) -> None:
    text = (
        "Vaccines worked [1] and so did masks [2].\n\nReferences\n\n"
        f"1. Baden LR, El Sahly HM. Efficacy of the mRNA-1273 vaccine. N Engl J Med. 2021;384(5):403-16. {wrapped}\n"
        "2. Marmot M. Social determinants of health inequalities. Lancet. 2005;365:1099-104.\n"
    )
    entries = _entries(text)
    assert (len(entries), entries[0][1].endswith(doi)) == (2, True)


VANCOUVER_PAIR = (
    "1. He FJ, MacGregor GA. A comprehensive review on salt and health. J Hum Hypertens. "
    "2009;23(6):363-84.\n"
    "2. Aburto NJ, Hanson S. Effect of increased potassium intake on cardiovascular risk "
    "factors. BMJ. 2013;346:f1378.\n"
)


@pytest.mark.parametrize("heading", ["Notes", "Endnotes", "Footnotes", "Key references"])
def test_references_under_a_notes_heading_are_a_list(heading: str) -> None:
    text = f"Salt raises blood pressure [1]. Potassium lowers it [2].\n\n## {heading}\n\n{VANCOUVER_PAIR}"
    assert [n for n, _ in _entries(text)] == [1, 2]


def test_explanatory_notes_are_no_list() -> None:
    text = (
        "Salt raises blood pressure.\n\nNotes\n\n"
        "1. We counted only adults over 18 in this survey.\n"
        "2. Prices are in pounds sterling.\n"
    )
    assert section(text) is None


def test_notes_give_way_to_a_references_heading() -> None:
    text = (
        f"Salt raises blood pressure [1].\n\nReferences\n\n{VANCOUVER_PAIR}\n"
        "Notes\n\n1. Smith J, Jones K. Personal communication. BMJ. 2019;1:2-3.\n"
    )
    assert [t.split(",")[0] for _, t in _entries(text)] == ["He FJ", "Aburto NJ"]


def test_numbered_list_without_a_heading_ends_the_article() -> None:
    text = f"Salt raises blood pressure [1]. Potassium lowers it [2].\n\n{VANCOUVER_PAIR}"
    assert [n for n, _ in _entries(text)] == [1, 2]


def test_markdown_footnotes_are_a_numbered_list() -> None:
    text = (
        "Statins lower LDL.[^1] The benefit is largest after a heart attack.[^2]\n\n"
        "## References\n\n"
        "[^1]: Endo A. A historical perspective on statins. Proc Jpn Acad Ser B. 2010;86(5):484-93.\n"
        "[^2]: Collins R, Reith C. Interpretation of the evidence. Lancet. 2016;388(10059):2532-61.\n"
    )
    assert [(n, t.split(".")[0]) for n, t in _entries(text)] == [
        (1, "Endo A"),
        (2, "Collins R, Reith C"),
    ]


def test_number_typed_in_a_numbered_item_is_no_part_of_the_entry() -> None:
    text = "Diabetes is common [1].\n\nReferences\n\n1. 1. Smith J, Jones K. Coding. BMJ. 2019;365:l123.\n"
    assert _entries(text) == [(1, "Smith J, Jones K. Coding. BMJ. 2019;365:l123.")]


def test_wrapped_line_opening_with_the_next_number_stays_in_its_entry() -> None:
    text = (
        "Diabetes is common [1] and treated [2].\n\nReferences\n\n"
        "1. Smith J, Patel R. Prevalence and management of type\n"
        "2 diabetes in adults over 65. BMJ Open. 2019;9(3):e023456.\n"
        "2. Brown A, Green B. Metformin and HbA1c in older people. Diabetes Care. 2018;41(2):123-30.\n"
    )
    assert [(n, t.split(",")[0]) for n, t in _entries(text)] == [(1, "Smith J"), (2, "Brown A")]


def test_bare_number_list_keeps_a_wrapped_line_opening_with_the_next_number() -> None:
    text = (
        "Diabetes is common (1) and treated (2).\n\nReferences\n\n"
        "1 Smith J, Patel R. Prevalence and management of type\n"
        "2 diabetes in adults over 65. BMJ Open 2019;9:e023456.\n"
        "2 Brown A, Green B. Metformin and HbA1c in older people. Diabetes Care 2018;41:123-30.\n"
    )
    assert [(n, t.split(",")[0]) for n, t in _entries(text)] == [(1, "Smith J"), (2, "Brown A")]


def test_web_address_ending_in_a_slash_finishes_its_entry() -> None:
    text = (
        "Eating well helps [1]. Exercise helps too [2].\n\nSources\n\n"
        "Understanding A1C. American Diabetes Association. https://diabetes.org/a1c/\n"
        "Type 2 diabetes: overview. NHS. https://www.nhs.uk/conditions/type-2-diabetes/\n"
    )
    entries = _entries(text)
    assert [t.split()[-1] for _, t in entries] == [
        "https://diabetes.org/a1c/",
        "https://www.nhs.uk/conditions/type-2-diabetes/",
    ]


def test_page_range_broken_at_the_line_end_is_no_entry_number() -> None:
    text = (
        "Salt raises blood pressure [1] and potassium lowers it [2].\n\nReferences\n\n"
        "1. He FJ, MacGregor GA. A comprehensive review on salt and health. J Hum Hypertens. 2009;23:363-\n"
        "84.\n"
        "2. Aburto NJ, Hanson S. Effect of potassium intake. BMJ. 2013;346:f1378.\n"
    )
    assert [(n, t.split(".")[-2][-10:]) for n, t in _entries(text)] == [
        (1, ";23:363-84"),
        (2, ";346:f1378"),
    ]


def test_notes_that_mix_comments_with_references_are_no_list() -> None:
    text = (
        "Teenagers need sleep.[1] Schools start early.[2] Screens delay sleep.[3]\n\n## Notes\n\n"
        "1. Hirshkowitz M, Whiton K. Sleep time duration recommendations. Sleep Health. 2015;1(1):40-43.\n"
        "2. In the UK, most secondary schools start between 8.30 and 9.00 am.\n"
        "3. Hale L, Guan S. Screen time and sleep. Sleep Med Rev. 2015;21:50-58.\n"
    )
    assert section(text) is None


def test_headless_numbered_list_keeps_weak_entries_in_sequence() -> None:
    strong = [
        "Iuliano AD, Roguski KM, Chang HH, et al. Estimates of global seasonal influenza-associated "
        "respiratory mortality: a modelling study. Lancet. 2018;391(10127):1285-300.",
        "Kuster SP, Shah PS, Coleman BL, et al. Incidence of influenza in healthy adults and "
        "healthcare workers: a systematic review. PLoS One. 2011;6(10):e26239.",
        "Dunkle LM, Izikson R, Patriarca P, et al. Efficacy of recombinant influenza vaccine in "
        "adults 50 years of age or older. N Engl J Med. 2017;376(25):2427-36.",
    ]
    weak = (
        "UK Health Security Agency. Seasonal influenza vaccine uptake in frontline healthcare "
        "workers in England: winter season 2022 to 2023. London: UKHSA; 2023."
    )
    body = "Influenza kills many [1]. Staff catch it [2], vaccines work [3], uptake is low [4].\n\n"
    text = body + "".join(f"{k}. {e}\n" for k, e in enumerate([*strong, weak], 1))
    assert [n for n, _ in _entries(text)] == [1, 2, 3, 4]


def test_bare_number_list_keeps_a_body_entry() -> None:
    text = (
        "Metformin is first line (1). NICE agrees (2). SGLT2 inhibitors help (3).\n\nReferences\n\n"
        "1 Sterne JA, Murthy S. Corticosteroids and mortality. JAMA 2020;324:1330-41.\n"
        "2 National Institute for Health and Care Excellence. Type 2 diabetes in adults. London: NICE, 2022.\n"
        "3 McMurray JJV, Solomon SD. Dapagliflozin in heart failure. N Engl J Med 2019;381:1995-2008.\n"
    )
    assert [n for n, _ in _entries(text)] == [1, 2, 3]


def test_numbers_alone_on_their_lines_may_skip_a_number() -> None:
    text = (
        "Bias [1], certainty [2], reporting [3] and risk [5].\n\nReferences\n\n"
        "1.\nSterne JA, Hernan MA. ROBINS-I. BMJ 2016;355:i4919.\n"
        "2.\nGuyatt GH, Oxman AD. GRADE. BMJ 2008;336:924-6.\n"
        "3.\nPage MJ, McKenzie JE. PRISMA 2020. BMJ 2021;372:n71.\n"
        "5.\nHiggins JP, Altman DG. Cochrane risk of bias. BMJ 2011;343:d5928.\n"
    )
    assert [n for n, _ in _entries(text)] == [1, 2, 3, 5]


_WHO_FIRST = (
    "1. World Health Organization. Guideline: sodium intake for adults and children. "
    "Geneva: WHO; 2012.\n"
    "2. He FJ, Li J, MacGregor GA. Effect of longer term modest salt reduction on blood "
    "pressure. BMJ. 2013;346:f1325.\n"
)


def test_weak_first_entry_under_notes_is_kept_when_the_list_goes_on_from_it() -> None:
    text = f"Adults eat too much salt.[1] Less salt lowers blood pressure.[2]\n\n## Notes\n\n{_WHO_FIRST}"
    assert [(n, t.split(".")[0]) for n, t in _entries(text)] == [
        (1, "World Health Organization"),
        (2, "He FJ, Li J, MacGregor GA"),
    ]


def test_weak_first_entry_of_a_headless_list_is_kept_when_the_list_goes_on_from_it() -> None:
    text = f"Adults eat too much salt.[1] Less salt lowers blood pressure.[2]\n\n{_WHO_FIRST}"
    assert [n for n, _ in _entries(text)] == [1, 2]


def test_weak_numbered_lead_in_out_of_sequence_is_still_skipped() -> None:
    text = (
        "Less salt lowers blood pressure.[2]\n\n## Notes\n\n"
        "1. Figures for 2012 come from the WHO guideline.\n"
        "3. He FJ, Li J, MacGregor GA. Effect of longer term modest salt reduction on blood "
        "pressure. BMJ. 2013;346:f1325.\n"
    )
    assert [n for n, _ in _entries(text)] == [3]


def test_markdown_footnotes_after_an_author_date_list_are_no_entries() -> None:
    text = (
        "Sleep helps memory (Walker, 2017).[^1] Naps help too (Mednick et al., 2003).\n\n"
        "## References\n\n"
        "Mednick, S., Nakayama, K., & Stickgold, R. (2003). Sleep-dependent learning: a nap "
        "is as good as a night. Nature Neuroscience, 6(7), 697-698.\n\n"
        "Walker, M. (2017). Why we sleep. Scribner.\n\n"
        "[^1]: Walker's book is written for a general audience; see Guzey for caveats.\n"
    )
    assert [t.split(",")[0] for _, t in _entries(text)] == ["Mednick", "Walker"]


def test_number_typed_without_a_space_in_a_numbered_item_is_no_part_of_the_entry() -> None:
    text = "Dynorphin is aversive [1].\n\nReferences\n\n1. 1.Chavkin C, Koob GF. Dynorphin. Neuropsychopharmacology. 2016;41:373-4.\n"
    assert _entries(text) == [
        (1, "Chavkin C, Koob GF. Dynorphin. Neuropsychopharmacology. 2016;41:373-4.")
    ]


_PLOS_LIST = (
    "<p>Dynorphin is aversive [1] and psychotomimetic [2].</p><h2>References</h2>"
    '<ol class="references">'
    '<li><span class="label">1.</span><a id="ref001"></a>Chavkin C, Koob GF. Dynorphin, '
    "dysphoria, and dependence: the stress of addiction. Neuropsychopharmacology. "
    '2016;41:373&ndash;4. <ul class="reflinks"><li><a href="https://doi.org/10.1038/npp.2015.258">'
    'View Article</a></li><li><a href="#">Google Scholar</a></li></ul></li>'
    '<li><span class="label">2.</span><a id="ref002"></a>Pfeiffer A, Brantl V, Herz A, Emrich HM. '
    "Psychotomimesis mediated by kappa opiate receptors. Science. 1986;233:774&ndash;6. "
    '<ul class="reflinks"><li><a href="#">View Article</a></li></ul></li></ol>'
)


def test_link_buttons_listed_under_an_entry_are_part_of_it() -> None:
    found = find_reference_section(html_document("a.html", _PLOS_LIST))
    assert found is not None
    assert [
        (e.number, e.text.split(".")[0], e.text.rsplit(". ", 1)[-1]) for e in found.entries
    ] == [
        (
            1,
            "Chavkin C, Koob GF",
            "View Article https://doi.org/10.1038/npp.2015.258 Google Scholar",
        ),
        (2, "Pfeiffer A, Brantl V, Herz A, Emrich HM", "View Article"),
    ]


def test_note_opening_a_notes_list_is_no_entry() -> None:
    text = (
        "Adults eat too much salt.[1] Less salt lowers blood pressure.[2]\n\n## Notes\n\n"
        "1. Intake was estimated from 24-hour urine collections in 2019; see the survey "
        "report for details.\n"
        "2. He FJ, Li J, MacGregor GA. Effect of longer term modest salt reduction on blood "
        "pressure. BMJ. 2013;346:f1325.\n"
    )
    assert [n for n, _ in _entries(text)] == [2]


def test_long_first_entry_of_a_group_under_notes_is_kept_when_the_list_goes_on() -> None:
    gbd = (
        "1. GBD 2016 Headache Collaborators. Global, regional, and national burden of "
        "migraine and tension-type headache, 1990-2016: a systematic analysis for the Global "
        "Burden of Disease Study 2016. Lancet Neurol. 2018;17(11):954-76.\n"
    )
    text = (
        "Migraine is common.[1] It is commoner in women.[2]\n\n## Notes\n\n"
        + gbd
        + "2. Vetvik KG, MacGregor EA. Sex differences in the epidemiology of migraine. "
        "Lancet Neurol. 2017;16(1):76-87.\n"
    )
    assert [(n, t.split(".")[0]) for n, t in _entries(text)] == [
        (1, "GBD 2016 Headache Collaborators"),
        (2, "Vetvik KG, MacGregor EA"),
    ]


@pytest.mark.parametrize(
    "first",
    [
        "National Institute for Health and Care Excellence (NICE). Hypertension in adults. "
        "London: NICE; 2019.",
        "U.S. Preventive Services Task Force. Screening for hypertension in adults. JAMA. 2021.",
        "Centre for Reviews and Dissemination, University of York. Systematic reviews. York: "
        "CRD; 2009.",
    ],
)
def test_group_author_opening_a_notes_list_is_its_first_entry(first: str) -> None:
    text = (
        "Salt intake is high.[1] It raises blood pressure.[2]\n\n## Notes\n\n"
        f"1. {first}\n"
        "2. He FJ, Li J, MacGregor GA. Effect of longer term modest salt reduction on blood "
        "pressure. BMJ. 2013;346:f1325.\n"
    )
    assert [n for n, _ in _entries(text)] == [1, 2]


_SPRINGER_LIST = (
    "<p>Falls are common [1] and costly [2].</p><h2>References</h2><ol>"
    "<li><p>Tinetti ME, Speechley M, Ginter SF. Risk factors for falls among elderly persons "
    "living in the community. N Engl J Med. 1988;319(26):1701&#8211;7.</p>"
    '<p><a href="https://doi.org/10.1056/NEJM198812293192604">Article</a> <a href="#">CAS</a> '
    '<a href="#">PubMed</a> <a href="#">Google Scholar</a></p></li>'
    "<li><p>Masnoon N, Shakib S, Kalisch-Ellett L, Caughey GE. What is polypharmacy? A "
    "systematic review of definitions. BMC Geriatr. 2017;17:230.</p>"
    '<p><a href="#">Article</a> <a href="#">PubMed</a> <a href="#">Google Scholar</a></p></li>'
    "</ol>"
)


def test_link_buttons_in_a_paragraph_under_an_entry_are_part_of_it() -> None:
    found = find_reference_section(html_document("a.html", _SPRINGER_LIST))
    assert found is not None
    assert [(e.number, e.text.split(",")[0]) for e in found.entries] == [
        (1, "Tinetti ME"),
        (2, "Masnoon N"),
    ]
    assert "https://doi.org/10.1056/NEJM198812293192604" in found.entries[0].text


# Chicago author-date entries, one per line, from a helper's probe of author-year
# articles (session 29).
_CENGIZ = (
    'Cengiz, Doruk, Arindrajit Dube, Attila Lindner, and Ben Zipperer. 2019. "The Effect '
    'of Minimum Wages on Low-Wage Jobs." Quarterly Journal of Economics 134 (3): 1405–54.'
)


def test_an_entry_opening_with_a_particle_and_an_accented_given_name_is_its_own() -> None:
    chaisemartin = (
        "de Chaisemartin, Clément, and Xavier D'Haultfœuille. 2020. \"Two-Way Fixed Effects "
        'Estimators with Heterogeneous Treatment Effects." American Economic Review 110 (9): '
        "2964–96."
    )
    assert entries(f"{BODY}\n\nReferences\n{_CENGIZ}\n{chaisemartin}\n") == [
        _CENGIZ,
        chaisemartin,
    ]


def test_a_body_whose_name_has_small_words_opens_an_entry_before_its_year() -> None:
    bls = (
        "US Bureau of Labor Statistics. 2023. Characteristics of Minimum Wage Workers, 2022. "
        "BLS Reports 1104. Washington, DC: US Department of Labor."
    )
    assert entries(f"{BODY}\n\nReferences\n{_CENGIZ}\n{bls}\n") == [_CENGIZ, bls]


def test_a_wrapped_title_line_with_small_words_before_a_year_is_no_entry() -> None:
    smith = (
        "Smith, John. 2010. A History of Malt and Hops in Northern Europe, with Notes on\n"
        "Beer and Brewing. 2011. Oxford: Oxford University Press."
    )
    assert entries(f"{BODY}\n\nReferences\n{smith}\n{_CENGIZ}\n") == [
        smith.replace("\n", " "),
        _CENGIZ,
    ]


def test_a_body_whose_name_opens_with_its_noun_opens_an_entry_before_its_year() -> None:
    bls = "Bureau of Labor Statistics. 2020. Quarterly Census of Employment and Wages. BLS."
    assert entries(f"{BODY}\n\nReferences\n{bls}\n{_CENGIZ}\n") == [bls, _CENGIZ]


@pytest.mark.parametrize(
    "body",
    [
        "University of South Carolina. 2019. Rates report. Columbia: USC.",
        "Surrey and Essex Healthcare NHS Trust. 2017. Annual report. Redhill: the Trust.",
        "Royal Brompton Hospital. 2018. Annual report. London: the Hospital.",
    ],
)
def test_a_university_a_trust_or_a_hospital_opens_an_entry_before_its_year(body: str) -> None:
    assert entries(f"{BODY}\n\nReferences\n{_CENGIZ}\n{body}\n") == [_CENGIZ, body]


def test_a_line_ending_on_a_joining_word_runs_on_into_a_body_s_name() -> None:
    voysey = (
        "Voysey, M., S. A. Costa Clemens, and the\nUniversity of Oxford COVID Vaccine Trial "
        'Group. 2021. "Safety and Efficacy." Lancet 397: 99-111.'
    )
    assert entries(f"{BODY}\n\nReferences\n{voysey}\n{_CENGIZ}\n") == [
        voysey.replace("\n", " "),
        _CENGIZ,
    ]


# Chicago lists a body by name; "Working Group I to the ..." reads like a pronoun.
_IPCC = (
    "Intergovernmental Panel on Climate Change. 2021. Climate Change 2021: The Physical "
    "Science Basis. Contribution of Working Group I to the Sixth Assessment Report. "
    "Cambridge: Cambridge University Press."
)
_HACKING = (
    "Hacking, Ian. 1983. Representing and Intervening. Cambridge: Cambridge University Press."
)
_KUHN = "Kuhn, Thomas S. 1962. The Structure of Scientific Revolutions. Chicago: Chicago UP."


def test_a_panel_listed_by_name_in_a_chicago_list_is_an_entry() -> None:
    text = f"{BODY}\n\nBibliography\n\n{_HACKING}\n\n{_IPCC}\n\n{_KUHN}\n"
    assert entries(text) == [_HACKING, _IPCC, _KUHN]


def test_a_bulleted_item_that_numbers_itself_takes_its_typed_number() -> None:
    # A journal page's "<span class="label">1.</span><cite>Collo, G. ..." in a bulleted list.
    sec = section(f"{BODY}\n\nReferences\n\n• 1.{COLLO}\n\n• 2.{DUMAN}\n")
    assert sec is not None
    assert [(e.number, e.text) for e in sec.entries] == [(1, COLLO), (2, DUMAN)]


@pytest.mark.parametrize("marker", ["^ ", "^ a b ", "1. ^ a b c ", "1. ^ "])
def test_wikipedias_caret_and_back_links_are_no_part_of_the_entry(marker: str) -> None:
    second = marker.replace("1.", "2.")
    text = f"{BODY}\n\nReferences\n\n{marker}{COLLO}\n{second}{DUMAN}\n"
    assert entries(text) == [COLLO, DUMAN]


def test_numbers_alone_above_their_entries_number_them() -> None:
    sec = section(f"{BODY}\n\nReferences\n\n1\n\n{COLLO}\n\n2\n\n{DUMAN}\n")
    assert sec is not None
    assert [(e.number, e.text) for e in sec.entries] == [(1, COLLO), (2, DUMAN)]


def test_a_headingless_list_numbered_alone_is_found_before_the_pages_comments() -> None:
    # A newsletter's footnotes ("1", then the note), then readers' comments.
    notes = "\n\n".join(f"{n}\n\n{entry}" for n, entry in enumerate([COLLO, DUMAN, ZARATE], 1))
    comments = "\n\n".join(f"Reader {k}\n\nThanks, this was useful." for k in range(6))
    assert entries(f"{BODY}\n\n{notes}\n\nComments\n\n{comments}\n") == [COLLO, DUMAN, ZARATE]


def test_two_headingless_notes_numbered_alone_are_no_list() -> None:
    notes = f"1\n\n{COLLO}\n\n2\n\n{DUMAN}"
    comments = "\n\n".join(f"Reader {k}\n\nThanks, this was useful." for k in range(8))
    assert section(f"{BODY}\n\n{notes}\n\nComments\n\n{comments}\n") is None


def test_pandocs_heading_attributes_are_no_part_of_the_heading() -> None:
    assert heading_key("References {.unnumbered}") == "references"


WRAPPED_AMADI = (
    "Amadi, K., & Brenner, L. (2023). Night-time road noise and attention in children.\n"
    "Journal of Paediatric Epidemiology, 12, e2231. https://doi.org/10.5555/jpe.2023.e2231"
)


@pytest.mark.parametrize("where", ["first", "last"])
def test_a_wrap_after_the_titles_stop_continues_an_entry_of_a_list_parted_by_blanks(
    where: str,
) -> None:
    listed = [WRAPPED_AMADI, COLLO] if where == "first" else [COLLO, WRAPPED_AMADI]
    text = f"{BODY}\n\nReferences\n\n" + "\n\n".join(listed) + "\n"
    assert len(entries(text)) == 2


def test_back_link_letters_leave_a_two_letter_particle_to_the_name() -> None:
    waal = "de Waal, Frans B. M.; van Roosmalen, Angeline (1979). Reconciliation among apes."
    roux = "le Roux, Aliza; Cherry, Michael I. (2010). Consolation in wild chimpanzees."
    text = f"{BODY}\n\nReferences\n\n^ a b {waal}\n^ a b c {roux}\n"
    assert entries(text) == [waal, roux]


def test_a_page_number_equal_to_the_next_entrys_number_stays_a_page_number() -> None:
    first = "1 He FJ, Li J, MacGregor GA. Effect of modest salt reduction. BMJ 2013;346:f1325."
    second = "2 Aburto NJ, Ziolkovska A. Effect of lower sodium intake. BMJ 2013;346:f1326."
    sec = section(f"{BODY}\n\nReferences\n\n{first}\n\n2\n\n{second}\n")
    assert sec is not None
    assert [(e.number, e.text[:9]) for e in sec.entries] == [(1, "He FJ, Li"), (2, "Aburto NJ")]


def test_a_number_run_into_its_entry_marks_it_only_in_sequence_before_a_name() -> None:
    hales = "Hales CM, Ogden CL. Prevalence of obesity. NCHS Data Brief. 2020. Accessed 1"
    text = f"{BODY}\n\nReferences\n1.{hales}\n2.Mai 2021.\n2.{COLLO}\n"
    assert entries(text) == [f"{hales} 2.Mai 2021.", COLLO]


def test_an_entry_with_a_space_before_the_surnames_comma_is_one() -> None:
    chadwick = (
        "Chadwick , Edwin. 1842. Report on the Sanitary Condition of the Labouring "
        "Population of Great Britain. London: Clowes."
    )
    assert entries(f"{BODY}\n\nReferences\n\n{COLLO}\n{chadwick}\n{DUMAN}\n") == [
        COLLO,
        chadwick,
        DUMAN,
    ]


def test_an_entry_with_a_space_before_the_comma_and_initials_after_is_one() -> None:
    angrist = (
        "Angrist , Joshua D., and Jörn-Steffen Pischke. 2009. Mostly Harmless "
        "Econometrics. Princeton, NJ: Princeton University Press."
    )
    assert entries(f"{BODY}\n\nReferences\n\n{COLLO}\n{angrist}\n{DUMAN}\n") == [
        COLLO,
        angrist,
        DUMAN,
    ]


def test_a_weak_line_with_initials_before_its_year_between_entries_is_one() -> None:
    # A doubled comma hides the author; the name and its year still open an entry.
    angrist = (
        "Angrist,, Joshua D., and Jörn-Steffen Pischke. 2009. Mostly Harmless "
        "Econometrics. Princeton, NJ: Princeton University Press."
    )
    assert entries(f"{BODY}\n\nReferences\n\n{COLLO}\n{angrist}\n{DUMAN}\n") == [
        COLLO,
        angrist,
        DUMAN,
    ]


_WRAPPED_NUMBERED = (
    "16. Schulz KF, Altman DG, Moher D; CONSORT Group. CONSORT 2010 statement:\n"
    "updated guidelines for reporting parallel group randomised trials. BMJ.\n"
    "2010;340:c332.\n"
    "17. Miroshnychenko A, Ibrahim S, Azab M, Roldan Y, Diaz Martinez JP,\n"
    "Tamilselvan D, et al. Acute postoperative pain due to dental extraction in the\n"
    "adult population: a network meta-analysis. J Dent Res. 2023;102(1):5-14.\n"
    "18. Terwee CB, Dekker FW, Wiersinga WM, Prummel MF, Friedberg RW,\n"
    "Bossuyt PM, et al. On the measurement of responsiveness. J Clin\n"
    "Epidemiol. 2003;46(2):162-70.\n"
)


def test_lines_of_a_hard_wrapped_numbered_entry_stay_in_it_however_they_open() -> None:
    sec = section(f"{BODY}\n\nReferences\n{_WRAPPED_NUMBERED}")
    assert sec is not None
    assert [(e.number, e.text[:10], e.text[-12:]) for e in sec.entries] == [
        (16, "Schulz KF,", "2010;340:c332."[-12:]),
        (17, "Miroshnych", "102(1):5-14."),
        (18, "Terwee CB,", "46(2):162-70."[-12:]),
    ]


def test_bodies_entries_in_a_row_go_on_with_the_list() -> None:
    # Neither body's name reads as an author; the list goes on after both.
    guardian = "National Data Guardian for Health and Care. 2016. Review of Data Security."
    ico = "Information Rights Tribunal. 2017. Decision on the Royal Free Trial."
    text = f"{BODY}\n\nReferences\n\n{COLLO}\n{guardian}\n{ico}\n{DUMAN}\n"
    assert entries(text) == [COLLO, guardian, ico, DUMAN]


def test_a_weak_reprint_entry_before_a_strong_one_is_an_entry() -> None:
    inquiry = "Metropolis Water Inquiry. [1850] 1972. Minutes of Evidence. London: HMSO."
    text = f"{BODY}\n\nReferences\n\n{COLLO}\n{inquiry}\n{DUMAN}\n"
    assert entries(text) == [COLLO, inquiry, DUMAN]


def test_law_between_entries_does_not_end_the_list() -> None:
    text = (
        "Detentions rose (Wessely, 2018).\n\nReferences\n\n"
        "Care Quality Commission (2020) Monitoring the Mental Health Act in 2019/20. "
        "Newcastle upon Tyne: CQC.\n"
        "Mental Health Act 1983, c. 20. London: HMSO.\n"
        "Care Act 2014, c. 23.\n"
        "Wessely, S. (2018) Modernising the Mental Health Act. London: Department of Health "
        "and Social Care.\n"
    )
    assert [t[:12] for _, t in _entries(text)] == [
        "Care Quality", "Mental Healt", "Care Act 201", "Wessely, S. ",
    ]  # fmt: skip


@pytest.mark.parametrize("heading", ["Legislation", "### Secondary sources", "**Case law**"])
def test_a_subheading_inside_the_list_does_not_end_it(heading: str) -> None:
    text = (
        f"{BODY}\n\nReferences\n\n{COLLO}\n\n{heading}\n\n"
        "Licensing Act 2003, c. 17.\n"
        "Alcohol (Minimum Pricing) (Scotland) Act 2012 (asp 4).\n"
    )
    assert entries(text) == [
        COLLO,
        "Licensing Act 2003, c. 17.",
        "Alcohol (Minimum Pricing) (Scotland) Act 2012 (asp 4).",
    ]


@pytest.mark.parametrize("rule", ["———.", "---.", "___.", "———, ed."])
def test_a_rule_for_the_same_author_goes_on_the_list(rule: str) -> None:
    # A magazine's issue dated by month, "(April 1966)", reads like "(Smith 1966)".
    later = f'{rule} "The Prospects of Recording." High Fidelity 16, no. 4 (April 1966): 46-63.'
    text = (
        f"{BODY}\n\nWorks Cited\n\n"
        "Gould, Glenn. Bach: The Goldberg Variations. Columbia Masterworks ML 5060, 1956.\n\n"
        f"{later}\n\n"
        "Katz, Mark. Capturing Sound. Berkeley: University of California Press, 2004.\n"
    )
    assert [e[:5] for e in entries(text)] == ["Gould", later[:5], "Katz,"]


def test_a_subheading_naming_kinds_in_a_row_does_not_end_the_list() -> None:
    text = (
        f"{BODY}\n\nBibliography\n\nBooks, Articles, and Reports\n\n{COLLO}\n\n"
        "Cases and Statutes\n\nBerman v. Parker, 348 U.S. 26 (1954).\n"
    )
    assert entries(text) == [COLLO, "Berman v. Parker, 348 U.S. 26 (1954)."]


def test_a_heading_the_markup_declares_heads_a_part_of_the_list() -> None:
    # Words no list of source kinds knows; the "###" says it is a heading.
    doc = markdown_document(
        "essay.md",
        f"{BODY}\n\n## Bibliography\n\n### Manuscript\n\n"
        "London, British Library. Add. MS 61823 (The Book of Margery Kempe).\n\n"
        f"### Printed matter from the presses\n\n{COLLO}\n\n{DUMAN}\n",
    )
    found = find_reference_section(doc)
    assert found is not None
    assert [e.text[:12] for e in found.entries] == ["London, Brit", COLLO[:12], DUMAN[:12]]


def test_an_html_heading_deeper_than_the_lists_heads_a_part_of_it() -> None:
    doc = html_document(
        "essay.html",
        f"<p>{BODY}</p><h2>Bibliography</h2><h3>Archives in Rome</h3>"
        "<p>Rome, Archivio di Stato. Camerale I, busta 12.</p>"
        f"<h3>Printed matter from the presses</h3><p>{COLLO}</p><p>{DUMAN}</p>",
    )
    found = find_reference_section(doc)
    assert found is not None
    assert [e.text[:12] for e in found.entries] == ["Rome, Archiv", COLLO[:12], DUMAN[:12]]


def test_a_declared_part_of_works_not_assigned_ends_the_list() -> None:
    # A syllabus's optional readings under its list: nothing cites them.
    doc = markdown_document(
        "syllabus.md",
        f"{BODY}\n\n## References\n\n{COLLO}\n\n### Supplementary (not assigned)\n\n{DUMAN}\n",
    )
    found = find_reference_section(doc)
    assert found is not None
    assert [e.text for e in found.entries] == [COLLO]


def test_a_heading_as_high_as_the_lists_ends_it() -> None:
    doc = markdown_document(
        "essay.md",
        f"{BODY}\n\n## References\n\n{COLLO}\n\n## Reviewer comments\n\n{DUMAN}\n",
    )
    found = find_reference_section(doc)
    assert found is not None
    assert [e.text for e in found.entries] == [COLLO]


def test_a_plain_label_between_entries_heads_a_part() -> None:
    text = f"{BODY}\n\nReferences\n\n{COLLO}\n\nModern scholarship\n\n{DUMAN}\n"
    assert entries(text) == [COLLO, DUMAN]


def test_a_plain_label_in_a_numbered_list_heads_a_part_where_the_numbers_go_on() -> None:
    text = (
        f"{BODY}\n\nReferences\n\n1. {COLLO}\n\n"
        f"Meta-analyses, reviews and guidelines\n\n2. {DUMAN}\n"
    )
    assert entries(text) == [COLLO, DUMAN]


def test_a_plain_label_before_a_list_numbered_anew_ends_the_list() -> None:
    text = f"{BODY}\n\nReferences\n\n1. {COLLO}\n\nAppendix sources\n\n1. {DUMAN}\n"
    assert entries(text) == [COLLO]


def test_a_plain_label_before_prose_ends_the_list() -> None:
    text = f"{BODY}\n\nReferences\n\n{COLLO}\n\nModern scholarship\n\n{BODY}\n"
    assert entries(text) == [COLLO]


def test_a_declared_part_heading_over_numbered_entries_heads_a_part() -> None:
    doc = markdown_document(
        "post.md",
        f"{BODY}\n\n## References\n\n### Historical sources\n\n1. {COLLO}\n\n"
        f"### Sources in translation\n\n2. {DUMAN}\n",
    )
    found = find_reference_section(doc)
    assert found is not None
    assert [e.number for e in found.entries] == [1, 2]


def test_a_declared_further_reading_heading_still_ends_the_list() -> None:
    doc = markdown_document(
        "essay.md", f"{BODY}\n\n## References\n\n{COLLO}\n\n## Further reading\n\n{DUMAN}\n"
    )
    found = find_reference_section(doc)
    assert found is not None
    assert [e.text for e in found.entries] == [COLLO]


def test_a_subheading_word_before_prose_ends_the_list() -> None:
    text = f"References\n\n{COLLO}\n\nReports\n\n{BODY} Nothing here is a reference.\n"
    assert entries(text) == [COLLO]


@pytest.mark.parametrize(
    "opening", ["zu Löwenstein K", "te Velde R", "in 't Veld PJ", "el-Khoury N"]
)
def test_an_entry_opening_with_a_small_word_is_not_lost(opening: str) -> None:
    text = (
        "References\n\n"
        "Okafor C, Lindqvist P. 2015. A first paper about cells. Cell Reports 10:1–9.\n"
        f"{opening}, Horváth P. 2013. A second paper about cells. eLife 2:e01234.\n"
    )
    assert len(entries(text)) == 2


def test_a_body_dated_bare_before_a_comma_stays_in_an_agps_list() -> None:
    # The Australian government's Harvard, one entry per line with no blank lines.
    text = (
        "Reefs bleached (Hughes et al. 2017).\n\nReference list\n\n"
        "Eakin, CM, Sweatman, HPA & Brainard, RE 2019, 'The 2014-2017 global-scale coral "
        "bleaching event: insights and impacts', Coral Reefs, vol. 38, no. 4, pp. 539-545.\n"
        "Great Barrier Reef Marine Park Authority 2019, Great Barrier Reef outlook report "
        "2019, GBRMPA, Townsville.\n"
        "Hoegh-Guldberg, O 1999, 'Climate change, coral bleaching and the future of the "
        "world's coral reefs', Marine and Freshwater Research, vol. 50, no. 8, pp. 839-866.\n"
        "Hughes, TP, Kerry, JT & Alvarez-Noriega, M 2017, 'Global warming and recurrent mass "
        "bleaching of corals', Nature, vol. 543, no. 7645, pp. 373-377.\n"
    )
    assert [e.split(",")[0].split(" 2019")[0] for e in entries(text)] == [
        "Eakin", "Great Barrier Reef Marine Park Authority", "Hoegh-Guldberg", "Hughes",
    ]  # fmt: skip


def test_a_body_with_its_abbreviation_and_country_in_brackets_stays_in_the_list() -> None:
    text = (
        "Coverage rose (Kassebaum et al., 2016).\n\nReferences\n\n"
        "Ghana Statistical Service (GSS), Ghana Health Service (GHS) and ICF (2018) Ghana "
        "Maternal Health Survey 2017. Accra, Ghana: GSS, GHS and ICF.\n"
        "Institut National de la Statistique et de la Démographie (ANSD) [Sénégal] et ICF "
        "(2019) Sénégal : Enquête Démographique et de Santé Continue (EDS-Continue 2018). "
        "Rockville, Maryland, USA : ANSD et ICF.\n"
        "Kassebaum, N.J. et al. (2016) 'Global, regional, and national levels of maternal "
        "mortality, 1990-2015', The Lancet, 388(10053), pp. 1775-1812.\n"
    )
    assert [e.split(" ")[0] for e in entries(text)] == ["Ghana", "Institut", "Kassebaum,"]


_ABNT = (
    "GALETTI, M. et al. Functional extinction of birds drives rapid evolutionary changes in "
    "seed size. Science, v. 340, n. 6136, p. 1086-1090, 2013.",
    "INSTITUTO CHICO MENDES DE CONSERVAÇÃO DA BIODIVERSIDADE. Livro vermelho da fauna "
    "brasileira ameaçada de extinção. Brasília, DF: ICMBio/MMA, 2018. 7 v.",
    "JORDANO, P. Fruits and frugivory. In: FENNER, M. (ed.). Seeds. 2. ed. Wallingford: "
    "CABI, 2000. p. 125-166.",
)


def test_an_abnt_body_in_capitals_goes_on_the_list() -> None:
    text = BODY + "\n\nReferências\n\n" + "\n\n".join(_ABNT) + "\n"
    assert entries(text) == list(_ABNT)


@pytest.mark.parametrize("undated", ["(s.f.)", "(s. d.)", "(o. J.)"])
def test_an_entry_dated_no_date_in_another_language_goes_on_the_list(undated: str) -> None:
    middle = (
        f"Benítez, R. {undated} Sociolingüística del español meridional. Universidad de Murcia."
    )
    assert entries(f"{BODY}\n\nReferences\n\n{COLLO}\n\n{middle}\n\n{DUMAN}\n") == [
        COLLO,
        middle,
        DUMAN,
    ]


def test_a_chapters_book_wrapped_onto_its_own_line_stays_in_the_entry() -> None:
    # "In S. van der Walt" reads like a Vancouver author ("In S"), but "(Eds.)" makes
    # it the book of the chapter on the line before.
    text = (
        "References\n\n"
        "Hunter, J. D. (2007). Matplotlib: A 2D graphics environment. Computing in\n"
        "Science & Engineering, 9(3), 90-95.\n\n"
        "McKinney, W. (2010). Data structures for statistical computing in Python.\n"
        "In S. van der Walt & J. Millman (Eds.), Proceedings of the 9th Python in\n"
        "Science Conference (pp. 56-61).\n\n"
        "Pedregosa, F., Varoquaux, G., & Duchesnay, E. (2011). Scikit-learn: Machine\n"
        "learning in Python. Journal of Machine Learning Research, 12, 2825-2830.\n"
    )
    assert [e.split(" (")[0] for e in entries(text)] == [
        "Hunter, J. D.",
        "McKinney, W.",
        "Pedregosa, F., Varoquaux, G., & Duchesnay, E.",
    ]


_TWO_VANCOUVER = (
    "1. Singer M, Deutschman CS, Seymour CW. The Third International Consensus Definitions "
    "for Sepsis and Septic Shock (Sepsis-3). JAMA. 2016;315(8):801-10.\n"
    "2. Kumar A, Roberts D, Wood KE. Duration of hypotension before initiation of effective "
    "antimicrobial therapy. Crit Care Med. 2006;34(6):1589-96.\n"
)


@pytest.mark.parametrize(
    "heading", ["7  REFERENCES", "7 References", "4.2 References", "Sources of information"]
)
def test_headings_of_converted_reports_and_leaflets(heading: str) -> None:
    text = f"Sepsis kills [1]. Delay matters [2].\n\n{heading}\n\n{_TWO_VANCOUVER}"
    sec = section(text)
    assert sec is not None
    assert sec.heading is not None
    assert (text[sec.heading.start : sec.heading.end], len(sec.entries)) == (heading, 2)


def test_a_running_head_with_its_page_number_inside_a_list_is_skipped() -> None:
    text = (
        "References\n\n"
        "Peplau, L. A., & Perlman, D. (1982). Loneliness: A sourcebook of current theory, "
        "research and therapy. Wiley.\n\n"
        "Chapter 2 · Literature Review      31\n\n"
        "Weiss, R. S. (1973). Loneliness: The experience of emotional and social isolation. "
        "MIT Press.\n"
    )
    assert [e.split(",")[0] for e in entries(text)] == ["Peplau", "Weiss"]


def test_a_dated_line_with_a_gap_and_a_number_is_no_running_head() -> None:
    assert refsection._FURNITURE.match("Annual Report 2019      31") is None


def test_a_sign_off_with_a_copyright_ends_the_list() -> None:
    text = (
        "References\n\n"
        "Monteiro, C. A., Cannon, G., Levy, R. B., et al. (2019). Ultra-processed foods: "
        "What they are and how to identify them. Public Health Nutrition, 22(5), 936-941.\n"
        "The Kitchen Table Letter is written by Ruth Okafor. (c) 2024. Forwarded this? Sign up free.\n"
    )
    assert [e.split(",")[0] for e in entries(text)] == ["Monteiro"]


def test_notes_numbered_from_one_after_an_author_date_list_are_no_entries() -> None:
    text = (
        "References\n\n"
        "Falbe, J., Thompson, H. R., & Madsen, K. A. (2016). Impact of the Berkeley excise "
        "tax on sugar-sweetened beverage consumption. American Journal of Public Health, "
        "106(10), 1865-1871.\n\n"
        "Public Health England. (2015). Sugar reduction: The evidence for action. Public "
        "Health England.\n\n"
        "[1] The other seven areas included advertising, price promotions and portion size.\n\n"
        "[2] Untaxed beverages, mainly bottled water, rose by about 4% over the period.\n"
    )
    assert [e.split(",")[0].split(".")[0] for e in entries(text)] == [
        "Falbe",
        "Public Health England",
    ]


def test_oecds_key_at_the_margin_of_an_entrys_first_line_is_no_part_of_it() -> None:
    text = (
        "References\n\n"
        'Hall, K. et al. (2019), "Ultra-processed diets cause excess calorie  [2]\n'
        '   intake and weight gain", Cell Metabolism, Vol. 30/1, pp. 67-77.\n\n'
        "OECD (2019), The Heavy Burden of Obesity: The Economics of           [1]\n"
        "   Prevention, OECD Health Policy Studies, OECD Publishing, Paris.\n"
    )
    assert entries(text) == [
        'Hall, K. et al. (2019), "Ultra-processed diets cause excess calorie intake and '
        'weight gain", Cell Metabolism, Vol. 30/1, pp. 67-77.',
        "OECD (2019), The Heavy Burden of Obesity: The Economics of Prevention, OECD Health "
        "Policy Studies, OECD Publishing, Paris.",
    ]


def test_oecds_key_at_the_margin_is_kept_as_the_entrys_key() -> None:
    text = (
        "References\n\n"
        "OECD (2019), Health at a Glance 2019: OECD Indicators, OECD            [2]\n"
        "   Publishing, Paris.\n\n"
        "OECD (2019), The Heavy Burden of Obesity: The Economics of           [1]\n"
        "   Prevention, OECD Health Policy Studies, OECD Publishing, Paris.\n"
    )
    section = find_reference_section(Document.plain("a.txt", text))
    assert section is not None
    assert [(e.number, e.key) for e in section.entries] == [(None, 2), (None, 1)]


def test_a_councils_copyright_line_after_a_numbered_list_ends_it() -> None:
    text = (
        "References\n"
        "1. Lei J, Ploner A, Elfstrom KM. HPV vaccination and the risk of invasive "
        "cervical cancer. N Engl J Med. 2020;383(14):1340-8.\n"
        "2. Palmer T, Wallace L, Pollock KG. Prevalence of cervical disease at age 20. "
        "BMJ. 2019;365:l1161.\n\n"
        "Eastcliff Council, Town Hall, Eastcliff. (c) Eastcliff Council 2023.\n"
    )
    assert [e[:3] for e in entries(text)] == ["Lei", "Pal"]


_REMARKED_NOTES = (
    "Loss falls with model size.[^1] Both used one budget.[^2] Data won.[^3]\n\n"
    "## Notes\n\n"
    "[^1]: Kaplan, J., McCandlish, S., Henighan, T., & Amodei, D. (2020). Scaling laws "
    "for neural language models. arXiv:2001.08361.\n\n"
    "[^2]: The comparison is in the same paper; both runs had the same budget.\n\n"
    "[^3]: Hoffmann, J., Borgeaud, S., & Mensch, A. (2022). Training compute-optimal "
    "large language models. NeurIPS, 35.\n"
)


def test_a_markdown_footnote_that_remarks_is_no_entry_and_no_end_of_the_list() -> None:
    found = section(_REMARKED_NOTES)
    assert found is not None
    assert ([e.number for e in found.entries], found.remarks) == ([1, 3], (2,))


def test_the_mark_of_a_remarking_footnote_cites_nothing() -> None:
    audit = audit_document(markdown_document("post.md", _REMARKED_NOTES))
    assert audit.extraction is not None
    assert [c.number for c in audit.extraction.citations] == [1, 3]
    assert audit.diagnostics == ()


def test_an_unnumbered_entry_wrapped_before_its_titles_number_is_one_entry() -> None:
    text = (
        "References\n\n"
        "Guyatt GH, Oxman AD, Akl EA, Kunz R, Vist G, Brozek J, et al. GRADE guidelines:\n"
        "1. Introduction - GRADE evidence profiles and summary of findings tables. J Clin\n"
        "Epidemiol 2011;64(4):383-94.\n\n"
        "Sterne JAC, Savović J, Page MJ, Elbers RG, Blencowe NS, Boutron I, et al. RoB 2: a\n"
        "revised tool for assessing risk of bias in randomised trials. BMJ 2019;366:l4898.\n"
    )
    assert [e.split()[0] for e in entries(text)] == ["Guyatt", "Sterne"]


def test_a_wrapped_entry_by_a_group_goes_on_a_list_parted_by_blank_lines() -> None:
    text = (
        "REFERENCES\n\n"
        "Hammitt LL, Dagan R, Yuan Y, et al. Nirsevimab for prevention of RSV in\n"
        "infants. N Engl J Med 2022;386(9):837-46.\n\n"
        "IMpact-RSV Study Group. Palivizumab reduces hospitalization\n"
        "in high-risk infants. Pediatrics 1998;102(3 Pt 1):531-7.\n\n"
        "Shi T, McAllister DA, O'Brien KL, et al. Global burden of RSV in young\n"
        "children. Lancet 2017;390(10098):946-58.\n"
    )
    assert [e.split()[0] for e in entries(text)] == ["Hammitt", "IMpact-RSV", "Shi"]


def test_an_rfcs_list_in_two_parts_is_one_list() -> None:
    text = (
        "2.  References\n\n"
        "2.1.  Normative References\n\n"
        '   [RFC2119]  Bradner, S., "Key words for use in RFCs to Indicate Requirement\n'
        '              Levels", BCP 14, RFC 2119, DOI 10.17487/RFC2119, March 1997.\n\n'
        "2.2.  Informative References\n\n"
        '   [RFC5869]  Krawczyk, H. and P. Eronen, "HMAC-based Extract-and-Expand Key\n'
        '              Derivation Function (HKDF)", RFC 5869, May 2010.\n'
    )
    sec = section(text)
    assert sec is not None
    assert [e.label for e in sec.entries] == ["RFC2119", "RFC5869"]


def test_a_remark_in_brackets_after_the_heading_word_is_no_part_of_it() -> None:
    assert heading_key("Readings (in the order of the lecture)") == "readings"


def test_works_mentioned_heads_a_list() -> None:
    assert heading_key("Works mentioned") == "works mentioned"
    assert entries(
        "Works mentioned\n\nAtkinson, A. B. (2015). Inequality: What can be done? Harvard"
        " University Press.\n"
    ) == ["Atkinson, A. B. (2015). Inequality: What can be done? Harvard University Press."]
