"""A deterministic parser for one reference-list entry.

`parse_reference` turns one entry (list marker stripped, line breaks collapsed)
into `ReferenceFields`.  It reads the common styles of the life sciences and the
humanities: APA 6/7, Harvard, Vancouver/AMA/NLM, Chicago author-date and notes,
MLA, IEEE and the terse physics styles ("A. Einstein, Phys. Rev. 47, 777 (1935).").

The entry is read in this order, each step working on what the previous one left:

1. identifiers (DOI, PMID, PMCID, arXiv, URL) are taken out, so they never leak
   into another field (`_refparse_ids`);
2. the author list at the head (`_refparse_authors`);
3. the year, when it follows the authors ("(2019).", "2012.");
4. the title: quoted, or up to the first sentence end, or (when the entry is
   written with commas only) up to the last comma before the journal;
5. the container (journal or book) up to the first volume/issue/page locator;
6. volume, issue, pages, and the year in Vancouver and physics styles
   (`_refparse_locators`);
7. a year found nowhere else: the first one after the authors, outside the title.

Every regular expression is linear (no nested quantifiers over overlapping
characters) and only the first `MAX_CHARS` characters are read.
"""

from __future__ import annotations

import dataclasses
import html
import re
import unicodedata
from urllib.parse import urlsplit

from citecheck import _crf
from citecheck._refparse_authors import AuthorList, parse_authors
from citecheck._refparse_ids import Identifiers, extract_identifiers
from citecheck._refparse_locators import MONTH_BEFORE, find_locators, read_locators
from citecheck._refparse_text import (
    ANY_YEAR,
    JOURNAL_WORDS,
    NOT_CONTAINER,
    PLACE_PUBLISHER,
    PUBLISHER_WORDS,
    STRIP,
    Draft,
    is_publication_fact,
    looks_like_abbreviated_journal,
    looks_like_journal,
    rx,
    sentence_end,
    split_commas,
)
from citecheck.model import Author, ReferenceFields
from citecheck.names import SAME_AUTHORS_RULE, fold
from citecheck.statutes import case_entry, statute_entry

MAX_CHARS = 2000
"""Longer input is cut: no real reference is that long, and it bounds the work."""

# -- patterns of the steps below -------------------------------------------------------

# Inline markup left by copy-paste from HTML or JATS.
_MARKUP = rx(r"</?(?:i|b|em|strong|italic|bold|sup|sub|span|u|sc|small)(?:\s[^<>]{0,80})?>")
_INVISIBLE = rx(r"[\u200b-\u200f\u00ad\ufeff\ue000-\uf8ff]")
# Spaces inside punctuation, as left by PDF extraction: "Phys .Rev .D 69( 2004 ) ,".
_LOOSE_PUNCTUATION = rx(r" [.,;:)\]]|[(\[] ")
_SPACE_BEFORE = rx(r"(?<![.\s])\s+([.,;:])(?=[^\W_])")
_SPACE_BEFORE_END = rx(r"(?<![.\s])\s+(?=[.,;)\]](?:\s|$))")
_SPACE_AFTER = rx(r"(?<=[(\[])\s+")
# A stray list number, the dashes that repeat the previous entry's authors, a bullet.
_LEADING_MARKER = rx(r"^(?:\[\d{1,4}\]|[-—–_]{2,}\s*[.,]?|—(?=\s*[(.,])|[•·*▪◦‣-](?=\s*\w))\s*")

# What may stand between the authors and the year: "(Eds.)", "eds.", "(Writer/Director)".
_ROLE = rx(
    r"[\s.,:;]*(?:\((?!\s*(?:<NODATE>|<INPRESS>))[^()\d]{1,30}\)|(?:[Ee]ds?|[Ee]ditors?|[Hh]rsg|[Hh]g|[Cc]omp)\.?(?=[\s.,:]|$))"
)
# The year right after the authors: "(2019).", "(2020, March 3)", "(n.d.)", "[2019]",
# "2012.", "2019a,", "1972 [1931]", and the IOP "Smith J 2010 Title".
_HEAD_YEAR = rx(
    r"[\s.,:;]*"
    # A reprint's two years, Chicago's "(1962) 2012." or "[1842] 1965.": read as the
    # first, the later one no part of the title.
    r"(?:[(\[]\s*(?P<y4><YEAR>)\s*[)\]]\s+<YEAR>[a-z]?(?=[.,:;])"
    r"|\(\s*(?:[^()]{0,20}[\s,])?(?P<y1><YEAR>)(?P<s1>[a-z])?(?:\s*[,/–-][^()]{0,30})?\s*\)"
    r"|\[\s*(?P<y3><YEAR>)(?P<s3>[a-z])?\s*\]"
    # APA letters works without a date or in press: "(n.d.-a)", "(in press-b)".
    r"|\(\s*(?P<nd1><NODATE>)(?:-?(?P<ns1>[a-z]))?\s*\)"
    r"|\(\s*(?P<ip1><INPRESS>)(?:-(?P<is1>[a-z]))?\s*\)"
    r"|(?P<y2><YEAR>)(?P<s2>[a-z])?(?:\s\[\d{4}\])?"
    # A bare year ends with punctuation, or with a space when no period came before
    # it (IOP) or a capital or quote follows it.
    r"(?=[.,:;)]|$|(?<![.]\s....)(?<=\s....)\s|\s[\"“«‘'A-Z])"
    r"|(?P<nd2><NODATE>)"
    r"|(?P<ip2><INPRESS>)(?=[\s.,;:]|$))"
)
# An APA entry without authors: "Title of the page. (2019). Site."
_TITLE_THEN_YEAR = rx(
    r"([^()]{3,300}?)[\s.,]*\(\s*(?:(?P<y><YEAR>)(?P<s>[a-z])?(?:,[^()]{0,30})?"
    r"|(?P<nd><NODATE>)|(?P<ip><INPRESS>))\s*\)"
)
_ANY_IN_PRESS = rx(r"\b(?:<INPRESS>)\b|\(\s*(?:accepted|submitted)\s*\)")
_ANY_NO_DATE = rx(r"(?<!\w)(?:<NODATE>)(?!\w)")

_OPENING_QUOTES = {'"': '"”', "“": '”"', "„": '“”"', "‘": "’'", "'": "'’", "«": "»", "‹": "›"}
# Publication facts in parentheses, humanities style: "(Paris: Galilée, 2008)".
_PUBLICATION_PAREN = rx(r"\s*\((?:[^()]{1,60}:\s*)[^()]{1,80},\s*(<YEAR>)[a-z]?\s*\)")
# A book's publisher in final brackets, physics style: "(Springer, Berlin, 2007)."
_FINAL_PAREN = rx(r"\s*\(([^()]{2,100})\)\s*[.,;]?\s*$")
# A book's page count: "179 p.", "216 pp", "634 s."
_PAGE_COUNT = rx(r"[,.]?\s*\b\d{1,4}\s?(?:p|pp|pages|S|s|Seiten)\.?\s*$")
# The tail of an author list left in front of the title: "..., and S. Walmsley. 1981a."
_TAIL_YEAR = rx(r"(?<![^\s,(])(<YEAR>)([a-z])?\)?$")
_INITIAL = rx(r"(?<![\w.])[A-Z]\.")
_RUN_ON_JOINERS = frozenset({"of", "and", "&", "for", "de", "der", "und", "on", ":"})
# Where a comma-separated title ends: "..., in: Book" / "..., ed. Name".
_COMMA_CHAPTER = rx(
    r",\s*(?:(?:[Ii]n|IN)(?:\s*:\s*|\s+)|(?:ed|eds|edited by|trans|translated by|transl)\.?\s)"
)
_TITLE_TAGS = rx(r"\s*\[(?:Internet|Online|online|Electronic resource|E-?book)\]")
# A trailing edition or volume: "(5th ed.)", ", 2nd edn", "Second edition", ", Vol. 2".
_EDITION = rx(
    r"[\s,.]*[(\[]?\s*(?:(?:\d{1,3}\s?(?:st|nd|rd|th|e)?\.?|[A-Z][a-z]{2,12}|[Rr]ev(?:ised)?\.?)\s+"
    r"(?:[Ee]d|[Ee]dn|[Ee]dition|[Aa]ufl|[Éé]d)\b\.?(?:,\s*[^,()\[\]]{1,30})?"
    r"|(?:[Vv]ol|[Vv]olume|[Bb]d)\.?\s*\d{1,3})\s*[)\]]?\s*$"
)
_TITLE_STOPWORDS = frozenset(
    "and for the und der des les del della van von ter den with from et of in on".split()
)
_PRESENTED = rx(r"\b(?:[Pp]aper|[Pp]oster|[Pp]resented|[Pp]resentation|[Mm]eeting|[Cc]onference)\b")

_CHAPTER = rx(r"(?:[Ii]n|IN)(?:\s*:\s*|\s+)")
_EDITOR_MARK = rx(
    r"\s*[(,]\s*(?:[Ee]ds?|[Ee]ditors?|[Hh]rsg|[Hh]gg?|[Dd]ir|[Cc]oords?|[Éé]ds?)\b\.?\s*\)?"
    r"\s*[,:.]?\s*"
)
# A leading editor note inside a container: "(I. Mueller, Ed.) Aperion".
_CONTAINER_EDITOR = rx(r"^\([^()]{1,80}\b(?:[Ee]ds?|[Hh]rsg)\.?\)\s*")
# Where a book title ends inside a chapter reference: "Book (pp. 1-10)", "Book, ed. X".
_CONTAINER_STOP = rx(
    r"\s*\((?=\s*(?:pp?\.|pages?|[Vv]ol))"
    # Online first: "JAMA Intern Med. Published online July 15, 2020.", "J Hypertens.
    # 2023 Jan 5. doi: ...", "J Hypertens. In press 2023."
    r"|\.\s(?=[Pp]ublished online\b|[Ee]pub ahead\b|[Ii]n press\b|<YEAR> <MONTH>(?: \d{1,2})?\.)"
    r"|,\s*(?:edited|ed|eds|trans|translated)\b\.?"
    r"|,\s*(?:pp?\.|pages?)\s"
)


# An RFC's editors, marked after their names ("Fielding, R., Ed., Nottingham, M., Ed.,
# and J. Reschke, Ed., "HTTP Semantics", STD 97, RFC 9110"): its authors all the same.
_RFC_EDITOR = re.compile(r",\s+Ed\.(?=,|\s+and\s)")
_RFC_SERIES = re.compile(
    r"[\"”],\s+(?:BCP\s\d|STD\s\d|RFC\s\d|FYI\s\d|Work\s+in\s+Progress|Internet-Draft|draft-)"
)


def parse_reference(raw: str) -> ReferenceFields:
    """The fields of one reference-list entry.  Never raises; unknown fields are None."""
    if _RFC_SERIES.search(raw) is not None:
        raw = _RFC_EDITOR.sub("", raw)
    text, author_end, fields = rule_parse(raw)
    law = statute_entry(text) or case_entry(text)
    if law is not None:
        # A law or a court case has no author and no journal: its short title names
        # it, or its parties.
        return dataclasses.replace(
            fields, authors=(), authors_truncated=False, title=law.title, year=law.year,
            year_suffix=None, container=None, volume=None, issue=None, pages=None,
        )  # fmt: skip
    web = _apa_web_page(text, fields)
    if web is not None:
        return web
    first = _apa_title_first_entry(text, fields)
    if first is not None:
        return first
    if _needs_model(text, fields):
        fields = _with_model(text, author_end, fields)
    if fields.year is None and fields.arxiv is not None:
        fields = _year_after_arxiv(raw, fields)
    return _container_tidied(fields)


# A preprint's year after its identifier: "Layer normalization. arXiv:1607.06450, 2016.",
# which the identifier's cut leaves glued to the title's stop ("normalization.2016.").
_ARXIV_YEAR = re.compile(r"ar[Xx]iv:?\s*\S+?,?\s+\(?((?:19|20)\d\d)\)?\.?\s*$")


def _year_after_arxiv(raw: str, fields: ReferenceFields) -> ReferenceFields:
    m = _ARXIV_YEAR.search(raw)
    return fields if m is None else dataclasses.replace(fields, year=m.group(1))


# What a container's end may hold that is no part of its name.  A journal's series
# letter, abbreviation or acronym with its volume glued on, as physics lists print
# them ("Phys. Rev. D95", "Nucl. Phys. B841", "Can. J. Chem.67", "JHEP01"); not a
# word's digits ("Molecules2020") nor a year's ("Proc. PAC07" of 2007, `_glued_volume`).
_GLUED_VOLUME = re.compile(r"(?:(?<=\.)|(?<=[\s.][A-Z])|(?<=[A-Z]{2}))(\d{1,4})$")
# A volume in roman numerals after a comma: "Harvard Business Review, XLIII".
_ROMAN_VOLUME = re.compile(r",\s*([IVXLC]{2,7})$")
# The year after a comma ("Cerebellum, 2010. 10(1): 1-8."), an issue's label without
# its number ("Économie rurale n° 352"), MLA's "N.p." (no publisher), an RFC's "DOI"
# label whose identifier was taken ("RFC 9000, DOI 10.17487/RFC9000").
_CONTAINER_TAIL = re.compile(
    r"(?:,\s*(?:1[5-9]|20)\d\d|\s+(?:n°|nº|no\.?)|,\s*N\.\s?p\.?|,\s*DOI)$"
)


# What a container's start may hold: the title, quoted ('"Metacommentary." PMLA'),
# and MLA's translator ("Trans. Nicholas Rand. Critical Inquiry").
_CONTAINER_HEAD = re.compile(
    r"^(?:[“\"‘]([^”\"’]{2,300})[”\"’]\.?|Trans(?:lated)?\.?\s+(?:by\s+)?[A-Z][^.]{2,60}\.)\s+(?=\w)"
)


def _container_tidied(fields: ReferenceFields) -> ReferenceFields:
    """``fields`` without the title, translator, volume, year or label a container was
    read with."""
    container = fields.container
    if not container:
        return fields
    head = _CONTAINER_HEAD.match(container)
    if head is not None and (head.group(1) is None or _clean_title(head.group(1)) == fields.title):
        container = container[head.end() :]
    volume, pages = fields.volume, fields.pages
    if not (container[-1:].isalnum() or container.endswith(("°", "º"))):
        return _with_container(fields, container, volume, pages)
    glued = _GLUED_VOLUME.search(container)
    if glued is not None and fields.year and glued.group(1) in (fields.year, fields.year[2:]):
        glued = None  # "Proc. PAC07" of 2007: a conference's year
    roman = _ROMAN_VOLUME.search(container) if glued is None else None
    found = glued or roman
    if glued is not None and volume not in (None, glued.group(1)) and volume != pages:
        if pages is not None:
            found = None  # "D95" with a volume and pages of its own: leave it
        else:
            pages = volume  # "JHEP01, 112 (2019)": the number after is the article's
    # The volume read may be the article number the pages hold too ("JHEP01, 110 (2017)").
    if found is not None and (volume in (None, found.group(1)) or volume == pages):
        container, volume = _clean_field(container[: found.start()]) or "", found.group(1)
    else:
        tail = _CONTAINER_TAIL.search(container)
        if tail is not None and (
            tail.group()[-4:] == fields.year or not tail.group()[-1].isdigit()
        ):
            container = _clean_field(container[: tail.start()]) or ""
    return _with_container(fields, container, volume, pages)


def _with_container(
    fields: ReferenceFields, container: str, volume: str | None, pages: str | None
) -> ReferenceFields:
    if container == fields.container or len(container) < 2:
        return fields
    return dataclasses.replace(fields, container=container, volume=volume, pages=pages)


# The rule that Chicago and MLA lists put for "the same authors as the entry before":
# "———. 2021. Title." ("---" or "___" where the dash was typed).  Not "———, and Bo
# Chan.", where it stands for the first author only.
_SAME_AUTHORS = re.compile(rf"\s*{SAME_AUTHORS_RULE}\s*\.")


def repeats_authors(raw: str) -> bool:
    """Whether the entry ``raw`` opens with the rule that stands for the authors of the
    entry before it."""
    return _SAME_AUTHORS.match(raw) is not None


def parse_after_rule(raw: str, first: Author) -> ReferenceFields:
    """``raw``, which opens with the rule for the entry before's authors, read with the
    first of them written in the rule's place: a short title after the rule ("---.
    Practical Ethics.") is read as a name otherwise.  The caller gives the fields the
    entry before's whole author list."""
    m = _SAME_AUTHORS.match(raw)
    if m is None:
        return parse_reference(raw)
    head = f"{first.family}, {first.given}." if first.given else f"{first.family}."
    return parse_reference(f"{head} {raw[m.end() :].lstrip()}")


_WEB_PAGE = re.compile(r"\[Internet\]|\[cited |Available (?:from|at)|[Aa]ccessed")


def rule_parse(raw: str) -> tuple[str, int, ReferenceFields]:
    """The rules alone: the prepared text, where its author list ends, and the fields."""
    text = _prepare(raw)
    ids, work = extract_identifiers(text)
    authors = parse_authors(work, web=ids.url is not None or _WEB_PAGE.search(text) is not None)
    return text, authors.end, _rule_fields(ids, work, authors)


# What follows a body's name that opens an entry: its date, after a full stop or not
# ("Transport for London. 2017.", "Save the Children (2020).").
_BODY_THEN_DATE = rx(r"\.?\s*\(?(?:<YEAR>|<NODATE>)")


def parse_with_body(raw: str, body: str) -> ReferenceFields | None:
    """The fields of ``raw`` read with its opening words ``body`` as its one author, a
    body: "Transport for London. 2017. Travel in London." where the text cites
    "(Transport for London 2017)".  By the string alone such a head may as well be a
    title listed first ("The Chicago Manual of Style. 2017."), and the rules read it
    so; the citation decides.  None unless ``raw`` opens with ``body`` and a date."""
    text = _prepare(raw)
    if statute_entry(text) is not None:
        return None  # "Care Act 2014, c. 23.", cited "(Care Act 2014)": a law, no body's
    ids, work = extract_identifiers(text)
    if not work.startswith(body) or _BODY_THEN_DATE.match(work, len(body)) is None:
        return None
    authors = AuthorList((Author(family=body, group=True),), False, len(body))
    fields = _rule_fields(ids, work, authors)
    return _with_model(text, authors.end, fields) if _needs_model(text, fields) else fields


def _rule_fields(ids: Identifiers, work: str, authors: AuthorList) -> ReferenceFields:
    """The rules' fields of ``work`` (the entry without its identifiers) after the
    author list ``authors``, however it was read."""
    draft = Draft()
    body = _read_head(work, authors, draft)
    if draft.title is None:
        comma_style = bool(authors.authors) and body.startswith(",")
        body = _read_title(body, draft, comma_style=comma_style)
    locators = _read_container(body, draft, has_doi=ids.doi is not None)
    read_locators(locators, draft)
    _fallback_year(work, authors.end, draft)
    return _freeze(ids, authors, draft)


# -- the token CRF where the rules are unsure -------------------------------------------


def _needs_model(text: str, fields: ReferenceFields) -> bool:
    """Whether the CRF should read ``text``: always, unless the rules' reading fits the
    APA or the Vancouver journal-article pattern exactly ("Authors (2019). Title.
    Journal, 3(2), 1-6." or "Authors. Title. Journal. 2019;3(2):1-6."), the two styles
    of health writing.  There the CRF changes few readings of the dev strings (3 % of
    the APA ones; it reads the title and journal of 4 of the 169 Vancouver ones
    better, having been trained on them) and would triple the cost of parsing a list
    (docs/benchmarks.md)."""
    if not _crf.available():
        return False
    return not (
        _plain_apa_article(text, fields)
        or _plain_vancouver_article(text, fields)
        or _plain_vancouver_book(text, fields)
        or _plain_mla_book(text, fields)
        or _plain_report(text, fields)
    )


_APA_YEAR = rx(r"\(<YEAR>[a-z]?\)\. ")
_APA_LOCATORS = rx(r",? \d{1,5}(?:\s?\(\d{1,5}\))?, [A-Za-z]?\d+(?:<DASH>[A-Za-z]?\d+)?(?:\.|$)")


# A report's place and publisher after its title, a paper number between them
# ("Spending Review 2020. CP 330. London: HM Treasury."): Harvard as UK bodies write it.
_HARVARD_YEAR = rx(r"\(<YEAR>[a-z]?\)\.? ")
_PLACE_PUBLISHER = rx(
    r"(?:[A-Z]{1,4}\s?\d{1,5}\. )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}: [^.:;()]{2,80}\.?$"
)


def _plain_report(text: str, fields: ReferenceFields) -> bool:
    """ "Body (2019) Title. Place: Publisher." exactly: the rules read it whole, where
    the CRF, taught on few such reports, may take a title with a year in it ("The
    Scottish Health Survey 2018: main report.") for a note."""
    title = fields.title
    if not (fields.authors and fields.year and title) or fields.container or fields.volume:
        return False
    if any(mark in title for mark in ("(", "[", ". ")):
        return False  # a translator, an edition or a medium the CRF keeps out of titles
    year = _HARVARD_YEAR.search(text)
    if year is None or not text.startswith(title, year.end()):
        return False
    at = _after_title(text, title, year.end() + len(title))
    return at is not None and _PLACE_PUBLISHER.match(text, at) is not None


def _plain_apa_article(text: str, fields: ReferenceFields) -> bool:
    """ "Authors (2019). Title. Journal, 3(2), 1-6." exactly, or an online-first
    article with a DOI in place of volume and pages ("... Title? Pain. https://doi...")."""
    title, container = fields.title, fields.container
    if not (fields.authors and fields.year and title and container):
        return False
    if fields.volume is None and fields.doi is None:
        return False
    year = _APA_YEAR.search(text)
    if year is None or not text.startswith(title, year.end()):
        return False
    at = _after_title(text, title, year.end() + len(title))
    if at is None or not text.startswith(container, at):
        return False
    after = at + len(container)
    if fields.volume is None:
        return _APA_ONLINE_FIRST.match(text, after) is not None
    return _APA_LOCATORS.match(text, after) is not None


_PAGE = r"(?:[A-Za-z]{0,3}\d{1,8}[A-Za-z]{0,2}|[ivxlc]{1,7}|[IO][FB]C)"
_TITLE_FIRST = rx(
    r"(?P<title>[^()]{2,300}?(?:\([^()]{1,60}\)[^()]{0,100}?)?)(?P<stop>[.?!]) "
    r"\((?P<year><YEAR>)(?P<suffix>[a-z])?\)\. (?:In )?"
    r"(?P<container>[^()]{2,200}?(?:\([^()]{1,60}\)[^()]{0,60}?)?), "
    r"(?:(?P<volume>\d{1,5}|[IVXLC]{1,8})(?:\((?P<issue>[^()]{1,12})\))?(?:, (?=\w)|\.?$))?"
    rf"(?P<pages>{_PAGE}(?:<DASH>{_PAGE})?)?\.?$"
)
_TRAILING_ID = re.compile(r"\s+(?:https?://\S+|doi:\s?\S+)\s*$", re.IGNORECASE)
# Whether `_TRAILING_ID` can match at all: it is tried at every white space, this once.
_HAS_ID = re.compile(r"://|doi:", re.IGNORECASE)
# What marks the head as people, not a title, whatever the author rules read: a head
# that ends in "et al.", "& Name" or "(Ed.)", or is APA's "Anonymous" ("Smith et al.
# (2019). J Adolesc Health, ...", "Johnson & Johnson. (2020). Annual Report, ..."), not
# "Correction to Smith et al. (2019)" or "Vaccines & autism".
_PEOPLE = re.compile(
    r"(?:\bet al\.?|&\s*[^\W\d_&]*[A-Z][\w'’-]*|\([Ee]ds?\.?\))[.?!]?$|^Anon(?:ymous)?\.?$"
)
# And where the rules read people: an initial (in any script), a surname with
# run-together initials or with given names after a comma ("Smith JA.", "Smith,
# Anna.").  A title may have such letters ("Cover Picture: Eur. J. Lipid Sci.").
_PERSONS = re.compile(
    r"(?<![\w.])[^\W\d_]\."
    r"|^[^\W\d_][\w'’-]+(?:,? [A-Z]{1,3}|, [^\W\d_][\w'’-]+(?: [^\W\d_][\w'’-]+)*)[,.]"
)
_PAGES_ALONE = rx(rf"{_PAGE}<DASH>{_PAGE}|[ivxlc]{{1,7}}")
# A sentence or a quoted title inside, or the date a page was read ("Retrieved May 15,
# 2014, from").
_NOT_A_CONTAINER = re.compile(r"[.?!]\s|[\"“”]|^['‘]|^(?:Retrieved|Accessed|Available)\b")
_SENTENCE_BREAK = re.compile(r"[.?!]\s")


def _apa_title_first_entry(text: str, fields: ReferenceFields) -> ReferenceFields | None:
    """ "Title. (2019). Journal, 3(2), 1-6." exactly: an entry without author, listed by
    its title (APA 9.12: an editorial, a notice, a journal's front matter, an
    encyclopaedia entry).  The CRF loses such titles ("SPLEENS THAT ARE LEFT.") and
    the author rules may take a one-word title for a body ("Announcement.",
    "Erratum."); a body always has a title of its own after the year, so a year
    followed at once by the journal and its locators means the head is the title.
    Where the rules read people or a named body ("Li Wei.", "Centers for Disease
    Control and Prevention.": an entry that lost its title), they stand.  None unless
    the entry is exactly that."""
    if fields.authors and _JOURNAL_ITEM.match(text.lstrip()) is None:
        # Where the rules read authors, only a journal's own item opening the entry
        # can be its title (`_head_is_a_title`): most entries stop here, cheaply.
        return None
    core = text
    if _HAS_ID.search(text):
        for _ in range(2):
            core = _TRAILING_ID.sub("", core)
    m = _TITLE_FIRST.fullmatch(core.strip())
    if m is None or not (m.group("volume") or m.group("pages")):
        return None
    title, container = m.group("title").strip(), m.group("container").strip()
    if _NOT_A_CONTAINER.search(container) or not _one_journal(container):
        return None
    head = core[: m.end("stop")]
    if _PEOPLE.search(head) or (fields.authors and not _head_is_a_title(head, title)):
        return None
    volume = m.group("volume")
    # A year given as the volume, with nothing after it, is a date: "Nursing Times, 2019."
    # Without a locator left, a head names an author as well as a title ("NHS Digital.
    # (2019). Health Survey for England, 2019."): only a journal's own item is a title.
    if volume == m.group("year") and not (m.group("issue") or m.group("pages")):
        if not _JOURNAL_ITEM.fullmatch(title):
            return None
        volume = None
    # A page alone needs its range ("340-361") or lower-case Roman numerals (a book's
    # front matter, "iv", "i-viii"); a bare number could be a volume.
    if not m.group("volume") and not _PAGES_ALONE.fullmatch(m.group("pages")):
        return None
    return dataclasses.replace(
        fields,
        authors=(),
        authors_truncated=False,
        year=m.group("year"),
        year_suffix=m.group("suffix"),
        title=title + m.group("stop") if m.group("stop") in "?!" else title,
        container=container,
        volume=volume,
        issue=m.group("issue"),
        pages=m.group("pages"),
    )


def _one_journal(container: str) -> bool:
    """No title before the journal: a comma outside brackets must part a journal's own
    name ("Journal of the Chemical Society, Perkin Transactions 1"), not a title from
    it ("Streptomycin treatment of pulmonary tuberculosis, British Medical Journal")."""
    head = re.sub(r"\([^()]*\)", "", container).split(", ", 1)
    return len(head) == 1 or looks_like_journal(head[0])


def _head_is_a_title(head: str, title: str) -> bool:
    """Whether a head the author rules read as an author is a title all the same: the
    name of one of a journal's own items ("Editorial Board", "Erratum", "Front Matter",
    which the rules read as Matter, F.), without a mark of people.  A name alone
    ("Plato.", "UNICEF.", "Mayo Clinic.") is an author whose entry lost its title."""
    if _PERSONS.search(head) or _SENTENCE_BREAK.search(title):
        return False
    return _JOURNAL_ITEM.fullmatch(title) is not None


# The items a journal prints under a title and no author, the whole head: "Editorial
# Board", "IFC - Editorial Board", "Author Index", not "BMJ Editorial Team".
_JOURNAL_ITEM = re.compile(
    r"(?:(?:cumulative|subject|author|issue|[io][fb]c)\W+)*"
    r"(?:editorial(?: board| committee| advisory board| masthead)?|index|indexes|contents"
    r"|table of contents|masthead|front matter|back matter|copyright|contributors"
    r"|announcements?|advertisements?|erratum|errata|corrigend(?:um|a)|corrections?"
    r"|retraction|miscellany|forthcoming|book reviews?(?: \d{1,3})?|preface|foreword"
    r"|acknowledge?ments?|cover (?:picture|image)|notices?|in this issue|reviewers"
    r"|obituar(?:y|ies)|calendar|title page|abstracts|issue information)(?: \(.*\))?",
    re.IGNORECASE,
)


_APA_WEB_DATE = rx(r"\((?:<YEAR>[a-z]?(?:, <MONTH>(?: \d{1,2})?)?|n\.d\.)\)\. ")
# The site's name, if any, then the address ending the entry: "... Title. MedlinePlus.
# https://medlineplus.gov/healthysleep.html", "... Title. The Atlantic. Retrieved from
# http://...".
_APA_WEB_TAIL = re.compile(
    r"(?:(?P<site>[A-Z][^.,:;?!()\[\]\d]{0,60})\.\s+)?(?:Retrieved\b[^/]{0,60}?from\s+)?"
    r"https?://\S+\s*$"
)


def _apa_web_page(text: str, fields: ReferenceFields) -> ReferenceFields | None:
    """ "Author. (2020, March 5). Title. Site Name. https://..." exactly, APA's web page
    and the commonest entry of health writing: the rules' fields, with the site's name
    as the container when the address names the site.  The CRF, trained on journal
    strings, reads the site's name as the container too, but often takes a short title
    and the name for one title, or for none ("Healthy sleep. MedlinePlus.")."""
    title = fields.title
    if not (fields.authors and title and fields.url) or fields.container or fields.doi:
        return None
    if fields.volume is not None:
        return None
    date = _APA_WEB_DATE.search(text)
    if date is None or not text.startswith(title, date.end()):
        return None
    at = _after_title(text, title, date.end() + len(title))
    tail = _APA_WEB_TAIL.match(text, at) if at is not None else None
    if tail is None:
        return None
    site = tail.group("site")
    if site is None:
        return fields
    # The site's name is in its address (`_named_in`); otherwise the sentence is more
    # title ("Clinical depression. Overview."), a place or a publisher, and the CRF
    # reads the entry.
    try:
        host = (urlsplit(fields.url).hostname or "").casefold()
    except ValueError:  # "https://www.nhs.uk[1]": no host to read
        return None
    return dataclasses.replace(fields, container=site.strip()) if _named_in(site, host) else None


def _named_in(site: str, host: str) -> bool:
    """Whether a web address's host names the site: its letters run together ("The
    Sun", thesun.co.uk; "MedlinePlus"), or half its words of four letters or more or
    in capitals ("BBC News", bbc.co.uk; "Education Week", edweek.org).  A second
    sentence of the title is neither ("What you can do", cancer.gov), though a topic
    word of it may be ("Cancer Treatment Options"), so one word is not enough."""
    bare = host.replace(".", "").replace("-", "")
    if "".join(re.findall(r"[a-z0-9]+", fold(site))) in bare:
        return True
    words = [
        fold(w)
        for w in re.findall(r"[^\W_]+", site)
        if len(w) >= _SITE_WORD or (len(w) >= 2 and w.isupper())
    ]
    found = sum(w in host for w in words)
    return bool(words) and found > 0 and 2 * found >= len(words)


_SITE_WORD = 4
"""Letters a site's word needs to count in its address, unless written in capitals."""


def _after_title(text: str, title: str, end: int) -> int | None:
    """Where ``text`` goes on after the title that ends at ``end``: past ". ", "? " or
    "! ", or past the space after a question mark the rules keep in the title."""
    if text[end : end + 2] in (". ", "? ", "! "):
        return end + 2
    if title[-1] in "?!" and text[end : end + 1] == " ":
        return end + 1
    return None


def _after_vancouver_title(text: str, title: str, *, medium: bool = False) -> int | None:
    """Where ``text`` goes on after a Vancouver title, which follows the authors'
    ". "; with ``medium``, past a tag after it ("Vitamin D and health [Internet].")."""
    at = text.find(title)
    if at < 2 or text[at - 2 : at] != ". ":
        return None
    end = at + len(title)
    tag = _MEDIUM.match(text, end) if medium else None
    return _after_title(text, title, tag.end() if tag else end)


_APA_ONLINE_FIRST = re.compile(r"\.\s+(?:https?://(?:dx\.)?doi\.org/|doi:\s?)\S+\s*$", re.I)


_VANCOUVER_DATE = rx(
    r"\.? <YEAR>[a-z]?(?: <MONTH>(?:[-–]<MONTH>)?(?: \d{1,2})?)?;\s?(?:\d{1,5}(?:\s?\(\d{1,5}\))?|\(\d{1,5}\))"
    r":\s?[A-Za-z]{0,2}\d+(?:<DASH>[A-Za-z]?\d+)?(?:\.|$)"
)
_VANCOUVER_ONLINE_FIRST = rx(
    r"(?:\.|\s<YEAR>;)\s(?:[Pp]ublished online\b|[Ee]pub ahead\b|[Ii]n press\b|doi:|DOI:"
    r"|https?://(?:dx\.)?doi\.org/|<YEAR>(?: <MONTH>(?: \d{1,2})?)?\.)"
)
_MONTH_ONLY = rx(r"<MONTH>(?:[-–]<MONTH>)?(?: \d{1,2})?")


def _plain_vancouver_article(text: str, fields: ReferenceFields) -> bool:
    """ "Authors. Title. Journal. 2019;3(2):1-6." exactly, or an article online first,
    without volume and pages ("... JAMA. Published online July 15, 2020. doi:...")."""
    title, container = fields.title, fields.container
    if not (fields.authors and title and container):
        return False
    if _MONTH_ONLY.fullmatch(container):
        return False  # "Title. Journal. Jan 2014;38(1)": the journal went into the title
    after_title = _after_vancouver_title(text, title)
    if after_title is None or not text.startswith(container, after_title):
        return False
    after = after_title + len(container)
    if fields.volume is None and fields.issue is None:
        return _VANCOUVER_ONLINE_FIRST.match(text, after) is not None
    return fields.year is not None and _VANCOUVER_DATE.match(text, after) is not None


# "Robbins basic pathology. 10th ed. Philadelphia: Elsevier; 2018." and a report's
# "Geneva: World Health Organization; 2022 [cited ...]" after the title.
_VANCOUVER_BOOK_TAIL = rx(
    r"(?:\d{1,3}(?:st|nd|rd|th) ed\. )?[A-Z][^.:;]{1,60}(?: \([A-Z]{2}\))?: [^;]{1,120}; c?<YEAR>"
    r"[a-z]?(?:\.|\s\[|$)"
)


_MEDIUM = re.compile(r" \[(?:Internet|monograph on the Internet|dissertation|thesis)\]")


def _plain_vancouver_book(text: str, fields: ReferenceFields) -> bool:
    """ "Authors. Title. Place: Publisher; 2018." exactly (no journal)."""
    title = fields.title
    if not (fields.authors and fields.year and title) or fields.container is not None:
        return False
    after = _after_vancouver_title(text, title, medium=True)
    return after is not None and _VANCOUVER_BOOK_TAIL.match(text, after) is not None


# MLA's book after its title: "Basic Books, 1974.", "7th ed., Oxford UP, 2013.".
_MLA_BOOK_TAIL = rx(
    r"(?:\d{1,3}(?:st|nd|rd|th) ed\., )?[A-Z](?:[^.,:;()]|(?<=\b[A-Z])\.\s){1,80}, <YEAR>\.?$"
)


_CONTRIBUTORS = re.compile(r"\b(?:trans|ed|eds)\.|\b(?:translated|edited) by\b", re.IGNORECASE)
# MLA's head: the first author's surname, a comma and a given name written out.
_MLA_HEAD = re.compile(r"[A-Z][\w'’-]+, [A-Z][a-z]+\b")


def _plain_mla_book(text: str, fields: ReferenceFields) -> bool:
    """ "Surname, Given. Title. Publisher, 1974." exactly: a title with commas of its
    own ("Anarchy, State, and Utopia") the CRF cuts short.  Only with MLA's head, or a
    body's name ("World Health Organization."): after initials, "Title. Name, 1988."
    is as often a journal and its year.  A publisher may have initials ("Alfred A.
    Knopf")."""
    title = fields.title
    if not (fields.authors and fields.year and title) or fields.container is not None:
        return False
    sole_body = len(fields.authors) == 1 and fields.authors[0].group
    if (_MLA_HEAD.match(text) is None and not sole_body) or _CONTRIBUTORS.search(title):
        return False
    after = _after_vancouver_title(text, title)
    return after is not None and _MLA_BOOK_TAIL.match(text, after) is not None


# ACS: "Walter, M. G.; ... Solar Water Splitting Cells. Chem. Rev. 2010, 110, 6446.": a
# short title in title case the CRF takes for the start of the journal's name.
_TITLE_THEN_JOURNAL = re.compile(
    r"(?P<title>[A-Z][\w-]*(?:\s+[\w-]+){1,12}?\s+[\w-]*[a-z]{3})\.\s+"
    r"(?P<journal>(?:[A-Z][a-z]{0,6}\.\s+){1,4}[A-Z][a-z]{0,6}\.?)"
)


def _title_before_abbreviated_journal(container: str) -> tuple[str | None, str]:
    """A container that is a title and a journal's abbreviated name, apart; else none
    and the container."""
    m = _TITLE_THEN_JOURNAL.fullmatch(container)
    return (m["title"], m["journal"]) if m is not None else (None, container)


def _with_model(text: str, author_end: int, fields: ReferenceFields) -> ReferenceFields:
    """``fields`` with the title, container and pages the CRF reads (the rules' places
    are among its features, so it overrules them only where the dev data taught it
    to); a volume and issue only where the rules found none.  The authors stay the
    rules': the CRF reads only the tokens after their list."""
    values = {name: getattr(fields, name) for name in _crf.RULE_FIELDS}
    spans, labels = _crf.tag(text, author_end, values)
    if not labels:
        return fields
    seg = _crf.segments(text, spans, labels)
    title = _model_title(text[slice(*seg["title"])]) if "title" in seg else None
    if title is not None and (date := _DATE_LETTERED.match(title)) is not None:
        # "(n.d.-a)" tokenised as the title or its start: the rules read past it.
        title = title[date.end() :].strip() or fields.title
    if (
        title is not None
        and fields.title
        and title != fields.title
        and title.endswith(fields.title)
    ):
        head = title[: -len(fields.title)]
        if ")" in head and "(" not in head:
            # "(in corso di stampa). Fatica ...": the tail of a date the rules read,
            # before their title, is no part of it.
            title = fields.title
    container = None
    if "container" in seg:
        c = text[slice(*seg["container"])]
        chapter = _CHAPTER.match(c)
        container = _clean_field(_unbracketed(c[chapter.end() :] if chapter else c))
        if container is not None and fields.container is not None:
            # The same container as the rules read, but for a leading "In": theirs stays.
            ruled = _CHAPTER.match(fields.container)
            if fields.container[ruled.end() if ruled else 0 :] == container:
                container = fields.container
    if (
        title is None
        and container is not None
        and text[: seg["container"][0]].rstrip().endswith(".")
    ):
        # After the authors' full stop, not a physics list's comma ("T. D. Lee, High
        # Energy Phys. Nucl. Phys. 30, 591"), whose entries have no title.
        title, container = _title_before_abbreviated_journal(container)
    pages = fields.pages
    if "pages" in seg:
        page = _MODEL_PAGES.search(text, *seg["pages"])
        # The model sometimes tags the year as pages ("...; 2021. p. 610-2."); the
        # rules' pages then stand.
        if page is not None and not (fields.pages and page.group(0) == fields.year):
            pages = page.group(0)
    volume, issue = fields.volume, fields.issue
    if volume is None and "vol" in seg:
        volume, issue = _model_volume(text, *seg["vol"], issue)
    read = (title, container, pages, volume, issue)
    if read == (fields.title, fields.container, fields.pages, fields.volume, fields.issue):
        return fields  # the CRF agrees with the rules (often): no copy to build
    return dataclasses.replace(
        fields, title=title, container=container, pages=pages, volume=volume, issue=issue
    )


_DATE_LETTERED = rx(r"\(?(?:<NODATE>|<INPRESS>)(?:-?[a-z])?(?:\)\.?|$)")
_MODEL_PAGES = rx(r"(?:(?<![\w.'’])|(?<=\bp\.)|(?<=\bpp\.))<PAGE>(?:<DASH><PAGE>)?(?![\w])")
_MODEL_VOLUME = rx(
    r"(\d+)(?:\s*\(\s*([^()]{1,20}?)\s*\)|[,.\s]+(?:no|No|nr|Nr|issue|Heft|H)\.?\s*(\d+))?"
)
# Numbers the CRF takes for a volume that are none: the day of a date ("May 28, 2013"),
# a conference's year ("IJCAI-87", "ESS '93"), a count of volumes ("2 vols.").
_JOINED_NUMBER = re.compile(r"^\(?(?!(?:[Vv]ol|[Nn]o|[Nn]r)-)[^\W\d_]+[-'’]\d|^['’]\d")
_VOLUME_COUNT = re.compile(r"\d+\s*vols?\b", re.IGNORECASE)
_ISSUE_FIRST = rx(
    r"^\(?\s*(?:[Nn]o|[Nn]r|[Nn][°º]|№|[Ii]ssue|[Nn]umber|Heft)\.?\s*(\d+[A-Za-z]?)\)?$"
)


def _model_volume(
    text: str, start: int, end: int, issue: str | None
) -> tuple[str | None, str | None]:
    """The volume and issue in the CRF's ``vol`` span ``text[start:end]``, or none."""
    segment = text[start:end].strip(" ,;:.")
    if (
        MONTH_BEFORE.search(text, 0, start)
        or _JOINED_NUMBER.match(segment)
        or _VOLUME_COUNT.match(text[start:].lstrip(" ,;:.("))
    ):
        return None, issue
    only_issue = _ISSUE_FIRST.match(segment)
    if only_issue is not None:  # "n° 157": a number of an issue, with no volume
        return None, issue or only_issue.group(1)
    m = _MODEL_VOLUME.search(segment)
    if m is None:
        return None, issue
    return m.group(1), m.group(2) or m.group(3) or issue


_APOSTROPHES = ("'", "’")
_CLOSING_QUOTES = "\"”»’'"


def _model_title(value: str) -> str | None:
    """A CRF title without the quotation marks it took on one side only."""
    title = _clean_title(_unbracketed(value))
    if title is None:
        return None
    opening = title[0] in _OPENING_QUOTES
    closing = title[-1] in _CLOSING_QUOTES
    if opening != closing:
        title = title[1:] if opening else title[:-1]
        return _clean_title(title)
    return title


def _unbracketed(value: str) -> str:
    """Without a bracket at either end that closes or opens nothing inside."""
    value = value.strip()
    while value and value[-1] in "([":
        value = value[:-1].rstrip()
    while value and value[0] in ")]":
        value = value[1:].lstrip()
    if value.endswith(")") and value.count("(") < value.count(")"):
        value = value[:-1].rstrip()
    if value.startswith("(") and value.count("(") > value.count(")"):
        value = value[1:].lstrip()
    return value


def _prepare(raw: str) -> str:
    """The first `MAX_CHARS` characters, with entities, markup and spacing tidied.

    An entry that opens with a long list of names (a comma at least every 25
    characters) is read up to `MAX_NAME_LIST_CHARS`.
    """
    text = _cut(raw)
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _MARKUP.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    text = " ".join(text.split())
    if _LOOSE_PUNCTUATION.search(text):
        text = _SPACE_BEFORE.sub(r"\1 ", text)  # "Phys .Rev .D" -> "Phys. Rev. D"
        text = _SPACE_AFTER.sub("", _SPACE_BEFORE_END.sub("", text))
    marker = _LEADING_MARKER.match(text)
    return text[marker.end() :] if marker else text


MAX_NAME_LIST_CHARS = 20_000
"""An entry that opens with a long author list (a consortium paper's 195 names) is
read up to this many characters, so its year and title are not cut off."""
_NAME_LIST_HEAD = 600


def _cut(raw: str) -> str:
    if len(raw) <= MAX_CHARS:
        return raw
    head = raw[:_NAME_LIST_HEAD]
    names = head.count(",") * 25 >= len(head) and "<" not in head
    return raw[:MAX_NAME_LIST_CHARS] if names else raw[:MAX_CHARS]


def _freeze(ids: Identifiers, authors: AuthorList, draft: Draft) -> ReferenceFields:
    return ReferenceFields(
        authors=authors.authors,
        authors_truncated=authors.truncated,
        year=draft.year,
        year_suffix=draft.year_suffix,
        title=_clean_title(draft.title),
        container=_clean_field(draft.container),
        volume=_clean_field(draft.volume),
        issue=_clean_field(draft.issue),
        pages=_clean_field(draft.pages),
        doi=ids.doi,
        malformed_doi=ids.malformed_doi,
        pmid=ids.pmid,
        pmcid=ids.pmcid,
        arxiv=ids.arxiv,
        url=ids.url,
    )


# -- 3. the year after the authors -----------------------------------------------------


def _read_head(work: str, authors: AuthorList, draft: Draft) -> str:
    """Read the year after the authors (or, without authors, an APA title and its
    year); return the text that follows."""
    pos = authors.end
    role = _ROLE.match(work, pos) if authors.authors else None
    if role is not None:
        pos = role.end()
    m = _HEAD_YEAR.match(work, pos)
    if m is not None and m.group("y2") and _DATED_LATER.match(work, m.end()) is not None:
        # "Cosentino F, et al. 2019 ESC Guidelines on diabetes ... Eur Heart J.
        # 2020;41(2):255-323.": the year opens the title; Vancouver dates the work later.
        m = None
    if m is not None and (authors.authors or pos == 0):
        _set_head_year(m, draft)
        draft.run_on = bool(m.group("y2")) and work[m.end() : m.end() + 1] == " "
        return work[m.end() :]
    if not authors.authors:
        t = _TITLE_THEN_YEAR.match(work)
        if t is not None and find_locators(t.group(1)) is None:
            draft.title = t.group(1)
            if t.group("y"):
                draft.set_year(t.group("y"), t.group("s"))
            else:
                draft.set_year("n.d." if t.group("nd") else "in press")
            return work[t.end() :]
    return work[pos:]


# ... or by its publisher's date: "Ministry of Ecology and Environment. 2022 Report on
# the State of the Environment. Beijing: MEE; 2023.".
_DATED_LATER = rx(
    r"\s[^\W\d_].*[.?!]\s<YEAR>[a-z]?(?: <MONTH>(?: \d{1,2})?)?;\s?\d"
    r"|\s[^\W\d_].*[.?!]\s[^.]*:\s[^.:;]*\s?;\s?<YEAR>[a-z]?\.?\s*$"
)


def _set_head_year(m: re.Match[str], draft: Draft) -> None:
    if m.group("y4"):
        draft.set_year(m.group("y4"), None)
        return
    for y, s in (("y1", "s1"), ("y2", "s2"), ("y3", "s3")):
        if m.group(y):
            draft.set_year(m.group(y), m.group(s))
            return
    draft.set_year(
        "n.d." if m.group("nd1") or m.group("nd2") else "in press",
        m.group("ns1") or m.group("is1"),
    )


# -- 4. the title ----------------------------------------------------------------------


def _read_title(body: str, draft: Draft, *, comma_style: bool, debris: int = 0) -> str:
    """Set the title from the start of ``body``; return what follows it.

    ``debris`` counts the sentences already skipped as the tail of an author list.
    """
    body = _drop_publication_facts(body.lstrip(" .,;:"), draft)
    if not body:
        return ""
    if body[0] in _OPENING_QUOTES:
        quoted = _quoted(body)
        # "‘The rigours of an arctic experiment’: the precarious ..." quotes only a part.
        if quoted is not None and not quoted[1].lstrip().startswith(":"):
            draft.title, rest = quoted
            draft.quoted = True
            return rest
    if draft.run_on:
        after_title = _read_run_on_title(body, draft)
        if after_title is not None:
            return after_title
    end = sentence_end(body)
    if end is not None and end[1] < len(body):
        first = body[: end[0]]
        tail = _author_tail(first) if debris < 3 else None
        if tail is not None:
            year, letter = tail
            if year is not None:
                draft.set_year(year, letter)
            return _read_title(body[end[1] :], draft, comma_style=False, debris=debris + 1)
        if not comma_style:
            draft.title = first
            return body[end[1] :]
    return _read_comma_title(body, draft)


def _quoted(body: str) -> tuple[str, str] | None:
    """("Title," Journal ...) -> ("Title,", " Journal ...")."""
    closers = _OPENING_QUOTES[body[0]]
    for k in range(1, min(len(body), 600)):
        c = body[k]
        if c not in closers:
            continue
        # An apostrophe inside a word ("Rice's") does not close a single quote.
        if c in "'’" and body[k + 1 : k + 2].isalpha():
            continue
        return body[1:k], body[k + 1 :]
    return None


def _author_tail(text: str) -> tuple[str | None, str | None] | None:
    """(year, letter), each maybe None, when ``text`` is the tail of an author list
    that the author reader did not reach ("..., and S. Walmsley. 1981a"), else None."""
    if "," not in text and "." not in text and " et al" not in text:
        return None
    year = _TAIL_YEAR.search(text, max(0, len(text) - 7))
    if year is not None and (" et al" in text or _INITIAL.search(text)):
        return (year.group(1), year.group(2)) if _lower_words(text) <= 1 else None
    if "," not in text or len(_INITIAL.findall(text)) < 2 or _lower_words(text):
        return None
    return None, None


def _lower_words(text: str) -> int:
    """How many words look like a title's ("formation"), not a name's."""
    return sum(1 for w in text.split() if len(w) >= 4 and w[0].islower() and w.isalpha())


def _read_run_on_title(body: str, draft: Draft) -> str | None:
    """IOP style, where nothing but the case separates title and journal."""
    start = find_locators(body)
    if start is None or sentence_end(body[: start.start()]) is not None:
        return None
    split = _split_run_on(body[: start.start()].strip(STRIP))
    if split is None:
        return None
    draft.title, draft.container = split
    return body[start.start() :]


def _split_run_on(head: str) -> tuple[str | None, str] | None:
    """ "A rational theory Phys. Lett. B" -> ("A rational theory", "Phys. Lett. B").

    The title is in sentence case, so the journal is the run of capitalised words
    at the end, from its first abbreviation ("Mar. Pollut. Bull.", not "Gulf of
    Mexico Mar. Pollut. Bull.").
    """
    words = head.split()
    i = len(words)
    while i > 0 and (words[i - 1][0].isupper() or words[i - 1] in _RUN_ON_JOINERS):
        i -= 1
    while i < len(words) and not words[i][0].isupper():
        i += 1
    run = words[i:]
    if not run or any("(" in w or ")" in w for w in run):
        return None
    dotted = [k for k, w in enumerate(run) if w.endswith(".")]
    if dotted:
        first = dotted[0]
        if first > 0 and len(run[first - 1]) <= 4 and run[first - 1].isalpha():
            first -= 1  # "New J. Phys."
        i += first
    elif len(run) > 4 or i == 0:
        return None
    return (" ".join(words[:i]) or None), " ".join(words[i:])


def _drop_publication_facts(body: str, draft: Draft) -> str:
    """Remove what describes a book's publication, not its title or container."""
    publication = _PUBLICATION_PAREN.search(body) if "(" in body and ":" in body else None
    if publication is not None:
        draft.set_year(publication.group(1))
        body = body[: publication.start()] + body[publication.end() :]
    final = _FINAL_PAREN.search(body) if body.rstrip(" .,;").endswith(")") else None
    if final is not None and final.start() > 0:
        year = ANY_YEAR.search(final.group(1))
        if year is not None or PUBLISHER_WORDS.search(final.group(1)):
            if year is not None:
                draft.set_year(year.group(1), year.group(2))
            body = body[: final.start()]
    count = _PAGE_COUNT.search(body, max(0, len(body) - 16))
    if count is not None and count.start() > 0:
        body = body[: count.start()]
    return body


def _read_comma_title(body: str, draft: Draft) -> str:
    """ "Title, Journal 12, 34 (2010)", or no title at all ("Nano Lett. 10, 1012").

    The title and the container are separated by commas (or there is no title), so
    the container is the last comma-separated segment before the locators, once
    trailing publishers, places and years are dropped.
    """
    start = find_locators(body)
    k = start.start() if start else len(body)
    head = body[:k]
    chapter = _COMMA_CHAPTER.search(head)
    if chapter is not None:
        draft.title = head[: chapter.start()]
        return body[chapter.start() :]
    end = sentence_end(head)
    if end is not None and end[1] < len(head.rstrip(STRIP)) and _ends_title(head, end[0]):
        # "Title, with commas. Journal 12, 34": the period ends the title.
        draft.title = head[: end[0]]
        return body[end[1] :]
    segments = split_commas(head)
    while len(segments) > 1 and is_publication_fact(segments[-1], book=start is None):
        segments.pop()
    if not segments:
        return body[k:]
    if len(segments) == 1:
        if looks_like_journal(segments[0]) and (start is not None or "." in segments[0]):
            draft.container = segments[0]
        else:
            draft.title = segments[0]
        return body[k:]
    title = ", ".join(segments[:-1])
    if looks_like_abbreviated_journal(title):
        draft.container = ", ".join(segments)  # "Nucl. Phys. B, Proc. Suppl."
    elif start is None and not looks_like_journal(segments[-1]):
        draft.title = ", ".join(segments)  # a book: "Title, Subtitle"
    else:
        draft.title = title
        draft.container = segments[-1]
    return body[k:]


def _ends_title(text: str, i: int) -> bool:
    """Whether the period at ``i`` ends a title rather than an unknown abbreviation
    that opens a comma segment ("..., Transform. Groups 10")."""
    segment = text[: i + 1].rpartition(",")[2]
    words = segment.split()
    if segment.rstrip().endswith(("?", "!")) or len(words) >= 2:
        return True
    return bool(words) and words[0][:1].islower()


# -- 5. the container ------------------------------------------------------------------


def _read_container(rest: str, draft: Draft, *, has_doi: bool) -> str:
    """Set the container from the start of ``rest``; return the locator text after it."""
    rest = rest.lstrip(" .,;:")
    if not rest:
        return ""
    chapter = _CHAPTER.match(rest)
    if chapter is not None:
        rest = _skip_editors(rest[chapter.end() :])
    start = find_locators(rest, dates=True)
    cut = start.start() if start else len(rest)
    if start and rest[cut : cut + 1].isupper() and rest[cut + 1 : cut + 2].isdigit():
        cut += 1  # "Phys. Lett. B660": the series letter belongs to the journal
    if rest[cut - 1 : cut] in _APOSTROPHES:  # "ESS '93": a meeting's year, no volume
        cut = len(rest) - len(rest[cut:].lstrip("0123456789"))
    locators = rest[cut:]
    stop = _CONTAINER_STOP.search(rest, 0, cut + 12)
    if stop is not None and stop.start() < cut:
        cut = stop.start()
    candidate = rest[:cut]
    if chapter is None and draft.container is None:
        candidate = _take_title_tail(candidate, draft)
    if start is None or chapter is not None:
        candidate = _first_segment(candidate)
    candidate = _CONTAINER_EDITOR.sub("", candidate.lstrip())
    # An article in press or online first ("Pain. doi:...") has a journal but no
    # volume or pages yet.
    has_locator = start is not None or draft.year == "in press" or has_doi
    is_container = _is_container(
        candidate, has_locator=has_locator, chapter=chapter is not None, quoted=draft.quoted
    )
    if draft.container is None and is_container:
        draft.container = candidate
    return locators


def _first_segment(candidate: str) -> str:
    """A book's or proceedings' title, without the place and date that follow it."""
    end = sentence_end(candidate)
    if end is not None:
        candidate = candidate[: end[0]]
    segments = split_commas(candidate)
    while len(segments) > 1 and is_publication_fact(segments[-1], book=True):
        segments.pop()
    return ", ".join(segments)


def _take_title_tail(candidate: str, draft: Draft) -> str:
    """Sentences that continue a two-sentence title ("La condition postmoderne. Rapport
    sur le savoir.", "Type 2 diabetes. A systematic review.") go back to the title."""
    for _ in range(2):
        end = sentence_end(candidate)
        if end is None or end[1] >= len(candidate.rstrip(STRIP)) or draft.title is None:
            break
        part = candidate[: end[0]].strip()
        if not _continues_title(part):
            break
        joiner = " " if draft.title.endswith(("?", "!")) else ". "
        draft.title = draft.title.rstrip(". ") + joiner + part
        candidate = candidate[end[1] :]
    return candidate


def _continues_title(part: str) -> bool:
    """Sentence-case text, not a journal, a publisher, a thesis note or editors."""
    words = part.split()
    if len(words) < 2 or words[0] in ("In", "in", "In:", "Edited", "Ed.", "Eds.", "Trans."):
        return False
    if NOT_CONTAINER.search(part) or PLACE_PUBLISHER.match(part) or PUBLISHER_WORDS.search(part):
        return False
    if _PRESENTED.search(part) or ANY_YEAR.search(part):
        return False
    return any(
        len(w) >= 3 and w.isalpha() and w[0].islower() and w not in _TITLE_STOPWORDS for w in words
    )


def _skip_editors(text: str) -> str:
    """ "J. Editor (Ed.), Book" / "Editor A, editors. Book" / "U. Quasthoff, ed., Book"."""
    m = _EDITOR_MARK.search(text, 0, 200)
    if m is None:
        return text
    names = text[: m.start()]
    if parse_authors(names).end >= len(names.rstrip(" ,;")) - 1:
        return text[m.end() :]
    return text


def _is_container(candidate: str, *, has_locator: bool, chapter: bool, quoted: bool) -> bool:
    """A journal or book title, not "City: Publisher" or a bare publisher.

    After "In" the candidate is a book title, whose subtitle may look like a place
    and a publisher ("Global Shadows: Africa in ...").  Without volume or pages,
    what follows an unquoted title is mostly a book's publisher.
    """
    text = candidate.strip(STRIP)
    if not any(c.isalpha() for c in text) or NOT_CONTAINER.search(text):
        return False
    if JOURNAL_WORDS.search(text):
        return True
    if PUBLISHER_WORDS.search(text) or (not chapter and PLACE_PUBLISHER.match(text)):
        return False
    return has_locator or chapter or quoted


# -- 7. the year, when nothing else gave it, and cleaning ------------------------------


def _in_range(text: str, m: re.Match[str]) -> bool:
    return _RANGE_BEFORE.search(text, 0, m.start()) is not None or (
        _RANGE_AFTER.match(text, m.end()) is not None
    )


_RANGE_BEFORE = re.compile(r"\d\s?[-–—]\s?\Z")
_RANGE_AFTER = re.compile(r"\s?[-–—]\s?\d")


def _fallback_year(work: str, start: int, draft: Draft) -> None:
    """A year not found where the style puts it: the first year after the authors
    that is not part of the title ("Collected Works, 1845–1848. ... 1976")."""
    if draft.year is not None:
        return
    tail = work[start:]
    title_at = tail.find(draft.title) if draft.title else -1
    title_end = title_at + len(draft.title or "")
    years = list(ANY_YEAR.finditer(tail))
    outside = [m for m in years if not title_at <= m.start() < title_end]
    # Not a number of a range ("p. 1778-1797, 2011.", "Bd. 3: 1849–1914, München
    # 1995."): pages or the span of years a work covers, when another year is given.
    single = [m for m in outside if not _in_range(tail, m)]
    m = single[0] if single else outside[0] if outside else years[0] if years else None
    if m is not None:
        draft.set_year(m.group(1), m.group(2))
    elif _ANY_IN_PRESS.search(tail):
        draft.set_year("in press")
    elif _ANY_NO_DATE.search(tail):
        draft.set_year("n.d.")


def _clean_field(value: str | None) -> str | None:
    """Without surrounding punctuation or brackets; None when no letter or digit is left."""
    if value is None:
        return None
    cleaned = value.strip(" \t.,;:")
    if cleaned.startswith("(") and cleaned.endswith(")"):
        cleaned = cleaned[1:-1].strip()
    return cleaned if any(c.isalnum() for c in cleaned) else None


def _clean_title(value: str | None) -> str | None:
    """Without quotes, "[Internet]", an edition or a trailing period (but "?" stays)."""
    if value is None:
        return None
    title = _TITLE_TAGS.sub("", value).strip() if "[" in value else value.strip()
    tail = title[-45:].lower()
    if "ed" in tail or "vol" in tail or "aufl" in tail or "bd" in tail:
        title = _EDITION.sub("", title)
    title = title.strip(" \t,;:")
    while title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    if len(title) >= 2 and title[0] in _OPENING_QUOTES and title[-1] in _OPENING_QUOTES[title[0]]:
        title = title[1:-1].strip(" ,.")
    return title if any(c.isalnum() for c in title) else None
