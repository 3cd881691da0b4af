"""When an event happened, at the precision its source gives: a day, a week, a month, a
year, 'after' a date, or unknown. Its own module because the situation's objects and the
events table both read it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class TimeSpan:
    precision: str  # day | week | month | year | after | unknown ('week': start ± 3 days)
    start: str = ""
    end: str = ""
    source: str = ""
    note: str = ""

    def sort_key(self) -> str:
        """Chronological order; undated items sort last."""
        return self.start or self.end or "9999"

    def label(self) -> str:
        """When, in words of the interface's language, at the span's precision."""
        from mapapp.i18n import translate

        unknown = translate("time", "date unknown")
        if self.precision == "after":
            return _after(self.start) if self.start else unknown
        if not (self.start or self.end):
            return unknown
        if self.precision == "unknown":
            return _before(self.end) if self.end else unknown
        if self.precision == "week":
            return translate("time", "week of {day}").format(day=format_date(self.start))
        if self.end and self.end != self.start:
            return span_words(self.start, self.end)
        return format_date(self.start or self.end)

    def bounds(self) -> tuple[str, str]:
        """Earliest and latest day the span can cover, as YYYY-MM-DD (open ends widened)."""
        if self.precision == "week" and len(self.start) == 10:
            from datetime import date, timedelta

            mid = date.fromisoformat(self.start)
            return (mid - timedelta(days=3)).isoformat(), (mid + timedelta(days=3)).isoformat()
        lo = _pad(self.start, "-01-01") if self.start else "0000-01-01"
        if self.end:
            hi = _pad(self.end, "-12-31")
        elif self.precision in ("after", "unknown"):
            hi = "9999-12-31"
        else:
            hi = _pad(self.start, "-12-31")
        return lo, hi

    def is_open(self) -> bool:
        """No closed interval is known ('after 2012', undated)."""
        return self.precision in ("after", "unknown") or not self.start

    def overlaps(self, first: str, last: str) -> bool:
        """Whether the span can fall within the days [first, last] (YYYY-MM-DD)."""
        lo, hi = self.bounds()
        return lo <= last and hi >= first

    def within_range(self, first: str, last: str) -> bool:
        """For time filters: a closed span that overlaps the range; open spans never pass,
        since 'after 2012' would otherwise show up in every later year."""
        return not self.is_open() and self.overlaps(first, last)


def _pad(date: str, tail: str) -> str:
    """'2012' -> '2012-01-01' / '2012-12-31'; '2024-07' -> '2024-07-01' / '2024-07-31'."""
    return date + tail[len(date) - 4 :]


# Each phrase is written out per grain (a day, a month, a year): French says "après le
# 27 juillet 2024" but "après 2012", "du 25 au 27" but "de 2012 à 2014".
def _after(iso: str) -> str:
    from mapapp.i18n import translate

    if len(iso) == 10:
        return translate("time", "after {day}").format(day=format_date(iso))
    if len(iso) == 7:
        return translate("time", "after {month}").format(month=format_date(iso))
    return translate("time", "after {year}").format(year=iso)


def _before(iso: str) -> str:
    from mapapp.i18n import translate

    if len(iso) == 10:
        return translate("time", "before {day}").format(day=format_date(iso))
    if len(iso) == 7:
        return translate("time", "before {month}").format(month=format_date(iso))
    return translate("time", "before {year}").format(year=iso)


def span_words(start: str, end: str) -> str:
    """'2024-07-25 to 2024-07-27' / 'du 25 juillet 2024 au 27 juillet 2024'."""
    from mapapp.i18n import translate

    a, b = format_date(start), format_date(end)
    if len(start) == 10:
        return translate("time", "{first_day} to {last_day}").format(first_day=a, last_day=b)
    return translate("time", "{first} to {last}").format(first=a, last=b)


def format_date(iso: str) -> str:
    from mapapp.i18n import format_date as in_words

    return in_words(iso)
