"""The prose of docs/benchmarks-accuracy.md: protocols, conventions and the reading of
the figures.  The figures themselves are computed; what is said about them here was
written after the run recorded in the page and must be revisited when they move."""

from __future__ import annotations

INTRO = [
    "Accuracy of citecheck's offline pipeline on public gold data that nobody on the team",
    "wrote (`../shared/corpora`, see its `PROVENANCE.md`; protocols from",
    "`../shared/guides/corpora.md`).  Source: [`bench/accuracy/`](../bench/accuracy/), one",
    "adapter per dataset (`adapt_*.py`) into a common gold schema (`schema.py`).  Every",
    "number below is produced by the command; none is typed in.  A fast subset of the same",
    "measurements is the quality gate `tests/test_accuracy_gate.py`.",
    "",
    "**Splits.** Rules were tuned on dev data only: AnyStyle `core.xml` + `good.xml`, GROBID's",
    "citation corpus minus `evaluation/` and minus `citations.xml` (which re-encodes Cora),",
    "ParsCit FLUX-CiM/ICONIP/humanities, the dev half of the JATS articles, and synthetic",
    "PDF-style reference lists built from `core.xml` for the section finder.  Test data:",
    "AnyStyle `gold.xml` minus every string that also occurs in `core`/`good`/`bad`/`ugly`,",
    "the 306 PLOS `mixed-citation` strings, GROBID's two `evaluation/` files, Cora and",
    "CiteSeerX (ParsCit), AnyStyle's three `finder/*.ttx` documents, the test half of the JATS",
    "articles and GROBID's 17 `fulltext-callouts` documents.  The JATS partition: within each",
    "publisher the files are sorted by the SHA-256 of their name, even positions dev, odd",
    "positions test (eLife 9/9, PLOS 6/6, BMC 1/1; `corpora.jats_split`).",
]

PARSING = [
    "Field-level F1 as GROBID counts it: a field is *expected* when the gold has it, *predicted*",
    "when `parse_reference` outputs it, *correct* when both agree.  Strict: NFKC, surrounding",
    "punctuation/quotes/brackets trimmed, white space collapsed, dashes unified.  Soft: strict,",
    "then case- and accent-folded with everything but letters and digits removed.  First",
    "author = the first author's surname (for string gold it is read from the gold author",
    "string by a fixed rule in `normalize.first_surname`, independent of the parser); authors",
    '= the multiset of name words (surnames, given names, initials; "and"/"et al." dropped);',
    "year = the first four-digit year of the gold date.  Label conventions undone once for",
    'all: AnyStyle\'s folded `volume` ("6(1)", "vol.36, no. 9") is split into volume and issue,',
    '"pp." is dropped from pages, a leading "In"/"In:" from containers; a list number',
    "(`citation-number`) is not part of the AnyStyle string, as citecheck's list finder strips",
    "list markers before the parser sees an entry.  GROBID: `title@level=a` is the title, a",
    "`level=m` title is the title of a book cited whole and the container of a chapter or",
    "paper.  PLOS: the `mixed-citation` text with the space between surname and given names",
    "that the XML leaves to the stylesheet; a book cited whole has its `source` as title.",
    'A field a dataset does not annotate (ParsCit: DOI) is not scored ("–"); where the gold',
    "has no value at all, the cell shows how many values we output.",
]
PARSING_AFTER = [
    "Reading (run recorded above).  First author and year reach the 0.95 target on every test",
    "set (first author 0.936 on GROBID's arXiv file, whose strings carry PDF spacing noise such",
    "as `M .Maltoni ,Phys .Rep`).  Title, container, volume and pages reach 0.92 only on the",
    "biomedical PLOS strings (title 0.966, container 0.975, volume 0.993, pages 0.993); on",
    "AnyStyle's gold (APA, Chicago, MLA, humanities in five languages, physics) they stay at",
    "0.864 / 0.806 / 0.895 / 0.895, short of 0.92.  The misses on dev are humanities books",
    "and chapters written with commas only, where title, place, publisher and container are",
    "told apart by knowledge rather than punctuation, physics strings with no title at all",
    "(the journal read as a title), and PDF spacing noise.  PLOS issue F1 (0.800) is low",
    "because PLOS prints no issue in most strings while the XML carries one; GROBID DOI F1 is",
    "low because most of its DOIs are arXiv-style `doi :` strings split by spaces.",
    "**Cora is not held out:** 494 of its 500 strings also occur in AnyStyle `core.xml`/",
    "`good.xml`, our dev files, so its row compares with ParsCit's published table (.91–.99",
    "per field from 10-fold CV) but is not an unseen-data figure; CiteSeerX shares none.",
    "No statistical model was trained: the rule parser was kept (see the shortfalls below).",
]

SECTIONS = [
    "Line-level precision and recall of `ref` lines.  The document is the `.ttx` lines joined",
    "by `\\n`, read as plain text; a line is predicted `ref` when it is not blank and its text",
    "is part of an entry of the section `find_reference_section` returns.  Dev rows are",
    "three documents laid out by `sections.synthetic_dev` from `core.xml` strings as",
    "PDF-to-text leaves a dissertation's bibliography (wrapped lines, hanging indents, page",
    "numbers and running heads inside the list, alphabetic keys such as `[Abc10]`).",
]
SECTIONS_AFTER = [
    "Before this work the finder recovered 22 of 669 test lines (the first entries of one",
    "dissertation): page numbers and running heads inside the list ended it, `List of",
    "References` was no heading, alphabetic keys were no list markers, and an entry whose",
    "first line did not look like a reference ended the list.  Now page furniture is stepped",
    "over, hanging indents decide where entries start and end, and an entry is judged whole.",
]

CALLOUTS = [
    "Each JATS article is rendered by `render.py` to plain text, Markdown and HTML (title,",
    "abstracts, body with captions, table rows and boxes, back matter, the reference list, then",
    "eLife's decision letter and author response, which cite the same list).  Entry text is",
    "PLOS's own `mixed-citation` string; eLife, BMC and element-citation PLOS entries are",
    "printed from their fields in the journal's style by `adapt_jats.render_entry` (ours).",
    'Gold call-outs are the `xref ref-type="bibr"` spans in the rendered source; two numeric',
    "xrefs joined by a dash are one call-out pointing at the expanded range.  Detection: a gold",
    "call-out is found when a predicted citation's source span overlaps it; a predicted",
    "citation is right when it overlaps a gold call-out.  Linking: gold pairs are",
    "(call-out, reference) with ranges expanded; predicted pairs are citations the linker",
    "marked `linked`, paired with the gold entry their reference was read from.  Link",
    "accuracy = predicted gold pairs / gold pairs; link precision = gold pairs among the",
    "predicted ones.",
]
LINKS_AFTER = [
    "Targets: detection F1 ≥ 0.98 and link accuracy ≥ 0.97.  Numeric: met on dev (1.000) and",
    "for recall and links on test (recall 1.000, link accuracy 1.000); detection precision on",
    "test is 0.931, so F1 0.965 misses 0.98.  Author-year: detection F1 0.973 on dev and test,",
    "link accuracy 0.977 on dev but **0.657 on test**.  The test figure is dominated by two",
    "eLife test articles whose reference list the finder gets wrong (found by reading the",
    "output, not fixed, to keep the test split unseen): in `elife04493` the first entry (a",
    "genome paper with 195 authors) is a 2,164-character line, longer than the 2,000 characters",
    "the finder accepts for a list line, so no list is found (CIT111, 153 call-outs unlinked);",
    "in `elife00133` the author response printed after the list has its own four-entry",
    "`References` list, and the finder takes the *last* list in the document.  Detection",
    "precision counts as wrong the real citations the XML leaves unlinked (eLife writes some",
    "citations as plain text, e.g. `Hashimoto-Tane et al., 2011` in `elife04953`, and the",
    "decision letters cite without links); link precision counts their links as wrong too.",
    "Markdown and HTML agree with plain text to within 0.003.",
]

GROBID = [
    "GROBID's full texts have no reference list, so citecheck cannot know whether the article",
    'cites by number.  "Style known" tells the finder the numeric style of the 11 numeric',
    'documents (as a numbered reference list would); "blind" runs it as on an article whose',
    "list it cannot see.  Predicted call-outs are citation groups (one bracket).  Overlap",
    "matching as the guide recommends (GROBID's spans sometimes leave out a bracket).",
]
GROBID_AFTER = [
    "Overall F1 0.905 with the style known, 0.847 blind: round-bracket numbers `(1)` count as",
    "citations only when the list is numbered, so the two round-bracket documents score 0",
    "blind.  `PMC9780203` cites with superscripts that the TEI keeps as bare digits (`activities",
    "2-5 .`): nothing marks them, so they are not found (0 of 56).  `1512.00014` (author-year)",
    "has 76 false call-outs, mostly square-bracketed numbers of an arXiv paper without its",
    "reference list.  The ≥ 50 % overlap column is lower because GROBID's spans include the",
    "brackets and citecheck's exclude them (`[2, 3]` vs `2, 3`), as the guide warned.",
]

FALSE_ALARMS = [
    "Every finding of the citation rules (CIT1xx, CIT2xx) citecheck raises on the unmodified",
    "rendered articles is counted here (the target is fewer than 0.2 error-severity findings",
    "per article).  The prose rules (uncited claims, quotations) are measured by",
    "`python -m bench.claims` and are left out of every table on this page.",
]
FALSE_ALARMS_AFTER = [
    "Target: fewer than 0.2 error-severity findings per clean article.  Numeric articles: 0.14",
    "(dev) and 0.57 (test).  Author-year: 2.2 (dev) and 8.1 (test): missed.  The findings",
    "listed above fall in four groups.  (1) Real errors of the published articles, which",
    "citecheck is right to report: citations the XML itself leaves unlinked because the work",
    "is not in the list (`Hashimoto-Tane et al., 2011`, `Bouma et al., 2011` in `elife04953`;",
    "most of the decision-letter citations), `Soshikova` for Soshnikova (`elife-02833`),",
    "`Johnson` for Jönsson (`elife-14093`), `Zhou` for Zhu (`elife02304`), `Moulding et al.",
    "2013` for a 2007 entry (`elife04953`), `James-Clark 1868` for 1867 (`elife00013`), and",
    "PLOS `[80]`/`[120]` in a 53-entry list (`journal.pcbi.1004113`).  (2) Finder failures:",
    "the two test articles explained above (72 of the 73 test author-year errors: one CIT111",
    "and the CIT101s of `elife00133`, whose list was taken from the author response).",
    "(3) Citation-finder misreadings of informal text: `PLOS Genetics 2008`, `al Nature 2010`",
    "(from `He et al Nature 2010`), `Xds, 2010`, `AIC, Akaike, 1973`, `Fourth Estate, 2012`,",
    "`EpiInfo 2007`, `Stata 2009`.  (4) Two DOIs with SICI angle brackets reported malformed",
    "(CIT201).  Warnings include CIT107 (`et al.` for two authors as eLife's house style",
    "writes it) and CIT102 for entries cited only in places we do not render.",
]

INJECTION = [
    "Seeded injection (`injection.py`): per article and error type, K variants, each with one",
    "error whose place is logged as gold (the call-outs and/or the reference entry it",
    "touches).  Recall: the variant has a finding of an accepted rule at the injected place.",
    "Precision: of the findings the injection added (variant minus clean baseline, compared",
    "by rule and gold element because offsets move), the share at the injected place under an",
    "accepted rule.  The accepted rules were fixed before running: a surname typo may be an",
    "author mismatch (CIT104) or, for a surname too short to be a near miss, a citation",
    "without reference (CIT101); a year change CIT103 (CIT105 also when a dropped letter",
    'leaves "2012" between 2012a and 2012b); a deleted reference CIT101 (CIT108 when it was',
    "the last numbered entry; numbered lists keep their printed numbers, as a real deletion",
    "would); an orphan (every call-out to it removed with its separator) CIT102; a number past",
    "the end (N+1..N+3) CIT108; `et al.` misuse (a two-author work cited `X et al.` or a",
    "three-plus-author work cited `X and Y`) CIT107; a duplicate (a copy with one formatting",
    "change, inserted after the original or appended to a numbered list) CIT106 on either",
    "copy.  Types that cannot apply are not run: numeric call-outs carry no surname or year,",
    'and an author-year list has no numbers ("articles where n/a").',
]
INJECTION_AFTER = [
    "Targets: recall ≥ 0.95 and precision ≥ 0.95 for every type.  Met on dev for call-out",
    "typos, call-out years, orphans, numbers past the end (recall), `et al.` misuse and",
    "duplicates (recall).  Short elsewhere, for these reasons: on test, the two eLife articles",
    "whose list the finder misses hold 2 of the 9 author-year articles, so every author-year",
    "type loses about a fifth of its variants there.  A typo in a *reference* surname often",
    "leaves the citations linked to another work by the same (misspelt) author or unmatched,",
    "and the entry becomes uncited (CIT102): at the place, but not an accepted rule, and",
    "counted against precision.  A number moved past the end leaves the entry it cited",
    "uncited (CIT102, precision 0.67–0.75): a true consequence, not an accepted rule.  A",
    "changed year that lands on another work of the same first author links there",
    '("at the place under another rule").  A deleted reference whose surname and year',
    "nearly match another entry is reported as a year or author mismatch with that entry.",
]

SHORTFALLS = [
    "## What falls short, and why",
    "",
    "- Parsing title/container/volume/pages ≥ 0.92 holds on PLOS only; AnyStyle gold stays",
    "  at 0.86/0.81/0.90/0.90.  A token CRF (AnyStyle's and GROBID's approach) trained on",
    "  core+good is the route there; it was not attempted in this round, so no model or new",
    "  dependency was added.",
    "- Author-year link accuracy on the test articles (0.657) and author-year false alarms:",
    "  two list-finder failures on test articles (an over-long first entry; a second",
    "  `References` list after the main one).  Both are stated above and deliberately left",
    "  unfixed in the tuning round that produced these numbers.",
    "- Clean-article error rate: most remaining author-year errors are true errors in the",
    "  published articles; the rest are informal citations misread (group 3 above).",
    "- Injection precision is held down by consequential findings (an entry left uncited) that",
    "  the protocol does not accept; recall on test by the same two finder failures.",
]
