"""The published JSON Schema is up to date with the models."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT


def test_schema_file_up_to_date():
    spec = importlib.util.spec_from_file_location("gen_schema", ROOT / "scripts" / "gen_schema.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    current = (ROOT / "docs" / "schema" / "analysis.v1.json").read_text(encoding="utf-8")
    assert current == mod.render(), "docs/schema/analysis.v1.json is stale: run python scripts/gen_schema.py"
