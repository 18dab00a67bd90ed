"""The HTTP layer against a real local server: headers, retries, pacing, typed failures."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from citecheck import __version__
from citecheck.http import (
    BREAKER_THRESHOLD,
    MAX_BODY,
    PACING_MARGIN,
    Failure,
    HttpClient,
    LanePolicy,
    Reply,
    default_lanes,
    parse_retry_after,
)
from citecheck.netsettings import OFFICIAL_HOSTS, NetworkSettings, Secret
from registry_fixtures import MAILTO, registry_fixture, settings_fixture  # noqa: F401
from registry_server import RegistryServer, closed_port, recorded

WORK = "/works/10.1038/srep16696"
KEY = "oa-key-7Hd93kLq"


def get(client: HttpClient, registry: RegistryServer, path: str = WORK) -> Reply | Failure:
    return client.get(registry.crossref.url + path, lane="crossref-single")


def test_success_returns_decoded_json(registry: RegistryServer, settings: NetworkSettings) -> None:
    with HttpClient(settings) as client:
        reply = get(client, registry)
    assert isinstance(reply, Reply)
    assert (reply.status, reply.data["message"]["DOI"]) == (200, "10.1038/srep16696")


def test_user_agent_names_citecheck_version_and_mailto(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    with HttpClient(settings) as client:
        get(client, registry)
    agent = registry.crossref.requests[0].headers["user-agent"]
    assert agent == (
        f"citecheck/{__version__} (+https://pypi.org/project/citecheck-audit/; mailto:{MAILTO})"
    )


def test_user_agent_without_mailto(registry: RegistryServer, settings: NetworkSettings) -> None:
    with HttpClient(replace(settings, mailto=None)) as client:
        get(client, registry)
    assert "mailto" not in registry.crossref.requests[0].headers["user-agent"]


def test_404_is_an_answer_not_a_failure(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    with HttpClient(settings) as client:
        reply = client.get(
            registry.crossref.url + "/works/10.1371/notarealdoi",
            lane="crossref-single",
            expect_json=False,
        )
    assert isinstance(reply, Reply)
    assert (reply.status, reply.body, reply.data) == (404, b"Resource not found.", None)


def test_503_is_retried_until_success(registry: RegistryServer, settings: NetworkSettings) -> None:
    registry.crossref.inject("status", status=503, times=2)
    with HttpClient(settings) as client:
        reply = get(client, registry)
    assert isinstance(reply, Reply)
    assert (reply.status, reply.attempts, registry.crossref.count()) == (200, 3, 3)


def test_500_after_all_retries_is_an_http_status_failure(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    body = recorded("crossref/errors/500_works_cursor_exception.json")
    registry.crossref.inject("status", status=500, body=body)
    with HttpClient(settings) as client:
        failure = get(client, registry)
    assert isinstance(failure, Failure)
    assert (failure.kind, failure.status, failure.attempts) == ("http-status", 500, 3)


class FakeTime:
    """A clock that only moves when slept on."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


def test_429_waits_for_retry_after(registry: RegistryServer, settings: NetworkSettings) -> None:
    registry.crossref.inject("status", status=429, retry_after="2", times=1)
    fake = FakeTime()
    with HttpClient(settings, sleep=fake.sleep, clock=fake.clock) as client:
        reply = get(client, registry)
    assert isinstance(reply, Reply)
    assert fake.waits == [2.0]


def test_429_left_after_retries_is_rate_limited(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("status", status=429, retry_after="0")
    with HttpClient(settings, sleep=lambda _s: None) as client:
        failure = get(client, registry)
    assert isinstance(failure, Failure)
    assert (failure.kind, failure.attempts) == ("rate-limited", 3)


def test_429_asking_for_hours_is_not_waited_for(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("status", status=429, retry_after="28087")
    waits: list[float] = []
    with HttpClient(settings, sleep=waits.append) as client:
        failure = get(client, registry)
    assert isinstance(failure, Failure)
    assert (failure.kind, failure.retry_after, waits, registry.crossref.count()) == (
        "rate-limited",
        28087.0,
        [],
        1,
    )


def test_timeout_is_a_timeout_failure(registry: RegistryServer, settings: NetworkSettings) -> None:
    registry.crossref.inject("stall", seconds=1.0)
    fast = replace(settings, timeout=0.2, max_retries=0)
    with HttpClient(fast) as client:
        failure = get(client, registry)
    assert isinstance(failure, Failure)
    assert failure.kind == "timeout"


def test_timeout_then_success_is_retried(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("stall", seconds=1.0, times=1)
    with HttpClient(replace(settings, timeout=0.2)) as client:
        reply = get(client, registry)
    assert isinstance(reply, Reply)
    assert reply.attempts == 2


def test_latency_below_the_timeout_is_waited_out(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("latency", seconds=0.3)
    with HttpClient(replace(settings, timeout=2.0)) as client:
        reply = get(client, registry)
    assert isinstance(reply, Reply)
    assert (reply.status, reply.attempts) == (200, 1)


def test_truncated_body_is_a_truncated_failure(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("truncate")
    with HttpClient(replace(settings, max_retries=0)) as client:
        failure = get(client, registry)
    assert isinstance(failure, Failure)
    assert failure.kind == "truncated"


def test_malformed_json_is_a_malformed_json_failure(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("malformed")
    with HttpClient(replace(settings, max_retries=0)) as client:
        failure = get(client, registry)
    assert isinstance(failure, Failure)
    assert (failure.kind, failure.status) == ("malformed-json", 200)


def test_malformed_json_once_is_retried(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("malformed", times=1)
    with HttpClient(settings) as client:
        reply = get(client, registry)
    assert isinstance(reply, Reply)
    assert reply.attempts == 2


def test_closed_connection_is_a_connection_failure(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("close")
    with HttpClient(replace(settings, max_retries=0)) as client:
        failure = get(client, registry)
    assert isinstance(failure, Failure)
    assert failure.kind == "connection"


def test_refused_connection_is_a_connection_failure(settings: NetworkSettings) -> None:
    with HttpClient(settings) as client:
        failure = client.get(f"http://127.0.0.1:{closed_port()}/works/x", lane="crossref-single")
    assert isinstance(failure, Failure)
    assert (failure.kind, failure.attempts) == ("connection", 3)


def test_host_is_marked_down_after_repeated_transport_failures(settings: NetworkSettings) -> None:
    url = f"http://127.0.0.1:{closed_port()}/works/x"
    with HttpClient(replace(settings, max_retries=0)) as client:
        for _ in range(BREAKER_THRESHOLD):
            client.get(url, lane="crossref-single")
        failure = client.get(url, lane="crossref-single")
    assert isinstance(failure, Failure)
    assert failure.kind == "host-down"


def test_offline_sends_nothing(registry: RegistryServer, settings: NetworkSettings) -> None:
    with HttpClient(replace(settings, offline=True)) as client:
        failure = get(client, registry)
    assert isinstance(failure, Failure)
    assert (failure.kind, registry.crossref.count()) == ("offline", 0)


def test_budget_429_is_not_retried(registry: RegistryServer, settings: NetworkSettings) -> None:
    body = recorded("openalex/errors/429_insufficient_budget_2026.json")
    registry.openalex.inject("status", status=429, body=body)
    with HttpClient(settings) as client:
        failure = client.get(
            registry.openalex.url + "/works/doi:10.7554/elife.01567",
            lane="openalex",
            is_budget_exhausted=lambda reply: "budget" in reply.text,
        )
    assert isinstance(failure, Failure)
    assert (failure.kind, registry.openalex.count()) == ("budget-exhausted", 1)


def test_openalex_key_travels_as_bearer_header(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    keyed = replace(settings, openalex_api_key=Secret(KEY))
    with HttpClient(keyed) as client:
        client.get(
            registry.openalex.url + "/works/doi:10.7554/elife.01567",
            lane="openalex",
            auth="openalex",
        )
    seen = registry.openalex.requests[0]
    assert (seen.headers["authorization"], KEY in seen.raw_path) == (f"Bearer {KEY}", False)


def test_crossref_plus_token_travels_as_its_header(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    keyed = replace(settings, crossref_plus_token=Secret(KEY))
    with HttpClient(keyed) as client:
        client.get(registry.crossref.url + WORK, lane="crossref-single", auth="crossref")
    assert registry.crossref.requests[0].headers["crossref-plus-api-token"] == f"Bearer {KEY}"


def test_no_auth_header_without_asking(registry: RegistryServer, settings: NetworkSettings) -> None:
    keyed = replace(settings, openalex_api_key=Secret(KEY))
    with HttpClient(keyed) as client:
        get(client, registry)
    assert "authorization" not in registry.crossref.requests[0].headers


def test_requests_in_a_lane_are_spaced(settings: NetworkSettings) -> None:
    # A frozen clock: every start must be pushed one interval further than the last.
    waits: list[float] = []
    with HttpClient(
        replace(settings, max_retries=0),
        lanes={"crossref-single": LanePolicy(rate=4.0, concurrency=1)},
        sleep=waits.append,
        clock=lambda: 100.0,
    ) as client:
        for _ in range(3):
            client.get(f"http://127.0.0.1:{closed_port()}/x", lane="crossref-single")
    assert waits == pytest.approx([PACING_MARGIN / 4, 2 * PACING_MARGIN / 4])


def test_announced_rate_limit_slows_the_lane(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.enforce({"single": (2.0, 3)}, classify=lambda _r: "single")
    waits: list[float] = []
    with HttpClient(
        settings,
        lanes={"crossref-single": LanePolicy(rate=100.0, concurrency=3)},
        sleep=waits.append,
        clock=lambda: 100.0,
    ) as client:
        get(client, registry)  # answers x-rate-limit-limit: 2, x-rate-limit-interval: 1s
        get(client, registry)
    assert waits == pytest.approx([PACING_MARGIN / 2])


def test_429s_drawn_by_too_much_concurrency_are_all_retried(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.enforce({"single": (100.0, 1)}, classify=lambda _r: "single")
    registry.crossref.latency = 0.2
    lanes = {"crossref-single": LanePolicy(rate=1000.0, concurrency=4)}
    client = HttpClient(replace(settings, max_retries=3), lanes=lanes)
    with client, ThreadPoolExecutor(4) as pool:
        replies = list(pool.map(lambda _i: get(client, registry), range(4)))
    statuses = [r.status if isinstance(r, Reply) else r.kind for r in replies]
    assert (statuses, registry.crossref.rejected_429 > 0) == ([200] * 4, True)


def test_polite_lanes_need_a_mailto() -> None:
    polite = default_lanes(NetworkSettings(mailto="me@example.org"))
    public = default_lanes(NetworkSettings())
    assert (polite["crossref-single"], polite["crossref-list"]) == (
        LanePolicy(10.0, 3),
        LanePolicy(3.0, 3),
    )
    assert (public["crossref-single"], public["crossref-list"]) == (
        LanePolicy(5.0, 1),
        LanePolicy(1.0, 1),
    )


def test_max_concurrency_caps_every_lane() -> None:
    lanes = default_lanes(NetworkSettings(mailto="me@example.org", max_concurrency=1))
    assert {p.concurrency for p in lanes.values()} == {1}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("3", 3.0),
        ("0.5", 0.5),
        ("Mon, 06 Oct 2025 19:21:10 GMT", 0.0),
        ("soon", None),
        (None, None),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header, now=1_900_000_000.0) == expected


def test_parse_retry_after_http_date_in_future() -> None:
    assert parse_retry_after("Thu, 01 Jan 2037 00:00:10 GMT", now=2114380800.0) == 10.0


def test_failure_messages_and_logs_hold_no_secret(
    settings: NetworkSettings, caplog: pytest.LogCaptureFixture
) -> None:
    keyed = replace(settings, openalex_api_key=Secret(KEY), crossref_plus_token=Secret(KEY))
    caplog.set_level(logging.DEBUG)
    with HttpClient(keyed) as client:
        failure = client.get(
            f"http://127.0.0.1:{closed_port()}/works", lane="openalex", auth="openalex"
        )
    assert KEY not in repr(failure) + caplog.text + repr(client)


def test_no_key_for_a_host_the_user_did_not_name(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    keyed = replace(settings, openalex_api_key=Secret(KEY), credential_hosts=OFFICIAL_HOSTS)
    with HttpClient(keyed) as client:
        client.get(
            registry.openalex.url + "/works/doi:10.7554/elife.01567",
            lane="openalex",
            auth="openalex",
        )
    assert "authorization" not in registry.openalex.requests[0].headers


def test_an_answer_larger_than_any_registry_sends_is_refused(
    registry: RegistryServer, settings: NetworkSettings
) -> None:
    registry.crossref.inject("status", status=200, body=b" " * (MAX_BODY + 1))
    with HttpClient(replace(settings, max_retries=0)) as client:
        reply = client.get(registry.crossref.url + WORK, lane="crossref-single")
    assert isinstance(reply, Failure)
    assert (reply.kind, reply.message) == ("too-large", "answer larger than 32 MB")
