"""fullpicture's own plugin: the built-in readers, components and data files."""

from __future__ import annotations

from typing import Any

from fullpicture._hookspecs import hookimpl


@hookimpl
def fullpicture_readers() -> list[tuple[tuple[str, ...], Any]]:
    """The built-in readers for text, Markdown, HTML, JSON Lines and feeds."""
    from fullpicture.ingest.readers import BUILTIN_READERS

    return list(BUILTIN_READERS)


@hookimpl
def fullpicture_components() -> list[str]:
    """Built-in components are listed in settings; nothing extra here."""
    return []


@hookimpl
def fullpicture_lexicon_files() -> list[str]:
    """Shipped lexicons are found by the framing component itself."""
    return []


@hookimpl
def fullpicture_alias_files() -> list[str]:
    """Shipped alias files are found by the places component itself."""
    return []
