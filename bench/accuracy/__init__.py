"""Accuracy of citecheck on public gold data nobody on the team wrote (issue 3).

Run ``python -m bench.accuracy`` (``--quick`` for a subset, ``--only`` to pick
measurements); the tables go to ``docs/benchmarks-accuracy.md``.  Each dataset has
one small adapter (``adapt_*``) into the common gold schema of `bench.accuracy.schema`;
the measurements (``parsing``, ``sections``, ``callouts``, ``injection``) only ever
see that schema and citecheck's public library.
"""
