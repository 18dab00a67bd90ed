"""Indented JSON is written token by token: the text must be json.dumps's, byte for byte."""

from __future__ import annotations

import json

from citecheck.render.jsontext import indented


def test_indented_text_is_json_dumps_with_two_spaces_and_a_newline() -> None:
    value = {
        "authors": ["Duman", "Collo", "Özüak"],
        "empty": {},
        "none": [],
        "nested": [{"line": 3, "score": 91.5, "ok": True, "note": None}],
        "quote": 'He said "fast" — twice\n',
    }
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_indented_text_keeps_non_ascii_characters() -> None:
    assert indented(["Jönsson"]) == '[\n  "Jönsson"\n]\n'
