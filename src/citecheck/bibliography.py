"""Bibliography files (BibTeX/BibLaTeX, CSL-JSON, CSL-YAML) read into `Reference`s.

Pandoc, Quarto, R Markdown and Jupyter Book articles cite by key (``[@duman2012]``)
and keep their references in a bibliography file.  Each entry becomes a `Reference`
whose span points into the file as written, so that findings about it (an unused
entry, a DOI that does not exist, a wrong year) point at the entry's first line, and
the registry step verifies it like any reference in a written list.

BibTeX is parsed with bibtexparser (v2) and LaTeX is decoded with pylatexenc (its
own dependency): ``M{\\"u}ller`` is ``Müller``, ``{World Health Organization}`` a group
author.  A block that does not parse, or a key defined twice, is a finding at its
line; the rest of the file is still used.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from bibtexparser.middlewares.names import parse_single_name_into_parts
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock
from pylatexenc.latex2text import LatexNodes2Text

from citecheck.diagnostics import Diagnostic
from citecheck.document import Document
from citecheck.doi import normalize_doi
from citecheck.ingest import InputProblem, decode, normalize_newlines
from citecheck.markup import decode_entity
from citecheck.model import Author, Position, Reference, ReferenceFields, Span
from citecheck.rules import make

BibFormat = Literal["bibtex", "csl-json", "csl-yaml"]
FORMATS: Mapping[str, BibFormat] = {
    ".bib": "bibtex", ".bibtex": "bibtex", ".json": "csl-json",
    ".yaml": "csl-yaml", ".yml": "csl-yaml",
}  # fmt: skip
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d|21\d\d)\b")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Bibliography:
    """One bibliography file, read."""

    path: str
    """The file as the user named it (relative paths stay relative)."""
    format: BibFormat
    document: Document
    """The file as plain text: reference spans are offsets into it."""
    references: tuple[Reference, ...]
    keys: tuple[str, ...]
    """The citation key of each reference, in the same order."""
    problems: tuple[Diagnostic, ...] = ()

    def by_key(self) -> dict[str, Reference]:
        out: dict[str, Reference] = {}
        for key, ref in zip(self.keys, self.references, strict=True):
            out.setdefault(key, ref)
        return out


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    text = _SPACES.sub(" ", str(value)).strip()
    return text or None


_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BARE_AMPERSAND = re.compile(r"(?<!\\)&")
# A bare "%" would start a LaTeX comment and cut the field short ("50% of cells");
# in a title it is a percent sign, as citeproc reads it.
_BARE_PERCENT = re.compile(r"(?<!\\)%")
# What an entity stands for, written so that LaTeX prints it: "&#36;" is a dollar sign,
# not the start of mathematics.  (Only escapes without braces: an entity may stand in a
# link's address, which `_HREF` reads up to a brace.)
_LATEX_ESCAPES = {"$": r"\$", "%": r"\%", "#": r"\#", "_": r"\_"}
_HREF = re.compile(r"\\href\s*\{[^{}]*\}\s*\{([^{}]*)\}")
_LINK_MACRO = re.compile(
    r"\\(?:href|url|doi|nolinkurl|path)\s*\{([^{}]*)\}(?:\s*\{(?:[^{}]|\{[^{}]*\})*\})?"
)
_ESCAPED = re.compile(r"\\([_%&#$])")
_LATEX_MARKUP = re.compile(r"\\[A-Za-z]+\*?|[{}]")


def _latex(text: str) -> str:
    if "&" in text:
        # Scraped entries carry HTML entities ("d&apos;Amore"), which LaTeX would not;
        # only whole ones, so that a URL's "&section=2" stays as it is.
        text = _ENTITY.sub(_entity_as_latex, text)
    if "\\" not in text and "{" not in text and "$" not in text and "~" not in text:
        return text
    # A bare "&" is LaTeX's column separator, which the conversion drops: "AT&T".
    text = _BARE_AMPERSAND.sub(r"\\&", text)
    text = _BARE_PERCENT.sub(r"\\%", text)
    text = _HREF.sub(r"\1", text)  # pylatexenc fails on \href{url}{text}: keep the text
    try:
        converted = LatexNodes2Text().latex_to_text(text)
    except Exception:  # any other macro it cannot read: the text without markup
        converted = _ESCAPED.sub(r"\1", _LATEX_MARKUP.sub("", text))
    return _SPACES.sub(" ", converted).strip()


def _entity_as_latex(m: re.Match[str]) -> str:
    decoded = decode_entity(m.group())
    if decoded is None:
        return m.group()
    return _LATEX_ESCAPES.get(decoded, decoded)


def _verbatim(text: str) -> str:
    """An identifier or address as written: braces and surrounding space aside, never
    read as LaTeX ("~" and "%" belong to URLs)."""
    text = _LINK_MACRO.sub(lambda m: m.group(1), text)  # \url{x}, \href{x}{..}: x
    text = _ESCAPED.sub(r"\1", text)
    return text.replace("{", "").replace("}", "").strip()


def _doi_fields(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    if "\\" in value:  # a macro left over: no DOI has a backslash
        return None, value
    doi = normalize_doi(value)
    return (doi, None) if doi else (None, value)


def summary_text(fields: ReferenceFields) -> str:
    """A reference string built from the fields: used as the entry's ``raw`` text and
    for registry searches of entries without a title."""
    names = ", ".join(
        a.family if a.group or not a.given else f"{a.family}, {a.given}" for a in fields.authors
    )
    parts = [names, f"({fields.year or 'n.d.'})", fields.title or "", fields.container or ""]
    where = " ".join(
        p
        for p in (
            fields.volume or "",
            f"({fields.issue})" if fields.issue else "",
            fields.pages or "",
        )
        if p
    )
    parts.append(where)
    if fields.doi:
        parts.append(f"https://doi.org/{fields.doi}")
    return ". ".join(p.strip(". ") for p in parts if p.strip()) + "."


# ---------------------------------------------------------------- CSL (JSON, YAML)


def _csl_author(item: Mapping[str, Any]) -> Author | None:
    if item.get("literal"):
        return Author(family=str(item["literal"]).strip(), group=True)
    family = _text(item.get("family"))
    if not family:
        return None
    particle = _text(item.get("non-dropping-particle"))
    if particle:
        family = f"{particle} {family}"
    return Author(family=family, given=_text(item.get("given")), suffix=_text(item.get("suffix")))


def _date_part_year(part: Any) -> str | None:
    """The year of a CSL ``date-parts`` entry: a number, or a string of digits."""
    if isinstance(part, bool):
        return None
    if isinstance(part, int):
        return str(part)
    if isinstance(part, float) and part.is_integer():
        return str(int(part))
    if isinstance(part, str) and re.fullmatch(r"-?\d{1,4}", part.strip()):
        return str(int(part))
    return None


def _csl_year(issued: Any) -> str | None:
    """The year of a CSL ``issued`` value: ``date-parts``, ``raw``/``literal`` text, a
    bare year or date string, a YAML date (``issued: 2020-01-01``), or the
    pandoc-citeproc form ``[{year: 2020}]``."""
    if isinstance(issued, list) and issued and isinstance(issued[0], dict):
        issued = issued[0]
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = _date_part_year(parts[0][0])
            if year is not None:
                return year
        for key in ("raw", "literal", "year"):
            found = _scalar_year(issued.get(key))
            if found is not None:
                return found
        return None
    return _scalar_year(issued)


def _scalar_year(value: Any) -> str | None:
    if isinstance(value, date):  # a YAML date or timestamp (datetime is a date)
        return str(value.year)
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        m = _YEAR.search(str(value))
        return m.group(1) if m else None
    return None


def csl_fields(item: Mapping[str, Any]) -> ReferenceFields:
    """The fields of one CSL item (CSL-JSON or Pandoc's ``references:`` YAML)."""
    value = item.get("author")
    authors: list[Any] = value if isinstance(value, list) else []
    people = tuple(a for a in (_csl_author(x) for x in authors if isinstance(x, dict)) if a)
    doi, malformed = _doi_fields(_text(item.get("DOI") or item.get("doi")))
    pages = _text(item.get("page"))
    return ReferenceFields(
        authors=people,
        year=_csl_year(item.get("issued")),
        title=_text(item.get("title")),
        container=_text(item.get("container-title")),
        volume=_text(item.get("volume")),
        issue=_text(item.get("issue")),
        pages=pages.replace("--", "–").replace("-", "–") if pages else None,
        doi=doi,
        malformed_doi=malformed,
        pmid=_text(item.get("PMID")),
        pmcid=_text(item.get("PMCID")),
        url=_text(item.get("URL")),
    )


def _reference(fields: ReferenceFields, k: int, span: Span) -> Reference:
    return Reference.build(
        fields, id=f"ref-{k}", index=k, number=None, span=span, raw=summary_text(fields)
    )


def _line_span(text: str, offset: int) -> Span:
    end = text.find("\n", offset)
    return Span(offset, len(text) if end == -1 else end)


def from_csl(
    items: Sequence[Mapping[str, Any]], offsets: Sequence[int], document: Document
) -> tuple[list[Reference], list[str], list[Diagnostic]]:
    """References from CSL items, each placed at the line of its given offset."""
    refs: list[Reference] = []
    keys: list[str] = []
    problems: list[Diagnostic] = []
    seen: dict[str, int] = {}
    for item, offset in zip(items, offsets, strict=True):
        key = _text(item.get("id"))
        at = document.position(offset)
        if key is None:
            problems.append(_parse_error(document.path, at, "CSL item without an `id`"))
            continue
        if key in seen:
            problems.append(_duplicate_key(document.path, at, key, seen[key]))
            continue
        seen[key] = at.line
        refs.append(_reference(csl_fields(item), len(refs) + 1, _line_span(document.text, offset)))
        keys.append(key)
    return refs, keys, problems


def _csl_offsets(text: str, ids: Sequence[str | None]) -> list[int]:
    """Offsets of each item's ``"id": "…"`` (or ``id: …``) in the file, in order."""
    out = []
    pos = 0
    for ident in ids:
        if ident is None:
            out.append(pos)
            continue
        pattern = re.compile(
            rf"""(?:"id"\s*:\s*"{re.escape(ident)}"|^[ \t-]*id\s*:\s*['"]?{re.escape(ident)}['"]?\s*$)""",
            re.MULTILINE,
        )
        m = pattern.search(text, pos) or pattern.search(text)
        found = m.start() if m else pos
        out.append(found)
        pos = m.end() if m else pos
    return out


def _load_csl(path: str, document: Document, fmt: BibFormat) -> Bibliography | str:
    text = document.text
    kind = "JSON" if fmt == "csl-json" else "YAML"
    try:
        data = json.loads(text) if fmt == "csl-json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        return f"not valid {kind}: {exc}".split("\n")[0]
    except RecursionError:
        return f"not readable: the {kind} is nested too deeply"
    except Exception as exc:  # PyYAML's constructors raise ValueError, AttributeError, ...
        return f"not valid {kind}: {type(exc).__name__}: {exc}".split("\n")[0]
    if isinstance(data, dict) and isinstance(data.get("references"), list):
        data = data["references"]
    if not isinstance(data, list):
        return "expected a list of CSL items"
    items = [x for x in data if isinstance(x, dict)]
    offsets = _csl_offsets(text, [_text(x.get("id")) for x in items])
    refs, keys, problems = from_csl(items, offsets, document)
    return Bibliography(path, fmt, document, tuple(refs), tuple(keys), tuple(problems))


# ---------------------------------------------------------------- BibTeX


def _bib_name(parts: middlewares.NameParts) -> Author | None:
    last = " ".join(parts.last)
    group = not parts.first and not parts.von and last.startswith("{") and last.endswith("}")
    family = _latex(" ".join([*parts.von, *parts.last]))
    if not family:
        return None
    if group:
        return Author(family=family, group=True)
    given = _latex(" ".join(parts.first)) or None
    suffix = _latex(" ".join(parts.jr)) or None
    return Author(family=family, given=given, suffix=suffix)


_ET_AL_WORDS = frozenset({"et al", "et al.", "others"})


def _et_al_parts(
    parts: middlewares.NameParts, *, last: bool
) -> tuple[middlewares.NameParts | None, bool]:
    """One name of a list without a trailing "et al.", and whether it had one.

    BibTeX's own "and others" is "et al.", and so are the ways people write it anyway:
    "and et al.", "{et al.}", or "David Jones et al" inside one name.  None of them is
    a person called Others or Al.  Only lower-case "et al" counts ("Al, ET" is a
    person), and "Others" with a capital only as the last name of the list.  The name
    left over is split again, so that particles, a "Jr." and braced groups survive
    ("Vincent van Gogh et al.", "Jones, Jr., David et al.")."""
    first, von, surname, jr = (list(p) for p in (parts.first, parts.von, parts.last, parts.jr))
    whole = " ".join(w.strip("{}") for w in [*first, *von, *surname, *jr])
    if whole in _ET_AL_WORDS or (last and whole == "Others"):
        return None, True
    if _ends_et_al(first):  # "Jones, David et al.", "Jones, David, et al."
        first = _cut(first)
        if not first and jr:
            first, jr = jr, []
        rest = ", ".join(
            p for p in (" ".join([*von, *surname]), " ".join(jr), " ".join(first)) if p
        )
        return parse_single_name_into_parts(rest), True
    words = [*first, *von, *surname]
    if not jr and _ends_et_al(words):  # "David Jones et al", "David Jones {et al.}"
        rest = " ".join(_cut(words))
        return (parse_single_name_into_parts(rest) if rest else None), True
    return parts, False


def _ends_et_al(words: Sequence[str]) -> bool:
    bare = [w.strip("{}") for w in words[-2:]]
    return (len(bare) == 2 and bare[0] == "et" and bare[1] in ("al", "al.")) or (
        bool(bare) and bare[-1] in ("et al", "et al.")
    )


def _cut(words: Sequence[str]) -> list[str]:
    return list(words[:-1] if words[-1].strip("{}") in ("et al", "et al.") else words[:-2])


def _field(entry: Entry, *names: str, verbatim: bool = False) -> str | None:
    fields = {k.lower(): v for k, v in entry.fields_dict.items()}
    for name in names:
        f = fields.get(name)
        if f is not None and isinstance(f.value, str) and f.value.strip():
            return _verbatim(f.value) if verbatim else _latex(f.value)
    return None


def bibtex_fields(entry: Entry) -> ReferenceFields:
    """The fields of one BibTeX/BibLaTeX entry (names already split)."""
    fields = {k.lower(): v for k, v in entry.fields_dict.items()}
    names = fields.get("author") or fields.get("editor")
    authors: tuple[Author, ...] = ()
    truncated = False
    if names is not None and isinstance(names.value, list):
        people: list[Author] = []
        for k, raw in enumerate(names.value):
            parts, cut = _et_al_parts(raw, last=k == len(names.value) - 1)
            truncated = truncated or cut
            person = _bib_name(parts) if parts is not None else None
            if person is not None:
                people.append(person)
        authors = tuple(people)
    year = _field(entry, "year")
    if year is None:
        date = _field(entry, "date")
        m = _YEAR.search(date) if date else None
        year = m.group(1) if m else None
    elif m := _YEAR.search(year):
        year = m.group(1)
    doi, malformed = _doi_fields(_field(entry, "doi", verbatim=True))
    eprint = _field(entry, "eprint", verbatim=True)
    archive = (_field(entry, "archiveprefix", "eprinttype") or "").lower()
    pages = _field(entry, "pages")
    return ReferenceFields(
        authors=authors,
        authors_truncated=truncated,
        year=year,
        title=_field(entry, "title"),
        container=_field(entry, "journal", "journaltitle", "booktitle"),
        volume=_field(entry, "volume"),
        issue=_field(entry, "number", "issue"),
        pages=pages.replace("--", "–").replace("-", "–") if pages else None,
        doi=doi,
        malformed_doi=malformed,
        pmid=_field(entry, "pmid", verbatim=True),
        pmcid=_field(entry, "pmcid", verbatim=True),
        arxiv=eprint if archive == "arxiv" else None,
        url=_field(entry, "url", verbatim=True),
    )


def _offset_of_line(text: str, line0: int) -> int:
    pos = 0
    for _ in range(line0):
        nxt = text.find("\n", pos)
        if nxt == -1:
            return len(text)
        pos = nxt + 1
    return pos


@contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """bibtexparser logs every failed block at WARNING; they become findings instead."""
    previous = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(previous)


def _load_bibtex(path: str, document: Document) -> Bibliography:
    text = document.text
    with _quiet(logging.getLogger("bibtexparser")):
        library = parse_string(
            text, append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]
        )
    refs: list[Reference] = []
    keys: list[str] = []
    problems: list[Diagnostic] = []
    first_line: dict[str, int] = {}
    for entry in library.entries:
        start = _offset_of_line(text, entry.start_line or 0)
        sign = text.find("@", start)
        start = sign if sign != -1 else start
        first_line[entry.key] = document.position(start).line
        span = Span(start, min(len(text), start + len(entry.raw or "")))
        refs.append(_reference(bibtex_fields(entry), len(refs) + 1, span))
        keys.append(entry.key)
    for block in library.failed_blocks:
        where = document.position(_offset_of_line(text, block.start_line or 0))
        if isinstance(block, DuplicateBlockKeyBlock):
            problems.append(_duplicate_key(path, where, block.key, first_line.get(block.key)))
        elif isinstance(block, ParsingFailedBlock):
            head = (block.raw or "").strip().split("\n")[0][:60]
            problems.append(_parse_error(path, where, f"BibTeX block `{head}` could not be parsed"))
    return Bibliography(path, "bibtex", document, tuple(refs), tuple(keys), tuple(problems))


def _parse_error(path: str, at: Position, message: str) -> Diagnostic:
    return make(
        "parse-error", path=path, start=at, end=at, message=message,
        help="Fix the entry's syntax; it is left out until then",
    )  # fmt: skip


def _duplicate_key(path: str, at: Position, key: str, first: int | None) -> Diagnostic:
    where = f" (first defined on line {first})" if first else ""
    return make(
        "duplicate-reference", path=path, start=at, end=at,
        message=f"Duplicate bibliography key `{key}`{where}",
        help="Give each entry its own key; only the first entry with a key is used",
        data={"key": key},
    )  # fmt: skip


def bibliography_format(path: str | Path) -> BibFormat | None:
    return FORMATS.get(Path(path).suffix.lower())


def load(path: str, *, max_bytes: int) -> Bibliography | InputProblem:
    """Read the bibliography at ``path`` (BibTeX by ``.bib``, CSL-JSON by ``.json``,
    CSL-YAML by ``.yaml``/``.yml``)."""
    fmt = bibliography_format(path)
    if fmt is None:
        return InputProblem(
            path, "unknown bibliography format (expected .bib, .json, .yaml or .yml)"
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        return InputProblem(path, "bibliography not found")
    except OSError as exc:
        return InputProblem(path, (exc.strerror or str(exc)).lower())
    if len(data) > max_bytes:
        return InputProblem(path, f"file is larger than the {max_bytes / 2**20:g} MB limit")
    decoded = decode(data)
    if isinstance(decoded, str):
        return InputProblem(path, decoded)
    text, encoding, warning = decoded
    document = replace(
        Document.plain(path, normalize_newlines(text), encoding=encoding),
        warnings=(warning,) if warning else (),
    )
    if fmt == "bibtex":
        return _load_bibtex(path, document)
    loaded = _load_csl(path, document, fmt)
    return InputProblem(path, loaded) if isinstance(loaded, str) else loaded
