"""One thing found in an article's text: its kind, its exact span, and what it means."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Find:
    """``start``/``end`` are offsets in characters (Python str indices) into the text as
    read, so ``text[start:end] == self.text`` always holds; ``value`` is JSON-ready."""

    kind: str  # place | date | actor | figure
    start: int
    end: int
    text: str
    value: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
        }


def span(kind: str, text: str, start: int, end: int, value: dict[str, Any]) -> Find:
    """A find cut from ``text`` itself, so its span and words can never disagree."""
    return Find(kind, start, end, text[start:end], value)
