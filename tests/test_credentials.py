"""API keys go only to hosts the user trusts with them, and never follow a redirect away."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from citecheck.http import HttpClient
from citecheck.netsettings import NetworkSettings, Secret
from registry_fixtures import MAILTO, registry_fixture  # noqa: F401
from registry_server import RegistryServer
from support import RunCli, seed_path

KEY = "sk-test-credential-0123456789"
TOKEN = "plus-token-0123456789"


def openalex_authorizations(registry: RegistryServer) -> set[str]:
    with registry.openalex._lock:
        return {r.headers.get("authorization", "") for r in registry.openalex.requests}


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CITECHECK_OFFLINE")
    monkeypatch.setenv("OPENALEX_API_KEY", KEY)


@pytest.mark.usefixtures("online")
def test_key_goes_to_a_registry_named_on_the_command_line(
    run_cli: RunCli, registry: RegistryServer
) -> None:
    urls = registry.urls()
    run_cli(
        "check", "--openalex-url", urls["openalex_url"], "--crossref-url", urls["crossref_url"],
        "--doi-url", urls["doi_url"], "--mailto", MAILTO, str(seed_path("004")),
    )  # fmt: skip
    assert openalex_authorizations(registry) == {f"Bearer {KEY}"}


@pytest.mark.usefixtures("online")
def test_key_does_not_go_to_a_registry_only_a_config_file_names(
    run_cli: RunCli, registry: RegistryServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A pull request controls the repository's configuration; CI holds the secret.
    urls = registry.urls()
    (tmp_path / "citecheck.toml").write_text(
        f'[network]\nopenalex-url = "{urls["openalex_url"]}"\n', encoding="utf-8"
    )
    article = tmp_path / "a.txt"
    article.write_bytes(seed_path("004").read_bytes())
    monkeypatch.chdir(tmp_path)
    run_cli(
        "check", "--crossref-url", urls["crossref_url"], "--doi-url", urls["doi_url"],
        "--mailto", MAILTO, "a.txt",
    )  # fmt: skip
    assert registry.openalex.count() > 0
    assert openalex_authorizations(registry) == {""}


class _Recorder(BaseHTTPRequestHandler):
    seen: list[dict[str, str]]

    def do_GET(self) -> None:
        self.seen.append(dict(self.headers.items()))
        body = b'{"status":"ok","message-type":"work","message":{}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def elsewhere() -> Iterator[tuple[ThreadingHTTPServer, list[dict[str, str]]]]:
    seen: list[dict[str, str]] = []
    handler = type("Recorder", (_Recorder,), {"seen": seen})
    for server in _serve(handler):
        yield server, seen


def test_plus_token_does_not_follow_a_redirect_to_another_host(
    elsewhere: tuple[ThreadingHTTPServer, list[dict[str, str]]],
) -> None:
    target, seen = elsewhere
    # "localhost" and "127.0.0.1" are different hosts to a browser and to requests.
    location = f"http://localhost:{target.server_address[1]}/works/10.1/x"

    class Redirect(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    for origin in _serve(Redirect):
        base = f"http://127.0.0.1:{origin.server_address[1]}"
        settings = NetworkSettings(
            crossref_url=base,
            crossref_plus_token=Secret(TOKEN),
            credential_hosts=frozenset({f"127.0.0.1:{origin.server_address[1]}"}),
            max_retries=0,
        )
        with HttpClient(settings) as client:
            reply = client.get(f"{base}/works/10.1/x", lane="crossref-single", auth="crossref")
    assert getattr(reply, "status", None) == 200
    assert [h.get("Crossref-Plus-API-Token") for h in seen] == [None]
