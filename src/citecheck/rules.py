"""The rule catalogue: every finding citecheck can report, with its code and default severity.

Codes follow guides/conventions.md §2.3 (CIT1 text/reference-list consistency, CIT2
identifier syntax, CIT3 registry metadata, CIT4 research integrity, CIT9 tool).  The
*names* are the stable contract; codes group them for selection by prefix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from citecheck.diagnostics import Diagnostic, Related, Severity
from citecheck.model import Position


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    network: bool = False


_E, _W, _S = Severity.ERROR, Severity.WARNING, Severity.SUGGESTION

CATALOGUE: tuple[Rule, ...] = (
    Rule("CIT101", "citation-without-reference", _E,
         "An in-text citation matches no entry of the reference list"),
    Rule("CIT102", "uncited-reference", _W,
         "A reference-list entry is never cited in the text"),
    Rule("CIT103", "citation-year-mismatch", _E,
         "The cited author matches a reference but the year differs"),
    Rule("CIT104", "citation-author-mismatch", _E,
         "The year matches a reference but the cited surname is a near miss"),
    Rule("CIT105", "ambiguous-citation", _W,
         "A citation matches two or more references equally well"),
    Rule("CIT106", "duplicate-reference", _W,
         "The same work is listed twice in the reference list"),
    Rule("CIT107", "et-al-misuse", _W,
         "`et al.` used for a work with too few authors, or omitted where APA 7 requires it"),
    Rule("CIT108", "citation-number-out-of-range", _E,
         "A numeric citation points past the end of the numbered reference list"),
    Rule("CIT109", "malformed-citation", _W,
         "Citation-like text that cites nothing: `[?]`, `(Smith, )`, `{Smith, 2019 #123}`"),
    Rule("CIT110", "incomplete-reference", _W,
         "A reference lacks its authors, year or title, so it cannot be matched or verified"),
    Rule("CIT111", "no-reference-list", _E,
         "The article cites sources but has no reference list"),
    Rule("CIT201", "malformed-doi", _E,
         "A DOI is not of the form 10.<registrant>/<suffix>"),
    Rule("CIT202", "non-canonical-doi", _S,
         "A DOI is not written as a `https://doi.org/10.…` link"),
    Rule("CIT203", "doi-shared-by-different-works", _W,
         "Two entries with different titles give the same DOI: one of them is wrong"),
    Rule("CIT301", "doi-not-found", _E,
         "The DOI is registered with no agency (Crossref and doi.org both say so)", True),
    Rule("CIT302", "doi-title-mismatch", _W,
         "The reference title differs from the registered title", True),
    Rule("CIT303", "doi-author-mismatch", _W,
         "The reference authors differ from the registered authors", True),
    Rule("CIT304", "doi-year-mismatch", _W,
         "The reference year differs from the registered year", True),
    Rule("CIT305", "doi-venue-mismatch", _W,
         "The reference journal or book differs from the registered one", True),
    Rule("CIT306", "doi-locator-mismatch", _S,
         "Volume, issue or pages differ from the registered record", True),
    Rule("CIT307", "doi-resolves-to-different-work", _E,
         "The DOI belongs to another work: its title and authors disagree with the reference",
         True),
    Rule("CIT308", "missing-doi", _S,
         "The reference gives no DOI but one registered work matches it confidently", True),
    Rule("CIT401", "retracted-work", _E, "The cited work has been retracted", True),
    Rule("CIT402", "work-has-correction", _W,
         "A correction, erratum or expression of concern exists for the cited work", True),
    Rule("CIT403", "unresolvable-reference", _W,
         "No registry matches the reference confidently: possibly fabricated, or grey literature",
         True),
    Rule("CIT501", "uncited-claim", _W,
         "A sentence appeals to research (a named study, a precise finding, 'studies show') "
         "and cites nothing"),
    Rule("CIT502", "quote-not-in-abstract", _S,
         "A quotation attributed to a citation is not in the cited work's abstract or title "
         "(the full text may still contain it)", True),
    Rule("CIT503", "quote-attributed-to-missing-reference", _W,
         "A quotation is attributed to a citation that has no reference"),
    Rule("CIT900", "parse-error", _E,
         "The file could not be read or decoded"),
    Rule("CIT901", "lookup-failed", _W,
         "A registry lookup failed after retries; the reference is unverified", True),
    Rule("CIT902", "unused-suppression", _W,
         "A suppression comment suppresses nothing"),
    Rule("CIT903", "invalid-suppression", _W,
         "A suppression comment is malformed, names an unknown rule, or is never closed"),
)  # fmt: skip

BY_CODE: Mapping[str, Rule] = {r.code: r for r in CATALOGUE}
BY_NAME: Mapping[str, Rule] = {r.name: r for r in CATALOGUE}


def make(
    name: str,
    *,
    path: str,
    start: Position,
    end: Position,
    message: str,
    help: str | None = None,
    related: tuple[Related, ...] = (),
    data: Mapping[str, Any] | None = None,
    severity: Severity | None = None,
) -> Diagnostic:
    """A diagnostic for the rule called ``name``, at its default severity unless the
    finding grades itself (an uncited generic appeal is milder than a named study)."""
    rule = BY_NAME[name]
    return Diagnostic(
        code=rule.code,
        name=rule.name,
        severity=rule.severity if severity is None else severity,
        message=message,
        path=path,
        start=start,
        end=end,
        help=help,
        related=related,
        data=dict(data or {}),
    )
