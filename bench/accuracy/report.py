"""The Markdown tables of docs/benchmarks-accuracy.md, one function per measurement."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections import Counter
from collections.abc import Sequence

from bench.accuracy.callouts import ArticleRun, CalloutScore, LinkScore, errors
from bench.accuracy.corpora import ROOT
from bench.accuracy.fabrication import ROUTES, KindScore, summary
from bench.accuracy.injection import TYPES, TypeScore
from bench.accuracy.intervals import article_interval, fmt_interval
from bench.accuracy.matching import MatchScore
from bench.accuracy.parsing import FieldTable, ParseSet
from bench.accuracy.schema import FIELDS
from bench.accuracy.scoring import Counts, fmt
from bench.accuracy.sections import SectionResult
from bench.machine import machine
from citecheck.diagnostics import Diagnostic


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "src", "bench")
    return f"{head} plus uncommitted changes" if dirty else head


def header(command: str) -> list[str]:
    return [
        f"Machine: {machine()}. Date: {dt.date.today().isoformat()}. Commit: {commit()}. "
        f"Command: `{command}`.",
        "",
    ]


def _cell(table: FieldTable, name: str, annotated: frozenset[str]) -> str:
    if name not in annotated:
        return "–"
    soft, strict = table.get(name, "soft"), table.get(name, "strict")
    if not soft.expected:
        return f"– ({soft.predicted} out)"
    return f"{fmt(soft.f1)} / {fmt(strict.f1)}"


def parsing_table(results: Sequence[tuple[ParseSet, FieldTable]]) -> list[str]:
    names = [
        "first author",
        "authors",
        "year",
        "title",
        "container",
        "volume",
        "issue",
        "pages",
        "DOI",
    ]
    out = [
        "| split | dataset | n | " + " | ".join(names) + " |",
        "|---|---|---|" + "---|" * len(names),
    ]
    for ps, table in results:
        cells = " | ".join(_cell(table, f, ps.annotated) for f in FIELDS)
        out.append(f"| {ps.split} | {ps.name} | {table.n} | {cells} |")
    return out


def parsing_pr_table(results: Sequence[tuple[ParseSet, FieldTable]]) -> list[str]:
    """Soft precision and recall behind the F1 of the test sets."""
    out = [
        "| dataset | "
        + " | ".join(f"{f} P / R" for f in ("title", "container", "volume", "pages"))
        + " |",
        "|---|---|---|---|---|",
    ]
    for ps, table in results:
        if ps.split != "test":
            continue
        cells = []
        for f in ("title", "container", "volume", "pages"):
            c = table.get(f, "soft")
            cells.append(f"{fmt(c.precision, c.predicted)} / {fmt(c.recall, c.expected)}")
        out.append(f"| {ps.name} | " + " | ".join(cells) + " |")
    return out


def sections_table(rows: Sequence[tuple[str, SectionResult]]) -> list[str]:
    out = [
        "| split | document | lines | gold `ref` lines | predicted | correct | precision | recall | entries found |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    total: dict[str, Counts] = {}
    for split, r in rows:
        c = r.counts
        out.append(
            f"| {split} | {r.name} | {r.lines} | {c.expected} | {c.predicted} | {c.correct} | "
            f"{fmt(c.precision, c.predicted)} | {fmt(c.recall, c.expected)} | {r.entries} |"
        )
        total.setdefault(split, Counts()).merge(c)
    for split, c in total.items():
        out.append(
            f"| {split} | **all** | | {c.expected} | {c.predicted} | {c.correct} | "
            f"**{fmt(c.precision, c.predicted)}** | **{fmt(c.recall, c.expected)}** | |"
        )
    return out


def _pooled_links(parts: Sequence[LinkScore]) -> LinkScore:
    total = LinkScore()
    for part in parts:
        total.merge(part)
    return total


def _detection_f1(parts: Sequence[LinkScore]) -> float | None:
    pooled = _pooled_links(parts)
    return pooled.detection_f1 if pooled.detection.expected else None


def _link_accuracy(parts: Sequence[LinkScore]) -> float | None:
    pooled = _pooled_links(parts)
    return pooled.links.recall if pooled.links.expected else None


def links_table(runs: Sequence[ArticleRun]) -> list[str]:
    out = [
        "| split | style | format | articles | call-outs | detection P | detection R | detection F1 | F1 95 % interval | gold pairs | link accuracy | accuracy 95 % interval | link precision |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    groups: dict[tuple[str, str, str], list[ArticleRun]] = {}
    for run in runs:
        groups.setdefault((run.split, run.article.style, run.format), []).append(run)
    for (split, style, fmt_), items in sorted(groups.items()):
        parts = [run.score for run in items]
        s = _pooled_links(parts)
        seed = f"{split}:{style}:{fmt_}"
        f1_bounds = article_interval(parts, _detection_f1, seed=seed + ":detection")
        link_bounds = article_interval(parts, _link_accuracy, seed=seed + ":links")
        out.append(
            f"| {split} | {style} | {fmt_} | {len(items)} | {s.detection.expected} | "
            f"{fmt(s.detection_precision)} | {fmt(s.detection_recall)} | {fmt(s.detection_f1)} | "
            f"{fmt_interval(f1_bounds)} | {s.links.expected} | {fmt(s.links.recall)} | "
            f"{fmt_interval(link_bounds)} | {fmt(s.links.precision)} |"
        )
    return out


def grobid_table(blind: Sequence[CalloutScore], known: Sequence[CalloutScore]) -> list[str]:
    out = [
        "| document | style | gold call-outs | found (any overlap) | found (≥50 %) | predicted | P (any) | R (any) | F1 (any) | F1 (≥50 %) | F1 blind |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]

    def f1(right: int, predicted: int, found: int, gold: int) -> float:
        p = right / predicted if predicted else 0.0
        r = found / gold if gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    totals = [0] * 9
    for s, b in zip(known, blind, strict=True):
        numeric = "numeric" if s.numeric else "author-year"
        out.append(
            f"| {s.name} | {numeric} | {s.gold} | {s.found_any} | {s.found_half} | {s.predicted} | "
            f"{fmt(s.right_any / s.predicted if s.predicted else 0.0, s.predicted)} | "
            f"{fmt(s.found_any / s.gold if s.gold else 0.0, s.gold)} | "
            f"{fmt(f1(s.right_any, s.predicted, s.found_any, s.gold))} | "
            f"{fmt(f1(s.right_half, s.predicted, s.found_half, s.gold))} | "
            f"{fmt(f1(b.right_any, b.predicted, b.found_any, b.gold))} |"
        )
        for k, v in enumerate(
            (
                s.gold,
                s.found_any,
                s.found_half,
                s.predicted,
                s.right_any,
                s.right_half,
                b.predicted,
                b.right_any,
                b.found_any,
            )
        ):
            totals[k] += v
    g, fa, fh, p, ra, rh, bp, bra, bfa = totals
    out.append(
        f"| **all 17** | | {g} | {fa} | {fh} | {p} | {fmt(ra / p if p else 0.0)} | {fmt(fa / g if g else 0.0)} | "
        f"**{fmt(f1(ra, p, fa, g))}** | {fmt(f1(rh, p, fh, g))} | {fmt(f1(bra, bp, bfa, g))} |"
    )
    return out


def false_alarm_table(runs: Sequence[ArticleRun]) -> list[str]:
    out = [
        "| split | style | format | articles | error findings | errors per article | warnings | of them errors in peer review | errors per article counting those | by rule |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    groups: dict[tuple[str, str, str], list[ArticleRun]] = {}
    for run in runs:
        groups.setdefault((run.split, run.article.style, run.format), []).append(run)
    for (split, style, fmt_), items in sorted(groups.items()):
        diags = [d for r in items for d in r.placed.audit.diagnostics]
        errs = errors(diags)
        warnings = sum(1 for d in diags if d.severity.label == "warning")
        demoted = len(_peer_review_errors(diags))
        codes = Counter(d.code for d in diags)
        by_rule = ", ".join(f"{c} {n}" for c, n in sorted(codes.items())) or "none"
        out.append(
            f"| {split} | {style} | {fmt_} | {len(items)} | {len(errs)} | "
            f"{len(errs) / len(items):.2f} | {warnings} | {demoted} | "
            f"{(len(errs) + demoted) / len(items):.2f} | {by_rule} |"
        )
    return out


def _peer_review_errors(diags: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Warnings that are errors outside peer-review material (`consistency._in_peer_review`)."""
    return [d for d in diags if "peer_review_heading" in d.data]


def error_list(runs: Sequence[ArticleRun]) -> list[str]:
    """Every error-severity finding on the clean articles (plain text rendering), and
    every finding that is an error outside peer-review material."""
    out = []
    for run in runs:
        if run.format != "text":
            continue
        diags = run.placed.audit.diagnostics
        for d in sorted([*errors(diags), *_peer_review_errors(diags)], key=Diagnostic.sort_key):
            out.append(
                f"- {run.split} `{run.article.name}` {d.code} ({d.severity.label}): {d.message}"
            )
    return out or ["- none"]


def _recall(parts: Sequence[TypeScore]) -> float | None:
    variants = sum(p.variants for p in parts)
    return sum(p.hits for p in parts) / variants if variants else None


def _precision(parts: Sequence[TypeScore]) -> float | None:
    added = sum(p.added for p in parts)
    return sum(p.added_right for p in parts) / added if added else None


def injection_table(scores: dict[str, dict[str, TypeScore]]) -> list[str]:
    out = [
        "| split | error type | accepted rules | variants | recall | recall 95 % interval | precision | precision 95 % interval | findings added | at the place under another rule | articles where n/a |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for split, by_type in scores.items():
        for kind, s in by_type.items():
            rules = ", ".join(sorted(TYPES[kind]))
            precision = fmt(s.precision, s.added)
            if s.added_consequences:
                # The entries the injection left uncited: shown both ways (see the notes).
                rules += " (+ CIT102 on an entry left uncited)"
                precision += f" ({fmt(s.strict_precision, s.added)} strict)"
            parts = [s.by_article[name] for name in sorted(s.by_article)]
            recall_bounds = article_interval(parts, _recall, seed=f"{split}:{kind}:recall")
            precision_bounds = article_interval(parts, _precision, seed=f"{split}:{kind}:precision")
            out.append(
                f"| {split} | {kind} | {rules} | {s.variants} | {fmt(s.recall, s.variants)} | "
                f"{fmt_interval(recall_bounds)} | {precision} | {fmt_interval(precision_bounds)} | "
                f"{s.added} | {s.other_rule_at_place} | {s.not_applicable} |"
            )
    return out


def matching_table(scores: dict[tuple[str, str], MatchScore]) -> list[str]:
    out = [
        "| split | query style | queries | target among the stand-in's hits | linked right | linked wrong | precision | recall | F1 | false links, own record withheld | false-link rate |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (split, style), s in scores.items():
        made = s.right + s.wrong
        p, r = s.precision or 0.0, s.recall or 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out.append(
            f"| {split} | {style} | {s.queries} | {fmt(s.retrieved / max(s.queries, 1), s.queries)} | "
            f"{s.right} | {s.wrong} | {fmt(p, made)} | {fmt(r, s.queries)} | {fmt(f1, made)} | "
            f"{s.false_links} | {fmt(s.false_link_rate or 0.0, s.queries)} |"
        )
    return out


def matching_examples(scores: dict[tuple[str, str], MatchScore], split: str) -> list[str]:
    """Every wrong link of one split, and the false links of its APA queries (the other
    styles' false links are mostly the same works), folded away: they run long."""
    out = ["<details><summary>The links, query → DOI linked</summary>", ""]
    for (where, style), s in scores.items():
        if where != split:
            continue
        out += [f"- {style}, linked wrong: {_code(e)}" for e in s.wrong_examples]
        if style == "apa":
            out += [f"- {style}, false link: {_code(e)}" for e in s.false_examples]
    return [*out, "", "</details>"]


def _code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def fabrication_table(scores: dict[tuple[str, str], KindScore]) -> list[str]:
    out = [
        "| split | kind | tier | entries | unread | flagged | rate | faithful | flagged of those | rate, faithful | flagging findings by rule |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (split, kind), s in sorted(
        scores.items(), key=lambda i: (i[0][0], i[0][1] != "valid", i[1].tier or 0, i[0][1])
    ):
        rules = ", ".join(f"{code} {n}" for code, n in sorted(s.rules.items())) or "–"
        out.append(
            f"| {split} | {kind} | {s.tier or '–'} | {s.entries} | {s.unread} | {s.flagged} | "
            f"{fmt(s.rate or 0.0, s.entries)} | {s.faithful} | {s.flagged_faithful} | "
            f"{fmt(s.faithful_rate or 0.0, s.faithful)} | {rules} |"
        )
    return out


def fabrication_summary(scores: dict[tuple[str, str], KindScore]) -> list[str]:
    out = [
        "| split | entries counted | hallucinated | detected | detection rate | valid | flagged | false-positive rate | F1 | MCC |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for split in dict.fromkeys(split for split, _ in scores):
        rows = [
            ("all", summary(scores, split)),
            ("faithful", summary(scores, split, faithful_only=True)),
        ]
        rows += [(f"faithful, {via}", summary(scores, split, via=via)) for via in ROUTES]
        for label, m in rows:
            out.append(
                f"| {split} | {label} | {m.hallucinated} | {m.detected} | "
                f"{fmt(m.detection_rate or 0.0, m.hallucinated)} | {m.valid} | {m.false_alarms} | "
                f"{fmt(m.false_positive_rate or 0.0, m.valid)} | {_opt(m.f1)} | {_opt(m.mcc)} |"
            )
    return out


def fabrication_examples(scores: dict[tuple[str, str], KindScore], split: str) -> list[str]:
    """Every faithful miss and false alarm of one split, folded away."""
    out = ["<details><summary>Misses and false alarms: entry → flagging findings</summary>", ""]
    for (where, kind), s in sorted(scores.items()):
        if where == split:
            out += [f"- {kind}: {_code(e)}" for e in s.examples]
    return [*out, "", "</details>"]


def _opt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
