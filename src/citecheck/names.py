"""Name normalisation for matching surnames written by different hands.

The most reported source of false alarms in other checkers is name handling:
accents, particles, hyphen look-alikes and transliteration (guides/peers.md, c1).
Everything that compares names goes through `fold` and `surname_keys`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose into ASCII.
_TRANSLIT = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "Đ": "D",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "ı": "i",
        # Hyphen look-alikes (U+2010..U+2015, minus sign) become "-".
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        # Apostrophe look-alikes become "'".
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
    }
)

# Russian and Ukrainian Cyrillic in the common English transliteration (BGN/PCGN, less
# its diacritics): "Иванов" is cited "Ivanov", "Хусяинов" "Khusyainov".
_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
    }
)  # fmt: skip


def transliterate(text: str) -> str:
    """Lower-case text with Cyrillic letters spelt in Latin ones; other letters kept."""
    return text.casefold().translate(_CYRILLIC)


# A letter: a word character that is no digit, no underscore and no superscript or
# subscript digit, which Python counts as alphanumeric ("Brown¹" is Brown and note 1).
_LETTER = r"[^\W\d_\u00b2\u00b3\u00b9\u2070-\u209f]"
NAME_WORD = rf"{_LETTER}[^\W\d_'’\-\u00b2\u00b3\u00b9\u2070-\u209f]*(?:['’\-]{_LETTER}+)*"
"""One word of a person's name: "Lee", "O'Brien", "Smith-Jones" (a regex, no anchors)."""

SURNAME_PARTICLES = frozenset(
    "van von der den de del della delle dello degli dei di da dal dalla dalle dos das du des"
    " le la les lo los las ter ten te zu zur zum vom af op al el bin binti binte bint ibn olde".split()
)
"""The small words that open surnames, as written: "van der Berg", "de los Santos", "zur
Hausen", "dalla Costa", "te Velde", "af Klint", "op den Kamp", "bin Talal".  One list for
the reference splitter, the author parser, the citation finder and registry records (it
was four that disagreed, and a line opening with "zu" or "te" was lost)."""

SAME_AUTHORS_RULE = r"(?:[—―]{1,3}|[-–‐]{2,6}|_{2,8})"
"""The rule Chicago and MLA lists put for "the same authors as the entry before"
("———. 2021. Title."; "---" or "___" where it was typed): a pattern, one for the
reference parser and the list finder."""

PARTICLES = SURNAME_PARTICLES | frozenset(
    {"st", "st.", "o", "ni", "nic", "mac", "ui", "ua", "mhic"}  # Irish, folded: "Ó Murchú"
)
"""`SURNAME_PARTICLES` and the Irish ones, folded: the words a surname key may drop."""

LOWER_PREFIXES = ("al", "el", "ul", "d", "dell", "dall", "degl", "l")
"""Small words glued to a surname's capital by a hyphen or an apostrophe: "al-Hakim",
"el-Khoury", "ul-Haq", "d'Errico", "dell'Acqua", "l'Anson"."""
LOWER_PREFIXED = re.compile(rf"(?:{'|'.join(LOWER_PREFIXES)})['’\-][A-ZÀ-ÖØ-Þ]")
"""A surname that opens with one of `LOWER_PREFIXES` (a regex, anchored at the start by
``match``)."""

_UMLAUT_SPELT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_NON_WORD = re.compile(r"[^a-z0-9' -]+")
_SPACES = re.compile(r"[\s\-']+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-folded text with look-alike punctuation unified."""
    text = text.translate(_TRANSLIT)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


IRISH_MUTATED = re.compile(r"(?:tS|n[GD]|h[AEIOUÁÉÍÓÚ]|bhF|mB|gC|dT|bP)[a-záéíóú]+")
"""An Irish name after an initial mutation, a small letter before its capital: "Mac an
tSaoi", "Ó hAodha", "Ó nDúlaing", "de bhFál"."""
IRISH_OPENERS = frozenset({"Mac", "Nic", "Mhic", "Ó", "Ní", "Uí"})
"""Words an Irish surname opens with, before which "an" and "na" may stand: "Mac an
tSaoi", "Nic an Bhaird", "Ó na Maoile"."""

SAINTS = frozenset({"St", "ST", "Ste", "STE"})
"""The abbreviated "Saint" that opens a surname, its full stop part of it: "St. Pierre",
"ST. CLAIR", "Ste. Marie"."""


# British spellings of the words of bodies' names, as American writers spell them:
# "World Health Organisation" is how a British article cites the listed "World Health
# Organization", and "Centers for Disease Control" the other way round.
_US_SPELLING = {
    "centre": "center", "centres": "centers", "programme": "program",
    "programmes": "programs", "defence": "defense", "labour": "labor",
    "behaviour": "behavior", "behavioural": "behavioral", "tumour": "tumor",
    "paediatric": "pediatric", "paediatrics": "pediatrics",
    "paediatricians": "pediatricians", "anaesthesia": "anesthesia",
    "anaesthetists": "anesthetists", "anaesthesiologists": "anesthesiologists",
    "gynaecology": "gynecology", "gynaecologists": "gynecologists",
    "haematology": "hematology", "orthopaedic": "orthopedic",
    "orthopaedics": "orthopedics", "oesophageal": "esophageal", "ageing": "aging",
}  # fmt: skip
_BRITISH_WORD = re.compile(r"\b(?:" + "|".join(_US_SPELLING) + r")\b|(?<=[a-z]{3})isation")


def _us_spelt(folded: str) -> str:
    return _BRITISH_WORD.sub(lambda m: _US_SPELLING.get(m.group(0), "ization"), folded)


@lru_cache(maxsize=65536)
def surname_key(name: str) -> str:
    """A comparison key for a surname: folded, punctuation and spaces removed, a
    body's words spelt the American way (`_US_SPELLING`, "-isation").

    "Merlo-Pich", "Merlo Pich" and "merlo pich" share the key "merlopich"; "World Health
    Organisation" and "World Health Organization" the key "worldhealthorganization".
    """
    return _SPACES.sub("", _us_spelt(_key_words(name)))


@lru_cache(maxsize=4096)
def written_key(name: str) -> str:
    """`surname_key` as the name is spelt: "Department of Defence" and "Department of
    Defense" are two bodies when a list gives both."""
    return _SPACES.sub("", _key_words(name))


def _key_words(name: str) -> str:
    """The folded name with its punctuation removed, its words still apart."""
    return _NON_WORD.sub("", fold(name))


@lru_cache(maxsize=65536)
def surname_keys(name: str) -> frozenset[str]:
    """Every key under which a surname may be cited.

    A reference's "Merlo Pich" may be cited as "Merlo Pich" or, by authors unused to
    compound names, as "Pich"; "van der Berg" as "Berg"; "Al Jurdi" as "Jurdi".  The
    full key is always included.
    """
    folded = _NON_WORD.sub(" ", fold(name).replace("-", " ")).split()
    keys = {surname_key(name)}
    words = [w.strip("'") for w in folded if w.strip("'")]
    core = [w for w in words if w not in PARTICLES]
    if core and core != words:
        keys.add("".join(core))
    if len(core) > 1:
        keys.add(core[-1])
    spelt = name.translate(_UMLAUT_SPELT)
    if spelt != name:
        # German writes "Müller" as "Mueller" where the letter is missing.
        keys.add(surname_key(spelt))
    # "O'Brien" is also written "OBrien"/"Obrien" and "D'Souza" as "Dsouza".
    keys.discard("")
    return frozenset(keys)
