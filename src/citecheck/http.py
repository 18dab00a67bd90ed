"""One polite HTTP client for every registry: pacing, retries, typed failures.

Each request travels in a *lane* (``crossref-single``, ``crossref-list``, ``openalex``,
``doiorg``) with its own concurrency cap and minimum interval between request starts,
the way Crossref counts single-record and list requests separately
(guides/registries.md §3).  Limits announced by the server (``x-rate-limit-limit`` /
``x-rate-limit-interval``, ``x-concurrency-limit``) can only lower a lane's limits.

`HttpClient.get` never raises for network trouble: it returns a `Reply` (any final
HTTP answer, 404 included) or a `Failure` (timeout, refused connection, 429/5xx
after the retries, truncated body, malformed JSON, exhausted budget).  Retries wait
``backoff * 2**n`` seconds or the server's ``Retry-After``, whichever is longer; a 429
or 503 pauses the whole host, so the other threads do not run into it too.
"""

from __future__ import annotations

import email.utils
import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from citecheck import __version__
from citecheck.netsettings import NetworkSettings, host_of

log = logging.getLogger(__name__)

PROJECT_URL: Final = "https://pypi.org/project/citecheck-audit/"

FailureKind = Literal[
    "timeout",
    "connection",
    "http-status",
    "rate-limited",
    "budget-exhausted",
    "truncated",
    "malformed-json",
    "host-down",
    "offline",
    "too-large",
]
Auth = Literal["openalex", "crossref"]

RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
# A registry answer is a few kilobytes (a batch of 50 works, a few hundred); anything
# far larger is not what was asked for, and must not fill the memory.
MAX_BODY: Final = 32 * 1024 * 1024
MAX_RETRY_AFTER: Final = 120.0
"""A server asking us to wait longer than this (OpenAlex until midnight) gets a failure."""
BREAKER_THRESHOLD: Final = 3
"""Consecutive transport failures (after retries) that mark a host down for the run."""
PACING_MARGIN: Final = 1.05
"""Intervals are stretched a little so clock jitter never puts us over a limit."""


@dataclass(frozen=True, slots=True)
class LanePolicy:
    rate: float
    """Request starts per second."""
    concurrency: int


@dataclass(frozen=True, slots=True)
class Reply:
    """A final HTTP answer (any status that is not retried, or a success)."""

    url: str
    status: int
    headers: Mapping[str, str]
    """Lower-cased names."""
    body: bytes
    data: Any = None
    """The decoded JSON body, when it is JSON (always for a 2xx asked as JSON)."""
    attempts: int = 1

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass(frozen=True, slots=True)
class Failure:
    """A look-up that could not be answered; the reference stays *unverified*."""

    kind: FailureKind
    message: str
    url: str
    status: int | None = None
    attempts: int = 0
    retry_after: float | None = None


def user_agent(settings: NetworkSettings) -> str:
    contact = f"; mailto:{settings.mailto}" if settings.mailto else ""
    return f"citecheck/{__version__} (+{PROJECT_URL}{contact})"


def default_lanes(settings: NetworkSettings) -> dict[str, LanePolicy]:
    """Crossref's limits since 2025-12-01 (polite with a mailto, public without)."""
    polite = settings.mailto is not None or settings.crossref_plus_token is not None
    lanes = {
        "crossref-single": LanePolicy(10.0, 3) if polite else LanePolicy(5.0, 1),
        "crossref-list": LanePolicy(3.0, 3) if polite else LanePolicy(1.0, 1),
        # OpenAlex allows 100/s; every list call costs budget, so stay modest.
        "openalex": LanePolicy(10.0, 3),
        "doiorg": LanePolicy(10.0, 3),
    }
    if settings.max_concurrency is not None:
        cap = settings.max_concurrency
        lanes = {k: LanePolicy(v.rate, min(v.concurrency, cap)) for k, v in lanes.items()}
    return lanes


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def _interval_seconds(value: str) -> float | None:
    text = value.strip().lower()
    scale = 1.0
    if text.endswith("ms"):
        text, scale = text[:-2], 0.001
    elif text.endswith("s"):
        text = text[:-1]
    elif text.endswith("m"):
        text, scale = text[:-1], 60.0
    try:
        seconds = float(text) * scale
    except ValueError:
        return None
    return seconds if seconds > 0 else None


class _Gate:
    """A lane's concurrency cap and pacing; both can only be tightened."""

    def __init__(self, policy: LanePolicy, clock: Callable[[], float]) -> None:
        self._cond = threading.Condition()
        self._clock = clock
        self.limit = max(1, policy.concurrency)
        self.interval = PACING_MARGIN / policy.rate if policy.rate > 0 else 0.0
        self._min_interval = self.interval
        self._in_flight = 0
        self._next_start = 0.0
        self._last_start = float("-inf")

    def enter(self, not_before: float) -> float:
        """Take a slot; return how long to sleep before starting the request."""
        with self._cond:
            while self._in_flight >= self.limit:
                self._cond.wait()
            self._in_flight += 1
            now = self._clock()
            start = max(now, self._next_start, not_before)
            self._last_start = start
            self._next_start = start + self.interval
            return start - now

    def leave(self) -> None:
        with self._cond:
            self._in_flight -= 1
            self._cond.notify()

    def tighten(self, rate: float | None = None, concurrency: int | None = None) -> None:
        with self._cond:
            if rate is not None and rate > 0:
                self.interval = max(self.interval, PACING_MARGIN / rate)
                self._next_start = max(self._next_start, self._last_start + self.interval)
            if concurrency is not None and concurrency >= 1:
                self.limit = min(self.limit, concurrency)

    def slow_down(self) -> None:
        """After a 429: space requests out more, up to four times the start."""
        with self._cond:
            ceiling = max(self._min_interval * 4, 0.05)
            self.interval = min(ceiling, max(self.interval * 1.25, self._min_interval))


@dataclass
class _Host:
    blocked_until: float = 0.0
    consecutive_failures: int = 0
    down: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


class HttpClient:
    """The HTTP layer shared by every source of one run (thread safe)."""

    def __init__(
        self,
        settings: NetworkSettings,
        *,
        lanes: Mapping[str, LanePolicy] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._clock = clock
        self._gates = {
            name: _Gate(policy, clock)
            for name, policy in (lanes or default_lanes(settings)).items()
        }
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._secrets = settings.secrets()
        self._session = _Session()
        adapter = HTTPAdapter(pool_connections=8, pool_maxsize=16, max_retries=0)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers.update(
            {"User-Agent": user_agent(settings), "Accept-Encoding": "gzip, deflate"}
        )

    def __repr__(self) -> str:
        return f"HttpClient(lanes={sorted(self._gates)})"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- public

    def get(
        self,
        url: str,
        *,
        lane: str,
        params: Mapping[str, str] | None = None,
        auth: Auth | None = None,
        expect_json: bool = True,
        is_budget_exhausted: Callable[[Reply], bool] | None = None,
    ) -> Reply | Failure:
        """GET ``url``; retry what is worth retrying; never raise for network trouble."""
        full_url = self._with_params(url, params)
        shown = self.redact(full_url)
        if self.settings.offline:
            return Failure("offline", "offline: no request sent", shown)
        host = self._host(full_url)
        if host.down:
            return Failure("host-down", f"`{_netloc(full_url)}` is not answering", shown)
        gate = self._gates[lane]
        headers = self._auth_headers(auth, full_url)
        attempts = 0
        last: Failure | None = None
        while attempts <= self.settings.max_retries:
            attempts += 1
            outcome = self._attempt(gate, host, full_url, shown, headers, expect_json, attempts)
            if isinstance(outcome, Reply):
                if (
                    is_budget_exhausted is not None
                    and outcome.status == 429
                    and is_budget_exhausted(outcome)
                ):
                    return Failure(
                        "budget-exhausted",
                        "daily budget exhausted (HTTP 429); not retried",
                        shown,
                        status=429,
                        attempts=attempts,
                        retry_after=parse_retry_after(outcome.headers.get("retry-after")),
                    )
                if outcome.status not in RETRY_STATUSES:
                    self._note_success(host)
                    return outcome
                last = self._status_failure(outcome, attempts)
            else:
                last = outcome
            wait = self._retry_wait(last, attempts)
            if wait is None or attempts > self.settings.max_retries:
                break
            if last.kind == "rate-limited" or last.status == 503:
                self._block_host(host, wait)
                gate.slow_down()
            log.debug("retrying %s in %.2fs after %s", shown, wait, last.kind)
            self._sleep(wait)
        assert last is not None
        if last.kind in ("timeout", "connection"):
            self._note_transport_failure(host)
        return last

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            if secret:
                text = text.replace(secret, "***")
        return text

    # ----------------------------------------------------------------- internals

    def _attempt(
        self,
        gate: _Gate,
        host: _Host,
        url: str,
        shown: str,
        headers: Mapping[str, str],
        expect_json: bool,
        attempts: int,
    ) -> Reply | Failure:
        delay = gate.enter(host.blocked_until)
        try:
            if delay > 0:
                self._sleep(delay)
            try:
                response = self._session.get(
                    url, headers=headers, timeout=self.settings.timeout, stream=True
                )
                body = _read_body(response, self.settings.timeout)
            except _BodyTooLarge:
                return Failure(
                    "too-large", f"answer larger than {MAX_BODY // 2**20} MB", shown, None, attempts
                )
            except _BodyTooSlow:
                return Failure(
                    "timeout", "answer not complete within the timeout", shown, None, attempts
                )
            except requests.exceptions.ChunkedEncodingError as exc:
                return Failure("truncated", self._why("body cut short", exc), shown, None, attempts)
            except requests.exceptions.ContentDecodingError as exc:
                return Failure(
                    "truncated", self._why("body undecodable", exc), shown, None, attempts
                )
            except requests.exceptions.Timeout as exc:
                return Failure("timeout", self._why("timed out", exc), shown, None, attempts)
            except requests.exceptions.ConnectionError as exc:
                if _is_timeout(exc):
                    return Failure("timeout", self._why("timed out", exc), shown, None, attempts)
                return Failure(
                    "connection", self._why("connection failed", exc), shown, None, attempts
                )
            except requests.exceptions.RequestException as exc:
                return Failure(
                    "connection", self._why("request failed", exc), shown, None, attempts
                )
        finally:
            gate.leave()
        headers_out = {k.lower(): v for k, v in response.headers.items()}
        self._adapt(gate, headers_out)
        data: Any = None
        if body:
            try:
                data = json.loads(body)
            except (ValueError, UnicodeDecodeError):
                data = None
                if expect_json and 200 <= response.status_code < 300:
                    return Failure(
                        "malformed-json",
                        f"HTTP {response.status_code} with a body that is not JSON",
                        shown,
                        response.status_code,
                        attempts,
                    )
        elif expect_json and 200 <= response.status_code < 300:
            return Failure("malformed-json", "empty body", shown, response.status_code, attempts)
        return Reply(
            url=shown,
            status=response.status_code,
            headers=headers_out,
            body=body,
            data=data,
            attempts=attempts,
        )

    def _status_failure(self, reply: Reply, attempts: int) -> Failure:
        kind: FailureKind = "rate-limited" if reply.status == 429 else "http-status"
        return Failure(
            kind,
            f"HTTP {reply.status}",
            reply.url,
            status=reply.status,
            attempts=attempts,
            retry_after=parse_retry_after(reply.headers.get("retry-after")),
        )

    def _retry_wait(self, failure: Failure, attempts: int) -> float | None:
        backoff = self.settings.backoff * (2.0 ** (attempts - 1))
        if failure.retry_after is not None:
            if failure.retry_after > MAX_RETRY_AFTER:
                return None
            return max(failure.retry_after, backoff)
        if failure.kind == "rate-limited":
            # lychee's host backoff: at least half a second on a 429 without advice.
            return max(backoff, min(0.5 * (2.0 ** (attempts - 1)), 30.0))
        return backoff

    def _adapt(self, gate: _Gate, headers: Mapping[str, str]) -> None:
        limit = headers.get("x-rate-limit-limit") or headers.get("x-ratelimit-limit")
        interval = headers.get("x-rate-limit-interval") or headers.get("x-ratelimit-interval")
        # Without an interval the number is not a rate (OpenAlex sends credits per day).
        if limit and interval:
            seconds = _interval_seconds(interval)
            try:
                count = float(limit)
            except ValueError:
                count = 0.0
            if seconds and count > 0:
                gate.tighten(rate=count / seconds)
        concurrency = headers.get("x-concurrency-limit")
        if concurrency and concurrency.strip().isdigit():
            gate.tighten(concurrency=int(concurrency.strip()))

    def _block_host(self, host: _Host, wait: float) -> None:
        with host.lock:
            host.blocked_until = max(host.blocked_until, self._clock() + wait)

    def _note_success(self, host: _Host) -> None:
        with host.lock:
            host.consecutive_failures = 0

    def _note_transport_failure(self, host: _Host) -> None:
        with host.lock:
            host.consecutive_failures += 1
            if host.consecutive_failures >= BREAKER_THRESHOLD:
                host.down = True

    def _host(self, url: str) -> _Host:
        key = _netloc(url)
        with self._hosts_lock:
            host = self._hosts.get(key)
            if host is None:
                host = self._hosts[key] = _Host()
            return host

    def _auth_headers(self, auth: Auth | None, url: str) -> dict[str, str]:
        # The only place secrets are revealed: straight into a request header, and only
        # for a host the user trusts with them (see NetworkSettings.credential_hosts).
        if auth is None or host_of(url) not in self.settings.credential_hosts:
            return {}
        if auth == "openalex" and self.settings.openalex_api_key:
            return {"Authorization": f"Bearer {self.settings.openalex_api_key.reveal()}"}
        if auth == "crossref" and self.settings.crossref_plus_token:
            token = self.settings.crossref_plus_token.reveal()
            return {"Crossref-Plus-API-Token": f"Bearer {token}"}
        return {}

    def _why(self, what: str, exc: BaseException) -> str:
        detail = type(exc).__name__
        return self.redact(f"{what} ({detail})")

    @staticmethod
    def _with_params(url: str, params: Mapping[str, str] | None) -> str:
        if not params:
            return url
        prepared = requests.Request("GET", url, params=dict(params)).prepare()
        return prepared.url or url


class _BodyTooLarge(Exception):
    pass


class _BodyTooSlow(Exception):
    pass


def _read_body(response: requests.Response, timeout: float) -> bytes:
    """The body, at most `MAX_BODY` bytes and within ``timeout`` seconds overall: the
    read timeout alone lets a server trickle one byte at a time for ever."""
    deadline = time.monotonic() + timeout
    parts: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(chunk_size=65536):
            size += len(chunk)
            if size > MAX_BODY:
                raise _BodyTooLarge
            if time.monotonic() > deadline:
                raise _BodyTooSlow
            parts.append(chunk)
    finally:
        response.close()
    return b"".join(parts)


CREDENTIAL_HEADERS: Final = ("Authorization", "Crossref-Plus-API-Token")


class _Session(requests.Session):
    """A session that drops every credential header when a redirect changes host.

    requests removes ``Authorization`` on such a redirect but not other headers, so
    the Crossref Plus token would follow a redirect anywhere.
    """

    def rebuild_auth(
        self, prepared_request: requests.PreparedRequest, response: requests.Response
    ) -> None:
        # types-requests leaves these two hooks untyped.
        super().rebuild_auth(prepared_request, response)  # type: ignore[no-untyped-call]
        old, new = response.request.url or "", prepared_request.url or ""
        if self.should_strip_auth(old, new):  # type: ignore[no-untyped-call]
            for name in CREDENTIAL_HEADERS:
                prepared_request.headers.pop(name, None)


def _netloc(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _is_timeout(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        name = type(current).__name__.lower()
        if "timeout" in name:
            return True
        for arg in getattr(current, "args", ()):
            if isinstance(arg, BaseException) and "timeout" in type(arg).__name__.lower():
                return True
        current = current.__cause__ or current.__context__
    return "timed out" in str(exc).lower()
