"""Where the shared corpora live, and which files are dev and which are test.

The splits are frozen here (guides/corpora.md, "Recommended protocol"): rules are
tuned on dev files only; the tables report test files, with dev beside them for
comparison.  Nothing in this module reads a file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def corpora_dir() -> Path:
    """``../shared/corpora`` beside the checkout, or ``$CITECHECK_CORPORA``."""
    env = os.environ.get("CITECHECK_CORPORA")
    return Path(env) if env else ROOT.parent / "shared" / "corpora"


def anystyle_parser(name: str) -> Path:
    """``gold``, ``core``, ``good``, ``bad`` or ``ugly``."""
    return corpora_dir() / "anystyle-parser" / "res" / "parser" / f"{name}.xml"


def anystyle_finder() -> list[Path]:
    return sorted((corpora_dir() / "anystyle-parser" / "res" / "finder").glob("*.ttx"))


def grobid_evaluation() -> list[Path]:
    return sorted((corpora_dir() / "grobid-citation" / "citation" / "evaluation").glob("*.xml"))


def grobid_corpus() -> list[Path]:
    """GROBID's citation corpus minus ``citations.xml`` (it re-encodes Cora, a test set)."""
    folder = corpora_dir() / "grobid-citation" / "citation" / "corpus"
    return sorted(p for p in folder.glob("*.xml") if p.name != "citations.xml")


def grobid_callouts() -> list[Path]:
    return sorted((corpora_dir() / "grobid-citation" / "fulltext-callouts").glob("*.xml"))


def parscit(name: str) -> Path:
    """``cora``, ``citeseerx``, ``flux-cim-cs``, ``iconip`` or a humanities set."""
    base = corpora_dir() / "parscit-tagged"
    if name == "citeseerx":
        return base / "doc" / "citeseerx.tagged.txt"
    return base / "crfpp" / "taggeddata" / f"{name}.tagged.txt"


PARSCIT_DEV = ("flux-cim-cs", "iconip", "en-humanities", "it-humanities", "mixed-humanities")
PARSCIT_TEST = ("cora", "citeseerx")


def jats_articles() -> list[Path]:
    base = corpora_dir() / "jats-linked-articles"
    return sorted([*base.glob("*/*.xml"), *base.glob("*/*.nxml")])


def jats_split(path: Path) -> str:
    """The frozen dev/test partition of the 32 JATS articles.

    Within each publisher (eLife, PLOS, BMC) the files are sorted by the SHA-256 of
    their name; even positions are dev, odd positions test.  So each publisher is
    split in half (eLife 9/9, PLOS 6/6, BMC 1/1) by a rule nobody chose by looking.
    """
    group = sorted(
        (p for p in jats_articles() if p.parent.name == path.parent.name),
        key=lambda p: hashlib.sha256(p.name.encode()).hexdigest(),
    )
    return "dev" if group.index(path) % 2 == 0 else "test"
