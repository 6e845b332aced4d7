"""The layer contracts in .importlinter hold, and a deliberate violation is caught."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("importlinter", reason="import-linter is a dev dependency (make test installs it)")


def _lint(src: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(config_filename=sys.argv[1], no_cache=True))"
    return subprocess.run([sys.executable, "-c", code, str(ROOT / ".importlinter")], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=300)


def _copy_sources(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "fullpicture", src / "fullpicture",
                    ignore=shutil.ignore_patterns("__pycache__", "data", "templates", "static"))
    return src


def test_contracts_are_kept(tmp_path: Path) -> None:
    res = _lint(ROOT / "src", tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "0 broken" in res.stdout


@pytest.mark.parametrize("module, line, contract", [
    ("report/_bad.py", "from fullpicture.store import open_store\n", "report renders models only"),
    ("models/_bad.py", "from fullpicture.settings import Settings\n", "models import nothing"),
    ("nlp/time/_bad.py", "from fullpicture.align import compare\n", "nlp knows no store"),
    ("cli/_bad.py", "from fullpicture.nlp.pipeline import get_pipeline\n", "faces reach the engine"),
    ("nlp/places/_bad.py", "from fullpicture.nlp.events import EventsComponent\n", "nlp layers"),
    ("ingest/_bad.py", "from fullpicture import _builtins\n", "one-way chain"),
])
def test_a_violation_fails(tmp_path: Path, module: str, line: str, contract: str) -> None:
    src = _copy_sources(tmp_path)
    (src / "fullpicture" / module).write_text(line, encoding="utf-8")
    res = _lint(src, tmp_path)
    assert res.returncode != 0
    assert contract in res.stdout and "BROKEN" in res.stdout
