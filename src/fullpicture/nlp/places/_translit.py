"""Name folding for gazetteer look-ups: diacritics, punctuation and romanization variants.

``fold`` is the exact key (case, diacritics and punctuation removed). ``skeleton`` is the
looser key of the fallback matcher: the romanization table (data/gazetteer/romanization.tsv)
is applied, doubled letters are collapsed and every vowel run becomes ``a``, so that
"Khankendi", "Xankəndi" and "Hankendi", or "Kyiv" and "Kiev", share one key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from fullpicture.nlp.lang import script_of

# Letters NFKD does not decompose into base + mark.
_SPECIAL = str.maketrans(
    {
        "ə": "e", "Ə": "e", "ı": "i", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss", "þ": "th", "ð": "d", "ħ": "h",
        "ŀ": "l", "ŧ": "t",
    }
)
_APOSTROPHES = re.compile(r"[\'’‘`ʼʻ′\u02bf\u02be]")
_NON_WORD = re.compile(r"[^\w]+")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")
_IOTATED = re.compile(r"(^|[\sаеёиоуыэюяьъй])(е)")


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lower-case, strip diacritics and punctuation; keeps non-Latin scripts (minus marks)."""
    text = text.translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.lower())
    return _NON_WORD.sub(" ", text).replace("_", " ").strip()


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, str], ...]:
    raw = resources.files("fullpicture").joinpath("data/gazetteer/romanization.tsv").read_text("utf-8")
    rules: list[tuple[str, str]] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        rules.append((parts[0], parts[1]))
    return tuple(rules)


@lru_cache(maxsize=1)
def _cyrillic() -> dict[int, str]:
    raw = resources.files("fullpicture").joinpath("data/gazetteer/cyrillic.tsv").read_text("utf-8")
    table: dict[int, str] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            letter, _, latin = line.partition("\t")
            table[ord(letter)] = latin
    return table


@lru_cache(maxsize=1 << 14)
def script_key(name: str) -> str:
    """A key under which one name written in Cyrillic and in Latin letters coincides
    ("Краматорск" and "Kramatorsk", "Донецк" and "Donetsk"): the folded name, Cyrillic
    romanized (data/gazetteer/cyrillic.tsv), reduced to its :func:`skeleton`. For comparing
    names across scripts only: within one script "Kyiv" and "Kiev" are two names."""
    return skeleton(fold(name).translate(_cyrillic()))


def romanized_forms(folded: str) -> tuple[str, ...]:
    """Latin letters for a folded Cyrillic name (data/gazetteer/cyrillic.tsv), for looking it up
    among names the gazetteer holds only in Latin letters: the soft sign dropped, as BGN/PCGN
    does ("Казань" Kazan), and read as "y", as Russian writes Serbian њ/љ ("Баньска" is Serbian
    "Бањска", Latin "Banjska"; "Любляна" is "Ljubljana"). Empty for a name not in Cyrillic."""
    if not any("\u0400" <= ch <= "\u04ff" for ch in folded):
        return ()
    table = _cyrillic()
    plain = folded.translate(table)
    soft = folded.replace("ь", "й").replace("Ь", "Й").translate(table)
    forms: tuple[str, ...] = (plain,) if soft == plain else (plain, soft)
    # BGN/PCGN writes "е" as "ye" at the start of a word and after a vowel or a sign
    # ("Ереван" Yerevan, "Еленовка" Yelenovka): a third form, last, so the first stays "e"
    iotated = _IOTATED.sub(r"\1й\2", folded).translate(table)
    if iotated not in forms:
        forms += (iotated,)
    return tuple(f for f in forms if f.isascii())


@lru_cache(maxsize=1)
def _cyrillic_french() -> dict[int, str]:
    raw = resources.files("fullpicture").joinpath("data/gazetteer/cyrillic_french.tsv").read_text("utf-8")
    table = dict(_cyrillic())
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            letter, _, latin = line.partition("\t")
            table[ord(letter)] = latin
    return table


def latin_spellings(name: str) -> tuple[str, ...]:
    """Folded Latin spellings of a Cyrillic name: :func:`romanized_forms` and the French
    transcription (data/gazetteer/cyrillic_french.tsv: "Мура" -> "moura"), for matching a place no
    gazetteer record takes across scripts. Empty for a name not in Cyrillic."""
    folded = fold(name)
    forms = romanized_forms(folded)
    if not forms:
        return ()
    french = folded.translate(_cyrillic_french())
    return tuple(dict.fromkeys([*forms, *([french] if french.isascii() else [])]))


def same_across_scripts(a: str, b: str) -> bool:
    """Whether two names in different scripts are one name transliterated."""
    if script_of(a) == script_of(b):
        return False
    key = script_key(a)
    return bool(key) and key == script_key(b)


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is ASCII after folding (a Latin-script name)."""
    return text.isascii()


def skeleton(folded: str) -> str:
    """The romanization-insensitive key of an already folded Latin name ('' if not Latin)."""
    if not folded or not folded.isascii():
        return ""
    out = folded
    for src, dst in _rules():
        if src in out:
            out = out.replace(src, dst)
    out = _DOUBLE.sub(r"\1", out)
    return _VOWELS.sub("a", out)


_ON_RIVER = re.compile(r"^([^\W\d_][\w'’.]*(?: [^\W\d_][\w'’.]*)?)[ -](?:upon|on)[ -](?:the[ -])?[^\W\d_]", re.UNICODE)


def short_name(name: str) -> str:
    """The name a town "X upon/on Y" goes by without its river or sea ("Burton upon Trent" ->
    "Burton", "Stoke-on-Trent" -> "Stoke", "Rostov-on-Don" -> "Rostov"); "" for other names."""
    m = _ON_RIVER.match(name)
    return m.group(1) if m and len(m.group(1)) >= 4 else ""
