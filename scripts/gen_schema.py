"""Write the JSON Schema of the analysis model to docs/schema/analysis.v1.json.

Usage:
    .venv/bin/python scripts/gen_schema.py           # (re)write the file
    .venv/bin/python scripts/gen_schema.py --check   # exit 1 if the file is out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "schema" / "analysis.v1.json"


def build_schema() -> dict:
    """The published schema: pydantic's, with ``$schema``, ``$id`` and a title added."""
    from fullpicture.models import ANALYSIS_SCHEMA_ID, Analysis

    schema = Analysis.model_json_schema(by_alias=True)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://fullpicture.invalid/schema/{ANALYSIS_SCHEMA_ID.split('/', 1)[1]}.json",
        **{k: v for k, v in schema.items() if k not in ("$schema", "$id")},
    }


def render() -> str:
    """The schema as the file holds it."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write or check the schema file."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="fail if the file is out of date")
    ap.add_argument("-o", "--output", type=Path, default=TARGET)
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run python scripts/gen_schema.py", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
