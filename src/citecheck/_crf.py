"""A token CRF over one reference string, as AnyStyle and GROBID use.

The model (``models/refparse.crfsuite``) is trained by ``python -m bench.accuracy.train``
on the dev split only (AnyStyle ``core.xml`` + ``good.xml``, GROBID's citation corpus
minus ``evaluation/`` and ``citations.xml``, ParsCit FLUX-CiM/ICONIP/humanities).  It
labels every token after the rules' author list with one of `LABELS`; `segments` turns
the labels into the first span of each field.  `citecheck.refparse` asks it only where
its rules are unsure (see ``refparse._needs_model``), so clean entries never pay for it.

Speed: a token's own features depend on its text alone and are cached per distinct
token (bounded), so an entry costs a few list joins per token plus the C tagger.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

LABELS = (
    "author",
    "editor",
    "year",
    "title",
    "container",
    "vol",
    "pages",
    "publisher",
    "ident",
    "other",
)
"""``vol`` is volume and issue together (AnyStyle does not tell them apart)."""

MODEL_NAME = "refparse.crfsuite"

# A token: a run of characters other than space and the separators, or one separator.
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”«»]+|[,;:()\[\]\"“”«»]")
_YEAR = re.compile(r"^[(\[]?(?:1[5-9]\d\d|20\d\d)[a-z]?[.,;:)\]]*$")
_RANGE = re.compile(r"^[A-Za-z]{0,3}\d+[-–—‐‑]+[A-Za-z]{0,3}\d+\.?$")
_DIGITS = re.compile(r"\d")
_SHAPE_MAP = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "XXXXXXXXXXXXXXXXXXXXXXXXXXxxxxxxxxxxxxxxxxxxxxxxxxxx9999999999",
)
_SQUEEZE = re.compile(r"(.)\1+")
_WORD = re.compile(r"[^\W_]+")

_JOURNAL = frozenset(
    "journal j review rev proceedings proc bulletin bull annals ann letters lett transactions "
    "trans quarterly magazine acta archives arch research res reports rep science sci nature "
    "medicine med zeitschrift revista revue rivista studies forum phys chem biol am int natl "
    "acad soc conference conf symposium symp workshop international".split()
)
_PUBLISHER = frozenset(
    "press publishing publishers publisher verlag books wiley springer elsevier routledge sage "
    "norton macmillan penguin harper inc ltd llc company editions éditions gallimard kluwer "
    "blackwell mcgraw prentice addison pearson crc taylor university universitaires "
    "universitaria academic".split()
)
_PLACE = frozenset(
    "london paris berlin york new oxford cambridge boston chicago amsterdam tokyo washington "
    "madrid milano milan roma rome münchen munich wien vienna leipzig frankfurt stuttgart "
    "heidelberg dordrecht basel princeton philadelphia toronto barcelona torino bologna "
    "firenze lyon geneva genève zürich hamburg ny ma ca uk usa nj il".split()
)
_MARKERS = {
    "in": "IN",
    "eds": "EDS",
    "ed": "EDS",
    "editor": "EDS",
    "editors": "EDS",
    "hrsg": "EDS",
    "hg": "EDS",
    "éd": "EDS",
    "pp": "PP",
    "p": "PP",
    "s": "PP",
    "pages": "PP",
    "vol": "VOL",
    "volume": "VOL",
    "bd": "VOL",
    "no": "NO",
    "nr": "NO",
    "issue": "NO",
    "doi": "ID",
    "http": "ID",
    "https": "ID",
    "url": "ID",
    "arxiv": "ID",
    "pmid": "ID",
    "retrieved": "ID",
    "available": "ID",
    "et": "ETAL",
    "al": "ETAL",
    "and": "AND",
    "&": "AND",
    "und": "AND",
    "et.": "ETAL",
    "thesis": "THESIS",
    "dissertation": "THESIS",
    "phd": "THESIS",
    "report": "THESIS",
    "edn": "EDN",
    "edition": "EDN",
    "ed.": "EDN",
}
_CACHE_LIMIT = 20_000
"""Distinct tokens whose features are kept: about 1.3 kB each, so at most ~27 MB."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def tokens(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of the tokens of ``text`` that start at ``start`` or after it."""
    spans = [m.span() for m in _TOKEN.finditer(text, start)]
    if start and spans and spans[0][0] == start:
        # Reading from ``start`` cuts a token that began before it: its rest is no token.
        before = _TOKEN.match(text, start - 1)
        if before is not None and before.end() > start:
            del spans[0]
    return spans


def _shape(tok: str) -> str:
    return _SQUEEZE.sub(r"\1", tok.translate(_SHAPE_MAP))[:8]


def _static(tok: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """A token's own features, and the ones it lends to its neighbours."""
    words = _WORD.findall(tok.lower())
    word = "".join(words)[:20]
    shape = _shape(tok)
    own = [f"w={word}", f"s={shape}", f"l={min(len(tok), 12)}"]
    if len(word) > 3:
        own.append(f"p3={word[:3]}")
        own.append(f"x3={word[-3:]}")
    last = tok[-1]
    if not last.isalnum():
        own.append(f"e={last}")
    first = tok[0]
    if not first.isalnum():
        own.append(f"b={first}")
    if _YEAR.match(tok):
        own.append("YEAR")
    elif _RANGE.match(tok):
        own.append("RANGE")
    elif _DIGITS.search(tok):
        own.append("NUM" if word.isdigit() else "HASNUM")
    marker = _MARKERS.get(word) or _MARKERS.get(tok.lower())
    if marker:
        own.append(f"m={marker}")
    if word in _JOURNAL:
        own.append("JW")
    if word in _PUBLISHER:
        own.append("PW")
    if word in _PLACE:
        own.append("PL")
    if len(word) == 1 and tok[:1].isupper():
        own.append("INITIAL")
    key = word if word else tok
    end = last if not last.isalnum() else "a"
    cap = (
        "C" if first.isupper() else ("d" if first.isdigit() else ("l" if first.isalpha() else "p"))
    )
    own.append(f"c={cap}")
    prev = [f"-1w={key}", f"-1s={shape}", f"-1e={end}"]
    nxt = [f"+1w={key}", f"+1s={shape}"]
    far = [f"2w={key}"]
    return own, prev, nxt, far


# Bounded memo: a token's own features are a pure function of its text.
_cached = functools.lru_cache(maxsize=_CACHE_LIMIT)(_static)


RULE_FIELDS = ("title", "container", "volume", "issue", "pages", "year")
"""The rule parser's fields whose places become features (``R=...``)."""


def rule_hints(
    text: str,
    spans: Sequence[tuple[int, int]],
    author_end: int,
    values: Mapping[str, str | None],
) -> list[str]:
    """One feature per token: the field the rule parser put it in (``R=-`` for none).

    The rules give values, not places: each value is looked up in ``text`` after the
    authors and after the fields found before it, in reading order.
    """
    marks: list[tuple[int, int, str]] = []
    pos = author_end
    found: list[tuple[int, int, str]] = []
    for name in RULE_FIELDS:
        value = values.get(name)
        if not value:
            continue
        at = text.find(value, pos if name != "year" else author_end)
        if at < 0:
            at = text.find(value)
        if at < 0:
            continue
        found.append((at, at + len(value), f"R={name}"))
        if name in ("title", "container"):
            pos = at + len(value)
    marks.extend(sorted(found))
    out = []
    for a, b in spans:
        label = "R=-"
        for start, end, name in marks:
            if start <= a < end or (a <= start < b):
                label = name
                break
        out.append(label)
    return out


_POS = tuple(f"pos={k}" for k in range(11))
_PER = tuple(f"per={k}" for k in range(5))
_OPEN = frozenset("([")
_CLOSE = frozenset(")]")
_QUOTE_TOKENS = frozenset('"“”«»')


@functools.lru_cache(maxsize=4096)  # a few hundred hint triples exist
def _conjunction(hint: str, before: str, after: str) -> str:
    return f"{hint}|{before}|{after}"


def features(
    text: str, spans: Sequence[tuple[int, int]], hints: Sequence[str] | None = None
) -> list[list[str]]:
    """The feature strings of every token (the same for training and tagging)."""
    toks = [text[a:b] for a, b in spans]
    statics = [_cached(t) for t in toks]
    n = len(toks)
    out: list[list[str]] = []
    periods = 0  # sentence ends seen so far: APA and Vancouver fields are sentences
    seen_year = False
    paren = 0
    quote = False
    after_quote = False
    for i in range(n):
        own = statics[i][0]
        row = [*own, _POS[10 * i // n], _PER[periods if periods < 4 else 4]]
        if seen_year:
            row.append("afterYEAR")
        if paren:
            row.append("inPAREN")
        if quote:
            row.append("inQUOTE")
        if i:
            prev = statics[i - 1][1]
            row += prev
            row.append(prev[2] + own[-1])
            if i > 1:
                row += statics[i - 2][3]
        else:
            row.append("BOS")
        if i + 1 < n:
            row += statics[i + 1][2]
            if i + 2 < n:
                row += statics[i + 2][3]
        else:
            row.append("EOS")
        if after_quote:
            row.append("afterQUOTE")
        if hints is not None:
            hint = hints[i]
            row.append(hint)
            row.append(
                _conjunction(
                    hint, hints[i - 1] if i else "BOS", hints[i + 1] if i + 1 < n else "EOS"
                )
            )
        out.append(row)
        tok = toks[i]
        if tok in _OPEN:
            paren += 1
        elif tok in _CLOSE:
            if paren:
                paren -= 1
        elif tok in _QUOTE_TOKENS:
            quote = not quote
            after_quote = after_quote or not quote
        if not seen_year and "YEAR" in own:
            seen_year = True
        if len(tok) > 2 and tok[-1] == "." and not tok[-2].isupper():
            periods += 1
    return out


class _Model:
    """The tagger, opened once per thread (pycrfsuite taggers are not thread-safe)."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._path: str | None = None
        self._missing = False

    def tagger(self) -> Any:
        tagger = getattr(self._local, "tagger", None)
        if tagger is not None or self._missing:
            return tagger
        try:
            import pycrfsuite  # type: ignore[import-untyped]
        except ImportError:  # pragma: no cover - a declared dependency
            self._missing = True
            return None
        if self._path is None:
            ref = resources.files("citecheck.models").joinpath(MODEL_NAME)
            if not ref.is_file():
                self._missing = True
                return None
            self._path = str(ref)
        if not _whole_model(self._path):
            self._missing = True  # a truncated file would crash CRFsuite itself
            return None
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(self._path)
        except (OSError, ValueError):  # a damaged install: the rules read alone
            self._missing = True
            return None
        self._local.tagger = tagger
        return tagger


def _whole_model(path: str) -> bool:
    """Whether ``path`` starts like a CRFsuite model and is as long as its header says."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
            size = os.fstat(f.fileno()).st_size
    except OSError:
        return False
    return len(head) == 8 and head[:4] == b"lCRF" and int.from_bytes(head[4:], "little") == size


_MODEL = _Model()


def available() -> bool:
    """Whether the model file and its runtime are installed."""
    return _MODEL.tagger() is not None


def model_input(
    text: str, author_end: int, values: Mapping[str, str | None]
) -> tuple[list[tuple[int, int]], list[list[str]]]:
    """The tokens the model reads and their features, the same for training and tagging.

    Only the tokens after the author list: the rules' authors stand (a token inside
    them is never read as anything else), so tagging them was wasted work, a third
    of an entry's tokens and more in biomedical lists of six or more authors.
    ``author_end`` and ``values`` are what the rule parser read (`rule_hints`).
    """
    spans = tokens(text, author_end)
    return spans, features(text, spans, rule_hints(text, spans, author_end, values))


def _utf8_safe(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (ASCII has none: no search)."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def tag(
    text: str, author_end: int, values: Mapping[str, str | None]
) -> tuple[list[tuple[int, int]], list[str]]:
    """The spans of the tokens after the author list and their labels (no labels when
    the model is not available)."""
    tagger = _MODEL.tagger()
    if tagger is None:
        return [], []
    # CRFsuite takes UTF-8; a lone surrogate (bytes decoded with surrogateescape)
    # is replaced by U+FFFD, one character for one, so the spans stay in place.
    text = _utf8_safe(text)
    clean = {k: _utf8_safe(v) if v else v for k, v in values.items()}
    spans, xseq = model_input(text, author_end, clean)
    if not spans:
        return spans, []
    try:
        return spans, list(tagger.tag(xseq))
    except (SystemError, ValueError, UnicodeError):  # never let the model break a parse
        return spans, []


def segments(
    text: str, spans: Sequence[tuple[int, int]], labels: Sequence[str]
) -> dict[str, tuple[int, int]]:
    """The character span of the first run of each label."""
    out: dict[str, tuple[int, int]] = {}
    n = min(len(spans), len(labels))
    i = 0
    while i < n:
        label = labels[i]
        j = i + 1
        while j < n and labels[j] == label:
            j += 1
        if label not in out:
            out[label] = (spans[i][0], spans[j - 1][1])
        i = j
    return out
