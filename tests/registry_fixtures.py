"""Shared pytest fixtures for the registry tests (import them explicitly).

    from registry_fixtures import registry_fixture, settings_fixture  # noqa: F401

`registry` starts the three stand-in registries of `registry_server` for one test;
`settings` points citecheck's base URLs at them, with a private cache directory,
short timeouts and fast retries so that fault tests stay quick.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from citecheck.model import Author, ReferenceFields
from citecheck.netsettings import OFFICIAL_HOSTS, NetworkSettings, host_of
from registry_server import RegistryServer

MAILTO = "citecheck-tests@example.org"


@pytest.fixture(name="registry")
def registry_fixture() -> Iterator[RegistryServer]:
    with RegistryServer() as server:
        yield server


@pytest.fixture(name="settings")
def settings_fixture(registry: RegistryServer, tmp_path: Path) -> NetworkSettings:
    return make_settings(registry, tmp_path / "cache")


def make_settings(
    registry: RegistryServer, cache_dir: Path, **overrides: object
) -> NetworkSettings:
    urls = registry.urls()
    values: dict[str, object] = {
        **urls,
        # The stand-ins are addresses the test names itself, as a user would on the
        # command line, so they may receive the keys tests set.
        "credential_hosts": OFFICIAL_HOSTS | {host_of(u) for u in urls.values()},
        "mailto": MAILTO,
        "cache_dir": cache_dir,
        "timeout": 2.0,
        "max_retries": 2,
        "backoff": 0.01,
    }
    values.update(overrides)
    return NetworkSettings(**values)  # type: ignore[arg-type]


def authors(*names: str) -> tuple[Author, ...]:
    """``authors("Duman, R. S.", "Li, N.")`` -> Author tuples."""
    out = []
    for name in names:
        family, _, given = name.partition(",")
        out.append(Author(family=family.strip(), given=given.strip() or None))
    return tuple(out)


# Seed 004 (shared/seeds/004_130824545a8112b6.txt, lines 60-65), fields as written.
SEED_004: tuple[ReferenceFields, ...] = (
    ReferenceFields(
        authors=authors("Moda-Sava, R. N.", "Murdock, M. H.", "Parekh, P. K."),
        authors_truncated=True,
        year="2019",
        title="Sustained rescue of prefrontal circuit dysfunction by antidepressant-induced "
        "spine formation",
        container="Science",
        volume="364",
        issue="6436",
        pages="eaat8078",
        doi="10.1126/science.aat8078",
    ),
    ReferenceFields(
        authors=authors(
            "Li, N.",
            "Lee, B.",
            "Liu, R. J.",
            "Banasr, M.",
            "Dwyer, J. M.",
            "Iwata, M.",
            "Duman, R. S.",
        ),
        authors_truncated=True,
        year="2010",
        title="mTOR-dependent synapse formation underlies the rapid antidepressant effects of "
        "NMDA antagonists",
        container="Science",
        volume="329",
        issue="5994",
        pages="959-964",
        doi="10.1126/science.1190287",
    ),
    ReferenceFields(
        authors=authors(
            "Zanos, P.",
            "Moaddel, R.",
            "Morris, P. J.",
            "Georgiou, P.",
            "Fischell, J.",
            "Elmer, G. I.",
            "Gould, T. D.",
        ),
        authors_truncated=True,
        year="2016",
        title="NMDAR inhibition-independent antidepressant actions of ketamine metabolites",
        container="Nature",
        volume="533",
        issue="7604",
        pages="481-486",
        doi="10.1038/nature17998",
    ),
    ReferenceFields(
        authors=authors("Abdallah, C. G.", "Sanacora, G.", "Duman, R. S.", "Krystal, J. H."),
        year="2018",
        title="The neurobiology of depression, ketamine and rapid-acting antidepressants: Is it "
        "glutamate inhibition or activation?",
        container="Pharmacology & Therapeutics",
        volume="190",
        pages="148-158",
        doi="10.1016/j.pharmthera.2018.05.006",
    ),
    ReferenceFields(
        authors=authors("Duman, R. S.", "Aghajanian, G. K.", "Sanacora, G.", "Krystal, J. H."),
        year="2016",
        title="Synaptic plasticity and depression: new insights from stress and rapid-acting "
        "antidepressants",
        container="Nature Medicine",
        volume="22",
        issue="3",
        pages="238-249",
        doi="10.1038/nm.4050",
    ),
    ReferenceFields(
        authors=authors(
            "Nosyreva, E.",
            "Szabla, K.",
            "Autry, A. E.",
            "Ryazanov, A. G.",
            "Monteggia, L. M.",
            "Kavalali, E. T.",
        ),
        year="2013",
        title="Acute Suppression of Spontaneous Neurotransmission Drives Synaptic Potentiation",
        container="Journal of Neuroscience",
        volume="33",
        issue="16",
        pages="6990–7002",
        doi="10.1523/jneurosci.4991-12.2013",
    ),
)

# Seed 003 (shared/seeds/003_96f124d9ab455334.txt, lines 13 and 15).
COLLO_2019 = ReferenceFields(
    authors=authors("Collo, G.", "Cavalleri, L.", "Pich, E. M."),
    year="2019",
    title="Structural plasticity induced by ketamine in human dopaminergic neurons as mechanism "
    "relevant for treatment-resistant depression",
    container="Chronic Stress",
    volume="3",
    pages="1-6",
)
DUMAN_2012 = ReferenceFields(
    authors=authors("Duman, R. S.", "Li, N.", "Liu, R. J.", "Duric, V.", "Aghajanian, G."),
    year="2012",
    title="Signaling pathways underlying the rapid antidepressant actions of ketamine",
    container="Neuropharmacology",
    volume="62",
    issue="1",
    pages="35–41",
    doi="10.1016/j.neuropharm.2011.08.044",
)
