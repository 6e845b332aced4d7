"""The stylesheet and script of the workspace pages (shared with the report)."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup


@lru_cache(maxsize=1)
def css() -> Markup:
    """report.css then web.css, for an inline ``<style>``."""
    from fullpicture.report.html import _static

    return Markup(_static("report.css") + "\n" + _static("web.css"))


@lru_cache(maxsize=1)
def js() -> Markup:
    """The report's script, inlined exactly as the report does (its hash is in the CSP)."""
    from fullpicture.report.html import _static

    return _static("report.js")
