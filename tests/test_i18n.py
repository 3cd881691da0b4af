"""The interface in French: the catalogue is complete and current, the compiled catalogue is
what the recipe makes, counts take their numerus forms, dates and numbers are written as
French writes them, and the command line and its exports speak the language asked for."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from cli_run import ROOT, mapapp

sys.path.insert(0, str(ROOT / "packaging" / "i18n"))
import build as catalogues

CATALOGUES = ROOT / "resources" / "i18n"
TS = CATALOGUES / "mapapp_fr.ts"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_catalogue_is_complete_and_current(tmp_path, language):
    """English, the source, holds only the counts' singular and plural."""
    ts = CATALOGUES / f"mapapp_{language}.ts"
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    said = catalogues.update(copy, language)
    if language == "fr":
        assert "(0 new and" in said, said  # every text in the code is in the catalogue
    assert copy.read_bytes() == ts.read_bytes()  # and nothing there the code no longer has
    root = ET.parse(ts).getroot()
    assert root.get("language") == language
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == []
    for m in root.iter("message"):
        if m.get("numerus") == "yes":  # French: one form for 0 and 1, one for more
            forms = [f.text for f in m.find("translation").iter("numerusform")]
            assert len(forms) == 2 and all(forms), m.findtext("source")
        else:
            assert m.find("translation").text, m.findtext("source")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_compiled_catalogue_is_the_recipes(tmp_path, language):
    ts = CATALOGUES / f"mapapp_{language}.ts"
    qm = tmp_path / ts.with_suffix(".qm").name
    catalogues.compile_catalogue(ts, qm)
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes()


def test_counts_dates_and_numbers_in_french_and_english():
    code = (
        "from mapapp import i18n\n"
        "from mapapp.geo.geodesy import format_distance\n"
        "from mapapp.model.time_span import TimeSpan\n"
        "for lang in ('fr', 'en'):\n"
        "    i18n.set_language(lang)\n"
        "    print(*(i18n.tr('%Ln claim(s)', 'caption', n) for n in (0, 1, 1266)), sep=' | ')\n"
        "    print(format_distance(1_266_400), '|', format_distance(2500))\n"
        "    print(TimeSpan('day', '2024-07-25', '2024-07-27').label(), '|',"
        " TimeSpan('after', '2012').label(), '|', TimeSpan('month', '2024-07').label())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    nb = "\u202f"  # French groups digits with a narrow no-break space
    assert out.stdout.splitlines() == [
        f"0 affirmation | 1 affirmation | 1{nb}266 affirmations",
        f"1{nb}266 km | 2,5 km",
        "du 25 juillet 2024 au 27 juillet 2024 | après 2012 | juillet 2024",
        "0 claims | 1 claim | 1,266 claims",
        "1,266 km | 2.5 km",
        "2024-07-25 to 2024-07-27 | after 2012 | 2024-07",
    ]


def test_a_snapshot_in_french(tmp_path):
    out = tmp_path / "carte.svg"
    r = mapapp("snapshot", "--lang", "fr", "--select", "battle", "-o", out)
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    for words in ("Légende", "Frontière Mali–Algérie (1:10m)", "Événement\u00a0: bataille",
                  "du 25 juillet 2024 au 27 juillet 2024", "près de Tinzaouaten",
                  "Données au", "domaine public"):  # fmt: skip
        assert words in svg, words
    assert "Legend" not in svg and "Data as of" not in svg
    # the map's own names as French writes them: Natural Earth's NAME_FR, GeoNames' exonyms
    for name in (">Tombouctou<", ">A L G É R I E<", ">M A U R I T A N I E<", ">Taoudéni<"):
        assert name in svg, name
    assert ">Timbuktu<" not in svg and ">A L G E R I A<" not in svg


@pytest.mark.parametrize(
    ("env_lang", "flag", "french"),
    [("fr_FR.UTF-8", None, True), ("fr_FR.UTF-8", "en", False), ("C.UTF-8", None, False)],
)
def test_the_language_follows_the_system_unless_told(tmp_path, env_lang, flag, french):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env["LANG"] = env_lang
    out = tmp_path / "map.svg"
    cmd = [sys.executable, "-m", "mapapp", "snapshot", "-o", str(out)]
    cmd += ["--lang", flag] if flag else []
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    assert r.returncode == 0, r.stderr
    assert ("Légende" in out.read_text(encoding="utf-8")) is french


def test_an_unknown_language_is_one_line():
    r = mapapp("snapshot", "--lang", "de", "-o", "x.png")
    assert r.returncode == 2
    assert r.stderr.strip() == "mapapp: error: --lang 'de': use one of en, fr"


def test_the_window_keeps_speaking_french_after_a_garbage_collection(qapp):
    """Qt's own buttons (a dialog's Cancel) come from Qt's catalogue, which must stay
    installed: a translator Python no longer holds is collected and stops working."""
    import gc

    from PySide6.QtCore import QCoreApplication

    from mapapp import i18n
    from mapapp.ui.app import use_language

    try:
        assert use_language(qapp, "fr") == "fr"
        gc.collect()
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
        assert QCoreApplication.translate("export", "Export snapshot") == "Exporter l'instantané"
    finally:
        i18n.set_language("en")
        i18n.install(qapp)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
