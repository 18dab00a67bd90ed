"""YAML front matter of Markdown articles (Pandoc, Quarto, R Markdown, Jupyter Book).

Only what citation checking needs is read: ``bibliography`` (one path or a list)
and ``references`` (inline CSL items).  Positions are source offsets, so findings
about an inline reference can point at its ``id:`` line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class FrontMatter:
    data: Mapping[str, Any] = field(default_factory=dict)
    start: int = 0
    """Source offset of the first line after the opening ``---``."""
    end: int = 0
    """Source offset of the closing ``---``."""
    error: str | None = None

    @property
    def bibliography(self) -> tuple[str, ...]:
        value = self.data.get("bibliography")
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list):
            return tuple(v for v in value if isinstance(v, str))
        return ()

    @property
    def references(self) -> tuple[Mapping[str, Any], ...]:
        value = self.data.get("references")
        if not isinstance(value, list):
            return ()
        return tuple(v for v in value if isinstance(v, dict))

    def key_offset(self, source: str, key: str) -> int:
        """Source offset of the line that declares ``key`` (``bibliography:``)."""
        m = re.compile(rf"^\s*{re.escape(key)}\s*:", re.MULTILINE).search(
            source, self.start, self.end
        )
        return m.start() if m else 0


def read(source: str) -> FrontMatter | None:
    """The front matter at the very start of ``source``, or None when there is none.

    A block that is not valid YAML, or not a mapping, is returned with ``error`` set."""
    opened = _OPEN.match(source)
    if opened is None:
        return None
    closed = _CLOSE.search(source, opened.end())
    if closed is None:
        return None
    text = source[opened.end() : closed.start()]
    problem = None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = f"front matter is not valid YAML{where}"
    except RecursionError:
        problem = "front matter is nested too deeply to read"
    except Exception as exc:  # PyYAML's constructors raise ValueError, AttributeError, ...
        detail = str(exc).split("\n")[0]
        problem = f"front matter is not valid YAML ({type(exc).__name__}: {detail})"
    if problem is not None:
        return FrontMatter({}, opened.end(), closed.start(), problem)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter({}, opened.end(), closed.start(), "front matter is not a YAML mapping")
    return FrontMatter(data, opened.end(), closed.start())


def id_offsets(source: str, fm: FrontMatter, ids: Sequence[str]) -> list[int]:
    """For each inline reference id, the source offset of its ``id:`` line (or of the
    ``references:`` key when it cannot be found)."""
    fallback = fm.key_offset(source, "references")
    out = []
    pos = fm.start
    for ident in ids:
        pattern = re.compile(rf"^[ \t-]*id\s*:\s*['\"]?{re.escape(ident)}['\"]?\s*$", re.MULTILINE)
        m = pattern.search(source, pos, fm.end) or pattern.search(source, fm.start, fm.end)
        if m is None:
            out.append(fallback)
            continue
        line_start = source.rfind("\n", 0, m.start()) + 1
        out.append(line_start + len(m.group(0)) - len(m.group(0).lstrip(" \t-")))
        pos = m.end()
    return out
