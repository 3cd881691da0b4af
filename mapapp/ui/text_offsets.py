"""Qt counts a text's positions in UTF-16 units; the situation counts characters (code
points). They differ after any character outside the Basic Multilingual Plane (an emoji
in a quoted post), so every offset crossing between the two goes through here."""

from __future__ import annotations


def python_offset(text: str, qt_position: int) -> int:
    return len(text.encode("utf-16-le")[: 2 * qt_position].decode("utf-16-le", "ignore"))


def qt_position(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2
