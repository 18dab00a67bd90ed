"""The nouns that make a name a body's: "World Health Organization", "Care Inspectorate".

One vocabulary for the two readers of reference entries: the list finder, which knows
an entry by the body that opens it ("US Bureau of Labor Statistics. 2023."), and the
reference parser, which reads that body as one group author rather than a person
("Inspectorate, Care").  The citation finder reads bodies in prose, where these words
weigh differently (a "study" or "trust" may be a cohort, a "hospital" a place), so it
keeps its own graded lists (`citations._BODY_WORDS` and the lists after it), but for
the offices (`OFFICE_NOUNS`), which all three read alike.
"""

from __future__ import annotations

import re

BODY_NOUNS = frozenset(
    {
        "Academies", "Academy", "Administration", "Agency", "Alliance", "Association",
        "Authority", "Bank", "Board", "Bureau", "Center", "Centers", "Centre", "Centres",
        "Clinic", "Coalition", "Collaboration", "College", "Commission", "Committee",
        "Commonwealth", "Company", "Consortium", "Corporation", "Corps", "Council",
        "Department", "Executive", "Federation", "Forum", "Foundation", "Fund",
        "Government", "Group", "Hospital", "Hospitals", "Initiative", "Inspectorate",
        "Institute", "Institutes", "Laboratories", "Laboratory", "Library", "Ministry",
        "Museum", "Network", "Observatory", "Office", "Organisation", "Organization",
        "Panel", "Parliament", "Partnership", "Program", "Programme", "Project",
        "Registry", "School", "Secretariat", "Service", "Services", "Society", "Survey",
        "Team", "Treasury", "Trust", "Union", "Unit", "Universities", "University",
        # The same nouns in the languages health bodies publish in most after English:
        # "Instituto Nacional de Salud", "Ministério da Saúde", "Secretaría de Salud",
        # "Bundesministerium für Gesundheit", "Haute Autorité de Santé".
        "Agencia", "Agência", "Asociación", "Associação", "Autorité", "Bundesamt",
        "Bundesministerium", "Centro", "Comisión", "Comissão", "Conselho", "Consejo",
        "Departamento", "Dirección", "Direção", "Fundación", "Fundação", "Instituto",
        "Istituto", "Ministère", "Ministerio", "Ministério", "Ministerium", "Observatorio",
        "Organización", "Organização", "Secretaría", "Secretaria", "Servicio", "Serviço",
        "Sociedad", "Sociedade", "Société", "Universidad", "Universidade", "Université",
        "Università",
    }
)  # fmt: skip
"""Nouns of a body's name, capitalised as names write them."""

OFFICE_NOUNS = frozenset({"Officer", "Officers", "Commissioner", "Ombudsman"})
"""Nouns of an office that signs its reports ("Chief Medical Officer", "Children's
Commissioner for England"): a body's word only after the words that name the office,
as alone they are surnames too ("Officer K. (2019).", "As Officer (2019) argued")."""

SITE_NAME = r"[A-Z][A-Za-z0-9-]*\.(?:org|com|gov|net|int|edu)"
"""A site that signs its data or pages by its address, "GBIF.org", "Healthline.com": a
body's name for the reference parser and the citation finder (a regex, no anchors)."""

ROMANCE_BODY_HEADS = frozenset(
    {
        "Ordre", "Conseil", "Caisse", "Assemblée", "Fédération", "Federazione",
        "Associazione", "Consiglio", "Verband", "Bundesverband",
    }
)  # fmt: skip
"""Words that open a French, Italian or German body's name ("Ordre national des
infirmiers", "Conseil supérieur de la santé", "Federazione Italiana Giuoco Calcio"),
for the reference parser and the citation finder; not `BODY_NOUNS`, whose words the
list finder weighs too."""
LOWER_BODY_WORDS = frozenset(
    {
        "national", "nationale", "nacional", "nazionale", "publique", "pública", "público",
        "pubblica", "général", "générale", "general", "fédéral", "fédérale", "federal",
        "supérieur", "supérieure", "superior", "superiore", "santé", "salud", "saúde",
        "sanità", "médicale", "régional", "régionale", "regional", "l'assurance", "maladie",
    }
)  # fmt: skip
"""Lower-case words of French, Spanish, Italian and Portuguese bodies' names, after a
body's noun: "Ordre national des infirmiers", "Haute Autorité de santé"."""

CREW_WORDS = frozenset({"team", "contributors", "developers", "community"})
"""The people behind a project, who sign its software and data in lower case: "The
pandas development team", "OpenStreetMap contributors", "scikit-learn developers"."""
_TITLE_LINKS = frozenset(
    {"of", "for", "and", "on", "the", "in", "to", "from", "with", "by", "a", "an", "at", "as"}
)


def names_a_crew(words: list[str]) -> bool:
    """Whether the words name a project's people ("The pandas development team"), not
    a title or a phrase that ends with some ("Notes from the community", "a team")."""
    return (
        2 <= len(words) <= 4
        and words[-1] in CREW_WORDS
        and not any(w in _TITLE_LINKS for w in words[:-1])
    )


_EPITHET = re.compile(r"[a-z]{2,}(?:ae|um|us|is|ns|ii|i|a|er|x|o)")


def species_epithet(word: str, genus: str) -> bool:
    """Whether ``word`` is a species' epithet after its ``genus`` ("Plasmodium
    falciparum", "C. elegans", "Anopheles gambiae"), the one small word a consortium's
    or a project's name may hold: "MalariaGEN Plasmodium falciparum Community Project",
    "C. elegans Sequencing Consortium".  By its Latin ending, so not a title's word
    after a capital ("Genome sequence of ...")."""
    return genus[:1].isupper() and genus.rstrip(".").isalpha() and bool(_EPITHET.fullmatch(word))
