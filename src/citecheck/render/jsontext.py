"""Indented JSON text for the machine-readable reports.

``json.dumps(obj, indent=2)`` runs the pure-Python encoder (the C one serves only
unindented output) and joins a list of every token it produced: for a report of
20,000 citations that list alone took some 70 MB, more than the report.  Writing the
tokens into a buffer as they come keeps only the text; the bytes are the same.
"""

from __future__ import annotations

import io
import json
from typing import Any


def indented(value: Any) -> str:
    """``value`` as JSON indented by two spaces, non-ASCII kept, with a final newline."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    out = io.StringIO()
    for chunk in encoder.iterencode(value):
        out.write(chunk)
    out.write("\n")
    return out.getvalue()
