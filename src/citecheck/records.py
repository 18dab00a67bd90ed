"""Registry records: what Crossref or OpenAlex says a work is, in one normalised shape.

`from_crossref` reads the ``message`` of ``/works/{doi}`` (or one item of a work
list); `from_openalex` reads an OpenAlex work.  Both are pure and tolerant: every
field is optional in the wild (guides/registries.md §2), so a missing or oddly typed
field becomes ``None`` or an empty tuple, never an exception.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from citecheck.doi import normalize_doi
from citecheck.model import Author
from citecheck.names import SURNAME_PARTICLES

SourceName = Literal["crossref", "openalex"]

RETRACTION_KINDS = frozenset({"retraction", "withdrawal", "removal"})
# Titles of notices: "Retraction—Hydroxychloroquine ...", "Notice of Retraction: ...",
# "Correction to ...", "Erratum", "Expression of concern: ..." (but not "RETRACTED: ...",
# the mark publishers put on the retracted paper itself).
_NOTICE_TITLE = re.compile(
    r"\s*(?:retraction|notice of (?:retraction|withdrawal)|withdrawal|removal|correction|"
    r"corrigendum|erratum|errata|expression of concern)\b",
    re.IGNORECASE,
)
"""Update types that mean the work itself is withdrawn from the record."""
CORRECTION_KINDS = frozenset(
    {"correction", "erratum", "expression_of_concern", "partial_retraction", "corrigendum"}
)
"""Update types that qualify, but do not withdraw, the work."""

_TAG = re.compile(r"<[^>]{1,200}>")
_SPACE = re.compile(r"\s+")
# Characters that betray UTF-8 read as Latin-1/cp1252 ("CastaÃ±o").
_MOJIBAKE = re.compile(
    "[ÃÂÅÄÆÐÑâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def notice_title(title: str) -> bool:
    """Whether a title names a notice about another work ("Erratum to: ...", "Correction
    to ...", "Retraction: ...", "Expression of concern: ..."), not a work (not
    "Correction of adolescent scoliosis", nor "RETRACTED: ...", the retracted paper's
    own mark)."""
    return _NOTICE_HEAD.match(title) is not None


# Stricter than `_NOTICE_TITLE`, which `Record.is_notice` uses beside the record's
# update-to relation: the word stands alone ("Erratum"), or is followed by "to", "for",
# "note", "notice", a colon or a dash ("Correction to", "Correction for Smith et al.",
# "Retraction—", "Retraction Note to:", Nature's "Author Correction:").
_NOTICE_HEAD = re.compile(
    r"\s*(?:(?:erratum|errata|corrigendum|corrigenda)\b"
    r"|(?:(?:author|publisher)\s+)?(?:correction|retraction|withdrawal|removal"
    r"|expression of concern|notice of (?:retraction|withdrawal))"
    r"(?:\s*[:\u2014\u2013-]|\s+(?:to|for|note|notice)\b|\s*$))",
    re.IGNORECASE,
)


def clean_text(value: str) -> str:
    """Markup removed, entities decoded, white space collapsed."""
    text = html.unescape(_TAG.sub("", value))
    return _SPACE.sub(" ", text).strip()


def repair_mojibake(value: str) -> str:
    """Undo UTF-8 that was decoded as Latin-1/cp1252 by the depositor.

    Only applied when the telltale byte pairs are present and the round trip decodes
    cleanly, so genuine "Ã" in a name survives.
    """
    if not _MOJIBAKE.search(value):
        return value
    for codec in ("cp1252", "latin-1"):
        try:
            return value.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return value


@dataclass(frozen=True, slots=True)
class Notice:
    """An update linked to a work: a retraction, correction, erratum, ..."""

    kind: str
    """Crossref's update type, lower case: "retraction", "correction", ..."""
    doi: str | None
    source: str | None = None
    """"publisher" or "retraction-watch" (Crossref), "openalex"."""
    date: str | None = None
    """ISO date of the update, when known."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """One registered work, normalised from a registry's JSON."""

    source: SourceName
    doi: str | None
    title: str | None
    subtitle: str | None = None
    authors: tuple[Author, ...] = ()
    year: int | None = None
    """The registry's issued/publication year (the earliest of print and online)."""
    print_year: int | None = None
    online_year: int | None = None
    container: tuple[str, ...] = ()
    short_container: tuple[str, ...] = ()
    event_acronym: str | None = None
    """The acronym of the conference a proceedings paper was given at, as Crossref's
    ``event`` gives it ("SIGIR '17", "SIGMOD/PODS '21"): what authors cite it by, where
    the proceedings' title ("Proceedings of the 40th International ACM SIGIR
    Conference ...") may not say it."""
    issns: tuple[str, ...] = ()
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    article_number: str | None = None
    type: str | None = None
    publisher: str | None = None
    url: str | None = None
    retracted: bool = False
    updates: tuple[Notice, ...] = ()
    """Notices about this work (Crossref ``updated-by``)."""
    updates_to: tuple[Notice, ...] = ()
    """Works this record is itself a notice for (Crossref ``update-to``)."""
    score: float | None = None
    """The registry's own relevance score, for search results only."""
    abstract: str | None = None
    """The abstract as plain text: Crossref's JATS ``abstract`` with its markup removed,
    or OpenAlex's ``abstract_inverted_index`` put back in order; None when neither has one."""

    @property
    def full_title(self) -> str | None:
        if self.title and self.subtitle:
            return f"{self.title}: {self.subtitle}"
        return self.title

    @property
    def years(self) -> tuple[int, ...]:
        """Every year the work can honestly be cited with."""
        found = (self.year, self.print_year, self.online_year)
        return tuple(sorted({y for y in found if y is not None}))

    @property
    def is_notice(self) -> bool:
        """Whether this record is itself a retraction or correction notice.

        Some publishers deposit the relation both ways (the Lancet's 2020 notices carry
        an ``updated-by`` retraction pointing at the paper they retract), so the notice
        would read as retracted; a notice says what it is in ``update-to`` and its title.
        """
        if not any(n.kind in RETRACTION_KINDS | CORRECTION_KINDS for n in self.updates_to):
            return False
        return bool(self.title and _NOTICE_TITLE.match(self.title))

    @property
    def retractions(self) -> tuple[Notice, ...]:
        return tuple(n for n in self.updates if n.kind in RETRACTION_KINDS)

    @property
    def corrections(self) -> tuple[Notice, ...]:
        return tuple(n for n in self.updates if n.kind in CORRECTION_KINDS)

    def summary(self, max_authors: int = 3) -> dict[str, Any]:
        """The short description carried in a finding's ``data``."""
        names = [_display(a) for a in self.authors[:max_authors]]
        return {
            "doi": self.doi,
            "title": self.full_title,
            "authors": names,
            "authors_total": len(self.authors),
            "year": self.year,
            "container": self.container[0] if self.container else None,
        }

    def to_dict(self) -> dict[str, Any]:
        """Every field, JSON-ready (for ``citecheck lookup`` and the JSON report)."""
        return {
            "source": self.source,
            "doi": self.doi,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": [
                {"family": a.family, "given": a.given, "suffix": a.suffix, "group": a.group}
                for a in self.authors
            ],
            "year": self.year,
            "print_year": self.print_year,
            "online_year": self.online_year,
            "container": list(self.container),
            "short_container": list(self.short_container),
            "event_acronym": self.event_acronym,
            "issns": list(self.issns),
            "volume": self.volume,
            "issue": self.issue,
            "pages": self.pages,
            "article_number": self.article_number,
            "type": self.type,
            "publisher": self.publisher,
            "url": self.url,
            "retracted": self.retracted,
            "updates": [_notice_dict(n) for n in self.updates],
            "updates_to": [_notice_dict(n) for n in self.updates_to],
            "score": self.score,
            "abstract": self.abstract,
        }


def _notice_dict(notice: Notice) -> dict[str, Any]:
    return {"kind": notice.kind, "doi": notice.doi, "source": notice.source, "date": notice.date}


def _display(author: Author) -> str:
    if author.group or not author.given:
        return author.family
    return f"{author.family}, {author.given}"


# --------------------------------------------------------------------------- helpers


def _str(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = clean_text(value)
    return text or None


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    out: list[str] = []
    for item in value:
        text = _str(item)
        if text and text not in out:
            out.append(text)
    return tuple(out)


def _first(value: Any) -> str | None:
    items = _strings(value)
    return items[0] if items else None


def _year_of(date: Any) -> int | None:
    """The year of a Crossref date object: ``{"date-parts": [[2012, 1, 5]]}``."""
    if not isinstance(date, Mapping):
        return None
    parts = date.get("date-parts")
    if not isinstance(parts, list) or not parts or not isinstance(parts[0], list):
        return None
    first = parts[0]
    if not first:
        return None
    year = first[0]
    if isinstance(year, str) and year.isdigit():
        year = int(year)
    if isinstance(year, int) and not isinstance(year, bool) and 1000 <= year <= 2999:
        return year
    return None


def _iso_of(date: Any) -> str | None:
    if not isinstance(date, Mapping):
        return None
    stamp = date.get("date-time")
    if isinstance(stamp, str) and len(stamp) >= 10:
        return stamp[:10]
    year = _year_of(date)
    return str(year) if year else None


def _doi(value: Any) -> str | None:
    return normalize_doi(value) if isinstance(value, str) else None


def _notices(value: Any, own_doi: str | None) -> tuple[Notice, ...]:
    if not isinstance(value, list):
        return ()
    seen: set[tuple[str, str | None, str | None]] = set()
    out: list[Notice] = []
    for item in value:
        if not isinstance(item, Mapping):
            continue
        kind = _str(item.get("type"))
        if not kind:
            continue
        kind = kind.lower().replace("-", "_").replace(" ", "_")
        doi = _doi(item.get("DOI"))
        # A `new_version` entry may point at the record itself and says nothing; a
        # retraction or correction made in place (same DOI) still counts.
        if doi is not None and doi == own_doi and kind not in RETRACTION_KINDS | CORRECTION_KINDS:
            continue
        source = _str(item.get("source"))
        key = (kind, doi, source)
        if key in seen:
            continue
        seen.add(key)
        out.append(Notice(kind=kind, doi=doi, source=source, date=_iso_of(item.get("updated"))))
    return tuple(out)


def _crossref_author(item: Mapping[str, Any]) -> Author | None:
    family = _str(item.get("family"))
    given = _str(item.get("given"))
    name = _str(item.get("name"))
    suffix = _str(item.get("suffix"))
    if family:
        return Author(
            family=repair_mojibake(family),
            given=repair_mojibake(given) if given else None,
            suffix=suffix,
        )
    if name:
        return Author(family=repair_mojibake(name), group=True)
    if given:
        # "author_literal": a whole name deposited in `given` only.
        return split_name(repair_mojibake(given))
    return None


def _authors(value: Any, to_author: Any) -> tuple[Author, ...]:
    if not isinstance(value, list):
        return ()
    out = [to_author(item) for item in value if isinstance(item, Mapping)]
    return tuple(a for a in out if a is not None)


_PARTICLES = SURNAME_PARTICLES | {"st"}
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def split_name(name: str) -> Author:
    """Split a display name ("Emilio Merlo Pich", "Carlos A. Zarate Jr") into parts.

    The family name is the last word plus any lower-case particles before it; a
    comma form ("Pich, Emilio Merlo") is split at the comma.  Compound surnames
    without a particle come out as the last word only ("Pich"): `names.surname_keys`
    makes "Merlo Pich" match that.
    """
    name = _SPACE.sub(" ", name).strip()
    if "," in name:
        family, _, given = name.partition(",")
        return Author(family=family.strip(), given=given.strip() or None)
    words = name.split(" ")
    suffix = None
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return Author(family=words[0], suffix=suffix)
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return Author(family=" ".join(words[start:]), given=" ".join(words[:start]), suffix=suffix)


def _page_and_number(message: Mapping[str, Any]) -> tuple[str | None, str | None]:
    page = _str(message.get("page"))
    number = _str(message.get("article-number"))
    return page, number


# --------------------------------------------------------------------------- abstracts

# Crossref deposits abstracts as JATS: block elements become breaks between words, inline
# ones (italic, sub/superscript) vanish without a space ("H<sub>2</sub>O" is "H2O").
_JATS_BLOCK = re.compile(
    r"</?(?:[\w-]+:)?(?:p|sec|title|list|list-item|def-list|def-item|label|caption|"
    r"disp-quote|boxed-text|table-wrap|fig|break|br)\b[^>]{0,200}>",
    re.IGNORECASE,
)
_JATS_GENERIC_TITLE = re.compile(
    r"<(?:[\w-]+:)?title\b[^>]{0,200}>\s*(?:abstract|summary|graphical\s+abstract)\s*[.:]?\s*"
    r"</(?:[\w-]+:)?title>",
    re.IGNORECASE,
)


def crossref_abstract(value: Any) -> str | None:
    """Plain text of a Crossref ``abstract`` (a JATS XML string); None when empty.

    A leading "Abstract" title is dropped; section titles of structured abstracts
    ("Background", "Methods") stay as words of the text.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = _JATS_GENERIC_TITLE.sub(" ", value)
    text = _JATS_BLOCK.sub(" ", text)
    return clean_text(text) or None


def openalex_abstract(index: Any) -> str | None:
    """The text of an OpenAlex ``abstract_inverted_index`` (``{word: [positions]}``).

    Every word is put at each of its positions; positions nobody fills are skipped.
    Malformed entries are ignored rather than trusted.
    """
    if not isinstance(index, Mapping) or not index:
        return None
    placed: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(word, str) or not isinstance(positions, list):
            continue
        for position in positions:
            if isinstance(position, int) and not isinstance(position, bool) and position >= 0:
                placed[position] = word
    if not placed:
        return None
    text = " ".join(placed[k] for k in sorted(placed))
    return clean_text(text) or None


# --------------------------------------------------------------------------- Crossref


def from_crossref(message: Mapping[str, Any]) -> Record:
    """A `Record` from a Crossref work object (the ``message`` of ``/works/{doi}``)."""
    doi = _doi(message.get("DOI"))
    updates = _notices(message.get("updated-by"), doi)
    updates_to = _notices(message.get("update-to"), doi)
    page, number = _page_and_number(message)
    issns = _strings(message.get("ISSN")) + tuple(
        v
        for t in message.get("issn-type") or []
        if isinstance(t, Mapping) and (v := _str(t.get("value")))
    )
    resource = message.get("resource")
    url = _str(message.get("URL"))
    if isinstance(resource, Mapping) and isinstance(resource.get("primary"), Mapping):
        url = _str(resource["primary"].get("URL")) or url
    score = message.get("score")
    event = message.get("event")
    return Record(
        source="crossref",
        doi=doi,
        title=_first(message.get("title")),
        subtitle=_first(message.get("subtitle")),
        authors=_authors(message.get("author"), _crossref_author),
        year=_year_of(message.get("issued")) or _year_of(message.get("published")),
        print_year=_year_of(message.get("published-print")),
        online_year=_year_of(message.get("published-online")) or _year_of(message.get("posted")),
        container=_strings(message.get("container-title")),
        short_container=_strings(message.get("short-container-title")),
        event_acronym=_str(event.get("acronym")) if isinstance(event, Mapping) else None,
        issns=tuple(dict.fromkeys(i.upper() for i in issns)),
        volume=_str(message.get("volume")),
        issue=_str(message.get("issue")),
        pages=page,
        article_number=number,
        type=_str(message.get("type")),
        publisher=_str(message.get("publisher")),
        url=url,
        retracted=any(n.kind in RETRACTION_KINDS for n in updates),
        updates=updates,
        updates_to=updates_to,
        score=float(score) if isinstance(score, (int, float)) else None,
        abstract=crossref_abstract(message.get("abstract")),
    )


# --------------------------------------------------------------------------- OpenAlex


def _openalex_author(item: Mapping[str, Any]) -> Author | None:
    author = item.get("author")
    name = None
    if isinstance(author, Mapping):
        name = _str(author.get("display_name"))
    name = name or _str(item.get("raw_author_name"))
    return split_name(name) if name else None


def _openalex_doi(value: Any) -> str | None:
    return _doi(value) if isinstance(value, str) else None


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def from_openalex(work: Mapping[str, Any]) -> Record:
    """A `Record` from an OpenAlex work object."""
    location = _mapping(work.get("primary_location"))
    source = _mapping(location.get("source"))
    biblio = _mapping(work.get("biblio"))
    first = _str(biblio.get("first_page"))
    last = _str(biblio.get("last_page"))
    pages = None
    number = None
    if first and last and first != last:
        pages = f"{first}-{last}"
    elif first:
        # OpenAlex writes e-locators as first_page == last_page ("e01567").
        pages = first
        if not first.isdigit():
            number = first
    year = work.get("publication_year")
    issns = _strings(source.get("issn")) + _strings(source.get("issn_l"))
    retracted = work.get("is_retracted") is True
    doi = _openalex_doi(work.get("doi"))
    relevance = work.get("relevance_score")
    container = _strings(source.get("display_name")) or _strings(location.get("raw_source_name"))
    if source.get("type") == "ebook platform":
        # "Springer eBooks", "Oxford University Press eBooks": a publisher's shelf, not
        # the book a chapter is in, so no container to compare a reference's with.
        container = _strings(location.get("raw_source_name"))
    return Record(
        source="openalex",
        doi=doi,
        title=_str(work.get("title")) or _str(work.get("display_name")),
        authors=_authors(work.get("authorships"), _openalex_author),
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        container=container,
        issns=tuple(dict.fromkeys(i.upper() for i in issns)),
        volume=_str(biblio.get("volume")),
        issue=_str(biblio.get("issue")),
        pages=pages,
        article_number=number,
        type=_str(work.get("type")),
        publisher=_str(source.get("host_organization_name")),
        url=_str(location.get("landing_page_url")) or _str(work.get("id")),
        retracted=retracted,
        updates=(Notice(kind="retraction", doi=None, source="openalex"),) if retracted else (),
        score=float(relevance) if isinstance(relevance, (int, float)) else None,
        abstract=openalex_abstract(work.get("abstract_inverted_index")),
    )


def merge_status(primary: Record, extra: Iterable[Record]) -> Record:
    """``primary`` with the retraction notices other registries know about added, and
    the abstract another registry holds for the same DOI when ``primary`` has none.

    Crossref's ``updated-by`` and OpenAlex's ``is_retracted`` do not always agree;
    a retraction known to either one is reported. Many publishers deposit no abstract
    with Crossref while OpenAlex has one; quotations are checked against it.
    """
    extra = list(extra)
    updates = list(primary.updates)
    for other in extra:
        for notice in other.updates:
            if notice not in updates and not (
                notice.doi is None and any(u.kind == notice.kind for u in updates)
            ):
                updates.append(notice)
    abstract = primary.abstract
    if abstract is None and primary.doi is not None:
        abstract = next((o.abstract for o in extra if o.abstract and o.doi == primary.doi), None)
    if len(updates) == len(primary.updates) and abstract == primary.abstract:
        return primary
    return replace(
        primary,
        updates=tuple(updates),
        retracted=any(n.kind in RETRACTION_KINDS for n in updates),
        abstract=abstract,
    )
