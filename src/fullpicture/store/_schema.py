"""Tables of the corpus database (SQLAlchemy Core). Clear names, foreign keys, offsets.

Every annotation row carries ``document_id``, its ``start``/``end`` offsets into
``documents.text`` where it has them, a ``seq`` (order in the analysis) and a JSON
``data`` column holding the full model, so fields added later survive a round trip.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _doc_fk() -> Column:
    return Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)


schema_version = Table("schema_version", metadata, Column("version", Integer, primary_key=True))

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True, comment="sha256 of the normalized text"),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("language", String(8)),
    Column("published", String(40)),
    Column("site", Text),
    Column("format", String(16)),
    Column("perspective_label", Text),
    Column("perspective_origin", String(16)),
    Column("authors", JSON),
    Column("text", Text, nullable=False),
    Column("framing_profile", JSON),
    Column("data", JSON, comment="DocumentInfo as JSON"),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

zones = Table(
    "zones", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(), Column("seq", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("data", JSON),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(), Column("seq", Integer, nullable=False),
    Column("entity_key", String(64), nullable=False, comment="entity id inside the analysis"),
    Column("name", Text, nullable=False), Column("type", String(16)),
    Column("lat", Float), Column("lon", Float), Column("country", String(2)),
    Column("data", JSON),
    UniqueConstraint("document_id", "entity_key", name="uq_entities_document_key"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("entity_key", String(64), nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text),
    Column("data", JSON),
    ForeignKeyConstraint(["document_id", "entity_key"], ["entities.document_id", "entities.entity_key"], ondelete="CASCADE"),
)


def _annotation(name: str, *extra: Column) -> Table:
    return Table(
        name, metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        _doc_fk(), Column("seq", Integer, nullable=False),
        Column("item_key", String(64), comment="item id inside the analysis"),
        Column("start", Integer), Column("end", Integer),
        *extra,
        Column("data", JSON, nullable=False),
    )


timexes = _annotation("timexes", Column("text", Text), Column("type", String(10)), Column("value", String(64)))
events = _annotation("events", Column("type", String(64)), Column("trigger", Text), Column("date", String(64)), Column("modality", String(16)))
figures = _annotation("figures", Column("text", Text), Column("value", Float), Column("counts", String(64)))
claims = _annotation("claims", Column("kind", String(16)), Column("text", Text), Column("source_text", Text))
framing_cues = _annotation("framing_cues", Column("text", Text), Column("category", String(64)), Column("subcategory", String(64)))

Index("ix_framing_cues_category", framing_cues.c.category)
Index("ix_entities_name", entities.c.name)

#: Sentence vectors, shared by every document whose comparison embeds the text: keyed by the
#: embedding model (name, model-file sha256, truncation) and the sha256 of the text; float32
#: little-endian bytes (schema v3).
embeddings = Table(
    "embeddings", metadata,
    Column("model", String(200), nullable=False),
    Column("text_sha", String(64), nullable=False, comment="sha256 of the embedded text (UTF-8)"),
    Column("vector", LargeBinary, nullable=False, comment="float32 little-endian"),
    PrimaryKeyConstraint("model", "text_sha", name="pk_embeddings"),
)

#: Annotation tables in insert order (mentions after entities: composite foreign key).
ANNOTATION_TABLES = (zones, entities, mentions, timexes, events, figures, claims, framing_cues)

FRAMING_COUNTS_VIEW = (
    "CREATE VIEW framing_counts AS "
    "SELECT document_id, category, COUNT(*) AS n FROM framing_cues GROUP BY document_id, category"
)
