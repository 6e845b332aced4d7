"""Reports of a comparison: a self-contained HTML page and a Markdown summary.

>>> from fullpicture.report import render_html, render_markdown  # doctest: +SKIP
"""

from fullpicture.report._view import COLLECTING, RENDERING
from fullpicture.report.html import render_html
from fullpicture.report.markdown import render_markdown

#: The stages ``render_html`` reports to its ``progress(stage, done, total)``, with what each counts.
STAGES = {COLLECTING: "documents", RENDERING: "documents"}

__all__ = ["STAGES", "render_html", "render_markdown"]
