"""The dates an article gives, French or English, each as an exact span of its text and the
day, week, month or year it names.

Our own patterns find each date with exact offsets, in the paragraph's language only;
plain date arithmetic resolves it at the precision written, so a month stays a month
(dateparser's search_dates gives no offsets, splits "July 27, 2024" in two, reads "a sept"
as September and fills a missing day with today's).

Rules for the ambiguous cases:
- 14/11/2023 and 03/04/2024 are day/month in both languages; month/day is read only when
  the second number is over 12 (11/14/2023), since day/month is then impossible.
- A bare weekday ("mardi", "Tuesday") is the most recent one on or before publication (the
  publication day itself when the weekdays agree); "mardi dernier" / "last Tuesday" is
  strictly before, "mardi prochain" / "next Tuesday" strictly after.
- A day and month without a year ("27 juillet", "14/07": day/month, the month in two
  digits, so "24/7" is none) take the publication's year, or the year before when that
  would put the day more than six months after publication (27 December in an article of
  3 January); with no publication date, the year of the nearest earlier mention; else
  nothing is found.
- A range or list of days ("du 25 au 27 juillet 2024", "July 27-28", "les 4 et 5 août")
  is one find of precision "day", "iso" an ISO 8601 interval ("2024-07-25/2024-07-27");
  its span starts at the first day, leaving out "du", "from", "between" or "les" as a day
  leaves out "le" and "on". A first end with no year takes the last end's, or the one
  before when its month comes later ("du 30 décembre au 2 janvier 2024"); a range that
  runs backwards is none.
- An ISO datetime ("2024-07-30T10:00:00Z") is its day, the span covering the time too.
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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mapapp.reading import date_words as words
from mapapp.reading.finds import Find, span
from mapapp.reading.language import Segment, segments

_YEAR = r"(?P<year>19\d\d|20\d\d|2100)"
# not the head of a larger figure or word: "2024 000", "2024,5", "2024 %", "1990s"
_NOT_FIGURE = r"(?!\w|[.,]\d|\s\d{3}(?!\d)|\s*%)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])"
_ORDINAL = {"fr": r"(?:er|ᵉʳ)?", "en": r"(?:st|nd|rd|th)?"}
# a day of the month not glued to a figure: "In July 2,000 soldiers", "juillet 2 000"
_DAY_AFTER = r"(?!\d|[.,]\d|\s\d{3}(?!\d))"


@dataclass(frozen=True)
class _Hit:
    """A candidate date: its span and what it means, not yet resolved. ``kind`` is 'day'
    (year or None, month, day), 'range' (its first and last such day), 'month' (year,
    month), 'year', 'relative' (unit, offset), 'weekday' (weekday, modifier) or 'partial'
    (no date, but no figure either)."""

    start: int
    end: int
    kind: str
    args: tuple[Any, ...]

    @property
    def year(self) -> int | None:
        """The year written, which a later day and month without one takes."""
        if self.kind not in ("day", "range", "month", "year"):
            return None
        return (self.args[-1] if self.kind == "range" else self.args)[0]


def _month_of(text: str, lang: str) -> int | None:
    return words.look_up(words.MONTHS[lang], text, cased=lang == "en")


def _on_day(m: re.Match[str], lang: str) -> _Hit | None:
    """A day, or a range of days when the pattern found a first one ('day1')."""
    groups = m.groupdict()
    month = _month_of(m["month"], lang)
    first_month = _month_of(groups["month1"], lang) if groups.get("month1") else month
    if month is None or first_month is None:
        return None
    last = (int(m["year"]) if m["year"] else None, month, int(m["day"]))
    if not groups.get("day1"):
        return _Hit(m.start(), m.end(), "day", last)
    first = (int(groups["year1"]) if groups.get("year1") else None, first_month, int(m["day1"]))
    return _Hit(m.start(), m.end(), "range", (first, last))


def _on_month(m: re.Match[str], lang: str) -> _Hit | None:
    month = _month_of(m["month"], lang)
    return None if month is None else _Hit(m.start(), m.end(), "month", (int(m["year"]), month))


def _on_numeric(m: re.Match[str], lang: str) -> _Hit:
    if m["short_day"]:
        return _Hit(m.start(), m.end(), "day", (None, int(m["short_month"]), int(m["short_day"])))
    if m["iso_month"]:
        month, day = int(m["iso_month"]), int(m["iso_day"])
    else:
        first, second = int(m["first"]), int(m["second"])
        day, month = (second, first) if second > 12 else (first, second)
    return _Hit(m.start(), m.end(), "day", (int(m["year"] or m["iso_year"]), month, day))


def _on_year(m: re.Match[str], lang: str) -> _Hit:
    return _Hit(m.start("year"), m.end("year"), "year", (int(m["year"]),))


def _on_weekday(m: re.Match[str], lang: str) -> _Hit | None:
    weekday = words.look_up(words.WEEKDAYS[lang], m["wd"], cased=lang == "en")
    modifier = words.look_up(words.WEEKDAY_MODIFIERS[lang], m["mod"]) if m["mod"] else 0
    if weekday is None or modifier is None:
        return None
    return _Hit(m.start(), m.end(), "weekday", (weekday, modifier))


_FIXED = {
    lang: {words.canonical(k): v for k, v in table.items()} for lang, table in words.FIXED.items()
}


def _on_fixed(m: re.Match[str], lang: str) -> _Hit | None:
    fixed = words.look_up(_FIXED[lang], words.canonical(m.group()))
    return None if fixed is None else _Hit(m.start(), m.end(), "relative", fixed)


def _on_counted(m: re.Match[str], lang: str) -> _Hit | None:
    number = m["n"].casefold()
    count = int(number) if number.isdigit() else words.look_up(words.NUMBERS[lang], number)
    unit = words.look_up(words.UNITS[lang], m["unit"])
    if count is None or unit is None:
        return None
    return _Hit(m.start(), m.end(), "relative", (unit, -count))


_Handler = Callable[[re.Match[str], str], "_Hit | None"]


def _day_patterns(lang: str) -> list[str]:
    """'14 novembre 2023', 'mardi 1er août', 'July 27, 2024', 'Tuesday, 27th of July', and
    ranges and lists of days: '25 au 27 juillet 2024', '25, 26 et 27 juillet', '30 juillet
    au 2 août', 'July 27-28, 2024', '3 and 5 August 2024', 'July 30 to August 2, 2024'."""
    names, ordinal = words.alternation(words.MONTHS[lang]), _ORDINAL[lang]
    month1, month = rf"(?P<month1>{names})(?!\w)", rf"(?P<month>{names})(?!\w)"
    weekday = rf"(?:{words.alternation(words.WEEKDAYS[lang])},?\s+)?"
    ranging = words.alternation(words.RANGE_WORDS[lang])
    pairing = words.alternation(words.RANGE_WORDS[lang] + words.PAIR_WORDS[lang])
    to, joined = (words.case_blind(rf"(?:\s*[-–]\s*|\s+{w}\s+)", lang) for w in (ranging, pairing))
    day1 = rf"(?<![\w.,]){weekday}{_DAY.replace('day', 'day1')}{ordinal}{_DAY_AFTER}"
    listed = rf"(?:\s*,\s*{_DAY.replace('?P<day>', '?:')}{ordinal}{_DAY_AFTER})*{joined}"
    day = rf"(?<![\w.,]){_DAY}{ordinal}{_DAY_AFTER}"
    year1 = rf"(?:,?\s+{_YEAR.replace('year', 'year1')})?"
    year = rf"(?:,?\s+{_YEAR}{_NOT_FIGURE})?"
    of = r"\s+(?:of\s+)?" if lang == "en" else r"\s+"
    before = rf"(?<!\w)(?:{day1}(?:{listed}|{of}{month1}{year1}{to}))?(?<!\w){weekday}"
    days_first = rf"{before}{day}{of}{month}{year}"
    if lang == "fr":
        return [days_first]
    return [
        days_first,
        rf"(?<!\w){weekday}{month}\s+(?:{day1}{listed})?{day}{year}",
        rf"(?<!\w){month1}\s+{day1}{year1}{to}{month}\s+{day}{year}",
    ]


def _month_pattern(lang: str) -> str:
    """'septembre 2024', 'sept. 2024', 'July 2024': a month needs its year."""
    month = rf"(?P<month>{words.alternation(words.MONTHS[lang])})(?!\w)"
    return rf"(?<!\w){month},?\s+{_YEAR}{_NOT_FIGURE}"


def _numeric_pattern() -> str:
    """'14/11/2023', '14.11.2023', '14-11-2023', ISO '2023-11-14' or '2023-11-14T10:00Z',
    and a day and month alone, '14/07'."""
    time = r"(?:T\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d(?::?\d\d)?)?)?"
    iso = _YEAR.replace("year", "iso_year") + rf"-(?P<iso_month>\d\d)-(?P<iso_day>\d\d){time}"
    numbers = rf"(?P<first>\d{{1,2}})(?P<sep>[/.-])(?P<second>\d{{1,2}})(?P=sep){_YEAR}"
    short = rf"{_DAY.replace('day', 'short_day')}/(?P<short_month>0[1-9]|1[0-2])(?![.,]\d)"
    return rf"(?<![\w/.-])(?:{numbers}|{iso}|{short})(?![\w/-]|\.\d)"


def _year_pattern(lang: str) -> str:
    """A year after its cue, the span being the year alone: 'en 2023', 'entre 2012 et
    2015', 'mi-2020', 'since 2012'."""
    cues = words.case_blind(words.alternation(words.YEAR_CUES[lang]), lang)
    pair = words.case_blind(words.alternation(words.YEAR_PAIR_WORDS[lang]), lang)
    starts = words.case_blind(words.alternation(words.YEAR_RANGE_STARTS[lang]), lang)
    prefix = words.case_blind(re.escape(words.YEAR_PREFIXES[lang]), lang)
    cue = rf"(?:{cues}|(?<=\d{{4}}\s){pair}|{starts}(?=\s+\d{{4}}\s+{pair}\s))\s+"
    return rf"(?<!\w)(?:{cue}|{prefix}){_YEAR}{_NOT_FIGURE}"


def _weekday_pattern(lang: str) -> str:
    """'mardi', 'mardi dernier', 'Tuesday', 'last Tuesday'."""
    weekday = rf"(?P<wd>{words.alternation(words.WEEKDAYS[lang])})"
    modifier = (
        rf"(?P<mod>{words.case_blind(words.alternation(words.WEEKDAY_MODIFIERS[lang]), lang)})"
    )
    if lang == "fr":
        return rf"(?<!\w){weekday}(?:\s+{modifier})?(?!\w)"
    return rf"(?<!\w)(?:{modifier}\s+)?{weekday}(?!\w)"


def _counted_pattern(lang: str) -> str:
    """'il y a deux jours', 'il y a 3 semaines', 'two days ago', 'A week ago'."""
    number = rf"(?P<n>{words.case_blind(words.alternation(words.NUMBERS[lang]), lang)}|\d{{1,3}})"
    unit = rf"(?P<unit>{words.case_blind(words.alternation(words.UNITS[lang]), lang)})"
    if lang == "fr":
        return rf"(?<!\w)il\s+y\s+a\s+{number}\s+{unit}(?!\w)"
    return rf"(?<![\w.,]){number}\s+{unit}\s+(?i:ago)(?!\w)"


def _patterns(lang: str) -> list[tuple[str, _Handler]]:
    # "over the last week" is the seven days before, not last week
    fixed = (
        rf"(?<!\w)(?<![Tt]he\s){words.case_blind(words.alternation(words.FIXED[lang]), lang)}(?!\w)"
    )
    return [
        *((pattern, _on_day) for pattern in _day_patterns(lang)),
        (_month_pattern(lang), _on_month),
        (_numeric_pattern(), _on_numeric),
        (_year_pattern(lang), _on_year),
        (_weekday_pattern(lang), _on_weekday),
        (fixed, _on_fixed),
        (_counted_pattern(lang), _on_counted),
    ]


def _partial_pattern(lang: str) -> str:
    """'mardi 14', 'Tuesday the 14th': a day of the month that names no month, so no date
    is found, yet its number is no figure ("On Tuesday 14 soldiers died" has one)."""
    weekday = words.alternation(words.WEEKDAYS[lang])
    day = rf"{_DAY}{_ORDINAL[lang]}" if lang == "fr" else rf"(?:the\s+)?{_DAY}(?:st|nd|rd|th)"
    return rf"(?<!\w){weekday},?\s+{day}(?!\w|[.,]\d)"


def _compiled(lang: str) -> list[tuple[re.Pattern[str], _Handler]]:
    """The patterns, the one that only masks (``_partial_pattern``) last."""
    flags = re.IGNORECASE if lang == "fr" else 0
    partial: _Handler = lambda m, lang: _Hit(m.start(), m.end(), "partial", ())  # noqa: E731
    found = [*_patterns(lang), (_partial_pattern(lang), partial)]
    return [(re.compile(p, flags), h) for p, h in found]


_COMPILED = {lang: _compiled(lang) for lang in ("fr", "en")}


def _hits(text: str, seg: Segment, partial: bool = False) -> list[_Hit]:
    """The candidates in ``seg``; with ``partial``, the days that name no month too."""
    lang = "fr" if seg.lang == "fr" else "en"
    found = []
    for pattern, handler in _COMPILED[lang][: None if partial else -1]:
        for m in pattern.finditer(text, seg.start, seg.end):
            if (hit := handler(m, lang)) is not None:
                found.append(hit)
    return found


def _apart(hits: list[_Hit]) -> list[_Hit]:
    """The hits that do not overlap, the earliest and then the longest first."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _period(iso: str, precision: str, first: dt.date, last: dt.date) -> dict[str, Any]:
    return {"iso": iso, "precision": precision, "start": f"{first}", "end": f"{last}"}


def _day_value(day: dt.date) -> dict[str, Any]:
    return _period(f"{day}", "day", day, day)


def _week_value(day: dt.date) -> dict[str, Any]:
    year, week, _ = day.isocalendar()
    monday = day - dt.timedelta(days=day.weekday())
    return _period(f"{year}-W{week:02d}", "week", monday, monday + dt.timedelta(days=6))


def _month_value(year: int, month: int) -> dict[str, Any]:
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return _period(f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1), last)


def _year_value(year: int) -> dict[str, Any]:
    return _period(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


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


def _day_of(year: int | None, month: int, day: int, published, last_year) -> dt.date | None:
    """A day and month, in ``year`` when written, else as the module docstring says."""
    if year is not None:
        return dt.date(year, month, day)
    if published is not None:  # more than six months ahead: the year before
        found = dt.date(published.year, month, day)
        return found if (found - published).days <= 183 else dt.date(found.year - 1, month, day)
    return None if last_year is None else dt.date(last_year, month, day)


def _days_value(hit: _Hit, published, last_year) -> dict[str, Any] | None:
    """A day or a range of days, None when nothing tells its year or it runs backwards."""
    (year1, month1, day1), last_end = hit.args if hit.kind == "range" else (hit.args,) * 2
    last = _day_of(*last_end, published, last_year)
    if last is None:
        return None
    first = dt.date(year1 or last.year, month1, day1)
    if year1 is None and month1 > last.month:  # "du 30 décembre au 2 janvier 2024"
        first = dt.date(last.year - 1, month1, day1)
    if first > last:
        return None
    value = _period(f"{first}" if first == last else f"{first}/{last}", "day", first, last)
    return value if last_end[0] or published is None else {**value, "relative_to": f"{published}"}


def _value(hit: _Hit, published: dt.date | None, last_year: int | None) -> dict[str, Any] | None:
    """What ``hit`` names, or None when it names nothing (31 February, a day and month
    whose year nothing tells, "mardi 14")."""
    try:
        if hit.kind in ("relative", "weekday"):
            return _relative(hit, published)
        if hit.kind in ("day", "range"):
            return _days_value(hit, published, last_year)
        if hit.kind in ("month", "year"):
            return (_month_value if hit.kind == "month" else _year_value)(*hit.args)
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
        last_year = hit.year or last_year
        found.append(span("date", text, hit.start, hit.end, value))
    return found


def date_spans(text: str, segs: list[Segment]) -> list[tuple[int, int]]:
    """The spans, sorted and possibly overlapping, of every date written in the paragraphs
    ``segs``, found or not for want of a year or a month ("le 27 juillet" in an undated
    text, "mardi 14"): what figures.py must not read as counts. Read in both languages, so
    a date quoted in the other one ("On July 27" in a French paragraph) is no count either."""
    both = [Segment(seg.start, seg.end, lang) for seg in segs for lang in ("fr", "en")]
    return sorted({(hit.start, hit.end) for seg in both for hit in _hits(text, seg, partial=True)})
