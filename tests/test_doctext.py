"""The per-document caches of nlp/_doctext: the text and the token offsets, built once."""

from __future__ import annotations

import spacy

from fullpicture.nlp._doctext import doc_text, token_starts
from fullpicture.nlp.lang.quotes import name_quote


def test_doc_text_and_token_starts_match_spacy() -> None:
    doc = spacy.blank("en")("In  Kyiv, «Ольха»\n\nofficials said: \"12 died\".")
    assert doc_text(doc) == doc.text
    assert token_starts(doc) == [t.idx for t in doc]
    assert token_starts(doc) is token_starts(doc)  # cached on the Doc


def test_token_starts_of_an_empty_doc() -> None:
    doc = spacy.blank("en")("")
    assert token_starts(doc) == []


def test_name_quote_reads_the_cached_offsets() -> None:
    nlp = spacy.blank("ru")
    doc = nlp("Командование «Юг» сообщило, что «мы отошли на новые позиции».")
    text = doc.text
    first = (text.index("«"), text.index("»") + 1)
    second = (text.index("«", first[1]), text.index("»", first[1]) + 1)
    # a blank pipeline has no POS: only the mention spans decide
    assert name_quote(doc, *first, names=[(first[0] + 1, first[1] - 1)])
    assert not name_quote(doc, *second, names=[(first[0] + 1, first[1] - 1)])


def test_speech_quotes_kept_for_the_last_document_follow_its_mentions() -> None:
    from fullpicture.models import Entity, Mention
    from fullpicture.nlp import extensions  # noqa: F401  (registers doc._.fp_entities)
    from fullpicture.nlp.claims._spans import speech_quotes

    nlp = spacy.blank("ru")
    doc = nlp("Командование «Юг» сообщило, что «мы отошли на новые позиции».")
    text = doc.text
    both = speech_quotes(doc, text)
    assert len(both) == 2 and speech_quotes(doc, text) == both and speech_quotes(doc, text) is not both
    s = text.index("«") + 1
    doc._.fp_entities = [Entity(id="e1", name="Юг", type="ORG", mentions=[Mention(start=s, end=s + 2, text="Юг")])]
    assert speech_quotes(doc, text) == both[1:]  # the name in marks is no quotation once it is a mention
    other = nlp(text)
    assert speech_quotes(other, text) == both  # another Doc: its own (no mentions)
