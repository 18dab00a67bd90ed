"""Finding a document's reference list and splitting it into entries.

Two ways in: a heading ("References", "Bibliography", ...) followed by entries, or,
for web pages that drop the heading (seed 003), a trailing run of entries that look
strongly like references.  Either way the list ends at the first thing that is not
a reference (a byline, a date, a disclaimer, a new heading), and body paragraphs are
never taken.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from citecheck.bodywords import BODY_NOUNS
from citecheck.document import Document
from citecheck.model import Span
from citecheck.names import LOWER_PREFIXES, SAME_AUTHORS_RULE, SURNAME_PARTICLES
from citecheck.statutes import statute_entry

HEADINGS = frozenset(
    {
        "references", "reference list", "reference", "bibliography", "works cited",
        "literature cited", "literature", "cited literature", "references cited",
        "sources", "citations", "notes and references", "references and notes",
        "sources and references", "references and further reading", "selected references",
        "scientific references", "research references", "referenced studies", "studies cited",
        "list of references", "bibliography and references", "references and bibliography",
        "sources of information", "information sources", "reading list and references",
        "references and reading list", "readings and references", "references and readings",
        "readings", "reading list", "works mentioned", "works referenced", "works consulted",
        "sources cited", "sources consulted", "select bibliography", "selected bibliography",
        "selected works cited",
        # An RFC's or an Internet-Draft's two lists, each under a heading of its own.
        "normative references", "informative references",
        # The same in the languages the health and science press writes in most after
        # English: Spanish, Portuguese, French, Italian, German, Dutch.
        "referencias", "referencias bibliográficas", "bibliografía", "obras citadas",
        "referências", "referências bibliográficas", "bibliografia", "références",
        "références bibliographiques", "bibliographie", "ouvrages cités",
        "riferimenti bibliografici", "literatur", "literaturverzeichnis",
        "quellenverzeichnis", "literatuur", "literatuurlijst", "referenties",
        # Nordic, Finnish, Baltic, Central and Eastern European, Greek, Turkish, Asian
        # and Middle Eastern languages, where a list is headed no other way.
        "referenser", "referenslista", "källor", "litteraturförteckning", "litteratur",
        "referencer", "litteraturliste", "kildeliste", "kilder", "referanser",
        "litteraturhenvisninger", "heimildir", "lähteet", "lähdeluettelo", "kirjallisuus",
        "viitteet", "kirjandus", "viited", "literatūra", "literatūros sąrašas",
        "literatura", "piśmiennictwo", "bibliografia i źródła", "seznam literatury",
        "použitá literatura", "zoznam použitej literatúry", "irodalom", "irodalomjegyzék",
        "felhasznált irodalom", "hivatkozások", "bibliografie", "referințe", "литература",
        "список литературы", "список использованной литературы", "библиография",
        "использованная литература", "список використаних джерел", "література",
        "βιβλιογραφία", "αναφορές", "kaynakça", "kaynaklar", "referències", "参考文献",
        "參考文獻", "引用文献", "참고문헌", "tài liệu tham khảo", "daftar pustaka",
        "rujukan", "referensi", "المراجع", "المصادر", "مراجع", "منابع", "ביבליוגרפיה",
        "מקורות",
    }
)  # fmt: skip

# Headings over notes, which hold a list of references only sometimes: read only where
# no reference heading has a list, and only entries that look strongly like references.
NOTE_HEADINGS = frozenset(
    {"notes", "endnotes", "end notes", "footnotes", "source", "key references"}
)

# "7.", "VII.", "A." before a heading word; "#"/"*"/"_" left over from markup.
# Markers and numbers before a heading; its stops and Pandoc's attributes after it
# ("# References {.unnumbered}").
_HEADING_NOISE = re.compile(
    # A section's number, its stop left out in PDF and Word text too: "7  REFERENCES".
    r"^[#*_\s]*(?:(?:\d{1,2}(?:\.\d{1,2}){0,2}|[IVX]{1,5})[.)]?\s+|[A-H][.)]\s+)?"
    # A remark in brackets after the heading word: "Readings (in the order of the
    # lecture)", "References (alphabetical)".
    r"|(?:\s*\{[^{}]*\}|\s+\([^()]{1,40}\))?[\s*_:.#]*$"
)

# The key LaTeX's alpha styles label an entry with ("[Knu98]", "[KBC+18]", "[XZZ+ 11]"
# as PDF text spaces it), which its citations give in square brackets (`keycites`).
# A particle's initial may open it, in lower case ("[vzGG13]", "[dB78]"), and an
# apostrophe stand in it ("[O'N14]").
KEY_LETTERS = r"[^\W\d_](?:[^\W\d_]|['’]){0,6}"
ALPHA_KEY = rf"{KEY_LETTERS}\+?\s?\d{{2,4}}[a-z]?"
# Keys an author or an RFC chooses: "[Knuth:1981]", "[Schneider1990]", "[RFC8446]",
# "[I-D.ietf-tls-esni]", "[IANA]".  Written without spaces, with a digit or a stop, a
# colon or a hyphen in them, or in capitals: a plain word ("[Internet]") is none.
WIDE_KEY = (
    r"(?:[^\W\d_][\w.:+/-]{0,40}?[\d.:+/-][\w.:+/-]{0,40}(?<![.:+/-])|[A-Z][A-Z0-9]{1,15}(?![\w-]))"
)
# Where a list labels its entries with such keys: in a column of their own ("[RFC8446]
# Rescorla, E., ..."), alone on a line over the entry, or after an item's marker.
_ANY_KEY = rf"(?:{ALPHA_KEY}|{WIDE_KEY})"
# A key after a bulleted or numbered item's marker: "- [Knu98] D. E. Knuth. ...".
_KEY_AFTER_MARKER = re.compile(rf"\[({_ANY_KEY})\][ \t]+(?=\S)")
_KEY_ALONE = re.compile(rf"[ \t]*\[{_ANY_KEY}\][ \t]*")
_KEY_BEFORE_BODY = re.compile(rf"\[({_ANY_KEY})\][ \t]*$")

# Wikipedia's caret and the letters, one each, of its back links ("^ a b c"; "^ a b de
# Waal" keeps its particle).
_BACKLINK = r"\^(?:[ \t]+a(?:[ \t]+[b-z])*)?"
# List markers.  The number groups give an entry's own number.
_MARKER = re.compile(
    r"^[ \t]*(?:\[(\d{1,4})\]|\((\d{1,4})\)(?![.,;:])"
    # "1. Lee", and "1.Lee" where a page's label runs into its entry ("<span
    # class="label">1.</span><cite>Lee").
    r"|(\d{1,4})(?:[.)](?=\s|$)|\.(?=[A-Z][a-z]))|([•·▪◦‣●∙])|([\-*–—+])(?=\s)"
    # Alphanumeric keys of LaTeX's alpha style: "[BAD10]", "[XZZ+ 11]", "[Mül05]",
    # alone on its line too (an HTML <dt>).
    rf"|\[({ALPHA_KEY}|{WIDE_KEY}(?=\](?:[ \t]{{2}}|\t|[ \t]*$)))\](?=\s|$)"
    # Markdown's numbered footnotes: "[^1]: Endo A. ..."
    r"|\[\^(\d{1,4})\]:"
    # Wikipedia's caret and the letters of its back links: "^ a b c Lee, Ann (2011)".
    rf"|{_BACKLINK}(?=[ \t]))[ \t]*"
)
# The same after the list's own number: "1. ^ a b Lee, Ann (2011)".
_BACKLINKS = re.compile(rf"{_BACKLINK}[ \t]+")
# A name in capitals as an entry's first sentence: "World Health Organization. ...",
# "GBD 2016 Headache Collaborators. ...", not a note's "Intake was estimated ...".
_SMALL_WORD = r"(?:of|for|and|the|on|in|&)"
# A capitalised word ("U.S", "NCD-RisC") or an abbreviation in brackets ("(NICE)").
_BODY_WORD = r"(?:[A-Z0-9](?:[\w'’&-]|\.(?=[A-Z]))*|\([A-Z][\w&-]*\))"
_BODY_FIRST = re.compile(rf"{_BODY_WORD}(?:(?:[,:]?\s+)(?:{_BODY_WORD}|{_SMALL_WORD})){{0,14}}\.\s")
# A number typed in a numbered item, after the list's own ("1. 1.Chavkin C").
_TYPED_NUMBER = re.compile(r"[ \t]*(\d{1,4})[.)](?![\d.])[ \t]*")
# The link buttons journal pages put under an entry, alone on an item or line.
_LINK_LABELS = re.compile(
    r"(?:[ \t]*[\[(]?(?:view article|google scholar|pubmed(?: central|/ncbi)?|pmc free article|"
    r"cross ?ref|article|cas|scopus|web of science|(?:free )?full text|abstract|mathscinet|"
    r"ads)[\])]?(?:[ \t]+(?:https?://|doi:)\S+)?[ \t]*[|·•,]?)+[ \t]*",
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(r"[ \t]*\[\^\d{1,4}\]:")
# "1 Sterne JA, ..." (BMJ and The Lancet number without a stop): a marker only in
# sequence (`_read_marker`).
_BARE_NUMBER = re.compile(r"^[ \t]*(\d{1,4})[ \t]+(?=[^\W\d_])")
# A number alone on its line, its entry below it: a page's footnote number set as a
# block of its own ("1\n\nVarga P, Holm S. ..."), a marker only in sequence.
_ALONE_NUMBER = re.compile(r"[ \t]*(\d{1,4})[ \t]*")
# Page furniture that PDF-to-text conversion leaves inside a list: a page number
# alone, or a running head with its page number ("BIBLIOGRAPHY        69").
# A page's furniture: its number alone, or a running head and the number apart from it
# by a gap, in capitals or not ("Chapter 2 · Literature Review      31"), never dated.
_RUNNING_HEAD = r"(?![^\n]*\b(?:1[5-9]|20)\d\d\b)[A-Z][\w .,&:'·|/–—-]{2,60}?"
_FURNITURE = re.compile(
    rf"^\s*(?:[ivxlc]{{1,6}}|\d{{1,4}}|{_RUNNING_HEAD}\s{{3,}}\d{{1,4}}|\d{{1,4}}\s{{3,}}{_RUNNING_HEAD})\s*$"
)

_STOP = re.compile(
    r"^\W{0,3}(?:disclaimer|advertisement|sponsored|share this|share on|about the author|"
    r"author bio|related (?:posts|articles|reading)|tags?:|categories:|filed under|posted (?:in|on|by)|"
    r"published (?:on|by)|comments?\b|leave a (?:reply|comment)|copyright|©|\(c\) \d|"
    r"all rights reserved|subscribe|sign up|follow us|read more|you may also like|"
    r"footnotes?\b|further reading|see also\b|recommended reading|appendix|acknowledg|"
    r"back to top|previous post|next post|medically reviewed)",
    re.IGNORECASE,
)


# A Cochrane review's study ID with the kind of its sources, a line of its own above
# them: "Ahmed 2015 {published data only}", "**Brandt 2018a** {unpublished data only}".
_STUDY_ID = re.compile(
    r"[ \t]*(?:\*\*|__)?[^\W\d_][\w'’ -]{0,60}?\s(?:1[5-9]|20)\d\d[a-z]?(?:\*\*|__)?[ \t]*"
    r"\{(?:published|unpublished)[^{}]{0,40}\}[ \t]*"
)

# One kind of source, as a heading inside a reference list names it ("Secondary
# sources", "Journal articles", "Manuscripts").
_SOURCE_KIND = (
    r"(?:(?:primary|secondary|other|online|legal|archival|government|official|grey|gray|"
    r"web|internet|published|unpublished|print|printed|manuscript|additional|data|edited)\s+)?"
    r"(?:sources?|literature|legislation|statutes?|"
    r"cases?|case\s+law|laws?|acts|regulations|treaties|"
    r"books?|(?:book\s+)?chapters|(?:journal\s+)?articles|reports?|"
    r"websites?|web\s+pages|documents|publications|datasets?|software|"
    r"policy\s+documents|guidelines|standards|patents|theses|dissertations|newspapers?|"
    r"manuscripts?|archives|(?:archival\s+)?collections|interviews|correspondence|letters|"
    r"speeches|films?|videos?|maps|images|periodicals|magazines|essays|monographs|"
    r"volumes|papers|works|"
    # A Cochrane review's parts: "References to studies included in this review",
    # "Studies excluded from this review", "Ongoing studies", "Additional references".
    r"(?:references\s+to\s+)?(?:studies\s+(?:included|excluded)\s+(?:in|from)\s+th(?:is|e)\s+review|"
    r"studies\s+awaiting\s+(?:classification|assessment)|ongoing\s+studies|"
    r"other\s+published\s+versions\s+of\s+this\s+review)|"
    r"(?:included|excluded|ongoing)\s+(?:studies|trials)|(?:additional|further|supplementary)\s+references|"
    r"(?:normative|informative)\s+references)"
)
_SUBHEADING = re.compile(
    # "2.2.  Informative References": an RFC numbers its list's parts.
    r"(?:#{1,6}\s*)?(?:\*\*|__)?(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?"
    # Kinds in a row: "Books, Articles, and Reports", "Cases and Statutes".
    rf"{_SOURCE_KIND}(?:(?:\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+){_SOURCE_KIND}){{0,3}}"
    r"(?:\s+cited)?:?(?:\*\*|__)?",
    re.IGNORECASE,
)
"""A heading inside a reference list, over one kind of its entries."""


class _AnyOf:
    """Whether any of some patterns occurs in a text (only whether, not where).

    `looks_like_reference` asks this of every entry of a list.  One alternation, or a
    pattern that opens with ``\\b``, is tried at every position of the text; a pattern
    that opens with a literal character or class lets the regex engine skip to the
    places where it can start, several times faster.  So each feature is a few
    such patterns, and a word boundary is tested after the first character, by
    ``(?<!\\w.)``: the character before it is not a word character (``(?<!\\d.)``, no
    digit, before a year).  Where a flag would hide the first character from the
    engine, its cases are spelled out.  tests/test_refsection.py checks each feature
    against the single pattern it replaces.
    """

    def __init__(self, *patterns: str) -> None:
        self._parts = tuple(re.compile(p) for p in patterns)

    def found(self, text: str) -> bool:
        # A loop, not any() over a generator: this runs for every line, and is 20 % faster.
        for part in self._parts:  # noqa: SIM110
            if part.search(text) is not None:
                return True
        return False


# Features of a reference entry.
_YEAR_PAREN = re.compile(
    r"\(\s*(?:1[6-9]\d\d|20\d\d)[a-z]?(?:,[^)]{0,30})?\s*\)|\((?:n\.\s?d\.|in press)\)"
    # No date in Spanish ("s.f."), French, Italian and Portuguese ("s. d."), German ("o. J.").
    r"|\((?:s\.\s?[fd]\.|o\.\s?J\.)\)",
    re.I,
)
# A year ("1994", "2012a"), "n.d." or "in press", in any case.  A letter after the
# year changes nothing about whether there is one, so it is not read.
_YEAR = _AnyOf(
    r"(?:1(?<!\d.)[6-9]|2(?<!\d.)0)\d\d(?!\d)",
    r"[nN](?<!\w.)\.\s?[dD]\.",
    r"[iI\u0130\u0131](?<!\w.)(?i:n press)\b",  # the four letters IGNORECASE takes for "i"
)
# A DOI, URL, PMID, PMCID or arXiv identifier.
_IDENT = _AnyOf(
    r"1(?<!\w.)0\.\d{4,9}/\S",
    r"[hH](?i:ttps?://)\S",
    r"[pP](?<!\w.)(?i:mid:?\s*\d|mc\d{4,})",
    r"[aA](?<!\w.)(?i:rxiv:)",
)
# Volume and issue "62(1)", pages "35-41", "pp. 3", "; 12:", "vol. 3", "e1002", "eds.".
# The last digit of a number is as good as the number for whether there is one.
_LOCATOR = _AnyOf(
    r"\d\s*(?:\(\s*\d[^)]{0,10}\)|[-–—]\s*\d)",
    r";\s*\d+\s*[(:]",
    r"p(?<!\w.)p?\.\s*\d",
    r"v(?<!\w.)ol\.\s*\d",
    r"[eE](?<!\w.)\d{4,}",
    r"e(?<!\w.)d(?:s|ition)?\.",
)
# A surname's particles ("van der", "de los", "in 't"), longest first so that "della"
# is not read as "de".
_PARTICLE = (
    r"(?:(?:"
    + "|".join(sorted(SURNAME_PARTICLES, key=lambda w: (-len(w), w)))
    + r"|in(?=\s+['’]t\s)|['’]t)\s+)*"
)
_CAP = rf"(?:(?:{'|'.join(LOWER_PREFIXES)})['’\-])?[A-ZÀ-ÖØ-Þ][\w'’\-]*"
# The noun of a body's name (`bodywords`), in a fixed order: a set's order varies
# from run to run.
_BODY_NOUN = "(?:" + "|".join(sorted(BODY_NOUNS, key=lambda w: (-len(w), w))) + ")"
_BODY_NOUN_CAPS = (
    "(?:" + "|".join(sorted({w.upper() for w in BODY_NOUNS}, key=lambda w: (-len(w), w))) + ")"
)
# A lower-case letter, accented ones too ("Clément", "Péter", "Jiří").
_LOWER = r"[a-zß-öø-ÿ\u0100-\u017f]"
_AUTHOR_START = re.compile(
    # APA/Harvard "Collo, G." / "Merlo Pich, E. M." / "Duman, Ronald S."
    rf"^{_PARTICLE}{_CAP}(?:\s+{_CAP}){{0,2}},\s+(?:[A-Z]\.|[A-ZÀ-ÖØ-Þ]{_LOWER}+(?!\w))"
    # ... with a stray space before the comma, "Chadwick , Edwin." (as Vancouver's
    # below), where a given name ends at its stop, or its initials do ("Angrist ,
    # Joshua D., and"): not a caption's "Table S1 , Primer"
    rf"|^{_PARTICLE}{_CAP}(?:\s+{_CAP}){{0,2}} ,\s+"
    rf"(?:[A-Z]\.|[A-ZÀ-ÖØ-Þ]{_LOWER}+(?:\s[A-Z]\.){{0,2}}[.,])"
    # Given names first: "D. M. Chiarulli," / "A. Bookstein and S. T. Klein"
    rf"|^[A-Z]\.(?:\s?-?[A-Z]\.){{0,3}}\s{_PARTICLE}{_CAP}(?:\s+{_CAP})?(?:,|\s+and\s)"
    # Vancouver "Zarate CA Jr," / "Li N," / "Al Jurdi RK." / "Barbier de Reuille P,"
    # ("Karban R; Baldwin IT" separates names by semicolons; a stray space before the
    # comma, "Derry JM , Ochs HD", is a typo, not the list's end)
    rf"|^{_PARTICLE}{_CAP}(?:\s+{_PARTICLE}{_CAP})?\s+[A-Z]{{1,4}}(?:\s+(?:Jr|Sr|II|III|IV))? ?[,.;]"
    # Name-year styles without brackets: "Royal Society. 2009." (eLife; "Society ." too)
    rf"|^{_CAP}(?:\s+{_CAP}){{0,5}} ?\.\s+(?:1[6-9]\d\d|20\d\d)[a-z]?\.\s"
    # ... with small words where it is a body's ("US Bureau of Labor Statistics. 2023."),
    # not a wrapped title's ("Beer and Brewing. 2011.")
    rf"|^(?=[^.\n]{{0,100}}?\b{_BODY_NOUN}\b)"
    rf"{_CAP}(?:\s+(?:{_CAP}|of|for|and|the|on|&)){{1,7}} ?\.\s+(?:1[6-9]\d\d|20\d\d)[a-z]?\.\s"
    # group author or bare surname followed by a year: "World Health Organization. (2020)",
    # "Institut National de la Statistique (ANSD) [Sénégal] et ICF (2019)"
    rf"|^[A-Z][\w&.,'’\- ]{{1,120}}?(?:\s\([A-Z][\w&-]{{1,12}}\)|\s\[[^\]\n]{{1,30}}\]"
    rf"|[\w&.,'’\- ]){{0,60}}?[.,]?\s+\(\s*(?:1[6-9]\d\d|20\d\d|n\.\s?d\.|s\.\s?[fd]\.|o\.\s?J\.)"
    # ABNT writes a body in capitals: "INSTITUTO CHICO MENDES DE CONSERVAÇÃO DA
    # BIODIVERSIDADE. Livro vermelho ...", as its people ("GALETTI, M.").
    rf"|^(?=[^.\n]{{0,100}}?\b{_BODY_NOUN_CAPS}\b)[A-ZÀ-ÖØ-Þ]{{2,}}(?:\s+[A-ZÀ-ÖØ-Þ]{{2,}}){{1,12}}\.\s"
    # ... or a bare year and a comma, the Australian government's Harvard: "Great Barrier
    # Reef Marine Park Authority 2019, Great Barrier Reef outlook report 2019, ..."
    rf"|^(?=[^,\n]{{0,120}}?\b{_BODY_NOUN}\b){_CAP}(?:\s+(?:{_CAP}|of|for|and|the|on|&)){{1,12}}"
    r"\s+(?:1[6-9]\d\d|20\d\d)[a-z]?,\s"
    # The rule Chicago and MLA put for the entry before's authors: "———. Title.",
    # "---. Title." where it was typed, "———, ed. Title." (`refparse.repeats_authors`).
    rf"|^{SAME_AUTHORS_RULE}\s*[.,]\s"
)
_IN_TEXT_CITE = re.compile(
    r"et al\.?,? \(?\d{4}\)|\(\s*[A-Z][\w\-]+(?: et al\.)?,? \d{4}[a-z]?\s*[;)]"
)
# "I" as a pronoun is followed by a verb; as an initial ("Kubacka I,") by punctuation.
_PROSE = _AnyOf(
    r"I(?<!\w.)\s+[a-z]",
    r"(?:w(?<!\w.)e|y(?<!\w.)our?|o(?<!\w.)ur|m(?<!\w.)y|u(?<!\w.)s)\b",
    r"[!?]\s*$",
)


# A line that ends on a joining word goes on in the next one (`_collect`).
_RUNS_ON = re.compile(r"(?:\b(?:the|of|and|for|on|in|to|with|by|a|an)|&)[ \t]*$")
_SHORT_LIST = 10
"""A list with fewer entries may be an appendix's own list after the main one..."""
_OUTWEIGHS = 3
"""...and gives way to an earlier list at least this many times longer."""
_BROKEN_DOI = re.compile(r"(?:doi\.org/|10\.\d{4,9}/\S*-|10\.\d{4,9}/)$")
_LONG_LINE = 2000
"""A line longer than this ends a list, unless it opens with a long author list."""


@dataclass(frozen=True)
class Entry:
    """One entry of a reference list."""

    span: Span
    text: str
    """The entry with its list marker removed and line breaks collapsed."""
    number: int | None
    key: int | None = None
    """The number OECD prints at the right margin of an entry ("...  [2]"), which its
    citations write after the year ("(OECD, 2019[2])"); no list numbering."""
    label: str | None = None
    """The key an alpha-style list labels the entry with ("[Knu98]" gives "Knu98"),
    which its citations give in square brackets."""
    remark: bool = False
    """A Markdown footnote among referencing ones that remarks and cites nothing
    ("[^2]: The comparison is in the same paper"): kept while the list is read, for
    its number, and never a reference."""


@dataclass(frozen=True)
class ReferenceSection:
    heading: Span | None
    span: Span
    """From the heading (or the first entry) to the end of the last entry."""
    entries: tuple[Entry, ...]
    remarks: tuple[int, ...] = ()
    """The numbers of the list's footnotes that are remarks (`Entry.remark`): their
    marks in the text point to a note, not to a missing entry."""

    @property
    def numbered(self) -> bool:
        return bool(self.entries) and all(e.number is not None for e in self.entries)

    @property
    def last_number(self) -> int:
        """The number of the last entry: the highest entry number, or the count of
        entries when none has a number (as the linker reads the list)."""
        return max(
            (*(e.number for e in self.entries if e.number is not None), *self.remarks),
            default=len(self.entries),
        )


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def find_reference_section(doc: Document) -> ReferenceSection | None:
    """The reference list of ``doc``, or None when it has none."""
    lines = _lines(doc.text)
    heading_flags = _heading_lines(doc, lines)
    heads = _declared_headings(doc, lines) if heading_flags else {}
    best: tuple[int, list[Entry]] | None = None
    for i in reversed(heading_flags):
        entries, _ = _collect(lines, i + 1, strict=False, heads=heads)
        if not any(not e.remark for e in entries):
            continue
        if best is None:
            best = (i, entries)
            if len(entries) >= _SHORT_LIST:
                break
        elif len(entries) >= _OUTWEIGHS * len(best[1]):
            # A short list after the article's own (an author response's "References"
            # under the decision letter) gives way to the longer list before it.
            best = (i, entries)
            break
    if best is not None:
        best = _whole_list(lines, heading_flags, best, heads)
    if best is None:
        for i in reversed(_heading_lines(doc, lines, NOTE_HEADINGS)):
            entries, stop = _collect(lines, i + 1, strict=True)
            if any(not e.remark for e in entries) and not _cut_short(lines, stop):
                best = (i, entries)
                break
    if best is not None:
        i, entries = best
        head = lines[i]
        return ReferenceSection(
            heading=Span(head.start + _leading_ws(head.text), head.end),
            span=Span(head.start, entries[-1].span.end),
            entries=tuple(e for e in entries if not e.remark),
            remarks=tuple(e.number for e in entries if e.remark and e.number is not None),
        )
    entries = []
    start = _trailing_run_start(lines)
    if start is not None:
        entries, stop = _collect(lines, start, strict=True)
        if _cut_short(lines, stop):
            entries = []
    if not entries:
        entries = _alone_numbered(lines)
    if not entries:
        return None
    return ReferenceSection(
        heading=None, span=Span(entries[0].span.start, entries[-1].span.end), entries=tuple(entries)
    )


def _whole_list(
    lines: Sequence[_Line],
    heading_flags: Sequence[int],
    best: tuple[int, list[Entry]],
    heads: Mapping[int, int],
) -> tuple[int, list[Entry]]:
    """The list that ``best`` is the last part of: a heading before it whose list runs
    on through ``best``'s entries ("Normative References" then "Informative
    References", an RFC's two parts, under "References" or not)."""
    i, entries = best
    end = entries[-1].span.end
    for j in [h for h in heading_flags if h < i][-_PART_HEADINGS:][::-1]:
        found, _ = _collect(lines, j + 1, strict=False, heads=heads)
        if found and found[-1].span.end >= end and len(found) > len(entries):
            i, entries = j, found
    return i, entries


_PART_HEADINGS = 2
"""How many list headings before the chosen one may head its earlier parts."""


# Headings over lists of works the article does not cite: their items name authors and
# years ("• Lechner, Michael (2011). ...") and are no citations.
_READING_HEADINGS = frozenset(
    {
        "further reading", "external links", "see also", "recommended reading",
        "additional reading", "suggested reading", "related reading", "other resources",
        "additional resources", "further resources", "weiterführende literatur",
        "lecture complémentaire", "lectura adicional",
    }
)  # fmt: skip
_LIST_ITEM = re.compile(r"[ \t]*(?:[•·▪◦‣●∙\-*–—+]|\d{1,3}[.)])[ \t]")


def reading_lists(doc: Document, start: int) -> list[Span]:
    """The spans of "Further reading" and "External links" lists after ``start`` (the
    reference list's end: such lists close a page): each heading and the list items
    after it, up to the first line that is neither an item nor blank."""
    tail = doc.text[start:]
    if len(tail) > _READING_REACH or not _READING_LINE.search(tail):
        return []
    lines = _lines(tail)
    out = []
    for i in _heading_lines(doc, lines, _READING_HEADINGS):
        end = lines[i].end
        for line in lines[i + 1 :]:
            if line.blank:
                continue
            if not _LIST_ITEM.match(line.text):
                break
            end = line.end
        out.append(Span(start + lines[i].start, start + end))
    return out


# A page's closing lists are short; a long text after the reference list is no page's
# furniture (and is not scanned).
_READING_REACH = 50_000
# A short line that may be such a heading (`_READING_HEADINGS` decides).
_READING_LINE = re.compile(
    r"(?im)^[^\n]{0,12}(?:further|external|see also|recommended|additional|suggested|"
    r"related|other|weiterführende|complémentaire|adicional)[^\n]{0,30}$"
)


def _declared_headings(doc: Document, lines: Sequence[_Line]) -> dict[int, int]:
    """The level of each line the markup declares a heading (``### Printed sources``,
    an ``<h3>``), by the line's index: a deeper one inside a reference list heads a
    part of it."""
    starts = [line.start for line in lines]
    return {
        bisect_right(starts, h.start) - 1: level
        for h, level in zip(doc.headings, doc.heading_levels, strict=False)
    }


def _cut_short(lines: Sequence[_Line], stop: int) -> bool:
    """Whether a list read without a reference heading stopped at another numbered
    item: notes that mix comments with references ("2. In the UK, ...", "3. Ibid."),
    no list to audit against."""
    return stop < len(lines) and _MARKER.match(lines[stop].text) is not None


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        out.append(_Line(pos, end, text[pos:end]))
        if nl == -1:
            break
        pos = nl + 1
    return out


def _leading_ws(text: str) -> int:
    return len(text) - len(text.lstrip())


def heading_key(text: str) -> str:
    """The text of a candidate heading line reduced for comparison with `HEADINGS`."""
    if len(text) > 60:
        return ""
    core = _HEADING_NOISE.sub("", text.strip())
    return " ".join(core.lower().split())


def _heading_lines(
    doc: Document, lines: Sequence[_Line], headings: frozenset[str] = HEADINGS
) -> list[int]:
    """Indices of lines that are reference-list headings (of ``headings``)."""
    found = []
    for i, line in enumerate(lines):
        if line.blank or len(line.text) > 60:
            continue
        if heading_key(line.text) in headings:
            found.append(i)
    return found


def looks_like_reference(text: str) -> int:
    """A score of how much ``text`` looks like a reference entry (higher is surer)."""
    head = text[:400]
    score = 0
    author = _AUTHOR_START.match(head) is not None or statute_entry(head) is not None
    if author:
        score += 2  # a law's short title stands where an author would
    if _YEAR_PAREN.search(head):
        score += 2
    elif _YEAR.found(text[:600]):
        score += 1
    if _IDENT.found(text):
        score += 2
    if _LOCATOR.found(text):
        score += 1
    if not author and _IN_TEXT_CITE.search(text):
        score -= 3  # "(Berlin, 1996)" after an author list is a place and a date
    if _PROSE.found(text):
        score -= 2
    if len(text) > 1500 and not long_author_list(text):
        score -= 3
    return score


_NAME_LIST_HEAD = 1500
"""How much of a long line is read to tell an author list from a paragraph."""


def long_author_list(text: str) -> bool:
    """Whether a long line opens with a long list of names, as a consortium paper's
    entry does ("Lander ES, Linton LM, Birren B, ... 2001."): it starts like an
    author, its head has a comma at least every 25 characters and almost no word
    in lower case, and a year follows.  Prose has a comma every 80 characters or so."""
    stripped = text.lstrip()
    if len(stripped) > 100_000 or not _AUTHOR_START.match(stripped[:400]):
        return False
    head = stripped[:_NAME_LIST_HEAD]
    if head.count(",") * 25 < len(head):
        return False
    words = head.split()
    lower = sum(1 for w in words if w[:1].islower() and w not in _NAME_WORDS)
    if lower * 20 > len(words):
        return False
    return _YEAR.found(stripped)


_NAME_WORDS = SURNAME_PARTICLES | {"and", "et", "'t", "’t"}


def _is_stop(text: str) -> bool:
    if _STOP.match(text.strip()):
        return True
    # Substrings first: the pattern is searched only in the rare line that may hold it.
    return (
        "©" in text or "(c)" in text or "(C)" in text or "eserved" in text
    ) and _SIGN_OFF.search(text) is not None


# A newsletter's or a page's sign-off, wherever it stands in the line: "The Kitchen
# Table Letter is written by Ruth Okafor. (c) 2024. Sign up free."
_SIGN_OFF = re.compile(
    r"©|(?:^|\s)\([cC]\)\s*(?:[A-Z][^\n]{0,60}?\s)?(?:1[89]|20)\d\d\b"
    r"|\b[Aa]ll [Rr]ights [Rr]eserved\b"
)


def _complete(entry_text: str) -> bool:
    """Whether an entry already reads as finished, so a following line that does not
    start a new entry is something else (a byline, a caption) rather than a wrap."""
    stripped = entry_text.rstrip()
    if not stripped:
        return False
    last = stripped.split()[-1]
    if _IDENT.found(last):
        # "https://doi.org/10.1056/" or "doi:10.1016/S0140-" broke at the line's end (a
        # web page's URL may end in "/").
        return _BROKEN_DOI.search(last) is None
    if not stripped.endswith(".") or not _YEAR.found(stripped):
        return False
    # A law's entry may be short: "Care Act 2014, c. 23."
    return len(stripped) >= 60 or statute_entry(stripped) is not None


# APA's book of a chapter, opened by "In" and its editors, never an entry of its own,
# though "In S. van der Walt" reads as a Vancouver author ("In S").
_EDITED_IN = re.compile(r"In\s+(?:[A-Z]\.[\s-]?)+[^\n]{0,200}?\((?:Eds?|Hrsg|Dir|dir|Coord)\.?\)")


def _collect(
    lines: Sequence[_Line], start: int, *, strict: bool, heads: Mapping[int, int] | None = None
) -> tuple[list[Entry], int]:
    """Read entries from line ``start`` on; return them and the index where reading stopped.

    ``strict`` (no heading) demands that every entry look strongly like a reference.
    ``heads`` are the levels of the lines the markup declares headings
    (`_declared_headings`); the list's heading is the line before ``start``.
    """
    heads = heads or {}
    level = heads.get(start - 1)
    """The level of the list's heading, when the markup declares it one."""
    entries: list[Entry] = []
    cur: list[_Line] = []
    cur_number: int | None = None
    cur_marked = False
    cur_layout = False
    """The current entry was opened by a hanging indent, in a list that has them."""
    cur_body_start = 0
    cur_after_blank = False
    """The current entry opened after a blank line: a list that parts its entries so."""
    parted = True
    """Every entry so far opened after a blank line: with one before the current entry,
    a list parted so, whose entries a line without one before it continues ("...in
    children.\nJournal of Paediatric ...")."""
    saw_blank = False
    waiting = False
    """The current entry is only its number so far: its text is on the next line."""
    cur_bare = False
    """The current entry opened with a bare number ("1 Sterne JA")."""
    cur_alone = False
    """The current entry opened with a number alone on its line (`_alone_number`)."""
    threshold = 4 if strict else 1
    i = start
    n = len(lines)

    footnotes = False
    """The list is Markdown footnotes ("[^1]: Endo A. ..."): its first entry is one."""
    cur_footnote = False
    cur_between = False
    """The current entry is an archive's collection between entries (`collection_name`)."""
    lead_in = 0
    held: Entry | None = None
    """A weak numbered first entry that opens with a body's name ("1. World Health
    Organization. Guideline ..."), skipped as a lead-in, kept if the next one follows it."""

    def flush() -> bool:
        """Keep the current entry; False when it shows the list has ended."""
        nonlocal cur, lead_in, held, footnotes
        if not cur:
            return True
        entry = _make_entry(cur, cur_body_start, cur_number)
        cur = []
        if entry is None:
            return True
        if _LINK_LABELS.fullmatch(entry.text):
            # PLOS pages list an entry's links as items of their own ("View Article
            # https://doi.org/...", "Google Scholar"): part of the entry before, whose
            # DOI the link may give, and no end of the list.
            if entries:
                last = entries[-1]
                entries[-1] = replace(
                    last,
                    span=Span(last.span.start, entry.span.end),
                    text=f"{last.text} {entry.text}",
                )
            return True
        trusted = (cur_marked or (cur_layout and len(entries) >= 3)) and not strict
        # Without a heading, an entry that goes on a run of numbered references in
        # sequence is one, though it reads weakly ("13. UK Health Security Agency. ...").
        in_sequence = (
            strict
            and len(entries) >= 3
            and entry.number is not None
            and entries[-1].number == entry.number - 1
        )
        score = looks_like_reference(entry.text)
        if cur_footnote and (footnotes or not entries) and score < threshold:
            # A Markdown footnote that remarks ("[^2]: The comparison is in the same
            # paper"), among footnotes that cite: a note, and no end of the list.
            if not entries:
                footnotes = True
            entries.append(replace(entry, remark=True))
            return True
        if (
            score < threshold
            and not trusted
            and not (in_sequence and score >= 1)
            and not cur_between
        ):
            # A numbered first entry that opens with a body's name waits for the next
            # entry to say whether it opened the list (`held`).  A short lead-in under
            # the heading ("Sources consulted:") is skipped; anything else that is not a
            # reference ends the list.
            if (
                not entries
                and held is None
                and entry.number is not None
                and score >= 1
                and _BODY_FIRST.match(entry.text)
            ):
                held = entry
                return True
            if not entries and lead_in < 2 and len(entry.text) < 200:
                lead_in += 1
                held = None
                return True
            return False
        if (
            not entries
            and held is not None
            and held.number is not None
            and entry.number == held.number + 1
        ):
            # "1. World Health Organization. Guideline ... 2012." reads weakly, but the
            # list goes on with its number 2: it was the first entry, not a lead-in.
            entries.append(held)
        if not entries:
            footnotes = cur_footnote
        entries.append(entry)
        return True

    part = 0
    """Entries before the list's current part, under a heading of its own (`_SUBHEADING`)."""
    blank_run = False
    page_break = False
    margin: int | None = None
    """The indent of first lines in a list laid out with hanging indents."""
    while i < n:
        line = lines[i]
        if line.blank:
            blank_run = blank_run or not page_break
            i += 1
            continue
        text = line.text
        if "{" in text and _STUDY_ID.fullmatch(text):
            # A Cochrane review's study ID above its references ("Ahmed 2015
            # {published data only}"): a label, which parts entries as a blank line does.
            blank_run = True
            i += 1
            continue
        alone = _alone_number(lines, i, cur_number if cur_alone else None, bool(cur or entries))
        if (entries or cur) and _FURNITURE.match(text) and alone is None:
            # A page break (and the blank lines around it) says nothing about where
            # entries end: the entry before it may go on after it.
            blank_run = False
            page_break = True
            i += 1
            continue
        if cur and _LINK_LABELS.fullmatch(text):
            # The link buttons under an entry, a line of their own on Springer Nature
            # and Frontiers pages ("Article CAS PubMed Google Scholar"): part of it,
            # whatever the blank lines around them.
            cur.append(line)
            blank_run = page_break = False
            i += 1
            continue
        saw_blank = saw_blank or blank_run
        blank_run = page_break = False
        marker = (
            (len(text), alone)  # its text is on the lines below (`waiting`)
            if alone is not None
            else _read_marker(
                text, cur_number if cur else None, bool(cur or entries), cur, cur_bare
            )
        )
        if waiting and marker is None:
            # The body of an entry whose number stood alone on the line before ("1.").
            cur.append(line)
            waiting = saw_blank = False
            i += 1
            continue
        waiting = False
        marked = marker is not None
        footnote = marked and _FOOTNOTE.match(text) is not None
        if cur and margin is None and _deeper(cur):
            margin = _leading_ws(cur[0].text)
        layout = _hanging(cur, text, margin) if cur and not marked and not saw_blank else None
        if layout is not False and (
            _is_stop(text) or (len(text.strip()) > _LONG_LINE and not long_author_list(text))
        ):
            break
        starts_entry = marked or bool(_AUTHOR_START.match(text.lstrip()))
        if (
            starts_entry
            and not marked
            and cur
            and text.lstrip().startswith("In ")
            and _EDITED_IN.match(text.lstrip())
        ):
            starts_entry = False  # a chapter's book, wrapped: "In S. van der Walt & ..."
        if layout is not None:
            starts_entry = layout
        inside = (
            cur_marked
            and not marked
            and not saw_blank
            and cur_number is not None
            and (_numbered_next(lines, i, cur_number) or cur[-1].text.rstrip().endswith(","))
        )
        if inside:
            # Between entries N and N+1 of a numbered list, or after a line that broke
            # its author list at a comma, a line is entry N's, however it opens: a
            # wrapped author list ("Tamilselvan D, et al. Acute ...") or its volume
            # ("2010;340:c332.").
            starts_entry = False
        if starts_entry and not marked and cur and not saw_blank and layout is None:
            # A line that ends on a joining word runs on: "Voysey, M., ..., and the\n
            # University of Oxford COVID Vaccine Trial Group. 2021.", "A History of
            # the\nUniversity of Edinburgh Medical School. 2011."
            starts_entry = _RUNS_ON.search(cur[-1].text) is None
        if (
            starts_entry
            and cur
            and not saw_blank
            and not marked
            and layout is None
            and cur_after_blank
            and not _complete(" ".join(x.text.strip() for x in cur))
            and (entries or _list_goes_on(lines, i))
        ):
            # Entries parted by blank lines, hard-wrapped: "Gillespie, C.,\nLoria, C.
            # M., ..." goes on with the same entry's authors.
            starts_entry = False
        if cur and not saw_blank and not starts_entry and not inside:
            # A line that does not open an entry either continues the current one, starts
            # the next one (one entry per line, the finished entry before it), or ends the list.
            joined = " ".join(x.text.strip() for x in cur)
            finished = _complete(joined) and not text[:1].islower() and text[:1] not in " \t"
            score = looks_like_reference(_block_text(lines, i))
            if (
                finished
                and (score >= 2 or (score >= 1 and _entry_follows(lines, i)))
                and not (
                    cur_after_blank
                    and ((len(entries) > part and parted) or _list_goes_on(lines, i))
                )
            ):
                # A weak line between entries is one of them ("Instituto Nacional de
                # Estadística. 2020. ...", a body the author patterns do not know).
                starts_entry = True
            elif finished and not (cur_after_blank and _list_goes_on(lines, i)):
                break
        if cur and not saw_blank and not starts_entry:
            cur.append(line)
            i += 1
            continue
        if cur and not flush():
            # The previous entry was not a reference after all: the list ended before it.
            break
        if footnote and entries and not footnotes:
            # "[^1]: Walker's book is ..." after an author-date list: the article's
            # footnotes, not more entries.
            break
        if (
            marker is not None
            and marker[1] == 1
            and text.lstrip().startswith("[")
            and len(entries) >= 2
            and all(e.number is None for e in entries)
        ):
            # "[1] The original study followed ...": a list numbered from 1 after an
            # author-date one, the notes that Word and Google Docs put after the text.
            break
        if (
            marker is None
            and (saw_blank or not entries)
            and (
                _SUBHEADING.fullmatch(text.strip())
                or _part_head(lines, i, heads, level)
                # A heading the markup declares is judged by its level alone.
                or (
                    entries and not strict and i not in heads and _part_label(lines, i, entries[-1])
                )
            )
        ):
            # "Legislation", "Secondary sources", a "### Printed sources" the markup
            # declares a heading: a list in parts, under headings of its own, goes on
            # if the next line reads as an entry.  The first part's heading is no entry.
            after = next((j for j in range(i + 1, n) if not lines[j].blank), None)
            if after is not None and (
                looks_like_reference(_block_text(lines, after)) >= 1
                # An HTML <dt>'s key alone on its line, its entry below it.
                or _KEY_ALONE.fullmatch(lines[after].text) is not None
            ):
                # Its entries are a list of their own, laid out as the first part's
                # may not be: one per line under entries parted by blank lines.
                i, part, parted, saw_blank = after, len(entries), True, True
                continue
        if cur_marked and not marked and entries and saw_blank and not starts_entry:
            # Bulleted/numbered lists end where the markers stop.
            break
        between = (
            not starts_entry
            and saw_blank
            and entries
            and not strict
            and collection_name(_block_text(lines, i))
            and _list_goes_on(lines, i, weak=1)
        )
        if (
            not starts_entry
            and saw_blank
            and entries
            and not between
            and looks_like_reference(_block_text(lines, i)) < threshold
        ):
            break
        parted = parted and saw_blank
        cur = [line]
        cur_between = bool(between)
        cur_footnote = footnote
        cur_after_blank = saw_blank
        cur_marked = marked
        cur_layout = layout is True
        if marker is not None:
            cur_body_start, cur_number = marker
            cur_bare = _MARKER.match(text) is None
            cur_alone = alone is not None
            waiting = cur_body_start >= len(text.rstrip()) and (
                cur_number is not None or _KEY_ALONE.fullmatch(text) is not None
            )
        else:
            cur_body_start = _leading_ws(text)
            cur_number = None
            cur_bare = cur_alone = False
        saw_blank = False
        i += 1
    if cur and not flush():
        pass
    # A list whose markers all read "1." was numbered by a Markdown renderer, not by hand.
    numbers = [e.number for e in entries]
    if len(entries) > 1 and len(set(numbers)) == 1 and numbers[0] is not None:
        entries = [replace(e, number=k) for k, e in enumerate(entries, 1)]
    return entries, i


def _part_head(lines: Sequence[_Line], i: int, heads: Mapping[int, int], level: int | None) -> bool:
    """Whether line ``i`` is a heading the markup declares over a part of the list:
    deeper than the list's own (declared) heading, short, no sentence, no heading
    of a list or of notes of its own ("Further reading"), and a line reading surely as
    an entry after it."""
    if level is None or heads.get(i, 0) <= level:
        return False
    text = lines[i].text.strip()
    if len(text) > _PART_HEAD_CHARS or text.endswith(_SENTENCE_ENDS):
        return False
    return _entry_after_part(lines, i) is not None


def _part_label(lines: Sequence[_Line], i: int, last: Entry) -> bool:
    """Whether line ``i``, a paragraph of its own between entries, labels a part of
    the list in plain text ("Modern scholarship", "Meta-analyses, reviews and
    guidelines"): a short phrase, no sentence, no heading of its own kind, and the
    list goes on after it with a sure entry, whose number follows the last entry's
    in a numbered list."""
    text = lines[i].text.strip()
    words = text.split()
    if (
        not 1 <= len(words) <= _PART_LABEL_WORDS
        or len(text) > _PART_HEAD_CHARS
        or not text[0].isupper()
        or text.endswith(_SENTENCE_ENDS)
        or (i + 1 < len(lines) and not lines[i + 1].blank)
        or _YEAR_IN_PARENS.search(text)
        or _is_stop(text)
    ):
        return False
    after = _entry_after_part(lines, i)
    if after is None or _IN_TEXT_CITE.search(_block_text(lines, after)):
        return False  # prose that cites: "The authors should discuss Krystal et al. (2019)."
    if last.number is None:
        return True
    marker = _MARKER.match(lines[after].text)
    return marker is not None and _number_of(marker) == last.number + 1


def _entry_after_part(lines: Sequence[_Line], i: int) -> int | None:
    """The line of the sure entry after line ``i``, when ``i`` may head a part of the
    list: no heading of a list, of notes, of works the text need not cite or of peer
    review; None otherwise."""
    key = heading_key(lines[i].text)
    if key in HEADINGS or key in NOTE_HEADINGS or key in _READING_HEADINGS:
        return None
    if _UNCITED_PART.search(key) or _PEER_REVIEW.search(key):
        return None
    after = next((j for j in range(i + 1, len(lines)) if not lines[j].blank), None)
    return after if after is not None and _entry_score(lines, after) >= 2 else None


_PART_LABEL_WORDS = 8
# The peer-review material eLife prints after an article's list (`peerreview`).
_PEER_REVIEW = re.compile(r"\b(?:reviewer|referee|decision|response|editor|assessment|rebuttal)")
_YEAR_IN_PARENS = re.compile(r"\((?:1[6-9]|20)\d\d")


def _entry_score(lines: Sequence[_Line], i: int) -> int:
    """`looks_like_reference` of the entry at line ``i``, after its list marker."""
    block = _block_text(lines, i)
    marker = _MARKER.match(block)
    return looks_like_reference(block[marker.end() :] if marker is not None else block)


_PART_HEAD_CHARS = 60
# A part of works the text need not cite: "Supplementary (not assigned)", "Further
# reading", "Recommended", "Background".
_UNCITED_PART = re.compile(
    r"\b(?:supplementary|further|recommended|suggested|optional|background|reading|"
    r"external|see also|not (?:assigned|cited)|uncited)\b"
)
# How a line ends that is a sentence or part of one, no heading.
_SENTENCE_ENDS = (".", ",", ";")


_MID_SENTENCE = frozenset(":,;abcdefghijklmnopqrstuvwxyz")
"""How a line ends that a sentence goes on from."""


def _read_marker(
    text: str, last: int | None, started: bool, cur: Sequence[_Line], bare_list: bool
) -> tuple[int, int | None] | None:
    """(where the entry's text starts, its number) when ``text`` opens an entry with a
    list marker, else None.  ``last``: the number of the entry before, if it has one;
    ``started``: whether the list has an entry yet; ``cur``: the current entry's lines;
    ``bare_list``: the current entry opened with a bare number ("1 Sterne JA")."""
    expected = 1 if last is None else last + 1
    m = _MARKER.match(text)
    if m is not None:
        number = _number_of(m)
        if (
            number is not None
            and started
            and 1500 <= number <= 2099
            and (last is None or abs(number - last) > 10)
        ):
            return None  # "2015. Nature. 2015;526:207-11.": a wrapped line, not entry 2015
        # A number and its stop run into the entry ("1.Lee"), `_MARKER`'s glued form.
        glued = m.group(3) is not None and m.end() < len(text) and text[m.end() - 1] == "."
        if glued and (number != expected or not _AUTHOR_START.match(text[m.end() :])):
            return None  # "1.Lee C," only in sequence, before a name: "2.Mai 2021." is a date
        if m.end() >= len(text.rstrip()) and number is not None:
            # A number alone on its line opens the entry below it only in sequence, and
            # not after a broken page range ("363-\n84.").
            broken = bool(cur) and cur[-1].text.rstrip().endswith(("-", "–"))
            # In sequence, allowing a gap of a few numbers (1, 2, 3, 5).
            if not 0 <= number - expected <= 4 or (last is None and started) or broken:
                return None
        if (
            number is not None
            and last is None
            and cur
            and cur[-1].text.rstrip()[-1:] in _MID_SENTENCE
            and looks_like_reference(" ".join(x.text.strip() for x in cur)) >= 2
        ):
            # An unnumbered entry wrapped before a number of its title's: "GRADE
            # guidelines:\n1. Introduction - GRADE evidence profiles ...".
            return None
        if m.end() < len(text) or number is not None:
            again = _TYPED_NUMBER.match(text, m.end())
            if again is not None and again.end() < len(text):
                typed = int(again.group(1))
                if typed == number:
                    # "<ol><li>1. Smith J": the list's number, then the one typed in the
                    # item, perhaps in a label of its own ("<span>1.</span>Chavkin C").
                    return again.end(), number
                if number is None and m.group(4) is not None and typed < 1000:
                    # "• 1.Okwuosa C": a bulleted item that numbers itself.
                    return again.end(), typed
            keyed = _KEY_AFTER_MARKER.match(text, m.end()) if m.group(6) is None else None
            if keyed is not None:
                return keyed.end(), number  # "- [Knu98] D. E. Knuth. ..."
            back = _BACKLINKS.match(text, m.end())
            if back is not None and back.end() < len(text):
                return back.end(), number  # "1. ^ a b Lee, Ann (2011)"
            return m.end(), number
        if m.group(6) is not None:
            return m.end(), None  # "[Knu98]" alone on its line, its entry below it
        return None  # a bullet alone
    # A bare number opens an entry in a list numbered so from its start, before a name
    # ("1 Sterne JA"), at the entry's own indent: "type\n2 diabetes" is a wrapped line.
    bare = _BARE_NUMBER.match(text)
    if bare is None or not (bare_list or not started) or int(bare.group(1)) != expected:
        return None
    if cur and _leading_ws(text) > _leading_ws(cur[0].text):
        return None
    # The first entry opens with a name ("1 Sterne JA"); later ones with any capital
    # ("2 National Institute for Health and Care Excellence. ...").
    body = text[bare.end() :]
    if not (_AUTHOR_START.match(body) if not bare_list else body[:1].isupper()):
        return None
    return bare.end(), expected


_FEWEST_ALONE = 3
"""Entries a heading-less list numbered on lines of their own needs."""


def _alone_numbered(lines: Sequence[_Line]) -> list[Entry]:
    """A heading-less list whose numbers stand alone above their entries, anywhere in
    the page (a newsletter's footnotes before its comments): from the first "1" line
    above a strongly reference-like one, at least `_FEWEST_ALONE` entries."""
    for i, line in enumerate(lines):
        if line.text.strip() != "1":
            continue
        k = i + 1
        while k < len(lines) and lines[k].blank:
            k += 1
        if k < len(lines) and _line_score(lines[k].text) >= 4:
            entries, _ = _collect(lines, i, strict=True)
            if len(entries) >= _FEWEST_ALONE:
                return entries
    return []


def _alone_number(lines: Sequence[_Line], i: int, last: int | None, started: bool) -> int | None:
    """The number of line ``i`` when it stands alone above its entry, a page's footnote
    number set as a block of its own ("1\n\nVarga P, ..."): 1 opening a list, or the
    number after ``last`` in a list whose entries stand so.  Not a page number that
    happens to equal the next entry's ("5\n\n5 Filippini T, ...")."""
    alone = _ALONE_NUMBER.fullmatch(lines[i].text)
    if alone is None:
        return None
    number = int(alone.group(1))
    if number != (1 if not started else (last + 1 if last is not None else -1)):
        return None
    k = i + 1
    while k < len(lines) and lines[k].blank:
        k += 1
    if k < len(lines) and re.match(rf"[ \t]*\[?{number}\b", lines[k].text):
        return None
    return number


_PARAGRAPH_REACH = 30
"""Lines an entry's paragraph may have (bounds `_list_goes_on`'s look-ahead)."""


_NEXT_REACH = 8
"""Lines ahead in which a numbered entry's successor is looked for (`_numbered_next`)."""


def _numbered_next(lines: Sequence[_Line], i: int, number: int) -> bool:
    """Whether the entry numbered ``number + 1`` opens a line after line ``i``, within
    `_NEXT_REACH` lines and with no blank line between."""
    for k in range(i + 1, min(len(lines), i + 1 + _NEXT_REACH)):
        if lines[k].blank:
            return False
        typed = _TYPED_NUMBER.match(lines[k].text)
        if typed is not None:
            return int(typed.group(1)) == number + 1
    return False


def collection_name(block: str) -> bool:
    """Whether a paragraph names an archive's collection as a bibliography lists it,
    every word capitalised but joining words: "Hartley Settlement House Records.
    Eastside Historical Archive, New York."  Between two entries it is one (not so
    "All URLs were accessed in May 2024.")."""
    words = _WORDS_OF.findall(block)
    return (
        len(block) <= _COLLECTION_CHARS
        and block.rstrip().endswith(".")
        and len(words) >= 2
        and all(w[0].isupper() or w.lower() in _JOINING for w in words)
    )


_WORDS_OF = re.compile(r"[^\W\d_][\w'’\-]*")
_JOINING = frozenset("of and the for in on at de la le du des van von".split())
_COLLECTION_CHARS = 200


def _list_goes_on(lines: Sequence[_Line], i: int, weak: int = 0) -> bool:
    """Whether another entry follows the paragraph of line ``i`` after a blank line:
    then line ``i`` is no text after the list but a wrapped line of an entry ("*Journal
    of the American College of Cardiology*, 70(23), ...").  Up to ``weak`` entries
    that read weakly may come first ("New York Times. "Farewell to Penn Station."
    Editorial, October 30, 1963.")."""
    k = i
    while k < len(lines) and not lines[k].blank:
        k += 1
        if k - i > _PARAGRAPH_REACH:
            return False
    gap = k
    while k < len(lines) and lines[k].blank and k - gap < _PARAGRAPH_REACH:
        k += 1
    if k >= len(lines):
        return False
    score = looks_like_reference(_block_text(lines, k))
    return score >= 2 or (weak > 0 and score >= 1 and _list_goes_on(lines, k, weak - 1))


# A name, then its year as a sentence of its own: "Instituto Nacional de Estadística.
# 2020." or "(2020).", the head of an author-date entry.
_NAME_THEN_YEAR = re.compile(
    # Initials' stops are no sentence's end: "Angrist, Joshua D., and Jörn-Steffen Pischke. 2009."
    r"[^\W\d_](?:[^.;:\n]|(?<=\b[A-Z])\.){1,120}?\.\s+(?:[\[(](?:1[6-9]\d\d|20\d\d)[\])]\s+)?"  # a reprint's "[1842] 1965."
    r"\(?(?:1[6-9]\d\d|20\d\d)[a-z]?\)?\."
)


def _entry_follows(lines: Sequence[_Line], i: int, reach: int = 2) -> bool:
    """Whether line ``i`` opens with a name and a year and the line after its block
    opens a strong entry, no blank line between: one entry per line, and the list
    goes on ("Received 3 March 2020; accepted ..." before "How to cite: Lee A, ..."
    opens no entry).  Up to ``reach`` more such lines may come between, as bodies'
    entries do in a row ("National Data Guardian. 2016." and "Ofcom. 2019.")."""
    if not _NAME_THEN_YEAR.match(lines[i].text.lstrip()):
        return False
    k = i + 1
    indent = _leading_ws(lines[i].text)
    while k < len(lines) and not lines[k].blank and _leading_ws(lines[k].text) > indent:
        k += 1
    if k >= len(lines) or lines[k].blank:
        return False
    text = lines[k].text.lstrip()
    if _AUTHOR_START.match(text) and looks_like_reference(_block_text(lines, k)) >= 2:
        return True
    return reach > 0 and _entry_follows(lines, k, reach - 1)


def _hanging(cur: Sequence[_Line], text: str, margin: int | None) -> bool | None:
    """What a hanging indent says about ``text`` after the lines ``cur`` of an entry:
    indented deeper than the entry's first line, it continues the entry (even when it
    opens like an author, "Engineering Task Force (1991)"); back at the margin of a
    list laid out with hanging indents, it starts the next one.  None: no layout."""
    first = _leading_ws(cur[0].text)
    indent = _leading_ws(text)
    if indent > first:
        return False
    if indent == first and (margin == first or _deeper(cur)):
        return True
    return None


def _deeper(cur: Sequence[_Line]) -> bool:
    first = _leading_ws(cur[0].text)
    return any(_leading_ws(x.text) > first for x in cur[1:])


def _block_text(lines: Sequence[_Line], i: int) -> str:
    """Line ``i`` with the more deeply indented lines that follow it (its hanging
    continuation), so an entry is judged whole, not by its first line."""
    indent = _leading_ws(lines[i].text)
    parts = [lines[i].text.strip()]
    k = i + 1
    while k < len(lines) and k - i <= 6 and not lines[k].blank:
        # A line that breaks off mid-sentence goes on at any indent: "IMpact-RSV Study
        # Group. Palivizumab reduces hospitalization\nin high-risk infants. ...".
        if _leading_ws(lines[k].text) <= indent and parts[-1][-1:] not in _MID_SENTENCE:
            break
        parts.append(lines[k].text.strip())
        k += 1
    return " ".join(parts)


_MARGIN_NUMBER = re.compile(r"\s{2,}\[\d{1,3}\]$")


def _make_entry(lines: Sequence[_Line], body_start: int, number: int | None) -> Entry | None:
    first = lines[0]
    start = first.start + body_start
    if not first.text[body_start:].strip() and len(lines) > 1:
        start = lines[1].start + _leading_ws(lines[1].text)  # "1." alone on its line
    last = lines[-1]
    end = last.start + len(last.text.rstrip())
    if end <= start:
        return None
    parts = [first.text[body_start:].strip()] + [x.text.strip() for x in lines[1:]]
    # OECD prints an entry's number at the right margin of its first line ("... excess
    # calorie    [2]"): the key its citations give after the year, no part of the text.
    key = None
    if parts[0].endswith("]") and (margin := _MARGIN_NUMBER.search(parts[0])):
        key = int(margin.group().strip()[1:-1])
        parts[0] = parts[0][: margin.start()]
    text = parts[0]
    for part in parts[1:]:
        # A line broken after a hyphen or slash (inside a DOI or URL) joins without a space.
        text = text + part if text.endswith(("-", "/")) else f"{text} {part}"
    text = " ".join(text.split())
    if not text:
        return None
    label = _KEY_BEFORE_BODY.search(first.text, 0, body_start)
    return Entry(
        Span(start, end),
        text,
        number,
        key,
        label="".join(label.group(1).split()) if label else None,
    )


def _number_of(marker: re.Match[str]) -> int | None:
    """The number a list marker gives ("[3]", "(3)", "3.", "[^3]:"), None for a bullet."""
    num = marker.group(1) or marker.group(2) or marker.group(3) or marker.group(7)
    return int(num) if num else None


def _marker_number(text: str) -> int | None:
    m = _MARKER.match(text)
    return None if m is None else _number_of(m)


def _trailing_run_start(lines: Sequence[_Line]) -> int | None:
    """The first line of a heading-less reference list at the end of the document.

    Walks back from the end over short trailing matter (bylines, dates), then over a
    run of strongly reference-like lines; body paragraphs stop the walk.
    """
    i = len(lines) - 1
    skipped = 0
    while i >= 0 and (lines[i].blank or _line_score(lines[i].text) < 4):
        if not lines[i].blank:
            skipped += 1
            if skipped > 6 or len(lines[i].text) > 200:
                return None
        i -= 1
    if i < 0:
        return None
    first: int | None = None
    while i >= 0:
        line = lines[i]
        if line.blank:
            i -= 1
            continue
        score = _line_score(line.text)
        if score >= 4:
            first = i
        elif (len(line.text) > 200 and score < 2) or _is_stop(line.text):
            break  # a paragraph of prose
        i -= 1
    while first is not None:
        # A weak entry numbered just before the run's first ("1. World Health
        # Organization. ... 2012." before "2. He FJ, ...") is its first entry.
        k = first - 1
        while k >= 0 and lines[k].blank:
            k -= 1
        if k < 0:
            break
        text = lines[k].text
        marker = _MARKER.match(text)
        if (
            marker is None
            or looks_like_reference(text[marker.end() :]) < 1
            or not _BODY_FIRST.match(text, marker.end())
        ):
            break
        here = _marker_number(lines[first].text)
        if here is None or _number_of(marker) != here - 1:
            break
        first = k
    return first


def _line_score(text: str) -> int:
    """`looks_like_reference` of a line, after its list marker ("1. Iuliano AD, ...")."""
    m = _MARKER.match(text)
    return looks_like_reference(text[m.end() :] if m is not None else text)
