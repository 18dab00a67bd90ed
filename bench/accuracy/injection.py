"""Measurement (d): error detection by seeded injection into the JATS articles.

For each article and error type, K variants are made with a seeded RNG, each with
exactly one injected error whose place is logged as gold: the call-outs it touches
and/or the reference entry it touches.  Each variant is rendered (plain text by
default), audited, and its findings compared with those of the clean article:

* recall: the variant has a finding of an accepted rule *at the injected place*
  (a citation finding on a touched call-out, a reference finding on the touched
  entry);
* precision: of the findings the injection added (variant minus clean baseline,
  compared by rule and gold element, since offsets move), the share that are at the
  injected place under an accepted rule.

Accepted rules per type (decided before running, see `TYPES`): a surname typo may be
reported as an author mismatch (CIT104) or, when the surname is too short to be a
near miss, as a citation without reference (CIT101); a year change as a year mismatch
(CIT103), or as an ambiguous citation (CIT105) when a dropped letter leaves a citation
that fits 2012a and 2012b alike; a deleted reference as CIT101 (CIT108 when it was the
last numbered entry); an orphan as CIT102; a number past the end as CIT108; et al.
misuse as CIT107; a duplicate as CIT106 on either copy.
"""

from __future__ import annotations

import copy
import random
import re
import string
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from bench.accuracy.adapt_jats import Article, Block, JatsRef, Piece
from bench.accuracy.callouts import Placed, place
from bench.accuracy.render import Format, render
from citecheck.audit import Extraction

TYPES: dict[str, frozenset[str]] = {
    "surname typo in call-out": frozenset({"CIT104", "CIT101"}),
    "surname typo in reference": frozenset({"CIT104", "CIT101"}),
    "year change in call-out": frozenset({"CIT103"}),
    "year change in reference": frozenset({"CIT103"}),
    "deleted reference": frozenset({"CIT101", "CIT108"}),
    "orphan reference": frozenset({"CIT102"}),
    "number past the end": frozenset({"CIT108"}),
    "et al. misuse": frozenset({"CIT107"}),
    "duplicated reference": frozenset({"CIT106"}),
}
_AMBIGUOUS_OK = frozenset({"CIT105"})
"""Also accepted for a year change that drops a letter ("2012a" cited as "2012")."""


@dataclass
class Variant:
    article: Article
    kind: str
    callouts: frozenset[str]
    """Ids of the xref pieces at the injected place."""
    entries: frozenset[str]
    """Ids of the references at the injected place."""
    description: str
    dropped_letter: bool = False
    cited: frozenset[str] = frozenset()
    """Ids of the references whose every citation is at the injected place, the ones
    the XML leaves unlinked too (an entry changed or deleted changes them all)."""
    orphaned: frozenset[str] = frozenset()
    """Ids of the references whose only call-out the injection took away: that they
    are cited nowhere (CIT102) is true of the variant, a consequence of the error."""


@dataclass
class TypeScore:
    variants: int = 0
    hits: int = 0
    added: int = 0
    added_right: int = 0
    added_consequences: int = 0
    """Of ``added_right``, the CIT102s of entries the injection left uncited."""
    other_rule_at_place: int = 0
    not_applicable: int = 0
    misses: list[str] = field(default_factory=list)
    strays: list[str] = field(default_factory=list)
    by_article: dict[str, TypeScore] = field(default_factory=dict)
    """The same counts per article, for the page's intervals (`intervals.py`)."""

    def merge(self, other: TypeScore) -> None:
        self.variants += other.variants
        self.hits += other.hits
        self.added += other.added
        self.added_right += other.added_right
        self.added_consequences += other.added_consequences
        self.other_rule_at_place += other.other_rule_at_place
        self.not_applicable += other.not_applicable
        self.misses.extend(other.misses)
        self.strays.extend(other.strays)

    @property
    def recall(self) -> float:
        return self.hits / self.variants if self.variants else 0.0

    @property
    def precision(self) -> float:
        return self.added_right / self.added if self.added else 0.0

    @property
    def strict_precision(self) -> float:
        """Precision counting the consequences (``Variant.orphaned``) as strays."""
        right = self.added_right - self.added_consequences
        return right / self.added if self.added else 0.0


# -- where things are in the model ---------------------------------------------------------


def _callout_pieces(article: Article) -> list[tuple[Block, list[Piece], int]]:
    """(block, the piece list holding it, index) of every call-out piece."""
    out = []
    for block in [*article.blocks, *article.after]:
        for pieces in [block.pieces, *block.cells]:
            for k, piece in enumerate(pieces):
                if piece.callout is not None:
                    out.append((block, pieces, k))
    return out


def _range_members(article: Article) -> set[str]:
    """Ids of xrefs that are an end of a dash range ("[5]–[8]")."""
    members: set[str] = set()
    for block in [*article.blocks, *article.after]:
        for pieces in [block.pieces, *block.cells]:
            calls = [k for k, p in enumerate(pieces) if p.callout is not None]
            for a, b in pairwise(calls):
                between = "".join(p.text for p in pieces[a + 1 : b])
                if re.fullmatch(r"\s*[-–—]\s*", between):
                    members.update({pieces[a].callout or "", pieces[b].callout or ""})
    return members


def _inside_ranges(article: Article) -> set[str]:
    """Reference ids cited only as interior members of a range somewhere."""
    order = {r.id: k for k, r in enumerate(article.refs)}
    inside: set[str] = set()
    for block in [*article.blocks, *article.after]:
        for pieces in [block.pieces, *block.cells]:
            calls = [k for k, p in enumerate(pieces) if p.callout is not None]
            for a, b in pairwise(calls):
                between = "".join(p.text for p in pieces[a + 1 : b])
                ra, rb = pieces[a].rid, pieces[b].rid
                if re.fullmatch(r"\s*[-–—]\s*", between) and ra in order and rb in order:
                    inside.update(r.id for r in article.refs[order[ra] : order[rb] + 1])
    return inside


def _cited(article: Article) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for _, pieces, k in _callout_pieces(article):
        piece = pieces[k]
        if piece.rid is not None and piece.callout is not None:
            out.setdefault(piece.rid, []).append(piece.callout)
    return out


def _ref(article: Article, rid: str) -> JatsRef | None:
    return next((r for r in article.refs if r.id == rid), None)


# -- edits -------------------------------------------------------------------------------


def typo(word: str, rng: random.Random, avoid: set[str]) -> str:
    """``word`` at edit distance 1-2 (never its first letter), not one of ``avoid``."""
    letters = string.ascii_lowercase
    for _ in range(50):
        chars = list(word)
        for _ in range(rng.choice((1, 1, 2))):
            if len(chars) < 2:
                chars.append(rng.choice(letters))
                continue
            i = rng.randrange(1, len(chars))
            op = rng.choice(("sub", "del", "ins", "swap"))
            if op == "sub":
                chars[i] = rng.choice([c for c in letters if c != chars[i].lower()])
            elif op == "del" and len(chars) > 2:
                del chars[i]
            elif op == "ins":
                chars.insert(i, rng.choice(letters))
            elif i + 1 < len(chars) and chars[i] != chars[i + 1]:
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
            else:
                chars[i] = rng.choice([c for c in letters if c != chars[i].lower()])
        out = "".join(chars)
        if out != word and out.lower() not in avoid:
            return out
    return word + "x"


def year_edit(year: str, suffix: str, rng: random.Random) -> tuple[str, bool]:
    """A changed "2012"/"2012a": ±1, transposed digits, a letter added or dropped.
    Returns the new text and whether a letter was dropped."""
    options = ["plus", "minus", "letter"]
    if year[2] != year[3]:
        options.append("swap")
    if suffix:
        options = (
            ["plus", "minus", "drop", "swap"] if year[2] != year[3] else ["plus", "minus", "drop"]
        )
    op = rng.choice(options)
    if op == "plus":
        return str(int(year) + 1) + suffix, False
    if op == "minus":
        return str(int(year) - 1) + suffix, False
    if op == "swap":
        return year[:2] + year[3] + year[2] + suffix, False
    if op == "drop":
        return year, True
    return year + rng.choice("ab"), False


_YEAR_IN = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)([a-z]?)(?![\d])")


def _replace_first(text: str, old: str, new: str) -> str | None:
    at = text.find(old)
    return None if at < 0 else text[:at] + new + text[at + len(old) :]


def _remove_piece(pieces: list[Piece], k: int) -> None:
    """Remove a call-out and the separator or brackets it leaves behind."""
    del pieces[k]
    before = pieces[k - 1] if k > 0 else None
    after = pieces[k] if k < len(pieces) else None
    b = before.text if before is not None and before.callout is None else ""
    a = after.text if after is not None and after.callout is None else ""
    if re.search(r"[;,]\s*$", b) and re.match(r"\s*[)\];,]", a):
        b = re.sub(r"\s*[;,]\s*$", "", b)
    elif re.search(r"[(\[]\s*$", b) and re.match(r"\s*[;,]\s*", a):
        a = re.sub(r"^\s*[;,]\s*", "", a)
    elif re.search(r"[(\[]\s*$", b) and re.match(r"\s*[)\]]", a):
        b = re.sub(r"\s*[(\[]\s*$", "", b)
        a = re.sub(r"^\s*[)\]]", "", a)
    elif re.search(r"[;,]\s*$", b) and a.strip() == "":
        b = re.sub(r"\s*[;,]\s*$", "", b)
    if before is not None and before.callout is None:
        before.text = b
    if after is not None and after.callout is None:
        after.text = a


# -- the injections ------------------------------------------------------------------------

Injector = Callable[[Article, random.Random], Variant | None]


def _author_year_callout(
    article: Article, rng: random.Random, need: Callable[[JatsRef, Piece], bool]
) -> tuple[Article, Piece, JatsRef] | None:
    clone = copy.deepcopy(article)
    choices = []
    for _, pieces, k in _callout_pieces(clone):
        piece = pieces[k]
        ref = _ref(clone, piece.rid or "")
        if ref is not None and ref.authors and need(ref, piece):
            choices.append((piece, ref))
    if not choices:
        return None
    piece, ref = rng.choice(choices)
    return clone, piece, ref


def _name_sharers(article: Article, piece: Piece) -> set[str]:
    """Ids of the call-outs after ``piece`` that take their names from it: eLife's
    "(Gillespie, 1976; 1977)" links "1977" on its own, so a change to the name
    changes that citation too, and it is at the injected place."""
    for _, pieces, k in _callout_pieces(article):
        if pieces[k] is not piece:
            continue
        out: set[str] = set()
        calls = [j for j in range(k, len(pieces)) if pieces[j].callout is not None]
        for a, b in pairwise(calls):
            between = "".join(p.text for p in pieces[a + 1 : b])
            if not re.fullmatch(r"\s*[,;]\s*", between):
                break
            if not re.fullmatch(r"\s*(?:\d{4}[a-z]?|[a-z])\s*", pieces[b].text):
                break
            out.add(pieces[b].callout or "")
        return out
    return set()


def _surnames(article: Article) -> set[str]:
    return {s.lower() for r in article.refs for s, _ in r.authors}


def inject_callout_typo(article: Article, rng: random.Random) -> Variant | None:
    if article.style != "author-year":
        return None
    found = _author_year_callout(article, rng, lambda r, p: r.authors[0][0] in p.text)
    if found is None:
        return None
    clone, piece, ref = found
    surname = ref.authors[0][0]
    wrong = typo(surname, rng, _surnames(clone))
    piece.text = _replace_first(piece.text, surname, wrong) or piece.text
    return Variant(
        clone,
        "surname typo in call-out",
        frozenset({piece.callout or ""} | _name_sharers(clone, piece)),
        frozenset(),
        f"{surname} -> {wrong}",
    )


def inject_reference_typo(article: Article, rng: random.Random) -> Variant | None:
    if article.style != "author-year":
        return None
    clone = copy.deepcopy(article)
    cited = _cited(clone)
    refs = [r for r in clone.refs if r.id in cited and r.authors and r.authors[0][0] in r.text]
    if not refs:
        return None
    ref = rng.choice(refs)
    surname = ref.authors[0][0]
    wrong = typo(surname, rng, _surnames(clone))
    ref.text = _replace_first(ref.text, surname, wrong) or ref.text
    return Variant(
        clone,
        "surname typo in reference",
        frozenset(cited[ref.id]),
        frozenset({ref.id}),
        f"{surname} -> {wrong}",
        cited=frozenset({ref.id}),
    )


def inject_callout_year(article: Article, rng: random.Random) -> Variant | None:
    if article.style != "author-year":
        return None
    found = _author_year_callout(article, rng, lambda r, p: _YEAR_IN.search(p.text) is not None)
    if found is None:
        return None
    clone, piece, _ = found
    m = _YEAR_IN.search(piece.text)
    assert m is not None
    new, dropped = year_edit(m.group(1), m.group(2), rng)
    piece.text = piece.text[: m.start()] + new + piece.text[m.end() :]
    return Variant(
        clone,
        "year change in call-out",
        frozenset({piece.callout or ""}),
        frozenset(),
        f"{m.group(0)} -> {new}",
        dropped,
    )


def inject_reference_year(article: Article, rng: random.Random) -> Variant | None:
    if article.style != "author-year":
        return None
    clone = copy.deepcopy(article)
    cited = _cited(clone)
    refs = [
        r
        for r in clone.refs
        if r.id in cited and r.year and _YEAR_IN.fullmatch(r.year) and r.year in r.text
    ]
    if not refs:
        return None
    ref = rng.choice(refs)
    m = _YEAR_IN.fullmatch(ref.year)
    assert m is not None
    new, dropped = year_edit(m.group(1), m.group(2), rng)
    ref.text = _replace_first(ref.text, ref.year, new) or ref.text
    return Variant(
        clone,
        "year change in reference",
        frozenset(cited[ref.id]),
        frozenset({ref.id}),
        f"{ref.year} -> {new}",
        dropped,
        cited=frozenset({ref.id}),
    )


def inject_deleted(article: Article, rng: random.Random) -> Variant | None:
    clone = copy.deepcopy(article)
    cited = _cited(clone)
    refs = [r for r in clone.refs if r.id in cited]
    if not refs:
        return None
    ref = rng.choice(refs)
    clone.refs = [r for r in clone.refs if r.id != ref.id]
    # Call-outs of a range that spans the deleted entry point at it too.
    places = set(cited[ref.id]) | _ranges_over(article, ref.id)
    return Variant(
        clone,
        "deleted reference",
        frozenset(places),
        frozenset(),
        f"deleted {ref.id}",
        cited=frozenset({ref.id}),
    )


def _ranges_over(article: Article, rid: str) -> set[str]:
    order = {r.id: k for k, r in enumerate(article.refs)}
    out: set[str] = set()
    for block in [*article.blocks, *article.after]:
        for pieces in [block.pieces, *block.cells]:
            calls = [k for k, p in enumerate(pieces) if p.callout is not None]
            for a, b in pairwise(calls):
                between = "".join(p.text for p in pieces[a + 1 : b])
                ra, rb = pieces[a].rid or "", pieces[b].rid or ""
                if (
                    re.fullmatch(r"\s*[-–—]\s*", between)
                    and ra in order
                    and rb in order
                    and order[ra] <= order.get(rid, -1) <= order[rb]
                ):
                    out.update({pieces[a].callout or "", pieces[b].callout or ""})
    return out


_BARE_YEAR = re.compile(r"\s*(?:(?P<year>\d{4}[a-z]?)|(?P<letter>[a-z]))\s*")


def _hand_names_on(pieces: list[Piece], k: int) -> bool:
    """Remove the call-out at ``k`` when the next one takes its names from it
    ("Hart et al., 1987a, 1987b" without 1987a is "Hart et al., 1987b", not "1987b"
    left to the citation before): the next one gets the names with its own year.
    Whether it did."""
    if k + 2 >= len(pieces) or pieces[k + 2].callout is None:
        return False
    if pieces[k + 1].callout is not None or not re.fullmatch(r"\s*[,;]\s*", pieces[k + 1].text):
        return False
    bare = _BARE_YEAR.fullmatch(pieces[k + 2].text)
    years = list(_YEAR_IN.finditer(pieces[k].text))
    if bare is None or not years:
        return False
    last = years[-1]
    new_year = bare.group("year") if bare.group("year") else last.group(1) + bare.group("letter")
    head = pieces[k].text
    pieces[k + 2].text = head[: last.start()] + new_year + head[last.end() :]
    del pieces[k : k + 2]
    return True


def remove_callout(pieces: list[Piece], k: int) -> None:
    """Remove the call-out at ``k`` as an author would, with its separator, handing
    its names on to a year that takes them from it (`_hand_names_on`)."""
    if not _hand_names_on(pieces, k):
        _remove_piece(pieces, k)


def inject_orphan(article: Article, rng: random.Random) -> Variant | None:
    clone = copy.deepcopy(article)
    cited = _cited(clone)
    ends = _range_members(clone)
    inside = _inside_ranges(clone)
    refs = [
        r
        for r in clone.refs
        if r.id in cited and r.id not in inside and not set(cited[r.id]) & ends
    ]
    if not refs:
        return None
    ref = rng.choice(refs)
    for block in [*clone.blocks, *clone.after]:
        for pieces in [block.pieces, *block.cells]:
            k = 0
            while k < len(pieces):
                if pieces[k].rid == ref.id and pieces[k].callout is not None:
                    remove_callout(pieces, k)
                else:
                    k += 1
    return Variant(clone, "orphan reference", frozenset(), frozenset({ref.id}), f"uncited {ref.id}")


def inject_past_end(article: Article, rng: random.Random) -> Variant | None:
    if article.style != "numeric":
        return None
    clone = copy.deepcopy(article)
    ends = _range_members(clone)
    choices = [
        (pieces, k)
        for _, pieces, k in _callout_pieces(clone)
        if pieces[k].callout not in ends and re.search(r"\d", pieces[k].text)
    ]
    if not choices:
        return None
    pieces, k = rng.choice(choices)
    piece = pieces[k]
    n = max(int(r.label) if r.label and r.label.isdigit() else r.index for r in clone.refs)
    number = n + rng.randint(1, 3)
    cited, inside = _cited(clone), _inside_ranges(clone)
    orphaned = frozenset(
        rid
        for rid in (piece.rid or "").split()
        if cited.get(rid) == [piece.callout] and rid not in inside
    )
    piece.text = re.sub(r"\d+", str(number), piece.text, count=1)
    return Variant(
        clone,
        "number past the end",
        frozenset({piece.callout or ""}),
        frozenset(),
        f"-> {number} (list of {n})",
        orphaned=orphaned,
    )


def inject_et_al(article: Article, rng: random.Random) -> Variant | None:
    if article.style != "author-year":
        return None

    def fits(ref: JatsRef, piece: Piece) -> bool:
        group = any(not g for _, g in ref.authors[:1])
        if group or ref.etal:
            return False
        two = len(ref.authors) == 2 and re.search(r"\band\b|&", piece.text) is not None
        many = len(ref.authors) >= 3 and "et al" in piece.text
        return two or many

    found = _author_year_callout(article, rng, fits)
    if found is None:
        return None
    clone, piece, ref = found
    first, second = ref.authors[0][0], ref.authors[1][0]
    if len(ref.authors) == 2:
        new = re.sub(r"\s+(?:and|&)\s+" + re.escape(second), " et al.", piece.text, count=1)
    else:
        new = re.sub(r"\s+et al\.?", f" and {second}", piece.text, count=1)
    if new == piece.text:
        return None
    piece.text = new
    return Variant(
        clone,
        "et al. misuse",
        frozenset({piece.callout or ""} | _name_sharers(clone, piece)),
        frozenset(),
        f"{first}: {new}",
    )


_FORMATTING: tuple[Callable[[str], str], ...] = (
    lambda t: t.replace("–", "-"),
    lambda t: t.rstrip(".") if t.endswith(".") else t + ".",
    lambda t: re.sub(r"\s*doi:?\s*\S+\.?$", "", t),
    lambda t: re.sub(r",(?=\s)", " ,", t, count=1).replace(" ,", ",", 0),
    lambda t: t.replace(". ", ".  ", 1),
)


def inject_duplicate(article: Article, rng: random.Random) -> Variant | None:
    clone = copy.deepcopy(article)
    cited = _cited(clone)
    refs = [r for r in clone.refs if r.id in cited and r.authors and r.title]
    if not refs:
        return None
    ref = rng.choice(refs)
    dup = copy.deepcopy(ref)
    dup.id = ref.id + "-dup"
    for _ in range(5):
        changed = rng.choice(_FORMATTING)(ref.text)
        if changed != ref.text:
            dup.text = changed
            break
    if clone.style == "numeric":
        numbers = [int(r.label) if r.label and r.label.isdigit() else r.index for r in clone.refs]
        dup.label = str(max(numbers) + 1)
        dup.index = len(clone.refs) + 1
        clone.refs.append(dup)
    else:
        clone.refs.insert(clone.refs.index(ref) + 1, dup)
    return Variant(
        clone, "duplicated reference", frozenset(), frozenset({ref.id, dup.id}), f"copy of {ref.id}"
    )


INJECTORS: dict[str, Injector] = {
    "surname typo in call-out": inject_callout_typo,
    "surname typo in reference": inject_reference_typo,
    "year change in call-out": inject_callout_year,
    "year change in reference": inject_reference_year,
    "deleted reference": inject_deleted,
    "orphan reference": inject_orphan,
    "number past the end": inject_past_end,
    "et al. misuse": inject_et_al,
    "duplicated reference": inject_duplicate,
}


# -- scoring -------------------------------------------------------------------------------


def _off_gold_names(ex: Extraction) -> dict[str, str]:
    """Citation and reference id -> a name that edits elsewhere keep: the text and its
    ordinal.  It names elements off the gold (a citation the XML left unlinked, an
    entry the finder split)."""
    names: dict[str, str] = {}
    seen: Counter[str] = Counter()
    for c in ex.citations:
        seen[c.text] += 1
        names[c.id] = f"text:{c.text}#{seen[c.text]}"
    for r in ex.references:
        seen[r.raw] += 1
        names[r.id] = f"raw:{r.raw[:60]}#{seen[r.raw]}"
    return names


def finding_keys(placed: Placed, unit_of_piece: dict[str, str]) -> list[tuple[str, str]]:
    """(rule, gold element) of every finding: the call-out unit a citation finding
    sits on, or the entry a reference finding sits on."""
    ex = placed.audit.extraction
    names = _off_gold_names(ex) if ex is not None else {}
    out: list[tuple[str, str]] = []
    for d in placed.audit.diagnostics:
        cid = str(d.data.get("citation_id", ""))
        rid = str(d.data.get("reference_id", ""))
        if d.code in ("CIT101", "CIT103", "CIT104", "CIT105", "CIT107", "CIT108", "CIT111") and cid:
            units = placed.unit_of_citation.get(cid) or []
            element = "cite:" + units[0] if units else names.get(cid, cid)
        elif rid:
            entry = placed.entry_of_reference.get(rid)
            element = "entry:" + entry if entry else names.get(rid, rid)
        else:
            element = f"other:{d.code}"
        out.append((d.code, element))
    return out


def _unit_map(placed: Placed) -> dict[str, str]:
    return {piece: unit.id for unit in placed.rendered.callouts for piece in unit.pieces}


def unlinked_citers(clean: Placed) -> dict[str, set[str]]:
    """Gold entry -> names (as `finding_keys` gives them) of the citations the XML
    leaves unlinked that the clean article's audit reads as citing it.

    The gold cannot place these citations ("Young (1978)" in a reviewer's letter);
    the audit of the unchanged article can: the entry it links them to, or names
    among the candidates of an ambiguous citation or in a mismatch."""
    ex = clean.audit.extraction
    if ex is None:
        return {}
    names = _off_gold_names(ex)
    out: dict[str, set[str]] = {}
    for lk in clean.audit.links:
        if not clean.unit_of_citation.get(lk.citation.id):
            for ref in lk.references:
                entry = clean.entry_of_reference.get(ref.id)
                if entry:
                    out.setdefault(entry, set()).add(names[lk.citation.id])
    return out


def score_variant(
    variant: Variant,
    baseline: Counter[tuple[str, str]],
    citers: dict[str, set[str]],
    fmt: Format,
) -> TypeScore:
    placed = place(render(variant.article, fmt))
    units = _unit_map(placed)
    keys = finding_keys(placed, units)
    places = {"cite:" + units.get(p, p) for p in variant.callouts} | {
        "entry:" + e for e in variant.entries
    }
    for entry in variant.cited:
        places |= citers.get(entry, set())
    accepted = TYPES[variant.kind] | (_AMBIGUOUS_OK if variant.dropped_letter else frozenset())
    score = TypeScore(variants=1)
    at_place = [k for k in keys if k[1] in places]
    if any(code in accepted for code, _ in at_place):
        score.hits = 1
    else:
        if at_place:
            score.other_rule_at_place = 1
        score.misses.append(
            f"{variant.article.name} {variant.description}: {sorted(set(at_place))}"
        )
    added = Counter(keys) - baseline
    consequences = {("CIT102", "entry:" + e) for e in variant.orphaned}
    score.added = sum(added.values())
    score.added_consequences = sum(n for key, n in added.items() if key in consequences)
    score.added_right = score.added_consequences + sum(
        n for (code, el), n in added.items() if el in places and code in accepted
    )
    for (code, el), n in added.items():
        if not (el in places and code in accepted) and (code, el) not in consequences:
            score.strays.append(f"{variant.article.name} {variant.description}: {code} {el} x{n}")
    return score


def run(
    articles: Sequence[Article], *, k: int = 20, seed: int = 3, fmt: Format = "text"
) -> dict[str, TypeScore]:
    """K variants per article and type; the RNG is seeded per (article, type)."""
    scores = {kind: TypeScore() for kind in TYPES}
    for article in articles:
        clean = place(render(article, fmt))
        baseline = Counter(finding_keys(clean, _unit_map(clean)))
        citers = unlinked_citers(clean)
        for kind, injector in INJECTORS.items():
            rng = random.Random(f"{seed}:{article.name}:{kind}")
            part = TypeScore()
            for _ in range(k):
                variant = injector(article, rng)
                if variant is None:
                    part.not_applicable += 1
                    break
                part.merge(score_variant(variant, baseline, citers, fmt))
            scores[kind].merge(part)
            if part.variants:
                scores[kind].by_article[article.name] = part
    return scores
