"""``json-lines``: one JSON object per finding and line, ruff's shape plus the
fingerprint (for log pipelines and ``jq``)."""

from __future__ import annotations

import json

from citecheck.audit import Report
from citecheck.render.jsonreport import result_dict
from citecheck.render.options import RenderOptions, shown


def render(report: Report, options: RenderOptions) -> str:
    return "".join(
        json.dumps(result_dict(r), ensure_ascii=False) + "\n" for r in shown(report, options)
    )
