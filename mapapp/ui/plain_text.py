"""Text from data in Qt places that would otherwise interpret it.

Qt reads a tooltip as rich text when it merely *looks* like HTML (``Qt::mightBeRichText``),
and reads '&' in a menu entry as a mnemonic; an actor named "<b>Army</b>" or an event
"Arms & ammunition" must show exactly as written.
"""

from __future__ import annotations


def tooltip(text: str) -> str:
    """Rich text that displays ``text`` literally, line breaks kept. (html is imported
    here: the map view needs this module before its first frame, tooltips come later.)"""
    from html import escape

    return "<p style='white-space:pre-wrap'>" + escape(text) + "</p>"


def menu_label(text: str) -> str:
    return text.replace("&", "&&")
