"""Identifiers in a reference string: DOI, PMID, PMCID, arXiv id and URL.

`extract_identifiers` reads them and returns the string with them (and the
phrases that introduce them, "Retrieved from", "[Accessed ...]") cut out, so that
no identifier leaks into the title, the container or the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.doi import DOI_RE, normalize_doi, trim_doi

# A resolver URL or a "doi:" label.  Lower/upper case "doi" may be followed by a
# space or a colon; the capitalised "Doi" is also a Japanese surname ("Doi, T."),
# so it only counts with a colon.
_DOI_INTRO = re.compile(
    r"(?:https?://(?:dx\.|www\.)?doi\.org/"
    r"|(?<![\w/.])doi\.org/"
    r"|(?<![\w/.\-])(?:doi|DOI)(?:\s*:\s*|\s+)"
    r"|(?<![\w/.\-])Doi\s*:\s*)"
)
_RESOLVER_STARTS = (
    "https://dx.",
    "http://dx.",
    "https://www.",
    "http://www.",
    "https://",
    "http://",
)
_NEXT_TOKEN = re.compile(r"\S{1,300}")
_SPACE_THEN_TOKEN = re.compile(r"\s{1,3}(\S{1,300})")
# A DOI's tail split off by a stray space, with a digit in it, and then the entry's
# end or the identifiers and notes that follow a DOI.
_STRAY_TAIL = re.compile(
    r"[ \t]{1,3}((?=[\w().-]*\d)[A-Za-z]{0,6}[\w().-]*?)\.?"
    r"(?=\s*(?:\Z|(?:PMID|PMCID|Epub|https?:|Available|Accessed|Retrieved)\b))"
)
_YEAR_TOKEN = re.compile(r"\(?(?:1[6-9]|20)\d\d\)?")
_URL = re.compile(r"<?(?:https?://|\bwww\.)[^\s<>\"]{1,1000}>?")
_URL_DOI = re.compile(r"/doi/(?:abs/|full/|pdf/|epdf/)?(10\.\d{4,9}/[^\s?#]+)")
_URL_INTRO = re.compile(
    r"(?:\b[Rr]etrieved(?:\s+(?:on\s+)?[^()]{1,40}?,)?\s+from"
    r"|\b(?:[Aa]vailable|[Aa]ccessible)(?:\s+(?:online|at|from|on)){1,2}"
    r"|\b(?:[Aa]vailable|URL|[Oo]nline)"
    r"|\[(?:[Oo]nline|Internet)\])\s*:?\s*$"
)
# "[Accessed 3 May 2020]", "(accessed May 3, 2020)", "[cited 2020 May 3]".
_ACCESSED_BRACKETED = re.compile(
    # "[cited 2022 Mar 14]", French "[cité le 15 février 2024]", "[date inconnue; cité
    # le ...]" (a page without a date; not "[updated 2020; cited ...]", `_cut_updated`),
    # Spanish "[citado 3 mar 2023]", Portuguese "[acessado em ...]", German "[abgerufen
    # am ...]".
    r"[\[(]\s*(?:(?![Uu]pdated|[Rr]evised|[Mm]odified)[^\[\]();]{0,30};\s*)?(?:last\s+)?"
    r"(?:[Aa]ccessed|[Cc]ited|[Cc]ité|[Cc]itado|[Vv]iewed|[Rr]etrieved|[Zz]ugriff|"
    r"[Cc]onsult[ée]|[Aa]bgerufen|[Aa]cessado|[Aa]ccedido)"
    r"[^\[\]()]{0,60}[\])]"
)
_MONTH = r"(?:[A-Z][a-z]{2,8}\.?)"
_ACCESSED_PLAIN = re.compile(
    r"\b(?:[Ll]ast\s+)?(?:[Aa]ccessed|[Rr]etrieved|[Vv]iewed)(?:\s+on)?\s*:?\s*"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4}"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|" + _MONTH + r"\s+\d{4}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})"
)
_PMID = re.compile(r"\b(?:PubMed\s+)?(?:PMID|PubMed(?:\s+ID)?)\s*:?\s*(\d{1,9})\b")
_PMCID = re.compile(r"\b(?:PMCID\s*:?\s*)?PMC\s?(\d{4,9})\b")
_ARXIV_ID = r"(\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z\-]{1,15}(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)"
_ARXIV_LABELLED = re.compile(
    r"\b(?:ar[Xx]iv|ARXIV)(?:\s*:\s*|\s+)(?:e-?print\s*:?\s*)?"
    + _ARXIV_ID
    + r"(?:\s*\[[^\[\]]{1,40}\])?"
)
_ARXIV_OLD_BARE = re.compile(
    r"\b((?:hep-(?:th|ph|ex|lat)|astro-ph|gr-qc|nucl-(?:th|ex)|quant-ph|cond-mat|math-ph|nlin)"
    r"(?:\.[A-Za-z]{2})?/\d{7}(?:v\d+)?)\b"
)
# Copy-paste debris from PubMed Central and ISBN/ISSN numbers: not fields we emit.
_DEBRIS_BRACKETED = re.compile(
    r"\[(?:PubMed|PMC free article|Google Scholar|CrossRef|Crossref|Ref list|Internet|INSPIRE)\]"
)
_ISBN = re.compile(r"\bIS[BS]N(?:-1[03])?\s*:?\s*[\dXx][\dXx\- ]{6,20}[\dXx]")
_EPUB = re.compile(r"\bEpub(?:\s+ahead\s+of\s+print)?\b\.?")
# How old-style arXiv ids end their subject area: "hep-th/", "astro-ph/", "gr-qc/".
_ARXIV_AREA_ENDS = ("th/", "ph/", "ex/", "at/", "qc/", "in/")
_ACCESS_WORDS = (
    "access", "cited", "viewed", "retrieved", "zugriff", "consult", "cité", "citado",
    "abgerufen", "acessado", "accedido",
)  # fmt: skip
# Vancouver's note of a web page's revision after its year: "2019 [updated 2020 Jan 8;
# cited 2022 Mar 14]".  Its date is not the publication's, but it is the only date an
# entry without a year before it has, so that one keeps it.
_UPDATED_BRACKETED = re.compile(r"\[\s*(?:[Uu]pdated|[Rr]evised|[Mm]odified)\b[^\[\]]{0,60}\]")
_YEAR_BEFORE = re.compile(
    r"\b(?:1[6-9]|20)\d\d[a-z]?(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?\s*\Z"
)
_EMPTY_BRACKETS = re.compile(r"[(\[<]\s*[)\]>]")


@dataclass(slots=True)
class Identifiers:
    doi: str | None = None
    malformed_doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    arxiv: str | None = None
    url: str | None = None


def extract_identifiers(text: str) -> tuple[Identifiers, str]:
    """The identifiers in ``text`` and ``text`` without them."""
    ids = Identifiers()
    cuts: list[tuple[int, int]] = []
    low = text.lower()
    # Cheap substring tests first: most references carry one identifier or none.
    if "doi" in low:
        _take_labelled_dois(text, low, ids, cuts)
    if "http" in low or "www." in low:
        _take_urls(text, ids, cuts)
    if "10." in text:
        _take_bare_dois(text, ids, cuts)
    if "pmid" in low or "pubmed" in low:
        pmids = _cut_all(_PMID, text, cuts)
        ids.pmid = pmids[0] if pmids else None
    if "pmc" in low:
        pmcids = _cut_all(_PMCID, text, cuts)
        ids.pmcid = "PMC" + pmcids[0] if pmcids else None
    if "arxiv" in low or any(area in low for area in _ARXIV_AREA_ENDS):
        _take_arxiv(text, ids, cuts)
    if any(word in low for word in _ACCESS_WORDS):
        _cut_all(_ACCESSED_BRACKETED, text, cuts)
        _cut_all(_ACCESSED_PLAIN, text, cuts)
    if "pdated" in low or "evised" in low or "odified" in low:
        _cut_updated(text, cuts)
    if "[" in text:
        _cut_all(_DEBRIS_BRACKETED, text, cuts)
    if "isbn" in low or "issn" in low:
        _cut_all(_ISBN, text, cuts)
    if "epub" in low:
        _cut_all(_EPUB, text, cuts)
    return ids, _cut(text, cuts)


def _overlaps(span: tuple[int, int], cuts: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in cuts)


def _doi_intros(text: str, low: str) -> list[re.Match[str]]:
    """Every "doi:" label and resolver URL, found from the literal "doi" (fast)."""
    intros: list[re.Match[str]] = []
    pos = low.find("doi")
    while pos >= 0:
        back = low[max(0, pos - 12) : pos]
        start = pos - len(next((p for p in _RESOLVER_STARTS if back.endswith(p)), ""))
        intro = _DOI_INTRO.match(text, start)
        if intro is not None:
            intros.append(intro)
        pos = low.find("doi", pos + 3)
    return intros


def _take_labelled_dois(text: str, low: str, ids: Identifiers, cuts: list[tuple[int, int]]) -> None:
    for intro in _doi_intros(text, low):
        if _overlaps(intro.span(), cuts):
            continue
        token = _NEXT_TOKEN.match(text, intro.end())
        is_resolver = "/" in intro.group(0)
        if token is None:
            if is_resolver:
                cuts.append(intro.span())
            continue
        candidate, end = _doi_candidate(text, token)
        doi = normalize_doi(candidate)
        if doi is not None:
            ids.doi = ids.doi or doi
        elif is_resolver or any(c.isdigit() for c in candidate):
            ids.malformed_doi = ids.malformed_doi or trim_doi(candidate)
        else:
            continue  # "DOI" followed by a word: not a DOI at all.
        cuts.append((intro.start(), token.start() + len(trim_doi(text[token.start() : end]))))


def _doi_candidate(text: str, token: re.Match[str]) -> tuple[str, int]:
    """The DOI after a label, as written, and where it ends.

    A DOI broken by a stray space ("10.1000 /abc", "10. 1016/j.x") is one malformed
    DOI, not a DOI and some title words.
    """
    candidate = token.group(0)
    end = token.end()
    if normalize_doi(candidate) is not None:
        rest = _STRAY_TAIL.match(text, end)
        if (
            rest is not None
            and not rest.group(1).isdigit()
            and not _YEAR_TOKEN.fullmatch(rest.group(1))
        ):
            # "doi: 10.1056/NEJM oa1811403" at the entry's end: the DOI's own tail,
            # split off by a space; read alone, the head would look up another DOI.
            # (Digits alone are a PubMed ID more often: "doi: 10.1002/sim.2731 17136746".)
            return text[token.start() : rest.end(1)], rest.end(1)
        return candidate, end
    for _ in range(3):
        follow = _SPACE_THEN_TOKEN.match(text, end)
        if follow is None:
            break
        if not (candidate.endswith(("/", ".")) or follow.group(1).startswith(("/", "."))):
            break
        candidate = text[token.start() : follow.end()]
        end = follow.end()
    return candidate, end


def _take_urls(text: str, ids: Identifiers, cuts: list[tuple[int, int]]) -> None:
    for m in _URL.finditer(text):
        if _overlaps(m.span(), cuts):
            continue
        url = trim_doi(m.group(0).strip("<>"))
        if ids.url is None:
            ids.url = url
        in_url = _URL_DOI.search(url)
        if in_url is not None and ids.doi is None:
            ids.doi = normalize_doi(in_url.group(1))
        start = m.start()
        intro = _URL_INTRO.search(text, max(0, start - 60), start)
        if intro is not None:
            start = intro.start()
        cuts.append((start, m.start() + len(url) + (1 if m.group(0).startswith("<") else 0)))


def _take_bare_dois(text: str, ids: Identifiers, cuts: list[tuple[int, int]]) -> None:
    for m in DOI_RE.finditer(text):
        if _overlaps(m.span(), cuts):
            continue
        doi = normalize_doi(m.group(0))
        if doi is None:
            continue
        if ids.doi is None:
            ids.doi = doi
        cuts.append((m.start(), m.start() + len(trim_doi(m.group(0)))))


def _cut_updated(text: str, cuts: list[tuple[int, int]]) -> None:
    for m in _UPDATED_BRACKETED.finditer(text):
        if _YEAR_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            cuts.append(m.span())


def _cut_all(pattern: re.Pattern[str], text: str, cuts: list[tuple[int, int]]) -> list[str]:
    """Cut every match of ``pattern``; return their first groups (or whole matches)."""
    values: list[str] = []
    for m in pattern.finditer(text):
        cuts.append(m.span())
        values.append(m.group(1) if pattern.groups else m.group(0))
    return values


def _take_arxiv(text: str, ids: Identifiers, cuts: list[tuple[int, int]]) -> None:
    for pattern in (_ARXIV_LABELLED, _ARXIV_OLD_BARE):
        for m in pattern.finditer(text):
            if _overlaps(m.span(), cuts):
                continue
            if ids.arxiv is None:
                ids.arxiv = m.group(1)
            cuts.append(m.span())


def _cut(text: str, cuts: list[tuple[int, int]]) -> str:
    """``text`` without the cut spans, with the punctuation left behind tidied."""
    if not cuts:
        return text
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(cuts):
        if start > pos:
            pieces.append(text[pos:start])
        pos = max(pos, end)
    pieces.append(text[pos:])
    result = ""
    for raw_piece in pieces:
        piece = raw_piece.strip()
        if not piece:
            continue
        if result and piece[0] in ",.;:":
            # Two separators meet where an identifier was cut out: keep one.
            if result[-1] in ",.;:":
                piece = piece[1:].lstrip()
            result += piece
        else:
            result = f"{result} {piece}" if result else piece
    if "(" in result or "[" in result or "<" in result:
        emptied = _EMPTY_BRACKETS.sub("", result)
        if emptied != result:
            # "COVID-19 (arXiv:2003.00122). arXiv." leaves "COVID-19 . arXiv.": the
            # full stop goes back to the title it ends.
            emptied = _SPACE_BEFORE_STOP.sub("", emptied)
        result = " ".join(emptied.split())
    return result.strip(" ,;:")


_SPACE_BEFORE_STOP = re.compile(r"\s+(?=[.,;:](?:\s|$))")
