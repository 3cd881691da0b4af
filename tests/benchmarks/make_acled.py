"""Deterministic ACLED-layout CSV files for the data benchmarks (never committed).

    python tests/benchmarks/make_acled.py 1000000 -o /tmp/acled-1m.csv

Rows look like a real export: the current 31 columns, a UTF-8 BOM, ACLED's event and
sub-event types in realistic shares, a few thousand actors and tens of thousands of
locations across Africa, inter2 = 0 where there is no second actor, week- and
month-precise dates, notes of a few hundred characters that quote sources (some with
markup, semicolons and line breaks), fatalities mostly 0. Same N, same seed: same bytes.
The content is random, not a fact about anywhere.
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date
from pathlib import Path

from mapapp.exchange.acled_codebook import COLUMNS

TYPES = [  # (event_type, disorder_type, sub-event types, share)
    ("Battles", "Political violence", ["Armed clash", "Government regains territory"], 0.24),
    (
        "Explosions/Remote violence",
        "Political violence",
        ["Air/drone strike", "Remote explosive/landmine/IED", "Shelling/artillery/missile attack"],
        0.14,
    ),
    (
        "Violence against civilians",
        "Political violence",
        ["Attack", "Abduction/forced disappearance", "Sexual violence"],
        0.22,
    ),
    ("Protests", "Demonstrations", ["Peaceful protest", "Protest with intervention"], 0.25),
    ("Riots", "Demonstrations", ["Violent demonstration", "Mob violence"], 0.08),
    (
        "Strategic developments",
        "Strategic developments",
        ["Looting/property destruction", "Arrests", "Agreement", "Other"],
        0.07,
    ),
]
COUNTRIES = [  # (name, ISO numeric, lon range, lat range)
    ("Mali", 466, (-12.0, 4.0), (10.5, 24.5)),
    ("Burkina Faso", 854, (-5.3, 2.2), (9.5, 15.0)),
    ("Niger", 562, (0.5, 15.5), (12.0, 23.0)),
    ("Nigeria", 566, (3.0, 14.5), (4.5, 13.5)),
    ("Sudan", 729, (22.0, 38.0), (9.0, 22.0)),
    ("Somalia", 706, (41.0, 51.0), (-1.5, 11.5)),
    ("Democratic Republic of Congo", 180, (12.5, 31.0), (-13.0, 5.0)),
    ("Cameroon", 120, (9.0, 16.0), (2.0, 12.5)),
    ("Ethiopia", 231, (33.0, 47.5), (3.5, 14.8)),
    ("Chad", 148, (14.0, 23.5), (7.5, 23.0)),
]
WORDS = [
    "On",
    "around",
    "the",
    "night",
    "of",
    "armed",
    "men",
    "attacked",
    "reportedly",
    "killed",
    "wounded",
    "village",
    "market",
    "convoy",
    "patrol",
    "checkpoint",
    "residents",
    "fled",
    "sources",
    "said",
    "local",
    "officials",
    "military",
    "army",
    "clashes",
    "near",
    "road",
    "town",
    "camp",
    "displaced",
    "police",
    "fired",
    "protesters",
    "gathered",
    "demand",
    "release",
    "fuel",
    "prices",
    "election",
    "results",
    "militants",
    "ambush",
    "vehicles",
    "improvised",
    "device",
    "exploded",
]
SOURCES = ["Fixture Wire", "Fixture Radio", "Local partner", "Social media", "Fixture Daily"]
INTER_NAMES = ["State forces", "Rebel group", "Political militia", "Identity militia"]
INTER_NAMES += ["Rioters", "Protesters", "Civilians", "External/Other forces"]


def rows(n: int, seed: int = 20240727):
    rng = random.Random(seed)
    actors = [(f"Fixture Group {i} ({COUNTRIES[i % 10][0]})", 1 + i % 8) for i in range(3000)]
    places = []
    for i in range(40_000):
        name, iso, (lo0, lo1), (la0, la1) = COUNTRIES[i % len(COUNTRIES)]
        places.append(
            (
                f"Place {i}",
                name,
                iso,
                f"Region {i % 40}",
                f"District {i % 400}",
                rng.uniform(lo0, lo1),
                rng.uniform(la0, la1),
            )
        )
    shares = [t[3] for t in TYPES]
    first = date(1997, 1, 1).toordinal()
    span = date(2025, 12, 31).toordinal() - first
    for k in range(n):
        etype, disorder, subs, _ = rng.choices(TYPES, shares)[0]
        a1, i1 = actors[rng.randrange(len(actors))]
        two = rng.random() < 0.6
        a2, i2 = actors[rng.randrange(len(actors))] if two else ("", 0)
        place, country, iso, admin1, admin2, lon, lat = places[rng.randrange(len(places))]
        day = date.fromordinal(first + int(span * rng.random() ** 0.35))
        tp = rng.choices((1, 2, 3), (0.9, 0.08, 0.02))[0]
        gp = rng.choices((1, 2, 3), (0.75, 0.2, 0.05))[0]
        words = rng.choices(WORDS, k=rng.randint(10, 42))
        note = f"On {day.day} {day:%B %Y}, " + " ".join(words) + "."
        if k % 997 == 0:
            note += ' A source quoted "<b>all clear</b>"; another said otherwise.\nLater: more.'
        fat = 0 if rng.random() < 0.7 else int(rng.expovariate(1 / 6))
        yield [
            f"FIX{k + 1}",
            day.isoformat(),
            str(day.year),
            str(tp),
            disorder,
            etype,
            rng.choice(subs),
            a1,
            "; ".join(rng.choice(actors)[0] for _ in range(rng.choice((0, 0, 1, 2)))),
            str(i1),
            a2,
            "",
            str(i2),
            f"{i1}{i2}",
            "Civilian targeting" if etype == "Violence against civilians" else "",
            str(iso),
            "Western Africa",
            country,
            admin1,
            admin2,
            "",
            place,
            f"{lat:.4f}",
            f"{lon:.4f}",
            str(gp),
            "; ".join(rng.sample(SOURCES, rng.randint(1, 2))),
            "National",
            note,
            str(fat),
            "",
            str(1_700_000_000 + (day - date(2023, 1, 1)).days * 86_400 % 90_000_000),
        ]


def write(n: int, out: Path) -> Path:
    tmp = out.with_suffix(out.suffix + ".part")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows(rows(n))
    tmp.replace(out)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("rows", type=int)
    p.add_argument("-o", "--output", type=Path, required=True)
    a = p.parse_args()
    write(a.rows, a.output)
    print(f"wrote {a.output} ({a.rows:,} rows, {a.output.stat().st_size / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
