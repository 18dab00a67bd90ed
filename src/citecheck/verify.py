"""Compare references with what the registries hold, and say so in findings.

The comparison is deliberately forgiving where writers legitimately differ from the
registry and strict where a reference is plainly about another work:

- title: case, punctuation, markup and accents ignored; a subtitle may be left out on
  either side; a word in the place of another ("germanium" for "mercury") is another
  title, a spelling, a typo or an abbreviation is not (`title_swap`);
- authors: family names folded and transliterated, particles and compound names
  matched in parts ("Pich" is "Merlo Pich"), initials never held against anyone, the
  count compared only when the reference claims to list every author;
- year: one year's difference is online-first versus print, not an error;
- container: abbreviations ("J. Neurosci.", "Pharmacol Ther") matched against full
  names and the registry's short titles, and against other titles seen for the same
  ISSN in this run;
- locators: volume, issue, first/last page, e-locators and article numbers; a PDF's
  own "1-6" pagination is accepted for a work with an article number.

`doi-resolves-to-different-work` (title *and* first author disagree) replaces the
field findings, so one wrong DOI gives one finding.  Every finding's ``data`` carries
the record, the source and the scores.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any, Final, Literal
from urllib.parse import urlsplit

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from citecheck.diagnostics import Finding, Severity
from citecheck.http import Failure
from citecheck.model import Author, ReferenceFields
from citecheck.names import fold, surname_keys, transliterate
from citecheck.netsettings import NetworkSettings
from citecheck.records import Record, clean_text, merge_status, notice_title
from citecheck.resolve import SEARCH_ROWS, ProgressObserver, Resolution, Resolver
from citecheck.rules import BY_NAME

Status = Literal["verified", "mismatch", "not-found", "unresolvable", "unverified", "skipped"]

TITLE_MATCH: Final = 0.85
"""Title similarity at or above which the titles agree."""
TITLE_DIFFERENT: Final = 0.5
"""Title similarity below which the titles are about different things."""
VENUE_MATCH: Final = 0.85
CONFIDENT: Final = 0.8
"""Search candidates scoring at least this (and agreeing on title) are matches."""
VENUE_OTHER: Final = 0.5
"""Venue similarity under which a search hit is another work, unless its title is the same
(and its authors agree)."""
TITLE_SAME: Final = 0.95
"""Title similarity from which two titles are the same but for case, punctuation or a slip."""
YEAR_TOLERANCE: Final = 1


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The tunable parts of the comparison (config ``title-similarity``, ``year-tolerance``)."""

    title: float = TITLE_MATCH
    """Title similarity at or above which the titles agree."""
    year_tolerance: int = YEAR_TOLERANCE
    """Years this far apart still agree (online-first versus print)."""


DEFAULT_THRESHOLDS: Final = Thresholds()

METADATA_RULES: Final = frozenset(
    {
        "doi-title-mismatch",
        "doi-author-mismatch",
        "doi-year-mismatch",
        "doi-venue-mismatch",
        "doi-locator-mismatch",
        "doi-resolves-to-different-work",
    }
)


@dataclass(frozen=True, slots=True)
class Verification:
    """The registry verdict on one reference."""

    status: Status
    source: str | None = None
    """The registry whose record was compared ("crossref", "openalex", "doi.org")."""
    matched: Record | None = None
    scores: Mapping[str, float] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    doi: str | None = None
    """The DOI checked, or the DOI of the confident match of a DOI-less reference."""
    reason: str | None = None
    """Why a reference is skipped or unverified, in a few words."""
    cached: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON report's view: ``status``, ``source``, ``matched``, ``scores``, ..."""
        return {
            "status": self.status,
            "source": self.source,
            "doi": self.doi,
            "matched": self.matched.summary() if self.matched else None,
            "scores": dict(self.scores),
            "reason": self.reason,
            "cached": self.cached,
            "findings": [
                {"rule": f.rule, "message": f.message, "help": f.help, "data": dict(f.data)}
                for f in self.findings
            ],
        }


# --------------------------------------------------------------------------- normalising

_RETRACTED_PREFIX = re.compile(
    r"^\s*(?:retracted(?:\s+article)?|withdrawn|retraction)\s*[:\-–—]\s*", re.IGNORECASE
)
# Letters of every script count: a Cyrillic or Korean title folded to nothing would
# read as no title, and as a different work from its own record.
_NON_ALNUM = re.compile(r"[\W_]+")
_INITIAL_DOTS = re.compile(r"(?<=\b[a-z])\.(?=[a-z]\b)")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_VENUE_STOP: Final = frozenset(
    {
        "of",
        "the",
        "and",
        "in",
        "for",
        "on",
        "a",
        "an",
        "de",
        "la",
        "et",
        "des",
        "der",
        "und",
        "fur",
        "du",
        "le",
        "les",
        "y",
    }
)


def norm_text(text: str) -> str:
    """Lower-case words separated by single spaces, Greek letters spelt out ("17beta")."""
    return _NON_ALNUM.sub(" ", fold(clean_text(text)).translate(_SPELT_LETTERS)).strip()


# Greek letters in Latin titles are spelt out as often as not ("17β-estradiol",
# "17beta-estradiol", "TNF-alpha"); spelt out on both sides, they compare.  Spacing
# modifier letters (U+02B0-U+02FF: the ʻokina, ˈ, ʾ) are apostrophes and accents here,
# not letters.
_SPELT_LETTERS = dict.fromkeys(range(0x02B0, 0x0300), " ") | str.maketrans(
    {
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
        "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu",
        "ν": "nu", "ξ": "xi", "ο": "omicron", "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma",
        "τ": "tau", "υ": "upsilon", "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    }
)  # fmt: skip


def norm_title(text: str) -> str:
    return norm_text(_RETRACTED_PREFIX.sub("", clean_text(text)))


_TRANSLATION = re.compile(r"(.+?)\s*\[([^\[\]]+)\]\s*\.?")
_TRANSLATED_WORDS = 4
"""Latin words a title in two scripts needs before they are compared on their own."""


def _names_comparable(fields: ReferenceFields, record: Record) -> bool:
    """Whether the two author lists share a script once Cyrillic is transliterated."""

    def scripts(authors: Sequence[Author]) -> frozenset[str]:
        return frozenset().union(*(_scripts(transliterate(a.family)) for a in authors))

    return bool(scripts(fields.authors) & scripts(record.authors))


def _scripts(text: str) -> frozenset[str]:
    """ "latin" and/or "other": the scripts of the letters of ``text`` (full-width Latin
    letters are Latin)."""
    return frozenset(_script(ch) for ch in text if ch.isalpha())


def _script(letter: str) -> str:
    return "latin" if "LATIN" in unicodedata.name(letter, "") else "other"


def _main_title(text: str) -> str | None:
    for sep in (":", " - ", " — ", " – ", "? ", ". "):
        if sep in text:
            head = text.split(sep, 1)[0]
            return head + ("?" if sep == "? " else "")
    return None


def _latin_words(normed: str) -> str:
    """The words with a Latin letter or a digit: "pparα" stays, "оценка" goes."""
    return " ".join(
        w for w in normed.split() if any(ch.isdigit() or _script(ch) == "latin" for ch in w)
    )


def title_similarity(reference: str, record: Record) -> float:
    """0..1: how much the reference title and the registered title agree."""
    ref_full = norm_title(reference)
    if not ref_full or not record.title:
        return 0.0
    rec_variants = {norm_title(record.title)}
    if record.full_title:
        rec_variants.add(norm_title(record.full_title))
    rec_variants.discard("")
    if not rec_variants:
        return 0.0
    best = max(fuzz.ratio(ref_full, r) for r in rec_variants) / 100.0
    # A title given in two languages: the original with its translation in brackets
    # ("Insegurança alimentar ... [Food insecurity ...]", APA 9.38), or the record's
    # "Russian / English".  Each language is a title too, and so are the Latin words.
    translated = _TRANSLATION.fullmatch(clean_text(reference))
    if translated is not None:
        for part in translated.groups():
            if len(part.split()) >= _TRANSLATED_WORDS:
                best = max(best, *(fuzz.ratio(norm_title(part), r) / 100.0 for r in rec_variants))
    ref_latin = _latin_words(ref_full)
    for rec in rec_variants:
        rec_latin = _latin_words(rec)
        if (ref_latin, rec_latin) != (ref_full, rec) and min(
            len(ref_latin.split()), len(rec_latin.split())
        ) >= _TRANSLATED_WORDS:
            best = max(best, fuzz.ratio(ref_latin, rec_latin) / 100.0)
    # A subtitle left out on one side: compare main titles if they are substantial.
    ref_main = _main_title(clean_text(reference))
    rec_main = _main_title(clean_text(record.title))
    pairs = []
    if ref_main:
        pairs.append((norm_title(ref_main), norm_title(record.title)))
    if rec_main:
        pairs.append((ref_full, norm_title(rec_main)))
    for left, right in pairs:
        if len(left.split()) >= 4 and len(right.split()) >= 4:
            best = max(best, fuzz.ratio(left, right) / 100.0)
    return round(best, 3)


# A word of a title put in the place of another: "Iron compounds as coatings ..." for
# "Titanium compounds as coatings ...", "Part 3" for "Part 2", "CD4" for "CD8",
# "Learning Neural Networks is ER-complete" for "Training ...".  The titles agree at
# 0.9 and more, yet name another work (a sibling of the same authors, or the near miss
# of a made-up reference).  Only two kinds of word count: numbers ("3" / "2", "CD4" /
# "CD8": the same letters, other digits) and words of four letters or more that share
# no stem.  Everything else a writer legitimately changes is forgiven: a word added or
# left out (an article, a subtitle), words glued or split ("self-supervised"), a
# spelling ("tumour", "grey"), a typo or scanning slip of one letter, an abbreviation
# or acronym ("Int", "NSCLC"), a Greek letter written in Latin ("NF-kB"), a number
# written out ("twelve", "IIb"), a season's year ("2015-16"), plurals ("loci"), words
# in another order, and function words for one another ("towards" for "for").
_FUNCTION_WORDS: Final = frozenset(
    "a an the of in on at to for from by with within into onto upon over under about "
    "between among through throughout toward towards via and or nor but as than that this "
    "these those its their his her our your is are was were be been being do does did vs "
    "versus".split()
)
_SPELLING: Final = 75
"""Character similarity (0-100) from which two words are one word spelt two ways."""
_STEM: Final = 3
"""Letters two words may share at their start and still be two words ("Learning" and
"Leaning" share two); from three ("locus" / "loci", "draught" / "draft") it is one stem."""
_CONTENT_WORD: Final = 4
_DIGITS = re.compile(r"\d+")


def title_swap(reference: str, record: Record) -> tuple[str, str] | None:
    """(the reference's word, the registry's) where the reference's title puts a word
    in the place of another of the registered title (see above), as written; None when
    the titles differ only as writers legitimately differ.  A title in two languages or
    scripts is not read word by word."""
    registered = record.full_title or record.title or ""
    translated = _TRANSLATION.fullmatch(clean_text(reference))
    if translated is not None and all(
        len(part.split()) >= _TRANSLATED_WORDS for part in translated.groups()
    ):
        return None
    swap: tuple[str, str] | None = None
    # Greek letters spelt out ("NF-kappaB"), as one Latin letter ("NF-kB", "IkBa"), or
    # mu as "micro" ("microCT"): no swap in any reading is no swap.
    for greek in (_SPELT_LETTERS, _GREEK_INITIALS, _GREEK_MICRO):
        ref = _swap_words(reference, greek)
        rec = _swap_words(registered, greek)
        if not ref or not rec or ref == rec:
            return None
        if _latin_words(" ".join(ref)) != " ".join(ref):
            return None
        if _latin_words(" ".join(rec)) != " ".join(rec):
            return None
        found = _word_swap(ref, rec)
        if found is None:
            return None
        swap = swap or found
    if swap is None:
        return None
    return _as_written(swap[0], reference), _as_written(swap[1], registered)


_GREEK_INITIALS: Final = str.maketrans(
    {
        "α": "a", "β": "b", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "h", "θ": "th",
        "ι": "i", "κ": "k", "λ": "l", "Λ": "l", "μ": "m", "µ": "m", "ν": "n", "ξ": "x",
        "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "u", "φ": "f", "χ": "x",
        "ψ": "ps", "ω": "o", "Δ": "d", "Ω": "o", "Σ": "s", "Φ": "f", "Ψ": "ps",
    }
)  # fmt: skip
_GREEK_MICRO: Final = str.maketrans({"μ": "micro", "µ": "micro"})
_DECIMAL_ZERO = re.compile(r"(?<=\d)\.0+(?!\d)")


def _swap_words(title: str, greek: Mapping[int, str]) -> list[str]:
    """The title's words for `_word_swap`: normalised, Greek letters as ``greek`` says,
    "3.0T" as "3T"."""
    return norm_title(_DECIMAL_ZERO.sub("", clean_text(title)).translate(greek)).split()


def _word_swap(ref: list[str], rec: list[str]) -> tuple[str, str] | None:
    """The first pair of words in one run of differences that is a swap (`_swap`)."""
    # (the reference's words, their first index, the registry's, their first index)
    blocks: list[tuple[list[str], int, list[str], int]] = []
    last_equal = True
    for op in Levenshtein.opcodes(ref, rec):
        if op.tag == "equal":
            last_equal = True
            continue
        if last_equal:
            blocks.append(([], op.src_start, [], op.dest_start))
        blocks[-1][0].extend(ref[op.src_start : op.src_end])
        blocks[-1][2].extend(rec[op.dest_start : op.dest_end])
        last_equal = False
    ref_words, rec_words = set(ref), set(rec)
    for ours, at, theirs, their_at in blocks:
        mine = [w for w in ours if w not in _FUNCTION_WORDS]
        other = [w for w in theirs if w not in _FUNCTION_WORDS]
        if not mine or not other or _variant("".join(ours), "".join(theirs)):
            continue  # added or left out, function words, or glued / split words
        if _acronym(mine, theirs) or _acronym(other, ours):
            continue
        left = [w for w in mine if not any(_variant(w, o) for o in other)]
        right = [w for w in other if not any(_variant(w, m) for m in mine)]
        for a in left:
            for b in right:
                # A bare number is another only after the same word: "part 3" / "part
                # 2", not the 19 of "COVID-19" against the 2 of "SARS-CoV-2".
                if a.isdigit() and b.isdigit():
                    i, j = at + ours.index(a), their_at + theirs.index(b)
                    if not (i and j and ref[i - 1] == rec[j - 1]):
                        continue
                if _swap(a, b) and a not in rec_words and b not in ref_words:
                    return a, b
    return None


def _acronym(short: list[str], long: list[str]) -> bool:
    """A word of ``short`` stands for ``long``: its initials, with or without the
    function words ("HRQoL", "NSCLC", "WWII"), or letters of it in order from its first
    ("PTSD" for "posttraumatic stress disorder"); a plural "s" aside ("LLMs", "GANs")."""
    content = [w for w in long if w not in _FUNCTION_WORDS]
    if len(long) < 2 or not content:
        return False
    joined = "".join(content)
    initials = {
        "".join(w if w.isdigit() or w in _ROMAN else w[0] for w in words)
        for words in (long, content)
    }
    for word in short:
        if len(word) < 2 or not word.isalnum():
            continue
        forms = {word, word[:-1]} if len(word) >= 3 and word.endswith("s") else {word}
        for form in forms:
            if form in initials or (
                2 <= len(form) <= 6 and form[0] == joined[0] and _in_order(form, joined)
            ):
                return True
    return False


def _in_order(letters: str, text: str) -> bool:
    rest = iter(text)
    return all(ch in rest for ch in letters)


_ROMAN: Final = {
    numeral: n
    for n, numeral in enumerate(
        "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split(), 1
    )
}
_NUMBER_WORDS: Final = {
    word: n
    for n, words in enumerate(
        (
            ("one", "first", "1st"), ("two", "second", "2nd"), ("three", "third", "3rd"),
            ("four", "fourth", "4th"), ("five", "fifth", "5th"), ("six", "sixth", "6th"),
            ("seven", "seventh", "7th"), ("eight", "eighth", "8th"), ("nine", "ninth", "9th"),
            ("ten", "tenth", "10th"), ("eleven", "eleventh", "11th"),
            ("twelve", "twelfth", "12th"),
        ),
        1,
    )
    for word in words
}  # fmt: skip
_SAME_WORDS: Final = frozenset(
    {
        frozenset({"mouse", "mice"}),
        frozenset({"goose", "geese"}),
        frozenset({"erratum", "corrigendum"}),
        frozenset({"erratum", "correction"}),
        frozenset({"corrigendum", "correction"}),
    }
)


def _number(word: str) -> int | None:
    """The value of a number, a Roman numeral or a number word ("2", "II", "two")."""
    if word.isdigit():
        return int(word)
    return _ROMAN.get(word) or _NUMBER_WORDS.get(word)


def _same_digits(a: str, b: str) -> bool:
    """The digits of two words of the same letters agree, a season's short year aside
    ("FY20" / "FY2020")."""
    runs = zip(_DIGITS.findall(a), _DIGITS.findall(b), strict=False)
    return all(
        x == y or ((len(x), len(y)) in ((2, 4), (4, 2)) and (x.endswith(y) or y.endswith(x)))
        for x, y in runs
    )


def _swap(a: str, b: str) -> bool:
    """Two words that cannot be one written two ways (`_variant` said not)."""
    if _number(a) is not None and _number(b) is not None:
        return True  # "Phase II" / "Phase III", "part one" / "part two"
    if any(ch.isdigit() for ch in a + b):
        # The same letters around other digits: "Part 3" / "Part 2", "CD4" / "CD8".
        return _DIGITS.sub("#", a) == _DIGITS.sub("#", b) and not _same_digits(a, b)
    if not (a.isalpha() and b.isalpha()) or min(len(a), len(b)) < _CONTENT_WORD:
        return False  # a letter, an initial, an abbreviation, a Greek letter in Latin
    return a[:_STEM] != b[:_STEM] and frozenset({a, b}) not in _SAME_WORDS


def _variant(a: str, b: str) -> bool:
    """One word written two ways, or misread: a spelling, an abbreviation, a letter
    typed or scanned wrong ("rsd" for "red", "Al2Op" for "Al2O3")."""
    if a == b:
        return True
    if _number(a) is not None and _number(b) is not None:
        return _number(a) == _number(b) or (a.isdigit() and b.isdigit() and _same_digits(a, b))
    if min(len(a), len(b)) < 2:
        return False
    if any(ch.isdigit() for ch in a + b):
        # Other digits are another number ("CD4", "CD8"); a letter read for a digit is a
        # scanning slip ("m016" for "2016").
        if _DIGITS.sub("#", a) == _DIGITS.sub("#", b):
            return _same_digits(a, b)
        return min(len(a), len(b)) >= 3 and DamerauLevenshtein.distance(a, b) <= 1
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True  # an abbreviation: "Int" for "International"
    # One letter wrong in a word of three or more; two letters are a label ("DP", "DR").
    return fuzz.ratio(a, b) >= _SPELLING or (
        min(len(a), len(b)) >= 3 and DamerauLevenshtein.distance(a, b) <= 1
    )


_TOKEN_EDGES = re.compile(r"^[^\w]+|[^\w)\]]+$")


def _as_written(word: str, title: str) -> str:
    """The title's token (between spaces) that holds ``word`` (normalised), as written:
    "COVID-19" for "19"; ``word`` itself when none does."""
    for token in clean_text(title).split():
        if word in norm_text(token).split():
            return _TOKEN_EDGES.sub("", token) or token
    return word


# --------------------------------------------------------------------------- authors


def _keys(family: str) -> frozenset[str]:
    keys = set(surname_keys(family))
    german = family.translate(_GERMAN)
    if german != family:
        keys |= surname_keys(german)
    if not any(keys):
        # Surname keys are Latin letters only; a name in another script ("Хусяинов")
        # is its own key, not no key at all, and a Cyrillic one is also its usual
        # transliteration ("Khusyainov").
        keys.add(norm_text(family).replace(" ", ""))
        keys |= surname_keys(transliterate(family))
    return frozenset(k for k in keys if k)


def _initials(given: str | None) -> str:
    if not given:
        return ""
    return "".join(w[0] for w in re.split(r"[\s.\-]+", fold(given)) if w and w[0].isalpha())


def same_author(reference: Author, registered: Author) -> bool:
    """Whether two author entries name the same person (or organisation)."""
    if reference.group or registered.group:
        left, right = norm_text(reference.family), norm_text(registered.family)
        if not left or not right:
            return False
        return left == right or left in right or right in left or fuzz.ratio(left, right) >= 85
    if _keys(reference.family) & _keys(registered.family):
        return True
    # A name printed in the other order: "Chen Yuan" for family Yuan, given Chen.
    if registered.given and reference.given and _keys(reference.family) & _keys(registered.given):
        return _initials(reference.given)[:1] == _initials(registered.family)[:1]
    return False


@dataclass(frozen=True, slots=True)
class AuthorComparison:
    score: float
    first_agrees: bool
    unmatched: tuple[Author, ...]
    count_problem: str | None
    first_position: int | None
    """Where the reference's first author appears in the registry (0-based), if at all."""


def compare_authors(
    reference: Sequence[Author], truncated: bool, registered: Sequence[Author]
) -> AuthorComparison | None:
    if not reference or not registered:
        return None
    used: set[int] = set()
    matched = 0
    unmatched: list[Author] = []
    first_position: int | None = None
    for i, author in enumerate(reference):
        order = [i] if i < len(registered) else []
        order += [j for j in range(len(registered)) if j != i]
        hit = next((j for j in order if j not in used and same_author(author, registered[j])), None)
        if hit is None:
            unmatched.append(author)
            continue
        used.add(hit)
        matched += 1
        if i == 0:
            first_position = hit
    count_problem = None
    if len(reference) > len(registered):
        count_problem = f"lists `{len(reference)}` authors, the registry `{len(registered)}`"
    elif not truncated and len(reference) < len(registered):
        count_problem = f"lists `{len(reference)}` of the `{len(registered)}` registered authors"
    return AuthorComparison(
        score=round(matched / len(reference), 3),
        first_agrees=first_position == 0,
        unmatched=tuple(unmatched),
        count_problem=count_problem,
        first_position=first_position,
    )


def _name(author: Author) -> str:
    return author.family if author.group or not author.given else f"{author.family}, {author.given}"


# --------------------------------------------------------------------------- year


def _ref_year(fields: ReferenceFields) -> int | None:
    if fields.year and fields.year.isdigit():
        return int(fields.year)
    return None


def year_score(year: int | None, record: Record, tolerance: int = YEAR_TOLERANCE) -> float | None:
    years = record.years
    if year is None or not years:
        return None
    if year in years:
        return 1.0
    if min(abs(year - y) for y in years) <= tolerance:
        return 0.75
    return 0.0


# --------------------------------------------------------------------------- venue


def norm_venue(text: str) -> str:
    folded = fold(clean_text(text)).replace("&", " and ")
    folded = _INITIAL_DOTS.sub("", folded)
    words = _NON_ALNUM.sub(" ", folded).split()
    if words and words[0] == "the":
        words = words[1:]
    # Runs of single letters are one initialism: "U S A" is "usa".
    merged: list[str] = []
    in_run = False
    for word in words:
        single = len(word) == 1 and word.isalpha()
        if single and in_run:
            merged[-1] += word
        else:
            merged.append(word)
        in_run = single
    return " ".join(merged)


def _content_words(text: str) -> list[str]:
    return [w for w in text.split() if w not in _VENUE_STOP]


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` ("j neurosci") abbreviates ``full`` ("journal of neuroscience")."""
    abbr, words = _content_words(short), _content_words(full)
    if not abbr or len(abbr) != len(words) or abbr == words:
        return False
    for a, w in zip(abbr, words, strict=True):
        if w.startswith(a):
            continue
        if a[0] != w[0] or not _subsequence(a, w):
            return False
    return True


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _initialism(short: str, full: str) -> bool:
    """Whether ``short`` is the initials of ``full``, with or without its small words:
    "pnas", "nejm", "cmaj", "mmwr", "jama".  Four letters at least: "ca", "ajp", "jco"
    stand for too many journals."""
    words = full.split()
    if " " in short or not 4 <= len(short) <= 8 or not short.isalpha() or len(words) < 4:
        return False
    return short in ("".join(w[0] for w in words), "".join(w[0] for w in _content_words(full)))


# A journal's acronym and its name in one: "MMWR. Morbidity and Mortality Weekly Report",
# "JAMA: The Journal of the American Medical Association".  Not a journal and its section
# ("Circulation: Heart Failure", "JACC: Heart Failure") nor an abbreviation ("Sci. Rep.").
_VENUE_PARTS = re.compile(r"(?<=\w)[.:]\s+")


def _venue_parts(name: str) -> tuple[str, str] | None:
    """The acronym and the name of "MMWR. Morbidity and ..." or "JNCI: Journal of ..."."""
    parts = [norm_venue(part) for part in _VENUE_PARTS.split(name)]
    if len(parts) == 2 and _initialism(parts[0], parts[1]):
        return parts[0], parts[1]
    return None


def _same_venue(cited: str, name: str) -> bool:
    # Initials only as cited: a registry's short name "AJP" is no reason to take
    # "Am J Physiol" or "Am J Pathol" for its journal.
    return (
        cited == name
        or _abbreviates(cited, name)
        or _abbreviates(name, cited)
        or _initialism(cited, name)
    )


# A conference cited by its acronym: "CVPR", "NeurIPS'22", "Proc. ICML 2021".  Registries
# name it in full: "2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition
# (CVPR)", "Proceedings of the AAAI Conference on Artificial Intelligence", Springer's
# "Medical Image Computing and Computer Assisted Intervention – MICCAI 2019".
_CITED_NOISE = re.compile(
    r"['’-]\d\d\b|\b(?:(?:19|20)\d\d|\d+(?:st|nd|rd|th)|proc|proceedings|of|the|in|annual)\b"
    # Ordinals spelt out: "Eighth IEEE International Conference on Data Mining".
    r"|\b(?:(?:twenty|thirty|forty|fifty)[\s-]?)?(?:first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth"
    r"|twentieth|thirtieth|fortieth|fiftieth)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z][A-Za-z0-9-]{1,15}")
# A publisher is no venue: "IEEE" is not every conference IEEE publishes.
_PUBLISHERS: Final = frozenset(
    {"ieee", "acm", "siam", "spie", "bmc", "cvf", "ieee/cvf", "springer", "elsevier", "wiley"}
    | {"usenix", "ifip", "eai"}
)
# Workshops, companion volumes and the like are venues of their own beside the
# conference whose acronym they carry.
_SUB_VENUE = re.compile(
    r"\b(?:workshops?|companion|adjunct|extended abstracts?|findings|student|doctoral|"
    r"conjunction|co-?located|summits?|series|tracks?|tutorials?|posters?|demos?|satellite)\b",
    re.IGNORECASE,
)
_TWO_DIGITS = re.compile(r"\b\d\d\b")
_END_BRACKET = re.compile(r"\(([^()]{2,30})\)\s*$")
_END_DASHED = re.compile(r"\s[–—-]\s*([^–—-]{2,30})$")


def _cited_acronym(reference: str) -> str | None:
    """The acronym a venue is cited by, normalised: two capitals at least ("ICML",
    "NeurIPS"), so that "Science" or "Nature" is no acronym, and no publisher's."""
    words = _CITED_NOISE.sub(" ", clean_text(reference)).replace(",", " ").split()
    words = [w.strip(".()") for w in words if w.strip(".()")]
    while len(words) > 1 and words[0].casefold() in _PUBLISHERS:
        words = words[1:]
    if len(words) != 1 or not _ACRONYM.fullmatch(words[0]):
        return None
    acronym = norm_venue(words[0])
    return None if acronym in _PUBLISHERS else acronym or None


def _conference_of(acronym: str, name: str) -> bool:
    """Whether a registry's venue name is the conference ``acronym`` stands for: the
    acronym in brackets or after a dash at the end of the name, the name opening with
    it ("<acronym> Conference on ...", "Proceedings of <acronym>"), or the acronym the
    initials of the name or of its subject (four letters at least); never a workshop's
    or companion's name, nor a journal's ("BMJ" is not "BMJ Open")."""
    if _SUB_VENUE.search(name):
        return False
    for end in (_END_BRACKET, _END_DASHED):
        found = end.search(name)
        # "(NSDI 19)": USENIX writes the year in two digits.
        inner = _TWO_DIGITS.sub(" ", _CITED_NOISE.sub(" ", found.group(1))) if found else ""
        if found is not None and norm_venue(inner) == acronym:
            return True
    opening = norm_venue(_CITED_NOISE.sub(" ", name))
    if opening == acronym or any(
        opening.startswith(f"{acronym} {kind}") for kind in ("conference", "symposium")
    ):
        return True
    # The initials of the conference's own name, its number, year and publisher left
    # out: "ICML" for "Proceedings of the 38th International Conference on Machine
    # Learning", "ICCV" for "2007 IEEE 11th International Conference on Computer Vision".
    own = " ".join(w for w in opening.split() if w not in _PUBLISHERS)
    if _initialism(acronym, own):
        return True
    # Or of its subject, alone or after its kind: "CVPR" for "IEEE Conference on Computer
    # Vision and Pattern Recognition", "UIST" for "ACM Symposium on User Interface
    # Software and Technology", "CIKM" for "... Conference on Information & Knowledge
    # Management".
    subject = _SUBJECT.search(own)
    return subject is not None and (
        _initialism(acronym, subject.group(2))
        or _initialism(acronym, f"{subject.group(1)} {subject.group(2)}")
    )


_SUBJECT = re.compile(r"\b(conference|symposium|congress) on (.+)$")


def _event_acronyms(event: str) -> set[str]:
    """A registry's acronym for a conference as citations give it: "SIGMOD/PODS '21" is
    "sigmod" and "pods"; an ACM SIG's conference goes by its name with or without the
    SIG ("KDD '16" is "KDD" and "SIGKDD", "SIGIR '17" is "SIGIR")."""
    out: set[str] = set()
    for part in _CITED_NOISE.sub(" ", event).split("/"):
        acronym = norm_venue(part)
        if not acronym or " " in acronym:
            continue
        out.add(acronym)
        if acronym.startswith("sig") and len(acronym) >= 6:
            out.add(acronym[3:])
        elif not acronym.startswith("sig"):
            out.add("sig" + acronym)
    return out


def venue_similarity(reference: str, names: Iterable[str], *, event: str | None = None) -> float:
    """How well the venue a reference gives agrees with a registry's names for it (0 to
    1).  ``event``: the registry's acronym of the conference (`Record.event_acronym`)."""
    ref = norm_venue(reference)
    if not ref:
        return 0.0
    names = list(names)
    acronym = _cited_acronym(reference)
    if acronym is not None and (
        any(_conference_of(acronym, name) for name in names)
        or (
            event is not None
            and acronym in _event_acronyms(event)
            and not any(_SUB_VENUE.search(name) for name in names)
        )
    ):
        return 1.0
    variants = {ref}
    stripped = norm_venue(_PARENS.sub(" ", reference))
    if stripped:
        variants.add(stripped)
    best = 0.0
    for name in names:
        forms = {norm_venue(name), norm_venue(_PARENS.sub(" ", name))} - {""}
        parts = _venue_parts(name)
        for left in variants:
            if any(_same_venue(left, form) for form in forms):
                return 1.0
            # The parts of a two-part name match only exactly, as abbreviations or as
            # initials: by spelling alone, "Journal of the National Cancer Center" is
            # close to the "Journal of the National Cancer Institute" of "JNCI: ...".
            if parts is not None and (left == parts[0] or _same_venue(left, parts[1])):
                return 1.0
            best = max([best, *(fuzz.ratio(left, form) / 100.0 for form in forms)])
    return round(best, 3)


# --------------------------------------------------------------------------- locators

_DASHES = re.compile(r"\s*[-‐‑‒–—−]+\s*")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")
_LOCATOR_NOISE = re.compile(r"^(?:vol(?:ume)?|no|nr|issue|pp?|pages?)\.?\s*", re.IGNORECASE)


def _norm_locator(value: str) -> str:
    text = _LOCATOR_NOISE.sub("", clean_text(value)).strip().casefold()
    # "Suppl 1", "Suppl. 1", "Supplement_1": one supplement.
    text = _SUPPLEMENT.sub("s", text)
    return _LEADING_ZEROS.sub("", text)


_SUPPLEMENT = re.compile(r"^supp(?:l(?:ement)?)?\.?[\s_]*")


def page_range(text: str) -> tuple[str, str | None]:
    """First and last page; "959-64" is expanded to ("959", "964"), and a prefix the
    last page leaves out is its first page's: "E1-8" is ("e1", "e8"), "S15-33" ("s15",
    "s33")."""
    parts = [p for p in _DASHES.split(_norm_locator(text)) if p]
    if not parts:
        return "", None
    first = _LEADING_ZEROS.sub("", parts[0])
    last = _LEADING_ZEROS.sub("", parts[-1]) if len(parts) > 1 else None
    prefix = _PAGE_PREFIX.match(first)
    if last and last.isdigit() and prefix is not None:
        digits = prefix.group(2)
        if len(last) < len(digits):
            last = digits[: len(digits) - len(last)] + last
        last = prefix.group(1) + last
    return first, last


_PAGE_PREFIX = re.compile(r"([a-z]{0,2})(\d+)$")


def locator_problems(fields: ReferenceFields, record: Record) -> list[str]:
    problems: list[str] = []
    if (
        fields.volume
        and record.volume
        and _norm_locator(fields.volume) != _norm_locator(record.volume)
    ):
        problems.append(f"volume `{fields.volume}`, registry `{record.volume}`")
    if fields.issue and record.issue:
        ref_issue = _norm_locator(fields.issue)
        rec_parts = {_LEADING_ZEROS.sub("", p) for p in _DASHES.split(_norm_locator(record.issue))}
        if ref_issue != _norm_locator(record.issue) and ref_issue not in rec_parts:
            problems.append(f"issue `{fields.issue}`, registry `{record.issue}`")
    if fields.pages:
        problem = _page_problem(fields.pages, record)
        if problem:
            problems.append(problem)
    return problems


def _page_problem(pages: str, record: Record) -> str | None:
    first, last = page_range(pages)
    if not first:
        return None
    number = _norm_locator(record.article_number) if record.article_number else None
    rec_first, rec_last = page_range(record.pages) if record.pages else ("", None)
    if number and first == number:
        return None
    if rec_first and not rec_last and first == rec_first:
        return None
    if (number or (rec_first and not rec_last and not rec_first.isdigit())) and first == "1":
        # The article's own PDF pagination ("1-6") for a work with an e-locator.
        return None
    if rec_first:
        if first != rec_first or (last and rec_last and last != rec_last):
            registered = record.pages
            return f"pages `{pages}`, registry `{registered}`"
        return None
    if number:
        return f"pages `{pages}`, registry article number `{record.article_number}`"
    return None


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class Comparison:
    scores: Mapping[str, float]
    title: float | None
    authors: AuthorComparison | None
    year: float | None
    venue: float | None
    locators: tuple[str, ...]
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    pages_only_slip: bool = False
    """The reference and the record give the same volume, and only their pages differ."""
    scripts_differ: bool = False
    """Both titles have letters, in no script in common: they were not compared."""
    notice_mismatch: bool = False
    """One title names a notice ("Erratum to: ..."), the other not."""
    locators_misread: int = 0
    """Of ``locators``, a volume and pages that trade places (see `_locators_misread`)."""
    recurring: bool = False
    """The reference names no authors and either the record names none or the title is
    of a few words ("Editorial", "President's message"): an item a journal prints
    again and again, which only the locators tell apart."""
    locators_agreeing: int = 0
    """How many of volume, issue and pages both give alike."""
    long_range_agrees: bool = False
    """Both give the same volume and the same range of three pages or more."""
    title_swap: tuple[str, str] | None = None
    """Titles that agree but for a word in the place of another (`title_swap`): the
    reference's word and the registry's, as written."""
    volume_and_page_agree: bool = False
    """Both give the same volume and the same whole page range, not from page 1 and not
    an article number, and no locator differs."""

    @property
    def different_work(self) -> bool:
        first_bad = self.authors is not None and not self.authors.first_agrees
        if self.title is not None:
            return self.title < TITLE_DIFFERENT and first_bad
        if self.scripts_differ:
            # Titles in two scripts say nothing: no author at all in common does.
            return first_bad and self.authors is not None and self.authors.score == 0.0
        # No title to compare: the first author and the year must both disagree.
        return first_bad and self.year == 0.0


def compare(
    fields: ReferenceFields,
    record: Record,
    *,
    aliases: Mapping[str, Sequence[str]] | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Comparison:
    """Field-by-field agreement of a reference with a record (pure)."""
    # A field the registry does not hold is not compared: absence is not disagreement.
    # Titles in no common script (a translated title against the original's) are not
    # compared: they say nothing either way.
    ref_scripts = _scripts(fields.title or "")
    rec_scripts = _scripts(record.full_title or "")
    scripts_differ = bool(ref_scripts and rec_scripts and not ref_scripts & rec_scripts)
    title = (
        title_similarity(fields.title, record)
        if fields.title and record.title and not scripts_differ
        else None
    )
    authors = compare_authors(fields.authors, fields.authors_truncated, record.authors)
    if authors is not None and authors.score == 0.0 and not _names_comparable(fields, record):
        # "Li Y" against "李", with no transliteration between them: not compared, as
        # titles in two scripts are not, rather than taken for other people.
        authors = None
    year = year_score(_ref_year(fields), record, thresholds.year_tolerance)
    venue = None
    if fields.container:
        names = list(record.container) + list(record.short_container)
        for issn in record.issns:
            names.extend((aliases or {}).get(issn, ()))
        if names:
            venue = venue_similarity(fields.container, names, event=record.event_acronym)
        elif record.event_acronym and venue_similarity(
            fields.container, (), event=record.event_acronym
        ):
            venue = 1.0  # no proceedings title to compare; the conference's acronym agrees
    locators = tuple(locator_problems(fields, record))
    scores: dict[str, float] = {}
    if title is not None:
        scores["title"] = title
    if authors is not None:
        scores["authors"] = authors.score
        scores["first_author"] = 1.0 if authors.first_agrees else 0.0
    if year is not None:
        scores["year"] = year
    if venue is not None:
        scores["venue"] = venue
    overall = _overall(title, authors, year, venue)
    if overall is not None:
        scores["match"] = overall
    # Both give a volume, and `locator_problems` found it the same: the pages differ alone.
    pages_only_slip = bool(fields.volume and record.volume) and all(
        problem.startswith("pages ") for problem in locators
    )
    notice_mismatch = bool(
        fields.title and record.title and notice_title(fields.title) != notice_title(record.title)
    )
    return Comparison(
        scores,
        title,
        authors,
        year,
        venue,
        locators,
        thresholds,
        pages_only_slip,
        scripts_differ,
        notice_mismatch,
        _locators_misread(fields, record),
        not fields.authors
        and (not record.authors or len(norm_text(fields.title or "").split()) <= 4),
        _locators_agreeing(fields, record, locators),
        _long_range_agrees(fields, record, locators),
        title_swap(fields.title, record)
        if fields.title and title is not None and title >= thresholds.title
        else None,
        _volume_and_page_agree(fields, record, locators),
    )


def _volume_and_page_agree(
    fields: ReferenceFields, record: Record, problems: Sequence[str]
) -> bool:
    if problems or not (fields.volume and record.volume and fields.pages and record.pages):
        return False
    if record.article_number and record.pages == record.article_number:
        return False
    # The volumes agree (`locator_problems` found none); the pages must agree in the whole
    # range, and not from page 1: an online journal starts every article there.
    ours = page_range(fields.pages)
    return ours == page_range(record.pages) and ours[0] != "1" and ours[1] is not None


def _long_range_agrees(fields: ReferenceFields, record: Record, problems: Sequence[str]) -> bool:
    if not (fields.volume and record.volume and fields.pages and record.pages):
        return False
    if any(p.startswith(("volume ", "pages ")) for p in problems):
        return False
    first, last = page_range(fields.pages)
    return bool(first.isdigit() and last and last.isdigit() and int(last) - int(first) >= 2)


def _locators_misread(fields: ReferenceFields, record: Record) -> int:
    """Locators of the reference in the place of another the reference leaves empty: a
    volume read as the pages, pages read as the volume."""
    rec = {
        "volume": _norm_locator(record.volume) if record.volume else "",
        "pages": page_range(record.pages)[0] if record.pages else "",
    }
    ref = {
        "volume": _norm_locator(fields.volume) if fields.volume else "",
        "pages": page_range(fields.pages)[0] if fields.pages else "",
    }
    # Only a volume and pages trade places; an issue is too often a page number of
    # another item (issue 12 of the one on page 12), and one-character numbers coincide.
    swap = {"volume": "pages", "pages": "volume"}
    return sum(
        1
        for name, other in swap.items()
        if len(ref[name]) > 1
        and rec[name]
        and ref[name] != rec[name]
        and not ref[other]
        and ref[name] == rec[other]
    )


def _locators_agreeing(fields: ReferenceFields, record: Record, problems: Sequence[str]) -> int:
    given = (
        bool(fields.volume and record.volume)
        + bool(fields.issue and record.issue)
        + bool(fields.pages and (record.pages or record.article_number))
    )
    return given - len(problems)


def _overall(
    title: float | None, authors: AuthorComparison | None, year: float | None, venue: float | None
) -> float | None:
    parts: list[tuple[float, float]] = []
    if title is not None:
        parts.append((0.55, title))
    if authors is not None:
        parts.append((0.25, 1.0 if authors.first_agrees else authors.score * 0.5))
    if year is not None:
        parts.append((0.12, year))
    if venue is not None:
        parts.append((0.08, venue))
    if not parts:
        return None
    total = sum(w for w, _ in parts)
    return round(sum(w * s for w, s in parts) / total, 3)


def _locators_tell(comparison: Comparison) -> bool:
    """Whether the locators allow a hit with no authors to compare.  For a recurring
    item (see `Comparison.recurring`) the title tells instalments apart no better than
    "Editorial board" of two issues: only the pages may slip, within the volume given
    (75(1) is not 75(2), 55, i not 58, i), or the issue when a range of three pages or
    more agrees in the volume (a journal prints no recurring item of that length twice
    on the same pages: "Autism spectrum disorder", 392, 508-520, cited with the issue
    mistyped); a volume and pages that trade places (pages `74` for the volume-74
    item) are a misreading, not a disagreement.  Otherwise one locator may be a slip."""
    if not comparison.recurring:
        return len(comparison.locators) < 2
    off = len(comparison.locators) - comparison.locators_misread
    return off == 0 or (off == 1 and (comparison.pages_only_slip or comparison.long_range_agrees))


def is_confident(fields: ReferenceFields, comparison: Comparison) -> bool:
    """Whether a search candidate is confidently the work the reference describes."""
    # Without authors to compare, the year has to agree: "Erratum" or "Book review" of
    # one journal recurs every year under the same title.
    authors_ok = comparison.authors is not None and comparison.authors.first_agrees
    year_ok = comparison.year is None or comparison.year > 0
    # A year that is off and a locator that differs too are two slips at once, likelier
    # another instalment of a recurring title ("Washington scene", 15(3) of 1988 and
    # 16(3) of 1989; an editor's letter in 36(1) and 36(4)) or another edition of a
    # chapter than one work cited with two errors.  Spared: a year within the tolerance
    # in the same volume and issue, where the pages may be a slip beside an
    # online-first year.
    another_instalment = (
        comparison.year is not None
        and comparison.year < 1.0
        and bool(comparison.locators)
        and (comparison.year == 0.0 or not comparison.pages_only_slip)
    )
    # A notice is never the work it is about: "Errata: Vertical price transmission ..."
    # beside the article of that title, in the same volume.  And a search hit whose title
    # cannot be read against the reference's is not confidently the work.
    if comparison.notice_mismatch or comparison.scripts_differ:
        return False
    other_venue = comparison.venue is not None and comparison.venue < VENUE_OTHER
    if comparison.authors is None and (other_venue or not _locators_tell(comparison)):
        return False
    # A title that is close but not the same, in another venue, is a sibling of the work
    # (its conference abstract, its ChemInform digest, a companion paper elsewhere).
    if comparison.title is not None and comparison.title < TITLE_SAME and other_venue:
        return False
    if comparison.title is not None:
        return (
            comparison.title >= comparison.thresholds.title
            and (comparison.title_swap is None or _locators_confirm(comparison))
            and comparison.scores.get("match", 0.0) >= CONFIDENT
            and (authors_ok or year_ok)
            and (comparison.authors is not None or comparison.year is not None)
            and not another_instalment
        )
    # Without a title, everything else has to line up.
    return (
        comparison.authors is not None
        and comparison.authors.first_agrees
        and comparison.year == 1.0
        and (comparison.venue or 0.0) >= VENUE_MATCH
        and not comparison.locators
    )


def _locators_confirm(comparison: Comparison) -> bool:
    """The volume and the whole page range agree (`Comparison.volume_and_page_agree`):
    a word swapped in the title is then the reference's slip, not a sibling work
    ("germanium" for "mercury" on other pages).  A number swapped is never a slip:
    "Part 1" and "Part 2" of a series may stand in one issue."""
    swap = comparison.title_swap
    return (
        swap is not None
        and comparison.volume_and_page_agree
        and not any(ch.isdigit() for ch in swap[0] + swap[1])
    )


def confident_matches(
    fields: ReferenceFields,
    candidates: Sequence[Record],
    aliases: Mapping[str, Sequence[str]] | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[tuple[Record, Comparison]]:
    """Confident candidates, best first, one per DOI."""
    scored = []
    seen: set[str | None] = set()
    for record in candidates:
        # Works without a DOI (OpenAlex has them) are each their own.
        if record.doi is not None and record.doi in seen:
            continue
        seen.add(record.doi)
        comparison = compare(fields, record, aliases=aliases, thresholds=thresholds)
        if is_confident(fields, comparison):
            scored.append((record, comparison))
    # A copy without a DOI (OpenAlex's) of a work matched with one is that work: it
    # neither makes the match ambiguous nor stands in for the record with the DOI.
    scored = [
        (record, comparison)
        for record, comparison in scored
        if record.doi is not None
        or not any(
            other.doi is not None
            and _copy_of(record, other)
            and theirs.scores.get("match", 0.0) >= comparison.scores.get("match", 0.0)
            for other, theirs in scored
        )
    ]
    # Between equal scores (the "Editorial Board" of two issues), the locators decide,
    # not the search's order: each that agrees speaks for a record, each that differs
    # against it, one it lacks neither way (a bare duplicate record does not beat the
    # article whose pages the reference mistyped, nor another instalment whose issue
    # differs a record that lacks the issue); then the fewer that differ.
    scored.sort(
        key=lambda rc: (
            -rc[1].scores.get("match", 0.0),
            len(rc[1].locators) - rc[1].locators_agreeing,
            len(rc[1].locators),
        )
    )
    return scored


def confident_match(
    fields: ReferenceFields,
    candidates: Sequence[Record],
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Record | None:
    """The best confident candidate, or None (used by the resolver to stop searching)."""
    found = confident_matches(fields, candidates, thresholds=thresholds)
    return found[0][0] if found else None


# --------------------------------------------------------------------------- findings


def _fmt(score: float | None) -> str:
    return "n/a" if score is None else f"{score:.2f}"


def _short(text: str | None, limit: int = 90) -> str:
    text = (text or "").replace("`", "'")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _data(record: Record, scores: Mapping[str, float], **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "source": record.source,
        "record": record.summary(),
        "scores": dict(scores),
    }
    data.update(extra)
    return data


def field_findings(
    fields: ReferenceFields, record: Record, comparison: Comparison
) -> list[Finding]:
    """Metadata findings for a record the reference points to."""
    scores = comparison.scores
    if comparison.different_work:
        first = record.authors[0].family if record.authors else "unknown"
        return [
            Finding(
                rule="doi-resolves-to-different-work",
                message=(
                    f"DOI `{record.doi}` belongs to another work: `{_short(record.full_title)}` "
                    f"by `{first}` (`{record.year or 'n.d.'}`)"
                ),
                help="Check the DOI: the title and the first author both disagree with the "
                "registered work",
                data=_data(record, scores, field="doi"),
            )
        ]
    findings: list[Finding] = []
    if comparison.title is not None and comparison.title < comparison.thresholds.title:
        findings.append(
            Finding(
                rule="doi-title-mismatch",
                message=(
                    f"Title differs from the registry: `{_short(record.full_title)}` "
                    f"(similarity `{_fmt(comparison.title)}`)"
                ),
                help=f"Registered title: `{_short(record.full_title, 300)}`",
                data=_data(
                    record, scores, field="title", expected=record.full_title, found=fields.title
                ),
            )
        )
    elif comparison.title_swap is not None:
        ours, theirs = (_short(word, 60) for word in comparison.title_swap)
        findings.append(
            Finding(
                rule="doi-title-mismatch",
                message=(
                    f"Title differs from the registry: the reference has `{ours}` where the "
                    f"registry has `{theirs}` (`{_short(record.full_title)}`)"
                ),
                help=f"Registered title: `{_short(record.full_title, 300)}`",
                data=_data(
                    record,
                    scores,
                    field="title",
                    expected=record.full_title,
                    found=fields.title,
                    words=[ours, theirs],
                ),
            )
        )
    if comparison.notice_mismatch and not findings:
        # The titles agree but for "Erratum to:" on one side: the DOI of an article cited
        # for its erratum, or of an erratum cited for the article.
        notice = record.title is not None and notice_title(record.title)
        findings.append(
            Finding(
                rule="doi-title-mismatch",
                message=(
                    f"DOI `{record.doi}` belongs to a notice, not to the work cited: "
                    f"`{_short(record.full_title)}`"
                    if notice
                    else f"The reference cites a notice, but DOI `{record.doi}` belongs to "
                    f"the work itself: `{_short(record.full_title)}`"
                ),
                help="A correction or retraction notice has a DOI of its own: cite the DOI "
                "of the item you mean",
                data=_data(
                    record, scores, field="title", expected=record.full_title, found=fields.title
                ),
            )
        )
    authors = comparison.authors
    if authors is not None:
        problems = []
        if not authors.first_agrees:
            registered_first = _name(record.authors[0])
            if authors.first_position is not None:
                problems.append(
                    f"first author `{fields.authors[0].family}` is author "
                    f"`{authors.first_position + 1}` in the registry"
                )
            else:
                problems.append(
                    f"first author `{fields.authors[0].family}`, registry `{registered_first}`"
                )
        others = [a for a in authors.unmatched if a is not fields.authors[0]]
        if others:
            names = ", ".join(f"`{a.family}`" for a in others[:5])
            problems.append(f"not registered: {names}")
        if authors.count_problem:
            problems.append(authors.count_problem)
        if problems:
            findings.append(
                Finding(
                    rule="doi-author-mismatch",
                    message="Authors differ from the registry: " + "; ".join(problems),
                    help="Registered authors: "
                    + ", ".join(f"`{_name(a)}`" for a in record.authors[:6])
                    + (" …" if len(record.authors) > 6 else ""),
                    data=_data(
                        record,
                        scores,
                        field="authors",
                        expected=[_name(a) for a in record.authors],
                        found=[_name(a) for a in fields.authors],
                    ),
                )
            )
    if comparison.year == 0.0:
        years = "/".join(str(y) for y in record.years)
        findings.append(
            Finding(
                rule="doi-year-mismatch",
                message=f"Year `{fields.year}` differs from the registry: `{years}`",
                help=f"The registered work was published in `{record.year}`",
                data=_data(record, scores, field="year", expected=record.year, found=fields.year),
            )
        )
    if comparison.venue is not None and comparison.venue < VENUE_MATCH:
        registered_venue = record.container[0] if record.container else None
        findings.append(
            Finding(
                rule="doi-venue-mismatch",
                message=(
                    f"Journal `{_short(fields.container)}` differs from the registry: "
                    f"`{_short(registered_venue)}`"
                ),
                help="Registered as: "
                + ", ".join(f"`{n}`" for n in (record.container + record.short_container)[:4]),
                data=_data(
                    record,
                    scores,
                    field="container",
                    expected=registered_venue,
                    found=fields.container,
                ),
            )
        )
    if comparison.locators:
        findings.append(
            Finding(
                rule="doi-locator-mismatch",
                message="Locator differs from the registry: " + "; ".join(comparison.locators),
                data=_data(
                    record,
                    scores,
                    field="locator",
                    expected={
                        "volume": record.volume,
                        "issue": record.issue,
                        "pages": record.pages,
                        "article_number": record.article_number,
                    },
                    found={"volume": fields.volume, "issue": fields.issue, "pages": fields.pages},
                ),
            )
        )
    return findings


def integrity_findings(record: Record, scores: Mapping[str, float]) -> list[Finding]:
    findings: list[Finding] = []
    if record.is_notice:
        return findings  # citing a retraction or correction notice is what one should do
    retractions = record.retractions
    if record.retracted or retractions:
        notices = sorted({n.doi for n in retractions if n.doi})
        shown = ", ".join(f"`{d}`" for d in notices) or "none given"
        sources = sorted({n.source for n in retractions if n.source})
        findings.append(
            Finding(
                rule="retracted-work",
                message=f"The cited work `{record.doi}` is retracted (notice: {shown})",
                help="Cite the retraction notice too, or remove the citation",
                data=_data(record, scores, notices=notices, notice_sources=sources),
            )
        )
    corrections = record.corrections
    if corrections:
        kinds = sorted({n.kind.replace("_", " ") for n in corrections})
        notices = sorted({n.doi for n in corrections if n.doi})
        shown = ", ".join(f"`{d}`" for d in notices) or "no DOI given"
        what = " and ".join(kinds)
        article = "an" if what[:1] in "aeiou" else "a"
        findings.append(
            Finding(
                rule="work-has-correction",
                message=f"The cited work `{record.doi}` has {article} {what} ({shown})",
                help="Check whether the correction changes what the citation supports",
                data=_data(record, scores, notices=notices, kinds=kinds),
            )
        )
    return findings


# --------------------------------------------------------------------------- verdicts


def _failure_finding(failures: Sequence[Failure], doi: str | None) -> Finding:
    failure = failures[-1]
    what = {
        "timeout": "timed out",
        "connection": "could not connect",
        "http-status": f"answered HTTP `{failure.status}`",
        "rate-limited": "kept answering HTTP `429`",
        "budget-exhausted": "daily budget is exhausted",
        "truncated": "sent a truncated answer",
        "malformed-json": "sent malformed JSON",
        "host-down": "is not answering",
        "offline": "is not in the cache (offline)",
    }[failure.kind]
    host = _host_name(failure.url)
    subject = f"`{doi}`" if doi else "the reference"
    attempts = f" after `{failure.attempts}` attempts" if failure.attempts > 1 else ""
    return Finding(
        rule="lookup-failed",
        message=f"Registry lookup for {subject} failed: `{host}` {what}{attempts}",
        help="The reference is unverified, not wrong; run again later",
        data={
            "source": host,
            "doi": doi,
            "failures": [
                {
                    "kind": f.kind,
                    "message": f.message,
                    "url": f.url,
                    "status": f.status,
                    "attempts": f.attempts,
                }
                for f in failures
            ],
        },
    )


def _host_name(url: str) -> str:
    return urlsplit(url).netloc or url


def verify_record(
    fields: ReferenceFields,
    record: Record,
    *,
    extra: Sequence[Record] = (),
    aliases: Mapping[str, Sequence[str]] | None = None,
    doi: str | None = None,
    cached: bool = False,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Verification:
    """The verdict for a reference whose DOI resolved to ``record``."""
    merged = merge_status(record, extra)
    comparison = compare(fields, merged, aliases=aliases, thresholds=thresholds)
    findings = field_findings(fields, merged, comparison)
    findings += integrity_findings(merged, comparison.scores)
    mismatch = any(f.rule in METADATA_RULES for f in findings)
    return Verification(
        status="mismatch" if mismatch else "verified",
        source=merged.source,
        matched=merged,
        scores=comparison.scores,
        findings=tuple(findings),
        doi=doi or merged.doi,
        cached=cached,
    )


def _unresolvable(
    fields: ReferenceFields,
    candidates: Sequence[Record],
    aliases: Mapping[str, Sequence[str]] | None,
    sources: Sequence[str],
    cached: bool,
    thresholds: Thresholds,
) -> Verification:
    """CIT403 for a search with no confident match: the reference's title registered to
    a work that disagrees otherwise is named with what differs; else no registry knows
    the reference."""
    compared = sorted(
        ((record, compare(fields, record, aliases=aliases, thresholds=thresholds))
         for record in candidates),
        key=lambda item: _record_order(item[0]),
    )  # fmt: skip
    top = {id(record) for record in candidates[:SEARCH_ROWS]}
    best: tuple[Record, Comparison] | None = None
    for record, comparison in compared:
        if id(record) in top and (
            best is None or comparison.scores.get("match", 0.0) > best[1].scores.get("match", 0.0)
        ):
            best = record, comparison
    where = " or ".join(f"`{s}`" for s in sources)
    scores = dict(best[1].scores) if best else {}
    data: dict[str, Any] = {
        "sources": list(sources),
        "best_candidate": best[0].summary() if best else None,
        "scores": scores,
    }
    holders = _title_holders(fields, compared)
    if holders:
        record, comparison, differs = holders[0]
        exact = [(c.title or 0.0) >= 1.0 for _, c, _ in holders]
        if len(holders) > 1:
            which = (
                "this title" if all(exact)
                else "this or almost this title" if any(exact)
                else "almost this title"
            )  # fmt: skip
            who = f"`{len(holders)}` registered works have {which}; one of them, {_cite(record)},"
        elif exact[0]:
            who = f"the registered work of this title, {_cite(record)},"
        else:
            who = f"a registered work with almost this title, {_cite(record)},"
        message = f"No confident match in {where}: {who} has {_listed([t for _, t in differs])}"
        help_text = (
            "If that is the work meant, correct the reference from it; otherwise check "
            "that the work exists"
        )
        data["title_registered"] = {**record.summary(), "scores": dict(comparison.scores)}
        data["differs"] = [name for name, _ in differs]
    else:
        message = f"No registry knows this reference: no DOI and no confident match in {where}"
        help_text = "Check that the work exists; grey literature is often unregistered"
    finding = Finding(rule="unresolvable-reference", message=message, help=help_text, data=data)
    return Verification(
        status="unresolvable",
        source=sources[0] if sources else None,
        scores=scores,
        findings=(finding,),
        cached=cached,
    )


def _record_order(record: Record) -> tuple[object, ...]:
    """A fixed order of search hits, whatever order the registries gave them in: those
    with a DOI first, then Crossref's before OpenAlex's copy of one work, then by what
    the records say (OpenAlex lists one work twice without a DOI)."""
    return (
        record.doi is None,
        record.doi or "",
        record.source,
        record.full_title or "",
        record.year or 0,
        tuple(_name(a) for a in record.authors),
        record.container,
        (record.volume or "", record.issue or "", record.pages or ""),
        record.article_number or "",
        record.short_container,
        record.issns,
    )


# A registered title only says something when it is long enough to be one work's:
# "Introduction" or "Editorial board" is the title of thousands.
_TITLE_WORDS_OWN = 5


def _title_holders(
    fields: ReferenceFields, compared: Sequence[tuple[Record, Comparison]]
) -> list[tuple[Record, Comparison, list[tuple[str, str]]]]:
    """The registered works with the reference's own title (or almost), one per work,
    each with what it differs in (`_differences`),
    the closest first.  Empty when the title is short or generic, or when one of those
    works differs in nothing the message can name (another instalment within the year
    tolerance, say): then the message is not to name another in its place.  Notices
    about the work and recurring items are passed over."""
    title = fields.title or ""
    if len(norm_text(title).split()) < _TITLE_WORDS_OWN:
        return []
    found: list[tuple[Record, Comparison, list[tuple[str, str]]]] = []
    seen_dois: set[str] = set()
    seen_works: list[tuple[str, int | None, Record]] = []
    for record, comparison in compared:
        if comparison.title is None or (
            comparison.title < TITLE_SAME and comparison.title_swap is None
        ):
            continue
        if comparison.notice_mismatch or comparison.recurring:
            continue
        if _other_subtitle(title, record):
            continue
        # One work once: a copy without a DOI (OpenAlex's, say) of a work found with one,
        # of its title and a year within a year of it (or none), is the same work.
        work = (norm_title(record.full_title or ""), record.year)
        if record.doi in seen_dois or (record.doi is None and any(
            t == work[0] and (y is None or work[1] is None or abs(y - work[1]) <= 1)
            and _alike(record, other)
            for t, y, other in seen_works
        )):  # fmt: skip
            continue
        differs = _differences(record, comparison)
        if not differs:
            return []
        if record.doi:
            seen_dois.add(record.doi)
        seen_works.append((*work, record))
        found.append((record, comparison, differs))
    # The closest first: the best title, the fewest differences, the best match.
    found.sort(
        key=lambda item: (
            -(item[1].title or 0.0),
            len(item[2]),
            -item[1].scores.get("match", 0.0),
            _record_order(item[0]),
        )
    )
    return found


def _copy_of(copy: Record, work: Record) -> bool:
    """``copy`` is ``work`` listed again: its title, a year within one (or none), and
    nothing that contradicts it."""
    return (
        norm_title(copy.full_title or "") == norm_title(work.full_title or "")
        and (copy.year is None or work.year is None or abs(copy.year - work.year) <= 1)
        and _alike(copy, work)
    )


_REPOSITORY = re.compile(
    r"\b(?:pubmed central|europe pmc|arxiv|biorxiv|medrxiv|ssrn|zenodo|research square)\b",
    re.IGNORECASE,
)


def _alike(copy: Record, work: Record) -> bool:
    """Nothing in ``copy`` contradicts ``work``: first author and venue, where both give one."""
    if (
        copy.authors
        and work.authors
        and norm_text(copy.authors[0].family) != norm_text(work.authors[0].family)
    ):
        return False
    # A repository's copy names the repository as its venue; a conference paper and
    # its journal version, by the same authors under one title, are two works.
    if any(_REPOSITORY.search(name) for name in (*copy.container, *work.container)):
        return True
    return not (
        copy.container
        and work.container
        and venue_similarity(copy.container[0], list(work.container)) < VENUE_OTHER
    )


def _other_subtitle(title: str, record: Record) -> bool:
    """Main titles alike, subtitles not ("...: a randomized trial" / "...: a review");
    a subtitle one side leaves out is no other subtitle, nor a full stop inside the main
    title ("St. John's wort ...")."""
    full = record.full_title or ""
    if _main_title(title) is None or (_main_title(full) is None and not record.subtitle):
        return False
    ref, rec = norm_title(title), norm_title(full)
    if ref in _heads(full) or rec in _heads(title):
        return False
    return fuzz.ratio(ref, rec) < TITLE_SAME * 100


def _heads(text: str) -> set[str]:
    """Every main title ``text`` could have: what stands before each subtitle separator."""
    out: set[str] = set()
    for sep in (":", " - ", " — ", " – ", "? ", ". "):
        at = text.find(sep)
        while at != -1:
            out.add(norm_title(text[: at + (1 if sep == "? " else 0)]))
            at = text.find(sep, at + 1)
    return out


def _differences(record: Record, comparison: Comparison) -> list[tuple[str, str]]:
    """(field, text) for what a hit with the reference's title has otherwise: the
    registry's values, as the message gives them."""
    out = []
    if comparison.title_swap is not None:
        ours, theirs = (_short(word, 60) for word in comparison.title_swap)
        out.append(("title", f"`{theirs}` where the reference has `{ours}`"))
    authors = comparison.authors
    if authors is not None and not authors.first_agrees and record.authors:
        first = _name(record.authors[0])
        if authors.first_position is not None:
            out.append(("author_order", f"the authors in another order (`{first}` first)"))
        else:
            out.append(("first_author", f"first author `{first}`"))
    if comparison.year == 0.0 and record.year is not None:
        out.append(("year", f"year `{record.year}`"))
    venues = record.container or record.short_container
    if comparison.venue is not None and comparison.venue < VENUE_OTHER and venues:
        out.append(("venue", f"venue `{venues[0]}`"))
    # Locators that differ: another instalment of the work, or a locator slip.
    for name, value in (
        ("volume", record.volume),
        ("issue", record.issue),
        ("pages", record.pages or record.article_number),
    ):
        if value and any(problem.startswith(f"{name} ") for problem in comparison.locators):
            number = not record.pages or record.pages == record.article_number
            label = "article number" if name == "pages" and number else name
            out.append((name, f"{label} `{value}`"))
    return out


def _listed(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _cite(record: Record) -> str:
    doi = f", `{record.doi}`" if record.doi else ""
    return f"`{_short(record.full_title, 200)}` (`{record.year or 'n.d.'}`{doi})"


def verify_candidates(
    fields: ReferenceFields,
    candidates: Sequence[Record],
    *,
    aliases: Mapping[str, Sequence[str]] | None = None,
    sources: Sequence[str] = ("crossref",),
    cached: bool = False,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Verification:
    """The verdict for a reference without a DOI, from search candidates."""
    matches = confident_matches(fields, candidates, aliases, thresholds)
    if not matches:
        return _unresolvable(fields, candidates, aliases, sources, cached, thresholds)
    record, comparison = matches[0]
    findings = field_findings(fields, record, comparison)
    unique = len(matches) == 1
    if unique and record.doi:
        findings.insert(
            0,
            Finding(
                rule="missing-doi",
                message=f"No DOI given; the registry has a confident match: `{record.doi}`",
                help=f"Add `https://doi.org/{record.doi}` (match score "
                f"`{_fmt(comparison.scores.get('match'))}`)",
                data=_data(record, comparison.scores, doi=record.doi),
            ),
        )
    findings += integrity_findings(record, comparison.scores)
    mismatch = any(f.rule in METADATA_RULES for f in findings)
    return Verification(
        status="mismatch" if mismatch else "verified",
        source=record.source,
        matched=record,
        scores=comparison.scores,
        findings=tuple(findings),
        doi=record.doi,
        cached=cached,
    )


def finding_severity(finding: Finding, *, strict: bool = False) -> Severity:
    """The default severity of a finding's rule; ``--strict`` makes lookup failures errors."""
    if strict and finding.rule == "lookup-failed":
        return Severity.ERROR
    if finding.severity is not None:
        return finding.severity
    return BY_NAME[finding.rule].severity


def issn_aliases(records: Iterable[Record]) -> dict[str, list[str]]:
    """Every container name seen for each ISSN in a run (abbreviations included)."""
    names: dict[str, list[str]] = defaultdict(list)
    for record in records:
        for issn in record.issns:
            for name in record.container + record.short_container:
                if name not in names[issn]:
                    names[issn].append(name)
    return dict(names)


def verify_resolution(
    fields: ReferenceFields,
    resolution: Resolution,
    *,
    aliases: Mapping[str, Sequence[str]] | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Verification:
    """The verdict for one reference, from what the registries said (pure)."""
    status = resolution.status
    if status == "skipped":
        return Verification("skipped", reason=resolution.reason)
    offline = bool(resolution.failures) and all(f.kind == "offline" for f in resolution.failures)
    if resolution.kind == "doi":
        doi = resolution.doi
        if status == "found" and resolution.record is not None:
            verdict = verify_record(
                fields,
                resolution.record,
                extra=resolution.extra,
                aliases=aliases,
                doi=doi,
                cached=resolution.cached,
                thresholds=thresholds,
            )
            return _with_reason(verdict, resolution.reason)
        if status == "not-found":
            return Verification(
                "not-found",
                source="doi.org",
                doi=doi,
                cached=resolution.cached,
                findings=(
                    Finding(
                        rule="doi-not-found",
                        message=f"DOI `{doi}` is not registered: Crossref and doi.org do not "
                        "know it",
                        help=_not_found_help(doi),
                        data={"doi": doi, "sources": list(resolution.sources)},
                    ),
                ),
            )
        if status == "elsewhere":
            return Verification(
                "unverified",
                source="doi.org",
                doi=doi,
                reason=resolution.reason,
                cached=resolution.cached,
            )
        if offline:
            return Verification("skipped", doi=doi, reason="offline: not in the cache")
        return Verification(
            "unverified",
            doi=doi,
            reason=resolution.reason or "registry lookup failed",
            findings=(_failure_finding(resolution.failures, doi),),
        )
    if status == "candidates":
        return verify_candidates(
            fields,
            resolution.candidates,
            aliases=aliases,
            sources=resolution.sources,
            cached=resolution.cached,
            thresholds=thresholds,
        )
    if offline:
        return Verification("skipped", reason="offline: not in the cache")
    return Verification(
        "unverified",
        reason="registry search failed",
        findings=(_failure_finding(resolution.failures, None),),
    )


# arXiv registers one DOI per paper, not per version: "10.48550/arXiv.2204.02311".
# An identifier of arXiv's shape: "2204.02311" (a month 01-12) or "hep-th/9901001".
_ARXIV_VERSION = re.compile(
    r"(10\.48550/arxiv\.(?:\d\d(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7}))v\d+",
    re.IGNORECASE,
)


def _not_found_help(doi: str | None) -> str:
    versioned = _ARXIV_VERSION.fullmatch(doi or "")
    if versioned is not None:
        return (
            "arXiv's DOIs carry no version: if the preprint exists, its DOI is "
            f"`{versioned.group(1)}`"
        )
    return "Check the DOI for typos; a fabricated reference often has one that resolves nowhere"


def _with_reason(verdict: Verification, reason: str | None) -> Verification:
    return verdict if reason is None else replace(verdict, reason=reason)


def verify_references(
    refs: Sequence[ReferenceFields],
    settings: NetworkSettings,
    observer: ProgressObserver | None = None,
    *,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[Verification]:
    """Verify every reference of a run against the registries; one verdict per reference."""
    matcher = partial(confident_match, thresholds=thresholds)
    with Resolver(settings, matcher=matcher) as resolver:
        resolutions = resolver.resolve(refs, observer)
    return verify_all(refs, resolutions, thresholds=thresholds)


def verify_all(
    refs: Sequence[ReferenceFields],
    resolutions: Sequence[Resolution],
    *,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[Verification]:
    """Verdicts for resolved references, with the run's ISSN aliases for venues."""
    seen: list[Record] = []
    for resolution in resolutions:
        if resolution.record is not None:
            seen.append(resolution.record)
        seen.extend(resolution.extra)
    aliases = issn_aliases(seen)
    return [
        verify_resolution(fields, resolution, aliases=aliases, thresholds=thresholds)
        for fields, resolution in zip(refs, resolutions, strict=True)
    ]
