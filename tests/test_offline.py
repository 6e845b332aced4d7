"""fullpicture runs offline: a comparison writes nothing outside its own cache and the output,
and no dependency queues telemetry for upload (onnxruntime does unless told not to)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES


@pytest.mark.slow
def test_compare_writes_only_its_cache_and_output(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    env = {k: v for k, v in os.environ.items()
           if k not in ("ORT_DISABLE_TELEMETRY", "FULLPICTURE_CACHE_DIR", "XDG_CACHE_HOME")}
    env["HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-m", "fullpicture", "compare", "examples/", "-o", "report.html"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    assert written and all(p.startswith(".cache/fullpicture/") for p in written), written


def test_onnxruntime_telemetry_is_off_once_fullpicture_is_imported(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}
    env["HOME"] = str(tmp_path)
    code = "import fullpicture, os; print(os.environ['ORT_DISABLE_TELEMETRY']); import onnxruntime"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1"
    assert not (tmp_path / ".cache" / "Microsoft").exists()
