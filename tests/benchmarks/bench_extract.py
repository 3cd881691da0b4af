"""Reading a 5,000-word article: `mapapp extract` (places, dates, actors, figures) and
`mapapp places`, whole processes, the first run (which builds the gazetteer's index in an
empty cache) and the runs after; beside the peer many would reach for, dateparser's
search_dates over the same text (dates only, in-process, French and English at once).

    .venv/bin/python tests/benchmarks/bench_extract.py [--quick]

Goal (issue 23): `mapapp places` on 5,000 words <= 1 s after the first run.
The article mixes the seed's English paragraphs with French ones written for this
benchmark, to 5,000 words. --quick: one run of each.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from bench_common import begin  # noqa: E402

FRENCH = [
    "Gao, le 2 août 2024 — Les Forces armées maliennes ont annoncé mardi avoir repris le "
    "contrôle d'Anéfis, à une centaine de kilomètres au sud de Kidal, après deux jours de "
    "combats contre des éléments du CSP-DPA.",
    "Selon un bilan provisoire publié le 27 juillet 2024, une cinquantaine de soldats et des "
    "dizaines de combattants rebelles ont été tués près de Tinzaouaten. Le JNIM affirme pour "
    "sa part avoir abattu entre 20 et 80 hommes du groupe Wagner.",
    "À Tombouctou comme à Ménaka, plus de 1 000 personnes ont fui vers Léré et Ber depuis "
    "la semaine dernière, d'après une organisation humanitaire citée il y a deux jours.",
    "La MINUSMA avait quitté Tessalit et Aguelhok en octobre 2023 ; l'armée et ses "
    "partenaires russes de l'Africa Corps y sont présents depuis sept. 2024.",
]


def article(words: int = 5000) -> str:
    english = (ROOT / "seeds" / "000_631ddefb58e5ec4e.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in english.split("\n\n") if p.strip()]
    out: list[str] = []
    i = 0
    while sum(len(p.split()) for p in out) < words:
        out.append(paragraphs[i % len(paragraphs)])
        out.append(FRENCH[i % len(FRENCH)])
        i += 1
    return "\n\n".join(out)


def run(cmd: list[str], cache: str) -> float:
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mapapp", *cmd], check=True, capture_output=True, env=env, cwd=ROOT
    )
    return time.perf_counter() - t


def main() -> None:
    quick = begin("one run of each")
    runs = 1 if quick else 5
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        text = article()
        path.write_text(text, encoding="utf-8")
        print(f"article: {len(text.split()):,} words, {len(text):,} characters")
        cache = str(Path(tmp) / "cache")
        first = run(["extract", str(path), "--published", "2024-08-02"], cache)
        print(f"mapapp extract, first run (builds the index):  {first:6.2f} s")
        cmd = ["extract", str(path), "--published", "2024-08-02"]
        warm = [run(cmd, cache) for _ in range(runs)]
        extract_s = statistics.median(warm)
        print(f"mapapp extract, after (median of {len(warm)}):     {extract_s:6.2f} s")
        places = [run(["places", str(path)], cache) for _ in range(runs)]
        places_s = statistics.median(places)
        print(f"mapapp places, after (median of {len(places)}):      {places_s:6.2f} s  (goal 1 s)")
        found = subprocess.run(
            [sys.executable, "-m", "mapapp", "extract", str(path), "--published", "2024-08-02"],
            check=True,
            capture_output=True,
            text=True,
            env=dict(os.environ, XDG_CACHE_HOME=cache),
            cwd=ROOT,
        ).stdout.splitlines()
        kinds: dict[str, int] = {}
        for line in found:
            kind = line.split('"kind": "', 1)[1].split('"', 1)[0]
            kinds[kind] = kinds.get(kind, 0) + 1
        print("found: " + ", ".join(f"{n:,} {k}s" for k, n in sorted(kinds.items())))
        print(f"peer, dateparser search_dates (fr+en), in-process: {peer(text):6.2f} s")


def peer(text: str) -> float:
    """dateparser's own search over the same text: dates only, no spans."""
    from dateparser.search import search_dates

    t = time.perf_counter()
    search_dates(text, languages=["fr", "en"])
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
