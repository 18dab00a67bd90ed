"""Normalising recorded Crossref and OpenAlex bodies into `Record`s."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from citecheck.model import Author
from citecheck.records import (
    Notice,
    clean_text,
    from_crossref,
    from_openalex,
    merge_status,
    notice_title,
    repair_mojibake,
    split_name,
)
from citecheck.verify import integrity_findings

API = Path(__file__).resolve().parents[1] / "fixtures" / "api"


def crossref(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((API / "crossref" / name).read_bytes())
    return data.get("message", data) if "message-type" in data else data


def openalex(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((API / "openalex" / name).read_bytes())
    return data


def test_crossref_core_fields() -> None:
    record = from_crossref(crossref("works/10.1038_nnano.2014.279.json"))
    assert (record.doi, record.title, record.volume, record.issue, record.pages) == (
        "10.1038/nnano.2014.279",
        "Charges ride the spin wave",
        "10",
        "1",
        "22-24",
    )


def test_crossref_years_keep_print_and_online_apart() -> None:
    record = from_crossref(crossref("works/10.1038_nnano.2014.279.json"))
    assert (record.year, record.online_year, record.print_year) == (2014, 2014, 2015)


def test_crossref_authors_keep_non_ascii_names() -> None:
    record = from_crossref(crossref("works/10.1038_nnano.2014.279.json"))
    assert record.authors == (Author("Kuschel", "Timo"), Author("Reiss", "Günter"))


def test_crossref_container_titles_and_issns() -> None:
    record = from_crossref(crossref("works/10.1073_pnas.1205508109.json"))
    assert record.container == ("Proceedings of the National Academy of Sciences",)
    assert record.short_container == ("Proc. Natl. Acad. Sci. U.S.A.",)


def test_crossref_conference_acronym_is_read_from_the_event() -> None:
    record = from_crossref(crossref("works/10.1145_3448016.3452841.json"))
    assert (record.container, record.event_acronym) == (
        ("Proceedings of the 2021 International Conference on Management of Data",),
        "SIGMOD/PODS '21",
    )


def test_crossref_journal_article_has_no_event_acronym() -> None:
    assert from_crossref(crossref("works/10.1073_pnas.1205508109.json")).event_acronym is None


def test_crossref_container_html_entity_is_decoded() -> None:
    record = from_crossref(crossref("works/10.1016_j.semcdb.2016.08.024.json"))
    assert record.container == ("Seminars in Cell & Developmental Biology",)


def test_crossref_article_number_is_kept() -> None:
    record = from_crossref(crossref("works/10.1038_srep16696.json"))
    assert (record.pages, record.article_number) == (None, "16696")


def test_retracted_record_lists_retraction_and_correction() -> None:
    record = from_crossref(crossref("works/10.1016_s0140-6736_97_11096-0.json"))
    assert record.retracted is True
    assert record.retractions == (
        Notice("retraction", "10.1016/s0140-6736(10)60175-4", "retraction-watch", "2010-02-06"),
    )
    assert [n.kind for n in record.corrections] == ["correction"]


def test_retraction_notice_itself_is_not_retracted() -> None:
    record = from_crossref(crossref("works/10.1016_s0140-6736_10_60175-4.json"))
    assert record.retracted is False
    assert record.updates_to[0].doi == "10.1016/s0140-6736(97)11096-0"


def test_reciprocally_deposited_retraction_notice_is_a_notice() -> None:
    # The Lancet deposited the relation both ways: the notice carries an updated-by
    # retraction pointing back at the paper it retracts.
    record = from_crossref(crossref("messages/10.1016_s0140-6736_20_31324-6.json"))
    assert record.retracted is True
    assert record.is_notice is True


def test_retracted_paper_is_not_a_notice() -> None:
    record = from_crossref(crossref("messages/10.1016_s0140-6736_20_31180-6.json"))
    assert record.is_notice is False


def test_citing_a_retraction_notice_is_not_citing_a_retracted_work() -> None:
    record = from_crossref(crossref("messages/10.1016_s0140-6736_20_31324-6.json"))
    assert integrity_findings(record, {}) == []


def test_message_only_sample_with_both_sources_of_retraction() -> None:
    record = from_crossref(crossref("messages/10.1016_s0140-6736_20_31180-6.json"))
    assert record.retracted is True
    assert {(n.doi, n.source) for n in record.retractions} == {
        ("10.1016/s0140-6736(20)31324-6", "retraction-watch"),
        ("10.1016/s0140-6736(20)31174-0", "publisher"),
    }


def test_expression_of_concern_is_a_correction_not_a_retraction() -> None:
    record = from_crossref(crossref("works/10.1371_journal.pone.0064723.json"))
    assert (record.retracted, [n.kind for n in record.corrections]) == (
        False,
        ["expression_of_concern", "expression_of_concern"],
    )


def test_partial_retraction_is_a_correction() -> None:
    record = from_crossref(crossref("works/10.29328_journal.jcmhs.1001023.json"))
    assert (record.retracted, [n.kind for n in record.corrections]) == (
        False,
        ["partial_retraction"],
    )


def test_new_version_is_neither_retraction_nor_correction() -> None:
    record = from_crossref(crossref("works/10.1371_journal.ppat.1008184.json"))
    assert (record.retractions, record.corrections) == ((), ())


def test_collective_author_becomes_a_group() -> None:
    record = from_crossref(crossref("messages/10.1158_1055-9965.epi-23-0009.json"))
    assert Author("for the Pancreatic Cancer Cohort Consortium (PanScan)", group=True) in (
        record.authors
    )


def test_title_markup_is_removed() -> None:
    record = from_crossref(crossref("messages/10.1158_1055-9965.epi-23-0009.json"))
    assert record.title is not None
    assert record.title.startswith("Relationship between ABO Blood Group Alleles")


def test_publisher_mojibake_is_repaired() -> None:
    record = from_crossref(crossref("works/10.5271_sjweh.3626.json"))
    assert "Castaño-Vinyals" in [a.family for a in record.authors]


def test_repair_mojibake_leaves_clean_text_alone() -> None:
    assert repair_mojibake("Ãlvarez Ñúñez") == "Ãlvarez Ñúñez"


def test_clean_text_removes_tags_and_entities() -> None:
    assert clean_text("<i>E. coli</i> &amp;\n  friends") == "E. coli & friends"


def test_missing_fields_do_not_raise() -> None:
    record = from_crossref({"DOI": "10.1234/x", "issued": {"date-parts": [[None]]}})
    assert (record.doi, record.title, record.year, record.authors) == ("10.1234/x", None, None, ())


def test_openalex_core_fields() -> None:
    record = from_openalex(openalex("works/10.7554_elife.01567.json"))
    assert (record.source, record.doi, record.year, record.container) == (
        "openalex",
        "10.7554/elife.01567",
        2014,
        ("eLife",),
    )


def test_openalex_ebook_platform_is_no_container_but_the_book_is() -> None:
    # OpenAlex files the chapter under "IGI Global eBooks", a publisher's shelf.
    record = from_openalex(openalex("works/10.4018_978-1-4666-1891-6.ch004.json"))
    assert record.container == ("Graph-Based Methods in Computer Vision",)


def test_openalex_e_locator_is_an_article_number() -> None:
    record = from_openalex(openalex("works/10.7554_elife.01567.json"))
    assert (record.pages, record.article_number) == ("e01567", "e01567")


def test_openalex_is_retracted_becomes_a_retraction() -> None:
    # No recorded OpenAlex work is retracted: flip the flag of a real one, in plain sight.
    work = {**openalex("works/10.7554_elife.01567.json"), "is_retracted": True}
    record = from_openalex(work)
    assert (record.retracted, record.retractions) == (
        True,
        (Notice("retraction", None, "openalex"),),
    )


def test_crossref_search_item_keeps_its_relevance_score() -> None:
    data = json.loads(
        (API / "crossref/search/query_title_convalescent_plasma_rows1.json").read_bytes()
    )
    record = from_crossref(data["message"]["items"][0])
    assert (record.doi, record.score) == ("10.1007/s40278-023-41815-2", 58.576946)


def test_openalex_search_result_keeps_its_relevance_score() -> None:
    work = openalex("lists/title_search_paperqa.json")["results"][0]
    record = from_openalex(work)
    assert (record.doi, record.score, record.container) == (
        "10.48550/arxiv.2312.07559",
        1082.9331,
        ("arXiv (Cornell University)",),
    )


def test_openalex_select_limited_work_is_read_without_error() -> None:
    work = openalex("lists/refaudit_filter_doi_10.1145_3313831.3376727_select.json")["results"][0]
    record = from_openalex(work)
    assert (record.doi, record.title, record.container) == (
        "10.1145/3313831.3376727",
        "What is AI Literacy? Competencies and Design Considerations",
        (),
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Emilio Merlo Pich", Author("Pich", "Emilio Merlo")),
        ("Ludwig van Beethoven", Author("van Beethoven", "Ludwig")),
        ("Carlos A. Zarate Jr", Author("Zarate", "Carlos A.", "Jr")),
        ("Pich, Emilio Merlo", Author("Pich", "Emilio Merlo")),
        ("Plato", Author("Plato")),
    ],
)
def test_split_name(name: str, expected: Author) -> None:
    assert split_name(name) == expected


def test_merge_status_adds_openalex_retraction() -> None:
    crossref_record = from_crossref(crossref("works/10.7554_elife.01567.json"))
    flagged = from_openalex({**openalex("works/10.7554_elife.01567.json"), "is_retracted": True})
    merged = merge_status(crossref_record, [flagged])
    assert (merged.source, merged.retracted) == ("crossref", True)


def test_merge_status_does_not_duplicate_a_known_retraction() -> None:
    wakefield = from_crossref(crossref("works/10.1016_s0140-6736_97_11096-0.json"))
    flagged = from_openalex({**openalex("works/10.7554_elife.01567.json"), "is_retracted": True})
    assert merge_status(wakefield, [flagged]) is wakefield


def test_summary_names_the_first_authors() -> None:
    record = from_crossref(crossref("works/10.1016_s0140-6736_97_11096-0.json"))
    assert record.summary() == {
        "doi": "10.1016/s0140-6736(97)11096-0",
        "title": "RETRACTED: Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and "
        "pervasive developmental disorder in children",
        "authors": ["Wakefield, AJ", "Murch, SH", "Anthony, A"],
        "authors_total": 13,
        "year": 1998,
        "container": "The Lancet",
    }


# --------------------------------------------------------------------------- abstracts (issue 6)


def test_crossref_abstract_is_plain_text() -> None:
    record = from_crossref(crossref("works/10.7554_elife.01567.json"))
    assert record.abstract is not None
    assert (record.abstract[:62], "<" in record.abstract) == (
        "Among various advantages, their small size makes model organis",
        False,
    )


def test_crossref_abstract_drops_its_abstract_title() -> None:
    record = from_crossref(crossref("works/10.1038_srep16696.json"))
    assert (record.abstract or "").startswith("Oligomers of alpha-synuclein are toxic")


def test_crossref_structured_abstract_keeps_section_titles_as_words() -> None:
    record = from_crossref(crossref("works/10.1073_pnas.1414271111.json"))
    assert (record.abstract or "").startswith("Significance The inadequate mechanical")


def test_crossref_abstract_inline_markup_leaves_no_gap_inside_words() -> None:
    message = {"DOI": "10.1/x", "abstract": "<jats:p>Made of H<jats:sub>2</jats:sub>O.</jats:p>"}
    assert from_crossref(message).abstract == "Made of H2O."


def test_crossref_record_without_abstract_has_none() -> None:
    assert from_crossref(crossref("works/10.1038_nnano.2014.279.json")).abstract is None


def test_fact_built_duman_2012_record_has_no_abstract() -> None:
    record = from_crossref(crossref("factbuilt/10.1016_j.neuropharm.2011.08.044.json"))
    assert record.abstract is None


def test_openalex_inverted_index_is_put_back_in_order() -> None:
    work = openalex("works/10.7554_elife.01567.json")
    crossref_text = from_crossref(crossref("works/10.7554_elife.01567.json")).abstract or ""
    openalex_text = from_openalex(work).abstract or ""
    # OpenAlex appends the article's own DOI line; the rest is word for word Crossref's.
    assert openalex_text.startswith(crossref_text)


def test_openalex_inverted_index_skips_malformed_entries() -> None:
    index = {"world": [1], "hello": [0], "bad": "x", "worse": [-2, True]}
    record = from_openalex({"id": "W1", "abstract_inverted_index": index})
    assert record.abstract == "hello world"


def test_openalex_null_inverted_index_has_no_abstract() -> None:
    assert from_openalex({"id": "W1", "abstract_inverted_index": None}).abstract is None


def test_merge_status_takes_the_openalex_abstract_for_the_same_doi() -> None:
    crossref_record = replace(
        from_crossref(crossref("works/10.7554_elife.01567.json")), abstract=None
    )
    other = from_openalex(openalex("works/10.7554_elife.01567.json"))
    assert merge_status(crossref_record, [other]).abstract == other.abstract


def test_merge_status_never_takes_the_abstract_of_another_work() -> None:
    wakefield = from_crossref(crossref("works/10.1016_s0140-6736_97_11096-0.json"))
    other = from_openalex(openalex("works/10.7554_elife.01567.json"))
    assert merge_status(wakefield, [other]).abstract is None


def test_to_dict_carries_the_abstract() -> None:
    record = from_crossref(crossref("works/10.1038_srep16696.json"))
    assert record.to_dict()["abstract"] == record.abstract


def test_notice_titles_are_told_from_article_titles() -> None:
    titles = [
        "Retraction Note to: Vitamin D and falls",
        "Author Correction: Vitamin D and falls",
        "Erratum",
        "Correction of adolescent idiopathic scoliosis",
        "Removal of sutures after caesarean section",
        "RETRACTED: Vitamin D and falls",
    ]
    assert [notice_title(t) for t in titles] == [True, True, True, False, False, False]
