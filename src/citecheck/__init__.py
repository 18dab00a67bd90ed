"""citecheck: audit an article's citations against its reference list and the registries."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
