"""Citations by author and page against a list dated after its titles, as MLA writes
them: "(Frank 1-25)" in the text, "Frank, Arthur W. The Wounded Storyteller. ... 1995."
in the list."""

from __future__ import annotations

from pathlib import Path

from citecheck.audit import audit_document
from citecheck.authorpage import dated_after_titles, find_page_citations, title_fits
from citecheck.document import Document
from citecheck.model import Reference, Span
from citecheck.refparse import parse_reference
from support import RunCli, validate_report

_WORKS_CITED = (
    "Works Cited\n\n"
    "Charon, Rita, et al. The Principles and Practice of Narrative Medicine. Oxford UP, 2017.\n\n"
    "Frank, Arthur W. The Wounded Storyteller: Body, Illness, and Ethics. U of Chicago P, "
    "1995.\n\n"
    "Kleinman, Arthur. The Illness Narratives: Suffering, Healing, and the Human Condition. "
    "Basic Books, 1988.\n\n"
    "Shakespeare, William. Hamlet. Edited by Ann Thompson and Neil Taylor, Arden, 2006.\n\n"
    "Sontag, Susan. Illness as Metaphor. Farrar, Straus and Giroux, 1978.\n\n"
    "---. Regarding the Pain of Others. Farrar, Straus and Giroux, 2003.\n"
)
_NAMES = frozenset({"frank", "kleinman", "sontag", "charon", "hamlet"})


def _audit(body: str, works: str = _WORKS_CITED) -> tuple[list[str], list[str]]:
    """The citations by page as (text, status, first entry's id), and the findings
    about citations as "CODE message"."""
    audit = audit_document(Document.plain("essay.txt", body + "\n\n" + works))
    cited = [
        f"{lk.citation.text} | {lk.status} | {lk.references[0].id if lk.references else '-'}"
        for lk in audit.links
        if lk.citation.by_page
    ]
    return cited, [f"{d.code} {d.message}" for d in audit.diagnostics]


def _pages(text: str) -> list[tuple[str, tuple[str, ...], str | None, str | None]]:
    return [
        (text[p.span.start : p.span.end], p.authors, p.locator, p.short_title)
        for p in find_page_citations(text, [(0, len(text))], _NAMES)
    ]


def _reference(raw: str) -> Reference:
    return Reference.build(
        parse_reference(raw), id="ref-1", index=1, number=None, span=Span(0, len(raw)), raw=raw
    )


def test_an_author_and_page_cite_the_authors_entry() -> None:
    cited, findings = _audit("Illness interrupts the story a life was telling (Frank 53-55).")
    assert cited == ["Frank 53-55 | linked | ref-2"]
    assert not any(f.startswith("CIT101") for f in findings)


def test_an_entry_cited_only_by_page_is_not_reported_uncited() -> None:
    _, findings = _audit("Illness interrupts the story a life was telling (Frank 53-55).")
    assert "CIT102 Reference `Frank (1995)` is never cited in the text" not in findings
    assert "CIT102 Reference `Kleinman (1988)` is never cited in the text" in findings


def test_a_bracket_of_several_works_is_one_citation_of_each() -> None:
    assert _pages("Both listen to the patient (Frank 1-25; Kleinman 49, 112).") == [
        ("Frank 1-25", ("Frank",), "1-25", None),
        ("Kleinman 49, 112", ("Kleinman",), "49, 112", None),
    ]


def test_a_short_title_picks_one_of_an_authors_works() -> None:
    cited, _ = _audit(
        "The sick are made to carry blame (Sontag, Illness 57), as the war photograph asks "
        'pity of its viewer (Sontag, "Regarding" 12).'
    )
    assert cited == [
        "Sontag, Illness 57 | linked | ref-5",
        'Sontag, "Regarding" 12 | linked | ref-6',
    ]


def test_an_authors_work_cited_without_a_short_title_is_ambiguous() -> None:
    _, findings = _audit("The sick are made to carry blame (Sontag 57).")
    assert (
        "CIT105 Ambiguous citation: `Sontag 57` fits 2 entries: `Sontag (1978)` (entry 5),"
        " `Sontag (2003)` (entry 6)"
    ) in findings


def test_the_ambiguity_help_shows_the_short_title_to_add() -> None:
    audit = audit_document(
        Document.plain("essay.txt", "Blame follows the sick (Sontag 57).\n\n" + _WORKS_CITED)
    )
    (finding,) = [d for d in audit.diagnostics if d.code == "CIT105"]
    assert finding.help == (
        "Give a short title after the name, as MLA does for an author with several works:"
        " `(Sontag, Illness 57)`"
    )


def test_a_short_title_that_fits_none_of_the_authors_works_names_a_missing_one() -> None:
    _, findings = _audit("Metaphors of plague return with each epidemic (Sontag, AIDS 132).")
    assert "CIT101 Citation `Sontag, AIDS 132` matches no entry of the reference list" in findings


def test_a_page_after_a_name_in_the_sentence_cites_that_names_work() -> None:
    cited, _ = _audit(
        "As Kleinman observes, the chronically ill become their own ethnographers (49)."
    )
    assert cited == ["Kleinman … (49) | linked | ref-3"]


def test_the_sentence_before_a_page_may_name_which_work() -> None:
    cited, findings = _audit("In Illness as Metaphor, Sontag argues that the sick are blamed (57).")
    assert cited == ["Sontag … (57) | linked | ref-5"]
    assert not any(f.startswith("CIT105") for f in findings)


def test_items_of_a_list_and_formulas_are_no_pages() -> None:
    text = (
        "Kleinman names two tasks: (1) listening and (2) witnessing.  Kleinman's "
        "bound is √(1/(2n)) at most."
    )
    assert _pages(text) == []


def test_a_name_the_list_lacks_before_pages_is_a_missing_work() -> None:
    _, findings = _audit(
        "Stories restore a voice (Frank 53). Critics fear sentimentality (Wilkinson 88)."
    )
    assert "CIT101 Citation `Wilkinson 88` matches no entry of the reference list" in findings


def test_names_the_list_lacks_are_read_only_where_listed_names_are_cited_so() -> None:
    assert _pages("Critics fear sentimentality (Wilkinson 88).") == []


def test_words_that_label_parts_of_a_text_are_no_names() -> None:
    text = (
        "Stories restore a voice (Frank 53), as the interviews show (Figure 2; Table 1). "
        "See the ward notes (Participant 4) and the method (Chapter 3)."
    )
    assert [p[0] for p in _pages(text)] == ["Frank 53"]


def test_a_misspelt_name_is_an_author_mismatch_with_the_listed_spelling() -> None:
    _, findings = _audit(
        'The ill are witnesses (Kleinman 49). The body "is the story" (Frankk 52).'
    )
    assert "CIT104 Author mismatch: cited as `Frankk`, reference list has `Frank (1995)`" in (
        findings
    )


def test_a_second_name_the_entry_lacks_is_an_author_mismatch() -> None:
    _, findings = _audit("Both insist on listening (Kleinman and Frank 9).")
    assert (
        "CIT104 Author mismatch: `Kleinman and Frank 9` names `Frank`, whom the entry"
        " `Kleinman (1988)` does not list"
    ) in findings


def test_et_al_for_a_sole_author_is_et_al_misuse() -> None:
    _, findings = _audit("The ill are witnesses (Kleinman et al. 49).")
    assert (
        "CIT107 `Kleinman et al. 49` uses `et al.` for a work with 1 author: `Kleinman (1988)`"
    ) in findings


def test_a_play_is_cited_by_its_title_with_act_scene_and_line() -> None:
    cited, _ = _audit("The question is put at once (Hamlet 3.1.56-58).")
    assert cited == ["Hamlet 3.1.56-58 | linked | ref-4"]


def test_a_list_dated_after_its_authors_is_cited_by_year_not_by_page() -> None:
    apa = (
        "References\n\n"
        "Frank, A. W. (1995). The wounded storyteller: Body, illness, and ethics. "
        "University of Chicago Press.\n"
    )
    cited, _ = _audit("Illness interrupts a story (Frank 53-55).", works=apa)
    assert cited == []


def test_mla_entries_are_dated_after_their_titles() -> None:
    mla = _reference("Frank, Arthur W. The Wounded Storyteller. U of Chicago P, 1995.")
    assert dated_after_titles([mla])


def test_apa_entries_are_dated_before_their_titles() -> None:
    apa = _reference("Frank, A. W. (1995). The wounded storyteller. University of Chicago Press.")
    assert not dated_after_titles([apa])


def test_a_name_and_a_year_stay_an_author_year_citation() -> None:
    assert _pages("Illness interrupts a story (Frank 1995).") == []


def test_json_reports_a_citation_by_page_with_its_short_title(
    run_cli: RunCli, tmp_path: Path
) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text("Blame follows the sick (Sontag, Illness 57).\n\n" + _WORKS_CITED)
    report = run_cli("check", "--offline", "-f", "json", str(essay)).json()
    validate_report(report)
    (citation,) = report["files"][0]["citations"]
    assert (citation["kind"], citation["year"], citation["locator"], citation["short_title"]) == (
        "author-page",
        None,
        "57",
        "Illness",
    )


_MORE_WORKS = (
    "Works Cited\n\n"
    "Du Bois, W. E. B. The Souls of Black Folk. A. C. McClurg, 1903.\n\n"
    "Greenblatt, Stephen. Hamlet in Purgatory. Princeton UP, 2001.\n\n"
    "hooks, bell. Teaching to Transgress. Routledge, 1994.\n\n"
    "Scarry, Elaine. The Body in Pain. Oxford UP, 1985.\n\n"
    "Shakespeare, William. Hamlet. Edited by Ann Thompson and Neil Taylor, Arden, 2006.\n\n"
    "Singer, Peter. Animal Liberation. Harper Collins, 1975.\n\n"
    "---. Practical Ethics. Cambridge UP, 1979.\n\n"
    "World Health Organization. World Report on Ageing and Health. WHO, 2015.\n"
)


def test_a_year_after_a_title_is_a_date_where_the_text_cites_by_page() -> None:
    cited, findings = _audit(
        "Sontag's Illness as Metaphor (1978) begins in a hospital (Sontag, Illness 3)."
    )
    assert cited == ["Sontag, Illness 3 | linked | ref-5"]
    assert not any(f.startswith("CIT101") for f in findings)


def test_a_play_cited_by_title_is_the_whole_title_not_one_it_opens() -> None:
    cited, _ = _audit(
        "Greenblatt reads the ghost (Greenblatt 4). It walks (Hamlet 1.1.40).", _MORE_WORKS
    )
    assert cited[-1] == "Hamlet 1.1.40 | linked | ref-5"


def test_a_year_range_after_a_name_is_no_page() -> None:
    cited, _ = _audit(
        "Greenblatt dates the ghost (Greenblatt 4). Shakespeare revised it (1604-05).", _MORE_WORKS
    )
    assert cited == ["Greenblatt 4 | linked | ref-2"]


def test_a_name_of_several_words_is_read_where_the_list_gives_it() -> None:
    cited, _ = _audit(
        "Ageing is unequal (World Health Organization 7). The veil divides (Du Bois vii).",
        _MORE_WORKS,
    )
    assert cited == [
        "World Health Organization 7 | linked | ref-8",
        "Du Bois vii | linked | ref-1",
    ]


def test_a_surname_written_in_lower_case_is_read_as_the_list_writes_it() -> None:
    cited, _ = _audit("Teaching can be a practice of freedom (hooks 12).", _MORE_WORKS)
    assert cited == ["hooks 12 | linked | ref-3"]


def test_a_bracket_may_wrap_at_a_lines_end() -> None:
    cited, _ = _audit("Pain resists language (Scarry\n4-5).", _MORE_WORKS)
    assert cited == ["Scarry\n4-5 | linked | ref-4"]


def test_a_page_may_cite_the_name_of_the_sentence_before() -> None:
    cited, _ = _audit(
        "Scarry begins with torture. Pain, she argues, unmakes the world (4).", _MORE_WORKS
    )
    assert cited == ["Scarry … (4) | linked | ref-4"]


def test_a_short_title_opens_the_title_it_names() -> None:
    assert not title_fits("Sex and Gender", "Gender Trouble", opening=True)
    assert title_fits("Practical", "Practical Ethics", opening=True)


def test_a_short_title_after_the_authors_rule_is_a_title_not_a_name() -> None:
    cited, findings = _audit("Distance does not matter (Singer, Practical 158-81).", _MORE_WORKS)
    assert cited == ["Singer, Practical 158-81 | linked | ref-7"]
    assert "CIT110 Incomplete reference: entry 7 has no title" not in findings


def test_a_misspelt_name_before_a_volume_and_page_is_an_author_mismatch() -> None:
    _, findings = _audit(
        "Print fixed texts (Scarry 4). Print fixed the page (Scarri 1: 43).", _MORE_WORKS
    )
    assert "CIT104 Author mismatch: cited as `Scarri`, reference list has `Scarry (1985)`" in (
        findings
    )
