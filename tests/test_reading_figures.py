"""Figures in French and English articles: the words as written, read into the Figure
fields. The sentences are invented for these tests, in the style of reports on northern
Mali."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from mapapp.reading.figures import find_figures, read_number
from mapapp.reading.language import Segment, segments
from mapapp.reading.spans import Mask


def figures(text: str, lang: str = "auto") -> list[tuple[int, int, str, dict]]:
    segs = segments(text, lang)
    return [(f.start, f.end, f.text, f.value) for f in find_figures(text, segs)]


def fig(text: str, words: str, after: int = 0, **value) -> tuple[int, int, str, dict]:
    """The find expected for ``words`` (searched from ``after``) with these fields."""
    start = text.index(words, after)
    full = {"value": None, "min": None, "max": None, "qualifier": "", "unit": ""}
    full.update(value)
    full = {**full, "words": words, "convention": full.get("convention", "")}
    order = ("value", "min", "max", "qualifier", "words", "unit", "convention")
    return (start, start + len(words), words, {k: full[k] for k in order})


def values(text: str, lang: str) -> list[tuple[str, object]]:
    return [(t, v["value"]) for _, _, t, v in figures(text, lang)]


FR = (
    "Une cinquantaine de combattants du JNIM ont attaqué le camp de Boulkessi le 27 juillet "
    "vers 14h30. Selon l'armée, plus de 1 000 soldats étaient déployés et au moins 15 civils "
    "ont été tués ; près de 200 familles ont fui, et jusqu'à 80 assaillants seraient morts. "
    "Des dizaines de véhicules ont été détruits, entre 20 et 80 selon les sources."
)
EN = (
    "About 50 fighters attacked the camp on July 27, 2024. Over 1,000 troops were deployed "
    "and at least 15 civilians were killed, while some 200 families fled. Up to 80 attackers "
    "may have died; dozens of vehicles were destroyed, between 20 and 80 by one count, and "
    "1.5 million people need aid, the UN said in 2024."
)


def test_a_french_report():
    t = FR
    assert figures(t) == [
        fig(t, "Une cinquantaine", value=50, qualifier="about", unit="combattants"),
        fig(t, "plus de 1 000", value=1000, qualifier="over", unit="soldats"),
        fig(t, "au moins 15", value=15, qualifier="at least", unit="civils"),
        fig(t, "près de 200", value=200, qualifier="about", unit="familles"),
        fig(t, "jusqu'à 80", value=80, qualifier="up to", unit="assaillants"),
        fig(
            t,
            "Des dizaines",
            value=12,
            qualifier="at least",
            unit="véhicules",
            convention="ACLED: dozens = 12",
        ),
        fig(t, "entre 20 et 80", min=20, max=80),
    ]


def test_an_english_report():
    t = EN
    assert figures(t) == [
        fig(t, "About 50", value=50, qualifier="about", unit="fighters"),
        fig(t, "Over 1,000", value=1000, qualifier="over", unit="troops"),
        fig(t, "at least 15", value=15, qualifier="at least", unit="civilians"),
        fig(t, "some 200", value=200, qualifier="about", unit="families"),
        fig(t, "Up to 80", value=80, qualifier="up to", unit="attackers"),
        fig(
            t,
            "dozens",
            value=12,
            qualifier="at least",
            unit="vehicles",
            convention="ACLED: dozens = 12",
        ),
        fig(t, "between 20 and 80", min=20, max=80),
        fig(t, "1.5 million", value=1500000, unit="people"),
    ]


def test_finds_are_figures_cut_from_the_text_sorted_apart_and_ready_for_json():
    text = FR + "\n\n" + EN
    finds = find_figures(text, segments(text))
    assert {f.kind for f in finds} == {"figure"}
    assert all(text[f.start : f.end] == f.text == f.value["words"] for f in finds)
    assert all(a.end <= b.start for a, b in pairwise(finds))
    assert json.loads(json.dumps([f.as_json() for f in finds]))[0]["value"]["value"] == 50


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("une dizaine", 10),
        ("une vingtaine", 20),
        ("une trentaine", 30),
        ("une quarantaine", 40),
        ("une soixantaine", 60),
        ("une centaine", 100),
        ("un millier", 1000),
        ("une dizaine de milliers", 10000),
    ],
)
def test_french_round_numbers_are_about(words, value):
    t = f"Le convoi transportait {words} de soldats maliens."
    assert figures(t, "fr") == [fig(t, words, value=value, qualifier="about", unit="soldats")]


def test_a_qualifier_before_a_round_number_wins():
    t = "Plus d'une centaine d'assaillants et près d'une vingtaine de motos."
    assert figures(t, "fr") == [
        fig(t, "Plus d'une centaine", value=100, qualifier="over", unit="assaillants"),
        fig(t, "près d'une vingtaine", value=20, qualifier="about", unit="motos"),
    ]


@pytest.mark.parametrize(
    "words", ["plus de 1 000", "plus de 1\u202f000", "plus de 1\u00a0000", "plus de 1.000"]
)
def test_french_thousands_separators(words):
    t = f"L'armée a déployé {words} hommes à Kidal."
    assert figures(t, "fr") == [fig(t, words, value=1000, qualifier="over", unit="hommes")]


def test_the_paragraph_language_decides_commas_and_dots():
    assert values("1,5 million de déplacés", "fr") == [("1,5 million", 1500000)]
    assert values("1.5 million displaced", "en") == [("1.5 million", 1500000)]
    assert values("2,5 tonnes", "fr") == [("2,5", 2.5)]
    assert values("1,000 men", "en") == [("1,000", 1000)]
    # the other language's way is not half-read as two numbers
    assert values("1,5 million displaced", "en") == []
    assert values("1.5 million de déplacés", "fr") == []


def test_each_paragraph_is_read_in_its_own_language():
    fr = "Selon l'ONU, 1,5 million de personnes ont besoin d'aide dans le nord du pays."
    en = "The UN said that 1,500 people had fled to the border in the past week."
    t = fr + "\n\n" + en
    assert [s.lang for s in segments(t)] == ["fr", "en"]
    assert figures(t) == [
        fig(t, "1,5 million", value=1500000, unit="personnes"),
        fig(t, "1,500", value=1500, unit="people"),
    ]


def test_the_same_figure_twice_is_found_twice():
    t = "Au moins 15 soldats ont été tués à Anéfis et au moins 15 soldats à Tessalit."
    second = t.index("au moins 15")
    assert figures(t, "fr") == [
        fig(t, "Au moins 15", value=15, qualifier="at least", unit="soldats"),
        fig(t, "au moins 15", after=second, value=15, qualifier="at least", unit="soldats"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "words", "low", "high", "unit"),
    [
        ("entre 20 et 80 combattants", "fr", "entre 20 et 80", 20, 80, "combattants"),
        ("de 20 à 80 combattants", "fr", "de 20 à 80", 20, 80, "combattants"),
        ("20 à 80 combattants", "fr", "20 à 80", 20, 80, "combattants"),
        ("deux à trois véhicules", "fr", "deux à trois", 2, 3, "véhicules"),
        ("between 20 and 80 fighters", "en", "between 20 and 80", 20, 80, "fighters"),
        ("20 to 80 fighters", "en", "20 to 80", 20, 80, "fighters"),
        ("20-80 fighters", "en", "20-80", 20, 80, "fighters"),
        ("20–80 fighters", "en", "20–80", 20, 80, "fighters"),
    ],
)
def test_ranges(text, lang, words, low, high, unit):
    assert figures(text, lang) == [fig(text, words, min=low, max=high, unit=unit)]


@pytest.mark.parametrize(
    ("words", "lang", "value"),
    [
        ("deux", "fr", 2),
        ("trois", "fr", 3),
        ("dix-sept", "fr", 17),
        ("vingt", "fr", 20),
        ("vingt et un", "fr", 21),
        ("soixante-dix", "fr", 70),
        ("quatre-vingts", "fr", 80),
        ("quatre-vingt-dix", "fr", 90),
        ("cent", "fr", 100),
        ("deux cents", "fr", 200),
        ("trois cent cinquante", "fr", 350),
        ("mille", "fr", 1000),
        ("deux mille cinq cents", "fr", 2500),
        ("two", "en", 2),
        ("twelve", "en", 12),
        ("twenty-five", "en", 25),
        ("a hundred", "en", 100),
        ("two hundred and fifty", "en", 250),
        ("a thousand", "en", 1000),
        ("1,5 million", "fr", 1500000),
        ("deux millions", "fr", 2000000),
        ("2,3 millions", "fr", 2300000),
        ("1.5 billion", "en", 1500000000),
    ],
)
def test_numbers_in_words_and_scales(words, lang, value):
    assert read_number(words, lang) == value
    t = f"{words} hommes" if lang == "fr" else f"{words} men"
    assert values(t, lang) == [(words, value)]


def test_the_article_and_the_pronoun_are_no_count():
    assert figures("Un soldat et une femme ; l'un des deux camps.", "fr") == [
        fig("Un soldat et une femme ; l'un des deux camps.", "deux", unit="camps", value=2)
    ]
    assert values("One of the soldiers said one thing.", "en") == []
    assert values("un véhicule neuf.", "fr") == []
    assert values("neuf véhicules", "fr") == [("neuf", 9)]


@pytest.mark.parametrize(
    ("text", "lang", "words", "value", "convention"),
    [
        ("des centaines de déplacés", "fr", "des centaines", 100, "ACLED: hundreds = 100"),
        ("des milliers de réfugiés", "fr", "des milliers", 1000, "ACLED: thousands = 1000"),
        ("hundreds of displaced", "en", "hundreds", 100, "ACLED: hundreds = 100"),
        ("tens of civilians", "en", "tens", 10, "ACLED: tens = 10"),
        ("thousands of refugees", "en", "thousands", 1000, "ACLED: thousands = 1000"),
    ],
)
def test_vague_plurals_take_acleds_convention(text, lang, words, value, convention):
    unit = text.split()[-1]
    assert figures(text, lang) == [
        fig(text, words, value=value, qualifier="at least", unit=unit, convention=convention)
    ]


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("plusieurs véhicules", "fr", "plusieurs"),
        ("plusieurs dizaines de motos", "fr", "plusieurs dizaines"),
        ("des dizaines de milliers de déplacés", "fr", "des dizaines de milliers"),
        ("several vehicles", "en", "several"),
        ("a few dozen motorbikes", "en", "a few dozen"),
        ("tens of thousands of people", "en", "tens of thousands"),
    ],
)
def test_counts_no_convention_gives_a_number_keep_their_words(text, lang, words):
    (found,) = figures(text, lang)
    assert found[2] == words
    assert found[3]["value"] is None and found[3]["convention"] == ""
    assert found[3]["unit"] == text.split()[-1]


def test_a_dozen_is_about_twelve():
    t = "a dozen Malian soldiers"
    assert figures(t, "en") == [fig(t, "a dozen", value=12, qualifier="about", unit="soldiers")]


def test_fewer_than_is_a_ceiling():
    t = "moins de 10 blessés"
    assert figures(t, "fr") == [fig(t, "moins de 10", max=10, unit="blessés")]
    t = "fewer than 10 wounded"
    assert figures(t, "en") == [fig(t, "fewer than 10", max=10, unit="wounded")]


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("30 % du territoire", "fr", "30"),
        ("30\u00a0% du territoire", "fr", "30"),
        ("30 pour cent du territoire", "fr", "30"),
        ("30% of the territory", "en", "30"),
        ("about 30 percent of the territory", "en", "about 30"),
    ],
)
def test_percentages_are_figures_with_unit_percent(text, lang, words):
    (found,) = figures(text, lang)
    assert (found[2], found[3]["value"], found[3]["unit"]) == (words, 30, "%")


def test_units_skip_de_of_and_adjectives():
    assert [v["unit"] for *_, v in figures("une vingtaine d'hommes armés", "fr")] == ["hommes"]
    assert [v["unit"] for *_, v in figures("15 d'entre eux", "fr")] == [""]
    assert [v["unit"] for *_, v in figures("50 armed Russian mercenaries", "en")] == ["mercenaries"]
    assert [v["unit"] for *_, v in figures("15 of them", "en")] == [""]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("En 2023, l'armée est entrée à Kidal.", "fr"),
        ("L'armée est entrée à Kidal le 14 novembre 2023.", "fr"),
        ("Le 27 juillet, les combats ont repris.", "fr"),
        ("Du 25 au 27 juillet, les combats ont duré.", "fr"),
        ("Le convoi est parti à 14h30, puis à 16 h 15.", "fr"),
        ("Le 1er août, le 3e bataillon est arrivé.", "fr"),
        ("Le CSP-PSD et la MINUSMA 2013 dans le G5 Sahel.", "fr"),
        ("La résolution 2719 puis la résolution 2690 (2023).", "fr"),
        ("Entre 2012-2013 et depuis 2012.", "fr"),
        ("Un char T-72 et un MiG-21.", "fr"),
        ("In 2024 fighters attacked Kidal.", "en"),
        ("On July 27, 2024, the convoy left; on 27 July it came back.", "en"),
        ("The convoy left at 3 p.m. or at 14:30.", "en"),
        ("Resolution 2719 and Resolution No. 2100.", "en"),
        ("A 20-year-old man joined the 3rd battalion in the 1990s.", "en"),
        ("In May 2024 and in Sept. 12 talks.", "en"),
    ],
)
def test_not_figures(text, lang):
    assert figures(text, lang) == []


def test_a_big_number_that_is_no_year_is_a_figure():
    t = "Les 2000 combattants et les 2 000 combattants ; en 2000, rien."
    assert values(t, "fr") == [("2000", 2000), ("2 000", 2000)]
    assert values("Some 2000 soldiers and 2000 soldiers.", "en") == [
        ("Some 2000", 2000),
        ("2000", 2000),
    ]


def test_only_the_given_segments_are_read():
    t = "50 soldats.\n\n60 soldiers."
    first = segments(t, "fr")[:1]
    assert [f.text for f in find_figures(t, first)] == ["50"]
    assert find_figures(t, []) == []
    assert [f.text for f in find_figures(t, [Segment(0, len(t), "xx")])] == ["50", "60"]


# --- dates are dates.py's, units are nouns, Unicode case, long paragraphs ----------------


@pytest.mark.parametrize(
    ("text", "lang", "words", "unit"),
    [
        ("Publié le 2024-07-30T10:00:00Z : 12 soldats tués à Gao.", "fr", "12", "soldats"),
        ("Le 14/07, 200 personnes ont défilé à Gao.", "fr", "200", "personnes"),
        ("Les 25, 26 et 27 juillet 2024, 30 maisons ont brûlé.", "fr", "30", "maisons"),
        ("Du 25 au 27 juillet, 40 véhicules ont été saisis.", "fr", "40", "véhicules"),
        ("On July 27-28, 2024, 50 fighters were killed.", "en", "50", "fighters"),
        ("Between 3 and 5 August 2024, 60 families fled.", "en", "60", "families"),
        ("Mardi 14, 70 motos ont été saisies.", "fr", "70", "motos"),
        # a date quoted in the other language is no count either
        ("Le communiqué « of July 27 » fait état de 80 morts.", "fr", "80", "morts"),
    ],
)
def test_the_numbers_of_dates_are_no_figures(text, lang, words, unit):
    assert [(f[2], f[3]["unit"]) for f in figures(text, lang)] == [(words, unit)]


def test_a_number_of_the_week_is_a_figure_when_no_day_is_written():
    t = "On Tuesday 14 soldiers died; on Tuesday the 14th, 3 trucks burned."
    assert figures(t, "en") == [
        fig(t, "14", value=14, unit="soldiers"),
        fig(t, "3", value=3, unit="trucks"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Il a dit que 2024 serait l'année de la paix.",
        "Le bilan de 2023 est lourd ; 2024 a commencé dans le sang.",
        "He said 2024 would be calmer.",
        "La route est surveillée 24/7 par l'armée.",
        "Près de 1/2 des habitants sont partis.",
    ],
)
def test_years_with_no_noun_after_them_and_slashed_numbers_are_no_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("Some 2,000 fled, up from 1,500 last year.", "en", "1,500"),
        ("They were 300 this time, and 400 next time.", "en", "400"),
        ("Ils étaient 1 000 l'an dernier ; ils seraient 500 aujourd'hui.", "fr", "500"),
        ("Le bilan est de 12 ; il était de 10 hier.", "fr", "10"),
    ],
)
def test_a_verb_an_adverb_or_a_word_of_time_is_no_unit(text, lang, words):
    found = {f[2]: f[3] for f in figures(text, lang)}
    assert (found[words]["unit"], found[words]["value"]) == ("", read_number(words, lang))


def test_letters_matched_unicode_wise_are_read_not_a_crash():
    # "ſ" (long s) matches s when case is ignored, "K" (Kelvin sign) k; "ı" (dotless i)
    # matches i too, but "dıx" casefolds to no number: no figure, and no KeyError
    t = "Près de ſix mille ſoldats, une ſoixantaine de motos, deux milliardſ de francs."
    assert figures(t, "fr") == [
        fig(t, "Près de ſix mille", value=6000, qualifier="about", unit="ſoldats"),
        fig(t, "une ſoixantaine", value=60, qualifier="about", unit="motos"),
        fig(t, "deux milliardſ", value=2000000000, unit="francs"),
    ]
    assert values("dıx soldats et neuf motos", "fr") == [("neuf", 9)]
    assert values("ſix hundred men and ſiK trucks", "en") == [("ſix hundred", 600)]


def test_a_long_paragraph_reads_as_its_sentences_do():
    # one paragraph of many sentences (the spans to skip are looked up by bisection, not
    # one by one): the same finds as each sentence alone, shifted
    sentence = (
        "Le 27 juillet vers 14h30, 40 morts et 12 blessés ; les 25, 26 et 27 juillet, plus de "
        "1 000 soldats. "
    )
    alone = figures(sentence, "fr")
    assert [f[2] for f in alone] == ["40", "12", "plus de 1 000"]
    n = 2000
    t = sentence * n
    shifted = [(a + i * len(sentence), b + i * len(sentence), w, v) for i in range(n)
               for a, b, w, v in alone]  # fmt: skip
    assert figures(t, "fr") == shifted


def test_a_mask_tells_a_span_that_touches_one_of_its_own():
    mask = Mask([(10, 20), (12, 14), (30, 31), (5, 8)])
    touching = [(0, 6), (7, 9), (19, 25), (13, 13 + 1), (30, 31), (29, 31)]
    apart = [(0, 5), (8, 10), (20, 30), (31, 40)]
    assert all(mask.overlaps(*s) for s in touching)
    assert not any(mask.overlaps(*s) for s in apart)
    assert not Mask([]).overlaps(0, 10)
