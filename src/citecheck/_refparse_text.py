"""Vocabulary and text helpers shared by the steps of `citecheck.refparse`.

Patterns are written with placeholders (``<YEAR>``, ``<MONTH>`` ...) and built by
`rx`, so that the regular expressions stay readable.  None of them nests
quantifiers over characters that overlap, so matching stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLACEHOLDERS = {
    "<YEAR>": r"(?:1[5-9]\d{2}|20\d{2})",
    "<MONTH>": (
        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
        r"|Spring|Summer|Fall|Autumn|Winter)[a-z]{0,6}\.?"
    ),
    # A month's name as a whole word ("Mar." or "March", never "Marketing").
    "<MONTHNAME>": (
        r"(?<![^\W\d_])(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
        r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
        r"(?:\.|(?![^\W\d_]))"
    ),
    # "n.d."; Spanish "s.f."; French, Italian and Portuguese "s.d."; German "o. J.".
    "<NODATE>": r"n\.\s?d\.?|s\.\s?[fd]\.|o\.\s?J\.",
    # ... and in Italian, Spanish, French, German and Portuguese.
    "<INPRESS>": (
        r"[Ii]n\s+[Pp]ress|[Ff]orthcoming|[Ii]n\s+[Pp]rint|[Ii]n corso di stampa|[Ee]n prensa"
        r"|[Ss]ous presse|[Ii]m [Dd]ruck|[Nn]o prelo"
    ),
    "<PAGE>": r"[A-Za-z]{0,4}\d+[A-Za-z]?",
    "<DASH>": r"\s*[-–—‐‑−]{1,2}\s*",
}


def rx(template: str) -> re.Pattern[str]:
    """Compile ``template`` with its placeholders filled in."""
    for name, pattern in _PLACEHOLDERS.items():
        template = template.replace(name, pattern)
    return re.compile(template)


STRIP = " \t.,;:/-–—"
"""Punctuation that surrounds a field and belongs to none."""

YEAR_TOKEN = rx(r"<YEAR>")
ANY_YEAR = rx(r"(?<![\w/.])(<YEAR>)([a-z])?(?![\w/])")
_MONTH_DAY = rx(r"<MONTH>(?:\s+\d{1,2})?(?:,?\s+<YEAR>)?|\d{1,2}\s+<MONTH>(?:\s+<YEAR>)?")

PUBLISHER_WORDS = rx(
    r"\b(?:Press|Publish\w*|Verlag|Books|Wiley|Springer|Elsevier|Routledge|Sage|SAGE|Norton"
    r"|Macmillan|Penguin|Harper\w*|Random House|Inc|Ltd|LLC|Company|[ÉE]ditions?|Gallimard"
    r"|Kluwer|Blackwell|McGraw|Prentice|Addison|Pearson|CRC|Taylor|Thieme|Karger|Lippincott"
    r"|Saunders|Mosby|Guilford|Erlbaum|Jossey|Hogrefe|Academic|Cengage|Dekker|Pergamon)\b"
    r"|\bCo\.(?!\w)"
)
_INSTITUTION_WORDS = rx(
    r"\b(?:University|Universit[éäà]t?|Department|Institute|Laboratory|School|College"
    r"|Center|Centre)\b"
)
JOURNAL_WORDS = rx(
    r"\b(?:Journal|J|Review|Rev|Proceedings|Proc|Bulletin|Bull|Annals|Ann|Letters|Lett"
    r"|Transactions|Trans|Quarterly|Magazine|Acta|Archives|Arch|Research|Res|Reports|Rep"
    r"|Science|Sci|Nature|Medicine|Med|Zeitschrift|Revista|Revue|Rivista|Studies|Forum)\b"
)
# What follows a title but is no container: theses, reports, editors, editions.
NOT_CONTAINER = rx(
    r"\b(?:[Tt]hesis|[Dd]issertation|Diss\.|PhD|Ph\.D|[Mm]aster'?s|[Rr]eport|[Uu]npublished"
    r"|[Mm]anuscript|[Pp]reprint|[Tt]h[eè]se|[Mm][ée]moire|Doctoral|[Ee]dited by|[Tt]ranslated"
    r"|[Ee]d\.|[Ee]dn\.?|[Ee]dition|[Cc]ited)\b"
)
# "New York: Penguin", "Grand Rapids, Mich.: Baker", "[Paris]: Pocket".
PLACE_PUBLISHER = rx(
    r"^\[?[^\W\d_][\w.'-]*(?:\s[^\W\d_][\w.'-]*){0,2}\]?(?:,\s*[^\W\d_][\w.]{1,20})?\s*:\s*\S"
)


# A place, a colon and a short publisher name, and nothing else.
_PLACE_COLON_PUBLISHER = rx(
    r"\[?[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2}\]?(?:,\s*[A-Z][\w.]{1,12})?\s*:\s*"
    r"[A-Z][\w.&'-]*(?:\s[A-Z&][\w.&'-]*){0,3}"
)


@dataclass(slots=True)
class Draft:
    """The fields as they are found, before they are frozen into `ReferenceFields`."""

    year: str | None = None
    year_suffix: str | None = None
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    quoted: bool = False
    """The title was in quotation marks (MLA, Chicago, IEEE, Harvard)."""
    run_on: bool = False
    """IOP style: "Author A 2010 Title in sentence case Journal Abbrev. 12 345"."""

    def set_year(self, year: str, suffix: str | None = None) -> None:
        """The first year found wins."""
        if self.year is None:
            self.year = year
            self.year_suffix = suffix or None


# -- sentence ends ---------------------------------------------------------------------

# A period, question or exclamation mark before white space (or glued to a capital
# after a lower-case word, as PDF extraction leaves it: "functions.Cambridge").  Both
# alternatives read the mark first, so the regex engine skips straight to the marks.
_END_CANDIDATE = re.compile(r"[.?!](?:[.?!]{0,2}[\"'”’»]?(?=\s|$)|(?<=[a-z]{3}\.)(?=[A-Z][a-z]))")
_WORD_BEFORE = re.compile(r"(\S{1,30})$")
_LETTER_AFTER_A_WORD = re.compile(r"(?<![\w.])[a-z]{4,} [A-Z]\.$")
_NEXT_TOKEN = re.compile(r"\s*(\S{1,12})")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]{1,12})(\.?)")
_ABBREVIATIONS = frozenset(
    """vs v e.g i.e cf al dr mr mrs ms st no nos vol vols pp ca approx fig figs eq eqs jr sr
    inc ltd co corp dept univ ed eds edn rev spp sp var subsp ser suppl ch chap sect
    phys lett j chem soc am proc natl acad sci biol med res int eur nucl astrophys astron
    appl math mol clin ann trans comput eng mech opt mater inst phil mag geophys neurosci
    psychol physiol pharmacol immunol microbiol genet biochem biophys bull commun rep nat
    acta z zh eksp teor subg fiz nauk ber bot zool ecol evol environ geol agric vet dent surg
    conf symp meth stat theor gen exp lab sov jpn jap can aust br brit engl natl assoc
    pract psychiatr neurol oncol cardiol gastroenterol pediatr obstet gynecol nutr epidemiol
    dis infect urol radiol endocrinol metab ophthalmol dermatol anesth hematol nephrol
    mt ft pt dtsch ges wiss zool physik chim anal electrochem polym sol crystallogr
    transform geom topol funct comm pure differ equ equat dynam sys th ergod probab combin
    arith publ lond roy acc ind trav bol rend mem mitt jahrb verh abh sitzungsber""".split()
)
# Abbreviations that open a new field rather than continue a journal's name.
_FIELD_WORDS = frozenset({"Diss", "Ed", "Eds", "Vol", "No", "Print", "Web", "Trans", "Repr"})


def sentence_end(text: str) -> tuple[int, int] | None:
    """(end of the first real sentence, start of the next), skipping abbreviations.

    A question or exclamation mark stays with its sentence ("... or activation?").
    """
    for m in _END_CANDIDATE.finditer(text):
        i = m.start()
        if text.count("(", 0, i) > text.count(")", 0, i):
            continue  # "Moonworts (Botrychium subg. Botrychium) of ..."
        follow = _NEXT_TOKEN.match(text, m.end())
        nxt = follow.group(1) if follow else ""
        if nxt and text[i] == "." and not _period_ends_sentence(text, i, nxt):
            continue
        if nxt and text[i] in "?!" and nxt[0].islower():
            continue
        return (i + 1 if text[i] in "?!" else i), m.end()
    return None


def _period_ends_sentence(text: str, i: int, nxt: str) -> bool:
    """Whether the period at ``i``, followed by the token ``nxt``, ends a sentence."""
    word_match = _WORD_BEFORE.search(text, max(0, i - 30), i)
    bare = (word_match.group(1) if word_match else "").lstrip("([\"'“‘").lower()
    if bare.endswith((")", "]")):
        bare = ""  # "(3rd ed.). Publisher": a closed bracket ends the sentence
    elif len(bare) == 1 and bare.isalpha():
        # An initial or "E. coli"; but "vitamin D. BMJ", "hepatitis C. N Engl J Med"
        # end a title: a capital after a lower-case word, before a capital.
        # Not IOP's run-on "... minimal models J. Stat. Mech": "J." abbreviates there
        # ("hepatitis C. J Hepatol" ends).
        return (
            _LETTER_AFTER_A_WORD.search(text, max(0, i - 30), i + 1) is not None
            and nxt[0].isupper()
            and not (bare in ("j", "z") and nxt.rstrip(".").lower() in _ABBREVIATIONS)
        )
    if bare and ("." in bare or bare in _ABBREVIATIONS):
        return False  # "U.S.", "e.g.", "Phys."
    if nxt[0].isdigit():
        # "Nano Lett. 10, 1012" goes on; "An introduction. 3rd ed." and
        # "The Archaeology of Knowledge. 1969. Trans. ..." end.
        year_then_stop = YEAR_TOKEN.fullmatch(nxt[:4]) is not None and nxt[4:5] in (".", ",")
        return nxt[-1:].isalpha() or year_then_stop
    if text.startswith(("in ", "in:", "In:"), i + 2):
        return True  # "Hedonic adaptation. in D. Kahneman (Eds.), ..."
    if bare and _in_abbreviation_chain(text, i, bare):
        return False  # "Acc. Chem. Res.", "IEEE Trans. Electr. Dev."
    # "eLife", "mBio", "iScience", "arXiv", "bioRxiv" start in lower case and still
    # start a journal or a server.
    return not (nxt[0].islower() and not any(c.isupper() for c in nxt[1:]))


def _in_abbreviation_chain(text: str, i: int, word: str) -> bool:
    """A short capitalised word whose neighbour is also abbreviated: "Acc. Chem.".
    A journal's abbreviations are cut after a consonant (ISO 4), so a word ending in a
    vowel is whole: "Salt in Ohio. Lancet." ends a title."""
    if not (2 <= len(word) <= 5 and word[0].isalpha() and text[i - len(word)].isupper()):
        return False
    if word[-1] in "aeio":  # not "u": "Annu. Rev."
        return False
    nxt = _NEXT_WORD.match(text, i + 1)
    if (
        nxt is not None
        and nxt.group(2)
        and 2 <= len(nxt.group(1)) <= 6
        and nxt.group(1)[0].isupper()
        and nxt.group(1) not in _FIELD_WORDS
    ):
        return True
    before = text[max(0, i - len(word) - 2) : i - len(word)]
    return before.endswith(". ") and len(text[: i - len(word)].rstrip().split(" ")[-1]) <= 7


# -- segments and what they look like --------------------------------------------------


def split_commas(text: str) -> list[str]:
    """Comma-separated segments, ignoring commas inside brackets."""
    segments: list[str] = []
    depth = 0
    start = 0
    for k, c in enumerate(text):
        if c in "([":
            depth += 1
        elif c in ")]" and depth:
            depth -= 1
        elif c == "," and not depth:
            segments.append(text[start:k])
            start = k + 1
    segments.append(text[start:])
    return [seg.strip(STRIP) for seg in segments if seg.strip(STRIP)]


def looks_like_abbreviated_journal(text: str) -> bool:
    """ "Phys. Rev. D", "J. Am. Chem. Soc.", "ApJ": short, dotted abbreviations."""
    words = text.split()
    if not words or len(words) > 8:
        return False
    dotted = sum(1 for w in words if w.endswith(".") or "." in w[1:-1])
    return dotted * 2 >= len(words) or (len(words) == 1 and len(words[0]) <= 12)


def looks_like_journal(text: str) -> bool:
    return looks_like_abbreviated_journal(text) or (
        bool(JOURNAL_WORDS.search(text)) and len(text.split()) <= 8
    )


def is_publication_fact(segment: str, *, book: bool) -> bool:
    """A year, a publisher or (in a book) a place, trailing the title."""
    if YEAR_TOKEN.fullmatch(segment.strip("()[]")) or PUBLISHER_WORDS.search(segment):
        return True
    if len(segment.split()) <= 4 and YEAR_TOKEN.fullmatch(segment[-4:]):
        return True
    if NOT_CONTAINER.search(segment) or _MONTH_DAY.fullmatch(segment):
        return True
    if _PLACE_COLON_PUBLISHER.fullmatch(segment.strip()):
        return True  # "Grand Rapids: Baker", "New York: Norton" after a title
    if not book:
        return False
    if _INSTITUTION_WORDS.search(segment):
        return True
    words = segment.split()
    return (
        len(words) <= 2
        and all(w[:1].isupper() for w in words)
        and not JOURNAL_WORDS.search(segment)
    )
