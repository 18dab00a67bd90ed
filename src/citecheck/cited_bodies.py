"""Entries that open with a body's name the parser did not read as an author
("Transport for London. 2017. Travel in London."), read as the text cites them.

Without a word such as "Authority" or "Institute", a capitalised head before the date
may be a body or the title of a work listed by its title ("The Chicago Manual of
Style. 2017."), and the string cannot tell them apart.  The citations can:
"(Transport for London 2017)", with no listed author of that name, says the head is
the author.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace

from citecheck.model import Citation, Reference, ReferenceFields
from citecheck.nameorder import listed_first_authors
from citecheck.names import surname_key
from citecheck.refparse import parse_with_body


def cited_bodies(
    references: Sequence[Reference], citations: Sequence[Citation]
) -> tuple[Reference, ...]:
    """``references`` with every entry the text cites by its opening words, with its
    year, re-read with those words as its one author; the others as they are.

    A name is taken only when no entry already lists it, with that year, as its first
    author: the citation is then the only reading of the entry that fits it.
    """
    # By year and first word, so that a long list costs one look-up per entry.
    cited: dict[tuple[str, str], set[str]] = {}
    for c in citations:
        # Not a title cited in quotation marks ("Modernising the Mental Health Act,"
        # 2018): the entry lists it as its title already.
        if (
            c.kind == "author-year"
            and len(c.authors) == 1
            and c.year
            and not c.et_al
            and not c.title
        ):
            name = c.authors[0]
            cited.setdefault((c.year, name.split(maxsplit=1)[0]), set()).add(name)
    if not cited:
        return tuple(references)
    candidates = {}
    for k, ref in enumerate(references):
        head = ref.raw.split(maxsplit=1)
        if not ref.year or not head:
            continue
        # An entry read with the cited name as its author needs no second reading.
        names = cited.get((ref.year, head[0].rstrip(".,")), set()) - {
            a.family for a in ref.authors[:1]
        }
        if names:
            candidates[k] = names
    if not candidates:
        return tuple(references)
    listed = listed_first_authors(references)
    out = []
    for k, ref in enumerate(references):
        for name in sorted(candidates.get(k, ())):
            if (surname_key(name), ref.year) in listed:
                continue
            if not ref.raw.startswith(name) or ref.raw[len(name) : len(name) + 1].isalnum():
                continue
            read = parse_with_body(ref.raw, name)
            # The date after the name must be the one cited: "... Act 1983. (2018)." is
            # no body's entry of 1983.
            if read is not None and read.year == ref.year:
                ref = replace(
                    ref, **{f.name: getattr(read, f.name) for f in fields(ReferenceFields)}
                )
                break
        out.append(ref)
    return tuple(out)
