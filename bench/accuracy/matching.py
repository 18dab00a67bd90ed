"""Reference → record matching in a closed world (guides/corpora.md §B2).

Crossref and OpenAlex cannot be reached from here, so search is played by a local
stand-in: a BM25 index over the records of `adapt_crossref` (title, container, author
families, year, volume, pages).  For each query string citecheck parses the reference,
builds the query it would send (`resolve.search_query`), takes the stand-in's top
`ROWS` hits, and lets `verify.confident_match` (the resolver's own matcher) pick one
or none.  Two runs per query:

* with every record indexed, the answer should be the query's DOI (or a twin DOI of the
  same work, `adapt_crossref.MatchItem.twins`): precision, recall;
* with the query's own record (and its twins) withheld, there is nothing right to find
  and any match is a false link (Crossref's "null" items, built here from the closest
  other works).

What this measures is citecheck's parsing, comparison and validation thresholds, not a
registry's search recall; the stand-in's recall (the target among the hits) is
reported beside, so a miss can be told apart from a retrieval miss.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bench.accuracy.adapt_crossref import STYLES, MatchItem, items_of
from citecheck.lookup import reference_fields
from citecheck.records import Record
from citecheck.resolve import SEARCH_ROWS, search_query
from citecheck.verify import confident_match

ROWS = SEARCH_ROWS
_WORD = re.compile(r"[^\W_]{2,}")
# Words in more than this share of the records barely rank and cost most of the time.
_COMMON = 0.05


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _record_text(record: Record) -> str:
    parts = [a.family for a in record.authors]
    parts += [record.title or "", *record.container, str(record.year or "")]
    parts += [record.volume or "", record.pages or ""]
    return " ".join(parts)


class SearchStandIn:
    """BM25 (k1 1.2, b 0.75) over the records, rarest words only."""

    def __init__(self, records: Sequence[Record]) -> None:
        self.records = list(records)
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths = []
        for index, record in enumerate(self.records):
            counts = Counter(_words(_record_text(record)))
            lengths.append(sum(counts.values()))
            for word, count in counts.items():
                postings[word].append((index, count))
        total = len(self.records)
        average = sum(lengths) / max(total, 1)
        limit = max(1, int(total * _COMMON))
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for word, hits in postings.items():
            if len(hits) > limit:
                continue
            idf = math.log(1 + (total - len(hits) + 0.5) / (len(hits) + 0.5))
            self._postings[word] = [
                (i, idf * c * 2.2 / (c + 1.2 * (0.25 + 0.75 * lengths[i] / average)))
                for i, c in hits
            ]

    def search(
        self, query: str, rows: int, *, without: frozenset[str] = frozenset()
    ) -> list[Record]:
        scores: dict[int, float] = defaultdict(float)
        for word in set(_words(query)):
            for index, weight in self._postings.get(word, ()):
                scores[index] += weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        hits = (self.records[i] for i, _ in ranked)
        return [r for r in hits if r.doi not in without][:rows]


@dataclass
class MatchScore:
    """One split and query style."""

    queries: int = 0
    right: int = 0
    wrong: int = 0
    retrieved: int = 0
    """Queries whose DOI was among the stand-in's hits."""
    false_links: int = 0
    """Links made with the query's own record withheld."""
    wrong_examples: list[str] = field(default_factory=list)
    false_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        made = self.right + self.wrong
        return self.right / made if made else None

    @property
    def recall(self) -> float | None:
        return self.right / self.queries if self.queries else None

    @property
    def false_link_rate(self) -> float | None:
        return self.false_links / self.queries if self.queries else None


def run(
    items: Sequence[MatchItem], splits: Iterable[str] = ("dev", "test"), *, limit: int | None = None
) -> dict[tuple[str, str], MatchScore]:
    """Scores per (split, style); every readable record is in the index, queries per split."""
    stand_in = SearchStandIn([item.record for item in items if item.record is not None])
    scores: dict[tuple[str, str], MatchScore] = {}
    for split in splits:
        chosen = list(items_of(split, items))[:limit]
        for style in STYLES:
            score = scores.setdefault((split, style), MatchScore())
            for item in chosen:
                _score_one(item, item.query(style), stand_in, score)
    return scores


def _score_one(item: MatchItem, text: str, stand_in: SearchStandIn, score: MatchScore) -> None:
    fields = reference_fields(text)
    query = search_query(fields) or text
    score.queries += 1
    hits = stand_in.search(query, ROWS)
    score.retrieved += any(r.doi in item.twins for r in hits)
    found = confident_match(fields, hits) if hits else None
    if found is not None and found.doi in item.twins:
        score.right += 1
    elif found is not None:
        score.wrong += 1
        score.wrong_examples.append(f"{text} → {found.doi}")
    others = stand_in.search(query, ROWS, without=item.twins)
    false = confident_match(fields, others) if others else None
    if false is not None:
        score.false_links += 1
        score.false_examples.append(f"{text} → {false.doi} ({false.title})")
