"""Citations by author and page, as MLA writes them: "(Nussbaum 33-34)", "(Pogge
167-70; Rawls 90-95)", "(Sen, "Equality" 217-19)", "(Gilbert et al. 12)", "(qtd. in
Hooks 22)", and a page after a name the sentence gives: "Rawls calls justice the first
virtue of social institutions (3)."

MLA's list dates each entry at its end ("Rawls, John. A Theory of Justice. Harvard UP,
1971."), and its text cites by name and page, without a year.  So brackets are read so
only where the list is dated after its titles and not numbered (`dated_after_titles`).
There, a bracket cites by page when each of its parts is a name, perhaps a short title,
and a locator:
- a name the list's entries may be cited under (``names``, `page_names`: first
  authors' names, of several words or in lower case as listed, "(World Health
  Organization 7)", "(hooks 12)", and titles whole or by their first word, "(Hamlet
  3.1.56-58)") is read however it is followed;
- any other single capitalised word is read only before plain page numbers, never a
  word that labels a part of the text ("(Figure 2)", "(Chapter 3)"), and only where
  the text also cites a listed name in a bracket: it is a citation of a work the
  list lacks, or of a listed one misspelt.
A bracket holding only pages cites the last listed name of its sentence, or of the
sentence before when its own names none.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from citecheck.model import Reference, Span
from citecheck.names import surname_key

# A page or a part of a work: "33", "xii", "3.1.56" (act, scene, line), "1: 49"
# (volume and page), "12a".
_NUMBER = r"\d{1,4}(?:\.\d{1,4}){0,3}"
_ROMAN_PAGE = r"[ivxlc]{1,7}"
_ITEM = rf"(?:{_NUMBER}[a-z]?|{_ROMAN_PAGE})"
_RANGE = rf"{_ITEM}(?:\s*[-–—]\s*{_ITEM})?"
_LABEL = r"(?:(?:pp?|ch|chap|pars?|paras?|secs?|ll?|lines?|nn?|vol|bk|fol)\.?\s*)"
_LOCATOR = rf"(?:\d{{1,2}}:\s?)?{_LABEL}?{_RANGE}(?:\s*,\s*{_LABEL}?{_RANGE})*"
# Plain page numbers, the only locator after a name the list lacks.
_PLAIN_PAGES = re.compile(
    r"(?:\d{1,2}:\s?)?\d{1,4}(?:\s*[-–—]\s*\d{1,4})?(?:\s*,\s*\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)*"
)
_PARTICLE = r"(?:(?:van|von|de|del|della|der|den|di|da|du|le|la|al|el|ibn|bin|ten|ter)\s+){0,2}"
_NAME = rf"{_PARTICLE}[A-ZÀ-ÖØ-Þ][\w'’\-]*"
# The words that may open a part: "(qtd. in Hooks 22)", "(see also Rawls 90)".
_CUE = r"qtd\.\s+in|quoted\s+in|see\s+also|see|cf\.|e\.g\.,?|also"
_PART = re.compile(
    rf"^(?:(?P<prefix>{_CUE})\s+)?"
    rf"(?P<names>{_NAME}(?:,?\s+(?:and|&)\s+{_NAME}|\s+et\s+al\.?)?)"
    r"(?:,\s*(?P<title>[\"“][^\"”]{1,80}[\"”]|[^,\d\"“][^,\d]{0,79}?))?"
    rf"(?:,?\s+(?P<locator>{_LOCATOR}))?\s*$"
)
# A part whose head, whatever its words, may be a listed name: "(World Health
# Organization 7)", "(Du Bois vii)", "(King Lear 4.1.37-38)", "(hooks 5)".
_HEAD_PART = re.compile(
    rf"^(?:(?P<prefix>{_CUE})\s+)?"
    rf"(?P<names>[^\W\d_][^,;\d]{{0,80}}?)(?:,?\s+(?P<locator>{_LOCATOR}))?\s*$"
)
_TWO = re.compile(rf"^(?P<first>{_NAME}),?\s+(?:and|&)\s+(?P<second>{_NAME})$")
_ET_AL = re.compile(r"\s+et\s+al\.?$")
# A bracket may wrap at a line's end, not across a paragraph.
_BRACKET = re.compile(r"\(((?:[^()\n]|\n(?![ \t]*\n)){1,200})\)")
# A bracket of pages alone: no letter after a number ("(2n)" is a formula's).
_PAGE = rf"(?:{_NUMBER}|{_ROMAN_PAGE})"
_PAGES = rf"{_PAGE}(?:\s*[-–—]\s*{_PAGE})?"
_PAGE_ONLY = re.compile(rf"(?:{_LABEL})?{_PAGES}(?:\s*,\s*{_PAGES})*")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_ROMAN = re.compile(r"[ivxlc]+")
# What a page after a name in prose is followed by: the sentence's or the clause's end.
_AFTER_PAGE = re.compile(r"\s*(?:[.,;:!?)\]]|$)")
# A sentence's start before a page bracket: its stop and a capital after it, or a
# paragraph break.
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z])|\n[ \t]*\n")
_SENTENCE_MAX = 600
_CAPITALISED = re.compile(rf"\b{_NAME}(?:['’]s)?")
_POSSESSIVE = re.compile(r"['’]s$")
_NARRATIVE_LIST = re.compile(rf"\s*(?:,?\s+(?:and|&)\s+(?P<second>{_NAME})|\s+et\s+al\.?)")

# Words that label a part of a text, a thing or a step, capitalised before a number:
# never a name the list lacks.
_LABEL_WORDS = frozenset(
    """figure figures fig table tables chapter chapters chap section sections sec part
    parts appendix annex volume vol book books act acts scene canto line lines page pages
    note notes item items step steps stage stages phase phases level levels grade grades
    type types class group groups study studies experiment experiments trial wave round
    day days week weeks month months year years model models version unit module lesson
    lecture session episode season series issue number no article art clause rule rules
    law plate map box panel exhibit document doc folio room ward bed floor block lot
    route psalm psalms question questions problem exercise task hypothesis proposition
    theorem lemma definition example case cases patient patients participant
    participants subject interviewee respondent informant speaker form age aged score
    total mean median range sample cohort arm visit dose cycle generation term semester
    quarter period sheet slide plan schedule list fragment letter poem sonnet stanza verse
    chorus movement op opus station gate platform bay pier hall building street avenue
    road interview focus tape transcript file folder record entry covid sars""".split()
)
_MONTHS = frozenset(
    """january february march april may june july august september october november
    december""".split()
)


def dated_after_titles(references: Sequence[Reference]) -> bool:
    """Whether most of the list's entries give their year after their title, as MLA
    (and Chicago's notes and bibliography) date them, and so are cited by page."""
    counted = late = 0
    for ref in references:
        if not ref.authors or not ref.year or not ref.title:
            continue
        title_at = ref.raw.find(ref.title)
        year_at = ref.raw.find(ref.year)
        if title_at < 0 or year_at < 0:
            continue
        counted += 1
        late += year_at > title_at
    return counted > 0 and 2 * late > counted


def page_names(references: Sequence[Reference], author_keys: Collection[str]) -> frozenset[str]:
    """The keys a list's works may be cited under by page: ``author_keys`` (its first
    authors'), and each title from its first word that is no article, and that word
    alone (a play is cited by its title, "(Hamlet 3.1.56-58)", "(King Lear 4.1.37)")."""
    titles = set()
    for ref in references:
        if ref.title:
            word = first_title_word(ref.title)
            if word is not None:
                titles.add(surname_key(word))
                titles.add(surname_key(ref.title[ref.title.find(word) :]))
    return frozenset({*author_keys, *titles})


_TITLE_STOPS = frozenset({"a", "an", "the", "on", "of", "in", "to", "and", "for"})
_WORDS = re.compile(r"[^\W\d_][\w'’\-]*")


def first_title_word(title: str) -> str | None:
    """The first word of a title that is no article or preposition: the shortest
    short title MLA would cite it by ("Illness" of "Illness as Metaphor")."""
    for m in _WORDS.finditer(title):
        if m.group().lower() not in _TITLE_STOPS:
            return m.group()
    return None


def title_fits(title_words: str, title: str | None, *, opening: bool = False) -> bool:
    """Whether ``title_words`` (a sentence's words) name a title: its first word that
    is no article or preposition is among them.  With ``opening`` (a short title,
    "Development" of "Development as Freedom"), their own first such word is it: "Sex
    and Gender" is no short title of "Gender Trouble"."""
    if not title:
        return False
    first = first_title_word(title)
    if first is None:
        return False
    key = surname_key(first)
    if opening:
        own = first_title_word(title_words)
        return own is not None and surname_key(own) == key
    return any(surname_key(w.group()) == key for w in _WORDS.finditer(title_words))


def words_of_title(title_words: str, title: str | None) -> bool:
    """Whether every word of ``title_words`` that is no article or preposition stands
    in ``title``: a note's short title may drop the title's first words or take its
    subtitle's ("Republic of Suffering" of "This Republic of Suffering")."""
    if not title:
        return False
    wanted = {surname_key(w.group()) for w in _WORDS.finditer(title_words)}
    wanted -= {surname_key(w) for w in _TITLE_STOPS}
    return bool(wanted) and wanted <= {surname_key(w.group()) for w in _WORDS.finditer(title)}


@dataclass(frozen=True, slots=True)
class PageCitation:
    """One work cited by author and page."""

    span: Span
    """The part of the bracket that cites the work; for a page after a name in prose,
    the page's bracket."""
    bracket: Span
    """The whole bracket, "(" to ")": the citation's group."""
    authors: tuple[str, ...]
    et_al: bool = False
    prefix: str | None = None
    locator: str | None = None
    short_title: str | None = None
    """The title the citation gives after the name ("Development" of "(Sen, Development
    3)"); for a page after a name in prose, the sentence's words before the page."""
    narrative: bool = False
    name: Span | None = None
    """A page after a name in prose: the name's place."""
    listed: bool = True
    """The first name is one of the list's (``names``)."""


def find_page_citations(
    text: str,
    regions: Sequence[tuple[int, int]],
    names: Collection[str],
    *,
    taken: Sequence[Span] = (),
) -> list[PageCitation]:
    """The citations by author and page in the ``regions`` of ``text``, outside the
    brackets other finders ``taken``; ``names``: `page_names`.  Names the list lacks
    are kept only if a listed name is cited so too."""
    found: list[PageCitation] = []
    for start, end in regions:
        for m in _BRACKET.finditer(text, start, end):
            if any(s.start < m.end() and m.start() < s.end for s in taken):
                continue
            found.extend(_bracket(text, m, names, start))
    if not any(f.listed and not f.narrative for f in found):
        return [f for f in found if f.listed]
    return found


def _bracket(
    text: str, m: re.Match[str], names: Collection[str], region_start: int
) -> Iterator[PageCitation]:
    content = m.group(1)
    bracket = Span(m.start(), m.end())
    if _PAGE_ONLY.fullmatch(content.strip()):
        page = _page_after_name(text, m, names, region_start)
        if page is not None:
            yield page
        return
    parts: list[PageCitation] = []
    at = m.start(1)
    for piece in content.split(";"):
        stripped = piece.strip()
        offset = at + piece.find(stripped) if stripped else at
        at += len(piece) + 1
        part = _part(stripped, Span(offset, offset + len(stripped)), bracket, names)
        if part is None:
            return  # every part cites, or the bracket is something else
        parts.append(part)
    yield from parts


def _part(written: str, span: Span, bracket: Span, names: Collection[str]) -> PageCitation | None:
    whole = _HEAD_PART.match(written)
    if whole is not None and surname_key(whole.group("names")) in names:
        p: re.Match[str] | None = whole
    else:
        p = _PART.match(written)
    if p is None:
        return None
    head = " ".join(p.group("names").split())
    et_al = _ET_AL.search(head) is not None
    if et_al:
        head = _ET_AL.sub("", head)
    two = _TWO.match(head)
    authors = (two.group("first"), two.group("second")) if two else (head,)
    locator = p.group("locator")
    listed = surname_key(authors[0]) in names
    if not listed and not _unlisted_name(authors[0], locator):
        return None
    if locator is not None and _YEAR.fullmatch(locator):
        return None  # "(Rawls 1971)" is a name and its year
    title = p.groupdict().get("title")
    return PageCitation(
        span=span,
        bracket=bracket,
        authors=authors,
        et_al=et_al,
        prefix=p.group("prefix"),
        locator=" ".join(locator.split()) if locator else None,
        short_title=title.strip('"“” ') if title else None,
        listed=listed,
    )


def _unlisted_name(name: str, locator: str | None) -> bool:
    """A name the list lacks is read as one only before plain page numbers, and only a
    capitalised word that labels nothing ("Figure"), no month and no abbreviation."""
    return (
        locator is not None
        and _PLAIN_PAGES.fullmatch(locator) is not None
        and " " not in name
        and name[:1].isupper()
        and not name.isupper()
        and name.lower() not in _LABEL_WORDS
        and name.lower() not in _MONTHS
    )


def _last_name(
    text: str, start: int, end: int, names: Collection[str]
) -> tuple[str, re.Match[str]] | None:
    """The last listed name written in ``text[start:end]``."""
    named = None
    for w in _CAPITALISED.finditer(text, start, end):
        word = _POSSESSIVE.sub("", w.group())
        if surname_key(word) in names:
            named = (word, w)
    return named


def _page_after_name(
    text: str, m: re.Match[str], names: Collection[str], region_start: int
) -> PageCitation | None:
    """A bracket of pages that ends a clause, after a listed name in its sentence:
    "As Woolf writes, the room is a condition of writing (37)."."""
    content = m.group(1).strip()
    if _YEAR.match(content) or _ROMAN.fullmatch(content):
        return None  # a year or years, or an item of a list: "(1848)", "(1604-05)", "(ii)"
    if _AFTER_PAGE.match(text, m.end()) is None or not text[m.start() - 1 : m.start()].isspace():
        return None  # "(1) equal liberty and (2) ...": an item of a list; "/(2)": maths
    floor = max(region_start, m.start() - _SENTENCE_MAX)
    starts = [floor, *(s.end() for s in _SENTENCE_END.finditer(text, floor, m.start()))]
    sentence_start = starts[-1]
    named = _last_name(text, sentence_start, m.start(), names)
    if named is None and len(starts) > 1 and text[starts[-1] - 1] != "\n":
        # "Scarry holds that pain resists language. It unmakes it, she writes (4)."
        sentence_start = starts[-2]
        named = _last_name(text, sentence_start, starts[-1], names)
    if named is None:
        return None
    word, w = named
    authors: tuple[str, ...] = (word,)
    et_al = False
    follow = _NARRATIVE_LIST.match(text, w.end())
    if follow is not None:
        if follow.group("second"):
            authors = (word, follow.group("second"))
        else:
            et_al = True
    return PageCitation(
        span=Span(m.start(), m.end()),
        bracket=Span(m.start(), m.end()),
        authors=authors,
        et_al=et_al,
        locator=content,
        short_title=text[sentence_start : m.start()].strip(),
        narrative=True,
        name=Span(w.start(), w.start() + len(word)),
    )
