"""``python -m bench.accuracy``: every accuracy measurement, written to a Markdown page.

Options: ``--quick`` (a subset of each dataset, K=3 variants), ``--only`` to pick
measurements, ``-k`` for the variants per article and error type, ``--output`` for
the page (``-`` prints it).  Nothing here is timed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.accuracy import (
    adapt_crossref,
    adapt_probes,
    callouts,
    fabrication,
    injection,
    matching,
    notes,
    parsing,
    report,
    sections,
)
from bench.accuracy.corpora import ROOT
from bench.accuracy.render import FORMATS

PROBES = "dev: our probes"
"""The split label of the injections into our own author-year probe articles."""
MEASUREMENTS = ("parsing", "sections", "callouts", "injection", "matching", "fabrication")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a subset of every dataset")
    parser.add_argument("--only", choices=MEASUREMENTS, action="append", help="repeatable")
    parser.add_argument("-k", type=int, default=None, help="variants per article and type")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument(
        "--output", default=str(ROOT / "docs" / "benchmarks-accuracy.md"), help="'-' for stdout"
    )
    args = parser.parse_args(argv)
    wanted = set(args.only or MEASUREMENTS)
    k = args.k if args.k is not None else (3 if args.quick else 20)
    command = "python -m bench.accuracy" + (" " + " ".join(argv or sys.argv[1:])).rstrip()
    lines = ["# Accuracy benchmarks", "", *notes.INTRO, "", *report.header(command)]
    started = time.perf_counter()

    if "parsing" in wanted:
        results = [(ps, parsing.evaluate(ps)) for ps in parsing.parse_sets(quick=args.quick)]
        lines += ["## (a) Reference parsing", "", *notes.PARSING, ""]
        lines += ["Soft F1 / strict F1 per field:", "", *report.parsing_table(results), ""]
        lines += [
            "Soft precision / recall on the test sets:",
            "",
            *report.parsing_pr_table(results),
            "",
        ]
        lines += [*notes.PARSING_AFTER, ""]
        _progress("parsing", started)

    if "sections" in wanted:
        rows = [("dev", r) for r in sections.run_dev()] + [("test", r) for r in sections.run()]
        lines += ["## (b) Reference-section detection", "", *notes.SECTIONS, ""]
        lines += [*report.sections_table(rows), "", *notes.SECTIONS_AFTER, ""]
        _progress("sections", started)

    if "callouts" in wanted:
        items = callouts.articles(quick=args.quick)
        runs = callouts.run_articles(items, FORMATS)
        lines += ["## (c) Call-out detection and linking", "", *notes.CALLOUTS, ""]
        lines += ["### JATS articles", "", *report.links_table(runs), "", *notes.LINKS_AFTER, ""]
        known = callouts.run_grobid(style_known=True, quick=args.quick)
        blind = callouts.run_grobid(style_known=False, quick=args.quick)
        lines += ["### GROBID full texts (call-out detection only)", "", *notes.GROBID, ""]
        lines += [*report.grobid_table(blind, known), "", *notes.GROBID_AFTER, ""]
        lines += ["### False alarms on the clean articles", "", *notes.FALSE_ALARMS, ""]
        lines += [*report.false_alarm_table(runs), ""]
        lines += ["Every error-severity finding on the clean articles (plain text):", ""]
        lines += [*report.error_list(runs), "", *notes.FALSE_ALARMS_AFTER, ""]
        _progress("call-outs", started)

    if "injection" in wanted:
        items = callouts.articles(quick=args.quick)
        scores = {
            split: injection.run(
                [a for a, s in items if s == split], k=k, seed=args.seed, fmt="text"
            )
            for split in ("dev", "test")
        }
        probes = adapt_probes.articles()
        scores[PROBES] = injection.run(
            probes[::7] if args.quick else probes, k=k, seed=args.seed, fmt="text"
        )
        lines += ["## (d) Error detection by seeded injection", "", *notes.INJECTION, ""]
        lines += [f"K = {k} variants per article and type, seed {args.seed}, plain text.", ""]
        lines += [*report.injection_table(scores), "", *notes.INJECTION_AFTER, ""]
        lines += [*notes.PROBE_INJECTION, ""]
        _progress("injection", started)

    if "matching" in wanted:
        renderings = adapt_crossref.read_items()
        found = matching.run(renderings, limit=300 if args.quick else None)
        indexed = sum(item.record is not None for item in renderings)
        lines += ["## (e) Reference → record matching, closed world", "", *notes.MATCHING, ""]
        lines += [
            f"{len(renderings):,} records rendered three ways; {indexed:,} read into the index "
            f"({len(renderings) - indexed:,} left out: title and container not told apart, n.d., "
            "or authors that do not pair); queries are the indexed records of each split.",
            "",
        ]
        lines += [*report.matching_table(found), "", *notes.MATCHING_AFTER, ""]
        lines += ["Every wrong link on dev, and every false link of its APA queries:", ""]
        lines += [*report.matching_examples(found, "dev"), ""]
        _progress("matching", started)

    if "fabrication" in wanted:
        faults, indexed = fabrication.run(limit=60 if args.quick else None)
        lines += ["## (f) Faulty and fabricated references, closed world", "", *notes.FABRICATION]
        lines += ["", f"The index holds {indexed:,} records.", ""]
        lines += [*report.fabrication_summary(faults), ""]
        lines += [*report.fabrication_table(faults), "", *notes.FABRICATION_AFTER, ""]
        lines += ["Every faithful miss and false alarm on dev:", ""]
        lines += [*report.fabrication_examples(faults, "dev"), ""]
        _progress("fabrication", started)

    lines += [*notes.SHORTFALLS, ""]
    page = "\n".join(lines).rstrip() + "\n"
    if args.output == "-":
        sys.stdout.write(page)
    else:
        Path(args.output).write_text(page, encoding="utf-8")
        print(f"wrote {args.output} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


def _progress(what: str, started: float) -> None:
    print(f"{what} done at {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
