"""``fullpicture serve``: a read-only web workspace over a store (Starlette on uvicorn).
HTML pages and their JSON twins come from the same page functions.
"""

from fullpicture.web._app import Response, create_app, handle
from fullpicture.web._data import Data, Grouping
from fullpicture.web.server import WebServer, make_server

__all__ = ["Data", "Grouping", "Response", "WebServer", "create_app", "handle", "make_server"]
