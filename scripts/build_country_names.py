"""Write data/gazetteer/country_names_i18n.tsv: French and Russian country names.

From pycountry's bundled iso-codes translations (LGPL-2.1 data; the names are facts): the ISO
3166-1 name and common name of each country in the French and Russian message catalogues.
Inverted forms ("Russie, Fédération de") are also written in natural order. A few
conventional short forms the catalogues lack follow (press usage).

    python scripts/build_country_names.py
"""

from __future__ import annotations

import gettext
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "fullpicture" / "data" / "gazetteer" / "country_names_i18n.tsv"
LANGS = ("fr", "ru")
EXTRA = [("RU", "ru", "Россия"), ("US", "ru", "США"), ("GB", "ru", "Великобритания"), ("US", "fr", "USA"),
         ("RU", "fr", "Russie"), ("GB", "fr", "Royaume-Uni"), ("XK", "fr", "Kosovo"), ("XK", "ru", "Косово")]


def main() -> None:
    """Write the table (sorted, deterministic)."""
    rows: set[tuple[str, str, str]] = set()
    for lang in LANGS:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for c in pycountry.countries:
            for attr in ("name", "common_name"):
                en = getattr(c, attr, None)
                if not en:
                    continue
                name = tr.gettext(en)
                if name == en and lang == "ru":
                    continue
                if ", " in name:  # "Russie, Fédération de": natural order and the bare head
                    head, tail = name.split(", ", 1)
                    rows.add((c.alpha_2, lang, f"{tail} {head}"))
                    rows.add((c.alpha_2, lang, head))
                else:
                    rows.add((c.alpha_2, lang, name))
    rows.update(EXTRA)
    lines = ["# French and Russian country names, from pycountry's iso-codes translations",
             "# (scripts/build_country_names.py). Format: ISO 3166-1 alpha-2<TAB>language<TAB>name"]
    lines += ["\t".join(r) for r in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} names)")


if __name__ == "__main__":
    main()
