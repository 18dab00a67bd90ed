"""A real HTTP stand-in for Crossref, OpenAlex and doi.org, on 127.0.0.1.

Each registry listens on its own port (so per-host pacing and back-off behave as
against the real hosts) and replays the recorded bodies in ``fixtures/api/``:

- Crossref: ``/works/{doi}`` (the recorded file, byte for byte; message-only files are
  wrapped in the standard envelope), the recorded ``Resource not found.`` 404 for an
  unknown DOI, ``/works?filter=doi:A,doi:B&rows=N`` and
  ``/works?query.bibliographic=…`` built from the same recorded works;
- OpenAlex: ``/works/https://doi.org/{doi}`` and ``/works/doi:{doi}`` (recorded works,
  the recorded HTML 404), ``/works?filter=doi:A|B&per-page=N``, ``/works?search=…``;
  a required API key answers the recorded 401 without it;
- doi.org: ``/api/handles/{doi}``, answered in the DOI Handbook's documented format.

Faults can be injected per registry, optionally only for paths containing a string
and only so many times: latency, an HTTP status (429 with ``Retry-After``, 500, 503;
the recorded bodies where one exists), a stall past the client's timeout, a body cut
short of its ``Content-Length``, malformed JSON, a closed connection.  `closed_port`
gives a port nobody listens on (connection refused).  `Registry.enforce` turns on
rate limits per lane (429 beyond them) for the benchmark.

Nothing here mocks citecheck: the client under test speaks real HTTP over real
sockets.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures" / "api"

FaultKind = Literal["latency", "status", "stall", "truncate", "malformed", "close"]
RegistryName = Literal["crossref", "openalex", "doiorg"]

_WORD = re.compile(r"[a-z0-9]{3,}")


def fixture_name(doi: str) -> str:
    """The file name the shared samples use for a DOI."""
    return re.sub(r"[^a-z0-9._-]", "_", doi.lower()) + ".json"


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return set(_WORD.findall(folded))


def closed_port() -> int:
    """A local port with nothing listening on it (connecting is refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# --------------------------------------------------------------------------- recorded data


@dataclass
class Corpus:
    """The recorded (and fact-built) works, keyed by lower-case DOI."""

    crossref: dict[str, dict[str, Any]] = field(default_factory=dict)
    """DOI -> the work ``message``."""
    crossref_files: dict[str, bytes] = field(default_factory=dict)
    """DOI -> the full recorded body, when the file holds one (served byte for byte)."""
    openalex: dict[str, dict[str, Any]] = field(default_factory=dict)
    openalex_files: dict[str, bytes] = field(default_factory=dict)
    other_agencies: set[str] = field(default_factory=set)
    """DOIs registered outside Crossref (doi.org says they exist)."""

    def add_crossref(self, message: dict[str, Any], raw: bytes | None = None) -> str:
        doi = str(message["DOI"]).lower()
        self.crossref[doi] = message
        if raw is not None:
            self.crossref_files[doi] = raw
        return doi

    def add_openalex(self, work: dict[str, Any], raw: bytes | None = None) -> str:
        doi = str(work["doi"]).lower().removeprefix("https://doi.org/")
        self.openalex[doi] = work
        if raw is not None:
            self.openalex_files[doi] = raw
        return doi

    def known(self, doi: str) -> bool:
        doi = doi.lower()
        return doi in self.crossref or doi in self.openalex or doi in self.other_agencies


def load_corpus(root: Path = FIXTURES) -> Corpus:
    corpus = Corpus()
    for folder in ("works", "factbuilt"):
        for path in sorted((root / "crossref" / folder).glob("*.json")):
            raw = path.read_bytes()
            corpus.add_crossref(json.loads(raw)["message"], raw)
    for path in sorted((root / "crossref" / "messages").glob("*.json")):
        corpus.add_crossref(json.loads(path.read_bytes()))
    for path in sorted((root / "openalex" / "works").glob("*.json")):
        raw = path.read_bytes()
        work = json.loads(raw)
        if work.get("doi") and "__" not in path.name:
            corpus.add_openalex(work, raw)
    # Works recorded only inside search results (PaperQA's arXiv DOI, for one).
    for path in sorted((root / "openalex" / "lists").glob("title_search_*.json")):
        for work in json.loads(path.read_bytes())["results"]:
            doi = str(work.get("doi") or "").lower().removeprefix("https://doi.org/")
            if doi and doi not in corpus.openalex:
                corpus.add_openalex(work)
    # arXiv DOIs are DataCite's: Crossref answers 404 (recorded), the DOI proxy knows them.
    corpus.other_agencies.add("10.48550/arxiv.2312.07559")
    return corpus


def recorded(relative: str) -> bytes:
    return (FIXTURES / relative).read_bytes()


# --------------------------------------------------------------------------- requests and faults


@dataclass(frozen=True)
class SeenRequest:
    method: str
    path: str
    """Decoded path without the query."""
    raw_path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]
    at: float


@dataclass
class Fault:
    kind: FaultKind
    match: str = ""
    times: int | None = None
    status: int = 0
    retry_after: str | None = None
    seconds: float = 0.0
    body: bytes | None = None
    content_type: str = "application/json"

    def applies(self, raw_path: str) -> bool:
        return (self.times is None or self.times > 0) and self.match in raw_path


@dataclass
class _Lane:
    rate: float
    concurrency: int
    starts: deque[float] = field(default_factory=deque)
    in_flight: int = 0


@dataclass
class Answer:
    status: int
    body: bytes
    content_type: str = "application/json;charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


class Registry:
    """One simulated registry on its own port."""

    def __init__(self, name: RegistryName, corpus: Corpus) -> None:
        self.name = name
        self.corpus = corpus
        self.requests: list[SeenRequest] = []
        self.faults: list[Fault] = []
        self.latency = 0.0
        self.required_key: str | None = None
        self.lanes: dict[str, _Lane] = {}
        self.classify: Callable[[SeenRequest], str] | None = None
        self.rejected_429 = 0
        self._lock = threading.Lock()
        handler = _handler_for(self)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        # A short poll interval keeps shutdown (once per test) quick.
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def start(self) -> Registry:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # ----------------------------------------------------------------- test controls

    def inject(
        self,
        kind: FaultKind,
        *,
        match: str = "",
        times: int | None = None,
        status: int = 0,
        retry_after: str | None = None,
        seconds: float = 0.0,
        body: bytes | None = None,
        content_type: str = "application/json",
    ) -> Fault:
        fault = Fault(kind, match, times, status, retry_after, seconds, body, content_type)
        with self._lock:
            self.faults.append(fault)
        return fault

    def enforce(
        self, lanes: Mapping[str, tuple[float, int]], classify: Callable[[SeenRequest], str]
    ) -> None:
        """Answer 429 to requests beyond ``rate`` per second or ``concurrency`` in flight."""
        self.lanes = {name: _Lane(rate, conc) for name, (rate, conc) in lanes.items()}
        self.classify = classify

    def count(self, predicate: Callable[[SeenRequest], bool] | None = None) -> int:
        with self._lock:
            return sum(1 for r in self.requests if predicate is None or predicate(r))

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.faults.clear()
            self.rejected_429 = 0

    # ----------------------------------------------------------------- serving

    def _take_fault(self, raw_path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.applies(raw_path):
                    if fault.times is not None:
                        fault.times -= 1
                    return fault
        return None

    def _admit(self, request: SeenRequest) -> tuple[_Lane | None, Answer | None]:
        if not self.lanes or self.classify is None:
            return None, None
        lane = self.lanes[self.classify(request)]
        now = time.monotonic()
        with self._lock:
            while lane.starts and lane.starts[0] <= now - 1.0:
                lane.starts.popleft()
            if len(lane.starts) >= lane.rate or lane.in_flight >= lane.concurrency:
                self.rejected_429 += 1
                headers = {"Retry-After": "1", **self._rate_headers(lane)}
                return None, Answer(429, b"Too Many Requests", "text/plain", headers)
            lane.starts.append(now)
            lane.in_flight += 1
        return lane, None

    def _release(self, lane: _Lane | None) -> None:
        if lane is not None:
            with self._lock:
                lane.in_flight -= 1

    def _rate_headers(self, lane: _Lane | None) -> dict[str, str]:
        if lane is None:
            return {}
        return {
            "x-rate-limit-limit": str(int(lane.rate)),
            "x-rate-limit-interval": "1s",
            "x-concurrency-limit": str(lane.concurrency),
        }

    def answer(self, request: SeenRequest) -> Answer:
        if self.name == "crossref":
            return _crossref(self.corpus, request)
        if self.name == "openalex":
            if self.required_key is not None:
                auth = request.headers.get("authorization", "")
                if auth != f"Bearer {self.required_key}":
                    return Answer(401, recorded("openalex/errors/401_invalid_api_key_2026.json"))
            return _openalex(self.corpus, request)
        return _doiorg(self.corpus, request)


def _handler_for(registry: Registry) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return  # keep test output clean

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            request = SeenRequest(
                method="GET",
                path=unquote(parts.path),
                raw_path=self.path,
                query=parse_qs(parts.query, keep_blank_values=True),
                headers={k.lower(): v for k, v in self.headers.items()},
                at=time.monotonic(),
            )
            with registry._lock:
                registry.requests.append(request)
            lane, refused = registry._admit(request)
            try:
                if refused is not None:
                    self._send(refused)
                    return
                if registry.latency:
                    time.sleep(registry.latency)
                fault = registry._take_fault(self.path)
                if fault is None or fault.kind == "latency":
                    if fault is not None:
                        time.sleep(fault.seconds)
                    answer = registry.answer(request)
                    answer.headers.update(registry._rate_headers(lane))
                    self._send(answer)
                    return
                self._fault(fault, request)
            finally:
                registry._release(lane)

        def _fault(self, fault: Fault, request: SeenRequest) -> None:
            if fault.kind == "status":
                headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                body = fault.body if fault.body is not None else b""
                self._send(Answer(fault.status, body, fault.content_type, headers))
            elif fault.kind == "stall":
                time.sleep(fault.seconds)
                self._send(registry.answer(request))
            elif fault.kind == "truncate":
                answer = registry.answer(request)
                self.close_connection = True
                self._send(answer, cut=max(1, len(answer.body) // 2), claim_full=True)
            elif fault.kind == "malformed":
                answer = registry.answer(request)
                self._send(Answer(answer.status, answer.body[: max(1, len(answer.body) // 2)]))
            elif fault.kind == "close":
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)

        def _send(self, answer: Answer, cut: int | None = None, claim_full: bool = False) -> None:
            body = answer.body if cut is None else answer.body[:cut]
            length = len(answer.body) if claim_full else len(body)
            try:
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(length))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    return Handler


# --------------------------------------------------------------------------- routes


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _crossref(corpus: Corpus, request: SeenRequest) -> Answer:
    path = request.path
    if path.startswith("/works/"):
        doi = path[len("/works/") :].lower()
        if doi in corpus.crossref_files:
            return Answer(200, corpus.crossref_files[doi], "application/json")
        if doi in corpus.crossref:
            envelope = {
                "status": "ok",
                "message-type": "work",
                "message-version": "1.0.0",
                "message": corpus.crossref[doi],
            }
            return Answer(200, _json(envelope), "application/json")
        # The recorded answer for an unknown DOI (plain text, not JSON): the one recorded
        # for this very DOI when there is one.
        own = FIXTURES / "crossref" / "errors" / f"404_works_{fixture_name(doi)[:-5]}.txt"
        if own.is_file():
            return Answer(404, own.read_bytes(), "text/plain")
        return Answer(
            404, recorded("crossref/errors/404_works_10.1371_notarealdoi.txt"), "text/plain"
        )
    if path == "/works":
        rows = int(request.query.get("rows", ["20"])[0])
        filters = request.query.get("filter", [""])[0]
        if filters:
            dois = [f.split(":", 1)[1].lower() for f in filters.split(",") if f.startswith("doi:")]
            items = [corpus.crossref[d] for d in dict.fromkeys(dois) if d in corpus.crossref]
            return Answer(200, _work_list(items[:rows], len(items), rows))
        query = request.query.get("query.bibliographic", [""])[0]
        if query:
            hits = _search(query, corpus.crossref.values(), _crossref_words)
            if not hits:
                return Answer(
                    200, recorded("crossref/search/query_title_gibberish_no_results_rows1.json")
                )
            items = [{**item, "score": round(score * 100, 3)} for score, item in hits[:rows]]
            return Answer(200, _work_list(items, len(hits), rows))
    return Answer(404, recorded("crossref/errors/404_works_10.1371_notarealdoi.txt"), "text/plain")


def _work_list(items: list[dict[str, Any]], total: int, rows: int) -> bytes:
    message = {
        "facets": {},
        "total-results": total,
        "items": items,
        "items-per-page": rows,
        "query": {"start-index": 0, "search-terms": None},
    }
    return _json(
        {
            "status": "ok",
            "message-type": "work-list",
            "message-version": "1.0.0",
            "message": message,
        }
    )


def _crossref_words(message: Mapping[str, Any]) -> set[str]:
    text = (
        " ".join(message.get("title") or []) + " " + " ".join(message.get("container-title") or [])
    )
    text += " " + " ".join(
        str(a.get("family", a.get("name", ""))) for a in message.get("author") or []
    )
    return _words(text)


def _openalex_words(work: Mapping[str, Any]) -> set[str]:
    names = " ".join(
        str((a.get("author") or {}).get("display_name", "")) for a in work.get("authorships") or []
    )
    return _words(f"{work.get('title') or ''} {names}")


def _search(
    query: str, works: Any, words: Callable[[Mapping[str, Any]], set[str]]
) -> list[tuple[float, dict[str, Any]]]:
    wanted = _words(query)
    if not wanted:
        return []
    scored = []
    for work in works:
        score = len(wanted & words(work)) / len(wanted)
        if score >= 0.5:
            scored.append((score, work))
    scored.sort(key=lambda sw: -sw[0])
    return scored


def _openalex(corpus: Corpus, request: SeenRequest) -> Answer:
    path = request.path
    not_found = recorded("openalex/errors/404_works_doi_not_found_2026_cloudflare.html")
    if path.startswith("/works/"):
        ident = path[len("/works/") :]
        for prefix in ("https://doi.org/", "doi:"):
            if ident.lower().startswith(prefix):
                doi = ident[len(prefix) :].lower()
                if doi in corpus.openalex_files:
                    return Answer(200, corpus.openalex_files[doi], "application/json")
                if doi in corpus.openalex:
                    return Answer(200, _json(corpus.openalex[doi]), "application/json")
        return Answer(404, not_found, "text/html; charset=utf-8")
    if path == "/works":
        per_page = int(request.query.get("per-page", request.query.get("per_page", ["25"]))[0])
        filters = request.query.get("filter", [""])[0]
        results: list[dict[str, Any]] = []
        if filters.startswith("doi:"):
            dois = [
                unquote(d).lower().removeprefix("https://doi.org/") for d in filters[4:].split("|")
            ]
            results = [corpus.openalex[d] for d in dict.fromkeys(dois) if d in corpus.openalex]
        elif "search" in request.query:
            hits = _search(request.query["search"][0], corpus.openalex.values(), _openalex_words)
            results = [{**w, "relevance_score": round(s * 1000, 3)} for s, w in hits]
        meta = {
            "count": len(results),
            "db_response_time_ms": 12,
            "page": 1,
            "per_page": per_page,
            "groups_count": None,
        }
        return Answer(200, _json({"meta": meta, "results": results[:per_page], "group_by": []}))
    return Answer(404, not_found, "text/html; charset=utf-8")


def _doiorg(corpus: Corpus, request: SeenRequest) -> Answer:
    prefix = "/api/handles/"
    if not request.path.startswith(prefix):
        return Answer(404, b"Not Found", "text/plain")
    doi = request.path[len(prefix) :]
    # The documented handle API answers (DOI Handbook, REST API Request/Response Format).
    if corpus.known(doi):
        value = {
            "index": 1,
            "type": "URL",
            "data": {"format": "string", "value": f"https://example.org/{doi}"},
        }
        return Answer(200, _json({"responseCode": 1, "handle": doi, "values": [value]}))
    return Answer(404, _json({"responseCode": 100, "handle": doi}))


# --------------------------------------------------------------------------- all three


class RegistryServer:
    """Crossref, OpenAlex and doi.org stand-ins, each on its own port."""

    def __init__(self, corpus: Corpus | None = None) -> None:
        self.corpus = corpus or load_corpus()
        self.crossref = Registry("crossref", self.corpus)
        self.openalex = Registry("openalex", self.corpus)
        self.doiorg = Registry("doiorg", self.corpus)

    def __enter__(self) -> RegistryServer:
        for registry in self.registries():
            registry.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for registry in self.registries():
            registry.stop()

    def registries(self) -> Iterator[Registry]:
        yield self.crossref
        yield self.openalex
        yield self.doiorg

    def urls(self) -> dict[str, str]:
        return {
            "crossref_url": self.crossref.url,
            "openalex_url": self.openalex.url,
            "doi_url": self.doiorg.url,
        }

    def total_requests(self) -> int:
        return sum(r.count() for r in self.registries())
