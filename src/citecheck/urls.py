"""Web addresses as compared: whether a link in the text and an address in the list
name one page."""

from __future__ import annotations

from citecheck.doi import trim_doi


def page_key(url: str) -> str:
    """A URL as compared: without the punctuation of the sentence after it or a
    trailing slash, without its scheme (a page is the same over http and https) or a
    leading "www.", the host in lower case; the path keeps its case, which most
    servers heed."""
    url = trim_doi(url.strip()).rstrip("/")
    rest = url.split("://", 1)[-1]
    host, slash, path = rest.partition("/")
    return f"{host.lower().removeprefix('www.')}{slash}{path}"
