"""`NetworkSettings` from the environment, and secrets that never show."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from citecheck.netsettings import NetworkSettings, Secret

KEY = "oa-key-7Hd93kLq"


def test_defaults_point_at_the_real_registries() -> None:
    settings = NetworkSettings.from_env({})
    assert (settings.crossref_url, settings.openalex_url, settings.doi_url) == (
        "https://api.crossref.org",
        "https://api.openalex.org",
        "https://doi.org",
    )


def test_defaults_are_polite_and_patient() -> None:
    settings = NetworkSettings.from_env({})
    assert (settings.timeout, settings.max_retries, settings.max_concurrency) == (20.0, 3, None)


def test_base_urls_from_environment_lose_trailing_slash() -> None:
    settings = NetworkSettings.from_env(
        {
            "CITECHECK_CROSSREF_URL": "http://127.0.0.1:9/cr/",
            "CITECHECK_OPENALEX_URL": "http://127.0.0.1:9/oa",
            "CITECHECK_DOI_URL": "http://127.0.0.1:9/doi/",
        }
    )
    assert (settings.crossref_url, settings.openalex_url, settings.doi_url) == (
        "http://127.0.0.1:9/cr",
        "http://127.0.0.1:9/oa",
        "http://127.0.0.1:9/doi",
    )


def test_mailto_cache_dir_and_flags_from_environment() -> None:
    settings = NetworkSettings.from_env(
        {
            "CITECHECK_MAILTO": "me@example.org",
            "CITECHECK_CACHE_DIR": "/tmp/cc",
            "CITECHECK_NO_CACHE": "1",
            "CITECHECK_OFFLINE": "true",
        }
    )
    assert (settings.mailto, settings.cache_dir, settings.no_cache, settings.offline) == (
        "me@example.org",
        Path("/tmp/cc"),
        True,
        True,
    )


def test_openalex_is_enabled_only_by_a_key() -> None:
    assert NetworkSettings.from_env({}).openalex_enabled is False
    assert NetworkSettings.from_env({"OPENALEX_API_KEY": KEY}).openalex_enabled is True


def test_blank_key_does_not_enable_openalex() -> None:
    assert NetworkSettings.from_env({"OPENALEX_API_KEY": "  "}).openalex_enabled is False


def test_settings_repr_hides_the_key() -> None:
    settings = NetworkSettings.from_env({"OPENALEX_API_KEY": KEY, "CROSSREF_PLUS_API_TOKEN": KEY})
    assert KEY not in repr(settings)


def test_secret_hides_in_str_and_format() -> None:
    secret = Secret(KEY)
    assert (str(secret), f"{secret}", repr(secret)) == ("***", "***", "Secret('***')")


def test_secret_reveals_on_request() -> None:
    assert Secret(KEY).reveal() == KEY


def test_options_override_with_replace() -> None:
    settings = replace(NetworkSettings.from_env({}), timeout=5.0, max_retries=0)
    assert (settings.timeout, settings.max_retries) == (5.0, 0)


@pytest.mark.parametrize(
    "bad", [{"timeout": 0.0}, {"max_retries": -1}, {"max_concurrency": 0}, {"backoff": -1.0}]
)
def test_invalid_values_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        NetworkSettings(**bad)  # type: ignore[arg-type]
