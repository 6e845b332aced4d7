"""Token edges of documents no parser reads (the limited pipeline): a tokenizer special case
inside an infix split ("NATO-a.") left later tokens' edges past the document's end, and
walking their children crashed the whole process."""

from __future__ import annotations

import subprocess
import sys

import spacy

from fullpicture.nlp.lang import LIMITED
from fullpicture.nlp.lang.edges import reset_edges
from fullpicture.nlp.pipeline import get_pipeline
from fullpicture.settings import load_settings

# Invented text in the shape that broke: a hyphenated genitive whose tail is an abbreviation
# the tokenizer knows ("-a."), then a count near the end of the document.
TEXT = ("U gradu je juce ranjeno 14 clanova misije NATO-a. Vlasti su saopstile da je "
        "povredjeno jos 9 ljudi koji su bili u blizini, rekao je portparol-a.\n")


def _edges_ok(doc) -> bool:
    try:
        return all(0 <= t.left_edge.i <= t.i <= t.right_edge.i < len(doc) for t in doc)
    except IndexError:
        return False


def test_reset_edges_puts_every_edge_inside_the_document() -> None:
    doc = spacy.blank("xx").make_doc(TEXT)
    starts = [t.is_sent_start for t in doc]
    reset_edges(doc)
    assert _edges_ok(doc)
    assert all(not list(t.children) for t in doc)
    assert [t.is_sent_start for t in doc] == starts
    assert not doc.has_annotation("DEP")


def test_limited_pipeline_reads_the_shape_without_crashing() -> None:
    nlp = get_pipeline(load_settings(), LIMITED)
    assert nlp.pipe_names[0] == "fp_token_edges"
    assert _edges_ok(nlp(TEXT))


def test_a_document_of_that_shape_is_analysed_in_a_process_that_survives(tmp_path) -> None:
    # In a child process: before the fix this shape killed the interpreter (SIGSEGV).
    p = tmp_path / "sr.txt"
    p.write_text(TEXT * 3, encoding="utf-8")
    code = ("import sys, fullpicture; a = fullpicture.analyze(sys.argv[1]); "
            "print(a.document.language, len(a.figures))")
    out = subprocess.run([sys.executable, "-c", code, str(p)], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    lang, figures = out.stdout.split()
    assert lang not in ("en", "fr", "ru") and int(figures) >= 1
