"""How gold and predicted field values are normalised before they are compared.

Two variants, mirroring GROBID's benchmarks so the numbers are comparable:

* strict: NFKC, surrounding punctuation, quotes and brackets stripped, whitespace
  collapsed, dashes unified; otherwise exact;
* soft: as strict, then case- and accent-folded with every character that is not a
  letter or a digit removed ("ignore case, punctuation and whitespace").

Label conventions of the datasets are undone here, once, for all of them: AnyStyle
folds the issue into the volume ("6(1)", "vol.36, no. 9"), keeps "pp." in pages and
"In" before a book title; dates are reduced to their four-digit year.  Every such
rule is listed in docs/benchmarks-accuracy.md.
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_EDGE = " \t\n.,;:()[]{}\"'“”‘’«»/"
_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]{0,20}(?:\s[^<>]{0,80})?>")


def strict(value: str | None) -> str:
    """Trimmed, NFKC, dashes unified, whitespace collapsed; "" for nothing."""
    if not value:
        return ""
    # AnyStyle's gold keeps inline markup ("<italic>Lepus</italic>"); the parser drops it.
    text = _MARKUP.sub("", unicodedata.normalize("NFKC", value)).translate(_DASHES)
    text = _SPACES.sub(" ", text).strip(_EDGE)
    # A hyphen left by a line break inside a word ("Martin- Facklam") is no space.
    return re.sub(r"(?<=\w)- (?=\w)", "-", text)


def soft(value: str | None) -> str:
    """Letters and digits only, case- and accent-folded."""
    text = unicodedata.normalize("NFKD", strict(value))
    return "".join(c for c in text.casefold() if c.isalnum() and not unicodedata.combining(c))


_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def year_of(value: str | None) -> str:
    """The first four-digit year in a date ("(2009)", "May / Jun 2000"), or ""."""
    m = _YEAR.search(value or "")
    return m.group(1) if m else ""


# AnyStyle's volume element: "61,", "6(1)", "vol.36, no. 9, Supplement.", "Vol. 12, No 3",
# "v. 35,", "Vol- 2(3):", "2000;355(9222):" (a Vancouver date left inside), "33:3:",
# "58, 1", "34.1" (MLA), "n° 157," (an issue alone).
_VOLUME = re.compile(
    r"^\s*(?:(?P<year>(?:1[5-9]|20)\d\d)[a-z]?\s*[;:]\s*)?"
    r"(?:(?:vols?|volume|bd|t|v|tome|jg)\.?[\s-]*)?"
    r"(?P<vol>[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?)"
    r"(?:\s*\(\s*(?P<iss1>[^()]{1,20}?)\s*\)"
    r"|\s*[,.:]?\s*(?:no|nr|issue|iss|n°|n|heft|h)\.?\s*(?P<iss2>\d+[A-Za-z]?(?:\s*[-–/]\s*\d+)?)"
    r"|(?:\.|:|,\s)(?!(?:1[5-9]|20)\d\d\b)(?P<iss3>\d{1,4})(?=\s*[,.:;]?\s*$))?",
    re.IGNORECASE,
)
_ISSUE_ONLY = re.compile(r"^\s*(?:no|nr|issue|iss|n°|n|heft)\.?\s*(\d+[A-Za-z]?)", re.IGNORECASE)
# "2 vols.": how many volumes a work has, not which one is cited.
_VOLUME_COUNT = re.compile(r"^\s*\d+\s+vols?\.?\s*$", re.IGNORECASE)


def split_volume(value: str) -> tuple[str, str, str]:
    """(volume, issue, year) of AnyStyle's folded volume element; any may be ""."""
    if _VOLUME_COUNT.match(value):
        return "", "", ""
    only_issue = _ISSUE_ONLY.match(value)
    if only_issue is not None:
        return "", only_issue.group(1), ""
    m = _VOLUME.match(value)
    if m is None:
        return strict(value), "", ""
    issue = m.group("iss1") or m.group("iss2") or m.group("iss3") or ""
    return m.group("vol"), issue, m.group("year") or ""


_PAGES_PREFIX = re.compile(r"^\s*(?:pp?|pages?|S|s)\.?\s*(?=[A-Za-z]?\d)", re.IGNORECASE)


# "130 p.", "216 pp", "297 pages", "167 с.": a book's page count, labelled after it.
_PAGES_SUFFIX = re.compile(r"(?<=\d)(?:\s*(?:pp?|pages?|с)|\s+S)\.?$", re.IGNORECASE)


def pages_of(value: str) -> str:
    """Pages without "pp." and the like."""
    return _PAGES_SUFFIX.sub("", _PAGES_PREFIX.sub("", strict(value)))


_IN_PREFIX = re.compile(r"^\s*(?:In|IN|in)(?:\s*:\s*|\s+)")


def container_of(value: str) -> str:
    """A book or journal title without the "In:" that AnyStyle and ParsCit keep."""
    return _IN_PREFIX.sub("", value)


_DOI = re.compile(r"10\.\d{4,9}/\S+")


def doi_of(value: str) -> str:
    m = _DOI.search(value)
    return m.group(0).rstrip(".,;").lower() if m else ""


# -- the first author's surname, read from a gold author string ---------------------------

_CONNECT = re.compile(r"\s+(?:and|&|und|et|y)\s+", re.IGNORECASE)
_INITIAL = re.compile(r"^(?:[A-Z]\.|[A-Z][a-z]?\.|[A-Z]{1,3}|[A-Z]\.-?[A-Z]\.)$")
_PARTICLES = frozenset(
    "van von der den de del della di da dos das du le la ter ten zu al el bin ibn".split()
)
_ROLE = re.compile(r"^\s*(?:by|edited by|ed\.|eds\.)\s+", re.IGNORECASE)


# One written-out given name and nothing after it in the first author's segment: the
# name was inverted ("García Márquez, Gabriel"), not given first ("Aditya Khosla,
# Nityananda Jayadevaprakash").
_LONE_GIVEN = re.compile(r"[^\W\d_][\w'’\-]*[.,]?")


def first_surname(author_string: str) -> str:
    """The first author's surname in a gold author string, by a fixed rule that owes
    nothing to citecheck's parser.

    "Bergk, V., Haefeli, W. E." -> "Bergk"; "O. Ambacher, B. Foutz" -> "Ambacher";
    "Smith AB, Jones C" -> "Smith"; "Hans van der Berg and ..." -> "van der Berg";
    "World Health Organization." -> the whole segment.
    """
    text = _ROLE.sub("", strict(author_string))
    if not text:
        return ""
    head = _CONNECT.split(text, maxsplit=1)[0]
    first = head.split(",", 1)[0].strip(_EDGE + "•·")  # a list's bullet ("· Graff, S.")
    words = first.replace(".", ". ").split()
    if not words:
        return ""
    if not any(_INITIAL.match(w) for w in words):
        after = head.split(",", 1)[1].strip() if "," in head else ""
        if after and (
            _INITIAL.match(after.split()[0]) or len(words) == 1 or _LONE_GIVEN.fullmatch(after)
        ):
            # inverted: "Nichols, Bill", "Merlo Pich, E.", "García Márquez, Gabriel"
            return first
        if len(words) == 1:
            return first
        # Given-first without initials: "Hans van der Berg" -> from the first particle.
        for k, w in enumerate(words[1:], 1):
            if w.lower() in _PARTICLES:
                return " ".join(words[k:])
        return words[-1]
    if _INITIAL.match(words[-1]):
        # Vancouver "Smith AB" or inverted "Smith, A." read as one segment.
        surname = [w for w in words if not _INITIAL.match(w)]
        return " ".join(surname)
    # Given-first with initials: "O. Ambacher", "J.-P. de Roever".
    last_initial = max(k for k, w in enumerate(words) if _INITIAL.match(w))
    return " ".join(words[last_initial + 1 :])


_WORD = re.compile(r"[^\W\d_]+")
_NOT_NAME_WORDS = frozenset("and und et al y eds ed editors editor by the others hrsg".split())


def name_words(text: str) -> list[str]:
    """The words of an author string or of a parsed author list, connectors dropped."""
    return [w for w in _WORD.findall(strict(text)) if w.lower() not in _NOT_NAME_WORDS]
