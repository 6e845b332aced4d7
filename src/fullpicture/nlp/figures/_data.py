"""Load the figure lexicons (``data/figures/*.toml``) once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from fullpicture._data import data_toml_lang


@dataclass(frozen=True)
class FigureLexicon:
    """Number words, multipliers, vague words, approximators, units and count labels."""

    words: dict[str, float]
    multipliers: dict[str, float]
    vague: dict[str, float]
    approximators: dict[tuple[str, ...], str]
    units: dict[str, str]
    count_verbs: dict[str, str]
    count_nouns: dict[str, str]
    toll_nouns: dict[str, str]
    people_nouns: frozenset[str] = frozenset()  # nouns of who is counted ([populations] lemmas)
    decimal: str = "."  # decimal mark; "," in French and Russian ("1,5 млн")
    groups: frozenset[str] = frozenset()  # thousands separators between tokens ("100 000")
    range_joins: frozenset[str] = frozenset()  # "200-300", "two or three", "100 to 300"
    range_opens: tuple[tuple[str, str], ...] = ()  # ("between", "and"): "between 100 and 300"
    range_not_after: frozenset[str] = frozenset()  # "rose from 30 to 50": an update, no range
    # of those, words that block a range only after a verb of change ("est passé de 30 à 50";
    # "font état de 200 à 300 morts" is a range)
    range_change_only: frozenset[str] = frozenset()
    range_change_verbs: frozenset[str] = frozenset()
    zero_without: frozenset[str] = frozenset()  # "without causing casualties": zero
    zero_negated: frozenset[str] = frozenset()  # "did not cause any casualties": zero
    zero_counts: frozenset[str] = frozenset()  # what such a zero may count (casualties, not "any soldiers")
    zero_hedges: frozenset[str] = frozenset()  # "there appeared to be no casualties": no asserted zero
    zero_perceived: frozenset[str] = frozenset()  # "did not see any casualties": no asserted zero
    zero_unconfirmed: frozenset[str] = frozenset()  # "no casualties have been confirmed": none
    number_nouns: frozenset[str] = frozenset()  # "the number of dead soldiers rose to 89"
    who_counts: frozenset[str] = frozenset()  # counts that only say who is counted ("400 soldiers")
    phrases: dict[str, str] = field(default_factory=dict)  # "verb object" lemmas that count ("lose life", "получить ранение")
    approx_words: dict[str, float] = field(default_factory=dict)  # nouns of about N ("une dizaine", "десяток")
    approx_openers: frozenset[str] = frozenset()  # words opening such a noun ("une", "с")
    approx_not_after: frozenset[str] = frozenset()  # verbs of change after which "до N" is N
    approx_from: frozenset[str] = frozenset()  # "с N до M" after such a verb: M is the new value
    own_counts: frozenset[str] = frozenset()  # a noun's own count a joined verb does not override
    corrections: tuple[str, ...] = ()  # "700 deaths, more likely between 20 and 60": the count told again
    # a count that, told of people, counts another thing ("уничтожено 70 боевиков": killed)
    of_people: dict[str, str] = field(default_factory=dict)
    # a noun of the act that governs the counted people through "of" ("the killing of six
    # fighters": the killed)
    act_of: dict[str, str] = field(default_factory=dict)
    # relative pronouns that stand for the counted people as their clause's subject ("the six who
    # were killed"): the clause's verb says what they count
    relative_subjects: frozenset[str] = frozenset()
    # a tens word joined to its unit by a word ("vingt et un", "soixante et onze"): the joining
    # words and the unit words that follow them (not number words alone: "un" is an article)
    and_joins: frozenset[str] = frozenset()
    and_units: dict[str, float] = field(default_factory=dict)
    # hedges written after the counted noun ("40 morts au moins"): words -> bound
    postposed: dict[tuple[str, ...], str] = field(default_factory=dict)
    # two harms joined ("killed and injured 200"): the joining words, the harms, their joint count
    joined_joins: frozenset[str] = frozenset()
    joined_counts: frozenset[str] = frozenset()
    joined_to: str | None = None
    # words right before a clock time ("at 04.17", "à 4h17", "в 4:17"): the time, no count
    clock_before: frozenset[str] = frozenset()

    @property
    def max_approx_len(self) -> int:
        """Longest approximator, in words."""
        return max((len(k) for k in self.approximators), default=1)


def _read(name: str, language: str = "en") -> dict:
    return data_toml_lang("figures", name, language)


@lru_cache(maxsize=4)
def figure_lexicon(language: str = "en") -> FigureLexicon:
    """The shipped figure lexicon of ``language`` (cached; ``*.<lang>.toml`` where they exist)."""
    nums = _read("numbers.toml", language)
    vague = _read("vague.toml", language)["vague"]
    approx_data = _read("approximators.toml", language)
    approx, not_after = approx_data["approximators"], approx_data.get("not_after", {})
    counts = _read("counts.toml", language)
    ranges = nums.get("ranges", {})
    return FigureLexicon(
        words={k: float(v) for k, v in nums["words"].items()},
        multipliers={k: float(v) for k, v in nums["multipliers"].items()},
        vague={k: float(v["value"]) for k, v in vague.items()},
        approximators={tuple(k.split()): v for k, v in approx.items()},
        units=dict(nums["units"]),
        count_verbs=dict(counts["verbs"]),
        count_nouns=dict(counts["nouns"]),
        toll_nouns=dict(counts.get("tolls", {})),
        people_nouns=frozenset(counts.get("populations", {})) | frozenset(counts["nouns"]),
        decimal=str(nums.get("format", {}).get("decimal", ".")),
        groups=frozenset(nums.get("format", {}).get("groups", [])),
        range_joins=frozenset(ranges.get("joins", [])),
        range_opens=tuple((str(k), str(v)) for k, v in ranges.get("opens", {}).items()),
        range_not_after=frozenset(ranges.get("not_after", [])),
        range_change_only=frozenset(ranges.get("not_after_change_only", [])),
        range_change_verbs=frozenset(ranges.get("change_verbs", [])),
        zero_without=frozenset(nums.get("zero", {}).get("without", [])),
        zero_negated=frozenset(nums.get("zero", {}).get("negated", [])),
        zero_counts=frozenset(nums.get("zero", {}).get("counts", [])),
        zero_hedges=frozenset(nums.get("zero", {}).get("hedges", [])),
        zero_perceived=frozenset(nums.get("zero", {}).get("perceived", [])),
        zero_unconfirmed=frozenset(nums.get("zero", {}).get("unconfirmed", [])),
        number_nouns=frozenset(counts.get("number_of", {}).get("nouns", [])),
        who_counts=frozenset(counts.get("number_of", {}).get("who", [])),
        phrases={str(k): str(v) for k, v in counts.get("phrases", {}).items()},
        approx_words={k: float(v) for k, v in nums.get("approximate_words", {}).get("words", {}).items()},
        approx_openers=frozenset(nums.get("approximate_words", {}).get("openers", [])),
        and_joins=frozenset(nums.get("compounds", {}).get("joins", [])),
        and_units={k: float(v) for k, v in nums.get("compounds", {}).get("units", {}).items()},
        approx_not_after=frozenset(not_after.get("verbs", [])),
        approx_from=frozenset(not_after.get("from", [])),
        own_counts=frozenset(counts.get("own_counts", {}).get("counts", [])),
        corrections=tuple(counts.get("corrections", {}).get("openers", [])),
        of_people={str(k): str(v) for k, v in counts.get("of_people", {}).items()},
        act_of={str(k): str(v) for k, v in counts.get("act_of", {}).get("nouns", {}).items()},
        relative_subjects=frozenset(counts.get("relative_subjects", {}).get("words", [])),
        postposed={tuple(k.split()): str(v) for k, v in approx_data.get("postposed", {}).items()},
        joined_joins=frozenset(counts.get("joined_counts", {}).get("joins", [])),
        joined_counts=frozenset(counts.get("joined_counts", {}).get("counts", [])),
        joined_to=counts.get("joined_counts", {}).get("to"),
        clock_before=frozenset(nums.get("clock", {}).get("before", [])),
    )


def bounds(value: float, vague: bool, bound: str | None) -> tuple[float | None, float | None]:
    """``(low, high)`` of a figure: exact unless vague (no upper bound) or bounded by its
    approximator ("low": at least, "high": at most, "approx": neither)."""
    lo: float | None = value
    hi: float | None = None if vague else value
    if bound == "low":
        hi = None
    elif bound == "high":
        lo = None
    elif bound == "approx":
        lo = hi = None
    return lo, hi
