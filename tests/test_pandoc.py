"""Pandoc/Quarto/R Markdown citations against BibTeX, CSL-JSON and inline references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.audit import AuditSettings, Report, check_paths
from citecheck.bibliography import Bibliography, load
from citecheck.document import Document
from citecheck.frontmatter import read
from citecheck.ingest import InputProblem, from_bytes
from citecheck.model import Author, Position, Reference
from citecheck.pandoc import find
from registry_fixtures import MAILTO, registry_fixture  # noqa: F401
from registry_server import RegistryServer
from support import RunCli, validate_report

BIB = """@article{burke2012,
  author  = {Burke, John E. and Perisic, Olga and Masson, Glenn R. and Vadas, Oscar and Williams, Roger L.},
  title   = {Oncogenic mutations mimic and enhance dynamic events in the natural activation of phosphoinositide 3-kinase p110$\\alpha$ ({PIK3CA})},
  journal = {Proceedings of the National Academy of Sciences},
  year    = {2012},
  volume  = {109},
  number  = {38},
  pages   = {15259--15264},
  doi     = {10.1073/pnas.1205508109}
}

@article{leontiadou2018,
  author  = {Leontiadou, Hari and Galdadas, Ioannis and Athanasiou, Christina and Cournia, Zoe},
  title   = {Insights into the mechanism of the {PIK3CA} {E545K} activating mutation using {MD} simulations},
  journal = {Scientific Reports},
  year    = {2014},
  volume  = {8},
  pages   = {15544},
  doi     = {10.1038/s41598-018-27044-6}
}
"""


def doc(name: str, text: str) -> Document:
    loaded = from_bytes(name, text.encode("utf-8"))
    assert isinstance(loaded, Document)
    return loaded


def keys(text: str, *, narrative: bool = True) -> list[tuple[str, str, bool, str | None]]:
    return [
        (p.key, p.citation.text, p.citation.narrative, p.citation.locator)
        for p in find(doc("a.md", text), narrative=narrative)
    ]


# ------------------------------------------------------------------ the syntax


def _one_reference(tmp_path: Path, bib: str) -> Reference:
    """The one entry of a BibTeX file that holds ``bib``."""
    path = tmp_path / "refs.bib"
    path.write_text(bib, encoding="utf-8")
    loaded = load(str(path), max_bytes=10**6)
    assert isinstance(loaded, Bibliography)
    [ref] = loaded.references
    return ref


def test_bracketed_citation() -> None:
    assert keys("Text [@duman2012].") == [("duman2012", "@duman2012", False, None)]


def test_locator_and_prefix() -> None:
    cites = find(doc("a.md", "[see @doe99, pp. 33-35; also @smith04, chap. 1]"), narrative=True)
    assert [(p.key, p.citation.prefix, p.citation.locator, p.citation.group) for p in cites] == [
        ("doe99", "see", "pp. 33-35", 1), ("smith04", "also", "chap. 1", 1),
    ]  # fmt: skip


def test_author_suppressed() -> None:
    assert keys("Duman says [-@duman2012].") == [("duman2012", "-@duman2012", False, None)]


def test_narrative_citation() -> None:
    assert keys("As @li2010 showed.") == [("li2010", "@li2010", True, None)]


def test_narrative_needs_a_bibliography_or_bracketed_citations() -> None:
    assert keys("Follow @nasa for news.", narrative=False) == []


def test_several_groups() -> None:
    assert [k for k, *_ in keys("[@a; @b] and [@c]")] == ["a", "b", "c"]


@pytest.mark.parametrize(
    "text",
    [
        "Write to team@example.org.",
        "See https://example.org/@user today.",
        "See @fig-plot and @tbl-data and @sec-intro.",
        "Code `@decorator` here.",
        "A link [@user](https://example.org).",
        "```\n[@in_code]\n```\n",
    ],
)
def test_not_citations(text: str) -> None:
    assert keys(text) == []


def test_braced_key() -> None:
    assert keys("See @{10.1000/xyz}.") == [("10.1000/xyz", "@{10.1000/xyz}", True, None)]


def test_position_is_in_the_source() -> None:
    d = doc("a.md", "---\ntitle: x\n---\n\n*Emphasis* then [@duman2012].\n")
    [cite] = find(d, narrative=True)
    assert d.position(cite.citation.span.start) == Position(5, 18)


# ------------------------------------------------------------------ bibliographies


def test_bibtex_entry_becomes_a_reference(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(
        '@article{m,\n  author = {M{\\"u}ller, Hans and {World Health Organization} and van der Berg, Jan},\n'
        "  title = {A {DNA} study}, journal = {J}, date = {2019-05-01}, pages = {1--9},\n"
        "  doi = {https://doi.org/10.1000/XYZ}\n}\n",
        encoding="utf-8",
    )
    bib = load(str(path), max_bytes=10**6)
    assert isinstance(bib, Bibliography)
    [ref] = bib.references
    assert ref.authors == (
        Author("Müller", "Hans"), Author("World Health Organization", group=True), Author("van der Berg", "Jan"),
    )  # fmt: skip
    assert (ref.year, ref.title, ref.pages, ref.doi, bib.keys) == (
        "2019",
        "A DNA study",
        "1–9",
        "10.1000/xyz",
        ("m",),
    )


def test_bibtex_and_others_is_et_al_not_an_author(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path,
        "@inproceedings{f,\n  author = {Jean-Baptiste Alayrac and Jeff Donahue and others},\n"
        "  title = {Flamingo}, booktitle = {NeurIPS}, year = {2022}\n}\n",
    )
    assert (ref.authors, ref.authors_truncated) == (
        (Author("Alayrac", "Jean-Baptiste"), Author("Donahue", "Jeff")),
        True,
    )


@pytest.mark.parametrize(
    ("names", "people"),
    [
        ("Zhu, Wei and Li, Na and et al", [("Zhu", "Wei"), ("Li", "Na")]),
        ("Smith, J. and et al.", [("Smith", "J.")]),
        ("David Jones et al", [("Jones", "David")]),
        ("Jones, David and Others", [("Jones", "David")]),
        ("Smith, John and Jones, D. and others and Brown, K.", [("Smith", "John"), ("Jones", "D."), ("Brown", "K.")]),
        ("Vincent van Gogh et al.", [("van Gogh", "Vincent")]),
        ("Jones, David et al.", [("Jones", "David")]),
        ("Jones, David, et al.", [("Jones", "David")]),
        ("Smith, A. and David Jones {et al.}", [("Smith", "A."), ("Jones", "David")]),
        ("Smith, A. and {et al.}", [("Smith", "A.")]),
    ],
)  # fmt: skip
def test_bibtex_et_al_written_out_is_et_al_too(
    tmp_path: Path, names: str, people: list[tuple[str, str]]
) -> None:
    ref = _one_reference(
        tmp_path, f"@misc{{k, author = {{{names}}}, title = {{T}}, year = {{2022}}}}\n"
    )
    assert ([(a.family, a.given) for a in ref.authors], ref.authors_truncated) == (people, True)


def test_bibtex_html_entities_in_names_are_decoded(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path, "@misc{k, author = {Francesco d&apos;Amore and O&#39;Neil, Jim}, year = {2021}}\n"
    )
    assert [a.family for a in ref.authors] == ["d'Amore", "O'Neil"]


def test_bibtex_group_before_et_al_stays_a_group(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path, "@misc{k, author = {{The COVID-19 Study Group} et al.}, year = {2021}}\n"
    )
    assert (ref.authors, ref.authors_truncated) == (
        (Author("The COVID-19 Study Group", group=True),),
        True,
    )


def test_bibtex_person_named_al_with_capital_initials_is_a_person(tmp_path: Path) -> None:
    ref = _one_reference(tmp_path, "@misc{k, author = {Smith, John and Al, ET}, year = {2021}}\n")
    assert ([(a.family, a.given) for a in ref.authors], ref.authors_truncated) == (
        [("Smith", "John"), ("Al", "ET")],
        False,
    )


def test_bibtex_only_whole_html_entities_are_decoded(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path,
        "@misc{k, title = {Self&regulation at AT&T \\emph{Labs} &amp; more},\n"
        "  url = {https://example.org/?a=1&section=2}, year = {2021}}\n",
    )
    assert (ref.title, ref.url) == (
        "Self&regulation at AT&T Labs & more",
        "https://example.org/?a=1&section=2",
    )


def test_bibtex_bare_percent_sign_is_no_latex_comment(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path, "@misc{k, title = {{DNA} repair fails in 50% of {HeLa} cells}, year = {2021}}\n"
    )
    assert ref.title == "DNA repair fails in 50% of HeLa cells"


def test_bibtex_html_entity_for_a_latex_special_character_is_kept(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path, "@misc{k, title = {A &#36;5 test cut {HIV} costs by 40&#37;}, year = {2021}}\n"
    )
    assert ref.title == "A $5 test cut HIV costs by 40%"


def test_bibtex_entity_in_a_link_address_keeps_the_link_text(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path,
        "@misc{k, title = {\\href{http://example.org/&#126;smith/&#36;a}{Home page}},"
        " year = {2021}}\n",
    )
    assert ref.title == "Home page"


def test_bibtex_et_al_keeps_the_name_s_jr(tmp_path: Path) -> None:
    ref = _one_reference(tmp_path, "@misc{k, author = {Jones, Jr., David et al.}, year = {2021}}\n")
    assert ref.authors == (Author("Jones", "David", suffix="Jr."),)


def test_bibtex_title_with_a_macro_latex_cannot_read_keeps_its_text(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path, "@misc{k, title = {See \\href{https://example.org/g}{the page} \\& more}}\n"
    )
    assert ref.title == "See the page & more"


def test_bibtex_url_is_kept_as_written_not_read_as_latex(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path, "@misc{k, title = {T}, url = {https://example.org/~u/a\\_b?x=1&y=2}}\n"
    )
    assert ref.url == "https://example.org/~u/a_b?x=1&y=2"


def test_bibtex_url_and_doi_macros_give_the_address(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path,
        "@misc{k, title = {T}, url = {\\url{https://example.org/a}},\n"
        "  doi = {\\href{https://doi.org/10.1000/xyz}{\\nolinkurl{10.1000/xyz}}}}\n",
    )
    assert (ref.url, ref.doi) == ("https://example.org/a", "10.1000/xyz")


@pytest.mark.parametrize(
    "value",
    [
        "\\doi{10.1000/xyz}{10.1000/xyz}",
        "\\href{https://doi.org/10.1000/xyz}",
        "\\href{https://doi.org/10.1000/xyz}{\\nolinkurl{10.1000/xyz}}",
    ],
)
def test_bibtex_doi_macro_with_or_without_its_text_gives_the_doi(
    tmp_path: Path, value: str
) -> None:
    ref = _one_reference(tmp_path, f"@misc{{k, title = {{T}}, doi = {{{value}}}}}\n")
    assert (ref.doi, ref.malformed_doi) == ("10.1000/xyz", None)


def test_bibtex_doi_with_a_macro_left_in_it_is_malformed(tmp_path: Path) -> None:
    ref = _one_reference(
        tmp_path,
        "@misc{k, title = {T},\n  doi = {\\href{https://doi.org/10.1000/xyz}"
        "{\\texttt{\\detokenize{10.1000/xyz}}}}}\n",
    )
    assert ref.doi is None
    assert ref.malformed_doi is not None


def test_bibtex_problems_are_findings_at_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(
        "@article{a, title={x}, year={2020}}\n@article{a, title={y}}\n@misc{b, title={z},\n",
        encoding="utf-8",
    )
    bib = load(str(path), max_bytes=10**6)
    assert isinstance(bib, Bibliography)
    assert [(d.code, d.start.line, d.message) for d in bib.problems] == [
        ("CIT106", 2, "Duplicate bibliography key `a` (first defined on line 1)"),
        ("CIT900", 3, "BibTeX block `@misc{b, title={z},` could not be parsed"),
    ]


def test_csl_json_entry_becomes_a_reference(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([{
        "id": "k", "author": [{"family": "Pich", "given": "E.", "non-dropping-particle": "Merlo"}],
        "issued": {"date-parts": [[2019]]}, "title": "T", "container-title": "Chronic Stress",
        "volume": "3", "DOI": "10.1177/2470547019842545",
    }], indent=2), encoding="utf-8")  # fmt: skip
    bib = load(str(path), max_bytes=10**6)
    assert isinstance(bib, Bibliography)
    [ref] = bib.references
    assert (ref.authors[0].family, ref.year, ref.container, ref.doi) == (
        "Merlo Pich",
        "2019",
        "Chronic Stress",
        "10.1177/2470547019842545",
    )
    assert bib.document.position(ref.span.start).line == 3


CSL_YAML_DATE = """references:
- id: duman2012
  author:
  - family: Duman
    given: Ronald S.
  title: Signaling pathways underlying the rapid antidepressant actions of ketamine
  container-title: Neuropharmacology
  issued: 2012-01-01
"""


def test_csl_yaml_date_gives_the_year(tmp_path: Path) -> None:
    (tmp_path / "refs.yaml").write_text(CSL_YAML_DATE, encoding="utf-8")
    bib = load(str(tmp_path / "refs.yaml"), max_bytes=10**6)
    assert isinstance(bib, Bibliography)
    assert [r.year for r in bib.references] == ["2012"]


def test_csl_yaml_date_is_not_an_incomplete_reference(tmp_path: Path) -> None:
    (tmp_path / "refs.yaml").write_text(CSL_YAML_DATE, encoding="utf-8")
    (tmp_path / "a.md").write_text("---\nbibliography: refs.yaml\n---\n\nText [@duman2012].\n")
    assert check_paths([str(tmp_path / "a.md")]).diagnostics == []


def test_csl_null_date_part_is_no_year(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([{"id": "k", "title": "T", "issued": {"date-parts": [[None]]}}]))
    bib = load(str(path), max_bytes=10**6)
    assert isinstance(bib, Bibliography)
    assert [r.year for r in bib.references] == [None]


def test_deeply_nested_csl_json_is_an_input_problem(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    problem = load(str(path), max_bytes=10**6)
    assert problem == InputProblem(str(path), "not readable: the JSON is nested too deeply")


def test_bibliography_encoding_warning_is_shown(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("refs.bib").write_bytes(BIB.replace("Masson", "M\u00fcller").encode("cp1252"))
    Path("a.md").write_text("---\nbibliography: refs.bib\n---\n\n[@burke2012; @leontiadou2018]\n")
    run = run_cli("check", "a.md")
    assert run.stderr.splitlines()[0] == (
        "warning: refs.bib: not valid UTF-8 (byte 0xfc at offset 71); read as Windows-1252"
    )


def test_missing_bibliography_is_an_input_problem(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\nbibliography: nope.bib\n---\n\nText [@a].\n", encoding="utf-8")
    report = check_paths([str(article)])
    assert [(p.path, p.message) for p in report.problems] == [
        (str(tmp_path / "nope.bib"), f"bibliography not found (named by {article})")
    ]
    assert report.diagnostics == []


def test_an_article_pandoc_rendered_is_audited_as_text(tmp_path: Path) -> None:
    # citeproc's Markdown keeps the front matter, bibliography and all, while its
    # citations and list are text now: the named file need not be there.
    article = tmp_path / "a.md"
    article.write_text(
        "---\nbibliography: refs.bib\n---\n\nArrays came first "
        "([Harris et al., 2020](#ref-harris2020)), plots later (Hunter, 2008).\n\n"
        "# References {#references .unnumbered}\n\n"
        "::: {#refs .references .csl-bib-body .hanging-indent}\n"
        "::: {#ref-harris2020 .csl-entry}\n"
        "Harris, C. R., Millman, K. J., van der Walt, S. J., & Oliphant, T. E. (2020). Array\n"
        "programming with NumPy. *Nature*, *585*(7825), 357--362.\n:::\n\n"
        "::: {#ref-hunter2007 .csl-entry}\n"
        "Hunter, J. D. (2007). Matplotlib: A 2D graphics environment. *Computing in\n"
        "Science & Engineering*, *9*(3), 90--95.\n:::\n:::\n",
        encoding="utf-8",
    )
    report = check_paths([str(article)])
    assert not report.problems
    assert [d.code for d in report.diagnostics] == ["CIT103"]


# ------------------------------------------------------------------ front matter


def test_front_matter_nested_too_deeply_is_a_finding_for_that_file(tmp_path: Path) -> None:
    deep = "[" * 5000 + "]" * 5000
    (tmp_path / "a.md").write_text(f"---\nx: {deep}\n---\n\nText [@a].\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Text (Duman, 2012).\n", encoding="utf-8")
    report = check_paths([str(tmp_path / "a.md"), str(tmp_path / "b.md")])
    assert [(Path(d.path).name, d.code, d.message) for d in report.diagnostics] == [
        ("a.md", "CIT900", "front matter is nested too deeply to read"),
        ("a.md", "CIT111", "The article has 1 Pandoc citation but names no bibliography"),
        ("b.md", "CIT111", "The article has 1 in-text citation but no reference list"),
    ]


def test_front_matter_a_yaml_constructor_refuses_is_one_line() -> None:
    fm = read("---\ndate: 2020-13-45\n---\n")
    assert fm is not None
    assert fm.error == "front matter is not valid YAML (ValueError: month must be in 1..12)"


# ------------------------------------------------------------------ the audit


def pandoc_report(tmp_path: Path, article: str, bib: str = BIB, name: str = "a.qmd") -> Report:
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    (tmp_path / name).write_text(article, encoding="utf-8")
    return check_paths([str(tmp_path / name)])


def test_undefined_key_and_unused_entry(tmp_path: Path) -> None:
    report = pandoc_report(tmp_path, "---\nbibliography: refs.bib\n---\n\nSee [@burke2021].\n")
    assert [(d.code, Path(d.path).name, d.start.line, d.message) for d in report.diagnostics] == [
        ("CIT101", "a.qmd", 5, "Citation `@burke2021` matches no entry of the bibliography"),
        (
            "CIT102",
            "refs.bib",
            1,
            "Bibliography entry `burke2012` (`Burke et al. (2012)`) is never cited",
        ),
        (
            "CIT102",
            "refs.bib",
            12,
            "Bibliography entry `leontiadou2018` (`Leontiadou et al. (2014)`) is never cited",
        ),
    ]
    assert report.diagnostics[0].help == "Did you mean `@burke2012`? (key similarity 88.9/100)"


def test_citations_link_to_bibliography_entries(tmp_path: Path) -> None:
    report = pandoc_report(
        tmp_path, "---\nbibliography: refs.bib\n---\n\n[@burke2012; @leontiadou2018]\n"
    )
    assert report.diagnostics == []
    article = report.files[0]
    assert [lk.references[0].id for lk in article.links] == ["ref-1", "ref-2"]


def test_no_bibliography_at_all(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Text [@burke2012] and [@x].\n", encoding="utf-8")
    [d] = check_paths([str(tmp_path / "a.md")]).diagnostics
    assert (d.code, d.message) == (
        "CIT111",
        "The article has 2 Pandoc citations but names no bibliography",
    )


def test_bibliography_option_applies_to_articles_that_name_none(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "a.md").write_text("Text [@burke2012; @leontiadou2018].\n", encoding="utf-8")
    report = check_paths(
        [str(tmp_path / "a.md")], AuditSettings(bibliography=(str(tmp_path / "refs.bib"),))
    )
    assert report.diagnostics == []


def test_inline_references_in_front_matter(tmp_path: Path) -> None:
    article = "---\nreferences:\n- id: a\n  title: T\n  author:\n  - family: Doe\n  issued: 2020\n- id: b\n  title: U\n  author:\n  - family: Roe\n  issued: 2021\n---\n\nText [@a].\n"
    (tmp_path / "a.Rmd").write_text(article, encoding="utf-8")
    [d] = check_paths([str(tmp_path / "a.Rmd")]).diagnostics
    assert (d.code, d.start.line, d.start.column, d.message) == (
        "CIT102", 8, 3, "Bibliography entry `b` (`Roe (2021)`) is never cited",
    )  # fmt: skip


def test_shared_bibliography_is_audited_once(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    for name, key in (("a.qmd", "burke2012"), ("b.qmd", "leontiadou2018")):
        (tmp_path / name).write_text(
            f"---\nbibliography: refs.bib\n---\n\n[@{key}]\n", encoding="utf-8"
        )
    report = check_paths([str(tmp_path)])
    assert [Path(f.path).name for f in report.files] == ["a.qmd", "b.qmd", "refs.bib"]
    assert report.diagnostics == []


def test_json_report_names_keys_and_the_bibliography(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    pandoc_report(tmp_path, "---\nbibliography: refs.bib\n---\n\nAs @burke2012 showed.\n")
    report = run_cli("check", "-f", "json", "a.qmd").json()
    validate_report(report)
    article, bib = report["files"]
    assert (article["citations"][0]["key"], article["citations"][0]["reference_file"]) == (
        "burke2012",
        "refs.bib",
    )
    assert (bib["path"], bib["format"], bib["references"][0]["key"]) == (
        "refs.bib",
        "bibtex",
        "burke2012",
    )
    assert bib["references"][0]["cited_from"] == [{"path": "a.qmd", "citation": "cit-1"}]


def test_extract_lists_pandoc_citations(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    pandoc_report(tmp_path, "---\nbibliography: refs.bib\n---\n\n[@burke2012, p. 3]\n")
    files = run_cli("extract", "a.qmd").json()["files"]
    assert [(c["key"], c["locator"]) for c in files[0]["citations"]] == [("burke2012", "p. 3")]


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CITECHECK_OFFLINE")


@pytest.mark.usefixtures("online")
def test_bibliography_entries_are_verified_against_the_registries(
    run_cli: RunCli, registry: RegistryServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    pandoc_report(tmp_path, "---\nbibliography: refs.bib\n---\n\n[@burke2012; @leontiadou2018]\n")
    urls = registry.urls()
    run = run_cli(
        "check", "-f", "json", "--crossref-url", urls["crossref_url"], "--openalex-url",
        urls["openalex_url"], "--doi-url", urls["doi_url"], "--mailto", MAILTO, "--timeout", "2", "a.qmd",
    )  # fmt: skip
    report = run.json()
    validate_report(report)
    bib = report["files"][1]
    assert [r["status"] for r in bib["references"]] == ["verified", "mismatch"]
    [d] = report["diagnostics"]
    assert (d["code"], d["filename"], d["location"]["row"]) == ("CIT304", "refs.bib", 12)


def test_pandoc_crossref_references_are_not_citations() -> None:
    assert keys("Shown in @tbl:desc and @fig:forest, as [@eq:model] says.") == []


def test_a_key_named_like_a_quarto_prefix_with_a_colon_is_a_citation() -> None:
    assert [k[0] for k in keys("As Lem argued [@lem:1961; @sol:2015].")] == ["lem:1961", "sol:2015"]
