"""Dates found in an article's text (mapapp/reading/dates.py), French and English: each
expected find is its exact span, cut from the test text itself, and its exact value. The
texts are written for these tests; what they say of northern Mali is made up."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest

from mapapp.reading import date_words as words
from mapapp.reading.dates import date_spans, find_dates
from mapapp.reading.language import segments

FRIDAY = dt.date(2024, 8, 2)
TUESDAY = dt.date(2024, 7, 30)


def found(text: str, published: dt.date | None, lang: str = "auto") -> list[tuple]:
    finds = find_dates(text, segments(text, lang), published)
    assert all(f.kind == "date" and text[f.start : f.end] == f.text for f in finds)
    return [(f.start, f.end, f.text, f.value) for f in finds]


def at(text: str, words: str, value: dict, nth: int = 0) -> tuple:
    """The find expected for the ``nth`` (from 0) occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return (start, start + len(words), words, value)


def day(iso: str, relative_to: str | None = None) -> dict:
    value = {"iso": iso, "precision": "day", "start": iso, "end": iso}
    return value if relative_to is None else {**value, "relative_to": relative_to}


def span_of(iso: str, precision: str, start: str, end: str, relative_to: str | None = None):
    value = {"iso": iso, "precision": precision, "start": start, "end": end}
    return value if relative_to is None else {**value, "relative_to": relative_to}


def week(iso: str, start: str, end: str, relative_to: str | None = None) -> dict:
    return span_of(iso, "week", start, end, relative_to)


def unresolved(precision: str) -> dict:
    return {"iso": None, "precision": precision, "start": None, "end": None, "relative_to": None}


PUB = "2024-08-02"
FR = (
    "Le 14 novembre 2023, l'armée malienne a annoncé avoir repris Kidal, ville tenue depuis "
    "2012 par des groupes armés.\n\n"
    "Le 1er août 2024, un convoi a quitté Gao vers Anéfis, selon un communiqué du 31/07/2024. "
    "Hier, un élu local a indiqué qu'avant-hier des tirs avaient été entendus près de Tessalit."
    "\n\n"
    "Mardi dernier, des habitants de Tinzaouatène ont rapporté des frappes de drone ; la "
    "semaine dernière, plus de 2 000 soldats étaient déployés dans la région, contre 1 000 en "
    "juillet. Il y a deux jours, l’armée a publié un bilan. Aujourd’hui, la situation reste "
    "tendue à Kidal."
)


def test_a_french_article():
    assert found(FR, FRIDAY) == [
        at(FR, "14 novembre 2023", day("2023-11-14")),
        at(FR, "2012", span_of("2012", "year", "2012-01-01", "2012-12-31")),
        at(FR, "1er août 2024", day("2024-08-01")),
        at(FR, "31/07/2024", day("2024-07-31")),
        at(FR, "Hier", day("2024-08-01", PUB)),
        at(FR, "avant-hier", day("2024-07-31", PUB)),
        at(FR, "Mardi dernier", day("2024-07-30", PUB)),
        at(FR, "la semaine dernière", week("2024-W30", "2024-07-22", "2024-07-28", PUB)),
        at(FR, "Il y a deux jours", day("2024-07-31", PUB)),
        at(FR, "Aujourd’hui", day(PUB, PUB)),
    ]


def test_figures_and_a_bare_month_are_not_dates():
    assert "2 000" in FR and "1 000" in FR and "en juillet" in FR
    spans = {text for _, _, text, _ in found(FR, FRIDAY)}
    assert not spans & {"2 000", "000", "1 000", "juillet", "2"}


EN = (
    "On July 27, 2024, a Malian army convoy left Gao for Kidal, officials said on Tuesday.\n\n"
    "Fighting near Tinzaouatene began on 25 July 2024, and in July 2,000 soldiers were sent "
    "north. The army first entered Kidal in November 2023; a statement dated 11/14/2023 "
    "confirmed it.\n\n"
    "Last Tuesday drones struck a vehicle; two days ago residents reported new strikes. "
    "Yesterday the governor said talks would resume today. Over the last week aid convoys "
    "were halted, and last week the mission said attacks had risen since last year."
)


def test_an_english_article():
    assert found(EN, FRIDAY) == [
        at(EN, "July 27, 2024", day("2024-07-27")),
        at(EN, "Tuesday", day("2024-07-30", PUB)),
        at(EN, "25 July 2024", day("2024-07-25")),
        at(EN, "November 2023", span_of("2023-11", "month", "2023-11-01", "2023-11-30")),
        at(EN, "11/14/2023", day("2023-11-14")),
        at(EN, "Last Tuesday", day("2024-07-30", PUB)),
        at(EN, "two days ago", day("2024-07-31", PUB)),
        at(EN, "Yesterday", day("2024-08-01", PUB)),
        at(EN, "today", day(PUB, PUB)),
        at(EN, "last week", week("2024-W30", "2024-07-22", "2024-07-28", PUB), nth=1),
        at(EN, "last year", span_of("2023", "year", "2023-01-01", "2023-12-31", PUB)),
    ]


MIXED = (
    "Selon le gouvernement de transition, les élections prévues en sept. 2024 ont été "
    "reportées. Ils étaient sept à l'annoncer il y a une semaine, comme l'année dernière.\n\n"
    "The vote, first set for Sept. 2024, was postponed last month, a spokesman said "
    "3 days ago in Bamako."
)


def test_a_mixed_text_reads_each_paragraph_in_its_language():
    assert [s.lang for s in segments(MIXED)] == ["fr", "en"]
    september = span_of("2024-09", "month", "2024-09-01", "2024-09-30")
    assert found(MIXED, FRIDAY) == [
        at(MIXED, "sept. 2024", september),
        at(MIXED, "il y a une semaine", week("2024-W30", "2024-07-22", "2024-07-28", PUB)),
        at(MIXED, "l'année dernière", span_of("2023", "year", "2023-01-01", "2023-12-31", PUB)),
        at(MIXED, "Sept. 2024", september),
        at(MIXED, "last month", span_of("2024-07", "month", "2024-07-01", "2024-07-31", PUB)),
        at(MIXED, "3 days ago", day("2024-07-30", PUB)),
    ]


def test_a_language_s_words_are_not_read_in_the_other_language():
    # a French paragraph's "last week" and an English one's "hier" are the other language's
    assert found("Selon l'armée, last week a été calme.", FRIDAY, "fr") == []
    assert found("The word hier was quoted by the army.", FRIDAY, "en") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ils étaient sept. Le bilan n'a pas changé.", "fr"),
        ("Il y avait sept 2024 véhicules ?", "fr"),
        ("In July 2,000 soldiers were sent north.", "en"),
        ("Troops may 5 times a day march 3 km.", "en"),
        ("Mars est visible depuis Gao ; en mai, la chaleur dépasse 45 degrés.", "fr"),
        ("Plus de 2000 soldats et 1 000 civils ont fui.", "fr"),
        ("In the 1990s and over the last week, 2024 people fled.", "en"),
        ("In 1990s Mali, rebellions flared in the north.", "en"),
    ],
)
def test_words_that_only_look_like_dates(text, lang):
    assert found(text, FRIDAY, lang) == []


def test_mars_is_march_only_beside_a_year_or_a_day():
    text = (
        "Mars 2024 a été le mois le plus meurtrier à Ménaka. Mars, la planète, se voyait "
        "depuis Gao. Le 27 mars, un nouveau bilan a été publié."
    )
    assert found(text, FRIDAY) == [
        at(text, "Mars 2024", span_of("2024-03", "month", "2024-03-01", "2024-03-31")),
        at(text, "27 mars", day("2024-03-27", PUB)),
    ]


def test_the_same_date_written_twice_has_both_spans_right():
    text = (
        "Le 14 novembre 2023, l'armée est entrée dans Kidal. Depuis le 14 novembre 2023, "
        "la ville est sous son contrôle, et depuis le 14/11/2023 les vols ont repris."
    )
    nov14 = day("2023-11-14")
    assert found(text, None) == [
        at(text, "14 novembre 2023", nov14),
        at(text, "14 novembre 2023", nov14, nth=1),
        at(text, "14/11/2023", nov14),
    ]


def test_without_a_publication_date_relative_dates_stay_unresolved():
    text = (
        "Hier, un convoi a été attaqué près d'Anéfis ; le 20 octobre, un autre l'avait été. "
        "La semaine dernière, l'armée a affirmé avoir repris Kidal le 14 novembre 2023, et le "
        "20 novembre elle tenait l’aéroport. Il y a deux jours, l'année dernière et mardi : "
        "rien de daté."
    )
    assert found(text, None) == [
        at(text, "Hier", unresolved("day")),
        # "le 20 octobre": no publication date and no year mentioned before it
        at(text, "La semaine dernière", unresolved("week")),
        at(text, "14 novembre 2023", day("2023-11-14")),
        at(text, "20 novembre", day("2023-11-20")),  # the year of the mention before
        at(text, "Il y a deux jours", unresolved("day")),
        at(text, "l'année dernière", unresolved("year")),
        at(text, "mardi", unresolved("day")),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "iso", "start", "end"),
    [
        ("en septembre 2024", "fr", "2024-09", "2024-09-01", "2024-09-30"),
        ("en février 2024", "fr", "2024-02", "2024-02-01", "2024-02-29"),
        ("in February 2023", "en", "2023-02", "2023-02-01", "2023-02-28"),
        ("en déc. 2023", "fr", "2023-12", "2023-12-01", "2023-12-31"),
        ("by Sept 2025", "en", "2025-09", "2025-09-01", "2025-09-30"),
    ],
)
def test_a_month_stays_a_month(text, lang, iso, start, end):
    words = text.split(" ", 1)[1]
    assert found(text, FRIDAY, lang) == [at(text, words, span_of(iso, "month", start, end))]


def test_last_week_across_a_new_year():
    published, pub = dt.date(2024, 1, 3), "2024-01-03"
    fr = "La semaine dernière, le 27 décembre, puis le mois dernier et l’année dernière."
    assert found(fr, published, "fr") == [
        at(fr, "La semaine dernière", week("2023-W52", "2023-12-25", "2023-12-31", pub)),
        at(fr, "27 décembre", day("2023-12-27", pub)),  # not 2024-12-27
        at(fr, "le mois dernier", span_of("2023-12", "month", "2023-12-01", "2023-12-31", pub)),
        at(fr, "l’année dernière", span_of("2023", "year", "2023-01-01", "2023-12-31", pub)),
    ]
    en = "Last week the convoy was stopped."
    assert found(en, dt.date(2021, 1, 6), "en") == [
        at(en, "Last week", week("2020-W53", "2020-12-28", "2021-01-03", "2021-01-06")),
    ]


@pytest.mark.parametrize(
    ("words", "lang", "iso"),
    [
        ("mardi", "fr", "2024-07-30"),  # published on a Tuesday: that very day
        ("mardi dernier", "fr", "2024-07-23"),
        ("mardi passé", "fr", "2024-07-23"),
        ("mercredi", "fr", "2024-07-24"),
        ("lundi", "fr", "2024-07-29"),
        ("mardi prochain", "fr", "2024-08-06"),
        ("Tuesday", "en", "2024-07-30"),
        ("last Tuesday", "en", "2024-07-23"),
        ("Wednesday", "en", "2024-07-24"),
        ("next Monday", "en", "2024-08-05"),
    ],
)
def test_weekdays_count_back_from_publication(words, lang, iso):
    text = f"Des tirs ont été entendus {words} à Gao."
    assert found(text, TUESDAY, lang) == [at(text, words, day(iso, "2024-07-30"))]


@pytest.mark.parametrize(
    ("words", "lang", "value"),
    [
        ("il y a dix jours", "fr", day("2024-07-23")),
        ("il y a 3 jours", "fr", day("2024-07-30")),
        ("il y a trois semaines", "fr", week("2024-W28", "2024-07-08", "2024-07-14")),
        ("il y a deux mois", "fr", span_of("2024-06", "month", "2024-06-01", "2024-06-30")),
        ("il y a un an", "fr", span_of("2023", "year", "2023-01-01", "2023-12-31")),
        ("ten days ago", "en", day("2024-07-23")),
        ("three weeks ago", "en", week("2024-W28", "2024-07-08", "2024-07-14")),
        ("two months ago", "en", span_of("2024-06", "month", "2024-06-01", "2024-06-30")),
        ("a year ago", "en", span_of("2023", "year", "2023-01-01", "2023-12-31")),
    ],
)
def test_counted_back_in_words_or_figures(words, lang, value):
    text = f"« {words} », a-t-il dit." if lang == "fr" else f"He said {words}, in Gao."
    assert found(text, FRIDAY, lang) == [at(text, words, {**value, "relative_to": PUB})]


@pytest.mark.parametrize(
    ("words", "lang", "iso"),
    [
        ("14/11/2023", "fr", "2023-11-14"),
        ("03/04/2024", "fr", "2024-04-03"),  # day/month
        ("03/04/2024", "en", "2024-04-03"),  # day/month in English too, while it can be
        ("11/14/2023", "en", "2023-11-14"),  # month/day: 14 cannot be a month
        ("14.11.2023", "fr", "2023-11-14"),
        ("2023-11-14", "en", "2023-11-14"),
    ],
)
def test_dates_in_figures(words, lang, iso):
    text = f"Le communiqué du {words} est signé." if lang == "fr" else f"Issued {words} in Gao."
    assert found(text, None, lang) == [at(text, words, day(iso))]


def test_impossible_days_are_not_dates():
    assert found("Le 31/02/2024 et le 31 février 2024, rien.", FRIDAY, "fr") == []


@pytest.mark.parametrize(
    ("text", "lang", "years"),
    [
        ("Le conflit dure depuis 2012 ; en 2023, la MINUSMA est partie.", "fr", ["2012", "2023"]),
        ("Les attaques ont doublé entre 2019 et 2022.", "fr", ["2019", "2022"]),
        (
            "De 2013 à 2014, puis mi-2020, la ville a changé de mains.",
            "fr",
            ["2013", "2014", "2020"],
        ),
        ("In 2023 the mission left; fighting has gone on since 2012.", "en", ["2023", "2012"]),
    ],
)
def test_years_after_their_cue(text, lang, years):
    expected = []
    for year in years:
        expected.append(at(text, year, span_of(year, "year", f"{year}-01-01", f"{year}-12-31")))
    assert found(text, FRIDAY, lang) == sorted(expected)


def test_day_and_month_without_year_and_the_first_of_the_month():
    text = "Le 27 juillet, puis le mardi 1er août 2023 et le 2 août, les routes étaient coupées."
    assert found(text, FRIDAY, "fr") == [
        at(text, "27 juillet", day("2024-07-27", PUB)),
        at(text, "mardi 1er août 2023", day("2023-08-01")),
        at(text, "2 août", day("2024-08-02", PUB)),
    ]
    english = "On July 27, and on Tuesday, August 1, 2023, roads were cut."
    assert found(english, FRIDAY, "en") == [
        at(english, "July 27", day("2024-07-27", PUB)),
        at(english, "Tuesday, August 1, 2023", day("2023-08-01")),
    ]


def test_apostrophes_straight_and_curly_and_spaced_words():
    text = "Aujourd'hui comme aujourd’hui, l'an dernier comme l’année dernière, avant hier."
    last_year = span_of("2023", "year", "2023-01-01", "2023-12-31", PUB)
    assert found(text, FRIDAY, "fr") == [
        at(text, "Aujourd'hui", day(PUB, PUB)),
        at(text, "aujourd’hui", day(PUB, PUB)),
        at(text, "l'an dernier", last_year),
        at(text, "l’année dernière", last_year),
        at(text, "avant hier", day("2024-07-31", PUB)),
    ]


@pytest.mark.parametrize("text", [FR, EN, MIXED])
def test_finds_are_sorted_apart_and_json_ready(text):
    finds = find_dates(text, segments(text), dt.datetime(2024, 8, 2, 15, 30))
    assert [(f.start, f.end) for f in finds] == sorted((f.start, f.end) for f in finds)
    assert all(a.end <= b.start for a, b in itertools.pairwise(finds))
    assert json.loads(json.dumps([f.as_json() for f in finds])) == [f.as_json() for f in finds]
    assert find_dates(text, [], FRIDAY) == find_dates(text, segments(text), FRIDAY)


@pytest.mark.parametrize(("text", "lang"), [(FR, "fr"), (EN, "en")])
def test_dateparser_agrees_on_each_day_written_in_words(text, lang):
    dateparser = pytest.importorskip("dateparser")
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    written = [
        f
        for f in find_dates(text, segments(text), FRIDAY)
        if f.value["precision"] == "day" and "relative_to" not in f.value and "/" not in f.text
    ]
    assert written
    for f in written:
        parsed = dateparser.parse(f.text, languages=[lang], settings=settings)
        assert parsed is not None and parsed.date().isoformat() == f.value["iso"], f.text


# --- timestamps, a day and month in figures, ranges, Unicode case --------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Publié le 2024-07-30T10:00:00Z, l'article a été repris.", "2024-07-30T10:00:00Z"),
        ("Mis à jour 2024-07-30T10:00+02:00 par la rédaction.", "2024-07-30T10:00+02:00"),
        ("Posted 2024-07-30T10:00:00.250Z by the desk.", "2024-07-30T10:00:00.250Z"),
    ],
)
def test_an_iso_datetime_is_its_day(text, words):
    assert found(text, None) == [at(text, words, day("2024-07-30"))]


def test_a_day_and_month_in_figures_take_the_year_rule():
    text = "Le 14/07, 200 personnes ont défilé à Gao."
    assert found(text, TUESDAY, "fr") == [at(text, "14/07", day("2024-07-14", "2024-07-30"))]
    # more than six months after publication: the year before
    assert found(text, dt.date(2024, 1, 3), "fr") == [
        at(text, "14/07", day("2023-07-14", "2024-01-03"))
    ]
    assert found(text, None, "fr") == []  # no year anywhere: nothing to date it with
    dated = "En 2023, la ville a changé de mains. Le 14/07, 200 personnes ont défilé."
    assert found(dated, None, "fr")[1] == at(dated, "14/07", day("2023-07-14"))


@pytest.mark.parametrize(
    "text",
    [
        "La route est surveillée 24/7 par l'armée.",
        "Près de 1/2 des habitants ont fui.",
        "Le score était de 14/20 et 3/4 des votes.",
    ],
)
def test_slashed_numbers_that_are_no_day_and_month(text):
    assert found(text, TUESDAY, "fr") == []


def days(first: str, last: str, relative_to: str | None = None) -> dict:
    return span_of(f"{first}/{last}", "day", first, last, relative_to)


@pytest.mark.parametrize(
    ("text", "lang", "words", "value"),
    [
        (
            "Du 25 au 27 juillet 2024, les combats ont duré.",
            "fr",
            "25 au 27 juillet 2024",
            days("2024-07-25", "2024-07-27"),
        ),
        (
            "Les combats ont duré du 25 juillet au 2 août 2024 près de Kidal.",
            "fr",
            "25 juillet au 2 août 2024",
            days("2024-07-25", "2024-08-02"),
        ),
        (
            "Les 27-28 juillet, des frappes ont visé Tinzaouatène.",
            "fr",
            "27-28 juillet",
            days("2024-07-27", "2024-07-28", PUB),
        ),
        (
            "Strikes on July 27-28 hit Tinzaouaten.",
            "en",
            "July 27-28",
            days("2024-07-27", "2024-07-28", PUB),
        ),
        (
            "Strikes on July 27–28, 2024 hit Tinzaouaten.",
            "en",
            "July 27–28, 2024",
            days("2024-07-27", "2024-07-28"),
        ),
        (
            "Les 4 et 5 août 2024, le convoi a attendu à Anéfis.",
            "fr",
            "4 et 5 août 2024",
            days("2024-08-04", "2024-08-05"),
        ),
        (
            "Fighting raged between 3 and 5 August 2024 near Kidal.",
            "en",
            "3 and 5 August 2024",
            days("2024-08-03", "2024-08-05"),
        ),
        (
            "Les 25, 26 et 27 juillet 2024, des tirs ont été entendus.",
            "fr",
            "25, 26 et 27 juillet 2024",
            days("2024-07-25", "2024-07-27"),
        ),
        (
            "From July 30 to August 2, 2024, the road was shut.",
            "en",
            "July 30 to August 2, 2024",
            days("2024-07-30", "2024-08-02"),
        ),
        (
            "Du 30 décembre au 2 janvier 2024, la frontière est restée fermée.",
            "fr",
            "30 décembre au 2 janvier 2024",
            days("2023-12-30", "2024-01-02"),
        ),
        (
            "Du 25 juillet 2023 au 2 août 2024, la base a été assiégée.",
            "fr",
            "25 juillet 2023 au 2 août 2024",
            days("2023-07-25", "2024-08-02"),
        ),
    ],
)
def test_a_range_of_days_is_one_find_from_its_first_day_to_its_last(text, lang, words, value):
    assert found(text, FRIDAY, lang) == [at(text, words, value)]


def test_a_range_without_a_year_takes_the_one_mentioned_before():
    text = "En 2023, la route a été coupée. Du 25 au 27 juillet, les convois ont attendu."
    assert found(text, None, "fr")[1] == at(
        text, "25 au 27 juillet", days("2023-07-25", "2023-07-27")
    )


def test_a_range_that_runs_backwards_is_no_date():
    assert found("Du 27 au 25 juillet 2024, rien.", FRIDAY, "fr") == []
    assert found("Du 27 au 25 juillet, rien.", FRIDAY, "fr") == []


def test_letters_matched_unicode_wise_are_read_not_a_crash():
    # "ſ" (long s) and "K" (Kelvin sign) match s and k when case is ignored; "ı" (dotless
    # i) matches i too, but "dıx" casefolds to no number: no date, and no KeyError
    text = "Le 3 ſeptembre 2024, puis il y a deux ſemaines et il y a dıx jours."
    assert found(text, FRIDAY, "fr") == [
        at(text, "3 ſeptembre 2024", day("2024-09-03")),
        at(text, "il y a deux ſemaines", week("2024-W29", "2024-07-15", "2024-07-21", PUB)),
    ]
    english = "Two dayſ ago and a weeK ago, convoys stopped."
    assert found(english, FRIDAY, "en") == [
        at(english, "Two dayſ ago", day("2024-07-31", PUB)),
        at(english, "a weeK ago", week("2024-W30", "2024-07-22", "2024-07-28", PUB)),
    ]


def test_the_tables_keys_are_casefolded_as_their_lookups_are():
    case_blind = [
        words.MONTHS["fr"],
        words.WEEKDAYS["fr"],
        *words.WEEKDAY_MODIFIERS.values(),
        *words.NUMBERS.values(),
        *words.UNITS.values(),
    ]
    for table in case_blind:
        assert all(key == key.casefold() for key in table)


def test_date_spans_cover_dates_found_or_not_and_in_either_language():
    text = (
        "Le 27 juillet, mardi 14 et le 14/07, puis « on July 27 » : 40 morts.\n\n"
        "On Tuesday the 14th, 3 soldiers died; on Tuesday 14 soldiers died."
    )
    # sorted, overlapping where two readings do ("mardi", the weekday; "mardi 14")
    expected = ["27 juillet", "mardi", "mardi 14", "14/07", "July 27", "Tuesday"]
    expected += ["Tuesday the 14th", "Tuesday"]
    assert [text[a:b] for a, b in date_spans(text, segments(text))] == expected
    # no year and no publication: the days and months are not found as dates, the
    # weekdays are, undated
    finds = find_dates(text, segments(text), None)
    assert [(f.text, f.value["iso"]) for f in finds] == [
        (w, None) for w in ["mardi"] + 2 * ["Tuesday"]
    ]
