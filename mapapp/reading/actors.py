"""The armed actors an article names, found by the spellings articles use for them.

The actors, their aliases in English and French and the dates they existed live in
resources/reading/actors.json, each date with the source it came from; this module only
matches them. Matching folds what articles vary in (case, accents, hyphen or space,
straight or curly apostrophe) but keeps acronyms exact: "FLA" as a whole word, never the
start of "flat" nor a piece of "FLA-X". The longest alias wins where two overlap, so
"Forces armées maliennes" is one find and "groupe Wagner" one span.

Matching rules, by the shape of the alias:
- an acronym (one word, at most 6 letters, at least 2 capitals: FAMa, JNIM, CSP-PSD) is
  matched case-sensitively, as a whole word: not inside a longer word (so "CMAs" is not
  the CMA), not glued by a hyphen to another capitalised code ("CSP" is not found in
  "CSP-XYZ"), but "JNIM-linked" and "CMA's" are;
- any other single word (Wagner, Barkhane, MINUSMA) keeps the case of its first letter:
  "barkhane" in lower case is a dune, "Minusma" is the mission;
- several words are matched without regard to case.
Bare "l'armée" / "the army" is no alias: only the specific forms ("armée malienne").
Given the article's day, a name is read as the group it stood for then (find_actors).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mapapp.geo.gazetteer import fold
from mapapp.reading.finds import Find, span
from mapapp.reading.spans import Taken
from mapapp.resources_path import resources_dir

ACTORS_FILE = ("reading", "actors.json")
ACRONYM_LETTERS = 6
_APOSTROPHES = "'’ʼ‘`´"
_SEPARATORS = r"[\s\-‐‑–—]+"
_DASHES = "-‐‑"
# the accented forms a plain letter stands for, in either case (re.IGNORECASE or not)
_VARIANTS = {
    "a": "aàâäáã",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîïí",
    "n": "nñ",
    "o": "oôöó",
    "u": "uùûüú",
    "y": "yÿ",
}
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True, eq=False)  # hashed by identity: the compiled patterns are cached
class Actor:
    id: str
    name: str
    name_fr: str
    kind: str
    aliases: tuple[str, ...]
    existed: dict[str, str | None]
    in_mali: dict[str, str | None] | None = None
    predecessor: str | None = None
    successor: str | None = None
    note: str = ""
    sources: tuple[dict[str, str], ...] = ()

    def spellings(self) -> tuple[str, ...]:
        """Every form matched: both canonical names, then the aliases."""
        return tuple(dict.fromkeys((self.name, self.name_fr, *self.aliases)))

    def as_value(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_fr": self.name_fr,
            "kind": self.kind,
            "existed": dict(self.existed),
        }


def _actor(entry: dict[str, Any]) -> Actor:
    return Actor(
        id=entry["id"],
        name=entry["name"],
        name_fr=entry["name_fr"],
        kind=entry["kind"],
        aliases=tuple(entry.get("aliases", ())),
        existed={"from": entry["existed"]["from"], "to": entry["existed"]["to"]},
        in_mali=entry.get("in_mali"),
        predecessor=entry.get("predecessor"),
        successor=entry.get("successor"),
        note=entry.get("note", ""),
        sources=tuple(entry.get("sources", ())),
    )


def load_actors() -> list[Actor]:
    path = resources_dir().joinpath(*ACTORS_FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    return [_actor(entry) for entry in data["actors"]]


def existed_on(existed: dict[str, str | None], day: str) -> bool | None:
    """Whether an actor existed on ``day`` (YYYY[-MM[-DD]]), compared at the precision both
    dates share; None when a bound that matters is unknown ("from" null)."""
    start, end = existed.get("from"), existed.get("to")
    if not _DATE.match(day):
        raise ValueError(f"not a date: {day!r}")
    if start is None:
        return None
    if day[: len(start)] < start[: len(day)]:
        return False
    return not (end is not None and day[: len(end)] > end[: len(day)])


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return " " not in alias and len(letters) <= ACRONYM_LETTERS and capitals >= 2


def _bare(char: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", char.lower()) if not unicodedata.combining(c)
    )


def _letters(text: str) -> str:
    """``text`` as a pattern where each letter stands for its accented forms too."""
    out = []
    for char in text:
        variants = _VARIANTS.get(_bare(char))
        out.append(f"[{variants}]" if variants else re.escape(char))
    return "".join(out)


def _body(alias: str) -> str:
    """The alias as a pattern: runs of spaces or dashes match any such run, any apostrophe
    matches any apostrophe."""
    out = []
    for part in re.split(rf"({_SEPARATORS})", alias):
        if not part:
            continue
        if re.fullmatch(_SEPARATORS, part):
            out.append(_SEPARATORS)
            continue
        for piece in re.split(f"([{_APOSTROPHES}])", part):
            if piece and piece in _APOSTROPHES:
                out.append(f"[{_APOSTROPHES}]")
            elif piece:
                out.append(_letters(piece))
    return "".join(out)


def alias_pattern(alias: str) -> re.Pattern[str]:
    """How one alias is found in a text (the module docstring gives the rules)."""
    if is_acronym(alias):
        exact = re.escape(alias).replace(r"\-", f"[{_DASHES}]")
        glued_before = rf"(?<![A-Z0-9][{_DASHES}])"
        glued_after = rf"(?![{_DASHES}][A-Z0-9])"
        return re.compile(rf"(?<!\w){glued_before}{exact}(?!\w){glued_after}")
    if " " not in alias.strip() and alias[:1].isalpha():
        first, rest = alias[0], alias[1:]
        body = f"(?-i:{_letters(first)})(?i:{_body(rest)})" if rest else _letters(first)
        return re.compile(rf"(?<!\w){body}(?!\w)")
    return re.compile(rf"(?<!\w)(?i:{_body(alias)})(?!\w)")


@lru_cache(maxsize=8)
def _compiled(actors: tuple[Actor, ...]) -> tuple[tuple[re.Pattern[str], Actor, str], ...]:
    return tuple((alias_pattern(a), actor, a) for actor in actors for a in actor.spellings())


@lru_cache(maxsize=1)
def _default_actors() -> tuple[Actor, ...]:
    return tuple(load_actors())


def _of_its_day(actor: Actor, day: str, by_id: dict[str, Actor], alias: str) -> Actor:
    """``actor``, or, when it had ended (not yet begun) by ``day`` and ``alias`` is a name
    its successors (predecessors) go by too, the first of them that existed then: "CSP" in
    July 2024 is the CSP-DPA ("CSP-DPA" starts with it), while "MNLA" or "CSP-PSD", names of
    one group only, stay that group in any article, history being what they may speak of."""
    if existed_on(actor.existed, day) is not False:
        return actor
    shared = fold(alias)
    for step in ("successor", "predecessor"):
        seen, other = {actor.id}, getattr(actor, step)
        while other and other not in seen and (following := by_id.get(other)):
            names = [fold(n) for n in following.spellings()]
            lineage = any(n == shared or n.startswith(shared + " ") for n in names)
            if lineage and existed_on(following.existed, day):
                return following
            seen.add(other)
            other = getattr(following, step)
    return actor


def find_actors(text: str, actors: list[Actor] | None = None, day: str | None = None) -> list[Find]:
    """Every actor named in ``text``: finds of kind "actor", sorted, never overlapping;
    where two aliases overlap the longer one is kept (the earlier one on a tie).

    ``day`` (ISO, YYYY[-MM[-DD]]; the article's publication day) reads each name as it stood
    that day: an alias two actors share goes to the one that existed then, and an actor
    that had ended, or not yet begun, becomes the first of its successors, or predecessors,
    that existed ("CSP" in July 2024 is the CSP-DPA, the CSP-PSD having ended in May); one
    whose dates are unknown stays as written. Without ``day``, names are taken as written. A ``day``
    that is no ISO date raises ValueError."""
    known = _default_actors() if actors is None else tuple(actors)
    by_id = {actor.id: actor for actor in known}
    candidates: list[tuple[int, int, bool, Actor]] = []
    for pattern, actor, alias in _compiled(known):
        if day is not None:
            actor = _of_its_day(actor, day, by_id, alias)
        # an alias two actors share: the one that existed that day comes first
        absent = day is not None and existed_on(actor.existed, day) is not True
        candidates += [(m.start(), m.end(), absent, actor) for m in pattern.finditer(text)]
    candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))  # the longest, then the earliest
    taken = Taken()
    for start, end, _, actor in candidates:
        if taken.free(start, end):
            taken.add(start, end, actor)
    return [span("actor", text, s, e, actor.as_value()) for s, e, actor in taken.spans()]
