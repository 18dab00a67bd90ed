"""The on-disk cache: layout, lifetimes, modes, corruption and concurrent writers."""

from __future__ import annotations

import json
import logging
import multiprocessing
from pathlib import Path

import pytest

from citecheck.cache import DAY, VERSION, Cache, cache_key

DOI = "10.1038/srep16696"
BODY = {"DOI": DOI, "title": ["A record"]}


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cache(tmp_path: Path, clock: Clock) -> Cache:
    return Cache(tmp_path / "cache", clock=clock)


def put_found(cache: Cache, key: str = DOI) -> None:
    cache.put("crossref/works", key, source="crossref", url="u", kind="found", body=BODY)


def test_found_entry_round_trips(cache: Cache) -> None:
    put_found(cache)
    entry = cache.get("crossref/works", DOI)
    assert entry is not None
    assert (entry.key, entry.kind, entry.body, entry.status) == (DOI, "found", BODY, 200)


def test_layout_is_versioned_and_hashed(cache: Cache, tmp_path: Path) -> None:
    put_found(cache)
    digest = cache_key(DOI)
    assert (
        tmp_path / "cache" / VERSION / "crossref/works" / digest[:2] / f"{digest}.json"
    ).is_file()


def test_cache_dir_is_tagged_and_git_ignored(cache: Cache, tmp_path: Path) -> None:
    put_found(cache)
    tag = (tmp_path / "cache" / "CACHEDIR.TAG").read_text()
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (tmp_path / "cache" / ".gitignore").read_text() == "*\n"


def test_found_entry_lives_thirty_days(cache: Cache, clock: Clock) -> None:
    put_found(cache)
    clock.now += 30 * DAY - 1
    assert cache.get("crossref/works", DOI) is not None


def test_found_entry_expires_after_thirty_days(cache: Cache, clock: Clock) -> None:
    put_found(cache)
    clock.now += 30 * DAY + 1
    assert cache.get("crossref/works", DOI) is None


def test_retraction_status_goes_stale_after_seven_days(cache: Cache, clock: Clock) -> None:
    put_found(cache)
    clock.now += 7 * DAY + 1
    entry = cache.get("crossref/works", DOI)
    assert entry is not None
    assert (
        entry.status_stale(clock.now),
        cache.get("crossref/works", DOI, allow_stale_status=False),
    ) == (
        True,
        None,
    )


def test_not_found_lives_one_day(cache: Cache, clock: Clock) -> None:
    cache.put("crossref/works", DOI, source="crossref", url="u", kind="not-found", body=None)
    clock.now += DAY + 1
    assert cache.get("crossref/works", DOI) is None


def test_search_lives_seven_days(cache: Cache, clock: Clock) -> None:
    cache.put("crossref/search", "q", source="crossref", url="u", kind="search", body=[])
    clock.now += 7 * DAY - 1
    assert cache.get("crossref/search", "q") is not None
    clock.now += 2
    assert cache.get("crossref/search", "q") is None


def test_disabled_cache_neither_reads_nor_writes(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", enabled=False)
    put_found(cache)
    assert (cache.get("crossref/works", DOI), (tmp_path / "cache").exists()) == (None, False)


def test_refresh_skips_reads_but_still_writes(tmp_path: Path) -> None:
    refreshing = Cache(tmp_path / "cache", refresh=True)
    put_found(refreshing)
    assert refreshing.get("crossref/works", DOI) is None
    assert Cache(tmp_path / "cache").get("crossref/works", DOI) is not None


def test_corrupt_entry_is_a_miss_with_one_warning(
    cache: Cache, caplog: pytest.LogCaptureFixture
) -> None:
    put_found(cache, "a")
    put_found(cache, "b")
    cache.path_for("crossref/works", "a").write_text("{not json")
    cache.path_for("crossref/works", "b").write_text('{"kind": "found"}')
    with caplog.at_level(logging.WARNING, logger="citecheck.cache"):
        first = cache.get("crossref/works", "a")
        second = cache.get("crossref/works", "b")
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert (first, second, len(warnings)) == (None, None, 1)


def test_entry_under_another_key_is_ignored(cache: Cache) -> None:
    put_found(cache, "a")
    cache.path_for("crossref/works", "b").parent.mkdir(parents=True, exist_ok=True)
    cache.path_for("crossref/works", "b").write_bytes(
        cache.path_for("crossref/works", "a").read_bytes()
    )
    assert cache.get("crossref/works", "b") is None


def test_write_leaves_no_temporary_files(cache: Cache) -> None:
    for i in range(5):
        put_found(cache, f"10.1/{i}")
    leftovers = list(cache.root.rglob(".tmp-*"))
    assert leftovers == []


def test_unwritable_cache_is_only_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = Cache(blocker / "cache")
    with caplog.at_level(logging.WARNING, logger="citecheck.cache"):
        put_found(cache)
    assert "cannot write the cache" in caplog.text


def _writer(root: str, worker: int) -> None:
    cache = Cache(Path(root))
    for i in range(200):
        cache.put(
            "crossref/works",
            f"10.1/{i % 20}",
            source="crossref",
            url="u",
            kind="found",
            body={"worker": worker, "i": i, "pad": "x" * 2000},
        )


def test_two_processes_writing_the_same_keys_leave_valid_entries(tmp_path: Path) -> None:
    root = tmp_path / "shared"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(root), w)) for w in (1, 2)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
    bodies = [json.loads(p.read_bytes())["body"]["worker"] for p in root.rglob("*.json")]
    assert (len(bodies), set(bodies) <= {1, 2}) == (20, True)


def test_info_counts_entries_per_namespace(cache: Cache) -> None:
    put_found(cache, "a")
    put_found(cache, "b")
    cache.put("doiorg/handles", "a", source="doi.org", url="u", kind="not-found", body=None)
    info = cache.info()
    counts = {n.name: n.entries for n in info.namespaces}
    assert (counts["crossref/works"], counts["doiorg/handles"], info.entries) == (2, 1, 3)


def test_info_reports_old_versions(cache: Cache) -> None:
    put_found(cache)
    (cache.root / "v0" / "crossref").mkdir(parents=True)
    assert cache.info().other_versions == ("v0",)


def test_clean_removes_every_version(cache: Cache) -> None:
    put_found(cache)
    (cache.root / "v0").mkdir()
    (cache.root / "v0" / "old.json").write_text("{}")
    result = cache.clean()
    assert (result.files, cache.info().entries, (cache.root / "v0").exists()) == (2, 0, False)


def test_clean_keeps_the_tag(cache: Cache) -> None:
    put_found(cache)
    cache.clean()
    assert (cache.root / "CACHEDIR.TAG").is_file()


def test_info_counts_answers_of_other_registry_addresses(cache: Cache) -> None:
    put_found(cache, "a")
    cache.put(
        "crossref/works@0123456789ab", "b", source="crossref", url="u", kind="found", body=BODY
    )
    counts = {n.name: n.entries for n in cache.info().namespaces}
    assert counts["crossref/works"] == 2


def test_clean_leaves_other_folders_of_the_cache_alone(cache: Cache) -> None:
    put_found(cache)
    (cache.root / "videos").mkdir()
    (cache.root / "videos" / "holiday.mp4").write_text("x")
    cache.clean()
    assert (cache.root / "videos" / "holiday.mp4").is_file()


def test_clean_refuses_a_directory_that_is_not_a_citecheck_cache(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "venv").mkdir(parents=True)
    (home / "v1").mkdir()
    (home / "v1" / "notes.txt").write_text("mine")
    result = Cache(home).clean()
    assert (result.files, (home / "v1" / "notes.txt").is_file(), (home / "venv").is_dir()) == (
        0,
        True,
        True,
    )
