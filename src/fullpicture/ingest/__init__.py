"""Files, HTML, feeds and JSON Lines to :class:`Document` objects with zones.

>>> from fullpicture.ingest import load_text
>>> doc = load_text("Editor's note: a preface.\\n\\nThe story itself.", source="<text>")
>>> [z.kind for z in doc.zones]
['editorial_note', 'body']
"""

from fullpicture.ingest._document import Document, content_id
from fullpicture.ingest.readers import count_documents, iter_documents, load_text, read_path

__all__ = ["Document", "content_id", "count_documents", "iter_documents", "load_text", "read_path"]
