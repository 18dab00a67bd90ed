"""The abbreviations a body's name may be cited under.

Health writing cites bodies by abbreviation far more often than by name: "(CDC, 2022)"
for the Centers for Disease Control and Prevention, "(HHS, 2018)" for the U.S.
Department of Health and Human Services, "(NICE, 2023)" for the National Institute for
Health and Care Excellence.  The reference list gives the name.  These are the folded
keys (as `names.surname_key` folds a cited name) such a name may be cited under.
"""

from __future__ import annotations

import re
from functools import lru_cache

from citecheck.names import fold

_US = r"U\.\s?S\.|US|USA|United States"
COUNTRY_PREFIX = re.compile(rf"^(?:{_US}|U\.\s?K\.|UK|United Kingdom)\s+(?=[A-Z])")
"""A country a body's name opens with: "U.S. Food and Drug Administration"."""
_US_PREFIX = re.compile(rf"^(?:{_US})\s+(?=[A-Z])")
_KEPT_SMALL = frozenset({"of", "for", "on"})

_SKIP = frozenset({"of", "for", "and", "the", "on", "in", "&"})
# "Department of Health and Human Services" is HHS: a government department may drop
# its own noun.
_DEPARTMENT = re.compile(r"^(?:Department|Ministry)\s+(?:of|for)\s+(?:the\s+)?(?=[A-Z])")
_WORD = re.compile(r"[^\s,;:()\[\]/]+")
_MIN_LETTERS = 3
"""Letters an abbreviation read in a new way needs: two-letter keys ("VA", "HS") would
collide with short surnames (Li, Wu) far more often than they would be cited."""

# Abbreviations that no reading of the body's present name gives, because the body was
# renamed and kept them or took them from another language.  Keys are folded names.
_RENAMED: dict[str, str] = {
    "national institute for health and care excellence": "nice",
    "national institute for health and clinical excellence": "nice",
    "national institute for clinical excellence": "nice",
    "national institute for health and care research": "nihr",
    "department of health and human services": "hhs",
    "united nations children's fund": "unicef",
    "united nations population fund": "unfpa",
    "joint united nations programme on hiv/aids": "unaids",
    "centers for medicare & medicaid services": "cms",
    "centers for medicare and medicaid services": "cms",
    "european centre for disease prevention and control": "ecdc",
    "national institute of diabetes and digestive and kidney diseases": "niddk",
    "national institute on minority health and health disparities": "nimhd",
    "global initiative for chronic obstructive lung disease": "gold",
    "global initiative for asthma": "gina",
}


@lru_cache(maxsize=4096)
def body_initials(name: str) -> frozenset[str]:
    """The initials of a body's words, small ones left out ("World Health Organization":
    who), and of three letters or more those of its part before "and" ("Centers for
    Disease Control and Prevention": cdc).  A citation in any case may use them."""
    keys: set[str] = set()
    # A comma ends a listed field's word: "Department for Environment, Food and ...".
    words = [w for w in fold(name).replace("-", " ").replace(",", " ").split() if w.isalpha()]
    initials = "".join(w[0] for w in words if w not in _SKIP)
    if len(initials) >= 2:
        keys.add(initials)
    if "and" in words:
        head = "".join(w[0] for w in words[: words.index("and")] if w not in _SKIP)
        if len(head) >= _MIN_LETTERS:
            keys.add(head)
    return frozenset(keys)


@lru_cache(maxsize=4096)
def body_abbreviations(name: str) -> frozenset[str]:
    """Further abbreviations of a body's ``name``, of three letters or more, for a
    citation written in capitals only: "(NICE, 2023)" is the Institute, "(Nice, 2023)"
    a person called Nice (`in_capitals`).

    - Words in capitals kept whole, hyphenated words by their first letter ("UK Health
      Security Agency": ukhsa; "Economic Co-operation": ec);
    - its capitalised words only ("Medicines and Healthcare products Regulatory
      Agency": mhra);
    - "of", "for" and "on" by their letter ("Committee on Publication Ethics": cope;
      "Department for Education": dfe);
    - without a US prefix ("US Environmental Protection Agency": epa), which UK bodies
      keep (UKHSA is never HSA), and a US department's without its noun ("U.S.
      Department of Health and Human Services": hhs; the UK's DHSC is no HSC);
    - the abbreviation a renamed body kept (`_RENAMED`: NICE).
    """
    country = _US_PREFIX.match(name)
    bare = name[country.end() :] if country else name
    forms = [name, bare]
    # A US department drops its noun (HHS, VA); a UK one keeps it (DHSC, not HSC).
    department = _DEPARTMENT.match(bare) if country else None
    if department:
        forms.append(bare[department.end() :])
    keys = {
        _letters(form, capitals_only=only, small=small)
        for form in forms
        for only in (False, True)
        for small in (False, True)
    }
    renamed = _RENAMED.get(" ".join(fold(bare).split()))
    if renamed:
        keys.add(renamed)
    return frozenset(k for k in keys if len(k) >= _MIN_LETTERS)


def in_capitals(name: str) -> bool:
    """A cited name written as an abbreviation: each word with two capitals or more
    ("NICE", "DfE", "UK NSC"), not a surname ("Nice", "Doh")."""
    words = name.split()
    return bool(words) and all(sum(c.isupper() for c in w) >= 2 for w in words)


def _letters(name: str, *, capitals_only: bool = False, small: bool = False) -> str:
    """The folded abbreviation of ``name``: a word in capitals whole ("UK", "U.S."), a
    hyphenated word by its first letter, small words (`_SKIP`) left out but for
    "of", "for" and "on" with ``small``, and with ``capitals_only`` every word that is
    not capitalised."""
    out = []
    for word in _WORD.findall(name):
        core = re.sub(r"[^\w&]", "", word)
        if not core or not core[0].isalpha():
            continue
        if core.casefold() in _SKIP:
            if small and core in _KEPT_SMALL:
                out.append(core[0])
            continue
        if core.isupper() and len(core) > 1:
            out.append(core)
        elif core[0].isupper() or not capitals_only:
            out.append(core[0])
    return fold("".join(out))
