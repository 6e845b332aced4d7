"""Analysis speed per language, as a ratio to that language's bare pipeline.

Usage:
    .venv/bin/python bench/bench_languages.py               # 40 documents per language
    .venv/bin/python bench/bench_languages.py -n 100 --json

For each language the documents are the bundled illustrative articles in that language
(English: examples/; French, Russian, Turkish, Spanish: tests/fixtures/multilingual/), repeated to
``-n``. "bare" is the language's model alone (English ``en_core_web_sm``, French
``fr_core_news_sm``, Russian razdel + Slovnet morphology/syntax/NER, other languages spaCy's
multi-language tokenizer and sentencizer); "fullpicture" is the same model with fullpicture's
components (:func:`fullpicture.nlp.pipeline.build_pipeline`). Both are warmed up first and
alternate chunk by chunk (``--rounds``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ML = ROOT / "tests" / "fixtures" / "multilingual"
SOURCES = {
    "en": [ROOT / "examples"],
    "fr": [ML / "karabakh_2023_french.md"],
    "ru": [ML / "karabakh_2023_russian.md"],
    "tr": [ML / "karabakh_2023_turkish.txt"],
    "es": [ML / "karabakh_2023_spanish.txt"],  # limited pipeline with word lists
}


def bench_language(language: str, n: int, rounds: int, batch_size: int, settings_path: str | None = None) -> dict:
    """Time the bare and the full pipeline of one language on ``n`` documents (wall and CPU)."""
    from fullpicture.ingest import Document, iter_documents
    from fullpicture.nlp.lang import pipeline_language
    from fullpicture.nlp.pipeline import bare_pipeline, get_pipeline, run
    from fullpicture.settings import load_settings

    settings = load_settings(settings_path)
    base = [d for d in iter_documents(SOURCES[language], settings) if isinstance(d, Document)]
    docs = [base[i % len(base)] for i in range(n)]
    key = pipeline_language(language, {"en": 1, **dict(settings.get("pipeline", "models", {}))})
    bare = bare_pipeline(settings, key)
    full = get_pipeline(settings, key)
    texts = [d.text for d in docs]
    list(bare.pipe(texts[:2]))
    list(run(full, docs[:2]))
    t_bare = t_full = c_bare = c_full = 0.0
    step = max(1, -(-n // rounds))
    for lo in range(0, n, step):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in bare.pipe(texts[lo : lo + step], batch_size=batch_size):
            pass
        t_bare += time.perf_counter() - t0
        c_bare += time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in run(full, docs[lo : lo + step], batch_size):
            pass
        t_full += time.perf_counter() - t0
        c_full += time.process_time() - c0
    return {
        "language": language, "pipeline": key, "documents": n,
        "characters": sum(len(t) for t in texts),
        "bare_docs_per_s": round(n / t_bare, 2), "fullpicture_docs_per_s": round(n / t_full, 2),
        "ratio": round(t_full / t_bare, 3),
        "bare_cpu_s_per_doc": round(c_bare / n, 4), "fullpicture_cpu_s_per_doc": round(c_full / n, 4),
        "cpu_ratio": round(c_full / c_bare, 3) if c_bare else None,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def markdown(rows: list[dict]) -> str:
    """The figures as a Markdown table."""
    out = ["| language | pipeline | documents | characters | bare docs/s | fullpicture docs/s | ratio | "
           "CPU s/doc bare / fullpicture | CPU ratio | load average |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        out.append(f"| {r['language']} | {r['pipeline']} | {r['documents']} | {r['characters']:,} | "
                   f"{r['bare_docs_per_s']} | {r['fullpicture_docs_per_s']} | **{r['ratio']}x** | "
                   f"{r['bare_cpu_s_per_doc']} / {r['fullpicture_cpu_s_per_doc']} | {r['cpu_ratio']}x | "
                   f"{' '.join(str(x) for x in r['load_average'])} |")
    out.append(f"\nPython {platform.python_version()}, {platform.machine()}.")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--docs", type=int, default=40)
    ap.add_argument("--languages", nargs="*", default=list(SOURCES))
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--settings", default=None, help="a settings TOML (e.g. [pipeline] ru_blas_threads = 0)")
    args = ap.parse_args(argv)
    rows = [bench_language(lang, args.docs, args.rounds, args.batch_size, args.settings) for lang in args.languages]
    print(json.dumps(rows, indent=2) if args.json else markdown(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
