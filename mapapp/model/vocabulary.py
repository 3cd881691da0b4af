"""The words for the situation format's codes (event types, precisions, claim statuses,
actor kinds, relations), in the interface's language: the file keeps the codes, a person
reads these. Qt-free: the texts are marked for lupdate and translated through mapapp.i18n.
"""

from __future__ import annotations

from mapapp.i18n import QT_TRANSLATE_NOOP, translate

EVENT_TYPES = {
    "battle": QT_TRANSLATE_NOOP("event type", "battle"),
    "ambush": QT_TRANSLATE_NOOP("event type", "ambush"),
    "weather": QT_TRANSLATE_NOOP("event type", "weather"),
    "death": QT_TRANSLATE_NOOP("event type", "death"),
    "aircraft_loss": QT_TRANSLATE_NOOP("event type", "aircraft loss"),
    "takeover": QT_TRANSLATE_NOOP("event type", "takeover"),
    "intervention": QT_TRANSLATE_NOOP("event type", "intervention"),
    "agreement": QT_TRANSLATE_NOOP("event type", "agreement"),
    "attacks": QT_TRANSLATE_NOOP("event type", "attacks"),
    "coup": QT_TRANSLATE_NOOP("event type", "coup"),
    "expulsion": QT_TRANSLATE_NOOP("event type", "expulsion"),
    "conflict": QT_TRANSLATE_NOOP("event type", "conflict"),
    "report": QT_TRANSLATE_NOOP("event type", "report"),
    "explosion": QT_TRANSLATE_NOOP("event type", "explosion"),
    "violence_against_civilians": QT_TRANSLATE_NOOP("event type", "violence against civilians"),
    "protest": QT_TRANSLATE_NOOP("event type", "protest"),
    "riot": QT_TRANSLATE_NOOP("event type", "riot"),
    "strategic_development": QT_TRANSLATE_NOOP("event type", "strategic development"),
}
TIME_PRECISIONS = {
    "day": QT_TRANSLATE_NOOP("time precision", "day"),
    "week": QT_TRANSLATE_NOOP("time precision", "week"),
    "month": QT_TRANSLATE_NOOP("time precision", "month"),
    "year": QT_TRANSLATE_NOOP("time precision", "year"),
    "after": QT_TRANSLATE_NOOP("time precision", "after a date"),
    "unknown": QT_TRANSLATE_NOOP("time precision", "unknown"),
}


def event_type_label(code: str) -> str:
    """'violence against civilians' for 'violence_against_civilians' (a code outside the
    schema, from a dataset, with its underscores as spaces)."""
    if code in EVENT_TYPES:
        return translate("event type", EVENT_TYPES[code])
    return str(code).replace("_", " ")


def time_precision_label(code: str) -> str:
    return translate("time precision", TIME_PRECISIONS[code]) if code in TIME_PRECISIONS else code


def precision_label(code: str) -> str:
    from mapapp.model.situation import PRECISION_LABELS

    return translate("precision", PRECISION_LABELS[code]) if code in PRECISION_LABELS else code


def status_label(code: str) -> str:
    from mapapp.model.situation import STATUS_LABELS

    return translate("claim status", STATUS_LABELS[code]) if code in STATUS_LABELS else code
