"""Measurement (a): reference-string parsing, field-level P/R/F1, strict and soft.

Each field is scored as GROBID scores it: *expected* when the gold has it, *predicted*
when `parse_reference` outputs it, *correct* when both agree after normalisation
(`bench.accuracy.normalize`).  A field a dataset never annotates (ParsCit has no DOI
tag) is not scored on that dataset.  Authors are compared as the multiset of name
words (surnames, given names, initials; "and", "et al." dropped), so the order a
style writes given and family names in does not matter; the first author is its
surname alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from bench.accuracy import adapt_anystyle, adapt_grobid, adapt_jats, adapt_parscit, corpora
from bench.accuracy.normalize import (
    container_of,
    doi_of,
    first_surname,
    name_words,
    pages_of,
    soft,
    strict,
    year_of,
)
from bench.accuracy.schema import FIELDS, GoldReference
from bench.accuracy.scoring import Counts
from citecheck.model import ReferenceFields
from citecheck.refparse import parse_reference

Split = Literal["dev", "test"]
Variant = Literal["strict", "soft"]


@dataclass
class ParseSet:
    name: str
    split: Split
    refs: list[GoldReference]
    annotated: frozenset[str]
    note: str = ""


@dataclass
class FieldTable:
    counts: dict[tuple[str, Variant], Counts] = field(default_factory=dict)
    n: int = 0

    def get(self, name: str, variant: Variant) -> Counts:
        return self.counts.setdefault((name, variant), Counts())


def parse_sets(*, quick: bool = False, splits: Iterable[Split] = ("dev", "test")) -> list[ParseSet]:
    """Every parsing dataset, dev and test, as the guide splits them."""
    wanted = set(splits)
    out: list[ParseSet] = []
    limit = 300 if quick else None
    if "test" in wanted:
        training = [corpora.anystyle_parser(n) for n in ("core", "good", "bad", "ugly")]
        seen = adapt_anystyle.raw_strings(training)
        gold = adapt_anystyle.read_parser_file(corpora.anystyle_parser("gold"), "anystyle-gold")
        held_out = [r for r in gold if r.raw not in seen]
        out.append(
            ParseSet(
                "AnyStyle gold.xml (held out)",
                "test",
                held_out[:limit],
                adapt_anystyle.ANNOTATED,
                f"{len(gold)} strings minus {len(gold) - len(held_out)} also in core/good/bad/ugly",
            )
        )
        out.append(
            ParseSet(
                "PLOS mixed-citation (JATS)",
                "test",
                adapt_jats.plos_mixed_citations(corpora.jats_articles())[:limit],
                adapt_jats.ANNOTATED,
            )
        )
        for path in corpora.grobid_evaluation():
            short = path.name.replace("evaluation-citation-", "").replace(".tei.xml", "")
            out.append(
                ParseSet(
                    f"GROBID evaluation: {short}",
                    "test",
                    adapt_grobid.read_bibl_file(path, "grobid-eval")[:limit],
                    adapt_grobid.ANNOTATED,
                )
            )
        for name in corpora.PARSCIT_TEST:
            out.append(
                ParseSet(
                    f"ParsCit {'Cora' if name == 'cora' else 'CiteSeerX'}",
                    "test",
                    adapt_parscit.read_file(corpora.parscit(name), name)[:limit],
                    adapt_parscit.ANNOTATED,
                )
            )
    if "dev" in wanted:
        for name in ("core", "good"):
            refs = adapt_anystyle.read_parser_file(
                corpora.anystyle_parser(name), f"anystyle-{name}"
            )
            out.append(
                ParseSet(f"AnyStyle {name}.xml", "dev", refs[:limit], adapt_anystyle.ANNOTATED)
            )
        grobid = [
            ref
            for path in corpora.grobid_corpus()
            for ref in adapt_grobid.read_bibl_file(path, "grobid-corpus")
        ]
        out.append(
            ParseSet(
                "GROBID corpus (minus citations.xml)",
                "dev",
                grobid[:limit],
                adapt_grobid.ANNOTATED,
            )
        )
        parscit_dev = [
            ref
            for name in corpora.PARSCIT_DEV
            for ref in adapt_parscit.read_file(corpora.parscit(name), name)
        ]
        out.append(
            ParseSet(
                "ParsCit FLUX-CiM, ICONIP, humanities",
                "dev",
                parscit_dev[:limit],
                adapt_parscit.ANNOTATED,
            )
        )
    return out


# -- comparing one field ---------------------------------------------------------------


def _gold_value(ref: GoldReference, name: str) -> str:
    value = ref.fields.get(name, "")
    if name == "first_author":
        return value or first_surname(ref.fields.get("authors", ""))
    if name == "year":
        return year_of(value)
    if name == "container":
        return container_of(value)
    if name == "pages":
        return pages_of(value)
    if name == "doi":
        return doi_of(value)
    return value


def _predicted_value(parsed: ReferenceFields, name: str) -> str:
    if name == "first_author":
        return parsed.authors[0].family if parsed.authors else ""
    if name == "year":
        return parsed.year if parsed.year and parsed.year.isdigit() else ""
    if name == "pages":
        return pages_of(parsed.pages or "")
    value = getattr(parsed, name)
    return value if isinstance(value, str) else ""


def _author_words(parsed: ReferenceFields) -> list[str]:
    words: list[str] = []
    for a in parsed.authors:
        words.extend(name_words(" ".join(x for x in (a.family, a.given, a.suffix) if x)))
    return words


def _gold_author_words(ref: GoldReference) -> list[str]:
    if ref.author_words is not None:
        return list(ref.author_words)
    return name_words(ref.fields.get("authors", ""))


_NORMALISE: dict[Variant, Callable[[str | None], str]] = {"strict": strict, "soft": soft}


def compare(
    ref: GoldReference, parsed: ReferenceFields, name: str, variant: Variant
) -> tuple[bool, bool, bool]:
    """(expected, predicted, correct) for one field of one reference."""
    norm = _NORMALISE[variant]
    if name == "authors":
        gold = Counter(norm(w) for w in _gold_author_words(ref))
        pred = Counter(norm(w) for w in _author_words(parsed))
        gold.pop("", None)
        pred.pop("", None)
        return bool(gold), bool(pred), bool(gold) and gold == pred
    gold_value = norm(_gold_value(ref, name))
    pred_value = norm(_predicted_value(parsed, name))
    if name == "doi":
        gold_value, pred_value = gold_value.lower(), pred_value.lower()
    return bool(gold_value), bool(pred_value), bool(gold_value) and gold_value == pred_value


def evaluate(parse_set: ParseSet) -> FieldTable:
    table = FieldTable(n=len(parse_set.refs))
    for ref in parse_set.refs:
        parsed = parse_reference(ref.raw)
        for name in FIELDS:
            if name not in parse_set.annotated:
                continue
            for variant in ("strict", "soft"):
                table.get(name, variant).add(*compare(ref, parsed, name, variant))
    return table


def mismatches(parse_set: ParseSet, name: str) -> Iterator[tuple[GoldReference, str, str]]:
    """(reference, gold, predicted) where the soft comparison of ``name`` fails (dev only)."""
    if parse_set.split != "dev":
        raise ValueError("mismatches are listed for dev sets only: never tune on test data")
    for ref in parse_set.refs:
        parsed = parse_reference(ref.raw)
        expected, predicted, correct = compare(ref, parsed, name, "soft")
        if (expected or predicted) and not correct:
            if name == "authors":
                gold = " ".join(_gold_author_words(ref))
                pred = " | ".join(f"{a.family}, {a.given}" for a in parsed.authors)
            else:
                gold = _gold_value(ref, name)
                pred = _predicted_value(parsed, name)
            yield ref, gold, pred
