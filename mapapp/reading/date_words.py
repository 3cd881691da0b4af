"""The words dates are written with, in French and English: months, weekdays, small
numbers, and the fixed phrases that count from the day an article was published. Kept apart
from the patterns (dates.py) so each table can be read, and grown, on its own.

French keys are lower case (French patterns ignore case); English month and weekday names
keep their capital, which is what tells "May 2024" from "may" and "March 3" from "march".
An apostrophe in a key stands for both ' and ’. The helpers at the end turn the keys into
patterns and the words matched back into keys, so spelling rules live beside the words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_FR_MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
]  # fmt: skip
# abbreviations with their dot; the dot is optional except for "sept.", which without it is
# the number seven
_FR_ABBREVIATIONS = {"janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "oct": 10, "nov": 11}
_EN_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_EN_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip


def _months_fr() -> dict[str, int]:
    table = {name: n for n, name in enumerate(_FR_MONTHS, 1)}
    table.update({"fevrier": 2, "aout": 8, "decembre": 12, "sept.": 9, "déc.": 12, "dec.": 12})
    for short, n in _FR_ABBREVIATIONS.items():
        table[short] = table[short + "."] = n
    table["fevr."] = table["fev."] = 2
    return table


def _months_en() -> dict[str, int]:
    table = {name: n for n, name in enumerate(_EN_MONTHS, 1)}
    for short, n in _EN_ABBREVIATIONS.items():
        table[short] = table[short + "."] = n
    return table


MONTHS: dict[str, dict[str, int]] = {"fr": _months_fr(), "en": _months_en()}

_FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS: dict[str, dict[str, int]] = {
    "fr": {name: n for n, name in enumerate(_FR_WEEKDAYS)},
    "en": {name: n for n, name in enumerate(_EN_WEEKDAYS)},
}
# a weekday's modifier: -1 the last one strictly before publication, +1 the next one after
WEEKDAY_MODIFIERS: dict[str, dict[str, int]] = {
    "fr": {"dernier": -1, "passé": -1, "prochain": 1},
    "en": {"last": -1, "next": 1},
}

NUMBERS: dict[str, dict[str, int]] = {
    "fr": {
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
        "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
        "trente": 30,
    },
    "en": {
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "fifteen": 15, "twenty": 20, "thirty": 30,
    },
}  # fmt: skip

# "il y a deux <unit>" / "two <unit> ago": the unit's word -> precision
UNITS: dict[str, dict[str, str]] = {
    "fr": {
        "jour": "day", "jours": "day", "semaine": "week", "semaines": "week", "mois": "month",
        "an": "year", "ans": "year", "année": "year", "années": "year",
    },
    "en": {
        "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
        "months": "month", "year": "year", "years": "year",
    },
}  # fmt: skip

# phrases that name a day, week, month or year by its distance from publication
FIXED: dict[str, dict[str, tuple[str, int]]] = {
    "fr": {
        "aujourd'hui": ("day", 0), "hier": ("day", -1), "avant-hier": ("day", -2),
        "demain": ("day", 1), "après-demain": ("day", 2),
        "la semaine dernière": ("week", -1), "la semaine passée": ("week", -1),
        "cette semaine": ("week", 0), "la semaine prochaine": ("week", 1),
        "le mois dernier": ("month", -1), "le mois passé": ("month", -1),
        "ce mois-ci": ("month", 0), "le mois prochain": ("month", 1),
        "l'année dernière": ("year", -1), "l'année passée": ("year", -1),
        "l'an dernier": ("year", -1), "l'an passé": ("year", -1),
        "cette année": ("year", 0), "l'année prochaine": ("year", 1),
        "l'an prochain": ("year", 1),
    },
    "en": {
        "today": ("day", 0), "yesterday": ("day", -1), "the day before yesterday": ("day", -2),
        "tomorrow": ("day", 1), "last week": ("week", -1), "this week": ("week", 0),
        "next week": ("week", 1), "last month": ("month", -1), "this month": ("month", 0),
        "next month": ("month", 1), "last year": ("year", -1), "this year": ("year", 0),
        "next year": ("year", 1),
    },
}  # fmt: skip

# words after which a lone four-digit number is a year ("en 2023", "since 2012"); a number
# anywhere else may be a figure ("2000 soldats"), so it is left alone
YEAR_CUES: dict[str, list[str]] = {
    "fr": [
        "en",
        "depuis",
        "dès",
        "jusqu'en",
        "fin",
        "début",
        "courant",
        "l'an",
        "l'année",
        "entre",
    ],
    "en": [
        "in",
        "since",
        "until",
        "during",
        "early",
        "late",
        "year",
        "between",
        "end of",
        "start of",
    ],
}
# a pair of years ("entre 2012 et 2015", "de 2012 à 2015"): the word between them cues the
# second; the word before the first ("de", "from") is a cue only when the pair follows
YEAR_PAIR_WORDS: dict[str, list[str]] = {"fr": ["et", "à", "au"], "en": ["and", "to"]}
YEAR_RANGE_STARTS: dict[str, list[str]] = {"fr": ["de"], "en": ["from"]}
# "mi-2023", "mid-2023"
YEAR_PREFIXES: dict[str, str] = {"fr": "mi-", "en": "mid-"}

# the words between the two ends of a range of days, a dash aside: "du 25 au 27 juillet",
# "July 27 to 29"; these join months too ("du 30 juillet au 2 août"), while a pair or list
# ("les 4 et 5 août", "25, 26 and 27 July") stays within one month: "on July 27 and
# August 2" is more often two days than the days between them
RANGE_WORDS: dict[str, list[str]] = {"fr": ["au", "à"], "en": ["to", "through", "until"]}
PAIR_WORDS: dict[str, list[str]] = {"fr": ["et"], "en": ["and"]}


def alternation(items: Iterable[str]) -> str:
    """Longest first; an apostrophe matches ' or ’, a space any run of spaces, a hyphen a
    hyphen or a space."""
    out = []
    for item in sorted(set(items), key=len, reverse=True):
        special = {"'": "['’]", " ": r"\s+", "-": r"[-\s]"}
        out.append("".join(special.get(c, re.escape(c)) for c in item))
    return "(?:" + "|".join(out) + ")"


def canonical(phrase: str) -> str:
    """A phrase's spelling set aside: case, apostrophes, hyphens and runs of spaces."""
    return re.sub(r"[\s-]+", " ", phrase.casefold().replace("’", "'"))


def look_up(table: dict[str, Any], word: str, cased: bool = False) -> Any:
    """``word``'s entry in ``table``, or None, which drops the hit: case-blind patterns
    match Unicode-wise ("ſeptembre", "weeK" with the Kelvin sign), so their words are
    looked up casefolded, as the tables' keys are; English names keep their case."""
    return table.get(word if cased else word.casefold())


def case_blind(pattern: str, lang: str) -> str:
    """``pattern`` matched regardless of case: French patterns ignore case throughout,
    English ones only where asked, so that month and weekday names keep their capital."""
    return pattern if lang == "fr" else f"(?i:{pattern})"
