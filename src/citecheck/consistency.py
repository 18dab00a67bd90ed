"""Offline findings: the text against its own reference list (CIT1xx) and DOI syntax (CIT2xx)."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from citecheck.authorpage import first_title_word
from citecheck.callout_names import unnamed_callouts
from citecheck.citations import writes_surnames_in_capitals
from citecheck.diagnostics import Diagnostic, Related, Severity
from citecheck.document import Document
from citecheck.doi import DOI_RE, normalize_doi, written_doi
from citecheck.linking import (
    Duplicate,
    Link,
    MatchSettings,
    cited_references,
    describe_author,
    find_shared_dois,
    first_author_keys,
    first_published,
    given_initials,
    listed_name,
    same_author_year,
    several_authors,
    year_label,
)
from citecheck.malformed import IBID_FIRST, Malformed
from citecheck.model import Citation, Reference, Span
from citecheck.names import fold, surname_key, surname_keys
from citecheck.peerreview import PeerReview
from citecheck.refsection import collection_name
from citecheck.rules import make
from citecheck.statutes import case_name, law_title, name_pattern
from citecheck.urls import page_key


def check(
    doc: Document,
    references: Sequence[Reference],
    citations: Sequence[Citation],
    links: Sequence[Link],
    *,
    has_list: bool,
    settings: MatchSettings,
    duplicates: Sequence[Duplicate] = (),
    peer_review: PeerReview | None = None,
    malformed: Sequence[Malformed] = (),
    notes_only: bool = False,
    last_note: str | None = None,
) -> list[Diagnostic]:
    """Every offline finding for one document.

    Citation findings in ``peer_review`` material are warnings: see `_in_peer_review`.
    ``notes_only``: the article has no list, its full notes are the references
    (`fullnotes.read_notes_only`); ``last_note``: the last note's number, where notes
    cite, for a mark past it."""
    out: list[Diagnostic] = []
    if citations and not has_list:
        out.append(_no_reference_list(doc, citations))
    else:
        names_three = _names_three(references)
        # A Cochrane review cites its studies by study ID, first author and year
        # ("Sterne 2019"), whatever their number of authors.  Asked only when a
        # citation would otherwise lack its `et al.`: the scan reads the whole text.
        study_ids = functools.cache(lambda: _COCHRANE_PARTS.search(doc.text) is not None)
        apa6 = _apa6_first_citations(links)
        # Only a citation that names enough authors without "et al." asks.
        named = any(not c.et_al and len(c.authors) >= settings.et_al_min_authors for c in citations)
        shared = _shared_short_forms(references, settings) if named else frozenset()
        past_end: set[Span] = set()
        for lk in links:
            if lk.status == "out-of-range":
                # "[45-120]" expands to 76 citations of one span: one finding says so.
                if lk.citation.span in past_end:
                    continue
                past_end.add(lk.citation.span)
            found = _citation_findings(
                doc,
                lk,
                settings,
                names_three=names_three,
                apa6=apa6,
                shared=shared,
                study_ids=study_ids,
                notes_only=notes_only,
                last_note=last_note,
            )
            at = lk.citation.span.start
            if peer_review is not None and peer_review.contains(at):
                found = (_in_peer_review(d, peer_review, at) for d in found)
            out.extend(found)
        out.extend(_named_callouts(doc, references, links))
        out.extend(_uncited(doc, references, links, duplicates))
    out.extend(_malformed_citations(doc, malformed))
    out.extend(_duplicates(doc, duplicates))
    out.extend(_incomplete(doc, references))
    out.extend(_malformed_dois(doc, references))
    out.extend(_non_canonical_dois(doc, references))
    out.extend(_shared_dois(doc, references))
    return out


def _named_callouts(
    doc: Document, references: Sequence[Reference], links: Sequence[Link]
) -> Iterator[Diagnostic]:
    """ "Yang et al. [4]" where entry 4 has no Yang (`callout_names`)."""
    for named in unnamed_callouts(doc.text, links, references):
        ref = named.references[0]
        numbers = ", ".join(str(r.number or r.index) for r in named.references)
        entries = "entry" if len(named.references) == 1 else "entries"
        listed = ", ".join(f"`{describe_author(r)}`" for r in named.references)
        score, nearest, near_ref = _nearest_author(named.names[0], named.references)
        if score >= _SPELLING_SCORE:
            help_text = (
                f"Did you mean `{nearest}`? (surname similarity {score:g}/100 with entry"
                f" {near_ref.number or near_ref.index})"
            )
        elif named.elsewhere:
            other = named.elsewhere[0]
            help_text = (
                f"{named.names[0]} is the first author of entry {other.number or other.index}"
                f" (`{describe_author(other)}`): is the number wrong?"
            )
        else:
            help_text = (
                f"No entry of the list is by {named.names[0]}: check the name and the number"
            )
        yield make(
            "citation-author-mismatch", path=doc.path,
            start=doc.position(named.span.start), end=doc.position(named.span.end),
            message=(
                f"Author mismatch: `{named.written}` before call-out [{numbers}] names"
                f" {named.names[0]}, but {entries}"
                f" {numbers} {'is' if len(named.references) == 1 else 'are'} {listed}"
            ),
            help=help_text,
            related=tuple(entry_related(doc, r) for r in named.references),
            data={
                "citation_id": named.citation_id,
                "reference_id": ref.id,
                "cited_author": named.names[0],
                "listed_author": ref.authors[0].family,
                **({"suggested_reference_id": named.elsewhere[0].id} if named.elsewhere else {}),
            },
        )  # fmt: skip


_SPELLING_SCORE = 75.0
"""A name before a call-out this similar to an author of its entry is that name misspelt."""


def _nearest_author(name: str, references: Sequence[Reference]) -> tuple[float, str, Reference]:
    """The score, surname and entry of the author of ``references`` nearest to
    ``name`` in spelling (a score of 0 when none has authors)."""
    key = surname_key(name)
    scored = [
        (round(fuzz.ratio(key, surname_key(a.family)), 1), -r.index, a.family, r)
        for r in references
        for a in r.authors
    ]
    if not scored:
        return 0.0, "", references[0]
    score, _, family, ref = max(scored, key=lambda s: (s[0], s[1]))
    return score, family, ref


_SPARE_SHOWN = 5
"""Uncited entries a number past the end of the list names at most (and counts the rest)."""


def entry_related(doc: Document, ref: Reference, *, notes_only: bool = False) -> Related:
    """The first line of a reference entry, where reference-level findings point; in an
    article cited by notes alone, the full note that is the work's reference."""
    first_line_end = doc.text.find("\n", ref.span.start, ref.span.end)
    end = ref.span.end if first_line_end == -1 else first_line_end
    label = "full note" if notes_only else f"reference entry {ref.index}"
    return Related(label, doc.position(ref.span.start), doc.position(end))


def _cite(citation: Citation) -> str:
    return f"`{citation.text}`" if citation.kind == "author-year" else f"`[{citation.text}]`"


# The two styles that name up to three authors in the text, read from an entry's head.
# Chicago author-date: surname (no initials after it), a given name written out, and
# the year between full stops ("Dube, Arindrajit, T. William Lester, and Michael Reich.
# 2010. ...").  Harvard (Cite Them Right): surname, initials with full stops, and the
# year in brackets with no full stop after it ("Dube, A., Lester, T.W. and Reich, M.
# (2010) 'Title'").  Not APA
# ("(2010)."), eLife's or Springer's initials without full stops ("Dube A, ..."), nor
# Elsevier's Harvard ("Reich, M., 2010."), which shorten three authors to `et al.`.
_CHICAGO_HEAD = re.compile(
    r"^[^\W\d_][^,.()]{0,60}(?<!\s[A-Z])(?<!\s[A-Z]{2})(?<!\s[A-Z]{3}), (?:[A-Z]\.\s)?[A-Z][a-zß-ÿ]+\b"
    r"[^()]{0,400}?\.\s(?:1[6-9]|20)\d\d[a-z]?\.\s"
)
_HARVARD_HEAD = re.compile(
    r"^[^\W\d_][^,.()]{0,60}, (?:[A-Z]\.\s?)+[^()]{0,400}?\((?:1[6-9]|20)\d\d[a-z]?\)\s+(?!\.)"
    # The bracketed year before a quoted title, whatever the names: "CHEN Fu and ZHANG
    # Wei (2018) 'Effects of ...'".
    r"|^[^\W\d_][^()]{0,300}?\((?:1[6-9]|20)\d\d[a-z]?\)\s+['‘]"
    # The Australian government's Harvard (AGPS): initials without full stops, the year
    # bare before a comma: "Eakin, CM, Sweatman, HPA & Brainard, RE 2019, 'The ...'".
    r"|^[^\W\d_][^,.()]{0,60}, [A-Z]{1,4}\b[^()]{0,300}?\s(?:1[6-9]|20)\d\d[a-z]?, "
)


# Vancouver's entry dates the work after its journal's name ("Lancet Diabetes
# Endocrinol. 2018;6(11):847-58."): a list made for numbered citations, which no
# author-date guide counts the authors of.
_VANCOUVER_DATE = re.compile(r"\.\s(?:1[6-9]|20)\d\d(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?;\s?\d")


def _shared_short_forms(references: Sequence[Reference], settings: MatchSettings) -> frozenset[str]:
    """The entries whose `et al.` form another entry shares: one first author, year and
    letter, several authors each ("Michie, S., van Stralen, M. M., & West, R. (2011)"
    beside "Michie, S., Ashford, S., ... (2011)").  APA 7 (8.18) then names as many
    authors as tell them apart, so a citation that names more than the first complies."""
    by_form: dict[tuple[str, str, str], list[str]] = {}
    for r in references:
        if r.authors and r.year and several_authors(r, settings):
            key = (surname_key(r.authors[0].family), r.year, r.year_suffix or "")
            by_form.setdefault(key, []).append(r.id)
    return frozenset(i for ids in by_form.values() if len(ids) > 1 for i in ids)


# Wikipedia's citation templates (CS1): inverted names with their given names written
# out, parted by semicolons, then the year in brackets ("Dawber, Thomas R.; Meadors,
# Gilcin F.; Moore, Felix E. (1951)."); its short notes name up to four authors.
_CS1_HEAD = re.compile(
    r"[A-ZÀ-Þ][\w'’\- ]{1,40}, [A-ZÀ-Þ][\w.'’\- ]{1,40}(?:; [A-ZÀ-Þ][\w'’\- ]{1,40}, "
    r"[A-ZÀ-Þ][\w.'’\- ]{1,40})+ \((?:1[5-9]|20)\d\d"
)


def _names_three(references: Sequence[Reference]) -> bool:
    """Whether most entries are in Chicago's author-date style, Harvard or ABNT's
    (surnames in capitals, NBR 10520), which name up to three authors in the text
    where APA 7 shortens three to `et al.`; or in Vancouver's, where a text that cites
    them by author and year follows no guide's count, so naming three is no slip
    either."""
    if writes_surnames_in_capitals([r.raw for r in references]):
        return True
    styled = sum(
        1
        for r in references
        if _CHICAGO_HEAD.match(r.raw)
        or _HARVARD_HEAD.match(r.raw)
        or _CS1_HEAD.match(r.raw)
        or _VANCOUVER_DATE.search(r.raw)
    )
    return bool(references) and 2 * styled > len(references)


def _citation_findings(
    doc: Document,
    lk: Link,
    settings: MatchSettings,
    *,
    names_three: bool = False,
    apa6: Apa6 | None = None,
    shared: frozenset[str] = frozenset(),
    study_ids: Callable[[], bool] = lambda: False,
    notes_only: bool = False,
    last_note: str | None = None,
) -> Iterator[Diagnostic]:
    c = lk.citation
    ref = lk.reference
    misuse = coauthor = unlisted = None
    # Where the cited work is given: an article cited by notes alone has no list.
    has = "the full note has" if notes_only else "reference list has"
    if lk.status == "linked":
        # Most links are sound: work out positions only for those that yield a finding.
        if ref is not None and c.kind == "author-year":
            misuse = _et_al_misuse(
                c,
                ref,
                settings,
                # Chicago's notes name up to three authors.
                names_three=names_three or c.note is not None,
                apa6=apa6,
                shared=ref.id in shared,
                study_ids=study_ids,
            )
            coauthor = _coauthor_slip(c, ref)
            unlisted = None if coauthor else _unlisted_coauthor(c, ref)
        if misuse is None and coauthor is None and unlisted is None:
            return
    start, end = doc.position(c.span.start), doc.position(c.span.end)
    data: dict[str, object] = {"citation_id": c.id}
    if ref is not None:
        data["reference_id"] = ref.id
    if lk.passed_over is not None:
        data["passed_over_reference_id"] = lk.passed_over.id
    related = (entry_related(doc, ref, notes_only=notes_only),) if ref is not None else ()
    if lk.status == "unmatched" and c.label is not None:
        help_text = (
            "No entry carries this key: add the work to the reference list, or correct the key"
        )
        if lk.alternatives:
            near = lk.alternatives[0]
            data["closest_reference_id"] = near.id
            help_text = (
                f"No entry carries this key; the nearest is `[{near.label}]`"
                f" (`{describe_author(near)}`)"
            )
        yield make(
            "citation-without-reference", path=doc.path, start=start, end=end,
            message=f"Citation {_cite(c)} matches no key of the reference list",
            help=help_text,
            related=tuple(entry_related(doc, r, notes_only=notes_only) for r in lk.alternatives[:1]),
            data=data,
        )  # fmt: skip
    elif lk.status == "unmatched" and c.kind == "numeric":
        yield make(
            "citation-without-reference", path=doc.path, start=start, end=end,
            message=f"Citation {_cite(c)} matches no entry of the numbered reference list",
            help="No entry carries this number; check the numbering of the list",
            data=data,
        )  # fmt: skip
    elif lk.status == "unmatched":
        help_text = "Add the work to the reference list, or correct the citation"
        if lk.alternatives:
            near = lk.alternatives[0]
            data["closest_reference_id"] = near.id
            help_text = f"Closest entry: `{describe_author(near)}`: {_why_close(c, near)}"
            if lk.equally_near:
                data["equally_near_reference_ids"] = [r.id for r in lk.equally_near]
                help_text = _equally_near(lk, c, near)
            if lk.repeated_authors is not None:
                data["repeated_authors"] = lk.repeated_authors
                help_text = (
                    f"Closest entry: `{describe_author(near)}`, whose second author is not"
                    f" `{c.authors[1]}`; these names and year are cited in"
                    f" {lk.repeated_authors} places while other citations name the entry"
                    " with its own authors, so this reads as another work missing from"
                    " the list"
                )
            if lk.unlisted_second:
                help_text = (
                    f"Closest entry: `{describe_author(near)}`, whose entry names no"
                    f" `{c.authors[1]}` while other citations name it as listed, so this"
                    " reads as a work of these authors missing from the list; if it is"
                    " this work, add its co-authors to the entry"
                )
            if lk.repeated_year is not None:
                data["repeated_year"] = lk.repeated_year
                help_text += (
                    f"; `{_year(c.year, c.year_suffix)}` is cited in {lk.repeated_year} places"
                    " while the entry's own year is cited too, so this reads as another"
                    " work missing from the list"
                )
        message = f"Citation {_cite(c)} matches no entry of the reference list"
        if notes_only and c.note is not None:
            message = f"Note {c.note} cites {_cite(c)}, a work no full note gives"
            if not lk.alternatives:
                help_text = (
                    "Give the work in full (author, title, publication facts) in its first note"
                )
        # A citation that carries its work's identifier ("Behjati et al, 2014
        # -PMID:24633157-") still leads the reader to its source: the list is
        # incomplete, but nothing is broken, so it is a warning.
        identifier = inline_identifier(doc.text, c.span.end)
        if identifier is not None:
            data["inline_identifier"] = identifier
            message += f"; the text identifies the work as `{identifier}`"
            help_text = f"Add the work to the reference list. {help_text}"
        yield make(
            "citation-without-reference", path=doc.path, start=start, end=end,
            message=message,
            help=help_text,
            related=tuple(
                entry_related(doc, r, notes_only=notes_only)
                for r in (*lk.alternatives[:1], *lk.equally_near)
            ),
            data=data,
            severity=Severity.WARNING if identifier is not None else None,
        )  # fmt: skip
    elif lk.status == "year-mismatch" and ref is not None:
        cited_year = _year(c.year, c.year_suffix)
        if c.original_year is not None:
            cited_year = f"{c.original_year}/{cited_year}"
        data.update(cited_year=cited_year, listed_year=_year(ref.year, ref.year_suffix))
        first_year = first_published(ref)
        listed = f"`{describe_author(ref)}`"
        if first_year is not None:
            data["first_published"] = first_year
            listed += f", first published {first_year}"
        yield make(
            "citation-year-mismatch", path=doc.path, start=start, end=end,
            message=f"Year mismatch: cited as `{cited_year}`, {has} {listed}",
            help=(
                _reprint_years(c, ref, first_year)
                or _letters_missing(lk, ref)
                or f"{_year_diagnosis(c, ref)}: correct the year, or list the cited work"
                + _twin_entries(lk, ref)
            )
            + _passed_over(lk),
            related=related,
            data=data,
        )  # fmt: skip
    elif lk.status == "author-mismatch" and ref is not None and lk.order_swapped:
        cited = _join(c.authors, " & ")
        listed = _join([a.family for a in ref.authors], " & ")
        data.update(cited_author=cited, listed_author=listed, order_swapped=True)
        yield make(
            "citation-author-mismatch", path=doc.path, start=start, end=end,
            message=(
                f"Author order: cited as `{cited}`, {has}"
                f" `{describe_author(ref)}` with the authors in another order"
            ),
            help=(
                f"Keep the entry's order, first author first: `{listed}`"
                f" ({_year(ref.year, ref.year_suffix)}); or, if this is another work of"
                " these authors, add it to the list"
            ),
            related=related,
            data=data,
        )  # fmt: skip
    elif lk.status == "author-mismatch" and ref is not None:
        listed = listed_name(c, ref)
        cited = _cited_name(c, ref)
        data.update(cited_author=cited, listed_author=listed, score=lk.score)
        suggestion = _corrected(c, cited, listed)
        first = ref.authors[0]
        measured = "surname" if listed == first.family and not first.group else "name"
        yield make(
            "citation-author-mismatch", path=doc.path, start=start, end=end,
            message=(
                f"Author mismatch: cited as `{cited}`, "
                f"{has} `{describe_author(ref, listed)}`"
            ),
            help=f"Did you mean `{suggestion}`? ({measured} similarity {lk.score:g}/100)"
            + _passed_over(lk)
            + _under_threshold(lk, settings),
            related=related,
            data=data,
        )  # fmt: skip
    elif lk.status == "ambiguous":
        labels = ", ".join(
            f"`{label}`" + ("" if notes_only else f" (entry {r.index})")
            for r, label in zip(lk.references, _told_apart(lk.references), strict=True)
        )
        data["candidate_ids"] = [r.id for r in lk.references]
        fits = "works of the full notes" if notes_only else "entries"
        message = f"Ambiguous citation: {_cite(c)} fits {len(lk.references)} {fits}: {labels}"
        help_text = (
            f"Tell the works apart with year letters (`{c.year or 2012}a`,"
            f" `{c.year or 2012}b`) in the list and the text"
        )
        if c.by_page:
            help_text = _short_title_help(c, lk.references)
        elif _first_initials(lk.references):
            if c.initials:
                message += f"; none has a first author with the initials `{c.initials}`"
            help_text = (
                "Their first authors are different people of one surname: give the"
                " initials in the text (`J. Smith, 2019`), as APA 7 asks"
            )
        yield make(
            "ambiguous-citation", path=doc.path, start=start, end=end,
            message=message, help=help_text,
            related=tuple(entry_related(doc, r, notes_only=notes_only) for r in lk.references),
            data=data,
        )  # fmt: skip
    elif c.note is not None and lk.status in ("unnumbered-list", "out-of-range"):
        yield make(
            "citation-number-out-of-range", path=doc.path, start=start, end=end,
            message=f"Note mark `{c.text}` names no note: the notes end at {last_note}",
            help="A note is missing, or the mark is wrong",
            data={**data, "number": c.number, "last_number": None, "uncited_numbers": [], "last_note": last_note},
        )  # fmt: skip
    elif lk.status == "unnumbered-list":
        yield make(
            "citation-number-out-of-range", path=doc.path, start=start, end=end,
            message=f"Citation {_cite(c)} cites by number, but the reference list is not numbered",
            help="Number the reference list, or cite the work by author and year",
            data={**data, "number": c.number, "last_number": None, "uncited_numbers": []},
        )  # fmt: skip
    elif lk.status == "out-of-range":
        spare = [r.number if r.number is not None else r.index for r in lk.alternatives]
        help_text = "A reference is missing, or the number is wrong"
        if spare:
            shown = ", ".join(map(str, spare[:_SPARE_SHOWN]))
            if len(spare) > _SPARE_SHOWN:
                shown += f" and {len(spare) - _SPARE_SHOWN} more"
            entries = "Entry" if len(spare) == 1 else "Entries"
            help_text = (
                f"{entries} {shown} {'is' if len(spare) == 1 else 'are'} cited nowhere and may be "
                f"the work meant; otherwise a reference is missing or the number is wrong"
            )
        yield make(
            "citation-number-out-of-range", path=doc.path, start=start, end=end,
            message=f"Citation {_cite(c)} points past the end of the reference list, whose last entry is {lk.last_number}",
            help=help_text,
            related=tuple(entry_related(doc, r, notes_only=notes_only) for r in lk.alternatives[:_SPARE_SHOWN]),
            data={**data, "number": c.number, "last_number": lk.last_number, "uncited_numbers": spare[:_SPARE_SHOWN]},
        )  # fmt: skip
    if coauthor is not None and ref is not None:
        cited, listed, score = coauthor
        data.update(cited_author=cited, listed_author=listed, score=score)
        if score >= settings.author_similarity:
            help_text = (
                f"Did you mean `{_corrected(c, cited, listed)}`? (surname similarity {score:g}/100)"
            )
        else:
            names = " & ".join(a.family for a in ref.authors)
            help_text = (
                f"The entry's authors are {names}: correct the citation, or add the work"
                " it means to the list"
            )
        yield make(
            "citation-author-mismatch", path=doc.path, start=start, end=end,
            message=(
                f"Author mismatch: co-author cited as `{cited}`, "
                f"{has} `{listed}` in `{describe_author(ref)}`"
            ),
            help=help_text, related=related, data=data,
        )  # fmt: skip
    if unlisted is not None and ref is not None:
        n = len(ref.authors)
        names = _join([a.family for a in ref.authors], " & ")
        data.update(cited_author=unlisted, listed_author=names)
        yield make(
            "citation-author-mismatch", path=doc.path, start=start, end=end,
            message=(
                f"Author mismatch: `{c.text}` names `{unlisted}`, whom the entry"
                f" `{describe_author(ref)}` does not list"
            ),
            help=(
                f"The entry lists {'one author' if n == 1 else f'{n} authors'}: {names}."
                " Correct the citation, or complete the entry's authors"
            ),
            related=related, data=data,
        )  # fmt: skip
    if misuse is not None:
        message, help_text = misuse
        yield make(
            "et-al-misuse", path=doc.path, start=start, end=end,
            message=message, help=help_text, related=related, data=data,
        )  # fmt: skip


def _in_peer_review(d: Diagnostic, peer_review: PeerReview, at: int) -> Diagnostic:
    """An error in a decision letter, a review or a response, as a warning: the letter is
    published as written and lies outside the article the list belongs to, so it should
    not fail a CI gate on the article.  It is still reported, and says where it is."""
    heading = peer_review.heading_at(at)
    return d.as_warning(
        f"in the peer-review material under `{heading}`", peer_review_heading=heading
    )


# A work identifier written right after a citation: "Smith et al., 2014 -PMID:24633157-",
# "Smith et al., 2014, doi:10.1038/nm.4050", "Smith et al., 2014 (arXiv:1512.00014)".
_INLINE_IDENTIFIER = re.compile(
    r"[\s,;:()\[\]\-–—]{0,4}"
    r"(?P<id>PMID\s?:?\s?\d{1,9}\b|PMCID\s?:?\s?PMC\d{1,9}\b|arXiv\s?:\s?\d{4}\.\d{4,5}(?:v\d+)?"
    r"|(?:doi\s?:\s?|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+[\w/])",
    re.I,
)


def inline_identifier(text: str, at: int) -> str | None:
    """The PMID, PMCID, DOI or arXiv id written right after offset ``at``, if any."""
    m = _INLINE_IDENTIFIER.match(text, at, at + 120)
    if m is None:
        return None
    return " ".join(m.group("id").split())


def _year(year: str | None, suffix: str | None) -> str:
    return year_label(year, suffix)


def _reprint_years(c: Citation, ref: Reference, first: str | None) -> str:
    """Help for a reprint's years: the entry gives its first year (`first_published`)
    and the citation omits it or gives another."""
    if first is None or (c.original_year is None and c.year != first):
        return ""
    both = f"`{first}/{ref.year}`"
    if c.original_year is None:
        return (
            f"The entry lists the {ref.year} edition of a work first published in"
            f" {first}: cite it by both years, {both}, or list the edition cited"
        )
    if (c.original_year, c.year) == (ref.year, first):
        return f"The years are reversed: the first year comes first, {both}"
    return (
        f"The entry gives {first} as the year the work first appeared, not"
        f" {c.original_year}: correct one of them ({both})"
    )


def _year_diagnosis(c: Citation, ref: Reference) -> str:
    """Why the two years may differ: a typo is likelier than a missing work."""
    cited, listed = c.year, ref.year
    if cited == listed:
        # "2005a" against a lone "2005": the letter is the difference.
        return (
            f"Same author and year, `{_year(cited, c.year_suffix)}` vs"
            f" `{_year(listed, ref.year_suffix)}`"
        )
    text = f"Same author, `{cited}` vs `{listed}`"
    if cited and listed and cited.isdigit() and listed.isdigit():
        if sorted(cited) == sorted(listed) and DamerauLevenshtein.distance(cited, listed) == 1:
            return f"{text} (transposed digits?)"
        if abs(int(cited) - int(listed)) == 1:
            return f"{text} (online-first versus print year?)"
    return text


def _short_title_help(c: Citation, refs: Sequence[Reference]) -> str:
    """What an ambiguous citation by page lacks: the short title MLA writes after the
    name when the list gives several works of the author."""
    titled = next((r for r in refs if r.title), None)
    if c.short_title and not c.narrative:
        lead = "The short title fits several of the author's works: give more of it"
    else:
        lead = "Give a short title after the name, as MLA does for an author with several works"
    short = first_title_word(titled.title) if titled is not None and titled.title else None
    if c.note is not None and not c.short_title:
        lead = "Give a short title in the note, as Chicago's short notes do for an author with several works"
    if short is None or not c.authors:
        return lead
    if c.note is not None:
        page = f", {c.locator}" if c.locator else ""
        return f"{lead}: `{c.authors[0]}, {short}{page}.`"
    page = f" {c.locator}" if c.locator else ""
    return f"{lead}: `({c.authors[0]}, {short}{page})`"


def _why_close(c: Citation, ref: Reference) -> str:
    same_author = (
        surname_key(c.authors[0]) == surname_key(ref.authors[0].family)
        if c.authors and ref.authors
        else False
    )
    if c.by_page:
        if same_author and c.short_title:
            return f"same author, but no listed work of theirs is titled `{c.short_title}`"
        return "same author" if same_author else "similar surname"
    cited = _year(c.year, c.year_suffix)
    listed = _year(ref.year, ref.year_suffix)
    if same_author:
        return f"same author, `{cited}` vs `{listed}`"
    return f"similar surname, `{cited}` vs `{listed}`"


def _under_threshold(lk: Link, settings: MatchSettings) -> str:
    """What to do when a surname read as misspelt is another person's after all."""
    if lk.score is None or lk.score >= settings.author_similarity:
        return ""
    return (
        "; read as a misspelling, under the near-miss threshold, because the entry is"
        " cited nowhere else: if these are two people, list the cited work"
    )


def _letters_missing(lk: Link, ref: Reference) -> str:
    """The help for a lettered citation ("2005b") of an entry whose year the list gives
    without a letter, beside others of that author and year: the list lacks the letters."""
    c = lk.citation
    if not (c.year_suffix and c.year == ref.year and not ref.year_suffix):
        return ""
    alike = _entries_alike(lk, ref)
    if not alike:
        return ""
    phrase = _read_alike(ref, alike)
    return (
        f"{phrase[:1].upper()}{phrase[1:]} without the letters the text gives them:"
        f" add the letters to the list, in its order (`{_year(c.year, c.year_suffix)}` reads"
        f" as entry {ref.index})"
    )


def _twin_entries(lk: Link, ref: Reference) -> str:
    """Says so when another entry has the same author and year as the one named: one
    of the two is misdated, and nothing tells which."""
    alike = _entries_alike(lk, ref)
    if not alike:
        return ""
    either = "either" if len(alike) == 2 else "any"
    return f"; {_read_alike(ref, alike)}, so {either} of them may be the cited work"


def _entries_alike(lk: Link, ref: Reference) -> list[Reference]:
    """``ref`` and the entries among the link's alternatives that the citations cannot
    tell from it, in list order; empty when there are none."""
    twins = [r for r in lk.alternatives if same_author_year(r, ref)]
    return sorted([ref, *twins], key=lambda r: r.index) if twins else []


def _read_alike(ref: Reference, alike: Sequence[Reference]) -> str:
    """ "entries 3 and 4 both read `Smith et al. (2005)`"."""
    numbers = [str(r.index) for r in alike]
    both = "both" if len(numbers) == 2 else "all"
    return (
        f"entries {', '.join(numbers[:-1])} and {numbers[-1]} {both} read `{describe_author(ref)}`"
    )


def _equally_near(lk: Link, c: Citation, near: Reference) -> str:
    """The help of a citation whose year is one slip off two or more of the author's
    works: "2005" with 2004 and 2006 listed."""
    named = [near, *lk.equally_near]
    listed = ", ".join(f"`{describe_author(r)}` (entry {r.index})" for r in named[:-1])
    return (
        f"Closest entries: {listed} and `{describe_author(named[-1])}` (entry"
        f" {named[-1].index}), each a slip off `{_year(c.year, c.year_suffix)}`: the cited"
        " work is missing from the list, or its year is mistyped and either may be meant"
    )


def _passed_over(lk: Link) -> str:
    """Why a citation is not read as the entry whose surname and year it has."""
    entry = lk.passed_over
    if entry is None:
        return ""
    if lk.passed_over_nearer:
        return (
            f"; not `{describe_author(entry)}`, nearer in spelling, which other citations"
            " name exactly while this entry is cited nowhere"
        )
    return (
        f"; not `{describe_author(entry)}`, which other citations name as listed while"
        " this citation's authors do not fit it"
    )


def _first_initials(refs: Sequence[Reference]) -> list[str] | None:
    """The first authors' initials ("J."), where they tell ``refs`` apart; else None."""
    initials = [
        "".join(f"{i}." for i in given_initials(r.authors[0].given or ""))
        if r.authors and not r.authors[0].group
        else ""
        for r in refs
    ]
    return initials if all(initials) and len(set(initials)) == len(initials) else None


def _told_apart(refs: Sequence[Reference]) -> list[str]:
    """A label for each of ``refs`` that shows how they differ: the first author's
    initials ("Smith, J. (2019)"), else the second author ("Ahmed, Brooks, et al.
    (2020)"), else the title's opening words."""
    plain = [describe_author(r) for r in refs]
    if len(set(plain)) == len(plain):
        return plain
    initials = _first_initials(refs)
    if initials is not None:
        return [
            f"{r.authors[0].family}, {i} ({_year(r.year, r.year_suffix)})"
            for r, i in zip(refs, initials, strict=True)
        ]
    seconds = [r.authors[1].family if len(r.authors) > 1 else "" for r in refs]
    if all(seconds) and len(set(seconds)) == len(seconds):
        return [
            f"{r.authors[0].family}, {second}{', et al.' if len(r.authors) > 2 else ''}"
            f" ({_year(r.year, r.year_suffix)})"
            for r, second in zip(refs, seconds, strict=True)
        ]
    return [
        f'{label}, "{_opening(r.title)}"' if r.title else label
        for r, label in zip(refs, plain, strict=True)
    ]


_OPENING_WORDS = 6


def _opening(title: str) -> str:
    words = title.split()
    return " ".join(words[:_OPENING_WORDS]) + (" …" if len(words) > _OPENING_WORDS else "")


def _cited_name(c: Citation, ref: Reference) -> str:
    """The first name as cited; for a body's entry, the whole name the finder split at
    its "and" ("Northfield and Ashby Hospitals NHS Foundation Trust")."""
    first = c.authors[0]
    if len(c.authors) < 2 or not ref.authors or not ref.authors[0].group:
        return first
    start = c.text.find(first)
    end = c.text.find(c.authors[-1], start + len(first))
    return c.text[start : end + len(c.authors[-1])] if start >= 0 and end >= 0 else first


def _corrected(c: Citation, cited: str, listed: str) -> str:
    """The citation text with the cited name replaced by the listed one."""
    text = c.text
    return text.replace(cited, listed, 1) if cited in text else f"{listed} ({c.year})"


def _coauthor_slip(c: Citation, ref: Reference) -> tuple[str, str, float] | None:
    """The first co-author a linked citation names that is none of its entry's authors,
    with the nearest of them and their surname similarity: "Dahlgren and Whitehad
    (1991)" for "Dahlgren, G., & Whitehead, M.", "Bevan and Hamblin (2006)" for
    "Bevan, G., & Hood, C.".  None where the names all fit, or where the entry's list
    cannot tell: a body among its authors (a citation splits a body's name at its
    "and"), a list cut short by "et al.", or a single author (`unlisted_second`)."""
    if c.title or len(c.authors) < 2 or len(ref.authors) < 2 or ref.authors_truncated:
        return None
    if any(a.group for a in ref.authors):
        return None
    listed = [(a.family, surname_keys(a.family)) for a in ref.authors]
    # Names past the entry's count are no co-author's slip: a venue read as a name
    # ("Soshnikova and Duboule, Science 2009") or an author the entry lacks.
    for cited in c.authors[1 : len(ref.authors)]:
        keys = surname_keys(cited) | surname_keys(cited.split()[-1])
        if any(keys & own for _, own in listed):
            continue
        key = surname_key(cited)
        score, family = max((fuzz.ratio(key, surname_key(f)), f) for f, _ in listed[1:])
        return cited, family, round(score, 1)
    return None


def _unlisted_coauthor(c: Citation, ref: Reference) -> str | None:
    """A name a linked citation gives past its entry's authors, which the entry does not
    name anywhere: "(Kahneman & Gilovich, 2002)" for "Kahneman, D. (2002).", a third
    name for a pair.  Nowhere in the entry's text, so no author the parser lost; not a
    body's name split at its "and"; not `et al.`, nor an entry cut short by it."""
    n = len(ref.authors)
    if c.title or c.et_al or not n or len(c.authors) <= n or ref.authors_truncated:
        return None
    if any(a.group for a in ref.authors):
        return None
    raw = surname_key(ref.raw)
    for cited in c.authors[n:]:
        key = surname_key(cited)
        if key and key not in raw:
            return cited
    return None


# The parts of a Cochrane review's reference list, or the kind of sources its study
# IDs label ("Ahmed 2015 {published data only}").
_COCHRANE_PARTS = re.compile(
    r"^\W*(?:references\s+to\s+)?studies\s+(?:included\s+in|excluded\s+from)\s+this\s+review\W*$"
    r"|\{(?:published|unpublished) (?:and unpublished )?data(?: only)?\}",
    re.IGNORECASE | re.MULTILINE,
)


def _et_al_misuse(
    c: Citation,
    ref: Reference,
    settings: MatchSettings,
    *,
    names_three: bool = False,
    apa6: Apa6 | None = None,
    shared: bool = False,
    study_ids: Callable[[], bool] = lambda: False,
) -> tuple[str, str] | None:
    """APA 7 author-count rules for a linked citation, or None when it complies.
    ``names_three``: the list is in a style that names up to three authors (Chicago,
    Harvard), so naming all three of a three-author work complies.  ``apa6``: the text
    follows APA 6 (`_apa6_first_citations`), and these citations name all of a work's
    three to five authors the first time it is cited, as APA 6 asks.  ``shared``:
    another entry has the work's `et al.` form (`_shared_short_forms`), so naming more
    authors complies.  ``study_ids``: whether the document is a Cochrane review,
    which names a work's first author alone."""
    if not ref.authors or ref.authors[0].group:
        return None
    if not c.authors or surname_key(c.authors[0]) not in first_author_keys(ref):
        return None  # cited by its title ("(Xds, 2010)"), which counts no authors
    n = len(ref.authors)
    truncated = ref.authors_truncated
    several = several_authors(ref, settings)
    k = len(c.authors)
    limit = settings.et_al_min_authors
    label = describe_author(ref)
    if c.et_al and not several:
        names = " & ".join(a.family for a in ref.authors)
        return (
            f"`{c.text}` uses `et al.` for a work with {n} author{'s' if n > 1 else ''}: `{label}`",
            f"Name {'both authors' if n == 2 else 'the author'}: `{names}`",
        )
    in_full = shared or (names_three and k == n == _NAMED_IN_FULL and not truncated)
    if apa6 is not None and c.id in apa6.in_full:
        in_full = True
    if apa6 is not None and c.id in apa6.first_et_al and n in _APA6_IN_FULL and not truncated:
        names = ", ".join(a.family for a in ref.authors[:-1]) + f", & {ref.authors[-1].family}"
        return (
            f"`{c.text}` shortens to `et al.` the first time the work is cited: APA 6 names"
            f" all {n} authors at a work's first citation",
            f"Name all {n} authors: `{names}`",
        )
    if not c.et_al and several and k >= limit and not in_full:
        if apa6 is not None and n in _APA6_IN_FULL:
            return (
                f"`{c.text}` names all {k} authors again: after a work's first citation,"
                " APA 6 shortens to `et al.`",
                f"Cite as `{ref.authors[0].family} et al.`",
            )
        return (
            f"`{c.text}` names {k} authors of a work with {n}{'+' if truncated else ''}: APA 7 shortens to `et al.`",
            f"Cite as `{ref.authors[0].family} et al.`",
        )
    if not c.et_al and several and k < limit and not study_ids():
        return (
            f"`et al.` missing: `{c.text}` names {k} of the work's {n}{'+' if truncated else ''} authors",
            f"Cite as `{ref.authors[0].family} et al.`",
        )
    if not c.et_al and n == 2 and k == 1 and not truncated and not study_ids():
        return (
            f"`{c.text}` names one author of a two-author work: `{label}`",
            f"Name both authors: `{ref.authors[0].family} & {ref.authors[1].family}`",
        )
    return None


_NAMED_IN_FULL = 3
"""Authors that Chicago's author-date style and Harvard name before `et al.` takes over."""


_APA6_IN_FULL = range(3, 6)
"""Authors of a work that APA 6 names in full at its first citation, and shortens to
`et al.` after it."""


class Apa6(NamedTuple):
    """A text that follows APA 6 (`_apa6_first_citations`)."""

    in_full: frozenset[str]
    """Citations that name all of a work's three to five authors the first time it is
    cited, as APA 6 asks."""
    first_et_al: frozenset[str]
    """Citations that shorten such a work to `et al.` the first time it is cited."""


def _apa6_first_citations(links: Sequence[Link]) -> Apa6 | None:
    """How a text that follows APA 6 first cites its works of three to five authors:
    some work's first citation names its authors in full and a later one shortens them
    to `et al.` ("Kessler, Chiu, Demler, and Walters (2005) ... Kessler et al.
    (2005)").  None for a text that shows no such work, which is read by APA 7's
    rules."""
    first: dict[str, Link] = {}
    later_et_al: set[str] = set()
    for lk in links:
        ref = lk.reference
        if lk.status != "linked" or ref is None or lk.citation.kind != "author-year":
            continue
        if ref.id not in first:
            first[ref.id] = lk
        elif lk.citation.et_al:
            later_et_al.add(ref.id)
    apa6_sized = {
        ref_id: lk
        for ref_id, lk in first.items()
        if (ref := lk.reference) is not None
        and len(ref.authors) in _APA6_IN_FULL
        and not ref.authors_truncated
    }
    in_full = {
        ref_id: lk.citation.id
        for ref_id, lk in apa6_sized.items()
        if lk.reference is not None
        and not lk.citation.et_al
        and len(lk.citation.authors) == len(lk.reference.authors)
    }
    if not later_et_al & in_full.keys():
        return None
    first_et_al = frozenset(lk.citation.id for lk in apa6_sized.values() if lk.citation.et_al)
    return Apa6(frozenset(in_full.values()), first_et_al)


def _uncited(
    doc: Document,
    references: Sequence[Reference],
    links: Sequence[Link],
    duplicates: Sequence[Duplicate] = (),
) -> Iterator[Diagnostic]:
    cited = cited_references(links)
    # A copy reported as a duplicate of a cited entry is not reported uncited as well:
    # the work is cited.  (An entry merely named as the closest match of an unmatched
    # citation still is: that citation's finding may be suppressed or wrong, and the
    # entry must not vanish with it.)
    explained = {d.reference.id for d in duplicates}
    linked: set[str] | None = None  # read from the text once an entry needs it
    in_entry = _in_entries(references)
    for ref in references:
        if ref.id in cited or ref.id in explained:
            continue
        if linked is None:
            linked = _linked(doc.text, in_entry)
        if (ref.doi is not None and ref.doi in linked) or (
            ref.url is not None and page_key(ref.url) in linked
        ):
            # A news story or a blog cites by link ("a 2021 study" linked to its DOI)
            # and lists its sources below: the text points at the entry.
            continue
        if _law_named(doc.text, in_entry, ref):
            # A law is cited by its name: "the Equality Act 2010 requires ...".
            continue
        if _case_named(doc.text, in_entry, ref):
            # A court case is cited by its name: "in Kelo v. City of New London".
            continue
        if _collection_named(doc.text, in_entry, ref):
            # An archive's collection is cited by its name in the notes: "Box 1,
            # Folder 3, Hartley Settlement House Records."
            continue
        rel = entry_related(doc, ref)
        yield make(
            "uncited-reference", path=doc.path, start=rel.start, end=rel.end,
            message=f"Reference `{describe_author(ref)}` is never cited in the text",
            help="Cite it where the text relies on it, or remove it from the list",
            data={"reference_id": ref.id},
        )  # fmt: skip


_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)


def _linked(text: str, in_entry: Callable[[int], bool]) -> set[str]:
    """The DOIs (normalised) and URLs (`page_key`) written in ``text`` outside the
    list's entries (``in_entry``, `_in_entries`): where a link's target shows."""
    out: set[str] = set()
    for m in DOI_RE.finditer(text):
        doi = normalize_doi(m.group())
        if doi is not None and not in_entry(m.start()):
            out.add(doi)
    for m in _URL.finditer(text):
        if not in_entry(m.start()):
            out.add(page_key(m.group()))
    return out


def _in_entries(references: Sequence[Reference]) -> Callable[[int], bool]:
    """Whether an offset of the text falls inside one of the entries of ``references``."""
    spans = sorted((r.span.start, r.span.end) for r in references)
    starts = [a for a, _ in spans]

    def in_entry(at: int) -> bool:
        k = bisect_right(starts, at) - 1
        return k >= 0 and at < spans[k][1]

    return in_entry


def _collection_named(text: str, in_entry: Callable[[int], bool], ref: Reference) -> bool:
    """Whether ``ref`` lists an archive's collection, undated ("Hartley Settlement
    House Records. Eastside Historical Archive, New York."), whose name the text gives
    outside the list."""
    if ref.year is not None:
        return False
    name = ref.raw.split(". ", 1)[0].strip()
    if len(name.split()) < _COLLECTION_WORDS or not collection_name(name + "."):
        return False
    at = text.find(name)
    while at != -1:
        if not in_entry(at):
            return True
        at = text.find(name, at + 1)
    return False


_COLLECTION_WORDS = 3


def _case_named(text: str, in_entry: Callable[[int], bool], ref: Reference) -> bool:
    """Whether ``ref`` lists a court case (`case_name`) whose parties the text names
    outside the list."""
    if ref.authors:
        return False
    name = case_name(ref.raw)
    if name is None:
        return False
    return any(not in_entry(m.start()) for m in name_pattern(name).finditer(text))


def _law_named(text: str, in_entry: Callable[[int], bool], ref: Reference) -> bool:
    """Whether ``ref`` lists a law (`law_title`) that the text names outside the list,
    with its year or without ("the Equality Act", "the Americans with Disabilities Act")."""
    if ref.authors or ref.title is None:
        return False
    short = law_title(ref.title)
    if short is None:
        return False
    for title in sorted({ref.title, short}):
        for m in name_pattern(title).finditer(text):
            if in_entry(m.start()):
                continue
            # Not inside a longer name ("the Health and Social Care Act 2012" for the
            # Care Act 2014), nor the same name with another year ("the Children Act
            # 1989" for the Children Act 2004).
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            word = before.group(1) if before is not None else ""
            if (word[:1].isupper() and word != "The") or word.lower() in ("and", "of", "&"):
                continue
            year = _YEAR_AFTER.match(text, m.end())
            if year is not None and year.group(1) != ref.year:
                continue
            return True
    return False


_WORD_BEFORE = re.compile(r"([\w&'’-]+)\s+\Z")
_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?\(?((?:1[6-9]|20)\d\d)\b")


def _duplicates(doc: Document, duplicates: Sequence[Duplicate]) -> Iterator[Diagnostic]:
    for dup in duplicates:
        ref, earlier = dup.reference, dup.original
        rel = entry_related(doc, ref)
        yield make(
            "duplicate-reference", path=doc.path, start=rel.start, end=rel.end,
            message=f"Duplicate reference: entry {ref.index} repeats entry {earlier.index} `{describe_author(earlier)}` ({dup.reason})",
            help="Remove one of the two entries",
            related=(entry_related(doc, earlier),),
            data={"reference_id": ref.id, "duplicate_of": earlier.id},
        )  # fmt: skip


def _incomplete(doc: Document, references: Sequence[Reference]) -> Iterator[Diagnostic]:
    untitled = _untitled_articles(references)
    for ref in references:
        missing = [
            name
            for name, value in (("authors", ref.authors), ("year", ref.year), ("title", ref.title))
            if not value
            and not (name == "authors" and (_titled_first(ref) or _law(ref) or _authorless(ref)))
            and not (
                name == "title"
                and (_COURT_CASE.match(ref.raw) or ref.id in untitled or _collection(ref))
            )
            and not (name == "year" and _undated_by_nature(ref))
        ]
        if not missing:
            continue
        rel = entry_related(doc, ref)
        yield make(
            "incomplete-reference", path=doc.path, start=rel.start, end=rel.end,
            message=f"Incomplete reference: entry {ref.index} has no {_join(missing)}",
            help="Give authors, year and title so the work can be matched and verified",
            data={"reference_id": ref.id, "missing": missing},
        )  # fmt: skip


def _undated_by_nature(ref: Reference) -> bool:
    """Whether an entry has no year to give: an archive's collection ("Hartley
    Settlement House Records. Eastside Historical Archive, New York."), or a web page
    dated by when it was read, as Chicago dates one without a date of its own
    ("Accessed April 9, 2024.")."""
    return _collection(ref) or _ACCESSED.search(ref.raw) is not None


def _collection(ref: Reference) -> bool:
    """Whether an entry lists an archive's collection, whose name is its title ("Jane
    Jacobs Papers. John J. Burns Library, Boston College.") and which has no year."""
    name = ref.raw.split(". ", 1)[0]
    return (
        not any(ch.isdigit() for ch in ref.raw)
        # Not people's names, cut at an initial or not: "Gregory J. Chaitin, Marc A.
        # Auslander,", "Chris Lattner, Mehdi Amini, ... and Oleksandr"
        and "," not in name
        and _INITIAL_END.search(name) is None
        and collection_name(name + ".")
    )


_INITIAL_END = re.compile(r"(?:^|\s)[A-Z]$")


_ACCESSED = re.compile(r"\b[Aa]ccessed\b[^.]{0,40}\b(?:19|20)\d\d\b")


def _untitled_articles(references: Sequence[Reference]) -> frozenset[str]:
    """The journal articles of a list that gives articles no titles, as physics and
    chemistry styles do ("A. Manchon et al., Rev. Mod. Phys. 91, 035004 (2019)."): its
    articles (a journal, volume and pages) are mostly untitled.  In a list that titles
    its articles, an untitled one lacks its title."""
    articles = [r for r in references if r.container and r.volume and r.pages]
    untitled = [r for r in articles if not r.title]
    if len(untitled) < 2 or 2 * len(untitled) < len(articles):
        return frozenset()
    return frozenset(r.id for r in untitled)


# Entries that have no author by convention: a court case, named by its parties (its
# name is its title too: "Dobbs v Jackson Women's Health Organization, 597 US 215
# (2022).", "In re Gault, 387 U.S. 1 (1967)."), a law or regulation cited by its number
# ("Regulation (EU) 2016/679", "Pub L No. 104-191"), and a standard ("ISO/IEC
# 42001:2023", "ASTM D638-14").
_COURT_CASE = re.compile(
    r"\s*(?:\[\d+\]|\d+\.)?\s*(?:In\s+re\s+[A-Z]|[A-Z][\w.,&'’ -]{0,80}?\s+v\.?\s+[A-Z])"
)
_NUMBERED_RULE = re.compile(
    r"\b(?:Regulation|Directive|Decision)\s+\((?:EU|EC|EEC)\)|\bPub(?:lic)?\.?\s*L(?:aw)?\.?\s*(?:No\.?\s*)?\d"
    r"|\b\d+\s+U\.?S\.?C\.?\s|\b(?:ISO|IEC|ASTM|DIN|ANSI|BS\s+EN|EN)(?:/IEC)?\s*(?:Standard\s+)?(?:[A-Z]\s*)?\d{2,5}"
)


def _authorless(ref: Reference) -> bool:
    """A court case, a numbered law or regulation, or a standard (`_NUMBERED_RULE`)."""
    return (
        _COURT_CASE.match(ref.raw) is not None or _NUMBERED_RULE.search(ref.raw[:300]) is not None
    )


def _law(ref: Reference) -> bool:
    """A law listed by its short title (`statutes`), which has no author."""
    return ref.title is not None and law_title(ref.title) is not None


def _titled_first(ref: Reference) -> bool:
    """A work without author, listed by its title (APA 7, section 9.12): "Mental health of
    children and young people in England. (2021). NHS Digital. https://..." is complete.
    Not a scholarly work (a DOI, volume or pages), nor an entry in a container with no
    address ("Title. Wang X, Li Y. Lancet. 2021.", a chapter), whose authors are
    missing, not absent."""
    if not ref.title or not ref.year or ref.doi or ref.volume or ref.pages:
        return False
    if ref.container and not ref.url:
        return False
    head = _LIST_MARK.sub("", fold(ref.raw), count=1)
    return head.startswith(fold(ref.title)[:_TITLE_HEAD])


_LIST_MARK = re.compile(r"^\s*(?:\[\d+\]|\d+\.|[-*•])?\s*")
_TITLE_HEAD = 30
"""Characters of the title an entry must open with to be listed by its title."""


def _join(words: Sequence[str], last: str = " or ") -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + last + words[-1]


_MALFORMED_HELP = {
    "an undefined LaTeX citation": "LaTeX prints `[?]` for a key the bibliography lacks: add "
    "the entry to the .bib file, or correct the key, and compile again",
    "a broken Word cross-reference": "Word prints this where a cross-reference's target was "
    "deleted: insert the citation again",
    "an unformatted reference-manager citation": "The reference manager did not format this "
    "citation: update the citations and bibliography in the document",
    "a LaTeX citation command": "The citation was never compiled: render the document with "
    "its bibliography, or write the citation out",
    "a citation without its year": "Add the year of the cited work",
    "a citation without its author": "Add the author of the cited work",
    "a citation whose year has five digits": "Correct the year",
    "a placeholder for a citation": "Replace the placeholder with the citation, or remove the "
    "claim",
    IBID_FIRST: "Cite the work in full in this note: there is no note before it to repeat",
}


def _malformed_citations(doc: Document, malformed: Sequence[Malformed]) -> Iterator[Diagnostic]:
    for m in malformed:
        yield make(
            "malformed-citation", path=doc.path,
            start=doc.position(m.span.start), end=doc.position(m.span.end),
            message=f"Malformed citation: `{m.text}` is {m.form}",
            help=_MALFORMED_HELP[m.form],
            data={"text": m.text, "form": m.form},
        )  # fmt: skip


def _malformed_dois(doc: Document, references: Sequence[Reference]) -> Iterator[Diagnostic]:
    for ref in references:
        if not ref.malformed_doi:
            continue
        at = doc.text.find(ref.malformed_doi, ref.span.start, ref.span.end + 1)
        span = Span(at, at + len(ref.malformed_doi)) if at != -1 else ref.span
        yield make(
            "malformed-doi", path=doc.path, start=doc.position(span.start), end=doc.position(span.end),
            message=f"Malformed DOI `{ref.malformed_doi}` in entry {ref.index}",
            help="A DOI has the form `10.<registrant>/<suffix>`, for example `10.1038/nm.4050`",
            data={"reference_id": ref.id, "doi": ref.malformed_doi},
        )  # fmt: skip


def _non_canonical_dois(doc: Document, references: Sequence[Reference]) -> Iterator[Diagnostic]:
    """DOIs not written as ``https://doi.org/10.…`` links: always a link to an older
    form of the resolver (``http://dx.doi.org/``), which Crossref's display guidelines
    retired in 2017; a ``doi:`` label or a bare DOI only where the list writes most of
    its DOIs as links, since Vancouver and AMA write the label by design."""
    written = []
    for ref in references:
        found = written_doi(ref.raw, ref.doi) if ref.doi is not None else None
        if found is not None:
            written.append((ref, *found))
    links = sum(form == "link" for *_, form in written)
    others = sum(form in ("label", "bare") for *_, form in written)
    for ref, start, end, form in written:
        if form == "link" or (form != "other-link" and links <= others):
            continue
        shown = ref.raw[start:end]
        doi = ref.doi or ""
        canonical = f"https://doi.org/{ref.raw[end - len(doi) : end]}"
        at = doc.text.find(shown, ref.span.start, ref.span.end + 1)
        span = Span(at, at + len(shown)) if at != -1 else ref.span
        help_text = (
            "The older resolver addresses still lead to the work, but Crossref's display"
            " guidelines ask for `https://doi.org/` links"
            if form == "other-link"
            else f"The list writes its other DOIs as links ({links} of them): write this one so too"
        )
        yield make(
            "non-canonical-doi", path=doc.path, start=doc.position(span.start), end=doc.position(span.end),
            message=f"Entry {ref.index} writes its DOI as `{shown}`; the canonical form is `{canonical}`",
            help=help_text,
            data={"reference_id": ref.id, "doi": ref.doi, "written": shown, "canonical": canonical},
        )  # fmt: skip


def _shared_dois(doc: Document, references: Sequence[Reference]) -> Iterator[Diagnostic]:
    for ref, earlier in find_shared_dois(references):
        rel = entry_related(doc, ref)
        yield make(
            "doi-shared-by-different-works", path=doc.path, start=rel.start, end=rel.end,
            message=(
                f"Entry {ref.index} `{describe_author(ref)}` gives the DOI `{ref.doi}` of entry "
                f"{earlier.index} `{describe_author(earlier)}`, a different work"
            ),
            help="A DOI names one work: correct the DOI of the entry it does not belong to",
            related=(entry_related(doc, earlier),),
            data={"reference_id": ref.id, "doi": ref.doi, "shared_with": earlier.id},
        )  # fmt: skip


def _no_reference_list(doc: Document, citations: Sequence[Citation]) -> Diagnostic:
    first = citations[0]
    n = len(citations)
    return make(
        "no-reference-list", path=doc.path,
        start=doc.position(first.span.start), end=doc.position(first.span.end),
        message=f"The article has {n} in-text citation{'s' if n != 1 else ''} but no reference list",
        help="Add the cited works under a `References` heading",
        data={"citation_id": first.id, "citations": n},
    )  # fmt: skip
