"""Which language each paragraph of an article is in: French or English, told apart by
their commonest short words. Two languages only, so a count of function words is both
enough and steady on a paragraph; a quote in the other language inside a paragraph keeps
the paragraph's language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

LANGUAGES = ("en", "fr")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_ENGLISH = (
    "the of and to in is was were are that with for on by at from has have had this "
    "which who their its it be been an as not but they after said"
)
_FRENCH = (
    "le la les des du de et à au aux est sont été dans pour par sur avec une un qui que "
    "ont selon après leur leurs cette ces ne pas se il elle ils depuis lors"
)
_MARKERS = {"en": frozenset(_ENGLISH.split()), "fr": frozenset(_FRENCH.split())}
# an elided article or pronoun is French whatever follows: l'armée, d'Anéfis, qu'il
_ELIDED = re.compile(r"^(?:l|d|qu|n|s|j|c)['’]", re.IGNORECASE)


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    lang: str


def language_of(text: str, default: str = "en") -> str:
    """'fr' or 'en' by the function words ``text`` uses; ``default`` on a tie."""
    scores = dict.fromkeys(LANGUAGES, 0)
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if _ELIDED.match(word):
            scores["fr"] += 1
            continue
        for lang in LANGUAGES:
            if word in _MARKERS[lang]:
                scores[lang] += 1
    if scores["fr"] == scores["en"]:
        return default
    return "fr" if scores["fr"] > scores["en"] else "en"


def segments(text: str, asked: str = "auto") -> list[Segment]:
    """The text cut at blank lines (paragraphs), each with its language. ``asked`` 'fr' or
    'en' gives every paragraph that language; 'auto' detects each one, a paragraph too
    short to tell taking the article's language."""
    cuts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        cuts.append(m.end())
    cuts.append(len(text))
    parts = [(a, b) for a, b in pairwise(cuts) if b > a]
    if asked in LANGUAGES:
        return [Segment(a, b, asked) for a, b in parts]
    whole = language_of(text)
    return [Segment(a, b, language_of(text[a:b], whole)) for a, b in parts]
