"""Reading articles from disk or stdin into `Document`s.

Everything that can go wrong with an input file (missing, unreadable, binary, too
large, an encoding we cannot trust) becomes an `InputProblem` with a one-line
message: the audit of the other files goes on, and the CLI exits 2.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Protocol

from citecheck.document import Document, DocumentFormat
from citecheck.markup import html_document, markdown_document

FORMATS: dict[str, DocumentFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".qmd": "markdown",
    ".rmd": "markdown",
    ".html": "html",
    ".htm": "html",
}
STDIN = "-"
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
# Directories no article lives in; walking them wastes time and finds vendored junk.
_SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})
# Control characters that never occur in text; a few of them mean "binary".
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be audited, with a one-line reason."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Source:
    """An input to audit: a file path, or stdin."""

    path: str
    format: DocumentFormat | None = None
    """Forced format; None means "by extension, else sniff"."""
    name: str | None = None
    """The path to report stdin under (``--stdin-filename``); None for files."""

    @property
    def display(self) -> str:
        """The path findings are reported at."""
        return self.name or self.path


class InputFilter(Protocol):
    """Which files the configuration leaves out (``exclude``) or keeps (``include``)."""

    def excluded(self, path: str) -> bool: ...

    def included(self, path: str) -> bool: ...


def is_article(path: str) -> bool:
    """Whether the extension is one citecheck reads when it walks a directory."""
    return Path(path).suffix.lower() in FORMATS


def discover(
    paths: Iterable[str],
    *,
    files_from: Iterable[str] = (),
    filter: InputFilter | None = None,
    force_exclude: bool = False,
    stdin_name: str | None = None,
) -> tuple[list[Source], list[InputProblem]]:
    """Expand the user's paths into the articles to audit, in a stable order.

    Directories are walked recursively and yield files with a known extension
    that ``filter`` neither excludes nor leaves out of ``include``; a file named
    explicitly is audited whatever its extension (as plain text when the extension
    is unknown) and even when excluded, unless ``force_exclude``, as ruff does.
    ``files_from`` holds paths read from a list (``--files-from``): files there
    are audited when they have an article extension and are not excluded, and
    silently skipped otherwise (a pull request's changed files include code).
    """
    sources: list[Source] = []
    problems: list[InputProblem] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        # The same file named twice (``a.md ./a.md /abs/a.md``, or through a symlink)
        # is audited once, under the first spelling.
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            sources.append(Source(path))

    for raw in paths:
        if raw == STDIN:
            if STDIN in seen:
                continue  # stdin can be read once: ``check - -`` is ``check -``
            seen.add(STDIN)
            name = stdin_name
            if name and force_exclude and filter is not None and filter.excluded(name):
                continue
            fmt = FORMATS.get(Path(name).suffix.lower()) if name else None
            sources.append(Source(STDIN, fmt, name))
            continue
        path = Path(raw)
        if path.is_dir():
            if filter is not None and filter.excluded(raw) and not _is_root(raw):
                continue
            found, skipped = _walk(path, filter)
            if not found and not skipped:
                kinds = ", ".join(sorted(FORMATS))
                problems.append(InputProblem(raw, f"no articles found (looked for {kinds})"))
            for f in sorted(found):
                add(f)
        elif path.exists() or path.is_symlink():
            if force_exclude and filter is not None and filter.excluded(raw):
                continue
            add(raw)
        else:
            problems.append(InputProblem(raw, "no such file or directory"))
    for raw in files_from:
        if not is_article(raw) or (filter is not None and filter.excluded(raw)):
            continue
        if Path(raw).is_file():
            add(raw)
        else:
            problems.append(InputProblem(raw, "no such file (listed by --files-from)"))
    return sources, problems


def _is_root(raw: str) -> bool:
    return os.path.normpath(raw) in (".", os.curdir) or os.path.abspath(raw) == os.getcwd()


def _walk(root: Path, filter: InputFilter | None) -> tuple[list[str], int]:
    """Article files under ``root`` and how many were left out by ``filter``."""
    found: list[str] = []
    skipped = 0
    for dirpath, dirnames, filenames in os.walk(root):
        kept = []
        for d in sorted(dirnames):
            if d in _SKIP_DIRS or d.startswith("."):
                continue
            if filter is not None and filter.excluded(os.path.join(dirpath, d)):
                skipped += 1
                continue
            kept.append(d)
        dirnames[:] = kept
        for name in filenames:
            if Path(name).suffix.lower() not in FORMATS:
                continue
            full = os.path.normpath(os.path.join(dirpath, name))
            if filter is not None and (filter.excluded(full) or not filter.included(full)):
                skipped += 1
                continue
            found.append(full)
    return found, skipped


def read_list(text: str) -> list[str]:
    """Paths listed one per line (``--files-from``); blank lines and ``#`` comments
    are skipped, surrounding white space is not part of a path."""
    out = []
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            out.append(entry)
    return out


def load(source: Source, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | InputProblem:
    """Read, decode and convert one input."""
    try:
        if source.path == STDIN:
            data = _read_limited(sys.stdin.buffer, max_bytes)
        else:
            with open(source.path, "rb") as fh:
                data = _read_limited(fh, max_bytes)
    except IsADirectoryError:
        return InputProblem(source.path, "is a directory")
    except PermissionError:
        return InputProblem(source.path, "permission denied")
    except _TooLarge:
        limit = max_bytes / (1024 * 1024)
        return InputProblem(source.path, f"file is larger than the {limit:g} MB limit")
    except OSError as exc:
        return InputProblem(source.path, (exc.strerror or str(exc)).lower())
    return from_bytes(source.display, data, format=source.format)


class _TooLarge(Exception):
    pass


def _read_limited(fh: BinaryIO, max_bytes: int) -> bytes:
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _TooLarge
    return data


def from_bytes(
    path: str, data: bytes, *, format: DocumentFormat | None = None
) -> Document | InputProblem:
    """Decode ``data`` and build the document for ``path``."""
    decoded = decode(data)
    if isinstance(decoded, str):
        return InputProblem(path, decoded)
    text, encoding, warning = decoded
    text = normalize_newlines(text)
    fmt = format or format_for(path, text)
    if fmt == "markdown":
        doc = markdown_document(path, text, encoding=encoding)
    elif fmt == "html":
        doc = html_document(path, text, encoding=encoding)
    else:
        doc = Document.plain(path, text, encoding=encoding)
    notes = []
    if warning:
        notes.append(warning)
    if not text.strip():
        notes.append("file is empty: nothing to audit")
    if notes:
        doc = replace(doc, warnings=(*doc.warnings, *notes))
    return doc


def format_for(path: str, text: str) -> DocumentFormat:
    """The format of the input at ``path``: by extension; else HTML when the text
    starts like HTML; stdin without ``--stdin-filename`` (``-``) is also recognised
    as Markdown when it clearly looks like Markdown (`looks_like_markdown`)."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is not None:
        return fmt
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<body", "<article", "<p>", "<div")):
        return "html"
    if path == STDIN and looks_like_markdown(text):
        return "markdown"
    return "text"


# Markdown that plain text practically never contains.
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\n[A-Za-z_][\w-]*[ \t]*:.*?\n(?:---|\.\.\.)[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n`]*\n.*?^ {0,3}\1", re.DOTALL | re.MULTILINE)
_LINK = re.compile(
    r"\[[^\[\]\n]+\]\((?:https?://|mailto:|www\.|\.{0,2}/|#)[^()\s]*\)"
    r"|\[[^\[\]\n]+\]\([\w./-]+\.(?:md|html?)\)"
)
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
# Markdown that plain text sometimes contains: it takes two signals.
_WEAK = (
    re.compile(r"(?:^[ \t]*[-*+][ \t]+\S.*\n){2,}", re.MULTILINE),  # a bulleted list
    re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),  # strong emphasis
    re.compile(r"(?<!`)`[^`\n]+`(?!`)"),  # inline code
    re.compile(r"^ {0,3}\[[^\[\]\n]+\]:[ \t]+\S", re.MULTILINE),  # link definition
)


def looks_like_markdown(text: str) -> bool:
    """Whether text of unknown format is Markdown: YAML front matter at the top, a
    fenced code block or an inline link is enough; otherwise it takes two signals
    among ATX headings (each counts), a bulleted list, ``**strong**``, ``inline
    code`` and a link definition.  Numbered lists and lone ``*`` are no evidence:
    plain-text articles number their references and write ``p < .05*``."""
    if _FRONT_MATTER.match(text) or _FENCE.search(text) or _LINK.search(text):
        return True
    headings = len(_ATX_HEADING.findall(text, 0, 200_000))
    weak = sum(1 for pattern in _WEAK if pattern.search(text))
    return headings >= 2 or headings + weak >= 2


def decode(data: bytes) -> tuple[str, str, str | None] | str:
    """``(text, encoding, warning)``, or a one-line reason the bytes are not text.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are trusted; UTF-16 without a
    BOM (recognised by its NUL bytes) is read with a warning naming the byte order;
    anything else is read as Windows-1252 with a warning, because that is what legacy
    web pages and Word exports use.
    """
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return (
                    data[len(bom) :].decode(codec),
                    codec.replace("-le", "").replace("-be", ""),
                    None,
                )
            except UnicodeDecodeError as exc:
                return f"starts with a {codec} byte-order mark but is not valid {codec} ({exc.reason} at byte {exc.start + len(bom)})"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text, codec = utf16
        name = codec.upper()
        return text, codec, f"no byte-order mark, but every other byte is NUL: read as {name}"
    if _looks_binary(data):
        return "binary file (not text); citecheck reads .txt, .md and .html articles"
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        warning = (
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "read as Windows-1252"
        )
        return data.decode("cp1252", errors="replace"), "cp1252", warning


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """``(text, codec)`` when ``data`` is UTF-16 without a byte-order mark: NUL bytes
    in (most of) every other byte and nowhere else, as UTF-16 gives Latin text, and
    the whole decoding cleanly to text without control characters."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd * 2 >= half and even * 100 <= half:
        codec = "utf-16-le"
    elif even * 2 >= half and odd * 100 <= half:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if _looks_binary(text[:4096].encode("utf-8")):
        return None
    return text, codec


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > max(8, len(sample) // 100)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; lines and columns are unchanged by this."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
