"""The dates an article gives, French or English, each as an exact span of its text and the
day, week, month or year it names.

Our own patterns find each date with exact offsets, in the paragraph's language only;
plain date arithmetic resolves it at the precision written, so a month stays a month.
dateparser is not used here: its search_dates gives text without offsets, splits
"July 27, 2024" in two, reads "a sept" as September and fills a missing day with today's.

Rules for the ambiguous cases:
- 14/11/2023 and 03/04/2024 are day/month in both languages; month/day is read only when
  the second number is over 12 (11/14/2023), since day/month is then impossible.
- A bare weekday ("mardi", "Tuesday") is the most recent one on or before publication (the
  publication day itself when the weekdays agree); "mardi dernier" / "last Tuesday" is
  strictly before, "mardi prochain" / "next Tuesday" strictly after.
- A day and month without a year take the publication's year, or the year before when that
  would put the day more than six months after publication (27 December in an article of
  3 January); with no publication date, the year of the nearest earlier mention; else
  nothing is found.
- "la semaine dernière" / "last week" is the ISO week before publication's; "il y a une
  semaine" / "a week ago" is the ISO week holding the day seven days back (a week, not a day).
- A lone four-digit year (1900-2100) counts only after a cue ("en 2023", "since 2012"):
  anywhere else it may be a figure ("2000 soldats").
- Month and weekday names need a capital in English ("May 2024", not "may"); a month alone
  ("en mai", "Mars") is never a date: it needs a day or a year beside it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from mapapp.reading import date_words as words
from mapapp.reading.finds import Find, span
from mapapp.reading.language import Segment, segments

PRECISIONS = ("day", "week", "month", "year")
_YEAR = r"(?P<year>19\d\d|20\d\d|2100)"
# not the head of a larger figure or word: "2024 000", "2024,5", "2024 %", "1990s"
_NOT_FIGURE = r"(?!\w|[.,]\d|\s\d{3}(?!\d)|\s*%)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])"
_ORDINAL = {"fr": r"(?:er|ᵉʳ)?", "en": r"(?:st|nd|rd|th)?"}


@dataclass(frozen=True)
class _Hit:
    """A candidate date: its span and what it means, not yet resolved. ``kind`` is 'day',
    'month', 'year' (absolute), 'yearless' (month, day), 'relative' (unit, offset) or
    'weekday' (weekday, modifier)."""

    start: int
    end: int
    kind: str
    args: tuple[Any, ...]


def _alternation(items: Iterable[str]) -> str:
    """Longest first; an apostrophe matches ' or ’, a space any run of spaces, a hyphen a
    hyphen or a space."""
    out = []
    for item in sorted(set(items), key=len, reverse=True):
        special = {"'": "['’]", " ": r"\s+", "-": r"[-\s]"}
        out.append("".join(special.get(c, re.escape(c)) for c in item))
    return "(?:" + "|".join(out) + ")"


def _word(pattern: str, lang: str) -> str:
    """``pattern`` matched regardless of case: French patterns ignore case throughout,
    English ones only where asked, so that month and weekday names keep their capital."""
    return pattern if lang == "fr" else f"(?i:{pattern})"


def _month_of(text: str, lang: str) -> int:
    table = words.MONTHS[lang]
    return table[text.lower()] if lang == "fr" else table[text]


def _on_day(m: re.Match[str], lang: str) -> _Hit:
    month, day = _month_of(m["month"], lang), int(m["day"])
    if m["year"]:
        return _Hit(m.start(), m.end(), "day", (int(m["year"]), month, day))
    return _Hit(m.start(), m.end(), "yearless", (month, day))


def _on_month(m: re.Match[str], lang: str) -> _Hit:
    return _Hit(m.start(), m.end(), "month", (int(m["year"]), _month_of(m["month"], lang)))


def _on_numeric(m: re.Match[str], lang: str) -> _Hit:
    if m["iso_month"]:
        month, day = int(m["iso_month"]), int(m["iso_day"])
    else:
        first, second = int(m["first"]), int(m["second"])
        day, month = (second, first) if second > 12 else (first, second)
    return _Hit(m.start(), m.end(), "day", (int(m["year"] or m["iso_year"]), month, day))


def _on_year(m: re.Match[str], lang: str) -> _Hit:
    return _Hit(m.start("year"), m.end("year"), "year", (int(m["year"]),))


def _on_weekday(m: re.Match[str], lang: str) -> _Hit:
    weekday = words.WEEKDAYS[lang][m["wd"].lower() if lang == "fr" else m["wd"]]
    modifier = words.WEEKDAY_MODIFIERS[lang][m["mod"].lower()] if m["mod"] else 0
    return _Hit(m.start(), m.end(), "weekday", (weekday, modifier))


def _canonical(phrase: str) -> str:
    """A phrase's spelling set aside: case, apostrophes, hyphens and runs of spaces."""
    return re.sub(r"[\s-]+", " ", phrase.lower().replace("’", "'"))


_FIXED = {lang: {_canonical(k): v for k, v in table.items()} for lang, table in words.FIXED.items()}


def _on_fixed(m: re.Match[str], lang: str) -> _Hit:
    unit, offset = _FIXED[lang][_canonical(m.group())]
    return _Hit(m.start(), m.end(), "relative", (unit, offset))


def _on_counted(m: re.Match[str], lang: str) -> _Hit:
    number = m["n"].lower()
    count = int(number) if number.isdigit() else words.NUMBERS[lang][number]
    unit = words.UNITS[lang][m["unit"].lower()]
    return _Hit(m.start(), m.end(), "relative", (unit, -count))


_Handler = Callable[[re.Match[str], str], _Hit]


def _day_patterns(lang: str) -> list[str]:
    """'14 novembre 2023', 'mardi 1er août', 'July 27, 2024', 'Tuesday, 27th of July'."""
    month = rf"(?P<month>{_alternation(words.MONTHS[lang])})(?!\w)"
    weekday = rf"(?P<wd>{_alternation(words.WEEKDAYS[lang])})"
    # not a figure's head: "In July 2,000 soldiers", "juillet 2 000"
    day = rf"(?<![\w.,]){_DAY}{_ORDINAL[lang]}(?!\d|[.,]\d|\s\d{{3}}(?!\d))"
    year = rf"(?:,?\s+{_YEAR}{_NOT_FIGURE})?"
    before = rf"(?<!\w)(?:{weekday},?\s+)?"
    if lang == "fr":
        return [rf"{before}{day}\s+{month}{year}"]
    return [rf"{before}{month}\s+{day}{year}", rf"{before}{day}\s+(?:of\s+)?{month}{year}"]


def _month_pattern(lang: str) -> str:
    """'septembre 2024', 'sept. 2024', 'July 2024': a month needs its year."""
    month = rf"(?P<month>{_alternation(words.MONTHS[lang])})(?!\w)"
    return rf"(?<!\w){month},?\s+{_YEAR}{_NOT_FIGURE}"


def _numeric_pattern() -> str:
    """'14/11/2023', '14.11.2023', '14-11-2023' and ISO '2023-11-14'."""
    iso = _YEAR.replace("year", "iso_year") + r"-(?P<iso_month>\d\d)-(?P<iso_day>\d\d)"
    numbers = rf"(?P<first>\d{{1,2}})(?P<sep>[/.-])(?P<second>\d{{1,2}})(?P=sep){_YEAR}"
    return rf"(?<![\w/.-])(?:{numbers}|{iso})(?![\w/-]|\.\d)"


def _year_pattern(lang: str) -> str:
    """A year after its cue, the span being the year alone: 'en 2023', 'entre 2012 et
    2015', 'mi-2020', 'since 2012'."""
    cues = _word(_alternation(words.YEAR_CUES[lang]), lang)
    pair = _word(_alternation(words.YEAR_PAIR_WORDS[lang]), lang)
    starts = _word(_alternation(words.YEAR_RANGE_STARTS[lang]), lang)
    prefix = _word(re.escape(words.YEAR_PREFIXES[lang]), lang)
    cue = rf"(?:{cues}|(?<=\d{{4}}\s){pair}|{starts}(?=\s+\d{{4}}\s+{pair}\s))\s+"
    return rf"(?<!\w)(?:{cue}|{prefix}){_YEAR}{_NOT_FIGURE}"


def _weekday_pattern(lang: str) -> str:
    """'mardi', 'mardi dernier', 'Tuesday', 'last Tuesday'."""
    weekday = rf"(?P<wd>{_alternation(words.WEEKDAYS[lang])})"
    modifier = rf"(?P<mod>{_word(_alternation(words.WEEKDAY_MODIFIERS[lang]), lang)})"
    if lang == "fr":
        return rf"(?<!\w){weekday}(?:\s+{modifier})?(?!\w)"
    return rf"(?<!\w)(?:{modifier}\s+)?{weekday}(?!\w)"


def _counted_pattern(lang: str) -> str:
    """'il y a deux jours', 'il y a 3 semaines', 'two days ago', 'A week ago'."""
    number = rf"(?P<n>{_word(_alternation(words.NUMBERS[lang]), lang)}|\d{{1,3}})"
    unit = rf"(?P<unit>{_word(_alternation(words.UNITS[lang]), lang)})"
    if lang == "fr":
        return rf"(?<!\w)il\s+y\s+a\s+{number}\s+{unit}(?!\w)"
    return rf"(?<![\w.,]){number}\s+{unit}\s+(?i:ago)(?!\w)"


def _patterns(lang: str) -> list[tuple[str, _Handler]]:
    # "over the last week" is the seven days before, not last week
    fixed = rf"(?<!\w)(?<![Tt]he\s){_word(_alternation(words.FIXED[lang]), lang)}(?!\w)"
    return [
        *((pattern, _on_day) for pattern in _day_patterns(lang)),
        (_month_pattern(lang), _on_month),
        (_numeric_pattern(), _on_numeric),
        (_year_pattern(lang), _on_year),
        (_weekday_pattern(lang), _on_weekday),
        (fixed, _on_fixed),
        (_counted_pattern(lang), _on_counted),
    ]


_COMPILED = {
    lang: [(re.compile(p, re.IGNORECASE if lang == "fr" else 0), h) for p, h in _patterns(lang)]
    for lang in ("fr", "en")
}


def _hits(text: str, seg: Segment) -> list[_Hit]:
    found = []
    for pattern, handler in _COMPILED.get(seg.lang, _COMPILED["en"]):
        for m in pattern.finditer(text, seg.start, seg.end):
            found.append(handler(m, seg.lang))
    return found


def _apart(hits: list[_Hit]) -> list[_Hit]:
    """The hits that do not overlap, the earliest and then the longest first."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _days(first: dt.date, last: dt.date) -> dict[str, Any]:
    return {"start": first.isoformat(), "end": last.isoformat()}


def _day_value(day: dt.date) -> dict[str, Any]:
    return {"iso": day.isoformat(), "precision": "day", **_days(day, day)}


def _week_value(day: dt.date) -> dict[str, Any]:
    year, week, _ = day.isocalendar()
    monday = day - dt.timedelta(days=day.weekday())
    sunday = monday + dt.timedelta(days=6)
    return {"iso": f"{year}-W{week:02d}", "precision": "week", **_days(monday, sunday)}


def _month_value(year: int, month: int) -> dict[str, Any]:
    last = calendar.monthrange(year, month)[1]
    first_day, last_day = dt.date(year, month, 1), dt.date(year, month, last)
    return {"iso": f"{year:04d}-{month:02d}", "precision": "month", **_days(first_day, last_day)}


def _year_value(year: int) -> dict[str, Any]:
    first_day, last_day = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return {"iso": f"{year:04d}", "precision": "year", **_days(first_day, last_day)}


def _shifted(published: dt.date, unit: str, offset: int) -> dict[str, Any]:
    if unit == "day":
        return _day_value(published + dt.timedelta(days=offset))
    if unit == "week":
        return _week_value(published + dt.timedelta(weeks=offset))
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + offset, 12)
        return _month_value(year, month + 1)
    return _year_value(published.year + offset)


def _weekday_date(published: dt.date, weekday: int, modifier: int) -> dt.date:
    if modifier > 0:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    return published - dt.timedelta(days=back or (7 if modifier < 0 else 0))


def _yearless(month: int, day: int, published: dt.date) -> dt.date:
    found = dt.date(published.year, month, day)
    if (found - published).days > 183:
        found = dt.date(published.year - 1, month, day)
    return found


def _relative(hit: _Hit, published: dt.date | None) -> dict[str, Any]:
    """The value of a date counted from publication; unresolved (None) without one."""
    if published is None:
        unit = "day" if hit.kind == "weekday" else hit.args[0]
        return {"iso": None, "precision": unit, "start": None, "end": None, "relative_to": None}
    if hit.kind == "weekday":
        value = _day_value(_weekday_date(published, *hit.args))
    else:
        value = _shifted(published, *hit.args)
    return {**value, "relative_to": published.isoformat()}


def _absolute(hit: _Hit) -> dict[str, Any]:
    if hit.kind == "day":
        return _day_value(dt.date(*hit.args))
    if hit.kind == "month":
        return _month_value(*hit.args)
    return _year_value(*hit.args)


def _value(hit: _Hit, published: dt.date | None, last_year: int | None) -> dict[str, Any] | None:
    """What ``hit`` names, or None when it names nothing (31 February, a day and month
    whose year nothing tells)."""
    try:
        if hit.kind in ("relative", "weekday"):
            return _relative(hit, published)
        if hit.kind != "yearless":
            return _absolute(hit)
        if published is not None:
            day = _yearless(*hit.args, published)
            return {**_day_value(day), "relative_to": published.isoformat()}
        if last_year is not None:
            return _day_value(dt.date(last_year, *hit.args))
    except ValueError:
        pass
    return None


def find_dates(
    text: str, segs: list[Segment], published: dt.date | dt.datetime | None
) -> list[Find]:
    """Every date in ``text``, sorted by start and never overlapping, each a Find of kind
    "date" whose value is {"iso", "precision", "start", "end"}, plus "relative_to" for a
    date counted from publication (the publication day, None when there is none) and for a
    day and month whose year came from publication. Each paragraph of ``segs`` is read in
    its own language; with no segments, the paragraphs and languages are found here."""
    if isinstance(published, dt.datetime):
        published = published.date()
    hits = _apart([hit for seg in (segs or segments(text)) for hit in _hits(text, seg)])
    found: list[Find] = []
    last_year: int | None = None
    for hit in hits:
        value = _value(hit, published, last_year)
        if value is None:
            continue
        if hit.kind in ("day", "month", "year"):
            last_year = hit.args[0]
        found.append(span("date", text, hit.start, hit.end, value))
    return found
