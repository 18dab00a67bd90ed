"""The data that flows through an audit: references, citations and the links between them.

Every type here is a frozen dataclass so that a stage can hand its output to the next
without anyone mutating it behind its back.  Offsets are code-point offsets into the
*extracted* text of a document (see `citecheck.document`); turning them into source
line and column is the document's job.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of extracted-text offsets."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column (columns count Unicode code points)."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Author:
    """One author of a reference.

    ``family`` holds the surname as written, particles included ("van der Berg",
    "Merlo Pich", "Al Jurdi").  A group author ("World Health Organization") has the
    whole name in ``family``, no ``given``, and ``group=True``.
    """

    family: str
    given: str | None = None
    suffix: str | None = None
    group: bool = False


YearKind = Literal["year", "n.d.", "in press"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferenceFields:
    """What the reference parser reads out of one reference string.

    Fields the parser could not find are ``None``.  ``year`` is the four digits alone
    ("2012"), or the literal "n.d." / "in press"; a disambiguating letter ("2012a")
    goes to ``year_suffix``.  ``doi`` is normalised (lower case, no resolver prefix)
    and only set when well formed; a DOI-looking token that is not well formed is kept
    verbatim in ``malformed_doi``.
    """

    authors: tuple[Author, ...] = ()
    authors_truncated: bool = False
    year: str | None = None
    year_suffix: str | None = None
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    malformed_doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    arxiv: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Reference(ReferenceFields):
    """One entry of a document's reference list, parsed."""

    id: str
    index: int
    """1-based position in the list."""
    number: int | None
    """The entry's own number when the list is numbered ("[3]", "3.")."""
    span: Span
    """The whole entry in the extracted text, list marker excluded."""
    raw: str
    """The entry's text with line breaks and runs of spaces collapsed."""
    key: int | None = None
    """The key OECD prints at the entry's right margin and its citations after the
    year ("(OECD, 2019[2])"), which tells one author's same-year entries apart."""
    label: str | None = None
    """The key an alpha-style list labels the entry with ("Knu98" for "[Knu98]"),
    which its citations give in square brackets."""

    @classmethod
    def build(
        cls,
        parsed: ReferenceFields,
        *,
        id: str,
        index: int,
        number: int | None,
        span: Span,
        raw: str,
        key: int | None = None,
        label: str | None = None,
    ) -> Reference:
        values = {f.name: getattr(parsed, f.name) for f in fields(ReferenceFields)}
        return cls(
            id=id, index=index, number=number, span=span, raw=raw, key=key, label=label, **values
        )

    @property
    def first_family(self) -> str | None:
        return self.authors[0].family if self.authors else None


CitationKind = Literal["author-year", "numeric"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """One in-text citation of one work.

    ``(Li et al., 2010; Zanos et al., 2016)`` is two citations that share a ``group``;
    ``(Duman, 2012, 2016)`` is two citations with the same authors; ``[1-3]`` is three
    numeric citations whose span is the range.
    """

    id: str
    kind: CitationKind
    text: str
    """The citation as written, without the enclosing brackets ("Duman et al., 2012")."""
    span: Span
    group: int
    """Citations written inside the same brackets, or one narrative citation, share a group."""
    authors: tuple[str, ...] = ()
    """Surnames as written in the text ("Duman", "Aghajanian"); empty for numeric citations."""
    et_al: bool = False
    year: str | None = None
    year_suffix: str | None = None
    number: int | None = None
    """A numeric citation's number; for an author-year one, the key OECD writes after
    its year ("1" of "(OECD, 2019[1])", `Reference.key`)."""
    narrative: bool = False
    prefix: str | None = None
    locator: str | None = None
    abbreviation: str | None = None
    """A group author's abbreviation the citation declares in square brackets ("NIMH"
    in "(National Institute of Mental Health [NIMH], 2020)"), by which APA style cites
    the group afterwards."""
    tentative: bool = False
    """Read only if it names an entry, because the words may be something else: a name
    before a year in prose that may be a study's ("the Global Burden of Disease Study
    (2019)"), a place, a year and a count ("Ohio (2018, 412)", read like Chicago's
    "(Graham 2020, 920)"), or the work another one cites ("(Irish et al., 2015, as cited
    in Walker, 2017)").  The audit drops a tentative citation that matches no entry."""
    initials: str | None = None
    """The first author's initials, where the citation gives them to tell two first
    authors of one surname apart ("J. Smith, 2019"; APA 7, section 8.20)."""
    title: bool = False
    """``authors`` holds the title of a work without author, quoted as APA cites it
    ('("Healthy Sleep," 2020)'; APA 7, section 8.14)."""
    original_year: str | None = None
    """A reprint's first year, when the citation gives two ("1885" of "(Ebbinghaus,
    1885/1913)", "1962" of "(Kuhn [1962] 2012)"); ``year`` is the later one."""
    locative: bool = False
    """A narrative citation after a word that introduces places ("In France (2015,
    412) ..."): a tentative one stands only if it names its entry exactly."""
    other_reading: tuple[str, ...] = ()
    """The authors read the other way where a name before a narrative list may be a
    place's or the list's first author ("In Ontario, Smith and Jones (2019)", "In
    Smith, Jones and Brown (2010)"): the linker takes it where it fits an entry
    better than ``authors``."""
    label: str | None = None
    """A numeric-kind citation by an alpha-style key ("Knu98" of "[Knu98]"), which
    names an entry's `Reference.label`; ``number`` is then None."""
    by_page: bool = False
    """Cited by author and page without a year, as MLA cites ("(Nussbaum 33-34)",
    `authorpage`); ``year`` is then None and ``locator`` holds the pages.  For a page
    after a name in prose ("Woolf writes ... (37)") the text is the name and the page
    with the words between left out ("Woolf … (37)")."""
    short_title: str | None = None
    """The words that may tell which of an author's works a citation by page means: the
    short title it gives ("Development" of "(Sen, Development 3)"), or for a page
    after a name in prose, the sentence's words before the page."""
    note: str | None = None
    """The number or label of the note that makes the citation, where notes cite the
    bibliography by author and title, as Chicago's do (`fullnotes`); it is then read
    as one by page, ``short_title`` holding the title the note gives."""
    book: str | None = None
    """The book a note's chapter or poem is in ("The Flowers of Evil" of `"The Swan," in
    The Flowers of Evil`): the bibliography may list the book alone."""
