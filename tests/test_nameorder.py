"""Entries written surname first with whole given names ("Zhang Qiang"), read the way
the text cites them (`citecheck.nameorder`)."""

from __future__ import annotations

from citecheck.audit import FileAudit
from support import audit_with_list, references_of

_PM25 = (
    "Zhang Qiang, Zheng Yixuan, Tong Dan, Shao Min (2019). Drivers of improved PM2.5 air "
    "quality in China from 2013 to 2017. Proceedings of the National Academy of Sciences, "
    "116(49), 24463-24469.\n"
)
_REVIEW = (
    "Kim Ki-Hyun, Kabir Ehsanul (2015). A review on the human health impact of airborne "
    "particulate matter. Environment International, 74, 136-143.\n"
)


def _families(audit: FileAudit) -> list[list[str]]:
    return [[a.family for a in r.authors] for r in references_of(audit)]


def test_an_entry_cited_by_the_name_it_lists_first_is_read_surname_first() -> None:
    audit = audit_with_list("Air quality improved (Zhang et al., 2019).", _PM25)
    assert _families(audit) == [["Zhang", "Zheng", "Tong", "Shao"]]
    assert audit.diagnostics == ()


def test_hyphenated_given_names_are_turned_with_their_surnames() -> None:
    audit = audit_with_list("Particles harm health (Kim & Kabir, 2015).", _REVIEW)
    [[kim, kabir]] = [r.authors for r in references_of(audit)]
    assert (kim.family, kim.given, kabir.family, kabir.given) == (
        "Kim",
        "Ki-Hyun",
        "Kabir",
        "Ehsanul",
    )
    assert audit.diagnostics == ()


def test_a_given_name_of_two_words_keeps_both_after_the_surname() -> None:
    entry = (
        "Yang Woon Seok, Park Byung-Wook (2017). Iodide management in perovskite layers. "
        "Science, 356(6345), 1376-1379.\n"
    )
    audit = audit_with_list("Efficiency rose (Yang & Park, 2017).", entry)
    [[yang, _park]] = [r.authors for r in references_of(audit)]
    assert (yang.family, yang.given) == ("Yang", "Woon Seok")


def test_only_an_exact_name_turns_an_entry() -> None:
    # A misspelt surname is no evidence of the order: the entry stays as read, and
    # the citation and the entry are reported apart.
    audit = audit_with_list("Air quality improved (Zhnag et al., 2019).", _PM25)
    assert _families(audit) == [["Qiang", "Yixuan", "Dan", "Min"]]
    assert [d.code for d in audit.diagnostics] == ["CIT101", "CIT102"]


def test_a_given_name_another_entry_has_for_its_surname_turns_nothing() -> None:
    # "(Tong, 2019)" names Tong, R.; it says nothing of "Tong Dan, Zhang Qiang".
    turned = (
        "Tong Dan, Zhang Qiang (2019). Haze over the delta. Atmospheric Environment, 201, 1-9.\n"
    )
    other = "Tong, R. (2019). Smog and policy. Environmental Science & Policy, 92, 1-8.\n"
    audit = audit_with_list("Haze persisted (Tong, 2019).", turned, other)
    assert _families(audit) == [["Dan", "Qiang"], ["Tong"]]
