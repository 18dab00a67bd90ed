"""The pure comparison of a reference with a record: titles, names, years, venues, locators."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from citecheck.model import Author, ReferenceFields
from citecheck.records import Record, from_crossref
from citecheck.verify import (
    Thresholds,
    compare,
    compare_authors,
    confident_matches,
    field_findings,
    integrity_findings,
    page_range,
    same_author,
    title_similarity,
    title_swap,
    venue_similarity,
    verify_candidates,
    verify_record,
)
from registry_fixtures import COLLO_2019, SEED_004, authors

API = Path(__file__).resolve().parents[1] / "fixtures" / "api" / "crossref"


def record(relative: str) -> Record:
    data: dict[str, Any] = json.loads((API / relative).read_bytes())
    return from_crossref(data.get("message", data) if "message-type" in data else data)


COLLO = record("factbuilt/10.1177_2470547019842545.json")
DUMAN = record("factbuilt/10.1016_j.neuropharm.2011.08.044.json")
WAKEFIELD = record("works/10.1016_s0140-6736_97_11096-0.json")


# --------------------------------------------------------------------------- titles


def test_identical_titles_score_one() -> None:
    assert (
        title_similarity(
            "Signaling pathways underlying the rapid antidepressant actions of ketamine", DUMAN
        )
        == 1.0
    )


def test_case_and_punctuation_do_not_count() -> None:
    assert (
        title_similarity(
            "SIGNALING PATHWAYS, underlying the rapid antidepressant actions of ketamine.", DUMAN
        )
        == 1.0
    )


def test_subtitle_left_out_still_matches() -> None:
    abdallah = record("factbuilt/10.1016_j.pharmthera.2018.05.006.json")
    score = title_similarity(
        "The neurobiology of depression, ketamine and rapid-acting antidepressants", abdallah
    )
    assert score == 1.0


def test_retracted_prefix_is_ignored() -> None:
    title = (
        "Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive "
        "developmental disorder in children"
    )
    assert title_similarity(title, WAKEFIELD) == 1.0


def test_unrelated_title_scores_low() -> None:
    assert title_similarity("Charges ride the spin wave", DUMAN) < 0.5


# --------------------------------------------------------------------------- authors


def test_compound_surname_cited_by_its_last_part_is_the_same_author() -> None:
    assert same_author(Author("Pich", "E. M."), Author("Merlo Pich", "Emilio")) is True


def test_compound_surname_written_in_full_matches_a_split_record() -> None:
    assert same_author(Author("Merlo Pich", "E."), Author("Pich", "Emilio Merlo")) is True


def test_accents_are_folded() -> None:
    assert same_author(Author("Reiss", "G."), Author("Reiß", "Günter")) is True


def test_german_umlaut_transliteration() -> None:
    assert same_author(Author("Mueller", "K."), Author("Müller", "Klaus")) is True


def test_particles_are_optional() -> None:
    assert same_author(Author("Beethoven", "L."), Author("van Beethoven", "Ludwig")) is True


def test_initials_versus_full_given_names_do_not_matter() -> None:
    assert same_author(Author("Duman", "R. S."), Author("Duman", "Ronald S.")) is True


def test_different_surnames_differ() -> None:
    assert same_author(Author("Smith", "J."), Author("Duman", "Ronald S.")) is False


def test_reversed_name_order_is_recognised() -> None:
    assert same_author(Author("Chen", "Y."), Author("Yuan", "Chen")) is True


def test_group_authors_compare_by_name() -> None:
    assert (
        same_author(
            Author("World Health Organization", group=True),
            Author("World Health Organization (WHO)", group=True),
        )
        is True
    )


def test_collo_pich_versus_merlo_pich_is_a_full_author_match() -> None:
    result = compare_authors(COLLO_2019.authors, False, COLLO.authors)
    assert result is not None
    assert (result.score, result.first_agrees, result.unmatched, result.count_problem) == (
        1.0,
        True,
        (),
        None,
    )


def test_truncated_list_is_not_a_count_problem() -> None:
    result = compare_authors(authors("Duman, R. S.", "Li, N."), True, DUMAN.authors)
    assert result is not None
    assert result.count_problem is None


def test_short_list_without_et_al_is_a_count_problem() -> None:
    result = compare_authors(authors("Duman, R. S.", "Li, N."), False, DUMAN.authors)
    assert result is not None
    assert result.count_problem == "lists `2` of the `5` registered authors"


def test_last_author_after_ellipsis_is_found_out_of_position() -> None:
    ref = SEED_004[1]  # "Li, ..., Iwata, M., ... & Duman, R. S."
    li = record("factbuilt/10.1126_science.1190287.json")
    result = compare_authors(ref.authors, ref.authors_truncated, li.authors)
    assert result is not None
    assert (result.score, result.unmatched) == (1.0, ())


# --------------------------------------------------------------------------- year, venue, pages


def test_year_one_off_is_tolerated() -> None:
    comparison = compare(replace(COLLO_2019, year="2020"), COLLO)
    assert (comparison.year, field_findings(COLLO_2019, COLLO, comparison)) == (0.75, [])


def test_year_two_off_is_a_mismatch() -> None:
    ref = replace(COLLO_2019, year="2021")
    findings = field_findings(ref, COLLO, compare(ref, COLLO))
    assert [(f.rule, f.message) for f in findings] == [
        ("doi-year-mismatch", "Year `2021` differs from the registry: `2019`")
    ]


def test_online_year_counts_as_a_year_of_the_work() -> None:
    nnano = record("works/10.1038_nnano.2014.279.json")  # online 2014, print 2015
    assert compare(ReferenceFields(year="2015"), nnano).year == 1.0


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("J. Neurosci.", ["Journal of Neuroscience"]),
        ("J Neurosci", ["The Journal of Neuroscience"]),
        ("Pharmacol Ther", ["Pharmacology & Therapeutics"]),
        ("Pharmacology and Therapeutics", ["Pharmacology &amp; Therapeutics"]),
        ("Nat. Med.", ["Nature Medicine"]),
        ("PNAS", ["Proceedings of the National Academy of Sciences", "PNAS"]),
        ("Proc Natl Acad Sci U S A", ["Proc. Natl. Acad. Sci. U.S.A."]),
        ("Chronic Stress (Thousand Oaks)", ["Chronic Stress"]),
    ],
)
def test_venue_abbreviations_match(written: str, names: list[str]) -> None:
    assert venue_similarity(written, names) == 1.0


@pytest.mark.parametrize(
    ("written", "names"),
    [("Nature", ["Nature Medicine"]), ("Neuron", ["Neuropharmacology"]), ("Cell", ["Science"])],
)
def test_different_venues_do_not_match(written: str, names: list[str]) -> None:
    assert venue_similarity(written, names) < 0.85


def test_venue_matches_a_name_seen_for_the_same_issn() -> None:
    ref = replace(COLLO_2019, container="Chron Stress")
    aliases = {"2470-5470": ["Chronic Stress"]}
    assert (
        compare(ref, replace(COLLO, container=("CS",), short_container=()), aliases=aliases).venue
        == 1.0
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("959-64", ("959", "964")),
        ("35–41", ("35", "41")),
        ("e33693", ("e33693", None)),
        ("pp. 069-075", ("69", "75")),
    ],
)
def test_page_range(text: str, expected: tuple[str, str | None]) -> None:
    assert page_range(text) == expected


def test_abbreviated_last_page_matches() -> None:
    li = record("factbuilt/10.1126_science.1190287.json")
    assert compare(replace(SEED_004[1], pages="959-64"), li).locators == ()


def test_pdf_pagination_of_an_article_number_is_accepted() -> None:
    assert compare(COLLO_2019, COLLO).locators == ()  # "1-6" for e-locator 2470547019842545


def test_wrong_volume_and_pages_are_locator_problems() -> None:
    ref = replace(DUMAN_REF, volume="63", pages="36-41")
    assert compare(ref, DUMAN).locators == (
        "volume `63`, registry `62`",
        "pages `36-41`, registry `35-41`",
    )


def test_article_number_given_as_pages_matches() -> None:
    srep = record("works/10.1038_srep16696.json")
    assert compare(ReferenceFields(pages="16696", volume="5"), srep).locators == ()


DUMAN_REF = ReferenceFields(
    authors=authors("Duman, R. S.", "Li, N.", "Liu, R. J.", "Duric, V.", "Aghajanian, G."),
    year="2012",
    title="Signaling pathways underlying the rapid antidepressant actions of ketamine",
    container="Neuropharmacology",
    volume="62",
    issue="1",
    pages="35–41",
)


# --------------------------------------------------------------------------- findings


def test_matching_reference_has_no_findings() -> None:
    verdict = verify_record(DUMAN_REF, DUMAN)
    assert (verdict.status, verdict.findings) == ("verified", ())


def test_different_work_replaces_field_findings() -> None:
    srep = record("works/10.1038_srep16696.json")
    verdict = verify_record(DUMAN_REF, srep)
    assert (verdict.status, [f.rule for f in verdict.findings]) == (
        "mismatch",
        ["doi-resolves-to-different-work"],
    )


def test_title_mismatch_alone_is_not_a_different_work() -> None:
    ref = replace(DUMAN_REF, title="Signalling routes behind ketamine's fast antidepressant effect")
    verdict = verify_record(ref, DUMAN)
    assert [f.rule for f in verdict.findings] == ["doi-title-mismatch"]


def test_wrong_first_author_alone_is_an_author_mismatch() -> None:
    ref = replace(
        DUMAN_REF,
        authors=authors("Smith, J.", "Li, N.", "Liu, R. J.", "Duric, V.", "Aghajanian, G."),
    )
    verdict = verify_record(ref, DUMAN)
    assert [(f.rule, f.message) for f in verdict.findings] == [
        (
            "doi-author-mismatch",
            "Authors differ from the registry: first author `Smith`, registry `Duman, Ronald S.`",
        )
    ]


def test_finding_data_explains_itself() -> None:
    ref = replace(DUMAN_REF, year="2015")
    finding = verify_record(ref, DUMAN).findings[0]
    assert finding.data == {
        "source": "crossref",
        "record": {
            "doi": "10.1016/j.neuropharm.2011.08.044",
            "title": "Signaling pathways underlying the rapid antidepressant actions of ketamine",
            "authors": ["Duman, Ronald S.", "Li, Nanxin", "Liu, Rong-Jian"],
            "authors_total": 5,
            "year": 2012,
            "container": "Neuropharmacology",
        },
        "scores": {
            "title": 1.0,
            "authors": 1.0,
            "first_author": 1.0,
            "year": 0.0,
            "venue": 1.0,
            "match": 0.88,
        },
        "field": "year",
        "expected": 2012,
        "found": "2015",
    }


def test_retracted_record_gives_retracted_work() -> None:
    findings = integrity_findings(WAKEFIELD, {})
    assert [(f.rule, f.message) for f in findings] == [
        (
            "retracted-work",
            "The cited work `10.1016/s0140-6736(97)11096-0` is retracted (notice: "
            "`10.1016/s0140-6736(10)60175-4`)",
        ),
        (
            "work-has-correction",
            "The cited work `10.1016/s0140-6736(97)11096-0` has a correction "
            "(`10.1016/s0140-6736(04)15715-2`)",
        ),
    ]


def test_expression_of_concern_gives_work_has_correction() -> None:
    plos = record("works/10.1371_journal.pone.0064723.json")
    assert [f.message for f in integrity_findings(plos, {})] == [
        "The cited work `10.1371/journal.pone.0064723` has an expression of concern "
        "(`10.1371/journal.pone.0256488`)"
    ]


def test_search_with_one_confident_match_suggests_the_doi() -> None:
    verdict = verify_candidates(COLLO_2019, [COLLO, DUMAN])
    assert (verdict.status, verdict.doi, [f.rule for f in verdict.findings]) == (
        "verified",
        "10.1177/2470547019842545",
        ["missing-doi"],
    )


def test_search_without_confident_match_is_unresolvable() -> None:
    verdict = verify_candidates(COLLO_2019, [DUMAN, WAKEFIELD])
    assert (verdict.status, [f.rule for f in verdict.findings]) == (
        "unresolvable",
        ["unresolvable-reference"],
    )


COLLO_TITLE = (
    "`Structural Plasticity Induced by Ketamine in Human Dopaminergic Neurons as Mechanism "
    "Relevant for Treatment-Resistant Depression`"
)


def _unresolvable(reference: ReferenceFields, candidates: list[Record]) -> tuple[str, object]:
    [finding] = verify_candidates(reference, candidates).findings
    assert finding.rule == "unresolvable-reference"
    return finding.message, finding.data.get("differs")


def test_unresolvable_reference_whose_title_is_registered_says_what_differs() -> None:
    stranger = replace(COLLO_2019, authors=authors("Smith, J."), year="2015")
    assert _unresolvable(stranger, [COLLO, DUMAN]) == (
        f"No confident match in `crossref`: the registered work of this title, {COLLO_TITLE} "
        "(`2019`, `10.1177/2470547019842545`), has first author `Collo, Ginetta` and year `2019`",
        ["first_author", "year"],
    )


def test_unresolvable_reference_with_the_authors_in_another_order_says_so() -> None:
    swapped = replace(COLLO_2019, authors=authors("Cavalleri, L.", "Collo, G."), year="2015")
    message, differs = _unresolvable(swapped, [COLLO])
    assert message.endswith(
        "has the authors in another order (`Collo, Ginetta` first) and year `2019`"
    )
    assert differs == ["author_order", "year"]


def test_unresolvable_reference_in_another_venue_names_the_registered_one() -> None:
    elsewhere = replace(
        COLLO_2019, authors=authors("Smith, J."), container="European Neuropsychopharmacology"
    )
    assert _unresolvable(elsewhere, [COLLO])[1] == ["first_author", "venue"]


def test_title_two_registered_works_share_is_said_to_be_theirs_whatever_the_order() -> None:
    stranger = replace(COLLO_2019, authors=authors("Smith, J."), year="2012")
    twin = replace(COLLO, doi="10.1000/twin", year=2018)
    forward, backward = (
        _unresolvable(stranger, [COLLO, twin]),
        _unresolvable(stranger, [twin, COLLO]),
    )
    assert forward == backward
    assert forward[0].startswith(
        "No confident match in `crossref`: `2` registered works have this title; "
    )


def test_copy_of_the_work_without_a_doi_is_not_another_work() -> None:
    stranger = replace(COLLO_2019, authors=authors("Smith, J."), year="2012")
    copy = replace(COLLO, doi=None, source="openalex")
    message, _ = _unresolvable(stranger, [copy, COLLO])
    assert message.startswith(
        "No confident match in `crossref`: the registered work of this title, "
    )


def test_registered_work_of_the_title_in_another_volume_names_the_volume() -> None:
    elsewhere = replace(COLLO_2019, volume="7")
    assert _unresolvable(elsewhere, [replace(COLLO, year=2022)])[1] == ["year", "volume"]


def test_same_main_title_with_another_subtitle_is_not_the_registered_work() -> None:
    trial = replace(
        COLLO_2019,
        title="Ketamine for treatment-resistant depression in adolescents: a randomized trial",
        authors=authors("Smith, J."),
    )
    review = replace(
        COLLO, title="Ketamine for treatment-resistant depression in adolescents",
        subtitle="A systematic review and meta-analysis",
    )  # fmt: skip
    assert _unresolvable(trial, [review])[1] is None


def test_unresolvable_verdict_is_the_same_whatever_the_order_of_the_hits() -> None:
    stranger = replace(COLLO_2019, authors=authors("Smith, J."), year="2012")
    hits = [COLLO, replace(COLLO, doi="10.1000/twin"), replace(COLLO, doi=None), DUMAN]
    forward, backward = verify_candidates(stranger, hits), verify_candidates(stranger, hits[::-1])
    assert (forward.scores, forward.findings) == (backward.scores, backward.findings)


def test_notice_about_the_work_among_the_hits_does_not_hide_the_work() -> None:
    stranger = replace(COLLO_2019, authors=authors("Smith, J."), year="2012")
    erratum = replace(COLLO, doi="10.1000/erratum", title=f"Erratum: {COLLO.title}")
    message, differs = _unresolvable(stranger, [erratum, COLLO])
    assert "(`2019`, `10.1177/2470547019842545`)" in message
    assert differs == ["first_author", "year"]


def test_the_work_itself_is_named_before_a_stranger_of_its_title() -> None:
    reference = replace(COLLO_2019, year="2020", volume="9")
    stranger = replace(COLLO, doi="10.1000/stranger", authors=authors("Smith, J."), year=2020)
    stranger = replace(stranger, volume="9")
    message, differs = _unresolvable(reference, [stranger, COLLO])
    assert "`10.1177/2470547019842545`" in message
    assert differs == ["volume"]


def test_another_article_number_is_named() -> None:
    reference = replace(COLLO_2019, year="2022", pages="e100")
    work = replace(COLLO, pages=None, article_number="247054701984")
    assert _unresolvable(reference, [work])[0].endswith(
        "has year `2019` and article number `247054701984`"
    )


def test_subtitle_the_reference_leaves_out_keeps_a_full_stop_title_the_work_s() -> None:
    wort = replace(
        COLLO_2019,
        title="St. John's wort for major depression in adults",
        authors=authors("Smith, J."),
    )
    review = replace(
        COLLO, title="St. John's wort for major depression in adults",
        subtitle="a systematic review and network meta-analysis",
    )  # fmt: skip
    assert _unresolvable(wort, [review])[1] == ["first_author"]


def test_doi_less_hit_by_other_authors_in_another_venue_is_another_work() -> None:
    stranger = replace(COLLO_2019, authors=authors("Smith, J."), year="2012")
    other = replace(
        COLLO, doi=None, source="openalex", authors=authors("Jones, B."), year=2018,
        container=("European Neuropsychopharmacology",),
    )  # fmt: skip
    message, _ = _unresolvable(stranger, [COLLO, other])
    assert message.startswith(
        "No confident match in `crossref`: `2` registered works have this title"
    )


def test_each_work_without_a_doi_is_compared_in_a_search() -> None:
    preprint = replace(COLLO, doi=None, source="openalex")
    unrelated = replace(DUMAN, doi=None, source="openalex")
    verdict = verify_candidates(COLLO_2019, [unrelated, preprint])
    assert verdict.status == "verified"


def test_a_copy_without_a_doi_leaves_the_doi_suggested() -> None:
    copy = replace(COLLO, source="openalex", doi=None)
    unrelated = replace(DUMAN, source="openalex", doi=None)
    verdict = verify_candidates(COLLO_2019, [unrelated, copy, replace(COLLO, source="openalex")])
    assert (verdict.doi, [f.rule for f in verdict.findings]) == (
        "10.1177/2470547019842545",
        ["missing-doi"],
    )


def test_a_longer_subtitle_is_another_subtitle() -> None:
    review = replace(
        COLLO_2019, title="Esketamine nasal spray in adolescents: a randomized controlled trial",
        authors=authors("Smith, J."),
    )  # fmt: skip
    protocol = replace(
        COLLO, title="Esketamine nasal spray in adolescents",
        subtitle="a randomized controlled trial protocol",
    )  # fmt: skip
    assert _unresolvable(review, [protocol])[1] is None


def test_a_repository_copy_by_the_same_authors_is_the_same_work() -> None:
    stranger = replace(COLLO_2019, authors=authors("Smith, J."), year="2012")
    deposit = replace(COLLO, doi=None, source="openalex", container=("PubMed Central",))
    message, _ = _unresolvable(stranger, [COLLO, deposit])
    assert message.startswith(
        "No confident match in `crossref`: the registered work of this title, "
    )


def test_a_conference_version_without_a_doi_is_not_its_journal_version() -> None:
    paper = replace(COLLO_2019, container=None, volume=None, pages=None)
    conference = replace(
        COLLO, doi=None, source="openalex", container=("Proceedings of the AAAI Conference",)
    )
    journal = replace(COLLO, doi="10.1000/journal", year=2020, container=("IEEE Transactions",))
    verdict = verify_candidates(paper, [journal, conference])
    assert (verdict.doi, [f.rule for f in verdict.findings]) == (None, [])


def test_short_registered_title_says_nothing_about_the_work() -> None:
    short = replace(
        COLLO_2019, title="Ketamine in depression", authors=authors("Smith, J."), year="2012"
    )
    assert _unresolvable(short, [replace(COLLO, title="Ketamine in depression")]) == (
        "No registry knows this reference: no DOI and no confident match in `crossref`",
        None,
    )


def test_unresolvable_reference_whose_title_is_unknown_says_no_registry_knows_it() -> None:
    [finding] = verify_candidates(COLLO_2019, [DUMAN, WAKEFIELD]).findings
    assert finding.message == (
        "No registry knows this reference: no DOI and no confident match in `crossref`"
    )


def test_two_confident_matches_suggest_no_doi() -> None:
    preprint = replace(COLLO, doi="10.1101/000001", type="posted-content")
    verdict = verify_candidates(COLLO_2019, [COLLO, preprint])
    assert [f.rule for f in verdict.findings] == []


def test_confident_matches_need_the_title() -> None:
    wrong_title = replace(COLLO_2019, title="Ketamine and the brain")
    assert confident_matches(wrong_title, [COLLO]) == []


def test_doi_only_reference_is_verified_without_scores() -> None:
    verdict = verify_record(ReferenceFields(doi="10.1016/j.neuropharm.2011.08.044"), DUMAN)
    assert (verdict.status, verdict.findings, dict(verdict.scores)) == ("verified", (), {})


def test_record_without_title_is_not_a_title_mismatch() -> None:
    verdict = verify_record(DUMAN_REF, replace(DUMAN, title=None))
    assert (verdict.status, verdict.findings) == ("verified", ())


def test_title_threshold_is_tunable() -> None:
    ref = replace(DUMAN_REF, title="Signaling pathways underlying rapid antidepressant ketamine")
    strict, lenient = Thresholds(title=0.95), Thresholds(title=0.5)
    assert (
        [f.rule for f in verify_record(ref, DUMAN, thresholds=strict).findings],
        verify_record(ref, DUMAN, thresholds=lenient).findings,
    ) == (["doi-title-mismatch"], ())


def test_year_tolerance_is_tunable() -> None:
    ref = replace(DUMAN_REF, year="2013")
    exact = Thresholds(year_tolerance=0)
    assert [f.rule for f in verify_record(ref, DUMAN, thresholds=exact).findings] == [
        "doi-year-mismatch"
    ]


# --------------------------------------------------------------- other scripts, recurring titles
# Records built from the facts Crossref prints for these DOIs in its reference-matching set
# (../shared/corpora/crossref-reference-matching, artificial evaluation, APA rendering).

BULGARIAN = Record(
    source="crossref",
    doi="10.5964/psyct.v10i1.211",
    title="Българска стандартизация на скалата за себеоценка на морис розенберг",
    authors=(Author("Dilova", "M."), Author("Papazova", "E."), Author("Koralov", "M.")),
    year=2017,
    container=("Psychological Thought",),
    volume="10",
    issue="1",
    pages="124-137",
)
RUSSIAN = Record(
    source="crossref",
    doi="10.7868/s0320930x14020078",
    title="Российская эфемерида Луны EPM-ERA 2012",
    authors=(Author("Васильев", "М. В."), Author("Ягудина", "Э. И.")),
    year=2014,
    container=("Астрономический Вестник",),
    volume="48",
    issue="2",
    pages="169-176",
)
ERROR_IN_FIGURE_1989 = Record(
    source="crossref",
    doi="10.1001/jama.1989.03420080068033",
    title="Error in Figure",
    year=1989,
    container=("JAMA: The Journal of the American Medical Association",),
    volume="261",
    issue="8",
    pages="1154",
)
WASHINGTON_SCENE_1988 = Record(
    source="crossref",
    doi="10.1002/ert.3910150312",
    title="Washington scene",
    authors=(Author("Susser", "P. A."),),
    year=1988,
    container=("Employment Relations Today",),
    volume="15",
    issue="3",
    pages="251-256",
)


def test_title_in_cyrillic_agrees_with_itself() -> None:
    ref = ReferenceFields(
        authors=(Author("Dilova", "M."), Author("Papazova", "E."), Author("Koralov", "M.")),
        year="2017",
        title="Българска стандартизация на скалата за себеоценка на морис розенберг",
        container="Psychological Thought",
        volume="10",
        issue="1",
        pages="124–137",
        doi="10.5964/psyct.v10i1.211",
    )
    assert verify_record(ref, BULGARIAN).findings == ()


def test_authors_in_cyrillic_agree_with_themselves() -> None:
    ref = ReferenceFields(
        authors=(Author("Васильев", "М. В."), Author("Ягудина", "Э. И.")),
        year="2014",
        title="Российская эфемерида Луны EPM-ERA 2012",
        container="Астрономический Вестник",
        volume="48",
        issue="2",
        pages="169–176",
        doi="10.7868/s0320930x14020078",
    )
    assert verify_record(ref, RUSSIAN).findings == ()


def test_record_title_of_punctuation_only_scores_zero() -> None:
    assert title_similarity("Error in Figure", replace(ERROR_IN_FIGURE_1989, title="…")) == 0.0


def test_search_hit_without_authors_needs_the_year() -> None:
    ref = ReferenceFields(
        year="1993",
        title="Error in Figure",
        container="JAMA: The Journal of the American Medical Association",
        volume="269",
        issue="12",
        pages="1508",
    )
    assert confident_matches(ref, [ERROR_IN_FIGURE_1989]) == []


def test_search_hit_a_year_and_a_volume_off_is_another_instalment() -> None:
    ref = ReferenceFields(
        authors=(Author("Susser", "P. A."),),
        year="1989",
        title="Washington scene",
        container="Employment Relations Today",
        volume="16",
        issue="3",
        pages="243–248",
    )
    assert confident_matches(ref, [WASHINGTON_SCENE_1988]) == []


def test_search_hit_a_year_off_with_its_locators_still_matches() -> None:
    ref = ReferenceFields(
        authors=(Author("Susser", "P. A."),),
        year="1989",
        title="Washington scene",
        container="Employment Relations Today",
        volume="15",
        issue="3",
        pages="251–256",
    )
    [(found, _)] = confident_matches(ref, [WASHINGTON_SCENE_1988])
    assert found.doi == "10.1002/ert.3910150312"


EDITORIAL_BOARD_2004 = Record(
    source="crossref",
    doi="10.1016/s0009-9236(03)00752-5",
    title="Editorial board",
    year=2004,
    container=("Clinical Pharmacology & Therapeutics",),
    volume="75",
    issue="2",
    pages="A2-A3",
)


def _board_2004(
    *, volume: str | None = None, issue: str | None = None, pages: str | None = None
) -> ReferenceFields:
    """A reference to the "Editorial board" of Clinical Pharmacology & Therapeutics of
    2004, at the locators given."""
    return ReferenceFields(
        year="2004",
        title="Editorial board",
        container="Clinical Pharmacology & Therapeutics",
        volume=volume,
        issue=issue,
        pages=pages,
    )


def test_search_hit_without_authors_needs_its_locators() -> None:
    # The editorial board of the January issue is not the February one.
    ref = _board_2004(volume="75", issue="1", pages="A5–A6")
    assert confident_matches(ref, [EDITORIAL_BOARD_2004]) == []


def test_search_hit_without_authors_in_another_venue_is_another_work() -> None:
    # Zyprian's book review in the Journal of Plant Physiology, against a record of that
    # title and year with no authors in Quaternary Science Reviews.
    ref = ReferenceFields(
        authors=(Author("Zyprian", "E."),),
        year="1999",
        title="Book Review",
        container="Journal of Plant Physiology",
        volume="154",
        issue="5-6",
        pages="812",
    )
    other = Record(
        source="crossref",
        doi="10.1016/s0277-3791(98)00078-x",
        title="Book review",
        year=1999,
        container=("Quaternary Science Reviews",),
        volume="18",
        issue="3",
        pages="493-494",
    )
    assert confident_matches(ref, [other]) == []


def test_search_hit_without_authors_with_its_locators_matches() -> None:
    ref = _board_2004(volume="75", issue="2", pages="A2–A3")
    [(found, _)] = confident_matches(ref, [EDITORIAL_BOARD_2004])
    assert found.doi == "10.1016/s0009-9236(03)00752-5"


def test_search_hit_without_authors_in_another_issue_with_no_pages_to_compare() -> None:
    # The masthead of issue 1 is not the masthead of issue 2: the volume alone agrees.
    ref = _board_2004(volume="75", issue="1")
    assert confident_matches(ref, [EDITORIAL_BOARD_2004]) == []


def test_search_hit_without_authors_in_another_volume_on_the_same_page() -> None:
    # Front matter is on page A2 of every volume: the pages agreeing say nothing.
    ref = _board_2004(volume="76", pages="A2–A3")
    assert confident_matches(ref, [EDITORIAL_BOARD_2004]) == []


def test_search_hit_without_authors_with_one_slip_beside_two_agreeing_locators() -> None:
    ref = _board_2004(volume="75", issue="2", pages="A3")
    [(found, _)] = confident_matches(ref, [EDITORIAL_BOARD_2004])
    assert found.doi == "10.1016/s0009-9236(03)00752-5"


def test_search_hit_without_authors_whose_volume_the_reference_gives_as_its_pages() -> None:
    # "... Clinical Pharmacology & Therapeutics. 2004. 75." read with 75 as the pages: a
    # number in the wrong field, not a disagreement.
    ref = _board_2004(pages="75")
    (comparison,) = (c for _, c in confident_matches(ref, [EDITORIAL_BOARD_2004]))
    assert (comparison.locators, comparison.locators_misread) == (
        ("pages `75`, registry `A2-A3`",),
        1,
    )


def test_search_hit_without_authors_in_another_issue_on_the_same_pages() -> None:
    # Front matter sits on the same pages of every issue: only the issue tells them apart.
    ref = _board_2004(volume="75", issue="1", pages="A2–A3")
    assert confident_matches(ref, [EDITORIAL_BOARD_2004]) == []


def test_numbers_that_fit_another_field_by_chance_are_no_misreading() -> None:
    # Issue 3 and page 2 against 75(2), page 3 (a record built for the comparison): each
    # number is another field's of the record, but the reference gives both fields itself.
    ref = _board_2004(volume="75", issue="3", pages="2")
    other = replace(EDITORIAL_BOARD_2004, doi="10.1016/example.2", issue="2", pages="3")
    assert confident_matches(ref, [other]) == []


def test_authored_reference_against_a_record_without_authors_may_slip_once() -> None:
    # A record built for the comparison (not a registry's): no authors listed for the
    # paper; its title, year and venue agree and only the pages differ (a typo the
    # locator finding then reports).
    ref = ReferenceFields(
        authors=(Author("McGrath", "A."),),
        year="1997",
        title="Burnout and coping strategies among hospital nurses in rural Scotland",
        container="Journal of Advanced Nursing",
        volume="25",
        pages="425-460",
    )
    paper = Record(
        source="crossref",
        doi="10.1046/j.1365-2648.1997.example",
        title="Burnout and coping strategies among hospital nurses in rural Scotland",
        year=1997,
        container=("Journal of Advanced Nursing",),
        volume="25",
        issue="3",
        pages="452-460",
    )
    [(found, comparison)] = confident_matches(ref, [paper])
    assert (found.doi, comparison.locators) == (paper.doi, ("pages `425-460`, registry `452-460`",))


def test_authorless_reference_against_an_authored_record_may_slip_once() -> None:
    # A statistics update cited without its authors, the issue mistyped; the record
    # (built for the comparison) names its authors, so it is no recurring item.
    ref = ReferenceFields(
        year="2020",
        title="Heart disease and stroke statistics: 2020 update",
        container="Circulation",
        volume="141",
        issue="8",
        pages="e139-e596",
    )
    paper = Record(
        source="crossref",
        doi="10.1161/example.757",
        title="Heart disease and stroke statistics: 2020 update",
        authors=(Author("Virani", "S. S."),),
        year=2020,
        container=("Circulation",),
        volume="141",
        issue="9",
        pages="e139-e596",
    )
    [(found, comparison)] = confident_matches(ref, [paper])
    assert (found.doi, comparison.locators) == (paper.doi, ("issue `8`, registry `9`",))


def test_an_issue_that_equals_a_first_page_is_no_misreading() -> None:
    # "Editorial board ... 75(1)." against the 75(2) item, whose first page is "1".
    ref = _board_2004(volume="75", issue="1")
    other = replace(EDITORIAL_BOARD_2004, doi="10.1016/example.3", pages="1")
    assert confident_matches(ref, [other]) == []


def test_equal_scores_go_to_the_hit_whose_locators_agree() -> None:
    ref = _board_2004(volume="75", issue="2", pages="A3")
    slipped = replace(EDITORIAL_BOARD_2004, doi="10.1016/example.4", pages="A2-A3")
    exact = replace(EDITORIAL_BOARD_2004, doi="10.1016/example.5", pages="A3")
    assert [r.doi for r, _ in confident_matches(ref, [slipped, exact])] == [
        "10.1016/example.5",
        "10.1016/example.4",
    ]


def test_authorless_editorial_is_no_other_volumes_authored_editorial() -> None:
    # A short title names a recurring item even when the record names its author.
    ref = ReferenceFields(
        year="2018", title="Editorial", container="Nurse Education Today", volume="62", pages="1-2"
    )
    other = Record(
        source="crossref",
        doi="10.1016/example.6",
        title="Editorial",
        authors=(Author("Hunt", "D."),),
        year=2018,
        container=("Nurse Education Today",),
        volume="63",
        pages="1-2",
    )
    assert confident_matches(ref, [other]) == []


def test_an_issue_that_equals_a_page_number_is_no_misreading() -> None:
    # "... 75(12)." against the 75(11) item on page 12: issues are never read as pages.
    ref = _board_2004(volume="75", issue="12")
    other = replace(EDITORIAL_BOARD_2004, doi="10.1016/example.7", issue="11", pages="12")
    assert confident_matches(ref, [other]) == []


def test_equal_scores_go_to_a_hit_that_lacks_locators_over_one_that_differs() -> None:
    # The right record (built for the comparison) lacks the issue and pages; another
    # instalment gives them, its issue off: a locator that differs speaks against a
    # record, one it lacks does not.
    ref = ReferenceFields(
        authors=(Author("Susser", "P. A."),),
        year="1988",
        title="Washington scene",
        container="Employment Relations Today",
        volume="15",
        issue="3",
        pages="251-256",
    )
    sparse = replace(WASHINGTON_SCENE_1988, issue=None, pages=None)
    other = replace(WASHINGTON_SCENE_1988, doi="10.1002/example.8", issue="4")
    found = [r.doi for r, _ in confident_matches(ref, [other, sparse])]
    assert found == [WASHINGTON_SCENE_1988.doi, "10.1002/example.8"]


def test_equal_scores_go_to_the_article_over_a_bare_duplicate() -> None:
    # A duplicate record with no locators ties on score with the article, whose pages
    # the reference mistyped: the article's agreeing volume and issue outweigh its one
    # differing locator, so the typo is reported against it.
    ref = ReferenceFields(
        authors=(Author("Susser", "P. A."),),
        year="1988",
        title="Washington scene",
        container="Employment Relations Today",
        volume="15",
        issue="3",
        pages="251-257",
    )
    bare = replace(
        WASHINGTON_SCENE_1988, doi="10.1002/example.10", volume=None, issue=None, pages=None
    )
    found = [r.doi for r, _ in confident_matches(ref, [bare, WASHINGTON_SCENE_1988])]
    assert found == [WASHINGTON_SCENE_1988.doi, "10.1002/example.10"]


def test_a_recurring_title_may_slip_its_issue_when_a_long_range_agrees() -> None:
    # "Autism spectrum disorder" cited without its authors, the issue mistyped; the
    # volume and a 13-page range pin the one article.
    ref = ReferenceFields(
        year="2018",
        title="Autism spectrum disorder",
        container="The Lancet",
        volume="392",
        issue="10145",
        pages="508-520",
    )
    review = Record(
        source="crossref",
        doi="10.1016/example.9",
        title="Autism spectrum disorder",
        authors=(Author("Lord", "C."),),
        year=2018,
        container=("The Lancet",),
        volume="392",
        issue="10146",
        pages="508-520",
    )
    [(found, comparison)] = confident_matches(ref, [review])
    assert (found.doi, comparison.locators) == (review.doi, ("issue `10145`, registry `10146`",))


def test_search_hit_with_a_near_title_in_another_venue_is_another_work() -> None:
    # Witek-Janusek's 1988 abstract in Critical Care Medicine, against her paper of that
    # year in the American Journal of Physiology (title similarity 0.89).
    ref = ReferenceFields(
        authors=(Author("Witek-Janusek", "L."),),
        year="1988",
        title="PITUITARY-ADRENAL RESPONSE TO BACTERIAL ENDOTOXIN IN THE NEONATAL RAT",
        container="Critical Care Medicine",
        volume="16",
        issue="4",
        pages="380",
    )
    paper = Record(
        source="crossref",
        doi="10.1152/ajpendo.1988.255.4.e525",
        title="Pituitary-adrenal response to bacterial endotoxin in developing rats",
        authors=(Author("Witek-Janusek", "L."),),
        year=1988,
        container=("American Journal of Physiology-Endocrinology and Metabolism",),
        volume="255",
        issue="4",
        pages="E525-E530",
    )
    assert confident_matches(ref, [paper]) == []


# ------------------------------------------------ cases from the review of the rules above


def test_journal_cited_by_its_initials_is_the_same_venue() -> None:
    assert [
        venue_similarity(short, [full])
        for short, full in [
            ("PNAS", "Proceedings of the National Academy of Sciences"),
            ("CMAJ", "Canadian Medical Association Journal"),
            ("NEJM", "New England Journal of Medicine"),
        ]
    ] == [1.0, 1.0, 1.0]


def test_journal_cited_by_either_part_of_a_two_part_name_is_the_same_venue() -> None:
    names = ["MMWR. Morbidity and Mortality Weekly Report"]
    jama = ["JAMA: The Journal of the American Medical Association"]
    assert [
        venue_similarity("MMWR", names),
        venue_similarity("J Am Med Assoc", jama),
        venue_similarity("JAMA", jama),
    ] == [1.0, 1.0, 1.0]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("CVPR", "2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"),
        ("Proc. CVPR 2023", "2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"),
        ("AAAI", "Proceedings of the AAAI Conference on Artificial Intelligence"),
        ("NeurIPS'22", "Advances in Neural Information Processing Systems 35 (NeurIPS 2022)"),
        ("AAAI-22", "Proceedings of the AAAI Conference on Artificial Intelligence"),
        ("IEEE/CVF CVPR", "2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"),
        ("ACM CHI", "Proceedings of the 2020 CHI Conference on Human Factors in Computing Systems"),
        ("MICCAI", "Medical Image Computing and Computer Assisted Intervention \u2013 MICCAI 2019"),
        ("IJCNN", "2019 International Joint Conference on Neural Networks (IJCNN)"),
        ("NSDI", "16th USENIX Symposium on Networked Systems Design and Implementation (NSDI 19)"),
    ],
)  # fmt: skip
def test_conference_cited_by_its_acronym_is_the_same_venue(written: str, name: str) -> None:
    assert venue_similarity(written, [name]) == 1.0


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("BMJ", "BMJ Open"),
        ("JAMA", "JAMA Network Open"),
        ("ICML", "2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"),
        ("Science", "Proceedings of the Science and Information Conference"),
        ("CHI", "Extended Abstracts of the 2020 CHI Conference on Human Factors in Computing Systems"),
        ("AAAI", "Proceedings of the International AAAI Conference on Web and Social Media"),
        ("ICML", "ICML 2020 Workshop on Computational Biology"),
        ("NeurIPS", "Advances in Neural Information Processing Systems (NeurIPS 2022) Datasets and Benchmarks Track"),
        ("IEEE", "2019 IEEE International Conference on Bioinformatics and Biomedicine (BIBM)"),
        ("ACM", "Proceedings of the ACM on Human-Computer Interaction"),
        ("AAAI", "Proceedings of the AAAI Symposium Series"),
        ("USENIX", "16th USENIX Symposium on Networked Systems Design and Implementation (NSDI 19)"),
    ],
)  # fmt: skip
def test_an_acronym_in_a_journal_or_another_conference_is_not_the_same_venue(
    written: str, name: str
) -> None:
    assert venue_similarity(written, [name]) < 0.85


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("ICML", "Proceedings of the 38th International Conference on Machine Learning"),
        ("Proc. ICML 2021", "International Conference on Machine Learning"),
        ("ICSE", "Proceedings of the 40th International Conference on Software Engineering"),
        ("SOSP", "Proceedings of the 26th Symposium on Operating Systems Principles"),
        ("ICCV", "2007 IEEE 11th International Conference on Computer Vision"),
        ("TPAMI", "IEEE Transactions on Pattern Analysis and Machine Intelligence"),
        ("ICDM", "2008 Eighth IEEE International Conference on Data Mining"),
        ("IJCAI", "Proceedings of the Twenty-Ninth International Joint Conference on Artificial Intelligence"),
        ("SODA", "Proceedings of the Thirty-First Annual ACM-SIAM Symposium on Discrete Algorithms"),
        ("CVPR", "2009 IEEE Conference on Computer Vision and Pattern Recognition"),
        ("UIST", "Proceedings of the 32nd Annual ACM Symposium on User Interface Software and Technology"),
        ("EMNLP", "Proceedings of the 2016 Conference on Empirical Methods in Natural Language Processing"),
        ("CIKM", "Proceedings of the 29th ACM International Conference on Information & Knowledge Management"),
        ("PLDI", "Proceedings of the 41st ACM SIGPLAN Conference on Programming Language Design and Implementation"),
    ],
)  # fmt: skip
def test_venue_cited_by_the_initials_of_its_name_is_the_same_venue(written: str, name: str) -> None:
    assert venue_similarity(written, [name]) == 1.0


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("CVPR", "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition Workshops"),
        ("NAACL", "Proceedings of the 2019 Conference on Empirical Methods in Natural Language Processing"),
        ("SOSP", "Proceedings of the ACM Symposium on Cloud Computing"),
        ("ICWSM", "Proceedings of the AAAI Conference on Artificial Intelligence"),
    ],
)  # fmt: skip
def test_initials_of_another_conference_or_its_workshops_are_not_the_same_venue(
    written: str, name: str
) -> None:
    assert venue_similarity(written, [name]) < 0.85


_SIGMOD_21 = "Proceedings of the 2021 International Conference on Management of Data"
_SIGMOD_REF = ReferenceFields(
    authors=authors("Pandey, P.", "Conway, A.", "Durie, J.", "Bender, M. A.",
                    "Farach-Colton, M.", "Johnson, R."),
    year="2021",
    title="Vector quotient filters",
    pages="1386-1399",
)  # fmt: skip


_KDD_16 = (
    "Proceedings of the 22nd ACM SIGKDD International Conference on Knowledge Discovery"
    " and Data Mining"
)


@pytest.mark.parametrize(
    ("written", "name", "event"),
    [
        ("SIGMOD", _SIGMOD_21, "SIGMOD/PODS '21"),
        ("Proc. ACM SIGMOD 2021", _SIGMOD_21, "SIGMOD/PODS '21"),
        ("PODS", _SIGMOD_21, "SIGMOD/PODS '21"),
        ("KDD", _KDD_16, "KDD '16"),
        ("SIGKDD", _KDD_16, "KDD '16"),
    ],
)
def test_conference_cited_by_the_acronym_the_registry_gives_is_the_same_venue(
    written: str, name: str, event: str
) -> None:
    assert venue_similarity(written, [name]) < 0.85  # the proceedings' title does not say it
    assert venue_similarity(written, [name], event=event) == 1.0


@pytest.mark.parametrize(
    ("written", "name", "event"),
    [
        ("KDD", _SIGMOD_21, "SIGMOD/PODS '21"),
        ("SIGMOD", "Proceedings of the 2021 Workshop on Data Management for ML", "SIGMOD '21"),
        ("ICSE", "Companion Proceedings of the 40th International Conference on Software"
         " Engineering", "ICSE '18"),
    ],
)  # fmt: skip
def test_another_conference_or_a_workshop_under_the_acronym_is_not_the_same_venue(
    written: str, name: str, event: str
) -> None:
    assert venue_similarity(written, [name], event=event) < 0.85


def test_proceedings_paper_cited_by_its_conference_acronym_has_no_venue_finding() -> None:
    # The recorded Crossref answer for a SIGMOD 2021 paper names the proceedings only
    # in full; its `event` gives the acronym authors cite.
    sigmod = record("works/10.1145_3448016.3452841.json")
    verdict = verify_record(replace(_SIGMOD_REF, container="SIGMOD"), sigmod)
    assert (verdict.status, verdict.findings) == ("verified", ())


def test_record_with_an_event_but_no_container_does_not_compare_a_spelt_out_venue() -> None:
    # The recorded SIGMOD answer with its container titles taken out, as Crossref gives
    # some proceedings: the event's acronym is all there is to compare.
    bare = replace(record("works/10.1145_3448016.3452841.json"), container=(), short_container=())
    spelt_out = replace(_SIGMOD_REF, container=_SIGMOD_21)
    assert (
        compare(spelt_out, bare).venue,
        compare(replace(_SIGMOD_REF, container="SIGMOD"), bare).venue,
    ) == (None, 1.0)


def test_one_journal_name_inside_another_is_not_the_same_venue() -> None:
    assert venue_similarity("Nature", ["Nature Medicine"]) < 0.85


def test_search_hit_an_online_first_year_and_a_page_slip_off_still_matches() -> None:
    # OpenAlex gives one year (2019, online); the reference the issue's 2020, and a slip
    # in the last page.  The volume agrees, so this is no other instalment.
    record = Record(
        source="openalex",
        doi="10.1111/jocn.99999",
        title="Nurses' experiences of caring for patients with delirium in intensive care",
        authors=(Author("Hale", "Jane"), Author("Okafor", "Kate")),
        year=2019,
        container=("Journal of Clinical Nursing",),
        volume="29",
        issue="1-2",
        pages="101-112",
    )
    ref = ReferenceFields(
        authors=(Author("Hale", "J."), Author("Okafor", "K.")),
        year="2020",
        title="Nurses' experiences of caring for patients with delirium in intensive care",
        container="J Clin Nurs",
        volume="29",
        issue="1-2",
        pages="101–121",
    )
    [(found, _)] = confident_matches(ref, [record])
    assert found.doi == "10.1111/jocn.99999"


def test_title_with_its_translation_in_brackets_matches_the_translated_record() -> None:
    record = replace(RUSSIAN, title="Russian ephemeris of the Moon EPM-ERA 2012")
    reference = (
        "Российская эфемерида Луны EPM-ERA 2012 [Russian ephemeris of the Moon EPM-ERA 2012]"
    )
    assert title_similarity(reference, record) == 1.0


def test_record_title_in_two_languages_matches_its_english_half() -> None:
    record = replace(
        RUSSIAN,
        title="Российская эфемерида Луны / The Russian lunar ephemeris EPM-ERA 2012",
    )
    assert title_similarity("The Russian lunar ephemeris EPM-ERA 2012", record) == 1.0


def test_translated_title_against_a_cyrillic_record_is_not_compared() -> None:
    # Vancouver's bracketed English title for a Russian article, with the DOI: the
    # authors transliterated agree, and the titles share no script to compare.
    ref = ReferenceFields(
        authors=(Author("Vasil'ev", "M. V."), Author("Yagudina", "E. I.")),
        year="2014",
        title="[The Russian lunar ephemeris EPM-ERA 2012]",
        container="Astronomicheskii Vestnik",
        volume="48",
        issue="2",
        pages="169-76",
        doi="10.7868/s0320930x14020078",
    )
    verdict = verify_record(ref, replace(RUSSIAN, title="Российская эфемерида Луны"))
    assert ("title" in verdict.scores, verdict.scores["first_author"]) == (False, 1.0)


def test_search_hit_of_an_erratum_is_not_the_article() -> None:
    # Acosta & Valdes's article (Agribusiness 30(1), 2013) and its erratum (30(2), 2014).
    article = Record(
        source="crossref",
        doi="10.1002/agr.21357",
        title="Vertical Price Transmission of Milk Prices: Are Small Dairy Producers "
        "Efficiently Integrated Into Markets?",
        authors=(Author("Acosta", "A."), Author("Valdés", "A.")),
        year=2013,
        container=("Agribusiness",),
        volume="30",
        issue="1",
        pages="56-63",
    )
    erratum = ReferenceFields(
        authors=(Author("Acosta", "A."), Author("Valdes", "A.")),
        year="2014",
        title="Errata: Vertical Price Transmission of Milk Prices: Are Small Dairy Producers "
        "Efficiently Integrated Into Markets?",
        container="Agribusiness",
        volume="30",
        issue="2",
        pages="224",
    )
    assert confident_matches(erratum, [article]) == []


def test_search_hit_of_a_chapter_in_another_edition_is_another_work() -> None:
    # Hargitai & Öhman's "Complex Crater": the 2014 and 2015 editions of the encyclopedia.
    edition = Record(
        source="crossref",
        doi="10.1007/978-1-4614-9213-9_429-2",
        title="Complex Crater",
        authors=(Author("Hargitai", "H."), Author("Öhman", "T.")),
        year=2014,
        container=("Encyclopedia of Planetary Landforms",),
        pages="1-17",
    )
    ref = ReferenceFields(
        authors=(Author("Hargitai", "H."), Author("Öhman", "T.")),
        year="2015",
        title="Complex Crater",
        container="Encyclopedia of Planetary Landforms",
        pages="340–353",
    )
    assert confident_matches(ref, [edition]) == []


# ------------------------------------------------------ cases from the second review


def test_a_journals_section_is_not_the_journal() -> None:
    assert venue_similarity("Circulation", ["Circulation: Heart Failure"]) < 0.85


def test_a_dotted_abbreviation_is_not_split_into_two_venues() -> None:
    assert venue_similarity("Science", ["Scientific Reports", "Sci. Rep."]) < 0.85


def test_a_registry_acronym_is_not_read_as_initials_of_the_citation() -> None:
    # "Am J Physiol", "Am J Pathol" and "Am J Perinatol" all have the initials AJP.
    assert venue_similarity("Am J Physiol", ["AJP"]) < 0.85


def test_an_article_title_opening_with_correction_is_no_notice() -> None:
    record = Record(
        source="crossref",
        doi="10.1000/spine.2020.001",
        title="The correction of adolescent idiopathic scoliosis with pedicle screws",
        authors=(Author("Okoro", "C."),),
        year=2020,
        container=("Spine",),
    )
    ref = ReferenceFields(
        authors=(Author("Okoro", "C."),),
        year="2020",
        title="Correction of adolescent idiopathic scoliosis with pedicle screws",
        container="Spine",
    )
    assert [found.doi for found, _ in confident_matches(ref, [record])] == [record.doi]


def test_a_doi_of_another_authors_article_in_another_script_is_a_different_work() -> None:
    # An English reference whose DOI, mistyped, belongs to a Russian neighbour in the issue.
    neighbour = replace(
        RUSSIAN,
        title="Динамика вращения Луны",
        authors=(Author("Петров", "П. П."),),
    )
    ref = ReferenceFields(
        authors=(Author("Ivanov", "I. I."),),
        year="2014",
        title="The Russian lunar ephemeris EPM-ERA 2012",
        container="Astronomicheskii Vestnik",
        doi=RUSSIAN.doi,
    )
    rules = [f.rule for f in verify_record(ref, neighbour).findings]
    assert "doi-resolves-to-different-work" in rules


def test_a_search_hit_whose_title_is_in_another_script_is_not_confident() -> None:
    # Same authors, year and journal, but nothing says it is the same article.
    ref = ReferenceFields(
        authors=(Author("Vasil'ev", "M. V."), Author("Yagudina", "E. I.")),
        year="2014",
        title="The Russian lunar ephemeris EPM-ERA 2012",
        container="Astronomicheskii Vestnik",
    )
    assert confident_matches(ref, [replace(RUSSIAN, title="Российская эфемерида Луны")]) == []


def test_a_recurring_column_in_another_issue_of_the_volume_is_another_instalment() -> None:
    # An editor's letter in 36(1) of 2019 against the one in 36(4) of 2020.
    letter = Record(
        source="crossref",
        doi="10.1000/school-nursing.36.1",
        title="Letter from the editor",
        authors=(Author("Garber", "L."),),
        year=2019,
        container=("Journal of School Nursing",),
        volume="36",
        issue="1",
        pages="5",
    )
    ref = ReferenceFields(
        authors=(Author("Garber", "L."),),
        year="2020",
        title="Letter from the editor",
        container="Journal of School Nursing",
        volume="36",
        issue="4",
        pages="241",
    )
    assert confident_matches(ref, [letter]) == []


def test_a_supplement_written_two_ways_is_one_issue() -> None:
    record = replace(DUMAN, issue="Supplement_1")
    assert [
        p for p in compare(replace(DUMAN_REF, issue="Suppl 1"), record).locators if "issue" in p
    ] == []


def test_a_doi_of_the_erratum_given_for_the_article_is_a_title_mismatch() -> None:
    erratum = Record(
        source="crossref",
        doi="10.1002/agr.21390",
        title="Errata: Vertical Price Transmission of Milk Prices: Are Small Dairy Producers "
        "Efficiently Integrated Into Markets?",
        authors=(Author("Acosta", "A."), Author("Valdes", "A.")),
        year=2014,
        container=("Agribusiness",),
        volume="30",
        issue="2",
        pages="224",
    )
    article = ReferenceFields(
        authors=(Author("Acosta", "A."), Author("Valdés", "A.")),
        year="2014",
        title="Vertical price transmission of milk prices: Are small dairy producers "
        "efficiently integrated into markets?",
        container="Agribusiness",
        volume="30",
        pages="56–63",
        doi="10.1002/agr.21390",
    )
    messages = [f.message for f in verify_record(article, erratum).findings]
    assert messages[0] == (
        "DOI `10.1002/agr.21390` belongs to a notice, not to the work cited: `Errata: Vertical "
        "Price Transmission of Milk Prices: Are Small Dairy Producers Efficiently…`"
    )


# ------------------------------------------------------- cases from the third review


def test_a_journal_spelt_out_close_to_the_name_in_an_acronym_venue_is_another() -> None:
    names = ["JNCI: Journal of the National Cancer Institute"]
    assert venue_similarity("Journal of the National Cancer Center", names) < 0.85


def test_a_greek_letter_and_its_name_are_one_title() -> None:
    record = replace(DUMAN, title="17β-Estradiol and bone loss in older women")
    assert title_similarity("17beta-estradiol and bone loss in older women", record) == 1.0


def test_a_modifier_letter_apostrophe_is_an_apostrophe() -> None:
    record = replace(DUMAN, title="Hashimotoʻs thyroiditis in pregnancy")
    assert title_similarity("Hashimoto's thyroiditis in pregnancy", record) == 1.0


def test_a_page_range_written_short_keeps_its_letter() -> None:
    assert [page_range("E1-8"), page_range("S15-33")] == [("e1", "e8"), ("s15", "s33")]


def test_a_supplement_page_range_written_short_is_no_locator_mismatch() -> None:
    record = replace(DUMAN, pages="S15-S33")
    assert compare(replace(DUMAN_REF, pages="S15-33"), record).locators == ()


def test_authors_in_chinese_characters_are_not_compared_with_pinyin() -> None:
    # Crossref lists the author of 10.12677/ms.2017.76077 as 赵可沦; the reference, Zhao K.
    record = Record(
        source="crossref",
        doi="10.12677/ms.2017.76077",
        title="Investigation on the Properties of Cr-CrN-CrCN Black Hard Thin-Film Applied "
        "to Watch Decoration",
        authors=(Author("赵可沦"),),
        year=2017,
        container=("Material Sciences",),
        volume="07",
        issue="06",
        pages="584-591",
    )
    ref = ReferenceFields(
        authors=(Author("Zhao", "K."),),
        year="2017",
        title="Investigation on the properties of Cr-CrN-CrCN black hard thin-film applied "
        "to watch decoration",
        container="Material Sciences",
        volume="7",
        issue="6",
        pages="584-91",
        doi="10.12677/ms.2017.76077",
    )
    assert verify_record(ref, record).findings == ()


# --------------------------------------------------------------------------- words swapped


@pytest.mark.parametrize(
    ("written", "registered", "swap"),
    [
        ("Iron compounds as coatings on polystyrene latices", "Titanium compounds as coatings on polystyrene latices", ("Iron", "Titanium")),
        ("AM1 calculations for compounds containing germanium", "AM1 calculations for compounds containing mercury", ("germanium", "mercury")),
        ("Manufacturers' comparison: part 3, supplier review", "Manufacturers' comparison: part 2, supplier review", ("3", "2")),
        ("CD4 T cells in chronic hepatitis B infection", "CD8 T cells in chronic hepatitis B infection", ("CD4", "CD8")),
        ("Membrane bioreactors compared: part 3, supplier review", "Membrane bioreactors compared: part 1", ("3", "1")),
        ("Coding with ICD-10 in primary care", "Coding with ICD-11 in primary care", ("ICD-10", "ICD-11")),
        ("A phase II trial of nivolumab in melanoma", "A phase III trial of nivolumab in melanoma", ("II", "III")),
        ("Learning neural networks is ER-complete", "Training neural networks is ER-complete", ("Learning", "Training")),
        ("Statin use after stroke: a randomised trial", "Statin use after stroke: a systematic review", ("randomised", "systematic")),
    ],
)  # fmt: skip
def test_a_word_in_the_place_of_another_is_a_swap(
    written: str, registered: str, swap: tuple[str, str]
) -> None:
    assert title_swap(written, Record(source="crossref", doi=None, title=registered)) == swap


@pytest.mark.parametrize(
    ("written", "registered"),
    [
        ("Self-supervised learning of colour in tumour images", "Selfsupervised learning of color in tumor images"),
        ("The grey matter of tumours", "Gray matter of tumors: a review"),
        ("Two cases of measles in the second wave", "2 cases of measles in the 2nd wave"),
        ("Twelve-month outcomes of a phase IIb trial", "12-Month outcomes of a phase 2b trial"),
        ("Influenza vaccine effectiveness in 2015-16", "Influenza vaccine effectiveness in 2015-2016"),
        ("Effects of ketamine on mice", "Effects of ketamine in mice"),
        ("Proc of the Int Conference on Sleep", "Proceedings of the International Conference on Sleep"),
        ("Thermoluminescence from Al2Op:C crystals", "Thermoluminescence from Al2O3:C crystals"),
        ("Reticulated rsd blood corpuscles", "Reticulated red blood corpuscles"),
        ("NF-kB signalling in intestinal inflammation", "NF-κB signaling in intestinal inflammation"),
        ("Antibiotic resistance of E. coli in poultry", "Antibiotic resistance of Escherichia coli in poultry"),
        ("Immunotherapy for NSCLC after progression", "Immunotherapy for non-small cell lung cancer after progression"),
        ("Fine mapping of the HLA loci in lupus", "Fine mapping of the HLA locus in lupus"),
        ("Depression and anxiety in medical students", "Anxiety and depression in medical students"),
        ("F-18 FDG uptake in the aortic wall", "18F-FDG uptake in the aortic wall"),
        ("Bias in LLMs used for triage", "Bias in large language models used for triage"),
        ("HRQoL after PTSD treatment", "Health-related quality of life after posttraumatic stress disorder treatment"),
        ("COVID-19 in care homes", "SARS-CoV-2 in care homes"),
        ("IkBa degradation in macrophages", "IκBα degradation in macrophages"),
        ("MicroCT of trabecular bone", "µCT of trabecular bone"),
        ("Brain volumes at 3T MRI", "Brain volumes at 3.0T MRI"),
        ("Budget outcomes for FY20", "Budget outcomes for FY2020"),
        ("Erratum: Sleep and memory", "Corrigendum: Sleep and memory"),
    ],
)  # fmt: skip
def test_spelling_typos_and_added_words_are_no_swap(written: str, registered: str) -> None:
    assert title_swap(written, Record(source="crossref", doi=None, title=registered)) is None


def test_a_subtitle_stored_apart_is_read_with_the_title() -> None:
    record = Record(
        source="crossref",
        doi=None,
        title="Knee replacement in older adults",
        subtitle="a five-year follow-up",
    )
    assert title_swap("Knee replacement in older adults: a three-year follow-up", record) == (
        "three-year",
        "five-year",
    )


def test_a_swapped_word_in_the_title_of_a_doi_is_a_title_mismatch() -> None:
    ref = replace(
        DUMAN_REF,
        title="Signaling pathways underlying the rapid antidepressant actions of lithium",
    )
    [finding] = verify_record(ref, DUMAN).findings
    assert (finding.rule, finding.message, finding.data["words"]) == (
        "doi-title-mismatch",
        "Title differs from the registry: the reference has `lithium` where the registry has "
        "`ketamine` (`Signaling pathways underlying the rapid antidepressant actions of "
        "ketamine`)",
        ["lithium", "ketamine"],
    )


def test_a_title_spelt_otherwise_with_a_subtitle_added_is_verified() -> None:
    ref = replace(
        DUMAN_REF,
        title="Signalling pathways underlying the rapid antidepressant actions of ketamine: "
        "a review",
    )
    assert verify_record(ref, DUMAN).status == "verified"


FUNCTIONAL = replace(
    COLLO_2019,
    title="Functional plasticity induced by ketamine in human dopaminergic neurons as "
    "mechanism relevant for treatment-resistant depression",
)


def test_a_search_hit_with_a_swapped_word_and_no_locators_is_not_the_work() -> None:
    bare = replace(FUNCTIONAL, volume=None, pages=None)
    assert _unresolvable(bare, [COLLO, DUMAN]) == (
        f"No confident match in `crossref`: a registered work with almost this title, "
        f"{COLLO_TITLE} (`2019`, `10.1177/2470547019842545`), has `Structural` where the "
        "reference has `Functional`",
        ["title"],
    )


def test_a_search_hit_whose_volume_and_first_page_agree_is_the_work_with_its_title_mistyped() -> (
    None
):
    lithium = replace(
        DUMAN_REF,
        doi=None,
        title="Signaling pathways underlying the rapid antidepressant actions of lithium",
    )
    verdict = verify_candidates(lithium, [DUMAN, COLLO])
    assert (verdict.doi, [f.rule for f in verdict.findings]) == (
        "10.1016/j.neuropharm.2011.08.044",
        ["missing-doi", "doi-title-mismatch"],
    )


def test_pdf_pagination_of_an_article_number_does_not_vouch_for_a_swapped_title() -> None:
    # Chronic Stress numbers its articles; "1-6" is any article's own pagination.
    assert verify_candidates(FUNCTIONAL, [COLLO, DUMAN]).status == "unresolvable"


def test_a_number_swapped_in_the_title_is_never_a_slip() -> None:
    part = replace(
        DUMAN_REF,
        doi=None,
        title="Signaling pathways underlying the rapid antidepressant actions of ketamine 2",
    )
    duman_1 = replace(
        DUMAN,
        title="Signaling pathways underlying the rapid antidepressant actions of ketamine 1",
    )
    assert verify_candidates(part, [duman_1]).status == "unresolvable"
