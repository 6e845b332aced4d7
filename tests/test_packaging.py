"""Packaging honesty: every module src/ imports comes from a declared dependency."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Imported only behind an optional extra, with a clear error when missing.
OPTIONAL = {"dask", "distributed", "psycopg"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imports() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "fullpicture").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "fullpicture"}


def test_every_import_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_norm(re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0]) for d in project["dependencies"]}
    extras = {_norm(re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0])
              for deps in project.get("optional-dependencies", {}).values() for d in deps}
    dists = packages_distributions()
    missing = []
    for module in sorted(_imports()):
        owners = {_norm(d) for d in dists.get(module, [])}
        if module in OPTIONAL:
            ok = bool(owners & extras) or module in extras
        else:
            ok = bool(owners & declared)
        if not ok:
            missing.append(f"{module} (from {sorted(owners) or 'no installed distribution'})")
    assert not missing, "imported but not declared in pyproject.toml: " + ", ".join(missing)


def test_model_files_are_recorded() -> None:
    readme = (ROOT / "src" / "fullpicture" / "data" / "models" / "README.md").read_text(encoding="utf-8")
    from fullpicture.align import _embed

    assert _embed.TOKENIZER_SHA256 in readme and _embed.MODEL_SHA256 in readme
    assert _embed.checked(_embed._tokenizer_path(), _embed.TOKENIZER_SHA256).is_file()
