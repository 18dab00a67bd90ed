"""Linking in-text citations to reference-list entries.

Author-year citations are matched on the first author's surname key and the year,
exactly first; ties are broken by author count, the second author and the year's
letter.  When nothing matches exactly, two near misses are recognised because they
are the everyday errors: the same author with another year (seed 003's "Duman et
al., 2021" for a 2012 paper) and the same year with a surname a letter or two off
("Colo" for "Collo").  Numeric citations are matched on the entry number.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from rapidfuzz.fuzz import ratio, token_sort_ratio

from citecheck.acronyms import COUNTRY_PREFIX, body_abbreviations, body_initials, in_capitals
from citecheck.authorpage import title_fits, words_of_title
from citecheck.model import Author, Citation, Reference
from citecheck.names import PARTICLES, fold, surname_key, surname_keys, written_key
from citecheck.statutes import law_title

LinkStatus = Literal[
    "linked",
    "year-mismatch",
    "author-mismatch",
    "ambiguous",
    "unmatched",
    "out-of-range",
    "unnumbered-list",
]
"""``out-of-range``: a number past the list's last entry; ``unnumbered-list``: a number
within the list's length, but the entries carry no numbers and are not read by position."""


@dataclass(frozen=True)
class MatchSettings:
    """Thresholds of the linker; documented in the README ("Matching thresholds")."""

    author_similarity: float = 80.0
    """rapidfuzz ``ratio`` (0-100) of folded surnames above which a surname that
    matches no reference counts as a misspelling of one with the same year."""
    et_al_min_authors: int = 3
    """APA 7: works with this many authors or more are cited as "First et al."."""
    duplicate_title_similarity: float = 90.0
    """rapidfuzz ``token_sort_ratio`` of folded titles above which two entries with the
    same first author and year are the same work."""


@dataclass(frozen=True)
class Link:
    """What the linker concluded about one citation."""

    citation: Citation
    status: LinkStatus
    references: tuple[Reference, ...] = ()
    """The linked reference (one), or the candidates of an ambiguous citation."""
    score: float | None = None
    """Surname similarity for an author mismatch."""
    alternatives: tuple[Reference, ...] = ()
    """Other near references worth naming in a message."""
    last_number: int | None = None
    """For a number past the end: the number of the list's last entry (its length,
    for a list without numbers)."""
    repeated_year: int | None = None
    """For a citation read as another work of a listed, cited author: in how many
    places (brackets) its year is given (`_prefer_uncited_near_misses`)."""
    repeated_authors: int | None = None
    """For a citation read as another work because it names a second author its entry
    lacks while other citations name that entry as listed: in how many places
    (brackets) its author list is given (`_prefer_uncited_near_misses`)."""
    passed_over: Reference | None = None
    """For a citation read as a mistyped entry its author list fits: the entry of that
    surname and year it does not fit, which other citations name as listed
    (`_uncited_better_fit`), or nearer in spelling (``passed_over_nearer``)."""
    passed_over_nearer: bool = False
    """The passed-over entry's surname is nearer the cited one, but other citations
    name it exactly and the entry read instead is cited nowhere."""
    unlisted_second: bool = False
    """For a citation without entry: its one alternative is the first author's own
    work, named as listed elsewhere, whose entry names no such second author
    (`_second_name_unlisted`)."""
    equally_near: tuple[Reference, ...] = ()
    """For an unmatched citation: the author's entries after the closest whose years
    are one slip off the cited one as much as its year is ("2009" with 2008 and 2010
    listed)."""
    order_swapped: bool = False
    """For an author mismatch: the citation names the entry's authors, all of them,
    in another order ("Tversky & Kahneman, 1979" for "Kahneman, D., & Tversky, A.
    (1979)"), `_swapped_order`."""

    @property
    def reference(self) -> Reference | None:
        if self.status in ("linked", "year-mismatch", "author-mismatch") and self.references:
            return self.references[0]
        return None


class _Index:
    """References indexed by every key their first author may be cited under."""

    def __init__(self, references: Sequence[Reference], *, capitals: bool = False) -> None:
        """``capitals``: index bodies under the abbreviations only a citation written
        in capitals may use too (`acronyms.body_abbreviations`)."""
        self.references = references
        self.capitals = capitals
        self.by_key: dict[str, list[Reference]] = defaultdict(list)
        self.by_year: dict[str | None, list[Reference]] = defaultdict(list)
        self.by_number: dict[int, Reference] = {}
        self.by_label: dict[str, Reference] = {}
        # Flat (key, reference) lists for rapidfuzz's C-speed one-to-many scoring.
        self.keys: list[str] = []
        self.key_refs: list[Reference] = []
        self.by_whole_name: dict[str, list[Reference]] = defaultdict(list)
        self.by_bare_name: dict[str, list[Reference]] = defaultdict(list)
        for ref in references:
            self.by_year[ref.year].append(ref)
            for name in _whole_names(ref):
                self.by_whole_name[name].append(ref)
            for key in sorted(_bare_name_keys(ref)):
                self.by_bare_name[key].append(ref)
            for key in sorted(first_author_keys(ref, capitals=capitals)):
                self.by_key[key].append(ref)
                self.keys.append(key)
                self.key_refs.append(ref)


def _whole_names(ref: Reference) -> list[str]:
    """A sole author's whole name both ways round, when a body may have been taken for
    a person: "Age UK. (2019)." reads as Age with initials UK, "Versus Arthritis." as a
    given name and a surname."""
    return [_spaced(form) for form in _whole_forms(ref, initials=True)]


def _whole_forms(ref: Reference, *, initials: bool) -> tuple[str, ...]:
    """A sole author's whole name, surname first and given name first, as listed.
    ``initials=False`` leaves out a given name that may be initials ("Toit DJ", "Dyke
    VA"): "DJ Toit" is no name a near miss should be measured against."""
    if len(ref.authors) != 1:
        return ()
    first = ref.authors[0]
    given = first.given
    if first.group or not given or "." in given:
        return ()
    if not initials and given.isupper() and len(given) <= _INITIALS:
        return ()
    return (f"{first.family} {given}", f"{given} {first.family}")


_INITIALS = 3
"""Letters of a capitalised given name that may be a person's initials ("DJ", "ABC")."""


def _several_words(name: str) -> bool:
    """A cited name of two words or more ("Age UK", "Royal Society")."""
    return len(name.split()) > 1


def _bare_name_keys(ref: Reference) -> frozenset[str]:
    """A body's keys without the country its name opens with: "U.S. Food and Drug
    Administration" is cited as "(Food and Drug Administration, 2019)" as often as
    with it."""
    first = ref.authors[0] if ref.authors else None
    country = COUNTRY_PREFIX.match(first.family) if first and first.group else None
    return surname_keys(first.family[country.end() :]) if first and country else frozenset()


def _spaced(name: str) -> str:
    return " ".join(fold(name).split())


def first_author_keys(ref: Reference, *, capitals: bool = False) -> frozenset[str]:
    """Keys the first author of ``ref`` may be cited under (surname forms, acronyms);
    with ``capitals``, a body's abbreviations that only a citation in capitals may use
    ("NICE", not the surname "Nice")."""
    if not ref.authors:
        # A law is cited by its short title as a body by its name: "(Equality Act 2010)".
        law = law_title(ref.title) if ref.title is not None else None
        return frozenset({surname_key(law)}) if law is not None else frozenset()
    first = ref.authors[0]
    keys = set(surname_keys(first.family))
    particles = _trailing_particles(first.given)
    if particles:
        # Chicago sorts "Hanneke van der Berg" as "Berg, Hanneke van der".
        keys.update(surname_keys(f"{particles} {first.family}"))
    if not first.group:
        keys.update(_first_surname(first.family))
    if first.group:
        lead = _LEADING_ARTICLE.match(first.family)
        if lead is not None:
            # "The Editors of The Lancet" is cited as "Editors of The Lancet" too: a
            # capitalised "The" is no part of a name for the citation finder.
            keys.update(surname_keys(first.family[lead.end() :]))
        keys.update(body_initials(first.family))
        if capitals:
            keys.update(body_abbreviations(first.family))
        declared = _declared_abbreviation(first.family, ref.raw)
        if declared is not None:
            keys.add(surname_key(declared))
        keys.update(_inner_abbreviation_keys(first.family))
        bare = _LEGAL_FORM.sub("", first.family)
        if bare != first.family and bare:
            # "Apple Inc." is cited as "(Apple, 2021)", "... (GIZ) GmbH" as "(GIZ, 2020)".
            keys.update(surname_keys(bare))
            keys.update(_inner_abbreviation_keys(bare))
    return frozenset(keys)


_LEGAL_FORM = re.compile(
    r",?\s+(?:Inc|Ltd|LLC|L\.L\.C|Corp|Co|GmbH|gGmbH|AG|SE|plc|PLC|p\.l\.c|S\.?A|S\.?p\.?A"
    r"|N\.?V|B\.?V|A/S|AB|Oy|KK|Pty\.? Ltd|Limited|Corporation|Incorporated)\.?$"
)
"""A company's legal form after its name, which citations leave out."""


def _first_surname(family: str) -> frozenset[str]:
    """A compound surname's first part: Spanish "García López" and "Ortega y Gasset" go
    by the first surname ("García, 2018"), as "Merlo Pich" goes by its last
    (`names.surname_keys`).  A hyphenated one cited so is linked, and reported
    (`_half_of_a_double_barrel`)."""
    core = [w for w in fold(family).replace("-", " ").split() if w not in PARTICLES]
    return frozenset({surname_key(core[0])}) if len(core) > 1 else frozenset()


_INNER_ABBREVIATION = re.compile(r"(.+?)\s*[(\[]([A-Z][A-Za-z&-]{0,10}[A-Za-z&])[)\]]\s*(.*)")


@lru_cache(maxsize=4096)
def _inner_abbreviation_keys(family: str) -> frozenset[str]:
    """A body whose name declares its abbreviation inside it, "UK Prospective Diabetes
    Study (UKPDS) Group", is cited as "UKPDS", "UKPDS Group" or "UK Prospective
    Diabetes Study Group"; "Kidney Disease: Improving Global Outcomes (KDIGO) CKD Work
    Group" as "KDIGO" too.  Not a country, as PubMed writes it ("Institute of Medicine
    (US) Committee ...", whose name without it is the key)."""
    found = _INNER_ABBREVIATION.fullmatch(family)
    if found is None:
        return frozenset()
    name, abbreviation, rest = found.groups()
    forms = [f"{name} {rest}"]
    if abbreviation not in _COUNTRY_CODES:
        forms += [abbreviation, f"{abbreviation} {rest}"]
    return frozenset(surname_key(form) for form in forms if form.strip())


def _trailing_particles(given: str | None) -> str:
    """The lower-case particles a given name ends with: "van der" of "Hanneke van der"."""
    words = (given or "").split()
    k = len(words)
    while k > 1 and words[k - 1] in PARTICLES:
        k -= 1
    return " ".join(words[k:])


@lru_cache(maxsize=4096)
def _declared_abbreviation(family: str, raw: str) -> str | None:
    """The abbreviation an entry declares right after its body's name, which no
    initials give: "NCD Risk Factor Collaboration (NCD-RisC). (2016).".  Cached, as
    `first_author_keys` runs for every candidate of every citation."""
    at = raw.find(family)
    declared = _DECLARED_AFTER_NAME.match(raw, at + len(family)) if at >= 0 else None
    # "National Clinical Guideline Centre (UK)": a country, as PubMed writes it.
    if declared is None or declared.group(1) in _COUNTRY_CODES:
        return None
    return declared.group(1)


_COUNTRY_CODES = frozenset({"UK", "US", "USA", "NZ", "EU"})
_DECLARED_AFTER_NAME = re.compile(r"\s*[(\[]([A-Z][A-Za-z&-]{0,10}[A-Za-z&])[)\]]")


_LEADING_ARTICLE = re.compile(r"(?:The|Les?|La|Die|Der|Das)\s+(?=\S)")


@dataclass(frozen=True)
class Duplicate:
    """An entry that lists the same work as an earlier one."""

    reference: Reference
    original: Reference
    reason: str


def find_duplicates(references: Sequence[Reference], settings: MatchSettings) -> list[Duplicate]:
    """Entries that repeat an earlier entry: the same DOI, or the same first author,
    year and (nearly) the same title.  Linear: titles are compared only within a
    bucket of entries sharing first author and year."""
    by_doi = _doi_relations(references)
    buckets: dict[tuple[str, str, str], list[Reference]] = defaultdict(list)
    # A copy's original: a DOI's first entry may itself repeat an earlier entry that
    # gives another DOI, and a duplicate names the first listing of its work.
    original: dict[str, Reference] = {}
    out = []
    for ref in references:
        found: Duplicate | None = None
        earlier, same = by_doi.get(ref.id, (None, False))
        if earlier is not None and same:
            first = original.get(earlier.id, earlier)
            found = Duplicate(ref, first, f"same DOI `{ref.doi}`")
        bucket = buckets[_work_key(ref)] if ref.authors and ref.year else []
        for other in bucket if found is None else ():
            score = _same_work(ref, other)
            if score is not None and score >= settings.duplicate_title_similarity:
                reason = f"same first author, year and title (title similarity {score:g}/100)"
                found = Duplicate(ref, other, reason)
                break
            if score is None and _same_locator(ref, other):
                found = Duplicate(ref, other, "same first author, year, volume and first page")
                break
        if found is not None:
            out.append(found)
            original[ref.id] = found.original
        elif ref.authors and ref.year:
            bucket.append(ref)
    return out


_DIFFERENT_TITLES = 60.0
"""Title similarity under which two entries are two works whatever DOI they share.
Well under ``duplicate_title_similarity``: a copy's title may be garbled in parsing,
and only titles that plainly name different works should split a DOI's entries."""


def different_titles(a: Reference, b: Reference) -> bool:
    """Whether both entries have titles, and the titles name different works."""
    if not a.title or not b.title:
        return False
    return _title_similarity(a.title, b.title) < _DIFFERENT_TITLES


def _title_similarity(a: str, b: str) -> float:
    """Word-order-blind similarity; titles whose letters and digits agree are one
    ("multilab preregistered ... ego-depletion" and "multi-lab pre-registered ... ego
    depletion" differ only in hyphens and spaces)."""
    fa, fb = fold(a), fold(b)
    if _NON_ALNUM.sub("", fa) == _NON_ALNUM.sub("", fb):
        return 100.0
    return token_sort_ratio(fa, fb)


_NON_ALNUM = re.compile(r"[\W_]+")


def find_shared_dois(references: Sequence[Reference]) -> list[tuple[Reference, Reference]]:
    """(entry, earlier entry) pairs that give the same DOI to different works: a DOI
    copied onto the wrong entry ("Allmann et al. 2010, Plant Cell Environ" carrying
    the DOI of "Allmann & Baldwin 2010, Science")."""
    by_doi = _doi_relations(references)
    out = []
    for ref in references:
        earlier, same = by_doi.get(ref.id, (None, False))
        if earlier is not None and not same:
            out.append((ref, earlier))
    return out


def _doi_relations(references: Sequence[Reference]) -> dict[str, tuple[Reference, bool]]:
    """For each entry whose DOI an earlier entry gives: that entry, and whether the
    two are one work.

    The entries that share a DOI are sorted into works.  An entry joins the first work
    none of whose entries has a plainly different title, and is a copy of that work's
    first entry; otherwise it starts a work of its own and is paired with the first
    earlier entry whose title differs.  An entry without a title joins the first work,
    but does not speak for it: a later entry is compared with the titled ones too.
    One sorting serves both `find_duplicates` and `find_shared_dois`, so with three
    entries on one DOI they cannot call one entry both a copy and a different work.
    """
    works: dict[str, list[list[Reference]]] = defaultdict(list)
    out: dict[str, tuple[Reference, bool]] = {}
    for ref in references:
        if not ref.doi:
            continue
        known = works[ref.doi]
        joined = next((w for w in known if not any(different_titles(ref, m) for m in w)), None)
        if joined is not None:
            out[ref.id] = (joined[0], True)
            joined.append(ref)
            continue
        if known:
            differing = (m for w in known for m in w if different_titles(ref, m))
            out[ref.id] = (next(differing), False)
        known.append([ref])
    return out


def _work_key(ref: Reference) -> tuple[str, str, str]:
    return (surname_key(ref.authors[0].family), ref.year or "", ref.year_suffix or "")


def _same_work(a: Reference, b: Reference) -> float | None:
    """Title similarity when first author and year agree, else None."""
    if not (a.title and b.title and same_author_year(a, b)):
        return None
    return round(_title_similarity(a.title, b.title), 1)


def same_author_year(a: Reference, b: Reference) -> bool:
    """Two entries the citations cannot tell apart: one first author, year and letter."""
    return bool(
        a.authors
        and b.authors
        and a.year
        and a.year == b.year
        and (a.year_suffix or "") == (b.year_suffix or "")
        and surname_key(a.authors[0].family) == surname_key(b.authors[0].family)
    )


def _same_locator(a: Reference, b: Reference) -> bool:
    """First author, year, volume and first page agree, for entries the parser read
    no title from ("Kuhlemeier C. 2007. Phyllotaxis. Trends in Plant Science
    12:143-150." reads its one-word title into the journal): the place a work is
    printed names it as surely as its title."""
    if (a.title and b.title) or not same_author_year(a, b):
        return False
    if not (a.volume and b.volume and a.pages and b.pages):
        return False
    if fold(a.volume) != fold(b.volume) or _first_page(a.pages) != _first_page(b.pages):
        return False
    # A journal that starts its pages again in every issue prints two columns of one
    # author and year on page 10 of volume 57: issue, journal or DOI tell them apart.
    return not (
        (a.issue and b.issue and fold(a.issue) != fold(b.issue))
        or (a.doi and b.doi and a.doi.casefold() != b.doi.casefold())
        or (
            a.container
            and b.container
            and _title_similarity(a.container, b.container) < _SAME_JOURNAL
        )
    )


_SAME_JOURNAL = 90.0
"""Journal-name similarity above which two entries' journals are one."""


def _first_page(pages: str) -> str:
    return fold(re.split(r"[-\u2010-\u2015]", pages, maxsplit=1)[0]).strip()


_FIT = {"linked": 3, "year-mismatch": 2, "author-mismatch": 2, "ambiguous": 2}
"""How well a link's status says its reading fits the list (unmatched: 0)."""


def link(
    citations: Sequence[Citation],
    references: Sequence[Reference],
    settings: MatchSettings | None = None,
    *,
    positional_numbers: bool = False,
    duplicates: Sequence[Duplicate] | None = None,
) -> list[Link]:
    """One `Link` per citation, in citation order.

    ``positional_numbers``: the list carries no numbers of its own, so ``[3]`` means
    the third entry (HTML ``<ol>`` lists rendered without numbers, for example).

    A work listed twice counts once: a citation of it is not ambiguous between the
    copies, and links to both (the duplicate itself is reported separately).
    """
    settings = settings or MatchSettings()
    if duplicates is None:
        duplicates = find_duplicates(references, settings)
    copies = {d.reference.id for d in duplicates}
    group: dict[str, tuple[Reference, ...]] = {}
    for d in duplicates:
        members = (*group.get(d.original.id, (d.original,)), d.reference)
        for m in members:
            group[m.id] = members
    kept = [r for r in references if r.id not in copies]
    index = _Index(kept)
    index.by_number = {r.number: r for r in reversed(references) if r.number is not None}
    index.by_label = {r.label: r for r in reversed(references) if r.label is not None}
    if positional_numbers:
        index.by_number = {ref.index: ref for ref in references}
    # Citations written in capitals may use a body's further abbreviations, when
    # nothing else names their name and year.
    capitals = (
        _Index(kept, capitals=True)
        if any(c.authors and in_capitals(c.authors[0]) for c in citations)
        else index
    )
    # The last entry of a list without numbers is numbered by its count.
    last = max(index.by_number, default=len(references))
    declared = _declared_abbreviations(citations)
    links = []
    for citation in citations:
        if citation.kind == "numeric":
            lk = _link_numeric(citation, index, last)
        elif citation.by_page:
            lk = _link_author_page(citation, index, settings)
        else:
            lk = _link_named(citation, declared, index, settings)
            named = index
            if (
                lk.status in ("unmatched", "author-mismatch", "ambiguous")
                and citation.authors
                and in_capitals(citation.authors[0])
            ):
                # A name in capitals that names nothing as listed may be a body's
                # further abbreviation, but only an exact name and year says so:
                # "(COPE, 2017)" beside the Committee's 2019 is a work the list lacks.
                # A name nothing else is near may be one misspelt ("UKSHA").  A name
                # as listed with another year stays that: "(COE, 2020)" beside "COE,
                # R. (2019)." is the person's misdated work, not the Council of
                # Europe's (an error either way, which the reader can tell apart).
                further = _link_named(citation, declared, capitals, settings)
                if further.status == "linked" or (
                    lk.status == "unmatched" and further.status == "author-mismatch"
                ):
                    lk, named = further, capitals
                elif lk.status == "unmatched" and (
                    further.status == "year-mismatch" or further.equally_near
                ):
                    # "(NICE, 2019)" beside the Institute's 2018: the entry's year is
                    # wrong if no citation names it, which only the second readings
                    # can tell (`_uncited_year_slips`, one year off only).  They weigh
                    # all the body's entries the abbreviation names: with its 2018 and
                    # 2020 both uncited, neither year is the slip.
                    lk = replace(lk, alternatives=(*further.references, *further.alternatives))
            reprint = citation.original_year
            if reprint is not None and (
                lk.status == "unmatched"
                or (lk.reference is not None and lk.reference.year == reprint)
            ):
                # "(Kuhn [1962] 2012)" for "Kuhn, Thomas S. (1962) 2012.": a reprint
                # listed under its first year.  Not when the later year is a slip off
                # another entry ("1885/1914" with 1913 listed): that is a year error.
                first = replace(citation, year=reprint, original_year=None)
                found = _link_named(first, declared, named, settings)
                if found.status == "linked" or (
                    lk.status == "unmatched"
                    and found.status in ("author-mismatch", "year-mismatch")
                ):
                    # A near miss of the first year's entry, in name or in year, is
                    # the reprint misspelt or misdated ("Kuhn [1962] 2012" with
                    # "Kuhn (1961) 2012" listed).
                    lk = found
            if lk.status != "linked" and citation.other_reading:
                # "In Ontario, Smith and Jones (2019)": with or without the scene's
                # name, whichever reading fits an entry better.
                other = replace(citation, authors=citation.other_reading, other_reading=())
                found = _link_named(other, declared, index, settings)
                if _FIT.get(found.status, 0) > _FIT.get(lk.status, 0):
                    lk = found
                    citation = other
            if lk.citation is not citation:  # read with an abbreviation spelt out
                lk = replace(lk, citation=citation)
            lk = _first_year_checked(lk, index)
            lk = _half_of_a_double_barrel(lk)
            if lk.status == "linked" and len(citation.authors) > 1:
                lk = _bodies_named_together(lk, declared, index, settings)
        if group and lk.references:
            expanded: list[Reference] = []
            for ref in lk.references:
                expanded.extend(r for r in (ref, *group.get(ref.id, ())) if r not in expanded)
            lk = replace(lk, references=tuple(expanded))
        links.append(lk)
    return _prefer_uncited_near_misses(links, index, settings)


def _bodies_named_together(
    lk: Link, declared: dict[str, tuple[str, ...]], index: _Index, settings: MatchSettings
) -> Link:
    """A citation of two bodies, each listed with its own entry of the cited year,
    links both: "the Health Foundation and the King's Fund (2018)" with an entry for
    each.  (A person's co-author is the same work's; a body's name split at its "and"
    names no other entry exactly.)"""
    ref = lk.references[0]
    if not ref.authors or not ref.authors[0].group:
        return lk
    more = []
    for name in lk.citation.authors[1:]:
        alone = replace(lk.citation, authors=(name,), et_al=False, other_reading=())
        found = _link_named(alone, declared, index, settings)
        other = found.reference
        if (
            found.status == "linked"
            and other is not None
            and other not in lk.references
            and other.authors
            and other.authors[0].group
        ):
            more.append(other)
    return replace(lk, references=(*lk.references, *more)) if more else lk


def _half_of_a_double_barrel(lk: Link) -> Link:
    """ "(Jones, 2020)" or "(Smith, 2020)" for "Smith-Jones, P. (2020).": half of a
    hyphenated surname names the entry, but a hyphen makes one name of the two, and
    the citation misspells it: an author mismatch, not a missing entry and an uncited
    one.  A compound written with a space ("García López", "Merlo Pich") is cited by
    either part in good faith, and stays linked."""
    c = lk.citation
    if lk.status != "linked" or len(lk.references) != 1 or not _names_half(c, lk.references[0]):
        return lk
    cited, listed = surname_key(c.authors[0]), surname_key(lk.references[0].authors[0].family)
    return Link(c, "author-mismatch", lk.references, score=round(ratio(cited, listed), 1))


def _names_half(citation: Citation, ref: Reference) -> bool:
    """Whether the citation's first name is only one part of the hyphenated surname of
    ``ref``'s first author."""
    first = ref.authors[0] if ref.authors else None
    if first is None or first.group or not citation.authors:
        return False
    cited = surname_key(citation.authors[0])
    parts = [w for w in fold(first.family).split("-") if w and w not in PARTICLES]
    return len(parts) > 1 and cited in {surname_key(p) for p in parts}


_FIRST_PUBLISHED = re.compile(
    r"\((?:original(?:ly)?(?:\s+work)?|first)\s+published(?:\s+in)?\s+(\d{4})\)", re.IGNORECASE
)


def first_published(ref: Reference) -> str | None:
    """The year a reprint's entry says its work first appeared: APA's "(Original work
    published 1885)" after a translation of 1913."""
    found = _FIRST_PUBLISHED.search(ref.raw)
    return found.group(1) if found else None


def _first_year_checked(lk: Link, index: _Index) -> Link:
    """A reprint's first year against the one its entry gives.  "(Ebbinghaus,
    1884/1913)" for "Ebbinghaus, H. (1913). ... (Original work published 1885)" names
    the entry by its later year but misdates the first; "(Ebbinghaus, 1885)" names the
    work by its first year only, which the list files under 1913.  Both are year
    mismatches with that entry."""
    c = lk.citation
    if lk.status == "linked" and c.original_year is not None and len(lk.references) == 1:
        first = first_published(lk.references[0])
        if first is not None and first != c.original_year:
            return Link(c, "year-mismatch", lk.references)
    if lk.status == "unmatched" and c.original_year is None and c.year_suffix is None:
        keys = citation_keys(c)
        reprints = (
            [r for r in index.by_key.get(keys[0], ()) if first_published(r) == c.year]
            if keys and keys[0]
            else []
        )
        if len(reprints) == 1:
            return Link(c, "year-mismatch", (reprints[0],))
    return lk


def _declared_abbreviations(citations: Sequence[Citation]) -> dict[str, tuple[str, ...]]:
    """Abbreviation key -> the names it stands for, as citations declare them: APA's
    "(Centers for Disease Control and Prevention [CDC], 2020)" makes "(CDC, 2020)"."""
    return {
        surname_key(c.abbreviation): c.authors
        for c in citations
        if c.abbreviation is not None and c.authors
    }


def _link_named(
    citation: Citation,
    declared: dict[str, tuple[str, ...]],
    index: _Index,
    settings: MatchSettings,
) -> Link:
    """`_link_author_year` of the citation with a declared abbreviation spelt out; when
    that names no entry, of the name as the list may file the body: "NICE (2019)" or
    "National Institute for Health and Care Excellence [NICE] (2019)" against a listed
    "NICE. (2019).".  A quoted title names the entries without author it opens
    (`_titled_entries`) first; a body's name without the country its entry opens with
    names it when the name as listed gives no exact name and year (`_bare_name_keys`);
    a name of two words or more that names nothing else may be a sole author's whole
    name ("Age UK", read as Age with initials UK)."""
    if citation.title:
        titled = _titled_entries(citation, index)
        if titled:
            return _choose(citation, titled, settings)
    spelt = _spelt_out(citation, declared)
    lk = _link_author_year(spelt, index, settings)
    if lk.status in ("unmatched", "author-mismatch") and (dropped := _particle_dropped(spelt)):
        unprefixed, particle = dropped
        found = _link_author_year(unprefixed, index, settings)
        if found.status == "linked" and not any(
            particle in fold(r.authors[0].family).split() for r in found.references if r.authors
        ):
            # "da Impellizzeri et al. (2004)", "de Regan (2017)": Italian and Spanish
            # "by" and "of" before a surname the list gives without a particle, and
            # German's capitalised nouns before it ("die Studie von Köller (2001)").  Not
            # one of the surname's own particles: "der Zee" for "van der Zee" is the
            # name misspelt ("vanr der Zee").
            return replace(found, citation=citation)
    if lk.status in ("unmatched", "author-mismatch") and (unended := _case_ending_dropped(spelt)):
        found = _link_author_year(unended, index, settings)
        if found.status == "linked":
            # Turkish writes a case ending after an apostrophe: "Kağıtçıbaşı'nın
            # (2007)", "İmamoğlu'na (2003)".
            return replace(found, citation=citation)
    if lk.status in ("unmatched", "author-mismatch", "year-mismatch"):
        # An exact name and year once the country is dropped beats a near miss or
        # another year: "(National Institutes of Health, 2020)" for "US National
        # Institutes of Health. (2020).", "(Department of Health and Human Services,
        # 2018)" beside a UK "Department of Health (2019)".  Not an exact name and
        # year as listed ("linked").
        keys = {*citation_keys(citation)[:1], *(_joined_keys(citation) if citation.authors else ())}
        bare = _of_year(
            citation, _dedupe([r for key in sorted(keys) for r in index.by_bare_name.get(key, ())])
        )
        if bare:
            return _choose(citation, bare, settings)
    if lk.status == "author-mismatch" and (
        whole := [r for r in _whole_named(citation, index) if _whole_forms(r, initials=False)]
    ):
        # The whole name, exact, beats its near miss by that name ("Versus Arthritis"
        # against "Arthritis", "Versus"), not one by initials ("Du Toit" against "Toit DU").
        return _choose(citation, whole, settings)
    if lk.status != "unmatched":
        return lk
    others = [citation] if spelt is not citation else []
    if citation.abbreviation is not None:
        others.append(replace(citation, authors=(citation.abbreviation,)))
    for other in others:
        found = _link_author_year(other, index, settings)
        if found.status in NAMES_AN_ENTRY:
            return _misspelt_beside_abbreviation(citation, found)
    if whole := _whole_named(citation, index):
        return _choose(citation, whole, settings)
    if (listed := _as_listed(citation, index)) is not None:
        as_listed, named = listed
        found = _link_author_year(as_listed, index, settings)
        if found.status in NAMES_AN_ENTRY and all(r.id in named for r in found.references):
            return replace(found, citation=citation)
    if (plain := _given_names_dropped(citation)) is not None:
        found = _link_author_year(plain, index, settings)
        giving = [r for r in found.references if _gives_names(r, citation.authors)]
        if found.status in NAMES_AN_ENTRY and len(giving) == len(found.references):
            return replace(found, citation=citation)
        if found.status == "ambiguous" and len(giving) == 1:
            # "Anna Freud (1936)" with Freud, A. and Freud, S. (1936) listed: the given
            # name tells which.
            return _choose(citation, giving, settings)
        if (
            found.status == "author-mismatch"
            and len(found.references) == 1
            and _gives_names(found.references[0], citation.authors, given_only=True)
        ):
            # "Elisabeth Llody (2010)" for "Lloyd, Elisabeth A. 2010.": the given name
            # the entry gives vouches for the near miss of the surname.
            return replace(found, citation=citation)
    if (maker := _maker_named(citation)) is not None:
        found = _link_author_year(maker, index, settings)
        if found.status == "linked" or (
            found.status == "author-mismatch" and len(found.references) == 1
        ):
            return replace(found, citation=citation)
    return lk


def _misspelt_beside_abbreviation(citation: Citation, found: Link) -> Link:
    """``found`` by the abbreviation a citation declares, unless the name it writes out
    is the entry's with one word misspelt (`_one_word_misspelt`): "(Centers for Disease
    Control and Prevention [CDC], 2023)" against a listed "Centers for Disease Controla
    and Prevention" names the entry by "CDC", but the two spellings of its name
    disagree, an error either way."""
    if found.status != "linked" or len(found.references) != 1 or not citation.authors:
        return found
    ref = found.references[0]
    if not ref.authors or not ref.authors[0].group:
        return found
    cited, listed = " and ".join(citation.authors), ref.authors[0].family
    if not _one_word_misspelt(cited, listed):
        return found
    return Link(citation, "author-mismatch", (ref,), score=_name_similarity(cited, listed))


_OF_A_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")


def _maker_named(citation: Citation) -> Citation | None:
    """The citation of the body after the last "of" in its one name: "the Hydrology
    Data Explorer of the Environment Agency (2024)" names the agency's dataset, listed
    under "Environment Agency. 2024."."""
    if len(citation.authors) != 1:
        return None
    parts = _OF_A_BODY.split(citation.authors[0])
    if len(parts) < 2 or len(parts[-1].split()) < 2:
        return None  # "Institute of Medicine": one word is no body's whole name
    return replace(citation, authors=(parts[-1],))


def _particle_dropped(citation: Citation) -> tuple[Citation, str] | None:
    """The citation without a lower-case particle its first name opens with, or after
    one or two capitalised words ("Studie von Köller", "Längsschnittbefunde von
    Köller": German capitalises its nouns), and the particle; or None."""
    if not citation.authors:
        return None
    words = citation.authors[0].split()
    at = next((k for k, w in enumerate(words[:3]) if w.islower()), None)
    if (
        at is None
        or at + 1 >= len(words)
        or words[at] not in PARTICLES
        or not all(w[:1].isupper() for w in words[:at])
    ):
        return None
    rest = " ".join(words[at + 1 :])
    return replace(citation, authors=(rest, *citation.authors[1:])), words[at]


_CASE_ENDING = re.compile(r"(?<=\w\w\w)['’][a-zçğıöşü]{1,5}$")


def _case_ending_dropped(citation: Citation) -> Citation | None:
    """The citation without a lower-case ending after an apostrophe on its first
    surname ("Kağıtçıbaşı'nın"), or None."""
    if not citation.authors or not _CASE_ENDING.search(citation.authors[0]):
        return None
    bare = _CASE_ENDING.sub("", citation.authors[0])
    return replace(citation, authors=(bare, *citation.authors[1:]))


def _given_names_dropped(citation: Citation) -> Citation | None:
    """The citation without the given names it writes out ("Steven Orzack and Elliott
    Sober (1993)": humanities and philosophy name people in full in running text),
    or None when it writes none.  Whether the entry it then names gives those given
    names is `_gives_names`' question."""
    names = tuple((_given_and_surname(name) or ("", name))[1] for name in citation.authors)
    return replace(citation, authors=names) if names != citation.authors else None


def _given_and_surname(name: str) -> tuple[str, str] | None:
    """A cited name of several words read as a given name and a surname, folded and
    as written: "Wendy Parker" -> ("wendy", "Parker"); None for one word or a
    particle first ("de Selincourt")."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    return fold(words[0]).lower(), words[-1]


def _first_given(author: Author) -> str:
    """The first given name, case- and accent-folded; "" for an initial ("J.")."""
    first = re.split(r"[\s.]+", author.given or "")[0]
    return fold(first).lower() if len(first) > 1 else ""


def _gives_names(ref: Reference, names: Sequence[str], *, given_only: bool = False) -> bool:
    """Each name written with a given name ("Wendy Parker") is an author of ``ref``
    with that given name: "Anna Freud (1936)" is not Sigmund's 1936 work.  With
    ``given_only``, an author of ``ref`` has each given name, whatever the surname."""
    written = [w for w in map(_given_and_surname, names) if w is not None]
    if given_only:
        givens = {_first_given(a) for a in ref.authors} - {""}
        return all(given in givens for given, _ in written)
    # An entry that gives an initial gives every name of that letter: "Stella
    # Kyriakides (2021)" for "Kyriakides, S. (2021).".
    listed = {
        (surname_key(a.family), _first_given(a) or fold(a.given or "").lower()[:1])
        for a in ref.authors
    }
    return all(
        (surname_key(surname), given) in listed or (surname_key(surname), given[:1]) in listed
        for given, surname in written
    )


def _whole_named(citation: Citation, index: _Index) -> list[Reference]:
    """Entries of the citation's year whose sole author's whole name it gives: "(Age UK,
    2019)" may be a body the list reads as a person; one word ("Leej", "Wuhan") is no
    such name."""
    if not citation.authors or not _several_words(citation.authors[0]):
        return []
    return _of_year(citation, index.by_whole_name.get(_spaced(citation.authors[0]), ()))


def _as_listed(citation: Citation, index: _Index) -> tuple[Citation, set[str]] | None:
    """The citation under the surname its entries give a body whose whole name it
    gives, of any year, and the ids of those entries: "(NHS Improvement, 2018)" with
    "NHS Improvement (2017)" read as NHS, Improvement, so that the year checks run as
    for a person's name."""
    if not citation.authors or not _several_words(citation.authors[0]):
        return None
    refs = index.by_whole_name.get(_spaced(citation.authors[0]), ())
    families = {r.authors[0].family for r in refs if r.authors}
    if len(families) != 1:
        return None
    as_listed = replace(citation, authors=(families.pop(), *citation.authors[1:]))
    return as_listed, {r.id for r in refs}


def _titled_entries(citation: Citation, index: _Index) -> list[Reference]:
    """Entries without author, of the cited year and letter, whose title opens with the
    quoted title's words (APA may shorten it): '("Mental Health of Children," 2021)'
    for "Mental health of children and young people in England. (2021).", not
    '("Hospitals," 2021)' for "Hospital staff shortages worsen"."""
    return _opened_by_quoted_title(
        citation, _of_year(citation, index.by_year.get(citation.year, ()))
    )


def _opened_by_quoted_title(citation: Citation, refs: Sequence[Reference]) -> list[Reference]:
    """The entries of ``refs`` without author whose title opens with the words of the
    citation's quoted title: the one whose title they are whole if any, else all."""
    cited = _title_words(citation.authors[0]) if citation.authors else []
    if len("".join(cited)) < _TITLE_MIN_LETTERS:
        return []
    opened = [
        (r, words)
        for r in refs
        if not r.authors and r.title and (words := _title_words(r.title))[: len(cited)] == cited
    ]
    # The whole title names its entry before the longer titles it opens.
    return [r for r, words in opened if words == cited] or [r for r, _ in opened]


def _of_year(citation: Citation, refs: Sequence[Reference]) -> list[Reference]:
    """``refs`` of the cited year and letter."""
    return [r for r in refs if _year_matches(citation, r)]


def _title_words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


_TITLE_MIN_LETTERS = 6
"""Letters a quoted title needs before it names an entry by the opening of its title."""


NAMES_AN_ENTRY: frozenset[LinkStatus] = frozenset({"linked", "ambiguous", "year-mismatch"})
"""Link statuses by which a citation names an entry: its name and year, or its name
with another year (an error worth reporting either way)."""


# A page range as a locator: "203-10", "1716-31"; a lone number may be a count.
_PAGE_RANGE = re.compile(r"\d{1,5}\s*[-–—‐]\s*\d{1,5}")


def names_an_entry(lk: Link, named: Collection[str] = (), *, numbered: bool = False) -> bool:
    """Whether the citation names an entry (`NAMES_AN_ENTRY`), or names the year of an
    entry that no citation in ``named`` names, with a near miss of its surname:
    "(Colltt 2015, 389)" or "Hamltn (2009, 203-10)" with Collett 2015 or Hamlin 2009
    cited nowhere else is a misspelt citation of a form read only if it names an
    entry.  Not "France (2015, 412)" beside a cited Franco 2015; in prose, only with
    a page range (`_PAGE_RANGE`: "Figures for Kenya (2019, 412)" beside an uncited
    Kenyon 2019 is a place and a count), not after a word that introduces a place
    ("In Chile (2019, 31-40) ..."), and not in a ``numbered`` article, where names in
    prose are not how it cites ("In Israel (2021) ... [1]").  Nor by the last word of
    a body's name alone: "Survey data for England (2019, 412)" is no citation of
    Public Health England 2020."""
    if any(_by_body_tail(lk.citation, ref) for ref in lk.references):
        return False
    if lk.citation.narrative and lk.citation.authors and in_capitals(lk.citation.authors[0]):
        # "the WHO (2020)": an abbreviation read in prose names its entry's year (with
        # or without its letter), or one year off an entry nothing else names.  "The
        # ACA (2010) expanded Medicaid" beside the American Counseling Association
        # 2014, or "the ONS (2021) census" beside a cited ONS 2022, is an act's or a
        # survey's year.
        if lk.status == "year-mismatch" and len(lk.references) == 1:
            ref = lk.references[0]
            return lk.citation.year == ref.year or (
                ref.id not in named and _year_distance(lk.citation.year, ref.year) < 1
            )
        return lk.status == "linked"
    if lk.status in NAMES_AN_ENTRY:
        return True
    if lk.status != "author-mismatch" or len(lk.references) != 1:
        return False
    ref = lk.references[0]
    if numbered and lk.citation.narrative:
        return False
    if (
        lk.citation.narrative
        and not _misspelt_body(lk, ref)
        and (lk.citation.locative or not _PAGE_RANGE.fullmatch(lk.citation.locator or ""))
    ):
        return False
    return ref.id not in named and (
        _year_matches(lk.citation, ref) or lk.citation.original_year == ref.year
    )


_BODY_NEAR_MISS = 90.0
"""Similarity at which a body's name in prose, of two words or more, is its entry's
name misspelt ("the Intergovernmenatl Panel on Climate Change (2021)")."""


def _misspelt_body(lk: Link, ref: Reference) -> bool:
    """A body's name of several words, in prose, a near miss of the body's entry with
    one word misspelt (`_one_word_misspelt`): so long a name that close is no place
    and no study.  Not two names of one word's difference ("University of North
    Carolina" for a listed University of South Carolina)."""
    return (
        bool(ref.authors)
        and ref.authors[0].group
        and (lk.score or 0.0) >= _BODY_NEAR_MISS
        and _one_word_misspelt(" and ".join(lk.citation.authors), ref.authors[0].family)
    )


def _one_word_misspelt(cited: str, listed: str) -> bool:
    """Two names of two words or more alike but for one word misspelt, its first letter
    kept: one slip of the keys in a word of five letters or more ("Ashby"/"Ashy"), two
    in one of seven or more ("Intergovernmenatl", "Organiztaion"), or one joining word
    for another ("Panel for Climate Change").  Names that differ by a word of their own
    are two names: North and South Carolina, Kansas and Arkansas, St Mary's and St
    Mark's, Sussex and Essex."""
    a, b = _name_words(cited), _name_words(listed)
    if len(a) < 2 or len(a) != len(b):
        return False
    pairs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(pairs) != 1:
        return False
    x, y = pairs[0]
    if x in _SMALL_WORDS and y in _SMALL_WORDS:
        return True  # "Intergovernmental Panel for Climate Change"
    if x[0] != y[0]:
        return False
    slips = DamerauLevenshtein.distance(x, y, score_cutoff=2)
    longer = max(len(x), len(y))
    return (slips == 1 and longer >= _ONE_SLIP_WORD_MIN) or (
        slips == 2 and min(len(x), len(y)) >= _TWO_SLIPS_WORD_MIN
    )


def _name_words(name: str) -> list[str]:
    """A body's name's words, folded, without "and": "&" is no word, and may stand
    for the "and" the finder split the name at."""
    return [w for w in _title_words(name) if w != "and"]


def _name_similarity(cited: str, listed: str) -> float:
    """Similarity of two bodies' names, their "and"s left out (`_name_words`)."""
    return round(ratio("".join(_name_words(cited)), "".join(_name_words(listed))), 1)


_SMALL_WORDS = frozenset({"of", "for", "on", "in", "the", "to", "at"})
"""Words that join a body's name, one of which may stand for another."""
_ONE_SLIP_WORD_MIN = 5
"""Letters of a word in a body's name that one slip of the keys may have misspelt
("Ashby"/"Ashy"; not "Mary"/"Mark")."""
_TWO_SLIPS_WORD_MIN = 7
"""Letters of a word in a body's name that two slips of the keys may have misspelt."""


def _by_body_tail(citation: Citation, ref: Reference) -> bool:
    """Whether the citation's lone name is only the last word of the body that wrote
    ``ref`` ("England" for "Public Health England"), a key kept for bodies the finder
    reads in part ("... Workload Review Group (2016)")."""
    first = ref.authors[0] if ref.authors else None
    if first is None or not first.group or len(citation.authors) != 1 or citation.et_al:
        return False
    words = first.family.split()
    return len(words) > 1 and surname_key(citation.authors[0]) == surname_key(words[-1])


def _spelt_out(citation: Citation, declared: dict[str, tuple[str, ...]]) -> Citation:
    """The citation with a declared abbreviation replaced by the names it stands for."""
    if len(citation.authors) != 1 or citation.et_al:
        return citation
    names = declared.get(surname_key(citation.authors[0]))
    return replace(citation, authors=names) if names else citation


def _prefer_uncited_near_misses(
    links: list[Link], index: _Index, settings: MatchSettings
) -> list[Link]:
    """Second readings, where the entries no citation names tell which one was meant.

    A number past the end of the list gets the numbered entries no citation names as
    its alternatives.

    An unmatched citation becomes an author mismatch with a worse-spelt entry whose
    year and co-authors agree (`_corroborated_misspellings`; one such entry, as two
    alike tell no more than none), or a year mismatch with
    the one entry of its author that a slip of the keys explains (`_uncited_year_slips`);
    failing both, an author mismatch with the one entry of its year that lists the
    cited names in another order (`_swapped_order`).
    A year mismatch is relinked to a listed misspelling of its author with the exact year:

    "(Kumari et al., 2012)" with "Kumari 2014" listed and cited elsewhere, and
    "Kuxmari 2012" listed and cited nowhere: the list misspells the surname of the
    2012 work; blaming the year would leave that entry uncited and point the reader
    at the wrong work.  Only when the near-miss entry is uncited and the year-mismatch
    entry is cited exactly by another citation, so that neither reading is a guess.
    A surname garbled beyond a near miss will do when its co-authors corroborate it,
    as for a citation that matches nothing (`_corroborated_misspellings`).

    A year mismatch with an entry cited exactly elsewhere moves to the one uncited
    entry of its author whose year a slip also explains (`_uncited_year_slips`; an
    entry of the cited year with another letter is another work).  Failing that, it
    becomes unmatched when another bracket gives the same other year: one slip of the
    keys is a typo, the same year written again is a work the list lacks.  Neither
    when the entry gives the cited year without a letter among lettered ones of its
    author: that entry lost its letter (`_lost_letter`).

    A linked citation whose author list misfits its entry, which other citations name
    as listed, moves to an uncited entry it fits (`_uncited_better_fit`).  Failing
    that, a second name the entry lacks, written the same way in two brackets or more,
    makes it unmatched: "(Allmann and Baldwin, 2010)" again and again beside
    "(Allmann et al., 2010)" for "Allmann, Halitschke, ... Baldwin 2010" is the
    pair's own work, missing from the list, as a repeated year is.
    """
    linked = {r.id for lk in links if lk.status == "linked" for r in lk.references}
    cited = linked | {r.id for lk in links for r in lk.references}
    # Whether each linked citation's author list fits its entry, read once.
    fits = [
        lk.status == "linked"
        and lk.reference is not None
        and _author_list_fits(lk.citation, lk.reference, settings)
        for lk in links
    ]
    fitted = {lk.references[0].id for lk, fit in zip(links, fits, strict=True) if fit}
    # "[40]" in a list of 35: an entry that no citation names may be the one meant,
    # and the finding's help names it.  The same entries for every such number.
    spare = (
        tuple(r for _, r in sorted(index.by_number.items()) if r.id not in cited)
        if any(lk.status == "out-of-range" for lk in links)
        else ()
    )
    # Brackets, not citations: "(Smith, 2008; Smith, 2008)" gives its year once.
    repeated = Counter(
        (ref_id, key)
        for ref_id, key, _ in {
            (lk.reference.id, _year_key(lk.citation), lk.citation.group)
            for lk in links
            if lk.status == "year-mismatch" and lk.reference is not None
        }
    )
    # Linked citations that name a second author their entry lacks, read once.  Only
    # an entry that lists a second author can lack the cited one: a lone author may
    # be a list the parser cut short ("World Health Organization, & UNICEF").
    misnamed = [
        lk.status == "linked"
        and not fit
        and len(lk.references[0].authors) >= 2
        and _names_another_second(lk.citation, lk.references[0])
        for lk, fit in zip(links, fits, strict=True)
    ]
    # Brackets giving each such author list.
    repeated_names = Counter(
        key[:2]
        for key in {
            (lk.references[0].id, _author_key(lk.citation), lk.citation.group)
            for lk, lacking in zip(links, misnamed, strict=True)
            if lacking
        }
    )
    out = []
    for lk, fit, lacking in zip(links, fits, misnamed, strict=True):
        ref = lk.reference
        if lk.citation.by_page:
            pass  # no year to have slipped (`_link_author_page`)
        elif lk.status == "unmatched" and lk.citation.kind != "numeric":
            near = _corroborated_misspellings(
                lk.citation, index, settings, cited
            ) or _misspelt_lone_surnames(lk.citation, index, settings, cited)
            # Two garbled entries alike tell no more than none: "(Sun and Wang, 2018)"
            # with "Sum & Wang" and "Sin & Wang" uncited is a work the list lacks.
            found = _near_link(lk.citation, near, settings) if near else None
            if found is not None and found.status == "ambiguous":
                near, found = [], None
            slips = [] if near else _uncited_year_slips(lk, cited)
            titled = [] if near or slips else _uncited_title_slips(lk.citation, index, cited)
            swapped = [] if near or slips or titled else _swapped_order(lk.citation, index)
            if found is not None:
                lk = found
            elif len(slips) == 1:
                others = tuple(r for r in lk.alternatives if r is not slips[0])
                lk = Link(lk.citation, "year-mismatch", (slips[0],), alternatives=others)
            elif len(titled) == 1:
                lk = Link(lk.citation, "year-mismatch", (titled[0],))
            elif len(swapped) == 1:
                lk = Link(lk.citation, "author-mismatch", (swapped[0],), order_swapped=True)
        elif lk.status == "year-mismatch" and ref is not None and ref.id in linked:
            # An entry of the cited surname is no misspelling of it: the co-authors
            # that ruled it out still do ("(Kessler and Baldwin, 2004)" is not the
            # team's Kessler et al. 2004 because the pair's 2004b is cited elsewhere).
            key = (citation_keys(lk.citation) or [""])[0]
            near = [
                (score, r)
                for score, r in _uncited_near_surnames(lk.citation, index, settings, cited)
                if key not in first_author_keys(r)
            ] or _corroborated_misspellings(lk.citation, index, settings, cited, year_taken=True)
            # The entry has the cited year, or lost the cited letter: no other year.
            year_fits = _year_matches(lk.citation, ref) or _lost_letter(lk.citation, ref, index)
            slips = (
                []
                if year_fits
                else [
                    r for r in _uncited_year_slips(lk, cited) if not _sibling_letter(lk.citation, r)
                ]
            )
            found = _near_link(lk.citation, near, settings) if near else None
            if found is not None and found.status != "ambiguous":
                lk = found
            elif len(slips) == 1:
                # "Gomez et al., 2007" with "Gomez 2006" cited exactly elsewhere and
                # "Gomez 2070" cited nowhere: both are a slip off, but only the uncited
                # entry lacks its citation, so its year is the one mistyped.
                others = tuple(r for r in (ref, *lk.alternatives) if r is not slips[0])
                lk = Link(lk.citation, "year-mismatch", (slips[0],), alternatives=others)
            elif (
                not year_fits
                and (times := repeated[(ref.id, _year_key(lk.citation))]) >= _REPEATED_YEAR
            ):
                # "Moulding et al. 2008" twice or more, and "Moulding et al. 2007"
                # cited exactly elsewhere: a year written the same way each time
                # beside the listed one is another work, missing from the list.  So
                # is "2007b" against "2007"; "2008" against "2008a" only lacks the
                # letter (`_year_matches` holds) and stays a year mismatch.
                lk = Link(
                    lk.citation,
                    "unmatched",
                    alternatives=(ref, *lk.alternatives),
                    repeated_year=times,
                )
        elif lk.status == "author-mismatch" and ref is not None and ref.id in linked:
            # "(Meinhardt, 2003)" nearest to "Reinhardt et al. 2003", which another
            # citation names exactly, while "Meintahrdt 2003" is cited nowhere: the
            # uncited near miss is the work meant, and the list misspelt it.
            near = [
                (score, r)
                for score, r in _uncited_near_surnames(lk.citation, index, settings, cited)
                if _author_list_fits(lk.citation, r, settings)
            ]
            found = _near_link(lk.citation, near, settings) if near else None
            # Two uncited near misses alike tell no more than the one cited entry does.
            if found is not None and found.status != "ambiguous":
                lk = replace(found, passed_over=ref, passed_over_nearer=True)
        elif lk.status == "linked" and ref is not None and ref.id in fitted and not fit:
            found = _uncited_better_fit(lk, index, settings, cited)
            times = repeated_names[(ref.id, _author_key(lk.citation))]
            if found is not None:
                lk = found
            elif lacking and times >= _REPEATED_YEAR:
                lk = Link(
                    lk.citation,
                    "unmatched",
                    alternatives=(ref, *lk.alternatives),
                    repeated_authors=times,
                )
            elif _second_name_unlisted(lk.citation, ref):
                # "Aker and Mbiti (2010)" with only "Aker, Jenny C. 2010." listed,
                # which "(Aker 2010)" names as listed: the pair's work is missing.
                lk = Link(
                    lk.citation,
                    "unmatched",
                    alternatives=(ref, *lk.alternatives),
                    unlisted_second=True,
                )
        elif lk.status == "out-of-range":
            lk = replace(lk, alternatives=spare)
        out.append(lk)
    return out


_REPEATED_YEAR = 2
"""Brackets giving one other year (or other second author) of a cited entry that make
it another work."""


def _swapped_order(citation: Citation, index: _Index) -> list[Reference]:
    """Entries of the cited year whose authors are the cited names, all of them and
    no others, in another order: "(Tversky & Kahneman, 1979)" with only "Kahneman,
    D., & Tversky, A. (1979)" listed.  The first name is the one a reader looks up,
    so a citation keeps the entry's order; but the work meant is not in doubt.
    Not for `et al.`, which hides the names after the first."""
    keys = citation_keys(citation)
    if citation.et_al or len(keys) < 2 or len(set(keys)) < len(keys):
        return []
    found = []
    for ref in _dedupe([r for key in keys[1:] for r in index.by_key.get(key, ())]):
        if (
            ref.authors_truncated
            or len(ref.authors) != len(keys)
            or any(a.group for a in ref.authors)
            or not _year_matches(citation, ref)
        ):
            continue
        listed = [surname_keys(a.family) for a in ref.authors]
        places = [next((i for i, own in enumerate(listed) if k in own), -1) for k in keys]
        if sorted(places) == list(range(len(keys))) and places[0] != 0:
            found.append(ref)
    return found


def _author_key(citation: Citation) -> tuple[tuple[str, ...], bool, str | None, str | None]:
    """The citation's surnames, `et al.` and year, as one key."""
    return (tuple(citation_keys(citation)), citation.et_al, citation.year, citation.year_suffix)


def _names_another_second(citation: Citation, ref: Reference) -> bool:
    """The citation names a second author that is not ``ref``'s second author."""
    keys = citation_keys(citation)
    return len(keys) >= 2 and not _second_author_fits(keys, ref) and not _names_group(citation, ref)


def _second_name_unlisted(citation: Citation, ref: Reference) -> bool:
    """The citation names a second author whom ``ref``, one person's entry, does not
    name anywhere: not an author list the parser cut short, which still holds it."""
    keys = citation_keys(citation)
    if len(keys) < 2 or len(ref.authors) != 1 or ref.authors[0].group:
        return False
    return not _names_group(citation, ref) and keys[1] not in surname_key(ref.raw)


def _another_co_author(citation: Citation, ref: Reference) -> bool:
    """The citation names a second author and ``ref`` lists another one: "(Kessler and
    Heil, 2011)" is not "Kessler & Baldwin 2001" misdated, which would be two errors
    in one citation.  (A lone author may be a list the parser cut short.)"""
    return len(ref.authors) >= 2 and _names_another_second(citation, ref)


def _names_group(citation: Citation, ref: Reference) -> bool:
    """The citation's names are ``ref``'s group author split at its "and" ("Substance
    Abuse and Mental Health Services Administration"): one name, not two."""
    return len(citation.authors) >= 2 and not _joined_keys(citation).isdisjoint(
        first_author_keys(ref)
    )


def _joined_keys(citation: Citation) -> frozenset[str]:
    """The keys of the citation's names joined again by the "and" that split them, or
    by commas and a last "and": "National Academies of Sciences, Engineering, and
    Medicine" reads as three names."""
    names = citation.authors
    # "&" is no word of a key: "Centers for Medicare & Medicaid Services" listed,
    # "Centers for Medicare and Medicaid Services" cited.
    joined = {surname_key(" and ".join(names)), surname_key(" & ".join(names))}
    if len(names) > 2:
        joined.add(surname_key(", ".join(names[:-1]) + ", and " + names[-1]))
    return frozenset(joined)


def _uncited_better_fit(
    lk: Link, index: _Index, settings: MatchSettings, cited: set[str]
) -> Link | None:
    """The uncited entry a citation means when its author list misfits the entry of
    its surname and year, and other citations name that entry as listed.

    "(Allmann et al., 2010)" links to Allmann & Baldwin 2010 by surname and year, but
    when other citations name that pair in full and an uncited entry of several
    authors has the surname a letter off ("Allman, Halitschke, ... 2010"), the
    `et al.` says the citation means that work and the list misspelt it.  A citation
    that names a second author may mean an uncited entry garbled beyond a near miss,
    as an unmatched citation may (`_corroborated_misspellings`): "(Kessler and
    Baldwin, 2006)" beside "Kessler et al., 2006" means an uncited "Kssner & Baldwin".
    "(Allmann and Baldwin, 2010)" beside "Allmann, Halitschke, ... 2010", cited as
    `et al.` elsewhere, also means an uncited "Allmann & Baldwin 2009", the year a
    slip of the keys off.  Only a second name the entry lacks moves a citation to
    another year: `et al.` for a pair is a house style (eLife writes it), and an
    entry a year off is often just one nobody cites.
    """
    citation = lk.citation
    keys = citation_keys(citation)
    if not keys or not keys[0]:
        return None
    near = [
        (score, r)
        for score, r in _uncited_near_surnames(citation, index, settings, cited)
        if _author_list_fits(citation, r, settings)
    ]
    if not near and len(keys) >= 2:
        # An `et al.` corroborates only a count, which the cited team work fits too.
        near = _corroborated_misspellings(citation, index, settings, cited)
    if near:
        found = _near_link(citation, near, settings)
        if found.status == "ambiguous":
            return None
        if found.reference is not None and keys[0] in first_author_keys(found.reference):
            # "(Kessler et al., 2004)" beside "(Kessler and Baldwin, 2004)" for the
            # pair, with "Kessler, Halitschke & Baldwin 2004b" cited nowhere: the
            # team's work, its letter missing, not a misspelling of the same name.
            return Link(citation, "year-mismatch", found.references, passed_over=lk.reference)
        return replace(found, passed_over=lk.reference)
    if lk.reference is None or not _names_another_second(citation, lk.reference):
        return None
    slips = [
        r
        for r in index.by_key.get(keys[0], ())
        if r.id not in cited
        and _author_list_fits(citation, r, settings)
        and _typing_slip(citation.year, r.year)
    ]
    if len(slips) == 1:
        return Link(citation, "year-mismatch", (slips[0],), passed_over=lk.reference)
    return None


def _author_list_fits(citation: Citation, ref: Reference, settings: MatchSettings) -> bool:
    """An `et al.` names an entry of several authors, a second name its second author.
    (A lone name fits any entry: "Smith 2010" for a pair is common and informal.)"""
    if citation.et_al and not several_authors(ref, settings):
        return False
    keys = citation_keys(citation)
    return len(keys) < 2 or _second_author_fits(keys, ref) or _names_group(citation, ref)


def several_authors(ref: Reference, settings: MatchSettings) -> bool:
    """The entry has the authors that `et al.` stands for."""
    return len(ref.authors) >= settings.et_al_min_authors or ref.authors_truncated


def _lost_letter(citation: Citation, ref: Reference, index: _Index) -> bool:
    """``ref`` gives the cited year without a letter while other entries of its author
    and year have letters: "1996b" cited with 1996a, 1996 and 1996c listed names the
    1996 entry, whose letter the list dropped."""
    if not citation.year_suffix or ref.year_suffix or citation.year != ref.year:
        return False
    keys = citation_keys(citation)
    return any(
        r.year == ref.year and r.year_suffix for r in index.by_key.get(keys[0], ()) if r is not ref
    )


def _year_key(citation: Citation) -> tuple[str, str | None, str | None]:
    keys = citation_keys(citation)
    return (keys[0] if keys else "", citation.year, citation.year_suffix)


def _link_numeric(citation: Citation, index: _Index, last: int) -> Link:
    if citation.label is not None:
        return _link_label(citation.label, citation, index)
    assert citation.number is not None
    ref = index.by_number.get(citation.number)
    if ref is not None:
        return Link(citation, "linked", (ref,))
    if citation.number > last:
        return Link(citation, "out-of-range", last_number=last)
    if not index.by_number:
        # "[2]" among author-year citations, with three entries and no numbers: the
        # number is within the list, but nothing says which entry it is.
        return Link(citation, "unnumbered-list")
    return Link(citation, "unmatched")


_LABEL_NEAR = 60
"""The least `ratio` at which another key is named as the one a key may have meant
("Sed79" and "Sed78" score 80)."""


def _link_label(label: str, citation: Citation, index: _Index) -> Link:
    """A key citation ("[Knu98]") links to the entry labelled so; one no entry
    carries names the nearest keys."""
    ref = index.by_label.get(label)
    if ref is not None:
        return Link(citation, "linked", (ref,))
    near = process.extract(
        label, list(index.by_label), scorer=ratio, score_cutoff=_LABEL_NEAR, limit=3
    )
    return Link(citation, "unmatched", alternatives=tuple(index.by_label[k] for k, _, _ in near))


def citation_keys(citation: Citation) -> list[str]:
    return [surname_key(a) for a in citation.authors]


def _year_matches(citation: Citation, ref: Reference) -> bool:
    if citation.year != ref.year:
        return False
    return citation.year_suffix is None or citation.year_suffix == ref.year_suffix


def _link_author_year(citation: Citation, index: _Index, settings: MatchSettings) -> Link:
    keys = citation_keys(citation)
    if not keys or not keys[0]:
        return Link(citation, "unmatched")
    same_author = _first_author_entries(citation, keys[0], index)
    exact = [r for r in same_author if _year_matches(citation, r)]
    if len(exact) > 1 and citation.number is not None:
        # "(OECD, 2019[2])": the key after the year picks one of the year's entries.
        keyed = [r for r in exact if r.key == citation.number]
        if len(keyed) == 1:
            return Link(citation, "linked", (keyed[0],))
    if exact and citation.year_suffix is None and all(r.year_suffix for r in exact):
        # "Smith 2008" against "Smith 2008a": the citation lacks the list's letter.
        lettered = _narrow(citation, exact, settings)
        if len(lettered) == 1:
            return Link(citation, "year-mismatch", (lettered[0],))
        return Link(citation, "ambiguous", tuple(lettered))
    if exact:
        chosen = [r for r in exact if not r.year_suffix] or exact
        lost = _lost_letter_by_authors(citation, exact, settings)
        if lost is not None:
            return lost
        if len(keys) > 1 and not any(_second_author_fits(keys, r) for r in chosen):
            # "(Allmann and Baldwin, 2010)" with "Allmann, Halitschke, ... 2010" and
            # "Afllmann & Baldwin 2010" listed: the entry whose co-author agrees is the
            # one meant, its first surname misspelt.
            near = [
                (score, r)
                for score, r in _near_surnames(citation, keys[0], index, settings)
                if _second_author_fits(keys, r)
            ]
            if near:
                return _near_link(citation, near, settings)
        return _choose(citation, chosen, settings)
    near = _near_surnames(citation, keys[0], index, settings) if same_author else []
    if near and all(_year_distance(citation.year, r.year) > 1 for r in same_author):
        # "Jeune, 2005" with "Jeune 2011" and "Jeunre 2005" listed: a surname a letter
        # off with the very year is likelier than a year far off with the surname.
        return _near_link(citation, near, settings)
    if same_author:
        twin = _letter_of_twins(citation, same_author, settings)
        if twin is not None:
            return twin
        fitting = _narrow(citation, same_author, settings) or same_author
        ranked = sorted(fitting, key=lambda r: (_year_distance(citation.year, r.year), r.index))
        # "Smith 2014b" against a lone "Smith 2014a": the letter says the list had two
        # works of 2014, so the cited one is missing, not misdated.
        slips = [r for r in ranked if not _sibling_letter(citation, r)]
        if len(slips) == len(ranked):
            # "2009a" with 2010a and 2010b: the letter names 2010a.  Not when 2009b is
            # listed: that letter says the list lacks the cited 2009a (below).
            slips = _same_letter_first(citation, slips)
        best = _year_distance(citation.year, slips[0].year) if slips else 0.0
        # "2009" with the author's 2008 and 2010 listed: two works, no slip likelier
        # than the other, and a work of 2009 as likely missing; the message names both.
        # Only beside the closest entry, which the message names first.
        tied = (
            tuple(
                r
                for r in slips[1:]
                if _year_distance(citation.year, r.year) == best
                and not same_author_year(r, slips[0])
                and not _another_co_author(citation, r)
            )
            if slips and slips[0] is ranked[0] and best <= 1.0
            else ()
        )
        if (
            slips
            and _typing_slip(citation.year, slips[0].year)
            and (
                len(slips) == 1
                or best < _year_distance(citation.year, slips[1].year)
                or (same_author_year(slips[0], slips[1]) and citation.year != slips[0].year)
            )
            and not _another_co_author(citation, slips[0])
        ):
            # Two entries alike ("Yasukawa et al. 2005" twice) tie, but a list that
            # gives one work's author and year twice has misdated one of them: the
            # citation's year is a slip of it, whichever it is (the help says so).
            others = tuple(r for r in ranked if r is not slips[0])
            return Link(citation, "year-mismatch", (slips[0],), alternatives=others)
        # A year no slip of the keys explains ("Smith 2015" with only "Smith 2008"
        # listed) is as likely another work of the author as a wrong year: the
        # citation is unmatched, and its message names the closest entry.
        # A tie is of years one slip off (``best`` at most 1), so no other guard.
        return Link(citation, "unmatched", alternatives=tuple(ranked), equally_near=tied)
    near = _near_surnames(citation, keys[0], index, settings)
    if near:
        return _near_link(citation, near, settings)
    named = _cited_by_title(citation, keys, index.by_year.get(citation.year, ()))
    if len(named) == 1:
        return Link(citation, "linked", (named[0],))
    return Link(citation, "unmatched", alternatives=_closest(keys[0], index))


def _link_author_page(citation: Citation, index: _Index, settings: MatchSettings) -> Link:
    """A citation by author and page (MLA, `authorpage`): the entries of its first
    author, narrowed by its other authors and by its short title ("(Sen, Development
    3)" picks "Development as Freedom" of Sen's two); else the entries whose title it
    names ("(Hamlet 3.1.56-58)"); else a near miss of a listed surname, of any year.
    A short title that fits none of the author's works names one the list lacks."""
    keys = citation_keys(citation)
    if not keys or not keys[0]:
        return Link(citation, "unmatched")
    same_author = _first_author_entries(citation, keys[0], index)
    if same_author:
        fitting = _narrow(citation, same_author, settings) or same_author
        if citation.short_title and (len(fitting) > 1 or not citation.narrative):
            titled = [r for r in fitting if _names_title(citation, r)]
            if len(titled) > 1 and citation.note is not None:
                titled = _told_apart_by_note(citation, titled)
            if titled:
                fitting = titled
            elif not citation.narrative:
                return Link(citation, "unmatched", alternatives=tuple(fitting))
        if len(fitting) == 1:
            return _dated_note(citation, fitting[0])
        return Link(citation, "ambiguous", tuple(fitting))
    named = [r for r in index.references if title_fits(citation.authors[0], r.title, opening=True)]
    if named and len(citation.authors) == 1 and not citation.et_al:
        # The whole title before one it opens: "(Hamlet 3.1.56-58)" is the play, not
        # "Hamlet in Purgatory".
        exact = [r for r in named if r.title and _title_key(r.title) == keys[0]]
        return _choose(citation, exact or named, settings)
    near = _near_surnames(citation, keys[0], index, settings, any_year=True)
    if near:
        return _near_link(citation, near, settings)
    return Link(citation, "unmatched", alternatives=_closest(keys[0], index))


def _told_apart_by_note(citation: Citation, titled: Sequence[Reference]) -> list[Reference]:
    """Of an author's works a note's title names, those it names best: by a title the
    parser read rather than the entry's words, by the title's opening words
    ("Industrious Revolution" of "The Industrious Revolution: ..." over "The
    Industrial Revolution and the Industrious Revolution"), by every word of the title
    ("Charles Darwin: Voyaging" of Browne's two "Charles Darwin" books), and by its
    year."""
    short = citation.short_title or ""
    out = list(titled)
    for keep in (
        lambda r: _names_title(citation, r, whole=False),
        lambda r: title_fits(short, r.title, opening=not citation.narrative),
        lambda r: words_of_title(short, r.title),
        lambda r: citation.year is not None and r.year == citation.year,
    ):
        out = [r for r in out if keep(r)] or out
    return out


def _names_title(citation: Citation, ref: Reference, *, whole: bool = True) -> bool:
    """Whether a citation's short title names the entry's title.  A note's may leave
    out the title's first words or take the subtitle's, name a chapter's book, and
    (with ``whole``) an entry whose title the parser missed by the words of the whole
    entry."""
    short = citation.short_title or ""
    if title_fits(short, ref.title, opening=not citation.narrative):
        return True
    words = ref.title or (ref.raw if whole else None)
    # A chapter's entry names its book: "Nagel, Mortal Questions, 30" cites "Moral
    # Luck," in Mortal Questions.
    if citation.note is None:
        return False
    if words_of_title(short, words) or words_of_title(short, ref.container):
        return True
    if whole and ref.title and words_of_title(short, ref.raw):
        # The parser took some of the title for a name: "Moore, Charles. Daniel H.
        # Burnham: Architect, Planner of Cities." has the title "Architect, ...".
        return True
    # A poem's or chapter's note names its book, which the list may give alone.
    book = citation.book
    return book is not None and (title_fits(book, ref.title) or words_of_title(book, words))


def _dated_note(citation: Citation, ref: Reference) -> Link:
    """A citation by page links its entry; a note that dates the work (`fullnotes`:
    "(Oxford: Oxford University Press, 1987)") must give one of the entry's years."""
    years = {citation.year, citation.original_year} - {None}
    if citation.note is None or not years or ref.year is None:
        return Link(citation, "linked", (ref,))
    if ref.year in years or any(re.search(rf"\b{y}\b", ref.raw or "") for y in years):
        # A reprint's entry may give either year: "1867. Reprint, Dover, 1998."
        return Link(citation, "linked", (ref,))
    return Link(citation, "year-mismatch", (ref,))


def _first_author_entries(citation: Citation, key: str, index: _Index) -> list[Reference]:
    """The entries whose first author the citation's first name (``key``) names, and
    those of a group it names (`_group_matches`)."""
    return _dedupe([*index.by_key.get(key, ()), *_group_matches(citation, index)])


def _title_key(title: str) -> str:
    """A title as a citation by title writes it: no leading article, no subtitle."""
    main = title.split(":")[0]
    return surname_key(_LEADING_ARTICLE.sub("", main))


def _lost_letter_by_authors(
    citation: Citation, exact: Sequence[Reference], settings: MatchSettings
) -> Link | None:
    """ "(Kessler and Baldwin, 2004)" with "Kessler, Halitschke & Baldwin 2004" and
    "Kessler & Baldwin 2004b" listed: the citation lacks the letter of the one entry
    its second name fits, rather than naming the unlettered entry that lacks it.  A
    list that letters one of an author's works of a year and not the other is in
    error already; the second author tells which work is meant."""
    if citation.year_suffix is not None or len(citation_keys(citation)) < 2:
        return None  # `et al.` for a pair is a house style (eLife's), no evidence
    plain = [r for r in exact if not r.year_suffix]
    if not plain or any(_author_list_fits(citation, r, settings) for r in plain):
        return None  # the second name fits an unlettered entry: no letter is missing
    lettered = [
        r
        for r in exact
        if r.year_suffix
        and _author_list_fits(citation, r, settings)
        and _count_fits(citation, r, settings)
    ]
    if len(lettered) != 1:
        return None
    return Link(citation, "year-mismatch", (lettered[0],), alternatives=tuple(plain))


def _letter_of_twins(
    citation: Citation, same_author: Sequence[Reference], settings: MatchSettings
) -> Link | None:
    """ "(Smith et al., 2005b)" where the list gives two Smith et al. 2005 entries and
    no letters: the list lacks its letters, and by the order letters are given in
    (the list's), 2005b is the second, or the third when 2005a is listed.  Co-authors
    that tell the entries apart win."""
    if not citation.year_suffix:
        return None
    twins = [r for r in same_author if r.year == citation.year and not r.year_suffix]
    if len(twins) < 2:
        return None
    fitting = _narrow(citation, twins, settings)
    # The letters the list's lettered entries of that year leave free, in order: with
    # "Olsen 2008a" listed, two unlettered Olsen 2008 entries are 2008b and 2008c.
    used = {r.year_suffix for r in same_author if r.year == citation.year and r.year_suffix}
    free = [c for c in "abcdefghijklmnopqrstuvwxyz" if c not in used][: len(twins)]
    if len(fitting) == 1:
        chosen = fitting[0]
    elif citation.year_suffix in free:
        chosen = twins[free.index(citation.year_suffix)]
    else:
        return None
    return Link(
        citation,
        "year-mismatch",
        (chosen,),
        alternatives=tuple(r for r in twins if r is not chosen),
    )


def _same_letter_first(citation: Citation, ranked: list[Reference]) -> list[Reference]:
    """``ranked`` (closest year first), where the cited letter settles a tie for the
    closest year, without the entries it rules out: "2009a" with "2010a" and "2010b"
    listed is a slip of the year of 2010a."""
    if not citation.year_suffix or not ranked:
        return ranked
    best = _year_distance(citation.year, ranked[0].year)
    tied = [r for r in ranked if _year_distance(citation.year, r.year) == best]
    lettered = [r for r in tied if r.year_suffix == citation.year_suffix]
    if len(lettered) != 1 or len(tied) < 2:
        return ranked
    return [lettered[0], *(r for r in ranked if r not in tied)]


_TITLE_NAME_WORDS = 3
"""Software and datasets are cited by a name of a word or three ("XDS", "R")."""


def _cited_by_title(
    citation: Citation, keys: Sequence[str], refs: Sequence[Reference]
) -> list[Reference]:
    """Entries of ``refs`` whose short title (or the part before its colon) is the
    cited name, of the cited year when ``refs`` are that year's: "(Xds, 2010)" for
    "Kabsch W. 2010. Xds. Acta Cryst D 66:125-132", "(GROMACS, 2015)" for "Abraham
    MJ, ... 2015. GROMACS: High performance ..."."""
    if len(keys) != 1 or citation.et_al:
        return []
    out = []
    for ref in refs:
        if not ref.title or (ref.year == citation.year and not _year_matches(citation, ref)):
            continue
        head = ref.title.split(":", 1)[0]
        if len(head.split()) <= _TITLE_NAME_WORDS and surname_key(head) == keys[0]:
            out.append(ref)
    return out


def _uncited_title_slips(citation: Citation, index: _Index, cited: set[str]) -> list[Reference]:
    """Entries cited nowhere whose title names the work a citation that matches
    nothing cites, with its year a slip of the keys off: "(Xds, 2011)" for "Kabsch W.
    2010. Xds. ...".  Not when another citation names the entry (a later release,
    "(UK Biobank, 2016)" beside "(Sudlow et al., 2015)", is a document the list
    lacks), nor for words read only if they name an entry ("MATLAB 2019" in prose
    may be a release).  A quoted title is read only if it names an entry, as it may
    open a quotation, but one that opens an uncited entry's title is that entry's
    citation: '("Can You Reverse Type 2 Diabetes?," 2020)' for the listed 2019."""
    if citation.title:
        return [
            r
            for r in _opened_by_quoted_title(citation, index.references)
            if r.id not in cited and _typing_slip(citation.year, r.year)
        ]
    if citation.tentative:
        return []
    keys = citation_keys(citation)
    return [
        r
        for r in _cited_by_title(citation, keys, index.references)
        if r.id not in cited and _typing_slip(citation.year, r.year)
    ]


def _near_link(
    citation: Citation, near: list[tuple[float, Reference]], settings: MatchSettings
) -> Link:
    """An author mismatch with the best near surname, or ambiguity between several."""
    best_score = near[0][0]
    best = [r for s, r in near if s == best_score]
    best = _narrow(citation, best, settings) or best
    if len(best) == 1:
        return Link(citation, "author-mismatch", (best[0],), score=best_score)
    return Link(citation, "ambiguous", tuple(best), score=best_score)


def _dedupe(refs: Sequence[Reference]) -> list[Reference]:
    seen: set[str] = set()
    out = []
    for r in refs:
        if r.id not in seen:
            seen.add(r.id)
            out.append(r)
    return out


def _group_matches(citation: Citation, index: _Index) -> list[Reference]:
    """Group authors whose name contains "and" are split by the citation finder:
    "(Centers for Disease Control and Prevention, 2020)" reads as two names."""
    if len(citation.authors) < 2:
        return []
    joined = sorted(_joined_keys(citation))
    exact = _dedupe([r for key in joined for r in index.by_key.get(key, ())])
    if exact or not citation.narrative:
        return exact
    # In prose the finder reads "the Ministry of Health, Labour and Welfare (2019)" from
    # "Health" on, stopping at "of": a body of the cited year whose name ends with the
    # cited names, whole words after its "of" or "for", is the one meant.
    cited = _title_words(" and ".join(citation.authors))
    return [
        r
        for r in index.by_year.get(citation.year, ())
        if r.authors and r.authors[0].group and _name_ends_with(r.authors[0].family, cited)
    ]


def _name_ends_with(name: str, cited: list[str]) -> bool:
    """``name``'s words end with ``cited`` (the cited list's "and" may be a comma in it),
    right after an "of" or a "for"."""
    words = [w for w in _title_words(name) if w != "and"]
    tail = [w for w in cited if w != "and"]
    if len(tail) < 2 or len(words) <= len(tail) or words[-len(tail) :] != tail:
        return False
    return words[-len(tail) - 1] in ("of", "for")


def _choose(citation: Citation, candidates: list[Reference], settings: MatchSettings) -> Link:
    narrowed = candidates if len(candidates) == 1 else _narrow(citation, candidates, settings)
    if len(narrowed) == 1:
        ref = narrowed[0]
        if citation.year_suffix is None and ref.year_suffix:
            # "Smith 2008" for a lone "Smith 2008a", however the name was matched: the
            # citation lacks the list's letter (as in `_link_author_year`).
            return Link(citation, "year-mismatch", (ref,))
        return Link(citation, "linked", (ref,))
    return Link(citation, "ambiguous", tuple(narrowed or candidates))


def _narrow(
    citation: Citation, candidates: Sequence[Reference], settings: MatchSettings
) -> list[Reference]:
    """Candidates consistent with the citation's other authors and its author count."""
    keys = citation_keys(citation)
    out = list(candidates)
    if citation.initials and len(out) > 1:
        initialled = [r for r in out if _initials_fit(citation.initials, r)]
        if initialled:
            out = initialled
    if len(keys) > 1:
        with_second = [r for r in out if _second_author_fits(keys, r)]
        if with_second:
            out = with_second
    if len(keys) > 2 and len(out) > 1:
        # "Kleven, Landais, and Søgaard (2019)" beside two works by Kleven and Landais
        # of 2019: the one with Søgaard.
        with_all = [r for r in out if _later_authors_fit(keys, r)]
        if with_all:
            out = with_all
    counted = [r for r in out if _count_fits(citation, r, settings)]
    if citation.et_al and len(counted) > 1:
        # "Allmann et al." next to both Allmann & Baldwin and a four-author Allmann
        # paper of the same year means the four-author one.
        counted = [r for r in counted if several_authors(r, settings)] or counted
    out = counted or out
    if len(out) > 1:
        # "(IFS, 2020)" beside "Ifs-Jones, A. (2020)" and the Institute's 2020: a whole
        # name before half of one (`_half_of_a_double_barrel`).
        out = [r for r in out if not _names_half(citation, r)] or out
    if len(out) > 1 and citation.authors:
        # Two bodies a spelling tells apart ("Department of Defense" and "Department
        # of Defence", one American, one Australian): the one spelt as cited.
        spelt = written_key(citation.authors[0])
        same = [r for r in out if r.authors and written_key(r.authors[0].family) == spelt]
        if len(same) == 1:
            return same
    return out


def _initials_fit(initials: str, ref: Reference) -> bool:
    """ "J." or "J. K." against the first author's given names ("J.", "John K.")."""
    if not ref.authors or not ref.authors[0].given:
        return False
    cited = [ch for ch in initials if ch.isalpha()]
    return given_initials(ref.authors[0].given)[: len(cited)] == cited


def given_initials(given: str) -> list[str]:
    """The first letter of each given name: ["J", "K"] of "John K." or "J.-K."."""
    return [word[0] for word in re.split(r"[\s.\-]+", given) if word]


def _count_fits(citation: Citation, ref: Reference, settings: MatchSettings) -> bool:
    n = len(ref.authors)
    if citation.et_al:
        return n >= 2 or ref.authors_truncated
    if ref.authors_truncated:
        return len(citation.authors) >= 2
    return len(citation.authors) == n or (
        n >= settings.et_al_min_authors and len(citation.authors) >= settings.et_al_min_authors
    )


def _sibling_letter(citation: Citation, ref: Reference) -> bool:
    """``ref`` has the cited year with another letter: a different work of that year."""
    return (
        citation.year == ref.year
        and bool(citation.year_suffix and ref.year_suffix)
        and citation.year_suffix != ref.year_suffix
    )


def _typing_slip(cited: str | None, listed: str | None) -> bool:
    """Whether a cited year could be the listed one mistyped: one digit wrong, two
    adjacent digits swapped, or one year off (online first versus print).  A year
    that is no number ("n.d.", "in press") may stand for any."""
    if cited is None or listed is None or not cited.isdigit() or not listed.isdigit():
        return True
    return _year_distance(cited, listed) <= 1


def _year_distance(cited: str | None, listed: str | None) -> float:
    """How far apart two years are as typing errors go: one year off is closest,
    then one digit wrong or two adjacent digits swapped, then the size of the gap."""
    if cited is None or listed is None or not cited.isdigit() or not listed.isdigit():
        return 1000.0
    gap = abs(int(cited) - int(listed))
    if gap == 1:
        return 0.5  # online first versus print: the commonest disagreement of all
    if DamerauLevenshtein.distance(cited, listed) == 1:
        return 1.0
    return float(gap)


def _later_authors_fit(keys: Sequence[str], ref: Reference) -> bool:
    """Every name the citation gives after its second is one of ``ref``'s authors after
    its second, in the cited order."""
    later = iter([surname_keys(a.family) for a in ref.authors[2:]])
    return all(any(key in names for names in later) for key in keys[2:])


def _second_author_fits(keys: Sequence[str], ref: Reference) -> bool:
    """``ref``'s second author is the citation's second name (``keys[1]``), in full or
    by the first part of a double surname ("García" for "García Márquez")."""
    if len(ref.authors) < 2:
        return False
    family = ref.authors[1].family
    parts = family.split()
    return keys[1] in surname_keys(family) or (len(parts) > 1 and keys[1] == surname_key(parts[0]))


def _near_surnames(
    citation: Citation,
    key: str,
    index: _Index,
    settings: MatchSettings,
    floor: float | None = None,
    *,
    any_year: bool = False,
) -> list[tuple[float, Reference]]:
    """References of the citation's year (with ``any_year``, of every year: a citation
    by page gives none) whose first surname is a near miss, best first: it scores at
    least ``floor`` (``settings.author_similarity`` unless given)."""
    threshold = settings.author_similarity if floor is None else floor
    # A name of several words ("Royal Society") is compared with a sole author's whole
    # name too: "Royal Sociepty" is no body's name, so the parser read a person.
    whole = bool(citation.authors) and _several_words(citation.authors[0])
    out = []
    candidates = index.references if any_year else index.by_year.get(citation.year, ())
    for ref in candidates:
        if not ref.authors or not (any_year or _year_matches(citation, ref)):
            continue
        keys = _compared_keys(ref, whole=whole, capitals=index.capitals)
        best = max((ratio(key, k) for k in keys), default=0.0)
        if best >= threshold:
            out.append((round(best, 1), ref))
    out.sort(key=lambda pair: (-pair[0], pair[1].index))
    return out


def _uncited_near_surnames(
    citation: Citation, index: _Index, settings: MatchSettings, cited: set[str]
) -> list[tuple[float, Reference]]:
    """`_near_surnames` of the citation's first surname that no citation names."""
    keys = citation_keys(citation)
    if not keys:
        return []
    return [
        (score, r)
        for score, r in _near_surnames(citation, keys[0], index, settings)
        if r.id not in cited
    ]


def _uncited_year_slips(lk: Link, cited: set[str]) -> list[Reference]:
    """The cited author's entries that no citation names and whose year one slip of
    the keys explains.  "(Smith, 1999)" with "Smith 1998" listed and cited nowhere and
    "Smith 2000" cited exactly elsewhere: two years fit equally, but only one entry
    lacks its citation, so that is the one whose year is wrong."""
    keys = citation_keys(lk.citation)
    if not keys or not keys[0]:
        return []
    capitals = in_capitals(lk.citation.authors[0])
    return [
        r
        for r in lk.alternatives
        if r.id not in cited
        and (
            keys[0] in first_author_keys(r)
            or (
                # A body's further abbreviation is weaker evidence than a name as
                # listed, so one year off (online versus print, a page updated) only,
                # not a digit's slip: "(COPE, 2017)" beside the Committee's 2019 is
                # as likely a work missing.
                capitals
                and keys[0] in first_author_keys(r, capitals=True)
                and _year_distance(lk.citation.year, r.year) < 1
            )
        )
        and _typing_slip(lk.citation.year, r.year)
        and not _another_co_author(lk.citation, r)
    ]


_CORROBORATION = 20.0
"""Points of surname similarity that other evidence stands in for (`_corroborated_misspellings`)."""


def _corroborated_misspellings(
    citation: Citation,
    index: _Index,
    settings: MatchSettings,
    cited: set[str],
    *,
    year_taken: bool = False,
) -> list[tuple[float, Reference]]:
    """Entries a citation that matches nothing may still mean, best first.

    "(Bender and Hudson, 2000)" with "Bneher W, Hudson A. 2000" listed and cited
    nowhere: the surnames score only 67, under ``author_similarity``, but the year, the
    second author and the author count agree and no other citation claims the entry.
    That evidence stands in for `_CORROBORATION` points of similarity; without it the
    citation would be reported missing and its entry uncited, one error as two.  An
    "et al." citation needs an entry of two authors or more (`_count_fits`: eLife
    writes "et al." for pairs); a lone surname gets no discount, as one author against
    one author corroborates nothing.  With a second author agreeing, a surname one
    slip of the keys off will do however short ("Li and Durbin" for "Lh & Durbin").
    ``year_taken``: the cited name's entry of another year, which the citation would
    otherwise misdate, is cited exactly elsewhere; then a garbled entry of the cited
    year will do though the cited name leads an entry ("(Yu et al., 2010)" beside a
    "Yu et al. 2012" cited as such, and an uncited "Yz et al. 2010").
    """
    keys = citation_keys(citation)
    if not keys or not keys[0] or (len(keys) < 2 and not citation.et_al):
        return []  # a lone surname: one author against one is no corroboration
    floor = settings.author_similarity - _CORROBORATION
    # A cited name that leads no entry is no author of this list as written; nor,
    # for this citation, is one whose only other reading is taken (``year_taken``).
    unlisted = year_taken or keys[0] not in index.by_key
    return [
        (score, ref)
        for score, ref in _near_surnames(citation, keys[0], index, settings, 0.0)
        if ref.id not in cited
        and _count_fits(citation, ref, settings)
        and (len(keys) < 2 or _second_author_fits(keys, ref))
        # A short surname one slip of the keys off scores low ("Li"/"Lh", 50), but
        # with the second author and the year agreeing it is the same name; so is
        # one garbled twice with its first letter kept ("Sepp and Auld" for "Spe &
        # Auld"), where the cited name leads no entry.  With `et al.` only the count
        # corroborates: the listed name must be no name ("Lm", "Dhg"), as Li and Lu,
        # Ma and Mo, are two people, or its year's letter must be the cited name's.
        and (
            score >= floor
            or (len(keys) >= 2 and _one_slip(keys[0], ref))
            or (unlisted and _garbled(keys[0], ref, vowelless=len(keys) < 2))
            or (_stray_letter(citation, ref, index) and _garbled(keys[0], ref, vowelless=False))
        )
    ]


def _stray_letter(citation: Citation, ref: Reference, index: _Index) -> bool:
    """``ref`` carries the cited year and letter, which no other entry of its name
    explains, while the cited name leads an entry of that year with another letter
    and a co-author in common: "(Hart et al., 1987a)" with "Hart, Clarke & Wigley
    1987b" and "Hahp, Clarke & Wigley 1987a" listed.  A lone Hahp 1987 would need no
    letter; the list lettered it as Hart's."""
    letter, year = citation.year_suffix, citation.year
    if not letter or ref.year != year or ref.year_suffix != letter:
        return False
    keys = citation_keys(citation)
    siblings = [
        r
        for r in index.by_key.get(keys[0], ())
        if r.year == year and r is not ref and r.year_suffix and r.year_suffix != letter
    ]
    # The letters go to works of one author list: a co-author in common says so
    # ("Hahp, Clarke & Wigley" beside "Hart, Clarke & Wigley"; not "Hall, Moore & Tsang").
    if not any(_co_authors(r) & _co_authors(ref) for r in siblings):
        return False
    return not any(
        r is not ref and r.year == year
        for key in first_author_keys(ref)
        for r in index.by_key.get(key, ())
    )


def _co_authors(ref: Reference) -> frozenset[str]:
    """The surname keys of ``ref``'s authors after the first."""
    return frozenset(surname_key(a.family) for a in ref.authors[1:])


def _one_slip(key: str, ref: Reference) -> bool:
    """``ref``'s first surname is ``key`` with one letter wrong, missing, added or two
    letters swapped."""
    return any(
        DamerauLevenshtein.distance(key, k, score_cutoff=1) == 1 for k in first_author_keys(ref)
    )


_GARBLED_SLIPS = 2
"""Slips of the keys a corroborated surname may carry (`_garbled`)."""
_VOWEL = re.compile(r"[aeiouy]")


def _garbled(key: str, ref: Reference, *, vowelless: bool) -> bool:
    """``ref``'s first surname is ``key`` with its first letter kept and one or two
    letters wrong, missing, added or swapped, fewer than either name has letters
    ("Li"/"Lm", "Sepp"/"Spe", "Dunn"/"Dui"; not "Li"/"Lee", "Tan"/"Tf"); with
    ``vowelless``, a surname with no vowel after its first letter ("Lm", "Whk")."""
    for k in first_author_keys(ref):
        if k[:1] != key[:1] or (vowelless and _VOWEL.search(k, 1)):
            continue
        distance = DamerauLevenshtein.distance(key, k, score_cutoff=_GARBLED_SLIPS)
        if 0 < distance <= _GARBLED_SLIPS and distance < min(len(key), len(k)):
            return True
    return False


_SLIP_MIN_LENGTH = 4
"""Letters a surname needs before one slip of the keys in it may still be read as it."""

_TWO_SLIPS_MIN_LENGTH = 5
"""Letters both surnames need before two slips of the keys may still be one name."""

_TWO_SLIPS_MIN_SIMILARITY = 70.0
"""Similarity two slips must leave: Lewis/Louwis (72.7) is one name mistyped twice,
Meyer/Maier and Brown/Braun (60.0) are names of their own."""


def _slips_apart(key: str, other: str, *, two: bool) -> bool:
    """One slip of the keys in a name of four letters or more, or (``two``) two in
    names of five or more that keep most of their letters in order."""
    shorter = min(len(key), len(other))
    distance = DamerauLevenshtein.distance(key, other, score_cutoff=2)
    if distance == 1:
        return shorter >= _SLIP_MIN_LENGTH
    return (
        two
        and distance == 2
        and shorter >= _TWO_SLIPS_MIN_LENGTH
        and ratio(key, other) >= _TWO_SLIPS_MIN_SIMILARITY
    )


def _misspelt_lone_surnames(
    citation: Citation, index: _Index, settings: MatchSettings, cited: set[str]
) -> list[tuple[float, Reference]]:
    """Uncited entries of the year and author count of a lone-surname citation that
    matches nothing, whose surname a slip or two of the keys explains (`_slips_apart`):
    "(Mori, 2005)" with "Moir 2005" listed and cited nowhere, or "(Lewis, 1947)" with
    "Louwis 1947".  Such names score under ``author_similarity`` (75 for one wrong
    letter in four), and a lone author has no co-author to corroborate it; but a
    citation without entry and an entry without citation, of one year and that close
    in name, are likelier one misspelling than two errors.  (Chen and Chan may be two
    people: the finding's help says what to do then.)

    A body's name that the finder split at its "and" is one name here, against bodies
    only ("Northfield and Ashby Hospitals NHS Foundation Trust, 2021b" for a listed
    "Northfield and Ashy Hospitals ...").  A year's letter the entry shares with the
    citation, which the cited name's own entries lack, allows two slips however the
    name is listed ("Nakamura-Feld 2019a" with "Nakamura-Feld 2019b" cited and
    "Nkamrua-Feld 2019a" uncited)."""
    keys = citation_keys(citation)
    if citation.et_al or not keys:
        return []
    # A body's name the finder read as several: compared whole, with bodies only.
    body = len(keys) > 1
    key = keys[0]
    if not body and len(key) < _SLIP_MIN_LENGTH:
        return []
    cited_name = " and ".join(citation.authors)
    out = []
    for ref in index.by_year.get(citation.year, ()):
        if ref.id in cited or not _year_matches(citation, ref) or not ref.authors:
            continue
        # The entries its first author leads, by name (not by acronym, which a body of
        # a name one word apart may share).
        own = index.by_key.get(surname_key(ref.authors[0].family), ())
        # A body's name of several words with no "and" is compared as a body's too
        # ("Pennine Archaeology Trust, 2019a" for a listed "Pennice Archaeology Trust").
        # Not a body with other entries of its own: the Central Bank of Iceland's
        # uncited 2019a beside its cited 2019b is its own, however near Ireland's.
        group = ref.authors[0].group
        if group and not body and _several_words(cited_name):
            listed = ref.authors[0].family
            if _one_word_misspelt(cited_name, listed) and not any(r is not ref for r in own):
                out.append((_name_similarity(cited_name, listed), ref))
            continue
        if body != group or not (body or _count_fits(citation, ref, settings)):
            continue
        if body:
            # One word misspelt, however the "and" was written; "Surrey and Sussex ..."
            # for a listed "Surrey and Essex ..." is another body.
            if _one_word_misspelt(cited_name, ref.authors[0].family):
                out.append((_name_similarity(cited_name, ref.authors[0].family), ref))
            continue
        # A cited name that leads another entry is an author of this list: "(Miller,
        # 2010)" beside a listed Miller 2008 is likelier Miller's missing work than an
        # uncited Mills 2010 mistyped twice; not when the entry has the cited letter
        # and its own author no other work of that year to have given it the letter.
        lettered = (
            citation.year_suffix is not None
            and ref.year_suffix == citation.year_suffix
            and not any(r is not ref and r.year == ref.year for r in own)
        )
        two = lettered or key not in index.by_key
        slips = [k for k in first_author_keys(ref) if _slips_apart(key, k, two=two)]
        if slips:
            out.append((round(max(ratio(key, k) for k in slips), 1), ref))
    out.sort(key=lambda pair: (-pair[0], pair[1].index))
    return out


_CLOSEST_SIMILARITY = 70.0


def _closest(key: str, index: _Index) -> tuple[Reference, ...]:
    """A reference worth naming in a "no reference" message: similar surname, any year."""
    hits = process.extract(
        key, index.keys, scorer=ratio, score_cutoff=_CLOSEST_SIMILARITY, limit=None
    )
    if not hits:
        return ()
    best = max(score for _, score, _ in hits)
    return (
        min((index.key_refs[i] for _, score, i in hits if score == best), key=lambda r: r.index),
    )


def _compared_keys(ref: Reference, *, whole: bool, capitals: bool = False) -> frozenset[str]:
    """The keys a cited first author is measured against: the surname's (with
    ``capitals``, a body's abbreviations too), and with ``whole`` (a cited name of
    several words) the whole name's of a sole author."""
    keys = first_author_keys(ref, capitals=capitals)
    if whole:
        keys = keys | {surname_key(form) for form in _whole_forms(ref, initials=False)}
    return keys


def listed_name(citation: Citation, ref: Reference) -> str:
    """The listed first author as a citation was measured against it (`_compared_keys`):
    the surname, or a sole author's whole name when that is nearer ("Royal Sociepty"
    for "Royal Society", which the parser read as a person)."""
    family = ref.authors[0].family
    if not citation.authors or not _several_words(citation.authors[0]):
        return family
    key = surname_key(citation.authors[0])
    best = max((ratio(key, k) for k in first_author_keys(ref)), default=0.0)
    for form in _whole_forms(ref, initials=False):
        if (score := ratio(key, surname_key(form))) > best:
            best, family = score, form
    return family


def year_label(year: str | None, suffix: str | None) -> str:
    """A year as APA writes it with its letter: "2019a", "n.d.-a", "in press-b"."""
    year = year or "n.d."
    if not suffix:
        return year
    return f"{year}{suffix}" if year[-1:].isdigit() else f"{year}-{suffix}"


def describe_author(ref: Reference, name: str | None = None) -> str:
    """ "Duman et al. (2012)" style label of a reference for messages; ``name`` for
    the first author's name as `listed_name` gives it."""
    year = year_label(ref.year, ref.year_suffix)
    if not ref.authors:
        # A work without author goes by its title, as APA cites it: "Hospital staff
        # shortages worsen" (2021).
        title = re.sub(r"[\"“”]", "", ref.title or "").strip(" .,;:")
        words = title.split()
        if not words:
            return f"({year})"
        short = " ".join(words[:_TITLE_LABEL_WORDS]) + (
            " …" if len(words) > _TITLE_LABEL_WORDS else ""
        )
        return f'"{short}" ({year})'

    first = name or ref.authors[0].family
    if len(ref.authors) == 2 and not ref.authors_truncated:
        return f"{first} & {ref.authors[1].family} ({year})"
    if len(ref.authors) > 2 or ref.authors_truncated:
        return f"{first} et al. ({year})"
    return f"{first} ({year})"


_TITLE_LABEL_WORDS = 6
"""Words of a title that name a work without author in messages."""


def cited_references(links: Sequence[Link]) -> Mapping[str, list[str]]:
    """Reference id -> ids of the citations linked to it (ambiguous candidates included,
    since any of them may be the one meant)."""
    out: dict[str, list[str]] = defaultdict(list)
    for lk in links:
        if lk.status in ("linked", "year-mismatch", "author-mismatch", "ambiguous"):
            for ref in lk.references:
                out[ref.id].append(lk.citation.id)
    return out


__all__ = [
    "Duplicate",
    "Link",
    "MatchSettings",
    "cited_references",
    "describe_author",
    "different_titles",
    "find_duplicates",
    "find_shared_dois",
    "first_author_keys",
    "given_initials",
    "link",
]
