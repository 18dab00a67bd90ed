"""The visible text of Markdown and HTML articles, with a map back to the source.

Later stages look for reference lists and in-text citations in plain text, yet every
finding must name a line and column of the file the user wrote.  Both readers emit
text through `TextBuilder`: text that stands in the source is *copied*, so each of
its characters maps to exactly where it was written; text that does not (a decoded
``&amp;``, the number of an ``<ol>`` item, a paragraph break) is *inserted* and
reported at the markup it stands for.

HTML is split into tokens by a small scanner modelled on the HTML5 tokenizer, not by
`html.parser.HTMLParser`.  On CPython 3.11 that parser rescans to the end of the
input for every unclosed start tag (200 kB of ``<a `` took ten minutes), raises
``AssertionError`` on ``<![foo[``, and after a second malformed ``&#`` passes the rest
of the file, tags included, to ``handle_data`` as one string.  The scanner reads each
character a bounded number of times and never raises.

Markdown is read line by line for blocks; the lines of one paragraph are then joined
so that emphasis, code spans, links and inline HTML may run across line breaks, with
every offset of the joined text mapped back to its line.  No Markdown library is
used because none reports source columns for inline text.
"""

from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from html import unescape
from html.entities import html5
from itertools import pairwise
from urllib.parse import unquote

from citecheck.document import Document, TextBuilder, TextMap
from citecheck.model import Span

__all__ = ["html_document", "markdown_document"]


# --------------------------------------------------------------------------- shared


class _Sink:
    """A `TextBuilder` that also knows how much text it holds and how it ends."""

    __slots__ = ("builder", "capture", "n", "trail_nl", "trail_space")

    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.n = 0
        self.trail_nl = 0
        """How many ``\\n`` end the text so far (decides how many a break must add)."""
        self.trail_space = False
        """Whether the text ends with a space or tab (then no space is added)."""
        self.capture: list[str] | None = None
        """When set, every emitted piece is appended (the text of an open link)."""

    def copy(self, text: str, offset: int) -> None:
        if not text:
            return
        self.builder.copy(text, offset)
        self.n += len(text)
        # (the bookkeeping is written out twice: these two run for every piece of text)
        last = text[-1]
        if last == "\n":
            tail = len(text) - len(text.rstrip("\n"))
            self.trail_nl = self.trail_nl + tail if tail == len(text) else tail
        else:
            self.trail_nl = 0
        self.trail_space = last == " " or last == "\t"
        if self.capture is not None:
            self.capture.append(text)

    def insert(self, text: str, offset: int) -> None:
        if not text:
            return
        self.builder.insert(text, offset)
        self.n += len(text)
        last = text[-1]
        if last == "\n":
            tail = len(text) - len(text.rstrip("\n"))
            self.trail_nl = self.trail_nl + tail if tail == len(text) else tail
        else:
            self.trail_nl = 0
        self.trail_space = last == " " or last == "\t"
        if self.capture is not None:
            self.capture.append(text)


class _PlainSink:
    """The output of the Markdown reader, which keeps no layout state: copies go
    straight to the builder, and the rarely needed facts are computed when asked."""

    __slots__ = ("builder", "copy", "insert")

    def __init__(self) -> None:
        self.builder = TextBuilder()
        self.copy: Callable[[str, int], None] = self.builder.copy
        self.insert: Callable[[str, int], None] = self.builder.insert

    @property
    def n(self) -> int:
        return len(self.builder)

    @property
    def trail_nl(self) -> int:
        b = self.builder
        return 2 if b.endswith("\n\n") else 1 if b.endswith("\n") else 0


def _spans(text: str, raw: list[tuple[int, int]]) -> tuple[Span, ...]:
    """Spans with surrounding white space trimmed; empty ones dropped."""
    found = {t for start, end in raw if (t := _trimmed(text, start, end)) is not None}
    return tuple(Span(a, b) for a, b in sorted(found))


def _headings(
    text: str, raw: list[tuple[int, int, int]]
) -> tuple[tuple[Span, ...], tuple[int, ...]]:
    """The headings' spans (as `_spans` makes them) and their levels, in one order."""
    level: dict[tuple[int, int], int] = {}
    for start, end, depth in raw:
        t = _trimmed(text, start, end)
        if t is not None:
            level[t] = max(level.get(t, 0), depth)
    keys = sorted(level)
    return tuple(Span(a, b) for a, b in keys), tuple(level[k] for k in keys)


# What marks an element of notes: Pandoc, Hugo, Jekyll (kramdown) and markdown-it
# write ``class="footnotes"`` or ``role="doc-endnotes"``; WordPress its footnotes block.
_NOTES_ROLES = frozenset({"doc-endnotes", "doc-footnotes"})
_NOTES_CLASSES = frozenset({"footnotes", "endnotes", "wp-block-footnotes"})


def _holds_notes(attrs: dict[str, str]) -> bool:
    role = attrs.get("role")
    if role is not None and role.lower() in _NOTES_ROLES:
        return True
    classes = attrs.get("class")
    return classes is not None and not _NOTES_CLASSES.isdisjoint(classes.lower().split())


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    a, b = start, min(end, len(text))
    while a < b and text[a] in " \t\n":
        a += 1
    while b > a and text[b - 1] in " \t\n":
        b -= 1
    return (a, b) if a < b else None


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


_NBSP = "\xa0"


# ----------------------------------------------------------------------------- HTML

_HTML_MARK = re.compile(r"[<&]")
# White space that is not a lone " ": it is replaced, a lone space is copied.
_IRREGULAR_WS = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_HTML_SPACE = " \t\n\r\f"
# Bounded so that "&#" followed by a megabyte of digits costs nothing.
_HTML_ENTITY = re.compile(r"&(?:#[0-9]{1,16}|#[xX][0-9a-fA-F]{1,16}|[A-Za-z][A-Za-z0-9]{0,40});?")
_ATTR_REF = re.compile(r"&(?:#[0-9]{1,16};?|#[xX][0-9a-fA-F]{1,16};?|[A-Za-z][A-Za-z0-9]{0,40};)")
# The tokenizer states of HTML5 §13.2.5, each a run of one character class.
_TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
_BEFORE_ATTR = re.compile(r"[\t\n\f\r /]*")
_ATTR_NAME = re.compile(r"[^\t\n\f\r />=]*")
_TAG_SPACE = re.compile(r"[\t\n\f\r ]*")
_UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
_COMMENT_END = re.compile(r"--!?>")
# Text from a "<" or "&" that starts nothing up to the next one that might.
_LITERAL_RUN = re.compile(
    r"[<&](?:[^<&]"  # ordinary text
    r"|<(?![A-Za-z/!?])|&(?!#[0-9]|#[xX][0-9a-fA-F]|[A-Za-z]))*"  # "<" or "&" starting nothing
)
# The usual well-formed tag in one regex call (from its name to its ">"); anything
# else goes through `_scan_tag`.  Every repetition must start with white space and
# names cannot, so a failed match backtracks only linearly.
_FAST_TAG_BODY = (
    r"([A-Za-z][A-Za-z0-9]{0,31})"
    r"((?:[\t\n\f\r ]+[A-Za-z_:][-A-Za-z0-9_:.]*"
    r"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"[^\"]*\"|'[^']*'|[^\t\n\f\r \"'=<>`]+))?)*)"
    r"[\t\n\f\r ]*(/?)>"
)
_FAST_TAG = re.compile(_FAST_TAG_BODY)
_FAST_MARKUP = re.compile("<(/?)" + _FAST_TAG_BODY)
_FAST_ATTR = re.compile(
    r"([^\t\n\f\r />=]+)(?:[\t\n\f\r ]*=[\t\n\f\r ]*"
    r"(?:\"([^\"]*)\"|'([^']*)'|([^\t\n\f\r >]+)))?"
)
# Attributes are only parsed for the elements that use them, or when these occur.
_ATTR_HINT = re.compile(r"hidden|role|footer|comment|respond|disqus|notes", re.IGNORECASE)
_ATTR_USERS = frozenset(("a", "ol", "li"))
# Only a link whose attributes mention a DOI can add text.
_DOI_HINT = re.compile(r"doi", re.IGNORECASE)
_INT = re.compile(r"[ \t\n\r\f]*([+-]?[0-9]{1,9})")
_DOI_HREF = re.compile(r"doi\.org/+(10\.[^?#\s]+)|^\s*doi:\s*(10\.\S+)", re.IGNORECASE)

_VOID = frozenset(
    "area base basefont bgsound br col embed hr img input keygen link meta param source "
    "track wbr".split()
)
# Elements whose text is never shown.
_SKIP = frozenset(
    "script style noscript template head title nav svg canvas iframe noembed noframes".split()
)
# Elements whose content is raw text up to their end tag (HTML5 RAWTEXT/RCDATA); all of
# them are in _SKIP, so the content is jumped over, not tokenized.
_RAW_TEXT = frozenset("script style noscript iframe noembed noframes title".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Inline code holds no citation.  Not <pre> alone: whole plain-text articles are
# served in one; a code block is <pre><code>.
_CODE_TAGS = frozenset("code kbd samp".split())
# Phrasing elements and void elements that change nothing in the text.  They are not
# even put on the stack unless they must be (hidden, or inside a skipped element).
_INERT = frozenset(
    "abbr b bdi bdo big cite data del dfn em font i ins label mark nobr q rp rt "
    "ruby s small span strike strong sub time tt u var img wbr input source track col "
    "area embed param meta link base basefont bgsound keygen".split()
)
_BLOCKS = frozenset(
    "address article aside blockquote caption center details dialog dd dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend "
    "listing main menu ol p pre search section summary table tr ul".split()
)
_LISTS = frozenset("ol ul menu dir".split())
_FOOTER_IDS = frozenset({"footer", "site-footer", "page-footer", "mw-footer", "global-footer"})
_COMMENTS_IDS = frozenset({"comments", "respond", "disqus_thread"})
_COMMENTS_CLASSES = frozenset({"comments-area", "comment-list", "commentlist", "comments-section"})
# Start tags that close an open <p> (HTML5 "in body" insertion mode).
_CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl dd dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li listing main "
    "menu nav ol p plaintext pre search section summary table ul xmp".split()
)
_P_SCOPE = ("table", "td", "th", "caption", "button", "template", "object", "marquee", "applet")
_HEAD_CONTENT = frozenset(
    "base basefont bgsound link meta title style script noscript template head".split()
)
_RAW_CLOSERS: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"</{name}(?=[\t\n\f\r />])", re.IGNORECASE) for name in _RAW_TEXT
}


class _Tag:
    __slots__ = ("attrs", "end", "href_at", "name", "self_closing")

    def __init__(
        self, name: str, attrs: dict[str, str], end: int, self_closing: bool, href_at: int
    ) -> None:
        self.name = name
        self.attrs = attrs
        """Raw (undecoded) attribute values; the first of duplicate names wins."""
        self.end = end
        self.self_closing = self_closing
        self.href_at = href_at
        """Source offset of the ``href`` value, or -1."""


def _read_tag(s: str, i: int, end_tag: bool) -> _Tag | None:
    """The tag whose name starts at ``i``; None when the input ends inside it."""
    m = _FAST_TAG.match(s, i)
    if m is None:
        return _scan_tag(s, i)
    return _fast_tag(s, m, 1, m.group(1).lower(), end_tag)


def _fast_tag(s: str, m: re.Match[str], g: int, name: str, end_tag: bool) -> _Tag:
    """A `_Tag` from a match of `_FAST_TAG_BODY` whose name is group ``g``."""
    attrs: dict[str, str] = {}
    href_at = -1
    a, b = m.span(g + 1)
    if a < b and not end_tag and (name in _ATTR_USERS or _ATTR_HINT.search(s, a, b)):
        for am in _FAST_ATTR.finditer(s, a, b):
            key = am.group(1).lower()
            if key in attrs:
                continue
            for k in (2, 3, 4):
                if am.start(k) >= 0:
                    attrs[key] = am.group(k)
                    if key == "href":
                        href_at = am.start(k)
                    break
            else:
                attrs[key] = ""
    return _Tag(name, attrs, m.end(), m.group(g + 2) == "/", href_at)


def _scan_tag(s: str, i: int) -> _Tag | None:
    """The tag whose name starts at ``i``; None when the input ends inside it."""
    n = len(s)
    m = _TAG_NAME.match(s, i)
    name = m.group().lower() if m else ""
    p = m.end() if m else i
    attrs: dict[str, str] = {}
    href_at = -1
    while True:
        mq = _BEFORE_ATTR.match(s, p)
        q = mq.end() if mq else p
        if q >= n:
            return None
        if s[q] == ">":
            # "/" right before ">" (not inside an unquoted value) makes it self-closing.
            return _Tag(name, attrs, q + 1, q > p and s[q - 1] == "/", href_at)
        ma = _ATTR_NAME.match(s, q + 1)
        a_end = ma.end() if ma else q + 1
        key = s[q:a_end].lower()
        mr = _TAG_SPACE.match(s, a_end)
        r = mr.end() if mr else a_end
        value = ""
        value_at = -1
        if r < n and s[r] == "=":
            mv = _TAG_SPACE.match(s, r + 1)
            v = mv.end() if mv else r + 1
            if v >= n:
                return None
            quote = s[v]
            if quote in "\"'":
                close = s.find(quote, v + 1)
                if close < 0:
                    return None
                value, value_at, p = s[v + 1 : close], v + 1, close + 1
            elif quote == ">":
                p = v
            else:
                mu = _UNQUOTED.match(s, v)
                e = mu.end() if mu else v
                value, value_at, p = s[v:e], v, e
        else:
            p = a_end
        if key not in attrs:
            attrs[key] = value
            if key == "href":
                href_at = value_at


def _attr_text(raw: str) -> str:
    """An attribute value with its character references decoded."""
    if "&" not in raw:
        return raw
    return _ATTR_REF.sub(lambda m: unescape(m.group()), raw)


def _parse_int(raw: str | None) -> int | None:
    if raw is None:
        return None
    m = _INT.match(raw)
    return int(m.group(1)) if m else None


def decode_entity(raw: str) -> str | None:
    """The text of a character reference, or None when it is not one (``&foo;``)."""
    if raw[1] == "#":
        return unescape(raw)
    return html5.get(raw[1:])


class _Frame:
    """One open element."""

    __slots__ = (
        "capture",
        "counter",
        "doi",
        "href",
        "href_at",
        "href_raw",
        "live",
        "mark",
        "skip",
        "tag",
    )

    def __init__(self, tag: str, live: bool, skip: bool) -> None:
        self.tag = tag
        self.live = live
        """Whether its start had visible effects (it was not inside a skipped element)."""
        self.skip = skip
        self.mark = -1
        self.counter: int | None = None
        self.doi = ""
        self.href = ""
        self.href_raw = ""
        self.href_at = -1
        self.capture: list[str] | None = None


class _HtmlReader:
    """Tokenizes HTML and lays its visible text out as blocks and lines."""

    def __init__(self, source: str) -> None:
        self.s = source
        self.out = _Sink()
        self.stack: list[_Frame] = []
        self.open: dict[str, list[int]] = {}
        """Stack indices of the open elements of each name, so no lookup walks the stack."""
        self.lists: list[_Frame] = []
        self.skip = 0
        self.pre = 0
        self.pre_nl_at = -1
        self.heads: list[tuple[int, int, int]] = []
        """Each heading's start, end and level (1 for ``#`` and ``<h1>``)."""
        self.sups: list[tuple[int, int]] = []
        self.codes: list[tuple[int, int]] = []
        self.links: list[tuple[int, int]] = []
        """Link destinations shown after a link's text (`Document.link_targets`)."""
        self.warnings: list[str] = []
        # Layout requests wait until visible text follows, so that empty elements add
        # no blank lines and no block break lands at the start or end of the text.
        self.pend_break = 0
        self.break_at = 0
        self.pend_space = -1
        self.space_char = " "
        self.pend_prefix: str | None = None
        self.prefix_at = 0

    # -- tokenizer

    def run(self) -> None:
        # The hot loop: plain text and inline tags without effect (<em>, </span>) are
        # handled here without a method call; everything else goes to the methods.
        s = self.s
        n = len(s)
        pos = 0
        search = _HTML_MARK.search
        irregular = _IRREGULAR_WS.search
        fast = _FAST_MARKUP.match
        out = self.out
        copy = out.builder.copy
        open_ = self.open
        while pos < n:
            m = search(s, pos)
            j = n if m is None else m.start()
            if j > pos:
                if self.skip or self.pre or irregular(s, pos, j):
                    self._text(pos, j)
                else:
                    a = pos
                    if s[a] == " ":
                        self._space(a)
                        a += 1
                    if a < j:
                        b = j - 1 if s[j - 1] == " " else j
                        if self.pend_break or self.pend_space >= 0 or self.pend_prefix is not None:
                            self._flush()
                        # _Sink.copy inlined: this is most of the text.
                        words = s[a:b]
                        copy(words, a)
                        out.n += b - a
                        out.trail_nl = 0
                        out.trail_space = False
                        if out.capture is not None:
                            out.capture.append(words)
                        if b < j:
                            self.pend_space = b
                            self.space_char = " "
            if m is None:
                break
            if s[j] == "&":
                pos = self._entity(j)
                continue
            t = fast(s, j)
            if t is None:
                pos = self._markup(j)
                continue
            name = t.group(2).lower()
            if t.group(1):
                if name in _INERT and not open_.get(name):
                    pos = t.end()  # </em> with no <em> on the stack: nothing to do
                    continue
                self._end_tag(name, j)
                pos = t.end()
                continue
            if (
                (name in _INERT or (name == "a" and not _DOI_HINT.search(s, t.start(3), t.end(3))))
                and not self.skip
                and not open_.get(name)
                and not open_.get("head")
                and (t.start(3) == t.end(3) or not _ATTR_HINT.search(s, t.start(3), t.end(3)))
            ):
                pos = t.end()  # <em>, <span>, <img>, <a href="#r1">: no effect on the text
                continue
            tag = _fast_tag(s, t, 2, name, end_tag=False)
            self._start(tag, j)
            pos = tag.end
            if name in _RAW_TEXT and not tag.self_closing:
                pos = self._raw_text(name, j, pos)
        self._pop_to(0, n)

    def _markup(self, j: int) -> int:
        s = self.s
        n = len(s)
        c = s[j + 1] if j + 1 < n else ""
        if c.isascii() and c.isalpha():
            tag = _read_tag(s, j + 1, end_tag=False)
            if tag is None:
                return self._eof(j, "unterminated tag")
            self._start(tag, j)
            if tag.name in _RAW_TEXT and not tag.self_closing:
                return self._raw_text(tag.name, j, tag.end)
            return tag.end
        if c == "/":
            c2 = s[j + 2] if j + 2 < n else ""
            if c2.isascii() and c2.isalpha():
                tag = _read_tag(s, j + 2, end_tag=True)
                if tag is None:
                    return self._eof(j, "unterminated tag")
                self._end_tag(tag.name, j)
                return tag.end
            if c2 == ">":
                return j + 3
            if not c2:
                self._text(j, n)
                return n
            return self._bogus(j, j + 2)
        if c == "!":
            if s.startswith("<!--", j):
                if s.startswith(">", j + 4):
                    return j + 5
                if s.startswith("->", j + 4):
                    return j + 6
                m = _COMMENT_END.search(s, j + 4)
                return m.end() if m else self._eof(j, "unterminated comment")
            if s.startswith("[CDATA[", j + 2):
                e = s.find("]]>", j + 9)
                return e + 3 if e >= 0 else self._eof(j, "unterminated CDATA section")
            return self._bogus(j, j + 2)
        if c == "?":
            return self._bogus(j, j + 2)
        return self._literal(j)

    def _raw_text(self, name: str, j: int, start: int) -> int:
        """Where the content of a <script>-like element at ``j`` ends (it is not shown)."""
        m = _RAW_CLOSERS[name].search(self.s, start)
        return m.start() if m else self._eof(j, f"unclosed <{name}>")

    def _literal(self, j: int) -> int:
        """A ``<`` or ``&`` that starts no markup, with any such that follow: one text run."""
        m = _LITERAL_RUN.match(self.s, j)
        end = m.end() if m else j + 1
        self._text(j, end)
        return end

    def _bogus(self, j: int, k: int) -> int:
        """``<!doctype>``, ``<?xml?>`` and other bogus comments end at the next ``>``."""
        e = self.s.find(">", k)
        return e + 1 if e >= 0 else self._eof(j, "unterminated markup declaration")

    def _eof(self, j: int, what: str) -> int:
        # HTML5 drops a tag or comment cut off by the end of the file; say so, since
        # the text after it vanishes.
        if self.s[j:].strip(_HTML_SPACE + "<>/!-"):
            line = _line_of(self.s, j)
            self.warnings.append(f"line {line}: {what}; the rest of the file is not read")
        return len(self.s)

    def _entity(self, j: int) -> int:
        m = _HTML_ENTITY.match(self.s, j)
        decoded = decode_entity(m.group()) if m else None
        if m is None or decoded is None:
            return self._literal(j)
        if self.skip and not self._leave_head(j):
            return m.end()
        if decoded == _NBSP or (decoded.isspace() and not self.pre):
            if self.pre:
                self._flush()
                self.out.insert(" " if decoded == _NBSP else decoded, j)
            else:
                self._space(j)
        else:
            self._flush()
            self.out.insert(decoded, j)
        return m.end()

    # -- text

    def _text(self, a: int, b: int) -> None:
        if self.skip and not self._leave_head(a, b):
            return
        s = self.s
        if self.pre:
            if a == self.pre_nl_at and s[a] == "\n":
                a += 1  # HTML5 drops the newline right after <pre>
            if a < b:
                self._flush()
                self.out.copy(s[a:b], a)
            return
        pos = a
        for m in _IRREGULAR_WS.finditer(s, a, b):
            start = m.start()
            if start > pos:
                self._words(pos, start)
            self._space(start)
            pos = m.end()
        if pos < b:
            self._words(pos, b)

    def _words(self, a: int, b: int) -> None:
        """Text whose only white space is single spaces: copied in one piece."""
        s = self.s
        if s[a] == " ":
            self._space(a)
            a += 1
            if a == b:
                return
        trailing = s[b - 1] == " "
        if trailing:
            b -= 1
        if self.pend_break or self.pend_space >= 0 or self.pend_prefix is not None:
            self._flush()
        self.out.copy(s[a:b], a)
        if trailing:
            self._space(b)

    def _leave_head(self, a: int, b: int | None = None) -> bool:
        """Text in an unclosed <head> ends it (HTML5); whether the text is now visible."""
        if self.skip != 1:
            return False
        h = self._last("head")
        if h < 0 or not self.stack[h].skip:
            return False
        if b is not None and not self.s[a:b].strip(_HTML_SPACE):
            return False
        self._pop_to(h, a)
        return self.skip == 0

    # -- layout

    def _space(self, at: int, char: str = " ") -> None:
        out = self.out
        if (
            out.n == 0
            or out.trail_nl > 0
            or out.trail_space
            or self.pend_break > out.trail_nl
            or self.pend_prefix is not None
        ):
            return  # no space at the start of a line
        if self.pend_space < 0 or char == "\t":
            self.pend_space = at
            self.space_char = char

    def _block(self, at: int) -> None:
        if self.pend_prefix is not None:
            return  # <li><p>: the item's text stays on the item's line
        if self.pend_break == 0:
            self.break_at = at
        self.pend_break = 2

    def _line(self, at: int) -> None:
        if self.pend_break == 0:
            self.break_at = at
        self.pend_break = max(self.pend_break, 1)

    def _br(self, at: int) -> None:
        if self.out.n == 0 or self.pend_prefix is not None:
            return
        if self.pend_break == 0:
            self.break_at = at
        self.pend_break = min(2, max(self.pend_break, self.out.trail_nl) + 1)

    def _flush(self, space: bool = True) -> None:
        """Emit the breaks, item prefix and (unless told not to) space that wait for
        visible text."""
        out = self.out
        if self.pend_break:
            if out.n and self.pend_break > out.trail_nl:
                out.insert("\n" * (self.pend_break - out.trail_nl), self.break_at)
                self.pend_space = -1
            self.pend_break = 0
        if self.pend_prefix is not None:
            out.insert(self.pend_prefix, self.prefix_at)
            self.pend_prefix = None
            self.pend_space = -1
        if self.pend_space >= 0 and space:
            at = self.pend_space
            if self.space_char == " " and self.s.startswith(" ", at):
                out.copy(" ", at)
            else:
                out.insert(self.space_char, at)
            self.pend_space = -1

    # -- elements

    def _last(self, tag: str) -> int:
        idx = self.open.get(tag)
        return idx[-1] if idx else -1

    def _push(self, frame: _Frame) -> None:
        self.open.setdefault(frame.tag, []).append(len(self.stack))
        self.stack.append(frame)

    def _pop_to(self, index: int, at: int) -> None:
        """Close the element at ``index`` and everything opened after it."""
        stack = self.stack
        while len(stack) > index:
            frame = stack.pop()
            self.open[frame.tag].pop()
            self._closed(frame, at)

    def _implicit_close(self, name: str) -> int:
        """The stack index above which elements ``name`` ends implicitly (HTML5), or -1."""
        last = self._last
        if name not in _HEAD_CONTENT and self.open.get("head"):
            return last("head")
        found = -1
        if name in _CLOSES_P and self.open.get("p"):
            p = last("p")
            if p > max(last(t) for t in _P_SCOPE):
                found = p
        if name == "li":
            li = last("li")
            if li > max(last(t) for t in _LISTS):
                found = li if found < 0 else min(found, li)
        elif name in ("dd", "dt"):
            d = max(last("dd"), last("dt"))
            if d > last("dl"):
                found = d if found < 0 else min(found, d)
        elif name in _HEADINGS and self.stack and self.stack[-1].tag in _HEADINGS:
            top = len(self.stack) - 1
            found = top if found < 0 else min(found, top)
        elif name == "a":
            a = last("a")
            if a >= 0:
                found = a if found < 0 else min(found, a)
        elif name == "tr":
            tr = last("tr")
            if tr > last("table"):
                found = tr if found < 0 else min(found, tr)
        elif name in ("td", "th"):
            cell = max(last("td"), last("th"))
            if cell > max(last("tr"), last("table")):
                found = cell if found < 0 else min(found, cell)
        return found

    def _start(self, tag: _Tag, at: int) -> None:
        name = tag.name
        closing = self._implicit_close(name)
        if closing >= 0:
            self._pop_to(closing, at)
        if name in _VOID:
            if not self.skip:
                if name == "br":
                    self._br(at)
                elif name == "hr":
                    self._block(at)
            return
        if name in _RAW_TEXT:
            return  # skipped whole by the tokenizer; never on the stack
        attrs = tag.attrs
        role = attrs.get("role")
        skip = (
            name in _SKIP
            or "hidden" in attrs
            or (
                role is not None
                and not {"navigation", "contentinfo"}.isdisjoint(role.lower().split())
            )
            or self._site_furniture(name, attrs)
        )
        frame = _Frame(name, live=not self.skip and not skip, skip=skip)
        self._push(frame)
        if skip:
            self.skip += 1
        elif frame.live:
            self._opened(frame, tag, at)
        if tag.self_closing:
            # XHTML style: treated as empty, which is what the author meant.
            self._pop_to(len(self.stack) - 1, tag.end)

    def _site_furniture(self, name: str, attrs: dict[str, str]) -> bool:
        """The site's footer (licence, last edited, privacy links), never the article's:
        a <footer> outside <article> and <main>, or MediaWiki's and CMSs' footer
        container.  Right after a reference list its items read as entries.  And its
        readers' comments (WordPress's "comments" section, Disqus): no part of the
        article, whose figures ("a night owl for 20 years") are nobody's claims."""
        if name == "footer":
            return self._last("article") < 0 and self._last("main") < 0
        ident = attrs.get("id")
        if ident is not None and ident.lower() in _FOOTER_IDS | _COMMENTS_IDS:
            return True
        classes = attrs.get("class")
        return classes is not None and not _COMMENTS_CLASSES.isdisjoint(classes.lower().split())

    def _end_tag(self, name: str, at: int) -> None:
        if name == "br":
            if not self.skip:
                self._br(at)  # HTML5 reads </br> as <br>
            return
        index = self._last(name)
        if index >= 0:
            self._pop_to(index, at)
        elif name == "p" and not self.skip:
            self._block(at)  # a stray </p> still ends a paragraph

    def _opened(self, frame: _Frame, tag: _Tag, at: int) -> None:
        name = frame.tag
        if name in _BLOCKS:
            self._block(at)
            if _holds_notes(tag.attrs):
                self._notes_heading(at)
        if name == "li":
            self._item(tag, at)
        elif name in ("td", "th"):
            self._space(at, "\t")
        elif name == "pre":
            self.pre += 1
            self.pre_nl_at = tag.end
        elif name in _LISTS:
            start = _parse_int(tag.attrs.get("start")) if name == "ol" else None
            frame.counter = 1 if start is None else start
            self.lists.append(frame)
        elif name == "sup" or name in _HEADINGS:
            # A pending space stays pending, so it still merges with white space inside;
            # if it lands in the span, the span is trimmed.
            self._flush(space=False)
            frame.mark = self.out.n
        elif name == "a":
            self._link(frame, tag)
        if name in _CODE_TAGS:
            # No flush: an empty element must not change the text.  Pending white
            # space or a list marker that lands in the span is no citation anyway.
            frame.mark = self.out.n

    def _notes_heading(self, at: int) -> None:
        """Head an element of notes with the heading its role stands for ("Notes"),
        unless a heading has just been given: Pandoc's and Hugo's ``<section
        class="footnotes" role="doc-endnotes">`` has none, and notes are read
        under a heading (`shortnotes.notes_heading`)."""
        if self.heads and self.heads[-1][1] == self.out.n:
            return
        self._flush(space=False)
        start = self.out.n
        self.out.insert("Notes", at)
        self.heads.append((start, self.out.n, 2))
        self._block(at)

    def _item(self, tag: _Tag, at: int) -> None:
        lst = self.lists[-1] if self.lists else None
        if lst is not None and lst.tag == "ol" and lst.counter is not None:
            value = _parse_int(tag.attrs.get("value"))
            if value is not None:
                lst.counter = value
            prefix = f"{lst.counter}. "
            lst.counter += 1
        else:
            prefix = "• "
        self._line(at)
        self.pend_prefix = prefix
        self.prefix_at = at

    def _link(self, frame: _Frame, tag: _Tag) -> None:
        raw = tag.attrs.get("href")
        if not raw or self._last("sup") >= 0:
            return  # a superscript holds a citation number, never a reference's DOI
        href = _attr_text(raw).strip()
        m = _DOI_HREF.search(href)
        if m is None:
            return
        frame.doi = unquote(m.group(1) or m.group(2)).lower()
        frame.href = href
        frame.href_raw = raw
        frame.href_at = tag.href_at
        frame.capture = []
        self.out.capture = frame.capture

    def _closed(self, frame: _Frame, at: int) -> None:
        if frame.skip:
            self.skip -= 1
            return
        if not frame.live:
            return
        name = frame.tag
        if name in _BLOCKS:
            self._block(at)
        if name == "pre":
            self.pre -= 1
        elif name in _LISTS:
            self.lists.pop()
        elif name == "sup":
            self.sups.append((frame.mark, self.out.n))
        elif name in _HEADINGS:
            self.heads.append((frame.mark, self.out.n, int(name[1])))
        elif frame.capture is not None:
            self._link_closed(frame, at)
        if name in _CODE_TAGS and frame.mark >= 0:
            self.codes.append((frame.mark, self.out.n))

    def _link_closed(self, frame: _Frame, at: int) -> None:
        """Expose a DOI that lives only in the href (``<a href="https://doi.org/…">doi</a>``)."""
        self.out.capture = None
        text = "".join(frame.capture or ()).lower()
        if frame.doi in text or frame.doi in unquote(text):
            return
        self._space(at)
        self._flush()
        start = self.out.n
        if frame.href_at >= 0 and frame.href_raw == frame.href:
            self.out.copy(frame.href, frame.href_at)
        else:
            self.out.insert(frame.href, frame.href_at if frame.href_at >= 0 else at)
        self.links.append((start, self.out.n))


def html_document(path: str, source: str, *, encoding: str = "utf-8") -> Document:
    """The visible text of an HTML article (see the module docstring)."""
    reader = _HtmlReader(source)
    reader.run()
    text, segments = reader.out.builder.build()
    headings, levels = _headings(text, reader.heads)
    return Document(
        path=path,
        format="html",
        text=text,
        map=TextMap(source, segments),
        encoding=encoding,
        headings=headings,
        heading_levels=levels,
        superscripts=_spans(text, reader.sups),
        code=_spans(text, reader.codes),
        link_targets=_spans(text, reader.links),
        warnings=tuple(reader.warnings),
    )


# ------------------------------------------------------------------------- Markdown

_MD_QUOTES = re.compile(r"(?: {0,3}>[ \t]?)*")
_MD_INDENT = re.compile(r"[ \t]*")
_MD_FENCE = re.compile(r"`{3,}|~{3,}")
_MD_RUNS = {"`": re.compile(r"`+"), "~": re.compile(r"~+")}
_MD_ATX = re.compile(r"(#{1,6})(?:[ \t]+|$)")
_MD_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_MD_BULLET = re.compile(r"[ \t]*[-*+](?:[ \t]+|$)")
_MD_ORDERED = re.compile(r"[ \t]*([0-9]{1,9})[.)](?:[ \t]+|$)")
# "[label]: url 'title'" on one line.  A line such as "[1]: Smith J. 2020. Title"
# does not match (what follows the URL is no title), so it stays text.
_LINK_DEF_BODY = (
    r"\[(?!\^)([^\]\n]{1,999})\]:[ \t]*(?:<[^>\n]*>|[^ \t\n]+)"
    r"(?:[ \t]+(?:(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\))[ \t]*)?)?$"
)
_MD_LINK_DEF = re.compile(_LINK_DEF_BODY)
_MD_LINK_DEFS = re.compile(r"^ {0,3}" + _LINK_DEF_BODY, re.MULTILINE)
_MD_RAW_HTML = re.compile(r"<(script|style)(?=[\s>]|$)", re.IGNORECASE)
_MD_RAW_END = {
    "script": re.compile(r"</script\s*>", re.IGNORECASE),
    "style": re.compile(r"</style\s*>", re.IGNORECASE),
}
_MD_FRONT_END = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE),
    "+++": re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE),
}
# A line starting with none of these is paragraph text.
_MD_BLOCK_START = frozenset(" \t>#=-*_+`~<[:0123456789")
# A fence of Pandoc's and Quarto's divs: "::: {#refs .references}", ":::".
_MD_DIV_FENCE = re.compile(r":{3,}(?:[ \t]*(?:\{[^{}\n]*\}|[\w-]+))?[ \t]*:*[ \t]*$")
_MD_SPECIAL = re.compile(r"[\\`*_~\[\]!<&$]")
# TeX math as Pandoc reads it: "$$...$$", or "$...$" with no space inside either dollar
# and no digit after the closing one; and, unlike Pandoc, not "$" before a digit, which
# is money ("$40 [1] (in 2019 US$)").  Like code, it cites nothing: "$x_{[1]}$".
_MD_MATH = re.compile(r"\$\$(?:[^$\\]|\\.)+?\$\$|\$(?![\s$\d])(?:[^$\\]|\\.)+?(?<![\s\\])\$(?!\d)")
_MD_BACKTICKS = re.compile(r"`+")
_MD_FOOTNOTE = re.compile(r"\[\^[^\]\s]{1,100}\]")
_MD_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\x00-\x20<>]*)>")
_MD_EMAIL = re.compile(
    r"<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]{1,64}@[A-Za-z0-9][A-Za-z0-9.\-]{0,252})>"
)
_MD_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>\[\]]+")
_MD_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_MD_TAG_ATTR = re.compile(
    r"[ \t\n]+[A-Za-z_:][A-Za-z0-9_.:-]*"
    r"(?:[ \t\n]*=[ \t\n]*(?:[^ \t\n\"'=<>`]+|'[^']*'|\"[^\"]*\"))?"
)
_MD_TAG_SPACE = re.compile(r"[ \t\n]*")
_MD_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_MD_LINK_SPACE = re.compile(r"[ \t]*\n?[ \t]*")
_MD_ANGLE_DEST = re.compile(r"<([^<>\n]*)>")
_MD_DEST_RUN = re.compile(r"[^\x00-\x20()\\\s]+")
# CommonMark lets implementations limit parentheses nesting in a destination (at least
# three levels); each failed "](" rescans at most this many levels.
_MAX_PAREN_DEPTH = 8
# Caps per paragraph beyond which "[" and "*" runs are plain text: no real paragraph
# comes near them, and they keep a megabyte of "[[[[" from building a huge stack.
_MAX_BRACKETS = 1000
_MAX_DELIMS = 10000
_MD_DELIM_RUN = {c: re.compile(re.escape(c) + "+") for c in "*_~"}
# "<" that can start no comment, tag or autolink, with the ones that follow.
_MD_LT_RUN = re.compile(r"(?:<(?![A-Za-z/!]))+")
# "[1]", "[2, 3]", "[4–6]", "[7-9, 12]": link text that is a numeric citation.
_CITE_NUMBERS = re.compile(r"\s*\d{1,4}[a-z]?(?:\s*[-–—‐‑−,;]\s*\d{1,4}[a-z]?)*\s*")
_ASCII_PUNCT = frozenset(string.punctuation)
_MAX_LABEL = 999

_COPY, _INSERT, _DELIM, _SUP_OPEN, _SUP_CLOSE, _DROPPED, _CODE_OPEN, _CODE_CLOSE = range(8)
_LINK_OPEN, _LINK_CLOSE = range(8, 10)


def _is_punct(ch: str) -> bool:
    if ch < "\x80":
        return ch in _ASCII_PUNCT
    return unicodedata.category(ch)[0] in "PS"


def _label_key(label: str) -> str:
    return " ".join(label.split()).casefold()


class _Delim:
    """A run of ``*``, ``_`` or ``~~`` that may open or close emphasis."""

    __slots__ = ("can_close", "can_open", "char", "left", "length", "pos", "right")

    def __init__(self, char: str, pos: int, length: int, can_open: bool, can_close: bool) -> None:
        self.char = char
        self.pos = pos
        self.length = length
        self.can_open = can_open
        self.can_close = can_close
        self.left = 0
        """Characters used as a closer (taken from the run's start)."""
        self.right = 0
        """Characters used as an opener (taken from the run's end)."""

    @property
    def remaining(self) -> int:
        return self.length - self.left - self.right


# A piece of a paragraph's output: (kind, start, end, inserted text, delimiter run),
# offsets in the joined text.  Plain tuples: a paragraph makes many of them.
_Piece = tuple[int, int, int, str, "_Delim | None"]
_DROP: _Piece = (_DROPPED, 0, 0, "", None)


class _Bracket:
    __slots__ = ("bottom", "image", "piece", "pos")

    def __init__(self, piece: int, pos: int, image: bool, bottom: int) -> None:
        self.piece = piece
        self.pos = pos
        self.image = image
        self.bottom = bottom
        """How many delimiters were on the stack when the bracket opened."""


def _process_emphasis(delims: list[_Delim]) -> None:
    """CommonMark's "process emphasis": pair openers and closers, innermost first.

    ``openers_bottom`` remembers, per kind of closer, below which no opener can
    match, which keeps the search linear.
    """
    m = len(delims)
    if m < 2:
        return
    prev = list(range(-1, m - 1))
    nxt = list(range(1, m + 1))
    bottoms: dict[tuple[str, bool, int], int] = {}

    def unlink(k: int) -> None:
        p, q = prev[k], nxt[k]
        if p >= 0:
            nxt[p] = q
        if q < m:
            prev[q] = p

    cur = 0
    while cur < m:
        closer = delims[cur]
        if not closer.can_close or closer.remaining == 0:
            cur = nxt[cur]
            continue
        key = (closer.char, closer.can_open, closer.length % 3)
        floor = bottoms.get(key, -1)
        o = prev[cur]
        found = -1
        while o > floor:
            opener = delims[o]
            if opener.char == closer.char and opener.can_open and opener.remaining > 0:
                if closer.char == "~":
                    if opener.length == closer.length:
                        found = o
                        break
                elif not (
                    (opener.can_close or closer.can_open)
                    and (opener.length + closer.length) % 3 == 0
                    and not (opener.length % 3 == 0 and closer.length % 3 == 0)
                ):
                    found = o
                    break
            o = prev[o]
        if found < 0:
            bottoms[key] = prev[cur]
            nxt_cur = nxt[cur]
            if not closer.can_open:
                unlink(cur)
            cur = nxt_cur
            continue
        opener = delims[found]
        if closer.char == "~":
            use = closer.length
        else:
            use = 2 if opener.remaining >= 2 and closer.remaining >= 2 else 1
        opener.right += use
        closer.left += use
        # Delimiters between the pair can no longer match anything.
        nxt[found] = cur
        prev[cur] = found
        if opener.remaining == 0:
            unlink(found)
        if closer.remaining == 0:
            nxt_cur = nxt[cur]
            unlink(cur)
            cur = nxt_cur


class _MarkdownReader:
    """Reads Markdown line by line into blocks; each paragraph's text goes to `_Inline`."""

    def __init__(self, source: str) -> None:
        self.s = source
        self.out = _PlainSink()
        self.heads: list[tuple[int, int, int]] = []
        """Each heading's start, end and level (1 for ``#`` and ``<h1>``)."""
        self.sups: list[tuple[int, int]] = []
        self.codes: list[tuple[int, int]] = []
        self.links: list[tuple[int, int]] = []
        """Link destinations shown after a link's text (`Document.link_targets`)."""
        self.warnings: list[str] = []
        self.defs = {_label_key(m.group(1)) for m in _MD_LINK_DEFS.finditer(source)}
        self.para: list[tuple[int, int, int]] = []
        """Lines of the open paragraph: content start, content end, offset of its \\n."""
        self.para_item = False
        self.para_quote = 0
        self.need_blank = False
        self.fence: tuple[str, int, int] | None = None
        """Character, length and offset of the open code fence."""
        self.raw_end: re.Pattern[str] | None = None
        """The end tag that closes the open <script> or <style> block."""
        self.raw_at = 0
        self.comment_fail = len(source) + 1
        """No ``-->`` at or after this offset (saves rescanning for unclosed comments)."""

    # -- blocks

    def run(self) -> None:
        s = self.s
        n = len(s)
        pos = self._front_matter()
        while pos < n:
            le = s.find("\n", pos)
            if le < 0:
                le, nl = n, -1
            else:
                nl = le
            pos = self._line(pos, le, nl)
        self._flush_para()
        if self.fence is not None:
            self._warn(self.fence[2], "unclosed code fence")
        if self.raw_end is not None:
            self._warn(self.raw_at, "unclosed <script> or <style> block")

    def _warn(self, at: int, what: str) -> None:
        line = _line_of(self.s, at)
        self.warnings.append(f"line {line}: {what}; the rest of the file is not read")

    def _front_matter(self) -> int:
        s = self.s
        for marker, closer in _MD_FRONT_END.items():
            first_end = s.find("\n")
            if first_end > 0 and s[:first_end].rstrip(" \t") == marker:
                m = closer.search(s, first_end + 1)
                if m is not None:
                    end = s.find("\n", m.end())
                    return len(s) if end < 0 else end + 1
        return 0

    def _ensure_blank(self, at: int) -> None:
        """Keep a skipped block or a heading apart from the text that follows."""
        out = self.out
        if self.need_blank and out.n and out.trail_nl < 2:
            out.insert("\n" * (2 - out.trail_nl), at)
        self.need_blank = False

    def _line(self, ls: int, le: int, nl: int) -> int:
        s = self.s
        nxt = le + 1
        if ls == le and self.fence is None and not self.raw_end:
            self._flush_para()  # an empty line
            if nl >= 0 and self.out.n:
                self.out.copy("\n", nl)
                self.need_blank = False
            return nxt
        if ls < le and s[ls] not in _MD_BLOCK_START and self.fence is None and not self.raw_end:
            # Most lines: plain text, which starts or continues a paragraph.
            if self.para:
                self.para.append((ls, le, nl))
            else:
                self._ensure_blank(ls)
                self.para = [(ls, le, nl)]
                self.para_item = False
                self.para_quote = 0
            return nxt
        mq = _MD_QUOTES.match(s, ls, le)
        p = mq.end() if mq else ls
        if self.fence is not None:
            self._fence_line(p, le)
            return nxt
        if self.raw_end is not None:
            if self.raw_end.search(s, ls, le):
                self.raw_end = None
                self.need_blank = True
            return nxt
        quote = s.count(">", ls, p) if p > ls else 0
        mi = _MD_INDENT.match(s, p, le)
        f = mi.end() if mi else p
        if f == le:
            self._flush_para()
            if self.out.n and nl >= 0:
                self.out.copy("\n", nl)
                self.need_blank = False
            return nxt
        c = s[f]
        shallow = f - p <= 3
        if c in "`~":
            mf = _MD_FENCE.match(s, f, le)
            if mf and (c == "~" or s.find("`", mf.end(), le) < 0):
                self._flush_para()
                self.fence = (c, mf.end() - f, f)
                self.need_blank = True
                return nxt
        if c == ":" and shallow and _MD_DIV_FENCE.match(s, f, le):
            # Markup of its own, like a thematic break: it parts the blocks around it.
            self._flush_para()
            self.need_blank = True
            return nxt
        if c == "#" and shallow:
            ma = _MD_ATX.match(s, f, le)
            if ma:
                self._atx(ma.end(), le, nl, ls, len(ma.group(1)))
                return nxt
        if (
            c in "=-"
            and shallow
            and self.para
            and not self.para_item
            and quote == self.para_quote
            and _MD_SETEXT.match(s, f, le)
        ):
            self._flush_para(heading=1 if c == "=" else 2)
            self.need_blank = True
            return nxt
        if c in "-*_" and shallow and self._thematic(f, le, c):
            self._flush_para()
            self.need_blank = True
            return nxt
        if c == "<" and shallow:
            if s.startswith("<!--", f):
                return self._comment_block(f, ls)
            mr = _MD_RAW_HTML.match(s, f, le)
            if mr:
                self._flush_para()
                self.need_blank = True
                closer = _MD_RAW_END[mr.group(1).lower()]
                if not closer.search(s, f, le):
                    self.raw_end = closer
                    self.raw_at = f
                return nxt
        if c == "[" and shallow and not self.para and _MD_LINK_DEF.match(s, f, le):
            self.need_blank = True
            return nxt
        if c in "-*+" or c.isdigit():
            item = _MD_BULLET.match(s, p, le) or _MD_ORDERED.match(s, p, le)
            if item is not None:
                number = item.group(1) if item.re is _MD_ORDERED else None
                # CommonMark: only a list starting at 1 may interrupt a paragraph, so a
                # wrapped "2020. Journal…" line stays in its paragraph.
                if number is None or not self.para or self.para_item or int(number) == 1:
                    self._item(p, item.end(), le, nl, ls, quote)
                    return nxt
        if self.para and (quote == self.para_quote or quote == 0):
            self.para.append((p, le, nl))  # continuation, or lazy continuation of a quote
        else:
            self._flush_para()
            self._ensure_blank(ls)
            self.para = [(p, le, nl)]
            self.para_item = False
            self.para_quote = quote
        return nxt

    def _fence_line(self, p: int, le: int) -> None:
        assert self.fence is not None
        char, length, _ = self.fence
        s = self.s
        mi = _MD_INDENT.match(s, p, le)
        f = mi.end() if mi else p
        run = _MD_RUNS[char].match(s, f, le)
        if run and run.end() - f >= length and not s[run.end() : le].strip(" \t"):
            self.fence = None
            self.need_blank = True

    def _thematic(self, f: int, le: int, c: str) -> bool:
        body = self.s[f:le].replace(" ", "").replace("\t", "")
        return len(body) >= 3 and body.count(c) == len(body)

    def _atx(self, a: int, le: int, nl: int, ls: int, level: int) -> None:
        s = self.s
        b = le
        while b > a and s[b - 1] in " \t":
            b -= 1
        # An optional closing run of "#" preceded by a space.
        k = b
        while k > a and s[k - 1] == "#":
            k -= 1
        if k < b and (k == a or s[k - 1] in " \t"):
            b = k
            while b > a and s[b - 1] in " \t":
                b -= 1
        self._flush_para()
        self.need_blank = True
        self._ensure_blank(ls)
        if a < b:
            start = self.out.n
            self._inline([(a, b, -1)])
            self.heads.append((start, self.out.n, level))
            if nl >= 0:
                self.out.copy("\n", nl)
        self.need_blank = True

    def _item(self, p: int, content: int, le: int, nl: int, ls: int, quote: int) -> None:
        self._flush_para()
        self._ensure_blank(ls)
        self.out.copy(self.s[p:content], p)  # the marker is kept for the list splitter
        if content < le:
            self.para = [(content, le, nl)]
            self.para_item = True
            self.para_quote = quote
        elif nl >= 0:
            self.out.copy("\n", nl)

    def _comment_block(self, f: int, ls: int) -> int:
        s = self.s
        self._flush_para()
        end = self._comment_end(f + 2)  # "<!-->" and "<!--->" are whole comments
        if end < 0:
            self._warn(f, "unclosed HTML comment")
            return len(s)
        self.need_blank = True
        le = s.find("\n", end)
        nl = le
        if le < 0:
            le, nl = len(s), -1
        if s[end:le].strip(" \t"):
            # Text after "-->" on the comment's last line is shown.
            self._ensure_blank(ls)
            self.para = [(end, le, nl)]
            self.para_item = False
            self.para_quote = 0
        return le + 1

    def _comment_end(self, start: int) -> int:
        """Offset just after the ``-->`` closing a comment, or -1."""
        if start >= self.comment_fail:
            return -1
        e = self.s.find("-->", start)
        if e < 0:
            self.comment_fail = start
            return -1
        return e + 3

    def _flush_para(self, heading: int = 0) -> None:
        """End the paragraph; ``heading`` is its level when it is a setext heading."""
        segs = self.para
        if not segs:
            return
        self.para = []
        start = self.out.n
        ended = self._inline(segs)
        if heading:
            self.heads.append((start, self.out.n, heading))
        nl = segs[-1][2]
        if nl >= 0 and not ended:
            self.out.copy("\n", nl)

    # -- inline

    def _inline(self, segs: list[tuple[int, int, int]]) -> bool:
        """Emit one paragraph's inline content, joined across its lines; whether the
        line break that ends the paragraph was emitted with it."""
        s = self.s
        if len(segs) > 1 and all(
            b == nl and nxt[0] == nl + 1 for (_, b, nl), nxt in pairwise(segs)
        ):
            # The lines follow each other in the source (no ">" stripped): one piece.
            segs = [(segs[0][0], segs[-1][1], segs[-1][2])]
        tail = False
        if len(segs) == 1:
            a, b, nl = segs[0]
            if nl == b:
                # Take the final line break along: one copy fewer per paragraph.
                segs = [(a, b + 1, -1)]
                tail = True
            vt = s[a : segs[0][1]]
            if _MD_SPECIAL.search(vt) is None:
                self.out.copy(vt, a)
                return tail
            starts = [0]
        else:
            starts = []
            v = 0
            for a, b, _ in segs:
                starts.append(v)
                v += b - a + 1
            vt = "\n".join(s[a:b] for a, b, _ in segs)
        inline = _Inline(self, vt, segs, starts)
        inline.tail = tail
        inline.parse()
        return tail


class _Inline:
    """The inline parser for one paragraph (``vt``: its lines joined by ``\\n``)."""

    def __init__(
        self,
        reader: _MarkdownReader,
        vt: str,
        segs: list[tuple[int, int, int]],
        starts: list[int],
    ) -> None:
        self.reader = reader
        self.out = reader.out
        self.vt = vt
        self.segs = segs
        self.starts = starts
        self.tail = False
        """Whether ``vt`` ends with the paragraph's own line break."""
        self.pieces: list[_Piece] = []
        self.delims: list[_Delim] = []
        self.brackets: list[_Bracket] = []
        self.bracket_floor = 0
        """Openers below this index are inactive (no links inside links)."""
        self.last_bracket = -1
        self.text_start = 0
        self.comment_fail = len(vt) + 1
        # Caches that keep rescans linear; most paragraphs never need them.
        self.runs: dict[int, list[int]] | None = None
        self.run_next: dict[int, int] | None = None
        self.find_cache: dict[str, tuple[int, int]] | None = None
        self.space_cache: dict[int, int] | None = None
        self.dest_budget = 2 * len(vt) + 10000
        """Characters that link destinations may still scan (keeps rescans linear)."""

    # -- mapping from the joined text to the source

    def source(self, v: int) -> int:
        k = bisect_right(self.starts, v) - 1
        a, b, nl = self.segs[k]
        off = v - self.starts[k]
        return a + off if off < b - a or nl < 0 else nl

    def copy(self, va: int, vb: int) -> None:
        segs, starts, vt, out = self.segs, self.starts, self.vt, self.out
        if len(segs) == 1:
            out.copy(vt[va:vb], segs[0][0] + va)
            return
        k = bisect_right(starts, va) - 1
        while va < vb and k < len(segs):
            a, b, nl = segs[k]
            seg_end = starts[k] + (b - a)
            if va < seg_end:
                e = min(vb, seg_end)
                out.copy(vt[va:e], a + va - starts[k])
                va = e
            if va < vb and va == seg_end:
                out.copy("\n", nl)
                va += 1
            k += 1

    # -- scanning

    def add_text(self, end: int) -> None:
        if end > self.text_start:
            self.pieces.append((_COPY, self.text_start, end, "", None))

    def parse(self) -> None:
        vt = self.vt
        n = len(vt)
        i = 0
        search = _MD_SPECIAL.search
        urls = _bare_urls(vt) if "://" in vt or "www." in vt else []
        u = 0
        while True:
            m = search(vt, i)
            if m is None:
                break
            j = m.start()
            if urls:
                while u < len(urls) and urls[u][1] <= j:
                    u += 1
                if u < len(urls) and urls[u][0] <= j:
                    i = urls[u][1]  # "_" and "*" inside a bare URL are part of it
                    continue
            c = vt[j]
            if c == "\\":
                i = self.escape(j)
            elif c == "`":
                i = self.code(j)
            elif c == "$":
                i = self.math(j)
            elif c in "*_~":
                i = self.delimiter(j, c)
            elif c == "[":
                i = self.open_bracket(j, image=False)
            elif c == "!":
                i = self.open_bracket(j, image=True) if vt.startswith("[", j + 1) else j + 1
            elif c == "]":
                i = self.close_bracket(j)
            elif c == "<":
                i = self.angle(j)
            else:
                i = self.entity(j)
        self.add_text(n)
        _process_emphasis(self.delims)
        self.emit()

    def escape(self, j: int) -> int:
        vt = self.vt
        nxt = vt[j + 1] if j + 1 < len(vt) else ""
        if nxt == "\n" and self.tail and j + 2 == len(vt):
            return j + 1  # a backslash ending the paragraph is literal
        if nxt and (nxt in _ASCII_PUNCT or nxt == "\n"):
            self.add_text(j)
            self.text_start = j + 1  # the backslash goes, the character stays literal
            return j + 2 if nxt != "\n" else j + 1
        return j + 1

    def code(self, j: int) -> int:
        vt = self.vt
        run = _MD_BACKTICKS.match(vt, j)
        end = run.end() if run else j + 1
        length = end - j
        closer = self.next_run(length, end)
        if closer < 0:
            return end  # no closer: the backticks are literal
        self.add_text(j)
        a, b = end, closer
        # CommonMark strips one space on each side when both are there.
        if b - a >= 2 and vt[a] in " \n" and vt[b - 1] in " \n" and vt[a:b].strip(" \n"):
            a, b = a + 1, b - 1
        before, after = vt[j - 1 : j] if j else "", vt[closer + length : closer + length + 1]
        if a < b and (_latex_quote(vt[a:b], after) or (before.isalpha() and after.isalpha())):
            # "Crohn`s disease [3] and Parkinson`s": backticks typed as apostrophes.
            self.pieces.append((_COPY, a, b, "", None))
        elif a < b:
            self.code_span(a, b)
        self.text_start = closer + length
        return closer + length

    def math(self, j: int) -> int:
        m = _MD_MATH.match(self.vt, j)
        if m is None:
            return j + 1  # a dollar sign
        self.add_text(j)
        self.code_span(j, m.end())
        self.text_start = m.end()
        return m.end()

    def code_span(self, a: int, b: int) -> None:
        """Copy ``vt[a:b]`` marked as code (`Document.code`)."""
        self.pieces.append((_CODE_OPEN, a, a, "", None))
        self.pieces.append((_COPY, a, b, "", None))
        self.pieces.append((_CODE_CLOSE, b, b, "", None))

    def next_run(self, length: int, after: int) -> int:
        """Start of the next backtick run of exactly ``length`` at or after ``after``."""
        if self.runs is None:
            runs: dict[int, list[int]] = {}
            for m in _MD_BACKTICKS.finditer(self.vt):
                runs.setdefault(m.end() - m.start(), []).append(m.start())
            self.runs = runs
        positions = self.runs.get(length)
        if not positions:
            return -1
        if self.run_next is None:
            self.run_next = {}
        k = self.run_next.get(length, 0)
        while k < len(positions) and positions[k] < after:
            k += 1
        self.run_next[length] = k
        return positions[k] if k < len(positions) else -1

    def delimiter(self, j: int, c: str) -> int:
        vt = self.vt
        n = len(vt)
        run = _MD_DELIM_RUN[c].match(vt, j)
        e = run.end() if run else j + 1
        length = e - j
        if (c == "~" and length != 2) or len(self.delims) >= _MAX_DELIMS:
            return e
        before = vt[j - 1] if j > 0 else "\n"
        after = vt[e] if e < n else "\n"
        before_space = before.isspace()
        after_space = after.isspace()
        if (before_space and after_space) or (c == "_" and before.isalnum() and after.isalnum()):
            return e  # "2 * 3", snake_case: the common cases, settled early
        before_punct = before in _ASCII_PUNCT if before < "\x80" else _is_punct(before)
        after_punct = after in _ASCII_PUNCT if after < "\x80" else _is_punct(after)
        left = not after_space and (not after_punct or before_space or before_punct)
        right = not before_space and (not before_punct or after_space or after_punct)
        if c == "_":
            # Intraword "_" never delimits: snake_case stays as written.
            can_open = left and (not right or before_punct)
            can_close = right and (not left or after_punct)
        else:
            can_open, can_close = left, right
        if not can_open and not can_close:
            return e
        self.add_text(j)
        d = _Delim(c, j, length, can_open, can_close)
        self.delims.append(d)
        self.pieces.append((_DELIM, j, e, "", d))
        self.text_start = e
        return e

    def open_bracket(self, j: int, image: bool) -> int:
        vt = self.vt
        if not image and vt.startswith("[^", j):
            m = _MD_FOOTNOTE.match(vt, j)
            if m:
                self.last_bracket = m.end() - 1
                return m.end()  # footnote marker: stays as written
        end = j + 2 if image else j + 1
        if len(self.brackets) >= _MAX_BRACKETS:
            self.last_bracket = end - 1
            return end
        self.add_text(j)
        self.brackets.append(_Bracket(len(self.pieces), j, image, len(self.delims)))
        self.pieces.append((_COPY, j, end, "", None))
        self.text_start = end
        self.last_bracket = end - 1
        return end

    def close_bracket(self, j: int) -> int:
        vt = self.vt
        brackets = self.brackets
        previous_bracket = self.last_bracket
        self.last_bracket = j
        if not brackets:
            return j + 1
        opener = brackets[-1]
        if len(brackets) - 1 < self.bracket_floor and not opener.image:
            brackets.pop()
            self.bracket_floor = min(self.bracket_floor, len(brackets))
            return j + 1
        text_start = opener.pos + (2 if opener.image else 1)
        target = self.link_target(j, text_start, previous_bracket)
        if target is None:
            brackets.pop()
            self.bracket_floor = min(self.bracket_floor, len(brackets))
            return j + 1
        end, dest_a, dest_b = target
        self.add_text(j)
        brackets.pop()
        self.bracket_floor = min(self.bracket_floor, len(brackets))
        if len(self.delims) - opener.bottom >= 2:
            _process_emphasis(self.delims[opener.bottom :])
        del self.delims[opener.bottom :]
        if opener.image:
            pieces = self.pieces
            for k in range(opener.piece, len(pieces)):
                pieces[k] = _DROP
        else:
            self.bracket_floor = len(brackets)  # no links inside links
            label = vt[text_start:j]
            if len(label) <= 100 and _CITE_NUMBERS.fullmatch(label):
                self.pieces.append((_COPY, j, j + 1, "", None))  # "[1](#r1)" reads "[1]"
            else:
                self.pieces[opener.piece] = _DROP
                if (
                    dest_b > dest_a
                    and vt[dest_a] != "#"
                    and not _url_in_text(vt[dest_a:dest_b], label)
                ):
                    if label.strip():
                        self.pieces.append((_INSERT, j, j, " ", None))
                    self.pieces.append((_LINK_OPEN, dest_a, dest_a, "", None))
                    self.pieces.append((_COPY, dest_a, dest_b, "", None))
                    self.pieces.append((_LINK_CLOSE, dest_b, dest_b, "", None))
        self.text_start = end
        return end

    def link_target(
        self, j: int, text_start: int, previous_bracket: int
    ) -> tuple[int, int, int] | None:
        """``(end, dest start, dest end)`` of the link closed by the ``]`` at ``j``."""
        vt = self.vt
        n = len(vt)
        defs = self.reader.defs
        if j + 1 < n and vt[j + 1] == "(":
            inline = self.inline_target(j + 1)
            if inline is not None:
                return inline
        if not defs:
            return None
        if j + 1 < n and vt[j + 1] == "[":
            close = vt.find("]", j + 2, j + 3 + _MAX_LABEL)
            if close >= 0 and vt.find("[", j + 2, close) < 0:
                label = vt[j + 2 : close]
                if not label.strip():
                    label = vt[text_start:j]
                if len(label) <= _MAX_LABEL and _label_key(label) in defs:
                    return close + 1, j, j
        # Shortcut reference "[label]": a label holds no unescaped bracket.
        if (
            j - text_start <= _MAX_LABEL
            and previous_bracket < text_start
            and _label_key(vt[text_start:j]) in defs
        ):
            return j + 1, j, j
        return None

    def inline_target(self, p: int) -> tuple[int, int, int] | None:
        """Parse ``(destination "title")`` starting at the ``(`` at ``p``."""
        vt = self.vt
        n = len(vt)
        k = self.skip_space(p + 1)
        if k < n and vt[k] == "<":
            m = _MD_ANGLE_DEST.match(vt, k)
            if m is None:
                return None
            dest_a, dest_b, k = k + 1, m.end() - 1, m.end()
        else:
            if self.dest_budget <= 0:
                return None  # adversarial input: stop looking for more links
            dest_a = k
            depth = 0
            while k < n:
                mr = _MD_DEST_RUN.match(vt, k)
                if mr is not None:
                    k = mr.end()
                    if k >= n:
                        break
                ch = vt[k]
                if ch == "\\" and k + 1 < n and vt[k + 1] in _ASCII_PUNCT:
                    k += 2
                    continue
                if ch == "(":
                    depth += 1
                    if depth > _MAX_PAREN_DEPTH:
                        break
                elif ch == ")" and depth:
                    depth -= 1
                elif ch != "\\":  # a backslash before no punctuation is literal
                    break  # white space, a control character, or the closing ")"
                k += 1
            self.dest_budget -= k - dest_a
            if depth:
                return None
            dest_b = k
        t = self.skip_space(k)
        if t < n and t > k and vt[t] in "\"'(":
            close = self.find(")" if vt[t] == "(" else vt[t], t + 1)
            if close < 0:
                return None
            t = self.skip_space(close + 1)
        if t < n and vt[t] == ")":
            return t + 1, dest_a, dest_b
        return None

    def skip_space(self, k: int) -> int:
        if self.space_cache is None:
            self.space_cache = {}
        cached = self.space_cache.get(k)
        if cached is None:
            m = _MD_LINK_SPACE.match(self.vt, k)
            cached = m.end() if m else k
            self.space_cache[k] = cached
        return cached

    def find(self, char: str, start: int) -> int:
        """``vt.find(char, start)``, remembering the answer for later starts."""
        if self.find_cache is None:
            self.find_cache = {}
        lo, hit = self.find_cache.get(char, (len(self.vt) + 1, -1))
        if lo <= start and (hit < 0 or start <= hit):
            return hit
        hit = self.vt.find(char, start)
        self.find_cache[char] = (start, hit)
        return hit

    def angle(self, j: int) -> int:
        vt = self.vt
        lone = _MD_LT_RUN.match(vt, j)
        if lone is not None:
            return lone.end()
        if vt.startswith("<!--", j):
            if j + 2 >= self.comment_fail:
                return j + 1
            e = vt.find("-->", j + 2)
            if e < 0:
                self.comment_fail = j + 2
                return j + 1
            self.add_text(j)
            self.text_start = e + 3
            return e + 3
        m = _MD_AUTOLINK.match(vt, j) or _MD_EMAIL.match(vt, j)
        if m is not None:
            self.add_text(j)
            self.pieces.append((_COPY, j + 1, m.end() - 1, "", None))
            self.text_start = m.end()
            return m.end()
        tag = _md_tag(vt, j)
        if tag is None:
            return j + 1
        end, name, closing = tag
        self.add_text(j)
        if name == "br":
            self.pieces.append((_INSERT, j, j, "\n", None))
        elif name == "sup":
            self.pieces.append((_SUP_CLOSE if closing else _SUP_OPEN, j, j, "", None))
        elif name in _CODE_TAGS:
            self.pieces.append((_CODE_CLOSE if closing else _CODE_OPEN, j, j, "", None))
        self.text_start = end
        return end

    def entity(self, j: int) -> int:
        m = _MD_ENTITY.match(self.vt, j)
        decoded = decode_entity(m.group()) if m else None
        if m is None or decoded is None:
            return j + 1
        self.add_text(j)
        self.pieces.append((_INSERT, j, j, " " if decoded == _NBSP else decoded, None))
        self.text_start = m.end()
        return m.end()

    # -- output

    def emit(self) -> None:
        out = self.out
        marks: list[int] = []
        code_marks: list[int] = []
        sups = self.reader.sups
        codes = self.reader.codes
        links = self.reader.links
        link_mark = -1
        single = len(self.segs) == 1
        base = self.segs[0][0]
        vt = self.vt
        # Adjacent copies are merged first: fewer, longer segments.
        pa = pb = 0
        for kind, a, b, text, d in self.pieces:
            if kind == _DELIM:
                assert d is not None
                a, b = d.pos + d.left, d.pos + d.length - d.right
                if a >= b:
                    continue
            elif kind != _COPY:
                if kind == _DROPPED:
                    continue
                if pa < pb:
                    self.copy(pa, pb)
                pa = pb = 0
                if kind == _INSERT:
                    out.insert(text, self.source(a))
                elif kind == _LINK_OPEN:
                    link_mark = out.n
                elif kind == _LINK_CLOSE:
                    links.append((link_mark, out.n))
                elif kind == _CODE_OPEN:
                    code_marks.append(out.n)
                elif kind == _CODE_CLOSE:
                    if code_marks:
                        codes.append((code_marks.pop(), out.n))
                elif kind == _SUP_OPEN:
                    marks.append(out.n)
                elif marks:
                    sups.append((marks.pop(), out.n))
                continue
            if a == pb:
                pb = b
                continue
            if pa < pb:
                if single:
                    out.copy(vt[pa:pb], base + pa)
                else:
                    self.copy(pa, pb)
            pa, pb = a, b
        if pa < pb:
            self.copy(pa, pb)
        sups.extend((mark, out.n) for mark in marks)  # unclosed <sup> ends with its paragraph
        codes.extend((mark, out.n) for mark in code_marks)


_LATEX_CLOSE = re.compile(r"''|[^\W\d_]'(?=[\s.,;:)])")


def _latex_quote(content: str, after: str) -> bool:
    """Whether a code span is prose between LaTeX quotes that CommonMark pairs wrongly:
    "``the default'' (Bates, 2015) and ``classical''" reads as one span from the first
    opening quote to the second.  Its signature: the next quoted word's first character
    right after the span and a closing quote inside it; "`''.join(parts[2])` and" is code."""
    opens = after.isalnum() or (after != "" and after in "\"'(")
    return opens and _LATEX_CLOSE.search(content) is not None


def _url_in_text(url: str, text: str) -> bool:
    """Whether link text already says what its URL does: the URL, or the URL's DOI."""
    text = text.strip()
    if url == text:
        return True
    m = _DOI_HREF.search(url)
    return m is not None and unquote(m.group(1) or m.group(2)).lower() in text.lower()


def _bare_urls(vt: str) -> list[tuple[int, int]]:
    """Spans of bare URLs (GFM's extended autolinks), trailing punctuation excluded."""
    found = []
    for m in _MD_BARE_URL.finditer(vt):
        start, end = m.span()
        opened = vt.count("(", start, end)
        closed = vt.count(")", start, end)
        while end > start:
            last = vt[end - 1]
            if last in "?!.,:*_~'\"":
                end -= 1
            elif last == ")" and closed > opened:
                end -= 1
                closed -= 1
            else:
                break
        found.append((start, end))
    return found


def _md_tag(vt: str, j: int) -> tuple[int, str, bool] | None:
    """An inline HTML tag at ``j`` as CommonMark defines one: ``(end, name, closing)``."""
    n = len(vt)
    closing = vt.startswith("</", j)
    m = _MD_TAG_NAME.match(vt, j + 2 if closing else j + 1)
    if m is None:
        return None
    name = m.group().lower()
    k = m.end()
    if not closing:
        while True:
            ma = _MD_TAG_ATTR.match(vt, k)
            if ma is None:
                break
            k = ma.end()
    ms = _MD_TAG_SPACE.match(vt, k)
    k = ms.end() if ms else k
    if not closing and vt.startswith("/>", k):
        return k + 2, name, False
    if k < n and vt[k] == ">":
        return k + 1, name, closing
    return None


def markdown_document(path: str, source: str, *, encoding: str = "utf-8") -> Document:
    """The visible text of a Markdown article (see the module docstring)."""
    reader = _MarkdownReader(source)
    reader.run()
    text, segments = reader.out.builder.build()
    headings, levels = _headings(text, reader.heads)
    return Document(
        path=path,
        format="markdown",
        text=text,
        map=TextMap(source, segments),
        encoding=encoding,
        headings=headings,
        heading_levels=levels,
        superscripts=_spans(text, reader.sups),
        code=_spans(text, reader.codes),
        link_targets=_spans(text, reader.links),
        warnings=tuple(reader.warnings),
    )
