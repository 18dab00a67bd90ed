"""Visible text of Markdown and HTML, and the map from that text back to the source.

Most tests find a piece of the extracted text and check the 1-based line and column
it maps to in the source; the expected positions were counted by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck import markup
from citecheck.document import Document, TextBuilder
from citecheck.markup import html_document, markdown_document


def md(source: str) -> Document:
    return markdown_document("article.md", source)


def html(source: str) -> Document:
    return html_document("article.html", source)


def pos(doc: Document, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """Line and column in the source of the ``occurrence``-th ``needle`` in the text."""
    index = -1
    for _ in range(occurrence):
        index = doc.text.index(needle, index + 1)
    p = doc.position(index)
    return p.line, p.column


def spans(doc: Document, kind: str) -> list[str]:
    found = {
        "headings": doc.headings,
        "superscripts": doc.superscripts,
        "code": doc.code,
        "link targets": doc.link_targets,
    }[kind]
    return [doc.text[s.start : s.end] for s in found]


# ----------------------------------------------------------------------- Document


def test_markdown_document_fields() -> None:
    doc = markdown_document("notes/a.md", "Text\n", encoding="cp1252")
    assert (doc.path, doc.format, doc.encoding, doc.map.source) == (
        "notes/a.md",
        "markdown",
        "cp1252",
        "Text\n",
    )


def test_html_document_fields() -> None:
    doc = html_document("a.html", "<p>Text</p>", encoding="utf-16")
    assert (doc.path, doc.format, doc.encoding, doc.text) == ("a.html", "html", "utf-16", "Text")


# ------------------------------------------------------------------ Markdown blocks


def test_md_plain_lines_are_copied_verbatim_with_blank_lines() -> None:
    source = "Ketamine acts within hours.\nIts effect fades in a week.\n\n\nA new paragraph.\n"
    assert md(source).text == source


def test_md_yaml_front_matter_produces_no_text() -> None:
    doc = md("---\ntitle: Ketamine\ntags: [a, b]\n---\n\nKetamine acts fast.\n")
    assert doc.text == "Ketamine acts fast.\n"
    assert pos(doc, "fast") == (6, 15)


def test_md_toml_front_matter_produces_no_text() -> None:
    doc = md('+++\ntitle = "Ketamine"\n+++\nBody.\n')
    assert doc.text == "Body.\n"
    assert pos(doc, "Body") == (4, 1)


def test_md_unclosed_front_matter_is_a_thematic_break() -> None:
    assert md("---\ntitle: x\n").text == "title: x\n"


def test_md_atx_heading_markers_are_stripped_and_recorded() -> None:
    doc = md("Intro.\n\n## Methods and results ##\n\nWe dosed mice.\n")
    assert doc.text == "Intro.\n\nMethods and results\n\nWe dosed mice.\n"
    assert spans(doc, "headings") == ["Methods and results"]
    assert pos(doc, "Methods") == (3, 4)
    assert pos(doc, "results") == (3, 16)


def test_md_atx_heading_keeps_a_hash_that_is_part_of_the_text() -> None:
    doc = md("# Notes on C#\n")
    assert spans(doc, "headings") == ["Notes on C#"]


def test_md_heading_is_set_apart_from_the_paragraph_before_and_after() -> None:
    doc = md("Last line of the discussion.\n# References\n1. Zarate CA. 2006.\n")
    assert doc.text == "Last line of the discussion.\n\nReferences\n\n1. Zarate CA. 2006.\n"
    assert pos(doc, "1. Zarate") == (3, 1)


def test_md_hash_without_space_is_not_a_heading() -> None:
    doc = md("#hashtag and #5\n")
    assert (doc.text, doc.headings) == ("#hashtag and #5\n", ())


def test_md_setext_heading_drops_the_underline() -> None:
    doc = md("References\n----------\nBerman RM. 2000.\n")
    assert doc.text == "References\n\nBerman RM. 2000.\n"
    assert spans(doc, "headings") == ["References"]
    assert pos(doc, "Berman") == (3, 1)


def test_md_setext_heading_with_equals_signs() -> None:
    doc = md("Ketamine and mTOR\n===\n")
    assert spans(doc, "headings") == ["Ketamine and mTOR"]


def test_md_heading_levels_follow_hashes_and_underlines() -> None:
    doc = md("Title\n=====\n\nPart\n----\n\n### Sources\n\n###### Small\n")
    assert doc.heading_levels == (1, 2, 3, 6)


def test_md_dashes_after_a_list_item_are_a_thematic_break_not_a_heading() -> None:
    doc = md("- Li N. 2010.\n---\n")
    assert (doc.text, doc.headings) == ("- Li N. 2010.\n", ())


def test_md_thematic_breaks_produce_no_text() -> None:
    doc = md("Above.\n\n* * *\n\n___\n\nBelow.\n")
    assert doc.text == "Above.\n\n\n\nBelow.\n"  # the three blank lines stay
    assert pos(doc, "Below") == (7, 1)


def test_md_fenced_code_produces_no_text_and_leaves_a_blank_line() -> None:
    doc = md("Before the code.\n```python\nx = '*not emphasis*'\n```\nAfter the code.\n")
    assert doc.text == "Before the code.\n\nAfter the code.\n"
    assert pos(doc, "After") == (5, 1)


def test_md_tilde_fence_closes_only_on_a_long_enough_fence() -> None:
    doc = md("~~~~\n~~~\nstill code\n~~~~\nText.\n")
    assert doc.text == "Text.\n"


def test_md_unclosed_fence_hides_the_rest_and_warns() -> None:
    doc = md("Text.\n\n```\ncode\n")
    assert doc.text == "Text.\n\n"
    assert doc.warnings == ("line 3: unclosed code fence; the rest of the file is not read",)


def test_md_html_comment_lines_produce_no_text() -> None:
    doc = md("First.\n<!-- citecheck: ignore\n   spanning lines -->\nSecond.\n")
    assert doc.text == "First.\n\nSecond.\n"
    assert pos(doc, "Second") == (4, 1)


def test_md_text_after_a_comment_on_its_last_line_is_kept() -> None:
    doc = md("<!-- note --> Visible text.\n")
    assert doc.text == " Visible text.\n"
    assert pos(doc, "Visible") == (1, 15)


def test_md_inline_comment_produces_no_text() -> None:
    doc = md("Dose <!-- check -->was 0.5 mg/kg.\n")
    assert doc.text == "Dose was 0.5 mg/kg.\n"
    assert pos(doc, "was") == (1, 20)


def test_md_script_block_produces_no_text() -> None:
    doc = md("Before.\n<script>\nvar s = '*x*';\n</script>\nAfter.\n")
    assert doc.text == "Before.\n\nAfter.\n"
    assert pos(doc, "After") == (5, 1)


def test_md_blockquote_markers_are_stripped() -> None:
    doc = md("> Ketamine is *fast*.\n> > Nested quote.\n")
    assert doc.text == "Ketamine is fast.\nNested quote.\n"
    assert pos(doc, "fast") == (1, 16)
    assert pos(doc, "Nested") == (2, 5)


def test_md_list_markers_are_kept_verbatim() -> None:
    doc = md("- Li N, et al. 2010.\n* Duman RS. 2012.\n+ Zanos P. 2016.\n3) Berman RM. 2000.\n")
    assert (
        doc.text
        == "- Li N, et al. 2010.\n* Duman RS. 2012.\n+ Zanos P. 2016.\n3) Berman RM. 2000.\n"
    )
    assert pos(doc, "3) Berman") == (4, 1)


def test_md_wrapped_list_item_keeps_its_continuation_line() -> None:
    source = "1. Zarate CA, Singh JB. A randomized trial of an N-methyl-D-aspartate\n   antagonist. *Arch Gen Psychiatry*. 2006;63:856-864.\n"
    doc = md(source)
    assert doc.text == source.replace("*", "")
    assert pos(doc, "Arch") == (2, 17)


def test_md_table_is_copied_verbatim() -> None:
    source = "| Study | Year |\n|---|---|\n| Berman | 2000 |\n"
    assert md(source).text == source


def test_md_link_definitions_produce_no_text() -> None:
    doc = md('Text.\n\n[li2010]: https://doi.org/10.1126/science.1190287 "Li 2010"\n')
    assert doc.text == "Text.\n\n"


def test_md_reference_line_that_looks_like_a_definition_is_text() -> None:
    source = "[1]: Li N, Lee B, Liu RJ, et al. Science. 2010;329:959-964.\n"
    assert md(source).text == source


# ------------------------------------------------------------------ Markdown inline


def test_md_strong_emphasis_markers_are_removed() -> None:
    doc = md("**References**\n")
    assert doc.text == "References\n"
    assert pos(doc, "References") == (1, 3)


def test_md_emphasis_markers_of_every_kind_are_removed() -> None:
    doc = md("A *b* _c_ __d__ ***e*** ~~f~~ g\n")
    assert doc.text == "A b c d e f g\n"
    assert pos(doc, "g") == (1, 31)


def test_md_underscores_inside_words_are_kept() -> None:
    assert md("snake_case_name and dose_2_mg stay\n").text == "snake_case_name and dose_2_mg stay\n"


def test_md_spaced_asterisk_is_not_emphasis() -> None:
    assert md("2 * 3 = 6 and 4 * 5 = 20\n").text == "2 * 3 = 6 and 4 * 5 = 20\n"


def test_md_single_tilde_is_not_strikethrough() -> None:
    assert md("about ~5 mg or ~10 mg\n").text == "about ~5 mg or ~10 mg\n"


def test_md_emphasis_may_span_lines_of_a_paragraph() -> None:
    doc = md("Zarate CA. *Arch Gen\nPsychiatry*. 2006.\n")
    assert doc.text == "Zarate CA. Arch Gen\nPsychiatry. 2006.\n"
    assert pos(doc, "Psychiatry") == (2, 1)
    assert pos(doc, ". 2006") == (2, 12)


def test_md_emphasis_does_not_cross_a_blank_line() -> None:
    assert md("*one\n\ntwo*\n").text == "*one\n\ntwo*\n"


def test_md_unmatched_asterisk_is_literal() -> None:
    assert md("p *0.05 and more\n").text == "p *0.05 and more\n"


def test_md_underscores_in_a_bare_url_are_kept() -> None:
    doc = md("See https://example.org/_data/file_ and _this_.\n")
    assert doc.text == "See https://example.org/_data/file_ and this.\n"


def test_md_inline_code_keeps_its_content_without_backticks() -> None:
    doc = md("Run `a * b` and ``x ` y`` now.\n")
    assert doc.text == "Run a * b and x ` y now.\n"
    assert pos(doc, "a * b") == (1, 6)
    assert pos(doc, "x ` y") == (1, 19)


def test_md_unmatched_backtick_is_literal() -> None:
    assert md("a ` b\n").text == "a ` b\n"


def test_md_backslash_escapes_drop_the_backslash() -> None:
    doc = md(r"Not \*emphasis\* and C:\path" + "\n")
    assert doc.text == "Not *emphasis* and C:\\path\n"
    assert pos(doc, "*emphasis") == (1, 6)
    assert pos(doc, "emphasis*") == (1, 7)


def test_md_entities_are_decoded() -> None:
    doc = md("Li &amp; Duman&nbsp;2012 &ndash; see &bogus; x\n")
    assert doc.text == "Li & Duman 2012 – see &bogus; x\n"
    assert pos(doc, "&") == (1, 4)
    assert pos(doc, "2012") == (1, 21)
    assert pos(doc, "see") == (1, 34)


def test_md_link_becomes_text_and_url() -> None:
    doc = md('Shown by [Li et al.](https://doi.org/10.1126/science.1190287 "Li 2010") in mice.\n')
    assert doc.text == "Shown by Li et al. https://doi.org/10.1126/science.1190287 in mice.\n"
    assert pos(doc, "Li et al.") == (1, 11)
    assert pos(doc, "https") == (1, 22)
    assert pos(doc, " in mice") == (1, 72)


def test_md_link_url_shown_after_its_text_is_a_link_target() -> None:
    doc = md("Scores fell ([Madigan, 2019](https://pubmed.ncbi.nlm.nih.gov/30688984/)).\n")
    assert spans(doc, "link targets") == ["https://pubmed.ncbi.nlm.nih.gov/30688984/"]


def test_md_link_destination_with_balanced_parentheses() -> None:
    doc = md("[Berman](https://doi.org/10.1016/S0006-3223(99)00230-9).\n")
    assert doc.text == "Berman https://doi.org/10.1016/S0006-3223(99)00230-9.\n"


def test_md_link_destination_in_angle_brackets() -> None:
    assert md("[a](<https://example.org/a b>)\n").text == "a https://example.org/a b\n"


def test_md_fragment_link_keeps_only_its_text() -> None:
    assert md("see [Table 2](#table-2).\n").text == "see Table 2.\n"


def test_md_link_whose_text_is_its_url_is_not_doubled() -> None:
    doc = md("[https://example.org](https://example.org)\n")
    assert doc.text == "https://example.org\n"


def test_md_link_whose_text_is_its_doi_is_not_doubled() -> None:
    doc = md("doi:[10.1001/archpsyc.63.8.856](https://doi.org/10.1001/archpsyc.63.8.856)\n")
    assert doc.text == "doi:10.1001/archpsyc.63.8.856\n"


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("as shown [1](#ref1).\n", "as shown [1].\n"),
        ("as shown [2, 3](#refs).\n", "as shown [2, 3].\n"),
        ("as shown [4–6](#refs).\n", "as shown [4–6].\n"),
    ],
)
def test_md_citation_number_links_keep_their_brackets(source: str, text: str) -> None:
    doc = md(source)
    assert doc.text == text
    assert pos(doc, "[") == (1, 10)
    assert pos(doc, "]") == (1, text.index("]") + 1)


def test_md_reference_style_link_keeps_its_text() -> None:
    doc = md(
        "By [Duman and Aghajanian][da2012] and [Zanos][].\n\n[da2012]: https://doi.org/10.1126/science.1222939\n[zanos]: https://example.org/zanos\n"
    )
    assert doc.text == "By Duman and Aghajanian and Zanos.\n\n"
    assert pos(doc, "Zanos") == (1, 40)


def test_md_shortcut_reference_link_needs_a_definition() -> None:
    doc = md("[Zanos] and [Li].\n\n[zanos]: https://example.org/z\n")
    assert doc.text == "Zanos and [Li].\n\n"


def test_md_bracketed_numbers_without_a_definition_stay_as_written() -> None:
    assert md("Ketamine [1][2] and [3].\n").text == "Ketamine [1][2] and [3].\n"


def test_md_autolink_keeps_the_url() -> None:
    doc = md("Data at <https://doi.org/10.5061/dryad.x> and <a@b.org>.\n")
    assert doc.text == "Data at https://doi.org/10.5061/dryad.x and a@b.org.\n"
    assert pos(doc, "https") == (1, 10)


def test_md_image_produces_no_text() -> None:
    assert md("Before ![Figure 1: *dose*](fig1.png) after.\n").text == "Before  after.\n"


def test_md_footnote_marker_stays_verbatim() -> None:
    doc = md("Ketamine acts fast.[^1]\n\n[^1]: Zarate CA. 2006.\n")
    assert doc.text == "Ketamine acts fast.[^1]\n\n[^1]: Zarate CA. 2006.\n"


def test_md_inline_html_tags_are_removed_and_sup_recorded() -> None:
    doc = md("Fast<sup>1,2</sup> and <span class='x'>slow</span>.\n")
    assert doc.text == "Fast1,2 and slow.\n"
    assert spans(doc, "superscripts") == ["1,2"]
    assert pos(doc, "1,2") == (1, 10)


def test_md_br_tag_becomes_a_line_break() -> None:
    doc = md("one<br>two<br/>three\n")
    assert doc.text == "one\ntwo\nthree\n"
    assert pos(doc, "three") == (1, 16)


def test_md_less_than_sign_in_text_is_kept() -> None:
    assert md("p < 0.05 and a<b\n").text == "p < 0.05 and a<b\n"


def test_md_multibyte_characters_count_as_one_column() -> None:
    doc = md("Müller 🧠 *naïve* café\n")
    assert doc.text == "Müller 🧠 naïve café\n"
    assert pos(doc, "naïve") == (1, 11)
    assert pos(doc, "café") == (1, 18)


def test_md_heading_in_blockquote_after_front_matter() -> None:
    doc = md("---\na: 1\n---\n> ## *Sources*\n")
    assert spans(doc, "headings") == ["Sources"]
    assert pos(doc, "Sources") == (4, 7)


# ----------------------------------------------------------------------- HTML skip


@pytest.mark.parametrize(
    "hidden",
    [
        "<script>var s = '</p><p>x';</script>",
        "<style>p { color: red }</style>",
        "<noscript>Enable JavaScript</noscript>",
        "<template><p>row</p></template>",
        "<nav><a href='/'>Home</a></nav>",
        "<div role='navigation'>Menu</div>",
        "<div role='banner navigation'>Menu</div>",
        "<div role='contentinfo'>Site footer</div>",
        "<footer><ul><li>Privacy policy</li></ul></footer>",
        "<div id='footer'><ul><li>This page was last edited on 9 January 2024.</li></ul></div>",
        "<section id='comments'><p>A night owl for 20 years.</p></section>",
        "<ol class='comment-list'><li>Great read!</li></ol>",
        "<p hidden>Draft</p>",
        "<svg><text>Axis</text></svg>",
        "<canvas>Chart</canvas>",
        "<iframe src='x'>Frame</iframe>",
        "<!-- a comment -->",
        "<!DOCTYPE html>",
        "<?xml version='1.0'?>",
        "<![CDATA[ raw ]]>",
    ],
)
def test_html_invisible_content_produces_no_text(hidden: str) -> None:
    doc = html(f"<div>Before{hidden}After</div>")
    assert doc.text == "BeforeAfter"
    assert pos(doc, "After") == (1, 12 + len(hidden))


def test_an_articles_own_footer_is_text() -> None:
    doc = html("<article><p>Body.</p><footer>Reviewed by Dr Lee</footer></article>")
    assert doc.text == "Body.\n\nReviewed by Dr Lee"


def test_html_head_and_title_produce_no_text() -> None:
    doc = html("<html><head><title>Ketamine</title><meta charset=utf-8></head><body><p>Body</p>")
    assert doc.text == "Body"


def test_html_unclosed_head_ends_at_the_body() -> None:
    doc = html("<head><title>T</title>\n<body><p>Visible</p>")
    assert doc.text == "Visible"


def test_html_unclosed_head_ends_at_text() -> None:
    assert html("<head><title>T</title>Visible").text == "Visible"


def test_html_nested_hidden_element_of_the_same_name() -> None:
    doc = html("<div hidden>a<div>b</div>c</div>d")
    assert doc.text == "d"


# --------------------------------------------------------------------- HTML layout


def test_html_blocks_are_separated_by_one_blank_line() -> None:
    doc = html("<article><section><h2>Intro</h2><div><p>One.</p></div></section><p>Two.</p>")
    assert doc.text == "Intro\n\nOne.\n\nTwo."


def test_html_empty_blocks_add_no_blank_lines() -> None:
    doc = html("<div></div><p> </p><div><p>Only</p></div><div></div>")
    assert doc.text == "Only"


def test_html_br_inserts_a_line_break() -> None:
    doc = html("<p>Zarate CA<br>Singh JB<br/>2006</p>")
    assert doc.text == "Zarate CA\nSingh JB\n2006"
    assert pos(doc, "2006") == (1, 30)


def test_html_many_br_leave_at_most_one_blank_line() -> None:
    assert html("<p>a<br><br><br><br>b</p>").text == "a\n\nb"


def test_html_table_cells_are_separated_by_tabs() -> None:
    doc = html(
        "<table><tr><th>Study</th> <th>Year</th></tr><tr><td>Berman</td><td>2000</td></tr></table>"
    )
    assert doc.text == "Study\tYear\n\nBerman\t2000"


def test_html_unordered_list_items_get_bullets() -> None:
    doc = html("<ul>\n<li>Li N. 2010.</li>\n<li>Duman RS. 2012.</li>\n</ul>")
    assert doc.text == "• Li N. 2010.\n• Duman RS. 2012."
    assert pos(doc, "Duman") == (3, 5)
    assert pos(doc, "•", 2) == (3, 1)


def test_html_ordered_list_items_are_numbered() -> None:
    doc = html("<ol><li>Zarate CA.<li>Berman RM.</ol>")
    assert doc.text == "1. Zarate CA.\n2. Berman RM."
    assert pos(doc, "2.") == (1, 19)
    assert pos(doc, "Berman") == (1, 23)


def test_html_ordered_list_respects_start_and_value() -> None:
    doc = html('<ol start="7" type="a"><li>g</li><li value="12">l</li><li>m</li></ol>')
    assert doc.text == "7. g\n12. l\n13. m"


def test_html_nested_lists_number_each_level() -> None:
    doc = html("<ol><li>Top<ul><li>Sub</li></ul></li><li>Next</li></ol>")
    assert doc.text == "1. Top\n\n• Sub\n\n2. Next"


def test_html_paragraph_inside_a_list_item_stays_on_the_item_line() -> None:
    assert html("<ol><li><p>Zanos P. 2016.</p></li></ol>").text == "1. Zanos P. 2016."


def test_html_headings_are_recorded() -> None:
    doc = html("<h1>Ketamine</h1><p>Text</p><h3> References </h3><ol><li>Li N.</li></ol>")
    assert doc.text == "Ketamine\n\nText\n\nReferences\n\n1. Li N."
    assert spans(doc, "headings") == ["Ketamine", "References"]
    assert pos(doc, "References") == (1, 34)


def test_html_heading_closed_by_the_next_heading() -> None:
    doc = html("<h2>Methods<h2>Results</h2>")
    assert spans(doc, "headings") == ["Methods", "Results"]


@pytest.mark.parametrize(
    "opening",
    ['<section class="footnotes" role="doc-endnotes">', '<div class="footnotes">',
     '<ol class="wp-block-footnotes">', '<aside role="doc-footnotes">'],
)  # fmt: skip
def test_html_notes_without_a_heading_are_headed_by_their_role(opening: str) -> None:
    tag = opening[1:].split()[0]
    doc = html(f"<p>Text.</p>{opening}<p>Note one.</p></{tag}>")
    assert doc.text == "Text.\n\nNotes\n\nNote one."
    assert spans(doc, "headings") == ["Notes"]


def test_html_notes_after_their_heading_get_no_second_one() -> None:
    doc = html('<h2>Footnotes</h2><section class="footnotes"><p>Note one.</p></section>')
    assert doc.text == "Footnotes\n\nNote one."


def test_html_heading_levels_follow_the_tags() -> None:
    doc = html("<h2>Bibliography</h2><h3>Manuscripts</h3><p>x</p><h5>Maps</h5>")
    assert doc.heading_levels == (2, 3, 5)


# ----------------------------------------------------------------- HTML whitespace


def test_html_whitespace_runs_collapse_to_the_position_of_the_run() -> None:
    doc = html("<p>Ketamine\n      acts   fast</p>")
    assert doc.text == "Ketamine acts fast"
    assert pos(doc, " acts") == (1, 12)
    assert pos(doc, "acts") == (2, 7)
    assert pos(doc, "fast") == (2, 14)


def test_html_leading_and_trailing_whitespace_of_a_block_is_dropped() -> None:
    doc = html("<p>\n   First\n</p>\n<p>  Second  </p>")
    assert doc.text == "First\n\nSecond"
    assert pos(doc, "Second") == (4, 6)


def test_html_whitespace_between_inline_elements_is_one_space() -> None:
    assert html("<p><b>Dose</b>\n<i>response</i></p>").text == "Dose response"


def test_html_pre_keeps_its_text_as_written() -> None:
    doc = html("<p>Code:</p><pre>\n  x  =  1\n\ty</pre>")
    assert doc.text == "Code:\n\n  x  =  1\n\ty"
    assert pos(doc, "x") == (2, 3)
    assert pos(doc, "y") == (3, 2)


# ------------------------------------------------------------------ HTML entities


def test_html_entities_are_decoded_at_their_offset() -> None:
    doc = html("<p>Li &amp; Duman &#8211; 2012 &#x2013; x</p>")
    assert doc.text == "Li & Duman – 2012 – x"
    assert pos(doc, "&") == (1, 7)
    assert pos(doc, "–") == (1, 19)
    assert pos(doc, "–", 2) == (1, 32)


def test_html_text_after_an_entity_keeps_its_position() -> None:
    doc = html("<p>A&amp;B&eacute;C</p>")
    assert doc.text == "A&BéC"
    assert pos(doc, "B") == (1, 10)
    assert pos(doc, "C") == (1, 19)


def test_html_nbsp_becomes_a_space() -> None:
    doc = html("<p>Duman et al.,&nbsp;2012</p>")
    assert doc.text == "Duman et al., 2012"
    assert pos(doc, " 2012") == (1, 17)


def test_html_unknown_entity_is_kept_literally() -> None:
    doc = html("<p>AT&T and &foo; x</p>")
    assert doc.text == "AT&T and &foo; x"
    assert pos(doc, "&foo;") == (1, 13)


def test_html_legacy_entity_without_semicolon() -> None:
    assert html("<p>&copy 2020</p>").text == "© 2020"


def test_html_out_of_range_charref_becomes_replacement_character() -> None:
    assert html("<p>a&#99999999;b</p>").text == "a\ufffdb"


# ------------------------------------------------------------------- HTML inline


def test_html_superscript_with_links_is_recorded() -> None:
    doc = html('<p>Fast<sup><a href="#r1">1</a>,<a href="#r2">2</a></sup>.</p>')
    assert doc.text == "Fast1,2."
    assert spans(doc, "superscripts") == ["1,2"]
    assert pos(doc, "1,2") == (1, 27)


def test_html_doi_href_is_appended_after_the_link_text() -> None:
    source = (
        '<li>Zarate CA. 2006. <a\n  href="https://doi.org/10.1001/archpsyc.63.8.856">doi</a>.</li>'
    )
    doc = html(source)
    assert doc.text == "• Zarate CA. 2006. doi https://doi.org/10.1001/archpsyc.63.8.856."
    assert pos(doc, "https") == (2, 9)


def test_html_doi_href_appended_after_the_link_text_is_a_link_target() -> None:
    doc = html(
        '<p>(<a href="https://doi.org/10.1001/jamapediatrics.2018.5056">Madigan, 2019</a>)</p>'
    )
    assert spans(doc, "link targets") == ["https://doi.org/10.1001/jamapediatrics.2018.5056"]


def test_html_doi_prefix_href_is_appended() -> None:
    doc = html('<p><a href="doi:10.1126/science.1222939">Duman 2012</a></p>')
    assert doc.text == "Duman 2012 doi:10.1126/science.1222939"


def test_html_doi_href_is_not_repeated_when_the_text_has_it() -> None:
    doc = html(
        '<p><a href="https://doi.org/10.1126/science.1190287">10.1126/Science.1190287</a></p>'
    )
    assert doc.text == "10.1126/Science.1190287"


def test_html_doi_href_is_not_appended_inside_a_superscript() -> None:
    doc = html('<p>Fast<sup><a href="https://doi.org/10.1126/science.1190287">3</a></sup>.</p>')
    assert (doc.text, spans(doc, "superscripts")) == ("Fast3.", ["3"])


def test_html_ordinary_href_is_not_appended() -> None:
    assert html('<p><a href="https://example.org/li2010">Li 2010</a></p>').text == "Li 2010"


def test_html_multibyte_characters_count_as_one_column() -> None:
    doc = html("<p>Müller 🧠 <b>naïve</b> café</p>")
    assert doc.text == "Müller 🧠 naïve café"
    assert pos(doc, "naïve") == (1, 16)
    assert pos(doc, "café") == (1, 26)


# ------------------------------------------------------------------ HTML malformed


def test_html_unclosed_paragraphs_and_items() -> None:
    doc = html("<p>One<p>Two<ul><li>A<li>B</ul>")
    assert doc.text == "One\n\nTwo\n\n• A\n• B"


def test_html_stray_end_tags_are_ignored() -> None:
    assert html("<p>One</div></span> two</b></p>").text == "One two"


def test_html_less_than_sign_in_text_is_kept() -> None:
    doc = html("<p>p < 0.05 and 3 <= 4 & 5</p>")
    assert doc.text == "p < 0.05 and 3 <= 4 & 5"


def test_html_tag_cut_off_by_the_end_of_the_file_warns() -> None:
    doc = html("<p>Text</p>\n<a href='x")
    assert doc.text == "Text"
    assert doc.warnings == ("line 2: unterminated tag; the rest of the file is not read",)


def test_html_unclosed_script_hides_the_rest_and_warns() -> None:
    doc = html("<p>Text</p>\n\n<script>var x = 1;")
    assert doc.text == "Text"
    assert doc.warnings == ("line 3: unclosed <script>; the rest of the file is not read",)


def test_html_unclosed_comment_hides_the_rest() -> None:
    doc = html("<p>Text</p><!-- draft")
    assert (doc.text, len(doc.warnings)) == ("Text", 1)


def test_html_unknown_marked_section_does_not_raise() -> None:
    assert html("<p>a<![foo[ x ]]>b</p>").text == "ab"


def test_html_malformed_charrefs_do_not_swallow_tags() -> None:
    doc = html("<p>a &#xz; b &#q; <b>c</b> d</p>")
    assert doc.text == "a &#xz; b &#q; c d"


def test_html_attribute_with_greater_than_sign() -> None:
    assert html('<p><img alt="a > b" src="x.png">After</p>').text == "After"


def test_html_self_closing_syntax_closes_the_element() -> None:
    assert html("<p>A<span/>B<iframe src='x'/>C</p>").text == "ABC"


# ----------------------------------------------------------------------- properties


def _checked(read: Callable[[str, str], Document], source: str) -> Document:
    """Run ``read`` with a builder that checks every copy is verbatim and in range."""

    class CheckedBuilder(TextBuilder):
        def copy(self, text: str, source_offset: int) -> None:
            assert source[source_offset : source_offset + len(text)] == text
            super().copy(text, source_offset)

        def insert(self, text: str, source_offset: int) -> None:
            assert 0 <= source_offset <= len(source)
            super().insert(text, source_offset)

    with mock.patch.object(markup, "TextBuilder", CheckedBuilder):
        doc = read("x", source)
    for span in (*doc.headings, *doc.superscripts):
        assert span.end <= len(doc.text)
    return doc


_PIECES = st.sampled_from(
    [
        "<",
        ">",
        "</",
        "&",
        "&#",
        "&#x",
        "&amp;",
        "&nbsp;",
        ";",
        "*",
        "**",
        "_",
        "__",
        "~~",
        "`",
        "```",
        "~~~",
        "[",
        "]",
        "(",
        ")",
        "![",
        "[^1]",
        "\\",
        "#",
        "## ",
        "> ",
        "- ",
        "1. ",
        "---",
        "===",
        "\n",
        "\n\n",
        " ",
        "\t",
        '"',
        "'",
        "=",
        "/",
        "!",
        "?",
        "-->",
        "<!--",
        "<![CDATA[",
        "]]>",
        "<p>",
        "</p>",
        "<li>",
        "<ol start=3>",
        "<ul>",
        "</ol>",
        "<sup>",
        "</sup>",
        "<a href='https://doi.org/10.1/x'>",
        "</a>",
        "<pre>",
        "</pre>",
        "<br>",
        "<h2>",
        "</h2>",
        "<div hidden>",
        "</div>",
        "<script>",
        "</script>",
        "<head>",
        "<td>",
        "<tr>",
        "<table>",
        "<nav>",
        "https://x.org/a_b",
        "x",
        "é",
        "🧠",
        "Duman",
        " et al., 2012",
        "[1](#r1)",
        "[a](b)",
        "[a][b]",
        "[b]: u",
        "<https://x>",
    ]
)
_MARKUP_TEXT = st.lists(_PIECES, max_size=60).map("".join)
_ANY_TEXT = st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_MARKUP_TEXT, _ANY_TEXT))
def test_markdown_never_raises_and_copies_verbatim(source: str) -> None:
    _checked(markdown_document, source)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_MARKUP_TEXT, _ANY_TEXT))
def test_html_never_raises_and_copies_verbatim(source: str) -> None:
    doc = _checked(html_document, source)
    if "pre" not in source.lower():
        assert "\n\n\n" not in doc.text
        assert "  " not in doc.text
        assert not doc.text.startswith(("\n", " "))


# ------------------------------------------------------------ pathological input
# Speed is measured in bench/offline.py; these pin that huge inputs are read whole
# (quadratic behaviour would show there and make these tests crawl).


@pytest.mark.parametrize(
    "unit",
    ["((((a, b, (c, d", "**", "[", "<", "<a ", "<a b='", "&#", "[a](", "*_", "`a", "<!--"],
)
@pytest.mark.parametrize("read", [markdown_document, html_document])
def test_megabyte_line_of_repeated_markup_maps_inside_the_source(
    read: Callable[[str, str], Document], unit: str
) -> None:
    source = unit * (1_000_000 // len(unit))
    doc = read("x", source)
    assert doc.map.source_offset(len(doc.text)) <= len(source)


def _article_html(size: int) -> str:
    block = (
        '<p>Ketamine acts within hours (<a href="#b1">Zarate et al., 2006</a>; Berman et al.,'
        ' 2000)<sup><a href="#r1">1</a>,<a href="#r2">2</a></sup>&nbsp;&#8211; via\n'
        "<em>mTOR</em> signalling (Li et al., 2010).</p>\n<ol>\n<li>Zarate CA, Singh JB."
        " <i>Arch Gen Psychiatry</i>. 2006;63:856&ndash;864."
        ' <a href="https://doi.org/10.1001/archpsyc.63.8.856">doi</a></li>\n</ol>\n'
    )
    return block * (size // len(block))


def _article_markdown(size: int) -> str:
    block = (
        "Ketamine acts within hours (Zarate et al., 2006; Berman et al., 2000)[1](#r1),\n"
        "via *mTOR* signalling shown by [Li et al.](https://doi.org/10.1126/science.1190287)"
        "<sup>2</sup> &ndash; see `mTORC1`.\n\n## Results\n\n> A **quoted** line\n\n"
        "1. Zarate CA, Singh JB. *Arch Gen Psychiatry*. 2006;63:856-864.\n\n"
    )
    return block * (size // len(block))


@pytest.mark.parametrize(
    ("read", "build"),
    [(html_document, _article_html), (markdown_document, _article_markdown)],
)
def test_five_megabyte_article_keeps_every_citation(
    read: Callable[[str, str], Document], build: Callable[[int], str]
) -> None:
    source = build(5_000_000)
    doc = read("x", source)
    assert doc.text.count("Zarate et al., 2006") == source.count("Zarate et al., 2006")


# --------------------------------------------------------------------------- code


def test_markdown_code_spans_are_marked_as_code() -> None:
    doc = md("Run `adata.X[2, 5]` and <code>y[3]</code> with defaults [1].\n")
    assert (doc.text, spans(doc, "code")) == (
        "Run adata.X[2, 5] and y[3] with defaults [1].\n",
        ["adata.X[2, 5]", "y[3]"],
    )


def test_html_code_and_kbd_are_marked_as_code() -> None:
    doc = html("<p>Run <code>x[2]</code>, press <kbd>F[3]</kbd>.</p><pre><code>y[4]</code></pre>")
    assert spans(doc, "code") == ["x[2]", "F[3]", "y[4]"]


@pytest.mark.parametrize(
    "source",
    [
        "Mixed models are ``the default'' (Bates, 2015) and regression is ``classical''.",
        "Mixed models are `the default' (Bates, 2015) and regression is `classical'.",
        "As ``the default'' [2] and ``12-month'' [3] show.",
    ],
)
def test_markdown_latex_quotes_are_not_code(source: str) -> None:
    assert spans(md(source), "code") == []


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("Use `''.join(parts[2])` to join.", "''.join(parts[2])"),
        ("Type `don't [15]` here.", "don't [15]"),
        ("Then `B = A'; B(8)` transposes.", "B = A'; B(8)"),
        ("The paragraph ends in `''.join(parts[2])`", "''.join(parts[2])"),
    ],
)
def test_markdown_code_with_apostrophes_stays_code(source: str, code: str) -> None:
    assert spans(md(source), "code") == [code]


def test_markdown_backticks_typed_as_apostrophes_are_not_code() -> None:
    assert spans(md("Crohn`s disease [3] and Parkinson`s disease [4] differ."), "code") == []


def test_html_empty_code_element_changes_no_text() -> None:
    assert html("<ol><li><samp></samp></li><li>X</li></ol>").text == "2. X"


def test_html_pre_without_code_is_not_code() -> None:
    # Whole plain-text articles are served in one <pre>; their citations count.
    doc = html("<pre>Ketamine acts fast [1].\n\n1. Zarate CA. Trial. 2006.</pre>")
    assert spans(doc, "code") == []


def test_markdown_tex_math_is_marked_as_code() -> None:
    doc = md("The ratio $x_{[k]} / x_{[1]}$ and $$a^{[2]}$$ are order statistics [3].\n")
    assert spans(doc, "code") == ["$x_{[k]} / x_{[1]}$", "$$a^{[2]}$$"]


@pytest.mark.parametrize(
    "source", ["A pack costs $5 and a box $10 [3].\n", "Prices rose from $ 4 to $ 6 [3].\n"]
)
def test_markdown_dollar_amounts_are_not_math(source: str) -> None:
    assert spans(md(source), "code") == []


def test_markdown_pandoc_div_fences_produce_no_text_and_part_blocks() -> None:
    doc = md("# References\n\n::: {#refs .references}\nLee, A. (2019). A title.\n:::\n")
    assert doc.text == "References\n\nLee, A. (2019). A title.\n"


def test_markdown_money_before_a_citation_is_not_math() -> None:
    doc = md("A visit cost $40 [1] (all prices in 2019 US$), and a test $12 [2].\n")
    assert spans(doc, "code") == []
