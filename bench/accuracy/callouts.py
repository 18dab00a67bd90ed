"""Measurement (c): call-out detection and citation linking on the rendered JATS
articles, call-out detection on GROBID's full texts, and the false alarms citecheck
raises on the clean articles.

Detection is scored on spans in the *source* (predicted extracted-text spans are
mapped back through the document's position map): a gold call-out is found when a
predicted citation overlaps it, a predicted citation is right when it overlaps a gold
call-out.  Linking is scored on (call-out, reference) pairs: gold pairs are every
reference a call-out points at (ranges expanded); a predicted pair is a citation the
linker marked ``linked``, paired with the gold call-out it overlaps and with the gold
entry that holds the reference it was linked to.  Link accuracy is the share of gold
pairs predicted; link precision the share of predicted pairs that are gold.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bench.accuracy import adapt_grobid, corpora
from bench.accuracy.adapt_jats import Article, read_article
from bench.accuracy.render import FORMATS, Format, render
from bench.accuracy.schema import CalloutDocument, RenderedArticle
from bench.accuracy.scoring import Counts
from citecheck.audit import AuditSettings, FileAudit, audit_document
from citecheck.citations import find_citations
from citecheck.diagnostics import Diagnostic, Severity
from citecheck.document import Document
from citecheck.markup import html_document, markdown_document
from citecheck.model import Span
from citecheck.selection import RulePolicy


def load_document(rendered: RenderedArticle) -> Document:
    if rendered.format == "markdown":
        return markdown_document(rendered.name, rendered.source)
    if rendered.format == "html":
        return html_document(rendered.name, rendered.source)
    return Document.plain(rendered.name, rendered.source)


def source_span(doc: Document, span: Span) -> tuple[int, int]:
    start = doc.map.source_offset(span.start)
    end = doc.map.source_offset(span.end - 1) + 1 if span.end > span.start else start
    return start, end


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Placed:
    """An audit with its citations and references placed on the gold."""

    rendered: RenderedArticle
    audit: FileAudit
    doc: Document
    unit_of_citation: dict[str, list[str]] = field(default_factory=dict)
    """Citation id -> ids of the gold call-outs its source span overlaps."""
    entry_of_reference: dict[str, str] = field(default_factory=dict)
    """Reference id -> id of the gold entry it was read from."""
    citation_spans: dict[str, tuple[int, int]] = field(default_factory=dict)


# The measurements here are about citations and reference lists; the prose rules
# (uncited claims, quotations) have their own benchmark (bench/claims.py) and would
# only blur the injected-error precision (removing citations does make claims uncited).
CITATION_RULES = AuditSettings(policy=RulePolicy(select=("CIT1", "CIT2")))


def place(rendered: RenderedArticle, settings: AuditSettings | None = None) -> Placed:
    doc = load_document(rendered)
    audit = audit_document(doc, settings or CITATION_RULES)
    placed = Placed(rendered, audit, doc)
    ex = audit.extraction
    if ex is None:
        return placed
    units = sorted(rendered.callouts, key=lambda u: u.start)
    starts = [u.start for u in units]
    for c in ex.citations:
        span = source_span(doc, c.span)
        placed.citation_spans[c.id] = span
        k = max(0, bisect_left(starts, span[0]) - 3)
        hits = []
        while k < len(units) and units[k].start < span[1]:
            if _overlaps(span, (units[k].start, units[k].end)):
                hits.append(units[k].id)
            k += 1
        placed.unit_of_citation[c.id] = hits
    for ref in ex.references:
        start, end = source_span(doc, ref.span)
        for entry in rendered.entries:
            if _overlaps((start, end), (entry.start, entry.end)):
                placed.entry_of_reference[ref.id] = entry.id
                break
    return placed


@dataclass
class LinkScore:
    detection: Counts = field(default_factory=Counts)
    """expected = gold call-outs, predicted = predicted spans, correct counted twice
    (see `detection_precision`)."""
    detected_gold: int = 0
    right_predicted: int = 0
    links: Counts = field(default_factory=Counts)

    def merge(self, other: LinkScore) -> None:
        self.detection.merge(other.detection)
        self.detected_gold += other.detected_gold
        self.right_predicted += other.right_predicted
        self.links.merge(other.links)

    @property
    def detection_precision(self) -> float:
        return self.right_predicted / self.detection.predicted if self.detection.predicted else 0.0

    @property
    def detection_recall(self) -> float:
        return self.detected_gold / self.detection.expected if self.detection.expected else 0.0

    @property
    def detection_f1(self) -> float:
        p, r = self.detection_precision, self.detection_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_links(placed: Placed) -> LinkScore:
    score = LinkScore()
    rendered = placed.rendered
    ex = placed.audit.extraction
    score.detection.expected = len(rendered.callouts)
    gold_pairs = {(u.id, r) for u in rendered.callouts for r in u.refs}
    score.links.expected = len(gold_pairs)
    if ex is None:
        return score
    spans = {placed.citation_spans[c.id] for c in ex.citations}
    score.detection.predicted = len(spans)
    right_spans = {
        placed.citation_spans[c.id] for c in ex.citations if placed.unit_of_citation[c.id]
    }
    score.right_predicted = len(right_spans)
    found_units = {u for c in ex.citations for u in placed.unit_of_citation[c.id]}
    score.detected_gold = len(found_units)
    predicted_pairs: set[tuple[str, str]] = set()
    for lk in placed.audit.links:
        if lk.status != "linked":
            continue
        units = placed.unit_of_citation.get(lk.citation.id) or [f"none:{lk.citation.id}"]
        for ref in lk.references:
            entry = placed.entry_of_reference.get(ref.id, f"unplaced:{ref.id}")
            # A range's citation overlaps one unit; a citation overlapping two units
            # (a predicted span that swallowed two call-outs) pairs with the right one.
            match = [u for u in units if (u, entry) in gold_pairs]
            predicted_pairs.add((match[0] if match else units[0], entry))
    score.links.predicted = len(predicted_pairs)
    score.links.correct = len(predicted_pairs & gold_pairs)
    return score


# -- the JATS articles ---------------------------------------------------------------------


@dataclass
class ArticleRun:
    article: Article
    split: str
    format: Format
    placed: Placed
    score: LinkScore


def articles(
    *, quick: bool = False, splits: Iterable[str] = ("dev", "test")
) -> list[tuple[Article, str]]:
    wanted = set(splits)
    out = []
    for path in corpora.jats_articles():
        split = corpora.jats_split(path)
        if split in wanted:
            out.append((read_article(path), split))
    if quick:
        # One article of each publisher and split: enough to notice a regression.
        seen: set[tuple[str, str]] = set()
        picked = []
        for article, split in out:
            if (article.publisher, split) not in seen:
                seen.add((article.publisher, split))
                picked.append((article, split))
        out = picked
    return out


def run_articles(
    items: Sequence[tuple[Article, str]], formats: Sequence[Format] = FORMATS
) -> list[ArticleRun]:
    runs = []
    for article, split in items:
        for fmt in formats:
            placed = place(render(article, fmt))
            runs.append(ArticleRun(article, split, fmt, placed, score_links(placed)))
    return runs


def false_alarms(placed: Placed) -> list[Diagnostic]:
    """Every finding on a clean article (all of them are false by construction,
    except the CIT102 on a reference the article itself never cites)."""
    return list(placed.audit.diagnostics)


def severity_counts(diagnostics: Iterable[Diagnostic]) -> Counter[str]:
    out: Counter[str] = Counter()
    for d in diagnostics:
        out[d.severity.label] += 1
        out[d.code] += 1
    return out


def errors(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == Severity.ERROR]


# -- GROBID full texts ---------------------------------------------------------------------


@dataclass
class CalloutScore:
    name: str
    numeric: bool
    gold: int
    predicted: int
    found_any: int
    right_any: int
    found_half: int
    right_half: int


def _half(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Overlap of at least half the longer of the two spans."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= max(a[1] - a[0], b[1] - b[0])


def grobid_callouts(doc: CalloutDocument, *, style_known: bool) -> CalloutScore:
    """Call-out detection on one GROBID full text.  ``style_known``: the finder is told
    the text cites by number (as a numbered reference list would tell it); otherwise
    it runs as on an article whose list it cannot see."""
    citations = find_citations(doc.text, numbered_list=style_known and doc.numeric)
    groups: dict[int, tuple[int, int]] = {}
    for c in citations:
        a, b = groups.get(c.group, (c.span.start, c.span.end))
        groups[c.group] = (min(a, c.span.start), max(b, c.span.end))
    predicted = sorted(set(groups.values()))
    gold = list(doc.spans)
    return CalloutScore(
        doc.name,
        doc.numeric,
        len(gold),
        len(predicted),
        sum(1 for g in gold if any(_overlaps(g, p) for p in predicted)),
        sum(1 for p in predicted if any(_overlaps(g, p) for g in gold)),
        sum(1 for g in gold if any(_half(g, p) for p in predicted)),
        sum(1 for p in predicted if any(_half(g, p) for g in gold)),
    )


def run_grobid(*, style_known: bool, quick: bool = False) -> list[CalloutScore]:
    paths = corpora.grobid_callouts()
    if quick:
        paths = paths[:4]
    return [
        grobid_callouts(adapt_grobid.read_callout_file(p), style_known=style_known) for p in paths
    ]
