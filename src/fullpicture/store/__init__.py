"""The corpus database: SQLite by default (one file, WAL), any SQLAlchemy URL otherwise.

>>> from fullpicture.store import open_store
>>> store = open_store("corpus.db")                      # doctest: +SKIP
>>> store.add(analysis), store.count()                   # doctest: +SKIP
(True, 1)

PostgreSQL: ``open_store("postgresql+psycopg://user@host/db")``.
"""

from fullpicture.store._migrate import MIGRATIONS, SCHEMA_VERSION, ensure_schema, migrate
from fullpicture.store._store import Store, open_store
from fullpicture.store._vectors import FileVectorCache, VectorChain

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "FileVectorCache", "Store", "VectorChain", "ensure_schema", "migrate",
           "open_store"]
