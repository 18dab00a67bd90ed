"""The long documentation of every rule, shown by ``citecheck rule CODE`` and used as
the SARIF rules' full description and help (ruff's "What it does / Why is this bad? /
Example / How to fix" layout)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from citecheck.rules import BY_CODE, BY_NAME, CATALOGUE, Rule


@dataclass(frozen=True)
class RuleDoc:
    what: str
    """What the rule checks."""
    why: str
    """Why a finding matters."""
    example: str
    """An article snippet that triggers it."""
    fix: str
    """How to fix a finding (or when to silence it)."""
    options: tuple[str, ...] = ()
    """Settings that change the rule's behaviour."""


_SUPPRESS = "If the finding is deliberate, silence it where it occurs: `<!-- citecheck: ignore[{code}] -- why -->`."

DOCS: Mapping[str, RuleDoc] = {
    "CIT101": RuleDoc(
        what="Finds in-text citations that match no entry of the reference list: an author-year "
        "citation whose surname and year fit no entry, a numeric citation whose number no entry "
        "carries, or a Pandoc citation key (`[@key]`) no bibliography defines. The message names "
        "the closest entry or key when there is one. A citation followed by its work's "
        "identifier (`Behjati et al., 2014 -PMID:24633157-`, a DOI or an arXiv id) is reported "
        "as a warning that names the identifier: the reader can still find the work. Citations in "
        "peer-review material printed after the reference list (a decision letter, reviews, an "
        "authors' response) are warnings too, as are the year, author and number errors there: "
        "reviewers cite works the article does not list.",
        why="A reader cannot follow a citation to its source. Usually the work was never added to "
        "the list, or the citation is misspelled badly enough that it no longer resembles the entry.",
        example="Ketamine acts within hours (Zarate et al., 2006).\n\n## References\n\n"
        "Duman, R. S., & Aghajanian, G. K. (2012). Synaptic dysfunction in depression. Science, "
        "338(6103), 68–72.",
        fix="Add the cited work to the reference list (or to the bibliography file), or correct the "
        "citation so that it names a listed work.",
        options=("matching.author-similarity",),
    ),
    "CIT102": RuleDoc(
        what="Finds reference-list entries (or bibliography entries of Pandoc articles) that no "
        "in-text citation links to. For a bibliography file shared by several articles, an entry "
        "counts as cited when any audited article cites it.",
        why="An uncited entry suggests a citation was lost in editing, or that the list was copied "
        "from elsewhere; it also inflates the apparent evidence behind the article.",
        example="Sleep matters (Walker, 2017).\n\n## References\n\nWalker, M. (2017). Why we sleep. "
        "Scribner.\n\nDement, W. C. (1999). The promise of sleep. Delacorte Press.",
        fix="Cite the entry where the text relies on it, or remove it from the list. Reading lists "
        "that are meant to be uncited can be exempted with `per-file-ignores`.",
    ),
    "CIT103": RuleDoc(
        what="Finds author-year citations whose author matches a reference but whose year does "
        "not (`Duman et al., 2021` when the list has Duman et al. 2012), where one slip of the "
        "keys explains the difference: one digit wrong, two adjacent digits swapped, or one year "
        "off (online-first versus print); between entries a slip off alike, the cited letter "
        "decides (`2009a` with `2010a` and `2010b` listed names `2010a`, unless a `2009b` is "
        "listed). A year further off (`Duman, 2008` with only Duman 2012 "
        "listed) is as likely another work of the author, and is reported as CIT101 naming the "
        "listed entry; so is a citation of `2014b` where the list has only `2014a`, whose "
        "letter says a second work of that year is missing (unless `2014a` is cited nowhere "
        "else, when it is the entry meant), and a slipped year (or a letter the entry lacks, "
        "`2012b` against `2012`) given in two or more places while the listed year is cited "
        "too (`Duman et al., 2021` twice beside `Duman et al., 2012`): the article cites two "
        "works of the author and the list lacks one. A plain `2012` among `2012a` and `2012c` "
        "of the same author is the `2012b` that lost its letter, however often `2012b` is cited. "
        "When several entries of the author are a slip off, the one no citation names is the "
        "entry meant if it is the only such one (`Gomez et al., 2007` with Gomez 2006 cited "
        "elsewhere and Gomez 2070 cited nowhere names 2070). A reprint's first year is checked "
        "against the one its entry gives (`Original work published 1885`): `Ebbinghaus, "
        "1884/1913` misdates it, and `Ebbinghaus, 1885` cites by the first year a work the list "
        "files under 1913.",
        why="A wrong year sends readers to the wrong work or to none; transposed digits are the "
        "most common citation typo.",
        example="ketamine rapidly increases synaptogenesis (Duman et al., 2021).\n\n"
        "Duman, R. S., Li, N., Liu, R. J., Duric, V., & Aghajanian, G. (2012). Signaling pathways "
        "underlying the rapid antidepressant actions of ketamine. Neuropharmacology, 62(1), 35–41.",
        fix="Correct the year in the text, or add the cited work if it is a different one.",
    ),
    "CIT104": RuleDoc(
        what="Finds author-year citations whose year matches a reference but whose surname is a "
        "near miss of its first author (`Colo` for `Collo`), scored with rapidfuzz on accent- and "
        "case-folded surnames; a worse miss counts when the entry is cited nowhere else and the "
        "citation's second author or `et al.` agrees with it (`Bender and Hudson` for `Bneher & "
        "Hudson`), or, for a lone surname of four letters or more that matches nothing else, "
        "one slip of the keys makes the difference (`Chen` for a lone `Chan` of that year), "
        "or two slips in names of five letters or more that keep most letters in order "
        "(`Lewis` for `Louwis`, not `Meyer` for `Maier`, nor a name that leads another entry; "
        "the help says what to do if they are two people). Of several near misses, an entry "
        "cited nowhere that the citation's authors fit is preferred to a nearer one that "
        "other citations name exactly (`Meinhardt, 2003` means an uncited `Meintahrdt "
        "2003`, not `Reinhardt et al. 2003`). A citation linked by its first author and year "
        "is checked for its co-authors too: one that is none of the entry's authors "
        "(`Dahlgren and Whitehad` for `Dahlgren & Whitehead`, `Bevan and Hamblin` for `Bevan "
        "& Hood`) is reported with the nearest of them, unless the entry lists a body or "
        "cuts its authors short with `et al.`; so is a name past the entry's authors that "
        "its text gives nowhere (`Kahneman & Gilovich` for a `Kahneman` alone). A citation "
        "that names all of an entry's authors and its year in another order (`Tversky & "
        "Kahneman, 1979` for `Kahneman & Tversky (1979)`), and fits no entry as written, "
        "is linked to that entry and reported as an author-order error. Numeric call-outs "
        "count too when the text names authors right before them (`Yang et al. [4]`, `Yang "
        "et al.⁴`, `Benjamini and Hochberg [15]`, the last form only where the list has one "
        "of the two as an author): if no entry the numbers name has that author anywhere in "
        "it, the help says whether the name is a near miss of their authors or the first "
        "author of another entry (a wrong number).",
        why="A misspelled surname makes the citation hard to find and often hides a copy-paste "
        "error.",
        example="(Colo et al., 2019)\n\nCollo, G., Cavalleri, L., & Pich, E. M. (2019). Structural "
        "plasticity induced by ketamine in human dopaminergic neurons. Chronic Stress, 3.",
        fix="Spell the surname as in the reference list (the help suggests the corrected citation).",
        options=("matching.author-similarity",),
    ),
    "CIT105": RuleDoc(
        what="Finds citations that fit two or more entries equally well, such as `(Duman et al., "
        "2012)` when the list has two Duman et al. 2012 papers without `2012a`/`2012b`.",
        why="The reader cannot tell which work is meant.",
        example="(Li et al., 2010)\n\nLi, N., Lee, B., ... (2010). mTOR-dependent synapse formation. "
        "Science.\nLi, N., Liu, R. J., ... (2010). Glutamate N-methyl-D-aspartate receptor "
        "antagonists. Biological Psychiatry.",
        fix="Add year letters (`2010a`, `2010b`) to the entries and to every citation of them.",
    ),
    "CIT106": RuleDoc(
        what="Finds a work listed twice: the same DOI (unless the titles plainly differ, which "
        "is CIT203), or the same first author and year with nearly the same title (or, where "
        "an entry's title could not be read, the same volume and first page, with no issue, "
        "journal or DOI that differs). In "
        "bibliography files, also a citation key defined twice.",
        why="Duplicates inflate the list and the two copies often disagree in details.",
        example="1. Duman RS, Aghajanian GK. Synaptic dysfunction in depression. Science. 2012.\n"
        "2. Duman R.S., Aghajanian G.K. Synaptic dysfunction in depression: potential therapeutic "
        "targets. Science 2012.",
        fix="Remove one of the copies (and renumber the citations of a numbered list).",
        options=("matching.duplicate-title-similarity",),
    ),
    "CIT107": RuleDoc(
        what="Checks APA 7 author counts: `et al.` for a work with fewer than three authors, all "
        "names of a work with three or more, or one name for a two-author work. Where most "
        "entries are in Chicago's author-date style (`Dube, Arindrajit, ... 2010.`) or "
        "Harvard's (`Dube, A., ... (2010) 'Title'`) or ABNT's (`DUBE, A.; LESTER, T. W.; ...`), "
        "naming all three authors of a "
        "three-author work complies. A text that follows APA 6, naming some work's three to "
        "five authors at its first citation and shortening them to `et al.` after it, is read "
        "by APA 6's rules: naming all of them at a first citation complies, naming them "
        "again later does not. A citation "
        "whose author list misfits an entry that other citations name as listed "
        "(`Allmann et al., 2010` beside `Allmann and Baldwin, 2010`, or a second author the "
        "entry lacks) means another work: an uncited entry the citation's authors fit, with "
        "the surname a letter off (or, for a second author the entry lacks, the year a slip "
        "off), is that work, mistyped, and the citation is reported as its author or year "
        "mismatch (CIT104, CIT103) instead. With no such entry, a second author the entry "
        "lacks, written the same way in two places or more (`Allmann and Baldwin, 2010` "
        "twice beside `Allmann et al., 2010` for Allmann, Halitschke, ... 2010), is a work "
        "the list lacks: CIT101 naming the entry.",
        why="Style guides fix these forms so that readers can match citations to entries at a glance.",
        example="(Collo et al., 2019) for a work by Collo & Pich (2019).",
        fix="Name both authors of a two-author work; shorten three or more to `First et al.`.",
        options=("matching.et-al-min-authors",),
    ),
    "CIT108": RuleDoc(
        what="Finds numeric citations past the end of the numbered reference list (`[7]` with six "
        "entries).",
        why="The reference is missing, or the numbering went wrong after an edit.",
        example="as reported before [7].\n\nReferences\n1. …\n…\n6. …",
        fix="Add the missing entry, or correct the number: the finding names the entries no "
        "citation names, one of which may be the work meant.",
    ),
    "CIT109": RuleDoc(
        what="Finds text written where a citation should be that cites nothing: LaTeX's `[?]` "
        "and natbib's `? (?)` for an undefined key, Word's `Error! Reference source not found.`, "
        "an unformatted EndNote citation (`{Smith, 2019 #123}`) or a reference manager's field "
        "code shown as text (`ADDIN ZOTERO_ITEM`), a raw `\\cite{key}` outside code, a name "
        "without its year (`(Smith, )`), a year without its name (`(, 2019)`), a year of five "
        "digits after a listed author (`(Smith et al., 20019)`), and placeholders "
        "(`(Author, Year)`, `(Smith, 20XX)`, `[citation needed]`, `[REF]`). A writer's doubt, "
        "`(?)`, is no citation and is not reported.",
        why="The citation finder cannot read these as citations, so no other rule reports them: "
        "the claim reaches readers with no source, and the entry it meant may be reported as "
        "uncited.",
        example="Ketamine acts within hours [?]. Its effect lasts a week (Zarate et al., ).",
        fix="Write the citation out in full, or, for a reference manager's or LaTeX's leftovers, "
        "update the document's citations and bibliography and export it again.",
    ),
    "CIT110": RuleDoc(
        what="Finds references without authors, a year or a title. A web page or report without "
        "author, listed by its title as APA 7 (section 9.12) lists it, lacks no authors; a "
        "work with a DOI, volume or pages, or in a container with no address, does.",
        why="An incomplete reference can neither be matched to citations reliably nor verified "
        "against a registry.",
        example="Neuropharmacology 62(1):35–41.",
        fix="Complete the entry with authors, year and title.",
    ),
    "CIT111": RuleDoc(
        what="Finds articles that cite sources but have no reference list (or, for Pandoc "
        "articles, name no bibliography). Reported once, at the first citation.",
        why="Without a list none of the citations can be followed.",
        example="Ketamine acts within hours (Zarate et al., 2006).  — and no References section.",
        fix="Add the cited works under a `References` heading, or name a bibliography in the front "
        "matter (`bibliography: references.bib`).",
    ),
    "CIT201": RuleDoc(
        what="Finds DOIs that are not of the form `10.<registrant>/<suffix>` after normalisation "
        "(spaces around it, a trailing full stop or bracket, `doi:doi:` are forgiven). A DOI "
        "split by a stray space is one malformed DOI, not a DOI and some words: "
        "`10.1016 /j.x`, and at the entry's end `10.1056/NEJM oa1811403` (a tail of digits "
        "alone is read as the PubMed ID that some pages print after the DOI).",
        why="A malformed DOI resolves to nothing; it is usually a copy-paste accident.",
        example="doi:10.1016/j neuropharm.2011.08.044",
        fix="Copy the DOI again from the publisher's page, in the form `https://doi.org/10.…`.",
    ),
    "CIT202": RuleDoc(
        what="Finds DOIs not written as `https://doi.org/10.…` links: always one linked "
        "through an older address of the resolver (`http://dx.doi.org/`, `http://doi.org/`, "
        "`doi.org/` without a scheme); a `doi:` label or a bare DOI only where the list "
        "writes most of its DOIs as `https://doi.org/` links, since Vancouver and AMA "
        "style write the label by design.",
        why="The older addresses still resolve, but Crossref's display guidelines (2017) ask "
        "for the https link, and APA 7 writes it; one entry in another form is usually "
        "pasted from elsewhere.",
        example="Collo, G., & Merlo Pich, E. (2018). Ketamine enhances structural plasticity. "
        "Neuropharmacology, 137, 1–12. http://dx.doi.org/10.1016/j.neuropharm.2018.04.014",
        fix="Write the DOI as `https://doi.org/10.1016/j.neuropharm.2018.04.014`.",
    ),
    "CIT203": RuleDoc(
        what="Finds two reference-list entries that give the same DOI but whose titles differ "
        "(title similarity under 60/100): two works, one DOI. Entries with the same DOI and "
        "similar titles are one work listed twice (CIT106) instead.",
        why="A DOI names exactly one work, so one of the entries points readers, and every "
        "registry check, at the wrong paper. It is usually a DOI copied from the entry above.",
        example="Allmann, S., & Baldwin, I. T. (2010). Insects betray themselves in nature to "
        "predators. Science, 329, 1075–1078. doi:10.1126/science.1191634\n\nAllmann, S., "
        "Halitschke, R., Schuurink, R. C., & Baldwin, I. T. (2010). Oxylipin channelling in "
        "Nicotiana attenuata. Plant, Cell & Environment, 33, 2028–2040. "
        "doi:10.1126/science.1191634",
        fix="Look up the right DOI of the entry it does not belong to (`citecheck check` without "
        '`--offline` reports that entry as CIT307, or `citecheck lookup "<reference text>"`).',
    ),
    "CIT301": RuleDoc(
        what="Reports DOIs that no registration agency knows: Crossref does not have them and the "
        "DOI proxy's handle API (doi.org) says the handle does not exist. A Crossref miss alone is "
        "never enough (DataCite, mEDRA and others register DOIs too).",
        why="A DOI that does not exist is a strong sign of a fabricated or garbled reference.",
        example="Smith, J. (2020). A study. Journal, 1, 1–2. https://doi.org/10.1234/does-not-exist",
        fix='Find the work\'s real DOI (`citecheck lookup "<reference text>"` searches for it), or '
        "remove the reference if the work does not exist. arXiv registers one DOI per paper, "
        "not per version: for `10.48550/arXiv.2204.02311v2` the help names "
        "`10.48550/arXiv.2204.02311`, the DOI the preprint has if it exists.",
    ),
    "CIT302": RuleDoc(
        what="Compares the reference's title with the registered title of its DOI (subtitles, "
        "case and punctuation forgiven), and reports a DOI of a correction or retraction notice "
        "given for the work it notices, or the other way round. Titles that agree but for a "
        "word in the place of another (`germanium` for `mercury`, `Part 3` for `Part 2`) "
        "differ too; spellings (`tumour`, `grey`), one-letter typos, abbreviations, numbers "
        "written out and function words (`towards` for `for`) are forgiven.",
        why="A different title usually means the DOI belongs to another work, or the title was "
        "paraphrased; one word changed is how a made-up reference borrows a real title, and "
        "how a sibling work (part 2 of a series, the same authors' paper on another metal) "
        "is cited for the one meant.",
        example="Duman et al. (2012). Ketamine signalling in depression. … doi:10.1016/j.neuropharm."
        "2011.08.044",
        fix="Copy the title from the registered record (shown in the finding's data).",
        options=("matching.title-similarity",),
    ),
    "CIT303": RuleDoc(
        what="Compares the reference's authors with the registered authors (accents, particles, "
        "compound surnames and initials forgiven).",
        why="Wrong authors misattribute the work.",
        example="Dumas, R. S. … for a record by Duman, R. S.",
        fix="Correct the author list from the registered record.",
    ),
    "CIT304": RuleDoc(
        what="Compares the reference's year with the registered year, allowing `year-tolerance` "
        "years of difference (online-first versus print).",
        why="A wrong year makes the work hard to find and suggests the reference was reconstructed "
        "from memory.",
        example="(2015) for a work published in 2012.",
        fix="Use the year of the registered record (the print year, unless your style asks otherwise).",
        options=("matching.year-tolerance",),
    ),
    "CIT305": RuleDoc(
        what="Compares the journal, book or proceedings title with the registered container "
        "(abbreviations, initials, ISSNs and a conference's acronym, such as Crossref's "
        "event acronym `SIGIR '17`, are recognised).",
        why="A wrong journal sends readers to the wrong place.",
        example="Nature Medicine for a work in Nature Neuroscience.",
        fix="Correct the journal title.",
    ),
    "CIT306": RuleDoc(
        what="Compares volume, issue and pages with the registered record.",
        why="Wrong locators make the work harder to retrieve; minor, hence a suggestion.",
        example="62(2), 35–41 for a record with issue 1.",
        fix="Copy volume, issue and pages from the registered record.",
    ),
    "CIT307": RuleDoc(
        what="Reports a DOI that exists but belongs to another work: its title and its authors "
        "both disagree with the reference. Replaces the separate title/author/year/venue findings.",
        why="A real DOI pasted onto a different (often non-existent) work is a common pattern of "
        "fabricated references.",
        example="Smith, J. (2019). A made-up title. Science. https://doi.org/10.1038/nm.4050",
        fix="Find the correct DOI for the cited work, or the work the DOI belongs to.",
    ),
    "CIT308": RuleDoc(
        what="Suggests a DOI for a reference that gives none when exactly one registered work "
        "matches it confidently.",
        why="A DOI makes the reference unambiguous and machine-checkable.",
        example="Duman, R. S., & Aghajanian, G. K. (2012). Synaptic dysfunction in depression. "
        "Science, 338, 68–72.",
        fix="Add the suggested DOI (in the finding's data) after checking it is the same work.",
    ),
    "CIT401": RuleDoc(
        what="Reports cited works that have been retracted (Crossref `updated-by` with type "
        "retraction, or OpenAlex `is_retracted`).",
        why="Citing a retracted work as evidence spreads findings the publisher has withdrawn.",
        example="Wakefield, A. J., et al. (1998). … The Lancet, 351(9103), 637–641.",
        fix="Remove the citation or cite the retraction notice; when the retraction itself is the "
        "subject, say so and silence the finding with a reason.",
    ),
    "CIT402": RuleDoc(
        what="Reports cited works with a correction, erratum or expression of concern.",
        why="The corrected version may change what the work supports.",
        example="A PLOS ONE article with a published correction.",
        fix="Check the correction and cite it too where it matters.",
    ),
    "CIT403": RuleDoc(
        what="Reports references without a DOI that no registry can match confidently. When "
        "a registered work has the reference's own title, or almost (five words or more), "
        "but another first author, author order, year (beyond the tolerance), venue, volume, "
        "issue or pages (authors swapped or made up, a merged citation), the message names "
        "that work and what it has instead of saying that no registry knows the reference; "
        "not when a work of that title differs in nothing it can name.",
        why="Possibly a fabricated reference; often grey literature (reports, web pages, books) "
        "that simply has no DOI, hence a warning.",
        example="Smith, J. (2021). An untraceable report. Some Institute.",
        fix="Add a DOI or a URL, correct the details, or silence the finding for grey literature "
        '(`severity.CIT403 = "suggestion"` or a comment with a reason).',
    ),
    "CIT501": RuleDoc(
        what="Finds sentences that appeal to research (a named study, a precise finding, "
        '"studies show") without citing anything.',
        why="Claims attributed to research need a source the reader can check.",
        example="Studies show that ketamine works within hours.",
        fix="Cite the study, or rephrase the claim as the author's own.",
    ),
    "CIT502": RuleDoc(
        what="Checks that a quotation attributed to a citation appears in the cited work's "
        "registered title or abstract.",
        why="Misquotations and invented quotations misrepresent sources; the full text may still "
        "contain the quotation, hence a suggestion.",
        example="“ketamine cures depression” (Duman et al., 2012)",
        fix="Check the quotation against the source and correct it.",
    ),
    "CIT503": RuleDoc(
        what="Finds quotations attributed to a citation that has no reference.",
        why="A quotation without a traceable source cannot be verified.",
        example="“rapid and persistent” (Colo et al., 2019) with no Colo entry.",
        fix="Add the reference or correct the citation.",
    ),
    "CIT900": RuleDoc(
        what="Reports files that could not be read or decoded, front matter that is not YAML, and "
        "bibliography entries that do not parse.",
        why="Nothing in an unreadable file can be checked.",
        example="A binary file named article.md; `@article{key, title={x},` cut off.",
        fix="Fix the file's encoding or syntax.",
    ),
    "CIT901": RuleDoc(
        what="Reports references a registry could not be asked about (timeout, refused "
        'connection, 429 or 5xx after retries). The reference is *unverified*, never "not found".',
        why="Outages should not fail builds by default, but you should know what was not checked.",
        example="Crossref down during the run.",
        fix="Run again later (failures are never cached). `--strict` makes this an error.",
    ),
    "CIT902": RuleDoc(
        what="Reports suppression comments (or rules inside them) that suppressed nothing. Opt-in: "
        'select it with `extend-select = ["CIT902"]`. Suppressions of registry rules are not '
        "reported when the run asked no registry (`--offline`).",
        why="Stale suppressions hide future problems at that place.",
        example="<!-- citecheck: ignore[CIT103] -->\nA paragraph without any year mismatch.",
        fix="Remove the rule from the comment, or the comment.",
    ),
    "CIT903": RuleDoc(
        what="Reports suppression comments that do not parse, name an unknown rule, close a range "
        "that was never opened, or open a `disable[...]` that is never closed.",
        why="A broken suppression silently suppresses nothing (or everything after it).",
        example="<!-- citecheck: ignore CIT102 -->\n<!-- citecheck: ignore[CIT999] -->",
        fix="Write `<!-- citecheck: ignore[CIT102] -- reason -->` with rule codes, prefixes or names.",
    ),
}


def doc_for(rule: Rule) -> RuleDoc:
    """The documentation of ``rule``; a rule added to the catalogue without docs yet
    falls back to its summary (a test requires docs for every rule)."""
    return DOCS.get(rule.code) or RuleDoc(
        what=rule.summary, why=rule.summary, example="(none yet)", fix="See the message's help."
    )


def find_rule(selector: str) -> Rule | None:
    """A rule by code (any case) or name."""
    return BY_CODE.get(selector.strip().upper()) or BY_NAME.get(selector.strip())


def explain(rule: Rule) -> str:
    """``citecheck rule CODE``: Markdown, as ruff prints it."""
    doc = doc_for(rule)
    net = " Needs the registries (skipped with `--offline` unless cached)." if rule.network else ""
    lines = [
        f"# {rule.name} ({rule.code})",
        "",
        f"Default severity: {rule.severity.label}.{net}",
        "",
        "## What it does",
        doc.what,
        "",
        "## Why is this bad?",
        doc.why,
        "",
        "## Example",
        "```text",
        doc.example,
        "```",
        "",
        "## How to fix",
        doc.fix,
        _SUPPRESS.format(code=rule.code),
    ]
    if doc.options:
        lines += ["", "## Options", *(f"- `{o}`" for o in doc.options)]
    return "\n".join(lines) + "\n"


def help_text(rule: Rule) -> str:
    """Plain text for SARIF ``help.text``."""
    doc = doc_for(rule)
    return f"{doc.what}\n\nWhy: {doc.why}\n\nHow to fix: {doc.fix}"


def undocumented() -> list[str]:
    """Codes of catalogued rules without documentation (should be none)."""
    return [r.code for r in CATALOGUE if r.code not in DOCS]
