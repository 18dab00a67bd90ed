"""Chicago's notes and bibliography: numbered notes that cite the (unnumbered)
bibliography by author and title, while the text cites the notes by number.

    1. Michael Schudson, Discovering the News: A Social History of American
       Newspapers (New York: Basic Books, 1978), 12-14.
    2. Schudson, Discovering the News, 31.
    3. Ibid., 40; see also Richard R. John, "Recasting the Information Infrastructure,"
       Journal of Policy History 12, no. 2 (2000): 180.

A number in the text is the mark of a note, not a citation of the bibliography: read
as numbers, the marks would cite its entries by position.  Each note's parts are read
here instead:
- a full note names its authors as they are spoken ("Richard R. John"), a short one by
  surname ("Schudson"); either gives the title after them, a short one perhaps only
  its first words;
- a full note's year stands in its publication facts, "(New York: Basic Books, 1978)"
  or a journal's "(2000)";
- "Ibid." repeats the note before and cites nothing new; a cue opens a part ("See
  also", "Cf.", "quoted in");
- a part that names no listed author is read only with a full note's evidence, a
  year in publication facts or a quoted title: a note's prose ("Nevertheless, the
  point stands, 12.") has a comma and capitals too.
The notes are read under the last Notes heading before the bibliography, else the
first after it (where word processors print endnotes), and as Markdown footnotes
(``[^3]: ...``), and only when two of them at least name a listed author: notes that
remark, beside an author-year list, are left to the citation finder.

Chicago allows notes without a bibliography (`read_notes_only`): then two full notes
at least give the works, and each work's first full note is its reference.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from citecheck.authorpage import first_title_word
from citecheck.model import Span
from citecheck.names import SURNAME_PARTICLES, surname_key
from citecheck.shortnotes import notes_heading, notes_heading_after

# A note of a Notes list: its number at the start of a line, "1.", "[1]", "1)",
# "^1" or "1" alone (a superscript's); its text runs to the next note, a blank line or the
# list's end.
_LIST_NOTE = re.compile(
    r"^[ \t]*(?:\[(?P<bracketed>\d{1,3})\]|\^?(?P<label>\d{1,3})[.)]?)[ \t]+(?=\S)",
    re.MULTILINE,
)
# A Markdown footnote's definition, its text on the line and on indented lines after it.
_FOOTNOTE = re.compile(
    r"^\[\^(?P<label>[^\]\s]{1,20})\]:[ \t]*(?P<text>\S[^\n]*(?:\n(?:[ \t]{2,}|\t)\S[^\n]*)*)",
    re.MULTILINE,
)
_FOOTNOTE_MARK = re.compile(r"\[\^(?P<label>[^\]\s]{1,20})\](?!:)")
_NUMBER_MARK = re.compile(r"\[(\d{1,3})\]|\^(\d{1,3})\b")
_MIN_CITING = 2

_IBID = re.compile(r"(?:ibid|ibidem|id|idem)\b\.?", re.IGNORECASE)
# Words that open a part before the work it cites: "See also", "Cf.", "quoted in".
_CUE = re.compile(
    r"(?:(?:see|see\s+also|see,\s+for\s+example,|see,\s+e\.g\.,|cf\.|compare|also|"
    r"as\s+quoted\s+in|quoted\s+in|cited\s+in|as\s+cited\s+in|in)\s+)+",
    re.IGNORECASE,
)
# A cue after a note's own words: "For a survey of the field, see Paul Fine et al., ...";
# or before the edition a source is quoted from: "Res Gestae 34.3, in Alison E. Cooley".
_LATE_CUE = re.compile(
    r"[,:.]?\s(?:(?i:see)(?:\s+also)?|cf\.|quoted\s+in|cited\s+in)\s+(?=[A-Z])|,\s+in\s+(?=[A-Z])"
)
_NAME_WORD = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|\w+)$")
# Words that open prose, never a name: "This", "On", "For".
_NOT_NAMES = frozenset(
    "a an the this that these those on in for see but and also it its as at by to of "
    "from with however although while when where which who here there further "
    "nevertheless thus compare cf ibid".split()
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# Publication facts in brackets with the year last: "(New York: Basic Books, 1978)",
# a journal's "(2000)", "(Spring 2004)", "(London, 1851; repr., Penguin, 1985)".
_FACTS = re.compile(rf"\((?P<facts>[^()]{{0,160}}?(?P<year>{_YEAR})[a-z]?)\)")
# A title's book: `"The Swan," in The Flowers of Evil, trans.`; `." In Book (`; a
# classic's part, "Suetonius, Augustus 28.3, in The Lives of the Caesars".
_IN_BOOK = re.compile(r"(?:[,.]?[\"”]|,)\s+[Ii]n\s+(?P<book>[A-Z][^,()]{1,200}?)\s*[,(]")
_QUOTED = re.compile(r"^[\"“](?P<title>[^\"”]{1,300}?)[,.]?[\"”]")
# What a part ends with: pages, "xii", "2:331", "chap. 3", "n. 14", "12-14, 20".
_LOCATOR = re.compile(
    r",\s*(?P<locator>(?:(?:pp?|chap|ch|n|nn|vol|sec|secs|fol|bk)\.\s*)?"
    r"(?:\d{1,2}:)?(?:\d{1,5}|[ivxlc]{1,7})(?:\s*[-–—]\s*(?:\d{1,5}|[ivxlc]{1,7}))?"
    r"(?:\s*,\s*\d{1,5}(?:\s*[-–—]\s*\d{1,5})?)*(?:\s*n\.\s*\d{1,3})?)\s*$"
)
# What a full note gives after its title: "Feudal Society, trans. L. A. Manyon, 2 vols."
_CONTRIBUTORS = re.compile(r",\s+(?:(?:trans|ed|eds|comp)\.\s|\d+\s+vols\.|vol\.\s)")
_WORD = re.compile(r"[^\W\d_]{3,}")
_INITIAL = re.compile(r"[A-Z]\.(?:\s|,|$)")
_AND = re.compile(r"\s*(?:and|&)\s")
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
# A web page's back-link in words after a note: "... 1-4. back", "return to text".
_BACK_LINK = re.compile(r"(?<=[.)\d])\s+(?:back|return\s+to\s+text|back\s+to\s+text|return)$")
_ROLE = re.compile(r"^(?:ed|eds|trans|comp)\.$")


@dataclass(frozen=True, slots=True)
class NoteCitation:
    """One work a note cites."""

    note: str
    """The note's number or Markdown label ("3")."""
    span: Span
    """The part of the note that cites the work."""
    authors: tuple[str, ...]
    """Surnames, as listed where the note's words end with a listed name."""
    et_al: bool
    title: str | None
    """The title, or some of its words in a short note; None for a short note of an
    author's name and page alone ("Davis, 62.")."""
    year: str | None
    """A full note's year of publication (the last its facts give)."""
    original_year: str | None
    """The first year of facts that give two: "(London, 1851; repr., Penguin, 1985)"."""
    locator: str | None
    prefix: str | None
    book: str | None = None
    """The book a quoted title is in: "The Flowers of Evil" of `"The Swan," in The
    Flowers of Evil, trans. ...`."""


@dataclass(frozen=True, slots=True)
class Notes:
    """The notes of a text that cite the bibliography by author and title."""

    citations: tuple[NoteCitation, ...]
    read: tuple[Span, ...]
    """The notes read (citing, or "Ibid."): no citation finder reads inside them."""
    spans: tuple[Span, ...]
    """Every note: a note's quoted title is no quotation, its words no claim."""
    labels: frozenset[str]
    """Every note's number or label: the text's marks of them cite no entry."""
    marks: tuple[Span, ...]
    """The notes' marks in the text ("[2]", "[^2]")."""
    last: str = ""
    """The last note's number or label."""
    lone_ibid: Span | None = None
    """An "Ibid." that opens the first note: it repeats nothing."""


def read_notes(
    text: str, bibliography: Span, listed: Collection[str], *, short_unlisted: bool = False
) -> Notes | None:
    """The notes of ``text`` that cite the bibliography at ``bibliography`` by author
    and title, or None when fewer than two of them name an author whose surname key
    is in ``listed``.  With ``short_unlisted``, a short note of a name not listed is
    read too ("Porter, Greatest Benefit, 12."), where nothing but notes list the works."""
    notes = [
        *_list_notes(text, bibliography),
        *_footnotes(text, bibliography),
    ]
    if not notes:
        return None
    citations: list[NoteCitation] = []
    read: list[Span] = []
    for label, span in notes:
        body = text[span.start : span.end]
        found = list(_note_citations(body, span.start, label, listed, short_unlisted))
        citations.extend(found)
        if found or _IBID.match(body):
            read.append(span)
    citing = {c.note for c in citations if c.authors and surname_key(c.authors[0]) in listed}
    if len(citing) < _MIN_CITING:
        return None
    labels = frozenset(label for label, _ in notes)
    first = min(notes, key=lambda n: n[1].start)[1]
    ibid = _IBID.match(text, first.start)
    return Notes(
        tuple(citations),
        tuple(read),
        tuple(span for _, span in notes),
        labels,
        tuple(_marks(text, labels, notes)),
        max(notes, key=lambda n: n[1].start)[0],
        Span(ibid.start(), ibid.end()) if ibid else None,
    )


@dataclass(frozen=True, slots=True)
class NotesOnly:
    """An article cited by notes alone, without a bibliography (Chicago allows it): its
    first full notes give the works, and every note cites them."""

    notes: Notes
    works: tuple[NoteCitation, ...]
    """The first full note of each work, in order: the article's references."""


def read_notes_only(text: str) -> NotesOnly | None:
    """The notes of an article without a bibliography, when two of them at least are
    full notes (dated in publication facts, or quoting a title): their authors are the
    names every note may cite."""
    end = Span(len(text), len(text))
    notes = [*_list_notes(text, end), *_footnotes(text, end)]
    # A full note dates its work; a quoted short title ('Nochlin, "No Great Women
    # Artists?," 24') is evidence enough beside a list, not of a work of its own.
    full = [
        c
        for label, span in notes
        for c in _note_citations(text[span.start : span.end], span.start, label, ())
        if c.year is not None
    ]
    if len({c.note for c in full}) < _MIN_CITING:
        return None
    listed = frozenset(surname_key(a) for c in full for a in c.authors)
    read = read_notes(text, end, listed, short_unlisted=True)
    if read is None:
        return None
    works: dict[tuple[str, str], NoteCitation] = {}
    for c in full:
        works.setdefault(_work_key(c), c)
    return NotesOnly(read, tuple(works.values()))


def _work_key(c: NoteCitation) -> tuple[str, str]:
    """A work as its notes name it: first author and the title's first word."""
    word = first_title_word(c.title or "") or c.title or ""
    return surname_key(c.authors[0]), surname_key(word)


def _list_notes(text: str, bibliography: Span) -> list[tuple[str, Span]]:
    """The numbered notes under a Notes heading: the last before the bibliography, or
    else the first after it, whose notes run to the text's end."""
    heading = notes_heading(text, bibliography.start)
    last = bibliography.start
    if heading is None:
        heading, last = notes_heading_after(text, bibliography.end), len(text)
    if heading is None:
        return []
    starts: list[tuple[str, re.Match[str]]] = []
    for m in _LIST_NOTE.finditer(text, heading, last):
        # Notes run in order: a wrapped line that opens with a number ("45 (1994): 12")
        # is no note of its own.
        label = m.group("bracketed") or m.group("label")
        if int(label) == len(starts) + 1:
            starts.append((label, m))
    out = []
    for i, (label, m) in enumerate(starts):
        end = starts[i + 1][1].start() if i + 1 < len(starts) else last
        blank = text.find("\n\n", m.end(), end)
        end = blank if blank != -1 else end
        out.append((label, _trimmed(text, m.end(), end)))
    return out


def _footnotes(text: str, bibliography: Span) -> list[tuple[str, Span]]:
    """Markdown's footnote definitions outside the bibliography."""
    if "[^" not in text:
        return []  # a scan for two characters is far cheaper than one for line starts
    return [
        (m.group("label"), _trimmed(text, m.start("text"), m.end("text")))
        for m in _FOOTNOTE.finditer(text)
        if not bibliography.start <= m.start() < bibliography.end
    ]


def _trimmed(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _marks(text: str, labels: frozenset[str], notes: list[tuple[str, Span]]) -> Iterator[Span]:
    """The marks of the notes in the text outside them."""
    inside = [span for _, span in notes]
    for pattern in (_FOOTNOTE_MARK, _NUMBER_MARK):
        for m in pattern.finditer(text):
            label = next(g for g in m.groups() if g)
            if label in labels and not any(s.start <= m.start() < s.end for s in inside):
                yield Span(m.start(), m.end())


# A citation's end before the note's commentary: "Pagels, Adam, Eve, and the Serpent,
# 150-54. Her critics have ...".
# Or before the next work: "Eisenstein, Printing Press, 1:114, and Febvre and Martin,
# Coming of the Book, 216".
_CITATION_END = re.compile(
    r"[,”\"]\s*(?:\d{1,2}:)?\d{1,5}(?:\s*[-–—]\s*\d{1,5})?(?P<end>)(?:\.|,\s+and)(?=\s+[A-Z])"
)


def _note_citations(
    body: str, offset: int, label: str, listed: Collection[str], short_unlisted: bool = False
) -> Iterator[NoteCitation]:
    """The works one note cites, part by part."""
    for start, end in _parts(body):
        part = body[start:end]
        # A web page's back-link closes a note: "... 68-71. ↑".
        stripped = _BACK_LINK.sub("", part.rstrip(" .↑↩⤴\ufe0e")).rstrip(" .")
        lead = len(part) - len(part.lstrip())
        cue = _CUE.match(part, lead)
        at = cue.end() if cue else lead
        if _IBID.match(part, at):
            continue
        found = _read_part(stripped, at, listed, short_unlisted)
        if found is None:
            late = [m.end() for m in _LATE_CUE.finditer(stripped, at)]
            if not late:
                continue
            at = late[-1]
            found = _read_part(stripped, at, listed, short_unlisted)
            if found is None:
                continue
        authors, et_al, title, years, locator = found
        book = _IN_BOOK.search(stripped, at)
        yield NoteCitation(
            note=label,
            span=Span(offset + start + at, offset + start + len(stripped)),
            authors=authors,
            et_al=et_al,
            title=title,
            year=years[-1] if years else None,
            original_year=years[0] if len(years) > 1 else None,
            locator=locator,
            prefix=part[lead:at].strip() or None,
            book=book.group("book") if book else None,
        )


def _parts(body: str) -> Iterator[tuple[int, int]]:
    """Where a note's parts stand: parted by semicolons, and where a citation's
    locator ends a sentence that commentary follows ("Nagel, "Moral Luck," 35-38. For
    a reply, see ...")."""
    for start, end in _pieces(body, 0, ";"):
        for m in _CITATION_END.finditer(body, start, end):
            yield start, m.end("end")
            start = m.end()
        yield start, end


def _read_part(
    part: str, at: int, listed: Collection[str], short_unlisted: bool = False
) -> tuple[tuple[str, ...], bool, str | None, list[str], str | None] | None:
    """A part's authors, et al., title, year and locator, or None when it cites no
    work by author and title."""
    segments = _pieces(part, at, ",")
    if len(segments) < 2:
        return None
    names: list[str] = []
    et_al = False
    taken = 0
    # The segment of the last of three names or more: "Ann Brown, Carl Dietz, and Eva
    # Frank, ..."
    last = next((j for j, (s, e) in enumerate(segments[1:-1], 1) if _AND.match(part, s, e)), 0)
    for i, (s, e) in enumerate(segments[:-1]):
        words = part[s:e].strip()
        if i == 0 and words.startswith("[") and words.endswith("]"):
            words = words[1:-1]  # an author the title page does not name: "[Robert Chambers]"
        if _ROLE.match(words) and names:
            taken = i + 1  # "Jane Smith, ed., Title"
            continue
        read = _names(words, listed, first=not names)
        if read is None:
            break
        found, more, whole = read
        if names and {surname_key(n) for n in found} & {surname_key(n) for n in names}:
            break  # the author's name in a title: "Haussmann, Mémoires du Baron Haussmann"
        # After the first name, a name is one listed, or a whole name (given names
        # and surname) in a run of them that "and" ends: "Diamond, Guns, Germs, and
        # Steel" lists no Guns.
        if names and not (all(surname_key(n) in listed for n in found) or (whole and i <= last)):
            break
        names.extend(found)
        et_al = et_al or more
        taken = i + 1
        if more:
            break
    if not names or taken >= len(segments):
        return None
    rest_start = segments[taken][0]
    rest = part[rest_start:].strip()
    title, years, locator = _title_years_locator(rest)
    known = surname_key(names[0]) in listed or (
        short_unlisted or _near(surname_key(names[0]), listed)
    )
    if not title and locator and known and len(segments) == taken + 1:
        return tuple(names), et_al, None, [], locator  # "Davis, 62."
    if not (title[:1].isupper() or title[:1].isdigit()) or not _WORD.search(title):
        return None
    if _INITIAL.match(title):
        return None  # "Kaplan, J., McCandlish, S. (2020). ..." is APA's entry: no title
    if (
        surname_key(names[0]) not in listed
        and not years
        and not _QUOTED.match(rest)
        and not (known and _short_form(title, locator))
    ):
        return None
    return tuple(names), et_al, title, years, locator


def _near(key: str, listed: Collection[str]) -> bool:
    """Whether a surname is a listed one misspelt ("Eisenstien" of Eisenstein)."""
    return any(fuzz.ratio(key, other) >= _NEAR for other in listed)


_NEAR = 80


def _short_form(title: str, locator: str | None) -> bool:
    """Whether a title and locator are a short note's, "Greatest Benefit, 12": a few
    words without figures and a page, not an archive's "Add MS 4321, fol. 12"."""
    return (
        locator is not None
        and locator[0].isdigit()
        and not any(ch.isdigit() for ch in title)
        and len(title.split()) <= _SHORT_TITLE_WORDS
    )


_SHORT_TITLE_WORDS = 8


def _pieces(text: str, at: int, stop: str) -> list[tuple[int, int]]:
    """Where the pieces of ``text`` from ``at`` stand, parted at ``stop`` outside
    brackets and quotes: a note's parts at semicolons, a part's segments at commas."""
    out = []
    depth = 0
    quoted = False
    start = at
    for i in range(at, len(text)):
        ch = text[i]
        if ch in '"“”':
            quoted = not quoted if ch == '"' else ch == "“"
        elif ch in "([" and not quoted:
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch == stop and not depth and not quoted:
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out


def _names(
    words: str, listed: Collection[str], *, first: bool
) -> tuple[list[str], bool, bool] | None:
    """The surnames of a comma-free run of names ("Richard R. John", "Smith and Jones",
    "and Ann Brown", "Jane Smith et al."), whether "et al." ends them, and whether
    each is a whole name, given names and surname; None when the words are no names."""
    et_al = False
    m = re.search(r"\s+et\s+al\.?$", words)
    if m:
        words, et_al = words[: m.start()], True
    if not first:
        words = re.sub(r"^(?:and|&)\s+", "", words)
    people = re.split(r"\s+(?:and|&)\s+", words)
    out = []
    whole = True
    for person in people:
        tokens = person.split()
        if not 1 <= len(tokens) <= 6 or tokens[0].lower().strip(".") in _NOT_NAMES:
            return None
        if not all(
            _NAME_WORD.match(t) and (t[0].isupper() or t in SURNAME_PARTICLES) for t in tokens
        ):
            return None
        out.append(_surname(tokens, listed))
        whole = whole and len(tokens) > 1
    return out, et_al, whole


def _surname(tokens: list[str], listed: Collection[str]) -> str:
    """The surname of a name as spoken: the longest listed run of its last words
    ("Du Bois" of "W. E. B. Du Bois", "World Health Organization"), else its last word
    with the particles before it; a suffix is no surname ("Holmes" of "Oliver Wendell
    Holmes Jr.")."""
    if len(tokens) > 2 and tokens[-1] in _SUFFIXES:
        tokens = tokens[:-1]
    for i in range(len(tokens)):
        run = " ".join(tokens[i:])
        if surname_key(run) in listed:
            return run
    i = len(tokens) - 1
    while i > 1 and tokens[i - 1].lower() in SURNAME_PARTICLES:
        i -= 1
    return " ".join(tokens[i:])


def _title_years_locator(rest: str) -> tuple[str, list[str], str | None]:
    """The title a part gives after its names, the years of its publication facts and
    its locator."""
    quoted = _QUOTED.match(rest)
    facts = _FACTS.search(rest)
    years = re.findall(rf"\b{_YEAR}\b", facts.group("facts")) if facts else []
    if quoted:
        title = quoted.group("title").strip()
        tail = rest[quoted.end() :]
    elif facts:
        title = rest[: facts.start()].strip()
        tail = rest[facts.end() :]
    else:
        # A short note's title ends at its locator; "Davis, 62" has none.
        padded = ", " + rest
        loc = _LOCATOR.search(padded)
        title = padded[2 : max(2, loc.start())] if loc else rest
        tail = padded[loc.start() :] if loc else ""
    # The comma before a locator may stand inside a title's quotes: '"Water and Fever," 50'.
    loc = _LOCATOR.search("," + tail.lstrip(" ,")) or re.search(
        r":\s*(?P<locator>[\d\-–—, ]+)$", tail
    )
    locator = loc.group("locator").strip() if loc else None
    title = _CONTRIBUTORS.split(title, maxsplit=1)[0]
    return title.strip().rstrip(",."), years, locator
