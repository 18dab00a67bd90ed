"""The on-disk cache of registry answers (guides/conventions.md §2.10).

Layout::

    <cache>/CACHEDIR.TAG
    <cache>/.gitignore                       "*"
    <cache>/v2/<namespace>/<ab>/<sha256(key)>.json

Namespaces are ``crossref/works``, ``crossref/search``, ``openalex/works``,
``openalex/search`` and ``doiorg/handles`` for the public registries, and the same
names with ``@<hash of the base URL>`` for any other address (a proxy, a test
server), so one server's answers are never read as another's; keys are normalised
DOIs or normalised queries.  An entry is ``{"key", "source", "url", "kind", "fetched_at", "status",
"body"}``.  Lifetimes depend on the kind: a found record is good for 30 days but its
retraction status for 7, a "not found" for 1 day, a search for 7 days; failures are
never written.  Writes go to a temporary file in the same directory and are moved into
place with `os.replace`, so two processes can share a cache; an entry that cannot be
read is a miss, with one warning per cache object.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

import platformdirs

log = logging.getLogger(__name__)

VERSION: Final = "v2"
"""v2: records keep their abstracts, and namespaces are scoped by registry address."""
DAY: Final = 86400.0
_VERSION_DIR = re.compile(r"v\d+")

EntryKind = Literal["found", "not-found", "search"]

FOUND_TTL: Final = 30 * DAY
STATUS_TTL: Final = 7 * DAY
NOT_FOUND_TTL: Final = 1 * DAY
SEARCH_TTL: Final = 7 * DAY

TTL: Final[dict[str, float]] = {
    "found": FOUND_TTL,
    "not-found": NOT_FOUND_TTL,
    "search": SEARCH_TTL,
}

NAMESPACES: Final = (
    "crossref/works",
    "crossref/search",
    "openalex/works",
    "openalex/search",
    "doiorg/handles",
)

_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by citecheck.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def default_cache_dir() -> Path:
    return platformdirs.user_cache_path("citecheck", appauthor=False)


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    source: str
    url: str
    kind: EntryKind
    fetched_at: float
    status: int
    body: Any

    def age(self, now: float) -> float:
        return max(0.0, now - self.fetched_at)

    def status_stale(self, now: float) -> bool:
        """A found record older than the retraction-status lifetime."""
        return self.kind == "found" and self.age(now) > STATUS_TTL


@dataclass(frozen=True, slots=True)
class NamespaceInfo:
    name: str
    entries: int
    bytes: int


@dataclass(frozen=True, slots=True)
class CacheInfo:
    path: Path
    version: str
    namespaces: tuple[NamespaceInfo, ...]
    other_versions: tuple[str, ...]

    @property
    def entries(self) -> int:
        return sum(n.entries for n in self.namespaces)

    @property
    def bytes(self) -> int:
        return sum(n.bytes for n in self.namespaces)


@dataclass(frozen=True, slots=True)
class CleanResult:
    files: int
    bytes: int


def cache_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Cache:
    """Read and write registry answers; thread and process safe.

    ``enabled=False`` (``--no-cache``) neither reads nor writes; ``refresh=True``
    (``--refresh``) does not read but still writes.
    """

    def __init__(
        self,
        root: Path | None = None,
        *,
        enabled: bool = True,
        refresh: bool = False,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.root = (root or default_cache_dir()).expanduser()
        self.enabled = enabled
        self.refresh = refresh
        self._clock = clock
        self._warned = False
        self._lock = threading.Lock()
        self._prepared = False

    def __repr__(self) -> str:
        return f"Cache(root={str(self.root)!r}, enabled={self.enabled}, refresh={self.refresh})"

    @property
    def base(self) -> Path:
        return self.root / VERSION

    def now(self) -> float:
        return self._clock()

    def path_for(self, namespace: str, key: str) -> Path:
        digest = cache_key(key)
        return self.base / namespace / digest[:2] / f"{digest}.json"

    # ----------------------------------------------------------------- reading

    def get(self, namespace: str, key: str, *, allow_stale_status: bool = True) -> Entry | None:
        """The live entry for ``key``, or None (missing, expired, unreadable, disabled)."""
        if not self.enabled or self.refresh:
            return None
        path = self.path_for(namespace, key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._warn_once(f"cannot read cache entry {path}: {exc.strerror}")
            return None
        entry = self._decode(raw, path)
        if entry is None or entry.key != key:
            return None
        now = self._clock()
        if entry.age(now) > TTL[entry.kind]:
            return None
        if not allow_stale_status and entry.status_stale(now):
            return None
        return entry

    def _decode(self, raw: bytes, path: Path) -> Entry | None:
        try:
            data = json.loads(raw)
            kind = data["kind"]
            if kind not in TTL:
                raise ValueError(kind)
            return Entry(
                key=str(data["key"]),
                source=str(data["source"]),
                url=str(data.get("url", "")),
                kind=kind,
                fetched_at=float(data["fetched_at"]),
                status=int(data.get("status", 200)),
                body=data.get("body"),
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            self._warn_once(f"ignoring a corrupt cache entry: {path}")
            return None

    def _warn_once(self, message: str) -> None:
        with self._lock:
            if self._warned:
                log.debug("%s", message)
                return
            self._warned = True
        log.warning("%s", message)

    # ----------------------------------------------------------------- writing

    def put(
        self,
        namespace: str,
        key: str,
        *,
        source: str,
        url: str,
        kind: EntryKind,
        body: Any,
        status: int = 200,
    ) -> None:
        """Store an answer atomically; a cache that cannot be written is only logged."""
        if not self.enabled:
            return
        entry = {
            "key": key,
            "source": source,
            "url": url,
            "kind": kind,
            "fetched_at": self._clock(),
            "status": status,
            "body": body,
        }
        path = self.path_for(namespace, key)
        try:
            self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(payload)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError as exc:
            self._warn_once(f"cannot write the cache at {self.root}: {exc.strerror or exc}")

    def _prepare(self) -> None:
        if self._prepared:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        tag = self.root / "CACHEDIR.TAG"
        if not tag.exists():
            _write_small(tag, _TAG)
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            _write_small(ignore, "*\n")
        self._prepared = True

    # ----------------------------------------------------------------- maintenance

    def info(self) -> CacheInfo:
        """What ``citecheck cache info`` shows."""
        spaces = []
        for name in NAMESPACES:
            count = size = 0
            for folder in self._folders(name):
                for path in _entries(folder):
                    count += 1
                    with contextlib.suppress(OSError):
                        size += path.stat().st_size
            spaces.append(NamespaceInfo(name, count, size))
        others = sorted(p.name for p in self._version_dirs() if p.name != VERSION)
        return CacheInfo(self.root, VERSION, tuple(spaces), tuple(others))

    def _folders(self, namespace: str) -> list[Path]:
        """The namespace's folder and those of the same namespace for other addresses."""
        parent, _, leaf = namespace.rpartition("/")
        scoped = sorted((self.base / parent).glob(f"{leaf}@*")) if parent else []
        return [self.base / namespace, *scoped]

    def _version_dirs(self) -> list[Path]:
        """Version folders (``v1``, ``v2``...) of a directory that is citecheck's cache.

        Only a directory holding citecheck's CACHEDIR.TAG is a cache: ``--cache-dir ~``
        must never make ``cache clean`` delete ``~/videos``.
        """
        tag = self.root / "CACHEDIR.TAG"
        try:
            ours = tag.read_text(encoding="utf-8").startswith(_TAG.splitlines()[0])
        except OSError:
            return []
        if not ours or not self.root.is_dir():
            return []
        return [p for p in self.root.iterdir() if p.is_dir() and _VERSION_DIR.fullmatch(p.name)]

    def clean(self) -> CleanResult:
        """Remove every entry of every version (``citecheck cache clean``)."""
        files = size = 0
        for child in self._version_dirs():
            for path in child.rglob("*"):
                if path.is_file():
                    files += 1
                    with contextlib.suppress(OSError):
                        size += path.stat().st_size
            shutil.rmtree(child, ignore_errors=True)
        return CleanResult(files, size)


def _entries(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for path in folder.glob("*/*.json"):
        if not path.name.startswith(".tmp-"):
            yield path


def _write_small(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)
