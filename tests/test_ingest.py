"""Reading inputs: encodings, line ends, formats, and every way a file can be unusable."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from citecheck.document import Document
from citecheck.ingest import InputProblem, Source, decode, discover, from_bytes, load
from support import SEEDS

CITED = "Neurons shrink (Duman et al., 2012).\n"


def document(data: bytes, name: str = "a.txt") -> Document:
    doc = from_bytes(name, data)
    assert isinstance(doc, Document)
    return doc


def problem(data: bytes, name: str = "a.txt") -> str:
    result = from_bytes(name, data)
    assert isinstance(result, InputProblem)
    return result.message


def test_utf8() -> None:
    assert document("Müller (2020)".encode()).text == "Müller (2020)"


def test_utf8_bom_is_dropped_and_columns_start_after_it() -> None:
    doc = document(codecs.BOM_UTF8 + b"(Duman, 2012)")
    assert doc.text == "(Duman, 2012)"
    assert doc.position(1).column == 2


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    doc = document(bom + "Zanos (2016)".encode(codec))
    assert (doc.text, doc.encoding) == ("Zanos (2016)", "utf-16")


def test_legacy_bytes_fall_back_to_cp1252_with_a_warning() -> None:
    doc = document("Caf\u00e9 (Müller, 2020) \u2013 ok".encode("cp1252"))
    assert doc.text == "Café (Müller, 2020) – ok"
    assert doc.encoding == "cp1252"
    assert doc.warnings == ("not valid UTF-8 (byte 0xe9 at offset 3); read as Windows-1252",)


def test_a_decoding_warning_keeps_the_markups_code_spans() -> None:
    doc = document("Caf\u00e9 study: run `adata.X[2, 5]` first.".encode("cp1252"), "a.md")
    assert [doc.text[s.start : s.end] for s in doc.code] == ["adata.X[2, 5]"]


def test_crlf_line_ends_keep_lines_and_columns() -> None:
    doc = document(b"Title\r\n\r\nText (Duman, 2012).\r\n")
    at = doc.text.index("Duman")
    assert (doc.position(at).line, doc.position(at).column) == (3, 7)


def test_lone_cr_line_ends() -> None:
    doc = document(b"Title\r\rText (Duman, 2012).\r")
    at = doc.text.index("Duman")
    assert (doc.position(at).line, doc.position(at).column) == (3, 7)


def test_binary_file_is_refused() -> None:
    assert problem(b"%PDF-1.7\n\x00\x01\x02binary") == (
        "binary file (not text); citecheck reads .txt, .md and .html articles"
    )


def test_control_characters_mean_binary() -> None:
    assert problem(bytes(range(1, 9)) * 100).startswith("binary file")


def test_bad_utf16_after_a_bom_is_refused() -> None:
    assert problem(codecs.BOM_UTF16_LE + b"\x00\xd8").startswith(
        "starts with a utf-16-le byte-order mark but is not valid utf-16-le"
    )


def test_empty_file_is_a_warning_not_an_error() -> None:
    doc = document(b"")
    assert doc.warnings == ("file is empty: nothing to audit",)


def test_whitespace_only_file_counts_as_empty() -> None:
    assert document(b"  \n\n\t\n").warnings == ("file is empty: nothing to audit",)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.txt", "text"), ("a.md", "markdown"), ("a.markdown", "markdown"), ("a.html", "html"),
     ("a.htm", "html"), ("A.HTML", "html")],
)  # fmt: skip
def test_format_by_extension(name: str, fmt: str) -> None:
    assert document(b"<p>Text</p>", name).format == fmt


def test_unknown_extension_sniffs_html() -> None:
    assert document(b"<!DOCTYPE html><p>Hi</p>", "page").format == "html"


def test_unknown_extension_defaults_to_text() -> None:
    assert document(b"Plain words.", "notes.rst").format == "text"


def test_decode_reports_reason_for_binary() -> None:
    assert isinstance(decode(b"\x00\x00\x00"), str)


def test_missing_path(tmp_path: Path) -> None:
    sources, problems = discover([str(tmp_path / "nope.md")])
    assert (sources, [str(p) for p in problems]) == (
        [], [f"{tmp_path / 'nope.md'}: no such file or directory"],
    )  # fmt: skip


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    _, problems = discover([str(tmp_path)])
    assert [p.message for p in problems] == [
        "no articles found (looked for .htm, .html, .markdown, .md, .qmd, .rmd, .text, .txt)"
    ]


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text(CITED)
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "notes.png").write_bytes(b"\x89PNG")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text(CITED)
    sources, problems = discover([str(tmp_path)])
    assert [Path(s.path).relative_to(tmp_path).as_posix() for s in sources] == ["a.html", "b/z.md"]
    assert problems == []


def test_a_file_named_twice_is_audited_once(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(CITED)
    sources, _ = discover([str(path), str(path)])
    assert len(sources) == 1


def test_dangling_symlink_is_unreadable(tmp_path: Path) -> None:
    link = tmp_path / "gone.md"
    link.symlink_to(tmp_path / "missing-target.md")
    [source], _ = discover([str(link)])
    result = load(source)
    assert isinstance(result, InputProblem)
    assert result.message == "no such file or directory"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (2**20 + 1))
    result = load(Source(str(path)), max_bytes=2**20)
    assert isinstance(result, InputProblem)
    assert result.message == "file is larger than the 1 MB limit"


def test_relative_and_absolute_spellings_are_audited_once_under_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(CITED)
    sources, _ = discover(["a.md", str(tmp_path / "a.md"), "./a.md"])
    assert [s.path for s in sources] == ["a.md"]


def test_a_file_and_a_symlink_to_it_are_audited_once(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CITED)
    (tmp_path / "link.md").symlink_to(tmp_path / "a.md")
    sources, _ = discover([str(tmp_path / "a.md"), str(tmp_path / "link.md")])
    assert [s.path for s in sources] == [str(tmp_path / "a.md")]


def test_stdin_named_twice_is_read_once() -> None:
    sources, _ = discover(["-", "-"])
    assert sources == [Source("-")]


# ------------------------------------------------------------------ UTF-16 without a BOM


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_as_text(codec: str) -> None:
    doc = document("Zanos et al. (2016) – Müller".encode(codec))
    assert (doc.text, doc.encoding) == ("Zanos et al. (2016) – Müller", codec)


def test_utf16_without_bom_warns_naming_the_encoding() -> None:
    doc = document("Zanos et al. (2016)\n".encode("utf-16-be"))
    assert doc.warnings == ("no byte-order mark, but every other byte is NUL: read as UTF-16-BE",)


def test_nul_bytes_that_are_not_utf16_text_still_mean_binary() -> None:
    assert problem(bytes([1, 0, 2, 0, 3, 0, 4, 0]) * 64).startswith("binary file")


def test_odd_length_with_nul_bytes_is_binary() -> None:
    assert problem("Zanos (2016)".encode("utf-16-le") + b"x").startswith("binary file")


# ------------------------------------------------------------------ stdin without a name

FRONT_MATTER_MD = b"---\ntitle: Ketamine\nbibliography: refs.bib\n---\n\nText (Duman, 2012).\n"
HEADINGS_MD = b"# Ketamine\n\nText (Duman, 2012).\n\n## References\n\nDuman, R. (2012).\n"
FENCED_MD = b"Text (Duman, 2012).\n\n```\n(Zanos, 2016)\n```\n"
LINK_MD = b"See [the paper](https://doi.org/10.1038/nm.4050) (Duman, 2012).\n"
LIST_AND_STRONG_MD = b"Findings:\n\n- **fast** onset\n- long effect\n"
PLAIN = b"Ketamine\n\nText (Duman, 2012).\n\nReferences\n\n1. Duman, R. (2012). Title.\n"
PLAIN_WITH_BULLETS = b"Notes\n\n- one (Duman, 2012)\n- two\n\nReferences\n\n1. Duman, R. (2012).\n"


@pytest.mark.parametrize(
    "data", [FRONT_MATTER_MD, HEADINGS_MD, FENCED_MD, LINK_MD, LIST_AND_STRONG_MD],
    ids=["front-matter", "headings", "fenced-code", "link", "list-and-strong"],
)  # fmt: skip
def test_stdin_that_looks_like_markdown_is_read_as_markdown(data: bytes) -> None:
    assert document(data, "-").format == "markdown"


@pytest.mark.parametrize("data", [PLAIN, PLAIN_WITH_BULLETS], ids=["numbered", "bullets"])
def test_stdin_plain_text_stays_text(data: bytes) -> None:
    assert document(data, "-").format == "text"


def test_stdin_html_is_still_html() -> None:
    assert document(b"<!DOCTYPE html><h1>Hi</h1>\n<p>[x](https://a.org)</p>", "-").format == "html"


def test_seed_articles_from_stdin_are_text() -> None:
    assert {document(p.read_bytes(), "-").format for p in SEEDS.glob("*.txt")} == {"text"}


def test_markdown_sniffing_is_for_stdin_only() -> None:
    assert document(HEADINGS_MD, "notes.rst").format == "text"
