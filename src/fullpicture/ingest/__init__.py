"""Files, HTML, feeds and JSON Lines to :class:`Document` objects with zones."""

from fullpicture.ingest._document import Document, content_id
from fullpicture.ingest._load import load_text, read_path

__all__ = ["Document", "content_id", "load_text", "read_path"]
