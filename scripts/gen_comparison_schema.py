"""Write docs/schema/comparison.v2.json from the pydantic models.

    .venv/bin/python scripts/gen_comparison_schema.py          # write
    .venv/bin/python scripts/gen_comparison_schema.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fullpicture.models.comparison import COMPARISON_SCHEMA_ID, Comparison

OUT = Path(__file__).resolve().parents[1] / "docs" / "schema" / "comparison.v2.json"


def schema() -> dict:
    """The JSON Schema (draft 2020-12) of ``fullpicture/comparison/v2``."""
    body = Comparison.model_json_schema(by_alias=True, mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://fullpicture.invalid/schema/{COMPARISON_SCHEMA_ID.split('/', 1)[1]}.json",
        "title": COMPARISON_SCHEMA_ID,
        **{k: v for k, v in body.items() if k != "title"},
    }


def main(argv: list[str]) -> int:
    """Write (or check) the schema file."""
    text = json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
    if "--check" in argv:
        ok = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if ok else f"{OUT} is out of date: run {Path(__file__).name}")
        return 0 if ok else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
