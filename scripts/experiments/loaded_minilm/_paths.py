"""Shared set-up of the loaded-language MiniLM experiment scripts: where their work files and
BASIL live (``$FP_EXP_WORK``, ``$FP_BASIL``), and the import paths for the package, eval/ and
scripts/ (so ``train_loaded`` imports)."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
WORK = Path(os.environ.get("FP_EXP_WORK", "/tmp/fp-loaded-minilm"))
BASIL = Path(os.environ.get("FP_BASIL", str(ROOT.parent / "shared" / "data" / "basil")))
for _p in (ROOT / "scripts", ROOT, ROOT / "src"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))
