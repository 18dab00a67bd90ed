"""Linking citations to references, including the near misses worth reporting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from citecheck.audit import FileAudit, audit_document
from citecheck.citations import find_citations
from citecheck.document import Document
from citecheck.linking import Link, MatchSettings, find_duplicates, find_shared_dois, link
from citecheck.markup import markdown_document
from citecheck.model import Author, Reference, ReferenceFields, Span


def ref(
    index: int,
    families: list[str],
    year: str,
    *,
    suffix: str | None = None,
    number: int | None = None,
    truncated: bool = False,
    group: bool = False,
) -> Reference:
    fields = ReferenceFields(
        authors=tuple(Author(f, group=group) for f in families),
        authors_truncated=truncated,
        year=year,
        year_suffix=suffix,
        title=f"Work {index}",
    )
    return Reference.build(
        fields, id=f"ref-{index}", index=index, number=number, span=Span(0, 1), raw=""
    )


COLLO = ref(1, ["Collo", "Cavalleri", "Merlo Pich"], "2019")
DUMAN = ref(2, ["Duman", "Li", "Liu", "Duric", "Aghajanian"], "2012")


def links(text: str, refs: list[Reference], **kw: object) -> list[Link]:
    return link(find_citations(text), refs, MatchSettings(), **kw)  # type: ignore[arg-type]


def only(text: str, refs: list[Reference]) -> Link:
    [lk] = links(text, refs)
    return lk


def test_exact_match_links() -> None:
    lk = only("(Duman et al., 2012)", [COLLO, DUMAN])
    assert (lk.status, lk.reference) == ("linked", DUMAN)


def test_surname_match_ignores_accents_and_case() -> None:
    lk = only("(Müller, 2020)", [ref(1, ["Muller"], "2020")])
    assert lk.status == "linked"


def test_umlaut_written_out_links() -> None:
    lk = only("(Mueller, 2020)", [ref(1, ["Müller"], "2020")])
    assert lk.status == "linked"


def test_co_author_with_umlaut_written_out_fits() -> None:
    # Were "Mueller" another co-author, a year slip would be two errors in one citation.
    papp = ref(1, ["Papp", "Müller"], "2006")
    lk = only("(Papp and Mueller, 2005)", [papp])
    assert (lk.status, lk.reference) == ("year-mismatch", papp)


def test_a_year_slip_with_another_co_author_is_no_year_mismatch() -> None:
    lk = only("(Kessler and Heil, 2011)", [ref(1, ["Kessler", "Baldwin"], "2001")])
    assert lk.status == "unmatched"


def test_compound_surname_cited_by_its_last_part() -> None:
    lk = only("(Pich, 2019)", [ref(1, ["Merlo Pich"], "2019")])
    assert lk.status == "linked"


def test_compound_surname_cited_by_its_first_part() -> None:
    # Spanish goes by the first surname: "(García, 2018)" for "García López, M.".
    lk = only("(García, 2018)", [ref(1, ["García López"], "2018")])
    assert lk.status == "linked"


def test_half_of_a_hyphenated_surname_is_an_author_mismatch() -> None:
    smith_jones = ref(1, ["Smith-Jones"], "2020")
    assert [
        (lk.status, lk.reference) for lk in links("(Jones, 2020; Smith, 2020)", [smith_jones])
    ] == [
        ("author-mismatch", smith_jones),
        ("author-mismatch", smith_jones),
    ]


def test_a_whole_name_beats_half_of_a_hyphenated_one() -> None:
    ifs = ref(2, ["Institute for Fiscal Studies"], "2020", group=True)
    lk = only("(IFS, 2020)", [ref(1, ["Ifs-Jones"], "2020"), ifs])
    assert (lk.status, lk.reference) == ("linked", ifs)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("(Apple, 2021)", "Apple Inc"),
        ("(GIZ, 2020)", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH"),
        (
            "(Deutsche Gesellschaft für Internationale Zusammenarbeit [GIZ], 2020)",
            "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH",
        ),
    ],
)
def test_a_company_is_cited_without_its_legal_form(text: str, body: str) -> None:
    year = text[-5:-1]
    lk = only(text, [ref(1, [body], year, group=True)])
    assert lk.status == "linked"


@pytest.mark.parametrize(
    "text", ["nel calcio da Impellizzeri et al. (2004)", "el trabajo de Regan (2017)"]
)
def test_a_preposition_before_a_surname_listed_without_particle_is_no_part_of_it(text: str) -> None:
    refs = [ref(1, ["Impellizzeri", "Rampinini"], "2004"), ref(2, ["Regan"], "2017")]
    assert [lk.status for lk in links(text, refs)] == ["linked"]


@pytest.mark.parametrize(
    "text", ["die Studie von Köller (2001)", "die Längsschnittbefunde von Köller u. a. (2001)"]
)
def test_a_german_noun_before_von_is_no_part_of_the_cited_surname(text: str) -> None:
    refs = [ref(1, ["Köller", "Baumert", "Schnabel"], "2001")]
    assert [lk.status for lk in links(text, refs)] == ["linked"]


@pytest.mark.parametrize("text", ["Kağıtçıbaşı'nın (2007) modeli", "İmamoğlu'na (2007) göre"])
def test_a_turkish_case_ending_after_the_apostrophe_is_no_part_of_the_surname(text: str) -> None:
    refs = [ref(1, ["Kağıtçıbaşı"], "2007"), ref(2, ["İmamoğlu"], "2007")]
    assert [lk.status for lk in links(text, refs)] == ["linked"]


def test_titles_that_differ_only_in_hyphens_and_spaces_are_one_work() -> None:
    text = (
        "The effect was near zero (Hagger et al., 2016).\n\nReferences\n\n"
        "Hagger, M. S., Chatzisarantis, N. L. D., Alberts, H., et al. (2016). A multilab "
        "preregistered replication of the ego-depletion effect. Perspectives on Psychological "
        "Science, 11(4), 546-573.\n\n"
        "Hagger, M. S., Chatzisarantis, N. L. D., et al. (2016). A multi-lab pre-registered "
        "replication of the ego depletion effect. Perspect Psychol Sci, 11(4), 546-573.\n"
    )
    assert _codes(text) == ["CIT106"]


def test_a_particle_of_the_listed_surname_is_kept_when_its_first_part_is_misspelt() -> None:
    lk = only("As vanr der Zee (2019) showed.", [ref(1, ["van der Zee"], "2019")])
    assert lk.status == "author-mismatch"


def test_particle_surname_cited_without_particle() -> None:
    lk = only("(Kolk, 2014)", [ref(1, ["van der Kolk"], "2014")])
    assert lk.status == "linked"


def test_seed_003_year_mismatch_names_the_2012_reference() -> None:
    lk = only("(Duman et al., 2021)", [COLLO, DUMAN])
    assert (lk.status, lk.reference) == ("year-mismatch", DUMAN)


def test_year_one_off_is_a_year_mismatch() -> None:
    lk = only("(Duman et al., 2013)", [COLLO, DUMAN])
    assert (lk.status, lk.reference) == ("year-mismatch", DUMAN)


def test_year_no_typing_slip_explains_is_unmatched_naming_the_author_entry() -> None:
    # A 2008 work of Duman's is not in the list; his 2012 entry is named, not blamed.
    lk = only("(Duman et al., 2008)", [COLLO, DUMAN])
    assert (lk.status, lk.reference, lk.alternatives) == ("unmatched", None, (DUMAN,))


def test_seed_003_misspelled_surname_links_to_collo() -> None:
    lk = only("(Colo et al., 2019)", [COLLO, DUMAN])
    assert (lk.status, lk.reference, lk.score) == ("author-mismatch", COLLO, 88.9)


def test_unrelated_citation_is_unmatched() -> None:
    lk = only("(Zanos et al., 2016)", [COLLO, DUMAN])
    assert (lk.status, lk.references) == ("unmatched", ())


def test_short_different_surnames_are_not_near_misses() -> None:
    lk = only("(Lu, 2010)", [ref(1, ["Li"], "2010")])
    assert lk.status == "unmatched"


def test_two_works_same_author_and_year_are_ambiguous() -> None:
    a = ref(1, ["Duman", "Li", "Liu"], "2012")
    b = ref(2, ["Duman", "Aghajanian", "Krystal"], "2012")
    lk = only("(Duman et al., 2012)", [a, b])
    assert (lk.status, lk.references) == ("ambiguous", (a, b))


def test_a_third_cited_author_picks_between_works_sharing_the_first_two() -> None:
    five = ref(1, ["Kleven", "Landais", "Posch", "Steinhauer", "Zweimüller"], "2019")
    three = ref(2, ["Kleven", "Landais", "Søgaard"], "2019")
    lk = only("(Kleven, Landais, and Søgaard 2019)", [five, three])
    assert (lk.status, lk.reference) == ("linked", three)


def test_year_letter_disambiguates() -> None:
    a = ref(1, ["Duman"], "2012", suffix="a")
    b = ref(2, ["Duman"], "2012", suffix="b")
    lk = only("(Duman, 2012b)", [a, b])
    assert (lk.status, lk.reference) == ("linked", b)


def test_year_letter_in_capitals_disambiguates() -> None:
    a = ref(1, ["Duman"], "2012", suffix="a")
    b = ref(2, ["Duman"], "2012", suffix="b")
    lk = only("(Duman, 2012B)", [a, b])
    assert (lk.status, lk.reference) == ("linked", b)


def test_missing_year_letter_is_ambiguous() -> None:
    a = ref(1, ["Duman"], "2012", suffix="a")
    b = ref(2, ["Duman"], "2012", suffix="b")
    assert only("(Duman, 2012)", [a, b]).status == "ambiguous"


def test_second_author_disambiguates() -> None:
    a = ref(1, ["Duman", "Aghajanian"], "2012")
    b = ref(2, ["Duman", "Monteggia"], "2012")
    lk = only("(Duman & Monteggia, 2012)", [a, b])
    assert (lk.status, lk.reference) == ("linked", b)


def test_author_count_disambiguates() -> None:
    solo = ref(1, ["Duman"], "2012")
    team = ref(2, ["Duman", "Li", "Liu"], "2012")
    assert only("(Duman, 2012)", [solo, team]).reference == solo
    assert only("(Duman et al., 2012)", [solo, team]).reference == team


def test_numeric_citation_links_by_number() -> None:
    r = ref(1, ["Zarate"], "2006", number=1)
    assert only("[1]", [r]).reference == r


def test_numeric_citation_past_the_end_is_out_of_range() -> None:
    r = ref(1, ["Zarate"], "2006", number=1)
    assert only("[2]", [r]).status == "out-of-range"


def test_number_past_the_end_names_the_entries_no_citation_names() -> None:
    rs = [ref(k, ["Zarate"], "2006", number=k) for k in (1, 2, 3)]
    lks = links("Ketamine [1] acts fast [3] and lasts [4].", rs)
    assert (lks[2].status, lks[2].alternatives) == ("out-of-range", (rs[1],))


def test_number_past_the_end_carries_the_last_entry_number() -> None:
    rs = [ref(1, ["A"], "2001", number=1), ref(2, ["B"], "2003", number=7)]
    assert only("[9]", rs).last_number == 7


def test_number_within_a_list_without_numbers_is_an_unnumbered_list() -> None:
    rs = [ref(1, ["A"], "2001"), ref(2, ["B"], "2003")]
    assert only("[2]", rs).status == "unnumbered-list"


def test_number_past_the_length_of_a_list_without_numbers_is_out_of_range() -> None:
    rs = [ref(1, ["A"], "2001"), ref(2, ["B"], "2003")]
    lk = only("[3]", rs)
    assert (lk.status, lk.last_number) == ("out-of-range", 2)


def test_numeric_citation_to_a_gap_is_unmatched() -> None:
    rs = [ref(1, ["A"], "2001", number=1), ref(3, ["B"], "2003", number=3)]
    assert only("[2]", rs).status == "unmatched"


def test_unnumbered_list_links_by_position_when_asked() -> None:
    r = ref(1, ["Zarate"], "2006")
    [lk] = links("[1]", [r], positional_numbers=True)
    assert lk.reference == r


def test_group_author_cited_by_acronym() -> None:
    who = ref(1, ["World Health Organization"], "2017", group=True)
    assert only("(WHO, 2017)", [who]).reference == who


def test_group_author_whose_name_contains_and() -> None:
    cdc = ref(1, ["Centers for Disease Control and Prevention"], "2020", group=True)
    assert only("(Centers for Disease Control and Prevention, 2020)", [cdc]).reference == cdc


def test_et_al_prefers_the_work_with_three_or_more_authors() -> None:
    pair = ref(1, ["Duman", "Li"], "2012")
    team = ref(2, ["Duman", "Li", "Liu"], "2012")
    assert only("(Duman et al., 2012)", [pair, team]).reference == team


def test_year_without_the_letter_the_list_gives_is_a_year_mismatch() -> None:
    a = ref(1, ["Duman"], "2008", suffix="a")
    lk = only("(Duman, 2008)", [a])
    assert (lk.status, lk.reference) == ("year-mismatch", a)


def test_the_co_author_tells_which_entry_lacks_the_cited_year_s_letter() -> None:
    team = ref(1, ["Kessler", "Halitschke", "Baldwin"], "2004")
    pair = ref(2, ["Kessler", "Baldwin"], "2004", suffix="b")
    lk = only("(Kessler and Baldwin, 2004)", [team, pair])
    assert (lk.status, lk.reference, lk.alternatives) == ("year-mismatch", pair, (team,))


def test_et_al_beside_the_pair_cited_as_listed_means_the_team_work_that_lacks_its_letter() -> None:
    pair = ref(1, ["Kessler", "Baldwin"], "2004")
    team = ref(2, ["Kessler", "Halitschke", "Baldwin"], "2004", suffix="b")
    lk = links("(Kessler and Baldwin, 2004). (Kessler et al., 2004).", [pair, team])[1]
    assert (lk.status, lk.reference) == ("year-mismatch", team)


def test_et_al_alone_links_the_unlettered_pair_as_eLife_writes_it() -> None:
    pair = ref(1, ["Kessler", "Baldwin"], "2004")
    team = ref(2, ["Kessler", "Halitschke", "Baldwin"], "2004", suffix="b")
    lk = only("(Kessler et al., 2004)", [pair, team])
    assert (lk.status, lk.reference) == ("linked", pair)


def test_co_author_keeps_the_lettered_entry_cited_elsewhere_over_the_uncited_team() -> None:
    # The team's entry has the cited surname: it is no misspelling of the pair's.
    team = ref(1, ["Kessler", "Halitschke", "Baldwin"], "2004")
    pair = ref(2, ["Kessler", "Baldwin"], "2004", suffix="b")
    lk = links("(Kessler and Baldwin, 2004b). (Kessler and Baldwin, 2004).", [team, pair])[1]
    assert (lk.status, lk.reference) == ("year-mismatch", pair)


def test_a_lone_name_links_the_unlettered_entry_of_its_year() -> None:
    plain = ref(1, ["Kessler"], "2004")
    lettered = ref(2, ["Kessler", "Baldwin"], "2004", suffix="b")
    lk = only("(Kessler, 2004)", [plain, lettered])
    assert (lk.status, lk.reference) == ("linked", plain)


def test_other_letter_of_the_cited_year_is_another_work_not_a_wrong_year() -> None:
    # A lone "2014a" implies a 2014b the list has lost; "(Ozuak et al., 2014b)" is
    # missing its entry, and 2014a, cited correctly, is only named as the closest.
    a = ref(1, ["Özüak", "Buchta", "Roth", "Lynch"], "2014", suffix="a")
    cited_a, cited_b = links("(Özüak et al., 2014a). (Özüak et al., 2014b).", [a])
    assert (cited_a.status, cited_b.status, cited_b.alternatives) == ("linked", "unmatched", (a,))


def test_other_letter_of_the_cited_year_gives_way_to_a_slip_of_the_year() -> None:
    # "Smith 2012a" with 2012b and 2013a listed: the 2012a entry's year was mistyped.
    b = ref(1, ["Smith"], "2012", suffix="b")
    a = ref(2, ["Smith"], "2013", suffix="a")
    lk = links("(Smith, 2012a). (Smith, 2012b).", [b, a])[0]
    assert (lk.status, lk.reference) == ("year-mismatch", a)


def test_the_cited_letter_settles_which_year_was_mistyped() -> None:
    # 2009a is one year off both 2010a and 2010b; the letter names 2010a.
    a = ref(1, ["Pleasance", "Stephens", "O'Meara"], "2010", suffix="a")
    b = ref(2, ["Pleasance", "Cheetham", "Stephens"], "2010", suffix="b")
    lk = only("(Pleasance et al., 2009a)", [a, b])
    assert (lk.status, lk.reference, lk.alternatives) == ("year-mismatch", a, (b,))


def test_a_year_one_off_two_lettered_entries_without_the_cited_letter_is_unmatched() -> None:
    a = ref(1, ["Pleasance", "Stephens", "O'Meara"], "2010", suffix="a")
    b = ref(2, ["Pleasance", "Cheetham", "Stephens"], "2010", suffix="b")
    lk = only("(Pleasance et al., 2009c)", [a, b])
    assert (lk.status, lk.alternatives) == ("unmatched", (a, b))


def test_the_cited_letter_settles_nothing_when_another_letter_of_its_year_is_listed() -> None:
    # 2009b listed says the author had a 2009a too: the list lacks the cited work.
    b2009 = ref(1, ["Pleasance", "Stephens", "O'Meara"], "2009", suffix="b")
    a = ref(2, ["Pleasance", "Stephens", "O'Meara"], "2010", suffix="a")
    b = ref(3, ["Pleasance", "Cheetham", "Stephens"], "2010", suffix="b")
    lk = only("(Pleasance et al., 2009a)", [b2009, a, b])
    assert lk.status == "unmatched"


def test_lone_other_letter_cited_nowhere_else_is_the_entry_meant() -> None:
    a = ref(1, ["Özüak", "Buchta", "Roth", "Lynch"], "2014", suffix="a")
    lk = only("(Özüak et al., 2014b)", [a])
    assert (lk.status, lk.reference) == ("year-mismatch", a)


def test_near_surname_with_the_exact_year_beats_a_distant_year() -> None:
    smyth = ref(1, ["Smyth"], "2019")
    smith = ref(2, ["Smith"], "2005")
    lk = only("(Smith, 2019)", [smyth, smith])
    assert (lk.status, lk.reference) == ("author-mismatch", smyth)


def test_same_surname_with_a_close_year_beats_a_near_surname() -> None:
    smyth = ref(1, ["Smyth"], "2019")
    smith = ref(2, ["Smith"], "2018")
    lk = only("(Smith, 2019)", [smyth, smith])
    assert (lk.status, lk.reference) == ("year-mismatch", smith)


def test_group_author_with_a_leading_the_is_cited_without_it() -> None:
    # The Lancet's editors retracted Wakefield et al. in 2010; the citation finder
    # does not take a capitalised "The" into a name.
    lancet = ref(1, ["The Editors of The Lancet"], "2010", group=True)
    lk = only("The paper was retracted (The Editors of The Lancet, 2010).", [lancet])
    assert (lk.status, lk.reference) == ("linked", lancet)


def _audit(text: str) -> FileAudit:
    return audit_document(Document.plain("a.txt", text))


def _codes(text: str) -> list[str]:
    return sorted(d.code for d in _audit(text).diagnostics)


# Nègre et al., "Chromosomal distribution of PcG proteins during Drosophila development"
# (PLoS Biol 4:e170, 2006).
_NEGRE_2006_ENTRY = (
    "Nègre, N., Hennetin, J., Sun, L. V., Lavrov, S., Bellis, M., White, K. P., & Cavalli, G. "
    "(2006). Chromosomal distribution of PcG proteins during Drosophila development. "
    "PLoS Biology, 4(6), e170."
)


def test_entry_named_closest_to_an_unmatched_citation_is_still_reported_uncited() -> None:
    # "Negri 2011" matches no entry; the help names Nègre et al. (2006) as closest, but
    # that is a guess: if the CIT101 is suppressed, the uncited entry must still show.
    text = (
        "Polycomb proteins bind thousands of sites (Negri et al., 2011).\n\n"
        f"References\n\n{_NEGRE_2006_ENTRY}\n"
    )
    assert _codes(text) == ["CIT101", "CIT102"]


def test_duplicated_entry_is_not_also_reported_uncited() -> None:
    text = (
        "Polycomb proteins bind thousands of sites (Nègre et al., 2006).\n\n"
        f"References\n\n{_NEGRE_2006_ENTRY}\n\n{_NEGRE_2006_ENTRY.replace('(6)', ' (6)')}\n"
    )
    assert "CIT106" in _codes(text)
    assert "CIT102" not in _codes(text)


def test_year_mismatch_gives_way_to_an_uncited_misspelt_entry_of_the_exact_year() -> None:
    # Kumari 2014 is cited as such; "Kuxmari 2012" is the 2012 work's misspelt entry.
    kumari = ref(1, ["Kumari", "Rao"], "2014")
    misspelt = ref(2, ["Kuxmari", "Rao"], "2012")
    first, second = links("(Kumari et al., 2014) and (Kumari et al., 2012)", [kumari, misspelt])
    assert (first.status, first.reference) == ("linked", kumari)
    assert (second.status, second.reference) == ("author-mismatch", misspelt)


def test_author_mismatch_gives_way_to_an_uncited_near_miss_of_the_same_year() -> None:
    # Reinhardt scores 89 against Meinhardt and the misspelt entry 84, but Reinhardt
    # et al. 2003 is cited exactly elsewhere and "Meintahrdt 2003" nowhere.
    reinhardt = ref(1, ["Reinhardt", "Pesce", "Stieger"], "2003")
    misspelt = ref(2, ["Meintahrdt"], "2003")
    first, second = links("(Reinhardt et al., 2003) and (Meinhardt, 2003)", [reinhardt, misspelt])
    assert (first.status, first.reference) == ("linked", reinhardt)
    assert (second.status, second.reference, second.passed_over, second.passed_over_nearer) == (
        "author-mismatch",
        misspelt,
        reinhardt,
        True,
    )


def test_uncited_near_miss_read_instead_of_a_nearer_entry_names_the_entry_passed_over() -> None:
    text = (
        "Auxin transport positions new organs (Reinhardt et al., 2003); lateral inhibition "
        "can also do so (Meinhardt, 2003).\n\nReferences\n\n"
        "Meintahrdt, H. (2003). Complex pattern formation by a self-destabilization of "
        "established patterns: chemotactic orientation and phyllotaxis as examples. Comptes "
        "Rendus Biologies, 326(2), 223-237.\n\n"
        "Reinhardt, D., Pesce, E. R., Stieger, P., Mandel, T., Baltensperger, K., Bennett, M., "
        "Traas, J., Friml, J., & Kuhlemeier, C. (2003). Regulation of phyllotaxis by polar "
        "auxin transport. Nature, 426(6964), 255-260.\n"
    )
    [author] = [d for d in _audit(text).diagnostics if d.code == "CIT104"]
    assert (author.help, author.data["reference_id"], author.data["passed_over_reference_id"]) == (
        "Did you mean `Meintahrdt, 2003`? (surname similarity 84.2/100); not "
        "`Reinhardt et al. (2003)`, nearer in spelling, which other citations name exactly "
        "while this entry is cited nowhere",
        "ref-1",
        "ref-2",
    )


def test_author_mismatch_stays_when_the_uncited_near_miss_misfits_the_author_list() -> None:
    # Hartman 2012 is cited nowhere, but it has one author and the citation names three.
    hartmann = ref(1, ["Hartmann", "Weber", "Braun"], "2012")
    hartman = ref(2, ["Hartman"], "2012")
    _, lk = links("(Hartmann et al., 2012) and (Hartmnn et al., 2012)", [hartmann, hartman])
    assert (lk.status, lk.reference, lk.passed_over) == ("author-mismatch", hartmann, None)


def test_author_mismatch_stays_when_two_uncited_near_misses_tie() -> None:
    reinhardt = ref(1, ["Reinhardt", "Pesce", "Stieger"], "2003")
    twins = [ref(2, ["Meintahrdt"], "2003"), ref(3, ["Mienhardtt"], "2003")]
    _, lk = links("(Reinhardt et al., 2003) and (Meinhardt, 2003)", [reinhardt, *twins])
    assert (lk.status, lk.reference, lk.passed_over) == ("author-mismatch", reinhardt, None)


def test_author_mismatch_stays_with_the_nearest_entry_when_no_citation_names_it() -> None:
    reinhardt = ref(1, ["Reinhardt", "Pesce", "Stieger"], "2003")
    misspelt = ref(2, ["Meintahrdt"], "2003")
    lk = only("(Meinhardt, 2003)", [reinhardt, misspelt])
    assert (lk.status, lk.reference, lk.passed_over) == ("author-mismatch", reinhardt, None)


def test_year_mismatch_stands_when_the_near_miss_entry_is_cited_itself() -> None:
    smith = ref(1, ["Smith"], "2014")
    smyth = ref(2, ["Smyth"], "2012")
    lks = links("(Smith, 2014), (Smyth, 2012) and (Smith, 2012)", [smith, smyth])
    assert (lks[2].status, lks[2].reference) == ("year-mismatch", smith)


def test_one_year_off_beats_one_digit_off() -> None:
    # Online first versus print (1985/1986) is likelier than a mistyped digit (1996).
    print_year = ref(1, ["Clarke", "Fox"], "1985")
    other = ref(2, ["Clarke", "Fox"], "1996")
    lk = only("(Clarke and Fox, 1986)", [print_year, other])
    assert (lk.status, lk.reference) == ("year-mismatch", print_year)


# Bender W, Hudson A (2000), Development 127:3981-3992, listed with its first surname
# garbled: "Bneher" scores 66.7 against "Bender", under the 80 of a plain near miss.
BNEHER = ref(1, ["Bneher", "Hudson"], "2000")


def test_garbled_surname_links_when_year_second_author_and_count_agree() -> None:
    lk = only("(Bender and Hudson, 2000)", [BNEHER])
    assert (lk.status, lk.reference, lk.score) == ("author-mismatch", BNEHER, 66.7)


def test_garbled_surname_with_another_second_author_stays_unmatched() -> None:
    lk = only("(Bender and Lewis, 2000)", [BNEHER])
    assert lk.status == "unmatched"


def test_short_surname_one_slip_off_links_when_year_and_second_author_agree() -> None:
    # Li H, Durbin R (2009), Bioinformatics 25:1754-1760, listed as "Lh": one wrong
    # letter of two scores 50, but the year and the second author agree.
    lh = ref(1, ["Lh", "Durbin"], "2009")
    lk = only("(Li and Durbin, 2009)", [lh])
    assert (lk.status, lk.reference, lk.score) == ("author-mismatch", lh, 50.0)


def test_short_surname_one_slip_off_links_with_et_al_when_the_name_leads_no_entry() -> None:
    # A citation that matches nothing and an uncited entry of its year and count, one
    # slip apart with the first letter kept: one misspelling, not two errors.
    lh = ref(1, ["Lh", "Durbin", "Smith"], "2009")
    lk = only("(Li et al., 2009)", [lh])
    assert (lk.status, lk.reference, lk.score) == ("author-mismatch", lh, 50.0)


def test_short_surname_garbled_with_et_al_beats_a_year_slip_of_a_work_cited_as_listed() -> None:
    # Li & Wang 2005 is cited as listed: blaming "Li et al., 2009" on its year would
    # leave the uncited "Lh et al. 2009", of the cited year and count, unexplained.
    li = ref(1, ["Li", "Wang"], "2005")
    lh = ref(2, ["Lh", "Durbin", "Smith"], "2009")
    lk = links("(Li and Wang, 2005) and (Li et al., 2009)", [li, lh])[1]
    assert (lk.status, lk.reference) == ("author-mismatch", lh)


def test_short_surname_with_et_al_stays_a_year_slip_of_its_own_uncited_work() -> None:
    # Nothing else cites Li & Wang 2005: the year slip is as likely as the garble.
    li = ref(1, ["Li", "Wang"], "2005")
    lh = ref(2, ["Lh", "Durbin", "Smith"], "2009")
    lk = only("(Li et al., 2009)", [li, lh])
    assert (lk.status, lk.reference) == ("year-mismatch", li)


def test_short_surname_two_slips_off_links_when_the_second_author_agrees() -> None:
    # Sepp/Spe: two slips, the first letter kept; similarity 57.1.
    spe = ref(1, ["Spe", "Auld"], "1999")
    lk = only("(Sepp and Auld, 1999)", [spe])
    assert (lk.status, lk.reference, lk.score) == ("author-mismatch", spe, 57.1)


@pytest.mark.parametrize("listed", ["Lu", "Ma"])
def test_short_surname_that_is_a_name_stays_apart_with_et_al_only(listed: str) -> None:
    # Li and Lu are two people: `et al.` corroborates only the author count.
    other = ref(1, [listed, "Xu", "Cheng"], "2010")
    assert only(f"({listed[0]}i et al., 2010)", [other]).status == "unmatched"


def test_short_surname_with_as_many_slips_as_letters_stays_unmatched() -> None:
    # Tan/Tf: two slips in a name of two letters leave nothing of it.
    tf = ref(1, ["Tf", "Frankel", "Smith"], "1995")
    assert only("(Tan et al., 1995)", [tf]).status == "unmatched"


def test_garbled_entry_with_the_cited_letter_its_own_name_lacks_is_the_cited_work() -> None:
    # Hart/Hahp: two slips, a vowel left; only the letters tell it is Hart's 1987a.
    hart_b = ref(1, ["Hart", "Clarke", "Wigley"], "1987", suffix="b")
    hahp_a = ref(2, ["Hahp", "Clarke", "Wigley"], "1987", suffix="a")
    lk = links("(Hart et al., 1987a). (Hart et al., 1987b).", [hart_b, hahp_a])[0]
    assert (lk.status, lk.reference) == ("author-mismatch", hahp_a)


def test_garbled_entry_whose_letter_its_own_name_explains_stays_apart() -> None:
    hart_b = ref(1, ["Hart", "Clarke", "Wigley"], "1987", suffix="b")
    hahp_a = ref(2, ["Hahp", "Clarke", "Wigley"], "1987", suffix="a")
    hahp_b = ref(3, ["Hahp", "Jones", "Wigley"], "1987", suffix="b")
    text = "(Hart et al., 1987a). (Hart et al., 1987b). (Hahp et al., 1987b)."
    lk = links(text, [hart_b, hahp_a, hahp_b])[0]
    assert lk.status == "unmatched"


def test_entry_with_the_cited_letter_and_no_co_author_of_the_cited_name_s_stays_apart() -> None:
    hart_b = ref(1, ["Hart", "Clarke", "Wigley"], "1987", suffix="b")
    hall_a = ref(2, ["Hall", "Moore", "Tsang"], "1987", suffix="a")
    lk = links("(Hart et al., 1987a). (Hart et al., 1987b).", [hart_b, hall_a])[0]
    assert lk.status == "unmatched"


def test_garbled_entry_with_the_cited_letter_needs_a_sibling_letter_of_the_cited_name() -> None:
    hahp_a = ref(1, ["Hahp", "Clarke", "Wigley"], "1987", suffix="a")
    assert only("(Hart et al., 1987a)", [hahp_a]).status == "unmatched"


def test_short_surname_with_another_first_letter_stays_unmatched_with_et_al() -> None:
    mi = ref(1, ["Mi", "Durbin", "Smith"], "2009")
    assert only("(Li et al., 2009)", [mi]).status == "unmatched"


def test_lone_surname_one_slip_from_the_one_uncited_entry_is_a_misspelling() -> None:
    # Chen/Chan score 75, under the threshold, but the entry of the year that nothing
    # cites and the citation that matches nothing are one slip apart.
    chan = ref(1, ["Chan"], "2000")
    lk = only("(Chen, 2000)", [chan])
    assert (lk.status, lk.reference, lk.score) == ("author-mismatch", chan, 75.0)


def test_lone_surname_read_as_a_slip_says_what_to_do_if_it_is_another_person() -> None:
    text = (
        "Sleep loss impairs recall (Chen, 2000).\n\nReferences\n\n"
        "Chan, W. (2000). Sleep and memory. Journal of Sleep Research, 9(1), 1-10.\n"
    )
    [author] = [d for d in _audit(text).diagnostics if d.code == "CIT104"]
    assert author.help == (
        "Did you mean `Chan, 2000`? (surname similarity 75/100); read as a misspelling, "
        "under the near-miss threshold, because the entry is cited nowhere else: if these "
        "are two people, list the cited work"
    )


def test_lone_surname_with_a_slipped_year_of_its_own_entry_stays_a_year_mismatch() -> None:
    # Chen 2012 is cited and listed; Chen 2015 is its year mistyped or a misspelt Chan
    # 2015: one slip in a lone name is too little to prefer the second reading.
    chen, chan = ref(1, ["Chen"], "2012"), ref(2, ["Chan"], "2015")
    _, lk = links("(Chen, 2012) and (Chen, 2015)", [chen, chan])
    assert (lk.status, lk.reference) == ("year-mismatch", chen)


def test_lone_surname_one_slip_from_an_entry_cited_as_listed_stays_unmatched() -> None:
    _, lk = links("(Chan, 2000) and (Chen, 2000)", [ref(1, ["Chan"], "2000")])
    assert lk.status == "unmatched"


def test_lone_surname_two_slips_from_the_uncited_entry_stays_unmatched() -> None:
    lk = only("(Chen, 2000)", [ref(1, ["Chow"], "2000")])
    assert lk.status == "unmatched"


def test_lone_surname_two_slips_from_the_uncited_entry_in_a_long_name_is_a_misspelling() -> None:
    # Lewis/Louwis: a letter changed and one added, 72.7, yet the same name.
    louwis = ref(1, ["Louwis"], "1947")
    lk = only("(Lewis, 1947)", [louwis])
    assert (lk.status, lk.reference, lk.score) == ("author-mismatch", louwis, 72.7)


def test_lone_surname_two_slips_off_that_keep_few_letters_stays_unmatched() -> None:
    # Meyer and Maier are two common names, not one misspelt (similarity 60).
    lk = only("(Meyer, 2000)", [ref(1, ["Maier"], "2000")])
    assert lk.status == "unmatched"


def test_lone_surname_that_leads_another_entry_is_not_read_two_slips_off() -> None:
    # Miller is an author of this list (2008), so "Miller, 2010" is a Miller work the
    # list lacks, not the uncited Mills 2010 mistyped twice.
    miller, mills = ref(1, ["Miller"], "2008"), ref(2, ["Mills"], "2010")
    _, lk = links("(Miller, 2008) and (Miller, 2010)", [miller, mills])
    assert lk.status == "unmatched"


def test_lone_surname_year_repeated_beside_its_cited_entry_is_not_read_as_a_slip() -> None:
    # Chen 2015 twice, beside a cited Chen 2012: another Chen work the list lacks;
    # the uncited Chan 2015 may be another person's.
    chen, chan = ref(1, ["Chen"], "2012"), ref(2, ["Chan"], "2015")
    found = links("(Chen, 2012), (Chen, 2015) and (Chen, 2015)", [chen, chan])
    assert [lk.status for lk in found] == ["linked", "unmatched", "unmatched"]


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        # Lee and Lei, Liu and Lin, Sen and Sun are different names as often as a slip.
        ("(Lee, 2000)", "Lei"),
        ("Liu (2000) surveyed nurses.", "Lin"),
        # An abbreviation is no misspelt surname: WHO's entry is missing.
        ("(WHO, 2000)", "Woo"),
    ],
)
def test_lone_surname_of_three_letters_one_slip_off_stays_unmatched(
    cited: str, listed: str
) -> None:
    lk = only(cited, [ref(1, [listed], "2000")])
    assert lk.status == "unmatched"


def test_garbled_surname_of_an_entry_cited_elsewhere_stays_unmatched() -> None:
    first, second = links("(Bneher and Hudson, 2000) and (Bender and Hudson, 2000)", [BNEHER])
    assert (first.status, second.status) == ("linked", "unmatched")


def test_garbled_surname_far_below_the_threshold_stays_unmatched() -> None:
    # Twenty points under the near-miss threshold is the most the evidence stands for.
    lk = only("(Brown and Hudson, 2000)", [BNEHER])
    assert lk.status == "unmatched"


def test_year_slip_to_the_one_uncited_entry_of_the_author_is_a_year_mismatch() -> None:
    # Smith 1998 and Smith 2000 are both one year from 1999; 2000 is cited exactly,
    # 1998 nowhere: the 1998 entry is the one whose year the citation mistypes.
    s1998, s2000 = ref(1, ["Smith"], "1998"), ref(2, ["Smith"], "2000")
    first, second = links("(Smith, 2000) and (Smith, 1999)", [s1998, s2000])
    assert (first.status, second.status, second.reference) == ("linked", "year-mismatch", s1998)


def test_year_slip_between_two_uncited_entries_stays_unmatched() -> None:
    s1998, s2000 = ref(1, ["Smith"], "1998"), ref(2, ["Smith"], "2000")
    lk = only("(Smith, 1999)", [s1998, s2000])
    assert (lk.status, set(lk.alternatives)) == ("unmatched", {s1998, s2000})


def test_garbled_surname_cited_et_al_links_to_a_several_author_entry() -> None:
    # Allmann et al. against an uncited "Alxmnan, Baldwin & Kessler" (71.4) of that year.
    entry = ref(1, ["Alxmnan", "Baldwin", "Kessler"], "2010")
    lk = only("(Allmann et al., 2010)", [entry])
    assert (lk.status, lk.reference) == ("author-mismatch", entry)


def _findings(text: str) -> list[tuple[str, str, str]]:
    diagnostics = _audit(text).diagnostics
    return [(d.code, d.severity.name, d.message) for d in diagnostics if d.code == "CIT101"]


def test_unmatched_citation_that_gives_its_pmid_is_a_warning_naming_it() -> None:
    # The reader can still reach the work (Behjati et al. 2014, PMID 24633157); only the
    # list is incomplete.
    text = (
        "Driver genes are found this way (Behjati et al., 2014 -PMID:24633157-).\n\n"
        f"References\n\n{_NEGRE_2006_ENTRY}\n"
    )
    assert _findings(text) == [
        (
            "CIT101",
            "WARNING",
            "Citation `Behjati et al., 2014` matches no entry of the reference list; "
            "the text identifies the work as `PMID:24633157`",
        )
    ]


def test_unmatched_citation_without_an_identifier_stays_an_error() -> None:
    text = (
        "Driver genes are found this way (Behjati et al., 2014).\n\n"
        f"References\n\n{_NEGRE_2006_ENTRY}\n"
    )
    assert _findings(text) == [
        (
            "CIT101",
            "ERROR",
            "Citation `Behjati et al., 2014` matches no entry of the reference list",
        )
    ]


# Kabsch W. (2010). XDS. Acta Crystallographica Section D 66:125-132: software cited by name.
_XDS_ENTRY = (
    "Kabsch W. 2010. Xds. Acta Crystallographica Section D Biological Crystallography "
    "66:125–132. doi: 10.1107/S0907444909047337."
)


def test_software_cited_by_its_title_links_to_the_entry() -> None:
    text = f"Data were scaled with XDS (Xds, 2010).\n\nReferences\n\n{_XDS_ENTRY}\n"
    assert _codes(text) == []


def test_title_of_a_year_no_slip_explains_is_no_match() -> None:
    text = f"Data were scaled with XDS (Xds, 1998).\n\nReferences\n\n{_XDS_ENTRY}\n"
    assert _codes(text) == ["CIT101", "CIT102"]


def test_title_of_a_year_one_off_is_a_year_mismatch() -> None:
    text = f"Data were scaled with XDS (Xds, 2011).\n\nReferences\n\n{_XDS_ENTRY}\n"
    assert _codes(text) == ["CIT103"]


def test_title_of_a_year_one_off_names_no_entry_another_citation_names() -> None:
    # A later release of software cited by name is a document the list lacks.
    text = f"Scaled with XDS (Xds, 2010) and rescaled (Xds, 2011).\n\nReferences\n\n{_XDS_ENTRY}\n"
    assert _codes(text) == ["CIT101"]


def test_a_tentative_name_is_never_a_title_of_another_year() -> None:
    # Words read only if they name an entry ("MATLAB (2019, 3)" may be a release and a
    # count) do not name one by a title of another year.
    fields = ReferenceFields(authors=(Author("Kabsch"),), year="2010", title="Xds")
    entry = Reference.build(fields, id="ref-1", index=1, number=None, span=Span(0, 1), raw="")
    [cited] = find_citations("(Xds, 2011)")
    [lk] = link([replace(cited, tentative=True)], [entry], MatchSettings())
    assert lk.status == "unmatched"


def test_title_longer_than_a_name_is_never_taken_for_a_cited_name() -> None:
    fields = ReferenceFields(
        authors=(Author("Duman"),), year="2012", title="Big Data Deep Learning"
    )
    entry = Reference.build(fields, id="ref-1", index=1, number=None, span=Span(0, 1), raw="")
    assert only("(Big Data Deep Learning, 2012)", [entry]).status == "unmatched"


def test_et_al_rules_do_not_apply_to_a_citation_by_title() -> None:
    entry = (
        "Abraham MJ, Murtola T, Schulz R. 2015. GROMACS: High performance molecular "
        "simulations through multi-level parallelism. SoftwareX 1:19–25."
    )
    assert _codes(f"Simulated (GROMACS, 2015).\n\nReferences\n\n{entry}\n") == []


# Allmann & Baldwin (2010, Science 329:1075) and Allmann et al. (2010, Plant Cell Environ
# 33:2028): eLife's list gives the second the first one's DOI.
_ALLMANN_SCIENCE = (
    "Allmann S, Baldwin IT. 2010. Insects betray themselves in nature to predators by rapid "
    "isomerization of green leaf volatiles. Science 329:1075–1078. doi: 10.1126/science.1191634."
)
_ALLMANN_PCE_SAME_DOI = (
    "Allmann S, Halitschke R, Schuurink RC, Baldwin IT. 2010. Oxylipin channelling in Nicotiana "
    "attenuata: Lipoxygenase 2 supplies substrates for green leaf volatile production. Plant "
    "Cell Environ 33:2028–2040. doi: 10.1126/science.1191634."
)
_ALLMANN_TEXT = (
    "Predators read the volatiles (Allmann and Baldwin, 2010), which lipoxygenase 2 "
    "supplies (Allmann et al., 2010).\n\nReferences\n\n"
)


def test_one_doi_on_two_different_works_is_a_shared_doi_not_a_duplicate() -> None:
    text = f"{_ALLMANN_TEXT}{_ALLMANN_SCIENCE}\n\n{_ALLMANN_PCE_SAME_DOI}\n"
    assert _codes(text) == ["CIT203"]


def test_citations_of_two_works_sharing_a_doi_link_to_their_own_entries() -> None:
    audit = _audit(f"{_ALLMANN_TEXT}{_ALLMANN_SCIENCE}\n\n{_ALLMANN_PCE_SAME_DOI}\n")
    assert [[r.index for r in lk.references] for lk in audit.links] == [[1], [2]]


def test_one_doi_on_two_copies_of_a_title_is_still_a_duplicate() -> None:
    copy = _ALLMANN_SCIENCE.replace("329:1075–1078", "329(5995):1075–1078")
    text = f"{_ALLMANN_TEXT}{_ALLMANN_SCIENCE}\n\n{copy}\n"
    codes = _codes(text)
    assert ("CIT106" in codes, "CIT203" in codes) == (True, False)


def test_copy_of_the_first_work_on_a_shared_doi_is_not_a_second_shared_doi() -> None:
    copy = _ALLMANN_SCIENCE.replace("329:1075–1078", "329(5995):1075–1078")
    text = f"{_ALLMANN_TEXT}{_ALLMANN_SCIENCE}\n\n{_ALLMANN_PCE_SAME_DOI}\n\n{copy}\n"
    assert _codes(text) == ["CIT106", "CIT203"]


def test_copy_of_the_second_work_on_a_shared_doi_is_its_duplicate() -> None:
    # The copy's year is off, so only the DOI and title tie it to the second entry.
    copy = _ALLMANN_PCE_SAME_DOI.replace("2010", "2011")
    text = f"{_ALLMANN_TEXT}{_ALLMANN_SCIENCE}\n\n{_ALLMANN_PCE_SAME_DOI}\n\n{copy}\n"
    [dup] = [d for d in _audit(text).diagnostics if d.code == "CIT106"]
    assert dup.data == {"reference_id": "ref-3", "duplicate_of": "ref-2"}


_SCIENCE_TITLE = "Insects betray themselves in nature to predators by rapid isomerization"
_PCE_TITLE = "Oxylipin channelling in Nicotiana attenuata: Lipoxygenase 2 supplies substrates"


def _with_doi(index: int, title: str | None, doi: str) -> Reference:
    fields = ReferenceFields(authors=(Author("Allmann"),), year="2010", title=title, doi=doi)
    return Reference.build(
        fields, id=f"ref-{index}", index=index, number=None, span=Span(0, 1), raw=""
    )


def test_untitled_entry_on_a_shared_doi_does_not_hide_two_different_works() -> None:
    doi = "10.1126/science.1191634"
    untitled, science, pce = (
        _with_doi(1, None, doi), _with_doi(2, _SCIENCE_TITLE, doi), _with_doi(3, _PCE_TITLE, doi)
    )  # fmt: skip
    assert find_shared_dois([untitled, science, pce]) == [(pce, science)]


# Kuhlemeier, "Phyllotaxis", Trends Plant Sci 12:143-150 (2007): a one-word title the
# parser reads into the journal, so only the volume and pages tell the work.
_KUHLEMEIER = (
    "Kuhlemeier C. 2007. Phyllotaxis. Trends in Plant Science 12:143–150. "
    "doi: 10.1016/j.tplants.2007.03.004."
)
_PHYLLOTAXIS_TEXT = "Leaves are placed in spirals (Kuhlemeier, 2007).\n\nReferences\n\n"


def test_untitled_copy_without_its_doi_is_a_duplicate_by_volume_and_first_page() -> None:
    copy = _KUHLEMEIER.replace(" doi: 10.1016/j.tplants.2007.03.004.", "")
    [dup] = [
        d for d in _audit(f"{_PHYLLOTAXIS_TEXT}{_KUHLEMEIER}\n\n{copy}\n").diagnostics
        if d.code == "CIT106"
    ]  # fmt: skip
    assert (dup.data, dup.message) == (
        {"reference_id": "ref-2", "duplicate_of": "ref-1"},
        "Duplicate reference: entry 2 repeats entry 1 `Kuhlemeier (2007)` (same first author, "
        "year, volume and first page)",
    )


def test_untitled_entries_of_one_volume_with_other_first_pages_are_two_works() -> None:
    other = _KUHLEMEIER.replace("143–150", "151–158").replace(
        " doi: 10.1016/j.tplants.2007.03.004.", ""
    )
    assert "CIT106" not in _codes(f"{_PHYLLOTAXIS_TEXT}{_KUHLEMEIER}\n\n{other}\n")


def _column(index: int, issue: str) -> Reference:
    # N. D. Mermin's "Reference Frame" columns in Physics Today 57 (2004): each issue's
    # column starts on page 10, and a physics list gives no titles.
    fields = ReferenceFields(
        authors=(Author("Mermin"),), year="2004", container="Physics Today", volume="57",
        issue=issue, pages="10",
    )  # fmt: skip
    return Reference.build(
        fields, id=f"ref-{index}", index=index, number=None, span=Span(0, 1), raw=""
    )


def test_untitled_entries_of_one_volume_and_page_in_two_issues_are_two_works() -> None:
    assert find_duplicates([_column(1, "5"), _column(2, "12")], MatchSettings()) == []


def test_duplicate_of_a_duplicate_names_the_first_listing() -> None:
    first = _with_doi(1, _SCIENCE_TITLE, "10.1126/science.1191634")
    copy = _with_doi(2, _SCIENCE_TITLE, "10.9999/copy")
    copy_of_copy = _with_doi(3, _SCIENCE_TITLE, "10.9999/copy")
    found = find_duplicates([first, copy, copy_of_copy], MatchSettings())
    assert [(d.reference.index, d.original.index) for d in found] == [(2, 1), (3, 1)]


def test_entry_whose_co_author_agrees_beats_an_exact_surname_whose_co_author_does_not() -> None:
    team = ref(1, ["Allmann", "Halitschke", "Schuurink", "Baldwin"], "2010")
    misspelt = ref(2, ["Afllmann", "Baldwin"], "2010")
    lk = only("(Allmann and Baldwin, 2010)", [team, misspelt])
    assert (lk.status, lk.reference) == ("author-mismatch", misspelt)


def test_exact_surname_still_links_when_no_near_entry_has_the_co_author() -> None:
    team = ref(1, ["Allmann", "Halitschke", "Schuurink", "Baldwin"], "2010")
    assert only("(Allmann and Baldwin, 2010)", [team]).status == "linked"


# Allmann & Baldwin (2010), cited by both names, beside Allmann et al.'s work with its
# surname or its year mistyped in the list and cited nowhere.
_PAIR = ref(1, ["Allmann", "Baldwin"], "2010")
_BOTH_AND_ET_AL = "(Allmann and Baldwin, 2010) and (Allmann et al., 2010)"


def test_et_al_beside_the_pair_cited_by_name_is_the_misspelt_team_work() -> None:
    team = ref(2, ["Allman", "Halitschke", "Schuurink", "Baldwin"], "2010")
    _, lk = links(_BOTH_AND_ET_AL, [_PAIR, team])
    assert (lk.status, lk.reference) == ("author-mismatch", team)


def test_et_al_beside_the_pair_cited_by_name_stays_beside_a_team_work_a_year_off() -> None:
    # eLife writes `et al.` for pairs; the 2009 entry may simply be cited nowhere.
    team = ref(2, ["Allmann", "Halitschke", "Schuurink", "Baldwin"], "2009")
    _, lk = links(_BOTH_AND_ET_AL, [_PAIR, team])
    assert (lk.status, lk.reference) == ("linked", _PAIR)


def test_et_al_read_as_the_team_work_names_the_pair_passed_over() -> None:
    misspelt = _ALLMANN_PCE_SAME_DOI.replace("Allmann S, Halitschke", "Allman S, Halitschke")
    audit = _audit(f"{_ALLMANN_TEXT}{_ALLMANN_SCIENCE}\n\n{misspelt}\n")
    [author] = [d for d in audit.diagnostics if d.code == "CIT104"]
    assert (author.help, author.data["passed_over_reference_id"]) == (
        "Did you mean `Allman et al., 2010`? (surname similarity 92.3/100); not "
        "`Allmann & Baldwin (2010)`, which other citations name as listed while this "
        "citation's authors do not fit it",
        "ref-1",
    )


def test_pair_named_beside_the_team_work_cited_as_et_al_is_the_misdated_pair() -> None:
    team = ref(1, ["Allmann", "Halitschke", "Schuurink", "Baldwin"], "2010")
    pair = ref(2, ["Allmann", "Baldwin"], "2009")
    _, lk = links("(Allmann et al., 2010) and (Allmann and Baldwin, 2010)", [team, pair])
    assert (lk.status, lk.reference, lk.passed_over) == ("year-mismatch", pair, team)


_TEAM = ref(1, ["Allmann", "Halitschke", "Schuurink", "Baldwin"], "2010")
_PAIR_TWICE = "(Allmann et al., 2010), (Allmann and Baldwin, 2010) and (Allmann and Baldwin, 2010)"


def test_pair_named_again_and_again_beside_the_team_work_is_a_work_the_list_lacks() -> None:
    _, first, second = links(_PAIR_TWICE, [_TEAM])
    assert [(lk.status, lk.alternatives, lk.repeated_authors) for lk in (first, second)] == [
        ("unmatched", (_TEAM,), 2),
        ("unmatched", (_TEAM,), 2),
    ]


def test_pair_named_once_beside_the_team_work_stays_linked() -> None:
    _, lk = links("(Allmann et al., 2010) and (Allmann and Baldwin, 2010)", [_TEAM])
    assert (lk.status, lk.reference) == ("linked", _TEAM)


def test_pair_named_twice_in_one_bracket_is_named_once() -> None:
    text = "(Allmann et al., 2010) and (Allmann and Baldwin, 2010; Allmann and Baldwin, 2010)"
    assert [lk.status for lk in links(text, [_TEAM])] == ["linked"] * 3


def test_pair_named_again_and_again_stays_linked_when_no_citation_fits_the_entry() -> None:
    text = "(Allmann and Baldwin, 2010) and (Allmann and Baldwin, 2010)"
    assert [lk.status for lk in links(text, [_TEAM])] == ["linked", "linked"]


_NICE = ref(1, ["National Institute for Health and Care Excellence"], "2019", group=True)


def test_abbreviation_declared_in_brackets_links_to_the_group() -> None:
    # "NICE" is no acronym of the name; the first citation says what it stands for.
    text = "(National Institute for Health and Care Excellence [NICE], 2019) and (NICE, 2019)"
    assert [(lk.status, lk.reference) for lk in links(text, [_NICE])] == [("linked", _NICE)] * 2


_NCD = ref(1, ["NCD Risk Factor Collaboration"], "2016", group=True)


def test_hyphenated_abbreviation_declared_in_brackets_links_to_the_group() -> None:
    text = "(NCD Risk Factor Collaboration [NCD-RisC], 2016) and (NCD-RisC, 2016)"
    assert [(lk.status, lk.reference) for lk in links(text, [_NCD])] == [("linked", _NCD)] * 2


def test_abbreviation_declared_by_the_entry_links_to_the_group() -> None:
    text = (
        "Obesity has tripled since 1975 (NCD-RisC, 2016).\n\nReferences\n\n"
        "NCD Risk Factor Collaboration (NCD-RisC). (2016). Trends in adult body-mass index in "
        "200 countries from 1975 to 2014. The Lancet, 387(10026), 1377-1396.\n"
    )
    assert _codes(text) == []


def test_abbreviation_a_renamed_body_kept_links_to_its_present_name() -> None:
    # NICE was the National Institute for Clinical Excellence; no citation declares it.
    assert only("(NICE, 2019)", [_NICE]).status == "linked"


def test_misspelt_abbreviation_is_a_near_miss_of_the_name_acronym() -> None:
    samhsa = ref(
        1, ["Substance Abuse and Mental Health Services Administration"], "2019", group=True
    )
    lk = only("(SAMSHA, 2019)", [samhsa])
    assert (lk.status, lk.score) == ("author-mismatch", 83.3)


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("HHS", "U.S. Department of Health and Human Services"),
        ("USPSTF", "US Preventive Services Task Force"),
        ("UKHSA", "UK Health Security Agency"),
        ("MHRA", "Medicines and Healthcare products Regulatory Agency"),
        ("DfE", "Department for Education"),
        ("Defra", "Department for Environment, Food and Rural Affairs"),
        ("OECD", "Organisation for Economic Co-operation and Development"),
        ("NHLBI", "National Heart, Lung, and Blood Institute"),
        ("CMS", "Centers for Medicare & Medicaid Services"),
    ],
)
def test_group_cited_by_the_abbreviation_it_goes_by(cited: str, listed: str) -> None:
    body = ref(1, [listed], "2021", group=True)
    assert only(f"({cited}, 2021)", [body]).status == "linked"


@pytest.mark.parametrize(
    "cited",
    ["Nice", "Doh", "Gold"],
)
def test_surname_like_an_abbreviation_is_the_person_s_other_year(cited: str) -> None:
    person = ref(1, [cited], "2020")
    body = ref(2, [_BODY_OF[cited]], "2021", group=True)
    lk = only(f"({cited}, 2021)", [person, body])
    assert (lk.status, lk.reference) == ("year-mismatch", person)


def test_surname_in_capitals_misdated_is_the_person_s_before_a_body_s() -> None:
    person = ref(1, ["COE"], "2019")
    council = ref(2, ["Council of Europe"], "2020", group=True)
    lk = only("(COE, 2020)", [person, council])
    assert (lk.status, lk.reference) == ("year-mismatch", person)


def test_abbreviation_of_a_body_s_other_year_is_no_year_mismatch() -> None:
    # The person's work cited in capitals, missing from the list.
    cope = ref(1, ["Committee on Publication Ethics"], "2019", group=True)
    assert only("(COPE, 2017)", [cope]).status == "unmatched"


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("World Health Organisation", "World Health Organization"),
        ("Centres for Disease Control and Prevention", "Centers for Disease Control and Prevention"),
        ("American Academy of Paediatrics", "American Academy of Pediatrics"),
        ("Centre for Ageing Better", "Center for Aging Better"),
    ],
)  # fmt: skip
def test_body_cited_in_the_other_countrys_spelling_is_linked(cited: str, listed: str) -> None:
    body = ref(1, [listed], "2021", group=True)
    assert only(f"({cited}, 2021)", [body]).status == "linked"


def test_two_bodies_a_spelling_tells_apart_each_take_their_own_citation() -> None:
    us = ref(1, ["Department of Defense"], "2020", group=True)
    au = ref(2, ["Department of Defence"], "2020", group=True)
    found = links("(Department of Defense, 2020) and (Department of Defence, 2020)", [us, au])
    assert [(lk.status, lk.reference) for lk in found] == [("linked", us), ("linked", au)]


def test_surname_that_ends_like_a_british_spelling_keeps_its_letters() -> None:
    person = ref(1, ["Wise"], "2021")
    assert only("(Wize, 2021)", [person]).status == "author-mismatch"


def test_further_abbreviation_one_year_off_an_uncited_body_is_a_year_mismatch() -> None:
    nice = ref(1, ["National Institute for Health and Care Excellence"], "2018", group=True)
    lk = only("(NICE, 2019)", [nice])
    assert (lk.status, lk.reference) == ("year-mismatch", nice)


def test_further_abbreviation_one_year_off_a_body_cited_exactly_is_unmatched() -> None:
    nice = ref(1, ["National Institute for Health and Care Excellence"], "2018", group=True)
    assert [lk.status for lk in links("(NICE, 2018) and (NICE, 2019)", [nice])] == [
        "linked",
        "unmatched",
    ]


def test_further_abbreviation_between_two_uncited_years_of_its_body_is_unmatched() -> None:
    early = ref(1, ["National Institute for Health and Care Excellence"], "2018", group=True)
    late = ref(2, ["National Institute for Health and Care Excellence"], "2020", group=True)
    assert only("(NICE, 2019)", [early, late]).status == "unmatched"


def _person(family: str, given: str, year: str, title: str = "A work") -> Reference:
    fields = ReferenceFields(authors=(Author(family, given),), year=year, title=title)
    return Reference.build(fields, id="ref-1", index=1, number=None, span=Span(0, 1), raw="")


@pytest.mark.parametrize(
    ("given", "status"),
    [("S.", "linked"), ("Stella", "linked"), ("A.", "unmatched"), ("Anna", "unmatched")],
)
def test_full_name_in_prose_links_to_an_entry_giving_its_name_or_initial(
    given: str, status: str
) -> None:
    entry = _person("Kyriakides", given, "2021")
    assert only("As Stella Kyriakides (2021) set out, it matters.", [entry]).status == status


def test_full_name_in_prose_tells_two_entries_of_one_surname_and_year_apart() -> None:
    anna = _person("Freud", "A.", "1936")
    sigmund = replace(_person("Freud", "Sigmund", "1936", "Another work"), id="ref-2", index=2)
    found = links("Anna Freud (1936) and Sigmund Freud (1936) wrote.", [anna, sigmund])
    assert [(lk.status, lk.reference) for lk in found] == [("linked", anna), ("linked", sigmund)]


def test_uk_department_s_abbreviation_without_its_noun_is_another_body() -> None:
    dhsc = ref(1, ["Department of Health and Social Care"], "2021", group=True)
    hsc = ref(2, ["Health and Safety Commission"], "2021", group=True)
    assert [lk.reference for lk in links("(HSC, 2021) and (DHSC, 2021)", [dhsc, hsc])] == [
        hsc,
        dhsc,
    ]


def test_misspelt_abbreviation_in_capitals_is_a_near_miss() -> None:
    ukhsa = ref(1, ["UK Health Security Agency"], "2023", group=True)
    assert only("(UKSHA, 2023)", [ukhsa]).status == "author-mismatch"


_BODY_OF = {
    "Nice": "National Institute for Health and Care Excellence",
    "Doh": "Department of Health",
    "Gold": "Global Initiative for Chronic Obstructive Lung Disease",
}


def test_group_cited_by_the_acronym_of_its_name_before_and() -> None:
    cdc = ref(1, ["Centers for Disease Control and Prevention"], "2020", group=True)
    lk = only("(CDC, 2020)", [cdc])
    assert (lk.status, lk.reference) == ("linked", cdc)


def test_group_name_with_and_given_again_and_again_beside_its_acronym_stays_linked() -> None:
    # The finder splits the name at "and"; it is one group author, not a pair.
    samhsa = ref(
        1, ["Substance Abuse and Mental Health Services Administration"], "2019", group=True
    )
    full = "(Substance Abuse and Mental Health Services Administration, 2019)"
    lks = links(f"{full}, {full} and (SAMHSA, 2019)", [samhsa])
    assert [(lk.status, lk.reference) for lk in lks] == [("linked", samhsa)] * 3


def test_pair_named_again_and_again_beside_a_one_author_entry_stays_linked() -> None:
    # "World Health Organization, & UNICEF" may reach the linker cut to its first name.
    who = ref(1, ["World Health Organization"], "2020", group=True)
    full = "(World Health Organization and UNICEF, 2020)"
    lks = links(f"(WHO, 2020), {full} and {full}", [who])
    assert [lk.status for lk in lks] == ["linked"] * 3


def test_pair_beside_a_one_author_entry_cited_alone_is_the_uncited_pair_a_year_off() -> None:
    single, pair = ref(1, ["Allmann"], "2010"), ref(2, ["Allmann", "Baldwin"], "2009")
    _, lk = links("(Allmann, 2010) and (Allmann and Baldwin, 2010)", [single, pair])
    assert (lk.status, lk.reference, lk.passed_over) == ("year-mismatch", pair, single)


def test_second_author_cited_by_the_first_part_of_a_double_surname_fits() -> None:
    pair = ref(1, ["Pérez", "García Márquez"], "2010")
    text = "(Pérez, 2010), (Pérez and García, 2010) and (Pérez and García, 2010)"
    assert [lk.status for lk in links(text, [pair])] == ["linked"] * 3


def test_an_uncited_entry_the_pair_fits_comes_before_a_missing_work() -> None:
    pair_2009 = ref(2, ["Allmann", "Baldwin"], "2009")
    _, first, second = links(_PAIR_TWICE, [_TEAM, pair_2009])
    assert [(lk.status, lk.reference, lk.passed_over) for lk in (first, second)] == [
        ("year-mismatch", pair_2009, _TEAM),
        ("year-mismatch", pair_2009, _TEAM),
    ]


def test_pair_work_missing_from_the_list_says_why_the_entry_is_not_it() -> None:
    text = (
        "Predators read the volatiles (Allmann and Baldwin, 2010), fast (Allmann and "
        "Baldwin, 2010), and lipoxygenase 2 supplies them (Allmann et al., 2010).\n\n"
        f"References\n\n{_ALLMANN_PCE_SAME_DOI}\n"
    )
    [first, _] = [d for d in _audit(text).diagnostics if d.code == "CIT101"]
    assert (first.help, first.data["repeated_authors"]) == (
        "Closest entry: `Allmann et al. (2010)`, whose second author is not `Baldwin`; "
        "these names and year are cited in 2 places while other citations name the entry "
        "with its own authors, so this reads as another work missing from the list",
        2,
    )


def test_lone_name_stays_with_the_entry_of_its_surname_and_year() -> None:
    single = ref(2, ["Allmann"], "2009")
    _, lk = links("(Allmann and Baldwin, 2010) and (Allmann, 2010)", [_PAIR, single])
    assert (lk.status, lk.reference) == ("linked", _PAIR)


def test_et_al_stays_with_the_pair_when_the_pair_is_not_cited_by_name() -> None:
    team = ref(2, ["Allmann", "Halitschke", "Schuurink", "Baldwin"], "2009")
    lk = only("(Allmann et al., 2010)", [_PAIR, team])
    assert (lk.status, lk.reference) == ("linked", _PAIR)


def test_et_al_stays_with_the_pair_when_the_team_work_is_cited() -> None:
    team = ref(2, ["Allmann", "Halitschke", "Schuurink", "Baldwin"], "2009")
    text = f"{_BOTH_AND_ET_AL} and (Allmann et al., 2009)"
    assert [(lk.status, lk.reference) for lk in links(text, [_PAIR, team])][1] == (
        "linked",
        _PAIR,
    )


def test_et_al_stays_with_the_pair_when_no_uncited_entry_has_several_authors() -> None:
    other = ref(2, ["Allmann", "Baldwin"], "2009")
    _, lk = links(_BOTH_AND_ET_AL, [_PAIR, other])
    assert (lk.status, lk.reference) == ("linked", _PAIR)


# Three numbered entries from the seeds' papers; the text cites 1 and 3, then "[4]".
_NUMBERED = (
    "Ketamine acts within hours [1] and its effect can last a week [3]; the synapses it "
    "builds have been imaged [4].\n\n"
    "References\n\n"
    "1. Zarate CA, Singh JB, Carlson PJ, et al. A randomized trial of an N-methyl-D-aspartate "
    "antagonist in treatment-resistant major depression. Arch Gen Psychiatry. 2006;63(8):856-864.\n"
    "2. Li N, Lee B, Liu RJ, et al. mTOR-dependent synapse formation underlies the rapid "
    "antidepressant effects of NMDA antagonists. Science. 2010;329(5994):959-964.\n"
    "3. Duman RS, Aghajanian GK. Synaptic dysfunction in depression: potential therapeutic "
    "targets. Science. 2012;338(6103):68-72.\n"
)


def test_number_past_the_end_says_where_the_list_ends_and_which_entry_is_uncited() -> None:
    [past] = [d for d in _audit(_NUMBERED).diagnostics if d.code == "CIT108"]
    assert past.message == (
        "Citation `[4]` points past the end of the reference list, whose last entry is 3"
    )
    assert past.help == (
        "Entry 2 is cited nowhere and may be the work meant; "
        "otherwise a reference is missing or the number is wrong"
    )
    assert (past.data["last_number"], past.data["uncited_numbers"]) == (3, [2])


def test_numbers_in_inline_code_are_no_citations() -> None:
    source = _NUMBERED.replace("imaged [4]", "imaged with `stack[4]`").replace("[1]", "[1, 2]")
    extraction = audit_document(markdown_document("article.md", source)).extraction
    assert extraction is not None
    assert [c.number for c in extraction.citations] == [1, 2, 3]


def test_a_citation_sharing_its_bracket_with_code_is_read() -> None:
    source = "Fitted with scikit-learn (`sklearn.linear_model`; Pedregosa, 2011).\n"
    extraction = audit_document(markdown_document("article.md", source)).extraction
    assert extraction is not None
    assert [c.text for c in extraction.citations] == ["Pedregosa, 2011"]


def test_numbers_in_nested_code_elements_are_no_citations() -> None:
    source = _NUMBERED.replace("imaged [4]", "imaged by <samp>$ <kbd>ls</kbd> stack[4]</samp>")
    extraction = audit_document(markdown_document("article.md", source)).extraction
    assert extraction is not None
    assert [c.number for c in extraction.citations] == [1, 3]


def test_a_range_past_the_end_is_one_finding() -> None:
    text = _NUMBERED.replace("imaged [4]", "imaged [2-9]")
    [past] = [d for d in _audit(text).diagnostics if d.code == "CIT108"]
    assert (past.message, past.data["number"]) == (
        "Citation `[2-9]` points past the end of the reference list, whose last entry is 3",
        4,
    )


def test_median_and_its_interquartile_range_raise_no_finding() -> None:
    text = _NUMBERED.replace("imaged [4]", "imaged [2] in rats aged 34 [28, 41] days")
    assert _codes(text) == []


def test_number_within_a_list_without_numbers_says_the_list_is_not_numbered() -> None:
    # One author-year citation makes the article author-year, so "[2]" is not read
    # by position: the list has a second entry, but nothing numbers it.
    text = _NUMBERED.replace("acts within hours [1]", "acts within hours (Zarate et al., 2006)")
    text = text.replace("[3]", "[2]").replace("imaged [4]", "imaged").replace("\n1. ", "\n")
    text = text.replace("\n2. ", "\n").replace("\n3. ", "\n")
    [number] = [d for d in _audit(text).diagnostics if d.code == "CIT108"]
    assert number.message == (
        "Citation `[2]` cites by number, but the reference list is not numbered"
    )


def test_year_mismatch_gives_way_to_a_garbled_entry_whose_year_and_authors_agree() -> None:
    # "Greunmah" scores 75 against "Greenman", under the near-miss threshold, but the
    # uncited entry has the cited year and several authors, and Greenman et al. 2007
    # is cited as 2007 elsewhere.
    listed = ref(1, ["Greenman", "Bouzat", "Kaaks"], "2007")
    garbled = ref(2, ["Greunmah", "Bouzat", "Kaaks"], "2006")
    _, lk = links("(Greenman et al., 2007) and (Greenman et al., 2006)", [listed, garbled])
    assert (lk.status, lk.reference, lk.score) == ("author-mismatch", garbled, 75.0)


def test_year_mismatch_of_a_lone_surname_stays_beside_a_garbled_entry() -> None:
    listed = ref(1, ["Greenman"], "2007")
    garbled = ref(2, ["Greunmah"], "2006")
    _, lk = links("(Greenman, 2007) and (Greenman, 2006)", [listed, garbled])
    assert (lk.status, lk.reference) == ("year-mismatch", listed)


# Moulding et al. cited for 2007 and, twice, for 2008 (one year off, a slip of the
# keys), with only the 2007 work listed.
MOULDING = ref(1, ["Moulding", "Ducat", "Goh"], "2007")


def test_other_year_cited_twice_beside_the_listed_one_is_a_missing_work() -> None:
    text = "(Moulding et al., 2007), (Moulding et al., 2008) and (Moulding et al., 2008)"
    _, first, second = links(text, [MOULDING])
    assert [(lk.status, lk.alternatives[:1]) for lk in (first, second)] == [
        ("unmatched", (MOULDING,)),
        ("unmatched", (MOULDING,)),
    ]


def test_other_year_cited_twice_is_the_uncited_entry_a_slip_explains() -> None:
    # 2008 is a year off the cited 2007 and two swapped digits off an uncited 2080.
    mistyped = ref(2, ["Moulding", "Ducat", "Goh"], "2080")
    text = "(Moulding et al., 2007), (Moulding et al., 2008) and (Moulding et al., 2008)"
    _, first, second = links(text, [MOULDING, mistyped])
    assert [(lk.status, lk.reference) for lk in (first, second)] == [
        ("year-mismatch", mistyped),
        ("year-mismatch", mistyped),
    ]


def test_other_year_cited_once_prefers_the_uncited_entry_a_slip_explains() -> None:
    mistyped = ref(2, ["Moulding", "Ducat", "Goh"], "2080")
    text = "(Moulding et al., 2007) and (Moulding et al., 2008)"
    _, lk = links(text, [MOULDING, mistyped])
    assert (lk.status, lk.reference, lk.alternatives) == ("year-mismatch", mistyped, (MOULDING,))


def test_other_year_stays_with_the_nearest_entry_when_two_uncited_slips_fit() -> None:
    team = ["Moulding", "Ducat", "Goh"]
    uncited = [ref(2, team, "2080"), ref(3, team, "2018")]
    text = "(Moulding et al., 2007) and (Moulding et al., 2008)"
    _, lk = links(text, [MOULDING, *uncited])
    assert (lk.status, lk.reference) == ("year-mismatch", MOULDING)


def test_a_lettered_year_cited_twice_stays_with_the_entry_that_lost_its_letter() -> None:
    # 1996c has the cited year but another letter: a different work, not a slip.
    lettered = [ref(1, ["Smith"], "1996", suffix="a"), ref(3, ["Smith"], "1996", suffix="c")]
    plain = ref(2, ["Smith"], "1996")
    text = "(Smith, 1996a), (Smith, 1996), (Smith, 1996b) and (Smith, 1996b)"
    *_, first, second = links(text, [lettered[0], plain, lettered[1]])
    assert [(lk.status, lk.reference) for lk in (first, second)] == [("year-mismatch", plain)] * 2


def test_other_year_cited_once_beside_the_listed_one_is_a_year_mismatch() -> None:
    _, lk = links("(Moulding et al., 2007) and (Moulding et al., 2008)", [MOULDING])
    assert (lk.status, lk.reference) == ("year-mismatch", MOULDING)


def test_other_year_cited_twice_is_a_year_mismatch_when_the_listed_year_is_not_cited() -> None:
    # Then it is the list's year that may be wrong.
    lks = links("(Moulding et al., 2008) and (Moulding et al., 2008)", [MOULDING])
    assert [(lk.status, lk.reference) for lk in lks] == [("year-mismatch", MOULDING)] * 2


def test_a_year_cited_twice_beside_the_listed_one_explains_itself() -> None:
    # Nègre et al. 2006 is listed and cited; 2007, a year off, is cited twice.
    text = (
        "Polycomb proteins bind (Nègre et al., 2006), in embryos (Nègre et al., 2007) "
        "and in larvae (Nègre et al., 2007).\n\n"
        f"References\n\n{_NEGRE_2006_ENTRY}\n"
    )
    [first, _] = [d for d in _audit(text).diagnostics if d.code == "CIT101"]
    assert (first.help, first.data["repeated_year"]) == (
        "Closest entry: `Nègre et al. (2006)`: same author, `2007` vs `2006`; `2007` is cited "
        "in 2 places while the entry's own year is cited too, so this reads as another work "
        "missing from the list",
        2,
    )


def test_a_lettered_year_cited_twice_beside_the_listed_plain_year_is_a_missing_work() -> None:
    # "2007b" says the author has two works of 2007; the list has one, cited as "2007".
    text = "(Moulding et al., 2007), (Moulding et al., 2007b) and (Moulding et al., 2007b)"
    assert [lk.status for lk in links(text, [MOULDING])] == ["linked", "unmatched", "unmatched"]


def test_a_lettered_year_cited_twice_names_the_one_plain_entry_among_lettered_ones() -> None:
    # 1996a and 1996c are listed, so the plain 1996 is the 1996b whose letter the list
    # dropped, even though one citation gives the plain year too.
    a = ref(1, ["Douady", "Couder"], "1996", suffix="a")
    plain = ref(2, ["Douady", "Couder"], "1996")
    c = ref(3, ["Douady", "Couder"], "1996", suffix="c")
    text = (
        "(Douady and Couder, 1996), (Douady and Couder, 1996b) and "
        "(Douady and Couder, 1996b; Douady and Couder, 1996a; 1996c)"
    )
    assert [(lk.status, lk.reference) for lk in links(text, [a, plain, c])][1:3] == [
        ("year-mismatch", plain),
        ("year-mismatch", plain),
    ]


def test_a_year_given_twice_in_one_bracket_is_given_once() -> None:
    text = "(Moulding et al., 2007) and (Moulding et al., 2008; Moulding et al., 2008)"
    statuses = [lk.status for lk in links(text, [MOULDING])]
    assert statuses == ["linked", "year-mismatch", "year-mismatch"]


def test_health_publishers_cited_by_name_link_to_their_entries() -> None:
    text = (
        "Deficiency is common in winter (Mayo Clinic, 2022); adults need 600 IU a day "
        "(National Institutes of Health, 2023).\n\nReferences\n\n"
        "Mayo Clinic. (2022). Vitamin D. https://www.mayoclinic.org/\n\n"
        "National Institutes of Health. (2023). Vitamin D fact sheet for health "
        "professionals. https://ods.od.nih.gov/\n"
    )
    assert _codes(text) == []


def test_citations_written_as_links_link_to_their_entries() -> None:
    source = (
        "Scores were poorer ([Madigan, 2019](https://pubmed.ncbi.nlm.nih.gov/30688984/)) "
        "and play was shorter ([Schmidt & Anderson, 2008](https://doi.org/10.1111/j.1467-8624"
        ".2008.01180.x)).\n\n## References\n\n"
        "- Madigan, S. (2019). Screen time and test scores. *JAMA Pediatrics*, 173(3), 244–250.\n"
        "- Schmidt, M. E., & Anderson, D. R. (2008). Background television and toy play. "
        "*Child Development*, 79(4), 1137–1151.\n"
    )
    audit = audit_document(markdown_document("a.md", source))
    assert sorted(d.code for d in audit.diagnostics) == []


_BODIES = (
    "American Heart Association. (2021). How much sugar is too much? https://www.heart.org/\n\n"
    "Centers for Disease Control and Prevention. (2022). Adult obesity facts. "
    "https://www.cdc.gov/\n\n"
    "National Institute for Health and Care Excellence. (2020). COVID-19 rapid guideline. "
    "https://www.nice.org.uk/\n"
)


def test_bodies_named_before_a_year_in_prose_link_to_their_entries() -> None:
    text = (
        "According to the American Heart Association (2021), sugar should be limited. "
        "Guidance from the Centers for Disease Control and Prevention (2022) is similar, as is "
        "that of the National Institute for Health and Care Excellence [NICE] (2020). "
        f"NICE (2020) also advises rest.\n\nReferences\n\n{_BODIES}"
    )
    assert _codes(text) == []


def test_body_named_before_a_year_in_prose_without_an_entry_is_a_citation_without_one() -> None:
    text = f"A report by the Department of Health and Social Care (2019) set targets.\n\nReferences\n\n{_BODIES}"
    assert _codes(text) == ["CIT101", "CIT102", "CIT102", "CIT102"]


def test_body_declaring_its_abbreviation_links_to_the_entry_filed_under_it() -> None:
    text = (
        "The National Institute for Health and Care Excellence [NICE] (2019) advises rest, "
        "and NICE (2019) also sets targets.\n\nReferences\n\n"
        "NICE. (2019). Hypertension in adults: diagnosis and management. https://www.nice.org.uk/\n"
    )
    assert _codes(text) == []


def test_body_named_before_a_year_in_prose_that_names_no_entry_is_no_citation() -> None:
    # A study's name, not a cited author: no "citation without reference".
    text = (
        "Results from the Global Burden of Disease Study (2019) agree with the American Heart "
        f"Association (2021) and the CDC.\n\nReferences\n\n{_BODIES}"
    )
    assert _codes(text) == ["CIT102", "CIT102"]


def test_body_named_before_another_year_in_prose_is_a_year_mismatch() -> None:
    text = (
        "The American Heart Association (2012) limits sugar; so do the Centers for Disease "
        "Control and Prevention (2022) and the National Institute for Health and Care "
        f"Excellence (2020).\n\nReferences\n\n{_BODIES}"
    )
    assert _codes(text) == ["CIT103"]


_WALKER = "Walker, M. (2017). Why we sleep: Unlocking the power of sleep and dreams. Scribner.\n"


def test_work_cited_through_another_need_not_be_listed() -> None:
    # APA 7 §8.6: only the secondary source is listed.
    text = (
        "Hygiene alone helps less (Irish et al., 2015, as cited in Walker, 2017)."
        f"\n\nReferences\n\n{_WALKER}"
    )
    assert _codes(text) == []


def test_work_cited_through_another_and_listed_too_counts_as_cited() -> None:
    text = (
        "Hygiene alone helps less (Irish et al., 2015, as cited in Walker, 2017).\n\n"
        "References\n\nIrish, L. A., Kline, C. E., Gunn, H. E., Buysse, D. J., & Hall, M. H. "
        "(2015). The role of sleep hygiene in promoting public health. Sleep Medicine "
        f"Reviews, 22, 23–36.\n\n{_WALKER}"
    )
    assert _codes(text) == []


def test_initials_in_a_citation_pick_the_entry_of_that_author() -> None:
    j_smith = replace(ref(1, ["Smith"], "2019"), authors=(Author("Smith", "J."),))
    k_smith = replace(ref(2, ["Smith"], "2019"), authors=(Author("Smith", "Karen"),))
    first, second = links(
        "Smoke (J. Smith, 2019) and traffic (K. Smith, 2019).", [j_smith, k_smith]
    )
    assert (first.reference, second.reference) == (j_smith, k_smith)


def test_year_slip_of_two_entries_alike_is_a_year_mismatch_with_the_first() -> None:
    # Two "Yasukawa et al. 2005" entries: the list gives one work's author and year
    # twice, so "2006" is a slip of one of them.
    first = ref(1, ["Yasukawa", "Cox", "Jones"], "2005")
    second = ref(2, ["Yasukawa", "Brown", "Smith"], "2005")
    lk = only("(Yasukawa et al., 2006)", [first, second])
    assert (lk.status, lk.reference, lk.alternatives) == ("year-mismatch", first, (second,))


def test_year_slip_between_two_different_entries_stays_unmatched() -> None:
    # 2004 and 2006 are one year from 2005 each, and are two works: no slip is likelier.
    s2004, s2006 = ref(1, ["Smith"], "2004"), ref(2, ["Smith"], "2006")
    assert only("(Smith, 2005)", [s2004, s2006]).status == "unmatched"


def test_year_slip_between_two_entries_names_both_in_its_help() -> None:
    text = (
        "Signals are polarized (Nunes da Fonseca et al., 2009).  Earlier work (Nunes da "
        "Fonseca et al., 2008) and later work (Nunes da Fonseca et al., 2010) agree.\n\n"
        "References\n\n"
        "Nunes da Fonseca R, van der Zee M, Roth S. 2010. Dpp modulators in insects. "
        "Dev Biol 1:2-3.\n\n"
        "Nunes da Fonseca R, von Levetzow C, Roth S. 2008. Axis formation in a beetle. "
        "Nature 4:5-6.\n"
    )
    [missing] = [d for d in _audit(text).diagnostics if d.code == "CIT101"]
    assert (missing.help, [r.start.line for r in missing.related]) == (
        "Closest entries: `Nunes da Fonseca et al. (2010)` (entry 1) and `Nunes da Fonseca et"
        " al. (2008)` (entry 2), each a slip off `2009`: the cited work is missing from the"
        " list, or its year is mistyped and either may be meant",
        [5, 7],
    )


def test_year_mismatch_with_one_of_two_entries_alike_says_either_may_be_meant() -> None:
    text = (
        "Sleep loss impairs recall (Yasukawa et al., 2006).\n\nReferences\n\n"
        "Yasukawa, T., Cox, A., & Jones, B. (2005). Sleep and memory. Journal of Sleep "
        "Research, 14(1), 1-10.\n\n"
        "Yasukawa, T., Brown, C., & Smith, D. (2005). Naps and recall. Sleep, 28(2), 20-30.\n"
    )
    [year] = [d for d in _audit(text).diagnostics if d.code == "CIT103"]
    assert year.help == (
        "Same author, `2006` vs `2005` (online-first versus print year?): correct the year, "
        "or list the cited work; entries 1 and 2 both read `Yasukawa et al. (2005)`, so either "
        "of them may be the cited work"
    )


def test_lettered_citations_of_two_entries_alike_name_them_in_list_order() -> None:
    first = ref(1, ["Smith", "Brown", "Lee"], "2005")
    second = ref(2, ["Smith", "Brown", "Lee"], "2005")
    a, b = links("(Smith et al., 2005a) and (Smith et al., 2005b)", [first, second])
    assert [(lk.status, lk.reference) for lk in (a, b)] == [
        ("year-mismatch", first),
        ("year-mismatch", second),
    ]


def test_lettered_citation_of_two_entries_alike_says_the_list_lacks_letters() -> None:
    text = (
        "Naps help (Smith et al., 2005a). Night sleep helps more (Smith et al., 2005b).\n\n"
        "References\n\n"
        "Smith, J., Brown, K., & Lee, M. (2005). Naps and recall. Sleep, 28(2), 20-30.\n\n"
        "Smith, J., Brown, K., & Lee, M. (2005). Night sleep and recall. Sleep, 28(3), 40-50.\n"
    )
    helps = [d.help for d in _audit(text).diagnostics if d.code == "CIT103"]
    assert helps == [
        "Entries 1 and 2 both read `Smith et al. (2005)` without the letters the text gives "
        f"them: add the letters to the list, in its order (`{year}` reads as entry {n})"
        for year, n in (("2005a", 1), ("2005b", 2))
    ]
    assert [d.code for d in _audit(text).diagnostics if d.code == "CIT102"] == []


def test_lettered_citations_of_entries_alike_skip_a_letter_the_list_gives() -> None:
    # "Olsen 2008a" is listed; the two unlettered Olsen 2008 entries are 2008b and 2008c.
    lettered = ref(1, ["Olsen"], "2008", suffix="a")
    second, third = ref(2, ["Olsen"], "2008"), ref(3, ["Olsen"], "2008")
    b, c = links("(Olsen, 2008b) and (Olsen, 2008c)", [lettered, second, third])
    assert [(lk.status, lk.reference) for lk in (b, c)] == [
        ("year-mismatch", second),
        ("year-mismatch", third),
    ]


def test_short_surname_two_slips_off_stays_unmatched_with_the_second_author_agreeing() -> None:
    # Sun and Pan, Lee and Lim: short names two slips apart are as often two people
    # sharing a co-author and a year.
    pan = ref(1, ["Pan", "Wang"], "2018")
    assert only("(Sun and Wang, 2018)", [pan]).status == "unmatched"


def test_pair_cited_beside_a_team_work_means_the_garbled_uncited_pair() -> None:
    # Kessler D, Baldwin IT (2006), Plant J 49:840-854, listed as "Kssner" (similarity
    # 77, under the near-miss threshold); the team work is cited as listed elsewhere.
    team = ref(1, ["Kessler", "Gase", "Baldwin"], "2006")
    pair = ref(2, ["Kssner", "Baldwin"], "2006")
    _, lk = links("(Kessler et al., 2006) and (Kessler and Baldwin, 2006)", [team, pair])
    assert (lk.status, lk.reference, lk.passed_over) == ("author-mismatch", pair, team)


def test_pair_named_for_a_garbled_team_entry_stays_unmatched() -> None:
    # "Zhao and Li" beside an uncited "Zhou, Li & Chen": the names differ in a letter and
    # in the author count, two disagreements, as often two works as one.
    zhou = ref(1, ["Zhou", "Li", "Chen"], "2019")
    assert only("(Zhao and Li, 2019)", [zhou]).status == "unmatched"


def test_unmatched_citation_between_two_garbled_entries_alike_stays_unmatched() -> None:
    # Sum & Wang and Sin & Wang fit "Sun and Wang" equally: the list lacks the work,
    # and year letters would not tell two author lists apart.
    sum_, sin = ref(1, ["Sum", "Wang"], "2018"), ref(2, ["Sin", "Wang"], "2018")
    assert only("(Sun and Wang, 2018)", [sum_, sin]).status == "unmatched"


def test_year_slip_stays_beside_two_garbled_entries_alike() -> None:
    sun = ref(1, ["Sun", "Wang"], "2018")
    sum_, sin = ref(2, ["Sum", "Wang"], "2019"), ref(3, ["Sin", "Wang"], "2019")
    _, lk = links("(Sun and Wang, 2018) and (Sun and Wang, 2019)", [sun, sum_, sin])
    assert (lk.status, lk.reference) == ("year-mismatch", sun)


def test_et_al_beside_its_cited_pair_is_not_moved_to_a_garbled_team_entry() -> None:
    # `et al.` for a pair cited as listed elsewhere is eLife's house style: the count
    # it corroborates fits the uncited team entry no better than the pair.
    pair = ref(1, ["Meyer", "Bauer"], "2012")
    team = ref(2, ["Mayr", "Keller", "Vogt"], "2012")
    _, lk = links("(Meyer and Bauer, 2012) and (Meyer et al., 2012)", [pair, team])
    assert (lk.status, lk.reference) == ("linked", pair)


def test_group_author_that_lists_its_fields_links_whole() -> None:
    text = (
        "Loneliness harms health (National Academies of Sciences, Engineering, and Medicine, "
        "2020).\n\nReferences\n\n"
        "National Academies of Sciences, Engineering, and Medicine. (2020). Social isolation "
        "and loneliness in older adults. The National Academies Press.\n"
    )
    assert _codes(text) == []


def test_body_read_as_a_person_links_by_its_whole_name() -> None:
    # "Age UK. (2019)." reads as Age with initials UK, "Versus Arthritis. (2021)." as a
    # given name and a surname; the text cites each by its whole name.
    text = (
        "Many older people feel lonely (Age UK, 2019), and many live with pain "
        "(Versus Arthritis, 2021).\n\nReferences\n\n"
        "Age UK. (2019). All the lonely people: Loneliness in later life. Age UK.\n\n"
        "Versus Arthritis. (2021). The state of musculoskeletal health 2021. Versus Arthritis.\n"
    )
    assert _codes(text) == []


_NO_AUTHOR_LIST = (
    "\n\nReferences\n\n"
    "Mental health of children and young people in England. (2021). NHS Digital. "
    "https://digital.nhs.uk/mhcyp-2021\n\n"
    "Smith, J. (2019). Sleep in adolescents. Journal of Sleep Research, 28(2), 1-9.\n"
)


def test_quoted_title_links_to_the_entry_without_author_it_opens() -> None:
    text = (
        'One in six children had a probable disorder ("Mental Health of Children," 2021), '
        "and sleep suffered (Smith, 2019)." + _NO_AUTHOR_LIST
    )
    audit = _audit(text)
    assert [lk.status for lk in audit.links] == ["linked", "linked"]


def test_quoted_words_that_open_no_entry_are_no_citation() -> None:
    # A quotation's opening words before a year: tentative, and dropped.
    text = (
        'Parents said ("We Were Never Told," 2021) and sleep suffered (Smith, 2019).'
        + _NO_AUTHOR_LIST
    )
    assert [lk.citation.authors for lk in _audit(text).links] == [("Smith",)]


def test_quoted_title_of_an_uncited_entry_with_a_year_off_is_a_year_mismatch() -> None:
    text = (
        'One in six children had a probable disorder ("Mental Health of Children," 2020), '
        "and sleep suffered (Smith, 2019)." + _NO_AUTHOR_LIST
    )
    assert [d.message for d in _audit(text).diagnostics if d.code.startswith("CIT10")] == [
        "Year mismatch: cited as `2020`, reference list has "
        '`"Mental health of children and young …" (2021)`'
    ]


def test_quoted_title_with_a_year_far_from_its_entrys_is_no_citation() -> None:
    text = (
        'One in six children had a probable disorder ("Mental Health of Children," 2004), '
        "and sleep suffered (Smith, 2019)." + _NO_AUTHOR_LIST
    )
    assert [d.code for d in _audit(text).diagnostics if d.code.startswith("CIT10")] == ["CIT102"]


def test_quoted_title_takes_the_entry_of_its_year_letter() -> None:
    text = (
        'One editorial disagreed ("Lockdown Lessons," 2020a), and another ("Lockdown '
        'Lessons," 2020b).\n\nReferences\n\n'
        "Lockdown lessons for the next pandemic. (2020a, May 1). The Lancet, 395(10234), "
        "1385.\n\n"
        "Lockdown lessons from Sweden. (2020b, June 1). The Economist. "
        "https://www.economist.com/sweden\n"
    )
    assert [(lk.status, lk.reference and lk.reference.index) for lk in _audit(text).links] == [
        ("linked", 1),
        ("linked", 2),
    ]


def test_quoted_title_opens_an_entry_by_whole_words() -> None:
    text = (
        'Wards were full ("Hospitals," 2021).\n\nReferences\n\n'
        "Hospital staff shortages worsen. (2021, August 2). BBC News. "
        "https://www.bbc.co.uk/news/health-2\n"
    )
    assert _audit(text).links == ()


def test_one_word_citation_is_no_whole_name_of_a_person() -> None:
    # "Leej" is a one-word name: a slip of Lee J's surname, not his whole name.
    text = (
        "Rates rose (Leej, 2015).\n\nReferences\n\n"
        "Lee J (2015) Rates of disease. Lancet 385: 100-109.\n"
    )
    assert [lk.status for lk in _audit(text).links] != ["linked"]


def test_web_page_without_author_listed_by_its_title_is_complete_and_named_by_it() -> None:
    text = (
        'Wards were full ("Hospitals Run Out of Oxygen," 2021).\n\nReferences\n\n'
        "Hospitals run out of oxygen as Delta surges. (2021, July 10). The New York Times. "
        "https://www.nytimes.com/2021/07/10/health/oxygen.html\n\n"
        "Hospital staff shortages worsen in winter. (2021, August 2). BBC News. "
        "https://www.bbc.co.uk/news/health-2\n"
    )
    assert [(d.code, d.message) for d in _audit(text).diagnostics] == [
        (
            "CIT102",
            'Reference `"Hospital staff shortages worsen in winter" (2021)` is never cited in '
            "the text",
        )
    ]


def test_body_that_lists_its_fields_cited_in_prose_links() -> None:
    text = (
        "In 2019 the Ministry of Health, Labour and Welfare (2019) reported longer lives.\n\n"
        "References\n\n"
        "Ministry of Health, Labour and Welfare. (2019). Annual health, labour and welfare "
        "report 2018/2019. MHLW.\n"
    )
    assert _codes(text) == []


def test_country_after_a_body_is_no_abbreviation_it_declares() -> None:
    # PubMed writes "National Clinical Guideline Centre (UK)": "UK (2019)" is no citation of it.
    text = (
        "Charities agree, as UK (2019) notes.\n\nReferences\n\n"
        "National Clinical Guideline Centre (UK). (2019). Hypertension in adults. "
        "Royal College of Physicians.\n"
    )
    assert "CIT101" in _codes(text)


def test_whole_quoted_title_names_its_entry_before_a_longer_title() -> None:
    text = (
        'Wards filled ("Covid-19: Hospitals Under Pressure," 2021).\n\nReferences\n\n'
        "Covid-19: Hospitals under pressure. (2021). BBC News. https://www.bbc.co.uk/news/1\n\n"
        "Covid-19: Hospitals under pressure again in winter. (2021). BBC News. "
        "https://www.bbc.co.uk/news/2\n"
    )
    [lk] = _audit(text).links
    assert (lk.status, lk.reference and lk.reference.index) == ("linked", 1)


def test_bracketed_body_is_no_end_of_a_longer_listed_name() -> None:
    # Nor is "China" a country prefix dropped like "U.S.": another agency.
    text = (
        "Approval came first (Food and Drug Administration, 2017).\n\nReferences\n\n"
        "China Food and Drug Administration. (2017). Drug approval report. CFDA.\n"
    )
    assert "CIT101" in _codes(text)


def test_body_in_prose_ends_a_listed_name_only_in_whole_words() -> None:
    text = (
        "As the Ministry of Health, Care and Welfare (2020) noted, beds were short.\n\n"
        "References\n\n"
        "Ministry of Healthcare and Welfare. (2020). Annual report. MHW.\n"
    )
    assert "CIT101" in _codes(text)


def test_online_first_article_without_authors_is_still_incomplete() -> None:
    text = (
        "Exercise helps (Smith, 2019).\n\nReferences\n\n"
        "Smith, J. (2019). Sleep. Sleep Journal, 1(2), 3-4.\n\n"
        "Effects of exercise on depression. (2021). Journal of Affective Disorders. Advance "
        "online publication. https://doi.org/10.1016/j.jad.2021.01.001\n"
    )
    assert "CIT110" in _codes(text)


_PHYSICS_LIST = (
    "Spins flip [1, 2] and precess [3].\n\nReferences\n\n"
    "[1] A. Manchon, J. Zelezny, and P. Gambardella, Rev. Mod. Phys. 91, 035004 (2019).\n"
    "[2] L. Liu, C.-F. Pai, and R. A. Buhrman, Science 336, 555 (2012).\n"
)


def test_a_physics_list_gives_its_articles_no_titles_by_convention() -> None:
    text = _PHYSICS_LIST + "[3] I. M. Miron and K. Garello, Nature 476, 189 (2011).\n"
    assert "CIT110" not in _codes(text)


def test_an_untitled_article_in_a_list_that_titles_its_articles_lacks_its_title() -> None:
    text = (
        "Exercise helps (Smith, 2019; Jones, 2020; Brown, 2021).\n\nReferences\n\n"
        "Smith, J. (2019). Sleep and mood. Sleep Journal, 1(2), 3-4.\n\n"
        "Jones, K. (2020). Walking and mood. Mood Journal, 2(1), 5-9.\n\n"
        "Brown, L. (2021). Journal of Affective Disorders, 280, 1-7.\n"
    )
    assert "CIT110" in _codes(text)


@pytest.mark.parametrize(
    "entry",
    [
        "Dobbs v Jackson Women's Health Organization, 597 US 215 (2022).",
        "ACLU v. Clearview AI, Inc., No. 20 CH 4353 (Ill. Cir. Ct. Cook Cnty. 2022).",
        "Regulation (EU) 2016/679 of the European Parliament and of the Council on the "
        "protection of natural persons with regard to the processing of personal data. "
        "Official Journal of the European Union. 2016;L119:1-88.",
        "Health Insurance Portability and Accountability Act of 1996, Pub L No. 104-191, "
        "110 Stat 1936 (1996).",
        "Information technology - Artificial intelligence - Management system, ISO/IEC "
        "Standard 42001:2023, 2023.",
    ],
)
def test_a_case_a_numbered_law_or_a_standard_lacks_no_author(entry: str) -> None:
    text = "Rules apply [1].\n\nReferences\n\n1. " + entry + "\n"
    missing = [d.data["missing"] for d in _audit(text).diagnostics if d.code == "CIT110"]
    assert not any("authors" in m for m in missing)


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("Department of Health and Human Services", "U.S. Department of Health and Human Services"),
        ("Food and Drug Administration", "U.S. Food and Drug Administration"),
        ("National Institutes of Health", "US National Institutes of Health"),
    ],
)
def test_body_cited_without_its_country_links(cited: str, listed: str) -> None:
    text = (
        f"Guidance is clear ({cited}, 2018).\n\nReferences\n\n"
        f"{listed}. (2018). Physical activity guidelines for Americans. HHS.\n"
    )
    assert _codes(text) == []


def test_body_cited_without_its_country_beats_another_bodys_year() -> None:
    # The finder splits "Department of Health and Human Services" at "and": its first
    # name is the UK body's, a year off; the whole name is the US body's, dropping "U.S.".
    text = (
        "Guidance is clear (Department of Health and Human Services, 2018), as in the UK "
        "(Department of Health, 2019).\n\nReferences\n\n"
        "Department of Health. (2019). UK physical activity guidelines. DH.\n\n"
        "U.S. Department of Health and Human Services. (2018). Physical activity guidelines "
        "for Americans. HHS.\n"
    )
    assert _codes(text) == []


def test_body_listed_as_cited_is_not_ambiguous_with_another_countrys() -> None:
    # "Department of Health" names the Australian entry as listed; the UK's, with its
    # country dropped, is no tie.
    text = (
        "Both reported (Department of Health, 2016; UK Department of Health, 2016).\n\n"
        "References\n\n"
        "Department of Health. (2016). Australia's physical activity guidelines. DoH.\n\n"
        "UK Department of Health. (2016). UK physical activity guidelines. DH.\n"
    )
    assert _codes(text) == []


def test_country_inside_a_body_name_is_not_dropped() -> None:
    focus = ref(1, ["FOCUS Trial Investigators"], "2019", group=True)
    assert only("(FOCTrial Investigators, 2019)", [focus]).status != "linked"


def test_misspelt_body_read_as_a_person_is_an_author_mismatch_by_its_whole_name() -> None:
    # "Royal Sociepty" names no body the parser knows, so it reads as a person: given
    # name Royal, surname Sociepty.  The citation's two words are its whole name.
    text = (
        "Solar geoengineering is contested (Royal Society, 2009).\n\nReferences\n\n"
        "Royal Sociepty. 2009. Geoengineering the climate: science, governance and "
        "uncertainty. London: The Royal Society.\n"
    )
    assert [(d.code, d.message) for d in _audit(text).diagnostics] == [
        (
            "CIT104",
            "Author mismatch: cited as `Royal Society`, reference list has `Royal Sociepty (2009)`",
        )
    ]


_THREE = "Markets moved (Dube, Lester, and Reich 2010)."


def test_three_authors_named_in_a_chicago_list_comply() -> None:
    text = (
        _THREE + "\n\nReferences\n\n"
        'Dube, Arindrajit, T. William Lester, and Michael Reich. 2010. "Minimum Wage '
        'Effects across State Borders." Review of Economics and Statistics 92 (4): 945-64.\n'
    )
    assert _codes(text) == []


def test_three_authors_named_in_an_apa_list_are_shortened() -> None:
    text = (
        _THREE + "\n\nReferences\n\n"
        "Dube, A., Lester, T. W., & Reich, M. (2010). Minimum wage effects across state "
        "borders. Review of Economics and Statistics, 92(4), 945-964.\n"
    )
    assert _codes(text) == ["CIT107"]


_MICHIE = (
    "\n\nReferences\n\n"
    "Michie, S., Ashford, S., Sniehotta, F. F., Dombrowski, S. U., Bishop, A., & French, "
    "D. P. (2011). A refined taxonomy of behaviour change techniques to help people change "
    "their physical activity and healthy eating behaviours: The CALO-RE taxonomy. "
    "Psychology & Health, 26(11), 1479-1498.\n\n"
    "Michie, S., van Stralen, M. M., & West, R. (2011). The behaviour change wheel: A new "
    "method for characterising and designing behaviour change interventions. "
    "Implementation Science, 6, 42.\n"
)


def test_three_authors_named_to_tell_two_et_al_forms_apart_comply() -> None:
    # Both entries shorten to "Michie et al. (2011)": APA 7 (8.18) names as many
    # authors as tell them apart.
    text = (
        "Interventions were coded (Michie, Ashford, et al., 2011) and designed with the "
        "wheel (Michie, van Stralen, & West, 2011)." + _MICHIE
    )
    assert _codes(text) == []


def test_a_shared_et_al_form_still_needs_et_al_when_names_are_left_out() -> None:
    text = "The wheel guided design (Michie & van Stralen, 2011)." + _MICHIE
    assert "CIT107" in _codes(text)


def test_three_of_four_authors_named_in_a_chicago_list_are_reported() -> None:
    text = (
        "Markets moved (Cengiz, Dube, and Lindner 2019).\n\nReferences\n\n"
        'Cengiz, Doruk, Arindrajit Dube, Attila Lindner, and Ben Zipperer. 2019. "The '
        'Effect of Minimum Wages on Low-Wage Jobs." Quarterly Journal of Economics 134 (3): '
        "1405-54.\n"
    )
    assert _codes(text) == ["CIT107"]


def test_three_authors_named_in_a_chicago_list_whose_author_gives_an_initial_first() -> None:
    text = (
        "Schooling rose (Behrman, Parker, and Todd 2011; Schultz 2004).\n\nReferences\n\n"
        'Behrman, Jere R., Susan W. Parker, and Petra E. Todd. 2011. "Do Conditional Cash '
        'Transfers for Schooling Generate Lasting Benefits?" Journal of Human Resources 46 '
        "(1): 93-122.\n\n"
        'Schultz, T. Paul. 2004. "School Subsidies for the Poor: Evaluating the Mexican '
        'Progresa Poverty Program." Journal of Development Economics 74 (1): 199-250.\n'
    )
    assert _codes(text) == []


def test_three_authors_named_beside_a_vancouver_list_comply() -> None:
    # A list made for numbered citations: no author-date guide's count applies.
    text = (
        "Fractures were not prevented (Bolland, Grey and Avenell, 2018).\n\nReferences\n\n"
        "Bolland MJ, Grey A, Avenell A. Effects of vitamin D supplementation on "
        "musculoskeletal health: a systematic review, meta-analysis, and trial sequential "
        "analysis. Lancet Diabetes Endocrinol. 2018;6(11):847-58.\n"
    )
    assert _codes(text) == []


@pytest.mark.parametrize(
    "entry",
    [
        "PENG Shaobing, TANG Qiyuan and ZOU Yingbin (2009) 'Current status and challenges of "
        "rice production in China', Plant Production Science, 12(1), pp. 3-8.",
        "Peng, S, Tang, Q & Zou, Y 2009, 'Current status and challenges of rice production "
        "in China', Plant Production Science, vol. 12, no. 1, pp. 3-8.",
    ],
)
def test_three_authors_named_in_other_harvard_lists_comply(entry: str) -> None:
    text = "Yields stalled (Peng, Tang and Zou, 2009).\n\nReferences\n\n" + entry + "\n"
    assert _codes(text) == []


def test_three_authors_named_beside_an_abnt_list_comply() -> None:
    # ABNT (NBR 10520) names up to three authors in the text.
    text = (
        "A taxa caiu (PIZO; TONETTI; ALVES, 2020) e subiu (SILVA; SOUZA, 2019).\n\n"
        "REFERÊNCIAS\n\n"
        "PIZO, M. A.; TONETTI, V. R.; ALVES, J. C. Aves frugívoras em paisagens urbanas. "
        "Revista Brasileira de Ornitologia, v. 28, n. 2, p. 101-112, 2020.\n"
        "SILVA, A. B.; SOUZA, C. D. Saúde pública no Brasil. Revista de Saúde, v. 12, n. 3, "
        "p. 45-60, 2019.\n"
    )
    assert _codes(text) == []


def test_three_authors_named_in_an_elife_list_are_shortened() -> None:
    # eLife's initials without full stops, like Springer's, mark a style that shortens.
    text = (
        "Markets moved (Dube, Lester and Reich, 2010).\n\nReferences\n\n"
        "Dube A, Lester TW, Reich M. 2010. Minimum wage effects across state borders. "
        "Review of Economics and Statistics 92:945-964.\n"
    )
    assert _codes(text) == ["CIT107"]


_ORZACK = (
    "Orzack, Steven Hecht, and Elliott Sober. 1993. A Critical Assessment of Levins's "
    "The Strategy of Model Building. Quarterly Review of Biology 68 (4): 533-46."
)
_PARKER = "Parker, Wendy S. 2011. When Climate Models Agree. Philosophy of Science 78: 579-600."


@pytest.mark.parametrize(
    "sentence",
    [
        "They are not, and Steven Orzack and Elliott Sober (1993) said why.",
        "They are not, as Wendy Parker (2011) argued.",
    ],
)
def test_given_names_written_out_in_running_text_name_the_entry(sentence: str) -> None:
    assert (
        _codes(
            f"{sentence} See also Orzack and Sober (1993) and Parker (2011).\n\n"
            f"References\n\n{_ORZACK}\n\n{_PARKER}\n"
        )
        == []
    )


def test_a_given_name_the_list_does_not_give_is_no_given_name() -> None:
    text = f"As Susan Parker (2011) argued, and Parker (2011) too.\n\nReferences\n\n{_PARKER}\n"
    assert _codes(text) == ["CIT101"]


def test_a_body_s_product_named_with_the_body_names_the_body_s_entry() -> None:
    text = (
        "Flow was taken from the Hydrology Data Explorer of the Environment Agency (2024).\n\n"
        "References\n\nEnvironment Agency. 2024. Hydrology Data Explorer: daily mean river "
        "flow. Bristol: Environment Agency.\n"
    )
    assert _codes(text) == []


def test_a_given_name_of_another_person_of_the_surname_names_no_entry() -> None:
    text = (
        "Defences were named by Anna Freud (1936).\n\nReferences\n\n"
        "Freud, Sigmund. 1936. The Problem of Anxiety. New York: Norton.\n\n"
        "Freud, Anna. 1937. The Ego and the Mechanisms of Defence. London: Hogarth.\n"
    )
    assert "CIT101" in _codes(text)


def test_a_given_name_the_entry_gives_vouches_for_a_near_miss_of_the_surname() -> None:
    text = f"As Wendy Praker (2011) argued.\n\nReferences\n\n{_PARKER}\n"
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["reference_id"]) == ("CIT104", "ref-1")


def test_a_near_miss_of_the_surname_with_another_given_name_names_no_entry() -> None:
    text = "Defences were named by Anna Frued (1936).\n\nReferences\n\n" + (
        "Freud, Sigmund. 1936. The Problem of Anxiety. New York: Norton.\n"
    )
    assert _codes(text) == ["CIT101", "CIT102"]


def test_a_body_s_product_named_with_a_near_miss_of_the_body_names_its_entry() -> None:
    text = (
        "Flow was taken from the Hydrology Data Explorer of the Environment Agency (2024).\n\n"
        "References\n\nEnvironment Ageny. 2024. Hydrology Data Explorer: daily mean river "
        "flow. Bristol: Environment Agency.\n"
    )
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["reference_id"]) == ("CIT104", "ref-1")


CHICAGO_REPEATS = """Delays shrank after the move to electronic reporting (Osei 2019, 2021), as
Ward (2020a, 2020b) found for hospitals.

References

Osei, Abena. 2019. "Reporting Delays in Notifiable Disease Surveillance." Surveillance
Methods 10 (2): 33-48.

———. 2021. "Revisiting Delay Distributions After the Move to Electronic Reporting."
Surveillance Methods 12 (3): 45-60.

Ward, Bryn. 2020a. "Weekend Effects in Laboratory Notification." Applied Epidemiology
7: 1-14.

---. 2020b. "Day-of-Week Effects in Hospital Reporting." Applied Epidemiology 7: 90-104.
"""


def test_a_chicago_rule_for_the_same_authors_takes_the_entry_befores_authors() -> None:
    extraction = audit_document(Document.plain("chicago.txt", CHICAGO_REPEATS)).extraction
    assert extraction is not None
    assert [(r.first_family, r.year, r.year_suffix) for r in extraction.references] == [
        ("Osei", "2019", None),
        ("Osei", "2021", None),
        ("Ward", "2020", "a"),
        ("Ward", "2020", "b"),
    ]


def test_citations_of_entries_under_a_same_authors_rule_link_without_findings() -> None:
    audit = audit_document(Document.plain("chicago.txt", CHICAGO_REPEATS))
    assert [d.code for d in audit.diagnostics] == []


NEWS_STORY = """Children who sleep in noisy homes score lower on attention tests, according to
a 2023 study https://doi.org/10.5555/JPE.2023.E2231 of 3,108 children. A 2019 review
(https://doi.org/10.5555/sac.2019.0402) had found the same, and the city's own survey
https://noise.example.org/survey-2021/ agrees.

Sources

Amadi, K., & Brenner, L. (2023). Night-time road noise and attention in children.
Journal of Paediatric Epidemiology, 12, e2231. https://doi.org/10.5555/jpe.2023.e2231

Sato, R. (2019). Noise and the sleeping brain: a review. Sleep and Cognition, 4, 402-417.
https://doi.org/10.5555/sac.2019.0402

Easthaven City Council. (2021). Household noise survey 2021. https://noise.example.org/survey-2021

Ortiz, M. (2018). Cortisol after noisy nights. Stress Research, 9, 615-630.
https://doi.org/10.5555/csr.2018.0615
"""


def test_an_entry_whose_doi_or_url_the_text_links_to_is_cited() -> None:
    audit = audit_document(Document.plain("news.txt", NEWS_STORY))
    assert [d.message for d in audit.diagnostics if d.code == "CIT102"] == [
        "Reference `Ortiz (2018)` is never cited in the text"
    ]


def test_a_same_authors_rule_takes_the_entry_befores_et_al_too() -> None:
    text = """Reading changed with the e-reader (Lee et al. 2019, 2021).

Works Cited

Lee, Ann, et al. "Screen Reading and Attention." Journal of Reading Research, vol. 12, 2019, pp. 33-48.

---. "E-Readers and the Long Novel." Journal of Reading Research, vol. 14, 2021, pp. 45-60.
"""
    assert [d.code for d in audit_document(Document.plain("mla.txt", text)).diagnostics] == []


def test_a_rule_for_the_first_author_only_takes_no_authors() -> None:
    text = f"""{CHICAGO_REPEATS}
———, and Bo Chan. 2022. "Reporting in Pairs." Surveillance Methods 13 (1): 1-9.
"""
    extraction = audit_document(Document.plain("chicago.txt", text)).extraction
    assert extraction is not None
    assert extraction.references[-1].authors == ()


_COLLETT_2015 = (
    "Collett, David. 2015. Modelling Survival Data in Medical Research. 3rd ed. "
    "Boca Raton, FL: CRC Press."
)


def test_a_misspelt_citation_with_a_bare_page_is_an_author_mismatch() -> None:
    # "(Colltt 2015, 389)" might be a place and a count; with Collett 2015 listed it
    # is Collett's book misspelt.
    text = f"Hazards differ (see Colltt 2015, 389, for more).\n\nReferences\n\n{_COLLETT_2015}\n"
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["citation_id"], d.data["reference_id"]) == ("CIT104", "cit-1", "ref-1")


def test_a_place_and_a_count_near_no_listed_name_is_no_citation() -> None:
    text = f"Cases rose (England, 2019, 231).\n\nReferences\n\n{_COLLETT_2015}\n"
    assert _codes(text) == ["CIT102"]


def test_a_cited_page_range_of_an_unlisted_work_is_a_missing_reference() -> None:
    text = f"Hazards differ (Collett 2015, 389–402; Snow 1855, 38–55).\n\nReferences\n\n{_COLLETT_2015}\n"
    assert [(d.code, d.data["citation_id"]) for d in _audit(text).diagnostics] == [
        ("CIT101", "cit-2")
    ]


def test_a_misspelt_reprint_is_an_author_mismatch_under_its_first_year() -> None:
    entry = "Popper, Karl. (1959) 2002. The Logic of Scientific Discovery. London: Routledge."
    text = f"Theories survive refutation (Poppeer [1959] 2002, 57).\n\nReferences\n\n{entry}\n"
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["reference_id"]) == ("CIT104", "ref-1")


def test_an_unlettered_citation_of_a_lone_lettered_body_entry_lacks_the_letter() -> None:
    # The body's whole name finds the entry; the list's letter still differs.
    entry = "Thermo Fisher Scientific (2019b) Qubit 4 Fluorometer User Guide. Waltham, MA."
    text = f"DNA was measured (Thermo Fisher Scientific, 2019).\n\nReferences\n\n{entry}\n"
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["cited_year"], d.data["listed_year"]) == ("CIT103", "2019", "2019b")


def test_a_body_the_list_reads_as_a_person_is_misdated_not_missing() -> None:
    # "NHS Improvement (2017)" reads as NHS, Improvement: the cited body's year differs.
    entry = "NHS Improvement (2017) Pressure ulcers: revised definition. London: NHS Improvement."
    text = f"Ulcers are graded (NHS Improvement, 2018).\n\nReferences\n\n{entry}\n"
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["cited_year"], d.data["listed_year"]) == ("CIT103", "2018", "2017")


def test_a_misdated_reprint_is_a_year_mismatch_under_its_first_year() -> None:
    entry = "Kuhn, Thomas S. (1961) 2012. The Structure of Scientific Revolutions. Chicago."
    text = f"Normal science (Kuhn [1962] 2012, 35–42).\n\nReferences\n\n{entry}\n"
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["reference_id"]) == ("CIT103", "ref-1")


_AKER_2010 = (
    'Aker, Jenny C. 2010. "Information from Markets Near and Far." American Economic '
    "Journal: Applied Economics 2 (3): 46–59."
)


def test_a_pair_cited_beside_the_first_authors_own_listed_work_is_missing() -> None:
    # "(Aker 2010)" names the lone entry as listed; Mbiti appears nowhere in it.
    text = f"Phones help (Aker 2010). Aker and Mbiti (2010) agree.\n\nReferences\n\n{_AKER_2010}\n"
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["citation_id"]) == ("CIT101", "cit-2")


def test_a_pair_cited_beside_an_entry_that_names_the_second_author_is_linked() -> None:
    # The parser may cut an author list short; the entry's text still names Mbiti.
    entry = _AKER_2010.replace("Aker, Jenny C.", "Aker, Jenny C., with Isaac M. Mbiti")
    text = f"Phones help (Aker 2010). Aker and Mbiti (2010) agree.\n\nReferences\n\n{entry}\n"
    assert [lk.status for lk in _audit(text).links] == ["linked", "linked"]


def test_a_place_and_a_count_beside_a_cited_near_name_is_no_citation() -> None:
    text = (
        "Franco (2015) shows it. In France (2015, 412) thousand young people were idle "
        "(France 2015, 412).\n\nReferences\n\nFranco, Ana. 2015. Youth. Madrid: Alianza.\n"
    )
    assert _codes(text) == []


def test_a_place_near_a_listed_name_in_a_numbered_article_is_no_citation() -> None:
    text = (
        "In Israel (2021) uptake exceeded 80% [1].\n\nReferences\n\n"
        "1. Israeli A, Cohen B. Uptake of vaccines in adults. Lancet. 2021;397:1-5.\n"
    )
    assert _codes(text) == []


_HAMLIN_ENTRIES = (
    "Hamlin, Christopher. 1998. Public Health and Social Justice in the Age of Chadwick. "
    "Cambridge: Cambridge University Press.\n\n"
    "Hamlin, Christopher. 2009. Cholera: The Biography. Oxford: Oxford University Press.\n"
)


def test_a_misspelt_narrative_citation_with_a_bare_page_range_names_its_uncited_entry() -> None:
    text = (
        "Hamltn (2009, 203–10) describes the reform. Hamlin (1998, 3) is the start."
        f"\n\nReferences\n\n{_HAMLIN_ENTRIES}"
    )
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["citation_id"], d.data["reference_id"]) == ("CIT104", "cit-1", "ref-2")


def test_a_place_and_a_count_after_in_beside_an_uncited_near_name_is_no_citation() -> None:
    text = (
        "Youth unemployment in France (2015, 412) stayed high (Hamlin 1998, 3).\n\n"
        f"References\n\n{_HAMLIN_ENTRIES}\nFranco, Ana. 2015. Youth. Madrid: Alianza.\n"
    )
    assert _codes(text) == ["CIT102", "CIT102"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cases rose. In Kenya (2019, 412–19) cases rose sharply.",
        "Figures for Kenya (2019, 412) and for the region (Hamlin 1998, 12–19) agree.",
        "Kenya (2019, 412) and the region (Hamlin 1998, 12–19) tell the same story.",
    ],
)
def test_a_place_and_a_count_beside_an_uncited_near_name_is_no_citation(sentence: str) -> None:
    text = (
        f"{sentence} See Hamlin (1998, 3).\n\nReferences\n\n{_HAMLIN_ENTRIES}\n"
        "Kenyon, Anne. 2019. Counting Cases. Nairobi: Acme.\n"
    )
    assert _codes(text) == ["CIT102", "CIT102"]


def test_a_place_that_ends_a_cited_body_s_name_names_no_entry_of_that_body() -> None:
    # "England" is a key of Public Health England only so that a body the finder reads
    # in part ("... Review Group (2016)") still links; a place and a count it is not.
    text = (
        "Survey data for England (2019, 412) show less walking (Public Health England "
        "2020).\n\nReferences\n\nPublic Health England. 2020. Walking and cycling "
        "statistics. London: PHE.\n"
    )
    assert _codes(text) == []


def test_a_misspelt_body_in_prose_is_an_author_mismatch_with_its_entry() -> None:
    text = (
        "The Intergovernmenatl Panel on Climate Change (2021) leans on model agreement."
        "\n\nReferences\n\nIntergovernmental Panel on Climate Change. 2021. Climate "
        "Change 2021: The Physical Science Basis. Cambridge: Cambridge University Press.\n"
    )
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["cited_author"], d.data["reference_id"]) == (
        "CIT104",
        "Intergovernmenatl Panel on Climate Change",
        "ref-1",
    )


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        # The finder splits the name at its "and"; "&" stands for it.
        ("The Departmnet of Health and Social Care (2019) set targets.", "Department of Health & Social Care"),
        ("The Center for Disease Control and Prevention (2018) agreed.", "Centers for Disease Control and Prevention"),
        ("The Intergovernmental Panel for Climate Change (2021) agreed.", "Intergovernmental Panel on Climate Change"),
    ],
)  # fmt: skip
def test_a_body_misspelt_in_one_word_in_prose_is_an_author_mismatch(
    cited: str, listed: str
) -> None:
    year = cited.split("(")[1][:4]
    text = f"{cited}\n\nReferences\n\n{listed}. {year}. Annual targets report. London: the body.\n"
    assert _codes(text) == ["CIT104"]


def test_a_body_split_at_its_and_is_an_author_mismatch_with_a_misspelt_entry() -> None:
    text = (
        "Staffing fell (Northfield and Ashby Hospitals NHS Foundation Trust, 2021a) and "
        "rose again (Northfield and Ashby Hospitals NHS Foundation Trust, 2021b).\n\n"
        "References\n\nNorthfield and Ashby Hospitals NHS Foundation Trust (2021a) Annual "
        "report 2020/21. Northfield: the Trust.\nNorthfield and Ashy Hospitals NHS "
        "Foundation Trust (2021b) Quality account 2020/21. Northfield: the Trust.\n"
    )
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["citation_id"], d.data["reference_id"], d.message) == (
        "CIT104",
        "cit-2",
        "ref-2",
        "Author mismatch: cited as `Northfield and Ashby Hospitals NHS Foundation Trust`, "
        "reference list has `Northfield and Ashy Hospitals NHS Foundation Trust (2021b)`",
    )


def test_a_body_without_an_and_is_an_author_mismatch_with_its_misspelt_entry() -> None:
    text = (
        "A survey (Pennine Archaeology Trust, 2019a) came first (Pennine Archaeology "
        "Trust, 2019b).\n\nReferences\n\nPennice Archaeology Trust (2019a) Low Garth: "
        "geophysical survey. Settle: the Trust.\nPennine Archaeology Trust (2019b) Low "
        "Garth: written scheme. Settle: the Trust.\n"
    )
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["citation_id"], d.data["reference_id"]) == ("CIT104", "cit-1", "ref-1")


def test_a_body_one_word_apart_with_entries_of_its_own_is_another_body() -> None:
    # Iceland's bank has its own 2019b: its uncited 2019a is its own, and Ireland's
    # 2019a is missing.
    text = (
        "Rates rose (Central Bank of Ireland, 2019a; Central Bank of Ireland, 2019b; "
        "Central Bank of Iceland, 2019b).\n\nReferences\n\nCentral Bank of Ireland "
        "(2019b) Quarterly Bulletin Q2. Dublin: the Bank.\nCentral Bank of Iceland (2019a) "
        "Financial Stability 2019/1. Reykjavik: the Bank.\nCentral Bank of Iceland (2019b) "
        "Financial Stability 2019/2. Reykjavik: the Bank.\n"
    )
    assert _codes(text) == ["CIT101", "CIT102"]


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("Centers for Disease Control and Prevention", "Centers for Disease Controla and Prevention"),
        ("Centers for Diseaes Control and Prevention", "Centers for Disease Control and Prevention"),
    ],
)  # fmt: skip
def test_a_body_named_in_full_beside_its_abbreviation_is_compared_with_its_entry(
    cited: str, listed: str
) -> None:
    # "CDC" names the entry, but the two spellings of the body's name disagree.
    text = (
        f"Many do not know it ({cited} [CDC], 2023).\n\nReferences\n\n{listed}. "
        "(2023). National diabetes statistics report. Atlanta: CDC.\n"
    )
    [d] = _audit(text).diagnostics
    assert (d.code, d.message) == (
        "CIT104",
        f"Author mismatch: cited as `{cited}`, reference list has `{listed} (2023)`",
    )


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("Centers for Medicare and Medicaid Services [CMS]", "Centers for Medicare & Medicaid Services"),
        ("Centers for Medicare & Medicaid Services", "Centers for Medicare and Medicaid Services"),
    ],
)  # fmt: skip
def test_a_body_s_and_written_as_an_ampersand_is_the_same_name(cited: str, listed: str) -> None:
    text = (
        f"Spending fell ({cited}, 2019).\n\nReferences\n\n{listed}. (2019). Data. Baltimore: CMS.\n"
    )
    assert _codes(text) == []


def test_a_body_named_in_full_beside_its_abbreviation_as_listed_links() -> None:
    text = (
        "Many do not know it (Centers for Disease Control and Prevention [CDC], 2023), as "
        "before (CDC, 2023).\n\nReferences\n\nCenters for Disease Control and "
        "Prevention. (2023). National diabetes statistics report. Atlanta: CDC.\n"
    )
    assert _codes(text) == []


def test_a_year_letter_the_cited_name_lacks_allows_two_slips_in_an_uncited_entry() -> None:
    # Nakamura-Feld's 2019b is cited; the 2019a the text cites is listed misspelt.
    text = (
        "Heat helps (Nakamura-Feld 2019a), as does water (Nakamura-Feld 2019b).\n\n"
        "References\n\nNkamrua-Feld H. 2019a. Hot-water immersion. Eur J Sport Sci. "
        "19(8):1080-1089.\nNakamura-Feld H. 2019b. Heat acclimation. J Appl Physiol. "
        "126(2):1-9.\n"
    )
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["citation_id"], d.data["reference_id"]) == ("CIT104", "cit-1", "ref-1")


@pytest.mark.parametrize(
    ("cited", "listed"),
    [
        ("The University of North Carolina (2019) agrees.", "University of South Carolina"),
        ("In the University of Kansas (2020) cohort rates fell.", "University of Arkansas"),
        ("St Mary's Hospital (2018) agreed.", "St Mark's Hospital"),
    ],
)  # fmt: skip
def test_a_body_one_word_apart_from_a_listed_one_is_another_body(cited: str, listed: str) -> None:
    text = (
        f"{cited} Rates fell (Smith 2019).\n\nReferences\n\nSmith, J. 2019. Air. London: "
        f"Acme.\n{listed}. 2018. Annual report. London: the body.\n"
    ).replace("2018. Annual", f"{cited.split('(')[1][:4]}. Annual")
    assert _codes(text) == ["CIT102"]


def test_a_body_split_at_its_and_with_another_place_in_it_is_missing() -> None:
    text = (
        "Staffing fell (Surrey and Sussex Healthcare NHS Trust, 2017).\n\nReferences\n\n"
        "Surrey and Essex Healthcare NHS Trust. 2017. Staffing and Safety Review. Redhill: "
        "SEHT.\n"
    )
    assert _codes(text) == ["CIT101", "CIT102"]


def test_a_year_letter_another_author_s_own_entries_explain_allows_no_two_slips() -> None:
    # Mills 2010a is listed and cited: the "b" of Mills 2010b is Mills's own letter.
    text = (
        "Miller (2010a) and Mills (2010a) agree; Miller (2010b) does not.\n\nReferences\n\n"
        "Miller, A. 2010a. One. London: Acme.\nMills, B. 2010a. Two. London: Acme.\n"
        "Mills, B. 2010b. Three. London: Acme.\n"
    )
    assert _codes(text) == ["CIT101", "CIT102"]


def test_a_place_near_an_uncited_listed_name_in_a_numbered_article_is_no_citation() -> None:
    text = (
        "Uptake exceeded 80% [1], as Israel (2021) shows.\n\nReferences\n\n"
        "1. Cohen B. Uptake of vaccines in adults. Lancet. 2021;397:1-5.\n"
        "2. Israeli A. Vaccines in Israel. BMJ. 2021;372:n3.\n"
    )
    assert _codes(text) == ["CIT102"]


def test_a_writer_cited_in_prose_with_a_bare_page_range_and_no_entry_is_missing() -> None:
    text = (
        "Harris (2000, 195–216) argued that labour exchange binds households, as Hamlin "
        f"(1998, 3) and (Hamlin 2009, 12) did.\n\nReferences\n\n{_HAMLIN_ENTRIES}"
    )
    [d] = _audit(text).diagnostics
    assert (d.code, d.data["citation_id"]) == ("CIT101", "cit-1")


OFFICE_REPORTS = """Air pollution shortens lives, and the Chief Medical Officer (2022) devoted an
annual report to it; an earlier report by the Chief Medical Officer (2019) covered
prevention.

References

Chief Medical Officer (2022) Annual report 2022: air pollution. London: Department of
Health and Social Care.
"""


def test_an_office_cited_by_its_title_links_to_its_entry_and_a_year_it_lacks_is_missing() -> None:
    assert [d.message for d in _audit(OFFICE_REPORTS).diagnostics] == [
        "Citation `Chief Medical Officer (2019)` matches no entry of the reference list"
    ]


BODIES_BY_ABBREVIATION = """Deaths rose, as the ONS (2022) reported; the WHO (2021) agreed,
and the UK (2019) saw the same.

References

Office for National Statistics (2022) Deaths registered in England and Wales: 2021.
Newport: ONS.

World Health Organization (2020) World health statistics 2020. Geneva: WHO.
"""


def test_abbreviation_after_the_links_its_body_and_a_year_off_is_reported() -> None:
    assert [d.message for d in _audit(BODIES_BY_ABBREVIATION).diagnostics] == [
        "Year mismatch: cited as `2021`, reference list has `World Health Organization (2020)`"
    ]


ACTS_AND_SURVEYS = """The ACA (2010) expanded Medicaid, and the ONS (2021) census counted
carers (ONS, 2022). Counselling grew (ACA, 2014).

References

American Counseling Association. (2014). ACA code of ethics. ACA.

Office for National Statistics. (2022). Unpaid care in England and Wales. ONS.
"""


def test_abbreviation_after_the_with_a_year_an_entry_does_not_explain_is_no_citation() -> None:
    assert [d.code for d in _audit(ACTS_AND_SURVEYS).diagnostics] == []


def test_abbreviation_after_the_lacking_its_entrys_letter_is_a_year_mismatch() -> None:
    text = """The plan (WHO, 2015) set targets, and the WHO (2015a) plan named them.

References

World Health Organization (2015) Global action plan on antimicrobial resistance. Geneva: WHO.
"""
    assert [d.code for d in _audit(text).diagnostics] == ["CIT103"]


def test_country_possessive_before_a_year_is_no_citation() -> None:
    text = (
        "England's (2019) figures on obesity were grim, and New Zealand's (2019) budget "
        "differed (Baird, 2020).\n\nReferences\n\n"
        "Baird, B. (2020). Obesity policy. London: The King's Fund.\n"
    )
    assert _codes(text) == []


def test_surname_that_names_a_country_still_links_its_entry() -> None:
    text = (
        "England (2017) called for sugar taxes.\n\nReferences\n\n"
        "England, P. (2017). Sugar and the state. Public Health, 3, 1-5.\n"
    )
    assert _codes(text) == []


@pytest.mark.parametrize("title", ["Dr", "Professor", "Mr", "Lord"])
def test_title_before_a_surname_in_prose_is_not_part_of_the_name(title: str) -> None:
    text = (
        f"{title} Darzi (2008) set out a vision for the NHS.\n\nReferences\n\n"
        "Darzi, A. (2008). High quality care for all. London: Department of Health.\n"
    )
    assert _codes(text) == []


_LAW_LIST = (
    "\n\nReferences\n\n"
    "Equality Act 2010, c. 15. London: The Stationery Office.\n"
    "Marmot, M. (2010). Fair society, healthy lives. London: UCL.\n"
)


def test_law_named_in_the_text_is_cited() -> None:
    text = "The Equality Act 2010 created a public sector duty (Marmot, 2010)." + _LAW_LIST
    assert _codes(text) == []


_CASE_LIST = (
    "\n\nReferences\n\n"
    "Berman v. Parker, 348 U.S. 26 (1954).\n"
    "Marmot, M. (2010). Fair society, healthy lives. London: UCL.\n"
)


def test_court_case_named_in_the_text_is_cited() -> None:
    text = "In Berman v. Parker the Court deferred to planners (Marmot, 2010)." + _CASE_LIST
    assert _codes(text) == []


def test_court_case_the_text_does_not_name_is_uncited() -> None:
    text = "In Kelo the Court deferred to planners (Marmot, 2010)." + _CASE_LIST
    assert _codes(text) == ["CIT102"]


def test_law_cited_in_brackets_links_its_entry() -> None:
    text = "Employers must adjust (Equality Act 2010; Marmot, 2010)." + _LAW_LIST
    assert _codes(text) == []


@pytest.mark.parametrize(
    ("cited", "entry"),
    [
        (
            "Americans with Disabilities Act, 1990",
            "Americans with Disabilities Act of 1990, 42 U.S.C. § 12101 et seq. (1990).",
        ),
        (
            "Individuals with Disabilities Education Act, 2004",
            "Individuals with Disabilities Education Act, 20 U.S.C. § 1400 (2004).",
        ),
    ],
)
def test_law_whose_title_holds_with_links_its_entry(cited: str, entry: str) -> None:
    assert _codes(f"Schools must adjust ({cited}).\n\nReferences\n\n{entry}\n") == []


def test_law_the_text_never_names_is_uncited() -> None:
    text = "Inequalities persist (Marmot, 2010)." + _LAW_LIST
    assert _codes(text) == ["CIT102"]


_PAIR_AND_TRIO = (
    "\n\nReferences\n\n"
    "Kowalczyk, A., & Wójcik, B. (2019). Shift work and sleep. Sleep Health, 5, 1-9.\n"
    "Smith, A., Jones, B., & Brown, C. (2010). Sitting time. Lancet, 3, 1-5.\n"
)


@pytest.mark.parametrize("opening", ["In Poland,", "In New Zealand,", "Across Europe,"])
def test_place_opening_a_sentence_is_not_a_first_author(opening: str) -> None:
    text = (
        f"{opening} Kowalczyk and Wójcik (2019) found shorter sleep; see Smith et al. (2010)."
        + _PAIR_AND_TRIO
    )
    assert _codes(text) == []


def test_list_after_in_still_names_its_first_author_when_that_links() -> None:
    text = (
        "In Smith, Jones and Brown (2010), sitting was measured; see also Kowalczyk and "
        "Wójcik (2019)." + _PAIR_AND_TRIO
    )
    assert _codes(text) == ["CIT107"]


def test_et_al_message_names_the_citation() -> None:
    text = "Sitting harms (Smith, Jones, & Brown, 2010; Kowalczyk & Wójcik, 2019)." + _PAIR_AND_TRIO
    [finding] = _audit(text).diagnostics
    assert finding.message == (
        "`Smith, Jones, & Brown, 2010` names 3 authors of a work with 3: APA 7 shortens to `et al.`"
    )


@pytest.mark.parametrize(
    ("sentence", "entry"),
    [
        (
            "The Scottish Government (2018) set out a plan.",
            "Scottish Government (2018) Rights, respect and recovery. Edinburgh: Scottish "
            "Government.",
        ),
        (
            "The King's Fund (2021) found that waits rose.",
            "The King's Fund (2021) Waiting times for elective care. London: The King's Fund.",
        ),
        (
            "Guidance came from the Local Government Association and the Association of "
            "Directors of Public Health (2020).",
            "Local Government Association and Association of Directors of Public Health (2020) "
            "Public health in local government. London: LGA.",
        ),
    ],
)
def test_body_named_in_prose_with_its_article_is_cited(sentence: str, entry: str) -> None:
    assert _codes(f"{sentence}\n\nReferences\n\n{entry}\n") == []


_TWO_SMITHS_2019 = (
    "\n\nReferences\n\n"
    "Smith, J. (2019). Homework and attainment in national tests. British Educational "
    "Research Journal, 45(3), 500-517.\n"
    "Smith, K. (2019). Teacher perceptions of homework. Teaching and Teacher Education, "
    "80, 60-70.\n"
)


def test_ambiguity_names_each_entry_by_what_tells_it_apart() -> None:
    [finding] = _audit("Homework helps (Smith, 2019)." + _TWO_SMITHS_2019).diagnostics
    assert (finding.code, finding.message, finding.help) == (
        "CIT105",
        "Ambiguous citation: `Smith, 2019` fits 2 entries: `Smith, J. (2019)` (entry 1), "
        "`Smith, K. (2019)` (entry 2)",
        "Their first authors are different people of one surname: give the initials in "
        "the text (`J. Smith, 2019`), as APA 7 asks",
    )


def test_ambiguity_says_when_the_cited_initials_fit_no_entry() -> None:
    [finding] = _audit("Then L. Smith (2019) reviewed both." + _TWO_SMITHS_2019).diagnostics
    assert finding.message.endswith("; none has a first author with the initials `L.`")


_KESSLER_2005 = (
    "\n\nReferences\n\n"
    "Kessler, R. C., Chiu, W. T., Demler, O., & Walters, E. E. (2005). Prevalence, "
    "severity, and comorbidity of 12-month DSM-IV disorders. Archives of General "
    "Psychiatry, 62(6), 617-627.\n"
)


def test_apa6_names_all_authors_at_the_first_citation_only() -> None:
    text = (
        "Anxiety is common (Kessler, Chiu, Demler, & Walters, 2005). Kessler et al. "
        "(2005) found that it starts early." + _KESSLER_2005
    )
    assert _codes(text) == []


def test_apa6_text_naming_all_authors_again_is_an_et_al_misuse() -> None:
    text = (
        "Anxiety is common (Kessler, Chiu, Demler, & Walters, 2005). Kessler et al. "
        "(2005) found that it starts early, as Kessler, Chiu, Demler, and Walters (2005) "
        "stress." + _KESSLER_2005
    )
    [finding] = _audit(text).diagnostics
    assert (finding.code, finding.message) == (
        "CIT107",
        "`Kessler, Chiu, Demler, and Walters (2005)` names all 4 authors again: after a "
        "work's first citation, APA 6 shortens to `et al.`",
    )


def test_apa6_text_shortening_a_work_at_its_first_citation_is_an_et_al_misuse() -> None:
    text = (
        "Anxiety is common (Kessler, Chiu, Demler, & Walters, 2005). Kessler et al. "
        "(2005) found that it starts early. Sleep suffers too (Novak et al., 2016)."
        + _KESSLER_2005
        + "Novak, J., Ali, S., & Brandt, K. (2016). Sleep and mood in adolescents. Sleep, "
        "39(2), 1-9.\n"
    )
    [finding] = _audit(text).diagnostics
    assert (finding.code, finding.message, finding.help) == (
        "CIT107",
        "`Novak et al., 2016` shortens to `et al.` the first time the work is cited: APA 6 "
        "names all 3 authors at a work's first citation",
        "Name all 3 authors: `Novak, Ali, & Brandt`",
    )


def test_all_authors_named_with_no_later_et_al_reads_as_apa7() -> None:
    text = "Anxiety is common (Kessler, Chiu, Demler, & Walters, 2005)." + _KESSLER_2005
    assert _codes(text) == ["CIT107"]


_TWO_THINK_TANKS = (
    "\n\nReferences\n\n"
    "Health Foundation (2018) Falling short: the NHS workforce challenge. London: The "
    "Health Foundation.\n"
    "King's Fund (2018) The health care workforce in England. London: The King's Fund.\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Both the Health Foundation and the King's Fund (2018) warned about staffing.",
        "Staffing is short (Health Foundation and King's Fund, 2018).",
    ],
)
def test_two_bodies_cited_together_cite_both_entries(sentence: str) -> None:
    audit = _audit(sentence + _TWO_THINK_TANKS)
    [lk] = audit.links
    assert ([r.raw[:12] for r in lk.references], audit.diagnostics) == (
        ["Health Found", "King's Fund "],
        (),
    )


_DAHLGREN_1991 = (
    "\n\nReferences\n\n"
    "Dahlgren, G., & Whitehead, M. (1991). Policies and strategies to promote social "
    "equity in health. Stockholm: Institute for Futures Studies.\n"
)


def test_misspelt_second_author_is_an_author_mismatch() -> None:
    [finding] = _audit(
        "Health has layers (Dahlgren & Whitehad, 1991)." + _DAHLGREN_1991
    ).diagnostics
    assert (finding.code, finding.message, finding.help) == (
        "CIT104",
        "Author mismatch: co-author cited as `Whitehad`, reference list has `Whitehead` in "
        "`Dahlgren & Whitehead (1991)`",
        "Did you mean `Dahlgren & Whitehead, 1991`? (surname similarity 94.1/100)",
    )


def test_wrong_second_author_is_an_author_mismatch() -> None:
    [finding] = _audit("Health has layers (Dahlgren & Hood, 1991)." + _DAHLGREN_1991).diagnostics
    assert (finding.code, finding.help) == (
        "CIT104",
        "The entry's authors are Dahlgren & Whitehead: correct the citation, or add the work "
        "it means to the list",
    )


_PROSPECT_1979 = (
    "\n\nReferences\n\n"
    "Kahneman, D., & Tversky, A. (1979). Prospect theory: An analysis of decision under "
    "risk. Econometrica, 47(2), 263-291.\n"
)


def test_authors_cited_in_another_order_are_one_author_finding() -> None:
    [finding] = _audit(
        "Losses loom larger (Tversky & Kahneman, 1979)." + _PROSPECT_1979
    ).diagnostics
    assert (finding.code, finding.message, finding.help) == (
        "CIT104",
        "Author order: cited as `Tversky & Kahneman`, reference list has "
        "`Kahneman & Tversky (1979)` with the authors in another order",
        "Keep the entry's order, first author first: `Kahneman & Tversky` (1979); or, if "
        "this is another work of these authors, add it to the list",
    )


def test_authors_in_another_order_with_another_year_match_nothing() -> None:
    assert _codes("Losses loom larger (Tversky & Kahneman, 1974)." + _PROSPECT_1979) == [
        "CIT101",
        "CIT102",
    ]


def test_three_authors_in_another_order_are_an_author_finding() -> None:
    text = (
        "Sleep consolidates memory (Stickgold, Hobson & Walker, 2017).\n\nReferences\n\n"
        "Walker, M. P., Stickgold, R., & Hobson, J. A. (2017). Sleep and memory. Neuron, "
        "44(1), 121-133.\n"
    )
    [finding] = _audit(text).diagnostics
    assert (finding.code, finding.data["cited_author"], finding.data["listed_author"]) == (
        "CIT104",
        "Stickgold, Hobson & Walker",
        "Walker, Stickgold & Hobson",
    )


def test_second_author_of_a_one_author_entry_is_an_author_mismatch() -> None:
    text = (
        "Intuition is fast (Kahneman & Gilovich, 2003).\n\nReferences\n\n"
        "Kahneman, D. (2003). Maps of bounded rationality. American Economic Review, "
        "93(5), 1449-1475.\n"
    )
    [finding] = _audit(text).diagnostics
    assert (finding.code, finding.message, finding.help) == (
        "CIT104",
        "Author mismatch: `Kahneman & Gilovich, 2003` names `Gilovich`, whom the entry "
        "`Kahneman (2003)` does not list",
        "The entry lists one author: Kahneman. Correct the citation, or complete the "
        "entry's authors",
    )


def test_third_author_of_a_two_author_entry_is_an_author_mismatch() -> None:
    [finding] = _audit(
        "Health has layers (Dahlgren, Whitehead & Marmot, 1991)." + _DAHLGREN_1991
    ).diagnostics
    assert (finding.code, finding.data["cited_author"]) == ("CIT104", "Marmot")


def test_extra_author_named_anywhere_in_the_entry_draws_no_finding() -> None:
    # The parser may cut a list short; a name the entry's text holds is no slip.
    text = (
        "Intuition is fast (Kahneman & Frederick, 2002).\n\nReferences\n\n"
        "Kahneman, D., with Frederick, S. (2002). Representativeness revisited. In T. "
        "Gilovich (Ed.), Heuristics and biases (pp. 49-81). Cambridge University Press.\n"
    )
    assert "CIT104" not in _codes(text)


def test_second_author_written_without_umlaut_fits() -> None:
    text = (
        "Silencing needs both (Papp and Mueller, 2006).\n\nReferences\n\n"
        "Papp, B., & Müller, J. (2006). Histone trimethylation. Genes & Development, 20, "
        "2041-2054.\n"
    )
    assert _codes(text) == []


def test_undated_works_told_apart_by_letters_link_each_entry() -> None:
    text = (
        "Mind (n.d.-a) lists the signs of anxiety, and low mood has its own page (Mind, "
        "n.d.-b); see Rose (in press-a) and Patel (forthcoming).\n\nReferences\n\n"
        "Mind. (n.d.-a). Anxiety and panic attacks. https://www.mind.org.uk/a\n"
        "Mind. (n.d.-b). Depression. https://www.mind.org.uk/b\n"
        "Patel, R. (forthcoming). Sleep and mood. Journal of Sleep Research.\n"
        "Rose, T. (in press-a). Rumination. Cognition and Emotion.\n"
    )
    assert _codes(text) == []


@pytest.mark.parametrize("locator", ["Study 2", "Experiment 1", "Studies 1-3"])
def test_study_after_the_year_is_a_locator(locator: str) -> None:
    text = (
        f"Self-control tires (Muraven & Baumeister, 2000, {locator}).\n\nReferences\n\n"
        "Muraven, M., & Baumeister, R. F. (2000). Self-regulation and depletion of limited "
        "resources. Psychological Bulletin, 126(2), 247-259.\n"
    )
    assert _codes(text) == []


_TWO_ZHANGS = (
    "\n\nReferences\n\n"
    "Zhang, J. (2018). Sleep and shift work. Sleep Health, 4, 1-9.\n"
    "Zhang, Y. (2018). Diet and sleep. Nutrients, 10, 1-12.\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sleep suffers (see also J. Zhang, 2018; e.g., Y. Zhang, 2018).",
        "J. Zhang (2018) and Y. Zhang (2018) agree.",
    ],
)
def test_initials_tell_two_authors_of_one_surname_apart(sentence: str) -> None:
    assert _codes(sentence + _TWO_ZHANGS) == []


def test_founders_initials_inside_a_body_name() -> None:
    text = (
        "Fibre helps (Harvard T.H. Chan School of Public Health, 2020).\n\nReferences\n\n"
        "Harvard T.H. Chan School of Public Health. (2020). Fiber. The Nutrition Source. "
        "https://www.hsph.harvard.edu/nutritionsource/carbohydrates/fiber/\n"
    )
    assert _codes(text) == []


def test_apa_narrative_names_two_authors_before_et_al() -> None:
    text = (
        "Tremblay, LeBlanc, et al. (2011) reviewed sitting; Tremblay, Warburton, et al. "
        "(2011) set guidelines.\n\nReferences\n\n"
        "Tremblay, M. S., LeBlanc, A. G., Kho, M. E., & Saunders, T. J. (2011). Systematic "
        "review of sedentary behaviour. IJBNPA, 8, 98.\n"
        "Tremblay, M. S., Warburton, D. E., Janssen, I., & Paterson, D. H. (2011). New "
        "Canadian physical activity guidelines. APNM, 36, 36-46.\n"
    )
    assert _codes(text) == []


def test_primary_work_with_its_secondary_source_later_in_the_sentence_is_not_missing() -> None:
    text = (
        "Allport's (1954) contact hypothesis still guides programmes (as cited in "
        "Pettigrew, 1998).\n\nReferences\n\n"
        "Pettigrew, T. F. (1998). Intergroup contact theory. Annual Review of Psychology, "
        "49, 65-85.\n"
    )
    assert _codes(text) == []


def test_narrative_citation_in_a_sentence_without_a_secondary_source_stays_missing() -> None:
    text = (
        "Allport (1954) proposed the contact hypothesis. Later work agreed (as cited in "
        "Pettigrew, 1998).\n\nReferences\n\n"
        "Pettigrew, T. F. (1998). Intergroup contact theory. Annual Review of Psychology, "
        "49, 65-85.\n"
    )
    assert _codes(text) == ["CIT101"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Then Health Secretary Jeremy Hunt (2016) set targets for safety.",
        "Health Secretary Jeremy Hunt (2016) set targets for safety.",
    ],
)
def test_post_before_a_person_in_prose_is_not_part_of_the_name(sentence: str) -> None:
    text = f"{sentence}\n\nReferences\n\nHunt, J. (2016). Speech on patient safety. London: DH.\n"
    assert _codes(text) == []


def test_list_after_in_links_its_whole_reading_before_a_shorter_entry() -> None:
    text = (
        "In Evans, Hart and Lowe (2014), adolescents wore actigraphs; naps differed (Hart & "
        "Lowe, 2014).\n\nReferences\n\n"
        "Evans, R., Hart, A., & Lowe, M. (2014). Sleep in adolescents. Sleep, 37, 1-9.\n"
        "Hart, A., & Lowe, M. (2014). Napping. Sleep Health, 1, 10-15.\n"
    )
    assert _codes(text) == ["CIT107"]


def test_list_after_in_with_a_wrong_year_is_a_year_mismatch() -> None:
    text = (
        "In Smith, Jones and Brown (2010), sitting was measured.\n\nReferences\n\n"
        "Smith, A., Jones, B., & Brown, C. (2011). Sitting time. Lancet, 3, 1-5.\n"
    )
    assert _codes(text) == ["CIT103"]


def test_place_named_first_of_a_list_without_a_scene_word_is_an_author() -> None:
    text = (
        "England, Smith and Jones (2018) found it.\n\nReferences\n\n"
        "England, P., Smith, A., & Jones, R. (2019). Title. Lancet, 3, 1-5.\n"
    )
    assert _codes(text) == ["CIT103"]


def test_sentence_final_letter_is_no_initial() -> None:
    text = "Many lack vitamin D. Zhang (2018) reported this." + _TWO_ZHANGS
    assert _codes(text) == ["CIT105"]


def test_initial_after_a_country_abbreviation_is_kept() -> None:
    text = "Rates peaked in the U.S. J. Zhang (2018) said why; see Y. Zhang (2018)." + _TWO_ZHANGS
    assert _codes(text) == []


@pytest.mark.parametrize(
    ("sentence", "entry"),
    [
        ("The Bank of England (2019) warned.", "Bank of England. (2019). Financial stability."),
        (
            "Data came from Statistics New Zealand (2020).",
            "Statistics New Zealand. (2020). Census. Wellington: Stats NZ.",
        ),
    ],
)
def test_body_ending_with_a_country_is_cited(sentence: str, entry: str) -> None:
    assert _codes(f"{sentence}\n\nReferences\n\n{entry}\n") == []


def test_surname_that_names_a_country_is_a_citation_without_its_entry() -> None:
    text = (
        "Jordan (2019) found it (Smith, 2019).\n\nReferences\n\n"
        "Smith, P. (2019). Title. Lancet, 3, 1-5.\n"
    )
    assert _codes(text) == ["CIT101"]


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("The Health and Social Care Act 2012 changed duties (Ham, 2015).", ["CIT102"]),
        ("The Care Act (2014) changed duties (Ham, 2015).", []),
    ],
)
def test_law_named_inside_a_longer_name_is_not_cited(sentence: str, codes: list[str]) -> None:
    text = (
        f"{sentence}\n\nReferences\n\nCare Act 2014, c. 23.\n"
        "Ham, C. (2015). The NHS under the coalition. London: The King's Fund.\n"
    )
    assert _codes(text) == codes


def test_law_named_with_another_year_is_not_cited() -> None:
    text = (
        "The Children Act 1989 set duties (Ham, 2015).\n\nReferences\n\n"
        "Children Act 2004, c. 31.\n"
        "Ham, C. (2015). The NHS under the coalition. London: The King's Fund.\n"
    )
    assert _codes(text) == ["CIT102"]


def test_regulations_under_an_act_are_their_own_law() -> None:
    text = (
        "Councils publish equality objectives (Ham, 2015).\n\nReferences\n\n"
        "Equality Act 2010 (Specific Duties) Regulations 2011, SI 2011/2260.\n"
        "Ham, C. (2015). The NHS under the coalition. London: The King's Fund.\n"
    )
    assert _codes(text) == ["CIT102"]


def test_apa_title_first_entry_naming_an_act_is_no_law() -> None:
    text = (
        'The review reported ("Modernising," 2018).\n\nReferences\n\n'
        "Modernising the Mental Health Act 1983. (2018). Department of Health and Social "
        "Care. https://www.gov.uk/government/publications/modernising-the-mental-health-act\n"
    )
    assert _codes(text) == []


@pytest.mark.parametrize("cited", ["van der Berg (2018)", "Van der Berg (2018)", "Berg (2018)"])
def test_chicago_particles_after_the_given_name_belong_to_the_cited_surname(cited: str) -> None:
    # Chicago sorts Hanneke van der Berg under B; the text cites her "van der Berg".
    text = (
        f"Cooperatives spread after the war, as {cited} shows.\n\nReferences\n\n"
        "Berg, Hanneke van der. 2018. Dutch Dairy Cooperatives. Utrecht: Spectrum.\n"
    )
    assert _codes(text) == []


@pytest.mark.parametrize(
    "cited",
    [
        "(UKPDS, 1998)",
        "(UKPDS Group, 1998)",
        "(UK Prospective Diabetes Study Group, 1998)",
        "UKPDS (1998)",
    ],
)
def test_body_declaring_its_abbreviation_inside_its_name_is_cited_by_it(cited: str) -> None:
    text = (
        f"Tight control cut microvascular events {cited}.\n\nReferences\n\n"
        "UK Prospective Diabetes Study (UKPDS) Group. (1998). Intensive blood-glucose "
        "control with sulphonylureas or insulin. Lancet, 352(9131), 837-853.\n"
    )
    assert _codes(text) == []


def test_body_name_with_a_colon_its_abbreviation_spells_is_cited_by_the_abbreviation() -> None:
    text = (
        "Staging uses albuminuria as well as filtration (KDIGO, 2024).\n\nReferences\n\n"
        "Kidney Disease: Improving Global Outcomes (KDIGO) CKD Work Group. (2024). KDIGO "
        "2024 clinical practice guideline for the evaluation and management of chronic "
        "kidney disease. Kidney International, 105(4S), S117-S314.\n"
    )
    assert _codes(text) == []


def test_oecds_key_after_the_year_picks_one_of_a_bodys_same_year_entries() -> None:
    text = (
        "Obesity rates keep rising (OECD, 2019[2]). Spending will follow (OECD, 2019[1]).\n\n"
        "References\n\n"
        "OECD (2019), Health at a Glance 2019: OECD Indicators, OECD            [1]\n"
        "   Publishing, Paris.\n"
        "OECD (2019), The Heavy Burden of Obesity: The Economics of           [2]\n"
        "   Prevention, OECD Health Policy Studies, OECD Publishing, Paris.\n"
    )
    audit = _audit(text)
    assert [(lk.status, [r.index for r in lk.references]) for lk in audit.links] == [
        ("linked", [2]),
        ("linked", [1]),
    ]
    assert audit.diagnostics == ()
