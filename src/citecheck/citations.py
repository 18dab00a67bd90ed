"""Finding in-text citations: author-year (parenthetical and narrative) and numeric.

The finder works on the extracted text outside the reference list.  It prefers to
miss an odd citation than to invent one: "(MRI)", "(March 2024)", "(n = 20)",
"(p < 0.05)", "(1-2 hours)" and bare years in prose are not citations, and numbers
in round brackets count only when the reference list is numbered, and not when they
number the clauses of an enumeration ("aims: (1) to assess ...; (2) to compare ...").

Every pattern here is bounded (fixed-width look-behinds, character classes that
cannot overlap their delimiters, capped repetition) so that a megabyte of nested
brackets and commas is scanned in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import pairwise
from typing import NamedTuple

from citecheck._citations_flat import Run, glued_runs, in_citation_order
from citecheck.acronyms import in_capitals
from citecheck.affiliations import Mark, affiliation_marks
from citecheck.authorpage import PageCitation, find_page_citations
from citecheck.bodywords import (
    BODY_NOUNS,
    LOWER_BODY_WORDS,
    OFFICE_NOUNS,
    ROMANCE_BODY_HEADS,
    SITE_NAME,
    names_a_crew,
    species_epithet,
)
from citecheck.fullnotes import NoteCitation
from citecheck.keycites import KeyCitation, find_key_citations
from citecheck.model import Citation, CitationKind, Span
from citecheck.names import (
    IRISH_MUTATED,
    IRISH_OPENERS,
    LOWER_PREFIXED,
    NAME_WORD,
    SAINTS,
    SURNAME_PARTICLES,
)
from citecheck.places import PLACE_NAMES, SURNAME_PLACES

_YEAR_WORD = r"(?:1[6-9]\d\d|20\d\d)"
# A republished work gives the original year first: "(Freud, 1900/1953)" in APA,
# "(Kuhn [1962] 2012, 35)" in Chicago; lists give either year or both.  Two years in a
# row are one academic year or season, "(Smith, 2019/2020)", listed under the first.
_ORIGINAL = rf"(?:{_YEAR_WORD}/|\[{_YEAR_WORD}\]\s*)?"
_YEAR_TOKEN = re.compile(
    rf"(?:(?P<o>{_YEAR_WORD})/|\[(?P<ob>{_YEAR_WORD})\]\s*)?(?P<y>{_YEAR_WORD})(?P<s>[a-z])?(?![\w])"
    # APA letters works without a date or in press: "n.d.-a", "in press-b".
    # No date in Spanish ("s.f."), French, Italian and Portuguese ("s. d."), German ("o. J.").
    r"|(?P<nd>n\.\s?d\.|(?-i:s\.\s?[fd]\.|o\.\s?J\.))(?:-?(?P<nds>[a-z])(?!\w))?"
    r"|(?P<ip>in press|forthcoming|in corso di stampa|en prensa|sous presse|im Druck|no prelo)"
    r"(?:-(?P<ips>[a-z])(?!\w))?",
    re.I,
)
# The years at the end of a citation item, and an optional locator after them.
_UNDATED = (
    r"(?:n\.\s?d\.|(?-i:s\.\s?[fd]\.|o\.\s?J\.))(?:-?[a-z](?!\w))?"
    r"|(?:in press|forthcoming|in corso di stampa|en prensa|sous presse|im Druck|no prelo)"
    r"(?:-[a-z](?!\w))?"
)
_YEARS_TAIL = re.compile(
    rf"(?P<years>(?:{_ORIGINAL}{_YEAR_WORD}[a-z]?|{_UNDATED})(?:\s*,\s*(?:{_ORIGINAL}{_YEAR_WORD}[a-z]?|[a-z](?![\w.])|{_UNDATED})){{0,8}})"
    r"(?P<loc>(?:\s*,\s*|\s*:\s*|\s+)(?:(?:pp?|paras?|chaps?|ch|secs?|fig|figs|vol|no)\.?\s*|(?-i:S)\.\s*|§\s*|(?:page|pages|chapter|section|figure|table|appendix|supplementary|supplement|box|study|studies|experiments?)\s+)[\w\-–—,. ]{1,30}|\s*:\s*\d[\d\-–—]{0,12}(?:\s*ff?\.)?"
    # Chicago's bare page: "(Graham 2020, 920)", "Polack (2020, 2604-5)".  A count
    # reads the same ("Ohio (2018, 412)"), so such a citation is tentative.
    r"|\s*,\s*(?P<bare>\d{1,5}(?:\s*[\-–—]\s*\d{1,5})?))?"
    r"\s*$",
    re.I,
)
# Irish: "Ó Murchú", "Ní Bhriain" (as `_refparse_authors`); "Mac Giolla Phádraig", where
# "Giolla Phádraig" alone would be the compound.
_PARTICLES = SURNAME_PARTICLES | frozenset("ó ní uí mhic mac nic".split())
_CONNECTORS = frozenset(
    # ... and the Romance languages' inside bodies' names: "Comisión Económica para
    # América Latina y el Caribe", "Instituto Brasileiro de Geografia e Estatística".
    # (Their articles, "el", "la", are particles too: "La Fontaine".)
    {"of", "for", "the", "on", "in", "und", "für", "y", "e", "para"}
)
# Capitalised words that, alone, are never a cited author: months, seasons, words
# that open sentences, and labels that precede years ("Figure 2, 2019").
_STOPWORDS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter
    monday tuesday wednesday thursday friday saturday sunday
    in on at by from since until till before after during around about circa early late mid
    the a an this that these those it its we our they their he she his her you your i my me
    and or but nor also then here there today yesterday tomorrow now recently previously later
    earlier however thus therefore hence moreover furthermore notably finally first second third
    as when while because although though if unless whereas both either neither according per
    like unlike with without within among between through via what which who whom whose how
    alongside beside besides beyond against amid amidst despite toward towards upon
    why where some many most several all any each every other another such only even just yet
    still so too very much more less few new old one two three four five ten last next same
    overall indeed meanwhile similarly likewise conversely nevertheless nonetheless instead
    again always never often sometimes perhaps maybe certainly clearly importantly interestingly
    table figure fig tab vol no issue chapter section page appendix supplement version edition
    ed eds rev ver phase stage step part study trial report survey review data source sources
    published updated accessed retrieved copyright posted revised edited released founded
    established approved launched estimated total year years age ages class cohort wave round
    term session see cf eg ie e.g i.e vs versus et al q1 q2 q3 q4 fy ad bc ce bce
    following compare contrast consider using
    secondo segundo según selon laut gemäß volgens conforme wie zoals comme como come obwohl
    während ainsi
    nach bei mit für über durch gegen seit auch dies diese dieser dieses jedoch zudem ebenso
    enligt ifølge ifolge według wg volgens dle podle szerint göre
    """.split()
)
# Verbs that open a sentence before a narrative citation ("Read Kingman (1982)", "Note
# Smith (2010)") and are surnames too, so that alone they stay names ("Read (2005)").
_OPENING_VERBS = frozenset("read note follow use cite quote recall".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_PREFIX_WORDS = frozenset(
    """
    see also cf e.g. e.g i.e. i.e for a review reviewed in as cited by discussed described
    reported shown found summarized summarised and the by example instance recent earlier later
    work studies study evidence data from on this topic such compare contrast but notably
    especially particularly including
    vgl. vgl s. z.b. z. b. bzw. etwa siehe voir véase ver vid. v. p.ej. см. ср. bkz. ör. jf. jfr.
    vrt. esim. zob. por. np. vö. zie bijv. t.ex. f.eks.
    """.split()
)
"""... and "see", "cf." and "e.g." in German, French, Spanish, Russian, Turkish, Nordic,
Finnish, Polish, Hungarian and Dutch: "(vgl. Beck 1986)", "(см. Леонтьев 1975)"."""
# The dash of a range, as typed ("--" in Pandoc Markdown, U+2012 figure dash, the tilde
# of East Asian typesetting, "[12~14]") or as PDF text leaves it (U+2010 hyphen, U+2011
# non-breaking hyphen).  Not U+2212: the minus sign is arithmetic ("(3 − 1) × (4 − 1)").
_RANGE_DASH = r"(?:--|[-‐‑‒–—~])"
_NUMERIC_LIST = re.compile(
    rf"^\s*\d{{1,4}}(?:\s*{_RANGE_DASH}\s*\d{{1,4}})?"
    rf"(?:\s*[,;]\s*\d{{1,4}}(?:\s*{_RANGE_DASH}\s*\d{{1,4}})?){{0,40}}\s*$"
)
_NUMERIC_ITEM = re.compile(rf"(\d{{1,4}})(?:\s*{_RANGE_DASH}\s*(\d{{1,4}}))?")
# A citation may wrap onto the next line of its paragraph, never across a blank line
# (one that holds only spaces or tabs is blank too).
_BLANK_LINE = re.compile(r"\n(?:[ \t]*\n)+")
_BRACKETS = re.compile(r"\[([^\[\]]{1,300})\]")
_PARENS = re.compile(r"\(([^()]{1,400})\)")
# A round bracket holding round brackets of its own: "(E(q) is ..., e.g. Douady and
# Couder, 1996b)".  One level deep; the alternatives open differently, so no backtracking.
_NESTED_PARENS = re.compile(r"\(((?:[^()]|\([^()]{0,100}\)){1,400})\)")
# An abbreviation of two capitals or more in round brackets: "(WHO)", "(NCD-RisC)".
_INNER_ABBREVIATION = re.compile(r"\(([A-Z][A-Z&-]*[A-Z][A-Za-z&-]{0,10})\)")
# Superscript numbers after a letter or after the punctuation AMA and Vancouver put
# them behind ("worldwide.¹", "loss,²⁻⁴"); not after a digit ("10⁹") and not a charge
# ("Ca²⁺", "PO₄³⁻").
_SUPERSCRIPT_RUN = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[)\].,;:]))(?<![¹²³⁰⁴-⁹])(?<![¹²³⁰⁴-⁹][,˒⁻‐–\-])"
    r"[¹²³⁰⁴-⁹]+(?:[,˒⁻‐–\-][¹²³⁰⁴-⁹]+){0,20}(?![⁺⁻¹²³⁰⁴-⁹])"
)
# A square or a cube after a unit or a statistic's symbol: "kg/m²", "mm³", "R²", "χ²",
# and a Greek statistic standing alone: "(τ² = 0.04)", "σ²", "η²" (but "TNF-α²" and
# "IFN-γ³" cite).
_POWER_AFTER = re.compile(r"(?<![^\W\d_])(?:[cdkmnµμ]?m|ft|R|r|I|χ|X|x)\Z|(?<![^\s(\[])[σχτρηω]\Z")
# A lone small letter in a formula, after a bracket, a comma, an operator or "=": "N(θ,
# s²)", "(a² + b²)".  Not a unit after a number or a slash ("5 g²", "48 h³", "IU/d²").
_VARIABLE_POWER_BEFORE = re.compile(r"(?:[(\[=+*]|,[ ]?|[=+*][ ])[a-z]\Z")
# An indexed variable: "s[i]²", "σ[1]²".
_INDEXED_VARIABLE_BEFORE = re.compile(r"(?<![\w\-])[^\W\d_]\[\w{1,3}\]\Z")
_CHI_TAU_BEFORE = re.compile(r"(?<![^\W\d_])(?:[Cc]hi|[Tt]au)\Z")
# "˒" (a raised comma) parts superscript numbers as a comma does: "clocks.¹˒²".
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻˒", "0123456789-,")
_MAX_RANGE = 200
# The text before a "(2012)" that a narrative citation's authors may occupy.
_LOOKBACK = 160
# German Harvard joins co-authors with a slash, "(Müller/Pollak 2004: 315)": between
# two surnames, not inside bodies' abbreviations ("WHO/UNICEF").
_SEPARATORS = re.compile(
    r"\s*(?:,\s*(?:and|&)\s+|,\s*|\s+(?:and|&)\s+|\s*&\s*|(?<=[a-zß-ÿ])/(?=[A-ZÀ-Þ][a-zß-ÿ]))"
)
_ET_AL_END = re.compile(
    r"(?:,?\s+|\s*)(?:et\.?\s+al\s?\.?|and\s+(?:colleagues|co-?workers|coauthors|co-authors)"
    # German "u. a.", Dutch "e.a.", Spanish "y cols.", Portuguese and Italian "e col.",
    # "e coll.", "e altri", French "et collab.", Swedish and Danish "m.fl.", Norwegian
    # "mfl.", Finnish "ym.", Turkish "vd." and "ve ark.", Polish "i in." and "i wsp.",
    # Croatian "i sur.", Czech "a kol.", Hungarian "és mtsai", Romanian "și colab.",
    # Russian "и др.".
    r"|and\s+others|et\s+coll\.|u\.\s?a\.|e\.\s?a\.|y\s+cols?\.|e\s+coll?s?\.|e\s+altri"
    r"|et\s+collab\.|m\.\s?fl\.|mfl\.|ym\.|vd\.|ve\s+ark\.|i\s+in\.|i\s+wsp\.|i\s+sur\."
    r"|a\s+kol\.|és\s+mtsai\.?|și\s+colab\.|и\s+др\.)\s*,?\s*$",
    re.I,
)
# Informal "(He et al Nature 2010)": capitalised words between "et al" and the year
# name the journal, not more authors.
_ET_AL_VENUE = re.compile(
    r"\bet\.?\s+al\.?,?\s+(?P<venue>(?:[A-Z][\w&.\-]*\s+){0,3}[A-Z][\w&.\-]*)\s*,?\s*$"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_ARTICLES = frozenset({"the", "a", "an", "this", "these", "our", "their", "its"})
# Words of journal and institution names; in prose "Nature Medicine (2016)" is a venue.
_VENUE_WORDS = frozenset(
    """
    journal journals medicine psychiatry nature science lancet cell neuron neurology review reviews
    reports proceedings bulletin annals archives magazine times post news university institute
    clinic hospital center centre association society foundation organization organisation agency
    administration department ministry council college school press publishing
    """.split()
)


class _Names(NamedTuple):
    """Authors read from the text before the years of a citation.  (A named tuple:
    the finder makes one per citation, at a third of a frozen dataclass's cost.)"""

    names: tuple[str, ...]
    et_al: bool
    start: int
    """Offset of the first name within the text that was parsed."""
    prefix: str
    initials: str | None = None
    """The first author's initials, given to tell two authors of one surname apart."""
    commented: bool = False
    """The names follow a comment of the bracket and its comma, with no word that
    points at a source: "(as in the Cbx transposition, Peifer and Karch, 1987)"."""
    other_reading: tuple[str, ...] = ()
    """The list with or without a name before it that may set the scene
    (`_setting_before_list`)."""


def find_citations(
    text: str,
    *,
    exclude: Sequence[Span] = (),
    superscripts: Sequence[Span] = (),
    numbered_list: bool = False,
    last_number: int | None = None,
    code: Sequence[Span] = (),
    link_targets: Sequence[Span] = (),
    flat: bool = False,
    caps_authors: bool = False,
    labels: Collection[str] = (),
    page_names: Collection[str] = (),
    notes: Sequence[NoteCitation] = (),
) -> list[Citation]:
    """All in-text citations of ``text`` outside the ``exclude`` spans, in text order.

    ``last_number``: the number of the reference list's last entry, when there is a
    list; it tells a value's interval ("34 [28, 41]") from citations.  ``code``: spans
    of code, where a citation is never found; unlike ``exclude`` they do not part the
    text, so "(`lme4`; Bates, 2015)" is still read.  ``link_targets``: the URLs a
    reader showed after a link's text, read as blanks: "([Madigan, 2019](https://...))"
    is "(Madigan, 2019)".  ``flat``: the text is plain, where superscript citations may
    have lost their raise (`_citations_flat`); they are read when they outnumber the
    bracketed numbers twice over and the first of them comes before any bracket
    citing 1.  ``caps_authors``: the reference list writes surnames in capitals, as
    ABNT does (`writes_surnames_in_capitals`), whose citations part one work's authors
    by semicolons, "(PIZO; TONETTI, 2020)".  ``labels``: the keys an alpha-style list
    labels its entries with, which the text cites in square brackets, "[Knu98]"
    (`keycites`).  ``page_names``: the names an unnumbered list dated after its titles
    may be cited under by page, as MLA cites, "(Nussbaum 33-34)" (`authorpage`).
    ``notes``: the works the article's notes cite by author and title (`fullnotes`),
    taken as citations by page in their notes' places; ``exclude`` should hold the
    notes."""
    shown = text
    if link_targets:
        text = _blanked(text, link_targets)
    blanked = text
    if caps_authors:
        text = _authors_by_commas(text)
    if "-\n" in text:
        text = _LINE_END_HYPHEN.sub(_unhyphenated, text)
    keys: dict[int, int] = {}
    if "[" in text:
        # OECD's key after the year, "(OECD, 2019[1])", blanked: the citation is the
        # name and year (its entry prints the key at the margin, `refsection`).  The
        # key is kept as the citation's number, which tells same-year entries apart.
        keys = {m.start(): int(m.group()[1:-1]) for m in _YEAR_KEY.finditer(text)}
        text = _YEAR_KEY.sub(lambda m: " " * len(m.group()), text)
    regions = _regions(len(text), exclude)
    author_year: list[_Found] = []
    brackets: list[_Found] = []
    parens: list[_Found] = []
    supers: list[_Found] = []
    for start, end in regions:
        author_year.extend(_author_year(text, start, end))
        brackets.extend(_numeric_brackets(text, start, end, last_number))
        brackets.extend(_worded_brackets(text, start, end, last_number))
        if numbered_list:
            parens.extend(_numeric_parens(text, start, end, last_number))
            parens.extend(_worded_parens(text, start, end, last_number))
            supers.extend(_unicode_superscripts(text, start, end))
            supers.extend(_markdown_marks(text, start, end))
            brackets.extend(_ref_nouns(text, start, end, last_number))
    supers.extend(_html_superscripts(text, superscripts, regions))
    author_year = _pages(author_year)
    if page_names:
        taken = [f.span for f in author_year]
        by_page = [
            _page_found(p) for p in find_page_citations(text, regions, page_names, taken=taken)
        ]
        if any(not f.narrative for f in by_page):
            # The article cites by page, so a year in brackets after a name is a date:
            # "Sontag's Illness as Metaphor (1978)", "London (1967)".  Read only if it
            # names an entry.
            author_year = [f._replace(tentative=True) for f in author_year]
        author_year.extend(by_page)
    marked: list[Span] = []
    if supers:
        supers, marked = _without_affiliation_marks(text, supers, regions)
    if parens:
        # Plain text writes a byline's markers in brackets: "R. Osei(1), M. Farrant(2)"
        # over "(1) Medicines Optimisation Team; (2) School of Pharmacy".
        parens, _ = _without_affiliation_marks(text, parens, regions)
    # Superscripts the bracket finders must not read across: an affiliation marker
    # ("Lee<sup>[1]</sup>" is a bracket too) and one glued to a digit.
    unread = _merged([*marked, *_glued_superscripts(text, superscripts)])
    if unread:
        brackets, parens = _outside(unread, brackets), _outside(unread, parens)
    if code:
        code = _merged(code)
        author_year, brackets, parens, supers = (
            _outside(code, author_year),
            _outside(code, brackets),
            _outside(code, parens),
            _outside(code, supers),
        )
    if supers and (brackets or parens):
        # "<sup>[1]</sup>" is one citation, read as the superscript.
        held = _merged([f.span for f in supers])
        brackets, parens = _outside(held, brackets), _outside(held, parens)
    brackets, parens, supers = _house_style(
        author_year, brackets, parens, supers, numbered_list, last_number
    )
    if last_number is not None and brackets:
        # Only now: as evidence of the house style they are square brackets that do not
        # fit the list ("| BIN1 | 2.9 [211] |" beside citations in round brackets).
        brackets = _without_counts_in_cells(text, brackets, last_number)
    if flat and numbered_list and last_number and not supers:
        found_flat = _flat(text, regions, last_number, code)
        bracketed = [*brackets, *parens]
        groups = len({f.group_start for f in bracketed})
        # The article's first citation shows how it cites: "[1] ... sha1, blake2 [2]".
        first_bracket = min((f.span.start for f in bracketed if f.number == 1), default=None)
        if (
            found_flat
            and (first_bracket is None or found_flat[0].span.start < first_bracket)
            and len({f.group_start for f in found_flat})
            > max(2 * groups, _non_tentative_groups(author_year))
        ):
            # The article cites by superscripts, so its few bracketed numbers are
            # other things: a table's counts, a scale's points ("agree (4)").
            brackets, parens, supers = [], [], found_flat
    if brackets and not numbered_list:
        brackets = _without_note_marks(text, brackets)
    if numbered_list:
        # A numbered list is cited by number: "the European Society of Cardiology (2018)
        # kept 140/90 mmHg [2]" names a guideline's author and year, and is a citation
        # only if the list files it so.  So does a lone name in prose where the article
        # cites by number: "data from UK Biobank (2019)", "a survey in Ohio (2018)" name
        # a source or a place (an APA list shown as "1." items is cited by name).
        numbers = len(brackets) + len(parens) + len(supers)
        by_number = numbers > 0 and numbers >= len(author_year)
        author_year = [
            f._replace(tentative=True) if f.body or (by_number and _lone_name(f)) else f
            for f in author_year
        ]
    if author_year and (brackets or parens):
        # "Ballering et al. (2022)" against a numbered list: its year is no number.  A
        # tentative reading ("Ohio (2018, 3)") takes nothing from a numeric one.
        taken = _merged([f.span for f in author_year if not f.tentative])
        brackets, parens = _outside(taken, brackets), _outside(taken, parens)
    keyed, held = _key_citations(text, regions, labels, code) if labels else ([], [])
    if labels:
        # A list labelled by keys is cited by key, so a number cites nothing: "[3]" is
        # an equation's or an item's, a superscript a footnote's.
        brackets, parens, supers = [], [], []
    if keyed:
        # "[Knu98, p. 12]" cites by key: none of its words is a name.
        author_year = _outside(held, author_year)
    found = [*author_year, *brackets, *parens, *supers, *keyed, *map(_note_found, notes)]
    found.sort(key=lambda f: (f.group_start, f.span.start, f.order))
    citations: list[Citation] = []
    group_of: dict[int, int] = {}
    for f in found:
        group = group_of.setdefault(f.group_start, len(group_of) + 1)
        written = _quoted(shown, blanked, f.span)
        if f.named is not None:
            written = f"{_quoted(shown, blanked, f.named)} … {written}"
        citations.append(
            Citation(
                id=f"cit-{len(citations) + 1}",
                kind=f.kind,
                text=written,
                span=f.span,
                group=group,
                authors=f.authors,
                et_al=f.et_al,
                year=f.year,
                # The year pattern is case-blind; a list letters its years in lower case.
                year_suffix=f.suffix.lower() if f.suffix else None,
                number=f.number if f.kind == "numeric" or not keys else _key(keys, f.span),
                narrative=f.narrative,
                prefix=f.prefix,
                locator=f.locator,
                abbreviation=f.abbreviation,
                tentative=f.tentative,
                initials=f.initials,
                title=f.title,
                original_year=f.original_year,
                locative=f.locative,
                other_reading=f.other_reading,
                label=f.label,
                by_page=f.by_page,
                short_title=f.short_title,
                note=f.note,
                book=f.book,
            )
        )
    return citations


def _page_found(page: PageCitation) -> _Found:
    return _Found(
        kind="author-year",
        span=page.span,
        group_start=page.bracket.start,
        authors=page.authors,
        et_al=page.et_al,
        narrative=page.narrative,
        prefix=page.prefix,
        locator=page.locator,
        by_page=True,
        short_title=page.short_title,
        named=page.name,
    )


def _note_found(note: NoteCitation) -> _Found:
    return _Found(
        kind="author-year",
        span=note.span,
        group_start=note.span.start,
        authors=note.authors,
        et_al=note.et_al,
        year=note.year,
        original_year=note.original_year,
        prefix=note.prefix,
        locator=note.locator,
        by_page=True,
        short_title=note.title,
        note=note.note,
        book=note.book,
    )


def _key_citations(
    text: str, regions: Sequence[tuple[int, int]], labels: Collection[str], code: Sequence[Span]
) -> tuple[list[_Found], list[Span]]:
    """The citations by key (`keycites`) outside code, and their brackets (merged)."""
    keys = [k for start, end in regions for k in find_key_citations(text, start, end, labels)]
    if code:
        keys = [k for k in keys if _outside(code, [_bracket_found(k)])]
    found = [
        _Found(
            kind="numeric",
            span=k.span,
            group_start=k.bracket.start,
            prefix=k.prefix,
            locator=k.locator,
            label=k.label,
        )
        for k in keys
    ]
    return found, _merged([k.bracket for k in keys])


def _bracket_found(key: KeyCitation) -> _Found:
    return _Found(kind="numeric", span=key.bracket, group_start=key.bracket.start)


def _key(keys: dict[int, int], span: Span) -> int | None:
    """The OECD key written right after an author-year citation's year (`_YEAR_KEY`)."""
    inside = [n for at, n in keys.items() if span.start < at <= span.end]
    return inside[0] if len(inside) == 1 else None


def _flat(
    text: str, regions: Sequence[tuple[int, int]], last_number: int, code: Sequence[Span]
) -> list[_Found]:
    """Superscript citations whose raise a copy lost (`_citations_flat`): outside code,
    without a byline's affiliation markers ("Ann Lee, MD,1 Bo Chan, PhD2"), in the
    order of first citation."""
    runs = glued_runs(text, regions, last_number)
    found = [_run_found(r) for r in runs]
    if code:
        found = _outside(code, found)
    if found:
        found, _ = _without_affiliation_marks(text, found, regions)
    kept = {f.group_start for f in found}
    return [
        f
        for r in in_citation_order([r for r in runs if r.start in kept], last_number)
        for f in _numeric_found(text[r.start : r.end], r.start, r.start)
    ]


def _run_found(run: Run) -> _Found:
    """A glued run as one mark, for the filters that take found citations."""
    return _Found(
        kind="numeric", span=Span(run.start, run.end), group_start=run.start, number=run.numbers[0]
    )


def _non_tentative_groups(found: list[_Found]) -> int:
    return len({f.group_start for f in found if not f.tentative})


def _lone_name(found: _Found) -> bool:
    """A single name in prose without `et al.`: in an article cited by number, it may
    name a thing, not a work."""
    return found.narrative and len(found.authors) == 1 and not found.et_al


def _blanked(text: str, spans: Sequence[Span]) -> str:
    """``text`` with the characters of ``spans`` turned to spaces: offsets stay."""
    parts = []
    at = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < at:
            continue
        parts += [text[at : span.start], " " * (span.end - span.start)]
        at = span.end
    parts.append(text[at:])
    return "".join(parts)


# ABNT (Brazil) parts the authors of one work by semicolons, in capitals as its list
# writes them: "(PIZO; TONETTI, 2020)", "(SILVA; SOUZA; COSTA, 2019)".  Elsewhere the
# same bracket is an acronym and a citation, "(GLASS; WHO, 2022)": read so only where
# the list writes its surnames in capitals.
_CAPS_SURNAME = (
    r"[A-ZÀ-Ý][A-ZÀ-Ý'-]+(?:\s+(?:DE|DA|DO|DOS|DAS|DI|DEL|VAN|VON)\s+[A-ZÀ-Ý][A-ZÀ-Ý'-]+)?"
)
_SEMICOLON_AUTHORS = re.compile(
    rf"(?<=[(;])\s*{_CAPS_SURNAME}(?P<semicolon>;)(?=\s*{_CAPS_SURNAME}\s*(?:;|,|et\s+al))"
)
_CAPS_ENTRY = re.compile(rf"{_CAPS_SURNAME},\s")


def writes_surnames_in_capitals(entries: Sequence[str]) -> bool:
    """Whether most of a reference list's ``entries`` open with a surname in capitals
    and a comma, "PIZO, M. A.; TONETTI, V. R. Living in ...": ABNT's lists."""
    caps = sum(_CAPS_ENTRY.match(e) is not None for e in entries)
    return caps >= 2 and 2 * caps > len(entries)


_YEAR_KEY = re.compile(r"(?<=(?:1[5-9]|20)\d\d)\[\d{1,3}\](?=\s*[);,])")


# A word that PDF text broke at a line's end with a hyphen: "Rus-\nsell (1996)", or a
# double-barrelled name broken at its own, "Lloyd-\nJones (2010)".
_LINE_END_HYPHEN = re.compile(r"\b([A-Z][a-z]*)-[ \t]*\n[ \t]*([a-z]+|[A-Z][a-z]+)\b")


def _unhyphenated(m: re.Match[str]) -> str:
    """The broken word whole, padded after it so that offsets stay: "Russell   ",
    "Lloyd-Jones "."""
    tail = m.group(2)
    whole = m.group(1) + ("-" if tail[0].isupper() else "") + tail
    return whole + " " * (len(m.group()) - len(whole))


# A note's text under the article, opened by its bracketed number: "[1] The other
# seven areas included ..." (Word's and Google Docs' footnotes as HTML gives them).
_NOTE_LINE = re.compile(r"^[ \t]*\[(\d{1,3})\][ \t]+[^\W\d_]", re.MULTILINE)


def _without_note_marks(text: str, brackets: list[_Found]) -> list[_Found]:
    """``brackets`` without the marks of notes: where the reference list is not
    numbered, a bracketed number that a note's text under the article takes up is
    that note's call-out (or its label), no citation.  The notes are the lines "[n]
    Text" after the last other bracket, numbered 1, 2, 3 ...: a sentence that opens
    with a citation ("[12] proposed a method") is none."""
    lines = [(m.start(1) - 1, int(m.group(1))) for m in _NOTE_LINE.finditer(text)]
    if not lines:
        return brackets
    labels = {start for start, _ in lines}
    last_call = max((f.span.start for f in brackets if f.group_start not in labels), default=-1)
    numbers = [n for start, n in lines if start > last_call]
    if not numbers or numbers != list(range(1, len(numbers) + 1)):
        return brackets
    notes = set(numbers)
    return [f for f in brackets if f.number not in notes]


def _authors_by_commas(text: str) -> str:
    """``text`` with the semicolons between one work's authors in capitals turned to
    commas, offsets kept: "(PIZO, TONETTI, 2020)" reads as one citation."""
    if ";" not in text:
        return text
    chars = list(text)
    for m in _SEMICOLON_AUTHORS.finditer(text):
        chars[m.start("semicolon")] = ","
    return "".join(chars)


def _quoted(shown: str, read: str, span: Span) -> str:
    """The citation at ``span`` as written, or, where the finder read link targets as
    blanks (``read`` is `_blanked`), without them: "Madigan, 2019" for "Madigan, 2019
    https://doi.org/...", not the address."""
    written = shown[span.start : span.end]
    if read is shown:
        return written
    blanked = read[span.start : span.end]
    if blanked == written:
        return written
    return re.sub(r"\s+(?=[)\]])|(?<=\s)\s+", "", blanked).strip()


class _Found(NamedTuple):
    """A citation as a finder read it.  (A named tuple, as `_Names`.)"""

    kind: CitationKind
    span: Span
    group_start: int
    order: int = 0
    authors: tuple[str, ...] = ()
    et_al: bool = False
    year: str | None = None
    suffix: str | None = None
    number: int | None = None
    narrative: bool = False
    prefix: str | None = None
    locator: str | None = None
    abbreviation: str | None = None
    tentative: bool = False
    initials: str | None = None
    body: bool = False
    """Read as a body named in prose (`_body_name`)."""
    title: bool = False
    original_year: str | None = None
    count_like: bool = False
    """A lone name, a year and a bare number, which a place, a year and a count read
    the same (`_count_like`): tentative unless the article cites pages so (`_pages`)."""
    page_form: bool = False
    """Chicago's bracket: the name and year inside it with no comma between them,
    "(Snow 1855, 38)", where a bare number after the year is a page."""
    page_range: bool = False
    """Chicago's bracket with a bare page range, "(Snow 1855, 38-55)"."""
    locative: bool = False
    """Narrative, after a word that introduces a place (`_LOCATIVE_BEFORE`)."""
    other_reading: tuple[str, ...] = ()
    writer: bool = False
    """Narrative, followed by what a writer does (`_writer_after`)."""
    label: str | None = None
    """A key citation's key ("Knu98" of "[Knu98]", `keycites`)."""
    by_page: bool = False
    """Cited by author and page (`authorpage`)."""
    short_title: str | None = None
    named: Span | None = None
    """A page after a name in prose: the name's place (`authorpage`)."""
    note: str | None = None
    """The note that makes the citation (`fullnotes`)."""
    book: str | None = None


_STYLE_EVIDENCE = 3
"""Citations of one style needed before another, rarer style is taken for something else."""
_ROUND_MAJORITY = 4
"""How many times more round brackets of numbers than square ones an article needs
before it may be one that cites with round brackets (`_rounds_cite`)."""


def _house_style(
    author_year: list[_Found],
    brackets: list[_Found],
    parens: list[_Found],
    supers: list[_Found],
    numbered_list: bool,
    last_number: int | None,
) -> tuple[list[_Found], list[_Found], list[_Found]]:
    """The numeric citations that fit the article's own citation style.

    An article cites in one way.  Against an unnumbered list, an article that cites by
    author and year uses square-bracketed and superscript numbers for other things ("the
    permutations [4, 2, 3]", "10⁶ cells"); an article that cites with square brackets
    writes round-bracketed numbers for scale points and counts ("hardly ever (1)") and
    superscript numbers for exponents.
    """
    groups = {f.group_start for f in brackets}
    if not numbered_list and len({f.group_start for f in author_year}) >= max(
        _STYLE_EVIDENCE, 2 * len(groups)
    ):
        # Exponents and footnote marks are superscript numbers too ("10⁶ cells").
        brackets = supers = []
    if len(groups) >= _STYLE_EVIDENCE:
        if _rounds_cite(brackets, parens, last_number):
            brackets = []
        else:
            parens = []
        if not _supers_cite(brackets, supers, last_number):
            supers = []
        elif _past_the_list(brackets, last_number):
            # Superscripts that all fit beside square brackets that do not: the square
            # ones are notation ("c.1210-34TG[11]T[5]", "buf[64]").
            brackets = []
    return brackets, parens, supers


def _past_the_list(found: list[_Found], last_number: int | None) -> bool:
    return last_number is not None and any((f.number or 0) > last_number for f in found)


def _supers_cite(brackets: list[_Found], supers: list[_Found], last_number: int | None) -> bool:
    """Whether an article with square-bracketed numbers cites with superscripts too:
    they are as many as the square ones and fit the list as well.  Then the square ones
    are call-outs in a table's cells, or notation ("TG[11]T[5]"), and the superscripts
    no exponents, which rarely all lie in the list."""
    if last_number is None or not supers:
        return False
    ups = _fitting_share(supers, last_number)
    squares = _fitting_share(brackets, last_number)
    return ups[1] >= squares[1] and ups[0] >= squares[0] and ups[0] == 1.0


def _rounds_cite(brackets: list[_Found], parens: list[_Found], last_number: int | None) -> bool:
    """Whether an article with square-bracketed numbers cites with round brackets: its
    round ones outnumber the square ones `_ROUND_MAJORITY` times over and fit the list
    better (a larger share of their brackets hold only numbers it has).  Then the
    square ones are other things, ranks or values in a table ("2.9 [211]").  A survey's
    scale points in round brackets ("low (3), moderate (4-6), high (7-9)") outnumber its
    citations too, but fit no better."""
    if last_number is None:
        return False
    rounds = _fitting_share(parens, last_number)
    squares = _fitting_share(brackets, last_number)
    return rounds[1] >= _ROUND_MAJORITY * squares[1] and rounds[0] > squares[0]


def _fitting_share(found: list[_Found], last_number: int) -> tuple[float, int]:
    """The share of the brackets of ``found`` whose numbers all lie in the list, and
    how many brackets there are."""
    past: dict[int, bool] = {}
    for f in found:
        past[f.group_start] = past.get(f.group_start, False) or (f.number or 0) > last_number
    if not past:
        return 0.0, 0
    return sum(not p for p in past.values()) / len(past), len(past)


def _merged(spans: Sequence[Span]) -> list[Span]:
    """``spans`` sorted, with overlapping ones (nested code elements) joined: what
    `_outside` takes."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: s.start):
        if out and s.start < out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out


def _outside(code: Sequence[Span], found: list[_Found]) -> list[_Found]:
    """The citations of ``found`` that overlap no span of ``code`` (sorted, disjoint)."""
    starts = [s.start for s in code]
    kept = []
    for f in found:
        k = bisect_right(starts, f.span.end - 1) - 1
        if k < 0 or code[k].end <= f.span.start:
            kept.append(f)
    return kept


def _without_affiliation_marks(
    text: str, supers: list[_Found], regions: Sequence[tuple[int, int]]
) -> tuple[list[_Found], list[Span]]:
    """``supers`` without affiliation markers and labels (`affiliations`), and the
    spans of those marks."""
    groups: dict[int, list[_Found]] = defaultdict(list)
    for f in supers:
        groups[f.group_start].append(f)
    marks = [
        Mark(start, max(f.span.end for f in found), tuple(f.number for f in found if f.number))
        for start, found in groups.items()
    ]
    marked = affiliation_marks(text, marks, regions)
    if not marked:
        return supers, []
    spans = [Span(m.start, m.end) for m in marks if m.start in marked]
    return [f for f in supers if f.group_start not in marked], spans


def _glued_superscripts(text: str, superscripts: Sequence[Span]) -> list[Span]:
    """The superscripts that open with a digit right after a digit: a bracket read
    across one holds numbers nobody wrote ("(10<sup>5</sup>)" flattens to "(105)",
    "(12<sup>3,4</sup>)" to "(123,4)")."""
    return [
        s
        for s in superscripts
        if 0 < s.start < s.end and text[s.start - 1].isdigit() and text[s.start].isdigit()
    ]


def _regions(length: int, exclude: Sequence[Span]) -> list[tuple[int, int]]:
    regions = []
    pos = 0
    for span in sorted(exclude, key=lambda s: s.start):
        if span.start > pos:
            regions.append((pos, span.start))
        pos = max(pos, span.end)
    if pos < length:
        regions.append((pos, length))
    return regions


# ---------------------------------------------------------------- author-year


def _author_year(text: str, start: int, end: int) -> Iterator[_Found]:
    found = list(_author_year_in(_PARENS, text, start, end))
    for m in _NESTED_PARENS.finditer(text, start, end):
        # Only what follows the inner brackets, whose words are lost to the reading:
        # an item after a semicolon ("(Smith (2001); Jones, 2004)"), or names after a
        # word that points at a source ("(E(q) is ..., e.g. Douady and Couder, 1996b)").
        # Not "(Leeds (n = 120) and Manchester, 2019)" or "(REC (ref 19/NW/0123),
        # North West, 2019)": what the inner brackets hide may rule the names out.
        content = m.group(1)
        inner_end = content.rfind(")") + 1
        tail = content[inner_end:]
        if not inner_end or _spans_paragraphs(tail) or not _YEAR_TOKEN.search(tail):
            continue
        inner_start = content.rfind("(", 0, inner_end)
        inner = _INNER_ABBREVIATION.fullmatch(content, inner_start, inner_end)
        if inner is not None and content.count("(") == 1:
            # "(World Health Organization (WHO), 2020)": the abbreviation a group
            # author declares, as APA's square brackets do.
            declared = f"{content[:inner_start]}[{inner.group(1)}]{tail}"
            found.extend(_parenthetical(declared, m.start(1)))
            continue
        base = m.start(1) + inner_end
        first, semicolon, rest = tail.partition(";")
        # After a narrative citation ("(e.g., Lee (2019) and Park, 2020)") the names
        # go on; after other inner brackets only a pointing word vouches for them.
        year = _YEAR_TOKEN.fullmatch(content, inner_start + 1, inner_end - 1)
        found.extend(
            f
            for f in _parenthetical(first, base)
            if year is not None or _CUE_AT_END.search(f.prefix or "")
        )
        if semicolon:
            found.extend(_parenthetical(rest, base + len(first) + 1))
    # "(as in [DeVido et al., 2008])": square brackets inside round ones (eLife).
    for m in _BRACKETS.finditer(text, start, end):
        content = m.group(1)
        if not _spans_paragraphs(content) and _YEAR_TOKEN.search(content):
            found.extend(_parenthetical(content, m.start(1)))
    yield from found
    yield from _bare_et_al(text, start, end, [f.span for f in found])


# "the experiments of Besnard et al., 2014": "et al." and a year, with no bracket of
# their own.  "et al." proves an author list, so this form alone is read bare.
# It opens with the literal "et", which the regex engine finds by a fast scan; the
# white space before it and the word before that are checked by hand
# (`_et_al_start`): a lookbehind first would be tried at every character.
_BARE_ET_AL = re.compile(
    rf"et\.?\s+al\s?\.?(?P<tail>\s*,?\s*)(?P<y>{_YEAR_WORD})(?P<s>[a-z])?(?![\w\-–])"
)
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\w")


def _et_al_start(text: str, start: int, at: int) -> int | None:
    """Where the white space before "et" at ``at`` begins, when a word precedes it
    (not before ``start``); None otherwise."""
    i = at
    while i > start and _SPACE.match(text, i - 1):
        i -= 1
    return i if i < at and i > 0 and _WORD.match(text, i - 1) else None


def _bare_et_al(text: str, start: int, end: int, taken: Sequence[Span]) -> Iterator[_Found]:
    """``Besnard et al., 2014`` in running text, or in a bracket whose other words kept
    the bracket from being read as a citation ("(2hjr, 62% identity, Vedadi et al.,
    2007)")."""
    spans = sorted(taken, key=lambda s: s.start)
    starts = [s.start for s in spans]
    for m in _BARE_ET_AL.finditer(text, start, end):
        at = _et_al_start(text, start, m.start())
        if at is None:
            continue
        k = bisect_right(starts, m.start("y")) - 1
        if k >= 0 and spans[k].end > m.start("y"):
            continue  # already part of a citation
        window_start, window = _paragraph_before(text, start, at, m.start("tail"))
        names = _parse_names(window, parenthetical=False)
        if names is None:
            continue
        span = Span(window_start + names.start, m.end())
        yield _Found(
            kind="author-year",
            span=span,
            group_start=span.start,
            authors=names.names,
            et_al=True,
            year=m.group("y"),
            suffix=m.group("s"),
            narrative=True,
        )


# A species' scientific name, the genus capitalised and the epithet in lower case
# (`_after_taxon` asks a Latin ending of it): "Duttaphrynus melanostictus", "Papilio
# machaon".  After it, "(Schneider, 1799)" or "Linnaeus, 1758" is the name's
# authority, which no reference list gives.
_TAXON_END = re.compile(r"\b[A-Z][a-z]{2,}\s+(?:\([A-Z][a-z]+\)\s+)?(?P<epithet>[a-z]{3,})\s*$")
_AUTHORITY_BEFORE = 1960
"""Authorities of the species a text names are mostly older than this; a citation
after a disease's Latin name ("Multiple sclerosis (Munger, 2006)") mostly younger."""
_LATIN_ENDING = re.compile(r"(?:us|um|is|ae|ii|ensis|oides|ium|a|i|ix|ops|ens)$")
_ENGLISH_LATINATE = frozenset(
    """
    data criteria formula formulae area basis analysis thesis hypothesis status census
    virus focus consensus minimum maximum forum medium spectrum via idea era media agenda
    bonus campus corpus nucleus radius stimulus apparatus genus species series axis
    crisis diagnosis prognosis synopsis emphasis taxa phenomena bacteria museum serum
    curriculum sodium calcium potassium magnesium helium opium vacuum matrix appendix
    helix cervix suffix prefix lens camera drama dogma trauma asthma edema oedema
    """.split()
)


def _after_taxon(text: str, *, any_ending: bool = False) -> bool:
    """Whether ``text`` ends with a species' scientific name (`_TAXON_END`), its
    epithet with a Latin ending unless ``any_ending`` (a name and its authority in one
    bracket, "(Papilio machaon Linnaeus, 1758)"; not a verb's form, "(Data adapted
    from ...)")."""
    m = _TAXON_END.search(text[-80:])
    if m is None:
        return False
    epithet = m.group("epithet")
    return (
        (
            _LATIN_ENDING.search(epithet) is not None
            or (any_ending and not epithet.endswith(("ed", "ing")))
        )
        and epithet not in _ENGLISH_LATINATE
        and epithet not in _STOPWORDS
    )


def _named_species(names: _Names, year: str) -> bool:
    """A bracket that opens with a species' name before the name and year, "(Papilio
    machaon Linnaeus, 1758)": its authority (`_authority`)."""
    return (
        len(names.prefix.split()) == 2
        and _after_taxon(names.prefix, any_ending=True)
        and _authority(names.names, names.et_al, year)
    )


def _authority(authors: tuple[str, ...], et_al: bool, year: str | None) -> bool:
    """A name and year that may be a species' authority: one author or two, no
    `et al.`, a year before `_AUTHORITY_BEFORE`."""
    return (
        not et_al
        and len(authors) <= 2
        and year is not None
        and year.isdigit()
        and int(year) < _AUTHORITY_BEFORE
    )


def _author_year_in(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[_Found]:
    for m in pattern.finditer(text, start, end):
        content = m.group(1)
        if _spans_paragraphs(content) or not _YEAR_TOKEN.search(content):
            continue
        base = m.start(1)
        items = list(_parenthetical(content, base))
        if items:
            if (
                len(items) == 1
                and _authority(items[0].authors, items[0].et_al, items[0].year)
                and _after_taxon(text[max(start, m.start() - 80) : m.start()])
            ):
                # "Duttaphrynus melanostictus (Schneider, 1799)": the authority of the
                # name, a citation only if the list has the work after all.
                items[0] = items[0]._replace(tentative=True)
            yield from items
            continue
        narrative = _narrative(text, m.start(), m.end(), content, base, start)
        if narrative is not None:
            yield from narrative


def _parenthetical(content: str, base: int) -> Iterator[_Found]:
    """Items of ``(Li et al., 2010; see Zanos et al., 2016, p. 4)``."""
    group_start = base - 1
    order = 0
    last: _Names | None = None
    for piece_start, piece, primary in _items(content):
        stripped = _without_comment(piece.rstrip())
        tail = _YEARS_TAIL.search(stripped) if len(stripped) <= 250 else None
        if tail is None:
            continue
        abbreviation = None
        quoted = crew = coded = None
        if tail.start() == 0 or not stripped[: tail.start()].strip():
            # "(Douady and Couder, 1996a; 1996b)": years alone repeat the authors before.
            if last is None or not order:
                continue
            lead = len(stripped) - len(stripped.lstrip())
            names = _Names(last.names, last.et_al, lead, "")
        else:
            # APA's first citation of a group author gives its abbreviation in square
            # brackets, "(National Institute of Mental Health [NIMH], 2020)"; later
            # ones cite the abbreviation alone, which the linker spells out.
            head = stripped[: tail.start()]
            declared = _GROUP_ABBREVIATION.search(head)
            if declared is not None:
                head = head[: declared.start()]
            inner = (
                _INNER_GROUP_ABBREVIATION.fullmatch(head)
                if declared is None and "[" in head
                else None
            )
            quoted = _QUOTED_TITLE.fullmatch(head)
            crew = _crew_author(head) if "." not in head else None
            coded = _CODED_AUTHOR.fullmatch(head)
            site = _SITE_AUTHOR.fullmatch(head) if "." in head else crew or coded
            spelt = _spelt_body(head, declared.group("abbr") if declared is not None else None)
            parsed = (
                _Names((quoted.group("title"),), False, quoted.start("title") - 1, "")
                if quoted is not None
                else _Names((site.group(1),), False, site.start(1), "")
                if site is not None
                else spelt
                if spelt is not None
                else _parse_names(head, parenthetical=True)
                if inner is None
                else _Names((f"{inner['name']} {inner['rest']}",), False, inner.start("name"), "")
            )
            if parsed is None:
                continue
            names = parsed
            abbreviation = (
                declared.group("abbr")
                if declared is not None
                else f"{inner['abbr']} {inner['rest']}"
                if inner is not None
                else None
            )
        last = names
        years = _years(tail.group("years"))
        if not years:
            continue
        locator = (tail.group("loc") or "").strip(" ,:") or None
        # "(Snow 1855, 38)", not "(England, 2019, 231)" nor years alone ("(1855, 38)").
        page_form = bool(stripped[: tail.start()].strip()) and not stripped[
            : tail.start()
        ].rstrip().endswith(",")
        first_abs = base + piece_start + names.start
        years_abs = base + piece_start + tail.start("years")
        for k, (year, suffix, y_start, y_end) in enumerate(years):
            if k == 0:
                span_start = first_abs
                span_end = (
                    base
                    + piece_start
                    + (
                        tail.end("loc")
                        if locator and len(years) == 1
                        else tail.start("years") + y_end
                    )
                )
            else:
                span_start = years_abs + y_start
                span_end = years_abs + y_end
                if locator and k == len(years) - 1:
                    span_end = base + piece_start + tail.end("loc")
            yield _Found(
                kind="author-year",
                span=Span(span_start, span_end),
                group_start=group_start,
                order=order,
                authors=names.names,
                et_al=names.et_al,
                year=year,
                suffix=suffix,
                prefix=names.prefix or None,
                locator=locator,
                abbreviation=abbreviation,
                # A quoted title may be a quotation's opening words: read only if it
                # names an entry.
                tentative=(
                    primary
                    or names.commented
                    or _named_species(names, year)
                    or _code_number(names, year)
                    or quoted is not None
                    # "(junior developers, 2020)" may be prose: a crew named all in
                    # lower case is read only if it names an entry.
                    or (crew is not None and crew.group(1).islower())
                    or coded is not None
                    or _academic_year(tail, y_start, y_end)
                ),
                initials=names.initials,
                title=quoted is not None,
                original_year=_original_year(tail, y_start, y_end),
                count_like=_count_like(names, tail, suffix, page_form=page_form),
                page_form=page_form,
                page_range=page_form and _page_range(tail),
            )
            order += 1


# What a bracket may say after its citation: "(see Collett 2015, 389-402, for a careful
# discussion)", "(compare Chen, 2023b, Fig. 4, for a similar benchmark)", "(see Kerr
# and Pindar, 2015, for range shifts at the continental scale)".
_TRAILING_COMMENT = re.compile(r",\s+for\s+[a-z][^;]*$")
_YEAR_IN = re.compile(rf"(?<!\d){_YEAR_WORD}(?!\d)")


def _without_comment(item: str) -> str:
    """A bracket's item without the comment after its citation: "(see Li, 2009, for a
    review)", "Li (2009, for a review)"; not "(see, for a review, Li, 2009)", where a
    year follows the comment."""
    comment = _TRAILING_COMMENT.search(item)
    if comment is None or _YEAR_IN.search(item, comment.start()):
        return item
    return item[: comment.start()]


def _code_number(names: _Names, year: str) -> bool:
    """Two or three capitals and a number too early for a body that writes ("reference
    HS 1721", an approval's code) read only if they name an entry."""
    return (
        len(names.names) == 1
        and not names.et_al
        and names.names[0].isupper()
        and len(names.names[0]) <= _CODE_LETTERS
        and year.isdigit()
        and int(year) < _BODIES_FROM
    )


_BODIES_FROM = 1800
"""No body cited by its initials wrote before this year."""
_CODE_LETTERS = 3
"""Capitals of a code; longer ones may be a surname in small capitals ("LIND 1753")."""


def _year_token(tail: re.Match[str], start: int, end: int) -> re.Match[str] | None:
    return _YEAR_TOKEN.fullmatch(tail.group("years")[start:end])


def _academic(m: re.Match[str]) -> bool:
    """Two years in a row, "2019/2020": one academic year or season."""
    return m.group("o") is not None and int(m.group("y")) == int(m.group("o")) + 1


def _academic_year(tail: re.Match[str], start: int, end: int) -> bool:
    """Whether a year of ``tail`` is an academic year or season ("2019/2020"), which
    a place or a programme may carry as well as an author: such a citation stands only
    if it names an entry (it is tentative).  A reprint's two years ("1885/1913",
    "[1962] 2012") are a citation's form alone; the linker tries either year."""
    m = _year_token(tail, start, end)
    return m is not None and _academic(m)


def _original_year(tail: re.Match[str], start: int, end: int) -> str | None:
    """The first year of a reprint's two ("1885" of "1885/1913", "1962" of "[1962]
    2012"), which the linker tries when the later one names no entry; not of an
    academic year ("2019/2020", read as 2019)."""
    m = _year_token(tail, start, end)
    if m is None or _academic(m):
        return None
    return m.group("ob") or m.group("o")


def _count_like(names: _Names, tail: re.Match[str], suffix: str | None, *, page_form: bool) -> bool:
    """A bare number after the year that a count could be: "(England, 2019, 231)",
    "Ohio (2018, 412)", "Haiti (2010, 220-316)".  Not after "et al." or two names
    ("Polack et al. (2020, 2604)"), nor after a year's letter ("Fairweather (2021a,
    230)"), which counts do not carry, nor a range in Chicago's bracket ("(Snow 1855,
    38-55)"), where prose does not put a place and its figures."""
    bare = tail.group("bare")
    if bare is None or suffix is not None or len(names.names) != 1 or names.et_al:
        return False
    return bare.isdigit() or not page_form


def _page_range(tail: re.Match[str]) -> bool:
    bare = tail.group("bare")
    return bare is not None and not bare.isdigit()


# The secondary source named later in the sentence of a narrative citation:
# "Beveridge's (1942) five giants ... (as cited in Timmins, 2017)".  APA lists only
# the secondary source, so the primary one is read only if the list has it.
_SECONDARY_LATER = re.compile(r"\((?:as\s+)?(?:cited|quoted)\s+in\s", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“‘(]|\s*$)|\n\s*\n")
_SECONDARY_REACH = 300


def _cited_later_in_sentence(text: str, at: int) -> bool:
    end = _SENTENCE_END.search(text, at, at + _SECONDARY_REACH)
    stop = end.start() if end is not None else min(len(text), at + _SECONDARY_REACH)
    return _SECONDARY_LATER.search(text, at, stop) is not None


# What a writer does, said right after a narrative citation with a page range:
# "Hamlin (1998, 157-87) has shown ...", "Solove (2006, 482-84) showed ...".  With one
# bare number, only what writers alone do: "Geertz (1973, 5) famously described ...",
# "Westin (1967, 7) defined ...", for states and parties also show, insist, claim,
# maintain, note and conclude ("Germany (1913, 14) showed the fastest growth",
# "France (1919, 132) insisted"), and a monarch's age comes before "who" ("Victoria
# (1837, 18), who came to the throne").  None after a word that introduces a place
# ("Data from Kenya (2019, 412) suggest ...").  "Reported", "estimated" and "found"
# are left out: a state reports, an agency estimates.
_ADVERB = (
    r"(?:(?:has|had|have)[ \t]+)?"
    r"(?:(?:later|also|first|famously|rightly|further|similarly|memorably)[ \t]+)?"
)
_ARGUES = (
    r"argue[sd]?|describe[sd]?|define[sd]?|elaborate[sd]?|contend(?:s|ed)?|wr(?:ites|ote|itten)"
    r"|remind(?:s|ed)?|coined|emphasi[sz]e[sd]?|propose[sd]?"
)
_ARGUES_AFTER = re.compile(rf",?[ \t]+{_ADVERB}(?:{_ARGUES})\b")
_WRITER_AFTER = re.compile(
    rf",?[ \t]+(?:who\b|{_ADVERB}(?:{_ARGUES}|show(?:s|ed|n)?|document(?:s|ed)?"
    r"|demonstrate[sd]?|insist(?:s|ed)?|suggest(?:s|ed)?|claim(?:s|ed)?|observe[sd]?"
    r"|note[sd]?|treat(?:s|ed)?|trace[sd]?|conclude[sd]?|maintain(?:s|ed)?"
    # Present tense only: "Denmark (2001, 120-145) examined here" is passive.
    r"|stress(?:es|ed)?|discusses|explores|examines|analy[sz]es|develops|recounts"
    r"|points[ \t]+out|makes[ \t]+(?:a|an|the|this|that)[ \t]+(?:[\w-]+[ \t]+){0,2}?argument"
    r")\b)"
)


# What a writer did, said right before a narrative citation as its agent: "the
# principles set out by Deaton (1997, 148-61)", "as argued by Geertz (1973, 5)".  Not
# what states and agencies do too ("followed by Kenya (2019, 412)", "reported by",
# "estimated by", "led by").
_WRITER_BEFORE = re.compile(
    r"\b(?:(?:set|laid|spelt|spelled)[ \t]+out|put[ \t]+forward|argued|described|defined"
    r"|proposed|developed|introduced|outlined|coined|formulated|devised|pioneered"
    r"|articulated|elaborated|theori[sz]ed|summari[sz]ed|critici[sz]ed|advocated"
    r"|popularised|popularized|suggested|explained|discussed|analy[sz]ed)[ \t]+by[ \t]+\Z"
)
_WRITER_BEFORE_WINDOW = 40


def _writer_before(window: str, start: int) -> bool:
    """Whether a narrative citation at ``start`` is the agent of what a writer did
    (`_WRITER_BEFORE`)."""
    return _WRITER_BEFORE.search(window, max(0, start - _WRITER_BEFORE_WINDOW), start) is not None


def _writer_after(text: str, close_at: int, tail: re.Match[str], *, locative: bool) -> bool:
    """Whether a narrative citation is followed by what a writer does (`_WRITER_AFTER`,
    `_ARGUES_AFTER`)."""
    if locative or tail.group("bare") is None:
        return False
    said = _WRITER_AFTER if _page_range(tail) else _ARGUES_AFTER
    return said.match(text, close_at) is not None


_PAGE_STYLE = 2
"""Chicago brackets with a bare page range by which an article shows that it cites
pages with no "p." (Chicago, AAA): its lone bare numbers in such brackets are pages."""


def _pages(author_year: list[_Found]) -> list[_Found]:
    """The citations with their count-like ones tentative, but for those in Chicago's
    bracket where the article cites bare page ranges in it (`_PAGE_STYLE`):
    "(Geertz 1973, 5)" then, never "Ohio (2018, 412)" in prose; and those in prose
    followed by what a writer does (`_writer_after`: "Geertz (1973, 5) argued")."""
    pages = sum(f.page_range for f in author_year) >= _PAGE_STYLE
    return [
        f._replace(tentative=True)
        if f.count_like and not (pages and f.page_form) and not f.writer
        else f
        for f in author_year
    ]


# Where a bracket's items part: a semicolon, or "as cited in" ("quoted in") before a
# secondary source.
_ITEM_BREAK = re.compile(r";|,?\s+(?:as\s+)?(?:cited|quoted)\s+in\s+(?=\S)", re.IGNORECASE)


def _items(content: str) -> list[tuple[int, str, bool]]:
    """``(start, text, primary)`` of a bracket's items.  ``primary``: the item is a
    work the next one cites, "(Irish et al., 2015, as cited in Walker, 2017)".  APA
    lists only the secondary source, so the primary one is tentative: read only if the
    list has it after all."""
    out = []
    pos = 0
    for m in _ITEM_BREAK.finditer(content):
        out.extend(_comma_items(content, pos, m.start()))
        out[-1] = (*out[-1][:2], m.group() != ";")
        pos = m.end()
    out.extend(_comma_items(content, pos, len(content)))
    return out


# A comma after a year, then a capitalised word: where some journals (Inter-Research,
# many ecology ones) part a bracket's citations, "(Dayton 1985, Steneck et al. 2002)".
_YEAR_COMMA = re.compile(rf"(?<!\d){_YEAR_WORD}[a-z]?(?P<comma>,)\s+(?=[A-Z])")


def _comma_items(content: str, start: int, end: int) -> list[tuple[int, str, bool]]:
    """The items of ``content[start:end]`` parted at a year's comma when what follows
    has a year of its own ("Steneck et al. 2002", not "Table 2" or "p. 4")."""
    out: list[tuple[int, str, bool]] = []
    pos = start
    for m in _YEAR_COMMA.finditer(content, start, end):
        if m.start() < pos:
            continue
        rest = content[m.end() : end]
        nxt = _YEAR_COMMA.search(rest)
        if _YEAR_IN.search(rest, 0, nxt.start("comma") if nxt is not None else len(rest)) is None:
            continue
        out.append((pos, content[pos : m.start("comma")], False))
        pos = m.end()
    out.append((pos, content[pos:end], False))
    return out


# APA cites a work without author by its title in quotation marks, the comma inside
# them: '("Mental Health of Children and Young People in England," 2021)'.
_QUOTED_TITLE = re.compile(r"\s*[\"“](?P<title>[A-Z0-9][^\"“”]{1,150}?),?[\"”]\s*,?\s*")
_ABBREVIATION = r"[A-Z][A-Za-z0-9&-]{0,10}"
"""An abbreviation declared in brackets, but for its last letter."""
# A site that signs its data by its address: "(GBIF.org, 2024)".
_SITE_AUTHOR = re.compile(rf"\s*({SITE_NAME})\s*,?\s*")
# A body's abbreviation with a digit, "the W3C (2023)", "the C40 (2021)": a virus or a
# molecule is written so too ("H1N1 (2009)", "CO2"), so it cites only a listed body.
_CODED = r"[A-Z][A-Z0-9]{0,5}\d[A-Z0-9]{0,5}"
_CODED_BEFORE = re.compile(rf"(?<![\w.\-/])({_CODED})[ \t]*\Z")
_CODED_AUTHOR = re.compile(rf"\s*({_CODED})\s*,?\s*")
_SITE_BEFORE = re.compile(rf"(?<![\w.@/])({SITE_NAME})[ \t]*\Z")
_LEGAL_FORM_END = re.compile(
    r"[A-Z][\w&'’-]*\s+(?:Inc|Ltd|Corp|Co|Pty|plc|LLC|GmbH|AG|S\.A|N\.V|B\.V)\.$"
)
"""A company's name and its legal form's abbreviation, which ends in a stop."""
_NAME_GLUE = frozenset(
    "of for and the on in to de du des la le les van voor der den von für y e et di del della".split()
)
"""Small words of a body's name that its abbreviation leaves out."""


def _spelt_body(head: str, abbreviation: str | None) -> _Names | None:
    """ "(Haute Autorité de santé [HAS], 2023)", "(Centraal Bureau voor de Statistiek
    [CBS], 2023)": a name with lower-case words, whole, when the abbreviation it
    declares spells its words' initials (the name reader stops at lower-case words);
    without one, "(Ordre national des infirmiers, s. d.)": a body's head word and only
    bodies' lower-case words."""
    if "et al" in head or " " not in head.strip():
        return None  # most items: people, or one word
    m = _LEAD_WORD.match(head)
    start = m.end() if m else 0
    name = head[start:].strip().rstrip(",").strip()
    words = name.split()
    if (
        len(words) < 2
        or not words[0][:1].isupper()
        # English names' small words the name reader takes ("Department of Health and
        # Social Care [DHSC]"): its readings stand.
        or not any(w[:1].islower() and w not in _CONNECTORS and w != "and" for w in words)
    ):
        return None
    if abbreviation is None:
        if not (
            (words[0] in BODY_NOUNS or words[0] in ROMANCE_BODY_HEADS)
            and len(words) <= _SPELT_BODY_WORDS
            and all(_body_word(words, k) for k in range(len(words)))
        ):
            return None
    elif (
        "".join(w[0] for w in words if w.lower() not in _NAME_GLUE).upper() != abbreviation.upper()
    ):
        return None
    return _Names((name,), False, start, "")


_LEAD_WORD = re.compile(r"\s*(?:(?:see|e\.g\.,?|cf\.)\s+)?")
_SPELT_BODY_WORDS = 8
"""Words of a body's name read whole without a declared abbreviation, at most."""


def _body_word(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` may be a word of a body's name: capitalised, a small word,
    a bodies' lower-case word ("national", "santé"), or any word after a small word
    ("des infirmiers")."""
    w = words[k]
    return (
        w[:1].isupper()
        or w in _NAME_GLUE
        or w in LOWER_BODY_WORDS
        or (k > 0 and words[k - 1] in _NAME_GLUE)
    )


_CREW_AUTHOR = re.compile(r"\s*([^\s,]+(?:[ \t]+[^\s,]+){1,3})\s*,?\s*")


def _crew_author(head: str) -> re.Match[str] | None:
    """ "(The pandas development team, 2023)", "(OpenStreetMap contributors, 2022)": a
    project's people, named in lower case (`bodywords.names_a_crew`)."""
    if not head.rstrip(" ,").endswith(("team", "contributors", "developers", "community")):
        return None
    m = _CREW_AUTHOR.fullmatch(head)
    return m if m is not None and names_a_crew(m.group(1).split()) else None


# A body declares its abbreviation inside its name, before the words that go on with
# it: "(Kidney Disease: Improving Global Outcomes [KDIGO] CKD Work Group, 2024)", "(UK
# Prospective Diabetes Study [UKPDS] Group, 1998)": the name without it, and the
# abbreviation with the words after it ("KDIGO CKD Work Group"), as later citations
# write it.
_BODY_WORD = r"(?:[A-Z][\w'’&-]*|of|for|and|on|the|in|to|de|du|des|für)"
_INNER_GROUP_ABBREVIATION = re.compile(
    rf"\s*(?:(?:see|e\.g\.|cf\.)[,:]?\s+)?(?P<name>[A-Z][\w'’&-]*(?::?\s+{_BODY_WORD}){{0,12}})"
    rf"\s+\[(?P<abbr>{_ABBREVIATION}[A-Za-z&])\]\s+(?P<rest>[A-Z][\w&-]*(?:\s+{_BODY_WORD}){{0,6}})"
    r"\s*,?\s*"
)
# APA's first citation of a body gives its abbreviation after the name.
_GROUP_ABBREVIATION = re.compile(rf"\s*\[(?P<abbr>{_ABBREVIATION}[A-Za-z&])\]\s*,?\s*$")
# In prose the abbreviation may come in round brackets before the year's: "the Office
# for National Statistics (ONS) (2022)".
_DECLARED_BEFORE_YEAR = re.compile(
    rf"\s*(?:\[(?P<abbr>{_ABBREVIATION}[A-Za-z&])\]|\((?P<round>{_ABBREVIATION}[A-Z&])\))\s*,?\s*$"
)


_YEARS_BY_SEMICOLONS = re.compile(rf"{_YEAR_WORD}[a-z]?(?:\s*;\s*{_YEAR_WORD}[a-z]?)+")


def _narrative(
    text: str, open_at: int, close_at: int, content: str, base: int, region_start: int
) -> list[_Found] | None:
    """``Duman et al. (2012)``, ``Duman and Aghajanian (2012, p. 3)``, ``Duman's (2012)``."""
    inner = _without_comment(content.strip())
    semicolons = ";" in inner and _YEARS_BY_SEMICOLONS.fullmatch(inner) is not None
    if semicolons:
        # "Goniewicz et al. (2014; 2018)"; offsets kept.  Read only if it names an
        # entry: places and periods are written so too ("in Guinea and Liberia (2014;
        # 2016)").
        inner = inner.replace(";", ",")
    tail = _YEARS_TAIL.fullmatch(inner) if len(content) <= 120 else None
    if tail is None:
        return None
    window_start, window = _paragraph_before(text, region_start, open_at, open_at)
    site = _SITE_BEFORE.search(window) if "." in window[-40:] else None
    coded = _CODED_BEFORE.search(window) if site is None else None
    names = (
        _Names((site.group(1),), False, site.start(1), "")
        if site is not None
        else _Names((coded.group(1),), False, coded.start(1), "")
        if coded is not None
        else _parse_names(window.rstrip(), parenthetical=False)
    )
    body = _body_name(window)
    if isinstance(body, str):
        return None  # _NO_CITATION: a publication's or an event's name
    abbreviation = None
    tentative = from_body = False
    if body is not None and (names is None or body[0].start < names.start):
        # A body's name that starts before the person read ("the Centers for Disease
        # Control and Prevention", not "Disease Control and Prevention") is the author.
        names, abbreviation, tentative = body
        from_body = True
    if names is None or (not from_body and _document_name(window, names)):
        return None
    # A court case's second party ("I v Finland (2008)", one name after a law's "v")
    # cites only a case the list gives, as APA 7 lists cases: tentative.  Statistics
    # writes "vs" or "versus": "Kaplan-Meier vs Fine and Gray (1999)" cites.
    case = (
        len(names.names) == 1
        and not names.et_al
        and _CASE_PARTY_BEFORE.search(window, max(0, names.start - 60), names.start) is not None
    )
    years = _years(tail.group("years"))
    if not years:
        return None
    locative = _LOCATIVE_BEFORE.search(window, max(0, names.start - 16), names.start) is not None
    # A country's or a nation's name ("England's (2019) figures", "Sweden (2020)
    # chose") is a place's figures as often as a surname's work: tentative.  One that
    # is a common surname too only as a possessive or after a word for a place: "Jordan
    # (2019) found" cites.
    place = (
        not from_body
        and _place_names(window, names)
        and (
            names.names[0] not in SURNAME_PLACES
            or locative
            or _BODY_POSSESSIVE.search(window.rstrip()) is not None
        )
    )
    lead = len(content) - len(content.lstrip())
    years_abs = base + lead + tail.start("years")
    locator = (tail.group("loc") or "").strip(" ,:") or None
    found = []
    for k, (year, suffix, y_start, y_end) in enumerate(years):
        if k == 0:
            span = Span(window_start + names.start, close_at)
        else:
            span = Span(years_abs + y_start, years_abs + y_end)
        found.append(
            _Found(
                kind="author-year",
                span=span,
                group_start=window_start + names.start,
                order=k,
                authors=names.names,
                et_al=names.et_al,
                year=year,
                suffix=suffix,
                narrative=True,
                locator=locator,
                abbreviation=abbreviation,
                tentative=tentative
                or (len(names.names) == 1 and names.names[0] in _PAIRED_SURNAME_WORDS)
                or coded is not None
                or case
                or place
                or semicolons
                or _cited_later_in_sentence(text, close_at)
                or _academic_year(tail, y_start, y_end),
                body=from_body,
                original_year=_original_year(tail, y_start, y_end),
                count_like=_count_like(names, tail, suffix, page_form=False),
                locative=locative,
                other_reading=names.other_reading,
                initials=names.initials,
                writer=_writer_after(text, close_at, tail, locative=locative)
                or (not locative and _writer_before(window, names.start)),
            )
        )
    return found


_WORD_BEFORE_NAME = re.compile(r"([\w'’-]+)[ \t]+\Z")
_CAPITAL_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+\Z")


def _place_names(window: str, names: _Names) -> bool:
    """Whether every name read is a place's (`PLACE_NAMES`), the first with the word
    before it if the reading left that out ("New Zealand's (2019)")."""
    if names.et_al:
        return False
    first, start = _whole_place(window, names.names[0], names.start)
    if not all(n in PLACE_NAMES for n in (first, *names.names[1:])):
        return False
    # The end of a body's name is no place's figures: "The Bank of England (2019)",
    # "Statistics New Zealand (2020)".
    before = _WORD_BEFORE_NAME.search(window, max(0, start - 40), start)
    if before is None:
        return True
    word = before.group(1)
    return not (word == "of" or (word[:1].isupper() and not _is_stopword(word)))


# Words of a body's name: "the World Health Organization (2021)", "the Centers for
# Disease Control and Prevention (2022)".  Bodies that publish guidance are cited by
# name; the place words also name where a study ran ("patients admitted to Massachusetts
# General Hospital (2015)") and the weak ones studies and cohorts ("the Global Burden of
# Disease Study (2019)"), so a name with only those is tentative.
_BODY_WORDS = frozenset(
    """
    institute institutes centers centres association society foundation organization
    organisation agency administration department ministry council services service
    commission office committee academy college alliance federation force authority
    authorities executive inspectorate observatory secretariat bureau associations societies
    academies federations agencies councils
    """.split()
)
# An office that signs its reports is a body's name when words name the office before
# it ("the Chief Medical Officer (2022)", "the Children's Commissioner for England"),
# not as a surname alone ("As Officer (2019) argued") nor as a title before a person's
# name ("Health Commissioner Stella Kyriakides (2021)") (`_office`).
_OFFICE_WORDS = frozenset(w.lower() for w in OFFICE_NOUNS)
_OFFICE_LINKS = frozenset({"for", "of", "on", "to", "and"})
_PLACE_BODY_WORDS = frozenset("university clinic hospital center centre school board".split())
_WEAK_BODY_WORDS = frozenset(
    """
    study survey trust network consortium collaboration collaborators collaborative group
    initiative project programme partnership coalition panel medicine health international
    government fund conservancy campaign union
    """.split()
)
# A group whose name says it writes ("the Independent Teacher Workload Review Group
# (2016)", "the Guideline Development Group"): a body that publishes, not a cohort.
_GROUPS_THAT_WRITE = frozenset(
    "review working writing advisory expert steering guideline development consensus"
    " technical scientific reference".split()
)
# The weak body words a journal's name ends with too ("Nature Medicine", "Lancet Public
# Health"), or a word of no body at all.
_JOURNAL_ENDINGS = frozenset("medicine health international".split())
# Words after a body's word that make the name a person's title ("Stanford University
# Professor Jane Smith (2019)": the person is the author) ...
_TITLE_AFTER_A_BODY = frozenset(
    """
    professor prof dr director researcher researchers scientist scientists president chair
    dean chief head investigators
    """.split()
)
# ... or a publication's or an event's: "Mayo Clinic Proceedings (2019)", "the European
# Society of Cardiology Congress (2021)", "the British Psychological Society Code of
# Human Research Ethics (2021)", which no author precedes.
_NOT_CITED_AFTER_A_BODY = frozenset(
    """
    journal journals proceedings annals archives bulletin review reviews reports letters
    magazine times post news congress conference meeting meetings sessions symposium summit
    code codes charter declaration convention act guideline guidelines handbook manual
    """.split()
)
_NO_CITATION = "no citation"
"""`_body_name`'s answer for a publication's or an event's name."""
# Journal words that make a name of weak words a journal's: "Nature Medicine (2016)".
_JOURNAL_WORDS = frozenset(
    "journal journals nature science lancet cell neuron neurology review reviews".split()
)


_BODY_POSSESSIVE = re.compile(r"['’]s$")
_THE_BEFORE_NAME = re.compile(r"\b[Tt]he\s+\Z")


def _body_name(window: str) -> tuple[_Names, str | None, bool] | str | None:
    """A body named before a narrative citation's year, the abbreviation it declares
    ("the National Institute for Health and Care Excellence [NICE] (2020)"), and
    whether the reading is tentative.

    Read like a bracket's group author: capitalised words with "of", "for" and the
    like, parts joined by "and" or "&" (not by commas, which part clauses in prose),
    one of them a body's word, without the sentence's opening words ("As the American
    Heart Association").  A name without a word of a body that publishes (`_BODY_WORDS`)
    is tentative: it stands only if it names an entry (`Citation.tentative`)."""
    text = window.rstrip()
    declared = _DECLARED_BEFORE_YEAR.search(text)
    abbreviation = None
    if declared is not None:
        text = text[: declared.start()]
        abbreviation = declared.group("abbr") or declared.group("round")
    else:
        # "Public Health England's (2018) review"; not the closing quote of a title
        # ("'Securing the Future of the Health Service' (2019)").
        text = _BODY_POSSESSIVE.sub("", text)
    names: list[tuple[str, int]] = []
    for chunk, chunk_start, separator in reversed(_split_names(text)):
        name, offset = _trailing_name(chunk, allow_group=True)
        if name is None:
            break
        names.append((name, chunk_start + offset))
        # "the Local Government Association and the Association of Directors of Public
        # Health (2020)": two bodies, each with its article.
        # Not after a comma: "in the UK, and the Chief Medical Officer (2022)".
        second_body = (
            len(names) == 1 and chunk[:offset].strip() == "the" and "," not in (separator or ",")
        )
        if (offset > 0 and not second_body) or separator is None or not _joins(separator):
            break
    names.reverse()
    if not names:
        return None
    lead, at = names[0]
    cut = _opener_end(lead)
    if (
        len(names) == 1
        and in_capitals(lead[cut:])
        and _THE_BEFORE_NAME.search(text, 0, at + cut) is not None
    ):
        # "the WHO (2020)", "As the UK NSC (2022)": an article before an abbreviation,
        # a body's (never a person's), or a law's or a country's ("the ACA (2010)",
        # "the UK (2019)"): read only if it names an entry.
        return _Names((lead[cut:],), False, at + cut, ""), abbreviation, True
    office = _office(n for n, _ in names)
    if office is False:
        return None
    written = [w for n, _ in names for w in n.split()]
    if any(w in _JOB_TITLES and nxt not in _CONNECTORS for w, nxt in pairwise(written)):
        return None  # "Health Secretary Jeremy Hunt (2016)": a person after the post
    words = [w.lower() for w in written]
    bodies = [k for k, w in enumerate(words) if w in _BODY_WORDS or w in _PLACE_BODY_WORDS]
    if bodies:
        after = words[bodies[-1] + 1 :]
        if any(w in _NOT_CITED_AFTER_A_BODY for w in after):
            return _NO_CITATION
        if any(w in _TITLE_AFTER_A_BODY for w in after):
            return None
    elif not office and (
        not any(w in _WEAK_BODY_WORDS for w in words)
        # "Nature Medicine (2016)" names a journal; "the Open Science Collaboration
        # (2015)" and "The Nature Conservancy (2019)" end with a body's word.
        or (any(w in _JOURNAL_WORDS for w in words) and words[-1] in _JOURNAL_ENDINGS)
    ):
        return None
    strong = (
        bool(office)
        or any(w in _BODY_WORDS for w in words)
        or (len(words) > 1 and words[-1] in ("group", "groups") and words[-2] in _GROUPS_THAT_WRITE)
    )
    if cut:
        names[0] = (lead[cut:], at + cut)
    found = _Names(tuple(n for n, _ in names), False, names[0][1], "")
    return found, abbreviation, not strong


def _office(names: Iterable[str]) -> bool | None:
    """Whether names read as a body's hold an office's name (`_OFFICE_WORDS`): True
    for one, False for an office word that is a surname or a person's title, None
    without one."""
    for name in names:
        words = name.split()
        for k, word in enumerate(words):
            if word.lower() not in _OFFICE_WORDS:
                continue
            named = [w for w in words[:k] if not _is_stopword(w)]
            after = words[k + 1 : k + 2]
            return bool(named) and not (after and after[0].lower() not in _OFFICE_LINKS)
    return None


# The last word of a document's name, never of a person's: "the Code of Human Research
# Ethics (2021)" reads as a surname "Research Ethics" otherwise.
_DOCUMENT_WORDS = frozenset(
    """
    ethics guidelines guidance standards principles regulations framework strategy
    statement declaration convention policy handbook report act
    """.split()
)


# The head of a document's or an event's name before a lone name: "the Declaration of
# Helsinki (2013)", "the Universal Declaration of Human Rights (1948)", "the Treaty of
# Lisbon (2007)".  Only these heads: "a Meta-analysis of Li (2019)", "the Framework of
# Smith (2010)" and "Findings of Smith (2010)" cite.
_TITLE_OF_BEFORE = re.compile(
    r"\b(?:Declaration|Treaty|Treaties|Convention|Charter|Accords?|Agreement|Covenant"
    r"|Constitution|Statute|Battle|Siege|Peace|Congress|Edict)\s+(?:of|for|on)\s+\Z"
)


_CASE_PARTY_BEFORE = re.compile(r"\b[A-Z][\w.'’\-]*\s+v\.?\s+\Z")
# Words that introduce a place.  Before a name and ", and" (`_PLACE_WORD_BEFORE`) they
# end a clause with the place; before a narrative citation (`_LOCATIVE_BEFORE`), in any
# case and with a few more that introduce a place's figures ("figures for Kenya (2019,
# 412)", "than Chile (2019, 31-40)"), they make a lone name a place.
_PLACE_WORDS = r"in|of|at|from|across|near|around|within|throughout"
# A place's name may open with words of its own: "in New York", "in the United States".
_PLACE_WORD_BEFORE = re.compile(
    rf"\b(?:{_PLACE_WORDS})\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){{0,2}}\Z"
)
_LOCATIVE_BEFORE = re.compile(rf"\b(?i:{_PLACE_WORDS}|outside|into|for|than|with|between)\s+\Z")


def _document_name(window: str, names: _Names) -> bool:
    """Whether a lone name in prose, where no body's name was read ("the Committee on
    Publication Ethics (2019)" cites), ends the name of a document or an event: its
    last word is a document's ("Research Ethics", `_DOCUMENT_WORDS`) or a document's
    head and "of" stand before it ("the Declaration of Helsinki", `_TITLE_OF_BEFORE`)."""
    if names.et_al or len(names.names) != 1:
        return False
    words = names.names[0].split()
    if len(words) > 1 and words[-1].lower() in _DOCUMENT_WORDS:
        return True
    return _TITLE_OF_BEFORE.search(window, max(0, names.start - 60), names.start) is not None


def _opener_end(name: str) -> int:
    """Where a body's name starts after the sentence's words read with it: "As the",
    "According to the", "After the", "Following the", "Our"; 0 for a name's own first
    words ("New Zealand Ministry of Health", "Save the Children Federation")."""
    words = list(re.finditer(r"\S+", name))
    if len(words) > 1 and words[0].group().lower() in _ARTICLES:
        return words[1].start()  # "Our", "Their", "This"
    k = 1 if words and (_is_stopword(words[0].group()) or words[0].group().endswith("ing")) else 0
    if k and k < len(words) and words[k].group() == "to":
        k += 1
    if k and k + 1 < len(words) and words[k].group() == "the":
        return words[k + 1].start()
    return 0


def _paragraph_before(text: str, region_start: int, at: int, end: int) -> tuple[int, str]:
    """``(offset, text)`` of ``text[at - _LOOKBACK : end]``, cut to the paragraph that
    ``end`` is in: authors stand in the same paragraph as their year (a soft line break
    may part them), never in the region before ``region_start``."""
    window_start = max(region_start, at - _LOOKBACK)
    window = text[window_start:end]
    cut = max((b.end() for b in _BLANK_LINE.finditer(window)), default=0)
    line_break = window.rfind("\n")
    if line_break >= cut and _COLUMN_GAP.search(window, cut, line_break):
        # A plain-text table's row above ("... Core-course GPA\n  Rienzo et al. (2015)"):
        # its last cell is no part of the name.
        row_start = window.rfind("\n", cut, line_break) + 1
        if _COLUMN_GAP.search(window, max(cut, row_start), line_break):
            cut = line_break + 1
    return window_start + cut, window[cut:]


# Two cells of a plain-text table's row, set apart by three spaces or more.
_COLUMN_GAP = re.compile(r"\S[ \t]{3,}\S")


def _spans_paragraphs(content: str) -> bool:
    # The "in" test first: most brackets hold no line break, and it is cheaper.
    return "\n" in content and _BLANK_LINE.search(content) is not None


def _years(text: str) -> list[tuple[str, str | None, int, int]]:
    """``(year, suffix, start, end)`` for "2012, 2016", "2012a, b", "n.d.", "in press"."""
    out: list[tuple[str, str | None, int, int]] = []
    last_year: str | None = None
    pos = 0
    for part in text.split(","):
        lead = len(part) - len(part.lstrip())
        token = part.strip()
        start = pos + lead
        pos += len(part) + 1
        m = _YEAR_TOKEN.fullmatch(token)
        if m is not None:
            if m.group("nd"):
                out.append(("n.d.", m.group("nds"), start, start + len(token)))
                last_year = None
            elif m.group("ip"):
                out.append(("in press", m.group("ips"), start, start + len(token)))
                last_year = None
            else:
                last_year = m.group("y")
                original = m.group("o")
                if original is not None and int(last_year) == int(original) + 1:
                    last_year = original  # an academic year, "2019/2020"
                out.append((last_year, m.group("s"), start, start + len(token)))
        elif len(token) == 1 and token.isalpha() and token.islower() and last_year:
            out.append((last_year, token, start, start + 1))
        else:
            return []
    return out


# A generation after a surname, which a citation leaves out but writers keep:
# "Brown Jr. (2018)", "(Smith III, 2019)", "King Jr., Abernathy, and Young (1963)".
_GENERATION = re.compile(
    r"(?<=[^\W\d_])(,?[ \t]+(?:Jr\.?|Sr\.?|II|III|IV))(?=[ \t]*(?:,|&|\band\b|\Z))"
)
_GENERATION_HINT = re.compile(r"\b(?:Jr|Sr|[IVX]+)\b")
"""A cheap test for `_without_generations`, which most names do not need."""
# Nouns a roman numeral numbers, which no surname is: "Phase III (2018)", "Wave IV
# (2016)", "World War II (1945)", "Basel III (2010)".  (A pope's or a monarch's numeral
# goes: "John Paul II (1995)" is cited by his name.)
_NUMBERED_NOUNS = frozenset(
    """
    Phase Wave Type Stage Class Grade Part Level Step Tier War Chapter Volume Book Act
    Title Section Article Schedule Appendix Annex Round Cycle Version Generation Model
    Series Study Trial Cohort Group Arm Period Era Vatican Mark Basel Solvency
    """.split()
)


# A roman numeral that ends a name and is no generation: "Title IX", "Phase I", "Vatican
# II" are things numbered.
_NUMBERED_END = re.compile(r"\b(?:I|V|VI{1,3}|I?X|XI{1,3}|XI?V|XVI{0,3}|XIX|XX)\s*\Z")


def _without_generations(text: str) -> str | None:
    """``text`` with the generations after its surnames blanked (offsets kept), or
    None when a roman numeral numbers a thing ("Phase III", "Basel III", "Title IX"),
    no author at all."""
    if _NUMBERED_END.search(text):
        return None
    out = text
    for m in _GENERATION.finditer(text):
        before = text[: m.start()].split()
        if (
            m.group(1).strip() in ("II", "III", "IV")
            and before
            and (before[-1] in _NUMBERED_NOUNS or before[-1] in PLACE_NAMES)
        ):
            return None
        out = out[: m.start()] + " " * len(m.group(1)) + out[m.end() :]
    return out


def _parse_names(head: str, *, parenthetical: bool) -> _Names | None:
    """Read an author list at the END of ``head``: "see Duman, Li, & Liu," -> names."""
    comma = head.rstrip().endswith(",")
    text = head.rstrip().rstrip(",").rstrip()
    if text.endswith(".") and (legal := _LEGAL_FORM_END.search(text)) is not None:
        text = text[: legal.end() - 1]  # "(Apple Inc., 2023)": the stop is no sentence's
    if not parenthetical:
        text = _POSSESSIVE.sub("", text)
    et_al = False
    if parenthetical:
        venue = _ET_AL_VENUE.search(text)
        if venue is not None:
            text = text[: venue.start("venue")].rstrip()  # "He et al Nature 2010"
    m = _ET_AL_END.search(text)
    listed_et_al = False  # "Tremblay, LeBlanc, et al. (2011)": APA 7 names two
    if m is not None:
        et_al = True
        listed_et_al = m.group().startswith(",") or text[: m.start()].rstrip().endswith(",")
        text = text[: m.start()].rstrip().rstrip(",")
    if not text:
        return None
    if _GENERATION_HINT.search(text):
        plain = _without_generations(text)
        if plain is None:
            return None
        text = plain
    label = _LABEL_PREFIX.match(text) if parenthetical else None
    if label is not None:
        text = " " * label.end() + text[label.end() :]  # offsets kept, letters gone
    initials = None
    if parenthetical and (after := _INITIALS_AFTER.search(text)) is not None:
        initials, text = after.group(1).strip(), text[: after.start()]  # "(Smith, J., 2019)"
    chunks = _split_names(text)
    names: list[tuple[str, int]] = []
    seen_conjunction = False
    joined = False  # the chunk on the right was joined to this one by "and" or "&"
    first_paired = False  # the leftmost name read is a paired surname word
    right_separator: str | None = None  # what joins the chunk to the name on its right
    last_separator: str | None = None  # what joins the list's last name to the one before
    gaps: list[str] = []  # what joins each name read to the one on its right
    # Walk the chunks from the right; the first chunk that is not a name ends the list.
    for chunk_text, chunk_start, separator in reversed(chunks):
        name, offset = _trailing_name(chunk_text, allow_group=parenthetical)
        # "(He & MacGregor, 2018)", "work by He and MacGregor (2018)": joined to a
        # co-author in a bracket, or mid-sentence, a short word is a surname.
        before = chunk_text[:offset].split()
        mid_sentence = before[-1][-1:].islower() if before else False
        # "(Winter and Cameron, 2003)", "Winter and Cameron (2003) showed": a month's
        # or a season's name joined to a co-author by a bare "and" or "&", at
        # the start of the bracket, the sentence or the text, or after a word that
        # is no date's ("in May and Smith (2003)", "between May and June, and Smith
        # (2003)", "(in May, Smith, 2020)" are dates).
        paired = (
            name is not None
            and bool(names)
            and joined
            and "," not in (right_separator or ",")
            and _paired_surname(name, names[-1][0])
            and _opens_names(text[: chunk_start + offset])
        )
        if name is None or (
            names
            and _is_stopword(name)
            and not paired
            and not (joined and _surname_word(name) and (parenthetical or mid_sentence))
        ):
            break
        if not names:
            last_separator = separator
        else:
            gaps.append(right_separator or "")
        names.append((name, chunk_start + offset))
        first_paired = paired
        if offset > 0 or separator is None:
            break  # words before the name in its chunk: a prefix or the sentence
        conjunction = _joins(separator)
        joined = conjunction
        right_separator = separator
        if not parenthetical and not conjunction and not seen_conjunction and not listed_et_al:
            break  # in prose a bare comma does not join names: "In Canada, Smith (2019)"
        seen_conjunction = seen_conjunction or conjunction
    if not names:
        return None
    names.reverse()
    other_reading: tuple[str, ...] = ()
    if not parenthetical:
        names = _last_list(names, gaps[::-1])
        setting = _setting_before_list(text, names, 2 if listed_et_al else 3)
        if setting is not None:
            # A place's name is read as the scene; another name after "In" or "Across"
            # as the list's first author.  The linker weighs the other reading too.
            whole = tuple(n for n, _ in names)
            if setting:
                names = names[1:]
            other_reading = whole if setting else whole[1:]
    if (
        not parenthetical
        and len(names) == 2
        and _serial_comma(last_separator)
        and _PLACE_WORD_BEFORE.search(text, max(0, names[0][1] - 40), names[0][1])
    ):
        # "the town of Hemnesberget, and Gumperz (1982)", "in Ghana, and Smith (2010)":
        # a place's name ends a clause; "as described by Hosmer, and Lemeshow (2000)"
        # is a pair written with a comma.
        names = names[1:]
    first_start = names[0][1]
    # "et al." proves an author list, so a surname that is also a word ("No", "May",
    # "Long") stands; without it a lone common word ("(March 2024)") is no author.
    # "(He & MacGregor, 2018)", "(An, 2015)": in a bracket, before a co-author or the
    # year's comma, a surname that is also a short word is the surname.
    surname_word = first_paired or (
        _surname_word(names[0][0])
        and (
            (parenthetical and (len(names) > 1 or comma))
            or (len(names) > 1 and text[: names[0][1]].rstrip()[-1:].islower())
        )
    )
    # "March (1991) argued", "May (1972, 1973)": a month that is a surname, alone at a
    # sentence's start or after a word no date follows, is a tentative citation (read
    # only if it names an entry; "In March (2020)" is a date).
    lone_month = (
        not parenthetical
        and len(names) == 1
        and names[0][0] in _PAIRED_SURNAME_WORDS
        and _opens_names(text[: names[0][1]])
    )
    if not et_al and _is_stopword(names[0][0]) and not surname_word and not lone_month:
        return None
    if parenthetical:
        prefix = text[:first_start].strip().rstrip(",").strip()
        head = text[:first_start]
        given = _INITIALS_BEFORE.search(head) if initials is None and len(names) == 1 else None
        if given is not None:
            # "(J. Smith, 2019)", "(e.g., Y. Zhang, 2018)": APA 7 gives initials when
            # two first authors share a surname.
            ahead = head[: given.start()].strip().rstrip(",").strip()
            if not ahead or _valid_prefix(ahead):
                initials, prefix, first_start = given.group(1).strip(), ahead, given.start()
        commented = False
        if prefix and not _valid_prefix(prefix):
            # A comment before a pointer to its source: "(E is often read as an
            # energy emitted by primordium q, e.g. Douady and Couder, 1996b)".
            cue = _CUE_AT_END.search(prefix)
            if cue is not None:
                prefix = cue.group(1)
            elif not et_al and text[:first_start].rstrip().endswith(","):
                # Without the pointer the names after the comment's comma may be a
                # source or the comment's own words ("(sampled in Ohio, Texas and
                # Utah, 2019)"): read only if they name an entry.  ("et al." proves
                # an author list: `_bare_et_al` reads it.)
                commented, prefix = True, ""
            else:
                return None
        if len(names) > 1 and prefix.split()[-1:] == ["the"]:
            # "(see the Introduction and Calvez et al., 2011)": after "the" a
            # capitalised word is a part of the text, not an author.
            names = names[1:]
            first_start = names[0][1]
            prefix = text[:first_start].strip().rstrip(",").strip()
        if label is not None:
            # Names right after a pointer, then a year, may be the figure's own words
            # ("(Figure 3, London 2012)"): they need the comma or "et al." a citation
            # puts before its year, or a word that points at a source ("Fig. 3 in
            # Smith 2010").
            if not (comma or et_al or prefix):
                return None
            prefix = (label.group().strip() + " " + prefix).strip(" ,;:")
        return _Names(tuple(n for n, _ in names), et_al, first_start, prefix, initials, commented)
    before = text[:first_start].split()
    if (
        before
        and before[-1].lower() in _ARTICLES
        and other_reading
        and other_reading == tuple(n for n, _ in names[1:])
    ):
        # "Within the European Union, Alesina, Harnoss, and Rapoport (2016)": the scene
        # has the article, the authors after it do not.
        names, other_reading = names[1:], ()
        first_start = names[0][1]
        before = text[:first_start].split()
    if before and before[-1].lower() in _ARTICLES and not et_al:
        # "the Lancet (2019)": a common noun, not an author.  "the Hansen et al. (2013)
        # forest-cover dataset" names its authors all the same.
        return None
    if any(word.lower() in _VENUE_WORDS for n, _ in names for word in n.split()):
        return None  # "published in Nature Medicine (2016)" names a venue, not an author
    # "J. Zhang (2018)" beside "Y. Zhang (2018)": APA 7's initials in prose too; not
    # a sentence's last letter ("deficient in vitamin D. Zhang (2018) reported").
    written = _prose_initials(text, first_start)
    return _Names(
        tuple(n for n, _ in names),
        et_al,
        first_start,
        "",
        initials=written,
        other_reading=other_reading,
    )


def _last_list(names: list[tuple[str, int]], gaps: list[str]) -> list[tuple[str, int]]:
    """The names of the last author list in prose, where ``gaps`` join them left to
    right: "in Kenya and Peru, Smith and Jones (2021)" is two lists, as an author list
    joins its last name only with "and"; "Smith, Brown, and Jones (2021)" is one."""
    cut = 0
    for k in range(len(gaps) - 1):
        if _joins(gaps[k]) and "," in gaps[k + 1] and not _joins(gaps[k + 1]):
            cut = k + 2
    return names[cut:] if 0 < cut < len(names) else names


# A word that sets the scene before the subject of a sentence: "In South Korea, Kim
# and Park (2017)", "Across Europe, ...".  Not "with", "like" or "for", which a list
# of authors follows too ("consistent with Smith, Jones and Brown (2010)").
_SETTINGS = r"in|across|within|throughout|outside|among|amongst"
_SETTING_BEFORE = re.compile(rf"\b(?i:{_SETTINGS})\s+\Z")
_SETTING_OPENS = re.compile(rf"(?:{_SETTINGS.title()})\s")  # "Across Europe" read as one name


def _setting_before_list(text: str, names: list[tuple[str, int]], fewest: int) -> bool | None:
    """Whether the first of ``fewest`` or more names read in prose, parted from the
    rest by a bare comma, may set the scene: True for a place's name ("In Poland,
    Kowalczyk and Wójcik (2019)", `PLACE_NAMES`), False for another name after a
    scene-setting word ("In Ontario, ...", "In Smith, Jones and Brown (2010), ..."),
    None where it is a first author."""
    if len(names) < fewest:
        return None
    (first, at), (_, second_at) = names[0], names[1]
    between = text[at + len(first) : second_at]
    if "," not in between or _joins(between):
        return None
    if _SETTING_OPENS.match(first) is not None:
        return True  # "Across Europe" read as one name
    first, at = _whole_place(text, first, at)  # "In New Zealand"
    if _SETTING_BEFORE.search(text, max(0, at - 12), at) is None:
        # "England, Smith and Jones (2018)": three authors; but a name of capitalised
        # words may be a programme's or a place's ("attend Head Start, Garces, Thomas,
        # and Currie (2002)", "in New York City, ..."), which the linker weighs.
        return False if _SEVERAL_CAPITALS.fullmatch(first) else None
    return first in PLACE_NAMES


_SEVERAL_CAPITALS = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+")


def _whole_place(text: str, name: str, at: int) -> tuple[str, int]:
    """A name read at ``at`` with the capitalised word before it that the reading
    left out, and where it starts, when the two are a place's name ("New Zealand");
    else the name as read."""
    m = _CAPITAL_WORD_BEFORE.search(text, max(0, at - 30), at)
    if m is not None and f"{m.group(1)} {name}" in PLACE_NAMES:
        return f"{m.group(1)} {name}", m.start(1)
    return name, at


# "and" in the other languages that join the last two authors with a word: Spanish
# "y", Portuguese and Italian "e", German "und", Dutch "en", French "et", Swedish
# "och", Danish and Norwegian "og", Finnish and Estonian "ja", Turkish "ve",
# Hungarian "és", Polish, Croatian and Catalan "i", Romanian "și", Russian "и".
_OTHER_ANDS = ("y", "e", "und", "en", "et", "och", "og", "ja", "ve", "és", "i", "și", "и")
_OTHER_AND = re.compile(rf" (?:{'|'.join(_OTHER_ANDS)}) ")


def _joins(separator: str) -> bool:
    return (
        "and" in separator
        or "&" in separator
        or "/" in separator
        or separator.strip() in _OTHER_ANDS
    )


def _serial_comma(separator: str | None) -> bool:
    """A comma before "and" or "&": ", and", ", &"."""
    return separator is not None and "," in separator and ("and" in separator or "&" in separator)


def _split_names(text: str) -> list[tuple[str, int, str | None]]:
    """``(chunk, start, separator_before)`` split at commas, "and", "&"."""
    chunks: list[tuple[str, int, str | None]] = []
    pos = 0
    separator: str | None = None
    found = list(_SEPARATORS.finditer(text))
    if _OTHER_AND.search(text):
        found = sorted(found + _romance_joins(text, found), key=lambda m: m.start())
    for m in found:
        chunks.append((text[pos : m.start()], pos, separator))
        pos = m.end()
        separator = m.group(0)
    chunks.append((text[pos:], pos, separator))
    return [c for c in chunks if c[0].strip()]


# Spanish and Portuguese join the last two authors with "y" and "e": "(García y López,
# 2019)", "Silva e Santos (2018)"; German with "und", Dutch with "en", French with "et".
# Not inside a body's name ("Ministerio de Salud y Protección Social", "América Latina y
# el Caribe").
# The words of `_OTHER_ANDS`; French "et" not as "et al.".
_OTHER_AND_WORDS = "|".join(r"et(?!\s+al)" if w == "et" else w for w in _OTHER_ANDS)
_ARTICLE_PARTICLES = frozenset("el la le les lo los las al".split())
_ROMANCE_AND = re.compile(
    rf"\s+(?:{_OTHER_AND_WORDS})\s+"
    # A surname next, or a particle and then one: "Duru-Bellat et van Zanten".
    # Not an article ("América Latina y el Caribe").
    rf"(?=[A-ZÀ-ÖØ-ÞА-Я]|(?:{'|'.join(sorted(SURNAME_PARTICLES - _ARTICLE_PARTICLES))})"
    r"\s+(?:[a-z]+\s+)?[A-ZÀ-ÖØ-Þ])"
)
_ROMANCE_NAME_WORDS = 3
_CLAUSE_MARK = re.compile(r"[.;:()\[\]]")


def _romance_joins(text: str, found: Sequence[re.Match[str]]) -> list[re.Match[str]]:
    out = []
    for m in _ROMANCE_AND.finditer(text):
        left_start = max((f.end() for f in found if f.end() <= m.start()), default=0)
        right_end = min((f.start() for f in found if f.start() >= m.end()), default=len(text))
        left = _name_run(_CLAUSE_MARK.split(text[left_start : m.start()])[-1])
        right = _CLAUSE_MARK.split(text[m.end() : right_end])[0]
        if _surnames_only(left) and _surnames_only(right):
            out.append(m)
    return out


def _name_run(part: str) -> str:
    """The words a name may be at the end of ``part``: "von Aufschnaiter" of "und von
    Aufschnaiter" (a sentence's words before a narrative citation)."""
    words = part.split()
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1].lower() in _PARTICLES):
        k -= 1
    return " ".join(words[k:])


def _surnames_only(part: str) -> bool:
    """A surname or two with their particles: no body's word, no other small word."""
    words = part.split()
    return (
        0 < len(words) <= _ROMANCE_NAME_WORDS
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)
        and not any(w in BODY_NOUNS or w.lower() in _BODY_WORDS for w in words)
    )


_NAME_RE = re.compile(NAME_WORD)
# A number that opens a group author's name of several capitalised words.
_LEADING_NUMBER = re.compile(r"\s*\d{1,5}\s+")
# A country's initials that open a body's name.
_LEADING_COUNTRY = re.compile(r"\s*U\.\s?[SK]\.\s+")
_GROUP_YEAR = re.compile(r"\s+(?:19|20)\d\d\s+")
_GROUP_COUNT = re.compile(r"\s+\d{1,6}\s+")


def _joins_name(words: Sequence[tuple[str, int]], k: int) -> bool:
    """Whether the connector at ``k`` stands inside a group's name: after a capitalised
    word ("Institute of Medicine"), or after one such connector that follows one
    ("Society for the Study of Addiction", "Department of the Interior")."""
    before = words[k - 1][0]
    if _capitalised(before):
        # "In England the Office for ...": "the" after a sentence's opening word and a
        # place; "Save the Children", "by Save the Children" keep it.
        return not (
            words[k][0].lower() == "the"
            and k > 1
            and _capitalised(words[k - 2][0])
            and _is_stopword(words[k - 2][0])
        )
    return before.lower() in _CONNECTORS and k > 1 and _capitalised(words[k - 2][0])


def _initials_inside(chunk: str, words: Sequence[tuple[str, int]], k: int) -> int | None:
    """Where a run of initials ending at word ``k`` ("T.H.") starts in a name, when a
    capitalised word of two letters or more stands right before them; else None."""
    j = k
    while j >= 0 and len(words[j][0]) == 1 and words[j][0].isupper():
        if j < k and chunk[words[j][1] + 1 : words[j + 1][1]].strip() != ".":
            return None
        j -= 1
    if j == k or j < 0:
        return None
    word, start = words[j]
    if (
        len(word) < 2
        or not _capitalised(word)
        or chunk[start + len(word) : words[j + 1][1]].strip()
    ):
        return None
    return j


def _trailing_name(chunk: str, *, allow_group: bool) -> tuple[str | None, int]:
    """The surname (or group name) at the end of ``chunk`` and its offset in it.

    Takes capitalised words from the right, with particles ("van der Berg") and, for
    group authors in parentheses, connectors ("Institute of Medicine").
    """
    words = [(m.group(0), m.start()) for m in _NAME_RE.finditer(chunk)]
    if not words:
        return None, 0
    # The chunk must end with the name: nothing but spaces after the last word.
    last_word, last_start = words[-1]
    if chunk[last_start + len(last_word) :].strip():
        return None, 0
    if not (
        _capitalised(last_word)
        or _irish_mutated(words, len(words) - 1)
        or LOWER_PREFIXED.match(last_word)  # "al-Hakim", "d'Errico"
    ):
        return None, 0
    take = 1
    # Capitalised words a name may have: a body's connectors come on top ("Committee
    # on the Medical Effects of Air Pollutants").
    max_words = 6 if allow_group else 3
    capitals = 1
    compound_open = True
    """Only particles have been taken before the last word: a compound's first word may
    come ("Merlo Pich", "Ruiz de la Torre")."""
    genus_at = -1
    """The word before a species' epithet the name holds: its genus."""
    k = len(words) - 2
    while k >= 0 and capitals < max_words:
        word, w_start = words[k]
        between = chunk[w_start + len(word) : words[k + 1][1]]
        if "\t" in between:
            break  # a tab parts table cells, never the words of a name
        if genus_at == k and between.strip() == "." and len(word) == 1 and word.isupper():
            take += 1  # the genus's initial: "C. elegans Sequencing Consortium"
            k -= 1
            continue
        # "Anopheles gambiae 1000 Genomes Consortium", "100000 Genomes Project"
        counted = allow_group and last_word in BODY_NOUNS and _GROUP_COUNT.fullmatch(between)
        if (
            allow_group
            and k > 0
            and (counted or not between.strip())
            and last_word in BODY_NOUNS
            and species_epithet(word, words[k - 1][0])
        ):
            take += 1  # "MalariaGEN Plasmodium falciparum Community Project"
            genus_at = k - 1
            k -= 1
            continue
        if allow_group and between.strip() == "." and take > 1:
            # "Harvard T.H. Chan School of Public Health": a founder's initials
            # inside a body's name, a longer word before them.
            j = _initials_inside(chunk, words, k)
            if j is not None:
                take += k - j + 1
                capitals += 1
                k = j - 1
                continue
        if (
            word in SAINTS
            and between.strip() == "."
            and compound_open
            # Not a street's "St." ending a sentence: "on Main St. Pierre (2019) said".
            and not (
                k > 0
                and _capitalised(words[k - 1][0])
                and not chunk[words[k - 1][1] + len(words[k - 1][0]) : w_start].strip()
            )
        ):
            take += 1  # "St. Pierre", "Ste. Marie": one surname
            compound_open = False
            k -= 1
            continue
        if (
            word == "t"
            and between == " "
            and k > 0
            and words[k - 1][0].lower() in ("van", "in")
            and chunk[words[k - 1][1] + len(words[k - 1][0]) : w_start] in (" '", " ’")
        ):
            take += 2  # "van 't Hoff", "in 't Veld"
            k -= 2
            continue
        if between.strip() and not (
            # "GBD 2019 Risk Factors Collaborators": a year inside an acronym's group
            (allow_group and word.isupper() and _GROUP_YEAR.fullmatch(between)) or counted
        ):
            break
        low = word.lower()
        if not allow_group and word in _JOB_TITLES:
            break  # "Health Secretary Jeremy Hunt (2016)": the person after the post
        if low in ("an", "na") and k > 0 and words[k - 1][0] in IRISH_OPENERS:
            take += 1  # "Mac an tSaoi"
            k -= 1
            continue
        if (
            low in _PARTICLES
            or (_capitalised(word) and allow_group)
            or (allow_group and low in _CONNECTORS and k > 0 and _joins_name(words, k))
            or (allow_group and low == "with" and last_word in _LAW_WORDS and k > 0)
            or (allow_group and low == "to" and k > 0 and words[k - 1][0] in _BODIES_TO)
        ):
            take += 1
            capitals += _capitalised(word)
        elif (
            _capitalised(word)
            and not allow_group
            and compound_open
            and _compound_ok(word)
            and (take == 1 or word not in PLACE_NAMES)
        ):
            # "Merlo Pich (2019)", "Ruiz de la Torre et al. (2020)" in running text;
            # not "in Spain de la Torre (2020)".
            take += 1
            compound_open = False
        else:
            break
        k -= 1
    first = len(words) - take
    # Leading particles belong to the name; leading connectors do not ("in" of "in 't
    # Veld", taken with its "t", is a particle).
    dutch = take > 2 and words[first][0].lower() == "in" and words[first + 1][0] == "t"
    while not dutch and first < len(words) - 1 and words[first][0].lower() in _CONNECTORS:
        first += 1
    if not allow_group and not dutch:
        # In running text a capitalised sentence opener is not part of the surname.
        while first < len(words) - 1 and (
            _is_stopword(words[first][0])
            or words[first][0].lower() in _OPENING_VERBS
            or words[first][0].lower() in _OPENING_PARTICIPLES
            or words[first][0] in _HONORIFICS
        ):
            first += 1
    start = words[first][1]
    if allow_group and take > 1 and _LEADING_NUMBER.fullmatch(chunk, 0, start):
        start = len(chunk) - len(chunk.lstrip())  # "1000 Genomes Project Consortium"
    elif allow_group and _LEADING_COUNTRY.fullmatch(chunk, 0, start):
        start = len(chunk) - len(chunk.lstrip())  # "U.S. Food and Drug Administration"
    name = chunk[start : last_start + len(last_word)]
    return name, start


# The last word of a law's short title, which may hold "with": "Americans with
# Disabilities Act", "Individuals with Disabilities Education Act".
_LAW_WORDS = frozenset({"Act", "Acts", "Regulations"})
# A body named for its aim with "to": "Campaign to End Loneliness", "National Alliance
# to End Homelessness", "Committee to Review the Scientific Evidence on the Polygraph".
_BODIES_TO = frozenset(
    "Campaign Coalition Alliance Commission Committee Action Initiative Partnership"
    " Movement Foundation Society Council Fund".split()
)


# A title before a name in prose, which the list never gives: "Dr Smith (2018)",
# "Professor Jones (2017)", "Lord Darzi (2008)".  As the name's last word it stays
# ("Lord (2019)").
_HONORIFICS = frozenset(
    "Mr Mrs Ms Miss Mx Dr Drs Prof Profs Professor Professors Sir Dame Lord Lady Baroness Baron"
    " Rev Revd".split()
)


# A post before a person's name in prose: "Then Health Secretary Jeremy Hunt (2016)",
# "Prime Minister Theresa May (2018)".
_JOB_TITLES = frozenset(
    "Secretary Minister President Chancellor Senator Governor Mayor Director Chair".split()
)


# A sentence's opening participle before a name: "Omitting Novak (2013) lowered it",
# "Extending Hall (2019), we ...".  A list, not every "-ing": Sterling, Xiaoming and
# Manning are given names and surnames.
_OPENING_PARTICIPLES = frozenset(
    """
    omitting excluding including extending comparing combining adapting applying adopting
    building citing echoing summarising summarizing reviewing replicating reanalysing
    reanalyzing contrasting challenging criticising criticizing revisiting
    """.split()
)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _irish_mutated(words: Sequence[tuple[str, int]], k: int) -> bool:
    """Word ``k`` is an Irish surname's mutated last word ("tSaoi" in "Mac an tSaoi",
    "hAodha" in "Ó hAodha") and the word before it says so."""
    return (
        k > 0
        and IRISH_MUTATED.fullmatch(words[k][0]) is not None
        and (words[k - 1][0] in IRISH_OPENERS or words[k - 1][0] in ("an", "na"))
    )


def _compound_ok(word: str) -> bool:
    return not _is_stopword(word) and len(word) > 1


_INITIALS = re.compile(r"(?:[A-Z]\.\s?-?\s?){1,3}")
_INITIALS_AFTER = re.compile(rf"(?<=[^\W\d_]),\s*({_INITIALS.pattern})$")


def _prose_initials(text: str, at: int) -> str | None:
    """The initials right before the name at ``at`` in prose ("J. Zhang (2018)"), but
    a sentence's last letter ("in vitamin D. Zhang (2018)") or a country's ("in the
    U.S. J. Zhang (2018)" gives "J.")."""
    found = _INITIALS_BEFORE.search(text, max(0, at - 12), at)
    if found is None:
        return None
    start = found.start()
    while start < at:
        previous = text[max(0, start - 20) : start].split()[-1:]
        if not (previous and previous[0].isalpha() and previous[0].islower()):
            return text[start:at].strip()
        if previous[0] in _BEFORE_INITIALS:
            return text[start:at].strip()
        space = text.find(" ", start, at)
        if space < 0 or not text[space:at].strip():
            return None
        start = space + 1
    return None


# Words after which initials open a name in prose: "as J. Zhang (2018) showed".
_BEFORE_INITIALS = frozenset(
    "as by and or of in see from with while whereas but when where that than to for".split()
)
_INITIALS_BEFORE = re.compile(rf"(?<![\w.])({_INITIALS.pattern})\Z")
# Stopwords that are also common surnames (He, An, So, No): read as names only where
# a citation's form leaves no other reading (`_parse_names`).
_SURNAME_WORDS = frozenset({"He", "An", "So", "No"})
# Months, seasons and other words that are surnames too ("Winter VJ", "May RM", "March
# JG", "Long SP", "Page L"), read as names only beside a co-author who is no such word:
# "(Winter and Cameron, 2003)", not "(May and June, 2003)".
_PAIRED_SURNAME_WORDS = frozenset(
    """
    January February March April May June July August September October November December
    Spring Summer Autumn Fall Winter Early Late Long Still Page
    """.split()
)
# Words before a month's name that make it the date: "in May and June (2003)".
_DATE_WORDS = frozenset(
    """
    in on during since until till from before after between through throughout early
    late mid last next this each every and or around over to by of
    """.split()
)


def _surname_word(name: str) -> bool:
    return name in _SURNAME_WORDS


def _opens_names(before: str) -> bool:
    """Whether an author list may start after ``before``: at its start, after a
    sentence's end or a pointing word's dot ("e.g.,"), or after a small word that is
    no date's ("see", "cf"; not "in", "until", "and", "by", "of": "had doubled by May
    and Smith (2020) ...")."""
    words = before.split()
    if not words:
        return True
    last = words[-1].rstrip(",")
    if last[-1:] in (".", "!", "?", ":", "(", "["):
        return True
    return last.isalpha() and last.islower() and last not in _DATE_WORDS


def _paired_surname(name: str, partner: str) -> bool:
    """A word that is a surname beside a co-author who is no such word (``partner``)."""
    return name in _PAIRED_SURNAME_WORDS and not _is_stopword(partner)


def _is_stopword(name: str) -> bool:
    if len(name) >= 2 and name.isupper() and name.lower() not in _MONTHS:
        return False  # an acronym: "(WHO, 2017)", "(NICE, 2022)"
    return name.lower() in _STOPWORDS or name.lower().rstrip(".") in _STOPWORDS


# A pointer into the article that may open a bracket before its citation: "(Figure
# 2A, Smith, 2010)", "(Table 1 Allmann and Baldwin, 2010)", "(see Figure 3—figure
# supplement 1 and Li et al., 2012)", "(e.g., Figure 1, Table 2, Li, 2012)", with its
# panel letters ("Figure 2A and C", "Figure 2B-D", "Figures 1C and 2D"), which are no
# authors.
_LABEL_ITEM = (
    r"S?\d{1,3}[A-Za-z]?"
    r"(?:\s*[-–—]\s*(?:(?:figure|table|video)\s+supplements?|source\s+data|videos?)"
    r"\s+\d{1,2}[A-Za-z]?)?"
)
_LABEL_ONE = (
    r"(?:supplementary\s+)?(?:fig(?:ure)?s?\.?|tables?|box|movies?|videos?|appendix)\s+"
    rf"{_LABEL_ITEM}(?:\s*(?:[-–,&]|and)\s*(?:{_LABEL_ITEM}|[A-Za-z](?![\w.'’-])))*"
)
_LABEL_PREFIX = re.compile(
    r"\s*(?:(?:see|e\.\s?g\.|cf\.)\s*,?\s+(?:also\s+)?)?"
    rf"{_LABEL_ONE}(?:\s*(?:,|and|&)\s*{_LABEL_ONE})*",
    re.IGNORECASE,
)


# Words that point at a source, at the end of a longer comment in the bracket.
_CUE_AT_END = re.compile(
    r"(?:^|[,;:]\s*)((?:e\.\s?g\.|cf\.|see(?:\s+also)?|as\s+in|reviewed\s+in)[,:]?)\Z",
    re.IGNORECASE,
)


def _valid_prefix(prefix: str) -> bool:
    """Words that may open a parenthetical citation: "e.g.,", "see also", "for a review, see"."""
    words = prefix.replace(",", " ").replace(":", " ").split()
    if len(words) > 8:
        return False
    for k, word in enumerate(words):
        low = word.lower()
        if any(ch.isdigit() for ch in word):
            return False
        if k > 0 and word[:1].isupper():
            return False
        if low not in _PREFIX_WORDS and not low.isalpha():
            return False
    return True


# ---------------------------------------------------------------- numeric


def _numeric_items(content: str, base: int) -> Iterator[tuple[int, Span]]:
    for m in _NUMERIC_ITEM.finditer(content):
        first = int(m.group(1))
        span = Span(base + m.start(), base + m.end())
        if m.group(2) is None:
            yield first, span
            continue
        last = int(m.group(2))
        if last < first or last - first > _MAX_RANGE:
            yield first, span
            continue
        for n in range(first, last + 1):
            yield n, span


def _numeric_found(content: str, base: int, group_start: int) -> Iterator[_Found]:
    for k, (number, span) in enumerate(_numeric_items(content, base)):
        if number == 0:
            continue
        yield _Found(kind="numeric", span=span, group_start=group_start, order=k, number=number)


_BRACKET_DASH = re.compile(rf"\s?{_RANGE_DASH}\s?")
_SINGLE = re.compile(r"\s*(\d{1,4})\s*")


def _numeric_matches(
    pattern: re.Pattern[str], text: str, start: int, end: int
) -> Iterator[re.Match[str] | None]:
    """Each bracket of ``pattern``, in text order: the match when it holds numbers that
    may cite, None when it does not (other words, a zero, a label: `_no_citation_list`)."""
    refused = -1
    for m in pattern.finditer(text, start, end):
        content = m.group(1)
        if not _NUMERIC_LIST.match(content):
            yield None
        elif _no_citation_list(text, m.start(), content, refused):
            refused = m.end()
            yield None
        elif _word_part(text, m):
            # Not a series: "46,XX[20] and [5]" cites 5.
            yield None
        else:
            yield m


def _numeric_brackets(text: str, start: int, end: int, last_number: int | None) -> Iterator[_Found]:
    previous: re.Match[str] | None = None
    matches = list(_numeric_matches(_BRACKETS, text, start, end))
    codes = _answer_codes(text, [m for m in matches if m is not None])
    intervals = _interval_runs(text, [m for m in matches if m is not None])
    scale_end = -1  # where the last bracket read as a scale's range ends
    for m in matches:
        if m is not None and _scale_range(text, m, scale_end):
            scale_end = m.end()
            previous = None
            continue
        if (
            m is None
            or m.start() in codes
            or m.start() in intervals
            or _spread_before_unit(text, m)
            or _not_sources(text, m, last_number)
            or _value_interval(text, m.start(), m.group(1), last_number)
            or _count_statistic(text, m.start(), m.end())
            # A law report's year: "Montgomery v Lanarkshire Health Board [2015] UKSC
            # 11", "Bolam [1957] 1 WLR 582".
            or (m.group(1).isdigit() and _a_year(int(m.group(1)), last_number))
            or _years_span(m.group(1), last_number)
        ):
            previous = None  # "[5]–[8]" is a range only between two citation brackets
            continue
        if previous is not None:
            yield from _bracket_range(text, previous, m)
        yield from _numeric_found(m.group(1), m.start(1), m.start())
        previous = m


# Values after the index R prints a vector with: "[1] 0.842", "[1] 63.77 12".
_PRINTED_VALUES = re.compile(r"[ \t]+-?\d[\d.eE+-]*(?:[ \t]+-?\d[\d.eE+-]*)*[ \t]*(?:\n|\Z)")
# Numbers with thousands separators: "[11,120, 18,540]" (a comma with no space before
# three digits, beside ones with a space).
_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")
# An interval on a scale or a range: "on a [1–5] scale", "the [1, 99] percentile range"
# (an article before, the noun after), "in the range [30, 90]".  Not a scale's or a
# range's source: "the Glasgow Coma Scale [3]", "the therapeutic range [8]".
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the)\s*\Z")
_SCALE_AFTER = re.compile(r"[ \t]?(?:scales?|ranges?|percentiles?)\b")
# ... or labelled so in brackets: "(range [18–65])", "(median 1, range [1–6])" (not
# "the therapeutic range [8, 9]", a source of it).
_THE_RANGE_BEFORE = re.compile(r"\bin\s+the\s+range(?:\s+of)?\s*\Z|[(,;]\s*range:?\s*\Z")
# A parameter's interval (`_PAIR`): "maximum tree depth in [2, 10]", "the kernel width
# from [3, 15]", "the number of clusters was varied over [2, 12]", "drawn from [16,
# 256]" (not "as reported in [2, 10]").
_PARAMETER_BEFORE = re.compile(
    r"\b(?:depth|rate|size|length|width|height|number|values?|epochs|layers|units|clusters"
    r"|neighbou?rs|iterations|drawn|varied|sampled|tuned|searched|uniformly)"
    r"\s+(?:in|from|over|within)\s*\Z"
)
# A unit after numbers: "[30, 90] days", "[8, 16, 24, 32] ms".
_UNIT_AFTER = re.compile(
    r"[ \t]?(?:days?|weeks?|months?|years?|hours?|h|min(?:utes?)?|s|ms|[mµμn]?m|cm|kg|mg"
    r"|[mµμnp]?g|[mµμ][lL]|[mµμnp]M|[mµμn]?mol|°C|mK|[mk]V|[kMG]?eV|[mµμ]T|[kMG]?Hz"
    r"|[kM]?Pa|[mkM]W|bp|kb|Mb"
    # Kelvin, where no word follows: "over [10, 300] K.", not "[12, 13] K+ channels".
    r"|K(?=[,;:)]|\.(?:\s|\Z)|[ \t]*(?:\n|\Z)|\s+(?:and|or|to)\b))(?![\w-]|\.[ \t]*[a-z])"
)
# (Not a genus's initial: "[4, 5] K. pneumoniae", "[2, 3] L. monocytogenes".)
# A bracket right after a sentence's end cites: "in mice.[4, 5] T cells".
_AFTER_SENTENCE = re.compile(r"[.!?]\s*\Z")
# A line of a program's help text, which gives each option's default in brackets:
# an option, then its value's name in capitals or a column gap ("--threads INT   worker
# threads [8]", "-k, --kmer=INT"), where a dash before a word is a bullet: "-smoking [4]".
_OPTION_LINE = re.compile(r"[ \t]*--?[A-Za-z][\w-]*(?:,?[ =][A-Z]{2,}\b|[ \t]{2,}\S)")
_OPTION_REACH = 200
"""Characters from a line's start to a default in its help text, at most."""
_FAR_PAST = 3
"""How many times the list's length the largest of some numbers past its end must be
before they may be values (`_values_past_the_list`)."""
_GRID_STEP = 1.25
"""The least ratio of one number of a grid of values to the one before it."""
# An interval's name just before it: "IQR [1, 5]", "95% CI [2, 9]" (not a cochlear
# implant's "CI [12, 13]").
_INTERVAL_NAME_BEFORE = re.compile(r"(?:\bIQR|%[ \t]*(?:CI|CrI|HDI|UI|PI))[ \t]*\Z")


def _values_past_the_list(content: str, numbers: list[int], last_number: int) -> bool:
    """Whether numbers reaching past three times the list's length are values, not citations
    left over from a longer draft: all past its end, none next to another, not a
    range ("m/z [380, 980]", "[44, 76]"); or a grid growing by a quarter or more at
    each step, two of them past the end ("leaves [16, 32, 64]" beside 20 entries).
    "[12, 13]", "[25-27]", "[8, 40, 41]", "[28; 41]" and, beside 12 entries, "[25,
    31]" stay citations for CIT108 to report."""
    if ";" in content or max(numbers) <= _FAR_PAST * last_number:
        return False
    if re.search(_RANGE_DASH, content) or len(numbers) < 2:
        return False
    ordered = sorted(set(numbers))
    if numbers != ordered:
        return False
    if ordered[0] > last_number and all(b - a > 1 for a, b in pairwise(ordered)):
        return True
    past = sum(n > last_number for n in numbers)
    return (
        len(numbers) >= 3 and past >= 2 and all(b >= _GRID_STEP * a for a, b in pairwise(numbers))
    )


# Teeth in the FDI two-digit notation (quadrant 1-4, tooth 1-8; milk teeth quadrant 5-8,
# tooth 1-5) after a word for teeth, in either kind of bracket: "the first permanent
# molars [16, 26, 36, 46]", "the Ramfjord teeth [16, 21, 24, 36, 41, 44]", "(teeth 15,
# 25, 35 and [45])".  One number past the list's end, and teeth of two quadrants at
# least, counting those written bare before the bracket and joined to it: "the first
# molars [16]", "molars [45]", "mandibular premolars [27, 28]" and "teeth 36 and 46
# [45]" may cite, and a number past the list is CIT108's to report.
_FDI = r"(?:[1-4][1-8]|[5-8][1-5])"
# The kinds of tooth a word may name (`_PERMANENT_KINDS`, `_MILK_KINDS`).
_KIND = r"(?:pre)?molar|incisor|canine"
_FDI_LIST = re.compile(rf"\s*{_FDI}(?:\s*(?:,|,?\s+and|,?\s+or)\s*{_FDI})*\s*")
_TEETH_BEFORE = re.compile(
    rf"\b(?i:teeth|tooth|(?P<kind>{_KIND})s?|dentition)(?:[ \t]+\(?FDI\)?)?"
    rf"(?P<bare>(?:[ \t]+{_FDI}(?:,|,?[ \t]+(?:and|or))?)*)[ \t]*\Z"
)
_TEETH_REACH = 60
_JOINED = re.compile(r"(?:,|\b(?:and|or))[ \t]*\Z")


def _teeth(text: str, m: re.Match[str], last_number: int | None) -> bool:
    """Whether bracketed numbers name teeth (`_TEETH_BEFORE`)."""
    if last_number is None or not _FDI_LIST.fullmatch(m.group(1)):
        return False
    numbers = [int(n) for n in re.findall(r"\d+", m.group(1))]
    if max(numbers) <= last_number:
        return False
    before = _TEETH_BEFORE.search(text, max(0, m.start() - _TEETH_REACH), m.start())
    if before is None:
        return False
    bare = before.group("bare")
    if _JOINED.search(bare):
        numbers += [int(n) for n in re.findall(r"\d+", bare)]
    if before.group("kind") is not None:
        # Every kind of tooth named before the bracket: "the canines and first
        # premolars (13, 14, 23, 24)".  "The central incisors (18, 21)": 18 is a
        # molar, so these cite.
        window = text[max(0, before.start() - _TEETH_REACH) : before.end()]
        kinds = {k.lower() for k in _TOOTH_KIND.findall(window)}
        if not all(any(_of_kind(n, kind) for kind in kinds) for n in numbers):
            return False
    return len({n // 10 for n in numbers}) >= 2


_TOOTH_KIND = re.compile(rf"(?i:\b({_KIND})s?\b)")


# FDI tooth numbers by kind, for permanent (quadrants 1-4) and milk teeth (5-8, which
# have no premolars: their molars are 4 and 5).
_PERMANENT_KINDS = {"incisor": (1, 2), "canine": (3, 3), "premolar": (4, 5), "molar": (6, 8)}
_MILK_KINDS = {"incisor": (1, 2), "canine": (3, 3), "molar": (4, 5)}


def _of_kind(tooth: int, kind: str) -> bool:
    """Whether FDI ``tooth`` is of ``kind`` ("molar": 16, 17, 18, 54, 55, ...)."""
    kinds = _PERMANENT_KINDS if tooth // 10 <= 4 else _MILK_KINDS
    low, high = kinds.get(kind, (0, -1))
    return low <= tooth % 10 <= high


_DESCENDING = 3
"""Numbers counting down, this many or more, are no citation list (with one past the
list's end: "[23, 17, 5]" is an author's citation out of order)."""


_ONE_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
# A value that opens a table cell, its bracket after it in the same cell: "24.1 [498]",
# "| 12% [340] |" (a share and the number tested).
_VALUE_IN_CELL_BEFORE = re.compile(r"(?:^|[|\t]|[ ]{2})[ ]*\d[\d.,]*[ ]?%?[ ]?\Z", re.M)


def _without_counts_in_cells(text: str, found: list[_Found], last_number: int) -> list[_Found]:
    """``found`` without the single numbers past the list's end that follow a value in
    a table cell ("24.1 [498]")."""
    counts: dict[int, int] = defaultdict(int)
    for f in found:
        counts[f.group_start] += 1
    return [
        f
        for f in found
        if not (
            counts[f.group_start] == 1
            and (f.number or 0) > last_number
            and _past_count_in_cell(text, f.group_start)
        )
    ]


def _past_count_in_cell(text: str, open_at: int) -> bool:
    """Whether a bracketed number past the list's end follows a value in a table cell:
    the number tested, as a table's caption declares ("% resistant [number tested]");
    a number within the list there is still a citation."""
    if _VALUE_IN_CELL_BEFORE.search(text, max(0, open_at - 16), open_at) is None:
        return False
    return _on_table_row(text, open_at, open_at)


def _not_sources(text: str, m: re.Match[str], last_number: int | None) -> bool:
    """Whether square-bracketed numbers read as something other than sources: numbers
    given twice or counting down where some lie past the list's end ("kernels of size
    [1, 128, 128, 64]", "Dir[45, 30, 15, 10]") or three alike ("[3, 3, 3]"), numbers
    with thousands separators that would lie past it ("[11,120, 18,540]"), an interval
    on a scale or a range ("on a [1–5] scale", "in the range [30, 90]"), numbers
    before a unit ("[30, 90] days"), values far past the list (`_values_past_the_list`),
    an interval named before it ("IQR [2, 6]") or a default in a program's help text
    (`_OPTION_LINE`).  A displayed equation's number is read as a
    citation: "Sensitivity = 82%      [12]" and a formula cited to its source look the
    same, and the cited entry exists."""
    content = m.group(1)
    numbers = [int(n) for n in re.findall(r"\d+", content)]
    past = last_number is not None and max(numbers) > last_number
    if last_number is not None and _values_past_the_list(content, numbers, last_number):
        return True
    if _teeth(text, m, last_number):
        return True
    if _PAIR.fullmatch(content) and _INTERVAL_NAME_BEFORE.search(
        text, max(0, m.start() - 12), m.start()
    ):
        return True  # "IQR [1, 5]", "95% CI [2, 6]"
    # A help line is short: look back only so far, or a long line without breaks
    # would be searched again for every bracket in it.
    reach = max(0, m.start() - _OPTION_REACH)
    line_start = text.rfind("\n", reach, m.start()) + 1
    if (line_start or not reach) and _OPTION_LINE.match(text, line_start):
        return True  # a program's help: "--threads INT   worker threads [8]"
    if (
        (line_start or not reach)
        and not text[line_start : m.start()].strip()
        and _PRINTED_VALUES.match(text, m.end())
    ):
        return True  # R's printed vector, its first element's index: "[1] 0.842 0.031"
    repeated = len(numbers) != len(set(numbers))
    if repeated and (past or (len(numbers) >= _DESCENDING and len(set(numbers)) == 1)):
        return True
    if past and len(numbers) >= _DESCENDING and all(a > b for a, b in pairwise(numbers)):
        return True
    if past and _THOUSANDS.search(content) and re.search(r",\s", content):
        return True
    if past and _ONE_THOUSANDS.fullmatch(content):
        return True  # "0.1 [2,650]": a count of 2,650, not works 2 and 650
    if len(numbers) < 2:
        return False
    back = max(0, m.start() - 20)
    if _ARTICLE_BEFORE.search(text, back, m.start()) and _SCALE_AFTER.match(text, m.end()):
        return True
    if _THE_RANGE_BEFORE.search(text, back, m.start()):
        return True
    pair = _PAIR.fullmatch(m.group(1))
    if (
        pair is not None
        and int(pair.group(1)) < int(pair.group(2))
        and _PARAMETER_BEFORE.search(text, max(0, m.start() - 30), m.start())
    ):
        return True
    return _UNIT_AFTER.match(text, m.end()) is not None and not _AFTER_SENTENCE.search(
        text, back, m.start()
    )


# Answer codes of a questionnaire or the states of a model, numbered in square brackets
# from 0 or 1 and each followed by its words: "[1] never, [2] sometimes, [3] often";
# "from [1] strongly disagree to [5] strongly agree".
_CODE_WORD_AFTER = re.compile(r"[ \t]+[^\W\d_]")
# A code opens its item: at a line's start (after a bullet, perhaps), after a colon,
# comma, semicolon, bracket, tab, "and", "or", "from", "to" or a column gap.  A citation
# follows what it supports ("Disease [1] remains the leading cause of death [2] and
# disability [3]").
_CODE_OPENER = re.compile(
    r"(?:^[ ]*(?:[-*•][ ]+)?|[,;:(\t]|\b(?:and|or|from|to)|[ ]{2})[ ]*\Z", re.MULTILINE
)
# A citation that stands for its work is followed by what the work did: "As [1] showed,
# [2] found and [3] argued".
_REPORTING_AFTER = re.compile(
    r"[ \t]+(?i:showed|shown|found|reported|demonstrated|argued|suggested|proposed|described"
    r"|observed|noted|concluded|studied|examined|investigated|estimated|identified|confirmed"
    r"|indicated|presented|introduced|recommended|hypothesi[sz]ed|claimed|stated|have|has|had"
    r"|also|was|were|used|using|applied|developed|conducted|performed|analy[sz]ed|measured"
    r"|compared|evaluated|assessed|included)\b"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n[ \t]*\n")
# Codes laid out as a list or in columns: each opens a line (after a bullet, perhaps)
# or follows a tab or a column gap ("[1] Never   [2] Sometimes").
_CODE_LAYOUT = re.compile(r"(?:^|\t|[ ]{2})[ ]*(?:[-*•][ ]+)?\Z", re.MULTILINE)
# Or the sentence says what they number: "items were coded [1] never, [2] ...".
_CODE_CUE = re.compile(
    r"(?i:\b(?:cod(?:e|es|ed|ing)|scor(?:e|es|ed|ing)|scales?|options?|responses?|answers?"
    r"|answered|rated|ratings?|categor(?:y|ies)|states?|levels?|menu|likert|items?|replies"
    r"|choices?))\b"
)
# The word right before the first code: "options were [1] never", "coded as [0] none".
_CUE_BEFORE = re.compile(rf"{_CODE_CUE.pattern}(?:\s+(?:as|were|was|are|is))?[ :]*\Z")
_CUE_WINDOW = 120
_CODE_GAP = 80
_ROW_GAP = 400
"""Characters between codes that each open a line (a table's rows, `_ROW_START`)."""
_ROW_START = re.compile(r"^[ \t]*\Z", re.MULTILINE)
# A row that names a work after its number lists sources: "[1] Smith et al (2010) ...".
_WORK_AFTER = re.compile(
    r"[ \t]+[A-Z][\w'’\-]+(?:[ \t]+et[ \t]+al\b|,?[ \t]+\(?(?:1[6-9]|20)\d\d\b)"
)
_CODE_RUN = 3
_SCALE_TO = re.compile(r"\bto[ \t]+\Z")


def _coded(text: str, marks: Sequence[re.Match[str]]) -> bool:
    """Whether brackets that open items are laid out as codes (`_CODE_LAYOUT`, every
    one) or follow a sentence that says what they number (`_CODE_CUE`).  "Stroke is a
    leading cause of death, [1] disability, [2] and dementia, [3]" cites."""
    if all(_CODE_LAYOUT.search(text, max(0, m.start() - 8), m.start()) for m in marks):
        return True
    at = marks[0].start()
    window = text[max(0, at - _CUE_WINDOW) : at]
    ends = list(_SENTENCE_END.finditer(window))
    return _CODE_CUE.search(window, ends[-1].end() if ends else 0) is not None


def _answer_codes(text: str, found: Sequence[re.Match[str]]) -> set[int]:
    """The openings of square brackets that number answers or states, not sources: a run
    of three or more single numbers counting up by one from 0 or 1 in one sentence,
    each followed by a word ("[1] took all tablets, [2] missed a dose, [3] side
    effects"); or a scale's two ends, "[1] ... to [5] ...".  Each opens its item
    (`_CODE_OPENER`; the first may follow its cue word instead, "coded [1] never"),
    and they are laid out or introduced as codes (`_coded`).
    Citations in order of first mention count up too, but follow what they support."""
    opened = {
        m.start() for m in found if _CODE_OPENER.search(text, max(0, m.start() - 8), m.start())
    }
    singles = [
        (m, int(single.group(1)))
        for m in found
        if (single := _SINGLE.fullmatch(m.group(1))) is not None
        and _CODE_WORD_AFTER.match(text, m.end())
        and (m.start() in opened or _CUE_BEFORE.search(text, max(0, m.start() - 24), m.start()))
    ]
    out: set[int] = set()
    k = 0
    while k < len(singles):
        run = [singles[k]]
        while k + len(run) < len(singles):
            (prev, n), (nxt, n2) = run[-1], singles[k + len(run)]
            close = nxt.start() - prev.end() <= _CODE_GAP or (
                nxt.start() - prev.end() <= _ROW_GAP
                and all(
                    _ROW_START.search(text, max(0, x.start() - 8), x.start())
                    and not _WORK_AFTER.match(text, x.end())
                    for x in (prev, nxt)
                )
            )
            if n2 != n + 1 or not close or _SENTENCE_END.search(text, prev.end(), nxt.start()):
                break
            run.append(singles[k + len(run)])
        while len(run) >= _CODE_RUN and k + len(run) < len(singles):
            # A code out of the count may close the run: "[4] Always [9] Don't know".
            prev, nxt = run[-1][0], singles[k + len(run)][0]
            if nxt.start() - prev.end() > _CODE_GAP or _SENTENCE_END.search(
                text, prev.end(), nxt.start()
            ):
                break
            run.append(singles[k + len(run)])
        first, first_number = run[0]
        marks = [m for m, _ in run] if len(run) >= _CODE_RUN else []
        if len(run) == 1 and first_number <= 1 and k + 1 < len(singles):
            # A scale's two ends: "from [1] strongly disagree to [5] strongly agree".
            nxt, last = singles[k + 1]
            if (
                first_number < last <= 10
                and nxt.start() - first.end() <= _CODE_GAP
                and _SCALE_TO.search(text, max(0, nxt.start() - 6), nxt.start())
                and not _SENTENCE_END.search(text, first.end(), nxt.start())
            ):
                marks = [first, nxt]
        if (
            marks
            and first_number <= 1
            # Only the first code may follow its cue word: "levels (1) rise, scores (2)
            # peak and ratings (3) climb" cites three works.
            and all(m.start() in opened for m in marks[1:])
            and not any(_REPORTING_AFTER.match(text, m.end()) for m in marks)
            and _coded(text, marks)
        ):
            out.update(m.start() for m in marks)
        k += len(run)
    return out


# Square-bracketed numbers with the words biology and physics put around them:
# "[reviewed in 2]", "[see also 3]", "[e.g., 4, 5]", "[Refs. 7, 8]", "[7, 8 and 9]",
# "[10, Fig 2]", "[11, p. 45]", "[9, and references therein]".  Numbers of up to three
# digits: "Biastoch et al. [2009, Figure 3]" is an author-year citation (AGU).
# The words that point the reader to a source, in round brackets too (`_ROUND_CUE`).
_SEE_CUE = (
    r"see(?:\s+also)?|cf\.|reviewed\s+(?:in|by)|cited\s+in|for\s+(?:a\s+)?reviews?(?:,?\s+see)?"
)
_CITING_CUE = rf"(?i:{_SEE_CUE}|e\.\s?g\.|refs?\.|references?)[,:]?\s*"
# Cues may stack ("[see, e.g., 8, 19]") and open a later group ("[24; see also 25]").
_WORDED_CITATION = re.compile(
    rf"\s*(?:{_CITING_CUE}){{0,3}}"
    rf"(?P<numbers>\d{{1,3}}(?:\s*{_RANGE_DASH}\s*\d{{1,3}})?"
    rf"(?:(?:\s*,\s*|\s*;\s*(?:{_CITING_CUE}){{0,2}}|\s*,?\s+(?:and|&)\s+)"
    rf"\d{{1,3}}(?:\s*{_RANGE_DASH}\s*\d{{1,3}})?){{0,40}})"
    r"(?:\s*,?\s*(?:and\s+references\s+therein|pp?\.\s*\d+(?:\s*[-–]\s*\d+)?"
    r"|(?:Figs?\.?|Figures?|Tables?|Chapters?|[Cc]h\.|Sections?|Sect?\.|§)\s*[\dA-Z][\w.]*"
    # Mathematics' "[11, Thm. 2.1.5]", "[5, Lemma 3]", "[2, Prop. 1]", "[4, Cor. 2.3]";
    # Russian, German and Nordic pages: "[1, с. 45]", "[1, S. 45]", "[3, s. 12]".
    r"|(?:Thms?\.|Theorems?|Lemmas?|Props?\.|Propositions?|Cors?\.|Corollary|Defs?\.|"
    r"Definitions?|Examples?|Exercises?|Remarks?|Algorithms?|Alg\.)\s*[\dA-Z][\w.]*"
    r"|(?:с|стр|S|s)\.\s*\d+(?:\s*[-–]\s*\d+)?"
    # "[9, Eq. 5]", "[3, Eq. (11)]"
    r"|(?:Eqs?\.|Equations?)\s*\(?\d[\w.]*\)?))?\s*"
)


def _worded_brackets(text: str, start: int, end: int, last_number: int | None) -> Iterator[_Found]:
    """Numeric citations in square brackets that also hold words (`_WORDED_CITATION`);
    brackets of numbers alone are `_numeric_brackets`' work.  Not teeth listed with an
    "and" ("index teeth [16, 11, 26, 36, 31 and 46]", `_teeth`)."""
    for m in _BRACKETS.finditer(text, start, end):
        content = m.group(1)
        if _NUMERIC_LIST.match(content) or _teeth(text, m, last_number):
            continue
        worded = _WORDED_CITATION.fullmatch(content)
        if worded is None:
            continue
        numbers = worded.group("numbers")
        if _no_citation_list(text, m.start(), numbers, -1):
            continue
        yield from _numeric_found(numbers, m.start(1) + worded.start("numbers"), m.start())


# Words that make a round bracket of numbers a citation where the list is numbered:
# "(see 27)", "(cf. 4)", "(reviewed in 12)".  Not "e.g.": "(e.g., 3, 4)" gives values.
_ROUND_CUE = re.compile(rf"\s*(?i:{_SEE_CUE})[,:]?\s+(?=\d)")


def _worded_parens(text: str, start: int, end: int, last_number: int | None) -> Iterator[_Found]:
    """Round brackets of numbers after a citing word (`_ROUND_CUE`), where the list is
    numbered and holds every number ("refs (8, 26)" is `_ref_nouns`' work)."""
    for m in _PARENS.finditer(text, start, end):
        cue = _ROUND_CUE.match(m.group(1))
        if cue is None or not _NUMERIC_LIST.match(numbers := m.group(1)[cue.end() :]):
            continue
        found = list(_numeric_found(numbers, m.start(1) + cue.end(), m.start()))
        if last_number is None or all((f.number or 0) <= last_number for f in found):
            yield from found


def _bracket_range(text: str, left: re.Match[str], right: re.Match[str]) -> Iterator[_Found]:
    """The numbers between ``[5]–[8]`` (PLOS writes a range as two bracketed numbers
    and a dash): 6 and 7, spanning the range as written."""
    if not _BRACKET_DASH.fullmatch(text, left.end(), right.start()):
        return
    a = _SINGLE.fullmatch(left.group(1))
    b = _SINGLE.fullmatch(right.group(1))
    if a is None or b is None:
        return
    first, last = int(a.group(1)), int(b.group(1))
    if not first < last <= first + _MAX_RANGE:
        return
    span = Span(left.start(1) + a.start(1), right.start(1) + b.end(1))
    for k, number in enumerate(range(first + 1, last)):
        yield _Found(
            kind="numeric", span=span, group_start=left.start(), order=k + 1, number=number
        )


def _numeric_parens(text: str, start: int, end: int, last_number: int | None) -> Iterator[_Found]:
    found = [m for m in _numeric_matches(_PARENS, text, start, end) if m is not None]
    marks = _enumeration_marks(text, found) | _answer_codes(text, found)
    values = [_VALUE_BEFORE.search(text, max(0, m.start() - 3), m.start()) for m in found]
    # Round brackets cite here after words: one after a figure may cite as well.
    round_style = sum(1 for v in values if v is None) >= _ROUND_STYLE
    equation = 1  # the next equation's number: they count up from 1
    for m, value in zip(found, values, strict=True):
        if m.start() in marks or _statistic(text, m, value, last_number, round_style=round_style):
            continue
        if _teeth(text, m, last_number):
            continue  # "the first permanent molars (16, 26, 36, 46)"
        if _ORDER_OF_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "AR(1)", "ICC(2,1)", "χ²(53)"
        if m.group(1).strip() == str(equation) and _equation_number(text, m):
            equation += 1
            continue
        if _range_past_the_list(m.group(1), last_number):
            continue  # an age band in a table: "Adolescents (11–17)" beside 8 entries
        dated = False
        for f in _numeric_found(m.group(1), m.start(1), m.start()):
            if _a_year(f.number, last_number):
                dated = dated or f.order == 0
            elif not (dated and last_number is not None and (f.number or 0) > _FAR * last_number):
                # After a year, a number far past the list's end is a count or a page:
                # "Data from Israel (2021, 412)"; "Ohio (2018, 3)" still cites 3, and
                # "(2019, 12)" with ten entries is CIT108's.
                yield f


_ROUND_RANGE = re.compile(r"\s*(\d{1,4})\s*[-–—]\s*(\d{1,4})\s*")


def _range_past_the_list(content: str, last_number: int | None) -> bool:
    """A range in round brackets that starts past the list's last entry: a band of
    ages, years of schooling, a scale's points; a range mistyped past the end of a
    list is rare where round brackets cite (a single number past it still cites)."""
    m = _ROUND_RANGE.fullmatch(content)
    return m is not None and last_number is not None and int(m.group(1)) > last_number


# A displayed equation's number: set off by a column gap at the end of a line that holds
# an equals sign and no table's cells ("h(t) = h0(t) exp(βx)    (1)").
_GAP_BEFORE = re.compile(r"(?:[ ]{2,}|\t)\Z")
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")


def _equation_number(text: str, m: re.Match[str]) -> bool:
    """Whether a round bracket may number the equation displayed on its line.  Round
    brackets are how equations are numbered, from 1 up (the caller counts); a formula's
    source cited the same way ("t = (x1 - x2) / SE    (12)" as the first formula) breaks
    the count and stays a citation, as does a table row's ("smoked = yes<tab>(15)")."""
    if not _LINE_END.match(text, m.end()):
        return False
    gap = _GAP_BEFORE.search(text, max(0, m.start() - 8), m.start())
    if gap is None:
        return False
    line = text[text.rfind("\n", 0, m.start()) + 1 : gap.start()]
    # "=" or a distribution's "~" ("y | θ ~ N(θ, s²)"); no table's cells.
    return ("=" in line or "~" in line) and "\t" not in line and not line.lstrip().startswith("|")


_FAR = 2
"""How many times the list's length a number after a year must pass to be a count."""


_YEARS_SPAN = re.compile(rf"\s*((?:18|19|20)\d\d)\s*{_RANGE_DASH}\s*((?:18|19|20)\d\d)\s*")


def _years_span(content: str, last_number: int | None) -> bool:
    """Two years past the list's end as a span: a survey's "[2018–2019]" (`_a_year`)."""
    found = _YEARS_SPAN.fullmatch(content)
    return (
        found is not None
        and int(found.group(1)) <= int(found.group(2))
        and _a_year(int(found.group(1)), last_number)
    )


def _a_year(number: int | None, last_number: int | None) -> bool:
    """A year past the list's end: "the survey (2019)", "(2017-2018)", "Ohio (2018, 3)"
    (3 still cites), "[2015] UKSC 11".  A list of two thousand entries could mean it;
    none shorter can."""
    return (
        number is not None
        and last_number is not None
        and 1800 <= number <= 2099
        and number > last_number
    )


# An enumeration mark opens a clause and is followed by its words: "Two themes emerge.
# (1) Signals repress ..., (2) signals pattern ...".  A citation closes a claim instead
# ("in mice (1)."), or stands for its work ("Studies (1) have shown").
# "and"/"or" after a bracket joins citations ("(1) and (2) showed"); a full stop opens a
# clause only before a capital ("emerge. (1) Signals", not "Li et al. (3) found").
_CLAUSE_BEFORE = re.compile(r"(?:\A|\n|[:;,.]|(?<![)\]] )\b(?:and|or))\Z")
_WORD_AFTER = re.compile(r"[ \t]+(?!(?:and|or)\b)([^\W\d_])")
_MARK_WINDOW = 4


def _enumeration_marks(text: str, found: Sequence[re.Match[str]]) -> set[int]:
    """The openings of round brackets that number the items of an enumeration.

    Lone numbers n and n + 1, in this order in one paragraph, each opening a clause
    (at a line's start, or after a comma, a semicolon, a colon, a full stop before a
    capital, or an "and" or "or" that does not follow a bracket) and followed by its
    words.  A citation may do one of these ("as reported, (3) found"; "(1) and (2)
    reported"), so reading an enumeration as citations is the cheaper error: its
    numbers link to entries that exist, where a citation read as an enumeration leaves
    its entry uncited.  Square brackets are left alone: enumerations rarely use them."""
    marks: dict[tuple[int, int], list[int]] = defaultdict(list)
    firsts: list[int] = []
    breaks: list[int] | None = None
    for m in found:
        single = _SINGLE.fullmatch(m.group(1))
        word = _WORD_AFTER.match(text, m.end())
        if single is None or word is None:
            continue
        at = m.start()
        before = at
        while before > 0 and text[before - 1] in " \t":
            before -= 1  # an indented list item opens its line
        opener = _CLAUSE_BEFORE.search(text, max(0, before - _MARK_WINDOW), before)
        if opener is None or (opener.group() == "." and not word.group(1).isupper()):
            if (
                int(single.group(1)) == 1
                and word.group(1).islower()
                and _FIRST_MARK_BEFORE.search(text, max(0, before - 10), before)
            ):
                firsts.append(at)
            continue
        if breaks is None:  # the paragraphs' starts, found once and only when needed
            breaks = [b.end() for b in _BLANK_LINE.finditer(text)]
        marks[(bisect_right(breaks, at), int(single.group(1)))].append(at)
    out: set[int] = set()
    for (paragraph, number), places in marks.items():
        following = marks.get((paragraph, number + 1))
        if following:  # both lists are in text order
            out.update(at for at in places if at < following[-1])
            out.update(at for at in following if at > places[0])
    if firsts and breaks is not None:  # "(2)"s opening clauses were found
        for at in firsts:
            # The first item may follow its verb: "The aims were (1) to estimate ...,
            # (2) to identify ...", "We aimed to (1) describe ..., (2) ...": a "(2)"
            # after a comma or semicolon of the same sentence makes it an enumeration's.
            seconds = marks.get((bisect_right(breaks, at), 2), [])
            k = bisect_right(seconds, at)
            second = seconds[k] if k < len(seconds) else None
            if (
                second is not None
                and second - at <= _FIRST_MARK_REACH
                and _ITEM_SEPARATOR.search(text, max(0, second - 4), second)
                and not _SENTENCE_END.search(text, at, second)
            ):
                out.update((at, second))
    return out


_FIRST_MARK_REACH = 300
"""Characters from an enumeration's "(1)" after its verb to its "(2)"."""
# The words an enumeration's first mark may follow ("were (1) to", "to (1) describe"),
# and what stands before its second ("..., (2)", "...; (2)").  A citation follows what
# it supports: "Frailty (1) affects ...; (2) reported ...".
_FIRST_MARK_BEFORE = re.compile(
    r"\b(?:to|were|was|are|is|be|if|whether|covering|including|included|includes|include)\Z"
)
_ITEM_SEPARATOR = re.compile(r"[,;][ \t]*\Z")


# The name of one of the article's own parts before a bracket of numbers makes the
# numbers its label: "Eq. (4)", "Table [2]", "Figs. (3, 4)".  Full names count only
# capitalised, since "the Hill equation [12]" and "a lookup table [3]" cite; so a
# sentence that opens "Equations [12] and [13] give" loses its citations, a rare cost.
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:[Ee]qn?s?|[Ff]igs?|[Tt]abs?|[Ss]ecs?|[Ss]ects?|[Cc]haps?)\.|\b(?:Eqn?s?|Figs?"
    r"|Equations?|Figures?|Tables?|Schemes?|Steps?|Sections?|Chapters?|Appendix|Lemmas?"
    r"|Theorems?|Propositions?|Corollary|Definitions?))\s*$"
)
# A noun that numbers the study's own parts, bare before the bracket, makes the numbers
# its label: "in question [14]", "(item [3])", "Factor [1] comprised".  Bare: after a
# bracket, "in" or at a sentence's start.  After other words the noun ends a claim its
# source supports ("adjusted for age, sex and region [15]", "depends on stage [4]",
# "£35 per visit [15]", "between regions [3] and [4]"); "a published scale [15]", "the
# first item [3]" and "the Hill equation [12]" name a thing its source describes, and
# "GRADE [17]" is a method.  A plural noun labels a series only ("(questions [1]-[16])",
# "in sections (1) to (5)"): "in quintiles [27]" cites.
_BARE_NOUN = r"(?:^|[.!?]\s|[()\[\t]|\bin)\s*"
_INDEX_NOUN = (
    r"(?:[Qq]uestion|[Ii]tem|[Ff]actor|[Rr]egion|[Ss]tation|[Cc]lass|[Ee]xposure|[Ss]egment"
    r"|[Qq]uintile|[Qq]uartile|[Tt]ertile|[Dd]ecile|[Cc]ode|[Ss]core|[Gg]rade|[Vv]isit|[Ww]ave"
    r"|[Rr]ound|[Cc]ycle|[Ss]tage|[Aa]rm|[Dd]omain|[Ss]ubscale|[Oo]ption|[Ee]quation|[Ss]ection"
    r"|[Ss]tep|[Ss]ize)"
)
_INDEX_NOUN_BEFORE = re.compile(rf"{_BARE_NOUN}{_INDEX_NOUN}\s*\Z", re.MULTILINE)
_INDEX_NOUNS_BEFORE = re.compile(rf"{_BARE_NOUN}{_INDEX_NOUN}e?s\s*\Z", re.MULTILINE)
_SERIES_AFTER = re.compile(r"\s*(?:[-–—]|,|,?\s*\b(?:and|or|to)\b)\s*[\[(]\d")
_ZERO = re.compile(r"(?<!\d)0+(?!\d)")
# What joins the brackets of one series: "Eqs. (2)–(4)", "Eqs. (2) and (4)", "[0], [1]",
# "sections (1) to (5)".
_SERIES_JOIN = re.compile(r"\s*(?:[-–—,]\s*(?:and\s+|or\s+)?|and\s+|or\s+|to\s+|&\s*)")


# Locants of a chemical name: single digits without spaces, run into the name or
# joined to it by hyphens ("[1,2,4]triazolo", "(1,3)-β-D-glucan", "[3,3]-Claisen",
# "(1,3)- and (1,6)-linked"), or after a linkage's Greek letter ("β-(1,3)-glucan",
# "SAα(2,6)Gal").  A citation glued to the next word ("risk[4]in", "[1, 2]and") stays one.
_LOCANTS = re.compile(r"[1-9](?:,[1-9]){1,3}")
_LOCANTS_AFTER = re.compile(r"[a-zα-ω]|-(?:[^\W\d_]|\s+(?:and|or|to)\b)")
_LOCANTS_BEFORE = re.compile(r"[α-ω]-?\Z")
# The ring size or the count of parts that opens a chemical name, glued to it:
# "[18]crown-6", "[60]fullerene", "[6]helicene", "[2]rotaxane", "[10]CPP".
_CHEMICAL_COUNT = re.compile(r"\d{1,3}")
_CHEMICAL_AFTER = re.compile(
    r"(?:[A-Za-z]*(?:ene|ane|yne|crown)s?(?:-\d+)?|CPPs?)(?![\w-])", re.IGNORECASE
)
# A karyotype counts its cells in brackets: "46,XY[20]", "45,X[5]/46,XX[15]",
# "(47,XY,+21[12])", "karyotype:49,XXXXY[20]".  The bracket follows a letter, digit or
# bracket of the word that opens with the chromosome count, which may run long in a
# complex karyotype.
_KARYOTYPE_BEFORE = re.compile(
    r"""(?<![^\s(\["'“‘«=:])\d{2}(?:~\d{2})?,X[XY]{0,4}(?:[,/\[]\S*)?\Z"""
)
_KARYOTYPE_WINDOW = 200
# A variable's index run into its name, a lone small letter or a lone Greek one ("s[1]",
# "θ[4]", "Var[ε[1]]", "Ω[1, 2]"), not a name's last letter: "hepatitis B[5]",
# "TNF-α[3]", "IFNγ[2]" and "Aβ[4]" cite, glued.
_INDEXED_BEFORE = re.compile(r"(?<![\w.\-])[a-zα-ωΑ-Ω]\Z")


def _word_part(text: str, m: re.Match[str]) -> bool:
    """Whether the bracket ``m`` is part of a word rather than a citation of its own:
    a chemical name's locants or ring size, a karyotype's count of cells or a
    variable's index."""
    at = m.start()
    if _LOCANTS.fullmatch(m.group(1)) and (
        _LOCANTS_AFTER.match(text, m.end()) or _LOCANTS_BEFORE.search(text, max(0, at - 2), at)
    ):
        return True
    if _INDEXED_BEFORE.search(text, max(0, at - 2), at):
        return True
    if _CHEMICAL_COUNT.fullmatch(m.group(1)) and _CHEMICAL_AFTER.match(text, m.end()):
        return True
    return (
        at > 0
        and (text[at - 1].isalnum() or text[at - 1] == ")")
        and _KARYOTYPE_BEFORE.search(text, max(0, at - _KARYOTYPE_WINDOW), at) is not None
    )


# A number written with a leading zero numbers no entry: "[001]", a crystal direction.
_LEADING_ZERO = re.compile(r"(?<!\d)0\d")
# A crystal direction: three or four indices of one digit each, any of them negative
# ("[110]", "[1-10]", "[-112]", "[11-20]"), after "along" or before the noun it orients
# ("the [110] axis", "the [110] and [111] directions").  Not before a compound: "[2-10]
# axis-aligned" cites.
_INDICES = r"-?\d-?\d-?\d(?:-?\d)?"
_DIRECTION = re.compile(rf"\s*{_INDICES}\s*")
_DIRECTION_BEFORE = re.compile(r"\balong(?:\s+the)?\s*\Z")
_DIRECTION_AFTER = re.compile(
    rf"(?:\s*(?:,|,?\s+and|,?\s+or)\s*\[{_INDICES}\])*"
    r"[ \t]?(?:directions?|axis|axes|zones?|planes?|facets?)\b(?!-)"
)


def _no_citation_list(text: str, open_at: int, content: str, refused: int) -> bool:
    """Whether a bracket of numbers cannot be citations, whatever the article's style:
    it holds a zero or a number with a leading zero (no list has an entry 0: "the
    interval [0, 1]", "along [001]"), it is a crystal direction (`_DIRECTION`), it
    labels a part of the article ("Eq. (4)"), or it continues a series whose last
    bracket, ending at ``refused``, was one of those ("Eqs. (2)–(4)"; "along [110] and
    [1-10]", where the next must be a direction too: "along [111], [4, 5]" cites)."""
    if _ZERO.search(content) or _LEADING_ZERO.search(content):
        return True
    direction = _DIRECTION.fullmatch(content) is not None
    if direction and (
        _DIRECTION_BEFORE.search(text, max(0, open_at - 12), open_at)
        or _DIRECTION_AFTER.match(text, open_at + len(content) + 2)
    ):
        return True
    if refused >= 0 and _SERIES_JOIN.fullmatch(text, refused, open_at):
        # A direction's series holds directions: "[110] and [1-10]", not "[111], [4, 5]".
        opener = "[" if text[refused - 1] == "]" else "("
        previous = text[text.rfind(opener, 0, refused - 1) + 1 : refused - 1]
        if direction or not _DIRECTION.fullmatch(previous):
            return True
    # The window's start needs no care: lookbehinds and \b see the text before it.
    return (
        _LABEL_BEFORE.search(text, max(0, open_at - 30), open_at) is not None
        or _INDEX_NOUN_BEFORE.search(text, max(0, open_at - 30), open_at) is not None
        or (
            _INDEX_NOUNS_BEFORE.search(text, max(0, open_at - 30), open_at) is not None
            and _SERIES_AFTER.match(text, open_at + len(content) + 2) is not None
        )
    )


# A number standing alone before a bracket ("34 [28, 41]", "= 12 [8–16]"), perhaps with
# its unit ("68 years [61-74]", "12% [3-41]", a depth "31× [27–36]"), not the end of a
# name ("HIV-1 [2-5]", "IL-6 [4, 8]", "COVID-19 [12–25]").
_VALUE = r"(?<![\w.,\-–/])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,6}(?:\.\d+)?)"
_UNIT = (
    r"(?:\s*[%×]|x(?=\s)|\s+(?:percent|years?|yrs?|y|months?|mo|weeks?|wks?|days?|hours?|hrs?|h"
    r"|minutes?|min|seconds?|s|ms|mg|g|kg|[µμ]g|mcg|ng|pg|m[lL]|[dL]|d[lL]|mm\s?Hg|cm|mm|m"
    r"|IU|U|units?|[mnµμ]?mol|[mnpµμ]?M|points?|bpm|beats)(?:/[^\W\d_]{1,5}\d?)*)?"
)
_ANY_WORD = r"(?:\s*%|\s+[^\W\d_]{1,12})?"
# A value may carry its spread first: "61.4 (12.7) [24-88]", a mean (SD) [range].
_SPREAD = r"(?:\s*\(\s*\d{1,4}(?:\.\d+)?\s*\))?"
_LONE_VALUE_BEFORE = re.compile(rf"{_VALUE}{_UNIT}{_SPREAD}\s*$")
# Where reading the pair as citations cannot help (both numbers past the list), any one
# word may stand between the value and its interval ("68 adults [61-74]").
_VALUE_WORD_BEFORE = re.compile(rf"{_VALUE}{_ANY_WORD}\s*$")
# A number that names a thing rather than measuring it: "phase 3 [2-5]", "Type 2 [1, 14]",
# "Figure 2 shows [1, 14]".
_NAMING_WORD_BEFORE = re.compile(
    r"(?i:\b(?:phase|type|stage|grade|level|class|group|version|step|wave|cycle|arm|cohort"
    r"|study|trial|experiment|model|panel|lane|chromosome|exon|figs?|figure|tables?|box"
    rf"|eqs?|equation|sections?|chapter|appendix|refs?|reference))\.?\s+\d{{1,6}}{_ANY_WORD}\s*$"
)
_PAIR = re.compile(rf"\s*(\d{{1,4}})\s*(?:{_RANGE_DASH}|,)\s*(\d{{1,4}})\s*")
# A range whose end has thousands separators: "880 [612–1,420]" reads as the range
# 612–1, which counts down, and 420.
_THOUSANDS_RANGE = re.compile(
    rf"\s*(\d{{1,4}}|\d{{1,3}}(?:,\d{{3}})+)\s*{_RANGE_DASH}\s*(\d{{1,3}}(?:,\d{{3}})+)\s*"
)


def _number(written: str) -> float:
    """A value as written, with its thousands separators ("2,310")."""
    return float(written.replace(",", ""))


def _interval(content: str) -> tuple[int, int] | None:
    """The two ends of a bracket that may be an interval ("28, 41", "8–16", "612–1,420"):
    a range with thousands separators only where the numbers without them would count
    down, since "[5–7,120]" cites 5 to 7 and 120."""
    pair = _PAIR.fullmatch(content)
    if pair is not None:
        return int(pair.group(1)), int(pair.group(2))
    wide = _THOUSANDS_RANGE.fullmatch(content)
    if wide is None:
        return None
    low, high = wide.group(1), wide.group(2)
    if int(low.split(",")[-1]) <= int(high.split(",")[0]):
        return None
    return int(low.replace(",", "")), int(high.replace(",", ""))


def _value_interval(text: str, open_at: int, content: str, last_number: int | None) -> bool:
    """Whether square-bracketed numbers are the interval of the value before them: a
    median and its interquartile range, an estimate and its confidence interval.

    Two numbers that enclose the value before them, the larger past the end of the
    reference list.  A citation may follow a number ("phase 3 [2-5]"), so the list's
    length decides, and a number that names a thing is never a value; without a list
    nothing decides, and the numbers stay citations.  "[28; 41]" separates citations."""
    if last_number is None:
        return False
    pair = _interval(content)
    if pair is None:
        return False
    low, high = pair
    if high <= last_number:
        return _reported_interval(text, open_at, content, low, high)
    value = _LONE_VALUE_BEFORE.search(text, max(0, open_at - 28), open_at)
    if value is None and low > last_number:
        value = _VALUE_WORD_BEFORE.search(text, max(0, open_at - 28), open_at)
    if value is None or not low < _number(value.group(1)) < high:
        return False
    return _NAMING_WORD_BEFORE.search(text, max(0, open_at - 45), open_at) is None


# What leads a value reported with its interval: a table cell, a square bracket, a
# column gap, or a statistic's name ("MD 6 points [2, 10]", "median [IQR]   2 [1–3]").
# Not a name ("interleukin 6 [4, 9]", "caspase 3 [1-6]"), nor a word of running text
# ("resolve by 6 months [3, 8]", "the dose is 10 mg [8, 12]"), nor a count's sign: a
# count of studies cited as a run of numbers lies inside the run ("(n = 12 [10–21])",
# "falls: 4 [3–6]").
_VALUE_LEAD = re.compile(
    r"(?:[|\t\[\]]|[ ]{2}|\b(?:median|mean|average|MD|SMD|WMD|a?OR|a?RR|a?HR|IRR"
    r"|IQR|vs\.?|versus))[ ]*\Z"
)
# A value and its interval alone on a line, as a table's cell ("<td><p>6 [4, 8]").
_CELL_START = re.compile(r"(?:\A|\n)[ ]*\Z")
_CELL_END = re.compile(r"[ ]*(?:\n|\Z|\t|\|)")


def _reported_interval(text: str, open_at: int, content: str, low: int, high: int) -> bool:
    """Whether two numbers inside the list's range enclose the value before them, which
    a word or a table's layout shows to be a value: a median and its interquartile
    range, an estimate and its interval."""
    value = _LONE_VALUE_BEFORE.search(text, max(0, open_at - 28), open_at)
    if value is None or not low < high or not low <= _number(value.group(1)) <= high:
        return False
    if any(c in "\t|\n" for c in text[value.end(1) : open_at]):
        return False  # "Falls<tab>4<tab>[3–6]": a count, then its sources in a cell
    close_at = open_at + len(content) + 2  # past "[" + content + "]"
    lead = max(0, value.start() - 12)
    if not (
        _VALUE_LEAD.search(text, lead, value.start())
        or _VERSUS_AFTER.match(text, close_at)
        or (
            _CELL_START.search(text, lead, value.start())
            and _CELL_END.match(text, close_at) is not None
        )
    ):
        return False
    return _NAMING_WORD_BEFORE.search(text, max(0, open_at - 45), open_at) is None


# A value compared with another: "6 [2–11] vs 88 [79–95]".
_VERSUS_AFTER = re.compile(r"\s+(?:vs\.?|versus)\s+\d")


# A value said in running text, after a verb, a joining word or a comma: "was 4
# [3-6]", ", 3 [2-5]", "and 3 [1-4]"; not after a name ("interleukin 6 [4, 9]").
_PLAIN_VALUE_BEFORE = re.compile(
    rf"(?:\b(?:was|were|is|are|of|and|or|vs\.?|versus|than|median|mean)|[,;:=(])\s+{_VALUE}\s*\Z"
)
_AVERAGE_BEFORE = re.compile(r"(?i:\b(?:median|mean|average)\b)")
_AVERAGE_REACH = 120
"""Characters before a run of values in which its median or mean is named."""
_RUN_REACH = 200
"""Characters between two values with their intervals read as a run (`_interval_runs`)."""


def _interval_runs(text: str, matches: Sequence[re.Match[str]]) -> set[int]:
    """Where brackets are intervals of the values before them because they come in a
    run: two or more in one paragraph, within `_RUN_REACH` of each other, each enclosing
    its value ("Median pain was 4 [3-6] with placebo, 3 [2-5] with 75 mg and 3 [1-4]
    with 150 mg").  One such bracket may cite ("the dose is 10 mg [8, 12]"); works
    cited that enclose the number before them, twice in a row, do not happen."""
    enclosing = []
    for m in matches:
        pair = _interval(m.group(1))
        value = _PLAIN_VALUE_BEFORE.search(text, max(0, m.start() - 28), m.start())
        if pair is None or value is None or not pair[0] < pair[1]:
            continue
        if pair[0] <= _number(value.group(1)) <= pair[1]:
            enclosing.append(m.start())
    runs: list[list[int]] = []
    for a, b in pairwise(enclosing):
        if b - a > _RUN_REACH or _BLANK_LINE.search(text, a, b) is not None:
            continue
        if runs and runs[-1][-1] == a:
            runs[-1].append(b)
        else:
            runs.append([a, b])
    # A median's or a mean's, said before each run: "Median pain was 4 [3-6] with
    # placebo, 3 [2-5] ..."; not "exons 2 [1-4], 5 [3-7]", "grades 3 and 4 [2-5]", nor
    # counts of the works cited, "Of 14 studies, 5 [3-7] were trials and 9 [8-16] ...".
    return {
        at
        for run in runs
        if _AVERAGE_BEFORE.search(text, max(0, run[0] - _AVERAGE_REACH), run[0] + 1)
        for at in run
    }


# A scale's points, said before its range: "a five-point Likert scale [1-5]", "an
# 11-point scale [0-10]" (`_scale_range`).
_POINTS = "three four five six seven eight nine ten eleven".split()
_POINT_SCALE_BEFORE = re.compile(
    rf"\b(\d{{1,2}}|{'|'.join(_POINTS)})[-\s]point\s+(?:[\w-]+\s+){{0,2}}scale\s*\Z",
    re.IGNORECASE,
)
# What a scale's ranges follow: "the subscale ranges are [7-35], [5-25] and [4-20]".
_RANGES_BEFORE = re.compile(r"\branges?[ \t]+(?:is|are|was|were|from)[ \t]*\Z")
_NEXT_RANGE = re.compile(r"[ \t]*(?:,|,?[ \t]+and|,?[ \t]+or)[ \t]*\Z")


def _scale_range(text: str, m: re.Match[str], scale_end: int) -> bool:
    """Whether a bracketed range is a scale's: right after an "N-point ... scale" whose
    points it spans ("a five-point Likert scale [1-5]"; not "three-point bending
    tests [4-6]", "a 4-point scale used in the pilot [1-4]"), after "ranges are"
    (not "reference ranges [12-14]"), or listed right after such a range ("[7-35],
    [5-25] and [4-20]")."""
    pair = _PAIR.fullmatch(m.group(1))
    if pair is None or "," in m.group(1):
        return False
    low, high = int(pair.group(1)), int(pair.group(2))
    if not low < high:
        return False
    start = m.start()
    if scale_end >= 0 and _NEXT_RANGE.fullmatch(text, scale_end, start):
        return True
    if _RANGES_BEFORE.search(text, max(0, start - 20), start):
        return True
    points = _POINT_SCALE_BEFORE.search(text, max(0, start - 60), start)
    if points is None:
        return False
    said = points.group(1).lower()
    count = int(said) if said.isdigit() else _POINTS.index(said) + 3
    return high - low + 1 == count


# A unit that a value's spread may stand before: "66 [11] years".
_MEASURE_AFTER = re.compile(
    r"[ \t]+(?:years?|months?|weeks?|days?|hours?|minutes?|mm|cm|kg|points?)\b"
)


_MEAN_BEFORE = re.compile(r"(?i:\b(?:mean|average)\b)")


def _spread_before_unit(text: str, m: re.Match[str]) -> bool:
    """Whether one bracketed number stands between a mean said in running text and its
    unit, as its standard deviation does ("mean age was 66 [11] years"); not "aged
    12 [8], 15 [9] and 18 [10] years", nor "median survival was 14 [5] months"."""
    return (
        _SINGLE.fullmatch(m.group(1)) is not None
        and _MEASURE_AFTER.match(text, m.end()) is not None
        and _PLAIN_VALUE_BEFORE.search(text, max(0, m.start() - 28), m.start()) is not None
        and _MEAN_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None
    )


# A count that opens a table cell, with its bracket in the same cell ("| 121 [43] |",
# "<tab>12 [4]", a column gap of spaces "   4,375 [51]").  A year is no count ("| 2010
# [12] |" cites), nor a value with a decimal ("| 0.3 [12] |", a rate and its source),
# nor a number after a name ("| UKPDS 33 [8] |"), nor one a cell or more before the
# bracket ("120<tab>[12]").
_COUNT_BEFORE = re.compile(
    r"(?:^|[|\t]|(?P<gap>[ ]{2}))[ ]*(?!(?:1[89]|20)\d\d\b)"
    r"(\d{1,3}(?:,\d{3})+|\d{1,4})(?P<space>[ ]*)\Z",
    re.M,
)
# A table row: cells parted by "|" or tabs, or laid out in columns of spaces, two gaps
# at least ("Girls      4,375 [51]      4,233 [50]").
_TABLE_ROW = re.compile(r"\|[^\n]*\||\t|\S[ ]{2,}[^\n]*?\S[ ]{2,}\S")
_PERCENT_AFTER = re.compile(r"\s?%")


def _count_statistic(text: str, open_at: int, close_at: int) -> bool:
    """Whether square-bracketed numbers are a share or a range reported with a count:
    "18 [6] %" anywhere; in a table row (cells parted by "|" or tabs) one number after
    a count ("121 [43]") or two that enclose it ("9 [5-16]").  Two that do not, or
    more, are the works counted ("| RCTs | 3 [12–14] |", "| 2 [7, 8] |")."""
    if _PERCENT_AFTER.match(text, close_at):
        return True
    # No line bound needed: nothing in the pattern but "^" may meet a line break.
    count = _COUNT_BEFORE.search(text, max(0, open_at - 16), open_at)
    if count is None or (count.group("gap") and count.group("space") != " "):
        # In columns of spaces a count and its share share a cell, one space apart:
        # "4,375 [51]", not "120    [12]" (a column of sources after a count's).
        return False
    value = int(count.group(2).replace(",", ""))
    content = text[open_at + 1 : close_at - 1]
    pair = _PAIR.fullmatch(content)
    if pair is not None and not int(pair.group(1)) <= value <= int(pair.group(2)):
        return False
    if pair is None and _SINGLE.fullmatch(content) is None:
        return False
    # Only now the whole line: a search back to its start for every bracket made a long
    # line without breaks quadratic.
    return _on_table_row(text, open_at, close_at)


def _on_table_row(text: str, start: int, end: int) -> bool:
    """Whether the line(s) from ``start`` to ``end`` are a table's row (`_TABLE_ROW`)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return _TABLE_ROW.search(text, line_start, len(text) if line_end < 0 else line_end) is not None


# What stands before a bracket of numbers that reports a value, not a source:
# "77 (28–101)", "12% (3)", "n = 20 (4)", "± 2 (1-5)".
_VALUE_BEFORE = re.compile(r"[\d%=±<>×:]\s*$")
# A figure that ends a sentence or a clause, with its source after it: "reduce the
# risk by about 15% (5).", "between 2003 and 2011 (4);", "under 65 (2, 3)." A value's
# count or spread goes on ("12% (3) of patients"), or follows "=", "±" or a "CI".
_FIGURE_END = frozenset("0123456789%")
# A standard's or a code's designation: an organisation's abbreviation and a number
# with letters or hyphens ("ASTM E1461-13", "ISO 22007-2", "ASCE 7-22", "FEMA P-695").
_DESIGNATION_BEFORE = re.compile(r"\b[A-Z]{2,}\s+[A-Z]?-?\d[\w.]*(?:[-:]\d+)*\s*\Z")
_CLAIM_CLOSED = re.compile(r"[.;](?:\s|\Z)")
# A measured value's own bracket: "4.1 ± 2 (1).", "p = 0.03 (2).", "95% CI 1.2-2.3 (4).".
_MEASURED_VALUE = re.compile(r"(?:[=±]|\bCI)\s*[-−]?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*%?\s*\Z")
_ROUND_STYLE = 2
"""Round brackets after words that make a text one that cites in round brackets."""
# A value's count run on by the sentence's words: "T1 (34) or T2 (24).", "A 40% (12),
# group B 35% (9)".  A year's bracket is none ("after 2020 (5), but ...": `_WHEN_BEFORE`),
# nor a gene's name ("BIN1 (11), PICALM"); a stage's short label is ("T1").
_FIGURE_BRACKET = re.compile(
    r"(?<![\w.,])(?:[A-Z]{1,2})?(?!(?:19|20)\d\d\b)\d[\d.,]*%?\s*\(\s*\d[\d\s,–-]*\),?"
    r"[ \t]+[^\W\d_]"
)
_SENTENCE_REACH = 300


# A clause that goes on after the bracket: "40-80% (1-3, 7), depending on ...",
# "from 60.3% to 67.4% (8), whereas ...", "0.1 cm s-1 (2, 3), but on carbon ...".
_CLAUSE_ON = re.compile(r",\s|\s+(?:and|but|whereas|while|which|although|though|where|compared)\b")
# A value with its own count in round brackets later in the sentence: a series of
# counts ("A 40% (12), B 35% (9)"), where none of the brackets cites.
_VALUE_BRACKET = re.compile(r"[\d%]\s*\(\s*\d[\d\s,–-]*\)")


def _clause_goes_on(text: str, at: int) -> bool:
    """Whether the sentence goes on after a bracket at ``at`` with no other value in
    round brackets before its end."""
    if not _CLAUSE_ON.match(text, at):
        return False
    ends = _CLAIM_CLOSED.search(text, at)
    stop = ends.start() if ends else min(len(text), at + _SENTENCE_REACH)
    return _VALUE_BRACKET.search(text, at, stop) is None


def _cites_after_figure(text: str, m: re.Match[str], last: str) -> bool:
    """A round bracket after a figure, in a text that cites in round brackets, cites
    when it closes the sentence or a clause and the figure is no measured value with
    its own bracket ("= 0.03 (2)", "± 2 (1)"), nor one of a series of values with
    counts ("T1 (34) or T2 (24).")."""
    if last not in _FIGURE_END:
        return False
    if not _CLAIM_CLOSED.match(text, m.end()) and not _clause_goes_on(text, m.end()):
        return False
    open_at = m.start()
    if _MEASURED_VALUE.search(text, max(0, open_at - 24), open_at):
        return False
    reach = max(0, open_at - _SENTENCE_REACH)
    opens = max(text.rfind(". ", reach, open_at), text.rfind("\n", reach, open_at), reach)
    return _FIGURE_BRACKET.search(text, opens, open_at) is None


# A year said as a time, not a value: "introduced in 2005 (8)", "since 1998 (11)".  Not
# after "before", "after" or "during", which count ("published after 2015 (18)"); a
# number past the list stays a value ("highest in 2018 (14)" beside 12 entries).
_WHEN_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|till|[Oo]n)\s+"
    # A day and a month may come first: "in October 2009 (4)", "on 11 June 2009 (1)".
    r"(?:(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\s+(?:\d{1,2},\s+)?)?(?:19|20)\d\d\s*$"
)
# A time-series model's orders, the intraclass correlation's form or a statistic's
# degrees of freedom, run into its round bracket: "AR(1)", "ARIMA(2,1,2)", "ICC(2,1)",
# "F(2, 40)", "χ²(53)".  ("WHO(3)" cites, glued.)
_ORDER_OF_BEFORE = re.compile(r"(?<![\w-])(?:S?AR|MA|S?ARI?MA|G?ARCH|VARM?A?|ICC|F|χ²)\Z")
_WIDE_RANGE = 50
"""Citation ranges this wide are rare; in round brackets they are value ranges."""


def _statistic(
    text: str,
    m: re.Match[str],
    before: re.Match[str] | None,
    last_number: int | None,
    *,
    round_style: bool = False,
) -> bool:
    """Whether numbers in round brackets are a value (an interquartile range in a
    table, a count after a percentage) rather than a numeric citation.  ``before``:
    what `_VALUE_BEFORE` found before the bracket.  ``round_style``: the text cites in
    round brackets after words, so one after a figure that closes a sentence cites
    too (`_cites_after_figure`)."""
    open_at, content = m.start(), m.group(1)
    if before is not None and _DESIGNATION_BEFORE.search(text, max(0, open_at - 30), open_at):
        before = None  # "ASTM E1461-13 (1)", "FEMA P-695 (6)": a standard's name, no value
    if before is not None and not (
        last_number is not None
        and all(int(n) <= last_number for n in re.findall(r"\d+", content))
        and (
            _WHEN_BEFORE.search(text, max(0, open_at - 32), open_at)
            or (round_style and _cites_after_figure(text, m, before.group()[:1]))
        )
    ):
        return True
    for item in _NUMERIC_ITEM.finditer(content):
        if item.group(2) is not None and int(item.group(2)) - int(item.group(1)) > _WIDE_RANGE:
            return True
    return False


def _unicode_superscripts(text: str, start: int, end: int) -> Iterator[_Found]:
    for m in _SUPERSCRIPT_RUN.finditer(text, start, end):
        if m.group(0) in ("²", "³") and _power(
            text, m.start(), m.end(), m.group(0).translate(_SUPERSCRIPT_DIGITS)
        ):
            continue
        content = m.group(0).translate(_SUPERSCRIPT_DIGITS).replace("‐", "-").replace("–", "-")
        yield from _numeric_found(content, m.start(), m.start())


# Markdown's numbered footnote marks ("statins.[^1]") and Pandoc's superscripts
# ("children.^1^", "night.^2,3^"), read where the list is numbered.
_MARKDOWN_MARK = re.compile(
    r"\[\^(\d{1,4})\](?!:)|(?<=[^\W\d_]|[)\].,;:])\^(\d{1,4}(?:\s?[,–-]\s?\d{1,4}){0,20})\^"
)


def _markdown_marks(text: str, start: int, end: int) -> Iterator[_Found]:
    for m in _MARKDOWN_MARK.finditer(text, start, end):
        k = 1 if m.group(1) is not None else 2
        if k == 2 and _power(text, m.start(), m.end(), m.group(2)):
            continue  # "kg/m^2^", "R^2^"
        yield from _numeric_found(m.group(k).replace("–", "-"), m.start(k), m.start())


# Nature's prose call-outs: "reviewed in ref. 2", "as refs 3,4 found", "(refs. 5-7)".
# "ref" needs its stop: a laboratory's "(ref 3-5)" is a reference range.
_REF_NOUN = re.compile(
    r"(?<![\w.])(?:[Rr]ef\.|[Rr]efs\.?)[ \t]+"
    rf"(\d{{1,3}}(?:[ \t]*(?:[,;]|{_RANGE_DASH}|,?[ \t]and)[ \t]*\d{{1,3}}){{0,20}})"
    r"(?![\d.,]\d)"
    # ACS writes one number after "ref" without a full stop ("in ref 7"); a range
    # after it is a laboratory's reference range ("7.2 mmol/L (ref 3-5)").
    rf"|(?<![\w.])[Rr]ef[ \t]+(\d{{1,3}})(?![\d.,]\d|[ \t]*{_RANGE_DASH})"
)


def _ref_nouns(text: str, start: int, end: int, last_number: int | None) -> Iterator[_Found]:
    """Numbers after "ref." / "refs", where the list is numbered and holds them."""
    for m in _REF_NOUN.finditer(text, start, end):
        # A bracket holds at most 300 characters (`_BRACKETS`): look no further back.
        back = max(start, m.start() - 300, text.rfind("\n", max(start, m.start() - 300), m.start()))
        if text.rfind("[", back, m.start()) > text.rfind("]", back, m.start()):
            continue  # "[Refs. 7, 8]" is `_worded_brackets`' work
        group = 1 if m.group(1) is not None else 2
        found = list(_numeric_found(m.group(group).replace("–", "-"), m.start(group), m.start()))
        if found and all(last_number is None or (f.number or 0) <= last_number for f in found):
            yield from found


def _html_superscripts(
    text: str, superscripts: Sequence[Span], regions: Sequence[tuple[int, int]]
) -> Iterator[_Found]:
    for span in superscripts:
        if not any(a <= span.start and span.end <= b for a, b in regions):
            continue
        content = text[span.start : span.end]
        inner = content.strip().strip("[]()")
        if not inner or not _NUMERIC_LIST.match(inner):
            continue
        if inner == content.strip() and _power(text, span.start, span.end, inner):
            continue
        offset = content.find(inner)
        yield from _numeric_found(inner, span.start + offset, span.start)


# The base of a power of ten: "×10<sup>9</sup>", "x 10<sup>6</sup>", or a lone 10 whose
# power a word, a hyphen, a slash or a closing bracket follows ("10<sup>6</sup> cells",
# "10<sup>3</sup>-fold", "10<sup>9</sup>/L", "(10<sup>5</sup>)").  "Windows 10<sup>5</sup>."
# and "0-10<sup>7</sup>" cite.
_TIMES_TEN_BEFORE = re.compile(r"[×x*·⋅]\s?10\Z")
_TEN_BEFORE = re.compile(r"(?<![\w.,\-–])10\Z")
# A power of ten after another: "10<sup>3</sup>–10<sup>5</sup>" (text "103–105"),
# "from 10<sup>2</sup> to 10<sup>8</sup>.", "10<sup>2</sup>, 10<sup>3</sup> and 10<sup>4</sup>".
_POWER_RANGE_BEFORE = re.compile(r"(?<![\w.,])10\d{1,2}\s?(?:[-–—,]|,?\s(?:to|and|or))\s?10\Z")
_AFTER_A_POWER = re.compile(r"[ \t]?[^\W\d_]|[-/)]|(?:[–—]|,)(?=\s?10)")
# A roman numeral I that names a thing: "phase I²" cites entry 2; the I² statistic
# never follows these words.
_ROMAN_NAMING_BEFORE = re.compile(
    r"(?i:\b(?:phase|type|stage|grade|class|complex|group|level|part|category|tier|war))"
    r"\s+\Z"
)
# What makes "R³" or "I³" a statistic rather than a citation of entry 3.
_STATISTIC_AFTER = re.compile(r"\s*(?:[=<>≤≥]|(?:value|statistic|test|index)\b)")
_STATISTIC_BEFORE = re.compile(r"(?i:\b(?:adjusted|pseudo|marginal|conditional))[\s-]+\Z")


def _power(text: str, at: int, end: int, number: str) -> bool:
    """Whether the lone superscript ``number`` from ``at`` to ``end`` is an exponent: of
    ten, or a square or a cube after a unit (kg/m², mm³), χ or a variable (x², X³), or a
    square after R or I (R², I², however the sentence goes on) unless a naming word makes
    the I a numeral ("phase I²" cites 2).  A cube after R or I is a statistic only where
    the sentence says so ("R³ = 0.9")."""
    if not number.isdigit():
        return False
    if (
        _TIMES_TEN_BEFORE.search(text, max(0, at - 4), at)
        or _POWER_RANGE_BEFORE.search(text, max(0, at - 10), at)
        or (_TEN_BEFORE.search(text, max(0, at - 3), at) and _AFTER_A_POWER.match(text, end))
    ):
        return True
    if number not in ("2", "3"):
        return False
    if _INDEXED_VARIABLE_BEFORE.search(text, max(0, at - 8), at) or (
        _VARIABLE_POWER_BEFORE.search(text, max(0, at - 4), at)
    ):
        return True
    symbol = _POWER_AFTER.search(text, max(0, at - 3), at)
    if symbol is None:
        # RevMan's "Tau² = 0.02; Chi² = 12.34", not "tai chi²" or "tau³" (a protein).
        return bool(
            _CHI_TAU_BEFORE.search(text, max(0, at - 4), at) and _STATISTIC_AFTER.match(text, end)
        )
    if symbol.group() == "I" and _ROMAN_NAMING_BEFORE.search(
        text, max(0, symbol.start() - 12), symbol.start()
    ):
        return False
    if number == "2" or symbol.group() not in ("R", "r", "I"):
        return True
    return bool(
        _STATISTIC_AFTER.match(text, end)
        or _STATISTIC_BEFORE.search(text, max(0, symbol.start() - 14), symbol.start())
    )
