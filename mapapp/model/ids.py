"""Ids for imported items: readable slugs that fit the situation schema, never repeated."""

from __future__ import annotations

import re
import unicodedata

MAX_LEN = 64


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:MAX_LEN].rstrip("-") or "item"


class IdMaker:
    """Hands out unique schema-valid ids; the same text twice gets -2, -3…"""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, text: str) -> str:
        base = slug(text)
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            tail = f"-{n}"
            candidate = base[: MAX_LEN - len(tail)] + tail
        self.used.add(candidate)
        return candidate
