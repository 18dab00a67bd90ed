"""The author list at the head of a reference string.

Three shapes of personal name are read, each on its own:

* inverted, "Family, Given": ``Duman, R. S.``, ``Duman, Ronald S.``, ``Merlo Pich, E.``
* Vancouver, "Family INITIALS": ``Zarate CA Jr``, ``de la Macorra JC``, ``Coubes P.``
* given first, "Given Family": ``R. S. Duman``, ``George K. Aghajanian``

A list is a run of names joined by ",", ";", "and", "&" ..., cut short by "et al."
or an ellipsis, and ended by anything that is not a name (".", "(", a year, a
title).  Every name must be followed by such a boundary, which is what keeps a
title-cased title ("Brain Plasticity and ...") from being read as names.  The first
name fixes the list's style: Vancouver lists stay Vancouver, inverted lists may go on
given-first (Chicago, MLA: "Duman, Ronald S., and George K. Aghajanian").

Group authors ("World Health Organization") are recognised by an organisation word
in the first segment, names in scripts without case ("이장원, 오춘희") by their script.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from citecheck.bodywords import (
    BODY_NOUNS,
    LOWER_BODY_WORDS,
    OFFICE_NOUNS,
    ROMANCE_BODY_HEADS,
    SITE_NAME,
    names_a_crew,
    species_epithet,
)
from citecheck.model import Author
from citecheck.names import IRISH_MUTATED, IRISH_OPENERS, SAINTS, SURNAME_PARTICLES
from citecheck.places import PLACE_NAMES

# One token: a word (letters with inner apostrophes or hyphens), a number, an
# ellipsis, or one other visible character.  The alternatives consume distinct
# characters, so matching is linear.
_TOKEN = re.compile(r"([^\W\d_]+(?:['’‘`´\-‐‑][^\W\d_]+)*)|(\d+)|(\.\s?\.\s?\.|…)|(\S)")
_KINDS = ("", "w", "n", "e", "p")  # padding, word, number, ellipsis, punctuation
_PAD = 4
"""Sentinel tokens after the last one, so that look-ahead needs no bounds checks."""
# The full stop of "St." opening a surname (`SAINTS`): at a name's start, before a
# capitalised word.
_SAINT = re.compile(rf"(?:^|(?<=[,;&]\s)|(?<=\band\s))({'|'.join(sorted(SAINTS))})\.(?=\s?[A-Z])")
_SAINT_AHEAD = 2
"""Characters `_SAINT` looks at past the full stop."""
_ARTICLE_T = re.compile(r"(?:(?<=\bvan )|(?<=\bin ))['’](?=t [A-Z])")
"""The apostrophe of Dutch "'t" (het) in a surname, blanked so that "t" is a word."""

_PARTICLES = SURNAME_PARTICLES | {
    # "García y Pérez", "do Carmo", "San Martín" (not in prose's list: "How do Smith and
    # Jones (2019) ...").
    "y", "do", "st", "san",
    # Irish, capitalised as written: "Ó Murchú", "Ní Bhriain"; not "Mac" ("H. Mac"),
    # "Nic" ("Nic Timpson, George Davey Smith") or "Ua" ("Smith, J., Ua, K.").
    "Ó", "Ní", "Uí", "Mhic",
    # "Ibn Khaldun": never a given name alone.
    "Ibn",
}  # fmt: skip
_SUFFIXES = frozenset({"Jr", "Sr", "Jnr", "Snr", "II", "III", "IV", "JR", "SR"})
# "and" in the languages of the corpora: "et", "und", "y", "e", "en", "a", "i", "och", "og";
# and in Finnish and Estonian, Turkish, Hungarian, Romanian and Russian.
_CONNECTORS = frozenset(
    {"and", "und", "et", "y", "&", "AND", "And", "e", "en", "a", "i", "och", "og", "ja", "ve",
     "és", "și", "и"}
)  # fmt: skip
_TERMINATORS = frozenset(".:()[]\"“”‘’'«»„/=")
_QUOTES = ('"', "“", "«", "'", "‘", "„")
# Words of health publishers that name no body ("Mayo Clinic", "Harvard Health
# Publishing", "Johns Hopkins Medicine", "Alzheimer's Disease International").  Journal
# names have them too ("Kidney International", "British Journal of Cancer (2004) 90,"),
# so they make a group author only before a date and a title (`_dated_title`).
# A local government's name opens with these and "of" ("City of Reading. (2018a).",
# "County of Los Angeles"); anywhere else they end places ("in New York City").
_LOCAL_GOVERNMENT = frozenset({"City", "County", "Borough", "Municipality", "Town"})
_PUBLISHER_WORDS = frozenset(
    {
        "Clinic", "Clinics", "Hospital", "Hospitals", "Institutes", "Publishing", "Medicine",
        "Health", "Healthcare", "International", "Diabetes", "Cancer", "Disease", "Diseases",
    }
)  # fmt: skip
_TITLES_SUBJECTS = frozenset({"School", "Universities", "Library", "Museum"})
# The body's nouns every reader knows (`bodywords`), less the publishers' words above
# and the ones titles use of their subjects as often ("Middle School Students'", "The
# Journal of China Universities of ...", "Index-Catalogue of the Surgeon-General's
# Library"); with the words of those who sign a work together: "... Trialists", "The
# Editors of".
_ORG_WORDS = (BODY_NOUNS - _PUBLISHER_WORDS - _TITLES_SUBJECTS) | frozenset(
    {
        "Collaborators", "Collaborative", "Cooperative", "Investigators", "Trialists",
        "Writing", "Working", "Study", "Statistics", "Nations", "Party", "Force",
        "Taskforce", "Inc", "Ltd", "Agence", "Gesellschaft", "Institut", "Conservancy",
        "Campaign", "Banco", "Ajuntament", "Ayuntamiento", "Prefeitura", "Generalitat",
        "Gobierno", "Governo", "Gouvernement", "Bundesanstalt", "Bundesinstitut",
        # A journal's editors signing as a body: "The Editors of The Lancet".
        "Editors", "Staff", "Contributors", "Santé", "Collection",
    }
) | ROMANCE_BODY_HEADS  # fmt: skip
# An office that signs its reports, a body's word after the words that name the office
# ("Chief Medical Officer", "U.S. Surgeon General", "Children's Commissioner for
# England"), a surname first ("Officer K. (2019).", "Surgeon CJ.").
_OFFICE_WORDS = OFFICE_NOUNS | {"Surgeon"}


def _names_more(word: str) -> bool:
    """Whether a word after an office word goes on with the office's name ("for",
    "General", "Western"), not a person's initials ("K", "CJ")."""
    return word in _ORG_GLUE or (word[:1].isupper() and len(word) > 2 and not word.isupper())


_JOURNAL_NAME_WORDS = frozenset(
    {"Journal", "Journals", "Review", "Reviews", "Letters", "Annals", "Archives", "Bulletin"}
)
# Country codes that end a body's name ("Diabetes UK"), not a person's initials.
_COUNTRY_CODES = frozenset({"UK", "US", "USA", "EU", "UN"})
_ORG_GLUE = frozenset(
    {
        "of", "for", "and", "on", "the", "in", "to", "de", "des", "du", "für", "der", "la",
        "et", "und", "zur", "zum",
        # "Ministério da Saúde", "Instituto Brasileiro de Geografia e Estatística",
        # "Secretaría de Salud y Bienestar", "Istituto Superiore di Sanità".
        "da", "das", "do", "dos", "del", "e", "y", "el", "los", "las", "di", "della",
    }
)  # fmt: skip
# Capitalised words that start titles, never names.
_NOT_NAMES = frozenset(
    {
        "The", "A", "An", "On", "In", "Of", "For", "To", "From", "With", "Die", "Ein",
        "Eine", "Il", "Un", "Une", "Los", "Las", "How", "What", "Why", "When", "Where", "Is",
        "Are", "Do", "Does", "Can", "Toward", "Towards", "Beyond", "Between", "Under", "Über",
        "Zur", "Zum", "Sur", "Et", "This", "These", "Using", "Effect", "Effects",
        "Proceedings", "Journal", "Vol", "Volume", "See", "Ibid", "Id", "Cf",
    }
)  # fmt: skip
# Journal abbreviations that look like a surname after an initial: "J. Phys.", "J. Chem.".
_JOURNAL_WORDS = frozenset(
    {
        "Phys", "Chem", "Lett", "Rev", "Soc", "Sci", "Biol", "Med", "Res", "Math", "Proc",
        "Acad", "Natl", "Appl", "Astron", "Astrophys", "Nucl", "Mol", "Opt", "Mater", "Ann",
        "Geophys", "Eng", "Comput", "Neurosci", "Theor", "Stat", "Mech", "Inst", "Trans",
        "Bull", "Commun", "Rep", "Immunol", "Microbiol", "Pharmacol", "Physiol", "Psychol",
        "Cell", "Exp", "Clin", "Biochem", "Biophys", "Genet", "Econ", "Polym", "Catal",
    }
)  # fmt: skip
_MONTHS = frozenset(
    "Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March April"
    " June July August September October November December".split()
)
_CASELESS_SEPARATORS = frozenset({",", "、", "，", ";", "·", "・"})
_MAX_AUTHORS = 300
_FIRST_PASS = 160
"""Characters tokenized at first: enough for most author lists, and cheap."""


@dataclass(frozen=True, slots=True)
class AuthorList:
    authors: tuple[Author, ...]
    truncated: bool
    end: int
    """Offset just after the last character of the list (0 when there is none)."""


_NONE = AuthorList((), False, 0)


class _Name(NamedTuple):
    end: int
    """Token index after the name."""
    author: Author
    initials: bool
    """The given names include an initial ("David A. Wood")."""
    only_initials: bool
    """The given names are initials only ("S. E. Han"): the list's habit for the rest."""


def parse_authors(text: str, *, web: bool = False) -> AuthorList:
    """The author list at the start of ``text`` (may be empty).  ``web``: the entry
    names a web page (a URL, "[Internet]"), whose author is often a body."""
    domain = _DOMAIN_AUTHOR.match(text)
    if domain is not None:
        return AuthorList((Author(family=domain.group(1), group=True),), False, domain.end(1))
    limit = _FIRST_PASS
    while True:
        toks = _Tokens(text, limit, web)
        found = _scan(toks)
        # Read again with more text only when the list may run past the first pass.
        if limit >= len(text) or toks.n < 8 or found.end < toks.starts[toks.n - 8]:
            return found
        limit *= 4


# A site that signs its data or pages by its address: "GBIF.org. (2024, January 15).",
# "Healthline.com. (2023)."
_DOMAIN_AUTHOR = re.compile(rf"\s*({SITE_NAME})\.?\s*(?=\(|\d)")


_GLUED_PARTICLE = re.compile(r"(?:de|van|von|da|di|du|la|le|del|der|den)[A-Z][a-z]")


def _is_capitalised(word: str) -> bool:
    """Starts with a capital, is caseless (CJK), or is "d'Alembert"/"al-Hakim"/"tSaoi"/
    "deWaard"/"vanDyke" (a particle glued to the surname's capital)."""
    first = word[0]
    if first.isupper() or not first.islower() or IRISH_MUTATED.fullmatch(word):
        return True
    if _GLUED_PARTICLE.match(word):
        return True
    head, sep, tail = word.partition("'")
    if not sep:
        head, sep, tail = word.partition("-")
    return bool(sep) and len(head) <= 4 and tail[:1].isupper()  # "dell'Acqua"


def _has_lower(word: str) -> bool:
    return word != word.upper()


def _is_caseless(word: str) -> bool:
    return word.upper() == word.lower()


class _Tokens:
    """The tokens of the head of a reference, as parallel lists, and what they are."""

    def __init__(self, text: str, limit: int, web: bool = False) -> None:
        self.text = text
        self.web = web
        # "St. Pierre, M." is one surname: read as "St Pierre", written as listed.  Only
        # the head the tokens are read from is rewritten.
        head = _SAINT.sub(r"\1 ", text[: limit + _SAINT_AHEAD])
        # "van 't Hoff", "in 't Veld": the article's "t" read as a particle.
        if "'t " in head or "’t " in head:  # most heads hold no "'t": test cheaply first
            head = _ARTICLE_T.sub(" ", head)
        found = list(_TOKEN.finditer(head, 0, limit))
        self.n = len(found)
        end = found[-1].end() if found else 0
        pad = [""] * _PAD
        self.words = [m.group() for m in found] + pad
        self.kinds = [_KINDS[m.lastindex or 4] for m in found] + pad
        self.starts = [m.start() for m in found] + [end] * _PAD
        self.ends = [m.end() for m in found] + [end] * _PAD

    def span(self, i: int, j: int) -> str:
        """The text of tokens ``i`` to ``j - 1`` as written."""
        return self.text[self.starts[i] : self.ends[j - 1]]

    # -- what a token is -------------------------------------------------------------

    def glued_dot(self, i: int) -> bool:
        """Token ``i`` is directly followed by a period ("R." in "R. S.")."""
        return self.words[i + 1] == "." and self.starts[i + 1] == self.ends[i]

    def is_word(self, i: int) -> bool:
        return self.kinds[i] == "w"

    def is_particle(self, i: int) -> bool:
        word = self.words[i]
        if word == "t":  # "van 't Hoff" (`_ARTICLE_T`)
            return self.words[i - 1] in ("van", "in") and self.starts[i] == self.ends[i - 1] + 2
        if word == "in":
            return self.words[i + 1] == "t" and self.starts[i + 1] == self.ends[i] + 2
        if word in ("an", "na"):
            return self.words[i - 1] in IRISH_OPENERS and _is_capitalised(self.words[i + 1])
        return word in _PARTICLES and self.kinds[i] == "w"

    def is_dotted_initial(self, i: int, *, two_capitals: bool = True) -> bool:
        """ "R.", "Ch.", "Yu." and, unless excluded, "YA." ("JH." after a Vancouver
        surname is initials and a full stop)."""
        word = self.words[i]
        if not (0 < len(word) <= 2 and word[0].isupper() and self.kinds[i] == "w"):
            return False
        return (len(word) == 1 or two_capitals or word[1].islower()) and self.glued_dot(i)

    def is_plain_initials(self, i: int) -> bool:
        """Vancouver initials: "CA", "JJ", "R" (capitals, no periods)."""
        if self.kinds[i] != "w":
            return False
        letters = self.words[i].replace("-", "").replace("‐", "")
        return 1 <= len(letters) <= 4 and letters.isupper()

    def is_family_word(self, i: int) -> bool:
        if self.kinds[i] != "w":
            return False
        word = self.words[i]
        if word in _CONNECTORS or word in _SUFFIXES or word in _NOT_NAMES:
            return False
        if word in _JOURNAL_WORDS and self.glued_dot(i):
            return False
        if not _is_capitalised(word):
            return False
        if _has_lower(word) or _is_caseless(word):
            return True
        # An all-capitals surname ("PEDERSEN"), but not initials ("R.", "GK.").
        return len(word) >= 3 or (len(word) == 2 and not self.glued_dot(i))

    def is_given_word(self, i: int, *, dot_ok: bool = False) -> bool:
        """A written-out given name: "Ronald", "Jean-Paul" (never "Phys." or "The")."""
        word = self.words[i]
        if self.kinds[i] != "w" or not word[0].isupper():
            return False
        if word in _CONNECTORS or word in _SUFFIXES or word in _NOT_NAMES:
            return False
        return _has_lower(word) and (dot_ok or not self.glued_dot(i))

    def is_all_caps(self, i: int) -> bool:
        """ "LORDON", "RIDLEY": a surname in capitals, French and Spanish style."""
        return self.kinds[i] == "w" and len(self.words[i]) >= 2 and self.words[i].isupper()

    # -- pieces of a name --------------------------------------------------------------

    def dotted_initials(self, i: int) -> int:
        """ "R." / "R. S." / "R.S." / "J.-P." / "Yu." -> index after them, or -1."""
        j = i
        count = 0
        while count < 6 and self.is_dotted_initial(j):
            j += 2
            count += 1
            if self.words[j] in ("-", "‐") and self.is_dotted_initial(j + 1):
                j += 1
        return j if count else -1

    def has_initial(self, i: int, j: int) -> bool:
        return any(self.is_dotted_initial(k) or self.is_plain_initials(k) for k in range(i, j))

    def given_ends(self, i: int, *, all_caps: bool) -> list[int]:
        """Given names and initials after "Family,": the index after each item."""
        ends: list[int] = []
        j = i
        initial = False
        while len(ends) < 4 and j < self.n:
            after = self.dotted_initials(j)
            if after > 0:
                j = after
                initial = True
            elif self.is_plain_initials(j) and len(self.words[j]) <= 3:
                j += 1
                initial = True
            elif not initial and self.is_given_word(j, dot_ok=True):
                j += 1  # "Ronald", but not "Nonlinear" in "Daum, F. Nonlinear Filters"
            elif initial and len(ends) == 1 and self._middle_name(j):
                j += 1  # "Bland, J. Martin, and Douglas G. Altman"
            elif not initial and all_caps and self.is_all_caps(j):
                j += 1  # "RIDLEY, FRANK"
            elif ends and self.is_particle(j):
                j += 1  # "Costa, Fernando José da"
            else:
                break
            ends.append(j)
        return ends

    def _middle_name(self, j: int) -> bool:
        """A given name written out after one initial, as Chicago lists "Welch, H.
        Gilbert. 2015.", "Bland, J. Martin, and Douglas G. Altman. 1995." and
        "Choudhury, G. Sayeed, Cynthia Requardt, ...": the date follows, or "and" and
        one more name in capitals the date follows, or a name written out given name
        first.  Not a title's first word ("Daum, F. Nonlinear Filters", "Williams, R.
        Culture, Society and the Media.", "Gaskell, E. Ruth, and Other Tales. London",
        "Jones, R. Florence, and the Making of ...")."""
        if not self.is_given_word(j, dot_ok=True):
            return False
        follow = self.words[j + 1]
        if follow == ".":
            return _is_year(self, j + 2)
        if follow != ",":
            return False
        after = j + 2
        if self.words[after] not in ("and", "&"):
            nxt = after + 1
            return self.is_given_word(after) and (
                self.is_given_word(nxt) or self.is_dotted_initial(nxt)
            )
        k = after + 1
        while k < self.n and k - after <= 7:
            if self.words[k] == "." and _is_year(self, k + 1):
                return True
            if not (
                self.is_given_word(k, dot_ok=True)
                or self.words[k] == "."
                or self.is_dotted_initial(k)
            ):
                return False
            k += 1
        return False

    def suffix(self, i: int) -> tuple[int, str | None]:
        """An optional ", Jr." after a name: (index after it, the suffix)."""
        j = i + 1 if self.words[i] == "," else i
        if self.kinds[j] == "w" and self.words[j] in _SUFFIXES:
            if self.glued_dot(j):
                return j + 2, self.words[j] + "."
            return j + 1, self.words[j]
        return i, None

    # -- where a name may end --------------------------------------------------------------

    def boundary_ok(self, j: int) -> bool:
        """A name may end here: the list goes on or ends, but no word follows directly."""
        word = self.words[j]
        if j >= self.n or word in (",", ";", "&") or word in _TERMINATORS:
            return True
        if self.kinds[j] in ("n", "e") or word in _CONNECTORS:
            return True
        # A name that ended with an initial's period may be followed by anything.
        return self.words[j - 1] == "."

    def separator(self, j: int) -> tuple[int, bool]:
        """Skip a separator: (index of the next name or -1, the list is cut short here)."""
        k = j
        while k - j < 2 and self.words[k] in (",", ";"):  # "Kugeler KJ,, Gurfield N"
            k += 1
        if k >= self.n:
            return -1, False
        if (self.words[k] == "et" and self.words[k + 1] in ("al", "alii")) or self.kinds[k] == "e":
            return -1, True
        if self.words[k] in _CONNECTORS:
            k += 1
        elif k == j:
            return -1, False
        return (k if k < self.n else -1), False

    def truncation_end(self, j: int) -> int:
        """Index after "et al." / "…" / "and others" at ``j`` (after a separator), or -1."""
        k = j + 1 if self.words[j] in (",", ";") else j
        word = self.words[k]
        if word == "et" and self.words[k + 1] in ("al", "alii"):
            return k + 3 if self.words[k + 2] == "." else k + 2
        if word == "etal":
            return k + 2 if self.words[k + 1] == "." else k + 1
        if self.kinds[k] == "e":
            return k + 1
        if word == "and" and self.words[k + 1] == "others":
            return k + 2
        return -1


# -- the three shapes of a name --------------------------------------------------------


def _inverted(t: _Tokens, i: int) -> _Name | None:
    """ "Duman, R. S." / "Duman, Ronald S." / "Merlo Pich, E." / "Zarate, C. A., Jr." """
    j = i
    while j < t.n and j - i < 4 and (t.is_particle(j) or t.is_family_word(j)):
        j += 1
    if j == i and _short_surname(t, i):
        j = i + 1
    if j == i or t.is_particle(j - 1):
        return None
    if t.words[j] == "(":
        return _bracketed_given(t, i, j)
    if t.words[j] != ",":
        return None
    compound = j - i >= 2 and sum(1 for k in range(i, j) if not t.is_particle(k)) >= 2
    # The longest run of given names that a name boundary follows.
    for given_end in reversed(t.given_ends(j + 1, all_caps=t.is_all_caps(i))):
        if (
            compound
            and not t.has_initial(j + 1, given_end)
            and not _double_surname_first(t, i, j, given_end)
            # A particle after the given names is written so only in an inverted name:
            # "La Mettrie, Julien Offray de."
            and not (given_end > j + 2 and t.is_particle(given_end - 1))
        ):
            continue  # "Aditya Khosla, Nityananda Jayadevaprakash" are two names
        if compound and _given_first_continues(t, j + 1, given_end):
            return None  # ACM: "Viswanath Venkatesh, Michael G. Morris, Gordon B. Davis"
        end, suffix = t.suffix(given_end)
        if t.boundary_ok(end):
            author = Author(family=t.span(i, j), given=t.span(j + 1, given_end), suffix=suffix)
            initials = t.has_initial(j + 1, given_end)
            return _Name(end, author, initials, initials)
    return None


def _given_first_continues(t: _Tokens, k: int, given_end: int) -> bool:
    """Whether the words after a two-word "surname"'s comma are a given-first name
    that reads on past the given names and closes the name with a list separator:
    "Michael G. Morris," after "Viswanath Venkatesh,", where the list is given-first
    throughout, not "Venkatesh, Viswanath"'s double surname."""
    name = _given_first(t, k)
    return (
        name is not None
        and name.end > given_end
        and name.end < t.n
        and (t.words[name.end] in (",", ";", "&") or t.words[name.end] in _CONNECTORS)
    )


def _double_surname_first(t: _Tokens, i: int, j: int, given_end: int) -> bool:
    """Chicago's inverted first name with a double surname and one given name, which
    the year follows: "García Márquez, Gabriel. 1967." or "Huamán Ccori, Teófilo, and
    Sarah Whitfield. 2020.".  Not a footnote's given-first name before a one-word
    title ("Toni Morrison, Beloved. New York", "Erving Goffman, Asylums (1961)", "Jane
    Austen, Persuasion, and Other Stories."), nor a later name ("Nelson, Alan E.,
    Leading Your Ministry, Nashville")."""
    if i != 0 or given_end != j + 2 or t.words[j + 1] in _MONTHS:
        return False  # "JOURNAL OF VIROLOGY, Dec. 2007"
    follow = t.words[given_end]
    if follow == ".":
        return _is_year(t, given_end + 1)
    if follow != "," or t.words[given_end + 1] not in ("and", "&"):
        return False
    k = given_end + 2
    while k < t.n and k - given_end <= 6 and (t.is_family_word(k) or t.is_particle(k)):
        k += 1
    return k > given_end + 3 and t.words[k] == "." and _is_year(t, k + 1)


def _short_surname(t: _Tokens, i: int) -> bool:
    """ "An, J." / "Do, H. T." / "To, K. W.": a word that opens titles ("An", "Do",
    "To", "Can") is a surname when a comma and initials follow it."""
    word = t.words[i]
    return (
        word in _NOT_NAMES
        and word[0].isupper()
        and t.words[i + 1] == ","
        and t.dotted_initials(i + 2) > 0
    )


def _bracketed_given(t: _Tokens, i: int, j: int) -> _Name | None:
    """French style "ARNAUD (A.-F.)," with the initials in brackets."""
    given_end = t.dotted_initials(j + 1)
    if given_end < 0 or t.words[given_end] != ")":
        return None
    author = Author(family=t.span(i, j), given=t.span(j + 1, given_end))
    return _Name(given_end + 1, author, True, True)


def _vancouver(t: _Tokens, i: int) -> _Name | None:
    """ "Zarate CA Jr" / "de la Macorra JC" / "Coubes P." / "LORDON Frédéric" """
    if not t.is_word(i):
        return None
    if t.is_all_caps(i) and (t.is_given_word(i + 1) or _dated_after_given(t, i + 1)):
        # French style "LORDON Frédéric", "BOZEC Yves", "MELOSI Martin V."; and
        # Vietnamese or Chinese given names of two or three words, "NGUYEN Van An",
        # "NG Tze Pin", where the name's end follows the last.
        end = max(i + 2, t.dotted_initials(i + 2))
        more = i + 2
        while (
            more - i <= _GIVEN_WORDS
            and (t.is_given_word(more) or t.words[more] in _GIVEN_SYLLABLES)
            # Syllables, not a body's or a title's words ("CIA World Factbook").
            and all(len(t.words[k]) <= _SYLLABLE for k in range(i + 1, more + 1))
            and t.words[more] not in _ORG_WORDS
        ):
            more += 1
            if t.boundary_ok(more) and not t.boundary_ok(end):
                end = more
        author = Author(family=t.words[i], given=t.span(i + 1, end))
        return _Name(end, author, False, False)
    j = _vancouver_family_end(t, i)
    if j == i and _short_vancouver_surname(t, i):
        j = i + 1
    if j == i or t.is_particle(j - 1):
        return None
    if t.is_plain_initials(j) and not t.is_dotted_initial(j, two_capitals=False):
        given_end = _plain_initials_end(t, j)
    else:
        given_end = t.dotted_initials(j)
        if given_end < 0:
            return None
    end, suffix = t.suffix(given_end)
    if suffix is None and _ordinal(t, end) and t.words[end + 2] in (",", ";", "."):
        end += 2  # "Hennekens CH 2nd", "Kennedy JF 3rd" (not "Jones K. 4th universal")
    author = Author(family=t.span(i, j), given=t.span(j, given_end), suffix=suffix)
    return _Name(end, author, True, True)


# A Chinese given name in pinyin: one or two syllables ("Li", "Xiaoming").
_PINYIN = re.compile(
    r"(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu"
    r"|ua|uo|ue|ui|er|a|o|e|i|u)){1,2}",
    re.IGNORECASE,
)


def _dated_after_given(t: _Tokens, k: int) -> bool:
    """A given name with a full stop that the date follows: "LORDON Frédéric. 2010.",
    "WANG Li. (2020).".  Pinyin or a name with an accent: a body's abbreviation before
    a place or a title is written so too ("NAVFAC Marianas. 2011.", "HIV Basics.
    (2022).")."""
    word = t.words[k]
    if not t.is_given_word(k, dot_ok=True) or t.words[k + 1] != ".":
        return False
    if word.isascii() and not _PINYIN.fullmatch(word):
        return False
    return _is_year(t, k + 2) or (t.words[k + 2] == "(" and _is_year(t, k + 3))


# Vietnamese given names that are title words elsewhere: "NGUYEN Minh An".
_GIVEN_SYLLABLES = frozenset({"An", "Do", "To"})
_SYLLABLE = 6
"""Letters of each given name of two or more after a surname in capitals, at most."""
_GIVEN_WORDS = 3
"""Given names written out after a surname in capitals, at most ("NGUYEN Thi Minh Anh")."""

# Surnames that are also words opening titles ("An", "Do", "In", "Can"): in a Vancouver
# list they are names only with short initials and a name's end after them.
_SHORT_SURNAMES = frozenset({"An", "Do", "To", "In", "On", "Can"})


def _short_vancouver_surname(t: _Tokens, i: int) -> bool:
    """ "An J," / "Do HT." / "To KW, ...": a short surname before Vancouver initials (an
    "An MRI study" title has a word after its capitals)."""
    k = i + 1
    if t.words[i] not in _SHORT_SURNAMES or not t.is_plain_initials(k) or len(t.words[k]) > 2:
        return False
    return t.words[k + 1] in (",", ";") or t.glued_dot(k) or k + 1 >= t.n


def _ordinal(t: _Tokens, i: int) -> bool:
    """ "2nd", "3rd", "4th" (a number and its letters) at token ``i``."""
    return (
        t.kinds[i] == "n" and t.words[i + 1] in ("nd", "rd", "th") and t.starts[i + 1] == t.ends[i]
    )


def _vancouver_family_end(t: _Tokens, i: int) -> int:
    """The index after the family name of a Vancouver name (before its initials)."""
    j = i
    while j < t.n and j - i < 4:
        if t.is_particle(j):
            j += 1
            continue
        word = t.words[j]
        # All capitals only before short initials: "JONES JH", "LIANG Z T".
        caps_ok = len(word) >= 3 and t.is_plain_initials(j + 1) and len(t.words[j + 1]) <= 3
        if not t.is_family_word(j) or (word.isupper() and not caps_ok):
            break
        j += 1
        if t.is_plain_initials(j) or t.is_dotted_initial(j):
            break
    return j


def _plain_initials_end(t: _Tokens, j: int) -> int:
    """ "CA" -> j + 1; IOP style spaces single initials: "Gaberdiel M R", "Breinich M S."."""
    end = j + 1
    while (
        end - j < 3
        and len(t.words[end]) <= 2
        and len(t.words[end - 1]) == 1
        and t.is_plain_initials(end)
    ):
        if t.is_dotted_initial(end):
            return end + 2
        end += 1
    return end


def _given_first(t: _Tokens, i: int) -> _Name | None:
    """ "R. S. Duman" / "George K. Aghajanian" / "J. Merlo Pich" / "Pablo del Río González" """
    j = i
    last_initial = -1
    items = 0
    while j < t.n and items < 6:
        after = t.dotted_initials(j)
        if after > 0:
            j = after
            last_initial = j
        elif t.is_particle(j) or t.is_family_word(j) or _short_after_initials(t, j, last_initial):
            j += 1
        else:
            break
        items += 1
    family_start = _given_first_family_start(t, i, j, last_initial)
    if family_start <= i or family_start >= j or t.is_particle(j - 1):
        return None
    if not all(
        t.is_particle(k) or t.is_family_word(k) or _short_after_initials(t, k, last_initial)
        for k in range(family_start, j)
    ):
        return None
    if last_initial < 0 and not all(t.is_given_word(k) for k in range(i, family_start)):
        return None
    end, suffix = t.suffix(j)
    author = Author(family=t.span(family_start, j), given=t.span(i, family_start), suffix=suffix)
    only_initials = last_initial >= 0 and t.dotted_initials(i) == last_initial
    return _Name(end, author, last_initial >= 0, only_initials)


def _short_after_initials(t: _Tokens, k: int, last_initial: int) -> bool:
    """IEEE's "H. Do," / "K. To, and": a short surname that opens titles, right after
    the initials and before the list goes on."""
    return (
        k == last_initial
        and t.words[k] in _SHORT_SURNAMES
        and (t.words[k + 1] in (",", ";", "&") or t.words[k + 1] in _CONNECTORS)
    )


def _given_first_family_start(t: _Tokens, i: int, j: int, last_initial: int) -> int:
    """Where the family name starts: after the last initial, else at the first
    particle ("Pablo del Río González"), else at the last word."""
    if last_initial >= 0:
        start = last_initial
    else:
        particles = [k for k in range(i + 1, j - 1) if t.is_particle(k)]
        start = particles[0] if particles else j - 1
    while start - 1 > i and t.is_particle(start - 1):
        start -= 1
    return start


# -- the list --------------------------------------------------------------------------


def _read_name(
    t: _Tokens, i: int, style: str | None, need_initial: bool
) -> tuple[_Name, str] | None:
    """The name at ``i`` and its shape ("V", "A" or "G"), in the list's style (one of
    these, "AG": an inverted first name followed by given-first ones, or "AW": an
    inverted first name with its given names written out, Chicago's and MLA's habit,
    after which given-first names come first)."""
    order = {None: "VAG", "V": "VA", "A": "AG", "AW": "GA", "G": "G", "AG": "G"}[style]
    for shape in order:
        if shape == "V":
            name = _vancouver(t, i)
            if name is not None and t.boundary_ok(name.end):
                if style is None and t.words[name.end - 1] == ".":
                    # "Ronald S. Duman": a given-first name that reads on is longer.
                    longer = _given_first(t, i)
                    if (
                        longer is not None
                        and longer.end > name.end
                        and t.boundary_ok(longer.end)
                        and not _title_word_after_initials(t, longer.end)
                    ):
                        return longer, "G"
                return name, "V"
        elif shape == "A":
            name = _inverted(t, i)
            if name is not None and t.boundary_ok(name.end):
                return name, "A"
        else:
            name = _given_first(t, i)
            if (
                name is not None
                and t.boundary_ok(name.end)
                and _given_first_fits(t, i, name, style, need_initial)
                # "& Adolescent Sleep Working Group.": a body after persons, for
                # `_closing_group`, not "Group, Adolescent Sleep Working".
                and (
                    name.initials
                    or t.words[i - 1] not in ("&", "and")
                    or not _body_named(name.author)
                )
            ):
                if style in ("AW", "AG"):
                    name = _goes_by_middle_name(name)
                return name, "G"
    return None


def _body_named(author: Author) -> bool:
    return any(w in _ORG_WORDS for w in f"{author.given or ''} {author.family}".split())


def _goes_by_middle_name(name: _Name) -> _Name:
    """In a list that writes given names out (Chicago's, MLA's), an initial and two
    capitalised words are a first initial, the name one goes by and the surname: "T.
    Paul Schultz", "W. Geoffrey Spaulding" (not "Paul Schultz, T.").  A surname of two
    words comes with its given name written out there ("Juan Merlo Pich")."""
    author = name.author
    given, family = author.given or "", author.family
    words = family.split(" ")
    if (
        len(words) != _GIVEN_AND_SURNAME
        or not all(len(w) == 2 and w.endswith(".") and w[0].isupper() for w in given.split())
        or not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
    ):
        return name
    moved = Author(family=words[1], given=f"{given} {words[0]}", suffix=author.suffix)
    return name._replace(author=moved, only_initials=False)


_GIVEN_AND_SURNAME = 2


# Lower-case words that go on a list of names: "Ronald S. Duman, et al.", ", editor".
_NAME_LIST_WORDS = frozenset({"et", "etal", "al", "others", "editor", "editors", "eds", "ed"})


def _title_word_after_initials(t: _Tokens, end: int) -> bool:
    """Whether the word before ``end`` opens a title, not ends a name: "Horton R.
    Offline: COVID-19 ...", "Jones K. Sarcopenia, frailty and falls.", "Smith J. Diet
    and cancer in women.", "Taylor R. Type 2 diabetes."."""
    follow = t.words[end]
    if follow == ":":
        return t.kinds[end + 1] != "n"  # "Irmtraud Schnell: 2011." is a name
    if t.kinds[end] == "n":
        return not _is_year(t, end)  # "Ronald S. Duman 2016" is a name
    after = t.words[end + 1]
    lower_after = (
        t.kinds[end + 1] == "w"
        and after[0].islower()
        and after not in _CONNECTORS
        and after not in _NAME_LIST_WORDS
    )
    return (follow == "," or follow in _CONNECTORS) and lower_after


def _given_first_fits(
    t: _Tokens, i: int, name: _Name, style: str | None, need_initial: bool
) -> bool:
    """Whether a given-first name is a name here and not the start of a title."""
    if name.initials:
        return True
    follow = t.words[name.end]
    if follow in (":", "/", "=") and t.kinds[name.end + 1] != "n":
        return False  # "Mal D'archive: ..." is a title, "Irmtraud Schnell: 2011." a name
    if need_initial or style in ("A", "AW", "AG"):
        return _written_out_name_fits(t, i, name.end, need_initial=need_initial)
    return True


def _written_out_name_fits(t: _Tokens, i: int, end: int, *, need_initial: bool) -> bool:
    """A name without initials after names with initials or an inverted first name
    ("Laleh Morgan" in "Jonathan A. Hyam, Laleh Morgan, Nigel D. Mendoza") must be the
    last name, after "and", or be followed by another name ("C. M. Bishop, Pattern
    Recognition and Machine Learning" is a title)."""
    if i > 0 and t.words[i - 1] in _CONNECTORS:
        return t.words[end] in (",", ".", "(", ";") or end >= t.n
    nxt, truncated = t.separator(end)
    if truncated:
        return True
    if nxt < 0:
        return False
    name = _given_first(t, nxt)
    return name is not None and (name.initials or not need_initial)


def _scan(t: _Tokens) -> AuthorList:
    group = _group_author(t)
    if group is None:
        abbreviated = _abbreviations_listed(t) or _acronyms_joined(t)
        if abbreviated is not None:
            return abbreviated
        return _names(t, 0, [], [])
    author, end = group
    # "National Institute of ... (NIPORT), ICF.", "Ethiopian Public Health Institute
    # (EPHI) [Ethiopia], ICF.", "Ghana Statistical Service (GSS), Ghana Health Service
    # (GHS) and ICF (2018)".
    listed = _past_brackets(t, end)
    if t.words[listed] in (",", "and", "&") and author.group:
        bodies = _co_publishers(t, listed, author.family)
        if bodies:
            return AuthorList((author, *(b for b, _ in bodies)), False, t.ends[bodies[-1][1] - 1])
        dated = _dated_units_end(t, listed)
        if dated > 0:
            return AuthorList(
                (Author(family=t.span(0, dated), group=True),), False, t.ends[dated - 1]
            )
    if t.words[end] == ";" and t.kinds[end + 1] == "w":
        # "Diabetes Canada ... Expert Committee; Punthakee Z, Goldenberg R, Katz P."
        named = _names(t, end + 1, [author], [end])
        if len(named.authors) > 1:
            return named
    return AuthorList((author,), False, t.ends[end - 1])


def _names(t: _Tokens, i: int, authors: list[Author], ends: list[int]) -> AuthorList:
    """The names from token ``i`` on, after ``authors`` (which end at ``ends``)."""
    style: str | None = None
    need_initial = False
    truncated = False
    dangling = False
    last = False
    while i < t.n and len(authors) < _MAX_AUTHORS:
        found = _read_name(t, i, style, need_initial)
        if found is None:
            group_end = _closing_group(t, i, authors)
            if group_end > 0:
                ends.append(group_end)
            dangling = group_end < 0 and i > 0 and t.words[i - 1] in _CONNECTORS
            break
        name, shape = found
        if (
            style is None
            and shape == "G"
            and not name.only_initials
            and not _written_out_first_ok(t, name.end)
        ):
            break
        # Chicago and MLA invert the first name only: once a given-first name follows
        # an inverted one, the rest are given-first ("Kaptchuk, Ted J., John M. Kelley,
        # Aaron Deykin, ..." is not "Deykin, Aaron").
        if style is None and shape == "A" and _written_out(name.author.given):
            # "Karikó, Katalin, Hiromi Muramatsu, Frank A. Welsh, ...": not the
            # inverted "Hiromi Muramatsu, Frank A. Welsh".
            style = "AW"
        style = "AG" if style in ("A", "AW") and shape == "G" else style or shape
        need_initial = need_initial or (shape == "G" and name.only_initials)
        authors.append(name.author)
        ends.append(name.end)
        stop = t.truncation_end(name.end)
        if stop > 0:
            truncated = True
            ends[-1] = _after_ellipsis(t, stop, style, need_initial, authors)
            if t.words[ends[-1]] == ";":
                # "Grasselli G, Zangrillo A, et al; COVID-19 Lombardy ICU Network."
                group_end = _closing_group(t, ends[-1] + 1, authors)
                if group_end > 0:
                    ends.append(group_end)
            break
        if last:
            break  # the name after "and"/"&" is the last one
        i, _ = t.separator(name.end)
        if i < 0:
            break
        last = t.words[i - 1] in _CONNECTORS
    if dangling and style in ("G", "AG") and not need_initial:
        # "Brain Plasticity and Depression", "Redfield, Peasant Society and Culture":
        # written-out "names" before a dangling "and" belong to a title-cased title.
        authors.pop()
        ends.pop()
    if not authors:
        return _acronym_led_group(t) or _caseless_authors(t)
    return AuthorList(tuple(authors), truncated, t.ends[ends[-1] - 1])


def _after_ellipsis(
    t: _Tokens, stop: int, style: str | None, need_initial: bool, authors: list[Author]
) -> int:
    """APA 7 names the last author after the ellipsis: "Li, N., ... & Duman, R. S."."""
    if t.kinds[stop - 1] != "e":
        return stop
    nxt = stop + 1 if t.words[stop] in ("&", "and", ",") else stop
    found = _read_name(t, nxt, style, need_initial) if nxt < t.n else None
    if found is None:
        return stop
    authors.append(found[0].author)
    return found[0].end


def _written_out(given: str | None) -> bool:
    """Whether given names hold one written out: "Katalin", "Timothy M." (not "T. M.")."""
    return any(len(w) > 1 and w[1:].isalpha() and w[1:].islower() for w in (given or "").split())


def _written_out_first_ok(t: _Tokens, j: int) -> bool:
    """A first name with no initials ("Antonio Astrain") must be followed by a list
    separator, a year or a title, not by more words."""
    return j >= t.n or t.words[j] in (",", ";", "&", "and", "(", ":", ".", "et", *_QUOTES)


def _closing_group(t: _Tokens, i: int, authors: list[Author]) -> int:
    """ "...; the Italian Multicentre Study (SMIRA) Group." closing a list of names:
    appended to ``authors``; returns the index after it, or -1."""
    depth = 0
    for k in range(i, min(t.n, i + 16)):
        word = t.words[k]
        # A bracketed year ends the name: "Office or National Statistics (2023) Census
        # 2021:" is no body's name up to the colon.
        dated = depth == 0 and word == "(" and _is_year(t, k + 1)
        depth += (word == "(") - (word == ")")
        if depth > 0 and not dated:
            continue
        if word == ",":
            return -1
        if word in (".", ";", ":") or dated:
            if any(t.words[m] in _ORG_WORDS for m in range(i, k)):
                authors.append(Author(family=t.span(i, k), group=True))
                return k
            return -1
    return -1


# -- group authors and caseless scripts ------------------------------------------------


def _segment_end(t: _Tokens) -> int:
    """Token index where the first segment ("World Health Organization") ends, or -1."""
    k = 0
    while k < min(t.n, 40):
        word = t.words[k]
        if word == "(" and _inner_acronym(t, k):
            k += 3  # "UK Prospective Diabetes Study (UKPDS) Group"
            continue
        if word == ":" and _colon_in_acronym(t, k):
            k += 1  # "Kidney Disease: Improving Global Outcomes (KDIGO) CKD Work Group"
            continue
        if word in (",", ";", "(", ":", "["):
            return k
        if word == "." and k > 0 and not (len(t.words[k - 1]) == 1 and t.words[k - 1].isupper()):
            return k
        if k > 0 and _is_year(t, k) and t.kinds[k + 1] != "w":
            return k
        k += 1
    return -1


def _colon_in_acronym(t: _Tokens, colon: int) -> bool:
    """A colon inside a body's name, which the acronym after the name spells across:
    "Kidney Disease: Improving Global Outcomes (KDIGO)"."""
    k = colon + 1
    while k < t.n and k - colon <= 8 and t.kinds[k] == "w":
        k += 1
    if t.words[k] != "(" or t.words[k + 2] != ")" or t.kinds[k + 1] != "w":
        return False
    words = [t.words[j] for j in range(k) if j != colon]
    if any(t.kinds[j] != "w" for j in range(k) if j != colon):
        return False
    initials = _initials_of(words)
    return len(initials) >= 3 and t.words[k + 1] == initials


def _inner_acronym(t: _Tokens, k: int) -> bool:
    """An acronym in brackets inside a body's name, which goes on after it: "(UKPDS)
    Group", "Institute of Medicine (US) Committee"; not "World Health Organization
    (WHO). (2020)."."""
    inner, after = t.words[k + 1], t.words[k + 3]
    return (
        k > 0
        and t.kinds[k + 1] == "w"
        and inner.isupper()
        and t.words[k + 2] == ")"
        and t.kinds[k + 3] == "w"
        and after[0].isupper()
        and not t.is_dotted_initial(k + 3)
    )


def _is_year(t: _Tokens, k: int) -> bool:
    word = t.words[k]
    return t.kinds[k] == "n" and len(word) == 4 and word[:2] in ("15", "16", "17", "18", "19", "20")


_VANCOUVER_NAME = re.compile(r"[A-Z][a-z]+ [A-Z]{1,3}")


def _group_author(t: _Tokens) -> tuple[Author, int] | None:
    """ "World Health Organization. (2013)." / "WHO. (2019)." -> one group author and
    the token index after its name."""
    end = _segment_end(t)
    if end <= 0:
        return None
    words = [t.words[k] for k in range(end) if t.kinds[k] in ("w", "n")]
    if not words or len(words) > 16:
        return None
    dated = t.words[end] in (".", "(") and (t.kinds[end + 1] == "n" or t.words[end + 1] == "(")
    # "Field A. Discovering Statistics ...", "Rivera P. History of the Peace Corps":
    # a person's name and initial open the segment, and a title with a body's word
    # follows, the full stop after an initial being no segment's end.
    person_first = (
        t.kinds[0] == "w"
        and t.words[0] not in _ORG_WORDS
        and len(t.words[1]) == 1
        and t.words[1].isupper()
        and t.words[2] == "."
        and not t.words[0].isupper()
    )
    is_org = (
        len(words) >= 2
        and not person_first
        and (
            any(w in _ORG_WORDS for w in words)
            or names_a_crew(words)
            or any(w in _OFFICE_WORDS for w in words[1:])
            or (words[0] in _OFFICE_WORDS and _names_more(words[1]))
            or (words[0] in _LOCAL_GOVERNMENT and words[1] == "of")
            or _misspelt_body_name(t, end, words)
            or (":" in t.words[:end] and _declares_its_acronym(t, end, words))
            # "NHS England (2019)", "Healthwatch England.", "NHS Digital (2019)": a
            # nation's name ends it, or an abbreviation without a vowel opens it (a
            # surname in capitals has one: "WANG Li. (2020).").
            or (words[-1] in PLACE_NAMES and words[0][0].isalpha() and t.words[end] in (".", "("))
            or (
                dated
                and len(words) <= 3
                and 3 <= len(words[0]) <= 8
                and words[0].isalpha()
                and words[0].isupper()
                and not any(ch in "AEIOUY" for ch in words[0])
                and all(w[:1].isupper() and not w.isupper() for w in words[1:])
            )
        )
    )
    if not is_org and not person_first and t.words[end] == ",":
        # "National Heart, Lung, and Blood Institute. (2020).": the body's word ends
        # the list its name opens with.
        listed = _organs_listed_end(t, end)
        if listed > 0:
            return Author(family=t.span(0, listed), group=True), listed
    if not is_org and _declares_acronym_alone(t, end, words):
        # "Kultusministerkonferenz (KMK). (2022).": one word and the abbreviation it
        # declares, which a person's surname never has.
        return Author(family=words[0], group=True), end + 3
    acronym = (
        len(words) == 1
        and (words[0].isupper() or _HYPHENED_ACRONYM.fullmatch(words[0]) is not None)
        and 2 <= len(words[0]) <= 8
        # "WHO. (2019)." / Vancouver "UNAIDS. Global ..." (not initials: "T-B. Zhang")
        and (dated or (words[0].isalpha() and _titled(t, end)))
    )
    publisher = (
        not is_org
        and not acronym
        and t.kinds[0] == "w"
        and words[0][0].isupper()
        and words[0] not in _NOT_NAMES
        and not any(w in _JOURNAL_NAME_WORDS for w in words)
        and (
            # "MedlinePlus. (2023)." / "Healthline (2021)": one name and the date,
            # where a person would have initials ("Smith, J. (2023)").
            (
                (len(words) == 1 or any(w in _PUBLISHER_WORDS for w in words))
                and _dated_title(t, end)
            )
            # Vancouver dates a body's page at its end: "Public Health England. Health
            # matters [Internet]. London: PHE; 2017.", "Alzheimer's Research UK. ...".
            or (
                len(words) >= 2
                and (
                    any(w in _PUBLISHER_WORDS for w in words)
                    or (len(words) >= 3 and words[-1] in _COUNTRY_CODES)
                )
                and _titled(t, end)
                and _report(t)
            )
            # A report's body, where a person would have initials: "Eurofound. Sixth
            # European Working Conditions Survey. Luxembourg: Publications Office; 2016.",
            # "Asthma UK. ... London: Asthma UK; 2020."
            # (A place and publisher, not a web address alone: "Sepsis. World Health
            # Organization; 2023. Available from: ..." opens with its title.)
            or (
                (len(words) == 1 or (len(words) == 2 and words[1] in _COUNTRY_CODES))
                and _titled(t, end)
                and _PUBLISHED_AT.search(t.text) is not None
            )
            # IEEE quotes the title after the authors' comma, and a person there has
            # initials: "BloombergNEF, "Lithium-ion battery ...," 2023.", "OpenAI, ...".
            or (len(words) == 1 and t.words[end] == "," and t.words[end + 1] in _QUOTES)
        )
    )
    if not (is_org or acronym or publisher):
        return None
    if is_org:
        end = _listed_fields_end(t, end)
    if (
        len(words) == 2
        and _VANCOUVER_NAME.fullmatch(t.span(0, end))
        and t.words[end] in ",."
        and words[1] not in _COUNTRY_CODES
    ):
        return None  # "Force A, Lynch M, ..." / "Staff RT. 2019.": a person, not a body
    # A title that merely mentions an institution is not a group author.
    if not names_a_crew(words) and any(
        w[0].islower()
        and w not in _ORG_GLUE
        and w not in LOWER_BODY_WORDS
        and not (k and species_epithet(w, words[k - 1]))
        for k, w in enumerate(words)
    ):
        return None
    return Author(family=t.span(0, end), group=True), end


# A body's abbreviation with a part in mixed case: "NCD-RisC (2017),".
_HYPHENED_ACRONYM = re.compile(r"[A-Z]{2,}(?:-[A-Z][A-Za-z]{1,6})+")
_ACRONYM_WORD = re.compile(r"[A-Z]{2,8}")
_MAX_ACRONYMS = 6


def _acronyms_joined(t: _Tokens) -> AuthorList | None:
    """ "WHO and UNICEF (2021)", "FAO, IFAD, UNICEF, WFP and WHO (2023)": bodies'
    abbreviations alone, joined by "and", "&" or commas, before the date: a body each."""
    if not t.words[0].isupper():
        return None  # most entries: a person's name
    authors: list[Author] = []
    k = 0
    joined = True  # a joining word or comma before the next abbreviation
    while k < t.n and k < 3 * _MAX_ACRONYMS:
        word = t.words[k]
        if _ACRONYM_WORD.fullmatch(word):
            if not joined:
                return None  # "TROPICAL MEDICINE. (1915).": a title in capitals
            authors.append(Author(family=word, group=True))
            joined = False
        elif word in ("and", "&", ","):
            joined = True
        else:
            break
        k += 1
    if not 2 <= len(authors) <= _MAX_ACRONYMS or not _ACRONYM_WORD.fullmatch(t.words[k - 1]):
        return None
    date = k + 1 if t.words[k] in (".", "(") and t.words[k + 1] == "(" else k
    if t.words[date] == "(":
        date += 1
    if not _is_year(t, date):
        return None
    return AuthorList(tuple(authors), False, t.ends[k - 1])


def _declares_acronym_alone(t: _Tokens, end: int, words: list[str]) -> bool:
    return (
        len(words) == 1
        and end == 1
        and words[0][:1].isupper()
        and not words[0].isupper()
        and t.words[1] == "("
        and t.words[2].isupper()
        and 2 <= len(t.words[2]) <= 8
        and t.words[3] == ")"
        and _is_year(t, 6 if t.words[4] == "." and t.words[5] == "(" else 5)
    )


def _co_publishers(t: _Tokens, end: int, first: str) -> list[tuple[Author, int]]:
    """The bodies listed after the first body's comma (or "and") that publish with it,
    each with the token index after its name and its bracketed abbreviation and
    country: "National Statistical Office, ICF.", "World Health Organization, UNICEF.",
    "Ministry of Health, Instituto Nacional de Salud.", "... (GSS), Ghana Health Service
    (GHS) and ICF (2018)".  Each is an abbreviation (with a capitalised word or two:
    "ICF International") or a name with a body's word; the list ends with a full stop
    or a bracketed year.  Anything else after a comma, a person or a sub-unit without
    a body's word, leaves the first body alone."""
    found: list[tuple[Author, int]] = []
    k = end
    while t.words[k] in (",", "and", "&") and len(found) < _MAX_BODIES:
        k += 1
        if t.words[k] in ("and", "&"):
            k += 1  # ", and ICF"
        start = k
        while t.kinds[k] == "w" and (t.words[k][0].isupper() or t.words[k] in _ORG_GLUE):
            k += 1
        named = k
        k = _past_brackets(t, k)  # "Ministry of Health (MOH) [Kenya]"
        words = t.words[start:named]
        if not words or len(words) > _MAX_BODY_WORDS or words[-1] in _ORG_GLUE:
            return []
        acronym = (
            words[0].isupper()
            and 2 <= len(words[0]) <= 8
            and words[0].isalpha()
            and len(words) <= 3
            and all(w[0].isupper() and not w.isupper() for w in words[1:])
        )
        if not acronym and not any(w in _ORG_WORDS for w in words):
            return []
        if words[0] in _COMPANY_SUFFIXES or (acronym and words[0] == _initials_of(first.split())):
            # "AECOM Technical Services, Inc. (AECOM)", "World Health Organization,
            # WHO.": the same body.
            return []
        joint = _joint_bodies(t, start, named)
        if joint > 0:
            # "National Pressure Injury Advisory Panel and Pan Pacific Pressure Injury
            # Alliance": two bodies, each with its body's word.
            found.append((Author(family=t.span(start, joint), group=True), joint))
            start = joint + 1
        found.append((Author(family=t.span(start, named), group=True), k))
    dated = t.words[k] == "(" and _is_year(t, k + 1)
    return found if t.words[k] == "." or dated else []


def _joint_bodies(t: _Tokens, start: int, end: int) -> int:
    """The index of an "and" between tokens ``start`` and ``end`` with a body's word on
    each side ("... Advisory Panel and Pan Pacific ... Alliance"), else -1 ("Department
    of Health and Social Care" is one body)."""
    for j in range(start + 1, end - 1):
        if (
            t.words[j] == "and"
            and t.words[j - 1] in _ORG_WORDS
            and any(t.words[m] in _ORG_WORDS for m in range(j + 1, end))
        ):
            return j
    return -1


def _past_brackets(t: _Tokens, k: int) -> int:
    """The token after a body's bracketed abbreviation and country: "(EPHI) [Ethiopia]"."""
    if t.words[k] == "(" and t.words[k + 2] == ")" and t.words[k + 1].isupper():
        k += 3
    if t.words[k] == "[" and t.words[k + 2] == "]" and t.words[k + 1][:1].isupper():
        k += 3
    return k


def _abbreviations_listed(t: _Tokens) -> AuthorList | None:
    """Bodies listed from an abbreviation, which alone before a comma reads as a person
    in capitals with initials ("UNICEF, WHO" as "UNICEF W. H. O."): "UNICEF, WHO, World
    Bank Group." is three bodies when a body's word names one of the rest."""
    first = t.words[0]
    if not (t.words[1] == "," and first.isalpha() and first.isupper() and 3 <= len(first) <= 8):
        return None
    bodies = _co_publishers(t, 1, first)
    if len(bodies) < _LISTED_AFTER_ABBREVIATION or not any(_body_named(b) for b, _ in bodies):
        return None
    authors = (Author(family=first, group=True), *(b for b, _ in bodies))
    return AuthorList(authors, False, t.ends[bodies[-1][1] - 1])


_LISTED_AFTER_ABBREVIATION = 2


def _dated_units_end(t: _Tokens, end: int) -> int:
    """Where a body's name ends that runs on through its units to an APA date: "Committee
    to Review ..., Board on Behavioral, Cognitive, and Sensory Sciences and Committee on
    National Statistics, National Research Council (2003).".  Capitalised words, their
    glue and commas only, up to the bracketed year; -1 for anything else."""
    k = end
    while k - end < _MAX_UNITS_TOKENS and (
        t.words[k] == ","
        or (t.kinds[k] == "w" and (t.words[k][0].isupper() or t.words[k] in _ORG_GLUE))
    ):
        if t.words[k] in _COMPANY_SUFFIXES:
            return -1
        k += 1
    if k >= t.n and t.n and t.ends[t.n - 1] < len(t.text):
        return t.n  # the tokens stop short of the date: read again with more (`parse_authors`)
    return k if t.words[k] == "(" and _is_year(t, k + 1) and k > end + 1 else -1


_MAX_UNITS_TOKENS = 40


def _initials_of(words: Iterable[str]) -> str:
    """The capital initials of a body's name's words, its glue left out: "WHO" of
    "World Health Organization"."""
    return "".join(w[0] for w in words if w not in _ORG_GLUE).upper()


_MAX_BODIES = 4
_COMPANY_SUFFIXES = frozenset(
    {"Inc", "Ltd", "LLC", "LLP", "Co", "Corp", "PLC", "plc", "GmbH", "AG", "SA"}
)
_MAX_BODY_WORDS = 12


def _declares_its_acronym(t: _Tokens, end: int, words: list[str]) -> bool:
    """The name is followed by the acronym of its capitalised words: "Wrold Health
    Organizataion (WHO)".  With a body's word misspelt in it (`_misspelt_body_name`): a
    web page's title declares its acronym too ("Body Mass Index (BMI). (2021).")."""
    if t.words[end] != "(" or t.words[end + 2] != ")" or t.kinds[end + 1] != "w":
        return False
    acronym = t.words[end + 1]
    return acronym.isupper() and len(acronym) >= 2 and acronym == _initials_of(words)


def _misspelt_body_name(t: _Tokens, end: int, words: list[str]) -> bool:
    """A body's name with one of its words misspelt, before its date or the acronym
    it declares: "Minnistry of Environmenet. 2012.", "Departmnet for Education
    (2019)", "Wrold Health Organizataion (WHO) (2020)".

    Capitalised words (and "of", "for" ... between them), no initial among them (a
    person's "Cohen J. Statistical ..."), joined by "of" or "for" or declaring their
    acronym, one of them a slip of the keys from a body's word and neither that word
    nor its plural ("Foundations of Epidemiology. (2018)." is a title); a real year
    after ("Statistical Power ... 2nd ed." is no date).  A journal's name is no body's."""
    if words[0] in _NOT_NAMES or not words[-1][0].isupper():
        return False
    if any(len(w) == 1 or w in _JOURNAL_NAME_WORDS for w in words):
        return False
    if not all(w[0].isupper() or w in _ORG_GLUE for w in words):
        return False
    acronym = _declares_its_acronym(t, end, words)
    # "Minnistry of Environmenet. 2012.", "Departmnet for Education (2019)" or APA's
    # "Departmnet for Education. (2019).".
    at = end + 1 if t.words[end] == "." and t.words[end + 1] == "(" else end
    dated = t.words[at] in (".", "(") and _is_year(t, at + 1)
    if not acronym and not (dated and any(w in ("of", "for") for w in words[1:-1])):
        return False
    return any(_one_slip_from_a_body_word(w) for w in words)


def _one_slip_from_a_body_word(word: str) -> bool:
    """ "Minnistry", "Organizataion": a long body's word with one slip of the keys."""
    if len(word) < _MISSPELT_ORG_MIN or word in _ORG_WORDS or word.rstrip("s") in _ORG_WORDS:
        return False
    return (
        process.extractOne(
            word, _LONG_ORG_WORDS, scorer=DamerauLevenshtein.distance, score_cutoff=1
        )
        is not None
    )


_MISSPELT_ORG_MIN = 7
"""Letters of a word that may be a body's word with one slip of the keys."""
_LONG_ORG_WORDS = sorted(w for w in _ORG_WORDS if len(w) >= _MISSPELT_ORG_MIN - 1)


def _listed_fields_end(t: _Tokens, end: int) -> int:
    """Where a body's name that lists its fields ends: "National Academies of Sciences,
    Engineering, and Medicine. (2020).", "Department of Health, Education, and
    Welfare.", "Ministry of Health, Labour and Welfare." run on past their first comma.
    Each part after a comma is one field (`_FIELDS`: "Engineering"), or the last two
    joined by "and" ("Labour and Welfare"); the list ends with an "and" and
    then the period, bracket or comma of the date.  Anything else after the comma is
    another body or a person ("Centers for Disease Control and Prevention, National
    Center for Injury Prevention and Control.", "American Cancer Society, John
    Smith, and Mary Jones."): ``end``, where the name stops at its first comma."""
    k, joined = end, False
    while t.words[k] == "," and not joined:
        k += 1
        if t.words[k] in ("and", "&"):
            joined = True
            k += 1
        k = _field_end(t, k)
        if k < 0:
            return end
        after = _field_end(t, k + 1) if t.words[k] in ("and", "&") and not joined else -1
        if after > 0:
            joined = True  # "Labour and Welfare", "Food and Rural Affairs"
            k = after
    if not joined:
        return end
    dated = t.words[k] in (".", "(") or (t.words[k] == "," and _is_year(t, k + 1))
    return k if dated else end


def _organs_listed_end(t: _Tokens, end: int) -> int:
    """Where a body's name ends that lists what it studies before its body's word:
    "National Heart, Lung, and Blood Institute. (2020).".  Each part after a comma is
    one capitalised word, the last opens with "and" and ends with a body's word
    (`_ORG_WORDS`) before the date or (Vancouver) the title; -1 for anything else (a
    person's "Heart, L., and Blood, I." has initials, no body's word)."""
    k = end
    while t.words[k] == "," and k < end + 12:
        k += 1
        if t.words[k] in ("and", "&"):
            last = k + 1
            while last < k + 6 and t.kinds[last] == "w" and t.words[last][0].isupper():
                last += 1
            named = last > k + 1 and t.words[last - 1] in _ORG_WORDS
            dated = t.words[last] in (".", "(") and (
                _is_year(t, last + 1) or t.words[last + 1] == "(" or _titled(t, last)
            )
            return last if named and dated and not _spaced_initial(t, last - 1) else -1
        if not (t.kinds[k] == "w" and t.words[k][0].isupper() and len(t.words[k]) > 1):
            return -1
        k += 1
    return -1


def _field_end(t: _Tokens, k: int) -> int:
    """The token after a field named at ``k``: one word ("Labour") or a capitalised
    word and one ("Rural Affairs", "Social Care"); -1 if none is named there."""
    if _field_word(t.words[k]):
        return k + 1
    if t.kinds[k] == "w" and t.words[k][:1].isupper() and _field_word(t.words[k + 1]):
        return k + 2
    return -1


def _field_word(word: str) -> bool:
    """A word that names a field a body is named for ("Labour"), not a person
    ("Baker" in "Department of Health, Baker, and Hughes.") nor another body."""
    return word in _FIELDS


_FIELDS = frozenset(
    {
        "Engineering", "Medicine", "Education", "Welfare", "Labour", "Labor", "Science",
        "Sciences", "Technology", "Research", "Health", "Culture", "Sport", "Sports",
        "Agriculture", "Environment", "Innovation", "Employment", "Industry", "Energy",
        "Transport", "Housing", "Justice", "Security", "Development", "Trade", "Tourism",
        "Fisheries", "Food", "Forestry", "Youth", "Family", "Families", "Children", "Women",
        "Care", "Arts", "Humanities", "Communities", "Skills", "Training", "Finance",
        "Safety", "Nutrition", "Equality", "Aging", "Ageing", "Media", "Heritage", "Affairs",
    }
)  # fmt: skip
"""Fields bodies list in their names ("National Academies of Sciences, Engineering, and
Medicine"; "Ministry of Health, Labour and Welfare")."""


def _acronym_led_group(t: _Tokens) -> AuthorList | None:
    """ "NHS England. The NHS Long Term Plan ...", "CDC Foundation. ...": a body's name
    led by its acronym, read where no person's name was (French style "LORDON
    Frédéric." is a person)."""
    end = _segment_end(t)
    if not 2 <= end <= 4:
        return None
    titled = _titled(t, end)
    # APA dates it first: "NHS England. (2023). Consultant-led ...".
    if not (titled or _dated_title(t, end)):
        return None
    first = t.words[0]
    if not (first.isupper() and first.isalpha() and 2 <= len(first) <= 5):
        return None
    if not all(t.kinds[k] == "w" and t.words[k][0].isupper() for k in range(1, end)):
        return None
    # A surname in capitals with a given name is dated first too ("WANG Li. (2020).",
    # "NG Wei Ling. (2021)."); an acronym of two letters or with a vowel after its
    # first letter must then be followed by a body's word ("AARP Foundation") or a
    # country ("UNICEF UK"), as a title's opening "HIV Basics" is not.  (A vowel
    # first is an acronym's as often: "EDF Energies Nouvelles", "ONG Bee Hoon".)
    rest = [t.words[k] for k in range(1, end)]
    if (
        not titled
        and (len(first) < 3 or _VOWEL.search(first, 1))
        and not any(w in _ORG_WORDS or w in _COUNTRY_CODES for w in rest)
    ):
        return None
    return AuthorList((Author(family=t.span(0, end), group=True),), False, t.ends[end - 1])


# Vancouver's place and publisher: ". Geneva: World Health Organization; 2022".
_PUBLISHED_AT = re.compile(
    r"\. [A-Z][^.:;]{1,60}(?: \([A-Z]{2}\))? ?: [^;]{1,120}[;,] c?(?:1[5-9]|20)\d\d"
)


def _titled(t: _Tokens, end: int) -> bool:
    """A name before token ``end`` that a full stop and a capitalised title follow
    ("NHS. Type 2 diabetes"), with no initial in it ("Marmot M. Social Determinants
    of Health ...") and no journal's abbreviated word after it ("CLIN. CHEM. 34")."""
    nxt = end + 1
    return (
        t.words[end] == "."
        and t.kinds[nxt] == "w"
        and t.words[nxt][0].isupper()
        and not t.is_dotted_initial(nxt)
        and not (t.words[nxt].isupper() and t.glued_dot(nxt))
        and not any(_spaced_initial(t, k) for k in range(end))
    )


def _spaced_initial(t: _Tokens, k: int) -> bool:
    """A person's initial at token ``k``, as in "Marmot M. Social ...", not a letter
    of "U.S." (its stop glued to the next letter)."""
    return (
        t.is_dotted_initial(k, two_capitals=False)
        and t.starts[k + 2] != t.ends[k + 1]
        and (k == 0 or t.starts[k] != t.ends[k - 1])
    )


def _report(t: _Tokens) -> bool:
    """Whether the entry is Vancouver's report or web page, with a place and publisher
    ("London: Diabetes UK; 2022") or a web address: their authors are often bodies
    with no organisation word ("Diabetes UK", "Public Health England")."""
    return t.web or _PUBLISHED_AT.search(t.text) is not None


def _dated_title(t: _Tokens, end: int) -> bool:
    """A date follows token ``end`` and a title follows the date: "Mayo Clinic. (2022).
    Vitamin D.", "(2020, June 1). Taking ...", "(n.d.). Vitamin D deficiency.",
    "VentureBeat. 2012. Twitter ...".  Not a journal's running header, whose date is
    followed by its volume ("Oncogene (2002) 21, 4137") or a comma ("Apr. 1999, p.
    1702")."""
    k = end + 1 if t.words[end] == "." else end
    bracketed = t.words[k] == "("
    k += bracketed
    undated = bracketed and [t.words[j] for j in range(k, k + 4)] == ["n", ".", "d", "."]
    if not (_is_year(t, k) or undated):
        return False
    k += 4 if undated else 1
    if bracketed:
        close = next((j for j in range(k, min(k + 8, t.n)) if t.words[j] == ")"), -1)
        if close < 0:
            return False
        k = close + 1
    elif t.kinds[k] == "w" and len(t.words[k]) == 1 and t.starts[k] == t.ends[k - 1]:
        k += 1  # "2014b"
    if t.words[k] == ".":
        k += 1
    if t.words[k] in _OPENING_QUOTES:
        k += 1  # Chicago quotes an article's title: 'Student. 1908. "The Probable ..."'
    return t.kinds[k] == "w"


_VOWEL = re.compile(r"[AEIOUY]")
_OPENING_QUOTES = frozenset("\"“‘'")


def _caseless_authors(t: _Tokens) -> AuthorList:
    """Names in scripts without case (Chinese, Korean, Japanese): "이장원, 오춘희"."""
    if not t.n or not t.is_word(0) or not _is_caseless(t.words[0]):
        return _NONE
    names: list[Author] = []
    end = 0
    k = 0
    while k < t.n and len(names) < _MAX_AUTHORS and t.is_word(k) and _is_caseless(t.words[k]):
        j = k
        while t.is_word(j + 1) and _is_caseless(t.words[j + 1]):
            j += 1
        names.append(Author(family=t.span(k, j + 1)))
        end = t.ends[j]
        k = j + 1
        if t.words[k] in _CASELESS_SEPARATORS:
            k += 1
        elif t.glued_dot(k - 1) and t.starts[k + 1] == t.ends[k]:
            k += 1  # "이경준.송희경(2016)"
        else:
            break
    return AuthorList(tuple(names), False, end)
