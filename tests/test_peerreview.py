"""Citation findings in the peer-review material printed after an article's list."""

from __future__ import annotations

import pytest

from citecheck.audit import AuditSettings, FileAudit, audit_document
from citecheck.document import Document
from citecheck.ingest import from_bytes
from citecheck.model import Span
from citecheck.peerreview import PeerReview, find_peer_review
from citecheck.selection import RulePolicy

_ENTRY = (
    "Duman, R. S., & Aghajanian, G. K. (2012). Synaptic dysfunction in depression: "
    "potential therapeutic targets. Science, 338(6103), 68-72."
)
_BODY = "Stress shrinks synapses in the prefrontal cortex (Duman & Aghajanian, 2012).\n\n"


def _audit(name: str, text: str, settings: AuditSettings | None = None) -> FileAudit:
    doc = from_bytes(name, text.encode("utf-8"))
    assert isinstance(doc, Document), doc
    return audit_document(doc, settings)


def _findings(audit: FileAudit) -> list[tuple[str, str, str]]:
    return [(d.code, d.severity.name, d.message) for d in audit.diagnostics]


def _article(letter_heading: str, letter: str) -> str:
    return f"{_BODY}References\n\n{_ENTRY}\n\n{letter_heading}\n\n{letter}\n"


def test_unlisted_work_cited_in_a_decision_letter_is_a_warning_saying_where() -> None:
    text = _article("Decision letter", "The authors should discuss Krystal et al. (2019).")
    assert _findings(_audit("a.txt", text)) == [
        (
            "CIT101",
            "WARNING",
            "Citation `Krystal et al. (2019)` matches no entry of the reference list; "
            "in the peer-review material under `Decision letter`",
        )
    ]


def test_the_same_citation_in_the_article_body_stays_an_error() -> None:
    text = (
        "Stress shrinks synapses (Duman & Aghajanian, 2012; Krystal et al., 2019).\n\n"
        f"References\n\n{_ENTRY}\n"
    )
    assert _findings(_audit("a.txt", text)) == [
        (
            "CIT101",
            "ERROR",
            "Citation `Krystal et al., 2019` matches no entry of the reference list",
        )
    ]


def test_a_year_mismatch_in_an_author_response_is_a_warning() -> None:
    text = _article("Author response", "We now cite Duman and Aghajanian (2021) in the text.")
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT103", "WARNING")]


def test_a_finding_names_the_heading_it_stands_under() -> None:
    text = _article(
        "Decision letter",
        "Please discuss this.\n\nAuthor response\n\nWe now cite Krystal et al. (2019).",
    )
    (d,) = _audit("a.txt", text).diagnostics
    assert d.message.endswith("in the peer-review material under `Author response`")


def test_the_finding_data_names_the_heading() -> None:
    text = _article("Decision letter", "Please cite Krystal et al. (2019).")
    (d,) = _audit("a.txt", text).diagnostics
    assert d.data["peer_review_heading"] == "Decision letter"


def test_a_markdown_heading_for_the_reviews_counts() -> None:
    text = (
        f"# Synapses\n\n{_BODY}## References\n\n{_ENTRY}\n\n"
        "## Reviewer #1 (Public review):\n\nCompare Krystal et al. (2019).\n"
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.md", text))] == [("CIT101", "WARNING")]


def test_an_html_heading_for_the_response_counts() -> None:
    text = (
        f"<html><body><p>{_BODY.strip()}</p><h2>References</h2><p>{_ENTRY}</p>"
        "<h2>Response to reviewers</h2><p>We added Krystal et al. (2019).</p></body></html>"
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.html", text))] == [("CIT101", "WARNING")]


def test_a_contents_line_above_the_article_does_not_open_peer_review() -> None:
    # A journal page lists its sections, "Decision letter" among them, before the text.
    text = (
        "Contents\n\nAbstract\n\nDecision letter\n\n"
        "Stress shrinks synapses (Duman & Aghajanian, 2012; Krystal et al., 2019).\n\n"
        f"References\n\n{_ENTRY}\n"
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT101", "ERROR")]


def test_a_configured_severity_still_wins() -> None:
    settings = AuditSettings(policy=RulePolicy(severity=(("CIT101", None),)))
    text = _article("Decision letter", "The authors should discuss Krystal et al. (2019).")
    assert _findings(_audit("a.txt", text, settings)) == []


def test_warnings_in_a_letter_are_left_as_they_are() -> None:
    # et al. for a two-author work: a warning anywhere, said the same way here.
    text = _article("Decision letter", "As Duman et al. (2012) showed, stress matters.")
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT107", "WARNING")]


@pytest.mark.parametrize(
    "line",
    [
        "Decision letter",
        "Author response",
        "Author's response",
        "Authors' response to the reviewers",
        "Point-by-point response to the reviewers' comments",
        "Response to Reviewer 1",
        "Reply to reviewer #2",
        "Comments from Reviewer 1",
        "Reviewer #2 (Recommendations for the authors):",
        "Reviewer #1 (Evidence, reproducibility and clarity (Required)):",
        "Referee 1 report",
        "Anonymous Referee #1",
        "Peer Review History",
        "Review history",
        "Peer Review File",
        "## Reviewers' comments",
        "Decision Letter 0",
        "Author response to Decision Letter 0",
        "Reviewer report 1",
        "Reviewer's report",
        "Reviewer comments and author responses",
        "1. Decision letter",
    ],
)
def test_peer_review_headings(line: str) -> None:
    text = f"References\n\nsome entry\n\n{line}\n\nText.\n"
    at = text.index(line)
    shown = line.removeprefix("## ").removeprefix("1. ").removesuffix(":")
    assert find_peer_review(text, 0) == PeerReview((Span(at, len(text)),), ((at, shown),))


@pytest.mark.parametrize(
    "line",
    [
        "Peer review",  # an ordinary section of an article about science
        "Reviewer 2",  # a table's column label: continues the material, cannot open it
        "Reviewer 1 (JL) included 212 records at title stage.",
        "Reviewer 3 (2021)",
        "The decision letter the editors sent us was short.",
        "Reviewer comments were addressed in the revision, as the editor asked us to do",
    ],
)
def test_lines_that_are_no_peer_review_heading(line: str) -> None:
    assert find_peer_review(f"References\n\n{line}\n\nText.\n", 0) is None


def test_only_headings_after_the_given_offset_count() -> None:
    text = "Decision letter\n\nBody.\n\nReferences\n\nentry\n"
    assert find_peer_review(text, text.index("References")) is None


def test_a_reviewers_uncited_claim_is_not_the_articles() -> None:
    text = _article(
        "Decision letter", "Previous studies have shown that ketamine lifts mood within hours."
    )
    assert _findings(_audit("a.txt", text)) == []


def test_the_same_uncited_claim_in_the_body_is_reported() -> None:
    text = (
        "Previous studies have shown that ketamine lifts mood within hours.\n\n"
        f"{_BODY}References\n\n{_ENTRY}\n"
    )
    assert [c for c, _, _ in _findings(_audit("a.txt", text))] == ["CIT501"]


def test_an_appendix_after_the_letters_is_the_article_again() -> None:
    text = _article(
        "Peer review history",
        "The reports are published with the article.\n\n"
        "Appendix A. Studies included\n\nKrystal et al. (2019) was a trial.",
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT101", "ERROR")]


def test_a_bare_reviewer_label_continues_the_material() -> None:
    text = _article(
        "Decision letter",
        "Summary of the reviews.\n\nReviewer 2\n\nThe authors should cite Krystal et al. (2019).",
    )
    (d,) = _audit("a.txt", text).diagnostics
    assert d.data["peer_review_heading"] == "Reviewer 2"


def test_a_response_letter_whose_list_is_not_last_is_an_ordinary_document() -> None:
    # The letter opens before its list, so everything in it is the user's own text.
    text = (
        "Response to reviewers\n\nReviewer 1\n\nWe now cite Duman & Aghajanian (2012).\n\n"
        f"References\n\n{_ENTRY}\n\nReviewer 2\n\nWe added Krystal et al. (2019).\n"
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT101", "ERROR")]


def test_a_reviewers_sentence_on_figures_does_not_end_the_material() -> None:
    text = _article(
        "Decision letter",
        "Figures 2 and 3 need clearer axis labels.\n\nPlease discuss Krystal et al. (2019).",
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT101", "WARNING")]


@pytest.mark.parametrize(
    "part",
    [
        "Additional files",
        "Authors' contributions",
        "Supplemental material",
        "Declarations",
        "Supplementary Figures",
        "Appendix 1 – Search strategy",
        "Appendix 1: Search strategy",
        "Ethics declarations",
        "Acknowledgements and funding",
        "Conflict of interest statement",
    ],
)
def test_article_parts_after_the_letters_end_them(part: str) -> None:
    text = _article(
        "Author response", f"We agree.\n\n{part}\n\nKrystal et al. (2019) gave the protocol."
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT101", "ERROR")]


def test_a_heading_is_named_without_its_markup() -> None:
    text = (
        f"# Synapses\n\n{_BODY}## References\n\n{_ENTRY}\n\n"
        "**Reviewer #1 (Public review):**\n\nCompare Krystal et al. (2019).\n"
    )
    (d,) = _audit("a.md", text).diagnostics
    assert d.data["peer_review_heading"] == "Reviewer #1 (Public review)"


def test_a_pandoc_heading_attribute_does_not_hide_an_article_part() -> None:
    text = _article(
        "Author response",
        "We agree.\n\n## Acknowledgements {#ack}\n\nKrystal et al. (2019) lent us mice.",
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.md", text))] == [("CIT101", "ERROR")]


@pytest.mark.parametrize(
    "point",
    [
        "Notes",
        "Methods",
        "Figures",
        "Appendix 2: the search strategy is incomplete.",
        "Supplementary Figure 4 lacks error bars.",
        "Competing Interests: No competing interests were disclosed.",
        "Funding information is missing.",
        "Contributors should be listed in full",
        "Declaration of interests: I have none",
        "1. Footnotes to Table 2 are missing",
    ],
)
def test_a_reviewers_point_does_not_end_the_material(point: str) -> None:
    text = _article(
        "Decision letter", f"Summary.\n\n{point}\n\nPlease discuss Krystal et al. (2019)."
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT101", "WARNING")]


@pytest.mark.parametrize(
    "line",
    ["Reviewer 1 (Jane Smith)", "Reviewer #1 (Summary):", "Referee 1 (Anonymous)"],
)
def test_a_reviewer_heading_with_any_bracket_opens_the_material(line: str) -> None:
    text = _article(line, "Please discuss Krystal et al. (2019).")
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT101", "WARNING")]


def test_a_review_that_runs_on_after_its_heading_opens_the_material() -> None:
    text = _article(
        "Decision pending.",
        "Reviewer #1 (Public Review): The authors should compare Krystal et al. (2019).",
    )
    (d,) = _audit("a.txt", text).diagnostics
    assert (d.severity.name, d.data["peer_review_heading"]) == (
        "WARNING",
        "Reviewer #1 (Public Review)",
    )


def test_a_wrapped_line_of_a_review_is_no_heading() -> None:
    text = _article(
        "Decision letter",
        "The key result is shown only in\nSupplementary Table 2 and should move to the main\n"
        "text, as in Krystal et al. (2019).",
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT101", "WARNING")]


def test_a_heading_with_the_letter_on_the_next_line_opens_the_material() -> None:
    # Text copied from a page, or saved from a word processor, has no blank lines.
    text = (
        "Stress shrinks synapses (Duman & Aghajanian, 2012).\nReferences\n"
        f"{_ENTRY}\nDecision letter\nThank you. Please discuss Krystal et al. (2019).\n"
        "Author response\nWe now cite Krystal et al. (2019).\n"
    )
    assert [(c, s, m.rsplit("`", 2)[-2]) for c, s, m in _findings(_audit("a.txt", text))] == [
        ("CIT101", "WARNING", "Decision letter"),
        ("CIT101", "WARNING", "Author response"),
    ]


def test_an_article_part_heading_followed_at_once_by_its_text_ends_the_material() -> None:
    text = _article(
        "Decision letter",
        "Thanks.\n\nSupplementary Information\nAs shown by Krystal et al. (2019), ...",
    )
    assert [(c, s) for c, s, _ in _findings(_audit("a.txt", text))] == [("CIT101", "ERROR")]
