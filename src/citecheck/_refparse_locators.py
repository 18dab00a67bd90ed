"""Volume, issue and pages: where they start, and how to read them.

The locators follow the container in every style, written in many ways:
"62(1), 35–41", "2006;63(8):856-64", "338 (6103): 68–72", "vol. 62, no. 1, 2012,
pp. 35-41", "10, 1012 (2010)", "85 (2012) 034502".  `LOCATOR_START` finds where they
begin; `read_locators` reads them item by item and assigns unlabelled numbers by
position (volume, then first page) and by shape (a four-digit number is a year).
"""

from __future__ import annotations

import re

from citecheck._refparse_text import YEAR_TOKEN, Draft, rx

# Where the locators begin after the container.
LOCATOR_START = rx(
    r"\b(?:[Vv]ol(?:ume)?s?|VOL|Bd|Jg|Tome)\.?[\s-]*\d"  # "vol. 3", "Bd. 12"
    r"|\b[Vv]\.?\s?\d"  # "v. 18", "v 338"
    r"|\b(?:pp|Pp|PP|pages?|pgs?|p)(?:\.\s*|\s+)[A-Za-z]{0,3}\d"  # "pp. 1–6"
    # Vancouver "2006;63", "2006 Aug;63", "2012 31(7)"
    r"|\b<YEAR>[a-z]?(?:\s+<MONTH>(?:\s*\d{1,2})?(?:\s*[-–/]\s*<MONTH>(?:\s*\d{1,2})?)?)?"
    r"\s*(?:;|(?=\s\d{1,4}\s?\())"
    r"|\b<YEAR>[.,]\s?(?=\d{1,4}\s?[(:])"  # "Journal. 2013. 5(6): 1892"
    r"|(?<=\.\s)<YEAR>[a-z]?\.?\s*$"  # "Lancet. 2020." (online ahead of print)
    r"|(?<![\w.])\d{1,4}\.\d{1,4}\s*\("  # MLA "34.1 (2002)"
    # "62(1)", "3, 1-6", "198: 312", "Phys. Lett. B660, 483"
    # (a number joined to a word by a hyphen, "IJCAI-89", is a name's, not a volume)
    r"|(?:(?<![\w.-])|(?<=[^\W\d_]\.))[A-Z]?\d+[A-Za-z]?\s*(?:\(\s*[^()]{1,25}\)"
    r"|[:,]\s*(?:(?:pp?|pages?|[Nn]o|[Ii]ssue)\.?\s*)?[A-Za-z]{0,4}\d)"
    r"|(?<![\w.-])(?!<YEAR>\b)[A-Z]?\d+[A-Za-z]?\s*\.?\s*$"  # a lone volume, not a year
    r"|(?<![\w.])[A-Za-z]{0,2}\d+\s*[-–—]\s*[A-Za-z]{0,2}\d+(?![\w])"  # a page range
    r"|(?<![\w.])\d{1,4}\s[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?(?=\s*[.,;(\[]|\s*$)"  # IOP
    r"|\b(?:[Aa]rticle|[Aa]rt\.)\s*(?:[Nn]o\.?|[Nn]umber|ID)?\s*:?\s*[A-Za-z]?\d"
    r"|\b(?:[Nn]o|[Nn]r)\.\s*\d|\b(?:No|Nr)\s+\d|\b[Nn][°º]\s*\d|№\s*\d"
    r"|[第제]\s*\d"  # Chinese, Japanese, Korean volume and issue marks
)
_DIGIT = re.compile(r"\d")
_DATE = rx(r"<MONTHNAME>|(?<!\d)<YEAR>(?!\d)")


def find_locators(text: str, *, dates: bool = False) -> re.Match[str] | None:
    """Where the locators begin in ``text``, or None.

    Every locator holds a digit no more than 16 characters after its start
    ("Article No. 5"), so the search starts shortly before the first digit: the
    pattern has no literal prefix and is costly to try at every position.
    """
    digit = _DIGIT.search(text)
    if digit is None:
        return None
    start = LOCATOR_START.search(text, max(0, digit.start() - 16))
    if dates and start is not None and _DAY.match(text, start.start()):
        month = MONTH_BEFORE.search(text, 0, start.start())
        if month is not None:  # "Gazette, May 28, 2013": the date, not a volume, follows
            return _MONTH_START.match(text, month.start())
    if dates and start is not None:
        dated = _YEAR_MONTH_BEFORE.search(text, 0, start.start())
        if dated is not None:  # "J Hypertens. 2023 Jan 5.": the day is no volume
            return _YEAR_START.match(text, dated.start())
    return start


_DAY = rx(r"(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:st|nd|rd|th)?,?\s+<YEAR>")
MONTH_BEFORE = rx(r"<MONTHNAME>\s*$")
"""A month's name ending the text searched: a number after it is a day."""
_MONTH_START = rx(r"<MONTHNAME>\s*")
_YEAR_MONTH_BEFORE = rx(r"(?<!\d)<YEAR>\s+<MONTHNAME>\s*$")
_YEAR_START = rx(r"<YEAR>")


# One locator item; tried in this order at the current position.
_ITEM = rx(
    # An issue with no volume (Cochrane's and Clin Orthop's "2010;(1):CD003974").
    r";\s*\((?P<ionly>\d{1,5})\)(?=\s*:)"
    r"|\(\s*(?:[^()\d]{0,20}\s)?(?P<pyear><YEAR>)[a-z]?(?:\s*[,/–-][^()]{0,30})?\s*\)"
    r"|(?P<sep>[\s,;:.&()\[\]]+)"
    # Vancouver's date before the volume ("2019 Feb 4;"), or alone online first
    # ("J Hypertens. 2023 Jan 5. doi:"), where its day is no volume.
    r"|(?P<vyear><YEAR>)[a-z]?(?:\s+<MONTH>(?:\s*\d{1,2})?"
    r"(?:\s*[-–/]\s*<MONTH>(?:\s*\d{1,2})?)?(?=\s*[;.])|(?=\s*;))"
    r"|(?:[Vv]ol(?:ume)?s?|VOL|Bd|Jg|Tome|[Vv]\.|v(?=\s?\d))\s*\.?[\s-]*"
    r"(?P<vol>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?)"
    r"|(?:[Nn]o|[Nn]r|[Nn]um|[Ii]ss|[Ii]ssue|[Nn]umber|Heft|H\.|[Nn][°º]|№|št)\.?\s*"
    r"(?P<iss>\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?)"
    r"|(?:(?:pp|Pp|PP|pages?|pgs?|p|S)(?:\.\s*|\s+)|p(?=\d))"
    r"(?P<pages><PAGE>(?:<DASH><PAGE>)?|[ivxlcdm]{1,8}(?:<DASH>[ivxlcdm]{1,8})?)(?![\w])"
    r"|(?:[Aa]rticle|[Aa]rt\.)\s*(?:[Nn]o\.?|[Nn]umber|ID)?\s*:?\s*(?P<artno>[A-Za-z]?\d+)"
    # ACM's "36, 3 (May 1988), 454-469": the number between volume and date is the issue
    r"|(?!<YEAR>(?!\d))(?P<dated>\d{1,4})(?=\s*\((?:[^()]{0,20}\s)?<YEAR>[^()]{0,12}\)\s*[,:]?\s*"
    r"(?:pp?\.\s*)?<PAGE><DASH><PAGE>)"
    r"|(?P<dotted>(?P<dvol>\d{1,4})\.(?P<diss>\d{1,4}))(?=\s*\()"
    r"|(?P<num>(?P<numvol><PAGE>)\s*\(\s*(?P<numiss>[^()]{1,25}?)\s*\))"
    r"|(?P<range><PAGE><DASH><PAGE>)(?![\w])"
    r"|(?P<bare><PAGE>)(?![\w])"
    r"|(?:Suppl(?:ement)?|Spec|Part|Pt)\.?\s*(?P<suppl>\w{0,6})"
    r"|(?P<month><MONTH>)(?:\s*\d{1,2}(?![\d]))?"
    r"|[第제]\s*(?P<cjkvol>\d+)\s*[권卷]"
    r"|[第제]\s*(?P<cjkiss>\d+)\s*[호期号집輯]"
    r"|[第제]\s*(?P<cjkpages>\d+\s*[-–~]\s*\d+)\s*[页頁쪽]"
)


def read_locators(text: str, draft: Draft) -> None:
    """Read volume, issue, pages (and a year) from the start of ``text``."""
    pos = 0
    last_sep = ""
    while pos < len(text):
        m = _ITEM.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        kind = m.lastgroup
        if kind == "sep":
            last_sep = m.group("sep")
            continue
        if not _take(m, kind, last_sep, draft):
            break
        last_sep = ""


def _take(m: re.Match[str], kind: str | None, sep: str, draft: Draft) -> bool:
    """Assign one locator item; False ends the locators (text that is no locator)."""
    if kind in ("pyear", "vyear"):
        draft.set_year(m.group(kind))
    elif kind in ("vol", "cjkvol"):
        draft.volume = draft.volume or m.group(kind)
    elif kind in ("iss", "suppl", "cjkiss", "ionly"):
        draft.issue = draft.issue or m.group(kind) or None
    elif kind in ("pages", "artno", "range", "cjkpages"):
        draft.pages = draft.pages or m.group(kind)
    elif kind == "dotted":
        _take_volume_issue(m.group("dvol"), m.group("diss"), draft)
    elif kind == "num":
        _take_volume_issue(m.group("numvol"), m.group("numiss"), draft)
    elif kind == "dated" and draft.volume and draft.issue is None and draft.pages is None:
        draft.issue = m.group("dated")
    elif kind in ("bare", "dated"):
        _take_bare_number(m.group(kind), sep, draft)
    elif kind != "month":
        return False
    return True


def _take_volume_issue(volume: str, issue: str, draft: Draft) -> None:
    """ "62(1)", "338 (6103)", and the physics "85 (2012)" or the "8 (Dec. 1995)" where
    the parenthesis is a date."""
    if YEAR_TOKEN.fullmatch(issue.strip()):
        draft.set_year(issue.strip())
    elif _DATE.search(issue):
        year = YEAR_TOKEN.search(issue)
        if year is not None:
            draft.set_year(year.group(0))
    elif draft.issue is None:
        draft.issue = issue
    if draft.volume is None:
        draft.volume = volume
    elif draft.pages is None:
        draft.pages = volume


def _take_bare_number(number: str, sep: str, draft: Draft) -> None:
    """A number with no label: the year, the volume or the first page, by position."""
    looks_like_year = YEAR_TOKEN.fullmatch(number) is not None
    if looks_like_year and number == draft.year:
        return  # the year again, as in "Publisher, 2010." after "(2010)."
    if looks_like_year and draft.year is None and ":" not in sep:
        # "J Neurophysiol 2002, 88:2846" (BMC), "Science. 2012, 338, 68" (ACS),
        # "Penguin, 1998." (books).
        draft.set_year(number)
    elif draft.volume is None and draft.pages is None and not (draft.issue and ":" in sep):
        draft.volume = number
    elif draft.pages is None:
        draft.pages = number
