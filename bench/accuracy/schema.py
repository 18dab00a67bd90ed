"""The common gold schema every dataset adapter produces.

Parsing gold is a reference string with the fields its annotators marked; a field the
dataset does not annotate is absent (so it is neither expected nor penalised), a
field it annotates but the string lacks is absent too.  Linking gold is a rendered
article: its source text, the source spans of the call-outs with the references
they point at, and the source spans of the reference-list entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

FIELDS = (
    "first_author",
    "authors",
    "year",
    "title",
    "container",
    "volume",
    "issue",
    "pages",
    "doi",
)
"""Fields scored for reference parsing, in table order."""

Field = Literal[
    "first_author", "authors", "year", "title", "container", "volume", "issue", "pages", "doi"
]


@dataclass(frozen=True)
class GoldReference:
    """One reference string and its gold fields (values as the annotators wrote them)."""

    dataset: str
    source: str
    """File the string came from (for stratified tables)."""
    raw: str
    """The string the parser is given."""
    fields: Mapping[str, str]
    """Gold values by `FIELDS` name; ``authors`` holds the whole author string."""
    author_words: tuple[str, ...] | None = None
    """Author name words when the gold is structured (JATS); None: read from ``fields``."""


@dataclass(frozen=True)
class GoldLines:
    """A document as lines, each with its gold label (AnyStyle finder)."""

    name: str
    lines: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class GoldCallout:
    """One call-out unit in a rendered source: a bibliographic ``xref``, or two joined
    by a dash into a range (``[5]–[8]``, whose references are 5, 6, 7 and 8)."""

    id: str
    start: int
    end: int
    """Source offsets."""
    refs: tuple[str, ...]
    """Gold reference ids it points at (ranges expanded)."""
    pieces: tuple[str, ...] = ()
    """Ids of the ``xref`` elements it is made of (one, or two for a range)."""


@dataclass(frozen=True)
class GoldEntry:
    """One reference-list entry in a rendered source."""

    id: str
    start: int
    end: int


@dataclass(frozen=True)
class RenderedArticle:
    """One article rendered to one format, with its gold."""

    name: str
    style: Literal["author-year", "numeric"]
    format: Literal["text", "markdown", "html"]
    source: str
    callouts: tuple[GoldCallout, ...]
    entries: tuple[GoldEntry, ...]
    notes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CalloutDocument:
    """A full text with gold call-out spans but no reference list (GROBID)."""

    name: str
    text: str
    spans: tuple[tuple[int, int], ...]
    numeric: bool
    """The document cites by number (known from the GROBID file list, see PROVENANCE)."""
