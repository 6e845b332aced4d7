"""Cross-lingual alignment on the illustrative multilingual fixture: how many French and
Russian event mentions end up in an aligned event together with an English mention.

    .venv/bin/python -m eval.crosslingual [--no-xling] [--no-glosses]

The fixture (tests/fixtures/multilingual/, written for fullpicture) tells the examples'
incident in French (Armenian side) and Russian (Azerbaijani side). ``--no-xling`` turns the
multilingual-e5 similarity off, ``--no-glosses`` only the trigger-gloss evidence
(``[align] xling_glosses``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(xling: bool = True, glosses: bool = True) -> dict[str, object]:
    """Counts of aligned mentions per language, aligned events and omissions."""
    import tempfile

    from fullpicture import compare, load_settings

    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as fh:
        fh.write(f"[align]\nxling_embeddings = {str(xling).lower()}\nxling_glosses = {str(glosses).lower()}\n")
    settings = load_settings(fh.name)
    Path(fh.name).unlink()
    ex, ml = ROOT / "examples", ROOT / "tests" / "fixtures" / "multilingual"
    comp = compare(sides={
        "armenian": [ex / "karabakh_2023_armenian.md", ml / "karabakh_2023_french.md"],
        "azerbaijani": [ex / "karabakh_2023_azerbaijani.html", ml / "karabakh_2023_russian.md"],
    }, settings=settings)
    lang = {a.document.id: a.document.language or "en" for a in comp.documents}
    total = {"fr": 0, "ru": 0}
    aligned = {"fr": 0, "ru": 0}
    for ev in comp.events:
        langs = [lang[m.document] for m in ev.mentions]
        for code in total:
            n = langs.count(code)
            total[code] += n
            if "en" in langs:
                aligned[code] += n
    return {"aligned": aligned, "total": total, "events": len(comp.events), "omissions": len(comp.omissions)}


def main() -> None:
    """Print one table row."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-xling", action="store_true", help="no multilingual-e5 similarity")
    ap.add_argument("--no-glosses", action="store_true", help="no trigger-gloss evidence")
    args = ap.parse_args()
    r = measure(not args.no_xling, not args.no_glosses)
    a, t = r["aligned"], r["total"]
    print("| fr mentions | ru mentions | aligned events | omissions |")
    print("|---:|---:|---:|---:|")
    print(f"| {a['fr']} / {t['fr']} | {a['ru']} / {t['ru']} | {r['events']} | {r['omissions']} |")  # type: ignore[index]


if __name__ == "__main__":
    main()
