"""The README's examples run as written (in a copy of the repository's examples/)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

README = Path(__file__).resolve().parents[1] / "README.md"
FENCE = re.compile(r"```(\w+)\n(.*?)```", re.S)


def readme_blocks(language: str) -> list[str]:
    """The README's fenced blocks in one language, in order."""
    text = README.read_text(encoding="utf-8")
    return [body for lang, body in FENCE.findall(text) if lang == language]


def venv_commands() -> list[str]:
    """Every `.venv/bin/...` command of the README's bash blocks, continuation lines joined."""
    commands = []
    for block in readme_blocks("bash"):
        for line in block.replace("\\\n", " ").splitlines():
            if line.startswith(".venv/bin/"):
                commands.append(line)
    return commands


def test_readme_commands_found() -> None:
    commands = venv_commands()
    assert any(" compare " in c for c in commands) and any(" ingest " in c for c in commands)
    assert any(" analyze " in c for c in commands) and any(" serve " in c for c in commands)


@pytest.mark.slow
def test_readme_examples_run_as_written(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    # `.venv` of the README is the environment running the tests.
    (tmp_path / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    env = {**os.environ, "FULLPICTURE_CACHE_DIR": str(tmp_path / "cache")}
    for command in venv_commands():
        if " serve " in command:  # a server runs until stopped: its help must work
            command = command.split("serve")[0] + "serve --help"
        done = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
            timeout=600,
        )
        assert done.returncode == 0, f"{command}\n{done.stderr}"
        assert "Traceback" not in done.stderr, command
    python = "\n".join(readme_blocks("python"))
    done = subprocess.run(
        [str(tmp_path / ".venv" / "bin" / "python"), "-"], input=python, cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "<html" in (tmp_path / "report.html").read_text(encoding="utf-8").lower()
    assert json.loads((tmp_path / "comparison.json").read_text(encoding="utf-8"))["events"]
    assert (tmp_path / "summary.md").read_text(encoding="utf-8").startswith("# The full picture")
    assert json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    assert (tmp_path / "corpus.db").is_file() and (tmp_path / "out" / "events").is_dir()
