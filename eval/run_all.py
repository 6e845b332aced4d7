"""Run every evaluation in turn and print their Markdown tables.

    python -m eval.run_all --data ../shared/data        # the public corpora
    python -m eval.run_all --fixtures-only              # only the project's own fixtures

Each evaluation also runs on its own; see docs/benchmarks.md for the commands.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

# (module, dataset folder under --data or None for fixture evaluations, extra args)
EVALS: list[tuple[str, str | None, list[str]]] = [
    ("eval.tempeval3", "tempeval3", ["--no-dct", "--heideltime"]),
    ("eval.time_anchor", ".", []),
    ("eval.geowebnews", "geowebnews", []),
    ("eval.false_places", "polnear", []),
    ("eval.polnear", "polnear", ["--split", "both"]),
    ("eval.basil", "basil", []),
    ("eval.ecbplus", "ecbplus", ["--fit", "1,3,5,7,9"]),
    ("eval.multilingual_ner", "multilingual-ner", []),
    ("eval.dates_multilingual", None, []),
    ("eval.entities_fixtures", None, []),
    ("eval.events_fixtures", None, []),
    ("eval.framing_fixtures", None, []),
]


def main(argv: list[str] | None = None) -> int:
    """Run the evaluations; return non-zero if any of them failed."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="../shared/data", help="folder holding the public corpora")
    ap.add_argument("--fixtures-only", action="store_true", help="skip the public corpora")
    args = ap.parse_args(argv)
    data = Path(args.data)
    failed = 0
    for module, folder, extra in EVALS:
        cmd = [sys.executable, "-m", module, *extra]
        if folder is not None:
            if args.fixtures_only:
                continue
            if not (data / folder).is_dir():
                print(f"\n## {module}: skipped ({data / folder} not found)\n", flush=True)
                continue
            cmd += ["--data", str(data / folder)]
        print(f"\n## {' '.join(cmd[1:])}\n", flush=True)
        failed += subprocess.call(cmd) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
