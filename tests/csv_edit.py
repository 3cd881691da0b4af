"""A CSV fixture copied with its rows edited: how the tests make one bad row."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path


def edited_copy(src: Path, folder: Path, edit: Callable[[list[list[str]]], None]) -> Path:
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    edit(rows)
    out = folder / "bad.csv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return out
