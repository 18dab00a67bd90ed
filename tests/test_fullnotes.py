"""Chicago's notes and bibliography: numbered notes cite the bibliography by author
and title, and the text cites the notes by number (`fullnotes`)."""

from __future__ import annotations

import re

from citecheck.audit import FileAudit, audit_document
from citecheck.document import Document
from citecheck.fullnotes import read_notes
from citecheck.ingest import from_bytes
from citecheck.model import Span

_TEXT = (
    "The Broad Street pump has become a parable of epidemiology.[1] Historians have "
    "shown that the story is more tangled.[2] Snow's rivals were not simply wrong,[3] "
    "and the sanitary movement had its own logic.[4] Later work stresses maps.[5] "
    "Nothing here depends on that debate.[6]\n\n"
)
_NOTES = (
    "Notes\n\n"
    "1. Steven Johnson, The Ghost Map: The Story of London's Most Terrifying Epidemic "
    "(New York: Riverhead Books, 2006), 1-5.\n"
    "2. Peter Vinten-Johansen et al., Cholera, Chloroform, and the Science of Medicine: "
    "A Life of John Snow (Oxford: Oxford University Press, 2003), 290.\n"
    "3. Margaret Pelling, Cholera, Fever and English Medicine, 1825-1865 (Oxford: Oxford "
    "University Press, 1978), 4; see also Christopher Hamlin, Public Health and Social "
    "Justice in the Age of Chadwick (Cambridge: Cambridge University Press, 1998), 12.\n"
    "4. Hamlin, Public Health and Social Justice, 84-86.\n"
    "5. Ibid., 90; for the maps, see Tom Koch, Disease Maps: Epidemics on the Ground "
    "(Chicago: University of Chicago Press, 2011), 77.\n"
    "6. This is a point about method, not about the sources.\n\n"
)
_BIBLIOGRAPHY = (
    "Bibliography\n\n"
    "Hamlin, Christopher. Public Health and Social Justice in the Age of Chadwick: "
    "Britain, 1800-1854. Cambridge: Cambridge University Press, 1998.\n\n"
    "Johnson, Steven. The Ghost Map: The Story of London's Most Terrifying Epidemic. New "
    "York: Riverhead Books, 2006.\n\n"
    "Koch, Tom. Disease Maps: Epidemics on the Ground. Chicago: University of Chicago "
    "Press, 2011.\n\n"
    "Pelling, Margaret. Cholera, Fever and English Medicine, 1825-1865. Oxford: Oxford "
    "University Press, 1978.\n\n"
    "Vinten-Johansen, Peter, Howard Brody, Nigel Paneth, Stephen Rachman, and Michael "
    "Rip. Cholera, Chloroform, and the Science of Medicine: A Life of John Snow. Oxford: "
    "Oxford University Press, 2003.\n"
)
_ARTICLE = _TEXT + _NOTES + _BIBLIOGRAPHY
_LISTED = frozenset({"hamlin", "johnson", "koch", "pelling", "vintenjohansen"})


def _audit(text: str, name: str = "essay.txt") -> FileAudit:
    if name.endswith(".txt"):
        return audit_document(Document.plain(name, text))
    doc = from_bytes(name, text.encode())
    assert isinstance(doc, Document)
    return audit_document(doc)


def _findings(audit: FileAudit) -> list[tuple[str, str]]:
    return [(d.code, d.message) for d in audit.diagnostics]


def test_each_work_a_note_cites_is_a_citation_in_its_note() -> None:
    audit = _audit(_ARTICLE)
    assert audit.extraction is not None
    assert [(c.note, c.authors, c.year, c.locator) for c in audit.extraction.citations] == [
        ("1", ("Johnson",), "2006", "1-5"),
        ("2", ("Vinten-Johansen",), "2003", "290"),
        ("3", ("Pelling",), "1978", "4"),
        ("3", ("Hamlin",), "1998", "12"),
        ("4", ("Hamlin",), None, "84-86"),
        ("5", ("Koch",), "2011", "77"),
    ]
    assert [lk.status for lk in audit.links] == ["linked"] * 6


def test_a_clean_article_with_notes_has_no_findings() -> None:
    # The marks [1]-[6] are notes', not numbers of the unnumbered bibliography.
    assert _findings(_audit(_ARTICLE)) == []


def test_an_entry_no_note_cites_is_uncited() -> None:
    listed = _BIBLIOGRAPHY + (
        "\nStarr, Paul. The Creation of the Media: Political Origins of Modern "
        "Communications. New York: Basic Books, 2004.\n"
    )
    assert _findings(_audit(_TEXT + _NOTES + listed)) == [
        ("CIT102", "Reference `Starr (2004)` is never cited in the text")
    ]


def test_a_full_note_dated_otherwise_than_its_entry_is_a_year_mismatch() -> None:
    text = _ARTICLE.replace("University Press, 1978), 4;", "University Press, 1987), 4;")
    assert _findings(_audit(text)) == [
        ("CIT103", "Year mismatch: cited as `1987`, reference list has `Pelling (1978)`")
    ]


def test_a_reprint_note_may_give_either_year() -> None:
    text = _ARTICLE.replace(
        "(Chicago: University of Chicago Press, 2011)",
        "(2011; repr., Chicago: University of Chicago Press, 2019)",
    )
    assert _findings(_audit(text)) == []


def test_a_misspelt_author_in_a_note_is_an_author_mismatch() -> None:
    text = _ARTICLE.replace("see Tom Koch,", "see Tom Kotch,")
    assert _findings(_audit(text)) == [
        ("CIT104", "Author mismatch: cited as `Kotch`, reference list has `Koch (2011)`")
    ]


def test_a_note_citing_a_work_the_bibliography_lacks_is_reported() -> None:
    text = _ARTICLE.replace(
        "6. This is a point about method, not about the sources.",
        "6. Richard J. Evans, Death in Hamburg: Society and Politics in the Cholera Years "
        "(Oxford: Clarendon Press, 1987), 229.",
    )
    assert [code for code, _ in _findings(_audit(text))] == ["CIT101"]


def test_a_short_note_whose_title_fits_none_of_the_authors_works_is_unmatched() -> None:
    text = _ARTICLE.replace(
        "4. Hamlin, Public Health and Social Justice", "4. Hamlin, Cholera: The Biography"
    )
    audit = _audit(text)
    assert _findings(audit) == [
        (
            "CIT101",
            "Citation `Hamlin, Cholera: The Biography, 84-86` matches no entry of the "
            "reference list",
        )
    ]


def test_ibid_and_a_discursive_note_cite_nothing_new() -> None:
    notes = read_notes(_ARTICLE, _span_of(_ARTICLE, _BIBLIOGRAPHY), _LISTED)
    assert notes is not None
    assert "6" not in {c.note for c in notes.citations}
    assert [c.authors for c in notes.citations if c.note == "5"] == [("Koch",)]
    assert sorted(notes.labels) == ["1", "2", "3", "4", "5", "6"]


def test_a_cue_inside_a_note_opens_the_work_it_cites() -> None:
    notes = read_notes(_ARTICLE, _span_of(_ARTICLE, _BIBLIOGRAPHY), _LISTED)
    assert notes is not None
    koch = next(c for c in notes.citations if c.authors == ("Koch",))
    assert koch.prefix == "for the maps, see"
    assert _ARTICLE[koch.span.start : koch.span.end].startswith("Tom Koch, Disease Maps")


def test_a_title_with_commas_after_a_surname_is_one_title() -> None:
    text = (
        "Geography decided much.[1] It did.[2]\n\nNotes\n\n"
        "1. Jared Diamond, Guns, Germs, and Steel (New York: Norton, 1997), 45.\n"
        "2. Diamond, Guns, Germs, and Steel, 93.\n\nBibliography\n\n"
        "Diamond, Jared. Guns, Germs, and Steel: The Fates of Human Societies. New York: "
        "Norton, 1997.\n"
    )
    notes = read_notes(text, _span_of(text, text[text.index("Bibliography") :]), {"diamond"})
    assert notes is not None
    assert [(c.authors, c.title) for c in notes.citations] == [
        (("Diamond",), "Guns, Germs, and Steel"),
        (("Diamond",), "Guns, Germs, and Steel"),
    ]


def test_three_authors_and_a_quoted_title_are_read() -> None:
    text = (
        "It spread.[1] Then again.[2]\n\nNotes\n\n"
        '1. Ann Brown, Carl Dietz, and Eva Frank, "Water and Fever," Journal of '
        "Urban History 12, no. 3 (1986): 45-67.\n"
        '2. Brown, Dietz, and Frank, "Water and Fever," 50.\n\nBibliography\n\n'
        'Brown, Ann, Carl Dietz, and Eva Frank. "Water and Fever." Journal of Urban '
        "History 12, no. 3 (1986): 45-67.\n"
    )
    bibliography = _span_of(text, text[text.index("Bibliography") :])
    notes = read_notes(text, bibliography, {"brown", "dietz", "frank"})
    assert notes is not None
    assert [(c.authors, c.title, c.year, c.locator) for c in notes.citations] == [
        (("Brown", "Dietz", "Frank"), "Water and Fever", "1986", "45-67"),
        (("Brown", "Dietz", "Frank"), "Water and Fever", None, "50"),
    ]


_POEMS = (
    "Exile haunts the new city.[1] Paris itself changes.[2]\n\nNotes\n\n"
    '1. Charles Baudelaire, "The Swan," in The Flowers of Evil, trans. James McGowan '
    "(Oxford: Oxford University Press, 1993), 173.\n"
    "2. David Harvey, Paris, Capital of Modernity (New York: Routledge, 2003), 3.\n\n"
    "Bibliography\n\n"
    "Baudelaire, Charles. The Flowers of Evil. Translated by James McGowan. Oxford: "
    "Oxford University Press, 1993.\n\n"
    "Harvey, David. Paris, Capital of Modernity. New York: Routledge, 2003.\n"
)


def test_a_poems_note_cites_the_book_the_bibliography_lists() -> None:
    audit = _audit(_POEMS)
    assert audit.extraction is not None
    assert [(c.short_title, c.book) for c in audit.extraction.citations] == [
        ("The Swan", "The Flowers of Evil"),
        ("Paris, Capital of Modernity", None),
    ]
    assert _findings(audit) == []


def test_a_poems_note_whose_book_is_not_listed_is_unmatched() -> None:
    text = _POEMS.replace("in The Flowers of Evil, trans.", "in Les Fleurs du mal, trans.")
    assert [code for code, _ in _findings(_audit(text))] == ["CIT101", "CIT102"]


def test_a_source_quoted_from_an_edition_cites_the_edition() -> None:
    text = _POEMS.replace(
        '1. Charles Baudelaire, "The Swan," in The Flowers of Evil',
        "1. Le Cygne, in Charles Baudelaire, The Flowers of Evil",
    )
    assert _findings(_audit(text)) == []


def test_a_back_link_in_words_is_no_part_of_the_locator() -> None:
    text = _ARTICLE.replace(
        "4. Hamlin, Public Health and Social Justice, 84-86.",
        "4. Hamlin, Public Health and Social Justice, 84-86. back",
    )
    audit = _audit(text)
    assert audit.extraction is not None
    hamlin = [c for c in audit.extraction.citations if c.note == "4"]
    assert [(c.short_title, c.locator) for c in hamlin] == [
        ("Public Health and Social Justice", "84-86")
    ]


def test_an_author_supplied_in_brackets_is_read() -> None:
    text = _ARTICLE.replace(
        "1. Steven Johnson, The Ghost Map", "1. [Steven Johnson], The Ghost Map"
    )
    audit = _audit(text)
    assert audit.extraction is not None
    assert audit.extraction.citations[0].authors == ("Johnson",)
    assert _findings(audit) == []


def test_the_authors_name_in_a_title_is_no_second_author() -> None:
    text = (
        "Paris was rebuilt.[1] Its prefect wrote it up.[2]\n\nNotes\n\n"
        "1. David P. Jordan, Transforming Paris: The Life and Labors of Baron Haussmann "
        "(New York: Free Press, 1995), 3.\n"
        "2. Georges-Eugène Haussmann, Mémoires du Baron Haussmann, 3 vols. (Paris: "
        "Victor-Havard, 1890-93), 3:55.\n\nBibliography\n\n"
        "Haussmann, Georges-Eugène. Mémoires du Baron Haussmann. 3 vols. Paris: "
        "Victor-Havard, 1890-93.\n\n"
        "Jordan, David P. Transforming Paris: The Life and Labors of Baron Haussmann. New "
        "York: Free Press, 1995.\n"
    )
    audit = _audit(text)
    assert audit.extraction is not None
    assert [c.authors for c in audit.extraction.citations] == [("Jordan",), ("Haussmann",)]
    assert _findings(audit) == []


def test_a_note_fits_an_entry_whose_title_the_parser_cut_short() -> None:
    # The parser reads "Daniel H. Burnham:" as part of the names, the title as
    # "Architect, Planner of Cities"; the note's title is all in the entry's words.
    text = (
        "The plan made no little plans.[1] Its author said so.[2]\n\nNotes\n\n"
        "1. Carl Smith, The Plan of Chicago (Chicago: University of Chicago Press, 2006), 1.\n"
        "2. Charles Moore, Daniel H. Burnham: Architect, Planner of Cities, 2 vols. (Boston: "
        "Houghton Mifflin, 1921), 2:147.\n\nBibliography\n\n"
        "Moore, Charles. Daniel H. Burnham: Architect, Planner of Cities. 2 vols. Boston: "
        "Houghton Mifflin, 1921.\n\n"
        "Smith, Carl. The Plan of Chicago. Chicago: University of Chicago Press, 2006.\n"
    )
    assert _findings(_audit(text)) == []


def test_a_short_title_opening_one_title_picks_it_over_one_holding_its_words() -> None:
    text = (
        "Households worked harder.[1] Demand rose with them.[2] So it went.[3]\n\n"
        "Notes\n\n"
        '1. Jan de Vries, "The Industrial Revolution and the Industrious Revolution," '
        "Journal of Economic History 54, no. 2 (1994): 249.\n"
        "2. Jan de Vries, The Industrious Revolution: Consumer Behavior and the Household "
        "Economy, 1650 to the Present (Cambridge: Cambridge University Press, 2008), 10.\n"
        "3. De Vries, Industrious Revolution, 71-72.\n\nBibliography\n\n"
        'De Vries, Jan. "The Industrial Revolution and the Industrious Revolution." '
        "Journal of Economic History 54, no. 2 (1994): 249-70.\n\n"
        "———. The Industrious Revolution: Consumer Behavior and the Household Economy, "
        "1650 to the Present. Cambridge: Cambridge University Press, 2008.\n"
    )
    audit = _audit(text)
    assert _findings(audit) == []
    assert audit.extraction is not None
    (link,) = [lk for lk in audit.links if lk.citation.note == "3"]
    assert [r.year for r in link.references] == ["2008"]


def test_a_surname_opening_with_any_listed_particle_is_read_whole() -> None:
    text = (
        "Housework was work.[1] It was paid nothing.[2]\n\nNotes\n\n"
        "1. Mariarosa dalla Costa, The Power of Women and the Subversion of the Community "
        "(Bristol: Falling Wall Press, 1972), 19.\n"
        "2. Silvia Federici, Wages against Housework (Bristol: Falling Wall Press, "
        "1975), 2.\n\nBibliography\n\n"
        "dalla Costa, Mariarosa. The Power of Women and the Subversion of the Community. "
        "Bristol: Falling Wall Press, 1972.\n"
        "Federici, Silvia. Wages against Housework. Bristol: Falling Wall Press, 1975.\n"
    )
    bibliography = _span_of(text, text[text.index("Bibliography") :])
    notes = read_notes(text, bibliography, {"dallacosta", "federici"})
    assert notes is not None
    assert [c.authors for c in notes.citations] == [("dalla Costa",), ("Federici",)]


def test_notes_that_remark_beside_an_author_year_list_are_not_read() -> None:
    text = (
        "Attendance rose (Smith, 2010).[1] It fell later (Jones, 2012).[2]\n\nNotes\n\n"
        "1. See Smith (2010) for the figures.\n"
        "2. Jones, personal communication, 12.\n\nReferences\n\n"
        "Jones, A. (2012). Falling attendance. Journal of Things, 4, 1-9.\n\n"
        "Smith, B. (2010). Rising attendance. Journal of Things, 2, 3-8.\n"
    )
    bibliography = _span_of(text, text[text.index("References") :])
    assert read_notes(text, bibliography, {"smith", "jones"}) is None


def test_markdown_footnotes_after_the_bibliography_are_read() -> None:
    text = (
        "# The penny press\n\nThe cheap newspaper changed politics.[^1] Its account "
        "begins in the 1830s.[^2]\n\n## Bibliography\n\n"
        "Schudson, Michael. *Discovering the News: A Social History of American "
        "Newspapers*. New York: Basic Books, 1978.\n\n"
        "Starr, Paul. *The Creation of the Media*. New York: Basic Books, 2004.\n\n"
        "[^1]: Michael Schudson, *Discovering the News* (New York: Basic Books, 1978), 12.\n"
        "[^2]: Schudson, *Discovering the News*, 31; Paul Starr, *The Creation of the "
        "Media* (New York: Basic Books, 2004), 9.\n"
    )
    audit = _audit(text, "penny.md")
    assert audit.extraction is not None
    assert [(c.note, c.authors) for c in audit.extraction.citations] == [
        ("1", ("Schudson",)),
        ("2", ("Schudson",)),
        ("2", ("Starr",)),
    ]
    assert _findings(audit) == []


def test_html_notes_marked_by_superscripts_are_read() -> None:
    html = (
        "<html><body><p>The cheap newspaper changed politics.<sup><a href='#n1'>1</a></sup>"
        " Its account begins in the 1830s.<sup><a href='#n2'>2</a></sup></p>"
        "<h2>Notes</h2><ol>"
        "<li id='n1'>Michael Schudson, <em>Discovering the News</em> (New York: Basic "
        "Books, 1978), 12.</li>"
        "<li id='n2'>Paul Starr, <em>The Creation of the Media</em> (New York: Basic "
        "Books, 2004), 9.</li></ol>"
        "<h2>Bibliography</h2>"
        "<p>Schudson, Michael. <em>Discovering the News</em>. New York: Basic Books, 1978.</p>"
        "<p>Starr, Paul. <em>The Creation of the Media</em>. New York: Basic Books, 2004.</p>"
        "</body></html>"
    )
    audit = _audit(html, "penny.html")
    assert audit.extraction is not None
    assert [c.note for c in audit.extraction.citations] == ["1", "2"]
    assert _findings(audit) == []


def test_pandocs_headingless_footnotes_after_the_bibliography_are_read() -> None:
    # Pandoc's HTML: the notes' section says by its role what a heading would.
    html = (
        "<html><body><p>The cheap newspaper changed politics.<sup id='fnref1'>"
        "<a href='#fn1'>1</a></sup> Its account begins in the 1830s.<sup id='fnref2'>"
        "<a href='#fn2'>2</a></sup></p>"
        "<h2>Bibliography</h2><ul>"
        "<li>Schudson, Michael. <em>Discovering the News</em>. New York: Basic Books, 1978.</li>"
        "<li>Starr, Paul. <em>The Creation of the Media</em>. New York: Basic Books, 2004.</li>"
        "</ul><section class='footnotes' role='doc-endnotes'><hr><ol>"
        "<li id='fn1'><p>Michael Schudson, <em>Discovering the News</em> (New York: Basic "
        "Books, 1978), 12. <a href='#fnref1' role='doc-backlink'>↩</a></p></li>"
        "<li id='fn2'><p>Paul Starr, <em>The Creation of the Media</em> (New York: Basic "
        "Books, 2004), 9. <a href='#fnref2' role='doc-backlink'>↩</a></p></li>"
        "</ol></section></body></html>"
    )
    audit = _audit(html, "penny.html")
    assert audit.extraction is not None
    assert audit.extraction.section is not None
    assert len(audit.extraction.section.entries) == 2
    assert [c.note for c in audit.extraction.citations] == ["1", "2"]
    assert _findings(audit) == []


def test_endnotes_after_the_bibliography_are_read() -> None:
    text = _TEXT + _BIBLIOGRAPHY + "\n" + _NOTES
    audit = _audit(text)
    assert audit.extraction is not None
    assert len(audit.extraction.citations) == 6
    assert _findings(audit) == []


def _span_of(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


_NOTES_ONLY = _TEXT + _NOTES


def test_full_notes_are_the_references_of_an_article_without_a_bibliography() -> None:
    audit = _audit(_NOTES_ONLY)
    assert audit.extraction is not None
    assert [(r.first_family, r.year) for r in audit.extraction.references] == [
        ("Johnson", "2006"),
        ("Vinten-Johansen", "2003"),
        ("Pelling", "1978"),
        ("Hamlin", "1998"),
        ("Koch", "2011"),
    ]
    assert _findings(audit) == []


def _as_markdown_footnotes(text: str) -> str:
    """The notes as Markdown footnotes, with no heading: "[1]" marks become "[^1]"."""
    body, notes = text.split("Notes\n\n")
    body = re.sub(r"\[(\d)\]", r"[^\1]", body)
    notes = re.sub(r"^(\d)\. ", r"[^\1]: ", notes, flags=re.MULTILINE)
    return body + notes.replace("\n[^", "\n\n[^")


def test_markdown_footnotes_citing_works_again_are_notes_not_a_list() -> None:
    # Read as a numbered list, the short notes would be incomplete entries.
    audit = _audit(_as_markdown_footnotes(_NOTES_ONLY), "essay.md")
    assert audit.extraction is not None
    assert audit.extraction.cited_by_notes
    assert [r.first_family for r in audit.extraction.references] == [
        "Johnson", "Vinten-Johansen", "Pelling", "Hamlin", "Koch",
    ]  # fmt: skip
    assert _findings(audit) == []


def test_a_short_note_of_a_work_no_full_note_gives_is_reported() -> None:
    text = _NOTES_ONLY.replace(
        "4. Hamlin, Public Health", "4. Porter, Greatest Benefit, 12; Hamlin, Public Health"
    )
    assert _findings(_audit(text)) == [
        ("CIT101", "Note 4 cites `Porter, Greatest Benefit, 12`, a work no full note gives")
    ]


def test_a_short_note_misspelling_a_full_notes_author_is_an_author_mismatch() -> None:
    text = _NOTES_ONLY.replace("4. Hamlin, Public Health", "4. Hamblin, Public Health")
    (finding,) = _audit(text).diagnostics
    assert (finding.code, finding.message) == (
        "CIT104",
        "Author mismatch: cited as `Hamblin`, the full note has `Hamlin (1998)`",
    )
    assert [r.message for r in finding.related] == ["full note"]


def test_a_short_note_fitting_two_works_of_the_full_notes_is_ambiguous() -> None:
    text = _NOTES_ONLY.replace(
        "6. This is a point about method, not about the sources.",
        "6. Christopher Hamlin, Cholera: The Biography (Oxford: Oxford University Press, "
        "2009), 3.\n7. Hamlin, 12.",
    ).replace("that debate.[6]", "that debate.[6] Again.[7]")
    assert _findings(_audit(text)) == [
        (
            "CIT105",
            "Ambiguous citation: `Hamlin, 12` fits 2 works of the full notes: "
            "`Hamlin (1998)`, `Hamlin (2009)`",
        )
    ]


def test_an_archive_note_is_no_short_note() -> None:
    text = _NOTES_ONLY.replace(
        "6. This is a point about method, not about the sources.",
        "6. London, British Library, Add MS 4321, fol. 12.",
    )
    assert _findings(_audit(text)) == []


def test_ibid_in_the_first_note_repeats_nothing() -> None:
    text = _NOTES_ONLY.replace("1. Steven Johnson,", "1. Ibid.; Steven Johnson,")
    assert _findings(_audit(text)) == [
        (
            "CIT109",
            'Malformed citation: `Ibid.` is an "Ibid." in the first note, which has no note '
            "before it to repeat",
        )
    ]


def test_a_mark_past_the_last_note_names_no_note() -> None:
    text = _ARTICLE.replace("on that debate.[6]", "on that debate.[6] It ends.[7]")
    assert _findings(_audit(text)) == [
        ("CIT108", "Note mark `7` names no note: the notes end at 6")
    ]


def test_a_note_names_three_authors_as_chicago_does() -> None:
    text = (
        "It spread.[1] Then again.[2]\n\nNotes\n\n"
        '1. Ann Brown, Carl Dietz, and Eva Frank, "Water and Fever," Journal of '
        "Urban History 12, no. 3 (1986): 45-67.\n"
        '2. Gail Hart and Ian Jones, "Fever Hospitals," Medical History 30 (1986): 1-20.\n'
    )
    audit = _audit(text)
    assert audit.extraction is not None
    assert [r.first_family for r in audit.extraction.references] == ["Brown", "Hart"]
    assert _findings(audit) == []


def test_notes_that_only_remark_leave_an_article_without_references() -> None:
    text = "It held.[1] It fell.[2]\n\nNotes\n\n1. The figure is rounded.\n2. See the appendix.\n"
    audit = _audit(text)
    assert audit.extraction is not None
    assert audit.extraction.references == ()


def test_notes_labelled_in_brackets_and_a_late_capital_cue_are_read() -> None:
    text = _ARTICLE.replace("\n1. Steven", "\n[1] Steven").replace("\n2. Peter", "\n[2] Peter")
    text = text.replace(
        "6. This is a point about method, not about the sources.",
        "6. Koch's phrase is apt. See Tom Koch, Disease Maps: Epidemics on the Ground "
        "(Chicago: University of Chicago Press, 2011), 80.",
    )
    audit = _audit(text)
    assert audit.extraction is not None
    assert [c.note for c in audit.extraction.citations] == ["1", "2", "3", "3", "4", "5", "6"]
    assert _findings(audit) == []


def test_a_suffix_after_a_spoken_name_is_no_surname() -> None:
    text = (
        "Law grew.[1] It grew again.[2]\n\nNotes\n\n"
        "1. Oliver Wendell Holmes Jr., The Common Law (1881; repr., New York: Dover, 1991), 1.\n"
        "2. Holmes, Common Law, 5.\n\nBibliography\n\n"
        "Holmes, Oliver Wendell, Jr. The Common Law. 1881. Reprint, New York: Dover, 1991.\n"
    )
    audit = _audit(text)
    assert audit.extraction is not None
    assert [c.authors for c in audit.extraction.citations] == [("Holmes",), ("Holmes",)]
    assert _findings(audit) == []


def test_a_short_note_of_name_and_page_fits_both_works_of_its_author() -> None:
    text = _ARTICLE.replace("4. Hamlin, Public Health and Social Justice,", "4. Hamlin,")
    text = text.replace(
        "Hamlin, Christopher. Public",
        "Hamlin, Christopher. Cholera: The Biography. Oxford: Oxford University Press, "
        "2009.\n\nHamlin, Christopher. Public",
    )
    assert [code for code, _ in _findings(_audit(text))] == ["CIT105"]


def test_a_misspelt_short_note_beside_a_bibliography_is_an_author_mismatch() -> None:
    text = _ARTICLE.replace("4. Hamlin, Public Health", "4. Hamlni, Public Health")
    assert [code for code, _ in _findings(_audit(text))] == ["CIT104"]


def test_a_short_title_may_drop_the_titles_first_words() -> None:
    text = _ARTICLE.replace(
        "4. Hamlin, Public Health and Social Justice", "4. Hamlin, Social Justice"
    )
    assert _findings(_audit(text)) == []


def test_a_web_pages_back_link_ends_no_note() -> None:
    text = _ARTICLE.replace(
        "4. Hamlin, Public Health and Social Justice, 84-86.", "4. Hamlni, Public Health, 84-86. ↑"
    )
    assert [code for code, _ in _findings(_audit(text))] == ["CIT104"]


_ARCHIVE = (
    "The logbooks survive.[1] Riis saw it otherwise.[2]\n\nNotes\n\n"
    "1. Visitor logbook, 1905-12, Box 1, Folder 3, Hartley Settlement House Records, "
    "Eastside Historical Archive, New York.\n"
    "2. Jacob A. Riis, The Battle with the Slum (New York: Macmillan, 1902), 4-6; "
    'Lower East Side Tenement Museum, "97 Orchard Street," accessed April 9, 2024.\n\n'
    "Sources\n\n"
    "DeForest, Robert W., and Lawrence Veiller, eds. The Tenement House Problem. 2 vols. "
    "New York: Macmillan, 1903.\n\n"
    "Hartley Settlement House Records. Eastside Historical Archive, New York.\n\n"
    'Lower East Side Tenement Museum. "97 Orchard Street." Accessed April 9, 2024. '
    "https://www.tenement.org/.\n\n"
    "Riis, Jacob A. The Battle with the Slum. New York: Macmillan, 1902.\n"
)


def test_an_archives_collection_between_entries_is_one() -> None:
    audit = _audit(_ARCHIVE)
    assert audit.extraction is not None
    assert [r.raw.split(".")[0] for r in audit.extraction.references] == [
        "DeForest, Robert W",
        "Hartley Settlement House Records",
        "Lower East Side Tenement Museum",
        "Riis, Jacob A",
    ]


def test_a_collection_named_in_a_note_is_cited_and_needs_no_year() -> None:
    findings = _findings(_audit(_ARCHIVE))
    assert [f for f in findings if "entry 2" in f[1] or "Records" in f[1]] == []


def test_a_collection_before_a_weakly_read_entry_is_one_and_needs_no_title() -> None:
    # A newspaper's editorial reads weakly ("New York Times. ... 1963."): the list still
    # goes on after the collection, and the collection's name is its title.
    text = _ARCHIVE.replace(
        "Hartley Settlement House Records. Eastside Historical Archive, New York.\n\n",
        "Jane Jacobs Papers. John J. Burns Library, Boston College, Chestnut Hill, MA.\n\n"
        'New York Times. "Farewell to Penn Station." Editorial, October 30, 1963.\n\n',
    ).replace("Hartley Settlement House Records, Eastside", "Jane Jacobs Papers, Burns")
    audit = _audit(text)
    assert audit.extraction is not None
    assert [r.raw.split(".")[0] for r in audit.extraction.references] == [
        "DeForest, Robert W",
        "Jane Jacobs Papers",
        "New York Times",
        "Lower East Side Tenement Museum",
        "Riis, Jacob A",
    ]
    assert [f for f in _findings(audit) if f[0] == "CIT110"] == []


def test_a_web_page_dated_by_its_access_needs_no_year() -> None:
    assert [f for f in _findings(_audit(_ARCHIVE)) if f[0] == "CIT110"] == []


_LUCK = (
    "Luck matters.^1 It does.^2 Again.^3\n\nNotes\n\n"
    '^1 Thomas Nagel, "Moral Luck," in Mortal Questions (Cambridge: Cambridge University '
    "Press, 1979), 26.\n"
    '^2 Nagel, "Moral Luck," 35-38. For a reply, see Margaret Urban Walker, "Moral Luck '
    'and the Virtues of Impure Agency," Metaphilosophy 22 (1991): 14-27.\n'
    '^3 Nagel, Mortal Questions, 30, and Walker, "Impure Agency," 20.\n\n'
    "Select Bibliography\n\n"
    'Nagel, Thomas. "Moral Luck." In Mortal Questions, 24-38. Cambridge: Cambridge '
    "University Press, 1979.\n"
    'Walker, Margaret Urban. "Moral Luck and the Virtues of Impure Agency." '
    "Metaphilosophy 22 (1991): 14-27.\n"
)


def test_caret_labels_and_a_select_bibliography_are_read() -> None:
    audit = _audit(_LUCK)
    assert audit.extraction is not None
    assert [r.first_family for r in audit.extraction.references] == ["Nagel", "Walker"]
    assert [c.note for c in audit.extraction.citations] == ["1", "2", "2", "3", "3"]


def test_commentary_after_a_locator_parts_the_note() -> None:
    audit = _audit(_LUCK)
    assert audit.extraction is not None
    assert [(c.authors, c.year) for c in audit.extraction.citations if c.note == "2"] == [
        (("Nagel",), None),
        (("Walker",), "1991"),
    ]
    assert _findings(audit) == []


def test_every_word_of_a_notes_title_tells_an_authors_works_apart() -> None:
    text = (
        "He sailed.[1] He died.[2]\n\nNotes\n\n"
        "1. Janet Browne, Charles Darwin: Voyaging (New York: Knopf, 1995), 12.\n"
        "2. Janet Browne, Charles Darwin: The Power of Place (New York: Knopf, 2002), 490.\n\n"
        "Bibliography\n\n"
        "Browne, Janet. Charles Darwin: The Power of Place. New York: Knopf, 2002.\n\n"
        "Browne, Janet. Charles Darwin: Voyaging. New York: Knopf, 1995.\n"
    )
    audit = _audit(text)
    assert [lk.status for lk in audit.links] == ["linked", "linked"]
    assert _findings(audit) == []


def test_a_quoted_short_title_is_no_work_of_its_own_without_a_bibliography() -> None:
    text = (
        "She asked.[1] Others answered.[2] She went on.[3]\n\nNotes\n\n"
        '1. Linda Nochlin, "Why Have There Been No Great Women Artists?," ARTnews 69, '
        "no. 9 (1971): 22-39.\n"
        "2. Mary D. Garrard, Artemisia Gentileschi (Princeton, NJ: Princeton University "
        "Press, 1989), 5.\n"
        '3. Nochlin, "No Great Women Artists?," 24.\n'
    )
    audit = _audit(text)
    assert audit.extraction is not None
    assert [r.first_family for r in audit.extraction.references] == ["Nochlin", "Garrard"]
    assert _findings(audit) == []
