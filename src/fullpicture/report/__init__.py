"""Reports of a comparison: a self-contained HTML page and a Markdown summary.

>>> from fullpicture.report import render_html, render_markdown  # doctest: +SKIP
"""

from fullpicture.report.html import render_html
from fullpicture.report.markdown import render_markdown

__all__ = ["render_html", "render_markdown"]
