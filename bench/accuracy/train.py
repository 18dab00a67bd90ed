"""``python -m bench.accuracy.train``: train the reference parser's token CRF.

Reads the DEV split only (guides/corpora.md, "Recommended protocol"): AnyStyle
``core.xml`` + ``good.xml``, GROBID's citation corpus minus ``evaluation/`` and minus
``citations.xml`` (which re-encodes Cora), and ParsCit FLUX-CiM, ICONIP and the
humanities sets.  No test file is opened.  Each string becomes its text and one label
per character, from the annotators' tags (`LABEL_OF_*` below); the text is cut into
tokens by `citecheck._crf.tokens` and a token takes the label of its first tagged
character.  Training is deterministic (L-BFGS, fixed order, no sampling): the same
data gives the same model file, written to ``src/citecheck/models/``.

Options: ``--output`` for the model path, ``--check`` to score token accuracy on a
held-back tenth of the dev strings (every tenth string; the shipped model is trained
on all of them).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from bench.accuracy import corpora
from citecheck import _crf
from citecheck.refparse import rule_parse

Labelled = tuple[str, list[str]]
"""A string and one label per character."""

LABEL_OF_ANYSTYLE = {
    "author": "author",
    "director": "author",
    "producer": "author",
    "editor": "editor",
    "translator": "editor",
    "date": "year",
    "title": "title",
    "journal": "container",
    "container-title": "container",
    "volume": "vol",
    "pages": "pages",
    "publisher": "publisher",
    "location": "publisher",
    "url": "ident",
    "doi": "ident",
    "isbn": "ident",
}
LABEL_OF_PARSCIT = {
    "author": "author",
    "editor": "editor",
    "date": "year",
    "title": "title",
    "journal": "container",
    "booktitle": "container",
    "volume": "vol",
    "pages": "pages",
    "publisher": "publisher",
    "location": "publisher",
    "institution": "publisher",
}
_TEI_SCOPE = {
    "volume": "vol",
    "vol": "vol",
    "issue": "vol",
    "page": "pages",
    "pages": "pages",
    "pp": "pages",
}
_SPACE_BEFORE_PUNCT = re.compile(r" (?=[,.;:](?:\s|$))")


def _build(pieces: Iterable[tuple[str, str]], *, tidy_punct: bool = False) -> Labelled:
    """Join labelled pieces, white space collapsed (a space is labelled ``other``)."""
    chars: list[str] = []
    labels: list[str] = []
    for text, label in pieces:
        for ch in text:
            if ch.isspace():
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    labels.append("other")
                continue
            chars.append(ch)
            labels.append(label)
    while chars and chars[-1] == " ":
        chars.pop()
        labels.pop()
    text = "".join(chars)
    if tidy_punct and " " in text:
        keep = [True] * len(text)
        for m in _SPACE_BEFORE_PUNCT.finditer(text):
            keep[m.start()] = False
        text = "".join(c for c, k in zip(text, keep, strict=True) if k)
        labels = [lab for lab, k in zip(labels, keep, strict=True) if k]
    return text, labels


def read_anystyle(path: Path) -> Iterator[Labelled]:
    for seq in ET.parse(path).getroot().iter("sequence"):
        pieces: list[tuple[str, str]] = []
        for ch in seq:
            if ch.tag == "citation-number":
                continue
            text = " ".join("".join(ch.itertext()).split())
            if text:
                if pieces:
                    pieces.append((" ", "other"))
                pieces.append((text, LABEL_OF_ANYSTYLE.get(ch.tag, "other")))
        if pieces:
            yield _build(pieces)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _tei_label(el: ET.Element, has_article_title: bool) -> str | None:
    name = _local(el.tag)
    kind = (el.get("level") or el.get("unit") or el.get("type") or "").lower()
    if name in ("author", "orgName", "orgname"):
        return "author"
    if name == "editor":
        return "editor"
    if name == "date":
        return "year"
    if name == "title":
        if kind in ("a", ""):
            return "title"
        if kind == "j":
            return "container"
        if kind == "m":
            return "container" if has_article_title else "title"
        return "other"
    if name == "biblScope":
        return _TEI_SCOPE.get(kind, "other")
    if name in ("publisher", "pubPlace", "pubplace"):
        return "publisher"
    if name in ("idno", "ptr"):
        return "ident"
    if name == "note":
        return "other"
    return None


def _walk(
    el: ET.Element, label: str, bibl: ET.Element, has_a: bool, pieces: list[tuple[str, str]]
) -> None:
    """The text of ``el`` in document order, each piece with its label."""
    own = _tei_label(el, has_a) if el is not bibl else None
    here = own if own is not None else label
    if _local(el.tag) == "lb":
        pieces.append((" ", "other"))
    if el.text:
        pieces.append((el.text, here))
    for child in el:
        _walk(child, here, bibl, has_a, pieces)
        if child.tail:
            pieces.append((child.tail, here))


def read_tei(path: Path) -> Iterator[Labelled]:
    root = ET.parse(path).getroot()
    for bibl in root.iter():
        if _local(bibl.tag) != "bibl":
            continue
        has_a = any(
            _local(t.tag) == "title" and (t.get("level") or "a") == "a" for t in bibl.iter()
        )
        pieces: list[tuple[str, str]] = []
        _walk(bibl, "other", bibl, has_a, pieces)
        labelled = _build(pieces)
        if labelled[0]:
            yield labelled


_PARSCIT_ELEMENT = re.compile(r"<(?P<tag>[a-z]+)>(?P<body>.*?)</(?P=tag)>|(?P<other>[^<]+|<)")


def read_parscit(path: Path) -> Iterator[Labelled]:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if "<" not in line:
            continue
        pieces: list[tuple[str, str]] = []
        for m in _PARSCIT_ELEMENT.finditer(line):
            if m.group("other") is not None:
                pieces.append((m.group("other"), "other"))
                continue
            body = m.group("body").replace("<br>", " ")
            pieces.append((f" {body} ", LABEL_OF_PARSCIT.get(m.group("tag"), "other")))
        labelled = _build(pieces, tidy_punct=True)
        if labelled[0]:
            yield labelled


def dev_strings() -> list[Labelled]:
    """Every labelled dev string, in a fixed order."""
    out: list[Labelled] = []
    for name in ("core", "good"):
        out.extend(read_anystyle(corpora.anystyle_parser(name)))
    for path in corpora.grobid_corpus():
        out.extend(read_tei(path))
    for name in corpora.PARSCIT_DEV:
        out.extend(read_parscit(corpora.parscit(name)))
    return out


def token_labels(
    text: str, char_labels: list[str], spans: list[tuple[int, int]] | None = None
) -> tuple[list[tuple[int, int]], list[str]]:
    """The tokens of ``text`` (or the given ``spans``) and the label of each."""
    if spans is None:
        spans = _crf.tokens(text)
    labels = []
    for a, b in spans:
        label = next((lab for lab in char_labels[a:b] if lab != "other"), "other")
        labels.append(label)
    return spans, labels


def model_input(raw: str) -> tuple[str, list[tuple[int, int]], list[list[str]]]:
    """The prepared text of one string, the tokens the model reads and their features,
    with the rule parser's reading among them, exactly as `citecheck.refparse` builds
    them (`_crf.model_input`)."""
    prepared, author_end, fields = rule_parse(raw)
    values = {name: getattr(fields, name) for name in _crf.RULE_FIELDS}
    spans, xseq = _crf.model_input(prepared, author_end, values)
    return prepared, spans, xseq


FINGERPRINT = Path(__file__).with_name("model-inputs.sha256")
"""Written with the model: `inputs_fingerprint` of the dev strings it was trained on."""


def inputs_fingerprint(data: list[Labelled]) -> str:
    """SHA-256 of the model's inputs (prepared text and features) for every dev string
    (about 4 s).  The rules' readings are features, so a change to the rules or to the
    features changes it, and the shipped model no longer matches: retrain.  (Every
    tenth string was hashed until session 29, which let rule changes that touched
    none of them leave the model a step behind its rules.)"""
    digest = hashlib.sha256()
    for text, _ in data:
        prepared, _, xseq = model_input(text)
        digest.update(repr((prepared, xseq)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _carry_labels(text: str, char_labels: list[str], prepared: str) -> list[str]:
    """The labels of ``text`` moved onto ``prepared`` (the parser's tidied copy of it:
    NFC, invisible characters and a leading dash run dropped, PDF spacing fixed)."""
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, text, prepared, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(char_labels[i1:i2])
        elif op == "replace":
            out.extend(char_labels[min(i1 + k, i2 - 1)] for k in range(j2 - j1))
        elif op == "insert":
            out.extend([out[-1] if out else "other"] * (j2 - j1))
    return out


def _examples(data: list[Labelled]) -> Iterator[tuple[list[list[str]], list[str]]]:
    for text, char_labels in data:
        prepared, spans, xseq = model_input(text)
        if prepared != text:
            char_labels = _carry_labels(text, char_labels, prepared)
        labels = token_labels(prepared, char_labels, spans)[1]
        if spans:
            yield xseq, labels


def train(data: list[Labelled], output: Path, *, quiet: bool = True) -> None:
    import pycrfsuite  # type: ignore[import-untyped]

    trainer = pycrfsuite.Trainer(verbose=not quiet)
    for xseq, yseq in _examples(data):
        trainer.append(xseq, yseq)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(
        {
            "c1": 0.3,
            "c2": 0.01,
            "max_iterations": 500,
            "feature.possible_transitions": True,
            "feature.minfreq": 1,
        }
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output))


def token_accuracy(data: list[Labelled], model: Path) -> float:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    right = total = 0
    for xseq, labels in _examples(data):
        predicted = tagger.tag(xseq)
        right += sum(p == g for p, g in zip(predicted, labels, strict=True))
        total += len(labels)
    return right / total if total else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy.train", description=__doc__)
    default = corpora.ROOT / "src" / "citecheck" / "models" / _crf.MODEL_NAME
    parser.add_argument("--output", default=str(default))
    parser.add_argument("--check", action="store_true", help="hold back every tenth dev string")
    args = parser.parse_args(argv)
    data = dev_strings()
    started = time.perf_counter()
    output = Path(args.output)
    if args.check:
        held = data[::10]
        kept = [d for i, d in enumerate(data) if i % 10]
        train(kept, output)
        print(f"token accuracy on held-back dev tenth: {token_accuracy(held, output):.4f}")
    else:
        train(data, output)
        FINGERPRINT.write_text(inputs_fingerprint(data) + "\n", encoding="utf-8")
    size = output.stat().st_size
    print(
        f"{len(data)} dev strings, model {output} ({size / 1e6:.2f} MB), "
        f"{time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
