"""Stable fingerprints of findings, for SARIF ``partialFingerprints`` and GitLab.

A fingerprint must survive edits elsewhere in the file, so it never includes a line
or column.  It hashes the rule, the file's path and the finding's *subject*: the DOI
when the finding concerns one, else the text the finding points at (the citation as
written, the first line of the reference entry), whitespace- and case-folded.  When
the same rule fires on the same subject twice in a file (a citation repeated), the
occurrence number, counted in document order, tells them apart.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from citecheck.diagnostics import Diagnostic

_SPACES = re.compile(r"\s+")
_LIMIT = 200
VERSION_KEY = "citecheck/v1"
"""The ``partialFingerprints`` key; a change of the recipe bumps the version."""


def _line_starts(source: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", source):
        starts.append(m.end())
    return starts


def subject(d: Diagnostic, source: str | None, starts: Sequence[int] | None = None) -> str:
    """What the finding is about, independent of where it is."""
    doi = d.data.get("doi")
    if isinstance(doi, str) and doi:
        return "doi:" + doi.strip().lower()
    if source is not None:
        starts = starts if starts is not None else _line_starts(source)
        if 1 <= d.start.line <= len(starts):
            a = starts[d.start.line - 1] + d.start.column - 1
            line_end = source.find("\n", a)
            line_end = len(source) if line_end == -1 else line_end
            if d.end.line == d.start.line and d.end.column > d.start.column:
                b = min(starts[d.start.line - 1] + d.end.column - 1, line_end)
            else:
                b = line_end
            text = _SPACES.sub(" ", source[a:b]).strip().casefold()[:_LIMIT]
            if text:
                return "text:" + text
    return "message:" + _SPACES.sub(" ", d.message).strip().casefold()


def fingerprint(code: str, path: str, about: str, occurrence: int) -> str:
    digest = hashlib.sha256(f"{code}\x1f{path}\x1f{about}\x1f{occurrence}".encode()).hexdigest()
    return digest[:16]


def fingerprints(diagnostics: Sequence[Diagnostic], source: str | None, path: str) -> list[str]:
    """One fingerprint per diagnostic of one file (``path`` as it should be hashed:
    POSIX, relative to the project root), in the order given."""
    starts = _line_starts(source) if source is not None else None
    seen: dict[tuple[str, str], int] = {}
    order = sorted(range(len(diagnostics)), key=lambda k: diagnostics[k].sort_key())
    out = [""] * len(diagnostics)
    for k in order:
        d = diagnostics[k]
        about = subject(d, source, starts)
        n = seen.get((d.code, about), 0)
        seen[(d.code, about)] = n + 1
        out[k] = fingerprint(d.code, path, about, n)
    return out
