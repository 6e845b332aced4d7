"""``fullpicture serve``: a read-only web view over a store; HTML pages and JSON API
come from the same data functions as ``fullpicture compare``.
"""

from fullpicture.web._app import Data, Response, handle
from fullpicture.web.server import make_server

__all__ = ["Data", "Response", "handle", "make_server"]
