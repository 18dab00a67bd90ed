"""Path patterns for ``include``, ``exclude`` and ``per-file-ignores``.

The patterns are the gitignore-style globs users know from ruff and pre-commit:

- ``*`` matches within one path component, ``?`` one character, ``[abc]`` a class;
- ``**`` matches any number of components (``content/**/*.md``, ``**/drafts/*``);
- a pattern without ``/`` matches a file or directory *name* at any depth
  (``node_modules``, ``*.draft.md``); a pattern with ``/`` is anchored at the
  directory it is relative to (the config file's, or the current one).

Paths are compared in POSIX form, case-sensitively.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            close = pattern.find("]", i + 2 if pattern[i + 1 : i + 2] in ("!", "]") else i + 1)
            if close == -1:
                out.append(re.escape(c))
                i += 1
                continue
            body = pattern[i + 1 : close]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append(f"[{body.replace(chr(92), chr(92) * 2)}]")
            i = close + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out) + r"(?:/.*)?\Z")


def valid(pattern: str) -> bool:
    """Whether ``pattern`` compiles (an unbalanced ``[`` is taken literally, so almost
    everything does; an empty pattern does not)."""
    if not pattern.strip() or pattern.strip() in ("!", "/"):
        return False
    try:
        _compile(pattern.strip("/"))
    except re.error:
        return False
    return True


def matches(pattern: str, relative: str) -> bool:
    """Whether the POSIX ``relative`` path (no leading ``./``) matches ``pattern``.

    A match of a leading part counts: ``content/drafts`` matches
    ``content/drafts/a.md``, as a directory pattern should.
    """
    pat = pattern.strip()
    if pat.startswith("./"):
        pat = pat[2:]
    anchored = "/" in pat.rstrip("/")
    pat = pat.strip("/")
    if not pat:
        return False
    regex = _compile(pat)
    if anchored:
        return regex.match(relative) is not None
    parts = relative.split("/")
    return any(regex.match("/".join(parts[k:])) is not None for k in range(len(parts)))


def relative_to(path: str | os.PathLike[str], base: Path) -> str | None:
    """``path`` relative to ``base`` in POSIX form, or None when it lies outside."""
    absolute = Path(os.path.abspath(path))
    try:
        rel = absolute.relative_to(base)
    except ValueError:
        return None
    return rel.as_posix()


def portable(path: str, root: Path) -> str:
    """``path`` as reports name it: POSIX, relative to ``root`` when inside it
    (``-`` for stdin stays ``-``)."""
    if path == "-":
        return path
    rel = relative_to(path, root)
    return rel if rel is not None else Path(os.path.abspath(path)).as_posix()


@dataclass(frozen=True)
class PathPattern:
    """A pattern and the directory it is relative to; ``!`` at the start negates it."""

    pattern: str
    base: Path

    @property
    def negated(self) -> bool:
        return self.pattern.startswith("!")

    def applies_to(self, path: str | os.PathLike[str]) -> bool:
        """Whether the pattern selects ``path`` (for a negated pattern: does not match it)."""
        body = self.pattern[1:] if self.negated else self.pattern
        rel = relative_to(path, self.base)
        hit = rel is not None and matches(body, rel)
        return not hit if self.negated else hit
