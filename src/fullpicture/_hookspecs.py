"""Plugin hook specifications and markers (pluggy). Imports nothing of fullpicture.

The chain is one-way: ``_hookspecs`` <- ``_builtins`` (the built-in plugin) and the readers;
:mod:`fullpicture.plugins` loads the built-in plugin by name, as it loads third-party ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pluggy

hookspec = pluggy.HookspecMarker("fullpicture")
hookimpl = pluggy.HookimplMarker("fullpicture")


class HookSpecs:
    """The hooks a fullpicture plugin may implement."""

    @hookspec
    def fullpicture_readers(self) -> list[tuple[tuple[str, ...], Callable[..., Any]]]:  # type: ignore[empty-body]
        """Ingest readers: ``(suffixes, read(path, raw_bytes, settings) -> list[RawDocument])``."""

    @hookspec
    def fullpicture_components(self) -> list[str]:  # type: ignore[empty-body]
        """Names of spaCy factories to append to the pipeline (after the built-in ``fp_*``)."""

    @hookspec
    def fullpicture_lexicon_files(self) -> list[str]:  # type: ignore[empty-body]
        """Paths of framing lexicon files (YAML) to load besides the shipped ones."""

    @hookspec
    def fullpicture_alias_files(self) -> list[str]:  # type: ignore[empty-body]
        """Paths of place-alias files (YAML or CSV) to load besides the gazetteer."""

    @hookspec
    def fullpicture_report_sections(self, comparison: Any) -> list[tuple[str, str, str]]:  # type: ignore[empty-body]
        """Extra report sections: ``(anchor id, title, trusted HTML)``."""
