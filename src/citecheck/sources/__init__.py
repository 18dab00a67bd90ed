"""Registries that answer "what is this DOI?" and "which work is this reference?".

Each source sits behind the small interface of `citecheck.sources.base`, the way
pip-audit puts PyPI and OSV behind one ``VulnerabilityService``.
"""

from __future__ import annotations

from citecheck.sources.base import ExistenceSource, Lookup, RecordSource, Search
from citecheck.sources.crossref import CrossrefSource
from citecheck.sources.doiorg import DoiOrgSource
from citecheck.sources.openalex import OpenAlexSource

__all__ = [
    "CrossrefSource",
    "DoiOrgSource",
    "ExistenceSource",
    "Lookup",
    "OpenAlexSource",
    "RecordSource",
    "Search",
]
