"""``fullpicture compare`` (placeholder: filled by its issue)."""

from __future__ import annotations

import click

from fullpicture.cli import cli


@cli.command("compare")
def compare_cmd() -> None:
    """Not implemented yet."""
    raise click.UsageError("not implemented yet")
