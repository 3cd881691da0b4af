"""Figures an article gives, read the way each paragraph's language writes them.

A count in a report is rarely a bare number: "une cinquantaine de combattants", "plus de
1 000 soldats", "between 20 and 80 fighters", "dozens of civilians". Each find keeps the
words as written and reads them into the app's Figure fields (value, or min and max, and a
qualifier), with the noun that follows as the unit. The paragraph's language decides how
digits read: French "1,5" and "1 000" / "1.000", English "1.5" and "1,000".

Decisions on the ambiguous cases:
- vague plurals take ACLED's convention, and then the qualifier "at least" (true of the
  words, and ACLED's own rule is the most conservative estimate). ACLED's fatality FAQ
  ("Uses and limitations of ACLED data: Fatalities", 27 Feb 2023, updated 7 May 2024):
  "tens" = 10, "dozens" = 12, "hundreds" = 100, "and so on" (read here as "thousands" =
  1000). French "des dizaines" is taken as "dozens" (12), as English reports render it.
  "several" / "plusieurs", "a few dozen", "tens of thousands": no number the FAQ gives,
  so value null with the words kept;
- "une dizaine", "une cinquantaine", "a dozen" … are "about" that number;
- "fewer than 10" / "moins de 10" has no Figure qualifier: value null, max 10;
- not figures: years (1900–2100 with no noun after them, or after a cue), every date
  dates.py finds (its spans, so the two never disagree: "le 27 juillet", "14/07", "25, 26
  et 27 juillet", "2024-07-30T10:00Z", even those it cannot date), times, ordinals (1er,
  3rd), numbers glued to letters or slashes (G5, T-72, 20-year-old, 24/7), resolution,
  article and route numbers. A lone "un" / "one" is an article or pronoun, not a count;
  "neuf" counts only before a noun (it also means "new");
- the unit is the noun after the figure, never a verb, adverb, determiner or word of
  time ("2024 serait", "1,500 last year": no unit);
- percentages are figures, with unit "%": an article gives them as it gives counts, and a
  reader can leave them out by their unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mapapp.reading.dates import date_spans
from mapapp.reading.finds import Find, span
from mapapp.reading.language import Segment
from mapapp.reading.spans import Mask

ACLED = "ACLED: {word} = {n}"
FR_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
}  # fmt: skip
EN_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}  # fmt: skip
FR_ABOUT = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}  # fmt: skip
# vague plurals -> (ACLED's English word, its number)
FR_CONVENTION = {"dizaines": ("dozens", 12), "centaines": ("hundreds", 100),
                 "milliers": ("thousands", 1000)}  # fmt: skip
EN_CONVENTION = {"tens": ("tens", 10), "dozens": ("dozens", 12),
                 "hundreds": ("hundreds", 100), "thousands": ("thousands", 1000)}  # fmt: skip
SCALES = {"million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
          "billion": 10**9, "billions": 10**9, "thousand": 1000}  # fmt: skip
_DE = r"d(?:e\s+|['’]\s*)"
QUALIFIERS = {
    "fr": [
        ("at least", rf"au\s+moins\s+|pas\s+moins\s+{_DE}|au\s+minimum\s+"),
        ("over", rf"plus\s+{_DE}"),
        ("about", rf"près\s+{_DE}|environ\s+|quelque\s+|autour\s+{_DE}|à\s+peu\s+près\s+"),
        ("up to", r"jusqu['’]\s*à\s+"),
        ("below", rf"moins\s+{_DE}"),
    ],
    "en": [
        ("at least", r"at\s+least\s+|no\s+(?:fewer|less)\s+than\s+|not\s+less\s+than\s+"),
        ("over", r"more\s+than\s+|over\s+|upwards\s+of\s+"),
        (
            "about",
            r"about\s+|around\s+|some\s+|nearly\s+|almost\s+|approximately\s+"
            r"|roughly\s+|an\s+estimated\s+|close\s+to\s+",
        ),
        ("up to", r"up\s+to\s+|as\s+many\s+as\s+"),
        ("below", r"(?:fewer|less)\s+than\s+"),
    ],
}
_NOT_FIGURES = [  # the dates are dates.py's: date_spans
    r"(?<!\d)\d{1,2}\s?h\s?(?:\d{2})?(?!\w)",  # 14h30, 14 h 30, 8 h
    r"(?<!\d)\d{1,2}:\d{2}(?!\d)",
    r"(?<!\d)\d{1,2}(?:[.:]\d{2})?\s?(?:a\.m\.|p\.m\.|am|pm|gmt|utc|tu)(?!\w)",
    r"(?:à|vers|dès|at|around)\s+\d{1,2}\s+heures?(?!\w)",
    r"(?<!\w)(?:r[ée]solutions?|n[°º]|no\.|num[ée]ros?|articles?|rn|route\s+nationale"
    r"|vol|flight|d[ée]crets?|lois?|law)\s*\d+(?:[-/.]\d+)*",
    r"pour\s*cent|per\s*cent|percent",  # "cent" here is no hundred
]
YEAR_CUE = re.compile(
    r"(?:^|[^\w])(?:en|in|since|depuis|ann[ée]e|year|fin|d[ée]but|mi|avant|apr[èe]s|before"
    r"|after|until|jusqu['’]en|by|spring|summer|autumn|fall|winter|printemps|[ée]t[ée]"
    r"|automne|hiver)[\s\-]*$",
    re.IGNORECASE,
)
# no unit, these: determiners, pronouns, prepositions, and the verbs, adverbs and words of
# time that follow a number as often as a noun does ("2024 serait", "1,500 last year")
_STOP_FR = (
    "le la les l des du de d un une et ou à au aux en dans sur par pour avec sans ses son sa "
    "leurs leur ces ce cette ont sont est a été selon dont qui que qu entre eux elles ils il "
    "elle environ près plus moins fois contre ne n se s y lors après avant depuis pendant "
    "chacun parmi serait seraient sera seront était étaient avait avaient aurait auraient "
    "fut furent soit dernier dernière prochain prochaine passé passée "
    "déjà encore aussi seulement hier aujourd demain puis alors ensuite"
)
_STOP_EN = (
    "the a an of and or in on at to by for from with them their its his her those these were "
    "was are is have has had who which that than more less as into after before during since "
    "each other be been per last next this ago earlier later will would could should may "
    "might can did do does being also already still only just now then yesterday today "
    "tomorrow previously"
)
STOP = {"fr": set(_STOP_FR.split()), "en": set(_STOP_EN.split())}
_ADJECTIVES_EN = "armed suspected alleged presumed other more additional unidentified foreign local"
ADJECTIVES = {
    "fr": {"autres", "nouveaux", "nouvelles", "premiers", "premières", "derniers", "dernières"},
    "en": set(_ADJECTIVES_EN.split()),
}
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ese)$")  # Malian, Russian, Congolese
_WORD = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class Grammar:
    lang: str
    figure: re.Pattern[str]
    number: re.Pattern[str]
    qualifiers: tuple[tuple[str, re.Pattern[str]], ...]
    not_figures: re.Pattern[str]


def _words_pattern(words: dict[str, int], lang: str) -> str:
    alts = "|".join(sorted((w for w in words if w != "a"), key=len, reverse=True))
    word = rf"(?:{alts})(?!\w)"
    if lang == "fr":
        join = r"(?:[\s\-]+et[\s\-]+(?=(?:une?|onze)(?!\w))|[\s\-]+)"
        first = word
    else:
        join = r"(?:(?:(?<=hundred)|(?<=thousand))\s+and\s+|[\s\-]+)"
        first = rf"(?:a(?=\s+(?:hundred|thousand|million|billion)(?!\w))|{word})"
    return rf"(?<![\w\-]){first}(?:{join}{word})*(?![\-‐‑][^\W\d_])"


def _number_pattern(lang: str) -> str:
    if lang == "fr":
        digits = r"(?:\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,\d+)?"
        scale = r"(?:\s+(?:millions?|milliards?)(?!\w))?"
        words = _words_pattern(FR_WORDS, "fr")
    else:
        digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
        scale = r"(?:\s+(?:millions?|billions?|thousand)(?!\w))?"
        words = _words_pattern(EN_WORDS, "en")
    glued = r"(?<![\w.,/])(?<![^\W\d_][\-‐‑])"  # "G5", "T-72", "24/7", "1/2"
    digits = rf"{glued}{digits}(?![.,/]\d)(?!\w)(?![\-‐‑][^\W\d_])"
    return rf"(?:{digits}|{words}){scale}"


def _approx_pattern(lang: str) -> str:
    if lang == "fr":
        about = "|".join(FR_ABOUT)
        return (
            rf"(?<!\w)(?:une?\s+(?:{about})(?:\s+de\s+milliers)?"
            r"|(?:des|plusieurs|quelques)\s+(?:dizaines|centaines|milliers)(?:\s+de\s+milliers)?"
            r"|plusieurs)(?!\w)"
        )
    return (
        r"(?<!\w)(?:(?:a|one)\s+dozen|(?:several|a\s+few)\s+(?:dozens?|hundreds?|thousands?)"
        r"|(?:tens|dozens|hundreds|thousands)(?:\s+of\s+thousands)?|several)(?!\w)"
    )


def _range_pattern(lang: str, n: str) -> str:
    if lang == "fr":
        return rf"entre\s+{n}\s+et\s+{n}|de\s+{n}\s+à\s+{n}|{n}\s+à\s+{n}|{n}\s*[-–]\s*{n}"
    return rf"between\s+{n}\s+and\s+{n}|from\s+{n}\s+to\s+{n}|{n}\s+to\s+{n}|{n}\s*[-–]\s*{n}"


@lru_cache(maxsize=2)
def grammar(lang: str) -> Grammar:
    """The patterns of one language ('fr' or 'en'; anything else reads as English)."""
    lang = "fr" if lang == "fr" else "en"
    number = _number_pattern(lang)
    quals = "|".join(p for _, p in QUALIFIERS[lang])
    figure = (
        rf"(?<!\w)(?P<q>{quals})?(?P<core>(?P<range>{_range_pattern(lang, number)})"
        rf"|(?P<approx>{_approx_pattern(lang)})|(?P<num>{number}))"
    )
    return Grammar(
        lang=lang,
        figure=re.compile(figure, re.IGNORECASE),
        number=re.compile(number, re.IGNORECASE),
        qualifiers=tuple((q, re.compile(p, re.IGNORECASE)) for q, p in QUALIFIERS[lang]),
        not_figures=re.compile("|".join(_NOT_FIGURES), re.IGNORECASE),
    )


def _plain(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def _words_value(text: str, words: dict[str, int]) -> int | None:
    tokens = [t for t in re.split(r"[\s\-]+", text.casefold()) if t not in ("et", "and")]
    if len(tokens) == 1 and words.get(tokens[0]) == 1:
        return None  # "un", "une", "one" alone: an article or a pronoun
    total, current, previous = 0, 0, ""
    for token in tokens:
        if token in ("cent", "cents", "hundred"):
            current = (current or 1) * 100
        elif token in ("mille", "thousand"):
            total, current = total + (current or 1) * 1000, 0
        elif token.startswith("vingt") and previous == "quatre":
            current += 80 - 4  # quatre-vingt(s)
        elif (n := words.get(token)) is None:
            return None  # matched Unicode-wise ("dıx"), yet no word of the table
        else:
            current += n
        previous = token
    return total + current


def read_number(text: str, lang: str) -> int | float | None:
    """One number as the language writes it: digits, words, and a scale ("1,5 million")."""
    scale = 1
    m = re.search(r"\s+(millions?|milliards?|billions?|thousand)$", text, re.IGNORECASE)
    if m:
        scale, text = SCALES.get(m.group(1).casefold(), 0), text[: m.start()]
        if not scale:
            return None
    if text[:1].isdigit():
        if lang == "fr":
            value = float(re.sub(r"[ \u00a0\u202f.]", "", text).replace(",", "."))
        else:
            value = float(text.replace(",", ""))
    else:
        words = FR_WORDS if lang == "fr" else EN_WORDS
        if text.casefold() in ("un", "une", "one", "a") and scale > 1:
            value = 1.0
        elif (parsed := _words_value(text, words)) is None:
            return None
        else:
            value = float(parsed)
    return _plain(round(value * scale, 6))  # 2,3 millions is 2300000, not 2299999.99…


def _is_year(words: str) -> bool:
    return bool(re.fullmatch(r"\d{4}", words)) and 1900 <= int(words) <= 2100


_PERCENT = re.compile(r"\s?%|\s+(?:pour\s*cent|per\s*cent|percent)(?!\w)", re.IGNORECASE)
_LEAD = re.compile(r"\s+(?:(?:de|of)\s+|d['’])?", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _unit(part: str, end: int, lang: str) -> str:
    """The noun right after the figure ("de"/"of" and a few adjectives skipped), or "".
    Read in place: a copy of the rest of a long paragraph per figure is quadratic."""
    if _PERCENT.match(part, end):
        return "%"
    lead = _LEAD.match(part, end)
    pos = lead.end() if lead else len(part)
    for _ in range(3):
        word = _WORD.match(part, pos)
        if not word:
            return ""
        noun, folded = word.group(), word.group().casefold()
        if folded in ADJECTIVES[lang] or (lang == "en" and _DEMONYM.match(noun)):
            space = _SPACE.match(part, word.end())
            pos = space.end() if space else len(part)
            continue
        if folded in STOP[lang] or (lang == "en" and noun[0].isupper() and noun[-1] != "s"):
            return ""
        return noun
    return ""


def _qualifier(words: str, g: Grammar) -> str:
    for name, pattern in g.qualifiers:
        if pattern.fullmatch(words):
            return name
    return ""


def _approx(core: str, lang: str) -> tuple[int | None, str, str] | None:
    """(value, qualifier when the words alone say, convention) of a vague count; None when
    its words, matched Unicode-wise, are none of the table's."""
    tokens = core.casefold().split()
    of_thousands = len(tokens) > 2 and tokens[-1] in ("milliers", "thousands")
    if lang == "fr" and tokens[0] in ("un", "une"):
        about = FR_ABOUT.get(tokens[1])
        return None if about is None else (about * (1000 if of_thousands else 1), "about", "")
    if lang == "en" and tokens in (["a", "dozen"], ["one", "dozen"]):
        return 12, "about", ""
    table = FR_CONVENTION if lang == "fr" else EN_CONVENTION
    head = tokens[1] if lang == "fr" and tokens[0] == "des" else tokens[0]
    if head in table and not of_thousands:
        word, n = table[head]
        return n, "at least", ACLED.format(word=word, n=n)
    return None, "", ""


def figure_value(
    words: str, value: float | None, low: float | None, high: float | None, **extra: str
) -> dict[str, Any]:
    """The app's Figure fields, JSON-ready, with the words and the unit."""
    return {
        "value": value,
        "min": low,
        "max": high,
        "qualifier": extra.get("qualifier", ""),
        "words": words,
        "unit": extra.get("unit", ""),
        "convention": extra.get("convention", ""),
    }


def _read(m: re.Match[str], part: str, g: Grammar) -> dict[str, Any] | None:
    """What one match says, or None when it is no figure after all."""
    words, core = m.group(), m.group("core")
    qualifier, unit = _qualifier(m.group("q") or "", g), _unit(part, m.end(), g.lang)
    cue = YEAR_CUE.search(part[max(0, m.start() - 24) : m.start()])
    if m.group("range"):
        ends = [x.group() for x in g.number.finditer(core)]
        low, high = (read_number(ends[0], g.lang), read_number(ends[-1], g.lang))
        if low is None or high is None or (any(_is_year(e) for e in ends) and not unit):
            return None
        qualifier = "" if qualifier == "below" else qualifier
        return figure_value(words, None, low, high, qualifier=qualifier, unit=unit)
    if m.group("approx"):
        if (approx := _approx(core, g.lang)) is None:
            return None
        value, own, convention = approx
        qualifier = qualifier or own
    else:
        value, convention = read_number(core, g.lang), ""
        lone_neuf = g.lang == "fr" and core.casefold() == "neuf" and not unit
        if value is None or lone_neuf or (_is_year(core) and (cue or not unit)):
            return None
    if qualifier == "below":
        return figure_value(words, None, None, value, unit=unit, convention=convention)
    return figure_value(
        words, value, None, None, qualifier=qualifier, unit=unit, convention=convention
    )


def _in_segment(text: str, seg: Segment) -> list[Find]:
    g = grammar(seg.lang)
    part = text[seg.start : seg.end]
    masked = [(seg.start + m.start(), seg.start + m.end()) for m in g.not_figures.finditer(part)]
    mask = Mask([*masked, *date_spans(text, [seg])])
    finds: list[Find] = []
    pos = 0
    while m := g.figure.search(part, pos):
        start, end = seg.start + m.start(), seg.start + m.end()
        value = None if mask.overlaps(start, end) else _read(m, part, g)
        if value is None:
            pos = m.start() + 1
            continue
        finds.append(span("figure", text, start, end, value))
        pos = m.end()
    return finds


def find_figures(text: str, segs: list[Segment]) -> list[Find]:
    """Every figure in ``text``, each paragraph read in its own language (``segs``, from
    language.segments): finds of kind "figure", sorted, never overlapping."""
    finds = [f for seg in segs for f in _in_segment(text, seg)]
    return sorted(finds, key=lambda f: f.start)
