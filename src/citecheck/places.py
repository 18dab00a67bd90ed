"""The names of countries, the United Kingdom's nations and the continents, as prose writes
them before a year: "England's (2019) figures", "Sweden (2020) chose otherwise".

A lone place name before a year in brackets is more often a place's figures than a
citation, but a few are surnames too (England, Jordan, France, Wales), so the citation
finder reads such a name only if it names an entry of the list (`citations._narrative`).
"""

from __future__ import annotations

PLACE_NAMES = frozenset(
    """
    Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria
    Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan
    Bolivia Bosnia Botswana Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada Chad
    Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti
    Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon
    Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras
    Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan
    Kazakhstan Kenya Kiribati Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho
    Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives
    Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro
    Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria
    Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal
    Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia
    Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan
    Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine
    Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe
    England Scotland Wales Britain
    Africa Asia Europe Oceania
    """.split()
) | frozenset(
    {
        "Burkina Faso", "Cape Verde", "Costa Rica", "Czech Republic", "Dominican Republic",
        "East Timor", "El Salvador", "Equatorial Guinea", "Great Britain", "Hong Kong",
        "Ivory Coast", "New Zealand", "North Korea", "North Macedonia", "Northern Ireland",
        "Papua New Guinea", "Puerto Rico", "Saudi Arabia", "Sierra Leone", "South Africa",
        "South Korea", "South Sudan", "Sri Lanka", "United Kingdom", "United States",
        "North America", "South America", "Latin America",
    }
)  # fmt: skip
"""Place names as written in English prose; a name of several words is one entry."""

SURNAME_PLACES = frozenset(
    "England Wales Ireland Scotland France Jordan Israel Georgia Chad Holland Kenya".split()
)
"""Place names that are common surnames too ("England, P.", "Jordan, M."): read as a
place only where the text says so (`citations._narrative`)."""
