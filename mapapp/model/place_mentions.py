"""Place names in an article: which runs of capitalised words are places, and which place
each one most likely is.

A mention is the longest run of capitalised words (joined by spaces, hyphens or
apostrophes) that a gazetteer knows. Country names are not places here: they say which
countries the article is about. Candidates are ranked by that country context, by
population, and by distance to the article's other places (the Kidal in Mali, not the
one in Indonesia).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from mapapp.geo.gazetteer import Gazetteer, Place, fold

WORD = re.compile(r"[^\W\d_][\w’'\-]*", re.UNICODE)
# lower-case elided articles only: a capital N' or D' starts a name (N'Djamena)
ELISION = re.compile(r"^(?:[cdjlmst]|qu|dell|all|dall|nell|sull)['’](?=[^\W\d_])")
# capitalised words that begin sentences or name other things far more often than places
COMMON_WORDS = (
    "A An And As At But By For From He Her His However If In It Its Many More Most Mr "
    "Ms No Not Of On Or She So Some Such That The Their Them There These They This "
    "Those Though To Two One Three Under Until We What When Where While Who With Yet "
    "According Although Despite During After Before Since Following Meanwhile Also "
    "Army Islamist Islamists Russian Russians Tuareg Wagner Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December "
    # French, Spanish, Portuguese and Italian words that open sentences
    "Le La Les Un Une Des Du De Au Aux En Dans Selon Pour Par Sur Avec Sans Mais Ou Et "
    "Donc Car Ce Cette Ces Il Elle Ils Elles On Nous Vous Après Avant Depuis Lors Plus "
    "Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier Février Mars Avril Mai "
    "Juin Juillet Août Septembre Octobre Novembre Décembre El Los Las Del Al Una Por "
    "Para Con Según Os Do Da Dos Das Em No Na Lo Gli Della Nel"
)
COMMON = frozenset(fold(w) for w in COMMON_WORDS.split())
# a place far from the article's countries and other places must be at least this big
# to be taken for the name (a capitalised word is more often something else)
LONE_POPULATION = 5000
NEARBY_KM = 600.0
SHORT_NAME = 3  # letters


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    place: Place
    alternatives: tuple[Place, ...]


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words (spans), split where anything but a space sits between."""
    runs: list[list[tuple[int, int]]] = []
    last_end = -10
    for m in WORD.finditer(text):
        word, start = m.group(), m.start()
        elided = ELISION.match(word)  # French and Italian "l'Oued", "d'Anéfis"
        if elided:
            word, start = word[elided.end() :], start + elided.end()
        if not word[0].isupper():
            last_end = -10
            continue
        if runs and not elided and text[last_end:start] == " ":
            runs[-1].append((start, m.end()))
        else:
            runs.append([(start, m.end())])
        last_end = m.end()
    return runs


def find_mentions(
    text: str, gazetteer: Gazetteer, countries: dict[str, str], not_places: frozenset = frozenset()
) -> list[Mention]:
    """``countries``: folded name -> ISO code (context, never a mention); ``not_places``:
    folded names that are never places here (continents)."""
    context = _context(text, countries)
    lowercase = {m.group() for m in WORD.finditer(text) if m.group()[0].islower()}
    variants = _Variants(gazetteer, context)
    found: list[tuple[int, int, list[Place]]] = []
    longest = min(gazetteer.longest_name_words(), 5)
    for run in _runs(text):
        i = 0
        while i < len(run):
            for n in range(min(longest, len(run) - i), 0, -1):  # the longest name first
                start, end = run[i][0], run[i + n - 1][1]
                phrase = re.sub(r"[’']s$", "", text[start:end]).strip("’'-")
                end = start + len(phrase)
                key = fold(phrase)
                acronym = phrase.isupper() and len(phrase) <= 5  # BBC, JNIM, UN
                # a word also written in lower case here is a word, not a name ("Les")
                common = key in COMMON or acronym or phrase.lower() in lowercase
                if (n == 1 and common) or key in countries:
                    continue
                if key in not_places or _demonym(key, countries):
                    continue
                candidates = gazetteer.lookup(phrase) or variants.lookup(key)
                if candidates:
                    found.append((start, end, candidates))
                    i += n
                    break
            else:
                i += 1
    return _ranked(text, found, context)


class _Variants:
    """Spelling variants of names of the project's places and of places in the article's
    countries (Tin-Zaouatène for Tin Zaouatine): the same first letter, a similar length
    and at least ``SIMILAR`` alike."""

    SIMILAR = 0.85

    def __init__(self, gazetteer: Gazetteer, context: set[str]) -> None:
        self.gazetteer, self.context = gazetteer, context
        self._memo: dict[str, list[Place]] = {}

    def lookup(self, key: str) -> list[Place]:
        if len(key) < 6:
            return []
        if key not in self._memo:
            self._memo[key] = self._similar(key)
        return self._memo[key]

    def _similar(self, key: str) -> list[Place]:
        from difflib import SequenceMatcher

        out: list[Place] = []
        matcher = SequenceMatcher(None, a=key)
        near = self.gazetteer.names_like(self.context, key[0], len(key) - 2, len(key) + 2)
        for name, place in near:
            if place in out:
                continue
            matcher.set_seq2(name)
            if (
                matcher.real_quick_ratio() >= self.SIMILAR
                and matcher.quick_ratio() >= self.SIMILAR
                and matcher.ratio() >= self.SIMILAR
            ):
                out.append(place)
        return out


def _demonym(word: str, countries: dict[str, str]) -> str | None:
    """The country a word like 'Malian' or 'Nigerien' is of, if any: a country's name of
    four letters or more, and one to three letters after it (the longest such name)."""
    for end in range(len(word) - 1, max(3, len(word) - 4), -1):
        code = countries.get(word[:end])
        if code is not None:
            return code
    return None


def _context(text: str, countries: dict[str, str]) -> set[str]:
    """Countries the article names ('Mali', 'Malian', 'Algeria')."""
    out = set()
    for m in WORD.finditer(text):
        word = fold(m.group())
        if word in countries:
            out.add(countries[word])
        elif (code := _demonym(word, countries)) is not None:
            out.add(code)
    return out


def _ranked(text: str, found, context: set[str]) -> list[Mention]:
    # first pass: the best by country and population, to know where the article is
    keys = [fold(text[start:end]) for start, end, _ in found]
    by_key: dict[str, set[Place]] = {}
    for key, (_, _, candidates) in zip(keys, found, strict=True):
        by_key.setdefault(key, set()).add(max(candidates, key=lambda p: _score(p, context, [])))
    decided: dict[str, tuple[list[Place], bool]] = {}  # a name said twice is read once
    out = []
    for key, (start, end, candidates) in zip(keys, found, strict=True):
        if key not in decided:
            # the other names' places: a name said four times is not near itself
            others = [a for other, anchors in by_key.items() if other != key for a in anchors]
            ranked = sorted(candidates, key=lambda p: -_score(p, context, others))
            best = ranked[0]
            placed = best.source.startswith("mapapp") or best.country in context
            # a short name (Ber, Léo) is too often another place's nickname to stand alone
            lone = best.population >= LONE_POPULATION and len(key) > SHORT_NAME
            decided[key] = (ranked, placed or lone or _near(best, others))
        ranked, keep = decided[key]
        if keep:
            out.append(Mention(start, end, text[start:end], ranked[0], tuple(ranked[1:6])))
    return out


def _near(p: Place, others: list[Place]) -> bool:
    return any(_km(p, o) < NEARBY_KM for o in others)


def _score(p: Place, context: set[str], others: list[Place]) -> float:
    score = math.log10(p.population + 1)
    if p.source.startswith("mapapp"):
        score += 6.0  # the project's own places: checked coordinates
    if p.country in context:
        score += 3.0
    if _near(p, others):
        score += 2.0
    return score


def _km(a: Place, b: Place) -> float:
    """Great-circle distance (a ranking hint; geodesy proper lives in geo/geodesy)."""
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = la2 - la1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
