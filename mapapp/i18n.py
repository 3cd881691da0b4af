"""The language of the interface, the exports and the command line: Qt's translation system.

Every string a person reads goes through ``translate(context, text)``; pyside6-lupdate
collects those calls into resources/i18n/mapapp_<lang>.ts, a translator fills them in and
packaging/i18n/build.sh compiles them (pyside6-lrelease) into the .qm files shipped here.
Placeholders are Python's named ``{fields}`` (filled by ``.format`` after translating, so a
translation may move them). Counts use Qt's numerus forms through ``tr(text, what, n)``,
the one call lupdate's Python reader takes for a count (its context is empty; ``what``
tells same texts apart): ``tr("%Ln event(s)", "map", n)`` gives "1 événement",
"2 événements", the number written as the language does ("1 266"). Labels kept in tables
are marked for lupdate with ``QT_TRANSLATE_NOOP(context, text)`` and translated where shown.

English is the source: with it nothing of Qt is loaded (but for the first count, whose
singular and plural come from the small English catalogue), so the Qt-free core (model,
geo, exchange) can word its messages through here and stay Qt-free.
The language is chosen once per process (``set_language``): --lang, else the window's
remembered choice, else the system locale (LC_ALL, LC_MESSAGES, LANG).
"""

from __future__ import annotations

import os
from typing import Any

LANGUAGES = {"en": "English", "fr": "Français"}
SOURCE_LANGUAGE = "en"

_language = SOURCE_LANGUAGE
_translator: Any = None  # a QTranslator with mapapp's catalogue, when not English
_locale: Any = None  # the QLocale of the language, when not English
_installed: list[Any] = []  # the translators given to the application, kept alive here
# every text handed out -> what it was translated from, so a window can word its widgets
# anew when the language changes while it is open (see retranslated)
_issued: dict[str, set[tuple[str, str, str | None]]] = {}


def system_language() -> str:
    """The language the system asks for, as POSIX orders its variables; English when it
    asks for one we have no catalogue of."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in LANGUAGES else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def choose_language(asked: str | None = None, remembered: str | None = None) -> str:
    for code in (asked, remembered):
        if code in LANGUAGES:
            return code
    return system_language()


def catalogue_path(code: str):
    from mapapp.resources_path import resources_dir

    return resources_dir() / "i18n" / f"mapapp_{code}.qm"


def set_language(code: str) -> str:
    """Use ``code``'s catalogue from now on (English: none); returns the language set."""
    global _language, _translator, _locale
    code = code if code in LANGUAGES else SOURCE_LANGUAGE
    had_locale = _locale is not None
    _language, _translator, _locale = code, None, None
    if code == SOURCE_LANGUAGE:
        if had_locale:  # back from another language: Qt's formats too
            from PySide6.QtCore import QLocale

            QLocale.setDefault(QLocale.system())
        return code
    from PySide6.QtCore import QLocale, QTranslator

    translator = QTranslator()
    if translator.load(str(catalogue_path(code))):
        _translator = translator
    _locale = QLocale(code)
    QLocale.setDefault(_locale)
    return code


def language() -> str:
    return _language


def install(app: Any) -> None:
    """Give ``app`` the translators of the language (replacing those it had). Held here:
    Qt does not keep a translator alive, and a collected one silently stops working."""
    for old in _installed:
        app.removeTranslator(old)
    _installed[:] = qt_translators()
    for translator in _installed:
        app.installTranslator(translator)


def qt_translators() -> list[Any]:
    """What a QCoreApplication installs to speak the language: mapapp's catalogue and
    Qt's own (the buttons and dialogs Qt words itself)."""
    if _translator is None:
        return []
    from PySide6.QtCore import QLibraryInfo, QTranslator

    qt = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = qt.load(f"qtbase_{_language}", folder)
    return [_translator, *([qt] if found else [])]


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the interface's language (the source when no translation exists);
    with ``n`` >= 0, the numerus form for that count, its %n / %Ln filled in."""
    out = text
    if _translator is not None:
        found = _translator.translate(context, text, disambiguation, n)
        if found:
            out = found
    if n >= 0:
        return out.replace("%Ln", format_number(n)).replace("%n", str(n))
    _issued.setdefault(out, set()).add((context, text, disambiguation))
    return out


def retranslated(shown: str) -> str | None:
    """``shown`` (a text translate gave out earlier, in whatever language was set then) in
    the language set now; None for a text that did not come from the catalogue (data,
    or a sentence filled in with values, which its owner words again) and for one that
    two sources share (French "Type" is both "Kind" and "Type": its owner words it)."""
    keys = _issued.get(shown)
    if not keys:
        return None
    words = {translate(*key) for key in keys}
    return words.pop() if len(words) == 1 else None


def tr(text: str, disambiguation: str, n: int) -> str:
    """A count: ``text`` with %Ln (or %n) in the numerus form ``n`` takes (see above)."""
    global _translator
    if _translator is None and _language == SOURCE_LANGUAGE:
        from PySide6.QtCore import QTranslator

        english = QTranslator()
        if english.load(str(catalogue_path(SOURCE_LANGUAGE))):
            _translator = english
    return translate("", text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate where it is defined; translate it where it is shown."""
    return text


def format_number(value: float, decimals: int = 0) -> str:
    """A number as the language writes it: "1,266" / "1 266"."""
    if _locale is None:
        return f"{value:,.{decimals}f}"
    return _locale.toString(float(value), "f", decimals)


def format_date(iso: str) -> str:
    """A day or month (ISO 8601) as the language writes it: "27 juillet 2024", "juillet
    2024" (a month stays a month). English, the source, keeps ISO 8601 ("2024-07-27"),
    as mapapp always wrote it: unambiguous for analysts and sortable."""
    if _locale is None:
        return iso
    from datetime import date

    parts = iso.split("-")
    try:
        if len(parts) == 3:
            d = date.fromisoformat(iso)
        elif len(parts) == 2:
            d = date(int(parts[0]), int(parts[1]), 1)
        else:
            return iso
    except ValueError:
        return iso
    from PySide6.QtCore import QDate

    qd = QDate(d.year, d.month, d.day)
    return _locale.toString(qd, "d MMMM yyyy" if len(parts) == 3 else "MMMM yyyy")
