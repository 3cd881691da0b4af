"""Key sequences for actions, each key once.

A key sequence bound twice in one window never fires: Qt only prints "Ambiguous shortcut
overload". ``QKeySequence.StandardKey.Quit`` *is* Ctrl+Q on Linux desktops (and F11 is
one of FullScreen's keys), so an action that lists its usual key and the standard key
must drop the copy. What a standard key expands to depends on the platform theme, so the
expansion happens here, at run time, not in a list written by hand.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def unique_keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """Every binding of ``keys`` in order, duplicates and empty bindings dropped."""
    out: list[QKeySequence] = []
    seen: set[str] = set()
    for key in keys:
        bindings = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        for seq in bindings:
            text = seq.toString(QKeySequence.SequenceFormat.PortableText)
            if text and text not in seen:
                seen.add(text)
                out.append(seq)
    return out
